"""Charts for Part 2, Contact."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from coursekit import data
from coursekit.charts import core
from coursekit.charts.core import (PALETTE, RATING_COLOURS, describe_shares, draws, label, labelled, number, percent,
                                    source_line, status_word, table_of, tr)

__all__ = [
    "importance_by_horizon",
    "contact_capacity_and_targeting",
    "important_by_company_size",
    "expected_gains_blog_reported",
    "ranking_by_criteria_weight",
    "fan_expectations",
    "fan_unsubscribing_by_base",
    "fans_to_buyers_by_base",
    "organic_reach_by_month",
]


@draws("mitsmr_2012_importance_by_horizon")
def importance_by_horizon(frame: pd.DataFrame) -> alt.Chart:
    """Stacked bars: how important managers rate social software today, in one year, in three years."""
    table = table_of(frame)
    ratings = ["important", "somewhat important", "neutral"]
    horizons = [label(table, "horizon", h) for h in frame.sort_values("horizon_order")["horizon"].unique()]
    frame = labelled(frame.assign(rating_order=frame["rating"].map(ratings.index)), table, "horizon", "rating", "verification")
    ratings = [label(table, "rating", r) for r in ratings]
    base = alt.Chart(frame).encode(
        y=alt.Y("horizon:N", sort=horizons, title=None),
        x=alt.X("pct:Q", stack="zero", title=tr("importance_by_horizon", "Share of managers (%)"), scale=alt.Scale(domain=[0, 100])),
        order=alt.Order("rating_order:Q"),
        detail="rating:N",
    )
    bars = base.mark_bar(height=34).encode(
        color=alt.Color(
            "rating:N",
            sort=ratings,
            scale=alt.Scale(domain=ratings, range=RATING_COLOURS),
            title=tr("importance_by_horizon", "Rating"),
        ),
        tooltip=[
            alt.Tooltip("horizon:N", title=tr("importance_by_horizon", "Horizon")),
            alt.Tooltip("rating:N", title=tr("importance_by_horizon", "Rating")),
            alt.Tooltip("pct:Q", title=tr("importance_by_horizon", "Share (%)")),
        ],
    )
    labels = base.mark_text(dx=-6, align="right", baseline="middle", fontSize=12, fontWeight="bold").encode(
        text=alt.Text("pct:Q", format=".0f"),
        color=alt.condition(alt.datum.rating == label(table, "rating", "neutral"), alt.value("#222222"), alt.value("#ffffff")),
    )
    return (bars + labels).properties(
        width=520,
        height=alt.Step(52),
        title=alt.Title(
            tr("importance_by_horizon", "Most managers expected social software to matter more in three years than today"),
            subtitle=textwrap.wrap(source_line(table), 95),
        ),
        description=describe_shares(frame, "horizon", "rating", "horizon_order"),
    )


# Shared helpers for Lessons 2.2 to 2.5 -----------------------------------------------------------------

BLUE, ORANGE, GREEN, VERMILION = PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[5]
GREY, DARK = "#767676", "#222222"


def _subtitle(table: str, frame: pd.DataFrame, note: str = "") -> list[str]:
    """The table's source line, wrapped; for a 'mixed' table, the status of the rows the chart shows."""
    line = source_line(table)
    if data.info(table).verification == "mixed":
        keys = {label(table, "verification", key): key for key in core.STATUS_WORDS}  # the rows' status, labelled or not
        statuses = core.semicolons(status_word(status) for status in sorted({keys.get(v, v) for v in frame["verification"]}))
        line = tr("subtitle", "Source: {source}. Status of the figures shown: {statuses}.", source=core.short_source(table),
                  statuses=statuses)
    return textwrap.wrap(f"{line} {note}".strip(), 95)


