"""A run of words matched by its consonant key is no name when a later word of it is a name as written."""

from __future__ import annotations

import pytest

from geo.model import Article, MatchKind, PlaceType
from geo.places.gazetteer import Gazetteer
from geo.places.memo import GazetteerMemo
from geo.places.phonetic_runs import swallows_a_name
from geo.places.recognition import Recognizer
from geo.places.starts import WordStarts
from geo.settings import RecognitionSettings
from geo.text.folding import fold, tokens
from geo.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("words", "swallows"),
    [
        ("السويس", True),  # a name as written
        ("الناصرية", True),
        ("البحر", True),  # begins «البحر الميت»
        ("غاية", False),  # a word that begins no name
        ("مصر", True),  # a country's name
        ("أون أمور", False),  # a foreign name's words: «أمور» alone is the Amur region, no article, no country
        ("", False),  # no later word
    ],
)
def test_a_later_word_that_begins_a_name(gazetteer: Gazetteer, words: str, swallows: bool) -> None:
    starts = WordStarts(gazetteer, GazetteerMemo(gazetteer), settings=RecognitionSettings())
    later = tokens(fold(words).text)
    is_country = lambda row: gazetteer.place_type(row) == PlaceType.COUNTRY  # noqa: E731
    assert swallows_a_name(later, known=starts.known, starts=starts.of, is_country=is_country) is swallows


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("انتشلت فرق الإنقاذ غريق السويس مساء", "السويس"),
        ("أعلنت السلطات حصيلة فاجعة الناصرية الأخيرة", "الناصرية"),
        ("تعافى المصاب بعون الخليل وأهله", "الخليل"),
        ("وتتطلع مصر إلى زيارة البابا", "مصر"),
    ],
)
def test_the_name_is_read_from_its_word(gazetteer: Gazetteer, text: str, name: str) -> None:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    mentions = Recognizer(gazetteer).find(article)
    assert any(m.text == name and m.match != MatchKind.PHONETIC for m in mentions)
    assert not any(m.match == MatchKind.PHONETIC and name in m.text for m in mentions)


def test_a_foreign_name_of_several_words_stays_one(gazetteer: Gazetteer) -> None:
    """«كومسومولسك أون أمور» (Komsomolsk-on-Amur): «أمور» alone names the Amur region, yet the run is the town."""
    text = "وصل الزعيم إلى مدينة كومسومولسك أون أمور في أقصى الشرق الروسي"
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    assert any(m.text == "كومسومولسك أون أمور" for m in Recognizer(gazetteer).find(article))
