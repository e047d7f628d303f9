"""``index.html`` of an archive: every journey found, searchable, offline (no CDN, no script from elsewhere).

One row per journey: traveller, dates, stops, a small route drawn in SVG, the
articles (linked to their pages) and a link to the journey's own map. Every
text from an article is escaped; the search box filters rows in the page itself.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from geo.story.document import StoryDoc

__all__ = ["JourneyEntry", "render_index"]

_SVG_SIZE = 120
_SVG_MARGIN = 8
_SCRIPT = """
const box = document.getElementById('q');
box.addEventListener('input', () => {
  const words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
  for (const row of document.querySelectorAll('tbody tr')) {
    const text = row.dataset.search;
    row.hidden = !words.every(w => text.includes(w));
  }
});
"""
_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}"
    "td,th{border-bottom:1px solid #ddd;padding:.4em;vertical-align:top;text-align:start}"
    "ol{margin:0;padding-inline-start:1.2em}svg{background:#f4f7fb}input{font-size:1em;padding:.3em;width:20em}"
)


@dataclass(frozen=True, slots=True)
class JourneyEntry:
    """A journey as the index lists it: its folder name and story document."""

    slug: str
    doc: StoryDoc


def _route_svg(doc: StoryDoc) -> str:
    """The stops as a polyline in a small equirectangular box."""
    points = [(s.lon, s.lat) for s in doc.stops]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    span = max(max(lons) - min(lons), max(lats) - min(lats), 1e-6)
    scale = (_SVG_SIZE - 2 * _SVG_MARGIN) / span
    xy = [
        (_SVG_MARGIN + (lon - min(lons)) * scale, _SVG_SIZE - _SVG_MARGIN - (lat - min(lats)) * scale)
        for lon, lat in points
    ]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#c0392b"/>' for x, y in xy)
    return (
        f'<svg width="{_SVG_SIZE}" height="{_SVG_SIZE}" role="img" aria-label="route">'
        f'<polyline points="{line}" fill="none" stroke="#2c3e50" stroke-width="1.5"/>{dots}</svg>'
    )


def _row(entry: JourneyEntry) -> str:
    doc, esc = entry.doc, html.escape
    dates = sorted(d for s in doc.stops for d in (s.date_start, s.date_end) if d is not None)
    when = f"{dates[0].isoformat()} – {dates[-1].isoformat()}" if dates else "dates unknown"
    names = [n for n in (doc.traveller, doc.traveller_ar, doc.traveller_latin) if n]
    traveller = " / ".join(dict.fromkeys(names)) or "unknown traveller"
    stops = "".join(
        f"<li>{esc(s.name)}{' — ' + esc(s.name_ar) if s.name_ar else ''}"
        f"{' (' + s.date_start.isoformat() + ')' if s.date_start else ''}</li>"
        for s in doc.stops
    )
    articles = "".join(
        f'<li><a href="{esc(a.url)}">{esc(a.title or a.name)}</a>' if a.url else f"<li>{esc(a.title or a.name)}"
        for a in doc.articles
    )
    search = " ".join([traveller, *(s.name for s in doc.stops), *(s.name_ar or "" for s in doc.stops)])
    search += " " + " ".join(f"{a.title or ''} {a.source or ''}" for a in doc.articles)
    link = f"journeys/{esc(entry.slug)}/story.html"
    return (
        f'<tr data-search="{esc(search.lower())}"><td><a href="{link}">{esc(traveller)}</a></td>'
        f"<td>{esc(when)}</td><td><ol>{stops}</ol></td><td>{_route_svg(doc)}</td>"
        f"<td><ul>{articles}</ul></td></tr>"
    )


def render_index(entries: Iterable[JourneyEntry], *, summary: str) -> str:
    """The page listing ``entries`` (in the order given) under a ``summary`` line."""
    rows = "\n".join(_row(entry) for entry in entries)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Journeys in the archive</title><style>{_STYLE}</style></head><body>"
        f"<h1>Journeys in the archive</h1><p>{html.escape(summary)}</p>"
        '<p><label for="q">Search </label><input id="q" type="search" placeholder="traveller, place, outlet"></p>'
        "<table><thead><tr><th>Traveller</th><th>Dates</th><th>Stops</th><th>Route</th><th>Articles</th></tr></thead>"
        f"<tbody>\n{rows}\n</tbody></table><script>{_SCRIPT}</script></body></html>\n"
    )
