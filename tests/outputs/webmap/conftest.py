"""The fixture story rendered once per test session, self-contained and with the CDN variant."""

from __future__ import annotations

import pytest

from geo.outputs.webmap import render_map
from tests.outputs.webmap.story_page import fixture_doc


@pytest.fixture(scope="session")
def page() -> str:
    return render_map(fixture_doc(), lang="en")


@pytest.fixture(scope="session")
def cdn_page() -> str:
    return render_map(fixture_doc(), cdn=True, lang="en")
