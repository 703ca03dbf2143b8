"""Units and currencies (newsdesk/extract/figures/units.py): the unit or currency around a number,
money per unit, sub-units, and "pounds" as money or weight."""

from __future__ import annotations

import pytest
from extract_checks import FIGURE_FIELDS, assert_figure

# (sentence, figure text, value, unit, kind, qualifier, object, year, period)
UNITS = [
    ("Mr Putin unveiled a deal to deliver 10 billion cubic m of natural gas annually.",
     "10 billion cubic m", 1e10, "cubic metre", "quantity", None, "natural gas", None, "annually"),
    ("Shares fell 3.5 per cent on Monday.", "3.5 per cent", 3.5, "percentage", "percent", None, "Shares", None, None),
    ("Rates rose by 0.5 percentage points.", "0.5 percentage points", 0.5, "percentage point", "percentage_point", None, "Rates", None, None),
    # adjectival duration: the hyphenated unit belongs to the figure
    ("They signed a 20-year treaty.", "20-year", 20.0, "year", "duration", None, "treaty", None, None),
    ("The match lasted 70 minutes.", "70 minutes", 70.0, "minute", "duration", None, "match", None, None),
    ("Demand was 30 times higher than supply.", "30 times", 30.0, "count", "multiple", None, "Demand", None, None),
    ("The field pumps about 5 million barrels a day.", "5 million barrels a day", 5e6, "barrel per day", "quantity", "about", "field", None, None),
    ("The firm lost 10bn yuan last year.", "10bn yuan", 1e10, "CNY", "money", None, "firm", None, "last year"),
    ("The firm lost 5 billion yen.", "5 billion yen", 5e9, "JPY", "money", None, "firm", None, None),
    ("The firm lost 300 million rupees.", "300 million rupees", 3e8, "INR", "money", None, "firm", None, None),
    ("The firm lost 2 billion roubles.", "2 billion roubles", 2e9, "RUB", "money", None, "firm", None, None),
    ("The bank paid HK$3.5 million.", "HK$3.5 million", 3.5e6, "HKD", "money", None, "bank", None, None),
    ("The bank paid A$2m for it.", "A$2m", 2e6, "AUD", "money", None, "bank", None, None),
    ("The car reaches 87 mph on the highway.", "87 mph", 87.0, "mile per hour", "quantity", None, "car", None, None),
    ("It was 30 degrees C in the shade.", "30 degrees C", 30.0, "degree Celsius", "quantity", None, None, None, None),
    ("The plant makes 1,500 MW of power.", "1,500 MW", 1500.0, "megawatt", "quantity", None, "power", None, None),
    # money priced per unit gets a per-unit
    ("Brent rose to $87 a barrel.", "$87", 87.0, "USD/barrel", "money", None, "Brent", None, None),
    # cents are scaled to the currency unit
    ("The loss was 63 cents per share.", "63 cents", 0.63, "USD/share", "money", None, "loss", None, None),
    ("A 34-year-old cyclist was injured.", "34-year-old", 34.0, "year", "age", None, "cyclist", None, None),
    # "pounds" is money after a money word or with a scale word, else a weight
    ("He paid 450,000 pounds for the house.", "450,000 pounds", 4.5e5, "GBP", "money", None, None, None, None),
    ("The bomb held 2,000 pounds of explosives.", "2,000 pounds", 2000.0, "pound-mass", "quantity", None, "explosives", None, None),
    ("He lost 20 pounds in a month.", "20 pounds", 20.0, "pound-mass", "quantity", None, None, None, None),
    # an ASCII-folded pound sign (unidecode writes £ as "PS")
    ("The bonus was worth up to PS1.4m.", "PS1.4m", 1.4e6, "GBP", "money", "up to", None, None, None),
    # prime marks are feet and inches
    ("The neck is 25.5″ long.", "25.5″", 25.5, "inch", "quantity", None, "neck", None, None),
]


@pytest.mark.parametrize(FIGURE_FIELDS, UNITS)
def test_unit_or_currency_gives_unit_kind_and_scaled_value(nlp, text, span, value, unit, kind, qualifier, obj, year, period):
    assert_figure(nlp, text, span, value, unit, kind, qualifier, obj, year, period)
