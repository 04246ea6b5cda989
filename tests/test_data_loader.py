"""The loader returns validated tables and stops on bad data with the file, row and field."""

from __future__ import annotations

import json
import re
import shutil

import pandas as pd
import pytest

from coursekit import data
from coursekit.paths import DATA_DIR
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


def test_every_table_cites_its_source_and_status():
    table = data.info(TABLE)
    assert table.sources and all(title and url for title, url in table.sources)
    assert table.verification in {"verified", "secondary", "blog-only"}
    assert table.bibkey


def test_load_returns_a_copy_callers_cannot_corrupt():
    frame = data.load(TABLE)
    frame.loc[0, "pct"] = -1
    assert data.load(TABLE).loc[0, "pct"] == 18


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit_csv(folder, old, new):
    path = folder / CSV
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_missing_file_is_named(data_copy):
    (data_copy / CSV).unlink()
    with pytest.raises(data.DataError, match=rf"{CSV}: the file is missing"):
        data.load(TABLE, data_copy)


def test_a_wrong_column_is_named(data_copy):
    _edit_csv(data_copy, "horizon,horizon_order,rating,pct", "horizon,horizon_order,rating,percent")
    with pytest.raises(data.DataError, match=rf"{CSV}: .*field 'pct'.*"):
        data.load(TABLE, data_copy)


def test_a_non_numeric_percentage_is_named_with_its_row(data_copy):
    _edit_csv(data_copy, "today,1,somewhat important,34,", "today,1,somewhat important,thirty-four,")
    with pytest.raises(data.DataError, match=rf"{CSV}: row 3, field 'pct': .*thirty-four"):
        data.load(TABLE, data_copy)


def test_an_out_of_range_percentage_is_named_with_its_row(data_copy):
    _edit_csv(data_copy, "in three years,3,important,63,", "in three years,3,important,163,")
    with pytest.raises(data.DataError, match=rf"{CSV}: row 8, field 'pct': .*163"):
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


# More corrupted copies, from the small bad files in tests/fixtures/data/ (named for what is wrong)


def _replace_with_fixture(folder, table, fixture):
    shutil.copyfile(FIXTURES / "data" / fixture, folder / f"{table}.csv")
    return f"{table}.csv"


@pytest.mark.parametrize(
    ("table", "fixture", "row", "field", "detail"),
    [
        ("pivot_2012_social_pairings_blog_reported", "pivot_percentage_below_zero.csv", 3, "pct", "-35"),
        ("ifop_2012_network_awareness_membership", "ifop_network_name_blank.csv", 3, "network", "required"),
        ("ifop_2012_network_awareness_membership", "ifop_membership_not_a_number.csv", 3, "membership_pct", "n/a"),
        ("nielsen_2006_participation", "nielsen_unknown_status.csv", 3, "verification", "unverified"),
        ("sncd_2012_social_media_attitude", "sncd_2012_unknown_base.csv", 2, "base", "all French internet users"),
    ],
    ids=["negative-percentage", "blank-required-cell", "missing-value-marker-is-not-blank", "unknown-status", "unknown-base"],
)
def test_a_bad_cell_is_named_with_file_row_and_field(data_copy, table, fixture, row, field, detail):
    csv = _replace_with_fixture(data_copy, table, fixture)
    with pytest.raises(data.DataError, match=rf"{csv}: row {row}, field '{field}': .*{re.escape(detail)}"):
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
