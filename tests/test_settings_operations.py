"""The limits and the archive's settings: sections of the one settings object, bounded like the others."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from geo.settings import Settings
from geo.settings_operations import ArchiveSettings, LimitsSettings


@pytest.mark.parametrize(
    ("section", "name", "kind"),
    [("limits", "max_stops", LimitsSettings), ("archive", "gap_days", ArchiveSettings)],
)
def test_the_sections_belong_to_the_settings(section: str, name: str, kind: type) -> None:
    part = getattr(Settings(), section)
    assert isinstance(part, kind)
    assert getattr(part, name) == kind.model_fields[name].default


@pytest.mark.parametrize(
    ("kind", "values"),
    [
        (LimitsSettings, {"max_line_chars": 99}),  # a line must hold a sentence
        (LimitsSettings, {"upload_seconds": 0}),
        (ArchiveSettings, {"gap_days": 0}),
        (ArchiveSettings, {"batch_articles": 0}),
    ],
)
def test_out_of_bounds_values_are_refused(kind: type, values: dict) -> None:
    with pytest.raises(ValidationError):
        kind(**values)
