"""The data page (``back/data-and-sources``): the statuses, then each table's entry, in the active language.

Each entry is the table's heading, a Markdown block (its name and file, description, status and its note,
sources, years, sample, bibliography key, size) and a preview of its first rows. The fixed words go through
``core.tr`` (context ``datapage:…``), numbers through ``core.number``; the package's texts (a table's title,
description, verification note and sample; each status's meaning) come from ``charts.po`` with the context
``package:<table>:<field>`` (``package:statuses:<status>``), and the tables' text cells with the context
``<table>:<column>`` that ``core.label`` already uses for the charts' labels; each source's line with the
context ``package:sources`` (the publication's title as published, the course's words around it translated).
``texts()`` lists every one of them for ``i18n.charts_template``. URLs, names of tables, columns and files,
bibliography keys, identifiers and the French post's own words are data: they stay as they are.
"""

from __future__ import annotations

import functools
from typing import Any, Iterable

import numpy as np
from IPython.display import HTML, Markdown, display

from coursekit import data, i18n
from coursekit.charts import core

PREVIEW_ROWS = 12
PACKAGE = "package"  # the context of the package's texts: package:<table>:<field>, package:statuses:<status>
TABLE_FIELDS = ("title", "description", "verification_note", "sample")  # a table's texts, as datapackage.json names them
# Text columns that hold data, not words (besides URLs and codes: see ``worded``).
NOT_WORDS = {
    ("course_2026_prediction_verdicts", "sources"): "bibliography keys",
    ("mitsmr_2012_expected_gains_blog_reported", "blog_wording"): "the French post's own words",
    ("pivot_2012_social_pairings_blog_reported", "as_printed"): "the French post's own words",
}

_listed: set[str] = set()  # the tables this page has shown, for ``check_complete``


@functools.lru_cache(maxsize=None)
def _fields(table: str) -> dict[str, Any]:
    """The table's fields (type, format, constraints) by column, as its schema in datapackage.json gives them."""
    return {field.name: field for field in data._resource(table, data.DATA_DIR).schema.fields}


def worded(table: str, column: str) -> bool:
    """Whether a column's text cells are words to translate: not a URL, a code, keys or a quotation.

    A code is a value whose pattern is one token (E0001, script_unusual, 1.1, 2020-04); a name such as "Vendor A",
    whose pattern has a space, is a word."""
    if (table, column) in NOT_WORDS:
        return False
    field = _fields(table)[column]
    pattern = (field.constraints or {}).get("pattern")
    return field.type == "string" and field.format != "uri" and not (pattern and " " not in pattern)


def package_text(table: str, field: str, text: str) -> str:
    """A text of datapackage.json (``table`` is a table's name or ``statuses``) in the active language."""
    return core.tr(f"{PACKAGE}:{table}:{field}", text) if text else text


def source_title(title: str) -> str:
    """A source's line as the active language writes it: the publication's own title as published, the course's
    words around it (a date, "press release", what was read there) translated (context package:sources)."""
    return core.tr(f"{PACKAGE}:sources", title)


def status_name(status: str) -> str:
    """A verification status's name (``verified``, ``mixed``…) as the active language writes it."""
    return core.tr(f"{PACKAGE}:statuses", status)


def texts() -> Iterable[tuple[str, str]]:
    """(context, English text) of every package text and every text cell of the tables (for charts.po)."""
    for status, meaning in data.package_info().statuses.items():
        yield f"{PACKAGE}:statuses", status
        yield f"{PACKAGE}:statuses:{status}", meaning
    for name in data.names():
        table = data.info(name)
        for title, _ in table.sources:
            yield f"{PACKAGE}:sources", title
        for field in TABLE_FIELDS:
            text = getattr(table, "note" if field == "verification_note" else field)
            if i18n.LETTER.search(text):
                yield f"{PACKAGE}:{name}:{field}", text
    for name in data.names():
        frame = data.load(name)
        for column in frame.columns:
            if worded(name, column):
                for value in dict.fromkeys(frame[column].dropna()):
                    if isinstance(value, str) and i18n.LETTER.search(value):
                        yield f"{name}:{column}", value


