"""The KML export (geo/outputs/kml.py): structure, balloons, hostile text as data, the tour."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from geo.outputs.kml import GX_NS, KML_NS, write_kml
from tests.outputs.hostile_story import HOSTILE, SCRIPT, hostile_doc

NS = {"k": KML_NS, "gx": GX_NS}


@pytest.fixture
def kml(tmp_path: Path) -> tuple[bytes, ET.Element]:
    path = write_kml(hostile_doc(), tmp_path / "story.kml")
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
    [(1, "1 May 2024"), (2, "2–4 May 2024 (approx.)"), (3, "date unknown")],
)
def test_kml_balloon_has_date_role_caption_and_quotes(kml: tuple[bytes, ET.Element], seq: int, expected: str) -> None:
    _, root = kml
    stop = hostile_doc().stops[seq - 1]
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
    assert '<div lang="ar" dir="rtl">' in first
    assert '<a href="https://example.org/a?x=1&amp;y=2">Reuters</a>' in first  # outlet, never the file name
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
    for stop, fly in zip(hostile_doc().stops, playlist.findall("gx:FlyTo", NS), strict=True):
        assert fly.findtext("gx:flyToMode", namespaces=NS) == "smooth"
        assert float(fly.findtext("gx:duration", namespaces=NS) or 0) > 0
        assert float(fly.findtext("k:LookAt/k:longitude", namespaces=NS) or 0) == pytest.approx(stop.lon, abs=1e-6)
        assert float(fly.findtext("k:LookAt/k:latitude", namespaces=NS) or 0) == pytest.approx(stop.lat, abs=1e-6)
        assert 500 <= float(fly.findtext("k:LookAt/k:range", namespaces=NS) or 0) <= 3_000_000
    # Each stop: fly, open the balloon, wait (then the balloon closes before the next flight).
    kinds = [step.tag.split("}")[1] for step in steps]
    assert kinds[:3] == ["FlyTo", "AnimatedUpdate", "Wait"] and kinds[-3:] == ["FlyTo", "AnimatedUpdate", "Wait"]


def test_kml_lone_surrogate_and_cdata(tmp_path: Path) -> None:
    doc = hostile_doc()
    caption = "half \ud800 pair ]]><script>alert(1)</script><![CDATA["
    stops = [doc.stops[0].model_copy(update={"caption": caption}), *doc.stops[1:]]
    raw = write_kml(doc.model_copy(update={"stops": stops}), tmp_path / "story.kml").read_text(encoding="utf-8")
    ET.fromstring(raw)  # well-formed XML
    assert "<script" not in raw and "<![CDATA[" not in raw and "]]>" not in raw  # all of it escaped text
    assert "\ud800" not in raw
