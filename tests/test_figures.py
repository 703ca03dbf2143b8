"""Figures extractor: values, units, qualifiers, objects, periods, ranges, conversions, non-figures."""

from __future__ import annotations

import math

import pytest

from newsdesk.extract.figures import extract_figures, figure_holder
from newsdesk.extract.types import FIGURE_KINDS


def _figures(nlp, text):
    doc = nlp(text)
    figs = extract_figures(doc)
    for f in figs:  # contract: every span is a slice of the body, every value finite
        assert f.text == text[f.start_char:f.end_char]
        assert math.isfinite(f.value)
        assert f.kind in FIGURE_KINDS
        assert 0 <= f.sentence_index < len(list(doc.sents))
        assert f.value_low is None or f.value_high is None or f.value_low <= f.value_high  # warehouse check
    return figs


def _find(figs, text):
    matches = [f for f in figs if f.text == text]
    assert matches, f"no figure with text {text!r} in {[f.text for f in figs]}"
    return matches[0]


# (sentence, figure text, value, unit, kind, qualifier, object, year, period)
CASES = [
    ("Russia has massed more than 100,000 troops on its border.",
     "100,000", 1e5, None, "count", "more than", "troops", None, None),
    ("He wants to increase trade volume to US$200 billion (S$269 billion) annually.",
     "US$200 billion", 2e11, "USD", "money", None, "trade volume", None, "annually"),
    ("Mr Putin unveiled a deal to deliver 10 billion cubic m of natural gas annually.",
     "10 billion cubic m", 1e10, "m3", "quantity", None, "natural gas", None, "annually"),
    ("Bilateral trade reached $240 billion in 2023.",
     "$240 billion", 2.4e11, "USD", "money", None, "Bilateral trade", 2023, None),
    # the percentage rises (change "up"); the level it rose to is a separate figure
    ("Revenue rose 76% to $1.13bn (£600m).", "76%", 76.0, "%", "percent", None, "Revenue", None, None),
    ("Revenue rose 76% to $1.13bn (£600m).", "$1.13bn", 1.13e9, "USD", "money", None, "Revenue", None, None),
    ("Revenue rose 76% to $1.13bn (£600m).", "£600m", 6e8, "GBP", "money", None, "Revenue", None, None),
    # "m" after a bare number is metres...
    ("The skeleton is 37m long.", "37m", 37.0, "m", "quantity", None, "skeleton", None, None),
    # ...but millions when a plural noun follows
    ("The field holds 1.5m barrels of oil.", "1.5m barrels", 1.5e6, "barrel", "quantity", None, "oil", None, None),
    ("About 5m people live there.", "5m", 5e6, None, "count", "about", "people", None, None),
    ("Shares fell 3.5 per cent on Monday.", "3.5 per cent", 3.5, "%", "percent", None, "Shares", None, None),
    ("Rates rose by 0.5 percentage points.", "0.5 percentage points", 0.5, "pp", "percentage_point", None, "Rates", None, None),
    ("The plant will create up to 400 jobs.", "400", 400.0, None, "count", "up to", "jobs", None, None),
    ("Nearly 40 per cent of voters backed him.", "40 per cent", 40.0, "%", "percent", "nearly", "voters", None, None),
    # small spelled numbers modifying a noun are counts (NewsQuant convention)
    ("Gunmen attacked two mosques in the city.", "two", 2.0, None, "count", None, "mosques", None, None),
    ("She bought a dozen eggs.", "a dozen", 12.0, None, "count", None, "eggs", None, None),
    ("Half a million people marched.", "Half a million", 5e5, None, "count", None, "people", None, None),
    # adjectival duration: the hyphenated unit belongs to the figure
    ("They signed a 20-year treaty.", "20-year", 20.0, "year", "duration", None, "treaty", None, None),
    ("The match lasted 70 minutes.", "70 minutes", 70.0, "minute", "duration", None, "match", None, None),
    ("Demand was 30 times higher than supply.", "30 times", 30.0, "times", "multiple", None, "Demand", None, None),
    ("The field pumps about 5 million barrels a day.", "5 million barrels a day", 5e6, "barrel/d", "quantity", "about", "field", None, None),
    ("The firm lost 10bn yuan last year.", "10bn yuan", 1e10, "CNY", "money", None, "firm", None, "last year"),
    ("The firm lost 5 billion yen.", "5 billion yen", 5e9, "JPY", "money", None, "firm", None, None),
    ("The firm lost 300 million rupees.", "300 million rupees", 3e8, "INR", "money", None, "firm", None, None),
    ("The firm lost 2 billion roubles.", "2 billion roubles", 2e9, "RUB", "money", None, "firm", None, None),
    ("The bank paid HK$3.5 million.", "HK$3.5 million", 3.5e6, "HKD", "money", None, "bank", None, None),
    ("The bank paid A$2m for it.", "A$2m", 2e6, "AUD", "money", None, "bank", None, None),
    ("The car reaches 87 mph on the highway.", "87 mph", 87.0, "mph", "quantity", None, "car", None, None),
    ("It was 30 degrees C in the shade.", "30 degrees C", 30.0, "°C", "quantity", None, None, None, None),
    ("The plant makes 1,500 MW of power.", "1,500 MW", 1500.0, "MW", "quantity", None, "power", None, None),
    # a rate written after the amount is the period, and money priced per unit gets a per-unit
    ("They pay $3,500 a month in rent.", "$3,500", 3500.0, "USD", "money", None, None, None, "per month"),
    ("Brent rose to $87 a barrel.", "$87", 87.0, "USD/barrel", "money", None, "Brent", None, None),
    # cents are scaled to the currency unit
    ("The loss was 63 cents per share.", "63 cents", 0.63, "USD/share", "money", None, "loss", None, None),
    # "a year earlier" is a comparison, not a rate
    ("Sales rose to $7.36 billion from $6.78 billion a year earlier.", "$6.78 billion", 6.78e9, "USD", "money", None, "Sales", None, None),
    # "Name, 66," is an age
    ("Joe Biden, 79, spoke on Tuesday.", "79", 79.0, "year", "age", None, "Joe Biden", None, None),
    ("A 50-year-old man was arrested.", "50-year-old", 50.0, "year", "age", None, "man", None, None),
    # wire-service abbreviations
    ("Net profit rose to 1.5 mln dlrs.", "1.5 mln dlrs", 1.5e6, "USD", "money", None, "Net profit", None, None),
    ("The bond pays 8-3/4 pct.", "8-3/4 pct", 8.75, "%", "percent", None, "bond", None, None),
    # "N of the/its … <plural noun>" counts the noun; an apposed age names its person
    ("The team has won five of its last six games.", "five", 5.0, None, "count", None, "games", None, None),
    ("Senard, 65, now faces the immediate task.", "65", 65.0, "year", "age", None, "Senard", None, None),
    # wire-service headlines in capitals
    ("ECUADOR QUAKE CAUSES 950 MLN DLRS IN LOSSES", "950 MLN DLRS", 9.5e8, "USD", "money", None, "ECUADOR QUAKE", None, None),
    # "pounds" is money after a money word or with a scale word, else a weight
    ("He paid 450,000 pounds for the house.", "450,000 pounds", 4.5e5, "GBP", "money", None, None, None, None),
    ("The bomb held 2,000 pounds of explosives.", "2,000 pounds", 2000.0, "lb", "quantity", None, "explosives", None, None),
    ("He lost 20 pounds in a month.", "20 pounds", 20.0, "lb", "quantity", None, None, None, None),
    # Indian scale words
    ("The state will spend Rs 500 crore on roads.", "Rs 500 crore", 5e9, "INR", "money", None, "state", None, None),
    # a fraction needs a unit; with one it is a quantity
    ("A mouse can get through a 2 1/2 inch gap.", "2 1/2 inch", 2.5, "in", "quantity", None, "gap", None, None),
    ("Nearly two-thirds of voters stayed home.", "two-thirds", 2 / 3, None, "ratio", "nearly", "voters", None, None),
    ("Tesla shares have fallen by a third this year.", "a third", 1 / 3, None, "ratio", None, "Tesla shares", None, "this year"),
    # "one" counts when it modifies a noun directly
    ("She put one hand behind her head.", "one", 1.0, None, "count", None, "hand", None, None),
    # an ASCII-folded pound sign (unidecode writes £ as "PS")
    ("The package was worth up to PS2.7m.", "PS2.7m", 2.7e6, "GBP", "money", "up to", "package", None, None),
    # "one of the <superlative> X" is a count of one X (NewsQuant's convention)
    ("Are you looking for one of the best wireless speakers?", "one", 1.0, None, "count", None, "best wireless speakers", None, None),
    # scientific notation is one number; prime marks are feet and inches
    ("The mass is approximately 1.99×10−30 kilograms.", "1.99×10−30 kilograms", 1.99e-30, "kg", "quantity", "approximately", "mass", None, None),
    ("The neck is 25.5″ long.", "25.5″", 25.5, "in", "quantity", None, "neck", None, None),
    # a bare number after "by" repeats the unit of a parallel "by" figure
    ("The DAX increased by 2 percent but the Nasdaq decreased by 1.", "1", 1.0, "%", "percent", None, "Nasdaq", None, None),
    # ages after an age word; "one out of three" is a ratio of the counted noun
    ("The squad had 17 players over the age of 21.", "21", 21.0, "year", "age", None, "age", None, None),
    ("She turned 30 last week.", "30", 30.0, "year", "age", None, None, None, "last week"),
    ("One out of three Germans have housing problems.", "One out of three", 1 / 3, None, "ratio", None, "Germans", None, None),
    # a lower-case prefix glued with a hyphen does not make a name ("COVID-19" does)
    ("Chipmakers will produce sub-7 nanometer chips.", "7 nanometer", 7.0, "nm", "quantity", None, None, None, None),
    ("Her now-18 month-old daughter spoke.", "18 month-old", 18.0, "month", "age", None, "daughter", None, None),
]


