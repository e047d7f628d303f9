"""The reading panel beside the map, and the story data its script reads.

The panel holds the title, the time player, the list of stops (buttons a
keyboard reaches), a live region for screen readers, the legend and the
list of sources. The data block (``#story-data``) gives ``storymap.js``
each stop's place, date, zoom and label, and the route's legs; the world
outlines ride inline (``#sm-countries``) unless they load from jsDelivr.
"""

from __future__ import annotations

from typing import Any

from geo.dates.wording import date_range_text, day_text
from geo.model import Certainty
from geo.outputs.links import safe_url
from geo.outputs.webmap.assets import ASSETS, asset_text, escape_json_text, integrity, json_for_html
from geo.outputs.webmap.geometry import stop_zoom
from geo.outputs.webmap.html_text import escape, mixed, text_attrs
from geo.outputs.webmap.labels import article_label, count_text, journey_span, role_text, stop_label
from geo.outputs.webmap.layers import tile_source
from geo.outputs.words import direction, word
from geo.story.document import ArticleDoc, StopDoc, StoryDoc, traveller_in

__all__ = ["panel_html", "story_data"]


def _legend(lang: str) -> str:
    """The legend of markers and lines, in ``lang``."""
    keys = [
        '<span class="sm-key sm-key-exact" aria-hidden="true">1</span> ' + escape(word(lang, "key_exact")),
        '<span class="sm-key sm-key-approximate" aria-hidden="true">2</span> ' + escape(word(lang, "key_approximate")),
        '<span class="sm-key sm-key-unknown" aria-hidden="true">3</span> ' + escape(word(lang, "key_unknown")),
        '<span class="sm-key-line" aria-hidden="true"></span> ' + escape(word(lang, "key_line")),
        '<span class="sm-key-circle" aria-hidden="true"></span> ' + escape(word(lang, "key_circle")),
        '<span class="sm-key-context" aria-hidden="true"></span> ' + escape(word(lang, "key_context")),
    ]
    return (
        f'<section class="sm-legend" aria-labelledby="sm-legend-h"><h2 id="sm-legend-h">{escape(word(lang, "legend"))}'
        f"</h2><ul>{''.join(f'<li>{k}</li>' for k in keys)}</ul>"
        '<label class="sm-animate"><input type="checkbox" id="sm-animate" checked> '
        f"{escape(word(lang, 'animate'))}</label></section>"
    )


def _help(lang: str) -> str:
    """The keys of the page, in ``lang``."""
    keys = {
        k: f"<kbd>{v}</kbd>"
        for k, v in {"left": "←", "right": "→", "space": "Space", "home": "Home", "end": "End", "esc": "Esc"}.items()
    }
    return f'<p class="sm-help" id="sm-help">{word(lang, "help", **keys)}</p>'


def _stop_item(stop: StopDoc, lang: str) -> str:
    """A stop in the panel's list: a button with its number, names, date and role."""
    date_text = date_range_text(stop.date_start, stop.date_end, lang=lang, unknown=word(lang, "date_unknown"))
    approx = f" ({word(lang, 'approx')})" if stop.date_start and stop.date_certainty != Certainty.EXACT else ""
    arabic = f' <span class="sm-li-ar" lang="ar" dir="rtl">{escape(stop.name_ar)}</span>' if stop.name_ar else ""
    state = "dated" if stop.date_start else "undated"
    return (
        f'<li><button type="button" class="sm-stop-btn sm-li-{state}" data-seq="{stop.seq}">'
        f'<span class="sm-li-n sm-cert-{escape(stop.date_certainty)}" aria-hidden="true">{stop.seq}</span>'
        f'<span class="sm-li-text"><span class="sm-li-name" dir="auto">{escape(stop.name)}</span>{arabic}'
        f'<span class="sm-li-date">{escape(date_text + approx)} · {escape(role_text(stop.role, lang=lang))}</span>'
        "</span></button></li>"
    )


