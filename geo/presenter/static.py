"""The map's pinned scripts and styles served as static files, instead of re-sent inline with every rerun.

Streamlit serves the ``static/`` folder beside ``app.py`` at ``/app/static/``
(``server.enableStaticServing``). :func:`publish_bundle` writes the bytes of
the map's ``data:`` URLs (the pinned files of ``assets/``, already made
offline by :mod:`geo.presenter.mapview`), joined into one script and one
style sheet, into ``static/geostory/`` under names made of their digests
(:func:`publish_bytes` any other file, such as the world outlines), and
returns the URLs the map frame loads them by: relative to
streamlit-folium's frame (``/component/<name>/index.html``), so that it
holds under any ``server.baseUrlPath``.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from geo.atomic import write_bytes_atomic
from geo.errors import OutputError

__all__ = ["FRAME_PREFIX", "SUBFOLDER", "publish_bundle", "publish_bytes"]

#: Where the files go inside the app's ``static/`` folder.
SUBFOLDER = "geostory"
#: From the component frame's URL to the app's static files.
FRAME_PREFIX = "../../app/static/"
_SUFFIX = {"text/javascript": ".js", "text/css": ".css"}


def publish_bundle(links: list[tuple[str, str]], *, folder: Path) -> list[tuple[str, str]]:
    """The map's ``(name, url)`` links (scripts, or style sheets, in load order) as frame-relative URLs, every run
    of ``data:`` URLs of one type joined into one file under the name of its first link: the map frame loads
    its scripts one after another, so one request instead of four saves their round trips. Other URLs stay as
    they are, in their place.

    Raises
    ------
    OutputError
        When a file cannot be written.
    """
    out: list[tuple[str, str]] = []
    run: list[tuple[str, bytes]] = []
    suffix = ""

    def flush() -> None:
        if run:
            data = (b"\n;\n" if suffix == ".js" else b"\n").join(body for _, body in run)
            out.append((run[0][0], publish_bytes(data, suffix=suffix, folder=folder)))
            run.clear()

    for name, url in links:
        head, _, body = url.partition(",")
        kind = _SUFFIX.get(head[5:-7]) if head.startswith("data:") and head.endswith(";base64") else None
        if kind is None or (run and kind != suffix):
            flush()
        if kind is None:
            out.append((name, url))
            continue
        suffix = kind
        run.append((name, base64.b64decode(body)))
    flush()
    return out


def publish_bytes(data: bytes, *, suffix: str, folder: Path) -> str:
    """The frame-relative URL of ``data`` written under ``folder`` as ``<digest><suffix>`` (once).

    Raises
    ------
    OutputError
        When the file cannot be written.
    """
    name = hashlib.sha256(data).hexdigest()[:16] + suffix
    path = folder / SUBFOLDER / name
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(path, data)
        except OSError as exc:
            raise OutputError(f"cannot write the map's static file {path}: {exc}") from exc
    return f"{FRAME_PREFIX}{SUBFOLDER}/{name}"
