"""The journey: stops merged across articles, dated and put in route order.

:func:`build_stops` takes every mention role of a corpus and returns the
stops. Per place, the best-supported date wins: an exact date given by the
most mentions, else the narrowest approximate range. A plan becomes a stop
when the corpus confirms it (another mention puts the traveller there) or
when it falls within the journey's dates; it then spans from its article's
publication to the journey's last dated movement. Stops a few kilometres
apart on overlapping dates (a plant in its city) merge into one, and an
airport or other site named after a city folds into that city's stop (one
stop per place and day). Dated stops are ordered by date (on the same day, an
airport landed at and a place the traveller came from first), undated ones
follow in narrative order.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from geo.model import Certainty, MentionRole, Place, PlaceType, Role, Stop
from geo.places.distances import haversine_km
from geo.settings import TimelineSettings
from geo.text.folding import name_key

__all__ = ["Journey", "build_stops", "journey_window"]

#: Among stops on the same day, the surer date first.
_CERTAINTY_RANK = {Certainty.EXACT: 0, Certainty.APPROXIMATE: 1, Certainty.UNKNOWN: 2}


@dataclass(frozen=True, slots=True)
class Journey:
    """The dates the corpus puts the traveller on the move (``None`` when unknown)."""

    first: dt.date | None
    last: dt.date | None


@dataclass(slots=True)
class _Draft:
    place: Place
    roles: list[MentionRole]
    start: dt.date | None = None
    end: dt.date | None = None
    certainty: Certainty = Certainty.UNKNOWN
    role: Role = Role.VISIT
    why: str = ""
    also: tuple[Place, ...] = ()

    @property
    def position(self) -> tuple[str, int]:
        first = min(self.roles, key=lambda r: (r.resolution.mention.article, r.resolution.mention.start))
        return first.resolution.mention.article, first.resolution.mention.start


def journey_window(roles: list[MentionRole], *, span_days: int | None = None) -> Journey:
    """First and last day of the traveller's dated movements (stops and border crossings).

    A movement dated only to a range longer than ``span_days`` (a month, a
    year: "in April") does not bound the journey (``None``: every range does).
    """
    days = [
        day
        for r in roles
        if r.role not in (Role.PLAN, Role.HISTORICAL) and (r.stop or r.role == Role.COUNTRY)
        and r.first is not None
        and (span_days is None or ((r.last or r.first) - r.first).days <= span_days)
        for day in (r.first, r.last)
        if day is not None
    ]  # fmt: skip
    return Journey(min(days), max(days)) if days else Journey(None, None)


def _best_date(roles: list[MentionRole]) -> tuple[dt.date | None, dt.date | None, Certainty, str]:
    exact = Counter((r.first, r.last) for r in roles if r.certainty == Certainty.EXACT and r.first is not None)
    if exact:
        (first, last), votes = max(exact.items(), key=lambda kv: (kv[1], -kv[0][0].toordinal()))
        return first, last, Certainty.EXACT, f"{votes} mention(s) give this date"
    approx = [(r.first, r.last or r.first) for r in roles if r.first is not None]
    if approx:
        first, last = min(approx, key=lambda fl: ((fl[1] - fl[0]).days, fl[0]))
        return first, last, Certainty.APPROXIMATE, "the narrowest range its mentions allow"
    return None, None, Certainty.UNKNOWN, "no mention gives a date"


def _plan_range(plan: MentionRole, published: dict[str, dt.date | None], journey: Journey) -> tuple | None:
    if plan.first is not None:  # the plan states its day: kept when the journey reaches it
        inside = journey.first is not None and journey.last is not None and journey.first <= plan.first <= journey.last
        return (plan.first, plan.last or plan.first) if inside else None
    said = published.get(plan.resolution.mention.article)
    if said is None or journey.last is None or said >= journey.last:
        return None  # the journey's known movements end before the leg announced: it stays a plan
    return max(said, journey.first or said), journey.last


def build_stops(
    roles: list[MentionRole], *, published: dict[str, dt.date | None], settings: TimelineSettings | None = None
) -> tuple[Stop, ...]:
    """The route's stops, ordered and numbered.

    Parameters
    ----------
    roles:
        Every mention role of the corpus.
    published:
        Publication date of each article by name (``None`` when unknown).
    settings:
        How close a site must be to merge into a stop, or to fold into its city's
        (default :class:`~geo.settings.TimelineSettings`).

    Returns
    -------
    tuple of Stop
    """
    settings = settings or TimelineSettings()
    journey = journey_window(roles, span_days=settings.window_span_days)
    by_place: dict[str, list[MentionRole]] = defaultdict(list)
    for role in roles:
        if role.stop:
            by_place[role.resolution.place.id].append(role)
    drafts: list[_Draft] = []
    for group in by_place.values():
        group.sort(key=lambda r: (r.resolution.mention.article, r.resolution.mention.start))
        draft = _Draft(place=group[0].resolution.place, roles=group)
        present = [r for r in group if r.role != Role.PLAN]
        if present:
            draft.start, draft.end, draft.certainty, draft.why = _best_date(present)
            draft.role = Counter(r.role for r in present).most_common(1)[0][0]
        else:
            ranges = [rng for p in group if (rng := _plan_range(p, published, journey)) is not None]
            if not ranges:
                continue  # a plan the journey's dates do not reach stays context
            draft.start, draft.end = min(ranges, key=lambda fl: ((fl[1] - fl[0]).days, fl[0]))
            draft.certainty, draft.role = Certainty.APPROXIMATE, Role.PLAN
            draft.why = "announced, and within the journey's dates"
        drafts.append(draft)
    drafts = _merge_nearby(_fold_sites(drafts, settings=settings), settings=settings)
    drafts = _route_order(drafts, roles)
    return tuple(
        Stop(
            seq=i,
            place=d.place,
            date_start=d.start,
            date_end=d.end,
            certainty=d.certainty,
            role=d.role,
            evidence=tuple(d.roles),
            also=d.also,
            why=d.why if d.start else f"{d.why}; undated: placed by narrative order",
        )
        for i, d in enumerate(drafts, start=1)
    )


def _overlap(a: _Draft, b: _Draft) -> bool:
    if a.start is None or b.start is None:
        return True
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _absorb(host: _Draft, draft: _Draft) -> None:
    """``draft`` becomes part of ``host``'s stop (named on its card).

    The surer date wins; a site used on another day of the stay, dated as
    surely, stretches the stop over both days (approximate).
    """
    host.roles.extend(draft.roles)
    host.roles.sort(key=lambda r: (r.resolution.mention.article, r.resolution.mention.start))
    host.also = (*host.also, draft.place, *draft.also)
    stretch = host.start is not None and draft.start is not None and not _overlap(host, draft)
    if stretch and host.certainty == draft.certainty:
        host.start, host.end = min(host.start, draft.start), max(host.end or host.start, draft.end or draft.start)
        host.certainty = Certainty.APPROXIMATE
    elif host.start is None or (draft.certainty == Certainty.EXACT and host.certainty != Certainty.EXACT):
        host.start, host.end, host.certainty = draft.start, draft.end, draft.certainty


def _days_apart(a: _Draft, b: _Draft) -> int:
    """How many days lie between two dated drafts (0 when their dates overlap or one is undated)."""
    if a.start is None or b.start is None or _overlap(a, b):
        return 0
    return max((b.start - (a.end or a.start)).days, (a.start - (b.end or b.start)).days)


def _names(draft: _Draft) -> set[str]:
    """The folded names a draft goes by: its place's names and the surface forms of its mentions."""
    names = {name_key(n) for n in (draft.place.name, draft.place.name_ar or "")}
    names |= {name_key(r.resolution.mention.text) for r in draft.roles}
    names.discard("")
    return names


