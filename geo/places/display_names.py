"""The Arabic name readers see for a GeoNames place, chosen among its Arabic-script alternate names.

GeoNames' alternate names carry no language, and the Arabic script writes Persian, Urdu, Uyghur,
Kurdish and Pashto too: the first Arabic-script alternate (the lowest in code-point order) is often
not Arabic (Moscow «ماسکو», Amman «ئاممان», Kyiv «كىيېۋ»). The display name is chosen at index build:

1. only names written with the letters and marks of the Arabic alphabet (U+0621–U+0652, words
   separated by a space or a hyphen) take part: no Persian, Urdu or Uyghur letter (ک ی ې ۋ ە…),
   no Latin, no word that begins with «ئ» (how Uyghur writes a vowel at a word's start; an
   Arabic word never begins so), no «ى» or «ة» inside a word (Arabic writes them last; Uyghur
   and Kazakh write «ى» for a vowel anywhere), and no word of one letter (a name cut apart:
   «سا ن جوز»);
2. for a place whose country does not speak Arabic (its Arabic names are transliterations of a foreign
   name), a name that sounds like the place's own Latin name (:mod:`geo.places.phonetic`: the same consonant
   key) comes first: wordfreq scores a name by its words, and a translated word or a common word a name
   happens to spell outscores the transliteration (Belo Horizonte «بيلو أفق», "horizon"; Ulsan «الزان»,
   beech wood; Astana's former name «نور سلطان»);
3. then the most frequent in Arabic text (``wordfreq``'s Zipf frequency) wins: how Arabic news writes
   the place (Moscow «موسكو» over «مسكو», Tokyo «طوكيو» over «توكيو»);
4. ties go to the spelling most alternates share once folded (:func:`~geo.text.folding.name_key`:
   «عمان», «عمّان», «عَمّان» are one spelling), then to the form with the fewest diacritics (news
   writes them seldom), then to the lowest in code-point order (same input, same choice).

A place none of whose names passes (1) keeps the first Arabic-script one, as before: a Persian
spelling still reads better to an Arabic reader than a Latin one. What the reading takes as the
place's own Arabic name is not this choice (see :class:`~geo.places.gazetteer_sources.SourceRecord`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from geo.places.phonetic import arabic_keys, phonetic_key
from geo.text.folding import name_key

__all__ = ["arabic_display_name", "is_arabic_alphabet"]

#: A name written only with Arabic letters and harakat (U+0621–U+0652), words joined by a space or hyphen.
_ARABIC_ALPHABET = re.compile(r"[\u0621-\u0652]+(?:[ \-][\u0621-\u0652]+)*")
#: The harakat, tanwin, shadda and sukun (U+064B–U+0652): marks, not letters.
_MARKS = re.compile(r"[\u064b-\u0652]")
#: What Arabic spelling never does: a word that begins with «ئ» (Uyghur writes every initial vowel so),
#: «ى» or «ة» before a word's end, a word of one letter (marks aside).
_NOT_ARABIC = re.compile(
    r"(?:^|[ \-])\u0626"  # «ئ» first
    r"|[\u0629\u0649][\u064b-\u0652]*[\u0621-\u064a]"  # «ة», «ى» before a letter
    r"|(?:^|[ \-])[\u0621-\u064a][\u064b-\u0652]*(?:$|[ \-])"  # a word of one letter
)


def is_arabic_alphabet(name: str) -> bool:
    """Tell whether ``name`` is written in the Arabic alphabet itself, not another Arabic-script one.

    Parameters
    ----------
    name:
        A place name.

    Returns
    -------
    bool
        ``True`` for Arabic letters and harakat only (words joined by a space or a hyphen) spelled as
        Arabic spells (see the module's rule 1).
    """
    name = name.strip()
    return bool(_ARABIC_ALPHABET.fullmatch(name)) and not _NOT_ARABIC.search(name)


def _arabic_zipf(name: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(name, "ar")


def arabic_display_name(
    names: Sequence[str],
    *,
    frequency: Callable[[str], float] = _arabic_zipf,
    sounds_like: str | None = None,
) -> str | None:
    """The Arabic display name among a place's Arabic-script alternate names (see the module's rules).

    Parameters
    ----------
    names:
        The place's Arabic-script names, in the source's order.
    frequency:
        How common a name is in Arabic text (default: ``wordfreq``'s Zipf frequency).
    sounds_like:
        The place's Latin name when its country does not speak Arabic (rule 2); ``None`` otherwise.

    Returns
    -------
    str or None
        The chosen name; the first name when none is written in the Arabic alphabet; ``None`` for none.
    """
    if not names:
        return None
    eligible = sorted({n.strip() for n in names if is_arabic_alphabet(n)})
    if not eligible:
        return names[0]
    shared = Counter(name_key(n) for n in names)
    key = phonetic_key(sounds_like) if sounds_like else ""
    return min(
        eligible,
        key=lambda n: (bool(key) and key not in arabic_keys(n), -frequency(n), -shared[name_key(n)],
                       len(_MARKS.findall(n)), n),  # fmt: skip
    )
