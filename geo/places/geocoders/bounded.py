"""The HTTP client of the online geocoders: one deadline a call, a cap on an answer's size, JSON read safely.

geopy's adapters give each socket read its own time-out, so a server that
sends one byte a second holds a call as long as it likes, and they read an
answer of any size into memory. :class:`BoundedRequestsAdapter` (a
:class:`geopy.adapters.RequestsAdapter`) instead

- runs each request in a worker thread and gives up at the call's deadline
  (its ``timeout``, headers and body together): :class:`geopy.exc.GeocoderTimedOut`;
- streams the body and stops at ``max_bytes`` (a ``Content-Length`` over it
  is refused before the body is read): :class:`geopy.exc.GeocoderParseError`;
- reads JSON that is malformed or nested too deeply as a
  :class:`geopy.exc.GeocoderParseError`, never a ``ValueError`` or
  ``RecursionError``.

Every failure is a :class:`geopy.exc.GeocoderServiceError`, so a
:class:`~geo.places.geocoders.chain.ChainedGeocoder` records it and asks the
next geocoder.
"""

from __future__ import annotations

import json
import queue
import threading
import time
from typing import Any

from geopy.adapters import AdapterHTTPError, RequestsAdapter
from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable

__all__ = ["DEFAULT_MAX_ANSWER_BYTES", "BoundedRequestsAdapter"]

#: The largest answer read by default (a geocoder's answer to one name is a few KB).
DEFAULT_MAX_ANSWER_BYTES = 2_000_000
#: The time-out of a call that gives none (geopy's default is 1 s; ours, :mod:`geo.places.geocoders.options`, 10 s).
_DEFAULT_DEADLINE_SECONDS = 10.0
_CHUNK_BYTES = 16_384


class _Body:
    """What the worker thread hands back: the status, headers and body, or the failure."""

    def __init__(self, status: int = 0, headers: Any = None, data: bytes = b"", error: Exception | None = None):
        self.status, self.headers, self.data, self.error = status, headers or {}, data, error


class BoundedRequestsAdapter(RequestsAdapter):
    """geopy's requests adapter with a total deadline per call and a cap on the answer's size.

    Parameters
    ----------
    max_bytes:
        The largest answer read (bytes); a larger one is a parse error and is never cached.
    **kwargs:
        geopy's adapter arguments (``proxies``, ``ssl_context``, ``max_retries``…).
    """

    def __init__(self, *, max_bytes: int = DEFAULT_MAX_ANSWER_BYTES, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_bytes = max_bytes

    def get_text(self, url: str, *, timeout: Any, headers: Any) -> str:
        """The answer as text (UTF-8, undecodable bytes replaced)."""
        return self._bounded(url, timeout=timeout, headers=headers).decode("utf-8", errors="replace")

    def get_json(self, url: str, *, timeout: Any, headers: Any) -> Any:
        """The answer as JSON; anything that is not JSON, or nested too deeply, is a parse error."""
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise GeocoderParseError(f"the answer is not JSON ({type(exc).__name__}: {str(exc)[:120]})") from exc

    def _bounded(self, url: str, *, timeout: Any, headers: Any) -> bytes:
        """The body of one GET, within the deadline and the size cap."""
        seconds = float(timeout) if isinstance(timeout, int | float) and timeout > 0 else _DEFAULT_DEADLINE_SECONDS
        deadline = time.monotonic() + seconds
        answers: queue.Queue[_Body] = queue.Queue(maxsize=1)
        worker = threading.Thread(
            target=lambda: answers.put(self._fetch(url, seconds=seconds, deadline=deadline, headers=headers)),
            name="geocoder-request",
            daemon=True,  # a server that never answers does not keep the process alive
        )
        worker.start()
        try:
            body = answers.get(timeout=seconds)
        except queue.Empty:
            raise GeocoderTimedOut(f"Service timed out: no whole answer within {seconds:g} s") from None
        if body.error is not None:
            raise body.error
        if body.status >= 400:
            text = body.data.decode("utf-8", errors="replace")[:500]
            raise AdapterHTTPError(
                f"Non-successful status code {body.status}", status_code=body.status, headers=body.headers, text=text
            )
        return body.data

    def _fetch(self, url: str, *, seconds: float, deadline: float, headers: Any) -> _Body:
        """Run in the worker: the request, streamed, stopping at the deadline or the cap (errors returned)."""
        try:
            response = self.session.get(url, timeout=seconds, headers=headers, stream=True)
        except Exception as exc:  # noqa: BLE001 - every failure of the HTTP client becomes a geopy error
            return _Body(error=_service_error(exc))
        with response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                return _Body(error=_too_large(self.max_bytes))
            chunks: list[bytes] = []
            size = 0
            try:
                while chunk := response.raw.read1(_CHUNK_BYTES):  # what one read brings: the deadline is checked
                    size += len(chunk)
                    if size > self.max_bytes:
                        return _Body(error=_too_large(self.max_bytes))
                    if time.monotonic() > deadline:
                        return _Body(error=GeocoderTimedOut("Service timed out"))
                    chunks.append(chunk)
            except Exception as exc:  # noqa: BLE001 - as above
                return _Body(error=_service_error(exc))
            return _Body(response.status_code, response.headers, b"".join(chunks))


def _too_large(limit: int) -> GeocoderParseError:
    return GeocoderParseError(f"the answer is over {limit:,} bytes: refused")


def _service_error(exc: Exception) -> GeocoderServiceError:
    """The geopy error for a failure of the HTTP client."""
    import requests

    message = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, requests.Timeout | TimeoutError) or "timed out" in str(exc):
        return GeocoderTimedOut(f"Service timed out ({message})")
    if isinstance(exc, requests.ConnectionError):
        return GeocoderUnavailable(message)
    return GeocoderServiceError(message)
