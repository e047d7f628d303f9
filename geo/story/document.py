"""``story.json``: the editable story, in a documented, versioned schema.

The map, the exports and the presenter render from this document, and a
user may edit it (fix a date, a place, a caption, the order; add or remove
a stop) and rebuild every output without re-reading the articles
(``python -m geo render story.json --out OUT``). It is validated on load.

Schema ``geostory/story`` version 1::

    {
      "schema": "geostory/story", "version": 1,
      "title": str, "traveller": str | null, "traveller_ar": str | null, "traveller_latin": str | null,
      "articles": [{"name", "title", "url", "source", "language",
                    "published": "YYYY-MM-DD" | null, "published_source", "published_certainty"}],
      "stops":  [{"seq": 1.., "id", "name", "name_ar", "lat", "lon", "place_type",
                  "uncertainty_km", "date_start", "date_end", "date_certainty",
                  "role": Role, "caption", "also": [str], "quotes": [Quote],
                  "happened": Quote | null}],
      "places": [{"id", "name", "name_ar", "lat", "lon", "place_type",
                  "uncertainty_km", "roles": [Role], "quotes": [Quote]}]
    }
    Quote = {"article", "text", "start", "end", "sentence", "role": Role | null, "why",
             "url": str | null, "source": str | null}

A stop's ``happened`` is the quote whose sentence shows the traveller there
(what happened, told by :func:`stop_headline`); its ``caption`` is how the
reader decided (the reasoning). Both, and the traveller's forms by script,
are optional: a story.json written before them still loads.
``stops`` are the route in order (``seq`` 1, 2, …); ``places`` are the
other places the articles name (datelines, governments, past visits…).
``place_type`` is a :class:`~geo.model.PlaceType`, ``date_certainty`` and
``published_certainty`` a :class:`~geo.model.Certainty`, ``published_source``
a :class:`~geo.model.PublishedSource`, and a role a
:class:`~geo.model.Role` (its value, e.g. ``"visit"``); a quote's role is
``null`` when none is recorded. Any other word is refused on load.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from geo.atomic import write_text_atomic
from geo.errors import InputError
from geo.model import (
    Article,
    Certainty,
    MentionRole,
    Place,
    PlaceFeature,
    PlaceType,
    Published,
    PublishedSource,
    Role,
    Stop,
    Story,
)
from geo.settings import LimitsSettings
from geo.story.happened import event_headline, source_label, story_language, tells_arrival
from geo.text.folding import is_arabic

__all__ = [
    "SCHEMA",
    "VERSION",
    "Quote",
    "StopDoc",
    "PlaceDoc",
    "ArticleDoc",
    "StoryDoc",
    "story_to_doc",
    "dated_stops",
    "stop_headline",
    "article_source",
    "traveller_in",
    "doc_language",
    "date_bounds",
    "load_story",
    "save_story",
]

SCHEMA = "geostory/story"
VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Quote(_Model):
    """One supporting quote: the words of an article that name the place."""

    article: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str = ""
    role: Role | None = None  # None: no role recorded
    why: str = ""
    url: str | None = None
    source: str | None = None


class _Located(_Model):
    id: str
    name: str
    name_ar: str | None = None
    lat: float = Field(ge=-90, le=90, allow_inf_nan=False)
    lon: float = Field(ge=-180, le=180, allow_inf_nan=False)
    place_type: PlaceType
    uncertainty_km: float = Field(default=0.0, ge=0, le=20_040, allow_inf_nan=False)
    quotes: list[Quote] = Field(default_factory=list)


class StopDoc(_Located):
    """A stop of the route."""

    seq: int = Field(ge=1)
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_certainty: Certainty = Certainty.UNKNOWN
    role: Role = Role.VISIT
    caption: str = ""
    also: list[str] = Field(default_factory=list)
    happened: Quote | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> StopDoc:
        if self.date_end is not None and self.date_start is None:
            raise ValueError(f"stop {self.seq}: date_end without date_start")
        if self.date_start and self.date_end and self.date_end < self.date_start:
            raise ValueError(f"stop {self.seq}: date_end {self.date_end} is before date_start {self.date_start}")
        return self


class PlaceDoc(_Located):
    """A place the articles name that is not a stop."""

    roles: list[Role] = Field(default_factory=list)


class ArticleDoc(_Model):
    """An article of the corpus and its publication date."""

    name: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str = "ar"
    published: dt.date | None = None
    published_source: PublishedSource = PublishedSource.UNKNOWN
    published_certainty: Certainty = Certainty.UNKNOWN


class StoryDoc(_Model):
    """The whole story."""

    schema_: Literal["geostory/story"] = Field(default=SCHEMA, alias="schema")
    version: Literal[1] = VERSION
    title: str = ""
    traveller: str | None = None
    traveller_ar: str | None = None
    traveller_latin: str | None = None
    articles: list[ArticleDoc] = Field(default_factory=list)
    stops: list[StopDoc] = Field(default_factory=list)
    places: list[PlaceDoc] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _stops_numbered(self) -> StoryDoc:
        seqs = [s.seq for s in self.stops]
        if seqs != list(range(1, len(seqs) + 1)):
            raise ValueError(f"stops must be numbered 1..{len(seqs)} in order, found {seqs}")
        return self


def stop_headline(stop: StopDoc, lang: str = "en") -> str:
    """The event of a stop in ``lang`` ("Arrives in Jeddah", «يصل إلى جدة»): its role and place name."""
    place = (stop.name_ar or stop.name) if lang == "ar" else stop.name
    quote = stop.happened
    arrival = quote is not None and tells_arrival(quote.sentence, quote.text)
    return event_headline(stop.role, place, lang=lang, arrival=arrival)


def article_source(doc: StoryDoc, name: str, *, quote: Quote | None = None) -> str:
    """An article of ``doc`` named for a reader: outlet, title and date (the url's host, else "article N");
    a ``quote`` of an article the story does not list gives its own outlet and url."""
    index = next((i for i, a in enumerate(doc.articles) if a.name == name), len(doc.articles))
    article = doc.articles[index] if index < len(doc.articles) else None
    if article is None:
        return source_label(index=index, source=quote.source if quote else None, url=quote.url if quote else None)
    return source_label(
        index=index, source=article.source, title=article.title, published=article.published, url=article.url
    )


def doc_language(doc: StoryDoc) -> str:
    """The language the story is told in: the one most of its articles are written in
    (:func:`~geo.story.happened.story_language`)."""
    return story_language(a.language for a in doc.articles)


def traveller_in(doc: StoryDoc, lang: str) -> str | None:
    """The traveller's name in ``lang``'s script when an article gives it, else the main form."""
    form = doc.traveller_ar if lang == "ar" else doc.traveller_latin
    return form or doc.traveller


def dated_stops(stops: list[StopDoc]) -> list[StopDoc]:
    """The stops that have a date, in route (``seq``) order: the route runs through them."""
    return [s for s in stops if s.date_start is not None]


def date_bounds(stops: list[StopDoc]) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the dated stops, or ``None`` when none is dated."""
    dated = dated_stops(stops)
    if not dated:
        return None
    first = min(s.date_start for s in dated if s.date_start)
    last = max((s.date_end or s.date_start) for s in dated if s.date_start)
    return first, last


def _located(place: Place) -> dict[str, object]:
    """The fields a stop and a context place share: identity, names, point (six decimals), type."""
    return {
        "id": place.id,
        "name": place.name,
        "name_ar": place.name_ar,
        "lat": round(place.lat, 6),
        "lon": round(place.lon, 6),
        "place_type": place.place_type,
    }


def _quote(role: MentionRole, articles: dict[str, Article]) -> Quote:
    mention = role.resolution.mention
    article = articles.get(mention.article)
    return Quote(
        article=mention.article,
        text=mention.text,
        start=mention.start,
        end=mention.end,
        sentence=article.sentence_text(mention.sentence) if article else "",
        role=role.role,
        why=role.why,
        url=article.url if article else None,
        source=article.source if article else None,
    )


class _Evidence:
    """Every mention role of the corpus by place, in corpus order (article, then offset)."""

    def __init__(self, story: Story) -> None:
        self.articles = {a.name: a for a in story.articles}
        self._by_place: dict[str, list[MentionRole]] = {}
        for role in story.roles:
            self._by_place.setdefault(role.resolution.place.id, []).append(role)

    def of(self, place_ids: list[str]) -> list[MentionRole]:
        """The mention roles of these places, in corpus order."""
        found = [r for pid in place_ids for r in self._by_place.get(pid, [])]
        return sorted(found, key=lambda r: (r.resolution.mention.article, r.resolution.mention.start))

    def quotes(self, roles: list[MentionRole]) -> list[Quote]:
        """The quotes of ``roles``."""
        return [_quote(r, self.articles) for r in roles]


def _stop_doc(stop: Stop, evidence: _Evidence) -> StopDoc:
    """A stop of the route: its place, widest uncertainty, dates, role, first caption and quotes."""
    place = stop.place
    captions = [r.why for r in stop.evidence if r.first is not None] or [r.why for r in stop.evidence]
    return StopDoc(
        seq=stop.seq,
        **_located(place),
        uncertainty_km=max(r.resolution.uncertainty_km for r in stop.evidence),
        date_start=stop.date_start,
        date_end=stop.date_end,
        date_certainty=stop.certainty,
        role=stop.role,
        caption=captions[0] if captions else stop.role,
        also=[p.name for p in stop.also],
        happened=_quote(stop.happened, evidence.articles) if stop.happened is not None else None,
        quotes=evidence.quotes(evidence.of([place.id, *(p.id for p in stop.also)])),
    )


def _place_doc(feature: PlaceFeature, evidence: _Evidence) -> PlaceDoc:
    """A place the articles name that is not a stop: its roles (sorted, once each) and quotes."""
    roles = evidence.of([feature.place.id])
    return PlaceDoc(
        **_located(feature.place),
        uncertainty_km=feature.uncertainty_km,
        roles=sorted({r.role for r in roles}),
        quotes=evidence.quotes(roles),
    )


def _article_doc(article: Article, published: Published) -> ArticleDoc:
    """An article and its publication date (the day or ``None``, where it came from, how sure)."""
    return ArticleDoc(
        name=article.name,
        title=article.title,
        url=article.url,
        source=article.source,
        language=article.language,
        published=published.date,
        published_source=published.source,
        published_certainty=published.certainty,
    )


def story_to_doc(story: Story) -> StoryDoc:
    """The story document of a built :class:`~geo.model.Story` (its stops, roles, features and
    the publication date of each article, with where it came from)."""
    evidence = _Evidence(story)
    stop_ids = {s.place.id for s in story.stops} | {p.id for s in story.stops for p in s.also}
    return StoryDoc(
        title=story.title,
        traveller=story.traveller,
        traveller_ar=next((n for n in story.traveller_names if is_arabic(n)), None),
        traveller_latin=next((n for n in story.traveller_names if not is_arabic(n)), None),
        articles=[_article_doc(a, story.published.get(a.name, Published.unknown())) for a in story.articles],
        stops=[_stop_doc(stop, evidence) for stop in story.stops],
        places=[_place_doc(f, evidence) for f in story.features if f.place.id not in stop_ids],
    )


def save_story(doc: StoryDoc, path: Path) -> Path:
    """Write ``doc`` as JSON (UTF-8, stable bytes) atomically."""
    data = doc.model_dump(mode="json", by_alias=True)
    return write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def load_story(path: Path, *, limits: LimitsSettings | None = None) -> StoryDoc:
    """Read and validate a ``story.json``.

    ``limits`` (default :class:`~geo.settings.LimitsSettings`) bounds the file's size, checked before it is
    read, and its number of stops, checked before the schema is.

    Raises
    ------
    InputError
        When the file is too large, cannot be read, is not JSON, holds too many stops or breaks the schema
        (one line).
    """
    path = Path(path)
    limits = limits or LimitsSettings()
    try:
        size = path.stat().st_size
        if size > limits.max_story_bytes:
            raise InputError(f"{path.name}: {size:,} bytes, over the limit of {limits.max_story_bytes:,} bytes")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(f"cannot read the story {path.name}: {exc}") from exc
    stops = data.get("stops") if isinstance(data, dict) else None
    if isinstance(stops, list) and len(stops) > limits.max_stops:
        raise InputError(f"{path.name}: {len(stops):,} stops, over the limit of {limits.max_stops:,}")
    try:
        return StoryDoc.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        msg = "not a number (NaN or infinity)" if first.get("type") == "finite_number" else first.get("msg")
        raise InputError(f"{path.name} is not a valid story: {where}: {msg}") from exc
