"""The StoryMapJS export (geo/outputs/storymapjs.py): slides, escaped HTML fields, date labels."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from geo.outputs.storymapjs import write_storymap
from geo.story.document import StopDoc, StoryDoc
from tests.outputs.hostile_story import HOSTILE, IMG, SCRIPT, hostile_doc


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


def _storymap(tmp_path: Path, doc: StoryDoc | None = None) -> dict[str, Any]:
    path = write_storymap(doc or hostile_doc(), tmp_path / "storymap.json")
    return json.loads(path.read_text(encoding="utf-8"))


def test_storymap_slides(tmp_path: Path) -> None:
    storymap = _storymap(tmp_path)["storymap"]
    assert (storymap["language"], storymap["map_type"]) == ("ar", "osm:standard")  # its articles are Arabic
    overview, *slides = storymap["slides"]
    assert overview["type"] == "overview"
    assert html.unescape(overview["text"]["headline"]) == f'<span dir="ltr">The journey {SCRIPT}</span>'
    summary = html.unescape(overview["text"]["text"])
    assert "Ahmad & <co>" in summary and "3 stops" in summary and "1 May 2024 – 4 May 2024" in summary
    assert [html.unescape(s["text"]["headline"]) for s in slides] == ["1. Aleppo", "2. Beirut", "3. +Tangier"]
    for stop, slide in zip(hostile_doc().stops, slides, strict=True):
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
    in_text = label.removeprefix("about ") + " (approx.)" if label.startswith("about ") else label
    assert slide["date"] == label and f"Date:</b> {in_text}" in slide["text"]["text"]


def test_storymap_lone_surrogate(tmp_path: Path) -> None:
    doc = hostile_doc()
    stops = [doc.stops[0].model_copy(update={"caption": "half \ud800 pair"}), *doc.stops[1:]]
    doc = doc.model_copy(update={"stops": stops, "title": "T\udfff"})
    data = json.loads(write_storymap(doc, tmp_path / "storymap.json").read_text(encoding="utf-8"))
    slides = data["storymap"]["slides"]
    assert (
        slides[0]["text"]["headline"] == '<span dir="ltr">T\ufffd</span>'
        and "half \ufffd pair" in slides[1]["text"]["text"]
    )
