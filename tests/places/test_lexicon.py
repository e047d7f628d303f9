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
    is_one_of,
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


def _words_to_ask() -> list[str]:
    """Every word of the lexicon behind each proclitic (and a future «س»), and common words of news."""
    from geo.places.word_table import frequent_words

    lexicon = load_lexicon()
    listed = set(lexicon.triggers).union(*(getattr(lexicon, name) for name in WORD_GROUPS))
    asked = {clitic + future + word for word in listed for clitic in ("", *PROCLITICS) for future in ("", "س")}
    asked |= {clitic + word[2:] for word in listed if word.startswith("ال") for clitic in PROCLITICS}
    return sorted(asked | set(frequent_words(5000)))


def test_a_words_endings_rule_out_only_words_no_form_of_which_is_listed() -> None:
    lexicon = load_lexicon()

    def forms(key: str, min_rest: int) -> list[str]:
        return [key, *(form for _, form in clitic_forms(key, min_rest=min_rest))]

    def trigger(key: str) -> object:
        return next((lexicon.triggers[f] for f in forms(key, 3) if f in lexicon.triggers), None)

    def cue(key: str) -> object:
        return next((f for f in forms(key, 2) if f in lexicon.prepositions), None)

    def movement(key: str) -> object:
        for form in forms(key, 2):
            future = form not in lexicon.movement and form.startswith("س") and form[1:] in lexicon.movement
            form = form[1:] if future else form
            if form in lexicon.movement:
                if form in lexicon.departure:
                    return Movement.DEPARTURE, future
                return (Movement.ARRIVAL if form in lexicon.arrival else Movement.MOVEMENT), future
        return None

    def marks(key: str) -> tuple[bool, bool, bool]:
        found = set(forms(key, 2))
        place = bool(found & lexicon.prepositions) or trigger(key) is not None or movement(key) is not None
        return bool(found & lexicon.titles), bool(found & lexicon.speech), place

    for key in _words_to_ask():
        assert lexicon.trigger(key) == trigger(key), key
        assert lexicon.cue(key) == cue(key), key
        assert lexicon.movement_kind(key) == movement(key), key
        assert lexicon.person_marks(key) == marks(key), key
        for group in (lexicon.near, lexicon.locative, lexicon.posts):
            assert is_one_of(key, group) == any(form in group for form in forms(key, 2)), key


@pytest.mark.parametrize(
    ("words", "key", "may"),
    [
        (["مدينة"], "بالمدينة", True),
        (["المدينة"], "ومدينة", True),  # the article's form: «و» + «مدينة»
        (["مدينة"], "قرية", False),
        (["في", "من"], "وفي", True),
        (["ال"], "قرية", True),  # the article alone: any word may
    ],
)
def test_a_word_may_end_as_a_listed_word(words: list[str], key: str, may: bool) -> None:
    from geo.places.lexicon import _endings, _may_end

    assert _may_end(name_key(key), _endings([name_key(w) for w in words])) is may


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


@pytest.mark.parametrize(("word", "dialect"), [("وين", True), ("فين", True), ("ليش", True), ("فيينا", False)])
def test_dialect_function_words(word: str, dialect: bool) -> None:
    assert (name_key(word) in load_lexicon().dialect) is dialect
