"""The engagement report: one self-contained HTML page of charts and tables for analysts.

`build_report(dataset)` turns a loaded `Dataset` into the page; `write_report(folder, out)` loads a
dataset folder and writes the page atomically. The page needs nothing from the network: charts are
PNGs drawn with matplotlib's Agg renderer (a `Figure` per chart, no pyplot and no global state, so
it is safe in threads) and embedded as `data:` URIs, the CSS is inline, and a Content-Security-Policy
forbids scripts and every outside resource. The only URLs on the page are the article links.

Days and months are calendar days in Vietnam time (UTC+7); DejaVu Sans, matplotlib's own default
font, has every Vietnamese glyph.
"""
from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DateLocator, DayLocator
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .dataset import Dataset, load, views_over_time
from .schema import LOCAL_TZ
from .writers import atomic_write

__all__ = [
    "DEFAULT_TITLE", "build_report", "write_report",
    "rank_articles", "daily_view_gains", "monthly_publications", "counter_growth", "site_summary",
]

DEFAULT_TITLE = "govnews — engagement report"
LEGEND_CHARS = 60  # headlines are shortened to this many characters in chart legends
CHART_WIDTH_IN = 10.0
CHART_HEIGHT_IN = 4.2
CHART_DPI = 110
DAILY_TICKS_UP_TO = 31  # days; a longer bar chart of days gets matplotlib's automatic ticks
MONTH_MARKERS_UP_TO = 36  # months; longer monthly lines are drawn without markers
DAY = pd.Timedelta(days=1)
TIME_NOTE = "Vietnam time (UTC+7)"
NO_VALUE = "—"
THIN_SPACE = "\u202f"  # digit grouping readable in both the Vietnamese and the English convention
SAFE_LINK_SCHEMES = ("http://", "https://")

NOTE_NO_VIEWS = "No view counts observed yet."
NOTE_TWO_RUNS_VIEWS = "Needs at least two runs: no article's view count has been observed twice yet."
NOTE_NO_DATES = "No publication dates extracted."
NOTE_NO_COUNTERS = "No visitor counters recorded: the sites show none, or none was extracted."
NOTE_TWO_RUNS_COUNTERS = "Needs at least two runs: each site's visitor counter has been read once."
NOTE_NO_TABLE = "No article has a view count yet."


@dataclass(frozen=True)
class Chart:
    """One section of the page: a PNG, or a note saying why there is no chart."""

    heading: str
    caption: str
    png: bytes | None = None
    note: str | None = None


# -- the two entry points ----------------------------------------------------------------------

def build_report(dataset: Dataset, title: str = DEFAULT_TITLE, top: int = 10) -> str:
    """The complete HTML document for `dataset`, with the `top` most-read articles charted and listed."""
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    ranked = rank_articles(dataset, top)
    charts = [
        views_chart(ranked, dataset.observations, top),
        gains_chart(daily_view_gains(dataset.observations), _has_views(dataset.observations)),
        publications_chart(monthly_publications(dataset.articles, top)),
        counters_chart(counter_growth(dataset.site_counters), top),
    ]
    return render_page(title, summary_items(dataset), charts, ranked, site_summary(dataset))


def write_report(folder: Path | str, out: Path | str, title: str = DEFAULT_TITLE, top: int = 10) -> Path:
    """Load the dataset in `folder` and write its report to `out` (whole or not at all); returns `out`."""
    page = build_report(load(folder), title=title, top=top)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(out, newline="\n") as handle:
        handle.write(page)
    return out


# -- the numbers -------------------------------------------------------------------------------

def rank_articles(dataset: Dataset, top: int) -> pd.DataFrame:
    """The `top` articles by latest view count, most viewed first.

    Columns: article_id, url, site, headline, published_at, latest_views, gained, observed.
    The latest count is the last observed one, else the article's own `view_count`; articles with
    neither are left out. `gained` is the latest minus the first observed count (<NA> when the
    article was observed fewer than twice); `observed` counts the observations with a view count.
    """
    articles = dataset.articles.drop_duplicates("article_id", keep="last").set_index("article_id")
    first, last, observed = _observed_views(dataset.observations)
    latest = last.reindex(articles.index).fillna(articles["view_count"])
    observed = observed.reindex(articles.index).fillna(0).astype("int64")
    gained = (last - first).reindex(articles.index).where(observed >= 2)
    table = pd.DataFrame(
        {
            "url": articles["url"],
            "site": articles["site"],
            "headline": articles["headline"],
            "published_at": articles["published_at"],
            "latest_views": latest.astype("Int64"),
            "gained": gained.astype("Int64"),
            "observed": observed,
        },
        index=articles.index,
    )
    table = table.dropna(subset=["latest_views"]).sort_index()
    table = table.sort_values("latest_views", ascending=False, kind="stable")
    return table.head(top).reset_index()


