/* Planspor: sort and filter the table of all items. Progressive enhancement:
   without JavaScript the table shows every item, and the stylesheet hides
   the filters (@media (scripting: none)). */
(function () {
  "use strict";

  function text(cell) {
    return cell.getAttribute("data-ps-value") || cell.textContent.trim();
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ps-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = th.getAttribute("data-ps-key") === "status";
        rows.sort(function (a, b) {
          var x = text(a.cells[index]), y = text(b.cells[index]);
          var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "da");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function makeFilterable(form) {
    var table = document.getElementById(form.getAttribute("data-ps-filters"));
    if (!table) return;
    var result = document.querySelector("[data-ps-result]");
    var count = table.querySelector("[data-ps-count]");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var wanted = {};
      form.querySelectorAll("select").forEach(function (select) { wanted[select.name] = select.value; });
      var shown = 0;
      rows.forEach(function (row) {
        var visible = Object.keys(wanted).every(function (key) {
          if (!wanted[key]) return true;
          var value = row.getAttribute("data-" + key) || "";
          return key === "committees" ? value.split(" ").indexOf(wanted[key]) >= 0 : value === wanted[key];
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      var message = shown === 1 ? "1 indsats vises" : shown + " indsatser vises";
      if (count) count.textContent = "(" + message + ")";
      if (result) result.textContent = shown === rows.length ? "" : message + " af " + rows.length + ".";
    }
    // The choices live in the address (?tema=…&udvalg=…), so a filtered list
    // can be shared, bookmarked and reloaded. Only known values are taken.
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    function remember() {
      var query = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var name = PARAMETERS[select.name] || select.name;
        if (select.value) query.set(name, select.value); else query.delete(name);
      });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }
    function restore() {
      var query = new URLSearchParams(window.location.search);
      var found = false;
      selects.forEach(function (select) {
        var value = query.get(PARAMETERS[select.name] || select.name);
        var known = value && Array.prototype.some.call(select.options, function (option) { return option.value === value; });
        if (known) { select.value = value; found = true; }
      });
      return found;
    }
    form.addEventListener("change", function () { apply(); remember(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(); remember(); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); remember(); });
    if (restore()) apply();
  }

  var PARAMETERS = { status: "status", theme: "tema", committees: "udvalg", kind: "type" };

  function init() {
    document.querySelectorAll("table[data-ps-sortable]").forEach(makeSortable);
    document.querySelectorAll("form[data-ps-filters]").forEach(makeFilterable);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
