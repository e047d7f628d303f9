"""One article's reading, on a worker: places, publication date, dates, traveller and roles (no outputs).

A worker keeps one :class:`~geo.pipeline.Pipeline` per settings (its gazetteer
loaded once, at the first task: a module-level cache), reads a batch of
articles and returns, for each, its content key, its pickled :class:`Reading`
and a small :class:`Digest` the journeys are found from, or the error that
stopped it (one bad article fails alone).
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from geo import __version__
from geo.dates.expressions import TimeExpr, find_dates
from geo.dates.publication import publication_date
from geo.errors import GeoStoryError
from geo.model import Article, Mention, Published, Resolution, Role
from geo.pipeline import Pipeline
from geo.places.gazetteer import index_fingerprint
from geo.places.gazetteer_sources import DATA_DIR
from geo.places.phonetic import phonetic_key
from geo.settings import Settings
from geo.story.roles import assign_roles
from geo.story.traveller import Person, find_traveller, load_people_words, traveller_keys
from geo.text.folding import fold_text, tokens

__all__ = [
    "Digest",
    "Reading",
    "anchor_date",
    "content_key",
    "read_batch",
    "read_one",
    "reader_version",
    "traveller_key",
    "traveller_sounds",
    "worker_pipeline",
]


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything read from one article, up to its mention roles and dates."""

    article: Article
    mentions: tuple[Mention, ...]
    resolutions: tuple[Resolution, ...]
    published: Published
    dates: tuple[TimeExpr, ...]
    person: Person | None


@dataclass(frozen=True, slots=True)
class Digest:
    """What the journeys are found from: who travels, when it was published, the stops' roles and countries.

    Attributes
    ----------
    stops:
        ``(role, country, first day)`` of each stop role the article gives its own traveller, in text order.
    sounds:
        The consonant keys of every word of the traveller's names in both scripts (:func:`traveller_sounds`).
    countries:
        The countries of every place the article names (sorted).
    """

    name: str
    traveller: str | None
    names: tuple[str, ...]
    published: str | None
    stops: tuple[tuple[str, str, str | None], ...]
    sounds: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()

    def to_json(self) -> str:
        """The digest as one line of JSON (stored next to the reading)."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Digest:
        """The digest :meth:`to_json` wrote."""
        data = json.loads(text)
        stops = tuple(tuple(stop) for stop in data["stops"])
        more = (tuple(data.get("sounds", ())), tuple(data.get("countries", ())))
        return cls(data["name"], data["traveller"], tuple(data["names"]), data["published"], stops, *more)  # type: ignore[arg-type]


#: What a reading is worked out by, beside the settings and the gazetteer: the reading stages' code (and this
#: module's, which decides what a kept reading holds), under the package; their word lists, under the data.
_READER_CODE = ("*.py", "text/*.py", "places/**/*.py", "dates/*.py", "story/*.py", "archive/reading.py")
_READER_DATA = ("lexicon/*", "furniture.yaml")


@cache
def _reader_digest() -> str:
    """A SHA-256 of the reading stages' source files and word lists, read once a process; each pattern's number
    of files goes in too, so a tree that lacks some (an installation without the word lists) stamps otherwise."""
    digest = hashlib.sha256()
    for root, patterns in ((Path(__file__).resolve().parents[1], _READER_CODE), (DATA_DIR, _READER_DATA)):
        for pattern in patterns:
            paths = sorted(p for p in root.glob(pattern) if p.is_file())
            digest.update(f"{pattern}: {len(paths)}\0".encode())
            for path in paths:
                digest.update(f"{path.relative_to(root).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def reader_version(settings_json: str) -> str:
    """The version of the reader, which a cached reading must match: the package version and a digest of the
    settings, of the gazetteer index's fingerprint and of the reading stages' code and word lists (a change of any
    of them re-reads every article)."""
    digest = hashlib.sha256(
        "\n".join((settings_json, index_fingerprint(), _reader_digest())).encode("utf-8")
    ).hexdigest()[:16]
    return f"{__version__}+{digest}"


def content_key(article: Article, *, version: str) -> str:
    """A key of the article's content and name under one reader version (SHA-256, hex)."""
    fields = (article.name, article.text, article.language, article.title, article.url, article.source)
    data = json.dumps([version, *fields, article.published.isoformat() if article.published else None])
    return hashlib.sha256(data.encode("utf-8", errors="surrogatepass")).hexdigest()


