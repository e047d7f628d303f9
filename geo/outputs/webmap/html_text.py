"""Article text in the page's HTML: escaped once, and marked with its language and direction.

Arabic text is marked ``lang="ar" dir="rtl"``, whether a whole quote (its
article is Arabic, or Arabic letters dominate) or a run of Arabic words
inside an English caption, so a browser lays it out right to left.
"""

from __future__ import annotations

import html
import re

__all__ = ["ARABIC_LETTER", "LATIN_LETTER", "escape", "text_attrs", "mixed"]

_RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi"})
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_RUN = re.compile(rf"[{_ARABIC}]+(?:[\s\d«»\"'().,:;!?\u060c\u061b\u061f\u0640-]*[{_ARABIC}]+)*")
#: An Arabic-script letter (any of the Arabic blocks, presentation forms included).
ARABIC_LETTER = re.compile(rf"[{_ARABIC}]")
#: A Latin letter (basic and extended).
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def escape(text: object) -> str:
    """``text`` as HTML text, quotes escaped too."""
    return html.escape(str(text), quote=True)


def _is_rtl(lang: str | None) -> bool:
    return (lang or "").split("-")[0].lower() in _RTL_LANGS


def text_attrs(text: str, lang: str | None = None) -> str:
    """``lang``/``dir`` attributes for article text: Arabic when its article is, or Arabic letters dominate."""
    arabic = len(ARABIC_LETTER.findall(text))
    if arabic and (_is_rtl(lang) or arabic >= len(LATIN_LETTER.findall(text))):
        return ' lang="ar" dir="rtl"'
    if lang and not _is_rtl(lang):
        return f' lang="{escape(lang)}" dir="ltr"'
    return ' dir="auto"'


def mixed(text: str) -> str:
    """Escaped text whose Arabic runs are wrapped in ``<span lang="ar" dir="rtl">``."""
    out, last = [], 0
    for match in _ARABIC_RUN.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f'<span lang="ar" dir="rtl">{escape(match.group())}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)
