"""Quote extraction scored against PolNeAR (brat) and textacy's direct-quote cases.

Metric (GenderGapTracker's media-monitoring metric): for each gold unit in text order, the not yet
matched prediction with the highest coverage |gold ∩ pred| / |gold| (characters) above the
threshold (0.3, and 0.8 for the strict figure) is its match; unmatched gold units are misses,
unmatched predictions are spurious. P = matches / predictions, R = matches / gold.
Over the matches at 0.3:
* speaker accuracy — the predicted speaker span overlaps the gold one, or both have none (a
  floating or continued passage has no speaker mention of its own);
* name accuracy — over gold units whose source names someone (``polnear.surname``: "he" and "the
  campaign" name no one), the gold surname is a word of the predicted ``speaker_name``;
* cue accuracy — over gold units with a cue, the predicted cue span overlaps it.

Two grains (``grain``):
* ``attribution`` — PolNeAR's grain: a gold attribution (discontinuous content is one unit)
  against the predicted passages grouped by ``attribution_id`` (the union of their spans; the
  speaker and cue of the passage that carries them);
* ``passage`` — the quotes table's grain: gold content split at its gaps and paragraph breaks
  (``polnear.passage_units``: the first passage carries the source, the others none) against
  each predicted passage. The nearest proxy, on this data, of the media-monitoring count.

Subsets (be careful when quoting the figures):
* ALL = every PolNeAR attribution of the first annotator — direct, mixed and indirect quotes, but
  also beliefs, poll findings and plans the extractor does not aim at — against every prediction;
* DIRECT = gold units whose content starts or ends with a quotation mark, against predictions
  whose text does the same (the same test on both sides);
* SPEECH = DIRECT gold plus the gold whose cue ends in a reporting verb of data/reporting_verbs.tsv,
  "according to" or a colon (``polnear.is_speech_cue``), against EVERY prediction — what the quotes
  table is meant to hold. The verb table defines the subset, so a verb dropped from the table as
  "not speech" also leaves the gold subset.

``errors`` (see :mod:`newsdesk.evaluate.quote_errors`) says, for the SPEECH subset, why each gold
unit was missed, each prediction spurious, each matched speaker wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from newsdesk.evaluate import polnear
from newsdesk.evaluate.polnear import GoldAttribution, Unit, is_speech_cue, marked, parse_brat

THRESHOLDS = (0.3, 0.8)
GRAINS = ("attribution", "passage")


def _chars(frags: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for a, b in frags:
        out.update(range(a, b))
    return out


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(x < fb and fa < y for x, y in a for fa, fb in b)


def coverage(gold: Unit, pred: Unit) -> float:
    """|gold ∩ pred| / |gold| in characters."""
    g = _chars(gold.frags)
    return len(g & _chars(pred.frags)) / len(g) if g else 0.0


def match(golds: list[Unit], preds: list[Unit], threshold: float = 0.3) -> list[tuple[int, int, float]]:
    """GGT matching: each gold unit in text order takes the not yet matched prediction with the
    highest coverage above ``threshold`` (ties: the earlier prediction). (gold, pred, coverage)."""
    order = sorted(range(len(golds)), key=lambda i: (golds[i].start, i))
    pchars = [_chars(p.frags) for p in preds]
    used: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for gi in order:
        g = _chars(golds[gi].frags)
        if not g:
            continue
        best, best_cov = None, threshold
        for pi, pc in enumerate(pchars):
            if pi in used:
                continue
            cov = len(g & pc) / len(g)
            if cov > best_cov:
                best, best_cov = pi, cov
        if best is not None:
            used.add(best)
            out.append((gi, best, best_cov))
    return out


def prediction_units(quotes: list, grain: str = "passage") -> list[Unit]:
    """Predicted quotes (``Quote`` records, one per passage) as scoring units: one per passage,
    or one per ``attribution_id`` (a record without one is its own attribution)."""
    groups: dict[object, list] = {}
    for k, q in enumerate(quotes):
        key = getattr(q, "attribution_id", None) if grain == "attribution" else None
        groups.setdefault(key if key is not None else ("row", k), []).append(q)
    out: list[Unit] = []
    for qs in groups.values():
        qs = sorted(qs, key=lambda q: q.start_char)
        head = next((q for q in qs if q.speaker_start is not None), qs[0])
        spk = [(q.speaker_start, q.speaker_end) for q in qs if q.speaker_start is not None]
        cue = [(q.cue_start, q.cue_end) for q in qs if q.cue_start is not None]
        out.append(Unit([(q.start_char, q.end_char) for q in qs], spk[:1], head.speaker_name, cue[:1],
                        any(marked(q.text) for q in qs), True,
                        {"cue": (head.cue_lemma or ""), "speaker": head.speaker, "kind": head.kind,
                         "text": " … ".join(q.text for q in qs)}))
    out.sort(key=lambda u: u.start)
    return out


class Tally:
    """Counts for one subset: units, matches at each threshold, speaker, name and cue checks."""

    def __init__(self) -> None:
        self.n_gold = self.n_pred = 0
        self.hits = {t: 0 for t in THRESHOLDS}
        self.spk_n = self.spk_ok = self.name_n = self.name_ok = self.cue_n = self.cue_ok = 0

    def add(self, golds: list[Unit], preds: list[Unit]) -> list[tuple[int, int, float]]:
        """Score one document; returns its matches at 0.3."""
        self.n_gold += len(golds)
        self.n_pred += len(preds)
        pairs = []
        for t in THRESHOLDS:
            found = match(golds, preds, t)
            self.hits[t] += len(found)
            if t == 0.3:
                pairs = found
        for gi, pi, _ in pairs:
            g, p = golds[gi], preds[pi]
            self.spk_n += 1
            self.spk_ok += _overlaps(p.speaker, g.speaker) if g.speaker else not p.speaker
            ok = polnear.name_right(g.name, p.name)
            if ok is not None:
                self.name_n += 1
                self.name_ok += ok
            if g.cue:
                self.cue_n += 1
                self.cue_ok += _overlaps(p.cue, g.cue)
        return pairs

    def result(self) -> dict:
        out: dict = {"gold": self.n_gold, "predicted": self.n_pred}
        for t in THRESHOLDS:
            h = self.hits[t]
            p = h / self.n_pred if self.n_pred else 0.0
            r = h / self.n_gold if self.n_gold else 0.0
            out[f"@{t}"] = {"hits": h, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
        for key, ok, n in (("speaker", self.spk_ok, self.spk_n), ("name", self.name_ok, self.name_n),
                           ("cue", self.cue_ok, self.cue_n)):
            out[f"{key}_accuracy"] = ok / n if n else 0.0
            out[f"{key}_n"] = n
        return out


@dataclass(slots=True)
class Scored:
    """What ``score_documents`` returns: the tallies per subset and the error counts."""

    tallies: dict[str, Tally]
    errors: dict
    kinds: dict[str, int]
    docs: int


def score_documents(items: Iterable[tuple[str, list[GoldAttribution], list]], grain: str = "attribution") -> Scored:
    """Score (text, gold attributions, predicted Quote records) per document at ``grain``."""
    from newsdesk.evaluate import quote_errors

    if grain not in GRAINS:
        raise ValueError(f"grain must be one of {GRAINS}, not {grain!r}")
    tallies = {"all": Tally(), "direct": Tally(), "speech": Tally()}
    errors = quote_errors.ErrorTable()
    kinds: dict[str, int] = {}
    docs = 0
    for text, golds, quotes in items:
        docs += 1
        gold = polnear.attribution_units(golds) if grain == "attribution" else polnear.passage_units(golds, text)
        pred = prediction_units(quotes, grain)
        for q in quotes:
            kinds[q.kind] = kinds.get(q.kind, 0) + 1
        tallies["all"].add(gold, pred)
        tallies["direct"].add([g for g in gold if g.direct], [p for p in pred if p.direct])
        speech = [g for g in gold if g.speech]
        pairs = tallies["speech"].add(speech, pred)
        errors.add(text, speech, pred, pairs, gold)
    return Scored(tallies, errors.result(), kinds, docs)


def _default_entities() -> Callable:
    """The entity extractor (the production one)."""
    from newsdesk.extract.entities import extract_entities

    return extract_entities


def evaluate_quotes(polnear_dir: str, split: str = "dev", limit_docs: int | None = None,
                    textacy_cases: str | None = None, grain: str = "attribution") -> dict:
    """Score ``extract_quotes`` on PolNeAR ``split`` (first annotator per text) at ``grain``, and
    the textacy direct-quote cases (``textacy_cases``, default ``<polnear_dir>/../textacy/cases_en.jsonl``
    when it exists). Runs the whole text (title line included) through the pipeline."""
    from newsdesk.extract.quotes import extract_quotes
    from newsdesk.nlp import load_nlp

    root = Path(polnear_dir)
    split_dir = root / split
    if not (split_dir / "text").is_dir():
        raise FileNotFoundError(f"{split_dir}/text not found (expected PolNeAR's data/<split>/text)")
    pairs = polnear.first_annotator_files(split_dir, root / "metadata.tsv")
    if limit_docs is not None:
        pairs = pairs[:limit_docs]
    nlp = load_nlp()
    get_entities = _default_entities()
    texts = [(txt.read_text(encoding="utf-8"), ann) for txt, ann in pairs]

    def items():
        for doc, ann in nlp.pipe(((t, a) for t, a in texts), as_tuples=True, batch_size=16):
            yield doc.text, parse_brat(ann.read_text(encoding="utf-8"), doc.text), extract_quotes(doc, get_entities(doc))

    scored = score_documents(items(), grain)
    result = {"split": split, "grain": grain, "docs": scored.docs,
              **{name: t.result() for name, t in scored.tallies.items()},
              "predicted_kinds": scored.kinds, "errors": scored.errors}
    cases = Path(textacy_cases) if textacy_cases else root.parent / "textacy" / "cases_en.jsonl"
    if cases.is_file():
        result["textacy"] = evaluate_textacy(str(cases))
    return result


def evaluate_textacy(cases_path: str) -> dict:
    """textacy's direct-quotation cases: expected quotes found with the exact content (marks
    included), and among those the share with the expected speaker and cue text; plus the number
    of direct quotes predicted where none is expected (scare quotes, titles). textacy gives one
    quote per quoted stretch ("“A!” insists B. “C.”" → two), as the quotes table does; a passage
    with no speaker mention of its own counts as right when its attribution's speaker is."""
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
        quotes = extract_quotes(doc, get_entities(doc))
        heads = {getattr(q, "attribution_id", None): q for q in quotes if q.speaker is not None}
        preds = [q for q in quotes if q.kind == "direct"]
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
            own = q if q.speaker is not None else heads.get(getattr(q, "attribution_id", None), q)
            if own.speaker and all(tok in own.speaker for tok in e["speaker_tokens"]):
                spk += 1
            else:
                failures.append(f"speaker {own.speaker!r} != {e['speaker_tokens']} for {e['content']!r}")
            if own.cue and " ".join(e["cue_tokens"]) == own.cue:
                cue += 1
            else:
                failures.append(f"cue {own.cue!r} != {e['cue_tokens']} for {e['content']!r}")
    return {"expected": expected, "found": found, "speaker_ok": spk, "cue_ok": cue,
            "unexpected_direct": extra, "failures": failures}


