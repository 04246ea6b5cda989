"""Live notebooks keep a learner's answers in a progress file: written atomically, never lost, never in the real home during tests."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import warnings

import platformdirs
import pytest

from coursekit.exercises import progress


def _untimed(answers: dict) -> dict:
    """The answers without the time each was saved at (tested on its own)."""
    return {k: {f: v for f, v in record.items() if f != "saved_at"} for k, record in answers.items()}


def test_the_progress_folder_comes_from_the_environment(progress_dir, monkeypatch):
    assert progress.progress_file() == progress_dir / "progress.json"
    monkeypatch.delenv(progress.ENV)
    assert progress.progress_file() == progress.Path(platformdirs.user_data_dir("coursekit")) / "progress.json"


def test_answers_are_saved_in_the_answers_format_and_read_back(progress_dir):
    assert progress.load_answers() == {}
    assert progress.save_answer("one", {"type": "numeric", "response": "3,5"}) is None
    assert progress.save_answer("two", {"type": "reflection", "response": "Étape <b>un</b>", "status": "ungraded"}) is None
    saved = json.loads((progress_dir / "progress.json").read_text(encoding="utf-8"))
    assert saved["format"] == "coursekit-answers" and saved["version"] == 3 and saved["saved_at"].endswith("+00:00")
    assert saved["learner"] == "" and all(a["saved_at"].endswith("+00:00") for a in saved["answers"].values())
    assert progress.load_answers() == saved["answers"]
    assert _untimed(saved["answers"]) == {
        "one": {"type": "numeric", "response": "3,5"},
        "two": {"type": "reflection", "response": "Étape <b>un</b>", "status": "ungraded"},
    }
    progress.save_answer("one", None)
    assert list(progress.load_answers()) == ["two"]


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_debris(progress_dir, monkeypatch):
    progress.save_answer("one", {"type": "numeric", "response": "1"})
    before = (progress_dir / "progress.json").read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(progress.os, "replace", broken_replace)
    message = progress.save_answer("one", {"type": "numeric", "response": "2"})
    assert message and "could not be saved" in message and "checking still works" in message
    assert (progress_dir / "progress.json").read_bytes() == before
    assert sorted(p.name for p in progress_dir.iterdir()) == ["progress.json", "progress.json.lock"]


def test_the_file_is_replaced_in_one_step_from_the_same_folder(progress_dir, monkeypatch):
    moves = []
    real_replace = os.replace

    def spy(src, dst):
        moves.append((os.path.dirname(src), os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(progress.os, "replace", spy)
    progress.save_answer("one", {"type": "numeric", "response": "1"})
    assert moves == [(str(progress_dir), str(progress_dir / "progress.json"))]


@pytest.mark.parametrize("damage", ["{not json", '{"format": "something-else", "version": 1, "answers": {}}',
                                    '{"format": "coursekit-answers", "version": 1, "answers": []}', "[" * 100_000, "\udcff"])
def test_a_damaged_progress_file_is_set_aside_with_a_warning(progress_dir, damage):
    path = progress_dir / "progress.json"
    path.write_text(damage, encoding="utf-8", errors="surrogateescape")
    with pytest.warns(progress.ProgressWarning):
        assert progress.load_answers() == {}
    assert progress.save_answer("one", {"type": "numeric", "response": "1"}) is None
    assert _untimed(progress.load_answers()) == {"one": {"type": "numeric", "response": "1"}}
    assert (progress_dir / "progress.json.corrupt-1").read_bytes() == damage.encode("utf-8", errors="surrogateescape")


def test_each_damaged_file_is_kept_under_its_own_name(progress_dir):
    path = progress_dir / "progress.json"
    for n in (1, 2):
        path.write_text(f"broken {n}", encoding="utf-8")
        with pytest.warns(progress.ProgressWarning, match=rf"kept as .*progress\.json\.corrupt-{n}"):
            progress.load_answers()
    assert (progress_dir / "progress.json.corrupt-1").read_text(encoding="utf-8") == "broken 1"
    assert (progress_dir / "progress.json.corrupt-2").read_text(encoding="utf-8") == "broken 2"


def test_an_unwritable_folder_gives_a_message_not_a_crash(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(progress.ENV, str(blocker / "inside"))
    assert "could not be saved" in progress.save_answer("one", {"type": "numeric", "response": "1"})
    assert progress.load_answers() == {}


def test_nothing_is_written_while_only_reading(progress_dir):
    progress.load_answers()
    assert list(progress_dir.iterdir()) == []


WRITERS, ANSWERS_EACH = 4, 150


def _save_many(folder: str, writer: int, start_at: float) -> list[str]:
    """One notebook's kernel: saves its answers as fast as it can, from the same moment as the others."""
    os.environ[progress.ENV] = folder
    time.sleep(max(0.0, start_at - time.time()))
    problems = []
    for n in range(ANSWERS_EACH):
        problem = progress.save_answer(f"w{writer}-{n}", {"type": "numeric", "response": str(n), "status": "correct"})
        if problem:
            problems.append(problem)
    return problems


