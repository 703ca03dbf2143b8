"""One HTML page per article (``newsdesk show DOC --html FILE``): its text with entities, quotes,
speakers and figures highlighted by spaCy's displaCy, and a table of each.

displaCy runs in manual mode with the ``span`` style, which draws overlapping spans (a mention inside a
quote, a figure inside a quote) as stacked underlines; the ``ent`` style cannot. Manual span data is
``{"text", "tokens", "spans": [{"start_token", "end_token", "label", "kb_id", "kb_url"}]}`` with token
indices, end exclusive. The tokens are built from the stored body, not by a model: the body is cut at
whitespace and at every span boundary, so each span covers whole tokens exactly (``tokenize``). Each
paragraph is rendered as its own displaCy block (paragraph breaks are kept) unless a span crosses it.

displaCy escapes token text but not labels or the ``kb_id`` text of a span, so those are escaped
here. The page is one self-contained file (no script, no remote stylesheet or font).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from newsdesk.article import Article, entities_of, format_value, speaker_of

QUOTE, SPEAKER, FIGURE = "QUOTE", "SPEAKER", "FIGURE"
COLORS = {QUOTE: "#ffd166", SPEAKER: "#ef476f", FIGURE: "#06d6a0"}
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Span:
    start: int       # character offsets into the body, end exclusive
    end: int
    label: str
    note: str = ""   # shown after the label (canonical name, speaker, value)
    link: str = ""   # anchor of the span's row in the tables below the text


def spans_of(article: Article) -> list[Span]:
    """Every highlighted span: mentions, quotes, the quotes' speaker mentions, and figures."""
    spans = []
    for m in article.mentions:
        name = m.get("entity_name") or ""
        note = name if name and name != m["text"] else ""
        spans.append(Span(m["start_char"], m["end_char"], m["label"], note,
                          f"#entity-{m['entity_id']}" if m.get("entity_id") else ""))
    speakers: dict[tuple[int, int], list[int]] = {}
    for i, q in enumerate(article.quotes, 1):
        spans.append(Span(q["start_char"], q["end_char"], QUOTE, f"q{i} {speaker_of(q) or '(no speaker)'}",
                          f"#quote-{i}"))
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            speakers.setdefault((int(q["speaker_start"]), int(q["speaker_end"])), []).append(i)
    for (start, end), numbers in speakers.items():
        spans.append(Span(start, end, SPEAKER, "of " + ", ".join(f"q{n}" for n in numbers), f"#quote-{numbers[0]}"))
    for i, f in enumerate(article.figures, 1):
        spans.append(Span(f["start_char"], f["end_char"], FIGURE, f"f{i} {f.get('kind') or ''}".strip(),
                          f"#figure-{i}"))
    return [s for s in spans if 0 <= s.start < s.end]


def tokenize(text: str, cuts: set[int]) -> list[tuple[int, int]]:
    """(start, end) of each token of ``text``: runs of non-space characters, cut again at every offset
    in ``cuts`` (span boundaries), so that every span starts and ends on a token boundary."""
    tokens = []
    for m in re.finditer(r"\S+", text):
        start = m.start()
        for cut in sorted(c for c in cuts if m.start() < c < m.end()):
            tokens.append((start, cut))
            start = cut
        tokens.append((start, m.end()))
    return tokens


def blocks(body: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Paragraphs of the body as (start, end): cut at line breaks that no span crosses."""
    covered = [(s.start, s.end) for s in spans]
    out, start = [], 0
    for m in re.finditer(r"\n+", body):
        if any(a < m.start() < b for a, b in covered):
            continue
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(body):
        out.append((start, len(body)))
    return out


def displacy_data(body: str, spans: list[Span]) -> list[dict]:
    """displaCy's manual ``span`` input: one dict per paragraph, spans as token indices."""
    data = []
    for b_start, b_end in blocks(body, spans):
        inside = [s for s in spans if b_start <= s.start and s.end <= b_end]
        cuts = {s.start - b_start for s in inside} | {s.end - b_start for s in inside}
        text = body[b_start:b_end]
        tokens = tokenize(text, cuts)
        starts = [t[0] for t in tokens]
        ends = [t[1] for t in tokens]
        items = []
        for s in inside:
            lo, hi = s.start - b_start, s.end - b_start
            first = next((i for i, e in enumerate(ends) if e > lo), None)
            last = next((i for i in range(len(starts) - 1, -1, -1) if starts[i] < hi), None)
            if first is None or last is None or last < first:
                continue  # a span of whitespace only: nothing to draw
            item = {"start_token": first, "end_token": last + 1, "label": escape(s.label)}
            if s.note:
                item["kb_id"] = escape(s.note)
                item["kb_url"] = escape(s.link or "#")
            items.append(item)
        data.append({"text": text, "tokens": [text[a:b] for a, b in tokens], "spans": items})
    return data


def render_text(article: Article) -> str:
    """The article's body as displaCy span markup (spaCy is imported here, only when a page is made)."""
    from spacy import displacy

    data = displacy_data(article.body, spans_of(article))
    return displacy.render(data, style="span", manual=True, page=False, jupyter=False,
                           options={"colors": COLORS})


STYLE = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328;
       max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; }
