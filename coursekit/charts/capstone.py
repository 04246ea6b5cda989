"""Charts for the capstone project (chapters/capstone.ipynb): the worked example's table."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from coursekit import data
from coursekit.charts import core
from coursekit.charts.core import PALETTE, STATUS_WORDS, draws, table_of

__all__ = ["teams_reported_users"]


def _subtitle(table: str, frame: pd.DataFrame) -> list[str]:
    """The source line with the main status and the rows that differ from it."""
    counts = frame["verification"].value_counts()
    main = counts.index[0]
    others = [f"{' and '.join(frame.loc[frame['verification'] == status, 'announced'])} ({STATUS_WORDS[status]})"
              for status in counts.index[1:]]
    status = STATUS_WORDS[main] + (f", except {'; '.join(others)}" if others else "")
    return textwrap.wrap(f"Source: {core.short_source(table)}. Status: {status}.", 46, break_on_hyphens=False)


@draws("microsoft_teams_reported_users")
def teams_reported_users(frame: pd.DataFrame) -> alt.LayerChart:
    """Dots per announcement, one colour and shape per metric: the series breaks where the metric changes."""
    table = table_of(frame)
    frame = frame.sort_values("announced").assign(
        label=lambda f: (f["qualifier"].fillna("") + " " + f["users_millions"].map("{:g}".format)).str.strip(),
        date=lambda f: f["announced"] + "-15",
    )
    metrics = list(dict.fromkeys(frame["metric"]))
    last_daily = frame.loc[frame["metric"] == metrics[0], "announced"].iloc[-1]
    first_monthly = frame.loc[frame["metric"] == metrics[-1], "announced"].iloc[0]
    colour = alt.Color("metric:N", title="What the figure counts", sort=metrics,
                       scale=alt.Scale(domain=metrics, range=[PALETTE[0], PALETTE[5]]), legend=alt.Legend(columns=1))
    shape = alt.Shape("metric:N", title="What the figure counts", sort=metrics,
                      scale=alt.Scale(domain=metrics, range=["circle", "square"]))
    x = alt.X("date:T", title="Announced", axis=alt.Axis(format="%Y", tickCount="year"),
              scale=alt.Scale(domain=[f"{frame['announced'].iloc[0][:4]}-01-01", f"{frame['announced'].iloc[-1][:4]}-09-30"]))
    y = alt.Y("users_millions:Q", title="Active users of Teams (millions)", scale=alt.Scale(domain=[0, 300]))
    tooltip = [alt.Tooltip("announced:N", title="Announced"), alt.Tooltip("metric:N", title="Metric"),
               alt.Tooltip("label:N", title="Users (millions)"), alt.Tooltip("occasion:N", title="Occasion"),
               alt.Tooltip("verification:N", title="Status")]
    base = alt.Chart(frame).encode(x=x, y=y)
    lines = base.mark_line(strokeWidth=2).encode(color=colour, detail="metric:N")
    points = base.mark_point(filled=True, size=90, opacity=1).encode(color=colour, shape=shape, tooltip=tooltip)
    labels = base.mark_text(dy=-12, fontSize=11, color="#222222").encode(text="label:N")
    switch = (alt.Chart(pd.DataFrame({"date": [f"{first_monthly}-01"], "text": ["metric changes"]}))
              .encode(x=alt.X("date:T"))
              .mark_rule(strokeDash=[4, 4], color="#555555"))
    switch_label = switch.mark_text(align="right", dx=-4, y=248, fontSize=11, color="#555555").encode(text="text:N")
    description = (
        f"Dot chart of the Teams user counts Microsoft announced, {frame['announced'].iloc[0]} to {frame['announced'].iloc[-1]}. "
        + " ".join(f"{row.announced}: {row.label} million {row.metric} ({row.verification})." for row in frame.itertuples())
        + f" The metric changes between {last_daily} and {first_monthly}: before, people active on a day; after, people "
        "active in a month. The two lines cannot be joined into one growth figure."
    )
    return (lines + points + labels + switch + switch_label).properties(
        width=260,
        height=260,
        title=alt.Title(textwrap.wrap(f"Teams users as Microsoft reported them: {metrics[0]} until {last_daily}, "
                                      f"then {metrics[-1]}", 32), subtitle=_subtitle(table, frame)),
        description=description,
    )
