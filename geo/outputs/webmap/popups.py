"""The HTML of the map's popups: a stop (date, names, role, caption, quotes) or another place the articles name.

A popup speaks the page's language (``lang``: the headline «يصل إلى …», its
labels and dates), and every piece of article text carries its own
``lang``/``dir``: an English quote in an Arabic popup stays left to right.

Every piece of article text is escaped once here; the popup reaches
Leaflet as a JSON string (:class:`~geo.outputs.webmap.elements.SafePopup`).
"""

from __future__ import annotations

from geo.dates.wording import date_range_text, day_text
from geo.outputs.links import safe_url
from geo.outputs.webmap.html_text import escape, mixed, text_attrs, written_in
from geo.outputs.webmap.labels import caption_text, certainty_text, role_text
from geo.outputs.words import direction, word
from geo.story.document import ArticleDoc, PlaceDoc, Quote, StopDoc, stop_headline
from geo.story.happened import source_label

__all__ = ["stop_popup", "context_popup"]

_QUOTES_SHOWN = 2  # quotes shown in a popup before a "more" disclosure
_SENTENCE_MAX = 320  # characters of a quote's sentence shown around the place name


def _excerpt(quote: Quote) -> tuple[str, str, str]:
    """The quote's sentence split around the place name: (before, name, after), trimmed to a readable length."""
    sentence = quote.sentence or quote.text
    at = sentence.find(quote.text) if quote.text else -1
    if at < 0:
        before, mark, after = sentence, "", ""
    else:
        before, mark, after = sentence[:at], quote.text, sentence[at + len(quote.text) :]
    room = max(0, _SENTENCE_MAX - len(mark))
    if len(before) + len(after) > room:
        keep_before = min(len(before), room // 2)
        keep_after = min(len(after), room - keep_before)
        keep_before = min(len(before), room - keep_after)
        if keep_before < len(before):
            before = "… " + before[len(before) - keep_before :].lstrip()
        if keep_after < len(after):
            after = after[:keep_after].rstrip() + " …"
    return before, mark, after


def _cite(quote: Quote, article: ArticleDoc | None, index: int, lang: str = "en") -> str:
    """Where a quote comes from: its outlet (else the url's host, else "article N"), its title, date and link."""
    url_text = quote.url or (article.url if article else None)
    source = quote.source or (article.source if article else None) or source_label(index=index, url=url_text)
    cite = [f'<span class="sm-q-source"{text_attrs(source)}>{escape(source)}</span>']
    label = article.title if article is not None else None
    if label:
        cite.append(f'<span class="sm-q-article"{text_attrs(label)}>{escape(label)}</span>')
    if article is not None and article.published is not None:
        day = day_text(article.published, lang=lang)
        cite.append(f'<time datetime="{article.published.isoformat()}">{escape(day)}</time>')
    url = safe_url(quote.url or (article.url if article else None))
    if url:
        read = escape(word(lang, "read_article"))
        cite.append(f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{read}</a>')
    return " · ".join(cite)


def _index(articles: dict[str, ArticleDoc], name: str) -> int:
    """The 0-based place of article ``name`` in the story (its count when it is not there)."""
    return next((i for i, key in enumerate(articles) if key == name), len(articles))


def _quote_html(quote: Quote, articles: dict[str, ArticleDoc], lang: str) -> str:
    article = articles.get(quote.article)
    before, mark, after = _excerpt(quote)
    attrs = text_attrs(before + mark + after, article.language if article else None)
    piece = escape if "rtl" in attrs else mixed  # Arabic names inside a Latin-script quote keep their direction
    body = piece(before) + (f"<mark>{piece(mark)}</mark>" if mark else "") + piece(after)
    role = ""
    if quote.role:
        label = escape(role_text(quote.role, lang=lang))
        role = f'<span class="sm-q-role">{label}</span>: <span lang="en" dir="ltr">{mixed(quote.why)}</span>'
    return (
        f'<li class="sm-quote"><blockquote{attrs}>{body}</blockquote>'
        f'<p class="sm-q-cite">{_cite(quote, article, _index(articles, quote.article), lang)}</p>'
        + (f'<p class="sm-q-why">{role}</p>' if role else "")
        + "</li>"
    )


def _quotes_html(quotes: list[Quote], articles: dict[str, ArticleDoc], lang: str) -> str:
    if not quotes:
        return f'<p class="sm-pop-none">{escape(word(lang, "no_quote"))}</p>'
    items = [_quote_html(q, articles, lang) for q in quotes]
    out = [f'<h3 class="sm-pop-h">{escape(word(lang, "in_articles", count=len(items)))}</h3>']
    out.append(f'<ol class="sm-quotes">{"".join(items[:_QUOTES_SHOWN])}</ol>')
    if len(items) > _QUOTES_SHOWN:
        more = len(items) - _QUOTES_SHOWN
        out.append(
            f"<details><summary>{escape(_more(more, lang))}</summary>"
            f'<ol class="sm-quotes" start="{_QUOTES_SHOWN + 1}">{"".join(items[_QUOTES_SHOWN:])}</ol></details>'
        )
    return "".join(out)


def _more(count: int, lang: str) -> str:
    """``2 more quotes`` in ``lang``."""
    return word(lang, "more_quotes", count=count) if count > 1 else word(lang, "more_quote")


def _names_html(item: StopDoc | PlaceDoc) -> str:
    arabic = f'<span class="sm-pop-ar" lang="ar" dir="rtl">{escape(item.name_ar)}</span>' if item.name_ar else ""
    return f'<h2 class="sm-pop-title">{arabic}<span class="sm-pop-en" dir="auto">{escape(item.name)}</span></h2>'


def _where_text(item: StopDoc | PlaceDoc, lang: str) -> str:
    text = word(lang, f"ptype_{item.place_type}")
    if item.uncertainty_km >= 1:
        text += " · " + word(lang, "within_km", km=f"{item.uncertainty_km:.0f}")
    return text


def stop_popup(stop: StopDoc, total: int, articles: dict[str, ArticleDoc], *, lang: str = "en") -> str:
    """The popup of stop ``seq`` of ``total`` in ``lang``: date and certainty, names, what happened (headline,
    sentence, source), where, then how the story was read (role, caption, quotes)."""
    date_text = date_range_text(stop.date_start, stop.date_end, lang=lang, unknown=word(lang, "date_unknown"))
    when = (
        f'<time datetime="{stop.date_start.isoformat()}">{escape(date_text)}</time>'
        if stop.date_start
        else escape(date_text)
    )
    caption = caption_text(stop)
    event = stop_headline(stop, lang)
    parts = [
        f'<div class="sm-pop sm-pop-stop" lang="{lang}" dir="{direction(lang)}" data-seq="{stop.seq}">',
        f'<p class="sm-pop-kicker">{escape(word(lang, "stop_of", seq=stop.seq, total=total))}</p>',
        _names_html(stop),
        f'<p class="sm-pop-date sm-cert-{escape(stop.date_certainty)}">{when}'
        f' <span class="sm-pop-cert">({escape(certainty_text(stop, lang=lang))})</span></p>',
        f'<p class="sm-pop-event"><strong lang="{lang}" dir="{direction(lang)}">{written_in(event, lang)}</strong></p>',
    ]
    if stop.happened is not None:
        parts.append(f'<div class="sm-pop-happened">{_happened_html(stop.happened, articles, lang)}</div>')
    if stop.also:
        parts.append(f'<p class="sm-pop-also">{escape(word(lang, "also_here"))}: {mixed(", ".join(stop.also))}</p>')
    parts.append(f'<p class="sm-pop-where">{escape(_where_text(stop, lang))}</p>')
    parts.append(
        f'<details class="sm-pop-how"><summary>{escape(word(lang, "how_read"))}</summary>'
        f'<p class="sm-pop-role"><strong>{escape(role_text(stop.role, lang=lang))}</strong>'
        + (f' — <span lang="en" dir="ltr">{mixed(caption)}</span>' if caption else "")
        + "</p>"
        + _quotes_html(stop.quotes, articles, lang)
        + "</details>"
    )
    parts.append("</div>")
    return "".join(parts)


def _happened_html(quote: Quote, articles: dict[str, ArticleDoc], lang: str) -> str:
    """What happened: the sentence that shows the traveller at the stop, and its article."""
    article = articles.get(quote.article)
    sentence = quote.sentence or quote.text
    attrs = text_attrs(sentence, article.language if article else None)
    body = escape(sentence) if "rtl" in attrs else mixed(sentence)
    return (
        f"<blockquote{attrs}>{body}</blockquote>"
        f'<p class="sm-q-cite">{_cite(quote, article, _index(articles, quote.article), lang)}</p>'
    )


def context_popup(place: PlaceDoc, articles: dict[str, ArticleDoc], *, lang: str = "en") -> str:
    """The popup of a place the articles name that is not a stop, in ``lang``: names, roles, where, quotes."""
    roles = (
        "، ".join(role_text(r, lang=lang) for r in place.roles)
        if lang == "ar"
        else ", ".join(role_text(r, lang=lang) for r in place.roles)
    )
    return "".join(
        [
            f'<div class="sm-pop sm-pop-context" lang="{lang}" dir="{direction(lang)}">',
            f'<p class="sm-pop-kicker">{escape(word(lang, "also_named"))}</p>',
            _names_html(place),
            f'<p class="sm-pop-role"><strong>{escape(roles or word(lang, "mentioned"))}</strong></p>',
            f'<p class="sm-pop-where">{escape(_where_text(place, lang))}</p>',
            _quotes_html(place.quotes, articles, lang),
            "</div>",
        ]
    )
