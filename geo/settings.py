"""Every number that decides what the reader finds, in one typed, documented place.

:class:`Settings` is a frozen pydantic model made of one section per stage of
the flow — :class:`TextSettings`, :class:`ProminenceSettings` (shared),
:class:`RecognitionSettings`, :class:`ResolutionSettings`,
:class:`UncertaintySettings`, :class:`RelativeSettings`, :class:`DateSettings`,
:class:`RoleSettings`, :class:`LocatedSettings`, :class:`TravellerSettings`, :class:`TimelineSettings`,
:class:`LookupSettings`, :class:`LimitsSettings` (how much input any stage takes) and
:class:`ArchiveSettings` (journeys found in a news archive, ``geo archive``).
Every field says, in its description, why it exists, and in its ``source``
where its value comes from (set by hand, a fact of geometry, fitted by a script
on labelled data). :class:`~geo.pipeline.Pipeline` takes one ``Settings`` and
hands each stage its section; no module constant decides a result on its own.

The sections share their base and field helper with :mod:`geo.settings_base`; the limits and the archive's
sections live in :mod:`geo.settings_operations`.

Shipped defaults: the values in this module, but for the knobs ``python -m geo fit-story`` moved
(:mod:`geo.story.fitting`), read from :data:`FITTED_PATH` once, never at import, with their provenance
(``Settings().source``). Settings are data: :mod:`geo.settings_files` reads and writes them as files
(``--settings FILE``) and lists every field with its reason and source (``geo settings``).

Example
-------
>>> from geo.settings import Settings
>>> Settings().resolution.population_prior_per_decade
0.5
>>> Settings().resolution.threshold
4.25
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from pydantic import Field, model_validator

from geo.errors import InputError
from geo.settings_base import DEFINITION, HAND_SET
from geo.settings_base import Section as _Section
from geo.settings_base import knob as _knob
from geo.settings_operations import ArchiveSettings, LimitsSettings

__all__ = [
    "ArchiveSettings",
    "DateSettings",
    "FITTED_NOTE",
    "FITTED_PATH",
    "HAND_SET",
    "LimitsSettings",
    "LocatedSettings",
    "LookupSettings",
    "ProminenceSettings",
    "RecognitionSettings",
    "RelativeSettings",
    "ResolutionSettings",
    "RoleSettings",
    "Settings",
    "TextSettings",
    "TimelineSettings",
    "TravellerSettings",
    "UncertaintySettings",
    "fitted_defaults",
]

#: The shipped fitted values: only the knobs the story fit moved, and its provenance (``source``).
FITTED_PATH = Path(__file__).resolve().parents[1] / "data" / "settings" / "fitted.json"
#: Where a fitted value's provenance is told.
FITTED_NOTE = "data/settings/fitted.json says on what and how well"
#: The years the date patterns read (:mod:`geo.dates.patterns`): no setting can reach outside them.
_PATTERN_YEARS = (1900, 2100)
class TextSettings(_Section):
    """What counts as article text among a page's furniture (:mod:`geo.text.furniture`)."""

    min_lead_words: int = _knob(6, "a tail or read-also marker counts only after a line of this many words", ge=0)
    min_prose_words: int = _knob(
        5, "a prose sentence has this many words (and ends with sentence punctuation)", ge=1
    )
    min_prose_sentences: int = _knob(
        2, "an embedded read-also block is an article with this many prose sentences", ge=1
    )
    min_prose_chars: int = _knob(200, "... holding this many characters", ge=0)


class ProminenceSettings(_Section):
    """How populous a city must be to be known by name; recognition and resolution share these."""

    famous_population: int = _knob(
        1_000_000,
        "a city this populous is widely known: a very common word may still name it, it is never 'foreign', "
        "and it is less penalised as a common word",
        ge=0,
    )
    notable_population: int = _knob(
        100_000, "a city this populous, named by its own name after a cue, is notable", ge=0
    )


