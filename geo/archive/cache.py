"""The readings of an archive, cached on disk by content key: a re-run reads only new or changed articles.

One SQLite file under the output folder holds, per article key (content and
reader version, :func:`~geo.archive.reading.content_key`), the pickled reading
and its digest, or the error that stopped it; and, per journey folder, a digest
of what it was told from (its articles' keys, the reader version and the output
options), so that a re-run leaves a journey whose digest is unchanged as it is. The articles of the current run
are marked as they stream by, so that memory stays bounded whatever the size of
the archive; readings of articles no longer in it stay until :meth:`ReadingCache.prune`.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from geo.archive.reading import Digest, Reading

__all__ = ["CACHE_NAME", "ReadingCache"]

#: The cache's file, inside the archive's output folder.
CACHE_NAME = ".geostory-readings.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS readings (
    key TEXT PRIMARY KEY, name TEXT NOT NULL, reading BLOB, digest TEXT, error TEXT
);
CREATE TABLE IF NOT EXISTS told (slug TEXT PRIMARY KEY, digest TEXT NOT NULL, stops INTEGER NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, name TEXT NOT NULL);
"""


class ReadingCache:
    """The readings cached in ``path`` (created when missing)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(path)
        self.connection.executescript(_SCHEMA)

    def close(self) -> None:
        """Commit and close."""
        self.connection.commit()
        self.connection.close()

    def see(self, key: str, name: str) -> bool:
        """Mark the article ``key`` as part of this run; true when its reading (or error) is cached."""
        self.connection.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (key, name))
        row = self.connection.execute("SELECT 1 FROM readings WHERE key = ?", (key,)).fetchone()
        return row is not None

    def put(self, rows: Iterable[tuple[str, str, bytes | None, str]]) -> None:
        """Store ``(key, name, pickled reading or None, digest JSON or error)`` rows."""
        self.connection.executemany(
            "INSERT OR REPLACE INTO readings VALUES (?, ?, ?, ?, ?)",
            [
                (k, n, blob, text if blob is not None else None, None if blob is not None else text)
                for k, n, blob, text in rows
            ],
        )
        self.connection.commit()

    def digests(self) -> Iterator[tuple[str, Digest]]:
        """``(key, digest)`` of every article of this run that was read, sorted by name then key."""
        query = (
            "SELECT r.key, r.digest FROM readings r JOIN seen s ON r.key = s.key "
            "WHERE r.reading IS NOT NULL ORDER BY r.name, r.key"
        )
        for key, text in self.connection.execute(query):
            yield key, Digest.from_json(text)

    def failures(self) -> Iterator[tuple[str, str]]:
        """``(name, error)`` of every article of this run that failed, sorted by name."""
        query = (
            "SELECT r.name, r.error FROM readings r JOIN seen s ON r.key = s.key "
            "WHERE r.reading IS NULL ORDER BY r.name, r.key"
        )
        yield from self.connection.execute(query)

    def reading(self, key: str) -> Reading:
        """The cached reading of ``key``."""
        (blob,) = self.connection.execute("SELECT reading FROM readings WHERE key = ?", (key,)).fetchone()
        return pickle.loads(blob)  # noqa: S301 - our own cache, written by this tool

    def blob(self, key: str) -> bytes:
        """The pickled reading of ``key`` (sent as it is to a worker)."""
        (blob,) = self.connection.execute("SELECT reading FROM readings WHERE key = ?", (key,)).fetchone()
        return blob

    def told(self, slug: str) -> tuple[str, int] | None:
        """``(digest, stops)`` of the journey folder ``slug`` as last written, or ``None``."""
        row = self.connection.execute("SELECT digest, stops FROM told WHERE slug = ?", (slug,)).fetchone()
        return (row[0], row[1]) if row else None

    def tell(self, slug: str, digest: str, *, stops: int) -> None:
        """Record that the journey folder ``slug`` was written from ``digest`` (with ``stops`` stops)."""
        self.connection.execute("INSERT OR REPLACE INTO told VALUES (?, ?, ?)", (slug, digest, stops))
        self.connection.commit()

    def forget_told(self, keep: set[str]) -> None:
        """Forget the journeys not in ``keep`` (their folders are gone)."""
        for (slug,) in self.connection.execute("SELECT slug FROM told").fetchall():
            if slug not in keep:
                self.connection.execute("DELETE FROM told WHERE slug = ?", (slug,))
        self.connection.commit()

    def prune(self) -> int:
        """Drop the readings of articles not seen in this run; returns how many."""
        cursor = self.connection.execute("DELETE FROM readings WHERE key NOT IN (SELECT key FROM seen)")
        self.connection.commit()
        return cursor.rowcount
