"""Atomic file writers (CSV, JSON Lines, Parquet) and the dataset export.

Every file appears whole or not at all: it is written to a temporary file in the same folder,
flushed to disk, then renamed over the target.

CSV is safe to open in a spreadsheet by default (OWASP "CSV injection"): a text cell that a
spreadsheet would run as a formula gets a leading `'` (see `csv_safe_text`); `raw_csv=True`
writes the exact text. JSON Lines and Parquet always keep the exact text.
"""
from __future__ import annotations

import csv
import json
import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence

from .schema import FIELDS, KINDS, SCHEMA_VERSION, TABLES

if TYPE_CHECKING:
    import pandas as pd

    from .store import Store

FORMATS = ("csv", "jsonl", "parquet")
# the files of an export: a folder holding one of them and no dataset.sqlite is an export, which a
# crawl or a demo into it would overwrite
EXPORTED_FILES = tuple(f"{table}.{fmt}" for table in ("articles", "observations") for fmt in FORMATS)


def holds_export(folder: Path) -> bool:
    """Whether `folder` holds an export's tables (`EXPORTED_FILES`)."""
    return any((folder / name).exists() for name in EXPORTED_FILES)
PARQUET_BATCH_ROWS = 50_000
TEMP_SUFFIX = ".tmp"

# What a spreadsheet reads as the start of a formula (OWASP CSV injection), and the escape.
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_ESCAPE = "'"

# Key-value metadata of every Parquet file of a record table.
PARQUET_VERSION_KEY = "govnews_schema_version"
PARQUET_TABLE_KEY = "govnews_table"


class ParquetUnavailableError(ImportError):
    """Reading or writing Parquet needs pyarrow, an optional extra (govnews[parquet])."""


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
    fd = None
    try:           # (an interrupt just after the file exists, before it is named here, removes it too)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
        handle = os.fdopen(fd, mode, encoding=encoding, newline=newline)
    except BaseException as exc:
        if fd is not None:
            os.close(fd)
        if not isinstance(exc, FileExistsError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, FileExistsError) and exc.errno is not None:
            # the file the user named, not the hidden temporary one beside it
            raise type(exc)(exc.errno, exc.strerror, str(path)) from None
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


def csv_safe_text(text: str) -> str:
    """`text` with a leading `'` when a spreadsheet would read it as a formula.

    Prefixed: text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and also
    text that starts with quotes followed by one of those (`'=x` becomes `''=x`), so that
    `csv_unescape_text` can undo exactly what was added. Other text is returned unchanged.

    >>> csv_safe_text("=HYPERLINK(...)"), csv_safe_text("-5 độ C"), csv_safe_text("Hà Nội")
    ("'=HYPERLINK(...)", "'-5 độ C", 'Hà Nội')
    """
    return CSV_ESCAPE + text if text.lstrip(CSV_ESCAPE).startswith(CSV_FORMULA_STARTS) else text


def csv_unescape_text(cell: str) -> str:
    """The inverse of `csv_safe_text`: drop one leading `'` where `csv_safe_text` added one.

    >>> csv_unescape_text("'=1+1"), csv_unescape_text("''=1"), csv_unescape_text("'quoted'")
    ('=1+1', "'=1", "'quoted'")
    """
    if cell.startswith(CSV_ESCAPE) and cell.lstrip(CSV_ESCAPE).startswith(CSV_FORMULA_STARTS):
        return cell[1:]
    return cell


def csv_cell(value: Any, raw_csv: bool = False) -> Any:
    """A value as one CSV cell: lists and dicts as JSON, None as an empty cell, text made safe
    for spreadsheets (`csv_safe_text`) unless `raw_csv`. Numbers are never prefixed."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and not raw_csv:
        return csv_safe_text(value)
    return value


def write_csv(
    path: Path | str,
    fields: Sequence[str],
    rows: Iterable[Mapping[str, Any]],
    excel: bool = False,
    raw_csv: bool = False,
) -> int:
    """Stream `rows` to a UTF-8 CSV (with a BOM for Excel if `excel`); returns the number of rows.

    Keys not in `fields` are ignored; missing keys give empty cells. Text that a spreadsheet
    would run as a formula gets a leading `'` (`csv_safe_text`) unless `raw_csv`;
    `govnews.load` removes it again.
    """
    count = 0
    with atomic_write(path, encoding="utf-8-sig" if excel else "utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        for row in rows:
            writer.writerow([csv_cell(row.get(f), raw_csv) for f in fields])
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

    Rows need `table` (one of TABLES) for their column types. A file of a record table carries
    the pandas metadata, so that plain `pd.read_parquet(path)` gives the dtypes of
    `govnews.load` (Int64 counts, `string` text, tz-aware times; list cells come back as arrays
    of str, which `govnews.load` turns into lists), and the schema version under the key
    `govnews_schema_version`. Raises ParquetUnavailableError when pyarrow is not installed.
    """
    pa, pq = import_pyarrow()
    import pandas as pd

    if isinstance(df_or_rows, pd.DataFrame):
        if table is not None:
            from .dataset import conform_frame

            df_or_rows = conform_frame(table, df_or_rows)
        arrow = pa.Table.from_pandas(df_or_rows, schema=arrow_schema(table) if table else None, preserve_index=False)
        with atomic_write(path, mode="wb") as handle:
            pq.write_table(arrow, handle)
        return arrow.num_rows
    if table is None:
        raise ValueError("write_parquet: rows need a table name for their column types")
    return _write_parquet_rows(path, df_or_rows, table, pa, pq)


