"""Engagement for analysts: view counts as gains, rates, time series and rankings.

Pure pandas functions over a loaded dataset (`govnews.load(folder)`); no files written, no
clock read. Each takes `data`: a `Dataset`, a dataset or export folder (loaded first), or, for
`views_over_time`, an observations DataFrame alone.

A view count is what the portal printed when govnews fetched the page, so a gain is known only
between two observations of the same article: `engagement` measures each gain from the
article's previous observation that had a count, over the time between the two.
"""
from __future__ import annotations

import math
import os
from datetime import timedelta
from typing import Sequence

import numpy as np
import pandas as pd
from pandas.arrays import IntegerArray

from .dataset import Dataset, frame_from_rows, load
from .schema import LOCAL_TZ

__all__ = ["engagement", "views_over_time", "top_gainers", "decay_by_age", "AGE_BINS"]

Data = Dataset | pd.DataFrame | str | os.PathLike

ENGAGEMENT_DTYPES: dict[str, str] = {
    "article_id": "string",
    "site": "string",
    "headline": "string",
    "published_at": f"datetime64[ns, {LOCAL_TZ}]",
    "run_id": "string",
    "observed_at": "datetime64[ns, UTC]",
    "views": "Int64",
    "views_gained": "Int64",
    "views_per_day": "Float64",
    "age_days": "Float64",
    "source_archive": "string",     # "wayback", "commoncrawl": a capture from a web archive
}
_ELAPSED = "days_elapsed"  # kept internally for decay_by_age, not returned by engagement()

AGE_BINS: tuple[float, ...] = (0, 1, 7, 30, 90, math.inf)
LABEL_CHARS = 60
_DAY = pd.Timedelta(days=1)


def engagement(data: Data) -> pd.DataFrame:
    """One row per article and observation: the view count, its gain and the gain per day.

    Columns: article_id, site, headline, published_at (Vietnam time), run_id, observed_at
    (UTC), views (Int64), views_gained (Int64: since the article's previous observation that
    had a count; <NA> for the first, and for an observation without a count), views_per_day
    (Float64: views_gained over the days between those two observations; <NA> when there is no
    gain or no time between them; negative when the portal's count went down), age_days
    (Float64: observed_at - published_at in days; <NA> without published_at), source_archive
    (string: "wayback" or "commoncrawl" for a point recovered from a web archive, observed_at
    then being its capture time; <NA> for govnews's own fetches). Sorted by article_id, then
    observed_at. Observations without a view count keep their row.

    Example: one article fetched by five runs; r3 found no counter on the page, so r4's gain of
    220 is measured from r2b, 5 days 8 hours earlier.

        >>> rows = govnews.engagement(govnews.load("govnews-data"))
        >>> rows.loc[rows["article_id"] == "6e1f0c3a9b2d4e57",
        ...          ["run_id", "views", "views_gained", "views_per_day", "age_days"]].round(2)
           run_id  views  views_gained  views_per_day  age_days
        8      r1    100          <NA>           <NA>      0.12
        9      r2    160            60           60.0      1.12
        10    r2b    170            10           15.0      1.79
        11     r3   <NA>          <NA>           <NA>      3.12
        12     r4    390           220          41.25      7.12
    """
    return _engagement(*_tables(data)[:2]).drop(columns=_ELAPSED)


