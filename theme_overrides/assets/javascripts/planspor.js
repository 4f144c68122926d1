/* Planspor, every page: a code block or table that has to scroll sideways
   becomes a focusable, labelled region, so keyboard users can scroll it.
   All sizes are read before any attribute is written, and only after the
   page has been laid out for its first paint: a read after a write would
   make the browser lay out a long page (the editors' guide) once more. */
(function () {
  "use strict";
  function label(element) {
    return element.matches("pre, pre *") ? "Kodeeksempel" : "Tabel";
  }
  function mark() {
    var candidates = document.querySelectorAll(".md-typeset pre > code, .md-typeset__scrollwrap");
    var scrolling = Array.prototype.filter.call(candidates, function (element) {
      return element.scrollWidth > element.clientWidth + 1;
    });
    scrolling.forEach(function (element) {
      if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "0");
      if (!element.hasAttribute("role")) element.setAttribute("role", "region");
      if (!element.hasAttribute("aria-label")) element.setAttribute("aria-label", label(element) + " (kan rulles sidelæns)");
    });
  }
  function afterFirstPaint() {
    window.requestAnimationFrame(function () { window.setTimeout(mark, 0); });
  }
  /* The editors' guide was one page: a link to one of its sections (/vejledning/#skift-status)
     goes on to the page the section is on now. */
  function followMovedAnchor() {
    var moved = document.getElementById("ps-moved-anchors");
    var anchor = decodeURIComponent(window.location.hash.slice(1));
    if (!moved || !anchor || document.getElementById(anchor)) return;
    var target = JSON.parse(moved.textContent)[anchor];
    if (typeof target === "string") window.location.replace(target);
  }
  followMovedAnchor();
  window.addEventListener("hashchange", followMovedAnchor);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", afterFirstPaint);
  else afterFirstPaint();
  window.addEventListener("resize", mark);
})();