class RecognitionSettings(_Section):
    """Finding the spans of a text that name places (:mod:`geo.places.recognition`)."""

    max_words: int = _knob(6, "the longest place name looked up, in words", ge=1, le=12)
    phonetic_words: int = _knob(4, "the longest name tried by its consonant key, in words", ge=1, le=8)
    min_phonetic_key: int = _knob(5, "a shorter consonant key matches too many words to mean a place", ge=1)
    min_phonetic_word: int = _knob(
        4, "a shorter first word (or what is left of it without a proclitic) is never tried by its consonant key", ge=1
    )
    short_key_population: int = _knob(
        100_000, "a key of fewer consonants still matches a place this populous", ge=0
    )
    key_readings: int = _knob(
        8, "the most readings of an Arabic spelling tried (خ for h, ج for g, تش for zh, ن for ng)", ge=1, le=32
    )
    reading_population: int = _knob(
        50_000, "a place matched only by another reading of the spelling is this populous (well known abroad)", ge=0
    )
    g_letters: int = _knob(
        2,
        "a word with at most this many of the letters Arabic news uses for a foreign /g/ (غ ج ق ك) is also "
        "looked up with each of the others there («بوغور» / GeoNames «بوكور», Bogor); more would try too many forms",
        ge=0,
        le=3,
    )
    g_variant_population: int = _knob(
        100_000, "a /g/ variant names only a city this populous (a respelt word should not land on a hamlet)", ge=0
    )
    common_zipf: float = _knob(3.5, "a word at least this frequent (Zipf) needs a cue before it is read as a name")
    function_word_zipf: float = _knob(5.5, "a word this frequent is a function word, never a place on its own")
    article_form_population: int = _knob(
        100_000,
        "a frequent word «ال» + X still reads as X when X names a place this populous, however rare X is alone: "
        "GeoNames writes some cities without the article news always writes («خرطوم», news «الخرطوم»)",
        ge=0,
    )
    lookback_words: int = _knob(3, "how far back a trigger noun or preposition is looked for, in words", ge=0)
    surname_max_zipf: float = _knob(
        2.5, "a capitalised word this rare right after a one-word Latin name is a surname: the name is a first name"
    )
    reused_surname_max_zipf: float = _knob(
        4.5,
        "a word right after a one-word name that the article also writes alone is a surname (the name a first "
        "name) unless it is at least this frequent (Zipf): news gives the full name once, then the surname",
    )
    title_lookback_words: int = _knob(2, "how far back a person's title marks a name as a person's", ge=0)
    max_join_chars: int = _knob(3, "the widest gap (spaces, hyphens) inside one multi-word name", ge=0)
    family_name_max_zipf: float = _knob(4.2, "a definite nisba («ال…ي») rarer than this (Arabic Zipf) after a town's "
        "name is a family's («سالم براك السبيعي»): family names 3.2-4.1 («السبيعي», «الحارثي»), common adjectives 4.5+ "
        "(«الشرقي», «الدولي»)", "wordfreq Arabic Zipf of family nisbas vs common nisba adjectives")  # fmt: skip
    kind_name_words: int = _knob(3, "a name after a kind noun («حي X», «شارع X») takes at most this many words", ge=1)
    kind_name_zipf: float = _knob(5.0, "… none more common than this (Zipf): a name, not a phrase", ge=0)