@pytest.mark.parametrize("text,span,value,unit,kind,qualifier,obj,year,period", CASES)
def test_figure_fields(nlp, text, span, value, unit, kind, qualifier, obj, year, period):
    f = _find(_figures(nlp, text), span)
    assert math.isclose(f.value, value, rel_tol=1e-9)
    assert (f.unit, f.kind, f.qualifier, f.object, f.year, f.period) == (unit, kind, qualifier, obj, year, period)


# (sentence, figure text, low, high, unit)
RANGES = [
    ("The range grew to between 252 and 287 miles.", "252 and 287 miles", 252.0, 287.0, "mi"),
    ("Regulators may impose a fine of $3 billion to $5 billion.", "$3 billion to $5 billion", 3e9, 5e9, "USD"),
    # the scale written once applies to both ends
    ("Analysts expect $1.5 to $2 billion in losses.", "$1.5 to $2 billion", 1.5e9, 2e9, "USD"),
    ("We used a 5-10W laser.", "5-10W", 5.0, 10.0, "W"),
    ("Temperatures dropped by 1 to 1.5 degrees Celsius.", "1 to 1.5 degrees Celsius", 1.0, 1.5, "°C"),
    ("There are 1 to 2 thousand people.", "1 to 2 thousand", 1000.0, 2000.0, None),
    ("Over the past three or four years prices rose.", "three or four years", 3.0, 4.0, "year"),
    # vague amounts as ranges (NewsQuant's conventions)
    ("Dozens of people were killed.", "Dozens", 12.0, 120.0, None),
    ("Tens of thousands of troops gathered.", "Tens of thousands", 1e4, 1e5, None),
    ("Hundreds of protesters marched.", "Hundreds", 100.0, 1000.0, None),
    ("It cost tens of millions of dollars.", "tens of millions of dollars", 1e7, 1e8, "USD"),
    # "from X … to Y" with words between is one range (NewsQuant); a bare end takes the unit; low <= high
    ("Bitcoin plummeted from $36,040 at 10.45pm to $34,935 at 5am.", "$36,040 at 10.45pm to $34,935", 34935.0, 36040.0, "USD"),
    ("He slimmed down from 208 pounds to 193 by exercising.", "208 pounds to 193", 193.0, 208.0, "lb"),
    ("Shares fell from $5 to $3 on Monday.", "$5 to $3", 3.0, 5.0, "USD"),
    ("Sales are expected to rise 5 to 7 per cent.", "5 to 7 per cent", 5.0, 7.0, "%"),
    ("Mileage rose from 20 miles per gallon in 2008 to 29 mpg in 2020.", "20 miles per gallon in 2008 to 29 mpg", 20.0, 29.0, "mpg"),
]