def test_several_notebooks_saving_at_the_same_moment_lose_nothing(progress_dir):
    start_at = time.time() + 2.0  # every process has started and imported by then
    with multiprocessing.get_context("spawn").Pool(WRITERS) as pool:
        problems = pool.starmap(_save_many, [(str(progress_dir), w, start_at) for w in range(WRITERS)])
    assert problems == [[]] * WRITERS
    saved = progress.load_answers()
    expected = {f"w{w}-{n}" for w in range(WRITERS) for n in range(ANSWERS_EACH)}
    assert len(saved) == WRITERS * ANSWERS_EACH and set(saved) == expected
    assert all(saved[f"w{w}-{n}"]["response"] == str(n) for w in range(WRITERS) for n in range(ANSWERS_EACH))


KILLED_WRITER = """
import sys
from coursekit.exercises import progress
n = 0
while True:
    assert progress.save_answer(f"answer-{n}", {"type": "reflection", "response": "word " * 200}) is None
    print(n, flush=True)
    n += 1
"""


def test_a_kernel_killed_while_saving_leaves_a_readable_file_with_every_saved_answer(progress_dir):
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, progress.ENV: str(progress_dir)})
    acknowledged = []
    while len(acknowledged) < 40:  # answers the writer was told are saved
        acknowledged.append(int(writer.stdout.readline()))
    writer.send_signal(signal.SIGKILL)  # in the middle of a later save
    writer.wait()
    with warnings.catch_warnings():
        warnings.simplefilter("error", progress.ProgressWarning)
        saved = progress.load_answers()
    assert {f"answer-{n}" for n in acknowledged} <= set(saved)
    assert progress.save_answer("after", {"type": "numeric", "response": "1"}) is None, "the lock died with the kernel"



def test_a_version_1_file_is_read_upgraded_and_kept_as_it_was_before_the_first_write(progress_dir):

    old = {"format": "coursekit-answers", "version": 1, "saved_at": "2026-01-01T00:00:00+00:00",
           "answers": {"contact-2-1-platforms-not-enough": {"type": "single_choice", "response": 1, "status": "incorrect"},
                       "no-longer-in-the-bank": {"type": "single_choice", "response": 0}}}
    path = progress_dir / "progress.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    bank_choice = progress.upgrade(old["answers"], 1)["contact-2-1-platforms-not-enough"]["response"]
    from coursekit.exercises import get

    assert bank_choice == get("contact-2-1-platforms-not-enough").choices[1].id
    assert progress.load_answers()["no-longer-in-the-bank"] == {"type": "single_choice", "response": 0}, "kept as it was"
    assert path.read_text(encoding="utf-8") == json.dumps(old), "reading changes nothing"
    assert progress.save_answer("one", {"type": "numeric", "response": "1"}) is None
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 3 and saved["answers"]["contact-2-1-platforms-not-enough"]["response"] == bank_choice
    assert json.loads((progress_dir / "progress.json.v1-backup").read_text(encoding="utf-8")) == old


def test_a_version_2_file_is_read_as_it_is_and_kept_once_before_its_first_rewrite(progress_dir):
    old = {"format": "coursekit-answers", "version": 2, "saved_at": "2026-06-01T00:00:00+00:00",
           "answers": {"contact-2-1-platforms-not-enough": {"type": "single_choice", "response": "x", "status": "incorrect"}}}
    path = progress_dir / "progress.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    assert progress.load_answers() == old["answers"] and progress.load_learner() == ""
    assert progress.save_answer("one", {"type": "numeric", "response": "1"}) is None
    assert json.loads((progress_dir / "progress.json.v2-backup").read_text(encoding="utf-8")) == old
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 3 and saved["answers"]["contact-2-1-platforms-not-enough"] == old["answers"][
        "contact-2-1-platforms-not-enough"], "an answer of version 2 keeps its shape"


def test_the_learner_name_is_kept_with_the_answers_and_can_be_changed_or_removed(progress_dir):
    assert progress.save_answer("one", {"type": "numeric", "response": "1"}) is None
    assert progress.save_learner("  Ana \u00a0 Silva ") is None
    assert progress.load_learner() == "Ana Silva"
    assert progress.save_answer("two", {"type": "numeric", "response": "2"}) is None
    saved = json.loads((progress_dir / "progress.json").read_text(encoding="utf-8"))
    assert saved["learner"] == "Ana Silva" and set(saved["answers"]) == {"one", "two"}, "answers and name both kept"
    assert progress.save_learner("") is None and progress.load_learner() == ""
    assert set(progress.load_answers()) == {"one", "two"}


@pytest.mark.parametrize("name", ["x" * (progress.LEARNER_MAX + 1), "Ana\x07", "Ana\x9b"])
def test_a_name_that_cannot_be_one_gets_a_message_and_changes_nothing(progress_dir, name):
    assert progress.save_learner("Ana") is None
    message = progress.save_learner(name)
    assert message and f"at most {progress.LEARNER_MAX} characters" in message
    assert progress.load_learner() == "Ana"
