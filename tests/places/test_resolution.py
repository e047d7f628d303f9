"""Resolution: which mentions are places, and which place each names."""

from __future__ import annotations

import pytest

from geo.model import Article, MatchKind, Mention, Place, PlaceType, Trigger
from geo.pipeline import Pipeline
from geo.places.distances import haversine_km
from geo.places.gazetteer import Gazetteer
from geo.places.lexicon import FACILITY_FEATURES, RELATIVE_HEADS, load_lexicon
from geo.places.relative import _NOT_HEADS
from geo.places.resolution import Resolver
from geo.settings import ResolutionSettings, Settings
from geo.text.folding import name_key
from geo.text.sentences import split_sentences


def _resolve(gazetteer: Gazetteer, text: str) -> dict[str, tuple[str, str | None, float, float]]:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    result = Pipeline(gazetteer).process(article)
    return {r.mention.text: (r.place.name, r.place.country, r.place.lat, r.place.lon) for r in result.resolutions}


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("وصل الرئيس المصري إلى القاهرة قادما من الرياض.", "القاهرة", "EG"),
        ("وصل الرئيس المصري إلى القاهرة قادما من الرياض.", "الرياض", "SA"),
        ("زار وزير الخارجية الأردني عمان ثم دمشق.", "عمان", "JO"),  # the capital, not the country Oman
        ("وصل الوفد الروسي إلى موسكو.", "موسكو", "RU"),  # not Moscow, Idaho
        ("The delegation travelled from Paris to Dakar.", "Dakar", "SN"),
        ("Le président est arrivé à Alger puis à Oran.", "Oran", "DZ"),
        ("The talks were held in Alexandria, Egypt.", "Alexandria", "EG"),
        ("Selon l'Élysée, M. Macron regagnera Paris samedi soir.", "Paris", "FR"),
        ("وكان الرئيس قد وصل إلى برزيميشل البولندية بالقطار", "برزيميشل", "PL"),
    ],
)
def test_picks_the_prominent_and_contextual_place(gazetteer: Gazetteer, text: str, surface: str, country: str) -> None:
    found = _resolve(gazetteer, text)
    assert found[surface][1] == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("وصل الملك إلى عمّان أمس قادما من الرياض.", "JO"),  # a shadda: Amman («عمّان»), not Oman («عُمان»)
        ("وصل الملك إلى عَمّان أمس قادما من الرياض.", "JO"),
        ("وصل الملك إلى عُمان أمس قادما من الرياض.", "OM"),  # harakat, no shadda: Oman
        ("وصل الملك إلى عمان أمس قادما من الرياض.", "OM"),  # bare: the scores decide, as before
        # GeoNames writes Kuwait's Ar Riqqah «اَلرِّقَّة» and Syria's Raqqa only bare: bare names tell nothing
        ("وصل الوفد إلى الرِّقَّة أمس.", "SY"),
    ],
)
def test_a_written_shadda_tells_the_place(gazetteer: Gazetteer, text: str, country: str) -> None:
    found = _resolve(gazetteer, text)
    assert [place[1] for surface, place in found.items() if name_key(surface) in ("عمان", "الرقه")] == [country]


@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        ("قال المتحدث إن الجديد في الأمر هو المدينة نفسها.", {"الجديد", "المدينة", "إن"}),
        ("وقال جوزيف إن الزيارة كانت ناجحة بين البلدين.", {"جوزيف", "الزيارة", "بين"}),
        ("والتقى الرئيس فلاديمير بوتين بالصحفيين يوم الأحد.", {"فلاديمير", "الأحد"}),
        ("Il a dit que la visite était un succès.", {"Il a", "Il"}),
    ],
)
def test_common_words_and_names_of_people_are_not_places(gazetteer: Gazetteer, text: str, not_places: set[str]) -> None:
    assert not (set(_resolve(gazetteer, text)) & not_places)


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("وصل بايدن إلى جدة قادما من تل أبيب.", "تل أبيب", "IL"),  # «تل» (a hill) is a word of the name
        ("وصل الرئيس إلى تل أبيب يوم الجمعة.", "تل أبيب", "IL"),
        ("The president flew from El Paso to Washington.", "El Paso", "US"),
    ],
)
def test_a_rare_short_word_at_a_names_edge_is_part_of_it(
    gazetteer: Gazetteer, text: str, surface: str, country: str
) -> None:
    assert _resolve(gazetteer, text)[surface][1] == country


def test_country_context_breaks_ties(gazetteer: Gazetteer) -> None:
    """Two towns share a name; the country written next to it decides."""
    assert _resolve(gazetteer, "The minister visited Alexandria last week.")["Alexandria"][1] == "EG"
    assert _resolve(gazetteer, "The minister visited Alexandria, Romania, last week.")["Alexandria"][1] == "RO"


