"""Load a dataset folder, or an export folder, into typed pandas DataFrames."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, NamedTuple

import pandas as pd

from .schema import DTYPES, KINDS, LOCAL_TZ, SCHEMA_VERSION, TABLES, has_offset
from .shards import unmerged_rows
from .store import DB_NAME, StoreError, connect_readonly, read_rows
from .writers import PARQUET_VERSION_KEY, ParquetUnavailableError, import_pyarrow, csv_unescape_text

# The exported formats `load` reads, in order of preference (each is a whole table).
EXPORT_FORMATS = ("parquet", "jsonl", "csv")


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


def _with_unmerged(table: str, rows, unmerged: list[dict]):
    """A table's rows with a shard's unmerged rows: articles replaced by their newer extraction
    (keeping the earlier first_seen_at), observations and counters added."""
    if not unmerged:
        yield from rows
        return
    if table != "articles":
        yield from rows
        yield from unmerged
        return
    newer = {row["article_id"]: row for row in unmerged}
    for row in rows:
        fresh = newer.pop(row["article_id"], None)
        if fresh is None:
            yield row
        else:
            yield {**fresh, "first_seen_at": row.get("first_seen_at") or fresh.get("first_seen_at")}
    yield from newer.values()


def load(folder: Path | str, *, raw_csv: bool = False, engine: str = "pandas") -> Dataset:
    """The four tables of a dataset folder or an export folder, with the schema's dtypes.

    Reads `dataset.sqlite` when the folder has one; otherwise, for each table, the first of
    `<table>.parquet`, `.jsonl`, `.csv` that is there (Parquet is passed over when pyarrow is
    not installed and another format is there). The dtypes are the same whichever was read;
    columns a file lacks (written by an older govnews) are null.

    CSV exports are safe to open in a spreadsheet: the writer put a `'` before text starting
    with `=`, `+`, `-`, `@`, a tab or a carriage return (and before quotes followed by one of
    those). Loading removes exactly that one quote: where a cell starts with `'` and the text
    after its leading quotes starts with one of those characters. So `load` of a CSV export
    gives back the exact text. For a CSV written with `raw_csv=True` (`--raw-csv`), pass
    `raw_csv=True` here too, and every cell is read as it is.

        >>> data = load("govnews-data")
        >>> data.observations.dtypes["view_count"]
        Int64Dtype()

    `engine="dask"` returns dask DataFrames instead (`pip install 'govnews[cluster]'`), for
    datasets larger than memory: a dataset folder's articles, observations and site counters
    in one partition per site, read when computed; the same rows and dtypes as pandas.

        >>> views = load("govnews-data", engine="dask").observations
        >>> views.groupby("site").view_count.max().compute()
    """
    folder = Path(folder)
    db = folder / DB_NAME
    if engine == "dask":
        return _load_dask(folder, raw_csv)
    if engine != "pandas":
        raise ValueError(f"engine must be 'pandas' or 'dask', not {engine!r}")
    if db.is_file():
        conn = connect_readonly(db)
        try:
            # the union of the shards: runs in progress or never merged are read from them
            unmerged = unmerged_rows(conn, folder)
            data = Dataset(**{t: frame_from_rows(t, _with_unmerged(t, read_rows(conn, t),
                                                                   unmerged.get(t, [])))
                              for t in TABLES})
        finally:
            conn.close()
        from .stories import attach_story_ids, has_stories
        if has_stories(folder):         # a dataset whose harvests built stories
            data = data._replace(articles=attach_story_ids(data.articles, folder))
        return data
    sources = {t: _exported_file(folder, t) for t in TABLES}
    if not any(sources.values()):
        raise FileNotFoundError(
            f"{folder}: no {DB_NAME} and no exported {', '.join('.' + f for f in EXPORT_FORMATS)} tables"
        )
    data = Dataset(**{t: _read_exported(t, path, raw_csv) for t, path in sources.items()})
    from .stories import STORY_FILES, attach_story_ids
    if any((folder / name).is_file() for name in STORY_FILES):   # exported with its stories
        data = data._replace(articles=attach_story_ids(data.articles, folder))
    return data


SITE_TABLES = ("articles", "observations", "site_counters")


def _load_dask(folder: Path, raw_csv: bool) -> Dataset:
    try:
        import dask
        import dask.dataframe as dd
    except ImportError:
        raise ImportError("load(engine='dask') needs Dask: pip install "
                          "'dask[distributed,dataframe]' (govnews's 'cluster' extra)") from None
    db = folder / DB_NAME
    if not db.is_file():                # an export folder: read once, one partition per table
        eager = load(folder, raw_csv=raw_csv)
        return Dataset(*(dd.from_pandas(frame, npartitions=1) for frame in eager))
    conn = connect_readonly(db)
    try:
        sites = [r[0] for r in conn.execute("SELECT DISTINCT site FROM articles ORDER BY site")]
        sites += sorted({row["site"] for rows in unmerged_rows(conn, folder).values()
                         for row in rows} - set(sites))
    finally:
        conn.close()
    tables = {}
    # the pandas dtypes as they are: list columns (images, ...) stay objects, not strings
    with dask.config.set({"dataframe.convert-string": False}):
        for table in TABLES:
            meta = _site_frame(folder, table, None, empty=True)
            parts = [dask.delayed(_site_frame)(folder, table, site) for site in sites] \
                if table in SITE_TABLES and sites \
                else [dask.delayed(_site_frame)(folder, table, None)]
            tables[table] = dd.from_delayed(parts, meta=meta, verify_meta=False)
    return Dataset(**tables)


def _site_frame(folder: Path, table: str, site: str | None, empty: bool = False) -> pd.DataFrame:
    """One partition of `load(engine="dask")`: a table's rows of one site (all rows for None),
    merged and unmerged shard runs alike, with the pandas dtypes."""
    conn = connect_readonly(folder / DB_NAME)
    try:
        if empty:
            rows: Iterable = []
        else:
            unmerged = [r for r in unmerged_rows(conn, folder).get(table, [])
                        if site is None or r.get("site") == site]
            rows = _with_unmerged(table, read_rows(conn, table, where_site=site), unmerged)
        frame = frame_from_rows(table, rows)
    finally:
        conn.close()
    if table == "articles":
        from .stories import attach_story_ids, has_stories
        if has_stories(folder):
            frame = attach_story_ids(frame, folder)
    return frame


def frame_from_rows(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Record dicts of `table` as a DataFrame with the schema's columns and dtypes (even when empty)."""
    rows = list(rows)
    columns = {name: _column([r.get(name) for r in rows], kind) for name, kind in KINDS[table].items()}
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))
    return frame.astype(DTYPES[table])


