"""Every word the exercise kit shows a learner, outside the bank: one catalogue for both faces.

The messages of each exercise type live with its definition (``kinds/<type>.py``); the ones
here are shared: reading numbers, and the page's toolbar, hints and downloads. The page script
receives all of them through the page data (``static.page_data``) and never types one itself.

A message may hold ``{name}`` slots, filled by ``fill`` here and by the same rule on the page.
A message that depends on a count comes as a pair ``{"one": …, "other": …}``; ``PLURAL_ONE``
lists the counts that take the ``one`` form (English: 1 only).
"""

from __future__ import annotations

import re

PLURAL_ONE = [1]  # refilled in place by coursekit.i18n.use (French: [0, 1])

NUMBER_MESSAGES = {
    "empty": "Please enter a number, e.g. 3.5 or 3,5.",
    "not_a_number": "Please enter a number with the digits 0 to 9, e.g. 3.5 or 3,5 (no words or other signs).",
    "two_marks": "Please use one decimal mark only: a point (3.5) or a comma (3,5).",
    "too_long": "That is too long for an answer here: please enter a short number, e.g. 3.5.",
    "too_large": "That number is too large to be an answer here: please check it.",
}

# Shown by both faces.
SHARED = {
    "check": "Check my answer",
    "show_hint": "Show a hint",
    "hide_hint": "Hide the hint",
    "hint": "Hint: {hint}",
    "kicker": "Exercise · {label}",
    "from_chart": "From the chart: {chart}",
    "your_answer": "Your answer",
    "offline_note": "To check your answer, run this cell in Jupyter or open this page in the course book.",
    "not_saved": "Your answer could not be saved in {path} ({reason}); checking still works.",
    "learner_label": "Your name or learner id (optional)",
    "learner_help": "Written into your answers files so that your trainer knows whose they are. Leave it empty to stay anonymous.",
    "learner_invalid": "A name or id is one line of at most {limit} characters: please shorten it.",
    "learner_saved": "Saved: your answers files now carry \u201c{learner}\u201d.",
    "learner_cleared": "Saved: your answers files are now anonymous.",
}

# Shown only by the page script (the book).
PAGE = {
    "storage_warning": "This browser does not let the page keep your answers (private browsing or full storage): "
                       "they will be lost when you leave, unless you use \u201cDownload my answers\u201d below the last exercise.",
    "toolbar_title": "Your answers on this page",
    "download_json": "Download my answers",
    "download_markdown": "Download as Markdown",
    "reset": "Reset my answers",
    "reset_confirm": "Yes, erase my answers",
    "reset_ask": "This erases every answer on this page, also from this browser's storage. "
                 "Press \u201cYes, erase my answers\u201d to confirm.",
    "reset_done": "Your answers on this page have been erased.",
    "downloading": "Your answers are downloading as {name}.",
    "course_title": "All your answers in this course",
    "download_course": "Download all my answers (whole course)",
    "course_file_name": "answers-course",  # + "-{learner}" when a name is given, + ".json"
    "course_count": {"one": "This browser holds {count} answer from this course.",
                     "other": "This browser holds {count} answers from this course."},
    "downloading_course": {"one": "Your {count} answer from the whole course is downloading as {name}.",
                           "other": "Your {count} answers from the whole course are downloading as {name}."},
    "course_left_out": {"one": "{count} saved answer to an exercise that is no longer in the course was left out.",
                        "other": "{count} saved answers to exercises that are no longer in the course were left out."},
    "panel_offline": "Open this page in the course book to give your name and download all your answers at once; "
                     "in Jupyter, run this cell.",
    "file_name": "answers-{page}",  # + ".json" or ".md"; {page} is the page's file name
    "md_title": "# My answers: {title}",
    "md_saved": "Saved {saved_at} from {url}.",
    "md_learner": "Learner: {learner}",
    "md_exercise": "Exercise `{id}` ({kicker})",
    "md_answer": "My answer:",
    "md_result": "Result: {result}",
    "md_none_chosen": "(none)",
    "md_empty": "No exercise on this page has an answer yet.",
    "result_correct": "Correct",
    "result_incorrect": "Not quite",
    "result_invalid": "Not complete",
    "result_ungraded": "Compared with the notes (not marked)",
    "result_unchecked": "Not checked yet",
}

# Shown only by the live forms (Jupyter).
LIVE = {
    "progress_count": {"one": "Your progress file holds {count} answer: {path}",
                       "other": "Your progress file holds {count} answers: {path}"},
    "export": "Save all my answers in this folder",
    "exported": "Saved as {name} in {folder}. Download it from the file browser (right-click it, then Download) "
                "and hand it in: it holds every answer you gave in this course's notebooks.",
    "not_exported": "Your answers could not be saved as {name} ({reason}).",
}

_SLOT = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, **values: object) -> str:
    """The template with each ``{name}`` replaced by its value; one pass, so a value's own braces stay as typed."""
    return _SLOT.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


def plural(forms: dict[str, str], count: int, **values: object) -> str:
    """The form of a counted message that fits ``count``, filled."""
    return fill(forms["one" if count in PLURAL_ONE else "other"], count=count, **values)
