"""A trainer's class gradebook: one command reads a folder of answers files, mixed and partly hostile, and
writes a CSV and a report, checking every answer again and never stopping on a bad file."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest

from coursekit.exercises.model import default_bank
from coursekit.gradebook import CSV_NAME, read_class
from coursekit.gradebook.__main__ import main
from coursekit.gradebook.report import FILES_DIR, REPORT_NAME

from helpers import HOSTILE_FILES, ROOT, class_folder


@pytest.fixture(scope="module")
def bank():
    return default_bank()


@pytest.fixture(scope="module")
def a_class(tmp_path_factory, bank):
    """About 30 generated learners and the hostile files a class also sends; the gradebook run on them."""
    folder = tmp_path_factory.mktemp("answers")
    truth = class_folder(folder, bank)
    for name, (content, _) in HOSTILE_FILES.items():
        (folder / "strays").mkdir(exist_ok=True)
        (folder / "strays" / name).write_bytes(content)
    tricky = {"format": "coursekit-answers", "version": 3, "saved_at": "2026-11-20T10:00:00Z",
              "learner": '=HYPERLINK("http://example.org","<script>alert(1)</script>")',
              "answers": {"motivation-1-1-company-vs-employees": {"type": "single_choice", "response": None}}}
    (folder / "strays" / "tricky.json").write_text(json.dumps(tricky), encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    out = tmp_path_factory.mktemp("out")
    roster = out.parent / "roster.txt"
    roster.write_text("Learner 00\nSomeone Who Sent Nothing\n", encoding="utf-8")
    assert main([str(folder), "--out", str(out), "--roster", str(roster)]) == 0
    return folder, out, truth


def _rows(out):
    return list(csv.DictReader(io.StringIO((out / CSV_NAME).read_text(encoding="utf-8"))))


def test_every_learner_has_one_row_with_the_checkers_verdicts_and_the_latest_answer(a_class, bank):
    _, out, truth = a_class
    rows = {row["learner"]: row for row in _rows(out)}
    assert set(truth) <= set(rows)
    assert len(rows) == len(truth) + 1, "one row per learner, plus the tricky one"
    for name, answers in truth.items():
        row = rows[name]
        for ex_id, ex in bank.items():
            if not ex.auto_graded:
                continue
            expected = "" if ex_id not in answers else str(int(answers[ex_id]))
            assert row[ex_id] == expected, (name, ex_id)
        total = next(k for k in row if k.startswith("total (of"))
        assert int(row[total]) == sum(answers.values())


def test_statuses_written_in_files_are_ignored(a_class):
    _, out, truth = a_class
    every = [value for answers in truth.values() for value in answers.values()]
    assert False in every, "the generated files claim 'correct' for wrong answers too"
    assert sum(int(row[next(k for k in row if k.startswith("total (of"))]) for row in _rows(out) if row["learner"] in truth) == sum(every)


def test_totals_per_part_and_reflection_columns_are_there_for_a_spreadsheet(a_class, bank):
    _, out, _ = a_class
    header = next(csv.reader(io.StringIO((out / CSV_NAME).read_text(encoding="utf-8"))))
    assert header[:3] == ["learner", "files", "last answer"] and any(h.startswith("reflection points (of ") for h in header)
    for part in ("diagnostic", "part 1", "part 2", "part 3", "part 4"):
        assert any(h.startswith(f"{part} (of ") for h in header)
    reflections = [ex for ex in bank.values() if not ex.auto_graded]
    assert len(reflections) == 18
    for ex in reflections:
        assert f"{ex.id} words" in header
        assert f"{ex.id} rubric mark (weak, adequate, strong; worth {ex.weight})" in header
    assert len(header) == len(set(header))


def test_a_formula_in_a_name_is_written_as_text_and_markup_is_never_markup(a_class):
    _, out, _ = a_class
    names = [row["learner"] for row in _rows(out)]
    assert "'=HYPERLINK(\"http://example.org\",\"<script>alert(1)</script>\")" in names
    report = (out / REPORT_NAME).read_text(encoding="utf-8")
    assert "<script>alert(1)" not in report and "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "<b>bold</b>" not in report and "&lt;b&gt;bold&lt;/b&gt;" in report, "reflection texts are escaped"


def test_every_bad_file_is_listed_with_its_reason_and_the_others_are_read(a_class):
    folder, out, truth = a_class
    report = (out / REPORT_NAME).read_text(encoding="utf-8")
    for name, (_, reason) in HOSTILE_FILES.items():
        row = re.search(rf"<tr><td><code>strays/{re.escape(name)}</code></td><td>([^<]*)</td></tr>", report)
        assert row, f"{name} is not listed"
        assert reason.replace('"', "&quot;") in row.group(1), (name, row.group(1))
    assert ".DS_Store" not in report, "hidden files are not a learner's"
    assert "tricky.json" not in report.split('id="bad-files"')[1].split("<h2")[0], "a sound file is read"


def test_the_roster_shows_who_sent_nothing(a_class):
    _, out, _ = a_class
    report = (out / REPORT_NAME).read_text(encoding="utf-8")
    assert re.search(r'<th scope="row">Someone Who Sent Nothing</th><td class="missing">0</td>', report)
    assert report.count('<th scope="row">Learner 00</th>') == 1


def test_the_report_is_self_contained_and_deterministic(a_class, tmp_path):
    folder, out, _ = a_class
    report = (out / REPORT_NAME).read_text(encoding="utf-8")
    sources = re.findall(r'(?:src|href)="([^"]+)"', report)
    assert sources and all(s.startswith(f"{FILES_DIR}/") for s in sources), sources
    assert not re.search(r"https?://(?!example\.org)", report.replace("http://www.w3.org/2000/svg", "")), "no other host"
    for src in sources:
        assert (out / src).is_file()
    again = tmp_path / "again"
    assert main([str(folder), "--out", str(again), "--roster", str(out.parent / "roster.txt")]) == 0
    assert (again / REPORT_NAME).read_bytes() == (out / REPORT_NAME).read_bytes()
    assert (again / CSV_NAME).read_bytes() == (out / CSV_NAME).read_bytes()


def test_the_report_names_the_most_chosen_wrong_answers_with_their_misconception(a_class, bank):
    _, out, _ = a_class
    section = (out / REPORT_NAME).read_text(encoding="utf-8").split('id="wrong-answers"')[1].split("<h2")[0]
    misconceptions = {c.misconception for ex in bank.values() for c in getattr(ex, "choices", []) if c.misconception}
    from html import escape

    shown = [m for m in misconceptions if escape(m) in section]
    assert len(shown) >= 10


def test_files_of_one_learner_merge_and_the_latest_answer_wins(tmp_path, bank):
    ex = bank["contact-2-1-platforms-not-enough"]
    right = next(c.id for c in ex.choices if c.correct)
    wrong = next(c.id for c in ex.choices if not c.correct)

    def send(name, learner, response, when):
        document = {"format": "coursekit-answers", "version": 3, "saved_at": when, "learner": learner,
                    "answers": {ex.id: {"type": ex.type, "response": response}}}
        (tmp_path / name).write_text(json.dumps(document), encoding="utf-8")

    send("b.json", "Ana", right, "2026-11-02T10:00:00Z")
    send("a.json", "ana", wrong, "2026-11-01T10:00:00+00:00")  # older, whatever the file order and the case
    send("c.json", "", wrong, "2026-11-03T10:00:00Z")  # anonymous: a learner of its own
    found = read_class(tmp_path, bank)
    assert [(l.name, l.files, l.responses[ex.id]) for l in found.learners] == [
        ("ana", ["a.json", "b.json"], right), ("(no name) c.json", ["c.json"], wrong)]


def test_a_missing_folder_or_roster_gets_one_clear_line(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 1
    assert "is not a folder" in capsys.readouterr().err
    (tmp_path / "in").mkdir()
    (tmp_path / "roster.txt").write_bytes(b"\xff\xfe")
    assert main([str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--roster", str(tmp_path / "roster.txt")]) == 1
    assert "cannot be read as text" in capsys.readouterr().err


def test_an_empty_folder_gives_an_empty_gradebook_and_a_report(tmp_path):
    (tmp_path / "in").mkdir()
    assert main([str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    assert len(_rows(tmp_path / "out")) == 0
    assert "No learner has answered" in (tmp_path / "out" / REPORT_NAME).read_text(encoding="utf-8")


def test_the_command_runs_as_the_readme_says(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.json").write_text("{", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "coursekit.gradebook", str(tmp_path / "in"), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "0 file(s) read from 0 learner(s); 1 could not be read" in done.stdout


def test_rubric_marks_typed_into_the_gradebook_are_kept_and_counted_on_the_next_run(a_class, bank, tmp_path):
    folder, out, truth = a_class
    reflections = [ex for ex in bank.values() if not ex.auto_graded]
    first, second = reflections[0], reflections[1]
    text = (out / CSV_NAME).read_text(encoding="utf-8")
    table = list(csv.reader(io.StringIO(text)))
    head = table[0]
    learner = next(row for row in table[1:] if row[0] == "Learner 02")
    learner[head.index(f"{first.id} rubric mark (weak, adequate, strong; worth {first.weight})")] = "Strong"
    learner[head.index(f"{second.id} rubric mark (weak, adequate, strong; worth {second.weight})")] = "adequate"
    other = next(row for row in table[1:] if row[0] == "Learner 03")
    other[head.index(f"{first.id} rubric mark (weak, adequate, strong; worth {first.weight})")] = "very good"
    marked = tmp_path / "marked.csv"  # as a French spreadsheet saves it: semicolons and a byte-order mark
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(table)
    marked.write_text(buffer.getvalue(), encoding="utf-8-sig")
    again = tmp_path / "again"
    assert main([str(folder), "--out", str(again), "--marks", str(marked)]) == 0
    rows = {row["learner"]: row for row in _rows(again)}
    points = next(k for k in rows["Learner 02"] if k.startswith("reflection points"))
    assert float(rows["Learner 02"][points]) == first.points("strong") + second.points("adequate")
    assert rows["Learner 02"][f"{first.id} rubric mark (weak, adequate, strong; worth {first.weight})"] == "strong"
    assert rows["Learner 03"][points] == "", "a mark that is not a level is not counted"
    report = (again / REPORT_NAME).read_text(encoding="utf-8")
    assert f"marked.csv, line {[r[0] for r in table].index('Learner 03') + 1} (Learner 03), {first.id}: &quot;very good&quot; is not a rubric level" in report
