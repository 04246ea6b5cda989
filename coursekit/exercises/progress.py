"""A learner's answers in live notebooks, kept in a progress file so that no work is lost.

The file is ``progress.json`` in the user's data folder (``platformdirs.user_data_dir("coursekit")``),
or in ``$COURSEKIT_PROGRESS_DIR`` when that is set (the tests and nbval runs point it at a temporary
folder). It has the format of the book's "Download my answers" file, so the same scorer reads both.

No answer is lost:
- several notebooks (kernels) saving at once take turns: each read-change-write of the file holds
  an exclusive lock (``progress.json.lock``, the ``filelock`` package; the operating system frees it
  if a kernel dies), so one never overwrites another's answer;
- writes are atomic (a temporary file in the same folder, flushed to disk, then ``os.replace``),
  so a kernel killed mid-save leaves the old file or the new one, never half of one;
- a file that cannot be read as answers is set aside as ``progress.json.corrupt-<n>`` with a
  warning, never a crash.
The live forms save an answer when it is committed (checked, chosen, or once typing pauses), not at every keystroke.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, NamedTuple

import platformdirs
from filelock import FileLock, Timeout

from coursekit.exercises.kinds.reflection import SPACE
from coursekit.exercises.messages import SHARED, fill

FORMAT = "coursekit-answers"
# 3: the file names its learner ("learner") and each answer its time ("saved_at");
# 2: choices are named by their id; 1: choices by their index in the bank.
VERSION = 3
READABLE_VERSIONS = (1, 2, 3)  # older versions are upgraded when read (see upgrade); nothing is lost
CHOICE_IDS_SINCE = 2  # the first version whose responses have today's shape
LEARNER_MAX = 80  # characters of a learner's name or id (the page's name field takes as many)
# A name is kept with runs of spaces made one and its ends trimmed (the spaces of a written answer);
# one with a control character is refused. The page applies the same two patterns.
LEARNER_SPACES = f"{SPACE}+"
LEARNER_CONTROL = r"[\x00-\x1f\x7f-\x9f]"
ENV = "COURSEKIT_PROGRESS_DIR"
FILE_NAME = "progress.json"
LOCK_TIMEOUT = 30  # seconds a save waits for other notebooks before giving up with a message


class ProgressWarning(UserWarning):
    """The progress file could not be read or written; the learner's checking still works."""


def progress_file() -> Path:
    """Where this user's answers are kept."""
    folder = os.environ.get(ENV) or platformdirs.user_data_dir("coursekit")
    return Path(folder) / FILE_NAME


def now() -> str:
    """The time of a save, as the answers format writes it (UTC, to the second)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def document(answers: dict[str, dict], learner: str = "") -> dict:
    """An answers document: the format shared by the progress file and the book's download."""
    return {"format": FORMAT, "version": VERSION, "saved_at": now(), "learner": learner, "answers": answers}


def clean_learner(name: object) -> str | None:
    """A learner's name or id as the format keeps it (spaces trimmed), or None if it cannot be one."""
    if not isinstance(name, str):
        return None
    name = re.sub(LEARNER_SPACES, " ", name).strip(" ")
    if len(name) > LEARNER_MAX or re.search(LEARNER_CONTROL, name):
        return None
    return name


def is_blank(response: object) -> bool:
    """True for a response with nothing in it yet (no choice, no text, no position)."""
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, list):
        return all(is_blank(r) for r in response)
    return response is None


def upgrade(answers: dict[str, dict], version: int, bank: dict | None = None) -> dict[str, dict]:
    """Answers saved in an older version of the format, in today's shape: each exercise of the bank
    converts its own response (``from_v1``); entries of unknown exercises are kept as they are."""
    if version >= CHOICE_IDS_SINCE:
        return answers
    if bank is None:
        from coursekit.exercises.model import default_bank

        bank = default_bank()
    upgraded = {}
    for exercise_id, record in answers.items():
        ex = bank.get(exercise_id)
        if ex is not None and isinstance(record, dict) and record.get("type") == ex.type and "response" in record:
            record = {**record, "response": ex.from_v1(record["response"])}
        upgraded[exercise_id] = record
    return upgraded


class Saved(NamedTuple):
    """What a progress file holds: the answers (in today's shape), the version it was written in, its learner."""

    answers: dict[str, dict]
    version: int = VERSION
    learner: str = ""


