"""Tests of :mod:`geo.outputs.links`: only absolute http(s) links from untrusted article data."""

from __future__ import annotations

import pytest

from geo.outputs.links import safe_url


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("  http://example.org/  ", "http://example.org/"),
        ("HTTPS://EXAMPLE.ORG/", "HTTPS://EXAMPLE.ORG/"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//example.org/protocol-relative", None),
        ("/relative/path", None),
        ("ftp://example.org/file", None),
        ("http://", None),
        ("http://[::1", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, kept: str | None) -> None:
    assert safe_url(url) == kept