def _named_after(site: _Draft, city: _Draft) -> bool:
    """Tell whether one of ``site``'s names holds a name of ``city`` («مطار X», "East X")."""
    return any(name in own for name in _names(city) for own in _names(site))


def _of_city(site: _Draft, city: _Draft, km: float, settings: TimelineSettings) -> bool:
    """Tell whether a site ``km`` from a city stop belongs to it, in the same country: named after it
    within ``fold_km`` and ``stay_days`` of its dates, or an airport within ``airport_km`` used the same day."""
    if site.place.country and city.place.country and site.place.country != city.place.country:
        return False
    if km <= settings.fold_km and _days_apart(site, city) <= settings.stay_days and _named_after(site, city):
        return True
    return site.place.feature == "airport" and km <= settings.airport_km and _overlap(site, city)


def _fold_sites(drafts: list[_Draft], *, settings: TimelineSettings) -> list[_Draft]:
    """An airport, palace or other site used the same day folds into its city's stop (one stop per place and day).

    The nearest city stop that the site belongs to (:func:`_of_city`) takes
    it in, and names it on its card.
    """
    cities = [d for d in drafts if d.place.place_type == PlaceType.CITY]
    kept: list[_Draft] = []
    for draft in drafts:
        if draft.place.place_type != PlaceType.FACILITY:
            kept.append(draft)
            continue
        near = sorted(
            (haversine_km(c.place.lat, c.place.lon, draft.place.lat, draft.place.lon), i) for i, c in enumerate(cities)
        )
        host = next((cities[i] for km, i in near if _of_city(draft, cities[i], km, settings)), None)
        if host is None:
            kept.append(draft)
        else:
            _absorb(host, draft)
    return kept


