"""PolNeAR-style scoring on a tiny brat example written here, with fixed predictions."""

from __future__ import annotations

import pytest

from newsdesk.evaluate import quotes as ev
from newsdesk.extract.types import Quote

TEXT = (
    "Title line\n"
    "\n"
    "“We will win the vote,” Smith said. Jones said the plan would fail. Voters believe taxes are high.\n"
)
# offsets into TEXT
Q1 = (TEXT.index("“We"), TEXT.index("” Smith") + 1)  # direct content, marks included
SMITH = (TEXT.index("Smith"), TEXT.index("Smith") + 5)
SAID1 = (TEXT.index("said"), TEXT.index("said") + 4)
Q2 = (TEXT.index("the plan"), TEXT.index("fail") + 4)
JONES = (TEXT.index("Jones"), TEXT.index("Jones") + 5)
SAID2 = (TEXT.index("said", SAID1[1]), TEXT.index("said", SAID1[1]) + 4)
Q3 = (TEXT.index("taxes"), TEXT.index("high") + 4)
VOTERS = (TEXT.index("Voters"), TEXT.index("Voters") + 6)
BELIEVE = (TEXT.index("believe"), TEXT.index("believe") + 7)

ANN = "\n".join([
    f"T1\tContent {Q1[0]} {Q1[1]}\t{TEXT[Q1[0]:Q1[1]]}",
    f"T2\tSource {SMITH[0]} {SMITH[1]}\tSmith",
    f"T3\tCue {SAID1[0]} {SAID1[1]}\tsaid",
    f"T4\tAttribution {SAID1[0]} {SAID1[1]}\tsaid",
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
    # the second content is discontinuous in the gold: "the plan" ; "would fail"
    f"T5\tContent {Q2[0]} {Q2[0] + 8};{Q2[0] + 9} {Q2[1]}\tthe plan would fail",
    f"T6\tSource {JONES[0]} {JONES[1]}\tJones",
    f"T7\tCue {SAID2[0]} {SAID2[1]}\tsaid",
    "E2\tAttribution:T4 Content:T5 Cue:T7 Source:T6",
    f"T8\tContent {Q3[0]} {Q3[1]}\ttaxes are",
    "continuation line of a T-line text column that spans a newline",
    f"T9\tSource {VOTERS[0]} {VOTERS[1]}\tVoters",
    f"T10\tCue {BELIEVE[0]} {BELIEVE[1]}\tbelieve",
    "E3\tAttribution:T4 Content:T8 Cue:T10 Source:T9",
]) + "\n"


def _q(span, kind, speaker=None, cue=None) -> Quote:
    q = Quote(span[0], span[1], TEXT[span[0]:span[1]], kind, 0)
    if speaker:
        q.speaker_start, q.speaker_end, q.speaker = speaker[0], speaker[1], TEXT[speaker[0]:speaker[1]]
    if cue:
        q.cue_start, q.cue_end, q.cue = cue[0], cue[1], TEXT[cue[0]:cue[1]]
    return q


PREDICTIONS = [
    _q(Q1, "direct", SMITH, SAID1),  # exact: coverage 1.0, speaker and cue right
    _q((Q2[0], Q2[0] + 8), "indirect", SMITH, SAID2),  # "the plan": covers 8/18 of gold 2, wrong speaker
    _q((TEXT.index("Title"), TEXT.index("Title") + 5), "indirect"),  # matches nothing
]


def test_parse_brat_reads_events_fragments_and_direct_flag():
    golds = ev.parse_brat(ANN, TEXT)
    assert len(golds) == 3
    assert golds[0].direct and not golds[1].direct and not golds[2].direct
    assert golds[1].content == [(Q2[0], Q2[0] + 8), (Q2[0] + 9, Q2[1])]
    assert golds[2].source == [VOTERS] and golds[2].cue == [BELIEVE]


