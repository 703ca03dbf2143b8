"""One article as the warehouse sees it (``newsdesk show``): the terminal summary, the reference rules
(doc_id, prefix, source path; ambiguous and unknown references), the displaCy span data (tokens that
align with every span, overlaps kept, paragraphs kept), the page for quotes contract v1 and v2, and the
page loaded in headless Chromium with every highlighted span in its DOM."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from helpers import ingest_without_nlp
from newsdesk import article, article_page, lookup, pipeline
from newsdesk.flows.cli import main as cli
from newsdesk.settings import Settings

SAMPLE = "03_eu_defence_summit.txt"  # quotes with speakers, entities inside quotes, money figures
BROWSER_S = 60


@pytest.fixture(scope="module")
def sample_wh(tmp_path_factory, samples_dir) -> Path:
    """A warehouse built from samples/ by the core run steps (the model runs once for the module)."""
    settings = Settings().with_overrides(warehouse=tmp_path_factory.mktemp("show") / "wh" / "news.duckdb")
    pipeline.run_ingest(settings, samples_dir)
    return settings.warehouse


@pytest.fixture(scope="module")
def sample_doc(sample_wh, samples_dir) -> article.Article:
    con = duckdb.connect(str(sample_wh), read_only=True)
    try:
        return article.load(con, hashlib.sha256((samples_dir / SAMPLE).read_bytes()).hexdigest())
    finally:
        con.close()


# ---------------------------------------------------------------------------- the terminal summary


def test_show_prints_the_article_with_entities_quotes_and_figures(sample_wh, sample_doc, capsys):
    assert cli(["show", sample_doc.doc_id, "--warehouse", str(sample_wh)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(sample_doc.title + "\n")
    assert f"doc_id     {sample_doc.doc_id}" in out
    assert f"Quotes ({len(sample_doc.quotes)})" in out and f"Figures ({len(sample_doc.figures)})" in out
    assert sample_doc.quotes and sample_doc.figures and sample_doc.mentions
    for q in sample_doc.quotes:  # speaker → passage
        assert re.search(rf"^  {re.escape(article.speaker_of(q) or '(no speaker)')}( \[[^\]]+\])? → ", out, re.M), q
    assert re.search(r"^  €50 billion = 50,000,000,000 EUR", out, re.M)


def test_a_document_is_found_by_id_prefix_or_source_path(sample_wh, sample_doc, samples_dir):
    con = duckdb.connect(str(sample_wh), read_only=True)
    try:
        for ref in (sample_doc.doc_id, sample_doc.doc_id[:8], sample_doc.doc_id[:8].upper(), sample_doc.sources[0],
                    str((samples_dir / SAMPLE).resolve())):
            assert lookup.resolve(con, ref) == sample_doc.doc_id, ref
    finally:
        con.close()


def test_a_moved_file_is_found_by_its_content(sample_wh, sample_doc, samples_dir, tmp_path):
    moved = tmp_path / "renamed.txt"
    shutil.copy(samples_dir / SAMPLE, moved)
    con = duckdb.connect(str(sample_wh), read_only=True)
    try:
        assert lookup.resolve(con, str(moved)) == sample_doc.doc_id
    finally:
        con.close()


@pytest.mark.parametrize("ref, says", [
    ("0000000000", "no document matches '0000000000'"),
    ("abc", "a prefix needs at least 6 hex characters"),
    ("no/such/file.txt", "no document matches 'no/such/file.txt'"),
])
def test_an_unknown_reference_is_a_one_line_usage_error(sample_wh, capsys, ref, says):
    assert cli(["show", ref, "--warehouse", str(sample_wh)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("newsdesk: ") and says in err
    assert "give a doc_id, a prefix of one, or the path of a file" in err


def test_a_path_seen_with_two_texts_is_ambiguous_and_lists_both(tmp_path, capsys):
    """The file changed between runs: its path names two documents; the error lists them."""
    src = tmp_path / "in"
    src.mkdir()
    f = src / "story.txt"
    settings = Settings().with_overrides(warehouse=tmp_path / "wh" / "news.duckdb")
    ids = []
    for version in ("first", "second"):
        f.write_text(f"Council votes on the {version} plan\n\nLONDON - The council voted on the {version} plan, it said.\n")
        ids.append(hashlib.sha256(f.read_bytes()).hexdigest())
        ingest_without_nlp(settings, src)
    f.unlink()  # only the recorded path is left to go by
    assert cli(["show", str(f), "--warehouse", str(settings.warehouse)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "matches 2 documents" in err
    assert ids[0][:12] in err and ids[1][:12] in err and "give more characters of the doc_id" in err
    assert cli(["show", ids[1][:10], "--warehouse", str(settings.warehouse)]) == 0
    assert "second plan" in capsys.readouterr().out


# ---------------------------------------------------------------------------- displaCy span data


def _spans(*items) -> list[article_page.Span]:
    return [article_page.Span(a, b, label) for a, b, label in items]


def _at(body: str, text: str, label: str) -> tuple[int, int, str]:
    start = body.index(text)
    return start, start + len(text), label


def test_tokens_align_with_every_span_even_inside_words():
    body = "Xi said: “Trade with Russia hit US$200bn,” in Beijing."
    spans = _spans(_at(body, "Xi", "PERSON"), _at(body, "“Trade with Russia hit US$200bn,”", "QUOTE"),
                   _at(body, "Russia", "GPE"), _at(body, "200bn", "FIGURE"), _at(body, "Beijing", "GPE"))
    data = article_page.displacy_data(body, spans)
    assert len(data) == 1
    tokens = data[0]["tokens"]
    drawn = {(s["label"], "".join(tokens[s["start_token"]:s["end_token"]])) for s in data[0]["spans"]}
    # every span covers exactly its characters (whitespace aside): a mention and a figure inside a quote too
    assert drawn == {(sp.label, body[sp.start:sp.end].replace(" ", "")) for sp in spans}
    assert "US$" in tokens and "200bn" in tokens  # a word is cut where a span starts inside it, nowhere else
    assert "Beijing" in tokens and "." in tokens and "“Trade" in tokens


def test_paragraphs_are_kept_unless_a_span_crosses_the_break():
    body = "Headline here\n\nFirst paragraph.\n\n“A quote\nover a line” he said."
    data = article_page.displacy_data(body, _spans(_at(body, "“A quote\nover a line”", "QUOTE")))
    assert [d["text"] for d in data] == ["Headline here", "First paragraph.", "“A quote\nover a line” he said."]
    assert data[2]["tokens"] == ["“A", "quote", "over", "a", "line”", "he", "said."]
    assert data[2]["spans"] == [{"start_token": 0, "end_token": 5, "label": "QUOTE"}]


def test_labels_and_notes_are_escaped_for_the_page():
    data = article_page.displacy_data("Evil said hello.", [article_page.Span(0, 4, "PERSON", "<script>x</script>", "#e")])
    assert data[0]["spans"][0]["kb_id"] == "&lt;script&gt;x&lt;/script&gt;"


# ---------------------------------------------------------------------------- the page, quotes contract v1 and v2


def test_page_has_a_table_row_per_entity_quote_and_figure(sample_doc):
    html = article_page.render_page(sample_doc)
    assert len(re.findall(r'<tr id="quote-\d+">', html)) == len(sample_doc.quotes)
    assert len(re.findall(r'<tr id="figure-\d+">', html)) == len(sample_doc.figures)
    assert len(re.findall(r'<tr id="entity-[0-9a-f]+">', html)) == len(article.entities_of(sample_doc))
    assert "<th>attribution</th>" in html  # contract v2: passages grouped by attribution_id
    assert "<script" not in html


def test_page_shows_inherited_speakers_and_attributions_of_quotes_contract_v2(sample_wh, tmp_path):
    """v2: a passage without its own mention has speaker NULL and the inherited speaker_name; passages
    share an attribution_id. The page names the speaker of every passage and shows the attribution."""
    wh = tmp_path / "v2.duckdb"
    shutil.copy(sample_wh, wh)
    con = duckdb.connect(str(wh))
    try:
        con.execute("ALTER TABLE quotes ADD COLUMN IF NOT EXISTS attribution_id VARCHAR")
        con.execute("UPDATE quotes SET attribution_id = md5(coalesce(speaker_name, '') || doc_id)")
        doc_id = con.execute("SELECT doc_id FROM quotes WHERE speaker_name IS NOT NULL LIMIT 1").fetchall()[0][0]
        con.execute("UPDATE quotes SET speaker = NULL, speaker_start = NULL, speaker_end = NULL, cue = NULL "
                    "WHERE doc_id = ? AND speaker_name IS NOT NULL", [doc_id])
        doc = article.load(con, doc_id)
    finally:
        con.close()
    html = article_page.render_page(doc)
    assert "<th>attribution</th>" in html
    for i, q in enumerate(doc.quotes, 1):
        row = re.search(rf'<tr id="quote-{i}">(.*?)</tr>', html, re.S).group(1)
        assert q["speaker"] is None or q["speaker_name"] is None
        assert f"<td>{article_page.escape(article.speaker_of(q) or '(no speaker)')}</td>" in row
        assert q["attribution_id"][:8] in row
    assert article.summary_text(doc)  # the terminal view takes v2 too


# ---------------------------------------------------------------------------- in a browser


def _chromium() -> str | None:
    return os.environ.get("NEWSDESK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


class _SpanLabels(HTMLParser):
    """The text of every displaCy span label (the small box drawn where a span starts)."""

    def __init__(self):
        super().__init__()
        self.labels: list[str] = []
        self._depth = 0  # > 0 while inside a label box
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        style = dict(attrs).get("style") or ""
        if self._depth:
            self._depth += tag == "span" or tag == "a"
        elif tag == "span" and "z-index: 10" in style:
            self._depth, self._text = 1, []

    def handle_endtag(self, tag):
        if self._depth and tag in ("span", "a"):
            self._depth -= 1
            if not self._depth:
                self.labels.append(" ".join("".join(self._text).split()))

    def handle_data(self, data):
        if self._depth:
            self._text.append(data)


def test_the_page_renders_in_headless_chromium_with_every_span_highlighted(sample_wh, sample_doc, tmp_path, capsys):
    if not _chromium():
        pytest.skip("chromium is not installed (scripts/ci_deps.sh installs Debian's chromium)")
    page = tmp_path / "article.html"
    assert cli(["show", sample_doc.sources[0], "--warehouse", str(sample_wh), "--html", str(page)]) == 0
    assert f"wrote {page}" in capsys.readouterr().out
    profile = tmp_path / "profile"
    cmd = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--disable-background-networking", "--disable-component-update", "--no-first-run",
           "--no-default-browser-check", f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        dom, err = proc.communicate(timeout=BROWSER_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=10)
        pytest.fail(f"chromium did not finish within {BROWSER_S}s")
    assert proc.returncode == 0, err[-2000:]
    (tmp_path / "dom.html").write_text(dom)
    parser = _SpanLabels()
    parser.feed(dom)
    spans = article_page.spans_of(sample_doc)
    assert len(parser.labels) == len(spans), f"DOM saved in {tmp_path / 'dom.html'}"
    by_label = {}
    for text in parser.labels:
        by_label.setdefault(text.split()[0], []).append(text)
    assert len(by_label["QUOTE"]) == len(sample_doc.quotes)
    assert len(by_label["FIGURE"]) == len(sample_doc.figures)
    assert sum(len(v) for k, v in by_label.items() if k not in ("QUOTE", "FIGURE", "SPEAKER")) == len(sample_doc.mentions)
    for i, q in enumerate(sample_doc.quotes, 1):  # every quote labelled with its speaker
        assert f"QUOTE q{i} {article.speaker_of(q) or '(no speaker)'}" in by_label["QUOTE"]
    assert by_label.get("SPEAKER"), "the speakers' mentions are highlighted"
    text = re.sub(r"<[^>]+>", " ", dom)
    assert sample_doc.title.split()[0] in text and "Quotes (" in text and "Figures (" in text
