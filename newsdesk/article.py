"""Everything the warehouse says about one article, gathered from its tables (``newsdesk show``).

``load`` reads the document, its source paths, its mentions (with their canonical entities), its
quotes and its figures on a read-only connection; ``summary_text`` is the terminal view and
``newsdesk.article_page`` the HTML page. Quotes are read with ``SELECT *`` so the quotes contract v1
(one row per quote) and v2 (one row per passage, with ``attribution_id``; ``speaker`` NULL on a passage
with no mention of its own while ``speaker_name`` carries the inherited name) both work: the speaker
shown is ``speaker_name``, else ``speaker``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

QUOTE_TEXT_WIDTH = 110  # characters of a quote shown per line in the terminal summary


@dataclass
class Article:
    doc_id: str
    title: str
    body: str
    dateline: str | None
    published_on: object
    first_seen_at: object
    sources: list[str] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)   # with entity_name
    quotes: list[dict] = field(default_factory=list)     # every column the quotes table has
    figures: list[dict] = field(default_factory=list)
    extra: dict = field(default_factory=dict)            # other documents columns (url, outlet, …)


def _records(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    rel = con.execute(sql, params)
    names = [d[0] for d in rel.description]
    return [dict(zip(names, row)) for row in rel.fetchall()]


def load(con: duckdb.DuckDBPyConnection, doc_id: str) -> Article:
    """The article ``doc_id`` with its sources, mentions, quotes and figures (in text order)."""
    docs = _records(con, "SELECT * FROM documents WHERE doc_id = ?", [doc_id])
    if not docs:
        raise LookupError(f"no document {doc_id}")
    doc = docs[0]
    article = Article(doc_id=doc["doc_id"], title=doc["title"], body=doc["body"], dateline=doc.get("dateline"),
                      published_on=doc.get("published_on"), first_seen_at=doc.get("first_seen_at"))
    known = {"doc_id", "title", "body", "dateline", "published_on", "first_seen_at"}
    article.extra = {k: v for k, v in doc.items() if k not in known}
    article.sources = [r[0] for r in con.execute(
        "SELECT source_path FROM document_sources WHERE doc_id = ? ORDER BY seen_at, source_path", [doc_id]).fetchall()]
    article.mentions = _records(con, (
        "SELECT m.*, e.name AS entity_name FROM mentions m LEFT JOIN entities e USING (entity_id) "
        "WHERE m.doc_id = ? ORDER BY m.start_char, m.end_char"), [doc_id])
    article.quotes = _records(con, "SELECT * FROM quotes WHERE doc_id = ? ORDER BY start_char, end_char", [doc_id])
    article.figures = _records(con, "SELECT * FROM figures WHERE doc_id = ? ORDER BY start_char, end_char", [doc_id])
    return article


def speaker_of(quote: dict) -> str | None:
    """Who said it: the resolved (or inherited) name, else the mention as written."""
    return quote.get("speaker_name") or quote.get("speaker")


def entities_of(article: Article) -> list[dict]:
    """One row per entity the article mentions: name, label, mentions, the ways it is written."""
    by_entity: dict[str, dict] = {}
    for m in article.mentions:
        key = m.get("entity_id") or m["text"]
        row = by_entity.setdefault(key, {"entity_id": m.get("entity_id"), "name": m.get("entity_name") or m["text"],
                                         "label": m["label"], "n_mentions": 0, "forms": [], "first_char": m["start_char"]})
        row["n_mentions"] += 1
        if m["text"] not in row["forms"]:
            row["forms"].append(m["text"])
    return sorted(by_entity.values(), key=lambda r: (-r["n_mentions"], r["first_char"]))


def format_value(value, unit: str | None) -> str:
    """A figure's value for people: 240000000000.0 USD → '240,000,000,000 USD'."""
    if value is None:
        return ""
    v = float(value)
    text = f"{v:,.0f}" if v.is_integer() and abs(v) < 1e18 else f"{v:,.6g}"
    return f"{text} {unit}" if unit else text


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def summary_text(article: Article) -> str:
    """The terminal view: the document's facts, then its entities, quotes (speaker → passage) and figures."""
    lines = [article.title, "=" * min(len(article.title), 100),
             f"doc_id     {article.doc_id}"]
    for label, value in (("dateline", article.dateline), ("published", article.published_on),
                         ("first seen", str(article.first_seen_at)[:19] if article.first_seen_at else None),
                         *((k, v) for k, v in article.extra.items() if k in ("url", "outlet") and v)):
        if value:
            lines.append(f"{label:<10} {value}")
    for path in article.sources:
        lines.append(f"source     {path}")
    lines.append(f"words      {article.extra.get('n_words', len(article.body.split()))}")
    entities = entities_of(article)
    lines += ["", f"Entities ({len(entities)}, {len(article.mentions)} mentions)"]
    for e in entities:
        forms = [f for f in e["forms"] if f != e["name"]]
        lines.append(f"  {e['name']} ({e['label']}) ×{e['n_mentions']}" + (f"  as {', '.join(forms)}" if forms else ""))
    lines += ["", f"Quotes ({len(article.quotes)})"]
    for q in article.quotes:
        who = speaker_of(q) or "(no speaker)"
        cue = f" [{q['cue']}]" if q.get("cue") else ""
        lines.append(f"  {who}{cue} → {_clip(q['text'], QUOTE_TEXT_WIDTH)}  ({q['kind']})")
    lines += ["", f"Figures ({len(article.figures)})"]
    for f in article.figures:
        what = ", ".join(x for x in (f.get("kind"), f.get("object") and f"of {f['object']}",
                                     f.get("subject") and f"by {f['subject']}") if x)
        lines.append(f"  {f['text']} = {format_value(f.get('value'), f.get('unit'))}  ({what})")
    return "\n".join(lines)
