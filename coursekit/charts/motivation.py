"""Charts for Part 1, Motivation."""

from __future__ import annotations

import textwrap

import altair as alt
import numpy as np
import pandas as pd

from coursekit.charts.core import PALETTE, draws, label_expr, source_line, table_of

__all__ = [
    "motivation_falling_by_group",
    "often_happy_at_work",
    "posts_share_by_top_contributors",
    "script_vs_judgement",
    "maturity_self_rating",
    "connect_basf_reach",
]

BLUE, VERMILION = PALETTE[0], PALETTE[5]
GREY = "#595959"  # 7:1 on white: guide lines and notes
# How a row's status is drawn, so that it shows without relying on colour: solid or pale and dashed.
STATUS_LOOK = {
    "verified": ("verified", 1.0, [1, 0]),
    "secondary": ("secondary source, not cross-checked", 0.35, [4, 3]),
    "derived": ("derived by the course", 0.35, [4, 3]),
}


def _title(text: str, table: str) -> alt.Title:
    return alt.Title(textwrap.wrap(text, 80), subtitle=textwrap.wrap(source_line(table), 95))


def _status_encodings(statuses: list[str]) -> dict[str, alt.SchemaBase]:
    """Opacity and stroke dash by status, sharing one legend."""
    domain = [s for s in STATUS_LOOK if s in statuses]
    legend = alt.Legend(title="Status of the figure", labelExpr=label_expr({s: STATUS_LOOK[s][0] for s in domain}), labelLimit=320)
    return {
        "opacity": alt.Opacity("verification:O", sort=domain, scale=alt.Scale(domain=domain, range=[STATUS_LOOK[s][1] for s in domain]), legend=legend),
        "strokeDash": alt.StrokeDash("verification:O", sort=domain, scale=alt.Scale(domain=domain, range=[STATUS_LOOK[s][2] for s in domain]), legend=legend),
    }


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@draws("edenred_ipsos_2011_motivation")
def motivation_falling_by_group(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: share of French employees whose motivation was falling in 2011, by group; 2007 markers where reported."""
    table = table_of(frame)
    rows = frame[frame["indicator"] == "motivation falling"].assign(group=lambda f: f["group"].map(_capitalised))
    now, then = rows[rows["year"] == 2011].copy(), rows[rows["year"] == 2007]
    earlier = dict(zip(then["group"], then["pct"]))
    # All employees first, then the two sectors, then the occupations; highest share first within each.
    now["block"] = np.select([now["group"] == "All employees", now["group"].str.contains("enterprises")], [0, 1], 2)
    order = list(now.sort_values(["block", "pct"], ascending=[True, False])["group"])
    now["label"] = [
        f"{pct:g}%" + (f" (2007: {earlier[g]:g}%)" if g in earlier else "") + (" (secondary source)" if v == "secondary" else "")
        for g, pct, v in zip(now["group"], now["pct"], now["verification"])
    ]
    y = alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelLimit=330))
    x = alt.X("pct:Q", scale=alt.Scale(domain=[0, 100]), title="Employees saying their motivation is falling (%)")
    tooltip = [alt.Tooltip("group:N", title="Group"), alt.Tooltip("year:O", title="Year"),
               alt.Tooltip("pct:Q", title="Share (%)"), alt.Tooltip("verification:N", title="Status"),
               alt.Tooltip("note:N", title="Note")]
    bars = alt.Chart(now).mark_bar(color=BLUE, stroke=BLUE, strokeWidth=1.5, height=22).encode(
        y=y, x=x, tooltip=tooltip, **_status_encodings(list(now["verification"]))
    )
    labels = alt.Chart(now).mark_text(align="left", dx=5, fontSize=12, color="#222222").encode(y=y, x=x, text="label:N")
    markers = alt.Chart(then.assign(edition="2007 value, where reported")).mark_point(
        filled=True, fill="#ffffff", stroke="#000000", strokeWidth=2, size=110, opacity=1
    ).encode(y=y, x=x, shape=alt.Shape("edition:N", scale=alt.Scale(range=["circle"]), legend=alt.Legend(title=None, labelLimit=320)), tooltip=tooltip)
    everyone, senior = (now.set_index("group")["pct"][g] for g in ("All employees", "Senior managers (cadres supérieurs)"))
    title = (f"In 2011, {everyone:g}% of French employees said their motivation was falling; among senior managers "
             f"the share was {senior:g}%, against {earlier['Senior managers (cadres supérieurs)']:g}% in 2007")
    described = "; ".join(
        f"{g} {p:g}% ({STATUS_LOOK[v][0]}" + (f"; {earlier[g]:g}% in 2007" if g in earlier else "") + ")"
        for g, p, v in now.set_index("group").loc[order, ["pct", "verification"]].reset_index().itertuples(index=False)
    )
    return (bars + labels + markers).properties(
        width=440,
        title=_title(title, table),
        description="Horizontal bars: share of French employees saying their motivation was falling in 2011, by group. " + described + ".",
    )


@draws("edenred_ipsos_2011_motivation")
def often_happy_at_work(frame: pd.DataFrame) -> alt.LayerChart:
    """Two bars: employees often happy at work in 2010 and 2011, each drawn with its status."""
    table = table_of(frame)
    rows = frame[frame["indicator"] == "often happy at work"].sort_values("year").copy()
    rows["label"] = [f"{p:g}% ({STATUS_LOOK[v][0].split(',')[0]})" for p, v in zip(rows["pct"], rows["verification"])]
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, labelFontSize=13))
    y = alt.Y("pct:Q", scale=alt.Scale(domain=[0, 100]), title="Employees often happy at work (%)")
    bars = alt.Chart(rows).mark_bar(color=BLUE, stroke=BLUE, strokeWidth=1.5, size=70).encode(
        x=x, y=y,
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("pct:Q", title="Share (%)"),
                 alt.Tooltip("verification:N", title="Status"), alt.Tooltip("note:N", title="Note")],
        **_status_encodings(list(rows["verification"])),
    )
    labels = alt.Chart(rows).mark_text(baseline="bottom", dy=-6, fontSize=12, color="#222222").encode(x=x, y=y, text="label:N")
    value = rows.set_index("year")["pct"]
    title = (f"{value[2011]:g}% of French employees said they were often happy at work in 2011 (verified); "
             f"the {value[2010]:g}% for 2010 rests on a single secondary source")
    described = "; ".join(f"{year}: {p:g}%, {STATUS_LOOK[v][0]}" for year, p, v in rows[["year", "pct", "verification"]].itertuples(index=False))
    return (bars + labels).properties(
        width=300,
        height=280,
        title=_title(title, table),
        description="Two vertical bars, share of French employees often happy at work. " + described + ".",
    )


def _gini(values: np.ndarray) -> float:
    ranked = np.sort(values)
    n = len(ranked)
    return float((2 * np.arange(1, n + 1) - n - 1) @ ranked / (n * ranked.sum()))


@draws("simulated_esn_2000_employees")
def posts_share_by_top_contributors(frame: pd.DataFrame) -> alt.LayerChart:
    """SIMULATED: cumulative share of posts written by the most active employees, with a slider."""
    table = table_of(frame)
    posts = frame.sort_values(["posts", "employee_id"], ascending=[False, True])["posts"].to_numpy()
    n, total, posters = len(posts), int(posts.sum()), int((posts > 0).sum())
    share = np.concatenate([[0.0], posts.cumsum() / total * 100])  # share[k]: posts of the k most active

    def top(pct: float) -> tuple[int, float]:
        people = round(pct * n / 100)
        return people, share[people]

    # The curve changes only up to the last poster; one more point closes it at 100%.
    ranks = [*range(posters + 1), n]
    curve = pd.DataFrame({
        "rank": ranks,
        "top_pct": [r / n * 100 for r in ranks],
        "cum_posts_pct": [round(share[r], 2) for r in ranks],
        "posts": [int(posts[r - 1]) if r else 0 for r in ranks],
    })
    top_share = alt.param(name="top_share", value=1, bind=alt.binding_range(
        min=0.5, max=100, step=0.5, name="Most active employees counted (% of all employees; reads the data, not an assumption) "))
    x = alt.X("top_pct:Q", scale=alt.Scale(domain=[0, 100]), title="Employees, ranked from most to least active (% of all employees)")
    y = alt.Y("cum_posts_pct:Q", scale=alt.Scale(domain=[0, 100]), title="Cumulative share of all posts (%)")
    line = alt.Chart(curve).mark_line(color=BLUE, strokeWidth=2.5).encode(x=x, y=y).add_params(top_share)
    hover = alt.Chart(curve).mark_point(opacity=0, size=40).encode(
        x=x, y=y,
        tooltip=[alt.Tooltip("rank:Q", title="Employees counted"), alt.Tooltip("top_pct:Q", title="Share of employees (%)", format=".2f"),
                 alt.Tooltip("cum_posts_pct:Q", title="Share of posts (%)", format=".1f"), alt.Tooltip("posts:Q", title="Posts of the last one")],
    )
    equal = alt.Chart(pd.DataFrame({"top_pct": [0, 100], "cum_posts_pct": [0, 100]})).mark_line(color=GREY, strokeDash=[5, 4], strokeWidth=1.5).encode(x=x, y=y)
    equal_label = alt.Chart(pd.DataFrame({"top_pct": [64], "cum_posts_pct": [57]})).mark_text(align="left", color=GREY, fontSize=12, text="equal participation").encode(x=x, y=y)
    selected = alt.Chart(curve).transform_calculate(
        people=f"round(top_share * {n} / 100)"
    ).transform_filter(f"datum.rank == min(datum.people, {posters})").transform_calculate(
        at="top_share",
        zero="0",
        label=("'The most active ' + format(top_share, '.1~f') + '% of employees (' + format(datum.people, ',') + "
               "' people)\\nwrote ' + format(datum.cum_posts_pct, '.1f') + '% of the posts'"),
    )
    at = alt.X("at:Q", scale=alt.Scale(domain=[0, 100]))
    point = selected.mark_point(filled=True, size=90, color=VERMILION, opacity=1).encode(x=at, y=y)
    across = selected.mark_rule(color=VERMILION, strokeDash=[2, 2]).encode(x=alt.X("zero:Q", scale=alt.Scale(domain=[0, 100])), x2="at:Q", y=y)
    down = selected.mark_rule(color=VERMILION, strokeDash=[2, 2]).encode(x=at, y=alt.Y("zero:Q", scale=alt.Scale(domain=[0, 100])), y2="cum_posts_pct:Q")
    label = selected.mark_text(align="right", baseline="bottom", lineBreak="\n", fontSize=13, fontWeight="bold", color="#222222").encode(
        x=alt.datum(98), y=alt.datum(13), text="label:N")
    gini = _gini(posts)
    note = alt.Chart(pd.DataFrame({"note": [f"Gini coefficient: {gini:.2f} (SIMULATED)"]})).mark_text(
        align="right", fontSize=12, color=GREY).encode(x=alt.datum(98), y=alt.datum(3), text="note:N")
    people1, pct1 = top(1)
    people5, pct5 = top(5)
    title = f"SIMULATED: on a network that follows the 90-9-1 rule, the most active 1% of employees wrote {pct1:.0f}% of the posts"
    description = (
        f"SIMULATED data. Line chart with a slider: cumulative share of all {total:,} posts of one fictional year, "
        f"written by the most active of {n:,} fictional employees. The most active 1% ({people1} people) wrote {pct1:.1f}% of the posts; "
        f"the most active 5% ({people5} people) wrote {pct5:.1f}%; the {posters} employees who posted at all, {posters / n * 100:.2f}%, "
        f"wrote 100%, so the line is flat from there: the other {n - posters:,} never posted. "
        f"A dashed diagonal shows equal participation. Gini coefficient {gini:.2f}."
    )
    return alt.layer(equal, equal_label, line, hover, across, down, point, label, note).properties(
        width=520, height=360, title=_title(title, table), description=description,
    )


@draws("simulated_request_handling")
def script_vs_judgement(frame: pd.DataFrame) -> alt.LayerChart:
    """SIMULATED model: share of requests resolved by a fixed script and by a team using judgement, with two sliders."""
    table = table_of(frame)
    approaches = list(dict.fromkeys(frame["approach"]))
    script, team = approaches
    rate = {(r.approach, r.request_type): r for r in frame.itertuples(index=False)}
    params = [
        alt.param(name=r.slider_name, value=r.success_pct, bind=alt.binding_range(
            min=r.slider_min, max=r.slider_max, step=r.slider_step, name=f"{r.slider_label} "))
        for r in frame[frame["role"] == "slider"].itertuples(index=False)
    ]

    def term(approach: str, kind: str) -> str:
        """A fixed rate is a number in the expression; a slider's rate is its parameter."""
        r = rate[(approach, kind)]
        return r.slider_name if r.role == "slider" else f"{r.success_pct:g}"

    def resolved(approach: str, share: str) -> str:
        return f"(1 - {share} / 100) * {term(approach, 'routine')} + {share} / 100 * {term(approach, 'unusual')}"

    lead_routine = f"({term(script, 'routine')} - {term(team, 'routine')})"
    lead_unusual = f"({term(team, 'unusual')} - {term(script, 'unusual')})"
    x = alt.X("share_unusual:Q", scale=alt.Scale(domain=[0, 100]), title="Share of requests that are unusual (%)")
    y = alt.Y("resolved_pct:Q", scale=alt.Scale(domain=[0, 100]), title="Requests resolved (%, SIMULATED)")
    lines = alt.Chart(pd.DataFrame({"share_unusual": range(101)})).transform_calculate(
        **{script: resolved(script, "datum.share_unusual"), team: resolved(team, "datum.share_unusual")}
    ).transform_fold(approaches, as_=["approach", "resolved_pct"]).mark_line(strokeWidth=3).encode(
        x=x, y=y,
        color=alt.Color("approach:N", scale=alt.Scale(domain=approaches, range=[BLUE, VERMILION]), title=None),
        strokeDash=alt.StrokeDash("approach:N", scale=alt.Scale(domain=approaches, range=[[1, 0], [8, 4]]), title=None),
        tooltip=[alt.Tooltip("approach:N", title="Approach"), alt.Tooltip("share_unusual:Q", title="Unusual requests (%)"),
                 alt.Tooltip("resolved_pct:Q", title="Resolved (%)", format=".1f")],
    ).add_params(*params)
    crossing = alt.Chart(pd.DataFrame({"row": [0]})).transform_calculate(
        lead_routine=lead_routine, lead_unusual=lead_unusual
    ).transform_calculate(
        # The lines cross inside the chart only when each approach leads on one type of request.
        valid="datum.lead_routine * datum.lead_unusual > 0",
        crossing="datum.lead_routine * datum.lead_unusual > 0 ? 100 * datum.lead_routine / (datum.lead_routine + datum.lead_unusual) : 50",
    ).transform_calculate(
        label=("datum.valid ? (datum.lead_routine > 0 ? 'Judgement' : 'The script') + ' does better above ' "
               "+ format(datum.crossing, '.1f') + '% unusual requests' : "
               "datum.lead_routine <= 0 ? 'The team using judgement does at least as well at every share of unusual requests' : "
               "'The fixed script does at least as well at every share of unusual requests'"),
        right="datum.crossing > 50",
    )
    at = alt.X("crossing:Q", scale=alt.Scale(domain=[0, 100]))
    rule = crossing.transform_filter("datum.valid").mark_rule(color="#444444", strokeDash=[4, 3], strokeWidth=1.5).encode(x=at)
    label = crossing.mark_text(fontSize=13, fontWeight="bold", color="#222222", baseline="top",  # room below for wrapped lines
                               align=alt.expr("datum.right ? 'right' : 'left'"), dx=alt.expr("datum.right ? -6 : 6")).encode(
        x=at, y=alt.datum(24), text="label:N")

    def at_share(approach: str, share: float) -> float:
        return (1 - share / 100) * rate[(approach, "routine")].success_pct + share / 100 * rate[(approach, "unusual")].success_pct

    lead_r = rate[(script, "routine")].success_pct - rate[(team, "routine")].success_pct
    lead_u = rate[(team, "unusual")].success_pct - rate[(script, "unusual")].success_pct
    cross = 100 * lead_r / (lead_r + lead_u)
    title = f"SIMULATED: a fixed script wins while requests stay routine; judgement wins above {cross:.1f}% unusual requests (default assumptions)"
    ends = "; ".join(f"{a}: {at_share(a, 0):g}% resolved when no request is unusual, {at_share(a, 100):g}% when all are" for a in approaches)
    description = (
        f"SIMULATED model. Two straight lines over the share of unusual requests, from 0 to 100%. {ends}. "
        f"The lines cross at {cross:.1f}% unusual requests; at 30%, the script resolves {at_share(script, 30):.1f}% "
        f"and the team {at_share(team, 30):.1f}%. "
        + "Sliders change two assumptions: "
        + "; ".join(f"{r.slider_label.split(' (')[0]} (default {r.success_pct:g}%)" for r in frame[frame["role"] == "slider"].itertuples(index=False))
        + "."
    )
    return alt.layer(lines, rule, label).properties(
        width=520, height=340, title=_title(title, table), description=description,
    )


@draws("mitsmr_2013_maturity")
def maturity_self_rating(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: how respondents rated their organisation's social business maturity, derived band drawn apart."""
    table = table_of(frame)
    rows = frame.sort_values("band_order").assign(band=lambda f: f["rating_band"].map(_capitalised))
    printed = rows[rows["verification"] != "derived"]["pct"]
    rows["label"] = [
        f"{p:g}%" + (" (derived: 100 − " + " − ".join(f"{v:g}" for v in printed) + ")" if v == "derived" else "")
        for p, v in zip(rows["pct"], rows["verification"])
    ]
    y = alt.Y("band:N", sort=list(rows["band"]), title=None, axis=alt.Axis(labelLimit=260))
    x = alt.X("pct:Q", scale=alt.Scale(domain=[0, 100]), title="Share of respondents (%), by the maturity they gave their organisation (1 = least, 10 = most)")
    bars = alt.Chart(rows).mark_bar(color=BLUE, stroke=BLUE, strokeWidth=1.5, height=30).encode(
        y=y, x=x,
        tooltip=[alt.Tooltip("band:N", title="Rating"), alt.Tooltip("pct:Q", title="Share (%)"),
                 alt.Tooltip("verification:N", title="Status"), alt.Tooltip("note:N", title="Note")],
        **_status_encodings(list(rows["verification"])),
    )
    labels = alt.Chart(rows).mark_text(align="left", dx=5, fontSize=12, color="#222222").encode(y=y, x=x, text="label:N")
    low = rows.iloc[0]
    title = (f"{'More than half' if low['pct'] > 50 else 'Under half'} of respondents ({low['pct']:g}%) rated their organisation's "
             "social business maturity 3 or below out of 10 (survey fielded in 2012)")
    described = "; ".join(f"{b}: {l} ({STATUS_LOOK[v][0]})" for b, l, v in rows[["band", "label", "verification"]].itertuples(index=False))
    return (bars + labels).properties(
        width=440,
        height=alt.Step(48),
        title=_title(title, table),
        description="Three horizontal bars, share of respondents by the maturity they gave their organisation's social business "
        "on a scale from 1 to 10, survey fielded in 2012. " + described + ".",
    )


@draws("basf_connect_adoption")
def connect_basf_reach(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: BASF's workforce and the users of connect.BASF, each count drawn with its status; communities in the note."""
    table = table_of(frame)
    people = frame[frame["measure"] != "connect.BASF communities"].copy()
    people["bar"] = [
        f"{m.replace('employees', 'BASF employees')}, {when}" for m, when in zip(people["measure"], people["as_of"])
    ]
    people["label"] = [
        ("over " if m == "connect.BASF users" and a else "about " if a else "") + f"{c:,}" + f" ({STATUS_LOOK[v][0].split(',')[0]})"
        for m, c, a, v in zip(people["measure"], people["count"], people["approximate"], people["verification"])
    ]
    y = alt.Y("bar:N", sort=list(people["bar"]), title=None, axis=alt.Axis(labelLimit=330))
    x = alt.X("count:Q", title="People", scale=alt.Scale(domain=[0, 140000]), axis=alt.Axis(format=","))
    bars = alt.Chart(people).mark_bar(color=BLUE, stroke=BLUE, strokeWidth=1.5, height=26).encode(
        y=y, x=x,
        tooltip=[alt.Tooltip("bar:N", title="Count"), alt.Tooltip("count:Q", title="People", format=","),
                 alt.Tooltip("verification:N", title="Status"), alt.Tooltip("note:N", title="Note")],
        **_status_encodings(list(people["verification"])),
    )
    labels = alt.Chart(people).mark_text(align="left", dx=5, fontSize=12, color="#222222").encode(y=y, x=x, text="label:N")
    same = people[people["as_of"] == "about 2013"].set_index("measure")["count"]
    share = same["connect.BASF users"] / same["employees"] * 100
    communities = frame[frame["measure"] == "connect.BASF communities"].iloc[0]
    note = (f"Also: over {communities['count']:,} communities by {communities['as_of']}, within 18 months of the launch "
            f"({STATUS_LOOK[communities['verification']][0]}).")
    title = (f"About 2013, over {same['connect.BASF users']:,} of BASF's roughly {same['employees']:,} employees used "
             f"connect.BASF: about {share:.0f}%, one in three")
    described = "; ".join(f"{b}: {l}" for b, l in people[["bar", "label"]].itertuples(index=False))
    return (bars + labels).properties(
        width=420,
        height=alt.Step(44),
        title=alt.Title(textwrap.wrap(title, 80), subtitle=textwrap.wrap(source_line(table), 95) + [note]),
        description="Horizontal bars, numbers of people: " + described + f". The users are about {share:.0f}% of the employees "
        "counted in the same article. " + note,
    )
