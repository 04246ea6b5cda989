"""Charts for Part 2, Contact."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from coursekit.charts.core import RATING_COLOURS, describe_shares, source_line

__all__ = ["importance_by_horizon"]


def importance_by_horizon(frame: pd.DataFrame, table: str = "mitsmr_2012_importance_by_horizon") -> alt.Chart:
    """Stacked bars: how important managers rate social software today, in one year, in three years."""
    ratings = ["important", "somewhat important", "neutral"]
    horizons = list(frame.sort_values("horizon_order")["horizon"].unique())
    frame = frame.assign(rating_order=frame["rating"].map(ratings.index))
    base = alt.Chart(frame).encode(
        y=alt.Y("horizon:N", sort=horizons, title=None),
        x=alt.X("pct:Q", stack="zero", title="Share of managers (%)", scale=alt.Scale(domain=[0, 100])),
        order=alt.Order("rating_order:Q"),
        detail="rating:N",
    )
    bars = base.mark_bar(height=34).encode(
        color=alt.Color(
            "rating:N",
            sort=ratings,
            scale=alt.Scale(domain=ratings, range=RATING_COLOURS),
            title="Rating",
        ),
        tooltip=[
            alt.Tooltip("horizon:N", title="Horizon"),
            alt.Tooltip("rating:N", title="Rating"),
            alt.Tooltip("pct:Q", title="Share (%)"),
        ],
    )
    labels = base.mark_text(dx=-6, align="right", baseline="middle", fontSize=12, fontWeight="bold").encode(
        text=alt.Text("pct:Q", format=".0f"),
        color=alt.condition(alt.datum.rating == "neutral", alt.value("#222222"), alt.value("#ffffff")),
    )
    return (bars + labels).properties(
        width=520,
        height=alt.Step(52),
        title=alt.Title(
            "Most managers expected social software to matter more in three years than today",
            subtitle=textwrap.wrap(source_line(table), 95),
        ),
        description=describe_shares(frame, "horizon", "rating", "horizon_order"),
    )
