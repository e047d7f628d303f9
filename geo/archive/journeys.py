"""Journeys found across an archive's outlets: one traveller's articles that hang together in time and place.

Two passes over the articles in the order of their publication dates:

1. **By traveller.** An article joins the open journey whose traveller sounds
   like its own (:func:`~geo.archive.reading.traveller_sounds`: every word of
   the names in both scripts, alike when equal or, for long keys, one letter
   apart), the one with most votes; a journey closes when more than
   ``ArchiveSettings.gap_days`` pass, or after an article that ends with the
   traveller back home (a visit in the country they most often depart from).
2. **By time and place.** The traveller is found per article and is sometimes
   the host, a bystander or nobody: a small journey (at most
   ``host_max_articles``) or an article with no traveller joins a larger journey
   of another traveller that shares a country it visits (a small journey with no
   stop: that it names; an article with no traveller must give a stop in a
   country on a day the journey is there, as a country's other news of those
   days is no part of the visit) and whose dates it lies
   within (``lead_days`` before the first, ``join_days`` after the last of the
   dates pass 1 gave it: what joins never stretches a journey, or a week of a
   country's news would chain into it), the one sharing most countries.

An undated article joins the latest journey of its traveller (as in one
folder, it is taken to be no older than the others). An article with no
traveller that fits no journey, or undated with no journey of its traveller,
belongs to no journey, and says why.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from geo.archive.reading import Digest
from geo.model import Role
from geo.settings import ArchiveSettings

__all__ = ["Journey", "Unjourneyed", "alike", "find_journeys", "home_country", "slug"]


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


@dataclass(frozen=True, slots=True)
class _Item:
    date: dt.date
    key: str
    digest: Digest
    sounds: frozenset[str]
    countries: frozenset[str]


@dataclass(slots=True)
class _Group:
    items: list[_Item]
    sounds: Counter[str] = field(default_factory=Counter)
    countries: set[str] = field(default_factory=set)
    back: dt.date | None = None

    def add(self, item: _Item) -> None:
        self.items.append(item)
        self.sounds.update(item.sounds)
        self.countries |= item.countries

    @property
    def first(self) -> dt.date:
        return min(item.date for item in self.items)

    @property
    def last(self) -> dt.date:
        return max(item.date for item in self.items)


def home_country(digests: Iterable[Digest]) -> str | None:
    """The country a traveller most often departs from (ties: the first by code), or ``None``."""
    counts = Counter(country for d in digests for role, country, _ in d.stops if role == Role.DEPARTURE and country)
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], c))


def alike(a: str, b: str, *, fuzzy_length: int) -> bool:
    """Two name sounds of one person: equal, or both at least ``fuzzy_length`` long and one letter apart."""
    if a == b:
        return True
    if min(len(a), len(b)) < fuzzy_length or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def _sounds(digest: Digest, settings: ArchiveSettings) -> frozenset[str]:
    """The sounds a traveller is matched on (``Z`` read as ``S``; one-letter keys only when nothing else)."""
    strong = {s.replace("Z", "S") for s in digest.sounds if len(s) >= settings.min_sound_length}
    return frozenset(strong or ({digest.traveller} if digest.traveller else ()))


def _votes(sounds: frozenset[str], group: _Group, settings: ArchiveSettings) -> int:
    """How many of the group's articles share a sound with ``sounds``."""
    best = 0
    for mine in sounds:
        for theirs, count in group.sounds.items():
            if count > best and alike(mine, theirs, fuzzy_length=settings.fuzzy_sound_length):
                best = count
    return best


def _ends_home(digest: Digest, home: str | None) -> dt.date | None:
    """The day the article's traveller is back home, when its last dated stop is a visit there."""
    dated = [(day, role, country) for role, country, day in digest.stops if day]
    if home is None or not dated:
        return None
    day, role, country = max(dated)
    return dt.date.fromisoformat(day) if role == Role.VISIT and country == home else None


def _by_traveller(items: list[_Item], homes: dict[str, str | None], settings: ArchiveSettings) -> list[_Group]:
    """Pass 1: dated articles (sorted) with a traveller, each in the open journey of the traveller it sounds like."""
    groups: list[_Group] = []
    open_: list[_Group] = []
    for item in items:
        open_ = [g for g in open_ if (item.date - g.items[-1].date).days <= settings.gap_days]
        fits = [(n, g) for n, g in enumerate(open_) if g.back is None or item.date <= g.back]
        scored = [(v, len(g.items), -n, g) for n, g in fits if (v := _votes(item.sounds, g, settings))]
        if scored:
            group = max(scored, key=lambda t: t[:3])[3]
        else:
            group = _Group([])
            groups.append(group)
            open_.append(group)
        home = homes.get(item.digest.traveller or "")
        visited = home in group.countries  # a country the journey visits is no home to come back to
        group.add(item)
        group.back = (None if visited else _ends_home(item.digest, home)) or group.back
    return groups


