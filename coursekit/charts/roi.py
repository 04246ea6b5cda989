"""Charts for Part 3, ROI.

Two charts are interactive: their sliders are Vega-Lite parameters (``alt.param`` bound to
``alt.binding_range``), so they work on the static page, without a kernel. Every slider's name
says what it controls and whether its value is an assumption.
"""

from __future__ import annotations

import textwrap

import altair as alt
import numpy as np
import pandas as pd

from coursekit import data
from typing import Any

from coursekit.charts import core
from coursekit.charts.core import PALETTE, draws, expr_text, number, percent, source_line, status_word, table_of, tr

__all__ = ["process_durations_before_after", "roi_what_if", "measurement_ladder"]

GREY = "#555555"


def _slider(name: str, label: str, value: float, low: float, high: float, step: float) -> alt.Parameter:
    return alt.param(name=name, value=value, bind=alt.binding_range(min=low, max=high, step=step, name=label))


def _summary(lines: dict[str, str]) -> dict[str, Any]:
    """Lines of text computed from the sliders (one Vega expression each), written under the chart.

    The renderer's finishing step (``core.fit``) sets them under the x axis's title, wrapped to the chart's width,
    so that Vega counts them when it fits the chart to its column.
    """
    return {core.SUMMARY_KEY: list(lines.values())}


# Lesson 3.1 ---------------------------------------------------------------------------------------

PILOT, COMPARISON = "Pilot group (uses the platform)", "Comparison group"


def _groups(frame: pd.DataFrame) -> pd.DataFrame:
    """First half of the instances = pilot, second half = comparison; each keeps its chance variation (``chance_factor``)."""
    number = frame["instance_id"].str[1:].astype(int)
    half = len(frame) // 2
    return frame.assign(
        group=np.where(number <= half, PILOT, COMPARISON),
        pilot=number <= half,
        order_in_group=(number - 1) % half + 1,
        chance=frame["chance_factor"],
    ).drop(columns=["chance_factor", "platform_effect_pct"])


def _fill(expression: str, numbers: dict[str, str]) -> str:
    for key, value in numbers.items():
        expression = expression.replace(key, value)
    return expression


def _summary_numbers(frame: pd.DataFrame) -> dict[str, str]:
    """Vega expressions of the two groups' medians and the share of pilot instances that took longer, from the sliders.

    A ratio is (1 - other causes) x (1 - platform effect, pilot only) x the instance's chance factor, a positive
    scale: a group's median is the scale times the median chance factor of its first N instances (one value per N
    the slider allows), and a pilot instance took longer when its chance factor times the scale exceeds 1.
    """
    steps = range(5, 101, 5)  # the study-size slider's values
    n = "instances_per_group"
    index = f"clamp(floor({n} / 5) - 1, 0, {len(steps) - 1})"
    scale = "(1 - other_causes / 100)"
    medians = {}
    for key, pilot in (("PILOT_MEDIAN", True), ("COMPARISON_MEDIAN", False)):
        group = frame[frame["pilot"] == pilot].sort_values("order_in_group")["chance"].to_numpy()
        table = ", ".join(f"{np.median(group[:k]):.6g}" for k in steps)
        medians[key] = f"({scale} * {'(1 - platform_effect / 100)' if pilot else '1'} * [{table}][{index}])"
    pilot = frame[frame["pilot"]].sort_values("order_in_group")
    terms = "+".join(f"({n} >= {order} && {chance:.6g} * SCALE > 1)" for order, chance in zip(pilot["order_in_group"], pilot["chance"]))
    medians["LONGER_SHARE"] = f"(({terms.replace('SCALE', scale + ' * (1 - platform_effect / 100)')}) / {n})"
    return medians


def _medians(frame: pd.DataFrame, effect: float, other: float) -> tuple[float, float, float]:
    ratio = (1 - other / 100) * np.where(frame["pilot"], 1 - effect / 100, 1) * frame["chance"]
    pilot, comparison = ratio[frame["pilot"]], ratio[~frame["pilot"]]
    return pilot.median(), comparison.median(), (pilot > 1).mean()


