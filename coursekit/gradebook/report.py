"""The class report: ``report.html``, a page a trainer opens offline, with its files beside it.

What it shows: who sent what (and who on the roster sent nothing), the files that could not be read
and why, the score distribution per part, the success rate of every question, the wrong answers
chosen most often with the misconception each stands for, and each reflection's answers beside its
rubric for marking. Charts are Altair specs drawn by the same vega builds as the book, copied into
``report_files/`` beside the page, each with a text description; every text from a file is escaped.
The same input always gives the same bytes.

Every word the page shows is in ``REPORT`` (``{slots}``, and ``{"one": …, "other": …}`` pairs for counts, as
``coursekit.exercises.messages``); ``coursekit.i18n`` lists it among the kit's tables, so its French is in
``locales/fr/LC_MESSAGES/kit.po`` and ``i18n.use("fr")`` (or ``with i18n.using("fr"):``) refills it in place.
Run inside ``i18n.using(language)``, the report also has the bank's texts in that language, numbers in its
form (``charts.core.number``) and Vega's numbers in its locale. The CSV's column names stay English: they are
data keys a spreadsheet may rely on.
"""

from __future__ import annotations

import json
import shutil
import statistics
from collections import Counter
from html import escape
from pathlib import Path

import altair as alt

from coursekit import assets, i18n
from coursekit.charts.core import EMBED_OPTIONS, NUMBER_LOCALES, ScriptSafeJSON, number
from coursekit.exercises.messages import fill, plural
from coursekit.gradebook import ANONYMOUS, DIAGNOSTIC, ClassAnswers, Learner, graded, group_of, groups, reflections, totals, verdicts

REPORT_NAME = "report.html"
FILES_DIR = "report_files"
SCRIPTS = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")
MOST_CHOSEN = 15  # wrong answers listed

