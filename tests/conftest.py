"""Shared fixtures: the real compiled gazetteer (compiled once, then reused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.places.gazetteer import Gazetteer, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BUNDLED = ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The project's gazetteer index, compiled on first use."""
    return load_gazetteer()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The company's shared folder (development gold and scorer); skips where it is absent."""
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("needs ../shared/eval (the development set), absent on a user's machine")
    return SHARED
