"""The map in the presenter: views per stop, the offline folium map, the route travelled so far."""

from __future__ import annotations

import pytest

from geo.presenter.mapview import _walk, fit_zoom, map_for_app, overview_view, progress_layer, stop_view, view_at
from geo.story.document import StoryDoc


def test_views(doc: StoryDoc) -> None:
    overview = overview_view(doc)
    assert 41 < overview.center[0] < 44 and 126 < overview.center[1] < 129
    assert 2 <= overview.zoom <= 7
    assert stop_view(doc.stops[1]).center == (42.0, 127.0)
    assert view_at(doc, 0) == overview and view_at(doc, 2) == stop_view(doc.stops[1])
    assert overview_view(doc.model_copy(update={"stops": []})).zoom == 2


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        (((0.0, 0.0), (0.1, 0.1)), 7),  # tiny: capped
        (((-60.0, -170.0), (75.0, 170.0)), 2),  # the world
        (((39.0, 125.0), (52.0, 138.0)), 5),
    ],
)
def test_fit_zoom(bounds, expected: int) -> None:  # noqa: ANN001
    assert fit_zoom(bounds, width=900, height=620) == expected


def test_map_for_app_loads_nothing_from_the_network(doc: StoryDoc) -> None:
    m = map_for_app(doc)
    links = [
        url for element in _walk(m) for attr in ("default_js", "default_css") for _, url in getattr(element, attr, [])
    ]
    assert links and all(url.startswith("data:") for url in links)
    layer = progress_layer(doc, 3)
    assert len(layer._children) == 3  # two legs travelled and the ring on the current stop
    assert len(progress_layer(doc, 0)._children) == 0


def test_a_clicked_marker_is_its_stop_and_tiles_are_opt_in(doc: StoryDoc) -> None:
    import json

    import folium

    from geo.outputs.webmap.layers import tile_source
    from geo.presenter.mapview import stop_at

    second = doc.stops[1]
    assert stop_at(doc, second.lat, second.lon) == 2
    assert stop_at(doc, second.lat, second.lon + 360.0) == 2  # one world over
    assert stop_at(doc, 0.0, 0.0) == 0
    assert not any(isinstance(c, folium.TileLayer) for c in map_for_app(doc)._children.values())  # never a layer
    # the street map is in the page only when asked for, and then shows at once (off: not one request)
    url = json.dumps(tile_source()["url"])
    assert url not in map_for_app(doc).get_root().render()
    assert f'"tiles":{{"url":{url},"show":true' in map_for_app(doc, tiles=True).get_root().render()


def test_with_a_static_folder_the_assets_and_outlines_are_files(doc: StoryDoc, tmp_path) -> None:  # noqa: ANN001
    import json

    from geo.outputs.webmap import StoryControls
    from geo.presenter.static import FRAME_PREFIX

    m = map_for_app(doc, static=tmp_path)
    links = [url for e in _walk(m) for attr in ("default_js", "default_css") for _, url in getattr(e, attr, [])]
    assert links and all(url.startswith(FRAME_PREFIX) for url in links)
    (controls,) = [e for e in _walk(m) if isinstance(e, StoryControls)]
    assert 'id="sm-countries"' not in controls.panel and '"basemap":{"url":"../../app/static/' in controls.panel
    assert 'id="sm-region"' not in controls.panel and '"region":"../../app/static/' in controls.panel
    assert len(links) == 2  # one script file, one style sheet
    files = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in (tmp_path / "geostory").glob("*.json")}
    assert sorted(data.get("type", "region") for data in files.values()) == ["Topology", "region"]
    (region,) = [data for data in files.values() if "box" in data]
    assert {"land", "lines", "rivers", "lakes"} <= set(region)  # the 1:50m outlines, rivers and lakes