@pytest.mark.parametrize("text,span,low,high,unit", RANGES)
def test_ranges(nlp, text, span, low, high, unit):
    f = _find(_figures(nlp, text), span)
    assert (f.value_low, f.value_high) == pytest.approx((low, high))
    assert f.value == pytest.approx((low + high) / 2)
    assert f.unit == unit


# (sentence, figure text, change) in NewsQuant's convention
CHANGES = [
    ("Shares fell 3.5 per cent on Monday.", "3.5 per cent", "down"),
    ("Exports jumped 12% in May.", "12%", "up"),
    ("Exports jumped 12% to $4 billion.", "$4 billion", "="),
    ("The company has more than 1000 customers.", "1000", ">"),
    ("The town has about 600 residents.", "600", "~"),
    ("The grant is worth up to $8 million.", "$8 million", "<"),
    ("The Dow was +0.2% at noon.", "0.2%", "up"),
    ("Profit increased by $43.6 billion.", "$43.6 billion", "up"),
]


@pytest.mark.parametrize("text,span,change", CHANGES)
def test_change(nlp, text, span, change):
    assert _find(_figures(nlp, text), span).change == change


def test_conversion_linked(nlp):
    text = "He wants to increase trade volume to US$200 billion (S$269 billion) annually, up from US$140 billion in 2021."
    figs = _figures(nlp, text)
    usd = _find(figs, "US$200 billion")
    sgd = _find(figs, "S$269 billion")
    assert sgd.conversion_of == figs.index(usd)
    assert (sgd.value, sgd.unit, sgd.object, sgd.period) == (2.69e11, "SGD", "trade volume", "annually")
    assert usd.conversion_of is None
    prev = _find(figs, "US$140 billion")
    assert (prev.value, prev.year, prev.conversion_of) == (1.4e11, 2021, None)


