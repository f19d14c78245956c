// Timeline page: claimed launched / intercepted per day, one chart per
// claimant party, and verdicts per day by alleged violator; data from the
// page's API twin (/api/timeline).
(function () {
  "use strict";
  var root = document.getElementById("timeline");
  var query = root.dataset.query ? "?" + root.dataset.query : "";
  var status = document.getElementById("timeline-status");
  // party accused = hue (UA blue, RU red), verdict strength = shade
  var verdictColors = {
    RU: { corroborated: "#a93226", alleged: "#e6776b", disputed: "#f5c6c0" },
    UA: { corroborated: "#1a4f9c", alleged: "#5d9be0", disputed: "#b9d4f2" },
    OTHER: { corroborated: "#566573", alleged: "#95a5a6", disputed: "#d5dbdb" }
  };

  function countsChart(id, days, labels) {
    // every party's chart uses the same days, so the charts line up
    return new Chart(document.getElementById(id), {
      type: "bar",
      data: {
        labels: labels,
        datasets: [
          { label: "launched (claimed)", data: labels.map(function (d) { return days[d] ? days[d].launched : 0; }), backgroundColor: "#5d6d7e" },
          { label: "intercepted (claimed)", data: labels.map(function (d) { return days[d] ? days[d].intercepted : 0; }), backgroundColor: "#48c9b0" },
          { label: "claims", type: "line", yAxisID: "y2", data: labels.map(function (d) { return days[d] ? days[d].claims : 0; }), borderColor: "#f39c12", backgroundColor: "#f39c12" }
        ]
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, title: { display: true, text: "weapons" } }, y2: { position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 }, title: { display: true, text: "claims" } } } }
    });
  }

  function verdictChart(allRows) {
    // verdicts without an alleged violator (outside scope, not in force) would drown the chart
    var rows = allRows.filter(function (r) { return r.violator !== "none"; });
    var days = Array.from(new Set(rows.map(function (r) { return r.date; }))).sort();
    var keys = Array.from(new Set(rows.map(function (r) { return r.violator + " · " + r.verdict; }))).sort();
    var datasets = keys.map(function (key) {
      var parts = key.split(" · ");
      return {
        label: key, stack: parts[0],
        backgroundColor: (verdictColors[parts[0]] || verdictColors.OTHER)[parts[1]] || "#999",
        data: days.map(function (d) {
          var hit = rows.find(function (r) { return r.date === d && r.violator + " · " + r.verdict === key; });
          return hit ? hit.count : 0;
        })
      };
    });
    return new Chart(document.getElementById("chart-verdicts"), {
      type: "bar", data: { labels: days, datasets: datasets },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); });
  }

  Promise.all([getJson("/api/timeline" + query), getJson("/api/timeline/verdicts" + query)])
    .then(function (res) {
      var counts = res[0], verdicts = res[1];
      if (!counts.ok) { status.textContent = counts.error.message; return; }
      if (!verdicts.ok) { status.textContent = verdicts.error.message; return; }
      var byParty = counts.data.by_party;
      var allDays = Array.from(new Set([].concat(Object.keys(byParty.UA || {}), Object.keys(byParty.RU || {})))).sort();
      ["UA", "RU"].forEach(function (p) { countsChart("chart-" + p, byParty[p] || {}, allDays); });
      verdictChart(verdicts.data.verdicts);
      status.textContent = counts.data.rows.length + " timeline rows over " + allDays.length + " days; " +
        verdicts.data.verdicts.length + " verdict rows.";
      root.dataset.ready = "1";
    })
    .catch(function (err) { status.textContent = "Could not load the timeline: " + err; });
})();
