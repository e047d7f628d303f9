"""Sources: a folder tree, JSON lines and Parquet, streamed; a bad record fails alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.archive.sources import Failed, iter_articles
from geo.errors import InputError
from geo.settings import Settings

TEXT = "وصل الرئيس عمر إلى القاهرة صباح اليوم في زيارة رسمية تستمر يومين."


def test_folder_tree_names_articles_by_path(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    names = [a.name for a in iter_articles(tmp_path, settings=Settings())]
    assert names == ["a/same.txt", "b/same.txt"]


def test_jsonl_records_and_failures(tmp_path: Path) -> None:
    rows = [
        {"text": TEXT, "published": "2024-02-03", "url": "https://example.org/1", "source": "Desk", "language": "ar"},
        {"text": ""},
        "not an object",
        {"text": TEXT, "published": "not a date"},
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{broken\n", encoding="utf-8")
    items = list(iter_articles(path, settings=Settings()))
    assert items[0].published.isoformat() == "2024-02-03" and items[0].source == "Desk"
    assert [type(i).__name__ for i in items] == ["Article", "Failed", "Failed", "Failed", "Failed"]
    assert all(isinstance(i, Failed) and i.error for i in items[1:])


def test_parquet_records(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "news.parquet"
    pd.DataFrame([{"text": TEXT, "published": "2024-02-03", "title": "t"}]).to_parquet(path)
    (article,) = iter_articles(path, settings=Settings())
    assert (article.name, article.title, article.language) == ("news.parquet:1", "t", "ar")


def test_glob_and_missing(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    assert len(list(iter_articles(tmp_path / "*.txt", settings=Settings()))) == 1
    with pytest.raises(InputError):
        list(iter_articles(tmp_path / "nothing*.jsonl", settings=Settings()))
