"""The story map page (geo/outputs/webmap.py): determinism, self-containment, escaping, markers, size. No browser."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pyproj import Geod

from geo.dates.wording import date_range_text
from geo.errors import OutputError
from geo.outputs.webmap import PINNED, render_map, write_map
from geo.story.document import ArticleDoc, PlaceDoc, Quote, StopDoc, StoryDoc
from tests.conftest import ROOT

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


def _parse(page: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(page)
    parser.close()
    return parser


def _json_block(page: str, block_id: str) -> object:
    for attrs, text in _parse(page).scripts:
        if attrs.get("id") == block_id:
            assert attrs.get("type") == "application/json"
            return json.loads(text)
    raise AssertionError(f"no JSON block {block_id}")


def _popups(page: str) -> list[str]:
    """The HTML of every popup, decoded from the JSON strings handed to bindPopup."""
    return [json.loads(m) for m in re.findall(r'\.bindPopup\(("(?:[^"\\]|\\.)*")', page)]


def _stop_popup(page: str, seq: int) -> str:
    return next(p for p in _popups(page) if f'data-seq="{seq}"' in p)


def _div_icons(page: str) -> list[str]:
    return [json.loads(m) for m in re.findall(r'L\.divIcon\(\{\s*"html": ("(?:[^"\\]|\\.)*")', page)]


@pytest.fixture(scope="module")
def page() -> str:
    return render_map(fixture_doc())


@pytest.fixture(scope="module")
def cdn_page() -> str:
    return render_map(fixture_doc(), cdn=True)


def test_same_story_same_bytes(tmp_path: Path, page: str) -> None:
    assert render_map(fixture_doc()) == page
    a = write_map(fixture_doc(), tmp_path / "a" / "story.html").read_bytes()
    b = write_map(fixture_doc(), tmp_path / "b" / "story.html").read_bytes()
    assert a == b == page.encode("utf-8")
    assert not re.search(r"_[0-9a-f]{32}\b", page), "a random folium id is left in the page"


def test_self_contained_page_loads_nothing(page: str) -> None:
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        assert not (tag == "script" and attrs.get("src")), f"external script {attrs}"
        assert tag != "link", f"external link {attrs}"
    assert 'src="http' not in page and 'href="http' not in re.sub(r"<a [^>]*>", "", page)
    assert "cdn." not in page.replace(TILE_HOST, "")
    for banned in ("jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers", "glyphicon"):
        assert banned not in page.lower(), banned
    assert "url(images/" not in page, "a relative image URL of leaflet.css was left"
    assert "sourceMappingURL=leaflet" not in page
    assert "$(" not in parsed.scripts[-1][1], "the map script calls jQuery"
    countries = _json_block(page, "sm-countries")
    assert countries["type"] == "Topology" and "countries" in countries["objects"]


def test_cdn_variant_loads_pinned_packages_with_integrity(cdn_page: str) -> None:
    sources = [a["src"] for a, _ in _parse(cdn_page).scripts if a.get("src")]
    assert sources == [
        f"https://cdn.jsdelivr.net/npm/leaflet@{PINNED['leaflet']}/dist/leaflet.js",
        f"https://cdn.jsdelivr.net/npm/leaflet-ant-path@{PINNED['leaflet-ant-path']}/dist/leaflet-ant-path.js",
        f"https://cdn.jsdelivr.net/npm/topojson-client@{PINNED['topojson-client']}/dist/topojson-client.min.js",
    ]
    links = [a for t, a in _parse(cdn_page).tags if t == "link"]
    assert [a["href"] for a in links] == [f"https://cdn.jsdelivr.net/npm/leaflet@{PINNED['leaflet']}/dist/leaflet.css"]
    for tag, attrs in _parse(cdn_page).tags:
        if tag in {"script", "link"} and (attrs.get("src") or attrs.get("href")):
            assert str(attrs.get("integrity", "")).startswith("sha384-") and attrs.get("crossorigin") == "anonymous"
    data = _json_block(cdn_page, "story-data")
    assert (
        data["basemap"]["url"]
        == f"https://cdn.jsdelivr.net/npm/world-atlas@{PINNED['world-atlas']}/countries-110m.json"
    )
    assert "window.StoryMap = " in cdn_page  # our own script stays inline
    assert 'id="sm-countries"' not in cdn_page  # the outlines are fetched from jsDelivr
    assert len(cdn_page) < 200_000


def test_pins_match_package_json() -> None:
    manifest = json.loads((ROOT / "assets" / "package.json").read_text(encoding="utf-8"))
    assert manifest["dependencies"] == PINNED


def test_story_json_cannot_close_its_script(page: str) -> None:
    assert CLOSE_SCRIPT not in page and "<script>alert(1)" not in page
    assert PWN_SCRIPT not in page
    parsed = _parse(page)
    kinds = [a.get("type") or a.get("src") or "inline" for a, _ in parsed.scripts]
    assert kinds == ["inline"] * 4 + ["application/json", "application/json", "inline"], kinds
    data = _json_block(page, "story-data")
    assert data["title"] == fixture_doc().title
    assert [s["seq"] for s in data["stops"]] == [1, 2, 3, 4]
    raw = re.search(r'<script type="application/json" id="story-data">(.*?)</script>', page, re.S)
    assert raw and not re.search(r"[<>&]", raw.group(1))


def test_popups_and_panel_escape_article_text_once(page: str) -> None:
    assert IMG not in page and PWN_IMG not in page
    popups = _popups(page)
    assert len(popups) == 5  # 4 stops + Moscow (Syria, a country, stays out of the context layer)
    aleppo = next(p for p in popups if 'data-seq="2"' in p)
    assert html.escape(IMG) in aleppo and html.escape(PWN_SCRIPT) in aleppo
    assert "&amp;lt;" not in aleppo, "escaped twice"
    assert "<mark>حلب</mark>" in aleppo
    for popup in popups:
        assert "<img" not in popup and "<script" not in popup
    assert html.escape(IMG) in page  # the caption in the panel's list is escaped too (title of article b)


def test_template_syntax_in_articles_stays_text(page: str) -> None:
    # folium re-renders macro output as a Jinja template: article text must not be evaluated.
    aleppo = _stop_popup(page, 2)
    assert JINJA in aleppo and TEMPLATE_LITERAL in aleppo
    assert f"&lt;b&gt;{JINJA}&lt;/b&gt;" in page  # a source, in the panel's list of articles


def test_only_http_links(page: str) -> None:
    panel = page.split('<script type="application/json" id="story-data">')[0].rsplit("</head>", 1)[1]
    for html_text in [panel, *_popups(page)]:
        assert "javascript:" not in html_text
        assert set(re.findall(r'href="([a-z]+):', html_text)) <= {"https"}
    aleppo = _stop_popup(page, 2)
    assert 'href="https://example.org/a"' in aleppo and 'rel="noopener noreferrer"' in aleppo


def test_every_stop_has_a_numbered_marker(page: str) -> None:
    icons = _div_icons(page)
    numbers = [int(re.search(r'class="sm-pin-n" aria-hidden="true">(\d+)<', h).group(1)) for h in icons]
    assert numbers == [1, 2, 3, 4]
    assert "Stop 4 of 4: Palmyra, date unknown" in icons[3]
    assert page.count("L.marker(") == 4
    assert re.findall(r'class="sm-stop-btn[^"]*" data-seq="(\d+)"', page) == ["1", "2", "3", "4"]
    assert re.findall(r'"className": "sm-stop sm-stop-(\w+)"', page) == ["exact", "approximate", "exact", "unknown"]


def test_arabic_is_marked_rtl(page: str) -> None:
    assert page.startswith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')
    assert "<title>رحلة الرئيس: Damascus – Aleppo &lt;/script&gt;" in page
    for name in ("دمشق", "حلب", "تدمر"):
        assert f'<span class="sm-li-ar" lang="ar" dir="rtl">{name}</span>' in page
    damascus = _stop_popup(page, 1)
    assert '<span class="sm-pop-ar" lang="ar" dir="rtl">دمشق</span>' in damascus
    assert '<blockquote lang="ar" dir="rtl">' in damascus
    assert '«<span lang="ar" dir="rtl">يوم الأربعاء</span>»' in damascus  # Arabic runs inside English captions
    assert '<span class="sm-q-article" lang="ar" dir="rtl">زيارة إلى الشمال</span>' in damascus


def test_popup_dates_and_certainty(page: str) -> None:
    popups = [_stop_popup(page, seq) for seq in (1, 2, 3, 4)]
    assert '<time datetime="2024-05-01">1 May 2024</time> <span class="sm-pop-cert">(exact date)</span>' in popups[0]
    assert ">2–3 May 2024</time>" in popups[1] and "(approximate date)" in popups[1]
    assert "date unknown" in popups[3] and "placed by the order of the story" in popups[3]


def test_route_is_great_circles_in_date_order(page: str) -> None:
    data = _json_block(page, "story-data")
    legs = data["legs"]
    assert [(leg["from"], leg["to"]) for leg in legs] == [(1, 2), (2, 3)]  # the undated stop has no leg
    geod = Geod(ellps="WGS84")
    first = legs[0]["path"]
    assert first[0] == [33.5102, 36.29128] and first[-1] == [36.20124, 37.16117] and len(first) > 5
    lon, lat = geod.npts(36.29128, 33.5102, 37.16117, 36.20124, 1)[0]
    mid = first[len(first) // 2]
    assert abs(mid[0] - lat) < 0.2 and abs(mid[1] - lon) < 0.2
    assert "L.polyline.antPath(" in page
    assert page.count("L.circle(") == 1  # the relative stop only


def test_route_across_the_antimeridian_is_continuous() -> None:
    stops = [
        StopDoc(seq=1, id="t", name="Tokyo", lat=35.68, lon=139.69, place_type="city", date_start="2024-01-01"),
        StopDoc(seq=2, id="h", name="Honolulu", lat=21.31, lon=-157.86, place_type="city", date_start="2024-01-02"),
        StopDoc(seq=3, id="l", name="Los Angeles", lat=34.05, lon=-118.24, place_type="city", date_start="2024-01-03"),
    ]
    data = _json_block(render_map(StoryDoc(title="Pacific", stops=stops)), "story-data")
    points = [p for leg in data["legs"] for p in leg["path"]]
    assert all(abs(b[1] - a[1]) < 10 for a, b in zip(points, points[1:], strict=False))
    assert data["stops"][1]["lon"] == pytest.approx(-157.86 + 360)


def test_empty_story_renders() -> None:
    page = render_map(StoryDoc(title="Nothing yet"))
    assert "<title>Nothing yet</title>" in page and "L.marker(" not in page


def test_date_range_text() -> None:
    d = dt.date
    assert date_range_text(None, None) == "date unknown"
    assert date_range_text(d(2023, 9, 15), d(2023, 9, 15)) == "15 September 2023"
    assert date_range_text(d(2023, 9, 15), d(2023, 9, 17)) == "15–17 September 2023"
    assert date_range_text(d(2023, 9, 30), d(2023, 10, 2)) == "30 September – 2 October 2023"
    assert date_range_text(d(2023, 12, 30), d(2024, 1, 2)) == "30 December 2023 – 2 January 2024"


def test_missing_assets_say_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOSTORY_ASSETS_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(OutputError, match=r"npm ci --prefix assets"):
        render_map(fixture_doc())


def test_wrong_package_version_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "node_modules" / "leaflet"
    package.mkdir(parents=True)
    (package / "package.json").write_text('{"version": "1.9.4"}', encoding="utf-8")
    monkeypatch.setenv("GEOSTORY_ASSETS_DIR", str(tmp_path))
    with pytest.raises(OutputError, match=r"leaflet is 1\.9\.4, the map needs 1\.9\.3"):
        render_map(fixture_doc())


def test_bundled_story_fits_in_budget(gazetteer) -> None:  # noqa: ANN001 - conftest fixture
    from geo.pipeline import Pipeline, read_articles
    from geo.story.document import story_to_doc

    story, _ = Pipeline(gazetteer).run(read_articles(ROOT / "data" / "articles"))
    doc = story_to_doc(story)
    page = render_map(doc)
    assert len(page.encode("utf-8")) <= 1_500_000
    assert len(_div_icons(page)) == len(doc.stops) == 6
