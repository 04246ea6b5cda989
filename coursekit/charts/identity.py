"""Charts for Part 4, Identity."""

from __future__ import annotations

import json
import textwrap

import altair as alt
import pandas as pd

from coursekit import data
from coursekit.charts import core
from coursekit.charts.core import PALETTE, STATUS_WORDS, draws, expr_text, label, labelled, number, percent, source_line, status_word, table_of, tr

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
    keys = {core.label(table, "verification", key): key for key in STATUS_WORDS}  # the rows' status, labelled or not
    statuses = frame["verification"].map(lambda v: keys.get(v, v))
    counts = statuses.value_counts()
    main = counts.index[0]
    others = [
        f"{tr('subtitle', ' and ').join(frame.loc[statuses == status, label].astype(str))} ({status_word(status)})"
        for status in counts.index[1:]
    ]
    line = tr("subtitle", "Source: {source}. Status: {status}, except {others}.", source=core.short_source(table),
              status=status_word(main), others=core.semicolons(others))
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
        flag=lambda f: f["verification"].map({"secondary": tr("network_awareness_vs_membership", "membership: one report only (secondary)")}).fillna(""),
    )
    description = tr("network_awareness_vs_membership", "Dot chart, one row per network. {rows}", rows=" ".join(
        tr("network_awareness_vs_membership", "{network}: {aware} had heard of it, {members} were members{secondary}.", network=row.network,
           aware=percent(row.awareness_pct), members=percent(row.membership_pct),
           secondary=tr("network_awareness_vs_membership", " (membership from a secondary source)") if row.verification == "secondary" else "")
        for row in frame.itertuples()
    ))
    frame = labelled(frame, table, "verification")
    order = list(frame["network"])
    measures = {"awareness_pct": tr("network_awareness_vs_membership", "Have heard of it"), "membership_pct": tr("network_awareness_vs_membership", "Member")}
    y = alt.Y("network:N", sort=order, title=None)
    tooltip = [
        alt.Tooltip("network:N", title=tr("network_awareness_vs_membership", "Network")),
        alt.Tooltip("awareness_pct:Q", title=tr("network_awareness_vs_membership", "Have heard of it (%)")),
        alt.Tooltip("membership_pct:Q", title=tr("network_awareness_vs_membership", "Member (%)")),
        alt.Tooltip("members_per_100_aware:Q", title=tr("network_awareness_vs_membership", "Members per 100 aware")),
        alt.Tooltip("verification:N", title=tr("network_awareness_vs_membership", "Status")),
    ]
    base = alt.Chart(frame).encode(y=y)
    rules = base.mark_rule(color="#999999", strokeWidth=2).encode(
        x=alt.X("membership_pct:Q", title=tr("network_awareness_vs_membership", "Share of French internet users (%)"), scale=alt.Scale(domain=[0, 100])),
        x2="awareness_pct:Q",
        tooltip=tooltip,
    )
    points = (
        base.transform_fold(list(measures), as_=["measure", "pct"])
        .transform_calculate(label="datum.measure == 'awareness_pct' ? " + expr_text("network_awareness_vs_membership", "Have heard of it") + " : " + expr_text("network_awareness_vs_membership", "Member"))
        .mark_point(filled=True, size=120, opacity=1)
        .encode(
            x="pct:Q",
            color=alt.Color("label:N", title=None, scale=alt.Scale(domain=list(measures.values()), range=[BLUE, ORANGE])),
            shape=alt.Shape("label:N", title=None, scale=alt.Scale(domain=list(measures.values()), range=["circle", "square"])),
            tooltip=tooltip,
        )
    )
    flags = base.mark_text(align="left", dx=12, fontSize=11, color=GREY).encode(x="awareness_pct:Q", text="flag:N")
    return (rules + points + flags).properties(
        width=480,
        height=alt.Step(40),
        title=_title(
            tr("network_awareness_vs_membership", "In 2012 most French internet users knew the big networks, but far fewer had joined them"),
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
    frame = labelled(frame.sort_values(value, ascending=False).assign(
        low=frame[value] - 0.5,
        high=frame[value] + 0.5,
        label=frame[value].map(percent) + nearly.map({True: tr("reported_shares_with_total", " (nearly)"), False: ""}),
        interval=[tr("reported_shares_with_total", "{low} to {high}", low=number(v - 0.5), high=number(v + 0.5)) for v in frame[value]],
        status=frame["verification"].map(status_word),
    ), table, category, "verification")
    y = alt.Y(f"{category}:N", sort=list(frame[category]), title=None)
    tooltip = [
        alt.Tooltip(f"{category}:N", title=tr("reported_shares_with_total", "Paired with")),
        alt.Tooltip("as_printed:N", title=tr("reported_shares_with_total", "As printed")) if "as_printed" in frame else alt.Tooltip(f"{value}:Q"),
        alt.Tooltip("interval:N", title=tr("reported_shares_with_total", "Rounding interval (%)")),
        alt.Tooltip("status:N", title=tr("reported_shares_with_total", "Status")),
    ]
    base = alt.Chart(frame).encode(y=y, tooltip=tooltip)
    x = alt.X(f"{value}:Q", title=tr("reported_shares_with_total", "Share of exchanges, as reported (%)"), scale=alt.Scale(domain=[0, 60]))
    bars = base.mark_bar(color=BLUE, opacity=0.85, height=28).encode(x=x)
    interval = base.mark_rule(color="#000000", strokeWidth=2).encode(x="low:Q", x2="high:Q")
    caps = base.transform_fold(["low", "high"], as_=["end", "edge"]).mark_tick(
        color="#000000", thickness=2, size=14, orient="vertical"
    ).encode(x="edge:Q")
    labels = base.mark_text(align="left", dx=6, fontSize=12, color=DARK).encode(x="high:Q", text="label:N")
    note = core.summary(tr("reported_shares_with_total", "Total: {total} (shares of one whole should total 100%)", total=percent(total)))  # under the x axis's title
    description = tr(
        "reported_shares_with_total", "Horizontal bars, as reported by the blog; primary source not located. {rows} Each bar carries an interval of plus or "
        "minus 0.5 points. Total: {total}.", total=percent(total),
        rows=" ".join(tr("reported_shares_with_total", "{name}: {value}.", name=row[category], value=row["label"]) for _, row in frame.iterrows()),
    )
    return (bars + interval + caps + labels).properties(
        usermeta=note,
        width=520,
        height=alt.Step(44),
        title=_title(
            tr("reported_shares_with_total", "As reported by the blog, “social” was paired with marketing most often; the four shares sum to {total}",
               total=percent(total)),
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
    marked = frame[frame["highlight"]].assign(label=lambda f: [
        tr("turnout_by_year", "{year}: {turnout} (year of the post)", year=year, turnout=percent(turnout, ".1f"))
        for year, turnout in zip(f["year"], f["turnout_pct"])])
    years = alt.Scale(domain=[first - 1, last + 7])
    x = alt.X("year:Q", title=tr("turnout_by_year", "Year"), axis=alt.Axis(format="d", values=list(range(first, last + 1, 5))), scale=years)
    y = alt.Y("turnout_pct:Q", title=tr("turnout_by_year", "Annual average turnout (%)"), scale=alt.Scale(domain=[0, 70]))
    tooltip = [
        alt.Tooltip("year:Q", title=tr("turnout_by_year", "Year"), format="d"),
        alt.Tooltip("turnout_pct:Q", title=tr("turnout_by_year", "Turnout (%)"), format=".1f"),
        alt.Tooltip("voting_days:Q", title=tr("turnout_by_year", "Voting days")),
        alt.Tooltip("proposals:Q", title=tr("turnout_by_year", "Proposals")),
    ]
    base = alt.Chart(frame).encode(x=x, y=y)
    line = base.mark_line(color=BLUE, strokeWidth=2)
    points = base.mark_point(color=BLUE, filled=True, size=40, opacity=1).encode(tooltip=tooltip)
    spot = alt.Chart(marked).mark_point(color=VERMILION, filled=True, size=140, opacity=1).encode(x=x, y=y, tooltip=tooltip)
    spot_label = alt.Chart(marked).mark_text(dy=22, fontSize=12, fontWeight="bold", color=VERMILION).encode(x=x, y=y, text="label:N")
    level = pd.DataFrame({"turnout_pct": [mean], "year": [first], "end": [last], "label": [[tr("turnout_by_year", "Mean {first}–{last}:", first=first, last=last), percent(mean, ".1f")]]})
    rule = alt.Chart(level).mark_rule(strokeDash=[6, 4], color=GREY, strokeWidth=1.5).encode(x=x, x2="end:Q", y=y)
    rule_label = alt.Chart(level).mark_text(align="left", dx=6, fontSize=12, color=GREY).encode(x=alt.X("end:Q", scale=years), y=y, text="label:N")
    low, high = frame.loc[frame["turnout_pct"].idxmin()], frame.loc[frame["turnout_pct"].idxmax()]
    description = tr(
        "turnout_by_year", "Line chart of annual average turnout in Swiss federal popular votes, {first} to {last}, in percent. {years}. "
        "Lowest {low} in {low_year}, highest {high} in {high_year}. A dashed line marks the mean of the annual figures, {mean}.",
        first=first, last=last, low=number(low.turnout_pct, ".1f"), low_year=low.year, high=number(high.turnout_pct, ".1f"),
        high_year=high.year, mean=number(mean, ".1f"),
        years=core.semicolons(tr("turnout_by_year", "{year}: {turnout}{highlighted}", year=row.year, turnout=number(row.turnout_pct, ".1f"),
                           highlighted=tr("turnout_by_year", " (highlighted)") if row.highlight else "") for row in frame.itertuples()),
    )
    return (rule + line + points + spot + spot_label + rule_label).properties(
        width=560,
        height=300,
        title=_title(tr("turnout_by_year", "Swiss turnout was low in 2012, but it has not fallen steadily since 1990"), _subtitle(table, frame, "year")),
        description=description,
    )


@draws("mitsmr_2013_barriers")
def barriers_to_progress(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: the share of respondents citing each barrier, on a full 0-100 scale (answers can overlap)."""
    table = table_of(frame)
    frame = labelled(frame.sort_values("pct", ascending=False).assign(
        label=lambda f: (f["barrier"].str[0].str.upper() + f["barrier"].str[1:]).map(lambda b: label(table, "barrier", b)),
        lines=lambda f: f["label"].map(lambda text: textwrap.wrap(text, 34)),
        value=lambda f: f["pct"].map(percent),
    ), table, "verification")
    wrapped = {row.label: row.lines for row in frame.itertuples()}
    y = alt.Y(
        "label:N",
        sort=list(frame["label"]),
        title=None,
        axis=alt.Axis(labelExpr=f"{json.dumps(wrapped)}[datum.value] || datum.value", labelLimit=260),
    )
    base = alt.Chart(frame).encode(
        y=y,
        x=alt.X("pct:Q", title=tr("barriers_to_progress", "Share of respondents citing the barrier (%)"), scale=alt.Scale(domain=[0, 100])),
        tooltip=[
            alt.Tooltip("barrier:N", title=tr("barriers_to_progress", "Barrier (as printed)")),
            alt.Tooltip("pct:Q", title=tr("barriers_to_progress", "Share citing it (%)")),
            alt.Tooltip("verification:N", title=tr("barriers_to_progress", "Status")),
        ],
    )
    bars = base.mark_bar(color=BLUE, height=30)
    values = base.mark_text(align="left", dx=4, fontSize=12, color=DARK).encode(text="value:N")
    note = core.summary(tr("barriers_to_progress", "Three barriers of several; each bar is a share of all respondents"))  # under the x axis's title
    description = tr(
        "barriers_to_progress", "Horizontal bars, largest first, share of respondents citing each barrier (survey fielded 2012, report 2013). {rows} "
        "Only the three barriers the press release gives are shown; each bar is a share of all respondents, who named up to three by a "
        "secondary summary, so the bars are not parts of one whole.",
        rows=" ".join(tr("barriers_to_progress", "{name}: {value}.", name=row.label, value=row.value) for row in frame.itertuples()),
    )
    return (bars + values).properties(
        usermeta=note,
        width=420,
        height=alt.Step(56),
        title=_title(
            tr("barriers_to_progress", "Lack of strategy and competing priorities were the barriers most often cited (survey fielded 2012)"),
            _subtitle(table, frame, "barrier"),
        ),
        description=description,
    )


@draws("mitsmr_importance_trend")
def importance_trend_by_wave(frame: pd.DataFrame) -> alt.LayerChart:
    """Lines across the survey waves: the share rating social business important (or somewhat) today."""
    table = table_of(frame)
    labels = {"important or somewhat important": tr("importance_trend_by_wave", "Important or somewhat important today"), "important": tr("importance_trend_by_wave", "Important today")}
    frame = labelled(
        frame[frame["horizon"] == "today"]
        .sort_values(["measure", "survey_fielded"])
        .assign(
            measure_label=lambda f: f["measure"].map(labels),
            wave=lambda f: [tr("importance_trend_by_wave", "Fielded {fielded}, report {report}", fielded=a, report=b) for a, b in zip(f["survey_fielded"], f["report_year"])],
            value=lambda f: f["pct"].map(percent),
            sample=lambda f: f["n_respondents"].map(lambda n: tr("importance_trend_by_wave", "not recorded by the course") if pd.isna(n)
                                                    else tr("importance_trend_by_wave", "{count} respondents", count=number(int(n), ","))),
        ), table, "measure", "horizon", "verification", "note")
    waves = list(dict.fromkeys(frame.sort_values("survey_fielded")["wave"]))
    answers = list(labels.values())
    base = alt.Chart(frame).encode(
        x=alt.X(
            "wave:O",
            sort=waves,
            title=tr("importance_trend_by_wave", "Survey wave (year fielded, year of report)"),
            axis=alt.Axis(labelAngle=0, labelExpr="split(datum.value, ', ')"),
        ),
        y=alt.Y("pct:Q", title=tr("importance_trend_by_wave", "Share of respondents (%)"), scale=alt.Scale(domain=[0, 100])),
        color=alt.Color(
            "measure_label:N", title=tr("importance_trend_by_wave", "Answer"), sort=answers, scale=alt.Scale(domain=answers, range=[BLUE, VERMILION]),
            legend=alt.Legend(orient="top", direction="vertical", labelLimit=400),
        ),
        tooltip=[
            alt.Tooltip("measure_label:N", title=tr("importance_trend_by_wave", "Answer")),
            alt.Tooltip("pct:Q", title=tr("importance_trend_by_wave", "Share (%)")),
            alt.Tooltip("wave:N", title=tr("importance_trend_by_wave", "Wave")),
            alt.Tooltip("sample:N", title=tr("importance_trend_by_wave", "Sample")),
            alt.Tooltip("verification:N", title=tr("importance_trend_by_wave", "Status")),
        ],
    )
    dash = alt.StrokeDash("measure_label:N", title=tr("importance_trend_by_wave", "Answer"), sort=answers, scale=alt.Scale(domain=answers, range=[[1, 0], [6, 4]]))
    lines = base.mark_line(strokeWidth=2.5, point=alt.OverlayMarkDef(filled=True, size=80)).encode(strokeDash=dash)
    values = base.mark_text(dy=-12, fontSize=12, fontWeight="bold").encode(text="value:N")
    description = tr("importance_trend_by_wave", "Line chart across three survey waves. {lines}", lines=" ".join(
        tr("importance_trend_by_wave", "{answer}: {values}.", answer=answer, values=", ".join(
            tr("importance_trend_by_wave", "{value} in the wave {wave}", value=row.value, wave=row.wave.lower()) for row in rows.itertuples()))
        for answer, rows in frame.groupby("measure_label", sort=False)
    ))
    return (lines + values).properties(
        width=480,
        height=300,
        title=_title(
            tr("importance_trend_by_wave", "Managers' interest in social business rose sharply between the waves fielded in 2011 and 2012, then levelled off"),
            _subtitle(table, frame, "wave"),
        ),
        description=description,
    )
