/* Action-plan forms: answers are kept in this browser only.
 *
 * On a page with <form data-plan-id>, every answer is saved to localStorage as it is typed and put back
 * on reload. Answers can be exported as a JSON file (made in the page, never uploaded) and imported
 * from one; a file that is not ours, or is damaged, is refused with a message and changes nothing.
 * Without this script the page is a blank, printable template. No network request, no framework.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-plan-id]");
  if (!form) return;

  var planId = form.getAttribute("data-plan-id");
  var version = form.getAttribute("data-plan-version");
  var FORMAT = form.getAttribute("data-plan-format");
  var storageKey = "hub-action-plan:" + planId;
  var tools = document.querySelector("[data-plan-tools]");
  var statusLine = document.querySelector("[data-plan-status]");
  var importer = document.querySelector("[data-plan-import]");

  function controls() {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element.name && /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
    });
  }

  function say(message, isError) {
    if (!statusLine) return;
    statusLine.textContent = message;
    statusLine.classList.toggle("hub-plan-status--error", Boolean(isError));
  }

  function fit(textarea) {
    // Grow a text box to its content so nothing is hidden on screen or cut off in print.
    textarea.style.height = "";
    if (textarea.scrollHeight > textarea.clientHeight) textarea.style.height = textarea.scrollHeight + 4 + "px";
  }

  function read() {
    var answers = {};
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
      return { error: "This file is not a set of answers saved from this site's action plans." };
    }
    if (data.plan !== planId) {
      return { error: "This file holds answers to another plan (" + String(data.plan) + "); open that plan to import it." };
    }
    var answers = data.answers;
    if (!answers || typeof answers !== "object" || Array.isArray(answers)) {
      return { error: "This file has no answers in it." };
    }
    var names = {};
    controls().forEach(function (element) {
      names[element.name] = true;
    });
    var kept = {};
    var count = 0;
    var skipped = 0;
    Object.keys(answers).forEach(function (name) {
      var value = answers[name];
      if (names[name] && (typeof value === "string" || value === true)) {
        kept[name] = value;
        count += 1;
      } else {
        skipped += 1;
      }
    });
    return { answers: kept, count: count, skipped: skipped };
  }

  function save() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(envelope(read())));
    } catch (error) {
      say("This browser did not let the page save your answers; export them to keep a copy.", true);
    }
  }

  function restore() {
    var text = null;
    try {
      text = window.localStorage.getItem(storageKey);
    } catch (error) {
      return;
    }
    if (!text) return;
    try {
      var result = check(JSON.parse(text));
      if (result.answers) {
        write(result.answers);
        say("Your saved answers are back (saved in this browser only).");
      }
    } catch (error) {
      say("Saved answers in this browser could not be read; they were left as they are.", true);
    }
  }

  function exportAnswers() {
    var blob = new Blob([JSON.stringify(envelope(read()), null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = planId + "-answers.json";
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 10000);
    say("Your answers were saved as " + link.download + ". The file stays on this device until you share it.");
  }

  function importAnswers(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try {
        data = JSON.parse(String(reader.result));
      } catch (error) {
        say("“" + file.name + "” could not be read: it is not a valid answers file. Your answers are unchanged.", true);
        return;
      }
      var result = check(data);
      if (result.error) {
        say(result.error + " Your answers are unchanged.", true);
        return;
      }
      var current = Object.keys(read()).length;
      if (current && !window.confirm("Replace the answers on this page with the " + result.count + " in “" + file.name + "”?")) {
        say("Import cancelled. Your answers are unchanged.");
        return;
      }
      write(result.answers);
      save();
      var note = result.skipped ? " " + result.skipped + " did not match this version of the plan and were left out." : "";
      say("Imported " + result.count + " answers from “" + file.name + "”." + note);
    };
    reader.onerror = function () {
      say("“" + file.name + "” could not be opened. Your answers are unchanged.", true);
    };
    reader.readAsText(file);
  }

  function erase() {
    var question = "Erase all your answers to this plan from this browser? This cannot be undone; export them first to keep a copy.";
    if (!window.confirm(question)) return;
    write({});
    try {
      window.localStorage.removeItem(storageKey);
    } catch (error) {
      /* nothing was stored */
    }
    say("Your answers were erased from this browser.");
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

  restore();
})();
