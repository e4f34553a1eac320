"""The engagement report: a self-contained HTML page with four charts and two tables."""
from __future__ import annotations

import base64
import re
import shutil
import subprocess
import threading
import warnings
from pathlib import Path

import lxml.html
import pandas as pd
import pytest

from govnews.output import Dataset, load
from govnews.output.dataset import frame_from_rows
from govnews.output.report import (
    NOTE_NO_COUNTERS,
    NOTE_NO_DATES,
    NOTE_NO_TABLE,
    NOTE_NO_VIEWS,
    NOTE_TWO_RUNS_COUNTERS,
    NOTE_TWO_RUNS_VIEWS,
    build_report,
    daily_view_gains,
    monthly_publications,
    rank_articles,
    shorten,
    write_report,
)
from govnews.output.schema import TABLES, article_id, content_sha256
from govnews.output.store import Store
from govnews.output.writers import export_dataset

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
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


def parse(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page.encode("utf-8"))


def chart_pngs(tree: lxml.html.HtmlElement) -> list[bytes]:
    prefix = "data:image/png;base64,"
    sources = tree.xpath("//img/@src")
    assert all(src.startswith(prefix) for src in sources), [s[:40] for s in sources]
    return [base64.b64decode(src[len(prefix):], validate=True) for src in sources]


def notes(tree: lxml.html.HtmlElement) -> list[str]:
    return [p.text_content() for p in tree.xpath("//p[@class='note']")]


# -- the page --------------------------------------------------------------------------------------

def test_the_page_has_four_png_charts(page: str) -> None:
    pngs = chart_pngs(parse(page))
    assert len(pngs) == 4
    for png in pngs:
        assert png.startswith(PNG_SIGNATURE) and len(png) > 5_000


def test_the_page_is_a_vietnamese_utf8_document(page: str) -> None:
    tree = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert tree.get("lang") == "vi"
    assert tree.xpath("//meta/@charset") == ["utf-8"]
    assert tree.findtext(".//title") == "govnews — engagement report"
    assert "Quảng Nam công bố quy hoạch tỉnh" in page  # raw UTF-8, not entities


def test_the_header_counts_runs_sites_articles_and_observations(page: str, dataset: Dataset) -> None:
    facts = {dt.text_content(): dd.text_content() for dt, dd in zip(*(parse(page).xpath(f"//dl/{t}") for t in ("dt", "dd")))}
    assert facts["Runs"] == "4 (2025-02-10T010000Z … 2025-02-13T010000Z)"
    assert facts["Observed"].startswith("2025-02-10 08:00 → 2025-02-13 ")
    assert facts["Published"] == "2018-05-10 → 2025-02-10"
    assert (facts["Sites"], facts["Articles"]) == ("4", "30")
    assert facts["Observations"] == str(len(dataset.observations)) == "119"


def test_the_table_links_the_most_viewed_articles(page: str) -> None:
    rows = parse(page).xpath("//section[@class='articles']//tbody/tr")
    assert len(rows) == 10
    first = rows[0]
    [link] = first.xpath(".//a")
    assert link.text_content() == "Hải Phòng thông xe cầu Nguyễn Trãi nối quận Ngô Quyền với Thủy Nguyên"
    assert link.get("href") == "https://haiphong.gov.vn/tin-tuc/bai-viet-22-8822.html"
    cells = [td.text_content() for td in first.xpath("td")]
    assert cells[0] == "1" and cells[2] == "haiphong" and cells[3] == "2024-12-27"
    assert cells[4] == "9\u202f900"  # 9 120 + 3 days x 260
    assert cells[5] == "+780"
    latest = [int(tr.xpath("td")[4].text_content().replace("\u202f", "")) for tr in rows]
    assert latest == sorted(latest, reverse=True)
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
    assert len(re.findall(r"https?://", page)) == len(links) == 10
    assert all(a.xpath("ancestor::section[@class='articles']") for a in links)
    [csp] = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "default-src 'none'" in csp and "img-src data:" in csp


def test_hostile_headlines_are_escaped(tmp_path: Path) -> None:
    hostile = [
        ("haiphong", '<script>alert("xss")</script> Họp báo thường kỳ quý I', "2025-01-05T08:00", 90_000, 10),
        ("haiphong", "Giá điện tăng $3 & nước tăng $5 <b>đậm</b>", "2025-01-06T08:00", 80_000, 10),
        ("haiphong", "_Thông báo nghỉ Tết", "2025-01-07T08:00", 70_000, 10),
    ]
    page = build_report(load(harvest(tmp_path, articles=hostile + ARTICLES[:3])))
    tree = parse(page)
    assert "<script" not in page.lower() and not tree.xpath("//script | //b")
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; Họp báo" in page
    headlines = [a.text_content() for a in tree.xpath("//section[@class='articles']//a")]
    assert headlines[:3] == [h for _, h, *_ in hostile]
    assert len(chart_pngs(tree)) == 4


def test_a_non_http_url_is_not_linked() -> None:
    url = "javascript:alert(1)"
    rows = {
        "articles": [{"article_id": "0" * 16, "url": url, "site": "x", "platform": "generic", "headline": "Tin thử",
                      "view_count": 5, "fetched_at": "2025-01-01T00:00:00Z"}],
    }
    page = build_report(make_dataset(rows))
    assert "javascript:" not in page and not parse(page).xpath("//a")
    assert "Tin thử" in page


