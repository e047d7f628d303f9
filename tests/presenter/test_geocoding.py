"""The presenter's online geocoder setting: off by default, the command line's options and refusals, answers
from the scripted server on 127.0.0.1 (no test reaches the network), the look-up line in both languages."""

from __future__ import annotations

import pytest

from geo.places.geocoders import ChainedGeocoder, GeocodeCache, OfflineGeocoder
from geo.places.lookup import LookupOutcome, LookupRecord, lookup_summary
from geo.presenter.geocoding import (
    OFF,
    SERVICES,
    GeocoderChoice,
    OnlineSearchError,
    choose_geocoder,
    geocoder_for,
    is_online,
    lookup_text,
    offline_members,
    online_answers,
    online_members,
    pipeline_geocoder,
    service_text,
)
from geo.presenter.translations import tr
from tests.places.loopback import USER_AGENT, online


def test_the_setting_is_off_by_default(gazetteer) -> None:  # noqa: ANN001
    assert GeocoderChoice() == GeocoderChoice(OFF, "", "") and not GeocoderChoice().on
    assert SERVICES == (OFF, "nominatim", "photon", "pelias")
    # off means off: a url or user agent left in the fields changes nothing
    for choice in (GeocoderChoice(), GeocoderChoice(OFF, "http://127.0.0.1:9", USER_AGENT)):
        geocoder = geocoder_for(choice, gazetteer=gazetteer)
        assert type(geocoder) is OfflineGeocoder
        assert not is_online(geocoder) and pipeline_geocoder(geocoder) is None
        assert offline_members(geocoder) == (geocoder,) and online_members(geocoder) == ()


def test_an_online_choice_gives_the_command_lines_chain(gazetteer, tmp_path) -> None:  # noqa: ANN001
    choice = GeocoderChoice("photon", " http://127.0.0.1:9/photon/ ", f" {USER_AGENT} ")
    geocoder = geocoder_for(choice, gazetteer=gazetteer, cache_path=tmp_path / "c.sqlite")
    assert isinstance(geocoder, ChainedGeocoder) and is_online(geocoder)
    assert pipeline_geocoder(geocoder) is geocoder
    assert [g.name for g in geocoder.geocoders] == ["offline", "photon:127.0.0.1:9/photon"]
    assert geocoder.geocoders[1].wrapped.headers["User-Agent"] == USER_AGENT
    assert offline_members(geocoder) == geocoder.geocoders[:1] and online_members(geocoder) == geocoder.geocoders[1:]


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (GeocoderChoice("nominatim"), "user agent"),  # the public Nominatim's usage policy
        (GeocoderChoice("photon", user_agent="   "), "user agent"),
        (GeocoderChoice("pelias", user_agent=USER_AGENT), "no public server"),
        (GeocoderChoice("nominatim", url="nominatim.example.org"), "http or https"),
        (GeocoderChoice("bing", user_agent=USER_AGENT), "unknown geocoder"),
    ],
)
def test_bad_options_fall_back_to_offline_with_one_line(gazetteer, choice, message) -> None:  # noqa: ANN001
    made = []

    def make(c: GeocoderChoice):  # noqa: ANN202
        made.append(c)
        return geocoder_for(c, gazetteer=gazetteer)

    geocoder, error = choose_geocoder(choice, make=make)
    assert type(geocoder) is OfflineGeocoder
    assert message in error and "\n" not in error
    assert made[-1] == GeocoderChoice()


def test_good_options_are_made_stripped(gazetteer) -> None:  # noqa: ANN001
    made = []
    choice = GeocoderChoice("nominatim", " http://127.0.0.1:9 ", f" {USER_AGENT}\n")
    geocoder, error = choose_geocoder(choice, make=lambda c: made.append(c) or geocoder_for(c, gazetteer=gazetteer))
    assert error == "" and is_online(geocoder)
    assert made == [GeocoderChoice("nominatim", "http://127.0.0.1:9", USER_AGENT)]
    off = GeocoderChoice(OFF, "http://127.0.0.1:9", USER_AGENT)
    assert choose_geocoder(off, make=lambda c: made.append(c) or geocoder_for(c))[1] == ""
    assert made[-1] == GeocoderChoice()


def test_online_answers_go_through_the_cache(server, gazetteer, tmp_path) -> None:  # noqa: ANN001
    chain = ChainedGeocoder([OfflineGeocoder(gazetteer), online(server, "ok")], cache=GeocodeCache(tmp_path / "c"))
    asked = server.counts[("ok", "Cache Town")]
    ((location, service),) = online_answers(chain, "Cache Town", limit=5)
    assert (location.latitude, location.longitude) == (-5.125, 40.5)
    assert service == f"nominatim:{server.domain('ok')}"
    assert online_answers(chain, "Cache Town", limit=5)[0][0].point == location.point
    assert server.counts[("ok", "Cache Town")] == asked + 1  # the second answer came from the cache
    assert online_answers(chain, "Qzxlvbrt", limit=5) == []
    assert online_answers(OfflineGeocoder(gazetteer), "Cache Town", limit=5) == []  # offline asks nobody
    assert server.counts[("ok", "Cache Town")] == asked + 1


@pytest.mark.parametrize("mode", ["e500", "garbage", "slow"])
def test_a_failing_service_is_one_line(server, gazetteer, mode) -> None:  # noqa: ANN001
    chain = ChainedGeocoder([OfflineGeocoder(gazetteer), online(server, mode)])
    with pytest.raises(OnlineSearchError, match="the online geocoder failed: Geocoder") as info:
        online_answers(chain, "Atlantis Station", limit=3)
    assert "\n" not in str(info.value)


def test_services_and_look_ups_in_words() -> None:
    assert service_text(OFF) == tr("en", "geocoder_off") and service_text(OFF, lang="ar") == tr("ar", "geocoder_off")
    assert [service_text(s, lang="ar") for s in SERVICES[1:]] == ["Nominatim", "Photon", "Pelias"]
    records = [
        LookupRecord("a", "x", LookupOutcome.PLACED, "online:nominatim:node/1"),
        LookupRecord("a", "y", LookupOutcome.NOT_FOUND),
        LookupRecord("b", "z", LookupOutcome.FAILED, error="GeocoderTimedOut: too slow"),
    ]
    assert lookup_text(records) == lookup_summary(records) == "online geocoder: 3 names looked up, 1 placed, 1 failed"
    assert lookup_text(records, lang="ar") == tr("ar", "lookups", total=3, placed=1, failed=1)
    assert lookup_text([]) == lookup_summary([])
