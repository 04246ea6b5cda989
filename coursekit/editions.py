"""The student edition and the answer key of the practice sets, made by nbgrader itself.

``python -m coursekit.editions [--out DIR]`` copies each practice set (``exercises/practice-*.ipynb``,
the source notebooks with solutions, nbgrader metadata and ``### BEGIN SOLUTION`` markers) into a
temporary nbgrader course, runs ``nbgrader generate_assignment`` on it, and writes:

- ``DIR/student/``: the student edition (solutions replaced by stubs, hidden tests removed, outputs cleared);
- ``DIR/answer-key/``: the source notebooks as they are, with solutions and outputs, for trainers.

Default DIR: ``_build/editions``. Needs the test tools (``bash scripts/setup.sh --dev`` installs nbgrader).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from coursekit.paths import ROOT

PRACTICE_DIR = ROOT / "exercises"
DEFAULT_OUT = ROOT / "_build" / "editions"
COURSE_ID = "social-business-in-practice"


class EditionError(Exception):
    """nbgrader could not make an edition; the message says which set and why."""


def practice_sets(directory: Path = PRACTICE_DIR) -> list[Path]:
    """The source practice notebooks, one per part."""
    return sorted(directory.glob("practice-*.ipynb"))


def nbgrader_env(course: Path) -> dict[str, str]:
    """An environment that keeps nbgrader's config inside ``course`` and finds alembic in the venv."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["JUPYTER_CONFIG_DIR"] = str(course / ".jupyter-config")
    env["JUPYTER_DATA_DIR"] = str(course / ".jupyter-data")
    return env


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    """Run one nbgrader command in the course directory; raise EditionError if it fails."""
    command = [str(Path(sys.executable).parent / "nbgrader"), *args, "--db", f"sqlite:///{course / 'gradebook.db'}"]
    result = subprocess.run(command, cwd=course, env=nbgrader_env(course), capture_output=True, text=True)
    if result.returncode != 0:
        raise EditionError(f"nbgrader {' '.join(args)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return result


def make_course(course: Path, sets: list[Path]) -> None:
    """Lay out an nbgrader course with one assignment per practice set."""
    (course / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.root = {str(course)!r}\nc.CourseDirectory.course_id = {COURSE_ID!r}\n",
        encoding="utf-8",
    )
    for notebook in sets:
        target = course / "source" / notebook.stem
        target.mkdir(parents=True)
        shutil.copyfile(notebook, target / notebook.name)


def make_editions(out: Path = DEFAULT_OUT, sets: list[Path] | None = None) -> dict[str, list[Path]]:
    """Write the student edition and the answer key; return the files written."""
    sets = practice_sets() if sets is None else sets
    if not sets:
        raise EditionError(f"no practice sets (practice-*.ipynb) in {PRACTICE_DIR}")
    written: dict[str, list[Path]] = {"student": [], "answer-key": []}
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp)
        make_course(course, sets)
        for notebook in sets:
            nbgrader(course, "generate_assignment", notebook.stem, "--force")
        for kind in written:
            shutil.rmtree(out / kind, ignore_errors=True)
            (out / kind).mkdir(parents=True)
        for notebook in sets:
            student = out / "student" / notebook.name
            shutil.copyfile(course / "release" / notebook.stem / notebook.name, student)
            key = out / "answer-key" / notebook.name
            shutil.copyfile(notebook, key)
            written["student"].append(student)
            written["answer-key"].append(key)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write student/ and answer-key/")
    args = parser.parse_args(argv)
    if shutil.which("nbgrader", path=str(Path(sys.executable).parent)) is None:
        print("error: nbgrader is not installed here: run 'bash scripts/setup.sh --dev' first.", file=sys.stderr)
        return 1
    try:
        written = make_editions(args.out)
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for kind, files in written.items():
        print(f"{kind}: {', '.join(str(f.relative_to(ROOT)) if f.is_relative_to(ROOT) else str(f) for f in files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
