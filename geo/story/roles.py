"""Roles: for each resolved mention, is the traveller there during the journey?

Most place mentions in a news story are not stops: datelines («سيول:»),
capitals standing for their governments («قالت موسكو»), past visits (a year
outside the journey), plans («سيزور»), destinations still ahead («متوجها إلى»,
"heading to"), anchors ("near X"), time zones («بتوقيت مكة»), titles ("the
ruler of X", "the ambassador in X"), other people's origins ("students from
X"), countries and regions, and places in a separate "read also" report.
:func:`assign_roles` decides for each resolution of one article, with a short
``why``, from general cues:

* a movement, visit or presence word (meeting, signing, praying, speaking;
  ``data/lexicon/events.yaml``) right before the place — the traveller's own
  name between them does not count («غادر الرئيس فلان الفلاني مدينة X») — or in the
  same sentence as the place's preposition or trigger noun;
* the words around the place (:mod:`geo.story.presence`): a heading or a
  departure before its "to", a "from" with an arrival or a vehicle, an
  "after" that makes it an earlier leg, an aside;
* the traveller named in the same sentence (with a date and no verb, a
  caption or a headline: "X and his host in Y on Friday");
* date expressions of the sentence (:mod:`geo.dates.expressions`) anchored to the
  publication date; the date nearest the place long before publication makes
  it historical, a date after "since" dates nothing.

A stop takes the date of its sentence; else that of the event told before it (the nearest earlier
sentence with a movement and a day); else the article's lead event's; else the publication date
(all approximate). A destination still ahead becomes a stop when the arrival in its country is told.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache, partial

from geo.dates.clauses import scanned_text
from geo.dates.expressions import TimeExpr
from geo.dates.tense import clause_is_future_up_to, sentence_is_future
from geo.model import AREA_TYPES, Article, Certainty, MentionRole, PlaceType, Resolution, Role, WordFrequencies
from geo.places.lexicon import Lexicon, Movement, load_lexicon
from geo.settings import DateSettings, RoleSettings
from geo.story.movement import movement_words
from geo.story.presence import MovementCue, Origin, PlaceWords, is_dateline
from geo.story.role_dates import RoleDates, SentenceCues
from geo.text.folding import Token, fold, tokens

__all__ = ["SentenceCues", "assign_roles"]

_SPECIFIC = (PlaceType.FACILITY, PlaceType.ISLAND, PlaceType.RELATIVE)
_EMBEDDED = re.compile(r"#\d+$")
_CLAUSE_END = re.compile(r"[.,;:!?،؛؟]")
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the words around one mention say (see :mod:`geo.story.presence`).

    The tense and a destination still ahead are read only when a role turns on them
    (:meth:`_ArticleReader.future`, :meth:`_ArticleReader.onward`).
    """

    near: list[MovementCue]  # movement words right before it
    origin: Origin | None  # governed by "from" («من», "from", "de")
    flown: bool  # "the plane from X"
    earlier: bool  # "after visiting X", or the day before
    later: bool  # "before arriving in X"
    day_before: bool  # "au lendemain de son discours du Caire"
    after: bool  # told after "after" («بعد زيارته لـ X»): never a plan
    first_word: int  # the words holding the mention
    last_word: int

    @property
    def came_from(self) -> bool:
        """An earlier leg of the day: "arrived from X", «قادما من X», "flew from X to Y" ("took off from X" is
        the day's departure, not an earlier leg)."""
        return self.origin is not None and (self.near[-1][1] != Movement.DEPARTURE if self.near else self.flown)


