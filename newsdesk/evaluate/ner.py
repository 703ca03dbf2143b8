"""NER evaluation on CoNLL-2003: the model's raw ``doc.ents`` against newsdesk's repaired mentions.

CoNLL-2003 files have one token per line (TOKEN POS CHUNK NER, IOB1 tags, types PER/ORG/LOC/MISC),
blank lines between sentences and ``-DOCSTART-`` lines between documents. Each document's text is
rebuilt with tokens joined by single spaces and sentences by "\\n", so gold spans become character
spans. Predicted OntoNotes labels are mapped to CoNLL types (PERSON->PER, GPE/LOC->LOC, ORG->ORG,
NORP/EVENT/WORK_OF_ART/PRODUCT/LAW/LANGUAGE/FAC->MISC; numeric and date labels dropped) and scored
by exact (start, end, type) match. Limits: the rebuilt text is tokenised news ("Germany 's"), and
CoNLL's annotation conventions differ from OntoNotes (city names used as sports clubs are ORG in
CoNLL, GPE for the model), so absolute figures are lower than on OntoNotes.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

CONLL_LABELS = ("PER", "ORG", "LOC", "MISC")
LABEL_MAP = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "PRODUCT": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "FAC": "MISC",
}
SYSTEMS = ("raw", "newsdesk")

Span = tuple[int, int, str]  # (start_char, end_char, CoNLL type)


@dataclass(slots=True)
class ConllDoc:
    """One CoNLL document rebuilt as text, with its gold entity spans."""

    text: str
    gold: list[Span] = field(default_factory=list)
    n_tokens: int = 0


def _close_doc(sentences: list[list[tuple[str, str]]]) -> ConllDoc | None:
    """Text and gold spans of one document from its sentences of (token, tag)."""
    parts: list[str] = []
    gold: list[Span] = []
    pos, n_tokens = 0, 0
    for k, sent in enumerate(sentences):
        if k:
            parts.append("\n")
            pos += 1
        open_type, open_start, open_end, prev_type = None, 0, 0, None
        for j, (token, tag) in enumerate(sent):
            if j:
                parts.append(" ")
                pos += 1
            start, end = pos, pos + len(token)
            parts.append(token)
            pos = end
            n_tokens += 1
            kind = tag[2:] if tag[:2] in ("B-", "I-") else None
            begins = kind is not None and (tag.startswith("B-") or kind != prev_type)
            if open_type is not None and (kind is None or begins):
                gold.append((open_start, open_end, open_type))
                open_type = None
            if kind is not None:
                if begins or open_type is None:
                    open_type, open_start = kind, start
                open_end = end
            prev_type = kind
        if open_type is not None:
            gold.append((open_start, open_end, open_type))
    if not n_tokens:
        return None
    return ConllDoc("".join(parts), gold, n_tokens)


def read_conll(path: str | Path) -> list[ConllDoc]:
    """Documents of a CoNLL-2003 file (a file without a first -DOCSTART- line still starts a doc)."""
    docs: list[ConllDoc] = []
    sentences: list[list[tuple[str, str]]] = []
    sent: list[tuple[str, str]] = []
    with open(path, encoding="utf-8", newline=None) as fh:
        for raw in fh:
            line = raw.strip()
            if not line:
                if sent:
                    sentences.append(sent)
                    sent = []
                continue
            cols = line.split()
            if cols[0] == "-DOCSTART-":
                if sent:
                    sentences.append(sent)
                    sent = []
                doc = _close_doc(sentences)
                if doc:
                    docs.append(doc)
                sentences = []
                continue
            sent.append((cols[0], cols[-1]))
    if sent:
        sentences.append(sent)
    doc = _close_doc(sentences)
    if doc:
        docs.append(doc)
    return docs


def _score(gold: list[set[Span]], pred: list[set[Span]]) -> dict[str, dict[str, float]]:
    """Per-type and micro precision/recall/F1 (exact span and type)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        for s in p & g:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1
    out: dict[str, dict[str, float]] = {}
    for label in (*CONLL_LABELS, "micro"):
        if label == "micro":
            t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, f_p, f_n = tp[label], fp[label], fn[label]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out[label] = {"tp": t, "fp": f_p, "fn": f_n, "precision": p, "recall": r, "f1": f1}
    return out


