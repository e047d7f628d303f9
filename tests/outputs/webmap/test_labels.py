"""A reader's words on the map (geo/outputs/webmap/labels.py): roles, certainty, labels, spans."""

from __future__ import annotations

import pytest

from geo.model import Role
from geo.outputs.webmap.labels import article_label, caption_text, certainty_text, journey_span, role_text, stop_label
from geo.story.document import ArticleDoc, StopDoc


def _stop(**fields: object) -> StopDoc:
    return StopDoc.model_validate({"seq": 2, "id": "x", "name": "Aleppo", "lat": 0, "lon": 0, "place_type": "city",
                                   **fields})  # fmt: skip


@pytest.mark.parametrize(
    ("role", "text"),
    [(Role.PLAN, "plan (announced)"), ("dateline", "dateline: where an article was filed"), (Role.COUNTRY, "country"),
     (Role.COUNTRY, "country")],
)  # fmt: skip
def test_role_text(role: str, text: str) -> None:
    assert role_text(role) == text


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"date_start": "2024-05-01", "date_certainty": "exact"}, "exact date"),
        ({"date_start": "2024-05-01", "date_certainty": "approximate"}, "approximate date"),
        ({"date_start": "2024-05-01", "date_certainty": "unknown"}, "uncertain date"),
        ({}, "not dated by the articles; placed by the order of the story"),
    ],
)
def test_certainty_text(fields: dict[str, str], text: str) -> None:
    assert certainty_text(_stop(**fields)) == text


def test_labels_of_a_stop_and_an_article() -> None:
    stop = _stop(date_start="2024-05-02", date_end="2024-05-03", role="visit", caption="visit: arrived «وصل»")
    assert stop_label(stop, 6) == "Stop 2 of 6: Aleppo, 2–3 May 2024"
    assert caption_text(stop) == "arrived «وصل»"
    assert caption_text(_stop(role="plan", caption="visit: x")) == "visit: x"
    assert article_label(None, 0) == "article 1"  # never a file name
    assert article_label(ArticleDoc(name="a.txt"), 2) == "article 3"
    assert article_label(ArticleDoc(name="a.txt", url="https://www.example.org/x"), 0) == "example.org"
    assert article_label(ArticleDoc(name="a.txt", source="Al Ahram", url="https://x.org/"), 0) == "Al Ahram"
    assert article_label(ArticleDoc(name="a.txt", title="Title"), 0) == "Title"
    assert journey_span([stop, _stop(seq=3)]) == "2–3 May 2024" and journey_span([_stop()]) == "undated"


@pytest.mark.parametrize("role", list(Role))
def test_every_role_has_words(role: Role) -> None:
    assert role_text(role)


# (language, the label of stop 2 of 6, its role, its certainty, an undated journey)
IN_LANGUAGES = [
    ("en", "Stop 2 of 6: Aleppo, 2–3 May 2024", "visit", "exact date", "undated"),
    ("ar", "المحطة 2 من 6: حلب، 2–3 مايو 2024", "زيارة", "تاريخ مؤكد", "بلا تاريخ"),
    ("fr", "Étape 2 sur 6 : Aleppo, 2–3 May 2024", "visite", "exact date", "sans date"),
]


@pytest.mark.parametrize(("lang", "label", "role", "certainty", "undated"), IN_LANGUAGES)
def test_labels_in_the_story_language(lang: str, label: str, role: str, certainty: str, undated: str) -> None:
    stop = _stop(date_start="2024-05-02", date_end="2024-05-03", date_certainty="exact", name_ar="حلب")
    assert stop_label(stop, 6, lang=lang) == label
    assert role_text(Role.VISIT, lang=lang) == role
    assert certainty_text(stop, lang=lang) == certainty
    assert journey_span([_stop()], lang=lang) == undated
