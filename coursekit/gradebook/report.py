"""The class report: ``report.html``, a page a trainer opens offline, with its files beside it.

What it shows: who sent what (and who on the roster sent nothing), the files that could not be read
and why, the score distribution per part, the success rate of every question, the wrong answers
chosen most often with the misconception each stands for, and each reflection's answers beside its
rubric for marking. Charts are Altair specs drawn by the same vega builds as the book, copied into
``report_files/`` beside the page, each with a text description; every text from a file is escaped.
The same input always gives the same bytes.
"""

from __future__ import annotations

import json
import shutil
import statistics
from collections import Counter
from html import escape
from pathlib import Path

import altair as alt

from coursekit import assets
from coursekit.charts.core import EMBED_OPTIONS, ScriptSafeJSON
from coursekit.gradebook import DIAGNOSTIC, ClassAnswers, Learner, graded, group_of, groups, reflections, totals, verdicts

REPORT_NAME = "report.html"
FILES_DIR = "report_files"
SCRIPTS = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")
MOST_CHOSEN = 15  # wrong answers listed
BANDS = [f"{low}–{low + 9} %" for low in range(0, 90, 10)] + ["90–100 %"]


class ReportError(Exception):
    """The report cannot be written (its chart libraries are missing); the message says what to run."""


def _band(percent: float) -> str:
    return BANDS[min(int(percent // 10), 9)]


def _title(group: str) -> str:
    return "Diagnostic" if group == DIAGNOSTIC else group.capitalize()


def _chart_html(number: int, chart: alt.TopLevelMixin, description: str) -> str:
    """A chart's box, its description (read by screen readers and printed below it) and its drawing script."""
    spec = chart.properties(description=description).to_dict()
    spec.pop("$schema", None)  # a name, not a request; the mode below says what the spec is
    box = f"chart-{number}"
    data = json.dumps(spec, cls=ScriptSafeJSON, sort_keys=True)
    options = json.dumps({**EMBED_OPTIONS, "mode": "vega-lite"}, sort_keys=True)
    return (f'<figure class="chart"><div id="{box}" class="chart-box" role="img" aria-label="{escape(description)}"></div>'
            f'<figcaption>{escape(description)}</figcaption></figure>'
            f'<script>vegaEmbed("#{box}", {data}, {options}).catch(function (e) {{'
            f' document.getElementById("{box}").textContent = "The chart could not be drawn: " + e.message; }});</script>')


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
        return "<p>No learner has answered an auto-graded question yet.</p>"
    counts = Counter((s["group"], _band(s["percent"])) for s in scores)
    order = [_title(g) for g in groups(answers.bank)]
    rows = [{"group": g, "band": b, "learners": counts[(g, b)]} for g in order for b in BANDS if any(s["group"] == g for s in scores)]
    chart = alt.Chart(alt.Data(values=rows)).mark_bar(color="#0072B2").encode(
        x=alt.X("band:O", sort=BANDS, title="Score", axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("learners:Q", title="Learners", axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("group:N", title="Part"), alt.Tooltip("band:O", title="Score"), alt.Tooltip("learners:Q")],
    ).properties(width=260, height=120).facet(
        facet=alt.Facet("group:N", sort=order, title=None), columns=2,
    ).properties(title="Score distribution per part")
    parts = []
    for group in order:
        values = [s["percent"] for s in scores if s["group"] == group]
        if values:
            parts.append(f"{group}: {len(values)} learner{'s' if len(values) != 1 else ''}, median {statistics.median(values):.0f} %, "
                         f"from {min(values):.0f} % to {max(values):.0f} %")
    description = ("Score distribution per part: each learner's correct answers as a share of the part's auto-graded "
                   "questions (an unanswered question counts as not correct), for learners who answered at least one. "
                   + "; ".join(parts) + ".")
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
            x=alt.X("rate:Q", title="Correct, in % of the learners who answered", scale=alt.Scale(domain=[0, 100])),
            tooltip=["exercise:N", "lesson:N", "answered:Q", alt.Tooltip("rate:Q", title="correct %")],
        ).properties(title=f"{_title(group)}: success rate per question", width=320, height=alt.Step(16))
        hardest = sorted(rows, key=lambda r: (r["rate"], r["exercise"]))[:3]
        description = (f"{_title(group)}: success rate of each of its {len(rows)} answered questions. Lowest: "
                       + "; ".join(f"{r['exercise']} ({r['rate']:.0f} % of {r['answered']})" for r in hardest) + ".")
        html.append(_chart_html(start + offset, chart, description))
    return "\n".join(html) or "<p>No auto-graded question has been answered yet.</p>"


def _success_table(answers: ClassAnswers) -> str:
    success = _success(answers)
    lines = ["<table><thead><tr><th scope=\"col\">Exercise</th><th scope=\"col\">Lesson</th><th scope=\"col\">Type</th>"
             "<th scope=\"col\">Answered</th><th scope=\"col\">Correct</th><th scope=\"col\">Rate</th></tr></thead><tbody>"]
    for ex in graded(answers.bank):
        answered, correct = success[ex.id]
        rate = f"{100 * correct / answered:.0f} %" if answered else "—"
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
        return "<p>No wrong option has been chosen yet.</p>"
    top = sorted(chosen.items(), key=lambda item: (-item[1], item[0]))[:MOST_CHOSEN]
    lines = ["<table><thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Wrong option chosen</th>"
             "<th scope=\"col\">Learners</th><th scope=\"col\">Misconception and feedback</th></tr></thead><tbody>"]
    for (ex_id, choice_id), count in top:
        ex = answers.bank[ex_id]
        choice = next(c for c in ex.choices if c.id == choice_id)
        lines.append(
            f"<tr><td><code>{escape(ex_id)}</code> ({escape(ex.lesson)})<br>{escape(ex.prompt)}</td><td>{escape(choice.text)}</td>"
            f"<td>{count} of {answered[ex_id]}</td><td><strong>{escape(choice.misconception or '')}</strong><br>"
            f"{escape(choice.feedback)}</td></tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _submitted(answers: ClassAnswers, roster: list[str]) -> str:
    order = groups(answers.bank)
    head = "".join(f'<th scope="col">{escape(_title(g))}</th>' for g in order)
    lines = [f'<table><thead><tr><th scope="col">Learner</th><th scope="col">Files</th>{head}'
             f'<th scope="col">Reflections written</th></tr></thead><tbody>']
    written = {ex.id for ex in reflections(answers.bank)}
    for learner in answers.learners:
        sums = totals(learner, answers.bank)
        cells = "".join(
            f'<td class="{"missing" if not sums[g][1] else ""}">'
            + (f"{sums[g][1]} of {sums[g][2]} answered, {sums[g][0]} correct" if sums[g][1] else "nothing yet") + "</td>"
            for g in order)
        count = sum(1 for ex_id in learner.responses if ex_id in written)
        lines.append(f"<tr><th scope=\"row\">{escape(learner.name)}</th><td>{len(learner.files)}</td>{cells}"
                     f"<td>{count} of {len(written)}</td></tr>")
    known = {l.name.casefold() for l in answers.learners}
    for name in roster:
        if name.casefold() not in known:
            lines.append(f'<tr><th scope="row">{escape(name)}</th><td class="missing">0</td>'
                         + f'<td class="missing">no file</td>' * len(order) + '<td class="missing">—</td></tr>')
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _practice(answers: ClassAnswers) -> str:
    """The practice sets' nbgrader scores, one row per learner (only when nbgrader's scores were given)."""
    if not answers.practice_max:
        return ""
    head = "".join(f'<th scope="col">{escape(name)} (of {top:g})</th>' for name, top in answers.practice_max.items())
    lines = ['<h2 id="practice">Practice sets (autograded by nbgrader)</h2>',
             f'<table><thead><tr><th scope="col">Learner</th>{head}</tr></thead><tbody>']
    for learner in answers.learners:
        given = answers.practice.get(learner.name, {})
        cells = "".join('<td class="missing">not submitted</td>' if given.get(name) is None else f"<td>{given[name]:g}</td>"
                        for name in answers.practice_max)
        lines.append(f'<tr><th scope="row">{escape(learner.name)}</th>{cells}</tr>')
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _bad_files(answers: ClassAnswers) -> str:
    if not answers.bad_files:
        return "<p>Every file was read.</p>"
    rows = "".join(f"<tr><td><code>{escape(b.path)}</code></td><td>{escape(b.reason)}</td></tr>" for b in answers.bad_files)
    return (f"<p>{len(answers.bad_files)} file(s) could not be read: ask the learner for the file the book's "
            f"\u201cDownload\u201d button saved, unchanged.</p><table><thead><tr><th scope=\"col\">File</th>"
            f"<th scope=\"col\">Why it was not read</th></tr></thead><tbody>{rows}</tbody></table>")


def _reflections(answers: ClassAnswers) -> str:
    html = []
    for ex in reflections(answers.bank):
        texts = [(l.name, str(l.responses[ex.id])) for l in answers.learners if ex.id in l.responses]
        texts = [(name + (f" (marked {answers.marks[name][ex.id]})" if ex.id in answers.marks.get(name, {}) else ""), text)
                 for name, text in texts]
        levels = "".join(f"<li><strong>{escape(ex.RUBRIC_LEVELS[level])}</strong> ({ex.points(level):g} of {ex.weight}): "
                         f"{escape(getattr(ex.rubric, level))}</li>" for level in ex.RUBRIC_POINTS)
        answers_html = "".join(f"<li><strong>{escape(name)}</strong><blockquote>{escape(text)}</blockquote></li>" for name, text in texts)
        html.append(f"<details><summary><code>{escape(ex.id)}</code> ({escape(ex.lesson)}): {len(texts)} answer(s)</summary>"
                    f"<p>{escape(ex.prompt)}</p><p>Rubric:</p><ul>{levels}</ul><ol class=\"answers\">{answers_html}</ol></details>")
    return "\n".join(html)


def _mark_problems(answers: ClassAnswers) -> str:
    if not answers.mark_problems:
        return ""
    items = "".join(f"<li>{escape(problem)}</li>" for problem in answers.mark_problems)
    return f'<p>Marks that could not be read (the rest were kept):</p><ul class="mark-problems">{items}</ul>'


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
    """The report page."""
    n_charts = 1 + len(groups(answers.bank))
    learners = len(answers.learners)
    named = sum(not l.anonymous for l in answers.learners)
    scripts = "".join(f'<script src="{FILES_DIR}/{name}"></script>' for name in SCRIPTS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class report: Social business in practice</title>
<style>{STYLE}</style>
{scripts}
</head>
<body>
<main>
<h1>Class report</h1>
<p>{answers.files_read} answers file(s) read, from {learners} learner(s) ({named} named, {learners - named} anonymous);
{len(answers.bad_files)} file(s) could not be read. Every answer was checked again against the course's exercise bank:
a result written in a file is ignored. The gradebook for a spreadsheet is <code>gradebook.csv</code>, beside this page.</p>
<h2 id="submitted">Who has sent what</h2>
{_submitted(answers, roster)}
{_practice(answers)}
<h2 id="bad-files">Files that could not be read</h2>
{_bad_files(answers)}
<h2 id="scores">Scores per part</h2>
{_distribution(answers, 0)}
<h2 id="questions">Success rate per question</h2>
{_success_charts(answers, 1)}
<details><summary>Every question as a table</summary>
{_success_table(answers)}
</details>
<h2 id="wrong-answers">Wrong answers chosen most often</h2>
<p>Each wrong option stands for a misconception, named here with the feedback the learner saw: a good start for
the next session.</p>
{_wrong_choices(answers)}
<h2 id="reflections">Reflections to mark</h2>
<p>Type weak, adequate or strong in each reflection's “rubric mark” column of <code>gradebook.csv</code>, then run
the command again with <code>--marks</code> and that file: the marks are kept and added up as reflection points.</p>
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