def _title(text: str, subtitle: list[str]) -> alt.Title:
    """A title that fits the page's column: one line up to 75 characters, else two balanced lines."""
    lines = [text] if len(text) <= 75 else textwrap.wrap(text, len(text) // 2 + 10)
    return alt.Title(lines, subtitle=subtitle)


def _slider(name: str, label: str, value: float, low: float, high: float, step: float) -> alt.Parameter:
    return alt.param(name=name, value=value, bind=alt.binding_range(min=low, max=high, step=step, name=label))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# Lesson 2.2 ------------------------------------------------------------------------------------------

ORDERS = ["Arbitrary order (expected)", "Ranked by the data score", "Perfect knowledge (ceiling)"]
TEAM_DEFAULT, CONVERSATIONS_DEFAULT = 10, 30


def _reached_by_order(frame: pd.DataFrame, step: int = 10) -> pd.DataFrame:
    """Undecided people reached after each 10 conversations, for the three orders of the list (long form)."""
    ranked = frame.sort_values(["data_score", "contact_id"], ascending=[False, True])["undecided"].cumsum()
    contacted = list(range(0, len(frame) + 1, step))
    total, share = int(frame["undecided"].sum()), frame["undecided"].mean()
    wide = pd.DataFrame({
        "contacted": contacted,
        ORDERS[0]: [round(n * share, 1) for n in contacted],
        ORDERS[1]: [0] + [int(ranked.iloc[n - 1]) for n in contacted[1:]],
        ORDERS[2]: [min(n, total) for n in contacted],
    })
    return wide.melt("contacted", var_name="order", value_name="undecided_reached")


@draws("simulated_campaign_contacts")
def contact_capacity_and_targeting(frame: pd.DataFrame) -> alt.LayerChart:
    """SIMULATED lines: undecided people reached against conversations held, for three orders of the list."""
    table = table_of(frame)
    orders = {order: tr("contact_capacity_and_targeting", order) for order in ORDERS}  # each order of the list, as the chart names it
    reached, people = _reached_by_order(frame).assign(order=lambda f: f["order"].map(orders)), len(frame)
    shown = list(orders.values())
    team = _slider("team_size", tr("contact_capacity_and_targeting", "People making contact (an assumption) "), TEAM_DEFAULT, 1, 40, 1)
    each = _slider("conversations_each", tr("contact_capacity_and_targeting", "Conversations per person (an assumption) "), CONVERSATIONS_DEFAULT, 10, 50, 10)
    capacity = f"min(team_size * conversations_each, {people})"
    legend_title = tr("contact_capacity_and_targeting", "Order of the contact list")
    colour = alt.Color(
        "order:N", sort=shown, scale=alt.Scale(domain=shown, range=[ORANGE, BLUE, GREY]), title=legend_title,
        legend=alt.Legend(direction="vertical", symbolType="stroke", symbolStrokeWidth=3, labelLimit=400, titleLimit=400),
    )
    x = alt.X("contacted:Q", title=tr("contact_capacity_and_targeting", "Conversations held (people contacted, SIMULATED)"), scale=alt.Scale(domain=[0, people]))
    y = alt.Y("undecided_reached:Q", title=tr("contact_capacity_and_targeting", "Undecided people reached (SIMULATED)"),
              scale=alt.Scale(domain=[0, int(frame["undecided"].sum())]))
    lines = alt.Chart(reached).mark_line(strokeWidth=2.5).encode(
        x=x, y=y, color=colour,
        strokeDash=alt.StrokeDash("order:N", sort=shown, scale=alt.Scale(domain=shown, range=[[1, 0], [1, 0], [6, 4]]), title=legend_title),
        tooltip=[alt.Tooltip("order:N", title=tr("contact_capacity_and_targeting", "Order")), alt.Tooltip("contacted:Q", title=tr("contact_capacity_and_targeting", "Conversations"), format=","),
                 alt.Tooltip("undecided_reached:Q", title=tr("contact_capacity_and_targeting", "Undecided reached"), format=".0f")],
    )
    right = f"{capacity} > {people // 2}"  # past the middle, text sits left of the line so the chart keeps its width
    align, dx = alt.expr(f"{right} ? 'right' : 'left'"), alt.expr(f"{right} ? -6 : 6")
    labels = alt.Chart(reached).transform_filter(f"datum.contacted == {capacity}").mark_text(
        align=align, dx=dx, fontWeight="bold", fontSize=13,
    ).encode(x=x, y=y, text=alt.Text("undecided_reached:Q", format=".0f"), color=colour)
    rule = alt.Chart(pd.DataFrame({"row": [0]})).transform_calculate(
        capacity=capacity, label=core.expr_text("contact_capacity_and_targeting", "Team capacity: {capacity} conversations", capacity=f"format({capacity}, ',')"),
    )
    line = rule.mark_rule(color=DARK, strokeWidth=1.5).encode(x="capacity:Q")
    note = rule.mark_text(align=align, dx=dx, dy=-6, y=0, fontSize=12, color=DARK).encode(x="capacity:Q", text="label:N")
    at_default = reached[reached["contacted"] == TEAM_DEFAULT * CONVERSATIONS_DEFAULT]
    values = ", ".join(f"{order.lower()} {number(row, '.0f')}" for order, row in zip(at_default["order"], at_default["undecided_reached"]))
    return (lines + labels + line + note).add_params(team, each).properties(
        width=520, height=320,
        title=_title(
            tr("contact_capacity_and_targeting", "SIMULATED: the team's size caps the conversations; a data score decides where they go"),
            _subtitle(table, frame),
        ),
        description=tr(
            "contact_capacity_and_targeting",
            "SIMULATED data. Line chart of undecided people reached against conversations held, for three orders of a list of "
            "{people} fictional contacts ({undecided} undecided), with sliders for the team's size and the "
            "conversations per person. At the default capacity of {capacity} conversations: {values}.",
            people=number(people, ","), undecided=int(frame["undecided"].sum()), capacity=TEAM_DEFAULT * CONVERSATIONS_DEFAULT,
            values=values,
        ),
    )


# Lesson 2.3 (and Lesson 3.3) ---------------------------------------------------------------------------

SIZE_GROUPS = {"smallest": "smallest or largest", "largest": "smallest or largest", "mid-size": "mid-size"}


@draws("mitsmr_2012_important_by_company_size")
def important_by_company_size(frame: pd.DataFrame) -> alt.LayerChart:
    """Vertical bars: share of managers calling social business 'important' today, by company size (smallest first)."""
    table = table_of(frame)
    groups = {size: tr("important_by_company_size", group) for size, group in SIZE_GROUPS.items()}
    frame = labelled(frame.sort_values("size_order").assign(group=lambda f: f["size_group"].map(groups)), table,
                     "company_size", "size_group", "verification")
    order = list(frame["company_size"])
    base = alt.Chart(frame).encode(
        x=alt.X("company_size:N", sort=order, title=tr("important_by_company_size", "Company size (employees)"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("pct:Q", title=tr("important_by_company_size", "'Important' today (% of managers)"), scale=alt.Scale(domain=[0, 30])),
    )
    bars = base.mark_bar(width=60).encode(
        color=alt.Color("group:N", scale=alt.Scale(domain=[groups["smallest"], groups["mid-size"]], range=[BLUE, ORANGE]),
                        title=tr("important_by_company_size", "Size group")),
        tooltip=[alt.Tooltip("company_size:N", title=tr("important_by_company_size", "Company size")),
                 alt.Tooltip("pct:Q", title=tr("important_by_company_size", "Important today (%)"), format=".1f"),
                 alt.Tooltip("verification:N", title=tr("important_by_company_size", "Status"))],
    )
    labels = base.mark_text(dy=-8, fontSize=13, fontWeight="bold", color=DARK).encode(text=alt.Text("pct:Q", format=".1f"))
    shares = core.semicolons(tr("important_by_company_size", "{size} employees {share}", size=size, share=percent(pct)) for size, pct in zip(frame["company_size"], frame["pct"]))
    return (bars + labels).properties(
        width=520, height=280,
        title=_title(
            tr("important_by_company_size", "Mid-size companies were least likely to call social business important"),
            _subtitle(table, frame),
        ),
        description=tr("important_by_company_size", "Bar chart. Share of managers rating social business important today, by company size: {shares}.", shares=shares),
    )


@draws("mitsmr_2012_expected_gains_blog_reported")
def expected_gains_blog_reported(frame: pd.DataFrame) -> alt.LayerChart:
    """Hollow, dashed bars: the three shares the blog attributes to the survey, drawn so they do not look verified."""
    table = table_of(frame)
    frame = labelled(frame.sort_values("pct", ascending=False).assign(
        label=lambda f: f["business_challenge"].map(lambda c: label(table, "business_challenge", _capitalised(c)))), table, "verification")
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=list(frame["label"]), title=None, axis=alt.Axis(labelLimit=280)),
        x=alt.X("pct:Q", title=tr("expected_gains_blog_reported", "Share of companies, as the post reports it (%; not verified)"), scale=alt.Scale(domain=[0, 100])),
    )
    bars = base.mark_bar(height=28, fill="#ffffff", stroke=VERMILION, strokeWidth=2, strokeDash=[6, 4]).encode(
        tooltip=[alt.Tooltip("label:N", title=tr("expected_gains_blog_reported", "Business challenge")),
                 alt.Tooltip("pct:Q", title=tr("expected_gains_blog_reported", "Share, as the post reports it (%)")),
                 alt.Tooltip("verification:N", title=tr("expected_gains_blog_reported", "Status"))],
    )
    labels = base.mark_text(align="left", dx=6, fontSize=13, fontWeight="bold", color=DARK).encode(
        text=alt.Text("value_label:N"),
    ).transform_calculate(value_label=core.expr_text("expected_gains_blog_reported", "{value}%", value="datum.pct"))
    shares = core.semicolons(f"{name} {percent(pct)}" for name, pct in zip(frame["label"], frame["pct"]))
    return (bars + labels).properties(
        width=520, height=alt.Step(48),
        title=_title(
            tr("expected_gains_blog_reported", "The blog's three figures put customers first, as the study did, but are not verified"),
            _subtitle(table, frame, tr("expected_gains_blog_reported", "Dashed, hollow bars: figures not verified.")),
        ),
        description=tr("expected_gains_blog_reported", "Bar chart of figures reported by the blog only, not verified: {shares}.", shares=shares),
    )


# Lesson 2.5 ------------------------------------------------------------------------------------------

NOT_REPRESENTATIVE = "Sample of brand customers, not representative of French internet users."


@draws("sncd_2011_social_media_attitude")
def fan_expectations(frame: pd.DataFrame) -> alt.LayerChart:
    """Horizontal bars: what fans of brands expected from them (SNCD 2011), highest first."""
    table = table_of(frame)
    frame = labelled(frame[frame["topic"] == "what fans expect"].sort_values("pct", ascending=False).assign(
        label=lambda f: f["indicator"].map(lambda i: label(table, "indicator", _capitalised(i))),
    ), table, "base", "verification")
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=list(frame["label"]), title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("pct:Q", title=tr("fan_expectations", "Share of fans (%)"), scale=alt.Scale(domain=[0, 100])),
    )
    bars = base.mark_bar(height=28, color=BLUE).encode(
        tooltip=[alt.Tooltip("label:N", title=tr("fan_expectations", "Expectation")), alt.Tooltip("pct:Q", title=tr("fan_expectations", "Share (%)")),
                 alt.Tooltip("base:N", title=tr("fan_expectations", "Base")), alt.Tooltip("verification:N", title=tr("fan_expectations", "Status"))],
    )
    labels = base.mark_text(align="left", dx=4, fontSize=13, fontWeight="bold", color=DARK).encode(
        text=alt.Text("label_pct:N"),
    ).transform_calculate(label_pct=core.expr_text("fan_expectations", "{value}%", value="datum.pct"))
    shares = ", ".join(f"{name.lower()} {percent(pct)}" for name, pct in zip(frame["label"], frame["pct"]))
    return (bars + labels).properties(
        width=520, height=alt.Step(44),
        title=_title(
            tr("fan_expectations", "Fans of brands expected concrete benefits, discounts first (SNCD, 2011)"),
            _subtitle(table, frame, tr("fan_expectations", "Base: fans of at least one brand. {not_representative} Several answers possible.",
                                       not_representative=tr("sncd", NOT_REPRESENTATIVE))),
        ),
        description=tr("fan_expectations", "Bar chart. What fans of brands expected, SNCD 2011 (base: fans of at least one brand): {shares}. "
                            "Sample not representative.", shares=shares),
    )


