"""What the presenter shows beside and below the map: a stop's card, the title view, the timeline strip.

:func:`stop_card` gathers what a stop's card says (names, dates, role,
caption, quotes) and :func:`card_html` writes it as HTML; :func:`title_html`
is the title view (the whole route); :func:`timeline` places the dated stops
on a strip and :func:`timeline_html` draws it; :func:`reading_rows` is the
table of how every place was read. Every text from the story is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from geo.dates.wording import MONTHS
from geo.model import Certainty, Role
from geo.outputs.webmap.html_text import text_attrs, written_in
from geo.presenter.reasons import reason_text
from geo.presenter.translations import certainty_text, date_text, role_text, stop_name, tr
from geo.story.document import (
    PlaceDoc,
    Quote,
    StopDoc,
    StoryDoc,
    article_source,
    date_bounds,
    dated_stops,
    stop_headline,
    traveller_in,
)

__all__ = [
    "Card",
    "QuoteView",
    "TimelineItem",
    "card_html",
    "css",
    "reading_rows",
    "stop_card",
    "story_title",
    "timeline",
    "timeline_html",
    "title_html",
    "undated_names",
]


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
    lang: str | None = None  # the language of its article, when known


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
    headline: str = ""
    happened: QuoteView | None = None


def _caption(stop: StopDoc) -> str:
    """The stop's caption without the ``role: `` the reader puts before it (the card shows the role apart)."""
    prefix = f"{stop.role}: "
    return stop.caption[len(prefix) :] if stop.caption.startswith(prefix) else stop.caption


def _article_title(doc: StoryDoc, name: str) -> str:
    """The title of the article ``name`` (its name when it has none)."""
    article = next((a for a in doc.articles if a.name == name), None)
    return (article.title if article and article.title else None) or name


#: The words of a composed title, per interface language (the same shape as the reader's own titles).
_TITLE_WORDS = {
    "en": {"none": "Places in the news", "alone": "{who}: places in the news", "journey": "A journey", "comma": ", "},
    "ar": {"none": "أماكن في الأخبار", "alone": "{who}: أماكن في الأخبار", "journey": "رحلة", "comma": "، "},
}


def _composed_title(doc: StoryDoc, lang: str, *, traveller: str | None) -> str:
    """"NAME: A – B, Month YYYY" from the story's traveller, first and last stops and first date, in ``lang``."""
    words = _TITLE_WORDS["ar" if lang == "ar" else "en"]
    dated = dated_stops(doc.stops)
    route = dated or doc.stops
    if not route:
        return words["alone"].format(who=traveller) if traveller else words["none"]
    names = [(s.name_ar or s.name) if lang == "ar" else s.name for s in (route[0], route[-1])]
    span = names[0] if len(route) == 1 else f"{names[0]} – {names[1]}"
    first = dated[0].date_start if dated else None
    when = f"{words['comma']}{MONTHS.get(lang, MONTHS['en'])[first.month - 1]} {first.year}" if first else ""
    return f"{traveller or words['journey']}: {span}{when}"


def story_title(doc: StoryDoc, *, lang: str = "en") -> str:
    """The story's title in ``lang``, made from the story: its traveller (in ``lang``'s script when an article
    gives it), its first and last stops (Arabic names on an Arabic interface) and the month it starts.

    A title the reader composed (in the story's language or another, with any form of the traveller's name) is
    composed again in ``lang``; a title an educator wrote is theirs and is shown as written.
    """
    forms = {doc.traveller, doc.traveller_ar, doc.traveller_latin}
    composed = {_composed_title(doc, code, traveller=who) for code in ("en", "ar") for who in forms}
    if doc.title and doc.title not in composed:
        return doc.title
    return _composed_title(doc, lang, traveller=traveller_in(doc, lang))


def stop_card(doc: StoryDoc, seq: int, *, lang: str = "en") -> Card:
    """The card of stop ``seq`` (1-based).

    Raises
    ------
    IndexError
        When the story has no stop ``seq``.
    """
    if not 1 <= seq <= len(doc.stops):
        raise IndexError(f"no stop {seq} in a story of {len(doc.stops)} stops")
    stop = doc.stops[seq - 1]
    certainty = stop.date_certainty if stop.date_start else Certainty.UNKNOWN
    quotes = tuple(_quote_view(doc, q, lang=lang) for q in stop.quotes)
    return Card(
        seq=stop.seq,
        total=len(doc.stops),
        heading=tr(lang, "stop_of", seq=stop.seq, total=len(doc.stops)),
        name=stop.name,
        name_ar=stop.name_ar or "",
        date=date_text(stop.date_start, stop.date_end, lang=lang),
        certainty=certainty_text(certainty, lang=lang),
        role=role_text(stop.role, lang=lang),
        caption=reason_text(_caption(stop), lang=lang),
        also=tuple(stop.also),
        quotes=quotes,
        headline=stop_headline(stop, lang),
        happened=_quote_view(doc, stop.happened, lang=lang) if stop.happened is not None else None,
    )


