"""The standard exports: GeoPackage, KML tour, StoryMapJS, CSV: contract, escaping, determinism, atomic writes."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import pyogrio
import pytest

from geo.errors import OutputError
from geo.outputs.exports import GX_NS, KML_NS, write_csv, write_exports, write_gpkg, write_kml, write_storymap
from geo.story.document import ArticleDoc, PlaceDoc, Quote, StopDoc, StoryDoc

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
FORMULA = "=cmd|' /C calc'!A0"
HOSTILE = f"وصل إلى حلب {SCRIPT} & \"quoted\" 'single' {IMG}"
NS = {"k": KML_NS, "gx": GX_NS}

Writer = Callable[[StoryDoc, Path], Path]
WRITERS: list[tuple[str, Writer]] = [
    ("story.gpkg", write_gpkg),
    ("story.kml", write_kml),
    ("storymap.json", write_storymap),
    ("stops.csv", write_csv),
]


def _quote(article: str, text: str, sentence: str, *, url: str | None = None, source: str | None = None) -> Quote:
    start = max(sentence.find(text), 0)
    return Quote(article=article, text=text, start=start, end=start + len(text), sentence=sentence, role="visit",
                 why="a movement word right before it", url=url, source=source)  # fmt: skip


def _doc() -> StoryDoc:
    """Three stops (the last undated), two context places; hostile text in quotes, captions and names."""
    stops = [
        StopDoc(seq=1, id="geonames:170063", name="Aleppo", name_ar="حلب", lat=36.2021234567, lon=37.1342987654,
                place_type="city", date_start="2024-05-01", date_certainty="exact", role="visit",
                caption=FORMULA, quotes=[_quote("a1.txt", "حلب", HOSTILE, url="javascript:alert(1)", source="عنب بلدي"),
                                         _quote("b2.txt", "Aleppo", f"He reached Aleppo {IMG}.",
                                                url="https://example.org/a?x=1&y=2", source="Reuters")]),
        StopDoc(seq=2, id="geonames:276781", name="Beirut", name_ar="بيروت", lat=33.88863, lon=35.49548,
                place_type="city", date_start="2024-05-02", date_end="2024-05-04", date_certainty="approximate",
                role="meeting", caption="@SUM(A1)", quotes=[_quote("a1.txt", "بيروت", "ثم بيروت & " + SCRIPT)]),
        StopDoc(seq=3, id="geonames:2530335", name="+Tangier", lat=35.76727, lon=-5.79975, place_type="city",
                role="visit", caption="-2+3 \x0b form feed\x0c", quotes=[_quote("=evil.txt", "Tangier", "Tangier.")]),
    ]  # fmt: skip
    places = [
        PlaceDoc(id="country:SY", name="Syria", name_ar="سوريا", lat=35.0, lon=38.0, place_type="country",
                 roles=["country"], quotes=[_quote("a1.txt", "سوريا", f"سوريا {SCRIPT}")]),
        PlaceDoc(id="water:med", name="Mediterranean <Sea> & co", lat=34.0, lon=18.0, place_type="water",
                 roles=["dateline", "mention"]),
    ]  # fmt: skip
    articles = [ArticleDoc(name="a1.txt", title=f"عنوان {SCRIPT}"), ArticleDoc(name="b2.txt", language="en")]
    return StoryDoc(title=f"The journey {SCRIPT}", traveller="Ahmad & <co>", articles=articles, stops=stops,
                    places=places)  # fmt: skip


def _strings(value: Any) -> Iterator[str]:
    """Every string of a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


# --- all ----------------------------------------------------------------------------------------------------------


def test_write_exports_writes_the_four_files_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "new" / "out"
    paths = write_exports(_doc(), out)
    assert [p.name for p in paths] == ["story.gpkg", "story.kml", "storymap.json", "stops.csv"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)  # no temporary leftovers
    assert all(p.stat().st_size > 0 for p in paths)


def test_empty_story_exports(tmp_path: Path) -> None:
    paths = write_exports(StoryDoc(), tmp_path)
    assert len(gpd.read_file(paths[0], layer="places")) == 0
    assert [name for name, _ in pyogrio.list_layers(paths[0])] == ["places"]
    root = ET.parse(paths[1]).getroot()
    assert root.findall(".//k:Placemark", NS) == [] and root.find(".//gx:Tour", NS) is None
    assert [s["type"] for s in json.loads(paths[2].read_text(encoding="utf-8"))["storymap"]["slides"]] == ["overview"]
    assert paths[3].read_text(encoding="utf-8").count("\n") == 1  # the header only


# --- GeoPackage ---------------------------------------------------------------------------------------------------


