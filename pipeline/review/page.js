/* qpr review page: a field row and its marks in the text select each other; filters. */
(function () {
  var text = document.getElementById("text");
  var panel = document.getElementById("panel");
  var selection = document.getElementById("selection");
  var rows = {};
  var marks = {};
  var selected = null;
  var shown = -1;       // which of the selected field's marks was scrolled to
  var lastMark = null;  // the mark clicked last, and which of its fields it gave
  var lastTurn = 0;

  panel.querySelectorAll(".field[data-field]").forEach(function (row) {
    rows[row.dataset.field] = row;
  });
  if (text) {
    text.querySelectorAll("mark[data-fields]").forEach(function (mark) {
      mark.dataset.fields.split(" ").forEach(function (key) {
        (marks[key] = marks[key] || []).push(mark);
      });
    });
  }

  function entitiesOn() { return !document.body.classList.contains("no-entities"); }
  function isEntity(key) { return key.slice(-9) === ":entities"; }

  function clear() {
    if (selected === null) { return; }
    if (rows[selected]) { rows[selected].classList.remove("selected"); }
    (marks[selected] || []).forEach(function (mark) { mark.classList.remove("current", "focus"); });
  }

  function describe(key) {
    var unit = key.slice(0, key.lastIndexOf(":"));
    var name = qpr.data.units[unit];
    var row = rows[key];
    selection.replaceChildren();
    if (name) { selection.append(name + " · "); }
    if (row) { selection.append(row.querySelector(".name").cloneNode(true)); }
    if (!(marks[key] || []).length) { selection.append(" — " + qpr.word("words.no_place")); }
  }

  // Select the field `key`; from the panel, scroll the text to its next mark; from the text,
  // scroll the panel to its row.
  function select(key, from) {
    var again = key === selected;
    clear();
    selected = key;
    var found = marks[key] || [];
    if (rows[key]) { rows[key].classList.add("selected"); }
    found.forEach(function (mark) { mark.classList.add("current"); });
    shown = again ? shown + 1 : 0;
    if (found.length) {
      var mark = found[shown % found.length];
      mark.classList.add("focus");
      if (from === "panel") { mark.scrollIntoView({ block: "center" }); }
    }
    if (from === "text" && rows[key]) { rows[key].scrollIntoView({ block: "nearest" }); }
    describe(key);
  }

  // The editor's controls inside a row (edit.js) are theirs, not a selection.
  function control(event) { return event.target.closest("input, textarea, select, button, label"); }

  panel.addEventListener("click", function (event) {
    if (control(event)) { return; }
    var row = event.target.closest(".field[data-field]");
    if (row) { select(row.dataset.field, "panel"); }
  });
  panel.addEventListener("keydown", function (event) {
    if (control(event)) { return; }
    var row = event.target.closest(".field[data-field]");
    if (row && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(row.dataset.field, "panel");
    }
  });
  if (text) {
    // A run covered by several values gives the most specific first, the next on each click.
    text.addEventListener("click", function (event) {
      var mark = event.target.closest("mark[data-fields]");
      if (!mark) { return; }
      var keys = mark.dataset.fields.split(" ").filter(function (key) {
        return entitiesOn() || !isEntity(key);
      });
      if (!keys.length) { return; }
      lastTurn = mark === lastMark ? lastTurn + 1 : 0;
      lastMark = mark;
      select(keys[lastTurn % keys.length], "text");
    });
  }

  var filters = {
    "filter-issues": "only-issues",
    "filter-inferred": "only-inferred",
    "filter-missing": "only-missing"
  };
  Object.keys(filters).forEach(function (id) {
    var box = document.getElementById(id);
    box.addEventListener("change", function () {
      document.body.classList.toggle(filters[id], box.checked);
    });
    document.body.classList.toggle(filters[id], box.checked);
  });
  var entities = document.getElementById("filter-entities");
  entities.addEventListener("change", function () {
    document.body.classList.toggle("no-entities", !entities.checked);
  });
  document.body.classList.toggle("no-entities", !entities.checked);
})();
