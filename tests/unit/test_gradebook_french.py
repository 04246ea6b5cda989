"""The class report in French (``--language fr``): every word of the report's table in French, none of its English
left, the bank's French texts, numbers in French form; the English report stays as it was."""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import re

import pytest

from coursekit import i18n
from coursekit.exercises.model import default_bank, load_bank
from coursekit.exercises.kinds import BY_TYPE
from coursekit.exercises.score import FILE_ERRORS
from coursekit.gradebook import COMMAND, CSV_NAME
from coursekit.gradebook.__main__ import main
from coursekit.gradebook.practice import ERRORS as SCORES_ERRORS, ScoresError, read_scores
from coursekit.gradebook.report import REPORT, REPORT_NAME

from helpers import HOSTILE_FILES, class_folder

SLOT = re.compile(r"\{[a-z_]+\}")
LETTER = re.compile(r"[^\W\d_]")
EXPORT_HEAD = "assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,late_submission_penalty,score,max_score\n"


def _forms(value):
    return list(value.values()) if isinstance(value, dict) else [value]


def _pieces(template: str) -> list[str]:
    """The fixed words of a message: its text between slots, where it holds a letter."""
    return [piece.strip() for piece in SLOT.split(template) if LETTER.search(piece)]


def _chart_specs(page: str) -> list[dict]:
    """The Vega-Lite spec of every chart of a report page."""
    decoder = json.JSONDecoder()
    return [decoder.raw_decode(page, match.end())[0] for match in re.finditer(r'vegaEmbed\("#chart-\d+", ', page)]


def _chart_words(spec) -> list[str]:
    """The words a chart shows: titles (of the chart, its axes, tooltips), its description and its data's labels."""
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("title", "description") and isinstance(value, str):
                found.append(value)
            elif key == "values" and isinstance(value, list):
                found += [v for row in value for k, v in row.items() if k in ("group", "band")]
            else:
                found += _chart_words(value)
    elif isinstance(spec, list):
        for item in spec:
            found += _chart_words(item)
    return found


def _shown(page: str, drop_data: bool = False) -> str:
    """What a reader sees: the page's text and attributes' words, the charts' words and the message a chart that
    cannot be drawn shows. With ``drop_data``, what comes from the files rather than from the report (learners'
    names, files' paths and why they were not read, the marks' problems, reflection texts) is left out."""
    words = [w for spec in _chart_specs(page) for w in _chart_words(spec)]
    words += [json.loads(m) for m in re.findall(r'textContent = ("(?:[^"\\]|\\.)*")', page)]
    body = re.sub(r"<script.*?</script>|<style>.*?</style>", " ", page, flags=re.S)
    if drop_data:
        body = re.sub(r"<th scope=\"row\">.*?</th>|<code>.*?</code>|<blockquote>.*?</blockquote>|<ul class=\"mark-problems\">.*?</ul>"
                      r"|<tr><td><code>.*?</tr>|<li><strong>[^<]*</strong><blockquote>", " ", body, flags=re.S)
    body = re.sub(r'<[^>]*\b(?:aria-label|title)="([^"]*)"[^>]*>', r" \1 ", body)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body)) + "\n" + "\n".join(words)
    if drop_data:  # the exercises' ids, in the charts' descriptions too
        text = re.sub("|".join(sorted(map(re.escape, default_bank()), key=len, reverse=True)), " ", text)
    return text


