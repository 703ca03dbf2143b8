"""Speaker names on the seed articles, scored against a careful reader's list of their quotes.

The gold list (default ``newsdesk/data/seed_quotes.tsv``; its header states what is listed) gives
per quote: the seed file prefix (``000`` for ``000_*.txt``), a short fragment of the quoted
content, the expected speaker and the kind. Each seed file goes through the production path:
``cleaning.prepare`` (decode + clean) → the spaCy pipeline on the cleaned body → the entity and
quote extractors.

* found: some predicted quote (passage) contains the fragment;
* right: one of those passages has an expected ``speaker_name`` (alternatives separated by "|"; a
  joint speaker's parties joined by " + ", each party's names by "/": the predicted name must
  name every party, in any order), or, for an unnamed speaker written in [brackets], a speaker span
  (the passage's own, or its act of speech's for a passage without a mention) containing the
  bracketed words;
* share right = right / listed (a quote not found counts as wrong);
* collapsed: joint gold speakers predicted as one of their parties; twice: passages predicted as
  two rows (two predicted rows overlapping on more than half of the shorter).

Limits: "contains the fragment" does not check the span boundaries, and a quote counts as right
when ANY prediction holding the fragment has the right speaker (a fragment inside a nested
attribution, "The two leaders said …, Ushakov said", is right with either record as long as the
name is the expected one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk import lexicon

DEFAULT_GOLD = Path(__file__).resolve().parent.parent / "data" / "seed_quotes.tsv"


@dataclass(slots=True)
class SeedQuote:
    """One gold row."""

    prefix: str
    fragment: str
    speakers: tuple[str, ...]  # accepted canonical names, or one "[words]" for an unnamed speaker
    kind: str


@dataclass(slots=True)
class SeedResult:
    """Outcome for one gold row: found/right and what the extractor said."""

    gold: SeedQuote
    found: bool = False
    right: bool = False
    predicted: list[tuple[str | None, str | None, str]] = field(default_factory=list)  # (speaker, name, kind)
    error: str | None = None  # the seed file or the fragment is missing


def load_gold(path: str | Path = DEFAULT_GOLD) -> list[SeedQuote]:
    """Rows of the gold file (``#`` comments and blank lines skipped, read by ``newsdesk.lexicon``)."""
    out: list[SeedQuote] = []
    for n, line in lexicon.lines(Path(path)):
        parts = line.split("\t")
        if len(parts) != 4:
            raise ValueError(f"{path}:{n}: expected 4 tab-separated columns, got {len(parts)}")
        prefix, fragment, speaker, kind = (p.strip() for p in parts)
        out.append(SeedQuote(prefix, fragment, tuple(s.strip() for s in speaker.split("|")), kind))
    return out


def _parties(name: str) -> list[str]:
    """The parties a speaker name names: "Xi Jinping and Vladimir Putin" → both; "A, B and C" → three."""
    return [p.strip() for p in re.split(r",\s+|\s+and\s+", name) if p.strip()]


def _alternatives(gold: SeedQuote) -> list[list[set[str]]]:
    """Each accepted speaker as a list of parties, each party the set of its accepted names."""
    return [[set(n.strip() for n in party.split("/")) for party in alt.split(" + ")] for alt in gold.speakers]


def joint(gold: SeedQuote) -> bool:
    return any(len(alt) > 1 for alt in _alternatives(gold))


def speaker_right(gold: SeedQuote, speaker: str | None, speaker_name: str | None) -> bool:
    """True when a prediction's speaker matches the gold row (see module doc)."""
    if len(gold.speakers) == 1 and gold.speakers[0].startswith("["):
        words = gold.speakers[0].strip("[]").lower()
        return speaker is not None and words in speaker.lower()
    if speaker_name is None:
        return False
    for alt in _alternatives(gold):
        names = [speaker_name] if len(alt) == 1 else _parties(speaker_name)
        if len(names) == len(alt) and _assign(names, alt):
            return True
    return False


def _assign(names: list[str], parties: list[set[str]]) -> bool:
    """True when each name can be given a different party that accepts it."""
    if not names:
        return True
    return any(names[0] in party and _assign(names[1:], parties[:k] + parties[k + 1:])
               for k, party in enumerate(parties))


def collapsed(gold: SeedQuote, speaker_name: str | None) -> bool:
    """A joint gold speaker predicted as one of its parties alone."""
    return (joint(gold) and speaker_name is not None and len(_parties(speaker_name)) == 1
            and any(speaker_name in party for alt in _alternatives(gold) for party in alt))


def twice(quotes: list) -> list[tuple[str, str]]:
    """Pairs of predicted passages that overlap on more than half of the shorter (one passage, two rows)."""
    out = []
    qs = sorted(quotes, key=lambda q: q.start_char)
    for i, a in enumerate(qs):
        for b in qs[i + 1:]:
            if b.start_char >= a.end_char:
                break
            inter = min(a.end_char, b.end_char) - b.start_char
            if inter > 0.5 * min(a.end_char - a.start_char, b.end_char - b.start_char):
                out.append((a.text, b.text))
    return out


def _seed_quotes(path: Path, nlp, get_entities) -> tuple[str, list]:
    from newsdesk.cleaning import prepare
    from newsdesk.extract.quotes import extract_quotes

    article, _ = prepare(path.read_bytes())
    doc = nlp(article.body)
    return doc.text, extract_quotes(doc, get_entities(doc))


def evaluate_seeds(seeds_dir: str | Path, gold_path: str | Path = DEFAULT_GOLD, nlp=None) -> dict:
    """Score every gold row against the extractor's quotes of its seed file."""
    from newsdesk.evaluate.quotes import _default_entities

    if nlp is None:
        from newsdesk.nlp import load_nlp

        nlp = load_nlp()
    get_entities = _default_entities()
    seeds = Path(seeds_dir)
    gold = load_gold(gold_path)
    cache: dict[str, tuple[str, list] | None] = {}
    results: list[SeedResult] = []
    for g in gold:
        if g.prefix not in cache:
            files = sorted(seeds.glob(f"{g.prefix}_*.txt"))
            cache[g.prefix] = _seed_quotes(files[0], nlp, get_entities) if files else None
        r = SeedResult(g)
        results.append(r)
        got = cache[g.prefix]
        if got is None:
            r.error = f"no seed file {g.prefix}_*.txt in {seeds}"
            continue
        text, quotes = got
        if g.fragment not in text:
            r.error = "fragment not in the cleaned text"
            continue
        hits = [q for q in quotes if g.fragment in q.text]
        r.found = bool(hits)
        heads = {q.attribution_id: q.speaker for q in quotes if q.speaker is not None}
        r.predicted = [(q.speaker or heads.get(q.attribution_id), q.speaker_name, q.kind) for q in hits]
        r.right = any(speaker_right(g, s, n) for s, n, _ in r.predicted)
    listed = len(results)
    found = sum(r.found for r in results)
    right = sum(r.right for r in results)
    n_collapsed = sum(1 for r in results if r.found and not r.right
                      and any(collapsed(r.gold, n) for _, n, _ in r.predicted))
    doubles = [(prefix, pair) for prefix, got in cache.items() if got for pair in twice(got[1])]
    return {"seeds": str(seeds), "gold": str(gold_path), "listed": listed, "found": found, "right": right,
            "share_right": right / listed if listed else 0.0, "collapsed": n_collapsed, "twice": doubles,
            "results": results}


def format_report(res: dict) -> str:
    """Human-readable summary: counts, share, then every failure."""
    lines = [f"seed quotes: gold {res['gold']}, seeds {res['seeds']}",
             f"  listed {res['listed']}   found {res['found']}   right speaker name {res['right']}"
             f"   share right {res['share_right']:.3f}   joint speakers collapsed {res['collapsed']}"
             f"   passages twice {len(res['twice'])}"]
    for prefix, (a, b) in res["twice"]:
        lines.append(f"  twice in {prefix}: {a[:60]!r} / {b[:60]!r}")
    fails = [r for r in res["results"] if not r.right]
    if fails:
        lines.append(f"failures ({len(fails)}):")
    for r in fails:
        g = r.gold
        want = " | ".join(g.speakers)
        if r.error:
            why = r.error
        elif not r.found:
            why = "NOT FOUND"
        else:
            why = "WRONG SPEAKER: " + "; ".join(f"{s!r} → {n}" + f" ({k})" for s, n, k in r.predicted)
        lines.append(f"  {g.prefix} [{g.kind}] {g.fragment!r} want {want}: {why}")
    return "\n".join(lines)


__all__ = ["DEFAULT_GOLD", "SeedQuote", "SeedResult", "load_gold", "speaker_right", "collapsed", "twice",
           "evaluate_seeds", "format_report"]
