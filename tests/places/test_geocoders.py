"""The geopy contract of the offline geocoder, and online fallbacks against a loopback server.

No test reaches the network: online geocoders are pointed at a scripted
``ThreadingHTTPServer`` on 127.0.0.1.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import geopy.exc
import pytest
from geopy.distance import geodesic
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.places.geocoders import (
    ChainedGeocoder,
    GeocodeCache,
    GeocodeCacheError,
    OfflineGeocoder,
    ThrottledGeocoder,
    default_cache_path,
    geocoder_from_settings,
    make_online_geocoder,
)

USER_AGENT = "geostory-tests/1.0 (tests@example.org)"

# ----------------------------------------------------------------------------- offline


@pytest.fixture(scope="module")
def offline(gazetteer) -> OfflineGeocoder:
    return OfflineGeocoder(gazetteer)


#: query, expected (lat, lon), country, tolerance in km
CITIES = [
    ("القاهرة", (30.0444, 31.2357), "EG", 30),
    ("Cairo", (30.0444, 31.2357), "EG", 30),
    ("Le Caire", (30.0444, 31.2357), "EG", 30),
    ("Paris", (48.8566, 2.3522), "FR", 30),
    ("باريس", (48.8566, 2.3522), "FR", 30),
    ("Londres", (51.5074, -0.1278), "GB", 30),
    ("لندن", (51.5074, -0.1278), "GB", 30),
    ("طهران", (35.6892, 51.3890), "IR", 30),
    ("Ankara", (39.9334, 32.8597), "TR", 30),
    ("أنقرة", (39.9334, 32.8597), "TR", 30),
    ("الرياض", (24.7136, 46.6753), "SA", 30),
    ("Buenos Aires", (-34.6037, -58.3816), "AR", 30),
    ("بوينس آيرس", (-34.6037, -58.3816), "AR", 30),
    ("نيودلهي", (28.6139, 77.2090), "IN", 30),
    ("Moscou", (55.7558, 37.6173), "RU", 30),
    ("موسكو", (55.7558, 37.6173), "RU", 30),
    ("Pékin", (39.9042, 116.4074), "CN", 30),
    ("بكين", (39.9042, 116.4074), "CN", 30),
    ("Genève", (46.2044, 6.1432), "CH", 30),
    ("جنيف", (46.2044, 6.1432), "CH", 30),
    ("الإسكندرية", (31.2001, 29.9187), "EG", 30),
    ("Alexandria", (31.2001, 29.9187), "EG", 30),
    ("بغداد", (33.3152, 44.3661), "IQ", 30),
    ("Damas", (33.5138, 36.2765), "SY", 30),
    ("نواكشوط", (18.0735, -15.9582), "MR", 30),
    ("مقديشو", (2.0469, 45.3182), "SO", 30),
    ("إسطنبول", (41.0082, 28.9784), "TR", 30),
    ("Beyrouth", (33.8938, 35.5018), "LB", 30),
    ("Alger", (36.7538, 3.0588), "DZ", 30),
    ("Tripoli", (32.8872, 13.1913), "LY", 30),
    ("Kiev", (50.4501, 30.5234), "UA", 30),
]


@pytest.mark.parametrize(("query", "coords", "country", "km"), CITIES)
def test_geocode_well_known_cities(offline, query, coords, country, km):
    location = offline.geocode(query)
    assert isinstance(location, Location)
    assert geodesic((location.latitude, location.longitude), coords).km < km
    assert location.raw["country"] == country
    assert location.raw["place_type"] == "city"
    assert location.address.endswith(f", {country}")


#: query, ISO code: countries are preferred to cities of the same name
COUNTRIES = [
    ("France", "FR"),
    ("مصر", "EG"),
    ("Egypt", "EG"),
    ("Allemagne", "DE"),
    ("المغرب", "MA"),
    ("Royaume-Uni", "GB"),
    ("الولايات المتحدة", "US"),
    ("الجزائر", "DZ"),  # also Algiers: the country comes first
    ("Mexico", "MX"),
]


@pytest.mark.parametrize(("query", "country"), COUNTRIES)
def test_geocode_countries(offline, query, country):
    location = offline.geocode(query)
    assert isinstance(location, Location)
    assert location.raw["place_type"] == "country"
    assert location.raw["country"] == country
    assert location.raw["id"] == f"country:{country}"


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        # the type prior outranks population: country > capital (of 100,000 or more) > other cities
        ("Hong Kong", "country:HK"),  # the country and its capital have one population
        ("Hamilton", None),  # Hamilton, Ontario before Bermuda's tiny capital (902 people)
        ("جيبوتي", "country:DJ"),  # a country whose Arabic name is also its nisba
        ("مالي", "country:ML"),
    ],
)
def test_type_prior(offline, query, place_id):
    location = offline.geocode(query)
    if place_id is None:
        assert location.raw["country"] == "CA"
        others = offline.geocode(query, exactly_one=False, limit=50)
        assert any((o.raw["country"], o.raw["feature"]) == ("BM", "capital") for o in others)
    else:
        assert location.raw["id"] == place_id


def test_match_kind_outranks_population(offline):
    found = offline.geocode("Jingmen", exactly_one=False)
    assert (found[0].raw["name"], found[0].raw["match"]) == ("Jingmen", "exact")
    jiangmen = next(loc for loc in found if loc.raw["name"] == "Jiangmen")  # sounds alike, twice as big
    assert jiangmen.raw["match"] == "phonetic"
    assert jiangmen.raw["population"] > found[0].raw["population"]


def test_nisba_adjective_is_not_a_place_name(offline):
    location = offline.geocode("الروسية")
    assert location is None or location.raw["id"] != "country:RU"


def test_location_follows_geopy_conventions(offline):
    location = offline.geocode("Paris")
    address, (lat, lon) = location
    assert address == str(location) == location.address == "Paris, FR"
    assert (lat, lon) == (location.latitude, location.longitude)
    assert isinstance(location.point, Point)
    assert set(location.raw) >= {
        "id", "name", "name_ar", "place_type", "feature", "country", "population", "source", "match",
    }  # fmt: skip
    assert location.raw["match"] == "exact"
    assert location.raw["feature"] == "capital"
    assert location.raw["population"] > 1_000_000
    assert location.raw["id"].startswith("geonames:")
    json.dumps(location.raw)  # raw is plain JSON data


def test_exactly_one_false_returns_a_list_best_first(offline):
    locations = offline.geocode("Paris", exactly_one=False)
    assert isinstance(locations, list) and len(locations) > 3
    assert all(isinstance(loc, Location) for loc in locations)
    assert locations[0].raw["country"] == "FR"
    match_rank = {"exact": 0, "clitic": 1, "phonetic": 2}

    def type_rank(raw):
        if raw["place_type"] == "country":
            return 0
        if raw["place_type"] == "city":
            return 1 if raw["feature"] == "capital" else 2
        return 3

    keys = [(match_rank[r.raw["match"]], type_rank(r.raw), -r.raw["population"]) for r in locations]
    assert keys == sorted(keys)


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_limit_is_honoured(offline, limit):
    locations = offline.geocode("Paris", exactly_one=False, limit=limit)
    assert len(locations) == limit
    assert locations[0].raw["country"] == "FR"


def test_limit_below_one_is_rejected(offline):
    with pytest.raises(ValueError, match="Limit"):
        offline.geocode("Paris", exactly_one=False, limit=0)


@pytest.mark.parametrize(
    ("query", "kwargs", "country", "place_type"),
    [
        ("Paris", {"country_codes": "us"}, "US", "city"),
        ("Paris", {"country_codes": ["CA"]}, "CA", "city"),
        ("Mexico", {"place_types": "city"}, "MX", "city"),
        ("الجزائر", {"place_types": ["city"]}, "DZ", "city"),
        ("عمان", {"place_types": "city"}, "JO", "city"),
        ("عمان", {}, "OM", "country"),
    ],
)
def test_filters(offline, query, kwargs, country, place_type):
    location = offline.geocode(query, **kwargs)
    assert location.raw["country"] == country
    assert location.raw["place_type"] == place_type


def test_arabic_address_on_request(offline):
    location = offline.geocode("Cairo", language="ar")
    assert location.address.startswith("القاهر")
    assert location.address.endswith(", EG")


@pytest.mark.parametrize("query", ["Xqzzyvillezz", "ققققق", "Zzyzxqvtr Plkq"])
def test_unknown_name_is_none(offline, query):
    assert offline.geocode(query) is None
    assert offline.geocode(query, exactly_one=False) is None


@pytest.mark.parametrize("query", ["", "   ", "\u200f\u200e", "،؟!", "\t\n"])
def test_blank_query_raises_query_error(offline, query):
    with pytest.raises(geopy.exc.GeocoderQueryError):
        offline.geocode(query)


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("بالقاهرة", "Cairo", "EG"),
        ("والرياض", "Riyadh", "SA"),
        ("وطهران", "Tehran", "IR"),
        ("لبغداد", "Baghdad", "IQ"),
        ("وبباريس", "Paris", "FR"),
    ],
)
def test_proclitic_forms(offline, query, name, country):
    location = offline.geocode(query)
    assert location.raw["name"] == name
    assert location.raw["country"] == country
    assert location.raw["match"] == "clitic"


# Places of more than 50,000 people whose cities500 record has no Arabic alternate name (and
# data/gazetteer/exonyms_ar.csv gives none), found only through the consonant key of an
# Arabic transliteration.
PHONETIC = [
    ("إزتابالابا", "geonames:3526683", (19.3553, -99.0622)),  # Iztapalapa, MX
    ("ديفينوبوليس", "geonames:3464688", (-20.1436, -44.8907)),  # Divinópolis, BR
    ("إمبيراتريز", "geonames:3398269", (-5.5264, -47.4917)),  # Imperatriz, BR
    ("ستاري أوسكول", "geonames:487928", (51.3025, 37.8461)),  # Staryy Oskol, RU
    ("دوسكيبراداس", "geonames:3685095", (4.8392, -75.6673)),  # Dosquebradas, CO
]


@pytest.mark.parametrize(("query", "place_id", "coords"), PHONETIC)
def test_phonetic_arabic_spelling_of_latin_only_place(offline, gazetteer, query, place_id, coords):
    place = gazetteer.place(gazetteer.row_of(place_id))
    assert place.name_ar is None and place.population > 50_000
    location = offline.geocode(query)
    assert location.raw["id"] == place_id
    assert location.raw["match"] == "phonetic"
    assert geodesic((location.latitude, location.longitude), coords).km < 5


def test_lazy_gazetteer_and_no_network(gazetteer):
    geocoder = OfflineGeocoder()
    assert geocoder._gazetteer is None
    with geocoder as same:
        assert same.geocode("Ankara").raw["country"] == "TR"
    assert geocoder.gazetteer is gazetteer  # load_gazetteer() caches one index per folder
    with pytest.raises(geopy.exc.GeocoderUnavailable):
        geocoder.adapter.get_json("https://example.org/", timeout=1, headers={})


REVERSE = [
    ((35.70, 51.40), "Tehran", "IR"),
    ("24.70, 46.70", "Riyadh", "SA"),
    (Point(40.71, -74.00), "New York City", "US"),
    ((39.93, 32.86), "Ankara", "TR"),
    ("-34.60, -58.38", "Buenos Aires", "AR"),
]


@pytest.mark.parametrize(("query", "name", "country"), REVERSE)
def test_reverse(offline, query, name, country):
    location = offline.reverse(query)
    assert isinstance(location, Location)
    assert location.raw["name"] == name
    assert location.raw["country"] == country
    assert 0 <= location.raw["distance_km"] < 10
    assert offline.reverse(query, exactly_one=False) == [location]


@pytest.mark.filterwarnings("ignore:Latitude normalization:UserWarning")
@pytest.mark.parametrize("query", [None, "", "abc", "91, 0", (91, 0), (float("nan"), 0.0), [1], 5])
def test_reverse_invalid_input(offline, query):
    with pytest.raises(ValueError):
        offline.reverse(query)


# ----------------------------------------------------------------------------- loopback server

#: answers of the "ok" mode, by query
KNOWN = {
    "Atlantis Station": (10.5, 20.25, "Atlantis Station, Nowhere"),
    "Cache Town": (-5.125, 40.5, "Cache Town, Nowhere"),
    "Xq Fallback Place": (1.5, 2.5, "Xq Fallback Place, Nowhere"),
}


class _Handler(BaseHTTPRequestHandler):
    server: _ScriptedServer

    def log_message(self, format, *args):  # noqa: A002 - silence the default stderr log
        pass

    def _send(self, status: int, body: str, headers: dict[str, str] | None = None) -> None:
        data = body.encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the client gave up (time-out test)

    def do_GET(self):  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        mode, _, endpoint = url.path.strip("/").partition("/")
        query = parse_qs(url.query).get("q", parse_qs(url.query).get("text", [""]))[0]
        with self.server.lock:
            self.server.counts[(mode, query)] += 1
        if mode == "e500":
            self._send(500, "internal error")
        elif mode == "e429":
            self._send(429, "slow down", {"Retry-After": "7"})
        elif mode == "garbage":
            self._send(200, "{this is not json")
        elif mode == "slow":
            time.sleep(1.5)
            self._send(200, "[]")
        elif mode == "ok":
            self._send(200, json.dumps(self._answer(endpoint, query)))
        else:
            self._send(404, "no such mode")

    @staticmethod
    def _answer(endpoint: str, query: str):
        hit = KNOWN.get(query)
        if endpoint == "search":  # Nominatim
            if hit is None:
                return []
            lat, lon, name = hit
            return [{"place_id": 1, "lat": str(lat), "lon": str(lon), "display_name": name}]
        features = []  # Photon (/api) and Pelias (/v1/search) answer GeoJSON
        if hit is not None:
            lat, lon, name = hit
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {"name": name, "label": name},
                }
            )
        return {"type": "FeatureCollection", "features": features}


class _ScriptedServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.counts: Counter[tuple[str, str]] = Counter()
        self.lock = threading.Lock()

    def domain(self, mode: str) -> str:
        return f"127.0.0.1:{self.server_address[1]}/{mode}"


@pytest.fixture(scope="module")
def server() -> Iterator[_ScriptedServer]:
    srv = _ScriptedServer()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)


def _online(server: _ScriptedServer, mode: str, kind: str = "nominatim", **kwargs) -> ThrottledGeocoder:
    options = {"min_delay_seconds": 0.0, "timeout": 0.5, "proxies": {}, "scheme": "http"}
    options.update(kwargs)
    return make_online_geocoder(kind, user_agent=USER_AGENT, domain=server.domain(mode), **options)


@pytest.mark.parametrize("query", [*KNOWN, "Nothing Here At All"])
def test_scripted_names_are_unknown_offline(offline, query):
    # the chain tests need names only the loopback server knows
    assert offline.geocode(query) is None


#: mode, what geopy really raises for it
FAILURES = [
    ("e500", geopy.exc.GeocoderServiceError),
    ("e429", geopy.exc.GeocoderRateLimited),
    ("garbage", geopy.exc.GeocoderParseError),
    ("slow", geopy.exc.GeocoderTimedOut),
]


@pytest.mark.parametrize(("mode", "error"), FAILURES)
def test_online_failures_are_geopy_errors(server, mode, error):
    geocoder = _online(server, mode)
    started = time.monotonic()
    with pytest.raises(geopy.exc.GeocoderServiceError) as info:
        geocoder.geocode(f"direct {mode}")
    assert type(info.value) is error
    assert time.monotonic() - started < 1.4  # the time-out fires before the slow answer
    assert server.counts[(mode, f"direct {mode}")] == 1  # no retry by default
    if mode == "e429":
        assert info.value.retry_after == 7


@pytest.mark.parametrize(("mode", "error"), FAILURES)
def test_chain_records_failure_and_falls_through(server, offline, mode, error):
    chain = ChainedGeocoder([offline, _online(server, mode), _online(server, "ok")])
    location = chain.geocode("Xq Fallback Place")
    assert isinstance(location, Location)
    assert (location.latitude, location.longitude) == (1.5, 2.5)
    assert location.address == "Xq Fallback Place, Nowhere"
    name = f"nominatim:{server.domain(mode)}"
    assert len(chain.last_errors) == 1
    assert chain.last_errors[0][0] == name
    assert chain.last_errors[0][1].startswith(error.__name__ + ":")
    assert chain.errors["Xq Fallback Place"] == chain.last_errors


def test_chain_raises_the_last_error_when_every_geocoder_failed(server):
    first, last = _online(server, "e500"), _online(server, "e429")
    chain = ChainedGeocoder([first, last])
    with pytest.raises(geopy.exc.GeocoderRateLimited) as info:
        chain.geocode("all fail")
    assert isinstance(info.value.__cause__, geopy.exc.GeocoderRateLimited)
    assert [name for name, _ in chain.last_errors] == [first.name, last.name]
    assert "e500" in str(info.value) and "e429" in str(info.value)


def test_chain_returns_none_when_one_answered_nothing(server, offline):
    chain = ChainedGeocoder([offline, _online(server, "e500")])
    assert chain.geocode("Xqzzyvillezz") is None  # the offline one answered: no error raised
    assert len(chain.last_errors) == 1


def test_chain_stops_at_the_offline_answer(server, offline):
    chain = ChainedGeocoder([offline, _online(server, "ok")])
    location = chain.geocode("القاهرة")
    assert location.raw["country"] == "EG"
    assert server.counts[("ok", "القاهرة")] == 0
    assert chain.last_errors == []


def test_chain_blank_query(offline):
    with pytest.raises(geopy.exc.GeocoderQueryError):
        ChainedGeocoder([offline]).geocode("  ")


def test_chain_drops_keywords_a_geocoder_does_not_take(server, offline):
    chain = ChainedGeocoder([offline, _online(server, "ok")])
    found = chain.geocode("Atlantis Station", place_types=["city"], exactly_one=False, limit=2)
    assert [loc.address for loc in found] == ["Atlantis Station, Nowhere"]


def test_good_answer_then_cache(server, offline, tmp_path):
    path = tmp_path / "geocode.sqlite"
    chain = ChainedGeocoder([offline, _online(server, "ok")], cache=GeocodeCache(path))
    first = chain.geocode("Cache Town")
    assert (first.latitude, first.longitude) == (-5.125, 40.5)
    second = chain.geocode("Cache Town")
    assert second == first
    assert server.counts[("ok", "Cache Town")] == 1
    # negative answers are cached too
    assert chain.geocode("Nothing Here At All") is None
    assert chain.geocode("Nothing Here At All") is None
    assert server.counts[("ok", "Nothing Here At All")] == 1
    # the cache outlives the process: a new chain over the same file asks nobody
    chain.cache.close()
    again = ChainedGeocoder([offline, _online(server, "ok")], cache=GeocodeCache(path))
    assert again.geocode("Cache Town") == first
    assert server.counts[("ok", "Cache Town")] == 1
    # other parameters are another entry
    assert again.geocode("Cache Town", exactly_one=False) == [first]
    assert server.counts[("ok", "Cache Town")] == 2
    # the offline geocoder's answers are never cached
    assert again.geocode("Ankara").raw["country"] == "TR"
    assert {row[0] for row in sqlite3.connect(path).execute("SELECT geocoder FROM lookups")} == {
        f"nominatim:{server.domain('ok')}"
    }


@pytest.mark.parametrize("kind", ["photon", "pelias"])
def test_photon_and_pelias_on_loopback(server, kind):
    geocoder = _online(server, "ok", kind=kind)
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
    geocoder = _online(server, "ok", min_delay_seconds=1.0, clock=clock, sleep=clock.sleep)
    started = time.monotonic()
    assert geocoder.geocode("Atlantis Station") is not None  # first call: no wait
    assert geocoder.geocode("Cache Town") is not None  # at once: waits a full second
    clock.now += 0.25
    assert geocoder.geocode("Xq Fallback Place") is not None  # 0.25 s later: waits 0.75 s
    assert clock.sleeps == pytest.approx([1.0, 0.75])
    assert time.monotonic() - started < 1.0  # nothing really slept
    assert server.counts[("ok", "Atlantis Station")] >= 1


# ----------------------------------------------------------------------------- cache and settings


def test_cache_round_trip(tmp_path):
    cache = GeocodeCache(tmp_path / "sub" / "c.sqlite")
    assert cache.get("svc", "Somewhere") is None
    loc = Location("Somewhere, XX", (1.25, -2.5), {"id": 7, "names": ["a", "ب"]})
    cache.put("svc", "Somewhere", {"exactly_one": True}, [loc])
    assert cache.get("svc", "Somewhere", {"exactly_one": True}) == [loc]
    assert cache.get("svc", "Somewhere", {"exactly_one": False}) is None
    assert cache.get("other", "Somewhere", {"exactly_one": True}) is None
    cache.put("svc", "Nowhere", {}, [])
    assert cache.get("svc", "Nowhere", {}) == []
    # a new answer replaces the old one entirely
    two = [Location("A", (1, 1), {}), Location("B", (2, 2), {})]
    cache.put("svc", "Somewhere", {"exactly_one": True}, two)
    assert cache.get("svc", "Somewhere", {"exactly_one": True}) == two
    cache.put("svc", "Somewhere", {"exactly_one": True}, two[:1])
    assert cache.get("svc", "Somewhere", {"exactly_one": True}) == two[:1]
    assert len(cache) == 2
    cache.clear()
    assert len(cache) == 0


def test_cache_write_is_one_transaction(tmp_path):
    path = tmp_path / "c.sqlite"
    cache = GeocodeCache(path)
    old = [Location("Old", (1, 1), {"v": 1})]
    cache.put("svc", "q", {}, old)
    with sqlite3.connect(path) as other:  # make the second row of the next write fail
        other.execute(
            "CREATE TRIGGER boom BEFORE INSERT ON locations WHEN NEW.address = 'boom' "
            "BEGIN SELECT RAISE(ABORT, 'boom'); END"
        )
    with pytest.raises(GeocodeCacheError, match="boom"):
        cache.put("svc", "q", {}, [Location("New", (2, 2), {}), Location("boom", (3, 3), {})])
    assert cache.get("svc", "q", {}) == old  # nothing of the failed write is left
    cache.put("svc", "other", {}, [])  # and the cache is still usable
    assert cache.get("svc", "other", {}) == []


def test_cache_errors_are_translated(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = GeocodeCache(blocker / "c.sqlite")
    with pytest.raises(GeocodeCacheError) as info:
        cache.get("svc", "x")
    assert isinstance(info.value.__cause__, OSError | sqlite3.Error)


def test_default_cache_path(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_path() == tmp_path / "geostory" / "geocode.sqlite"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_path() == Path.home() / ".cache" / "geostory" / "geocode.sqlite"


def test_settings_default_is_offline_only(gazetteer):
    geocoder = geocoder_from_settings(gazetteer=gazetteer)
    assert type(geocoder) is OfflineGeocoder
    assert isinstance(geocoder, Geocoder)


def test_settings_with_online_fallbacks(gazetteer, tmp_path):
    geocoder = geocoder_from_settings(
        online=["nominatim", "photon", "pelias"],
        user_agent=USER_AGENT,
        domain={"pelias": "pelias.example.org"},
        cache_path=tmp_path / "c.sqlite",
        gazetteer=gazetteer,
    )
    assert isinstance(geocoder, ChainedGeocoder)
    names = [g.name for g in geocoder.geocoders]
    assert names == [
        "offline",
        "nominatim:nominatim.openstreetmap.org",
        "photon:photon.komoot.io",
        "pelias:pelias.example.org",
    ]
    assert geocoder.cache.path == tmp_path / "c.sqlite"
    assert not (tmp_path / "c.sqlite").exists()  # nothing opened before first use
    assert geocoder.geocoders[1].wrapped.headers["User-Agent"] == USER_AGENT
    assert geocoder.geocoders[1].limiter.min_delay_seconds == 1.0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"online": ["nominatim"]}, "user agent"),
        ({"online": ["nominatim"], "user_agent": "  "}, "user agent"),
        ({"online": ["bing"], "user_agent": USER_AGENT}, "unknown online geocoder"),
        ({"online": ["pelias"], "user_agent": USER_AGENT}, "domain"),
        ({"online": ["nominatim"], "user_agent": "my-application"}, "user_agent"),
    ],
)
def test_settings_errors(gazetteer, kwargs, message):
    with pytest.raises(ValueError, match=message):
        geocoder_from_settings(gazetteer=gazetteer, **kwargs)
