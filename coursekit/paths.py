"""Where the course's files live, found from the package so notebooks can run from any folder."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
EXERCISE_BANK_DIR = ROOT / "exercises" / "bank"
