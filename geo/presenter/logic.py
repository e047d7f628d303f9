"""The presenter's logic, free of Streamlit: navigation, views, edits, uploads, translations.

``app.py`` lays out the page and calls these functions; everything here is
plain Python over a :class:`~geo.story.document.StoryDoc` (and folium for the
map object), so it is unit-tested without a browser or a Streamlit runtime.

- **Navigation**: :class:`Nav` is a small immutable state machine. Index 0 is
  the title view (the whole route), indexes ``1..n`` are the stops;
  :func:`nav_next`, :func:`nav_prev`, :func:`nav_go`, :func:`toggle_play` and
  :func:`autoplay_tick` return a new state.
- **Views**: :func:`overview_view` / :func:`stop_view` give the map's centre and
  zoom, :func:`stop_card` the fields of a stop's card, :func:`timeline` the
  dated stops on a strip, :func:`reading_rows` how each place was read.
- **Edits**: :func:`stop_rows` / :func:`apply_rows` round-trip the table of
  stops (order, dates, caption, added and removed rows); :func:`edit_stop`,
  :func:`move_stop`, :func:`add_stop`, :func:`remove_stop` do one change.
  Every edit returns a new, validated document with ``seq`` renumbered, or
  raises :class:`EditError` with a one-line message and changes nothing.
- **Files**: :func:`check_upload` and :func:`read_uploads` vet uploaded
  articles (type, size, empty, binary, encoding); :func:`story_from_bytes`
  loads a ``story.json`` with :func:`~geo.story.document.load_story`'s checks;
  :func:`export_files` lists the downloads.
- **Language**: :data:`STRINGS` holds every interface string in English and
  Arabic; :func:`tr` looks one up.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import math
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import folium
from pydantic import ValidationError

from geo.dates.wording import date_range_text
from geo.errors import GeoStoryError, InputError
from geo.model import Article
from geo.story.document import StopDoc, StoryDoc, date_bounds, dated_stops, load_story, save_story
from geo.text.reading import DEFAULT_MAX_BYTES, decode_bytes, read_article_file

__all__ = [
    "ARTICLE_TYPES",
    "LANGUAGES",
    "MAX_UPLOAD_BYTES",
    "STOP_COLUMNS",
    "STRINGS",
    "Card",
    "EditError",
    "ExportFile",
    "MapView",
    "Nav",
    "PlaceChoice",
    "QuoteView",
    "TimelineItem",
    "UploadError",
    "add_stop",
    "apply_rows",
    "autoplay_tick",
    "card_html",
    "check_upload",
    "css",
    "date_text",
    "edit_stop",
    "export_files",
    "fit_zoom",
    "is_rtl",
    "map_for_app",
    "move_stop",
    "nav_go",
    "nav_next",
    "nav_prev",
    "nav_resize",
    "overview_view",
    "progress_layer",
    "progress_text",
    "read_uploads",
    "reading_rows",
    "remove_stop",
    "role_text",
    "rtl_css",
    "search_places",
    "stop_card",
    "stop_rows",
    "stop_view",
    "story_bytes",
    "story_from_bytes",
    "story_hash",
    "timeline",
    "timeline_html",
    "title_html",
    "toggle_play",
    "tr",
]

#: Largest article or story file accepted (bytes), the same limit as the command line.
MAX_UPLOAD_BYTES = DEFAULT_MAX_BYTES
#: Article file types the uploader accepts (without the dot).
ARTICLE_TYPES = ("txt", "md", "html", "htm")
#: Interface languages: code -> name shown in the switch.
LANGUAGES: dict[str, str] = {"en": "English", "ar": "العربية"}

_CERTAINTIES = ("exact", "approximate", "unknown")
_PLACE_TYPES = ("city", "facility", "island", "region", "country", "water", "relative")
_SAFE_NAME = re.compile(r"[^\w.\-]+", re.UNICODE)


class EditError(InputError):
    """An edit of the story that would make it invalid (one-line message); the story is unchanged."""


class UploadError(InputError):
    """An uploaded file that cannot be used (one-line message); the story is unchanged."""


# --------------------------------------------------------------------------- translations

#: Every interface string, per language. Keys are the same in both; ``{name}`` fields are filled by :func:`tr`.
STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "app_title": "Story map presenter",
        "language": "Language",
        "tab_present": "Present",
        "tab_edit": "Review and edit",
        "tab_read": "How the story was read",
        "tab_files": "Articles and files",
        "title_view": "Whole route",
        "progress": "{index} / {total}",
        "progress_title": "Title · {total} stops",
        "first": "Title view",
        "prev": "◀ Previous",
        "next": "Next ▶",
        "play": "▶ Play",
        "pause": "❚❚ Pause",
        "delay": "Seconds per stop",
        "shortcuts": "Keys: → next, ← previous, Space play or pause, Home title view.",
        "traveller": "Traveller",
        "stops_count": "{count} stops",
        "journey": "Journey",
        "no_stops": "This story has no stops yet: add one in “Review and edit”.",
        "stop_of": "Stop {seq} of {total}",
        "date_unknown": "date unknown",
        "certainty_exact": "exact date",
        "certainty_approximate": "approximate date",
        "certainty_unknown": "not dated by the articles; placed by the order of the story",
        "role": "Role",
        "caption": "What happened",
        "also": "Also named here",
        "quotes": "In the articles’ words",
        "source_unknown": "unknown source",
        "open_source": "open",
        "timeline": "Timeline",
        "undated": "Undated stops: {names}",
        "table_help": "Edit the order, dates, certainty, role or caption; add a row (type a place name) "
        "or delete rows, then press “Apply table”.",
        "apply_table": "Apply table",
        "discard": "Discard table edits",
        "col_order": "Order",
        "col_place": "Place",
        "col_place_ar": "Arabic name",
        "col_start": "Date from",
        "col_end": "Date to",
        "col_certainty": "Certainty",
        "col_role": "Role",
        "col_caption": "Caption",
        "col_lat": "Latitude",
        "col_lon": "Longitude",
        "col_type": "Type",
        "edit_stop": "Edit one stop",
        "which_stop": "Stop",
        "start_date": "Start date",
        "end_date": "End date",
        "apply_stop": "Apply to this stop",
        "remove_stop": "Remove this stop",
        "search_place": "Find a place (offline gazetteer)",
        "search_hint": "Type a name in Arabic, English or French",
        "no_match": "No place of that name in the gazetteer.",
        "choose_place": "Place found",
        "move_here": "Move the stop here",
        "add_after": "Add as a new stop after it",
        "edited": "The story was updated.",
        "edit_error": "The edit was not applied: {message}",
        "articles_upload": "Your articles (.txt, .md, .html)",
        "paste": "Or paste an article’s text",
        "build": "Build the story",
        "building": "Building the story…",
        "checking": "Checking {name}",
        "reading": "Finding places and dates in {count} articles",
        "drawing": "Drawing the map",
        "built": "Story built: {count} stops.",
        "nothing_to_build": "Upload an article or paste some text first.",
        "upload_error": "That file cannot be used, the current story is unchanged: {message}",
        "bundled": "Back to the bundled story",
        "story_json": "Story file (story.json)",
        "save_story": "Save story.json",
        "load_story": "Load a story.json",
        "loaded": "Story loaded: {title}.",
        "downloads": "Downloads",
        "dl_html": "Story map (story.html)",
        "dl_geojson": "GeoJSON",
        "dl_gpkg": "GeoPackage",
        "dl_kml": "KML tour (Google Earth)",
        "dl_storymap": "StoryMapJS JSON",
        "dl_csv": "Stops (CSV)",
        "read_help": "Every place the articles name, the part it plays in the story, and why the reader decided so.",
        "col_kind": "On the route",
        "col_why": "Why",
        "col_article": "Article",
        "col_words": "Words",
        "col_sentence": "Sentence",
        "kind_context": "—",
        "kind_stop": "stop {seq}",
        "role_departure": "departure",
        "role_visit": "visit",
        "role_plan": "plan (announced)",
        "role_dateline": "dateline: where an article was filed",
        "role_government": "named for its government",
        "role_historical": "an earlier visit or event",
        "role_related report": "site of a related report",
        "role_mentioned": "mentioned",
        "role_country": "country named",
        "role_region": "region named",
        "role_water": "sea or ocean named",
        "map_error": "The map could not be drawn: {message}",
        "corpus_error": "The bundled articles could not be read: {message}",
    },
    "ar": {
        "app_title": "عارض خريطة القصة",
        "language": "اللغة",
        "tab_present": "العرض",
        "tab_edit": "المراجعة والتعديل",
        "tab_read": "كيف قُرئت القصة",
        "tab_files": "المقالات والملفات",
        "title_view": "المسار كاملًا",
        "progress": "{index} / {total}",
        "progress_title": "العنوان · {total} محطات",
        "first": "عرض العنوان",
        "prev": "◀ السابق",
        "next": "التالي ▶",
        "play": "▶ تشغيل",
        "pause": "❚❚ إيقاف مؤقت",
        "delay": "ثوانٍ لكل محطة",
        "shortcuts": "المفاتيح: → التالي، ← السابق، المسافة للتشغيل أو الإيقاف، Home لعرض العنوان.",
        "traveller": "المسافر",
        "stops_count": "{count} محطات",
        "journey": "الرحلة",
        "no_stops": "لا محطات في هذه القصة بعد: أضف محطة في «المراجعة والتعديل».",
        "stop_of": "المحطة {seq} من {total}",
        "date_unknown": "تاريخ غير معروف",
        "certainty_exact": "تاريخ مؤكد",
        "certainty_approximate": "تاريخ تقريبي",
        "certainty_unknown": "لم تحدد المقالات تاريخها؛ وُضعت حسب ترتيب القصة",
        "role": "الدور",
        "caption": "ما حدث",
        "also": "ذُكر هنا أيضًا",
        "quotes": "بكلمات المقالات",
        "source_unknown": "مصدر غير معروف",
        "open_source": "فتح",
        "timeline": "الخط الزمني",
        "undated": "محطات بلا تاريخ: {names}",
        "table_help": "عدّل الترتيب أو التواريخ أو درجة اليقين أو الدور أو الوصف؛ أضف صفًا (اكتب اسم مكان) "
        "أو احذف صفوفًا، ثم اضغط «تطبيق الجدول».",
        "apply_table": "تطبيق الجدول",
        "discard": "تجاهل تعديلات الجدول",
        "col_order": "الترتيب",
        "col_place": "المكان",
        "col_place_ar": "الاسم العربي",
        "col_start": "من تاريخ",
        "col_end": "إلى تاريخ",
        "col_certainty": "اليقين",
        "col_role": "الدور",
        "col_caption": "الوصف",
        "col_lat": "خط العرض",
        "col_lon": "خط الطول",
        "col_type": "النوع",
        "edit_stop": "تعديل محطة",
        "which_stop": "المحطة",
        "start_date": "تاريخ البداية",
        "end_date": "تاريخ النهاية",
        "apply_stop": "تطبيق على هذه المحطة",
        "remove_stop": "حذف هذه المحطة",
        "search_place": "ابحث عن مكان (معجم جغرافي دون اتصال)",
        "search_hint": "اكتب اسمًا بالعربية أو الإنجليزية أو الفرنسية",
        "no_match": "لا يوجد مكان بهذا الاسم في المعجم الجغرافي.",
        "choose_place": "المكان الذي وُجد",
        "move_here": "انقل المحطة إلى هنا",
        "add_after": "أضفه محطةً جديدة بعدها",
        "edited": "حُدّثت القصة.",
        "edit_error": "لم يُطبّق التعديل: {message}",
        "articles_upload": "مقالاتك (.txt و.md و.html)",
        "paste": "أو الصق نص مقال",
        "build": "ابنِ القصة",
        "building": "جارٍ بناء القصة…",
        "checking": "فحص {name}",
        "reading": "البحث عن الأماكن والتواريخ في {count} مقالات",
        "drawing": "رسم الخريطة",
        "built": "بُنيت القصة: {count} محطات.",
        "nothing_to_build": "ارفع مقالًا أو الصق نصًا أولًا.",
        "upload_error": "لا يمكن استخدام هذا الملف، ولم تتغير القصة الحالية: {message}",
        "bundled": "العودة إلى القصة المرفقة",
        "story_json": "ملف القصة (story.json)",
        "save_story": "احفظ story.json",
        "load_story": "حمّل ملف story.json",
        "loaded": "حُمّلت القصة: {title}.",
        "downloads": "التنزيلات",
        "dl_html": "خريطة القصة (story.html)",
        "dl_geojson": "GeoJSON",
        "dl_gpkg": "GeoPackage",
        "dl_kml": "جولة KML (Google Earth)",
        "dl_storymap": "StoryMapJS JSON",
        "dl_csv": "المحطات (CSV)",
        "read_help": "كل مكان تذكره المقالات، ودوره في القصة، ولماذا قرّر القارئ ذلك.",
        "col_kind": "على المسار",
        "col_why": "السبب",
        "col_article": "المقال",
        "col_words": "الكلمات",
        "col_sentence": "الجملة",
        "kind_context": "—",
        "kind_stop": "المحطة {seq}",
        "role_departure": "انطلاق",
        "role_visit": "زيارة",
        "role_plan": "خطة (مُعلنة)",
        "role_dateline": "مكان إرسال الخبر",
        "role_government": "ذُكر للدلالة على حكومته",
        "role_historical": "زيارة أو حدث سابق",
        "role_related report": "موقع خبر ذي صلة",
        "role_mentioned": "ذُكر فحسب",
        "role_country": "ذُكر اسم الدولة",
        "role_region": "ذُكر اسم الإقليم",
        "role_water": "ذُكر اسم البحر أو المحيط",
        "map_error": "تعذّر رسم الخريطة: {message}",
        "corpus_error": "تعذّرت قراءة المقالات المرفقة: {message}",
    },
}


def tr(lang: str, key: str, **fields: object) -> str:
    """The interface string ``key`` in ``lang`` (English when the language is unknown), with ``fields`` filled.

    Parameters
    ----------
    lang:
        ``"en"`` or ``"ar"``.
    key:
        A key of :data:`STRINGS`.
    **fields:
        Values for the string's ``{name}`` fields.

    Returns
    -------
    str
        The string; the key itself when no language has it.
    """
    table = STRINGS.get(lang, STRINGS["en"])
    text = table.get(key, STRINGS["en"].get(key, key))
    return text.format(**fields) if fields else text


def is_rtl(lang: str) -> bool:
    """Whether the interface language is written right to left."""
    return lang == "ar"


def rtl_css() -> str:
    """CSS that lays the Streamlit page out right to left (the map and tables keep their own direction)."""
    return (
        "<style>"
        '[data-testid="stMain"], [data-testid="stSidebar"] { direction: rtl; text-align: right; }'
        '[data-testid="stMain"] iframe, [data-testid="stDataFrame"], [data-testid="stDataEditor"]'
        " { direction: ltr; }"
        '[data-testid="stMarkdownContainer"] { text-align: right; }'
        "</style>"
    )


def role_text(role: str, lang: str = "en") -> str:
    """A role (``visit``, ``dateline``…) in words, in ``lang``; unknown roles are returned as they are."""
    key = f"role_{role}"
    return tr(lang, key) if key in STRINGS["en"] else role


def date_text(start: dt.date | None, end: dt.date | None, lang: str = "en") -> str:
    """A date or range in words: ``15 September 2023``, ``15–17 September 2023``, or "date unknown".

    Parameters
    ----------
    start, end:
        The stop's dates (``end`` may be ``None`` or equal to ``start``).
    lang:
        Interface language.
    """
    return date_range_text(start, end, lang=lang, unknown=tr(lang, "date_unknown"))


# --------------------------------------------------------------------------- navigation


@dataclass(frozen=True, slots=True)
class Nav:
    """Where the presenter is: ``index`` 0 is the title view, ``1..total`` the stops.

    ``playing`` is autoplay; ``last_tick`` the time (seconds) of the last
    autoplay step or of pressing Play.
    """

    index: int = 0
    total: int = 0
    playing: bool = False
    last_tick: float = 0.0


def nav_go(nav: Nav, index: int) -> Nav:
    """Go to ``index``, clamped to ``0..total``."""
    return replace(nav, index=max(0, min(int(index), nav.total)))


def nav_next(nav: Nav) -> Nav:
    """The next stop (stays on the last one)."""
    return nav_go(nav, nav.index + 1)


def nav_prev(nav: Nav) -> Nav:
    """The previous stop, or the title view from stop 1 (stays on the title view)."""
    return nav_go(nav, nav.index - 1)


def nav_resize(nav: Nav, total: int) -> Nav:
    """The state for a story of ``total`` stops (after an edit): index clamped, autoplay off when empty."""
    total = max(0, int(total))
    return Nav(index=min(nav.index, total), total=total, playing=nav.playing and total > 0, last_tick=nav.last_tick)


def toggle_play(nav: Nav, now: float) -> Nav:
    """Start or stop autoplay; starting on the last stop starts again from the title view."""
    if nav.playing:
        return replace(nav, playing=False)
    if nav.total == 0:
        return nav
    index = 0 if nav.index >= nav.total else nav.index
    return replace(nav, index=index, playing=True, last_tick=now)


def autoplay_tick(nav: Nav, now: float, delay: float) -> Nav:
    """One autoplay step: the next stop once ``delay`` seconds have passed since the last step.

    Autoplay stops on the last stop. The state is returned unchanged when not
    playing or when the delay has not yet passed.
    """
    if not nav.playing:
        return nav
    if nav.index >= nav.total:
        return replace(nav, playing=False)
    if now - nav.last_tick < delay:
        return nav
    index = nav.index + 1
    return replace(nav, index=index, playing=index < nav.total, last_tick=now)


def progress_text(nav: Nav, lang: str = "en") -> str:
    """``"3 / 6"`` on a stop, the title-view label on index 0."""
    if nav.index == 0:
        return tr(lang, "progress_title", total=nav.total)
    return tr(lang, "progress", index=nav.index, total=nav.total)


# --------------------------------------------------------------------------- views


@dataclass(frozen=True, slots=True)
class MapView:
    """The map's centre ``(lat, lon)`` and zoom."""

    center: tuple[float, float]
    zoom: int


