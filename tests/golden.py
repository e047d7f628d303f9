"""Digests of what the bundled corpus builds into: a change of shape must not change what readers get.

``python -m tests.golden`` prints the digests of a fresh ``geo build data/articles``;
``python -m tests.golden --write`` records them in ``tests/data/bundled_digests.json``, which
:mod:`tests.test_golden` compares against. Record new digests only when a change is meant to
change the story (a better reading, a new output), and say so in the commit.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from geo.cli import main as cli_main
from geo.outputs.transaction import OUTPUT_NAMES

__all__ = ["DIGESTS_FILE", "OUTPUTS", "build_digests"]

ROOT = Path(__file__).resolve().parent.parent
DIGESTS_FILE = ROOT / "tests" / "data" / "bundled_digests.json"
#: Every file ``geo build`` writes for the bundled corpus.
OUTPUTS = OUTPUT_NAMES


def build_digests(articles: Path = ROOT / "data" / "articles") -> dict[str, str]:
    """SHA-256 of each output of ``geo build ARTICLES``, built in a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        with contextlib.redirect_stdout(sys.stderr):
            status = cli_main(["build", str(articles), "--out", str(out)])
        if status != 0:
            raise RuntimeError(f"geo build failed with status {status}")
        return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in OUTPUTS}


if __name__ == "__main__":
    digests = build_digests()
    text = json.dumps(digests, indent=2, sort_keys=True) + "\n"
    if "--write" in sys.argv[1:]:
        DIGESTS_FILE.parent.mkdir(parents=True, exist_ok=True)
        DIGESTS_FILE.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
