/* The My learning pages: the record kept in this browser (learning.js), and the two documents made from it.
 *
 * /my-learning/ lists what was saved and watched, newest first, with the catalog's filters (filters.js), hours per
 * year, export (JSON for this site, CSV for a spreadsheet), import and erase. It reads /my-learning/items.json, what
 * the site holds now, to show each item under its current title and address, to move an item kept under an old id
 * (`aliases`) to its new key, and to mark an item that has left the site; such an item is kept, never dropped.
 * /my-learning/certificate/ and /my-learning/record/ fill in a certificate of attendance for one training, or a
 * learning record for a period, with the name as typed, ready for the browser's print window (Save as PDF).
 * Nothing is sent anywhere; the only request is for items.json, from this site. Its words come from the message
 * catalog (javascripts/i18n.js); what is kept, and the JSON export, are the same in every language.
 */
(function () {
  "use strict";

  var t = window.hubT;
  var tn = window.hubTn;

  var learning = window.hubLearning;
  var device = window.hubDevice;
  var page = document.querySelector("[data-hub-my-learning]");
  if (!learning || !device || !page) return;
  var root = new URL(page.getAttribute("data-root") || "./", location.href);
  // The site's own root and the languages' prefixes ("es/"): an item's path is the same in every language.
  var base = new URL(page.getAttribute("data-base") || "./", location.href);
  var prefixes = JSON.parse(page.getAttribute("data-prefixes") || "[]");

  /* An address on this site (from any language's page) as the item's path, or "" for any other address. */
  function pathOf(address) {
    if (address.indexOf(base.href) !== 0) return "";
    var path = address.slice(base.href.length);
    var prefix = prefixes.filter(function (each) {
      return path.indexOf(each) === 0;
    })[0];
    return prefix ? path.slice(prefix.length) : path;
  }

  /* A new element: `classes` is a class name or a list of them, `content` its text. */
  function el(tag, classes, content) {
    var node = document.createElement(tag);
    if (classes) node.className = [].concat(classes).join(" ");
    if (content !== undefined) node.textContent = content;
    return node;
  }

  /* A count as the page's language writes it (1,234 in English), for `%(num)s`. */
  function counted(count) {
    return { num: learning.number(count, 0) };
  }

  /* What the site holds now, or null when it could not be fetched (then nothing is marked as gone). */
  function siteItems() {
    var address = new URL(page.getAttribute("data-items"), location.href);
    return fetch(address.href, { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        return data && data.items && data.renamed ? data : null;
      })
      .catch(function () {
        return null;
      });
  }

  /* The key an item has now: itself, its new key after a rename, or itself when it has left the site. */
  function currentKey(site, key) {
    if (!site || site.items[key]) return key;
    return site.renamed[key] || key;
  }

  /* Move entries kept under an old key to the new one; returns how many moved. */
  function follow(site, items) {
    var moved = 0;
    Object.keys(items).forEach(function (key) {
      var now = currentKey(site, key);
      if (now === key) return;
      var entry = items[key];
      var there = items[now] || {};
      items[now] = {
        title: there.title || entry.title,
        path: there.path || entry.path,
        presenters: there.presenters || entry.presenters,
        saved: there.saved || entry.saved,
        watched: there.watched || entry.watched,
      };
      Object.keys(items[now]).forEach(function (field) {
        if (items[now][field] === undefined) delete items[now][field];
      });
      delete items[key];
      moved += 1;
    });
    return moved;
  }

  /* One kept item with what the site says of it now: title, address, presenters, length, credit; or `gone`. */
  function view(site, key, entry) {
    var now = site && site.items[key];
    var path = now ? now.path : entry.path;
    var watched = entry.watched || null;
    // The length the person kept, or the recording's length when the site has one now.
    var minutes = watched ? watched.minutes || (now && now.minutes) || 0 : 0;
    return {
      key: key,
      kind: key.split(":")[0],
      title: now ? now.title : entry.title,
      address: path ? new URL(path, root).href : "",
      gone: Boolean(site) && !now,
      presenters: (now && now.presenters) || entry.presenters || [],
      credit: (now && now.credit) || null,
      english: (now && now.english) || [],
      saved: entry.saved || "",
      watched: watched,
      minutes: minutes,
      latest: [entry.saved || "", watched ? watched.on : ""].sort().pop(),
    };
  }

  function views(site, record) {
    return Object.keys(record.items)
      .map(function (key) {
        return view(site, key, record.items[key]);
      })
      .sort(function (a, b) {
        return a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : a.title.localeCompare(b.title);
      });
  }

  function watchedViews(site, record) {
    return views(site, record).filter(function (item) {
      return item.watched;
    });
  }

  /* ---- /my-learning/: the list, hours per year, export, import, erase ---- */

  /* The years a record's dates fall in, newest first. */
  function yearsOf(items) {
    var all = [];
    items.forEach(function (item) {
      [item.watched ? item.watched.on : "", item.saved].forEach(function (date) {
        var year = date.slice(0, 4);
        if (year && all.indexOf(year) < 0) all.push(year);
      });
    });
    return all.sort().reverse();
  }

  /* The Year facet holds the years of this record; like every facet, it is shown only with two or more. */
  function yearFacet(facets, years) {
    var old = facets.querySelector('fieldset[data-key="y"]');
    if (old) old.remove();
    if (years.length < 2) return;
    var fieldset = el("fieldset", "hub-facet");
    fieldset.setAttribute("data-key", "y");
    fieldset.appendChild(el("legend", "", t("Year")));
    years.forEach(function (year) {
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.name = "year";
      box.value = year;
      box.setAttribute("data-code", year);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + year + " "));
      var count = el("span", "hub-facet__count", "(0)");
      count.setAttribute("data-hub-option-count", "");
      label.appendChild(count);
      fieldset.appendChild(label);
    });
    facets.appendChild(fieldset);
  }

  function facts(item, kinds) {
    var line = [kinds[item.kind] || item.kind];
    if (item.watched) {
      line.push(t("Watched on %(date)s", { date: learning.formatDate(item.watched.on) }));
      line.push(learning.formatLength(item.minutes));
    }
    if (item.saved) line.push(t("Saved for later on %(date)s", { date: learning.formatDate(item.saved) }));
    return line.join(" · ");
  }

  /* One kept item as a card, with its facet codes for filters.js: `code(facet, value)` reads them from the form. */
  function card(item, kinds, code) {
    var li = el("li", ["hub-card", "hub-kept"]);
    var keptAs = [];
    if (item.watched) keptAs.push(code("status", "watched"));
    if (item.saved) keptAs.push(code("status", "saved"));
    li.setAttribute("data-s", keptAs.join(" "));
    li.setAttribute("data-k", code("kind", item.kind));
    li.setAttribute("data-y", yearsOf([item]).join(" "));
    var title = titled(el(item.gone ? "span" : "a", "hub-card__title"), item);
    if (!item.gone) title.href = item.address;
    li.appendChild(title);
    li.appendChild(el("span", "hub-card__facts", facts(item, kinds)));
    if (item.gone) li.appendChild(el("span", ["hub-badge", "hub-badge--unavailable"], t("No longer on this site")));
    var actions = el("span", "hub-kept__actions");
    if (item.watched) {
      var link = el("a", "", t("Certificate of attendance"));
      link.href = "certificate/#" + encodeURIComponent(item.key);
      link.setAttribute("aria-label", t("Certificate of attendance for “%(title)s”", { title: item.title }));
      actions.appendChild(link);
    }
    var remove = el("button", "hub-kept__remove", t("Remove"));
    remove.type = "button";
    remove.setAttribute("data-remove", item.key);
    remove.setAttribute("aria-label", t("Remove “%(title)s”", { title: item.title }));
    actions.appendChild(remove);
    li.appendChild(actions);
    return li;
  }

  function cell(tag, label, content) {
    var node = el(tag, "", content);
    node.setAttribute("data-label", label);
    if (tag === "th") node.scope = "row";
    return node;
  }

  /* Trainings watched and hours, by the year they were watched; says when some have no length to count. */
  function hoursByYear(items) {
    var box = page.querySelector("[data-learning-hours]");
    var rows = page.querySelector("[data-learning-years]");
    var byYear = {};
    var missing = false;
    items.forEach(function (item) {
      if (!item.watched) return;
      var year = item.watched.on.slice(0, 4);
      var total = (byYear[year] = byYear[year] || { count: 0, minutes: 0 });
      total.count += 1;
      total.minutes += item.minutes;
      missing = missing || !item.minutes;
    });
    rows.textContent = "";
    Object.keys(byYear)
      .sort()
      .reverse()
      .forEach(function (year) {
        var row = el("tr");
        row.appendChild(cell("th", t("Year"), year));
        row.appendChild(cell("td", t("Trainings watched"), learning.number(byYear[year].count, 0)));
        row.appendChild(cell("td", t("Hours"), learning.number(learning.hours(byYear[year].minutes), 2)));
        rows.appendChild(row);
      });
    box.hidden = Object.keys(byYear).length === 0;
    page.querySelector("[data-learning-hours-note]").hidden = !missing;
  }

  /* The list of what is kept, with the catalog's filters; returns the function that draws it again. */
  function keptList(site, kinds) {
    var filterRoot = page.querySelector("[data-hub-filter]");
    var list = page.querySelector("[data-learning-list]");
    var status = page.querySelector("[data-learning-list-status]");

    function code(facet, value) {
      var box = filterRoot.querySelector('input[name="' + facet + '"][value="' + value + '"]');
      return box ? box.getAttribute("data-code") : "";
    }

    function render() {
      var kept = learning.load();
      if (kept.locked) device.say(status, kept.locked, true);
      var items = views(site, kept.record);
      yearFacet(filterRoot.querySelector(".hub-filters__facets"), yearsOf(items));
      list.replaceChildren.apply(
        list,
        items.map(function (item) {
          return card(item, kinds, code);
        })
      );
      page.querySelector("[data-learning-empty]").hidden = items.length > 0;
      filterRoot.hidden = items.length === 0;
      hoursByYear(items);
      filterRoot.dispatchEvent(new Event("hub-filter-refresh"));
    }

    list.addEventListener("click", function (event) {
      var button = event.target.closest("[data-remove]");
      if (!button) return;
      var key = button.getAttribute("data-remove");
      var title = button.closest("li").querySelector(".hub-card__title").textContent;
      if (!window.confirm(t("Remove “%(title)s” from your record in this browser?", { title: title }))) return;
      var problem = learning.update(function (record) {
        delete record.items[key];
      });
      render();
      device.say(status, problem || t("“%(title)s” was removed from your record.", { title: title }), Boolean(problem));
      (list.querySelector("[data-remove]") || page.querySelector("#kept")).focus();
    });
    page.querySelector("#kept").setAttribute("tabindex", "-1");
    return render;
  }

  /* Export (JSON, CSV), import and erase; `render` draws the list again after a change. */
  function recordTools(site, kinds, render) {
    var tools = page.querySelector("[data-learning-tools]");
    var status = page.querySelector("[data-learning-status]");
    var importer = page.querySelector("[data-learning-import]");

    function say(message, isError) {
      device.say(status, message, isError);
    }

    function download(content, type, suffix) {
      var name = t("my-learning-%(date)s", { date: learning.today() }) + suffix;
      device.saveFile(new Blob([content], { type: type }), name);
      say(t("Your record was saved as %(file)s. It stays on this device until you share it.", { file: name }));
    }

    function exportJson() {
      var items = learning.load().record.items;
      var data = { format: learning.FORMAT, version: learning.VERSION, exported: new Date().toISOString(), items: items };
      download(JSON.stringify(data, null, 2) + "\n", "application/json", ".json");
    }

    function exportCsv() {
      var rows = [csv.header()];
      views(site, learning.load().record).forEach(function (item) {
        rows.push([
          item.key,
          item.title,
          kinds[item.kind] || item.kind,
          item.address,
          item.watched ? item.watched.on : "",
          item.minutes ? String(item.minutes) : "",
          item.minutes ? String(learning.hours(item.minutes)) : "",
          item.saved,
          item.presenters.join("; "),
          item.gone ? t("No") : t("Yes"),
        ]);
      });
      download("\ufeff" + csv.write(rows), "text/csv;charset=utf-8", ".csv");
    }

    /* What an import did, in one status line. */
    function report(file, count, renamed, gone, skipped) {
      var added = counted(count);
      added.file = file.name;
      var message = [tn("Added %(num)s item from “%(file)s”.", "Added %(num)s items from “%(file)s”.", count, added)];
      if (renamed) {
        message.push(
          tn(
            "%(num)s item renamed since was found under the new name.",
            "%(num)s items renamed since were found under the new name.",
            renamed,
            counted(renamed)
          )
        );
      }
      if (gone) {
        message.push(
          tn(
            "%(num)s item no longer on this site was kept and marked so.",
            "%(num)s items no longer on this site were kept and marked so.",
            gone,
            counted(gone)
          )
        );
      }
      if (skipped) {
        message.push(
          tn(
            "%(num)s item could not be read and was left out.",
            "%(num)s items could not be read and were left out.",
            skipped,
            counted(skipped)
          )
        );
      }
      return message.join(" ");
    }

    function importRecord(file) {
      device.readFile(file).then(function (content) {
        var data = csv.looksLike(content) ? csv.toRecord(content) : parseJson(content);
        var result = data ? learning.check(data) : { error: true };
        if (result.newer) {
          return say(t("“%(file)s” was exported by a newer version of this site; open it there. Your record is unchanged.", { file: file.name }), true);
        }
        if (!result.record) return say(t("“%(file)s” is not a record exported from My learning. Your record is unchanged.", { file: file.name }), true);
        var incoming = result.record.items;
        var count = Object.keys(incoming).length;
        if (!count) return say(t("“%(file)s” holds nothing to add. Your record is unchanged.", { file: file.name }), true);
        var renamed = follow(site, incoming);
        var gone = Object.keys(incoming).filter(function (key) {
          return site && !site.items[key];
        }).length;
        var problem = learning.update(function (record) {
          Object.keys(incoming).forEach(function (key) {
            record.items[key] = incoming[key];
          });
        });
        render();
        say(problem || report(file, count, renamed, gone, result.skipped), Boolean(problem));
      }, function () {
        say(t("“%(file)s” could not be read. Your record is unchanged.", { file: file.name }), true);
      });
    }

    function erase() {
      if (!window.confirm(t("Erase your whole record (saved and watched) from this browser? This cannot be undone; export it first to keep a copy."))) return;
      learning.erase();
      render();
      say(t("Your record was erased from this browser, in every tab."));
    }

    tools.addEventListener("click", function (event) {
      var button = event.target.closest("[data-learning-action]");
      if (!button) return;
      var action = button.getAttribute("data-learning-action");
      if (action === "export-json") exportJson();
      if (action === "export-csv") exportCsv();
      if (action === "erase") erase();
    });
    importer.addEventListener("change", function () {
      if (importer.files && importer.files[0]) importRecord(importer.files[0]);
      importer.value = "";
    });
    device.onChange(learning.KEY, function (stored) {
      render();
      if (stored === null) say(t("Your record was erased from this browser (in another tab)."));
    });
    tools.hidden = false;
  }

  function overview(site) {
    var kinds = JSON.parse(page.getAttribute("data-kinds") || "{}");
    /* Items kept under an old id are moved to their new key once, when the site says where they went. */
    var kept = learning.load();
    if (!kept.locked && follow(site, kept.record.items)) learning.save(kept.record);
    var render = keptList(site, kinds);
    recordTools(site, kinds, render);
    render();
  }

  function parseJson(content) {
    try {
      return JSON.parse(content);
    } catch (error) {
      return null;
    }
  }

  /* CSV for a spreadsheet, as the action plans' CSV: UTF-8 with a BOM, every cell quoted, and a cell that a
     spreadsheet would run as a formula (= + - @, tab, return) led by an apostrophe, which import takes off again. */
  var csv = {
    LEADERS: /^[=+\-@\t\r]/,
    /* The header row, in the page's language. */
    header: function () {
      return [
        t("Key"),
        t("Title"),
        t("Kind"),
        t("Address"),
        t("Watched on"),
        t("Minutes"),
        t("Hours"),
        t("Saved for later on"),
        t("Presented by"),
        t("On this site"),
      ];
    },
    cell: function (value) {
      var text = String(value);
      if (csv.LEADERS.test(text)) text = "'" + text;
      return '"' + text.replace(/"/g, '""') + '"';
    },
    write: function (rows) {
      return rows
        .map(function (row) {
          return row.map(csv.cell).join(",");
        })
        .join("\r\n") + "\r\n";
    },
    /* Rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
    read: function (content) {
      var rows = [];
      var row = [];
      var cell = "";
      var quoted = false;
      var text = content.replace(/^\ufeff/, "");
      for (var i = 0; i < text.length; i++) {
        var char = text[i];
        if (quoted) {
          if (char === '"' && text[i + 1] === '"') {
            cell += '"';
            i += 1;
          } else if (char === '"') quoted = false;
          else cell += char;
        } else if (char === '"') quoted = true;
        else if (char === ",") {
          row.push(cell);
          cell = "";
        } else if (char === "\n" || char === "\r") {
          if (char === "\r" && text[i + 1] === "\n") i += 1;
          row.push(cell);
          rows.push(row);
          row = [];
          cell = "";
        } else cell += char;
      }
      if (cell || row.length) {
        row.push(cell);
        rows.push(row);
      }
      return rows.filter(function (cells) {
        return cells.some(Boolean);
      });
    },
    /* Whether a file is a CSV table rather than JSON: a first line with commas that does not open a JSON object. */
    looksLike: function (content) {
      var first = content.replace(/^\ufeff/, "").split(/\r?\n/, 1)[0];
      return first.indexOf(",") >= 0 && first.trim()[0] !== "{";
    },
    value: function (text) {
      var clean = String(text || "").trim();
      return /^'[=+\-@\t\r]/.test(clean) ? clean.slice(1) : clean;
    },
    /* A date as a spreadsheet may write it back: 2025-03-14, or 3/14/2025. */
    date: function (text) {
      var value = csv.value(text);
      var us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
      if (us) value = us[3] + "-" + (us[1].length < 2 ? "0" : "") + us[1] + "-" + (us[2].length < 2 ? "0" : "") + us[2];
      return value;
    },
    /* The rows as a record for learning.check, by the header's names (so columns may be moved). A table exported
       from a page in another language has its header in that language: its columns are then read in the order
       this script writes them, when it has as many. */
    toRecord: function (content) {
      var rows = csv.read(content);
      var header = (rows.shift() || []).map(function (name) {
        return csv.value(name).toLowerCase();
      });
      var names = csv.header().map(function (name) {
        return name.toLowerCase();
      });
      var byName = header.indexOf(names[0]) >= 0 && header.indexOf(names[1]) >= 0;
      if (!byName && header.length !== names.length) return null;
      function column(index) {
        return byName ? header.indexOf(names[index]) : index;
      }
      var at = {
        key: column(0),
        title: column(1),
        address: column(3),
        watched: column(4),
        minutes: column(5),
        saved: column(7),
        presenters: column(8),
      };
      if (at.key < 0 || at.title < 0) return null;
      var items = {};
      rows.forEach(function (cells) {
        var entry = { title: csv.value(cells[at.title]) };
        var address = at.address >= 0 ? csv.value(cells[at.address]) : "";
        var path = pathOf(address);
        if (path) entry.path = path;
        var saved = at.saved >= 0 ? csv.date(cells[at.saved]) : "";
        var watched = at.watched >= 0 ? csv.date(cells[at.watched]) : "";
        var minutes = at.minutes >= 0 ? csv.value(cells[at.minutes]) : "";
        if (saved) entry.saved = saved;
        if (watched) entry.watched = { on: watched, minutes: /^\d+$/.test(minutes) ? Number(minutes) : undefined };
        if (at.presenters >= 0 && csv.value(cells[at.presenters])) entry.presenters = csv.value(cells[at.presenters]).split(/\s*;\s*/);
        items[csv.value(cells[at.key])] = entry;
      });
      return { format: learning.FORMAT, version: learning.VERSION, items: items };
    },
  };

  /* ---- the documents: what both share ---- */

  function documentPage(site, setUp) {
    var form = page.querySelector("[data-doc-form]");
    var doc = page.querySelector("[data-doc]");
    var nameInput = page.querySelector("[data-doc-name-input]");
    var remember = page.querySelector("[data-doc-remember]");
    var status = page.querySelector("[data-doc-status]");
    var kept = learning.load();
    var fillIn = setUp(kept.record, doc);
    if (!fillIn) return;

    function name() {
      return nameInput.value.replace(/\s+/g, " ").trim();
    }

    function keepName(message) {
      var typed = name();
      var problem = learning.update(function (record) {
        if (remember.checked && typed) record.name = typed;
        else delete record.name;
      });
      if (problem || message) device.say(status, problem || message, Boolean(problem));
    }

    function update() {
      page.querySelectorAll("[data-doc-name]").forEach(function (node) {
        node.textContent = name();
      });
      fillIn(name());
    }

    nameInput.value = kept.record.name || "";
    remember.checked = Boolean(kept.record.name);
    nameInput.addEventListener("input", function () {
      update();
      if (remember.checked) keepName("");
    });
    remember.addEventListener("change", function () {
      keepName(remember.checked ? t("Your name will be remembered in this browser.") : t("Your name is no longer kept in this browser."));
    });
    page.querySelector("[data-doc-print]").addEventListener("click", function () {
      window.print();
    });
    page.querySelector("[data-doc-today]").textContent = learning.formatDate(learning.today());
    page.querySelector("[data-doc-site]").textContent = root.href;
    form.hidden = false;
    doc.hidden = false;
    update();
  }

  /* Text with one link in it, to `href`: `text` is a message with its other values filled in, and `%(link)s` left
     where the link goes. */
  /* A message of the catalog, given unfilled, into `node`: each %(name)s its value as text, a value the site gives
     only in English (named in `english`) inside <span lang="en">, and %(link)s a link to `href`. */
  function sentence(node, message, values, english, href) {
    node.textContent = "";
    message.split(/(%\(\w+\)s)/).forEach(function (piece) {
      var name = /^%\((\w+)\)s$/.exec(piece);
      if (!name) {
        if (piece) node.appendChild(document.createTextNode(piece));
      } else if (name[1] === "link") {
        var link = el("a", "", href);
        link.href = href;
        node.appendChild(link);
      } else {
        var value = el("span", "", String(values[name[1]]));
        if (english.indexOf(name[1]) >= 0) value.lang = "en";
        node.appendChild(value);
      }
    });
    return node;
  }

  /* The item's title on `node`, marked English where no translation gives it. */
  function titled(node, item) {
    node.textContent = item.title;
    if (item.english.indexOf("title") >= 0) node.lang = "en";
    else node.removeAttribute("lang");
    return node;
  }

  function certificate(site) {
    documentPage(site, function (record, doc) {
      var watched = watchedViews(site, record);
      if (!watched.length) {
        page.querySelector("[data-doc-empty]").hidden = false;
        return null;
      }
      var select = page.querySelector("[data-doc-item]");
      watched.forEach(function (item) {
        var option = el("option", "", t("%(title)s, watched %(date)s", { title: item.title, date: learning.formatDate(item.watched.on) }));
        option.value = item.key;
        select.appendChild(option);
      });
      var wanted = currentKey(site, decodeURIComponent(location.hash.slice(1)));
      if (wanted && record.items[wanted] && record.items[wanted].watched) select.value = wanted;
      select.addEventListener("change", function () {
        history.replaceState(null, "", "#" + encodeURIComponent(select.value));
        page.querySelector("[data-doc-name-input]").dispatchEvent(new Event("input"));
      });
      return function () {
        var item = watched.filter(function (each) {
          return each.key === select.value;
        })[0];
        titled(doc.querySelector("[data-doc-title]"), item);
        doc.querySelector("[data-doc-presenters]").textContent = item.presenters.join("; ") || t("Not recorded");
        doc.querySelector("[data-doc-length]").textContent = learning.formatLength(item.minutes);
        doc.querySelector("[data-doc-date]").textContent = learning.formatDate(item.watched.on);
        var address = doc.querySelector("[data-doc-address]");
        address.textContent = item.gone ? item.address : "";
        if (item.address && !item.gone) sentence(address, "%(link)s", {}, [], item.address);
        var credit = doc.querySelector("[data-doc-credit]");
        credit.hidden = !item.credit;
        if (item.credit) {
          var offer = { provider: item.credit.provider, offered: item.credit.offered };
          sentence(
            credit,
            t("Continuing-education credit for this training is offered separately by %(provider)s: %(offered)s. This certificate is not that credit. To claim it, complete the provider's own evaluation: %(link)s"),
            offer,
            item.english,
            item.credit.url
          );
        }
        document.title = t("Certificate of attendance (self-reported): %(title)s", { title: item.title });
      };
    });
  }

  /* A CSS string for the running header of a printed record (content: var(--hub-running-head)). */
  function cssString(value) {
    return '"' + value.replace(/[\\"]/g, "\\$&").replace(/[\u0000-\u001f\u007f]/g, " ") + '"';
  }

  /* One row of the record: date, title and address, presenters, minutes, hours; `labels` name the cells on a phone. */
  function recordRow(item, labels) {
    var training = el("td");
    training.appendChild(titled(el("span", "hub-doc__training"), item));
    if (item.address) {
      var address = el(item.gone ? "span" : "a", "hub-doc__address", item.address);
      if (!item.gone) address.href = item.address;
      training.appendChild(address);
    }
    if (item.gone) training.appendChild(el("span", "hub-doc__gone", t("No longer on this site")));
    var cells = [
      el("td", "", learning.formatDate(item.watched.on)),
      training,
      el("td", "", item.presenters.join("; ") || t("Not recorded")),
      el("td", "hub-doc__number", item.minutes ? learning.number(item.minutes, 0) : "–"),
      el("td", "hub-doc__number", item.minutes ? learning.number(learning.hours(item.minutes), 2) : "–"),
    ];
    var row = el("tr");
    cells.forEach(function (node, index) {
      node.setAttribute("data-label", labels[index]);
      row.appendChild(node);
    });
    return row;
  }

  /* Where credit is offered for trainings in the record: each provider's offer and evaluation. */
  function creditNotes(box, items) {
    var credits = items.filter(function (item) {
      return item.credit;
    });
    box.textContent = "";
    box.hidden = !credits.length;
    if (!credits.length) return;
    box.appendChild(
      el("p", "", t("Continuing-education credit is offered separately for some of these trainings by their providers; this record is not that credit. To claim it, complete each provider's own evaluation:"))
    );
    var list = el("ul");
    credits.forEach(function (item) {
      var values = { title: item.title, offered: item.credit.offered, provider: item.credit.provider };
      list.appendChild(sentence(el("li"), t("%(title)s: %(offered)s, from %(provider)s, %(link)s"), values, item.english, item.credit.url));
    });
    box.appendChild(list);
  }

  function watchedBetween(site, record, from, to) {
    return watchedViews(site, record)
      .filter(function (item) {
        return item.watched.on >= from && item.watched.on <= to;
      })
      .sort(function (a, b) {
        return a.watched.on < b.watched.on ? -1 : a.watched.on > b.watched.on ? 1 : a.title.localeCompare(b.title);
      });
  }

  function learningRecord(site) {
    documentPage(site, function (record, doc) {
      var from = page.querySelector("[data-doc-from]");
      var to = page.querySelector("[data-doc-to]");
      var status = page.querySelector("[data-doc-status]");
      var labels = Array.prototype.map.call(doc.querySelectorAll("thead th"), function (th) {
        return th.textContent;
      });
      to.value = learning.today();
      from.value = to.value.slice(0, 4) + "-01-01";
      to.max = to.value;
      [from, to].forEach(function (input) {
        input.addEventListener("change", function () {
          page.querySelector("[data-doc-name-input]").dispatchEvent(new Event("input"));
        });
      });
      return function (name) {
        if (!learning.isDate(from.value) || !learning.isDate(to.value) || from.value > to.value) {
          device.say(status, t("Choose a start date on or before the end date."), true);
          return;
        }
        device.say(status, "");
        var items = watchedBetween(site, record, from.value, to.value);
        var period = { from: learning.formatDate(from.value), to: learning.formatDate(to.value) };
        var total = items.reduce(function (sum, item) {
          return sum + item.minutes;
        }, 0);
        doc.querySelector("[data-doc-period]").textContent = t("%(from)s to %(to)s", period);
        doc.querySelector("[data-doc-caption]").textContent = t("Recorded trainings watched in this period");
        doc.querySelector("[data-doc-rows]").replaceChildren.apply(
          doc.querySelector("[data-doc-rows]"),
          items.map(function (item) {
            return recordRow(item, labels);
          })
        );
        doc.querySelector("[data-doc-table]").hidden = !items.length;
        doc.querySelector("[data-doc-none]").hidden = Boolean(items.length);
        doc.querySelector("[data-doc-total-label]").textContent = tn(
          "Total: %(num)s training",
          "Total: %(num)s trainings",
          items.length,
          counted(items.length)
        );
        doc.querySelector("[data-doc-total-minutes]").textContent = learning.number(total, 0);
        doc.querySelector("[data-doc-total-hours]").textContent = learning.number(learning.hours(total), 2);
        creditNotes(doc.querySelector("[data-doc-credit]"), items);
        var head = name ? t("Learning record (self-reported) · %(name)s", { name: name }) : t("Learning record (self-reported)");
        document.documentElement.style.setProperty("--hub-running-head", cssString(head));
        document.title = t("Learning record (self-reported): %(from)s to %(to)s", period);
      };
    });
  }

  var part = page.getAttribute("data-hub-my-learning");
  siteItems().then(function (site) {
    if (part === "certificate") certificate(site);
    else if (part === "record") learningRecord(site);
    else overview(site);
  });
})();
