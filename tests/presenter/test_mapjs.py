"""The presenter's scripts inside the map frame: keys handed to the page, flights, the overview fitted."""

from __future__ import annotations

from geo.presenter.mapjs import Flights, KeyRelay
from geo.presenter.mapview import map_for_app
from geo.story.document import StoryDoc


def test_the_key_relay_runs_before_the_page_handler_and_flights_are_added(doc: StoryDoc) -> None:
    m = map_for_app(doc)
    children = list(m._children.values())
    assert isinstance(children[0], KeyRelay)  # before the map page's own key handler (StoryControls)
    assert any(isinstance(child, Flights) for child in children)
    html = m.get_root().render()
    assert "keyboard.disable()" in html and "window.parent.__gsKey" in html
    assert "flyTo(" in html and "flyToBounds(" in html and "fitBounds(" in html


def test_flights_know_the_route_and_the_title_view() -> None:
    flights = Flights([[39.0, 125.0], [52.0, 138.0]], overview=(45.1, 131.5))
    assert flights.bounds == "[[39.0, 125.0], [52.0, 138.0]]" and flights.overview == "[45.1, 131.5]"
