"""What the classroom files say (geo/outputs/classroom_text.py): language, clean text, each stop's texts, sources."""

from __future__ import annotations

import pytest

from geo.model import Role
from geo.outputs.classroom_text import (
    SENTENCE_CHARS,
    WORDS,
    clean,
    place_name,
    source_rows,
    stop_texts,
    story_language,
    title_texts,
)
from geo.story.document import ArticleDoc, StoryDoc
from tests.outputs.classroom_story import arabic_doc, english_doc
from tests.outputs.hostile_story import SCRIPT, hostile_doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("tab\tand\nnew  line", "tab and new line"),
        ("nul\x00 and bell\x07 gone", "nul and bell gone"),
        ("lone \ud800 surrogate", "lone surrogate"),
        ("over\u202eride \u2066isolate\u2069", "override isolate"),
        ("وصل\u200f إلى حلب", "وصل إلى حلب"),
        (None, ""),
        ("", ""),
    ],
)
def test_clean_keeps_only_printable_text(text: str | None, expected: str) -> None:
    assert clean(text) == expected


def test_clean_cuts_long_text_at_a_word() -> None:
    text = " ".join(["كلمة"] * 200)
    cut = clean(text, limit=50)
    assert len(cut) <= 50 and cut.endswith("…") and not cut.endswith(" …")
    assert cut[:-1].split() == ["كلمة"] * len(cut[:-1].split())


@pytest.mark.parametrize(
    ("languages", "title", "expected"),
    [
        (["ar", "ar", "en"], "", "ar"),
        (["en", "en", "ar"], "", "en"),
        (["ar", "en"], "", "ar"),
        ([], "رحلة قصيرة", "ar"),
        ([], "A short trip", "en"),
    ],
)
def test_story_language_follows_most_articles(languages: list[str], title: str, expected: str) -> None:
    articles = [ArticleDoc(name=f"{i}.txt", language=lang) for i, lang in enumerate(languages)]
    doc = StoryDoc(title=title, articles=articles)
    assert story_language(doc) == expected


def test_arabic_stop_texts() -> None:
    doc = arabic_doc()
    first, second, third = (stop_texts(s, doc, lang="ar") for s in doc.stops)
    assert (first.date, first.place, first.headline) == ("1 مارس 2024", "تونس", "يغادر تونس")
    assert first.source == "صحيفة الساحل، «جولة مغاربية»، 2 مارس 2024"
    # the capital quoted for its government does not lead: the quote of the visit does
    assert second.sentence == "ووصل الوزير إلى الجزائر مساء السبت."
    assert second.date == "نحو 2–3 مارس 2024"
    assert (third.date, third.headline) == ("تاريخ غير معروف", "يُنتظر في الرباط")
    assert third.source == "وكالة الأنباء، 5 مارس 2024"


def test_english_stop_texts() -> None:
    doc = english_doc()
    texts = stop_texts(doc.stops[0], doc, lang="en")
    assert (texts.date, texts.place, texts.headline) == ("8 June 2022", "Lisbon", "Leaves Lisbon")
    assert texts.sentence == "The cyclist left Lisbon on Wednesday."
    assert texts.source == "Coastal Daily, “A week up the coast”, 10 June 2022"
    assert place_name(doc.stops[0], lang="ar") == "لشبونة" and place_name(doc.stops[1], lang="ar") == "Porto"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_source_is_never_a_file_name(lang: str) -> None:
    doc = hostile_doc()
    for stop in doc.stops:
        texts = stop_texts(stop, doc, lang=lang)
        assert ".txt" not in texts.source
    assert "unknown" not in stop_texts(doc.stops[2], doc, lang=lang).source


def test_every_role_has_a_headline_in_both_languages() -> None:
    assert WORDS["en"].keys() == WORDS["ar"].keys()
    doc = english_doc()
    for role in Role.stops():
        stop = doc.stops[0].model_copy(update={"role": role})
        assert {stop_texts(stop, doc, lang=lang).headline for lang in ("en", "ar")} != {"", stop.name}


def test_a_long_sentence_is_cut() -> None:
    doc = arabic_doc()
    quote = doc.stops[0].quotes[0].model_copy(update={"sentence": "جملة طويلة جدا " * 60})
    stop = doc.stops[0].model_copy(update={"quotes": [quote]})
    assert len(stop_texts(stop, doc, lang="ar").sentence) <= SENTENCE_CHARS


def test_title_texts() -> None:
    texts = title_texts(arabic_doc(), lang="ar")
    assert (texts.title, texts.traveller) == ("جولة الوزير المغاربية", "المسافر: الوزير سمير")
    assert texts.dates == "1–3 مارس 2024"
    assert title_texts(english_doc(), lang="en").stops == "2 stops"
    empty = title_texts(StoryDoc(), lang="en")
    assert (empty.title, empty.traveller) == ("Untitled story", "")
    assert (empty.dates, empty.stops) == ("dates unknown", "0 stops")


def test_source_rows_keep_only_web_links_and_each_source_once() -> None:
    doc = hostile_doc()
    rows = source_rows(doc, lang="en")
    assert [r.title for r in rows] == [f"عنوان {SCRIPT}", ""]
    assert all(r.url == "" for r in rows)
    twice = StoryDoc(articles=[ArticleDoc(name="a.txt", source="Paper"), ArticleDoc(name="a.txt#2", source="Paper")])
    assert len(source_rows(twice, lang="en")) == 1
    assert source_rows(arabic_doc(), lang="ar")[1].url == "https://example.org/2"