def format_report(result: dict, errors: bool = True) -> str:
    """Plain-text report of ``evaluate_quotes`` output (with the error table unless ``errors`` is off)."""
    from newsdesk.evaluate import quote_errors

    lines = [f"PolNeAR {result['split']}: {result['docs']} documents (first annotator per text), "
             f"{result.get('grain', 'attribution')} grain",
             f"predicted kinds: {result.get('predicted_kinds', {})}",
             f"{'subset':8} {'gold':>6} {'pred':>6} {'P@.3':>6} {'R@.3':>6} {'F1@.3':>6} {'F1@.8':>6} "
             f"{'speaker':>8} {'name':>12} {'cue':>6}"]
    for name in ("direct", "speech", "all"):
        r = result.get(name)
        if not r or "@0.3" not in r:
            continue
        m, s = r["@0.3"], r["@0.8"]
        lines.append(f"{name.upper():8} {r['gold']:>6} {r['predicted']:>6} {m['precision']:>6.3f} {m['recall']:>6.3f} "
                     f"{m['f1']:>6.3f} {s['f1']:>6.3f} {r['speaker_accuracy']:>8.3f} "
                     f"{r['name_accuracy']:>6.3f} n={r['name_n']:<4} {r['cue_accuracy']:>6.3f}")
    if errors and result.get("errors"):
        lines.append("errors on SPEECH (see newsdesk/evaluate/quote_errors.py for the causes):")
        lines.extend("  " + ln for ln in quote_errors.format_table(result["errors"]).splitlines())
    t = result.get("textacy")
    if t:
        lines.append(f"textacy direct-quote cases: {t['found']}/{t['expected']} found exactly, speaker "
                     f"{t['speaker_ok']}/{t['found']}, cue {t['cue_ok']}/{t['found']}, "
                     f"unexpected direct quotes {t['unexpected_direct']}")
        lines.extend(f"  - {f}" for f in t["failures"])
    return "\n".join(lines)


__all__ = ["evaluate_quotes", "evaluate_textacy", "format_report", "parse_brat", "match", "coverage",
           "prediction_units", "score_documents", "is_speech_cue", "GoldAttribution", "GRAINS"]
