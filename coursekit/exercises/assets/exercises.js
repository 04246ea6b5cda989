/* Course exercises on the static page: checks answers in the browser, offline, and keeps them.
 *
 * Each exercise is HTML written by coursekit/exercises/static.py: a form plus a
 * <script type="application/json" class="cx-data"> holding the key, the messages and
 * the limits. check() follows Exercise.check in coursekit/exercises/model.py, and
 * parseNumber follows coursekit/exercises/numbers.py, rule for rule. Feedback is set with
 * textContent only, so nothing typed, stored or downloaded can become markup.
 *
 * Answers are saved in localStorage (one key per exercise: "coursekit:answers:v1:<id>") as they
 * change, and restored with their feedback on reload. Pages with exercises get one toolbar, after
 * the last exercise: "Download my answers" (JSON, read by python -m coursekit.exercises.score),
 * "Download as Markdown" and "Reset my answers". If the browser refuses storage (private mode,
 * full quota), checking still works and the learner is warned once.
 */
(function () {
  "use strict";

  var STORE = "coursekit:answers:v1:";
  var SPACES = /(?<=\d)[ \u00a0\u202f](?=\d{3}(\D|$))/g;
  var NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
  var STORAGE_WARNING = "This browser does not let the page keep your answers (private browsing or full storage): " +
    "they will be lost when you leave, unless you use \u201cDownload my answers\u201d below the last exercise.";
  var RESULT_WORDS = {
    correct: "Correct", incorrect: "Not quite", invalid: "Not complete",
    ungraded: "Compared with the notes (not marked)"
  };
  var exercises = [];
  var warned = false;

  function parseNumber(text, messages, limits) {
    var raw = String(text == null ? "" : text).trim();
    if (!raw) return { error: messages.empty };
    if (raw.length > limits.max_chars) return { error: messages.too_long };
    var s = raw.replace(SPACES, "");
    if (s.endsWith("%")) s = s.slice(0, -1).trimEnd();
    if (s.indexOf(".") >= 0 && s.indexOf(",") >= 0) return { error: messages.two_marks };
    if (!NUMBER.test(s)) return { error: messages.not_a_number };
    var value = parseFloat(s.replace(",", "."));
    if (Math.abs(value) > limits.max_abs) return { error: messages.too_large };
    return { value: value };
  }

  function are(count) {
    return count === 1 ? "is" : "are";
  }

  function countWords(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }

  function isBlank(response) {
    if (typeof response === "string") return !response.trim();
    if (Array.isArray(response)) return response.every(isBlank);
    return response == null;
  }

  /* The verdict on a response read from the form: {status, message}, as Exercise.check gives it. */
  function check(data, response) {
    var key = data.key;
    var messages = data.messages;
    var i;
    if (key.type === "numeric") {
      var parsed = parseNumber(response, messages, data.limits);
      if (parsed.error !== undefined) return { status: "invalid", message: parsed.error };
      if (Math.abs(parsed.value - key.answer) <= key.tolerance + 1e-9) {
        return { status: "correct", message: "Correct. " + key.explanation };
      }
      var side = parsed.value < key.answer ? "too_low" : "too_high";
      return { status: "incorrect", message: "Not quite. " + key.feedback[side] };
    }
    if (key.type === "single_choice") {
      if (response === null) return { status: "invalid", message: messages.no_choice };
      var choice = key.choices[response];
      if (choice.correct) {
        return { status: "correct", message: "Correct. " + choice.feedback + " " + key.explanation };
      }
      return { status: "incorrect", message: "Not quite. " + choice.feedback };
    }
    if (key.type === "multiple_choice") {
      if (response.length === 0) return { status: "invalid", message: messages.no_choices };
      var parts = ["Not quite."];
      var missed = 0;
      key.choices.forEach(function (c, index) {
        var chosen = response.indexOf(index) >= 0;
        if (chosen && !c.correct) parts.push(c.feedback);
        if (!chosen && c.correct) missed += 1;
      });
      if (parts.length === 1 && missed === 0) {
        return { status: "correct", message: "Correct. " + key.explanation };
      }
      if (missed) {
        parts.push(missed + " correct answer" + (missed > 1 ? "s are" : " is") + " not selected yet.");
      }
      return { status: "incorrect", message: parts.join(" ") };
    }
    if (key.type === "ordering") {
      if (response.indexOf(null) >= 0) return { status: "invalid", message: messages.no_position };
      if (new Set(response).size !== response.length) return { status: "invalid", message: messages.same_position };
      var placed = 0;
      for (i = 0; i < response.length; i++) if (response[i] === i + 1) placed += 1;
      if (placed === key.size) return { status: "correct", message: "Correct. " + key.explanation };
      return { status: "incorrect", message: "Not quite. " + placed + " of " + key.size + " items " + are(placed) + " in the right place." };
    }
    if (key.type === "categorising") {
      if (response.indexOf(null) >= 0) return { status: "invalid", message: messages.no_category };
      var notes = [];
      var right = 0;
      for (i = 0; i < key.answers.length; i++) {
        if (response[i] === key.answers[i]) right += 1;
        else if (key.feedback[i]) notes.push(key.feedback[i]);
      }
      if (right === key.answers.length) return { status: "correct", message: "Correct. " + key.explanation };
      var summary = "Not quite. " + right + " of " + key.answers.length + " items " + are(right) + " in the right category.";
      return { status: "incorrect", message: [summary].concat(notes).join(" ") };
    }
    var text = response.trim();
    if (!text) return { status: "invalid", message: messages.no_text };
    if (Array.from(text).length > key.max_text) return { status: "invalid", message: messages.too_long_text };
    if (countWords(text) < key.min_words) {
      return { status: "invalid", message: messages.too_few_words.replace("{min_words}", String(key.min_words)) };
    }
    return { status: "ungraded", message: messages.ungraded };
  }

  function menus(root) {
    return Array.prototype.slice.call(root.querySelectorAll("select[data-cx-item]"));
  }

  /* The learner's response, in the shape Exercise.check takes (see coursekit/exercises/model.py). */
  function readResponse(ex) {
    var root = ex.root;
    var type = ex.data.key.type;
    if (type === "numeric") return root.querySelector("input[type=text]").value;
    if (type === "reflection") return root.querySelector("textarea").value;
    if (type === "ordering" || type === "categorising") {
      var size = type === "ordering" ? ex.data.key.size : ex.data.key.answers.length;
      var out = [];
      for (var i = 0; i < size; i++) out.push(null);
      menus(root).forEach(function (menu) {
        out[Number(menu.getAttribute("data-cx-item"))] = menu.value === "" ? null : Number(menu.value);
      });
      return out;
    }
    var picked = [];
    root.querySelectorAll("input[type=radio], input[type=checkbox]").forEach(function (box) {
      if (box.checked) picked.push(Number(box.value));
    });
    if (type === "single_choice") return picked.length ? picked[0] : null;
    return picked;
  }

  /* Put a saved response back into the form; anything that does not fit is left out. */
  function writeResponse(ex, response) {
    var root = ex.root;
    var type = ex.data.key.type;
    if (type === "numeric" || type === "reflection") {
      if (typeof response === "string") root.querySelector(type === "numeric" ? "input[type=text]" : "textarea").value = response;
      return;
    }
    if (type === "ordering" || type === "categorising") {
      if (!Array.isArray(response)) return;
      menus(root).forEach(function (menu) {
        var value = response[Number(menu.getAttribute("data-cx-item"))];
        var fits = Number.isInteger(value) && Array.prototype.some.call(menu.options, function (o) {
          return o.value === String(value);
        });
        menu.value = fits ? String(value) : "";
      });
      return;
    }
    var chosen = type === "single_choice" ? [response] : response;
    if (!Array.isArray(chosen)) return;
    root.querySelectorAll("input[type=radio], input[type=checkbox]").forEach(function (box) {
      box.checked = chosen.indexOf(Number(box.value)) >= 0;
    });
  }

  function storageGet(id) {
    var raw;
    try {
      raw = window.localStorage.getItem(STORE + id);
    } catch (err) {
      return null;
    }
    if (!raw) return null;
    try {
      var saved = JSON.parse(raw);
      return saved && typeof saved === "object" ? saved : null;
    } catch (err) {
      return null; // a damaged entry is ignored; the next change overwrites it
    }
  }

  function storageSet(id, record) {
    try {
      if (record) window.localStorage.setItem(STORE + id, JSON.stringify(record));
      else window.localStorage.removeItem(STORE + id);
      return true;
    } catch (err) {
      return false;
    }
  }

  function warnOnce(ex) {
    if (warned) return;
    warned = true;
    var note = document.createElement("p");
    note.className = "cx-storage-warning";
    note.setAttribute("role", "status");
    note.textContent = STORAGE_WARNING;
    ex.root.querySelector(".cx-feedback").insertAdjacentElement("afterend", note);
  }

  function persist(ex) {
    var record = isBlank(ex.record.response) ? null : ex.record;
    if (!storageSet(ex.id, record)) warnOnce(ex);
  }

  function show(ex, result) {
    var feedback = ex.root.querySelector(".cx-feedback");
    feedback.textContent = result.message;
    feedback.className = "cx-feedback cx-" + result.status;
    ex.root.setAttribute("data-cx-status", result.status);
    var notes = ex.root.querySelector(".cx-notes");
    if (notes) notes.hidden = result.status !== "ungraded";
  }

  function clear(ex) {
    ex.form.reset();
    var feedback = ex.root.querySelector(".cx-feedback");
    feedback.textContent = "";
    feedback.className = "cx-feedback";
    ex.root.removeAttribute("data-cx-status");
    var notes = ex.root.querySelector(".cx-notes");
    if (notes) notes.hidden = true;
    ex.record = { type: ex.data.key.type, response: readResponse(ex) };
    if (!storageSet(ex.id, null)) warnOnce(ex);
  }

  function restore(ex) {
    var saved = storageGet(ex.id);
    if (!saved || saved.type !== ex.data.key.type) return;
    writeResponse(ex, saved.response);
    ex.record.response = readResponse(ex);
    if (typeof saved.status === "string" && !isBlank(ex.record.response)) {
      var result = check(ex.data, ex.record.response);
      show(ex, result);
      ex.record.status = result.status;
    }
  }

  function setUp(root) {
    var dataNode = root.querySelector("script.cx-data");
    var form = root.querySelector("form.cx-form");
    if (!dataNode || !form || root.classList.contains("cx-ready")) return;
    var data;
    try {
      data = JSON.parse(dataNode.textContent);
    } catch (err) {
      return; // a fragment we cannot read stays a plain form with its offline note
    }
    var ex = { root: root, form: form, data: data, id: data.key.id, record: null };
    ex.record = { type: data.key.type, response: readResponse(ex) };
    restore(ex);
    function changed() {
      ex.record = { type: data.key.type, response: readResponse(ex) };
      persist(ex);
    }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var response = readResponse(ex);
      var result = check(data, response);
      show(ex, result);
      ex.record = { type: data.key.type, response: response, status: result.status };
      persist(ex);
    });
    var toggle = root.querySelector(".cx-hint-toggle");
    var hint = root.querySelector(".cx-hint");
    if (toggle && hint) {
      toggle.addEventListener("click", function () {
        var showHint = hint.hidden;
        hint.hidden = !showHint;
        toggle.setAttribute("aria-expanded", String(showHint));
        toggle.textContent = showHint ? "Hide the hint" : "Show a hint";
      });
    }
    root.classList.add("cx-ready");
    exercises.push(ex);
  }

  /* The answers document: the format of the live notebooks' progress file (coursekit/exercises/progress.py). */
  function answersDocument() {
    var answers = {};
    exercises.forEach(function (ex) {
      if (!isBlank(ex.record.response)) answers[ex.id] = ex.record;
    });
    return { format: "coursekit-answers", version: 1, saved_at: new Date().toISOString(), answers: answers };
  }

  function textOf(node) {
    return node ? node.textContent.trim() : "";
  }

  function answerLines(ex) {
    var root = ex.root;
    var response = ex.record.response;
    var type = ex.data.key.type;
    if (type === "numeric") return [response.trim()];
    if (type === "reflection") return response.trim().split("\n").map(function (line) { return "> " + line; });
    if (type === "single_choice" || type === "multiple_choice") {
      var picked = type === "single_choice" ? [response] : response;
      return picked.map(function (i) { return "- " + textOf(root.querySelector("label[for='" + root.id + "-" + i + "']")); });
    }
    var rows = menus(root).map(function (menu) {
      var item = textOf(root.querySelector("label[for='" + menu.id + "']"));
      var chosen = menu.value === "" ? "(none)" : textOf(menu.options[menu.selectedIndex]);
      return { item: item, chosen: chosen, position: menu.value === "" ? Infinity : Number(menu.value) };
    });
    if (type === "ordering") {
      rows.sort(function (a, b) { return a.position - b.position; });
      return rows.map(function (r) { return "- " + r.chosen + ". " + r.item; });
    }
    return rows.map(function (r) { return "- " + r.item + ": " + r.chosen; });
  }

  function markdown(doc) {
    var lines = ["# My answers: " + document.title, "", "Saved " + doc.saved_at + " from " + window.location.href + "."];
    exercises.forEach(function (ex, n) {
      if (isBlank(ex.record.response)) return;
      lines.push("", "## " + (n + 1) + ". " + textOf(ex.root.querySelector(".cx-prompt")), "");
      lines.push("Exercise `" + ex.id + "` (" + textOf(ex.root.querySelector(".cx-kicker")) + ")", "", "My answer:", "");
      lines = lines.concat(answerLines(ex));
      lines.push("", "Result: " + (RESULT_WORDS[ex.record.status] || "Not checked yet"));
    });
    if (Object.keys(doc.answers).length === 0) lines.push("", "No exercise on this page has an answer yet.");
    return lines.join("\n") + "\n";
  }

  function pageName() {
    var last = window.location.pathname.split("/").pop().replace(/\.html?$/, "");
    return (last || "index").replace(/[^A-Za-z0-9_-]+/g, "-");
  }

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function button(label, className) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = label;
    return b;
  }

  function addToolbar() {
    if (!exercises.length || document.querySelector(".cx-toolbar")) return;
    var bar = document.createElement("div");
    bar.className = "cx-toolbar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-labelledby", "cx-toolbar-title");
    var title = document.createElement("p");
    title.id = "cx-toolbar-title";
    title.className = "cx-toolbar-title";
    title.textContent = "Your answers on this page";
    var actions = document.createElement("div");
    actions.className = "cx-actions";
    var json = button("Download my answers", "cx-download");
    var md = button("Download as Markdown", "cx-download-markdown");
    var reset = button("Reset my answers", "cx-reset");
    var status = document.createElement("p");
    status.className = "cx-toolbar-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var armed = false;
    function disarm() {
      armed = false;
      reset.textContent = "Reset my answers";
    }
    json.addEventListener("click", function () {
      disarm();
      var name = "answers-" + pageName() + ".json";
      download(name, JSON.stringify(answersDocument(), null, 1) + "\n", "application/json");
      status.textContent = "Your answers are downloading as " + name + ".";
    });
    md.addEventListener("click", function () {
      disarm();
      var name = "answers-" + pageName() + ".md";
      download(name, markdown(answersDocument()), "text/markdown");
      status.textContent = "Your answers are downloading as " + name + ".";
    });
    reset.addEventListener("click", function () {
      if (!armed) {
        armed = true;
        reset.textContent = "Yes, erase my answers";
        status.textContent = "This erases every answer on this page, also from this browser's storage. " +
          "Press \u201cYes, erase my answers\u201d to confirm.";
        return;
      }
      exercises.forEach(clear);
      disarm();
      status.textContent = "Your answers on this page have been erased.";
    });
    actions.appendChild(json);
    actions.appendChild(md);
    actions.appendChild(reset);
    bar.appendChild(title);
    bar.appendChild(actions);
    bar.appendChild(status);
    exercises[exercises.length - 1].root.insertAdjacentElement("afterend", bar);
  }

  function init() {
    document.querySelectorAll(".cx-exercise").forEach(setUp);
    addToolbar();
  }

  window.coursekitExercises = { parseNumber: parseNumber, check: check, init: init };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
