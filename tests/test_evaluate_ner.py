"""CoNLL-2003 reader and scorer: a tiny hand-written file with known answers."""

from __future__ import annotations

import pytest

from newsdesk.evaluate import ner

# Two documents, IOB1: the first lacks its -DOCSTART- line (as in the official test file);
# "B-PER" marks a second person directly after another one.
SNIPPET = """\
Anna NNP I-NP I-PER\r
Berg NNP I-NP I-PER\r
visited VBD I-VP O\r
Oslo NNP I-NP I-LOC\r
. . O O\r
\r
-DOCSTART- -X- -X- O\r
\r
Tom NNP I-NP I-PER\r
Lee NNP I-NP B-PER\r
Kim NNP I-NP I-PER\r
joined VBD I-VP O\r
Acme NNP I-NP I-ORG\r
Corp NNP I-NP I-ORG\r
\r
German JJ I-NP I-MISC\r
fans NNS I-NP O\r
"""


@pytest.fixture()
def conll_file(tmp_path):
    path = tmp_path / "mini.conll"
    path.write_bytes(SNIPPET.encode("utf-8"))
    return path


def test_read_conll_rebuilds_text_and_gold(conll_file):
    docs = ner.read_conll(conll_file)
    assert [d.text for d in docs] == ["Anna Berg visited Oslo .", "Tom Lee Kim joined Acme Corp\nGerman fans"]
    first, second = docs
    assert [(first.text[s:e], t) for s, e, t in first.gold] == [("Anna Berg", "PER"), ("Oslo", "LOC")]
    assert [(second.text[s:e], t) for s, e, t in second.gold] == [
        ("Tom", "PER"), ("Lee Kim", "PER"), ("Acme Corp", "ORG"), ("German", "MISC")]
    assert [d.n_tokens for d in docs] == [5, 8]


def test_score_exact_match():
    gold = [{(0, 9, "PER"), (18, 22, "LOC")}, {(0, 3, "PER"), (4, 11, "PER"), (19, 28, "ORG")}]
    pred = [
        {(0, 9, "PER"), (18, 22, "ORG")},  # right span, wrong type: fp ORG + fn LOC
        {(0, 11, "PER"), (19, 28, "ORG"), (29, 35, "MISC")},  # merged persons: 1 fp + 2 fn; extra MISC: 1 fp
    ]
    s = ner._score(gold, pred)
    assert (s["PER"]["tp"], s["PER"]["fp"], s["PER"]["fn"]) == (1, 1, 2)
    assert s["PER"]["precision"] == pytest.approx(0.5)
    assert s["PER"]["recall"] == pytest.approx(1 / 3)
    assert s["PER"]["f1"] == pytest.approx(0.4)
    assert (s["ORG"]["tp"], s["ORG"]["fp"], s["ORG"]["fn"]) == (1, 1, 0)
    assert s["LOC"]["recall"] == 0.0 and s["LOC"]["f1"] == 0.0
    assert s["MISC"]["precision"] == 0.0
    micro = s["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (2, 3, 3)
    assert micro["precision"] == pytest.approx(0.4)
    assert micro["recall"] == pytest.approx(0.4)
    assert micro["f1"] == pytest.approx(0.4)


def test_evaluate_and_report(conll_file, nlp):
    result = ner.evaluate_ner(str(conll_file))
    assert result["docs"] == 2 and result["tokens"] == 13 and result["gold"] == 6
    assert result["gold_by_label"] == {"PER": 3, "LOC": 1, "ORG": 1, "MISC": 1}
    for system in ner.SYSTEMS:
        for label in (*ner.CONLL_LABELS, "micro"):
            cell = result["scores"][system][label]
            assert 0.0 <= cell["f1"] <= 1.0
        micro = result["scores"][system]["micro"]
        assert micro["tp"] + micro["fn"] == 6
    report = ner.format_report(result)
    assert "raw" in report and "micro" in report and report.count("\n") >= 8
    assert ner.evaluate_ner(str(conll_file), limit_docs=1)["docs"] == 1


# One document the pinned model gets almost right: its only slip is "the United States", which
# newsdesk repairs (CoNLL spans never include "the").
REPAIR_SNIPPET = """\
-DOCSTART- -X- -X- O

Russia NNP I-NP I-LOC
's POS B-NP O
President NNP I-NP O
Vladimir NNP I-NP I-PER
Putin NNP I-NP I-PER
met VBD I-VP O
the DT I-NP O
United NNP I-NP I-LOC
States NNP I-NP I-LOC
delegation NN I-NP O
in IN I-PP O
Moscow NNP I-NP I-LOC
. . O O

Mr NNP I-NP O
Putin NNP I-NP I-PER
said VBD I-VP O
NATO NNP I-NP I-ORG
must MD I-VP O
halt VB I-VP O
. . O O
"""


def test_evaluate_exact_scores_raw_vs_newsdesk(tmp_path, nlp):
    path = tmp_path / "repair.conll"
    path.write_text(REPAIR_SNIPPET, encoding="utf-8")
    result = ner.evaluate_ner(str(path))
    raw, ours = result["scores"]["raw"], result["scores"]["newsdesk"]
    assert (raw["micro"]["tp"], raw["micro"]["fp"], raw["micro"]["fn"]) == (5, 1, 1)
    assert raw["micro"]["precision"] == pytest.approx(5 / 6)
    assert raw["micro"]["recall"] == pytest.approx(5 / 6)
    assert raw["LOC"]["f1"] == pytest.approx(2 / 3)
    assert (ours["micro"]["tp"], ours["micro"]["fp"], ours["micro"]["fn"]) == (6, 0, 0)
    assert ours["micro"]["f1"] == pytest.approx(1.0)
    assert ours["PER"]["f1"] == pytest.approx(1.0) and ours["ORG"]["f1"] == pytest.approx(1.0)
