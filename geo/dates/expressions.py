"""Date expressions anchored to the publication date (HeidelTime's model).

News dates events relative to the day it was published: «يوم أمس الجمعة»,
"hier", "on Sunday", «سبتمبر الماضي». :func:`find_dates` finds the date
expressions of an article in Arabic, French and English and resolves each
to an inclusive range of days, anchored to the document creation time (the
publication date, :mod:`geo.dates.publication`). Word lists live in
``data/lexicon/dates.yaml``, loaded once, lazily. Matching runs on folded
text (:func:`geo.text.folding.fold`: hamza and ta marbuta variants, Arabic-Indic
digits, case and accents), and spans map back to the article's own text.

Rules
-----
* **Today, yesterday, tomorrow** («اليوم، أمس، البارحة، أول أمس، غدا، بعد غد»,
  "hier", "demain", "yesterday"…): the anchor plus or minus days. The Arabic
  «اليوم» is also the noun "the day": it is a date only when a weekday or a
  date follows it («اليوم الأحد»), or when it stands as an adverb: not after a
  preposition or determiner («في اليوم», «ذلك اليوم», «طوال اليوم») and not
  before an ordinal, adjective or relative pronoun («اليوم الأول», «اليوم
  الذي»); so «قال اليوم» is today.
* **Weekdays** («يوم الأحد», «والخميس», "lundi", "on Monday"): the latest such
  day on or before the anchor (the anchor's own weekday is the anchor day);
  the first such day after the anchor when the weekday says next («الأحد
  المقبل», "next Monday", "lundi prochain") or its clause is in the future
  tense (:func:`sentence_is_future`); the latest before the anchor when it
  says last («الأحد الماضي»). The clause runs between strong punctuation and
  words that open a reported clause («إن/أن», "that", "que"), so in «قال
  الكرملين الخميس إن لافروف سيزور…» Thursday is the day of saying.
* **Combinations check each other**: a relative word, a weekday and a
  calendar date next to each other («يوم أمس الجمعة», «اليوم الجمعة 15
  سبتمبر 2023», «الأربعاء 13 سبتمبر») form one expression. When they agree it
  is exact («yesterday, Friday: checked»); when they disagree the note says
  so and the calendar date is kept if there is one, else the relative word,
  with certainty ``approximate``.
* **Absolute dates**: day, month name (both Arabic traditions, French,
  English), year, in any order news uses, glued or not («15سبتمبر2023»),
  ordinals ("12th, September 2023", "1er mars"), numeric day-first dates
  (13-9-2023, 13/09/2023, «24 . 04 . 2019»; month-first only when day-first
  is impossible; an ambiguous numeric date in English is ``approximate``),
  ISO dates (2023-09-13) and day ranges ("13-15 September"). A date without
  a year takes the year that puts it nearest before or around the anchor:
  the latest occurrence on or before the anchor plus :data:`GRACE_DAYS`
  (news reports past events; «20 سبتمبر» four days after the anchor is still
  this year's), or the first on or after the anchor in a future clause; a
  weekday or relative word written with it picks the year it confirms. Such
  a date is ``exact`` when a weekday or relative word confirms it or it lies
  within :data:`NEAR_DAYS` of the anchor, else ``approximate``.
* **Months and years**: a month with a year («في يوليو 2000») is that month;
  a month alone needs a cue (a preposition «في، منذ، خلال», "in", "en", the
  word «شهر», or a marker «الماضي/المقبل», "last/next", "dernier/prochain"):
  with a past marker it is the latest such month before the publication
  month, with a next marker the first after; otherwise the latest on or
  before the publication month, or the first on or after it in a future
  clause (``exact`` within :data:`NEAR_DAYS`, else ``approximate``). A 4-digit
  number 1900–2100 is a year only after a year cue («عام، سنة، في، منذ»,
  "in", "since", "year", "en", "depuis"): quantities («18 شهراً», "459
  feet", «100 عام») are not years. «العام الماضي», "last month", "cette
  année" are the calendar year or month before, after or of the anchor.
* **Weeks**: «الأسبوع الماضي/المقبل», "last/next week", "la semaine
  dernière/prochaine": the 7 days before/after the anchor; "this week": the
  Monday–Sunday week of the anchor (all ``approximate``).
* **No anchor**: everything relative resolves to ``None`` with certainty
  ``unknown``; absolute dates, months with a year and years still resolve.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import Any, Literal

import yaml

from geo.errors import IndexBuildError
from geo.model import Article, Span
from geo.places.gazetteer_sources import DATA_DIR
from geo.text.folding import Folded, extend_over_marks, fold, fold_text, is_arabic, name_key

__all__ = [
    "Certainty",
    "DATES_FILE",
    "DatesLexicon",
    "Kind",
    "GRACE_DAYS",
    "NEAR_DAYS",
    "TimeExpr",
    "anchor_weekdays",
    "clause_is_future",
    "find_dates",
    "find_dates_in_text",
    "load_dates_lexicon",
    "sentence_is_future",
]

#: What an expression names: a calendar date, a day relative to the anchor,
#: a weekday, a month, a year, or a range of days.
Kind = Literal["absolute", "relative", "weekday", "month", "year", "range"]
#: How sure a resolution is (see the module rules).
Certainty = Literal["exact", "approximate", "unknown"]

DATES_FILE = DATA_DIR / "lexicon" / "dates.yaml"
#: A date whose year is inferred is exact when it lies this close to the anchor.
NEAR_DAYS = 90
#: A day written without a year may lie this many days after the anchor (outside a future clause).
GRACE_DAYS = 7

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
# A word starts / ends here: no letter or digit before; no letter after (a digit may follow: «سبتمبر2023»).
_L = r"(?<![^\W_])"
_R = r"(?![^\W\d_])"
# An Arabic conjunction glued to the word («والخميس», «فاليوم»).
_CL = r"(?:[وف](?=[^\W\d_]))?"
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_ORD = r"(?:st|nd|rd|th|er)?"
_HYPHENS = "-\u2010\u2011"
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_WORD = re.compile(r"[^\W\d_]+")
_PREVIOUS_WORD = re.compile(r"([^\W_]+)[ \t\u00a0]*$")
_NEXT_WORDS = re.compile(r"[ \t\u00a0]*([^\W_]+)(?:[ \t\u00a0]+([^\W_]+))?")
_SEPARATOR = re.compile(r"(?:\s|[,،(\-–—]|le|the|الموافق)*")
#: A word with a future prefix (سيـ، ستـ، سنـ، سأ) is a verb when the word without
#: it is at least this much more frequent (Zipf scale, wordfreq).
_PREFIX_MARGIN = 0.3


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A date expression of an article, resolved to an inclusive range of days.

    Attributes
    ----------
    start, end:
        Character offsets into ``article.text``; ``article.text[start:end] == text``.
    text:
        The expression as written.
    first, last:
        The inclusive range (equal for one day); ``None`` when it cannot be resolved.
    kind:
        See :data:`Kind`.
    certainty:
        See :data:`Certainty`.
    note:
        How it was resolved or checked ("yesterday, Friday: checked").
    """

    start: int
    end: int
    text: str
    first: dt.date | None
    last: dt.date | None
    kind: Kind
    certainty: Certainty
    note: str


