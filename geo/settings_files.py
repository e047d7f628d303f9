"""Settings as files and as a table: read a settings file, write one, list every field with its reason.

:func:`load_settings` reads a JSON (or YAML) file written by :func:`save_settings` or by a fitting
script (``python -m geo build DIR --out OUT --settings FILE``); any field left out keeps its default,
an unknown field or a value of the wrong type is refused in one line. :func:`settings_table` is what
``python -m geo settings`` prints: each field's value, its reason and where it comes from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from geo.errors import InputError
from geo.settings import FITTED_NOTE, Settings, fitted_defaults

__all__ = ["load_settings", "save_settings", "settings_table"]


def load_settings(path: Path) -> Settings:
    """Settings from a JSON or YAML file; fields left out keep their defaults.

    Raises
    ------
    InputError
        When the file cannot be read or parsed, or a field is unknown or of the wrong type.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        raise InputError(f"cannot read settings {path}: {exc}") from exc
    try:
        data = yaml.safe_load(text) if path.suffix.lower() in (".yaml", ".yml") else json.loads(text)
    except (yaml.YAMLError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"settings {path} is not valid {path.suffix.lstrip('.') or 'JSON'}: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"settings {path} must hold an object of sections")
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top)"
        raise InputError(f"settings {path}: {where}: {first['msg']}") from exc


def save_settings(settings: Settings, *, path: Path) -> Path:
    """Write ``settings`` as JSON (every field, defaults included), atomically."""
    from geo.atomic import write_text_atomic

    return write_text_atomic(Path(path), settings.model_dump_json(indent=2) + "\n")


def settings_table(settings: Settings | None = None) -> list[tuple[str, Any, str, str]]:
    """Every field as ``(section.name, value, why, source)``, in declaration order (for docs and reviews)."""
    settings = settings or Settings()
    rows: list[tuple[str, Any, str, str]] = []
    for section_name, section_field in Settings.model_fields.items():
        section = getattr(settings, section_name)
        if not isinstance(section, BaseModel):
            extra = section_field.json_schema_extra or {}
            rows.append((section_name, section, section_field.description or "", str(extra.get("source", ""))))
            continue
        fitted = fitted_defaults().get(section_name, {})
        for name, field in type(section).model_fields.items():
            extra = field.json_schema_extra or {}
            source = str(extra.get("source", "")) if isinstance(extra, dict) else ""
            if name in fitted and fitted[name] == getattr(section, name):
                hand = field.default
                source = f"fitted on story-labelled articles, journeys held out (by hand: {hand!r}; {FITTED_NOTE})"
            rows.append((f"{section_name}.{name}", getattr(section, name), field.description or "", source))
    return rows