@draws("simulated_process_durations")
def process_durations_before_after(frame: pd.DataFrame) -> alt.LayerChart:
    """SIMULATED dot strip: per-instance change in duration, pilot vs comparison group, with three sliders."""
    table = table_of(frame)
    # The effect the SIMULATED table was generated with (the same on every row) is the slider's default.
    built_in = float(frame["platform_effect_pct"].iloc[0])
    built_in = int(built_in) if built_in.is_integer() else built_in
    pilot_group, comparison_group = tr("process_durations_before_after", PILOT), tr("process_durations_before_after", COMPARISON)  # the groups, as the chart names them
    frame = _groups(frame).assign(group=lambda f: f["group"].map({PILOT: pilot_group, COMPARISON: comparison_group}))
    other_default, size_default = 10, 100
    effect = _slider("platform_effect", tr("process_durations_before_after", "Platform effect, pilot only (% shorter; {effect} = blog-reported BASF figure, unverified) ",
                                           effect=number(built_in)), built_in, 0, 50, 1)
    other = _slider("other_causes", tr("process_durations_before_after", "Other causes, both groups (% shorter, below 0 = longer; assumption) "), other_default, -20, 20, 1)
    size = _slider("instances_per_group", tr("process_durations_before_after", "Instances measured per group (study size, your choice) "), size_default, 5, 100, 5)
    base = (
        alt.Chart(frame)
        .transform_filter("datum.order_in_group <= instances_per_group")
        .transform_calculate(
            ratio="(1 - other_causes / 100) * (datum.pilot ? 1 - platform_effect / 100 : 1) * datum.chance",
            change_pct="100 * (datum.ratio - 1)",
        )
    )
    y = alt.Y("group:N", sort=[pilot_group, comparison_group], title=None, axis=alt.Axis(labelLimit=220, labelFontSize=13))
    x = alt.X(
        "change_pct:Q",
        title=tr("process_durations_before_after", "Change in duration, after vs before (%, SIMULATED)"),
        scale=alt.Scale(domain=[-100, 200], clamp=True),
        axis=alt.Axis(values=list(range(-100, 201, 50))),
    )
    colour = alt.Color("group:N", scale=alt.Scale(domain=[pilot_group, comparison_group], range=PALETTE[:2]), legend=None)
    no_change = alt.Chart().mark_rule(strokeDash=[4, 4], color="#444444", aria=False).encode(x=alt.datum(0))  # decorative
    dots = (
        base.transform_calculate(jitter="(datum.order_in_group % 10) / 10 - 0.45")
        .mark_circle(size=40, opacity=0.6)
        .encode(
            x=x,
            y=y,
            yOffset=alt.YOffset("jitter:Q", scale=alt.Scale(domain=[-0.6, 0.6])),
            color=colour,
            tooltip=[
                alt.Tooltip("instance_id:N", title=tr("process_durations_before_after", "Instance")),
                alt.Tooltip("group:N", title=tr("process_durations_before_after", "Group")),
                alt.Tooltip("before_days:Q", title=tr("process_durations_before_after", "Before (days)")),
                alt.Tooltip("change_pct:Q", title=tr("process_durations_before_after", "Change (%)"), format="+.1f"),
            ],
        )
    )
    medians = (
        base.transform_aggregate(median="median(change_pct)", groupby=["group"])
        .mark_tick(color="black", thickness=3, size=50)
        .encode(x=alt.X("median:Q"), y=y, tooltip=[alt.Tooltip("group:N", title=tr("process_durations_before_after", "Group")),
                                              alt.Tooltip("median:Q", title=tr("process_durations_before_after", "Median change (%)"), format="+.1f")])
    )
    strip = alt.layer(no_change, dots, medians).properties(width=440, height=alt.Step(110))
    numbers = _summary_numbers(frame)
    summary = _summary(
        {
            "line1": expr_text("process_durations_before_after", "Pilot group, median change: {change}%", change="format(100 * (PILOT_MEDIAN - 1), '+.1f')"),
            "line2": expr_text("process_durations_before_after", "Comparison group, median change: {change}%", change="format(100 * (COMPARISON_MEDIAN - 1), '+.1f')"),
            "line3": expr_text("process_durations_before_after", "Platform effect estimated against the comparison group: {effect}% shorter",
                               effect="format(100 * (1 - PILOT_MEDIAN / COMPARISON_MEDIAN), '.1f')"),
            "line4": expr_text("process_durations_before_after", "Pilot instances that took longer anyway: {share}%", share="format(100 * LONGER_SHARE, '.0f')"),
        }
    )
    summary = {key: [_fill(line, numbers) for line in lines] for key, lines in summary.items()}
    pilot, comparison, longer = _medians(frame, built_in, other_default)
    notes = tr("process_durations_before_after", "Each dot keeps its own SIMULATED chance variation; the sliders set the effects.")
    return (
        strip.add_params(effect, other, size)
        .properties(
            usermeta=summary,
            title=alt.Title(
                tr("process_durations_before_after", "SIMULATED: before/after mixes the platform's effect with other causes"),
                subtitle=textwrap.wrap(source_line(table), 95) + textwrap.wrap(notes, 95),
            ),
            description=tr(
                "process_durations_before_after",
                "SIMULATED process durations, {instances} fictional instances split into two groups of {half}, dot strip of the change "
                "in each instance's duration. At the default settings (platform effect {effect}, other causes {other}, {size} instances "
                "per group): pilot group median change {pilot}, comparison group {comparison}, platform effect estimated against the "
                "comparison group {estimate}, pilot instances that took longer {longer}.",
                instances=len(frame), half=len(frame) // 2, effect=percent(built_in), other=percent(other_default), size=size_default,
                pilot=percent(100 * (pilot - 1), "+.1f"), comparison=percent(100 * (comparison - 1), "+.1f"),
                estimate=percent(100 * (1 - pilot / comparison), ".1f"), longer=percent(100 * longer, ".0f"),
            ),
        )
    )