class ResolutionSettings(_Section):
    """The terms of a candidate place's score (:mod:`geo.places.resolution`); a mention is a place at
    :attr:`threshold`."""

    exact: float = _knob(2.0, "the mention spells one of the place's names")
    clitic: float = _knob(1.5, "the name follows a proclitic («ب», «و», «ل»): a little less sure than exact")
    phonetic_base: float = _knob(0.5, "a consonant-key match, before its length counts")
    phonetic_per_class: float = _knob(0.15, "each consonant class of a phonetic match adds evidence")
    phonetic_max: float = _knob(2.0, "a phonetic match never counts more than an exact one")
    short_phonetic: int = _knob(5, "a shorter phonetic key needs a trigger noun or preposition", ge=1)
    ambiguity_slope: float = _knob(0.3, "penalty per doubling of the places sharing a phonetic key")
    ambiguity_max: float = _knob(2.0, "the largest phonetic ambiguity penalty")
    population_prior_per_decade: float = _knob(
        0.5, "the population prior: a city gains this per tenfold population (log10(pop + 1) × this)"
    )
    capital: float = _knob(1.0, "a national capital is what a bare name most often means")
    country: float = _knob(4.5, "a country's name is rarely anything else")
    region: float = _knob(2.5, "a first-level region")
    facility: float = _knob(2.5, "a curated site (port, airport, base, plant…) named in full")
    trigger_match: float = _knob(1.5, "the trigger noun before the name («ميناء», 'port') fits the place's type")
    trigger_city: float = _knob(1.0, "«مدينة» / 'city of' before a city")
    trigger_near: float = _knob(0.3, "a site's trigger noun before a city (the site is in it)")
    cue: float = _knob(0.75, "a preposition of place written as a word («في», 'in') before the name")
    glued_cue: float = _knob(0.75, "a preposition of place glued to the name («بعمان», «لبيروت»)")
    in_named_country: float = _knob(
        0.75, "the place is in one of the main_countries countries the article names most"
    )
    in_minor_country: float = _knob(0.35, "the place is in another country the article names")
    main_countries: int = _knob(2, "how many of the most named countries count as the article's own", ge=0)
    foreign: float = _knob(0.75, "a lesser town outside every country the article names")
    in_named_region: float = _knob(0.75, "the place is in a region the article names")
    explicit_parent: float = _knob(2.0, "its country or region is written right after it ('Alexandria, Virginia')")
    parent_gap_chars: int = _knob(3, "the widest gap between a name and its written parent, in characters", ge=0)
    listed: float = _knob(0.75, "a name «و» joins to a place named just before it («مصر وسوريا»): a list of places")
    list_gap_chars: int = _knob(3, "the widest gap between a listed name and the place before it, in characters", ge=0)
    near_km: float = _knob(300.0, "within this distance of another place of the article, a place is near it", gt=0)
    near: float = _knob(0.75, "close to the article's other places (within near_km)")
    same_area_km: float = _knob(
        1000.0, "within this distance of the article's other places, a place is in their part of the world", gt=0
    )
    same_area: float = _knob(0.4, "within same_area_km (but not near_km) of the article's other places")
    common_from: float = _knob(3.0, "a one-word name more frequent than this (Zipf) is also a common word")
    common_slope: float = _knob(2.0, "penalty per Zipf unit above common_from")
    common_famous_factor: float = _knob(0.4, "a widely known place keeps this share of the common-word penalty")
    bare_common_zipf: float = _knob(
        3.5,
        "an Arabic word this common (Zipf; «كورونا» the virus) names a town (not a capital) only after a trigger "
        "noun or a preposition of place, or when the article names the town's country",
    )
    glued_country: float = _knob(
        0.5, "a country's name glued to a conjunction («ومصر», 'and Egypt'): the split is as sure as the name written "
        "apart (the clitic's doubt made up)"
    )
    region_namesake: float = _knob(
        0.75, "a town named like its first-level region («محافظة العقبة»: Aqaba), most often its seat, after a "
        "preposition of place or a trigger noun (geo.places.region_names)"
    )
    noun_cue_population: int = _knob(
        500_000,
        "a foreign town this populous named after a preposition of place written as a word («إلى قم», Qom) is the "
        "town, not the common Arabic word its name also spells (as for a famous city)",
    )
    noun_definite_zipf: float = _knob(
        3.5, "an Arabic word glued to a proclitic whose definite form (ال + word) is this frequent is a noun, "
        "not a foreign town («أمطار وسيول», torrents), unless the article names the town's country", "wordfreq"
    )
    widely_known_max_zipf: float = _knob(
        5.0, "above this Zipf even a famous place's name is first a word ('Nice', «أمل»)"
    )
    widely_known_max_zipf_arabic: float = _knob(
        5.5,
        "the same for an Arabic-script name: Arabic writes no capitals, so the frequency of a famous city's "
        "name («دبي», «نيويورك», Zipf 5.0-5.2) is mostly that of the name itself; the famous cities named by "
        "a common word («المدينة», Zipf 5.6) stay words",
        "wordfreq Arabic Zipf of famous city names vs common nouns that name cities",
    )
    capitalised_factor: float = _knob(0.5, "a capital letter mid-sentence marks a name: this share of the penalty")
    person_exact: float = _knob(1.5, "the name stands where a person's name stands (after a title)")
    person_phonetic: float = _knob(2.0, "the same for a phonetic match, less sure to begin with")
    short_edge: float = _knob(1.5, "a multi-word name whose first or last word is short_edge_letters or fewer")
    short_edge_letters: int = _knob(2, "an edge word this short is more likely a particle than part of a name", ge=0)
    short_edge_zipf: float = _knob(
        5.5,
        "... when it is at least this common (wordfreq Zipf in the article's language: 'of', 'de', «في», «أم»); a "
        "rarer short word is part of the name («تل أبيب», 'El Paso', 'Da Nang')",
    )
    described_gap_chars: int = _knob(2, "a distance phrase this close after a place describes it ('X, 5 km N')", ge=0)
    small_population: int = _knob(10_000, "a town this small needs a preposition or trigger noun", ge=0)
    small_without_context: float = _knob(1.0, "a small town named bare")
    alternate_name_population: int = _knob(
        200_000, "below this population a place matched by an alternate name only is doubtful", ge=0
    )
    alternate_name: float = _knob(0.75, "matched one of the place's alternate names, not its main one")
    threshold: float = _knob(4.25, "a mention whose best score reaches this is a place")
    area_anchor: float = _knob(
        3.0,
        "a country or region as the anchor of a distance ('40 km south-west of X'): news measures distances "
        "from towns, so a name that is both («عمان»: Oman, Amman) is the town",
    )
    relative_confidence: float = _knob(
        0.9, "a relative location is a little less sure than its anchor", gt=0, le=1
    )
    adjective_confidence: float = _knob(
        0.6,
        "a Latin-script nationality or continent adjective ('Turkish', 'African', 'russe') names its country or "
        "continent as a context place (never a stop); Arabic nisba forms are also common adjectives and hashtag "
        "words, so they stay hints; 0 turns them off",
        ge=0,
        le=1,
    )


