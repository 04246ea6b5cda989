"""Build the book the one way the scripts and the tests do: strict, from the notebooks' stored outputs.

``python -m coursekit.build [--path-output DIR] [SOURCE]`` runs Jupyter Book 1 with ``FLAGS``:
warnings are errors and every cross-reference must resolve (nitpicky), so a broken link fails the
build; ``--keep-going`` reports every warning before failing. ``scripts/build.sh``, the benchmark
and the tests all call ``command()``, so they cannot drift apart.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from coursekit.paths import ROOT

FLAGS = ("--warningiserror", "--nitpick", "--keep-going")


def command(source: Path = ROOT, path_output: Path | None = None) -> list[str]:
    """The jupyter-book command line that builds ``source`` (into ``path_output``/_build, or ``source``/_build)."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    cmd = [str(jupyter_book), "build", str(source), *FLAGS]
    if path_output is not None:
        cmd += ["--path-output", str(path_output)]
    return cmd


def build(source: Path = ROOT, path_output: Path | None = None, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Build the book and return the finished process, its output captured (the caller checks the return code)."""
    return subprocess.run(command(source, path_output), capture_output=True, text=True, timeout=timeout)


def main(argv: list[str] | None = None) -> int:
    """Command line: build strictly, with the build's own output on the terminal; the exit status is the build's."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=ROOT, help="the book's folder (default: this course)")
    parser.add_argument("--path-output", type=Path, help="write _build/ here instead of in the book's folder")
    args = parser.parse_args(argv)
    # The HTML is written afresh (the environment is kept, so unchanged sources are not read again):
    # pages written over an older _build/html differ from a clean build's, because Sphinx adds
    # "?v=<checksum>" to links of static files that already exist when it writes a page.
    shutil.rmtree((args.path_output or args.source) / "_build" / "html", ignore_errors=True)
    return subprocess.run(command(args.source, args.path_output)).returncode


if __name__ == "__main__":
    sys.exit(main())
