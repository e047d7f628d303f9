"""The base every settings section shares: a frozen model whose fields say why they exist and where their
value comes from, and the shipped fitted values it takes where a field is left out.

:func:`knob` makes a field (its default, a one-line reason, its source); :class:`Section` is a section of
:class:`~geo.settings.Settings`. A section given no value for a field takes the value the shipped fitted file
(:func:`geo.settings.fitted_defaults`) holds for it, else the field's default.

Example
-------
>>> from geo.settings_base import Section, knob
>>> class Demo(Section):
...     size: int = knob(3, "how many", ge=0)
>>> Demo().size, Demo(size=4).size
(3, 4)
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["DEFINITION", "HAND_SET", "Section", "knob"]

#: Where a value set by hand comes from (the next step is to fit it: see the README).
HAND_SET = (
    "set by hand when the reader was first written, on the bundled articles and the tests' sentences; not yet fitted"
)
#: A value that follows from the definition of the quantity, not from data.
DEFINITION = "follows from what the quantity is"


def knob(default: Any, why: str, source: str = HAND_SET, **limits: Any) -> Any:
    """A settings field: its default, a one-line reason and where its value comes from.

    Parameters
    ----------
    default:
        The field's value when nothing else sets it.
    why:
        Why the field exists, in one line (``geo settings`` lists it).
    source:
        Where the value comes from (set by hand, a definition, a fitting script).
    **limits:
        pydantic's bounds (``ge``, ``gt``, ``le``...).
    """
    return Field(default, description=why, json_schema_extra={"source": source}, **limits)


class Section(BaseModel):
    """A section of the settings: frozen, no unknown field, defaults validated; left-out fields fitted."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    @model_validator(mode="before")
    @classmethod
    def _shipped_fitted_values(cls, data: Any) -> Any:
        """A field left out takes its fitted value when the shipped fitted file has one."""
        if not isinstance(data, dict):
            return data
        from geo import settings  # (the whole settings, defined once this base is: read when a section is made)

        fitted = settings.fitted_defaults()
        if not fitted:
            return data
        if cls is settings.Settings:
            return {"source": f"defaults, with fitted values: {fitted['source']}", **data}
        section = next((n for n, f in settings.Settings.model_fields.items() if f.annotation is cls), None)
        return {**fitted.get(section, {}), **data}