def _quote_view(doc: StoryDoc, q: Quote, *, lang: str) -> QuoteView:
    """A quote as the card shows it; its source by outlet, title and date (never a file name)."""
    return QuoteView(
        sentence=q.sentence or q.text,
        words=q.text,
        article=_article_title(doc, q.article),
        source=article_source(doc, q.article, quote=q),
        url=q.url if q.url and q.url.startswith(("http://", "https://")) else None,
        role=role_text(q.role, lang=lang) if q.role else "",
        why=q.why,
        lang=next((a.language for a in doc.articles if a.name == q.article), None),
    )


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """A dated stop on the timeline strip; ``position`` runs from 0 (first date) to 1 (last date)."""

    seq: int
    name: str
    date: str
    position: float


def timeline(doc: StoryDoc, *, lang: str = "en") -> list[TimelineItem]:
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
            date=date_text(s.date_start, s.date_end, lang=lang),
            position=round((s.date_start - first).days / span, 4) if s.date_start else 0.0,
        )
        for s in dated
    ]


def undated_names(doc: StoryDoc, *, lang: str = "en") -> list[str]:
    """The names of the stops the timeline cannot place (no date), in route order, in ``lang``."""
    return [stop_name(s, lang=lang) for s in doc.stops if s.date_start is None]


def reading_rows(doc: StoryDoc, *, lang: str = "en") -> list[dict[str, str]]:
    """How the story was read: one row per place mention, with its role and why, stops first.

    Columns are the interface strings of ``col_place``, ``col_place_ar``,
    ``col_kind``, ``col_role``, ``col_why``, ``col_article``, ``col_words``
    and ``col_sentence`` in ``lang``.
    """
    rows: list[dict[str, str]] = []
    for stop in doc.stops:
        rows += _place_rows(doc, stop, kind=tr(lang, "kind_stop", seq=stop.seq), roles=[stop.role], lang=lang)
    for place in doc.places:
        rows += _place_rows(doc, place, kind=tr(lang, "kind_context"), roles=place.roles, lang=lang)
    return rows


def _place_rows(
    doc: StoryDoc, located: StopDoc | PlaceDoc, *, kind: str, roles: Iterable[Role], lang: str
) -> list[dict[str, str]]:
    """The rows of one stop or place: one per quote, or one per role when it has none (added by hand)."""

    def row(role: Role | None, why: str = "", article: str = "", words: str = "", sentence: str = "") -> dict[str, str]:
        return {
            tr(lang, "col_place"): located.name,
            tr(lang, "col_place_ar"): located.name_ar or "",
            tr(lang, "col_kind"): kind,
            tr(lang, "col_role"): role_text(role, lang=lang) if role else "",
            tr(lang, "col_why"): why,
            tr(lang, "col_article"): article,
            tr(lang, "col_words"): words,
            tr(lang, "col_sentence"): sentence,
        }

    if not located.quotes:
        return [row(role) for role in roles]
    return [
        row(q.role, reason_text(q.why, lang=lang), _article_title(doc, q.article), q.text, q.sentence)
        for q in located.quotes
    ]


#: The presenter's style sheet: large type for a projector.

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
    """``text`` escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def _marked(sentence: str, words: str) -> str:
    """The sentence, escaped, with the place's words marked."""
    at = sentence.find(words) if words else -1
    if at < 0:
        return _e(sentence)
    return f"{_e(sentence[:at])}<mark>{_e(words)}</mark>{_e(sentence[at + len(words) :])}"


