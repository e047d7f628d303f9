"""Dates in words (geo/dates/wording.py): a day, a range, or "date unknown", in English or Arabic."""

from __future__ import annotations

import datetime as dt

from geo.dates.wording import date_range_text, day_text


def test_date_range_text() -> None:
    d = dt.date
    assert date_range_text(None, None) == "date unknown"
    assert date_range_text(d(2023, 9, 15), d(2023, 9, 15)) == "15 September 2023"
    assert date_range_text(d(2023, 9, 15), d(2023, 9, 17)) == "15–17 September 2023"
    assert date_range_text(d(2023, 9, 30), d(2023, 10, 2)) == "30 September – 2 October 2023"
    assert date_range_text(d(2023, 12, 30), d(2024, 1, 2)) == "30 December 2023 – 2 January 2024"


def test_day_text_in_arabic_and_without_month_or_year() -> None:
    d = dt.date(2023, 9, 15)
    assert day_text(d, lang="ar") == "15 سبتمبر 2023"
    assert day_text(d, year=False) == "15 September" and day_text(d, month=False, year=False) == "15"
    assert date_range_text(None, None, unknown="?") == "?"
