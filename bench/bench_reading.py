"""How well the reader reads: the labelled sets of ``../shared/eval`` scored the way users run the tool.

Run: ``.venv/bin/python bench/bench_reading.py [--skip-dev]``. Prints its figures, asserts nothing;
skips what ``../shared/eval`` does not hold (as on a user's machine).

- the bundled corpus against its gold (``score.py``): stops found, extra, dated right;
- the development set (``run_set.py``), each article alone and each trip together: stops recall,
  precision, dated right;
- GeoWebNews (English web news): recognition precision, recall and F1 over every toponym the corpus's
  usual F-score counts and over the literal ones a story map wants (for the literal score a found span
  on a non-literal toponym, a nationality or a government, is neither right nor wrong: it is left out
  of the precision), and the share of recognised literal toponyms placed within 161 km of the gold point;
- IDRISI-R Arabic (train split): recognition precision, recall and F1 over the placed toponyms and
  the unplaced names a kind noun introduces («حي X», :mod:`geo.places.kind_names`); then the same with
  each name counted once per tweet, at its first mention, which is how the corpus labels them (of the names a
  tweet repeats, every first mention is labelled and 41 of 1,201 later ones), and with the few gold
  spans listed twice counted once;
- IDRISI-D Arabic (train split): recognition of the placed toponyms (each gold span once), and the share of
  the recognised ones placed within 161 km of their gold point (OpenStreetMap's), over all of them and over
  those below the country level (a country's point differs between gazetteers by hundreds of km);
- reading speed: articles per second, one core, everything up to the resolved mentions.

A system span matches a gold span when they overlap (the usual lenient match); each gold span is
matched once.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))

from geo.model import Article  # noqa: E402
from geo.pipeline import ArticleResult, Pipeline  # noqa: E402
from geo.places.distances import haversine_km  # noqa: E402
from geo.text.sentences import split_sentences  # noqa: E402

__all__: list[str] = []

#: GeoWebNews types that name a place literally (a story map's places).
LITERAL = frozenset({"Literal", "Embedded_Literal", "Literal_Modifier", "Mixed", "Noun_Modifier"})
#: Types the corpus's usual recognition F-score leaves out.
NOT_COUNTED = re.compile(r"Non_Toponym|_Expression$")
WITHIN_KM = 161.0


@dataclass(slots=True)
class Counts:
    """Matched system spans, system spans and gold spans."""

    matched: int = 0
    system: int = 0
    gold: int = 0

    def line(self) -> str:
        p = self.matched / self.system if self.system else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"precision {p:.2f} recall {r:.2f} F1 {f:.2f} ({self.matched} of {self.gold} gold, {self.system} found)"


def _documents(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _article(doc: dict) -> Article:
    text = doc["text"]
    return Article(name=str(doc["doc_id"]), text=text, sentences=split_sentences(text), language=doc["lang"])


def _match(spans: list[tuple[int, int]], gold: list[dict]) -> dict[int, int]:
    """Gold index → system index, each overlapping pair used once, in text order."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for g, item in enumerate(gold):
        for s, (start, end) in enumerate(spans):
            if s not in used and start < item["end"] and item["start"] < end:
                pairs[g] = s
                used.add(s)
                break
    return pairs


def _unmatched(spans: list[tuple[int, int]], gold: list[dict]) -> int:
    """System spans that overlap no gold toponym of any type (wrong for every score)."""
    return sum(not any(start < g["end"] and g["start"] < end for g in gold) for start, end in spans)


def bench_gwn(pipeline: Pipeline) -> None:
    path = EVAL / "public" / "gwn_train.jsonl"
    if not path.exists():
        print("GeoWebNews            skipped (no ../shared/eval/public)")
        return
    every, literal = Counts(), Counts()
    near = placed = 0
    for doc in _documents(path):
        resolutions = pipeline.process(_article(doc)).resolutions
        spans = [(r.mention.start, r.mention.end) for r in resolutions]
        counted = [g for g in doc["gold"] if not NOT_COUNTED.search(g["type"])]
        pairs = _match(spans, counted)
        every.matched += len(pairs)
        every.system += len(spans)
        every.gold += len(counted)
        literal_gold = [g for g in counted if g["type"] in LITERAL]
        literal_pairs = _match(spans, literal_gold)
        literal.matched += len(literal_pairs)
        literal.gold += len(literal_gold)
        literal.system += len(literal_pairs) + _unmatched(spans, doc["gold"])
        for g, s in literal_pairs.items():
            gold = literal_gold[g]
            if gold.get("lat") is None or gold.get("lon") is None:
                continue
            place = resolutions[s].place
            placed += 1
            near += haversine_km(place.lat, place.lon, float(gold["lat"]), float(gold["lon"])) <= WITHIN_KM
    print(f"GeoWebNews, toponyms  {every.line()}")
    print(f"GeoWebNews, literal   {literal.line()}; a span on a non-literal toponym counts neither way")
    within = near / max(1, placed)
    print(f"GeoWebNews, placed    {within:.2f} of {placed} recognised literal toponyms within {WITHIN_KM:g} km")


