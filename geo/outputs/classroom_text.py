"""What the classroom files (``story.pptx``, ``story.pdf``) say: the story's language, its words, each stop's texts.

The slides and the handout speak the story's language (Arabic when most of
its articles are Arabic, else English), with Arabic month names for Arabic.
:func:`stop_texts` is the one place that says what a stop's slide and row
tell (date, place, headline, the sentence that shows the traveller there,
the source by outlet, title and date — never a file name). Article text is
untrusted: :func:`clean` drops control and direction-override characters and
lone surrogates, folds white space and cuts long text, so no file breaks on it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from geo.dates.wording import date_range_text, day_text
from geo.model import Certainty, Role
from geo.outputs.links import safe_url
from geo.outputs.webmap.html_text import ARABIC_LETTER
from geo.story.document import (
    ArticleDoc,
    Quote,
    StopDoc,
    StoryDoc,
    date_bounds,
    doc_language,
    stop_headline,
    traveller_in,
)
from geo.story.happened import source_label

__all__ = [
    "WORDS",
    "StopTexts",
    "SourceRow",
    "TitleTexts",
    "story_language",
    "is_rtl",
    "clean",
    "place_name",
    "stop_texts",
    "title_texts",
    "source_rows",
]

#: The words of the classroom files, per language (the same keys in both).
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "traveller": "Traveller: {name}",
        "stops_count": "{count} stops",
        "one_stop": "1 stop",
        "dates_unknown": "dates unknown",
        "date_unknown": "date unknown",
        "about": "about {date}",
        "stops": "Stops",
        "sources": "Sources",
        "col_seq": "#",
        "col_date": "Date",
        "col_place": "Place",
        "col_headline": "What happened",
        "col_outlet": "Outlet",
        "col_title": "Title",
        "col_url": "Link",
        "untitled": "Untitled story",
        "map_alt": "Map of the route: {places}",
        "stop_of": "Stop {seq} of {total}",
        "credit": "Outlines: Natural Earth",
    },
    "ar": {
        "traveller": "المسافر: {name}",
        "stops_count": "عدد المحطات: {count}",
        "one_stop": "محطة واحدة",
        "dates_unknown": "تواريخ غير معروفة",
        "date_unknown": "تاريخ غير معروف",
        "about": "نحو {date}",
        "stops": "المحطات",
        "sources": "المصادر",
        "col_seq": "#",
        "col_date": "التاريخ",
        "col_place": "المكان",
        "col_headline": "ما جرى",
        "col_outlet": "الوسيلة",
        "col_title": "العنوان",
        "col_url": "الرابط",
        "untitled": "قصة بلا عنوان",
        "map_alt": "خريطة المسار: {places}",
        "stop_of": "المحطة {seq} من {total}",
        "credit": "الحدود: Natural Earth",
    },
}

#: The longest sentence a slide or row shows, in characters (longer ones are cut at a word).
SENTENCE_CHARS = 320
#: The longest title or other single line, in characters.
LINE_CHARS = 160
#: Direction overrides and isolates: article text must not turn the layout around it.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


@dataclass(frozen=True, slots=True)
class StopTexts:
    """What a stop's slide and handout row say, in the story's language."""

    seq: int
    date: str
    place: str
    headline: str
    sentence: str
    source: str


@dataclass(frozen=True, slots=True)
class SourceRow:
    """An article of the story as a source: outlet, title, publication date, link (``""`` when unknown)."""

    outlet: str
    title: str
    date: str
    url: str


@dataclass(frozen=True, slots=True)
class TitleTexts:
    """The title slide's and the handout's heading: title, traveller line, date span, number of stops."""

    title: str
    traveller: str
    dates: str
    stops: str


def story_language(doc: StoryDoc) -> str:
    """The slides' and handout's language: ``"ar"`` when the story is told in Arabic
    (:func:`~geo.story.document.doc_language`; with no article, when its title is Arabic), else ``"en"``."""
    if doc.articles:
        return "ar" if doc_language(doc) == "ar" else "en"
    return "ar" if ARABIC_LETTER.search(doc.title) else "en"


def is_rtl(lang: str) -> bool:
    """Whether text in ``lang`` runs right to left."""
    return lang == "ar"


def _keep(char: str) -> bool:
    """A character a file may hold: no control (but for white space), no surrogate, no direction override."""
    kind = unicodedata.category(char)
    return kind not in ("Cc", "Cs", "Co", "Cn") and char not in _BIDI_CONTROLS


def clean(text: str | None, *, limit: int = LINE_CHARS) -> str:
    """``text`` made safe for a slide or a PDF: one line, no control characters or lone surrogates, at most
    ``limit`` characters (cut at a word, with an ellipsis)."""
    spaced = "".join(ch if _keep(ch) else " " for ch in (text or "") if _keep(ch) or ch.isspace())
    folded = " ".join(spaced.split())
    if len(folded) <= limit:
        return folded
    cut = folded[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:،؛") + "…"


def _words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def place_name(stop: StopDoc, *, lang: str) -> str:
    """A stop's name in the story's language (its Arabic name for Arabic, when it has one)."""
    return clean(stop.name_ar if lang == "ar" and stop.name_ar else stop.name)


def _date(stop: StopDoc, *, lang: str) -> str:
    words = _words(lang)
    text = date_range_text(stop.date_start, stop.date_end, lang=lang, unknown=words["date_unknown"])
    approximate = stop.date_start is not None and stop.date_certainty == Certainty.APPROXIMATE
    return words["about"].format(date=text) if approximate else text


def _lead_quote(stop: StopDoc) -> Quote | None:
    """The quote that shows the traveller there: one with the stop's own role, else any stop role, else the
    first (a capital standing for its government, or named in passing, never leads when another will do)."""
    for wanted in ({stop.role}, set(Role.stops())):
        for quote in stop.quotes:
            if quote.role in wanted:
                return quote
    return stop.quotes[0] if stop.quotes else None


def _source(quote: Quote | None, articles: dict[str, tuple[int, ArticleDoc]], *, lang: str) -> str:
    """A quote's source by outlet, title and publication date; never the file name (the url's host, else
    "article N", stands for a missing outlet)."""
    if quote is None:
        return ""
    index, article = articles.get(quote.article, (len(articles), None))
    title = clean(article.title) if article else ""
    outlet = clean(_outlet(article, quote, index=index))
    date = day_text(article.published, lang=lang) if article and article.published else ""
    quoted = (f"«{title}»" if lang == "ar" else f"“{title}”") if title else ""
    return ("، " if lang == "ar" else ", ").join(p for p in (outlet, quoted, date) if p)


def _outlet(article: ArticleDoc | None, quote: Quote | None, *, index: int) -> str:
    """The outlet of an article (or of a quote the story does not list), never empty."""
    if article is not None:
        return source_label(index=index, source=article.source, url=article.url)
    return source_label(index=index, source=quote.source if quote else None, url=quote.url if quote else None)


def stop_texts(stop: StopDoc, doc: StoryDoc, *, lang: str) -> StopTexts:
    """What a stop's slide and handout row say: date, place, headline, the sentence, its source.

    The headline is the stop's event (:func:`~geo.story.document.stop_headline`) and the sentence its
    "what happened" quote, else the quote that best shows the traveller there.
    """
    quote = stop.happened or _lead_quote(stop)
    articles = {a.name: (i, a) for i, a in enumerate(doc.articles)}
    return StopTexts(
        seq=stop.seq,
        date=_date(stop, lang=lang),
        place=place_name(stop, lang=lang),
        headline=clean(stop_headline(stop, lang)),
        sentence=clean((quote.sentence or quote.text) if quote else "", limit=SENTENCE_CHARS),
        source=_source(quote, articles, lang=lang),
    )


def title_texts(doc: StoryDoc, *, lang: str) -> TitleTexts:
    """The story's title, traveller line, date span and number of stops, in ``lang``."""
    words = _words(lang)
    bounds = date_bounds(doc.stops)
    if bounds is None:
        dates = words["dates_unknown"]
    else:
        first, last = bounds
        dates = date_range_text(first, last, lang=lang)
    count = len(doc.stops)
    return TitleTexts(
        title=clean(doc.title) or words["untitled"],
        traveller=words["traveller"].format(name=clean(traveller_in(doc, lang))) if clean(doc.traveller) else "",
        dates=dates,
        stops=words["one_stop"] if count == 1 else words["stops_count"].format(count=count),
    )


def source_rows(doc: StoryDoc, *, lang: str) -> list[SourceRow]:
    """The story's articles as sources, in corpus order, each once (an article told in two parts counts once)."""
    rows: list[SourceRow] = []
    for index, article in enumerate(doc.articles):
        row = SourceRow(
            outlet=clean(_outlet(article, None, index=index)),
            title=clean(article.title),
            date=day_text(article.published, lang=lang) if article.published else "",
            url=clean(safe_url(article.url) or "", limit=300),
        )
        if row not in rows:
            rows.append(row)
    return rows