def conform_frame(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with exactly the columns of `table`, in schema order, with the schema's dtypes.

    Columns it lacks are null (lists empty), columns the schema does not know are dropped,
    list cells (arrays, as Parquet gives them) become Python lists, times are converted to
    their zone (a naive time is read as UTC, or as Vietnam time for `published_at`).
    """
    n = len(frame)
    columns = {}
    for name, kind in KINDS[table].items():
        if name in frame.columns:
            columns[name] = _conform_column(frame[name].reset_index(drop=True), kind)
        else:
            columns[name] = _column([None] * n, kind)
    return pd.DataFrame(columns, index=pd.RangeIndex(n)).astype(DTYPES[table])


def views_over_time(observations: pd.DataFrame) -> pd.DataFrame:
    """View counts as a wide table: index observed_at (UTC), one Int64 column per article_id.

    Duplicate (article_id, observed_at) pairs keep the highest count; articles not observed at a
    time are <NA>. Kept for existing callers: `govnews.views_over_time` (output.engagement)
    also bins by day, week or run, forward-fills and labels by headline.
    """
    from .engagement import views_over_time as wide_views

    return wide_views(observations, freq=None, fill=False)


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


def _conform_column(series: pd.Series, kind: str) -> Any:
    if kind == "list":
        return pd.Series([_as_list(v) for v in series], dtype=object, index=series.index)
    if kind in ("utc", "local"):
        zone = "UTC" if kind == "utc" else LOCAL_TZ
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            return series.dt.tz_convert(zone)
        if pd.api.types.is_datetime64_dtype(series.dtype):
            return series.dt.tz_localize(zone)
        return _column([None if pd.isna(v) else str(v) for v in series], kind)
    return series


def _as_list(value: Any) -> list:
    if value is None or value is pd.NA:
        return []
    if isinstance(value, str):
        return json.loads(value) if value else []
    if isinstance(value, float) and value != value:  # NaN from a frame with missing cells
        return []
    return list(value)


def exported_tables(folder: Path | str) -> list[Path]:
    """The exported table files `load` would read from an export folder (none for a folder
    that holds no export)."""
    return [path for path in (_exported_file(Path(folder), t) for t in TABLES) if path is not None]


def _exported_file(folder: Path, table: str) -> Path | None:
    found = [folder / f"{table}.{fmt}" for fmt in EXPORT_FORMATS if (folder / f"{table}.{fmt}").is_file()]
    if len(found) > 1 and found[0].suffix == ".parquet" and not _has_pyarrow():
        return found[1]
    return found[0] if found else None


def _has_pyarrow() -> bool:
    try:
        import_pyarrow()
    except ParquetUnavailableError:
        return False
    return True


def _read_exported(table: str, path: Path | None, raw_csv: bool = False) -> pd.DataFrame:
    if path is None:
        return frame_from_rows(table, [])
    if path.suffix == ".parquet":
        return conform_frame(table, _read_parquet(path))
    rows = _read_jsonl(path) if path.suffix == ".jsonl" else _read_csv(table, path, raw_csv)
    return frame_from_rows(table, rows)


def _read_parquet(path: Path) -> pd.DataFrame:
    """A Parquet table as pandas converts it (the file's pandas metadata gives the dtypes);
    StoreError when it was written by a newer schema than this code reads."""
    _, pq = import_pyarrow()
    arrow = pq.read_table(path)
    version = (arrow.schema.metadata or {}).get(PARQUET_VERSION_KEY.encode())
    if version is not None and int(version) > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: schema version {int(version)} is newer than this govnews "
            f"(reads up to {SCHEMA_VERSION}); upgrade govnews"
        )
    return arrow.to_pandas()


def _read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise StoreError(f"{path}:{number}: not a whole JSON line (cut or edited by "
                                 f"another tool?): {exc}; export the dataset again") from None


_INT_RE = re.compile(r"^-?\d+$")


def _read_csv(table: str, path: Path, raw_csv: bool = False) -> Iterator[dict]:
    """CSV rows with empty cells as None, counts as int, list cells decoded from JSON, and the
    spreadsheet escape of text cells undone (unless `raw_csv`)."""
    kinds = KINDS[table]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = handle.readline()
        handle.seek(0)
        # (a table a spreadsheet saved again: ';' or tabs between the cells, where the locale
        # writes decimal commas; the BOM it adds is read by utf-8-sig)
        delimiter = max((",", ";", "\t"), key=header.count)
        reader = csv.DictReader(handle, delimiter=delimiter)
        if header.strip() and not kinds.keys() & set(reader.fieldnames or ()):
            raise StoreError(f"{path}: none of the {table} table's columns in its first line; "
                             "not a govnews export (export the dataset again)")
        for row in reader:
            yield {k: _csv_value(v, kinds[k], raw_csv) for k, v in row.items() if k in kinds}


def _csv_value(cell: str | None, kind: str, raw_csv: bool = False) -> Any:
    if cell is None or cell == "":
        return [] if kind == "list" else None
    if kind == "int?":
        if not _INT_RE.match(cell.strip()):
            raise ValueError(f"not an integer count: {cell!r}")
        return int(cell)
    if kind == "list":
        return json.loads(cell)
    return cell if raw_csv else csv_unescape_text(cell)


def site_status(folder: Path | str) -> pd.DataFrame:
    """Whether each site answered, run by run: site, run_id, observed_at (UTC), status
    (reachable, redirected, gone, blocked, failing), detail, final_url (where a redirect went).

    >>> status = site_status("govnews-data")
    >>> status.pivot(index="run_id", columns="site", values="status")   # a site's history
    """
    from .store import read_site_status
    db = Path(folder) / DB_NAME
    rows = []
    if db.is_file():
        conn = connect_readonly(db)
        try:
            rows = read_site_status(conn)
        finally:
            conn.close()
    frame = pd.DataFrame(rows, columns=["site", "run_id", "observed_at", "status", "detail",
                                        "final_url"])
    # (the UTC dtype of every other table's times: pandas would infer microseconds here)
    frame["observed_at"] = pd.to_datetime(frame["observed_at"], utc=True, format="ISO8601").astype(DTYPES["observations"]["observed_at"])
    return frame.astype({c: "string" for c in ("site", "run_id", "status", "detail", "final_url")})
