"""Build the book the one way the scripts and the tests do: strict, from the notebooks' stored outputs.

``python -m coursekit.build [--path-output DIR] [SOURCE]`` runs Jupyter Book 1 with ``FLAGS``:
warnings are errors and every cross-reference must resolve (nitpicky), so a broken link fails the
build; ``--keep-going`` reports every warning before failing. ``scripts/build.sh``, the benchmark
and the tests all call ``command()`` (one edition) or ``build()`` (the book and its French edition),
so they cannot drift apart.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from coursekit.i18n import LANGUAGE, PREFERENCE_KEY, SOURCE_LANGUAGE
from coursekit.paths import ROOT

FLAGS = ("--warningiserror", "--nitpick", "--keep-going")
EDITION = LANGUAGE  # the French edition: its sources in fr/ (coursekit.i18n), built into _build/html/fr/


def command(source: Path = ROOT, path_output: Path | None = None) -> list[str]:
    """The jupyter-book command line that builds ``source`` (into ``path_output``/_build, or ``source``/_build)."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    cmd = [str(jupyter_book), "build", str(source), *FLAGS]
    if path_output is not None:
        cmd += ["--path-output", str(path_output)]
    return cmd


def build(source: Path = ROOT, path_output: Path | None = None, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Build the book afresh, and its French edition when it has one (``fr/``, written by ``coursekit.i18n``)
    into ``_build/html/fr/``, with a front page that chooses the reader's language. Returns the last
    finished process, with the output of both builds (the caller checks the return code).

    The HTML is written afresh (the environment is kept, so unchanged sources are not read again): pages
    written over an older _build/html differ from a clean build's, because Sphinx adds "?v=<checksum>" to
    links of static files that already exist when it writes a page."""
    html = (path_output or source) / "_build" / "html"
    shutil.rmtree(html, ignore_errors=True)
    english = subprocess.run(command(source, path_output), capture_output=True, text=True, timeout=timeout)
    edition = source / EDITION
    if english.returncode or not (edition / "_config.yml").is_file():
        return english
    french_output = (path_output or source) / "_build" / f"{EDITION}-book"
    shutil.rmtree(french_output / "_build" / "html", ignore_errors=True)
    french = subprocess.run(command(edition, french_output), capture_output=True, text=True, timeout=timeout)
    if french.returncode == 0:
        shutil.copytree(french_output / "_build" / "html", html / EDITION)
        (html / "index.html").write_text(language_choice(source), encoding="utf-8")
    return subprocess.CompletedProcess(french.args, french.returncode, english.stdout + french.stdout,
                                       english.stderr + french.stderr)


def main(argv: list[str] | None = None) -> int:
    """Command line: build strictly (both editions), the builds' output on the terminal; the exit status is theirs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=ROOT, help="the book's folder (default: this course)")
    parser.add_argument("--path-output", type=Path, help="write _build/ here instead of in the book's folder")
    args = parser.parse_args(argv)
    result = build(args.source, args.path_output, timeout=3600)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


def language_choice(source: Path = ROOT) -> str:
    """The site's front door: the reader's chosen edition, else the first of their browser's languages the
    course speaks, else English; with scripts off, English, and links to both, above the book's footer (its licences)."""
    import yaml

    footer = yaml.safe_load((source / "_config.yml").read_text(encoding="utf-8"))["html"]["extra_footer"].strip()
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Social business in practice</title>\n<script>\n(function () {\n"
        f"  var pages = {{{SOURCE_LANGUAGE}: \"intro.html\", {EDITION}: \"{EDITION}/intro.html\"}}, chosen = null;\n"
        f"  try {{ chosen = localStorage.getItem(\"{PREFERENCE_KEY}\"); }} catch (e) {{}}\n"
        "  if (!pages[chosen]) {\n"
        "    chosen = (navigator.languages || [navigator.language || \"\"]).map(function (l) { return String(l).slice(0, 2).toLowerCase(); })\n"
        f"      .filter(function (l) {{ return pages[l]; }})[0] || \"{SOURCE_LANGUAGE}\";\n"
        "  }\n  location.replace(pages[chosen]);\n})();\n</script>\n"
        '<noscript><meta http-equiv="refresh" content="0; url=intro.html"></noscript>\n</head>\n<body>\n'
        f'<p><a href="intro.html" hreflang="en">English</a> · <a href="{EDITION}/intro.html" hreflang="{EDITION}" lang="{EDITION}">Français</a></p>\n'
        f"<footer>{footer}</footer>\n</body>\n</html>\n"
    )


if __name__ == "__main__":
    sys.exit(main())