def evaluate_ner(conll_path: str, limit_docs: int | None = None) -> dict:
    """Score raw model entities and newsdesk mentions against a CoNLL-2003 file.

    Returns ``{"docs", "tokens", "gold", "seconds": {"nlp", "newsdesk"}, "scores": {"raw": {...},
    "newsdesk": {...}}}`` where each score dict has PER/ORG/LOC/MISC/micro entries with tp, fp, fn,
    precision, recall, f1.
    """
    from newsdesk.extract.entities import extract_entities
    from newsdesk.nlp import load_nlp

    docs = read_conll(conll_path)
    if limit_docs is not None:
        docs = docs[:limit_docs]
    nlp = load_nlp()
    gold = [set(d.gold) for d in docs]
    raw: list[set[Span]] = []
    ours: list[set[Span]] = []
    t_nlp = t_ext = 0.0
    t0 = time.perf_counter()
    for doc in nlp.pipe((d.text for d in docs), batch_size=32):
        t1 = time.perf_counter()
        t_nlp += t1 - t0
        raw.append({(e.start_char, e.end_char, LABEL_MAP[e.label_]) for e in doc.ents if e.label_ in LABEL_MAP})
        ours.append(
            {(m.start_char, m.end_char, LABEL_MAP[m.label]) for m in extract_entities(doc).mentions
             if m.label in LABEL_MAP}
        )
        t0 = time.perf_counter()
        t_ext += t0 - t1
    return {
        "path": str(conll_path),
        "docs": len(docs),
        "tokens": sum(d.n_tokens for d in docs),
        "gold": sum(len(g) for g in gold),
        "gold_by_label": dict(Counter(s[2] for g in gold for s in g)),
        "predicted": {"raw": sum(len(p) for p in raw), "newsdesk": sum(len(p) for p in ours)},
        "seconds": {"nlp": round(t_nlp, 2), "newsdesk": round(t_ext, 2)},
        "scores": {"raw": _score(gold, raw), "newsdesk": _score(gold, ours)},
    }


def format_report(result: dict) -> str:
    """A plain-text table: per label and micro P/R/F1, raw vs newsdesk side by side."""
    lines = [
        f"CoNLL-2003 NER: {result.get('path', '')}",
        f"docs {result['docs']}, tokens {result['tokens']}, gold entities {result['gold']} "
        + "(" + ", ".join(f"{k} {result.get('gold_by_label', {}).get(k, 0)}" for k in CONLL_LABELS) + ")",
        f"predicted: raw {result['predicted']['raw']}, newsdesk {result['predicted']['newsdesk']}; "
        f"time: model {result['seconds']['nlp']:.1f} s, newsdesk extractor {result['seconds']['newsdesk']:.1f} s",
        "",
        f"{'label':<6} | {'raw P':>6} {'raw R':>6} {'raw F1':>6} | {'nd P':>6} {'nd R':>6} {'nd F1':>6} | {'ΔF1':>6}",
        "-" * 66,
    ]
    for label in (*CONLL_LABELS, "micro"):
        r = result["scores"]["raw"][label]
        n = result["scores"]["newsdesk"][label]
        lines.append(
            f"{label:<6} | {100 * r['precision']:6.1f} {100 * r['recall']:6.1f} {100 * r['f1']:6.1f} | "
            f"{100 * n['precision']:6.1f} {100 * n['recall']:6.1f} {100 * n['f1']:6.1f} | "
            f"{100 * (n['f1'] - r['f1']):+6.1f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m newsdesk.evaluate.ner FILE [--limit N]``: print the report."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conll", help="CoNLL-2003 file (e.g. eng.testa)")
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    args = parser.parse_args(argv)
    print(format_report(evaluate_ner(args.conll, args.limit)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
