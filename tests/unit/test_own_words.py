"""The course never copies the source posts: the shared verbatim check finds no run of 8+ words."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT, SHARED

CHECKER = SHARED / "tools" / "verbatim_check.py"


def _run(project) -> subprocess.CompletedProcess:
    assert CHECKER.is_file(), f"{CHECKER} not found: set COURSE_SHARED_DIR to the folder holding tools/ and seeds/"
    return subprocess.run([sys.executable, str(CHECKER), str(project)], capture_output=True, text=True)


def test_no_sentence_of_the_posts_is_copied():
    result = _run(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_would_catch_a_copied_sentence(tmp_path):
    seed = sorted((SHARED / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8").splitlines()
    body = [line for line in seed[3:] if len(line.split()) > 12][0]
    (tmp_path / "copied.md").write_text(body, encoding="utf-8")
    result = _run(tmp_path)
    assert result.returncode == 1 and "verbatim run" in result.stdout
