"""The course is open: MIT for the code, CC BY 4.0 for the text and exercises, honest licences per table,
a citation file that validates, and one setting for the repository and launch links."""

from __future__ import annotations

import copy
import json
import re

import jsonschema
import pytest
import yaml
from sphinx.errors import ConfigError

from coursekit import repository
from helpers import FIXTURES, ROOT

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
MIT = "https://opensource.org/license/mit"
# The Citation File Format 1.2.0 schema, copied from the cffconvert 2.0.0 wheel (see tests/fixtures/cff/README.md).
CFF_SCHEMA = FIXTURES / "cff" / "schema-1.2.0.json"


def _config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def test_the_code_is_under_the_mit_licence():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "Copyright (c) 2026 The course authors" in text
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["license"] == "MIT"
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][""]["license"] == "MIT"


def test_the_text_and_exercises_are_under_cc_by_4_0_with_what_it_does_not_cover():
    text = (ROOT / "LICENSE-content.md").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International" in text and CC_BY in text
    assert "exercises" in text and "[`LICENSE`](LICENSE)" in text
    assert "publishers" in text  # third-party figures and words stay their owners'


def test_the_readme_and_every_page_footer_state_both_licences():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "LICENSE-content.md" in readme and "CC BY 4.0" in readme and "MIT" in readme
    footer = _config()["html"]["extra_footer"]
    assert f'href="{CC_BY}"' in footer and f'href="{MIT}"' in footer
    assert not re.search(r"<(?:img|script|link|iframe)\b", footer), "the footer must load nothing from another host"


def test_each_table_states_its_licence_honestly():
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert {lic["name"] for lic in package["licenses"]} == {"CC-BY-4.0", "other-at"}
    for table in package["resources"]:
        licences = table.get("licenses")
        assert licences and len(licences) == 1, f"{table['name']}: one licence entry"
        own = table["name"].startswith("course_") or table.get("verification") == "simulated"
        licence = licences[0]
        if own:
            assert licence["name"] == "CC-BY-4.0" and licence["path"] == CC_BY, table["name"]
        else:
            assert licence["name"] == "other-at", f"{table['name']} quotes others' figures: not CC BY alone"
            assert "attribution" in licence["title"] and "publishers" in licence["title"], table["name"]


def _cff_errors(citation: dict) -> list[str]:
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, error.path))}: {error.message}" for error in validator.iter_errors(citation)]


def _citation() -> dict:
    # CITATION.cff has no dates: YAML would read them as date objects, which the JSON schema does not take.
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_the_citation_file_validates_against_cff_1_2_0():
    citation = _citation()
    assert citation["cff-version"] == "1.2.0"
    assert _cff_errors(citation) == []
    assert citation["title"] == _config()["title"]
    assert sorted(citation["license"]) == ["CC-BY-4.0", "MIT"]


def test_the_citation_check_would_see_a_broken_file():
    broken = copy.deepcopy(_citation())
    del broken["authors"]
    broken["license"] = "Course-Own-Licence"
    errors = _cff_errors(broken)
    assert any("'authors' is a required property" in e for e in errors)
    assert any(e.startswith("license:") for e in errors)


def test_an_empty_repository_setting_turns_every_repository_and_launch_button_off():
    config = _config()
    assert config["repository"]["url"] == ""  # the default build links to no repository
    options = repository.theme_options({"repository_url": "", "launch_buttons": config["launch_buttons"]})
    assert not any(options[button] for button in repository.BUTTONS)
    assert not any(options["launch_buttons"].get(key) for key in repository.LAUNCH_URLS)
    # Jupyter Book's own placeholder, filled in when _config.yml has no repository block, counts as empty.
    placeholder = repository.theme_options({"repository_url": repository.JUPYTER_BOOK_DEFAULT})
    assert placeholder["repository_url"] == "" and not placeholder["use_repository_button"]


def test_a_repository_url_turns_them_all_on():
    launch = {"binderhub_url": "https://mybinder.org", "jupyterhub_url": "https://hub.example.edu"}
    options = repository.theme_options({"repository_url": "https://gitlab.com/org/course/", "launch_buttons": launch})
    assert options["repository_url"] == "https://gitlab.com/org/course"
    assert all(options[button] for button in repository.BUTTONS)
    assert options["launch_buttons"] == launch


@pytest.mark.parametrize("url", ["github.com/org/course", "https://github.com/org", "https://example.org/org/course",
                                 "https://github.com/org/course/tree/main"])
def test_a_repository_url_the_buttons_cannot_use_is_refused_naming_the_setting(url):
    with pytest.raises(ConfigError, match=r"repository\.url in _config\.yml must be .*https://github\.com/ORG/REPO"):
        repository.theme_options({"repository_url": url})


def test_binder_and_jupyterhub_images_can_be_built_from_the_requirements():
    assert (ROOT / "runtime.txt").read_text(encoding="utf-8") == "python-3.11\n"  # requires-python >= 3.11
    assert re.search(r"^nbgitpuller==[\d.]+$", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M)
