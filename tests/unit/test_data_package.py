"""The whole data package: valid, complete, honestly labelled, and true to what the sources say."""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import pytest
from frictionless import Package, system

from coursekit import data, simulate
from coursekit.paths import DATA_DIR
from helpers import FIXTURES, ROOT

DESCRIPTOR = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = DESCRIPTOR["resources"]
BAD = FIXTURES / "data"


def _bib_keys() -> set[str]:
    text = (ROOT / "references.bib").read_text(encoding="utf-8") + (DATA_DIR / "references-data.bib").read_text(encoding="utf-8")
    return set(re.findall(r"@\w+\{([^,\s]+),", text))


def _simulated(resource: dict) -> bool:
    return resource["verification"] == "simulated"


# The package as a whole


def test_the_whole_package_validates_with_frictionless():
    with system.use_context(trusted=False):
        report = Package(str(DATA_DIR / "datapackage.json"), basepath=str(DATA_DIR)).validate()
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "message"])


def test_the_package_check_finds_no_problem():
    assert data.check_package() == []


def test_every_csv_is_declared_and_every_declared_file_exists():
    declared = {resource["path"] for resource in RESOURCES}
    on_disk = {path.name for path in DATA_DIR.glob("*.csv")}
    assert declared == on_disk


def test_names_lists_every_table_in_package_order():
    assert data.names() == [resource["name"] for resource in RESOURCES]


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["name"])
def test_each_table_is_described_sourced_and_citable(resource):
    for key in ("title", "description", "source_short", "bibkey", "sample", "verification", "verification_note"):
        assert str(resource.get(key) or "").strip(), f"{resource['name']} has no {key}"
    assert "survey_fielded" in resource and "report_year" in resource
    # A source is a URL; a SIMULATED table may instead name its generator in this repository, and the course's
    # own grading (a table named course_…) the file of the sources its rows cite.
    own = _simulated(resource) or resource["name"].startswith("course_")
    assert resource["sources"] and all(
        s["title"].strip() and (re.match(r"https?://", s["path"]) or (own and (ROOT / s["path"]).is_file()))
        for s in resource["sources"]
    )
    assert resource["bibkey"] in _bib_keys()
    assert resource["verification"] in data.TABLE_STATUSES
    assert Path(resource["path"]).stem.lower() == resource["name"] and resource["path"].endswith(".csv")


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["name"])
def test_each_field_is_typed_titled_and_percentages_are_bounded(resource):
    fields = resource["schema"]["fields"]
    for field in fields:
        assert field.get("type") and field.get("title") and field.get("description"), field["name"]
        if field.get("unit") == "%":
            assert field["constraints"]["minimum"] == 0 and field["constraints"]["maximum"] == 100, field["name"]
    status = next(f for f in fields if f["name"] == "verification")
    assert status["constraints"]["required"] and set(status["constraints"]["enum"]) <= set(data.ROW_STATUSES)


def test_the_package_explains_every_status():
    statuses = data.package_info().statuses
    assert set(statuses) == set(data.TABLE_STATUSES)
    assert all(meaning.strip() for meaning in statuses.values())


# SIMULATED is loud where it belongs and absent elsewhere


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["name"])
def test_simulated_appears_in_simulated_tables_only(resource):
    text = " ".join((resource["name"], resource["path"], resource["title"], resource["description"]))
    if _simulated(resource):
        assert "SIMULATED" in resource["path"] and resource["description"].startswith("SIMULATED")
        assert resource["title"].startswith("SIMULATED")
    else:
        assert "simulated" not in text.lower()


def test_every_simulated_table_is_written_by_the_generator(tmp_path):
    written = {path.name for path in simulate.write(tmp_path)}
    assert written == {r["path"] for r in RESOURCES if _simulated(r)}


# Known figures are what the sources say


def test_edenred_ipsos_2011_often_happy_is_31_and_the_2010_value_is_flagged():
    frame = data.load("edenred_ipsos_2011_motivation")
    happy = frame[frame["indicator"] == "often happy at work"].set_index("year")
    assert happy.loc[2011, "pct"] == 31 and happy.loc[2011, "verification"] == "verified"
    assert happy.loc[2010, "pct"] == 37 and happy.loc[2010, "verification"] == "secondary"
    assert "single secondary source" in happy.loc[2010, "note"].lower()
    falling = frame[(frame["indicator"] == "motivation falling") & frame["group"].str.startswith("senior managers")]
    assert dict(zip(falling["year"], falling["pct"])) == {2011: 37, 2007: 19}


def test_mit_smr_2012_sample_is_3478_managers_in_115_countries():
    for name in ("mitsmr_2012_importance_by_horizon", "mitsmr_2012_important_by_company_size", "mitsmr_2012_important_by_role"):
        table = data.info(name)
        assert "3,478" in table.sample and "115 countries" in table.sample
        assert (table.survey_fielded, table.report_year) == (2011, 2012)


