"""Consonant keys: an Arabic transliteration meets the Latin name it was made from."""

from __future__ import annotations

import pytest

from geo.places.phonetic import arabic_key, latin_key, latin_spellings, phonetic_key


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("نوفوسيبيرسك", "Novosibirsk"),
        ("يكاترينبورغ", "Yekaterinburg"),
        ("تشيليابينسك", "Chelyabinsk"),
        ("إيركوتسك", "Irkutsk"),
        ("مورمانسك", "Murmansk"),
        ("سيفاستوبول", "Sevastopol"),
        ("خاركيف", "Kharkiv"),
        ("زابوريجيا", "Zaporizhzhia"),
        ("سينويجو", "Sinuiju"),
        ("هامهونغ", "Hamhung"),
        ("شنغهاي", "Shanghai"),
        ("فولغوغراد", "Volgograd"),
        ("روستوف أون دون", "Rostov-on-Don"),
        ("بيلغورود", "Belgorod"),
    ],
)
def test_transliterations_share_a_key(arabic: str, latin: str) -> None:
    assert arabic_key(arabic) == latin_key(latin)


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("موسكو", "Minsk"), ("باريس", "Berlin"), ("طهران", "Tehran-e Kuchak"), ("دمشق", "Damascus")],
)
def test_different_names_differ(arabic: str, latin: str) -> None:
    assert arabic_key(arabic) != latin_key(latin)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Shchuchinsk", "SNSK"),  # shch and ch are one class, repeats collapse
        ("Zhukovsky", "JKFSK"),  # zh is J, v is F, y dropped
        ("Cergy", "SRK"),  # soft c
        ("Cuba", "KB"),  # hard c
        ("Pskov", "BSKF"),  # p and b share a class
        ("Tattah", "T"),  # repeats collapse, vowels and h drop
    ],
)
def test_latin_key_rules(name: str, key: str) -> None:
    assert latin_key(name) == key


def test_arabic_tsh_digraph_reads_as_one_sound() -> None:
    assert arabic_key("تشيتا") == arabic_key("شيتا") == latin_key("Chita")


@pytest.mark.parametrize(("name", "key"), [("خاباروفسك", "KBRFSK"), ("Khabarovsk", "KBRFSK")])
def test_phonetic_key_picks_the_script(name: str, key: str) -> None:
    assert phonetic_key(name) == key


@pytest.mark.parametrize(
    ("key", "variant"),
    [("aboudhabi", "abudhabi"), ("djeddah", "jeddah"), ("djeddah", "jedah"), ("charmelcheikh", "sharmelsheikh")],
)
def test_latin_spelling_variants(key: str, variant: str) -> None:
    assert variant in latin_spellings(key)
    assert key not in latin_spellings(key)


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        # خ for the "h" of a Chinese or Spanish name, which the Latin key drops
        ("خاربين", "Harbin"),
        ("خيفي", "Hefei"),
        ("خاليسكو", "Halisco"),
        # ج for a hard "g" (Egyptian usage)
        ("هامبورج", "Hamburg"),
        ("جلاسجو", "Glasgow"),
        # تش for Chinese "zh"
        ("تشنغتشو", "Zhengzhou"),
        ("هانغتشو", "Hangzhou"),
        # a final ن for "-ng"
        ("نانجين", "Nanjing"),
        ("كونمين", "Kunming"),
    ],
)
def test_other_readings_of_an_arabic_spelling(arabic: str, latin: str) -> None:
    from geo.places.phonetic import arabic_keys

    keys = arabic_keys(arabic)
    assert keys[0] == arabic_key(arabic)
    assert latin_key(latin) in keys


@pytest.mark.parametrize(("arabic", "limit"), [("خجخجخجن", 8), ("خجخجخجن", 3), ("موسكو", 8)])
def test_readings_are_few_and_distinct(arabic: str, limit: int) -> None:
    from geo.places.phonetic import arabic_keys

    keys = arabic_keys(arabic, limit=limit)
    assert 1 <= len(keys) <= limit and len(set(keys)) == len(keys)


def test_a_spelling_without_ambiguous_letters_has_one_reading() -> None:
    from geo.places.phonetic import arabic_keys

    assert arabic_keys("موسكو") == (arabic_key("موسكو"),)
    assert arabic_keys("باريس") == (arabic_key("باريس"),)


#: Arabic spelling, a key it must have among its "ng" readings (an inner «ن» before a consonant), a Latin name
SYLLABLES = [
    ("تشانشا", "SNKS", "Changsha"),  # an inner "ng" written «ن»
    ("قوانجو", "KNKJ", "Guangzhou"),  # «ق» for "g", an inner "ng" written «ن»
    ("شنيان", "SNK", "Shenyang"),
]


@pytest.mark.parametrize(("arabic", "key", "latin"), SYLLABLES)
def test_syllable_keys_read_an_inner_n_as_ng(arabic, key, latin):
    from geo.places.phonetic import arabic_keys, latin_key, syllable_keys

    keys = syllable_keys(arabic)
    assert key in keys and latin_key(latin) == key
    assert keys[: len(arabic_keys(arabic))] == arabic_keys(arabic)  # the usual readings first
