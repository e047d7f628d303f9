"""Uploads: articles vetted and read like files, ``story.json`` validated like a file; bad files change nothing."""

from __future__ import annotations

import json

import pytest

from geo.presenter.downloads import story_bytes
from geo.presenter.editing import story_hash
from geo.presenter.uploads import (
    MAX_UPLOAD_BYTES,
    UploadError,
    check_upload,
    read_uploads,
    reading_deadline,
    story_from_bytes,
)
from geo.story.document import StoryDoc


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.pdf", b"text", "not an article file"),
        ("a.txt", b"", "empty"),
        ("a.txt", b"   \n", "empty"),
        ("a.txt", b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 50, "binary|not UTF-8|not valid"),
        ("a.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary|not UTF-8|not valid"),
        ("a.md", b"x" * 2001, "over the limit"),
    ],
)
def test_bad_uploads(name: str, data: bytes, message: str) -> None:
    with pytest.raises(UploadError, match=message):
        check_upload(name, data, max_bytes=2000)


def test_good_uploads_are_read_like_files() -> None:
    assert check_upload("a.txt", "زار الرئيس موسكو".encode("cp1256")) == "زار الرئيس موسكو"
    articles = read_uploads([("../../etc/a.txt", "زار الرئيس موسكو".encode())], "Pasted text about Kazan.")
    assert [a.name for a in articles] == ["a.txt", "pasted.txt"]
    with pytest.raises(UploadError, match="no article"):
        read_uploads([], "  ")
    assert MAX_UPLOAD_BYTES == 5_000_000


def test_story_json_round_trip_and_errors(doc: StoryDoc) -> None:
    data = story_bytes(doc)
    assert story_from_bytes(data) == doc
    assert story_hash(story_from_bytes(data)) == story_hash(doc)
    for bad, message in [
        (b"not json", "cannot read"),
        (b"", "empty"),
        (json.dumps({"schema": "geostory/story", "version": 1, "stops": [{"seq": 2}]}).encode(), "not a valid story"),
        (b"\xff\xfe\x00", "cannot read"),
    ]:
        with pytest.raises(UploadError, match=message):
            story_from_bytes(bad)


def test_uploads_read_with_the_limits() -> None:
    from geo.settings import LimitsSettings

    limits = LimitsSettings(max_article_bytes=500, max_line_chars=100, max_story_bytes=1_000)
    with pytest.raises(UploadError, match="over the limit of 500 bytes"):
        read_uploads([("a.txt", b"word " * 200)], limits=limits)
    with pytest.raises(UploadError, match="line 1 runs over 100 characters without a space"):
        read_uploads([("a.txt", b"x" * 300)], limits=limits)
    (article,) = read_uploads([("a.txt", b"Some words here. " * 20)], limits=limits)
    assert max(len(line) for line in article.text.split("\n")) <= 100
    with pytest.raises(UploadError, match="over the limit of 1,000 bytes"):
        story_from_bytes(b" " * 2_000, limits=limits)


class _Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("elapsed", "done", "total", "stops"),
    [
        (10.0, 1, 3, False),  # in time
        (61.0, 1, 3, True),  # over time with articles left: stopped, never silently
        (61.0, 3, 3, False),  # over time but all read: nothing left to stop
        (60.0, 2, 3, True),  # the deadline itself counts as over
    ],
)
def test_reading_stops_at_the_deadline_between_articles(elapsed: float, done: int, total: int, stops: bool) -> None:
    clock, seen = _Clock(), []
    step = reading_deadline(total, seconds=60, on_step=lambda n, left: seen.append((n, left)), clock=clock)
    clock.now = elapsed
    if stops:
        with pytest.raises(UploadError, match=rf"after 60 s with {done} of {total} articles"):
            step(done)
    else:
        step(done)
    assert seen == [(done, max(60 - elapsed, 0.0))]


def test_the_pipeline_reports_each_article_and_stops_when_told(gazetteer) -> None:  # noqa: ANN001
    from geo.model import Article
    from geo.pipeline import Pipeline

    articles = [Article(name=f"{i}.txt", text="وصل الوزير إلى دمشق يوم الأحد.") for i in range(3)]
    calls: list[int] = []
    Pipeline(gazetteer).run(articles, progress=calls.append)
    assert calls == [1, 2, 3]

    def stop(done: int) -> None:
        raise UploadError(f"stopped at {done}")

    with pytest.raises(UploadError, match="stopped at 1"):
        Pipeline(gazetteer).run(articles, progress=stop)
