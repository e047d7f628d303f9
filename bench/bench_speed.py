"""How fast the reader reads, here and in a baseline checkout, measured the same way in one run.

Run: ``.venv/bin/python bench/bench_speed.py [--baseline REF] [--rounds N] [--no-baseline]``.
Prints, for this checkout and for ``REF`` (default: where this branch left ``main``, ``git merge-base
HEAD main``), checked out in a temporary ``git worktree``:

- reading: CPU ms per article, the median of ``--rounds`` rounds, of :meth:`geo.pipeline.Pipeline.run`
  (everything up to the story's stops, no outputs; the gazetteer load and the reading of the files are
  left out), for the bundled corpus (one story) and for the texts of the development set
  (``../dev86/texts`` or ``../shared/eval/dev/texts``, each article its own story, as ``run_set.py`` runs them);
  the same articles again each round, so whatever the reader remembers of an article helps the next rounds;
- reading, first time: the same, but each article read once by a pipeline that has read other articles
  before (the first half of the development texts), as in a stream of news: the bundled corpus, then the
  second half of the development texts; the median of ``--rounds`` processes;
- whole process: ``geo places data/articles`` and ``geo build data/articles`` as a user runs them,
  wall and CPU seconds (the median of three runs; imports and the gazetteer load included);
- the import floor of ``geo build``: a process that imports exactly the modules (not ``geo``'s own) that a
  ``geo build`` of the bundled corpus has imported when it ends, and nothing else, and the ratio of the
  build's CPU seconds to it (issue 12 asks for at most 1.3). It ends as ``python -m geo`` ends, with
  ``gc.freeze()`` (no last garbage collection walks the imported modules' objects: about 0.4 s of a
  process that imports this much, in both), so the ratio counts the build's work, not how either exits.

The processes run as an installed package runs: with ``PYTHONDONTWRITEBYTECODE`` unset and the compiled
bytecode kept under a temporary ``PYTHONPYCACHEPREFIX`` (filled by one run before the timed ones), so a
checkout is not timed compiling its own sources.

Asserts nothing. Each measurement runs in its own process (``--measure ROOT``), with ``ROOT`` first on
``sys.path``, so both checkouts are timed by the same code, and the two are measured in turns (each round of
reading and each run of a command goes through both, one after the other): this machine is shared, and a
change of its load in the middle of a run then weighs on both figures alike, not on one of them. The
baseline's worktree gets a copy of this checkout's gazetteer index (rebuilt there, before any timing, if its
code wants another) and a link to its ``assets/node_modules``; it is removed at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_TEXTS = (ROOT.parent / "dev86" / "texts", ROOT.parent / "shared" / "eval" / "dev" / "texts")

__all__: list[str] = []


def _measure(root: Path, rounds: int) -> dict[str, float]:
    """Reading CPU ms per article in the checkout at ``root`` (run in a process of its own)."""
    sys.path.insert(0, str(root))
    from geo.pipeline import Pipeline, read_articles

    pipeline = Pipeline()
    bundled = read_articles(root / "data" / "articles")
    texts = next((d for d in DEV_TEXTS if d.is_dir()), None)
    dev = [read_articles(path) for path in sorted(texts.iterdir())] if texts else []
    figures = {"bundled_ms": _per_article(lambda: pipeline.run(bundled), len(bundled), rounds)}
    if dev:
        figures["dev_ms"] = _per_article(lambda: [pipeline.run(one) for one in dev], sum(map(len, dev)), rounds)
    return figures


def _measure_first_time(root: Path) -> dict[str, float]:
    """Reading CPU ms per article of articles the pipeline has not read before (run in a process of its own)."""
    sys.path.insert(0, str(root))
    from geo.pipeline import Pipeline, read_articles

    pipeline = Pipeline()
    bundled = read_articles(root / "data" / "articles")
    texts = next((d for d in DEV_TEXTS if d.is_dir()), None)
    dev = [read_articles(path) for path in sorted(texts.iterdir())] if texts else []
    half = len(dev) // 2
    for one in dev[:half]:  # the reader's lexicons and patterns loaded, its memories filled with other news
        pipeline.run(one)
    figures = {"bundled_first_ms": _per_article(lambda: pipeline.run(bundled), len(bundled), 1, warm=False)}
    if dev[half:]:
        rest = dev[half:]
        work = lambda: [pipeline.run(one) for one in rest]  # noqa: E731
        figures["dev_first_ms"] = _per_article(work, sum(map(len, rest)), 1, warm=False)
    return figures


def _per_article(work, articles: int, rounds: int, *, warm: bool = True) -> float:
    """The median CPU ms per article of ``rounds`` calls of ``work`` (after one call to warm up, if ``warm``)."""
    if warm:
        work()
    times = []
    for _ in range(rounds):
        start = time.process_time()
        work()
        times.append((time.process_time() - start) * 1000 / articles)
    return statistics.median(times)


# Run in the child: ``geo ARGV...`` as ``python -m geo`` runs it, then the names of the modules it imported.
_RECORD_IMPORTS = """
import json, runpy, sys
out, sys.argv = sys.argv[1], ["geo", *sys.argv[2:]]
sys.path.insert(0, ".")
try:
    runpy.run_module("geo", run_name="__main__", alter_sys=True)
