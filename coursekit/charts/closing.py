"""Charts for the closing chapter: how the posts' 2012 predictions fared."""

from __future__ import annotations

import json
import textwrap

import altair as alt
import pandas as pd

from coursekit import data
from coursekit.charts import core
from coursekit.charts.core import PALETTE, STATUS_WORDS, draws, table_of

__all__ = ["prediction_verdicts"]

VERDICTS = ["held", "partly held", "failed", "too early to say"]
COLOURS = {"held": PALETTE[2], "partly held": PALETTE[0], "failed": PALETTE[5], "too early to say": "#777777"}
HEADINGS = {"held": ["held"], "partly held": ["partly", "held"], "failed": ["failed"], "too early to say": ["too early", "to say"]}


@draws("course_2026_prediction_verdicts")
def prediction_verdicts(frame: pd.DataFrame) -> alt.Chart:
    """One dot per lesson in the column of its verdict: filled when the evidence is verified, hollow when secondary."""
    table = table_of(frame)
    frame = frame.assign(
        order=lambda f: f["lesson"].map(lambda lesson: tuple(int(n) for n in lesson.split("."))),
        label=lambda f: f["lesson"] + " " + f["part"],
        evidence_status=lambda f: f["verification"].map(STATUS_WORDS),
    ).sort_values("order")
    counts = frame["verdict"].value_counts()
    tally = [f"{counts.get(v, 0)} {v}" for v in VERDICTS]
    status_counts = frame["verification"].value_counts()
    subtitle = textwrap.wrap(
        f"Source: {core.short_source(table)}. The verdicts are the course's judgement; the evidence is "
        f"{STATUS_WORDS['verified']} for {status_counts.get('verified', 0)} rows (filled dots) and a "
        f"{STATUS_WORDS['secondary']} for {status_counts.get('secondary', 0)} (hollow dots).", 52)
    title = alt.Title(textwrap.wrap(f"Of the posts' {len(frame)} claims, {tally[1]}: {tally[0]}, {tally[2]}, {tally[3]}", 34),
                      subtitle=subtitle)
    scale = alt.Scale(domain=VERDICTS, range=[COLOURS[v] for v in VERDICTS])
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=list(frame["label"]), title=None, axis=alt.Axis(labelLimit=140)),
        x=alt.X("verdict:N", sort=VERDICTS, scale=alt.Scale(domain=VERDICTS), title=None,
                axis=alt.Axis(orient="top", labelAngle=0, labelPadding=6, labelBaseline="line-bottom",
                              labelExpr=f"{json.dumps(HEADINGS)}[datum.label] || datum.label")),
        color=alt.Color("verdict:N", scale=scale, legend=None),
        tooltip=[alt.Tooltip("lesson:N", title="Lesson"), alt.Tooltip("prediction:N", title="Claim"),
                 alt.Tooltip("verdict:N", title="Verdict"), alt.Tooltip("evidence:N", title="Evidence"),
                 alt.Tooltip("evidence_status:N", title="Evidence status")],
    )
    dots = base.mark_point(size=160, strokeWidth=2.5, filled=False).encode(
        fill=alt.condition("datum.verification == 'verified'", alt.Fill("verdict:N", scale=scale, legend=None),
                           alt.value("transparent")),
    )
    by_verdict = "; ".join(
        f"{v}: {', '.join(frame.loc[frame['verdict'] == v, 'lesson'])}" for v in VERDICTS if counts.get(v, 0))
    secondary = ", ".join(frame.loc[frame["verification"] == "secondary", "lesson"])
    description = (f"A grid with one row per lesson (1.1 to 4.5) and four columns, held, partly held, failed and too early "
                   f"to say; each lesson has one dot in the column of its verdict. {'. '.join(tally).capitalize()}. "
                   f"By verdict, {by_verdict}. Hollow dots, where the evidence rests on a single secondary source: {secondary}.")
    return dots.properties(width=220, height=alt.Step(22), title=title, description=description)
