"""The popups' HTML (geo/outputs/webmap/popups.py): article text escaped once, dates, certainty, links."""

from __future__ import annotations

import html
import re

import pytest

from geo.outputs.webmap import render_map
from tests.outputs.webmap.story_page import IMG, PWN_IMG, PWN_SCRIPT, fixture_doc, popups, stop_popup


def test_popups_and_panel_escape_article_text_once(page: str) -> None:
    assert IMG not in page and PWN_IMG not in page
    found = popups(page)
    assert len(found) == 5  # 4 stops + Moscow (Syria, a country, stays out of the context layer)
    aleppo = next(p for p in found if 'data-seq="2"' in p)
    assert html.escape(IMG) in aleppo and html.escape(PWN_SCRIPT) in aleppo
    assert "&amp;lt;" not in aleppo, "escaped twice"
    assert "<mark>حلب</mark>" in aleppo
    for popup in found:
        assert "<img" not in popup and "<script" not in popup
    assert html.escape(IMG) in page  # the caption in the panel's list is escaped too (title of article b)


def test_only_http_links(page: str) -> None:
    panel = page.split('<script type="application/json" id="story-data">')[0].rsplit("</head>", 1)[1]
    for html_text in [panel, *popups(page)]:
        assert "javascript:" not in html_text
        assert set(re.findall(r'href="([a-z]+):', html_text)) <= {"https"}
    aleppo = stop_popup(page, 2)
    assert 'href="https://example.org/a"' in aleppo and 'rel="noopener noreferrer"' in aleppo


def test_popup_dates_and_certainty(page: str) -> None:
    found = [stop_popup(page, seq) for seq in (1, 2, 3, 4)]
    assert '<time datetime="2024-05-01">1 May 2024</time> <span class="sm-pop-cert">(exact date)</span>' in found[0]
    assert ">2–3 May 2024</time>" in found[1] and "(approximate date)" in found[1]
    assert "date unknown" in found[3] and "placed by the order of the story" in found[3]


# (language, the popup's own words, its headline of stop 1, a word that must not be there)
POPUP_LANGUAGES = [
    ("en", ('lang="en" dir="ltr"', "Stop 1 of 4", "How the story was read"), "Damascus", "المحطة"),
    ("ar", ('lang="ar" dir="rtl"', "المحطة 1 من 4", "كيف قُرئت القصة"), "دمشق", "Stop 1 of"),
]


@pytest.mark.parametrize(("lang", "words", "place", "absent"), POPUP_LANGUAGES)
def test_a_popup_speaks_the_story_language(lang: str, words: tuple[str, ...], place: str, absent: str) -> None:
    popup = stop_popup(render_map(fixture_doc(), lang=lang), 1)
    assert all(w in popup for w in words)
    assert place in popup and absent not in popup
    assert ".txt" not in popup and "unknown source" not in popup
