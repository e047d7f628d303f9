"""Text the exports share: coordinates as fixed text, a stop's date and headline, the story's summary line,
and the HTML of a stop or place for KML balloons and StoryMapJS slides.

Article text is untrusted data: every piece of it that goes into HTML here
is escaped, and links are kept only for ``http``/``https`` addresses.
"""

from __future__ import annotations

import html
import re

from geo.dates.wording import date_range_text, day_text
from geo.model import Certainty
from geo.outputs.links import safe_url
from geo.outputs.webmap.html_text import text_attrs as dir_attrs  # the one direction rule of every output
from geo.outputs.webmap.html_text import written_in
from geo.outputs.words import direction, word
from geo.story.document import ArticleDoc, PlaceDoc, Quote, StopDoc, StoryDoc, date_bounds, stop_headline
from geo.story.happened import source_label

__all__ = [
    "PRECISION",
    "escape",
    "well_formed",
    "num",
    "date_label",
    "headline",
    "summary",
    "stop_html",
    "stop_caption",
    "place_html",
    "dir_attrs",
]

#: Decimals of a coordinate in every export (about 0.1 m).
PRECISION = 6

_SURROGATE = re.compile("[\ud800-\udfff]")


def well_formed(text: str) -> str:
    """``text`` with every lone surrogate (from a ``\\udXXX`` escape in story.json) replaced by U+FFFD, so
    that it encodes as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def escape(text: str | None) -> str:
    """``text`` HTML-escaped (quotes too), never interpreted."""
    return html.escape(text or "", quote=True)


def num(value: float) -> str:
    """A coordinate as fixed, locale-free text (six decimals, trailing zeros dropped)."""
    text = f"{round(value, PRECISION):.{PRECISION}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def date_label(stop: StopDoc) -> str:
    """The date of a stop for a reader: ``1 May 2024``, ``1–3 May 2024``, ``about …`` or ``date unknown``."""
    label = date_range_text(stop.date_start, stop.date_end)
    return f"about {label}" if stop.date_start and stop.date_certainty == Certainty.APPROXIMATE else label


def _date_in(stop: StopDoc, lang: str) -> str:
    """The stop's date in ``lang`` (Arabic month names on an Arabic page), ``approx.`` after an approximate one."""
    text = date_range_text(stop.date_start, stop.date_end, lang=lang, unknown=word(lang, "date_unknown"))
    if stop.date_start and stop.date_certainty == Certainty.APPROXIMATE:
        text += f" ({word(lang, 'approx')})"
    return text


def _date_span(doc: StoryDoc) -> str:
    bounds = date_bounds(doc.stops)
    if bounds is None:
        return "dates unknown"
    first, last = bounds
    return day_text(first) if first == last else f"{day_text(first)} – {day_text(last)}"


def headline(stop: StopDoc) -> str:
    """``2. Aleppo``: a stop's number and name."""
    return f"{stop.seq}. {stop.name}"


def summary(doc: StoryDoc) -> str:
    """A one-line plain-text summary: traveller, number of stops, date span."""
    count = len(doc.stops)
    parts = [f"Traveller: {doc.traveller}"] if doc.traveller else []
    parts.append(f"{count} stop{'' if count == 1 else 's'}")
    parts.append(_date_span(doc))
    return " · ".join(parts)


def _quote_source(quote: Quote, articles: dict[str, ArticleDoc]) -> str:
    """A quote's article by outlet, title and date (the url's host, else "article N"), never its file name."""
    names = list(articles)
    index = names.index(quote.article) if quote.article in names else len(names)
    article = articles.get(quote.article)
    if article is None:
        return source_label(index=index, source=quote.source, url=quote.url)
    return source_label(
        index=index,
        source=article.source or quote.source,
        title=article.title,
        published=article.published,
        url=article.url or quote.url,
    )


