"""Proclitics and the trigger-noun lexicon."""

from __future__ import annotations

import pytest

from geo.places.lexicon import PROCLITICS, clitic_forms, load_lexicon
from geo.text.folding import name_key


@pytest.mark.parametrize(
    ("token", "form"),
    [
        ("وبغداد", "بغداد"),  # conjunction
        ("بدمشق", "دمشق"),  # preposition
        ("لطهران", "طهران"),
        ("كالرياض", "الرياض"),  # preposition + article, article kept
        ("والقاهره", "القاهره"),  # conjunction + article
        ("والقاهره", "قاهره"),  # ... and without it
        ("للقاهره", "القاهره"),  # lam + article: the alef is restored
        ("فبالموصل", "الموصل"),
        ("وبموسكو", "موسكو"),
    ],
)
def test_clitic_forms_include(token: str, form: str) -> None:
    assert form in [f for _, f in clitic_forms(token)]


@pytest.mark.parametrize("token", ["بر", "وفي", "ولم"])
def test_short_remainders_are_not_offered(token: str) -> None:
    assert not clitic_forms(token)


def test_clitic_forms_report_how_much_was_stripped() -> None:
    assert (3, "موصل") in clitic_forms("بالموصل")
    assert all(len(p) > 0 for p in PROCLITICS)
    assert list(PROCLITICS) == sorted(PROCLITICS, key=lambda p: (-len(p), p))


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("ميناء", "port"),
        ("بميناء", "port"),
        ("مطار", "airport"),
        ("مدينة", "city"),
        ("جزيرة", "island"),
        ("مقاطعة", "region"),
        ("aéroport", "airport"),
        ("Island", "island"),
        ("shipyard", "shipyard"),
    ],
)
def test_trigger_nouns(word: str, kind: str) -> None:
    assert load_lexicon().trigger(name_key(word)) == kind


def test_word_groups() -> None:
    lexicon = load_lexicon()
    assert name_key("في") in lexicon.prepositions
    assert name_key("الرئيس") in lexicon.titles
    assert name_key("وقال") in lexicon.speech
    assert lexicon.trigger(name_key("وقال")) is None
