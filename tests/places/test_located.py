"""Places the text locates itself: an unknown facility placed by the place named right after it, or by its
own name as a town of its country; a town a departure verb governs, kept just under the threshold."""

from __future__ import annotations

import pytest

from geo.model import Article, PlaceType, Resolution, Span
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.places.lexicon import PROCLITICS, load_lexicon
from geo.places.located import _trigger, _Words, country_radius_km
from geo.settings import LocatedSettings, Settings
from geo.text.folding import fold_text, name_key, tokens
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def pipeline(gazetteer: Gazetteer) -> Pipeline:
    return Pipeline(gazetteer)


def _placed(pipeline: Pipeline, text: str, language: str) -> list[Resolution]:
    article = Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), language=language)
    return list(pipeline.process(article).resolutions)


#: text, language, the facility as written, the place that locates it, the smallest uncertainty (km)
LOCATED = [
    ("وصلت الطائرة إلى مطار زمزوم بالبحرين مساء الأحد.", "ar", "مطار زمزوم", "Bahrain", 10.0),  # a small country
    ("هبطت الطائرة في قاعدة زمزوم الجوية قرب مدينة حلب.", "ar", "قاعدة زمزوم", "Aleppo", 10.0),  # past an adjective
    ("L'avion a atterri à l'aéroport de Vlqzmarsk, près de Lyon.", "fr", "aéroport de Vlqzmarsk", "Lyon", 10.0),
    ("The ship docked at the port of Vlqzmarsk near Benghazi on Sunday.", "en", "port of Vlqzmarsk", "Benghazi", 10.0),
]


@pytest.mark.parametrize(("text", "language", "facility", "anchor", "km"), LOCATED)
def test_a_facility_stands_where_the_text_locates_it(pipeline, text, language, facility, anchor, km):
    placed = {r.mention.text: r for r in _placed(pipeline, text, language)}
    assert facility in placed, placed
    found = placed[facility]
    assert found.place.place_type == PlaceType.FACILITY
    assert anchor in found.place.name and anchor in found.reason
    assert found.uncertainty_km >= km
    assert text[found.mention.start : found.mention.end] == facility


#: text, language, the facility as written, the town it is named after
TOWNS = [
    ("حطت طائرة الرئيس في مطار خاربين الدولي في الصين.", "ar", "مطار خاربين", "Harbin"),  # «خ» for a Chinese "h"
]


@pytest.mark.parametrize(("text", "language", "facility", "town"), TOWNS)
def test_a_facility_in_a_large_country_is_its_town(pipeline, text, language, facility, town):
    placed = {r.mention.text: r for r in _placed(pipeline, text, language)}
    assert placed[facility].place.name == town
    assert placed[facility].place.place_type == PlaceType.CITY


#: text, language: no facility placed
NOT_LOCATED = [
    ("وصلت الطائرة إلى مطار زمزوم في فرنسا.", "ar"),  # a large country, and no town of that name
    ("وصلت الطائرة إلى مطار زمزوم. وفي باريس التقى الوزير نظيره.", "ar"),  # the next place is in another sentence
    ("The plane landed at the airport of Vlqzmarsk. In Lyon, the minister met students.", "en"),
    ("L'avion a atterri à l'aéroport de Vlqzmarsk en France.", "fr"),
]


@pytest.mark.parametrize(("text", "language"), NOT_LOCATED)
def test_no_facility_without_a_place_locating_it(pipeline, text, language):
    assert all(r.place.place_type != PlaceType.FACILITY for r in _placed(pipeline, text, language))


def test_a_verb_governs_a_town_just_under_the_threshold(gazetteer):
    text = "غادرت الطائرة الرئاسية حيفا متجهة إلى القاهرة."
    kept = _placed(Pipeline(gazetteer), text, "ar")
    assert any(r.place.name == "Haifa" and "verb" in r.reason for r in kept)
    strict = Settings(located=LocatedSettings(moved_margin=0.0))
    assert all(r.place.name != "Haifa" for r in _placed(Pipeline(gazetteer, settings=strict), text, "ar"))