def _source_item(article: ArticleDoc, index: int, lang: str) -> str:
    """A source: its title (else its outlet, the url's host or "article N", as the captions name it), linked,
    then its outlet (when the title is not it) and date."""
    label = article_label(article, index)
    url = safe_url(article.url)
    title = (
        f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{escape(label)}</a>'
        if url
        else escape(label)
    )
    meta = []
    if article.source and article.title:
        meta.append(f"<span{text_attrs(article.source)}>{escape(article.source)}</span>")
    if article.published:
        day = day_text(article.published, lang=lang)
        meta.append(f'<time datetime="{article.published.isoformat()}">{escape(day)}</time>')
    return f"<li><span{text_attrs(label)}>{title}</span>" + (f" — {' · '.join(meta)}" if meta else "") + "</li>"


def _sources_html(articles: list[ArticleDoc], lang: str) -> str:
    items = "".join(_source_item(a, i, lang) for i, a in enumerate(articles))
    count = count_text(len(articles), what="article", lang=lang)
    return (
        f'<details class="sm-sources"><summary>{escape(word(lang, "sources", count=count))}</summary>'
        f"<ul>{items}</ul></details>"
    )


def _player_html(stops: list[StopDoc], lang: str) -> str:
    """The time player: play/pause, speed, and a date slider from the first stop to the whole route."""
    total = len(stops)
    disabled = " disabled" if total < 1 else ""
    last_label = escape(stop_label(stops[-1], total, lang=lang)) if stops else escape(word(lang, "no_stops"))
    span = journey_span(stops, lang=lang)
    return (
        f'<section class="sm-player" aria-label="{escape(word(lang, "player"))}">'
        f'<button type="button" id="sm-play" class="sm-btn"{disabled}>'
        '<span class="sm-play-icon" aria-hidden="true">▶</span> '
        f'<span class="sm-play-text">{escape(word(lang, "play"))}</span></button>'
        f'<label class="sm-speed">{escape(word(lang, "speed"))} <select id="sm-speed">'
        '<option value="0.5">0.5×</option><option value="1" selected>1×</option>'
        '<option value="2">2×</option><option value="4">4×</option></select></label>'
        f'<label class="sm-slider-label" for="sm-slider">{escape(word(lang, "date"))}</label>'
        f'<input type="range" id="sm-slider" min="1" max="{max(total, 1)}" step="1" value="{max(total, 1)}"'
        f' aria-valuetext="{last_label}"{disabled}>'
        f'<output id="sm-when" for="sm-slider">{escape(word(lang, "whole_route_span", span=span))}</output>'
        "</section>"
    )


def _stops_nav(stops: list[StopDoc], lang: str) -> str:
    return (
        f'<nav class="sm-nav" aria-labelledby="sm-stops-h"><h2 id="sm-stops-h">{escape(word(lang, "stops"))}</h2>'
        '<button type="button" id="sm-overview" class="sm-btn sm-btn-quiet" aria-current="true">'
        f"{escape(word(lang, 'whole_route'))}</button>"
        f'<ol class="sm-stops">{"".join(_stop_item(s, lang) for s in stops)}</ol></nav>'
    )


def _data_blocks(data: dict[str, Any], *, cdn: bool, region: dict[str, Any] | None) -> str:
    """The JSON blocks after the panel: the story data, the 1:50m outlines around the route, and the world
    outlines unless they load from jsDelivr."""
    blocks = [f'<script type="application/json" id="story-data">{json_for_html(data)}</script>']
    if region is not None:
        blocks.append(f'<script type="application/json" id="sm-region">{json_for_html(region)}</script>')
    if not cdn:
        countries = escape_json_text(asset_text("world_atlas").strip())
        blocks.append(f'<script type="application/json" id="sm-countries">{countries}</script>')
    return "".join(blocks)


