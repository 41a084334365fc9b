/* What the hub keeps on this device, and the files it makes there: the helpers that action plans
 * (action-plan.js) and My learning (learning.js, my-learning.js) share.
 *
 * Everything stays in this browser's localStorage; files are made in the page and handed to the browser as
 * downloads, and files a person picks are read in the page. Nothing here sends anything anywhere.
 */
(function () {
  "use strict";

  /* The text kept under `key`, or null when there is none or the browser keeps nothing (storage switched off). */
  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  /* Keep `text` under `key`. Returns null when it was kept, or the error when it was not (a full storage, or a
     browser that keeps nothing): whatever was kept before stays as it was. */
  function write(key, text) {
    try {
      window.localStorage.setItem(key, text);
      return null;
    } catch (error) {
      return error || new Error("localStorage.setItem");
    }
  }

  function remove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (error) {
      /* nothing was kept */
    }
  }

  /* Call `callback(newText)` when another tab of this site changes what is kept under `key`; newText is null
     when it was erased (or when all of the site's storage was cleared). */
  function onChange(key, callback) {
    window.addEventListener("storage", function (event) {
      if (event.key !== key && event.key !== null) return;
      callback(event.key === null ? null : event.newValue);
    });
  }

  /* Hand `blob` to the browser as a download called `name`: made in the page, never uploaded. */
  function saveFile(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 10000);
  }

  /* The text of a file the person picked, read in the page. */
  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        resolve(String(reader.result));
      };
      reader.onerror = reject;
      reader.readAsText(file);
    });
  }

  /* Show `message` in a status line (role=status), marked as an error when it is one. */
  function say(line, message, isError) {
    if (!line) return;
    line.textContent = message;
    line.classList.toggle("hub-status--error", Boolean(isError));
  }

  window.hubDevice = {
    read: read,
    write: write,
    remove: remove,
    onChange: onChange,
    saveFile: saveFile,
    readFile: readFile,
    say: say,
  };
})();
