"""The bundled corpus builds into byte-identical outputs across changes of shape (see :mod:`tests.golden`)."""

from __future__ import annotations

import json

import pytest

from tests.golden import DIGESTS_FILE, OUTPUTS, build_digests


@pytest.fixture(scope="module")
def digests(gazetteer: object) -> dict[str, str]:  # the fixture compiles the index once for the session
    return build_digests()


@pytest.mark.parametrize("name", OUTPUTS)
def test_bundled_outputs_are_unchanged(digests: dict[str, str], name: str) -> None:
    recorded = json.loads(DIGESTS_FILE.read_text(encoding="utf-8"))
    assert digests[name] == recorded[name], (
        f"{name} changed; if the change is meant, record it with `python -m tests.golden --write`"
    )
