"""Uploads: articles vetted and read like files, ``story.json`` validated like a file; bad files change nothing."""

from __future__ import annotations

import json

import pytest

from geo.presenter.downloads import story_bytes
from geo.presenter.editing import story_hash
from geo.presenter.uploads import MAX_UPLOAD_BYTES, UploadError, check_upload, read_uploads, story_from_bytes
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