class UncertaintySettings(_Section):
    """How far from its point a place may really lie, by type (``Resolution.uncertainty_km``)."""

    city_km: float = _knob(3.0, "a town's point is its centre: a few km at the least", ge=0)
    city_km_per_sqrt_population: float = _knob(
        0.002, "a city's radius grows with the root of its population (area ∝ population)", ge=0
    )
    facility_km: float = _knob(2.0, "a curated site's coordinate, as its source gives it", ge=0)
    island_km: float = _knob(15.0, "an island's point is its centre", ge=0)
    region_km: float = _knob(150.0, "a first-level region's point is its capital or centre", ge=0)
    country_km: float = _knob(500.0, "a country's point is its capital or centre", ge=0)
    water_km: float = _knob(200.0, "a sea or gulf's point is its centre", ge=0)
    other_km: float = _knob(10.0, "any other point", ge=0)


class RelativeSettings(_Section):
    """Relative locations, "60 km south-west of X" (:mod:`geo.places.relative`)."""

    max_distance_km: float = _knob(
        20_000.0, "half the Earth's circumference: a larger distance is not a place", DEFINITION, gt=0
    )
    max_gap_chars: int = _knob(
        24, "folded characters allowed between the phrase and its anchor («العاصمة», 'the city of')", ge=0
    )
    head_noun_words: int = _knob(12, "how far back a head noun («حوض», 'shipyard') names what the phrase locates", ge=0)
    min_km: float = _knob(2.0, "the smallest uncertainty of a relative place", ge=0)
    share_of_distance: float = _knob(
        0.15,
        "a compass point covers ±22.5°, so the radius grows with the distance: this share of it",
        ge=0,
    )


