"""The regular expressions of the date scanner, compiled once from the date word lists.

Every pattern runs on folded text (:func:`geo.text.folding.fold`): numeric
dates (ISO, day first), a day with a month name in either order, ranges of
days, months with a year or a cue, years with a cue, relative days, days
counted from the sentence's event, weekdays, relative periods, clause breaks
and the signs of the future tense.
:func:`date_patterns` compiles them on first use, never at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from geo.dates.date_words import Marker, Unit, load_dates_lexicon
from geo.text.folding import name_key

__all__ = ["Patterns", "alternation", "date_patterns"]

#: A word starts here: no letter or digit before.
_WORD_START = r"(?<![^\W_])"
#: A word ends here: no letter after (a digit may follow: «سبتمبر2023»).
_WORD_END = r"(?![^\W\d_])"
# An Arabic conjunction glued to the word («والخميس», «فاليوم»).
_CONJUNCTION = r"(?:[وف](?=[^\W\d_]))?"
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_ORDINAL = r"(?:st|nd|rd|th|er)?"
_HYPHENS = "-\u2010\u2011"


def _word_regex(word: str) -> str:
    """A folded word or phrase as a regular expression (flexible spaces, apostrophes, hyphens)."""
    out = []
    for ch in word:
        if ch.isspace():
            out.append(r"\s+")
        elif ch in "'’":
            out.append(r"['’]\s*")
        elif ch in _HYPHENS:
            out.append(r"[-\u2010\u2011\s]?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alternation(words: Iterable[str], *, bounded: bool = False) -> str:
    """A non-capturing alternation of words, longest first; ``bounded`` adds word boundaries.

    A word that starts or ends with an apostrophe gets no boundary on that side ("'ll", "qu'").
    The alternation opens with a look-ahead at the words' first characters: it matches what it
    matched without, but the engine skips at once the places where no word can start.
    When every word gets the boundary before it, it is checked once, before the alternation.
    """
    parts = []
    kept = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    hoisted = bounded and all(w[0] not in "'’" for w in kept)
    for word in kept:
        pattern = _word_regex(word)
        if bounded:
            start = "" if hoisted or word[0] in "'’" else _WORD_START
            pattern = start + pattern + ("" if word[-1] in "'’" else _WORD_END)
        parts.append(pattern)
    if not parts:
        return "(?!)"
    first = first_chars(kept)
    opening = ("" if first is None else f"(?=[{first}])") + (_WORD_START if hoisted else "")
    return opening + "(?:" + "|".join(parts) + ")"


def first_chars(words: Iterable[str]) -> str | None:
    """The characters the words' patterns can start with, as the body of a character class
    (``None`` when one starts with an optional hyphen, which lets the next character start it)."""
    chars = set()
    for word in words:
        first = word[0]
        if first in _HYPHENS:
            return None
        chars.add(r"\s" if first.isspace() else "'’" if first in "'’" else re.escape(first))
    return "".join(sorted(chars))


@dataclass(frozen=True, slots=True)
class Patterns:
    """The compiled expressions of the scanner, and lookups keyed by :func:`~geo.text.folding.name_key`."""

    ymd: re.Pattern[str]
    dmy: re.Pattern[str]
    text_dmy: re.Pattern[str]
    mdy: re.Pattern[str]
    day_range: re.Pattern[str]
    month_year: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    relative: re.Pattern[str]
    event_day: re.Pattern[str]
    weekday: re.Pattern[str]
    period: re.Pattern[str]
    clause_break: re.Pattern[str]
    written_break: re.Pattern[str]
    future_words: dict[str, re.Pattern[str]]
    future_not: re.Pattern[str]
    aller: re.Pattern[str]
    future_opener: re.Pattern[str]
    coordinator: re.Pattern[str]
    eve: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    event_days: dict[str, int]
    periods: dict[str, Unit]
    markers: dict[str, Marker]


def _keyed(mapping: dict[str, Any]) -> dict[str, Any]:
    """Re-key a folded-phrase mapping by :func:`~geo.text.folding.name_key`."""
    return {name_key(word): value for word, value in mapping.items()}


# --- the pieces the patterns share ------------------------------------------------------------


def _day(group: str) -> str:
    """A day number (1 or 2 digits, maybe an ordinal: "12th", "1er") captured as ``group``."""
    return rf"(?P<{group}>\d{{1,2}}){_ORDINAL}(?!\d)"


def _numeric(first: str, second: str, third: str) -> str:
    """Three numbers joined by one separator used twice (13-9-2023, 2023/09/13, «24 . 04 . 2019»)."""
    return rf"{first}\s*(?P<s>[-/.])\s*{second}\s*(?P=s)\s*{third}(?!\d)"


def _cued(cues: Iterable[str]) -> str:
    """The start of a word with an optional cue before it («في», "in", "since"), captured as ``cue``."""
    return rf"{_WORD_START}{_CONJUNCTION}(?:(?P<cue>{alternation(cues)})(?:\s+|-))?"


def _marked(core: str, markers: str) -> str:
    """``core`` with an optional marker word before (``pre``) or after (``post``) it («الأحد المقبل», "last May")."""
    return rf"(?:(?P<pre>{markers})\s+)?{core}(?:\s+(?P<post>{markers}){_WORD_END})?"


def _numeric_patterns() -> dict[str, re.Pattern[str]]:
    """ISO dates (2023-09-13) and day-first numeric dates (13-9-2023)."""
    year, month, day = rf"(?P<y>{_YEAR})", r"(?P<m>\d{1,2})", r"(?P<d>\d{1,2})"
    return {
        "ymd": re.compile(rf"(?<![\d.]){_numeric(year, month, day)}"),
        "dmy": re.compile(rf"(?<!\d)(?<!\d[-/.]){_numeric(day, month, year)}"),
    }


def _day_month_patterns() -> dict[str, re.Pattern[str]]:
    """A day and a month name in either order, ranges of days, and months with a year."""
    lex = load_dates_lexicon()
    full_months = alternation(m for m in lex.months if m not in lex.month_abbreviations)
    months = rf"(?:{full_months}{_WORD_END}|{alternation(lex.month_abbreviations)}{_WORD_END}\.?)"
    month = rf"(?P<mn>{months})(?:\s*/\s*{months})?"
    day = rf"(?<!\d)(?<!\d[.:/-]){_day('d')}"
    of = r"(?:(?:de|of|من)\s+)?(?:شهر\s+)?"
    year_after = rf"(?:[\s,،]*(?:(?:de|من|عام|سنه)\s+)?(?P<y>{_YEAR})(?!\d))"
    links = alternation(lex.range_links)
    english = rf"(?P<mn>{alternation(lex.english_months)}{_WORD_END}\.?)"
    return {
        "text_dmy": re.compile(rf"{day}[\s,]*{of}{month}{year_after}?"),
        "mdy": re.compile(rf"{_WORD_START}{english}\s+{_day('d')}(?:\s*,?\s*(?P<y>{_YEAR})(?!\d))?"),
        "day_range": re.compile(rf"{day}\s*(?:[-–—]|{links}(?=[\s\d]))\s*{_day('d2')}[\s,]*{of}{month}{year_after}?"),
        "month_year": re.compile(rf"{_WORD_START}{_CONJUNCTION}(?P<body>(?:شهر\s+)?{month}{year_after})"),
    }


def _word_patterns() -> dict[str, re.Pattern[str]]:
    """Months and years with a cue, relative days, weekdays and relative periods."""
    lex = load_dates_lexicon()
    full_months = alternation(m for m in lex.months if m not in lex.month_abbreviations)
    markers = alternation(lex.markers)
    past_next = alternation(w for w, marker in lex.markers.items() if marker != Marker.THIS)
    month = _marked(rf"(?P<shahr>شهر\s+)?(?P<mn>{full_months}){_WORD_END}", markers)
    year_noun = rf"(?P<noun>(?:لل|[بل])?{alternation(lex.year_nouns)})"
    weekday = _marked(rf"(?P<w>{alternation(lex.weekdays)}){_WORD_END}", past_next)
    period = _marked(rf"(?:(?:the|la|le|l['’])\s*)?(?P<p>{alternation(lex.periods)}){_WORD_END}", markers)
    start = rf"{_WORD_START}{_CONJUNCTION}"
    return {
        "month": re.compile(rf"{_cued(lex.month_preps)}(?P<body>{month})"),
        "year": re.compile(rf"{_cued(lex.year_preps)}(?:the\s+)?(?P<body>(?:{year_noun}\s+)?(?P<y>{_YEAR})(?!\d))"),
        "relative": re.compile(rf"{start}(?P<w>{alternation(lex.relative_days)}){_WORD_END}"),
        "event_day": re.compile(rf"{start}(?P<w>{alternation(lex.event_days)}){_WORD_END}"),
        "weekday": re.compile(rf"{start}(?P<body>(?:(?P<lead>{alternation(lex.weekday_lead)})\s+)?{weekday})"),
        "period": re.compile(rf"{start}(?P<body>{period})(?!\s+(?:of|de|du|d['’])(?![^\W\d_]))"),
    }


def _tense_patterns() -> dict[str, Any]:
    """Clause breaks, the signs of the future tense, the words before a plan's «أن» and the coordinators.

    Arabic future words and plan words may carry the conjunction («وسوف», «ومن المقرر»).
    """
    lex = load_dates_lexicon()
    pronoun = r"(?:se|s['’]|l['’]|le|la|les|lui|leur|y|en|nous|vous|me|m['’]|te|t['’])"
    words = [w for w in (*lex.clause_breaks, *lex.eve_words) if w]
    breaks = alternation(words, bounded=True)
    break_first = first_chars(words)  # the whole pattern opens with a look-ahead at what can start a break
    opens = "" if break_first is None else rf"(?=[.!?؟;؛\n“”«»\":{break_first}])"
    conjoined = rf"{_WORD_START}{_CONJUNCTION}{{}}{_WORD_END}"
    future_words = {
        lang: re.compile(conjoined.format(alternation(ws)) if lang == "ar" else alternation(ws, bounded=True))
        for lang, ws in lex.future_words.items()
    }
    return {
        "clause_break": re.compile(rf"{opens}(?:\.(?=\s|$)|[!?؟;؛\n“”«»\"]|:(?!\d)|{breaks})"),
        "written_break": re.compile(alternation(lex.clause_breaks_as_written, bounded=True), re.IGNORECASE),
        "future_words": future_words,
        "future_not": re.compile(alternation(lex.future_not_words, bounded=True)),
        "future_opener": re.compile(rf"{_WORD_START}{_CONJUNCTION}{alternation(lex.future_openers)}\s*$"),
        "coordinator": re.compile(alternation(lex.coordinators, bounded=True)),
        "eve": re.compile(rf"{_WORD_START}{_CONJUNCTION}{alternation(lex.eve_words)}{_WORD_END}"),
        "aller": re.compile(
            rf"{_WORD_START}{alternation(lex.aller)}\s+(?:{pronoun}\s*)?[^\W\d_]{{2,}}(?:er|ir|re|oir){_WORD_END}"
        ),
    }


@cache
def date_patterns() -> Patterns:
    """Compile the scanner's expressions from the word lists (once, on first use)."""
    lex = load_dates_lexicon()
    return Patterns(
        **_numeric_patterns(),
        **_day_month_patterns(),
        **_word_patterns(),
        **_tense_patterns(),
        months=_keyed(lex.months),
        weekdays=_keyed(lex.weekdays),
        relative_days=_keyed(lex.relative_days),
        event_days=_keyed(lex.event_days),
        periods=_keyed(lex.periods),
        markers=_keyed(lex.markers),
    )
