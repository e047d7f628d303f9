"""``story.pdf``: a printable A4 handout of the story — the route map, the dated stop list, the sources.

:func:`handout_rows` lays the handout out as text (heading, table headers
and rows in reading order, columns reversed for a right-to-left story);
:func:`story_pdf` prints it with fpdf2, shaping Arabic through HarfBuzz
(``uharfbuzz``) with matplotlib's DejaVu Sans, which has Arabic glyphs. The
same story gives the same bytes: the creation date is pinned, and the file
identifier is a hash of the content.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.atomic import write_bytes_atomic
from geo.errors import OutputError
from geo.outputs.classroom_text import (
    WORDS,
    TitleTexts,
    is_rtl,
    place_name,
    source_rows,
    stop_texts,
    story_language,
    title_texts,
)
from geo.outputs.static_map import SIZE_IN, map_points, route_png
from geo.story.document import StoryDoc

__all__ = ["Handout", "handout_rows", "story_pdf", "write_handout"]

#: The creation date written into every handout (a fixed day: the same story gives the same bytes).
PINNED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_MARGIN_MM = 15.0
_PAGE_MM = (210.0, 297.0)  # A4
_MAP_WIDTH_MM = 150.0
#: Column widths of the two tables, in reading order, as shares of the text width.
STOP_COLUMNS = (0.06, 0.22, 0.27, 0.45)
SOURCE_COLUMNS = (0.22, 0.33, 0.17, 0.28)
_INK, _MUTED, _HEAD = (34, 34, 34), (102, 102, 102), (232, 236, 240)


@dataclass(frozen=True, slots=True)
class Handout:
    """The handout as text: its heading and its two tables (headers and rows), columns in page order."""

    lang: str
    title: TitleTexts
    stop_header: tuple[str, ...]
    stop_rows: list[tuple[str, ...]]
    source_header: tuple[str, ...]
    source_rows: list[tuple[str, ...]]


def _in_page_order(row: tuple[str, ...], *, rtl: bool) -> tuple[str, ...]:
    """A row's cells left to right on the page: reading order, reversed for right to left."""
    return tuple(reversed(row)) if rtl else row


def handout_rows(doc: StoryDoc, *, lang: str | None = None) -> Handout:
    """The handout of ``doc`` in ``lang`` (default: the story's language): the stops (number, date, place,
    headline) and the sources (outlet, title, date, link), every cell cleaned of control characters."""
    lang = lang or story_language(doc)
    words = WORDS.get(lang, WORDS["en"])
    rtl = is_rtl(lang)
    stops = [stop_texts(stop, doc, lang=lang) for stop in doc.stops]
    sources = source_rows(doc, lang=lang)
    return Handout(
        lang=lang,
        title=title_texts(doc, lang=lang),
        stop_header=_in_page_order(
            (words["col_seq"], words["col_date"], words["col_place"], words["col_headline"]), rtl=rtl
        ),  # fmt: skip
        stop_rows=[_in_page_order((str(s.seq), s.date, s.place, s.headline), rtl=rtl) for s in stops],
        source_header=_in_page_order(
            (words["col_outlet"], words["col_title"], words["col_date"], words["col_url"]), rtl=rtl
        ),  # fmt: skip
        source_rows=[_in_page_order((s.outlet, s.title, s.date, s.url), rtl=rtl) for s in sources],
    )


def _font_file() -> Path:
    """DejaVu Sans as matplotlib ships it (it has Arabic glyphs); one weight, as loading a font is slow."""
    import matplotlib

    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    if not path.is_file():
        raise OutputError(f"the handout's font {path} is missing: reinstall matplotlib")
    return path


def _new_pdf(handout: Handout) -> Any:
    """An A4 document with the fonts, text shaping, page numbers and pinned metadata of the handout."""
    from fpdf import FPDF

    class _Pages(FPDF):  # type: ignore[misc]
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("DejaVu", size=8)
            self.set_text_color(*_MUTED)
            self.cell(0, 6, f"{self.page_no()} / {{nb}}", align="C")

    pdf = _Pages(format="A4", unit="mm")
    pdf.add_font("DejaVu", fname=str(_font_file()))
    pdf.set_text_shaping(use_shaping_engine=True)
    pdf.set_margins(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM)
    pdf.set_auto_page_break(auto=True, margin=_MARGIN_MM + 3)
    pdf.set_creation_date(PINNED_TIME)
    pdf.set_producer("geostory")
    pdf.set_title(handout.title.title)
    pdf.set_lang("ar" if handout.lang == "ar" else "en")
    return pdf


def _heading(pdf: Any, handout: Handout) -> None:
    align = "R" if is_rtl(handout.lang) else "L"
    pdf.set_font("DejaVu", size=18)
    pdf.set_text_color(*_INK)
    pdf.multi_cell(0, 9, handout.title.title, align=align, new_x="LMARGIN", new_y="NEXT")
    line = " · ".join(t for t in (handout.title.traveller, handout.title.dates, handout.title.stops) if t)
    pdf.set_font("DejaVu", size=10.5)
    pdf.set_text_color(*_MUTED)
    pdf.multi_cell(0, 6, line, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _table(pdf: Any, title: str, header: tuple[str, ...], rows: list[tuple[str, ...]], *, widths: tuple[float, ...],
           rtl: bool) -> None:  # fmt: skip
    """A titled table; a story with no rows prints the title and the header only."""
    from fpdf.fonts import FontFace

    pdf.set_font("DejaVu", size=13)
    pdf.set_text_color(*_INK)
    pdf.multi_cell(0, 8, title, align="R" if rtl else "L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9)
    shares = tuple(reversed(widths)) if rtl else widths
    heading = FontFace(emphasis="NONE", fill_color=_HEAD)
    with pdf.table(col_widths=[s * 100 for s in shares], text_align="RIGHT" if rtl else "LEFT", line_height=5,
                   headings_style=heading, padding=1.2) as table:  # fmt: skip
        for row in [header, *rows]:
            cells = table.row()
            for text in row:
                cells.cell(text or "—")
    pdf.ln(4)


def story_pdf(doc: StoryDoc) -> bytes:
    """The story's handout as PDF bytes: heading, route map, stops, sources (the same story, the same bytes)."""
    handout = handout_rows(doc)
    rtl = is_rtl(handout.lang)
    words = WORDS.get(handout.lang, WORDS["en"])
    pdf = _new_pdf(handout)
    pdf.add_page()
    _heading(pdf, handout)
    labels = [place_name(stop, lang=handout.lang) for stop in doc.stops]
    png = route_png(map_points(doc, labels), credit=words["credit"], lang=handout.lang)
    height = _MAP_WIDTH_MM * SIZE_IN[1] / SIZE_IN[0]
    pdf.image(io.BytesIO(png), x=(_PAGE_MM[0] - _MAP_WIDTH_MM) / 2, w=_MAP_WIDTH_MM, h=height,
              alt_text=words["map_alt"].format(places=", ".join(labels)))  # fmt: skip
    pdf.ln(4)
    _table(pdf, words["stops"], handout.stop_header, handout.stop_rows, widths=STOP_COLUMNS, rtl=rtl)
    _table(pdf, words["sources"], handout.source_header, handout.source_rows, widths=SOURCE_COLUMNS, rtl=rtl)
    return bytes(pdf.output())


def write_handout(doc: StoryDoc, path: Path) -> Path:
    """Write ``story.pdf`` atomically.

    Raises
    ------
    OutputError
        When the file cannot be written (a file already there is left as it was).
    """
    return write_bytes_atomic(path, story_pdf(doc))
