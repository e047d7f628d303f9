"""Arabic common nouns spelled like a foreign town are the nouns, unless the story names the town's country."""

from __future__ import annotations

import pytest

from geo.model import Article, MatchKind, Mention, Place, PlaceType
from geo.pipeline import Pipeline
from geo.places.arabic_nouns import is_arabic_noun, without_bare_nouns, without_definite_nouns
from geo.places.gazetteer import Gazetteer
from geo.places.recognition import Recognizer
from geo.text.sentences import split_sentences


def _places(gazetteer: Gazetteer, text: str, language: str = "ar") -> dict[str, str]:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text), language=language)
    return {r.mention.text: r.place.name for r in Pipeline(gazetteer).process(article).resolutions}


def _town(name_ar: str, country: str) -> Place:
    return Place(id="t", name="Town", lat=0.0, lon=0.0, place_type=PlaceType.CITY, name_ar=name_ar, country=country)


def _mention(text: str, match: MatchKind = MatchKind.EXACT, start: int = 0) -> Mention:
    return Mention(article="t", start=start, end=start + len(text), text=text, sentence=0, match=match, candidates=(1,))


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("حذرت الأرصاد من أمطار وسيول جارفة في الأودية مساء الخميس.", "سيول"),  # و + the indefinite noun
        ("جرفت السيول عشرات السيارات في الحي الشرقي.", "سيول"),  # the definite noun
        ("وتسببت الأمطار الغزيرة والسيول في إغلاق الطريق.", "سيول"),  # و + the article
        ("دعت البلدية السكان إلى الابتعاد عن مجاري السيول وللسيول مواسم.", "سيول"),  # لل: ل + the article
        ("تراجعت الإصابات بفيروس كورونا هذا الأسبوع.", "كورونا"),  # the virus, not Corona, California
        ("إرشادات للحماية من كورونا في المدارس.", "كورونا"),  # a preposition before it changes nothing
    ],
)
def test_a_noun_is_not_a_foreign_town(gazetteer: Gazetteer, text: str, noun: str) -> None:
    assert noun not in _places(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        ("وصل الرئيس الكوري إلى سيول بعد زيارة رسمية إلى كوريا الجنوبية.", "سيول", "Seoul"),  # its country named
        ("وصل الوفد إلى القاهرة مساء الأحد.", "القاهرة", "Cairo"),  # an Arab capital keeps its article
        ("غادر الوزير بالأمس بيروت متوجها إلى باريس.", "باريس", "Paris"),  # a foreign capital with no article
    ],
)
def test_names_stay_places(gazetteer: Gazetteer, text: str, surface: str, place: str) -> None:
    assert _places(gazetteer, text)[surface] == place


@pytest.mark.parametrize(
    ("text", "name_ar", "country", "country_named", "noun"),
    [
        ("سيول", "سئول", "KR", False, True),  # «وسيول»: «السيول» is a frequent word, so this is the noun
        ("سيول", "سئول", "KR", True, False),  # the story names Korea: Seoul
        ("سيول", "سيول", "JO", False, False),  # a town where Arabic is spoken: the name
    ],
)
def test_the_definite_form_decides(name_ar: str, text: str, country: str, country_named: bool, noun: bool) -> None:
    zipf = {"السيول": 3.9}.get
    got = is_arabic_noun(
        _mention(text, MatchKind.CLITIC), _town(name_ar, country), zipf=lambda key: zipf(key, 0.0),
        country_named=country_named, definite_zipf=3.5,
    )  # fmt: skip
    assert got is noun