def traveller_key(person: Person | None) -> str | None:
    """A traveller's key across scripts: the consonant skeleton of their name word (``بوتين``, ``Putin``: BTN)."""
    keys = sorted(traveller_keys(person))
    if not keys:
        return None
    sounds = sorted(phonetic_key(key) for key in keys)
    return sounds[0] or keys[0]


@cache
def _not_names() -> frozenset[str]:
    """Folded words that are no part of a person's own name: particles (``bin``, ``al``) and styles."""
    words = load_people_words()
    return words.particles | words.styles


def traveller_sounds(person: Person | None) -> tuple[str, ...]:
    """The consonant keys of the words of a traveller's names, both scripts, and of two words run together.

    ``بشار الأسد`` and ``Bashar al-Assad`` share ``BSR`` and ``SD`` (the Arabic article is dropped);
    ``شي جين بينغ`` and ``Xi Jinping`` share ``JNBNK``. Particles and styles count for nothing.
    """
    if person is None:
        return ()
    skip = _not_names()
    sounds = {phonetic_key(key) for key in person.keys if key not in skip}
    for name in (person.name, *person.names):
        words = [t.text for t in tokens(fold_text(name)) if t.text not in skip]
        words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words]
        keys = [phonetic_key(w) for w in words]
        sounds.update(keys)
        sounds.update(a + b for a, b in zip(keys, keys[1:], strict=False))
    return tuple(sorted(s for s in sounds if s))


def anchor_date(published: Published, settings: Settings) -> object:
    """The publication date dates are anchored to, or ``None`` when unknown or implausible (a typo)."""
    first, last = settings.dates.plausible_years
    date = published.date
    return date if date is not None and first <= date.year <= last else None


@cache
def worker_pipeline(settings_json: str) -> Pipeline:
    """One pipeline per settings in this process: the gazetteer is loaded (memory-mapped) once."""
    return Pipeline(settings=Settings.model_validate_json(settings_json))


def read_one(article: Article, pipeline: Pipeline) -> tuple[Reading, Digest]:
    """Read one article with ``pipeline``: places, publication date, dates, traveller, roles."""
    settings = pipeline.settings
    zipf = pipeline.gazetteer.zipf
    result = pipeline.process(article)
    published = publication_date(article, frequencies=zipf, settings=settings.dates)
    anchor = anchor_date(published, settings)
    dates = find_dates(
        article, anchor=anchor, anchor_certainty=published.certainty, frequencies=zipf, settings=settings.dates
    )
    person = find_traveller(
        [article], pipeline.gazetteer, settings=settings.traveller, places=[r.mention.text for r in result.resolutions]
    )
    roles = assign_roles(
        article,
        result.resolutions,
        dates,
        published=anchor,
        traveller_keys=traveller_keys(person),
        frequencies=zipf,
        settings=settings.roles,
        date_settings=settings.dates,
    )
    stops = tuple(
        (str(r.role), r.resolution.place.country or "", r.first.isoformat() if r.first else None)
        for r in roles
        if r.stop and r.role in Role.stops()
    )
    reading = Reading(article, result.mentions, result.resolutions, published, tuple(dates), person)
    digest = Digest(
        name=article.name,
        traveller=traveller_key(person),
        names=person.names if person else (),
        published=anchor.isoformat() if anchor else None,
        stops=stops,
        sounds=traveller_sounds(person),
        countries=tuple(sorted({r.place.country for r in result.resolutions if r.place.country})),
    )
    return reading, digest


def read_batch(articles: list[tuple[str, Article]], settings_json: str) -> list[tuple[str, bytes | None, str]]:
    """Read a batch on a worker: for each ``(key, article)``, ``(key, pickled reading, digest JSON)``.

    An article that fails gives ``(key, None, error message)``; the others are read all the same.
    """
    pipeline = worker_pipeline(settings_json)
    out: list[tuple[str, bytes | None, str]] = []
    for key, article in articles:
        try:
            reading, digest = read_one(article, pipeline)
        except Exception as exc:  # noqa: BLE001 - one bad article fails alone, with its error
            out.append((key, None, f"{type(exc).__name__}: {exc}" if not isinstance(exc, GeoStoryError) else str(exc)))
            continue
        out.append((key, pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL), digest.to_json()))
    return out
