"""The typed data model that flows one way through the pipeline.

``Article`` (ingest) → ``Mention`` (recognition) → ``Place`` (gazetteer) and
``Resolution`` (resolution: one mention tied to one place) → ``PlaceFeature``
(all resolutions of one place across the corpus) → ``Story``.

All classes are frozen dataclasses: a stage never edits what an earlier
stage produced, it makes new objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

__all__ = [
    "AREA_TYPES",
    "Certainty",
    "MentionRole",
    "Stop",
    "PlaceType",
    "MatchKind",
    "PLACE_TYPES",
    "POINT_TYPES",
    "Published",
    "PublishedSource",
    "Role",
    "Trigger",
    "WordFrequencies",
    "Span",
    "Article",
    "Mention",
    "Place",
    "Resolution",
    "PlaceFeature",
    "Story",
]

class PlaceType(StrEnum):
    """What kind of place a :class:`Place` is.

    ``RELATIVE`` places are computed from an anchor, a distance and a bearing.
    The order is the gazetteer index's code order: append, never reorder.
    """

    CITY = "city"
    FACILITY = "facility"
    ISLAND = "island"
    REGION = "region"
    COUNTRY = "country"
    WATER = "water"
    RELATIVE = "relative"


#: Every place type, in the gazetteer index's code order.
PLACE_TYPES: tuple[PlaceType, ...] = tuple(PlaceType)
#: Places a traveller stands at (a route can run through them), as opposed to areas.
POINT_TYPES: frozenset[PlaceType] = frozenset({PlaceType.CITY, PlaceType.FACILITY, PlaceType.ISLAND})
#: Areas: a traveller is in one, but a route does not stop at it.
AREA_TYPES: frozenset[PlaceType] = frozenset({PlaceType.COUNTRY, PlaceType.REGION, PlaceType.WATER})


class Trigger(StrEnum):
    """The type hint a trigger noun gives the name after it («ميناء» → ``port``, "island" → ``island``).

    The keys of ``data/lexicon/triggers.yaml`` (the lexicon refuses any other);
    :attr:`place_type` says which :class:`PlaceType` each names.
    """

    CITY = "city"
    PORT = "port"
    AIRPORT = "airport"
    BASE = "base"
    SPACEPORT = "spaceport"
    PLANT = "plant"
    STATION = "station"
    CROSSING = "crossing"
    ISLAND = "island"
    SHIPYARD = "shipyard"
    REGION = "region"
    WATER = "water"

    @property
    def place_type(self) -> PlaceType:
        """The place type the noun names: a city, region, island or water; any other a facility (a port, a base…)."""
        return _TRIGGER_TYPES.get(self, PlaceType.FACILITY)


#: The trigger nouns that name a place type of their own (the others name a facility).
_TRIGGER_TYPES: dict[Trigger, PlaceType] = {
    Trigger.CITY: PlaceType.CITY,
    Trigger.REGION: PlaceType.REGION,
    Trigger.ISLAND: PlaceType.ISLAND,
    Trigger.WATER: PlaceType.WATER,
}


class Certainty(StrEnum):
    """How sure a date is: a day or range the text gives, one inferred, or none."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    UNKNOWN = "unknown"


class PublishedSource(StrEnum):
    """Where an article's publication date came from (:mod:`geo.dates.publication`)."""

    FRONT_MATTER = "front_matter"
    TEXT = "text"
    URL = "url"
    CORPUS = "corpus"
    UNKNOWN = "unknown"


class MatchKind(StrEnum):
    """How a mention's text matched a gazetteer name."""

    EXACT = "exact"
    CLITIC = "clitic"
    PHONETIC = "phonetic"
    LATIN = "latin"
    RELATIVE = "relative"
    ADJECTIVE = "adjective"
    ONLINE = "online"  # not in the gazetteer: placed by an online geocoder (geo.places.lookup)


class Role(StrEnum):
    """What a place mention tells about the journey.

    Stops: ``DEPARTURE``, ``VISIT``, ``PLAN`` (announced, future tense) and
    ``RELATED_REPORT`` (a site of a related report embedded in the page).
    Context: ``DATELINE`` (where a report was filed), ``GOVERNMENT`` (a
    capital standing for its government), ``HISTORICAL`` (an earlier event),
    ``COUNTRY``, ``REGION``, ``WATER`` (areas) and ``MENTIONED`` (no sign the
    traveller is there).
    """

    DEPARTURE = "departure"
    VISIT = "visit"
    PLAN = "plan"
    RELATED_REPORT = "related report"
    DATELINE = "dateline"
    GOVERNMENT = "government"
    HISTORICAL = "historical"
    COUNTRY = "country"
    REGION = "region"
    WATER = "water"
    MENTIONED = "mentioned"

    @classmethod
    def stops(cls) -> tuple[Role, ...]:
        """The roles of a stop: the traveller is (or will be) there."""
        return (cls.DEPARTURE, cls.VISIT, cls.PLAN, cls.RELATED_REPORT)

    @classmethod
    def of_area(cls, place_type: PlaceType) -> Role:
        """The context role of an area (country, region, water)."""
        return cls(str(place_type))


