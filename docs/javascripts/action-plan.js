/* Action-plan forms: answers are kept in this browser only.
 *
 * On a page with <form data-plan-id>, every answer is saved to localStorage as it is typed and put back
 * on reload. Answers can be exported as a JSON file (made in the page, never uploaded) and imported
 * from one; a file that is not ours, or is damaged, is refused with a message and changes nothing.
 * Answers whose prompt this version no longer has are shown beside the form and kept, never dropped.
 * Erasing clears the answers in every open tab of the plan (the `storage` event).
 * Without this script the page is a blank, printable template. No network request, no framework;
 * the Word and Excel downloads with answers are made by action-plan-office.js, on this device. Keeping, reading
 * and saving files go through device.js, which My learning shares.
 * Answers are kept by key, the same in every language: a choice keeps its English option as its value, so answers
 * typed on the English page show on the Spanish one and the other way round; in a downloaded file a choice is
 * written as the page shows it. Its words come from the message catalog (javascripts/i18n.js).
 */
(function () {
  "use strict";

  var t = window.hubT;
  var tn = window.hubTn;

  var here = document.currentScript ? document.currentScript.src : "";

  var form = document.querySelector("form[data-plan-id]");
  var device = window.hubDevice;
  if (!form || !device) return;

  var planId = form.getAttribute("data-plan-id");
  var version = form.getAttribute("data-plan-version");
  var FORMAT = form.getAttribute("data-plan-format");
  var storageKey = "hub-action-plan:" + planId;
  var tools = document.querySelector("[data-plan-tools]");
  var statusLine = document.querySelector("[data-plan-status]");
  var importer = document.querySelector("[data-plan-import]");
  var orphanBox = document.querySelector("[data-plan-orphans]");
  var orphanList = document.querySelector("[data-plan-orphan-list]");
  var orphans = {};

  function controls() {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element.name && /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
    });
  }

  function say(message, isError) {
    device.say(statusLine, message, isError);
  }

  function fit(textarea) {
    // Grow a text box to its content so nothing is hidden on screen or cut off in print.
    textarea.style.height = "";
    if (textarea.scrollHeight > textarea.clientHeight) textarea.style.height = textarea.scrollHeight + 4 + "px";
  }

  function showOrphans() {
    if (!orphanBox || !orphanList) return;
    orphanList.textContent = "";
    var names = Object.keys(orphans);
    names.forEach(function (name) {
      var term = document.createElement("dt");
      term.textContent = name;
      var value = document.createElement("dd");
      value.textContent = orphans[name] === true ? t("Ticked") : String(orphans[name]);
      orphanList.appendChild(term);
      orphanList.appendChild(value);
    });
    orphanBox.hidden = names.length === 0;
  }

  /* The form's answers, plus any kept from prompts this version no longer has. */
  function read() {
    var answers = {};
    Object.keys(orphans).forEach(function (name) {
      answers[name] = orphans[name];
    });
    controls().forEach(function (element) {
      if (element.type === "radio") {
        if (element.checked) answers[element.name] = element.value;
      } else if (element.type === "checkbox") {
        if (element.checked) answers[element.name] = true;
      } else if (element.value !== "") {
        answers[element.name] = element.value;
      }
    });
    return answers;
  }

  function write(answers) {
    controls().forEach(function (element) {
      var value = Object.prototype.hasOwnProperty.call(answers, element.name) ? answers[element.name] : undefined;
      if (element.type === "radio") {
        element.checked = value === element.value;
      } else if (element.type === "checkbox") {
        element.checked = value === true;
      } else {
        element.value = typeof value === "string" ? value : "";
        if (element.tagName === "TEXTAREA") fit(element);
      }
    });
  }

  function envelope(answers) {
    return { format: FORMAT, plan: planId, version: version, saved: new Date().toISOString(), answers: answers };
  }

  /* The answers in `data` if it is an answers file for this plan, else a sentence saying why not. */
  function check(data) {
    if (!data || typeof data !== "object" || data.format !== FORMAT) {
      return { error: t("This file is not a set of answers saved from this site's action plans.") };
    }
    if (data.plan !== planId) {
      return {
        error: t("This file holds answers to another plan (%(plan)s); open that plan to import it.", {
          plan: String(data.plan),
        }),
      };
    }
    var answers = data.answers;
    if (!answers || typeof answers !== "object" || Array.isArray(answers)) {
      return { error: t("This file has no answers in it.") };
    }
    var names = {};
    controls().forEach(function (element) {
      names[element.name] = true;
    });
    var kept = {};
    var unmatched = {};
    var count = 0;
    var skipped = 0;
    Object.keys(answers).forEach(function (name) {
      var value = answers[name];
      if (typeof value !== "string" && value !== true) return;
      if (names[name]) {
        kept[name] = value;
        count += 1;
      } else {
        unmatched[name] = value;
        skipped += 1;
      }
    });
    return { answers: kept, unmatched: unmatched, count: count, skipped: skipped };
  }

  function save() {
    if (device.write(storageKey, JSON.stringify(envelope(read())))) {
      say(t("This browser did not let the page save your answers; export them to keep a copy."), true);
    }
  }

  function apply(result) {
    write(result.answers);
    orphans = result.unmatched;
    showOrphans();
  }

  function restore(text, message) {
    if (!text) return;
    try {
      var result = check(JSON.parse(text));
      if (result.answers) {
        apply(result);
        say(message);
      }
    } catch (error) {
      say(t("Saved answers in this browser could not be read; they were left as they are."), true);
    }
  }

  function exportAnswers() {
    var name = planId + "-" + t("answers") + ".json";
    device.saveFile(new Blob([JSON.stringify(envelope(read()), null, 2) + "\n"], { type: "application/json" }), name);
    say(t("Your answers were saved as %(name)s. The file stays on this device until you share it.", { name: name }));
  }

  function importAnswers(file) {
    device.readFile(file).then(function (text) {
      var data;
      try {
        data = JSON.parse(text);
      } catch (error) {
        say(t("“%(name)s” could not be read: it is not a valid answers file. Your answers are unchanged.", { name: file.name }), true);
        return;
      }
      var result = check(data);
      if (result.error) {
        say(t("%(problem)s Your answers are unchanged.", { problem: result.error }), true);
        return;
      }
      var current = Object.keys(read()).length;
      var replace = tn(
        "Replace the answers on this page with the %(num)s in “%(name)s”?",
        "Replace the answers on this page with the %(num)s in “%(name)s”?",
        result.count,
        { name: file.name }
      );
      if (current && !window.confirm(replace)) {
        say(t("Import cancelled. Your answers are unchanged."));
        return;
      }
      apply(result);
      save();
      var note = result.skipped
        ? " " +
          tn(
            "%(num)s did not match a prompt of this version; it is listed above the form.",
            "%(num)s did not match a prompt of this version; they are listed above the form.",
            result.skipped
          )
        : "";
      say(tn("Imported %(num)s answer from “%(name)s”.", "Imported %(num)s answers from “%(name)s”.", result.count, { name: file.name }) + note);
    }, function () {
      say(t("“%(name)s” could not be opened. Your answers are unchanged.", { name: file.name }), true);
    });
  }

  function erase() {
    var question = t("Erase all your answers to this plan from this browser? This cannot be undone; export them first to keep a copy.");
    if (!window.confirm(question)) return;
    write({});
    orphans = {};
    showOrphans();
    device.remove(storageKey);
    say(t("Your answers were erased from this browser, in every tab."));
  }

  /* Another tab of this plan saved or erased answers: show the same here, so an erase is never undone. */
  device.onChange(storageKey, function (text) {
    if (text === null) {
      write({});
      orphans = {};
      showOrphans();
      say(t("Your answers were erased from this browser (in another tab)."));
    } else {
      restore(text, t("Answers updated from another tab of this plan."));
    }
  });

  /* Load a script of this site (beside this one), once. */
  function load(path) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL(path, here).href;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  /* The zip library and the filler, loaded from this site on the first download, on plan pages only. */
  function office() {
    if (window.hubPlanOffice) return Promise.resolve(window.hubPlanOffice);
    return load("vendor/fflate.min.js")
      .then(function () {
        return load("action-plan-office.js");
      })
      .then(function () {
        return window.hubPlanOffice;
      });
  }

  /* The answers as a downloaded file shows them: a choice as its words on this page (its value is the English
     option, the same in every language). */
  function shown(answers) {
    var result = {};
    Object.keys(answers).forEach(function (name) {
      result[name] = answers[name];
    });
    Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]:checked"), function (radio) {
      var label = radio.closest("label");
      if (label) result[radio.name] = label.textContent.trim();
    });
    return result;
  }

  function download(kind) {
    var link = document.querySelector('a[data-plan-file="' + kind + '"]');
    say(kind === "docx" ? t("Preparing your Word document on this device…") : t("Preparing your spreadsheet on this device…"));
    office()
      .then(function (filler) {
        return filler.fill(kind, link.href, shown(read()));
      })
      .then(function (blob) {
        var name = planId + "-" + t("my-answers") + "." + kind;
        device.saveFile(blob, name);
        say(t("Your answers were saved as %(name)s, made on this device. It stays here until you share it.", { name: name }));
      })
      .catch(function () {
        say(t("The download could not be prepared; your answers are unchanged. Export them instead."), true);
      });
  }

  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") fit(event.target);
    save();
  });
  form.addEventListener("change", save);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });

  if (tools) {
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("[data-plan-action]");
      if (!button) return;
      var action = button.getAttribute("data-plan-action");
      if (action === "print") window.print();
      if (action === "export") exportAnswers();
      if (action === "docx" || action === "xlsx") download(action);
      if (action === "erase") erase();
    });
    tools.hidden = false;
  }
  if (importer) {
    importer.addEventListener("change", function () {
      if (importer.files && importer.files[0]) importAnswers(importer.files[0]);
      importer.value = "";
    });
  }
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(form.querySelectorAll("textarea"), fit);
  });

  restore(device.read(storageKey), t("Your saved answers are back (saved in this browser only)."));
})();
