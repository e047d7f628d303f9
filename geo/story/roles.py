"""Roles: for each resolved mention, is the traveller there during the journey?

Most place mentions in a news story are not stops: datelines («سيول:»),
capitals standing for their governments («قالت موسكو»), past visits (a year
outside the journey), plans («سيزور»), countries and regions, and places in
a separate "read also" report. :func:`assign_roles` decides for each
resolution of one article, with a short ``why``, from general cues:

* a movement or visit word (``data/lexicon/events.yaml``) right before the
  place, or in the same sentence as the place's preposition or trigger noun;
* the traveller named in the same sentence;
* date expressions of the sentence (:mod:`geo.dates.expressions`) anchored to the
  publication date; a date long before publication makes a mention historical.

A stop takes the date of its sentence; with none, the date of the event
told before it (the nearest earlier sentence with a movement and a day);
with none, the date of the article's lead event; with none, the publication
date (all approximate).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from geo.dates.clauses import clause_bounds, relative_clause_after
from geo.dates.expressions import TimeExpr
from geo.dates.tense import clause_is_future, sentence_is_future
from geo.model import AREA_TYPES, Article, Certainty, MentionRole, PlaceType, Resolution, Role, WordFrequencies
from geo.places.lexicon import Lexicon, Movement, load_lexicon
from geo.settings import DateSettings, RoleSettings
from geo.text.folding import Token, fold, tokens

__all__ = ["SentenceCues", "assign_roles"]

_DATELINE_AFTER = re.compile(r"\s*(?::|：|\s*[-–—]\s*\S|,\s*\w+\.?\s+\d|\s*\((?:AFP|AP|Reuters|\w{2,8})\))")
_SPECIFIC = (PlaceType.FACILITY, PlaceType.ISLAND, PlaceType.RELATIVE)
_EMBEDDED = re.compile(r"#\d+$")


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """What one sentence says about movement, the traveller, time and tense."""

    movement: tuple[tuple[int, Movement, bool], ...]  # (word index, kind, future)
    traveller: bool
    future: bool
    dates: tuple[TimeExpr, ...]


class _ArticleReader:
    def __init__(
        self,
        article: Article,
        dates: list[TimeExpr],
        *,
        published: dt.date | None,
        traveller_keys: frozenset[str],
        lexicon: Lexicon,
        frequencies: WordFrequencies | None,
        settings: RoleSettings,
        date_settings: DateSettings,
    ) -> None:
        self.article = article
        self.frequencies = frequencies
        self.settings = settings
        self.date_settings = date_settings
        self.published = published
        self.lexicon = lexicon
        folded = fold(article.text)
        self.words: list[Token] = tokens(folded.text)
        self.word_starts = [folded.offsets[w.start] for w in self.words]
        self.traveller_keys = traveller_keys
        self.dates = [d for d in dates if d.first is not None]
        self.cues = [self._sentence_cues(i) for i in range(len(article.sentences))]
        self.events = self._events()
        self.lead = self._lead_date()

    def _words_in(self, index: int) -> range:
        span = self.article.sentences[index]
        lo = bisect.bisect_left(self.word_starts, span.start)
        hi = bisect.bisect_left(self.word_starts, span.end)
        return range(lo, hi)

    def _sentence_cues(self, index: int) -> SentenceCues:
        span = self.article.sentences[index]
        movement = []
        traveller = False
        for k in self._words_in(index):
            key = self.words[k].text
            kind = self.lexicon.movement_kind(key)
            if kind is not None:
                movement.append((k, kind[0], kind[1]))
            if key in self.traveller_keys:
                traveller = True
        text = self.article.text[span.start : span.end]
        future = sentence_is_future(
            text, language=self.article.language, frequencies=self.frequencies, settings=self.date_settings
        ) or any(f for _, _, f in movement)
        dates = tuple(d for d in self.dates if span.start <= d.start < span.end)
        return SentenceCues(movement=tuple(movement), traveller=traveller, future=future, dates=dates)

    def _historical(self, expr: TimeExpr) -> bool:
        return (
            self.published is not None
            and expr.first is not None
            and ((self.published - expr.first).days > self.settings.historical_days)
        )

    def _events(self) -> list[tuple[int, TimeExpr]]:
        """``(sentence, date)`` of each day-level date, past or present, in a clause that tells a movement.

        The tense is the date's own clause's («وصل … اليوم الجمعة، حيث قال … إنه سيناقش»: Friday is past), and
        so is the movement («بعد أن أعلنت السعودية بالأمس»: not the traveller's yesterday).
        """
        if self.published is None:
            return []
        events = []
        for index, cues in enumerate(self.cues):
            for expr in cues.dates if cues.movement else ():
                assert expr.first is not None
                day_level = ((expr.last or expr.first) - expr.first).days <= self.settings.lead_span_days
                if day_level and not self._historical(expr) and self._moves_in_clause(cues, expr):
                    events.append((index, expr))
        return events

    def _clause(self, expr: TimeExpr) -> tuple[int, int]:
        return clause_bounds(self.article.text, start=expr.start, end=expr.end, language=self.article.language)

    def _moves_in_clause(self, cues: SentenceCues, expr: TimeExpr) -> bool:
        """A movement word in the date's own clause, and the clause is not in the future."""
        start, end = self._clause(expr)
        moving = any(start <= self.word_starts[k] < end for k, _, _ in cues.movement)
        return moving and not self._future_date(expr)

    def _in_clause(self, expr: TimeExpr, start: int) -> bool:
        clause_start, clause_end = self._clause(expr)
        return clause_start <= start < clause_end

    def _plan_elsewhere(self, expr: TimeExpr, start: int, end: int) -> bool:
        """A date of a future clause that neither holds the place nor speaks of it as a relative clause.

        «وصل إلى باريس حيث سيلتقي … غدا»: tomorrow is not the day of Paris; "à Paris, qu'il doit rallier lundi" is.
        """
        if self._in_clause(expr, start):
            return False
        language = self.article.language
        return relative_clause_after(self.article.text, end=end, language=language) != self._clause(expr) and (
            self._future_date(expr)
        )

    def _future_date(self, expr: TimeExpr) -> bool:
        return clause_is_future(
            self.article.text,
            start=expr.start,
            end=expr.end,
            language=self.article.language,
            frequencies=self.frequencies,
            settings=self.date_settings,
        )

    def _lead_date(self) -> TimeExpr | None:
        """The date of the article's first event (a single day before a few days)."""
        days = [e for _, e in self.events if e.first == e.last] or [e for _, e in self.events]
        return days[0] if days else None

    def _event_before(self, index: int) -> TimeExpr | None:
        """The single day of the nearest event told in a sentence before sentence ``index``."""
        earlier = [e for i, e in self.events if i < index and e.first == e.last]
        return earlier[-1] if earlier else None

    # -- one mention ------------------------------------------------------

    def role(self, resolution: Resolution) -> MentionRole:
        """The role of one resolved mention, with its dates and a short ``why``."""
        mention = resolution.mention
        place = resolution.place
        index = mention.sentence
        cues = self.cues[index] if 0 <= index < len(self.cues) else SentenceCues((), False, False, ())
        first_word = bisect.bisect_left(self.word_starts, mention.start)
        window = self.settings.movement_window if place.place_type == PlaceType.COUNTRY else self.settings.place_window
        near = [m for m in cues.movement if 0 < first_word - m[0] <= window]
        # Tense is read up to the place: "arrived in X and will fly to Y" makes Y, not X, a plan.
        future = any(f for _, _, f in near) or self._future_before(index, mention.start, mention.end)
        if place.place_type in AREA_TYPES:
            return self._area_role(resolution, cues, near=near, future=future)
        context = self._context_role(resolution, cues)
        if context is not None:
            return context
        evidence = self._evidence(resolution, cues, near=near)
        if not evidence:
            if place.feature == "capital":
                return MentionRole(resolution, Role.GOVERNMENT, False, why="a capital standing for its government")
            return MentionRole(resolution, Role.MENTIONED, False, why="mentioned, with no sign the traveller is there")
        if future:
            first, last = self._plan_date(mention.end, cues)
            certainty = Certainty.APPROXIMATE if first else Certainty.UNKNOWN
            return MentionRole(resolution, Role.PLAN, True, first, last, certainty, f"a plan: {evidence}, future tense")
        kind = Role.DEPARTURE if near and near[-1][1] == Movement.DEPARTURE else Role.VISIT
        decided = self._dated(resolution, cues, kind, True, evidence)
        if self._after_publication(decided):
            return MentionRole(
                resolution, Role.PLAN, True, decided.first, decided.last, Certainty.APPROXIMATE,
                f"a plan: {evidence}, dated after publication",
            )  # fmt: skip
        return decided

    def _dated(self, resolution: Resolution, cues: SentenceCues, role: Role, stop: bool, why: str) -> MentionRole:
        """A role dated by its sentence (or the article's lead event)."""
        mention = resolution.mention
        first, last, certainty, why_date = self._date_for(mention.start, mention.end, cues, mention.sentence)
        why = f"{why}; {why_date}" if why_date else why
        return MentionRole(resolution, role, stop, first, last, certainty, why)

    def _area_role(
        self, resolution: Resolution, cues: SentenceCues, *, near: list[tuple[int, Movement, bool]], future: bool
    ) -> MentionRole:
        """A country, region or sea: never a stop; a country moved through is dated."""
        place_type = resolution.place.place_type
        role = Role.of_area(place_type)
        if near and place_type == PlaceType.COUNTRY and not future:
            kind = near[-1][1]
            moved = self._dated(resolution, cues, role, False, f"a {place_type}; the traveller's {kind} through it")
            if not self._after_publication(moved):
                return moved
        return MentionRole(resolution, role, False, why=f"a {place_type}, not a stop")

    def _context_role(self, resolution: Resolution, cues: SentenceCues) -> MentionRole | None:
        """A dateline, an earlier event or a related report's place; ``None`` when it is none of them."""
        mention = resolution.mention
        if self._is_dateline(mention.start, mention.end):
            return MentionRole(resolution, Role.DATELINE, False, why="the dateline: where the report was filed")
        historical = [d for d in cues.dates if self._historical(d)]
        if historical and not any(not self._historical(d) for d in cues.dates):
            why = f"an earlier event ({historical[0].text.strip()})"
            return MentionRole(resolution, Role.HISTORICAL, False, why=why)
        if _EMBEDDED.search(mention.article):
            if resolution.place.place_type in _SPECIFIC:
                return MentionRole(resolution, Role.RELATED_REPORT, True, why="a site of a related report on the page")
            return MentionRole(resolution, Role.RELATED_REPORT, False, why="named in a separate, related report")
        return None

    def _evidence(self, resolution: Resolution, cues: SentenceCues, *, near: list[tuple[int, Movement, bool]]) -> str:
        """Why the traveller is at the place ("" when nothing says so)."""
        mention = resolution.mention
        place = resolution.place
        located = bool(mention.cue or mention.trigger or place.place_type == PlaceType.RELATIVE)
        if near:
            return "a movement word right before it"
        if cues.movement and located:
            return "a movement or visit word in its sentence, with a preposition or place noun"
        if cues.movement and cues.traveller and place.feature != "capital" and place.place_type == PlaceType.CITY:
            return "in a sentence about the traveller's visit"
        return ""

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

    def _future_before(self, index: int, start: int, end: int) -> bool:
        """Is the clause holding ``[start, end)`` in the future tense, read up to ``end``?"""
        if not 0 <= index < len(self.article.sentences):
            return False
        span = self.article.sentences[index]
        text = self.article.text[span.start : end]
        return clause_is_future(
            text,
            start=start - span.start,
            end=end - span.start,
            language=self.article.language,
            frequencies=self.frequencies,
            settings=self.date_settings,
        )

    def _after_publication(self, role: MentionRole) -> bool:
        return role.first is not None and self.published is not None and role.first > self.published

    def _date_for(
        self, start: int, end: int, cues: SentenceCues, index: int
    ) -> tuple[dt.date | None, dt.date | None, Certainty, str]:
        usable = [d for d in cues.dates if not self._historical(d) and not self._plan_elsewhere(d, start, end)]
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
            last = max(self.lead.last or self.lead.first, self.published or self.lead.first)
            return self.lead.first, last, Certainty.APPROXIMATE, "dated by the article's lead event"
        if self.published is not None:
            return self.published, self.published, Certainty.APPROXIMATE, "no date in the text: the publication date"
        return None, None, Certainty.UNKNOWN, "no date in the text"

    def _is_dateline(self, start: int, end: int) -> bool:
        text = self.article.text
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start].strip(" \t\u200f\u200e")
        after = text[end : end + self.settings.dateline_after_chars]
        if after.lstrip(" \t").startswith((":", "：")):
            return True
        short_prefix = len(before) < self.settings.dateline_before_chars
        at_line_start = not before or before.endswith((")", "—", "-")) and short_prefix
        return at_line_start and _DATELINE_AFTER.match(after) is not None


