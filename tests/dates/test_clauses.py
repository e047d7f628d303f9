"""Folded text for the scanner and its clauses: strong punctuation and words that open a reported clause."""

from __future__ import annotations

import pytest

from geo.dates.clauses import clause_bounds, last_word, relative_clause_after, scanned_text


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
        pytest.param("Il est à Oran, où il verra le wali lundi.", "lundi", "fr", " il verra le wali lundi", id="fr-ou"),
        pytest.param("Il ira à Oran ou à Blida lundi.", "lundi", "fr", "Il ira à Oran ou à Blida lundi", id="fr-or"),
    ],
)
def test_clause_bounds_are_offsets_of_the_text_as_written(text: str, word: str, language: str, clause: str) -> None:
    start = text.index(word)
    clause_start, clause_end = clause_bounds(text, start=start, end=start + len(word), language=language)
    assert text[clause_start:clause_end] == clause


@pytest.mark.parametrize(
    ("text", "place", "language", "clause"),
    [
        pytest.param("Il part pour Paris, qu'il doit rallier lundi.", "Paris", "fr", "il doit rallier lundi", id="fr"),
        pytest.param("He left for Paris, that he reaches on Monday.", "Paris", "en", " he reaches on Monday", id="en"),
        pytest.param("Il est à Paris, où il verra le maire lundi.", "Paris", "fr", None, id="fr-ou-is-not-on-it"),
        pytest.param("Il a dit à Paris que le maire viendra.", "Paris", "fr", None, id="fr-a-reported-clause"),
    ],
)
def test_a_relative_clause_right_after_a_place(text: str, place: str, language: str, clause: str | None) -> None:
    found = relative_clause_after(text, end=text.index(place) + len(place), language=language)
    assert (text[found[0] : found[1]] if found else None) == clause


@pytest.mark.parametrize(
    ("text", "word", "language", "opening"),
    [
        ("وصل الرئيس إلى دمشق بعد أن زار حلب أمس", "أمس", "ar", "بعد"),
        ("The minister reached Kazan after she toured Samara yesterday", "yesterday", "en", "after"),
        ("Le ministre est arrivé à Oran après qu'il a visité Tlemcen hier", "hier", "fr", "apres"),
        ("Le ministre est arrivé hier à Oran", "hier", "fr", None),
    ],
)
def test_the_words_that_open_a_clause(text: str, word: str, language: str, opening: str | None) -> None:
    start = text.index(word)
    words = scanned_text(text, language).opening_words(start, start + len(word))
    assert (opening in words) if opening else words == []


@pytest.mark.parametrize(
    ("text", "end"),
    [("after visiting the port", 23), ("after visiting  ", 16), ("   ", 3), ("", 0), ("one two", 5),
     ("بعد أن زار", 10)],
)
def test_last_word_is_the_last_word_of_the_prefix(text: str, end: int) -> None:
    assert last_word(text, end) == text[:end].split()[-1:]


def test_a_line_scanned_apart_is_not_kept_and_finds_the_same_breaks() -> None:
    from geo.dates.clauses import _ARTICLES, scan_text

    text = "Il a dit que le ministre partira lundi; puis il rentrera."
    before = list(_ARTICLES)
    apart = scan_text(text, "fr")
    assert list(_ARTICLES) == before
    kept = scanned_text(text, "fr")
    assert (apart.break_starts, apart.break_ends) == (kept.break_starts, kept.break_ends)
    assert apart.break_starts  # "que", ";" and "puis" break it


def test_pieces_asked_for_their_tense_keep_the_articles_scans() -> None:
    from geo.dates.clauses import scanned_clause_text
    from geo.dates.tense import clause_is_future

    article = "Le ministre arrivera lundi à Rabat. Il a rencontré mardi son homologue."
    kept = scanned_text(article, "fr")
    for end in range(40, len(article), 3):  # many pieces of the article, as the roles ask about them
        clause_is_future(article[:end], start=0, end=2, language="fr", frequencies=None)
    assert scanned_text(article, "fr") is kept
    assert scanned_clause_text.cache_info().currsize > 0
