"""The engagement report: a self-contained HTML page of charts, each with the table of its numbers,
and `report_data`, the numbers themselves (checked here, not only that images exist)."""
from __future__ import annotations

import base64
import re
import shutil
import subprocess
import threading
import warnings
from pathlib import Path

import lxml.html
import numpy as np
import pandas as pd
import pytest

from govnews.output import Dataset, load
from govnews.output.dataset import frame_from_rows
from govnews.output.report import (
    TEXTS,
    build_report,
    daily_view_gains,
    new_figure,
    publication_heatmap,
    report_data,
    report_sections,
    shorten,
    time_axis,
    window_text,
    write_report,
)
from govnews.output.schema import TABLES, article_id, content_sha256
from govnews.output.store import Store
from govnews.output.writers import export_dataset

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EN, VI = TEXTS["en"], TEXTS["vi"]
CHROMIUM_TIMEOUT_S = 60

# -- a harvest of four portals over four runs ------------------------------------------------------

SITES = {
    "baclieu": ("lacviet", "https://baclieu.gov.vn/tintuc/lists/posts/post.aspx?Source=%2ftintuc&Category=Tin+t%E1%BB%A9c&ItemID={n}&Mode=1"),
    "dongnai": ("nukeviet", "https://dongnai.gov.vn/vi/news/tin-tuc-su-kien/{slug}-{n}.html"),
    "quangnam": ("sharepoint_quangnam", "https://quangnam.gov.vn/Pages/tin-tuc/{slug}-{n}.aspx"),
    "haiphong": ("aspnet_haiphong", "https://haiphong.gov.vn/tin-tuc/{slug}-{n}.html"),
}

# (site, headline, published_at (Vietnam time) or None, views at the first run, views gained per day)
ARTICLES = [
    ("baclieu", "UBND tỉnh họp triển khai phòng, chống hạn hán, xâm nhập mặn mùa khô 2024 - 2025", "2024-11-18T16:20", 1532, 40),
    ("baclieu", "Bạc Liêu đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính", "2024-12-03T08:05", 874, 12),
    ("baclieu", "Hồng Dân thu hoạch lúa trên đất nuôi tôm, năng suất đạt 4,5 tấn/ha", "2025-01-09T10:30", 2210, 95),
    ("baclieu", "Khởi công tuyến đường ven biển đoạn qua huyện Đông Hải", "2024-10-22T14:00", 3120, 30),
    ("baclieu", "Tỉnh Bạc Liêu tổ chức Hội nghị xúc tiến đầu tư năm 2025", "2025-02-06T09:15", 655, 160),
    ("baclieu", "Ra quân tổng vệ sinh môi trường, phòng chống sốt xuất huyết tại thành phố Bạc Liêu", "2019-07-15T07:45", 4410, 2),
    ("baclieu", "Trao 120 căn nhà đại đoàn kết cho hộ nghèo huyện Phước Long", "2023-09-28T15:10", 1987, 3),
    ("baclieu", "Tăng cường kiểm tra an toàn thực phẩm dịp Tết Nguyên đán Ất Tỵ 2025", "2025-01-14T11:00", 1405, 55),
    ("dongnai", "Đồng Nai đẩy nhanh tiến độ giải phóng mặt bằng dự án sân bay Long Thành", "2024-12-12T08:00", 6120, 210),
    ("dongnai", "Biên Hòa ra mắt Trung tâm Phục vụ hành chính công cấp thành phố", "2024-11-27T10:40", 2380, 45),
    ("dongnai", "Triển khai tiêm vắc xin sởi cho trẻ em từ 1 đến 5 tuổi tại huyện Tân Phú", "2024-11-05T09:00", 1760, 20),
    ("dongnai", "Nông dân Xuân Lộc trúng mùa sầu riêng, giá bán ổn định", "2025-01-20T16:00", 980, 70),
    ("dongnai", "Chủ tịch UBND tỉnh tiếp công dân định kỳ tháng 12/2024", "2024-12-20T14:30", 512, 6),
    ("dongnai", "Tuyển sinh lớp 10 năm học 2025 - 2026: giữ nguyên phương thức xét tuyển", "2025-02-04T17:00", 5230, 480),
    ("dongnai", "Xử lý nghiêm các trường hợp lấn chiếm đất rừng phòng hộ Trị An", "2018-05-10T08:30", 2990, 1),
    ("quangnam", "Quảng Nam công bố quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050", "2024-12-16T09:00", 7340, 150),
    ("quangnam", "Hội An đón hơn 500 nghìn lượt khách quốc tế trong năm 2024", "2025-01-03T10:00", 3650, 85),
    ("quangnam", "Khắc phục sạt lở đường ĐT609 sau mưa lũ tại huyện Đại Lộc", "2024-11-26T15:20", 2045, 18),
    ("quangnam", "Thăng Bình hỗ trợ nông dân chuyển đổi 200 ha đất lúa kém hiệu quả", "2025-01-22T08:45", 760, 33),
    ("quangnam", "Tam Kỳ ra quân bảo đảm trật tự an toàn giao thông dịp Tết", "2025-01-17T07:30", 1320, 41),
    ("quangnam", "Phê duyệt đề án sắp xếp đơn vị hành chính cấp xã giai đoạn 2023 - 2025", "2021-03-18T14:00", 8810, 25),
    ("quangnam", "Thông báo lịch tiếp công dân của Chủ tịch UBND huyện Duy Xuyên", None, 230, 2),
    ("haiphong", "Hải Phòng thông xe cầu Nguyễn Trãi nối quận Ngô Quyền với Thủy Nguyên", "2024-12-27T09:30", 9120, 260),
    ("haiphong", "Thành phố hỗ trợ 10 triệu đồng cho hộ dân bị thiệt hại do bão số 3", "2024-10-02T16:45", 4870, 14),
    ("haiphong", "Kiểm tra tiến độ dự án nhà ở xã hội tại khu đô thị Tràng Cát", "2024-11-12T10:15", 1630, 22),
    ("haiphong", "Hải Phòng tổ chức Lễ hội Hoa Phượng Đỏ năm 2025", "2025-02-10T15:00", 410, 390),
    ("haiphong", "Công an thành phố triệt phá đường dây đánh bạc qua mạng", "2025-01-06T11:20", 3380, 61),
    ("haiphong", "Hải Phòng dẫn đầu cả nước về thu hút vốn FDI năm 2024", "2025-01-02T08:00", 5560, 120),
    ("haiphong", "Thủy Nguyên ra mắt mô hình chính quyền đô thị", "2020-02-03T09:00", 2760, 4),
    ("haiphong", "Cảnh báo thủ đoạn lừa đảo giả danh cơ quan thuế", "2025-01-15T13:40", None, None),
]

