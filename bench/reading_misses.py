"""Which toponyms the reader misses and which it invents, by kind, on the public corpora.

Run: ``.venv/bin/python bench/reading_misses.py [gwn|idrisi] [--show N]``. For each gold toponym
the reader does not find, it prints why: no mention at all (the name is not in the gazetteer, or
recognition skipped it) or a mention that resolution rejected; and what the gold is (a country, a
first-level region, a city, a demonym, a multi-word name…). Then the most frequent misses and the
most frequent extra spans. An analysis tool: it asserts nothing and changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_reading import EVAL, LITERAL, NOT_COUNTED, _article, _documents, _match  # noqa: E402

from geo.model import PlaceType  # noqa: E402
from geo.pipeline import Pipeline  # noqa: E402
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
        spans = [(r.mention.start, r.mention.end) for r in result.resolutions]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=("gwn", "idrisi"))
    parser.add_argument("--show", type=int, default=60)
    parser.add_argument("--literal", action="store_true", help="GeoWebNews: literal toponyms only")
    args = parser.parse_args()
    analyse(args.corpus, show=args.show, literal_only=args.literal)


if __name__ == "__main__":
    main()
