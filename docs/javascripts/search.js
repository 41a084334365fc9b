// Site search on Pagefind's chunked index (written by the build into /pagefind/, served by this site only).
// Nothing is fetched until a person types: then pagefind.js, its WebAssembly and the index chunks their words
// need. Each result shows its kind and date; a Kind menu narrows the results. Keyboard: "/" goes to the search
// box, the down arrow moves into the results (up/down between them), Escape goes back and closes. Its words come
// from the message catalog (javascripts/i18n.js); a Spanish page searches the Spanish index (Pagefind picks the
// index by the page's <html lang>) with the Spanish synonyms, and its kinds are the Spanish words the index holds.
(() => {
  "use strict";
  const t = window.hubT;
  const tn = window.hubTn;
  const source = document.querySelector("[data-hub-pagefind]");
  const forms = [...document.querySelectorAll("form[data-hub-search]")];
  if (!source || !forms.length) return;
  const bundle = new URL(source.dataset.hubPagefind, location.href);
  const siteBase = new URL("../", bundle).pathname;
  const SHOWN = { header: 8, page: 30 };
  const PAUSE_MS = 60;
  // A search starts 60 ms after the last key, and only one runs at a time: while it runs, further keys only
  // note that the words changed, and the latest words are searched when it ends. A quick typist's "po",
  // "pos", "post"… so never queue up in Pagefind's worker ahead of the word they are typing.
  const KIND_ORDER = [t("Service"), t("Topic"), t("Person"), t("Program"), t("Learning network"), t("Archive"),
    t("Session"), t("Training"), t("Action plan"), t("Page")];
  let engine = null;

  const load = () => {
    engine ??= Promise.all([
      import(new URL("pagefind.js", bundle).href),
      fetch(new URL(source.dataset.hubSynonyms || "synonyms.json", bundle))
        .then((response) => (response.ok ? response.json() : [])).catch(() => []),
    ]).then(async ([pagefind, synonyms]) => {
      // pageLength 0.4 (Pagefind's default 0.75): a long page about a thing (a learning network, a service) is not
      // pushed below the short pages that mention it.
      await pagefind.options({ baseUrl: siteBase, excerptLength: 22, ranking: { pageLength: 0.4 } });
      await pagefind.init();
      await pagefind.filters();  // loads the kind filter, so every search counts its results per kind
      return { pagefind, synonyms };
    });
    return engine;
  };

  // sessions/synonyms.yaml: a query using one term of a group is also searched with each other term ("VLN" and
  // "virtual learning network"), so the excerpt marks the words each page really has.
  const plain = (text) => ` ${text.toLowerCase().replace(/[\s-]+/g, " ").trim()} `;
  const alternatives = (query, groups) => {
    const text = plain(query);
    const queries = new Set([query]);
    for (const group of groups) {
      const terms = group.map(plain);
      for (const term of terms) {
        const at = text.indexOf(term);
        if (at < 0) continue;
        for (const other of terms) {
          if (other !== term) queries.add(`${text.slice(0, at)}${other}${text.slice(at + term.length)}`.trim());
        }
      }
    }
    return [...queries];
  };

  // Every form's results together, each page once at its best score; the kind counts of one search when the
  // query has a single form (merged counts would need every result's data).
  const searchAll = async (pagefind, queries, filters) => {
    const found = await Promise.all(queries.map((query) => pagefind.search(query, { filters })));
    const best = new Map();
    for (const search of found) {
      for (const result of search.results) {
        if (!best.has(result.id) || best.get(result.id).score < result.score) best.set(result.id, result);
      }
    }
    const counts = found.length === 1 ? (found[0].totalFilters?.kind || found[0].filters?.kind || {}) : null;
    return { results: [...best.values()].sort((a, b) => b.score - a.score), counts };
  };

  // Pagefind's excerpt is the page's own text, escaped as HTML, with <mark> around matches: it is parsed, and only
  // its text and <mark> are kept (a "<" typed in content arrives as "&lt;" and is shown as "<").
  const excerptNodes = (excerpt) => {
    const body = new DOMParser().parseFromString(excerpt, "text/html").body;
    return [...body.childNodes].map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  };

  const resultItem = (data) => {
    const item = document.createElement("li");
    item.className = "hub-search__result";
    const link = document.createElement("a");
    link.href = data.url;
    link.className = "hub-search__title";
    link.textContent = data.meta.title || data.url;
    const meta = document.createElement("p");
    meta.className = "hub-search__meta";
    meta.textContent = [data.meta.kind || t("Page"), data.meta.date].filter(Boolean).join(" · ");
    const excerpt = document.createElement("p");
    excerpt.className = "hub-search__excerpt";
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(link, meta, excerpt);
    return item;
  };

  // "postvension" finds nothing useful; its first letters ("postve") do (Pagefind matches the start of words).
  const looser = (query) => query.split(/\s+/).map((word) => (word.length > 5 ? word.slice(0, Math.max(4, Math.floor(word.length * 0.6))) : word)).join(" ");

  const kindOptions = (select, counts) => {
    const chosen = select.value;
    const kinds = KIND_ORDER.filter((kind) => !counts || counts[kind] || kind === chosen);
    const label = (kind) => (counts ? `${kind} (${counts[kind] || 0})` : kind);
    select.replaceChildren(new Option(t("All kinds"), ""), ...kinds.map((kind) => new Option(label(kind), kind)));
    select.value = chosen;
  };

  const setup = (form) => {
    const input = form.querySelector("input[type=search]");
    const select = form.querySelector("select[name=kind]");
    const panel = form.querySelector(".hub-search__panel");
    const status = form.querySelector(".hub-search__status");
    const list = form.querySelector(".hub-search__results");
    const more = form.querySelector(".hub-search__more a");
    const inHeader = form.classList.contains("hub-search--header");
    let latest = 0;

    const open = (shown) => {
      if (!inHeader) return;
      panel.hidden = !shown;
    };

    const run = async () => {
      const query = input.value.trim();
      const token = ++latest;
      if (!inHeader) {
        const address = new URL(location.href);
        address.searchParams.set("q", query);
        if (select.value) address.searchParams.set("kind", select.value); else address.searchParams.delete("kind");
        history.replaceState(null, "", address);
      }
      if (!query) {
        list.replaceChildren();
        status.textContent = "";
        open(false);
        return;
      }
      if (query.length < 2) return;  // one letter matches most of the site: wait for the next
      const { pagefind, synonyms } = await load();
      if (token !== latest) return;
      const filters = select.value ? { kind: select.value } : {};
      const variants = alternatives(query, synonyms);
      let search = await searchAll(pagefind, variants, filters);
      if (token !== latest) return;
      const forms = variants.slice(1).map((form) => `“${form}”`).join(", ");
      let note = variants.length > 1 ? " " + t("Also searched: %(forms)s.", { forms }) : "";
      const top = (found) => (found.results.length ? found.results[0].score : 0);
      if (looser(query) !== query) {
        // A typo leaves no matches, or only weak ones on stray letters ("-m" for "Mockinbird"); the first letters
        // of each long word usually find what was meant, and win only when they match far better.
        const loose = await searchAll(pagefind, [looser(query)], filters);
        if (top(loose) > 2 * top(search)) {
          note = " " + t("Few pages match it; showing pages with words starting “%(start)s”.", { start: looser(query) });
          search = loose;
        }
      }
      const data = await Promise.all(search.results.slice(0, SHOWN[inHeader ? "header" : "page"]).map((r) => r.data()));
      if (token !== latest) return;
      kindOptions(select, search.counts);
      list.replaceChildren(...data.map(resultItem));
      const count = search.results.length;
      const found = count
        ? tn("%(num)s result for “%(query)s”", "%(num)s results for “%(query)s”", count, { query })
        : t("No results for “%(query)s”", { query });
      status.textContent = `${found}${select.value ? ` (${select.value})` : ""}.${note}`;
      if (more) {
        more.href = `${form.action}?q=${encodeURIComponent(query)}${select.value ? `&kind=${encodeURIComponent(select.value)}` : ""}`;
        more.parentElement.hidden = count <= data.length;
      }
      open(true);
    };

    let timer = 0;
    let running = false;
    let again = false;
    const start = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        await run();
      } finally {
        running = false;
      }
      if (again) {
        again = false;
        start();
      }
    };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(start, PAUSE_MS);
    });
    input.addEventListener("focus", () => { load(); if (input.value.trim() && list.children.length) open(true); });
    select.addEventListener("change", start);
    form.addEventListener("keydown", (event) => {
      const links = [...list.querySelectorAll("a")];
      const at = links.indexOf(document.activeElement);
      if (event.key === "Escape" && inHeader && !panel.hidden) {
        event.preventDefault();  // close the results, keep the words typed (a second Escape clears them)
        open(false);
        input.focus();
      } else if (event.key === "ArrowDown" && (event.target === input || at >= 0) && links.length) {
        event.preventDefault();
        open(true);
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        (at === 0 ? input : links[at - 1]).focus();
      }
    });
    form.addEventListener("focusout", (event) => {
      if (inHeader && !form.contains(event.relatedTarget)) open(false);
    });
    if (!inHeader) {
      const params = new URLSearchParams(location.search);
      input.value = params.get("q") || "";
      if (params.get("kind")) select.append(new Option(params.get("kind"), params.get("kind")));
      select.value = params.get("kind") || "";
      if (input.value) start();
      input.focus();
    }
  };

  forms.forEach(setup);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable]")) return;
    const box = [...document.querySelectorAll("form[data-hub-search] input[type=search]")].reverse()
      .find((input) => input.offsetParent !== null);
    event.preventDefault();
    if (box) box.focus(); else location.href = new URL("search/", new URL(siteBase, location.href)).href;
  });
})();