class _ArticleReader(RoleDates):
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
        self.moving = movement_words(lexicon)
        self.clauses, self.futures, self.after_opened = {}, {}, {}
        self.scanned = scanned_text(article.text, article.language)  # the article's clauses, scanned once
        folded = self.scanned.folded  # the article folded once, shared with the date stages
        self.words: list[Token] = tokens(folded.text)
        self.word_starts = [folded.offsets[w.start] for w in self.words]
        self.sentence_words = [
            range(bisect.bisect_left(self.word_starts, s.start), bisect.bisect_left(self.word_starts, s.end))
            for s in article.sentences
        ]
        self.traveller_keys = traveller_keys
        timed = frozenset(  # «زار الرئيس، أمس السبت، X»: a date between a verb and its place is no distance
            k
            for d in dates
            for k in range(bisect.bisect_left(self.word_starts, d.start), bisect.bisect_left(self.word_starts, d.end))
        )  # (the words where the dates stand: «من» of «5 من مارس» still counts elsewhere)
        self.place_words = PlaceWords(self.words, folded.text, lexicon, skip=traveller_keys, skip_at=timed)
        self.onward_at: set[int] = set()  # starts of the mentions read as destinations still ahead
        self.arrived_at: set[int] = set()  # starts of the countries the traveller is told to arrive in
        self.capital_spans: frozenset[tuple[int, int]] = frozenset()  # (first, last) words of capitals named
        self.dates = [d for d in dates if d.first is not None and not self._since(d)]
        self.date_order = sorted(range(len(self.dates)), key=lambda i: self.dates[i].start)  # found by bisection
        self.date_starts = [self.dates[i].start for i in self.date_order]
        self.cues = self._all_cues()
        self.events = self._events()  # in sentence order: the single days are found by bisection
        self.single_days = [(i, e) for i, e in self.events if e.first == e.last]
        self.lead = self._lead_date()

    def _words_in(self, index: int) -> range:
        """The indices of the words of sentence ``index``."""
        return self.sentence_words[index]

    def _all_cues(self) -> list[SentenceCues]:
        """The cues of every sentence, from one pass over the article's words (each distinct word asked once)."""
        texts = [w.text for w in self.words]
        kinds = self.moving.kinds(set(texts))
        moves = [(k, *kinds[key]) for k, key in enumerate(texts) if key in kinds]
        move_at = [m[0] for m in moves]
        travellers, speech = self.traveller_keys, self.lexicon.speech
        dates, order, date_starts = self.dates, self.date_order, self.date_starts
        cues = []
        for span, words in zip(self.article.sentences, self.sentence_words, strict=True):
            said = texts[words.start : words.stop]
            lo, hi = bisect.bisect_left(date_starts, span.start), bisect.bisect_left(date_starts, span.end)
            first, stop = bisect.bisect_left(move_at, words.start), bisect.bisect_left(move_at, words.stop)
            cue = SentenceCues(
                movement=tuple(moves[first:stop]),
                traveller=not travellers.isdisjoint(said),
                dates=tuple(dates[i] for i in sorted(order[lo:hi])) if hi > lo else (),
                speech=not speech.isdisjoint(said),
            )
            cues.append(cue)
        return cues

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

    def _moves_in_clause(self, cues: SentenceCues, expr: TimeExpr) -> bool:
        """A movement word in the date's own clause, and the clause is not in the future."""
        start, end = self._clause(expr)
        window = self.settings.announced_window  # "announced last night his visit": the announcement's day
        announced = partial(self.place_words.told_after, group=self.lexicon.speech, window=window)
        moving = any(start <= self.word_starts[k] < end and not announced(k) for k, _, _ in cues.movement)
        return moving and not self._future_date(expr)

    # -- one mention ------------------------------------------------------

    def word_span(self, start: int, end: int) -> tuple[int, int]:
        """The words holding the first and the last letter of ``[start, end)`` (a proclitic's word included)."""
        first = max(0, bisect.bisect_right(self.word_starts, start) - 1)
        return first, max(first, bisect.bisect_left(self.word_starts, end) - 1)

    def _read(self, resolution: Resolution, cues: SentenceCues, first_word: int, last_word: int) -> _Reading:
        """What the words around one mention say about the traveller and the place (the tense and a destination
        still ahead aside: :meth:`future`, :meth:`onward`)."""
        mention, place = resolution.mention, resolution.place
        settings, words = self.settings, self.place_words
        lo = self._sentence_start(mention.sentence)
        window = settings.movement_window if place.place_type == PlaceType.COUNTRY else settings.place_window
        near = words.near(cues.movement, first_word, window)
        if not near and place.feature == "capital":  # «زار … برازافيل وكينشاسا»: the verb governs both capitals
            here = frozenset({(first_word, last_word)})
            joined = [s for s in self.capital_spans if s[1] < first_word and words.coordinated(*s, here)]
            near = words.near(cues.movement, max(joined)[0], window) if joined else []
        origin = words.origin(first_word, lo, lookback=settings.place_window)
        if origin and not near:  # "arrived at X by helicopter from Y": the movement word governs "from" from afar
            near = words.near(cues.movement, first_word, settings.origin_window)
        if origin == Origin.FROM:  # "met students from Y" is not the traveller's "from"
            near = [m for m in near if words.governs_from(m, first_word, lo, lookback=settings.place_window)]
        elif origin and near and not words.from_right_after(near[-1], first_word, lo, lookback=settings.place_window):
            origin = None  # "rendue dans la cathédrale de X": French "de" after a noun is "of"
        # "the plane from X", «استقل الطائرة من مطار X»: the traveller left X
        flown = origin is not None and words.vehicle_before(first_word, lo, window=settings.origin_window)
        after = any(words.earlier(m[0], lo) for m in near)
        later = not after and bool(near) and words.told_later(near[-1], lo)
        day_before = bool(near) and words.day_before(near[-1], lo)
        return _Reading(near, origin, flown, after or day_before, later, day_before, after, first_word, last_word)

    def onward(self, resolution: Resolution, cues: SentenceCues, read: _Reading) -> bool:
        """Tell whether the mention is a destination still ahead ("on his way to X"; never after "after")."""
        if read.after:
            return False
        lo = self._sentence_start(resolution.mention.sentence)
        return self.place_words.onward(
            read.first_word, lo, cues.movement, cue=resolution.mention.cue, window=self.settings.onward_window
        )

    def future(self, resolution: Resolution, read: _Reading) -> bool:
        """Tell whether the mention is told in the future tense (never after "after").

        Tense is read up to the place: "arrived in X and will fly to Y" makes Y, not X, a plan. With no movement
        word before it, a "where" clause after it counts («أرسلت السيارات إلى X حيث سيقضي عطلته»).
        """
        if read.after:
            return False
        mention = resolution.mention
        if any(f for _, _, f in read.near) or self._future_before(mention.sentence, mention.start, mention.end):
            return True
        return not read.near and self._future_where(mention.sentence, read.last_word)

    def role(self, resolution: Resolution) -> MentionRole:
        """The role of one resolved mention, with its dates and a short ``why``."""
        mention, place = resolution.mention, resolution.place
        index = mention.sentence
        cues = self.cues[index] if 0 <= index < len(self.cues) else SentenceCues((), False, ())
        if place.place_type in AREA_TYPES and not (place.place_type == PlaceType.COUNTRY and cues.movement):
            return self._area_role(resolution, cues, near=[], future=False)  # no movement through it to read
        first_word, last_word = self.word_span(mention.start, mention.end)
        read = self._read(resolution, cues, first_word, last_word)
        if place.place_type in AREA_TYPES:  # only a country moved through asks whether it is still ahead
            ahead = bool(read.near) and (self.onward(resolution, cues, read) or self.future(resolution, read))
            return self._area_role(resolution, cues, near=read.near, future=ahead)
        context = self._context_role(resolution, cues) or self._aside_role(resolution, first_word, last_word)
        if context is not None:
            return context
        if self.place_words.previous_stage(last_word, len(self.words)):  # "Rome, sa précédente étape"
            why = "an earlier stage of the journey ('X, the previous stop'); its day is not given"
            return MentionRole(resolution, Role.VISIT, True, why=why, earlier=True)
        evidence = self._evidence(resolution, cues, near=read.near, origin=read.origin is not None, flown=read.flown)
        onward = self.onward(resolution, cues, read)
        if not evidence and onward:  # "on his way to X": heading there is a movement
            evidence = "a heading word before it"
        if evidence and self._capitals_together(resolution, first_word, last_word, read):
            evidence = ""  # "worries in Brussels and Washington": capitals named together are governments
        if not evidence:
            if place.feature == "capital":
                return MentionRole(resolution, Role.GOVERNMENT, False, why="a capital standing for its government")
            return MentionRole(resolution, Role.MENTIONED, False, why="mentioned, with no sign the traveller is there")
        future = self.future(resolution, read)
        if future or onward:
            return self._plan(resolution, cues, evidence=evidence, onward=onward and not future)
        return _as_leg(self._presence(resolution, cues, near=read.near, evidence=evidence, earlier=read.earlier), read)

    def _presence(
        self, resolution: Resolution, cues: SentenceCues, *, near: list[MovementCue], evidence: str, earlier: bool
    ) -> MentionRole:
        """The traveller at the place: a visit or a departure, dated by its sentence (a plan when dated ahead).

        An earlier leg («بعد زيارته لـ X», "after visiting X") is a visit done
        before the sentence's date: that date is only approximate for it.
        """
        kind = Role.DEPARTURE if near and near[-1][1] == Movement.DEPARTURE else Role.VISIT
        if earlier:
            evidence = f"an earlier leg, told after 'after' ({evidence})"
        decided = self._dated(resolution, cues, kind, True, evidence)
        if earlier and decided.certainty == Certainty.EXACT:
            decided = replace(decided, certainty=Certainty.APPROXIMATE)
        if self._after_publication(decided):
            return MentionRole(
                resolution, Role.PLAN, True, decided.first, decided.last, Certainty.APPROXIMATE,
                f"a plan: {evidence}, dated after publication",
            )  # fmt: skip
        return decided

    def _future_where(self, index: int, last_word: int) -> bool:
        """Tell whether a "where" clause right after the place ending at word ``last_word`` is in the future tense."""
        if not 0 <= index < len(self.cues):
            return False
        words = self._words_in(index)
        if not self.place_words.opens_where(last_word, words.stop):
            return False
        span = self.article.sentences[index]
        start = self.word_starts[last_word + 1]
        clause = _CLAUSE_END.split(self.article.text[start : span.end], maxsplit=1)[0]
        return sentence_is_future(
            clause, language=self.article.language, frequencies=self.frequencies, settings=self.date_settings
        )

    def _sentence_start(self, index: int) -> int:
        """The index of the first word of sentence ``index`` (0 when out of range)."""
        return self._words_in(index).start if 0 <= index < len(self.cues) else 0

    def _capitals_together(self, resolution: Resolution, first_word: int, last_word: int, read: _Reading) -> bool:
        """Tell whether a capital with no movement word right before it is named together with another capital."""
        if resolution.place.feature != "capital" or read.near:
            return False
        others = self.capital_spans - {(first_word, last_word)}
        return self.place_words.coordinated(first_word, last_word, others)

    def _plan(self, resolution: Resolution, cues: SentenceCues, *, evidence: str, onward: bool) -> MentionRole:
        """A plan: said in the future tense, or a destination the traveller is still heading to."""
        if onward:
            self.onward_at.add(resolution.mention.start)
            why = f"a destination still ahead, after a heading or departure word ({evidence})"
            return MentionRole(resolution, Role.PLAN, False, why=why)
        first, last = self._plan_date(resolution.mention.end, cues)
        certainty = Certainty.APPROXIMATE if first else Certainty.UNKNOWN
        return MentionRole(resolution, Role.PLAN, True, first, last, certainty, f"a plan: {evidence}, future tense")

    def _dated(self, resolution: Resolution, cues: SentenceCues, role: Role, stop: bool, why: str) -> MentionRole:
        """A role dated by its sentence (or the article's lead event)."""
        mention = resolution.mention
        first, last, certainty, why_date = self._date_for(mention.start, mention.end, cues, mention.sentence)
        why = f"{why}; {why_date}" if why_date else why
        return MentionRole(resolution, role, stop, first, last, certainty, why)

    def _area_role(
        self, resolution: Resolution, cues: SentenceCues, *, near: list[MovementCue], future: bool
    ) -> MentionRole:
        """A country, region or sea: never a stop; a country moved through (not one still ahead) is dated."""
        place_type = resolution.place.place_type
        role, why = _area(place_type)
        if near and place_type == PlaceType.COUNTRY and not future:
            kind = near[-1][1]
            how = "arrival in it" if kind == Movement.ARRIVAL else f"{kind} through it"
            moved = self._dated(resolution, cues, role, False, f"a {place_type}; the traveller's {how}")
            if not self._after_publication(moved):
                if kind == Movement.ARRIVAL:
                    self.arrived_at.add(resolution.mention.start)
                return moved
        return MentionRole(resolution, role, False, why=why)

    def _context_role(self, resolution: Resolution, cues: SentenceCues) -> MentionRole | None:
        """A dateline, an earlier event or a related report's place; ``None`` when it is none of them."""
        mention = resolution.mention
        settings = self.settings
        if is_dateline(
            self.article.text, mention.start, mention.end,
            after_chars=settings.dateline_after_chars, before_chars=settings.dateline_before_chars,
        ):  # fmt: skip
            return MentionRole(resolution, Role.DATELINE, False, why="the dateline: where the report was filed")
        historical = [d for d in cues.dates if self._historical(d)]
        attached = self._attached_date(mention.start, mention.end, cues)
        if historical and (attached in historical or not any(not self._historical(d) for d in cues.dates)):
            shown = attached if attached in historical else historical[0]
            return MentionRole(resolution, Role.HISTORICAL, False, why=f"an earlier event ({shown.text.strip()})")
        if _EMBEDDED.search(mention.article):
            if resolution.place.place_type in _SPECIFIC:
                return MentionRole(resolution, Role.RELATED_REPORT, True, why="a site of a related report on the page")
            return MentionRole(resolution, Role.RELATED_REPORT, False, why="named in a separate, related report")
        return None

    def _aside_role(self, resolution: Resolution, first_word: int, last_word: int) -> MentionRole | None:
        """An anchor ("near X"), a time zone («بتوقيت X») or a name alone in brackets; ``None`` otherwise."""
        index = resolution.mention.sentence
        sentence = self._words_in(index) if 0 <= index < len(self.cues) else range(0, len(self.words))
        why = self.place_words.aside(
            first_word, last_word, sentence.start, sentence.stop, window=self.settings.anchor_window
        )
        relative = resolution.place.place_type == PlaceType.RELATIVE  # «سد (30 كلم شمال X)» glosses a site
        if not why and not relative and self.place_words.bracketed(first_word, last_word):
            why = "a name alone in brackets (a credit or a gloss)"
        return MentionRole(resolution, Role.MENTIONED, False, why=why) if why else None

    def _evidence(
        self, resolution: Resolution, cues: SentenceCues, *, near: list[MovementCue], origin: bool, flown: bool
    ) -> str:
        """Why the traveller is at the place ("" when nothing says so)."""
        mention = resolution.mention
        place = resolution.place
        if near:
            return "a movement word right before it"
        if flown:
            return "left by plane or other vehicle ('the plane from X')"
        if origin:
            return ""  # "students from X", «وفد من X»: someone's origin, not where the traveller is
        located = bool(mention.cue or mention.trigger or place.place_type == PlaceType.RELATIVE)
        if cues.movement and located:
            return "a movement or visit word in its sentence, with a preposition or place noun"
        if cues.movement and cues.traveller and place.feature != "capital" and place.place_type == PlaceType.CITY:
            return "in a sentence about the traveller's visit"
        lo = self._sentence_start(mention.sentence)
        first_word = self.word_span(mention.start, mention.end)[0]
        caption = not cues.movement and not cues.speech and cues.traveller
        if (
            caption
            and any(d.first == (d.last or d.first) for d in cues.dates)
            and self.place_words.locative(first_word, lo, cue=mention.cue)
        ):
            return "the traveller named at it on a date, with no verb (a caption or a headline)"
        if self._fronted(resolution, cues, first_word, lo):
            return "a day and a place fronted before the traveller's own deed ('On Sunday in X, he …')"
        return ""

    def _fronted(self, resolution: Resolution, cues: SentenceCues, first_word: int, lo: int) -> bool:
        """A day, then "in X", then a comma and the subject ("Dimanche à X, il avait …", "On Sunday in X, he …").

        News tells an earlier leg of the journey this way: the day and the place fronted, then what the traveller
        (a third-person subject pronoun, or the traveller's name) did there. The day is day-level and in the same
        clause, at most ``roles.fronted_words`` words before the place.
        """
        mention = resolution.mention
        text = self.article.text
        after = _CLAUSE_END.split(text[mention.end : mention.end + 40], maxsplit=1)
        if len(after) < 2 or after[0].strip() or not text[mention.end :].lstrip().startswith(","):
            return False
        subject = tokens(fold(after[1]).text)[:1]
        if not subject or (subject[0].text not in self.lexicon.subjects and subject[0].text not in self.traveller_keys):
            return False
        for expr in cues.dates:
            between = text[expr.end : mention.start]
            day_level = expr.first is not None and expr.first == (expr.last or expr.first)
            if expr.end <= mention.start and day_level and not _CLAUSE_END.search(between):
                words = [w.text for w in tokens(fold(between).text)]
                located = self.place_words.locative(first_word, lo, cue=mention.cue) or any(
                    self.lexicon.is_one_of(w, self.lexicon.locative) for w in words
                )
                return located and len(words) <= self.settings.fronted_words
        return False

    def _future_before(self, index: int, start: int, end: int) -> bool:
        """Is the clause holding ``[start, end)`` in the future tense, read up to ``end``?"""
        if not 0 <= index < len(self.article.sentences):
            return False
        return clause_is_future_up_to(
            self.article.text,
            sentence_start=self.article.sentences[index].start,
            start=start,
            end=end,
            language=self.article.language,
            frequencies=self.frequencies,
            settings=self.date_settings,
        )

    def _after_publication(self, role: MentionRole) -> bool:
        return role.first is not None and self.published is not None and role.first > self.published

    def confirmed(self, roles: list[MentionRole]) -> list[MentionRole]:
        """``roles`` with each destination still ahead made a stop where the article tells the arrival in its country.

        «غادر مدينة X متوجها إلى Y» is a plan, but «ووصل مساء الثلاثاء إلى
        بلد Y» in the same article says the traveller got there (an arrival
        word, not a mere visit): Y becomes a stop dated by that arrival
        (approximate). An arrival dated before the destination's own sentence
        (the country entered days ago, Y a second city of it) confirms nothing.
        """
        arrivals = [r for r in roles if r.role == Role.COUNTRY and r.resolution.mention.start in self.arrived_at]
        out = []
        for role in roles:
            mention, place = role.resolution.mention, role.resolution.place
            if role.role == Role.PLAN and mention.start in self.onward_at and place.country:
                cues = self.cues[mention.sentence] if 0 <= mention.sentence < len(self.cues) else None
                since = self._date_for(mention.start, mention.end, cues, mention.sentence)[0] if cues else None
                arrival = next(
                    (
                        a
                        for a in arrivals
                        if a.resolution.place.country == place.country and (since is None or a.first >= since)
                    ),
                    None,
                )
                if arrival is not None:
                    why = f"{role.why}; its arrival in {arrival.resolution.place.name} is told"
                    role = MentionRole(
                        role.resolution, Role.VISIT, True, arrival.first, arrival.last, Certainty.APPROXIMATE, why
                    )
            out.append(role)
        return out


@cache
def _area(place_type: PlaceType) -> tuple[Role, str]:
    """The role of an area and the ``why`` of one that is no stop (asked once per kind of area)."""
    return Role.of_area(place_type), f"a {place_type}, not a stop"


def _as_leg(decided: MentionRole, read: _Reading) -> MentionRole:
    """A stop marked as a leg before or after its sentence's event («غداة», "au lendemain de": the day before); a
    visit left by plane a departure."""
    if read.flown and decided.role == Role.VISIT:
        decided = replace(decided, role=Role.DEPARTURE)
    if decided.stop and read.day_before and decided.first is not None:
        first, last = decided.first - _DAY, (decided.last or decided.first) - _DAY
        why = f"{decided.why}; the day before ('the day after' it)"
        return replace(decided, first=first, last=last, certainty=Certainty.APPROXIMATE, why=why, earlier=True)
    if decided.stop and (read.earlier or read.came_from):
        return replace(decided, earlier=True)
    return replace(decided, later=True) if decided.stop and read.later else decided


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
    reader.capital_spans = frozenset(
        reader.word_span(r.mention.start, r.mention.end) for r in resolutions if r.place.feature == "capital"
    )
    return reader.confirmed([reader.role(r) for r in resolutions])
