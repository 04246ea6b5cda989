"""Part 1 charts added with the lessons' 'What happened next' revision."""

from __future__ import annotations

from coursekit import charts, data


def test_connect_basf_reach_compares_users_with_the_staff_of_the_same_article():
    spec = charts.connect_basf_reach(data.load("basf_connect_adoption")).to_dict()
    title = " ".join(spec["title"]["text"])
    # 35,000 users of about 110,000 employees, both from one article: about 32%, one in three.
    assert "35,000" in title and "110,000" in title and "32%" in title
    assert "110,782 (verified)" in spec["description"]
    assert "over 35,000 (secondary source)" in spec["description"]
    assert any("2,000 communities" in line for line in spec["title"]["subtitle"])


def test_connect_basf_reach_draws_people_only():
    spec = charts.connect_basf_reach(data.load("basf_connect_adoption")).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert {row["measure"] for row in rows} == {"employees", "connect.BASF users"}
