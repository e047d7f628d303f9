"""Proclitics and the trigger-noun lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from geo.errors import IndexBuildError
from geo.model import Trigger
from geo.places.lexicon import (
    EVENTS_FILE,
    LEXICON_FILE,
    PROCLITICS,
    WORD_GROUPS,
    Movement,
    clitic_forms,
    load_lexicon,
)
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
        ("ميناء", Trigger.PORT),
        ("بميناء", Trigger.PORT),
        ("مطار", Trigger.AIRPORT),
        ("مدينة", Trigger.CITY),
        ("جزيرة", Trigger.ISLAND),
        ("مقاطعة", Trigger.REGION),
        ("aéroport", Trigger.AIRPORT),
        ("Island", Trigger.ISLAND),
        ("shipyard", Trigger.SHIPYARD),
    ],
)
def test_trigger_nouns(word: str, kind: Trigger) -> None:
    hint = load_lexicon().trigger(name_key(word))
    assert hint is kind


def test_every_trigger_hint_has_words() -> None:
    """The keys of triggers.yaml that are not word groups are exactly the Trigger hints."""
    raw = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    groups = set(WORD_GROUPS)
    assert {Trigger(k) for k in raw if k not in groups} == set(Trigger)
    assert set(load_lexicon().triggers.values()) == set(Trigger)


@pytest.mark.parametrize(
    ("file", "text"),
    [
        ("triggers.yaml", "harbour:\n  en: [harbour]\n"),
        ("triggers.yaml", "Port:\n  en: [port]\n"),  # hints are lower case
        ("events.yaml", "movement:\n  en: [arrived]\nleaving:\n  en: [left]\n"),
    ],
)
def test_an_unknown_trigger_hint_is_refused_in_one_line(tmp_path: Path, file: str, text: str) -> None:
    paths = {"triggers.yaml": tmp_path / "triggers.yaml", "events.yaml": tmp_path / "events.yaml"}
    paths["triggers.yaml"].write_text("city:\n  en: [town]\n", encoding="utf-8")
    paths["events.yaml"].write_text("movement:\n  en: [arrived]\n", encoding="utf-8")
    paths[file].write_text(text, encoding="utf-8")
    with pytest.raises(IndexBuildError) as info:
        load_lexicon(paths["triggers.yaml"], events_path=paths["events.yaml"])
    message = str(info.value)
    assert str(paths[file]) in message and "trigger hint" in message and "\n" not in message


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وصل", (Movement.ARRIVAL, False)),
        ("arrived", (Movement.ARRIVAL, False)),
        ("زار", (Movement.MOVEMENT, False)),
        ("سيزور", (Movement.MOVEMENT, True)),  # the future prefix: a plan
        ("غادر", (Movement.DEPARTURE, False)),
        ("وغادر", (Movement.DEPARTURE, False)),  # a conjunction stripped
        ("left", (Movement.DEPARTURE, False)),
        ("ميناء", None),
    ],
)
def test_movement_kind(word: str, expected: tuple[Movement, bool] | None) -> None:
    found = load_lexicon().movement_kind(name_key(word))
    assert found == expected
    assert found is None or isinstance(found[0], Movement)


def test_movement_words_are_the_events_groups() -> None:
    """events.yaml: the movement words, among them departures and arrivals (a :class:`Movement`), and onward words."""
    raw = yaml.safe_load(EVENTS_FILE.read_text(encoding="utf-8"))
    assert {Movement(k) for k in raw if k != "onward"} == set(Movement)
    assert raw["onward"]


def test_word_groups() -> None:
    lexicon = load_lexicon()
    assert name_key("في") in lexicon.prepositions
    assert name_key("الرئيس") in lexicon.titles
    assert name_key("وقال") in lexicon.speech
    assert lexicon.trigger(name_key("وقال")) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("قادما", (Movement.ARRIVAL, False)),  # coming from somewhere: an arrival
        ("هبطت", (Movement.ARRIVAL, False)),
        ("atterri", (Movement.ARRIVAL, False)),
        ("landed", (Movement.ARRIVAL, False)),
        ("انطلقت", (Movement.DEPARTURE, False)),
        ("quittant", (Movement.DEPARTURE, False)),
        ("leaving", (Movement.DEPARTURE, False)),
        ("signed", (Movement.MOVEMENT, False)),  # presence: signing, praying, speaking at a place
        ("prié", (Movement.MOVEMENT, False)),
        ("يصلي", (Movement.MOVEMENT, False)),
        ("way", None),  # an onward word is not a movement of its own
    ],
)
def test_arrivals_departures_and_presence_words(word: str, expected: tuple[Movement, bool] | None) -> None:
    assert load_lexicon().movement_kind(name_key(word)) == expected


@pytest.mark.parametrize(
    ("group", "words"),
    [
        ("onward", ["متوجها", "متجهاً", "العائدة", "direction", "route", "heading", "bound"]),
        ("origin", ["من", "depuis", "from"]),
        ("origin_or_of", ["de", "d"]),
        ("destination", ["إلى", "باتجاه", "vers", "pour", "to", "for"]),
        ("near", ["قرب", "بالقرب", "près", "near"]),
        ("timezone", ["بتوقيت", "heure", "time"]),
        ("earlier", ["بعد", "عقب", "après", "after"]),
        ("later", ["قبل", "عشية", "avant", "veille", "before"]),
        ("locative", ["في", "à", "dans", "in", "at"]),
        ("offices", ["maire", "gouverneur", "mayor", "ruler"]),
        ("posts", ["السفير", "مراسل", "ambassadeur", "correspondant", "ambassador"]),
        ("distance", ["كيلومترا", "كلم", "km", "kilomètres", "miles"]),
        ("where", ["حيث", "où", "where"]),
        ("since", ["منذ", "depuis", "since"]),
        ("vehicles", ["الطائرة", "مروحية", "avion", "plane", "helicopter"]),
    ],
)
def test_words_that_tell_the_travellers_relation_to_a_place(group: str, words: list[str]) -> None:
    lexicon = load_lexicon()
    assert all(lexicon.is_one_of(name_key(w), getattr(lexicon, group)) for w in words)


def test_proclitics_are_stripped_when_reading_a_group() -> None:
    lexicon = load_lexicon()
    assert lexicon.is_one_of(name_key("ومتوجها"), lexicon.onward)
    assert lexicon.is_one_of(name_key("وبتوقيت"), lexicon.timezone)
    assert not lexicon.is_one_of(name_key("مدينة"), lexicon.onward)


@pytest.mark.parametrize(
    ("word", "cue", "marks"),
    [
        ("في", "في", (False, False, True)),  # a preposition of place
        ("وفي", "في", (False, False, True)),  # …behind a conjunction
        ("والرئيس", None, (True, False, False)),  # a title
        ("وقال", None, (False, True, False)),  # a verb of speech
        ("مطار", None, (False, False, True)),  # a trigger noun
        ("غادر", None, (False, False, True)),  # a verb of movement
        ("السيارة", None, (False, False, False)),  # none of these
        ("President", None, (True, False, False)),
    ],
)
def test_what_a_word_before_a_name_says(word: str, cue: str | None, marks: tuple[bool, bool, bool]) -> None:
    lexicon = load_lexicon()
    key = name_key(word)
    for _ in range(2):  # worked out, then remembered
        assert lexicon.cue(key) == (name_key(cue) if cue else None)
        assert lexicon.person_marks(key) == marks


def test_the_shipped_lists_are_folded_once_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.places import lexicon

    worked_out = lexicon.load_lexicon.__wrapped__()
    monkeypatch.setenv("GEOSTORY_CACHE_DIR", str(tmp_path))
    assert lexicon.load_lexicon.__wrapped__() == worked_out  # no copy yet: folded, kept
    assert {copy.name.split(".")[0] for copy in tmp_path.iterdir()} >= {"lexicon-triggers-events"}
    monkeypatch.setattr(lexicon, "_folded", lambda files: pytest.fail("folded again"))
    kept = lexicon.load_lexicon.__wrapped__()
    assert kept == worked_out and {type(hint) for hint in kept.triggers.values()} == {Trigger}
    assert list(kept.triggers) == list(worked_out.triggers)
