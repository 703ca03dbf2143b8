"""Validation: every frame is checked against its pandera model before it is loaded.

Rows that fail any check are quarantined in ``validation_failures`` (with the check, the column,
the failure case and the whole row as JSON) and are not loaded; the rest of the batch loads.
Nothing is silently dropped: ``validated + quarantined == extracted`` for every table.
"""

from __future__ import annotations

import json
import math
from typing import Mapping

import numpy as np
import pandas as pd
import pandera.pandas as pa

from newsdesk import schemas
from newsdesk.warehouse import utcnow

# (start column, end column, text column or None) of spans that index into documents.body
SPAN_COLUMNS: dict[str, list[tuple[str, str, str | None]]] = {
    "mentions": [("start_char", "end_char", "text")],
    "entity_roles": [("start_char", "end_char", "role")],
    "quotes": [("start_char", "end_char", "text"), ("speaker_start", "speaker_end", "speaker"),
               ("cue_start", "cue_end", "cue")],
    "figures": [("start_char", "end_char", "text")],
}
FAILURE_COLS = schemas.columns("validation_failures")


def _json_value(v):
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        f = float(v)
        return f if math.isfinite(f) else str(f)
    if isinstance(v, (pd.Timestamp,)):
        return v.isoformat()
    if isinstance(v, float) and not math.isfinite(v):
        return str(v)
    return v if isinstance(v, (int, float, str, bool)) else str(v)


