"""Scoring a learner's downloaded answers: verdicts by the Python checker, and one clear line for any unsound file."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from coursekit import i18n
from coursekit.exercises import load_bank, score

from helpers import ROOT

GOOD = {
    "kit-single": {"type": "single_choice", "response": 0, "status": "correct"},
    "kit-multiple": {"type": "multiple_choice", "response": [0, 2], "status": "correct"},  # tampered: it is wrong
    "kit-numeric": {"type": "numeric", "response": "3,5"},
    "kit-ordering": {"type": "ordering", "response": [2, 1, 3, 4], "status": "correct"},  # tampered
    "kit-categorising": {"type": "categorising", "response": [0, 1, 0, None]},
    "kit-reflection": {"type": "reflection", "response": "We would meet weekly.\nAnd \x1b[31mlisten\x1b[0m.", "status": "correct"},
}


def _document(answers: object, **changes: object) -> dict:
    return {"format": "coursekit-answers", "version": 1, "saved_at": "2026-03-01T10:00:00.000Z", "answers": answers} | changes


@pytest.fixture
def bank_dir(every_type_dir):
    return every_type_dir


def _score(tmp_path, bank_dir, content: object, capsys) -> tuple[int, str, str]:
    path = tmp_path / "answers.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    code = score.main([str(path), "--bank", str(bank_dir)])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_good_file_is_scored_by_the_checker_not_by_its_stored_statuses(tmp_path, bank_dir, capsys):
    code, out, err = _score(tmp_path, bank_dir, _document(GOOD), capsys)
    assert code == 0 and err == ""
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith("kit-")}
    assert rows["kit-single"].split()[1:] == ["4.9", "single_choice", "correct"]
    assert rows["kit-multiple"].endswith("not correct")
    assert rows["kit-numeric"].endswith("correct") and not rows["kit-numeric"].endswith("not correct")
    assert rows["kit-ordering"].endswith("not correct")
    assert rows["kit-categorising"].endswith("incomplete")
    assert rows["kit-reflection"].endswith("not auto-graded")
    assert "    Not quite. 2 of 4 items are in the right place." in out
    assert "    | We would meet weekly." in out and "\x1b" not in out
    assert out.rstrip().endswith("Total: 2 of 5 auto-graded exercises correct; 1 reflection not auto-graded.")
    assert "saved 2026-03-01T10:00:00.000Z: 6 exercise(s)" in out


def test_a_version_2_file_with_choice_ids_scores_as_its_version_1_twin(tmp_path, bank_dir, capsys):
    now = {**GOOD, "kit-single": {**GOOD["kit-single"], "response": "image-tag"},
           "kit-multiple": {**GOOD["kit-multiple"], "response": ["apple", "chair"]}}
    _, old, _ = _score(tmp_path, bank_dir, _document(GOOD), capsys)
    code, new, err = _score(tmp_path, bank_dir, _document(now, version=2), capsys)
    assert code == 0 and err == "" and new == old


def test_a_version_3_file_names_its_learner_and_scores_as_its_version_2_twin(tmp_path, bank_dir, capsys):
    now = {**GOOD, "kit-single": {**GOOD["kit-single"], "response": "image-tag", "saved_at": "2026-03-01T09:00:00Z"},
           "kit-multiple": {**GOOD["kit-multiple"], "response": ["apple", "chair"]}}
    _, old, _ = _score(tmp_path, bank_dir, _document(now, version=2), capsys)
    code, new, err = _score(tmp_path, bank_dir, _document(now, version=3, learner="Ana Silva"), capsys)
    assert code == 0 and err == ""
    assert new == old.replace("answers.json (no learner name)", "answers.json from Ana Silva")
    read = score.read_answers(tmp_path / "answers.json", load_bank(bank_dir))
    assert read.learner == "Ana Silva"
    assert read.answered_at["kit-single"] == "2026-03-01T09:00:00Z", "an answer's own time"
    assert read.answered_at["kit-numeric"] == "2026-03-01T10:00:00.000Z", "else the file's"


def test_an_empty_answers_file_scores_nothing(tmp_path, bank_dir, capsys):
    code, out, _ = _score(tmp_path, bank_dir, _document({}), capsys)
    assert code == 0 and "Total: 0 of 0 auto-graded exercises correct." in out


BAD = {
    "not JSON": ("{'format': ", r"is not valid JSON \(line 1, column 2"),
    "not text": (b"\xff\xfe\x00{", r"is not text \(UTF-8\)"),
    "a list": ([1, 2], r"not a coursekit answers file"),
    "another format": (_document({}, format="quiz-answers"), r"not a coursekit answers file"),
    "a newer version": (_document({}, version=4), r"has version 4; this scorer reads versions 1, 2 and 3"),
    "a learner as a list": (_document({}, version=3, learner=["Ana"]), r"\"learner\" must be a name or id on one line"),
    "a learner on two lines": (_document({}, version=3, learner="Ana\nBob\x00"), r"\"learner\" must be a name"),
    "an answer's time as a number": (_document({"kit-numeric": {"type": "numeric", "response": "1", "saved_at": 5}}, version=3),
                                     r"exercise \"kit-numeric\": \"saved_at\" must be a date and time as text"),
    "no answers": (_document([]), r"no \"answers\" object"),
    "a numeric date": (_document({}, saved_at=20260301), r"\"saved_at\" must be a date and time as text"),
    "an unknown id": (_document({"kit-essay": {"type": "reflection", "response": "x"}}), r"unknown exercise id \"kit-essay\""),
    "an entry that is text": (_document({"kit-single": "0"}), r"exercise \"kit-single\": the entry must be an object"),
    "the wrong type": (_document({"kit-single": {"type": "numeric", "response": "0"}}), r"its type should be \"single_choice\""),
    "a choice out of range": (_document({"kit-single": {"type": "single_choice", "response": 5}}),
                              r"one of the choice ids \['image-tag', 'plain-text'\], or null"),
    "a true choice": (_document({"kit-single": {"type": "single_choice", "response": True}}), r"one of the choice ids"),
    "choices as text": (_document({"kit-multiple": {"type": "multiple_choice", "response": "0,1"}}), r"list of choice ids"),
    "an unknown choice id": (_document({"kit-single": {"type": "single_choice", "response": "maybe"}}, version=2),
                             r"one of the choice ids"),
    "an index in version 2": (_document({"kit-multiple": {"type": "multiple_choice", "response": [0]}}, version=2),
                              r"list of choice ids"),
    "a number as a number": (_document({"kit-numeric": {"type": "numeric", "response": 3.5}}), r"must be text"),
    "too few positions": (_document({"kit-ordering": {"type": "ordering", "response": [1, 2, 3]}}), r"list of 4 positions from 1 to 4"),
    "position zero": (_document({"kit-ordering": {"type": "ordering", "response": [0, 1, 2, 3]}}), r"positions from 1 to 4"),
    "a category by name": (_document({"kit-categorising": {"type": "categorising", "response": ["Direct", 1, 0, 1]}}),
                           r"list of 4 category numbers from 0 to 1"),
    "a reflection as a list": (_document({"kit-reflection": {"type": "reflection", "response": ["a"]}}), r"must be text"),
    "a huge file": (json.dumps(_document({"kit-reflection": {"type": "reflection", "response": "x" * 1_000_001}})),
                    r"larger than 1 MB"),
    "deep nesting": ("[" * 200_000 + "]" * 200_000, r"nested too deeply|not a coursekit"),
    "a giant number": ('{"format": "coursekit-answers", "version": ' + "9" * 5000 + "}", r"not usable JSON"),
}


@pytest.mark.parametrize("kind", BAD)
def test_an_unsound_file_gets_one_clear_line_and_a_failing_exit(tmp_path, bank_dir, capsys, kind):
    content, message = BAD[kind]
    code, out, err = _score(tmp_path, bank_dir, content, capsys)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"error: {tmp_path / 'answers.json'}: ")
    assert "Traceback" not in err
    assert re.search(message, err), err


def test_a_missing_file_gets_one_line(tmp_path, bank_dir, capsys):
    assert score.main([str(tmp_path / "nowhere.json"), "--bank", str(bank_dir)]) == 1
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'nowhere.json'}: cannot read the file")


def test_the_command_line_scores_against_the_course_bank(tmp_path):
    bank = load_bank()
    numeric = next(ex for ex in bank.values() if ex.type == "numeric")
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(_document({numeric.id: {"type": "numeric", "response": f"{numeric.answer:g}"}})), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "coursekit.exercises.score", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "Total: 1 of 1 auto-graded exercise correct." in run.stdout
    path.write_text("nonsense", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "coursekit.exercises.score", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def test_the_command_line_speaks_french_when_asked(tmp_path):
    """``--language fr``: the report's words, the verdicts, the kit's messages, the exercise's texts from the French bank
    and the error line are French (run as a command, whose module is __main__, not the one the kit translates)."""
    bank = load_bank()
    graded = next(ex for ex in bank.values() if ex.type == "single_choice" and not ex.assessment)
    wrong = next(c for c in graded.choices if not c.correct)
    reflection = next(ex for ex in bank.values() if not ex.auto_graded)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(_document({graded.id: {"type": graded.type, "response": wrong.id},
                                          reflection.id: {"type": reflection.type, "response": ""}},
                                         version=3, learner="Ana")), encoding="utf-8")

    def run(*options):
        return subprocess.run([sys.executable, "-m", "coursekit.exercises.score", str(path), *options],
                              capture_output=True, text=True, cwd=ROOT)

    english, french = run(), run("--language", "fr")
    assert english.returncode == french.returncode == 0, french.stderr
    assert "Answers in answers.json from Ana, saved 2026-03-01T10:00:00.000Z: 2 exercise(s)" in english.stdout
    assert "Total: 0 of 1 auto-graded exercise correct; 1 reflection not auto-graded." in english.stdout
    lines = french.stdout.splitlines()
    assert lines[0] == "Réponses dans answers.json (apprenant\u00a0: Ana), enregistrées le 2026-03-01T10:00:00.000Z\u00a0: 2 exercice(s)"
    assert lines[2].split() == ["exercice", "leçon", "type", "verdict"]
    assert lines[3].split()[-1] == "incorrect" and "(rien d'écrit)" in french.stdout
    with i18n.using("fr"):
        feedback = next(c for c in load_bank()[graded.id].choices if c.id == wrong.id).feedback
    assert feedback and f"    Pas tout à fait. {feedback}" in lines, "the kit's message and the French bank's feedback"
    assert lines[-1] == ("Total\u00a0: 0 réponse(s) juste(s) sur 1 exercice noté automatiquement\u202f; "
                         "1 réflexion non notée automatiquement.")
    path.write_text('{"format": "quiz"}', encoding="utf-8")
    refused = run("--language", "fr")
    assert refused.returncode == 1 and refused.stdout == "" and refused.stderr == (
        f"erreur\u00a0: {path}\u00a0: ce n'est pas un fichier de réponses coursekit (son «\u202fformat\u202f» devrait être "
        "«\u202fcoursekit-answers\u202f»)\n")