# --- lexicon ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DatesLexicon:
    """The folded word lists of ``dates.yaml``.

    Mappings are keyed by the folded phrase as written in the file (words
    separated by one space); word lists hold folded words.
    """

    months: dict[str, int]
    month_abbreviations: frozenset[str]
    english_months: frozenset[str]
    french_months: frozenset[str]
    weekdays: dict[str, int]
    weekday_lead: tuple[str, ...]
    weekday_not_after: frozenset[str]
    relative_days: dict[str, int]
    today_noun: frozenset[str]
    day_noun_before: frozenset[str]
    day_noun_after: frozenset[str]
    periods: dict[str, str]
    markers: dict[str, str]
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
    clause_breaks: tuple[str, ...]
    published_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]


def _fold_all(words: Iterable[Any]) -> tuple[str, ...]:
    """Folded, stripped, de-duplicated and sorted words."""
    return tuple(sorted({fold_text(str(w)).strip() for w in words if str(w).strip()}))


def _words(raw: dict[str, Any], name: str) -> tuple[str, ...]:
    """The folded words of the per-language list ``name`` (all languages)."""
    return _fold_all(w for words in (raw.get(name) or {}).values() for w in words or ())


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


@cache
def load_dates_lexicon(path: Path = DATES_FILE) -> DatesLexicon:
    """Load and fold ``dates.yaml`` once per process.

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
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
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
        today_noun=frozenset(_words(raw, "today_noun")),
        day_noun_before=frozenset(_words(raw, "day_noun_before")),
        day_noun_after=frozenset(_words(raw, "day_noun_after")),
        periods={w: unit for unit, by_lang in (raw.get("periods") or {}).items() for w in _words({"p": by_lang}, "p")},
        markers={w: kind for kind in ("past", "next", "this") for w in _words(raw, f"{kind}_markers")},
        year_nouns=_words(raw, "year_nouns"),
        year_preps=_words(raw, "year_preps"),
        month_preps=_words(raw, "month_preps"),
        range_links=_words(raw, "range_links"),
        future_words=_future_list(future, "words"),
        future_not_words=tuple(w for ws in _future_list(future, "not_words").values() for w in ws),
        future_prefixes=tuple(str(w) for w in (future.get("ar") or {}).get("prefixes") or ()),
        not_verbs=frozenset(w for ws in _future_list(future, "not_verbs").values() for w in ws),
        french_endings=_future_list(future, "endings").get("fr", ()),
        aller=_future_list(future, "aller").get("fr", ()),
        clause_breaks=_words(raw, "clause_breaks"),
        published_labels=_words(raw, "published_labels"),
        updated_labels=_words(raw, "updated_labels"),
    )


# --- patterns --------------------------------------------------------------------------------


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


def _alternation(words: Iterable[str], *, bounded: bool = False) -> str:
    """A non-capturing alternation of words, longest first; ``bounded`` adds word boundaries.

    A word that starts or ends with an apostrophe gets no boundary on that side ("'ll", "qu'").
    """
    parts = []
    for word in sorted({w for w in words if w}, key=lambda w: (-len(w), w)):
        pattern = _word_regex(word)
        if bounded:
            pattern = ("" if word[0] in "'’" else _L) + pattern + ("" if word[-1] in "'’" else _R)
        parts.append(pattern)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The compiled expressions of the scanner, and lookups by :func:`_key`."""

    ymd: re.Pattern[str]
    dmy: re.Pattern[str]
    text_dmy: re.Pattern[str]
    mdy: re.Pattern[str]
    day_range: re.Pattern[str]
    month_year: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    relative: re.Pattern[str]
    weekday: re.Pattern[str]
    period: re.Pattern[str]
    clause_break: re.Pattern[str]
    future_words: dict[str, re.Pattern[str]]
    future_not: re.Pattern[str]
    aller: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    periods: dict[str, str]
    markers: dict[str, str]


def _keyed(mapping: dict[str, Any]) -> dict[str, Any]:
    """Re-key a folded-phrase mapping by :func:`_key`."""
    return {name_key(word): value for word, value in mapping.items()}