PARAGRAPHS = [
    "Theo báo cáo của Sở Nông nghiệp và Phát triển nông thôn, trong năm qua địa phương đã hoàn thành "
    "kế hoạch đề ra, nhiều chỉ tiêu vượt so với cùng kỳ.",
    "Phát biểu tại buổi làm việc, đồng chí Phó Chủ tịch UBND tỉnh đề nghị các sở, ngành tập trung tháo gỡ "
    "khó khăn, vướng mắc, bảo đảm tiến độ theo yêu cầu.",
    "Các huyện, thị xã, thành phố được giao rà soát, tổng hợp danh sách và báo cáo kết quả về Văn phòng "
    "UBND tỉnh trước ngày 25 hằng tháng.",
    "Người dân có thể tra cứu thông tin, nộp hồ sơ trực tuyến trên Cổng dịch vụ công của tỉnh hoặc liên hệ "
    "bộ phận một cửa cấp xã để được hướng dẫn.",
    "Dự kiến trong quý tới, tỉnh sẽ tổ chức sơ kết, đánh giá kết quả thực hiện và đề xuất giải pháp cho "
    "giai đoạn tiếp theo.",
    "Ngành y tế phối hợp chính quyền địa phương tăng cường tuyên truyền để người dân chủ động phòng bệnh, "
    "bảo vệ sức khỏe cho gia đình và cộng đồng.",
    "Lực lượng công an, quân sự và dân quân tự vệ được huy động hỗ trợ bảo đảm an ninh trật tự trong suốt "
    "thời gian triển khai.",
    "Nhiều hộ dân bày tỏ phấn khởi, mong muốn chính quyền tiếp tục quan tâm, tạo điều kiện để ổn định "
    "cuộc sống và phát triển sản xuất.",
]

RUNS = ["2025-02-10T01:00:00Z", "2025-02-10T13:00:00Z", "2025-02-11T01:00:00Z", "2025-02-13T01:00:00Z"]
COUNTERS = {"baclieu": (8_412_907, 3_100), "dongnai": (25_104_338, 12_450), "quangnam": (3_204_551, 2_020),
            "haiphong": (None, None)}  # haiphong shows no visitor counter


def run_id(started: str) -> str:
    return started.replace(":", "")


def days_between(start: str, end: str) -> float:
    return (pd.Timestamp(end) - pd.Timestamp(start)) / pd.Timedelta(days=1)


def article_record(n: int, site: str, headline: str, published: str | None, fetched: str, views: int | None) -> dict:
    platform, pattern = SITES[site]
    slug = f"bai-viet-{n}"
    url = pattern.format(n=8800 + n, slug=slug)
    paragraphs = [f"({site.upper()}) {headline}."] + [PARAGRAPHS[(n + i) % len(PARAGRAPHS)] for i in range(2 + n % 6)]
    body = "\n\n".join(paragraphs)
    return {
        "article_id": article_id(url),
        "url": url,
        "site": site,
        "platform": platform,
        "category": "Tin tức sự kiện",
        "headline": headline,
        "summary": paragraphs[0],
        "published_at": None if published is None else f"{published}:00+07:00",
        "published_at_raw": None if published is None else pd.Timestamp(published).strftime("%d/%m/%Y %H:%M"),
        "body": body,
        "author": ["Nguyễn Thanh", "Trần Minh Tâm", "Lê Thị Hồng Nhung", None][n % 4],
        "source": ["Báo Bạc Liêu", "Cổng TTĐT tỉnh", None][n % 3],
        "view_count": views,
        "visitor_counter": None,
        "images": [],
        "attachments": [],
        "first_seen_at": fetched,
        "fetched_at": fetched,
        "content_sha256": content_sha256(headline, body),
        "warnings": [] if views is not None else ["view_count: no counter on the page"],
    }


def harvest(folder: Path, runs: list[str] = RUNS, articles: list[tuple] = ARTICLES) -> Path:
    """Write the runs into a store as the harvester would; an article published after a run is not seen."""
    with Store.open(folder) as store:
        for started in runs:
            rid = run_id(started)
            store.start_run(rid, started, list(SITES))
            elapsed = days_between(runs[0], started)
            with store.transaction():
                for n, (site, headline, published, base, per_day) in enumerate(articles):
                    if published is not None and pd.Timestamp(published, tz="Asia/Ho_Chi_Minh") > pd.Timestamp(started):
                        continue
                    at = (pd.Timestamp(started) + pd.Timedelta(seconds=5 * n)).strftime("%Y-%m-%dT%H:%M:%SZ")
                    views = None if base is None else base + round(per_day * elapsed)
                    record = article_record(n, site, headline, published, at, views)
                    store.upsert_article(record, run_id=rid)
                    total, growth = COUNTERS[site]
                    visitors = None if total is None else total + round(growth * elapsed)
                    store.add_observation({"article_id": record["article_id"], "url": record["url"], "site": site,
                                           "run_id": rid, "observed_at": at, "view_count": views,
                                           "visitor_counter": visitors, "http_status": 200})
                for site, (total, growth) in COUNTERS.items():
                    if site == "quangnam" and started == RUNS[1]:
                        continue  # the counter widget did not load in that run
                    store.add_site_counters({"site": site, "run_id": rid, "observed_at": started,
                                             "total": None if total is None else total + round(growth * elapsed),
                                             "online": 20 + len(site), "today": None})
            store.finish_run({"run_id": rid, "finished_at": started.replace("00Z", "50Z"), "status": "ok",
                              "pages_fetched": 2 * len(articles), "errors": 0})
    return folder


@pytest.fixture(scope="module")
def dataset_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return harvest(tmp_path_factory.mktemp("harvest"))


@pytest.fixture(scope="module")
def dataset(dataset_folder: Path) -> Dataset:
    return load(dataset_folder)


@pytest.fixture(scope="module")
def page(dataset: Dataset) -> str:
    return build_report(dataset)



@pytest.fixture(scope="module")
def page_en(dataset: Dataset) -> str:
    return build_report(dataset, lang="en")


@pytest.fixture(scope="module")
def data(dataset: Dataset) -> dict[str, pd.DataFrame]:
    return report_data(dataset)


@pytest.fixture(scope="module")
def charts(data: dict[str, pd.DataFrame]) -> dict[str, dict]:
    """Per language, the page's sections by their class (each with the matplotlib figure drawn)."""
    return {lang: {s.css: s for s in report_sections(data, lang=lang)} for lang in ("vi", "en")}


def parse(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page.encode("utf-8"))


def chart_pngs(tree: lxml.html.HtmlElement) -> list[bytes]:
    prefix = "data:image/png;base64,"
    sources = tree.xpath("//img/@src")
    assert all(src.startswith(prefix) for src in sources), [s[:40] for s in sources]
    return [base64.b64decode(src[len(prefix):], validate=True) for src in sources]


def notes(tree: lxml.html.HtmlElement) -> list[str]:
    return [p.text_content() for p in tree.xpath("//p[@class='note']")]


def table(tree: lxml.html.HtmlElement, section: str) -> list[list[str]]:
    """The body cells of the table in <section class=section>, as text."""
    return [[td.text_content() for td in tr.xpath("td")]
            for tr in tree.xpath(f"//section[@class='{section}']//tbody/tr")]


def number(text: str) -> float:
    return float(text.replace("\u202f", "").replace("+", "").replace(",", "."))


def headline(n: int) -> str:
    return ARTICLES[n][1]


# -- the numbers: views gained, ranked by gain ------------------------------------------------------

