"""A news archive in, every journey out: ``geo archive`` (sources, cached readings, journeys, the Dask engine).

Comes after :mod:`geo.outputs` in the flow: each journey found in the archive is told
as a story and written with every output of ``geo build``.
"""
