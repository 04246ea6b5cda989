"""Read a YAML file the course keeps (the bank, the plans, the course map, the capstone's rubric) with one
clear message for a file that cannot be read or is not YAML, naming the file and, where YAML says, the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def read(path: Path, error: type[Exception]) -> Any:
    """The file's YAML content; ``error`` (the caller's own exception) with a one-line reason otherwise."""
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise error(f"{path}: cannot read the file ({err.strerror}).") from None
    except UnicodeDecodeError:
        raise error(f"{path}: is not text (UTF-8), so it is not a YAML file.") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise error(f"{path}:{f' line {mark.line + 1}' if mark else ''} is not valid YAML ({getattr(err, 'problem', err)}).") from None
