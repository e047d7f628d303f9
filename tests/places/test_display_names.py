"""The Arabic display name chosen among a place's Arabic-script alternate names."""

from __future__ import annotations

import pytest

from geo.places.display_names import arabic_display_name, is_arabic_alphabet


@pytest.mark.parametrize(
    ("name", "arabic"),
    [
        ("موسكو", True),
        ("عمّان", True),  # harakat are Arabic marks
        ("عَمّان", True),
        ("سان فرانسيسكو", True),  # words joined by a space
        ("دير الزور-الميادين", True),  # or a hyphen
        ("ماسکو", False),  # Persian kaf
        ("دبئی", False),  # Persian ya
        ("كىيېۋ", False),  # Uyghur letters
        ("ئاممان", False),  # a word beginning with «ئ»: Uyghur
        ("مدينة ئاممان", False),  # also after a space
        ("مسائل", True),  # «ئ» inside a word is Arabic
        ("رىم", False),  # «ى» inside a word: Uyghur
        ("مستشفى", True),  # at its end: Arabic
        ("مدينة سيبو", True),
        ("مدةنة", False),  # «ة» inside a word
        ("سا ن جوز", False),  # a word of one letter: a name cut apart
        ("سان هوزيه", True),
        ("عمان شہر", False),  # Urdu he
        ("Amman", False),  # Latin
        ("عمان (الأردن)", False),  # brackets are no part of a name
        ("", False),
    ],
)
def test_the_arabic_alphabet_alone(name: str, arabic: bool) -> None:
    assert is_arabic_alphabet(name) is arabic


_ZIPF = {"موسكو": 4.8, "مسكو": 1.7, "امان": 3.6, "عمان": 5.1, "عمّان": 5.1, "عَمّان": 5.1, "روم": 3.6, "روما": 4.6}


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        (["ماسکو", "مسكو", "موسكو", "موسكۋا"], "موسكو"),  # the letters rule, then the most frequent
        (["ئاممان", "امان", "عمان", "عمان شہر", "عمّان", "عَمّان"], "عمان"),  # frequency, then the fewest marks
        (["رم", "روم", "روما", "رىم"], "روما"),  # frequency over a shorter form
        (["بلدة", "بلده", "بلدا"], "بلدة"),  # equally rare: the spelling most names share once folded
        (["قريا", "قرية"], "قريا"),  # equally rare, equally shared: the lowest in code-point order
        (["دبئی", "کیف"], "دبئی"),  # none in the Arabic alphabet: the first, as the source gives it
        (["  روما "], "روما"),  # stripped
        ([], None),
    ],
)
def test_the_display_choice(names: list[str], shown: str | None) -> None:
    assert arabic_display_name(names, frequency=lambda name: _ZIPF.get(name, 0.0)) == shown


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        (["ماسکو", "مسکو", "موسكو", "موسكۋا"], "موسكو"),
        (["توكيو", "توکیو", "طوكيو"], "طوكيو"),  # how Arabic news writes Tokyo
        (["لأندأن", "لندن", "لوندون", "لەندەن"], "لندن"),
        (["كىيېۋ", "كييف", "کیف", "کی\u200cیف"], "كييف"),
    ],
)
def test_the_default_frequency_is_arabic_text(names: list[str], shown: str) -> None:
    assert arabic_display_name(names) == shown


@pytest.mark.parametrize(
    ("names", "latin", "shown"),
    [
        (["بيلو أفق", "بيلو هوريزونتي", "بلو هوريزونتي"], "Belo Horizonte", "بلو هوريزونتي"),  # not "horizon"
        (["الزان", "ألسان"], "Ulsan", "ألسان"),  # not a common word it happens to spell
        (["نور سلطان", "أستانة"], "Astana", "أستانة"),  # the name, not the former one
        (["موسكو", "مسكو"], "Moscow", "موسكو"),  # both sound like it: the more frequent
        (["الزان", "ألسان"], None, "الزان"),  # no Latin name given (a country that speaks Arabic): frequency
        (["كابول"], "Nowhere", "كابول"),  # none sounds like it: frequency, as before
    ],
)
def test_a_transliteration_sounds_like_the_latin_name(names: list[str], latin: str | None, shown: str) -> None:
    assert arabic_display_name(names, sounds_like=latin) == shown

