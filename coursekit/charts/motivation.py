"""Charts for Part 1, Motivation."""

from __future__ import annotations

import textwrap

import altair as alt
import numpy as np
import pandas as pd

from coursekit.charts import core
from coursekit.charts.core import PALETTE, draws, label, label_expr, number, percent, source_line, table_of, tr, word

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
core.WORD_TABLES["status_look"] = {status: look[0] for status, look in STATUS_LOOK.items()}  # the words, translatable


def _title(text: str, table: str) -> alt.Title:
    return alt.Title(textwrap.wrap(text, 80), subtitle=textwrap.wrap(source_line(table), 95))


def _status_encodings(statuses: list[str], table: str) -> dict[str, alt.SchemaBase]:
    """Opacity and stroke dash by status (the rows' ``verification``, as ``label`` gives it), sharing one legend."""
    keys = [s for s in STATUS_LOOK if s in statuses]
    domain = [label(table, "verification", s) for s in keys]
    legend = alt.Legend(title=tr("status_encodings", "Status of the figure"),
                        labelExpr=label_expr({label(table, "verification", s): word("status_look", s) for s in keys}), labelLimit=320)
    return {
        "opacity": alt.Opacity("verification:O", sort=domain, scale=alt.Scale(domain=domain, range=[STATUS_LOOK[s][1] for s in keys]), legend=legend),
        "strokeDash": alt.StrokeDash("verification:O", sort=domain, scale=alt.Scale(domain=domain, range=[STATUS_LOOK[s][2] for s in keys]), legend=legend),
    }


def _labelled_rows(rows: pd.DataFrame, table: str, *columns: str) -> pd.DataFrame:
    """The rows with their status and these label columns in the active language (for the chart's data)."""
    return core.labelled(rows, table, "verification", "note", *columns)


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
        percent(pct) + (tr("motivation_falling_by_group", " (2007: {share})", share=percent(earlier[g])) if g in earlier else "")
        + (tr("motivation_falling_by_group", " (secondary source)") if v == "secondary" else "")
        for g, pct, v in zip(now["group"], now["pct"], now["verification"])
    ]
    everyone, senior = (now.set_index("group")["pct"][g] for g in ("All employees", "Senior managers (cadres supérieurs)"))
    title = tr("motivation_falling_by_group", "In 2011, {everyone} of French employees said their motivation was falling; among "
               "senior managers the share was {senior}, against {before} in 2007", everyone=percent(everyone),
               senior=percent(senior), before=percent(earlier["Senior managers (cadres supérieurs)"]))
    described = core.semicolons(
        tr("motivation_falling_by_group", "{group} {share} ({status}{before})", group=label(table, "group", g), share=percent(p),
           status=word("status_look", v),
           before=tr("motivation_falling_by_group", "; {share} in 2007", share=percent(earlier[g])) if g in earlier else "")
        for g, p, v in now.set_index("group").loc[order, ["pct", "verification"]].reset_index().itertuples(index=False)
    )
    encodings = _status_encodings(list(now["verification"]), table)
    now, then = _labelled_rows(now, table, "group"), _labelled_rows(then, table, "group")
    order = [label(table, "group", g) for g in order]
    y = alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelLimit=330))
    x = alt.X("pct:Q", scale=alt.Scale(domain=[0, 100]), title=tr("motivation_falling_by_group", "Employees saying their motivation is falling (%)"))
    tooltip = [alt.Tooltip("group:N", title=tr("motivation_falling_by_group", "Group")),
               alt.Tooltip("year:O", title=tr("motivation_falling_by_group", "Year")),
               alt.Tooltip("pct:Q", title=tr("motivation_falling_by_group", "Share (%)")),
               alt.Tooltip("verification:N", title=tr("motivation_falling_by_group", "Status")),
               alt.Tooltip("note:N", title=tr("motivation_falling_by_group", "Note"))]
    bars = alt.Chart(now).mark_bar(color=BLUE, stroke=BLUE, strokeWidth=1.5, height=22).encode(
        y=y, x=x, tooltip=tooltip, **encodings
    )
    labels = alt.Chart(now).mark_text(align="left", dx=5, fontSize=12, color="#222222").encode(y=y, x=x, text="label:N")
    markers = alt.Chart(then.assign(edition=tr("motivation_falling_by_group", "2007 value, where reported"))).mark_point(
        filled=True, fill="#ffffff", stroke="#000000", strokeWidth=2, size=110, opacity=1
    ).encode(y=y, x=x, shape=alt.Shape("edition:N", scale=alt.Scale(range=["circle"]), legend=alt.Legend(title=None, labelLimit=320)), tooltip=tooltip)
    return (bars + labels + markers).properties(
        width=440,
        title=_title(title, table),
        description=tr("motivation_falling_by_group", "Horizontal bars: share of French employees saying their motivation "
                       "was falling in 2011, by group. {groups}.", groups=described),
    )


