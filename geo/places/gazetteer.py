"""The compiled gazetteer: a compact on-disk index that loads in milliseconds.

The index is compiled once from :mod:`geo.places.gazetteer_sources` into a folder (by default
``data/index/``, or ``$GEOSTORY_INDEX_DIR``) and rebuilt automatically when
its inputs or the code that compiles it change. It holds:

``names.marisa``
    A memory-mapped MARISA trie from name keys (:func:`geo.text.folding.name_key`)
    to ``(row, flags)`` records; phonetic keys (:mod:`geo.places.phonetic`) are stored
    under a ``#`` prefix, common words of Arabic, French and English (from
    ``wordfreq``) under ``!`` with their Zipf frequency ×10, and the Arabic names
    written with harakat under ``=KEY=DOUBLED`` (their key, then their
    :func:`~geo.text.folding.gemination_key`: which letters a shadda doubles).
``rows.npy``
    Coordinates, population, type and country of every place (memory-mapped).
``rows.txt`` / ``rows_offsets.npy``
    Identifier, names (English, the Arabic display name, the reading's own Arabic name when it differs:
    see :class:`~geo.places.gazetteer_sources.SourceRecord`), feature and source of every place, one line each.
``meta.json``
    The inputs' fingerprint, sources and counts.
"""

from __future__ import annotations

import hashlib
import json
import math
import mmap
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import marisa_trie
import numpy as np

from geo.errors import IndexBuildError
from geo.model import PLACE_TYPES, Place, PlaceType
from geo.places.gazetteer_sources import DATA_DIR, SourceRecord, inputs_fingerprint, iter_sources
from geo.places.phonetic import arabic_key, latin_key
from geo.text.folding import gemination_key, is_arabic, name_key

__all__ = [
    "Gazetteer",
    "NameHit",
    "ARABIC",
    "LATIN",
    "PRIMARY",
    "ADJECTIVE",
    "PHONETIC",
    "INDEX_VERSION",
    "default_index_dir",
    "index_fingerprint",
    "ensure_index",
    "compile_index",
    "load_gazetteer",
]

INDEX_VERSION = 5

ARABIC = 1
LATIN = 2
PRIMARY = 4
ADJECTIVE = 8
PHONETIC = 16

_COMMON_ROW = 0xFFFFFFFF
_RECORD_FORMAT = "<IB"
# The index's own definition (compiled in, part of its fingerprint through this file; not run-time settings):
_MIN_PHONETIC = 4  # consonant keys shorter than this are not stored: they match too many words
_PHONETIC_MIN_POPULATION = 1000  # only places this populous get a consonant key (hamlets would flood the keys)
_COMMON_WORDS = 60000  # how many of wordfreq's most common words per language get a stored Zipf frequency
_ROW_DTYPE = np.dtype(
    [("lat", "<f8"), ("lon", "<f8"), ("pop", "<i8"), ("ptype", "u1"), ("country", "U2"), ("admin1", "U8")]
)
_CODE_FILES = (
    "places/gazetteer.py",
    "places/gazetteer_sources.py",
    "places/display_names.py",
    "text/folding.py",
    "places/phonetic.py",
    "model.py",
)


class NameHit(NamedTuple):
    """One place a key may name: its row and how the name was stored (a named tuple: the trie's own record,
    made without a call per field)."""

    row: int
    flags: int


_make_hit = NameHit._make


def default_index_dir() -> Path:
    """Where the index lives: ``$GEOSTORY_INDEX_DIR`` or ``data/index``."""
    env = os.environ.get("GEOSTORY_INDEX_DIR")
    return Path(env) if env else DATA_DIR / "index"


def _code_hash() -> str:
    digest = hashlib.sha256(f"index v{INDEX_VERSION}".encode())
    here = Path(__file__).resolve().parents[1]
    for name in _CODE_FILES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def _fingerprint() -> str:
    return inputs_fingerprint(_code_hash())


def index_fingerprint() -> str:
    """The fingerprint of the index these inputs and this code compile.

    Returns
    -------
    str
        Hex SHA-256, as ``meta.json`` records it: a change of the gazetteer's data, of its sources' versions or
        of the compiler changes it. (It describes the default index, not one loaded from another folder.)
    """
    return _fingerprint()


def _is_latin_name(name: str) -> bool:
    if not name[:1].isupper():
        return False
    letters = [c for c in name if c.isalpha()]
    if not letters or any(not ("a" <= c.lower() <= "z" or "\u00c0" <= c <= "\u024f") for c in letters):
        return False
    compact = name.replace(" ", "")
    return not (len(compact) <= 4 and compact.isupper())


