"""Small word lists that recognition needs: trigger nouns, prepositions, clitics.

The lists live in ``data/lexicon/triggers.yaml`` (general, per language) and
are loaded once, lazily, in folded form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, partial
from pathlib import Path
from typing import Any

import yaml

from geo.errors import IndexBuildError
from geo.model import Trigger
from geo.places.gazetteer_sources import DATA_DIR
from geo.text.compiled_data import code_stamp, compiled, is_shipped, load_yaml
from geo.text.folding import name_key
from geo.text.memory import Memory

__all__ = [
    "FACILITY_FEATURES",
    "Lexicon",
    "Movement",
    "RELATIVE_HEADS",
    "WORD_GROUPS",
    "load_lexicon",
    "PROCLITICS",
    "clitic_forms",
    "is_one_of",
]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when built: the same data, ~8x faster

LEXICON_FILE = DATA_DIR / "lexicon" / "triggers.yaml"
EVENTS_FILE = DATA_DIR / "lexicon" / "events.yaml"

#: The gazetteer features (:attr:`~geo.model.Place.feature`) each facility trigger noun may name.
FACILITY_FEATURES: dict[Trigger, frozenset[str]] = {
    Trigger.PORT: frozenset({"port", "naval_base"}),
    Trigger.AIRPORT: frozenset({"airport"}),
    Trigger.BASE: frozenset({"naval_base", "military_base", "spaceport", "airport"}),
    Trigger.SPACEPORT: frozenset({"spaceport"}),
    Trigger.PLANT: frozenset({"aircraft_plant", "defence_plant", "plant", "shipyard"}),
    Trigger.STATION: frozenset({"rail_station", "station", "border_crossing"}),
    Trigger.CROSSING: frozenset({"border_crossing", "rail_station"}),
    Trigger.SHIPYARD: frozenset({"shipyard", "naval_base"}),
}
#: The head of a relative place's name ("Port 10 km north of …"); "Place" for any other.
RELATIVE_HEADS: dict[Trigger, str] = {
    Trigger.PORT: "Port",
    Trigger.AIRPORT: "Airport",
    Trigger.BASE: "Base",
    Trigger.SPACEPORT: "Spaceport",
    Trigger.PLANT: "Plant",
    Trigger.STATION: "Station",
    Trigger.CROSSING: "Crossing",
    Trigger.ISLAND: "Island",
    Trigger.SHIPYARD: "Shipyard",
    Trigger.WATER: "Waters",
}

#: Arabic proclitics and their combinations, longest first. A name may be
#: glued to a conjunction (و ف), a preposition (ب ل ك) and the article (ال).
PROCLITICS: tuple[str, ...] = tuple(
    sorted(
        {
            "و", "ف", "ب", "ل", "ك", "ال",
            "وال", "فال", "بال", "كال", "لل", "ولل", "فلل",
            "وب", "فب", "ول", "فل", "وك", "فك",
            "وبال", "فبال", "وكال", "فكال",
        },
        key=lambda p: (-len(p), p),
    )
)  # fmt: skip


_PROCLITIC_SET = frozenset(PROCLITICS)
_PROCLITIC_FIRSTS = frozenset(p[0] for p in PROCLITICS)
_LONGEST = max(len(p) for p in PROCLITICS)
_KNOWN_WORDS = 131072  # words whose movement kind a lexicon keeps (news repeats words): then it starts afresh


def clitic_forms(token: str, *, min_rest: int = 3) -> tuple[tuple[int, str], ...]:
    """The ways an Arabic token may read once proclitics are stripped.

    Parameters
    ----------
    token:
        A folded Arabic word.
    min_rest:
        Shortest remainder worth looking up.

    Returns
    -------
    tuple of (int, str)
        ``(characters stripped, form)`` pairs, longest prefix first; the
        article is restored after ``لل``/``ال`` prefixes (لل + قاهره →
        القاهره). The token itself is not included. Remembered: news repeats words.
    """
    return _CLITICS[min_rest][token]  # (a memory a remainder: no key tuple built per question)


def is_one_of(key: str, group: frozenset[str]) -> bool:
    """Tell whether a folded word, or the word once Arabic proclitics are stripped, is in ``group``."""
    if key in group:
        return True
    return _may_end(key, _GROUP_ENDINGS[group]) and any(form in group for _, form in clitic_forms(key, min_rest=2))


def _endings(words: Iterable[str]) -> frozenset[str] | None:
    """The last letters (up to three) of each of ``words``, and of each without its article «ال»: a word one of whose
    forms (:func:`clitic_forms`: a tail of it, or «ال» and a tail) is one of ``words`` ends so (:func:`_may_end`).
    ``None`` when a word is the article alone (any word may then)."""
    endings: set[str] = set()
    for word in words:
        for tail in (word, word[2:]) if word.startswith("ال") else (word,):
            if not tail:
                return None
            endings.add(tail[-3:])
    return frozenset(endings)


def _may_end(key: str, endings: frozenset[str] | None) -> bool:
    """Tell whether ``key`` may end as a word of :func:`_endings` does (its last three, two or one letters are some
    word's last letters): when it does not, no form of it is one of those words."""
    return endings is None or key[-3:] in endings or key[-2:] in endings or key[-1:] in endings


def _clitic_forms(token: str, min_rest: int) -> tuple[tuple[int, str], ...]:
    """:func:`clitic_forms`, worked out."""
    if token[:1] not in _PROCLITIC_FIRSTS:
        return ()  # no proclitic starts so
    forms: list[tuple[int, str]] = []
    seen = {token}
    longest = len(token) - min_rest
    for size, article in _HEADS[token[:_LONGEST]]:
        if size > longest:
            continue
        rest = token[size:]
        if rest not in seen:
            seen.add(rest)
            forms.append((size, rest))
        if article and "ال" + rest not in seen:
            seen.add("ال" + rest)
            forms.append((size, "ال" + rest))
    return tuple(forms)


def _heads(head: str) -> tuple[tuple[int, bool], ...]:
    """The proclitics ``head`` (a word's first letters) begins with, longest first: ``(length, whether the
    article is restored after it)`` (for «لل», «ال»…)."""
    return tuple(
        (size, head[:size].endswith(("ال", "لل"))) for size in range(len(head), 0, -1) if head[:size] in _PROCLITIC_SET
    )


#: A word group → its words' endings (:func:`_endings`; a few groups, asked of again and again).
_GROUP_ENDINGS: Memory[frozenset[str], frozenset[str] | None] = Memory(_endings, size=1024)
#: A word's first letters → the proclitics they begin with (words share their first letters).
_HEADS: Memory[str, tuple[tuple[int, bool], ...]] = Memory(_heads, size=_KNOWN_WORDS)
#: ``min_rest`` → token → its forms.
_CLITICS: Memory[int, Memory[str, tuple[tuple[int, str], ...]]] = Memory(
    lambda min_rest: Memory(partial(_clitic_forms, min_rest=min_rest), size=_KNOWN_WORDS), size=16
)


class Movement(StrEnum):
    """What a movement word (``data/lexicon/events.yaml``) says: the traveller leaves, arrives, or moves (visits…)."""

    DEPARTURE = "departure"
    ARRIVAL = "arrival"
    MOVEMENT = "movement"


#: The word groups of the lexicon files that are not trigger nouns.
WORD_GROUPS = (
    "prepositions", "titles", "speech", "movement", "departure", "institutions",
    "arrival", "onward", "origin", "destination", "near", "timezone", "earlier",
    "locative", "linking", "offices", "distance", "later", "posts", "where", "since", "vehicles",
    "origin_or_of", "conjunctions", "outlets", "day_after", "previous", "subjects", "stages", "adjective_endings",
    "manner", "dialect",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Folded word lists: trigger nouns (key → type hint), prepositions of
    place, person titles, verbs of speech, movement words, and the words that
    tell how the traveller relates to a place: ``onward`` (heading to it, not
    there yet), ``origin`` and ``destination`` prepositions ("from", "to";
    ``origin_or_of``: French "de"),
    ``near`` (an anchor), ``timezone`` (an hour's reference), ``earlier``
    ("after", before a movement told in retrospect), ``later`` ("before", a
    movement still ahead), ``locative`` ("in", "at"), ``linking`` ("of"),
    ``offices`` ("mayor"), ``posts`` ("ambassador"), ``where`` («حيث»),
    ``since`` («منذ»), ``vehicles`` ("plane"), ``conjunctions`` ("and"),
    ``outlets`` (news agencies: "Xinhua", «واس»), ``day_after`` («غداة», "au lendemain de"),
    ``previous`` ("previous stage"), ``subjects`` ("he", "il": who did it), ``stages`` and
    ``adjective_endings`` ("l'étape lyonnaise"), ``distance`` ("km") and ``manner`` (adverbs a movement word
    governs past: "flew directly from X") — see :mod:`geo.story.presence`; ``dialect``: function words of
    spoken Arabic («وين», where), never a place."""

    triggers: dict[str, Trigger]
    prepositions: frozenset[str]
    titles: frozenset[str] = frozenset()
    speech: frozenset[str] = frozenset()
    movement: frozenset[str] = frozenset()
    departure: frozenset[str] = frozenset()
    arrival: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()
    onward: frozenset[str] = frozenset()
    origin: frozenset[str] = frozenset()
    destination: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    timezone: frozenset[str] = frozenset()
    earlier: frozenset[str] = frozenset()
    locative: frozenset[str] = frozenset()
    linking: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()
    distance: frozenset[str] = frozenset()
    later: frozenset[str] = frozenset()
    posts: frozenset[str] = frozenset()
    where: frozenset[str] = frozenset()
    since: frozenset[str] = frozenset()
    vehicles: frozenset[str] = frozenset()
    origin_or_of: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()
    outlets: frozenset[str] = frozenset()
    day_after: frozenset[str] = frozenset()
    previous: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()
    adjective_endings: frozenset[str] = frozenset()
    manner: frozenset[str] = frozenset()
    dialect: frozenset[str] = frozenset()
    _movements: Memory[str, tuple[Movement, bool] | None] = field(init=False, compare=False, repr=False)
    _triggers: Memory[str, Trigger | None] = field(init=False, compare=False, repr=False)
    _cues: Memory[str, str | None] = field(init=False, compare=False, repr=False)
    _marks: Memory[str, tuple[bool, bool, bool]] = field(init=False, compare=False, repr=False)
    _endings: dict[str, frozenset[str] | None] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        """Each word's answers, once worked out (news repeats words); the endings of the words each answer
        reads (:func:`_endings`), so most words are answered without their proclitic forms."""
        for name, work in (
            ("_movements", self._movement_kind),
            ("_triggers", self._trigger),
            ("_cues", self._cue),
            ("_marks", self._person_marks),
        ):
            object.__setattr__(self, name, Memory(work, size=_KNOWN_WORDS))
        endings = {
            "movement": _endings(self.movement),
            "triggers": _endings(self.triggers),
            "prepositions": _endings(self.prepositions),
            "marks": _endings(self.prepositions | self.titles | self.speech),
        }
        object.__setattr__(self, "_endings", endings)

    def movement_kind(self, key: str) -> tuple[Movement, bool] | None:
        """``(Movement, future)`` when a folded word says the traveller moves (leaves, arrives).

        Proclitics (و ف) are stripped; a leading future prefix س marks a plan. Remembered per word.
        """
        return self._movements[key]

    def _movement_kind(self, key: str) -> tuple[Movement, bool] | None:
        """:meth:`movement_kind`, worked out (a future «س» stands before a movement word: the word's ending stays)."""
        if not _may_end(key, self._endings["movement"]):
            return None
        for form in (key, *(f for _, f in clitic_forms(key, min_rest=2))):
            future = False
            if form not in self.movement and form.startswith("س") and form[1:] in self.movement:
                form, future = form[1:], True
            if form in self.movement:
                if form in self.departure:
                    return Movement.DEPARTURE, future
                return (Movement.ARRIVAL if form in self.arrival else Movement.MOVEMENT), future
        return None

    def cue(self, key: str) -> str | None:
        """The preposition of place a folded word is, or carries after a proclitic («وفي» → «في»); remembered."""
        return self._cues[key]

    def _cue(self, key: str) -> str | None:
        """:meth:`cue`, worked out."""
        if not _may_end(key, self._endings["prepositions"]):
            return None
        forms = (key, *(form for _, form in clitic_forms(key, min_rest=2)))
        return next((form for form in forms if form in self.prepositions), None)

    def person_marks(self, key: str) -> tuple[bool, bool, bool]:
        """What a folded word before a name says of it (the word or a form of it without proclitics):
        ``(title, speech, place)``: a person's title («الرئيس»), a verb of speech («قال»), a word of place
        (a preposition, a trigger noun) or of movement («غادر»), after which a name is no person's. Remembered.
        """
        return self._marks[key]

    def _person_marks(self, key: str) -> tuple[bool, bool, bool]:
        """:meth:`person_marks`, worked out."""
        if not _may_end(key, self._endings["marks"]):  # (no form of it is a preposition, a title or a verb of speech)
            return False, False, self.trigger(key) is not None or self.movement_kind(key) is not None
        forms = {key, *(form for _, form in clitic_forms(key, min_rest=2))}
        place = bool(forms & self.prepositions) or self.trigger(key) is not None
        return bool(forms & self.titles), bool(forms & self.speech), place or self.movement_kind(key) is not None

    def is_one_of(self, key: str, group: frozenset[str]) -> bool:
        """Tell whether a folded word, or the word once Arabic proclitics are stripped, is in ``group``."""
        return is_one_of(key, group)

    def trigger(self, key: str) -> Trigger | None:
        """The type hint of a folded word, trying it with proclitics stripped. Remembered per word."""
        return self._triggers[key]

    def _trigger(self, key: str) -> Trigger | None:
        """:meth:`trigger`, worked out."""
        hit = self.triggers.get(key)
        if hit is not None:
            return hit
        if not _may_end(key, self._endings["triggers"]):
            return None
        for _, form in clitic_forms(key, min_rest=3):
            hit = self.triggers.get(form)
            if hit is not None:
                return hit
        return None


def _read(path: Path) -> dict[str, Any]:
    """One lexicon file: word group or trigger hint → language → words."""
    try:
        raw = load_yaml(path, loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise IndexBuildError(f"cannot read the lexicon {path}: {exc}") from exc
    return raw or {}


def _trigger(kind: str, path: Path) -> Trigger:
    """The trigger hint a key of a lexicon file names; an unknown one is refused."""
    try:
        return Trigger(kind)
    except ValueError:
        known = ", ".join(Trigger)
        raise IndexBuildError(f"{path}: {kind!r} is neither a word group nor a trigger hint ({known})") from None


@cache
def load_lexicon(path: Path = LEXICON_FILE, *, events_path: Path | None = EVENTS_FILE) -> Lexicon:
    """Load and fold the word lists (``triggers.yaml`` and the movement words of ``events.yaml``) once.

    The folded lists of the shipped files are worked out once and kept compiled
    (:func:`geo.text.compiled_data.compiled`, again when a file or the code that folds them changes).

    Raises
    ------
    IndexBuildError
        When a file cannot be read, or a key is neither a word group nor a :class:`~geo.model.Trigger`.
    """
    files = [Path(path), *([Path(events_path)] if events_path else [])]
    build = partial(_folded, files)
    if all(map(is_shipped, files)):
        code = code_stamp(__name__, name_key.__module__, Trigger.__module__)  # this, the folding, the hints
        name = "-".join(["lexicon", *(file.stem.replace(".", "_") for file in files)])  # a copy per set of files
        folded = compiled(name, stamp=code and "\n".join([code, *map(_text, files)]), build=build)
    else:
        folded = build()
    return Lexicon(
        triggers={key: Trigger(hint) for key, hint in folded["triggers"].items()},
        **{name: frozenset(folded["groups"][name]) for name in WORD_GROUPS},
    )


def _text(path: Path) -> str:
    """A lexicon file's text (what its folded lists are kept for)."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise IndexBuildError(f"cannot read the lexicon {path}: {exc}") from exc


def _folded(files: list[Path]) -> dict[str, Any]:
    """The folded word lists of the lexicon ``files``: ``triggers`` (key → the hint's value, the first file's
    first) and ``groups`` (word group → keys)."""
    triggers: dict[str, str] = {}
    groups: dict[str, set[str]] = {k: set() for k in WORD_GROUPS}
    for source, raw in [(source, _read(source)) for source in files]:  # (every file read before any is folded)
        for kind, by_lang in raw.items():
            hint = None if kind in groups else _trigger(kind, source)
            for words in by_lang.values():
                for word in words:
                    key = name_key(str(word))
                    if not key:
                        continue
                    if hint is None:
                        groups[kind].add(key)
                    else:
                        triggers.setdefault(key, hint.value)
    return {"triggers": triggers, "groups": groups}