def _answers_in(text: str) -> Saved:
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") not in READABLE_VERSIONS:
        raise ValueError("not a coursekit answers file")
    answers = data.get("answers")
    if not isinstance(answers, dict) or not all(isinstance(a, dict) for a in answers.values()):
        raise ValueError("no answers in it")
    return Saved(upgrade(answers, data["version"]), data["version"], clean_learner(data.get("learner", "")) or "")


def set_aside(path: Path) -> Path:
    """Rename an unreadable progress file to the first free ``<name>.corrupt-<n>``."""
    n = 1
    while (aside := path.with_name(f"{path.name}.corrupt-{n}")).exists():
        n += 1
    path.rename(aside)
    return aside


def _lock(path: Path) -> FileLock:
    return FileLock(path.with_name(f"{path.name}.lock"), timeout=LOCK_TIMEOUT)


def load_answers(path: Path | None = None) -> dict[str, dict]:
    """The saved answers by exercise id; an unreadable file is set aside with a warning."""
    path = path or progress_file()
    return _load(path, locked=False).answers


def load_learner(path: Path | None = None) -> str:
    """The learner's name or id kept in the progress file ("" if none was given)."""
    return _load(path or progress_file(), locked=False).learner


def _load(path: Path, locked: bool) -> Saved:
    """The answers (upgraded to today's format), the version the file was written in, and its learner."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return Saved({})
    except OSError as err:
        warnings.warn(f"Your saved answers in {path} could not be read ({err.strerror}); they are not restored.",
                      ProgressWarning, stacklevel=2)
        return Saved({})
    try:
        return _answers_in(raw.decode("utf-8"))
    except (ValueError, RecursionError) as err:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        if not locked:  # set aside only while holding the lock, so no writer is between read and rename
            try:
                with _lock(path):
                    return _load(path, locked=True)
            except (OSError, Timeout):
                pass
        try:
            aside = f"it was kept as {set_aside(path)}"
        except OSError as rename_err:
            aside = f"it could not be set aside either ({rename_err.strerror})"
        warnings.warn(f"Your saved answers in {path} were damaged ({err}): {aside}, and a new file is started.",
                      ProgressWarning, stacklevel=2)
        return Saved({})


def write_atomically(path: Path, text: str) -> None:
    """Write a file so that it is always either the old or the new content, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_answer(exercise_id: str, record: dict | None, path: Path | None = None) -> str | None:
    """Store one exercise's answer, stamped with its time (or forget it, with None); returns a message
    for the learner if it failed."""
    if record is not None:
        record = {**record, "saved_at": now()}

    def change(saved: Saved) -> Saved | None:
        if record is None:
            if exercise_id not in saved.answers:
                return None
            return saved._replace(answers={k: v for k, v in saved.answers.items() if k != exercise_id})
        return saved._replace(answers={**saved.answers, exercise_id: record})

    return _update(change, path or progress_file())


def save_learner(name: str, path: Path | None = None) -> str | None:
    """Keep the learner's name or id in the progress file ("" for anonymous); returns a message if it failed."""
    learner = clean_learner(name)
    if learner is None:
        return fill(SHARED["learner_invalid"], limit=LEARNER_MAX)
    return _update(lambda saved: saved._replace(learner=learner), path or progress_file())


def _update(change: Callable[[Saved], Saved | None], path: Path) -> str | None:
    """Read, change and write the progress file under its lock; a message for the learner if it failed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _lock(path):
            saved = _load(path, locked=True)
            changed = change(saved)
            if changed is None:
                return None
            if saved.version != VERSION and path.exists():  # the file as it was before its upgrade is kept, once
                backup = path.with_name(f"{path.name}.v{saved.version}-backup")
                if not backup.exists():
                    write_atomically(backup, path.read_text(encoding="utf-8"))
            text = json.dumps(document(changed.answers, changed.learner), ensure_ascii=False, indent=1, sort_keys=True)
            write_atomically(path, text + "\n")
    except Timeout:
        return fill(SHARED["not_saved"], path=path, reason=f"another notebook kept it busy for {LOCK_TIMEOUT} s")
    except OSError as err:
        return fill(SHARED["not_saved"], path=path, reason=err.strerror or err)
    return None
