"""The pieces of date expressions and their grouping into one expression."""

from __future__ import annotations

import pytest

from geo.dates.atoms import Piece, day_exists, find_groups
from geo.dates.clauses import scanned_text


def _groups(text: str, language: str = "ar") -> list[tuple[str, tuple[Piece | None, ...]]]:
    scanned = scanned_text(text, language)
    found = []
    for group in find_groups(scanned):
        start, end = scanned.folded.original_span(group.start, group.end)
        parts = tuple(a.kind if a else None for a in (group.relative, group.weekday, group.main))
        found.append((text[start:end], parts))
    return found


GROUPS = [
    pytest.param(
        "وصل الوفد اليوم الجمعة 15 سبتمبر 2023 إلى الرباط.",
        "ar",
        [("اليوم الجمعة 15 سبتمبر 2023", (Piece.RELATIVE, Piece.WEEKDAY, Piece.DATE))],
        id="relative-weekday-date-one-expression",
    ),
    pytest.param(
        "The meeting was held on Monday, March 4, 2024.",
        "en",
        [("Monday, March 4, 2024", (None, Piece.WEEKDAY, Piece.DATE))],
        id="weekday-and-date",
    ),
    pytest.param(
        "وتعهد الرئيس الأسبوع الماضي بزيارة في يوليو 2000.",
        "ar",
        [("الأسبوع الماضي", (None, None, Piece.PERIOD)), ("يوليو 2000", (None, None, Piece.MONTH))],
        id="period-and-month-stand-alone",
    ),
    pytest.param("أمضى المستكشف 18 شهراً وقطع 2000 كيلومتر.", "ar", [], id="quantities-are-not-pieces"),
    pytest.param("وفي اليوم التالي توجه الوفد إلى أسوان.", "ar", [], id="the-day-noun-is-left-out"),
]


@pytest.mark.parametrize(("text", "language", "expected"), GROUPS)
def test_find_groups(text: str, language: str, expected: list) -> None:
    assert _groups(text, language) == expected


@pytest.mark.parametrize(
    ("year", "month", "day", "exists"),
    [(2024, 2, 29, True), (2023, 2, 29, False), (None, 2, 29, True), (None, 4, 31, False)],
)
def test_day_exists(year: int | None, month: int, day: int, exists: bool) -> None:
    assert day_exists(year, month, day) is exists
