"""The word lists that tell the traveller from the other people an article names, and Arabic verb forms.

``data/lexicon/people.yaml`` holds the words the traveller's reading (:mod:`geo.story.traveller`) needs beside
the lexicon: reception verbs, companions, auxiliaries, styles, the words of an invitation («بدعوة من X», "at
the invitation of X": X is the host) and the movement phrasings that only tell who moves ("X est attendu",
"X foulera le sol", "X effectue une visite"). An Arabic verb in the imperfect («تصل», «يعلن») is no name: its
prefix «ي» or «ت» stands before the stem of a movement or speech verb the lexicon knows («وصل», «أعلن»).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from geo.dates.date_words import load_dates_lexicon
from geo.errors import IndexBuildError
from geo.places.gazetteer_sources import DATA_DIR
from geo.places.lexicon import Lexicon, clitic_forms
from geo.text.folding import name_key

__all__ = [
    "PEOPLE_FILE",
    "PeopleWords",
    "is_arabic_verb",
    "lexicon_verb_stems",
    "load_people_words",
    "time_words",
    "verb_stems",
]

#: The word lists that tell the traveller from the other people an article names.
PEOPLE_FILE = DATA_DIR / "lexicon" / "people.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when built: the same data, faster
#: The prefixes of an Arabic verb in the imperfect: he («يصل»), she or you («تصل»).
_IMPERFECT = "يت"
#: Letters a perfect verb starts with that its imperfect drops («وصل» → «يصل», «أعلن» → «يعلن», folded «اعلن»).
_DROPPED_FIRST = "او"
#: A perfect's first hamza, folded («أكد» → «اكد»), and the seat the imperfect gives it, folded («يؤكد» → «يوكد»).
_HAMZA_SEAT, _HAMZA_ON_WAW = "ا", "و"
#: The future prefix before an imperfect («سيصل»).
_FUTURE = "س"
#: The shortest verb stem read (two letters: «صل» of «وصل»).
_MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class PeopleWords:
    """Folded words of ``people.yaml``: reception verbs, companions, auxiliaries, "of" before a subject,
    styles («العاهل», "His Holiness"), the agent's "by", relative pronouns ("who"), the particles inside
    names («عبد», "da", "bin"), determiners ("the", "la": no name after them), the adverbs of time between an
    Arabic verb and its subject («منذ قليل»), invitation words («بدعوة», "invitation": the name after them is the
    host's) and the movement phrasings read for the traveller only ("attendu", "foulera", "effectue")."""

    hosting: frozenset[str]
    companions: frozenset[str]
    auxiliaries: frozenset[str]
    of_subject: frozenset[str]
    styles: frozenset[str]
    agent: frozenset[str]
    relatives: frozenset[str]
    particles: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    adverbials: frozenset[str] = frozenset()
    invitation: frozenset[str] = frozenset()
    moving: frozenset[str] = frozenset()


@cache
def load_people_words(path: Path = PEOPLE_FILE) -> PeopleWords:
    """Load and fold ``people.yaml`` once.

    Raises
    ------
    IndexBuildError
        When the file cannot be read.
    """
    try:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise IndexBuildError(f"cannot read the word lists {path}: {exc}") from exc

    def group(name: str) -> frozenset[str]:
        words = (str(w) for by_lang in (raw.get(name) or {}).values() for w in by_lang)
        return frozenset(k for k in (name_key(w) for w in words) if k)

    names = ("hosting", "companions", "auxiliaries", "of_subject", "styles", "agent", "relatives", "particles",
             "determiners", "adverbials", "invitation", "moving")  # fmt: skip
    return PeopleWords(**{name: group(name) for name in names})


@cache
def time_words() -> frozenset[str]:
    """Folded single words of dates (weekdays, months, "yesterday", periods): never a name."""
    dates = load_dates_lexicon()
    phrases = [*dates.weekdays, *dates.months, *dates.relative_days, *dates.periods, *dates.today_noun]
    return frozenset(w for phrase in phrases for w in phrase.split())


def verb_stems(words: frozenset[str]) -> frozenset[str]:
    """The stems of the Arabic verbs among folded ``words``: each verb without its imperfect prefix («يصل» → «صل»),
    or without the first letter a perfect loses in the imperfect («وصل» → «صل», «اعلن» → «علن»), its first hamza
    on «و» as the imperfect writes it («اكد» → «وكد»: «يؤكد»), and as written.

    Examples
    --------
    >>> sorted(verb_stems(frozenset({"وصل", "اعلن", "said"})))
    ['اعلن', 'صل', 'علن', 'وصل', 'وعلن']
    """
    stems: set[str] = set()
    for word in words:
        if word[:1].isascii():
            continue
        stems.add(word)
        if word[:1] in _IMPERFECT + _DROPPED_FIRST and len(word) - 1 >= _MIN_STEM:
            stems.add(word[1:])
        if word[:1] == _HAMZA_SEAT and len(word) - 1 >= _MIN_STEM:
            stems.add(_HAMZA_ON_WAW + word[1:])  # «أكد» → «يؤكد», folded «يوكد»
    return frozenset(stems)


def is_arabic_verb(key: str, stems: frozenset[str]) -> bool:
    """Tell whether the folded Arabic word ``key`` is an imperfect of a known verb: «ي» or «ت», after a conjunction
    or the future «س» or not, before one of ``stems`` (:func:`verb_stems`): «تصل», «يعلن», «وسيصل».

    Examples
    --------
    >>> stems = verb_stems(frozenset({"وصل", "اعلن"}))
    >>> is_arabic_verb("تصل", stems), is_arabic_verb("يعلن", stems), is_arabic_verb("يوسف", stems)
    (True, True, False)
    """
    for form in (key, *(f for _, f in clitic_forms(key, min_rest=_MIN_STEM + 1))):
        bare = form[1:] if form[:1] == _FUTURE and form[1:2] in _IMPERFECT else form
        if bare[:1] in _IMPERFECT and len(bare) - 1 >= _MIN_STEM and bare[1:] in stems:
            return True
    return False


def lexicon_verb_stems(lexicon: Lexicon) -> frozenset[str]:
    """The stems of the lexicon's Arabic verbs of movement and speech, and of ``people.yaml``'s reception verbs
    («يستقبل», «التقى»), as :func:`verb_stems` reads them (worked out once per word lists)."""
    return _verb_stems_of(lexicon.movement, lexicon.speech, load_people_words().hosting)


@lru_cache(maxsize=4)
def _verb_stems_of(*groups: frozenset[str]) -> frozenset[str]:
    """:func:`verb_stems` of the union of ``groups`` (frozen sets keep their hash: a cheap key)."""
    return verb_stems(frozenset().union(*groups))
