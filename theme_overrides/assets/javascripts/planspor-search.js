/* Planspor: the search page. Pagefind's UI (Danish stemming) is loaded only
   here, and its index is fetched in small chunks as the visitor types. */
(function () {
  "use strict";
  function init() {
    var element = document.getElementById("ps-search");
    if (!element || typeof PagefindUI === "undefined") return;
    var ui = new PagefindUI({
      element: "#ps-search",
      bundlePath: element.getAttribute("data-ps-bundle"),
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      autofocus: false,
      translations: { placeholder: "Søg i planen" }
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
    var header = document.getElementById("ps-search-input");
    if (header && query) header.value = query;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
