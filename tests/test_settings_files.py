"""Settings as files: written, read back, refused in one line; the table ``geo settings`` prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.errors import InputError
from geo.settings import Settings
from geo.settings_files import load_settings, save_settings, settings_table


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_partial_file_keeps_the_other_defaults(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"s{suffix}"
    path.write_text('{"roles": {"historical_days": 30}}' if suffix == ".json" else "roles:\n  historical_days: 30\n")
    settings = load_settings(path)
    assert settings.roles.historical_days == 30
    assert settings.dates == Settings().dates


def test_saved_settings_read_back_the_same(tmp_path: Path) -> None:
    path = save_settings(Settings(), path=tmp_path / "all.json")
    assert load_settings(path) == Settings()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"roles": {"no_such_knob": 1}}', "roles.no_such_knob"),
        ('{"roles": {"historical_days": "many"}}', "roles.historical_days"),
        ("[1, 2]", "must hold an object"),
        ("{not json", "is not valid json"),
    ],
)
def test_bad_files_are_refused_in_one_line(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        load_settings(path)
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_every_field_is_in_the_table_with_its_reason() -> None:
    rows = {name: (why, source) for name, _value, why, source in settings_table()}
    assert "roles.historical_days" in rows and "limits.max_stops" in rows
    assert all(why and source for name, (why, source) in rows.items() if "." in name)
