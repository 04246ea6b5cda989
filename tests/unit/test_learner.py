"""A learner names their work once and hands in all their answers of the course in one file, from Jupyter too."""

from __future__ import annotations

import json

import pytest

from coursekit.exercises import learner, progress, static
from coursekit.exercises.score import read_answers


def test_the_whole_course_file_is_named_after_the_learner_by_the_pages_rule():
    assert learner.file_name("Ana Silva") == "answers-course-Ana-Silva.json"
    assert learner.file_name("  ../José / 42 ") == "answers-course-Jos-42.json"
    assert learner.file_name("") == "answers-course.json"
    assert static.page_data()["answers"]["file_slug"] == static.FILE_SLUG, "the page gets the same rule"


def test_the_book_face_is_a_frame_the_page_fills_and_loads_the_kit(every_type):
    html = learner.panel_html()
    assert static.PANEL_MARKER in html and static.MARKER not in html
    assert "Jupyter" in html, "before the script runs, it says where the panel works"


def test_the_page_data_lists_every_exercise_of_the_bank_with_its_type(every_type):
    known = static.page_data(every_type)["answers"]["known"]
    assert known == {ex_id: ex.type for ex_id, ex in every_type.items()}


def test_the_live_panel_keeps_the_name_and_saves_every_answer_in_one_named_file(progress_dir, tmp_path, every_type_dir):
    progress.save_answer("kit-numeric", {"type": "numeric", "response": "3,5", "status": "correct"})
    progress.save_answer("kit-reflection", {"type": "reflection", "response": "We would listen."})
    box = learner.panel(folder=tmp_path).widget
    assert "2 answers" in box.children[1].value and str(progress.progress_file()) in box.children[1].value
    box.name.value = "Ana Silva"
    assert progress.load_learner() == "Ana Silva" and "Ana Silva" in box.status.value
    box.save(None)
    written = tmp_path / "answers-course-Ana-Silva.json"
    assert written.name in box.status.value and "Download" in box.status.value
    from coursekit.exercises import load_bank

    answers = read_answers(written, load_bank(every_type_dir))
    assert answers.learner == "Ana Silva" and set(answers.responses) == {"kit-numeric", "kit-reflection"}


def test_a_name_too_long_is_refused_with_a_message_and_the_old_one_kept(progress_dir, tmp_path):
    box = learner.panel(folder=tmp_path).widget
    box.name.value = "Ana"
    box.name.value = "A" * (progress.LEARNER_MAX + 1)
    assert "at most" in box.status.value and progress.load_learner() == "Ana"


def test_a_folder_that_cannot_be_written_gets_a_message_not_a_crash(progress_dir, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    box = learner.panel(folder=blocker / "inside").widget
    box.save(None)
    assert "could not be saved" in box.status.value


def test_a_learner_panel_in_a_notebook_shows_both_faces(progress_dir):
    from coursekit.exercises import learner_panel

    bundle = learner_panel()._repr_mimebundle_()
    assert bundle["text/html"] == learner.panel_html()
    assert "application/vnd.jupyter.widget-view+json" in bundle
