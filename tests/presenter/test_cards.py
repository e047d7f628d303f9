"""What the presenter shows: a stop's card, the title view, the timeline strip, how the story was read."""

from __future__ import annotations

import pytest

from geo.presenter.cards import (
    card_html,
    css,
    reading_rows,
    stop_card,
    story_title,
    timeline,
    timeline_html,
    title_html,
    undated_names,
)
from geo.story.document import StoryDoc


def test_card(doc: StoryDoc) -> None:
    card = stop_card(doc, 1, lang="en")
    assert (card.heading, card.name, card.name_ar, card.date) == (
        "Stop 1 of 4",
        "Pyongyang",
        "بيونغيانغ",
        "10 September 2023",
    )
    assert card.role == "departure" and card.caption == "caption Pyongyang"
    assert card.quotes[0].source == "Agency" and card.quotes[0].url == "https://example.org/a"
    assert stop_card(doc, 3, lang="en").date == "15–16 September 2023"
    assert stop_card(doc, 4, lang="en").date == "date unknown"
    assert stop_card(doc, 4, lang="ar").date == "تاريخ غير معروف"
    assert stop_card(doc, 1, lang="ar").date == "10 سبتمبر 2023"
    assert stop_card(doc, 1).certainty == "exact date"
    assert stop_card(doc, 4).certainty.startswith("not dated")
    with pytest.raises(IndexError):
        stop_card(doc, 5)


def test_card_html_escapes_story_text(doc: StoryDoc) -> None:
    text = card_html(stop_card(doc, 1), lang="en")
    assert "<b>" not in text and "&lt;b&gt;Pyongyang&lt;/b&gt;" in text
    assert "<mark>&lt;b&gt;Pyongyang&lt;/b&gt;</mark>" in text
    assert "{{ 7*7 }}" in text  # shown as written, never evaluated
    assert 'class="gs-date">10 September 2023<' in text
    assert "<b>" not in title_html(doc.model_copy(update={"title": "<b>x</b>"}))
    assert "gs-card" in css()


def test_timeline_and_reading_rows(doc: StoryDoc) -> None:
    items = timeline(doc)
    assert [(i.seq, i.position) for i in items] == [(1, 0.0), (2, 0.5), (3, 0.8333)]
    strip = timeline_html(items, current=2)
    assert strip.count("gs-dot") == 3 and "gs-now" in strip
    assert undated_names(doc) == ["Shipyard"]
    rows = reading_rows(doc)
    assert rows[0]["Place"] == "Pyongyang" and rows[0]["Role"] == "departure" and rows[0]["Why"] == "a movement word"
    assert [r["On the route"] for r in rows] == ["stop 1", "stop 2", "stop 3", "stop 4"]
    assert reading_rows(doc, lang="ar")[0]["الدور"] == "انطلاق"


_EN = "Kim: Pyongyang – Khabarovsk, September 2023"
_AR = "كيم: بيونغيانغ – Khabarovsk، سبتمبر 2023"


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        (_EN, "en", _EN),
        (_EN, "ar", _AR),  # the reader's English title, composed again in Arabic: name, places, month
        (_AR, "en", _EN),  # an Arabic story's title in the English interface
        (_AR, "ar", _AR),
        ("Kim: Pyongyang – Khabarovsk, September 2023", "ar", _AR),
        ("", "ar", _AR),  # no title: one from the story
        ("", "en", _EN),
        ("Our class trip: Pyongyang, September 2023", "ar", "Our class trip: Pyongyang, September 2023"),  # kept
    ],
)
def test_story_title_comes_from_the_story_in_each_language(doc: StoryDoc, title: str, lang: str, expected: str) -> None:
    story = doc.model_copy(update={"title": title, "traveller_ar": "كيم"})
    assert story_title(story, lang=lang) == expected


@pytest.mark.parametrize(
    ("stops", "traveller", "lang", "expected"),
    [
        ([], "Kim", "ar", "Kim: أماكن في الأخبار"),
        ([], None, "en", "Places in the news"),
        ([3], None, "en", "A journey: Khabarovsk, September 2023"),
        ([4], None, "ar", "رحلة: Shipyard"),  # no date: no month
    ],
)
def test_story_title_of_short_stories(
    doc: StoryDoc, stops: list, traveller: str | None, lang: str, expected: str
) -> None:
    story = doc.model_copy(update={"title": "", "traveller": traveller, "stops": [doc.stops[i - 1] for i in stops]})
    assert story_title(story, lang=lang) == expected


@pytest.mark.parametrize(
    ("sentence", "article_lang", "marks"),
    [
        ("KnAAZ زار الزعيم المصنع", "ar", ' lang="ar" dir="rtl"'),  # Arabic opening with a Latin acronym
        ("«بوتين» met Kim at the cosmodrome", "en", ' lang="en" dir="ltr"'),  # English opening with Arabic
        ("Left Pyongyang on Sunday", None, ' dir="ltr"'),
    ],
)
def test_card_marks_each_quote_by_the_one_rule(
    doc: StoryDoc, sentence: str, article_lang: str | None, marks: str
) -> None:
    from geo.story.document import ArticleDoc

    quote = doc.stops[0].quotes[0].model_copy(update={"sentence": sentence, "text": "x"})
    stop = doc.stops[0].model_copy(update={"quotes": [quote], "happened": quote})
    articles = [ArticleDoc(name="a.txt", language=article_lang)] if article_lang else []
    story = doc.model_copy(update={"stops": [stop, *doc.stops[1:]], "articles": articles})
    html_text = card_html(stop_card(story, 1, lang="ar"), lang="ar")
    assert f'<blockquote class="gs-happened"{marks}>' in html_text and f"<blockquote{marks}>" in html_text
