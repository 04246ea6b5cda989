"""The capstone's chart (coursekit/charts/capstone.py): sourced, described, and honest about the change of metric."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

from coursekit import charts, data
from coursekit.charts import capstone, core

FUNCTIONS = [f for name, f in inspect.getmembers(capstone, inspect.isfunction)
             if f.__module__ == capstone.__name__ and not name.startswith("_")]


def test_every_capstone_chart_is_exported_and_registered():
    assert {f.__name__ for f in FUNCTIONS} == set(capstone.__all__)
    assert all(getattr(charts, name) is getattr(capstone, name) for name in capstone.__all__)


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_the_chart_has_a_title_a_source_line_with_statuses_and_a_description(function):
    spec = function(data.load(function.table)).to_dict()
    subtitle = " ".join(spec["title"]["subtitle"])
    assert data.info(function.table).short_source.split()[0] in subtitle and "Status" in subtitle
    statuses = set(data.load(function.table)["verification"])
    assert all(core.STATUS_WORDS[status] in subtitle for status in statuses)
    assert len(spec["description"]) > 40


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_the_chart_refuses_a_frame_not_from_the_loader(function):
    with pytest.raises(TypeError, match=r"coursekit\.data\.load"):
        function(pd.DataFrame(data.load(function.table).to_dict("list")))


def test_the_teams_chart_keeps_the_two_metrics_apart_and_names_every_figure():
    frame = data.load("microsoft_teams_reported_users")
    spec = charts.teams_reported_users(frame).to_dict()
    assert "daily active users" in " ".join(spec["title"]["text"]) and "monthly active users" in " ".join(spec["title"]["text"])
    for row in frame.itertuples():
        assert f"{row.users_millions:g} million {row.metric}" in spec["description"]
    assert "cannot be joined" in spec["description"]
    assert spec["width"] <= 340, "readable on a 390 px phone screen"


def test_the_worked_example_figures_are_what_the_reports_say():
    frame = data.load("microsoft_teams_reported_users").set_index("announced")
    assert (frame.loc["2021-04", "users_millions"], frame.loc["2021-04", "metric"]) == (145, "daily active users")
    assert (frame.loc["2022-01", "users_millions"], frame.loc["2022-01", "metric"]) == (270, "monthly active users")
    assert frame.loc["2021-04", "verification"] == "secondary"
    assert data.info("microsoft_teams_reported_users").verification == "mixed"
