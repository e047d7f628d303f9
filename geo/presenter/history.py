"""Undo and redo of the educator's edits: a bounded history of story states.

:class:`History` is immutable: :func:`record` keeps the story as it was
before an edit (and forgets what could be redone), :func:`undo` and
:func:`redo` step back and forth. At most :data:`DEPTH` states are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["DEPTH", "History", "record", "redo", "undo"]

#: How many edits can be undone.
DEPTH = 30

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class History(Generic[T]):
    """The states before the current one (``past``, oldest first) and those undone (``future``, next first)."""

    past: tuple[T, ...] = ()
    future: tuple[T, ...] = ()

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return bool(self.past)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to redo."""
        return bool(self.future)


def record(history: History[T], before: T, *, depth: int = DEPTH) -> History[T]:
    """The history after an edit made to ``before``: ``before`` can be undone to, nothing can be redone."""
    return History(past=(*history.past, before)[-depth:], future=())


def undo(history: History[T], current: T) -> tuple[History[T], T]:
    """Step back: the new history and the story to show (``current`` itself when there is nothing to undo)."""
    if not history.past:
        return history, current
    return History(past=history.past[:-1], future=(current, *history.future)), history.past[-1]


def redo(history: History[T], current: T) -> tuple[History[T], T]:
    """Step forward again: the new history and the story to show (``current`` when there is nothing to redo)."""
    if not history.future:
        return history, current
    return History(past=(*history.past, current), future=history.future[1:]), history.future[0]