def assign_roles(
    article: Article,
    resolutions: list[Resolution] | tuple[Resolution, ...],
    dates: list[TimeExpr],
    *,
    published: dt.date | None,
    traveller_keys: frozenset[str] = frozenset(),
    lexicon: Lexicon | None = None,
    frequencies: WordFrequencies | None,
    settings: RoleSettings | None = None,
    date_settings: DateSettings | None = None,
) -> list[MentionRole]:
    """The role of every resolution of one article.

    Parameters
    ----------
    article:
        The article.
    resolutions:
        Its resolved mentions.
    dates:
        Its date expressions, anchored to ``published``.
    published:
        Its publication date (``None`` when unknown).
    traveller_keys:
        Folded words of the traveller's name (a sentence naming one is about the traveller).
    lexicon:
        Word lists (default :func:`~geo.places.lexicon.load_lexicon`).
    frequencies:
        Word frequencies for the future tense (:meth:`geo.places.gazetteer.Gazetteer.zipf`;
        ``None``: see :func:`geo.dates.tense.sentence_is_future`).
    settings:
        The role windows (default :class:`~geo.settings.RoleSettings`).
    date_settings:
        How the tense is read (default :class:`~geo.settings.DateSettings`).

    Returns
    -------
    list of MentionRole
        One per resolution, in the same order.
    """
    reader = _ArticleReader(
        article,
        dates,
        published=published,
        traveller_keys=traveller_keys,
        lexicon=lexicon or load_lexicon(),
        frequencies=frequencies,
        settings=settings or RoleSettings(),
        date_settings=date_settings or DateSettings(),
    )
    return [reader.role(r) for r in resolutions]