def views_over_time(
    data: Data,
    freq: str | None = "D",
    by: str = "article",
    label: str = "article_id",
    fill: bool = True,
) -> pd.DataFrame:
    """View counts as a wide frame, ready for `.plot()`: one row per period, one column per article.

    `freq`: a pandas frequency ("D", "W", "h", ...): periods of observed_at in Vietnam time
    (labels as pandas resample gives them: "D" the local midnight, "W" the Sunday ending the
    week), every period from the first observation to the last; "run": one row per run,
    indexed by the run's start (Vietnam time); None: one row per distinct observed_at (UTC),
    the highest count where an article was fetched twice at the same time.
    The value is the last view count seen in the period (Int64); with `fill` (the default) it
    is carried forward to later periods, never before an article's first observation.
    `by="site"`: one column per site, the sum over its articles (of the carried-forward counts
    when `fill`). `label="headline"`: columns named by headline, cut to 60 characters and made
    unique with " #2", " #3"; an article without a headline keeps its article_id.
    `data` may also be an observations DataFrame alone (headlines and run starts then unknown).

    Example: the first article was first fetched on 2 May, the second on 1 May; neither was
    fetched from 3 to 7 May.

        >>> data = govnews.load("govnews-data")
        >>> govnews.views_over_time(data, freq="D").iloc[:, :2]
        article_id                 35746d91f1b203a5  574320b9f6232687
        period
        2024-05-01 00:00:00+07:00              <NA>                 5
        2024-05-02 00:00:00+07:00                50                 5
        2024-05-03 00:00:00+07:00                50                 5
        ...
        2024-05-08 00:00:00+07:00                90                 5
        >>> govnews.views_over_time(data, freq="W", label="headline").plot()
    """
    if by not in ("article", "site"):
        raise ValueError(f"by={by!r}: expected 'article' or 'site'")
    if label not in ("article_id", "headline"):
        raise ValueError(f"label={label!r}: expected 'article_id' or 'headline'")
    if label == "headline" and by != "article":
        raise ValueError("label='headline' needs by='article'")
    articles, observations, runs = _tables(data)
    obs = observations.dropna(subset=["observed_at", "article_id"])
    if freq is None:
        wide = _by_time(obs)
    elif freq == "run":
        wide = _by_run(obs, runs)
    else:
        wide = _by_period(obs, freq)
    if fill:
        wide = wide.ffill()
    if by == "site":
        wide = _sum_by_site(wide, obs)
    elif label == "headline":
        wide.columns = pd.Index(_headline_labels(wide.columns, articles), name="headline")
    return _as_int64(wide)


def top_gainers(data: Data, since: pd.Timestamp | str | timedelta | None = None, n: int = 10) -> pd.DataFrame:
    """The `n` articles that gained the most views within a window, most first (index: rank from 1).

    `since`: None for all observations; a duration ("7D", "24h", a Timedelta) for that much
    time up to the newest observation; a time (Timestamp or "2024-05-01"; naive means Vietnam
    time). An article's start is its last count at or before the window's start, else its first
    count inside the window; its end is its last count; articles with no count inside the
    window are left out. Columns: article_id, site, headline, views_start, views_end, gained,
    start_at, end_at (the observation times of the two counts, UTC). Ties: the higher
    views_end first.

    Example: the third article was first fetched inside the week, so it starts from its first count.

        >>> from govnews.output.engagement import top_gainers
        >>> top_gainers(govnews.load("govnews-data"), since="7D", n=3)[["site", "views_start", "views_end", "gained"]]
                  site  views_start  views_end  gained
        rank
        1      baclieu          100        390     290
        2      baclieu         1000       1070      70
        3     quangtri           50         90      40
    """
    rows = engagement(data)
    counted = rows[rows["views"].notna() & rows["observed_at"].notna()]
    start = _window_start(since, counted["observed_at"].max()) if len(counted) else None
    if start is None:
        before, inside = counted.iloc[:0], counted
    else:
        before, inside = counted[counted["observed_at"] <= start], counted[counted["observed_at"] > start]
    last_inside = inside.groupby("article_id", sort=False).tail(1).set_index("article_id")
    first = pd.concat([before.groupby("article_id", sort=False).tail(1),
                       inside.groupby("article_id", sort=False).head(1)])
    first = first.drop_duplicates("article_id").set_index("article_id").reindex(last_inside.index)
    table = pd.DataFrame({
        "site": last_inside["site"],
        "headline": last_inside["headline"],
        "views_start": first["views"],
        "views_end": last_inside["views"],
        "gained": last_inside["views"] - first["views"],
        "start_at": first["observed_at"],
        "end_at": last_inside["observed_at"],
    }).reset_index()
    table = table.sort_values(["gained", "views_end", "article_id"], ascending=[False, False, True], kind="stable")
    table = table.head(n).reset_index(drop=True)
    table.index = pd.RangeIndex(1, len(table) + 1, name="rank")
    return table


