"""Role dates: which date of its sentence (or of the article) a stop or a plan takes.

A stop takes the date of its own clause (a past one before a future one), else another date of its sentence
(approximate), else that of the event told before it (the nearest earlier sentence with a movement and a day),
else the article's lead event's, else the publication date. Dates long before publication are history, a
calendar date after "since" dates nothing, a future clause elsewhere is a plan's, and a date in a clause opened
by "after" dates that earlier leg. :class:`RoleDates` holds these choices for the article reader of
:mod:`geo.story.roles`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from geo.dates.anchoring import Kind
from geo.dates.clauses import ScannedText, clause_bounds, relative_clause_after
from geo.dates.expressions import TimeExpr
from geo.dates.tense import future_at
from geo.model import Article, Certainty, WordFrequencies
from geo.places.lexicon import Lexicon
from geo.settings import DateSettings, RoleSettings
from geo.story.presence import MovementCue, PlaceWords
from geo.text.folding import name_key

__all__ = ["RoleDates", "SentenceCues"]


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """What one sentence says about movement, the traveller, time and tense (and whether someone speaks)."""

    movement: tuple[MovementCue, ...]  # (word index, kind, future)
    traveller: bool
    dates: tuple[TimeExpr, ...]
    speech: bool = False


class RoleDates:
    """Date choice of the article reader (a mixin: the reader sets the attributes below)."""

    article: Article
    published: dt.date | None
    lexicon: Lexicon
    frequencies: WordFrequencies | None
    settings: RoleSettings
    date_settings: DateSettings
    word_starts: list[int]
    place_words: PlaceWords
    scanned: ScannedText
    single_days: list[tuple[int, TimeExpr]]
    lead: TimeExpr | None
    # worked out once per date of the article, by its span: its clause, its tense, whether "after" opens it
    clauses: dict[tuple[int, int], tuple[int, int]]
    futures: dict[tuple[int, int], bool]
    after_opened: dict[tuple[int, int], bool]

    def _since(self, expr: TimeExpr) -> bool:
        """Tell whether ``expr`` is a calendar date after "since" («منذ عام 2010»; not «منذ يومين», two days ago)."""
        if expr.kind not in (Kind.ABSOLUTE, Kind.MONTH, Kind.YEAR):
            return False
        k = bisect.bisect_left(self.word_starts, expr.start)
        return self.place_words.told_after(k, self.lexicon.since, window=self.settings.since_window)

    def _historical(self, expr: TimeExpr) -> bool:
        """A date long before publication; not a span that holds the publication day ("this year", «هذا العام»)."""
        if self.published is None or expr.first is None:
            return False
        if expr.last is not None and expr.first <= self.published <= expr.last:
            return False
        return (self.published - expr.first).days > self.settings.historical_days

    def _current_span(self, expr: TimeExpr) -> bool:
        """A span longer than a lead event that holds the publication day ("this year", «هذا الشهر»): it says
        the event is recent, not its day, so it dates no stop (the event told before it does)."""
        if self.published is None or expr.first is None or expr.last is None:
            return False
        wide = (expr.last - expr.first).days > self.settings.lead_span_days
        return wide and expr.first <= self.published <= expr.last

    def _clause(self, expr: TimeExpr) -> tuple[int, int]:
        """The clause of ``expr`` (worked out once per date)."""
        key = (expr.start, expr.end)
        found = self.clauses.get(key)
        if found is None:
            found = self.clauses[key] = clause_bounds(
                self.article.text, start=expr.start, end=expr.end, language=self.article.language
            )
        return found

    def _in_clause(self, expr: TimeExpr, start: int) -> bool:
        clause_start, clause_end = self._clause(expr)
        return clause_start <= start < clause_end

    def _plan_elsewhere(self, expr: TimeExpr, start: int, end: int) -> bool:
        """A date of a future clause that neither holds the place nor speaks of it as a relative clause.

        «وصل إلى باريس حيث سيلتقي … غدا»: tomorrow is not the day of Paris; "à Paris, qu'il doit rallier lundi" is.
        """
        if self._in_clause(expr, start) or not self._future_date(expr):
            return False
        language = self.article.language
        return relative_clause_after(self.article.text, end=end, language=language) != self._clause(expr)

    def _future_date(self, expr: TimeExpr) -> bool:
        """Tell whether the clause of ``expr`` is in the future tense (worked out once per date)."""
        key = (expr.start, expr.end)
        found = self.futures.get(key)
        if found is None:  # the article's scan is shared with the date stages (its clauses found once)
            start, end = self.scanned.folded_span(expr.start, expr.end)
            found = self.futures[key] = future_at(
                self.scanned, start=start, end=end, frequencies=self.frequencies, settings=self.date_settings
            )
        return found

    def _lead_date(self) -> TimeExpr | None:
        """The date of the article's first event (a single day before a few days)."""
        days = [e for _, e in self.events if e.first == e.last] or [e for _, e in self.events]
        return days[0] if days else None

    def _event_before(self, index: int) -> TimeExpr | None:
        """The single day of the nearest event told in a sentence before sentence ``index``."""
        k = bisect.bisect_left(self.single_days, index, key=lambda event: event[0])
        return self.single_days[k - 1][1] if k else None

    def _attached_date(self, start: int, end: int, cues: SentenceCues) -> TimeExpr | None:
        """The date expression of the sentence nearest to ``[start, end)`` (``None`` when it has none)."""

        def distance(expr: TimeExpr) -> int:
            return expr.start - end if expr.start >= end else max(0, start - expr.end)

        return min(cues.dates, key=distance, default=None)

    def _plan_date(self, end: int, cues: SentenceCues) -> tuple[dt.date | None, dt.date | None]:
        """The date a plan states ("will visit X on Friday", «يتوجه غدا إلى X»), if on or after publication.

        A date after the place is preferred; one before it counts too (a date before publication
        is when the plan was announced, not when it happens).
        """
        ahead = [e for e in cues.dates if e.first is not None and self.published and e.first >= self.published]
        after = [e for e in ahead if e.start >= end]
        chosen = after[0] if after else (ahead[-1] if ahead else None)
        if chosen is None or chosen.first is None:
            return None, None
        return chosen.first, chosen.last or chosen.first

    def _date_for(
        self, start: int, end: int, cues: SentenceCues, index: int
    ) -> tuple[dt.date | None, dt.date | None, Certainty, str]:
        usable = [
            d
            for d in cues.dates
            if not self._historical(d)
            and not self._current_span(d)
            and not self._plan_elsewhere(d, start, end)
            and not self._in_earlier_clause(d, start, end)
        ]
        own = [d for d in usable if self._in_clause(d, start)]  # a date of another clause: approximate
        past = [d for d in own if not self._future_date(d)]  # "arrived on Monday … and will meet … on Tuesday"
        for dates, certain in ((past, True), (own, True), (usable, False)):
            after = [d for d in dates if d.start >= end]
            before = [d for d in dates if d.end <= start]
            chosen = after[0] if after else (before[-1] if before else None)
            if chosen is not None:
                certainty = chosen.certainty if certain else Certainty.APPROXIMATE
                return chosen.first, chosen.last, certainty, f"dated by «{chosen.text.strip()}»"
        earlier = self._event_before(index)
        if earlier is not None:
            why = f"dated by the event before it («{earlier.text.strip()}»)"
            return earlier.first, earlier.last, Certainty.APPROXIMATE, why
        if self.lead is not None and self.lead.first is not None:
            last = self.lead.last or self.lead.first
            return self.lead.first, last, Certainty.APPROXIMATE, "dated by the article's lead event"
        if self.published is not None:
            return self.published, self.published, Certainty.APPROXIMATE, "no date in the text: the publication date"
        return None, None, Certainty.UNKNOWN, "no date in the text"

    def _in_earlier_clause(self, expr: TimeExpr, start: int, end: int) -> bool:
        """Tell whether ``expr`` dates an earlier leg in another clause than ``[start, end)``'s: "the pope was in X
        after touring Y yesterday" dates Y, not X. The clause opens on an "after" word («بعد أن», "after")."""
        return self._after_opened(expr) and not self._in_clause(expr, start)

    def _after_opened(self, expr: TimeExpr) -> bool:
        """Tell whether the clause of ``expr`` opens on an "after" word (worked out once per date)."""
        key = (expr.start, expr.end)
        found = self.after_opened.get(key)
        if found is None:
            opener = self.scanned.opening_words(expr.start, expr.end)
            found = self.after_opened[key] = any(
                self.lexicon.is_one_of(name_key(w), self.lexicon.earlier) for w in opener
            )
        return found
