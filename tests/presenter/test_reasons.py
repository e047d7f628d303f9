"""The reader's reasons in the interface's language."""

from __future__ import annotations

import pytest

from geo.presenter.reasons import reason_text


@pytest.mark.parametrize(
    ("reason", "arabic"),
    [
        ("a movement word right before it", "كلمة انتقال قبله مباشرة"),
        ("a movement word right before it; dated by «يوم الأحد»", "كلمة انتقال قبله مباشرة؛ أُرّخ بعبارة «يوم الأحد»"),
        ("dated by the event before it («الاثنين»)", "أُرّخ بالحدث الذي قبله («الاثنين»)"),
        ("a plan: a movement word right before it, future tense", "خطة: كلمة انتقال قبله مباشرة، بصيغة المستقبل"),
        ("an earlier event (عام 2019)", "حدث سابق (عام 2019)"),
        ("something the tables do not know", "something the tables do not know"),  # kept, not lost
        ("", ""),
    ],
)
def test_reasons_in_arabic(reason: str, arabic: str) -> None:
    assert reason_text(reason, lang="ar") == arabic
    assert reason_text(reason, lang="en") == reason
