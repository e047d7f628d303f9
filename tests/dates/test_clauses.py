"""Folded text for the scanner and its clauses: strong punctuation and words that open a reported clause."""

from __future__ import annotations

import pytest

from geo.dates.clauses import clause_bounds, scanned_text


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


@pytest.mark.parametrize(
    ("text", "word", "language", "clause"),
    [
        pytest.param("وصل الرئيس إلى حلب، حيث سيلتقي المحافظ غدا.", "غدا", "ar", " سيلتقي المحافظ غدا", id="ar-haythu"),
        pytest.param("He landed in Geneva ahead of the talks.", "Geneva", "en", "He landed in Geneva ", id="en-eve"),
        pytest.param("Il a dit que le ministre viendra lundi.", "lundi", "fr", " le ministre viendra lundi", id="fr"),
    ],
)
def test_clause_bounds_are_offsets_of_the_text_as_written(text: str, word: str, language: str, clause: str) -> None:
    start = text.index(word)
    clause_start, clause_end = clause_bounds(text, start=start, end=start + len(word), language=language)
    assert text[clause_start:clause_end] == clause
