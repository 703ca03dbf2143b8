"""A quote-conventions case (an article with the rows a correct warehouse holds) checked against the
frames the extraction writes, with the comparison rules of ../shared/eval/quote_conventions/README.md:

- a row matches an expected passage when it covers more than 30% of the passage's characters
  (one row per passage, taken in text order, the best-covering row not matched yet);
- the speaker is right when the row's speaker span overlaps the expected mention (its occurrence
  nearest the passage), or both have none; the name is right when the last word of the expected
  name is a word of ``speaker_name`` (an expected null name wants a null name); cues compare
  case-insensitively;
- rows with the same expected ``attribution`` number share one ``attribution_id``, rows with
  different numbers do not;
- a ``not_quotes`` string is violated when any row covers more than half of it;
- no row is left over (the expected rows are all the rows a correct warehouse holds).

Joint speakers (``speaker_name`` "A and B") are also checked in the bridge frame: one
``quote_speakers`` row per speaker and a NULL ``speaker_entity_id``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd


def load_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _norm(s: str) -> str:
    return s.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")


def _locate(body: str, text: str, after: int = 0) -> tuple[int, int] | None:
    """Span of ``text`` in ``body`` (curly and straight marks alike), first at or after ``after``."""
    nb, nt = _norm(body), _norm(text)
    i = nb.find(nt, after)
    if i < 0:
        i = nb.find(nt)
    return (i, i + len(nt)) if i >= 0 else None


def _nearest(body: str, text: str, near: tuple[int, int]) -> tuple[int, int] | None:
    """The occurrence of ``text`` outside the passage ``near`` closest to it."""
    nb, nt = _norm(body), _norm(text)
    spans = [(m.start(), m.start() + len(nt)) for m in re.finditer(re.escape(nt), nb)]
    spans = [s for s in spans if not (near[0] <= s[0] < near[1])] or spans
    return min(spans, key=lambda s: max(0, s[0] - near[1], near[0] - s[1])) if spans else None


def _cover(span: tuple[int, int], a: int, b: int) -> float:
    return max(0, min(span[1], b) - max(span[0], a)) / (span[1] - span[0])


def check_case(case: dict, body: str, quotes: pd.DataFrame, quote_speakers: pd.DataFrame | None = None) -> list[str]:
    """Every way the rows (the quotes frame of one document) break the case; [] when it holds."""
    problems: list[str] = []
    rows = quotes.sort_values("start_char").to_dict("records")
    used: set[int] = set()
    attribution_of: dict[int, str] = {}
    pos = 0
    for k, exp in enumerate(case["quotes"]):
        span = _locate(body, exp["text"], pos)
        if span is None:
            problems.append(f"expected text not in the body: {exp['text']!r}")
            continue
        pos = span[0]
        best, best_cov = None, 0.3
        for i, r in enumerate(rows):
            cov = _cover(span, r["start_char"], r["end_char"])
            if i not in used and cov > best_cov:
                best, best_cov = i, cov
        if best is None:
            problems.append(f"missed {exp['text']!r}")
            continue
        used.add(best)
        r = rows[best]
        if exp["speaker"] is None:
            if _present(r["speaker"]):
                problems.append(f"{exp['text']!r}: speaker {r['speaker']!r}, expected none")
        else:
            want = _nearest(body, exp["speaker"], span)
            if not _present(r["speaker_start"]) or want is None or not (
                    r["speaker_start"] < want[1] and want[0] < r["speaker_end"]):
                problems.append(f"{exp['text']!r}: speaker {r['speaker']!r}, expected {exp['speaker']!r}")
        name = r["speaker_name"] if _present(r["speaker_name"]) else None
        if exp["speaker_name"] is None:
            if name is not None:
                problems.append(f"{exp['text']!r}: speaker_name {name!r}, expected none")
        elif name is None or exp["speaker_name"].split()[-1] not in name.split():
            problems.append(f"{exp['text']!r}: speaker_name {name!r}, expected {exp['speaker_name']!r}")
        cue = r["cue"] if _present(r["cue"]) else None
        if (cue or "").lower() != (exp["cue"] or "").lower():
            problems.append(f"{exp['text']!r}: cue {cue!r}, expected {exp['cue']!r}")
        attribution_of[k] = r["attribution_id"]
        if exp["speaker_name"] and " and " in exp["speaker_name"]:
            problems += _joint(exp, r, quote_speakers)
    groups: dict[int, set[str]] = {}
    for k, exp in enumerate(case["quotes"]):
        if k in attribution_of:
            groups.setdefault(exp["attribution"], set()).add(attribution_of[k])
    for number, ids in groups.items():
        if len(ids) != 1:
            problems.append(f"attribution {number}: rows carry {len(ids)} attribution ids")
    flat = [next(iter(v)) for v in groups.values() if len(v) == 1]
    if len(set(flat)) != len(flat):
        problems.append("two expected attributions share one attribution_id")
    for text in case.get("not_quotes", []):
        span = _locate(body, text)
        if span is None:
            problems.append(f"not_quotes text not in the body: {text!r}")
            continue
        hit = [r["text"] for r in rows if _cover(span, r["start_char"], r["end_char"]) > 0.5]
        if hit:
            problems.append(f"not a quote, yet a row covers it: {text!r} ({hit[0]!r})")
    extra = [rows[i]["text"] for i in range(len(rows)) if i not in used]
    if extra:
        problems.append(f"rows no expected passage matches: {extra}")
    return problems


def _joint(exp: dict, row: dict, quote_speakers: pd.DataFrame | None) -> list[str]:
    out = []
    if _present(row["speaker_entity_id"]):
        out.append(f"{exp['text']!r}: joint speakers need a NULL speaker_entity_id")
    if quote_speakers is not None:
        n = int((quote_speakers["quote_id"] == row["quote_id"]).sum())
        want = len(exp["speaker_name"].split(" and "))
        if n != want:
            out.append(f"{exp['text']!r}: {n} quote_speakers rows, expected {want}")
    return out


def _present(v) -> bool:
    return v is not None and not (isinstance(v, float) and v != v) and v is not pd.NA


def run_case(case: dict) -> list[str]:
    """The case's article through the production path (clean-up → spaCy → extractors → frames)."""
    from newsdesk.cleaning import prepare
    from newsdesk.extract.batch import extract_docs

    article, _ = prepare(case["text"].encode("utf-8"))
    frames = extract_docs([("0" * 64, article.body)], run_id="conventions")
    return check_case(case, article.body, frames["quotes"], frames.get("quote_speakers"))
