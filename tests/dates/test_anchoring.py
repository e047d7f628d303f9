"""Resolving date expressions against the publication date: notes, certainty, calendar arithmetic, settings."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.dates.anchoring import Kind
from geo.dates.expressions import find_dates, find_dates_in_text
from geo.model import Article, Certainty, WordFrequencies
from geo.settings import DateSettings

MON = dt.date(2024, 3, 4)  # a Monday
SAT = dt.date(2022, 11, 19)  # a Saturday


def _article(text: str) -> Article:
    return Article(name="t.txt", text=text, language="ar")


NOTES = [
    pytest.param("زار الوزير المصنع يوم أمس الجمعة.", SAT, "yesterday, Friday: checked", id="checked"),
    pytest.param(
        "زار الوزير المصنع يوم أمس الخميس.",
        SAT,
        "yesterday is Friday 18 but the text says Thursday: took Thursday 17, the text's weekday",
        id="a-weekday-a-day-off-wins",
    ),
    pytest.param(
        "زار الوزير المصنع يوم أمس الثلاثاء.",
        SAT,
        "yesterday is Friday 18 but the text says Tuesday: kept yesterday",
        id="a-weekday-further-off-loses",
    ),
    pytest.param(
        "وصل الوفد يوم الخميس 13 سبتمبر 2023.",
        MON,
        "13 September 2023 is a Wednesday but the text says Thursday: kept the calendar date",
        id="weekday-vs-calendar",
    ),
    pytest.param("سيزور الوزير طوكيو يوم الأحد.", MON, "future-tense clause", id="future"),
    pytest.param(
        "سيزور الوزير طوكيو يوم الاثنين.", MON, "future-tense clause: the anchor's own weekday", id="future-today"
    ),
    pytest.param(
        "وصل الوزير يوم الأحد، وفي اليوم التالي زار المصنع.", MON, "the day after «يوم الأحد»", id="event-day"
    ),
    pytest.param("التقى الرئيس نظيره يوم الاثنين.", MON, "the anchor's own weekday", id="same-day"),
    pytest.param("وصل الرئيس يوم أمس.", None, "no publication date", id="no-anchor"),
]


@pytest.mark.parametrize(("text", "anchor", "note"), NOTES)
def test_notes_say_how_a_date_was_resolved(
    text: str, anchor: dt.date | None, note: str, frequencies: WordFrequencies
) -> None:
    expr = find_dates(_article(text), anchor=anchor, frequencies=frequencies)[-1]
    assert note in expr.note


def test_an_approximate_anchor_makes_relative_dates_approximate(frequencies: WordFrequencies) -> None:
    text = "غادر الرئيس البلاد اليوم الأحد بعد زيارة بدأت في 12 مايو 2025."
    exprs = find_dates(
        _article(text), anchor=dt.date(2025, 6, 15), anchor_certainty=Certainty.APPROXIMATE, frequencies=frequencies
    )
    assert [(e.text, e.certainty) for e in exprs] == [("اليوم الأحد", "approximate"), ("12 مايو 2025", "exact")]
    assert "approximate" in exprs[0].note


def test_a_day_range_across_a_leap_day_resolves_to_a_leap_year(frequencies: WordFrequencies) -> None:
    (expr,) = find_dates_in_text(
        "visited Moscow on 28-29 February", anchor=dt.date(2023, 3, 5), language="en", frequencies=frequencies
    )
    assert expr.last == expr.first + dt.timedelta(days=1) and expr.last.day == 29


def test_kinds_and_certainties_are_the_model_enums(frequencies: WordFrequencies) -> None:
    (expr,) = find_dates(_article("وصل الرئيس يوم أمس."), anchor=MON, frequencies=frequencies)
    assert (expr.kind, expr.certainty) == (Kind.RELATIVE, Certainty.EXACT)
    assert isinstance(expr.kind, Kind) and isinstance(expr.certainty, Certainty)


SETTINGS = [
    pytest.param(
        "وسيزور الوزير البلاد في أكتوبر.", DateSettings(), ("2024-10-01", Certainty.APPROXIMATE), id="month-far"
    ),
    pytest.param(
        "وسيزور الوزير البلاد في أكتوبر.",
        DateSettings(near_days=240),
        ("2024-10-01", Certainty.EXACT),
        id="month-near-with-a-wider-near-days",
    ),
    pytest.param(
        "عاد الوزير إلى الرياض في 8 مارس.", DateSettings(), ("2024-03-08", Certainty.EXACT), id="day-within-grace"
    ),
    pytest.param(
        "عاد الوزير إلى الرياض في 8 مارس.",
        DateSettings(grace_days=0),
        ("2023-03-08", Certainty.APPROXIMATE),
        id="day-after-the-anchor-without-grace-is-last-year",
    ),
]


@pytest.mark.parametrize(("text", "settings", "expected"), SETTINGS)
def test_date_settings_decide(
    text: str, settings: DateSettings, expected: tuple[str, Certainty], frequencies: WordFrequencies
) -> None:
    (expr,) = find_dates(_article(text), anchor=MON, frequencies=frequencies, settings=settings)
    assert (expr.first, expr.certainty) == (dt.date.fromisoformat(expected[0]), expected[1])
