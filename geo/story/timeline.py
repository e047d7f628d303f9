"""The journey: stops merged across articles, dated and put in route order.

:func:`build_stops` takes every mention role of a corpus and returns the
stops. Per place, the best-supported date wins: an exact date given by the
most mentions, else the narrowest approximate range. A plan becomes a stop
when the corpus confirms it (another mention puts the traveller there) or
when it falls within the journey's dates; it then spans from its article's
publication to the journey's last dated movement. Stops a few kilometres
apart on overlapping dates (a plant in its city) merge into one. Dated
stops are ordered by date, undated ones follow in narrative order.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from geo.model import Certainty, MentionRole, Place, PlaceType, Role, Stop
from geo.places.resolution import haversine_km
from geo.settings import TimelineSettings

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


def journey_window(roles: list[MentionRole]) -> Journey:
    """First and last day of the traveller's dated movements (stops and border crossings)."""
    days = [
        day
        for r in roles
        if r.role not in (Role.PLAN, Role.HISTORICAL) and (r.stop or r.role == Role.COUNTRY)
        for day in (r.first, r.last)
        if day is not None
    ]
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
    if said is None or journey.last is None or said > journey.last:
        return None
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
        How close a site must be to merge into a stop (default :class:`~geo.settings.TimelineSettings`).

    Returns
    -------
    tuple of Stop
    """
    journey = journey_window(roles)
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
    drafts = _merge_nearby(drafts, merge_km=(settings or TimelineSettings()).merge_km)
    drafts.sort(key=_order_key)
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


def _merge_nearby(drafts: list[_Draft], *, merge_km: float) -> list[_Draft]:
    """Stops within ``merge_km`` of each other on overlapping dates become one (a plant in its city)."""
    drafts = sorted(drafts, key=lambda d: (-len(d.roles), d.position))
    kept: list[_Draft] = []
    for draft in drafts:
        host = next(
            (
                k
                for k in kept
                if haversine_km(k.place.lat, k.place.lon, draft.place.lat, draft.place.lon) <= merge_km
                and _overlap(k, draft)
                and PlaceType.RELATIVE not in (k.place.place_type, draft.place.place_type)
            ),
            None,
        )
        if host is None:
            kept.append(draft)
            continue
        host.roles.extend(draft.roles)
        host.roles.sort(key=lambda r: (r.resolution.mention.article, r.resolution.mention.start))
        host.also = (*host.also, draft.place)
        if host.start is None or (draft.certainty == Certainty.EXACT and host.certainty != Certainty.EXACT):
            host.start, host.end, host.certainty = draft.start, draft.end, draft.certainty
    return kept


def _order_key(draft: _Draft) -> tuple:
    if draft.start is None:
        return (1, dt.date.max, dt.date.max, 2, draft.position)
    return (0, draft.start, draft.end or draft.start, _CERTAINTY_RANK[draft.certainty], draft.position)
