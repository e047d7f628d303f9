"""A journey told from cached readings matches ``geo build`` of the same articles."""

from __future__ import annotations

import pickle

from geo.archive.reading import read_batch, worker_pipeline
from geo.archive.story import journey_files, tell_journey
from geo.pipeline import read_articles
from geo.settings import Settings
from tests.conftest import BUNDLED


def test_journey_story_is_the_folder_story() -> None:
    settings_json = Settings().model_dump_json()
    articles = read_articles(BUNDLED)
    rows = read_batch([(str(i), a) for i, a in enumerate(articles)], settings_json)
    readings = [pickle.loads(blob) for _, blob, _ in rows]
    pipeline = worker_pipeline(settings_json)
    story = tell_journey(readings, pipeline)
    folder_story, _ = pipeline.run(articles)
    assert [s.place.id for s in story.stops] == [s.place.id for s in folder_story.stops]
    assert [(s.date_start, s.date_end) for s in story.stops] == [(s.date_start, s.date_end) for s in folder_story.stops]
    files = journey_files([blob for _, blob, _ in rows], settings_json)
    assert {"story.json", "story.html", "story.geojson", "story.gpkg", "story.pdf"} <= set(files.files)