def test_relative_location_is_offset_from_its_anchor(gazetteer: Gazetteer) -> None:
    text = "أظهرت صور ميناء على بعد 50 كيلومترا شمال غرب بيروت."
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    result = Pipeline(gazetteer).process(article)
    relative = [r for r in result.resolutions if r.place.place_type == "relative"]
    assert len(relative) == 1
    rel = relative[0]
    assert rel.anchor is not None and rel.anchor.name == "Beirut"
    assert haversine_km(rel.anchor.lat, rel.anchor.lon, rel.place.lat, rel.place.lon) == pytest.approx(50, rel=0.01)
    assert rel.place.lat > rel.anchor.lat and rel.place.lon < rel.anchor.lon
    assert rel.uncertainty_km >= 7.5
    assert rel.place.name.startswith("Port 50 km north-west of Beirut")


def test_confidence_rises_with_the_score(gazetteer: Gazetteer) -> None:
    article = Article(name="t.txt", text="وصل إلى مدينة حلب ثم إلى دمشق.")
    article = Article(name="t.txt", text=article.text, sentences=split_sentences(article.text))
    result = Pipeline(gazetteer).process(article)
    assert all(0.5 <= r.confidence <= 1.0 for r in result.resolutions)
    strict = Pipeline(gazetteer, settings=Settings(resolution=ResolutionSettings(threshold=20.0))).process(article)
    assert strict.resolutions == ()


def test_a_title_marks_one_mention_not_every_mention_of_the_name(gazetteer: Gazetteer) -> None:
    found = _resolve(gazetteer, "زار الرئيس القاهرة اليوم. وفي القاهرة التقى الوزراء.")
    assert found["القاهرة"][1] == "EG"


@pytest.mark.parametrize(("text", "surface", "country"), [("Le président est à Nice, en France.", "Nice", "FR")])
def test_french_frequencies_for_french_articles(gazetteer: Gazetteer, text: str, surface: str, country: str) -> None:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language="fr")
    result = Pipeline(gazetteer).process(article)
    assert {r.mention.text: r.place.country for r in result.resolutions}.get(surface) == country


# ----------------------------------------------------------------------------- trigger nouns


def test_every_trigger_hint_has_a_rule() -> None:
    """Each hint the lexicon gives names a place type of its own or has facility features, and a relative
    place's head noun has a head name."""
    for hint in set(load_lexicon().triggers.values()):
        assert hint.place_type != PlaceType.FACILITY or FACILITY_FEATURES[hint], hint
        assert hint in _NOT_HEADS or hint in RELATIVE_HEADS, hint
    assert set(FACILITY_FEATURES) == {t for t in Trigger if t.place_type == PlaceType.FACILITY}


#: trigger hint, the place's type and feature, the settings field of the bonus (None: no bonus)
TRIGGER_BONUSES = [
    (Trigger.CITY, PlaceType.CITY, "city", "trigger_city"),
    (Trigger.CITY, PlaceType.FACILITY, "port", None),
    (Trigger.REGION, PlaceType.REGION, "region", "trigger_match"),
    (Trigger.REGION, PlaceType.CITY, "city", None),
    (Trigger.ISLAND, PlaceType.ISLAND, "island", "trigger_match"),
    (Trigger.ISLAND, PlaceType.CITY, "city", None),  # no bonus for a city after «جزيرة»
    (Trigger.WATER, PlaceType.WATER, "sea", "trigger_match"),
    (Trigger.WATER, PlaceType.REGION, "region", None),
    (Trigger.PORT, PlaceType.FACILITY, "naval_base", "trigger_match"),
    (Trigger.PORT, PlaceType.FACILITY, "airport", None),
    (Trigger.PORT, PlaceType.CITY, "city", "trigger_near"),  # the port is in the city
    (Trigger.PORT, PlaceType.COUNTRY, "country", None),
    (Trigger.BASE, PlaceType.FACILITY, "spaceport", "trigger_match"),
    (Trigger.CROSSING, PlaceType.FACILITY, "rail_station", "trigger_match"),
]


