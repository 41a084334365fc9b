/* The scripts' words in the page's language: `hubT("…")` and `hubTn("… one", "… other", n)`.
 *
 * English is the catalog's own text, so on an English page a message is shown as written. On a page in another
 * language the build has loaded that language's translations first (javascripts/messages.<code>.js, made from the
 * same message catalog as the pages), and each message is looked up there. `%(name)s` in a message is filled from
 * the values given (`%(num)s` with the count); values are text, never markup. Every script takes its words from here.
 */
(function () {
  "use strict";

  var data = window.hubMessages || { messages: {}, plurals: {} };

  function fill(text, values) {
    if (!values) return text;
    return text.replace(/%\((\w+)\)s/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  window.hubT = function (text, values) {
    return fill(Object.prototype.hasOwnProperty.call(data.messages, text) ? data.messages[text] : text, values);
  };

  window.hubTn = function (one, other, count, values) {
    var forms = Object.prototype.hasOwnProperty.call(data.plurals, one) ? data.plurals[one] : [one, other];
    var all = { num: count };
    Object.keys(values || {}).forEach(function (name) {
      all[name] = values[name];
    });
    return fill(forms[count === 1 ? 0 : 1], all);
  };
})();
