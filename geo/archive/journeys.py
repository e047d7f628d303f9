"""Journeys found across an archive's outlets: one traveller's articles that hang together in time.

The articles of one traveller (their key across scripts,
:func:`~geo.archive.reading.traveller_key`) are put in the order of their
publication dates; a new journey starts where more than
``ArchiveSettings.gap_days`` pass between two articles, or after an article
that ends with the traveller back home (a visit in the country they most often
depart from) when the next one is published later. An undated article joins
its traveller's last journey (as in one folder, it is taken to be no older than
the others). An article with no traveller, or undated with a traveller who has
no dated article, belongs to no journey, and says why.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from geo.archive.reading import Digest
from geo.model import Role
from geo.settings import ArchiveSettings

__all__ = ["Journey", "Unjourneyed", "find_journeys", "home_country", "slug"]


@dataclass(frozen=True, slots=True)
class Journey:
    """One journey: its traveller, the keys of its articles (in order) and their publication dates."""

    traveller: str
    names: tuple[str, ...]
    keys: tuple[str, ...]
    first: dt.date
    last: dt.date
    articles: tuple[str, ...] = ()
    slug: str = ""


@dataclass(frozen=True, slots=True)
class Unjourneyed:
    """An article that belongs to no journey, and why."""

    name: str
    reason: str


def home_country(digests: Iterable[Digest]) -> str | None:
    """The country a traveller most often departs from (ties: the first by code), or ``None``."""
    counts = Counter(country for d in digests for role, country, _ in d.stops if role == Role.DEPARTURE and country)
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], c))


def _ends_home(digest: Digest, home: str | None) -> dt.date | None:
    """The day the article's traveller is back home, when its last dated stop is a visit there."""
    dated = [(day, role, country) for role, country, day in digest.stops if day]
    if home is None or not dated:
        return None
    day, role, country = max(dated)
    return dt.date.fromisoformat(day) if role == Role.VISIT and country == home else None


def _split(items: list[tuple[dt.date, str, Digest]], *, gap_days: int) -> list[list[tuple[dt.date, str, Digest]]]:
    """One traveller's dated articles (sorted) cut into journeys."""
    home = home_country(d for _, _, d in items)
    journeys: list[list[tuple[dt.date, str, Digest]]] = []
    back: dt.date | None = None
    for item in items:
        date = item[0]
        near = bool(journeys) and (date - journeys[-1][-1][0]).days <= gap_days
        if near and (back is None or date <= back):
            journeys[-1].append(item)
        else:
            journeys.append([item])
            back = None
        back = _ends_home(item[2], home) or back
    return journeys


def find_journeys(
    digests: Iterable[tuple[str, Digest]], *, settings: ArchiveSettings
) -> tuple[list[Journey], list[Unjourneyed]]:
    """The journeys of an archive's readings, sorted by first date then traveller, with unique slugs.

    Parameters
    ----------
    digests:
        ``(key, digest)`` of every article read.
    settings:
        ``gap_days`` splits a traveller's articles.
    """
    by_traveller: dict[str, list[tuple[dt.date, str, Digest]]] = {}
    left: list[Unjourneyed] = []
    undated: dict[str, list[tuple[str, Digest]]] = {}
    for key, digest in digests:
        if digest.traveller is None:
            left.append(Unjourneyed(digest.name, "no traveller found"))
        elif digest.published is None:
            undated.setdefault(digest.traveller, []).append((key, digest))
        else:
            date = dt.date.fromisoformat(digest.published)
            by_traveller.setdefault(digest.traveller, []).append((date, key, digest))
    journeys = []
    for traveller, loose in sorted(undated.items()):
        if traveller not in by_traveller:
            left.extend(Unjourneyed(d.name, "no publication date") for _, d in loose)
    for traveller, items in sorted(by_traveller.items()):
        items.sort(key=lambda item: (item[0], item[2].name, item[1]))
        parts = _split(items, gap_days=settings.gap_days)
        # an undated article is no older than the traveller's others (as in one folder): their last journey's
        parts[-1].extend((parts[-1][-1][0], key, d) for key, d in sorted(undated.get(traveller, []), key=_by_name))
        for part in parts:
            names = Counter(name for _, _, d in part for name in d.names)
            ordered = tuple(sorted(names, key=lambda n: (-names[n], n)))
            keys = tuple(key for _, key, _ in part)
            articles = tuple(d.name for _, _, d in part)
            journeys.append(Journey(traveller, ordered, keys, part[0][0], part[-1][0], articles))
    journeys.sort(key=lambda j: (j.first, j.traveller, j.keys))
    return _with_slugs(journeys), sorted(left, key=lambda u: u.name)


def _by_name(item: tuple[str, Digest]) -> tuple[str, str]:
    return item[1].name, item[0]


def _with_slugs(journeys: list[Journey]) -> list[Journey]:
    """Each journey with its folder name: first date and traveller, numbered when two would clash."""
    used: Counter[str] = Counter()
    out = []
    for journey in journeys:
        base = f"{journey.first.isoformat()}_{slug(journey.names, fallback=journey.traveller)}"
        used[base] += 1
        name = base if used[base] == 1 else f"{base}-{used[base]}"
        out.append(replace(journey, slug=name))
    return out


def slug(names: Iterable[str], *, fallback: str) -> str:
    """A folder-safe ASCII name: the first Latin-script name, else the traveller key (``donald-trump``)."""
    for name in names:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
        words = re.findall(r"[A-Za-z0-9]+", ascii_name)
        if words and len("".join(words)) * 2 >= len(name.replace(" ", "")):
            return "-".join(words).lower()[:60]
    words = re.findall(r"[A-Za-z0-9]+", fallback)
    return "-".join(words).lower()[:60] or "traveller"
