"""The one way notebooks read course data: validated tables from the ``data/`` package.

``load(name)`` checks the table against its Table Schema in ``data/datapackage.json``
(with the frictionless library) and returns a pandas DataFrame. Any problem stops with
a message naming the file, the row and the field; nothing is coerced or dropped, and a
blank cell stays a missing value (NaN or <NA>), never zero. ``names()``, ``info(name)`` and
``package_info()`` describe the package; ``check_package()`` (or ``python -m coursekit.data``)
lists every problem of the whole package at once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from frictionless import FrictionlessException, Package, Resource, system

from coursekit.paths import DATA_DIR

PACKAGE_FILE = "datapackage.json"
ROW_STATUSES = ("verified", "secondary", "blog-only", "derived", "simulated")
TABLE_STATUSES = ROW_STATUSES + ("mixed",)
SIMULATED = "SIMULATED"
TABLE_ATTR = "table"  # a loaded frame's attrs[TABLE_ATTR] is its table's name (charts cite the table from it)
REQUIRED_PROPERTIES = ("title", "description", "source_short", "bibkey", "sample", "verification", "verification_note")


class DataError(Exception):
    """A course table cannot be trusted; the message says where and why."""


@dataclass(frozen=True)
class TableInfo:
    """What a chart or a page needs to cite a table."""

    name: str
    title: str
    path: str
    sources: tuple[tuple[str, str], ...]
    bibkey: str
    note: str
    short_source: str
    verification: str
    description: str = ""
    sample: str = ""
    survey_fielded: int | str | None = None
    report_year: int | str | None = None

    @property
    def source_line(self) -> str:
        return "Source: " + "; ".join(title for title, _ in self.sources)


@dataclass(frozen=True)
class PackageInfo:
    """What the data page needs to introduce the package."""

    title: str
    description: str
    licence: str
    statuses: dict[str, str] = field(default_factory=dict)


def _package(data_dir: Path) -> Package:
    descriptor = data_dir / PACKAGE_FILE
    if not descriptor.is_file():
        raise DataError(f"{descriptor}: the data package descriptor is missing.")
    try:
        with system.use_context(trusted=False):
            return Package(str(descriptor), basepath=str(data_dir))
    except FrictionlessException as err:
        raise DataError(f"{descriptor}: {err.error.message}") from None


def _resource(name: str, data_dir: Path) -> Resource:
    package = _package(data_dir)
    if not package.has_resource(name):
        known = ", ".join(package.resource_names)
        raise DataError(f"{data_dir / PACKAGE_FILE}: no table named '{name}'. Known tables: {known}.")
    return package.get_resource(name)


def _check_sources(resource: Resource, where: str) -> tuple[tuple[str, str], ...]:
    sources = tuple((str(s.get("title") or "").strip(), str(s.get("path") or "").strip()) for s in resource.sources)
    if not sources or any(not title or not path for title, path in sources):
        raise DataError(f"{where}: every table needs a source with a title and a path or URL; one is blank.")
    return sources


def _check_status(resource: Resource, where: str) -> str:
    status = str(resource.custom.get("verification", ""))
    if status not in TABLE_STATUSES:
        raise DataError(f"{where}: verification status '{status}' is not one of {', '.join(TABLE_STATUSES)}.")
    return status


def names(data_dir: Path = DATA_DIR) -> list[str]:
    """Every table of the package, in the order of datapackage.json."""
    return list(_package(Path(data_dir)).resource_names)


def package_info(data_dir: Path = DATA_DIR) -> PackageInfo:
    """Title, description, licence and the meaning of each verification status."""
    package = _package(Path(data_dir))
    licence = "; ".join(str(lic.get("title") or lic.get("name") or "") for lic in package.licenses)
    statuses = {str(k): str(v) for k, v in dict(package.custom.get("statuses") or {}).items()}
    return PackageInfo(str(package.title or package.name), str(package.description or ""), licence, statuses)


def _table_info(resource: Resource, data_dir: Path) -> TableInfo:
    where = str(data_dir / str(resource.path))
    sources = _check_sources(resource, where)
    custom: dict[str, Any] = resource.custom
    return TableInfo(
        name=str(resource.name),
        title=str(resource.title or resource.name),
        path=where,
        sources=sources,
        bibkey=str(custom.get("bibkey", "")),
        note=str(custom.get("verification_note", "")),
        short_source=str(custom.get("source_short", "")) or "; ".join(title for title, _ in sources),
        verification=_check_status(resource, where),
        description=str(resource.description or ""),
        sample=str(custom.get("sample", "")),
        survey_fielded=custom.get("survey_fielded"),
        report_year=custom.get("report_year"),
    )


def info(name: str, data_dir: Path = DATA_DIR) -> TableInfo:
    """Title, sources and notes of a table, for chart source lines and the data page."""
    return _table_info(_resource(name, Path(data_dir)), Path(data_dir))


def _validate(resource: Resource, where: str) -> None:
    if not (Path(resource.basepath or "") / str(resource.path)).is_file():
        raise DataError(f"{where}: the file is missing.")
    report = resource.validate()
    if report.valid:
        return
    task = report.tasks[0] if report.tasks else None
    errors = list(task.errors) if task else list(report.errors)
    problems = []
    for err in errors[:5]:
        row = getattr(err, "row_number", None)
        field = getattr(err, "field_name", None)
        place = ", ".join(p for p in (f"row {row}" if row else "", f"field '{field}'" if field else "") if p)
        problems.append(f"{place + ': ' if place else ''}{err.message}")
    more = f" (and {len(errors) - 5} more problems)" if len(errors) > 5 else ""
    raise DataError(f"{where}: " + "; ".join(problems) + more)


def _frame(resource: Resource, where: str) -> pd.DataFrame:
    _check_sources(resource, where)
    _validate(resource, where)
    columns = [field.name for field in resource.schema.fields]
    with resource:
        rows = [row.to_dict() for row in resource.row_stream]
    frame = pd.DataFrame(rows, columns=columns)
    for column in resource.schema.fields:
        values = frame[column.name]
        if column.type == "number":
            frame[column.name] = values.astype(float)  # a blank cell becomes NaN, never 0
        elif column.type == "integer":
            frame[column.name] = values.astype("Int64" if values.isna().any() else "int64")
        elif column.type == "boolean":
            frame[column.name] = values.astype("boolean" if values.isna().any() else "bool")
    return frame


@lru_cache(maxsize=None)
def _load_cached(name: str, data_dir: Path) -> pd.DataFrame:
    resource = _resource(name, data_dir)
    frame = _frame(resource, str(data_dir / str(resource.path)))
    frame.attrs[TABLE_ATTR] = name
    return frame


def load(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """A validated table of the data package, as a new DataFrame that names its table in ``attrs["table"]``."""
    return _load_cached(name, Path(data_dir).resolve()).copy()


def _check_naming(resource: Resource, where: str) -> list[str]:
    """File name = table name + .csv (SIMULATED in capitals for simulated tables), SIMULATED nowhere else."""
    path, name = str(resource.path), str(resource.name)
    simulated = resource.custom.get("verification") == "simulated"
    problems = []
    if Path(path).stem.lower() != name or not path.endswith(".csv"):
        problems.append(f"{where}: the file name must be the table name '{name}' + .csv")
    description = str(resource.description or "")
    words = " ".join((path, name, str(resource.title or ""), description))
    if simulated and not (SIMULATED in path and description.startswith(SIMULATED)):
        problems.append(f"{where}: a simulated table needs SIMULATED in its file name and at the start of its description")
    if not simulated and SIMULATED.lower() in words.lower():
        problems.append(f"{where}: only simulated tables may say SIMULATED in their name, file name, title or description")
    return problems


def check_package(data_dir: Path = DATA_DIR) -> list[str]:
    """Every problem of the whole package: undeclared or missing files, metadata, naming, and each table's data."""
    data_dir = Path(data_dir)
    try:
        package = _package(data_dir)
    except DataError as err:
        return [str(err)]
    problems = []
    declared = {str(resource.path) for resource in package.resources}
    problems += [f"{data_dir / csv.name}: not declared in {PACKAGE_FILE}" for csv in sorted(data_dir.glob("*.csv")) if csv.name not in declared]
    for resource in package.resources:
        where = str(data_dir / str(resource.path))
        missing = [key for key in REQUIRED_PROPERTIES if not (resource.custom.get(key) or getattr(resource, key, None))]
        problems += [f"{where}: the table has no '{key}'" for key in missing]
        problems += _check_naming(resource, where)
        try:
            table = _table_info(resource, data_dir)
            rows = set(_frame(resource, where)["verification"])
        except (DataError, KeyError) as err:
            problems.append(str(err) if isinstance(err, DataError) else f"{where}: no 'verification' column")
            continue
        expected = next(iter(rows)) if len(rows) == 1 else "mixed"
        if table.verification != expected:
            problems.append(f"{where}: the table's status is '{table.verification}' but its rows say {', '.join(sorted(rows))}")
    return problems


def main() -> int:
    """Command line: check the whole package and print its problems."""
    problems = check_package()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"data package: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
