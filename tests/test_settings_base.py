"""The settings' base: a field says why it exists and where its value comes from; a section is frozen and closed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from geo.settings_base import DEFINITION, HAND_SET, Section, knob


class _Demo(Section):
    size: int = knob(3, "how many", ge=0)
    share: float = knob(0.5, "a share of a whole", DEFINITION, ge=0, le=1)


@pytest.mark.parametrize(
    ("field", "why", "source"),
    [("size", "how many", HAND_SET), ("share", "a share of a whole", DEFINITION)],
)
def test_a_knob_says_why_and_where_from(field: str, why: str, source: str) -> None:
    info = _Demo.model_fields[field]
    assert info.description == why
    assert info.json_schema_extra == {"source": source}


@pytest.mark.parametrize(
    "values",
    [{"size": -1}, {"share": 1.5}, {"other": 1}],  # out of bounds, out of bounds, no such field
)
def test_a_section_refuses_what_it_does_not_define(values: dict) -> None:
    with pytest.raises(ValidationError):
        _Demo(**values)


def test_a_section_is_frozen() -> None:
    demo = _Demo(size=4)
    assert (demo.size, demo.share) == (4, 0.5)
    with pytest.raises(ValidationError):
        demo.size = 5  # type: ignore[misc]