def _entries_for(row: int, rec: SourceRecord) -> list[tuple[str, tuple[int, int]]]:
    keys: dict[str, int] = {}

    def add(key: str, flags: int) -> None:
        if len(key) >= 2:
            keys[key] = keys.get(key, 0) | flags

    has_arabic = any(is_arabic(name) for name, _ in rec.names)
    curated = not rec.id.startswith("geonames:")
    phonetic_ok = curated or rec.population >= _PHONETIC_MIN_POPULATION
    for index, (name, lang) in enumerate(rec.names):
        primary = PRIMARY if index == 0 or name == rec.name else 0
        if is_arabic(name):
            add(name_key(name), ARABIC | primary)
            if phonetic_ok and rec.place_type != PlaceType.COUNTRY:
                ph = arabic_key(name)
                if len(ph) >= _MIN_PHONETIC:
                    add("#" + ph, PHONETIC | ARABIC)
        elif lang in ("en", "fr") or _is_latin_name(name):
            add(name_key(name), LATIN | primary)
            if phonetic_ok and (curated or not has_arabic) and rec.place_type != PlaceType.COUNTRY:
                ph = latin_key(name)
                if len(ph) >= _MIN_PHONETIC:
                    add("#" + ph, PHONETIC | LATIN)
    for adjective in rec.adjectives:
        key = name_key(adjective)
        if key not in keys:  # a name that is also a modifier ("UK", "US") stays a name
            add(key, ADJECTIVE | (ARABIC if is_arabic(adjective) else LATIN))
    keys.update(dict.fromkeys(_doubling_keys(rec), ARABIC))
    return [(key, (row, flags)) for key, flags in keys.items()]


def _doubling_keys(rec: SourceRecord) -> list[str]:
    """``=KEY=DOUBLED`` of each Arabic name of ``rec`` written with harakat (see
    :meth:`Gazetteer.written_doubling`)."""
    found = ((name, gemination_key(name)) for name, _ in rec.names if is_arabic(name))
    return [f"={name_key(name)}={doubled}" for name, doubled in found if doubled is not None]


def _common_entries() -> list[tuple[str, tuple[int, int]]]:
    from wordfreq import top_n_list, zipf_frequency

    best: dict[str, int] = {}
    for lang in ("ar", "fr", "en"):
        for word in top_n_list(lang, _COMMON_WORDS):
            key = name_key(word)
            if not key:
                continue
            zipf = min(255, int(round(zipf_frequency(word, lang) * 10)))
            best[key] = max(best.get(key, 0), zipf)
            if lang != "ar":
                best[f"{lang}:{key}"] = max(best.get(f"{lang}:{key}", 0), zipf)
    return [("!" + key, (_COMMON_ROW, zipf)) for key, zipf in best.items()]


@dataclass(frozen=True, slots=True)
class _Tables:
    """What the index holds, before it is written: rows, their text lines, name entries, sources."""

    rows: np.ndarray
    offsets: np.ndarray
    lines: list[bytes]
    entries: list[tuple[str, tuple[int, int]]]
    sources: list[str]


def _tables(records: list[SourceRecord]) -> _Tables:
    """The index's tables from the gazetteer's source records, row by row."""
    rows = np.zeros(len(records), dtype=_ROW_DTYPE)
    sources: dict[str, int] = {}
    lines: list[bytes] = []
    entries: list[tuple[str, tuple[int, int]]] = []
    for row, rec in enumerate(records):
        rows[row] = (
            rec.lat,
            rec.lon,
            rec.population,
            PLACE_TYPES.index(rec.place_type),
            rec.country or "",
            rec.admin1 or "",
        )
        source = sources.setdefault(rec.source, len(sources))
        fields = (rec.id, rec.name, rec.name_ar or "", rec.own_ar or "", rec.feature, str(source))
        lines.append("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields).encode() + b"\n")
        entries.extend(_entries_for(row, rec))
    entries.extend(_common_entries())
    offsets = np.zeros(len(lines) + 1, dtype="<i8")
    np.cumsum([len(line) for line in lines], out=offsets[1:])
    return _Tables(rows, offsets, lines, entries, sorted(sources, key=sources.__getitem__))


def _write_tables(tables: _Tables, folder: Path, *, fingerprint: str) -> None:
    """Write the index files into ``folder``."""
    marisa_trie.RecordTrie(_RECORD_FORMAT, tables.entries).save(str(folder / "names.marisa"))
    np.save(folder / "rows.npy", tables.rows)
    np.save(folder / "rows_offsets.npy", tables.offsets)
    (folder / "rows.txt").write_bytes(b"".join(tables.lines))
    meta = {
        "version": INDEX_VERSION,
        "fingerprint": fingerprint,
        "places": len(tables.rows),
        "names": len(tables.entries),
        "sources": tables.sources,
    }
    (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")


def _swap_in(tmp: Path, directory: Path) -> None:
    """Put the folder ``tmp`` where ``directory`` is, removing the old one after the switch."""
    old = None
    if directory.exists():
        old = directory.with_name(directory.name + f".old-{os.getpid()}")
        directory.rename(old)
    tmp.rename(directory)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def compile_index(directory: Path) -> Path:
    """Compile the gazetteer index into ``directory`` (replaced atomically).

    Parameters
    ----------
    directory:
        Target folder; it is written in a sibling temporary folder and
        renamed into place, so a reader never sees half an index.

    Returns
    -------
    Path
        ``directory``.
    """
    directory = Path(directory)
    fingerprint = _fingerprint()
    records = list(iter_sources())
    if not records:
        raise IndexBuildError("the gazetteer inputs hold no places")
    tables = _tables(records)
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".index-", dir=directory.parent))
    except OSError as exc:
        raise IndexBuildError(f"cannot create the gazetteer index folder {directory}: {exc}") from exc
    try:
        _write_tables(tables, tmp, fingerprint=fingerprint)
        _swap_in(tmp, directory)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise IndexBuildError(f"cannot write the gazetteer index to {directory}: {exc}") from exc
    return directory


