/* Course exercises on the static page: checks answers in the browser, offline.
 *
 * Each exercise is HTML written by coursekit/exercises/static.py: a form plus a
 * <script type="application/json" class="cx-data"> holding the key, the messages and
 * the limits. Feedback is set with textContent only, so nothing typed or stored can
 * become markup. parseNumber follows coursekit/exercises/numbers.py rule for rule.
 */
(function () {
  "use strict";

  var SPACES = /(?<=\d)[ \u00a0\u202f](?=\d{3}(\D|$))/g;
  var NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

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

  function check(form, data) {
    var key = data.key;
    var messages = data.messages;
    if (key.type === "numeric") {
      var input = form.querySelector("input[type=text]");
      var parsed = parseNumber(input.value, messages, data.limits);
      if (parsed.error !== undefined) return { status: "invalid", message: parsed.error };
      if (Math.abs(parsed.value - key.answer) <= key.tolerance + 1e-9) {
        return { status: "correct", message: "Correct. " + key.explanation };
      }
      var side = parsed.value < key.answer ? "too_low" : "too_high";
      return { status: "incorrect", message: "Not quite. " + key.feedback[side] };
    }
    var picked = [];
    form.querySelectorAll("input[type=radio], input[type=checkbox]").forEach(function (box) {
      if (box.checked) picked.push(Number(box.value));
    });
    if (key.type === "single_choice") {
      if (picked.length === 0) return { status: "invalid", message: messages.no_choice };
      var choice = key.choices[picked[0]];
      if (choice.correct) {
        return { status: "correct", message: "Correct. " + choice.feedback + " " + key.explanation };
      }
      return { status: "incorrect", message: "Not quite. " + choice.feedback };
    }
    if (picked.length === 0) return { status: "invalid", message: messages.no_choices };
    var parts = ["Not quite."];
    var missed = 0;
    key.choices.forEach(function (c, i) {
      var chosen = picked.indexOf(i) >= 0;
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

  function setUp(root) {
    var dataNode = root.querySelector("script.cx-data");
    var form = root.querySelector("form.cx-form");
    if (!dataNode || !form || root.classList.contains("cx-ready")) return;
    var data;
    try {
      data = JSON.parse(dataNode.textContent);
    } catch (err) {
      console.warn("Exercise data could not be read:", err);
      return;
    }
    var feedback = root.querySelector(".cx-feedback");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var result = check(form, data);
      feedback.textContent = result.message;
      feedback.className = "cx-feedback cx-" + result.status;
      root.setAttribute("data-cx-status", result.status);
    });
    var toggle = root.querySelector(".cx-hint-toggle");
    var hint = root.querySelector(".cx-hint");
    if (toggle && hint) {
      toggle.addEventListener("click", function () {
        var show = hint.hidden;
        hint.hidden = !show;
        toggle.setAttribute("aria-expanded", String(show));
        toggle.textContent = show ? "Hide the hint" : "Show a hint";
      });
    }
    root.classList.add("cx-ready");
  }

  function init() {
    document.querySelectorAll(".cx-exercise").forEach(setUp);
  }

  window.coursekitExercises = { parseNumber: parseNumber, init: init };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
