"""Online geocoders behind the rate limiter, against the loopback server: real geopy errors, no retries."""

from __future__ import annotations

import time

import geopy.exc
import pytest

from tests.places.loopback import FAILURES, online


@pytest.mark.parametrize(("mode", "error"), FAILURES)
def test_online_failures_are_geopy_errors(server, mode, error):
    geocoder = online(server, mode)
    started = time.monotonic()
    with pytest.raises(geopy.exc.GeocoderServiceError) as info:
        geocoder.geocode(f"direct {mode}")
    assert type(info.value) is error
    assert time.monotonic() - started < 1.4  # the time-out fires before the slow answer
    assert server.counts[(mode, f"direct {mode}")] == 1  # no retry by default
    if mode == "e429":
        assert info.value.retry_after == 7


@pytest.mark.parametrize("kind", ["photon", "pelias"])
def test_photon_and_pelias_on_loopback(server, kind):
    geocoder = online(server, "ok", kind=kind)
    assert geocoder.name == f"{kind}:{server.domain('ok')}"
    location = geocoder.geocode("Atlantis Station")
    assert (location.latitude, location.longitude) == (10.5, 20.25)
    assert geocoder.geocode("Nothing Here At All") is None


class FakeClock:
    """A clock that only moves when told to, and a sleep that records instead of sleeping."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_rate_limiter_with_injected_clock(server):
    clock = FakeClock()
    geocoder = online(server, "ok", min_delay_seconds=1.0, clock=clock, sleep=clock.sleep)
    started = time.monotonic()
    assert geocoder.geocode("Atlantis Station") is not None  # first call: no wait
    assert geocoder.geocode("Cache Town") is not None  # at once: waits a full second
    clock.now += 0.25
    assert geocoder.geocode("Xq Fallback Place") is not None  # 0.25 s later: waits 0.75 s
    assert clock.sleeps == pytest.approx([1.0, 0.75])
    assert time.monotonic() - started < 1.0  # nothing really slept
    assert server.counts[("ok", "Atlantis Station")] >= 1