except SystemExit as stop:
    if stop.code:
        raise
names = [n for n in sys.modules if n.split(".")[0] not in ("geo", "__main__", "runpy")]
with open(out, "w", encoding="utf-8") as handle:
    json.dump(names, handle)
"""

# Run in the child: import the modules named in a JSON file, in that order (those that import alone), and
# end as ``python -m geo`` ends: with the objects made so far frozen (no last garbage collection over them).
_IMPORT_FLOOR = """
import gc, importlib, json, sys
with open(sys.argv[1], encoding="utf-8") as handle:
    names = json.load(handle)
for name in names:
    if name not in sys.modules:
        try:
            importlib.import_module(name)
        except Exception:
            pass
gc.freeze()
"""


def _python_env(pycache: Path) -> dict[str, str]:
    """The environment of a timed process: bytecode written and kept under ``pycache``, as installed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _process(
    root: Path, args: list[str], *, env: dict[str, str], repeat: int = 3, argv: list[str] | None = None
) -> tuple[float, float]:
    """The median wall and CPU seconds of ``python -m geo ARGS`` (or of ``python ARGV``) run in ``root``."""
    command = [sys.executable, *argv] if argv is not None else [sys.executable, "-m", "geo", *args]
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        run = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
        if run.returncode:
            raise SystemExit(f"{' '.join(command[1:])} failed in {root}:\n{run.stderr[-2000:]}")
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _child(root: Path, flag: str, *args: str) -> dict[str, float]:
    """The figures a measuring child process (``flag``: ``--measure``/``--measure-first``) prints for ``root``."""
    run = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), flag, str(root), *args], cwd=root, check=True,
        capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(run.stdout.strip().splitlines()[-1])


def _figures(roots: list[Path], rounds: int) -> list[dict[str, float]]:
    """Every figure of each checkout in ``roots``, measured in turns: each round, and each run of a command,
    goes through the checkouts one after the other, so a change of the machine's load falls on all of them."""
    figures: list[dict[str, float]] = [{} for _ in roots]
    firsts: list[dict[str, list[float]]] = [{} for _ in roots]
    for _ in range(rounds):
        for root, first in zip(roots, firsts, strict=True):
            for key, value in _child(root, "--measure-first").items():
                first.setdefault(key, []).append(value)
    for root, found, first in zip(roots, figures, firsts, strict=True):
        found.update(_child(root, "--measure", "--rounds", str(rounds)))
        found.update({key: statistics.median(values) for key, values in first.items()})
    with tempfile.TemporaryDirectory() as tmp:
        runs: list[dict[str, tuple[list[str], list[str] | None]]] = []
        for number, root in enumerate(roots):
            env = _python_env(Path(tmp) / f"pycache{number}")
            out, names = str(Path(tmp) / f"out{number}"), str(Path(tmp) / f"imported{number}.json")
            build = ["build", "data/articles", "--out", out]
            _process(root, [], env=env, repeat=1, argv=["-c", _RECORD_IMPORTS, names, *build])  # + the bytecode
            runs.append({
                "places": (["places", "data/articles"], None),
                "build": (build, None),
                "floor": ([], ["-c", _IMPORT_FLOOR, names]),
            })  # fmt: skip
        times: list[dict[str, list[tuple[float, float]]]] = [{} for _ in roots]
        for _ in range(3):
            for name in ("places", "build", "floor"):
                for number, root in enumerate(roots):
                    args, argv = runs[number][name]
                    env = _python_env(Path(tmp) / f"pycache{number}")
                    times[number].setdefault(name, []).append(_process(root, args, env=env, repeat=1, argv=argv))
        for found, timed in zip(figures, times, strict=True):
            for name, pairs in timed.items():
                found[f"{name}_wall"] = statistics.median(wall for wall, _ in pairs)
                found[f"{name}_cpu"] = statistics.median(cpu for _, cpu in pairs)
            found["floor_ratio"] = found["build_cpu"] / found["floor_cpu"]
    return figures


