"""The index page: offline, escaped, one row per journey with its route."""

from __future__ import annotations

from geo.archive.index_page import JourneyEntry, render_index
from geo.story.document import StoryDoc

HOSTILE = "<script>alert(1)</script>"


def _doc() -> StoryDoc:
    stops = [
        {"id": "p1", "name": "Cairo", "lat": 30.0, "lon": 31.2, "place_type": "city", "seq": 1},
        {"id": "p2", "name": HOSTILE, "lat": 24.7, "lon": 46.7, "place_type": "city", "seq": 2},
    ]
    articles = [{"name": "a.txt", "title": HOSTILE, "url": 'https://example.org/"x'}]
    return StoryDoc(traveller="Leader Omar", stops=stops, articles=articles)


def test_index_escapes_and_stays_offline() -> None:
    page = render_index([JourneyEntry("2024-01-01_leader-omar", _doc())], summary=HOSTILE)
    assert HOSTILE not in page
    assert "&lt;script&gt;" in page and "https://example.org/&quot;x" in page
    assert "http://" not in page and "<script src" not in page
    assert page.count("<tr data-search") == 1 and "<polyline" in page
    assert 'href="journeys/2024-01-01_leader-omar/story.html"' in page
