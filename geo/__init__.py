"""geo: an offline, Arabic-first geoparser that turns news about a journey into a story map.

The pipeline runs one way: :mod:`geo.ingest` reads articles,
:mod:`geo.recognize` finds place mentions against the :mod:`geo.gazetteer`
index, :mod:`geo.resolve` picks the place each mention names, and
:mod:`geo.story` gathers them into map features written by :mod:`geo.export`.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