class DateSettings(_Section):
    """Publication dates and date expressions (:mod:`geo.dates`)."""

    plausible_years: tuple[int, int] = _knob(
        (1900, 2100),
        "a publication date outside these years is a typo, not an anchor (the date patterns read 1900-2100 only)",
    )
    near_days: int = _knob(
        90, "a weekday or day without a month is read within this many days of publication", ge=1
    )
    grace_days: int = _knob(7, "a past-tense date this many days after publication is still past", ge=0)
    future_prefix_margin: float = _knob(
        0.3, "«سـ» + word is a future verb when the word without it is this much more frequent (Zipf)"
    )
    future_verb_min_letters: int = _knob(
        4, "«سـ» + word is read as a future verb from this many letters («سيزور»); shorter ones are nouns («سير»)", ge=2
    )
    french_future_min_letters: int = _knob(
        5, "a French word ending like a futur simple (-ra, -ront) is read as one from this many letters", ge=1
    )
    top_lines: int = _knob(12, "the publication date is looked for in this many lines at the top", ge=1)
    date_line_words: int = _knob(4, "a line of at most this many words beside a date is a date line", ge=0)
    label_line_words: int = _knob(10, "a labelled date line ('Published: …') has at most this many words", ge=0)
    label_gap_words: int = _knob(2, "words allowed between a date label and its date", ge=0)
    dateline_chars: int = _knob(40, "a dateline's date stands within this many characters of the line start", ge=0)
    weekday_slack_days: int = _knob(
        1,
        "a weekday written with today, yesterday or tomorrow wins over the count from the page's stamp when they "
        "are this many days apart (a stamp after midnight or in another time zone, «غدا الأربعاء» quoted from "
        "yesterday's statement)",
        ge=0,
        le=3,
    )
    coordinated_future_words: int = _knob(
        2,
        "a future sign after a date does not make it future when 'and'/«و» stands at most this many words "
        "before the sign ('arrived on Tuesday and will travel on Thursday')",
        ge=0,
    )

    @model_validator(mode="after")
    def _years_in_order(self) -> DateSettings:
        first, last = self.plausible_years
        if not _PATTERN_YEARS[0] <= first <= last <= _PATTERN_YEARS[1]:
            raise ValueError(f"plausible_years must be two years in order within {_PATTERN_YEARS}")
        return self


class RoleSettings(_Section):
    """Whether the traveller is at a place, and when (:mod:`geo.story.roles`)."""

    historical_days: int = _knob(
        21, "a date more than this many days before publication is history (a trip weeks earlier), not the "
        "journey: a state visit or a tour lasts days, rarely past a fortnight", ge=0,
    )  # fmt: skip
    dateline_after_chars: int = _knob(40, "how far after a name a dateline's end ('X (AFP) -') is looked for", ge=0)
    dateline_before_chars: int = _knob(
        80, "a dateline name stands after at most this much text on its line (a byline, a date)", ge=0
    )
    movement_window: int = _knob(
        6, "how many words before a country a movement word may stand («غادر الرئيس … روسيا»)", ge=0
    )
    place_window: int = _knob(4, "… and before a city or site ('arrived in X', «وغادر X»)", ge=0)
    lead_span_days: int = _knob(7, "a lead event is dated to the day or a few days, not to a month or a year", ge=0)
    origin_window: int = _knob(
        8, "a place after 'from' («من», 'de') is where the traveller came from only with a movement word at most this "
        "many words before it ('arrived at X by helicopter from Y'); else it is someone's origin ('students from Y')",
        ge=0,
    )  # fmt: skip
    anchor_window: int = _knob(
        5, "a unit of distance at most this many words before a place makes it the anchor of a distance, not a stop "
        "(«على بعد 50 كيلومترا شمال X», '20 km north of X')", ge=0,
    )  # fmt: skip
    announced_window: int = _knob(
        4, "a movement word at most this many words after a verb of speech is what it announces ('announced last "
        "night his visit', «أعلن أمس زيارته»): the date there is the announcement's, not an event of the journey", ge=0,
    )  # fmt: skip
    since_window: int = _knob(
        8, "a year or calendar date at most this many words after 'since' in the same clause is a starting point, not "
        "the day of anything ('the first president to visit since the bombing of the city in 1945')", ge=0,
    )  # fmt: skip
    fronted_words: int = _knob(6, "a day fronted before 'in X, he …' stands at most this many words before X", ge=0)
    onward_window: int = _knob(
        4, "a heading word at most this many words before a place makes it a destination still ahead («متوجها إلى "
        "مدينة X», 'on his way to X', 'en direction de X')", ge=0,
    )  # fmt: skip


