"""Which words may belong to one name: joining gaps, names inside longer hashtags, the words before a word."""

from __future__ import annotations

import pytest

from geo.places.word_joins import Joins, WordsBefore, inside_longer_hashtag, joins
from geo.text.folding import tokens


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("Saint-Denis", True),  # a hyphen
        ("Sharm el'Sheikh", True),  # a space (the first pair)
        ("#رأس_الخيمة", True),  # a hashtag's underscore
        ("U.S", True),  # the dot between initials
        ("Paris, Lyon", False),  # a comma
        ("Paris      Lyon", False),  # a gap longer than max_chars
        ("Paris. Lyon", False),  # a dot between words that are no initials
    ],
)
def test_the_gaps_that_join_two_words(text: str, joined: bool) -> None:
    words = tokens(text)
    assert joins(words[0], words[1], text, max_chars=3) == joined
    assert Joins(words, text, max_chars=3)[0] == joined


def test_the_last_word_joins_nothing() -> None:
    assert Joins(tokens("Paris"), "Paris", max_chars=3)[0] is False


@pytest.mark.parametrize(
    ("text", "first", "last", "inside"),
    [
        ("#سيول_تونس اليوم", 1, 1, True),  # a place at the end of a longer tag
        ("#سيول_تونس اليوم", 0, 0, True),  # the start of it
        ("#رأس_الخيمة", 0, 1, False),  # the whole tag is the name
        ("زار الأردن", 1, 1, False),  # no tag
        ("#ParisAttacks now", 0, 0, False),  # one word: the tokens split no camel case
    ],
)
def test_a_name_inside_a_longer_hashtag(text: str, first: int, last: int, inside: bool) -> None:
    assert inside_longer_hashtag(text, tokens(text), first, last) == inside


@pytest.mark.parametrize(
    ("text", "word", "before", "elsewhere"),
    [
        ("Ali Hassan met Hassan", "hassan", "ali", True),  # also after "met"
        ("Ali Hassan and Ali Hassan", "hassan", "ali", False),  # always after "Ali"
        ("Ali Hassan", "omar", "ali", False),  # not written at all
    ],
)
def test_the_words_written_before_a_word(text: str, word: str, before: str, elsewhere: bool) -> None:
    assert WordsBefore(tokens(text.lower())).elsewhere(word, before) == elsewhere
