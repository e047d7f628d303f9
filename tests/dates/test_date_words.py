"""The date word lists: folded, loaded once and only when first needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from geo.dates.date_words import Marker, Unit, load_dates_lexicon
from geo.errors import IndexBuildError
from tests.conftest import ROOT


def test_lexicon_is_not_read_at_import() -> None:
    code = (
        "import geo.dates.expressions, geo.dates.publication, geo.dates.date_words, geo.dates.patterns\n"
        "assert geo.dates.date_words.load_dates_lexicon.cache_info().currsize == 0\n"
        "assert geo.dates.patterns.date_patterns.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_words_are_folded_and_typed() -> None:
    lex = load_dates_lexicon()
    assert lex.months["سبتمبر"] == 9 and lex.months["ايلول"] == 9  # «أيلول» folded
    assert lex.markers["الماضي"] is Marker.PAST and lex.markers["next"] is Marker.NEXT
    assert lex.periods["الاسبوع"] is Unit.WEEK
    assert lex.event_days["le lendemain"] == 1 and lex.event_days["la veille"] == -1  # folded and counted
    assert lex.event_days["في اليوم التالي"] == 1 and "de" in lex.event_days_not_before


def test_month_abbreviations_are_prefixes_of_a_name_of_the_same_month() -> None:
    lex = load_dates_lexicon()
    assert {"sept", "janv", "jan"} <= lex.month_abbreviations
    assert "mars" not in lex.month_abbreviations and "may" not in lex.month_abbreviations


def test_an_unreadable_lexicon_is_an_index_build_error(tmp_path: Path) -> None:
    with pytest.raises(IndexBuildError, match="cannot read the date lexicon"):
        load_dates_lexicon(tmp_path / "missing.yaml")


def test_the_shipped_lists_are_folded_once_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.dates import date_words

    worked_out = load_dates_lexicon.__wrapped__()
    monkeypatch.setenv("GEOSTORY_CACHE_DIR", str(tmp_path))
    assert load_dates_lexicon.__wrapped__() == worked_out  # no copy yet: folded, kept
    assert "dates-lexicon" in {copy.name.split(".")[0] for copy in tmp_path.iterdir()}
    monkeypatch.setattr(date_words, "_folded", lambda path: pytest.fail("folded again"))
    kept = load_dates_lexicon.__wrapped__()
    assert kept == worked_out
    assert {type(v) for v in kept.periods.values()} == {Unit} and {type(v) for v in kept.markers.values()} == {Marker}
    assert list(kept.months) == list(worked_out.months)