# Lesson 3.2 ---------------------------------------------------------------------------------------

# The four assumptions of the what-if model: (name, slider label, default, min, max, step).
# None is data. The lesson says where each range comes from.
WHAT_IF_ASSUMPTIONS = [
    ("adoption_pct", "Staff actively using the platform (%; assumption) ", 30, 0, 100, 5),
    ("time_saved_pct", "Time saved per active user (% of the week; assumption) ", 2, 0, 25, 0.5),
    ("use_rate_pct", "Saved time turned into valuable work (%; assumption) ", 50, 0, 100, 5),
    ("cost_fte", "Programme cost (salaries per 1,000 staff a year; assumption) ", 3, 0.5, 20, 0.5),
]
_VALUE_PER_POINT = "10 * time_saved_pct / 100 * use_rate_pct / 100"  # value of one point of adoption, per 1,000 employees


def _what_if_numbers(adoption: float, time_saved: float, use_rate: float, cost: float) -> tuple[float, float, float]:
    """Value, return (%) and break-even adoption (%) of the what-if model, as the chart computes them."""
    per_point = 10 * time_saved / 100 * use_rate / 100
    value = adoption * per_point
    return value, 100 * (value - cost) / cost, (cost / per_point if per_point else float("inf"))


def _basf_share(frame: pd.DataFrame) -> pd.DataFrame:
    """connect.BASF users as a share of employees, from the two counts of the same article (about 2013)."""
    rows = frame[frame["as_of"] == "about 2013"].set_index("measure")
    users, staff = rows.loc["connect.BASF users"], rows.loc["employees"]
    return pd.DataFrame({
        "share": [round(100 * users["count"] / staff["count"], 1)],
        "users": [int(users["count"])],
        "employees": [int(staff["count"])],
        "status": [status_word(users["verification"]) if users["verification"] == staff["verification"] else tr("roi_what_if", "mixed")],
    })


