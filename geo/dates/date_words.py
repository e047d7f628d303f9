"""The date word lists: ``data/lexicon/dates.yaml``, folded, loaded once and lazily.

Month and weekday names in Arabic (both traditions), French and English,
days relative to the publication date («أمس», "hier") and to the sentence's
event («في اليوم التالي», "la veille"), period words («الأسبوع»,
"week") and their markers («الماضي», "next"), the cues that make a number a
year, the signs of the future tense (the words before «أن»/"que" that make a plan
of its clause, the words of "on the eve of", the words that join a new
predicate), the words that open a clause and the
labels of publication dates. :func:`load_dates_lexicon` folds every word
(:func:`geo.text.folding.fold_text`) so the scanner matches folded text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from geo.errors import IndexBuildError
from geo.places.gazetteer_sources import DATA_DIR
from geo.text.compiled_data import code_stamp, compiled, is_shipped, load_yaml
from geo.text.folding import fold_text

__all__ = ["DATES_FILE", "DatesLexicon", "Marker", "Unit", "load_dates_lexicon"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when built: the same data, ~8x faster

DATES_FILE = DATA_DIR / "lexicon" / "dates.yaml"


class Marker(StrEnum):
    """What a marker word next to a month, weekday or period says: last, next or this one, or (a period only)
    this one before the anchor's day ("earlier this week")."""

    PAST = "past"
    NEXT = "next"
    THIS = "this"
    EARLIER = "earlier"


class Unit(StrEnum):
    """The length of a relative period («الأسبوع الماضي», "next month", "cette année"), or of a count back
    ("two days ago", :mod:`geo.dates.counted_back`)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class DatesLexicon:
    """The folded word lists of ``dates.yaml``.

    Mappings are keyed by the folded phrase as written in the file (words
    separated by one space); word lists hold folded words, but for
    ``clause_breaks_as_written`` ("où", not "ou").
    """

    months: dict[str, int]
    month_abbreviations: frozenset[str]
    english_months: frozenset[str]
    french_months: frozenset[str]
    weekdays: dict[str, int]
    weekday_lead: tuple[str, ...]
    weekday_not_after: frozenset[str]
    relative_days: dict[str, int]
    event_days: dict[str, int]
    event_days_not_before: frozenset[str]
    today_noun: frozenset[str]
    day_noun_before: frozenset[str]
    day_noun_after: frozenset[str]
    periods: dict[str, Unit]
    markers: dict[str, Marker]
    period_earlier: tuple[str, ...]
    year_nouns: tuple[str, ...]
    year_preps: tuple[str, ...]
    month_preps: tuple[str, ...]
    range_links: tuple[str, ...]
    future_words: dict[str, tuple[str, ...]]
    future_not_words: tuple[str, ...]
    future_prefixes: tuple[str, ...]
    not_verbs: frozenset[str]
    french_endings: tuple[str, ...]
    aller: tuple[str, ...]
    future_openers: tuple[str, ...]
    eve_words: tuple[str, ...]
    coordinators: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    clause_breaks_as_written: tuple[str, ...]
    relative_pronouns: frozenset[str]
    published_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]


def _fold_all(words: Iterable[Any]) -> tuple[str, ...]:
    """Folded, stripped, de-duplicated and sorted words."""
    return tuple(sorted({fold_text(str(w)).strip() for w in words if str(w).strip()}))


def _languages(by_language: dict[str, Any] | None) -> tuple[str, ...]:
    """The folded words of a ``{language: words}`` list (all languages)."""
    return _fold_all(w for words in (by_language or {}).values() for w in words or ())


def _words(raw: dict[str, Any], name: str) -> tuple[str, ...]:
    """The folded words of the per-language list ``name`` (all languages)."""
    return _languages(raw.get(name))


def _as_written(raw: dict[str, Any], name: str) -> tuple[str, ...]:
    """The words of the per-language list ``name`` (all languages), not folded: matched as written."""
    return tuple(sorted({str(w).strip() for words in (raw.get(name) or {}).values() for w in words or ()}))


def _numbered(raw: dict[str, Any], name: str) -> dict[str, dict[int, tuple[str, ...]]]:
    """``{language: {number: folded words}}`` of a numbered list (months, weekdays, days)."""
    return {
        lang: {int(number): _fold_all(words) for number, words in numbered.items()}
        for lang, numbered in (raw.get(name) or {}).items()
    }


def _flat(numbered: dict[str, dict[int, tuple[str, ...]]]) -> dict[str, int]:
    """Folded word → number, over every language."""
    return {word: number for by_number in numbered.values() for number, words in by_number.items() for word in words}


def _abbreviations(months: dict[str, dict[int, tuple[str, ...]]]) -> frozenset[str]:
    """Month names that are a proper prefix of another name of the same month ("sept", "janv")."""
    found = set()
    for by_number in months.values():
        for names in by_number.values():
            found |= {n for n in names if any(o != n and o.startswith(n) for o in names)}
    return frozenset(found)


def _future_list(future: dict[str, Any], name: str) -> dict[str, tuple[str, ...]]:
    """``{language: folded words}`` of one list of the ``future`` block."""
    return {lang: _fold_all((spec or {}).get(name) or ()) for lang, spec in future.items()}


def _all_languages(by_language: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The words of every language of a ``future`` list, in one tuple."""
    return tuple(w for ws in by_language.values() for w in ws)


