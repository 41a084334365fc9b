/* The published Word and Excel templates of a plan, filled in with the answers typed on its page.
 *
 * Loaded by action-plan.js on the first "Download with my answers", after the zip library fflate
 * (vendor/fflate.min.js, served from this site). The blank template is read from this site, filled in
 * this browser and handed back as a file: nothing is sent anywhere.
 *   Word: every answer is a content control tagged with its key (section.field or section.rN.cN).
 *   Excel: every answer cell carries a workbook name, "answer_" + the key with "-" as "_"
 *   (macros/content/plans.py: answer_name).
 * Keys and names are the same in every language's files, so the Spanish files are filled the same way; a ticked box
 * is written as the page's word for yes, as the workbook's drop-down offers it.
 */
(function () {
  "use strict";

  var t = window.hubT;

  var W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
  var S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  var R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  var XML = "http://www.w3.org/XML/1998/namespace";
  var TYPES = {
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };

  function parse(bytes) {
    return new DOMParser().parseFromString(fflate.strFromU8(bytes), "application/xml");
  }

  function serialize(doc) {
    return fflate.strToU8(new XMLSerializer().serializeToString(doc));
  }

  function child(parent, ns, name) {
    for (var node = parent.firstChild; node; node = node.nextSibling) {
      if (node.namespaceURI === ns && node.localName === name) return node;
    }
    return null;
  }

  function make(doc, ns, qualified, attributes) {
    var element = doc.createElementNS(ns, qualified);
    Object.keys(attributes || {}).forEach(function (name) {
      element.setAttributeNS(ns, name, attributes[name]);
    });
    return element;
  }

  /* A Word run holding `text`, its lines joined by line breaks. */
  function runOf(doc, text) {
    var run = make(doc, W, "w:r");
    String(text)
      .split(/\r\n|\r|\n/)
      .forEach(function (line, index) {
        if (index) run.appendChild(make(doc, W, "w:br"));
        var piece = make(doc, W, "w:t");
        piece.setAttributeNS(XML, "xml:space", "preserve");
        piece.textContent = line;
        run.appendChild(piece);
      });
    return run;
  }

  function fillControl(doc, sdt, value) {
    var properties = child(sdt, W, "sdtPr");
    var content = child(sdt, W, "sdtContent");
    if (!properties || !content) return;
    var checkbox = child(properties, W14, "checkbox");
    if (checkbox) {
      var ticked = value === true || value === "yes";
      child(checkbox, W14, "checked").setAttributeNS(W14, "w14:val", ticked ? "1" : "0");
      var glyph = content.getElementsByTagNameNS(W, "t")[0];
      if (glyph) glyph.textContent = ticked ? "\u2612" : "\u2610";
      return;
    }
    if (typeof value !== "string" || value === "") return;
    var placeholder = child(properties, W, "showingPlcHdr");
    if (placeholder) properties.removeChild(placeholder);
    var date = child(properties, W, "date");
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(value)) date.setAttributeNS(W, "w:fullDate", value + "T00:00:00Z");
    var paragraph = child(content, W, "p");
    var holder = paragraph || content;
    for (var node = holder.firstChild; node; ) {
      var next = node.nextSibling;
      if (!(node.namespaceURI === W && node.localName === "pPr")) holder.removeChild(node);
      node = next;
    }
    holder.appendChild(runOf(doc, value));
  }

  function fillDocx(files, answers) {
    var doc = parse(files["word/document.xml"]);
    var controls = doc.getElementsByTagNameNS(W, "sdt");
    for (var index = 0; index < controls.length; index += 1) {
      var properties = child(controls[index], W, "sdtPr");
      var tag = properties && child(properties, W, "tag");
      var key = tag && tag.getAttributeNS(W, "val");
      if (key && Object.prototype.hasOwnProperty.call(answers, key)) fillControl(doc, controls[index], answers[key]);
    }
    files["word/document.xml"] = serialize(doc);
  }

  function columnNumber(reference) {
    var letters = reference.replace(/[^A-Z]/g, "");
    var number = 0;
    for (var index = 0; index < letters.length; index += 1) number = number * 26 + letters.charCodeAt(index) - 64;
    return number;
  }

  /* The <c> element for `reference` (e.g. E7), added to its row if the template left it out. */
  function cellOf(doc, reference) {
    var cells = doc.getElementsByTagNameNS(S, "c");
    for (var index = 0; index < cells.length; index += 1) {
      if (cells[index].getAttribute("r") === reference) return cells[index];
    }
    var rowNumber = reference.replace(/[A-Z]/g, "");
    var rows = doc.getElementsByTagNameNS(S, "row");
    for (var at = 0; at < rows.length; at += 1) {
      if (rows[at].getAttribute("r") !== rowNumber) continue;
      var cell = doc.createElementNS(S, "c");
      cell.setAttribute("r", reference);
      var before = null;
      for (var node = rows[at].firstChild; node; node = node.nextSibling) {
        if (node.localName === "c" && columnNumber(node.getAttribute("r")) > columnNumber(reference)) {
          before = node;
          break;
        }
      }
      rows[at].insertBefore(cell, before);
      return cell;
    }
    return null;
  }

  /* Days since 1899-12-30, as spreadsheets count dates, for yyyy-mm-dd; null for anything else. */
  function serialDay(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return null;
    return (Date.UTC(+match[1], +match[2] - 1, +match[3]) - Date.UTC(1899, 11, 30)) / 86400000;
  }

  function fillCell(doc, cell, value) {
    while (cell.firstChild) cell.removeChild(cell.firstChild);
    var day = typeof value === "string" ? serialDay(value) : null;
    var numberFormatted = cell.getAttribute("t") === "n" || !cell.getAttribute("t");
    if (day !== null && numberFormatted) {
      cell.removeAttribute("t");
      var number = doc.createElementNS(S, "v");
      number.textContent = String(day);
      cell.appendChild(number);
      return;
    }
    cell.setAttribute("t", "inlineStr");
    var inline = doc.createElementNS(S, "is");
    var text = doc.createElementNS(S, "t");
    text.setAttributeNS(XML, "xml:space", "preserve");
    text.textContent = value === true ? t("Yes") : String(value);
    inline.appendChild(text);
    cell.appendChild(inline);
  }

  function fillXlsx(files, answers) {
    var book = parse(files["xl/workbook.xml"]);
    var links = parse(files["xl/_rels/workbook.xml.rels"]);
    var targets = {};
    Array.prototype.forEach.call(links.getElementsByTagName("Relationship"), function (link) {
      var target = link.getAttribute("Target").replace(/^\//, "");
      targets[link.getAttribute("Id")] = target.indexOf("xl/") === 0 ? target : "xl/" + target;
    });
    var sheetFiles = {};
    Array.prototype.forEach.call(book.getElementsByTagNameNS(S, "sheet"), function (sheet) {
      sheetFiles[sheet.getAttribute("name")] = targets[sheet.getAttributeNS(R, "id")];
    });
    var places = {};
    Array.prototype.forEach.call(book.getElementsByTagNameNS(S, "definedName"), function (name) {
      var match = /^'?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(name.textContent);
      if (match) places[name.getAttribute("name")] = { sheet: match[1].replace(/''/g, "'"), cell: match[2] + match[3] };
    });
    var opened = {};
    Object.keys(answers).forEach(function (key) {
      var value = answers[key];
      var place = places["answer_" + key.replace(/-/g, "_")];
      if (!place || value === "" || value === false) return;
      var path = sheetFiles[place.sheet];
      if (!path || !files[path]) return;
      if (!opened[path]) opened[path] = parse(files[path]);
      var cell = cellOf(opened[path], place.cell);
      if (cell) fillCell(opened[path], cell, value);
    });
    Object.keys(opened).forEach(function (path) {
      files[path] = serialize(opened[path]);
    });
  }

  /* The template at `url` (from this site) with `answers` in place, as a Blob. */
  function fill(kind, url, answers) {
    return fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("template " + response.status);
        return response.arrayBuffer();
      })
      .then(function (buffer) {
        var files = fflate.unzipSync(new Uint8Array(buffer));
        if (kind === "docx") fillDocx(files, answers);
        else fillXlsx(files, answers);
        return new Blob([fflate.zipSync(files, { level: 6 })], { type: TYPES[kind] });
      });
  }

  window.hubPlanOffice = { fill: fill };
})();
