"""The presenter's interface in English and Arabic: every string, its lookup, and the page's direction.

:data:`STRINGS` holds every interface string per language, with the same keys
in both; :func:`tr` looks one up and fills its ``{name}`` fields;
:func:`role_text`, :func:`certainty_text` and :func:`date_text` put a stop's
role, date certainty and dates in words; :func:`rtl_css` turns the page right
to left for Arabic.
"""

from __future__ import annotations

import datetime as dt

from geo.dates.wording import date_range_text
from geo.model import Role
from geo.story.document import StopDoc

__all__ = [
    "LANGUAGES",
    "STRINGS",
    "UPLOADERS",
    "certainty_text",
    "date_text",
    "is_rtl",
    "role_text",
    "rtl_css",
    "stop_name",
    "tr",
]

#: Interface languages: code -> name shown in the switch.
LANGUAGES: dict[str, str] = {"en": "English", "ar": "العربية"}

#: Every interface string, per language. Keys are the same in both; ``{name}`` fields are filled by :func:`tr`.
STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "legend": "Map key",
        "key_exact": "stop, exact date",
        "key_approximate": "stop, approximate date",
        "key_undated": "stop without a date",
        "key_route": "route in date order",
        "key_travelled": "route travelled so far",
        "key_current": "current stop",
        "key_plan": "current stop, a plan (announced)",
        "key_circle": "how far a vague place may be",
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
        "how_read": "How the story was read",
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
        "undo": "↶ Undo",
        "tiles": "Online map tiles",
        "tiles_help": "Off: the map draws from the bundled outlines only, with no network. "
        "On: street-map tiles from CARTO / OpenStreetMap are fetched over the internet.",
        "redo": "↷ Redo",
        "edit_error": "The edit was not applied: {message}",
        "articles_upload": "Your articles (.txt, .md, .html)",
        "paste": "Or paste an article’s text",
        "build": "Build the story",
        "building": "Building the story…",
        "checking": "Checking {name}",
        "reading": "Finding places and dates in {count} articles",
        "reading_step": "Read {done} of {count} articles (stops in {seconds} s if not done)",
        "drawing": "Drawing the map",
        "built": "Story built: {count} stops.",
        "nothing_to_build": "Upload an article or paste some text first.",
        "upload_error": "That file cannot be used, the current story is unchanged: {message}",
        "bundled": "Back to the bundled story",
        "story_json": "Story file (story.json)",
        "save_story": "Save story.json",
        "load_story": "Load a story.json",
        "upload_button": "Browse files",
        "skip_to_content": "Skip to main content",
        "upload_limit": "up to {mb} MB per file",
        "upload_kinds_json": "JSON",
        "upload_kinds_articles": "TXT, MD, HTML",
        "loaded": "Story loaded: {title}.",
        "downloads": "Downloads",
        "dl_html": "Story map (story.html)",
        "dl_geojson": "GeoJSON",
        "dl_gpkg": "GeoPackage",
        "dl_kml": "KML tour (Google Earth)",
        "dl_storymap": "StoryMapJS JSON",
        "dl_csv": "Stops (CSV)",
        "dl_pptx": "Slides for the classroom (PowerPoint)",
        "dl_pdf": "Printable handout (PDF)",
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
        "geocoder": "Online geocoder",
        "geocoder_help": "Off by default. When on, the names the offline gazetteer cannot place are looked up "
        "online, in a story you build and in the place search; every answer is cached, and a public server gets "
        "at most one request a second.",
        "geocoder_service": "Service",
        "geocoder_off": "Off (offline only)",
        "geocoder_url": "Server URL (optional; Pelias needs yours)",
        "geocoder_agent": "User agent (required by the public servers)",
        "geocoder_error": "The online geocoder stays off: {message}",
        "geocoder_on": "On: the names the gazetteer cannot place are looked up with {service}.",
        "search_place_online": "Find a place (offline gazetteer, then {service})",
        "no_match_online": "No place of that name in the gazetteer or online.",
        "search_error": "The place search failed: {message}",
        "lookups": "online geocoder: {total} names looked up, {placed} placed, {failed} failed",
    },
    "ar": {
        "legend": "دليل الخريطة",
        "key_exact": "محطة بتاريخ مؤكد",
        "key_approximate": "محطة بتاريخ تقريبي",
        "key_undated": "محطة بلا تاريخ",
        "key_route": "المسار بترتيب التواريخ",
        "key_travelled": "ما قُطع من المسار حتى الآن",
        "key_current": "المحطة الحالية",
        "key_plan": "المحطة الحالية، خطة معلنة",
        "key_circle": "المدى الذي قد يقع فيه مكان مبهم",
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
        "how_read": "كيف قُرئت القصة",
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
        "undo": "↶ تراجع",
        "tiles": "خرائط أساس عبر الإنترنت",
        "tiles_help": "متوقف: تُرسم الخريطة من الحدود المرفقة فقط، دون اتصال. "
        "مُشغَّل: تُجلب مربعات خريطة الشوارع من CARTO / OpenStreetMap عبر الإنترنت.",
        "redo": "↷ إعادة",
        "edit_error": "لم يُطبّق التعديل: {message}",
        "articles_upload": "مقالاتك (.txt و.md و.html)",
        "paste": "أو الصق نص مقال",
        "build": "ابنِ القصة",
        "building": "جارٍ بناء القصة…",
        "checking": "فحص {name}",
        "reading": "البحث عن الأماكن والتواريخ في {count} مقالات",
        "reading_step": "قُرئ {done} من {count} مقالات (تتوقف القراءة بعد {seconds} ثانية إن لم تنتهِ)",
        "drawing": "رسم الخريطة",
        "built": "بُنيت القصة: {count} محطات.",
        "nothing_to_build": "ارفع مقالًا أو الصق نصًا أولًا.",
        "upload_error": "لا يمكن استخدام هذا الملف، ولم تتغير القصة الحالية: {message}",
        "bundled": "العودة إلى القصة المرفقة",
        "story_json": "ملف القصة (story.json)",
        "save_story": "احفظ story.json",
        "load_story": "حمّل ملف story.json",
        "upload_button": "اختر ملفات",
        "skip_to_content": "انتقل إلى المحتوى الرئيسي",
        "upload_limit": "حتى {mb} ميغابايت للملف",
        "upload_kinds_json": "JSON",
        "upload_kinds_articles": "TXT و MD و HTML",
        "loaded": "حُمّلت القصة: {title}.",
        "downloads": "التنزيلات",
        "dl_html": "خريطة القصة (story.html)",
        "dl_geojson": "GeoJSON",
        "dl_gpkg": "GeoPackage",
        "dl_kml": "جولة KML (Google Earth)",
        "dl_storymap": "StoryMapJS JSON",
        "dl_csv": "المحطات (CSV)",
        "dl_pptx": "شرائح للصف (PowerPoint)",
        "dl_pdf": "نشرة للطباعة (PDF)",
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
        "geocoder": "تحديد المواقع عبر الإنترنت",
        "geocoder_help": "متوقف افتراضيًا. عند تشغيله يُبحث عبر الإنترنت عن الأسماء التي لا يحدد المعجم الجغرافي "
        "مكانها، في القصة التي تبنيها وفي البحث عن مكان؛ تُحفظ كل إجابة، ولا يتلقى الخادم العام أكثر من طلب "
        "واحد في الثانية.",
        "geocoder_service": "الخدمة",
        "geocoder_off": "متوقف (دون اتصال فقط)",
        "geocoder_url": "عنوان الخادم (اختياري؛ تحتاج Pelias إلى خادمك)",
        "geocoder_agent": "وكيل المستخدم (مطلوب للخوادم العامة)",
        "geocoder_error": "يبقى تحديد المواقع عبر الإنترنت متوقفًا: {message}",
        "geocoder_on": "مُشغَّل: يُبحث عن الأسماء التي لا يحدد المعجم الجغرافي مكانها عبر {service}.",
        "search_place_online": "ابحث عن مكان (المعجم الجغرافي دون اتصال، ثم {service})",
        "no_match_online": "لا يوجد مكان بهذا الاسم في المعجم الجغرافي ولا عبر الإنترنت.",
        "search_error": "تعذّر البحث عن المكان: {message}",
        "lookups": "تحديد المواقع عبر الإنترنت: بُحث عن {total} أسماء، وحُدّد مكان {placed}، وفشل {failed}",
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


#: The file uploaders of the page (their widget keys) and the kinds of file each takes.
UPLOADERS: dict[str, str] = {"story-upload": "upload_kinds_json", "article-upload": "upload_kinds_articles"}


def _streamlit_words_css(lang: str, upload_mb: int) -> str:
    """CSS that writes Streamlit's own words (the file uploaders' button and size limit, the skip link) in
    ``lang``: Streamlit has no setting for them, so its text is set to size 0 and the translation drawn in its
    place."""
    button = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
    limit = '[data-testid="stFileUploaderDropzoneInstructions"] span'
    rules = [
        f"{button}, {limit} {{ font-size: 0; }}",
        f'{button}::after {{ content: "{tr(lang, "upload_button")}"; font-size: 0.875rem; }}',
        '[data-testid="stSkipToContent"] { font-size: 0; }',
        f'[data-testid="stSkipToContent"]::after {{ content: "{tr(lang, "skip_to_content")}"; font-size: 1rem; }}',
    ]
    size = tr(lang, "upload_limit", mb=upload_mb)
    for key, kinds in UPLOADERS.items():
        rules.append(f'.st-key-{key} {limit}::after {{ content: "{size} • {tr(lang, kinds)}"; font-size: 0.875rem; }}')
    return "".join(rules)


def rtl_css(*, upload_mb: int = 200) -> str:
    """CSS that lays the Streamlit page out right to left (the map and tables keep their own direction), with
    the file uploaders' words in Arabic (``upload_mb``: the server's upload limit, ``server.maxUploadSize``)."""
    return (
        "<style>"
        '[data-testid="stMain"], [data-testid="stSidebar"] { direction: rtl; text-align: right; }'
        '[data-testid="stMain"] iframe, [data-testid="stDataFrame"], [data-testid="stDataEditor"]'
        " { direction: ltr; }"
        '[data-testid="stMarkdownContainer"] { text-align: right; }'
        + _streamlit_words_css("ar", upload_mb)
        + "</style>"
    )


def stop_name(stop: StopDoc, *, lang: str) -> str:
    """A stop's name in the interface's language: its Arabic name on the Arabic interface when it has one."""
    return (stop.name_ar or stop.name) if lang == "ar" else stop.name


def role_text(role: Role, *, lang: str = "en") -> str:
    """A role (``Role.VISIT``, ``Role.DATELINE``…) in words, in ``lang``: every :class:`~geo.model.Role` has them."""
    return tr(lang, f"role_{role}")


def certainty_text(certainty: str, *, lang: str = "en") -> str:
    """How sure a stop's date is (a :class:`~geo.model.Certainty`), in words, in ``lang``."""
    return tr(lang, f"certainty_{certainty}")


def date_text(start: dt.date | None, end: dt.date | None, *, lang: str = "en") -> str:
    """A date or range in words: ``15 September 2023``, ``15–17 September 2023``, or "date unknown".

    Parameters
    ----------
    start, end:
        The stop's dates (``end`` may be ``None`` or equal to ``start``).
    lang:
        Interface language.
    """
    return date_range_text(start, end, lang=lang, unknown=tr(lang, "date_unknown"))
