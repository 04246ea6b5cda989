"""The course on a JupyterHub (``hub/``): the link that hands it out, the trainer's nbgrader course, the answers.

``python -m coursekit.hub link --hub URL [--repo URL] [--branch B] [--open PATH]`` prints the nbgitpuller link:
one click signs the learner in, clones the course into their home the first time and, every later time, pulls
the new commits without overwriting what they changed (nbgitpuller merges; a file they edited keeps their
version). ``--repo`` and ``--branch`` default to ``repository.url`` and ``repository.branch`` of ``_config.yml``.

``python -m coursekit.hub course [DIR]`` lays out a trainer's nbgrader course (default ``~/course``, where the
hub's nbgrader configuration looks): one assignment per practice set, its source notebook with solutions.

``python -m coursekit.hub progress --out DIR [USER ...]`` (run by the server's administrator, as root) copies each
learner's progress file (their live-notebook answers, kept in their own home) into ``DIR/<account>.json``, named
by the account, for ``python -m coursekit.gradebook DIR --nbgrader ~TRAINER/course/gradebook.db``.
"""

from __future__ import annotations

import argparse
import grp
import json
import os
import pwd
import shutil
import sys
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from coursekit import yamlfile
from coursekit.editions import COURSE_ID, practice_sets
from coursekit.paths import ROOT

DEFAULT_BRANCH = "main"
REPO_SCHEMES = ("https", "http", "git", "ssh")  # a file:// path works only for a repository the learner owns
# The learners' Unix group, read from the same setting as hub/jupyterhub_config.py
LEARNERS_GROUP = os.environ.get("COURSEKIT_HUB_LEARNERS_GROUP", "course-learners")
PROGRESS = Path(".local") / "share" / "coursekit" / "progress.json"  # platformdirs.user_data_dir on Linux, in a home
COURSE_DIR = "course"  # a trainer's nbgrader course, in their home (hub/jupyter/trainer/nbgrader_config.py)


class HubError(Exception):
    """A command cannot do what was asked; the message says what to give instead."""


def folder_name(repo: str) -> str:
    """The folder nbgitpuller clones into: the repository's last path part, without ``.git``."""
    name = urlsplit(repo).path.rstrip("/").rsplit("/", 1)[-1]
    return name[:-4] if name.endswith(".git") else name


def link(hub: str, repo: str, branch: str = DEFAULT_BRANCH, open_path: str = "") -> str:
    """The nbgitpuller link that gives a learner their own copy of ``repo`` on ``hub``, opened in JupyterLab."""
    hub_parts = urlsplit(hub.strip())
    if hub_parts.scheme not in ("https", "http") or not hub_parts.netloc or hub_parts.query or hub_parts.fragment:
        raise HubError(f"the hub's address must be like https://hub.example.edu (or with a path), not {hub!r}")
    repo_parts = urlsplit(repo.strip())
    if repo_parts.scheme not in REPO_SCHEMES or not repo_parts.netloc or not folder_name(repo):
        raise HubError(f"the repository must be an address learners' servers can clone ({', '.join(REPO_SCHEMES)}), "
                       f"such as https://github.com/ORG/REPO, not {repo!r}")
    if not branch.strip() or any(ch.isspace() for ch in branch):
        raise HubError(f"the branch must be a branch name, not {branch!r}")
    target = folder_name(repo)
    where = "/".join(part for part in (target, open_path.strip("/")) if part)
    # targetpath is given: nbgitpuller's own default keeps a ".git" ending in the folder's name
    query = urlencode({"repo": repo.strip(), "branch": branch.strip(), "targetpath": target, "urlpath": f"lab/tree/{where}"})
    return f"{hub.strip().rstrip('/')}/hub/user-redirect/git-pull?{query}"


def configured_repository(config: Path = ROOT / "_config.yml") -> tuple[str, str]:
    """The book's ``repository.url`` and ``repository.branch`` (empty url when none is set)."""
    settings = yamlfile.read(config, HubError) or {}
    repository = settings.get("repository") or {}
    return str(repository.get("url") or "").strip(), str(repository.get("branch") or DEFAULT_BRANCH).strip()


