"""Time counted back from publication: "two years ago", «قبل عامين», "il y a trois mois".

News tells an earlier event by how long ago it was: "Two years ago, the king visited Moscow",
«زار موسكو قبل عامين», "il y a trois ans, il était à Alger". :func:`counted_back` finds those
expressions in an article's language and resolves each against the anchor (the publication
date): a count of days back is that day; of weeks, the week around the day counted back; of
months, that calendar month; of years, that calendar year (``approximate`` but for days). So the
roles can tell an earlier visit from the journey (:mod:`geo.story.role_dates`: a date long before
publication is history). The words live in ``data/lexicon/dates.yaml`` (``counted_back``): the
word that says "ago" before or after the count and unit, number words, unit words, the Arabic
dual that carries its count («عامين»), a unit standing alone for one («قبل عام»), and the words
after which it counts back from another event («قبل عامين من الانتخابات»: not from publication).
«منذ» and "since" count from a start, not back: they are not read here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from geo.dates.anchoring import Kind, Resolved
from geo.dates.date_words import DATES_FILE, Unit
from geo.errors import IndexBuildError
from geo.model import Certainty
from geo.text.compiled_data import load_yaml
from geo.text.folding import extend_over_marks, fold, fold_text

__all__ = ["BackWords", "counted_back", "load_back_words"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Half a week: a count of weeks names the seven days around the day counted back.
_HALF_WEEK = 3


@dataclass(frozen=True, slots=True)
class BackWords:
    """One language's words of ``counted_back`` (folded) and the pattern they make."""

    pattern: re.Pattern[str] | None
    counts: dict[str, int]
    units: dict[str, Unit]  # a unit word after a count → its unit
    wholes: dict[str, tuple[Unit, int]]  # a unit word that carries its count (a dual: 2, one alone: 1)


def _folded(words: Any) -> list[str]:
    return sorted({fold_text(str(w)).strip() for w in words or () if str(w).strip()}, key=lambda w: (-len(w), w))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


def _language(spec: dict[str, Any]) -> BackWords:
    """The folded words and the pattern of one language's block.

    A unit after a count (``units``) and a unit that carries its count (``duals``, ``alone``) are kept apart:
    «سنة» is both («قبل 20 سنة»: twenty years, the singular after eleven and more; «قبل سنة»: one year).
    """
    counts = {fold_text(str(w)).strip(): int(n) for w, n in (spec.get("counts") or {}).items()}
    units = {w: Unit(unit) for unit, words in (spec.get("units") or {}).items() for w in _folded(words)}
    wholes: dict[str, tuple[Unit, int]] = {}
    for key, count in (("duals", 2), ("alone", 1)):
        for unit, words in (spec.get(key) or {}).items():
            for word in _folded(words):
                if word in wholes:
                    raise ValueError(f"{word!r} is in two of counted_back's blocks of words that carry a count")
                wholes[word] = (Unit(unit), count)
    counted = _alternation(sorted(units, key=lambda w: (-len(w), w)))
    whole = _alternation(sorted(wholes, key=lambda w: (-len(w), w)))
    # a count of at most four digits: a longer number is no count of days or years (and stays an int's size)
    amount = rf"(?P<count>\d{{1,4}}|{_alternation(_folded(counts))})\s+(?P<unit>{counted})"
    if whole:
        amount = rf"(?:{amount}|(?P<whole>{whole}))"
    before, after = _folded(spec.get("before")), _folded(spec.get("after"))
    tail = _tail(_folded(spec.get("not_after")), _folded(spec.get("followed_by")))
    if before:
        body = rf"(?<!\w)(?:{_alternation(before)})\s+{amount}(?!\w){tail}"
    elif after:
        body = rf"(?<!\w){amount}\s+(?:{_alternation(after)})(?!\w)"
    else:
        return BackWords(None, counts, units, wholes)
    return BackWords(re.compile(body), counts, units, wholes)