def bench_idrisi(pipeline: Pipeline) -> None:
    path = EVAL / "public" / "idrisi_r_ar_train.jsonl"
    if not path.exists():
        print("IDRISI-R Arabic       skipped (no ../shared/eval/public)")
        return
    counts, once = Counts(), Counts()
    for doc in _documents(path):
        spans = _recognised(pipeline, pipeline.process(_article(doc)))
        pairs = _match(spans, doc["gold"])
        counts.matched += len(pairs)
        counts.system += len(spans)
        counts.gold += len(doc["gold"])
        firsts = _first_occurrences(doc["text"], spans)
        gold = [g for g in doc["gold"] if (g["start"], g["end"]) in _first_gold(doc["text"], doc["gold"])]
        once.matched += len(_match(firsts, gold))
        once.system += len(firsts)
        once.gold += len(gold)
    print(f"IDRISI-R Arabic train {counts.line()}")
    print(f"IDRISI-R, names once  {once.line()}; each name's first mention in a tweet, as the corpus labels them")


def bench_idrisi_d(pipeline: Pipeline) -> None:
    path = EVAL / "public" / "idrisi_d_ar_train.jsonl"
    if not path.exists():
        print("IDRISI-D Arabic       skipped (no ../shared/eval/public)")
        return
    counts = Counts()
    near = {"all": [0, 0], "below country": [0, 0]}  # within WITHIN_KM, placed
    for doc in _documents(path):
        resolutions = pipeline.process(_article(doc)).resolutions
        spans = [(r.mention.start, r.mention.end) for r in resolutions]
        gold = [doc["gold"][i] for i in sorted({(g["start"], g["end"]): i for i, g in enumerate(doc["gold"])}.values())]
        pairs = _match(spans, gold)
        counts.matched += len(pairs)
        counts.system += len(spans)
        counts.gold += len(gold)
        for g, s in pairs.items():
            place = resolutions[s].place
            hit = haversine_km(place.lat, place.lon, float(gold[g]["lat"]), float(gold[g]["lon"])) <= WITHIN_KM
            for key in ("all", "below country") if gold[g]["type"] != "Country" else ("all",):
                near[key][0] += hit
                near[key][1] += 1
    print(f"IDRISI-D Arabic train {counts.line()}; placed toponyms only")
    shares = ", ".join(f"{k} {n / max(1, m):.2f} of {m}" for k, (n, m) in near.items())
    print(f"IDRISI-D, placed      within {WITHIN_KM:g} km of the gold point (OpenStreetMap): {shares}")


def _recognised(pipeline: Pipeline, result: ArticleResult) -> list[tuple[int, int]]:
    """The spans read as toponyms: the placed ones and the unplaced names a kind noun introduces («حي X»)."""
    placed = [(r.mention.start, r.mention.end) for r in result.resolutions]
    return sorted(placed + [(n.start, n.end) for n in pipeline.kind_names(result)])


def _name(text: str, span: tuple[int, int]) -> str:
    return re.sub(r"^[#@]+|[\W_]+", "", text[span[0] : span[1]])


def _first_occurrences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans whose name the tweet has not written before (IDRISI labels a repeated name once)."""
    seen: set[str] = set()
    out = []
    for span in sorted(spans):
        name = _name(text, span)
        if name not in seen:
            seen.add(name)
            out.append(span)
    return out


def _first_gold(text: str, gold: list[dict]) -> set[tuple[int, int]]:
    """The distinct gold spans, each name's first (the corpus repeats a few spans and labels a few repeats)."""
    return set(_first_occurrences(text, sorted({(g["start"], g["end"]) for g in gold})))


def bench_speed(pipeline: Pipeline) -> None:
    from geo.text.reading import read_corpus

    articles = read_corpus(ROOT / "data" / "articles")
    start = time.process_time()
    rounds = 5
    for _ in range(rounds):
        pipeline.run(articles)
    seconds = (time.process_time() - start) / (rounds * len(articles))
    print(f"reading speed         {1 / seconds:8.1f} articles/s, one core ({seconds * 1000:.1f} ms CPU an article)")


def bench_bundled() -> None:
    gold = EVAL / "seeds_gold.json"
    if not gold.exists():
        print("bundled corpus        skipped (no ../shared/eval)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        subprocess.run([sys.executable, "-m", "geo", "build", "data/articles", "--out", str(out)],
                       cwd=ROOT, check=True, capture_output=True)  # fmt: skip
        run = subprocess.run([sys.executable, str(EVAL / "score.py"), str(out / "story.geojson"), "--gold", str(gold)],
                             capture_output=True, text=True)  # fmt: skip
    print(f"bundled corpus        {run.stdout.strip().splitlines()[-1]}")


def bench_dev(sets: list[Path]) -> None:
    runner = EVAL / "run_set.py"
    if not runner.exists():
        print("development set       skipped (no ../shared/eval)")
        return
    modes = (("per article", []), ("per trip", ["--trip"]))
    for dev, (label, extra) in ((dev, mode) for dev in sets for mode in modes):
        run = subprocess.run([sys.executable, str(runner), sys.executable, "--set", str(dev), *extra],
                             cwd=ROOT, capture_output=True, text=True)  # fmt: skip
        lines = run.stdout.strip().splitlines()
        print(f"{label:<21} {lines[-1] if lines else run.stderr.strip()[-200:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-dev", action="store_true", help="leave out the development set (builds take minutes)")
    parser.add_argument(
        "--dev-set", type=Path, action="append", metavar="DIR", help="a set in run_set.py's layout (repeatable)"
    )
    args = parser.parse_args()
    pipeline = Pipeline()
    bench_bundled()
    if not args.skip_dev:
        bench_dev(args.dev_set or [EVAL / "dev"])
    bench_gwn(pipeline)
    bench_idrisi(pipeline)
    bench_idrisi_d(pipeline)
    bench_speed(pipeline)


if __name__ == "__main__":
    main()
