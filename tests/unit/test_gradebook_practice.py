"""The practice sets' nbgrader scores join the class gradebook: one row per learner, whatever sent the answers."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from coursekit.exercises.model import default_bank
from coursekit.gradebook import CSV_NAME
from coursekit.gradebook.__main__ import main
from coursekit.gradebook.practice import ScoresError, read_database, read_export, read_scores
from coursekit.gradebook.report import REPORT_NAME

EXPORT_HEAD = "assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,late_submission_penalty,score,max_score\n"


@pytest.fixture(scope="module")
def bank():
    return default_bank()


def _export(path, rows):
    path.write_text(EXPORT_HEAD + "".join(f"{a},None,{t},{s},None,None,None,{sc},0.0,{sc},{m}\n" for a, t, s, sc, m in rows),
                    encoding="utf-8")
    return path


def _answers_file(folder, learner, bank):
    ex = next(e for e in bank.values() if e.type == "single_choice" and not e.assessment)
    right = next(c for c in ex.choices if c.correct)
    doc = {"format": "coursekit-answers", "version": 3, "saved_at": "2026-11-20T10:00:00Z", "learner": learner,
           "answers": {ex.id: {"type": ex.type, "response": right.id, "saved_at": "2026-11-20T10:00:00Z"}}}
    (folder / f"{learner}.json").write_text(json.dumps(doc), encoding="utf-8")
    return ex


def _rows(out):
    return {row["learner"]: row for row in csv.DictReader(io.StringIO((out / CSV_NAME).read_text(encoding="utf-8")))}


def test_nbgrader_scores_become_practice_columns_beside_the_same_learners_answers(tmp_path, bank):
    answers = tmp_path / "answers"
    answers.mkdir()
    ex = _answers_file(answers, "Ana", bank)
    export = _export(tmp_path / "grades.csv", [
        ("practice-1-motivation", "2026-11-21 10:00:00", "ana", 13.0, 13.0),   # the same learner, in nbgrader's case
        ("practice-1-motivation", "", "ben", 0.0, 13.0),                       # on nbgrader's roll, submitted nothing
        ("practice-2-contact", "2026-11-22 10:00:00", "ben", 4.5, 12.0),
    ])
    out = tmp_path / "out"
    assert main([str(answers), "--out", str(out), "--nbgrader", str(export)]) == 0
    rows = _rows(out)
    assert sorted(rows) == ["Ana", "ben"], "one row per learner: nbgrader's 'ana' is the answers file's 'Ana'"
    assert rows["Ana"][ex.id] == "1"
    assert rows["Ana"]["practice-1-motivation (nbgrader, of 13)"] == "13"
    assert rows["Ana"]["practice-2-contact (nbgrader, of 12)"] == ""
    assert rows["ben"]["practice-1-motivation (nbgrader, of 13)"] == "", "not submitted is blank, not 0"
    assert rows["ben"]["practice-2-contact (nbgrader, of 12)"] == "4.5"
    assert rows["ben"]["files"] == "0"
    report = (out / REPORT_NAME).read_text(encoding="utf-8")
    assert "Practice sets (autograded by nbgrader)" in report and "not submitted" in report


def test_without_nbgrader_the_gradebook_has_no_practice_column(tmp_path, bank):
    answers = tmp_path / "answers"
    answers.mkdir()
    _answers_file(answers, "Ana", bank)
    assert main([str(answers), "--out", str(tmp_path / "out")]) == 0
    head = (tmp_path / "out" / CSV_NAME).read_text(encoding="utf-8").splitlines()[0]
    assert "nbgrader" not in head
    assert "Practice sets" not in (tmp_path / "out" / REPORT_NAME).read_text(encoding="utf-8")


@pytest.mark.filterwarnings("ignore:Object of type:Warning")  # nbgrader's own SQLAlchemy warnings on add_submission
def test_nbgraders_own_database_is_read_with_its_api(tmp_path, monkeypatch):
    api = pytest.importorskip("nbgrader.api", reason="nbgrader comes with the test tools (scripts/setup.sh --dev)")
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}:/usr/bin:/bin")  # nbgrader runs alembic
    db = tmp_path / "gradebook.db"
    with api.Gradebook(f"sqlite:///{db}") as book:
        book.add_assignment("ps1")
        book.add_notebook("ps1", "ps1")
        book.add_grade_cell("q1", "ps1", "ps1", max_score=2, cell_type="code")
        book.add_grade_cell("q2", "ps1", "ps1", max_score=3, cell_type="code")
        for student in ("ana", "ben", "eva"):
            book.add_student(student)
        for student, points in (("ana", (2, 3)), ("ben", (2, 0))):
            book.add_submission("ps1", student)
            for cell, score in zip(("q1", "q2"), points):
                book.find_grade(cell, "ps1", "ps1", student).auto_score = score
        book.db.commit()
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # as from a shell that did not activate .venv
    scores = {s.student: (s.score, s.max_score) for s in read_database(db)}
    assert scores == {"ana": (5, 5), "ben": (2, 5), "eva": (None, 5)}
    assert read_scores(db) == read_database(db)


@pytest.mark.parametrize("content, message", [
    ("student_id,score\nana,3\n", "no assignment, timestamp, max_score column"),
    (EXPORT_HEAD + "ps1,None,2026-11-21,ana,,,,x,0,x,13\n", '"x" is not a number'),
    (EXPORT_HEAD + "ps1,None,2026-11-21,ana,,,,-1,0,-1,13\n", '"-1" is not a score'),
    (EXPORT_HEAD + "ps1,None,2026-11-21,,,,,3,0,3,13\n", "no student_id or assignment"),
])
def test_a_bad_export_names_the_file_and_line(tmp_path, content, message):
    path = tmp_path / "grades.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ScoresError, match=message):
        read_export(path)


def test_a_wrong_file_gets_one_clear_line_and_exit_status_1(tmp_path, capsys):
    (tmp_path / "answers").mkdir()
    not_db = tmp_path / "notes.db"
    not_db.write_text("not a database", encoding="utf-8")
    for given, says in ((tmp_path / "scores.txt", "give nbgrader's gradebook.db or the grades.csv"),
                        (not_db, "not an nbgrader gradebook database")):
        given.touch()
        assert main([str(tmp_path / "answers"), "--out", str(tmp_path / "out"), "--nbgrader", str(given)]) == 1
        assert says in capsys.readouterr().err
