"""The publication date of an article: the anchor of its relative dates.

:func:`publication_date` looks, in order, at:

1. the front matter (``article.published``): ``exact``;
2. a *labelled line*: a short line (at most ``label_line_words`` words
   besides the date) where a publication label («تاريخ النشر», «نشر في»,
   «بتاريخ», "Published", "Posted", "Publié le", "Date:") stands at most
   ``label_gap_words`` words before a full date, or a label alone on the
   line above it; the first such line, ``exact``;
3. a *date line near the top*: among the first ``top_lines`` non-blank
   lines, the first whose full date makes up the line (at most
   ``date_line_words`` other words: "2023-09-15" under a headline,
   «الأربعاء 24 . 04 . 2019», "24/04/2019 11h:00 CET") or opens it as a
   dateline («موسكو-روسيا-13-9-2023», "PARIS, 3 mars 2024 (AFP) -",
   «القاهرة 28 أبريل 2017 /»): ``exact``. A line labelled as an update
   ("Updated", «آخر تحديث», "Mis à jour") is not a date line. Nor is a
   page's banner or crawl date that the article's own words contradict:
   when the text names the weekday it was written on («اليوم الجمعة»,
   «أمس الخميس»: most of its cues agree on one weekday) and the date is more
   than ``weekday_slack_days`` from any such day, the date is the page's, not
   the article's;
4. a date in ``article.url`` (``/2023/09/16/``, ``/20240619/``,
   ``-20240619-``, ``2024-06-19``, day first ``/28/09/2023/``), unless the article's weekday contradicts
   it in the same way: ``exact``. The url is the fallback when the text
   states no publication date of its own;
5. the first date labelled as an update, ``approximate`` (a page is updated
   on or after the day it is published);
6. the *latest full date of the text* that is neither the page's (as in 3.)
   nor in the future: not in a
   future-tense clause (:func:`geo.dates.tense.clause_is_future`), so a plan
   («ستعقد القمة في 20 أكتوبر 2023») is not taken for the day of writing.
   The article was written on or after it: ``approximate``, with the date
   as evidence. (This weak floor comes after the url on purpose: a date in
   the url is the site's own publication date.)
7. else ``unknown``.

A full date has a day, a month and a year (:func:`geo.dates.expressions.find_dates_in_text`).
Nothing is guessed silently: every result names its source and evidence.
The numbers (``top_lines``, ``label_line_words``…) are fields of
:class:`~geo.settings.DateSettings`.

:func:`infer_from_corpus` then dates the articles still unknown from the rest
of the corpus (see there).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from geo.dates.anchoring import weekday_near
from geo.dates.clauses import scanned_text
from geo.dates.date_words import load_dates_lexicon
from geo.dates.expressions import TimeExpr, anchor_weekdays, find_dates_in_text, find_line_dates
from geo.dates.tense import clause_is_future
from geo.model import Article, Certainty, Published, PublishedSource, WordFrequencies
from geo.settings import DateSettings
from geo.text.folding import fold_text

__all__ = ["infer_from_corpus", "publication_date"]


class _Label(StrEnum):
    """What a label before a date says it is."""

    PUBLISHED = "published"
    UPDATED = "updated"


_LINE = re.compile(r"[^\n]+")
_LETTER_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_DATELINE_END = re.compile(r"\s*(?:\([^)\n]{1,30}\))?\s*[-–—:/]")
_EVIDENCE_CHARS = 160
#: A label is looked for in this many characters before a date at most (it stands a word or two before it):
#: the work per date does not grow with the line.
_LABEL_WINDOW_CHARS = 160
_URL_DATES = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>\d{2})(?P<d>\d{2})(?!\d)"),
    re.compile(r"/(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)/"),
)


@dataclass(slots=True)
class _Line:
    """A non-blank line of the text: its span, text, full dates (offsets into the line) and the starts and ends
    of its letter words, found once so that counting the words beside a date costs two bisections."""

    start: int
    text: str
    dates: tuple[TimeExpr, ...]
    word_starts: tuple[int, ...] = ()
    word_ends: tuple[int, ...] = ()

    @classmethod
    def of(cls, start: int, text: str, dates: tuple[TimeExpr, ...]) -> _Line:
        """The line with its letter words located."""
        words = [m.span() for m in _LETTER_WORD.finditer(text)]
        return cls(start, text, dates, tuple(a for a, _ in words), tuple(b for _, b in words))

    def words_beside(self, expr: TimeExpr) -> int:
        """The letter words of the line without ``expr`` (a word cut by it counts on each side it shows)."""
        before = bisect.bisect_left(self.word_starts, expr.start)
        after = len(self.word_ends) - bisect.bisect_right(self.word_ends, expr.end)
        return before + after


def _full_dates(text: str, language: str, settings: DateSettings) -> tuple[TimeExpr, ...]:
    """The single-day dates of ``text`` that need no anchor (day, month and year written).

    Without an anchor the tense of a clause is never asked: no word frequencies are needed.
    """
    found = find_dates_in_text(text, anchor=None, language=language, frequencies=None, settings=settings)
    return tuple(e for e in found if e.first is not None and e.first == e.last)


def _lines(article: Article, settings: DateSettings) -> list[_Line]:
    """The non-blank lines of the article with their full dates (the words of a line with dates located).

    A line with no digit once folded has none: without an anchor a date is a full day only when its
    year is written in digits, or when it counts from such a date of the same text. A line's dates are
    those of the line read alone (:func:`~geo.dates.expressions.find_line_dates`).
    """
    lines = []
    scanned = scanned_text(article.text, article.language)  # the article's one scan, shared with find_dates
    offsets = scanned.folded.offsets
    digits = [offsets[d.start()] for d in _DIGIT.finditer(scanned.folded.text)]  # where a digit is written
    for m in _LINE.finditer(article.text):
        text = m.group()
        if not text.strip():
            continue
        start, end = m.span()
        has_digit = bisect.bisect_left(digits, start) < bisect.bisect_left(digits, end)  # once folded
        dates = _line_dates(article, start, end, settings) if has_digit else ()
        lines.append(_Line.of(start, text, dates) if dates else _Line(start, text, dates))
    return lines


def _line_dates(article: Article, start: int, end: int, settings: DateSettings) -> tuple[TimeExpr, ...]:
    """The single-day dates of the line ``article.text[start:end]`` that need no anchor."""
    found = find_line_dates(article.text, start=start, end=end, language=article.language, settings=settings)
    return tuple(e for e in found if e.first is not None and e.first == e.last)


def _evidence(text: str) -> str:
    """A short, one-line evidence string."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _EVIDENCE_CHARS else flat[: _EVIDENCE_CHARS - 1] + "…"


