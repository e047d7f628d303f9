"""The pipeline: articles in, resolved place mentions out, one article at a time.

``Pipeline`` wires the stages together (ingest → recognition → relative
locations → resolution → story) around one loaded gazetteer, so that a
caller (the command line, the Streamlit app, a test) runs exactly the same
code path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from geo.errors import InputError
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.ingest import read_article_file, read_corpus
from geo.model import Article, Mention, Resolution, Story
from geo.recognize import Recognizer
from geo.relative import find_relative
from geo.resolve import Resolver, Weights
from geo.story import gather_features

__all__ = ["ArticleResult", "Pipeline", "read_articles"]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the pipeline found in one article."""

    article: Article
    mentions: tuple[Mention, ...]
    resolutions: tuple[Resolution, ...]


def read_articles(path: Path) -> list[Article]:
    """Articles from a folder (every article file in it) or from one file.

    Raises
    ------
    InputError
        When ``path`` does not exist.
    """
    path = Path(path)
    if path.is_dir():
        return read_corpus(path)
    if path.is_file():
        return read_article_file(path)
    raise InputError(f"no such file or folder: {path}")


class Pipeline:
    """Runs the stages with one gazetteer.

    Parameters
    ----------
    gazetteer:
        A loaded gazetteer (default: :func:`~geo.gazetteer.load_gazetteer`).
    weights:
        Resolution weights (default: the tuned ones).
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, weights: Weights | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.recognizer = Recognizer(self.gazetteer)
        self.resolver = Resolver(self.gazetteer, weights=weights)

    def process(self, article: Article) -> ArticleResult:
        """Recognise and resolve the places of one article."""
        mentions = self.recognizer.find(article)
        mentions.extend(find_relative(article, mentions))
        mentions.sort(key=lambda m: (m.start, m.end))
        resolutions = self.resolver.resolve(mentions, language=article.language)
        return ArticleResult(article=article, mentions=tuple(mentions), resolutions=tuple(resolutions))

    def run(self, articles: list[Article]) -> tuple[Story, list[ArticleResult]]:
        """Process every article and gather their places into a story."""
        results = [self.process(article) for article in articles]
        features = gather_features([r for result in results for r in result.resolutions])
        return Story(articles=tuple(articles), features=features), results
