"""Sphinx extension: the repository's links in the book, all driven by one setting.

``repository.url`` in ``_config.yml`` (the theme's ``repository_url``) is the course's repository.
Empty (the default), the book shows no repository, issue, edit or launch button, so it links to no
other host for them. Set (``https://github.com/ORG/REPO`` or ``https://gitlab.com/ORG/REPO``), every page
gets the repository, "open issue" and "suggest edit" buttons, and every notebook page the launch buttons
of ``launch_buttons`` (Binder, and a JupyterHub through nbgitpuller when ``jupyterhub_url`` names one).
The buttons themselves are the theme's (sphinx-book-theme): this module only turns them on or off together.
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ConfigError

URL = re.compile(r"https://(?:github|gitlab)\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
# Jupyter Book fills this in when _config.yml names no repository: it is not the course's.
JUPYTER_BOOK_DEFAULT = "https://github.com/executablebooks/jupyter-book"
BUTTONS = ("use_repository_button", "use_issues_button", "use_edit_page_button")
LAUNCH_URLS = ("binderhub_url", "jupyterhub_url", "colab_url", "deepnote_url", "jupyterlite_url")


def theme_options(options: dict[str, Any]) -> dict[str, Any]:
    """The theme options with the repository and launch buttons all on (a repository URL is set) or all off.

    Raises ConfigError, naming the setting, for an address the buttons cannot use.
    """
    options = dict(options)
    url = str(options.get("repository_url") or "").strip().rstrip("/")
    if url == JUPYTER_BOOK_DEFAULT:
        url = ""
    if url and not URL.fullmatch(url):
        raise ConfigError(f"repository.url in _config.yml must be a GitHub or GitLab repository's address, such as "
                          f"https://github.com/ORG/REPO, or empty for no repository links; not {url!r}")
    options["repository_url"] = url
    options.update({button: bool(url) for button in BUTTONS})
    launch = dict(options.get("launch_buttons") or {})
    if not url:
        launch.update({key: "" for key in LAUNCH_URLS}, thebe=False)
    options["launch_buttons"] = launch
    return options


def apply(app: Sphinx, config: Any) -> None:
    config.html_theme_options = theme_options(config.html_theme_options)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", apply)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