def _word_count(text: str) -> int:
    """Letter words in ``text`` (numbers and times do not count)."""
    return len(_LETTER_WORD.findall(text))


# --- labelled lines --------------------------------------------------------------------------


@cache
def _label_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Folded publication and update labels (Arabic ones may carry the article «ال»)."""
    lex = load_dates_lexicon()

    def compile_(words: Iterable[str]) -> re.Pattern[str]:
        alternatives = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
        body = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in alternatives)
        return re.compile(rf"(?<![^\W_])(?:[وف]?(?:ب|ل)?(?:ال)?)(?:{body})(?![^\W\d_])")

    return compile_(lex.published_labels), compile_(lex.updated_labels)


def _label_before(prefix: str, settings: DateSettings) -> _Label | None:
    """The label that ends ``prefix`` (the line before a date), if any.

    The label nearest the date decides («تاريخ التحديث:» is an update); at most
    ``label_gap_words`` words may stand between it and the date ("Publié le"). The caller passes only
    the last ``_LABEL_WINDOW_CHARS`` characters before the date.
    """
    folded = fold_text(prefix)
    published, updated = _label_patterns()
    labels = [(m.end(), _Label.PUBLISHED) for m in published.finditer(folded)]
    labels += [(m.end(), _Label.UPDATED) for m in updated.finditer(folded)]
    if not labels:
        return None
    end, kind = max(labels)
    return kind if _word_count(folded[end:]) <= settings.label_gap_words else None


@lru_cache(maxsize=64)
def _label_only(text: str) -> _Label | None:
    """The label a line holds when it holds a label and nothing else."""
    folded = fold_text(text).strip().rstrip(":：-–— ")
    for kind, pattern in zip(_Label, _label_patterns(), strict=True):
        if pattern.fullmatch(folded):
            return kind
    return None


def _line_label(lines: list[_Line], index: int, expr: TimeExpr, settings: DateSettings) -> _Label | None:
    """The label of a date: just before it on its line, or alone on the line above a date line."""
    line = lines[index]
    beside = line.words_beside(expr)
    if beside > settings.label_line_words:
        return None
    kind = _label_before(line.text[max(0, expr.start - _LABEL_WINDOW_CHARS) : expr.start], settings)
    if kind is None and index and beside <= settings.date_line_words:
        kind = _label_only(lines[index - 1].text)
    return kind


def _labelled(lines: list[_Line], settings: DateSettings) -> tuple[Published | None, Published | None]:
    """The first date labelled as the publication date, and the first labelled as an update."""
    update = None
    for index, line in enumerate(lines):
        for expr in line.dates:
            kind = _line_label(lines, index, expr, settings)
            if kind == _Label.PUBLISHED:
                return Published(expr.first, PublishedSource.TEXT, Certainty.EXACT, _evidence(line.text)), update
            if kind == _Label.UPDATED and update is None:
                update = Published(expr.first, PublishedSource.TEXT, Certainty.APPROXIMATE, _evidence(line.text))
    return None, update


# --- date lines near the top -----------------------------------------------------------------


def _is_dateline(line: _Line, expr: TimeExpr, settings: DateSettings) -> bool:
    """A date that opens the line and is followed by a dash or colon ("PARIS, 3 mars 2024 (AFP) -")."""
    return expr.start <= settings.dateline_chars and _DATELINE_END.match(line.text, expr.end) is not None


def _top_date_line(lines: list[_Line], weekday: int | None, settings: DateSettings) -> Published | None:
    """The first date line or dateline among the first lines (update lines and the page's own dates left out)."""
    for index, line in enumerate(lines[: settings.top_lines]):
        for expr in line.dates:
            if _line_label(lines, index, expr, settings) == _Label.UPDATED:
                continue
            if _contradicted(expr.first, weekday, settings):
                continue
            if line.words_beside(expr) <= settings.date_line_words or _is_dateline(line, expr, settings):
                return Published(expr.first, PublishedSource.TEXT, Certainty.EXACT, _evidence(line.text))
    return None


def _written_on(article: Article) -> int | None:
    """The weekday the article says it was written on («اليوم الجمعة», «أمس الخميس»), when most of its cues agree."""
    counts = Counter(weekday for _, weekday in anchor_weekdays(article)).most_common(2)
    if not counts or len(counts) > 1 and counts[0][1] == counts[1][1]:
        return None
    return counts[0][0]


def _contradicted(day: dt.date | None, weekday: int | None, settings: DateSettings) -> bool:
    """Tell whether the article's own weekday is further than the slack from ``day`` (a banner or crawl date)."""
    if day is None or weekday is None:
        return False
    return weekday_near(day, weekday, settings.weekday_slack_days) is None


# --- url and the latest date -----------------------------------------------------------------


def _from_url(url: str | None) -> Published | None:
    """A date written in the url."""
    if not url:
        return None
    for pattern in _URL_DATES:
        for m in pattern.finditer(url):
            try:
                day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            return Published(day, PublishedSource.URL, Certainty.EXACT, m.group())
    return None


def _latest_past_date(
    article: Article, weekday: int | None, frequencies: WordFrequencies | None, settings: DateSettings
) -> Published | None:
    """The latest full date of the text, not the page's own nor in a future clause (a floor: ``approximate``)."""
    text, language = article.text, article.language
    dates = [
        e
        for e in _full_dates(text, language, settings)
        if not _contradicted(e.first, weekday, settings)
        and not clause_is_future(
            text, start=e.start, end=e.end, language=language, frequencies=frequencies, settings=settings
        )
    ]
    if not dates:
        return None
    latest = max(dates, key=lambda e: (e.first, -e.start))
    evidence = f"latest date in the text: {_evidence(latest.text)}"
    return Published(latest.first, PublishedSource.TEXT, Certainty.APPROXIMATE, evidence)


def publication_date(
    article: Article, *, frequencies: WordFrequencies | None, settings: DateSettings | None = None
) -> Published:
    """The publication date of an article (rules in the module docstring).

    Parameters
    ----------
    article:
        The article to date: its front matter, lines and url.
    frequencies:
        Word frequencies, to tell a plan in the future tense from a past date
        (see :func:`geo.dates.tense.sentence_is_future`, which also says what ``None`` means).
    settings:
        The date settings (default :class:`~geo.settings.DateSettings`).

    Returns
    -------
    Published
        With ``source`` and ``evidence`` saying where the date came from;
        :meth:`Published.unknown() <geo.model.Published.unknown>` when nothing dates it.
    """
    settings = settings or DateSettings()
    if article.published is not None:
        day = article.published
        return Published(day, PublishedSource.FRONT_MATTER, Certainty.EXACT, day.isoformat())
    lines = _lines(article, settings)
    published, update = _labelled(lines, settings)
    weekday = _written_on(article)
    url = _from_url(article.url)
    found = (
        published
        or _top_date_line(lines, weekday, settings)
        or (url if url is not None and not _contradicted(url.date, weekday, settings) else None)
        or update
        or _latest_past_date(article, weekday, frequencies, settings)
    )
    return found or Published.unknown()


# --- the corpus ------------------------------------------------------------------------------


def _from_floor(article: Article, floor: dt.date, floor_name: str) -> Published:
    """Date an article on or after ``floor`` (the latest publication date of the others)."""
    cues = anchor_weekdays(article)
    if not cues:
        evidence = f"no date of its own; the latest publication date of the corpus ({floor_name}) as a floor"
        return Published(floor, PublishedSource.CORPUS, Certainty.APPROXIMATE, evidence)
    text, weekday = cues[0]
    day = floor + dt.timedelta(days=(weekday - floor.weekday()) % 7)
    evidence = f"«{_evidence(text)}»: the first such day on or after {floor.isoformat()} ({floor_name})"
    return Published(day, PublishedSource.CORPUS, Certainty.APPROXIMATE, evidence)


def infer_from_corpus(published: dict[str, Published], articles: Iterable[Article]) -> dict[str, Published]:
    """Date the articles still unknown from the rest of the corpus.

    A corpus tells one journey, so an undated article is taken to be no
    older than the others: the latest publication date of the other
    articles is a floor. When the article says which weekday it was written
    on — a relative day written with a weekday, «اليوم الأحد» (today,
    Sunday), «أمس الجمعة» (yesterday, Friday: written on a Saturday) — its
    date is the first such weekday on or after the floor; otherwise the floor
    itself. Both are ``approximate``, with source ``corpus``. Known dates are
    never overwritten; with no dated article the unknown stay unknown.

    Parameters
    ----------
    published:
        Article name → :class:`~geo.model.Published` (from :func:`publication_date`).
    articles:
        The articles of the corpus.

    Returns
    -------
    dict
        A new mapping: every entry of ``published``, and every article of
        ``articles``, the unknown ones inferred where possible.
    """
    result = dict(published)
    known = {name: p.date for name, p in published.items() if p.date is not None}
    for article in articles:
        current = result.get(article.name, Published.unknown())
        if current.date is not None:
            continue
        others = [(day, name) for name, day in known.items() if name != article.name]
        result[article.name] = _from_floor(article, *max(others)) if others else current
    return result