def _mergeable(a: _Draft, b: _Draft, *, settings: TimelineSettings) -> bool:
    """Tell whether two stops on overlapping dates are one: a site within ``merge_km`` of a place (a plant in
    its city); two towns only when one is named after the other or they lie within ``same_town_km``."""
    km = haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
    if km > settings.merge_km or not _overlap(a, b) or PlaceType.RELATIVE in (a.place.place_type, b.place.place_type):
        return False
    if a.place.place_type == b.place.place_type == PlaceType.CITY:
        return km <= settings.same_town_km or _named_after(a, b) or _named_after(b, a)
    return True


def _merge_nearby(drafts: list[_Draft], *, settings: TimelineSettings) -> list[_Draft]:
    """Stops that are one place (:func:`_mergeable`) become one, the most mentioned hosting."""
    drafts = sorted(drafts, key=lambda d: (-len(d.roles), d.position))
    kept: list[_Draft] = []
    for draft in drafts:
        host = next((k for k in kept if _mergeable(k, draft, settings=settings)), None)
        if host is None:
            kept.append(draft)
        else:
            _absorb(host, draft)
    return kept


def _earlier_pairs(drafts: list[_Draft], roles: list[MentionRole]) -> set[tuple[int, int]]:
    """``(a, b)``: stop ``a`` comes before stop ``b`` because an article tells it so.

    A place the traveller came from («قادما من X», "upon his arrival from X")
    or visited before ("after visiting X") precedes the other stops of its
    sentence, or of its article when its sentence names no other stop; a
    place left for another ("leaving X for Y", «غادر X متوجها إلى Y»)
    precedes the places named after it in its sentence; a place reached
    "before" ("shortly before arriving in Y") follows the other stops of its
    sentence.
    """
    owner: dict[str, int] = {}
    for i, draft in enumerate(drafts):
        owner.update({p.id: i for p in (draft.place, *draft.also)})
    in_article: dict[str, set[int]] = defaultdict(set)  # the stops each article names, and each sentence
    in_sentence: dict[tuple[str, int], list[tuple[int, MentionRole]]] = defaultdict(list)
    for r in roles:
        j, mention = owner.get(r.resolution.place.id), r.resolution.mention
        if j is not None:
            in_sentence[mention.article, mention.sentence].append((j, r))
            if r.stop:
                in_article[mention.article].add(j)
    pairs: set[tuple[int, int]] = set()
    for i, draft in enumerate(drafts):
        for role in draft.roles:
            mention = role.resolution.mention
            sentence = [(j, r) for j, r in in_sentence[mention.article, mention.sentence] if j != i]
            if role.earlier:
                stops = {j for j, r in sentence if r.stop} or in_article[mention.article] - {i}
                pairs.update((i, j) for j in stops)
            elif role.later:
                pairs.update((j, i) for j, r in sentence if r.stop)
            elif role.role == Role.DEPARTURE:
                pairs.update((i, j) for j, r in sentence if r.resolution.mention.start > mention.start)
    return pairs


def _route_order(drafts: list[_Draft], roles: list[MentionRole]) -> list[_Draft]:
    """Drafts by date (:func:`_order_key`); on the same days, as the articles tell their sequence
    (:func:`_earlier_pairs`)."""
    drafts = sorted(drafts, key=_order_key)
    pairs = _earlier_pairs(drafts, roles)
    order = list(range(len(drafts)))
    moved = True
    while moved:
        moved = False
        for k in range(len(order) - 1):
            a, b = order[k], order[k + 1]
            same_days = (drafts[a].start, drafts[a].end) == (drafts[b].start, drafts[b].end)
            if same_days and (b, a) in pairs and (a, b) not in pairs:
                order[k], order[k + 1] = b, a
                moved = True
    return [drafts[i] for i in order]


def _landing(draft: _Draft) -> int:
    """0 for an airport the traveller is at but not told to leave from (a landing opens the day's route), else 1."""
    return 0 if draft.place.feature == "airport" and draft.role != Role.DEPARTURE else 1


def _order_key(draft: _Draft) -> tuple:
    """Dated stops by date; on the same days a landing first, then the surer date, then narrative order."""
    if draft.start is None:
        return (1, dt.date.max, dt.date.max, 1, 2, draft.position)
    start, end = draft.start, draft.end or draft.start
    return (0, start, end, _landing(draft), _CERTAINTY_RANK[draft.certainty], draft.position)
