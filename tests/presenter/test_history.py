"""Undo and redo of edits: a bounded history of story states."""

from __future__ import annotations

import pytest

from geo.presenter.history import History, record, redo, undo


@pytest.mark.parametrize(
    ("steps", "shown", "can_undo", "can_redo"),
    [
        ("", "c", True, False),
        ("u", "b", True, True),
        ("uu", "a", False, True),
        ("uuu", "a", False, True),  # nothing more to undo: stays
        ("uur", "b", True, True),
        ("uurr", "c", True, False),
        ("uurrr", "c", True, False),  # nothing more to redo: stays
    ],
)
def test_undo_redo_walks_the_edits(steps: str, shown: str, can_undo: bool, can_redo: bool) -> None:
    history: History[str] = record(record(History(), "a"), "b")  # edits a -> b -> c
    current = "c"
    for step in steps:
        history, current = (undo if step == "u" else redo)(history, current)
    assert (current, history.can_undo, history.can_redo) == (shown, can_undo, can_redo)


def test_a_new_edit_forgets_the_undone_ones_and_the_depth_is_bounded() -> None:
    history, current = undo(record(History(), "a"), "b")
    assert history.can_redo
    history = record(history, current)
    assert not history.can_redo and history.past == ("a",)
    deep: History[int] = History()
    for n in range(50):
        deep = record(deep, n, depth=5)
    assert deep.past == (45, 46, 47, 48, 49)
