"""The story map page put together: the map in its page, its layers, its panel; rendered and written.

:func:`build_map` gives the folium map (streamlit-folium shows it as it
is), :func:`render_map` the HTML text, :func:`write_map` the file.
"""

from __future__ import annotations

from pathlib import Path

import folium

from geo.atomic import write_text_atomic
from geo.errors import IndexBuildError
from geo.outputs.webmap.assets import check_packages
from geo.outputs.webmap.basemap import region_box, region_outlines
from geo.outputs.webmap.elements import Attribution, StoryControls, StoryFigure, StoryMap, number_elements
from geo.outputs.webmap.geometry import bounds, display_lons, leg_paths
from geo.outputs.webmap.layers import add_context, add_route, add_stops, add_uncertainty
from geo.outputs.webmap.mapnames import map_names
from geo.outputs.webmap.panel import panel_html, story_data
from geo.outputs.webmap.water import region_water
from geo.outputs.words import word
from geo.places.gazetteer import Gazetteer, load_gazetteer
from geo.story.document import StoryDoc, doc_language

__all__ = ["build_map", "render_map", "write_map"]

_DATA_ATTR = (
    '<a href="https://www.geonames.org/">GeoNames</a> '
    '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>) · '
    '<a href="https://www.naturalearthdata.com/">Natural Earth</a>'
)
_WORLD = [[-60.0, -170.0], [75.0, 170.0]]  # the overview of a story without a stop
_MAX_OVERVIEW_ZOOM = 7


def _default_gazetteer() -> Gazetteer | None:
    """The project's gazetteer for the map's names; ``None`` (a map without them) when it cannot be loaded."""
    try:
        return load_gazetteer(check=False)
    except IndexBuildError:
        return None


def build_map(
    doc: StoryDoc,
    *,
    cdn: bool = False,
    lang: str | None = None,
    gazetteer: Gazetteer | None = None,
    tiles: bool = True,
    show_tiles: bool = False,
) -> StoryMap:
    """The story's folium map, inside its page (call ``get_root().render()`` for the HTML); its element ids are
    numbered deterministically.

    ``cdn`` loads the third-party packages from jsDelivr instead of inlining them; ``lang`` is the page's language
    (``en``, ``ar``, ``fr``; default: the one most articles are written in); ``gazetteer`` gives the names of
    countries, seas and cities around the route (default: the project's); ``tiles`` offers the online street map in
    the layer control (fetched only once the reader ticks it, so an offline page asks nothing), ``show_tiles``
    shows it at once.

    Raises
    ------
    OutputError
        When a front-end package is not installed at its pinned version (checked first, with one clear message).
    """
    check_packages()
    articles = {a.name: a for a in doc.articles}
    lang = lang or doc_language(doc)
    lons = display_lons(doc.stops)
    legs = leg_paths(doc.stops, lons)
    points = [(s.lat, lons[s.seq]) for s in doc.stops] + [(p[0], p[1]) for leg in legs for p in leg["path"]]

    m = StoryMap(location=None, tiles=None, zoom_start=2, control_scale=True, world_copy_jump=False)
    m.label = word(lang, "map_label")
    figure = StoryFigure(title=doc.title or word(lang, "story_map"), cdn=cdn, lang=lang)
    figure.add_child(m)
    # The overview first, before any layer is added: no tile is fetched for another view.
    m.fit_bounds(bounds(points) if points else _WORLD, padding=(40, 40), max_zoom=_MAX_OVERVIEW_ZOOM)

    region = region_box(points)
    gazetteer = gazetteer or _default_gazetteer()
    stop_points = [(s.lat, lons[s.seq]) for s in doc.stops]
    names = map_names(gazetteer, region, stop_points, lang=lang) if gazetteer is not None else []

    add_uncertainty(m, doc.stops, lons, lang=lang)
    route = add_route(m, legs, lang=lang)
    add_context(m, doc.places, articles, lang=lang)
    markers = add_stops(m, doc.stops, lons, articles, lang=lang)

    m.add_child(Attribution(_DATA_ATTR))
    control = folium.LayerControl(position="topright", collapsed=True)
    control.add_to(m)

    data = story_data(doc, lons, legs, cdn=cdn, lang=lang, names=names, tiles=tiles, show_tiles=show_tiles)
    outlines = region_outlines(region)
    if outlines is not None:
        outlines.update(region_water(region) or {})
    panel = panel_html(doc, data, cdn=cdn, lang=lang, region=outlines)
    m.add_child(StoryControls(panel, route=route, markers=markers, control=control))
    number_elements(figure)
    return m


def render_map(doc: StoryDoc, *, cdn: bool = False, lang: str | None = None, gazetteer: Gazetteer | None = None) -> str:
    """The story map as one HTML page.

    Parameters
    ----------
    doc:
        The story document.
    cdn:
        ``False`` (default): every script and style is inlined, the page
        needs no network (but for tiles). ``True``: Leaflet, leaflet-ant-path,
        topojson-client and the world outlines load from jsDelivr at the
        pinned versions; our own script and style stay inline.
    lang:
        The page's language; default: the one most of the story's articles are written in.

    Returns
    -------
    str
        The HTML text; the same story gives the same text.

    Raises
    ------
    OutputError
        When a front-end asset is missing or not at its pinned version.
    """
    return build_map(doc, cdn=cdn, lang=lang, gazetteer=gazetteer).get_root().render()


def write_map(
    doc: StoryDoc, path: Path, *, cdn: bool = False, lang: str | None = None, gazetteer: Gazetteer | None = None
) -> Path:
    """Write :func:`render_map` to ``path`` atomically (UTF-8); returns the path.

    Raises
    ------
    OutputError
        When an asset is missing or the file cannot be written.
    """
    return write_text_atomic(Path(path), render_map(doc, cdn=cdn, lang=lang, gazetteer=gazetteer))