def _tail(not_after: list[str], followed_by: list[str]) -> str:
    """What may not, or must, follow an expression whose "ago" word comes first: never a number or a word of
    ``not_after`` («قبل عامين من …»: counted from another event); when ``followed_by`` is given, only a mark
    that ends a phrase, the text's end or one of its words ("il y a trois mois, le …", not "il y a trois
    jours fériés": there the words say "there are")."""
    refused = rf"(?!\s*(?:\d|(?:{_alternation(not_after)})(?!\w)))" if not_after else r"(?!\s*\d)"
    if not followed_by:
        return refused
    return refused + rf"(?=\s*(?:[,.;:!?…)\]»”\"]|$|(?:{_alternation(followed_by)})(?!\w)))"


@cache
def load_back_words(path: Path = DATES_FILE) -> dict[str, BackWords]:
    """The ``counted_back`` block of ``dates.yaml`` by language, folded, loaded once.

    Raises
    ------
    IndexBuildError
        When the file cannot be read or a count or unit is not one.
    """
    try:
        raw = load_yaml(path, loader=_LOADER) or {}  # (the compiled copy the dates lexicon reads too)
        return {lang: _language(spec or {}) for lang, spec in (raw.get("counted_back") or {}).items()}
    except (OSError, yaml.YAMLError, ValueError, TypeError) as exc:
        raise IndexBuildError(f"cannot read the counted-back words of {path}: {exc}") from exc


def _back(anchor: dt.date, unit: Unit, count: int) -> tuple[dt.date, dt.date, Kind]:
    """The span ``count`` ``unit``\\ s before ``anchor`` names."""
    if unit == Unit.DAY:
        day = anchor - dt.timedelta(days=count)
        return day, day, Kind.RELATIVE
    if unit == Unit.WEEK:
        day = anchor - dt.timedelta(days=7 * count)
        return day - dt.timedelta(days=_HALF_WEEK), day + dt.timedelta(days=_HALF_WEEK), Kind.RANGE
    if unit == Unit.MONTH:
        year, month = divmod(anchor.year * 12 + anchor.month - 1 - count, 12)
        last = calendar.monthrange(year, month + 1)[1]
        return dt.date(year, month + 1, 1), dt.date(year, month + 1, last), Kind.MONTH
    return dt.date(anchor.year - count, 1, 1), dt.date(anchor.year - count, 12, 31), Kind.YEAR


def _resolved(anchor: dt.date | None, unit: Unit, count: int, anchor_certainty: Certainty, said: str) -> Resolved:
    """The span counted back, ``approximate`` but for a day from an exact anchor; unknown with no anchor (or
    before the calendar's first year)."""
    if anchor is None:
        return Resolved(None, None, Kind.RANGE, Certainty.UNKNOWN, f"{said}: the publication date is unknown")
    try:
        first, last, kind = _back(anchor, unit, count)
    except (ValueError, OverflowError):
        return Resolved(None, None, Kind.RANGE, Certainty.UNKNOWN, f"{said}: before the calendar's first year")
    sure = unit == Unit.DAY and anchor_certainty == Certainty.EXACT
    return Resolved(first, last, kind, Certainty.EXACT if sure else Certainty.APPROXIMATE, said, True)


def counted_back(
    text: str, *, language: str, anchor: dt.date | None, anchor_certainty: Certainty = Certainty.EXACT
) -> list[tuple[int, int, Resolved]]:
    """The expressions of ``text`` that count back from publication, each ``(start, end, resolved)``.

    Parameters
    ----------
    text:
        The article's text.
    language:
        Its language: only that language's words are read (none for another).
    anchor:
        The publication date (``None``: each expression is unresolved, ``unknown``).
    anchor_certainty:
        How sure the anchor is: a day counted from an anchor that is not ``exact`` is ``approximate``.

    Returns
    -------
    list of (int, int, Resolved)
        Original offsets into ``text``, in text order.
    """
    words = load_back_words().get(language)
    if words is None or words.pattern is None:
        return []
    folded = fold(text)
    found = []
    for match in words.pattern.finditer(folded.text):
        if words.wholes and match["whole"]:
            unit, count = words.wholes[match["whole"]]
        else:
            unit, said_count = words.units[match["unit"]], match["count"]
            count = int(said_count) if said_count.isdigit() else words.counts[said_count]
        start, end = folded.original_span(match.start(), match.end())
        end = extend_over_marks(text, end)  # «عاماً»: the mark on its last letter is the word's
        said = f"{count} {unit}(s) before publication"
        found.append((start, end, _resolved(anchor, unit, count, anchor_certainty, said)))
    return found
