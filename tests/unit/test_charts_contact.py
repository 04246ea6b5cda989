"""Part 2 (Contact) charts added after the shared chart tests: what a reader of each one sees."""

from __future__ import annotations

import pytest

from coursekit import charts, data
from coursekit.charts import core


@pytest.fixture(autouse=True)
def fresh_ids(monkeypatch):
    """Each test starts with no chart displayed yet, whatever ran before it."""
    monkeypatch.setattr(core, "_seen", type(core._seen)())


def test_organic_reach_chart_shows_every_month_in_order_with_its_source_and_status():
    frame = data.load("ogilvy_2014_facebook_organic_reach")
    spec = charts.organic_reach_by_month(frame).to_dict()
    title = spec["title"]
    text = " ".join(title["text"] if isinstance(title["text"], list) else [title["text"]])
    assert "12% of its fans unpaid in October 2013" in text and "6% in February 2014" in text
    subtitle = " ".join(title["subtitle"])
    assert "Social@Ogilvy" in subtitle and "verified" in subtitle
    description = spec["description"]
    for month, pct in zip(frame["month"], frame["pct"]):
        assert f"{month} {pct:.2f}%" in description
    assert description.index("October 2013") < description.index("February 2014")


def test_organic_reach_chart_refuses_another_table():
    with pytest.raises(ValueError, match="ogilvy_2014_facebook_organic_reach"):
        charts.organic_reach_by_month(data.load("sncd_2011_weekly_minutes"))