#: text, language: a name no verb governs
UNGOVERNED = [
    ("قال المتحدث إن حيفا تستعد للمهرجان.", "ar"),  # a subject, no movement
    ("وصلت الطائرة الرئاسية إلى حيفا.", "ar"),  # an arrival: its preposition is the resolver's cue
    ("The president met Raoul Castro and attended the Summit.", "en"),  # one meets persons, attends summits
    ("Le président a rencontré Raoul Castro avant le sommet.", "fr"),
]


@pytest.mark.parametrize(("text", "language"), UNGOVERNED)
def test_no_town_without_a_governing_verb(pipeline, text, language):
    assert all("verb" not in r.reason for r in _placed(pipeline, text, language))


@pytest.mark.parametrize(("code", "low", "high"), [("BH", 10, 20), ("DE", 300, 380), ("ZZ", None, None)])
def test_country_radius_from_its_area(code, low, high):
    radius = country_radius_km(code)
    assert radius is None if low is None else low <= radius <= high


#: text, the town a name after «مدينة» is spelt like (``None``: none, or not one alone)
TOWNS_OF_THE_ARTICLE = [
    ("وصل الوزير الياباني إلى طوكيو ثم توجه إلى مدينة ناغاهاما.", "Nagahama"),  # Japan is the article's
    ("توجه الوزير إلى مدينة ناغاهاما.", None),  # no country named: no town to choose from
]


@pytest.mark.parametrize(("text", "town"), TOWNS_OF_THE_ARTICLE)
def test_a_name_after_a_town_noun_is_a_town_of_the_article(pipeline, text, town):
    found = [r for r in _placed(pipeline, text, "ar") if "transliterates" in r.reason]
    assert [r.place.name for r in found] == ([town] if town else [])


#: Arabic spelling, Latin name, whether its long vowels fit
VOWELS = [
    ("ناغاهاما", "Nagahama", True),
    ("ناغاهاما", "Nagahime", False),  # «ا» writes an "a"
    ("خاربين", "Harbin", True),
    ("كيوتو", "Kyoto", True),
]


@pytest.mark.parametrize(("arabic", "latin", "fits"), VOWELS)
def test_long_vowels_tell_names_of_one_key_apart(arabic, latin, fits):
    from geo.places.located import _vowels_fit

    assert _vowels_fit(arabic, latin) is fits


#: text, the town its adjective after a stage noun names (``None``: none)
STAGE_ADJECTIVES = [
    ("Après l'étape lyonnaise, le ministre a rejoint Paris.", "Lyon"),  # a doubled consonant: lyonn-aise
    ("Son escale genevoise a duré deux heures.", "Geneva"),  # genev-oise + e: Genève
    ("La visite algérienne du ministre est reportée.", None),  # a country's adjective: Algeria, not Algiers
    ("Une étape historique pour le ministre.", None),  # not a town's adjective
    ("La cuisine lyonnaise plaît au ministre.", None),  # no stage noun before it
]


@pytest.mark.parametrize(("text", "town"), STAGE_ADJECTIVES)
def test_a_town_adjective_after_a_stage_noun_is_the_town(pipeline, text, town):
    found = [r.place.name for r in _placed(pipeline, text, "fr") if "a stage of the journey" in r.reason]
    assert found == ([town] if town else [])


def test_a_two_consonant_spelling_names_no_town_of_a_large_country(pipeline):
    """«الصخير» read without its «خ» is "SR", the key of many towns: a facility is not put at the largest."""
    text = "وصلت الطائرة إلى مطار الصخير الدولي في إيطاليا."
    assert all(r.place.place_type != PlaceType.CITY for r in _placed(pipeline, text, "ar"))


def _bundled_words() -> set[str]:
    words: set[str] = set()
    for path in sorted((ROOT / "data" / "articles").iterdir()):
        words |= {w.text for w in tokens(fold_text(path.read_text(encoding="utf-8")))}
    return words


