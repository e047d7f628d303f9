"""The names the traveller's reading finds, counted across a corpus.

Each article gives the names it introduces by a title, the names that are the subject of a movement word and
the hosts who invite (:class:`Found`); the corpus counts them, with every word's count, in a :class:`NameTally`,
which weighs each name word (it moves at all, then moves, is introduced and is named most) and gives the form
the corpus writes for it. :func:`other_script` pairs the traveller's word with the same name in the other
script by their consonant skeletons (:mod:`geo.places.phonetic`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from geo.places.phonetic import phonetic_key
from geo.settings import TravellerSettings
from geo.text.folding import is_arabic

__all__ = ["Found", "NameTally", "other_script"]


@dataclass(slots=True)
class Found:
    """The names one article introduces: by a title, as the subject of a movement word, and as the host who
    invites («بدعوة من X», "at the invitation of X")."""

    titled: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    movers: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    hosts: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


@dataclass(slots=True)
class NameTally:
    """Across the corpus: each name form's spellings, and each name word's titled, mover and word counts."""

    spellings: dict[tuple[str, ...], Counter[str]] = field(default_factory=dict)
    titled_forms: Counter[tuple[str, ...]] = field(default_factory=Counter)
    titled: Counter[str] = field(default_factory=Counter)
    movers: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)
    hosts: Counter[str] = field(default_factory=Counter)

    def add(self, found: Found) -> None:
        """Count one article's names."""
        for text, parts in found.titled:
            self.spellings.setdefault(parts, Counter())[text] += 1
            self.titled.update(set(parts))
            self.titled_forms[parts] += 1
        for text, parts in found.movers:
            self.spellings.setdefault(parts, Counter())[text] += 1
            self.movers.update(set(parts))
        for _, parts in found.hosts:
            self.hosts.update(set(parts))

    def score(self, word: str, settings: TravellerSettings) -> tuple[bool, float, int]:
        """A name word's weight: it moves at all, then moves, is introduced and is named most."""
        moved = self.movers[word] if self.titled[word] or self.counts[word] > 1 else 0  # a mover named once
        return moved > 0, settings.mover_weight * moved + self.titled[word] + self.counts[word], len(word)

    def form(self, word: str) -> str:
        """The written form of the name holding ``word``: the form introduced most, then the fullest."""
        best: tuple[int, int, int, str] | None = None
        for parts, spelled in self.spellings.items():
            if word not in parts:
                continue
            # a word named once, after the name's main word, is rarely part of the name («بوتين يعتزم»)
            junk = sum(1 for p in parts[parts.index(word) + 1 :] if self.counts[p] < 2)
            for text, n in spelled.items():
                candidate = (self.titled_forms[parts] > 0, n, len(parts) - 2 * junk, text)
                if best is None or candidate[:3] > best[:3] or (candidate[:3] == best[:3] and text < best[3]):
                    best = candidate
        return best[3] if best else word


def other_script(tally: NameTally, word: str, settings: TravellerSettings) -> str | None:
    """The traveller's word in the other script: the name word of that script that sounds the same."""
    arabic = is_arabic(word)
    sound = phonetic_key(word)
    if len(sound) < settings.min_sound_letters:
        return None
    matches = [w for w in {*tally.titled, *tally.movers} if is_arabic(w) != arabic and phonetic_key(w) == sound]
    return max(sorted(matches), key=lambda w: tally.score(w, settings), default=None)