def _quote_html(quote: Quote, articles: dict[str, ArticleDoc] | None = None) -> str:
    """One quote: its sentence (the mention in bold) and its source, all escaped."""
    sentence = quote.sentence or quote.text
    at = sentence.find(quote.text) if quote.text else -1
    article = (articles or {}).get(quote.article)
    if at >= 0:
        body = f"{escape(sentence[:at])}<b>{escape(quote.text)}</b>{escape(sentence[at + len(quote.text) :])}"
    else:
        body = escape(sentence)
    source = _quote_source(quote, articles or {})
    url = safe_url(quote.url)
    cite = f'<a href="{escape(url)}">{escape(source)}</a>' if url else escape(source)
    lang = article.language if article is not None else None
    return f"<blockquote><div{dir_attrs(sentence, lang)}>{body}</div><p{dir_attrs(source)}>— {cite}</p></blockquote>"


def _quotes_html(quotes: list[Quote], articles: dict[str, ArticleDoc] | None = None) -> str:
    return "".join(_quote_html(q, articles) for q in quotes)


def stop_caption(stop: StopDoc, articles: list[ArticleDoc] = (), *, lang: str = "en") -> str:
    """A stop in one line of plain text: its event (in ``lang``), the sentence that shows it and its article."""
    parts = [stop_headline(stop, lang)]
    if stop.happened is not None:
        by_name = {a.name: a for a in articles}
        parts.append(f"“{stop.happened.sentence or stop.happened.text}” ({_quote_source(stop.happened, by_name)})")
    return " — ".join(parts)


def stop_html(stop: StopDoc, *, heading: bool, articles: list[ArticleDoc] = (), lang: str = "en") -> str:
    """The body of a stop: its event in ``lang`` (and in English or Arabic beside it), date, the sentence that
    shows it and its source, places seen with it, then how the story was read (role, reasoning, every quote)
    (``heading``: its headline first). Every piece carries its own ``lang``/``dir``."""
    by_name = {a.name: a for a in articles}
    parts = [f"<h3>{escape(headline(stop))}</h3>"] if heading else []
    event = stop_headline(stop, lang)
    parts.append(f'<p lang="{lang}" dir="{direction(lang)}"><b>{written_in(event, lang)}</b></p>')
    other = "en" if lang == "ar" else "ar"
    if other == "en" or stop.name_ar:
        parts.append(f'<p lang="{other}" dir="{direction(other)}">{written_in(stop_headline(stop, other), other)}</p>')
    ui = f' lang="{lang}" dir="{direction(lang)}"'
    parts.append(f"<p{ui}><b>{escape(word(lang, 'date_label'))}:</b> {escape(_date_in(stop, lang))}</p>")
    if stop.happened is not None:
        parts.append(_quote_html(stop.happened, by_name))
    if stop.also:
        parts.append(f"<p{ui}><b>{escape(word(lang, 'also'))}:</b> {escape(', '.join(stop.also))}</p>")
    parts.append(
        f"<h4{ui}>{escape(word(lang, 'how_read'))}</h4>"
        f"<p{ui}><b>{escape(word(lang, 'role'))}:</b> {escape(word(lang, f'role_{stop.role}'))}</p>"
    )
    if stop.caption:
        parts.append(f"<p{dir_attrs(stop.caption, 'en')}>{escape(stop.caption)}</p>")
    parts.append(_quotes_html(stop.quotes, by_name))
    return "".join(parts)


def place_html(place: PlaceDoc) -> str:
    """The body of another place the articles name: its names, roles and quotes."""
    parts = [f"<h3{dir_attrs(place.name)}>{escape(place.name)}</h3>"]
    if place.name_ar:
        parts.append(f'<p dir="rtl" lang="ar">{escape(place.name_ar)}</p>')
    if place.roles:
        parts.append(f'<p lang="en" dir="ltr"><b>Role:</b> {escape(", ".join(place.roles))}</p>')
    parts.append(_quotes_html(place.quotes, {}))
    return "".join(parts)