class WordFrequencies(Protocol):
    """How common a word is: its Zipf frequency (0 for unknown words, about 7 for the commonest).

    The key is a folded word or name (:func:`geo.text.folding.name_key`);
    :meth:`geo.places.gazetteer.Gazetteer.zipf` is one. Stages that need
    frequencies are handed one; none looks for it on disk.
    """

    def __call__(self, key: str, /, *, language: str | None = None) -> float:
        """Zipf frequency of ``key`` in ``language`` (``None``: the article languages together)."""
        ...


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, decoded and cleaned, ready for recognition.

    Attributes
    ----------
    name:
        The file name, or ``FILE#N`` for the N-th story embedded in one file
        (a "read also" block tells a story of its own).
    text:
        The article's text. Every character offset in the pipeline points into it.
    sentences:
        Sentence spans into ``text``, in order.
    furniture:
        Spans of page furniture (share widgets, footers, link lists) that
        recognition skips; they stay in ``text`` so offsets never shift.
    language:
        ``"ar"``, ``"fr"`` or ``"en"`` (front matter first, else detected).
    title, url, source, published:
        Front matter fields when given (``published`` is a date only when
        the front matter gives one; dating from the text is a later stage).
    path:
        Where the article was read from.
    """

    name: str
    text: str
    sentences: tuple[Span, ...] = ()
    furniture: tuple[Span, ...] = ()
    language: str = "ar"
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    path: str | None = None

    def sentence_index(self, offset: int) -> int:
        """Return the index of the sentence holding ``offset`` (-1 when none does)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            span = self.sentences[mid]
            if offset < span.start:
                hi = mid - 1
            elif offset >= span.end:
                lo = mid + 1
            else:
                return mid
        return -1

    def sentence_text(self, index: int) -> str:
        """Return the text of sentence ``index`` (empty for -1)."""
        if index < 0 or index >= len(self.sentences):
            return ""
        span = self.sentences[index]
        return self.text[span.start : span.end].strip()


