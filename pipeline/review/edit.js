/* qpr review page, editing: the reviewer's changes, kept in the page until exported as a
   corrections file (schemas/corrections.py), downloaded. Only a page served with a path of its
   service to post them to (data.post_to, the one place its policy lets it reach) can also send
   the same corrections there; no other page sends anything anywhere. */
(function () {
  var edit = qpr.data.edit;
  var panel = document.getElementById("panel");
  var status = document.getElementById("edit-status");
  var stateSelect = document.getElementById("review-state");
  var reviewer = document.getElementById("reviewer");
  var changes = [];  // in order; a change of the same place replaces an earlier one
  var added = 0;
  var note = "";     // the reviewer's note on the edit being saved, given to its changes
  var send = qpr.data.post_to ? document.getElementById("send") : null;
  var sending = false;

  // An element; `words` keys become the word in both languages (the stylesheet shows one).
  function make(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }
  function words(key) {
    return ["en", "fr"].map(function (language) {
      var span = make("span", { "class": "ui", lang: language });
      span.textContent = qpr.data.ui[language][key] || key;
      return span;
    });
  }
  function button(cls, key) { return make("button", { type: "button", "class": cls }, words(key)); }
  function say(keys, extra) {
    status.replaceChildren();
    keys.forEach(function (key) { words(key).forEach(function (span) { status.append(span); }); });
    if (extra) { status.append(" " + extra); }
  }
  function count(number, key) {
    status.replaceChildren(String(number) + " ");
    words(key).forEach(function (span) { status.append(span); });
  }
  // Something new to export or send: sending is open again (once the last one has ended).
  function report() {
    if (send && !sending) { send.disabled = false; }
    count(changes.length, "words.pending");
  }

  function put(change, key) {
    var field = change.field;
    changes = changes.filter(function (other) {
      if (other.key === key) { return false; }
      // A whole list set replaces the changes of its rows.
      return !(field && other.measure_id === change.measure_id && other.field &&
               other.field.indexOf(field + ".") === 0);
    });
    change.key = key;
    change.note = change.note || note;
    changes.push(change);
    report();
  }
  function drop(key) {
    changes = changes.filter(function (other) { return other.key !== key; });
    report();
  }
  function setChange(unit, field, kind, value) {
    var change = { measure_id: unit, field: field, kind: kind,
                   old: edit.units[unit].machine[field], new: value === undefined ? null : value,
                   note: "" };
    put(change, unit + "|" + field);
  }

  function rowParts(row) {
    var key = row.dataset.field;
    var name = key.slice(key.lastIndexOf(":") + 1);
    return { unit: key.slice(0, key.lastIndexOf(":")), name: name, field: edit.fields[name] };
  }
  function marked(row, cls) {
    row.classList.remove("edited", "confirming", "wrong-marked");
    row.classList.add(cls);
    var note = row.querySelector(".edited-note") || make("div", { "class": "edited-note" });
    note.replaceChildren.apply(note, words("words.edited"));
    row.append(note);
  }
  function showValue(row, text) {
    var value = row.querySelector(".value") || make("div", { "class": "value" });
    value.textContent = text === null || text === "" ? "—" : text;
    if (!value.parentNode) { row.querySelector(".head").after(value); }
  }

  // Editors, one kind of field each: they fill `box` and return what saving does.
  var editors = {
    text: function (box, unit, field) {
      var current = edit.units[unit].current[field.path];
      var long = field.path !== "title" && field.path !== "agency" && field.path !== "website";
      var input = make(long ? "textarea" : "input", long ? { rows: "5" } : { type: "text" });
      input.value = current === null ? "" : current;
      box.append(input);
      return function (row) {
        var value = input.value.trim() || null;
        setChange(unit, field.path, "set", value);
        edit.units[unit].current[field.path] = value;
        showValue(row, value);
      };
    },
    codes: function (box, unit, field) {
      var current = (edit.units[unit].current[field.path] || []).map(function (item) {
        return typeof item === "string" ? item : item.code;
      });
      var name = field.path;
      var boxes = edit.codes[name].map(function (code) {
        var check = make("input", { type: "checkbox", value: code });
        check.checked = current.indexOf(code) >= 0;
        box.append(make("label", { "class": "code" }, [check, " " + code]));
        return check;
      });
      return function (row) {
        var codes = boxes.filter(function (check) { return check.checked; })
          .map(function (check) { return check.value; });
        setChange(unit, name, "set", codes);
        edit.units[unit].current[name] = codes;
        showValue(row, codes.join(", "));
        var items = row.querySelector(".items");
        if (items) { items.remove(); }
      };
    },
    year: function (box, unit, field) {
      var current = edit.units[unit].current[field.path];
      var input = make("input", { type: "number", min: "1900", max: "2100", step: "1" });
      input.value = current === null ? "" : String(current);
      box.append(input);
      return function (row) {
        var value = input.value.trim() === "" ? null : Number(input.value);
        setChange(unit, field.path, "set", value);
        edit.units[unit].current[field.path] = value;
        showValue(row, value === null ? null : String(value));
      };
    },
    // Yes, no, or not answered: the form's evaluation question.
    yes_no: function (box, unit, field) {
      var current = edit.units[unit].current[field.path];
      var select = make("select", { "class": "yes-no" }, [
        make("option", { value: "" }, ["—"]),
        make("option", { value: "true" }, [qpr.word("words.yes")]),
        make("option", { value: "false" }, [qpr.word("words.no")])
      ]);
      select.value = current === null ? "" : String(current);
      box.append(select);
      return function (row) {
        var value = select.value === "" ? null : select.value === "true";
        setChange(unit, field.path, "set", value);
        edit.units[unit].current[field.path] = value;
        showValue(row, value === null ? null : qpr.word(value ? "words.yes" : "words.no"));
      };
    },
    budget: function (box, unit) {
      var current = edit.units[unit].current;
      var amount = make("input", { type: "number", step: "any", "class": "amount" });
      var currency = make("input", { type: "text", maxlength: "3", "class": "currency" });
      amount.value = current["budget.amount"] === null ? "" : String(current["budget.amount"]);
      currency.value = current["budget.currency"] || "";
      box.append(make("label", {}, words("words.amount").concat([" ", amount])),
                 make("label", {}, words("words.currency").concat([" ", currency])));
      return function (row) {
        var number = amount.value.trim() === "" ? null : Number(amount.value);
        var code = currency.value.trim().toUpperCase() || null;
        if (number !== current["budget.amount"]) { setChange(unit, "budget.amount", "set", number); }
        if (code !== current["budget.currency"]) { setChange(unit, "budget.currency", "set", code); }
        current["budget.amount"] = number;
        current["budget.currency"] = code;
        showValue(row, (number === null ? "—" : String(number)) + " " + (code || ""));
      };
    },
    partners: function (box, unit) {
      var machine = edit.units[unit].machine.partners || [];
      var current = edit.units[unit].current.partners || [];
      var table = make("div", { "class": "partner-rows" });
      var lines = [];
      function line(row, index) {
        var name = make("input", { type: "text", "class": "partner-name" });
        name.value = row.name || "";
        var type = make("select", { "class": "partner-type" }, [make("option", { value: "" }, ["—"])]);
        edit.entity_types.forEach(function (code) { type.append(make("option", { value: code }, [code])); });
        type.value = row.entity_type || "";
        var remove = button("remove", "words.remove");
        var item = { row: row, index: index, name: name, type: type, removed: false };
        var div = make("div", { "class": "partner-row", "data-partner": String(index) },
                       [name, type, remove]);
        remove.addEventListener("click", function () {
          item.removed = !item.removed;
          div.classList.toggle("removed", item.removed);
        });
        lines.push(item);
        table.append(div);
      }
      current.forEach(function (row, index) { line(row, index); });
      var more = button("add-partner", "words.add_partner");
      more.addEventListener("click", function () { line({ name: null, entity_type: null }, lines.length); });
      box.append(table, more);
      return function (row) {
        var kept = lines.filter(function (item) { return !item.removed; });
        var rows = kept.map(function (item) {
          return Object.assign({}, item.row, { name: item.name.value.trim() || null,
                                               entity_type: item.type.value || null });
        });
        var appended = lines.length - current.length;
        var whole = kept.length !== lines.length || appended > 1 || current.length !== machine.length;
        if (whole) {
          setChange(unit, "partners", "set", rows);
        } else {
          kept.forEach(function (item, index) {
            var was = current[index];
            var given = rows[index];
            if (!was) {
              var path = "partners." + index;
              put({ measure_id: unit, field: path, kind: "set", old: null,
                    new: { name: given.name, entity_type: given.entity_type }, note: "" },
                  unit + "|" + path);
              return;
            }
            ["name", "entity_type"].forEach(function (part) {
              if (given[part] === was[part]) { return; }
              var cell = "partners." + index + "." + part;
              put({ measure_id: unit, field: cell, kind: "set", old: machine[index][part],
                    new: given[part], note: "" }, unit + "|" + cell);
            });
          });
        }
        edit.units[unit].current.partners = rows;
        var items = row.querySelector(".items") || make("ul", { "class": "items" });
        items.replaceChildren.apply(items, rows.map(function (given, index) {
          return make("li", { "data-partner": String(index) },
                      [(given.name || "—") + " · " + (given.entity_type || "—")]);
        }));
        if (!items.parentNode) { row.querySelector(".head").after(items); }
      };
    }
  };

  function open(row) {
    var parts = rowParts(row);
    if (!parts.field || row.querySelector(".editor")) { return; }
    var box = make("div", { "class": "editor" });
    var save = editors[parts.field.kind](box, parts.unit, parts.field);
    var noteInput = make("input", { type: "text", "class": "note",
                                    "data-ui-placeholder": "words.note_placeholder",
                                    placeholder: qpr.word("words.note_placeholder") });
    var saveButton = button("save", "words.save");
    var cancel = button("cancel", "words.cancel");
    box.append(noteInput, saveButton, cancel);
    row.append(box);
    saveButton.addEventListener("click", function () {
      note = noteInput.value.trim();
      save(row);
      note = "";
      box.remove();
      marked(row, "edited");
    });
    cancel.addEventListener("click", function () { box.remove(); });
    var first = box.querySelector("input, textarea, select");
    if (first) { first.focus(); }
  }

  panel.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target) { return; }
    var row = target.closest(".field[data-field]");
    if (row && target.classList.contains("edit")) { open(row); }
    if (row && (target.classList.contains("confirm") || target.classList.contains("wrong"))) {
      var parts = rowParts(row);
      var kind = target.classList.contains("confirm") ? "confirm" : "wrong";
      setChange(parts.unit, parts.field.path, kind);
      marked(row, kind === "confirm" ? "confirming" : "wrong-marked");
    }
    if (target.classList.contains("is-measure")) {  // a stored "not a measure", undone
      var undone = target.closest(".unit");
      var restored = undone.classList.toggle("restored");
      if (restored) {
        put({ measure_id: undone.dataset.unit, field: null, kind: "is_a_measure", old: null,
              new: null, note: "" }, undone.dataset.unit + "|is_a_measure");
      } else {
        drop(undone.dataset.unit + "|is_a_measure");
      }
    }
    if (target.classList.contains("not-measure")) {
      var section = target.closest(".unit");
      var unit = section.dataset.unit;
      var on = !section.classList.contains("spurious");
      section.classList.toggle("spurious", on);
      target.replaceChildren.apply(target, words(on ? "words.unmark_not_measure" : "words.mark_not_measure"));
      if (on) {
        put({ measure_id: unit, field: null, kind: "not_a_measure", old: null, new: null, note: "" },
            unit + "|not_a_measure");
      } else {
        drop(unit + "|not_a_measure");
      }
    }
  });

  var form = document.getElementById("add-measure-form");
  document.getElementById("add-measure").addEventListener("click", function () {
    form.hidden = false;
    form.querySelector("[data-path]").focus();
  });
  form.querySelector("button.cancel").addEventListener("click", function () { form.hidden = true; });
  form.querySelector("button.save").addEventListener("click", function () {
    var fields = {};
    form.querySelectorAll("[data-path]").forEach(function (input) {
      var value = input.value.trim();
      if (value === "") { return; }
      fields[input.dataset.path] = input.type === "number" ? Number(value) : value;
    });
    if (!fields.title) { say(["words.need_title"]); return; }
    added += 1;
    put({ measure_id: null, field: null, kind: "add_measure", old: null, new: fields, note: "" },
        "added|" + added);
    var heading = make("h3", {}, words("words.added_measure").concat([": " + fields.title]));
    panel.append(make("section", { "class": "unit added pending", "data-added": String(added) },
                      [heading]));
    form.querySelectorAll("[data-path]").forEach(function (input) { input.value = ""; });
    form.hidden = true;
  });

  stateSelect.addEventListener("change", report);

  // The corrections file of the changes so far, the same whether exported or sent; null (and
  // the reviewer asked for their name, `need`) without the reviewer's name.
  function corrections(need) {
    var name = reviewer.value.trim();
    if (!name) { say([need]); reviewer.focus(); return null; }
    return {
      corrections_version: "1.0",
      record_sha256: edit.sha256,
      extractor_version: edit.extractor_version,
      reviewer: name,
      time: new Date().toISOString(),
      review_state: stateSelect.value,
      changes: changes.map(function (change) {
        return { measure_id: change.measure_id, field: change.field, kind: change.kind,
                 old: change.old, new: change.new, note: change.note };
      })
    };
  }

  document.getElementById("export").addEventListener("click", function () {
    var file = corrections("words.need_reviewer");
    if (!file) { return; }
    var blob = new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" });
    var link = make("a", { href: URL.createObjectURL(blob),
                           download: "corrections-" + edit.sha256 + ".json" });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    say(["words.exported"], link.download);
  });

  if (!send) { return; }

  // What the service said was wrong: its JSON's `detail`, a sentence or an object with its
  // `message` (or a list of them); else the HTTP status.
  function refusal(response) {
    var fallback = "HTTP " + response.status + (response.statusText ? " " + response.statusText : "");
    return response.json().then(function (body) {
      var detail = body && body.detail;
      if (typeof detail === "string" && detail) { return detail; }
      if (detail && typeof detail.message === "string" && detail.message) { return detail.message; }
      if (Array.isArray(detail)) {
        var messages = detail.map(function (item) { return item && (item.message || item.msg); })
          .filter(function (message) { return typeof message === "string" && message; });
        if (messages.length) { return messages.join("; "); }
      }
      return fallback;
    }, function () { return fallback; });
  }

  // What was sent is the service's now: no longer pending, its rows say so, and a measure's
  // switch undoes what the service holds (as on the page the service would serve now).
  function settle(sent) {
    changes = changes.filter(function (change) { return sent.indexOf(change) < 0; });
    sent.forEach(function (change) {
      if (change.kind !== "not_a_measure" && change.kind !== "is_a_measure") { return; }
      panel.querySelectorAll(".unit").forEach(function (section) {
        if (section.dataset.unit !== change.measure_id) { return; }
        var toggle = section.querySelector("button.not-measure, button.is-measure");
        if (!toggle) { return; }
        if (change.kind === "not_a_measure" && section.classList.contains("spurious")) {
          toggle.classList.replace("not-measure", "is-measure");
        } else if (change.kind === "is_a_measure" && section.classList.contains("restored")) {
          section.classList.remove("spurious", "restored");
          toggle.classList.replace("is-measure", "not-measure");
          toggle.replaceChildren.apply(toggle, words("words.mark_not_measure"));
          section.querySelectorAll("h3 .badge").forEach(function (badge) { badge.remove(); });
        }
      });
    });
    panel.querySelectorAll(".field .edited-note").forEach(function (shown) {
      var parts = rowParts(shown.closest(".field"));
      var path = parts.field ? parts.field.path : parts.name;
      var left = changes.some(function (change) {
        return change.measure_id === parts.unit && change.field &&
          (change.field === path || change.field.indexOf(path + ".") === 0);
      });
      if (!left) { shown.replaceChildren.apply(shown, words("words.sent_note")); }
    });
    panel.querySelectorAll(".unit.added.pending").forEach(function (section) {
      var key = "added|" + section.dataset.added;
      if (sent.some(function (change) { return change.key === key; })) {
        section.classList.remove("pending");
      }
    });
  }

  send.addEventListener("click", function () {
    var file = corrections("words.need_reviewer_send");
    if (!file || sending) { return; }
    var sent = changes.slice();
    sending = true;
    send.disabled = true;
    say(["words.sending"]);
    fetch(qpr.data.post_to, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(file),
      credentials: "same-origin"
    }).then(function (response) {
      return response.ok ? null : refusal(response);
    }, function (error) {
      return String(error && error.message ? error.message : error);
    }).then(function (failure) {
      sending = false;
      if (failure !== null) {  // kept as they were: to send again, or to export
        send.disabled = false;
        say(["words.send_failed"], failure);
        return;
      }
      settle(sent);
      // Closed until there is something new: the same corrections are not sent twice.
      send.disabled = changes.length === 0 && stateSelect.value === file.review_state;
      count(sent.length, "words.sent");
    });
  });
})();