class LocatedSettings(_Section):
    """Places the text locates itself: unknown facilities, names a verb governs (:mod:`geo.places.located`)."""

    locator_words: int = _knob(6, "a place locates a facility at most this many words after its name (in Y)", ge=0)
    trigger_back_words: int = _knob(3, "a facility noun stands at most this many words before its name", ge=1)
    facility_km: float = _knob(10.0, "a facility placed at its town's point lies within about this distance", ge=0)
    small_country_km: float = _knob(
        30.0, "a country whose equal-area radius is at most this places a facility by its point (a small state)", ge=0
    )
    town_min_population: int = _knob(100_000, "a facility named after a town of a large country: a large town", ge=0)
    town_min_key: int = _knob(3, "… spelt with at least this many consonants (two match too many towns)", ge=1)
    named_town_min_population: int = _knob(
        20_000, "a name after «مدينة» spelt like one town of the article's countries: a town of this size", ge=0
    )
    moved_gap_words: int = _knob(3, "words between a departure verb and its place (the plane, a title)", ge=0)
    moved_margin: float = _knob(2.0, "a town a verb governs is kept this far under the resolver's threshold", ge=0)
    moved_min_population: int = _knob(100_000, "… when it is a large town (a hamlet may share a common word)", ge=0)


class TravellerSettings(_Section):
    """Who the story is about (:mod:`geo.story.traveller`)."""

    max_name_words: int = _knob(3, "a person's name after a title is at most this many words", ge=1)
    name_max_zipf: float = _knob(5.3, "a word more frequent than this (Zipf) is not part of a name")
    max_skip_words: int = _knob(
        4, "words allowed between a title and the name («الرئيس الروسي», 'de la République')", ge=0
    )
    max_host_skip_words: int = _knob(
        8,
        "words allowed between an invitation word and the host's name («بدعوة من خادم الحرمين الشريفين الملك X», "
        "'sur invitation du Président de la République, Monsieur X')",
        ge=0,
    )
    mover_weight: float = _knob(
        3.0,
        "one time a name is the subject of a movement word («وصل X», 'X arrived') counts as this many times it "
        "is named: news names hosts and officials often, but only the traveller moves",
        ge=0,
    )
    min_sound_letters: int = _knob(
        3,
        "a name word's consonant skeleton must have this many letters to pair its Arabic and Latin forms (shorter "
        "skeletons meet unrelated names)",
        ge=1,
    )
    accusative_stem_zipf: float = _knob(4.0, "a word in «ا» whose stem is this common: an accusative", "wordfreq")
    accusative_stem_margin: float = _knob(
        0.5, "…and more common than the word by more than this («ضيفا», «عددا»; not «ماريا»/«ماري»)", "wordfreq", ge=0
    )
    glued_place_population: int = _knob(1_000_000, "«ل»/«ب» + a place this populous: a place word", "GeoNames", ge=0)


