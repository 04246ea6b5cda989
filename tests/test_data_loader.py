"""The loader returns validated tables and stops on bad data with the file, row and field."""

from __future__ import annotations

import json
import shutil

import pytest

from coursekit import data
from coursekit.paths import DATA_DIR

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
