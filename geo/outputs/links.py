"""Links from untrusted article data: only absolute http(s) addresses are kept."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["safe_url"]


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link (never ``javascript:`` or ``data:``), else ``None``."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return url.strip()
