"""The pipeline: articles in, resolved place mentions out, one article at a time.

``Pipeline`` wires the stages together (ingest → recognition → relative
locations → resolution → story) around one loaded gazetteer, so that a
caller (the command line, the Streamlit app, a test) runs exactly the same
code path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from geo.dates.expressions import find_dates
from geo.dates.publication import infer_from_corpus, publication_date
from geo.errors import InputError
from geo.model import Article, Mention, MentionRole, Published, Resolution, Story
from geo.places.abbreviations import abbreviated_regions
from geo.places.gazetteer import Gazetteer, load_gazetteer
from geo.places.located import locate_more
from geo.places.recognition import Recognizer
from geo.places.relative import find_relative
from geo.places.resolution import Resolver
from geo.places.state_nouns import state_nouns
from geo.settings import LimitsSettings, Settings, TextSettings
from geo.story.features import gather_features, story_title
from geo.story.happened import presence_evidence, story_language
from geo.story.roles import assign_roles
from geo.story.timeline import build_stops
from geo.story.traveller import Person, find_traveller, traveller_keys
from geo.text.reading import read_article_file, read_corpus

if TYPE_CHECKING:
    from geopy.geocoders.base import Geocoder

    from geo.places.kind_names import KindName
    from geo.places.lookup import LookupRecord

__all__ = ["ArticleResult", "Pipeline", "assemble_story", "read_articles"]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the pipeline found in one article."""

    article: Article
    mentions: tuple[Mention, ...]
    resolutions: tuple[Resolution, ...]


def read_articles(
    path: Path, *, settings: TextSettings | None = None, limits: LimitsSettings | None = None
) -> list[Article]:
    """Articles from a folder (every article file in it) or from one file.

    ``settings`` says what counts as article text among a page's furniture
    (default :class:`~geo.settings.TextSettings`; a pipeline's is ``pipeline.settings.text``);
    ``limits`` how large a file and how long a line may be (default :class:`~geo.settings.LimitsSettings`).

    Raises
    ------
    InputError
        When ``path`` does not exist.
    """
    path = Path(path)
    if path.is_dir():
        return read_corpus(path, settings=settings, limits=limits)
    if path.exists():  # a file, or something else the reader refuses in one line (a FIFO, a device)
        return read_article_file(path, settings=settings, limits=limits)
    raise InputError(f"no such file or folder: {path}")