def test_a_bare_word_is_left_to_the_scores() -> None:
    """«غادر الوزير سيول»: a bare capital's name is the object of a movement verb as often as not."""
    got = is_arabic_noun(
        _mention("سيول"), _town("سئول", "KR"), zipf=lambda key: 3.9, country_named=False, definite_zipf=3.5
    )
    assert got is False


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        ("ارتفع منسوب المياه والسيول في الوادي", "سيول", False),  # و + the article: the noun
        ("وصل الوفد بالإليزيه ظهرا", "إليزيه", True),  # «الإليزيه» is a name with its article
        ("اجتمع الوزراء بالقاهرة مساء الأحد", "قاهرة", True),  # an Arab capital takes the article
        ("يشعر السكان بالأمان بعد عودة الكهرباء", "أمان", False),  # «الأمان» (safety) is a frequent word
    ],
)
def test_a_definite_prefix_leaves_only_names_that_take_the_article(
    gazetteer: Gazetteer, text: str, surface: str, kept: bool
) -> None:
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    mentions = Recognizer(gazetteer).find(article)
    kept_mentions = without_definite_nouns(text, mentions, gazetteer=gazetteer, common_zipf=3.5)
    assert any(surface in m.text for m in kept_mentions) is kept


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        # A foreign town spelled like a noun whose definite form is frequent: the noun when it heads a phrase…
        ("غمرت المياه الشوارع بسبب سيول المغرب الأخيرة", "سيول", False),  # the article on the next word
        ("شاهد سيول #طقس_اليوم بعد الأمطار الغزيرة", "سيول", False),  # a hashtag next
        ("تسبب المنخفض في سيول وانهيارات أرضية", "سيول", False),  # «و» + a word that names no place
        ("شاهد سيول طريق الساحل بعد الأمطار", "سيول", False),  # a kind noun in a construct
        ("شاهد سيول \u2067#طقس_اليوم\u2069 بعد الأمطار", "سيول", False),  # a tag between direction marks
        # … or when the text writes it as a noun elsewhere
        ("وفاة شخصين في سيول جارفة #سيول_جدة", "سيول", False),  # heading a longer hashtag
        ("حذر الدفاع المدني من السيول ومن سيول جارفة", "سيول", False),  # with the article
        # A name all the same: its country or its adjective is written, or a trigger noun introduces it
        ("وصل وزير كوريا الجنوبية إلى سيول الأحد قادما من الكويت", "سيول", True),  # a day next: no phrase
        ("عقد رئيس كوريا الجنوبية اجتماعا في سيول الأسبوع الماضي مع وزير من الكويت", "سيول", True),
        ("هبطت طائرة الوزير الأردني في العاصمة سيول بعد رحلة من الأردن", "سيول", True),
        # A capital's name alone after a movement verb is left to the scores
        ("غادر وزير الخارجية الكويتي سيول صباح اليوم", "سيول", True),
        ("وصل الوفد إلى سيول وطوكيو في جولة آسيوية", "سيول", True),  # «و» + a place: a list of places
    ],
)
def test_a_bare_noun_heading_a_phrase_is_no_foreign_town(
    gazetteer: Gazetteer, text: str, surface: str, kept: bool
) -> None:
    assert any(surface in found for found in _places(gazetteer, text)) is kept


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        ("حصل الطالب رياض على جائزة التفوق", "رياض", False),  # «رياض»: a frequent word; Riyadh is «الرياض»
        ("افتتحت الوزارة عشرة رياض أطفال جديدة", "رياض", False),
        ("وصل الوفد إلى الرياض مساء الأحد", "الرياض", True),  # the name with its article
        ("ارتفعت صادرات النحاس من تشيلي هذا العام", "تشيلي", True),  # «التشيلي» is an adjective, not a name
    ],
)
def test_a_frequent_word_without_the_article_of_a_name_is_the_word(
    gazetteer: Gazetteer, text: str, surface: str, kept: bool
) -> None:
    assert any(surface in found for found in _places(gazetteer, text)) is kept


def test_without_bare_nouns_keeps_what_it_does_not_read(gazetteer: Gazetteer) -> None:
    text = "وصل الوفد بالقاهرة"
    article = Article(name="t.txt", text=text, sentences=split_sentences(text))
    mentions = Recognizer(gazetteer).find(article)
    assert without_bare_nouns(text, mentions, gazetteer=gazetteer, common_zipf=3.5) == mentions


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        ("تستمر الحملة في #فرنسا للحد من #كورونا", "كورونا", False),  # a topic tag
        ("إرشادات للحماية من #كورونا في المدارس", "كورونا", False),
        ("وصل الوفد إلى #روما مساء الأحد", "روما", True),  # a capital tagged is a place
    ],
)
def test_a_common_word_tagged_whole_is_the_topic(gazetteer: Gazetteer, text: str, surface: str, kept: bool) -> None:
    assert any(surface in found for found in _places(gazetteer, text)) is kept


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        # News of Seoul that names no Korea: a clause, a period or a list after the name is no noun phrase
        ("وصل وزير الخارجية الأمريكي إلى سيول والتقى نظيره لبحث التعاون", "سيول", True),  # «إلى», then «و» verb
        ("وصل وزير الخارجية الأمريكي إلى سيول وسط توتر في المنطقة", "سيول", True),
        ("يزور الرئيس الفرنسي سيول الأسبوع المقبل لبحث الملف النووي", "سيول", True),  # a period next
        ("عقدت القمة في سيول الشهر الماضي بحضور قادة آسيا", "سيول", True),
        ("عقدت القمة في سيول العام الماضي", "سيول", True),
        ("وصل رئيس الوزراء إلى سيول اليوم في ظل تحسن العلاقات بين طوكيو وسيول", "سيول", True),  # «وسيول»: no noun
        # The floods stay floods
        ("حذرت الأرصاد من أمطار وسيول جارفة في الأودية", "سيول", False),
        ("حذر الخبراء من سيول جارفة قرب السدود", "سيول", False),
        ("شاهد الفيديو #سيول_تونس عن سيول منطقة البحر", "سيول", False),
        ("تسبب المنخفض في سيول وانهيارات أرضية", "سيول", False),  # «في», not a destination: «و» still a sign
    ],
)
def test_seoul_in_the_news_is_seoul(gazetteer: Gazetteer, text: str, surface: str, kept: bool) -> None:
    assert any(surface in found for found in _places(gazetteer, text)) is kept


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("توجه الوزير إلى الخرطوم ثم عاد إلى بلاده", "Khartoum"),  # a name frequent only with its article
        ("وأكد سكان بالخرطوم أن القصف استمر", "Khartoum"),
    ],
)
def test_a_name_with_its_article_after_a_proclitic_is_the_name(gazetteer: Gazetteer, text: str, place: str) -> None:
    assert place in _places(gazetteer, text).values()
