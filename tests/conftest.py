"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import BUILD_HTML, FIXTURES


@pytest.fixture(autouse=True)
def progress_dir(tmp_path_factory, monkeypatch) -> Path:
    """Every test keeps live-notebook answers in a fresh temporary folder, never in the real home."""
    folder = tmp_path_factory.mktemp("progress")
    monkeypatch.setenv("COURSEKIT_PROGRESS_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def numeric_cases() -> list[tuple[str, object]]:
    return [tuple(case) for case in json.loads((FIXTURES / "numeric_inputs.json").read_text(encoding="utf-8"))["cases"]]


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The built HTML book; the test command builds it first (scripts/test.sh)."""
    if not (BUILD_HTML / "index.html").is_file():
        pytest.fail(f"No built book in {BUILD_HTML}: run 'bash scripts/build.sh' first (scripts/test.sh does).")
    return BUILD_HTML
