"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import BUILD_HTML, EVERY_TYPE, FIXTURES, every_type_bank


@pytest.fixture(autouse=True)
def progress_dir(tmp_path_factory, monkeypatch) -> Path:
    """Every test keeps live-notebook answers in a fresh temporary folder, never in the real home."""
    folder = tmp_path_factory.mktemp("progress")
    monkeypatch.setenv("COURSEKIT_PROGRESS_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def numeric_cases() -> list[tuple[str, object]]:
    return [tuple(case) for case in json.loads((FIXTURES / "numeric_inputs.json").read_text(encoding="utf-8"))["cases"]]


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of the data package to corrupt."""
    from coursekit.paths import DATA_DIR

    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The built HTML book; the test command builds it first (scripts/test.sh)."""
    if not (BUILD_HTML / "index.html").is_file():
        pytest.fail(f"No built book in {BUILD_HTML}: run 'bash scripts/build.sh' first (scripts/test.sh does).")
    return BUILD_HTML


@pytest.fixture(scope="session")
def every_type() -> dict:
    """One exercise of every type (tests/fixtures/banks/every_type.yml) by id."""
    return every_type_bank()


@pytest.fixture
def every_type_dir(tmp_path) -> Path:
    """A bank folder holding only the every-type fixture file (for the scorer and the catalogue)."""
    folder = tmp_path / "bank"
    folder.mkdir()
    shutil.copyfile(EVERY_TYPE, folder / EVERY_TYPE.name)
    return folder

