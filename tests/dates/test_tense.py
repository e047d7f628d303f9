"""The future tense of a sentence or clause: Arabic سـ + verb (told from nouns by word frequencies), French, English."""

from __future__ import annotations

import pytest

from geo.dates.tense import clause_is_future, clause_is_future_up_to, sentence_is_future
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
    pytest.param("ومن المقرر أن يزور الرئيس القاهرة", "ar", True, id="ar-plan-word-with-conjunction"),
    pytest.param("وسوف يصل الوفد", "ar", True, id="ar-sawfa-with-conjunction"),
    pytest.param("Le ministre doit se rendre à Rabat", "fr", True, id="fr-doit-infinitive"),
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


EVE_EN = "He arrived in Geneva on Sunday ahead of Monday's talks."
FRONTED_EN = "Ahead of Monday's talks, he met the mayor on Saturday."
ALA_AN = "وصل الرئيس إلى القاهرة، على أن يعود إلى الرياض الخميس."
CLAUSES = [
    pytest.param(ALA_AN, "الرياض", "ar", True, id="ar-ala-an"),
    pytest.param(ALA_AN, "القاهرة", "ar", False, id="ar-before-ala-an"),
    pytest.param("ومن المقرر أن يلتقي الرئيس نظيره في القصر.", "القصر", "ar", True, id="ar-min-al-muqarrar-an"),
    pytest.param("قال المتحدث إن الرئيس التقى نظيره في القصر.", "القصر", "ar", False, id="ar-reported-past"),
    pytest.param("وصل الرئيس إلى باريس الثلاثاء وسيتوجه إلى روما.", "الثلاثاء", "ar", False, id="ar-coordinated"),
    pytest.param("يوم الخميس سيزور الرئيس روما.", "الخميس", "ar", True, id="ar-fronted-weekday"),
    pytest.param("He landed in Lima on Tuesday and will fly to Quito.", "Tuesday", "en", False, id="en-and-will"),
    pytest.param("He landed in Lima on Tuesday and he will fly on.", "Tuesday", "en", False, id="en-and-he-will"),
    pytest.param("On Tuesday, he will fly to Quito.", "Tuesday", "en", True, id="en-fronted-weekday"),
    pytest.param("It is expected that the talks resume on Friday.", "Friday", "en", True, id="en-expected-that"),
    pytest.param("Il est arrivé mardi et se rendra à Quito.", "mardi", "fr", False, id="fr-et-futur"),
    pytest.param("Il est prévu que le président se rende à Quito.", "Quito", "fr", True, id="fr-prevu-que"),
    pytest.param(EVE_EN, "Monday", "en", True, id="en-ahead-of-monday"),
    pytest.param(EVE_EN, "Sunday", "en", False, id="en-before-ahead-of"),
    pytest.param(FRONTED_EN, "Monday", "en", True, id="en-fronted-eve"),
    pytest.param(FRONTED_EN, "Saturday", "en", False, id="en-after-a-fronted-eve"),
    pytest.param("وصل الرئيس إلى جنيف الأحد عشية قمة الاثنين.", "الاثنين", "ar", True, id="ar-ashiyyat"),
    pytest.param("Il a dîné à Nice, à la veille du début de sa visite, lundi.", "lundi", "fr", True, id="fr-veille"),
    pytest.param("À la veille de son départ, il a vu le maire lundi.", "lundi", "fr", False, id="fr-fronted-veille"),
]


@pytest.mark.parametrize(("text", "word", "language", "future"), CLAUSES)
def test_a_clause_is_future_by_its_own_signs_and_its_plan_word(
    text: str, word: str, language: str, future: bool, frequencies: WordFrequencies
) -> None:
    start = text.index(word)
    found = clause_is_future(text, start=start, end=start + len(word), language=language, frequencies=frequencies)
    assert found is future


def test_how_many_words_a_coordinator_may_stand_before_the_future_is_a_setting(frequencies: WordFrequencies) -> None:
    text = "He landed in Lima on Tuesday and he will fly on."
    start = text.index("Tuesday")
    tight = DateSettings(coordinated_future_words=0)
    assert not clause_is_future(text, start=start, end=start + 7, language="en", frequencies=frequencies)
    assert clause_is_future(text, start=start, end=start + 7, language="en", frequencies=frequencies, settings=tight)


@pytest.mark.parametrize(
    ("text", "future"),
    [
        pytest.param("وسيلتقي الوزيران في الرباط", True, id="wa-and-sa"),
        pytest.param("فسيعود الوفد الأحد", True, id="fa-and-sa"),
        pytest.param("وسط المدينة ازدحام", False, id="a-noun-after-wa"),
        pytest.param("12سيزور الوزير", True, id="a-verb-glued-to-a-number"),
        pytest.param("Le ministre rencontrera son homologue", True, id="french-future"),
        pytest.param("LE MINISTRE RENCONTRERA", False, id="french-in-capitals"),
    ],
)
def test_future_signs_are_found_in_the_words_that_can_bear_them(text: str, future: bool) -> None:
    assert sentence_is_future(text, language="fr", frequencies=None) is future


def test_the_tense_of_an_articles_clause_is_read_in_the_articles_own_scan() -> None:
    from geo.dates.clauses import clause_scan, scanned_text

    article = "Le ministre est arrivé lundi. Il rencontrera mardi son homologue."
    scanned = scanned_text(article, "fr")
    assert clause_scan(article, "fr") is scanned
    assert clause_scan(article[:20], "fr") is not scanned
    assert clause_is_future(article, start=52, end=57, language="fr", frequencies=None)


@pytest.mark.parametrize(
    ("sentence", "place", "language"),
    [
        pytest.param("Le ministre, qui partira lundi, visitera Rabat puis Fès.", "Rabat", "fr", id="future-clause"),
        pytest.param("Il a dit qu'il était à Rabat.", "Rabat", "fr", id="a-reported-clause"),
        pytest.param("On the eve of the summit in Geneva, he met them.", "Geneva", "en", id="an-eve-phrase"),
        pytest.param("وقال إنه سيزور القاهرة الأحد.", "القاهرة", "ar", id="arabic-future"),
        pytest.param("وصل الوزير إلى عمان ثم غادرها.", "عمان", "ar", id="arabic-past"),
        pytest.param("He will travel ahead of talks in Ahead.", "Ahead", "en", id="a-place-that-could-end-a-break"),
    ],
)
def test_a_places_clause_up_to_it_reads_as_the_piece_alone(sentence: str, place: str, language: str) -> None:
    text = f"Premier paragraphe. {sentence} Suite."
    sentence_start = text.index(sentence)
    start = text.index(place, sentence_start)
    end = start + len(place)
    alone = clause_is_future(
        text[sentence_start:end], start=start - sentence_start, end=end - sentence_start, language=language,
        frequencies=None,
    )  # fmt: skip
    found = clause_is_future_up_to(
        text, sentence_start=sentence_start, start=start, end=end, language=language, frequencies=None
    )
    assert found is alone


class _Table:
    """Word frequencies from a table: a callable that cannot be hashed (it defines equality)."""

    def __init__(self, table: dict[str, float]) -> None:
        self.table = table

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Table) and other.table == self.table

    def __call__(self, word: str, *, language: str) -> float:
        return self.table.get(word, 0.0)


def test_frequencies_that_cannot_be_hashed_are_still_asked() -> None:
    common = _Table({"يزور": 5.0})
    assert sentence_is_future("سيزور الوزير باريس", language="ar", frequencies=common)
    assert not sentence_is_future("سيزور الوزير باريس", language="ar", frequencies=_Table({}))
