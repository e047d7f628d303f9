"""Streamlit view of the places the pipeline reads from the bundled corpus.

Run with ``streamlit run app.py``. It calls the same library code as
``python -m geo`` (no logic of its own beyond layout). The full presenter
(stops, dates, navigation, editing) comes with the story stage.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from geo.errors import GeoStoryError
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.pipeline import Pipeline, read_articles

__all__ = ["CORPUS", "place_rows", "main"]

CORPUS = Path(__file__).resolve().parent / "data" / "articles"


@st.cache_resource(show_spinner="Loading the gazetteer…")
def _gazetteer() -> Gazetteer:
    return load_gazetteer()


@st.cache_data(show_spinner="Reading the articles…")
def place_rows(folder: Path) -> list[dict]:
    """One row per place of the corpus in ``folder``: name, type, coordinates, mentions."""
    story, _ = Pipeline(_gazetteer()).run(read_articles(folder))
    return [
        {
            "place": f.place.name,
            "arabic": f.place.name_ar or "",
            "type": f.place.place_type,
            "lat": round(f.place.lat, 4),
            "lon": round(f.place.lon, 4),
            "mentions": len(f.resolutions),
            "articles": len({r.mention.article for r in f.resolutions}),
            "confidence": round(f.confidence, 2),
        }
        for f in story.features
    ]


def main() -> None:
    """Lay out the page."""
    st.set_page_config(page_title="geostory", layout="wide")
    st.title("Places in the news")
    st.caption(f"Corpus: {CORPUS.name}/ — read offline against GeoNames and the curated data layer.")
    try:
        rows = place_rows(CORPUS)
    except GeoStoryError as exc:
        st.error("The corpus could not be read:")
        st.code(str(exc), language=None)  # plain text: messages may quote article data
        return
    st.metric("Places found", len(rows))
    st.dataframe(rows, use_container_width=True, hide_index=True)


if __name__ == "__main__":
    main()