def _has_views(observations: pd.DataFrame) -> bool:
    return bool((observations["view_count"].notna() & observations["observed_at"].notna()).any())


def _observed_views(observations: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Per article_id: the first and the last observed view count, and how many were observed."""
    obs = observations.dropna(subset=["article_id", "observed_at", "view_count"])
    views = obs.sort_values("observed_at", kind="stable").groupby("article_id")["view_count"]
    return views.first(), views.last(), views.size()


def daily_view_gains(observations: pd.DataFrame) -> pd.Series:
    """Views gained per calendar day (Vietnam time), summed over articles; floats indexed by day.

    An article's increase between two consecutive observations is spread evenly over the time
    between them, so runs days apart add to every day in between rather than all to the day of
    the later run. A decrease (a reset counter) counts as no gain. Empty when no article's view
    count was observed twice.
    """
    steps = view_steps(observations)
    if steps.empty:
        return pd.Series([], index=pd.DatetimeIndex([], name="day"), dtype="float64", name="views_gained")
    start = steps["t0"].min().tz_convert(LOCAL_TZ).normalize()
    end = steps["t1"].max().tz_convert(LOCAL_TZ).normalize() + DAY
    bounds = pd.date_range(start, end, freq="D")
    reached = sum_of_ramps(_seconds(bounds, start), _seconds(steps["t0"], start),
                           _seconds(steps["t1"], start), steps["gain"].to_numpy(dtype="float64"))
    days = bounds[:-1].tz_localize(None).rename("day")
    return pd.Series(np.diff(reached), index=days, name="views_gained")


def view_steps(observations: pd.DataFrame) -> pd.DataFrame:
    """Each article's consecutive observations as steps: t0, t1 (UTC) and gain (>= 0, float).

    Repeated (article, time) pairs keep the highest count; observations without a count are skipped.
    """
    obs = observations.dropna(subset=["article_id", "observed_at", "view_count"])
    obs = obs.groupby(["article_id", "observed_at"], as_index=False)["view_count"].max()
    per_article = obs.groupby("article_id")
    steps = pd.DataFrame(
        {
            "t0": per_article["observed_at"].shift(),
            "t1": obs["observed_at"],
            "gain": (obs["view_count"] - per_article["view_count"].shift()).astype("float64").clip(lower=0),
        }
    )
    return steps.dropna().reset_index(drop=True)


def sum_of_ramps(x: np.ndarray, starts: np.ndarray, ends: np.ndarray, amounts: np.ndarray) -> np.ndarray:
    """At each x, how much a set of ramps has risen in total.

    A ramp rises linearly by its amount from its start to its end (start < end): nothing before,
    all of it after. Computed in O((n + len(x)) log n) as sum(rate * (min(x, end) - min(x, start))).
    """
    rates = amounts / (ends - starts)
    return _weighted_min_sum(x, ends, rates) - _weighted_min_sum(x, starts, rates)


def _weighted_min_sum(x: np.ndarray, points: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """sum_i weights[i] * min(x, points[i]) for each x."""
    order = np.argsort(points, kind="stable")
    points, weights = points[order], weights[order]
    below = np.concatenate([[0.0], np.cumsum(weights * points)])
    above = np.concatenate([np.cumsum(weights[::-1])[::-1], [0.0]])
    k = np.searchsorted(points, x, side="right")
    return below[k] + x * above[k]


def _seconds(times: pd.Series | pd.DatetimeIndex, origin: pd.Timestamp) -> np.ndarray:
    return np.asarray((times - origin) / pd.Timedelta(seconds=1), dtype="float64")


def monthly_publications(articles: pd.DataFrame, top: int) -> pd.DataFrame:
    """Articles published per month (Vietnam time) and site: index month start, one column per site.

    Months without articles are 0. The `top` sites with the most articles keep their own column;
    the rest are summed into one "other sites" column.
    """
    dated = articles.dropna(subset=["published_at", "site"])
    if dated.empty:
        return pd.DataFrame(index=pd.DatetimeIndex([], name="month"), dtype="int64")
    months = dated["published_at"].dt.tz_convert(LOCAL_TZ).dt.tz_localize(None).dt.to_period("M")
    counts = dated.groupby([months.rename("month"), dated["site"].astype(str)]).size().unstack(fill_value=0)
    counts = counts.reindex(pd.period_range(counts.index.min(), counts.index.max(), freq="M"), fill_value=0)
    counts.index = counts.index.to_timestamp().rename("month")
    return keep_top_columns(counts, top)


def keep_top_columns(frame: pd.DataFrame, top: int) -> pd.DataFrame:
    """`frame` with its `top` largest columns (by sum) in descending order, the rest summed into one."""
    order = frame.sum().sort_values(ascending=False, kind="stable").index
    kept, rest = list(order[:top]), list(order[top:])
    result = frame[kept].copy()
    if rest:
        result[f"other sites ({len(rest)})"] = frame[rest].sum(axis=1)
    return result


def counter_growth(site_counters: pd.DataFrame) -> pd.DataFrame:
    """Visitor counter readings with their growth since the site's first reading.

    Columns: site, observed_at (UTC), total, growth; sorted by site and time; rows without a
    total are dropped.
    """
    readings = site_counters.dropna(subset=["site", "observed_at", "total"])
    readings = readings.sort_values(["site", "observed_at"], kind="stable")[["site", "observed_at", "total"]]
    growth = readings["total"] - readings.groupby("site")["total"].transform("first")
    return readings.assign(growth=growth).reset_index(drop=True)


def site_summary(dataset: Dataset) -> pd.DataFrame:
    """One row per site: articles, observations, latest visitor counter total and its growth."""
    growth = counter_growth(dataset.site_counters).groupby("site")
    frame = pd.DataFrame(
        {
            "articles": dataset.articles.groupby("site").size(),
            "observations": dataset.observations.groupby("site").size(),
            "counter_total": growth["total"].last(),
            "counter_growth": growth["growth"].last(),
        }
    )
    frame.index = frame.index.astype(str)
    counts = frame[["articles", "observations"]].fillna(0).astype("int64")
    counters = frame[["counter_total", "counter_growth"]].astype("Int64")
    return pd.concat([counts, counters], axis=1).rename_axis("site").sort_index()


def summary_items(dataset: Dataset) -> list[tuple[str, str]]:
    """The header facts: runs, observed period, publication period, sites, articles, observations."""
    run_ids = _distinct(dataset.runs["run_id"], dataset.observations["run_id"], dataset.site_counters["run_id"])
    observed = _distinct(
        dataset.runs["started_at"], dataset.runs["finished_at"],
        dataset.observations["observed_at"], dataset.site_counters["observed_at"],
    )
    published = dataset.articles["published_at"].dropna()
    sites = _distinct(dataset.articles["site"], dataset.observations["site"], dataset.site_counters["site"])
    return [
        ("Runs", _runs_text(run_ids)),
        ("Observed", _period(observed, "%Y-%m-%d %H:%M") + (f", {TIME_NOTE}" if observed else "")),
        ("Published", _period(sorted(published), "%Y-%m-%d")),
        ("Sites", group_digits(len(sites))),
        ("Articles", group_digits(len(dataset.articles))),
        ("Observations", group_digits(len(dataset.observations))),
    ]


def _runs_text(run_ids: list[str]) -> str:
    """"4 (first … last)", "1 (the run)" or "0"."""
    if not run_ids:
        return "0"
    span = run_ids[0] if len(run_ids) == 1 else f"{run_ids[0]} … {run_ids[-1]}"
    return f"{len(run_ids)} ({span})"


def _distinct(*columns: pd.Series) -> list:
    """The distinct non-null values of several columns, sorted."""
    values: set = set()
    for column in columns:
        values.update(column.dropna().tolist())
    return sorted(values)


def _period(times: list, fmt: str) -> str:
    if not times:
        return NO_VALUE
    first, last = (pd.Timestamp(t).tz_convert(LOCAL_TZ).strftime(fmt) for t in (times[0], times[-1]))
    return first if first == last else f"{first} → {last}"


# -- the charts --------------------------------------------------------------------------------

def views_chart(ranked: pd.DataFrame, observations: pd.DataFrame, top: int) -> Chart:
    """Line chart: the view count over time of each ranked article that has observations."""
    heading = f"Views over time: the {top} most-read articles"
    caption = (f"One line per article, by latest view count; numbers match the table below. {TIME_NOTE}.")
    if ranked.empty:
        return Chart(heading, caption, note=NOTE_NO_VIEWS)
    ids = ranked["article_id"].tolist()
    wide = views_over_time(observations[observations["article_id"].isin(ids)])
    series = [(rank, wide[aid].dropna()) for rank, aid in enumerate(ids, 1) if aid in wide.columns]
    if not any(len(points) for _, points in series):
        return Chart(heading, caption, note=NOTE_NO_VIEWS)
    if not any(len(points) >= 2 for _, points in series):
        return Chart(heading, caption, note=NOTE_TWO_RUNS_VIEWS)
    labels = [f"{rank}. {shorten(_text(headline) or _text(url), LEGEND_CHARS)}"
              for rank, (headline, url) in enumerate(zip(ranked["headline"], ranked["url"]), 1)]
    rows = -(-len(series) // 2)
    fig = new_figure(CHART_HEIGHT_IN + 0.22 * rows)
    ax = fig.add_subplot()
    colors = _colors(len(ids))
    handles = []
    for rank, points in series:
        times = _local_naive(points.index)
        (line,) = ax.plot(times, points.to_numpy(dtype="float64"), marker="o", markersize=3.5,
                          linewidth=1.6, color=colors[rank - 1])
        handles.append((line, labels[rank - 1]))
    _time_axis(ax)
    _count_axis(ax, "views")
    fig.legend([h for h, _ in handles], [mpl_text(label) for _, label in handles],
               loc="outside lower center", ncols=2, fontsize="small", frameon=False)
    return Chart(heading, caption, png=render_png(fig))


def gains_chart(gains: pd.Series, has_views: bool = True) -> Chart:
    """Bar chart: views gained per day over all articles (`has_views`: any view count was observed)."""
    heading = "Views gained per day"
    caption = ("Sum over all articles of the daily increase in view count. An increase between two "
               "observations is spread evenly over the time between them; decreases are ignored. "
               f"Days in {TIME_NOTE}.")
    if gains.empty:
        return Chart(heading, caption, note=NOTE_TWO_RUNS_VIEWS if has_views else NOTE_NO_VIEWS)
    fig = new_figure()
    ax = fig.add_subplot()
    ax.bar(gains.index.to_numpy(dtype="datetime64[ns]"), gains.to_numpy(), width=0.8, color="#2a6f97")
    _time_axis(ax, DayLocator() if len(gains) <= DAILY_TICKS_UP_TO else None)
    _count_axis(ax, "views gained")
    return Chart(heading, caption, png=render_png(fig))


def publications_chart(monthly: pd.DataFrame) -> Chart:
    """Lines: articles published per month, one line per site."""
    heading = "Publication volume per site and month"
    caption = ("Articles in the dataset by the month of their publication date (Vietnam time); "
               "articles without a date are not counted.")
    if monthly.empty:
        return Chart(heading, caption, note=NOTE_NO_DATES)
    fig = new_figure(CHART_HEIGHT_IN + 0.22 * -(-len(monthly.columns) // 4))
    ax = fig.add_subplot()
    colors = _colors(len(monthly.columns))
    months = monthly.index.to_numpy(dtype="datetime64[ns]")
    marker = "o" if len(monthly) <= MONTH_MARKERS_UP_TO else None
    lines = [ax.plot(months, monthly[site].to_numpy(dtype="float64"), marker=marker, markersize=3,
                     linewidth=1.4, color=colors[i])[0] for i, site in enumerate(monthly.columns)]
    _time_axis(ax)
    _count_axis(ax, "articles per month")
    ax.set_ylim(bottom=0)
    fig.legend(lines, [mpl_text(str(s)) for s in monthly.columns], loc="outside lower center",
               ncols=4, fontsize="small", frameon=False)
    return Chart(heading, caption, png=render_png(fig))


def counters_chart(growth: pd.DataFrame, top: int) -> Chart:
    """Lines: each site's visitor counter growth since its first reading."""
    heading = "Visitor counter growth per site"
    caption = (f"Growth of each site's visitor counter since its first reading (the site table below "
               f"has the totals); the {top} fastest-growing sites. {TIME_NOTE}.")
    if growth.empty:
        return Chart(heading, caption, note=NOTE_NO_COUNTERS)
    per_site = {str(site): rows for site, rows in growth.groupby("site") if len(rows) >= 2}
    if not per_site:
        return Chart(heading, caption, note=NOTE_TWO_RUNS_COUNTERS)
    shown = sorted(per_site, key=lambda s: (-float(per_site[s]["growth"].iloc[-1]), s))[:top]
    fig = new_figure(CHART_HEIGHT_IN + 0.22 * -(-len(shown) // 4))
    ax = fig.add_subplot()
    colors = _colors(len(shown))
    lines = []
    for i, site in enumerate(shown):
        rows = per_site[site]
        times = _local_naive(pd.DatetimeIndex(rows["observed_at"]))
        lines.append(ax.plot(times, rows["growth"].to_numpy(dtype="float64"), marker="o", markersize=3.5,
                             linewidth=1.6, color=colors[i])[0])
    _time_axis(ax)
    _count_axis(ax, "visitors since first reading")
    fig.legend(lines, [mpl_text(s) for s in shown], loc="outside lower center", ncols=4,
               fontsize="small", frameon=False)
    return Chart(heading, caption, png=render_png(fig))


def new_figure(height: float = CHART_HEIGHT_IN) -> Figure:
    """A figure on its own Agg canvas: no pyplot, no global state."""
    fig = Figure(figsize=(CHART_WIDTH_IN, height), dpi=CHART_DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def render_png(fig: Figure) -> bytes:
    """The figure as PNG bytes, without the metadata matplotlib adds (so the bytes are reproducible)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _time_axis(ax: Axes, locator: DateLocator | None = None) -> None:
    locator = locator or AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.grid(True, color="#dddddd", linewidth=0.7)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _count_axis(ax: Axes, label: str) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: group_digits(value)))
    ax.set_ylabel(label)


def _colors(n: int) -> list:
    from matplotlib import colormaps

    cmap = colormaps["tab10" if n <= 10 else "tab20"]
    return [cmap(i % cmap.N) for i in range(n)]


def _local_naive(times: pd.DatetimeIndex) -> np.ndarray:
    """UTC times as Vietnam wall-clock datetime64 values, for matplotlib's date axis."""
    return times.tz_convert(LOCAL_TZ).tz_localize(None).to_numpy(dtype="datetime64[ns]")


def mpl_text(text: str) -> str:
    """`text` as a literal matplotlib label: "$" would start mathtext, a leading "_" hides a label."""
    text = text.replace("$", r"\$")
    return " " + text if text.startswith("_") else text


# -- the page ----------------------------------------------------------------------------------

CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; margin: 0 auto; max-width: 1120px;
       padding: 1.5rem 2rem 3rem; color: #1d1d1f; background: #fff; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .8rem; }
h2 { font-size: 1.2rem; margin: 2.2rem 0 .4rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1.2rem; margin: 0; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
figure { margin: .4rem 0 0; } figure img { max-width: 100%; height: auto; display: block; }
figcaption, p.caption { color: #555; font-size: .9rem; margin: .3rem 0; }
p.note { background: #fff6dd; border-left: 4px solid #e0b000; padding: .6rem .8rem; margin: .6rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; margin-top: .4rem; }
th, td { border-bottom: 1px solid #e4e4e4; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; } td.num, th.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; } a { color: #1b5e96; }
"""

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def render_page(
    title: str,
    facts: list[tuple[str, str]],
    charts: list[Chart],
    ranked: pd.DataFrame,
    sites: pd.DataFrame,
) -> str:
    """The HTML document: every piece of text escaped here, and nothing loaded from outside."""
    e = _escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(title)}</h1>",
        '<dl class="facts">',
        *(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in facts),
        "</dl>",
        *(chart_html(chart) for chart in charts[:1]),
        articles_table_html(ranked),
        *(chart_html(chart) for chart in charts[1:]),
        sites_table_html(sites),
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def chart_html(chart: Chart) -> str:
    e = _escape
    head = f'<section class="chart"><h2>{e(chart.heading)}</h2>'
    if chart.png is None:
        return f'{head}<p class="note">{e(chart.note or "")}</p><p class="caption">{e(chart.caption)}</p></section>'
    data = base64.b64encode(chart.png).decode("ascii")
    return (f'{head}<figure><img alt="{e(chart.heading)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{e(chart.caption)}</figcaption></figure></section>")


def articles_table_html(ranked: pd.DataFrame) -> str:
    """The most-viewed articles: rank, linked headline, site, publication date, views, gain."""
    head = '<section class="articles"><h2>Most-viewed articles</h2>'
    if ranked.empty:
        return f'{head}<p class="note">{_escape(NOTE_NO_TABLE)}</p></section>'
    header = _row("th", ["#", "Headline", "Site", "Published", "Latest views", "Gained since first observation"],
                  numeric={0, 4, 5})
    rows = [
        _row("td", [str(rank), _link(r.headline, r.url), _escape(_text(r.site)), _date(r.published_at),
                    group_digits(r.latest_views), _gain(r.gained, r.observed)],
             numeric={0, 4, 5}, raw={1}, css={3: "date"})
        for rank, r in enumerate(ranked.itertuples(index=False), 1)
    ]
    caption = (f'<p class="caption">Latest views: the last observed view count. Gained: latest minus the '
               f"first observed count ({NO_VALUE} for an article observed once).</p>")
    return f"{head}<table><thead>{header}</thead><tbody>{''.join(rows)}</tbody></table>{caption}</section>"


def sites_table_html(sites: pd.DataFrame) -> str:
    """Per site: articles, observations, latest visitor counter and its growth."""
    head = '<section class="sites"><h2>Sites</h2>'
    if sites.empty:
        return f'{head}<p class="note">No sites in this dataset yet.</p></section>'
    header = _row("th", ["Site", "Articles", "Observations", "Visitor counter (latest)", "Counter growth"],
                  numeric={1, 2, 3, 4})
    rows = [
        _row("td", [site, group_digits(r.articles), group_digits(r.observations),
                    _count_or_dash(r.counter_total), _count_or_dash(r.counter_growth)], numeric={1, 2, 3, 4})
        for site, r in zip(sites.index, sites.itertuples(index=False))
    ]
    return f"{head}<table><thead>{header}</thead><tbody>{''.join(rows)}</tbody></table></section>"


def _row(tag: str, cells: list[str], numeric: Iterable[int] = (), raw: Iterable[int] = (),
         css: dict[int, str] | None = None) -> str:
    """A table row; cells are escaped unless their index is in `raw` (already HTML)."""
    numeric, raw, css = set(numeric), set(raw), css or {}
    out = []
    for i, cell in enumerate(cells):
        classes = " ".join(c for c in ("num" if i in numeric else "", css.get(i, "")) if c)
        attr = f' class="{classes}"' if classes else ""
        out.append(f"<{tag}{attr}>{cell if i in raw else _escape(cell)}</{tag}>")
    return f"<tr>{''.join(out)}</tr>"


def _link(headline: Any, url: Any) -> str:
    """The headline linked to the article; only http(s) URLs become links."""
    text, target = _text(headline), _text(url)
    label = _escape(text or target or "(no headline)")
    if target.lower().startswith(SAFE_LINK_SCHEMES):
        return f'<a href="{_escape(target)}" rel="noopener noreferrer">{label}</a>'
    return label


def _date(value: Any) -> str:
    return NO_VALUE if pd.isna(value) else pd.Timestamp(value).tz_convert(LOCAL_TZ).strftime("%Y-%m-%d")


def _gain(gained: Any, observed: int) -> str:
    if observed < 2 or pd.isna(gained):
        return NO_VALUE
    return ("+" if gained > 0 else "") + group_digits(gained)


def _count_or_dash(value: Any) -> str:
    return NO_VALUE if pd.isna(value) else group_digits(value)


# -- text helpers ------------------------------------------------------------------------------

def group_digits(value: Any) -> str:
    """An integer with thin spaces between groups of three digits: 8 412 907."""
    return f"{round(float(value)):,}".replace(",", THIN_SPACE)


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,.;:-–—") + "…"


def _text(value: Any) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)) else str(value)


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
