// Map page: admin-1 polygons shaded by claim counts, one circle per claimed
// place. Data comes from the page's API twins (/api/regions, /api/map).
// Popups are built with DOM text nodes so source text can never become markup.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var query = el.dataset.query ? "?" + el.dataset.query : "";
  var status = document.getElementById("map-status");
  var colors = { UA: "#1f5fbf", RU: "#c0392b", OTHER: "#7f8c8d" };
  var ramp = ["#f7f4f9", "#fde0dd", "#fcc5c0", "#fa9fb5", "#f768a1", "#dd3497", "#ae017e"];
  var map = L.map(el, { attributionControl: false, preferCanvas: false, zoomSnap: 0.25 }).setView([49.5, 36], 5);

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    });
  }
  function shade(n, max) {
    if (!n) return ramp[0];
    var i = Math.min(ramp.length - 1, 1 + Math.floor((ramp.length - 2) * Math.log(n) / Math.log(Math.max(max, 2))));
    return ramp[i];
  }
  function text(tag, value, cls) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (cls) node.className = cls;
    return node;
  }
  function link(href, label, cls) {
    var a = text("a", label, cls);
    a.href = href;
    return a;
  }
  function popupFor(p) {
    var box = document.createElement("div");
    box.className = "claim-popup";
    box.appendChild(text("strong", p.place || "?"));
    box.appendChild(document.createElement("br"));
    box.appendChild(text("span", p.claimant.party, "party party-" + p.claimant.party));
    box.appendChild(text("span", " " + p.claimant.name + ", " + (p.date || "undated")));
    var counts = (p.weapons || []).map(function (w) {
      return w.category + ": " + (w.launched == null ? "?" : w.launched) + " launched, " +
        (w.intercepted == null ? "?" : w.intercepted) + " intercepted";
    });
    if (counts.length) box.appendChild(text("div", counts.join("; ")));
    if (p.targets && p.targets.length) box.appendChild(text("div", "targets: " + p.targets.join(", ")));
    var links = document.createElement("div");
    if (p.incident_id) links.appendChild(link("/incidents/" + encodeURIComponent(p.incident_id), "incident →", "incident-link"));
    links.appendChild(link("/documents/" + encodeURIComponent(p.doc_id) + "#claim-" + p.id, "document →", "document-link"));
    box.appendChild(links);
    return box;
  }
  function drawScale(max) {
    var scale = document.getElementById("scale");
    scale.textContent = "";
    [0, 1, Math.ceil(max / 4), Math.ceil(max / 2), max].filter(function (v, i, a) { return a.indexOf(v) === i; })
      .forEach(function (v) {
        var row = document.createElement("div");
        row.className = "step";
        var sw = document.createElement("span");
        sw.className = "swatch";
        sw.style.background = shade(v, max);
        row.appendChild(sw);
        row.appendChild(text("span", v + " claims"));
        scale.appendChild(row);
      });
  }

  Promise.all([fetchJson("/api/regions"), fetchJson("/api/map" + query)]).then(function (res) {
    var regions = res[0], data = res[1];
    if (!data.ok) { status.textContent = data.body.error.message; return; }
    var counts = data.body.data.regions;
    var max = 0;
    Object.keys(counts).forEach(function (k) { max = Math.max(max, counts[k].claims || 0); });
    drawScale(max);
    var bounds = null;
    if (regions.ok && regions.body.features) {
      var layer = L.geoJSON(regions.body, {
        style: function (f) {
          var c = counts[f.properties.iso] || {};
          return { color: "#59636e", weight: 0.7, fillOpacity: 0.75, fillColor: shade(c.claims || 0, max), className: "region region-" + f.properties.iso };
        },
        onEachFeature: function (f, lyr) {
          var c = counts[f.properties.iso] || {};
          var label = (f.properties.name || f.properties.iso) + " (" + f.properties.iso + "): " + (c.claims || 0) +
            " claims (UA " + (c.UA || 0) + ", RU " + (c.RU || 0) + ")";
          lyr.bindTooltip(label, { sticky: true });
        }
      }).addTo(map);
      bounds = layer.getBounds();
    } else {
      status.textContent = "Region polygons unavailable: " + (regions.body.error ? regions.body.error.message : "?");
    }
    var markers = L.featureGroup();
    data.body.data.markers.features.forEach(function (f) {
      var p = f.properties;
      var m = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
        radius: 7, color: "#fff", weight: 1.5, fillColor: colors[p.claimant.party] || colors.OTHER, fillOpacity: 0.9,
        className: "claim-marker claim-marker-" + p.claimant.party
      });
      m.bindPopup(popupFor(p));
      markers.addLayer(m);
    });
    markers.addTo(map);
    var n = data.body.data.markers.features.length;
    if (regions.ok) {
      status.textContent = n + " claimed places shown" + (data.body.data.markers_truncated ? " (the newest claims only)" : "") + "." +
        (data.body.data.regions_complete ? "" : " Region shading counts part of the claims only: narrow the dates.");
    }
    if (bounds && bounds.isValid()) {
      map.fitBounds(bounds.pad(-0.25));
      if (n) map.setView([48.8, 34], 5.5);
    } else if (n) {
      map.fitBounds(markers.getBounds().pad(0.3));
    }
    el.dataset.ready = "1";
  }).catch(function (err) { status.textContent = "Could not load the map data: " + err; });
})();