def lay_out_course(folder: Path, sets: list[Path] | None = None) -> list[Path]:
    """An nbgrader course in ``folder``: ``source/<set>/<set>.ipynb`` for each practice set; existing files are kept."""
    sets = practice_sets() if sets is None else sets
    if not sets:
        raise HubError("no practice sets (exercises/practice-*.ipynb) to lay out")
    written = []
    for notebook in sets:
        target = folder / "source" / notebook.stem / notebook.name
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(notebook, target)
        written.append(target)
    return written


def accounts(group: str) -> list[str]:
    """The accounts of a Unix group: its listed members and the accounts whose primary group it is."""
    try:
        entry = grp.getgrnam(group)
    except KeyError:
        raise HubError(f"there is no Unix group {group!r}: name the learners' accounts, or give --group") from None
    return sorted(set(entry.gr_mem) | {p.pw_name for p in pwd.getpwall() if p.pw_gid == entry.gr_gid})


def collect_progress(out: Path, users: list[str]) -> tuple[list[Path], list[str]]:
    """Copy each account's progress file into ``out/<account>.json``, its learner set to the account name (the
    name the hub and nbgrader know them by). Returns the files written and, for the others, why not."""
    out.mkdir(parents=True, exist_ok=True)
    written, skipped = [], []
    for user in users:
        try:
            home = Path(pwd.getpwnam(user).pw_dir)
        except KeyError:
            skipped.append(f"{user}: no such account")
            continue
        source = home / PROGRESS
        try:
            document = json.loads(source.read_text(encoding="utf-8"))
        except FileNotFoundError:
            skipped.append(f"{user}: no answers yet ({source})")
            continue
        except PermissionError:
            skipped.append(f"{user}: {source} cannot be read: run this command as root (sudo)")
            continue
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            skipped.append(f"{user}: {source} is not readable JSON ({err}); copy it by hand to see why")
            continue
        if not isinstance(document, dict):
            skipped.append(f"{user}: {source} is not a progress file")
            continue
        document["learner"] = user
        target = out / f"{user}.json"
        target.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(target)
    return written, skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.hub", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make_link = commands.add_parser("link", help="print the nbgitpuller link that hands out the course")
    make_link.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.edu")
    make_link.add_argument("--repo", help="the course repository learners clone (default: repository.url of _config.yml)")
    make_link.add_argument("--branch", help=f"its branch (default: repository.branch of _config.yml, else {DEFAULT_BRANCH})")
    make_link.add_argument("--open", default="", metavar="PATH", help="a file or folder to open, inside the course "
                                                                      "(e.g. chapters/course-map.ipynb)")
    course = commands.add_parser("course", help="lay out a trainer's nbgrader course with the practice sets")
    course.add_argument("folder", nargs="?", type=Path, default=Path.home() / COURSE_DIR,
                        help=f"the course folder (default: ~/{COURSE_DIR}, where the hub's nbgrader looks)")
    progress = commands.add_parser("progress", help="copy the learners' progress files (as root) for the gradebook")
    progress.add_argument("users", nargs="*", help="the learners' accounts (default: the members of --group)")
    progress.add_argument("--group", default=LEARNERS_GROUP, help=f"the learners' Unix group (default: {LEARNERS_GROUP})")
    progress.add_argument("--out", type=Path, required=True, help="the folder to copy them into")
    args = parser.parse_args(argv)
    try:
        if args.command == "link":
            url, branch = configured_repository()
            repo = args.repo or url
            if not repo:
                raise HubError("no repository: give --repo URL, or set repository.url in _config.yml")
            print(link(args.hub, repo, args.branch or branch or DEFAULT_BRANCH, args.open))
        elif args.command == "course":
            written = lay_out_course(args.folder)
            print(f"{len(written)} practice set(s) copied into {args.folder / 'source'} (course id {COURSE_ID}); "
                  "next: nbgrader generate_assignment and release_assignment, or the Formgrader tab")
        else:
            written, skipped = collect_progress(args.out, args.users or accounts(args.group))
            for reason in skipped:
                print(f"skipped {reason}", file=sys.stderr)
            print(f"{len(written)} progress file(s) copied into {args.out}")
    except (HubError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