@pytest.mark.parametrize(("trigger", "place_type", "feature", "bonus"), TRIGGER_BONUSES)
def test_trigger_bonus(gazetteer: Gazetteer, trigger: Trigger, place_type: PlaceType, feature: str, bonus) -> None:  # noqa: ANN001
    place = Place(id="test:1", name="Vlqz", lat=0.0, lon=0.0, place_type=place_type, feature=feature)
    assert Resolver(gazetteer)._trigger_weight(trigger, place) == (bonus or "")


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        ("The talks in the UK ended on Monday.", "UK", "United Kingdom"),  # a name that is also a modifier
        ("Il est reparti vers les US mardi.", "US", "United States"),
        ("The governor flew to Florida on Monday.", "Florida", "Florida"),  # a state is widely known
        ("He then toured Europe for a week.", "Europe", "Europe"),  # a continent
        ("Il s'envole ensuite pour l'Afrique.", "Afrique", "Africa"),
        ("جولة الرئيس في أفريقيا تبدأ غدا", "أفريقيا", "Africa"),
    ],
)
def test_clear_countries_states_and_continents_are_places(
    gazetteer: Gazetteer, text: str, surface: str, place: str
) -> None:
    assert _resolve(gazetteer, text)[surface][0] == place


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("زار البابا الموقع (40 كلم جنوب غرب عمان) السبت", "Amman"),  # the town, not Oman
        ("He prayed at a shrine 30 km west of Amman on Saturday.", "Amman"),
        ("Il a visité un site à 30 km à l'ouest d'Amman samedi.", "Amman"),
    ],
)
def test_a_distance_is_measured_from_a_town(gazetteer: Gazetteer, text: str, anchor: str) -> None:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    result = Pipeline(gazetteer).process(article)
    relative = [r for r in result.resolutions if r.place.place_type == PlaceType.RELATIVE]
    assert relative and relative[0].anchor is not None and relative[0].anchor.name == anchor


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        # A common Arabic word standing alone, in a text about other countries, is the word.
        ("كورونا تعطل الدراسة في مدارس الكويت", "كورونا", False),
        ("كورونا تغلق الأسواق في الأردن", "كورونا", False),
        # ... unless it names a capital, the object of a movement verb as often as not.
        ("غادر وزير الخارجية الكويتي سيول صباح اليوم", "سيول", True),
        # ... but a preposition of place, a trigger noun or the town's own country makes it a name.
        ("غادر وزير الخارجية الكويتي الكويت متجها إلى سيول", "سيول", True),
        ("هبطت طائرة الوزير الأردني في العاصمة سيول بعد رحلة من الأردن", "سيول", True),
        ("عقد رئيس كوريا الجنوبية اجتماعا في سيول مع وزير من الكويت", "سيول", True),
        # The rule reads Arabic words only: a capitalised Latin name is a name.
        ("Floods hit Kuwait while the minister flew on to Seoul.", "Seoul", True),
        ("Le ministre koweïtien s'est rendu à Séoul après les inondations au Koweït.", "Séoul", True),
    ],
)
def test_a_common_arabic_word_needs_a_cue_to_name_a_town(
    gazetteer: Gazetteer, text: str, surface: str, kept: bool
) -> None:
    assert any(surface in found for found in _resolve(gazetteer, text)) is kept


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("غادر الوزير الكويتي الدوحة صباحا متوجها إلى بغداد", "الدوحة"),
        ("The Kuwaiti minister left Doha for Baghdad.", "Doha"),
        ("Le ministre koweïtien a quitté Doha pour Bagdad.", "Doha"),
    ],
)
def test_a_known_town_named_with_the_article_needs_no_cue(gazetteer: Gazetteer, text: str, surface: str) -> None:
    assert surface in _resolve(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        # A preposition of place glued to the name («لـ», «بـ») counts as one written apart («إلى», «في»).
        ("وصل الملك لعمّان مساء أمس بعد جولة طويلة.", "عمّان", True),
        ("وصل الملك إلى عمّان مساء أمس بعد جولة طويلة.", "عمّان", True),
        ("حلّ الوفد بعمّان مساء أمس بعد جولة طويلة.", "عمّان", True),
        # ... but a proclitic that is no preposition («و») is no cue.
        ("التقى الملك وعمّان مساء أمس بعد جولة طويلة.", "عمّان", False),
        # A known town's name frequent as a word, introduced so, is a name: its frequency is its fame.
        ("افتتح الأمير مركزا جديدا بحائل صباح اليوم.", "حائل", True),
        ("أصيب ثلاثة أشخاص في حادث سير بسوهاج مساء أمس.", "سوهاج", True),
        ("وقف الجدار حائل بين البيتين.", "حائل", False),
        ("افتتح الأمير مركزا جديدا وحائل صباح اليوم.", "حائل", False),
    ],
)
def test_a_glued_preposition_is_a_cue(gazetteer: Gazetteer, text: str, surface: str, kept: bool) -> None:
    assert (surface in _resolve(gazetteer, text)) is kept


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        # A name «و» joins to a place named just before it is of a list of places.
        ("ضربت العاصفة عدة دول منها مصر وسوريا في الأسبوع الماضي.", "سوريا", True),
        ("تحدث الوزير عن العلاقات بين الكويت ومصر أمس.", "مصر", True),
        # ... of countries, or of places of one country: not a foreign town after a country («فليج», a wadi).
        ("وصلت الأمطار إلى الكويت وفليج صباح اليوم.", "فليج", False),
    ],
)
def test_a_list_of_places_names_places(gazetteer: Gazetteer, text: str, surface: str, kept: bool) -> None:
    assert any(surface in found for found in _resolve(gazetteer, text)) is kept


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        ("والتقى الرئيس نظيره في استراحته بمنطقة المرموم بدبي. وكان قد زار دبي.", "دبي", "Dubai"),
        ("ووصل الرئيس إلى نيويورك يوم الاثنين.", "نيويورك", "New York City"),
    ],
)
def test_a_famous_city_frequent_in_arabic_is_still_a_place(
    gazetteer: Gazetteer, text: str, surface: str, place: str
) -> None:
    assert _resolve(gazetteer, text)[surface][0] == place


