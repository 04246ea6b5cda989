"""Charts for the closing chapter: how the posts' 2012 predictions fared."""

from __future__ import annotations

import json
import textwrap

import altair as alt
import pandas as pd

from coursekit import data
from coursekit.charts import core
from coursekit.charts.core import PALETTE, draws, label, labelled, status_word, table_of, tr

__all__ = ["prediction_verdicts"]

VERDICTS = ["held", "partly held", "failed", "too early to say"]
COLOURS = {"held": PALETTE[2], "partly held": PALETTE[0], "failed": PALETTE[5], "too early to say": "#777777"}
HEADINGS = {"held": ["held"], "partly held": ["partly", "held"], "failed": ["failed"], "too early to say": ["too early", "to say"]}


@draws("course_2026_prediction_verdicts")
def prediction_verdicts(frame: pd.DataFrame) -> alt.Chart:
    """One dot per lesson in the column of its verdict: filled when the evidence is verified, hollow when secondary."""
    table = table_of(frame)
    verdicts = [label(table, "verdict", v) for v in VERDICTS]  # as the chart names them
    frame = labelled(frame, table, "prediction", "evidence").assign(
        order=lambda f: f["lesson"].map(lambda lesson: tuple(int(n) for n in lesson.split("."))),
        label=lambda f: f["lesson"] + " " + f["part"].map(lambda part: label(table, "part", part)),
        evidence_status=lambda f: f["verification"].map(status_word),
    ).sort_values("order")
    counts = frame["verdict"].value_counts()
    tally = [tr("prediction_verdicts", "{count} {verdict}", count=counts.get(v, 0), verdict=shown) for v, shown in zip(VERDICTS, verdicts)]
    status_counts = frame["verification"].value_counts()
    subtitle = textwrap.wrap(tr(
        "prediction_verdicts", "Source: {source}. The verdicts are the course's judgement; the evidence is {verified} for {verified_rows} rows "
        "(filled dots) and a {secondary} for {secondary_rows} (hollow dots).", source=core.short_source(table),
        verified=status_word("verified"), verified_rows=status_counts.get("verified", 0), secondary=status_word("secondary"),
        secondary_rows=status_counts.get("secondary", 0)), 52)
    title = alt.Title(textwrap.wrap(tr("prediction_verdicts", "Of the posts' {total} claims, {partly}: {held}, {failed}, {early}", total=len(frame),
                                       partly=tally[1], held=tally[0], failed=tally[2], early=tally[3]), 34), subtitle=subtitle)
    by_verdict = core.semicolons(
        tr("prediction_verdicts", "{verdict}: {lessons}", verdict=shown, lessons=", ".join(frame.loc[frame["verdict"] == v, "lesson"]))
        for v, shown in zip(VERDICTS, verdicts) if counts.get(v, 0))
    secondary = ", ".join(frame.loc[frame["verification"] == "secondary", "lesson"])
    description = tr("prediction_verdicts", "A grid with one row per lesson (1.1 to 4.5) and four columns, held, partly held, failed and too early to say; "
                          "each lesson has one dot in the column of its verdict. {tally}. By verdict, {by_verdict}. Hollow dots, where "
                          "the evidence rests on a single secondary source: {secondary}.",
                     tally=". ".join(tally).capitalize(), by_verdict=by_verdict, secondary=secondary)
    headings = {shown: [tr("prediction_verdicts", line) for line in HEADINGS[v]] for v, shown in zip(VERDICTS, verdicts)}
    frame = labelled(frame, table, "verdict", "part", "prediction", "evidence", "verification")
    scale = alt.Scale(domain=verdicts, range=[COLOURS[v] for v in VERDICTS])
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=list(frame["label"]), title=None, axis=alt.Axis(labelLimit=140)),
        x=alt.X("verdict:N", sort=verdicts, scale=alt.Scale(domain=verdicts), title=None,
                axis=alt.Axis(orient="top", labelAngle=0, labelPadding=6, labelBaseline="line-bottom",
                              labelExpr=f"{json.dumps(headings)}[datum.label] || datum.label")),
        color=alt.Color("verdict:N", scale=scale, legend=None),
        tooltip=[alt.Tooltip("lesson:N", title=tr("prediction_verdicts", "Lesson")), alt.Tooltip("prediction:N", title=tr("prediction_verdicts", "Claim")),
                 alt.Tooltip("verdict:N", title=tr("prediction_verdicts", "Verdict")), alt.Tooltip("evidence:N", title=tr("prediction_verdicts", "Evidence")),
                 alt.Tooltip("evidence_status:N", title=tr("prediction_verdicts", "Evidence status"))],
    )
    dots = base.mark_point(size=160, strokeWidth=2.5, filled=False).encode(
        fill=alt.condition(f"datum.verification == '{label(table, 'verification', 'verified')}'", alt.Fill("verdict:N", scale=scale, legend=None),
                           alt.value("transparent")),
    )
    return dots.properties(width=220, height=alt.Step(22), title=title, description=description)


def claims(frame: pd.DataFrame) -> str:
    """The claims as Markdown for the closing page: a list under each verdict, in course order, in the active language."""
    table = table_of(frame)
    lines = []
    for verdict in VERDICTS:
        rows = frame[frame["verdict"] == verdict]
        if rows.empty:
            continue
        lines.append(f"**{label(table, 'verdict', verdict).capitalize()}**\n")
        for row in rows.itertuples():
            lines.append(tr("prediction_verdicts", "- *Lesson {lesson}.* {prediction} {evidence} ({status} evidence)",
                            lesson=row.lesson, prediction=label(table, "prediction", row.prediction),
                            evidence=label(table, "evidence", row.evidence), status=label(table, "verification", row.verification)))
        lines.append("")
    return "\n".join(lines)
