"""Movement words in running text: the cheap ending test never turns away a word the lexicon reads as one."""

from __future__ import annotations

import pytest

from geo.places.lexicon import PROCLITICS, Lexicon, Movement, load_lexicon
from geo.story.movement import MovementWords, movement_words
from geo.text.folding import fold, tokens


def _every_form(lexicon: Lexicon) -> set[str]:
    """Each movement word with every proclitic, the future prefix, and the article's forms («للزيارة»)."""
    forms = set()
    for word in lexicon.movement:
        bare = word[2:] if word.startswith("ال") else word
        for stem in {word, "س" + word, bare}:
            forms.update({stem, *(p + stem for p in PROCLITICS)})
    return forms


def test_the_ending_test_agrees_with_the_lexicon_on_every_movement_form() -> None:
    lexicon = load_lexicon()
    words = MovementWords.of(lexicon)
    for form in sorted(_every_form(lexicon)):
        assert words.kind(form) == lexicon.movement_kind(form), form
        if lexicon.movement_kind(form) is not None:
            assert words.may_be(form), form


@pytest.mark.parametrize(
    ("text", "movers"),
    [
        ("وصل الوزير إلى مدينة حمص صباح اليوم ثم غادر المدينة مساء", 2),
        ("وسيزور الوفد المعرض قبل أن يتوجه إلى المطار", 2),
        ("La ministre est arrivée à Lille puis a quitté la ville", 2),
        ("The minister arrived in Kampala and left for Nairobi on Friday", 2),
        ("Les élèves ont lu un poème sous la pluie", 0),
        ("قرأ الطلاب قصيدة في الصف", 0),
    ],
)
def test_words_of_a_sentence_are_read_as_the_lexicon_reads_them(text: str, movers: int) -> None:
    lexicon = load_lexicon()
    words = movement_words(lexicon)
    keys = [t.text for t in tokens(fold(text).text)]
    assert [words.kind(k) for k in keys] == [lexicon.movement_kind(k) for k in keys]
    assert sum(1 for k in keys if words.kind(k) is not None) == movers


def test_a_word_that_ends_as_no_movement_word_does_is_none() -> None:
    words = movement_words(load_lexicon())
    assert not words.may_be("قصيده")
    assert words.kind("قصيده") is None
    assert words.kind("وصل") == (Movement.ARRIVAL, False)


def test_one_set_of_movement_words_per_lexicon() -> None:
    lexicon = load_lexicon()
    assert movement_words(lexicon) is movement_words(lexicon)


def test_the_movement_words_of_a_set_of_words() -> None:
    lexicon = load_lexicon()
    words = movement_words(lexicon)
    keys = {t.text for t in tokens(fold("وصل الوزير إلى حمص ثم غادر المدينة وسيزور المعرض").text)}
    expected = {k: kind for k in keys if (kind := lexicon.movement_kind(k)) is not None}
    assert words.kinds(keys) == expected
    assert words.kinds(keys) == expected  # asked again: remembered
    assert len(expected) == 3


def test_what_is_remembered_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.story.movement as movement

    monkeypatch.setattr(movement, "_KNOWN_WORDS", 6)
    lexicon = load_lexicon()
    words = MovementWords.of(lexicon)

    def keys(text: str) -> set[str]:
        return {t.text for t in tokens(fold(text).text)}

    def expected(found: set[str]) -> dict[str, tuple[Movement, bool]]:
        return {k: kind for k in found if (kind := lexicon.movement_kind(k)) is not None}

    first, more = keys("غادر الوفد المدينة"), keys("ووصل الوزير إلى الميناء بعد الظهر")
    assert words.kinds(first) == expected(first)
    assert words.kinds(first | more) == expected(first | more)  # more words than it keeps: it starts afresh
    assert all(words.kind(k) == lexicon.movement_kind(k) for k in sorted(first | more))
    assert len(words._known) <= len(first | more)
