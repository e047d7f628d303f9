"""What the date tests expect: a date from its ISO form, an expected expression, and the expressions found in a
text, checked for their offsets and order."""

from __future__ import annotations

import datetime as dt

from geo.dates.expressions import find_dates
from geo.model import Article, Span, WordFrequencies

__all__ = ["D", "E", "article", "found"]


def D(iso: str) -> dt.date:
    """A date from its ISO form."""
    return dt.date.fromisoformat(iso)


def E(text: str, first: str | None, last: str | None = None, kind: str = "absolute", certainty: str = "exact") -> tuple:
    """An expected expression: text, first, last (default first), kind, certainty."""
    start = D(first) if first else None
    end = D(last) if last else start
    return (text, start, end, kind, certainty)


def article(text: str, language: str = "ar", furniture: tuple[Span, ...] = ()) -> Article:
    return Article(name="t.txt", text=text, language=language, furniture=furniture)


def found(text: str, language: str, anchor: dt.date | None, frequencies: WordFrequencies) -> list[tuple]:
    exprs = find_dates(article(text, language), anchor=anchor, frequencies=frequencies)
    for expr in exprs:
        assert text[expr.start : expr.end] == expr.text
    assert [e.start for e in exprs] == sorted(e.start for e in exprs)
    return [(e.text, e.first, e.last, e.kind, e.certainty) for e in exprs]