@cache
def _patterns() -> _Patterns:
    """Compile the scanner's expressions from the lexicon (once)."""
    lex = load_dates_lexicon()
    full_months = _alternation(m for m in lex.months if m not in lex.month_abbreviations)
    months = rf"(?:{full_months}{_R}|{_alternation(lex.month_abbreviations)}{_R}\.?)"
    month = rf"(?P<mn>{months})(?:\s*/\s*{months})?"
    markers = _alternation(lex.markers)
    past_next = _alternation(w for w, kind in lex.markers.items() if kind != "this")
    day = rf"(?<!\d)(?<!\d[.:/-])(?P<d>\d{{1,2}}){_ORD}(?!\d)"
    of = r"(?:(?:de|of|من)\s+)?(?:شهر\s+)?"
    year_after = rf"(?:[\s,]*(?:(?:de|من|عام|سنه)\s+)?(?P<y>{_YEAR})(?!\d))"
    links = _alternation(lex.range_links)
    return _Patterns(
        ymd=re.compile(
            rf"(?<![\d.])(?P<y>{_YEAR})\s*(?P<s>[-/.])\s*(?P<m>\d{{1,2}})\s*(?P=s)\s*(?P<d>\d{{1,2}})(?!\d)"
        ),
        dmy=re.compile(
            rf"(?<!\d)(?<!\d[-/.])(?P<d>\d{{1,2}})\s*(?P<s>[-/.])\s*(?P<m>\d{{1,2}})\s*(?P=s)\s*(?P<y>{_YEAR})(?!\d)"
        ),
        text_dmy=re.compile(rf"{day}[\s,]*{of}{month}{year_after}?"),
        mdy=re.compile(
            rf"{_L}(?P<mn>{_alternation(lex.english_months)}{_R}\.?)\s+(?P<d>\d{{1,2}}){_ORD}(?!\d)"
            rf"(?:\s*,?\s*(?P<y>{_YEAR})(?!\d))?"
        ),
        day_range=re.compile(
            rf"{day}\s*(?:[-–—]|{links}(?=[\s\d]))\s*(?P<d2>\d{{1,2}}){_ORD}(?!\d)[\s,]*{of}{month}{year_after}?"
        ),
        month_year=re.compile(rf"{_L}{_CL}(?P<body>(?:شهر\s+)?{month}{year_after})"),
        month=re.compile(
            rf"{_L}{_CL}(?:(?P<cue>{_alternation(lex.month_preps)})(?:\s+|-))?(?P<body>(?:(?P<pre>{markers})\s+)?"
            rf"(?P<shahr>شهر\s+)?(?P<mn>{full_months}){_R}(?:\s+(?P<post>{markers}){_R})?)"
        ),
        year=re.compile(
            rf"{_L}{_CL}(?:(?P<cue>{_alternation(lex.year_preps)})(?:\s+|-))?(?:the\s+)?"
            rf"(?P<body>(?:(?P<noun>(?:لل|[بل])?{_alternation(lex.year_nouns)})\s+)?(?P<y>{_YEAR})(?!\d))"
        ),
        relative=re.compile(rf"{_L}{_CL}(?P<w>{_alternation(lex.relative_days)}){_R}"),
        weekday=re.compile(
            rf"{_L}{_CL}(?P<body>(?:(?P<lead>{_alternation(lex.weekday_lead)})\s+)?(?:(?P<pre>{past_next})\s+)?"
            rf"(?P<w>{_alternation(lex.weekdays)}){_R}(?:\s+(?P<post>{past_next}){_R})?)"
        ),
        period=re.compile(
            rf"{_L}{_CL}(?P<body>(?:(?P<pre>{markers})\s+)?(?:(?:the|la|le|l['’])\s*)?(?P<p>{_alternation(lex.periods)})"
            rf"{_R}(?:\s+(?P<post>{markers}){_R})?)(?!\s+(?:of|de|du|d['’])(?![^\W\d_]))"
        ),
        clause_break=re.compile(rf"\.(?=\s|$)|[!?؟;؛\n“”«»\"]|:(?!\d)|{_alternation(lex.clause_breaks, bounded=True)}"),
        future_words={lang: re.compile(_alternation(words, bounded=True)) for lang, words in lex.future_words.items()},
        future_not=re.compile(_alternation(lex.future_not_words, bounded=True)),
        aller=re.compile(
            rf"{_L}{_alternation(lex.aller)}\s+(?:(?:se|s['’]|l['’]|le|la|les|lui|leur|y|en|nous|vous|me|m['’]|te|t['’])"
            rf"\s*)?[^\W\d_]{{2,}}(?:er|ir|re|oir){_R}"
        ),
        months=_keyed(lex.months),
        weekdays=_keyed(lex.weekdays),
        relative_days=_keyed(lex.relative_days),
        periods=_keyed(lex.periods),
        markers=_keyed(lex.markers),
    )


# --- future tense ----------------------------------------------------------------------------


@cache
def _zipf() -> Callable[[str, str], float] | None:
    """Zipf frequency of a word: the compiled gazetteer's table of common words when the
    index exists (memory-mapped, instant), else wordfreq, else ``None``."""
    from geo.places.gazetteer import default_index_dir, load_gazetteer

    if (default_index_dir() / "meta.json").exists():
        gazetteer = load_gazetteer(check=False)
        return lambda word, _lang: gazetteer.zipf(name_key(word))
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return None
    return zipf_frequency


