"""The story used by the map page's tests: four stops with hostile article text everywhere, and readers of the page.

The readers take the rendered HTML apart without a browser: the elements and
scripts an HTML parser sees, a JSON block, the popups' HTML, the markers' icons.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from geo.story.document import ArticleDoc, PlaceDoc, Quote, StopDoc, StoryDoc

__all__ = [
    "TILE_HOST", "CLOSE_SCRIPT", "IMG", "PWN_SCRIPT", "PWN_IMG", "JINJA", "TEMPLATE_LITERAL",
    "fixture_doc", "parse", "json_block", "popups", "stop_popup", "div_icons",
]  # fmt: skip

TILE_HOST = "basemaps.cartocdn.com"  # the only http(s) host the self-contained page may contact (tiles)

CLOSE_SCRIPT = "</script><script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
PWN_SCRIPT = "<script>window.__pwned=1</script>"
PWN_IMG = '<img src=x onerror="window.__pwned=1">'
JINJA = "{{ 7*7 }}"
TEMPLATE_LITERAL = "${window.__pwned=1}`"


def _quote(article: str, text: str, sentence: str, *, role: str = "visit", url: str | None = None) -> Quote:
    start = max(sentence.find(text), 0)
    return Quote(
        article=article,
        text=text,
        start=start,
        end=start + len(text),
        sentence=sentence,
        role=role,
        why="a movement word right before it",
        url=url,
        source="وكالة",
    )


def fixture_doc() -> StoryDoc:
    """Four stops (one undated, one relative), Arabic names, and hostile article text everywhere."""
    hostile = f"وصل الرئيس إلى حلب {PWN_SCRIPT} {PWN_IMG} {CLOSE_SCRIPT} {IMG} {JINJA} {TEMPLATE_LITERAL}"
    articles = [
        ArticleDoc(name="a.txt", title="زيارة إلى الشمال", url="https://example.org/a", source="سانا",
                   published="2024-05-02"),
        ArticleDoc(name="b.txt", title=f"Report {IMG}", url="javascript:alert(1)", source=f"<b>{JINJA}</b>",
                   language="en"),
    ]  # fmt: skip
    stops = [
        StopDoc(
            seq=1, id="geonames:170654", name="Damascus", name_ar="دمشق", lat=33.5102, lon=36.29128, place_type="city",
            uncertainty_km=5.0, date_start="2024-05-01", date_certainty="exact", role="departure",
            caption="departure: a movement word right before it; dated by «يوم الأربعاء»",
            quotes=[_quote("a.txt", "دمشق", "غادر الرئيس دمشق صباح الأربعاء.", role="departure", url="https://example.org/a")],
        ),
        StopDoc(
            seq=2, id="geonames:170063", name="Aleppo", name_ar="حلب", lat=36.20124, lon=37.16117, place_type="city",
            uncertainty_km=6.0, date_start="2024-05-02", date_end="2024-05-03", date_certainty="approximate",
            role="visit", caption=f"visit: {IMG}",
            quotes=[_quote("a.txt", "حلب", hostile, url="https://example.org/a"),
                    _quote("b.txt", "Aleppo", f"In Aleppo {IMG}")],
        ),
        StopDoc(
            seq=3, id="relative:beirut:40km:90", name="40 km east of Beirut", name_ar=None, lat=33.89, lon=35.95,
            place_type="relative", uncertainty_km=40.0, date_start="2024-05-05", date_certainty="exact", role="visit",
            caption="visit: a relative place", quotes=[_quote("a.txt", "شرق بيروت", "على بعد 40 كيلومترا شرق بيروت")],
        ),
        StopDoc(
            seq=4, id="geonames:163345", name="Palmyra", name_ar="تدمر", lat=34.56, lon=38.28, place_type="city",
            uncertainty_km=5.0, role="related report", caption="related report: a site of a related report",
            quotes=[_quote("b.txt", "Palmyra", f"Palmyra {CLOSE_SCRIPT}", role="related report")],
        ),
    ]  # fmt: skip
    places = [
        PlaceDoc(id="geonames:524901", name="Moscow", name_ar="موسكو", lat=55.75, lon=37.62, place_type="city",
                 roles=["dateline"], quotes=[_quote("a.txt", "موسكو", f"موسكو (أ ف ب) {IMG}", role="dateline")]),
        PlaceDoc(id="country:SY", name="Syria", name_ar="سوريا", lat=35.0, lon=38.0, place_type="country",
                 uncertainty_km=500.0, roles=["country"]),
    ]  # fmt: skip
    return StoryDoc(
        title=f"رحلة الرئيس: Damascus – Aleppo {CLOSE_SCRIPT}",
        traveller="الرئيس",
        articles=articles,
        stops=stops,
        places=places,
    )


class _Scripts(HTMLParser):
    """Every element the HTML parser sees, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script, self._buffer = dict(attrs), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._buffer)))
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._buffer.append(data)


def parse(page: str) -> _Scripts:
    """The page as an HTML parser reads it."""
    parser = _Scripts()
    parser.feed(page)
    parser.close()
    return parser


def json_block(page: str, block_id: str) -> Any:
    """The value of the ``<script type="application/json">`` block with id ``block_id``."""
    for attrs, text in parse(page).scripts:
        if attrs.get("id") == block_id:
            assert attrs.get("type") == "application/json"
            return json.loads(text)
    raise AssertionError(f"no JSON block {block_id}")


def popups(page: str) -> list[str]:
    """The HTML of every popup, decoded from the JSON strings handed to bindPopup."""
    return [json.loads(m) for m in re.findall(r'\.bindPopup\(("(?:[^"\\]|\\.)*")', page)]


def stop_popup(page: str, seq: int) -> str:
    """The HTML of stop ``seq``'s popup."""
    return next(p for p in popups(page) if f'data-seq="{seq}"' in p)


def div_icons(page: str) -> list[str]:
    """The HTML of every marker icon, in page order."""
    return [json.loads(m) for m in re.findall(r'L\.divIcon\(\{\s*"html": ("(?:[^"\\]|\\.)*")', page)]
