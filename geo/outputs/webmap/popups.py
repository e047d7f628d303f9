"""The HTML of the map's popups: a stop (date, names, role, caption, quotes) or another place the articles name.

Every piece of article text is escaped once here; the popup reaches
Leaflet as a JSON string (:class:`~geo.outputs.webmap.elements.SafePopup`).
"""

from __future__ import annotations

from geo.dates.wording import date_range_text, day_text
from geo.outputs.links import safe_url
from geo.outputs.webmap.html_text import escape, mixed, text_attrs
from geo.outputs.webmap.labels import caption_text, certainty_text, role_text
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


def _cite(quote: Quote, article: ArticleDoc | None, index: int) -> str:
    """Where a quote comes from: its outlet (else the url's host, else "article N"), its title, date and link."""
    url_text = quote.url or (article.url if article else None)
    source = quote.source or (article.source if article else None) or source_label(index=index, url=url_text)
    cite = [f'<span class="sm-q-source"{text_attrs(source)}>{escape(source)}</span>']
    label = article.title if article is not None else None
    if label:
        cite.append(f'<span class="sm-q-article"{text_attrs(label)}>{escape(label)}</span>')
    if article is not None and article.published is not None:
        cite.append(f'<time datetime="{article.published.isoformat()}">{escape(day_text(article.published))}</time>')
    url = safe_url(quote.url or (article.url if article else None))
    if url:
        cite.append(f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">read the article</a>')
    return " · ".join(cite)


def _index(articles: dict[str, ArticleDoc], name: str) -> int:
    """The 0-based place of article ``name`` in the story (its count when it is not there)."""
    return next((i for i, key in enumerate(articles) if key == name), len(articles))


def _quote_html(quote: Quote, articles: dict[str, ArticleDoc]) -> str:
    article = articles.get(quote.article)
    before, mark, after = _excerpt(quote)
    attrs = text_attrs(before + mark + after, article.language if article else None)
    piece = escape if "rtl" in attrs else mixed  # Arabic names inside a Latin-script quote keep their direction
    body = piece(before) + (f"<mark>{piece(mark)}</mark>" if mark else "") + piece(after)
    role = f'<span class="sm-q-role">{escape(quote.role)}</span>: {mixed(quote.why)}' if quote.role else ""
    return (
        f'<li class="sm-quote"><blockquote{attrs}>{body}</blockquote>'
        f'<p class="sm-q-cite">{_cite(quote, article, _index(articles, quote.article))}</p>'
        + (f'<p class="sm-q-why">{role}</p>' if role else "")
        + "</li>"
    )


def _quotes_html(quotes: list[Quote], articles: dict[str, ArticleDoc]) -> str:
    if not quotes:
        return '<p class="sm-pop-none">No quote recorded.</p>'
    items = [_quote_html(q, articles) for q in quotes]
    out = [f'<h3 class="sm-pop-h">In the articles ({len(items)})</h3>']
    out.append(f'<ol class="sm-quotes">{"".join(items[:_QUOTES_SHOWN])}</ol>')
    if len(items) > _QUOTES_SHOWN:
        more = len(items) - _QUOTES_SHOWN
        out.append(
            f"<details><summary>{more} more quote{'s' if more > 1 else ''}</summary>"
            f'<ol class="sm-quotes" start="{_QUOTES_SHOWN + 1}">{"".join(items[_QUOTES_SHOWN:])}</ol></details>'
        )
    return "".join(out)


def _names_html(item: StopDoc | PlaceDoc) -> str:
    arabic = f'<span class="sm-pop-ar" lang="ar" dir="rtl">{escape(item.name_ar)}</span>' if item.name_ar else ""
    return f'<h2 class="sm-pop-title">{arabic}<span class="sm-pop-en" dir="auto">{escape(item.name)}</span></h2>'


def _where_text(item: StopDoc | PlaceDoc) -> str:
    text = str(item.place_type)
    if item.uncertainty_km >= 1:
        text += f" · within about {item.uncertainty_km:.0f} km"
    return text


def stop_popup(stop: StopDoc, total: int, articles: dict[str, ArticleDoc]) -> str:
    """The popup of stop ``seq`` of ``total``: date and certainty, names, role and caption, where, quotes."""
    date_text = date_range_text(stop.date_start, stop.date_end)
    when = (
        f'<time datetime="{stop.date_start.isoformat()}">{escape(date_text)}</time>'
        if stop.date_start
        else escape(date_text)
    )
    caption = caption_text(stop)
    event = stop_headline(stop, "en")
    parts = [
        f'<div class="sm-pop sm-pop-stop" lang="en" dir="ltr" data-seq="{stop.seq}">',
        f'<p class="sm-pop-kicker">Stop {stop.seq} of {total}</p>',
        _names_html(stop),
        f'<p class="sm-pop-date sm-cert-{escape(stop.date_certainty)}">{when}'
        f' <span class="sm-pop-cert">({escape(certainty_text(stop))})</span></p>',
        f'<p class="sm-pop-event"><strong{text_attrs(event)}>{escape(event)}</strong></p>',
    ]
    if stop.happened is not None:
        parts.append(f'<div class="sm-pop-happened">{_happened_html(stop.happened, articles)}</div>')
    if stop.also:
        parts.append(f'<p class="sm-pop-also">Also here: {mixed(", ".join(stop.also))}</p>')
    parts.append(f'<p class="sm-pop-where">{escape(_where_text(stop))}</p>')
    parts.append(
        '<details class="sm-pop-how"><summary>How the story was read</summary>'
        f'<p class="sm-pop-role"><strong>{escape(role_text(stop.role))}</strong>'
        + (f" — {mixed(caption)}" if caption else "")
        + "</p>"
        + _quotes_html(stop.quotes, articles)
        + "</details>"
    )
    parts.append("</div>")
    return "".join(parts)


def _happened_html(quote: Quote, articles: dict[str, ArticleDoc]) -> str:
    """What happened: the sentence that shows the traveller at the stop, and its article."""
    article = articles.get(quote.article)
    sentence = quote.sentence or quote.text
    attrs = text_attrs(sentence, article.language if article else None)
    body = escape(sentence) if "rtl" in attrs else mixed(sentence)
    return (
        f"<blockquote{attrs}>{body}</blockquote>"
        f'<p class="sm-q-cite">{_cite(quote, article, _index(articles, quote.article))}</p>'
    )


def context_popup(place: PlaceDoc, articles: dict[str, ArticleDoc]) -> str:
    """The popup of a place the articles name that is not a stop: names, roles, where, quotes."""
    roles = ", ".join(role_text(r) for r in place.roles) or "mentioned"
    return "".join(
        [
            '<div class="sm-pop sm-pop-context" lang="en" dir="ltr">',
            '<p class="sm-pop-kicker">Also named in the articles</p>',
            _names_html(place),
            f'<p class="sm-pop-role"><strong>{escape(roles)}</strong></p>',
            f'<p class="sm-pop-where">{escape(_where_text(place))}</p>',
            _quotes_html(place.quotes, articles),
            "</div>",
        ]
    )
