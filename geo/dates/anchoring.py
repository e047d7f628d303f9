"""Date expressions resolved against the anchor (the publication date): calendar arithmetic.

:func:`resolve` turns one expression (:class:`geo.dates.atoms.Group`) into an
inclusive range of days with a :class:`~geo.model.Certainty` and a note that
says how it was resolved or checked. A day counted from the sentence's event
(«في اليوم التالي», "la veille") is counted from a :class:`Reference`, the
nearest single day named before it, not from the anchor. The rules are those of
:mod:`geo.dates.expressions`; the numbers that decide (how near is near, how
far after the anchor a past date may lie) come from
:class:`~geo.settings.DateSettings`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from geo.dates.atoms import Atom, Group, Piece, day_exists
from geo.dates.date_words import Marker, Unit
from geo.model import Certainty
from geo.settings import DateSettings

__all__ = ["Kind", "Reference", "Resolved", "resolve", "weekday_near"]

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_RELATIVE_NAMES = {
    0: "today",
    -1: "yesterday",
    -2: "the day before yesterday",
    1: "tomorrow",
    2: "the day after tomorrow",
}
_EVENT_NAMES = {-1: "the day before", 0: "the same day as", 1: "the day after"}
_SHIFT = {Marker.PAST: -1, Marker.NEXT: 1, Marker.THIS: 0, Marker.EARLIER: 0}
_PERIOD_WORDS = {Marker.PAST: "last", Marker.NEXT: "next", Marker.THIS: "this", Marker.EARLIER: "earlier this"}
#: A 29 February has a leap year within this many years of any year.
_LEAP_CYCLE = 4


class Kind(StrEnum):
    """What an expression names: a calendar date, a day relative to the anchor,
    a day relative to the sentence's event, a weekday, a month, a year, or a range of days.

    Not :class:`geo.dates.atoms.Piece`, though most words are shared: a piece is
    what the text spells, a kind what the whole expression names (a ``period``
    piece names a ``range``, a ``month`` or a ``year``; a ``date`` piece an
    ``absolute`` day; several pieces together one kind).
    """

    ABSOLUTE = "absolute"
    RELATIVE = "relative"
    EVENT_DAY = "event_day"
    WEEKDAY = "weekday"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved expression, before it is placed in the article.

    ``anchored`` is true when the anchor was needed to resolve it.
    """

    first: dt.date | None
    last: dt.date | None
    kind: Kind
    certainty: Certainty
    note: str
    anchored: bool = False


@dataclass(frozen=True, slots=True)
class Reference:
    """The day an event day («في اليوم التالي», "the previous day") is counted from.

    The nearest single day named before it in the text: the day of the event
    the sentence goes on from.
    """

    day: dt.date
    text: str
    certainty: Certainty


def _unknown(kind: Kind, what: str) -> Resolved:
    """An expression that needs an anchor when there is none."""
    return Resolved(None, None, kind, Certainty.UNKNOWN, f"{what}: no publication date to anchor it")


def _relative_name(offset: int) -> str:
    """The English name of a day offset (yesterday, today…)."""
    return _RELATIVE_NAMES.get(offset, f"{offset:+d} days")


def _day_name(day: dt.date) -> str:
    """A day written out: 15 September 2023."""
    return f"{day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"


def _distance(anchor: dt.date, first: dt.date, last: dt.date) -> int:
    """Days from ``anchor`` to the range (0 inside it)."""
    if first <= anchor <= last:
        return 0
    return min(abs((first - anchor).days), abs((last - anchor).days))


def _near(anchor: dt.date, first: dt.date, last: dt.date, settings: DateSettings) -> Certainty:
    """``exact`` when the range lies within :attr:`~geo.settings.DateSettings.near_days` of the anchor."""
    return Certainty.EXACT if _distance(anchor, first, last) <= settings.near_days else Certainty.APPROXIMATE


