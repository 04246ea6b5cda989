"""Charts for Part 4, Identity."""

from __future__ import annotations

import json
import textwrap

import altair as alt
import pandas as pd

from coursekit import data
from coursekit.charts import core
from coursekit.charts.core import PALETTE, STATUS_WORDS, draws, source_line, table_of

__all__ = [
    "network_awareness_vs_membership",
    "reported_shares_with_total",
    "turnout_by_year",
    "barriers_to_progress",
    "importance_trend_by_wave",
]

BLUE, ORANGE, VERMILION = PALETTE[0], PALETTE[1], PALETTE[5]
GREY, DARK = "#555555", "#222222"


def _subtitle(table: str, frame: pd.DataFrame, label: str) -> list[str]:
    """The table's source line, wrapped; a table whose rows differ in status names the exceptions."""
    if data.info(table).verification != "mixed":
        return textwrap.wrap(source_line(table), 95)
    counts = frame["verification"].value_counts()
    main = counts.index[0]
    others = [
        f"{' and '.join(frame.loc[frame['verification'] == status, label].astype(str))} ({STATUS_WORDS[status]})"
        for status in counts.index[1:]
    ]
    line = f"Source: {core.short_source(table)}. Status: {STATUS_WORDS[main]}, except {'; '.join(others)}."
    return textwrap.wrap(line, 95)


def _title(text: str, subtitle: list[str]) -> alt.Title:
    """A title that states the finding, on lines short enough for the page, over the source line."""
    return alt.Title(textwrap.wrap(text, 60), subtitle=subtitle)


@draws("ifop_2012_network_awareness_membership")
def network_awareness_vs_membership(frame: pd.DataFrame) -> alt.LayerChart:
    """Dumbbell chart: the share who had heard of each network and the share who were members."""
    table = table_of(frame)
    frame = frame.dropna(subset=["awareness_pct", "membership_pct"])
    frame = frame.sort_values(["awareness_pct", "membership_pct"], ascending=False).assign(
        members_per_100_aware=lambda f: (100 * f["membership_pct"] / f["awareness_pct"]).round(0),
        flag=lambda f: f["verification"].map({"secondary": "membership: one report only (secondary)"}).fillna(""),
    )
    order = list(frame["network"])
    measures = {"awareness_pct": "Have heard of it", "membership_pct": "Member"}
    y = alt.Y("network:N", sort=order, title=None)
    tooltip = [
        alt.Tooltip("network:N", title="Network"),
        alt.Tooltip("awareness_pct:Q", title="Have heard of it (%)"),
        alt.Tooltip("membership_pct:Q", title="Member (%)"),
        alt.Tooltip("members_per_100_aware:Q", title="Members per 100 aware"),
        alt.Tooltip("verification:N", title="Status"),
    ]
    base = alt.Chart(frame).encode(y=y)
    rules = base.mark_rule(color="#999999", strokeWidth=2).encode(
        x=alt.X("membership_pct:Q", title="Share of French internet users (%)", scale=alt.Scale(domain=[0, 100])),
        x2="awareness_pct:Q",
        tooltip=tooltip,
    )
    points = (
        base.transform_fold(list(measures), as_=["measure", "pct"])
        .transform_calculate(label="datum.measure == 'awareness_pct' ? 'Have heard of it' : 'Member'")
        .mark_point(filled=True, size=120, opacity=1)
        .encode(
            x="pct:Q",
            color=alt.Color("label:N", title=None, scale=alt.Scale(domain=list(measures.values()), range=[BLUE, ORANGE])),
            shape=alt.Shape("label:N", title=None, scale=alt.Scale(domain=list(measures.values()), range=["circle", "square"])),
            tooltip=tooltip,
        )
    )
    flags = base.mark_text(align="left", dx=12, fontSize=11, color=GREY).encode(x="awareness_pct:Q", text="flag:N")
    description = "Dot chart, one row per network. " + " ".join(
        f"{row.network}: {row.awareness_pct:g}% had heard of it, {row.membership_pct:g}% were members"
        f"{' (membership from a secondary source)' if row.verification == 'secondary' else ''}."
        for row in frame.itertuples()
    )
    return (rules + points + flags).properties(
        width=480,
        height=alt.Step(40),
        title=_title(
            "In 2012 most French internet users knew the big networks, but far fewer had joined them",
            _subtitle(table, frame, "network"),
        ),
        description=description,
    )


