"""The pieces of date expressions found in folded text, and their grouping into expressions.

A *piece* (:class:`Atom`) is one thing a date expression is made of: a
calendar date, a range of days, a month, a year, a day relative to the
anchor («أمس», "hier"), a day relative to the sentence's event («في اليوم
التالي», "la veille"), a weekday or a relative period («الأسبوع الماضي»).
The longest pieces that do not overlap are kept, and a relative word, a
weekday and a calendar date next to each other («يوم أمس الجمعة 15 سبتمبر»)
form one expression (:class:`Group`) whose parts check each other.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from geo.dates.clauses import ScannedText
from geo.dates.date_words import Marker, Unit, load_dates_lexicon
from geo.dates.patterns import Patterns, date_patterns
from geo.text.folding import is_arabic, name_key

__all__ = ["Atom", "Group", "Piece", "day_exists", "find_groups", "groups_within"]

_PREVIOUS_WORD = re.compile(r"([^\W_]+)[ \t\u00a0]*$")
_NEXT_WORDS = re.compile(r"[ \t\u00a0]*([^\W_]+)(?:[ \t\u00a0]+([^\W_]+))?")
_FOLLOWING_WORD = re.compile(r"[ \t\u00a0]*([^\W_]+)(['’])?")
_SEPARATOR = re.compile(r"(?:\s|[,،(\-–—]|le|the|الموافق)*")
#: What each atom pattern finds in a folded text, by pattern name (:meth:`~geo.dates.patterns.Patterns.atom_matches`).
_Found = dict[str, list[re.Match[str]]]
#: What a period's pattern may not be followed by ("the week of the summit"), across a newline.
_YEAR_AFTER = re.compile(r"\s*\d")
_OF_AFTER = re.compile(r"\s+(?:of|de|du|d['’])(?![^\W\d_])")
#: How far back the word before a piece is looked for, in characters (a bound for speed: no word is longer).
_LOOKBACK_CHARS = 40


class Piece(StrEnum):
    """What one piece of a date expression is, as written.

    Not :class:`geo.dates.anchoring.Kind`, though most words are shared: a
    piece is what the text spells, a kind what a whole expression names once
    resolved. A ``period`` ("last week", «الشهر الماضي») names a range, a
    month or a year; an expression of several pieces (a relative day, a
    weekday and a date: «اليوم الجمعة 15 سبتمبر 2023») names one kind; and a
    ``date`` resolves to an ``absolute`` day.
    """

    DATE = "date"
    RANGE = "range"
    MONTH = "month"
    YEAR = "year"
    RELATIVE = "relative"
    EVENT_DAY = "event_day"
    WEEKDAY = "weekday"
    PERIOD = "period"


#: The slots of an expression, in order, and the pieces each may hold (the first names the slot).
_GROUP_SLOTS = ((Piece.RELATIVE, Piece.EVENT_DAY), (Piece.WEEKDAY,), (Piece.DATE,))


@dataclass(frozen=True, slots=True)
class Atom:
    """One piece of a date expression; offsets point into the folded text.

    Attributes
    ----------
    kind:
        See :class:`Piece`.
    start, end:
        The folded span.
    value:
        A relative or event day's offset in days, or a weekday (0 Monday … 6 Sunday).
    year, month, day, day2:
        The calendar fields written (``day2``: the last day of a range).
    marker:
        Last, next or this, when a marker word is written with it.
    unit:
        A period's length.
    word:
        A relative day's folded word.
    ambiguous:
        A numeric date that reads both day first and month first.
    """

    kind: Piece
    start: int
    end: int
    value: int = 0
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    marker: Marker | None = None
    unit: Unit | None = None
    word: str = ""
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Group:
    """One expression: up to a relative word, a weekday and a main piece, in that order.

    ``relative`` is a day relative to the anchor («أمس») or to the sentence's event («في اليوم التالي»).
    """

    start: int
    end: int
    relative: Atom | None = None
    weekday: Atom | None = None
    main: Atom | None = None


def day_exists(year: int | None, month: int, day: int) -> bool:
    """Tell whether the day exists (in a leap year when ``year`` is ``None``)."""
    try:
        dt.date(2000 if year is None else year, month, day)
    except ValueError:
        return False
    return True


def _marker(patterns: Patterns, word: str | None) -> Marker | None:
    """The marker of a matched marker word."""
    return patterns.markers.get(name_key(word)) if word else None


def _period_marker(patterns: Patterns, m: re.Match[str]) -> Marker | None:
    """A period's marker: "earlier" this one ("earlier this week", «في وقت سابق من الأسبوع الجاري») unless a past
    or next marker names another period («في وقت سابق من الأسبوع الماضي»: last week)."""
    marker = _marker(patterns, m["pre"] or m["post"])
    if m["early"] and marker in (None, Marker.THIS):
        return Marker.EARLIER
    return marker


def _numeric_atoms(found: _Found) -> list[Atom]:
    """ISO dates (2023-09-13) and day-first numeric dates (13-9-2023, 13/09/2023, «24 . 04 . 2019»)."""
    atoms = []
    for m in found["ymd"]:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if day_exists(year, month, day):
            atoms.append(Atom(Piece.DATE, m.start(), m.end(), year=year, month=month, day=day))
    for m in found["dmy"]:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        ambiguous = day <= 12 and month <= 12 and day != month
        if not day_exists(year, month, day):
            day, month = month, day  # month first, when day first is impossible
        if day_exists(year, month, day):
            atoms.append(Atom(Piece.DATE, m.start(), m.end(), year=year, month=month, day=day, ambiguous=ambiguous))
    return atoms


def _latin_case_ok(scanned: ScannedText, index: int, name: str) -> bool:
    """A month named alone: English names are capitalised ("May"), French ones are not ("mars", not Mars)."""
    first = scanned.char(index)
    if not first.isalpha() or is_arabic(first):
        return True
    lex = load_dates_lexicon()
    if name in lex.english_months and name not in lex.french_months:
        return first.isupper()
    if name in lex.french_months and name not in lex.english_months:
        return first.islower()
    return True


def _day_month_atoms(scanned: ScannedText, patterns: Patterns, found: _Found) -> list[Atom]:
    """Day, month name and optional year, in both orders, and ranges of days."""
    atoms = []
    for m in found["text_dmy"]:
        month, day, year = patterns.months[name_key(m["mn"])], int(m["d"]), int(m["y"]) if m["y"] else None
        if day_exists(year, month, day):
            atoms.append(Atom(Piece.DATE, m.start(), m.end(), year=year, month=month, day=day))
    for m in found["mdy"]:
        month, day, year = patterns.months[name_key(m["mn"])], int(m["d"]), int(m["y"]) if m["y"] else None
        if scanned.char(m.start("mn")).isupper() and day_exists(year, month, day):
            atoms.append(Atom(Piece.DATE, m.start(), m.end(), year=year, month=month, day=day))
    for m in found["day_range"]:
        month, day, day2 = patterns.months[name_key(m["mn"])], int(m["d"]), int(m["d2"])
        year = int(m["y"]) if m["y"] else None
        if day < day2 and day_exists(year, month, day) and day_exists(year, month, day2):
            atoms.append(Atom(Piece.RANGE, m.start(), m.end(), year=year, month=month, day=day, day2=day2))
    return atoms


def _month_year_atoms(scanned: ScannedText, patterns: Patterns, found: _Found) -> list[Atom]:
    """Months with a year («يوليو 2000»), months with a cue («في أكتوبر», «سبتمبر الماضي»), years with a cue."""
    atoms = []
    for m in found["month_year"]:
        month = patterns.months[name_key(m["mn"])]
        atoms.append(Atom(Piece.MONTH, m.start("body"), m.end("body"), year=int(m["y"]), month=month))
    for m in found["month"]:
        cued = m["cue"] or m["pre"] or m["post"] or m["shahr"]
        if cued and _latin_case_ok(scanned, m.start("mn"), m["mn"]):
            marker = _marker(patterns, m["pre"] or m["post"])
            month = patterns.months[name_key(m["mn"])]
            atoms.append(Atom(Piece.MONTH, m.start("body"), m.end("body"), month=month, marker=marker))
    for m in found["year"]:
        if m["cue"] or m["noun"]:
            atoms.append(Atom(Piece.YEAR, m.start("body"), m.end("body"), year=int(m["y"])))
    return atoms


def _word_atoms(scanned: ScannedText, patterns: Patterns, found: _Found) -> list[Atom]:
    """Relative days («أمس», "hier"), event days («في اليوم التالي», "la veille"),
    weekdays («يوم الأحد», "next Monday"), periods («الأسبوع الماضي»)."""
    text = scanned.folded.text
    not_after = load_dates_lexicon().weekday_not_after
    atoms = []
    for m in found["relative"]:
        key = name_key(m["w"])
        atoms.append(Atom(Piece.RELATIVE, m.start("w"), m.end("w"), value=patterns.relative_days[key], word=key))
    for m in found["event_day"]:
        if _names_its_event(text, m.end()):  # "la veille de sa visite": not the sentence's event
            continue
        key = name_key(m["w"])
        atoms.append(Atom(Piece.EVENT_DAY, m.start("w"), m.end("w"), value=patterns.event_days[key], word=key))
    for m in found["weekday"]:
        if not (m["lead"] or m["pre"] or m["post"]) and _previous_word(text, m.start()) in not_after:
            following = _NEXT_WORDS.match(text, m.end())  # «بين الأحد والاثنين» is a pair of days
            if not (following and name_key(following.group(1)[1:]) in patterns.weekdays):
                continue
        marker = _marker(patterns, m["pre"] or m["post"])
        weekday = patterns.weekdays[name_key(m["w"])]
        atoms.append(Atom(Piece.WEEKDAY, m.start("body"), m.end("body"), value=weekday, marker=marker))
    for m in found["period"]:
        if m["pre"] or m["post"] or m["early"]:
            marker = _period_marker(patterns, m)
            if marker == Marker.EARLIER and _YEAR_AFTER.match(text, m.end()):
                continue  # «في وقت سابق من العام 2019»: the year's piece
            unit = patterns.periods[name_key(m["p"])]
            atoms.append(Atom(Piece.PERIOD, m.start("body"), m.end("body"), unit=unit, marker=marker))
    return atoms


def _names_its_event(text: str, index: int) -> bool:
    """Tell whether the word at ``index`` ties an event day to a named event ("de", "of", "d'")."""
    following = _FOLLOWING_WORD.match(text, index)
    if following is None:
        return False
    word = following.group(1) + ("'" if following.group(2) else "")
    return word in load_dates_lexicon().event_days_not_before


def _previous_word(text: str, index: int) -> str | None:
    """The word right before ``index`` when only spaces stand between, else ``None``."""
    match = _PREVIOUS_WORD.search(text, max(0, index - _LOOKBACK_CHARS), index)
    return match.group(1) if match else None


def _select(atoms: list[Atom]) -> list[Atom]:
    """Keep the longest atoms that do not overlap, in text order.

    The chosen atoms never overlap, so sorted by start their ends are sorted too: an atom overlaps one of
    them exactly when the last one starting before its end ends after its start (one bisection, not a scan).
    """
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Atom] = []
    for atom in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
        at = bisect.bisect_left(starts, atom.end)
        if at and ends[at - 1] > atom.start:
            continue
        where = bisect.bisect_left(starts, atom.start)
        starts.insert(where, atom.start)
        ends.insert(where, atom.end)
        chosen.insert(where, atom)
    return chosen


def _group(scanned: ScannedText, atoms: list[Atom]) -> list[Group]:
    """Join adjacent atoms («يوم أمس الجمعة», "Friday, 15 September 2023") into expressions."""
    text = scanned.folded.text
    groups = []
    i = 0
    while i < len(atoms):
        parts: dict[Piece, Atom] = {}
        j = i
        for kinds in _GROUP_SLOTS:
            joined = j == i or (j < len(atoms) and _SEPARATOR.fullmatch(text, atoms[j - 1].end, atoms[j].start))
            if j < len(atoms) and atoms[j].kind in kinds and joined:
                parts[kinds[0]] = atoms[j]
                j += 1
        if j == i:  # a month, year, range or period stands alone
            parts, j = {Piece.DATE: atoms[i]}, i + 1
        relative, weekday, main = parts.get(Piece.RELATIVE), parts.get(Piece.WEEKDAY), parts.get(Piece.DATE)
        groups.append(Group(atoms[i].start, atoms[j - 1].end, relative, weekday, main))
        i = j
    return groups


def _is_day_noun(scanned: ScannedText, group: Group) -> bool:
    """Tell whether a lone «اليوم» is the noun "the day" rather than "today" (see :mod:`geo.dates.expressions`)."""
    relative = group.relative
    lex = load_dates_lexicon()
    if relative is None or group.weekday or group.main or relative.word not in lex.today_noun:
        return False
    if _previous_word(scanned.folded.text, relative.start) in lex.day_noun_before:
        return True
    after = _NEXT_WORDS.match(scanned.folded.text, relative.end)
    if after is None:
        return False
    one = after.group(1)
    two = f"{one} {after.group(2)}" if after.group(2) else one
    return one in lex.day_noun_after or two in lex.day_noun_after


def find_groups(scanned: ScannedText) -> list[Group]:
    """Every date expression of a scanned text, in text order.

    Parameters
    ----------
    scanned:
        The text (:func:`geo.dates.clauses.scanned_text`).

    Returns
    -------
    list of Group
        Folded spans; a lone «اليوم» that means "the day" is left out. Found once per scanned text
        (kept in its ``memo``): a fresh list each call.
    """
    found = scanned.memo.get("groups")
    if found is None:
        found = scanned.memo["groups"] = tuple(_find_groups(scanned))
        scanned.memo["group_starts"] = [g.start for g in found]
    return list(found)


def groups_within(scanned: ScannedText, *, start: int, end: int) -> list[Group] | None:
    """The date expressions of one line of a scanned text, as a scan of the line alone finds them.

    Parameters
    ----------
    scanned:
        The whole text.
    start, end:
        The folded span of a line: a newline (or the text's edge) on either side.

    Returns
    -------
    list of Group or None
        The expressions of the text's own scan that lie in the line (folded spans of the whole text), or ``None``
        when the line's own scan could find others: a match or an expression runs over one of its newlines, a
        weekday or «اليوم» opens it (the word before it is looked for across the newline), or a period ends it
        before "of"/"de" on the next line.
    """
    if "groups" not in scanned.memo:
        find_groups(scanned)
    joined = scanned.memo["joined_newlines"]
    if start - 1 in joined or end in joined:
        return None
    groups, starts = scanned.memo["groups"], scanned.memo["group_starts"]
    return list(groups[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])


def _joined_newlines(text: str, found: _Found, groups: list[Group]) -> frozenset[int]:
    """The newlines of a folded text that the lines on either side cannot be read apart at (see
    :func:`groups_within`)."""
    joined = set()
    spans = [m.span() for matches in found.values() for m in matches] + [(g.start, g.end) for g in groups]
    for start, end in spans:
        newline = text.find("\n", start, end)
        while newline >= 0:
            joined.add(newline)
            newline = text.find("\n", newline + 1, end)
    joined.update(
        m.start() - 1
        for name in ("relative", "weekday")
        for m in found[name]
        if text[m.start() - 1 : m.start()] == "\n"
    )
    newline = text.find("\n")
    while newline >= 0:
        if _OF_AFTER.match(text, newline):
            joined.add(newline)
        newline = text.find("\n", newline + 1)
    return frozenset(joined)


def _find_groups(scanned: ScannedText) -> list[Group]:
    """Every date expression of a scanned text (see :func:`find_groups`)."""
    patterns = date_patterns()
    found = patterns.atom_matches(scanned.folded.text, scanned.word_starts())
    atoms = (
        _numeric_atoms(found)
        + _day_month_atoms(scanned, patterns, found)
        + _month_year_atoms(scanned, patterns, found)
        + _word_atoms(scanned, patterns, found)
    )
    groups = _group(scanned, _select(atoms))
    scanned.memo["joined_newlines"] = _joined_newlines(scanned.folded.text, found, groups)
    return [g for g in groups if not _is_day_noun(scanned, g)]
