"""A pandas walkthrough: which articles gained the most views this week, and how fast do views
fade as articles age, per site?

    python examples/analysis.py DATASET_DIR

DATASET_DIR is a dataset folder (with dataset.sqlite) or an export folder (Parquet, JSON Lines
or CSV tables), e.g. ./demo-output after `make demo`. Every step is one govnews call and
plain pandas; the results are ordinary DataFrames to keep working with.
"""
from __future__ import annotations

import sys

import pandas as pd

import govnews
from govnews.output.engagement import decay_by_age, top_gainers

HEADLINE_CHARS = 50


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0].startswith("-"):
        print("usage: python examples/analysis.py DATASET_DIR", file=sys.stderr)
        return 2
    try:
        data = govnews.load(args[0])  # articles, observations, site_counters, runs
    except (FileNotFoundError, ValueError, ImportError) as exc:  # ImportError: Parquet without pyarrow
        print(f"analysis: {exc}", file=sys.stderr)
        return 2
    pd.set_option("display.width", 120)
    pd.set_option("display.max_columns", 20)

    observed = data.observations["observed_at"]
    print(f"{len(data.articles)} articles on {data.articles['site'].nunique()} sites, "
          f"{len(data.observations)} observations in {len(data.runs)} runs", end="")
    if observed.notna().any():
        first, last = (t.tz_convert("Asia/Ho_Chi_Minh").strftime("%Y-%m-%d %H:%M") for t in (observed.min(), observed.max()))
        print(f", {first} → {last} (Vietnam time)")
    else:
        print()

    # 1. The week's gainers: views gained in the 7 days up to the newest observation.
    top = top_gainers(data, since="7D", n=10)
    top["headline"] = top["headline"].str.slice(0, HEADLINE_CHARS)
    section("Most views gained in the last 7 days")
    print(top[["site", "headline", "views_start", "views_end", "gained"]].to_string())

    # 2. Decay: the median views per day an article gets, by its age, per site.
    section("Median views per day, by article age in days")
    print(decay_by_age(data).round(1).to_string())

    # 3. The same series day by day: each site's total, the last count seen each day.
    section("Views of each site's articles, last 7 days (sum of the last counts seen)")
    daily = govnews.views_over_time(data, freq="D", by="site").tail(7)
    print(daily.rename(index=lambda day: day.strftime("%Y-%m-%d")).to_string())
    return 0


def section(title: str) -> None:
    print(f"\n{title}\n{'-' * len(title)}")


if __name__ == "__main__":
    sys.exit(main())
