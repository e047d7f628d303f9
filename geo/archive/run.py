"""``geo archive``: read an archive (cached), find its journeys, write each one's story, list them.

The steps, each streamed through the :class:`~geo.archive.engine.Engine`:
articles not in the cache are read in batches on the workers and their readings
stored; the journeys are found from the readings' digests; each journey is told
and its outputs written into ``OUT/journeys/<slug>/`` (one transaction each),
unless what it is told from is unchanged since the last run (:func:`journey_digest`);
``OUT/index.html``, ``OUT/journeys.parquet`` and ``OUT/summary.json`` list
them, with every article that failed or belongs to no journey. Everything is
sorted, nothing is timed: the same archive gives the same bytes wherever it runs.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from geo.archive.cache import CACHE_NAME, ReadingCache
from geo.archive.engine import Engine
from geo.archive.index_page import JourneyEntry, render_index
from geo.archive.journeys import Journey, find_journeys
from geo.archive.reading import content_key, read_batch, reader_version
from geo.archive.sources import Failed, iter_articles
from geo.archive.story import journey_task
from geo.archive.table import stop_rows, write_table
from geo.atomic import write_text_atomic
from geo.errors import InputError
from geo.model import Article
from geo.outputs.transaction import MANIFEST_NAME, OUTPUT_NAMES, write_output_set
from geo.settings import Settings
from geo.story.document import load_story

__all__ = ["ArchiveReport", "journey_digest", "run_archive"]


@dataclass(slots=True)
class ArchiveReport:
    """How a run went (the counts of the summary line; ``read``, ``cached`` and ``kept`` differ between runs).

    ``kept``: journeys left as the last run wrote them (their articles, reader and options unchanged).
    """

    articles: int = 0
    read: int = 0
    cached: int = 0
    failed: int = 0
    journeys: int = 0
    stops: int = 0
    unjourneyed: int = 0
    kept: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def line(self, out: Path) -> str:
        """The summary line."""
        return (
            f"{self.journeys} journeys, {self.stops} stops from {self.articles} articles "
            f"({self.read} read, {self.cached} cached); {self.unjourneyed} in no journey, {self.failed} failed -> {out}"
        )


def _check_paths(source: Path, out: Path) -> None:
    """Refuse an output folder that is, holds or lies inside the source folder."""
    src, dst = source.resolve(), out.resolve()
    if source.exists() and (src == dst or src.is_relative_to(dst) or dst.is_relative_to(src)):
        raise InputError(f"--out {out} must lie outside the archive {source}")


def _misses(
    items: Iterator[Article | Failed], cache: ReadingCache, *, version: str, size: int, report: ArchiveReport
) -> Iterator[list[tuple[str, Article]]]:
    """Batches of the articles the cache does not hold; failures to read a file are stored as they come."""
    batch: list[tuple[str, Article]] = []
    for item in items:
        report.articles += 1
        if isinstance(item, Failed):
            key = hashlib.sha256(f"{version}\0{item.name}\0{item.error}".encode(errors="replace")).hexdigest()
            cache.see(key, item.name)
            cache.put([(key, item.name, None, item.error)])
            continue
        key = content_key(item, version=version)
        if cache.see(key, item.name):
            report.cached += 1
            continue
        batch.append((key, item))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _read(
    source: Path,
    cache: ReadingCache,
    engine: Engine,
    *,
    settings: Settings,
    report: ArchiveReport,
    progress: TextIO | None,
) -> None:
    """Read every article of ``source`` the cache does not hold, on the engine."""
    settings_json = settings.model_dump_json()
    version = reader_version(settings_json)
    items = iter_articles(source, settings=settings)
    batches = _misses(items, cache, version=version, size=settings.archive.batch_articles, report=report)
    start = time.perf_counter()
    live = progress is not None and progress.isatty()
    for batch, result, error in engine.stream(read_batch, batches, settings_json):
        if error is not None:
            result = [(key, None, f"the task failed: {type(error).__name__}: {error}") for key, _ in batch]
        names = {key: article.name for key, article in batch}
        cache.put([(key, names[key], blob, text) for key, blob, text in result])
        report.read += len(batch)
        if live:
            print(f"\r{_progress(report, time.perf_counter() - start)}", end="", file=progress, flush=True)
    if progress is not None:
        print(("\r" if live else "") + _progress(report, time.perf_counter() - start), file=progress, flush=True)


def _progress(report: ArchiveReport, seconds: float) -> str:
    """The reading's progress: articles done of those met so far (the archive streams), and the rate."""
    done = report.read + report.cached
    rate = report.read / seconds if seconds > 0 else 0.0
    bar = "#" * (20 * done // max(1, report.articles))
    return (
        f"reading [{bar:<20}] {done:,}/{report.articles:,} articles ({report.read:,} read, "
        f"{report.cached:,} cached) {rate:.1f} articles/s"
    )


def _write_journey(folder: Path, files: dict[str, bytes]) -> None:
    def write(staging: Path) -> None:
        for name, data in files.items():
            (staging / name).write_bytes(data)

    write_output_set(folder, write, names=OUTPUT_NAMES)


def journey_digest(journey: Journey, *, version: str, cdn: bool) -> str:
    """What a journey's folder is told from: its slug, its articles' keys, the reader version and the map option."""
    data = json.dumps([version, cdn, journey.slug, list(journey.keys)])
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _kept(journey: Journey, cache: ReadingCache, digest: str, *, out: Path, settings: Settings) -> str | JourneyEntry:
    """The journey as last written when its digest is unchanged: its entry, ``"empty"``, or ``""`` to tell it."""
    told = cache.told(journey.slug)
    if told is None or told[0] != digest:
        return ""
    if told[1] == 0:
        return "empty"
    folder = out / "journeys" / journey.slug
    if not (folder / MANIFEST_NAME).is_file() or not (folder / "story.json").is_file():
        return ""
    try:
        doc = load_story(folder / "story.json", limits=settings.limits)
    except InputError:  # broken by hand: tell it again
        return ""
    return JourneyEntry(journey.slug, doc) if len(doc.stops) == told[1] else ""


def _tell(
    journeys: list[Journey], cache: ReadingCache, engine: Engine, *, out: Path, settings: Settings, cdn: bool
) -> tuple[list[JourneyEntry], list[dict[str, str]], list[Journey], int]:
    """Tell and write every journey not unchanged since the last run.

    Returns the entries with stops, the failures, the journeys with none and how many were kept as they were.
    """
    version = reader_version(settings.model_dump_json())
    by_slug = {j.slug: j for j in journeys}
    entries: dict[str, JourneyEntry] = {}
    failures, empty, todo = [], [], {}
    for journey in journeys:
        digest = journey_digest(journey, version=version, cdn=cdn)
        kept = _kept(journey, cache, digest, out=out, settings=settings)
        if isinstance(kept, JourneyEntry):
            entries[journey.slug] = kept
        elif kept == "empty":
            empty.append(journey)
        else:
            todo[journey.slug] = digest
    kept_count = len(journeys) - len(todo)
    items = ((slug, [cache.blob(key) for key in by_slug[slug].keys]) for slug in todo)
    for (slug, _), result, error in engine.stream(journey_task, items, settings.model_dump_json(), cdn=cdn):
        if error is not None:
            failures.append({"journey": slug, "error": f"{type(error).__name__}: {error}"})
            continue
        if result.doc is None:
            empty.append(by_slug[slug])
        else:
            _write_journey(out / "journeys" / slug, result.files)
            entries[slug] = JourneyEntry(slug, result.doc)
        cache.tell(slug, todo[slug], stops=len(result.doc.stops) if result.doc else 0)
    ordered = [entries[j.slug] for j in journeys if j.slug in entries]
    empty.sort(key=lambda j: (j.first, j.traveller, j.keys))
    return ordered, sorted(failures, key=lambda f: f["journey"]), empty, kept_count


def _drop_stale(folder: Path, keep: set[str]) -> None:
    """Remove journey folders of an earlier run that this run does not write (only folders the tool wrote)."""
    if not folder.is_dir():
        return
    for child in sorted(folder.iterdir()):
        if child.is_dir() and child.name not in keep and (child / MANIFEST_NAME).is_file():
            shutil.rmtree(child)


def run_archive(
    source: Path,
    *,
    out: Path,
    settings: Settings | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    cdn: bool = False,
    progress: TextIO | None = sys.stderr,
) -> ArchiveReport:
    """Read the archive at ``source`` and write every journey's story under ``out``.

    Raises
    ------
    InputError
        When ``source`` names nothing, ``out`` lies inside it, or the scheduler cannot be reached.
    """
    settings = settings or Settings()
    source, out = Path(source), Path(out)
    _check_paths(source, out)
    report = ArchiveReport()
    cache = ReadingCache(out / CACHE_NAME)
    try:
        with Engine(
            scheduler=scheduler, workers=workers, in_flight_per_worker=settings.archive.in_flight_per_worker
        ) as engine:
            start = time.perf_counter()
            _read(source, cache, engine, settings=settings, report=report, progress=progress)
            report.seconds["reading"] = time.perf_counter() - start
            journeys, left = find_journeys(cache.digests(), settings=settings.archive)
            start = time.perf_counter()
            entries, journey_failures, empty, report.kept = _tell(
                journeys, cache, engine, out=out, settings=settings, cdn=cdn
            )
            report.seconds["journeys"] = time.perf_counter() - start
        failures = [{"name": name, "error": error} for name, error in cache.failures()]
        cache.forget_told({e.slug for e in entries} | {j.slug for j in empty})
        cache.prune()
    finally:
        cache.close()
    _drop_stale(out / "journeys", {entry.slug for entry in entries})
    unjourneyed = [{"name": u.name, "reason": u.reason} for u in left]
    for journey in empty:
        unjourneyed.extend({"name": name, "reason": "its journey has no stop"} for name in journey.articles)
    unjourneyed.sort(key=lambda u: u["name"])
    report.failed, report.journeys = len(failures), len(entries)
    report.stops = sum(len(e.doc.stops) for e in entries)
    report.unjourneyed = len(unjourneyed)
    _write_lists(
        out, entries, failures=failures, unjourneyed=unjourneyed, journey_failures=journey_failures, report=report
    )
    return report


def _write_lists(
    out: Path,
    entries: list[JourneyEntry],
    *,
    failures: list[dict[str, str]],
    unjourneyed: list[dict[str, str]],
    journey_failures: list[dict[str, str]],
    report: ArchiveReport,
) -> None:
    """``summary.json``, ``journeys.parquet`` and ``index.html``."""
    journeys = [
        {
            "journey": e.slug,
            "traveller": e.doc.traveller,
            "first": min((s.date_start.isoformat() for s in e.doc.stops if s.date_start), default=None),
            "last": max(((s.date_end or s.date_start).isoformat() for s in e.doc.stops if s.date_start), default=None),
            "stops": len(e.doc.stops),
            "articles": [a.name for a in e.doc.articles],
        }
        for e in entries
    ]
    summary = {
        "articles": report.articles,
        "journeys": journeys,
        "stops": report.stops,
        "no_journey": unjourneyed,
        "failed": failures,
        "failed_journeys": journey_failures,
    }
    write_text_atomic(out / "summary.json", json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    write_table(stop_rows(entries), out / "journeys.parquet")
    line = (
        f"{report.journeys} journeys, {report.stops} stops from {report.articles} articles; "
        f"{report.unjourneyed} in no journey, {report.failed} failed"
    )
    write_text_atomic(out / "index.html", render_index(entries, summary=line))