def _row_json(row: Mapping) -> str:
    return json.dumps({k: _json_value(v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True)


def _one_per_row_and_check(failures: list) -> list:
    """A frame-level check is reported by pandera once per column of each failing row: keep one
    failure per (row, check), so counts in validation_failures mean rows, not cells."""
    seen: dict[tuple, int] = {}
    out: list = []
    for idx, check, col, case in failures:
        key = (idx, check)
        if idx is not None and key in seen:
            prev = out[seen[key]]
            if prev[2] != col:
                out[seen[key]] = (prev[0], prev[1], None, None)  # several columns: the row is the case
            continue
        seen[key] = len(out)
        out.append((idx, check, col, case))
    return out


def span_failures(table: str, df: pd.DataFrame, bodies: Mapping[str, str]) -> list[tuple[int, str, str, str]]:
    """Rows whose spans leave the body or whose text is not the body slice.

    Returns (row position, check name, column, failure case) for each failure.
    """
    out: list[tuple[int, str, str, str]] = []
    if df.empty or table not in SPAN_COLUMNS:
        return out
    doc_ids = df["doc_id"].tolist()
    for start_col, end_col, text_col in SPAN_COLUMNS[table]:
        starts = df[start_col].tolist()
        ends = df[end_col].tolist()
        texts = df[text_col].tolist() if text_col else [None] * len(df)
        for i, (doc_id, s, e, text) in enumerate(zip(doc_ids, starts, ends, texts)):
            if s is None or e is None or s is pd.NA or e is pd.NA or (isinstance(s, float) and math.isnan(s)):
                continue
            body = bodies.get(doc_id)
            if body is None:
                out.append((i, "document_exists", "doc_id", str(doc_id)))
                continue
            s, e = int(s), int(e)
            if not (0 <= s < e <= len(body)):
                out.append((i, f"{start_col}_{end_col}_in_body", start_col, f"[{s}, {e}) of {len(body)}"))
            elif text_col and text is not None and body[s:e] != text:
                out.append((i, f"{text_col}_equals_body_slice", text_col, f"{text!r} != {body[s:e]!r}"))
    return out


def validate_table(
    table: str, df: pd.DataFrame, run_id: str, bodies: Mapping[str, str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split ``df`` into (valid rows coerced to the model, failure rows for validation_failures)."""
    model = schemas.MODELS[table]
    if df.empty:
        return df, pd.DataFrame(columns=FAILURE_COLS)
    df = df.reset_index(drop=True)
    failures: list[tuple[int | None, str, str | None, str | None]] = []
    try:
        valid = model.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        for rec in cases.itertuples(index=False):
            idx = rec.index
            idx = None if idx is None or (isinstance(idx, float) and math.isnan(idx)) else int(idx)
            failures.append((idx, str(rec.check), None if pd.isna(rec.column) else str(rec.column),
                             None if pd.isna(rec.failure_case) else str(rec.failure_case)))
        failures = _one_per_row_and_check(failures)
        bad_rows = {i for i, *_ in failures if i is not None}
        if any(i is None for i, *_ in failures):
            # a frame-level failure (missing column, wrong dtype for the whole column): nothing
            # in this frame can be trusted, so every row is quarantined.
            bad_rows = set(range(len(df)))
        good = df.drop(index=sorted(bad_rows))
        valid = model.validate(good, lazy=False) if len(good) else good
    if bodies is not None:
        span_bad = span_failures(table, valid.reset_index(drop=True), bodies)
        if span_bad:
            positions = valid.index.to_numpy()
            failures.extend((int(positions[i]), check, col, case) for i, check, col, case in span_bad)
            valid = valid.drop(index=sorted({int(positions[i]) for i, *_ in span_bad}))
    now = utcnow()
    rows = []
    for idx, check, col, case in failures:
        targets = [idx] if idx is not None else list(range(len(df)))
        for i in targets:
            row = df.iloc[i].to_dict()
            rows.append({
                "run_id": run_id, "table_name": table, "check_name": check, "column_name": col,
                "failure_case": case, "doc_id": row.get("doc_id") if isinstance(row.get("doc_id"), str) else None,
                "row_json": _row_json(row), "failed_at": now,
            })
    return valid, pd.DataFrame(rows, columns=FAILURE_COLS)


# child table → (parent table, key): a child row whose parent row was quarantined is quarantined too
PARENT_OF: dict[str, tuple[str, str]] = {"quote_speakers": ("quotes", "quote_id")}


def _orphans(table: str, df: pd.DataFrame, valid: Mapping[str, pd.DataFrame], run_id: str
             ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split a child frame into (rows whose parent was loaded, failure rows for the others)."""
    parent, key = PARENT_OF[table]
    kept = valid.get(parent)
    ok = df[key].isin(kept[key] if kept is not None and len(kept) else [])
    now = utcnow()
    rows = [{"run_id": run_id, "table_name": table, "check_name": f"{parent}_row_loaded", "column_name": key,
             "failure_case": str(r[key]), "doc_id": r.get("doc_id") if isinstance(r.get("doc_id"), str) else None,
             "row_json": _row_json(r), "failed_at": now} for r in df[~ok].to_dict("records")]
    return df[ok], pd.DataFrame(rows, columns=FAILURE_COLS)


def validate_frames(
    frames: Mapping[str, pd.DataFrame], run_id: str, bodies: Mapping[str, str]
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, dict[str, int]]:
    """Validate every frame; return (valid frames, all failures, quarantined row count per table).
    A child row (``PARENT_OF``) whose parent row is quarantined is quarantined with it."""
    valid: dict[str, pd.DataFrame] = {}
    failures = []
    quarantined: dict[str, int] = {}
    order = sorted((t for t in frames if t != "validation_failures"), key=lambda t: t in PARENT_OF)
    for table in order:
        df = frames[table]
        good, bad = validate_table(table, df, run_id, bodies)
        if table in PARENT_OF and len(good):
            good, orphaned = _orphans(table, good, valid, run_id)
            bad = pd.concat([f for f in (bad, orphaned) if len(f)], ignore_index=True) if len(orphaned) else bad
        valid[table] = good
        if len(bad):
            failures.append(bad)
            quarantined[table] = len(df) - len(good)
    fail_df = pd.concat(failures, ignore_index=True) if failures else pd.DataFrame(columns=FAILURE_COLS)
    if len(fail_df):
        fail_df, _ = validate_table("validation_failures", fail_df, run_id)
    return valid, fail_df, quarantined
