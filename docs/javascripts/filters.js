/* Facet filters for lists rendered in full as HTML (the catalog, the programs directory).
 *
 * Without this script the page is the complete, linked list. With it, checkboxes narrow the list:
 * values within one facet are alternatives (OR), facets combine (AND). The state lives in the address
 * (?topic=a&year=2019), so a filtered view can be bookmarked and shared, and back/forward work.
 * No network request, no framework.
 */
(function () {
  "use strict";

  function setUp(root) {
    var form = root.querySelector("[data-hub-filter-form]");
    var list = root.querySelector("[data-hub-items]");
    if (!form || !list) return;
    var count = root.querySelector("[data-hub-count]");
    var empty = root.querySelector("[data-hub-empty]");
    var noun = root.getAttribute("data-noun") || "items";
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var facets = [];
    boxes.forEach(function (box) {
      if (facets.indexOf(box.name) < 0) facets.push(box.name);
    });
    // Read every item's tags once; filtering then touches only the `hidden` property.
    var items = Array.prototype.slice.call(list.children).map(function (element) {
      var tags = {};
      facets.forEach(function (facet) {
        var value = element.getAttribute("data-" + facet) || "";
        tags[facet] = value ? value.split(" ") : [];
      });
      return { element: element, tags: tags };
    });

    function chosen() {
      var state = {};
      boxes.forEach(function (box) {
        if (box.checked) (state[box.name] = state[box.name] || []).push(box.value);
      });
      return state;
    }

    function matches(item, state) {
      for (var facet in state) {
        var wanted = state[facet];
        var has = item.tags[facet];
        var any = false;
        for (var i = 0; i < wanted.length && !any; i++) any = has.indexOf(wanted[i]) >= 0;
        if (!any) return false;
      }
      return true;
    }

    function apply() {
      var state = chosen();
      var shown = 0;
      items.forEach(function (item) {
        var visible = matches(item, state);
        if (item.element.hidden === visible) item.element.hidden = !visible;
        if (visible) shown++;
      });
      var filtered = Object.keys(state).length > 0;
      if (count) {
        count.textContent = filtered
          ? "Showing " + shown + " of " + items.length + " " + noun + "."
          : items.length + " " + noun + ".";
      }
      if (empty) empty.hidden = shown > 0;
      return state;
    }

    function query(state) {
      var params = new URLSearchParams();
      facets.forEach(function (facet) {
        (state[facet] || []).forEach(function (value) {
          params.append(facet, value);
        });
      });
      var text = params.toString();
      return text ? "?" + text : location.pathname;
    }

    function fromAddress() {
      var params = new URLSearchParams(location.search);
      boxes.forEach(function (box) {
        box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
      });
    }

    form.addEventListener("change", function () {
      var state = apply();
      var next = query(state);
      if (next !== location.search && !(next === location.pathname && !location.search)) {
        history.pushState(null, "", next + location.hash);
      }
    });
    form.addEventListener("reset", function () {
      // Let the browser clear the boxes first, then filter and record the cleared state.
      setTimeout(function () {
        apply();
        if (location.search) history.pushState(null, "", location.pathname + location.hash);
      }, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    window.addEventListener("popstate", function () {
      fromAddress();
      apply();
    });

    form.hidden = false;
    fromAddress();
    var state = apply();
    // On a phone the facets would push the list far down: fold them unless a filter is already on.
    var panel = form.querySelector("details");
    if (panel && !Object.keys(state).length && window.matchMedia("(max-width: 44.9375em)").matches) {
      panel.open = false;
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-hub-filter]"), setUp);
})();
