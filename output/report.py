"""The engagement report: one self-contained HTML page of charts and tables for analysts.

    data = report_data(load("govnews-data"))      # the numbers behind every chart, as DataFrames
    write_report("govnews-data", "report.html", lang="en")

The page answers four questions about the report's window (the observations it covers, by default
all of them): which articles gained the most views (ranked by gain, not lifetime views); how views
per day relate to an article's age; how fast each site's visitor counter grows per day; and how many
articles each site published per month (a site x month heatmap). When the dataset has them, it also
shows the stories carried by the most portals and each site's status over time (a site x run grid:
reachable, redirected and where to, failing, blocked, gone and since when). Under every chart is a
table of the numbers it draws. `report_data` returns those numbers, so a notebook can use them
without the page.

Times are Vietnam time (Asia/Ho_Chi_Minh, UTC+7). A time axis chooses its ticks by the span it
covers (minutes, hours, days or months, never seconds); when the runs are too close together for a
time axis to mean anything, the page says so in words ("2 runs, 5 seconds apart").

The page needs nothing from the network: charts are PNGs drawn with matplotlib's Agg renderer (a
`Figure` per chart, no pyplot and no global state, so it is safe in threads) and embedded as `data:`
URIs, the CSS is inline, and a Content-Security-Policy forbids scripts and every outside resource.
The only URLs on the page are the article links. Labels are Vietnamese (`lang="vi"`, the default)
or English (`lang="en"`); DejaVu Sans, matplotlib's own default font, has every Vietnamese glyph.
"""
from __future__ import annotations

import base64
import html
import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import DayLocator, HourLocator, MinuteLocator, MonthLocator, num2date
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, LogFormatter, MaxNLocator

from .dataset import Dataset, load
from .schema import LOCAL_TZ
from .writers import atomic_write

__all__ = [
    "LANGS", "TEXTS", "Section", "build_report", "write_report", "report_data", "report_sections",
    "view_gains", "gains_over_time", "run_gains", "counter_summary", "counter_daily", "publication_heatmap",
    "daily_view_gains", "view_steps", "monthly_publications", "counter_growth", "site_summary", "rank_articles",
    "time_axis", "window_text", "story_data", "stories_section", "spread_figure",
    "SITE_STATUSES", "site_status_data", "site_status_section", "status_figure",
]

LANGS = ("vi", "en")
CHART_WIDTH_IN = 10.0
CHART_HEIGHT_IN = 4.2
CHART_DPI = 110
LABEL_CHARS = 58            # headlines are shortened to this many characters in chart labels
MIN_TIME_AXIS = pd.Timedelta(minutes=10)   # shorter spans are described in words, not drawn on a time axis
DAILY_COUNTERS_FROM = pd.Timedelta(days=2)  # counter readings spanning this long are drawn per calendar day
MIN_AGE_DAYS = 1 / 24        # ages are clipped to one hour (a log axis has no zero)
HEATMAP_MONTHS = 36          # the heatmap and its table show at most the last 36 months
HEATMAP_SITES = 40           # and at most 40 sites; the rest are summed into one row
ANNOTATE_CELLS_UP_TO = 40 * 36
DAY = pd.Timedelta(days=1)
NO_VALUE = "—"
THIN_SPACE = "\u202f"  # digit grouping readable in both the Vietnamese and the English convention
SAFE_LINK_SCHEMES = ("http://", "https://")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "govnews — engagement report",
        "fact_runs": "Runs", "fact_observed": "Observed", "fact_published": "Published", "fact_sites": "Sites",
        "fact_articles": "Articles", "fact_observations": "Observations",
        "runs_none": "no runs", "runs_nothing": "no run has observed an article yet", "runs_one": "1 run", "runs_two": "2 runs, {span} apart", "runs_many": "{n} runs over {span}",
        "second": "second", "seconds": "seconds", "minute": "minute", "minutes": "minutes",
        "hour": "hour", "hours": "hours", "day": "day", "days": "days",
        "time_note": "Vietnam time (UTC+7)",
        "axis_time_of_day": "time of day, {date} (Vietnam time, UTC+7)",
        "axis_time": "time (Vietnam time, UTC+7)",
        "axis_date": "date (Vietnam time, UTC+7)",
        "gainers_heading": "The {top} articles that gained the most views",
        "gainers_caption": ("Views gained between each article's first and last observation in the window ({window}), "
                            "ranked by the gain, not by lifetime views; a counter that went down counts as no gain. "
                            "Bars are coloured by site."),
        "axis_gained": "views gained in the window",
        "axis_article": "article (site · headline)",
        "col_rank": "#", "col_headline": "Headline", "col_site": "Site", "col_published": "Published",
        "col_views_start": "Views, first seen", "col_views_end": "Views, last seen",
        "col_gained": "Gained", "col_views_per_day": "Views per day", "col_age": "Age (days)",
        "over_time_heading": "Views gained over time: the top {top}",
        "over_time_caption": "Views gained since each article's first observation in the window. Times in {time_note}.",
        "axis_cumulative": "views gained since first observation",
        "archival_point": "capture from a web archive",
        "archival_note": ("Hollow points are captures recovered from a web archive (Wayback Machine,"
                          " Common Crawl), placed at their capture time."),
        "note_short_window": "{runs}: too close together for a time axis; the ranking above has the gains.",
        "col_run": "Run", "col_from": "Observed from", "col_to": "to", "col_articles_observed": "Articles observed",
        "col_run_gained": "Views gained since the previous observation",
        "velocity_heading": "Views per day against article age",
        "velocity_caption": ("One point per article observed at least twice: views gained per day between its first "
                             "and last observation, against its age at the last observation. Both axes are "
                             "logarithmic{zero}; articles without a publication date are left out. The table lists "
                             "the {top} fastest."),
        "velocity_zero": " (the vertical one is linear below 1, so an article that gained nothing sits at 0)",
        "axis_age": "article age (days, log scale)",
        "axis_views_per_day": "views per day (log scale)",
        "counters_heading": "Visitor counter growth per day, per site",
        "counters_caption_rate": ("Each site's visitor counter growth per day between its first and last reading "
                                  "({runs}); a counter that went down counts as no growth."),
        "counters_caption_daily": ("Visitor counter growth per day in each calendar day ({time_note}), one line per "
                                   "site; an increase between two readings is spread evenly over the time between "
                                   "them, and a day read only in part (the first, the last) is scaled to a whole day."),
        "axis_visitors_per_day": "visitors per day",
        "col_readings": "Readings", "col_first_reading": "First reading", "col_last_reading": "Last reading",
        "col_counter_start": "Counter at first reading", "col_counter_end": "Counter at last reading",
        "col_growth": "Growth", "col_growth_per_day": "Growth per day",
        "pubs_heading": "Publication volume per site and month",
        "pubs_caption": ("Articles by the month of their publication date ({time_note}); articles without a date "
                         "are not counted."),
        "pubs_caption_cut": " The last {months} months are shown; {n} older articles are not.",
        "axis_month": "month of publication", "axis_site": "site", "axis_articles": "articles",
        "col_total": "Total", "other_sites": "other sites ({n})",
        "sites_heading": "Sites",
        "col_articles": "Articles", "col_observations": "Observations",
        "col_counter_total": "Visitor counter (latest)", "col_counter_growth": "Counter growth",
        "no_headline": "(no headline)",
        "note_no_views": "No view counts observed yet.",
        "note_two_runs_views": "Needs at least two runs: no article's view count has been observed twice yet.",
        "note_no_ages": "No article has both a publication date and a view count observed twice.",
        "note_no_dates": "No publication dates extracted.",
        "note_no_counters": "No visitor counters recorded: the sites show none, or none was extracted.",
        "note_two_runs_counters": "Needs at least two runs: each site's visitor counter has been read once.",
        "note_no_sites": "No sites in this dataset yet.",
        "note_no_articles_sites": "No articles yet from the {n} sites harvested: their status is above.",
        "note_no_articles_site": "No articles yet from the one site harvested: its status is above.",
        "stories_heading": "Stories carried by the most portals",
        "stories_caption": ("A story is a set of articles whose texts are near-duplicates (the same release, "
                            "republished); its origin is the earliest publication. Lag: from the origin to the last "
                            "copy; views: the latest counts of every copy, summed. The chart shows how the story "
                            "carried by the most sites spread: “{headline}”."),
        "axis_hours_after_origin": "hours after the origin was published",
        "axis_days_after_origin": "days after the origin was published",
        "axis_sites_carrying": "sites carrying the story",
        "col_origin": "Origin", "col_origin_site": "Origin site", "col_sites": "Sites",
        "col_story_articles": "Articles", "col_lag_last": "Lag to the last copy (hours)",
        "col_total_views": "Total views",
        "note_no_stories": "No story was carried by more than one site.",
        "status_heading": "Site status over time",
        "status_caption": ("Each site's status in each run, read from its start pages (the most recent runs last): "
                           "reachable; redirected (the table says where to: a merged province's portal, a new "
                           "address); failing (5xx, timeouts); blocked (401/403/451, robots.txt); gone (no DNS, "
                           "connection refused, 404/410). Sites whose status changed come first. “Since”: the first "
                           "run of the site's current status, so for a gone site since when it has been gone. Times "
                           "in {time_note}."),
        "status_caption_runs_cut": " The chart shows the last {shown} of {runs} runs, the table the last {table}.",
        "status_caption_table_cut": " The table shows the last {table} of {runs} runs.",
        "status_caption_sites_cut": " The chart shows the first {shown} of {sites} sites; the table lists them all.",
        "axis_run": "run (Vietnam time, UTC+7)",
        "col_status_now": "Now", "col_status_since": "Since", "col_redirected_to": "Redirected to",
        "col_status_detail": "Detail (latest run)",
        "status_reachable": "reachable", "status_redirected": "redirected", "status_failing": "failing",
        "status_blocked": "blocked", "status_gone": "gone", "status_absent": "not in the run",
    },
    "vi": {
        "title": "govnews — báo cáo lượt xem",
        "fact_runs": "Lượt thu thập", "fact_observed": "Thời gian quan sát", "fact_published": "Thời gian đăng",
        "fact_sites": "Trang", "fact_articles": "Bài viết", "fact_observations": "Lượt quan sát",
        "runs_none": "chưa có lượt thu thập", "runs_nothing": "chưa lượt thu thập nào quan sát được bài viết",
        "runs_one": "1 lượt thu thập",
        "runs_two": "2 lượt thu thập, cách nhau {span}", "runs_many": "{n} lượt thu thập trong {span}",
        "second": "giây", "seconds": "giây", "minute": "phút", "minutes": "phút",
        "hour": "giờ", "hours": "giờ", "day": "ngày", "days": "ngày",
        "time_note": "giờ Việt Nam (UTC+7)",
        "axis_time_of_day": "giờ trong ngày {date} (giờ Việt Nam, UTC+7)",
        "axis_time": "thời gian (giờ Việt Nam, UTC+7)",
        "axis_date": "ngày (giờ Việt Nam, UTC+7)",
        "gainers_heading": "{top} bài viết tăng lượt xem nhiều nhất",
        "gainers_caption": ("Số lượt xem tăng thêm giữa lần quan sát đầu và cuối của mỗi bài trong kỳ ({window}), "
                            "xếp theo mức tăng chứ không theo tổng lượt xem; bộ đếm bị giảm được tính là không tăng. "
                            "Màu cột theo trang."),
        "axis_gained": "lượt xem tăng thêm trong kỳ",
        "axis_article": "bài viết (trang · tiêu đề)",
        "col_rank": "#", "col_headline": "Tiêu đề", "col_site": "Trang", "col_published": "Ngày đăng",
        "col_views_start": "Lượt xem lần đầu", "col_views_end": "Lượt xem lần cuối",
        "col_gained": "Tăng thêm", "col_views_per_day": "Lượt xem mỗi ngày", "col_age": "Tuổi (ngày)",
        "over_time_heading": "Lượt xem tăng thêm theo thời gian: {top} bài đứng đầu",
        "over_time_caption": "Lượt xem tăng thêm kể từ lần quan sát đầu tiên của mỗi bài trong kỳ. Thời gian theo {time_note}.",
        "axis_cumulative": "lượt xem tăng thêm từ lần quan sát đầu",
        "archival_point": "bản lưu từ kho lưu trữ web",
        "archival_note": ("Điểm rỗng là bản lưu khôi phục từ kho lưu trữ web (Wayback Machine,"
                          " Common Crawl), đặt tại thời điểm lưu."),
        "note_short_window": "{runs}: quá gần nhau để vẽ trục thời gian; bảng xếp hạng ở trên cho biết mức tăng.",
        "col_run": "Lượt thu thập", "col_from": "Quan sát từ", "col_to": "đến", "col_articles_observed": "Số bài quan sát",
        "col_run_gained": "Lượt xem tăng so với lần quan sát trước",
        "velocity_heading": "Lượt xem mỗi ngày theo tuổi bài viết",
        "velocity_caption": ("Mỗi điểm là một bài được quan sát ít nhất hai lần: số lượt xem tăng mỗi ngày giữa lần "
                             "quan sát đầu và cuối, theo tuổi của bài ở lần quan sát cuối. Hai trục theo thang "
                             "logarit{zero}; bài không có ngày đăng không được tính. Bảng liệt kê {top} bài tăng "
                             "nhanh nhất."),
        "velocity_zero": " (trục đứng tuyến tính dưới 1, nên bài không tăng lượt xem nằm ở 0)",
        "axis_age": "tuổi bài viết (ngày, thang logarit)",
        "axis_views_per_day": "lượt xem mỗi ngày (thang logarit)",
        "counters_heading": "Mức tăng bộ đếm lượt truy cập mỗi ngày, theo trang",
        "counters_caption_rate": ("Mức tăng mỗi ngày của bộ đếm lượt truy cập của từng trang, giữa lần đọc đầu và "
                                  "cuối ({runs}); bộ đếm bị giảm được tính là không tăng."),
        "counters_caption_daily": ("Mức tăng bộ đếm lượt truy cập mỗi ngày, theo từng ngày ({time_note}), mỗi đường "
                                   "một trang; mức tăng giữa hai lần đọc được chia đều cho khoảng thời gian giữa "
                                   "chúng, ngày chỉ được đọc một phần (ngày đầu, ngày cuối) được quy ra cả ngày."),
        "axis_visitors_per_day": "lượt truy cập mỗi ngày",
        "col_readings": "Số lần đọc", "col_first_reading": "Lần đọc đầu", "col_last_reading": "Lần đọc cuối",
        "col_counter_start": "Bộ đếm lần đọc đầu", "col_counter_end": "Bộ đếm lần đọc cuối",
        "col_growth": "Tăng thêm", "col_growth_per_day": "Tăng mỗi ngày",
        "pubs_heading": "Số bài đăng theo trang và tháng",
        "pubs_caption": "Số bài viết theo tháng đăng ({time_note}); bài không có ngày đăng không được tính.",
        "pubs_caption_cut": " Hiển thị {months} tháng gần nhất; {n} bài cũ hơn không được hiển thị.",
        "axis_month": "tháng đăng", "axis_site": "trang", "axis_articles": "số bài",
        "col_total": "Tổng", "other_sites": "các trang khác ({n})",
        "sites_heading": "Các trang",
        "col_articles": "Bài viết", "col_observations": "Lượt quan sát",
        "col_counter_total": "Bộ đếm truy cập (mới nhất)", "col_counter_growth": "Mức tăng bộ đếm",
        "no_headline": "(không có tiêu đề)",
        "note_no_views": "Chưa quan sát được lượt xem nào.",
        "note_two_runs_views": "Cần ít nhất hai lượt thu thập: chưa có bài nào được quan sát lượt xem hai lần.",
        "note_no_ages": "Không có bài nào vừa có ngày đăng vừa được quan sát lượt xem hai lần.",
        "note_no_dates": "Chưa trích xuất được ngày đăng nào.",
        "note_no_counters": "Không có bộ đếm lượt truy cập: các trang không hiển thị, hoặc chưa trích xuất được.",
        "note_two_runs_counters": "Cần ít nhất hai lượt thu thập: bộ đếm của mỗi trang mới được đọc một lần.",
        "note_no_sites": "Chưa có trang nào trong bộ dữ liệu.",
        "note_no_articles_sites": "Chưa có bài viết nào từ {n} trang đã thu thập: tình trạng của các trang ở trên.",
        "note_no_articles_site": "Chưa có bài viết nào từ trang đã thu thập: tình trạng của trang ở trên.",
        "stories_heading": "Tin bài được nhiều trang đăng lại nhất",
        "stories_caption": ("Mỗi tin bài là một nhóm bài viết có nội dung gần như trùng nhau (cùng một bản tin được "
                            "đăng lại); bài gốc là bài được đăng sớm nhất. Độ trễ: từ bài gốc đến bài đăng lại cuối "
                            "cùng; lượt xem: tổng lượt xem mới nhất của mọi bài. Biểu đồ cho thấy tin bài được nhiều "
                            "trang đăng nhất đã lan truyền thế nào: “{headline}”."),
        "axis_hours_after_origin": "số giờ sau khi bài gốc được đăng",
        "axis_days_after_origin": "số ngày sau khi bài gốc được đăng",
        "axis_sites_carrying": "số trang đã đăng",
        "col_origin": "Bài gốc", "col_origin_site": "Trang gốc", "col_sites": "Số trang",
        "col_story_articles": "Số bài", "col_lag_last": "Độ trễ đến bài cuối (giờ)",
        "col_total_views": "Tổng lượt xem",
        "note_no_stories": "Chưa có tin bài nào được từ hai trang trở lên đăng.",
        "status_heading": "Tình trạng các trang qua các lượt thu thập",
        "status_caption": ("Tình trạng của mỗi trang trong từng lượt thu thập, đọc từ các trang bắt đầu (lượt gần "
                           "nhất ở cuối): truy cập được; chuyển hướng (bảng cho biết đến đâu: cổng của tỉnh sau sáp "
                           "nhập, địa chỉ mới); lỗi (5xx, quá thời gian chờ); bị chặn (401/403/451, robots.txt); "
                           "không còn (không phân giải được tên miền, bị từ chối kết nối, 404/410). Các trang có "
                           "thay đổi tình trạng được xếp trước. “Từ”: lượt đầu tiên của tình trạng hiện nay, nên với "
                           "trang không còn là thời điểm trang biến mất. Thời gian theo {time_note}."),
        "status_caption_runs_cut": (" Biểu đồ hiển thị {shown} lượt gần nhất trong tổng số {runs} lượt, bảng "
                                    "hiển thị {table} lượt gần nhất."),
        "status_caption_table_cut": " Bảng hiển thị {table} lượt gần nhất trong tổng số {runs} lượt.",
        "status_caption_sites_cut": (" Biểu đồ hiển thị {shown} trang đầu tiên trong tổng số {sites} trang; bảng "
                                     "liệt kê tất cả."),
        "axis_run": "lượt thu thập (giờ Việt Nam, UTC+7)",
        "col_status_now": "Hiện nay", "col_status_since": "Từ", "col_redirected_to": "Chuyển hướng đến",
        "col_status_detail": "Chi tiết (lượt gần nhất)",
        "status_reachable": "truy cập được", "status_redirected": "chuyển hướng", "status_failing": "lỗi",
        "status_blocked": "bị chặn", "status_gone": "không còn", "status_absent": "không có trong lượt",
    },
}

