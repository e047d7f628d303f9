"""Kind names: a kind noun and the name after it are one toponym («حي X»), recognised but never placed."""

from __future__ import annotations

import pytest

from geo.model import Article
from geo.pipeline import Pipeline
from geo.places.gazetteer import Gazetteer
from geo.places.kind_names import find_kind_names, load_kind_words
from geo.settings import RecognitionSettings
from geo.text.folding import name_key
from geo.text.sentences import split_sentences


def _names(gazetteer: Gazetteer, text: str, **knobs: float) -> list[str]:
    settings = RecognitionSettings(**knobs)
    return [n.text for n in find_kind_names(text, taken=[], zipf=gazetteer.zipf, settings=settings)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أغلقت الشرطة شارع الزهور بعد الأمطار الغزيرة", ["شارع الزهور"]),
        ("غمرت المياه حي النخيل صباح الأربعاء", ["حي النخيل"]),
        ("نقل الجرحى إلى مستشفى الرحمة في المدينة", ["مستشفى الرحمة"]),  # a preposition ends the name
        ("اتصل بمستشفى الأمل وطلب سيارة إسعاف", ["مستشفى الأمل"]),  # the proclitic is not part of it
        ("انقطعت الكهرباء في منطقة أم الرمال منذ أمس", ["منطقة أم الرمال"]),  # «أم» opens a longer name
        ("أغلق طريق الأمير سلطان بسبب الحادث", ["طريق الأمير سلطان"]),
        ("السيول تجرف سيارة في #وادي_الغيلان", ["وادي_الغيلان"]),  # a whole tag: noun and name
        ("تضرر الجسر الجديد، وأغلق جسر_العوامية", ["جسر_العوامية"]),
        ("تجمع الأهالي في حي #الربوة مساء", ["حي #الربوة"]),  # the name tagged after the noun
        ("بدأ ترميم سد الوادي الأخضر، ومدرسة الفجر", ["سد الوادي الأخضر", "مدرسة الفجر"]),
        ("ازدحام خانق على الدائري الثالث بعد الحادث", ["دائري الثالث"]),  # a ring road and its ordinal
        ("طلاب #جامعة_دمشق يعودون غدا", ["جامعة_دمشق"]),  # a tag joins even a common word to the noun
        ("وقع انفجار أمام المعهد القومي مساء", ["معهد القومي"]),  # a definite noun: a definite name
    ],
)
def test_a_kind_noun_introduces_a_name(gazetteer: Gazetteer, text: str, expected: list[str]) -> None:
    assert _names(gazetteer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "#سيول_حي_النخيل تغرق الشوارع",  # the noun inside a longer tag: the tag names an event
        "أقامت الوزارة مستشفى ميداني قرب الحدود",  # an indefinite adjective, not a name
        "أرسلت الدولة جسر جوي من المساعدات",
        "أغلق الطريق بالكامل بعد السيول",  # a preposition glued to a definite word
        "نقلوا المصابين إلى مستشفى في المدينة",  # a preposition right after the noun
        "تعطلت المضخات في منطقة 5 صباحا",  # a number
        "سقطت الأمطار على الشارع، ثم توقفت",  # punctuation right after the noun
        "قال المسافرون إن المطار يستقبل الرحلات مجددا",  # a definite noun, then a verb: no name
        "قال إن الميناء توقف بالكامل بعد العاصفة",
        "دخلوا المستشفى #حريق_المصنع",  # a definite noun, then a tag of its own
        "Heavy rain closed Oak Street and the Lilas bridge on Monday",  # English: capitals name places
        "La pluie a fermé la rue des Lilas et le pont Neuf lundi",  # French: likewise
    ],
)
def test_no_name_after_the_noun(gazetteer: Gazetteer, text: str) -> None:
    assert _names(gazetteer, text) == []


def test_a_name_takes_at_most_the_set_number_of_words(gazetteer: Gazetteer) -> None:
    text = "انقطعت الكهرباء في منطقة أم الرمال منذ أمس"
    assert _names(gazetteer, text, kind_name_words=1) == ["منطقة أم"]


def test_a_name_too_common_is_left_out(gazetteer: Gazetteer) -> None:
    text = "أغلقت الشرطة شارع الزهور بعد الأمطار"
    assert _names(gazetteer, text, kind_name_zipf=0.0) == []


def test_a_span_already_placed_is_not_repeated(gazetteer: Gazetteer) -> None:
    text = "غمرت المياه حي النخيل صباح الأربعاء"
    start = text.index("النخيل")
    assert find_kind_names(text, taken=[(start, start + 6)], zipf=gazetteer.zipf) == []


def test_the_word_lists_are_folded() -> None:
    words = load_kind_words()
    assert name_key("مستشفى") in words.kinds and name_key("مدرسة") in words.kinds
    assert name_key("أم") in words.openers and "في" in words.stops
    assert not words.kinds & words.stops


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وصل الرئيس إلى الرياض الأحد، وزار مستشفى النور ثم عاد", "مستشفى النور"),
        ("زار الوزير حي الورود في بيروت يوم الاثنين", "حي الورود"),
    ],
)
def test_a_kind_name_is_recognised_never_placed(gazetteer: Gazetteer, text: str, name: str) -> None:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language="ar")
    pipeline = Pipeline(gazetteer)
    result = pipeline.process(article)
    names = pipeline.kind_names(result)
    assert name in [n.text for n in names]
    placed = [(r.mention.start, r.mention.end) for r in result.resolutions]
    assert not any(start < n.end and n.start < end for start, end in placed for n in names)
