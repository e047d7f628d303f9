"""One journey's story, on a worker: its cached readings told as one story, every output of ``geo build`` written.

The readings are not read again: the publication dates are completed across
the journey's articles, the traveller found across them (both scripts), the
roles assigned for that traveller and the stops built, as
:meth:`geo.pipeline.Pipeline.run` does for a folder. The outputs are written
into a scratch folder on the worker and returned as bytes, so that the
coordinator writes them (one transaction per journey) whatever machine the
worker runs on.
"""

from __future__ import annotations

import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from geo.archive.reading import Reading, anchor_date, worker_pipeline
from geo.dates.expressions import find_dates
from geo.dates.publication import infer_from_corpus
from geo.model import Story
from geo.pipeline import Pipeline, assemble_story
from geo.story.document import StoryDoc, save_story, story_to_doc
from geo.story.roles import assign_roles
from geo.story.traveller import find_traveller, traveller_keys

__all__ = ["JourneyFiles", "journey_files", "journey_task", "tell_journey"]


@dataclass(frozen=True, slots=True)
class JourneyFiles:
    """A journey's outputs (file name → bytes) and its story document (``None`` when it has no stop)."""

    files: dict[str, bytes]
    doc: StoryDoc | None


def tell_journey(readings: list[Reading], pipeline: Pipeline) -> Story:
    """The story of one journey's readings (articles in journey order).

    Raises
    ------
    InputError
        When the story has more stops than ``settings.limits.max_stops``.
    """
    settings = pipeline.settings
    zipf = pipeline.gazetteer.zipf
    articles = [r.article for r in readings]
    published = infer_from_corpus({r.article.name: r.published for r in readings}, articles)
    resolutions = [res for r in readings for res in r.resolutions]
    person = find_traveller(
        articles, pipeline.gazetteer, settings=settings.traveller, places=[res.mention.text for res in resolutions]
    )
    keys = traveller_keys(person)
    roles = []
    for reading in readings:
        pub = published[reading.article.name]
        anchor = anchor_date(pub, settings)
        dates = reading.dates
        if pub != reading.published:  # dated from the journey: read its dates again from the new anchor
            dates = tuple(
                find_dates(
                    reading.article,
                    anchor=anchor,
                    anchor_certainty=pub.certainty,
                    frequencies=zipf,
                    settings=settings.dates,
                )
            )
        roles.extend(
            assign_roles(
                reading.article,
                reading.resolutions,
                list(dates),
                published=anchor,
                traveller_keys=keys,
                frequencies=zipf,
                settings=settings.roles,
                date_settings=settings.dates,
            )
        )
    return assemble_story(articles, resolutions, roles, published=published, person=person, settings=settings)


def journey_files(blobs: list[bytes], settings_json: str, *, cdn: bool = False) -> JourneyFiles:
    """On a worker: the outputs of the journey whose pickled readings are ``blobs`` (none when it has no stop)."""
    from geo.outputs.exports import write_exports  # the output libraries: only where journeys are written
    from geo.outputs.geojson import write_geojson
    from geo.outputs.webmap import write_map

    readings = [pickle.loads(blob) for blob in blobs]  # noqa: S301 - our own cache, written by this tool
    doc = story_to_doc(tell_journey(readings, worker_pipeline(settings_json)))
    if not doc.stops:
        return JourneyFiles(files={}, doc=None)
    with tempfile.TemporaryDirectory(prefix="geostory-journey-") as scratch:
        folder = Path(scratch)
        save_story(doc, folder / "story.json")
        write_geojson(doc, folder / "story.geojson")
        write_map(doc, folder / "story.html", cdn=cdn)
        write_exports(doc, folder)
        files = {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}
    return JourneyFiles(files=files, doc=doc)


def journey_task(item: tuple[str, list[bytes]], settings_json: str, *, cdn: bool = False) -> JourneyFiles:
    """A cluster task: ``(slug, pickled readings)`` in, the journey's outputs out."""
    return journey_files(item[1], settings_json, cdn=cdn)
