"""Article text in the page's HTML: escaped once, and marked with its language and direction.

Arabic text is marked ``lang="ar" dir="rtl"``, whether a whole quote (its
article is Arabic, or Arabic letters dominate) or a run of Arabic words
inside an English caption, so a browser lays it out right to left.
"""

from __future__ import annotations

import html
import re

__all__ = ["escape", "text_attrs", "mixed"]

_RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi"})
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_RUN = re.compile(rf"[{_ARABIC}]+(?:[\s\d«»\"'().,:;!?\u060c\u061b\u061f\u0640-]*[{_ARABIC}]+)*")
_HAS_ARABIC = re.compile(rf"[{_ARABIC}]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def escape(text: object) -> str:
    """``text`` as HTML text, quotes escaped too."""
    return html.escape(str(text), quote=True)


def _is_rtl(lang: str | None) -> bool:
    return (lang or "").split("-")[0].lower() in _RTL_LANGS


def text_attrs(text: str, lang: str | None = None) -> str:
    """``lang``/``dir`` attributes for article text: Arabic when its article is, or Arabic letters dominate."""
    arabic = len(_HAS_ARABIC.findall(text))
    if arabic and (_is_rtl(lang) or arabic >= len(_LATIN.findall(text))):
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