def test_gpkg_places_layer(tmp_path: Path) -> None:
    path = write_gpkg(_doc(), tmp_path / "story.gpkg")
    frame = gpd.read_file(path, layer="places")
    assert frame.crs.to_epsg() == 4326
    assert list(frame["name"]) == ["Aleppo", "Beirut", "+Tangier", "Syria", "Mediterranean <Sea> & co"]
    assert list(frame["kind"]) == ["stop"] * 3 + ["context"] * 2
    assert list(frame["date_start"].iloc[:2]) == ["2024-05-01", "2024-05-02"] and frame["date_start"].isna().iloc[2]
    assert frame["date_end"].iloc[1] == "2024-05-04"
    assert frame["name_ar"].iloc[0] == "حلب"
    assert pyogrio.read_info(path, layer="places")["geometry_type"] == "Point"
    assert frame.geometry.iloc[0].x == pytest.approx(37.1342987654)


@pytest.mark.parametrize(
    ("dates", "route"),
    [
        ([dt.date(2024, 5, 1), dt.date(2024, 5, 2), None], [(37.134299, 36.202123), (35.49548, 33.88863)]),
        ([dt.date(2024, 5, 1), None, dt.date(2024, 5, 9)], [(37.134299, 36.202123), (-5.79975, 35.76727)]),
        ([dt.date(2024, 5, 1), None, None], None),
        ([None, None, None], None),
    ],
)
def test_gpkg_route_layer_through_the_dated_stops(
    tmp_path: Path, dates: list[dt.date | None], route: list[tuple[float, float]] | None
) -> None:
    doc = _doc()
    stops = [
        StopDoc.model_validate({**s.model_dump(), "date_start": d, "date_end": None})
        for s, d in zip(doc.stops, dates, strict=True)
    ]
    path = write_gpkg(StoryDoc(title=doc.title, stops=stops, places=doc.places), tmp_path / "story.gpkg")
    layers = [name for name, _ in pyogrio.list_layers(path)]
    if route is None:
        assert layers == ["places"]
        return
    assert layers == ["places", "route"]
    frame = gpd.read_file(path, layer="route")
    assert frame.crs.to_epsg() == 4326 and len(frame) == 1
    assert frame.geometry.iloc[0].geom_type == "LineString"
    assert [tuple(round(c, 6) for c in xy) for xy in frame.geometry.iloc[0].coords] == route


# --- KML ----------------------------------------------------------------------------------------------------------


@pytest.fixture
def kml(tmp_path: Path) -> tuple[bytes, ET.Element]:
    path = write_kml(_doc(), tmp_path / "story.kml")
    return path.read_bytes(), ET.parse(path).getroot()


def test_kml_structure(kml: tuple[bytes, ET.Element]) -> None:
    raw, root = kml
    assert root.tag == f"{{{KML_NS}}}kml" and b'xmlns:gx="http://www.google.com/kml/ext/2.2"' in raw
    stops, context = root.findall("k:Document/k:Folder", NS)
    assert [p.findtext("k:name", namespaces=NS) for p in stops.findall("k:Placemark", NS)] == [
        "1. Aleppo",
        "2. Beirut",
        "3. +Tangier",
    ]
    assert [p.findtext("k:name", namespaces=NS) for p in context.findall("k:Placemark", NS)] == [
        "Syria",
        "Mediterranean <Sea> & co",
    ]
    assert len(root.findall("k:Document/k:Folder/k:Placemark", NS)) == 3 + 2
    assert [p.get("id") for p in root.findall("k:Document/k:Placemark", NS)] == ["route"]
    route = root.find("k:Document/k:Placemark[@id='route']/k:LineString/k:coordinates", NS)
    assert route is not None and route.text == "37.134299,36.202123,0 35.49548,33.88863,0"


@pytest.mark.parametrize(
    ("seq", "expected"),
    [(1, "1 May 2024"), (2, "about 2–4 May 2024"), (3, "date unknown")],
)
def test_kml_balloon_has_date_role_caption_and_quotes(kml: tuple[bytes, ET.Element], seq: int, expected: str) -> None:
    _, root = kml
    stop = _doc().stops[seq - 1]
    description = root.findtext(f".//k:Folder/k:Placemark[@id='stop-{seq}']/k:description", namespaces=NS)
    assert description is not None
    text = html.unescape(description)
    assert f"Date:</b> {expected}" in text and f"Role:</b> {stop.role}" in text
    assert stop.caption.replace("\x0b", "").replace("\x0c", "") in text  # XML-invalid characters dropped
    for quote in stop.quotes:
        assert quote.source is None or quote.source in text


