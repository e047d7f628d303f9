"""The whole pipeline on the bundled corpus, scored against the development gold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.model import Article
from geo.outputs.geojson import write_geojson
from geo.pipeline import Pipeline, assemble_story, read_articles
from geo.places.gazetteer import Gazetteer
from geo.settings import Settings
from geo.story.document import story_to_doc
from geo.story.traveller import Person
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def bundled_story(gazetteer: Gazetteer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    story, _ = Pipeline(gazetteer).run(read_articles(BUNDLED))
    return write_geojson(story_to_doc(story), tmp_path_factory.mktemp("out") / "story.geojson")


def test_stops_score_on_the_development_set(bundled_story: Path, shared_dir: Path) -> None:
    """Needs ../shared/eval (skipped elsewhere): all six stops within 25 km, no extra, dates and order right."""
    score = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(bundled_story)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert score.returncode == 0, score.stdout + score.stderr


def test_places_score_on_the_development_set(bundled_story: Path, shared_dir: Path) -> None:
    """Needs ../shared/eval (skipped elsewhere): recall ≥ 0.95 and precision ≥ 0.9 per article."""
    score = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(bundled_story), "--places",
         "--min-recall", "0.95", "--min-precision", "0.9"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert score.returncode == 0, score.stdout + score.stderr


def test_geojson_follows_the_contract(bundled_story: Path) -> None:
    data = json.loads(bundled_story.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and data["features"]
    for feature in data["features"]:
        props = feature["properties"]
        if props["kind"] == "route":
            assert feature["geometry"]["type"] == "LineString"
            continue
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert props["place_type"] in {"city", "facility", "island", "region", "country", "water", "relative"}
        assert props["uncertainty_km"] >= 0 and props["name"]
        for mention in props["mentions"]:
            assert {"article", "text", "start", "sentence"} <= set(mention)


def test_mentions_point_at_their_text(gazetteer: Gazetteer) -> None:
    articles = {a.name: a for a in read_articles(BUNDLED)}
    _, results = Pipeline(gazetteer).run(list(articles.values()))
    for result in results:
        for r in result.resolutions:
            assert result.article.text[r.mention.start : r.mention.end] == r.mention.text


def test_builds_are_byte_identical(gazetteer: Gazetteer, tmp_path: Path, bundled_story: Path) -> None:
    story, _ = Pipeline(gazetteer).run(read_articles(BUNDLED))
    again = write_geojson(story_to_doc(story), tmp_path / "story.geojson")
    assert again.read_bytes() == bundled_story.read_bytes()


def test_an_embedded_read_also_story_is_an_article_of_its_own(gazetteer: Gazetteer) -> None:
    names = [a.name for a in read_articles(BUNDLED)]
    assert any("#2" in name for name in names)
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        ({"max_mentions": 3}, r"names over 3 places, the limit of one article"),
        ({"max_stops": 2}, r"the story has \d+ stops, over the limit of 2"),
    ],
)
def test_the_limits_of_a_story(gazetteer: Gazetteer, limits: dict, message: str) -> None:
    from geo.errors import InputError
    from geo.settings import LimitsSettings, Settings

    pipeline = Pipeline(gazetteer, settings=Settings(limits=LimitsSettings(**limits)))
    with pytest.raises(InputError, match=message):
        pipeline.run(read_articles(BUNDLED))


@pytest.mark.parametrize(
    ("languages", "names", "title"),
    [
        # the traveller named in the story's language: that language
        (["ar", "ar"], ("بشار الأسد", "Bashar al-Assad"), "بشار الأسد: أماكن في الأخبار"),
        (["en"], ("بشار الأسد", "Bashar al-Assad"), "Bashar al-Assad: places in the news"),
        # named only in the other script: the title follows the name, one script a title
        (["ar", "ar", "fr"], ("Bachar el-Assad",), "Bachar el-Assad: places in the news"),
        (["fr", "ar"], ("البابا فرنسيس",), "البابا فرنسيس: أماكن في الأخبار"),
    ],
)
def test_a_title_is_written_in_one_script(languages: list[str], names: tuple[str, ...], title: str) -> None:
    articles = [Article(name=f"{i}.txt", text="…", language=lang) for i, lang in enumerate(languages)]
    person = Person(name=names[0], keys=frozenset(), mentions=1, names=names)
    story = assemble_story(articles, [], [], published={}, person=person, settings=Settings())
    assert story.title == title
