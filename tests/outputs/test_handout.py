"""``story.pdf`` (geo/outputs/handout.py): the handout's layout, its pages, the same bytes, untrusted text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.outputs.handout import handout_rows, story_pdf, write_handout
from geo.story.document import StoryDoc
from tests.outputs.classroom_story import arabic_doc, english_doc
from tests.outputs.hostile_story import hostile_doc

_PAGE = re.compile(rb"/Type /Page\b(?!s)")


def _pages(data: bytes) -> int:
    return len(_PAGE.findall(data))


def test_arabic_handout_reads_right_to_left() -> None:
    handout = handout_rows(arabic_doc())
    assert handout.lang == "ar"
    assert handout.title.title == "جولة الوزير المغاربية"
    assert handout.stop_header == ("ما جرى", "المكان", "التاريخ", "#")  # the number column on the right
    assert handout.stop_rows == [
        ("يغادر تونس", "تونس", "1 مارس 2024", "1"),
        ("يزور الجزائر", "الجزائر", "نحو 2–3 مارس 2024", "2"),
        ("يُنتظر في الرباط", "الرباط", "تاريخ غير معروف", "3"),
    ]
    assert handout.source_header == ("الرابط", "التاريخ", "العنوان", "الوسيلة")
    assert handout.source_rows == [
        ("", "2 مارس 2024", "جولة مغاربية", "صحيفة الساحل"),
        ("https://example.org/2", "5 مارس 2024", "", "وكالة الأنباء"),
    ]


def test_english_handout_reads_left_to_right() -> None:
    handout = handout_rows(english_doc())
    assert handout.stop_header == ("#", "Date", "Place", "What happened")
    assert handout.stop_rows == [("1", "8 June 2022", "Lisbon", "Leaves Lisbon"),
                                 ("2", "9 June 2022", "Porto", "Visits Porto")]  # fmt: skip
    assert handout.source_rows == [("Coastal Daily", "A week up the coast", "10 June 2022", "https://example.org/coast")]
    assert handout_rows(english_doc(), lang="ar").stop_rows[0] == ("يغادر لشبونة", "لشبونة", "8 يونيو 2022", "1")


@pytest.mark.parametrize("make", [arabic_doc, english_doc, StoryDoc], ids=["arabic", "english", "empty"])
def test_handout_is_a_pdf_with_its_pages_and_the_same_bytes(make: type) -> None:
    data = story_pdf(make())
    assert data.startswith(b"%PDF-1.") and data.rstrip().endswith(b"%%EOF")
    assert _pages(data) == 1
    assert b"/CreationDate (D:20000101000000Z" in data and b"/Subtype /Image" in data
    assert story_pdf(make()) == data


def test_a_long_story_runs_onto_more_pages() -> None:
    doc = arabic_doc()
    many = [doc.stops[0].model_copy(update={"seq": n}) for n in range(1, 41)]
    data = story_pdf(doc.model_copy(update={"stops": many}))
    assert _pages(data) >= 2


@pytest.mark.parametrize(
    "doc",
    [
        hostile_doc(),
        hostile_doc().model_copy(update={"title": "bad\x00\x01 \ud800 \u202e title", "traveller": "\x1b[31m"}),
    ],
    ids=["hostile", "control-and-surrogate"],
)
def test_untrusted_text_never_breaks_the_handout(doc: StoryDoc) -> None:
    handout = handout_rows(doc)
    cells = [handout.title.title, handout.title.traveller, *(c for row in handout.stop_rows for c in row)]
    assert all("\x00" not in c and "\ud800" not in c and "\u202e" not in c for c in cells)
    assert _pages(story_pdf(doc)) == 1


def test_write_handout(tmp_path: Path) -> None:
    path = write_handout(english_doc(), tmp_path / "out" / "story.pdf")
    assert path.read_bytes() == story_pdf(english_doc())
    assert [p.name for p in path.parent.iterdir()] == ["story.pdf"]
