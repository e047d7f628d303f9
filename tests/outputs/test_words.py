"""The story map's and exports' words in the story's language (geo/outputs/words.py)."""

from __future__ import annotations

import pytest

from geo.outputs.export_text import stop_caption, stop_html
from geo.outputs.words import PAGE_LANGUAGES, direction, word
from geo.story.document import ArticleDoc, Quote, StopDoc

# (language, key, fields, text)
WORDS = [
    ("en", "stop_of", {"seq": 2, "total": 6}, "Stop 2 of 6"),
    ("ar", "stop_of", {"seq": 2, "total": 6}, "المحطة 2 من 6"),
    ("fr", "stop_of", {"seq": 2, "total": 6}, "Étape 2 sur 6"),
    ("fr", "key_line", {}, "route in date order, along great circles"),  # a key French lacks: English
    ("de", "play", {}, "Play"),  # a language without a table: English
    ("ar", "play", {}, "تشغيل"),
]


@pytest.mark.parametrize(("lang", "key", "fields", "text"), WORDS)
def test_a_word_in_each_language(lang: str, key: str, fields: dict, text: str) -> None:
    assert word(lang, key, **fields) == text


def test_every_language_says_its_direction() -> None:
    assert [direction(lang) for lang in PAGE_LANGUAGES] == ["ltr", "rtl", "ltr"]


def _stop(language: str, sentence: str, text: str) -> tuple[StopDoc, list[ArticleDoc]]:
    quote = Quote(article="000_7a66ee9784af1dc8.txt", text=text, start=0, end=len(text), sentence=sentence)
    stop = StopDoc(seq=1, id="x", name="Cairo", name_ar="القاهرة", lat=30, lon=31, place_type="city",
                   happened=quote, quotes=[quote])  # fmt: skip
    return stop, [ArticleDoc(name="000_7a66ee9784af1dc8.txt", language=language, url="https://www.ahram.org.eg/n/1")]


# (story language, article language, sentence, place words, marks the caption must carry, the headline)
CAPTIONS = [
    ("en", "en", "The prime minister arrived in Cairo on Sunday.", "Cairo", 'lang="en" dir="ltr"', "Arrives in Cairo"),
    ("ar", "en", "The prime minister arrived in Cairo on Sunday.", "Cairo", 'lang="en" dir="ltr"', "يصل إلى القاهرة"),
    ("ar", "ar", "وصل رئيس الوزراء إلى القاهرة يوم الأحد.", "القاهرة", 'lang="ar" dir="rtl"', "يصل إلى القاهرة"),
    ("fr", "fr", "Le Premier ministre est arrivé au Caire dimanche.", "Caire", 'lang="fr" dir="ltr"', "Arrive à Cairo"),
]


@pytest.mark.parametrize(("lang", "article_lang", "sentence", "text", "marks", "headline"), CAPTIONS)
def test_captions_name_their_source_and_direction(
    lang: str, article_lang: str, sentence: str, text: str, marks: str, headline: str
) -> None:
    stop, articles = _stop(article_lang, sentence, text)
    body = stop_html(stop, heading=False, articles=articles, lang=lang)
    assert f"<div{' ' + marks}>" in body  # an English sentence is never marked right to left
    assert headline in body
    caption = stop_caption(stop, articles, lang=lang)
    for text_out in (body, caption):
        assert "ahram.org.eg" in text_out and ".txt" not in text_out and "unknown source" not in text_out