# Every word of the report, in English; coursekit.i18n refills this table in place in another language (kit.po).
REPORT = {
    "lang": "en",  # the page's <html lang>
    "title": "Class report: Social business in practice",
    "heading": "Class report",
    "files_read": {"one": "{count} answers file(s) read", "other": "{count} answers file(s) read"},
    "learners": {"one": "{count} learner(s)", "other": "{count} learner(s)"},
    "not_read": {"one": "{count} file(s) could not be read", "other": "{count} file(s) could not be read"},
    "intro": "{files}, from {learners} ({named} named, {anonymous} anonymous);\n{not_read}. Every answer was checked "
             "again against the course's exercise bank:\na result written in a file is ignored. The gradebook for a "
             "spreadsheet is {csv}, beside this page.",
    "submitted_heading": "Who has sent what",
    "practice_heading": "Practice sets (autograded by nbgrader)",
    "bad_files_heading": "Files that could not be read",
    "scores_heading": "Scores per part",
    "questions_heading": "Success rate per question",
    "questions_table": "Every question as a table",
    "wrong_heading": "Wrong answers chosen most often",
    "wrong_intro": "Each wrong option stands for a misconception, named here with the feedback the learner saw: a good "
                   "start for\nthe next session.",
    "reflections_heading": "Reflections to mark",
    "reflections_intro": "Type weak, adequate or strong in each reflection's “rubric mark” column of {csv}, then run\n"
                         "the command again with {option} and that file: the marks are kept and added up as reflection "
                         "points.",
    "diagnostic": "Diagnostic",
    "part": "Part {number}",
    "percent": "{value} %",
    "band": "{low}–{high} %",
    "of": "{count} of {total}",
    # Tables' headers
    "learner": "Learner",
    "anonymous": ANONYMOUS,  # a learner whose file has no name, shown by the file's path
    "files": "Files",
    "reflections_written": "Reflections written",
    "exercise": "Exercise",
    "lesson": "Lesson",
    "type": "Type",
    "answered": "Answered",
    "correct": "Correct",
    "rate": "Rate",
    "question": "Question",
    "wrong_option": "Wrong option chosen",
    "learners_column": "Learners",
    "misconception": "Misconception and feedback",
    "file": "File",
    "why_not_read": "Why it was not read",
    "practice_column": "{name} (of {total})",
    # Cells
    "answered_correct": "{answered} of {possible} answered, {correct} correct",
    "nothing_yet": "nothing yet",
    "no_file": "no file",
    "not_submitted": "not submitted",
    # Messages where there is nothing to show, and the bad files
    "no_scores": "No learner has answered an auto-graded question yet.",
    "no_answered": "No auto-graded question has been answered yet.",
    "no_wrong": "No wrong option has been chosen yet.",
    "every_file_read": "Every file was read.",
    "bad_files": "{not_read}: ask the learner for the file the book's “Download” button saved, unchanged.",
    # Charts: titles, axes, tooltips (a tooltip whose title is its field's name shows the name), descriptions
    "chart_failed": "The chart could not be drawn: ",
    "distribution_title": "Score distribution per part",
    "score_axis": "Score",
    "learners_axis": "Learners",
    "part_tooltip": "Part",
    "learners_tooltip": "learners",
    "distribution_part": {"one": "{part}: {count} learner, median {median}, from {low} to {high}",
                          "other": "{part}: {count} learners, median {median}, from {low} to {high}"},
    "distribution_description": "Score distribution per part: each learner's correct answers as a share of the part's "
                                "auto-graded questions (an unanswered question counts as not correct), for learners "
                                "who answered at least one. {parts}.",
    "success_title": "{part}: success rate per question",
    "success_axis": "Correct, in % of the learners who answered",
    "exercise_tooltip": "exercise",
    "lesson_tooltip": "lesson",
    "answered_tooltip": "answered",
    "rate_tooltip": "correct %",
    "success_description": {"one": "{part}: success rate of its {count} answered question. Lowest: {lowest}.",
                            "other": "{part}: success rate of each of its {count} answered questions. Lowest: {lowest}."},
    "lowest": "{exercise} ({rate} of {answered})",
    # Reflections
    "reflection_summary": {"one": "{exercise} ({lesson}): {count} answer(s)", "other": "{exercise} ({lesson}): {count} answer(s)"},
    "marked": " (marked {mark})",
    "rubric": "Rubric:",
    "rubric_level": "{level} ({points} of {weight}): {text}",
    "mark_problems": "Marks that could not be read (the rest were kept):",
    # Why a file or a mark was not read (coursekit.gradebook reads them in the report's language)
    "not_json": "not read: only .json answers files are (a Markdown copy is for reading)",
    "marks_not_text": "{file}: cannot be read as UTF-8 text ({reason})",
    "marks_no_learner": "{file}: no \"learner\" column in its first line: is it a gradebook.csv?",
    "marks_not_level": "{file}, line {line} ({learner}), {exercise}: \"{mark}\" is not a rubric level ({levels})",
}


def _percent(value: float, spec: str = ".0f") -> str:
    """A share in percent, written as the report's language writes it (English 47 %, French 47 %)."""
    return fill(REPORT["percent"], value=number(value, spec))


def bands() -> list[str]:
    """The score bands of the distribution chart, from 0–9 % to 90–100 %, in the report's language."""
    return [fill(REPORT["band"], low=low, high=low + 9) for low in range(0, 90, 10)] + [fill(REPORT["band"], low=90, high=100)]


def _text(text: str) -> str:
    """A text of the report as an element's content: markup characters escaped, quotes and apostrophes as typed."""
    return escape(text, quote=False)


def _heads(*keys: str) -> str:
    """Column headers of a table, by their keys in REPORT."""
    return "".join(f'<th scope="col">{_text(REPORT[key])}</th>' for key in keys)


def _tooltip(field: str, title: str) -> alt.Tooltip:
    """A tooltip titled ``title``; one whose title is its field's name shows the name (Vega-Lite's default)."""
    return alt.Tooltip(field) if title == field.split(":")[0] else alt.Tooltip(field, title=title)


class ReportError(Exception):
    """The report cannot be written (its chart libraries are missing); the message says what to run."""


