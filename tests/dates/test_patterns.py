"""The scanner's regular expressions (they run on folded text): alternations of words, numeric dates, cues."""

from __future__ import annotations

import re

import pytest

from geo.dates.patterns import alternation, date_patterns


def test_an_alternation_tries_the_longest_word_first() -> None:
    assert re.match(alternation(["امس", "اول امس"]), "اول امس").group() == "اول امس"


def test_a_bounded_alternation_matches_whole_words_only() -> None:
    pattern = re.compile(alternation(["will", "'ll"], bounded=True))
    assert pattern.search("willing") is None
    assert pattern.search("they'll come").group() == "'ll"


def test_an_empty_alternation_never_matches() -> None:
    assert re.search(alternation([]), "anything") is None


@pytest.mark.parametrize(
    ("name", "text", "groups"),
    [
        pytest.param("ymd", "2023-09-13", {"y": "2023", "m": "09", "d": "13"}, id="iso"),
        pytest.param("dmy", "24 . 04 . 2019", {"d": "24", "m": "04", "y": "2019"}, id="dotted-day-first"),
        pytest.param("mdy", "september 13, 2023", {"mn": "september", "d": "13", "y": "2023"}, id="month-first"),
        pytest.param("year", "منذ عام 2014", {"cue": "منذ", "noun": "عام", "y": "2014"}, id="year-with-cue"),
    ],
)
def test_patterns_capture_the_fields_of_a_date(name: str, text: str, groups: dict[str, str]) -> None:
    match = getattr(date_patterns(), name).search(text)
    assert match is not None and {key: match[key] for key in groups} == groups


def test_a_mixed_separator_is_not_a_numeric_date() -> None:
    assert date_patterns().dmy.search("13-09/2023") is None
