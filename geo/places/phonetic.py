"""A consonant-skeleton key shared by Arabic spellings and Latin names.

Foreign place names reach Arabic news as transliterations, and GeoNames
often has no Arabic form for a Russian or Korean town. Both scripts are
reduced to one alphabet of consonant classes, vowels and weak letters
dropped, repeats collapsed, so an Arabic spelling meets the Latin name it
was made from. Classes::

    B  b p             ب پ          F  f v ph        ف ڤ
    T  t th            ت ط ث        D  d             د ض
    K  k c q g kh gh x ك ق غ خ گ    J  j zh dj       ج
    S  s sh ch ç c(e)  س ص ش تش     Z  z             ز ذ ظ
    L  l               ل            M  m             م
    N  n               ن            R  r             ر

Dropped: vowels, h, w, y, and ا و ي ى ء ع ح ه ة.

An Arabic spelling may stand for more than one Latin sound: :func:`arabic_keys`
gives its other readings (خ for a Latin "h", ج for a hard "g", تش for Chinese
"zh", a final ن for "ng").
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import islice, product
from operator import methodcaller

from geo.text.folding import fold_text
from geo.text.memory import Memory

__all__ = ["latin_key", "latin_spellings", "arabic_key", "arabic_keys", "phonetic_key", "syllable_keys"]

_LATIN_DIGRAPHS = (
    ("shch", "S"),
    ("tsch", "S"),
    ("sch", "S"),
    ("tch", "S"),
    ("dzh", "J"),
    ("ch", "S"),
    ("sh", "S"),
    ("zh", "J"),
    ("kh", "K"),
    ("gh", "K"),
    ("ph", "F"),
    ("th", "T"),
    ("dj", "J"),
    ("ck", "K"),
    ("qu", "K"),
)
_LATIN_SINGLE = {
    "b": "B",
    "p": "B",
    "f": "F",
    "v": "F",
    "t": "T",
    "d": "D",
    "k": "K",
    "q": "K",
    "g": "K",
    "x": "KS",
    "j": "J",
    "s": "S",
    "z": "Z",
    "l": "L",
    "m": "M",
    "n": "N",
    "r": "R",
}
_ARABIC_SINGLE = {
    "ب": "B",
    "ف": "F",
    "ت": "T",
    "ط": "T",
    "ث": "T",
    "د": "D",
    "ض": "D",
    "ك": "K",
    "ق": "K",
    "غ": "K",
    "خ": "K",
    "ج": "J",
    "س": "S",
    "ص": "S",
    "ش": "S",
    "ز": "Z",
    "ذ": "Z",
    "ظ": "Z",
    "ل": "L",
    "م": "M",
    "ن": "N",
    "ر": "R",
}
_LATIN_WORD = re.compile(r"[a-z]+")


#: How French and English transliterate the same sounds of Arabic, Persian, Russian or Chinese names:
#: French «ou», «dj», «tch», «ch», «kh» for English "u", "j", "ch", "sh", "h"; "ph" for "f"; "ee", "oo".
_SPELLINGS = (("ou", "u"), ("dj", "j"), ("tch", "ch"), ("ch", "sh"), ("kh", "h"), ("ph", "f"), ("ee", "i"), ("oo", "u"))
_DOUBLED = re.compile(r"(.)\1")
_ONE_OF_RUN = methodcaller("group", 1)  # a run's letter once (a C call, not a template read per question)


@lru_cache(maxsize=65536)
def latin_spellings(key: str) -> tuple[str, ...]:
    """Other spellings of a folded Latin name key under the usual transliteration variants.

    Parameters
    ----------
    key:
        A folded Latin key (:func:`geo.text.folding.name_key`).

    Returns
    -------
    tuple of str
        Each variant once, the key itself left out: one rule at a time, then all rules together,
        then doubled letters written once ("Djeddah" → "jeddah", "jedah"; "Abou Dhabi" → "abudhabi").
    """
    out: list[str] = []
    every = key
    for old, new in _SPELLINGS:
        if old in key:
            out.append(key.replace(old, new))
        every = every.replace(old, new)
    out.append(every)
    out.append(_DOUBLED.sub(_ONE_OF_RUN, every))
    seen = {key}
    return tuple(v for v in out if not (v in seen or seen.add(v)))


def _collapse(classes: list[str]) -> str:
    out: list[str] = []
    for c in classes:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def latin_key(name: str) -> str:
    """The consonant key of a Latin-script name.

    Parameters
    ----------
    name:
        Any Latin-script name; case and accents are ignored.

    Returns
    -------
    str
        The key, e.g. ``"Novosibirsk"`` → ``"NFSBRSK"``.
    """
    text = "".join(_LATIN_WORD.findall(fold_text(name.replace("ç", "s").replace("Ç", "S"))))
    classes: list[str] = []
    i = 0
    while i < len(text):
        for digraph, cls in _LATIN_DIGRAPHS:
            if text.startswith(digraph, i):
                classes.append(cls)
                i += len(digraph)
                break
        else:
            char = text[i]
            if char == "c":
                nxt = text[i + 1] if i + 1 < len(text) else ""
                classes.append("S" if nxt in "eiy" else "K")
            else:
                cls = _LATIN_SINGLE.get(char)
                if cls:
                    classes.extend(cls)
            i += 1
    return _collapse(classes)


@lru_cache(maxsize=262144)
def arabic_key(name: str) -> str:
    """The consonant key of an Arabic-script spelling.

    Parameters
    ----------
    name:
        Arabic text; it is folded first (hamza forms, ta marbuta…).

    Returns
    -------
    str
        The key, e.g. «نوفوسيبيرسك» → ``"NFSBRSK"``.
    """
    text = fold_text(name).replace("تش", "ش")
    return _collapse([_ARABIC_SINGLE[c] for c in text if c in _ARABIC_SINGLE])


#: Arabic letters that transliterate more than one Latin sound, and the classes each may stand for (the
#: usual one first): خ is "kh" but also the "h" of Chinese, Spanish and Russian names (Harbin, Jalisco's
#: "j"), which a Latin key drops; ج is "j" but also the hard "g" of Egyptian usage (جنوة "Genoa").
_ARABIC_CHOICES = {"خ": ("K", ""), "ج": ("J", "K")}
#: «تش» is "ch", and also Chinese "zh" (Zhengzhou «تشنغتشو»), whose Latin key is J.
_TSH_CHOICES = ("S", "J")
#: A final «ن» may end a Chinese or Vietnamese "-ng" (Nanjing «نانجين»).
_FINAL_N_CHOICES = ("N", "NK")


class _ClassTable(dict):
    """``str.translate``'s table from a folded Arabic letter to its consonant class; every other character is
    dropped (filled as characters are met)."""

    def __missing__(self, code: int) -> str:
        cls = self[code] = _ARABIC_SINGLE.get(chr(code), "")
        return cls


_CLASS_TABLE = _ClassTable()
_AMBIGUOUS = re.compile("[خج]|تش")  # letters of more than one reading (a final «ن» is the other)
_REPEATS = re.compile(r"(.)\1+")
_KNOWN_NAMES = 65536  # spellings whose keys are kept (news repeats words): then it starts afresh
#: ``limit`` → spelling → its keys.
_KEYS: Memory[int, Memory[str, tuple[str, ...]]] = Memory(
    lambda limit: Memory(partial(_arabic_keys, limit=limit), size=_KNOWN_NAMES), size=16
)


def arabic_keys(name: str, *, limit: int = 8) -> tuple[str, ...]:
    """The consonant keys an Arabic spelling may have, its usual key first.

    Parameters
    ----------
    name:
        Arabic text; it is folded first.
    limit:
        The most readings returned (the usual one, then the others in order).

    Returns
    -------
    tuple of str
        Distinct keys: ``arabic_keys("خاربين")`` holds ``"KRBN"`` and, for "Harbin", ``"RBN"``. Remembered.
    """
    return _KEYS[limit][name]  # (a memory a limit: no key tuple built per question)


def _arabic_keys(name: str, limit: int) -> tuple[str, ...]:
    """:func:`arabic_keys`, worked out."""
    text = fold_text(name)
    if not _AMBIGUOUS.search(text):
        classes = text.translate(_CLASS_TABLE)
        key = _REPEATS.sub(_ONE_OF_RUN, classes)
        if not classes.endswith("N"):  # no final «ن»: the spelling has one reading
            return (key,)
        # Only the final «ن» has two readings: "N", then "NK" (the key, a "K" after: no run of one letter).
        return (key, key + "K") if limit > 1 else (key,)
    last = len(text) - 1  # the last consonant («ن» there has two readings)
    while last >= 0 and text[last] not in _ARABIC_SINGLE:
        last -= 1
    final_n = last >= 0 and text[last] == "ن"
    head = text[:last] if final_n else text
    options: list[tuple[str, ...]] = []  # runs of one reading each, between the letters of more than one
    done = 0
    for found in _AMBIGUOUS.finditer(head):
        options.append((head[done : found.start()].translate(_CLASS_TABLE),))
        options.append(_TSH_CHOICES if found.group() == "تش" else _ARABIC_CHOICES[found.group()])
        done = found.end()
    options.append((head[done:].translate(_CLASS_TABLE),))
    if final_n:
        options.append(_FINAL_N_CHOICES)
    keys: list[str] = []
    for combo in islice(product(*options), max(limit, 1) * 4):
        key = _REPEATS.sub(_ONE_OF_RUN, "".join(combo))
        if key not in keys:
            keys.append(key)
        if len(keys) >= limit:
            break
    return tuple(keys)


def syllable_keys(name: str) -> tuple[str, ...]:
    """:func:`arabic_keys`, each also read with every inner «ن» before a consonant as "ng".

    Arabic news often drops the "g" of a Chinese or Korean "-ng" inside a name as well as at its end
    (Changsha «تشانشا», Shenyang «شنيان»). A wider net than :func:`arabic_keys`, for a name some cue
    already marks as a place (a facility noun before it, its country after it).

    Parameters
    ----------
    name:
        Arabic text.

    Returns
    -------
    tuple of str
        The keys of :func:`arabic_keys`, then their "ng" readings: ``syllable_keys("تشانشا")`` holds
        ``"SNKS"``, the key of "Changsha".
    """
    keys = list(arabic_keys(name))
    for key in tuple(keys):
        inner = "".join(c + "K" if c == "N" and key[i + 1 : i + 2] not in ("", "K") else c for i, c in enumerate(key))
        if inner not in keys:
            keys.append(inner)
    return tuple(keys)


def phonetic_key(name: str) -> str:
    """The consonant key of a name in either script."""
    if any("\u0600" <= c <= "\u06ff" for c in name):
        return arabic_key(name)
    return latin_key(name)
