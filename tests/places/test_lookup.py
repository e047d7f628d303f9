"""Online look-ups of the names the gazetteer cannot place: answers become places, failures never break a
build, answers come from the cache the second time; and ``geo build --geocoder`` end to end, on 127.0.0.1."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo.cli import main
from geo.model import Article, MatchKind, PlaceType, Span, Trigger
from geo.pipeline import Pipeline
from geo.places.geocoders import ChainedGeocoder, GeocodeCache, OfflineGeocoder
from geo.places.geocoders.base import init_without_network
from geo.places.lookup import (
    MAX_NAME_CHARS,
    LookupOutcome,
    LookupRecord,
    lookup_summary,
    place_from_location,
    place_unplaced,
)
from tests.places.loopback import FAILURES, USER_AGENT, online

PORT_TEXT = "وصل الرئيس إلى ميناء زمزوم يوم الأحد 3 سبتمبر 2023 ثم توجه إلى دمشق."
ZAMZUM_ID = "online:nominatim:node/4242"


@pytest.fixture(scope="module")
def pipeline(gazetteer) -> Pipeline:
    return Pipeline(gazetteer)


def _article(text: str, language: str = "ar") -> Article:
    return Article(name="t.txt", text=text, sentences=(Span(0, len(text)),), language=language)


def _chain(server, mode: str, gazetteer, cache: Path | None = None) -> ChainedGeocoder:
    return ChainedGeocoder(
        [OfflineGeocoder(gazetteer), online(server, mode)], cache=GeocodeCache(cache) if cache else None
    )


def _look_up(pipeline: Pipeline, geocoder, text: str = PORT_TEXT, language: str = "ar"):  # noqa: ANN001, ANN202
    article = _article(text, language)
    result = pipeline.process(article)
    return result, place_unplaced(
        article,
        mentions=result.mentions,
        resolutions=result.resolutions,
        geocoder=geocoder,
        frequencies=pipeline.gazetteer.zipf,
    )


# ----------------------------------------------------------------------------- answers to places

#: raw answer, trigger, expected (id, name, name_ar, place type, feature, country), least uncertainty
ANSWERS = [
    (  # Nominatim, with its names, address and bounding box
        {
            "osm_type": "node", "osm_id": 4242, "class": "place", "type": "town", "display_name": "Zamzum, Yemen",
            "address": {"country_code": "ye"},
            "namedetails": {"name": "زمزوم", "name:en": "Zamzum", "name:ar": "زمزوم"},
            "boundingbox": ["12.0", "13.0", "43.0", "44.0"],
        },
        Trigger.PORT, ("online:nominatim:node/4242", "Zamzum", "زمزوم", PlaceType.CITY, "town", "YE"), 70.0,
    ),
    (  # Nominatim's new addresstype outranks an administrative boundary's class
        {"osm_type": "relation", "osm_id": 77, "class": "boundary", "type": "administrative",
         "addresstype": "state", "display_name": "Vlqz Oblast, Nowhere"},
        None, ("online:nominatim:relation/77", "Vlqz Oblast", None, PlaceType.REGION, "state", None), 150.0,
    ),
    (  # Photon: a GeoJSON feature, OpenStreetMap's type letter, osm_key/osm_value, extent
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [20.25, 10.5]},
         "properties": {"osm_type": "W", "osm_id": 9, "osm_key": "aeroway", "osm_value": "aerodrome",
                        "name": "Vlqz Airport", "countrycode": "xq", "extent": [20.2, 10.6, 20.3, 10.4]}},
        Trigger.AIRPORT, ("online:photon:way/9", "Vlqz Airport", None, PlaceType.FACILITY, "aerodrome", "XQ"), 2.0,
    ),
    (  # Pelias: its gid and layer
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [20.25, 10.5]},
         "properties": {"gid": "whosonfirst:locality:101", "layer": "locality", "name": "Vlqzmarsk",
                        "country_code": "XQ"}, "bbox": [20.0, 10.0, 20.5, 11.0]},
        None, ("online:pelias:whosonfirst:locality:101", "Vlqzmarsk", None, PlaceType.CITY, "locality", "XQ"), 3.0,
    ),
    (  # nothing but a point: the id is the point, the type the trigger noun's
        {"display_name": "Somewhere"},
        Trigger.ISLAND, ("online:nominatim:10.5000,20.2500", "Somewhere", None, PlaceType.ISLAND, "island", None), 15.0,
    ),
    ({"display_name": "Somewhere"}, Trigger.PORT, ("online:nominatim:10.5000,20.2500", "Somewhere", None,
                                             PlaceType.FACILITY, "port", None), 2.0),
    ({}, None, ("online:nominatim:10.5000,20.2500", "Vlqz", None, PlaceType.CITY, "", None), 3.0),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "trigger", "expected", "least_km"), ANSWERS)
def test_place_from_location(raw, trigger, expected, least_km):
    service = {"osm_value": "photon", "gid": "pelias"}
    props = raw.get("properties", {})
    kind = next((v for k, v in service.items() if k in props), "nominatim")
    location = Location(raw.get("display_name", ""), (10.5, 20.25), raw)
    place, uncertainty = place_from_location(location, service=f"{kind}:example.org", query="Vlqz", trigger=trigger)
    assert (place.id, place.name, place.name_ar, place.place_type, place.feature, place.country) == expected
    assert (place.lat, place.lon) == (10.5, 20.25)
    assert place.source == f"online geocoder {kind}:example.org, asked «Vlqz»"
    assert uncertainty >= least_km


#: an answer's untrusted fields, and what of them is kept: (id, name, name_ar, feature, country)
POINT_ID = "online:nominatim:10.5000,20.2500"
UNTRUSTED = [
    (  # control characters, bidirectional overrides and line separators: gone
        {"name": "Vlq\u202ezm\u2066arsk\x00\n Port\u2028\x85", "namedetails": {"name:ar": "\u202bزمزوم\u202c\x1b"}},
        (POINT_ID, "Vlqzmarsk Port", "زمزوم", "", None),
    ),
    ({"name": "V" * 5000}, (POINT_ID, "V" * MAX_NAME_CHARS, None, "", None)),  # cut to length
    ({"name": "\u202e\x00 "}, (POINT_ID, "Vlqz", None, "", None)),  # nothing left: the query
    (  # ids that are not OpenStreetMap's or Pelias': the point instead
        {"osm_type": "node", "osm_id": "٤٢"}, (POINT_ID, "Vlqz", None, "", None),
    ),
    ({"osm_type": "node", "osm_id": True}, (POINT_ID, "Vlqz", None, "", None)),
    ({"osm_type": "way", "osm_id": "12/../13"}, (POINT_ID, "Vlqz", None, "", None)),
    ({"osm_type": "way", "osm_id": "1" * 21}, (POINT_ID, "Vlqz", None, "", None)),
    ({"gid": "whosonfirst:locality:101 <script>"}, (POINT_ID, "Vlqz", None, "", None)),
    ({"gid": "w" * 101}, (POINT_ID, "Vlqz", None, "", None)),
    ({"gid": "openaddresses:address:us/ny:ab-12.3_x"},
     ("online:nominatim:openaddresses:address:us/ny:ab-12.3_x", "Vlqz", None, "", None)),
    ({"gid": " osm:venue:node/7 "}, ("online:nominatim:osm:venue:node/7", "Vlqz", None, "", None)),
    ({"osm_type": "R", "osm_id": 77}, ("online:nominatim:relation/77", "Vlqz", None, "", None)),
    # a feature that is not one word of OpenStreetMap's kind, a country that is not two letters: dropped
    ({"type": "Town<img src=x>"}, (POINT_ID, "Vlqz", None, "", None)),
    ({"type": "x" * 41}, (POINT_ID, "Vlqz", None, "", None)),
    ({"type": "hamlet_cluster"}, (POINT_ID, "Vlqz", None, "hamlet_cluster", None)),
    ({"country_code": "é1"}, (POINT_ID, "Vlqz", None, "", None)),
    ({"country_code": " ye "}, (POINT_ID, "Vlqz", None, "", "YE")),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "expected"), UNTRUSTED)
def test_an_answer_is_untrusted_text(raw, expected):
    location = Location("", (10.5, 20.25), raw)
    place, _ = place_from_location(location, service="nominatim:example.org", query="Vlqz")
    assert (place.id, place.name, place.name_ar, place.feature, place.country) == expected


class _Scripted(Geocoder):
    """An online geocoder that gives one answer to every query."""

    name = "scripted"

    def __init__(self, answer: Location) -> None:
        init_without_network(self)
        self.answer = answer

    def geocode(self, query, **kwargs):  # noqa: ANN001, ANN003, ANN201
        return self.answer


class _Answer(Location):
    """An answer whose point geopy would not have let through."""

    def __init__(self, lat: float, lon: float) -> None:
        super().__init__("Nowhere", (0.0, 0.0), {})
        self._bad = (lat, lon)

    @property
    def latitude(self) -> float:
        return self._bad[0]

    @property
    def longitude(self) -> float:
        return self._bad[1]


@pytest.mark.parametrize(
    ("lat", "lon"), [(math.nan, 1.0), (1.0, math.inf), (-math.inf, 1.0), (90.5, 1.0), (1.0, -180.5), (1e308, 0.0)]
)
def test_an_answer_off_the_globe_is_refused(pipeline, lat, lon):
    with pytest.raises(ValueError, match="no point on the globe"):
        place_from_location(_Answer(lat, lon), service="nominatim:example.org", query="Vlqz")

    _, found = _look_up(pipeline, _Scripted(_Answer(lat, lon)))
    (record,) = found.records
    assert record.outcome == LookupOutcome.FAILED and "no point on the globe" in record.error


def test_an_arabic_query_names_the_place_in_arabic():
    place, _ = place_from_location(Location("Zamzum", (1.0, 2.0), {}), service="photon:x", query="زمزوم")
    assert (place.name, place.name_ar) == ("Zamzum", "زمزوم")


# ----------------------------------------------------------------------------- look-ups


def test_an_unplaced_name_is_placed(server, pipeline, gazetteer):
    before, found = _look_up(pipeline, _chain(server, "ok", gazetteer))
    new = [r for r in found.resolutions if r.place.id == ZAMZUM_ID]
    assert len(new) == 1 and len(found.resolutions) == len(before.resolutions) + 1
    resolution = new[0]
    assert resolution.mention.text == "زمزوم" and resolution.mention.match == MatchKind.ONLINE
    assert resolution.mention.trigger == "port" and resolution.mention.candidates == ()
    assert resolution.mention in found.mentions
    assert (resolution.place.name, resolution.place.name_ar, resolution.place.country) == ("Zamzum", "زمزوم", "YE")
    assert 0 < resolution.confidence <= 0.5 and resolution.uncertainty_km >= 10
    assert "not in the gazetteer" in resolution.reason
    assert found.records == (LookupRecord("t.txt", "زمزوم", LookupOutcome.PLACED, ZAMZUM_ID),)
    assert [r.mention.start for r in found.resolutions] == sorted(r.mention.start for r in found.resolutions)
    assert server.counts[("ok", "زمزوم")] == 1
    assert server.counts[("ok", "دمشق")] == 0  # placed by the gazetteer: never asked


def test_a_name_is_asked_once_per_article(server, pipeline, gazetteer):
    text = "وصل إلى ميناء زمزوم ثم غادر ميناء زمزوم."
    asked = server.counts[("ok", "زمزوم")]
    _, found = _look_up(pipeline, _chain(server, "ok", gazetteer), text)
    assert [r.mention.start for r in found.resolutions if r.place.id == ZAMZUM_ID] == [14, text.rindex("زمزوم")]
    assert len(found.records) == 1
    assert server.counts[("ok", "زمزوم")] == asked + 1


def test_a_name_the_service_does_not_know_stays_unplaced(server, pipeline, gazetteer):
    before, found = _look_up(pipeline, _chain(server, "ok", gazetteer), "وصل إلى ميناء قزلبوم.")
    assert found.resolutions == tuple(before.resolutions) and found.mentions == tuple(before.mentions)
    assert [r.outcome for r in found.records] == [LookupOutcome.NOT_FOUND]


@pytest.mark.parametrize(("mode", "error"), FAILURES)
def test_failures_are_recorded_and_the_name_stays_unplaced(server, pipeline, gazetteer, mode, error):
    before, found = _look_up(pipeline, _chain(server, mode, gazetteer))
    assert found.resolutions == tuple(before.resolutions)
    (record,) = found.records
    assert record.outcome == LookupOutcome.FAILED and record.query == "زمزوم"
    assert error.__name__ in record.error and "\n" not in record.error


def test_an_unusable_cache_is_a_failure_too(server, pipeline, gazetteer, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    _, found = _look_up(pipeline, _chain(server, "ok", gazetteer, blocker / "c.sqlite"))
    assert [r.outcome for r in found.records] == [LookupOutcome.FAILED]
    assert "GeocodeCacheError" in found.records[0].error


def test_the_second_time_the_cache_answers(server, pipeline, gazetteer, tmp_path):
    text = "وصلت السفينة إلى جزيرة زمزوم."
    cache = tmp_path / "c.sqlite"
    first = _look_up(pipeline, _chain(server, "ok", gazetteer, cache), text)[1]
    asked = server.counts[("ok", "زمزوم")]
    second = _look_up(pipeline, _chain(server, "ok", gazetteer, cache), text)[1]
    assert second.resolutions == first.resolutions and second.records == first.records
    assert server.counts[("ok", "زمزوم")] == asked


def test_a_corrupt_cache_entry_is_set_aside_and_the_name_asked_again(server, pipeline, gazetteer, tmp_path):
    text = "وصلت السفينة إلى جزيرة زمزوم."
    cache = tmp_path / "c.sqlite"
    first = _look_up(pipeline, _chain(server, "ok", gazetteer, cache), text)[1]
    with sqlite3.connect(cache) as other:
        other.execute("UPDATE locations SET lat = 'north'")
    asked = server.counts[("ok", "زمزوم")]
    second = _look_up(pipeline, _chain(server, "ok", gazetteer, cache), text)[1]
    assert second.resolutions == first.resolutions and server.counts[("ok", "زمزوم")] == asked + 1
    (record,) = second.records
    assert (record.outcome, record.error) == (LookupOutcome.PLACED, "")
    assert record.note.startswith("CorruptCacheEntry: corrupt entry for 'زمزوم'") and "\n" not in record.note
    assert lookup_summary(second.records) == (
        "online geocoder: 1 names looked up, 1 placed, 0 failed (1 with a corrupt cache entry set aside)"
    )
    third = _look_up(pipeline, _chain(server, "ok", gazetteer, cache), text)[1]  # the entry was replaced
    assert third.records == first.records and server.counts[("ok", "زمزوم")] == asked + 1


def test_the_offline_geocoder_alone_asks_nobody(pipeline, gazetteer):
    before, found = _look_up(pipeline, OfflineGeocoder(gazetteer))
    assert found.resolutions == tuple(before.resolutions) and found.records == ()


def test_a_bare_online_geocoder_is_asked_too(server, pipeline):
    _, found = _look_up(pipeline, online(server, "ok", kind="photon"))
    assert [r.outcome for r in found.records] == [LookupOutcome.PLACED]
    assert found.records[0].place_id == "online:photon:12.5000,43.2500"  # the scripted Photon gives no id


def test_pipeline_tells_the_story_with_the_online_place(server, gazetteer):
    pipeline = Pipeline(gazetteer, geocoder=_chain(server, "ok", gazetteer))
    story, results = pipeline.run([_article(PORT_TEXT)])
    assert [r.outcome for r in pipeline.lookups] == [LookupOutcome.PLACED]
    assert ZAMZUM_ID in {f.place.id for f in story.features}
    assert ZAMZUM_ID in {s.place.id for s in story.stops}  # «وصل … إلى ميناء زمزوم»: a visit
    assert any(r.place.id == ZAMZUM_ID for r in results[0].resolutions)


def test_summary_line():
    records = [
        LookupRecord("a", "x", LookupOutcome.PLACED, "online:nominatim:node/1"),
        LookupRecord("a", "y", LookupOutcome.NOT_FOUND),
        LookupRecord("b", "z", LookupOutcome.FAILED, error="GeocoderTimedOut: too slow"),
    ]
    assert lookup_summary(records) == "online geocoder: 3 names looked up, 1 placed, 1 failed"
    assert lookup_summary([]) == "online geocoder: 0 names looked up, 0 placed, 0 failed"


# ----------------------------------------------------------------------------- geo build --geocoder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(PORT_TEXT, encoding="utf-8")
    return folder


def _build(corpus: Path, out: Path, *options: str) -> int:
    return main(["build", str(corpus), "--out", str(out), *options])


def _geojson(out: Path) -> dict:
    return json.loads((out / "story.geojson").read_text(encoding="utf-8"))


def test_build_places_a_name_online_and_the_cache_answers_the_second_time(server, corpus, tmp_path, capsys):
    options = ["--geocoder", "nominatim", "--geocoder-url", server.url("ok"), "--geocoder-cache", str(tmp_path / "c")]
    asked = server.counts[("ok", "زمزوم")]
    assert _build(corpus, tmp_path / "one", *options) == 0
    assert capsys.readouterr().err.strip() == "online geocoder: 1 names looked up, 1 placed, 0 failed"
    assert server.counts[("ok", "زمزوم")] == asked + 1
    features = {f["properties"].get("id"): f for f in _geojson(tmp_path / "one")["features"]}
    assert features[ZAMZUM_ID]["geometry"]["coordinates"] == [43.25, 12.5]
    assert features[ZAMZUM_ID]["properties"]["name"] == "Zamzum"
    assert _build(corpus, tmp_path / "two", *options) == 0
    assert server.counts[("ok", "زمزوم")] == asked + 1  # answered from the cache
    assert capsys.readouterr().err.strip() == "online geocoder: 1 names looked up, 1 placed, 0 failed"
    for name in ("story.geojson", "story.json"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


@pytest.mark.parametrize("mode", ["e500", "garbage", "slow"])
def test_build_survives_a_failing_server(server, corpus, tmp_path, capsys, mode):
    assert _build(corpus, tmp_path / "offline") == 0
    assert capsys.readouterr().err == ""  # no geocoder: no summary
    options = ["--geocoder", "nominatim", "--geocoder-url", server.url(mode), "--geocoder-timeout", "0.5"]
    assert _build(corpus, tmp_path / "online", *options, "--geocoder-cache", str(tmp_path / "c")) == 0
    assert capsys.readouterr().err.strip() == "online geocoder: 1 names looked up, 0 placed, 1 failed"
    assert ZAMZUM_ID not in {f["properties"].get("id") for f in _geojson(tmp_path / "online")["features"]}
    for name in ("story.geojson", "story.json"):  # the name stays unplaced: the offline story
        assert (tmp_path / "offline" / name).read_bytes() == (tmp_path / "online" / name).read_bytes()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--geocoder", "nominatim"], "user agent"),  # the public Nominatim's usage policy
        (["--geocoder", "pelias", "--user-agent", USER_AGENT], "no public server"),
        (["--geocoder-url", "http://127.0.0.1:9"], "needs an online geocoder"),
        (["--geocoder", "nominatim", "--geocoder-url", "nominatim.example.org"], "http or https"),
    ],
)
def test_build_refuses_bad_geocoder_options_in_one_line(corpus, tmp_path, capsys, options, message):
    assert _build(corpus, tmp_path / "out", *options) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()  # refused before anything was read or written
