"""Folded text for the scanner and its clauses: strong punctuation and words that open a reported clause."""

from __future__ import annotations

import pytest

from geo.dates.clauses import scanned_text


@pytest.mark.parametrize(
    ("word", "clause"),
    [
        pytest.param("الخميس", "وقال المتحدث الخميس ", id="before-inna"),
        pytest.param("الهند", " الوزير سيزور الهند قريبا", id="after-inna"),
        pytest.param("غدا", " ويصل غدا", id="after-a-full-stop"),
    ],
)
def test_the_clause_around_a_span(word: str, clause: str) -> None:
    text = "وقال المتحدث الخميس إن الوزير سيزور الهند قريبا. ويصل غدا"
    scanned = scanned_text(text, "ar")
    start = text.index(word)
    assert scanned.clause_text(*scanned.folded_span(start, start + len(word))) == clause


def test_folded_spans_map_back_to_the_text_as_written() -> None:
    text = "وصل الوفد غداً إلى الرباط"
    scanned = scanned_text(text, "ar")
    start, end = scanned.folded_span(text.index("غداً"), text.index("غداً") + 2)
    assert scanned.folded.text[start:end] == "غد"
    assert scanned.char(start) == "غ"