def test_several_conversions_in_one_bracket(nlp):
    figs = _figures(nlp, "Regional exports reached $445.1bn (£227bn; 331bn euros) in 2004.")
    usd = figs.index(_find(figs, "$445.1bn"))
    assert [(f.unit, f.conversion_of, f.year) for f in figs] == [("USD", None, 2004), ("GBP", usd, 2004), ("EUR", usd, 2004)]


def test_conversion_of_quantity(nlp):
    figs = _figures(nlp, "The figure drops to just 87 mph (140 km/h) with the extra weight.")
    assert _find(figs, "140 km/h").conversion_of == figs.index(_find(figs, "87 mph"))


NOT_FIGURES = [
    "The meeting took place on Friday (Feb 4) in Beijing.",
    "The statement was issued at 4:07 p.m. on Thursday.",
    "The treaty was signed on 4 February 2022.",
    "Trade grew strongly in 2021.",
    "He has not left the country since 2013.",
    "This is the defining contest of the 21st century.",
    "It was the first such meeting.",
    "Call the hotline on 555-123-4567 for details.",
    "The rule is set out on page 5 of the report.",
    "Leaders of the Group of 20 met in Rome.",
    "The Games were held under strict COVID-19 rules.",
    "The Games were held under strict Covid-19 rules.",
    "The G7 summit ended on Sunday.",
    "The air force ordered more F-35 jets.",
    "The airline grounded its Boeing 737 fleet.",
    "He is one of the leaders of the party.",
    "Moscow supports the one China principle.",
    "The talks ended at 5am on Sunday.",
    "The two met in Beijing.",
    "England lost the match 18-17 after a 5-1 win last week.",
    "Barclays was the first bank to report 2004 results.",
    "The phone supports 5G and has a 3D camera.",
    "The 1986 year was difficult.",
    "He bought a PS5 console.",
    "Open 24/7 from 9/11 onwards.",
    "Wales won in the RBS Six Nations.",
    "Cayman Airways grounded its new 737 Max jets.",
    "The studio signed a two-month contract with him.",
    "Text the word PUB to 85130 to vote.",
    "He won one in 2019.",
    "Two of them left early.",
    "The current density fell to 1.3 A on Monday.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(nlp, text):
    assert _figures(nlp, text) == []


def test_offsets_in_multi_paragraph_body(nlp):
    body = "Headline about trade\n\nTrade rose 5% to $10 billion.\n\nIt fell 2 per cent in 2020."
    figs = _figures(nlp, body)
    assert [f.text for f in figs] == ["5%", "$10 billion", "2 per cent"]
    assert figs[-1].sentence_index > figs[0].sentence_index


def test_seeds(nlp, seeds_dir):
    """The figures a reader would chart from the seed articles come out right."""
    found = []
    for path in sorted(seeds_dir.glob("*.txt")):
        body = path.read_text(encoding="utf8")
        for f in _figures(nlp, body):
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
    assert (gas.value, gas.unit, gas.object) == (1e10, "m3", "natural gas")
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
        figs = _figures(nlp, body)
        for not_figure in ("4:07 p.m.", "Feb 4", "Covid-19", "21st century"):
            start = body.find(not_figure)
            while start != -1:
                end = start + len(not_figure)
                overlapping = [f.text for f in figs if f.start_char < end and f.end_char > start]
                assert not overlapping, f"{not_figure!r} in {path.name} gave figures {overlapping}"
                start = body.find(not_figure, end)


def test_by_parallel_needs_a_bare_number(nlp):
    """'helped by 3 new stores' counts stores; it does not repeat the dollar unit of 'by $5 million'."""
    figs = _figures(nlp, "Sales rose by $5 million, helped by 3 new stores.")
    three = _find(figs, "3")
    assert (three.kind, three.unit, three.object) == ("count", None, "new stores")


def test_big_bare_number_standing_as_a_value(nlp):
    figs = _figures(nlp, "Texas had the most lightning strikes in 2018 at 2483805.")
    assert [(f.text, f.value) for f in figs] == [("2483805", 2483805.0)]


# (sentence, figure text, holder): who has, does or reports the figure
HOLDERS = [
    ("Ford, which has 13000 workers in Britain, estimated the cost.", "13000", "Ford"),
    ("Chris Wood has scored 22 goals this season.", "22", "Chris Wood"),
    ("Jyske Bank announced that it will charge a 0.6 per cent fee.", "0.6 per cent", "Jyske Bank"),
    ("Dell's 6,650 employees were told on Monday.", "6,650", "Dell"),
    ("It rose 5% on Monday.", "5%", None),
]


@pytest.mark.parametrize("text,span,holder", HOLDERS)
def test_figure_holder(nlp, text, span, holder):
    doc = nlp(text)
    fig = _find(extract_figures(doc), span)
    assert figure_holder(doc, fig) == holder


def test_change_then_level_is_not_a_range(nlp):
    figs = _figures(nlp, "The population grew by 1.2 million to 67 million.")
    assert [(f.text, f.value, f.value_low) for f in figs] == [("1.2 million", 1.2e6, None), ("67 million", 6.7e7, None)]


# A wire price split over a line break ("11\n3/4") once crashed the whole run (found on Reuters).
@pytest.mark.parametrize("text", ["The stock rose 11\n3/4 to 50.", "It was 11\n3/8 pct higher"])
def test_fraction_never_spans_a_line_break(nlp, text):
    from newsdesk.extract.figures import extract_figures

    doc = nlp(text)
    for f in extract_figures(doc):
        assert "\n" not in f.text and f.text == text[f.start_char:f.end_char]
