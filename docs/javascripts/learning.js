/* My learning, kept on this device: what a person saved for later and the trainings they marked as watched.
 *
 * One localStorage entry, "hub-learning", holds the whole record as JSON:
 *   { "format": "hub-learning-record", "version": 1,
 *     "items": { "training:team-debrief": { "title": "…", "path": "trainings/team-debrief/", "presenters": ["…"],
 *                                           "saved": "2025-03-14", "watched": { "on": "2025-03-14", "minutes": 48 } } },
 *     "name": "…" }
 * The key of an item is its kind and id (macros/content/learning.py), never its title or address. Title, address
 * and presenters are a copy taken when the item was kept, so an item that leaves the site is still shown, and can
 * still be certified, as it was. `name` is there only when the person ticks "Remember my name".
 *
 * A later release that changes this shape adds a step to UPGRADES (from version n to n + 1), so it reads what is
 * kept today; a record written by a newer release than this page is left exactly as it is. Every entry, kept or
 * imported, is checked field by field, since a file can come from anywhere. A full storage or a browser that keeps
 * nothing gets a sentence saying so, and what was kept before is not touched.
 *
 * On an item's page (data-hub-learn) this script runs Save for later and Mark as watched; the My learning pages
 * use `window.hubLearning` (my-learning.js). Storage and files go through device.js. No network request.
 * Its words come from the message catalog (javascripts/i18n.js); dates and numbers are written in the page's language
 * (`<html lang>`), and what is kept is the same in every language.
 */
