"""Charts for the capstone project (chapters/capstone.ipynb): the worked example's table."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from coursekit import data
from coursekit.charts import core
from coursekit.charts.core import PALETTE, draws, label, labelled, number, status_word, table_of, tr

__all__ = ["teams_reported_users"]


def _subtitle(table: str, frame: pd.DataFrame) -> list[str]:
    """The source line with the main status and the rows that differ from it."""
    keys = {label(table, "verification", key): key for key in core.STATUS_WORDS}  # the rows' status, labelled or not
    statuses = frame["verification"].map(lambda v: keys.get(v, v))
    counts = statuses.value_counts()
    main = counts.index[0]
    others = [f"{tr('subtitle', ' and ').join(frame.loc[statuses == status, 'announced'])} ({status_word(status)})"
              for status in counts.index[1:]]
    if others:
        line = tr("subtitle", "Source: {source}. Status: {status}, except {others}.", source=core.short_source(table),
                  status=status_word(main), others=core.semicolons(others))
    else:
        line = tr("source_line", "Source: {source}. Status: {status}.", source=core.short_source(table), status=status_word(main))
    return textwrap.wrap(line, 46, break_on_hyphens=False)


@draws("microsoft_teams_reported_users")
def teams_reported_users(frame: pd.DataFrame) -> alt.LayerChart:
    """Dots per announcement, one colour and shape per metric: the series breaks where the metric changes."""
    table = table_of(frame)
    frame = frame.sort_values("announced").assign(
        label=lambda f: [f"{label(table, 'qualifier', q) if isinstance(q, str) else ''} {number(u)}".strip()
                         for q, u in zip(f["qualifier"], f["users_millions"])],
        date=lambda f: f["announced"] + "-15",
    )
    metrics = list(dict.fromkeys(frame["metric"]))
    last_daily = frame.loc[frame["metric"] == metrics[0], "announced"].iloc[-1]
    first_monthly = frame.loc[frame["metric"] == metrics[-1], "announced"].iloc[0]
    frame = labelled(frame, table, "metric", "qualifier", "occasion", "verification")
    metrics = [label(table, "metric", m) for m in metrics]
    counts_title = tr("teams_reported_users", "What the figure counts")
    colour = alt.Color("metric:N", title=counts_title, sort=metrics,
                       scale=alt.Scale(domain=metrics, range=[PALETTE[0], PALETTE[5]]), legend=alt.Legend(columns=1))
    shape = alt.Shape("metric:N", title=counts_title, sort=metrics,
                      scale=alt.Scale(domain=metrics, range=["circle", "square"]))
    x = alt.X("date:T", title=tr("teams_reported_users", "Announced"), axis=alt.Axis(format="%Y", tickCount="year"),
              scale=alt.Scale(domain=[f"{frame['announced'].iloc[0][:4]}-01-01", f"{frame['announced'].iloc[-1][:4]}-09-30"]))
    y = alt.Y("users_millions:Q", title=tr("teams_reported_users", "Active users of Teams (millions)"), scale=alt.Scale(domain=[0, 300]))
    tooltip = [alt.Tooltip("announced:N", title=tr("teams_reported_users", "Announced")), alt.Tooltip("metric:N", title=tr("teams_reported_users", "Metric")),
               alt.Tooltip("label:N", title=tr("teams_reported_users", "Users (millions)")), alt.Tooltip("occasion:N", title=tr("teams_reported_users", "Occasion")),
               alt.Tooltip("verification:N", title=tr("teams_reported_users", "Status"))]
    base = alt.Chart(frame).encode(x=x, y=y)
    lines = base.mark_line(strokeWidth=2).encode(color=colour, detail="metric:N")
    points = base.mark_point(filled=True, size=90, opacity=1).encode(color=colour, shape=shape, tooltip=tooltip)
    labels = base.mark_text(dy=-12, fontSize=11, color="#222222").encode(text="label:N")
    switch = (alt.Chart(pd.DataFrame({"date": [f"{first_monthly}-01"], "text": [tr("teams_reported_users", "metric changes")]}))
              .encode(x=alt.X("date:T"))
              .mark_rule(strokeDash=[4, 4], color="#555555"))
    switch_label = switch.mark_text(align="right", dx=-4, y=248, fontSize=11, color="#555555").encode(text="text:N")
    description = tr(
        "teams_reported_users", "Dot chart of the Teams user counts Microsoft announced, {first} to {last}. {rows} The metric changes between "
        "{last_daily} and {first_monthly}: before, people active on a day; after, people active in a month. The two lines cannot "
        "be joined into one growth figure.", first=frame["announced"].iloc[0], last=frame["announced"].iloc[-1],
        last_daily=last_daily, first_monthly=first_monthly,
        rows=" ".join(tr("teams_reported_users", "{announced}: {users} million {metric} ({status}).", announced=row.announced, users=row.label,
                         metric=row.metric, status=row.verification) for row in frame.itertuples()),
    )
    return (lines + points + labels + switch + switch_label).properties(
        width=260,
        height=260,
        title=alt.Title(textwrap.wrap(tr("teams_reported_users", "Teams users as Microsoft reported them: {first} until {last_daily}, then {last}",
                                         first=metrics[0], last_daily=last_daily, last=metrics[-1]), 32), subtitle=_subtitle(table, frame)),
        description=description,
    )
