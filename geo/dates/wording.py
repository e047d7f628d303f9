"""Dates in words for readers: one day, a range, or "date unknown", in English or Arabic."""

from __future__ import annotations

import datetime as dt

__all__ = ["MONTHS", "day_text", "date_range_text"]

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "ar": (
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ),
}  # fmt: skip


def day_text(date: dt.date, *, lang: str = "en", month: bool = True, year: bool = True) -> str:
    """``15 September 2023`` (or ``15 سبتمبر 2023``); month and year can be left out."""
    text = str(date.day)
    if month:
        text += f" {MONTHS.get(lang, MONTHS['en'])[date.month - 1]}"
    if year:
        text += f" {date.year}"
    return text


def date_range_text(
    start: dt.date | None, end: dt.date | None, *, lang: str = "en", unknown: str = "date unknown"
) -> str:
    """A date or range in words: ``15 September 2023``, ``15–17 September 2023``, ``unknown`` when undated.

    Parameters
    ----------
    start, end:
        The inclusive range (``end`` may be ``None`` or equal to ``start``).
    lang:
        ``"en"`` or ``"ar"`` month names.
    unknown:
        The words for a missing date.
    """
    if start is None:
        return unknown
    if end is None or end == start:
        return day_text(start, lang=lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day_text(end, lang=lang)}"
    if start.year == end.year:
        return f"{day_text(start, lang=lang, year=False)} – {day_text(end, lang=lang)}"
    return f"{day_text(start, lang=lang)} – {day_text(end, lang=lang)}"