(function () {
  "use strict";

  var t = window.hubT;
  var tn = window.hubTn;

  var device = window.hubDevice;
  if (!device) return;

  var KEY = "hub-learning";
  var FORMAT = "hub-learning-record";
  var VERSION = 1;
  /* From a version to the next: { 1: function (record) { …; record.version = 2; return record; } }. */
  var UPGRADES = {};
  var ITEM_KEY = /^(training|session|series|program|service|action-plan):[a-z0-9][a-z0-9-]{0,99}(\/[1-9][0-9]{0,2})?$/;
  var PATH = /^([a-z0-9][a-z0-9-]{0,99}\/){1,3}$/;
  var MAX_MINUTES = 24 * 60;

  /* The page's language, for its dates and numbers. English pages write dates as the rest of the site does:
     14 March 2025 (British order); a Spanish page gets 14 de marzo de 2025. */
  var LOCALE = (function () {
    var lang = document.documentElement.lang || "en";
    if (/^en\b/i.test(lang)) return "en-GB";
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([lang]).length ? lang : "en-GB";
    } catch (error) {
      return "en-GB";
    }
  })();

  function number(value, digits) {
    return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(value);
  }

  function pad(value) {
    return (value < 10 ? "0" : "") + value;
  }

  /* A local date as YYYY-MM-DD, the form date inputs and the record use. */
  function isoDate(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function today() {
    return isoDate(new Date());
  }

  function parts(value) {
    return value.split("-").map(Number);
  }

  /* A real day from 1980 (as every date of the site) up to tomorrow (a file from a time zone ahead of this one). */
  function isDate(value) {
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    var p = parts(value);
    var day = new Date(Date.UTC(p[0], p[1] - 1, p[2]));
    var tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    return day.getUTCMonth() === p[1] - 1 && day.getUTCDate() === p[2] && value >= "1980-01-01" && value <= isoDate(tomorrow);
  }

  function isMinutes(value) {
    return typeof value === "number" && Math.floor(value) === value && value >= 1 && value <= MAX_MINUTES;
  }

  /* 14 March 2025: every date shown goes through here. */
  function formatDate(value) {
    var p = parts(value);
    var format = new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    return format.format(new Date(Date.UTC(p[0], p[1] - 1, p[2])));
  }

  function hours(minutes) {
    return Math.round((minutes / 60) * 100) / 100;
  }

  /* "48 minutes (0.8 hours)", or that no length was given. */
  function formatLength(minutes) {
    if (!minutes) return t("Length not given");
    var inHours = hours(minutes);
    var counted = {
      minutes: tn("%(num)s minute", "%(num)s minutes", minutes, { num: number(minutes, 0) }),
      hours: tn("%(num)s hour", "%(num)s hours", inHours, { num: number(inHours, 2) }),
    };
    return t("%(minutes)s (%(hours)s)", counted);
  }

  /* Text from a record or a file: a string without control characters, at most `limit` long, or "". */
  function text(value, limit) {
    if (typeof value !== "string") return "";
    var clean = value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, " ").replace(/\s+/g, " ").trim();
    return clean.length <= limit ? clean : "";
  }

  function blank() {
    return { format: FORMAT, version: VERSION, items: {} };
  }

  /* The entry as it may be kept, or null when it is not one. */
  function cleanEntry(key, entry) {
    if (!ITEM_KEY.test(key) || !entry || typeof entry !== "object") return null;
    var clean = { title: text(entry.title, 300) };
    if (!clean.title) return null;
    if (typeof entry.path === "string" && PATH.test(entry.path)) clean.path = entry.path;
    if (Array.isArray(entry.presenters)) {
      var names = entry.presenters.map(function (name) {
        return text(name, 200);
      });
      names = names.filter(Boolean).slice(0, 20);
      if (names.length) clean.presenters = names;
    }
    if (isDate(entry.saved)) clean.saved = entry.saved;
    var watched = entry.watched;
    if (watched && typeof watched === "object" && isDate(watched.on)) {
      clean.watched = { on: watched.on };
      if (isMinutes(watched.minutes)) clean.watched.minutes = watched.minutes;
    }
    return clean.saved || clean.watched ? clean : null;
  }

  /* `data` brought to this version: { record }, or { newer: true }, or { error: true } when it is not a record. */
  function upgrade(data) {
    if (!data || typeof data !== "object" || data.format !== FORMAT) return { error: true };
    var version = data.version;
    if (typeof version !== "number" || Math.floor(version) !== version || version < 1) return { error: true };
    if (version > VERSION) return { newer: true };
    var record = data;
    while (record.version < VERSION) record = UPGRADES[record.version](record);
    return { record: record };
  }

  /* `data` as a record of this version with every entry checked: { record, skipped }, or what upgrade says. */
  function check(data) {
    var result = upgrade(data);
    if (!result.record) return result;
    var given = result.record.items;
    if (!given || typeof given !== "object" || Array.isArray(given)) given = {};
    var record = blank();
    var skipped = 0;
    Object.keys(given).forEach(function (key) {
      var entry = cleanEntry(key, given[key]);
      if (entry) record.items[key] = entry;
      else skipped += 1;
    });
    var name = text(result.record.name, 120);
    if (name) record.name = name;
    return { record: record, skipped: skipped };
  }

  /* What is kept now: { record }, with `locked` (the sentence to show) when this page must not write over it. */
  function load() {
    var stored = device.read(KEY);
    if (stored === null) return { record: blank() };
    var result;
    try {
      result = check(JSON.parse(stored));
    } catch (error) {
      result = { error: true };
    }
    if (result.record) return { record: result.record };
    var locked = result.newer
      ? t("Your record was saved by a newer version of this site, so this page leaves it exactly as it is. Reload the page to use the newer version.")
      : t("The record kept in this browser could not be read, so this page leaves it exactly as it is.");
    return { record: blank(), locked: locked };
  }

  /* Keep `record`; null when it was kept, else the sentence to show (and what was kept before is unchanged). */
  function save(record) {
    var current = load();
    if (current.locked) return current.locked;
    var kept = { format: FORMAT, version: VERSION, items: record.items };
    if (record.name) kept.name = record.name;
    if (!device.write(KEY, JSON.stringify(kept))) return null;
    return t("This browser did not keep that change: its storage is full or switched off (a private window may keep nothing). What was kept before is unchanged; export your record from My learning to keep a copy.");
  }

  /* Change what is kept now (another tab may have changed it since this page read it); as `save`. */
  function update(change) {
    var current = load();
    if (current.locked) return current.locked;
    change(current.record);
    return save(current.record);
  }

  function erase() {
    device.remove(KEY);
  }

  /* Save for later and Mark as watched on one item's page. */
  function controls(box) {
    var key = box.getAttribute("data-hub-learn");
    var saveButton = box.querySelector("[data-keep-save]");
    var watchButton = box.querySelector("[data-keep-watch]");
    var watchedBox = box.querySelector("[data-keep-watched]");
    var dateInput = box.querySelector("[data-keep-date]");
    var minutesInput = box.querySelector("[data-keep-minutes]");
    var undoButton = box.querySelector("[data-keep-undo]");
    var status = box.querySelector("[data-keep-status]");
    var contentMinutes = parseInt(box.getAttribute("data-minutes") || "", 10) || 0;
    var presenters = JSON.parse(box.getAttribute("data-presenters") || "[]");
    var shown = "";

    function say(message, isError) {
      device.say(status, message, isError);
    }

    /* The item as the page shows it now: a fresh copy for the record. */
    function snapshot(entry) {
      entry.title = box.getAttribute("data-title");
      entry.path = box.getAttribute("data-path");
      if (presenters.length) entry.presenters = presenters;
      return entry;
    }

    function show() {
      var entry = load().record.items[key] || {};
      saveButton.setAttribute("aria-pressed", entry.saved ? "true" : "false");
      if (watchButton) {
        watchButton.hidden = Boolean(entry.watched);
        watchedBox.hidden = !entry.watched;
        if (entry.watched) {
          dateInput.value = entry.watched.on;
          if (minutesInput && document.activeElement !== minutesInput) minutesInput.value = entry.watched.minutes || "";
        }
      }
      var before = shown;
      shown = JSON.stringify(entry);
      return before !== shown;
    }

    function change(edit, message) {
      var problem = update(function (record) {
        var entry = snapshot(record.items[key] || {});
        edit(entry);
        if (entry.saved || entry.watched) record.items[key] = entry;
        else delete record.items[key];
      });
      show();
      say(problem || message, Boolean(problem));
      return !problem;
    }

    saveButton.addEventListener("click", function () {
      var saving = saveButton.getAttribute("aria-pressed") !== "true";
      change(function (entry) {
        if (saving) entry.saved = today();
        else delete entry.saved;
      }, saving ? t("Saved for later. It is listed in My learning, in this browser only.") : t("No longer saved for later."));
    });

    if (watchButton) {
      dateInput.max = today();
      watchButton.addEventListener("click", function () {
        var on = today();
        var message = contentMinutes
          ? t("Marked as watched on %(date)s. Change the date below if you watched it on another day.", { date: formatDate(on) })
          : t("Marked as watched on %(date)s. Add how long you watched, so that it counts in your hours.", { date: formatDate(on) });
        var done = change(function (entry) {
          entry.watched = { on: on };
          if (contentMinutes) entry.watched.minutes = contentMinutes;
        }, message);
        if (done) (minutesInput || dateInput).focus();
      });
      dateInput.addEventListener("change", function () {
        var on = dateInput.value;
        if (!isDate(on) || on > today()) {
          say(t("Choose the day you watched it: a date that is not in the future."), true);
          return;
        }
        change(function (entry) {
          if (entry.watched) entry.watched.on = on;
        }, t("Date watched: %(date)s.", { date: formatDate(on) }));
      });
      if (minutesInput) {
        minutesInput.addEventListener("change", function () {
          var minutes = Number(minutesInput.value);
          if (!isMinutes(minutes)) {
            say(t("Write the minutes you watched as a whole number from 1 to 1440."), true);
            return;
          }
          change(function (entry) {
            if (entry.watched) entry.watched.minutes = minutes;
          }, t("Length: %(length)s.", { length: formatLength(minutes) }));
        });
      }
      undoButton.addEventListener("click", function () {
        if (change(function (entry) {
          delete entry.watched;
        }, t("No longer marked as watched."))) watchButton.focus();
      });
    }

    device.onChange(KEY, function (stored) {
      if (show()) say(stored === null ? t("Your record was erased from this browser (in another tab).") : t("Updated from another tab."));
    });
    var first = load();
    if (first.locked) say(first.locked, true);
    show();
  }

  window.hubLearning = {
    KEY: KEY,
    FORMAT: FORMAT,
    VERSION: VERSION,
    load: load,
    save: save,
    update: update,
    erase: erase,
    check: check,
    cleanEntry: cleanEntry,
    today: today,
    isDate: isDate,
    isMinutes: isMinutes,
    number: number,
    hours: hours,
    formatDate: formatDate,
    formatLength: formatLength,
  };

  Array.prototype.forEach.call(document.querySelectorAll("[data-hub-learn]"), controls);
})();
