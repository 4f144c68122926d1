/* Planspor, every page: a code block or table that has to scroll sideways
   becomes a focusable, labelled region, so keyboard users can scroll it.
   The sizes are read when a ResizeObserver reports the content's size: the
   browser has just laid the page out, so reading costs nothing, where a read
   at any other moment would make it lay out the whole page once more (on a
   phone a long task of a quarter of a second). All reads come before any write. */
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
  function watch() {
    var content = document.querySelector(".md-content");
    if (content && typeof ResizeObserver === "function") {
      new ResizeObserver(mark).observe(content);  /* at the first layout, and when the width changes */
      return;
    }
    window.addEventListener("resize", mark);
    window.setTimeout(mark, 0);
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
  watch();
})();