@lru_cache(maxsize=16384)
def _is_future_verb(word: str) -> bool:
    """Tell whether an Arabic word (marks removed, conjunction stripped) is سـ + an imperfect verb."""
    lex = load_dates_lexicon()
    if len(word) < 4 or not word.startswith(lex.future_prefixes) or fold_text(word) in lex.not_verbs:
        return False
    zipf = _zipf()
    return zipf is None or zipf(word[1:], "ar") >= zipf(word, "ar") + _PREFIX_MARGIN


def _arabic_future(text: str) -> bool:
    """An Arabic future prefix on a verb of ``text`` («سيزور», «وستعقد», «سأدعم»)."""
    for match in _WORD.finditer(_ARABIC_MARKS.sub("", text)):
        word = match.group()
        if word[0] != "س" and word[0] in "وف" and len(word) > 4:
            word = word[1:]
        if word[0] == "س" and _is_future_verb(word):
            return True
    return False


def _french_future(text: str) -> bool:
    """A French futur simple (3rd person, lowercase, not a listed noun) or "va + infinitive"."""
    lex = load_dates_lexicon()
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < 5 or not word.islower():
            continue
        folded = fold_text(word)
        if folded.endswith(lex.french_endings) and folded not in lex.not_verbs:
            return True
    return _patterns().aller.search(fold_text(text)) is not None


def sentence_is_future(text: str, language: str) -> bool:
    """Tell whether a sentence (or clause) speaks of the future.

    Arabic rules always apply (they only match Arabic script): future words
    («سوف», «لن», «من المقرر», «المقبل») and the prefix سـ on an imperfect verb
    («سيزور», «ستعقد», «سأدعم»; nouns such as «سيارة», «سيول» are not verbs).
    French rules apply unless ``language`` is ``"en"``: "prochain", "prévu",
    a futur simple ("visitera", "se rendront") or "va/vont + infinitive".
    English rules apply unless ``language`` is ``"fr"``: "will", "shall",
    "'ll", "going to", "is expected to", "next" (not "next to").

    Parameters
    ----------
    text:
        The sentence or clause, as written.
    language:
        ``"ar"``, ``"fr"`` or ``"en"``.

    Returns
    -------
    bool
    """
    patterns = _patterns()
    folded = patterns.future_not.sub(" ", fold_text(text))
    languages = ["ar"] + (["fr"] if language != "en" else []) + (["en"] if language != "fr" else [])
    if any(lang in patterns.future_words and patterns.future_words[lang].search(folded) for lang in languages):
        return True
    if is_arabic(text) and _arabic_future(text):
        return True
    return "fr" in languages and _french_future(text)


# --- atoms: the pieces of an expression, found in folded text --------------------------------


@dataclass(frozen=True, slots=True)
class _Atom:
    """One piece of a date expression; offsets point into the folded text."""

    kind: str  # date, range, month, year, relative, weekday, period
    start: int
    end: int
    value: int = 0  # relative: day offset; weekday: 0 (Monday) to 6
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    marker: str | None = None  # past, next, this
    unit: str = ""  # period: week, month, year
    word: str = ""  # relative: the folded word
    ambiguous: bool = False  # a numeric date that reads both day first and month first


@dataclass(frozen=True, slots=True)
class _Doc:
    """A text being scanned: original, folded, language and clause boundaries."""

    text: str
    folded: Folded
    language: str
    break_starts: tuple[int, ...]
    break_ends: tuple[int, ...]

    def char(self, index: int) -> str:
        """The original character behind folded position ``index``."""
        return self.text[self.folded.offsets[index]]


@lru_cache(maxsize=16)
def _make_doc(text: str, language: str) -> _Doc:
    """Fold ``text`` and find its clause boundaries."""
    folded = fold(text)
    breaks = [(m.start(), m.end()) for m in _patterns().clause_break.finditer(folded.text)]
    return _Doc(text, folded, language, tuple(s for s, _ in breaks), tuple(e for _, e in breaks))


def _valid(year: int | None, month: int, day: int) -> bool:
    """Tell whether the day exists (in a leap year when ``year`` is ``None``)."""
    try:
        dt.date(2000 if year is None else year, month, day)
    except ValueError:
        return False
    return True


def _marker(patterns: _Patterns, word: str | None) -> str | None:
    """``past``, ``next`` or ``this`` for a matched marker word."""
    return patterns.markers.get(name_key(word)) if word else None


def _numeric_atoms(doc: _Doc, patterns: _Patterns) -> list[_Atom]:
    """ISO dates (2023-09-13) and day-first numeric dates (13-9-2023, 13/09/2023, «24 . 04 . 2019»)."""
    atoms = []
    for m in patterns.ymd.finditer(doc.folded.text):
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if _valid(year, month, day):
            atoms.append(_Atom("date", m.start(), m.end(), year=year, month=month, day=day))
    for m in patterns.dmy.finditer(doc.folded.text):
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        ambiguous = day <= 12 and month <= 12 and day != month
        if not _valid(year, month, day):
            day, month = month, day  # month first, when day first is impossible
        if _valid(year, month, day):
            atoms.append(_Atom("date", m.start(), m.end(), year=year, month=month, day=day, ambiguous=ambiguous))
    return atoms


def _latin_case_ok(doc: _Doc, index: int, name: str) -> bool:
    """A month named alone: English names are capitalised ("May"), French ones are not ("mars", not Mars)."""
    first = doc.char(index)
    if not first.isalpha() or is_arabic(first):
        return True
    lex = load_dates_lexicon()
    if name in lex.english_months and name not in lex.french_months:
        return first.isupper()
    if name in lex.french_months and name not in lex.english_months:
        return first.islower()
    return True


