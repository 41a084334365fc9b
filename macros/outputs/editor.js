// The content editor's start-up: read config.yml, register one YAML format per collection, start Decap CMS.
// The formats write what a maintainer would write: the specs' field order (from config.yml), no empty or unknown
// keys, and YAML 1.1 quoting, so `no`, `12:00` or `1.0` stay text for the build's YAML reader. A translation's
// format (`hub-training-es`) keeps an emptied list item as null, so its items stay in step with the English ones,
// and leaves out `translation_of`, which only names a new translation's file.
let YAML = null; // the `yaml` library, copied from npm beside the bundle; imported once the bundle is known to be there

function show(message) {
  document.getElementById("hub-editor-message").textContent = message;
  document.getElementById("hub-editor-note").hidden = false;
}

function isLocal() {
  return ["127.0.0.1", "localhost"].includes(window.location.hostname);
}

// The fields that describe what one value holds: an object's or a list item's fields, or a list's single field.
function itemField(field) {
  if (field.widget === "list" && field.field) return field.field;
  if (field.widget === "list") return { fields: field.fields || [] };
  return {};
}

const TRANSLATION_FORMAT = /-[a-z]{2}$/;
const NOT_IN_FILE = "translation_of";

// The value as the file should hold it, or undefined when there is nothing to write. In a translation an emptied
// list item is null (`- null`: that item stays in English) rather than dropped, which would shift the ones after it.
function clean(value, field, translation) {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map((item) => clean(item, itemField(field), translation));
    const kept = translation ? items.map((item) => (item === undefined ? null : item)) : items.filter((item) => item !== undefined);
    return kept.some((item) => item !== null) ? kept : undefined;
  }
  if (typeof value === "object") {
    const result = {};
    for (const inner of field.fields || []) {
      if (translation && inner.name === NOT_IN_FILE) continue;
      const kept = clean(value[inner.name], inner, translation);
      if (kept !== undefined) result[inner.name] = kept;
    }
    return Object.keys(result).length ? result : undefined;
  }
  return value;
}

// Numbers in a text field (`date: 2022`, `version: 1.0` written without quotes) come back as text, as the build reads them.
function restore(value, field) {
  if (Array.isArray(value)) {
    // an empty item of a translation (`- ~`) is shown as an empty one, to fill in or leave as it is
    const inner = itemField(field);
    return value.map((item) => (item === null ? (inner.fields ? {} : "") : restore(item, inner)));
  }
  if (value !== null && typeof value === "object") {
    const result = {};
    for (const [name, inner] of Object.entries(value)) {
      const declared = (field.fields || []).find((each) => each.name === name) || {};
      result[name] = restore(inner, declared);
    }
    return result;
  }
  if (typeof value === "number" && field.widget !== "number") return String(value);
  return value;
}

function format(fields, translation) {
  return {
    fromFile: (content) => restore(YAML.parse(content) || {}, { fields }),
    toFile: (data) => YAML.stringify(clean(data, { fields }, translation) || {}, { version: "1.1", lineWidth: 0 }),
  };
}

function fieldsOf(collection) {
  if (collection.fields) return collection.fields;
  return collection.files.flatMap((file) => file.fields);
}

// The bundle is loaded from here, not by a tag in the page: a copy of the site built without `npm ci` has no
// bundle, and the page then explains how to install it instead of linking to a missing file.
function loadBundle() {
  return new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = document.querySelector("script[data-bundle]").dataset.bundle;
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    document.head.append(script);
  });
}

async function start() {
  const installed = (await loadBundle()) && window.CMS;
  YAML = installed ? await import("./yaml/index.js").catch(() => null) : null;
  if (!YAML) {
    show(
      "The editor is not installed in this copy of the site. In the project folder, run " +
        "`npm ci --ignore-scripts`, then start the site again (the README's command for editing in the browser does both)."
    );
    return;
  }
  if (!isLocal() && document.body.dataset.published !== "on") {
    show(
      "Signing in on the published site is not set up yet: the maintainers' guide says which two settings it needs " +
        "(the GitHub repository and the sign-in helper). Until then, edit on your own computer or in the YAML files."
    );
    return;
  }
  const response = await fetch("config.yml");
  const config = YAML.parse(await response.text());
  for (const collection of config.collections) {
    const translation = TRANSLATION_FORMAT.test(collection.format);
    window.CMS.registerCustomFormat(collection.format, "yaml", format(fieldsOf(collection), translation));
  }
  window.CMS.init({ config: { ...config, load_config_file: false } });
}

start();
