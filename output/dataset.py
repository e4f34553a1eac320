"""Load a dataset folder into typed pandas DataFrames."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, NamedTuple

import pandas as pd

from .schema import DTYPES, KINDS, LOCAL_TZ, TABLES, has_offset
from .store import DB_NAME, connect_readonly, read_rows


class Dataset(NamedTuple):
    """The four tables of a dataset folder as DataFrames, one column per schema field.

    Text is `string`, counts are nullable `Int64`, `published_at` is tz-aware in Asia/Ho_Chi_Minh,
    every observed time (fetched_at, observed_at, started_at, ...) is tz-aware UTC, and
    images/attachments/warnings/sites hold Python lists. `articles` has one row per article (its
    latest extraction); `observations` one per article fetch, the view-count time series.
    """

    articles: pd.DataFrame
    observations: pd.DataFrame
    site_counters: pd.DataFrame
    runs: pd.DataFrame


def load(folder: Path | str) -> Dataset:
    """Read `dataset.sqlite` in `folder` when present, else the exported `<table>.jsonl` / `.csv`."""
    folder = Path(folder)
    db = folder / DB_NAME
    if db.is_file():
        conn = connect_readonly(db)
        try:
            return Dataset(**{t: frame_from_rows(t, read_rows(conn, t)) for t in TABLES})
        finally:
            conn.close()
    sources = {t: _exported_file(folder, t) for t in TABLES}
    if not any(sources.values()):
        raise FileNotFoundError(f"{folder}: no {DB_NAME} and no exported .jsonl or .csv tables")
    return Dataset(**{t: frame_from_rows(t, _read_exported(t, path)) for t, path in sources.items()})


def frame_from_rows(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Record dicts of `table` as a DataFrame with the schema's columns and dtypes (even when empty)."""
    rows = list(rows)
    columns = {name: _column([r.get(name) for r in rows], kind) for name, kind in KINDS[table].items()}
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))
    return frame.astype(DTYPES[table])


def views_over_time(observations: pd.DataFrame) -> pd.DataFrame:
    """View counts as a wide table: index observed_at, one Int64 column per article_id.

    Duplicate (article_id, observed_at) pairs keep the highest count; articles not observed at a
    time are <NA>.
    """
    obs = observations.dropna(subset=["observed_at", "article_id"])
    if obs.empty:
        index = pd.DatetimeIndex([], tz="UTC", name="observed_at")
        return pd.DataFrame(index=index, columns=pd.Index([], name="article_id", dtype="string"), dtype="Int64")
    counts = obs.groupby(["observed_at", "article_id"])["view_count"].max()
    return counts.unstack("article_id").sort_index().astype("Int64")


def _column(values: list, kind: str) -> Any:
    if kind in ("str", "str?"):
        return pd.array(values, dtype="string")
    if kind == "int?":
        return pd.array(values, dtype="Int64")
    if kind == "list":
        return pd.Series([_as_list(v) for v in values], dtype=object, index=pd.RangeIndex(len(values)))
    if kind == "local":
        values = [v if v is None or has_offset(v) else f"{v}+07:00" for v in values]
        return _datetimes(values).dt.tz_convert(LOCAL_TZ)
    return _datetimes(values)


def _datetimes(values: list) -> pd.Series:
    """ISO 8601 strings (any offsets) as UTC; unparseable values become NaT."""
    series = pd.Series(values, dtype=object, index=pd.RangeIndex(len(values)))
    return pd.to_datetime(series, utc=True, format="ISO8601", errors="coerce")


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return json.loads(value) if value else []
    return list(value)


def _exported_file(folder: Path, table: str) -> Path | None:
    for suffix in ("jsonl", "csv"):
        path = folder / f"{table}.{suffix}"
        if path.is_file():
            return path
    return None


def _read_exported(table: str, path: Path | None) -> Iterator[dict]:
    if path is None:
        return iter(())
    return _read_jsonl(path) if path.suffix == ".jsonl" else _read_csv(table, path)


def _read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not a JSON object: {exc}") from exc


_INT_RE = re.compile(r"^-?\d+$")


def _read_csv(table: str, path: Path) -> Iterator[dict]:
    """CSV rows with empty cells as None, counts as int, list cells decoded from JSON."""
    kinds = KINDS[table]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {k: _csv_value(v, kinds[k]) for k, v in row.items() if k in kinds}


def _csv_value(cell: str | None, kind: str) -> Any:
    if cell is None or cell == "":
        return [] if kind == "list" else None
    if kind == "int?":
        if not _INT_RE.match(cell.strip()):
            raise ValueError(f"not an integer count: {cell!r}")
        return int(cell)
    if kind == "list":
        return json.loads(cell)
    return cell