@draws("basf_connect_adoption")
def roi_what_if(frame: pd.DataFrame) -> alt.LayerChart:
    """What-if ROI: value of freed time against programme cost, by adoption; four assumption sliders.

    The only data drawn is a reference line: connect.BASF users as a share of BASF's employees.
    """
    table = table_of(frame)
    params = [_slider(name, tr("roi_what_if", text), *numbers) for name, text, *numbers in WHAT_IF_ASSUMPTIONS]
    basf = _basf_share(frame)
    x = alt.X("adoption:Q", title=tr("roi_what_if", "Share of staff who actively use the platform (%)"), scale=alt.Scale(domain=[0, 100]))
    y_title = tr("roi_what_if", "Full-time salaries per 1,000 employees per year")
    series = [tr("roi_what_if", "Value of time turned into work"), tr("roi_what_if", "Programme cost")]
    lines = (
        alt.Chart(alt.sequence(0, 101, 1, as_="adoption"))
        .transform_calculate(**{series[0]: f"datum.adoption * {_VALUE_PER_POINT}", series[1]: "cost_fte"})
        .transform_fold(series, as_=["series", "fte"])
        .mark_line(strokeWidth=3)
        .encode(
            x=x,
            y=alt.Y("fte:Q", title=y_title, scale=alt.Scale(zero=True)),
            color=alt.Color("series:N", sort=series, scale=alt.Scale(domain=series, range=PALETTE[:2]), title=None, legend=alt.Legend(labelLimit=0)),
            strokeDash=alt.StrokeDash("series:N", sort=series, scale=alt.Scale(domain=series, range=[[1, 0], [6, 4]]), title=None, legend=alt.Legend(labelLimit=0)),
            tooltip=[alt.Tooltip("series:N", title=tr("roi_what_if", "Line")), alt.Tooltip("adoption:Q", title=tr("roi_what_if", "Adoption (%)")),
                     alt.Tooltip("fte:Q", title=tr("roi_what_if", "Salaries"), format=".1f")],
        )
    )
    chosen = alt.Chart(alt.sequence(0, 1, 1, as_="i")).transform_calculate(
        adoption="adoption_pct", fte=f"adoption_pct * {_VALUE_PER_POINT}"
    )
    rule = chosen.mark_rule(strokeDash=[2, 3], color="#222222").encode(x=x)
    point = chosen.mark_point(size=90, filled=True, color=PALETTE[0], opacity=1).encode(x=x, y=alt.Y("fte:Q", title=y_title))
    reference = alt.Chart(basf).encode(x=alt.X("share:Q", scale=alt.Scale(domain=[0, 100])))
    basf_rule = reference.mark_rule(color="#888888", strokeWidth=2)
    basf_label = reference.mark_text(align="left", dx=5, baseline="top", y=252, lineBreak="\n", fontSize=11, color=GREY).encode(
        text=alt.value(tr("roi_what_if", "connect.BASF users, about 2013:\n{share} of employees\n({status})", share=percent(basf["share"][0], ".0f"),
                          status=basf["status"][0]))
    )
    top = alt.layer(lines, basf_rule, basf_label, rule, point).properties(width=520, height=300)
    value, per_point = f"(adoption_pct * {_VALUE_PER_POINT})", f"({_VALUE_PER_POINT})"
    roi, break_even = f"(100 * ({value} - cost_fte) / cost_fte)", f"({per_point} > 0 ? cost_fte / {per_point} : null)"
    summary = _summary(
        {
            "line1": expr_text("roi_what_if", "At {adoption}% adoption: value {value}, cost {cost} full-time salaries per 1,000 employees",
                               adoption="format(adoption_pct, '.0f')", value=f"format({value}, '.1f')", cost="format(cost_fte, '.1f')"),
            "line2": expr_text("roi_what_if", "Return on investment under these assumptions: {roi}%", roi=f"(abs({roi}) < 0.5 ? '0' : format({roi}, '+.0f'))"),
            "line3": expr_text("roi_what_if", "Break-even adoption: {adoption}", adoption=(
                "(" + break_even + " === null ? " + expr_text("roi_what_if", "never (no time turned into work)") + " : " + break_even
                + " > 100 ? " + expr_text("roi_what_if", "not reached even at 100%") + " : "
                + expr_text("roi_what_if", "{share}% of staff", share=f"format({break_even}, '.0f')") + ")")),
        }
    )
    value, roi, break_even = _what_if_numbers(*(row[2] for row in WHAT_IF_ASSUMPTIONS))
    reference_note = tr(
        "roi_what_if", "Grey line, the only data: connect.BASF users as a share of BASF employees, about 2013 ({users} of {employees}). "
        "Source: {source}. Status: {status}.", users=number(basf["users"][0], ","), employees=number(basf["employees"][0], ","),
        source=core.short_source(table), status=basf["status"][0],
    )
    return (
        top.add_params(*params)
        .properties(
            usermeta=summary,
            title=alt.Title(
                tr("roi_what_if", "What-if, not data: the return depends on four assumptions you set"),
                subtitle=textwrap.wrap(tr("roi_what_if", "Every slider is an assumption. {note}", note=reference_note), 95),
            ),
            description=tr(
                "roi_what_if",
                "Interactive what-if chart built from assumptions. The value of time turned into work rises with adoption; "
                "the programme cost is flat. At the defaults, 30% adoption, 2% of the week saved, 50% turned into work and a "
                "cost of 3 full-time salaries per 1,000 employees: value {value}, cost 3.0, return {roi}, "
                "break-even adoption {break_even}. A grey reference line marks connect.BASF's users, "
                "{share} of BASF's employees about 2013 ({status}).",
                value=number(value, ".1f"), roi=percent(roi, ".0f"), break_even=percent(break_even, ".0f"),
                share=percent(basf["share"][0], ".1f"), status=basf["status"][0],
            ),
        )
    )