def _index_is_current(directory: Path) -> bool:
    try:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("version") == INDEX_VERSION and meta.get("fingerprint") == _fingerprint()


def ensure_index(directory: Path | None = None, *, rebuild: bool = False) -> Path:
    """Return an index folder that matches the current inputs, compiling it if needed.

    Parameters
    ----------
    directory:
        Index folder (default :func:`default_index_dir`).
    rebuild:
        Compile even when the folder is current.
    """
    directory = Path(directory) if directory is not None else default_index_dir()
    if rebuild or not _index_is_current(directory):
        compile_index(directory)
    return directory


class Gazetteer:
    """Read access to a compiled index.

    Parameters
    ----------
    directory:
        A folder written by :func:`compile_index`.
    """

    def __init__(self, directory: Path) -> None:
        directory = Path(directory)
        try:
            self._meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
            self._trie = marisa_trie.RecordTrie(_RECORD_FORMAT)
            self._trie.mmap(str(directory / "names.marisa"))
            # a plain array view of the mapped file: indexing a ``np.memmap`` builds a memmap per item
            self._rows = np.load(directory / "rows.npy", mmap_mode="r").view(np.ndarray)
            self._offsets = np.load(directory / "rows_offsets.npy", mmap_mode="r").view(np.ndarray)
            with (directory / "rows.txt").open("rb") as handle:
                self._text = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as exc:
            raise IndexBuildError(f"cannot load the gazetteer index from {directory}: {exc}") from exc
        self.directory = directory
        self._sources: list[str] = self._meta["sources"]
        self.place = lru_cache(maxsize=65536)(self._place)
        self._box_candidates = lru_cache(maxsize=16)(self._candidates)
        self._zipf_cache: dict[str, float] = {}
        # column views, made once: a field of a structured array is a new view each time it is asked for
        self._pop, self._ptype, self._country = self._rows["pop"], self._rows["ptype"], self._rows["country"]

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def fingerprint(self) -> str:
        """The fingerprint of what the index was compiled from (its inputs and compiling code)."""
        return self._meta["fingerprint"]

    @property
    def lat(self) -> np.ndarray:
        """Latitudes of all rows."""
        return self._rows["lat"]

    @property
    def lon(self) -> np.ndarray:
        """Longitudes of all rows."""
        return self._rows["lon"]

    def lookup(self, key: str) -> list[NameHit]:
        """The places whose name has key ``key`` (see :func:`geo.text.folding.name_key`)."""
        return list(map(_make_hit, self._trie.get(key, ())))

    def lookup_populous(self, key: str, least: int) -> list[NameHit]:
        """:meth:`lookup`, only the places of at least ``least`` people."""
        records = self._trie.get(key)
        if not records:
            return []
        population = self._pop.item  # (a key has a few records: read one by one, no array made for them)
        return [_make_hit(record) for record in records if population(record[0]) >= least]

    def lookup_phonetic(self, key: str) -> list[NameHit]:
        """The places with phonetic key ``key`` (see :mod:`geo.places.phonetic`)."""
        return self.lookup("#" + key) if key else []

    def written_doubling(self, key: str) -> dict[int, frozenset[str]]:
        """The places with a name of key ``key`` written with harakat, and the
        :func:`~geo.text.folding.gemination_key` of each such name («عمان»: Oman's «عُمان» → «عمان»,
        Amman's «عمّان» → «عممان»); a place whose names of that key are all written bare is not in it."""
        prefix = f"={key}="
        found: dict[int, set[str]] = {}
        for stored, (row, _) in self._trie.items(prefix):
            found.setdefault(row, set()).add(stored[len(prefix) :])
        return {row: frozenset(doubled) for row, doubled in found.items()}

    def has_prefix(self, prefix: str) -> bool:
        """True when some stored name key starts with ``prefix``."""
        return next(self._trie.iterkeys(prefix), None) is not None

    def zipf(self, key: str, *, language: str | None = None) -> float:
        """How common the word ``key`` is (Zipf scale, 0 if rare).

        Parameters
        ----------
        key:
            A folded word.
        language:
            ``"fr"`` or ``"en"`` for that language's frequency of a Latin word;
            otherwise the highest of Arabic, French and English.
        """
        if language in ("fr", "en"):
            key = f"{language}:{key}"
        value = self._zipf_cache.get(key)
        if value is None:
            hits = self._trie.get("!" + key)
            value = hits[0][1] / 10.0 if hits else 0.0
            if len(self._zipf_cache) < 200_000:
                self._zipf_cache[key] = value
        return value

    def population(self, row: int) -> int:
        """Population of row ``row`` (0 when unknown)."""
        return self._pop.item(row)

    def place_type(self, row: int) -> PlaceType:
        """Place type of row ``row``."""
        return PLACE_TYPES[self._ptype.item(row)]

    def country(self, row: int) -> str | None:
        """ISO country code of row ``row``."""
        return self._country.item(row) or None

    def names(self, rows: Sequence[int]) -> list[str]:
        """The names (:attr:`Place.name`) of rows ``rows``, read without making their places (a pass over many)."""
        text, offset = self._text, self._offsets.item
        return [text[offset(row) : offset(row + 1)].split(b"\t", 2)[1].decode() for row in rows]

    def _place(self, row: int) -> Place:
        if not 0 <= row < len(self._rows):
            raise IndexError(f"no gazetteer row {row}")
        start, end = self._offsets.item(row), self._offsets.item(row + 1)
        pid, name, name_ar, _, feature, source = self._text[start:end].decode().rstrip("\n").split("\t")
        lat, lon, pop, ptype, country, admin1 = self._rows.item(row)  # one record as Python values
        return Place(
            id=pid,
            name=name,
            name_ar=name_ar or None,
            lat=lat,
            lon=lon,
            place_type=PLACE_TYPES[ptype],
            feature=feature,
            country=country or None,
            admin1=admin1 or None,
            population=pop,
            source=self._sources[int(source)],
        )

    def own_arabic(self, row: int) -> str | None:
        """The Arabic name the reading takes as row ``row``'s own (GeoNames' first Arabic-script alternate, a
        curated or CLDR name as written), which may differ from the display name :attr:`Place.name_ar`."""
        start, end = self._offsets.item(row), self._offsets.item(row + 1)
        fields = self._text[start:end].split(b"\t", 4)
        return (fields[3] or fields[2]).decode() or None

    def arabic_names(self, rows: Iterable[int]) -> list[str]:
        """The own Arabic names (:meth:`own_arabic`) of ``rows`` (``""`` for none), read from their text lines:
        no :class:`~geo.model.Place` is made (a table over thousands of rows reads only this field)."""
        at = np.fromiter(rows, dtype=np.int64)
        if not len(at):
            return []
        text = self._text
        lines = b"".join(map(text.__getitem__, map(slice, self._offsets[at].tolist(), self._offsets[at + 1].tolist())))
        fields = lines.decode().split("\t")  # a line: id, name, Arabic name, own, feature, source (no tab in a field)
        if len(fields) != 5 * len(at) + 1:
            raise IndexBuildError(f"the gazetteer index {self.directory} has a damaged rows.txt")
        return [own or shown for shown, own in zip(fields[2::5], fields[3::5], strict=True)]

    def row_of(self, place_id: str) -> int | None:
        """The row of a place identifier, or ``None`` (a linear scan: for tests and tools)."""
        needle = (place_id + "\t").encode()
        pos = self._text.find(needle) if self._text[: len(needle)] != needle else 0
        while pos != -1:
            if pos == 0 or self._text[pos - 1 : pos] == b"\n":
                return int(np.searchsorted(self._offsets, pos, side="right") - 1)
            pos = self._text.find(needle, pos + 1)
        return None

    def country_row(self, code: str) -> int | None:
        """The row of country ``code`` (ISO alpha-2)."""
        return self._country_rows().get(code.upper())

    @lru_cache(maxsize=1)  # noqa: B019 - one gazetteer per process
    def _country_rows(self) -> dict[str, int]:
        rows = np.nonzero(self._rows["ptype"] == PLACE_TYPES.index(PlaceType.COUNTRY))[0]
        return {str(self._rows["country"][r]): int(r) for r in rows}

    def towns_by_country(self, min_population: int) -> dict[str, tuple[int, ...]]:
        """The rows of the towns (:attr:`PlaceType.CITY`) of each country with at least ``min_population``
        people, in row order, keyed by ISO code (``""`` for none)."""
        rows = self._rows
        mask = (rows["ptype"] == PLACE_TYPES.index(PlaceType.CITY)) & (rows["pop"] >= min_population)
        idx = np.nonzero(mask)[0]
        by_country: dict[str, list[int]] = {}
        for row, code in zip(idx.tolist(), rows["country"][idx].tolist(), strict=True):
            by_country.setdefault(str(code), []).append(row)
        return {country: tuple(found) for country, found in by_country.items()}

    def nearest(
        self,
        lat: float,
        lon: float,
        *,
        types: tuple[PlaceType | str, ...] = (PlaceType.CITY,),
        min_population: int = 0,
    ) -> tuple[int, float]:
        """The nearest place of the given types (and population) and its distance in km.

        ``types`` are :class:`~geo.model.PlaceType` values; any other word (a geocoder
        caller's ``place_types``) raises :class:`ValueError`.
        """
        unknown = [t for t in types if t not in PLACE_TYPES]
        if unknown:
            raise ValueError(f"unknown place type(s): {', '.join(unknown)}")
        codes = np.array([PLACE_TYPES.index(t) for t in types])
        mask = np.isin(self._rows["ptype"], codes)
        if min_population:
            mask &= self._rows["pop"] >= min_population
        idx = np.nonzero(mask)[0]
        if not len(idx):
            raise ValueError("no gazetteer place has the requested types and population")
        lat1, lon1 = math.radians(lat), math.radians(lon)
        lat2 = np.radians(self._rows["lat"][idx])
        lon2 = np.radians(self._rows["lon"][idx])
        a = np.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
        dist = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
        best = int(np.argmin(dist))
        return int(idx[best]), float(dist[best])

    def places_in_box(
        self,
        south: float,
        west: float,
        north: float,
        east: float,
        *,
        types: tuple[PlaceType, ...],
        limit: int,
        min_population: int = 0,
    ) -> list[Place]:
        """The most populous places of ``types`` inside a box, most populous first (ties: index order).

        ``west``/``east`` may run past ±180 (a box across the antimeridian); ``limit`` caps the count.
        """
        codes = tuple(sorted({PLACE_TYPES.index(t) for t in types}))
        rows, lat, lon, pop = self._box_candidates(codes, min_population)
        inside = (lat >= south) & (lat <= north)
        inside &= np.mod(lon - west, 360.0) <= (east - west)
        idx = rows[inside]
        order = np.lexsort((idx, -pop[inside]))[: max(0, limit)]
        return [self.place(int(row)) for row in idx[order]]

    def _candidates(self, codes: tuple[int, ...], min_population: int) -> tuple[np.ndarray, ...]:
        """The rows of the type ``codes`` with at least ``min_population`` people (in index order) and their
        latitudes, longitudes and populations, each a packed array: one pass over the index for each kind of
        question (a map asks for a story's seas, big cities and the towns around each stop), not one a box."""
        keep = np.isin(self._ptype, codes)
        if min_population:
            keep &= self._pop >= min_population
        rows = np.flatnonzero(keep)
        return rows, self._rows["lat"][rows], self._rows["lon"][rows], self._pop[rows]


@lru_cache(maxsize=4)
def _load_cached(directory: str) -> Gazetteer:
    return Gazetteer(Path(directory))


def load_gazetteer(directory: Path | None = None, *, check: bool = True) -> Gazetteer:
    """Load the gazetteer, compiling the index first when it is missing or stale.

    Parameters
    ----------
    directory:
        Index folder (default :func:`default_index_dir`).
    check:
        Compare the inputs' fingerprint with the index's (a few ms); when
        false, an existing index is used as it is.
    """
    directory = Path(directory) if directory is not None else default_index_dir()
    if check or not (directory / "meta.json").exists():
        ensure_index(directory)
    return _load_cached(str(directory.resolve()))
