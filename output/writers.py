"""Atomic file writers (CSV, JSON Lines, Parquet) and the dataset export.

Every file appears whole or not at all: it is written to a temporary file in the same folder,
flushed to disk, then renamed over the target.
"""
from __future__ import annotations

import csv
import json
import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence

from .schema import FIELDS, KINDS, TABLES

if TYPE_CHECKING:
    import pandas as pd

    from .store import Store

FORMATS = ("csv", "jsonl", "parquet")
PARQUET_BATCH_ROWS = 50_000
TEMP_SUFFIX = ".tmp"


class ParquetUnavailableError(ImportError):
    """Parquet output needs pyarrow, an optional extra."""


@contextmanager
def atomic_write(
    path: Path | str, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = ""
) -> Iterator[IO]:
    """Open a temporary file beside `path`; on success it replaces `path`, durably.

    On an exception the temporary file is removed and `path` is untouched. After a hard crash
    the hidden temporary file (`.NAME.<random>.tmp`) may remain; `path` is never half-written.
    """
    path = Path(path)
    if "b" in mode:
        encoding = newline = None
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    try:
        handle = os.fdopen(fd, mode, encoding=encoding, newline=newline)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _copy_mode(original: Path, tmp: Path) -> None:
    try:
        os.chmod(tmp, original.stat().st_mode & 0o7777)
    except FileNotFoundError:
        pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # e.g. Windows cannot open a directory; the rename is still atomic
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def csv_cell(value: Any) -> Any:
    """A value as one CSV cell: lists and dicts as JSON, None as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(path: Path | str, fields: Sequence[str], rows: Iterable[Mapping[str, Any]], excel: bool = False) -> int:
    """Stream `rows` to a UTF-8 CSV (with a BOM for Excel if `excel`); returns the number of rows.

    Keys not in `fields` are ignored; missing keys give empty cells.
    """
    count = 0
    with atomic_write(path, encoding="utf-8-sig" if excel else "utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        for row in rows:
            writer.writerow([csv_cell(row.get(f)) for f in fields])
            count += 1
    return count


def write_jsonl(path: Path | str, rows: Iterable[Mapping[str, Any]]) -> int:
    """Stream `rows` to JSON Lines (UTF-8, one object per line); returns the number of rows."""
    count = 0
    with atomic_write(path, newline="\n") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False))
            handle.write("\n")
            count += 1
    return count


def write_parquet(
    path: Path | str, df_or_rows: "pd.DataFrame | Iterable[Mapping[str, Any]]", table: str | None = None
) -> int:
    """Write a DataFrame, or stream record dicts of `table` in batches, to Parquet; returns the rows.

    Rows need `table` (one of TABLES) for their column types. Raises ParquetUnavailableError
    when pyarrow is not installed.
    """
    pa, pq = _import_pyarrow()
    import pandas as pd

    if isinstance(df_or_rows, pd.DataFrame):
        arrow = pa.Table.from_pandas(df_or_rows, schema=arrow_schema(table) if table else None, preserve_index=False)
        with atomic_write(path, mode="wb") as handle:
            pq.write_table(arrow, handle)
        return arrow.num_rows
    if table is None:
        raise ValueError("write_parquet: rows need a table name for their column types")
    return _write_parquet_rows(path, df_or_rows, table, pa, pq)


def _write_parquet_rows(path: Path | str, rows: Iterable[Mapping[str, Any]], table: str, pa: Any, pq: Any) -> int:
    from .dataset import frame_from_rows

    schema = arrow_schema(table)
    count = 0
    with atomic_write(path, mode="wb") as handle, pq.ParquetWriter(handle, schema) as writer:
        for batch in _batches(rows, PARQUET_BATCH_ROWS):
            frame = frame_from_rows(table, batch)
            writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))
            count += len(batch)
    return count


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a record table (strings, int64, tz-aware timestamps, lists of strings)."""
    pa, _ = _import_pyarrow()
    from .schema import LOCAL_TZ

    of_kind = {
        "str": pa.string(),
        "str?": pa.string(),
        "int?": pa.int64(),
        "list": pa.list_(pa.string()),
        "utc": pa.timestamp("ns", tz="UTC"),
        "local": pa.timestamp("ns", tz=LOCAL_TZ),
    }
    return pa.schema([(name, of_kind[kind]) for name, kind in KINDS[table].items()])


def _import_pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ParquetUnavailableError(
            "Parquet output needs pyarrow: pip install 'govnews[parquet]'"
        ) from exc
    return pyarrow, pyarrow.parquet


def _batches(rows: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    batch: list[Mapping[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def export_dataset(
    store: "Store",
    folder: Path | str,
    formats: Sequence[str] = ("csv", "jsonl"),
    excel: bool = False,
    run_id: str | None = None,
) -> list[Path]:
    """Write each table in each format: whole tables at the top of `folder`, or with `run_id`
    only that run's rows into `folder/runs/<run_id>/`. Returns the files written.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown export format(s) {', '.join(unknown)}; expected {', '.join(FORMATS)}")
    target = Path(folder) if run_id is None else Path(folder) / "runs" / _safe_component(run_id)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        for fmt in formats:
            path = target / f"{table}.{fmt}"
            rows = store.iter_rows(table, where_run_id=run_id)
            if fmt == "csv":
                write_csv(path, FIELDS[table], rows, excel=excel)
            elif fmt == "jsonl":
                write_jsonl(path, rows)
            else:
                write_parquet(path, rows, table=table)
            written.append(path)
    return written


def _safe_component(run_id: str) -> str:
    if not run_id or run_id in (".", "..") or any(c in run_id for c in "/\\\0"):
        raise ValueError(f"run id {run_id!r} cannot name a folder")
    return run_id
