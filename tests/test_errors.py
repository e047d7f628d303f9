"""Tests of :mod:`geo.errors`: one root, so every failure on purpose is one line to the caller."""

from __future__ import annotations

import pytest

from geo import errors


@pytest.mark.parametrize("name", errors.__all__)
def test_every_error_derives_from_the_root(name: str) -> None:
    assert issubclass(getattr(errors, name), errors.GeoStoryError)


@pytest.mark.parametrize(
    ("child", "parent"),
    [(errors.EncodingError, errors.InputError), (errors.FrontMatterError, errors.InputError)],
)
def test_reading_errors_are_input_errors(child: type, parent: type) -> None:
    assert issubclass(child, parent)
