"""What the text says a figure is: ``actual`` (reported as fact), ``target`` (wanted, planned, pledged),
``forecast`` (expected, projected, future or possible) or ``estimate`` (estimated).

Read from the dependency parse, climbing from the figure's number to the words that govern it; the
lowest cue wins. Cues are word forms in ``newsdesk/data/figures_status_cues.tsv`` (the pipeline has
no lemmatizer):

- a qualifier "an estimated" / "estimated" (read by :mod:`.context`) -> estimate;
- a modifier on the figure or the noun it belongs to: "the planned 300 job cuts" (target), "the
  projected $5bn deficit" (forecast), "an estimated 500 people" (estimate);
- a governing noun: "a target of 2%", "forecasts of 3% growth", "estimates of 200 deaths"; a verb
  whose object or subject is such a noun: "raised its forecast to 3%", "cut its target to 5%",
  "estimates put the crowd at 8,000", "the goal is 5%";
- a governing verb whose complement holds the figure: "wants to increase trade to US$200 billion",
  "aims for 5% growth", "pledged $10bn" (target); "is expected to reach", "economists predict 2%"
  (forecast); "is estimated at $5bn" (estimate); "is set / likely / due to reach" (forecast, only
  through the "to"-infinitive);
- a modal of the figure's own clause: "will reach 2 million by 2030", "could cost $1bn" (forecast);
  a headline infinitive as the root ("Trade to hit $200bn") is a forecast.

Clause boundaries: the climb stops at the first finite verb after checking it (its modals, its
lemma, its object, and the verb its clause complements), so "the firm, which employs 500 people,
will close" leaves 500 actual. A subject is not a verb's complement: "the two leaders want …"
leaves "two" actual (but the subject of a passive is: "500 people are expected to attend"). A
"from" figure under a target or forecast verb is the starting point and stays actual ("aims to cut
the deficit to 3% from 5%"). A clause of circumstance keeps its own status ("expects 2m passengers
after carrying 1.9m this year": 1.9m is actual; the boundary words are in the cue file). Limits: no coreference ("the goal is it"), no negation ("did not
expect"), and approximations ("about 300") stay actual: the qualifier says they are rounded.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk import lexicon
from newsdesk.extract.figures.candidate import Cand, Ctx
from newsdesk.extract.figures.objects import core_token, is_noun

_CUES: dict[str, dict[str, str]] = {}
for _word, _role, _status in lexicon.rows("figures_status_cues"):
    _CUES.setdefault(_role, {})[_word] = _status

_VERB, _RAISING, _NOUN = _CUES.get("verb", {}), _CUES.get("raising", {}), _CUES.get("noun", {})
_MODAL, _MODIFIER, _QUALIFIER = _CUES.get("modal", {}), _CUES.get("modifier", {}), _CUES.get("qualifier", {})
_BOUNDARY = _CUES.get("boundary", {})

# deps by which a figure's phrase hangs in a verb's complement (not its subject)
_COMPLEMENT = frozenset({"xcomp", "ccomp", "dobj", "prep", "attr", "oprd", "acomp", "npadvmod", "nsubjpass",
                         "dative", "conj", "pcomp", "agent"})
_MODIFIER_DEPS = frozenset({"amod", "advmod", "compound", "npadvmod", "nmod"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def figure_status(ctx: Ctx, cand: Cand) -> str:
    """actual | target | forecast | estimate for one figure (see the module docstring)."""
    if cand.qualifier and cand.qualifier in _QUALIFIER:
        return _QUALIFIER[cand.qualifier]
    tok = core_token(ctx, cand)
    if tok is None:
        return "actual"
    inside = {t.i for t in ctx.tokens(cand.start, cand.end) if t.idx < cand.end}
    node, came = tok, None
    through_from = False
    for _ in range(12):
        found = _modifier_cue(node, inside)
        if found:
            return found
        if is_noun(node) and node.i not in inside and came is not None:
            word = node.text.lower()
            if word in _NOUN:
                return _NOUN[word]
        if node.tag_.startswith("VB") or node.tag_ == "MD" or (node.tag_ == "JJ" and came == "xcomp"):
            if came in ("nsubj", "csubj", "expl"):
                return "actual"  # "the two leaders want …": the subject is not in the complement
            verdict, stop = _verb_cue(node, came, inside, through_from)
            if verdict:
                return verdict
            if stop:
                return "actual"
        if node.dep_ == "pobj" and node.head.text.lower() == "from":
            through_from = True
        if _opens_circumstance(node, came):
            return "actual"
        if node.head.i == node.i:
            break
        came, node = node.dep_, node.head
    return "actual"


def _opens_circumstance(node: Token, came: str | None) -> bool:
    """'after carrying 1.9m', 'while imports fell 2%': the climb leaves a clause of circumstance here."""
    if node.tag_ == "IN" and came in ("pcomp", "pobj") and node.text.lower() in _BOUNDARY:
        return True
    return node.dep_ == "advcl" and any(c.dep_ == "mark" and c.text.lower() in _BOUNDARY for c in node.children)


def _modifier_cue(node: Token, inside: set[int]) -> str | None:
    """'the planned 300 cuts', 'an estimated 500 people', 'the projected $5bn deficit'."""
    for c in node.children:
        if c.dep_ in _MODIFIER_DEPS and c.i < node.i and c.text.lower() in _MODIFIER:
            return _MODIFIER[c.text.lower()]
    return None


def _verb_cue(verb: Token, came: str | None, inside: set[int], through_from: bool) -> tuple[str | None, bool]:
    """(status or None, whether the climb stops here) at a verb or predicative adjective on the path."""
    word = verb.text.lower()
    if came in _COMPLEMENT or came is None:
        if word in _VERB and verb.i not in inside and came is not None:
            status = _VERB[word]
            if through_from and status in ("target", "forecast"):
                return "actual", True  # "aims to cut the deficit to 3% from 5%": 5% is where it starts
            return status, True
        if word in _RAISING and came == "xcomp":
            return _RAISING[word], True
    for c in verb.children:
        if c.dep_ == "aux" and c.text.lower() in _MODAL:
            return _MODAL[c.text.lower()], True
    if came in _COMPLEMENT:  # "estimates put the crowd at 8,000", "the target is 5%"
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside and c.text.lower() in _NOUN:
                return _NOUN[c.text.lower()], True
    if came in ("prep", "dobj", "npadvmod", None):  # "raised its forecast to 3%", "cut its target to 5%"
        for c in verb.children:
            if c.dep_ == "dobj" and c.i not in inside and c.text.lower() in _NOUN:
                if not any(t.i in inside for t in c.subtree) or came == "dobj":
                    return _NOUN[c.text.lower()], True
    if verb.dep_ == "ROOT" and any(c.dep_ == "aux" and c.text.lower() == "to" for c in verb.children):
        return "forecast", True  # a headline's infinitive: "Trade to hit $200bn by 2030"
    finite = verb.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in verb.children)
    if finite:
        if verb.dep_ == "ccomp" and verb.head.text.lower() in _VERB:
            return _VERB[verb.head.text.lower()], True  # "economists predict sales fall 3%"
        return None, True
    return None, False