@draws("pivot_2012_social_pairings_blog_reported")
def reported_shares_with_total(
    frame: pd.DataFrame,
    category: str = "pairing",
    value: str = "pct",
) -> alt.LayerChart:
    """Bars of reported shares, each with its rounding interval (±0.5), and a note with their total."""
    table = table_of(frame)
    total = frame[value].sum()
    nearly = frame.get("as_printed", pd.Series("", index=frame.index)).str.contains("près de")
    frame = frame.sort_values(value, ascending=False).assign(
        low=frame[value] - 0.5,
        high=frame[value] + 0.5,
        label=frame[value].map("{:g}%".format) + nearly.map({True: " (nearly)", False: ""}),
        interval=(frame[value] - 0.5).map("{:g}".format) + " to " + (frame[value] + 0.5).map("{:g}".format),
        status=frame["verification"].map(STATUS_WORDS),
    )
    y = alt.Y(f"{category}:N", sort=list(frame[category]), title=None)
    tooltip = [
        alt.Tooltip(f"{category}:N", title="Paired with"),
        alt.Tooltip("as_printed:N", title="As printed") if "as_printed" in frame else alt.Tooltip(f"{value}:Q"),
        alt.Tooltip("interval:N", title="Rounding interval (%)"),
        alt.Tooltip("status:N", title="Status"),
    ]
    base = alt.Chart(frame).encode(y=y, tooltip=tooltip)
    x = alt.X(f"{value}:Q", title="Share of exchanges, as reported (%)", scale=alt.Scale(domain=[0, 60]))
    bars = base.mark_bar(color=BLUE, opacity=0.85, height=28).encode(x=x)
    interval = base.mark_rule(color="#000000", strokeWidth=2).encode(x="low:Q", x2="high:Q")
    caps = base.transform_fold(["low", "high"], as_=["end", "edge"]).mark_tick(
        color="#000000", thickness=2, size=14, orient="vertical"
    ).encode(x="edge:Q")
    labels = base.mark_text(align="left", dx=6, fontSize=12, color=DARK).encode(x="high:Q", text="label:N")
    note = core.summary(f"Total: {total:g}% (shares of one whole should total 100%)")  # under the x axis's title
    description = (
        "Horizontal bars, as reported by the blog; primary source not located. "
        + " ".join(f"{row[category]}: {row['label']}." for _, row in frame.iterrows())
        + f" Each bar carries an interval of plus or minus 0.5 points. Total: {total:g}%."
    )
    return (bars + interval + caps + labels).properties(
        usermeta=note,
        width=520,
        height=alt.Step(44),
        title=_title(
            f"As reported by the blog, “social” was paired with marketing most often; the four shares sum to {total:g}%",
            _subtitle(table, frame, category),
        ),
        description=description,
    )


@draws("bfs_federal_votes_turnout_1990_2023")
def turnout_by_year(frame: pd.DataFrame, last_year: int = 2023) -> alt.LayerChart:
    """Line of annual average turnout in Swiss federal votes, the post's year highlighted, the mean dashed."""
    table = table_of(frame)
    frame = frame[frame["year"] <= last_year]
    mean = frame["turnout_pct"].mean()
    first, last = int(frame["year"].min()), int(frame["year"].max())
    marked = frame[frame["highlight"]].assign(label=lambda f: f["year"].astype(str) + ": " + f["turnout_pct"].map("{:.1f}%".format) + " (year of the post)")
    years = alt.Scale(domain=[first - 1, last + 7])
    x = alt.X("year:Q", title="Year", axis=alt.Axis(format="d", values=list(range(first, last + 1, 5))), scale=years)
    y = alt.Y("turnout_pct:Q", title="Annual average turnout (%)", scale=alt.Scale(domain=[0, 70]))
    tooltip = [
        alt.Tooltip("year:Q", title="Year", format="d"),
        alt.Tooltip("turnout_pct:Q", title="Turnout (%)", format=".1f"),
        alt.Tooltip("voting_days:Q", title="Voting days"),
        alt.Tooltip("proposals:Q", title="Proposals"),
    ]
    base = alt.Chart(frame).encode(x=x, y=y)
    line = base.mark_line(color=BLUE, strokeWidth=2)
    points = base.mark_point(color=BLUE, filled=True, size=40, opacity=1).encode(tooltip=tooltip)
    spot = alt.Chart(marked).mark_point(color=VERMILION, filled=True, size=140, opacity=1).encode(x=x, y=y, tooltip=tooltip)
    spot_label = alt.Chart(marked).mark_text(dy=22, fontSize=12, fontWeight="bold", color=VERMILION).encode(x=x, y=y, text="label:N")
    level = pd.DataFrame({"turnout_pct": [mean], "year": [first], "end": [last], "label": [[f"Mean {first}–{last}:", f"{mean:.1f}%"]]})
    rule = alt.Chart(level).mark_rule(strokeDash=[6, 4], color=GREY, strokeWidth=1.5).encode(x=x, x2="end:Q", y=y)
    rule_label = alt.Chart(level).mark_text(align="left", dx=6, fontSize=12, color=GREY).encode(x=alt.X("end:Q", scale=years), y=y, text="label:N")
    low, high = frame.loc[frame["turnout_pct"].idxmin()], frame.loc[frame["turnout_pct"].idxmax()]
    description = (
        f"Line chart of annual average turnout in Swiss federal popular votes, {first} to {last}, in percent. "
        + "; ".join(f"{row.year}: {row.turnout_pct:.1f}{' (highlighted)' if row.highlight else ''}" for row in frame.itertuples())
        + f". Lowest {low.turnout_pct:.1f} in {low.year}, highest {high.turnout_pct:.1f} in {high.year}. "
        f"A dashed line marks the mean of the annual figures, {mean:.1f}."
    )
    return (rule + line + points + spot + spot_label + rule_label).properties(
        width=560,
        height=300,
        title=_title("Swiss turnout was low in 2012, but it has not fallen steadily since 1990", _subtitle(table, frame, "year")),
        description=description,
    )


