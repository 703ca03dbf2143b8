"""The analyst views in sql/views: exact results on a small hand-built warehouse (no model needed),
valid on an empty warehouse, and sensible on a warehouse built from ../shared/seeds."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path

import duckdb
import pytest

from newsdesk import warehouse

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "sql"
VIEWS = sorted(p.stem for p in (SQL_DIR / "views").glob("*.sql"))
NOW = dt.datetime(2026, 1, 2, 3, 4, 5)


def _insert(con, table: str, row: dict) -> None:
    cols = list(row)
    con.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                [row[c] for c in cols])


def _rows(con, sql: str, params=None) -> list[dict]:
    rel = con.execute(sql, params or [])
    names = [d[0] for d in rel.description]
    return [dict(zip(names, r)) for r in rel.fetchall()]


# ---------------------------------------------------------------------------- empty warehouse


def test_every_view_works_on_an_empty_warehouse(tmp_path):
    path = tmp_path / "empty.duckdb"
    warehouse.ensure_schema(path, SQL_DIR)
    con = duckdb.connect(str(path), read_only=True)
    try:
        created = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'VIEW'").fetchall()}
        assert set(VIEWS) <= created
        for view in VIEWS:
            assert con.execute(f"SELECT count(*) FROM {view}").fetchall()[0][0] == 0, view
    finally:
        con.close()


# ---------------------------------------------------------------------------- hand-built warehouse

D1 = ("Xi meets Putin\n\nXi Jinping told Putin that trade would reach US$200 billion (S$269 billion). Putin agreed."
      " Both aim for US$500 billion; oil costs US$80 a barrel.")
D2 = "NATO worries\n\nNATO said it was watching. Vladimir Putin said nothing, and trade was US$100 billion."


def _span(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


@pytest.fixture(scope="module")
def hand_built(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    """Two documents, three entities, two quotes, five figures (one a conversion, one a forecast, one a
    target, one a price per unit), one reject."""
    path = tmp_path_factory.mktemp("views") / "hand.duckdb"
    warehouse.ensure_schema(path, SQL_DIR)
    con = duckdb.connect(str(path))
    for doc_id, body, src in (("d1", D1, "in/a.txt"), ("d2", D2, "in/b.txt")):
        _insert(con, "documents", {
            "doc_id": doc_id, "title": body.split("\n")[0], "title_source": "headline", "dateline": None,
            "body": body, "n_words": len(body.split()), "n_chars": len(body), "encoding": "utf-8",
            "raw_bytes": len(body.encode()), "n_removed_lines": 0, "first_seen_at": NOW,
            "extractor_version": "t", "run_id": "r1"})
        _insert(con, "document_sources", {"source_path": src, "doc_id": doc_id, "seen_at": NOW, "run_id": "r1"})
    _insert(con, "document_sources", {"source_path": "in/copy/a.txt", "doc_id": "d1", "seen_at": NOW, "run_id": "r1"})
    for eid, name, label in (("xi", "Xi Jinping", "PERSON"), ("pu", "Vladimir Putin", "PERSON"),
                             ("na", "NATO", "ORG")):
        _insert(con, "entities", {"entity_id": eid, "name": name, "label": label, "run_id": "r1"})
    mentions = [("d1", "Xi", 0, 0, "xi"), ("d1", "Putin", 0, 0, "pu"), ("d1", "Xi Jinping", 0, 1, "xi"),
                ("d1", "Putin", 1, 1, "pu"), ("d1", "Putin", 2, 2, "pu"),
                ("d2", "NATO", 0, 0, "na"), ("d2", "NATO", 1, 1, "na"), ("d2", "Vladimir Putin", 0, 2, "pu")]
    for doc_id, text, nth, sent, eid in mentions:
        s, e = _span(D1 if doc_id == "d1" else D2, text, nth)
        _insert(con, "mentions", {"doc_id": doc_id, "start_char": s, "end_char": e, "sentence_index": sent,
                                  "text": text, "label": "PERSON" if eid != "na" else "ORG", "entity_id": eid,
                                  "run_id": "r1"})
    s, e = _span(D1, "Xi Jinping")
    _insert(con, "entity_roles", {"entity_id": "xi", "doc_id": "d1", "role": "Chinese President",
                                  "start_char": s, "end_char": e, "run_id": "r1"})
    q1 = _span(D1, "Putin that trade would reach US$200 billion")
    q1b = _span(D1, "(S$269 billion)")  # a second passage of the same act, no mention of its own
    q2 = _span(D2, "it was watching")
    q3 = _span(D2, "Vladimir Putin said nothing")  # a joint speaker, Xi Jinping and NATO (made up)
    for qid, attr, doc_id, (s, e), body, speaker, name, eid, cue in (
            ("q1", "a1", "d1", q1, D1, "Xi Jinping", "Xi Jinping", "xi", "told"),
            ("q1b", "a1", "d1", q1b, D1, None, "Xi Jinping", "xi", None),
            ("q2", "a2", "d2", q2, D2, "NATO", None, None, "said"),
            ("q3", "a3", "d2", q3, D2, "they", "Xi Jinping and NATO", None, "said")):
        _insert(con, "quotes", {"quote_id": qid, "attribution_id": attr, "doc_id": doc_id, "start_char": s,
                                "end_char": e, "sentence_index": 1, "text": body[s:e], "kind": "indirect",
                                "speaker": speaker, "speaker_start": 0 if speaker else None,
                                "speaker_end": len(speaker) if speaker else None, "speaker_name": name,
                                "speaker_label": "PERSON" if eid else None, "speaker_entity_id": eid, "cue": cue,
                                "cue_lemma": ("tell" if eid else "say") if cue else None, "run_id": "r1"})
    for qid, attr, doc_id, eid, pos in (("q1", "a1", "d1", "xi", 0), ("q1b", "a1", "d1", "xi", 0),
                                         ("q3", "a3", "d2", "xi", 0), ("q3", "a3", "d2", "na", 1)):
        _insert(con, "quote_speakers", {"quote_id": qid, "attribution_id": attr, "doc_id": doc_id, "entity_id": eid,
                                        "position": pos, "run_id": "r1"})
    for fid, doc_id, text, value, unit, conv, sent, status, obj in (
            ("f1", "d1", "US$200 billion", 2e11, "USD", None, 1, "forecast", "trade"),
            ("f2", "d1", "S$269 billion", 2.69e11, "SGD", "f1", 1, "forecast", "trade"),
            ("f3", "d2", "US$100 billion", 1e11, "USD", None, 2, "actual", "trade"),
            ("f4", "d1", "US$500 billion", 5e11, "USD", None, 3, "target", "trade"),
            ("f5", "d1", "US$80", 80.0, "USD/barrel", None, 3, "actual", "oil")):
        s, e = _span(D1 if doc_id == "d1" else D2, text)
        _insert(con, "figures", {"figure_id": fid, "doc_id": doc_id, "start_char": s, "end_char": e,
                                 "sentence_index": sent, "text": text, "kind": "money", "value": value,
                                 "unit": unit, "object": obj, "conversion_of": conv, "status": status,
                                 "is_incidental": False, "run_id": "r1"})
    _insert(con, "runs", {"run_id": "r1", "kind": "ingest", "started_at": NOW,
                          "finished_at": NOW + dt.timedelta(seconds=3), "status": "completed", "files_seen": 4, "documents_new": 2, "duplicates": 1,
                          "already_seen": 0, "rejected": 1, "quotes": 2, "figures": 3})
    _insert(con, "rejects", {"run_id": "r1", "source_path": "in/empty.txt", "reason": "empty", "detail": "0 bytes",
                             "rejected_at": NOW})
    _insert(con, "validation_failures", {"run_id": "r1", "table_name": "figures", "check_name": "finite",
                                         "row_json": "{}", "failed_at": NOW})
    con.close()
    ro = duckdb.connect(str(path), read_only=True)
    yield ro
    ro.close()


def test_mentions_enriched_and_top_entities(hand_built):
    assert hand_built.execute("SELECT count(*) FROM mentions_enriched").fetchall()[0][0] == 8
    top = {r["name"]: r for r in _rows(hand_built, "SELECT * FROM top_entities")}
    assert (top["Vladimir Putin"]["n_mentions"], top["Vladimir Putin"]["n_documents"]) == (4, 2)
    assert (top["Xi Jinping"]["n_mentions"], top["Xi Jinping"]["n_surface_forms"]) == (2, 2)
    assert _rows(hand_built, "SELECT name FROM top_entities ORDER BY n_mentions DESC, name LIMIT 1")[0]["name"] == "Vladimir Putin"


@pytest.mark.parametrize("a,b,n_sentences,n_documents", [
    ("Vladimir Putin", "Xi Jinping", 2, 1),   # sentences 0 and 1 of d1
    ("NATO", "Vladimir Putin", 0, 1),         # same document, never the same sentence
])
def test_entity_cooccurrence_pairs(hand_built, a, b, n_sentences, n_documents):
    rows = _rows(hand_built, "SELECT * FROM entity_cooccurrence WHERE entity_a_name = ? AND entity_b_name = ?",
                 [a, b])
    assert len(rows) == 1
    assert (rows[0]["n_sentences"], rows[0]["n_documents"]) == (n_sentences, n_documents)
    # each pair once, ordered by name
    assert hand_built.execute("SELECT count(*) FROM entity_cooccurrence WHERE entity_a_name >= entity_b_name"
                              ).fetchall()[0][0] == 0


def test_speakers_count_passages_and_acts_of_speech(hand_built):
    """Xi: two passages of one act, and a share of a joint quote; NATO: only the joint quote."""
    speakers = {s["speaker_name"]: s for s in _rows(hand_built, "SELECT * FROM speakers")}
    assert set(speakers) == {"Xi Jinping", "NATO"}
    xi = speakers["Xi Jinping"]
    assert (xi["n_quotes"], xi["n_attributions"], xi["n_documents"], xi["roles"], xi["cue_lemmas"]) == (
        3, 2, 2, "Chinese President", "say, tell")
    assert (speakers["NATO"]["n_quotes"], speakers["NATO"]["n_attributions"]) == (1, 1)


def test_attributions_group_passages(hand_built):
    acts = {a["attribution_id"]: a for a in _rows(hand_built, "SELECT * FROM attributions")}
    a1 = acts["a1"]
    assert (a1["n_passages"], a1["speaker"], a1["speaker_name"], a1["cue"]) == (2, "Xi Jinping", "Xi Jinping", "told")
    assert a1["text"] == "Putin that trade would reach US$200 billion [...] (S$269 billion)"
    assert (a1["start_char"], a1["end_char"]) == (_span(D1, "Putin that")[0], _span(D1, "(S$269 billion)")[1])
    assert acts["a3"]["speaker_name"] == "Xi Jinping and NATO" and acts["a3"]["speaker_entity_id"] is None


def test_quotes_enriched_and_quote_mentions(hand_built):
    quotes = {q["quote_id"]: q for q in _rows(hand_built, "SELECT * FROM quotes_enriched")}
    assert (quotes["q1"]["entities_mentioned"], quotes["q1"]["n_entities_mentioned"]) == ("Vladimir Putin", 1)
    assert (quotes["q2"]["entities_mentioned"], quotes["q2"]["n_entities_mentioned"]) == (None, 0)
    # speaker_name is the resolved name everywhere: NULL when unresolved, the mention as written apart
    assert quotes["q2"]["speaker_name"] is None and quotes["q2"]["speaker_as_written"] == "NATO"
    # a passage without a mention of its own: its act's speaker and cue
    assert (quotes["q1b"]["speaker_as_written"], quotes["q1b"]["attribution_speaker"], quotes["q1b"]["cue"],
            quotes["q1b"]["attribution_cue"], quotes["q1b"]["cue_lemma"]) == (None, "Xi Jinping", None, "told", "tell")
    qm = _rows(hand_built, "SELECT speaker_name, mentioned_name FROM quote_mentions ORDER BY quote_id")
    assert qm == [{"speaker_name": "Xi Jinping", "mentioned_name": "Vladimir Putin"},
                  {"speaker_name": "Xi Jinping and NATO", "mentioned_name": "Vladimir Putin"}]


def test_figures_in_context_and_money_by_currency(hand_built):
    figs = {f["figure_id"]: f for f in _rows(hand_built, "SELECT * FROM figures_in_context")}
    assert figs["f2"]["converts_text"] == "US$200 billion" and figs["f2"]["converts_unit"] == "USD"
    assert figs["f1"]["sentence_entities"] == "Vladimir Putin; Xi Jinping"
    assert figs["f3"]["sentence_entities"] == "Vladimir Putin"
    assert "US$200 billion (S$269" in figs["f1"]["context"] and "\n" not in figs["f1"]["context"]
    s, e = _span(D1, "US$200 billion")
    assert figs["f1"]["context"] == D1[s - 40:e + 40]  # 40 characters either side
    assert figs["f3"]["context"] == D2[_span(D2, "US$100 billion")[0] - 40:].replace("\n", " ")  # cut at the end
    assert (figs["f1"]["status"], figs["f4"]["status"], figs["f3"]["is_incidental"]) == ("forecast", "target", False)
    # only actual amounts are summed: the forecast (and its conversion) and the target stay out; a price
    # per unit is its own row, never added to amounts
    money = _rows(hand_built, "SELECT * FROM money_by_currency ORDER BY per_unit NULLS FIRST")
    assert [(m["currency"], m["per_unit"], m["object"], m["n_figures"], m["n_documents"], m["total_value"],
             m["examples"]) for m in money] == [
        ("USD", None, "trade", 1, 1, 1e11, "US$100 billion"), ("USD", "barrel", "oil", 1, 1, 80.0, "US$80")]


def test_documents_overview_and_run_history(hand_built):
    docs = {d["doc_id"]: d for d in _rows(hand_built, "SELECT * FROM documents_overview")}
    assert docs["d1"]["n_sources"] == 2 and docs["d1"]["source_paths"] == "in/a.txt | in/copy/a.txt"
    d1 = docs["d1"]
    assert (d1["n_mentions"], d1["n_entities"], d1["n_quotes"], d1["n_figures"]) == (5, 2, 2, 4)
    runs = _rows(hand_built, "SELECT * FROM run_history")
    assert len(runs) == 1
    r = runs[0]
    assert (r["files_seen"], r["n_reject_rows"], r["reject_reasons"], r["n_failure_rows"], r["failed_checks"],
            r["wall_seconds"]) == (4, 1, "empty", 1, "figures.finite", 3)


# ---------------------------------------------------------------------------- seeds


def _load_renderer():
    spec = importlib.util.spec_from_file_location("render_readme", ROOT / "scripts" / "render_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seeds_warehouse(seeds_dir, tmp_path_factory):
    """A warehouse built from ../shared/seeds with the core run steps (no Prefect)."""
    from newsdesk.settings import Settings

    settings = Settings().with_overrides(warehouse=tmp_path_factory.mktemp("seeds") / "news.duckdb")
    summary = _load_renderer().run_core(settings, seeds_dir)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    yield con, summary, seeds_dir
    con.close()


@pytest.mark.parametrize("view", VIEWS)
def test_seeds_every_view_returns_rows(seeds_warehouse, view):
    con = seeds_warehouse[0]
    assert con.execute(f"SELECT count(*) FROM {view}").fetchall()[0][0] > 0


def test_seeds_xi_and_putin_are_top_speakers(seeds_warehouse):
    con = seeds_warehouse[0]
    top3 = [r[0] for r in con.execute("SELECT speaker_name FROM speakers ORDER BY n_quotes DESC, speaker_name LIMIT 3").fetchall()]
    assert {"Xi Jinping", "Vladimir Putin"} <= set(top3), top3
    xi = _rows(con, "SELECT * FROM speakers WHERE speaker_name = 'Xi Jinping'")[0]
    assert xi["n_documents"] >= 3 and "say" in xi["cue_lemmas"] and "President" in (xi["roles"] or "")


def test_seeds_us200_billion_trade_figure(seeds_warehouse):
    con = seeds_warehouse[0]
    figs = _rows(con, "SELECT * FROM figures_in_context WHERE text = 'US$200 billion'")
    assert len(figs) == 1
    f = figs[0]
    assert (f["kind"], f["unit"], f["value"]) == ("money", "USD", 2e11)
    assert "trade" in (f["object"] or "")
    # the text says trade should grow to it: a target, so money_by_currency (actual amounts) leaves it
    # out, and its bracketed conversion points back to it and shares its status
    assert f["status"] == "target" and not f["is_incidental"]
    conv = _rows(con, "SELECT * FROM figures_in_context WHERE converts_text = 'US$200 billion'")
    assert [(c["text"], c["unit"], c["status"]) for c in conv] == [("S$269 billion", "SGD", "target")]
    assert not _rows(con, "SELECT * FROM money_by_currency WHERE examples LIKE '%US$200 billion%'")
    assert not _rows(con, "SELECT * FROM money_by_currency WHERE examples LIKE '%S$269 billion%'")
    # the actual amount of the same trade last year is summed
    money = _rows(con, "SELECT * FROM money_by_currency WHERE currency = 'USD' AND examples LIKE '%US$140 billion%'")
    assert len(money) == 1 and money[0]["per_unit"] is None


def test_seeds_putin_xi_cooccur(seeds_warehouse):
    con = seeds_warehouse[0]
    pair = _rows(con, "SELECT * FROM entity_cooccurrence WHERE entity_a_name = 'Vladimir Putin' "
                      "AND entity_b_name = 'Xi Jinping'")
    assert len(pair) == 1
    assert pair[0]["n_sentences"] >= 5 and pair[0]["n_documents"] == 5


def test_seeds_quotes_enriched_lists_entities_inside_quotes(seeds_warehouse):
    con = seeds_warehouse[0]
    # every quote with an entity mention inside its span has them listed, and only those
    mismatches = _rows(con, """
        WITH inside AS (
            SELECT quote_id, string_agg(DISTINCT mentioned_name, '; ' ORDER BY mentioned_name) AS names
            FROM quote_mentions GROUP BY quote_id
        )
        SELECT q.quote_id, q.entities_mentioned, i.names
        FROM quotes_enriched q LEFT JOIN inside i USING (quote_id)
        WHERE q.entities_mentioned IS DISTINCT FROM i.names""")
    assert mismatches == []
    filled = con.execute("SELECT count(*) FROM quotes_enriched WHERE n_entities_mentioned > 0").fetchall()[0][0]
    assert filled >= 10
    xi_mentions = {r[0] for r in con.execute(
        "SELECT DISTINCT mentioned_name FROM quote_mentions WHERE speaker_name = 'Xi Jinping'").fetchall()}
    assert {"Vladimir Putin", "Russia", "China"} <= xi_mentions


def test_seeds_run_history(seeds_warehouse):
    con, summary, seeds_dir = seeds_warehouse
    runs = _rows(con, "SELECT * FROM run_history")
    assert len(runs) == 1
    r = runs[0]
    n_files = len([p for p in seeds_dir.iterdir() if p.is_file() and not p.name.startswith(".")])
    assert r["status"] == "completed" and r["files_seen"] == n_files == summary["files_seen"]
    assert r["documents_new"] == n_files and r["rejected"] == r["n_reject_rows"] == 0
    for table in ("mentions", "quotes", "figures"):
        assert r[table] == con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] > 0, table
    assert r["n_failure_rows"] == r["validation_failures"]
    assert r["wall_seconds"] is not None and r["wall_seconds"] >= 0


@pytest.mark.parametrize("path", sorted((ROOT / "sql" / "views").glob("*.sql")), ids=lambda p: p.stem)
def test_views_leave_ordering_to_queries(path):
    """A view has no top-level ORDER BY (ordering belongs to the query that reads it); an ORDER BY
    inside parentheses (CTEs, string_agg, windows) is not at the top level."""
    sql = re.sub(r"--[^\n]*", "", path.read_text(encoding="utf-8"))
    while re.search(r"\([^()]*\)", sql):
        sql = re.sub(r"\([^()]*\)", "", sql)
    assert "ORDER BY" not in sql.upper(), f"{path.name} orders its rows: {sql.strip()[-120:]}"
