"""Quote extraction scored against PolNeAR (brat) and textacy's direct-quote cases.

Metric (as GenderGapTracker's quote evaluation): every gold attribution's Content span is matched
to at most one predicted quote and every prediction to at most one gold, greedily by decreasing
coverage = |gold ∩ pred chars| / |gold chars|. At threshold t a pair counts as a hit when its
coverage ≥ t; P = hits / predictions, R = hits / gold, F1 their harmonic mean.
Speaker accuracy: among pairs matched at 0.3 whose gold has a Source span, the share whose
predicted speaker span overlaps it. Cue accuracy: the same with the predicted cue vs the gold Cue.

What is counted (be careful when quoting the figures):
* ALL = every PolNeAR attribution relation of the first annotator (E-lines): direct, mixed and
  indirect quotes, but also beliefs, poll findings and other attributions the extractor does not
  aim at; against every predicted quote.
* DIRECT = gold relations whose Content (first fragment start → last fragment end, stripped)
  starts or ends with a quotation mark; against predicted quotes whose text does the same (all
  ``direct`` quotes and the ``mixed`` ones that end in a quoted fragment) — the same test on
  both sides.
* SPEECH = the DIRECT gold relations plus those whose Cue, as written, ends in a reporting verb
  of data/reporting_verbs.tsv (last word or last two words: "said", "pointed out"), "according
  to" or a colon — the speech attributions GenderGapTracker counts (direct and indirect quotes
  with a speech verb), without beliefs ("think"), stances ("support", "endorse") and topic cues
  ("talked about"); against EVERY predicted quote (a prediction that matches a belief or stance
  relation counts as a false positive here). Limits of the definition: a cue with a trailing
  word ("said Tuesday", "said in a statement") is left out; a speech verb with a bare noun-phrase
  object ("slammed Obama as elitist", "cited reports") is in, although the extractor only takes
  such objects when they hold quoted words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

THRESHOLDS = (0.3, 0.8)
_QUOTE_MARKS = "“”\"‘’'«»„"
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(slots=True)
class GoldAttribution:
    """One PolNeAR attribution relation: content fragments, source and cue fragments."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    cue_text: str = ""