DEFAULT_TITLE = TEXTS["en"]["title"]


@dataclass(frozen=True)
class Section:
    """One part of the page: a heading, a PNG chart or a note saying why there is none, a caption,
    and the table of the numbers (HTML, already escaped)."""

    heading: str
    caption: str
    png: bytes | None = None
    note: str | None = None
    table: str = ""
    css: str = "chart"
    figure: Figure | None = field(default=None, compare=False, repr=False)  # what `png` was drawn from


# -- the entry points --------------------------------------------------------------------------

def write_report(folder: Path | str, out: Path | str, title: str | None = None, top: int = 10,
                 lang: str = "vi", since: Any = None, until: Any = None) -> Path:
    """Load the dataset in `folder` and write its report to `out` (whole or not at all); returns `out`.

    `lang` is "vi" (default) or "en"; `title` defaults to the language's; `top` is how many
    articles the rankings chart; `since` / `until` (times; naive ones are Vietnam time) bound the
    report's window of observations. The sites' status over time comes from the folder's
    `site_status` table (`govnews.site_status`): a folder without one (an export folder, an old
    dataset) gives a report without that section.
    """
    from .dataset import site_status

    page = build_report(load(folder), title=title, top=top, lang=lang, since=since, until=until,
                        site_status=site_status(folder))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(out, newline="\n") as handle:
        handle.write(page)
    return out


def build_report(dataset: Dataset, title: str | None = None, top: int = 10, lang: str = "vi",
                 since: Any = None, until: Any = None, site_status: pd.DataFrame | None = None) -> str:
    """The complete HTML document for `dataset` (arguments as for `write_report`; `site_status`
    as for `report_data`)."""
    t = _texts(lang)
    data = report_data(dataset, top=top, since=since, until=until, site_status=site_status)
    facts = summary_items(dataset, data, t, lang)
    return render_page(title if title is not None else t["title"], lang, facts, report_sections(data, top, lang))


def report_sections(data: dict[str, pd.DataFrame], top: int = 10, lang: str = "vi") -> list[Section]:
    """The sections of the page, in order, from `report_data(...)`: each with its chart (the PNG
    and the matplotlib `figure` it was drawn from) or a note, a caption and its table."""
    t = _texts(lang)
    window = _window_of(data)
    return [
        gainers_section(data, top, t, lang, window),
        over_time_section(data, top, t, lang, window),
        velocity_section(data, top, t, lang),
        counters_section(data, t, lang),
        publications_section(data, t, lang),
        *([stories_section(data, top, t, lang)] if "stories" in data else []),
        *([site_status_section(data, t, lang)] if not data.get("site_history", pd.DataFrame()).empty else []),
        sites_section(data["sites"], t, status_sites=len(_status_sites(data))),
    ]