def test_match_takes_gold_in_text_order_and_each_prediction_once():
    golds = ev.polnear.attribution_units(ev.parse_brat(ANN, TEXT))
    preds = ev.prediction_units(PREDICTIONS)  # in text order: "Title", Q1, Q2
    pairs = ev.match(golds, preds)
    assert [(g, p) for g, p, _ in pairs] == [(0, 1), (1, 2)]
    assert pairs[0][2] == 1.0 and pairs[1][2] == pytest.approx(8 / 18)
    # the same prediction cannot serve two golds
    assert len(ev.match(golds + golds[:1], preds[1:2])) == 1
    # below the threshold nothing matches
    assert ev.match(golds[1:2], preds[2:3], threshold=0.5) == []


def test_match_gives_an_earlier_gold_the_better_prediction_first():
    """GGT's order: gold 1 takes the prediction covering it best, even if gold 2 would have liked it."""
    from newsdesk.evaluate.polnear import Unit

    golds = [Unit([(0, 10)]), Unit([(5, 15)])]
    preds = [Unit([(4, 15)]), Unit([(0, 4)])]
    assert [(g, p) for g, p, _ in ev.match(golds, preds)] == [(0, 0)]  # P0 covers gold 1 better (0.6 > 0.4)


def test_passages_of_one_attribution_score_as_one_at_attribution_grain():
    """Two passages sharing an attribution_id are one unit (the union of their spans) at
    attribution grain, two units at passage grain."""
    a, b = _q(Q1, "direct", SMITH, SAID1), _q((Q2[0], Q2[1]), "direct")
    a.attribution_id = b.attribution_id = "x"
    assert len(ev.prediction_units([a, b], "attribution")) == 1
    unit = ev.prediction_units([a, b], "attribution")[0]
    assert unit.frags == [Q1, Q2] and unit.speaker == [SMITH]
    assert len(ev.prediction_units([a, b], "passage")) == 2


def test_gold_passages_split_at_gaps_and_paragraph_breaks():
    from newsdesk.evaluate import polnear

    text = "“One,” she said. “Two.\n\n“Three.”"
    assert polnear.split_passages(text, [(0, 6), (17, len(text))]) == [(0, 6), (17, 22), (24, len(text))]
    g = polnear.GoldAttribution(content=[(0, 6), (17, len(text))], source=[(7, 10)], cue=[(11, 15)], direct=True,
                                cue_text="said", source_text="she")
    units = polnear.passage_units([g], text)
    assert [u.speaker for u in units] == [[(7, 10)], [], []]  # only the first passage carries the mention


@pytest.mark.parametrize("source, name, right", [
    ("Sen. Bernie Sanders, I-Vt.,", "Bernie Sanders", True),
    ("Trump’s campaign manager Kellyanne Conway", "Kellyanne Conway", True),
    ("Sanders", "Hillary Clinton", False),
    ("he", "Bernie Sanders", None),  # a pronoun names no one: not counted
    ("the campaign", None, None),
])
def test_name_check_reads_the_gold_surname(source, name, right):
    from newsdesk.evaluate import polnear

    assert polnear.name_right(source, name) is right


