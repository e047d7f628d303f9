"""The geopy contract of the offline geocoder: geocode and reverse over the gazetteer, no network."""

from __future__ import annotations

import json

import geopy.exc
import pytest
from geopy.distance import geodesic
from geopy.location import Location
from geopy.point import Point

from geo.places.geocoders import OfflineGeocoder
from geo.settings import LookupSettings, RecognitionSettings

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


@pytest.mark.parametrize(
    ("query", "place_id", "others"),
    [
        ("عمّان", "geonames:250441", False),  # a shadda: Amman; Oman («عُمان») is left out
        ("عَمّان", "geonames:250441", False),
        ("عُمان", "country:OM", False),  # harakat and no shadda: Oman; Amman («عمّان») is left out
        ("عمان", "country:OM", True),  # bare: both, the type prior first
    ],
)
def test_a_written_shadda_tells_the_place(offline, query, place_id, others):
    found = [o.raw["id"] for o in offline.geocode(query, exactly_one=False, limit=50)]
    assert found[0] == place_id
    other = {"geonames:250441": "country:OM", "country:OM": "geonames:250441"}[place_id]
    assert (other in found) is others


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


#: settings, query, the best answer's raw fields (None: no answer); with the defaults, as above
SETTINGS = [
    ({}, "Hamilton", {"country": "CA"}),
    ({"settings": LookupSettings(capital_min_population=0)}, "Hamilton", {"country": "BM", "feature": "capital"}),
    ({}, PHONETIC[0][0], {"id": PHONETIC[0][1], "match": "phonetic"}),
    ({"recognition": RecognitionSettings(min_phonetic_key=30)}, PHONETIC[0][0], None),  # no key is that long
]


@pytest.mark.parametrize(("sections", "query", "expected"), SETTINGS)
def test_the_settings_decide_phonetic_keys_and_capitals(gazetteer, sections, query, expected):
    location = OfflineGeocoder(gazetteer, **sections).geocode(query)
    if expected is None:
        assert location is None
    else:
        assert {key: location.raw[key] for key in expected} == expected


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
