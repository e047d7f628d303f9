"""Folding: Arabic letter forms, marks, digits and Latin accents, with offsets kept."""

from __future__ import annotations

import pytest

from geo.text.folding import fold, fold_char, fold_text, gemination_key, is_arabic, name_key, tokens


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("أحمد", "احمد"),  # hamza on alef
        ("إسطنبول", "اسطنبول"),  # hamza under alef
        ("آمن", "امن"),  # madda
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مدينة", "مدينه"),  # ta marbuta
        ("مُحَمَّد", "محمد"),  # diacritics
        ("عـــاجل", "عاجل"),  # tatweel
        ("مؤتمر", "موتمر"),  # waw hamza
        ("رئيس", "رييس"),  # ya hamza
        ("کوریا", "كوريا"),  # Persian kaf and ya
        ("٢٠٢٣", "2023"),  # Arabic-Indic digits
        ("۱۹۹۹", "1999"),  # Persian digits
        ("\u200fالقدس\u200e", "القدس"),  # RLM / LRM
        ("ab\u200bcd", "abcd"),  # zero-width space
        ("\ufeffمرحبا", "مرحبا"),  # BOM
        ("Montréal", "montreal"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("ÎLE-DE-FRANCE", "ile-de-france"),
    ],
)
def test_fold_text(text: str, folded: str) -> None:
    assert fold_text(text) == folded


@pytest.mark.parametrize(
    "text",
    ["و\u200fصل إلى الـقـاهـرة", "Kim a visité Montréal.", "ذهبتُ إلى «دمشق» ٢٠٢٣", "Straße\u200b nach Köln"],
)
def test_offsets_map_back_to_the_original(text: str) -> None:
    folded = fold(text)
    assert len(folded.offsets) == len(folded.text) + 1
    for token in tokens(folded.text):
        start, end = folded.original_span(token.start, token.end)
        assert fold_text(text[start:end]) == token.text


def test_offsets_of_a_word_after_invisible_marks() -> None:
    text = "\u200f\u200fمن بغـداد"
    folded = fold(text)
    word = tokens(folded.text)[1]
    start, end = folded.original_span(word.start, word.end)
    assert text[start:end] == "بغـداد"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أبو ظبي", "أبوظبي"),  # two words or one
        ("Saint-Pétersbourg", "Saint Petersbourg"),  # hyphen or space
        ("Rostov-on-Don", "ROSTOV ON DON"),
        ("Komsomol'sk", "Komsomolsk"),
        ("الإسكندرية", "الاسكندريه"),
    ],
)
def test_name_key_joins_spacing_and_hyphen_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("text", "expected"), [("القاهرة", True), ("Cairo", False), ("Le Caire (القاهرة)", True)])
def test_is_arabic(text: str, expected: bool) -> None:
    assert is_arabic(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "قالَ الرئيسُ: «وصلنا إلى القاهرة» \u200fاليوم",  # marks and a direction mark dropped, letters folded
        "زار بـــغداد ٣ أيام",  # a run of tatweel, Arabic-Indic digits
        "Ünïcode ÀÉ straße",  # one character folded into two: the slow path
        "ᴬA and Aᴬ",  # a character whose fold folds again (ᴬ → A, A → a): read as each character's own fold
        "",
    ],
)
def test_fold_is_each_characters_fold_with_its_offset(text: str) -> None:
    folded = fold(text)
    pieces = [(fold_char(c), i) for i, c in enumerate(text)]
    assert folded.text == "".join(f for f, _ in pieces)
    assert list(folded.offsets) == [i for f, i in pieces for _ in f] + [len(text)]


def test_tokens_are_the_words_and_their_spans() -> None:
    text = fold("Paris, 2024 — #سيول_تونس l'Élysée").text
    assert [(t.text, text[t.start : t.end]) for t in tokens(text)] == [(t.text, t.text) for t in tokens(text)]
    assert [t.text for t in tokens(text)] == ["paris", "2024", "سيول", "تونس", "l", "elysee"]


def test_characters_left_out_of_the_fold_table_fold_to_themselves() -> None:
    from geo.text.folding import _unplain, fold_char

    plain = [chr(c) for c in range(0x30000) if not 0xD800 <= c <= 0xDFFF and _unplain().match(chr(c)) is None]
    assert len(plain) > 200  # ASCII but capitals, most of the Arabic block
    assert [c for c in plain if fold_char(c) != c] == []
    assert {"A", "أ", "ة", "\u064e", "é", "\u00a0"}.isdisjoint(plain)


@pytest.mark.parametrize(
    ("name", "doubled"),
    [
        ("عمّان", "عممان"),  # a shadda doubles its letter (Amman)
        ("عَمّان", "عممان"),  # the vowel written too: the same
        ("عَمَّان", "عممان"),  # the vowel after the shadda (the canonical order puts it before)
        ("عُمان", "عمان"),  # written with harakat and no shadda: single letters (Oman)
        ("عمان", None),  # written bare: says nothing
        ("جِدّة", "جدده"),  # folded as keys are (ta marbuta)
        ("اَلرِّقَّة", "الرققه"),  # the article's shadda on a sun letter is the article's
        ("الرَّقة", "الرقه"),
        ("ٱلرَّقة", "الرقه"),  # with alef wasla
        ("مَكَّة المُكَرَّمة", "مككهالمكررمه"),  # each word's article
        ("Montréal", None),
    ],
)
def test_gemination_key(name: str, doubled: str | None) -> None:
    assert gemination_key(name) == doubled
