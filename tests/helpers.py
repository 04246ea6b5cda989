"""Paths the tests share (imported by the test modules and both conftest files)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUILD_HTML = ROOT / "_build" / "html"
SHARED = Path(os.environ.get("COURSE_SHARED_DIR", ROOT.parent / "shared"))
