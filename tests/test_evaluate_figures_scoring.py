"""NewsQuant-style scoring of the figures extractor (newsdesk/evaluate/figures.py): one-to-one matches
per criterion, exact P/R/F1 on tiny hand-made examples, ranges, gold values, unit matching."""

from __future__ import annotations

import json

import pytest

from newsdesk.evaluate.figures import (
    evaluate_figures,
    figure_to_prediction,
    format_report,
    parse_gold_value,
    score_predictions,
    units_match,
    values_match,
)
from newsdesk.extract.types import Figure

ITEMS = [
    {
        "text": "Exports fell 6% to $4.1 billion.",
        "quantities": [
            {"change": "down", "value": "6", "unit": "%", "normalized_unit": "percentage", "referred_concepts": "exports"},
            {"change": "=", "value": "4100000000", "unit": "$", "normalized_unit": "dollar", "referred_concepts": "exports"},
        ],
    },
    {
        "text": "Between 252 and 287 miles, and two ferries.",
        "quantities": [
            {"change": "=", "value": "252.0-287.0", "unit": "miles", "normalized_unit": "mile", "referred_concepts": "-"},
            {"change": "=", "value": "2", "unit": "ferries", "normalized_unit": "ferry", "referred_concepts": "-"},
        ],
    },
    {"text": "Nothing here.", "quantities": []},
]


def _p(value, unit, change="=", concepts=()):
    return {"value": value, "unit": unit, "change": change, "concepts": set(concepts)}


def test_precision_recall_and_f1_per_criterion_are_exact():
    predictions = [
        # both values right; the percent's unit right, the change wrong; the money's concept right
        [_p(6.0, "percentage", "=", ["shares"]), _p(4.1e9, "dollar", "=", ["exports"])],
        # the range only as its midpoint (a value miss), the count right ("ferries" ~ "ferry")
        [_p(269.5, "mile"), _p(2.0, "ferries")],
        # a false positive
        [_p(5.0, "-")],
    ]
    result = score_predictions(ITEMS, predictions)
    assert (result["n_gold"], result["n_pred"]) == (4, 5)
    s = result["scores"]
    assert s["value"]["hits"] == 3 and s["value"]["p"] == pytest.approx(3 / 5) and s["value"]["r"] == pytest.approx(3 / 4)
    assert s["value"]["f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert s["value+unit"]["hits"] == 3
    assert s["value+change"]["hits"] == 2  # 6% has "=" where gold says "down"
    assert s["value+concept"]["hits"] == 1  # only the money shares a concept word
    assert s["concept|holder"]["hits"] == 1  # no holders given: the same as value+concept
    assert "value+unit" in format_report({"newsquant": result})


def test_ranges_match_as_intervals():
    assert values_match((208.0, 193.0), (193.0, 208.0))
    assert not values_match((208.0, 193.0), 200.5)


def test_each_prediction_matches_one_gold_quantity_at_most():
    items = [{"text": "x", "quantities": [
        {"change": "=", "value": "5", "unit": "-", "normalized_unit": "-", "referred_concepts": "-"},
        {"change": "=", "value": "5", "unit": "-", "normalized_unit": "-", "referred_concepts": "-"},
    ]}]
    result = score_predictions(items, [[_p(5.0, "-")]])
    assert result["scores"]["value"]["hits"] == 1
    assert result["scores"]["value"]["r"] == pytest.approx(0.5)


@pytest.mark.parametrize("raw,expected", [
    ("200000000000.0", 2e11), ("252.0-287.0", (252.0, 287.0)), ("-1.4", -1.4), ("1.99E-29", 1.99e-29),
    ("2.0-0.0", (2.0, 0.0)), ("3.0 - 4.0", (3.0, 4.0)),
])
def test_gold_value_strings_parse_to_numbers_and_ranges(raw, expected):
    assert parse_gold_value(raw) == pytest.approx(expected)


@pytest.mark.parametrize("gold,pred,ok", [
    ("mosque", "mosques", True), ("first-team player", "team players", True), ("commercial fisherman", "commercial fishermen", True),
    ("virus", "viruses", True), ("dollar", "australian dollar", False), ("mile", "mile per hour", False),
])
def test_counted_nouns_match_on_their_singular_head_and_unit_names_exactly(gold, pred, ok):
    assert units_match(gold, pred) is ok


def test_extractor_scores_all_gold_quantities_of_the_hand_made_items(nlp, tmp_path):
    path = tmp_path / "nq.json"
    path.write_text(json.dumps(ITEMS), encoding="utf8")
    result = evaluate_figures(str(path))["newsquant"]
    s = result["scores"]
    # the extractor gets all four gold quantities with units and changes, and nothing else
    assert (result["n_gold"], result["n_pred"]) == (4, 4)
    assert s["value"]["f1"] == pytest.approx(1.0)
    assert s["value+unit"]["f1"] == pytest.approx(1.0)
    assert s["value+change"]["f1"] == pytest.approx(1.0)
    assert result["extractor_seconds_per_100"] >= 0


def test_holder_counts_only_in_its_own_score():
    items = [{"text": "x", "quantities": [
        {"change": "=", "value": "13000", "unit": "workers", "normalized_unit": "worker", "referred_concepts": "Ford"},
    ]}]
    fig = Figure(0, 1, "x", "count", 0, 13000.0, object="workers")
    s = score_predictions(items, [[figure_to_prediction(fig, "Ford")]])["scores"]
    assert s["value+concept"]["hits"] == 0  # the official score uses the object only
    assert s["concept|holder"]["hits"] == 1


def test_split_noise_is_zero_for_uniform_sentences_and_grows_with_uneven_ones():
    from newsdesk.evaluate.figures import CRITERIA, split_noise

    uniform = [(2, 2, dict.fromkeys(CRITERIA, 1))] * 40
    assert split_noise(uniform, rounds=50)["value"] == {"median": 0.0, "p90": 0.0}
    uneven = [(2, 2, dict.fromkeys(CRITERIA, 2 if i % 2 else 0)) for i in range(40)]
    noise = split_noise(uneven, rounds=200)["value"]
    assert 0 < noise["median"] <= noise["p90"] <= 100
