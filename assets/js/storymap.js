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

  function drawOutlines(map, control, basemap, ui) {
    var paneName = "sm-basemap";
    var pane = map.createPane(paneName);
    pane.style.zIndex = "150"; // below the tiles (200): online tiles cover it, offline it shows
    pane.style.pointerEvents = "none";

    function draw(topo) {
      if (!topo || !window.topojson || !topo.objects || !topo.objects.countries) return;
      var geo = window.topojson.feature(topo, topo.objects.countries);
      var layer = L.geoJSON(geo, {
        pane: paneName,
        renderer: L.canvas({ pane: paneName, padding: 0.5 }),
        interactive: false,
        style: function () {
          return { color: "#a7b0ba", weight: 0.7, fillColor: "#f6f4ee", fillOpacity: 1 };
        },
      });
      layer.addTo(map);
      if (control) control.addOverlay(layer, ui.outlines || "Country outlines (offline)");
    }

    if (basemap.inline) {
      try {
        draw(readJson(basemap.inline));
      } catch (err) {
        // A broken outline block must not stop the story: the map works without it.
      }
      return Promise.resolve();
    }
    if (basemap.url && window.fetch) {
      var options = basemap.integrity ? { integrity: basemap.integrity } : {};
      return window
        .fetch(basemap.url, options)
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(draw)
        .catch(function () {
          return null; // offline: tiles and outlines are both missing, the story still reads
        });
    }
    return Promise.resolve();
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
        announce(stops[total - 1].label + ". Last stop.");
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
    listButtons.forEach(function (btn) {
      btn.addEventListener("click", function () {
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

    setCurrent(0, "init");
    drawOutlines(map, refs.control, data.basemap || {}, ui).then(markReady, markReady);
  }

  window.StoryMap = { init: init };
})();
