"""How the reader's time and memory grow with an article's size: 100 KB, 1 MB and 5 MB, on one line and on many.

Run: ``.venv/bin/python bench/bench_limits.py [--baseline REF] [--timeout SECONDS] [--sizes 100000,1000000]``.
Prints, for each size and shape, the CPU time of reading the article (file → articles → the story: places,
dates, roles, stops; the gazetteer's loading left out) and the peak memory (``ru_maxrss``) of the process that
read it, then the 5 MB / 100 KB time ratio of each shape (linear reading keeps it ≤ 60). Asserts nothing.

The articles repeat a bundled article's body: "many lines" as written, "one line" with its line breaks made
spaces. Each measurement runs in a subprocess of its own, given ``--timeout`` seconds (a size it cannot read
in time prints ``> T s``). With ``--baseline REF`` the same measurements run again on the code of ``REF``, in
a temporary git worktree (removed afterwards; it shares this tree's compiled gazetteer index), for a
before/after table.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "articles" / "001_0230be639b82ca88.txt"
SIZES = (100_000, 1_000_000, 4_999_000)  # the last just under the 5 MB limit
SHAPES = ("one line", "many lines")

__all__: list[str] = []

#: What a measuring subprocess runs: argv = [code root, article file]; prints "cpu_seconds max_rss_kb".
_CHILD = """
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from geo.pipeline import Pipeline
from geo.text.reading import read_article_file
pipeline = Pipeline()
pipeline.run(read_article_file(sys.argv[3]))  # warm: the lexicons and patterns load on first use
start = time.process_time()
story, _ = pipeline.run(read_article_file(sys.argv[2]))
seconds = time.process_time() - start
print(f"{seconds:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
"""


def _body() -> str:
    """The bundled article's text without its front matter."""
    text = SOURCE.read_text(encoding="utf-8")
    return text.split("---\n", 2)[2] if text.startswith("---\n") else text


def make_article(size: int, shape: str, folder: Path) -> Path:
    """An Arabic article of about ``size`` bytes (UTF-8), on one line or on many."""
    body = _body().strip()
    unit = (" ".join(body.split("\n")) + " ") if shape == "one line" else body + "\n"
    data = (unit * (size // len(unit.encode("utf-8")) + 1)).encode("utf-8")[:size].decode("utf-8", errors="ignore")
    path = folder / f"{size}_{shape.replace(' ', '_')}.txt"
    path.write_text("---\nlanguage: ar\n---\n" + data, encoding="utf-8")
    return path


def measure(code_root: Path, article: Path, *, timeout: float) -> tuple[float, int] | None:
    """``(CPU seconds, peak RSS in KB)`` of reading ``article`` with the code at ``code_root``; ``None`` past
    the timeout."""
    try:
        run = subprocess.run(
            [sys.executable, "-c", _CHILD, str(code_root), str(article), str(SOURCE)],
            cwd=code_root, capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return None
    if run.returncode != 0:
        raise SystemExit(f"the reader failed on {article.name}: {run.stderr.strip().splitlines()[-1:]}")
    seconds, rss = run.stdout.split()
    return float(seconds), int(rss)


def _baseline_tree(ref: str, folder: Path) -> Path:
    """A detached git worktree of ``ref`` sharing this tree's compiled index."""
    tree = folder / "baseline"
    subprocess.run(["git", "worktree", "add", "--detach", str(tree), ref], cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip
    index = ROOT / "data" / "index"
    if index.exists() and not (tree / "data" / "index").exists():
        (tree / "data" / "index").symlink_to(index, target_is_directory=True)
    return tree


def _cell(result: tuple[float, int] | None, timeout: float) -> str:
    if result is None:
        return f"{'> ' + format(timeout, 'g') + ' s':>10} {'':>9}"
    seconds, rss = result
    return f"{seconds:8.2f} s {rss / 1024:6.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", metavar="REF", help="also measure the code of this git revision")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed to each measurement")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="article sizes in bytes, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-limits-") as tmp:
        folder = Path(tmp)
        trees = [("this tree", ROOT)]
        if args.baseline:
            trees.append((f"baseline {args.baseline}", _baseline_tree(args.baseline, folder)))
        try:
            _report(trees, sizes, folder, timeout=args.timeout)
        finally:
            if args.baseline:
                subprocess.run(["git", "worktree", "remove", "--force", str(folder / "baseline")], cwd=ROOT,
                               capture_output=True)  # fmt: skip
                shutil.rmtree(folder / "baseline", ignore_errors=True)


def _report(trees: list[tuple[str, Path]], sizes: list[int], folder: Path, *, timeout: float) -> None:
    print(f"{'article':<22}" + "".join(f"{label:>22}" for label, _ in trees) + "   (CPU time, peak memory)")
    times: dict[tuple[str, str, int], float | None] = {}
    for shape in SHAPES:
        for size in sizes:
            article = make_article(size, shape, folder)
            cells = []
            for label, root in trees:
                result = measure(root, article, timeout=timeout)
                times[label, shape, size] = result[0] if result else None
                cells.append(_cell(result, timeout))
            print(f"{f'{size / 1e6:g} MB, {shape}':<22}" + "".join(f"{c:>22}" for c in cells), flush=True)
    small, large = min(sizes), max(sizes)
    for label, _ in trees:
        for shape in SHAPES:
            a, b = times.get((label, shape, small)), times.get((label, shape, large))
            ratio = f"{b / a:.1f}" if a and b else "n/a (a size did not finish)"
            print(f"{label}, {shape}: {large / 1e6:g} MB / {small / 1e6:g} MB time ratio {ratio} (linear: ≤ 60)")


if __name__ == "__main__":
    main()
