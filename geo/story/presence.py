"""Presence cues: what the words right around a place say about the traveller's relation to it.

:mod:`geo.story.roles` decides whether a mention is a stop; this module reads
the few words around the place that settle how the traveller stands to it,
in Arabic, French and English news alike:

* how far a movement word stands before the place, not counting the
  traveller's own name between them (the verb–subject–object order of Arabic
  news: «غادر رئيس الوزراء فلان الفلاني مدينة X») nor one-letter elisions
  ("arrivé à l'aéroport");
* an earlier leg: a movement word after "after" («بعد زيارته لـ X», "after
  visiting X") tells a visit done before the sentence's main event;
* an onward destination: a place after a heading word («متوجها إلى», «في
  طريقه إلى», "heading to", "bound for", "en direction de") or after a
  departure and a "to" preposition ("left X for Y", «غادر X إلى Y») is still
  ahead of the traveller;
* the preposition that governs the place, past a trigger noun («وفد من مدينة
  حلب», "étudiants de la ville de X"): "from" names someone's origin;
* asides that are not where anyone stands: an anchor ("near X", «قرب X», "300
  km south-west of X"), a time zone («بتوقيت مكة», "heure de Paris", "Beijing
  time"), an office ("ruler of X", "maire de X") and a name alone in brackets (an
  agency's credit, a gloss);
* a preposition of being at ("in X", «في X»), which with the traveller named
  and a date makes a verbless caption a presence.

The word lists are :class:`~geo.places.lexicon.Lexicon` groups (``onward``,
``origin``, ``destination``, ``near``, ``timezone``, ``earlier``, ``later``,
``locative``, ``linking``, ``offices``, ``distance``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from geo.places.lexicon import Lexicon, Movement, is_one_of
from geo.text.folding import Token
from geo.text.memory import Memory

__all__ = ["MovementCue", "Origin", "PlaceWords", "is_dateline"]

#: (word index, kind, future) of a movement word in a sentence.
MovementCue = tuple[int, Movement, bool]

#: Whether a word with proclitics stripped is one of a word group, by word and group (news repeats words).
_ONE_OF: Memory[tuple[str, frozenset[str]], bool] = Memory(lambda question: is_one_of(*question), size=131072)
#: Articles skipped when looking for the preposition before a trigger noun ("de la ville", "from the town").
_ARTICLES = frozenset({"la", "le", "les", "l", "the", "ال"})
_PUNCT = re.compile(r"[.,;:!?،؛؟()\[\]\"«»]")
_DATELINE_AFTER = re.compile(
    r"\s*(?::|：|\s*[-–—]\s*\S|,\s*\w+\.?\s+\d|\s*\((?:AFP|AP|Reuters|\w{2,8})\)"
    r"|[,،]\s*[^\n,،()]{2,40}?\s*(?:\(\w{2,8}\)|[-–—]\s))"  # "DUBAI, United Arab Emirates (AP) —"
)


def is_dateline(text: str, start: int, end: int, *, after_chars: int, before_chars: int) -> bool:
    """Tell whether the name at ``[start, end)`` of ``text`` is a dateline: a colon after it («سيول:»), or at
    the start of its line (after at most ``before_chars`` of byline, ending in a bracket or a dash) with a dash, a
    date or an agency's credit within ``after_chars`` after it ("X (AFP) -", "BEIJING, April 12"), also after
    its country's name («دبي، الإمارات العربية المتحدة (CNN) –»)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip(" \t\u200f\u200e")
    after = text[end : end + after_chars]
    if after.lstrip(" \t").startswith((":", "：")):
        return True
    short_prefix = len(before) < before_chars
    at_line_start = not before or before.endswith((")", "—", "-")) and short_prefix
    return at_line_start and _DATELINE_AFTER.match(after) is not None


