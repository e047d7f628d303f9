"""Article text in HTML: escaped once, and marked with its language and direction by one rule.

:func:`text_direction` is the one rule every output uses (the map page,
the presenter, the KML, StoryMapJS and the slides): a text takes its
article's language when it has letters of that language's script (an Arabic
sentence that opens with a Latin acronym stays right to left, an English one
that opens with an Arabic name left to right); otherwise, or when its article
is unknown, the script with more letters decides. Sentences the program writes in a language (a
headline, «يزور Tangier») take that language whole, with the runs of the
other script isolated (:func:`written_in`, :func:`mixed`), so a browser
lays each out right.
"""

from __future__ import annotations

import html
import re

__all__ = ["ARABIC_LETTER", "LATIN_LETTER", "escape", "text_direction", "text_attrs", "mixed", "written_in"]

_RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi"})
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_RUN = re.compile(rf"[{_ARABIC}]+(?:[\s\d«»\"'().,:;!?\u060c\u061b\u061f\u0640-]*[{_ARABIC}]+)*")
_LATIN = "A-Za-z\u00c0-\u024f"
_LATIN_RUN = re.compile(rf"[{_LATIN}]+(?:[\s\d'’.,()-]*[{_LATIN}]+)*")
#: An Arabic-script letter (any of the Arabic blocks, presentation forms included).
ARABIC_LETTER = re.compile(rf"[{_ARABIC}]")
#: A Latin letter (basic and extended).
LATIN_LETTER = re.compile(rf"[{_LATIN}]")


def escape(text: object) -> str:
    """``text`` as HTML text, quotes escaped too."""
    return html.escape(str(text), quote=True)


def _is_rtl(lang: str | None) -> bool:
    return (lang or "").split("-")[0].lower() in _RTL_LANGS


def text_direction(text: str, lang: str | None = None) -> tuple[str | None, str]:
    """The ``(lang, dir)`` of a piece of text, by the one rule of every output.

    Parameters
    ----------
    text:
        The text (a quote, a source, a caption, a name).
    lang:
        The language of the article it comes from, if known.

    Returns
    -------
    tuple
        The article's language and its direction when the text has letters of that language's script (an Arabic
        sentence that opens with a Latin acronym stays right to left); otherwise the script with more letters:
        ``("ar", "rtl")`` or ``(None, "ltr")``; with no letter of either script, the article's language and its
        direction, else ``(None, "auto")``.
    """
    arabic, latin = len(ARABIC_LETTER.findall(text)), len(LATIN_LETTER.findall(text))
    rtl_article = _is_rtl(lang)
    if lang and (arabic if rtl_article else latin):
        return lang, "rtl" if rtl_article else "ltr"
    if arabic or latin:
        return ("ar", "rtl") if arabic > latin else (None, "ltr")
    if lang:
        return lang, "rtl" if rtl_article else "ltr"
    return None, "auto"


def text_attrs(text: str, lang: str | None = None) -> str:
    """:func:`text_direction` as HTML attributes: `` lang="…" dir="…"`` (or `` dir="…"`` alone)."""
    code, way = text_direction(text, lang)
    return f' lang="{escape(code)}" dir="{way}"' if code else f' dir="{way}"'


def mixed(text: str) -> str:
    """Escaped text whose Arabic runs are wrapped in ``<span lang="ar" dir="rtl">``."""
    out, last = [], 0
    for match in _ARABIC_RUN.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f'<span lang="ar" dir="rtl">{escape(match.group())}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def written_in(text: str, lang: str) -> str:
    """A sentence the program wrote in ``lang``, as the inside of an element marked ``lang``: escaped, with the
    runs of the other script isolated (Latin words in an Arabic headline, the places' English names, as
    ``<span lang="en" dir="ltr">``; Arabic words in an English one as :func:`mixed` marks them)."""
    if not _is_rtl(lang):
        return mixed(text)
    out, last = [], 0
    for match in _LATIN_RUN.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f'<span lang="en" dir="ltr">{escape(match.group())}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)
