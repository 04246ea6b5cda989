"""The author's live preview: serve the book on localhost, rebuild it on every save, and reload the open page.

``bash scripts/preview.sh [--port 8000] [SOURCE]`` (or ``python -m coursekit.preview``). The book is built
with Jupyter Book's own configuration reader and the build options of ``coursekit.build.FLAGS`` (the
same strict flags as every build), into ``_build/preview/`` (never the main ``_build/html``). Between
saves one Sphinx application stays in memory, so a saved lesson is read and written again without
Jupyter Book's start-up (imports, some 60 extensions, the bibliography): about a second instead of
three or four. A change to ``_config.yml``, ``_toc.yml``, a template or a static file starts a new
application; a change to the course's Python code restarts the preview. sphinx-autobuild (pinned in
requirements-dev.txt) provides the watcher, the server and the script that reloads the open pages; its
own command can only run ``sphinx-build``, which does not read ``_config.yml``. A failed build (any
warning, under the strict flags) is printed and the last good pages stay served.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import time
from pathlib import Path
from typing import Any, Sequence

from coursekit.build import FLAGS
from coursekit.paths import ROOT

PREVIEW_DIR = Path("_build") / "preview"  # under the book's folder
# Never watched: what builds write, tools' folders, and what is not part of the book.
IGNORED = ("_build", ".git", ".venv", "node_modules", ".pytest_cache", ".ipynb_checkpoints", "__pycache__", "drafts", "tests", "hub")
IGNORED_PATTERNS = (r".*\.ipynb_checkpoints.*", r".*~$", r".*\.sw[po]$", r".*\.tmp$")
# What each of coursekit.build.FLAGS (jupyter-book's options) means for the Sphinx application.
FLAG_OPTIONS: dict[str, dict[str, Any]] = {
    "--warningiserror": {"warningiserror": True},
    "--nitpick": {"confoverrides": {"nitpicky": True}},
    "--keep-going": {"keep_going": True},
}
# Files whose change needs a new Sphinx application (configuration, table of contents, templates, static files).
RESTART_APP = ("_config.yml", "_toc.yml")
RESTART_APP_DIRS = ("_templates", "_assets")
REDIRECT = '<meta http-equiv="Refresh" content="0; url={page}" />\n'


def build_options(flags: Sequence[str] = FLAGS) -> dict[str, Any]:
    """The Sphinx application's options for ``flags``; an unknown flag is an error, so the preview never drifts."""
    options: dict[str, Any] = {"warningiserror": False, "keep_going": False, "confoverrides": {}}
    for flag in flags:
        if flag not in FLAG_OPTIONS:
            raise ValueError(f"coursekit.preview does not know the build flag {flag!r}: add it to FLAG_OPTIONS")
        for key, value in FLAG_OPTIONS[flag].items():
            options[key] = {**options[key], **value} if isinstance(value, dict) else value
    return options


def needs_new_app(source: Path, changed: Sequence[Path]) -> bool:
    for path in changed:
        rel = path.relative_to(source) if path.is_relative_to(source) else path
        if rel.name in RESTART_APP or (rel.parts and rel.parts[0] in RESTART_APP_DIRS):
            return True
    return False


