"""The one way notebooks read course data: validated tables from the ``data/`` package.

``load(name)`` checks the table against its Table Schema in ``data/datapackage.json``
(with the frictionless library) and returns a pandas DataFrame. Any problem stops with
a message naming the file, the row and the field; nothing is coerced or dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from frictionless import FrictionlessException, Package, Resource, system

from coursekit.paths import DATA_DIR

PACKAGE_FILE = "datapackage.json"


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

    @property
    def source_line(self) -> str:
        return "Source: " + "; ".join(title for title, _ in self.sources)


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


def info(name: str, data_dir: Path = DATA_DIR) -> TableInfo:
    """Title, sources and notes of a table, for chart source lines and the data page."""
    resource = _resource(name, data_dir)
    where = str(data_dir / str(resource.path))
    sources = _check_sources(resource, where)
    sources_titles = "; ".join(title for title, _ in sources)
    return TableInfo(
        name=name,
        title=str(resource.title or name),
        path=where,
        sources=sources,
        bibkey=str(resource.custom.get("bibkey", "")),
        note=str(resource.custom.get("verification_note", "")),
        short_source=str(resource.custom.get("source_short", "")) or sources_titles,
        verification=str(resource.custom.get("verification", "")),
    )


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


@lru_cache(maxsize=None)
def _load_cached(name: str, data_dir: Path) -> pd.DataFrame:
    resource = _resource(name, data_dir)
    where = str(data_dir / str(resource.path))
    _check_sources(resource, where)
    _validate(resource, where)
    columns = [field.name for field in resource.schema.fields]
    with resource:
        rows = [row.to_dict() for row in resource.row_stream]
    frame = pd.DataFrame(rows, columns=columns)
    for field in resource.schema.fields:
        if field.type == "number":
            frame[field.name] = frame[field.name].astype(float)
    return frame


def load(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """A validated table of the data package, as a new DataFrame."""
    return _load_cached(name, Path(data_dir).resolve()).copy()