def known_dataset() -> Dataset:
    """Four articles with known observations (UTC): the ranking by gain is c, a, b."""
    rows = {
        "articles": [
            {"article_id": aid, "url": f"https://x.gov.vn/{aid}", "site": site, "platform": "generic",
             "headline": f"Bài {aid}", "view_count": None, "published_at": published}
            for aid, site, published in [("a", "x", "2025-02-01T07:00:00+07:00"), ("b", "x", "2020-01-01T07:00:00+07:00"),
                                         ("c", "y", "2025-02-09T19:00:00+07:00"), ("d", "y", None)]
        ],
        "observations": [
            {"article_id": aid, "site": None, "run_id": run, "observed_at": at, "view_count": views}
            for aid, run, at, views in [
                ("a", "r1", "2025-02-10T00:00:00Z", 100), ("a", "r2", "2025-02-10T12:00:00Z", 150),
                ("b", "r1", "2025-02-10T00:00:00Z", 5000), ("b", "r2", "2025-02-10T12:00:00Z", 5010),
                ("c", "r1", "2025-02-10T00:00:00Z", 10), ("c", "r2", "2025-02-10T12:00:00Z", 500),
                ("c", "r3", "2025-02-11T00:00:00Z", 20),  # the counter was reset
                ("c", "r4", "2025-02-12T00:00:00Z", 80),
                ("d", "r1", "2025-02-10T00:00:00Z", 9999),  # observed once: no gain to rank
            ]
        ],
    }
    return Dataset(*(frame_from_rows(t, rows.get(t, [])) for t in TABLES))


def test_articles_are_ranked_by_views_gained_not_by_lifetime_views() -> None:
    gains = report_data(known_dataset())["gains"]
    assert gains["article_id"].tolist() == ["c", "a", "b"]
    assert gains["rank"].tolist() == [1, 2, 3]
    assert gains["views_gained"].tolist() == [490 + 60, 50, 10]  # a reset counter loses nothing
    assert gains["views_start"].tolist() == [10, 100, 5000] and gains["views_end"].tolist() == [80, 150, 5010]
    assert gains["observations"].tolist() == [4, 2, 2]
    assert gains["views_per_day"].tolist() == pytest.approx([550 / 2, 100, 20])
    # age at the last observation: c published 12:00 UTC on 9 Feb, last seen 00:00 UTC on 12 Feb
    c, a = gains.iloc[0], gains.iloc[1]
    assert c["age_days"] == pytest.approx(2.5) and a["age_days"] == pytest.approx(9.5)
    assert c["site"] == "y" and c["headline"] == "Bài c"


def test_the_window_bounds_the_gains() -> None:
    data = report_data(known_dataset(), since="2025-02-10T19:00")  # Vietnam time: 12:00 UTC
    assert data["gains"]["article_id"].tolist() == ["c", "a", "b"][:1]  # a and b are seen once after it
    assert data["gains"]["views_gained"].tolist() == [60]
    assert data["window"]["runs"].iloc[0] == 3


def test_the_gainers_chart_and_table_show_the_ranking(data: dict, charts: dict, page_en: str) -> None:
    gainers = data["gainers"]
    # views at run k = first + per day x days since the first run; 3 days in all
    assert gainers["headline"].tolist()[:5] == [headline(13), headline(25), headline(22), headline(8), headline(4)]
    assert gainers["views_gained"].tolist()[:5] == [480 * 3, 390 * 3 - 195, 260 * 3, 210 * 3, 160 * 3]
    assert len(gainers) == 10 and gainers["views_gained"].is_monotonic_decreasing
    lifetime_top = headline(22)  # 9 120 views: the most read, but third by gain
    assert gainers.iloc[2]["headline"] == lifetime_top
    rows = table(parse(page_en), "gainers")
    assert [r[1] for r in rows] == gainers["headline"].tolist()
    assert [number(r[6]) for r in rows] == gainers["views_gained"].tolist()
    assert rows[0][2] == "dongnai" and rows[0][3] == "2025-02-04" and rows[0][6] == "+1\u202f440"
    assert number(rows[0][7]) == 480
    ax = charts["en"]["gainers"].figure.axes[0]
    bars = [patch.get_width() for patch in ax.patches]
    assert bars == gainers["views_gained"].astype(float).tolist()
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert labels[0] == f"dongnai · {shorten(headline(13), 58)}"


def test_runs_sum_the_gains(data: dict) -> None:
    runs = data["runs"]
    assert runs["run_id"].tolist() == [run_id(r) for r in RUNS]
    assert runs["views_gained"].iloc[0] == 0
    assert runs["views_gained"].sum() == data["gains"]["views_gained"].sum()
    assert runs["articles"].tolist() == [28, 29, 29, 29]  # one article is published after the first run


def test_gains_over_time_are_cumulative_per_article(data: dict) -> None:
    series = data["gains_over_time"]
    first = series[series["rank"] == 1]
    assert first["gained"].tolist() == [0, 240, 480, 1440]
    assert sorted(series["rank"].unique()) == list(range(1, 11))


def test_views_per_day_against_age(data: dict, charts: dict) -> None:
    velocity = data["velocity"]
    assert len(velocity) == 28  # 29 observed twice, one without a publication date
    assert velocity["views_per_day"].is_monotonic_decreasing
    row = velocity.set_index("headline").loc[headline(13)]
    assert row["views_per_day"] == pytest.approx(480)
    # published 2025-02-04 17:00 (10:00 UTC), last observed 2025-02-13 01:01:05 UTC (13 x 5 s into the run)
    assert row["age_days"] == pytest.approx((pd.Timestamp("2025-02-13T01:01:05Z") - pd.Timestamp("2025-02-04T10:00Z")) / pd.Timedelta(days=1))
    ax = charts["en"]["velocity"].figure.axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    plotted = np.concatenate([c.get_offsets() for c in ax.collections])
    assert len(plotted) == 28
    assert sorted(plotted[:, 1]) == pytest.approx(sorted(velocity["views_per_day"]))


def test_visitor_counter_growth_per_day_per_site(data: dict, page_en: str) -> None:
    counters = data["counters"].set_index("site")
    assert counters.index.tolist() == ["dongnai", "baclieu", "quangnam"]  # haiphong shows no counter
    assert counters["growth_per_day"].tolist() == pytest.approx([12_450, 3_100, 2_020])
    assert counters["readings"].tolist() == [4, 4, 3]
    assert counters.loc["baclieu", "total_end"] - counters.loc["baclieu", "total_start"] == 3 * 3_100
    daily = data["counter_daily"]
    assert daily.index[0] == pd.Timestamp("2025-02-10") and daily.index[-1] == pd.Timestamp("2025-02-13")
    # a rate per whole day, the partly read first and last days included
    assert daily.round().to_dict("list") == {"baclieu": [3_100] * 4, "dongnai": [12_450] * 4, "quangnam": [2_020] * 4}
    rows = table(parse(page_en), "counters")
    assert [r[0] for r in rows] == ["dongnai", "baclieu", "quangnam"]
    assert rows[0][7] == "12\u202f450"