def _day_month_atoms(doc: _Doc, patterns: _Patterns) -> list[_Atom]:
    """Day, month name and optional year, in both orders, and ranges of days."""
    text = doc.folded.text
    atoms = []
    for m in patterns.text_dmy.finditer(text):
        month, day, year = patterns.months[name_key(m["mn"])], int(m["d"]), int(m["y"]) if m["y"] else None
        if _valid(year, month, day):
            atoms.append(_Atom("date", m.start(), m.end(), year=year, month=month, day=day))
    for m in patterns.mdy.finditer(text):
        month, day, year = patterns.months[name_key(m["mn"])], int(m["d"]), int(m["y"]) if m["y"] else None
        if doc.char(m.start("mn")).isupper() and _valid(year, month, day):
            atoms.append(_Atom("date", m.start(), m.end(), year=year, month=month, day=day))
    for m in patterns.day_range.finditer(text):
        month, day, day2 = patterns.months[name_key(m["mn"])], int(m["d"]), int(m["d2"])
        year = int(m["y"]) if m["y"] else None
        if day < day2 and _valid(year, month, day) and _valid(year, month, day2):
            atoms.append(_Atom("range", m.start(), m.end(), year=year, month=month, day=day, day2=day2))
    return atoms


def _month_year_atoms(doc: _Doc, patterns: _Patterns) -> list[_Atom]:
    """Months with a year («يوليو 2000»), months with a cue («في أكتوبر», «سبتمبر الماضي»), years with a cue."""
    text = doc.folded.text
    atoms = []
    for m in patterns.month_year.finditer(text):
        month = patterns.months[name_key(m["mn"])]
        atoms.append(_Atom("month", m.start("body"), m.end("body"), year=int(m["y"]), month=month))
    for m in patterns.month.finditer(text):
        cued = m["cue"] or m["pre"] or m["post"] or m["shahr"]
        if cued and _latin_case_ok(doc, m.start("mn"), m["mn"]):
            marker = _marker(patterns, m["pre"] or m["post"])
            month = patterns.months[name_key(m["mn"])]
            atoms.append(_Atom("month", m.start("body"), m.end("body"), month=month, marker=marker))
    for m in patterns.year.finditer(text):
        if m["cue"] or m["noun"]:
            atoms.append(_Atom("year", m.start("body"), m.end("body"), year=int(m["y"])))
    return atoms


def _word_atoms(doc: _Doc, patterns: _Patterns) -> list[_Atom]:
    """Relative days («أمس», "hier"), weekdays («يوم الأحد», "next Monday"), periods («الأسبوع الماضي»)."""
    text = doc.folded.text
    not_after = load_dates_lexicon().weekday_not_after
    atoms = []
    for m in patterns.relative.finditer(text):
        key = name_key(m["w"])
        atoms.append(_Atom("relative", m.start("w"), m.end("w"), value=patterns.relative_days[key], word=key))
    for m in patterns.weekday.finditer(text):
        if not (m["lead"] or m["pre"] or m["post"]) and _previous_word(text, m.start()) in not_after:
            following = _NEXT_WORDS.match(text, m.end())  # «بين الأحد والاثنين» is a pair of days
            if not (following and name_key(following.group(1)[1:]) in patterns.weekdays):
                continue
        marker = _marker(patterns, m["pre"] or m["post"])
        atoms.append(
            _Atom("weekday", m.start("body"), m.end("body"), value=patterns.weekdays[name_key(m["w"])], marker=marker)
        )
    for m in patterns.period.finditer(text):
        if m["pre"] or m["post"]:
            marker = _marker(patterns, m["pre"] or m["post"])
            atoms.append(
                _Atom("period", m.start("body"), m.end("body"), unit=patterns.periods[name_key(m["p"])], marker=marker)
            )
    return atoms


def _previous_word(text: str, index: int) -> str | None:
    """The word right before ``index`` when only spaces stand between, else ``None``."""
    match = _PREVIOUS_WORD.search(text, max(0, index - 40), index)
    return match.group(1) if match else None


def _select(atoms: list[_Atom]) -> list[_Atom]:
    """Keep the longest atoms that do not overlap, in text order."""
    chosen: list[_Atom] = []
    for atom in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
        if all(atom.end <= c.start or atom.start >= c.end for c in chosen):
            chosen.append(atom)
    return sorted(chosen, key=lambda a: a.start)


# --- groups: a relative word, a weekday and a date that check each other ---------------------


@dataclass(frozen=True, slots=True)
class _Group:
    """One expression: up to a relative word, a weekday and a main atom, in that order."""

    start: int
    end: int
    relative: _Atom | None = None
    weekday: _Atom | None = None
    main: _Atom | None = None


def _group(doc: _Doc, atoms: list[_Atom]) -> list[_Group]:
    """Join adjacent atoms («يوم أمس الجمعة», "Friday, 15 September 2023") into expressions."""
    text = doc.folded.text
    groups = []
    i = 0
    while i < len(atoms):
        parts: dict[str, _Atom] = {}
        j = i
        for kind in ("relative", "weekday", "date"):
            joined = j == i or (j < len(atoms) and _SEPARATOR.fullmatch(text, atoms[j - 1].end, atoms[j].start))
            if j < len(atoms) and atoms[j].kind == kind and joined:
                parts[kind] = atoms[j]
                j += 1
        if j == i:  # a month, year, range or period stands alone
            parts, j = {"date": atoms[i]}, i + 1
        groups.append(
            _Group(atoms[i].start, atoms[j - 1].end, parts.get("relative"), parts.get("weekday"), parts.get("date"))
        )
        i = j
    return groups


