"""Language at staging: a text that is not English is rejected as not_english (py3langid), unless the
detector is unsure; short English, wire copy in capitals and English quoting other languages are kept."""

from __future__ import annotations

import re

import pytest

from helpers import ingest_without_nlp
from newsdesk import warehouse
from newsdesk.cleaning import RejectError, prepare
from newsdesk.cleaning.language import MIN_WORDS, detect, sample_words

GERMAN = ("Stadtrat beschließt Ausbau des alten Hafens\n\n"
          "Der Stadtrat hat am Dienstag beschlossen, den alten Kai für vierzig Millionen Euro zu erweitern. "
          "Die Bürgermeisterin sagte, die Arbeiten sollten im Frühjahr beginnen und zwei Jahre dauern; "
          "die Opposition kritisierte die hohen Kosten.\n")
FRENCH = ("Le conseil municipal a voté mardi soir un budget de douze millions d'euros pour rénover les écoles "
          "de la ville, et le maire a déclaré que les travaux commenceraient en septembre.")
SPANISH = ("El gobierno anunció este lunes un nuevo plan de vivienda que prevé construir cincuenta mil pisos "
           "de alquiler social en los próximos cuatro años, según informó el ministerio.")
RUSSIAN_HEADLINE = "В Москве открылась новая станция метро"  # 6 words, but not in Latin script
CHINESE_HEADLINE = "央行下调存款准备金率"  # one "word" to a detector: Chinese is written without spaces
ENGLISH = ("Harbour council approves quay extension\n\n"
           "The harbour council voted on Tuesday to extend the old quay by 120 metres, the council's chair "
           "said after the meeting. Work is due to start in the spring.\n")
WIRE_CAPITALS = ("TORONTO, March 3 - SHELL CANADA LTD SAID IT RAISED POSTED PRICES FOR LIGHT CRUDE OIL BY 50 "
                 "CANADIAN CTS A BARREL, EFFECTIVE TODAY. THE INCREASE BRINGS THE PRICE TO 21.15 DLRS A BARREL.")


def _reject(text: str) -> RejectError | None:
    try:
        prepare(text.encode())
    except RejectError as exc:
        return exc
    return None


@pytest.mark.parametrize("text, code, name", [
    (GERMAN, "de", "German"),
    (FRENCH, "fr", "French"),
    (SPANISH, "es", "Spanish"),
    (RUSSIAN_HEADLINE, "ru", "Russian"),  # short, but Cyrillic: certainly not English
    (CHINESE_HEADLINE, "zh", "Chinese"),
])
def test_foreign_texts_are_rejected_with_the_language_named(text, code, name):
    exc = _reject(text)
    assert exc is not None and exc.reason == "not_english"
    assert re.fullmatch(rf"detected {name} \({code}\) with confidence [01]\.\d\d( \(.*\))?; newsdesk reads English only",
                        exc.detail), exc.detail


@pytest.mark.parametrize("text", [
    ENGLISH,
    WIRE_CAPITALS,  # capitals are lower-cased for the detector
    "Chelsea sack striker",  # a 3-word headline: too short to judge
    "SHELL CANADA <SHC> RAISES CRUDE PRICES BY 50 CTS",
    "GROUPE BRUXELLES LAMBERT PROFIT UP",  # a headline a detector reads as French
    "Polizei sucht Zeugen nach Einbruch in Bäckerei",  # a short German headline: unsure, so kept (documented)
    "Olaf Scholz and Emmanuel Macron met in Aachen on Tuesday, where Mr Scholz said the friendship "
    "between the two countries was 'stronger than ever', according to officials.",
    "The slogan \"liberté, égalité, fraternité\" was painted on the wall of the town hall in Lyon, "
    "the mayor said on Monday after the council meeting.",
    "Q1 EPS 1.23 DLRS VS 98 CTS; REVS 12.4 MLN VS 10.1 MLN",  # figures, hardly words
])
def test_english_and_unsure_texts_are_kept(text):
    assert _reject(text) is None


def test_short_latin_texts_are_never_judged():
    code, prob, n_words, _ = detect("Polizei sucht Zeugen nach Einbruch in Bäckerei")
    assert code == "de" and n_words < MIN_WORDS  # the detector leans German; too few words to act on


def test_sample_folds_capital_lines_and_drops_figures():
    assert sample_words("OIL PRICES RISE 5 PCT\nBrent rose to $82.10 a barrel") == [
        "oil", "prices", "rise", "pct", "Brent", "rose", "to", "barrel"]


def test_ingest_rejects_a_german_article_as_not_english(settings, tmp_path):
    src = tmp_path / "inbox"
    src.mkdir()
    (src / "hafen.txt").write_text(GERMAN, encoding="utf-8")
    (src / "harbour.txt").write_text(ENGLISH, encoding="utf-8")
    s = ingest_without_nlp(settings, src)
    assert s["books_balance"] and (s["documents_new"], s["rejected"]) == (1, 1)
    assert s["reject_reasons"] == {"not_english": 1}
    con = warehouse.read_only(settings.warehouse)
    try:
        (path, reason, detail, doc_id), = con.execute("SELECT source_path, reason, detail, doc_id FROM rejects").fetchall()
    finally:
        con.close()
    assert path.endswith("hafen.txt") and reason == "not_english" and doc_id
    assert detail.startswith("detected German (de) with confidence") and "reads English only" in detail