def card_html(card: Card, *, lang: str = "en") -> str:
    """The card of a stop as HTML; every text from the story is escaped.

    Classes the tests read: ``gs-name`` (English name), ``gs-ar`` (Arabic
    name), ``gs-date``, ``gs-role``, ``gs-caption``.
    """
    parts = [
        f'<div class="gs-card" data-seq="{card.seq}">',
        f'<div class="gs-head">{_e(card.heading)}</div>',
        f'<h2 class="gs-name"{text_attrs(card.name)}>{_e(card.name)}</h2>',
    ]
    if card.name_ar:
        parts.append(f'<div class="gs-ar" lang="ar" dir="rtl">{_e(card.name_ar)}</div>')
    parts.append(f'<div class="gs-date">{_e(card.date)}</div>')
    parts.append(f'<div class="gs-certainty">{_e(card.certainty)}</div>')
    if card.headline:
        direction = "rtl" if lang == "ar" else "ltr"
        parts.append(
            f'<h3 class="gs-headline" lang="{_e(lang)}" dir="{direction}">{written_in(card.headline, lang)}</h3>'
        )
    if card.happened is not None:
        happened = card.happened
        parts.append(
            f'<blockquote class="gs-happened"{text_attrs(happened.sentence, happened.lang)}>{_e(happened.sentence)}'
            f'<div class="gs-source"{text_attrs(happened.source)}>{_e(happened.source)}</div></blockquote>'
        )
    if card.also:
        also = ", ".join(card.also)
        parts.append(f"<p>{_e(tr(lang, 'also'))}: <span{text_attrs(also)}>{_e(also)}</span></p>")
    parts.append(f'<details class="gs-how"><summary>{_e(tr(lang, "how_read"))}</summary>')
    parts.append(
        f'<p><span class="gs-role">{_e(card.role)}</span> <span class="gs-caption"{text_attrs(card.caption, lang)}>'
        f"{_e(card.caption)}</span></p>"
    )
    if card.quotes:
        parts.append(f"<div><strong>{_e(tr(lang, 'quotes'))}</strong></div>")
    for quote in card.quotes:
        source = _e(quote.source)
        if quote.url:
            link = _e(tr(lang, "open_source"))
            source += f' · <a href="{_e(quote.url)}" target="_blank" rel="noopener noreferrer">{link}</a>'
        parts.append(
            f"<blockquote{text_attrs(quote.sentence, quote.lang)}>{_marked(quote.sentence, quote.words)}"
            f'<div class="gs-source">{source}{" · " + _e(quote.role) if quote.role else ""}</div></blockquote>'
        )
    parts.append("</details></div>")
    return "".join(parts)


def _journey_span(doc: StoryDoc, *, lang: str) -> str:
    """The dates of the whole journey in words."""
    bounds = date_bounds(doc.stops)
    return date_text(*bounds, lang=lang) if bounds else tr(lang, "date_unknown")


def _names_html(stop: StopDoc, lang: str) -> str:
    """A stop's names, the interface language's first: «القاهرة · Cairo» in Arabic, the other way in English."""
    english = f"<span{text_attrs(stop.name)}>{_e(stop.name)}</span>"
    if not stop.name_ar:
        return english
    arabic = f'<span lang="ar" dir="rtl">{_e(stop.name_ar)}</span>'
    return f"{arabic} · {english}" if lang == "ar" else f"{english} · {arabic}"


def title_html(doc: StoryDoc, *, lang: str = "en") -> str:
    """The title view's card: the story's title, traveller, journey span and its stops in order (escaped)."""
    title = story_title(doc, lang=lang)
    parts = [
        '<div class="gs-card gs-title" data-seq="0">',
        f'<div class="gs-head">{_e(tr(lang, "title_view"))}</div>',
        f'<h2 class="gs-name"{text_attrs(title, lang)}>{_e(title)}</h2>',
    ]
    traveller = traveller_in(doc, lang)
    if traveller:
        who = f"<span{text_attrs(traveller, lang)}>{_e(traveller)}</span>"
        parts.append(f"<div>{_e(tr(lang, 'traveller'))}: {who}</div>")
    parts.append(
        f'<div class="gs-date">{_e(_journey_span(doc, lang=lang))} · '
        f"{_e(tr(lang, 'stops_count', count=len(doc.stops)))}</div>"
    )
    if not doc.stops:
        parts.append(f"<p>{_e(tr(lang, 'no_stops'))}</p>")
    items = "".join(
        f"<li>{_names_html(s, lang)} — {_e(date_text(s.date_start, s.date_end, lang=lang))}</li>" for s in doc.stops
    )
    parts.append(f"<ol>{items}</ol></div>")
    return "".join(parts)


def timeline_html(items: Sequence[TimelineItem], *, current: int, lang: str = "en") -> str:
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
            f'<span class="gs-dot"></span>{seqs}<span class="gs-when"><br>{_e(group[0].date)}</span></div>'
        )
    return f'<div class="gs-strip" dir="ltr" aria-label="{_e(tr(lang, "timeline"))}">{"".join(ticks)}</div>'