def _mercator_y(lat: float) -> float:
    lat = max(-85.0, min(85.0, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_zoom(bounds: tuple[tuple[float, float], tuple[float, float]], width: int, height: int) -> int:
    """The largest zoom (2..7) at which ``((south, west), (north, east))`` fits ``width`` × ``height`` pixels.

    Web Mercator with 256-pixel tiles, keeping a margin of 60 pixels on each side.
    """
    (south, west), (north, east) = bounds
    usable_w, usable_h = max(width - 120, 64), max(height - 120, 64)
    span_x = max(abs(east - west), 1e-6) / 360.0
    span_y = max(abs(_mercator_y(north) - _mercator_y(south)), 1e-6) / (2 * math.pi)
    zoom = math.floor(math.log2(min(usable_w / (256 * span_x), usable_h / (256 * span_y))))
    return max(2, min(7, zoom))


def overview_view(doc: StoryDoc, *, width: int = 900, height: int = 620) -> MapView:
    """The view of the whole route: the centre of the stops' bounds and the zoom that fits them."""
    if not doc.stops:
        return MapView(center=(20.0, 0.0), zoom=2)
    lats = [s.lat for s in doc.stops]
    lons = [s.lon for s in doc.stops]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    center_lat = math.degrees(math.atan(math.sinh((_mercator_y(south) + _mercator_y(north)) / 2)))
    return MapView(
        center=(round(center_lat, 6), round((west + east) / 2, 6)),
        zoom=fit_zoom(((south, west), (north, east)), width, height),
    )


def stop_view(stop: StopDoc) -> MapView:
    """The view of one stop: centred on it, closer for precise places, wider for vague ones."""
    from geo.outputs.webmap import stop_zoom

    return MapView(center=(stop.lat, stop.lon), zoom=stop_zoom(stop.uncertainty_km))


@dataclass(frozen=True, slots=True)
class QuoteView:
    """A quote as the card shows it: the sentence, the place's words, where it comes from."""

    sentence: str
    words: str
    article: str
    source: str
    url: str | None
    role: str
    why: str


@dataclass(frozen=True, slots=True)
class Card:
    """What the card beside the map shows for one stop."""

    seq: int
    total: int
    heading: str
    name: str
    name_ar: str
    date: str
    certainty: str
    role: str
    caption: str
    also: tuple[str, ...]
    quotes: tuple[QuoteView, ...]


def _caption(stop: StopDoc) -> str:
    prefix = f"{stop.role}: "
    return stop.caption[len(prefix) :] if stop.caption.startswith(prefix) else stop.caption


def _article_title(doc: StoryDoc, name: str) -> str:
    article = next((a for a in doc.articles if a.name == name), None)
    return (article.title if article and article.title else None) or name


def stop_card(doc: StoryDoc, seq: int, lang: str = "en") -> Card:
    """The card of stop ``seq`` (1-based).

    Raises
    ------
    IndexError
        When the story has no stop ``seq``.
    """
    if not 1 <= seq <= len(doc.stops):
        raise IndexError(f"no stop {seq} in a story of {len(doc.stops)} stops")
    stop = doc.stops[seq - 1]
    certainty = stop.date_certainty if stop.date_start else "unknown"
    quotes = tuple(
        QuoteView(
            sentence=q.sentence or q.text,
            words=q.text,
            article=_article_title(doc, q.article),
            source=q.source or tr(lang, "source_unknown"),
            url=q.url if q.url and q.url.startswith(("http://", "https://")) else None,
            role=role_text(q.role, lang) if q.role else "",
            why=q.why,
        )
        for q in stop.quotes
    )
    return Card(
        seq=stop.seq,
        total=len(doc.stops),
        heading=tr(lang, "stop_of", seq=stop.seq, total=len(doc.stops)),
        name=stop.name,
        name_ar=stop.name_ar or "",
        date=date_text(stop.date_start, stop.date_end, lang),
        certainty=tr(lang, f"certainty_{certainty}"),
        role=role_text(stop.role, lang),
        caption=_caption(stop),
        also=tuple(stop.also),
        quotes=quotes,
    )


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """A dated stop on the timeline strip; ``position`` runs from 0 (first date) to 1 (last date)."""

    seq: int
    name: str
    date: str
    position: float


def timeline(doc: StoryDoc, lang: str = "en") -> list[TimelineItem]:
    """The dated stops in route order, placed by date between the first and the last."""
    dated = dated_stops(doc.stops)
    bounds = date_bounds(dated)
    if bounds is None:
        return []
    first, last = bounds
    span = max((last - first).days, 1)
    return [
        TimelineItem(
            seq=s.seq,
            name=s.name,
            date=date_text(s.date_start, s.date_end, lang),
            position=round((s.date_start - first).days / span, 4) if s.date_start else 0.0,
        )
        for s in dated
    ]


def reading_rows(doc: StoryDoc, lang: str = "en") -> list[dict[str, str]]:
    """How the story was read: one row per place mention, with its role and why, stops first.

    Columns are the interface strings of ``col_place``, ``col_place_ar``,
    ``col_kind``, ``col_role``, ``col_why``, ``col_article``, ``col_words``
    and ``col_sentence`` in ``lang``.
    """
    rows: list[dict[str, str]] = []

    def add(name: str, name_ar: str | None, kind: str, quotes: Iterable[Any], fallback: Iterable[str]) -> None:
        quotes = list(quotes)
        if not quotes:  # a place without quotes (added by hand): still listed, with its roles
            for role in fallback:
                rows.append(_reading_row(lang, name, name_ar, kind, role, "", "", "", ""))
            return
        for q in quotes:
            rows.append(
                _reading_row(
                    lang, name, name_ar, kind, q.role, q.why, _article_title(doc, q.article), q.text, q.sentence
                )
            )

    for stop in doc.stops:
        add(stop.name, stop.name_ar, tr(lang, "kind_stop", seq=stop.seq), stop.quotes, [stop.role])
    for place in doc.places:
        add(place.name, place.name_ar, tr(lang, "kind_context"), place.quotes, place.roles)
    return rows


def _reading_row(
    lang: str, name: str, name_ar: str | None, kind: str, role: str, why: str, article: str, words: str, sentence: str
) -> dict[str, str]:
    return {
        tr(lang, "col_place"): name,
        tr(lang, "col_place_ar"): name_ar or "",
        tr(lang, "col_kind"): kind,
        tr(lang, "col_role"): role_text(role, lang) if role else "",
        tr(lang, "col_why"): why,
        tr(lang, "col_article"): article,
        tr(lang, "col_words"): words,
        tr(lang, "col_sentence"): sentence,
    }


# --------------------------------------------------------------------------- HTML of the cards

_CSS = """<style>
.gs-card{font-size:1.15rem;line-height:1.5}
.gs-card h2{font-size:2rem;margin:.1rem 0 .2rem 0;padding:0}
.gs-card .gs-head{color:#555;font-size:1rem;text-transform:uppercase;letter-spacing:.04em}
.gs-card .gs-ar{font-size:1.7rem;font-weight:600;color:#0b4f8a}
.gs-card .gs-date{font-size:1.4rem;font-weight:700;color:#d9480f}
.gs-card .gs-certainty,.gs-card .gs-source{color:#666;font-size:.95rem}
.gs-card .gs-role{display:inline-block;background:#e7f0fa;color:#0b4f8a;border-radius:1rem;padding:.05rem .7rem}
.gs-card blockquote{border-inline-start:4px solid #0b4f8a;margin:.5rem 0;padding:.2rem .8rem;background:#f7f9fb}
.gs-card mark{background:#ffe8a3}
.gs-card ol{padding-inline-start:1.4rem}
.gs-progress{font-size:1.6rem;font-weight:700;font-variant-numeric:tabular-nums}
.gs-strip{position:relative;height:4.2rem;margin:.4rem 1.5rem 0 1.5rem;border-top:3px solid #9bb5cf}
.gs-tick{position:absolute;top:-.62rem;transform:translateX(-50%);text-align:center;font-size:.85rem;white-space:nowrap}
.gs-dot{display:block;margin:0 auto;width:1rem;height:1rem;border-radius:50%;background:#0b4f8a;border:2px solid #fff}
.gs-tick.gs-now .gs-dot{background:#d9480f;width:1.3rem;height:1.3rem}
.gs-tick.gs-now{font-weight:700;color:#d9480f}
</style>"""


def css() -> str:
    """The presenter's style sheet (cards, progress, timeline strip), large enough for a projector."""
    return _CSS


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _marked(sentence: str, words: str) -> str:
    """The sentence, escaped, with the place's words marked."""
    at = sentence.find(words) if words else -1
    if at < 0:
        return _e(sentence)
    return f"{_e(sentence[:at])}<mark>{_e(words)}</mark>{_e(sentence[at + len(words) :])}"


def card_html(card: Card, lang: str = "en") -> str:
    """The card of a stop as HTML; every text from the story is escaped.

    Classes the tests read: ``gs-name`` (English name), ``gs-ar`` (Arabic
    name), ``gs-date``, ``gs-role``, ``gs-caption``.
    """
    parts = [
        f'<div class="gs-card" data-seq="{card.seq}">',
        f'<div class="gs-head">{_e(card.heading)}</div>',
        f'<h2 class="gs-name" dir="auto">{_e(card.name)}</h2>',
    ]
    if card.name_ar:
        parts.append(f'<div class="gs-ar" lang="ar" dir="rtl">{_e(card.name_ar)}</div>')
    parts.append(f'<div class="gs-date">{_e(card.date)}</div>')
    parts.append(f'<div class="gs-certainty">{_e(card.certainty)}</div>')
    parts.append(
        f'<p><span class="gs-role">{_e(card.role)}</span> <span class="gs-caption" dir="auto">'
        f"{_e(card.caption)}</span></p>"
    )
    if card.also:
        parts.append(f'<p>{_e(tr(lang, "also"))}: <span dir="auto">{_e(", ".join(card.also))}</span></p>')
    if card.quotes:
        parts.append(f"<div><strong>{_e(tr(lang, 'quotes'))}</strong></div>")
    for quote in card.quotes:
        source = _e(f"{quote.source} · {quote.article}")
        if quote.url:
            link = _e(tr(lang, "open_source"))
            source += f' · <a href="{_e(quote.url)}" target="_blank" rel="noopener noreferrer">{link}</a>'
        parts.append(
            f'<blockquote dir="auto">{_marked(quote.sentence, quote.words)}'
            f'<div class="gs-source">{source}{" · " + _e(quote.role) if quote.role else ""}</div></blockquote>'
        )
    parts.append("</div>")
    return "".join(parts)


def _journey_span(doc: StoryDoc, lang: str) -> str:
    bounds = date_bounds(doc.stops)
    return date_text(*bounds, lang) if bounds else tr(lang, "date_unknown")


def title_html(doc: StoryDoc, lang: str = "en") -> str:
    """The title view's card: the story's title, traveller, journey span and its stops in order (escaped)."""
    parts = [
        '<div class="gs-card gs-title" data-seq="0">',
        f'<div class="gs-head">{_e(tr(lang, "title_view"))}</div>',
        f'<h2 class="gs-name">{_e(doc.title or tr(lang, "app_title"))}</h2>',
    ]
    if doc.traveller:
        parts.append(f'<div>{_e(tr(lang, "traveller"))}: <span dir="auto">{_e(doc.traveller)}</span></div>')
    parts.append(
        f'<div class="gs-date">{_e(_journey_span(doc, lang))} · '
        f"{_e(tr(lang, 'stops_count', count=len(doc.stops)))}</div>"
    )
    if not doc.stops:
        parts.append(f"<p>{_e(tr(lang, 'no_stops'))}</p>")
    items = "".join(
        f'<li><span dir="auto">{_e(s.name)}</span>'
        + (f' · <span lang="ar" dir="rtl">{_e(s.name_ar)}</span>' if s.name_ar else "")
        + f" — {_e(date_text(s.date_start, s.date_end, lang))}</li>"
        for s in doc.stops
    )
    parts.append(f"<ol>{items}</ol></div>")
    return "".join(parts)


def timeline_html(items: Sequence[TimelineItem], current: int, lang: str = "en") -> str:
    """The timeline strip: one dot per date, placed by date, naming its stops; the current stop is highlighted."""
    if not items:
        return ""
    groups: dict[float, list[TimelineItem]] = {}
    for item in items:
        groups.setdefault(item.position, []).append(item)
    ticks = []
    for position, group in groups.items():
        now = " gs-now" if any(item.seq == current for item in group) else ""
        seqs = ", ".join(str(item.seq) for item in group)
        names = _e(" · ".join(item.name for item in group))
        ticks.append(
            f'<div class="gs-tick{now}" style="left:{position * 100:.2f}%" title="{names}">'
            f'<span class="gs-dot"></span>{seqs}<br>{_e(group[0].date)}</div>'
        )
    return f'<div class="gs-strip" dir="ltr" aria-label="{_e(tr(lang, "timeline"))}">{"".join(ticks)}</div>'


# --------------------------------------------------------------------------- edits


def _one_line(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def _rebuilt(doc: StoryDoc, stops: Sequence[Mapping[str, Any]]) -> StoryDoc:
    """A validated copy of ``doc`` with ``stops`` (field dicts), renumbered 1..n in the given order."""
    data = doc.model_dump(by_alias=True)
    data["stops"] = [{**stop, "seq": n} for n, stop in enumerate(stops, start=1)]
    try:
        return StoryDoc.model_validate(data)
    except ValidationError as exc:
        raise EditError(_one_line(exc)) from exc


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    return type(value).__name__ in {"NaTType", "NAType"}


def _as_date(value: Any, what: str) -> dt.date | None:
    """A date from a table cell (date, datetime, Timestamp, ISO text) or ``None`` when empty."""
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise EditError(f"{what}: {text!r} is not a date (YYYY-MM-DD)") from None


def _as_float(value: Any, what: str) -> float | None:
    if _missing(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise EditError(f"{what}: {value!r} is not a number") from None
    if not math.isfinite(number):
        raise EditError(f"{what}: {value!r} is not a number")
    return number


def _certainty(value: Any, start: dt.date | None, before: str) -> str:
    """The certainty of an edited stop: unknown without a date; a newly dated stop becomes exact."""
    if start is None:
        return "unknown"
    chosen = before if _missing(value) else str(value)
    if chosen not in _CERTAINTIES:
        raise EditError(f"certainty must be one of {', '.join(_CERTAINTIES)}, not {chosen!r}")
    return "exact" if chosen == "unknown" else chosen


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """A gazetteer place the educator may move a stop to."""

    id: str
    name: str
    name_ar: str | None
    lat: float
    lon: float
    place_type: str
    label: str


def search_places(geocoder: Any, query: str, *, limit: int = 8) -> list[PlaceChoice]:
    """Places of the offline gazetteer named ``query``, best first.

    Parameters
    ----------
    geocoder:
        An :class:`~geo.places.geocoders.OfflineGeocoder` (anything with geopy's ``geocode``).
    query:
        A place name; blank queries find nothing.
    limit:
        Most places returned.
    """
    query = (query or "").strip()
    if not query:
        return []
    found = geocoder.geocode(query, exactly_one=False, limit=limit) or []
    choices = []
    for location in found:
        raw = dict(getattr(location, "raw", {}) or {})
        place_type = raw.get("place_type") if raw.get("place_type") in _PLACE_TYPES else "city"
        name = str(raw.get("name") or location.address)
        name_ar = raw.get("name_ar") or None
        label = f"{location.address} · {name_ar}" if name_ar else str(location.address)
        choices.append(
            PlaceChoice(
                id=str(raw.get("id") or f"{location.latitude:.4f},{location.longitude:.4f}"),
                name=name,
                name_ar=name_ar,
                lat=round(float(location.latitude), 6),
                lon=round(float(location.longitude), 6),
                place_type=str(place_type),
                label=f"{label} ({place_type})",
            )
        )
    return choices


def _place_fields(choice: PlaceChoice) -> dict[str, Any]:
    return {
        "id": choice.id,
        "name": choice.name,
        "name_ar": choice.name_ar,
        "lat": choice.lat,
        "lon": choice.lon,
        "place_type": choice.place_type,
        "uncertainty_km": 0.0,
    }


def _stop_dicts(doc: StoryDoc) -> list[dict[str, Any]]:
    return [s.model_dump() for s in doc.stops]


def _check_seq(doc: StoryDoc, seq: int) -> None:
    if not 1 <= seq <= len(doc.stops):
        raise EditError(f"there is no stop {seq}")


def move_stop(doc: StoryDoc, seq: int, choice: PlaceChoice) -> StoryDoc:
    """Move stop ``seq`` to the gazetteer place ``choice`` (dates, caption and quotes are kept)."""
    _check_seq(doc, seq)
    stops = _stop_dicts(doc)
    stops[seq - 1].update(_place_fields(choice))
    return _rebuilt(doc, stops)


def add_stop(doc: StoryDoc, choice: PlaceChoice, *, after: int | None = None) -> StoryDoc:
    """A new stop at ``choice``, after stop ``after`` (at the end when ``None``), without a date."""
    stops = _stop_dicts(doc)
    position = len(stops) if after is None else max(0, min(int(after), len(stops)))
    stops.insert(position, {**_place_fields(choice), "role": "visit", "caption": "", "seq": position + 1})
    return _rebuilt(doc, stops)


def remove_stop(doc: StoryDoc, seq: int) -> StoryDoc:
    """The story without stop ``seq``; the others are renumbered."""
    _check_seq(doc, seq)
    stops = _stop_dicts(doc)
    del stops[seq - 1]
    return _rebuilt(doc, stops)


def edit_stop(
    doc: StoryDoc,
    seq: int,
    *,
    date_start: Any = None,
    date_end: Any = None,
    caption: str | None = None,
    role: str | None = None,
    certainty: str | None = None,
) -> StoryDoc:
    """Set the dates (``None`` clears them), and optionally the caption, role and certainty, of stop ``seq``.

    Raises
    ------
    EditError
        When a date is not a date, ends before it starts, or the stop does not exist.
    """
    _check_seq(doc, seq)
    stops = _stop_dicts(doc)
    stop = stops[seq - 1]
    start = _as_date(date_start, f"stop {seq} start date")
    end = _as_date(date_end, f"stop {seq} end date")
    stop["date_start"], stop["date_end"] = start, end
    stop["date_certainty"] = _certainty(certainty, start, stop["date_certainty"])
    if caption is not None:
        stop["caption"] = caption.strip()
    if role is not None and role.strip():
        stop["role"] = role.strip()
    return _rebuilt(doc, stops)


#: The table columns of :func:`stop_rows`, in order.
STOP_COLUMNS = (
    "order", "name", "name_ar", "date_start", "date_end", "date_certainty", "role", "caption", "lat", "lon", "id",
)  # fmt: skip


def stop_rows(doc: StoryDoc) -> list[dict[str, Any]]:
    """The stops as table rows for editing: ``order`` (= seq), place, dates, certainty, role, caption, lat, lon, id."""
    return [
        {
            "order": s.seq,
            "name": s.name,
            "name_ar": s.name_ar or "",
            "date_start": s.date_start,
            "date_end": s.date_end,
            "date_certainty": s.date_certainty,
            "role": s.role,
            "caption": s.caption,
            "lat": s.lat,
            "lon": s.lon,
            "id": s.id,
        }
        for s in doc.stops
    ]


def apply_rows(
    doc: StoryDoc,
    rows: Sequence[Mapping[str, Any]],
    *,
    geocode: Callable[[str], PlaceChoice | None] | None = None,
) -> StoryDoc:
    """The story with its stops replaced by the edited table ``rows`` (as from :func:`stop_rows`).

    Rows are sorted by ``order`` (rows without one keep their position) and
    renumbered 1..n. A row whose ``id`` is a stop of ``doc`` keeps that stop's
    quotes and other fields; a new row needs a place: ``lat`` and ``lon``, or
    a ``name`` that ``geocode`` finds. Removed rows are removed stops.

    Raises
    ------
    EditError
        When a date, number or place is invalid; ``doc`` is unchanged.
    """
    known = {s.id: s for s in doc.stops}
    used: set[str] = set()
    keyed = []
    for position, row in enumerate(rows):
        order = _as_float(row.get("order"), f"row {position + 1} order")
        keyed.append(((order if order is not None else position + 1, position), row))
    stops = []
    for (_, position), row in sorted(keyed, key=lambda item: item[0]):
        where = f"row {position + 1}"
        row_id = None if _missing(row.get("id")) else str(row.get("id"))
        base = known.get(row_id) if row_id and row_id not in used else None
        if base is not None:
            used.add(base.id)
            stop = base.model_dump()
        else:
            stop = _new_row_place(row, where, geocode)
        for field in ("name", "name_ar", "role", "caption"):
            if field in row and not (field == "name" and _missing(row[field])):
                stop[field] = None if field == "name_ar" and _missing(row[field]) else str(row[field] or "").strip()
        for field in ("lat", "lon"):
            value = _as_float(row.get(field), f"{where} {field}")
            if value is not None:
                stop[field] = value
        start = _as_date(row.get("date_start"), f"{where} start date")
        stop["date_start"] = start
        stop["date_end"] = _as_date(row.get("date_end"), f"{where} end date")
        stop["date_certainty"] = _certainty(row.get("date_certainty"), start, stop.get("date_certainty", "unknown"))
        stops.append(stop)
    return _rebuilt(doc, stops)


def _new_row_place(
    row: Mapping[str, Any], where: str, geocode: Callable[[str], PlaceChoice | None] | None
) -> dict[str, Any]:
    name = "" if _missing(row.get("name")) else str(row.get("name")).strip()
    lat, lon = _as_float(row.get("lat"), f"{where} lat"), _as_float(row.get("lon"), f"{where} lon")
    if lat is not None and lon is not None:
        fields = {
            "id": f"manual:{lat:.4f},{lon:.4f}",
            "name": name or f"{lat:.4f}, {lon:.4f}",
            "lat": lat,
            "lon": lon,
            "place_type": "city",
        }
    else:
        choice = geocode(name) if geocode and name else None
        if choice is None:
            raise EditError(f"{where}: a new stop needs a place the gazetteer knows, or a latitude and longitude")
        fields = _place_fields(choice)
    return {**fields, "role": "visit", "caption": "", "date_certainty": "unknown", "quotes": [], "also": []}


# --------------------------------------------------------------------------- files


def _safe_name(name: str, fallback: str) -> str:
    base = Path(str(name or "")).name
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = _SAFE_NAME.sub("_", stem).strip("._")[:80] or fallback
    return f"{stem}{suffix}"


def check_upload(name: str, data: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES) -> str:
    """Vet an uploaded article: its type, size, emptiness and encoding; returns its text.

    Raises
    ------
    UploadError
        With a one-line message naming the file (wrong type, empty, over
        ``max_bytes``, binary, or not UTF-8/UTF-16/Windows-1256 text).
    """
    shown = Path(str(name or "upload")).name or "upload"
    suffix = Path(shown).suffix.lower().lstrip(".")
    if suffix not in ARTICLE_TYPES:
        raise UploadError(f"{shown}: not an article file (.{', .'.join(ARTICLE_TYPES)})")
    if len(data) > max_bytes:
        raise UploadError(f"{shown}: {len(data):,} bytes, over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise UploadError(f"{shown}: empty file")
    try:
        return decode_bytes(data, source=shown)
    except GeoStoryError as exc:
        raise UploadError(str(exc)) from exc


def read_uploads(
    files: Sequence[tuple[str, bytes]],
    pasted: str = "",
    *,
    progress: Callable[[str], None] | None = None,
    max_bytes: int = MAX_UPLOAD_BYTES,
) -> list[Article]:
    """The articles of uploaded files and pasted text, read exactly as the command line reads files.

    Every file is checked (:func:`check_upload`) before any is read; they are
    written to a private temporary folder and read with
    :func:`~geo.text.reading.read_article_file`.

    Parameters
    ----------
    files:
        ``(file name, bytes)`` pairs.
    pasted:
        Text pasted by the user (an article of its own, ``pasted.txt``).
    progress:
        Called with each file's name before it is checked.
    max_bytes:
        Largest file accepted.

    Raises
    ------
    UploadError
        When there is nothing to read or a file cannot be used.
    """
    items = list(files)
    if pasted and pasted.strip():
        items.append(("pasted.txt", pasted.encode("utf-8")))
    if not items:
        raise UploadError("no article: upload a file or paste some text")
    for name, data in items:
        if progress is not None:
            progress(Path(str(name)).name)
        check_upload(name, data, max_bytes=max_bytes)
    articles: list[Article] = []
    with tempfile.TemporaryDirectory(prefix="geostory-upload-") as tmp:
        seen: set[str] = set()
        for number, (name, data) in enumerate(items, start=1):
            safe = _safe_name(name, f"article{number}")
            if safe.lower() in seen:
                safe = f"{number:03d}_{safe}"
            seen.add(safe.lower())
            path = Path(tmp) / safe
            path.write_bytes(data)
            try:
                articles.extend(read_article_file(path, max_bytes=max_bytes))
            except GeoStoryError as exc:
                raise UploadError(str(exc)) from exc
    return articles


def story_from_bytes(data: bytes, *, name: str = "story.json", max_bytes: int = MAX_UPLOAD_BYTES) -> StoryDoc:
    """A ``story.json`` upload, validated exactly as :func:`~geo.story.document.load_story` validates a file.

    Raises
    ------
    UploadError
        When it is too large, not JSON or not a valid story (one line).
    """
    shown = _safe_name(name, "story") or "story.json"
    if len(data) > max_bytes:
        raise UploadError(f"{shown}: {len(data):,} bytes, over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise UploadError(f"{shown}: empty file")
    with tempfile.TemporaryDirectory(prefix="geostory-story-") as tmp:
        path = Path(tmp) / shown
        path.write_bytes(data)
        try:
            return load_story(path)
        except GeoStoryError as exc:
            raise UploadError(str(exc)) from exc


def story_bytes(doc: StoryDoc) -> bytes:
    """``story.json`` as :func:`~geo.story.document.save_story` writes it."""
    with tempfile.TemporaryDirectory(prefix="geostory-save-") as tmp:
        return save_story(doc, Path(tmp) / "story.json").read_bytes()


def story_hash(doc: StoryDoc) -> str:
    """A short fingerprint of the story's content (the map is cached per fingerprint)."""
    text = json.dumps(doc.model_dump(mode="json", by_alias=True), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ExportFile:
    """A download: its label key in :data:`STRINGS`, file name, MIME type and how to make its bytes."""

    label: str
    file_name: str
    mime: str
    make: Callable[[], bytes]


def _gpkg_bytes(doc: StoryDoc) -> bytes:
    from geo.outputs.geopackage import write_gpkg

    with tempfile.TemporaryDirectory(prefix="geostory-gpkg-") as tmp:
        return write_gpkg(doc, Path(tmp) / "story.gpkg").read_bytes()


def export_files(doc: StoryDoc) -> list[ExportFile]:
    """The downloads of a story; each file is made only when asked for (``make()``)."""
    from geo.outputs.csv_table import story_csv
    from geo.outputs.geojson import story_geojson
    from geo.outputs.kml import story_kml
    from geo.outputs.storymapjs import story_storymap
    from geo.outputs.webmap import render_map

    def dumped(data: Any) -> bytes:
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    return [
        ExportFile("dl_html", "story.html", "text/html", lambda: render_map(doc).encode("utf-8")),
        ExportFile("dl_geojson", "story.geojson", "application/geo+json", lambda: dumped(story_geojson(doc))),
        ExportFile("dl_gpkg", "story.gpkg", "application/geopackage+sqlite3", lambda: _gpkg_bytes(doc)),
        ExportFile("dl_kml", "story.kml", "application/vnd.google-earth.kml+xml", lambda: story_kml(doc).encode()),
        ExportFile("dl_storymap", "storymap.json", "application/json", lambda: dumped(story_storymap(doc))),
        ExportFile("dl_csv", "stops.csv", "text/csv", lambda: story_csv(doc).encode("utf-8")),
    ]


# --------------------------------------------------------------------------- the map


_HIDE_PANEL = (
    "<style>"
    ".sm-panel{display:none!important}"
    ".sm-map{display:none}"  # the page's own map div; streamlit-folium draws into its own #map_div
    "#map_div{width:100%!important}"
    ".leaflet-marker-icon.sm-here{filter:none}"
    "</style>"
)


def _local_url(url: str) -> str:
    """A ``data:`` URL of the pinned local copy of a jsDelivr asset, or ``url`` when there is none."""
    import base64

    from geo.outputs.webmap import PINNED, assets_dir

    match = re.match(r"^https://cdn\.jsdelivr\.net/npm/([^@/]+)@([^/]+)/(.+)$", url)
    if not match or PINNED.get(match[1]) != match[2]:
        return url
    path = assets_dir() / "node_modules" / match[1] / match[3]
    try:
        data = path.read_bytes()
    except OSError:
        return url
    if path.suffix == ".css":  # relative image URLs would break in a data: URL: embed the images
        text = re.sub(rb"url\(images/([\w.-]+\.png)\)", lambda m: _image_url(path.parent / "images", m[1]), data)
        return "data:text/css;base64," + base64.b64encode(text).decode("ascii")
    return "data:text/javascript;base64," + base64.b64encode(data).decode("ascii")


def _image_url(folder: Path, name: bytes) -> bytes:
    import base64

    try:
        data = (folder / name.decode("ascii")).read_bytes()
    except OSError:
        return b"url(data:,)"
    return b"url(data:image/png;base64," + base64.b64encode(data) + b")"


def _walk(element: Any) -> Iterable[Any]:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def map_for_app(doc: StoryDoc) -> folium.Map:
    """The story's folium map (:func:`~geo.outputs.webmap.build_map`) made to work offline inside streamlit-folium.

    streamlit-folium loads each element's ``default_js``/``default_css`` by
    URL: the jsDelivr ones are replaced, on the instances, by ``data:`` URLs
    of the pinned files under ``assets/``, so the map draws with no network.
    The page's own reading panel is hidden (the presenter shows its own
    cards). No story text is added to the map here.
    """
    from geo.outputs.webmap import build_map

    m = build_map(doc, cdn=False)
    for element in _walk(m):
        for attr in ("default_js", "default_css"):
            links = getattr(element, attr, None)
            if links:
                setattr(element, attr, [(name, _local_url(url)) for name, url in links])
    m.get_root().header.add_child(folium.Element(_HIDE_PANEL), name="presenter_style")
    return m


def progress_layer(doc: StoryDoc, index: int) -> folium.FeatureGroup:
    """The route travelled so far (dated stops up to stop ``index``) and a ring on the current stop.

    Only coordinates go into this layer (no story text).
    """
    group = folium.FeatureGroup(name="progress", control=False)
    if index < 1 or index > len(doc.stops):
        return group
    from geo.outputs.webmap import route_legs

    for leg in route_legs(list(doc.stops[:index])):
        folium.PolyLine(leg["path"], color="#d9480f", weight=6, opacity=0.85, interactive=False).add_to(group)
    current = doc.stops[index - 1]
    folium.CircleMarker(
        location=[current.lat, current.lon],
        radius=22,
        color="#d9480f",
        weight=4,
        fill=False,
        interactive=False,
    ).add_to(group)
    return group