def _nearest(candidates: list[dt.date], anchor: dt.date, future: bool, settings: DateSettings) -> dt.date:
    """The candidate nearest before or around the anchor.

    In a future clause the first on or after the anchor; otherwise the latest
    on or before the anchor plus :attr:`~geo.settings.DateSettings.grace_days`
    (news dates past events, and a day a few days ahead is still "around" the anchor).
    """
    if future:
        later = [c for c in candidates if c >= anchor]
        if later:
            return min(later)
    limit = anchor + dt.timedelta(days=settings.grace_days)
    earlier = [c for c in candidates if c <= limit]
    return max(earlier) if earlier else min(candidates)


def _from_anchor(group: Group) -> Atom | None:
    """The group's day relative to the anchor («أمس»), not one counted from an event («في اليوم التالي»)."""
    return group.relative if group.relative is not None and group.relative.kind == Piece.RELATIVE else None


def _infer_day(
    month: int, day: int, group: Group, anchor: dt.date, *, future: bool, settings: DateSettings
) -> tuple[dt.date, bool, str]:
    """The year of a day and month written without one: ``(date, confirmed, note)``.

    The years either side of the anchor's hold the latest such day on or
    before it and the first after it; further years only for a 29 February.
    """
    years = range(anchor.year - _LEAP_CYCLE, anchor.year + _LEAP_CYCLE + 1)
    candidates = [dt.date(y, month, day) for y in years if day_exists(y, month, day)]
    close = [c for c in candidates if abs(c.year - anchor.year) <= 1] or candidates
    relative = _from_anchor(group)
    if relative is not None:
        target = anchor + dt.timedelta(days=relative.value)
        if target in close:
            return target, True, f"year {target.year} from the anchor"
    if group.weekday is not None:
        matching = [c for c in close if c.weekday() == group.weekday.value]
        if matching:
            chosen = _nearest(matching, anchor, future, settings)
            return chosen, True, f"year {chosen.year} from the anchor"
    chosen = _nearest(close, anchor, future, settings)
    how = "the first on or after it, future tense" if future and chosen >= anchor else "the latest before or around it"
    return chosen, False, f"year {chosen.year} from the anchor ({how})"


def _checks(day: dt.date, group: Group, anchor: dt.date | None) -> tuple[list[str], bool]:
    """Check a calendar date against the weekday and relative word written with it."""
    notes, ok = [], True
    if group.weekday is not None:
        said = _WEEKDAY_NAMES[group.weekday.value]
        if day.weekday() == group.weekday.value:
            notes.append(f"{said}: checked")
        else:
            is_ = _WEEKDAY_NAMES[day.weekday()]
            notes.append(f"{_day_name(day)} is a {is_} but the text says {said}: kept the calendar date")
            ok = False
    relative = _from_anchor(group)
    if relative is not None:
        name = _relative_name(relative.value)
        if anchor is None:
            notes.append(f"{name}: not checked, no publication date")
        elif anchor + dt.timedelta(days=relative.value) == day:
            notes.append(f"{name}: checked")
        else:
            expected = anchor + dt.timedelta(days=relative.value)
            notes.append(f"{name} is {_day_name(expected)} but the text says {_day_name(day)}: kept the calendar date")
            ok = False
    return notes, ok


def _resolve_calendar(
    group: Group, anchor: dt.date | None, future: Callable[[], bool], language: str, settings: DateSettings
) -> Resolved:
    """A day and month, with or without a year, checked against its weekday and relative word."""
    atom = group.main
    assert atom is not None and atom.month is not None and atom.day is not None
    if atom.year is not None:
        day = dt.date(atom.year, atom.month, atom.day)
        notes = ["numeric date read day first"] if atom.ambiguous else ["calendar date"]
        certainty = Certainty.APPROXIMATE if atom.ambiguous and language == "en" else Certainty.EXACT
        anchored = False
    elif anchor is None:
        return _unknown(Kind.ABSOLUTE, "a day and month without a year")
    else:
        day, confirmed, note = _infer_day(atom.month, atom.day, group, anchor, future=future(), settings=settings)
        notes = [note]
        certainty = Certainty.EXACT if confirmed else _near(anchor, day, day, settings)
        anchored = True
    checks, ok = _checks(day, group, anchor)
    certainty = certainty if ok else Certainty.APPROXIMATE
    return Resolved(day, day, Kind.ABSOLUTE, certainty, "; ".join(notes + checks), anchored)


