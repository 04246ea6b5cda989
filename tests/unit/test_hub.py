"""The hub set-up (hub/) and its command (coursekit.hub): the link a trainer hands out, the trainer's course,
the learners' answers collected by account, the configuration's promises, and the pins it installs."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest

from coursekit import hub
from coursekit.editions import practice_sets
from coursekit.exercises.model import default_bank
from coursekit.exercises.score import read_answers
from helpers import ROOT

HUB_DIR = ROOT / "hub"
OVERRIDES = {"soupsieve"}  # the hub's pins that replace the course's, each explained in hub/requirements.txt


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith(("#", "-", ".")):
            name, _, version = line.partition("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def test_the_link_clones_the_course_into_its_own_folder_and_opens_it_in_jupyterlab():
    address = hub.link("https://hub.example.edu/", "https://github.com/org/social-business.git", "main",
                       "chapters/course-map.ipynb")
    parts = urlsplit(address)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://hub.example.edu/hub/user-redirect/git-pull"
    assert parse_qs(parts.query) == {
        "repo": ["https://github.com/org/social-business.git"], "branch": ["main"], "targetpath": ["social-business"],
        "urlpath": ["lab/tree/social-business/chapters/course-map.ipynb"],
    }
    under_a_path = hub.link("https://uni.example.edu/jupyter", "git://127.0.0.1:9418/course.git", "course")
    assert under_a_path.startswith("https://uni.example.edu/jupyter/hub/user-redirect/git-pull?")
    assert parse_qs(urlsplit(under_a_path).query)["urlpath"] == ["lab/tree/course"]


@pytest.mark.parametrize("hub_url, repo, branch, says", [
    ("hub.example.edu", "https://github.com/org/course", "main", "the hub's address"),
    ("https://hub.example.edu/?next=x", "https://github.com/org/course", "main", "the hub's address"),
    ("https://hub.example.edu", "file:///srv/course", "main", "an address learners' servers can clone"),
    ("https://hub.example.edu", "/srv/course", "main", "an address learners' servers can clone"),
    ("https://hub.example.edu", "https://github.com/org/course", "my branch", "a branch name"),
])
def test_a_link_that_could_not_work_is_refused_with_the_reason(hub_url, repo, branch, says):
    with pytest.raises(hub.HubError, match=says):
        hub.link(hub_url, repo, branch)


def test_the_command_takes_the_repository_from_the_book_settings_or_asks_for_it(tmp_path, monkeypatch, capsys):
    config = tmp_path / "_config.yml"
    config.write_text("repository:\n  url: https://github.com/org/sbp\n  branch: spring\n", encoding="utf-8")
    assert hub.configured_repository(config) == ("https://github.com/org/sbp", "spring")
    config.write_text("title: x\n", encoding="utf-8")
    assert hub.configured_repository(config) == ("", "main")
    monkeypatch.setattr(hub, "configured_repository", lambda: ("", "main"))
    assert hub.main(["link", "--hub", "https://hub.example.edu"]) == 1
    assert "give --repo URL, or set repository.url in _config.yml" in capsys.readouterr().err
    assert hub.main(["link", "--hub", "https://hub.example.edu", "--repo", "https://github.com/org/sbp"]) == 0
    assert capsys.readouterr().out.strip() == hub.link("https://hub.example.edu", "https://github.com/org/sbp", "main")


def test_a_trainers_course_holds_every_practice_set_and_keeps_their_edits(tmp_path):
    course = tmp_path / "course"
    written = hub.lay_out_course(course)
    assert [p.relative_to(course).as_posix() for p in written] == [
        f"source/{nb.stem}/{nb.name}" for nb in practice_sets()]
    edited = written[0]
    edited.write_text("{}", encoding="utf-8")
    assert hub.lay_out_course(course) == []
    assert edited.read_text(encoding="utf-8") == "{}"


def test_progress_files_are_copied_from_each_home_under_the_account_name(tmp_path, monkeypatch):
    bank = default_bank()
    ex = next(e for e in bank.values() if e.type == "single_choice")
    homes = {}
    for name, learner in (("ana", ""), ("ben", "Benjamin")):
        home = tmp_path / "home" / name
        (home / hub.PROGRESS).parent.mkdir(parents=True)
        (home / hub.PROGRESS).write_text(json.dumps({
            "format": "coursekit-answers", "version": 3, "saved_at": "2026-11-20T10:00:00Z", "learner": learner,
            "answers": {ex.id: {"type": ex.type, "response": ex.choices[0].id, "saved_at": "2026-11-20T10:00:00Z"}}}))
        homes[name] = home
    homes["eva"] = tmp_path / "home" / "eva"  # has not answered yet
    monkeypatch.setattr(hub.pwd, "getpwnam", lambda name: SimpleNamespace(pw_dir=str(homes[name])) if name in homes
                        else (_ for _ in ()).throw(KeyError(name)))
    written, skipped = hub.collect_progress(tmp_path / "answers", ["ana", "ben", "eva", "nobody-here"])
    assert [p.name for p in written] == ["ana.json", "ben.json"]
    assert [line.split(":")[0] for line in skipped] == ["eva", "nobody-here"]
    assert "no answers yet" in skipped[0] and "no such account" in skipped[1]
    for path, account in zip(written, ("ana", "ben")):
        answers = read_answers(path, bank)  # the gradebook's reader takes them as they are
        assert answers.learner == account, "the account is the name the hub and nbgrader know"
        assert ex.id in answers.responses


def test_hub_pins_add_to_the_courses_and_match_the_dev_tools():
    course, dev, hub_pins = _pins(ROOT / "requirements.txt"), _pins(ROOT / "requirements-dev.txt"), _pins(HUB_DIR / "requirements.txt")
    assert set(hub_pins) & set(course) == OVERRIDES, "only the documented overrides may replace a course pin"
    for name in ("nbgrader", "alembic", "mako", "notebook", "rapidfuzz"):
        assert hub_pins[name] == dev[name], f"{name}: the hub and the test tools must grade with the same nbgrader"
    assert re.fullmatch(r"[56]\.\d+\.\d+", hub_pins["jupyterhub"])
    assert course["nbgitpuller"], "the learners' servers pull the course with nbgitpuller (requirements.txt)"
    for name, version in hub_pins.items():
        assert re.fullmatch(r"\d+(\.\d+)*", version), f"{name} is not pinned exactly"


def test_the_proxy_is_pinned_exactly_and_locked():
    package = json.loads((HUB_DIR / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((HUB_DIR / "package-lock.json").read_text(encoding="utf-8"))
    wanted = package["dependencies"]["configurable-http-proxy"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", wanted)
    assert lock["packages"]["node_modules/configurable-http-proxy"]["version"] == wanted


@pytest.fixture
def hub_config(tmp_path, monkeypatch):
    """hub/jupyterhub_config.py loaded as JupyterHub loads it, with its state and exchange in a temporary folder."""
    from traitlets.config import Config

    monkeypatch.setenv("COURSEKIT_HUB_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("COURSEKIT_HUB_EXCHANGE", str(tmp_path / "exchange"))
    monkeypatch.setenv("COURSEKIT_HUB_TRAINERS_GROUP", "teachers")
    config = Config()
    path = HUB_DIR / "jupyterhub_config.py"
    namespace = {"get_config": lambda: config, "__file__": str(path), "__name__": "jupyterhub_config"}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return config, namespace, tmp_path


def test_the_hub_signs_in_system_accounts_of_two_groups_and_runs_their_servers_from_the_hub_environment(hub_config):
    config, _, tmp_path = hub_config
    assert config.JupyterHub.authenticator_class == "pam"
    assert config.LocalAuthenticator.allowed_groups == {"course-learners", "teachers"}
    assert config.LocalAuthenticator.create_system_users is False
    assert config.JupyterHub.spawner_class == "localprocess"
    assert config.Spawner.cmd == [str(HUB_DIR / ".venv" / "bin" / "jupyterhub-singleuser")]
    assert config.ConfigurableHTTPProxy.command == [str(HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy")]
    assert "COURSEKIT_PROGRESS_DIR" not in config.Spawner.environment, "each learner's answers stay in their home"
    assert stat.S_IMODE((tmp_path / "exchange").stat().st_mode) == 0o1777
    assert stat.S_IMODE((tmp_path / "state").stat().st_mode) == 0o700


def test_before_a_server_starts_its_home_is_closed_and_only_trainers_get_the_formgrader(hub_config):
    _, namespace, tmp_path = hub_config
    homes = {name: tmp_path / name for name in ("ana", "tom")}
    for home in homes.values():
        home.mkdir(mode=0o755)
        os.chmod(home, 0o755)
    namespace["pwd"] = SimpleNamespace(getpwnam=lambda name: SimpleNamespace(pw_dir=str(homes[name])), getpwall=lambda: [])
    namespace["grp"] = SimpleNamespace(getgrnam=lambda group: SimpleNamespace(gr_mem=["tom"] if group == "teachers" else [],
                                                                               gr_gid=4242))
    paths = {}
    for name in homes:
        spawner = SimpleNamespace(user=SimpleNamespace(name=name), environment={})
        namespace["before_start"](spawner)
        paths[name] = spawner.environment["JUPYTER_CONFIG_PATH"].split(os.pathsep)
        assert stat.S_IMODE(homes[name].stat().st_mode) == 0o700
    assert paths["tom"][0] == str(HUB_DIR / "jupyter" / "trainer")
    assert paths["ana"][0] == str(HUB_DIR / "jupyter" / "learner")
    learner = json.loads((HUB_DIR / "jupyter" / "learner" / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert learner["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is False
    hidden = json.loads((HUB_DIR / "jupyter" / "learner" / "labconfig" / "page_config.json").read_text(encoding="utf-8"))
    assert hidden["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True


def test_the_kubernetes_values_mount_one_exchange_and_cannot_open_without_a_real_sign_in():
    import yaml

    values = yaml.safe_load((HUB_DIR / "z2jh-values.yaml").read_text(encoding="utf-8"))
    single = values["singleuser"]
    mounts = {m["name"]: m["mountPath"] for m in single["storage"]["extraVolumeMounts"]}
    assert single["extraEnv"]["COURSEKIT_EXCHANGE"] == mounts["nbgrader-exchange"]
    assert values["hub"]["config"]["JupyterHub"]["authenticator_class"] == "CHANGE-ME", \
        "no working default: a hub opened as is must fail to start, not let anyone in"
    assert values["hub"]["config"]["Authenticator"]["allow_all"] is False
    assert single["image"]["tag"] != "latest"
    image, dev = _pins(HUB_DIR / "requirements-image.txt"), _pins(ROOT / "requirements-dev.txt")
    assert image == {name: dev[name] for name in image} and "nbgrader" in image


def test_the_learners_group_lists_its_members_and_those_it_is_primary_for(monkeypatch):
    monkeypatch.setattr(hub.grp, "getgrnam", lambda g: SimpleNamespace(gr_mem=["ben", "ana"], gr_gid=500) if g == "class"
                        else (_ for _ in ()).throw(KeyError(g)))
    monkeypatch.setattr(hub.pwd, "getpwall", lambda: [SimpleNamespace(pw_name="eva", pw_gid=500),
                                                      SimpleNamespace(pw_name="root", pw_gid=0)])
    assert hub.accounts("class") == ["ana", "ben", "eva"]
    with pytest.raises(hub.HubError, match="no Unix group 'other'"):
        hub.accounts("other")
