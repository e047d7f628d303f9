"""Fixtures of the date tests: the word frequencies the pipeline hands the date stage."""

from __future__ import annotations

import pytest

from geo.model import WordFrequencies
from geo.places.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def frequencies(gazetteer: Gazetteer) -> WordFrequencies:
    """The compiled gazetteer's Zipf frequencies, as :class:`geo.pipeline.Pipeline` passes them."""
    return gazetteer.zipf