def _is_day_noun(doc: _Doc, group: _Group) -> bool:
    """Tell whether a lone «اليوم» is the noun "the day" rather than "today" (see the module rules)."""
    relative = group.relative
    lex = load_dates_lexicon()
    if relative is None or group.weekday or group.main or relative.word not in lex.today_noun:
        return False
    if _previous_word(doc.folded.text, relative.start) in lex.day_noun_before:
        return True
    after = _NEXT_WORDS.match(doc.folded.text, relative.end)
    if after is None:
        return False
    one = after.group(1)
    two = f"{one} {after.group(2)}" if after.group(2) else one
    return one in lex.day_noun_after or two in lex.day_noun_after


# --- resolution ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Resolved:
    """A resolved expression, before it is placed in the article."""

    first: dt.date | None
    last: dt.date | None
    kind: Kind
    certainty: Certainty
    note: str
    anchored: bool = False  # the anchor was needed to resolve it


def _unknown(kind: Kind, what: str) -> _Resolved:
    """An expression that needs an anchor when there is none."""
    return _Resolved(None, None, kind, "unknown", f"{what}: no publication date to anchor it")


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


def _nearest(candidates: list[dt.date], anchor: dt.date, future: bool) -> dt.date:
    """The candidate nearest before or around the anchor.

    In a future clause the first on or after the anchor; otherwise the latest
    on or before the anchor plus :data:`GRACE_DAYS` (news dates past events,
    and a day a few days ahead is still "around" the anchor).
    """
    if future:
        later = [c for c in candidates if c >= anchor]
        if later:
            return min(later)
    limit = anchor + dt.timedelta(days=GRACE_DAYS)
    earlier = [c for c in candidates if c <= limit]
    return max(earlier) if earlier else min(candidates)


def _infer_day(month: int, day: int, group: _Group, anchor: dt.date, future: bool) -> tuple[dt.date, bool, str]:
    """The year of a day and month written without one: ``(date, confirmed, note)``."""
    candidates = [dt.date(y, month, day) for y in range(anchor.year - 4, anchor.year + 5) if _valid(y, month, day)]
    close = [c for c in candidates if abs(c.year - anchor.year) <= 1] or candidates
    if group.relative is not None:
        target = anchor + dt.timedelta(days=group.relative.value)
        if target in close:
            return target, True, f"year {target.year} from the anchor"
    if group.weekday is not None:
        matching = [c for c in close if c.weekday() == group.weekday.value]
        if matching:
            chosen = _nearest(matching, anchor, future)
            return chosen, True, f"year {chosen.year} from the anchor"
    chosen = _nearest(close, anchor, future)
    how = "the first on or after it, future tense" if future and chosen >= anchor else "the latest before or around it"
    return chosen, False, f"year {chosen.year} from the anchor ({how})"


def _checks(day: dt.date, group: _Group, anchor: dt.date | None) -> tuple[list[str], bool]:
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
    if group.relative is not None:
        name = _relative_name(group.relative.value)
        if anchor is None:
            notes.append(f"{name}: not checked, no publication date")
        elif anchor + dt.timedelta(days=group.relative.value) == day:
            notes.append(f"{name}: checked")
        else:
            expected = anchor + dt.timedelta(days=group.relative.value)
            notes.append(f"{name} is {_day_name(expected)} but the text says {_day_name(day)}: kept the calendar date")
            ok = False
    return notes, ok


def _resolve_calendar(group: _Group, anchor: dt.date | None, future: Callable[[], bool], language: str) -> _Resolved:
    """A day and month, with or without a year, checked against its weekday and relative word."""
    atom = group.main
    assert atom is not None and atom.month is not None and atom.day is not None
    if atom.year is not None:
        day = dt.date(atom.year, atom.month, atom.day)
        notes = ["numeric date read day first"] if atom.ambiguous else ["calendar date"]
        certainty: Certainty = "approximate" if atom.ambiguous and language == "en" else "exact"
        anchored = False
    elif anchor is None:
        return _unknown("absolute", "a day and month without a year")
    else:
        day, confirmed, note = _infer_day(atom.month, atom.day, group, anchor, future())
        notes = [note]
        certainty = "exact" if confirmed or abs((day - anchor).days) <= NEAR_DAYS else "approximate"
        anchored = True
    checks, ok = _checks(day, group, anchor)
    return _Resolved(day, day, "absolute", certainty if ok else "approximate", "; ".join(notes + checks), anchored)


def _resolve_relative(group: _Group, anchor: dt.date | None) -> _Resolved:
    """Today, yesterday, tomorrow…, checked against a weekday written with it."""
    assert group.relative is not None
    name = _relative_name(group.relative.value)
    if anchor is None:
        return _unknown("relative", name)
    day = anchor + dt.timedelta(days=group.relative.value)
    if group.weekday is None:
        return _Resolved(day, day, "relative", "exact", name, True)
    said = _WEEKDAY_NAMES[group.weekday.value]
    if day.weekday() == group.weekday.value:
        return _Resolved(day, day, "relative", "exact", f"{name}, {said}: checked", True)
    is_ = _WEEKDAY_NAMES[day.weekday()]
    note = f"{name} is {is_} {day.day} but the text says {said}: kept {name}"
    return _Resolved(day, day, "relative", "approximate", note, True)


def _resolve_weekday(atom: _Atom, anchor: dt.date | None, future: Callable[[], bool]) -> _Resolved:
    """A weekday: the latest on or before the anchor, or the next one when it says next or the clause is future."""
    said = _WEEKDAY_NAMES[atom.value]
    if anchor is None:
        return _unknown("weekday", said)
    back = (anchor.weekday() - atom.value) % 7
    ahead = (atom.value - anchor.weekday()) % 7 or 7
    if atom.marker == "past":
        day, note = anchor - dt.timedelta(days=back or 7), f"last {said}: the latest before the anchor"
    elif atom.marker == "next":
        day, note = anchor + dt.timedelta(days=ahead), f"next {said}: the first after the anchor"
    elif future():
        day, note = anchor + dt.timedelta(days=ahead), f"{said} in a future-tense clause: the first after the anchor"
    elif back == 0:
        day, note = anchor, f"{said}: the anchor's own weekday"
    else:
        day, note = anchor - dt.timedelta(days=back), f"{said}: the latest on or before the anchor"
    return _Resolved(day, day, "weekday", "exact", note, True)


