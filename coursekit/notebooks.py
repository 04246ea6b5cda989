"""Regenerate the stored outputs of every course notebook, in a normalised, diff-friendly form.

``python -m coursekit.notebooks`` executes each notebook of ``chapters/``, ``exercises/`` and ``back/``
in a fresh kernel (working directory: the notebook's folder) and writes it back with:
stable cell ids, sequential execution counts, no timing or widget-state metadata, and
exercise outputs stripped of their live widget view (the book shows their HTML face; a
learner who runs the cell gets the widget). Strict nbval then checks that re-execution
reproduces exactly these outputs. The kernels get an empty progress folder
(``COURSEKIT_PROGRESS_DIR``), so a learner's saved answers never reach the stored outputs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from coursekit.exercises.progress import ENV as PROGRESS_ENV
from coursekit.paths import ROOT

NOTEBOOK_DIRS = ("chapters", "exercises", "back")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
KEEP_CELL_METADATA = {"tags", "nbgrader", "editable", "deletable"}


def notebooks(root: Path = ROOT) -> list[Path]:
    """Every course notebook, in a stable order."""
    found = []
    for folder in NOTEBOOK_DIRS:
        found += [p for p in (root / folder).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts]
    return sorted(found)


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop volatile metadata and live widget views; give every cell a stable id."""
    nb.metadata = nbformat.from_dict({"kernelspec": KERNELSPEC, "language_info": {"name": "python"}})
    used: set[str] = set()
    count = 0
    for cell in nb.cells:
        cell.metadata = nbformat.from_dict({k: v for k, v in cell.metadata.items() if k in KEEP_CELL_METADATA})
        cell_id = cell.get("id") or hashlib.sha1(cell.source.encode("utf-8")).hexdigest()[:8]
        while cell_id in used:
            cell_id = hashlib.sha1(cell_id.encode("utf-8")).hexdigest()[:8]
        used.add(cell_id)
        cell.id = cell_id
        if cell.cell_type != "code":
            continue
        count += 1
        cell.execution_count = count if cell.outputs or cell.source.strip() else None
        for output in cell.outputs:
            if "execution_count" in output:
                output.execution_count = count
            output.get("data", {}).pop(WIDGET_VIEW, None)
    return nb


def serialised(nb: nbformat.NotebookNode) -> bytes:
    """The bytes a notebook is stored as (nbformat's JSON, one final newline, UTF-8)."""
    text = nbformat.writes(nb)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def normalised_bytes(stored: bytes) -> bytes:
    """What the regeneration would store for these notebook bytes' cells and outputs, without executing anything."""
    return serialised(normalise(nbformat.reads(stored.decode("utf-8"), as_version=4)))


def regenerate(path: Path, timeout: int = 120) -> None:
    """Execute one notebook in a fresh kernel and store its normalised outputs."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=timeout,
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
        record_timing=False,
    )
    # A throwaway progress folder: a learner's saved answers must never reach the stored outputs.
    with tempfile.TemporaryDirectory() as progress_dir:
        client.execute(env={**os.environ, PROGRESS_ENV: progress_dir})
    nbformat.validate(nb)
    path.write_bytes(serialised(normalise(nb)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks to regenerate (default: all)")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.paths] or notebooks()
    for path in paths:
        try:
            regenerate(path)
        except CellExecutionError as err:
            print(f"error: {path.relative_to(ROOT)} failed to run:\n{err}", file=sys.stderr)
            return 1
        except (OSError, nbformat.ValidationError) as err:
            print(f"error: {path}: {err}", file=sys.stderr)
            return 1
        print(f"regenerated {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