class Origin(StrEnum):
    """The "from" before a place: a plain "from" («من», "from", "depuis"), or French "de" ("from" or "of")."""

    FROM = "from"
    FROM_OR_OF = "from or of"


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The folded words of an article and the word lists that read them.

    Attributes
    ----------
    words:
        The article's folded words, in order.
    text:
        The folded text the words index into (to see punctuation between them).
    lexicon:
        The word lists.
    skip:
        Folded words that do not count in a distance: the traveller's name.
    skip_at:
        The indices of words that do not count in a distance where they stand: the words of a date.
    """

    words: list[Token]
    text: str
    lexicon: Lexicon
    skip: frozenset[str] = frozenset()
    skip_at: frozenset[int] = frozenset()
    _governing: dict[tuple[int, int, int], int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def back(self, first: int, lo: int, window: int) -> Iterator[int]:
        """The words before word ``first``, nearest first, down to ``lo`` and within ``window`` counted words."""
        k, seen = first - 1, 0
        while k >= lo and seen < window:
            yield k
            seen += self.counts(k)
            k -= 1

    def counts(self, k: int) -> bool:
        """Tell whether word ``k`` counts in a distance (not a one-letter elision, not the traveller's name, not a
        word of a date)."""
        word = self.words[k].text
        return len(word) > 1 and word not in self.skip and k not in self.skip_at

    def within(self, lo: int, hi: int, window: int) -> bool:
        """Tell whether word ``hi`` stands at most ``window`` counted words after word ``lo`` (1: adjacent)."""
        if hi - lo <= window:
            return True  # fewer words between than the window, counted or not
        allowed = window - 1  # the words between that may count
        if allowed < 0:
            return False
        for k in range(lo + 1, hi):
            if self.counts(k):
                allowed -= 1
                if allowed < 0:
                    return False
        return True

    def near(self, movement: tuple[MovementCue, ...], first: int, window: int) -> list[MovementCue]:
        """The movement words at most ``window`` counted words before word ``first``, in text order."""
        return [m for m in movement if m[0] < first and self.within(m[0], first, window)]

    def is_in(self, k: int, group: frozenset[str]) -> bool:
        """Tell whether word ``k`` (proclitics stripped) is one of ``group`` (each word asked once of a group)."""
        if not 0 <= k < len(self.words):
            return False
        key = self.words[k].text
        if key in group:
            return True
        return _ONE_OF[key, group]

    def _previous(self, k: int, lo: int) -> int:
        """The index of the word before word ``k`` within the sentence from ``lo`` (``-1``: none)."""
        return k - 1 if k - 1 >= lo else -1

    def joined(self, a: int, b: int) -> bool:
        """Tell whether words ``a`` < ``b`` stand with no punctuation between them."""
        if not 0 <= a <= b < len(self.words):
            return False
        return _PUNCT.search(self.text[self.words[a].end : self.words[b].start]) is None

    def governing(self, first: int, lo: int, *, lookback: int) -> int:
        """The index of the word that governs the place starting at word ``first`` (``-1``: none).

        That is the word just before the place, or, when a trigger noun stands
        within ``lookback`` words before it («من مدينة حلب», "de la ville de
        X"), the word before the trigger noun (articles skipped). Worked out once per place and lookback.
        """
        found = self._governing.get((first, lo, lookback))
        if found is not None:
            return found
        k = self._previous(first, lo)
        for j in range(first - 1, max(lo, first - lookback) - 1, -1):
            if not self.joined(j, j + 1):  # the words from j + 1 to the place are joined already
                break
            if self.lexicon.trigger(self.words[j].text) is not None:
                k = self._previous(j, lo)
                while k >= 0 and self.words[k].text in _ARTICLES:
                    k = self._previous(k, lo)
                break
        self._governing[first, lo, lookback] = k
        return k

    def onward(self, first: int, lo: int, movement: tuple[MovementCue, ...], *, cue: str | None, window: int) -> bool:
        """Tell whether the place at word ``first`` is a destination still ahead.

        A heading word within ``window`` counted words before it («متوجها
        إلى X», "on his way to X", "en direction de X"), or a "to" preposition
        governing it (``cue``, a proclitic «لـ», or the word before it or its
        trigger noun) after a "before" word in that window («قبل السفر إلى
        X», "before heading to X"; "before leaving X" leaves from X) or after
        a departure as the nearest movement word ("left X for Y", «غادر X إلى
        مدينة Y»).
        """
        later = False
        for k in self.back(first, lo, window):
            if self.is_in(k, self.lexicon.onward):
                return True
            later = later or self.is_in(k, self.lexicon.later)
        governing = self.governing(first, lo, lookback=window)
        to = self.is_in(governing, self.lexicon.destination) or (
            cue is not None and self.lexicon.is_one_of(cue, self.lexicon.destination)
        )
        before = [m for m in movement if m[0] < (governing if governing >= 0 else first)]
        return to and (later or (bool(before) and before[-1][1] == Movement.DEPARTURE))

    def earlier(self, movement: int, lo: int) -> bool:
        """Tell whether the movement word at index ``movement`` is told as done before the main event.

        An "after" word stands at most two counted words before it («بعد
        زيارته», «بعد أن زار», "after visiting", "après avoir visité", "après
        sa visite").
        """
        return any(self.is_in(k, self.lexicon.earlier) for k in self.back(movement, lo, 2))

    def told_after(self, k: int, group: frozenset[str], *, window: int) -> bool:
        """Tell whether a word of ``group`` stands at most ``window`` counted words before word ``k``, no
        punctuation between: "since" before a year ("the first visit since the bombing of the city in 1945"), a
        verb of speech before a movement it announces ("avait annoncé hier soir son déplacement")."""
        for j in self.back(k, max(0, k - window), window):
            if not self.joined(j, k):
                return False
            if self.is_in(j, group):
                return True
        return False

    def day_before(self, movement: MovementCue, lo: int) -> bool:
        """Tell whether a movement word is told as done the day before the sentence's event: a "day after" word
        stands at most three counted words before it ("au lendemain de son discours du Caire", «غداة زيارته»)."""
        return any(self.is_in(k, self.lexicon.day_after) for k in self.back(movement[0], lo, 3))

    def previous_stage(self, last: int, hi: int) -> bool:
        """Tell whether a "previous" word stands at most three words after the place ending at word ``last``, only
        a comma between ("Rome, sa précédente étape", «روما، المحطة السابقة», "Rome, the previous stop")."""
        for k in range(last + 1, min(hi, last + 4)):
            between = self.text[self.words[k - 1].end : self.words[k].start]
            if k == last + 1:  # the apposition's comma
                between = re.sub("[,،]", "", between, count=1)
            if _PUNCT.search(between):
                return False
            if self.is_in(k, self.lexicon.previous):
                return True
        return False

    def told_later(self, movement: MovementCue, lo: int) -> bool:
        """Tell whether an arrival or visit word is told as done after the sentence's main event.

        A "before" word stands at most two counted words before it ("shortly
        before arriving in Y", «قبل أن يصل إلى Y», "avant de rejoindre Y"); a
        departure after "before" ("before leaving X") still leaves from where
        the traveller is.
        """
        if movement[1] == Movement.DEPARTURE:
            return False
        return any(self.is_in(k, self.lexicon.later) for k in self.back(movement[0], lo, 2))

    def from_right_after(self, movement: MovementCue, first: int, lo: int, *, lookback: int) -> bool:
        """Tell whether the "from" of the place at word ``first`` follows the movement word with nothing but
        titles, adverbs and the traveller's name between ("venu de X", «قادما من X», "arrived directly from X"),
        unlike French "de" after a noun ("rendue dans la cathédrale de X": "of")."""
        governing = self.governing(first, lo, lookback=lookback)
        lexicon = self.lexicon  # "venu directement de X": an adverb may stand between
        return movement[0] < governing and self._only(movement[0] + 1, governing, (lexicon.titles, lexicon.manner))

    def _only(self, start: int, end: int, groups: tuple[frozenset[str], ...]) -> bool:
        """Tell whether every counted word from ``start`` to before ``end`` is one of ``groups``."""
        return all(not self.counts(k) or any(self.is_in(k, g) for g in groups) for k in range(start, end))

    def vehicle_before(self, first: int, lo: int, *, window: int) -> bool:
        """Tell whether a vehicle ("plane", «الطائرة») stands at most ``window`` counted words before word ``first``."""
        return any(self.is_in(k, self.lexicon.vehicles) for k in self.back(first, lo, window))

    def origin(self, first: int, lo: int, *, lookback: int) -> Origin | None:
        """The "from" that governs the place at word ``first`` («من», "from", "depuis"; French "de"), if any."""
        governing = self.governing(first, lo, lookback=lookback)
        if self.is_in(governing, self.lexicon.origin):
            return Origin.FROM
        return Origin.FROM_OR_OF if self.is_in(governing, self.lexicon.origin_or_of) else None

    def governs_from(self, movement: MovementCue, first: int, lo: int, *, lookback: int) -> bool:
        """Tell whether a movement word governs the "from" of the place at word ``first``.

        A word of arriving or leaving does ("arrived at X by helicopter from
        Y"); another movement word only when nothing but titles and the
        traveller's name, a preposition or an adverb stands between it and "from" ("returned from Y", "flown in
        from Y", "flew directly from Y", «عاد الرئيس من Y»), not "met students from Y", «التقى وفدا من Y».
        """
        if movement[1] != Movement.MOVEMENT:
            return True
        governing = self.governing(first, lo, lookback=lookback)
        # "flown in from Y", "flew directly from Y": a particle or an adverb may stand between
        lexicon = self.lexicon
        return self._only(movement[0] + 1, governing, (lexicon.titles, lexicon.prepositions, lexicon.manner))

    def _before_place(self, first: int, lo: int) -> tuple[int, bool]:
        """The word before the place at word ``first``, past a trigger noun and one linking word
        («قرب مدينة X» → «قرب», "ruler of X" → "ruler", "heure de X" → "heure"; ``-1`` when none),
        and whether a linking word was passed."""
        k = first - 1 if self.joined(first - 1, first) and first - 1 >= lo else -1
        if k >= lo and self.lexicon.trigger(self.words[k].text) is not None and self.joined(k - 1, k):
            k = k - 1 if k - 1 >= lo else -1
        if k > lo and self.is_in(k, self.lexicon.linking) and self.joined(k - 1, k):
            return k - 1, True
        return k, False

    def aside(self, first: int, last: int, lo: int, hi: int, *, window: int) -> str:
        """Why the place of words ``first``..``last`` is an aside, not where anyone stands ("" when it is not).

        ``[lo, hi)`` is its sentence's word range. Read are the word before
        it (:meth:`_before_place`): an anchor ("near X"), a time zone
        («بتوقيت X», "heure de X") or an office linked by "of" ("ruler of X"); a
        unit of distance at most ``window`` words before it ("300 km south-west
        of X"); and the word right after it ("Beijing time").
        """
        before, linked = self._before_place(first, lo)
        after = last + 1 if last + 1 < hi and self.joined(last, last + 1) else -1
        if self.is_in(before, self.lexicon.near):
            return "an anchor: something is near it"
        if self.is_in(before, self.lexicon.timezone) or self.is_in(after, self.lexicon.timezone):
            return "a time-zone aside"
        if linked and self.is_in(before, self.lexicon.offices):
            return "part of a title: an office named after the place"
        if self._posted(first, lo):
            return "part of a title: someone posted at the place"
        for k in self.back(first, lo, window):
            if not self.joined(k, first):
                break
            if self.is_in(k, self.lexicon.distance):
                return "an anchor: a distance is measured from it"
        return ""

    def _posted(self, first: int, lo: int) -> bool:
        """Tell whether a post («السفير الفرنسي بـX», "ambassador in X") stands at most three counted words before
        the preposition of the place at word ``first`` (or before the place, its preposition a proclitic)."""
        start = first - 1 if self.is_in(first - 1, self.lexicon.locative) and self.joined(first - 1, first) else first
        for k in self.back(start, lo, 3):
            if not self.joined(k, first):
                break
            if self.is_in(k, self.lexicon.posts):
                return True
            if self.lexicon.movement_kind(self.words[k].text) is not None:
                return False  # "the envoy arrived in X": the envoy is there
        return False

    def opens_where(self, last: int, hi: int) -> bool:
        """Tell whether the word right after the place ending at word ``last`` opens a "where" clause («حيث»,
        "where", "où"), punctuation allowed between."""
        return last + 1 < hi and self.is_in(last + 1, self.lexicon.where)

    def locative(self, first: int, lo: int, *, cue: str | None) -> bool:
        """Tell whether the place at word ``first`` is governed by a preposition of being at ("in X", «في X», «بـX»)."""
        if cue is not None and self.lexicon.is_one_of(cue, self.lexicon.locative):
            return True
        return self.is_in(self.governing(first, lo, lookback=2), self.lexicon.locative)

    def coordinated(self, first: int, last: int, others: frozenset[tuple[int, int]]) -> bool:
        """Tell whether the place of words ``first``..``last`` is joined by "and" to another of ``others``
        (``(first, last)`` word spans): "Brussels and Washington", «واشنطن وبكين», "Paris et Berlin"."""
        after = [span for span in others if span[0] in (last + 1, last + 2)]
        before = [span for span in others if span[1] in (first - 1, first - 2)]
        for a, b in [(last, s[0]) for s in after] + [(s[1], first) for s in before]:
            if not self.joined(a, b):
                continue
            if b == a + 2 and self.is_in(a + 1, self.lexicon.conjunctions):
                return True
            if b == a + 1 and self.words[b].text[:1] in self.lexicon.conjunctions:  # the Arabic و on the name
                return True
        return False

    def bracketed(self, first: int, last: int) -> bool:
        """Tell whether the words ``first``..``last`` are all that stands in a pair of brackets ("(Y)")."""
        start, end = self.words[first].start, self.words[last].end
        return self.text[:start].rstrip().endswith("(") and self.text[end:].lstrip().startswith(")")