def decay_by_age(data: Data, bins: Sequence[float] = AGE_BINS) -> pd.DataFrame:
    """Median views per day by article age, per site: how fast views fade as an article ages.

    Each gain between two observations (`engagement`'s views_per_day) is placed in the age bin
    of the article's age halfway between them; `bins` are the edges in days, each bin holding
    ages from its left edge up to, not including, its right edge (labels "0-1", ..., "90+").
    Index: age_days (every bin, <NA> where a site has no gain of that age); columns: site;
    values Float64. Articles without published_at are left out.

    Example:

        >>> from govnews.output.engagement import decay_by_age
        >>> decay_by_age(govnews.load("govnews-data")).round(1)
        site      baclieu  quangtri
        age_days
        0-1          60.0      <NA>
        1-7          28.1      <NA>
        7-30         <NA>      <NA>
        30-90        10.0      <NA>
        90+          <NA>       6.7
    """
    edges = [float(b) for b in bins]
    if len(edges) < 2 or any(hi <= lo for lo, hi in zip(edges, edges[1:])):
        raise ValueError(f"bins={bins!r}: expected at least two increasing edges")
    labels = [f"{lo:g}+" if math.isinf(hi) else f"{lo:g}-{hi:g}" for lo, hi in zip(edges, edges[1:])]
    index = pd.CategoricalIndex(labels, categories=labels, ordered=True, name="age_days")
    rows = _engagement(*_tables(data)[:2])
    rates = rows[rows["views_per_day"].notna() & rows["age_days"].notna()]
    if rates.empty:
        return pd.DataFrame(index=index, columns=pd.Index([], name="site", dtype="string"), dtype="Float64")
    midpoint = (rates["age_days"] - rates[_ELAPSED] / 2).astype("float64")
    age = pd.cut(midpoint, bins=edges, right=False, labels=labels, ordered=True)
    medians = rates.assign(age_days=age).groupby(["age_days", "site"], observed=False)["views_per_day"].median()
    return medians.unstack("site").reindex(index).astype("Float64")


# -- the parts -------------------------------------------------------------------------------

def _tables(data: Data) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(articles, observations, runs) of `data`; empty articles and runs for bare observations."""
    if isinstance(data, (str, os.PathLike)):
        data = load(data)
    if isinstance(data, Dataset):
        return data.articles, data.observations, data.runs
    if isinstance(data, pd.DataFrame):
        return frame_from_rows("articles", []), data, frame_from_rows("runs", [])
    raise TypeError(f"expected a Dataset, a folder or an observations DataFrame, got {type(data).__name__}")


def _engagement(articles: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """`engagement`'s frame plus days_elapsed: the days over which views_gained accrued."""
    if "source_archive" not in observations:
        observations = observations.assign(source_archive=pd.NA)
    obs = observations[["article_id", "site", "run_id", "observed_at", "view_count",
                        "source_archive"]]
    obs = obs.sort_values(["article_id", "observed_at", "run_id"], na_position="last", kind="stable")
    obs = obs.reset_index(drop=True).rename(columns={"view_count": "views"})
    counted = obs[obs["views"].notna() & obs["observed_at"].notna()]
    previous = counted.groupby("article_id", sort=False)[["views", "observed_at"]].shift()
    gained = (counted["views"] - previous["views"]).astype("Int64")
    elapsed = ((counted["observed_at"] - previous["observed_at"]) / _DAY).astype("Float64")
    per_day = (gained.astype("Float64") / elapsed).where((elapsed > 0).fillna(False))
    info = articles.drop_duplicates("article_id", keep="last").set_index("article_id")
    matched = info[["headline", "published_at"]].reindex(obs["article_id"]).set_axis(obs.index)
    frame = obs.assign(
        headline=matched["headline"],
        published_at=matched["published_at"],
        views_gained=gained.reindex(obs.index),
        views_per_day=per_day.reindex(obs.index),
        **{_ELAPSED: elapsed.reindex(obs.index)},
    )
    frame = frame.astype({"published_at": ENGAGEMENT_DTYPES["published_at"]})
    frame["age_days"] = (frame["observed_at"] - frame["published_at"]) / _DAY
    return frame[[*ENGAGEMENT_DTYPES, _ELAPSED]].astype(ENGAGEMENT_DTYPES)


# The wide frames are built as one float64 block (NaN for missing; counts are far below 2**53)
# and turn Int64 at the end: a frame of thousands of Int64 columns is slow to reshape.