def _event_name(offset: int) -> str:
    """How an event day is counted, in English ("the day after")."""
    return _EVENT_NAMES.get(offset, f"{abs(offset)} days {'after' if offset > 0 else 'before'}")


def weekday_near(day: dt.date, weekday: int, slack: int) -> dt.date | None:
    """The day of ``weekday`` (0 Monday … 6 Sunday) nearest ``day``, when at most ``slack`` days away.

    Parameters
    ----------
    day:
        The day counted to (from a page stamp, or an earlier event).
    weekday:
        The weekday the text writes.
    slack:
        How many days away the weekday may be.

    Returns
    -------
    datetime.date or None
    """
    forward = (weekday - day.weekday()) % 7
    shift = forward if forward <= 7 - forward else forward - 7
    return day + dt.timedelta(days=shift) if abs(shift) <= slack else None


def _counted(group: Group, anchor: dt.date | None, reference: Reference | None) -> Resolved | tuple[dt.date, str]:
    """The day a relative or event day counts to and its name, or the unresolved result when there is no base."""
    atom = group.relative
    assert atom is not None
    if atom.kind == Piece.EVENT_DAY:
        if reference is None:
            note = f"{_event_name(atom.value)} an earlier event: no day named before it to count from"
            return Resolved(None, None, Kind.EVENT_DAY, Certainty.UNKNOWN, note)
        return reference.day + dt.timedelta(days=atom.value), f"{_event_name(atom.value)} «{reference.text}»"
    name = _relative_name(atom.value)
    if anchor is None:
        return _unknown(Kind.RELATIVE, name)
    return anchor + dt.timedelta(days=atom.value), name


def _resolve_relative(
    group: Group, anchor: dt.date | None, reference: Reference | None, settings: DateSettings
) -> Resolved:
    """Today, yesterday, tomorrow… or the day after an earlier event, checked against a weekday written with it.

    When the weekday disagrees, the day of that weekday nearest the count wins
    if it is at most :attr:`~geo.settings.DateSettings.weekday_slack_days`
    away (the weekday is written on purpose; a page stamp after midnight, or
    «غدا الأربعاء» quoted from the day before, is a day off); else the count
    is kept. Either way ``approximate``.
    """
    counted = _counted(group, anchor, reference)
    if isinstance(counted, Resolved):
        return counted
    day, name = counted
    event = reference is not None and group.relative is not None and group.relative.kind == Piece.EVENT_DAY
    kind, anchored = (Kind.EVENT_DAY, False) if event else (Kind.RELATIVE, True)
    certainty = reference.certainty if event and reference is not None else Certainty.EXACT
    if group.weekday is None:
        return Resolved(day, day, kind, certainty, name, anchored)
    said = _WEEKDAY_NAMES[group.weekday.value]
    if day.weekday() == group.weekday.value:
        return Resolved(day, day, kind, certainty, f"{name}, {said}: checked", anchored)
    is_ = _WEEKDAY_NAMES[day.weekday()]
    near = weekday_near(day, group.weekday.value, settings.weekday_slack_days)
    if near is not None:
        note = f"{name} is {is_} {day.day} but the text says {said}: took {said} {near.day}, the text's weekday"
        return Resolved(near, near, kind, Certainty.APPROXIMATE, note, anchored)
    note = f"{name} is {is_} {day.day} but the text says {said}: kept {name}"
    return Resolved(day, day, kind, Certainty.APPROXIMATE, note, anchored)