def _attach(groups: list[_Group], loose: list[_Item], settings: ArchiveSettings) -> list[_Item]:
    """Pass 2: small journeys and articles with no traveller join the larger journey their dates and places fit.

    Returns the loose articles that fit none; ``groups`` loses the journeys merged into another.
    """
    pad, lead = dt.timedelta(days=settings.join_days), dt.timedelta(days=settings.lead_days)
    spans = {id(g): (g.first - lead, g.last + pad) for g in groups}  # the traveller's own dates, never stretched
    minors = [g for g in groups if len(g.items) <= settings.host_max_articles]
    days = {id(g): _stop_days(g.items) for g in groups}
    singles = [_Group([item], countries=set(item.countries)) for item in loose if _stop_days([item])]
    left, gone = [item for item in loose if not _stop_days([item])], set()
    for minor in sorted([*singles, *minors], key=lambda g: (len(g.items), g.first, g.items[0].digest.name)):
        first, last = minor.first, minor.last
        fits = [
            (len(minor.countries & g.countries), len(g.items), -n, g)
            for n, g in enumerate(groups)
            if id(g) not in gone
            and len(g.items) > len(minor.items)
            and minor.countries & g.countries
            and not _votes(frozenset(minor.sounds), g, settings)
            and (minor not in singles or not _stop_days(minor.items).isdisjoint(days[id(g)]))
            and spans[id(g)][0] <= first
            and last <= spans[id(g)][1]
        ]
        if fits:
            target = max(fits, key=lambda t: t[:3])[3]
            for item in minor.items:
                target.add(item)
            gone.add(id(minor))
        elif minor in singles:
            left.extend(minor.items)
    groups[:] = [g for g in groups if id(g) not in gone]
    return left


def _stop_days(items: Iterable[_Item]) -> set[tuple[str, str]]:
    """``(country, day)`` of every dated stop the articles give their traveller (departures aside)."""
    return {(c, day) for i in items for role, c, day in i.digest.stops if c and day and role != Role.DEPARTURE}


def _journey(group: _Group) -> Journey:
    items = sorted(group.items, key=lambda i: (i.date, i.digest.name, i.key))
    travellers = Counter(i.digest.traveller for i in items if i.digest.traveller)
    traveller = min(travellers, key=lambda t: (-travellers[t], t)) if travellers else ""
    names = Counter(name for i in items for name in i.digest.names)
    ordered = tuple(sorted(names, key=lambda n: (-names[n], n)))
    keys = tuple(i.key for i in items)
    return Journey(traveller, ordered, keys, items[0].date, items[-1].date, tuple(i.digest.name for i in items))


def find_journeys(
    digests: Iterable[tuple[str, Digest]], *, settings: ArchiveSettings
) -> tuple[list[Journey], list[Unjourneyed]]:
    """The journeys of an archive's readings, sorted by first date then traveller, with unique slugs.

    Parameters
    ----------
    digests:
        ``(key, digest)`` of every article read.
    settings:
        ``gap_days``, ``join_days``, ``host_max_articles`` and the sound lengths decide the journeys.
    """
    dated: list[_Item] = []
    undated: list[_Item] = []
    by_traveller: dict[str, list[Digest]] = {}
    for key, digest in digests:
        countries = frozenset(country for role, country, _ in digest.stops if country and role != Role.DEPARTURE)
        countries = countries or frozenset(digest.countries)  # no stop: the countries it names
        date = dt.date.fromisoformat(digest.published) if digest.published else dt.date.min
        item = _Item(date, key, digest, _sounds(digest, settings), countries)
        (dated if digest.published else undated).append(item)
        if digest.traveller:
            by_traveller.setdefault(digest.traveller, []).append(digest)
    homes = {traveller: home_country(found) for traveller, found in by_traveller.items()}
    dated.sort(key=lambda i: (i.date, i.digest.name, i.key))
    groups = _by_traveller([i for i in dated if i.sounds], homes, settings)
    unplaced = _attach(groups, [i for i in dated if not i.sounds], settings)
    left = [Unjourneyed(i.digest.name, "no traveller found") for i in unplaced]
    for item in sorted(undated, key=lambda i: (i.digest.name, i.key)):
        scored = [(g.last, v, -n, g) for n, g in enumerate(groups) if (v := _votes(item.sounds, g, settings))]
        if scored:
            target = max(scored, key=lambda t: t[:3])[3]
            target.items.append(replace(item, date=target.last))
        else:
            reason = "no publication date" if item.sounds else "no traveller found"
            left.append(Unjourneyed(item.digest.name, reason))
    journeys = sorted((_journey(g) for g in groups), key=lambda j: (j.first, j.traveller, j.keys))
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
