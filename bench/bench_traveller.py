"""Who travels: the traveller the reader names for each article of a labelled set, against its gold.

Run: ``.venv/bin/python bench/bench_traveller.py [--set DIR] [-v]`` (default set: ``../dev86``, else
``../shared/eval/dev``). Each article is read alone, as a user builds one article; the traveller the
reader gives (every form it keeps, any script) is right when one of its name words meets a word of the
gold name, compared by their consonant skeletons (:func:`geo.places.phonetic.phonetic_key`), so
«بوتين» meets "Vladimir Putin" and "Macron" meets «ماكرون». Prints one line per article with ``-v``
and the accuracy last; asserts nothing, skips when the set is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.pipeline import Pipeline, read_articles  # noqa: E402
from geo.places.gazetteer import load_gazetteer  # noqa: E402
from geo.places.phonetic import phonetic_key  # noqa: E402
from geo.story.traveller import find_traveller  # noqa: E402

__all__: list[str] = []

#: Gold words that do not identify a person (titles and particles of names).
_NOT_NAMES = frozenset({"pope", "king", "al", "bin", "ben", "da", "de", "iii", "ii", "xvi"})
#: Consonant classes a transliteration swaps (z/s, j/g, d/t): merged for the match.
_COARSE = str.maketrans({"Z": "S", "J": "K", "D": "T"})
#: A skeleton this long may be found inside a name written in more (or fewer) words.
_MIN_INSIDE = 3


def _word_keys(name: str) -> list[str]:
    """The coarse consonant skeletons of a name's words (particles and the Arabic article dropped)."""
    keys = []
    for word in name.replace("-", " ").split():
        if word.lower() in _NOT_NAMES:
            continue
        if word.startswith("ال") and len(word) > 4:
            word = word[2:]
        key = phonetic_key(word).translate(_COARSE)
        if key:
            keys.append(key)
    return keys


def matches(found: list[str], gold: str) -> bool:
    """True when a word of the gold name meets a found form: the same skeleton as one of its words,
    or (three letters or more) inside their skeletons joined or one the start of the other."""
    wanted = [k for k in _word_keys(gold) if len(k) >= 2]
    for name in found:
        words = _word_keys(name)
        joined = "".join(words)
        for g in wanted:
            if g in words or (len(g) >= _MIN_INSIDE and g in joined):
                return True
            if any(len(w) >= _MIN_INSIDE and (g.startswith(w) or w.startswith(g)) for w in words):
                return True
    return False


def _default_set() -> Path:
    for candidate in (ROOT.parent / "dev86", ROOT.parent / "shared" / "eval" / "dev"):
        if (candidate / "gold.json").exists():
            return candidate
    return ROOT.parent / "dev86"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=_default_set(), help="a folder with gold.json and texts/")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per article")
    args = parser.parse_args(argv)
    gold_path = args.set / "gold.json"
    if not gold_path.exists():
        print(f"traveller: skipped (no {gold_path})")
        return 0
    pipeline = Pipeline(load_gazetteer())
    right = total = 0
    for item in json.loads(gold_path.read_text(encoding="utf-8")):
        path = args.set / "texts" / item["file"]
        if not path.exists() or not item.get("traveller"):
            continue
        articles = read_articles(path)
        places = [r.mention.text for a in articles for r in pipeline.process(a).resolutions]
        person = find_traveller(articles, pipeline.gazetteer, settings=pipeline.settings.traveller, places=places)
        found = list(person.names) if person is not None else []
        ok = matches(found, item["traveller"])
        right += ok
        total += 1
        if args.verbose:
            shown = " | ".join(found) or "-"
            print(f"{'ok  ' if ok else 'MISS'} {item['file']}: {shown}  (gold {item['traveller']})")
    share = right / total if total else 0.0
    print(f"traveller: {right} of {total} articles right, accuracy {share:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
