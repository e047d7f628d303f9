"""The map's TopoJSON layers decoded once into shapely and kept as WKB: a build reads only what is near its route.

Decoding the pinned 1:50m TopoJSON (country outlines, rivers, lakes) into
shapely geometries costs more than the rest of the map. It is done once per
TopoJSON file and layer and kept in a compact file under ``data/outlines/``
(or ``$GEOSTORY_OUTLINES_DIR``): every geometry as WKB, with its name and its
bounding box. The file's name carries the SHA-256 of the TopoJSON it was
decoded from and the format's version, so a changed package is compiled again
at its first use, and files of other versions are removed then. Where the
folder cannot be written the layer is decoded in memory each time (slower, the
same geometries). A build then turns into shapely only the geometries whose
box comes near its region (:meth:`Layer.near`); WKB keeps every coordinate
exactly, so the map is the same bytes as when decoding the TopoJSON itself.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from geo.atomic import write_bytes_atomic
from geo.errors import OutputError
from geo.outputs.webmap.assets import ASSETS, assets_dir

__all__ = ["Layer", "decode_topojson", "load_compiled", "load_layer", "outlines_dir"]

_FORMAT = 1
_MAGIC = b"geostory-outlines\n"
_SHIFTS = np.array([-360.0, 0.0, 360.0])
#: What derives a layer from a decoded TopoJSON topology: ``(name, shapely geometry)`` pairs.
Decoder = Callable[[dict[str, Any]], list[tuple[str, BaseGeometry]]]


def outlines_dir() -> Path:
    """Where the compiled layers live: ``$GEOSTORY_OUTLINES_DIR``, else ``data/outlines`` of the project."""
    override = os.environ.get("GEOSTORY_OUTLINES_DIR")
    return Path(override) if override else Path(__file__).resolve().parents[3] / "data" / "outlines"


# --- TopoJSON to shapely ---------------------------------------------------------------------------------------


def _decoded_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def _polygon(rings: list[list[int]], arcs: list[list[tuple[float, float]]]) -> Polygon:
    shell, *holes = (_ring(r, arcs) for r in rings)
    return Polygon(shell, holes)


def _line(indices: list[int], arcs: list[list[tuple[float, float]]]) -> LineString:
    return LineString(_ring(indices, arcs))


def _shape(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> BaseGeometry | None:
    """A TopoJSON geometry as shapely (polygons made valid); ``None`` for kinds the map does not draw."""
    kind, parts = geometry.get("type"), geometry.get("arcs")
    if kind == "Polygon":
        shape: BaseGeometry = _polygon(parts, arcs)
    elif kind == "MultiPolygon":
        shape = MultiPolygon([_polygon(p, arcs) for p in parts])
    elif kind == "LineString":
        return _line(parts, arcs)
    elif kind == "MultiLineString":
        return MultiLineString([_line(p, arcs) for p in parts])
    else:
        return None
    return shape if shape.is_valid else shape.buffer(0)


def decode_topojson(topo: dict[str, Any], layer: str) -> list[tuple[str, BaseGeometry]]:
    """The geometries of object ``layer`` of a quantized TopoJSON topology as ``(name, shapely geometry)``.

    Polygons come valid; a geometry without a name gets ``""``; kinds the map does not draw (points) are left out.

    Raises
    ------
    KeyError, TypeError, ValueError
        When ``topo`` is not a quantized topology with that object.
    """
    geometries = topo["objects"][layer]["geometries"]
    arcs = _decoded_arcs(topo)
    out = []
    for geometry in geometries:
        shape = _shape(geometry, arcs)
        if shape is not None:
            out.append((str((geometry.get("properties") or {}).get("name", "")), shape))
    return out


# --- the compiled layer ----------------------------------------------------------------------------------------


class Layer:
    """One layer's geometries, as names, bounding boxes and WKB; turned into shapely when asked, each once.

    Parameters
    ----------
    names:
        Each geometry's name, in the TopoJSON's order.
    bounds:
        Each geometry's ``(min_x, min_y, max_x, max_y)``, an ``(n, 4)`` array.
    blob:
        The geometries' WKB, one after the other.
    offsets:
        Where each geometry's WKB starts in ``blob`` (``n + 1`` numbers, the last its length).
    """

    __slots__ = ("names", "bounds", "_blob", "_offsets", "_shapes", "_lock")

    def __init__(self, names: tuple[str, ...], bounds: np.ndarray, blob: bytes, offsets: np.ndarray) -> None:
        self.names = names
        self.bounds = bounds
        self._blob = blob
        self._offsets = offsets
        self._shapes: dict[int, BaseGeometry] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.names)

    def near(self, region: tuple[float, float, float, float]) -> list[int]:
        """The geometries whose box meets ``region`` (``(south, west, north, east)``) at its longitudes or a
        world away (past ±180), in file order: no other geometry can have a part in the region."""
        south, west, north, east = region
        lo_x, lo_y, hi_x, hi_y = (self.bounds[:, k, None] for k in range(4))
        meets = ~((hi_x < west - _SHIFTS) | (lo_x > east - _SHIFTS) | (hi_y < south) | (lo_y > north))
        return np.flatnonzero(meets.any(axis=1)).tolist()

    def items(self, indices: Iterable[int] | None = None) -> list[tuple[str, BaseGeometry]]:
        """``(name, geometry)`` of the geometries at ``indices`` (default: all), in that order."""
        wanted = range(len(self.names)) if indices is None else list(indices)
        with self._lock:
            missing = [i for i in wanted if i not in self._shapes]
            if missing:
                pieces = [self._blob[self._offsets[i] : self._offsets[i + 1]] for i in missing]
                shapes = shapely.from_wkb(np.array(pieces, dtype=object))
                self._shapes.update(zip(missing, shapes, strict=True))
            return [(self.names[i], self._shapes[i]) for i in wanted]


def _layer_of(shapes: list[tuple[str, BaseGeometry]]) -> Layer:
    geometries = np.array([shape for _, shape in shapes], dtype=object)
    pieces = shapely.to_wkb(geometries, byte_order=1, include_srid=False) if len(shapes) else np.array([])
    offsets = np.zeros(len(shapes) + 1, dtype=np.int64)
    np.cumsum([len(piece) for piece in pieces], out=offsets[1:])
    bounds = shapely.bounds(geometries) if len(shapes) else np.zeros((0, 4))
    return Layer(tuple(name for name, _ in shapes), bounds.reshape(-1, 4), b"".join(pieces), offsets)


def _encoded(layer: Layer, source: str) -> bytes:
    header = {"source_sha256": source, "names": list(layer.names), "bounds": layer.bounds.tolist(),
              "offsets": layer._offsets.tolist()}  # fmt: skip
    text = json.dumps(header, ensure_ascii=False).encode("utf-8")
    return _MAGIC + len(text).to_bytes(8, "little") + text + layer._blob


def _decoded(data: bytes, source: str) -> Layer | None:
    """The layer stored in ``data``; ``None`` when it is not a whole compiled layer of ``source``."""
    start = len(_MAGIC) + 8
    if not data.startswith(_MAGIC) or len(data) < start:
        return None
    size = int.from_bytes(data[len(_MAGIC) : start], "little")
    try:
        header = json.loads(data[start : start + size].decode("utf-8"))
        names, offsets = tuple(header["names"]), np.asarray(header["offsets"], dtype=np.int64)
        bounds = np.asarray(header["bounds"], dtype=float).reshape(-1, 4)
    except (ValueError, KeyError, TypeError):
        return None
    blob = data[start + size :]
    if header.get("source_sha256") != source or len(offsets) != len(names) + 1 or len(bounds) != len(names):
        return None
    return Layer(names, bounds, blob, offsets) if offsets[-1] == len(blob) else None


def _compiled(path: Path, data: bytes, build: Decoder, source: str) -> Layer:
    """Decode the TopoJSON ``data`` with ``build`` and keep the layer in ``path`` (its stale files removed)."""
    compiled = _layer_of(build(json.loads(data)))
    try:
        write_bytes_atomic(path, _encoded(compiled, source))
        prefix = path.name.rsplit(".", 3)[0] + "."
        for stale in path.parent.glob(prefix + "*.wkb"):
            if stale != path and stale.name.count(".") == path.name.count("."):
                stale.unlink(missing_ok=True)
    except (OutputError, OSError):
        pass  # a folder that cannot be written: the layer is decoded again next time
    return compiled


@functools.cache
def _load(asset: str, name: str, build: Decoder, root: Path, folder: Path) -> Layer:
    path = root / ASSETS[asset].path
    try:
        data = path.read_bytes()
        source = hashlib.sha256(data).hexdigest()
        target = folder / f"{asset}.{name}.{source[:20]}.v{_FORMAT}.wkb"
        try:
            stored = _decoded(target.read_bytes(), source)
        except OSError:
            stored = None
        return stored if stored is not None else _compiled(target, data, build, source)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        package = ASSETS[asset].package or asset
        raise OutputError(
            f"front-end package {package} is missing or broken ({path}): run `npm ci --prefix assets`"
        ) from exc


def load_compiled(asset: str, name: str, build: Decoder) -> Layer:
    """The layer ``build`` derives from the pinned TopoJSON asset ``asset``, compiled at its first use.

    Parameters
    ----------
    asset:
        The TopoJSON asset (:data:`~geo.outputs.webmap.assets.ASSETS`).
    name:
        The derived layer's name in the compiled file's name (letters, digits, ``-`` and ``_``); a new way of
        deriving it needs a new name.
    build:
        Turns the decoded topology into ``(name, shapely geometry)`` pairs (raising ``KeyError``, ``TypeError``
        or ``ValueError`` when it is not the topology expected).

    Raises
    ------
    OutputError
        When the package's file is missing or is not the TopoJSON ``build`` expects.
    """
    return _load(asset, name, build, assets_dir(), outlines_dir())


@functools.cache
def _objects(layer: str) -> Decoder:
    return functools.partial(decode_topojson, layer=layer)


def load_layer(asset: str, layer: str) -> Layer:
    """The compiled object ``layer`` of the pinned TopoJSON asset ``asset`` (:func:`decode_topojson`, compiled at
    its first use).

    Raises
    ------
    OutputError
        When the package's file is missing or is not TopoJSON with that object.
    """
    return load_compiled(asset, layer, _objects(layer))