@pytest.mark.parametrize(
    ("text", "surface", "place_id"),
    [
        ("The Turkish delegation landed in Ankara on Monday.", "Turkish", "country:TR"),
        ("Talks with Greek officials resumed in Athens.", "Greek", "country:GR"),
        ("He praised African leaders at the summit in Addis Ababa.", "African", "continent:AF"),
        ("European ministers met in Brussels on Tuesday.", "European", "continent:EU"),
        ("La délégation russe est arrivée à Genève.", "russe", "country:RU"),
        ("Les dirigeants africains se réunissent à Dakar.", "africains", "continent:AF"),
    ],
)
def test_a_latin_adjective_names_its_area(gazetteer: Gazetteer, text: str, surface: str, place_id: str) -> None:
    """GeoWebNews counts "Turkish officials" as a toponym: the adjective resolves to its country or continent."""
    language = "fr" if " la " in f" {text.lower()} " or " les " in f" {text.lower()} " else "en"
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language=language)
    found = {r.mention.text: r for r in Pipeline(gazetteer).process(article).resolutions}
    assert found[surface].place.id == place_id
    assert found[surface].place.place_type in (PlaceType.COUNTRY, PlaceType.REGION)
    assert found[surface].confidence == ResolutionSettings().adjective_confidence


@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        ("وصل الوفد التركي إلى أنقرة يوم الاثنين.", "التركي"),  # an Arabic nisba stays a hint
        ("التقى الوزير بالقادة الأفارقة والمسؤولين الأوروبيين في بروكسل.", "الأوروبيين"),
    ],
)
def test_an_arabic_adjective_stays_a_hint(gazetteer: Gazetteer, text: str, adjective: str) -> None:
    assert adjective not in _resolve(gazetteer, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish president arrived in Ankara on 3 May 2021 and met African envoys.",
        "Le président turc est arrivé à Ankara le 3 mai 2021 pour rencontrer des envoyés africains.",
    ],
)
def test_an_adjective_is_never_a_stop(gazetteer: Gazetteer, text: str) -> None:
    language = "fr" if text.startswith("Le ") else "en"
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language=language)
    story, _ = Pipeline(gazetteer).run([article])
    assert [s.place.id for s in story.stops if s.place.place_type != PlaceType.CITY] == []
    assert any(s.place.name == "Ankara" for s in story.stops)


def test_adjectives_can_be_turned_off(gazetteer: Gazetteer) -> None:
    settings = ResolutionSettings(adjective_confidence=0.0)
    text = "Turkish officials met in Ankara."
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    mentions = list(Pipeline(gazetteer).process(article).mentions)
    resolved = Resolver(gazetteer, settings=settings).resolve(mentions, language="en")
    assert "Turkish" not in {r.mention.text for r in resolved}