def report_data(dataset: Dataset, top: int = 10, since: Any = None, until: Any = None,
                site_status: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """The numbers behind every chart and table of the report, as DataFrames.

    `since` / `until` bound the window (observations, counter readings and site statuses observed
    in it; naive times are Vietnam time). `site_status` is the dataset's `site_status` table
    (`govnews.site_status(folder)`, which `write_report` reads); without it, or without rows, the
    three site-status frames are empty and the page has no site-status section. Keys:

    - "window": one row: since, until (as asked, NaT when open), first_observed_at,
      last_observed_at, first_run_at and last_run_at (the first observation of the first and of
      the last run), runs (distinct run ids), observations, view_counts (observations with a view
      count and a time).
    - "gains": every article with a view count observed at least twice in the window, ranked by
      views gained (then by views at the last observation, then article_id): rank, article_id,
      site, headline, url, published_at, first_observed_at, last_observed_at, observations,
      views_start, views_end, views_gained, days_observed, views_per_day, age_days
      (see `view_gains`).
    - "gainers": the first `top` rows of "gains" (the bar chart and its table).
    - "gains_over_time": per observation of the `top` gainers, views gained since the article's
      first observation (the time chart): rank, article_id, observed_at, view_count, gained.
    - "runs": per run in the window: run_id, observed_from, observed_to, articles, views_gained.
    - "velocity": the rows of "gains" with an age (the scatter), fastest first.
    - "counters": per site: readings, first/last reading, counter at both, growth, growth_per_day.
    - "counter_daily": visitor counter growth per day in each calendar day (Vietnam time), one
      column per site (the line chart when the readings span two days or more).
    - "publications": articles per site (rows) and month of publication (columns), every month
      from the first to the last; the heatmap shows the last `HEATMAP_MONTHS`.
    - "sites": per site: articles, observations, latest visitor counter and its growth.
    - "stories" and "story_spread", only when the articles carry story ids (`govnews.load` of a
      dataset whose stories were built): the stories carried by two sites or more
      (`output.stories.stories_table`), and the members of the first of them in publication order
      (`output.stories.story_spread`).
    - "site_status", "site_history", "site_status_grid": the sites' status run by run (see
      `site_status_data`): the rows, one summary row per site (changed sites first) and the
      site x run grid of statuses the chart draws.
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    lower, upper = _bound(since), _bound(until)
    observations = _within(dataset.observations, lower, upper)
    counters = _within(dataset.site_counters, lower, upper)
    gains = view_gains(observations, dataset.articles)
    gainers = gains.head(top)
    velocity = gains.dropna(subset=["age_days"])
    velocity = velocity.sort_values(["views_per_day", "rank"], ascending=[False, True], kind="stable")
    observed = pd.concat([observations["observed_at"], counters["observed_at"]]).dropna()
    seen = pd.concat([observations[["run_id", "observed_at"]], counters[["run_id", "observed_at"]]]).dropna()
    run_starts = seen.groupby("run_id")["observed_at"].min()
    window = pd.DataFrame({
        "since": pd.Series([lower], dtype="datetime64[ns, UTC]"),
        "until": pd.Series([upper], dtype="datetime64[ns, UTC]"),
        "first_observed_at": pd.Series([observed.min() if len(observed) else pd.NaT], dtype="datetime64[ns, UTC]"),
        "last_observed_at": pd.Series([observed.max() if len(observed) else pd.NaT], dtype="datetime64[ns, UTC]"),
        "first_run_at": pd.Series([run_starts.min() if len(run_starts) else pd.NaT], dtype="datetime64[ns, UTC]"),
        "last_run_at": pd.Series([run_starts.max() if len(run_starts) else pd.NaT], dtype="datetime64[ns, UTC]"),
        "runs": [len(run_starts)],
        "observations": [len(observations)],
        "view_counts": [int((observations["view_count"].notna() & observations["observed_at"].notna()
                             & observations["article_id"].notna()).sum())],
    })
    return {
        "window": window,
        "gains": gains,
        "gainers": gainers,
        "gains_over_time": gains_over_time(observations, gainers),
        "runs": run_gains(observations),
        "velocity": velocity.reset_index(drop=True),
        "counters": counter_summary(counters),
        "counter_daily": counter_daily(counters),
        "publications": publication_heatmap(dataset.articles),
        "sites": site_summary(Dataset(dataset.articles, observations, counters, dataset.runs)),
        **story_data(dataset.articles),
        **site_status_data(None if site_status is None else _within(site_status, lower, upper)),
    }


def _texts(lang: str) -> dict[str, str]:
    if lang not in TEXTS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    return TEXTS[lang]


def _bound(value: Any) -> pd.Timestamp | None:
    if value is None:
        return None
    moment = pd.Timestamp(value)
    if moment.tzinfo is None:
        moment = moment.tz_localize(LOCAL_TZ)
    return moment.tz_convert("UTC")


def _within(frame: pd.DataFrame, lower: pd.Timestamp | None, upper: pd.Timestamp | None) -> pd.DataFrame:
    """Rows observed in [lower, upper]; without bounds, every row (even those without a time)."""
    if lower is None and upper is None:
        return frame
    times = frame["observed_at"]
    keep = times.notna()
    if lower is not None:
        keep &= times >= lower
    if upper is not None:
        keep &= times <= upper
    return frame[keep].reset_index(drop=True)


# -- the numbers -------------------------------------------------------------------------------

def _view_points(observations: pd.DataFrame) -> pd.DataFrame:
    """Each article's observed view counts in time order, with the increase since the previous one.

    Columns: article_id, observed_at, run_id, site, view_count (float), step (>= 0; NaN on an
    article's first observation), gained (cumulative steps). Repeated (article, time) pairs keep
    the highest count; a decrease (a reset counter) is a step of 0.
    """
    obs = observations.dropna(subset=["article_id", "observed_at", "view_count"])
    if obs.empty:
        return pd.DataFrame({"article_id": pd.Series([], dtype="string"),
                             "observed_at": pd.Series([], dtype="datetime64[ns, UTC]"),
                             "run_id": pd.Series([], dtype="string"), "site": pd.Series([], dtype="string"),
                             "view_count": pd.Series([], dtype="float64"), "step": pd.Series([], dtype="float64"),
                             "gained": pd.Series([], dtype="float64"),
                             "archival": pd.Series([], dtype="bool")})
    if "source_archive" not in obs:
        obs = obs.assign(source_archive=pd.NA)
    obs = obs.assign(archival=obs["source_archive"].notna())
    points = obs.groupby(["article_id", "observed_at"], as_index=False, sort=True).agg(
        view_count=("view_count", "max"), run_id=("run_id", "first"), site=("site", "first"),
        archival=("archival", "all"))
    points["view_count"] = points["view_count"].astype("float64")
    previous = points.groupby("article_id")["view_count"].shift()
    points["step"] = (points["view_count"] - previous).clip(lower=0)
    points["gained"] = points.groupby("article_id")["step"].cumsum().fillna(0.0)
    return points


def view_gains(observations: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Views gained per article over `observations`, most gained first (see `report_data`, "gains").

    Only articles whose view count was observed at least twice. views_gained sums the increases
    between consecutive observations (a decrease counts as 0, so a reset counter loses nothing),
    which is views_end - views_start when the count only grew. days_observed is the time between
    the first and the last observation, views_per_day = views_gained / days_observed; age_days is
    the article's age at its last observation (at least one hour; <NA> without a publication date).
    """
    points = _view_points(observations)
    per = points.groupby("article_id", sort=True)
    frame = pd.DataFrame({
        "first_observed_at": per["observed_at"].min(),
        "last_observed_at": per["observed_at"].max(),
        "observations": per.size().astype("int64"),
        "views_start": per["view_count"].first(),
        "views_end": per["view_count"].last(),
        "views_gained": per["step"].sum(),
        "observed_site": per["site"].first(),
    })
    frame = frame[frame["observations"] >= 2]
    info = articles.drop_duplicates("article_id", keep="last").set_index("article_id")
    frame = frame.join(info[["site", "headline", "url", "published_at"]], how="left")
    frame["site"] = frame["site"].astype("string").fillna(frame["observed_site"].astype("string"))
    frame["days_observed"] = ((frame["last_observed_at"] - frame["first_observed_at"]) / DAY).astype("float64")
    frame["views_per_day"] = frame["views_gained"] / frame["days_observed"]
    age = (frame["last_observed_at"] - frame["published_at"]) / DAY
    frame["age_days"] = age.astype("float64").clip(lower=MIN_AGE_DAYS)
    for column in ("views_start", "views_end", "views_gained"):
        frame[column] = frame[column].round().astype("Int64")
    frame = frame.rename_axis("article_id").reset_index()
    table = frame[["article_id", "site", "headline", "url", "published_at", "first_observed_at", "last_observed_at",
                   "observations", "views_start", "views_end", "views_gained", "days_observed", "views_per_day",
                   "age_days"]]
    table = table.astype({"article_id": "string", "headline": "string", "url": "string",
                          "published_at": f"datetime64[ns, {LOCAL_TZ}]"})
    table = table.sort_values(["views_gained", "views_end", "article_id"], ascending=[False, False, True],
                              kind="stable").reset_index(drop=True)
    table.insert(0, "rank", pd.RangeIndex(1, len(table) + 1))
    return table


def gains_over_time(observations: pd.DataFrame, ranked: pd.DataFrame) -> pd.DataFrame:
    """Per observation of the `ranked` articles: rank, article_id, observed_at, view_count, gained
    (views gained since the article's first observation in `observations`), archival (a capture
    recovered from a web archive, at its capture time)."""
    points = _view_points(observations)
    ranks = pd.Series(ranked["rank"].to_numpy(), index=ranked["article_id"].astype(str).to_numpy())
    points = points[points["article_id"].astype(str).isin(ranks.index)].copy()
    points.insert(0, "rank", points["article_id"].astype(str).map(ranks).astype("int64"))
    points = points.sort_values(["rank", "observed_at"], kind="stable")
    return points[["rank", "article_id", "observed_at", "view_count", "gained",
                   "archival"]].reset_index(drop=True)


def run_gains(observations: pd.DataFrame) -> pd.DataFrame:
    """Per run: run_id, observed_from, observed_to (UTC), articles (with a view count observed)
    and views_gained (increases since each article's previous observation); in time order."""
    points = _view_points(observations).dropna(subset=["run_id"])
    per = points.groupby("run_id")
    frame = pd.DataFrame({
        "observed_from": per["observed_at"].min(),
        "observed_to": per["observed_at"].max(),
        "articles": per["article_id"].nunique(),
        "views_gained": per["step"].sum().round(),
    }).rename_axis("run_id").reset_index()
    frame = frame.astype({"run_id": "string", "articles": "int64", "views_gained": "int64"})
    return frame.sort_values(["observed_from", "run_id"], kind="stable").reset_index(drop=True)


def _counter_points(site_counters: pd.DataFrame) -> pd.DataFrame:
    readings = site_counters.dropna(subset=["site", "observed_at", "total"])
    readings = readings.groupby(["site", "observed_at"], as_index=False, sort=True)["total"].max()
    readings["total"] = readings["total"].astype("float64")
    readings["step"] = (readings["total"] - readings.groupby("site")["total"].shift()).clip(lower=0)
    return readings


def counter_summary(site_counters: pd.DataFrame) -> pd.DataFrame:
    """Per site (one row each, fastest-growing first): readings, first_reading_at, last_reading_at,
    total_start, total_end, growth (the increases between consecutive readings; a decrease counts
    as 0), days and growth_per_day (<NA> for a site read once)."""
    points = _counter_points(site_counters)
    per = points.groupby("site", sort=True)
    frame = pd.DataFrame({
        "readings": per.size(),
        "first_reading_at": per["observed_at"].min(),
        "last_reading_at": per["observed_at"].max(),
        "total_start": per["total"].first(),
        "total_end": per["total"].last(),
        "growth": per["step"].sum(),
    })
    days = ((frame["last_reading_at"] - frame["first_reading_at"]) / DAY).astype("float64")
    once = frame["readings"] < 2
    frame["days"] = days.mask(once)
    frame["growth_per_day"] = (frame["growth"] / days).mask(once)
    frame["growth"] = frame["growth"].mask(once)
    frame = frame.astype({"readings": "int64", "total_start": "Int64", "total_end": "Int64", "growth": "Int64",
                          "first_reading_at": "datetime64[ns, UTC]", "last_reading_at": "datetime64[ns, UTC]"})
    frame.index = frame.index.astype("string")
    frame = frame.rename_axis("site").reset_index()
    return frame.sort_values(["growth_per_day", "site"], ascending=[False, True], na_position="last",
                             kind="stable").reset_index(drop=True)


def counter_daily(site_counters: pd.DataFrame) -> pd.DataFrame:
    """Visitor counter growth per day in each calendar day (Vietnam time): index day (naive), one
    float column per site read at least twice. An increase between two readings is spread evenly
    over the time between them; a day covered only in part (before the first or after the last
    reading) is scaled to a whole day, so the first and last days show a rate, not a fraction.
    Days outside a site's first and last reading are NaN."""
    points = _counter_points(site_counters)
    t0 = points.groupby("site")["observed_at"].shift()
    steps = pd.DataFrame({"site": points["site"], "t0": t0, "t1": points["observed_at"],
                          "gain": points["step"]}).dropna()
    if steps.empty:
        return pd.DataFrame(index=pd.DatetimeIndex([], name="day"), dtype="float64")
    return pd.DataFrame({str(site): _spread_daily(rows, per_day=True)
                         for site, rows in steps.groupby("site", sort=True)})


def _spread_daily(steps: pd.DataFrame, per_day: bool = False) -> pd.Series:
    """The steps' gains summed per calendar day (Vietnam time); `per_day`: divided by the part of
    each day the steps cover (a rate per whole day)."""
    first, last = steps["t0"].min(), steps["t1"].max()
    start = first.tz_convert(LOCAL_TZ).normalize()
    end = last.tz_convert(LOCAL_TZ).normalize() + DAY
    bounds = pd.date_range(start, end, freq="D")
    x = _seconds(bounds, start)
    reached = sum_of_ramps(x, _seconds(steps["t0"], start), _seconds(steps["t1"], start),
                           steps["gain"].to_numpy(dtype="float64"))
    gained = np.diff(reached)
    if per_day:
        lo, hi = _seconds(pd.DatetimeIndex([first, last]), start)
        covered = np.clip(np.minimum(x[1:], hi) - np.maximum(x[:-1], lo), 0, None) / 86400.0
        gained = np.divide(gained, covered, out=np.full_like(gained, np.nan), where=covered > 0)
    return pd.Series(gained, index=bounds[:-1].tz_localize(None).rename("day"))


def publication_heatmap(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per site (rows, most articles first) and month of publication (columns: month
    starts, naive, Vietnam time, every month from the first to the last): int counts."""
    dated = articles.drop_duplicates("article_id", keep="last").dropna(subset=["published_at", "site"])
    if dated.empty:
        return pd.DataFrame(index=pd.Index([], name="site", dtype="string"),
                            columns=pd.DatetimeIndex([], name="month"), dtype="int64")
    months = dated["published_at"].dt.tz_convert(LOCAL_TZ).dt.tz_localize(None).dt.to_period("M")
    counts = dated.groupby([dated["site"].astype(str).rename("site"), months.rename("month")]).size()
    table = counts.unstack("month", fill_value=0)
    every = pd.period_range(table.columns.min(), table.columns.max(), freq="M")
    table = table.reindex(columns=every, fill_value=0)
    table.columns = table.columns.to_timestamp().rename("month")
    order = sorted(table.index, key=lambda s: (-int(table.loc[s].sum()), s))
    table = table.loc[order].astype("int64")
    table.index = pd.Index(table.index, name="site", dtype="string")
    return table


# -- earlier helpers, kept for notebooks ---------------------------------------------------------

def rank_articles(dataset: Dataset, top: int) -> pd.DataFrame:
    """The `top` articles by latest (lifetime) view count, most viewed first: article_id, url, site,
    headline, published_at, latest_views, gained, observed. The report ranks by gain instead."""
    articles = dataset.articles.drop_duplicates("article_id", keep="last").set_index("article_id")
    obs = dataset.observations.dropna(subset=["article_id", "observed_at", "view_count"])
    views = obs.sort_values("observed_at", kind="stable").groupby("article_id")["view_count"]
    first, last, observed = views.first(), views.last(), views.size()
    latest = last.reindex(articles.index).fillna(articles["view_count"])
    observed = observed.reindex(articles.index).fillna(0).astype("int64")
    gained = (last - first).reindex(articles.index).where(observed >= 2)
    table = pd.DataFrame({"url": articles["url"], "site": articles["site"], "headline": articles["headline"],
                          "published_at": articles["published_at"], "latest_views": latest.astype("Int64"),
                          "gained": gained.astype("Int64"), "observed": observed}, index=articles.index)
    table = table.dropna(subset=["latest_views"]).sort_index()
    table = table.sort_values("latest_views", ascending=False, kind="stable")
    return table.head(top).reset_index()


def daily_view_gains(observations: pd.DataFrame) -> pd.Series:
    """Views gained per calendar day (Vietnam time), summed over articles; floats indexed by day.

    An article's increase between two consecutive observations is spread evenly over the time
    between them. A decrease (a reset counter) counts as no gain. Empty when no article's view
    count was observed twice.
    """
    steps = view_steps(observations)
    if steps.empty:
        return pd.Series([], index=pd.DatetimeIndex([], name="day"), dtype="float64", name="views_gained")
    return _spread_daily(steps).rename("views_gained")


def view_steps(observations: pd.DataFrame) -> pd.DataFrame:
    """Each article's consecutive observations as steps: t0, t1 (UTC) and gain (>= 0, float)."""
    points = _view_points(observations)
    t0 = points.groupby("article_id")["observed_at"].shift()
    steps = pd.DataFrame({"t0": t0, "t1": points["observed_at"], "gain": points["step"]})
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
    """Articles published per month (rows, month starts) and site (columns); the `top` sites with
    the most articles keep their own column, the rest are summed into "other sites (n)"."""
    heat = publication_heatmap(articles)
    if heat.empty:
        return pd.DataFrame(index=pd.DatetimeIndex([], name="month"), dtype="int64")
    wide = heat.T
    wide.columns = [str(c) for c in wide.columns]
    kept, rest = list(wide.columns[:top]), list(wide.columns[top:])
    result = wide[kept].copy()
    if rest:
        result[f"other sites ({len(rest)})"] = wide[rest].sum(axis=1)
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


# -- words for times ---------------------------------------------------------------------------

def duration_text(delta: pd.Timedelta, lang: str) -> str:
    """"5 seconds", "3 minutes", "7 hours", "4 days" (Vietnamese: "5 giây", ...), rounded."""
    t = _texts(lang)
    seconds = max(delta / pd.Timedelta(seconds=1), 0.0)
    units = (("second", 1, 90), ("minute", 60, 90 * 60), ("hour", 3600, 36 * 3600), ("day", 86400, math.inf))
    for unit, size, up_to in units:
        if seconds < up_to:
            n = max(round(seconds / size), 1) if seconds > 0 else 0
            return f"{n} {t[unit] if n == 1 else t[unit + 's']}"
    raise AssertionError("unreachable")


def window_text(runs: int, first: Any, last: Any, lang: str) -> str:
    """"2 runs, 5 seconds apart", "4 runs over 3 days", "1 run" (or the Vietnamese): `first` and
    `last` are when the first and the last run started."""
    t = _texts(lang)
    if runs <= 0:
        return t["runs_none"]
    if runs == 1 or pd.isna(first) or pd.isna(last):
        return t["runs_one"] if runs == 1 else t["runs_many"].format(n=runs, span=NO_VALUE)
    span = duration_text(pd.Timestamp(last) - pd.Timestamp(first), lang)
    return t["runs_two"].format(span=span) if runs == 2 else t["runs_many"].format(n=runs, span=span)


@dataclass(frozen=True)
class _Window:
    runs: int
    first: Any
    last: Any


def _caption_window(window: _Window, lang: str) -> str:
    """The window as a caption names it: runs that observed nothing (every site failed) are no
    window of observations, and "no runs" would contradict the header's count of runs."""
    return window_text(window.runs, window.first, window.last, lang) if window.runs else _texts(lang)["runs_nothing"]


def _window_of(data: dict[str, pd.DataFrame]) -> _Window:
    row = data["window"].iloc[0]
    return _Window(int(row["runs"]), row["first_run_at"], row["last_run_at"])


def _month_label(moment: Any, lang: str) -> str:
    moment = pd.Timestamp(moment)
    return f"{moment.month:02d}/{moment.year}" if lang == "vi" else f"{MONTHS_EN[moment.month - 1]} {moment.year}"


def _day_label(moment: Any, lang: str) -> str:
    moment = pd.Timestamp(moment)
    return f"{moment.day:02d}/{moment.month:02d}" if lang == "vi" else f"{MONTHS_EN[moment.month - 1]} {moment.day}"


def _date_text(moment: Any, lang: str) -> str:
    """A date in Vietnam time: 27/12/2024 (vi) or 2024-12-27 (en); "—" for none."""
    if moment is None or pd.isna(moment):
        return NO_VALUE
    moment = _local(moment)
    return moment.strftime("%d/%m/%Y" if lang == "vi" else "%Y-%m-%d")


def _datetime_text(moment: Any, lang: str, seconds: bool = False) -> str:
    """A date and time in Vietnam time, to the minute (or the second, for tables of runs)."""
    if moment is None or pd.isna(moment):
        return NO_VALUE
    clock = "%H:%M:%S" if seconds else "%H:%M"
    return _local(moment).strftime(f"%d/%m/%Y {clock}" if lang == "vi" else f"%Y-%m-%d {clock}")


def _local(moment: Any) -> pd.Timestamp:
    moment = pd.Timestamp(moment)
    return moment.tz_localize(LOCAL_TZ) if moment.tzinfo is None else moment.tz_convert(LOCAL_TZ)


# -- the time axis -----------------------------------------------------------------------------

MINUTE_STEPS = (1, 2, 5, 10, 15, 20, 30)
HOUR_STEPS = (1, 2, 3, 4, 6, 12)
DAY_STEPS = (1, 2, 3, 7, 14)
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)
MAX_TICKS = 8


def _step(span: float, steps: tuple[int, ...], most: int = MAX_TICKS) -> int:
    return next((s for s in steps if span / s <= most), steps[-1])


def time_axis(ax: Axes, start: Any, end: Any, lang: str, days: bool = False) -> bool:
    """Ticks, tick labels and a label for a time x axis from `start` to `end` (naive Vietnam times).

    The ticks follow the span: every few minutes ("14:05") up to 3 hours, every few hours up to
    3 days ("14:00", or "10/02 14:00" across days), every few days ("10/02") up to 4 months, then
    months ("02/2025"); never seconds. Returns False, leaving `ax` alone, when the span is shorter
    than `MIN_TIME_AXIS`: say it in words instead (`window_text`). `days`: the data are calendar
    days, so the ticks are days or months.
    """
    t = _texts(lang)
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    span = end - start
    if span < (DAY if days else MIN_TIME_AXIS):
        return False
    hours = span / pd.Timedelta(hours=1)
    same_day = start.normalize() == end.normalize()
    if hours <= 3 and not days:
        step = _step(hours * 60, MINUTE_STEPS)
        locator = MinuteLocator(byminute=range(0, 60, step))
        label = _time_label if same_day else _day_time_label
        xlabel = t["axis_time_of_day"].format(date=_date_text(start, lang)) if same_day else t["axis_time"]
    elif hours <= 72 and not days:
        step = _step(hours, HOUR_STEPS)
        locator = HourLocator(byhour=range(0, 24, step))
        label = _time_label if same_day else _day_time_label
        xlabel = t["axis_time_of_day"].format(date=_date_text(start, lang)) if same_day else t["axis_time"]
    elif hours <= 24 * 122:
        locator = DayLocator(interval=_step(hours / 24, DAY_STEPS, 10))
        label, xlabel = _day_label, t["axis_date"]
    else:
        months = (end.year - start.year) * 12 + end.month - start.month
        locator = MonthLocator(interval=_step(months, MONTH_STEPS, 10))
        label, xlabel = _month_label, t["axis_date"]
    pad = span * 0.03
    ax.set_xlim(_num(start - pad), _num(end + pad))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: label(num2date(x).replace(tzinfo=None), lang)))
    ax.set_xlabel(xlabel)
    return True