@dataclass(frozen=True, slots=True)
class Place:
    """A place of the gazetteer, or one computed from an anchor (``relative``).

    Attributes
    ----------
    id:
        Stable identifier: ``geonames:ID``, ``country:CC``, ``region:CODE``,
        ``curated:SLUG`` or ``relative:...``.
    name:
        Display name in English (or the best Latin name).
    name_ar:
        Display name in Arabic when the gazetteer has one.
    lat, lon:
        WGS84 coordinates in degrees.
    place_type:
        See :data:`PlaceType`.
    feature:
        Finer type: ``city``, ``capital``, ``spaceport``, ``airport``, ``port``…
    country:
        ISO 3166-1 alpha-2 code, or ``None``.
    admin1:
        GeoNames first-level region code within ``country``, or ``None``.
    population:
        Population when known, else 0.
    source:
        Where the record and its coordinates come from.
    """

    id: str
    name: str
    lat: float
    lon: float
    place_type: PlaceType
    name_ar: str | None = None
    feature: str = ""
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    source: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article's text that names (or describes) a place.

    Attributes
    ----------
    article:
        :attr:`Article.name` of the article it was found in.
    start, end:
        Character offsets into :attr:`Article.text`.
    text:
        The surface form, ``article.text[start:end]``.
    sentence:
        Index of the sentence holding it.
    match:
        How it matched the gazetteer (see :data:`MatchKind`).
    candidates:
        Gazetteer row numbers of the places it may name, best first by the
        recogniser's own order (resolution re-ranks them).
    trigger:
        Type hint from a trigger noun before it («ميناء» → ``port``, see
        :class:`Trigger`), or ``None``.
    cue:
        The preposition of place just before it («في», "à", "in"), or ``None``.
    person:
        True when it stands where a person's name stands: after a title
        («الرئيس», "President") or next to a verb of speech («وقال»).
    initial:
        True for a Latin-script name at the start of a sentence or line,
        where a capital letter says nothing about being a name.
    distance_km, bearing_deg:
        For ``relative`` mentions: the stated distance and compass bearing
        from the anchor, which is :attr:`candidates`' place.
    """

    article: str
    start: int
    end: int
    text: str
    sentence: int
    match: MatchKind
    candidates: tuple[int, ...]
    trigger: Trigger | None = None
    cue: str | None = None
    person: bool = False
    initial: bool = False
    distance_km: float | None = None
    bearing_deg: float | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """One mention tied to the place it names.

    Attributes
    ----------
    mention:
        The mention.
    place:
        The chosen place.
    confidence:
        0–1, how sure the resolver is.
    uncertainty_km:
        Radius within which the true place should lie.
    anchor:
        For relative places, the place they are measured from.
    reason:
        A short text saying why this place was chosen.
    """

    mention: Mention
    place: Place
    confidence: float
    uncertainty_km: float = 0.0
    anchor: Place | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class MentionRole:
    """What one resolved mention tells about the journey.

    Attributes
    ----------
    resolution:
        The mention and its place.
    role:
        See :class:`Role`.
    stop:
        True when the traveller is there during the journey.
    first, last:
        The inclusive date range of that presence (``None`` when unknown).
    certainty:
        See :data:`Certainty`.
    why:
        A short explanation of the decision, for readers and teachers.
    earlier:
        True for a leg told as done before its sentence's event ("arrived
        from X", «قادما من X», "after visiting X"): on a shared day it goes first.
    later:
        True for a leg told as done after its sentence's other places ("spoke at X shortly before arriving in Y",
        «قبل أن يصل إلى Y»): on a shared day it goes after them.
    """

    resolution: Resolution
    role: Role
    stop: bool
    first: dt.date | None = None
    last: dt.date | None = None
    certainty: Certainty = Certainty.UNKNOWN
    why: str = ""
    earlier: bool = False
    later: bool = False


@dataclass(frozen=True, slots=True)
class Stop:
    """One stop of the route: a place, its dates and its evidence.

    Attributes
    ----------
    seq:
        1-based position in the route (dated stops by date, undated after).
    place:
        The stop's place; ``also`` lists places merged into it (a plant in a city).
    date_start, date_end, certainty:
        The best-supported inclusive date range.
    role:
        What happened there (``visit``, ``departure``, ``plan``…).
    evidence:
        The mention roles that support it, in corpus order.
    also, why:
        Places merged into the stop; the reasoning that made it one.
    happened:
        The evidence whose sentence shows the traveller there (what happened),
        ``None`` when none does (:func:`geo.story.happened.presence_evidence`).
    """

    seq: int
    place: Place
    date_start: dt.date | None
    date_end: dt.date | None
    certainty: Certainty
    role: Role
    evidence: tuple[MentionRole, ...]
    also: tuple[Place, ...] = ()
    why: str = ""
    happened: MentionRole | None = None


@dataclass(frozen=True, slots=True)
class PlaceFeature:
    """All resolutions of one place across a corpus: one map feature."""

    place: Place
    resolutions: tuple[Resolution, ...]
    uncertainty_km: float = 0.0

    @property
    def confidence(self) -> float:
        """The highest confidence among its resolutions."""
        return max((r.confidence for r in self.resolutions), default=0.0)


@dataclass(frozen=True, slots=True)
class Published:
    """The publication date of an article and where it came from.

    Attributes
    ----------
    date:
        The day, or ``None`` when unknown.
    source:
        See :class:`PublishedSource`.
    certainty:
        See :class:`Certainty`.
    evidence:
        The text or url fragment it came from (or how it was inferred).
    """

    date: dt.date | None
    source: PublishedSource
    certainty: Certainty
    evidence: str

    @classmethod
    def unknown(cls) -> Published:
        """No publication date: source and certainty ``unknown``, no evidence."""
        return cls(None, PublishedSource.UNKNOWN, Certainty.UNKNOWN, "")


@dataclass(frozen=True, slots=True)
class Story:
    """What a corpus tells: its articles, the places they name, and the journey.

    ``features`` holds every place (one per place); ``stops`` the route in
    order; ``roles`` every resolved mention's role; ``published`` each
    article's publication date (by article name) and where it came from;
    ``traveller`` the traveller's main written form and ``traveller_names``
    every form the articles give (at most one Arabic, one Latin-script).
    """

    articles: tuple[Article, ...]
    features: tuple[PlaceFeature, ...] = field(default_factory=tuple)
    stops: tuple[Stop, ...] = field(default_factory=tuple)
    roles: tuple[MentionRole, ...] = field(default_factory=tuple)
    published: dict[str, Published] = field(default_factory=dict)
    traveller: str | None = None
    title: str = ""
    traveller_names: tuple[str, ...] = ()
