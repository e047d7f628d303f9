"""Tests of :mod:`geo.text.sentences`."""

from __future__ import annotations

import pytest

from geo.errors import InputError
from geo.model import Span
from geo.text.sentences import break_long_lines, line_spans, split_sentences


def _texts(text: str) -> list[str]:
    return [text[span.start : span.end] for span in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kim arrived in Moscow. He met Putin! Was it useful? Yes.",
            ["Kim arrived in Moscow.", "He met Putin!", "Was it useful?", "Yes."],
            id="english-terminators",
        ),
        pytest.param(
            "وصل كيم إلى موسكو. هل التقى بوتين؟ نعم",
            ["وصل كيم إلى موسكو.", "هل التقى بوتين؟", "نعم"],
            id="arabic-question-mark",
        ),
        pytest.param("قال.وأضاف أن القطار وصل.", ["قال.", "وأضاف أن القطار وصل."], id="arabic-no-space"),
        pytest.param("هل وصل؟وقال إنه وصل.", ["هل وصل؟", "وقال إنه وصل."], id="arabic-question-no-space"),
        pytest.param("وصل القطار؛ ثم غادر.", ["وصل القطار؛ ثم غادر."], id="arabic-semicolon-inside"),
        pytest.param(
            "It grew 3.5 percent in 2023. Then it fell.",
            ["It grew 3.5 percent in 2023.", "Then it fell."],
            id="decimal",
        ),
        pytest.param("Le 2023.09.16 il part. Fin.", ["Le 2023.09.16 il part.", "Fin."], id="dotted-date"),
        pytest.param(
            "Mr. Smith met Dr. Jones. They talked.",
            ["Mr. Smith met Dr. Jones.", "They talked."],
            id="abbreviations",
        ),
        pytest.param(
            "M. Macron et Mme. Dupont arrivent. Fin.",
            ["M. Macron et Mme. Dupont arrivent.", "Fin."],
            id="french-titles",
        ),
        pytest.param("J. K. Rowling wrote it. Yes.", ["J. K. Rowling wrote it.", "Yes."], id="initials"),
        pytest.param(
            "The U.S. Navy sailed. Then stopped.",
            ["The U.S. Navy sailed.", "Then stopped."],
            id="dotted-acronym",
        ),
        pytest.param("التقى د. أحمد الوزير. ثم غادر.", ["التقى د. أحمد الوزير.", "ثم غادر."], id="arabic-initial"),
        pytest.param("زاره عام 2019م. ثم عاد.", ["زاره عام 2019م.", "ثم عاد."], id="era-mark-not-initial"),
        pytest.param(
            'He said "we will win." Then he left.',
            ['He said "we will win."', "Then he left."],
            id="closing-quote",
        ),
        pytest.param("قال: «سنفوز.» ثم غادر.", ["قال: «سنفوز.»", "ثم غادر."], id="closing-guillemet"),
        pytest.param("(It was late.) They slept.", ["(It was late.)", "They slept."], id="closing-bracket"),
        pytest.param("About approx. five people came.", ["About approx. five people came."], id="lowercase-after-dot"),
        pytest.param("See www.example.com for more. Bye.", ["See www.example.com for more.", "Bye."], id="domain"),
        pytest.param("Wait... what?! Really.", ["Wait... what?!", "Really."], id="terminator-runs"),
        pytest.param(
            "  Title line  \n\n\u00a0\nFirst para\r\nSecond para ",
            ["Title line", "First para", "Second para"],
            id="line-breaks-trimmed",
        ),
        pytest.param("\u200fمرحبا\u200f\n - \n...", ["مرحبا"], id="invisible-marks-and-punctuation-only"),
        pytest.param("", [], id="empty"),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kim arrived. Then\n\nhe left.  ",
        'وقال بيسكوف: "ستعقد محادثات." وأضاف.وقال؟ نعم!\r\n\r\n- جولة -\n',
        "Mr. J. K. X. U.S. 3.5. ... !!! ؟؟ end",
    ],
)
def test_spans_are_ordered_trimmed_and_disjoint(text: str) -> None:
    spans = split_sentences(text)
    assert spans
    previous_end = 0
    for span in spans:
        assert isinstance(span, Span)
        assert previous_end <= span.start < span.end
        piece = text[span.start : span.end]
        assert piece == piece.strip()
        assert "\n" not in piece
        previous_end = span.end


def test_line_spans_handles_crlf_and_trailing_break() -> None:
    assert line_spans("a\r\nbc\rd\n") == [(0, 1), (3, 5), (6, 7), (8, 8)]


_LONG = [  # (line, limit, the lengths of the lines it becomes)
    ("One two three. Four five six. Seven", 20, [14, 20]),  # broken after the last sentence end within 20
    ("alpha beta gamma delta epsilon", 12, [10, 11, 7]),  # no sentence end: the last space within the limit
    ("short line\nanother", 20, [10, 7]),  # short lines are left alone
    ("word " * 3 + "x" * 30, 40, [14, 30]),
]


@pytest.mark.parametrize(("text", "limit", "lengths"), _LONG)
def test_long_lines_are_broken_in_place(text: str, limit: int, lengths: list[int]) -> None:
    broken = break_long_lines(text, max_chars=limit)
    assert len(broken) == len(text)  # one space became a line break: no offset moves
    assert [len(line) for line in broken.split("\n")] == lengths
    assert all(a == b or (a.isspace() and b == "\n") for a, b in zip(text, broken, strict=True))


def test_a_line_without_a_space_is_refused() -> None:
    with pytest.raises(InputError, match="line 2 runs over 50 characters without a space"):
        break_long_lines("first line\n" + "x" * 80, max_chars=50, source="a.txt")


def test_breaking_a_huge_line_reads_it_once() -> None:
    text = "Words and more words here. " * 40_000  # about a million characters on one line
    broken = break_long_lines(text, max_chars=20_000)
    assert max(len(line) for line in broken.split("\n")) <= 20_000
    assert all(line.endswith(".") for line in broken.split("\n")[:-1])  # every break at a sentence end
