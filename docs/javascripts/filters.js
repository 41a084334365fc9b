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
    // Each facet's items carry short codes in a one-letter attribute (data-t="0 3"); checkboxes carry the
    // readable value for the address and the code to match.
    var keys = {};
    Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-key]"), function (fieldset) {
      var box = fieldset.querySelector("input[type=checkbox]");
      if (box) keys[box.name] = fieldset.getAttribute("data-key");
    });
    var facets = Object.keys(keys);
    // Read every item's codes once. Filtering then puts only the matching items in the list: the browser
    // styles and lays out what is shown, not thousands of hidden items (5,000 items: well under 100 ms).
    var items = Array.prototype.slice.call(list.children).map(function (element) {
      var tags = {};
      facets.forEach(function (facet) {
        var value = element.getAttribute("data-" + keys[facet]) || "";
        tags[facet] = value ? value.split(" ") : [];
      });
      return { element: element, tags: tags };
    });

    function chosen() {
      var state = {};
      boxes.forEach(function (box) {
        if (box.checked) (state[box.name] = state[box.name] || []).push(box.getAttribute("data-code"));
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
      var shown = items.filter(function (item) {
        return matches(item, state);
      });
      var current = list.children;
      var same = current.length === shown.length;
      for (var i = 0; same && i < shown.length; i++) same = current[i] === shown[i].element;
      if (!same) {
        list.replaceChildren.apply(
          list,
          shown.map(function (item) {
            return item.element;
          })
        );
      }
      shown = shown.length;
      var filtered = Object.keys(state).length > 0;
      if (count) {
        count.textContent = filtered
          ? "Showing " + shown + " of " + items.length + " " + noun + "."
          : items.length + " " + noun + ".";
      }
      if (empty) empty.hidden = shown > 0;
      return state;
    }

    function query() {
      var params = new URLSearchParams();
      boxes.forEach(function (box) {
        if (box.checked) params.append(box.name, box.value);
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
      apply();
      var next = query();
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