def test_a_word_is_the_trigger_noun_the_lexicon_says() -> None:
    """Every word of the bundled articles, every trigger noun behind every proclitic: the lexicon's answer."""
    lexicon = load_lexicon()
    nouns = [name_key(w) for w in ("مطار", "القاعده", "ميناء", "airport", "base", "port")]
    glued = {p + n for p in PROCLITICS for n in (*nouns, *(n.removeprefix("ال") for n in nouns))}
    words = _bundled_words() | glued | {"الرئيس", "zzz", "ومطارات"}
    assert {w: _trigger(lexicon, w) for w in words} == {w: lexicon.trigger(w) for w in words}
    assert any(_trigger(lexicon, w) for w in glued)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("وصلت الطائرة إلى مطار زمزوم بالبحرين مساء الأحد.", True),  # a rare word right after a facility noun
        ('زار الوزير مطار "زمزوم" صباح الأحد.', False),  # a quotation mark between: no name of the airport
        ("زار الوزير المطار، وزمزوم مدينة صغيرة.", False),  # a comma between
        ("زار الوزير مدينة الرياض يوم الأحد.", False),  # the word after the noun is placed already
        ("زار الوزير مصنع الطائرات الحربية زمزوم أمس.", False),  # an Arabic name's second word is common: it ends
        ("زار الوزير مصنع الطائرات زمزوم أمس.", True),  # a rare second word: «الطائرات زمزوم» may be a name
    ],
)
def test_unplaced_names_are_looked_for_only_after_a_free_noun(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, text: str, asked: bool
) -> None:
    import geo.places.located as located

    calls: list[str] = []
    find = located.find_unplaced
    monkeypatch.setattr(located, "find_unplaced", lambda a, **kw: calls.append(a.name) or find(a, **kw))
    _placed(pipeline, text, "ar")
    assert bool(calls) == asked


def test_the_words_of_a_list_are_found_where_they_stand() -> None:
    text = "Le port et la base: le port, encore le port."
    words = _Words(Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), language="fr"))
    found = words.where(frozenset({"port", "base", "quai"}))
    assert [words.texts[k] for k in found] == ["port", "base", "port", "port"]
    assert words.where(frozenset({"quai"})) == []
    assert [text[words.start(k) : words.end(k)] for k in words.where(frozenset({"base"}))] == ["base"]
    assert words.before(text.index("base")) == 3 and words.count(0, text.index(":")) == 5
    assert words.count(text.index("base"), len(text)) == 6 and words.before(0) == -1


@pytest.mark.parametrize("text", ["Le port_de l'Est, 2024 : «ميناءُ الإسكندرية»… و-بالقاهرة!", "", "___ 12ab Ü"])
def test_the_words_are_split_as_the_folded_text_is(text: str) -> None:
    words = _Words(Article(name="t.txt", text=text, sentences=(Span(0, len(text)),)))
    assert words.texts == [w.text for w in words.words]


@pytest.mark.parametrize(
    ("arabic", "countries", "least"),
    [
        ("كراسنويارسك", {"RU"}, 20_000),
        ("سبرينغفيلد", {"US"}, 20_000),
        ("بونا", {"IN", "US"}, 20_000),
        ("الكرك", {"JO", "SA"}, 100_000),
        ("كانبور", {"IN"}, 100_000),
    ],
)
def test_towns_spelt_like_a_name_are_those_whose_names_are(gazetteer, arabic, countries, least) -> None:
    from geo.places.located import _INITIALS, _spelt_like, _towns, _vowels_fit
    from geo.places.phonetic import latin_key, syllable_keys

    found = _spelt_like(name_key(arabic), frozenset(countries), gazetteer, least)
    spelling = name_key(arabic).removeprefix("ال") if len(name_key(arabic)) > 4 else name_key(arabic)
    keys, initials = set(syllable_keys(spelling)), _INITIALS.get(spelling[:1], ("",))
    every = [
        place
        for country in sorted(countries)
        for place in map(gazetteer.place, _towns(gazetteer, least).get(country, ()))
        if place.name.lower().startswith(initials) and latin_key(place.name) in keys
    ]
    assert found == [place for place in every if _vowels_fit(spelling, place.name)]
