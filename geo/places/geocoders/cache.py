"""A persistent cache of online geocoders' answers, negative ones too, in one SQLite file.

Online services are slow and rate-limited, and their usage policies ask
clients to cache: :class:`GeocodeCache` keeps every answer (keyed by
geocoder, query and parameters) across runs, in
:func:`default_cache_path` unless told otherwise.

A file that is not an SQLite database, or whose database is damaged, is moved
aside (renamed ``NAME.corrupt-TIMESTAMP``) and a new one is started: a corrupt
cache never stops a look-up. A file that cannot be opened, read or written
otherwise (no permission, a full disk) is a :class:`GeocodeCacheError`;
an entry that cannot be read back (a damaged or hand-edited row) is a
:class:`CorruptCacheEntry`, one of them, which
:class:`~geo.places.geocoders.chain.ChainedGeocoder` sets aside: it asks the
service again and the answer replaces the entry.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from geopy.location import Location

from geo.errors import OutputError
from geo.places.geocoders.base import canonical_json, on_the_globe

__all__ = ["CorruptCacheEntry", "GeocodeCache", "GeocodeCacheError", "default_cache_path"]

_Params = Mapping[str, Any] | None


class GeocodeCacheError(OutputError):
    """The geocode cache file cannot be opened, read or written."""


class CorruptCacheEntry(GeocodeCacheError):
    """A cached answer cannot be read back (a damaged or hand-edited row): ask the service again."""


def _location(address: Any, lat: Any, lon: Any, raw: Any) -> Location:
    """One stored location, as it was put; a ValueError or TypeError for a row that is not one."""
    if not isinstance(address, str) or not isinstance(raw, str):
        raise TypeError("address and raw must be text")
    if not on_the_globe(lat, lon):
        raise ValueError(f"no usable point ({lat!r}, {lon!r})")
    return Location(address, (lat, lon), json.loads(raw))


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    """Tell whether an SQLite error says the file is not a database or is damaged."""
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed whole, or rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/geostory/geocode.sqlite``, else ``~/.cache/geostory/geocode.sqlite``."""
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "geostory" / "geocode.sqlite"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS lookups (
    geocoder TEXT NOT NULL,
    query TEXT NOT NULL,
    params TEXT NOT NULL,
    found INTEGER NOT NULL,
    stored_at REAL NOT NULL,
    PRIMARY KEY (geocoder, query, params)
);
CREATE TABLE IF NOT EXISTS locations (
    geocoder TEXT NOT NULL,
    query TEXT NOT NULL,
    params TEXT NOT NULL,
    rank INTEGER NOT NULL,
    address TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    raw TEXT NOT NULL,
    PRIMARY KEY (geocoder, query, params, rank)
);
"""
_KEY = "geocoder = ? AND query = ? AND params = ?"
_SQL_HAS = f"SELECT 1 FROM lookups WHERE {_KEY}"
_SQL_LOCATIONS = f"SELECT address, lat, lon, raw FROM locations WHERE {_KEY} ORDER BY rank"
_SQL_FORGET = f"DELETE FROM locations WHERE {_KEY}"
# Columns in table order: (geocoder, query, params, found, stored_at) and
# (geocoder, query, params, rank, address, lat, lon, raw).
_SQL_PUT_LOOKUP = "INSERT OR REPLACE INTO lookups VALUES (?, ?, ?, ?, ?)"
_SQL_PUT_LOCATION = "INSERT INTO locations VALUES (?, ?, ?, ?, ?, ?, ?, ?)"


class GeocodeCache:
    """A persistent cache of geocoder answers in an SQLite file.

    Entries are keyed by (geocoder name, query, parameters) and hold the
    answer's locations (address, latitude, longitude and ``raw`` as JSON),
    or nothing for a negative answer, which is remembered too. Each write
    replaces an entry in one transaction. The file is opened on first use.

    Parameters
    ----------
    path:
        The SQLite file (default :func:`default_cache_path`); its folder is
        created when needed.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self.set_aside: list[Path] = []  # corrupt files moved aside, in order

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.path)!r})"

    def __enter__(self) -> GeocodeCache:
        return self

    def __exit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        self.close()

    def _connect(self) -> sqlite3.Connection:
        """Open the file and make sure its tables exist."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=30.0, check_same_thread=False)
        try:
            conn.isolation_level = None  # transactions are explicit
            conn.executescript(_SCHEMA)
            conn.execute("SELECT COUNT(*) FROM lookups").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    def _set_aside(self) -> Path:
        """Close the file and move it aside (with its journal), so that a new cache starts in its place."""
        self.close()
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}")
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        os.replace(self.path, aside)
        self.set_aside.append(aside)
        return aside

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        """The open connection, under the lock; a corrupt file is set aside, other sqlite errors become
        GeocodeCacheError."""
        with self._lock:
            try:
                if self._conn is None:
                    try:
                        self._conn = self._connect()
                    except sqlite3.DatabaseError as exc:
                        if not _is_corrupt(exc):
                            raise
                        self._set_aside()
                        self._conn = self._connect()
                yield self._conn
            except sqlite3.DatabaseError as exc:
                if _is_corrupt(exc):
                    self._set_aside()  # damaged while in use: the next call starts a new file
                raise GeocodeCacheError(f"cannot use the geocode cache {self.path}: {exc}") from exc
            except (sqlite3.Error, OSError) as exc:
                raise GeocodeCacheError(f"cannot use the geocode cache {self.path}: {exc}") from exc

    def close(self) -> None:
        """Close the file (it reopens on next use)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    @staticmethod
    def key(geocoder: str, query: Any, params: _Params = None) -> tuple[str, str, str]:
        """The (geocoder, query, params) key of an entry, as stored."""
        text = query if isinstance(query, str) else canonical_json(query)
        return geocoder, text, canonical_json(dict(params or {}))

    def get(self, geocoder: str, query: Any, params: _Params = None) -> list[Location] | None:
        """The cached answer: ``None`` when not cached, ``[]`` for a cached negative answer.

        Parameters
        ----------
        geocoder, query, params:
            The entry's key (see :meth:`key`).

        Returns
        -------
        list of Location or None

        Raises
        ------
        CorruptCacheEntry
            When a stored location cannot be read back (not text, no usable
            point, ``raw`` not JSON); :meth:`put` replaces the entry.
        GeocodeCacheError
            When the file cannot be opened or read.
        """
        key = self.key(geocoder, query, params)
        with self._db() as conn:
            if conn.execute(_SQL_HAS, key).fetchone() is None:
                return None
            rows = conn.execute(_SQL_LOCATIONS, key).fetchall()
        try:
            return [_location(*row) for row in rows]
        except (TypeError, ValueError, RecursionError) as exc:  # json.JSONDecodeError is a ValueError
            raise CorruptCacheEntry(
                f"corrupt entry for {key[1]!r} ({geocoder}) in the geocode cache {self.path}: "
                f"{type(exc).__name__}: {' '.join(str(exc).split())}"
            ) from exc

    def put(
        self,
        geocoder: str,
        query: Any,
        params: _Params,
        locations: Sequence[Location],
    ) -> None:
        """Store an answer (an empty ``locations`` stores a negative one), replacing any older one."""
        key = self.key(geocoder, query, params)
        rows = [
            (*key, rank, loc.address or "", float(loc.latitude), float(loc.longitude), canonical_json(loc.raw))
            for rank, loc in enumerate(locations)
        ]
        with self._db() as conn, _transaction(conn):
            conn.execute(_SQL_FORGET, key)
            conn.execute(_SQL_PUT_LOOKUP, (*key, len(rows), time.time()))
            conn.executemany(_SQL_PUT_LOCATION, rows)

    def clear(self) -> None:
        """Forget every entry."""
        with self._db() as conn, _transaction(conn):
            conn.execute("DELETE FROM locations")
            conn.execute("DELETE FROM lookups")

    def __len__(self) -> int:
        with self._db() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM lookups").fetchone()[0])
