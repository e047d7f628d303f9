"""The presenter's logic, free of Streamlit: ``app.py`` lays out the page and calls these modules.

Everything here is plain Python over a :class:`~geo.story.document.StoryDoc`
(and folium for the map object), so it is unit-tested without a browser or a
Streamlit runtime.

- :mod:`geo.presenter.translations` — every interface string in English and
  Arabic, :func:`~geo.presenter.translations.tr` to look one up, roles and
  dates in words.
- :mod:`geo.presenter.navigation` — the stop index (0 is the title view), the
  buttons and keys, autoplay.
- :mod:`geo.presenter.mapview` — the map's centre and zoom per stop, the
  folium map made to draw offline in streamlit-folium, the route travelled
  so far.
- :mod:`geo.presenter.cards` — a stop's card, the title view, the timeline
  strip, the table of how the story was read.
- :mod:`geo.presenter.editing` — edits of the story: place, dates, caption,
  role, order, added and removed stops.
- :mod:`geo.presenter.geocoding` — the online geocoder setting (off by
  default) and the geocoder it gives the story build and the place search.
- :mod:`geo.presenter.uploads` — uploaded articles and ``story.json``, vetted.
- :mod:`geo.presenter.downloads` — ``story.json`` and every output to download.
"""

__all__: list[str] = []