def _time_label(moment: Any, lang: str) -> str:
    return pd.Timestamp(moment).strftime("%H:%M")


def _day_time_label(moment: Any, lang: str) -> str:
    return f"{_day_label(moment, lang)} {pd.Timestamp(moment).strftime('%H:%M')}"


def _num(moment: pd.Timestamp) -> float:
    """A naive time as a matplotlib date number (days since 1970-01-01)."""
    return (moment - pd.Timestamp("1970-01-01")) / DAY


def _local_naive(times: Any) -> np.ndarray:
    """UTC times as Vietnam wall-clock datetime64 values, for matplotlib's date axis."""
    return pd.DatetimeIndex(times).tz_convert(LOCAL_TZ).tz_localize(None).to_numpy(dtype="datetime64[ns]")


# -- the charts --------------------------------------------------------------------------------

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


def _style(ax: Axes, grid_axis: str = "both") -> None:
    ax.grid(True, axis=grid_axis, color="#dddddd", linewidth=0.7)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _count_formatter(lang: str) -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: format_number(value, lang))


class _PlainLogFormatter(LogFormatter):
    """Log-axis labels as plain numbers ("2 000", not "2×10^3"), minor ticks labelled when the axis
    spans few decades (matplotlib's own choice of which)."""

    def __init__(self, lang: str) -> None:
        super().__init__(labelOnlyBase=False, minor_thresholds=(2, 0.5))
        self.lang = lang

    def __call__(self, x: float, pos: int | None = None) -> str:
        return format_number(x, self.lang) if super().__call__(x, pos) else ""


