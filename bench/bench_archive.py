"""``geo archive`` on a test archive assembled from ``../shared/eval``, with the journeys it holds known.

Run: ``.venv/bin/python bench/bench_archive.py [--articles 2000] [--dev-set DIR ...] [--show-strays]``. Prints its
figures, asserts nothing.

The archive (one JSON-lines file, in a scratch folder): the dev set's articles with their trips (default
``/work/shared/eval/dev``; give ``--dev-set`` again for more, e.g. ``/work/dev86``), and GeoWebNews and IDRISI
texts as unrelated news, repeated with publication dates shifted by 260 weeks a copy (60 days put a copy of a trip days
before another trip of the same traveller, a journey no archive holds) and the outlet renamed, up to
``--articles``. Each copy of a trip is one known journey. Prints: reading articles/s on one core (this process),
the 1 → 2 worker speed-up of a local cluster, the peak memory of a worker process, the archive's throughput, the
time of a re-run with 1 % new articles, and journey recovery: the share of known trips whose read articles all
sit in one journey, and the share of the stops of the journeys holding dev articles that belong to the journey's
main trip (most of the articles quoted for the stop are of that trip).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.archive.run import run_archive  # noqa: E402
from geo.text.reading import parse_front_matter  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SHIFT_DAYS = 1820  # 260 weeks: a copy keeps its weekdays and lands years from any trip of the same traveller


def _dev_records(folder: Path) -> list[dict]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    records = []
    for entry in gold:
        fields, body, _ = parse_front_matter((folder / "texts" / entry["file"]).read_text(encoding="utf-8"))
        published = fields.get("published") or entry.get("published")
        records.append(
            {
                "text": body,
                "published": str(published) if published else None,
                "url": fields.get("url"),
                "source": fields.get("source"),
                "language": fields.get("language") or entry["language"],
                "trip": f"{folder.name}:{entry['trip']}",
            }
        )
    return records


def _unrelated(limit: int) -> list[dict]:
    records = []
    for name in ("gwn_train.jsonl", "idrisi_d_ar_train.jsonl", "idrisi_r_ar_train.jsonl"):
        path = EVAL / "public" / name
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if row.get("text") and len(records) < limit:
                records.append(
                    {
                        "text": row["text"],
                        "published": row.get("published") or "2020-01-01",
                        "language": row.get("lang"),
                        "source": row.get("corpus"),
                        "trip": None,
                    }
                )
    return records


def _shifted(record: dict, copy: int) -> dict:
    out = dict(record)
    if record["published"]:
        out["published"] = (
            dt.date.fromisoformat(record["published"][:10]) + dt.timedelta(SHIFT_DAYS * copy)
        ).isoformat()
    out["source"] = f"{record.get('source') or 'outlet'}-{copy}"
    out["trip"] = f"{record['trip']}#{copy}" if record["trip"] else None
    return out


def assemble(path: Path, *, dev: list[dict], unrelated: list[dict], articles: int) -> dict[str, str]:
    """Write the archive; returns each dev article's name (``FILE:LINE``) and its known journey."""
    known: dict[str, str] = {}
    copies = max(1, articles // max(1, len(dev) + len(unrelated)))
    with path.open("w", encoding="utf-8") as handle:
        line = 0
        for copy in range(copies + 1):
            for record in [*dev, *unrelated]:
                if line >= articles:
                    break
                row = _shifted(record, copy)
                line += 1
                if row["trip"]:
                    known[f"{path.name}:{line}"] = row["trip"]
                handle.write(json.dumps({k: v for k, v in row.items() if k != "trip"}, ensure_ascii=False) + "\n")
    return known


def recovery(summary: dict, known: dict[str, str], out: Path, *, show: bool = False) -> tuple[float, float]:
    """Share of known trips found as one journey; share of the stops of dev-holding journeys from their trip.

    A journey's trip is the known trip most of its articles come from; one of its stops belongs to it when
    most of the articles quoted for the stop are of that trip. With ``show``, prints each stop that does not
    belong: its journey, the journey's trip, and where its quotes come from (``-``: no known trip).
    """
    where = {name: j["journey"] for j in summary["journeys"] for name in j["articles"]}
    trips: dict[str, set[str]] = {}
    for name, trip in known.items():
        if name in where:
            trips.setdefault(trip, set()).add(where[name])
    found = sum(1 for journeys in trips.values() if len(journeys) == 1)
    total_trips = len(set(known.values()))
    own = total = 0
    for journey in summary["journeys"]:
        labels = Counter(known[name] for name in journey["articles"] if name in known)
        if not labels:
            continue
        trip = min(labels, key=lambda t: (-labels[t], t))
        story = json.loads((out / "journeys" / journey["journey"] / "story.json").read_text(encoding="utf-8"))
        for stop in story["stops"]:
            quoted = [known.get(q["article"]) == trip for q in stop["quotes"]]
            own += sum(quoted) * 2 > len(quoted)
            total += 1
            if show and sum(quoted) * 2 <= len(quoted):
                sources = Counter(known.get(q["article"], "-") for q in stop["quotes"])
                print(f"  stray stop {stop.get('name')!r} in {journey['journey']} ({trip}): {dict(sources)}")
    return found / max(1, total_trips), own / max(1, total)


def _timed(source: Path, out: Path, **kwargs: object) -> tuple[float, object]:
    start = time.perf_counter()
    report = run_archive(source, out=out, progress=None, **kwargs)
    return time.perf_counter() - start, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--dev-set", type=Path, action="append")
    parser.add_argument("--one-core-sample", type=int, default=200)
    parser.add_argument("--show-strays", action="store_true", help="print the stops that do not belong")
    args = parser.parse_args()
    dev = [r for folder in (args.dev_set or [EVAL / "dev"]) for r in _dev_records(folder)]
    unrelated = _unrelated(max(0, args.articles - len(dev)))
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as scratch:
        root = Path(scratch)
        (root / "news").mkdir()
        (root / "sample").mkdir()
        known = assemble(root / "news" / "archive.jsonl", dev=dev, unrelated=unrelated, articles=args.articles)
        assemble(root / "sample" / "sample.jsonl", dev=dev, unrelated=unrelated, articles=args.one_core_sample)
        _, one = _timed(root / "sample", root / "out-1core", workers=0)
        print(f"reading, one core (this process): {one.read / one.seconds['reading']:.1f} articles/s")
        t1, r1 = _timed(root / "news", root / "out-w1", workers=1)
        t2, r2 = _timed(root / "news", root / "out-w2", workers=2)
        print(f"1 worker: reading {r1.seconds['reading']:.1f} s, whole run {t1:.1f} s")
        print(
            f"2 workers: reading {r2.seconds['reading']:.1f} s, whole run {t2:.1f} s; "
            f"speed-up (reading) {r1.seconds['reading'] / r2.seconds['reading']:.2f}x"
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of a worker process: {peak:.0f} MB")
        print(
            f"throughput, 2 workers: {r2.articles / t2:.1f} articles/s ({r2.articles} articles, {r2.journeys} journeys)"
        )
        extra = assemble(
            root / "news" / "new.jsonl",
            dev=[],
            unrelated=_shifted_all(unrelated, 7),
            articles=max(1, args.articles // 100),
        )
        del extra
        t3, r3 = _timed(root / "news", root / "out-w2", workers=2)
        print(f"re-run with {r3.read} new articles ({r3.cached} cached, {r3.kept} journeys kept): {t3:.1f} s")
        summary = json.loads((root / "out-w2" / "summary.json").read_text(encoding="utf-8"))
        trips, purity = recovery(summary, known, root / "out-w2", show=args.show_strays)
        print(
            f"journey recovery: {trips:.2f} of the known trips found as one journey; "
            f"{purity:.2f} of a journey's stops belong to its trip"
        )


def _shifted_all(records: list[dict], copy: int) -> list[dict]:
    return [_shifted(r, copy) for r in records]


if __name__ == "__main__":
    main()