@contextlib.contextmanager
def _baseline_tree(ref: str) -> Iterator[tuple[str, Path]]:
    """``ref`` checked out in a temporary worktree (removed afterwards), with its short name."""
    commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=ROOT, check=True, capture_output=True, text=True)
    tmp = Path(tempfile.mkdtemp(prefix="bench_speed_"))
    tree = tmp / "tree"
    subprocess.run(["git", "worktree", "add", "--detach", str(tree), ref], cwd=ROOT, check=True, capture_output=True)
    try:
        index = ROOT / "data" / "index"
        if index.is_dir():
            shutil.copytree(index, tree / "data" / "index")
        modules = ROOT / "assets" / "node_modules"  # the map's scripts, read only
        if modules.exists() and not (tree / "assets" / "node_modules").exists():
            (tree / "assets" / "node_modules").symlink_to(modules.resolve())
        _child(tree, "--measure-first")  # its index (and whatever it compiles on first use) made before the timing
        yield commit.stdout.strip(), tree
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def _default_ref() -> str:
    run = subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT, capture_output=True, text=True)
    return run.stdout.strip() or "HEAD"


_ROWS = (
    ("bundled_ms", "reading, bundled corpus", "ms CPU an article"),
    ("dev_ms", "reading, dev texts", "ms CPU an article"),
    ("bundled_first_ms", "reading, bundled, first time", "ms CPU an article"),
    ("dev_first_ms", "reading, dev, first time", "ms CPU an article"),
    ("places_wall", "geo places (wall)", "s"),
    ("places_cpu", "geo places (CPU)", "s"),
    ("build_wall", "geo build (wall)", "s"),
    ("build_cpu", "geo build (CPU)", "s"),
    ("floor_wall", "import floor of build (wall)", "s"),
    ("floor_cpu", "import floor of build (CPU)", "s"),
    ("floor_ratio", "build CPU / import floor CPU", "x"),
)


def _print(now: dict[str, float], base: dict[str, float] | None, base_name: str) -> None:
    head = f"{'':28s} {'this checkout':>14s}" + (f" {base_name:>14s} {'speed-up':>9s}" if base else "")
    print(head)
    for key, label, unit in _ROWS:
        if key not in now:
            continue
        line = f"{label:28s} {now[key]:14.2f}"
        if base and key in base:
            line += f" {base[key]:14.2f}" + (f" {base[key] / now[key]:8.2f}x" if key != "floor_ratio" else "")
        print(f"{line}  {unit}")
    for key, label in (("bundled_ms", "reading speed, bundled"), ("bundled_first_ms", "… the first time")):
        if key in now:
            speed = f"{1000 / now[key]:14.1f}" + (f" {1000 / base[key]:14.1f}" if base and key in base else "")
            print(f"{label:28s} {speed}  articles/s, one core")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=None, help="git ref to compare with (default: merge-base with main)")
    parser.add_argument("--no-baseline", action="store_true", help="measure this checkout only")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of reading to take the median of")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--measure-first", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_first is not None:
        os.chdir(args.measure_first)
        print(json.dumps(_measure_first_time(args.measure_first.resolve())))
        return
    if args.measure is not None:
        os.chdir(args.measure)
        print(json.dumps(_measure(args.measure.resolve(), args.rounds)))
        return
    if args.no_baseline:
        _print(_figures([ROOT], args.rounds)[0], None, "")
        return
    with _baseline_tree(args.baseline or _default_ref()) as (name, tree):
        now, base = _figures([ROOT, tree], args.rounds)
    _print(now, base, name)


if __name__ == "__main__":
    main()