def _name(learner: Learner) -> str:
    """A learner as the report names them: their name, or the file of an anonymous one (the CSV keeps ANONYMOUS)."""
    return fill(REPORT["anonymous"], path=learner.files[0]) if learner.anonymous and learner.files else learner.name


def _band(percent: float) -> str:
    return bands()[min(int(percent // 10), 9)]


def _title(group: str) -> str:
    """A group's name in the report: the diagnostic, or a part ("part 2": Part 2)."""
    return REPORT["diagnostic"] if group == DIAGNOSTIC else fill(REPORT["part"], number=group.split()[-1])


def _chart_html(number: int, chart: alt.TopLevelMixin, description: str) -> str:
    """A chart's box, its description (read by screen readers and printed below it) and its drawing script."""
    spec = chart.properties(description=description).to_dict()
    spec.pop("$schema", None)  # a name, not a request; the mode below says what the spec is
    numbers = NUMBER_LOCALES.get(i18n.active())
    if numbers:  # Vega's own numbers (axes, tooltips) in the language's form; English keeps Vega's default
        spec.setdefault("config", {})["locale"] = {"number": numbers}
    box = f"chart-{number}"
    data = json.dumps(spec, cls=ScriptSafeJSON, sort_keys=True)
    options = json.dumps({**EMBED_OPTIONS, "mode": "vega-lite"}, sort_keys=True)
    return (f'<figure class="chart"><div id="{box}" class="chart-box" role="img" aria-label="{escape(description)}"></div>'
            f'<figcaption>{escape(description)}</figcaption></figure>'
            f'<script>vegaEmbed("#{box}", {data}, {options}).catch(function (e) {{'
            f' document.getElementById("{box}").textContent = {json.dumps(REPORT["chart_failed"], cls=ScriptSafeJSON)} + e.message; }});</script>')


def _scores(answers: ClassAnswers) -> list[dict]:
    """One row per learner and group they answered in: their score in percent of the group's questions."""
    found = []
    for learner in answers.learners:
        for group, (correct, answered, possible) in totals(learner, answers.bank).items():
            if answered and possible:
                found.append({"learner": learner.name, "group": _title(group), "percent": 100 * correct / possible})
    return found


def _distribution(answers: ClassAnswers, number: int) -> str:
    scores = _scores(answers)
    if not scores:
        return f"<p>{_text(REPORT['no_scores'])}</p>"
    counts = Counter((s["group"], _band(s["percent"])) for s in scores)
    order = [_title(g) for g in groups(answers.bank)]
    all_bands = bands()
    rows = [{"group": g, "band": b, "learners": counts[(g, b)]} for g in order for b in all_bands if any(s["group"] == g for s in scores)]
    chart = alt.Chart(alt.Data(values=rows)).mark_bar(color="#0072B2").encode(
        x=alt.X("band:O", sort=all_bands, title=REPORT["score_axis"], axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("learners:Q", title=REPORT["learners_axis"], axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("group:N", title=REPORT["part_tooltip"]), alt.Tooltip("band:O", title=REPORT["score_axis"]),
                 _tooltip("learners:Q", REPORT["learners_tooltip"])],
    ).properties(width=260, height=120).facet(
        facet=alt.Facet("group:N", sort=order, title=None), columns=2,
    ).properties(title=REPORT["distribution_title"])
    parts = []
    for group in order:
        values = [s["percent"] for s in scores if s["group"] == group]
        if values:
            parts.append(plural(REPORT["distribution_part"], len(values), part=group, median=_percent(statistics.median(values)),
                                low=_percent(min(values)), high=_percent(max(values))))
    description = fill(REPORT["distribution_description"], parts="; ".join(parts))
    return _chart_html(number, chart, description)


def _success(answers: ClassAnswers) -> dict[str, tuple[int, int]]:
    """By exercise id: (learners who answered, of whom correct)."""
    found: dict[str, list[int]] = {ex.id: [0, 0] for ex in graded(answers.bank)}
    for learner in answers.learners:
        for ex_id, status in verdicts(learner, answers.bank).items():
            if ex_id in found:
                found[ex_id][0] += 1
                found[ex_id][1] += status == "correct"
    return {k: (v[0], v[1]) for k, v in found.items()}


def _success_charts(answers: ClassAnswers, start: int) -> str:
    success = _success(answers)
    html = []
    for offset, group in enumerate(groups(answers.bank)):
        members = [ex for ex in graded(answers.bank) if group_of(ex) == group and success[ex.id][0]]
        if not members:
            continue
        rows = [{"exercise": ex.id, "lesson": ex.lesson, "answered": success[ex.id][0],
                 "rate": round(100 * success[ex.id][1] / success[ex.id][0], 1)} for ex in members]
        chart = alt.Chart(alt.Data(values=rows)).mark_bar(color="#0072B2").encode(
            y=alt.Y("exercise:N", sort=[r["exercise"] for r in rows], title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("rate:Q", title=REPORT["success_axis"], scale=alt.Scale(domain=[0, 100])),
            tooltip=[_tooltip("exercise:N", REPORT["exercise_tooltip"]), _tooltip("lesson:N", REPORT["lesson_tooltip"]),
                     _tooltip("answered:Q", REPORT["answered_tooltip"]), alt.Tooltip("rate:Q", title=REPORT["rate_tooltip"])],
        ).properties(title=fill(REPORT["success_title"], part=_title(group)), width=320, height=alt.Step(16))
        hardest = sorted(rows, key=lambda r: (r["rate"], r["exercise"]))[:3]
        lowest = "; ".join(fill(REPORT["lowest"], exercise=r["exercise"], rate=_percent(r["rate"]), answered=r["answered"])
                           for r in hardest)
        description = plural(REPORT["success_description"], len(rows), part=_title(group), lowest=lowest)
        html.append(_chart_html(start + offset, chart, description))
    return "\n".join(html) or f"<p>{_text(REPORT['no_answered'])}</p>"


def _success_table(answers: ClassAnswers) -> str:
    success = _success(answers)
    lines = [f"<table><thead><tr>{_heads('exercise', 'lesson', 'type', 'answered', 'correct', 'rate')}</tr></thead><tbody>"]
    for ex in graded(answers.bank):
        answered, correct = success[ex.id]
        rate = _percent(100 * correct / answered) if answered else "—"
        lines.append(f"<tr><td><code>{escape(ex.id)}</code></td><td>{escape(ex.lesson)}</td><td>{escape(ex.LABEL)}</td>"
                     f"<td>{answered}</td><td>{correct}</td><td>{rate}</td></tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _wrong_choices(answers: ClassAnswers) -> str:
    """The wrong options chosen most often, with their misconception and feedback."""
    chosen: Counter[tuple[str, str]] = Counter()
    answered: Counter[str] = Counter()
    for learner in answers.learners:
        for ex_id, response in learner.responses.items():
            ex = answers.bank[ex_id]
            choices = getattr(ex, "choices", None)
            if not choices:
                continue
            picked = response if isinstance(response, list) else [response]
            answered[ex_id] += 1
            for choice in choices:
                if choice.id in picked and not choice.correct:
                    chosen[(ex_id, choice.id)] += 1
    if not chosen:
        return f"<p>{_text(REPORT['no_wrong'])}</p>"
    top = sorted(chosen.items(), key=lambda item: (-item[1], item[0]))[:MOST_CHOSEN]
    lines = [f"<table><thead><tr>{_heads('question', 'wrong_option', 'learners_column', 'misconception')}</tr></thead><tbody>"]
    for (ex_id, choice_id), count in top:
        ex = answers.bank[ex_id]
        choice = next(c for c in ex.choices if c.id == choice_id)
        lines.append(
            f"<tr><td><code>{escape(ex_id)}</code> ({escape(ex.lesson)})<br>{escape(ex.prompt)}</td><td>{escape(choice.text)}</td>"
            f"<td>{_text(fill(REPORT['of'], count=count, total=answered[ex_id]))}</td><td><strong>{escape(choice.misconception or '')}</strong><br>"
            f"{escape(choice.feedback)}</td></tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _submitted(answers: ClassAnswers, roster: list[str]) -> str:
    order = groups(answers.bank)
    head = "".join(f'<th scope="col">{escape(_title(g))}</th>' for g in order)
    lines = [f'<table><thead><tr>{_heads("learner", "files")}{head}{_heads("reflections_written")}</tr></thead><tbody>']
    written = {ex.id for ex in reflections(answers.bank)}
    for learner in answers.learners:
        sums = totals(learner, answers.bank)
        cells = "".join(
            f'<td class="{"missing" if not sums[g][1] else ""}">'
            + _text(fill(REPORT["answered_correct"], answered=sums[g][1], possible=sums[g][2], correct=sums[g][0])
                     if sums[g][1] else REPORT["nothing_yet"]) + "</td>"
            for g in order)
        count = sum(1 for ex_id in learner.responses if ex_id in written)
        lines.append(f"<tr><th scope=\"row\">{escape(_name(learner))}</th><td>{len(learner.files)}</td>{cells}"
                     f"<td>{_text(fill(REPORT['of'], count=count, total=len(written)))}</td></tr>")
    known = {l.name.casefold() for l in answers.learners}
    for name in roster:
        if name.casefold() not in known:
            lines.append(f'<tr><th scope="row">{escape(name)}</th><td class="missing">0</td>'
                         + f'<td class="missing">{_text(REPORT["no_file"])}</td>' * len(order) + '<td class="missing">—</td></tr>')
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _practice(answers: ClassAnswers) -> str:
    """The practice sets' nbgrader scores, one row per learner (only when nbgrader's scores were given)."""
    if not answers.practice_max:
        return ""
    head = "".join(f'<th scope="col">{_text(fill(REPORT["practice_column"], name=name, total=number(top)))}</th>'
                   for name, top in answers.practice_max.items())
    lines = [f'<h2 id="practice">{_text(REPORT["practice_heading"])}</h2>',
             f'<table><thead><tr>{_heads("learner")}{head}</tr></thead><tbody>']
    for learner in answers.learners:
        given = answers.practice.get(learner.name, {})
        cells = "".join(f'<td class="missing">{_text(REPORT["not_submitted"])}</td>' if given.get(name) is None
                        else f"<td>{number(given[name])}</td>"
                        for name in answers.practice_max)
        lines.append(f'<tr><th scope="row">{escape(_name(learner))}</th>{cells}</tr>')
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _bad_files(answers: ClassAnswers) -> str:
    if not answers.bad_files:
        return f"<p>{_text(REPORT['every_file_read'])}</p>"
    rows = "".join(f"<tr><td><code>{escape(b.path)}</code></td><td>{escape(b.reason)}</td></tr>" for b in answers.bad_files)
    message = fill(REPORT["bad_files"], not_read=plural(REPORT["not_read"], len(answers.bad_files)))
    return (f"<p>{_text(message)}</p><table><thead><tr>{_heads('file', 'why_not_read')}</tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _reflections(answers: ClassAnswers) -> str:
    html = []
    for ex in reflections(answers.bank):
        texts = [(_name(l) + (fill(REPORT["marked"], mark=answers.marks[l.name][ex.id]) if ex.id in answers.marks.get(l.name, {}) else ""),
                  str(l.responses[ex.id])) for l in answers.learners if ex.id in l.responses]
        levels = "".join(
            "<li>" + fill(_text(REPORT["rubric_level"]), level=f"<strong>{escape(ex.RUBRIC_LEVELS[level])}</strong>",
                          points=number(ex.points(level)), weight=number(ex.weight), text=escape(getattr(ex.rubric, level)))
            + "</li>" for level in ex.RUBRIC_POINTS)
        answers_html = "".join(f"<li><strong>{escape(name)}</strong><blockquote>{escape(text)}</blockquote></li>" for name, text in texts)
        summary = plural({form: _text(text) for form, text in REPORT["reflection_summary"].items()}, len(texts),
                         exercise=f"<code>{escape(ex.id)}</code>", lesson=escape(ex.lesson))
        html.append(f"<details><summary>{summary}</summary>"
                    f"<p>{escape(ex.prompt)}</p><p>{_text(REPORT['rubric'])}</p><ul>{levels}</ul><ol class=\"answers\">{answers_html}</ol></details>")
    return "\n".join(html)


def _mark_problems(answers: ClassAnswers) -> str:
    if not answers.mark_problems:
        return ""
    items = "".join(f"<li>{escape(problem)}</li>" for problem in answers.mark_problems)
    return f'<p>{_text(REPORT["mark_problems"])}</p><ul class="mark-problems">{items}</ul>'


STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #222; margin: 0 auto;
  max-width: 70rem; padding: 1rem 1.25rem 3rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #c8ccd1; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; display: block; overflow-x: auto; }
th, td { border: 1px solid #c8ccd1; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f6; }
td.missing { background: #fff4e5; }
figure.chart { margin: 1rem 0; overflow-x: auto; } figcaption { font-size: 0.9rem; color: #444; max-width: 48rem; }
blockquote { white-space: pre-line; margin: 0.25rem 0 0.75rem 1rem; }
details { margin: 0.5rem 0; } summary { cursor: pointer; }
@media print { details { display: block; } figure.chart, tr { break-inside: avoid; } }
"""


def html(answers: ClassAnswers, roster: list[str]) -> str:
    """The report page, in the language of REPORT (run it inside ``i18n.using(language)``)."""
    learners = len(answers.learners)
    named = sum(not l.anonymous for l in answers.learners)
    scripts = "".join(f'<script src="{FILES_DIR}/{name}"></script>' for name in SCRIPTS)
    csv_name, marks_option = "<code>gradebook.csv</code>", "<code>--marks</code>"
    intro = fill(_text(REPORT["intro"]), files=_text(plural(REPORT["files_read"], answers.files_read)),
                 learners=_text(plural(REPORT["learners"], learners)), named=named, anonymous=learners - named,
                 not_read=_text(plural(REPORT["not_read"], len(answers.bad_files))), csv=csv_name)
    return f"""<!DOCTYPE html>
<html lang="{escape(REPORT['lang'])}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_text(REPORT['title'])}</title>
<style>{STYLE}</style>
{scripts}
</head>
<body>
<main>
<h1>{_text(REPORT['heading'])}</h1>
<p>{intro}</p>
<h2 id="submitted">{_text(REPORT['submitted_heading'])}</h2>
{_submitted(answers, roster)}
{_practice(answers)}
<h2 id="bad-files">{_text(REPORT['bad_files_heading'])}</h2>
{_bad_files(answers)}
<h2 id="scores">{_text(REPORT['scores_heading'])}</h2>
{_distribution(answers, 0)}
<h2 id="questions">{_text(REPORT['questions_heading'])}</h2>
{_success_charts(answers, 1)}
<details><summary>{_text(REPORT['questions_table'])}</summary>
{_success_table(answers)}
</details>
<h2 id="wrong-answers">{_text(REPORT['wrong_heading'])}</h2>
<p>{_text(REPORT['wrong_intro'])}</p>
{_wrong_choices(answers)}
<h2 id="reflections">{_text(REPORT['reflections_heading'])}</h2>
<p>{fill(_text(REPORT['reflections_intro']), csv=csv_name, option=marks_option)}</p>
{_mark_problems(answers)}
{_reflections(answers)}
</main>
</body>
</html>
"""


def write(answers: ClassAnswers, out: Path, roster: list[str]) -> list[Path]:
    """Write report.html and report_files/ (the chart libraries) into ``out``."""
    files = out / FILES_DIR
    files.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCRIPTS:
        source = assets.VENDOR / name
        if not source.is_file():
            raise ReportError(f"the chart library {source} is missing: run 'bash scripts/build.sh' (or "
                              "'python -m coursekit.assets') once, then try again")
        shutil.copyfile(source, files / name)
        written.append(files / name)
    (out / REPORT_NAME).write_text(html(answers, roster), encoding="utf-8")
    return [out / REPORT_NAME, *written]