def parse_brat(ann_text: str, text: str) -> list[GoldAttribution]:
    """Attribution relations of one .ann file (offsets re-sliced from ``text``).

    T-lines whose surface text runs over a newline continue on the next physical line; those
    continuation lines are skipped (offsets are what count). E-lines without a Content are
    dropped; Source/Cue may be missing (Attribution-no-source).
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in ann_text.splitlines():
        m = _T_LINE.match(line)
        if m:
            frags = [tuple(int(x) for x in part.split()) for part in m.group(3).split(";")]
            spans[m.group(1)] = [(a, b) for a, b in frags if b > a]
            continue
        m = _E_LINE.match(line)
        if m:
            roles: dict[str, str] = {}
            for item in m.group(2).split():
                if ":" in item:
                    role, tid = item.split(":", 1)
                    roles[role.rstrip("0123456789")] = tid
            events.append(roles)
    out: list[GoldAttribution] = []
    for roles in events:
        content = spans.get(roles.get("Content", ""), [])
        if not content:
            continue
        a, b = min(s for s, _ in content), max(e for _, e in content)
        body = text[a:b].strip()
        direct = bool(body) and (body[0] in _QUOTE_MARKS or body[-1] in _QUOTE_MARKS)
        cue = spans.get(roles.get("Cue", ""), [])
        out.append(GoldAttribution(content=content, source=spans.get(roles.get("Source", ""), []),
                                   cue=cue, direct=direct, cue_text=" ".join(text[x:y] for x, y in cue)))
    return out


def _first_annotator_files(split_dir: Path, metadata: Path | None) -> list[tuple[Path, Path]]:
    """(text, ann) pairs: one .ann per text, the first annotator listed in metadata.tsv
    (else the alphabetically first .ann)."""
    order: dict[str, list[str]] = {}
    if metadata is not None and metadata.is_file():
        lines = metadata.read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        fi, ai = header.index("filename"), header.index("annotators")
        for line in lines[1:]:
            cols = line.split("\t")
            if len(cols) > max(fi, ai):
                order[cols[fi]] = cols[ai].split("|")
    pairs: list[tuple[Path, Path]] = []
    for txt in sorted((split_dir / "text").glob("*.txt")):
        anns = sorted((split_dir / "attributions").glob(f"{txt.stem}_*.ann"))
        anns = [a for a in anns if re.fullmatch(re.escape(txt.stem) + r"_[0-9a-f]+", a.stem)]
        if not anns:
            continue
        pick = anns[0]
        for annotator in order.get(txt.stem, []):
            cand = split_dir / "attributions" / f"{txt.stem}_{annotator}.ann"
            if cand in anns:
                pick = cand
                break
        pairs.append((txt, pick))
    return pairs


def is_speech_cue(cue_text: str) -> bool:
    """True when a gold cue as written is a reporting verb of our table (last word or the last
    two words, "pointed out"), "according to" or a colon."""
    from newsdesk.extract.quotes import VERBS

    words = cue_text.lower().replace(":", " : ").split()
    if not words:
        return False
    return words[-1] == ":" or " ".join(words[-2:]) in VERBS or words[-1] in VERBS


def _marked(text: str) -> bool:
    """True when ``text`` (stripped) starts or ends with a quotation mark."""
    t = text.strip()
    return bool(t) and (t[0] in _QUOTE_MARKS or t[-1] in _QUOTE_MARKS)


def _chars(frags: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for a, b in frags:
        out.update(range(a, b))
    return out


def _overlaps(a: int | None, b: int | None, frags: list[tuple[int, int]]) -> bool:
    if a is None or b is None:
        return False
    return any(a < fb and fa < b for fa, fb in frags)


def match(golds: list[GoldAttribution], preds: list) -> list[tuple[int, int, float]]:
    """Greedy one-to-one matching by decreasing coverage: (gold index, pred index, coverage)."""
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(golds):
        gchars = _chars(g.content)
        if not gchars:
            continue
        lo, hi = min(gchars), max(gchars) + 1
        for pi, p in enumerate(preds):
            if p.end_char <= lo or p.start_char >= hi:
                continue
            inter = sum(1 for c in range(max(lo, p.start_char), min(hi, p.end_char)) if c in gchars)
            if inter:
                pairs.append((inter / len(gchars), gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for cov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, cov))
    return out


class _Tally:
    """Counts for one subset (ALL or DIRECT)."""

    def __init__(self) -> None:
        self.n_gold = 0
        self.n_pred = 0
        self.hits = {t: 0 for t in THRESHOLDS}
        self.spk_n = self.spk_ok = self.cue_n = self.cue_ok = 0

    def add(self, golds: list[GoldAttribution], preds: list) -> None:
        self.n_gold += len(golds)
        self.n_pred += len(preds)
        for gi, pi, cov in match(golds, preds):
            for t in THRESHOLDS:
                if cov >= t:
                    self.hits[t] += 1
            if cov >= 0.3:
                g, p = golds[gi], preds[pi]
                if g.source:
                    self.spk_n += 1
                    self.spk_ok += _overlaps(p.speaker_start, p.speaker_end, g.source)
                if g.cue:
                    self.cue_n += 1
                    self.cue_ok += _overlaps(p.cue_start, p.cue_end, g.cue)

    def result(self) -> dict:
        out: dict = {"gold": self.n_gold, "predicted": self.n_pred}
        for t in THRESHOLDS:
            h = self.hits[t]
            p = h / self.n_pred if self.n_pred else 0.0
            r = h / self.n_gold if self.n_gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[f"@{t}"] = {"hits": h, "precision": p, "recall": r, "f1": f}
        out["speaker_accuracy"] = self.spk_ok / self.spk_n if self.spk_n else 0.0
        out["speaker_n"] = self.spk_n
        out["cue_accuracy"] = self.cue_ok / self.cue_n if self.cue_n else 0.0
        out["cue_n"] = self.cue_n
        return out


def _default_entities() -> Callable:
    """The entity extractor when present, else mentions straight from doc.ents (name = text)."""
    try:
        from newsdesk.extract.entities import extract_entities

        return extract_entities
    except ImportError:  # pragma: no cover - only before the entity extractor lands
        from newsdesk import ids
        from newsdesk.extract.types import ENTITY_LABELS, DocEntities, Mention

        def from_ner(doc):
            sent_of = {}
            for k, s in enumerate(doc.sents):
                sent_of[s.start] = k
            out, k = DocEntities(), 0
            starts = sorted(sent_of)
            for e in doc.ents:
                if e.label_ in ENTITY_LABELS:
                    while k + 1 < len(starts) and starts[k + 1] <= e.start:
                        k += 1
                    out.mentions.append(Mention(e.start_char, e.end_char, k, e.text, e.label_, e.text,
                                                ids.entity_id(e.label_, e.text)))
            return out

        return from_ner


def evaluate_quotes(polnear_dir: str, split: str = "dev", limit_docs: int | None = None,
                    textacy_cases: str | None = None) -> dict:
    """Score ``extract_quotes`` on PolNeAR ``split`` (first annotator per text) and on the
    textacy direct-quote cases (``textacy_cases``, default ``<polnear_dir>/../textacy/cases_en.jsonl``
    when it exists). Runs the whole text (title line included) through the pipeline."""
    from newsdesk.extract.quotes import extract_quotes
    from newsdesk.nlp import load_nlp

    root = Path(polnear_dir)
    split_dir = root / split
    if not (split_dir / "text").is_dir():
        raise FileNotFoundError(f"{split_dir}/text not found (expected PolNeAR's data/<split>/text)")
    pairs = _first_annotator_files(split_dir, root / "metadata.tsv")
    if limit_docs is not None:
        pairs = pairs[:limit_docs]
    nlp = load_nlp()
    get_entities = _default_entities()
    tallies = {"all": _Tally(), "direct": _Tally(), "speech": _Tally()}
    kinds: dict[str, int] = {}
    texts = [(txt.read_text(encoding="utf-8"), ann) for txt, ann in pairs]
    for doc, ann in nlp.pipe(((t, a) for t, a in texts), as_tuples=True, batch_size=16):
        text = doc.text
        golds = parse_brat(ann.read_text(encoding="utf-8"), text)
        preds = extract_quotes(doc, get_entities(doc))
        for q in preds:
            kinds[q.kind] = kinds.get(q.kind, 0) + 1
        tallies["all"].add(golds, preds)
        tallies["direct"].add([g for g in golds if g.direct], [q for q in preds if _marked(q.text)])
        tallies["speech"].add([g for g in golds if g.direct or is_speech_cue(g.cue_text)], preds)
    result = {"split": split, "docs": len(pairs), "all": tallies["all"].result(),
              "direct": tallies["direct"].result(), "speech": tallies["speech"].result(),
              "predicted_kinds": kinds}
    cases = Path(textacy_cases) if textacy_cases else root.parent / "textacy" / "cases_en.jsonl"
    if cases.is_file():
        result["textacy"] = evaluate_textacy(str(cases))
    return result


def evaluate_textacy(cases_path: str) -> dict:
    """textacy's direct-quotation cases: expected quotes found with the exact content (marks
    included), and among those the share with the expected speaker and cue text; plus the number
    of direct quotes predicted where none is expected (scare quotes, titles).

    textacy gives one quote per quoted stretch ("“A!” insists B. “C.”" → two), so the extractor
    runs here with ``MERGE_CONTINUED`` off (it is on in production and in the PolNeAR score)."""
    from newsdesk.extract.quotes import merging

    previous = merging.MERGE_CONTINUED
    merging.MERGE_CONTINUED = False
    try:
        return _evaluate_textacy(cases_path)
    finally:
        merging.MERGE_CONTINUED = previous


def _evaluate_textacy(cases_path: str) -> dict:
    from newsdesk.extract.quotes import extract_quotes
    from newsdesk.nlp import load_nlp

    nlp = load_nlp()
    get_entities = _default_entities()
    expected = found = spk = cue = extra = 0
    failures: list[str] = []
    for line in Path(cases_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        doc = nlp(case["text"])
        preds = [q for q in extract_quotes(doc, get_entities(doc)) if q.kind == "direct"]
        by_text = {q.text.rstrip(): q for q in preds}
        wanted = {e["content"] for e in case["expected"]}
        extra += sum(1 for t in by_text if t not in wanted)
        for e in case["expected"]:
            expected += 1
            q = by_text.get(e["content"])
            if q is None:
                failures.append(f"missed {e['content']!r} in {case['text'][:60]!r}")
                continue
            found += 1
            if q.speaker and all(tok in q.speaker for tok in e["speaker_tokens"]):
                spk += 1
            else:
                failures.append(f"speaker {q.speaker!r} != {e['speaker_tokens']} for {e['content']!r}")
            if q.cue and " ".join(e["cue_tokens"]) == q.cue:
                cue += 1
            else:
                failures.append(f"cue {q.cue!r} != {e['cue_tokens']} for {e['content']!r}")
    return {"expected": expected, "found": found, "speaker_ok": spk, "cue_ok": cue,
            "unexpected_direct": extra, "failures": failures}


def format_report(result: dict) -> str:
    """Plain-text report of ``evaluate_quotes`` output."""
    lines = [f"PolNeAR {result['split']}: {result['docs']} documents (first annotator per text)",
             f"predicted kinds: {result.get('predicted_kinds', {})}"]
    for name, label in (("all", "ALL attributions (direct+mixed+indirect+beliefs…) vs all predictions"),
                        ("direct", "DIRECT (content starts/ends with a quote mark, gold and predicted alike)"),
                        ("speech", "SPEECH (DIRECT gold + gold cued by a reporting verb of our table / "
                                   "according to / colon) vs all predictions")):
        r = result.get(name)
        if not r or "@0.3" not in r:
            continue
        lines.append(f"{label}: gold {r['gold']}, predicted {r['predicted']}")
        for t in THRESHOLDS:
            m = r[f"@{t}"]
            lines.append(f"  @{t}: P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  (hits {m['hits']})")
        lines.append(f"  speaker accuracy {r['speaker_accuracy']:.3f} (n={r['speaker_n']}), "
                     f"cue accuracy {r['cue_accuracy']:.3f} (n={r['cue_n']})")
    t = result.get("textacy")
    if t:
        lines.append(f"textacy direct-quote cases: {t['found']}/{t['expected']} found exactly, speaker "
                     f"{t['speaker_ok']}/{t['found']}, cue {t['cue_ok']}/{t['found']}, "
                     f"unexpected direct quotes {t['unexpected_direct']}")
        lines.extend(f"  - {f}" for f in t["failures"])
    return "\n".join(lines)


__all__ = ["evaluate_quotes", "evaluate_textacy", "format_report", "parse_brat", "match", "GoldAttribution"]
