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
  المقبل», "next Monday", "lundi prochain"); the first on or after the anchor
  when its clause is in the future tense (:func:`geo.dates.tense.future_at`:
  «سيزور … الأحد», "will travel on Thursday", «على أن يعود … يوم الخميس»,
  "ahead of Monday's talks"); the latest before the anchor when it says last
  («الأحد الماضي»). A weekday belongs to its own clause: the clause runs
  between strong punctuation and words that open a reported clause («إن/أن»,
  "that", "que"), so in «قال الكرملين الخميس إن لافروف سيزور…» Thursday is
  the day of saying, and "arrived on Tuesday and will travel on Thursday"
  leaves Tuesday in the past.
* **Days counted from the sentence's event** («في اليوم التالي», «في اليوم
  السابق», "the previous day", "earlier in the day", "le lendemain", "la
  veille"): the nearest single day named before them in the text, plus or
  minus days; with none before them, unresolved (``unknown``). "La veille
  de sa visite", "au lendemain du sommet" name their own event and are not
  read.
* **Combinations check each other**: a relative word, a weekday and a
  calendar date next to each other («يوم أمس الجمعة», «اليوم الجمعة 15
  سبتمبر 2023», «الأربعاء 13 سبتمبر») form one expression. When they agree it
  is exact («yesterday, Friday: checked»); when they disagree the note says
  so and the calendar date is kept if there is one; else the weekday wins
  when it is within :attr:`~geo.settings.DateSettings.weekday_slack_days`
  of the count (a page stamped after midnight, «يوم غد الأربعاء» quoted from
  yesterday's statement), else the relative word; ``approximate`` either way.
* **The text's own today**: when every «اليوم الأحد» / "today, Sunday" of the
  text names the same weekday and the page's stamp is a day off it, every
  day counted from the anchor counts from the text's own today.
* **Absolute dates**: day, month name (both Arabic traditions, French,
  English), year, in any order news uses, glued or not («15سبتمبر2023»),
  ordinals ("12th, September 2023", "1er mars"), numeric day-first dates
  (13-9-2023, 13/09/2023, «24 . 04 . 2019»; month-first only when day-first
  is impossible; an ambiguous numeric date in English is ``approximate``),
  ISO dates (2023-09-13) and day ranges ("13-15 September"). A date without
  a year takes the year that puts it nearest before or around the anchor:
  the latest occurrence on or before the anchor plus
  :attr:`~geo.settings.DateSettings.grace_days` (news reports past events;
  «20 سبتمبر» four days after the anchor is still this year's), or the
  first on or after the anchor in a future clause; a weekday or relative
  word written with it picks the year it confirms. Such
  a date is ``exact`` when a weekday or relative word confirms it or it lies
  within :attr:`~geo.settings.DateSettings.near_days` of the anchor, else
  ``approximate``.
* **Months and years**: a month with a year («في يوليو 2000») is that month;
  a month alone needs a cue (a preposition «في، منذ، خلال», "in", "en", the
  word «شهر», or a marker «الماضي/المقبل», "last/next", "dernier/prochain"):
  with a past marker it is the latest such month before the publication
  month, with a next marker the first after; otherwise the latest on or
  before the publication month, or the first on or after it in a future
  clause (``exact`` within ``near_days``, else ``approximate``). A 4-digit
  number 1900–2100 is a year only after a year cue («عام، سنة، في، منذ»,
  "in", "since", "year", "en", "depuis"): quantities («18 شهراً», "459
  feet", «100 عام») are not years. «العام الماضي», "last month", "cette
  année" are the calendar year or month before, after or of the anchor.
* **Weeks**: «الأسبوع الماضي/المقبل», "last/next week", "la semaine
  dernière/prochaine": the 7 days before/after the anchor; "this week": the
  Monday–Sunday week of the anchor (all ``approximate``).
* **Counted back** ("two years ago", «قبل عامين», "il y a trois mois"): that day, the week around it, that
  calendar month or year (:mod:`geo.dates.counted_back`; read by :func:`find_dates` only, where no other
  expression is).
* **No anchor**: everything relative resolves to ``None`` with certainty
  ``unknown``; absolute dates, months with a year and years still resolve.

The work is shared by job: :mod:`geo.dates.date_words` (the word lists),
:mod:`geo.dates.patterns` (the regular expressions), :mod:`geo.dates.clauses`
(folded text and its clauses), :mod:`geo.dates.tense` (the future tense),
:mod:`geo.dates.atoms` (the pieces of an expression and their grouping) and
:mod:`geo.dates.anchoring` (calendar arithmetic against the anchor); this
module finds and places the expressions of an article or a text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from geo.dates.anchoring import Kind, Reference, resolve, weekday_near
from geo.dates.atoms import Group, Piece, find_groups, groups_within
from geo.dates.clauses import ScannedText, scan_text, scanned_text
from geo.dates.counted_back import counted_back
from geo.dates.tense import future_at
from geo.model import Article, Certainty, Span, WordFrequencies
from geo.settings import DateSettings
from geo.text.folding import extend_over_marks

__all__ = ["TimeExpr", "anchor_weekdays", "find_dates", "find_dates_in_text", "find_line_dates"]


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
        See :class:`~geo.dates.anchoring.Kind`.
    certainty:
        See :class:`~geo.model.Certainty`.
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


def _span(scanned: ScannedText, group: Group) -> tuple[int, int]:
    """The original span of a group, marks on its last letter included («غداً»)."""
    start, end = scanned.folded.original_span(group.start, group.end)
    return start, extend_over_marks(scanned.text, end)


def _overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    """Tell whether ``[start, end)`` overlaps any of ``spans``."""
    return any(start < span.end and span.start < end for span in spans)


def find_dates(
    article: Article,
    *,
    anchor: dt.date | None,
    anchor_certainty: Certainty = Certainty.EXACT,
    frequencies: WordFrequencies | None,
    settings: DateSettings | None = None,
) -> list[TimeExpr]:
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
    frequencies:
        Word frequencies for the future tense (see
        :func:`geo.dates.tense.sentence_is_future`, which also says what ``None`` means).
    settings:
        The date settings (default :class:`~geo.settings.DateSettings`).

    Returns
    -------
    list of TimeExpr
        In text order, ``article.text[e.start:e.end] == e.text``.
    """
    found = find_dates_in_text(
        article.text,
        anchor=anchor,
        language=article.language,
        anchor_certainty=anchor_certainty,
        skip=article.furniture,
        frequencies=frequencies,
        settings=settings,
    )
    taken = [Span(e.start, e.end) for e in found]
    back = [
        TimeExpr(start, end, article.text[start:end], r.first, r.last, r.kind, r.certainty, r.note)
        for start, end, r in counted_back(
            article.text, language=article.language, anchor=anchor, anchor_certainty=anchor_certainty
        )
        if not _overlaps(start, end, (*taken, *article.furniture))
    ]
    return sorted([*found, *back], key=lambda e: (e.start, e.end)) if back else found


def find_dates_in_text(
    text: str,
    *,
    anchor: dt.date | None = None,
    language: str = "ar",
    anchor_certainty: Certainty = Certainty.EXACT,
    skip: Iterable[Span] = (),
    frequencies: WordFrequencies | None,
    settings: DateSettings | None = None,
    remember: bool = True,
) -> list[TimeExpr]:
    """Find the date expressions of any text (a line, a title), as :func:`find_dates` does.

    Parameters
    ----------
    text:
        The text.
    anchor, anchor_certainty, frequencies, settings:
        As for :func:`find_dates`.
    language:
        ``"ar"``, ``"fr"`` or ``"en"`` (for tense and numeric-date rules).
    skip:
        Spans of ``text`` whose expressions are left out (page furniture).
    remember:
        Keep the text's scan in the shared cache (:func:`~geo.dates.clauses.scanned_text`), as for an
        article that later stages read again; ``False`` for a text asked about once (one of its lines).

    Returns
    -------
    list of TimeExpr
        Offsets into ``text``, in text order.
    """
    settings = settings or DateSettings()
    skip = tuple(skip)
    scanned = scanned_text(text, language) if remember else scan_text(text, language)
    groups = [(group, *_span(scanned, group)) for group in find_groups(scanned)]
    groups = [(group, start, end) for group, start, end in groups if not _overlaps(start, end, skip)]
    return _resolved(text, scanned, groups, anchor, anchor_certainty, frequencies, settings)


def find_line_dates(text: str, *, start: int, end: int, language: str, settings: DateSettings) -> list[TimeExpr]:
    """The date expressions of one line of a text, with no anchor, as a scan of the line alone finds them.

    Parameters
    ----------
    text:
        The whole text (an article: its scan is shared with the other stages, :func:`~geo.dates.clauses.scanned_text`).
    start, end:
        The line, ``text[start:end]``: no newline in it, a newline or the text's edge on either side.
    language, settings:
        As for :func:`find_dates_in_text`.

    Returns
    -------
    list of TimeExpr
        What ``find_dates_in_text(text[start:end], anchor=None, …)`` returns: offsets into the line. Read from
        the whole text's scan (:func:`~geo.dates.atoms.groups_within`), or from the line's own where they differ.
    """
    scanned = scanned_text(text, language)
    folded_start, folded_end = scanned.folded_span(start, end)
    groups = groups_within(scanned, start=folded_start, end=folded_end)
    if groups is None:
        return find_dates_in_text(
            text[start:end], language=language, frequencies=None, settings=settings, remember=False
        )
    spans = [
        (group, group_start - start, group_end - start)
        for group in groups
        for group_start, group_end in [_span(scanned, group)]
    ]
    return _resolved(text[start:end], scanned, spans, None, Certainty.EXACT, None, settings)


def _resolved(
    text: str,
    scanned: ScannedText,
    groups: list[tuple[Group, int, int]],
    anchor: dt.date | None,
    anchor_certainty: Certainty,
    frequencies: WordFrequencies | None,
    settings: DateSettings,
) -> list[TimeExpr]:
    """The expressions of ``groups`` (with their spans in ``text``) resolved in text order."""
    anchor, today_note = _own_today([g for g, _, _ in groups], anchor, settings)
    found: list[TimeExpr] = []
    reference = None
    language = scanned.language
    for group, start, end in groups:
        future = partial(
            future_at, scanned, start=group.start, end=group.end, frequencies=frequencies, settings=settings
        )
        resolved = resolve(
            group, anchor=anchor, future=future, language=language, settings=settings, reference=reference
        )
        certainty, note = resolved.certainty, resolved.note
        if resolved.anchored and today_note:
            note = f"{note}; {today_note}"
        if resolved.anchored and anchor_certainty != Certainty.EXACT and certainty == Certainty.EXACT:
            certainty, note = Certainty.APPROXIMATE, f"{note}; the publication date is {anchor_certainty}"
        expr = TimeExpr(start, end, text[start:end], resolved.first, resolved.last, resolved.kind, certainty, note)
        found.append(expr)
        if expr.first is not None and expr.first == expr.last:
            reference = Reference(expr.first, expr.text.strip(), expr.certainty)
    return found


def _own_today(groups: list[Group], anchor: dt.date | None, settings: DateSettings) -> tuple[dt.date | None, str]:
    """The day the text calls today, when it names its weekday and the page's stamp is a day off.

    «اليوم الأحد» on a page stamped Monday was written on Sunday: every
    expression counted from the anchor counts from that Sunday. Only when
    every "today" written with a weekday names the same weekday, at most
    :attr:`~geo.settings.DateSettings.weekday_slack_days` from the anchor.
    Returns the anchor to count from and a note ("" when it is the stamp).
    """
    if anchor is None:
        return anchor, ""
    weekdays = {
        g.weekday.value
        for g in groups
        if g.relative is not None and g.relative.kind == Piece.RELATIVE and g.relative.value == 0 and g.weekday
    }
    if len(weekdays) != 1:
        return anchor, ""
    today = weekday_near(anchor, weekdays.pop(), settings.weekday_slack_days)
    if today is None or today == anchor:
        return anchor, ""
    return today, f"counted from {today.isoformat()}, the text's own today (the page says {anchor.isoformat()})"


def anchor_weekdays(article: Article) -> list[tuple[str, int]]:
    """The weekday the publication date must have, from each «اليوم الأحد» / "yesterday, Friday".

    A relative day written with a weekday fixes the weekday of the anchor:
    «اليوم الأحد» says the article was published on a Sunday, «أمس الجمعة» on
    a Saturday.

    Parameters
    ----------
    article:
        The article to read; expressions in its furniture do not count.

    Returns
    -------
    list of (str, int)
        ``(expression text, weekday of the anchor: 0 Monday … 6 Sunday)``, in text order.
    """
    scanned = scanned_text(article.text, article.language)
    cues = []
    for group in find_groups(scanned):
        if group.relative is None or group.relative.kind != Piece.RELATIVE or group.weekday is None:
            continue
        start, end = _span(scanned, group)
        if not _overlaps(start, end, article.furniture):
            cues.append((article.text[start:end], (group.weekday.value - group.relative.value) % 7))
    return cues
