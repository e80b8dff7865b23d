// reportparse review page: filter the findings by severity, code and project.
// The filter state lives in the URL hash (#severity=error&code=...&project=...&open=all) so a
// link, a bookmark or a test can set it. Plain JS, no network.
(function () {
  "use strict";
  var KEYS = ["severity", "code", "project"];

  function params() {
    return new URLSearchParams(window.location.hash.replace(/^#/, ""));
  }

  function apply() {
    var p = params();
    KEYS.forEach(function (key) {
      var select = document.getElementById("f-" + key);
      if (select) { select.value = p.get(key) || ""; }
    });
    var shown = 0, total = 0;
    document.querySelectorAll("tr.finding").forEach(function (row) {
      total += 1;
      var match = KEYS.every(function (key) {
        var wanted = p.get(key);
        return !wanted || row.getAttribute("data-" + key) === wanted;
      });
      row.hidden = !match;
      if (match) { shown += 1; }
      if (p.get("open") === "all" && match) {
        row.querySelectorAll("details.evidence").forEach(function (d) { d.open = true; });
      }
    });
    var count = document.getElementById("f-count");
    if (count) { count.textContent = "显示 " + shown + " / " + total + " 条"; }
  }

  function fromSelects() {
    var p = params();
    KEYS.forEach(function (key) {
      var select = document.getElementById("f-" + key);
      if (select && select.value) { p.set(key, select.value); } else { p.delete(key); }
    });
    window.location.hash = p.toString();
  }

  document.addEventListener("DOMContentLoaded", function () {
    KEYS.forEach(function (key) {
      var select = document.getElementById("f-" + key);
      if (select) { select.addEventListener("change", fromSelects); }
    });
    var reset = document.getElementById("f-reset");
    if (reset) { reset.addEventListener("click", function () { window.location.hash = ""; }); }
    window.addEventListener("hashchange", apply);
    apply();
  });
})();
