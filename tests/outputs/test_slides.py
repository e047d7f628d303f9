"""``story.pptx`` (geo/outputs/slides.py): a title slide and one per stop, their texts, right to left, same bytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from geo.outputs.slides import story_pptx, write_slides
from geo.story.document import StoryDoc
from tests.outputs.classroom_story import arabic_doc, english_doc
from tests.outputs.hostile_story import SCRIPT, hostile_doc


def _slides(data: bytes) -> list[list[str]]:
    """Each slide's texts, shape by shape."""
    deck = Presentation(io.BytesIO(data))
    return [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame] for slide in deck.slides]


def _paragraphs(data: bytes) -> list:
    deck = Presentation(io.BytesIO(data))
    return [p for s in deck.slides for shape in s.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs]


def test_arabic_story_has_a_title_slide_and_one_slide_per_stop() -> None:
    data = story_pptx(arabic_doc())
    slides = _slides(data)
    assert len(slides) == 1 + 3
    title = slides[0]
    assert title[0] == "جولة الوزير المغاربية"
    assert "المسافر: الوزير سمير" in title[1] and "1–3 مارس 2024" in title[1] and "عدد المحطات: 3" in title[1]
    headline, body, footer = slides[2]
    assert headline == "يزور الجزائر"
    assert body.split("\n") == ["نحو 2–3 مارس 2024", "الجزائر", "«ووصل الوزير إلى الجزائر مساء السبت.»",
                                "صحيفة الساحل، «جولة مغاربية»، 2 مارس 2024"]  # fmt: skip
    assert footer == "المحطة 2 من 3"


def test_arabic_paragraphs_run_right_to_left_and_say_their_language() -> None:
    paragraphs = _paragraphs(story_pptx(arabic_doc()))
    assert paragraphs and all(p._p.pPr.get("rtl") == "1" for p in paragraphs)
    runs = [r for p in paragraphs for r in p.runs]
    assert all(r._r.rPr.get("lang") == "ar-SA" for r in runs)
    assert all(r._r.rPr.find(qn("a:cs")) is not None for r in runs)


def test_english_story_runs_left_to_right() -> None:
    data = story_pptx(english_doc())
    slides = _slides(data)
    assert len(slides) == 3
    assert slides[1][0] == "Leaves Lisbon"
    assert "Coastal Daily, “A week up the coast”, 10 June 2022" in slides[1][1]
    paragraphs = _paragraphs(data)
    assert all(p._p.pPr is None or p._p.pPr.get("rtl") != "1" for p in paragraphs)
    assert all(r._r.rPr.get("lang") == "en-US" for p in paragraphs for r in p.runs)


def test_every_slide_has_its_map_with_a_description() -> None:
    deck = Presentation(io.BytesIO(story_pptx(arabic_doc())))
    for slide in deck.slides:
        (picture,) = [s for s in slide.shapes if s.shape_type == 13]  # PICTURE
        assert picture.image.content_type == "image/png"
        assert picture._element.nvPicPr.cNvPr.get("descr").startswith("خريطة المسار")


def test_same_story_same_bytes_with_pinned_dates() -> None:
    data = story_pptx(arabic_doc())
    assert story_pptx(arabic_doc()) == data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.namelist()[0] == "[Content_Types].xml"
    props = Presentation(io.BytesIO(data)).core_properties
    assert props.created.year == 2000 and props.modified.year == 2000


@pytest.mark.parametrize(
    "doc",
    [
        hostile_doc(),
        hostile_doc().model_copy(update={"title": "bad\x00\x01 \ud800 \u202e title", "traveller": "\x1b[31m"}),
        StoryDoc(),
    ],
    ids=["hostile", "control-and-surrogate", "empty"],
)
def test_untrusted_or_empty_stories_still_make_slides(doc: StoryDoc) -> None:
    slides = _slides(story_pptx(doc))
    assert len(slides) == 1 + len(doc.stops)
    assert all("\x00" not in t and "\ud800" not in t and "\u202e" not in t for s in slides for t in s)


def test_text_is_never_markup() -> None:
    slides = _slides(story_pptx(hostile_doc()))
    assert slides[0][0] == f"The journey {SCRIPT}"


def test_write_slides(tmp_path: Path) -> None:
    path = write_slides(english_doc(), tmp_path / "out" / "story.pptx")
    assert path.read_bytes() == story_pptx(english_doc())
    assert [p.name for p in path.parent.iterdir()] == ["story.pptx"]