def test_publication_heatmap_counts(data: dict, charts: dict, page_en: str) -> None:
    heat = data["publications"]
    assert heat.index.tolist() == ["baclieu", "haiphong", "dongnai", "quangnam"]  # most articles first
    assert heat.columns[0] == pd.Timestamp("2018-05-01") and heat.columns[-1] == pd.Timestamp("2025-02-01")
    assert heat.shape == (4, 82)  # May 2018 to February 2025, empty months included
    assert int(heat.to_numpy().sum()) == 29  # one article has no date
    assert heat[pd.Timestamp("2025-01-01")].tolist() == [2, 3, 1, 3]
    assert heat.sum(axis=1).tolist() == [8, 8, 7, 6]
    tree = parse(page_en)
    header = [th.text_content() for th in tree.xpath("//section[@class='publications']//thead//th")]
    assert header[0] == "Site" and header[1] == "Mar 2022" and header[-2:] == ["Feb 2025", "Total"]
    rows = table(tree, "publications")
    jan = header.index("Jan 2025")
    assert [r[jan] for r in rows] == ["2", "3", "1", "3"]
    image = charts["en"]["publications"].figure.axes[0].images[0].get_array()
    assert image.shape == (4, 36) and image.sum() == heat.iloc[:, -36:].to_numpy().sum()
    assert "The last 36 months are shown; 4 older articles are not." in page_en


def test_the_heatmap_ignores_undated_articles() -> None:
    assert publication_heatmap(frame_from_rows("articles", [])).empty


# -- the page --------------------------------------------------------------------------------------

def test_the_page_has_five_png_charts(page: str) -> None:
    pngs = chart_pngs(parse(page))
    assert len(pngs) == 5
    for png in pngs:
        assert png.startswith(PNG_SIGNATURE) and len(png) > 5_000


def test_every_chart_has_its_table(page: str) -> None:
    tree = parse(page)
    for section in tree.xpath("//section[.//img]"):
        assert section.xpath(".//table//tbody/tr"), section.get("class")


def test_the_page_is_a_vietnamese_utf8_document_by_default(page: str) -> None:
    tree = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert tree.get("lang") == "vi"
    assert tree.xpath("//meta/@charset") == ["utf-8"]
    assert tree.findtext(".//title") == "govnews — báo cáo lượt xem"
    assert "Quảng Nam công bố quy hoạch tỉnh" in page  # raw UTF-8, not entities


