"""geo: an offline, Arabic-first geoparser that turns news about a journey into a story map.

The pipeline runs one way: :mod:`geo.text.reading` reads articles,
:mod:`geo.places.recognition` finds place mentions against the :mod:`geo.places.gazetteer`
index, :mod:`geo.places.resolution` picks the place each mention names, and
:mod:`geo.story.features` gathers them into map features written by :mod:`geo.outputs.geojson`.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
