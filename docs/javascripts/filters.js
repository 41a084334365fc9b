/* Facet filters, a keyword box and a sort for lists rendered in full as HTML (the catalog, the programs table).
 *
 * Without this script the page is the complete, linked list. With it, checkboxes narrow the list: values within
 * one facet are alternatives (OR), facets combine (AND), and the keyword must appear in the item's text. Each
 * option shows how many items it would leave with the other choices, and an option that would leave none is
 * disabled, so no click leads to an empty list. The state lives in the address (?topic=a&year=2019&q=grief),
 * so a view can be bookmarked and shared, and back/forward work. On a phone the facets open as a drawer over
 * the page; its "Show N results" button closes it. No network request, no framework. Its words come from the
 * message catalog (javascripts/i18n.js): the same sentences the page was written with.
 *
 * A list that a script fills in the page (My learning) sends the event "hub-filter-refresh" to the root once its
 * items (and any options it added) are in place: the items and options are read again, and the address applied.
 */
(function () {
  "use strict";

  var t = window.hubT;
  var tn = window.hubTn;
  var PHONE = "(max-width: 44.9375em)";
  // What a list counts, by its data-noun: all of them, or some of them once a filter is on.
  var COUNTS = {
    trainings: {
      all: function (total) {
        return tn("%(num)s training or session", "%(num)s trainings and sessions", total);
      },
      some: function (shown, total) {
        return tn(
          "Showing %(shown)s of %(num)s training or session",
          "Showing %(shown)s of %(num)s trainings and sessions",
          total,
          { shown: shown }
        );
      },
    },
    programs: {
      all: function (total) {
        return tn("%(num)s program", "%(num)s programs", total);
      },
      some: function (shown, total) {
        return tn("Showing %(shown)s of %(num)s program", "Showing %(shown)s of %(num)s programs", total, {
          shown: shown,
        });
      },
    },
    kept: {
      all: function (total) {
        return tn("%(num)s item kept in this browser", "%(num)s items kept in this browser", total);
      },
      some: function (shown, total) {
        return tn(
          "Showing %(shown)s of %(num)s item kept in this browser",
          "Showing %(shown)s of %(num)s items kept in this browser",
          total,
          { shown: shown }
        );
      },
    },
  };

  function setUp(root) {
    var form = root.querySelector("[data-hub-filter-form]");
    var list = root.querySelector("[data-hub-items]");
    if (!form || !list) return;
    var count = root.querySelector("[data-hub-count]");
    var empty = root.querySelector("[data-hub-empty]");
    var keyword = form.querySelector("[data-hub-keyword]");
    var sort = form.querySelector("[data-hub-sort]");
    var panel = form.querySelector("details");
    var showButton = form.querySelector("[data-hub-show]");
    var onBadge = form.querySelector("[data-hub-on]");
    var counts = COUNTS[root.getAttribute("data-noun")] || COUNTS.programs;
    var boxes, keys, facets, items;

    // Each facet's items carry short codes in a one-letter attribute (data-t="0 3"); checkboxes carry the
    // readable value for the address and the code to match. Every item is read once: its codes, its text for
    // the keyword, its title for A-Z, its place in the page.
    function read() {
      boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
      keys = {};
      Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-key]"), function (fieldset) {
        var box = fieldset.querySelector("input[type=checkbox]");
        if (box) keys[box.name] = fieldset.getAttribute("data-key");
      });
      facets = Object.keys(keys);
      items = Array.prototype.slice.call(list.children).map(function (element, index) {
        var tags = {};
        facets.forEach(function (facet) {
          var value = element.getAttribute("data-" + keys[facet]) || "";
          tags[facet] = value ? value.split(" ") : [];
        });
        var title = element.querySelector(".hub-card__title") || element.querySelector("a");
        return {
          element: element,
          tags: tags,
          index: index,
          text: element.textContent.toLowerCase(),
          title: title ? title.textContent.trim() : "",
          watchable: element.hasAttribute("data-w"),
        };
      });
    }
    // The catalog also says how many of the shown items have a recording to watch.
    var countsWatchable = root.hasAttribute("data-hub-watch");

    function chosen() {
      var state = {};
      boxes.forEach(function (box) {
        if (box.checked) (state[box.name] = state[box.name] || []).push(box.getAttribute("data-code"));
      });
      return state;
    }

    function words() {
      return keyword ? keyword.value.trim().toLowerCase().split(/\s+/).filter(Boolean) : [];
    }

    function matches(item, state, terms, skipFacet) {
      for (var facet in state) {
        if (facet === skipFacet) continue;
        var wanted = state[facet];
        var has = item.tags[facet];
        var any = false;
        for (var i = 0; i < wanted.length && !any; i++) any = has.indexOf(wanted[i]) >= 0;
        if (!any) return false;
      }
      for (var j = 0; j < terms.length; j++) if (item.text.indexOf(terms[j]) < 0) return false;
      return true;
    }

    function ordered(shown) {
      var option = sort ? sort.options[sort.selectedIndex] : null;
      var how = option ? option.value : "";
      if (!how) return shown;
      var facetKey = option.getAttribute("data-sort-facet");
      var copy = shown.slice();
      copy.sort(function (a, b) {
        if (facetKey) {
          var left = parseInt(a.element.getAttribute("data-" + facetKey) || "zz", 36);
          var right = parseInt(b.element.getAttribute("data-" + facetKey) || "zz", 36);
          if (left !== right) return left - right;
          return a.index - b.index;
        }
        return a.title.localeCompare(b.title, undefined, { sensitivity: "base" }) || a.index - b.index;
      });
      return copy;
    }

    // What each option would leave with the other facets' choices and the keyword: shown beside it, and an
    // option that would leave nothing is disabled (unless it is checked, so it can always be unchecked).
    function updateOptions(state, terms) {
      facets.forEach(function (facet) {
        var counts = {};
        items.forEach(function (item) {
          if (!matches(item, state, terms, facet)) return;
          item.tags[facet].forEach(function (code) {
            counts[code] = (counts[code] || 0) + 1;
          });
        });
        boxes.forEach(function (box) {
          if (box.name !== facet) return;
          var n = counts[box.getAttribute("data-code")] || 0;
          var label = box.parentNode.querySelector("[data-hub-option-count]");
          if (label) label.textContent = "(" + n + ")";
          box.disabled = n === 0 && !box.checked;
          box.parentNode.classList.toggle("hub-facet__option--none", box.disabled);
        });
      });
    }

    function apply() {
      var state = chosen();
      var terms = words();
      var shown = ordered(
        items.filter(function (item) {
          return matches(item, state, terms, null);
        })
      );
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
      var on = Object.keys(state).reduce(function (total, facet) {
        return total + state[facet].length;
      }, 0) + (terms.length ? 1 : 0);
      var filtered = on > 0;
      if (count) {
        var text = filtered ? counts.some(shown.length, items.length) : counts.all(items.length);
        if (countsWatchable) {
          var watchable = shown.filter(function (item) {
            return item.watchable;
          }).length;
          text = watchable
            ? tn("%(list)s, %(num)s with a recording to watch", "%(list)s, %(num)s with a recording to watch", watchable, {
                list: text,
              })
            : t("%(list)s, none with a recording to watch", { list: text });
        }
        count.textContent = text + ".";
      }
      if (empty) empty.hidden = shown.length > 0;
      if (showButton) showButton.textContent = tn("Show %(num)s result", "Show %(num)s results", shown.length);
      if (onBadge) onBadge.textContent = on ? tn("(%(num)s on)", "(%(num)s on)", on) : "";
      updateOptions(state, terms);
      return on;
    }

    function query() {
      var params = new URLSearchParams();
      boxes.forEach(function (box) {
        if (box.checked) params.append(box.name, box.value);
      });
      if (keyword && keyword.value.trim()) params.append("q", keyword.value.trim());
      if (sort && sort.value) params.append("sort", sort.value);
      var text = params.toString();
      return text ? "?" + text : location.pathname;
    }

    function remember(replace) {
      var next = query();
      if (next === location.search || (next === location.pathname && !location.search)) return;
      if (replace) history.replaceState(null, "", next + location.hash);
      else history.pushState(null, "", next + location.hash);
    }

    function fromAddress() {
      var params = new URLSearchParams(location.search);
      boxes.forEach(function (box) {
        box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
      });
      if (keyword) keyword.value = params.get("q") || "";
      if (sort) {
        sort.value = params.get("sort") || "";
        if (sort.selectedIndex < 0) sort.value = "";
      }
    }

    function clearAll() {
      boxes.forEach(function (box) {
        box.checked = false;
      });
      if (keyword) keyword.value = "";
      apply();
      remember(false);
    }

    function isDrawer() {
      return window.matchMedia(PHONE).matches;
    }

    function closeDrawer() {
      if (!panel || !isDrawer()) return;
      panel.open = false;
      document.documentElement.classList.remove("hub-drawer-open");
      (count || panel.querySelector("summary")).focus({ preventScroll: false });
    }

    form.addEventListener("change", function (event) {
      if (event.target === keyword) return;
      apply();
      remember(false);
    });
    if (keyword) {
      keyword.addEventListener("input", function () {
        apply();
        remember(true);
      });
    }
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      clearAll();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      closeDrawer();
    });
    if (empty) {
      var clear = empty.querySelector("[data-hub-clear]");
      if (clear) clear.addEventListener("click", clearAll);
    }
    if (showButton) showButton.addEventListener("click", closeDrawer);
    if (panel) {
      panel.addEventListener("toggle", function () {
        var drawer = panel.open && isDrawer();
        document.documentElement.classList.toggle("hub-drawer-open", drawer);
        if (drawer) {
          var first = panel.querySelector("input:not([disabled])");
          if (first) first.focus();
        }
      });
      panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && panel.open && isDrawer()) {
          event.preventDefault();
          closeDrawer();
        }
      });
    }
    window.addEventListener("popstate", function () {
      fromAddress();
      apply();
    });

    root.addEventListener("hub-filter-refresh", function () {
      read();
      fromAddress();
      apply();
    });

    if (count) count.setAttribute("tabindex", "-1"); // the drawer's "Show N results" moves the focus here
    read();
    fromAddress();
    apply();
    // On a phone the facets are a drawer: closed until asked for, so the list is what a person sees first.
    if (panel && isDrawer()) panel.open = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-hub-filter]"), setUp);
})();