def _resolve_range(group: _Group, anchor: dt.date | None, future: Callable[[], bool]) -> _Resolved:
    """A range of days of one month («من 13 إلى 15 سبتمبر»)."""
    atom = group.main
    assert atom is not None and atom.month is not None and atom.day is not None and atom.day2 is not None
    if atom.year is not None:
        first = dt.date(atom.year, atom.month, atom.day)
        return _Resolved(first, first.replace(day=atom.day2), "range", "exact", "days of one month")
    if anchor is None:
        return _unknown("range", "days of a month without a year")
    if not _valid(None, atom.month, atom.day2):
        return _unknown("range", "a day that does not exist")
    first, _, note = _infer_day(atom.month, atom.day, _Group(group.start, group.end), anchor, future())
    while not _valid(first.year, atom.month, atom.day2):  # 28-29 February: a leap year
        first = first.replace(year=first.year - 1)
    last = first.replace(day=atom.day2)
    certainty: Certainty = "exact" if _distance(anchor, first, last) <= NEAR_DAYS else "approximate"
    return _Resolved(first, last, "range", certainty, note, True)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def _month_year(atom: _Atom, anchor: dt.date, future: Callable[[], bool]) -> tuple[int, str, bool]:
    """The year of a month named without one: ``(year, note, sure)``."""
    assert atom.month is not None
    name = _MONTH_NAMES[atom.month - 1]
    here = anchor.year * 12 + anchor.month
    years = {y * 12 + atom.month: y for y in (anchor.year - 1, anchor.year, anchor.year + 1)}
    if atom.marker == "past":
        return years[max(i for i in years if i < here)], f"{name}, last: the latest before the publication month", True
    if atom.marker == "next":
        return years[min(i for i in years if i > here)], f"{name}, next: the first after the publication month", True
    if atom.marker == "this":
        return anchor.year, f"{name} of the publication year", True
    if future():
        year = years[min(i for i in years if i >= here)]
        return year, f"year {year} from the anchor (the first on or after it, future tense)", False
    year = years[max(i for i in years if i <= here)]
    return year, f"year {year} from the anchor (the latest on or before it)", False


def _resolve_month(atom: _Atom, anchor: dt.date | None, future: Callable[[], bool]) -> _Resolved:
    """A month, with a year or placed around the anchor."""
    assert atom.month is not None
    if atom.year is not None:
        first, last = _month_range(atom.year, atom.month)
        return _Resolved(first, last, "month", "exact", f"{_MONTH_NAMES[atom.month - 1]} {atom.year}")
    if anchor is None:
        return _unknown("month", f"{_MONTH_NAMES[atom.month - 1]} without a year")
    year, note, sure = _month_year(atom, anchor, future)
    first, last = _month_range(year, atom.month)
    certainty: Certainty = "exact" if sure or _distance(anchor, first, last) <= NEAR_DAYS else "approximate"
    return _Resolved(first, last, "month", certainty, note, True)


_SHIFT = {"past": -1, "next": 1, "this": 0}
_PERIOD_WORDS = {"past": "last", "next": "next", "this": "this"}


def _resolve_period(atom: _Atom, anchor: dt.date | None) -> _Resolved:
    """Last/next/this week, month or year."""
    shift = _SHIFT[atom.marker or "this"]
    what = f"{_PERIOD_WORDS[atom.marker or 'this']} {atom.unit}"
    kind: Kind = "range" if atom.unit == "week" else "month" if atom.unit == "month" else "year"
    if anchor is None:
        return _unknown(kind, what)
    if atom.unit == "week":
        if shift:
            first = anchor + dt.timedelta(days=1 if shift > 0 else -7)
            note = f"{what}: the 7 days {'after' if shift > 0 else 'before'} the anchor"
        else:
            first, note = anchor - dt.timedelta(days=anchor.weekday()), f"{what}: Monday to Sunday of the anchor's week"
        return _Resolved(first, first + dt.timedelta(days=6), kind, "approximate", note, True)
    if atom.unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        first, last = _month_range(index // 12, index % 12 + 1)
        return _Resolved(first, last, kind, "exact", f"{what}: a calendar month", True)
    year = anchor.year + shift
    return _Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), kind, "exact", f"{what}: a calendar year", True)


def _resolve(group: _Group, anchor: dt.date | None, future: Callable[[], bool], language: str) -> _Resolved:
    """Resolve one expression."""
    main = group.main
    if main is not None and main.kind == "date":
        return _resolve_calendar(group, anchor, future, language)
    if group.relative is not None:
        return _resolve_relative(group, anchor)
    if group.weekday is not None:
        return _resolve_weekday(group.weekday, anchor, future)
    assert main is not None
    if main.kind == "range":
        return _resolve_range(group, anchor, future)
    if main.kind == "month":
        return _resolve_month(main, anchor, future)
    if main.kind == "period":
        return _resolve_period(main, anchor)
    assert main.year is not None
    return _Resolved(dt.date(main.year, 1, 1), dt.date(main.year, 12, 31), "year", "exact", f"the year {main.year}")


# --- scanning --------------------------------------------------------------------------------