def test_a_names_facts_are_worked_out_once_per_resolver(gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "وصل الرئيس إلى القاهرة ثم غادر القاهرة إلى الرياض."
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    pipeline = Pipeline(gazetteer)
    calls: list[tuple] = []
    work = Resolver._work_out_facts
    monkeypatch.setattr(
        Resolver, "_work_out_facts", lambda self, m, c: calls.append((m.text, m.match, m.cue)) or work(self, m, c)
    )
    first = pipeline.process(article)
    assert len(calls) == len(set(calls)) >= 2  # once per name, match and cue over both passes
    again = pipeline.process(article)
    assert len(calls) == len(set(calls))  # the second article asks about nothing new
    assert again.resolutions == first.resolutions


@pytest.mark.parametrize(
    ("text", "language", "surface", "place"),
    [
        ("Florida and Georgia were hit by the storm on Monday.", "en", "Florida", "Florida"),
        ("Hurricanes form over the warm Atlantic every summer.", "en", "Atlantic", "Atlantic Ocean"),
        ("Le navire a traversé l'Atlantique en dix jours.", "fr", "Atlantique", "Atlantic Ocean"),
        ("Tensions are rising again across the Middle East this week.", "en", "Middle East", "Middle East"),
        ("Le ministre a parlé de la paix au Moyen-Orient.", "fr", "Moyen-Orient", "Middle East"),
        ("تصاعد التوتر في الشرق الأوسط خلال الأسبوع الماضي.", "ar", "الشرق الأوسط", "Middle East"),
        ("Talks on the Korean Peninsula resumed on Friday.", "en", "Korean Peninsula", "Korean Peninsula"),
        ("The new ambassador to the Holy See presented his letters.", "en", "Holy See", "Vatican"),
    ],
)
def test_areas_are_read_as_areas(gazetteer: Gazetteer, text: str, language: str, surface: str, place: str) -> None:
    """Seas, parts of the world and capitalised region names are places (context places, never stops)."""
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language=language)
    found = {r.mention.text: r.place for r in Pipeline(gazetteer).process(article).resolutions}
    assert place in found[surface].name
    assert found[surface].place_type in (PlaceType.REGION, PlaceType.WATER, PlaceType.COUNTRY)


@pytest.mark.parametrize(
    ("code", "lat", "lon"),
    [("US", 39.76, -98.5), ("CA", 60.10867, -113.64258), ("IN", 22.0, 79.0), ("JP", 35.68536, 139.75309)],
)
def test_countries_sit_at_geonames_points(gazetteer: Gazetteer, code: str, lat: float, lon: float) -> None:
    row = gazetteer.country_row(code)
    assert row is not None
    place = gazetteer.place(row)
    assert haversine_km(place.lat, place.lon, lat, lon) < 1.0


@pytest.mark.parametrize(
    ("text", "match", "main"),
    [
        ("ئاممان", MatchKind.EXACT, True),  # any Arabic name of the place, as written...
        ("عمان", MatchKind.EXACT, True),
        ("عمّان", MatchKind.CLITIC, True),  # ...or after a proclitic
        ("عمان", MatchKind.PHONETIC, False),  # a sound-alike is no name of it
        ("Amman", MatchKind.LATIN, True),  # its English name
        ("Philadelphia", MatchKind.LATIN, False),  # an old Latin alternate
    ],
)
def test_the_main_names_of_a_place(text: str, match: MatchKind, main: bool) -> None:
    from geo.places.resolution import _is_main_name

    place = Place(id="t", name="Amman", lat=0.0, lon=0.0, place_type=PlaceType.CITY, name_ar="عمان")
    mention = Mention(article="t", start=0, end=len(text), text=text, sentence=0, match=match, candidates=(1,))
    assert _is_main_name(place, mention, name_key(text)) is main


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # a foreign city's two-letter name, after a preposition of place written as a word, is the city
        ("توجه الزوار إلى قم لزيارة المرقد.", "قم", "IR"),
        ("وصل الوزير إلى قم قادما من طهران.", "قم", "IR"),
        # a town named like its first-level region («محافظة العقبة»), after a preposition, in a text naming no country
        ("وصلت السفينة إلى العقبة فجر الأحد.", "العقبة", "JO"),
        ("توقف الموكب في معان ساعتين.", "معان", "JO"),
        # a country glued to a conjunction, outside a list, as the country written apart
        ("قال الوزير وتونس تستعد للقمة.", "تونس", "TN"),
        ("أكد المتحدث ومصر تتابع الأمر.", "مصر", "EG"),
    ],
)
def test_short_common_and_glued_names_with_a_reason(
    gazetteer: Gazetteer, text: str, surface: str, country: str
) -> None:
    assert _resolve(gazetteer, text)[surface][1] == country


@pytest.mark.parametrize(
    "text",
    [
        "قم بزيارة الموقع الآن.",  # the verb "stand up, do": no preposition of place
        "زار الرئيس قم.",  # a foreign town spelled as a common word needs a preposition of place
        "ولد في آب 1990.",  # August: an Arabic-speaking country's two-letter town name (Ibb) is not kept
    ],
)
def test_two_letter_words_stay_words(gazetteer: Gazetteer, text: str) -> None:
    assert _resolve(gazetteer, text) == {}