class TimelineSettings(_Section):
    """Stops merged across articles and put in order (:mod:`geo.story.timeline`)."""

    merge_km: float = _knob(20.0, "a site this close to a city stop is part of it (a plant in a city)", ge=0)
    window_span_days: int = _knob(
        7,
        "a movement dated only to a longer range (a month, a year) does not bound the journey that decides which "
        "plans it reaches",
        ge=0,
    )
    fold_km: float = _knob(
        60.0,
        "an airport, palace or other site named after a city («مطار X», 'X International Airport') and used the "
        "same day folds into that city's stop up to this far away (international airports lie up to ~50 km out)",
        ge=0,
    )
    stay_days: int = _knob(
        3,
        "a site named after a city and used within this many days of the city's stop is part of that stay "
        "(arrival at its airport one day, departure from it two days later): the stop spans both",
        ge=0,
    )
    airport_km: float = _knob(
        35.0,
        "an airport this close to a city stop of the same day is that city's airport even when not named after it "
        "(most lie within it of their city; one farther out may serve another city than the one visited)",
        ge=0,
    )
    same_town_km: float = _knob(
        3.0,
        "two towns of the gazetteer this close on the same day are one place (a district and its city); farther "
        "apart they stay two stops (neighbouring towns lie 5-10 km apart)",
        ge=0,
    )


class LookupSettings(_Section):
    """Looking names up outside the resolver: online look-ups of names the gazetteer cannot place
    (:mod:`geo.places.unplaced`, :mod:`geo.places.lookup`; off unless asked for) and the offline geocoder's
    ranking (:mod:`geo.places.geocoders.offline`, the presenter's place search)."""

    confidence: float = _knob(
        0.5,
        "an online answer is the service's best guess, unchecked against the article: as sure as a gazetteer "
        "reading just at the resolution threshold",
        gt=0,
        le=1,
    )
    max_connectors: int = _knob(
        2,
        "function words allowed between a trigger noun and the name it introduces ('port of the', «aéroport de l'»)",
        ge=0,
    )
    capital_min_population: int = _knob(
        100_000,
        "the offline geocoder puts a national capital this populous before the other cities of its name; a "
        "smaller one does not go first (Hamilton, Ontario before Hamilton, Bermuda)",
        ge=0,
    )


class Settings(_Section):
    """All the deciding numbers of the reader, one section per stage.

    ``source`` says where the set as a whole comes from: ``"defaults"`` for
    the values in this module, or what a fitting script fitted them on.
    """

    source: str = _knob("defaults", "where this set of values comes from", DEFINITION)
    text: TextSettings = Field(default_factory=TextSettings)
    prominence: ProminenceSettings = Field(default_factory=ProminenceSettings)
    recognition: RecognitionSettings = Field(default_factory=RecognitionSettings)
    resolution: ResolutionSettings = Field(default_factory=ResolutionSettings)
    uncertainty: UncertaintySettings = Field(default_factory=UncertaintySettings)
    relative: RelativeSettings = Field(default_factory=RelativeSettings)
    dates: DateSettings = Field(default_factory=DateSettings)
    roles: RoleSettings = Field(default_factory=RoleSettings)
    located: LocatedSettings = Field(default_factory=LocatedSettings)
    traveller: TravellerSettings = Field(default_factory=TravellerSettings)
    timeline: TimelineSettings = Field(default_factory=TimelineSettings)
    lookup: LookupSettings = Field(default_factory=LookupSettings)
    limits: LimitsSettings = Field(default_factory=LimitsSettings)
    archive: ArchiveSettings = Field(default_factory=ArchiveSettings)


@functools.cache
def fitted_defaults() -> dict[str, Any]:
    """The shipped fitted file (:data:`FITTED_PATH`) as ``{"source": str, section: {field: value}}`` or ``{}``.

    Raises
    ------
    InputError
        When the file is unreadable, or names a section or field that does not exist.
    """
    if not FITTED_PATH.is_file():
        return {}
    try:
        data = json.loads(FITTED_PATH.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"cannot read the fitted settings {FITTED_PATH}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("source"), str):
        raise InputError(f"{FITTED_PATH}: must hold an object with a 'source'")
    for section, values in ((k, v) for k, v in data.items() if k != "source"):
        field = Settings.model_fields.get(section)
        kind = field.annotation if field is not None else None
        if not (isinstance(kind, type) and issubclass(kind, _Section) and isinstance(values, dict)):
            raise InputError(f"{FITTED_PATH}: {section!r} is not a section of the settings")
        if unknown := sorted(set(values) - set(kind.model_fields)):
            raise InputError(f"{FITTED_PATH}: {section}.{unknown[0]} is not a setting")
    return data