def test_kml_hostile_text_is_data(kml: tuple[bytes, ET.Element]) -> None:
    raw, root = kml
    assert b"<script" not in raw.lower() and b"<img" not in raw.lower()
    assert b"javascript:" not in raw  # only http(s) links
    first = root.findtext(".//k:Placemark[@id='stop-1']/k:description", namespaces=NS) or ""
    # The balloon is HTML: the quote is escaped in it, and reads back as the literal text.
    assert "<script" not in first and "<img" not in first
    assert HOSTILE in html.unescape(first.replace("<b>حلب</b>", "حلب"))
    assert '<div dir="rtl" lang="ar">' in first
    assert '<a href="https://example.org/a?x=1&amp;y=2">Reuters, b2.txt</a>' in first
    assert root.findtext("k:Document/k:name", namespaces=NS) == f"The journey {SCRIPT}"  # plain text, escaped
    for style in root.findall(".//k:BalloonStyle/k:text", NS):
        assert style.text == "$[description]"  # the balloon never renders a raw name


def test_kml_tour(kml: tuple[bytes, ET.Element]) -> None:
    _, root = kml
    playlist = root.find("k:Document/gx:Tour/gx:Playlist", NS)
    assert playlist is not None
    steps = list(playlist)
    assert len(playlist.findall("gx:FlyTo", NS)) == 3 and len(playlist.findall("gx:Wait", NS)) == 3
    opened = [
        change.get("targetId")
        for change in playlist.findall("gx:AnimatedUpdate/k:Update/k:Change/k:Placemark", NS)
        if change.findtext("gx:balloonVisibility", namespaces=NS) == "1"
    ]
    assert opened == ["stop-1", "stop-2", "stop-3"]
    for stop, fly in zip(_doc().stops, playlist.findall("gx:FlyTo", NS), strict=True):
        assert fly.findtext("gx:flyToMode", namespaces=NS) == "smooth"
        assert float(fly.findtext("gx:duration", namespaces=NS) or 0) > 0
        assert float(fly.findtext("k:LookAt/k:longitude", namespaces=NS) or 0) == pytest.approx(stop.lon, abs=1e-6)
        assert float(fly.findtext("k:LookAt/k:latitude", namespaces=NS) or 0) == pytest.approx(stop.lat, abs=1e-6)
        assert 500 <= float(fly.findtext("k:LookAt/k:range", namespaces=NS) or 0) <= 3_000_000
    # Each stop: fly, open the balloon, wait (then the balloon closes before the next flight).
    kinds = [step.tag.split("}")[1] for step in steps]
    assert kinds[:3] == ["FlyTo", "AnimatedUpdate", "Wait"] and kinds[-3:] == ["FlyTo", "AnimatedUpdate", "Wait"]


# --- StoryMapJS ---------------------------------------------------------------------------------------------------


def _storymap(tmp_path: Path, doc: StoryDoc | None = None) -> dict[str, Any]:
    path = write_storymap(doc or _doc(), tmp_path / "storymap.json")
    return json.loads(path.read_text(encoding="utf-8"))


def test_storymap_slides(tmp_path: Path) -> None:
    storymap = _storymap(tmp_path)["storymap"]
    assert (storymap["language"], storymap["map_type"]) == ("en", "osm:standard")
    overview, *slides = storymap["slides"]
    assert overview["type"] == "overview"
    assert html.unescape(overview["text"]["headline"]) == f"The journey {SCRIPT}"
    summary = html.unescape(overview["text"]["text"])
    assert "Ahmad & <co>" in summary and "3 stops" in summary and "1 May 2024 – 4 May 2024" in summary
    assert [html.unescape(s["text"]["headline"]) for s in slides] == ["1. Aleppo", "2. Beirut", "3. +Tangier"]
    for stop, slide in zip(_doc().stops, slides, strict=True):
        location = slide["location"]
        assert (location["lat"], location["lon"], location["line"]) == (round(stop.lat, 6), round(stop.lon, 6), True)
        assert 2 <= location["zoom"] <= 16
    assert [s["date"] for s in slides] == ["1 May 2024", "about 2–4 May 2024", "date unknown"]


def test_storymap_html_fields_are_escaped(tmp_path: Path) -> None:
    data = _storymap(tmp_path)
    for text in _strings(data):
        assert "<script" not in text.lower() and "<img" not in text.lower() and "javascript:" not in text
        assert "onerror=" not in text.replace("&lt;img src=x onerror=", "")  # only inside escaped text
    first = data["storymap"]["slides"][1]["text"]["text"]
    assert HOSTILE in html.unescape(first.replace("<b>حلب</b>", "حلب"))
    assert f"He reached Aleppo {IMG}." in html.unescape(first.replace("<b>Aleppo</b>", "Aleppo"))
    raw = (tmp_path / "storymap.json").read_text(encoding="utf-8")
    assert "حلب" in raw  # ensure_ascii=False