def test_an_empty_dataset_gives_a_page_of_notes(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    page = build_report(load(tmp_path))
    tree = parse(page)
    assert tree.xpath("//h1")[0].text_content() == "govnews — engagement report"
    assert not tree.xpath("//img") and not tree.xpath("//table")
    assert notes(tree) == [NOTE_NO_VIEWS, NOTE_NO_TABLE, NOTE_NO_VIEWS, NOTE_NO_DATES, NOTE_NO_COUNTERS,
                           "No sites in this dataset yet."]
    assert "<dt>Runs</dt><dd>0</dd>" in page


def test_one_run_gives_the_publication_chart_and_notes(tmp_path: Path) -> None:
    tree = parse(build_report(load(harvest(tmp_path, runs=RUNS[:1]))))
    assert len(chart_pngs(tree)) == 1  # publication volume needs no second run
    assert notes(tree) == [NOTE_TWO_RUNS_VIEWS, NOTE_TWO_RUNS_VIEWS, NOTE_TWO_RUNS_COUNTERS]
    rows = tree.xpath("//section[@class='articles']//tbody/tr")
    assert len(rows) == 10 and {tr.xpath("td")[5].text_content() for tr in rows} == {"—"}


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
        ],
        "site_counters": [{"site": "x", "run_id": "r1", "observed_at": "2025-01-03T00:00:00Z", "total": None},
                          {"site": "x", "run_id": "r2", "observed_at": None, "total": 12}],
        "runs": [{"run_id": "r1", "started_at": None}],
    }
    tree = parse(build_report(make_dataset(rows)))
    assert notes(tree) == [NOTE_NO_VIEWS, NOTE_NO_VIEWS, NOTE_NO_COUNTERS]
    [row] = tree.xpath("//section[@class='articles']//tbody/tr")
    assert [td.text_content() for td in row.xpath("td")][1:] == ["Họp giao ban", "x", "2025-01-02", "7", "—"]


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


def test_write_report_writes_atomically_from_sqlite_or_exports(dataset_folder: Path, tmp_path: Path, page: str) -> None:
    out = write_report(dataset_folder, tmp_path / "reports" / "report.html")
    assert out == tmp_path / "reports" / "report.html"
    assert out.read_text(encoding="utf-8") == page
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]
    with Store.open(dataset_folder) as store:
        export_dataset(store, tmp_path / "export", formats=("jsonl",))
    assert write_report(tmp_path / "export", tmp_path / "from-jsonl.html").read_text(encoding="utf-8") == page


# -- the numbers -----------------------------------------------------------------------------------

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


def test_gains_per_day_match_the_harvest(dataset: Dataset) -> None:
    gains = daily_view_gains(dataset.observations)
    assert gains.index.min() == pd.Timestamp("2025-02-10") and gains.index.max() == pd.Timestamp("2025-02-13")
    counts = dataset.observations.dropna(subset=["view_count"]).sort_values("observed_at").groupby("article_id")["view_count"]
    assert gains.sum() == pytest.approx(float((counts.last() - counts.first()).sum()))


def test_rank_articles_uses_the_latest_observation(dataset: Dataset) -> None:
    ranked = rank_articles(dataset, 3)
    assert ranked["headline"].tolist()[0].startswith("Hải Phòng thông xe cầu")
    assert ranked["latest_views"].tolist() == [9120 + 3 * 260, 8810 + 3 * 25, 7340 + 3 * 150]
    assert ranked["observed"].tolist() == [4, 4, 4]
    everything = rank_articles(dataset, 100)
    assert len(everything) == 29  # the article without a view counter is left out
    festival = everything.set_index("headline").loc["Hải Phòng tổ chức Lễ hội Hoa Phượng Đỏ năm 2025"]
    assert festival["observed"] == 3 and festival["gained"] == 390 * 2.5  # published after the first run


def test_monthly_publications_fill_gaps_and_group_small_sites(dataset: Dataset) -> None:
    monthly = monthly_publications(dataset.articles, top=2)
    assert list(monthly.columns) == ["baclieu", "haiphong", "other sites (2)"]
    assert monthly.index[0] == pd.Timestamp("2018-05-01") and monthly.index[-1] == pd.Timestamp("2025-02-01")
    assert len(monthly) == 82  # May 2018 to February 2025
    assert int(monthly.to_numpy().sum()) == 29  # one article has no date
    assert monthly.loc["2025-01-01"].tolist() == [2, 3, 4]


def test_shorten_cuts_at_a_word() -> None:
    text = "Quảng Nam công bố quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"
    assert shorten(text, 200) == text
    short = shorten(text, 40)
    assert len(short) <= 40 and short.endswith("…") and text.startswith(short[:-1])


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
    assert len(chart_pngs(tree)) == 4
    assert "Hải Phòng thông xe cầu Nguyễn Trãi" in tree.text_content()
    shot = tmp_path / "shot.png"
    result = headless_chromium(browser, tmp_path / "profile-shot", f"--screenshot={shot}",
                               "--window-size=1280,2400", "--hide-scrollbars", report.as_uri())
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert shot.read_bytes().startswith(PNG_SIGNATURE)
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few KB
