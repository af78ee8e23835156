// storyline report: client-side filters for the static file. Reads only data-* attributes and
// textContent, writes only .hidden and textContent: no HTML is ever built from data.
(function () {
  "use strict";
  var body = document.body;
  if (!body || body.getAttribute("data-mode") !== "static") { return; }
  var form = document.getElementById("filters");
  if (!form) { return; }
  function val(name) { var el = form.elements[name]; return el ? String(el.value || "").trim() : ""; }
  function inRange(iso, lo, hi) {
    if (!lo && !hi) { return true; }
    if (!iso) { return false; }
    return (!lo || iso >= lo) && (!hi || iso <= hi);
  }
  function hasActor(el, actor) {
    if (!actor) { return true; }
    return (" " + (el.getAttribute("data-actors") || "") + " ").indexOf(" " + actor + " ") >= 0;
  }
  function apply() {
    var q = val("q").toLowerCase(), actor = val("actor"), type = val("type"), outlet = val("outlet");
    var lo = val("date_from"), hi = val("date_to");
    var events = document.querySelectorAll("[data-event]");
    var eventDocsInRange = {};
    events.forEach(function (el) {
      if (inRange(el.getAttribute("data-date"), lo, hi)) { eventDocsInRange[el.getAttribute("data-doc")] = true; }
    });
    var visibleDocs = {}, nDocs = 0;
    document.querySelectorAll("[data-article]").forEach(function (el) {
      var id = el.getAttribute("id");
      var ok = (!outlet || el.getAttribute("data-outlet") === outlet) &&
        (!q || el.textContent.toLowerCase().indexOf(q) >= 0) &&
        hasActor(el, actor) &&
        (inRange(el.getAttribute("data-date"), lo, hi) || eventDocsInRange[id]);
      el.hidden = !ok;
      if (ok) { visibleDocs[id] = true; nDocs += 1; }
    });
    var nEvents = 0;
    events.forEach(function (el) {
      var ok = visibleDocs[el.getAttribute("data-doc")] === true &&
        (!type || el.getAttribute("data-type") === type) && hasActor(el, actor) &&
        inRange(el.getAttribute("data-date"), lo, hi);
      if (el.tagName.toLowerCase() === "tr") { el.hidden = !ok; if (ok) { nEvents += 1; } }
      else { el.style.display = ok ? "" : "none"; }
    });
    document.querySelectorAll("[data-quote]").forEach(function (el) {
      el.hidden = !(visibleDocs[el.getAttribute("data-doc")] === true && hasActor(el, actor) && !type);
    });
    var out = document.getElementById("filter-count");
    if (out) { out.textContent = nEvents + " events, " + nDocs + " articles shown"; }
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  // a link to evidence inside a hidden article must still show it
  window.addEventListener("hashchange", function () {
    var t = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    var art = t && t.closest ? t.closest("[data-article]") : null;
    if (art && art.hidden) { art.hidden = false; t.scrollIntoView(); }
  });
  apply();
})();
