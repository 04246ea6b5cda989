"""The author's preview builds with the one set of build flags (coursekit.build.FLAGS) and knows what a save needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit import preview
from coursekit.build import FLAGS


def test_the_preview_builds_with_the_strict_flags_of_every_build():
    options = preview.build_options(FLAGS)
    assert options["warningiserror"] and options["keep_going"] and options["confoverrides"] == {"nitpicky": True}
    assert preview.build_options(()) == {"warningiserror": False, "keep_going": False, "confoverrides": {}}


def test_a_build_flag_the_preview_does_not_know_stops_it():
    with pytest.raises(ValueError, match="--fresh-env"):
        preview.build_options((*FLAGS, "--fresh-env"))


def test_a_lesson_rebuilds_in_the_same_application_and_the_configuration_starts_a_new_one():
    book = Path("/book")
    assert not preview.needs_new_app(book, [book / "chapters" / "2-contact" / "2-1-weak-link.ipynb"])
    assert preview.needs_new_app(book, [book / "_config.yml"])
    assert preview.needs_new_app(book, [book / "_toc.yml"])
    assert preview.needs_new_app(book, [book / "_templates" / "layout.html"])
    assert preview.needs_new_app(book, [book / "_assets" / "charts.css"])