def _by_time(obs: pd.DataFrame) -> pd.DataFrame:
    if obs.empty:
        return _empty_wide(pd.DatetimeIndex([], tz="UTC", name="observed_at"))
    counts = obs.groupby(["observed_at", "article_id"])["view_count"].max().astype("float64")
    return counts.unstack("article_id").sort_index()


def _by_period(obs: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Binned before pivoting, so the frame has one row per period, not per observation time."""
    if obs.empty:
        return _empty_wide(pd.DatetimeIndex([], tz=LOCAL_TZ, name="period"))
    local = obs.assign(observed_at=obs["observed_at"].dt.tz_convert(LOCAL_TZ))
    local = local.sort_values(["observed_at", "view_count"], kind="stable")  # a tie keeps the highest
    last = local.groupby([pd.Grouper(key="observed_at", freq=freq), "article_id"])["view_count"].last()
    wide = last.astype("float64").unstack("article_id")
    periods = pd.Series(0, index=wide.index).resample(freq).last().index  # with the empty periods
    return wide.reindex(periods).rename_axis(index="period")


def _by_run(obs: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    if obs.empty:
        return _empty_wide(pd.DatetimeIndex([], tz=LOCAL_TZ, name="run_started_at"))
    started = runs.dropna(subset=["started_at"]).drop_duplicates("run_id").set_index("run_id")["started_at"]
    first_seen = obs.groupby("run_id")["observed_at"].min()  # for runs not in the runs table
    start = started.reindex(obs["run_id"]).fillna(first_seen.reindex(obs["run_id"])).set_axis(obs.index)
    keyed = obs.assign(run_started_at=start.dt.tz_convert(LOCAL_TZ))
    keyed = keyed.sort_values(["observed_at", "view_count"], kind="stable")
    last = keyed.groupby(["run_started_at", "article_id"])["view_count"].last()
    return last.astype("float64").unstack("article_id").sort_index()


def _as_int64(wide: pd.DataFrame) -> pd.DataFrame:
    """A float64 frame of whole numbers as Int64 columns, NaN as <NA> (faster than astype)."""
    values = wide.to_numpy(dtype="float64")
    missing = np.isnan(values)
    counts = np.where(missing, 0, values).astype("int64")
    columns = {i: IntegerArray(counts[:, i], missing[:, i]) for i in range(values.shape[1])}
    return pd.DataFrame(columns, index=wide.index).set_axis(wide.columns, axis="columns")


def _empty_wide(index: pd.DatetimeIndex) -> pd.DataFrame:
    return pd.DataFrame(index=index, columns=pd.Index([], name="article_id", dtype="string"), dtype="float64")


def _sum_by_site(wide: pd.DataFrame, obs: pd.DataFrame) -> pd.DataFrame:
    site_of = obs.groupby("article_id")["site"].last().reindex(wide.columns)
    totals = wide.T.groupby(site_of.to_numpy(), sort=True).sum(min_count=1).T
    totals.columns = pd.Index(totals.columns, name="site", dtype="string")
    return totals.rename_axis(index=wide.index.name)


def _headline_labels(article_ids: Sequence[str], articles: pd.DataFrame) -> list[str]:
    """Headlines cut to LABEL_CHARS, made unique with " #2", " #3"; the article_id without one."""
    headline_of = articles.drop_duplicates("article_id", keep="last").set_index("article_id")["headline"]
    labels: list[str] = []
    seen: set[str] = set()
    for aid in article_ids:
        text = headline_of.get(aid)
        text = str(aid) if text is None or pd.isna(text) else str(text)
        label, copy = _shorten(text, LABEL_CHARS), 1
        while label in seen:
            copy += 1
            suffix = f" #{copy}"
            label = _shorten(text, LABEL_CHARS - len(suffix)) + suffix
        seen.add(label)
        labels.append(label)
    return labels


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _window_start(since: pd.Timestamp | str | timedelta | None, newest: pd.Timestamp) -> pd.Timestamp | None:
    if since is None:
        return None
    if isinstance(since, str):
        try:
            since = pd.Timedelta(since)
        except ValueError:
            since = pd.Timestamp(since)
    if isinstance(since, timedelta):  # pd.Timedelta included
        return newest - pd.Timedelta(since)
    moment = pd.Timestamp(since)
    return moment.tz_localize(LOCAL_TZ) if moment.tzinfo is None else moment
