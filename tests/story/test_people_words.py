"""The traveller's word lists and the Arabic verb forms that are no name."""

from __future__ import annotations

import pytest

from geo.places.lexicon import load_lexicon
from geo.story.people_words import is_arabic_verb, lexicon_verb_stems, load_people_words, time_words, verb_stems
from geo.text.folding import name_key

# (word, is it an imperfect of a verb of movement or speech the lexicon knows)
VERB_FORMS = [
    ("تصل", True),  # «وصل»: the imperfect drops its first letter
    ("يعلن", True),  # «أعلن», folded «اعلن»
    ("وسيصل", True),  # a conjunction and the future before the imperfect
    ("يزور", True),  # an imperfect the lexicon lists itself
    ("تستقبل", True),
    ("يؤكد", True),  # «أكد»: the imperfect writes its hamza on «و»  # a reception verb of people.yaml
    ("يوسف", False),
    ("تميم", False),
    ("ياسر", False),
    ("تونس", False),
    ("يونس", False),
    ("وصل", False),  # a perfect is no imperfect (the lexicon knows it as a movement word)
]


@pytest.mark.parametrize(("word", "verb"), VERB_FORMS)
def test_imperfect_verbs(word: str, verb: bool) -> None:
    assert is_arabic_verb(name_key(word), lexicon_verb_stems(load_lexicon())) is verb


# (folded verbs, their stems)
STEMS = [
    ({"وصل"}, {"وصل", "صل"}),
    ({"اعلن"}, {"اعلن", "علن", "وعلن"}),
    ({"اكد"}, {"اكد", "كد", "وكد"}),
    ({"يزور"}, {"يزور", "زور"}),
    ({"قال"}, {"قال"}),
    ({"arrived", "said"}, set()),  # Latin words have no Arabic stem
    ({"ول"}, {"ول"}),  # a stem of one letter is none
]


@pytest.mark.parametrize(("words", "stems"), STEMS)
def test_verb_stems(words: set[str], stems: set[str]) -> None:
    assert verb_stems(frozenset(words)) == stems


# (group of people.yaml, a folded word it holds)
GROUPS = [
    ("invitation", "invitation"),
    ("invitation", "بدعوه"),
    ("invitation", "لدعوه"),
    ("moving", "attendu"),
    ("moving", "foulera"),
    ("moving", "expected"),
    ("auxiliaries", "be"),
    ("hosting", "welcomed"),
]


@pytest.mark.parametrize(("group", "word"), GROUPS)
def test_people_groups(group: str, word: str) -> None:
    assert word in getattr(load_people_words(), group)


def test_time_words_are_single_words() -> None:
    words = time_words()
    assert words and all(" " not in w for w in words)
