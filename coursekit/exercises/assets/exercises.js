/* Course exercises on the static page: checks answers in the browser, offline, and keeps them.
 *
 * Each exercise is HTML written by coursekit/exercises/static.py: a form plus a
 * <script type="application/json" class="cx-data"> holding its key. Everything this script
 * applies but must not decide (every message, the number rules, limits, the answers format and
 * the save delay) comes once per page from Python, in <script type="application/json"
 * id="cx-page-data"> (static.page_data). This script never types a learner-facing word.
 *
 * KINDS holds one renderer per exercise type, named like the type's module in
 * coursekit/exercises/kinds/: how to read and restore the form, how to check a response (as the
 * type's check() does in Python) and how to write it in the Markdown download. Feedback is set
 * with textContent only, so nothing typed, stored or downloaded can become markup.
 *
 * Answers are saved in localStorage (one key per exercise) when committed: checked, chosen, or
 * typed and then paused, left or the page closed; they come back with their feedback on reload.
 * Pages with exercises get one toolbar, after the last exercise: download as JSON (read by
 * python -m coursekit.exercises.score) or Markdown, and reset. If the browser refuses storage
 * (private mode, full quota), checking still works and the learner is warned once.
 */
(function () {
  "use strict";

  var PAGE = null; // the page data (static.page_data)
  var exercises = [];
  var warned = false;

  function fill(template, values) {
    return template.replace(/\{([a-z_]+)\}/g, function (slot, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : slot;
    });
  }

  function plural(forms, count, values) {
    var all = Object.assign({ count: count }, values);
    return fill(forms[PAGE.plural_one.indexOf(count) >= 0 ? "one" : "other"], all);
  }

  /* {value: v} or {error: key}, by the rules of coursekit/exercises/numbers.py (read_number). */
  function parseNumber(text, rules) {
    var s = String(text == null ? "" : text).replace(new RegExp(rules.trim, "g"), "");
    if (!s) return { error: "empty" };
    if (Array.from(s).length > rules.max_chars) return { error: "too_long" };
    s = s.replace(new RegExp(rules.group, "g"), "");
    s = s.replace(new RegExp(rules.percent), "").replace(new RegExp(rules.minus), "-");
    if (s.indexOf(".") >= 0 && s.indexOf(",") >= 0) return { error: "two_marks" };
    if (!new RegExp(rules.number).test(s)) return { error: "not_a_number" };
    var value = Number(s.replace(",", "."));
    if (Math.abs(value) > rules.max_abs) return { error: "too_large" };
    return { value: value };
  }

  function verdict(status, message) {
    return { status: status, message: message };
  }

  function menus(root) {
    return Array.prototype.slice.call(root.querySelectorAll("select[data-cx-item]"));
  }

  function boxes(root) {
    return Array.prototype.slice.call(root.querySelectorAll("input[type=radio], input[type=checkbox]"));
  }

  function labelOf(root, id) {
    var label = root.querySelector("label[for='" + id + "']");
    return label ? label.textContent.trim() : "";
  }

  /* Ordering and categorising: one menu per item; the response lists each item's value in the bank's order. */
  var MENUS = {
    read: function (ex) {
      var out = ex.data.key.type === "ordering" ? new Array(ex.data.key.size) : new Array(ex.data.key.answers.length);
      out.fill(null);
      menus(ex.root).forEach(function (menu) {
        out[Number(menu.getAttribute("data-cx-item"))] = menu.value === "" ? null : Number(menu.value);
      });
      return out;
    },
    write: function (ex, response) {
      if (!Array.isArray(response)) return;
      menus(ex.root).forEach(function (menu) {
        var value = response[Number(menu.getAttribute("data-cx-item"))];
        var fits = Number.isInteger(value) && Array.prototype.some.call(menu.options, function (o) {
          return o.value === String(value);
        });
        menu.value = fits ? String(value) : "";
      });
    },
    rows: function (ex) {
      return menus(ex.root).map(function (menu) {
        return {
          item: labelOf(ex.root, menu.id),
          chosen: menu.value === "" ? PAGE.ui.md_none_chosen : menu.options[menu.selectedIndex].textContent.trim(),
          position: menu.value === "" ? Infinity : Number(menu.value)
        };
      });
    }
  };

  /* Choices: radio buttons or checkboxes whose values are the choices' ids (shown in a fixed shuffled order). */
  var CHOICES = {
    write: function (ex, response) {
      var chosen = Array.isArray(response) ? response : [response];
      boxes(ex.root).forEach(function (box) {
        box.checked = chosen.indexOf(box.value) >= 0;
      });
    },
    picked: function (ex) {
      return boxes(ex.root).filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    },
    lines: function (ex, response) {
      var chosen = Array.isArray(response) ? response : [response];
      return chosen.map(function (id) { return "- " + labelOf(ex.root, ex.root.id + "-" + id); });
    },
    find: function (key, id) {
      return key.choices.filter(function (c) { return c.id === id; })[0];
    },
    /* Version 1 of the answers format named a choice by its index in the bank (Python: from_v1). */
    fromV1: function (key, response) {
      function one(value) {
        return Number.isInteger(value) && value >= 0 && value < key.choices.length ? key.choices[value].id : value;
      }
      return Array.isArray(response) ? response.map(one) : one(response);
    }
  };

  function textField(ex) {
    return ex.root.querySelector("input[type=text], textarea");
  }

  var TEXT = {
    read: function (ex) { return textField(ex).value; },
    write: function (ex, response) { if (typeof response === "string") textField(ex).value = response; }
  };

  var KINDS = {
    single_choice: {
      read: function (ex) { var p = CHOICES.picked(ex); return p.length ? p[0] : null; },
      write: CHOICES.write,
      lines: CHOICES.lines,
      fromV1: CHOICES.fromV1,
      check: function (key, m, response) {
        var choice = CHOICES.find(key, response);
        if (!choice) return verdict("invalid", m.no_choice);
        if (choice.correct) return verdict("correct", fill(m.correct, { feedback: choice.feedback, explanation: key.explanation }));
        return verdict("incorrect", fill(m.incorrect, { feedback: choice.feedback }));
      }
    },
    multiple_choice: {
      read: CHOICES.picked,
      write: CHOICES.write,
      lines: CHOICES.lines,
      fromV1: CHOICES.fromV1,
      check: function (key, m, response) {
        var chosen = response.filter(function (id) { return CHOICES.find(key, id); });
        if (chosen.length === 0) return verdict("invalid", m.no_choices);
        var parts = [fill(m.incorrect, {})];
        var missed = 0;
        key.choices.forEach(function (c) {
          var picked = chosen.indexOf(c.id) >= 0;
          if (picked && !c.correct) parts.push(c.feedback);
          if (!picked && c.correct) missed += 1;
        });
        if (parts.length === 1 && missed === 0) return verdict("correct", fill(m.correct, { explanation: key.explanation }));
        if (missed) parts.push(plural(m.missed, missed, {}));
        return verdict("incorrect", parts.join(" "));
      }
    },
    numeric: {
      read: TEXT.read,
      write: TEXT.write,
      lines: function (ex, response) { return [response.trim()]; },
      check: function (key, m, response) {
        var parsed = parseNumber(response, PAGE.numbers);
        if (parsed.error !== undefined) return verdict("invalid", m[parsed.error]);
        if (Math.abs(parsed.value - key.answer) <= key.tolerance + 1e-9) {
          return verdict("correct", fill(m.correct, { explanation: key.explanation }));
        }
        var side = parsed.value < key.answer ? "too_low" : "too_high";
        return verdict("incorrect", fill(m.incorrect, { feedback: key.feedback[side] }));
      }
    },
    ordering: {
      read: MENUS.read,
      write: MENUS.write,
      lines: function (ex) {
        return MENUS.rows(ex).sort(function (a, b) { return a.position - b.position; })
          .map(function (r) { return "- " + r.chosen + ". " + r.item; });
      },
      check: function (key, m, response) {
        if (response.indexOf(null) >= 0) return verdict("invalid", m.no_position);
        if (new Set(response).size !== response.length) return verdict("invalid", m.same_position);
        var placed = response.filter(function (p, i) { return p === i + 1; }).length;
        if (placed === key.size) return verdict("correct", fill(m.correct, { explanation: key.explanation }));
        return verdict("incorrect", plural(m.incorrect, placed, { n: key.size }));
      }
    },
    categorising: {
      read: MENUS.read,
      write: MENUS.write,
      lines: function (ex) {
        return MENUS.rows(ex).map(function (r) { return "- " + r.item + ": " + r.chosen; });
      },
      check: function (key, m, response) {
        if (response.indexOf(null) >= 0) return verdict("invalid", m.no_category);
        var notes = [];
        var right = 0;
        key.answers.forEach(function (answer, i) {
          if (response[i] === answer) right += 1;
          else if (key.feedback[i]) notes.push(key.feedback[i]);
        });
        if (right === key.answers.length) return verdict("correct", fill(m.correct, { explanation: key.explanation }));
        return verdict("incorrect", [plural(m.incorrect, right, { n: key.answers.length })].concat(notes).join(" "));
      }
    },
    reflection: {
      read: TEXT.read,
      write: TEXT.write,
      lines: function (ex, response) {
        return response.trim().split("\n").map(function (line) { return "> " + line; });
      },
      check: function (key, m, response) {
        var text = response.replace(new RegExp("^" + key.space + "+|" + key.space + "+$", "g"), "");
        if (!text) return verdict("invalid", m.no_text);
        if (Array.from(text).length > key.max_text) return verdict("invalid", m.too_long_text);
        var words = text.split(new RegExp(key.space + "+")).filter(Boolean).length;
        if (words < key.min_words) return verdict("invalid", fill(m.too_few_words, { min_words: key.min_words }));
        return verdict("ungraded", m.ungraded);
      }
    }
  };

  /* The verdict on a response read from the form, as the type's check() gives it in Python. */
  function check(data, response) {
    return KINDS[data.key.type].check(data.key, PAGE.messages[data.key.type], response);
  }

  function isBlank(response) {
    if (typeof response === "string") return !response.trim();
    if (Array.isArray(response)) return response.every(isBlank);
    return response == null;
  }

  function storageGet(id, prefix) {
    var raw;
    try {
      raw = window.localStorage.getItem((prefix || PAGE.answers.storage_prefix) + id);
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

  function storageSet(id, record, prefix) {
    var name = (prefix || PAGE.answers.storage_prefix) + id;
    try {
      if (record) window.localStorage.setItem(name, JSON.stringify(record));
      else window.localStorage.removeItem(name);
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
    note.textContent = PAGE.ui.storage_warning;
    ex.root.querySelector(".cx-feedback").insertAdjacentElement("afterend", note);
  }

  function persist(ex) {
    clearTimeout(ex.pending);
    ex.pending = null;
    var record = isBlank(ex.record.response) ? null : ex.record;
    var text = JSON.stringify(record);
    if (text === ex.stored) return; // unchanged since the last write (e.g. "input" then "change")
    // Each answer carries its time, so that the latest one wins when a trainer merges several files.
    var stamped = record && Object.assign({}, record, { saved_at: new Date().toISOString() });
    if (storageSet(ex.id, stamped)) ex.stored = text;
    else warnOnce(ex);
  }

  function show(ex, result) {
    var feedback = ex.root.querySelector(".cx-feedback");
    feedback.textContent = result.message;
    feedback.className = "cx-feedback cx-" + result.status;
    ex.root.setAttribute("data-cx-status", result.status);
    var notes = ex.root.querySelector(".cx-notes");
    if (notes) notes.hidden = result.status !== "ungraded";
  }

  function read(ex) {
    return KINDS[ex.data.key.type].read(ex);
  }

  function clear(ex) {
    clearTimeout(ex.pending);
    ex.pending = null;
    ex.form.reset();
    var feedback = ex.root.querySelector(".cx-feedback");
    feedback.textContent = "";
    feedback.className = "cx-feedback";
    ex.root.removeAttribute("data-cx-status");
    var notes = ex.root.querySelector(".cx-notes");
    if (notes) notes.hidden = true;
    ex.record = { type: ex.data.key.type, response: read(ex) };
    if (storageSet(ex.id, null)) ex.stored = "null";
    else warnOnce(ex);
  }

  /* An answer saved by an older version of this page, in today's shape; the old entry is removed
     only once the new one is written, so nothing is lost. */
  function olderAnswer(ex) {
    var older = PAGE.answers.older_prefixes;
    var versions = Object.keys(older).sort().reverse();
    for (var i = 0; i < versions.length; i++) {
      var saved = storageGet(ex.id, older[versions[i]]);
      if (!saved || saved.type !== ex.data.key.type) continue;
      var kind = KINDS[ex.data.key.type];
      if (versions[i] === "1" && kind.fromV1) saved.response = kind.fromV1(ex.data.key, saved.response);
      if (storageSet(ex.id, saved)) storageSet(ex.id, null, older[versions[i]]);
      return saved;
    }
    return null;
  }

  function restore(ex) {
    var saved = storageGet(ex.id) || olderAnswer(ex);
    if (!saved || saved.type !== ex.data.key.type) return;
    KINDS[ex.data.key.type].write(ex, saved.response);
    ex.record.response = read(ex);
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
    if (!KINDS[data.key.type]) return;
    var ex = { root: root, form: form, data: data, id: data.key.id, record: null, pending: null, stored: undefined };
    ex.record = { type: data.key.type, response: read(ex) };
    restore(ex);
    function changed(event) {
      ex.record = { type: data.key.type, response: read(ex) };
      clearTimeout(ex.pending);
      // Typing is saved once it pauses; a choice, a menu or leaving the box is saved at once.
      if (event.type === "input" && event.target.matches("input[type=text], textarea")) {
        ex.pending = setTimeout(function () { persist(ex); }, PAGE.save_delay_ms);
      } else {
        persist(ex);
      }
    }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var response = read(ex);
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
        toggle.textContent = showHint ? PAGE.ui.hide_hint : PAGE.ui.show_hint;
      });
    }
    root.classList.add("cx-ready");
    exercises.push(ex);
  }

  function flushAll() {
    exercises.forEach(function (ex) { if (ex.pending) persist(ex); });
  }

  /* The answers document: the format of the live notebooks' progress file (coursekit/exercises/progress.py). */
  function answersDocument(answers) {
    if (!answers) {
      answers = {};
      exercises.forEach(function (ex) {
        if (!isBlank(ex.record.response)) answers[ex.id] = storageGet(ex.id) || ex.record;
      });
    }
    return { format: PAGE.answers.format, version: PAGE.answers.version, saved_at: new Date().toISOString(),
      learner: learnerGet(), answers: answers };
  }

  /* Every answer this browser keeps for the course, from any page; answers to exercises that are no
     longer in the bank (or changed type) are left out and counted, so the file always scores. */
  function courseAnswers() {
    var found = { answers: {}, count: 0, leftOut: 0 };
    var prefix = PAGE.answers.storage_prefix;
    var names = [];
    try {
      for (var i = 0; i < window.localStorage.length; i++) names.push(window.localStorage.key(i));
    } catch (err) {
      return found;
    }
    names.sort().forEach(function (name) {
      if (!name || name.indexOf(prefix) !== 0) return;
      var id = name.slice(prefix.length);
      var saved = storageGet(id);
      if (!saved || isBlank(saved.response)) return;
      if (PAGE.answers.known[id] !== saved.type) {
        found.leftOut += 1;
        return;
      }
      found.answers[id] = saved;
      found.count += 1;
    });
    return found;
  }

  function slug(text) {
    return text.replace(new RegExp(PAGE.answers.file_slug, "g"), "-").replace(/^-+|-+$/g, "");
  }

  /* The learner's name or id, by the rule of progress.clean_learner; null if it cannot be one. */
  function cleanLearner(text) {
    var name = text.replace(new RegExp(PAGE.answers.learner_spaces, "g"), " ").replace(/^ +| +$/g, "");
    if (Array.from(name).length > PAGE.answers.learner_max || new RegExp(PAGE.answers.learner_control).test(name)) return null;
    return name;
  }

  function learnerGet() {
    try {
      return cleanLearner(window.localStorage.getItem(PAGE.answers.learner_key) || "") || "";
    } catch (err) {
      return "";
    }
  }

  function learnerSet(name) {
    try {
      if (name) window.localStorage.setItem(PAGE.answers.learner_key, name);
      else window.localStorage.removeItem(PAGE.answers.learner_key);
      return true;
    } catch (err) {
      return false;
    }
  }

  function textOf(node) {
    return node ? node.textContent.trim() : "";
  }

  function markdown(doc) {
    var ui = PAGE.ui;
    var lines = [fill(ui.md_title, { title: document.title }), "", fill(ui.md_saved, { saved_at: doc.saved_at, url: window.location.href })];
    if (doc.learner) lines.push("", fill(ui.md_learner, { learner: doc.learner }));
    exercises.forEach(function (ex, n) {
      if (isBlank(ex.record.response)) return;
      lines.push("", "## " + (n + 1) + ". " + textOf(ex.root.querySelector(".cx-prompt")), "");
      lines.push(fill(ui.md_exercise, { id: ex.id, kicker: textOf(ex.root.querySelector(".cx-kicker")) }), "", ui.md_answer, "");
      lines = lines.concat(KINDS[ex.data.key.type].lines(ex, ex.record.response));
      lines.push("", fill(ui.md_result, { result: ui["result_" + (ex.record.status || "unchecked")] || ui.result_unchecked }));
    });
    if (Object.keys(doc.answers).length === 0) lines.push("", ui.md_empty);
    return lines.join("\n") + "\n";
  }

  function pageName() {
    var last = window.location.pathname.split("/").pop().replace(/\.html?$/, "");
    return slug(last || "index") || "index";
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
    var ui = PAGE.ui;
    var bar = document.createElement("div");
    bar.className = "cx-toolbar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-labelledby", "cx-toolbar-title");
    var title = document.createElement("p");
    title.id = "cx-toolbar-title";
    title.className = "cx-toolbar-title";
    title.textContent = ui.toolbar_title;
    var actions = document.createElement("div");
    actions.className = "cx-actions";
    var json = button(ui.download_json, "cx-download");
    var md = button(ui.download_markdown, "cx-download-markdown");
    var reset = button(ui.reset, "cx-reset");
    var status = document.createElement("p");
    status.className = "cx-toolbar-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var armed = false;
    function disarm() {
      armed = false;
      reset.textContent = ui.reset;
    }
    json.addEventListener("click", function () {
      disarm();
      flushAll();
      var name = fill(ui.file_name, { page: pageName() }) + ".json";
      download(name, JSON.stringify(answersDocument(), null, 1) + "\n", "application/json");
      status.textContent = fill(ui.downloading, { name: name });
    });
    md.addEventListener("click", function () {
      disarm();
      flushAll();
      var name = fill(ui.file_name, { page: pageName() }) + ".md";
      download(name, markdown(answersDocument()), "text/markdown");
      status.textContent = fill(ui.downloading, { name: name });
    });
    reset.addEventListener("click", function () {
      if (!armed) {
        armed = true;
        reset.textContent = ui.reset_confirm;
        status.textContent = ui.reset_ask;
        return;
      }
      exercises.forEach(clear);
      disarm();
      status.textContent = ui.reset_done;
    });
    actions.appendChild(json);
    actions.appendChild(md);
    actions.appendChild(reset);
    bar.appendChild(title);
    bar.appendChild(actions);
    bar.appendChild(status);
    // The name and the whole-course download, unless the page has its own "my answers" panel.
    if (!document.querySelector("." + PAGE.answers.panel_class)) learnerControls(bar, flushAll);
    exercises[exercises.length - 1].root.insertAdjacentElement("afterend", bar);
  }

  /* The learner's name field and the whole-course download, added to `box`. */
  function learnerControls(box, before) {
    var ui = PAGE.ui;
    var group = document.createElement("div");
    group.className = "cx-learner";
    var label = document.createElement("label");
    label.setAttribute("for", "cx-learner-name");
    label.textContent = ui.learner_label;
    var input = document.createElement("input");
    input.type = "text";
    input.id = "cx-learner-name";
    input.setAttribute("autocomplete", "name");
    input.setAttribute("aria-describedby", "cx-learner-help");
    input.maxLength = PAGE.answers.learner_max;
    input.value = learnerGet();
    var help = document.createElement("span");
    help.id = "cx-learner-help";
    help.className = "cx-help";
    help.textContent = ui.learner_help;
    var course = button(ui.download_course, "cx-download-course");
    var status = document.createElement("p");
    status.className = "cx-learner-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    function saveName() {
      var name = cleanLearner(input.value);
      if (name === null) {
        status.textContent = fill(ui.learner_invalid, { limit: PAGE.answers.learner_max });
        return null;
      }
      if (name === learnerGet()) return name;
      if (!learnerSet(name)) {
        status.textContent = ui.storage_warning;
        return name;
      }
      status.textContent = name ? fill(ui.learner_saved, { learner: name }) : ui.learner_cleared;
      return name;
    }
    input.addEventListener("change", saveName);
    course.addEventListener("click", function () {
      if (before) before();
      var name = saveName();
      if (name === null) return;
      var found = courseAnswers();
      var file = ui.course_file_name + (slug(name) ? "-" + slug(name) : "") + ".json";
      download(file, JSON.stringify(answersDocument(found.answers), null, 1) + "\n", "application/json");
      var lines = [plural(ui.downloading_course, found.count, { name: file })];
      if (found.leftOut) lines.push(plural(ui.course_left_out, found.leftOut, {}));
      status.textContent = lines.join(" ");
    });
    group.appendChild(label);
    group.appendChild(input);
    group.appendChild(help);
    var actions = document.createElement("div");
    actions.className = "cx-actions";
    actions.appendChild(course);
    group.appendChild(actions);
    group.appendChild(status);
    box.appendChild(group);
  }

  /* The "my answers" panel (coursekit/exercises/learner.py): how many answers the browser holds, the name, the download. */
  function setUpPanel(panel) {
    if (panel.classList.contains("cx-ready")) return;
    panel.textContent = "";
    var title = document.createElement("p");
    title.className = "cx-toolbar-title";
    title.textContent = PAGE.ui.course_title;
    var count = document.createElement("p");
    count.className = "cx-course-count";
    count.textContent = plural(PAGE.ui.course_count, courseAnswers().count, {});
    panel.appendChild(title);
    panel.appendChild(count);
    learnerControls(panel, flushAll);
    panel.classList.add("cx-ready");
  }

  /* A check's score panel: the rule of coursekit/exercises/assessment.py (report, report_lines). */
  function setUpSummary(root) {
    var node = root.querySelector("script.cx-summary-data");
    var button = root.querySelector("button.cx-score");
    var out = root.querySelector(".cx-summary-result");
    if (!node || !button || !out || root.classList.contains("cx-ready")) return;
    var data;
    try {
      data = JSON.parse(node.textContent);
    } catch (err) {
      return;
    }
    var m = PAGE.assessment;
    button.addEventListener("click", function () {
      flushAll();
      var correct = 0;
      var missed = {};
      data.ids.forEach(function (id) {
        var ex = exercises.filter(function (e) { return e.id === id; })[0];
        var ok = ex && check(ex.data, ex.record.response).status === "correct";
        if (ok) correct += 1;
        else if (ex) missed[ex.data.key.lesson] = true;
      });
      var review = Object.keys(missed).sort(function (a, b) {
        var pa = a.split(".").map(Number);
        var pb = b.split(".").map(Number);
        return pa[0] - pb[0] || pa[1] - pb[1];
      });
      out.textContent = "";
      var lines = [plural(m.score, correct, { total: data.ids.length })];
      var diagnostic = data.check === "diagnostic";
      if (!review.length) lines.push(diagnostic ? m.all_right_diagnostic : m.all_right);
      else lines.push(diagnostic ? m.read_first : m.review);
      lines.forEach(function (line) {
        var p = document.createElement("p");
        p.textContent = line;
        out.appendChild(p);
      });
      if (review.length) {
        var list = document.createElement("ul");
        review.forEach(function (lesson) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.setAttribute("href", data.lessons[lesson].href);
          link.textContent = fill(m.lesson, { lesson: lesson, title: data.lessons[lesson].title });
          item.appendChild(link);
          list.appendChild(item);
        });
        out.appendChild(list);
      }
    });
    root.classList.add("cx-ready");
  }

  /* The catalogue's filter (coursekit/exercises/catalogue.py): show the rows whose values match every menu. */
  function setUpCatalogue(box) {
    var form = box.querySelector("form.cx-catalogue-filter");
    var caption = box.querySelector("caption[data-cx-template]");
    if (!form || !caption || box.classList.contains("cx-ready")) return;
    var menusOf = Array.prototype.slice.call(form.querySelectorAll("select[data-cx-filter]"));
    var rows = Array.prototype.slice.call(box.querySelectorAll("tbody tr"));
    function apply() {
      var count = 0;
      var minutes = 0;
      rows.forEach(function (row) {
        var shown = menusOf.every(function (menu) {
          return !menu.value || row.getAttribute("data-" + menu.getAttribute("data-cx-filter")) === menu.value;
        });
        row.hidden = !shown;
        if (shown) {
          count += 1;
          minutes += Number(row.getAttribute("data-minutes"));
        }
      });
      caption.textContent = fill(caption.getAttribute("data-cx-template"), { count: count, minutes: minutes });
    }
    form.addEventListener("change", apply);
    form.hidden = false;
    box.classList.add("cx-ready");
  }

  function init() {
    var node = document.getElementById("cx-page-data");
    if (!PAGE) {
      try {
        PAGE = node ? JSON.parse(node.textContent) : null;
      } catch (err) {
        PAGE = null;
      }
    }
    if (!PAGE) return; // without the page data, forms stay plain with their offline note
    document.querySelectorAll(".cx-exercise").forEach(setUp);
    document.querySelectorAll(".cx-summary").forEach(setUpSummary);
    document.querySelectorAll(".cx-catalogue-box").forEach(setUpCatalogue);
    document.querySelectorAll("." + PAGE.answers.panel_class).forEach(setUpPanel);
    addToolbar();
  }

  window.addEventListener("pagehide", flushAll);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flushAll();
  });
  window.coursekitExercises = {
    parseNumber: parseNumber,
    check: check,
    init: init,
    page: function () { return PAGE; }
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