# Lesson 3.4 ---------------------------------------------------------------------------------------

# The course's ladder of measurement, top (reach) to bottom (effects). A rung shows a bar only where the
# table has a figure for it; the others say that no public figure was found. Nothing is filled in.
LADDER = [
    ("Reach: agents with intranet access before the project", "agents with intranet access before the project"),
    ("Reach: agents with access after the planned extension", "agents with intranet access after the planned extension"),
    ("Activity: agents actively using CollabParis workspaces", None),
    ("Activity: agents contributing content", None),
    ("Effect: changes in work (time saved, service quality)", None),
]
NOT_FOUND = "no public figure found"


@draws("collabparis_intranet_access")
def measurement_ladder(frame: pd.DataFrame) -> alt.LayerChart:
    """Horizontal bars for the rungs that have a public figure; 'no public figure found' for the others."""
    table = table_of(frame)
    agents = frame.set_index("measure")["agents"]
    figures = [int(agents[measure]) if measure in agents else None for _, measure in LADDER]
    names, not_found = [tr("measurement_ladder", rung) for rung, _ in LADDER], tr("measurement_ladder", NOT_FOUND)
    rungs = pd.DataFrame({
        "rung": names,
        "agents": pd.array(figures, dtype="Int64"),
        "label": [tr("measurement_ladder", "about {count}", count=number(n, ",")) if n is not None else not_found for n in figures],
    })
    y = alt.Y("rung:N", sort=names, title=None, axis=alt.Axis(labelLimit=360, labelFontSize=12))
    base = alt.Chart(rungs).encode(y=y)
    with_figure = base.transform_filter("isValid(datum.agents)")
    bars = with_figure.mark_bar(height=24, color=PALETTE[0]).encode(
        x=alt.X("agents:Q", title=tr("measurement_ladder", "Agents (round figures, as reported)"), scale=alt.Scale(domain=[0, 55000]), axis=alt.Axis(format=",d")),
        tooltip=[alt.Tooltip("rung:N", title=tr("measurement_ladder", "Rung")), alt.Tooltip("agents:Q", title=tr("measurement_ladder", "Agents"), format=",d")],
    )
    values = with_figure.mark_text(align="left", dx=4, fontSize=12, color="#222222").encode(x="agents:Q", text="label:N")
    missing = base.transform_filter("!isValid(datum.agents)").mark_text(
        align="left", x=4, fontSize=12, fontStyle="italic", color=GREY
    ).encode(text="label:N")
    shown = core.semicolons(tr("measurement_ladder", "{rung}: {value}", rung=row.rung, value=row.label) for row in rungs.itertuples())
    return alt.layer(bars, values, missing).properties(
        width=360,
        height=alt.Step(44),
        title=alt.Title(
            tr("measurement_ladder", "Paris's intranet: the only public figures count access, not collaboration"),
            subtitle=textwrap.wrap(source_line(table) + tr("measurement_ladder", " Lower rungs: {not_found} by the course.", not_found=not_found), 95),
        ),
        description=tr("measurement_ladder", "Five rungs, from reach at the top to effects at the bottom. {rungs}. Figures from a secondary source, round numbers.",
                       rungs=shown),
    )