class LiveBook:
    """The book's Sphinx application, kept between builds: a save rebuilds only what it changed."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.output = source / PREVIEW_DIR / "_build"
        self.html = self.output / "html"
        self.app = None
        self._contexts = contextlib.ExitStack()

    def _new_app(self) -> None:
        from jupyter_book.config import get_final_config
        from sphinx.application import Sphinx
        from sphinx.util.docutils import docutils_namespace, patch_docutils

        options = build_options()
        cli_config = {"external_toc_path": (self.source / "_toc.yml").as_posix(), "latex_individualpages": False,
                      **options["confoverrides"]}  # as jupyter-book build sets them for a book
        sphinx_config, _ = get_final_config(user_yaml=self.source / "_config.yml", cli_config=cli_config,
                                            sourcedir=self.source, use_external_toc=True)
        self._contexts.close()  # the previous application's docutils registrations
        self._contexts = contextlib.ExitStack()
        self._contexts.enter_context(patch_docutils(str(self.source)))
        self._contexts.enter_context(docutils_namespace())
        self.app = Sphinx(srcdir=str(self.source), confdir=None, outdir=str(self.html),  # no conf.py: _config.yml
                          doctreedir=str(self.output / ".doctrees"), buildername="html", confoverrides=sphinx_config,
                          status=None, warning=sys.stderr, freshenv=False, warningiserror=options["warningiserror"],
                          keep_going=options["keep_going"], parallel=1)
        if self.app.config["use_multitoc_numbering"]:  # as jupyter-book build does
            import yaml

            if "numbered: true" in yaml.dump(self.app.config.external_site_map.as_json()):
                self.app.setup_extension("sphinx_multitoc_numbering")

    def build(self, changed: Sequence[Path] = ()) -> bool:
        """Build what changed; True when the build passed. A change to Python code restarts the preview."""
        if any(p.suffix == ".py" for p in changed):
            print("preview: the course's Python code changed: restarting", flush=True)
            os.execv(sys.executable, [sys.executable, "-m", "coursekit.preview", *sys.argv[1:]])
        start = time.perf_counter()
        try:
            if self.app is None or needs_new_app(self.source, changed):
                self._new_app()
            self.app.statuscode = 0
            self.app._warncount = 0  # Sphinx counts warnings per application; each build starts from none
            self.app.build(False, [])
            passed = self.app.statuscode == 0
        except Exception as error:  # noqa: BLE001 - the author sees it; the next save starts a fresh application
            print(f"preview: the build stopped: {error}", flush=True)
            self.app, passed = None, False
        if passed:
            index = self.html / "index.html"
            if self.app.config.root_doc != "index" and not index.exists():  # as jupyter-book build does
                index.write_text(REDIRECT.format(page=f"{self.app.config.root_doc}.html"), encoding="utf-8")
            print(f"preview: built in {time.perf_counter() - start:.1f} s", flush=True)
        else:
            print("preview: the build failed (see above); the last good pages are still served", flush=True)
        return passed

    def __call__(self, *, changed_paths: Sequence[Path] = ()) -> None:
        if changed_paths:
            print(f"preview: {', '.join(p.name for p in changed_paths[:5])} changed", flush=True)
        self.build(changed_paths)


def app(book: LiveBook, url_host: str):  # noqa: ANN201 - a Starlette application
    """sphinx-autobuild's server (static files with its reload script, the reload socket) around the live book."""
    import watchfiles
    from sphinx_autobuild.filter import IgnoreFilter
    from sphinx_autobuild.middleware import JavascriptInjectorMiddleware
    from sphinx_autobuild.server import RebuildServer
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import Mount, WebSocketRoute
    from starlette.staticfiles import StaticFiles

    class Watcher(RebuildServer):
        """sphinx-autobuild's watcher, building in a thread of this process (its own runs each build in a new
        process, which would lose the application kept in memory)."""

        async def watch(self) -> None:
            async for changes in watchfiles.awatch(*self.paths, watch_filter=lambda _, path: not self.ignore(path)):
                await asyncio.to_thread(self.change_callback, changed_paths=[Path(p).resolve() for _, p in changes])
                self.flag.set()

    ignore = IgnoreFilter([book.source / name for name in IGNORED], list(IGNORED_PATTERNS))
    watcher = Watcher([book.source], ignore, change_callback=book)
    return Starlette(
        routes=[WebSocketRoute("/websocket-reload", watcher, name="reload"),
                Mount("/", app=StaticFiles(directory=book.html, html=True), name="static")],
        middleware=[Middleware(JavascriptInjectorMiddleware, ws_url=url_host)],
        lifespan=watcher.lifespan,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=ROOT, help="the book's folder (default: this course)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    try:
        import sphinx_autobuild  # noqa: F401
        import uvicorn
    except ImportError:
        print("preview: sphinx-autobuild is not installed: run bash scripts/setup.sh --dev", file=sys.stderr)
        return 2
    book = LiveBook(args.source.resolve())
    print("preview: first build", flush=True)
    book.build()
    book.html.mkdir(parents=True, exist_ok=True)
    print(f"preview: serving http://{args.host}:{args.port}/ ; every save rebuilds the book and reloads the page "
          "(Ctrl+C stops)", flush=True)
    uvicorn.run(app(book, f"{args.host}:{args.port}"), host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
