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
from geo.outputs.webmap.labels import article_label, journey_span, role_text, stop_label
from geo.story.document import ArticleDoc, StopDoc, StoryDoc

__all__ = ["panel_html", "story_data"]

_LEGEND = (
    '<section class="sm-legend" aria-labelledby="sm-legend-h"><h2 id="sm-legend-h">Legend</h2><ul>'
    '<li><span class="sm-key sm-key-exact" aria-hidden="true">1</span> stop, exact date</li>'
    '<li><span class="sm-key sm-key-approximate" aria-hidden="true">2</span> stop, approximate date</li>'
    '<li><span class="sm-key sm-key-unknown" aria-hidden="true">3</span> stop without a date (no route leg)</li>'
    '<li><span class="sm-key-line" aria-hidden="true"></span> route in date order, along great circles</li>'
    '<li><span class="sm-key-circle" aria-hidden="true"></span> how far a vague or relative place may be</li>'
    '<li><span class="sm-key-context" aria-hidden="true"></span> other places the articles name '
    "(layer “Other places named”, off at first)</li>"
    "</ul>"
    '<label class="sm-animate"><input type="checkbox" id="sm-animate" checked> Animate the route</label>'
    "</section>"
)
_HELP = (
    '<p class="sm-help" id="sm-help"><kbd>←</kbd> <kbd>→</kbd> move from stop to stop, '
    "<kbd>Space</kbd> plays or pauses, <kbd>Home</kbd> / <kbd>End</kbd> first and last stop, "
    "<kbd>Esc</kbd> closes a popup.</p>"
)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _stop_item(stop: StopDoc) -> str:
    """A stop in the panel's list: a button with its number, names, date and role."""
    date_text = date_range_text(stop.date_start, stop.date_end)
    approx = " (approx.)" if stop.date_start and stop.date_certainty != Certainty.EXACT else ""
    arabic = f' <span class="sm-li-ar" lang="ar" dir="rtl">{escape(stop.name_ar)}</span>' if stop.name_ar else ""
    state = "dated" if stop.date_start else "undated"
    return (
        f'<li><button type="button" class="sm-stop-btn sm-li-{state}" data-seq="{stop.seq}">'
        f'<span class="sm-li-n sm-cert-{escape(stop.date_certainty)}" aria-hidden="true">{stop.seq}</span>'
        f'<span class="sm-li-text"><span class="sm-li-name" dir="auto">{escape(stop.name)}</span>{arabic}'
        f'<span class="sm-li-date">{escape(date_text + approx)} · {escape(role_text(stop.role))}</span>'
        "</span></button></li>"
    )


def _source_item(article: ArticleDoc) -> str:
    label = article_label(article, article.name)
    url = safe_url(article.url)
    title = (
        f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{escape(label)}</a>'
        if url
        else escape(label)
    )
    meta = [f"<span{text_attrs(article.source)}>{escape(article.source)}</span>"] if article.source else []
    if article.published:
        meta.append(f'<time datetime="{article.published.isoformat()}">{escape(day_text(article.published))}</time>')
    return f"<li><span{text_attrs(label)}>{title}</span>" + (f" — {' · '.join(meta)}" if meta else "") + "</li>"


def _sources_html(articles: list[ArticleDoc]) -> str:
    items = "".join(_source_item(a) for a in articles)
    return (
        '<details class="sm-sources"><summary>Sources '
        f"({_plural(len(articles), 'article')})</summary>"
        f"<ul>{items}</ul></details>"
    )