def test_english_labels_with_lang_en(page_en: str) -> None:
    tree = parse(page_en)
    assert tree.get("lang") == "en"
    assert tree.findtext(".//title") == "govnews — engagement report"
    headings = [h.text_content() for h in tree.xpath("//h2")]
    assert headings == ["The 10 articles that gained the most views", "Views gained over time: the top 10",
                        "Views per day against article age", "Visitor counter growth per day, per site",
                        "Publication volume per site and month", "Sites"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_chart_axis_is_labelled_in_the_language(charts: dict, lang: str) -> None:
    t = TEXTS[lang]
    charts = {css: s.figure for css, s in charts[lang].items() if s.figure is not None}
    assert set(charts) == {"gainers", "over-time", "velocity", "counters", "publications"}
    labels = {css: (fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()) for css, fig in charts.items()}
    assert labels == {
        "gainers": (t["axis_gained"], t["axis_article"]),
        "over-time": (t["axis_date"], t["axis_cumulative"]),  # 3 days and 2 minutes: ticks per day
        "velocity": (t["axis_age"], t["axis_views_per_day"]),
        "counters": (t["axis_date"], t["axis_visitors_per_day"]),
        "publications": (t["axis_month"], t["axis_site"]),
    }
    assert charts["publications"].axes[1].get_ylabel() == t["axis_articles"]  # the colour bar
    if lang == "vi":
        assert t["axis_gained"] == "lượt xem tăng thêm trong kỳ"
        months = [label.get_text() for label in charts["publications"].axes[0].get_xticklabels()]
        assert months[-1] == "02/2025"
    else:
        months = [label.get_text() for label in charts["publications"].axes[0].get_xticklabels()]
        assert months[-1] == "Feb 2025"


def test_the_vietnamese_page_speaks_vietnamese(page: str) -> None:
    tree = parse(page)
    headings = [h.text_content() for h in tree.xpath("//h2")]
    assert headings[0] == "10 bài viết tăng lượt xem nhiều nhất" and headings[-1] == "Các trang"
    facts = {dt.text_content(): dd.text_content() for dt, dd in zip(*(tree.xpath(f"//dl/{t}") for t in ("dt", "dd")))}
    assert facts["Lượt thu thập"] == "4 lượt thu thập trong 3 ngày"
    assert facts["Thời gian quan sát"] == "10/02/2025 08:00 → 13/02/2025 08:02, giờ Việt Nam (UTC+7)"
    rows = table(tree, "gainers")
    assert rows[0][3] == "04/02/2025"


def test_an_unknown_language_is_refused(dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="lang"):
        build_report(dataset, lang="fr")


def test_the_header_counts_runs_sites_articles_and_observations(page_en: str, dataset: Dataset) -> None:
    tree = parse(page_en)
    facts = {dt.text_content(): dd.text_content() for dt, dd in zip(*(tree.xpath(f"//dl/{t}") for t in ("dt", "dd")))}
    assert facts["Runs"] == "4 runs over 3 days"
    assert facts["Observed"] == "2025-02-10 08:00 → 2025-02-13 08:02, Vietnam time (UTC+7)"
    assert facts["Published"] == "2018-05-10 → 2025-02-10"
    assert (facts["Sites"], facts["Articles"]) == ("4", "30")
    assert facts["Observations"] == str(len(dataset.observations)) == "119"


def test_the_table_links_the_top_gainers(page: str) -> None:
    rows = parse(page).xpath("//section[@class='gainers']//tbody/tr")
    assert len(rows) == 10
    [link] = rows[0].xpath(".//a")
    assert link.text_content() == headline(13)
    assert link.get("href") == "https://dongnai.gov.vn/vi/news/tin-tuc-su-kien/bai-viet-13-8813.html"
    assert all(tr.xpath(".//a[starts-with(@href, 'https://')]") for tr in rows)


def test_an_ampersand_in_a_url_is_escaped_in_the_href(dataset: Dataset) -> None:
    page = build_report(dataset, top=30)
    hrefs = parse(page).xpath("//a/@href")
    assert any("&Mode=1" in h for h in hrefs)
    assert "&amp;ItemID=" in page and "&ItemID=" not in page


def test_nothing_is_loaded_from_outside(page: str) -> None:
    tree = parse(page)
    assert not tree.xpath("//script | //link | //iframe | //object | //embed | //source | //base | //form")
    assert not tree.xpath("//*[@srcset or @background or @poster or @data]")
    assert "url(" not in page and "@import" not in page
    links = tree.xpath("//a[starts-with(@href, 'http://') or starts-with(@href, 'https://')]")
    assert len(re.findall(r"https?://", page)) == len(links) == 20  # the gainers' and the fastest articles
    assert all(a.xpath("ancestor::section[@class='gainers' or @class='velocity']") for a in links)
    [csp] = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "default-src 'none'" in csp and "img-src data:" in csp


def test_hostile_headlines_are_escaped(tmp_path: Path) -> None:
    hostile = [
        ("haiphong", '<script>alert("xss")</script> Họp báo thường kỳ quý I', "2025-01-05T08:00", 90_000, 1000),
        ("haiphong", "Giá điện tăng $3 & nước tăng $5 <b>đậm</b>", "2025-01-06T08:00", 80_000, 900),
        ("haiphong", "_Thông báo nghỉ Tết", "2025-01-07T08:00", 70_000, 800),
    ]
    page = build_report(load(harvest(tmp_path, articles=hostile + ARTICLES[:3])))
    tree = parse(page)
    assert "<script" not in page.lower() and not tree.xpath("//script | //b")
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; Họp báo" in page
    headlines = [a.text_content() for a in tree.xpath("//section[@class='gainers']//a")]
    assert headlines[:3] == [h for _, h, *_ in hostile]
    assert len(chart_pngs(tree)) == 5


def test_a_non_http_url_is_not_linked() -> None:
    url = "javascript:alert(1)"
    rows = {
        "articles": [{"article_id": "0" * 16, "url": url, "site": "x", "platform": "generic", "headline": "Tin thử",
                      "view_count": 5, "fetched_at": "2025-01-01T00:00:00Z"}],
        "observations": [{"article_id": "0" * 16, "site": "x", "run_id": r, "observed_at": at, "view_count": v}
                         for r, at, v in [("r1", "2025-01-01T00:00:00Z", 5), ("r2", "2025-01-02T00:00:00Z", 9)]],
    }
    page = build_report(make_dataset(rows))
    assert "javascript:" not in page and not parse(page).xpath("//a")
    assert "Tin thử" in page


def test_an_empty_dataset_gives_a_page_of_notes(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    page = build_report(load(tmp_path), lang="en")
    tree = parse(page)
    assert tree.xpath("//h1")[0].text_content() == "govnews — engagement report"
    assert not tree.xpath("//img") and not tree.xpath("//table")
    assert notes(tree) == [EN["note_no_views"], EN["note_no_views"], EN["note_no_views"], EN["note_no_counters"],
                           EN["note_no_dates"], EN["note_no_sites"]]
    assert "<dt>Runs</dt><dd>no runs</dd>" in page


def test_one_run_gives_the_publication_chart_and_notes(tmp_path: Path) -> None:
    tree = parse(build_report(load(harvest(tmp_path, runs=RUNS[:1])), lang="en"))
    assert len(chart_pngs(tree)) == 1  # publication volume needs no second run
    assert notes(tree) == [EN["note_two_runs_views"]] * 3 + [EN["note_two_runs_counters"]]
    assert len(table(tree, "counters")) == 3  # the readings are listed all the same


def make_dataset(rows: dict[str, list[dict]]) -> Dataset:
    return Dataset(*(frame_from_rows(t, rows.get(t, [])) for t in TABLES))


def test_missing_values_never_crash() -> None:
    a, b = "a" * 16, "b" * 16
    rows = {
        "articles": [
            {"article_id": a, "url": "https://x.gov.vn/1", "site": "x", "platform": "generic", "headline": None,
             "view_count": None, "published_at": None},
            {"article_id": b, "url": "https://x.gov.vn/2", "site": "x", "platform": "generic",
             "headline": "Họp giao ban", "view_count": 7, "published_at": "2025-01-02T08:00:00+07:00"},
        ],
        "observations": [
            {"article_id": a, "run_id": "r1", "observed_at": "2025-01-03T00:00:00Z", "view_count": None},
            {"article_id": a, "run_id": "r2", "observed_at": None, "view_count": 4},
            {"article_id": b, "run_id": "r1", "observed_at": "2025-01-03T00:00:00Z", "view_count": None},
            {"article_id": b, "run_id": None, "observed_at": "2025-01-03T00:00:00Z", "view_count": 3},
            {"article_id": b, "run_id": None, "observed_at": "2025-01-04T00:00:00Z", "view_count": 9},
            {"article_id": None, "run_id": "r3", "observed_at": "2025-01-04T00:00:00Z", "view_count": 9},
        ],
        "site_counters": [{"site": "x", "run_id": "r1", "observed_at": "2025-01-03T00:00:00Z", "total": None},
                          {"site": "x", "run_id": "r2", "observed_at": None, "total": 12}],
        "runs": [{"run_id": "r1", "started_at": None}],
    }
    tree = parse(build_report(make_dataset(rows), lang="en"))
    assert notes(tree) == [EN["note_no_counters"]]
    [row] = table(tree, "gainers")
    assert row == ["1", "Họp giao ban", "x", "2025-01-02", "3", "9", "+6", "6"]


def test_no_vietnamese_glyph_is_missing(dataset: Dataset) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        build_report(dataset, top=30)
    assert not [w for w in caught if "missing from" in str(w.message)]


def test_the_report_is_reproducible_and_thread_safe(dataset: Dataset, page: str) -> None:
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(build_report(dataset))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [page] * 3


def test_top_must_be_positive(dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="top"):
        build_report(dataset, top=0)


def test_write_report_writes_atomically_from_sqlite_or_exports(dataset_folder: Path, tmp_path: Path, page: str,
                                                               page_en: str) -> None:
    out = write_report(dataset_folder, tmp_path / "reports" / "report.html")
    assert out == tmp_path / "reports" / "report.html"
    assert out.read_text(encoding="utf-8") == page
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]
    with Store.open(dataset_folder) as store:
        export_dataset(store, tmp_path / "export", formats=("jsonl",))
    assert write_report(tmp_path / "export", tmp_path / "from-jsonl.html", lang="en").read_text(encoding="utf-8") == page_en


# -- time axes: ticks chosen by the span, never seconds ---------------------------------------------

def tick_labels(start: str, end: str, lang: str = "en") -> tuple[bool, list[float], list[str], str]:
    fig = new_figure()
    ax = fig.add_subplot()
    drawn = time_axis(ax, pd.Timestamp(start), pd.Timestamp(end), lang)
    if drawn:
        ax.plot([pd.Timestamp(start), pd.Timestamp(end)], [0, 1])
    fig.canvas.draw()
    lo, hi = ax.get_xlim()
    ticks = [x for x in ax.get_xticks() if lo <= x <= hi]
    labels = [label.get_text() for label in ax.get_xticklabels() if lo <= label.get_position()[0] <= hi]
    return drawn, ticks, labels, ax.get_xlabel()


@pytest.mark.parametrize("start, end, pattern, at_least_s", [
    ("2025-02-10 08:00:03", "2025-02-10 08:12:40", r"^\d\d:\d\d$", 60),            # 12 minutes
    ("2025-02-10 08:00:00", "2025-02-10 09:40:00", r"^\d\d:\d\d$", 60),            # under 2 hours
    ("2025-02-10 08:00:00", "2025-02-10 19:00:00", r"^\d\d:00$", 3600),            # 11 hours
    ("2025-02-10 20:00:00", "2025-02-11 09:00:00", r"^[A-Z][a-z]{2} \d{1,2} \d\d:00$", 3600),  # across midnight
    ("2025-02-10 08:00:00", "2025-02-13 08:02:00", r"^[A-Z][a-z]{2} \d{1,2}$", 86400),  # days
    ("2023-02-10", "2025-02-13", r"^[A-Z][a-z]{2} \d{4}$", 28 * 86400),             # months
])
def test_time_ticks_follow_the_span(start: str, end: str, pattern: str, at_least_s: int) -> None:
    drawn, ticks, labels, xlabel = tick_labels(start, end)
    assert drawn and 2 <= len(ticks) <= 10, labels
    assert all(re.match(pattern, label) for label in labels), labels
    assert all(not re.search(r"\d\d:\d\d:\d\d", label) for label in labels)  # no seconds, ever
    assert min(np.diff(ticks)) * 86400 >= at_least_s - 1
    assert xlabel and "UTC+7" in xlabel


def test_a_span_within_a_day_names_the_day_in_the_axis_label() -> None:
    assert tick_labels("2025-02-10 08:00", "2025-02-10 10:30")[3] == "time of day, 2025-02-10 (Vietnam time, UTC+7)"
    assert tick_labels("2025-02-10 08:00", "2025-02-10 10:30", "vi")[3] == "giờ trong ngày 10/02/2025 (giờ Việt Nam, UTC+7)"


def test_a_span_of_seconds_is_told_in_words() -> None:
    drawn, ticks, labels, _ = tick_labels("2025-02-10 08:00:01", "2025-02-10 08:00:06")
    assert not drawn
    assert window_text(2, pd.Timestamp("2025-02-10T01:00:01Z"), pd.Timestamp("2025-02-10T01:00:06Z"), "en") == "2 runs, 5 seconds apart"
    assert window_text(2, pd.Timestamp("2025-02-10T01:00Z"), pd.Timestamp("2025-02-10T01:03Z"), "vi") == "2 lượt thu thập, cách nhau 3 phút"
    assert window_text(4, pd.Timestamp("2025-02-10T01:00Z"), pd.Timestamp("2025-02-10T08:00Z"), "en") == "4 runs over 7 hours"
    assert window_text(1, pd.Timestamp("2025-02-10T01:00Z"), pd.Timestamp("2025-02-10T01:00Z"), "en") == "1 run"


def test_two_runs_seconds_apart_give_words_instead_of_a_time_axis(tmp_path: Path) -> None:
    runs = ["2025-02-10T01:00:00Z", "2025-02-10T01:00:05Z"]
    dataset = load(harvest(tmp_path, runs=runs, articles=[a for a in ARTICLES if a[2] is None or a[2] < "2025-02-10"]))
    data = report_data(dataset)
    for lang, words in (("en", "2 runs, 5 seconds apart"), ("vi", "2 lượt thu thập, cách nhau 5 giây")):
        sections = report_sections(data, lang=lang)
        over_time = next(s for s in sections if s.css == "over-time")
        assert over_time.png is None and over_time.note == TEXTS[lang]["note_short_window"].format(runs=words)
        tree = parse(build_report(dataset, lang=lang))
        assert words in tree.xpath("//dl/dd")[0].text_content()
        assert len(chart_pngs(tree)) == 4  # gainers, velocity, counters (as a rate per site), publications
        counters = next(s for s in sections if s.css == "counters")
        assert counters.figure.axes[0].get_xlabel() == TEXTS[lang]["axis_visitors_per_day"]
        for section in sections:  # no chart of this page has a time axis
            for ax in (section.figure.axes if section.figure else []):
                assert not any(re.search(r"\d\d:\d\d", t.get_text()) for t in ax.get_xticklabels())
    counters = data["counters"].set_index("site")
    assert counters["growth"].to_dict() == {"dongnai": 1, "baclieu": 0, "quangnam": 0}  # 5 s of 12 450 a day
    assert counters.loc["dongnai", "growth_per_day"] == pytest.approx(86_400 / 5)


# -- earlier helpers ---------------------------------------------------------------------------------

def observations(rows: list[tuple[str, str, int | None]]) -> pd.DataFrame:
    return frame_from_rows("observations", [
        {"article_id": aid, "run_id": f"r{i}", "observed_at": at, "view_count": views}
        for i, (aid, at, views) in enumerate(rows)
    ])


def test_a_gain_between_runs_days_apart_is_spread_over_the_days() -> None:
    # 100 -> 200 from noon on 1 Feb to noon on 3 Feb, Vietnam time
    gains = daily_view_gains(observations([("a", "2025-02-01T05:00:00Z", 100), ("a", "2025-02-03T05:00:00Z", 200)]))
    assert gains.index.tolist() == [pd.Timestamp("2025-02-01"), pd.Timestamp("2025-02-02"), pd.Timestamp("2025-02-03")]
    assert gains.tolist() == pytest.approx([25, 50, 25])


def test_daily_gains_sum_articles_and_ignore_decreases() -> None:
    gains = daily_view_gains(observations([
        ("a", "2025-02-01T01:00:00Z", 10), ("a", "2025-02-01T09:00:00Z", 40),
        ("b", "2025-02-01T02:00:00Z", 500), ("b", "2025-02-01T03:00:00Z", 7),  # a reset counter
        ("b", "2025-02-01T04:00:00Z", None), ("b", "2025-02-01T05:00:00Z", 9),
        ("c", "2025-02-01T02:00:00Z", 3),  # observed once
    ]))
    assert gains.to_dict() == {pd.Timestamp("2025-02-01"): pytest.approx(32)}
    assert daily_view_gains(observations([("c", "2025-02-01T02:00:00Z", 3)])).empty
    assert daily_view_gains(observations([])).empty


def test_shorten_cuts_at_a_word() -> None:
    text = "Quảng Nam công bố quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"
    assert shorten(text, 200) == text
    short = shorten(text, 40)
    assert len(short) <= 40 and short.endswith("…") and text.startswith(short[:-1])


# -- the sites' status over time ------------------------------------------------------------------

STATUS_RUNS = ["2025-02-10T01:00:00Z", "2025-02-11T01:00:00Z", "2025-02-12T01:00:00Z", "2025-02-13T01:00:00Z"]
STATUS_HISTORY = {  # site -> status per run (None: not in that run)
    "baclieu": ["reachable"] * 4,
    "dongnai": ["reachable", "redirected", "redirected", "redirected"],     # merged into the province
    "thanhphobaclieu": ["reachable", "gone", "gone", "gone"],                # closed
    "quangnam": ["reachable", "failing", "reachable", None],                 # a bad day; left the config
    "haiphong": ["blocked", "blocked", "blocked", "blocked"],
}


def status_rows(history: dict[str, list[str | None]] = STATUS_HISTORY, runs: list[str] = STATUS_RUNS) -> list[dict]:
    details = {"redirected": "HTTP 301", "gone": "connection refused", "failing": "HTTP 503", "blocked": "HTTP 403"}
    return [{"site": site, "run_id": run_id(run), "observed_at": run, "status": status, "detail": details.get(status),
             "final_url": "https://camau.gov.vn/" if status == "redirected" else None}
            for site, statuses in history.items() for run, status in zip(runs, statuses) if status]


def status_frame(rows: list[dict]) -> pd.DataFrame:
    """The table as `govnews.site_status` returns it."""
    frame = pd.DataFrame(rows, columns=["site", "run_id", "observed_at", "status", "detail", "final_url"])
    frame["observed_at"] = pd.to_datetime(frame["observed_at"], utc=True, format="ISO8601")
    return frame.astype({c: "string" for c in ("site", "run_id", "status", "detail", "final_url")})


@pytest.fixture(scope="module")
def status_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four-portal harvest, whose runs also recorded each site's status."""
    folder = harvest(tmp_path_factory.mktemp("status"))
    rows = status_rows()
    with Store.open(folder) as store:
        for run in STATUS_RUNS:
            store.record_site_status(run_id(run), run, [r for r in rows if r["observed_at"] == run])
    return folder


def test_site_status_data_puts_changed_sites_first_and_knows_since_when() -> None:
    data = report_data(make_dataset({}), site_status=status_frame(status_rows()))
    history = data["site_history"].set_index("site")
    # changed sites first, the latest change first; then the others by name
    assert list(history.index) == ["quangnam", "dongnai", "thanhphobaclieu", "baclieu", "haiphong"]
    assert history["changes"].to_dict() == {"quangnam": 2, "dongnai": 1, "thanhphobaclieu": 1, "baclieu": 0,
                                            "haiphong": 0}
    assert history["status"].to_dict() == {"quangnam": "reachable", "dongnai": "redirected",
                                           "thanhphobaclieu": "gone", "baclieu": "reachable", "haiphong": "blocked"}
    assert history.loc["thanhphobaclieu", "gone_since"] == pd.Timestamp(STATUS_RUNS[1])
    assert history.loc["thanhphobaclieu", "since_run_id"] == run_id(STATUS_RUNS[1])
    assert history.loc["dongnai", "since"] == pd.Timestamp(STATUS_RUNS[1])
    assert pd.isna(history.loc["dongnai", "gone_since"])
    assert history.loc["dongnai", "redirected_to"] == "https://camau.gov.vn/"
    assert pd.isna(history.loc["baclieu", "redirected_to"])
    assert history.loc["quangnam", "since"] == pd.Timestamp(STATUS_RUNS[2])   # reachable again since run 3
    assert history["runs"].to_dict()["quangnam"] == 3
    grid = data["site_status_grid"]
    assert list(grid.columns) == [run_id(r) for r in STATUS_RUNS]          # the most recent run last
    assert list(grid.index) == list(history.index)
    for site, statuses in STATUS_HISTORY.items():
        assert [None if pd.isna(s) else s for s in grid.loc[site]] == statuses, site
    assert len(data["site_status"]) == sum(s is not None for v in STATUS_HISTORY.values() for s in v)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_shows_the_sites_status_over_time(status_folder: Path, tmp_path: Path, lang: str) -> None:
    t = TEXTS[lang]
    with warnings.catch_warnings(record=True) as caught:          # every mark and word has its glyph
        warnings.simplefilter("always")
        page = write_report(status_folder, tmp_path / "report.html", lang=lang).read_text(encoding="utf-8")
    assert not [w for w in caught if "missing from" in str(w.message)]
    tree = parse(page)
    [section] = tree.xpath("//section[@class='site-status']")
    assert section.findtext("h2") == t["status_heading"]
    headings = [h.text_content() for h in tree.xpath("//h2")]
    assert headings.index(t["status_heading"]) == len(headings) - 2          # before the table of sites
    [src] = section.xpath(".//img/@src")
    png = base64.b64decode(src.removeprefix("data:image/png;base64,"), validate=True)
    assert png.startswith(PNG_SIGNATURE) and len(png) > 5_000
    header = [th.text_content() for th in section.xpath(".//thead//th")]
    assert header[0] == t["col_site"] and header[-4:] == [t["col_status_now"], t["col_status_since"],
                                                          t["col_redirected_to"], t["col_status_detail"]]
    assert header[1:5] == (["10/02/2025", "11/02/2025", "12/02/2025", "13/02/2025"] if lang == "vi"
                           else ["2025-02-10", "2025-02-11", "2025-02-12", "2025-02-13"])
    rows = {r[0]: r for r in table(tree, "site-status")}
    assert list(rows) == ["quangnam", "dongnai", "thanhphobaclieu", "baclieu", "haiphong"]
    since = "11/02/2025 08:00" if lang == "vi" else "2025-02-11 08:00"
    word = {s: t["status_" + s] for s in ("reachable", "redirected", "failing", "blocked", "gone")}
    assert rows["dongnai"] == ["dongnai", word["reachable"], *[word["redirected"]] * 3, word["redirected"], since,
                               "https://camau.gov.vn/", "HTTP 301"]
    assert rows["thanhphobaclieu"] == ["thanhphobaclieu", word["reachable"], *[word["gone"]] * 3, word["gone"],
                                       since, "—", "connection refused"]
    assert rows["quangnam"][1:6] == [word["reachable"], word["failing"], word["reachable"], "—", word["reachable"]]
    cells = section.xpath(".//tbody/tr[2]/td/span/@class")
    assert cells[:2] == ["st st-reachable", "st st-redirected"]          # coloured by status, as in the chart
    sections = {s.css: s for s in report_sections(report_data(load(status_folder),
                                                              site_status=govnews_site_status(status_folder)),
                                                  lang=lang)}
    fig = sections["site-status"].figure
    assert (fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()) == (t["axis_run"], t["axis_site"])
    assert [label.get_text() for label in fig.axes[0].get_yticklabels()] == list(rows)
    assert [text.get_text() for text in fig.legends[0].get_texts()] == list(word.values())


def govnews_site_status(folder: Path) -> pd.DataFrame:
    from govnews.output.dataset import site_status
    return site_status(folder)


def test_a_dataset_without_site_status_has_no_such_section(dataset_folder: Path, dataset: Dataset, tmp_path: Path,
                                                           page_en: str) -> None:
    data = report_data(dataset)
    assert data["site_history"].empty and data["site_status"].empty and data["site_status_grid"].empty
    assert EN["status_heading"] not in page_en                                  # no table, no note
    assert build_report(dataset, lang="en", site_status=status_frame([])) == page_en
    assert write_report(dataset_folder, tmp_path / "r.html", lang="en").read_text(encoding="utf-8") == page_en
    with Store.open(dataset_folder) as store:                                   # an export folder has none
        export_dataset(store, tmp_path / "export", formats=("csv",))
    assert EN["status_heading"] not in write_report(tmp_path / "export", tmp_path / "e.html").read_text("utf-8")


def test_odd_site_status_rows_never_crash() -> None:
    rows = [
        {"site": "x", "run_id": "r1", "observed_at": None, "status": "reachable", "detail": None, "final_url": None},
        {"site": "x", "run_id": "r2", "observed_at": "2025-01-02T00:00:00Z", "status": "gone", "detail": None,
         "final_url": None},
        {"site": None, "run_id": "r2", "observed_at": "2025-01-02T00:00:00Z", "status": "gone"},
        {"site": "y", "run_id": "r2", "observed_at": "2025-01-02T00:00:00Z", "status": "exploded"},
        {"site": '<b>"z"</b> & $x$', "run_id": "r2", "observed_at": "2025-01-02T00:00:01Z", "status": "redirected",
         "detail": "<script>alert(1)</script>", "final_url": "javascript:alert(1)"},
    ]
    page = build_report(make_dataset({}), lang="en", site_status=status_frame(rows))
    tree = parse(page)
    assert "<script" not in page and "<b>" not in page and not tree.xpath("//section[@class='site-status']//a")
    # a run without a time goes after those with one; x changed (gone, then reachable), so it comes first
    assert [r[0] for r in table(tree, "site-status")] == ["x", '<b>"z"</b> & $x$']
    assert [r[1:4] for r in table(tree, "site-status")] == [["gone", "reachable", "reachable"],
                                                            ["redirected", "—", "redirected"]]
    assert report_data(make_dataset({}), site_status=status_frame(rows[2:4]))["site_history"].empty


def test_the_window_bounds_the_site_status() -> None:
    data = report_data(make_dataset({}), site_status=status_frame(status_rows()), since="2025-02-11 12:00")
    assert list(data["site_status_grid"].columns) == [run_id(r) for r in STATUS_RUNS[2:]]
    history = data["site_history"].set_index("site")
    assert history.loc["thanhphobaclieu", "changes"] == 0                      # gone all the window long
    assert history.loc["thanhphobaclieu", "gone_since"] == pd.Timestamp(STATUS_RUNS[2])


# -- the demo portals: simulated readers make gains differ per article --------------------------------

def test_demo_portals_grow_views_by_article_popularity(tmp_path: Path) -> None:
    from govnews.fixtures.portal import Readership
    from govnews.fixtures.portals import all_portals
    from govnews.fixtures.server import PortalServer
    from govnews.scraper.config import config_from_dict
    from govnews.scraper.harvest import harvest as run_harvest

    now = [1000.0]
    portal = next(p for p in all_portals(readership=False) if p.platform == "nukeviet")
    portal.simulate_readership(Readership(clock=lambda: now[0]))
    folder = tmp_path / "demo"
    with PortalServer(portal) as server:
        config = config_from_dict({
            "harvest": {"output": str(folder), "delay": 0.0, "allow_private": True, "contact": "tests@localhost"},
            "reobserve": {"window_days": 36_500, "sample_older": 0},
            "sites": [{"name": "demo-nukeviet", "start_urls": [server.url + "/"]}],
        })
        run_harvest(config, folder)
        now[0] += 5.0  # five seconds of simulated readers
        run_harvest(config, folder)
    data = report_data(load(folder))
    gains = data["gains"].set_index("article_id")
    assert len(gains) == len([a for a in portal.articles() if a.views is not None])
    rates = {a.headline: portal.reading_rate(a) for a in portal.articles()}
    for row in gains.itertuples():
        expected = 5.0 * rates[row.headline]  # readers in five seconds, floored, plus the harvest's own fetch
        assert expected - 1 <= row.views_gained - 1 <= expected + 1, row.headline
    assert gains["views_gained"].nunique() >= len(gains) // 2  # clearly different per article
    counter = data["counters"].iloc[0]
    assert counter["growth"] >= 5.0 * sum(rates.values())  # readers are visitors too


def test_simulated_readers_are_deterministic_and_leave_tests_exact() -> None:
    from govnews.fixtures.portal import Readership
    from govnews.fixtures.portals import all_portals

    now = [0.0]
    live = [p.simulate_readership(Readership(clock=lambda: now[0])) for p in all_portals(readership=False)]
    plain = all_portals(readership=False)
    again = all_portals()
    for a, b, c in zip(live, plain, again):
        article = next(x for x in a.articles() if x.views is not None)
        assert a.reading_rate(article) == c.reading_rate(article)  # seeded by platform and article key
        assert a.take_view(article) == article.views  # the clock starts at the first request
        now[0] = 3600.0
        assert a.take_view(article) == article.views + 1 + int(3600 * a.reading_rate(article))
        now[0] = 0.0
        assert [b.take_view(article) for _ in range(3)] == [article.views + i for i in range(3)]
    rates = [p.reading_rate(x) for p in live for x in p.articles()]
    assert min(rates) < 0.2 and max(rates) > 4  # a long tail, as real readership has


# -- rendered by a real browser --------------------------------------------------------------------

def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def headless_chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *args,
    ]
    return subprocess.run(command, capture_output=True, timeout=CHROMIUM_TIMEOUT_S, check=False)


