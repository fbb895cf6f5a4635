/* qpr review pages, shared: the page's data and the language switch (English / French). */
"use strict";
var qpr = (function () {
  var data = JSON.parse(document.getElementById("qpr-data").textContent);
  var root = document.documentElement;
  var stored = "qpr-review-language";

  // Words outside the text (tooltips, placeholders) follow the language here; the rest is
  // in the page in both languages, and the stylesheet shows one.
  function setLanguage(language) {
    var words = data.ui[language];
    root.lang = language;
    document.querySelectorAll("[data-ui-title]").forEach(function (element) {
      element.title = words[element.dataset.uiTitle] || "";
    });
    document.querySelectorAll("[data-ui-placeholder]").forEach(function (element) {
      element.placeholder = words[element.dataset.uiPlaceholder] || "";
    });
    try { window.localStorage.setItem(stored, language); } catch (error) { /* file:// may refuse */ }
  }

  var remembered = null;
  try { remembered = window.localStorage.getItem(stored); } catch (error) { /* no storage */ }
  if (remembered === "fr") { setLanguage("fr"); }
  document.getElementById("lang-switch").addEventListener("click", function () {
    setLanguage(root.lang === "fr" ? "en" : "fr");
  });

  return { data: data, word: function (key) { return data.ui[root.lang][key] || key; } };
})();