SHORT_BASES = {
    "members of at least one social network": "of network members",
    "fans of at least one brand": "of fans",
    "fans who have unsubscribed": "of fans who left",
    "socionautes": "of socionautes",
    "respondents": "of respondents",
}


def _shares_by_base(frame: pd.DataFrame, table: str, bases: list[str], colours: list[str], title: str, subtitle: list[str],
                    kind: str) -> alt.LayerChart:
    """Horizontal bars, each a share of a different group: the group is coloured and named after the value."""
    frame = labelled(frame.assign(value_label=lambda f: f["pct"].map(percent),
                                  base_label=lambda f: f["base"].map(lambda b: tr("shares_by_base", SHORT_BASES[b]))), table, "base", "verification")
    bases = [label(table, "base", b) for b in bases]
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=list(frame["label"]), title=None, axis=alt.Axis(labelLimit=300)),
        x=alt.X("pct:Q", title=tr("shares_by_base", "Percentage of the group named beside each bar"), scale=alt.Scale(domain=[0, 100])),
    )
    bars = base.mark_bar(height=26).encode(
        color=alt.Color("base:N", sort=bases, scale=alt.Scale(domain=bases, range=colours), title=tr("shares_by_base", "Share of…"),
                        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400)),
        tooltip=[alt.Tooltip("label:N", title=tr("shares_by_base", "Indicator")), alt.Tooltip("pct:Q", title=tr("shares_by_base", "Share (%)")),
                 alt.Tooltip("base:N", title=tr("shares_by_base", "Base")), alt.Tooltip("verification:N", title=tr("shares_by_base", "Status"))],
    )
    values = base.mark_text(align="left", dx=4, fontSize=13, fontWeight="bold", color=DARK).encode(text="value_label:N")
    groups = base.mark_text(align="left", dx=42, fontSize=12, color="#444444").encode(text="base_label:N")
    shares = " ".join(tr("shares_by_base", "{indicator}: {share} of {group}.", indicator=name, share=percent(pct), group=group)
                      for name, pct, group in zip(frame["label"], frame["pct"], frame["base"]))
    return (bars + values + groups).properties(
        width=520, height=alt.Step(44),
        title=_title(title, subtitle),
        description=tr("shares_by_base", "{kind} {shares} Sample not representative.", kind=kind, shares=shares),
    )


