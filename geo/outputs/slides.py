"""``story.pptx``: the story as slides for the classroom — a title slide with the route, then one slide per stop.

The title slide has the route map, the title, the traveller, the dates and
the number of stops; each stop's slide has its map (the route so far, that
stop highlighted), its headline, date, place, the sentence that shows the
traveller there and its source (:func:`~geo.outputs.classroom_text.stop_texts`).
Slides speak the story's language; Arabic paragraphs run right to left
(``a:pPr rtl="1"``) and carry their language, and the layout is mirrored.
The same story gives the same bytes: the document's dates are pinned and the
package is zipped with fixed entry times.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from geo.atomic import write_bytes_atomic
from geo.outputs.classroom_text import (
    WORDS,
    StopTexts,
    is_rtl,
    place_name,
    stop_texts,
    story_language,
    title_texts,
)
from geo.outputs.static_map import SIZE_IN, map_points, route_png
from geo.story.document import StoryDoc

__all__ = ["story_pptx", "write_slides"]

#: The document dates written into every file (a fixed day: the same story gives the same bytes).
PINNED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_SLIDE_IN = (13.333, 7.5)  # 16:9
_MARGIN_IN = 0.5
_MAP_TOP_IN = 1.45
_MAP_HEIGHT_IN = 5.55
_LANG_TAG = {"ar": "ar-SA", "en": "en-US"}
_FONT = {"ar": "Arial", "en": "Calibri"}
_INK, _MUTED, _ACCENT = (0x22, 0x22, 0x22), (0x66, 0x66, 0x66), (0xC0, 0x39, 0x2B)
#: At most this many stops are listed on the title slide.
TITLE_LIST = 12


class _Deck:
    """A presentation being written in one language: its slides, positions and text runs."""

    def __init__(self, lang: str) -> None:
        from pptx import Presentation
        from pptx.util import Inches

        self.lang = lang
        self.rtl = is_rtl(lang)
        self.words = WORDS.get(lang, WORDS["en"])
        self.prs = Presentation()
        self.prs.slide_width = Inches(_SLIDE_IN[0])
        self.prs.slide_height = Inches(_SLIDE_IN[1])
        self._inches = Inches

    def _x(self, left: float, width: float) -> float:
        """``left`` (inches) for a left-to-right layout, mirrored for right to left."""
        return _SLIDE_IN[0] - left - width if self.rtl else left

    def slide(self, title: str, *, size: int) -> Any:
        """A new slide whose title (a real title placeholder, for outlines and screen readers) is ``title``."""
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[5])  # "Title Only"
        shape = slide.shapes.title
        inch = self._inches
        shape.left, shape.top = inch(_MARGIN_IN), inch(0.3)
        shape.width, shape.height = inch(_SLIDE_IN[0] - 2 * _MARGIN_IN), inch(1.0)
        self.fill(shape.text_frame, [(title, size, True, _INK)])
        return slide

    def picture(self, slide: Any, png: bytes, *, alt: str) -> None:
        """The map, on the left (on the right for right-to-left), with its description for screen readers."""
        height = _MAP_HEIGHT_IN
        width = height * SIZE_IN[0] / SIZE_IN[1]
        inch = self._inches
        pic = slide.shapes.add_picture(io.BytesIO(png), inch(self._x(_MARGIN_IN, width)), inch(_MAP_TOP_IN),
                                       inch(width), inch(height))  # fmt: skip
        pic._element.nvPicPr.cNvPr.set("descr", alt)

    def text_box(self, slide: Any, lines: list[tuple[str, int, bool, tuple[int, int, int]]]) -> None:
        """The text column beside the map: one paragraph per line (text, points, bold, colour)."""
        from pptx.enum.text import MSO_AUTO_SIZE

        map_width = _MAP_HEIGHT_IN * SIZE_IN[0] / SIZE_IN[1]
        left = _MARGIN_IN + map_width + 0.3
        width = _SLIDE_IN[0] - left - _MARGIN_IN
        inch = self._inches
        box = slide.shapes.add_textbox(inch(self._x(left, width)), inch(_MAP_TOP_IN), inch(width), inch(_MAP_HEIGHT_IN))
        box.text_frame.word_wrap = True
        box.text_frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
        self.fill(box.text_frame, lines)

    def footer(self, slide: Any, text: str) -> None:
        """A small line at the foot of the slide (the stop's number)."""
        inch = self._inches
        box = slide.shapes.add_textbox(inch(_MARGIN_IN), inch(_SLIDE_IN[1] - 0.45), inch(_SLIDE_IN[0] - 2 * _MARGIN_IN),
                                       inch(0.35))  # fmt: skip
        box.text_frame.word_wrap = True
        self.fill(box.text_frame, [(text, 11, False, _MUTED)])

    def fill(self, frame: Any, lines: list[tuple[str, int, bool, tuple[int, int, int]]]) -> None:
        """Write ``lines`` into a text frame, one paragraph each, with the story's direction and language."""
        from pptx.dml.color import RGBColor
        from pptx.enum.text import PP_ALIGN
        from pptx.oxml.ns import qn
        from pptx.util import Pt

        from geo.outputs.webmap.html_text import text_direction  # the one direction rule of every output

        frame.clear()
        for k, (text, size, bold, colour) in enumerate(lines):
            paragraph = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.RIGHT if self.rtl else PP_ALIGN.LEFT
            paragraph.space_after = Pt(size * 0.6)
            code, way = text_direction(text, self.lang)  # an English source on an Arabic slide runs left to right
            lang = code or ("en" if self.rtl else self.lang)
            if way == "rtl":
                paragraph._p.get_or_add_pPr().set("rtl", "1")
            run = paragraph.add_run()
            run.text = text
            font = run.font
            font.size, font.bold, font.name = Pt(size), bold, _FONT.get(lang, "Calibri")
            font.color.rgb = RGBColor(*colour)
            rpr = run._r.get_or_add_rPr()
            rpr.set("lang", _LANG_TAG.get(lang, "en-US"))
            rpr.append(rpr.makeelement(qn("a:cs"), {"typeface": _FONT.get(lang, "Calibri")}))


def _title_slide(deck: _Deck, doc: StoryDoc, png: bytes, stops: list[StopTexts]) -> None:
    texts = title_texts(doc, lang=deck.lang)
    slide = deck.slide(texts.title, size=32)
    places = "، ".join(s.place for s in stops) if deck.rtl else ", ".join(s.place for s in stops)
    deck.picture(slide, png, alt=deck.words["map_alt"].format(places=places))
    lines = [(line, 20, k == 0, _INK) for k, line in enumerate(t for t in (texts.traveller, texts.dates) if t)]
    lines.append((texts.stops, 18, False, _ACCENT))
    lines += [(f"{s.seq}. {s.place} — {s.date}", 14, False, _MUTED) for s in stops[:TITLE_LIST]]
    if len(stops) > TITLE_LIST:
        lines.append(("…", 14, False, _MUTED))
    deck.text_box(slide, lines)


def _stop_slide(deck: _Deck, texts: StopTexts, png: bytes, *, total: int) -> None:
    slide = deck.slide(texts.headline, size=28)
    deck.picture(slide, png, alt=deck.words["map_alt"].format(places=texts.place))
    lines = [(texts.date, 24, True, _ACCENT), (texts.place, 22, False, _INK)]
    if texts.sentence:
        quoted = f"«{texts.sentence}»" if deck.rtl else f"“{texts.sentence}”"
        lines.append((quoted, 20, False, _INK))
    lines.append((texts.source, 14, False, _MUTED))
    deck.text_box(slide, lines)
    deck.footer(slide, deck.words["stop_of"].format(seq=texts.seq, total=total))


class _Entries:
    """The zip python-pptx writes its package through: fixed entry times and modes, entries in its order; the
    maps (PNG, compressed already) stored as they are, the XML deflated."""

    def __init__(self, target: zipfile.ZipFile) -> None:
        self.target = target

    def write(self, pack_uri: Any, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=_ZIP_TIME)
        stored = pack_uri.membername.endswith(".png")
        entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        self.target.writestr(entry, blob)


def _stable_package(prs: Any) -> bytes:
    """The presentation's package zipped once, with fixed entry times and modes (python-pptx's own writer, with
    its order of parts, writing through :class:`_Entries` instead of a zip of its own with the time of day)."""
    from pptx.opc.serialized import PackageWriter

    class _Stable(PackageWriter):  # type: ignore[misc]
        def _write(self) -> None:
            with zipfile.ZipFile(self._pkg_file, "w", zipfile.ZIP_DEFLATED) as target:
                entries = _Entries(target)
                self._write_content_types_stream(entries)
                self._write_pkg_rels(entries)
                self._write_parts(entries)

    package = prs.part.package
    out = io.BytesIO()
    _Stable.write(out, package._rels, tuple(package.iter_parts()))
    return out.getvalue()


def story_pptx(doc: StoryDoc) -> bytes:
    """The story's slides as ``.pptx`` bytes: a title slide, then one slide per stop (the same story, the same
    bytes)."""
    lang = story_language(doc)
    deck = _Deck(lang)
    stops = [stop_texts(stop, doc, lang=lang) for stop in doc.stops]
    points = map_points(doc, [place_name(s, lang=lang) for s in doc.stops])
    credit = deck.words["credit"]
    _title_slide(deck, doc, route_png(points, credit=credit, lang=lang), stops)
    for texts in stops:
        _stop_slide(deck, texts, route_png(points, credit=credit, lang=lang, upto=texts.seq), total=len(stops))
    props = deck.prs.core_properties
    props.title = title_texts(doc, lang=lang).title
    props.author = props.last_modified_by = "geostory"
    props.language = _LANG_TAG.get(lang, "en-US")
    props.created = props.modified = props.last_printed = PINNED_TIME.replace(tzinfo=None)
    props.revision = 1
    return _stable_package(deck.prs)


def write_slides(doc: StoryDoc, path: Path) -> Path:
    """Write ``story.pptx`` atomically.

    Raises
    ------
    OutputError
        When the file cannot be written (a file already there is left as it was).
    """
    return write_bytes_atomic(path, story_pptx(doc))
