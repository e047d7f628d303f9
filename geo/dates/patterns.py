"""The regular expressions of the date scanner, compiled once from the date word lists.

Every pattern runs on folded text (:func:`geo.text.folding.fold`): numeric
dates (ISO, day first), a day with a month name in either order, ranges of
days, months with a year or a cue, years with a cue, relative days, days
counted from the sentence's event, weekdays, relative periods, clause breaks
and the signs of the future tense.
:func:`date_patterns` compiles them on first use, never at import.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from geo.dates.date_words import DATES_FILE, Marker, Unit, load_dates_lexicon
from geo.text.compiled_data import code_stamp, compiled
from geo.text.folding import name_key

__all__ = ["ATOM_PATTERNS", "START_NAMES", "Patterns", "Starts", "WordStarts", "alternation", "date_patterns"]

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
            pattern = ("" if hoisted or word[0] in "'’" else _WORD_START) + pattern
        parts.append((pattern, bounded and word[-1] not in "'’"))
    if not parts:
        return "(?!)"
    first = first_chars(kept)
    opening = ("" if first is None else f"(?=[{first}])") + (_WORD_START if hoisted else "")
    # the boundary after a run of words that each end with it, checked once after the run: «(?:a|b)E» tries
    # what «aE|bE» tries, in the same order (the same matches), and is compiled with one boundary, not one a word
    runs = []
    for ends, run in itertools.groupby(parts, key=lambda part: part[1]):
        alternatives = "|".join(pattern for pattern, _ in run)
        runs.append(f"(?:{alternatives}){_WORD_END}" if ends else alternatives)
    return opening + "(?:" + "|".join(runs) + ")"


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
    clause_mark: re.Pattern[str]
    break_words: re.Pattern[str]
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
    starts: Starts

    def starts_in(self, text: str) -> WordStarts:
        """Where each word pattern (and the clause-break words) may start in the folded ``text``, and where
        each run of digits starts: one pass over the words of the text, a dict lookup each (:class:`Starts`)."""
        words: dict[str, list[int]] = {name: [] for name in START_NAMES}
        starts = self.starts
        known = starts.known
        for m in starts.scan.finditer(text):  # a word of the lists, or a glued word's start, starting a word
            word = m.group("word")
            at = m.start()
            for name in known[word] if word is not None else starts.names(_FIRST_WORD.match(text, at).group()):
                words[name].append(at)
        digits = [m.start() for m in _DIGITS.finditer(text)]
        return words, digits

    def atom_matches(self, text: str, starts: WordStarts) -> dict[str, list[re.Match[str]]]:
        """What each atom pattern's ``finditer`` finds in the folded ``text``, by pattern name.

        A pattern is tried only where one of its first words starts, or where a run of digits starts
        (``starts``: :meth:`starts_in`): the same matches, in the same order, for a small part of the work.
        """
        words, digits = starts
        found = {}
        for name in ATOM_PATTERNS:
            at = words[name]
            if name in _DIGIT_PATTERNS:
                at = sorted(at + digits) if at else digits
            found[name] = _matches_from(getattr(self, name), text, at)
        return found

    def clause_breaks(self, text: str, starts: WordStarts) -> list[tuple[int, int]]:
        """The spans ``clause_break.finditer`` finds in the folded ``text``: its marks, and its words tried only
        where one of their first words starts (``starts``: :meth:`starts_in`)."""
        found = [m.span() for m in self.clause_mark.finditer(text)]
        found += [m.span() for m in _matches_from(self.break_words, text, starts[0]["break"])]
        found.sort()
        breaks = []
        end = 0
        for span in found:  # a break over a newline holds it: no break of its own there
            if span[0] >= end:
                breaks.append(span)
                end = span[1]
        return breaks


#: The patterns of the pieces of a date, in the order their atoms are gathered.
ATOM_PATTERNS = (
    "ymd", "dmy", "text_dmy", "mdy", "day_range", "month_year", "month", "year",
    "relative", "event_day", "weekday", "period",
)  # fmt: skip
#: The names :meth:`Patterns.starts_in` gives starts for: the atom patterns and the clause-break words.
START_NAMES = (*ATOM_PATTERNS, "break")
#: Where each word pattern may start, by name, and where each run of digits starts (:meth:`Patterns.starts_in`).
WordStarts = tuple[dict[str, list[int]], list[int]]
#: A pattern's source and flags, as :func:`date_patterns` keeps them before compiling them.
Source = tuple[str, int]
#: The patterns that may start at the first digit of a number (a day, a year).
_DIGIT_PATTERNS = frozenset({"ymd", "dmy", "text_dmy", "day_range", "year"})
_DIGITS = re.compile(r"\d+")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
#: What may come glued before a word pattern's first word: nothing, or the conjunction «و» or «ف».
_CONJUNCTIONS = ("", "و", "ف")


@dataclass(frozen=True, slots=True)
class Starts:
    """Where the word patterns of the scanner can start: the first words of their alternatives.

    Every word pattern starts at the start of a word, with a conjunction («و», «ف») or not, by the first word
    of one of its alternatives (a cue «في», a marker "last", a month, a weekday…; a year noun may carry «لل»,
    «ب» or «ل»), and that word ends where the letters of the text's word end (a space, an apostrophe or a digit
    follows it): ``words`` maps each such word to the patterns it can start. A first word that may be glued
    to the next («avant-hier» written «avanthier», "the" in "theweek") only begins the text's word: ``glued``.
    """

    words: dict[str, tuple[str, ...]]
    glued: dict[str, tuple[str, ...]]
    glued_words: tuple[str, ...]
    #: Finds, at the start of a word, a word of ``words`` (as the group ``word``) or a glued word's start.
    scan: re.Pattern[str]
    #: :meth:`names` of every word of ``words`` (a glued word's patterns included where one begins it).
    known: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def names(self, letters: str) -> tuple[str, ...]:
        """The patterns that may start at a word whose letters (up to a digit) are ``letters``."""
        found = self.words.get(letters, ())
        if letters.startswith(self.glued_words):
            glued = {name for word, names in self.glued.items() if letters.startswith(word) for name in names}
            found = tuple(name for name in START_NAMES if name in glued or name in found)
        return found


def _trie(words: Iterable[str]) -> str:
    """One regular expression for the words, as a tree of their letters (the engine follows one branch)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        parts = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(tree) or "(?!)"