def test_mit_smr_trend_keeps_fielded_and_report_years_and_n():
    frame = data.load("mitsmr_importance_trend")
    today = frame[(frame["measure"] == "important") & (frame["horizon"] == "today")].set_index("survey_fielded")
    assert list(today["pct"]) == [18, 36, 37]
    assert list(today["report_year"]) == [2012, 2013, 2014]
    assert today.loc[2011, "n_respondents"] == 3478 and today.loc[2012, "n_respondents"] == 2545
    assert today["n_respondents"].isna().sum() == 1  # the 2013 wave's n was not recorded: missing, not 0


def test_mit_smr_2013_middle_maturity_band_is_derived():
    frame = data.load("mitsmr_2013_maturity").set_index("band_order")
    assert frame.loc[2, "verification"] == "derived"
    assert frame.loc[2, "pct"] == 100 - frame.loc[1, "pct"] - frame.loc[3, "pct"] == 31
    assert data.info("mitsmr_2013_maturity").verification == "mixed"


def test_nielsen_rule_of_thumb_is_90_9_1():
    frame = data.load("nielsen_2006_participation")
    rule = frame[frame["context_order"] == 1].sort_values("group_order")
    assert list(rule["pct"]) == [90, 9, 1] and not rule["subset_of_contributors"].any()
    nested = frame[frame["subset_of_contributors"]]
    assert set(nested["context"]) == {"blogs", "Wikipedia"}


def test_pivot_shares_sum_to_101_and_are_blog_only():
    frame = data.load("pivot_2012_social_pairings_blog_reported")
    assert frame["pct"].sum() == 101
    assert set(frame["verification"]) == {"blog-only"} and data.info("pivot_2012_social_pairings_blog_reported").verification == "blog-only"


def test_the_blog_reported_mit_smr_gains_are_flagged():
    frame = data.load("mitsmr_2012_expected_gains_blog_reported")
    assert list(frame["pct"]) == [80, 74, 65] and set(frame["verification"]) == {"blog-only"}


def test_ifop_blank_cells_stay_missing_not_zero():
    frame = data.load("ifop_2012_network_awareness_membership").set_index("network")
    assert math.isnan(frame.loc["YouTube", "membership_pct"]) and math.isnan(frame.loc["Copains d'avant", "awareness_pct"])
    assert (frame.loc["Facebook", "awareness_pct"], frame.loc["Facebook", "membership_pct"]) == (95, 54)


def test_sncd_percentages_carry_their_base():
    for name in ("sncd_2011_social_media_attitude", "sncd_2012_social_media_attitude"):
        frame = data.load(name)
        assert frame["base"].notna().all() and frame["base"].nunique() > 1


def test_mgi_keeps_28_and_19_and_leaves_out_the_unverified_split():
    frame = data.load("mgi_2012_interaction_worker_time").set_index("activity")["pct"]
    assert sorted(frame) == [19, 28]
    assert not {14, 39} & set(frame)
    assert "14%" in data.info("mgi_2012_interaction_worker_time").description  # says why it is left out


def test_basf_figures_keep_their_status():
    claim = data.load("basf_2012_process_shortening_blog_reported")
    assert list(claim["pct"]) == [25] and list(claim["verification"]) == ["blog-only"]
    adoption = data.load("basf_connect_adoption").set_index(["measure", "as_of"])
    assert adoption.loc[("connect.BASF users", "about 2013"), "count"] == 35000
    assert adoption.loc[("connect.BASF users", "about 2013"), "verification"] == "secondary"
    assert adoption.loc[("connect.BASF users", "about 2013"), "approximate"]


# Package-wide problems are reported with the file (and the row and field where there is one)


def _replace(folder: Path, table: str, fixture: str) -> str:
    shutil.copyfile(BAD / fixture, folder / f"{table}.csv")
    return f"{table}.csv"


def test_an_undeclared_csv_is_reported(data_copy):
    shutil.copyfile(BAD / "undeclared_table.csv", data_copy / "undeclared_table.csv")
    assert any(p.endswith("undeclared_table.csv: not declared in datapackage.json") for p in data.check_package(data_copy))


def test_a_simulated_table_must_say_so(data_copy):
    descriptor = data_copy / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    simulated = next(r for r in package["resources"] if r["verification"] == "simulated")
    simulated["description"] = simulated["description"].replace("SIMULATED", "Generated", 1)
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    problems = data.check_package(data_copy)
    assert any(simulated["path"] in p and "needs SIMULATED" in p for p in problems)


def test_a_table_status_that_contradicts_its_rows_is_reported(data_copy):
    descriptor = data_copy / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    pivot = next(r for r in package["resources"] if r["name"] == "pivot_2012_social_pairings_blog_reported")
    pivot["verification"] = "verified"
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    problems = data.check_package(data_copy)
    assert any("pivot_2012_social_pairings_blog_reported.csv: the table's status is 'verified' but its rows say blog-only" in p for p in problems)


def test_a_missing_file_is_reported_by_the_package_check(data_copy):
    (data_copy / "nielsen_2006_participation.csv").unlink()
    assert any(p.endswith("nielsen_2006_participation.csv: the file is missing.") for p in data.check_package(data_copy))