class Pipeline:
    """Runs the stages with one gazetteer.

    Parameters
    ----------
    gazetteer:
        A loaded gazetteer (default: :func:`~geo.places.gazetteer.load_gazetteer`).
    settings:
        Every deciding number (default: :class:`~geo.settings.Settings`); each stage gets its section.
    geocoder:
        An online geocoder asked about the names the gazetteer cannot place
        (:func:`~geo.places.lookup.place_unplaced`; its look-ups gather in
        :attr:`lookups`); ``None`` (the default) keeps everything offline.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        settings: Settings | None = None,
        geocoder: Geocoder | None = None,
    ) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.settings = settings or Settings()
        self.recognizer = Recognizer(
            self.gazetteer, settings=self.settings.recognition, prominence=self.settings.prominence
        )
        self.resolver = Resolver(
            self.gazetteer,
            settings=self.settings.resolution,
            uncertainty=self.settings.uncertainty,
            relative=self.settings.relative,
            prominence=self.settings.prominence,
        )
        self.geocoder = geocoder
        self.lookups: list[LookupRecord] = []

    def process(self, article: Article) -> ArticleResult:
        """Recognise and resolve the places of one article.

        Raises
        ------
        InputError
            When the article names more places than ``settings.limits.max_mentions``.
        """
        mentions = self.recognizer.find(article)
        limit = self.settings.limits.max_mentions
        if len(mentions) > limit:
            raise InputError(f"{article.name}: names over {limit:,} places, the limit of one article")
        mentions = abbreviated_regions(article, mentions=mentions, gazetteer=self.gazetteer)
        mentions = state_nouns(article, mentions=mentions, gazetteer=self.gazetteer)
        mentions.extend(find_relative(article, mentions, settings=self.settings.relative))
        mentions.sort(key=lambda m: (m.start, m.end))
        resolutions = self.resolver.resolve(mentions, language=article.language)
        resolutions = locate_more(
            article,
            mentions=mentions,
            resolutions=resolutions,
            resolver=self.resolver,
            frequencies=self.gazetteer.zipf,
            settings=self.settings.located,
            recognition=self.settings.recognition,
        )
        if self.geocoder is not None:
            from geo.places.lookup import place_unplaced  # imports the HTTP client: only when asked for

            found = place_unplaced(
                article,
                mentions=mentions,
                resolutions=resolutions,
                geocoder=self.geocoder,
                frequencies=self.gazetteer.zipf,
                recognition=self.settings.recognition,
                settings=self.settings.lookup,
                uncertainty=self.settings.uncertainty,
            )
            self.lookups.extend(found.records)
            mentions, resolutions = list(found.mentions), list(found.resolutions)
        return ArticleResult(article=article, mentions=tuple(mentions), resolutions=tuple(resolutions))

    def kind_names(self, result: ArticleResult) -> list[KindName]:
        """The toponyms a kind noun introduces in ``result``'s article that no resolution placed («حي X»).

        Recognised, never placed nor a stop: asked for by what lists names (``geo places``, the benchmarks),
        not on the way to a story.
        """
        from geo.places.kind_names import find_kind_names  # (imported by what lists names, not by a build)

        taken = [(r.mention.start, r.mention.end) for r in result.resolutions]
        return find_kind_names(
            result.article.text, taken=taken, zipf=self.gazetteer.zipf, settings=self.settings.recognition
        )

    def run(
        self, articles: list[Article], *, progress: Callable[[int], None] | None = None
    ) -> tuple[Story, list[ArticleResult]]:
        """Process every article and tell the journey: places, roles, dated stops in order.

        ``progress`` is called with the number of articles read so far after each one (it may raise to stop
        the reading: the presenter's deadline does).

        Raises
        ------
        InputError
            When an article names too many places or the story has too many stops (``settings.limits``).
        """
        results = []
        for done, article in enumerate(articles, start=1):
            results.append(self.process(article))
            if progress is not None:
                progress(done)
        zipf = self.gazetteer.zipf
        dating = self.settings.dates
        published = infer_from_corpus(
            {a.name: publication_date(a, frequencies=zipf, settings=dating) for a in articles}, articles
        )
        person = find_traveller(
            articles,
            self.gazetteer,
            settings=self.settings.traveller,
            places=[r.mention.text for result in results for r in result.resolutions],
        )
        keys = traveller_keys(person)
        roles: list[MentionRole] = []
        for result in results:
            pub = published[result.article.name]
            first_year, last_year = dating.plausible_years  # outside: a typo, not an anchor
            date = pub.date if pub.date is not None and first_year <= pub.date.year <= last_year else None
            dates = find_dates(
                result.article, anchor=date, anchor_certainty=pub.certainty, frequencies=zipf, settings=dating
            )
            roles.extend(
                assign_roles(
                    result.article,
                    result.resolutions,
                    dates,
                    published=date,
                    traveller_keys=keys,
                    frequencies=zipf,
                    settings=self.settings.roles,
                    date_settings=dating,
                )
            )
        resolutions = [r for result in results for r in result.resolutions]
        story = assemble_story(articles, resolutions, roles, published=published, person=person, settings=self.settings)
        return story, results


def assemble_story(
    articles: Sequence[Article],
    resolutions: Sequence[Resolution],
    roles: list[MentionRole],
    *,
    published: dict[str, Published],
    person: Person | None,
    settings: Settings,
) -> Story:
    """The story of read articles: the stops their roles make, each with the sentence that shows it, and the places.

    Raises
    ------
    InputError
        When the story has more stops than ``settings.limits.max_stops``.
    """
    stops = build_stops(roles, published={name: p.date for name, p in published.items()}, settings=settings.timeline)
    most = settings.limits.max_stops
    if len(stops) > most:
        raise InputError(f"the story has {len(stops):,} stops, over the limit of {most:,}")
    stops = tuple(replace(stop, happened=presence_evidence(stop)) for stop in stops)
    lang, name = _title_language(story_language(a.language for a in articles), person)
    return Story(
        articles=tuple(articles),
        features=gather_features(list(resolutions)),
        stops=stops,
        roles=tuple(roles),
        published=published,
        traveller=person.name if person else None,
        traveller_names=person.names if person else (),
        title=story_title(name, stops, lang=lang),
    )


def _title_language(lang: str, person: Person | None) -> tuple[str, str | None]:
    """The language of the story's title and the traveller's name in it: the story's language (``lang``), unless
    the traveller is named only in the other script, which the title then follows (one script a title: not
    "Bachar el-Assad: أبوظبي – دبي", nor an Arabic name before "Ulan Bator, September 2023")."""
    if person is None:
        return lang, None
    if lang == "ar" and person.name_ar is None:
        return "en", person.name_latin or person.name
    if lang != "ar" and person.name_latin is None:
        return "ar", person.name_ar or person.name
    return lang, (person.name_ar if lang == "ar" else person.name_latin) or person.name
