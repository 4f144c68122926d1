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
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", afterFirstPaint);
  else afterFirstPaint();
  window.addEventListener("resize", mark);
})();
