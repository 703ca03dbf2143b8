"""extract_figures end to end (newsdesk/extract/figures/assemble.py): offsets and sentence indexes in
a whole body, and the figures a reader would chart from the seed articles."""

from __future__ import annotations

from extract_checks import figures_of


def test_offsets_and_sentence_indexes_in_a_multi_paragraph_body(nlp):
    body = "Headline about trade\n\nTrade rose 5% to $10 billion.\n\nIt fell 2 per cent in 2020."
    figs = figures_of(nlp, body)
    assert [f.text for f in figs] == ["5%", "$10 billion", "2 per cent"]
    assert figs[-1].sentence_index > figs[0].sentence_index


def test_seed_articles_give_the_figures_a_reader_would_chart(nlp, seeds_dir):
    found = []
    for path in sorted(seeds_dir.glob("*.txt")):
        body = path.read_text(encoding="utf8")
        for f in figures_of(nlp, body):
            found.append(f)
    by_text: dict[str, list] = {}
    for f in found:  # seed bodies use non-breaking spaces ("10 billion cubic\xa0m")
        by_text.setdefault(" ".join(f.text.split()), []).append(f)

    def one(text):
        assert text in by_text, f"{text!r} not extracted"
        return by_text[text][0]

    usd200 = one("US$200 billion")
    assert (usd200.value, usd200.unit, usd200.kind, usd200.period) == (2e11, "USD", "money", "annually")
    sgd = one("S$269 billion")
    assert (sgd.value, sgd.unit) == (2.69e11, "SGD") and sgd.conversion_of is not None
    usd140 = one("US$140 billion")
    assert (usd140.value, usd140.unit, usd140.year) == (1.4e11, "USD", 2021)
    gas = one("10 billion cubic m")
    assert (gas.value, gas.unit, gas.object) == (1e10, "cubic metre", "natural gas")
    troops = one("100,000")
    assert (troops.value, troops.kind, troops.object, troops.qualifier) == (1e5, "count", "troops", "more than")
    troops2 = one("106,000")
    assert (troops2.value, troops2.object, troops2.qualifier) == (1.06e5, "troops", "more than")
    usd240 = one("$240 billion")
    assert (usd240.value, usd240.unit, usd240.year) == (2.4e11, "USD", 2023)
    usd100 = one("US$100 billion")
    assert (usd100.value, usd100.unit) == (1e11, "USD")
    # no figure overlaps a clock time, a date, a name with a number or an ordinal
    for path in sorted(seeds_dir.glob("*.txt")):
        body = path.read_text(encoding="utf8")
        figs = figures_of(nlp, body)
        for not_figure in ("4:07 p.m.", "Feb 4", "Covid-19", "21st century"):
            start = body.find(not_figure)
            while start != -1:
                end = start + len(not_figure)
                overlapping = [f.text for f in figs if f.start_char < end and f.end_char > start]
                assert not overlapping, f"{not_figure!r} in {path.name} gave figures {overlapping}"
                start = body.find(not_figure, end)


def test_a_one_line_document_has_its_figures_and_they_pass_the_contract():
    """A text of one line is a document (its line is title and body): its figures are extracted
    and valid rows of the figures table, status and is_incidental included."""
    from newsdesk.extract.batch import extract_docs
    from newsdesk.validate import validate_table

    line = "Ferry operator expects 2.4 million passengers in 2027 after carrying 1.9 million this year"
    doc_id = "0" * 64
    result = extract_docs([(doc_id, line)], run_id="r1")
    figures = result["figures"].assign(run_id="r1")
    valid, failures = validate_table("figures", figures, "r1", {doc_id: line})
    assert failures.empty and len(valid) == len(figures) == 2
    by_text = dict(zip(valid["text"], zip(valid["value"], valid["status"], valid["is_incidental"])))
    assert by_text == {"2.4 million": (2.4e6, "forecast", False), "1.9 million": (1.9e6, "actual", False)}