@draws("edenred_ipsos_2011_motivation")
def often_happy_at_work(frame: pd.DataFrame) -> alt.LayerChart:
    """Two bars: employees often happy at work in 2010 and 2011, each drawn with its status."""
    table = table_of(frame)
    rows = frame[frame["indicator"] == "often happy at work"].sort_values("year").copy()
    rows["label"] = [f"{percent(p)} ({word('status_look', v).split(',')[0]})" for p, v in zip(rows["pct"], rows["verification"])]
    value = rows.set_index("year")["pct"]
    title = tr("often_happy_at_work", "{share_2011} of French employees said they were often happy at work in 2011 (verified); "
               "the {share_2010} for 2010 rests on a single secondary source",
               share_2011=percent(value[2011]), share_2010=percent(value[2010]))
    described = core.semicolons(tr("often_happy_at_work", "{year}: {share}, {status}", year=year, share=percent(p), status=word("status_look", v))
                          for year, p, v in rows[["year", "pct", "verification"]].itertuples(index=False))
    encodings = _status_encodings(list(rows["verification"]), table)
    rows = _labelled_rows(rows, table)
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, labelFontSize=13))
    y = alt.Y("pct:Q", scale=alt.Scale(domain=[0, 100]), title=tr("often_happy_at_work", "Employees often happy at work (%)"))
    bars = alt.Chart(rows).mark_bar(color=BLUE, stroke=BLUE, strokeWidth=1.5, size=70).encode(
        x=x, y=y,
        tooltip=[alt.Tooltip("year:O", title=tr("often_happy_at_work", "Year")), alt.Tooltip("pct:Q", title=tr("often_happy_at_work", "Share (%)")),
                 alt.Tooltip("verification:N", title=tr("often_happy_at_work", "Status")), alt.Tooltip("note:N", title=tr("often_happy_at_work", "Note"))],
        **encodings,
    )
    labels = alt.Chart(rows).mark_text(baseline="bottom", dy=-6, fontSize=12, color="#222222").encode(x=x, y=y, text="label:N")
    return (bars + labels).properties(
        width=300,
        height=280,
        title=_title(title, table),
        description=tr("often_happy_at_work", "Two vertical bars, share of French employees often happy at work. {years}.", years=described),
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
        min=0.5, max=100, step=0.5, name=tr("posts_share_by_top_contributors", "Most active employees counted (% of all employees; reads the data, not an assumption) ")))
    x = alt.X("top_pct:Q", scale=alt.Scale(domain=[0, 100]), title=tr("posts_share_by_top_contributors", "Employees, ranked from most to least active (% of all employees)"))
    y = alt.Y("cum_posts_pct:Q", scale=alt.Scale(domain=[0, 100]), title=tr("posts_share_by_top_contributors", "Cumulative share of all posts (%)"))
    line = alt.Chart(curve).mark_line(color=BLUE, strokeWidth=2.5).encode(x=x, y=y).add_params(top_share)
    hover = alt.Chart(curve).mark_point(opacity=0, size=40).encode(
        x=x, y=y,
        tooltip=[alt.Tooltip("rank:Q", title=tr("posts_share_by_top_contributors", "Employees counted")),
                 alt.Tooltip("top_pct:Q", title=tr("posts_share_by_top_contributors", "Share of employees (%)"), format=".2f"),
                 alt.Tooltip("cum_posts_pct:Q", title=tr("posts_share_by_top_contributors", "Share of posts (%)"), format=".1f"),
                 alt.Tooltip("posts:Q", title=tr("posts_share_by_top_contributors", "Posts of the last one"))],
    )
    equal = alt.Chart(pd.DataFrame({"top_pct": [0, 100], "cum_posts_pct": [0, 100]})).mark_line(color=GREY, strokeDash=[5, 4], strokeWidth=1.5).encode(x=x, y=y)
    equal_label = alt.Chart(pd.DataFrame({"top_pct": [64], "cum_posts_pct": [57]})).mark_text(align="left", color=GREY, fontSize=12, text=tr("posts_share_by_top_contributors", "equal participation")).encode(x=x, y=y)
    selected = alt.Chart(curve).transform_calculate(
        people=f"round(top_share * {n} / 100)"
    ).transform_filter(f"datum.rank == min(datum.people, {posters})").transform_calculate(
        at="top_share",
        zero="0",
        label=core.expr_text("posts_share_by_top_contributors", "The most active {share}% of employees ({people} people)\nwrote {posts}% of the posts",
                             share="format(top_share, '.1~f')", people="format(datum.people, ',')",
                             posts="format(datum.cum_posts_pct, '.1f')"),
    )
    at = alt.X("at:Q", scale=alt.Scale(domain=[0, 100]))
    point = selected.mark_point(filled=True, size=90, color=VERMILION, opacity=1).encode(x=at, y=y)
    across = selected.mark_rule(color=VERMILION, strokeDash=[2, 2]).encode(x=alt.X("zero:Q", scale=alt.Scale(domain=[0, 100])), x2="at:Q", y=y)
    down = selected.mark_rule(color=VERMILION, strokeDash=[2, 2]).encode(x=at, y=alt.Y("zero:Q", scale=alt.Scale(domain=[0, 100])), y2="cum_posts_pct:Q")
    label = selected.mark_text(align="right", baseline="bottom", lineBreak="\n", fontSize=13, fontWeight="bold", color="#222222").encode(
        x=alt.datum(98), y=alt.datum(13), text="label:N")
    gini = _gini(posts)
    note = alt.Chart(pd.DataFrame({"note": [tr("posts_share_by_top_contributors", "Gini coefficient: {gini} (SIMULATED)", gini=number(gini, ".2f"))]})).mark_text(
        align="right", fontSize=12, color=GREY).encode(x=alt.datum(98), y=alt.datum(3), text="note:N")
    people1, pct1 = top(1)
    people5, pct5 = top(5)
    title = tr("posts_share_by_top_contributors", "SIMULATED: on a network that follows the 90-9-1 rule, the most active 1% of employees wrote {share} of the posts",
               share=percent(pct1, ".0f"))
    description = tr(
        "posts_share_by_top_contributors",
        "SIMULATED data. Line chart with a slider: cumulative share of all {total} posts of one fictional year, "
        "written by the most active of {employees} fictional employees. The most active 1% ({people1} people) wrote {share1} of the posts; "
        "the most active 5% ({people5} people) wrote {share5}; the {posters} employees who posted at all, {posters_share}, "
        "wrote 100%, so the line is flat from there: the other {never} never posted. "
        "A dashed diagonal shows equal participation. Gini coefficient {gini}.",
        total=number(total, ","), employees=number(n, ","), people1=people1, share1=percent(pct1, ".1f"), people5=people5,
        share5=percent(pct5, ".1f"), posters=posters, posters_share=percent(posters / n * 100, ".2f"), never=number(n - posters, ","),
        gini=number(gini, ".2f"),
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
    shown = {approach: core.label(table, "approach", approach) for approach in approaches}  # as the chart names them
    rate = {(r.approach, r.request_type): r for r in frame.itertuples(index=False)}
    params = [
        alt.param(name=r.slider_name, value=r.success_pct, bind=alt.binding_range(
            min=r.slider_min, max=r.slider_max, step=r.slider_step, name=f"{core.label(table, 'slider_label', r.slider_label)} "))
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
    x = alt.X("share_unusual:Q", scale=alt.Scale(domain=[0, 100]), title=tr("script_vs_judgement", "Share of requests that are unusual (%)"))
    y = alt.Y("resolved_pct:Q", scale=alt.Scale(domain=[0, 100]), title=tr("script_vs_judgement", "Requests resolved (%, SIMULATED)"))
    names = [shown[a] for a in approaches]
    lines = alt.Chart(pd.DataFrame({"share_unusual": range(101)})).transform_calculate(
        **{shown[script]: resolved(script, "datum.share_unusual"), shown[team]: resolved(team, "datum.share_unusual")}
    ).transform_fold(names, as_=["approach", "resolved_pct"]).mark_line(strokeWidth=3).encode(
        x=x, y=y,
        color=alt.Color("approach:N", scale=alt.Scale(domain=names, range=[BLUE, VERMILION]), title=None),
        strokeDash=alt.StrokeDash("approach:N", scale=alt.Scale(domain=names, range=[[1, 0], [8, 4]]), title=None),
        tooltip=[alt.Tooltip("approach:N", title=tr("script_vs_judgement", "Approach")), alt.Tooltip("share_unusual:Q", title=tr("script_vs_judgement", "Unusual requests (%)")),
                 alt.Tooltip("resolved_pct:Q", title=tr("script_vs_judgement", "Resolved (%)"), format=".1f")],
    ).add_params(*params)
    crossing = alt.Chart(pd.DataFrame({"row": [0]})).transform_calculate(
        lead_routine=lead_routine, lead_unusual=lead_unusual
    ).transform_calculate(
        # The lines cross inside the chart only when each approach leads on one type of request.
        valid="datum.lead_routine * datum.lead_unusual > 0",
        crossing="datum.lead_routine * datum.lead_unusual > 0 ? 100 * datum.lead_routine / (datum.lead_routine + datum.lead_unusual) : 50",
    ).transform_calculate(
        label=("datum.valid ? " + core.expr_text(
            "script_vs_judgement", "{who} does better above {share}% unusual requests",
            who="(datum.lead_routine > 0 ? " + core.expr_text("script_vs_judgement", "Judgement") + " : "
                + core.expr_text("script_vs_judgement", "The script") + ")",
            share="format(datum.crossing, '.1f')")
            + " : datum.lead_routine <= 0 ? " + core.expr_text("script_vs_judgement", "The team using judgement does at least as well at every share of unusual requests")
            + " : " + core.expr_text("script_vs_judgement", "The fixed script does at least as well at every share of unusual requests")),
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
    title = tr("script_vs_judgement", "SIMULATED: a fixed script wins while requests stay routine; judgement wins above {share} unusual requests "
               "(default assumptions)", share=percent(cross, ".1f"))
    ends = core.semicolons(tr("script_vs_judgement", "{approach}: {none} resolved when no request is unusual, {all} when all are", approach=shown[a],
                        none=percent(at_share(a, 0)), all=percent(at_share(a, 100))) for a in approaches)
    sliders = core.semicolons(tr("script_vs_judgement", "{slider} (default {value})", slider=core.label(table, "slider_label", r.slider_label).split(" (")[0],
                           value=percent(r.success_pct)) for r in frame[frame["role"] == "slider"].itertuples(index=False))
    description = tr(
        "script_vs_judgement",
        "SIMULATED model. Two straight lines over the share of unusual requests, from 0 to 100%. {ends}. "
        "The lines cross at {cross} unusual requests; at 30%, the script resolves {script} and the team {team}. "
        "Sliders change two assumptions: {sliders}.",
        ends=ends, cross=percent(cross, ".1f"), script=percent(at_share(script, 30), ".1f"), team=percent(at_share(team, 30), ".1f"),
        sliders=sliders,
    )
    return alt.layer(lines, rule, label).properties(
        width=520, height=340, title=_title(title, table), description=description,
    )


@draws("mitsmr_2013_maturity")
def maturity_self_rating(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: how respondents rated their organisation's social business maturity, derived band drawn apart."""
    table = table_of(frame)
    rows = frame.sort_values("band_order").assign(band=lambda f: f["rating_band"].map(_capitalised).map(lambda b: label(table, "rating_band", b)))
    printed = rows[rows["verification"] != "derived"]["pct"]
    rows["label"] = [
        percent(p) + (tr("maturity_self_rating", " (derived: {calculation})", calculation="100 − " + " − ".join(number(v) for v in printed)) if v == "derived" else "")
        for p, v in zip(rows["pct"], rows["verification"])
    ]
    encodings = _status_encodings(list(rows["verification"]), table)
    low = rows.iloc[0]
    title = tr("maturity_self_rating", "{part} of respondents ({share}) rated their organisation's social business maturity 3 or below out of 10 "
               "(survey fielded in 2012)", part=tr("maturity_self_rating", "More than half") if low["pct"] > 50 else tr("maturity_self_rating", "Under half"),
               share=percent(low["pct"]))
    described = core.semicolons(tr("maturity_self_rating", "{band}: {value} ({status})", band=b, value=l, status=word("status_look", v))
                          for b, l, v in rows[["band", "label", "verification"]].itertuples(index=False))
    rows = _labelled_rows(rows, table)
    y = alt.Y("band:N", sort=list(rows["band"]), title=None, axis=alt.Axis(labelLimit=260))
    x = alt.X("pct:Q", scale=alt.Scale(domain=[0, 100]),
              title=tr("maturity_self_rating", "Share of respondents (%), by the maturity they gave their organisation (1 = least, 10 = most)"))
    bars = alt.Chart(rows).mark_bar(color=BLUE, stroke=BLUE, strokeWidth=1.5, height=30).encode(
        y=y, x=x,
        tooltip=[alt.Tooltip("band:N", title=tr("maturity_self_rating", "Rating")), alt.Tooltip("pct:Q", title=tr("maturity_self_rating", "Share (%)")),
                 alt.Tooltip("verification:N", title=tr("maturity_self_rating", "Status")), alt.Tooltip("note:N", title=tr("maturity_self_rating", "Note"))],
        **encodings,
    )
    labels = alt.Chart(rows).mark_text(align="left", dx=5, fontSize=12, color="#222222").encode(y=y, x=x, text="label:N")
    return (bars + labels).properties(
        width=440,
        height=alt.Step(48),
        title=_title(title, table),
        description=tr("maturity_self_rating", "Three horizontal bars, share of respondents by the maturity they gave their organisation's social business "
                       "on a scale from 1 to 10, survey fielded in 2012. {bands}.", bands=described),
    )


@draws("basf_connect_adoption")
def connect_basf_reach(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: BASF's workforce and the users of connect.BASF, each count drawn with its status; communities in the note."""
    table = table_of(frame)
    people = frame[frame["measure"] != "connect.BASF communities"].copy()
    people["bar"] = [
        tr("connect_basf_reach", "{measure}, {date}", measure=label(table, "measure", m.replace("employees", "BASF employees")),
           date=label(table, "as_of", when))
        for m, when in zip(people["measure"], people["as_of"])
    ]

    def counted(measure: str, count: int, approximate: bool) -> str:
        amount = number(count, ",")
        if approximate:
            return tr("connect_basf_reach", "over {count}", count=amount) if measure == "connect.BASF users" else tr("connect_basf_reach", "about {count}", count=amount)
        return amount

    people["label"] = [
        f"{counted(m, c, a)} ({word('status_look', v).split(',')[0]})"
        for m, c, a, v in zip(people["measure"], people["count"], people["approximate"], people["verification"])
    ]
    same = people[people["as_of"] == "about 2013"].set_index("measure")["count"]
    share = same["connect.BASF users"] / same["employees"] * 100
    communities = frame[frame["measure"] == "connect.BASF communities"].iloc[0]
    note = tr("connect_basf_reach", "Also: over {count} communities by {date}, within 18 months of the launch ({status}).",
              count=number(communities["count"], ","), date=label(table, "as_of", communities["as_of"]),
              status=word("status_look", communities["verification"]))
    title = tr("connect_basf_reach", "About 2013, over {users} of BASF's roughly {employees} employees used connect.BASF: about {share}, one in three",
               users=number(same["connect.BASF users"], ","), employees=number(same["employees"], ","), share=percent(share, ".0f"))
    described = core.semicolons(tr("connect_basf_reach", "{bar}: {value}", bar=b, value=l) for b, l in people[["bar", "label"]].itertuples(index=False))
    encodings = _status_encodings(list(people["verification"]), table)
    people = _labelled_rows(people, table, "as_of", "measure")
    y = alt.Y("bar:N", sort=list(people["bar"]), title=None, axis=alt.Axis(labelLimit=330))
    x = alt.X("count:Q", title=tr("connect_basf_reach", "People"), scale=alt.Scale(domain=[0, 140000]), axis=alt.Axis(format=",d"))
    bars = alt.Chart(people).mark_bar(color=BLUE, stroke=BLUE, strokeWidth=1.5, height=26).encode(
        y=y, x=x,
        tooltip=[alt.Tooltip("bar:N", title=tr("connect_basf_reach", "Count")), alt.Tooltip("count:Q", title=tr("connect_basf_reach", "People"), format=","),
                 alt.Tooltip("verification:N", title=tr("connect_basf_reach", "Status")), alt.Tooltip("note:N", title=tr("connect_basf_reach", "Note"))],
        **encodings,
    )
    labels = alt.Chart(people).mark_text(align="left", dx=5, fontSize=12, color="#222222").encode(y=y, x=x, text="label:N")
    return (bars + labels).properties(
        width=420,
        height=alt.Step(44),
        title=alt.Title(textwrap.wrap(title, 80), subtitle=textwrap.wrap(source_line(table), 95) + [note]),
        description=tr("connect_basf_reach", "Horizontal bars, numbers of people: {bars}. The users are about {share} of the employees "
                       "counted in the same article. {note}", bars=described, share=percent(share, ".0f"), note=note),
    )
