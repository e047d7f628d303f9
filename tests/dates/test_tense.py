"""The future tense of a sentence or clause: Arabic سـ + verb (told from nouns by word frequencies), French, English."""

from __future__ import annotations

import pytest

from geo.dates.tense import clause_is_future, sentence_is_future
from geo.model import WordFrequencies
from geo.settings import DateSettings

FUTURE = [
    pytest.param("سيزور الرئيس القاهرة", "ar", True, id="ar-sa-prefix"),
    pytest.param("وستعقد القمة في الرباط", "ar", True, id="ar-clitic-sa-prefix"),
    pytest.param("سوف يصل الوفد", "ar", True, id="ar-sawfa"),
    pytest.param("لن يزور الوزير المدينة", "ar", True, id="ar-lan"),
    pytest.param("ركب الرئيس سيارة مصفحة", "ar", False, id="ar-sayyara-noun"),
    pytest.param("وصل الرئيس إلى سيول", "ar", False, id="ar-seoul-name"),
    pytest.param("وزار الرئيس مدينة سيفاستوبول", "ar", False, id="ar-sevastopol-name"),
    pytest.param("وصل الرئيس إلى المدينة", "ar", False, id="ar-past"),
    pytest.param("Le ministre se rendra à Rabat", "fr", True, id="fr-futur"),
    pytest.param("Le ministre va visiter Tunis", "fr", True, id="fr-aller"),
    pytest.param("La caméra a filmé le port", "fr", False, id="fr-camera-noun"),
    pytest.param("The minister will visit Nairobi", "en", True, id="en-will"),
    pytest.param("The talks are expected to resume", "en", True, id="en-expected-to"),
    pytest.param("He stood next to the governor", "en", False, id="en-next-to"),
    pytest.param("The minister visited Nairobi", "en", False, id="en-past"),
]


@pytest.mark.parametrize(("text", "language", "future"), FUTURE)
def test_sentence_is_future(text: str, language: str, future: bool, frequencies: WordFrequencies) -> None:
    assert sentence_is_future(text, language=language, frequencies=frequencies) is future


@pytest.mark.parametrize(
    ("text", "with_frequencies", "without"),
    [
        pytest.param("سيغادر الوفد العاصمة", True, True, id="a-verb-either-way"),
        pytest.param("وصل الرئيس إلى سيدي بوزيد", False, True, id="a-name-only-frequencies-tell"),
        pytest.param("ركب الرئيس سيارة مصفحة", False, False, id="a-listed-noun-either-way"),
    ],
)
def test_without_frequencies_every_sa_word_is_a_future_verb(
    text: str, with_frequencies: bool, without: bool, frequencies: WordFrequencies
) -> None:
    assert sentence_is_future(text, language="ar", frequencies=frequencies) is with_frequencies
    assert sentence_is_future(text, language="ar", frequencies=None) is without


def test_frequencies_are_asked_with_folded_words_and_the_margin_decides() -> None:
    asked: list[tuple[str, str | None]] = []

    def zipf(key: str, /, *, language: str | None = None) -> float:
        asked.append((key, language))
        return {"يزور": 4.0, "سيزور": 3.5}.get(key, 0.0)

    assert sentence_is_future("سيزُور", language="ar", frequencies=zipf)
    assert asked == [("يزور", "ar"), ("سيزور", "ar")]
    assert not sentence_is_future(
        "سيزور", language="ar", frequencies=zipf, settings=DateSettings(future_prefix_margin=1)
    )


SETTINGS = [
    pytest.param("سيزور الرئيس القاهرة", "ar", DateSettings(future_verb_min_letters=6), id="ar-short-verb"),
    pytest.param("Le ministre visitera Rabat", "fr", DateSettings(french_future_min_letters=9), id="fr-short-futur"),
]


@pytest.mark.parametrize(("text", "language", "settings"), SETTINGS)
def test_minimum_lengths_are_settings(
    text: str, language: str, settings: DateSettings, frequencies: WordFrequencies
) -> None:
    assert sentence_is_future(text, language=language, frequencies=frequencies)
    assert not sentence_is_future(text, language=language, frequencies=frequencies, settings=settings)


@pytest.mark.parametrize(
    ("word", "future"),
    [
        pytest.param("الخميس", False, id="the-day-of-saying"),
        pytest.param("الهند", True, id="the-reported-plan"),
    ],
)
def test_clause_is_future_reads_the_clause_of_the_span(word: str, future: bool, frequencies: WordFrequencies) -> None:
    text = "وقال المتحدث الخميس إن الوزير سيزور الهند قريبا."
    start = text.index(word)
    assert clause_is_future(text, start=start, end=start + len(word), language="ar", frequencies=frequencies) is future
