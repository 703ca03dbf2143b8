"""How quotes are counted (DESIGN.md): each rule on a short article, checked through the production
path with the comparison rules of the shared quote_conventions README (tests/conventions_check.py).

Two sets: the team's shared cases (../shared/eval/quote_conventions/cases.jsonl, skipped where
../shared is absent) and this repository's own articles for the same rules
(tests/data/quote_conventions.jsonl), so that every rule holds in a fresh clone too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conventions_check import load_cases, run_case

HERE = Path(__file__).resolve().parent
SHARED_CASES = HERE.parent.parent / "shared" / "eval" / "quote_conventions" / "cases.jsonl"
OWN_CASES = HERE / "data" / "quote_conventions.jsonl"


def _shared() -> list:
    if not SHARED_CASES.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{SHARED_CASES} is absent: the shared "
                                                                  "cases only exist in the team workspace"))]
    return [pytest.param(c, id=c["id"]) for c in load_cases(SHARED_CASES)]


@pytest.mark.parametrize("case", _shared())
def test_shared_convention_case_holds(nlp, case):
    assert run_case(case) == [], case["note"]


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in load_cases(OWN_CASES)])
def test_own_convention_case_holds(nlp, case):
    assert run_case(case) == [], case["note"]


def test_every_rule_of_the_shared_cases_has_an_own_case():
    if not SHARED_CASES.is_file():
        pytest.skip("the shared cases are absent")
    own = {c["id"].split("__")[0] for c in load_cases(OWN_CASES)}
    assert {c["id"] for c in load_cases(SHARED_CASES)} <= own