def _player_html(stops: list[StopDoc]) -> str:
    """The time player: play/pause, speed, and a date slider from the first stop to the whole route."""
    total = len(stops)
    disabled = " disabled" if total < 1 else ""
    last_label = escape(stop_label(stops[-1], total)) if stops else "No stops"
    return (
        '<section class="sm-player" aria-label="Time player">'
        f'<button type="button" id="sm-play" class="sm-btn"{disabled}>'
        '<span class="sm-play-icon" aria-hidden="true">▶</span> <span class="sm-play-text">Play</span></button>'
        '<label class="sm-speed">Speed <select id="sm-speed">'
        '<option value="0.5">0.5×</option><option value="1" selected>1×</option>'
        '<option value="2">2×</option><option value="4">4×</option></select></label>'
        '<label class="sm-slider-label" for="sm-slider">Date</label>'
        f'<input type="range" id="sm-slider" min="1" max="{max(total, 1)}" step="1" value="{max(total, 1)}"'
        f' aria-valuetext="{last_label}"{disabled}>'
        f'<output id="sm-when" for="sm-slider">Whole route · {escape(journey_span(stops))}</output>'
        "</section>"
    )


def _stops_nav(stops: list[StopDoc]) -> str:
    return (
        '<nav class="sm-nav" aria-labelledby="sm-stops-h"><h2 id="sm-stops-h">Stops</h2>'
        '<button type="button" id="sm-overview" class="sm-btn sm-btn-quiet" aria-current="true">Whole route</button>'
        f'<ol class="sm-stops">{"".join(_stop_item(s) for s in stops)}</ol></nav>'
    )


def _data_blocks(data: dict[str, Any], *, cdn: bool) -> str:
    """The JSON blocks after the panel: the story data, and the world outlines unless they load from jsDelivr."""
    blocks = [f'<script type="application/json" id="story-data">{json_for_html(data)}</script>']
    if not cdn:
        countries = escape_json_text(asset_text("world_atlas").strip())
        blocks.append(f'<script type="application/json" id="sm-countries">{countries}</script>')
    return "".join(blocks)


def panel_html(doc: StoryDoc, data: dict[str, Any], *, cdn: bool) -> str:
    """The reading panel of ``doc`` followed by the data blocks (``data``: :func:`story_data`)."""
    total = len(doc.stops)
    subtitle = [_plural(total, "stop"), journey_span(doc.stops)]
    if doc.traveller:
        subtitle.insert(0, mixed(doc.traveller))
    return (
        '<aside class="sm-panel" aria-labelledby="sm-title">'
        f'<header class="sm-head"><h1 id="sm-title" dir="auto">{mixed(doc.title or "Story map")}</h1>'
        f'<p class="sm-sub">{" · ".join(subtitle)}</p>'
        f"{_HELP}</header>"
        + _player_html(doc.stops)
        + '<p id="sm-live" class="sm-live" role="status" aria-live="polite" aria-atomic="true">'
        + f"Whole route: {_plural(total, 'stop')}.</p>"
        + _stops_nav(doc.stops)
        + _LEGEND
        + _sources_html(doc.articles)
        + "</aside>"
        + _data_blocks(data, cdn=cdn)
    )


def story_data(doc: StoryDoc, lons: dict[int, float], legs: list[dict[str, Any]], *, cdn: bool) -> dict[str, Any]:
    """What ``storymap.js`` reads: each stop's place, date, zoom and label, the legs, and where the outlines are."""
    total = len(doc.stops)
    basemap: dict[str, Any] = {"inline": "sm-countries"}
    if cdn:
        basemap = {"url": ASSETS["world_atlas"].cdn_url, "integrity": integrity("world_atlas")}
    return {
        "title": doc.title,
        "span": journey_span(doc.stops),
        "stops": [
            {
                "seq": s.seq,
                "name": s.name,
                "nameAr": s.name_ar,
                "lat": s.lat,
                "lon": round(lons[s.seq], 6),
                "date": date_range_text(s.date_start, s.date_end),
                "dated": s.date_start is not None,
                "certainty": s.date_certainty,
                "zoom": stop_zoom(s.uncertainty_km),
                "label": stop_label(s, total),
            }
            for s in doc.stops
        ],
        "legs": legs,
        "basemap": basemap,
    }
