"""The loader returns validated tables and stops on bad data with the file, row and field."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from coursekit import data
from helpers import FIXTURES

TABLE = "mitsmr_2012_importance_by_horizon"
CSV = f"{TABLE}.csv"


def test_a_table_loads_with_its_declared_types():
    frame = data.load(TABLE)
    assert list(frame.columns) == ["horizon", "horizon_order", "rating", "pct", "verification"]
    assert frame["pct"].dtype == float
    assert len(frame) == 9


def test_known_figures_match_the_mit_smr_report():
    frame = data.load(TABLE).set_index(["horizon", "rating"])["pct"]
    assert frame[("today", "important")] == 18
    assert frame[("in three years", "important")] == 63
    today = frame[("today", "important")] + frame[("today", "somewhat important")]
    three = frame[("in three years", "important")] + frame[("in three years", "somewhat important")]
    assert (today, three) == (52, 86)  # the report's own text: 52% today, 86% in three years


@pytest.mark.parametrize("name", data.names())
def test_every_table_cites_its_source_and_status(name):
    table = data.info(name)
    assert table.sources and all(title and url for title, url in table.sources)
    assert table.short_source and table.bibkey
    assert table.verification in data.TABLE_STATUSES


@pytest.mark.parametrize("name", data.names())
def test_every_loaded_table_names_itself(name):
    assert data.load(name).attrs["table"] == name


def test_load_returns_a_copy_callers_cannot_corrupt():
    frame = data.load(TABLE)
    frame.loc[0, "pct"] = -1
    assert data.load(TABLE).loc[0, "pct"] == 18


def test_a_missing_file_is_named(data_copy):
    (data_copy / CSV).unlink()
    with pytest.raises(data.DataError, match=rf"{CSV}: the file is missing"):
        data.load(TABLE, data_copy)


def test_a_blank_source_is_refused(data_copy):
    descriptor = data_copy / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    package["resources"][0]["sources"][0]["title"] = "  "
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(data.DataError, match=rf"{CSV}: every table needs a source"):
        data.load(TABLE, data_copy)


def test_an_unknown_table_lists_the_known_ones():
    with pytest.raises(data.DataError, match=rf"no table named 'nope'. Known tables: .*{TABLE}"):
        data.load("nope")


# Corrupted copies: the small bad files in tests/fixtures/data/, each named for what is wrong with it,
# replace one table's CSV; the error must name the file, and the row and field where there is one.

BAD_CSVS = {  # fixture: (table it replaces, expected message after "<file>: ")
    "mitsmr_horizon_column_renamed.csv": (TABLE, r".*field 'pct'"),
    "mitsmr_horizon_percentage_in_words.csv": (TABLE, r"row 3, field 'pct': .*thirty-four"),
    "mitsmr_horizon_percentage_above_100.csv": (TABLE, r"row 8, field 'pct': .*163"),
    "pivot_percentage_below_zero.csv": ("pivot_2012_social_pairings_blog_reported", r"row 3, field 'pct': .*-35"),
    "ifop_network_name_blank.csv": ("ifop_2012_network_awareness_membership", r"row 3, field 'network': .*required"),
    "ifop_membership_not_a_number.csv": ("ifop_2012_network_awareness_membership", r"row 3, field 'membership_pct': .*n/a"),
    "nielsen_unknown_status.csv": ("nielsen_2006_participation", r"row 3, field 'verification': .*unverified"),
    "sncd_2012_unknown_base.csv": ("sncd_2012_social_media_attitude", r"row 2, field 'base': .*all French internet users"),
}
NOT_A_TABLE = {"undeclared_table.csv"}  # checked by the package check (test_data_package.py)


def test_every_bad_data_fixture_is_checked():
    assert {p.name for p in (FIXTURES / "data").glob("*.csv")} == set(BAD_CSVS) | NOT_A_TABLE


@pytest.mark.parametrize(("fixture", "table", "expected"), [(f, *BAD_CSVS[f]) for f in BAD_CSVS],
                         ids=[f.removesuffix(".csv") for f in BAD_CSVS])
def test_a_bad_csv_is_refused_naming_file_row_and_field(data_copy, fixture, table, expected):
    shutil.copyfile(FIXTURES / "data" / fixture, data_copy / f"{table}.csv")
    with pytest.raises(data.DataError, match=rf"{table}\.csv: {expected}"):
        data.load(table, data_copy)


def test_a_blank_optional_number_stays_missing_not_zero():
    frame = data.load("ifop_2012_network_awareness_membership")
    youtube = frame[frame["network"] == "YouTube"].iloc[0]
    assert pd.isna(youtube["membership_pct"]) and youtube["awareness_pct"] == 94
    trend = data.load("mitsmr_importance_trend")
    assert str(trend["n_respondents"].dtype) == "Int64" and trend["n_respondents"].isna().any()


def test_an_unknown_table_status_is_refused(data_copy):
    descriptor = data_copy / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    package["resources"][0]["verification"] = "probably fine"
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(data.DataError, match=rf"{CSV}: verification status 'probably fine' is not one of"):
        data.info(TABLE, data_copy)


def test_a_missing_descriptor_is_named(tmp_path):
    with pytest.raises(data.DataError, match="datapackage.json: the data package descriptor is missing"):
        data.names(tmp_path)


def test_names_and_package_info_describe_the_package():
    assert TABLE in data.names()
    package = data.package_info()
    assert package.title and package.licence
    assert set(data.ROW_STATUSES) <= set(package.statuses)


def test_info_gives_the_sample_and_years_for_the_data_page():
    table = data.info(TABLE)
    assert table.sample and table.description
    assert (table.survey_fielded, table.report_year) == (2011, 2012)
