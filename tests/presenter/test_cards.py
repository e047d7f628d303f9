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


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Kim: Alpha – Gamma, September 2023", "en", "Kim: Alpha – Gamma, September 2023"),
        ("Kim: Alpha – Gamma, September 2023", "ar", "Kim: ألفا – Gamma، سبتمبر 2023"),
        ("A trip in March 2024 and May 2024", "ar", "A trip in مارس 2024 and مايو 2024"),
        # an Arabic story's title, shown in the English interface
        ("كيم: ألفا – Gamma، سبتمبر 2023", "en", "كيم: Alpha – Gamma, September 2023"),
        ("كيم: ألفا – Gamma، سبتمبر 2023", "ar", "كيم: ألفا – Gamma، سبتمبر 2023"),
    ],
)
def test_story_title_in_the_interface_language(doc: StoryDoc, title: str, lang: str, expected: str) -> None:
    stops = [doc.stops[0].model_copy(update={"name": "Alpha", "name_ar": "ألفا"})]
    assert story_title(doc.model_copy(update={"title": title, "stops": stops}), lang=lang) == expected