@cache
def load_dates_lexicon(path: Path = DATES_FILE) -> DatesLexicon:
    """Load and fold ``dates.yaml`` once per process.

    The shipped file's folded lists are worked out once and kept compiled
    (:func:`geo.text.compiled_data.compiled`, again when the file or the code that folds it changes).

    Parameters
    ----------
    path:
        The word list file.

    Returns
    -------
    DatesLexicon

    Raises
    ------
    IndexBuildError
        When the file cannot be read or parsed.
    """
    if not is_shipped(path):
        return _folded(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise IndexBuildError(f"cannot read the date lexicon {path}: {exc}") from exc
    code = code_stamp(__name__, fold_text.__module__)  # this, the folding
    kept = compiled("dates-lexicon", stamp=code and f"{code}\n{text}", build=lambda: _plain(_folded(path)))
    kept["periods"] = {word: Unit(unit) for word, unit in kept["periods"].items()}
    kept["markers"] = {word: Marker(marker) for word, marker in kept["markers"].items()}
    return DatesLexicon(**kept)


def _plain(lexicon: DatesLexicon) -> dict[str, Any]:
    """A lexicon's fields as plain data (an enumeration as its value), as :func:`load_dates_lexicon` keeps them."""
    found = {name: getattr(lexicon, name) for name in lexicon.__dataclass_fields__}
    found["periods"] = {word: unit.value for word, unit in lexicon.periods.items()}
    found["markers"] = {word: marker.value for word, marker in lexicon.markers.items()}
    return found


def _folded(path: Path) -> DatesLexicon:
    """:func:`load_dates_lexicon`, worked out from the file."""
    try:
        raw = load_yaml(path, loader=_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise IndexBuildError(f"cannot read the date lexicon {path}: {exc}") from exc
    months = _numbered(raw, "months")
    future = raw.get("future") or {}
    return DatesLexicon(
        months=_flat(months),
        month_abbreviations=_abbreviations(months),
        english_months=frozenset(w for ws in months.get("en", {}).values() for w in ws),
        french_months=frozenset(w for ws in months.get("fr", {}).values() for w in ws),
        weekdays=_flat(_numbered(raw, "weekdays")),
        weekday_lead=_words(raw, "weekday_lead"),
        weekday_not_after=frozenset(_words(raw, "weekday_not_after")),
        relative_days=_flat(_numbered(raw, "relative_days")),
        event_days=_flat(_numbered(raw, "event_days")),
        event_days_not_before=frozenset(_words(raw, "event_days_not_before")),
        today_noun=frozenset(_words(raw, "today_noun")),
        day_noun_before=frozenset(_words(raw, "day_noun_before")),
        day_noun_after=frozenset(_words(raw, "day_noun_after")),
        periods={w: Unit(unit) for unit, by_lang in (raw.get("periods") or {}).items() for w in _languages(by_lang)},
        markers={w: mark for mark in (Marker.PAST, Marker.NEXT, Marker.THIS) for w in _words(raw, f"{mark}_markers")},
        period_earlier=_words(raw, "period_earlier"),
        year_nouns=_words(raw, "year_nouns"),
        year_preps=_words(raw, "year_preps"),
        month_preps=_words(raw, "month_preps"),
        range_links=_words(raw, "range_links"),
        future_words=_future_list(future, "words"),
        future_not_words=_all_languages(_future_list(future, "not_words")),
        future_prefixes=tuple(str(w) for w in (future.get("ar") or {}).get("prefixes") or ()),
        not_verbs=frozenset(_all_languages(_future_list(future, "not_verbs"))),
        french_endings=_future_list(future, "endings").get("fr", ()),
        aller=_future_list(future, "aller").get("fr", ()),
        future_openers=_words(raw, "future_openers"),
        eve_words=_words(raw, "eve_words"),
        coordinators=_words(raw, "coordinators"),
        clause_breaks=_words(raw, "clause_breaks"),
        clause_breaks_as_written=_as_written(raw, "clause_breaks_as_written"),
        relative_pronouns=frozenset(_words(raw, "relative_pronouns")),
        published_labels=_words(raw, "published_labels"),
        updated_labels=_words(raw, "updated_labels"),
    )