@pytest.mark.parametrize(
    ("start", "end", "certainty", "label"),
    [
        ("2024-05-01", None, "exact", "1 May 2024"),
        ("2024-05-01", "2024-05-01", "exact", "1 May 2024"),
        ("2024-05-01", "2024-05-03", "exact", "1–3 May 2024"),
        ("2024-04-30", "2024-05-02", "exact", "30 April – 2 May 2024"),
        ("2024-12-30", "2025-01-02", "exact", "30 December 2024 – 2 January 2025"),
        ("2024-05-01", None, "approximate", "about 1 May 2024"),
        (None, None, "unknown", "date unknown"),
    ],
)
def test_storymap_date_labels(tmp_path: Path, start: str | None, end: str | None, certainty: str, label: str) -> None:
    stop = StopDoc(seq=1, id="x", name="X", lat=0, lon=0, place_type="city", date_start=start, date_end=end,
                   date_certainty=certainty)  # fmt: skip
    slide = _storymap(tmp_path, StoryDoc(stops=[stop]))["storymap"]["slides"][1]
    assert slide["date"] == label and f"Date:</b> {label}" in slide["text"]["text"]


# --- CSV ----------------------------------------------------------------------------------------------------------


def test_csv_rows_and_formula_cells(tmp_path: Path) -> None:
    raw = write_csv(_doc(), tmp_path / "stops.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert list(rows[0]) == [
        "seq", "name", "name_ar", "lat", "lon", "place_type", "date_start", "date_end", "date_certainty", "role",
        "caption", "uncertainty_km", "sources",
    ]  # fmt: skip
    assert [r["seq"] for r in rows] == ["1", "2", "3"]
    assert [r["name"] for r in rows] == ["Aleppo", "Beirut", "'+Tangier"]
    assert [r["caption"] for r in rows] == [f"'{FORMULA}", "'@SUM(A1)", "'-2+3 \x0b form feed\x0c"]
    assert [r["sources"] for r in rows] == ["a1.txt; b2.txt", "a1.txt", "'=evil.txt"]
    assert [r["date_start"] for r in rows] == ["2024-05-01", "2024-05-02", ""]
    assert [r["date_end"] for r in rows] == ["", "2024-05-04", ""]
    assert (rows[0]["lat"], rows[0]["lon"], rows[2]["lon"]) == ("36.202123", "37.134299", "-5.79975")  # numbers kept
    assert rows[0]["name_ar"] == "حلب"


# --- determinism and atomic writes --------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "writer"), WRITERS, ids=[n for n, _ in WRITERS])
def test_same_story_same_bytes(tmp_path: Path, name: str, writer: Writer) -> None:
    a = writer(_doc(), tmp_path / "a" / name).read_bytes()
    b = writer(_doc(), tmp_path / "b" / name).read_bytes()
    assert a == b


def test_gpkg_same_content(tmp_path: Path) -> None:
    a = write_gpkg(_doc(), tmp_path / "a.gpkg")
    b = write_gpkg(_doc(), tmp_path / "b.gpkg")
    for layer in ("places", "route"):
        left, right = gpd.read_file(a, layer=layer), gpd.read_file(b, layer=layer)
        assert left.equals(right)


@pytest.mark.parametrize(("name", "writer"), WRITERS, ids=[n for n, _ in WRITERS])
def test_overwrite_leaves_no_temporary_files(tmp_path: Path, name: str, writer: Writer) -> None:
    writer(_doc(), tmp_path / name)
    writer(StoryDoc(title="second"), tmp_path / name)
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize(("name", "writer"), WRITERS, ids=[n for n, _ in WRITERS])
def test_a_file_in_the_way_raises_output_error(tmp_path: Path, name: str, writer: Writer) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("old", encoding="utf-8")
    with pytest.raises(OutputError):
        writer(_doc(), blocker / name)
    assert blocker.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["blocker"]


@pytest.mark.parametrize(("name", "writer"), WRITERS, ids=[n for n, _ in WRITERS])
def test_a_failed_rename_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, writer: Writer
) -> None:
    target = tmp_path / name
    target.write_bytes(b"old")

    def refuse(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError, match=name):
        writer(_doc(), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize(("name", "writer"), WRITERS, ids=[n for n, _ in WRITERS])
def test_a_folder_in_place_of_the_file_raises_output_error(tmp_path: Path, name: str, writer: Writer) -> None:
    (tmp_path / name).mkdir()
    (tmp_path / name / "keep").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError):
        writer(_doc(), tmp_path / name)
    assert (tmp_path / name / "keep").read_text(encoding="utf-8") == "x"
    assert [p.name for p in tmp_path.iterdir()] == [name]