def _one_learner(folder, bank):
    """A class of one: one auto-graded answer and one reflection (the counted messages' other forms)."""
    graded = next(ex for ex in bank.values() if ex.type == "single_choice" and not ex.assessment)
    reflection = next(ex for ex in bank.values() if not ex.auto_graded)
    wrong = next(c for c in graded.choices if not c.correct)
    doc = {"format": "coursekit-answers", "version": 3, "saved_at": "2026-11-20T10:00:00Z", "learner": "Solo",
           "answers": {graded.id: {"type": graded.type, "response": wrong.id, "saved_at": "2026-11-20T10:00:00Z"},
                       reflection.id: {"type": reflection.type, "response": "Une réponse.", "saved_at": "2026-11-20T10:00:00Z"}}}
    (folder / "solo.json").write_text(json.dumps(doc), encoding="utf-8")


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The same classes reported in English and in French: a class of about 30 with a roster, bad files, marks and
    nbgrader's scores; a class of one, given a marks file that is not a gradebook; an empty folder, given one that is
    not text. Returns {language: [page text, …]} and the full class's
    folders."""
    bank = default_bank()
    base = tmp_path_factory.mktemp("french")
    full, solo, empty = base / "full", base / "solo", base / "empty"
    for folder in (full, solo, empty):
        folder.mkdir()
    class_folder(full, bank)
    for name, (content, _) in HOSTILE_FILES.items():
        (full / name).write_bytes(content)
    _one_learner(solo, bank)
    roster = base / "roster.txt"
    roster.write_text("Learner 00\nSomeone Who Sent Nothing\n", encoding="utf-8")
    grades = base / "grades.csv"
    grades.write_text(EXPORT_HEAD + "ps1,None,2026-11-20 10:00:00,Learner 00,None,None,None,7.5,0.0,7.5,10\n"
                      "ps1,None,,Learner 01,None,None,None,,0.0,,10\n", encoding="utf-8")
    assert main([str(full), "--out", str(base / "first"), "--roster", str(roster)]) == 0
    table = list(csv.reader(io.StringIO((base / "first" / CSV_NAME).read_text(encoding="utf-8"))))
    reflection = next(ex for ex in bank.values() if not ex.auto_graded)
    column = next(n for n, name in enumerate(table[0]) if name.startswith(f"{reflection.id} rubric mark"))
    wrote = [row for row in table[1:] if row[table[0].index(f"{reflection.id} words")]]  # marks shown beside answers
    wrote[0][column], wrote[1][column] = "strong", "very good"
    marked = base / "marked.csv"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(table)
    marked.write_text(buffer.getvalue(), encoding="utf-8")
    not_a_gradebook, not_text = base / "notes.csv", base / "binary.csv"  # marks files that cannot be read
    not_a_gradebook.write_text("name,mark\nSolo,strong\n", encoding="utf-8")
    not_text.write_bytes(b"\xff\xfe\x00bad")
    pages, printed = {}, {}
    for language in ("en", "fr"):
        runs = [[str(full), "--roster", str(roster), "--marks", str(marked), "--nbgrader", str(grades)],
                [str(solo), "--marks", str(not_a_gradebook)], [str(empty), "--marks", str(not_text)]]
        pages[language], said = [], io.StringIO()
        for n, run in enumerate(runs):
            out = base / f"{language}-{n}"
            with contextlib.redirect_stdout(said):
                assert main([*run, "--out", str(out), "--language", language]) == 0
            pages[language].append((out / REPORT_NAME).read_text(encoding="utf-8"))
        printed[language] = said.getvalue()
        assert i18n.active() == "en", "the kit speaks English again after a French report"
    return pages, base, printed


def test_every_french_word_of_the_report_table_is_shown(reports):
    pages, _, _ = reports
    with i18n.using("fr"):
        french = {key: _forms(value) for key, value in REPORT.items()}
    shown = "\n".join(_shown(page) for page in pages["fr"])
    missing = [(key, piece) for key, forms in french.items() if key != "lang" for form in forms for piece in _pieces(form)
               if piece not in shown]
    assert not missing, missing


def test_no_english_word_of_the_report_table_is_left_in_french(reports):
    pages, _, _ = reports
    english = {key: _forms(value) for key, value in REPORT.items()}
    with i18n.using("fr"):
        french = {key: _forms(value) for key, value in REPORT.items()}
    shown = "\n".join(_shown(page, drop_data=True) for page in pages["fr"])
    left = []
    for key, forms in english.items():
        if key == "lang":  # the page's <html lang>, below
            continue
        french_pieces = {piece for form in french[key] for piece in _pieces(form)}
        for piece in {piece for form in forms for piece in _pieces(form)} - french_pieces:
            if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", shown):
                left.append((key, piece))
    assert not left, left
    assert all(re.search(r'<html lang="en">', page) for page in pages["en"])
    assert all(re.search(r'<html lang="fr">', page) for page in pages["fr"])
    assert "<title>Rapport de classe" in pages["fr"][0]


def test_the_french_report_has_the_bank_in_french(reports):
    pages, _, _ = reports
    english_bank = default_bank()
    with i18n.using("fr"):
        french_bank = load_bank()
        strong = next(ex for ex in french_bank.values() if not ex.auto_graded).RUBRIC_LEVELS["strong"]
        labels = {ex.LABEL for ex in french_bank.values() if ex.auto_graded}
    page = html.unescape(pages["fr"][0])
    reflections = [ex_id for ex_id, ex in english_bank.items() if not ex.auto_graded]
    translated = [ex_id for ex_id in reflections if french_bank[ex_id].prompt != english_bank[ex_id].prompt]
    assert translated, "the French bank translates the reflections' prompts"
    for ex_id in translated:
        assert french_bank[ex_id].prompt in page and english_bank[ex_id].prompt not in page, ex_id
    assert strong == "Solide" and f"<strong>{strong}</strong>" in page, "the rubric's levels in the kit's French"
    english_labels = {ex.LABEL for ex in english_bank.values() if ex.auto_graded}
    assert all(f"<td>{label}</td>" in page for label in labels - english_labels), "the exercise types' names"
    assert not any(f"<td>{label}</td>" in page for label in english_labels - labels)


def test_numbers_in_the_french_report_are_in_french_form(reports):
    pages, _, _ = reports
    english, french = pages["en"][0], pages["fr"][0]
    assert "<td>7.5</td>" in english and "<td>7,5</td>" in french, "nbgrader's score with a decimal comma"
    shown = _shown(french)
    assert re.search(r"\d\u202f%", shown), "a narrow no-break space before %"
    assert not re.search(r"\d[ \u00a0]%", shown), "no ordinary space before % in French"
    assert "0–9\u202f%" in shown and "90–100\u202f%" in shown, "the score bands"
    specs = _chart_specs(french)
    assert specs and all(spec["config"]["locale"]["number"]["decimal"] == "," for spec in specs), "Vega's numbers"
    assert all("locale" not in spec.get("config", {}) for spec in _chart_specs(english)), "English keeps Vega's default"


def test_the_english_report_keeps_its_words(reports):
    pages, _, _ = reports
    page = pages["en"][0]
    for text in ("<title>Class report: Social business in practice</title>", "answered, ", "not submitted", "no file",
                 "The chart could not be drawn: ", "file(s) could not be read: ask the learner"):
        assert text in page, text


def test_the_csv_column_names_do_not_change_with_the_language(reports):
    _, base, _ = reports
    english = (base / "en-0" / CSV_NAME).read_text(encoding="utf-8").split("\n", 1)[0]
    french = (base / "fr-0" / CSV_NAME).read_text(encoding="utf-8").split("\n", 1)[0]
    assert english == french and english.startswith("learner,files,last answer,diagnostic (of ")


def test_an_unknown_language_is_refused_with_the_choices(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main([str(tmp_path), "--out", str(tmp_path / "out"), "--language", "de"])
    assert stop.value.code == 2
    error = capsys.readouterr().err
    assert "--language" in error and "'de'" in error and "'fr'" in error
    assert not (tmp_path / "out").exists()


def _english_and_french(table) -> tuple[dict, dict]:
    """A table of messages (made by ``table()``, which reads the kit's tables) in English and in French."""
    english = {key: _forms(value) for key, value in table().items()}
    with i18n.using("fr"):
        french = {key: _forms(value) for key, value in table().items()}
    assert english != french
    return english, french


def _left_in_english(text: str, english: dict, french: dict) -> list:
    """The fixed words of an English message (not also in its French) that the text shows."""
    return [(key, piece) for key, forms in english.items() for piece in {p for form in forms for p in _pieces(form)}
            - {p for form in french[key] for p in _pieces(form)} if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text)]