def _write_parquet_rows(path: Path | str, rows: Iterable[Mapping[str, Any]], table: str, pa: Any, pq: Any) -> int:
    from .dataset import frame_from_rows

    # The pandas metadata comes from a typed empty frame: it names the pandas dtypes
    # (Int64, string, tz), which do not depend on the rows.
    schema = pa.Table.from_pandas(frame_from_rows(table, []), schema=arrow_schema(table), preserve_index=False).schema
    count = 0
    with atomic_write(path, mode="wb") as handle, pq.ParquetWriter(handle, schema) as writer:
        for batch in _batches(rows, PARQUET_BATCH_ROWS):
            frame = frame_from_rows(table, batch)
            writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))
            count += len(batch)
    return count


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a record table (strings, int64, tz-aware timestamps, lists of strings),
    with the schema version and table name as key-value metadata."""
    pa, _ = import_pyarrow()
    from .schema import LOCAL_TZ

    of_kind = {
        "str": pa.string(),
        "str?": pa.string(),
        "int?": pa.int64(),
        "list": pa.list_(pa.string()),
        "utc": pa.timestamp("ns", tz="UTC"),
        "local": pa.timestamp("ns", tz=LOCAL_TZ),
    }
    metadata = {PARQUET_VERSION_KEY: str(SCHEMA_VERSION), PARQUET_TABLE_KEY: table}
    return pa.schema([(name, of_kind[kind]) for name, kind in KINDS[table].items()], metadata=metadata)


def import_pyarrow() -> tuple[Any, Any]:
    """(pyarrow, pyarrow.parquet); ParquetUnavailableError when the optional extra is missing."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ParquetUnavailableError(
            "Parquet files need pyarrow: pip install 'govnews[parquet]'"
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
    raw_csv: bool = False,
) -> list[Path]:
    """Write each table in each format: whole tables at the top of `folder`, or with `run_id`
    only that run's rows into `folder/runs/<run_id>/`. Returns the files written.

    CSV text that a spreadsheet would run as a formula gets a leading `'` unless `raw_csv`
    (see `write_csv`); JSON Lines and Parquet keep the exact text.
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
                write_csv(path, FIELDS[table], rows, excel=excel, raw_csv=raw_csv)
            elif fmt == "jsonl":
                write_jsonl(path, rows)
            else:
                write_parquet(path, rows, table=table)
            written.append(path)
    if run_id is None:
        written += _export_stories(store, target, formats, excel, raw_csv)
    return written


def _export_stories(store: "Store", target: Path, formats: Sequence[str], excel: bool,
                    raw_csv: bool) -> list[Path]:
    """The dataset's `stories` table (story_id per article, origin, similarity, lag), beside
    the whole tables, when its harvests built stories: `load` of the export folder then gives
    articles their story_id as it does for the dataset; a Parquet export gets stories.parquet
    with the dtypes of `govnews.story_members` (published_at in Vietnam time, Float64, boolean)."""
    from .store import open_readonly
    from .stories import STORIES_COLUMNS, iter_story_rows, stories_frame
    conn = open_readonly(store.path)
    written = []
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='stories'"
                            ).fetchone():
            return []
        for fmt in dict.fromkeys(formats):
            path = target / f"stories.{fmt}"
            rows = iter_story_rows(conn)
            if fmt == "csv":
                write_csv(path, list(STORIES_COLUMNS), rows, excel=excel, raw_csv=raw_csv)
            elif fmt == "jsonl":
                write_jsonl(path, rows)
            else:
                write_parquet(path, stories_frame(list(rows)))
            written.append(path)
    finally:
        conn.close()
    return written


def _safe_component(run_id: str) -> str:
    if not run_id or run_id in (".", "..") or any(c in run_id for c in "/\\\0"):
        raise ValueError(f"run id {run_id!r} cannot name a folder")
    return run_id
