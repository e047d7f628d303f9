"""The settings of how a run is bounded and shared out: the limits on input (:class:`LimitsSettings`) and the
archive's journeys and work (:class:`ArchiveSettings`), sections of :class:`~geo.settings.Settings`.

Example
-------
>>> from geo.settings_operations import LimitsSettings
>>> LimitsSettings().max_stops
5000
"""

from __future__ import annotations

from geo.settings_base import Section as _Section
from geo.settings_base import knob as _knob

__all__ = ["ArchiveSettings", "LimitsSettings"]


class LimitsSettings(_Section):
    """Hard limits on what the reader and ``geo render`` take in, so that every run ends in bounded time and
    memory; each one, when passed, is refused with a one-line :class:`~geo.errors.InputError`."""

    upload_seconds: int = _knob(
        120,
        "the presenter stops reading uploads after this long, between two articles, and says so (the command "
        "line has no deadline): a 5 MB article, the largest allowed, reads in under a minute of CPU",
        ge=1,
    )
    max_article_bytes: int = _knob(
        5_000_000,
        "an article file (or upload) larger than this is refused: a long news story is under 100 KB",
        ge=1,
    )
    max_line_chars: int = _knob(
        20_000,
        "a longer line is broken at its last sentence end (else its last space) before this many characters, the "
        "space becoming a line break; a line with no space in that stretch is refused (real paragraphs stay under "
        "a few thousand characters)",
        ge=100,
    )
    max_mentions: int = _knob(
        100_000,
        "an article naming more places than this is refused (a 5 MB article of news prose names about 30,000)",
        ge=1,
    )
    max_stops: int = _knob(
        5_000,
        "a story (built or rendered) with more stops than this is refused: no map can show them one at a time",
        ge=1,
    )
    max_answer_bytes: int = _knob(
        2_000_000,
        "an online geocoder's answer larger than this is refused (and never cached): one name's answer is a few KB",
        ge=1_000,
    )
    max_story_bytes: int = _knob(
        20_000_000,
        "a story.json larger than this is refused by geo render and the presenter before it is parsed",
        ge=1,
    )


class ArchiveSettings(_Section):
    """Journeys found across a news archive and the work shared out to read it (:mod:`geo.archive`)."""

    gap_days: int = _knob(14, "a traveller's articles further apart tell two journeys (trips: ≤ a week)", ge=1)
    join_days: int = _knob(3, "a host's or no one's article joins a journey it falls in, to this many days after", ge=0)
    lead_days: int = _knob(1, "... or this many days before (the eve of a visit; no earlier: other news)", ge=0)
    host_max_articles: int = _knob(2, "a journey this small may be the host's side of a larger one", ge=0)
    min_sound_length: int = _knob(2, "a name's consonant key this long tells the traveller (one letter: too common)")
    fuzzy_sound_length: int = _knob(4, "keys this long are one name when one letter apart (SRLZ, SRLS)", ge=1)
    batch_articles: int = _knob(32, "articles read in one task of the cluster (fewer round trips, bounded)", ge=1)
    in_flight_per_worker: int = _knob(3, "tasks queued per worker at once (busy workers, bounded memory)", ge=1)
