"""The presenter's scripts inside the map frame: keys handed to the page, flights between stops, the overview fitted.

The story map runs in streamlit-folium's frame. Two folium elements are added
to it by :func:`add_presenter_scripts`:

- :class:`KeyRelay`, run first (before the map page's own key handler): the
  frame never keeps ←, →, Space, Home or End; it hands them to the page's
  handler (``window.parent.__gsKey``, see :mod:`geo.presenter.stage`) and
  Leaflet's own keyboard panning is off.
- :class:`Flights`: when streamlit-folium moves the map to a new centre and
  zoom, the map flies there instead of jumping; the title view's centre is
  recognised and answered by fitting the whole route to the map's real size
  in the browser (and again when the frame is resized).
"""

from __future__ import annotations

import json
from typing import Any

from branca.element import MacroElement
from jinja2 import Template

__all__ = ["FLIGHT_SECONDS", "Flights", "KeyRelay", "add_presenter_scripts"]

#: How long a flight to a stop lasts (Leaflet's ``flyTo`` duration, seconds).
FLIGHT_SECONDS = 1.4

#: The keys the page handles (``KeyboardEvent.key`` values).
_KEYS = ["ArrowRight", "ArrowLeft", "Home", "End", " ", "Spacebar"]


class KeyRelay(MacroElement):
    """Hands the presenter's keys from the map frame to the page; turns Leaflet's keyboard panning off."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
          if (map.keyboard) { map.keyboard.disable(); }
          var keys = {{ this.keys }};
          window.addEventListener("keydown", function (e) {
            if (e.altKey || e.ctrlKey || e.metaKey || keys.indexOf(e.key) < 0) { return; }
            var t = e.target, tag = t && t.tagName;
            if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") { return; }
            e.preventDefault();
            e.stopImmediatePropagation();
            try { if (window.parent.__gsKey) { window.parent.__gsKey(e.key); } } catch (err) {}
          }, true);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "KeyRelay"
        self._id = "gs_keys"
        self.keys = json.dumps(_KEYS)


class Flights(MacroElement):
    """Flights between stops, and the title view fitted to the route in the browser.

    Parameters
    ----------
    bounds:
        ``[[south, west], [north, east]]`` of the whole route, in the map's (unwrapped) longitudes.
    overview:
        The centre ``(lat, lon)`` the presenter sends for the title view.
    max_zoom:
        The closest zoom of the title view.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
          var bounds = L.latLngBounds({{ this.bounds }});
          var overview = {{ this.overview }};
          var fit = {padding: [36, 36], maxZoom: {{ this.max_zoom }}};
          var own = false, shown = false, atOverview = true;
          var plain = L.Map.prototype.setView;
          function isOverview(c) {
            return Math.abs(c.lat - overview[0]) < 1e-5 && Math.abs(c.lng - overview[1]) < 1e-5;
          }
          function jump(still) {
            return still || (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
          }
          function go(c, zoom, still) {
            own = true;
            try {
              if (atOverview && jump(still)) { map.fitBounds(bounds, L.extend({animate: false}, fit)); }
              else if (atOverview) { map.flyToBounds(bounds, L.extend({duration: {{ this.seconds }}}, fit)); }
              else if (jump(still)) { plain.call(map, c, zoom, {animate: false}); }
              else { map.flyTo(c, zoom, {duration: {{ this.seconds }}}); }
            } finally { own = false; }
          }
          map.setView = function (center, zoom, options) {
            if (own) { return plain.call(this, center, zoom, options); }
            var c = L.latLng(center);
            atOverview = isOverview(c);
            go(c, zoom, !shown);
            shown = true;
            return this;
          };
          map.on("resize", function () { if (atOverview) { go(null, null, true); } });
          map.whenReady(function () { go(null, null, true); });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]], *, overview: tuple[float, float], max_zoom: int = 7) -> None:
        super().__init__()
        self._name = "Flights"
        self._id = "gs_flights"
        self.bounds = json.dumps(bounds)
        self.overview = json.dumps(list(overview))
        self.max_zoom = int(max_zoom)
        self.seconds = FLIGHT_SECONDS


def add_presenter_scripts(m: Any, *, bounds: list[list[float]], overview: tuple[float, float]) -> None:  # noqa: ANN401
    """Add :class:`KeyRelay` (first, before the map page's own key handler) and :class:`Flights` to the map ``m``."""
    relay = KeyRelay()
    m.add_child(relay)
    m._children.move_to_end(relay.get_name(), last=False)
    m.add_child(Flights(bounds, overview=overview))