def _resolve_weekday(atom: Atom, anchor: dt.date | None, future: Callable[[], bool]) -> Resolved:
    """A weekday: the latest on or before the anchor; when it says next, the first after it; in a
    future-tense clause, the first on or after it («سيزور … الأحد» is the coming Sunday, or today)."""
    said = _WEEKDAY_NAMES[atom.value]
    if anchor is None:
        return _unknown(Kind.WEEKDAY, said)
    back = (anchor.weekday() - atom.value) % 7
    ahead = (atom.value - anchor.weekday()) % 7
    if atom.marker == Marker.PAST:
        day, note = anchor - dt.timedelta(days=back or 7), f"last {said}: the latest before the anchor"
    elif atom.marker == Marker.NEXT:
        day, note = anchor + dt.timedelta(days=ahead or 7), f"next {said}: the first after the anchor"
    elif future():
        how = "the anchor's own weekday" if ahead == 0 else "the first after the anchor"
        day, note = anchor + dt.timedelta(days=ahead), f"{said} in a future-tense clause: {how}"
    elif back == 0:
        day, note = anchor, f"{said}: the anchor's own weekday"
    else:
        day, note = anchor - dt.timedelta(days=back), f"{said}: the latest on or before the anchor"
    return Resolved(day, day, Kind.WEEKDAY, Certainty.EXACT, note, True)


def _resolve_range(
    group: Group, anchor: dt.date | None, future: Callable[[], bool], settings: DateSettings
) -> Resolved:
    """A range of days of one month («من 13 إلى 15 سبتمبر»)."""
    atom = group.main
    assert atom is not None and atom.month is not None and atom.day is not None and atom.day2 is not None
    if atom.year is not None:
        first = dt.date(atom.year, atom.month, atom.day)
        return Resolved(first, first.replace(day=atom.day2), Kind.RANGE, Certainty.EXACT, "days of one month")
    if anchor is None:
        return _unknown(Kind.RANGE, "days of a month without a year")
    if not day_exists(None, atom.month, atom.day2):
        return _unknown(Kind.RANGE, "a day that does not exist")
    alone = Group(group.start, group.end)
    first, _, note = _infer_day(atom.month, atom.day, alone, anchor, future=future(), settings=settings)
    while not day_exists(first.year, atom.month, atom.day2):  # 28-29 February: a leap year
        first = first.replace(year=first.year - 1)
    last = first.replace(day=atom.day2)
    return Resolved(first, last, Kind.RANGE, _near(anchor, first, last, settings), note, True)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def _month_year(atom: Atom, anchor: dt.date, future: Callable[[], bool]) -> tuple[int, str, bool]:
    """The year of a month named without one: ``(year, note, sure)``."""
    assert atom.month is not None
    name = _MONTH_NAMES[atom.month - 1]
    here = anchor.year * 12 + anchor.month
    years = {y * 12 + atom.month: y for y in (anchor.year - 1, anchor.year, anchor.year + 1)}
    if atom.marker == Marker.PAST:
        return years[max(i for i in years if i < here)], f"{name}, last: the latest before the publication month", True
    if atom.marker == Marker.NEXT:
        return years[min(i for i in years if i > here)], f"{name}, next: the first after the publication month", True
    if atom.marker == Marker.THIS:
        return anchor.year, f"{name} of the publication year", True
    if future():
        year = years[min(i for i in years if i >= here)]
        return year, f"year {year} from the anchor (the first on or after it, future tense)", False
    year = years[max(i for i in years if i <= here)]
    return year, f"year {year} from the anchor (the latest on or before it)", False


def _resolve_month(atom: Atom, anchor: dt.date | None, future: Callable[[], bool], settings: DateSettings) -> Resolved:
    """A month, with a year or placed around the anchor."""
    assert atom.month is not None
    if atom.year is not None:
        first, last = _month_range(atom.year, atom.month)
        return Resolved(first, last, Kind.MONTH, Certainty.EXACT, f"{_MONTH_NAMES[atom.month - 1]} {atom.year}")
    if anchor is None:
        return _unknown(Kind.MONTH, f"{_MONTH_NAMES[atom.month - 1]} without a year")
    year, note, sure = _month_year(atom, anchor, future)
    first, last = _month_range(year, atom.month)
    certainty = Certainty.EXACT if sure else _near(anchor, first, last, settings)
    return Resolved(first, last, Kind.MONTH, certainty, note, True)