def statuses() -> Markdown:
    """What each verification status means, as a Markdown list."""
    package = data.package_info()
    return Markdown("\n".join(core.tr("datapage:statuses", "- **{status}**: {meaning}", status=status_name(status),
                                      meaning=package_text("statuses", status, meaning))
                              for status, meaning in package.statuses.items()))


def years(table: data.TableInfo) -> str:
    """'Survey fielded: 2011. Published: 2012.', or what is known of it."""
    if table.verification == "simulated":
        return core.tr("datapage:years", "Not applicable: generated by the course.")
    fielded = table.survey_fielded if table.survey_fielded is not None else core.tr("datapage:years", "not recorded")
    return core.tr("datapage:years", "Survey fielded: {fielded}. Published: {published}.", fielded=fielded,
                   published=table.report_year)


def size(rows: int) -> str:
    """How many rows the table has, and how many the preview shows."""
    if rows > PREVIEW_ROWS:
        return core.tr("datapage:size", "{rows} rows; the first {shown} are shown.", rows=core.number(rows, ","),
                       shown=core.number(PREVIEW_ROWS))
    if rows == 1:
        return core.tr("datapage:size", "{rows} row.", rows=core.number(rows))
    return core.tr("datapage:size", "{rows} rows.", rows=core.number(rows, ","))


def description(name: str) -> str:
    """The table's Markdown block: name, file, description, status, sources, years, sample, key and size."""
    table, frame = data.info(name), data.load(name)
    sources = "\n".join(f"  - [{source_title(title)}]({url})" for title, url in table.sources)
    file = f"`data/{table.path.rsplit('/', 1)[-1]}`"
    lines = [
        f"### {package_text(name, 'title', table.title)}",
        "",
        core.tr("datapage:table", "Table {name}, file {file}.", name=f"`{name}`", file=file)
        + f" {package_text(name, 'description', table.description)}",
        "",
        core.tr("datapage:table", "- **Status: {status}.**", status=status_name(table.verification))
        + f" {package_text(name, 'verification_note', table.note)}",
        core.tr("datapage:table", "- **Sources:**") + f"\n{sources}",
        core.tr("datapage:table", "- **Years:** {years}", years=years(table)),
        core.tr("datapage:table", "- **Sample:** {sample}.", sample=package_text(name, "sample", table.sample)),
        core.tr("datapage:table", "- **Cite:** bibliography key {key}.", key=f"`{table.bibkey}`"),
        "",
        size(len(frame)),
    ]
    return "\n".join(lines)


def _cell(name: str, column: str, value: Any) -> Any:
    if isinstance(value, (bool, np.bool_)):
        return core.tr("datapage:boolean", "True") if value else core.tr("datapage:boolean", "False")
    return core.label(name, column, value)


def preview(name: str) -> str:
    """The table's first rows as HTML: text cells and yes/no values in the active language, numbers in its form."""
    frame = data.load(name)
    shown = frame.head(PREVIEW_ROWS)
    shown = shown.fillna({column: "" for column in shown.select_dtypes(exclude="number").columns})  # blank notes
    words = [c for c in shown.columns if shown[c].dtype == bool or str(shown[c].dtype) == "boolean" or worded(name, c)]
    shown = shown.assign(**{c: shown[c].map(lambda value, c=c: _cell(name, c, value)) for c in words})
    return shown.to_html(index=False, na_rep=core.tr("datapage:table", "(missing)"),
                         float_format=lambda x: core.number(x, "g"), border=0)


def entry(name: str) -> None:
    """One table: heading, sources, status, years, sample, and the table (or its first rows)."""
    display(Markdown(description(name)))
    display(HTML(preview(name)))
    _listed.add(name)


def tables(prefix: str) -> None:
    """Every table whose name starts with prefix, in the order of datapackage.json."""
    for name in data.names():
        if name.startswith(prefix):
            entry(name)


def check_complete() -> None:
    """Every table of the package has been shown on the page."""
    missing = set(data.names()) - _listed
    assert not missing, f"tables with no section on this page: {sorted(missing)}"