def _clause(doc: _Doc, start: int, end: int) -> tuple[int, int]:
    """The folded span of the clause around ``[start, end)``."""
    i = bisect.bisect_right(doc.break_ends, start)
    clause_start = doc.break_ends[i - 1] if i else 0
    j = bisect.bisect_left(doc.break_starts, end)
    clause_end = doc.break_starts[j] if j < len(doc.break_starts) else len(doc.folded.text)
    return clause_start, clause_end


def _future_at(doc: _Doc, start: int, end: int) -> bool:
    """Tell whether the clause around the folded span ``[start, end)`` is in the future tense."""
    clause_start, clause_end = _clause(doc, start, end)
    offsets = doc.folded.offsets
    return sentence_is_future(doc.text[offsets[clause_start] : offsets[clause_end]], doc.language)


def _groups_of(doc: _Doc) -> list[_Group]:
    """Every expression of the document, in text order."""
    patterns = _patterns()
    atoms = (
        _numeric_atoms(doc, patterns)
        + _day_month_atoms(doc, patterns)
        + _month_year_atoms(doc, patterns)
        + _word_atoms(doc, patterns)
    )
    return [g for g in _group(doc, _select(atoms)) if not _is_day_noun(doc, g)]


def _span(doc: _Doc, group: _Group) -> tuple[int, int]:
    """The original span of a group, marks on its last letter included («غداً»)."""
    start, end = doc.folded.original_span(group.start, group.end)
    return start, extend_over_marks(doc.text, end)


def _overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    """Tell whether ``[start, end)`` overlaps any of ``spans``."""
    return any(start < span.end and span.start < end for span in spans)


def _scan(
    text: str, *, anchor: dt.date | None, language: str, anchor_certainty: Certainty, skip: tuple[Span, ...]
) -> list[TimeExpr]:
    """Find and resolve the expressions of ``text``, leaving out those overlapping ``skip``."""
    doc = _make_doc(text, language)
    found = []
    for group in _groups_of(doc):
        start, end = _span(doc, group)
        if _overlaps(start, end, skip):
            continue
        resolved = _resolve(group, anchor, partial(_future_at, doc, group.start, group.end), language)
        certainty, note = resolved.certainty, resolved.note
        if resolved.anchored and anchor_certainty != "exact" and certainty == "exact":
            certainty, note = "approximate", f"{note}; the publication date is {anchor_certainty}"
        found.append(
            TimeExpr(start, end, text[start:end], resolved.first, resolved.last, resolved.kind, certainty, note)
        )
    return found


def find_dates(article: Article, *, anchor: dt.date | None, anchor_certainty: Certainty = "exact") -> list[TimeExpr]:
    """Find the date expressions of an article, anchored to its publication date.

    Parameters
    ----------
    article:
        The article; its furniture spans are skipped.
    anchor:
        The publication date, or ``None`` when unknown (relative expressions
        then resolve to ``None`` with certainty ``unknown``).
    anchor_certainty:
        How sure the anchor is; expressions resolved through an anchor that is
        not ``exact`` are ``approximate`` at best.

    Returns
    -------
    list of TimeExpr
        In text order, ``article.text[e.start:e.end] == e.text``.
    """
    return _scan(
        article.text,
        anchor=anchor,
        language=article.language,
        anchor_certainty=anchor_certainty,
        skip=article.furniture,
    )


def find_dates_in_text(
    text: str, *, anchor: dt.date | None = None, language: str = "ar", anchor_certainty: Certainty = "exact"
) -> list[TimeExpr]:
    """Find the date expressions of any text (a line, a title), as :func:`find_dates` does.

    Parameters
    ----------
    text:
        The text.
    anchor, anchor_certainty:
        As for :func:`find_dates`.
    language:
        ``"ar"``, ``"fr"`` or ``"en"`` (for tense and numeric-date rules).

    Returns
    -------
    list of TimeExpr
        Offsets into ``text``.
    """
    return _scan(text, anchor=anchor, language=language, anchor_certainty=anchor_certainty, skip=())


def clause_is_future(text: str, *, start: int, end: int, language: str) -> bool:
    """Tell whether the clause of ``text`` around ``[start, end)`` is in the future tense.

    The clause runs between strong punctuation (and quotation marks) and words
    that open a reported clause («إن/أن», "that", "que").

    Parameters
    ----------
    text:
        The whole text.
    start, end:
        A span of ``text`` (an expression).
    language:
        ``"ar"``, ``"fr"`` or ``"en"``.

    Returns
    -------
    bool
    """
    doc = _make_doc(text, language)
    offsets = doc.folded.offsets
    folded_start = bisect.bisect_left(offsets, start, 0, len(offsets) - 1)
    folded_end = max(folded_start, bisect.bisect_left(offsets, end, 0, len(offsets) - 1))
    return _future_at(doc, folded_start, folded_end)


def anchor_weekdays(article: Article) -> list[tuple[str, int]]:
    """The weekday the publication date must have, from each «اليوم الأحد» / "yesterday, Friday".

    A relative day written with a weekday fixes the weekday of the anchor:
    «اليوم الأحد» says the article was published on a Sunday, «أمس الجمعة» on
    a Saturday. Furniture is skipped.

    Parameters
    ----------
    article:
        The article.

    Returns
    -------
    list of (str, int)
        ``(expression text, weekday of the anchor: 0 Monday … 6 Sunday)``, in text order.
    """
    doc = _make_doc(article.text, article.language)
    cues = []
    for group in _groups_of(doc):
        if group.relative is None or group.weekday is None:
            continue
        start, end = _span(doc, group)
        if not _overlaps(start, end, article.furniture):
            cues.append((article.text[start:end], (group.weekday.value - group.relative.value) % 7))
    return cues
