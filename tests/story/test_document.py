"""story.json: schema, validation on load, round trip, edits flowing to outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.errors import InputError
from geo.model import Certainty, PlaceType, Role
from geo.outputs.geojson import story_geojson
from geo.story.document import SCHEMA, VERSION, StoryDoc, load_story, save_story


def _doc() -> dict:
    quote = {"article": "a.txt", "text": "حلب", "start": 8, "end": 11, "sentence": "وصل إلى حلب."}
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "title": "A journey",
        "traveller": "فلان",
        "articles": [
            {"name": "a.txt", "published": "2024-05-02", "published_source": "text", "published_certainty": "exact"}
        ],
        "stops": [
            {"seq": 1, "id": "geonames:170063", "name": "Aleppo", "lat": 36.2, "lon": 37.13, "place_type": "city",
             "date_start": "2024-05-01", "date_end": "2024-05-01", "date_certainty": "exact", "quotes": [quote]},
            {"seq": 2, "id": "geonames:170654", "name": "Damascus", "lat": 33.51, "lon": 36.29, "place_type": "city"},
        ],
        "places": [{"id": "country:SY", "name": "Syria", "lat": 35.0, "lon": 38.0, "place_type": "country",
                    "roles": ["country"]}],
    }  # fmt: skip


def test_round_trip_is_byte_stable(tmp_path: Path) -> None:
    doc = StoryDoc.model_validate(_doc())
    first = save_story(doc, tmp_path / "a.json").read_bytes()
    again = save_story(load_story(tmp_path / "a.json"), tmp_path / "b.json").read_bytes()
    assert first == again
    assert json.loads(first)["schema"] == SCHEMA


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["stops"][1].update(seq=3), "numbered"),
        (lambda d: d["stops"][0].update(date_end="2024-04-01"), "before date_start"),
        (lambda d: d["stops"][0].update(lat=123), "lat"),
        (lambda d: d.update(version=2), "version"),
        (lambda d: d["stops"][0].update(colour="red"), "colour"),
        (lambda d: d["stops"][0].update(date_certainty="sure"), "date_certainty"),
        (lambda d: d["stops"][0].update(place_type="town"), "place_type"),
        (lambda d: d["articles"][0].update(published_certainty="sure"), "published_certainty"),
        (lambda d: d["articles"][0].update(published_source="guess"), "published_source"),
        (lambda d: d["stops"][0].update(uncertainty_km=float("inf")), "uncertainty_km"),
        (lambda d: d["stops"][1].update(role="meeting"), "stops.1.role"),
        (lambda d: d["stops"][0].update(role="Visit"), "stops.0.role"),
        (lambda d: d["stops"][0].update(role=""), "stops.0.role"),
        (lambda d: d["stops"][0]["quotes"][0].update(role="mention"), "stops.0.quotes.0.role"),
        (lambda d: d["places"][0].update(roles=["country", "mentioned by the guide"]), "places.0.roles.1"),
    ],
)
def test_invalid_stories_are_refused_in_one_line(tmp_path: Path, edit, message: str) -> None:  # noqa: ANN001
    data = _doc()
    edit(data)
    path = tmp_path / "story.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_story(path)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError):
        load_story(path)


def test_an_edited_date_reaches_the_geojson() -> None:
    data = _doc()
    data["stops"][1].update(date_start="2024-05-03", date_end="2024-05-04", date_certainty="approximate")
    features = story_geojson(StoryDoc.model_validate(data))["features"]
    damascus = next(f for f in features if f["properties"].get("name") == "Damascus")
    assert damascus["properties"]["date_start"] == "2024-05-03" and damascus["properties"]["date_end"] == "2024-05-04"
    route = next(f for f in features if f["properties"]["kind"] == "route")
    assert route["geometry"]["coordinates"] == [[37.13, 36.2], [36.29, 33.51]]


def test_deeply_nested_json_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError):
        load_story(path)


def test_closed_vocabularies_read_as_enums(tmp_path: Path) -> None:
    data = _doc()
    data["stops"][1].update(role="plan", quotes=[{"article": "a.txt", "text": "x", "start": 0, "end": 1}])
    data["places"][0]["roles"] = ["country", "mentioned"]
    doc = StoryDoc.model_validate(data)
    aleppo, damascus = doc.stops
    assert aleppo.place_type is PlaceType.CITY and aleppo.date_certainty is Certainty.EXACT
    assert aleppo.role is Role.VISIT and aleppo.quotes[0].role is None  # the defaults
    assert damascus.role is Role.PLAN
    assert doc.places[0].roles == [Role.COUNTRY, Role.MENTIONED]
    assert all(isinstance(r, Role) for r in doc.places[0].roles)
    assert doc.articles[0].published_certainty is Certainty.EXACT
    saved = json.loads(save_story(doc, tmp_path / "story.json").read_text(encoding="utf-8"))
    assert saved["stops"][1]["role"] == "plan" and saved["places"][0]["roles"] == ["country", "mentioned"]
    assert saved["stops"][1]["quotes"][0]["role"] is None


def test_an_unknown_role_is_refused_naming_the_field(tmp_path: Path) -> None:
    data = _doc()
    data["stops"][1]["role"] = "meeting"
    path = tmp_path / "story.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_story(path)
    message = str(info.value)
    assert message.startswith("story.json is not a valid story: stops.1.role: Input should be 'departure'")
    assert "\n" not in message


def test_a_story_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from geo.settings import LimitsSettings

    path = tmp_path / "story.json"
    with path.open("wb") as handle:  # 50 MB of nothing, on disk in no time (a sparse file)
        handle.truncate(50_000_000)
    with pytest.raises(InputError, match=r"story.json: 50,000,000 bytes, over the limit of 20,000,000 bytes"):
        load_story(path)
    with pytest.raises(InputError, match="over the limit of 1,000 bytes"):
        load_story(path, limits=LimitsSettings(max_story_bytes=1_000))


def test_a_story_with_too_many_stops_is_refused_before_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"stops": [{}] * 100_000}), encoding="utf-8")
    with pytest.raises(InputError, match=r"story.json: 100,000 stops, over the limit of 5,000$"):
        load_story(path)
