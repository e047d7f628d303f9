"""Counting the names the traveller's reading finds: weights, written forms, the other script."""

from __future__ import annotations

from collections import Counter

import pytest

from geo.settings import TravellerSettings
from geo.story.name_tally import Found, NameTally, other_script


def _tally(found: Found, words: list[str]) -> NameTally:
    tally = NameTally()
    tally.add(found)
    tally.counts.update(words)
    return tally


# (case, what one article found, its words, a word, its score)
SCORES = [
    (
        "a mover named twice outweighs a title",
        Found(movers=[("Kofi Mensah", ("kofi", "mensah"))]),
        ["kofi", "mensah", "mensah"],
        "mensah",
        (True, 3.0 * 1 + 0 + 2, 6),
    ),
    (
        "a mover named once and never introduced does not move",
        Found(movers=[("Kofi", ("kofi",))]),
        ["kofi"],
        "kofi",
        (False, 1.0, 4),
    ),
    (
        "a titled name counts its introductions and its words",
        Found(titled=[("Ama Boateng", ("ama", "boateng"))]),
        ["ama", "boateng"],
        "boateng",
        (False, 2.0, 7),
    ),
]


@pytest.mark.parametrize(("case", "found", "words", "word", "score"), SCORES, ids=[s[0] for s in SCORES])
def test_scores(case: str, found: Found, words: list[str], word: str, score: tuple[bool, float, int]) -> None:
    assert _tally(found, words).score(word, TravellerSettings()) == score, case


def test_hosts_are_counted_apart() -> None:
    tally = _tally(Found(hosts=[("Ama Boateng", ("ama", "boateng"))]), ["ama", "boateng"])
    assert tally.hosts == Counter({"ama": 1, "boateng": 1})
    assert not tally.spellings  # a host's name is no candidate of its own


# (case, names found titled, the word, its written form)
FORMS = [
    ("the fullest form introduced", [("Kofi Mensah", ("kofi", "mensah")), ("Mensah", ("mensah",))], "mensah",
     "Kofi Mensah"),
    ("the form written most", [("Mensah", ("mensah",)), ("Mensah", ("mensah",)), ("Kofi Mensah", ("kofi", "mensah"))],
     "mensah", "Mensah"),
    ("a word never found is its own form", [], "ama", "ama"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "titled", "word", "form"), FORMS, ids=[f[0] for f in FORMS])
def test_forms(case: str, titled: list[tuple[str, tuple[str, ...]]], word: str, form: str) -> None:
    tally = _tally(Found(titled=titled), ["kofi", "mensah", "mensah"])
    assert tally.form(word) == form, case


# (the word, the words found in both scripts, its pair in the other script)
SCRIPTS = [
    ("mensah", [("Mensah", ("mensah",)), ("منساه", ("منساه",))], "منساه"),
    ("mensah", [("Mensah", ("mensah",)), ("بواكي", ("بواكي",))], None),
]


@pytest.mark.parametrize(("word", "titled", "other"), SCRIPTS)
def test_other_script(word: str, titled: list[tuple[str, tuple[str, ...]]], other: str | None) -> None:
    tally = _tally(Found(titled=titled), [w for _, parts in titled for w in parts])
    assert other_script(tally, word, TravellerSettings()) == other
