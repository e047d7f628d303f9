"""A bounded memory: each question worked out once, the memory started afresh when full."""

from __future__ import annotations

import pytest

from geo.text.memory import Memory


@pytest.mark.parametrize(
    ("questions", "size", "worked_out", "kept"),
    [
        (["a", "b", "a", "a"], 10, ["a", "b"], 2),  # each question worked out once
        (["a", "b", "c"], 2, ["a", "b", "c"], 1),  # full: the memory starts afresh
        (["a", "b", "c", "a"], 2, ["a", "b", "c", "a"], 2),  # …and forgets what it held
    ],
)
def test_a_memory_works_each_question_out_once(
    questions: list[str], size: int, worked_out: list[str], kept: int
) -> None:
    calls: list[str] = []

    def work(question: str) -> str:
        calls.append(question)
        return question.upper()

    memory: Memory[str, str] = Memory(work, size=size)
    answers = [memory[q] for q in questions]
    assert answers == [q.upper() for q in questions]
    assert calls == worked_out
    assert len(memory) == kept


def test_a_memory_keeps_an_answer_of_none() -> None:
    calls: list[str] = []

    def work(question: str) -> None:
        calls.append(question)

    memory: Memory[str, None] = Memory(work, size=4)
    assert [memory["x"], memory["x"]] == [None, None]
    assert calls == ["x"]