def _first_word(phrase: str) -> tuple[str, bool]:
    """The letters a phrase's pattern must start with (its first word), and whether a hyphen may glue the next."""
    found = _FIRST_WORD.match(phrase)
    if found is None:  # no word list holds such a phrase (tests/dates/test_patterns.py)
        raise ValueError(f"a date word must start with a letter: {phrase!r}")
    after = phrase[found.end() : found.end() + 1]
    return found.group(), after != "" and after in _HYPHENS


def _starts(first_words: dict[str, Iterable[str]], glued: dict[str, Iterable[str]]) -> dict[str, Any]:
    """The first words of each word pattern, with a conjunction or not: :class:`Starts`' ``words`` and ``glued``,
    and its ``scan``'s source (:func:`_compiled_starts` makes it)."""
    exact: dict[str, set[str]] = {}
    loose: dict[str, set[str]] = {}
    bare: tuple[set[str], set[str]] = (set(), set())  # the first words without a conjunction: exact, loose
    for table, always_glued in ((first_words, False), (glued, True)):
        for name, phrases in table.items():
            for phrase in phrases:
                word, hyphen = _first_word(phrase)
                bare[always_glued or hyphen].add(word)
                for conjunction in _CONJUNCTIONS:
                    (loose if always_glued or hyphen else exact).setdefault(conjunction + word, set()).add(name)

    def ordered(mapping: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
        return {word: tuple(n for n in START_NAMES if n in names) for word, names in mapping.items()}

    words, glued = ordered(exact), ordered(loose)
    # every word with each conjunction before it or none: the conjunction as one optional letter, not a third
    # and a second copy of the tree (the same words match: a quarter of the pattern to compile)
    conjunction = f"[{''.join(_CONJUNCTIONS)}]?"
    scan = rf"(?<![^\W_])(?:(?P<word>{conjunction}{_trie(bare[0])})(?![^\W\d_])|{conjunction}{_trie(bare[1])})"
    return {"words": words, "glued": glued, "scan": scan}


def _compiled_starts(tables: dict[str, Any]) -> Starts:
    """The :class:`Starts` of :func:`_starts`' tables, its scan compiled."""
    found = Starts(tables["words"], tables["glued"], tuple(tables["glued"]), re.compile(tables["scan"]))
    found.known.update((word, found.names(word)) for word in found.words)
    return found


def _matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` when the pattern can start only at ``starts`` (in text order)."""
    found = []
    end = 0
    for at in starts:
        if at < end:
            continue
        m = pattern.match(text, at)
        if m is not None:
            found.append(m)
            end = max(m.end(), at + 1)
    return found


def _start_words() -> dict[str, Any]:
    """The first words of the word patterns, from the word lists they are compiled from."""
    lex = load_dates_lexicon()
    past_next = [w for w, marker in lex.markers.items() if marker != Marker.THIS]
    months = [*lex.months, *lex.month_abbreviations]
    nouns = [prefix + noun for noun in lex.year_nouns for prefix in ("", "لل", "ب", "ل")]
    first_words = {
        "mdy": lex.english_months,
        "month_year": [*months, "شهر"],
        "month": [*lex.month_preps, *lex.markers, "شهر", *months],
        "year": [*lex.year_preps, "the", *nouns],
        "relative": lex.relative_days,
        "event_day": lex.event_days,
        "weekday": [*lex.weekday_lead, *past_next, *lex.weekdays],
        "period": [*lex.period_earlier, *lex.markers, "l", *lex.periods],
        "break": [w for w in (*lex.clause_breaks, *lex.eve_words) if w],
    }
    return _starts(first_words, {"period": ["the", "la", "le"]})  # «the\s*week»: the article may be glued


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


def _numeric_patterns() -> dict[str, Source]:
    """ISO dates (2023-09-13) and day-first numeric dates (13-9-2023)."""
    year, month, day = rf"(?P<y>{_YEAR})", r"(?P<m>\d{1,2})", r"(?P<d>\d{1,2})"
    return {
        "ymd": _source(rf"(?<![\d.]){_numeric(year, month, day)}"),
        "dmy": _source(rf"(?<!\d)(?<!\d[-/.]){_numeric(day, month, year)}"),
    }


def _day_month_patterns() -> dict[str, Source]:
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
        "text_dmy": _source(rf"{day}[\s,]*{of}{month}{year_after}?"),
        "mdy": _source(rf"{_WORD_START}{english}\s+{_day('d')}(?:\s*,?\s*(?P<y>{_YEAR})(?!\d))?"),
        "day_range": _source(rf"{day}\s*(?:[-–—]|{links}(?=[\s\d]))\s*{_day('d2')}[\s,]*{of}{month}{year_after}?"),
        "month_year": _source(rf"{_WORD_START}{_CONJUNCTION}(?P<body>(?:شهر\s+)?{month}{year_after})"),
    }


def _word_patterns() -> dict[str, Source]:
    """Months and years with a cue, relative days, weekdays and relative periods."""
    lex = load_dates_lexicon()
    full_months = alternation(m for m in lex.months if m not in lex.month_abbreviations)
    markers = alternation(lex.markers)
    past_next = alternation(w for w, marker in lex.markers.items() if marker != Marker.THIS)
    month = _marked(rf"(?P<shahr>شهر\s+)?(?P<mn>{full_months}){_WORD_END}", markers)
    year_noun = rf"(?P<noun>(?:لل|[بل])?{alternation(lex.year_nouns)})"
    weekday = _marked(rf"(?P<w>{alternation(lex.weekdays)}){_WORD_END}", past_next)
    period = _marked(rf"(?:(?:the|la|le|l['’])\s*)?(?P<p>{alternation(lex.periods)}){_WORD_END}", markers)
    earlier = rf"(?:(?P<early>{alternation(lex.period_earlier)})\s+)?"  # "earlier this week"
    start = rf"{_WORD_START}{_CONJUNCTION}"
    return {
        "month": _source(rf"{_cued(lex.month_preps)}(?P<body>{month})"),
        "year": _source(rf"{_cued(lex.year_preps)}(?:the\s+)?(?P<body>(?:{year_noun}\s+)?(?P<y>{_YEAR})(?!\d))"),
        "relative": _source(rf"{start}(?P<w>{alternation(lex.relative_days)}){_WORD_END}"),
        "event_day": _source(rf"{start}(?P<w>{alternation(lex.event_days)}){_WORD_END}"),
        "weekday": _source(rf"{start}(?P<body>(?:(?P<lead>{alternation(lex.weekday_lead)})\s+)?{weekday})"),
        "period": _source(rf"{start}(?P<body>{earlier}{period})(?!\s+(?:of|de|du|d['’])(?![^\W\d_]))"),
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
        lang: _source(conjoined.format(alternation(ws)) if lang == "ar" else alternation(ws, bounded=True))
        for lang, ws in lex.future_words.items()
    }
    return {
        "clause_break": _source(rf"{opens}(?:\.(?=\s|$)|[!?؟;؛\n“”«»\"]|:(?!\d)|{breaks})"),
        # clause_break in two: its marks (the mark first and checked after it, for a fast scan) and its words
        "clause_mark": _source(r'[.!?؟;؛\n“”«»":](?:(?<=\.)(?=\s|$)|(?<=:)(?!\d)|(?<=[!?؟;؛\n“”«»"]))'),
        "break_words": _source(breaks),
        "written_break": _source(alternation(lex.clause_breaks_as_written, bounded=True), re.IGNORECASE),
        "future_words": future_words,
        "future_not": _source(alternation(lex.future_not_words, bounded=True)),
        "future_opener": _source(rf"{_WORD_START}{_CONJUNCTION}{alternation(lex.future_openers)}\s*$"),
        "coordinator": _source(alternation(lex.coordinators, bounded=True)),
        "eve": _source(rf"{_WORD_START}{_CONJUNCTION}{alternation(lex.eve_words)}{_WORD_END}"),
        "aller": _source(
            rf"{_WORD_START}{alternation(lex.aller)}\s+(?:{pronoun}\s*)?[^\W\d_]{{2,}}(?:er|ir|re|oir){_WORD_END}"
        ),
    }


def _source(pattern: str, flags: int = 0) -> Source:
    """A pattern as its source and flags (compiled by :func:`date_patterns`)."""
    return pattern, int(flags)


def _sources() -> dict[str, Any]:
    """Everything :func:`date_patterns` compiles, as plain data: the patterns' sources, the lookups (an
    enumeration as its value) and the tables of :class:`Starts`, worked out from the word lists."""
    lex = load_dates_lexicon()
    keyed = {name: _keyed(getattr(lex, name)) for name in ("months", "weekdays", "relative_days", "event_days")}
    keyed.update({name: {k: str(v) for k, v in _keyed(getattr(lex, name)).items()} for name in ("periods", "markers")})
    patterns = {**_numeric_patterns(), **_day_month_patterns(), **_word_patterns(), **_tense_patterns()}
    return {"patterns": patterns, "keyed": keyed, "starts": _start_words()}


def _stamp() -> str | None:
    """What the sources are worked out from: this code, the word lists' code and folding, and the word lists."""
    code = code_stamp(__name__, load_dates_lexicon.__module__, name_key.__module__)
    return code and f"{code}\n{DATES_FILE.read_text(encoding='utf-8')}"


@cache
def date_patterns() -> Patterns:
    """Compile the scanner's expressions from the word lists (once, on first use).

    Their sources and lookups are worked out from the word lists once and kept compiled
    (:func:`geo.text.compiled_data.compiled`): a fresh process only compiles the expressions.
    """
    sources = compiled("date-patterns", stamp=_stamp(), build=_sources)
    patterns = sources.pop("patterns")
    future_words = patterns.pop("future_words")
    keyed = sources["keyed"]
    return Patterns(
        **{name: re.compile(*source) for name, source in patterns.items()},
        future_words={lang: re.compile(*source) for lang, source in future_words.items()},
        months=keyed["months"],
        weekdays=keyed["weekdays"],
        relative_days=keyed["relative_days"],
        event_days=keyed["event_days"],
        periods={k: Unit(v) for k, v in keyed["periods"].items()},
        markers={k: Marker(v) for k, v in keyed["markers"].items()},
        starts=_compiled_starts(sources["starts"]),
    )