def test_chromium_renders_the_report(dataset_folder: Path, tmp_path: Path) -> None:
    browser = find_chromium()
    if browser is None:
        pytest.skip("no Chromium on this machine: install Debian's chromium package (.ci/run does)")
    report = write_report(dataset_folder, tmp_path / "report.html")
    dom = headless_chromium(browser, tmp_path / "profile-dom", "--dump-dom", report.as_uri())
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-2000:]
    tree = parse(dom.stdout.decode("utf-8"))
    assert len(chart_pngs(tree)) == 5
    assert "Hải Phòng thông xe cầu Nguyễn Trãi" in tree.text_content()
    shot = tmp_path / "shot.png"
    result = headless_chromium(browser, tmp_path / "profile-shot", f"--screenshot={shot}",
                               "--window-size=1280,2400", "--hide-scrollbars", report.as_uri())
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert shot.read_bytes().startswith(PNG_SIGNATURE)
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few KB


def test_runs_that_observed_nothing_are_still_counted_in_the_header(tmp_path: Path) -> None:
    """A new user's dataset whose two runs both failed (the portal unreachable): the header said
    'no runs' while the site-status section showed them."""
    store = Store.open(tmp_path)
    for run_id, at in (("r1", "2025-01-01T00:00:00.000000Z"), ("r2", "2025-01-01T00:05:00.000000Z")):
        store.start_run(run_id, at, ["dongnai"])
        store.finish_run({"run_id": run_id, "finished_at": at, "pages_fetched": 0, "articles_new": 0,
                          "articles_changed": 0, "observations": 0, "errors": 1, "status": "partial"})
    store.close()
    page = build_report(load(tmp_path), lang="en")
    assert "<dt>Runs</dt><dd>2 runs, 5 minutes apart</dd>" in page