h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #d0d7de; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 1rem; color: #57606a; font-size: 0.9rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; font-family: ui-monospace, monospace; word-break: break-all; }
.legend span { display: inline-block; padding: 0 6px; margin-right: 6px; border-radius: 3px; font-size: 0.8rem; }
.article .spans { margin-bottom: 1.2rem; }
.article .spans span[style*="z-index: 10"] { white-space: nowrap; }  /* displaCy's label: one line */
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; border-bottom: 1px solid #eaeef2; padding: 4px 8px; vertical-align: top; }
th { background: #f6f8fa; } td.num { text-align: right; white-space: nowrap; }
tr:target { background: #fff8c5; }
"""


def _table(headers: list[str], rows: list[tuple[str, list[str]]], css: str) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(f'<tr id="{escape(row_id)}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
                   for row_id, cells in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _cell(value) -> str:
    return "" if value is None else escape(str(value))


def render_page(article: Article) -> str:
    """The whole page: facts, legend, highlighted text, then the tables of entities, quotes and figures."""
    facts = [("doc_id", article.doc_id), ("dateline", article.dateline), ("published", article.published_on),
             ("first seen", str(article.first_seen_at)[:19] if article.first_seen_at else None),
             *((k, v) for k, v in article.extra.items() if k in ("url", "outlet") and v),
             *(("source", p) for p in article.sources)]
    facts_html = "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in facts if v)
    legend = "".join(f'<span style="background: {c}">{escape(k)}</span>' for k, c in COLORS.items())
    legend += '<span style="background: #ddd">PERSON, ORG, GPE … (entities)</span>'

    entity_rows = [(f"entity-{e['entity_id']}", [escape(e["name"]), escape(e["label"]), str(e["n_mentions"]),
                                                  escape(", ".join(e["forms"]))]) for e in entities_of(article)]
    has_attribution = any("attribution_id" in q for q in article.quotes)
    quote_headers = ["#", "speaker", "", "passage", "kind", "cue"] + (["attribution"] if has_attribution else [])
    quote_rows = []
    for i, q in enumerate(article.quotes, 1):
        cells = [f"q{i}", _cell(speaker_of(q) or "(no speaker)"), "→", _cell(q["text"]), _cell(q.get("kind")),
                 _cell(q.get("cue"))]
        if has_attribution:
            cells.append(_cell((q.get("attribution_id") or "")[:8]))
        quote_rows.append((f"quote-{i}", cells))
    figure_rows = [(f"figure-{i}", [f"f{i}", _cell(f["text"]), _cell(f.get("kind")),
                                    _cell(format_value(f.get("value"), f.get("unit"))), _cell(f.get("qualifier")),
                                    _cell(f.get("object")), _cell(f.get("subject"))])
                   for i, f in enumerate(article.figures, 1)]
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(article.title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head><body>'
        f'<h1>{escape(article.title)}</h1><dl class="facts">{facts_html}</dl>'
        f'<p class="legend">{legend}</p>'
        f'<div class="article" id="text">{render_text(article)}</div>'
        f'<h2 id="entities">Entities ({len(entity_rows)})</h2>'
        + _table(["entity", "label", "mentions", "written as"], entity_rows, "entities")
        + f'<h2 id="quotes">Quotes ({len(quote_rows)})</h2>'
        + _table(quote_headers, quote_rows, "quotes")
        + f'<h2 id="figures">Figures ({len(figure_rows)})</h2>'
        + _table(["#", "figure", "kind", "value", "qualifier", "object", "subject"], figure_rows, "figures")
        + "</body></html>\n")