@pytest.fixture()
def polnear_dir(tmp_path):
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "doc_a.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "doc_a_ab12.ann").write_text(ANN, encoding="utf-8")
    # a second annotator's file for the same text must be ignored (metadata lists ab12 first)
    (split / "attributions" / "doc_a_0000.ann").write_text("", encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text("compartment\tfilename\tannotators\ndev\tdoc_a\tab12|0000\n",
                                           encoding="utf-8")
    return tmp_path


def test_evaluate_quotes_exact_scores(polnear_dir, monkeypatch, nlp):
    import newsdesk.extract.quotes as extractor

    monkeypatch.setattr(extractor, "extract_quotes", lambda doc, ents: list(PREDICTIONS))
    r = ev.evaluate_quotes(str(polnear_dir), "dev")
    assert r["docs"] == 1
    a = r["all"]
    assert (a["gold"], a["predicted"]) == (3, 3)
    # @0.3: two hits (coverage 1.0 and 0.44) → P 2/3, R 2/3; @0.8: one hit → P 1/3, R 1/3
    assert a["@0.3"]["hits"] == 2 and a["@0.3"]["precision"] == pytest.approx(2 / 3)
    assert a["@0.3"]["f1"] == pytest.approx(2 / 3)
    assert a["@0.8"]["hits"] == 1 and a["@0.8"]["recall"] == pytest.approx(1 / 3)
    # speaker: right for gold 1, wrong for gold 2 → 1/2; cue overlaps for both → 2/2
    assert a["speaker_accuracy"] == pytest.approx(0.5) and a["speaker_n"] == 2
    assert a["name_n"] == 2 and a["name_accuracy"] == 0.0  # no speaker_name predicted
    assert a["cue_accuracy"] == pytest.approx(1.0) and a["cue_n"] == 2
    d = r["direct"]  # one direct gold, one direct prediction, exact
    assert (d["gold"], d["predicted"], d["@0.8"]["hits"]) == (1, 1, 1)
    assert d["@0.8"]["f1"] == pytest.approx(1.0)
    report = ev.format_report(r)
    assert "ALL           3      3  0.667  0.667  0.667" in report
    # the error table (SPEECH): nothing missed, the "Title" row spurious, Smith for Jones a wrong name
    assert "missed: 0" in report and "spurious: 1" in report and "1  other span: name" in report


def test_evaluate_quotes_speech_subset(polnear_dir, monkeypatch, nlp):
    """SPEECH keeps the two "said" relations, drops the "believe" one, and scores them against
    every prediction (the unmatched "Title" prediction stays a false positive)."""
    import newsdesk.extract.quotes as extractor

    monkeypatch.setattr(extractor, "extract_quotes", lambda doc, ents: list(PREDICTIONS))
    s = ev.evaluate_quotes(str(polnear_dir), "dev")["speech"]
    assert (s["gold"], s["predicted"]) == (2, 3)
    assert s["@0.3"]["hits"] == 2 and s["@0.3"]["recall"] == pytest.approx(1.0)
    assert s["@0.3"]["precision"] == pytest.approx(2 / 3)
    assert s["@0.8"]["hits"] == 1 and s["@0.8"]["recall"] == pytest.approx(0.5)
    assert s["speaker_accuracy"] == pytest.approx(0.5)


@pytest.mark.parametrize("cue, speech", [("said", True), ("pointed out", True), ("according to", True),
                                         (":", True), ("believe", False), ("talked about", False)])
def test_is_speech_cue(cue, speech):
    assert ev.is_speech_cue(cue) is speech


# ---------------------------------------------------------------- seeds (speaker names)
def test_evaluate_seeds_on_an_invented_seed(tmp_path, nlp):
    from newsdesk.evaluate import seeds

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "000_x.txt").write_text(
        "Ferry fares to rise\n\n“We cannot keep the old fares,” Maria Lopez said on Monday. "
        "The council said the harbour would reopen in May.\n", encoding="utf-8")
    gold = tmp_path / "gold.tsv"
    gold.write_text("# test gold\n000\tkeep the old fares\tMaria Lopez\tdirect\n"
                    "000\tharbour would reopen\tTom Haines\tindirect\n"
                    "000\tno such words here\tMaria Lopez\tdirect\n", encoding="utf-8")
    res = seeds.evaluate_seeds(tmp_path / "seeds", gold, nlp=nlp)
    assert (res["listed"], res["found"], res["right"]) == (3, 2, 1)
    report = seeds.format_report(res)
    assert "WRONG SPEAKER" in report and "fragment not in the cleaned text" in report


def test_cli_evaluate_seeds_missing_folder(tmp_path, capsys):
    from newsdesk.flows.cli import main

    assert main(["evaluate", "seeds", "--seeds", str(tmp_path / "nope")]) == 2