def test_a_dataset_whose_only_site_is_dead_names_the_site_everywhere(tmp_path: Path) -> None:
    """A new user's walk (session 22): a first harvest of one portal that refused every connection
    gave a report whose header said 'Sites 0', whose captions said 'no runs' under a header of
    '1 run', and whose table of sites said 'No sites in this dataset yet', while the site-status
    section showed the site, gone. The site counts; the captions and the note say what happened."""
    at = "2025-01-01T00:00:00.000000Z"
    with Store.open(tmp_path) as store:
        store.start_run("r1", at, ["dead"])
        store.record_site_status("r1", at, [{"site": "dead", "status": "gone", "detail": "connection refused"}])
        store.finish_run({"run_id": "r1", "finished_at": at, "pages_fetched": 0, "articles_new": 0,
                          "articles_changed": 0, "observations": 0, "errors": 1, "status": "partial"})
    page = build_report(load(tmp_path), lang="en", site_status=govnews_site_status(tmp_path))
    assert "<dt>Runs</dt><dd>1 run</dd>" in page and "<dt>Sites</dt><dd>1</dd>" in page
    assert "no runs" not in page and EN["runs_nothing"] in page
    assert EN["note_no_articles_site"] in notes(parse(page)) and EN["note_no_sites"] not in page
    vi = build_report(load(tmp_path), lang="vi", site_status=govnews_site_status(tmp_path))
    assert "<dt>Trang</dt><dd>1</dd>" in vi and "Chưa có trang nào" not in vi