@draws("mitsmr_2013_barriers")
def barriers_to_progress(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: the share of respondents citing each barrier, on a full 0-100 scale (answers can overlap)."""
    table = table_of(frame)
    frame = frame.sort_values("pct", ascending=False).assign(
        label=lambda f: f["barrier"].str[0].str.upper() + f["barrier"].str[1:],
        lines=lambda f: f["label"].map(lambda text: textwrap.wrap(text, 34)),
        value=lambda f: f["pct"].map("{:g}%".format),
    )
    wrapped = {row.label: row.lines for row in frame.itertuples()}
    y = alt.Y(
        "label:N",
        sort=list(frame["label"]),
        title=None,
        axis=alt.Axis(labelExpr=f"{json.dumps(wrapped)}[datum.value] || datum.value", labelLimit=260),
    )
    base = alt.Chart(frame).encode(
        y=y,
        x=alt.X("pct:Q", title="Share of respondents citing the barrier (%)", scale=alt.Scale(domain=[0, 100])),
        tooltip=[
            alt.Tooltip("barrier:N", title="Barrier (as printed)"),
            alt.Tooltip("pct:Q", title="Share citing it (%)"),
            alt.Tooltip("verification:N", title="Status"),
        ],
    )
    bars = base.mark_bar(color=BLUE, height=30)
    values = base.mark_text(align="left", dx=4, fontSize=12, color=DARK).encode(text="value:N")
    note = core.summary("Three barriers of several; each bar is a share of all respondents")  # under the x axis's title
    description = (
        "Horizontal bars, largest first, share of respondents citing each barrier (survey fielded 2012, report 2013). "
        + " ".join(f"{row.label}: {row.value}." for row in frame.itertuples())
        + " Only the three barriers the press release gives are shown; each bar is a share of all respondents, who named up to three by a secondary summary, so the bars are not parts of one whole."
    )
    return (bars + values).properties(
        usermeta=note,
        width=420,
        height=alt.Step(56),
        title=_title(
            "Lack of strategy and competing priorities were the barriers most often cited (survey fielded 2012)",
            _subtitle(table, frame, "barrier"),
        ),
        description=description,
    )


@draws("mitsmr_importance_trend")
def importance_trend_by_wave(frame: pd.DataFrame) -> alt.LayerChart:
    """Lines across the survey waves: the share rating social business important (or somewhat) today."""
    table = table_of(frame)
    labels = {"important or somewhat important": "Important or somewhat important today", "important": "Important today"}
    frame = (
        frame[frame["horizon"] == "today"]
        .sort_values(["measure", "survey_fielded"])
        .assign(
            measure_label=lambda f: f["measure"].map(labels),
            wave=lambda f: "Fielded " + f["survey_fielded"].astype(str) + ", report " + f["report_year"].astype(str),
            value=lambda f: f["pct"].map("{:g}%".format),
            sample=lambda f: f["n_respondents"].map(lambda n: "not recorded by the course" if pd.isna(n) else f"{int(n):,} respondents"),
        )
    )
    waves = list(dict.fromkeys(frame.sort_values("survey_fielded")["wave"]))
    answers = list(labels.values())
    base = alt.Chart(frame).encode(
        x=alt.X(
            "wave:O",
            sort=waves,
            title="Survey wave (year fielded, year of report)",
            axis=alt.Axis(labelAngle=0, labelExpr="split(datum.value, ', ')"),
        ),
        y=alt.Y("pct:Q", title="Share of respondents (%)", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color(
            "measure_label:N", title="Answer", sort=answers, scale=alt.Scale(domain=answers, range=[BLUE, VERMILION]),
            legend=alt.Legend(orient="top", direction="vertical", labelLimit=400),
        ),
        tooltip=[
            alt.Tooltip("measure_label:N", title="Answer"),
            alt.Tooltip("pct:Q", title="Share (%)"),
            alt.Tooltip("wave:N", title="Wave"),
            alt.Tooltip("sample:N", title="Sample"),
            alt.Tooltip("verification:N", title="Status"),
        ],
    )
    dash = alt.StrokeDash("measure_label:N", title="Answer", sort=answers, scale=alt.Scale(domain=answers, range=[[1, 0], [6, 4]]))
    lines = base.mark_line(strokeWidth=2.5, point=alt.OverlayMarkDef(filled=True, size=80)).encode(strokeDash=dash)
    values = base.mark_text(dy=-12, fontSize=12, fontWeight="bold").encode(text="value:N")
    description = "Line chart across three survey waves. " + " ".join(
        f"{label}: " + ", ".join(f"{row.value} in the wave {row.wave.lower()}" for row in rows.itertuples()) + "."
        for label, rows in frame.groupby("measure_label", sort=False)
    )
    return (lines + values).properties(
        width=480,
        height=300,
        title=_title(
            "Managers' interest in social business rose sharply between the waves fielded in 2011 and 2012, then levelled off",
            _subtitle(table, frame, "wave"),
        ),
        description=description,
    )
