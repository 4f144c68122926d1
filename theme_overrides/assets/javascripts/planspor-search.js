/* Planspor: the search page. Pagefind's UI (Danish stemming) is loaded only
   here, and its index is fetched in small chunks as the visitor types.
   An item's result shows its status and theme (the item page's Pagefind
   metadata: status, status_id, status_icon, tema) above its excerpt. */
(function () {
  "use strict";
  function escaped(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function token(text) {
    return /^[a-z0-9-]+$/.test(text || "") ? text : "";
  }
  function itemFacts(meta, icons) {
    var facts = [];
    if (meta.status) {
      var id = token(meta.status_id), icon = token(meta.status_icon);
      facts.push(
        '<span class="ps-badge' + (id ? " ps-s-" + id : "") + '">' +
          (icon ? '<svg class="ps-badge__icon" aria-hidden="true" focusable="false"><use href="' + escaped(icons + "#ps-icon-" + icon) + '"></use></svg>' : "") +
          '<span class="ps-badge__label">' + escaped(meta.status) + "</span></span>"
      );
    }
    if (meta.tema) facts.push('<span class="ps-search-result__theme">Tema: ' + escaped(meta.tema) + "</span>");
    return facts.length ? '<span class="ps-search-result__facts">' + facts.join(" ") + "</span> " : "";
  }
  function init() {
    var element = document.getElementById("ps-search");
    if (!element || typeof PagefindUI === "undefined") return;
    var icons = element.getAttribute("data-ps-icons") || "";
    var ui = new PagefindUI({
      element: "#ps-search",
      bundlePath: element.getAttribute("data-ps-bundle"),
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      autofocus: false,
      translations: { placeholder: "Søg i planen" },
      processResult: function (result) {
        var meta = result.meta || {};
        result.excerpt = itemFacts(meta, icons) + result.excerpt;
        // Shown above the excerpt: not again as Pagefind's tags ("Status_id: i-gang").
        ["status", "status_id", "status_icon", "tema"].forEach(function (key) { delete meta[key]; });
        return result;
      }
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
    var header = document.getElementById("ps-search-input");
    if (header && query) header.value = query;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
