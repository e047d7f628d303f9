"""How the story was read, in the interface's language: the reader's reasons (a stop's caption, a quote's "why").

The story stages explain each decision in short English phrases joined by
``"; "`` (``"a movement word right before it; dated by «يوم الأحد»"``).
:func:`reason_text` gives them in the interface's language: each phrase by
a table of the known ones, and the phrases with a quoted part (a date's
words, an earlier event) by pattern, the quoted words kept as they are. A
phrase the tables do not know is kept in English.
"""

from __future__ import annotations

import re

__all__ = ["reason_text"]

#: Known phrases, English -> Arabic.
_AR: dict[str, str] = {
    "a capital standing for its government": "عاصمة تدل على حكومتها",
    "a country": "دولة",
    "a country, not a stop": "دولة، لا محطة",
    "a region, not a stop": "إقليم، لا محطة",
    "a water, not a stop": "بحر أو مسطح مائي، لا محطة",
    "a city, not a stop": "مدينة، لا محطة",
    "a movement or visit word in its sentence, with a preposition or place noun": (
        "كلمة انتقال أو زيارة في جملته، مع حرف جر أو اسم مكان"
    ),
    "a movement word right before it": "كلمة انتقال قبله مباشرة",
    "a heading word before it": "كلمة توجّه قبله",
    "a name alone in brackets (a credit or a gloss)": "اسم وحده بين قوسين (نسبة أو شرح)",
    "a site of a related report on the page": "موقع خبر ذي صلة في الصفحة",
    "dated by the article's lead event": "أُرّخ بالحدث الرئيسي في المقالة",
    "in a sentence about the traveller's visit": "في جملة عن زيارة المسافر",
    "mentioned, with no sign the traveller is there": "ذُكر دون ما يدل على وجود المسافر فيه",
    "named in a separate, related report": "ذُكر في خبر منفصل ذي صلة",
    "no date in the text: the publication date": "لا تاريخ في النص: تاريخ النشر",
    "no date in the text": "لا تاريخ في النص",
    "no mention gives a date": "لا يذكر أي موضع تاريخًا",
    "the dateline: where the report was filed": "مكان إرسال الخبر (سطر المكان)",
    "the traveller's arrival in it": "وصول المسافر إليه",
    "the traveller's departure through it": "مغادرة المسافر منه",
    "the traveller's movement through it": "مرور المسافر به",
    "the traveller named at it on a date, with no verb (a caption or a headline)": (
        "ذُكر المسافر فيه بتاريخ، دون فعل (تعليق صورة أو عنوان)"
    ),
    "left by plane or other vehicle ('the plane from X')": "غادره بالطائرة أو بمركبة أخرى («الطائرة من X»)",
    "part of a title: an office named after the place": "جزء من لقب: منصب يحمل اسم المكان",
    "part of a title: someone posted at the place": "جزء من لقب: شخص يعمل في المكان",
    "an anchor: a distance is measured from it": "مرجع: تُقاس منه مسافة",
    "an anchor: something is near it": "مرجع: شيء ما قريب منه",
    "the narrowest range its mentions allow": "أضيق مدى تسمح به مواضع ذكره",
}

#: Phrases with a part kept as written: pattern -> Arabic with ``{0}``, ``{1}``... for the groups.
_AR_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^dated by the event before it \((.+)\)$"), "أُرّخ بالحدث الذي قبله ({0})"),
    (re.compile(r"^dated by («.+»)$"), "أُرّخ بعبارة {0}"),
    (re.compile(r"^an earlier event \((.+)\)$"), "حدث سابق ({0})"),
    (re.compile(r"^an earlier leg, told after 'after' \((.+)\)$"), "مرحلة سابقة، رُويت بعد «بعد» ({0})"),
    (re.compile(r"^a plan: (.+), future tense$"), "خطة: {0}، بصيغة المستقبل"),
    (
        re.compile(r"^a destination still ahead, after a heading or departure word \((.+)\)$"),
        "وجهة لم يُبلغ إليها بعد، بعد كلمة توجّه أو مغادرة ({0})",
    ),
    (re.compile(r"^year (\d+) from the anchor(.*)$"), "السنة {0} من المرجع{1}"),
]


def _phrase(text: str) -> str:
    """One phrase in Arabic (the phrases inside a pattern's brackets too); ``text`` itself when unknown."""
    if text in _AR:
        return _AR[text]
    for pattern, arabic in _AR_PATTERNS:
        match = pattern.match(text)
        if match:
            return arabic.format(*(_phrase(group) for group in match.groups()))
    return text


def reason_text(text: str, *, lang: str = "en") -> str:
    """The reader's reason ``text`` (phrases joined by ``"; "``) in ``lang`` (``en`` returns it as it is).

    Parameters
    ----------
    text:
        A stop's caption or a quote's ``why``, as the story stages wrote it.
    lang:
        The interface's language.
    """
    if lang != "ar" or not text:
        return text
    return "؛ ".join(_phrase(part.strip()) for part in text.split(";"))
