/* Planspor, every page: a code block or table that has to scroll sideways
   becomes a focusable, labelled region, so keyboard users can scroll it. */
(function () {
  "use strict";
  function label(element) {
    return element.matches("pre, pre *") ? "Kodeeksempel" : "Tabel";
  }
  function mark() {
    document.querySelectorAll(".md-typeset pre > code, .md-typeset__scrollwrap").forEach(function (element) {
      if (element.scrollWidth > element.clientWidth + 1) {
        if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "0");
        if (!element.hasAttribute("role")) element.setAttribute("role", "region");
        if (!element.hasAttribute("aria-label")) element.setAttribute("aria-label", label(element) + " (kan rulles sidelæns)");
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
  window.addEventListener("resize", mark);
})();