def site_colors(sites: Iterable[str]) -> dict[str, Any]:
    """One colour per site, the same in every chart of a page (sites in sorted order)."""
    names = sorted({str(s) for s in sites})
    cmap = colormaps["tab10" if len(names) <= 10 else "tab20"]
    return {name: cmap(i % cmap.N) for i, name in enumerate(names)}


def _site_legend(fig: Figure, colors: dict[str, Any], shown: Iterable[str], marker: bool = False) -> None:
    shown = sorted({str(s) for s in shown})
    if not shown:
        return
    if marker:
        handles = [Line2D([], [], linestyle="", marker="o", color=colors[s]) for s in shown]
    else:
        handles = [Patch(color=colors[s]) for s in shown]
    fig.legend(handles, [mpl_text(s) for s in shown], loc="outside lower center", ncols=min(4, len(shown)),
               fontsize="small", frameon=False)


def _article_label(row: Any, t: dict[str, str], width: int = LABEL_CHARS) -> str:
    headline = _text(row.headline) or _text(row.url) or t["no_headline"]
    return f"{_text(row.site)} · {shorten(headline, width)}"


def gainers_section(data: dict[str, pd.DataFrame], top: int, t: dict[str, str], lang: str,
                    window: _Window) -> Section:
    """Horizontal bars: the `top` articles by views gained in the window, with the table."""
    gainers = data["gainers"]
    heading = t["gainers_heading"].format(top=top)
    caption = t["gainers_caption"].format(window=_caption_window(window, lang))
    if gainers.empty:
        return Section(heading, caption, note=_views_note(data, t), css="gainers")
    colors = site_colors(data["gains"]["site"].dropna())
    fig = new_figure(1.3 + 0.36 * len(gainers) + 0.22 * -(-gainers["site"].nunique() // 4))
    ax = fig.add_subplot()
    positions = np.arange(len(gainers))
    gained = gainers["views_gained"].astype("float64").to_numpy()
    bars = ax.barh(positions, gained, color=[colors.get(_text(s), "#888888") for s in gainers["site"]], height=0.7)
    ax.set_yticks(positions, [mpl_text(_article_label(r, t)) for r in gainers.itertuples(index=False)],
                  fontsize="small")
    ax.invert_yaxis()
    ax.bar_label(bars, labels=[_signed(v, lang) for v in gained], padding=3, fontsize="small")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(_count_formatter(lang))
    ax.set_xlim(0, max(float(gained.max()), 1.0) * 1.12)
    ax.set_xlabel(t["axis_gained"])
    ax.set_ylabel(t["axis_article"])
    _style(ax, "x")
    _site_legend(fig, colors, gainers["site"].dropna())
    header = [t["col_rank"], t["col_headline"], t["col_site"], t["col_published"], t["col_views_start"],
              t["col_views_end"], t["col_gained"], t["col_views_per_day"]]
    rows = [[str(r.rank), _link(r.headline, r.url, t), _escape(_text(r.site)),
             _escape(_date_text(r.published_at, lang)),
             _escape(_count_or_dash(r.views_start)), _escape(_count_or_dash(r.views_end)),
             _escape(_signed(r.views_gained, lang)), _escape(format_number(r.views_per_day, lang))]
            for r in gainers.itertuples(index=False)]
    table = table_html(header, rows, numeric={0, 4, 5, 6, 7}, css={1: "headline", 3: "date"})
    return Section(heading, caption, png=render_png(fig), figure=fig, table=table, css="gainers")


def over_time_section(data: dict[str, pd.DataFrame], top: int, t: dict[str, str], lang: str,
                      window: _Window) -> Section:
    """Lines: views gained since the first observation, over time, for the top gainers; or, when
    the runs are too close together for a time axis, a note saying how close they are."""
    heading = t["over_time_heading"].format(top=top)
    caption = t["over_time_caption"].format(time_note=t["time_note"])
    runs = data["runs"]
    table = runs_table(runs, t, lang)
    points = data["gains_over_time"]
    if points.empty:
        return Section(heading, caption, note=_views_note(data, t), table=table, css="over-time")
    times = _local_naive(points["observed_at"])
    if pd.Timestamp(times.max()) - pd.Timestamp(times.min()) < MIN_TIME_AXIS:
        note = t["note_short_window"].format(runs=_caption_window(window, lang))
        return Section(heading, caption, note=note, table=table, css="over-time")
    fig = new_figure(CHART_HEIGHT_IN + 0.22 * -(-points["rank"].nunique() // 2))
    ax = fig.add_subplot()
    gainers = data["gainers"].set_index("rank")
    colors = _colors(len(gainers))
    handles, labels = [], []
    archival = points["archival"].astype(bool) if "archival" in points else None
    for rank, rows in points.groupby("rank", sort=True):
        color = colors[(rank - 1) % len(colors)]
        (line,) = ax.plot(_local_naive(rows["observed_at"]), rows["gained"].to_numpy(dtype="float64"),
                          marker="o", markersize=3.5, linewidth=1.6, color=color)
        if archival is not None and archival.loc[rows.index].any():
            old = rows[archival.loc[rows.index]]     # recovered captures: hollow points
            ax.plot(_local_naive(old["observed_at"]), old["gained"].to_numpy(dtype="float64"),
                    linestyle="none", marker="o", markersize=6, markerfacecolor="white",
                    markeredgecolor=color, markeredgewidth=1.4)
        handles.append(line)
        labels.append(mpl_text(f"{rank}. {_article_label(gainers.loc[rank], t, 50)}"))
    if archival is not None and archival.any():
        (hollow,) = ax.plot([], [], linestyle="none", marker="o", markersize=6,
                            markerfacecolor="white", markeredgecolor="0.3")
        handles.append(hollow)
        labels.append(mpl_text(t["archival_point"]))
        caption += " " + t["archival_note"]
    time_axis(ax, times.min(), times.max(), lang)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(_count_formatter(lang))
    ax.set_ylabel(t["axis_cumulative"])
    _style(ax)
    fig.legend(handles, labels, loc="outside lower center", ncols=2, fontsize="small", frameon=False)
    return Section(heading, caption, png=render_png(fig), figure=fig, table=table, css="over-time")


def runs_table(runs: pd.DataFrame, t: dict[str, str], lang: str) -> str:
    if runs.empty:
        return ""
    header = [t["col_run"], t["col_from"], t["col_to"], t["col_articles_observed"], t["col_run_gained"]]
    rows = [[_escape(_text(r.run_id)), _escape(_datetime_text(r.observed_from, lang, seconds=True)),
             _escape(_datetime_text(r.observed_to, lang, seconds=True)), _escape(group_digits(r.articles)),
             _escape(_signed(r.views_gained, lang) if i else NO_VALUE)]
            for i, r in enumerate(runs.itertuples(index=False))]
    return table_html(header, rows, numeric={3, 4}, css={1: "date", 2: "date"})


def velocity_section(data: dict[str, pd.DataFrame], top: int, t: dict[str, str], lang: str) -> Section:
    """Scatter: views per day against article age, both logarithmic, coloured by site."""
    velocity = data["velocity"]
    heading = t["velocity_heading"]
    if velocity.empty:
        note = t["note_no_ages"] if not data["gains"].empty else _views_note(data, t)
        return Section(heading, t["velocity_caption"].format(zero="", top=top), note=note, css="velocity")
    per_day = velocity["views_per_day"].to_numpy(dtype="float64")
    zero = bool((per_day <= 0).any())
    caption = t["velocity_caption"].format(zero=t["velocity_zero"] if zero else "", top=top)
    colors = site_colors(data["gains"]["site"].dropna())
    fig = new_figure(CHART_HEIGHT_IN + 0.6 + 0.22 * -(-velocity["site"].nunique() // 4))
    ax = fig.add_subplot()
    for site, rows in velocity.groupby(velocity["site"].fillna(""), sort=True):
        ax.scatter(rows["age_days"].to_numpy(dtype="float64"), rows["views_per_day"].to_numpy(dtype="float64"),
                   s=28, alpha=0.85, color=colors.get(str(site), "#888888"), edgecolors="white", linewidths=0.5)
    ax.set_xscale("log")
    if zero:
        ax.set_yscale("symlog", linthresh=1.0)
        ax.set_ylim(bottom=0)
    else:
        ax.set_yscale("log")
    for axis in (ax.xaxis, ax.yaxis) if not zero else (ax.xaxis,):
        axis.set_major_formatter(_PlainLogFormatter(lang))
        axis.set_minor_formatter(_PlainLogFormatter(lang))
    if zero:
        ax.yaxis.set_major_formatter(_count_formatter(lang))
    ax.set_xlabel(t["axis_age"])
    ax.set_ylabel(t["axis_views_per_day"])
    _style(ax)
    _site_legend(fig, colors, velocity["site"].dropna(), marker=True)
    header = [t["col_rank"], t["col_headline"], t["col_site"], t["col_published"], t["col_age"], t["col_gained"],
              t["col_views_per_day"]]
    rows = [[str(i), _link(r.headline, r.url, t), _escape(_text(r.site)), _escape(_date_text(r.published_at, lang)),
             _escape(format_number(r.age_days, lang)), _escape(_signed(r.views_gained, lang)),
             _escape(format_number(r.views_per_day, lang))]
            for i, r in enumerate(velocity.head(top).itertuples(index=False), 1)]
    table = table_html(header, rows, numeric={0, 4, 5, 6}, css={1: "headline", 3: "date"})
    return Section(heading, caption, png=render_png(fig), figure=fig, table=table, css="velocity")


def counters_section(data: dict[str, pd.DataFrame], t: dict[str, str], lang: str) -> Section:
    """Per site, visitor counter growth per day: lines per calendar day when the readings span at
    least `DAILY_COUNTERS_FROM`, else one bar per site (the rate between first and last reading)."""
    summary = data["counters"]
    heading = t["counters_heading"]
    window = _window_of(data)
    caption = t["counters_caption_rate"].format(runs=_caption_window(window, lang))
    if summary.empty:
        return Section(heading, caption, note=t["note_no_counters"], css="counters")
    grown = summary.dropna(subset=["growth_per_day"])
    header = [t["col_site"], t["col_readings"], t["col_first_reading"], t["col_last_reading"], t["col_counter_start"],
              t["col_counter_end"], t["col_growth"], t["col_growth_per_day"]]
    rows = [[_escape(_text(r.site)), _escape(group_digits(r.readings)),
             _escape(_datetime_text(r.first_reading_at, lang, seconds=True)),
             _escape(_datetime_text(r.last_reading_at, lang, seconds=True)),
             _escape(_count_or_dash(r.total_start)),
             _escape(_count_or_dash(r.total_end)),
             _escape(NO_VALUE if pd.isna(r.growth) else _signed(r.growth, lang)),
             _escape(format_number(r.growth_per_day, lang))]
            for r in summary.itertuples(index=False)]
    table = table_html(header, rows, numeric={1, 4, 5, 6, 7}, css={2: "date", 3: "date"})
    if grown.empty:
        return Section(heading, caption, note=t["note_two_runs_counters"], table=table, css="counters")
    colors = site_colors(summary["site"])
    daily = data["counter_daily"]
    span = grown["last_reading_at"].max() - grown["first_reading_at"].min()
    if span >= DAILY_COUNTERS_FROM and len(daily) >= 2:
        caption = t["counters_caption_daily"].format(time_note=t["time_note"])
        fig = new_figure(CHART_HEIGHT_IN + 0.22 * -(-len(daily.columns) // 4))
        ax = fig.add_subplot()
        days = daily.index.to_numpy(dtype="datetime64[ns]")
        for site in daily.columns:
            ax.plot(days, daily[site].to_numpy(dtype="float64"), marker="o", markersize=3.5, linewidth=1.6,
                    color=colors.get(str(site), "#888888"))
        time_axis(ax, daily.index.min(), daily.index.max(), lang, days=True)
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(_count_formatter(lang))
        ax.set_ylabel(t["axis_visitors_per_day"])
        _style(ax)
        _site_legend(fig, colors, daily.columns, marker=True)
        return Section(heading, caption, png=render_png(fig), figure=fig, table=table, css="counters")
    fig = new_figure(1.2 + 0.34 * len(grown))
    ax = fig.add_subplot()
    positions = np.arange(len(grown))
    rates = grown["growth_per_day"].to_numpy(dtype="float64")
    bars = ax.barh(positions, rates, color=[colors.get(str(s), "#888888") for s in grown["site"]], height=0.7)
    ax.set_yticks(positions, [mpl_text(str(s)) for s in grown["site"]], fontsize="small")
    ax.invert_yaxis()
    ax.bar_label(bars, labels=[format_number(v, lang) for v in rates], padding=3, fontsize="small")
    ax.set_xlim(0, max(float(rates.max()), 1.0) * 1.15)
    ax.xaxis.set_major_formatter(_count_formatter(lang))
    ax.set_xlabel(t["axis_visitors_per_day"])
    ax.set_ylabel(t["axis_site"])
    _style(ax, "x")
    return Section(heading, caption, png=render_png(fig), figure=fig, table=table, css="counters")


def publications_section(data: dict[str, pd.DataFrame], t: dict[str, str], lang: str) -> Section:
    """Heatmap: articles per site (rows) and month of publication (columns), the counts in the cells."""
    heat = data["publications"]
    heading = t["pubs_heading"]
    caption = t["pubs_caption"].format(time_note=t["time_note"])
    if heat.empty:
        return Section(heading, caption, note=t["note_no_dates"], css="publications")
    shown = heat.iloc[:, -HEATMAP_MONTHS:]
    hidden = int(heat.to_numpy().sum() - shown.to_numpy().sum())
    if hidden:
        caption += t["pubs_caption_cut"].format(months=shown.shape[1], n=group_digits(hidden))
    if len(shown) > HEATMAP_SITES:
        rest = shown.iloc[HEATMAP_SITES - 1:]
        other = pd.DataFrame([rest.sum()], index=[t["other_sites"].format(n=len(rest))])
        shown = pd.concat([shown.iloc[:HEATMAP_SITES - 1], other])
    values = shown.to_numpy(dtype="float64")
    rows, cols = values.shape
    fig = new_figure(1.6 + 0.3 * rows)
    ax = fig.add_subplot()
    image = ax.imshow(values, aspect="auto", cmap="Blues", interpolation="nearest", vmin=0,
                      vmax=max(values.max(), 1.0))
    if rows * cols <= ANNOTATE_CELLS_UP_TO:
        threshold = 0.6 * max(values.max(), 1.0)
        for (i, j), value in np.ndenumerate(values):
            if value:
                ax.text(j, i, group_digits(value), ha="center", va="center", fontsize=7,
                        color="white" if value > threshold else "#1d1d1f")
    step = max(1, -(-cols // 18))
    ticks = list(range(cols - 1, -1, -step))[::-1]  # the latest month always labelled
    ax.set_xticks(ticks, [_month_label(shown.columns[i], lang) for i in ticks], rotation=45, ha="right",
                  fontsize="small")
    ax.set_yticks(range(rows), [mpl_text(str(s)) for s in shown.index], fontsize="small")
    ax.set_xlabel(t["axis_month"])
    ax.set_ylabel(t["axis_site"])
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    bar = fig.colorbar(image, ax=ax, pad=0.01, fraction=0.03)
    bar.set_label(t["axis_articles"])
    bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    header = [t["col_site"], *(_month_label(m, lang) for m in shown.columns), t["col_total"]]
    body = [[_escape(str(site)), *(_escape(group_digits(v)) for v in counts), _escape(group_digits(sum(counts)))]
            for site, counts in zip(shown.index, shown.to_numpy().tolist())]
    table = table_html(header, body, numeric=set(range(1, cols + 2)))
    return Section(heading, caption, png=render_png(fig), figure=fig, table=table, css="publications")


def story_data(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """{"stories": stories carried by two sites or more, "story_spread": how the first spread};
    {} when the articles carry no story ids (stories were never built for the dataset)."""
    from .stories import has_story_ids, spread_of_members, stories_of_members, story_members

    if not has_story_ids(articles):
        return {}
    members = story_members(articles)
    table = stories_of_members(members, min_sites=2)
    spread = spread_of_members(members, str(table["story_id"].iloc[0]) if len(table) else "")
    return {"stories": table, "story_spread": spread}


def stories_section(data: dict[str, pd.DataFrame], top: int, t: dict[str, str], lang: str) -> Section:
    """Steps: how many sites carried the most widely carried story, against the time since its
    origin was published; the table of the `top` stories carried by the most sites."""
    table = data["stories"]
    heading = t["stories_heading"]
    if table.empty:
        return Section(heading, "", note=t["note_no_stories"], css="stories")
    first = table.iloc[0]
    caption = t["stories_caption"].format(headline=shorten(_text(first["origin_headline"]) or _text(first["story_id"]), 90))
    header = [t["col_rank"], t["col_origin"], t["col_origin_site"], t["col_published"], t["col_sites"],
              t["col_story_articles"], t["col_lag_last"], t["col_total_views"]]
    rows = [[str(i), _link(r.origin_headline, r.origin_url, t), _escape(_text(r.origin_site)),
             _escape(_date_text(r.first_published_at, lang)), _escape(group_digits(r.sites)),
             _escape(group_digits(r.articles)), _escape(format_number(r.lag_to_last_hours, lang)),
             _escape(_count_or_dash(r.total_views))]
            for i, r in enumerate(table.head(top).itertuples(index=False), 1)]
    numbers = table_html(header, rows, numeric={0, 4, 5, 6, 7}, css={1: "headline", 3: "date"})
    spread = data["story_spread"].dropna(subset=["lag_hours"]).reset_index(drop=True)
    if spread.empty:
        return Section(heading, caption, note=t["note_no_dates"], table=numbers, css="stories")
    fig = spread_figure(spread, t, lang)
    return Section(heading, caption, png=render_png(fig), figure=fig, table=numbers, css="stories")


def spread_figure(spread: pd.DataFrame, t: dict[str, str], lang: str) -> Figure:
    """Sites carrying one story against hours (or days, past three days) since its origin: a
    step for each new site, a point for each copy, coloured and labelled by site."""
    lags = spread["lag_hours"].to_numpy(dtype="float64")
    in_days = float(lags.max()) > 72
    x = lags / 24 if in_days else lags
    carried = spread["sites_so_far"].to_numpy(dtype="float64")
    colors = site_colors(spread["site"].dropna())
    fig = new_figure(CHART_HEIGHT_IN + 0.22 * -(-spread["site"].nunique() // 4))
    ax = fig.add_subplot()
    ax.step(np.r_[x, x.max() * 1.05 + 0.01], np.r_[carried, carried[-1]], where="post", color="#555555",
            linewidth=1.4)
    for site, rows in spread.groupby(spread["site"].fillna(""), sort=True):
        at = rows.index.to_numpy()
        ax.scatter(x[at], carried[at], s=36, zorder=3, color=colors.get(str(site), "#888888"),
                   edgecolors="white", linewidths=0.6)
    for xi, yi, site in zip(x, carried, spread["site"].fillna("")):
        ax.annotate(mpl_text(str(site)), (xi, yi), xytext=(4, 4), textcoords="offset points", fontsize="x-small")
    ax.set_xlim(left=min(0.0, float(x.min())) - 0.02 * max(float(x.max()), 1.0))
    ax.set_ylim(0, float(carried.max()) + 1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(_count_formatter(lang))
    ax.set_xlabel(t["axis_days_after_origin"] if in_days else t["axis_hours_after_origin"])
    ax.set_ylabel(t["axis_sites_carrying"])
    _style(ax)
    _site_legend(fig, colors, spread["site"].dropna(), marker=True)
    return fig


# -- the sites' status over time ---------------------------------------------------------------

SITE_STATUSES = ("reachable", "redirected", "failing", "blocked", "gone")
STATUS_COLORS = {"reachable": "#1a9850", "redirected": "#4393c3", "failing": "#f4a621", "blocked": "#984ea3",
                 "gone": "#3f3f3f"}
STATUS_MARKS = {"reachable": "", "redirected": "→", "failing": "!", "blocked": "⊘", "gone": "×"}
STATUS_CHART_RUNS = 60      # the grid shows at most the last 60 runs
STATUS_CHART_SITES = 40     # and the first 40 sites (changed ones first)
STATUS_TABLE_RUNS = 12      # the table has a column for each of the last 12 runs
_STATUS_COLUMNS = ("site", "run_id", "observed_at", "status", "detail", "final_url")


def site_status_data(site_status: pd.DataFrame | None) -> dict[str, pd.DataFrame]:
    """The sites' status run by run, from the `site_status` table (`govnews.site_status`):

    - "site_status": its rows with a site, a run and a known status, in run order (a run's time
      is its first row's observed_at; the run id breaks ties), within a run in "site_history"
      order: site, run_id, observed_at (UTC), status, detail, final_url.
    - "site_history": one row per site, sites whose status changed first (the latest change
      first), then by name: site, runs (the runs that recorded it), first_observed_at,
      last_observed_at, changes (runs whose status differs from the site's previous run), status
      (in its latest run), since (the first run of that status: for a gone site, since when it
      has been gone), since_run_id, gone_since (since, when it is gone now), redirected_to (where
      its latest redirected run went), detail (of its latest run).
    - "site_status_grid": the statuses as a site (rows, in "site_history" order) x run (columns:
      run ids, most recent last) table; <NA> where a run did not record the site.

    Empty frames (with these columns) for None or a table without rows.
    """
    rows = _status_rows(site_status)
    runs = _status_runs(rows)
    order = {run: i for i, run in enumerate(runs["run_id"])}
    rows = rows.assign(_run=rows["run_id"].map(order)).sort_values(["_run", "site"], kind="stable")
    summaries = []
    for site, group in rows.groupby("site", sort=True):
        statuses = group["status"].tolist()
        times = group["observed_at"].tolist()
        changes = sum(1 for a, b in zip(statuses, statuses[1:]) if a != b)
        start = len(statuses) - 1
        while start > 0 and statuses[start - 1] == statuses[-1]:
            start -= 1
        redirected = group.loc[group["status"] == "redirected", "final_url"].dropna()
        summaries.append({
            "site": site, "runs": len(statuses), "first_observed_at": times[0], "last_observed_at": times[-1],
            "changes": changes, "status": statuses[-1], "since": times[start],
            "since_run_id": group["run_id"].iloc[start],
            "gone_since": times[start] if statuses[-1] == "gone" else pd.NaT,
            "redirected_to": redirected.iloc[-1] if len(redirected) else None,
            "detail": group["detail"].iloc[-1], "_last_change_run": group["_run"].iloc[start] if changes else -1,
        })
    history = pd.DataFrame(summaries, columns=[
        "site", "runs", "first_observed_at", "last_observed_at", "changes", "status", "since", "since_run_id",
        "gone_since", "redirected_to", "detail", "_last_change_run"])
    if len(history):
        history = history.sort_values(["_last_change_run", "site"], ascending=[False, True], kind="stable")
    history = history.drop(columns=["_last_change_run"]).reset_index(drop=True)
    history = history.astype({"site": "string", "runs": "int64", "changes": "int64", "status": "string",
                              "since_run_id": "string", "redirected_to": "string", "detail": "string"})
    for column in ("first_observed_at", "last_observed_at", "since", "gone_since"):
        history[column] = pd.to_datetime(history[column], utc=True).astype("datetime64[ns, UTC]")
    grid = rows.pivot(index="site", columns="run_id", values="status") if len(rows) else pd.DataFrame()
    grid = grid.reindex(index=list(history["site"]), columns=list(runs["run_id"])).astype("string")
    grid.index = pd.Index(grid.index, name="site", dtype="string")
    grid.columns = pd.Index(grid.columns, name="run_id", dtype="string")
    rows = rows.assign(_site=rows["site"].map({s: i for i, s in enumerate(history["site"])}))
    rows = rows.sort_values(["_run", "_site"], kind="stable").drop(columns=["_run", "_site"])
    return {"site_status": rows.reset_index(drop=True), "site_history": history, "site_status_grid": grid}


def _status_rows(site_status: pd.DataFrame | None) -> pd.DataFrame:
    """The table's rows with a site, a run and a known status, typed (site, run_id, status, detail,
    final_url strings; observed_at UTC)."""
    if site_status is None:
        frame = pd.DataFrame({c: [] for c in _STATUS_COLUMNS})
    else:
        frame = site_status.reindex(columns=list(_STATUS_COLUMNS)).copy()
    frame["observed_at"] = pd.to_datetime(frame["observed_at"], utc=True, format="ISO8601")
    frame = frame.astype({c: "string" for c in _STATUS_COLUMNS if c != "observed_at"})
    frame = frame.dropna(subset=["site", "run_id", "status"])
    frame = frame[frame["status"].isin(SITE_STATUSES)]
    return frame.drop_duplicates(["site", "run_id"], keep="last").reset_index(drop=True)


def _status_runs(rows: pd.DataFrame) -> pd.DataFrame:
    """The runs of the status rows in order: run_id, observed_at (its first row's; a run without
    a time goes by its id among the others, after those with one)."""
    runs = rows.groupby("run_id", sort=True)["observed_at"].min().rename("observed_at").reset_index()
    runs = runs.sort_values(["observed_at", "run_id"], na_position="last", kind="stable").reset_index(drop=True)
    return runs.astype({"run_id": "string", "observed_at": "datetime64[ns, UTC]"})


def _run_labels(times: pd.Series, lang: str) -> list[str]:
    """Short labels for runs (Vietnam time): the date when the runs fall on distinct days at least
    two days apart, else the day and the time to the minute, or to the second when two runs share
    a minute; runs that still share a label are numbered ("#2 03/12 19:26:36")."""
    local = [None if pd.isna(t) else _local(t) for t in times]
    known = [t for t in local if t is not None]

    def day(t: pd.Timestamp) -> str:
        return _day_label(t, lang)

    if known and len({t.date() for t in known}) == len(known) and max(known) - min(known) >= pd.Timedelta(days=2):
        def label(t: pd.Timestamp) -> str:
            return _date_text(t, lang)
    elif len({t.strftime("%Y%m%d%H%M") for t in known}) == len(known):
        def label(t: pd.Timestamp) -> str:
            return f"{day(t)} {t:%H:%M}"
    else:
        def label(t: pd.Timestamp) -> str:
            return f"{day(t)} {t:%H:%M:%S}"
    labels = [NO_VALUE if t is None else label(t) for t in local]
    if len(set(labels)) < len(labels):
        labels = [f"#{i} {text}" for i, text in enumerate(labels, 1)]
    return labels


def site_status_section(data: dict[str, pd.DataFrame], t: dict[str, str], lang: str) -> Section:
    """A site x run grid coloured by status (changed sites first, the most recent runs last), and
    the table: per site its status in each of the last runs, its status now and since when,
    where it redirected to and the latest detail."""
    history, grid, rows = data["site_history"], data["site_status_grid"], data["site_status"]
    heading = t["status_heading"]
    caption = t["status_caption"].format(time_note=t["time_note"])
    runs = _status_runs(rows)
    labels = dict(zip(runs["run_id"], _run_labels(runs["observed_at"], lang)))
    total_runs, total_sites = grid.shape[1], grid.shape[0]
    chart_runs, table_runs = min(total_runs, STATUS_CHART_RUNS), min(total_runs, STATUS_TABLE_RUNS)
    if total_runs > chart_runs:
        caption += t["status_caption_runs_cut"].format(shown=chart_runs, runs=total_runs, table=table_runs)
    elif total_runs > table_runs:
        caption += t["status_caption_table_cut"].format(table=table_runs, runs=total_runs)
    if total_sites > STATUS_CHART_SITES:
        caption += t["status_caption_sites_cut"].format(shown=STATUS_CHART_SITES, sites=total_sites)
    shown_runs = list(grid.columns[-table_runs:])
    header = [t["col_site"], *(labels[r] for r in shown_runs), t["col_status_now"], t["col_status_since"],
              t["col_redirected_to"], t["col_status_detail"]]
    body = []
    for site, r in zip(history["site"], history.itertuples(index=False)):
        cells = [_escape(str(site))]
        for run in shown_runs:
            status = grid.at[site, run]
            cells.append(_status_cell(None if pd.isna(status) else str(status), t))
        cells += [_status_cell(str(r.status), t), _escape(_datetime_text(r.since, lang)),
                  _escape(_text(r.redirected_to) or NO_VALUE), _escape(_text(r.detail) or NO_VALUE)]
        body.append(cells)
    n = len(shown_runs)
    table = table_html(header, body, css={**{i: "status" for i in range(1, n + 2)}, n + 2: "date", n + 3: "url"})
    fig = status_figure(grid.iloc[:STATUS_CHART_SITES, -chart_runs:], [labels[r] for r in grid.columns[-chart_runs:]],
                        t)
    return Section(heading, caption, png=render_png(fig), figure=fig, table=table, css="site-status")


def _status_cell(status: str | None, t: dict[str, str]) -> str:
    """A status as its word in the language, with the class that colours the cell."""
    if status is None:
        return f'<span class="st st-absent">{_escape(NO_VALUE)}</span>'
    return f'<span class="st st-{_escape(status)}">{_escape(t["status_" + status])}</span>'


def status_figure(grid: pd.DataFrame, run_labels: list[str], t: dict[str, str]) -> Figure:
    """Sites (rows) x runs (columns, most recent last), each cell coloured by the site's status in
    that run (a mark in it too, when the grid is small enough to read: → redirected, × gone,
    ⊘ blocked, ! failing); white where the run did not record the site."""
    from matplotlib.colors import ListedColormap

    codes = np.full(grid.shape, np.nan)
    for i, row in enumerate(grid.itertuples(index=False)):
        for j, status in enumerate(row):
            if not pd.isna(status):
                codes[i, j] = SITE_STATUSES.index(str(status))
    rows, cols = grid.shape
    cmap = ListedColormap([STATUS_COLORS[s] for s in SITE_STATUSES]).with_extremes(bad="#ffffff")
    fig = new_figure(1.9 + 0.32 * rows)
    ax = fig.add_subplot()
    ax.imshow(np.ma.masked_invalid(codes), aspect="auto", cmap=cmap, interpolation="nearest", vmin=-0.5,
              vmax=len(SITE_STATUSES) - 0.5)
    if rows * cols <= ANNOTATE_CELLS_UP_TO:
        for (i, j), code in np.ndenumerate(codes):
            if not np.isnan(code) and STATUS_MARKS[SITE_STATUSES[int(code)]]:
                ax.text(j, i, STATUS_MARKS[SITE_STATUSES[int(code)]], ha="center", va="center", fontsize=8,
                        color="white")
    ax.set_xticks(np.arange(cols + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(rows + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=1.2)
    ax.tick_params(which="minor", length=0)
    step = max(1, -(-cols // 16))
    ticks = list(range(cols - 1, -1, -step))[::-1]   # the latest run always labelled
    ax.set_xticks(ticks, [run_labels[i] for i in ticks], rotation=45 if cols > 4 else 0,
                  ha="right" if cols > 4 else "center", fontsize="small")
    ax.set_yticks(range(rows), [mpl_text(str(s)) for s in grid.index], fontsize="small")
    ax.set_xlabel(t["axis_run"])
    ax.set_ylabel(t["axis_site"])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    handles = [Patch(color=STATUS_COLORS[s]) for s in SITE_STATUSES]
    fig.legend(handles, [t["status_" + s] for s in SITE_STATUSES], loc="outside lower center",
               ncols=len(SITE_STATUSES), fontsize="small", frameon=False)
    return fig


def sites_section(sites: pd.DataFrame, t: dict[str, str], status_sites: int = 0) -> Section:
    """The table per site: articles, observations, latest visitor counter and its growth
    (`status_sites`: how many sites the site-status section shows, for the note when no site has
    yielded a row here yet)."""
    heading = t["sites_heading"]
    if sites.empty:
        note = (t["note_no_sites"] if not status_sites else t["note_no_articles_site"] if status_sites == 1
                else t["note_no_articles_sites"].format(n=status_sites))
        return Section(heading, "", note=note, css="sites")
    header = [t["col_site"], t["col_articles"], t["col_observations"], t["col_counter_total"], t["col_counter_growth"]]
    rows = [[_escape(site), group_digits(r.articles), group_digits(r.observations), _count_or_dash(r.counter_total),
             _count_or_dash(r.counter_growth)] for site, r in zip(sites.index, sites.itertuples(index=False))]
    return Section(heading, "", table=table_html(header, rows, numeric={1, 2, 3, 4}), css="sites")


def _views_note(data: dict[str, pd.DataFrame], t: dict[str, str]) -> str:
    """Why there is no chart of view gains: no view count at all, or none observed twice."""
    return t["note_two_runs_views"] if data["window"]["view_counts"].iloc[0] else t["note_no_views"]


def _colors(n: int) -> list:
    cmap = colormaps["tab10" if n <= 10 else "tab20"]
    return [cmap(i % cmap.N) for i in range(max(n, 1))]


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
div.numbers { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; margin-top: .4rem; }
th, td { border-bottom: 1px solid #e4e4e4; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; } td.num, th.num { text-align: right; } td.num { white-space: nowrap; }
td.date { white-space: nowrap; } td.headline { min-width: 18rem; } a { color: #1b5e96; }
td.url { word-break: break-all; min-width: 12rem; } td.status { white-space: nowrap; }
span.st { display: inline-block; padding: 0 .35rem; border-radius: 3px; color: #fff; }
span.st-reachable { background: #1a9850; } span.st-redirected { background: #4393c3; }
span.st-failing { background: #f4a621; color: #1d1d1f; } span.st-blocked { background: #984ea3; }
span.st-gone { background: #3f3f3f; } span.st-absent { color: #888; }
"""

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def summary_items(dataset: Dataset, data: dict[str, pd.DataFrame], t: dict[str, str],
                  lang: str) -> list[tuple[str, str]]:
    """The header facts: runs, observed period, publication period, sites, articles, observations."""
    window = _window_of(data)
    row = data["window"].iloc[0]
    published = dataset.articles["published_at"].dropna()
    sites = _distinct(dataset.articles["site"], dataset.observations["site"], dataset.site_counters["site"],
                      _status_sites(data))
    observed = _period(row["first_observed_at"], row["last_observed_at"], _datetime_text, lang)
    runs = window_text(window.runs, window.first, window.last, lang)
    if window.runs == 0 and len(dataset.runs):
        # runs that observed nothing (every site failed, a first crawl still empty): they ran
        started = dataset.runs["started_at"]
        runs = window_text(len(dataset.runs), started.min(), started.max(), lang)
    return [
        (t["fact_runs"], runs),
        (t["fact_observed"], observed + (f", {t['time_note']}" if observed != NO_VALUE else "")),
        (t["fact_published"], _period(published.min() if len(published) else None,
                                      published.max() if len(published) else None, _date_text, lang)),
        (t["fact_sites"], group_digits(len(sites))),
        (t["fact_articles"], group_digits(dataset.articles["article_id"].nunique())),
        (t["fact_observations"], group_digits(int(data["window"]["observations"].iloc[0]))),
    ]


def _status_sites(data: dict[str, pd.DataFrame]) -> pd.Series:
    """The sites the site-status rows name (a site that never yielded an article is still a site
    of the dataset: the header counts it and the table of sites says why it is empty)."""
    history = data.get("site_history")
    return pd.Series([], dtype=object) if history is None or history.empty else history["site"]


def _distinct(*columns: pd.Series) -> list:
    values: set = set()
    for column in columns:
        values.update(column.dropna().tolist())
    return sorted(values)


def _period(first: Any, last: Any, fmt: Any, lang: str) -> str:
    a, b = fmt(first, lang), fmt(last, lang)
    return a if a == b else f"{a} → {b}"


def render_page(title: str, lang: str, facts: list[tuple[str, str]], sections: list[Section]) -> str:
    """The HTML document: every piece of text escaped here, and nothing loaded from outside."""
    e = _escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}">',
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
        *(section_html(s) for s in sections),
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def section_html(section: Section) -> str:
    e = _escape
    parts = [f'<section class="{e(section.css)}"><h2>{e(section.heading)}</h2>']
    if section.png is not None:
        data = base64.b64encode(section.png).decode("ascii")
        parts.append(f'<figure><img alt="{e(section.heading)}" src="data:image/png;base64,{data}">'
                     f"<figcaption>{e(section.caption)}</figcaption></figure>")
    else:
        if section.note:
            parts.append(f'<p class="note">{e(section.note)}</p>')
        if section.caption:
            parts.append(f'<p class="caption">{e(section.caption)}</p>')
    parts.append(section.table)
    parts.append("</section>")
    return "".join(parts)


def table_html(header: list[str], rows: list[list[str]], numeric: Iterable[int] = (),
               css: dict[int, str] | None = None) -> str:
    """A table; header cells are escaped here, body cells must be HTML already."""
    head = _row("th", [_escape(h) for h in header], numeric, css)
    body = "".join(_row("td", cells, numeric, css) for cells in rows)
    return f'<div class="numbers"><table><thead>{head}</thead><tbody>{body}</tbody></table></div>'


def _row(tag: str, cells: list[str], numeric: Iterable[int] = (), css: dict[int, str] | None = None) -> str:
    numeric, css = set(numeric), css or {}
    out = []
    for i, cell in enumerate(cells):
        classes = " ".join(c for c in ("num" if i in numeric else "", css.get(i, "") if tag == "td" else "") if c)
        attr = f' class="{classes}"' if classes else ""
        out.append(f"<{tag}{attr}>{cell}</{tag}>")
    return f"<tr>{''.join(out)}</tr>"


def _link(headline: Any, url: Any, t: dict[str, str]) -> str:
    """The headline linked to the article; only http(s) URLs become links."""
    text, target = _text(headline), _text(url)
    label = _escape(text or target or t["no_headline"])
    if target.lower().startswith(SAFE_LINK_SCHEMES):
        return f'<a href="{_escape(target)}" rel="noopener noreferrer">{label}</a>'
    return label


# -- text helpers ------------------------------------------------------------------------------

def group_digits(value: Any) -> str:
    """An integer with thin spaces between groups of three digits: 8 412 907."""
    return f"{round(float(value)):,}".replace(",", THIN_SPACE)


def format_number(value: Any, lang: str = "en") -> str:
    """A count or rate for people: 1 234 (from 100 up), 12.5 / 12,5 (vi), 0.25; "—" for none."""
    if value is None or pd.isna(value):
        return NO_VALUE
    value = float(value)
    if not math.isfinite(value):
        return NO_VALUE
    if abs(value) >= 100 or value == round(value):
        return group_digits(value)
    text = f"{value:.1f}" if abs(value) >= 1 else f"{value:.2g}"
    return text.replace(".", ",") if lang == "vi" else text


def _signed(value: Any, lang: str) -> str:
    if value is None or pd.isna(value):
        return NO_VALUE
    return ("+" if float(value) > 0 else "") + format_number(value, lang)


def _count_or_dash(value: Any) -> str:
    return NO_VALUE if value is None or pd.isna(value) else group_digits(value)


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