def panel_html(
    doc: StoryDoc, data: dict[str, Any], *, cdn: bool, lang: str = "en", region: dict[str, Any] | None = None
) -> str:
    """The reading panel of ``doc`` in ``lang``, followed by the data blocks (``data``: :func:`story_data`;
    ``region``: :func:`~geo.outputs.webmap.basemap.region_outlines`)."""
    total = len(doc.stops)
    subtitle = [escape(count_text(total, what="stop", lang=lang)), escape(journey_span(doc.stops, lang=lang))]
    traveller = traveller_in(doc, lang)
    if traveller:
        subtitle.insert(0, mixed(traveller))
    live = word(lang, "whole_route_live", count=count_text(total, what="stop", lang=lang))
    return (
        f'<aside class="sm-panel" aria-labelledby="sm-title" lang="{lang}" dir="{direction(lang)}">'
        f'<header class="sm-head"><h1 id="sm-title" dir="auto">{mixed(doc.title or word(lang, "story_map"))}</h1>'
        f'<p class="sm-sub">{" · ".join(subtitle)}</p>'
        f"{_help(lang)}</header>"
        + _player_html(doc.stops, lang)
        + '<p id="sm-live" class="sm-live" role="status" aria-live="polite" aria-atomic="true">'
        + f"{escape(live)}</p>"
        + _stops_nav(doc.stops, lang)
        + _legend(lang)
        + _sources_html(doc.articles, lang)
        + "</aside>"
        + _data_blocks(data, cdn=cdn, region=region)
    )


def story_data(
    doc: StoryDoc,
    lons: dict[int, float],
    legs: list[dict[str, Any]],
    *,
    cdn: bool,
    lang: str = "en",
    names: list[dict[str, Any]] | None = None,
    tiles: bool = True,
    show_tiles: bool = False,
) -> dict[str, Any]:
    """What ``storymap.js`` reads: each stop's place, date, zoom and label, the legs, where the outlines are,
    the names around the route (:func:`~geo.outputs.webmap.mapnames.map_names`), the online tiles (``None``
    without ``tiles``: not even offered; shown at once with ``show_tiles``), and the page's words in ``lang``
    (``ui``)."""
    total = len(doc.stops)
    basemap: dict[str, Any] = {"inline": "sm-countries"}
    if cdn:
        basemap = {"url": ASSETS["world_atlas"].cdn_url, "integrity": integrity("world_atlas")}
    span = journey_span(doc.stops, lang=lang)
    unknown = word(lang, "date_unknown")
    return {
        "title": doc.title,
        "span": span,
        "stops": [
            {
                "seq": s.seq,
                "name": s.name,
                "nameAr": s.name_ar,
                "lat": s.lat,
                "lon": round(lons[s.seq], 6),
                "date": date_range_text(s.date_start, s.date_end, lang=lang, unknown=unknown),
                "dated": s.date_start is not None,
                "certainty": s.date_certainty,
                "zoom": stop_zoom(s.uncertainty_km),
                "label": stop_label(s, total, lang=lang),
                "short": (s.name_ar or s.name) if lang == "ar" else s.name,
            }
            for s in doc.stops
        ],
        "legs": legs,
        "basemap": basemap,
        "names": names or [],
        "tiles": tile_source(lang, show=show_tiles) if tiles else None,
        "lang": lang,
        "dir": direction(lang),
        "ui": _script_words(total, span, lang),
    }


def _script_words(total: int, span: str, lang: str) -> dict[str, str]:
    """The words ``storymap.js`` says, in ``lang``."""
    count = count_text(total, what="stop", lang=lang)
    return {
        "overview": word(lang, "whole_route_live", count=f"{count}, {span}"),
        "wholeRoute": word(lang, "whole_route_span", span=span),
        "play": word(lang, "play"),
        "pause": word(lang, "pause"),
        "paused": word(lang, "paused", seq="{seq}", total="{total}"),
        "end": word(lang, "journey_end"),
        "outlines": word(lang, "outlines"),
        "names": word(lang, "layer_names"),
        "lastStop": word(lang, "last_stop"),
        "zoomIn": word(lang, "zoom_in"),
        "zoomOut": word(lang, "zoom_out"),
        "km": word(lang, "unit_km"),
        "m": word(lang, "unit_m"),
    }
