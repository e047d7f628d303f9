"""The map's front-end assets (geo/outputs/webmap/assets.py): inlined, or pinned on jsDelivr with integrity."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo.errors import OutputError
from geo.outputs.webmap import PINNED, render_map
from geo.outputs.webmap.assets import escape_json_text, json_for_html
from tests.conftest import ROOT
from tests.outputs.webmap.story_page import TILE_HOST, fixture_doc, json_block, parse


def test_self_contained_page_loads_nothing(page: str) -> None:
    parsed = parse(page)
    for tag, attrs in parsed.tags:
        assert not (tag == "script" and attrs.get("src")), f"external script {attrs}"
        assert tag != "link", f"external link {attrs}"
    assert 'src="http' not in page and 'href="http' not in re.sub(r"<a [^>]*>", "", page)
    assert "cdn." not in page.replace(TILE_HOST, "")
    for banned in ("jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers", "glyphicon"):
        assert banned not in page.lower(), banned
    assert "url(images/" not in page, "a relative image URL of leaflet.css was left"
    assert "sourceMappingURL=leaflet" not in page
    assert "$(" not in parsed.scripts[-1][1], "the map script calls jQuery"
    countries = json_block(page, "sm-countries")
    assert countries["type"] == "Topology" and "countries" in countries["objects"]


def test_cdn_variant_loads_pinned_packages_with_integrity(cdn_page: str) -> None:
    sources = [a["src"] for a, _ in parse(cdn_page).scripts if a.get("src")]
    assert sources == [
        f"https://cdn.jsdelivr.net/npm/leaflet@{PINNED['leaflet']}/dist/leaflet.js",
        f"https://cdn.jsdelivr.net/npm/leaflet-ant-path@{PINNED['leaflet-ant-path']}/dist/leaflet-ant-path.js",
        f"https://cdn.jsdelivr.net/npm/topojson-client@{PINNED['topojson-client']}/dist/topojson-client.min.js",
    ]
    links = [a for t, a in parse(cdn_page).tags if t == "link"]
    assert [a["href"] for a in links] == [f"https://cdn.jsdelivr.net/npm/leaflet@{PINNED['leaflet']}/dist/leaflet.css"]
    for tag, attrs in parse(cdn_page).tags:
        if tag in {"script", "link"} and (attrs.get("src") or attrs.get("href")):
            assert str(attrs.get("integrity", "")).startswith("sha384-") and attrs.get("crossorigin") == "anonymous"
    data = json_block(cdn_page, "story-data")
    assert (
        data["basemap"]["url"]
        == f"https://cdn.jsdelivr.net/npm/world-atlas@{PINNED['world-atlas']}/countries-110m.json"
    )
    assert "window.StoryMap = " in cdn_page  # our own script stays inline
    assert 'id="sm-countries"' not in cdn_page  # the outlines are fetched from jsDelivr
    assert len(cdn_page) < 200_000


def test_pins_match_package_json() -> None:
    manifest = json.loads((ROOT / "assets" / "package.json").read_text(encoding="utf-8"))
    assert manifest["dependencies"] == PINNED


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("</script>", '"\\u003c/script\\u003e"'),
        ({"a": "x & y"}, '{"a":"x \\u0026 y"}'),
        (["حلب"], '["حلب"]'),
    ],
)
def test_json_for_html_escapes_what_could_end_a_script(value: object, text: str) -> None:
    plain = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert json_for_html(value) == text == escape_json_text(plain)
    assert json.loads(text) == value


def test_missing_assets_say_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOSTORY_ASSETS_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(OutputError, match=r"npm ci --prefix assets"):
        render_map(fixture_doc())


def test_wrong_package_version_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "node_modules" / "leaflet"
    package.mkdir(parents=True)
    (package / "package.json").write_text('{"version": "1.9.4"}', encoding="utf-8")
    monkeypatch.setenv("GEOSTORY_ASSETS_DIR", str(tmp_path))
    with pytest.raises(OutputError, match=r"leaflet is 1\.9\.4, the map needs 1\.9\.3"):
        render_map(fixture_doc())
