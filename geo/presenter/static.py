"""The map's pinned scripts and styles served as static files, instead of re-sent inline with every rerun.

Streamlit serves the ``static/`` folder beside ``app.py`` at ``/app/static/``
(``server.enableStaticServing``). :func:`publish` writes one ``data:`` URL's
bytes (a pinned file of ``assets/``, already made offline by
:mod:`geo.presenter.mapview`) into ``static/geostory/`` under a name made of
its digest (:func:`publish_bytes` any other file, such as the world
outlines), and returns the URL the map frame loads it by: relative to
streamlit-folium's frame (``/component/<name>/index.html``), so that it
holds under any ``server.baseUrlPath``.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from geo.atomic import write_bytes_atomic
from geo.errors import OutputError

__all__ = ["FRAME_PREFIX", "SUBFOLDER", "publish", "publish_bytes"]

#: Where the files go inside the app's ``static/`` folder.
SUBFOLDER = "geostory"
#: From the component frame's URL to the app's static files.
FRAME_PREFIX = "../../app/static/"
_SUFFIX = {"text/javascript": ".js", "text/css": ".css"}


def publish(url: str, *, folder: Path) -> str:
    """The frame-relative URL of ``url``'s content written under ``folder``; ``url`` itself if it is not ``data:``.

    Parameters
    ----------
    url:
        A script or style link of the map: ``data:<type>;base64,<bytes>``.
    folder:
        The app's static folder (``static/`` beside ``app.py``).

    Raises
    ------
    OutputError
        When the file cannot be written.
    """
    head, _, body = url.partition(",")
    if not head.startswith("data:") or not head.endswith(";base64"):
        return url
    suffix = _SUFFIX.get(head[5:-7])
    if suffix is None:
        return url
    return publish_bytes(base64.b64decode(body), suffix=suffix, folder=folder)


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