def _resolve_period(atom: Atom, anchor: dt.date | None) -> Resolved:
    """Last/next/this week, month or year."""
    marker = atom.marker or Marker.THIS
    shift = _SHIFT[marker]
    what = f"{_PERIOD_WORDS[marker]} {atom.unit}"
    kind = Kind.RANGE if atom.unit == Unit.WEEK else Kind.MONTH if atom.unit == Unit.MONTH else Kind.YEAR
    if anchor is None:
        return _unknown(kind, what)
    if marker == Marker.EARLIER:
        return _earlier_in_period(atom.unit, anchor, what)
    if atom.unit == Unit.WEEK:
        if shift:
            first = anchor + dt.timedelta(days=1 if shift > 0 else -7)
            note = f"{what}: the 7 days {'after' if shift > 0 else 'before'} the anchor"
        else:
            first, note = anchor - dt.timedelta(days=anchor.weekday()), f"{what}: Monday to Sunday of the anchor's week"
        return Resolved(first, first + dt.timedelta(days=6), kind, Certainty.APPROXIMATE, note, True)
    if atom.unit == Unit.MONTH:
        index = anchor.year * 12 + anchor.month - 1 + shift
        first, last = _month_range(index // 12, index % 12 + 1)
        return Resolved(first, last, kind, Certainty.EXACT, f"{what}: a calendar month", True)
    year = anchor.year + shift
    return Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), kind, Certainty.EXACT, f"{what}: a calendar year", True)


def _earlier_in_period(unit: Unit | None, anchor: dt.date, what: str) -> Resolved:
    """"Earlier this week/month/year": from the start of the anchor's week, month or year to the day before the
    anchor (the anchor's day itself when it opens the period)."""
    if unit == Unit.WEEK:
        first = anchor - dt.timedelta(days=anchor.weekday())
    elif unit == Unit.MONTH:
        first = anchor.replace(day=1)
    else:
        first = anchor.replace(month=1, day=1)
    last = max(first, anchor - dt.timedelta(days=1))
    note = f"{what}: from the start of the anchor's {unit} to the day before it"
    return Resolved(first, last, Kind.RANGE, Certainty.APPROXIMATE, note, True)


def resolve(
    group: Group,
    *,
    anchor: dt.date | None,
    future: Callable[[], bool],
    language: str,
    settings: DateSettings,
    reference: Reference | None = None,
) -> Resolved:
    """Resolve one expression against the anchor.

    Parameters
    ----------
    group:
        The expression (:func:`geo.dates.atoms.find_groups`).
    anchor:
        The publication date, or ``None`` when unknown: everything relative
        then resolves to ``None`` with certainty ``unknown``.
    future:
        Tells, when asked, whether the expression's clause is in the future
        tense (asked only when the answer matters).
    language:
        ``"ar"``, ``"fr"`` or ``"en"`` (an ambiguous numeric date is
        ``approximate`` in English).
    settings:
        The date settings.
    reference:
        The nearest single day named before the expression, which a day
        counted from the sentence's event («في اليوم التالي», "la veille")
        counts from; ``None``: such a day stays unresolved (``unknown``).

    Returns
    -------
    Resolved
    """
    main = group.main
    if main is not None and main.kind == Piece.DATE:
        return _resolve_calendar(group, anchor, future, language, settings)
    if group.relative is not None:
        return _resolve_relative(group, anchor, reference, settings)
    if group.weekday is not None:
        return _resolve_weekday(group.weekday, anchor, future)
    assert main is not None
    if main.kind == Piece.RANGE:
        return _resolve_range(group, anchor, future, settings)
    if main.kind == Piece.MONTH:
        return _resolve_month(main, anchor, future, settings)
    if main.kind == Piece.PERIOD:
        return _resolve_period(main, anchor)
    assert main.year is not None
    first, last = dt.date(main.year, 1, 1), dt.date(main.year, 12, 31)
    return Resolved(first, last, Kind.YEAR, Certainty.EXACT, f"the year {main.year}")