def test_why_a_file_could_not_be_read_is_said_in_french(reports):
    pages, _, _ = reports
    rows = {language: dict(re.findall(r"<tr><td><code>([^<]*)</code></td><td>([^<]*)</td></tr>", pages[language][0]))
            for language in pages}
    assert set(rows["fr"]) == set(rows["en"]) == set(HOSTILE_FILES), "every bad file listed in both reports"
    # The reasons: the scorer's, each type's for a response of the wrong shape, and the gradebook's own.
    english, french = _english_and_french(lambda: {**FILE_ERRORS, "not_json": REPORT["not_json"],
                                                   **{name: kind.RESPONSE_PROBLEM for name, kind in BY_TYPE.items()}})
    for name, reason in rows["fr"].items():
        reason = html.unescape(reason)
        assert reason != html.unescape(rows["en"][name]), name
        file_words = re.sub(r'"[^"]*"|\[[^\]]*\]', " ", reason)  # the file's own ids and values, as the reason quotes them
        assert not _left_in_english(file_words, english, french), (name, reason)
    assert "n'est pas du JSON valide (ligne 1, colonne 2" in html.unescape(rows["fr"]["not-json.json"])
    assert "l'un des identifiants de choix" in html.unescape(rows["fr"]["wrong-shape.json"])
    assert "seuls les fichiers de réponses .json sont lus" in html.unescape(rows["fr"]["answers-page.md"])


def test_the_command_says_what_it_did_in_french(reports):
    _, base, printed = reports
    english, french = _english_and_french(lambda: COMMAND)
    assert printed["en"].count("wrote ") == 6 and printed["fr"].count("écrit\u00a0: ") == 6, printed["fr"]
    assert re.search(r"^\d+ fichier\(s\) lu\(s\), de \d+ apprenant\(s\)\u202f; \d+ illisible", printed["fr"], re.M)
    assert "note(s) de séries d'exercices venant de nbgrader" in printed["fr"]
    assert not _left_in_english(printed["fr"].replace(str(base), " "), english, french), printed["fr"]


def test_the_command_s_errors_are_said_in_french(tmp_path, capsys):
    not_text = tmp_path / "grades.csv"
    not_text.write_bytes(b"\xff\xfe\x00bad")
    english, french = _english_and_french(lambda: {**COMMAND, **SCORES_ERRORS})
    for run in ([str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")],
                [str(tmp_path), "--out", str(tmp_path / "out"), "--nbgrader", str(not_text)],
                [str(tmp_path), "--out", str(tmp_path / "out"), "--roster", str(not_text)]):
        assert main([*run, "--language", "fr"]) == 1
        said = capsys.readouterr()
        assert said.out == "" and said.err.startswith("erreur\u00a0: ") and said.err.count("\n") == 1, said.err
        assert not _left_in_english(said.err.replace(str(tmp_path), " "), english, french), said.err
        assert main(run) == 1
        assert capsys.readouterr().err.startswith("error: "), "English without --language"
    with i18n.using("fr"), pytest.raises(ScoresError, match="ne peut pas être lu comme du texte UTF-8"):
        read_scores(not_text)