UNSUBSCRIBING = {
    "fan of at least one brand": "Fans of at least one brand",
    "has unsubscribed from a brand page": "Have unsubscribed from a brand's page",
    "reason: too many posts": "Reason: too many posts",
    "reason: content of little interest": "Reason: uninteresting content",
}
BASES_2011 = ["members of at least one social network", "fans of at least one brand", "fans who have unsubscribed"]


@draws("sncd_2011_social_media_attitude")
def fan_unsubscribing_by_base(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars from joining to leaving a brand's page (SNCD 2011), each a share of a different, nested group."""
    table = table_of(frame)
    frame = frame[frame["indicator"].isin(UNSUBSCRIBING)].assign(
        label=lambda f: f["indicator"].map(lambda i: tr("fan_unsubscribing_by_base", UNSUBSCRIBING[i])),
        order=lambda f: f["indicator"].map(list(UNSUBSCRIBING).index),
    ).sort_values("order")
    note = tr("fan_unsubscribing_by_base", "Each bar is a share of a different group (see its label). Reasons: several answers possible. {not_representative}",
              not_representative=tr("sncd", NOT_REPRESENTATIVE))
    return _shares_by_base(
        frame, table, BASES_2011, [BLUE, ORANGE, GREEN],
        tr("fan_unsubscribing_by_base", "Half of brand fans had already left a page, mostly over too many posts (SNCD, 2011)"),
        _subtitle(table, frame, note), tr("fan_unsubscribing_by_base", "Bar chart with a different base for each bar, SNCD 2011."),
    )


FANS_TO_BUYERS = {
    "fan of at least one brand": "Fans of at least one brand",
    "follows more than five brands": "Follow more than five brands",
    "fans who are already customers of the brand": "Already customers of the brand",
    "takes community reviews into account": "Take community reviews into account",
    "ready to buy on a social network": "Ready to buy on a social network",
    "has bought on a social network": "Have bought on a social network",
    "became a customer because of a brand's social presence or comments": "Became a customer via social presence",
}
BASES_2012 = ["socionautes", "fans of at least one brand", "respondents"]


@draws("sncd_2012_social_media_attitude")
def fans_to_buyers_by_base(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars from following brands to buying on a network (SNCD 2012), each labelled with its base."""
    table = table_of(frame)
    frame = frame[frame["indicator"].isin(FANS_TO_BUYERS)].assign(
        label=lambda f: f["indicator"].map(lambda i: tr("fans_to_buyers_by_base", FANS_TO_BUYERS[i])),
        order=lambda f: f["indicator"].map(list(FANS_TO_BUYERS).index),
    ).sort_values("order")
    note = tr("fans_to_buyers_by_base", "Each bar is a share of the group named beside it, in the report's words ('socionautes': the survey's network users). "
              "{not_representative}", not_representative=tr("sncd", NOT_REPRESENTATIVE))
    return _shares_by_base(
        frame, table, BASES_2012, [BLUE, ORANGE, VERMILION],
        tr("fans_to_buyers_by_base", "2012: 83% of fans were already customers; 3% of socionautes had bought on a network"),
        _subtitle(table, frame, note), tr("fans_to_buyers_by_base", "Bar chart with a different base for some bars, SNCD 2012."),
    )


# Lesson 2.4 ------------------------------------------------------------------------------------------

@draws("simulated_vendor_scores")
def ranking_by_criteria_weight(frame: pd.DataFrame) -> alt.LayerChart:
    """SIMULATED bars: six fictional vendors' weighted scores, re-sorted as a slider moves the criteria's weights."""
    table = table_of(frame)
    weight = _slider("interaction_weight", tr("ranking_by_criteria_weight", "Weight on the human-interaction criteria (%, your choice) "), 20, 0, 100, 5)
    highlight = {label(table, "vendor", "Vendor A"): ORANGE, label(table, "vendor", "Vendor C"): BLUE}
    frame = labelled(frame.assign(
        application=(frame["product_features"] + frame["process_fit"]) / 2,
        interaction=(frame["customer_conversations"] + frame["listening_and_response"]) / 2,
    ), table, "vendor", "verification")
    base = alt.Chart(frame).transform_calculate(
        total="(1 - interaction_weight / 100) * datum.application + (interaction_weight / 100) * datum.interaction",
    ).encode(
        y=alt.Y("vendor:N", sort=alt.EncodingSortField(field="total", op="max", order="descending"), title=None),
        x=alt.X("total:Q", title=tr("ranking_by_criteria_weight", "Weighted score (1 to 5, SIMULATED)"), scale=alt.Scale(domain=[0, 5])),
    )
    bars = base.mark_bar(height=26).encode(
        color=alt.Color("vendor:N", scale=alt.Scale(domain=list(frame["vendor"]),
                        range=[highlight.get(v, GREY) for v in frame["vendor"]]), legend=None),
        tooltip=[alt.Tooltip("vendor:N", title=tr("ranking_by_criteria_weight", "Vendor")),
                 alt.Tooltip("application:Q", title=tr("ranking_by_criteria_weight", "Application view (average)"), format=".1f"),
                 alt.Tooltip("interaction:Q", title=tr("ranking_by_criteria_weight", "Interaction view (average)"), format=".1f"),
                 alt.Tooltip("total:Q", title=tr("ranking_by_criteria_weight", "Weighted score"), format=".2f")],
    )
    labels = base.mark_text(align="left", dx=4, fontSize=13, color=DARK).encode(text=alt.Text("total:Q", format=".2f"))

    def scores(w: float) -> str:
        totals = ((1 - w) * frame["application"] + w * frame["interaction"]).round(2)
        ranked = sorted(zip(frame["vendor"], totals), key=lambda vt: (-vt[1], vt[0]))
        return ", ".join(f"{vendor} {number(total, '.2f')}" for vendor, total in ranked)

    return (bars + labels).add_params(weight).properties(
        width=520, height=alt.Step(40),
        title=_title(tr("ranking_by_criteria_weight", "SIMULATED: the same six vendors, ranked differently as the weights change"), _subtitle(table, frame)),
        description=tr(
            "ranking_by_criteria_weight",
            "SIMULATED data. Horizontal bar chart of six fictional vendors' weighted scores, sorted from highest to lowest, "
            "with a slider for the weight on the human-interaction criteria. At 20%: {low}. At 80%: {high}.",
            low=scores(0.2), high=scores(0.8),
        ),
    )


# Lesson 2.1 ------------------------------------------------------------------------------------------


@draws("ogilvy_2014_facebook_organic_reach")
def organic_reach_by_month(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars by month: the share of a brand page's fans who saw its posts without paying (Social@Ogilvy, 2013-14)."""
    table = table_of(frame)
    frame = labelled(frame.sort_values("month_order"), table, "month", "verification")
    months = list(frame["month"])
    first, last = frame.iloc[0], frame.iloc[-1]
    base = alt.Chart(frame).encode(
        x=alt.X("month:N", sort=months, title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("pct:Q", title=tr("organic_reach_by_month", "Average organic reach (% of the page's fans)"), scale=alt.Scale(domain=[0, 20])),
    )
    bars = base.mark_bar(width=56, color=BLUE).encode(
        tooltip=[alt.Tooltip("month:N", title=tr("organic_reach_by_month", "Month")), alt.Tooltip("pct:Q", title=tr("organic_reach_by_month", "Organic reach (%)"), format=".2f"),
                 alt.Tooltip("verification:N", title=tr("organic_reach_by_month", "Status"))],
    )
    labels = base.mark_text(dy=-8, fontSize=13, fontWeight="bold", color=DARK).encode(text=alt.Text("pct:Q", format=".2f"))
    shares = core.semicolons(f"{month} {percent(pct, '.2f')}" for month, pct in zip(frame["month"], frame["pct"]))
    return (bars + labels).properties(
        width=520, height=280,
        title=_title(
            tr("organic_reach_by_month", "A brand page's posts reached {first} of its fans unpaid in {first_month}, {last} in {last_month}",
               first=percent(first["pct"], ".0f"), first_month=first["month"], last=percent(last["pct"], ".0f"), last_month=last["month"]),
            _subtitle(table, frame, tr("organic_reach_by_month", "Pages administered by Social@Ogilvy, not a random sample.")),
        ),
        description=tr("organic_reach_by_month", "Bar chart. Average organic reach of Facebook brand pages' posts, by month: {shares}.", shares=shares),
    )
