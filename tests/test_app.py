"""The Streamlit app runs the library on the bundled corpus (AppTest, no browser)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def test_app_lists_the_places_of_the_bundled_corpus(gazetteer) -> None:  # noqa: ANN001
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    assert app.title[0].value == "Places in the news"
    frame = app.dataframe[0].value
    assert len(frame) == int(app.metric[0].value) > 5
    assert {"city", "country"} <= set(frame["type"])
    assert frame["confidence"].between(0, 1).all()
