"""Text the exports share (geo/outputs/export_text.py): coordinates, date labels, the summary line, stop HTML."""

from __future__ import annotations

import pytest

from geo.outputs.export_text import date_label, headline, num, place_html, stop_html, summary
from geo.story.document import PlaceDoc, StopDoc, StoryDoc
from tests.outputs.hostile_story import SCRIPT, hostile_doc


@pytest.mark.parametrize(
    ("value", "text"),
    [(36.2021234567, "36.202123"), (-5.79975, "-5.79975"), (38.0, "38"), (0.0, "0"), (-0.0000001, "0"), (1e-7, "0")],
)
def test_num_is_fixed_locale_free_text(value: float, text: str) -> None:
    assert num(value) == text


@pytest.mark.parametrize(
    ("certainty", "label"),
    [("exact", "1–3 May 2024"), ("approximate", "about 1–3 May 2024"), ("unknown", "1–3 May 2024")],
)
def test_date_label_says_about_for_approximate_dates(certainty: str, label: str) -> None:
    stop = StopDoc(seq=1, id="x", name="X", lat=0, lon=0, place_type="city", date_start="2024-05-01",
                   date_end="2024-05-03", date_certainty=certainty)  # fmt: skip
    assert date_label(stop) == label


@pytest.mark.parametrize(
    ("doc", "line"),
    [
        (StoryDoc(), "0 stops · dates unknown"),
        (hostile_doc(), "Traveller: Ahmad & <co> · 3 stops · 1 May 2024 – 4 May 2024"),
    ],
)
def test_summary_line(doc: StoryDoc, line: str) -> None:
    assert summary(doc) == line


def test_stop_and_place_html_escape_every_piece_of_text() -> None:
    doc = hostile_doc()
    body = stop_html(doc.stops[1], heading=True)
    assert body.startswith(f"<h3>{headline(doc.stops[1])}</h3>") and "<b>Role:</b> plan" in body
    assert SCRIPT not in body and "&lt;script&gt;" in body
    assert "<h3>" not in stop_html(doc.stops[1], heading=False)
    place = place_html(PlaceDoc(id="p", name="<Sea>", lat=0, lon=0, place_type="water", roles=["dateline", "water"]))
    assert place.startswith('<h3 dir="ltr">&lt;Sea&gt;</h3>') and "<b>Role:</b> dateline, water" in place
