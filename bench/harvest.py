"""Harvest benchmark: what an incremental (second) harvest of the Lạc Việt demo portal requests,
how its run time and memory follow the size of the dataset it harvests into, and how fast
`govnews reparse` rebuilds records from the WARC archive compared with parsing alone.

    python bench/harvest.py [--only incremental|scale|reparse ...] [--sizes 1000,100000]
                            [--repeats 3] [--profile] [--no-frontier] [--extra-indexes]
                            [--json OUT]

incremental  two harvests with delay 0 and a re-observation window chosen so that a known
             subset of the portal's articles (published 2018-2025) falls inside it; the second
             run's requests by kind against the target "robots.txt + listing pages + the articles
             in the window, nothing else", every other request listed. When the crawler's
             "listing shows only known articles" stop never fires, a diagnostic names why.
scale        one harvest into a dataset that already holds N synthetic articles of the same site
             (published 2015-2024, outside the window; each with one observation and a 'done'
             frontier row), each harvest in a fresh child process: wall time of the harvest()
             call alone and the child's peak RSS, median of --repeats. Two harvests are timed per
             dataset: "first" (the portal's 40 articles are new) and "repeat" (the incremental
             run the scheduler makes every night). --profile adds a cProfile of the 100k repeat
             run (all threads). --no-frontier builds the datasets without frontier rows;
             --extra-indexes (diagnostic) adds indexes on frontier(seq) and frontier(state,
             host) to them.
reparse      `scraper.reparse.reparse(folder)` after a harvest with the WARC archive on, in
             archived pages per second, against `parse_page` alone over the same bodies.

The scale and reparse measurements turn Nagle's algorithm off on the fixture server's sockets
(fixtures/server.py writes headers and body in two sends; against delayed ACK that costs ~40 ms
per response on loopback and would hide the crawler's own time), as bench/crawl.py does.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEASUREMENTS = ("incremental", "scale", "reparse")
SITE = "baclieu-city"
VN = timezone(timedelta(hours=7))
BATCH = 5000                      # rows per transaction when building a synthetic dataset
OLD_RUN = "20240101T000000000Z-1"  # the run the synthetic rows claim to come from
SYNTHETIC_FIRST_ID = 100_000       # ItemIDs of synthetic articles (the portal's are < 20,000)
SCALE_TARGET = 0.10               # 100k within 10% of 1k
# --extra-indexes (diagnostic): what makes Frontier.add's MAX(seq) and hosts_with_work /
# queued_count (state='queued') index searches instead of scans of the whole frontier
EXTRA_INDEXES = ("CREATE INDEX IF NOT EXISTS frontier_seq ON frontier(seq)",
                 "CREATE INDEX IF NOT EXISTS frontier_state_host ON frontier(state, host)")


# -- small helpers ----------------------------------------------------------------------------------

def utc_of(article) -> datetime:
    """A fixture article's publication time in UTC (the portal prints Vietnam local time)."""
    return article.published.replace(tzinfo=VN).astimezone(timezone.utc)


def window_days_for(cutoff: datetime, now: datetime) -> int:
    return int((now - cutoff).total_seconds() // 86400)


def in_window(articles, window_days: int, now: datetime) -> set[str]:
    """What the harvest computes: published (UTC) after now - window_days."""
    since = now - timedelta(days=window_days)
    return {a.key for a in articles if utc_of(a) > since}


def choose_window(articles, now: datetime, low: float = 0.2, high: float = 0.4) -> int:
    """window_days whose cutoff falls in the middle of the widest gap between two publication
    dates that leaves `low`..`high` of the articles inside, so a few seconds of clock drift or a
    day of rounding cannot move an article across it."""
    times = sorted(utc_of(a) for a in articles)
    best = None
    for older, newer in zip(times, times[1:]):
        inside = sum(t >= newer for t in times) / len(times)
        if low <= inside <= high and (best is None or newer - older > best[1] - best[0]):
            best = (older, newer)
    if best is None:
        raise RuntimeError("no publication gap leaves a subset in the window")
    middle = best[0] + (best[1] - best[0]) / 2
    return window_days_for(middle, now)


def config_for(url: str, window_days: int, archive: bool = True):
    from govnews.scraper.config import config_from_dict
    return config_from_dict({
        "harvest": {"delay": 0.0, "allow_private": True, "contact": "bench@localhost"},
        "reobserve": {"window_days": window_days, "sample_older": 0},
        "archive": {"enabled": archive},
        "sites": [{"name": SITE, "start_urls": [url + "/"]}],
    })


def serve(portal, quick: bool = True):
    from govnews.fixtures.server import PortalServer
    server = PortalServer(portal)
    if quick:
        server._httpd.RequestHandlerClass.disable_nagle_algorithm = True
    return server


def rss_now_kb() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def peak_rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss   # KiB on Linux


# -- 1. incremental: what the second harvest requests ---------------------------------------------

@dataclass
class Classified:
    kind: str          # robots | home | listing | postback | day | article | print | page | asset | other
    method: str
    target: str
    item: str | None = None


LISTING_KINDS = ("home", "listing", "postback", "day")


def classify(method: str, target: str) -> Classified:
    """A request to the Lạc Việt portal by what it asks for (the portal's own URL scheme)."""
    from govnews.fixtures.portal import Request
    from govnews.fixtures.portals import lacviet as lv
    request = Request(method, target, {}, b"")
    path, query = request.path.lower(), request.query
    if path == "/robots.txt":
        return Classified("robots", method, target)
    if path in ("/", lv.HOME_PATH.lower(), "/tintuc/pages/default.aspx", "/tintuc", "/tintuc/"):
        return Classified("home", method, target)
    if path == lv.POST_PATH:
        mode = query.get("mode", "1" if "itemid" in query else "")
        if mode == "1":
            return Classified("article", method, target, query.get("itemid", "").strip())
        if mode == "2":
            return Classified("postback" if method == "POST" else "listing", method, target)
        if mode == "3":
            return Classified("day", method, target)
        return Classified("other", method, target)
    if path == lv.PRINT_PATH:
        return Classified("print", method, target, query.get("itemid"))
    if path.startswith("/tintuc/pages/"):
        return Classified("page", method, target)
    if path.endswith((".png", ".jpg", ".jpeg", ".gif", ".css", ".js", ".pdf", ".doc", ".docx")):
        return Classified("asset", method, target)
    return Classified("other", method, target)


def breakdown(requests, window: set[str]) -> dict[str, Any]:
    """Counts by kind, and every request outside "robots.txt + listings + in-window articles"."""
    counts: Counter = Counter()
    extra, seen_items = [], Counter()
    for r in requests:
        c = classify(r.method, r.target)
        label = c.kind
        if c.kind == "article":
            seen_items[c.item] += 1
            label = "article in window" if c.item in window else "article outside window"
        counts[label] += 1
        if c.kind == "article" and c.item in window and seen_items[c.item] > 1:
            extra.append(("article in window, again", c.method, c.target))
        elif c.kind not in ("robots", "article") + LISTING_KINDS or label == "article outside window":
            extra.append((label, c.method, c.target))
    listing = sum(counts[k] for k in LISTING_KINDS)
    fetched = {i for i in seen_items if i in window}
    return {"total": len(requests), "counts": dict(counts), "listing_pages": listing,
            "articles_in_window_fetched": len(fetched), "articles_in_window": len(window),
            "missing_in_window": sorted(window - fetched, key=int),
            "target": counts["robots"] + listing + len(window),
            "extra": [list(e) for e in extra]}


def redundant_listings(requests) -> list[list[str]]:
    """Listing fetches beyond "the home page once + page 1 of each category": the second spelling
    of the home page, and every later page (GET Page=N or a postback) of a listing."""
    from govnews.fixtures.portal import Request
    out, homes = [], 0
    for r in requests:
        c = classify(r.method, r.target)
        if c.kind == "home":
            homes += 1
            if homes > 1:
                out.append(["home page again (another URL)", r.method, r.target])
        elif c.kind == "listing" and Request("GET", r.target, {}, b"").query.get("page", "1") != "1":
            out.append(["listing page > 1", r.method, r.target])
        elif c.kind == "postback":
            out.append(["postback page", r.method, r.target])
    return out


def stop_check(folder: Path) -> dict[str, int]:
    """Does `Crawl._all_known` (which hashes frontier keys) find the stored articles? The frontier
    key is the canonical URL without scheme; the stored article_id hashes the canonical URL."""
    import sqlite3
    from govnews.output.schema import article_id
    conn = sqlite3.connect(folder / "dataset.sqlite")
    try:
        stored = {r[0] for r in conn.execute("SELECT article_id FROM articles")}
        keys = [r[0] for r in conn.execute("SELECT key FROM frontier WHERE kind='article'")]
    finally:
        conn.close()
    return {"frontier_article_keys": len(keys),
            "key_hash_matches": sum(article_id(k) in stored for k in keys),
            "http_key_hash_matches": sum(article_id("http://" + k) in stored for k in keys)}


def patch_all_known() -> None:
    """Diagnostic only (this process): `_all_known` looking the keys up the way the store ids
    them (canonical URL with scheme, www folded either way), to show what the stop would save."""
    from govnews.output.schema import article_id
    from govnews.scraper.crawl import Crawl

    def all_known(self, article_keys: list[str]) -> bool:
        variants = [[article_id(f"{scheme}://{pre}{k}") for scheme in ("http", "https")
                     for pre in ("", "www.")] for k in article_keys]
        found = self.store.known_articles([i for v in variants for i in v])
        return all(any(i in found for i in v) for v in variants)

    Crawl._all_known = all_known


def run_twice(window_days: int, patched: bool = False) -> dict[str, Any]:
    from govnews.fixtures.portals.lacviet import LacVietPortal
    from govnews.scraper.harvest import harvest
    from govnews.scraper.crawl import Crawl
    original = Crawl._all_known
    if patched:
        patch_all_known()
    portal = LacVietPortal()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-harvest-") as tmp, \
                serve(portal, quick=False) as server:
            folder = Path(tmp) / "data"
            config = config_for(server.url, window_days)
            now = datetime.now(timezone.utc)
            window = in_window(portal.articles(), window_days, now)
            first = harvest(config, folder)
            first_requests = list(server.requests)
            time.sleep(1.1)
            del server.requests[:]
            started = time.perf_counter()
            second = harvest(config, folder)
            seconds = time.perf_counter() - started
            second_requests = list(server.requests)
            check = stop_check(folder)
    finally:
        Crawl._all_known = original
    return {"window_days": window_days, "window": sorted(window, key=int),
            "articles": len(portal.articles()),
            "first": {**breakdown(first_requests, window), "summary": first.summary.line()},
            "second": {**breakdown(second_requests, window), "summary": second.summary.line(),
                       "seconds": round(seconds, 3),
                       "redundant_listings": redundant_listings(second_requests)},
            "stop_check": check}


def run_incremental(args) -> dict[str, Any]:
    from govnews.fixtures.portals.lacviet import LacVietPortal
    articles = LacVietPortal().articles()
    window_days = args.window_days or choose_window(articles, datetime.now(timezone.utc))
    result = run_twice(window_days)
    check = result["stop_check"]
    if check["frontier_article_keys"] and check["key_hash_matches"] < check["frontier_article_keys"]:
        result["with_stop_patched"] = run_twice(window_days, patched=True)
    return result


KIND_ORDER = ("robots", "home", "listing", "postback", "day", "article in window",
              "article outside window", "print", "page", "asset", "other")


def print_incremental(r: dict[str, Any]) -> None:
    print(f"\n== incremental: Lạc Việt demo portal, {r['articles']} articles, "
          f"window_days={r['window_days']} -> {len(r['window'])} in window "
          f"(ItemIDs {', '.join(r['window'])})")
    runs = [("first run", r["first"]), ("second run", r["second"])]
    if "with_stop_patched" in r:
        runs.append(("2nd, stop patched*", r["with_stop_patched"]["second"]))
    print(f"{'requests by kind':<24}" + "".join(f"{name:>20}" for name, _ in runs))
    for kind in KIND_ORDER:
        values = [run["counts"].get(kind, 0) for _, run in runs]
        if any(values):
            print(f"  {kind:<22}" + "".join(f"{v:>20}" for v in values))
    print(f"  {'total':<22}" + "".join(f"{run['total']:>20}" for _, run in runs))
    second = r["second"]
    print(f"  {'target (2nd run)':<22}{'':>20}{second['target']:>20}   "
          f"= robots {second['counts'].get('robots', 0)} + listing pages {second['listing_pages']}"
          f" + in-window articles {second['articles_in_window']}")
    print(f"in-window articles fetched: {second['articles_in_window_fetched']}/"
          f"{second['articles_in_window']}"
          + (f"; missing: {', '.join(second['missing_in_window'])}" if second['missing_in_window']
             else ""))
    print(f"second run: {second['summary']}")
    print(f"requests that are neither a listing page, robots.txt nor an in-window article: "
          f"{len(second['extra'])}")
    for label, method, target in second["extra"]:
        print(f"  [{label}] {method} {target}")
    print(f"listing fetches beyond 'home once + page 1 of each category': "
          f"{len(second['redundant_listings'])}")
    for label, method, target in second["redundant_listings"]:
        print(f"  [{label}] {method} {target}")
    check = r["stop_check"]
    print(f"incremental-stop check: {check['key_hash_matches']}/{check['frontier_article_keys']} "
          f"frontier article keys hash to a stored article_id "
          f"(article_id('http://' + key): {check['http_key_hash_matches']})")
    if "with_stop_patched" in r:
        patched = r["with_stop_patched"]["second"]
        print(f"* diagnostic rerun with Crawl._all_known hashing 'http(s)://' + key (patched in "
              f"this process only): {patched['total']} requests, "
              f"{len(patched['redundant_listings'])} listing fetches beyond the minimum")
        for label, method, target in patched["redundant_listings"]:
            print(f"  [{label}] {method} {target}")


# -- 2. scale: the same harvest into a dataset of 1k vs 100k articles -----------------------------

PLACES = ("Phường 1", "Phường 2", "Phường 3", "Phường 5", "Phường 7", "Phường 8", "phường Nhà Mát",
          "xã Hiệp Thành", "xã Vĩnh Trạch", "xã Vĩnh Trạch Đông")
PEOPLE = ("Phó Chủ tịch UBND thành phố Lê Văn Hùng", "Chủ tịch UBND thành phố Nguyễn Thanh Tâm",
          "Bí thư Thành ủy Trần Thị Mỹ Hạnh", "Trưởng phòng Kinh tế Phạm Quốc Bảo",
          "Giám đốc Trung tâm Y tế thành phố Huỳnh Minh Khoa",
          "Trưởng phòng Giáo dục và Đào tạo Võ Thị Ngọc Lan")
TOPICS = (
    ("Hội nghị sơ kết công tác {q} tháng đầu năm {y} tại {p}",
     ("Sáng ngày {d}/{m}/{y}, UBND {p} tổ chức hội nghị sơ kết tình hình thực hiện nhiệm vụ "
      "phát triển kinh tế - xã hội {q} tháng đầu năm và triển khai phương hướng thời gian tới.",
      "Theo báo cáo, tổng thu ngân sách trên địa bàn đạt {n} triệu đồng, bằng {r}% dự toán "
      "được giao; các chỉ tiêu về an sinh xã hội, giáo dục, y tế cơ bản đạt kế hoạch.",
      "Phát biểu chỉ đạo, {who} đề nghị các ngành tập trung tháo gỡ khó khăn, đẩy nhanh tiến độ "
      "giải ngân vốn đầu tư công và cải thiện chỉ số cải cách hành chính.")),
    ("Ra quân tiêm chủng mở rộng cho trẻ em tại {p}",
     ("Trung tâm Y tế thành phố phối hợp với Trạm Y tế {p} tổ chức tiêm chủng mở rộng cho {n} "
      "trẻ em trong độ tuổi, đồng thời tuyên truyền phòng chống sốt xuất huyết.",
      "Cán bộ y tế đã đến từng hộ gia đình rà soát đối tượng, hướng dẫn phụ huynh theo dõi trẻ "
      "sau tiêm; tỷ lệ tiêm đủ liều đạt {r}%, cao hơn cùng kỳ năm trước.",
      "{who} yêu cầu ngành y tế duy trì giám sát dịch bệnh, xử lý kịp thời các ổ dịch mới phát "
      "sinh, không để lây lan ra cộng đồng.")),
    ("Nghiệm thu, đưa vào sử dụng tuyến đường giao thông nông thôn {p}",
     ("Tuyến đường bê tông dài {n} mét, rộng 3,5 mét tại {p} được đầu tư từ nguồn vốn Chương "
      "trình mục tiêu quốc gia xây dựng nông thôn mới và sự đóng góp của Nhân dân.",
      "Công trình hoàn thành vượt tiến độ, giúp hơn {r} hộ dân đi lại, vận chuyển nông sản "
      "thuận tiện, nhất là vào mùa mưa.",
      "Tại buổi nghiệm thu, {who} ghi nhận tinh thần hiến đất, góp công của bà con và yêu cầu "
      "đơn vị quản lý duy tu, bảo dưỡng định kỳ.")),
    ("Hỗ trợ nông dân {p} chuyển đổi sang mô hình lúa - tôm",
     ("Phòng Kinh tế thành phố phối hợp với Hội Nông dân tổ chức tập huấn kỹ thuật nuôi tôm "
      "càng xanh xen canh trên đất lúa cho {n} hội viên tại {p}.",
      "Mô hình lúa - tôm cho lợi nhuận bình quân cao hơn độc canh cây lúa khoảng {r}%, đồng "
      "thời giảm sử dụng phân bón, thuốc bảo vệ thực vật.",
      "{who} cho biết thành phố sẽ tiếp tục hỗ trợ con giống, vốn vay ưu đãi và kết nối "
      "doanh nghiệp bao tiêu sản phẩm cho người dân.")),
    ("Khai giảng năm học mới tại các trường học trên địa bàn {p}",
     ("Năm học {y}, các trường mầm non, tiểu học và trung học cơ sở tại {p} đón hơn {n} học "
      "sinh; cơ sở vật chất được sửa chữa, bổ sung trước ngày tựu trường.",
      "Tỷ lệ huy động trẻ ra lớp đúng độ tuổi đạt {r}%, không có học sinh bỏ học vì hoàn cảnh "
      "khó khăn nhờ sự hỗ trợ của các mạnh thường quân.",
      "{who} đã trao học bổng cho học sinh nghèo vượt khó và đề nghị nhà trường chú trọng "
      "giáo dục kỹ năng sống, an toàn giao thông.")),
    ("Tăng cường đảm bảo an ninh trật tự dịp cuối năm tại {p}",
     ("Công an thành phố triển khai cao điểm tấn công, trấn áp tội phạm, tuần tra kiểm soát "
      "vào ban đêm tại {p}; {n} lượt cán bộ, chiến sĩ được huy động.",
      "Qua tuần tra, lực lượng chức năng đã phát hiện, xử lý {r} trường hợp vi phạm trật tự an "
      "toàn giao thông, tạm giữ nhiều phương tiện.",
      "{who} đề nghị phát huy phong trào toàn dân bảo vệ an ninh Tổ quốc, xây dựng các mô hình "
      "tự quản về an ninh trật tự ở khóm, ấp.")),
    ("Đối thoại với Nhân dân về công tác bồi thường, giải phóng mặt bằng tại {p}",
     ("UBND thành phố tổ chức đối thoại với {n} hộ dân bị ảnh hưởng bởi dự án mở rộng tuyến "
      "đường tại {p}, lắng nghe ý kiến về giá bồi thường và tái định cư.",
      "Các ý kiến tập trung vào đơn giá đất, thời gian chi trả và bố trí nền tái định cư; "
      "khoảng {r}% số hộ đã đồng thuận bàn giao mặt bằng.",
      "{who} khẳng định mọi kiến nghị chính đáng sẽ được xem xét, giải quyết đúng quy định, "
      "công khai, minh bạch, bảo đảm quyền lợi của người dân.")),
)
FILLER = (
    "Thời gian tới, địa phương tiếp tục rà soát, bổ sung kế hoạch, phân công cụ thể cho từng "
    "cán bộ phụ trách, định kỳ báo cáo kết quả về UBND thành phố.",
    "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến thiết thực nhằm tháo gỡ vướng mắc trong "
    "quá trình triển khai ở cơ sở.",
    "Ban Chỉ đạo đề nghị Mặt trận Tổ quốc và các đoàn thể đẩy mạnh tuyên truyền để người dân "
    "hiểu, đồng tình và tích cực tham gia.",
    "Kết quả trên là tiền đề quan trọng để thành phố hoàn thành các chỉ tiêu Nghị quyết Đại hội "
    "Đảng bộ thành phố nhiệm kỳ 2020 - 2025 đã đề ra.",
    "Dịp này, UBND thành phố tặng giấy khen cho các tập thể, cá nhân có thành tích xuất sắc "
    "trong phong trào thi đua yêu nước.",
)


def synthetic_article(i: int, rng: random.Random, base_url: str) -> tuple[dict, dict, dict]:
    """(article row, observation row, frontier row) of synthetic article number `i`."""
    from govnews.output.schema import article_id, content_sha256, to_utc_iso
    title, lead = TOPICS[i % len(TOPICS)]
    start = datetime(2015, 1, 1, 7, 0)
    published = start + timedelta(minutes=rng.randrange(int(9.99 * 365 * 24 * 60)))
    fill = {"p": rng.choice(PLACES), "who": rng.choice(PEOPLE), "n": rng.randrange(40, 5000),
            "r": rng.randrange(12, 99), "q": rng.choice((3, 6, 9)), "y": published.year,
            "d": published.day, "m": published.month}
    sentences = [s.format(**fill) for s in lead] + [s.format(**fill) for s in FILLER]
    target = rng.randrange(2000, 4000)
    paragraphs: list[str] = []
    size = 0
    while size < target or len(paragraphs) < 3:
        para = " ".join(rng.sample(sentences, rng.randrange(2, 4)))
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    body = "\n\n".join(paragraphs[:10])
    headline = title.format(**fill)
    item = SYNTHETIC_FIRST_ID + i
    host_path = f"{base_url.split('://', 1)[1]}/tintuc/lists/posts/post.aspx?itemid={item}&mode=1"
    url = "http://" + host_path
    aid = article_id(url)
    published_at = published.isoformat() + "+07:00"
    fetched = (published + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S.000000Z")
    article = {"article_id": aid, "url": url, "site": SITE, "platform": "lacviet",
               "category": ("Tin tức sự kiện", "Kinh tế", "Văn hóa - Xã hội",
                            "Chỉ đạo điều hành")[i % 4],
               "headline": headline, "summary": paragraphs[0], "published_at": published_at,
               "published_at_raw": f"{published:%d/%m/%Y %H:%M}", "body": body,
               "author": rng.choice((None, "Minh Thư", "Hoàng Phúc", "Kim Ngân")),
               "source": None, "view_count": rng.randrange(0, 3000),
               "visitor_counter": 5_000_000 + i, "images": "[]", "attachments": "[]",
               "first_seen_at": fetched, "fetched_at": fetched,
               "content_sha256": content_sha256(headline, body), "warnings": "[]",
               "last_run_id": OLD_RUN, "published_utc": to_utc_iso(published_at)}
    observation = {"article_id": aid, "url": url, "site": SITE, "run_id": OLD_RUN,
                   "observed_at": fetched, "view_count": article["view_count"],
                   "visitor_counter": article["visitor_counter"], "http_status": 200}
    frontier = {"key": host_path, "url": url, "method": "GET", "body": None, "site": SITE,
                "host": base_url.split("://", 1)[1], "kind": "article", "depth": 1,
                "state": "done", "tries": 1, "priority": 2, "run_id": OLD_RUN, "note": None,
                "linked": 0, "seq": i + 1}
    return article, observation, frontier


def build_main(argv: list[str]) -> int:
    """Child: write N synthetic articles (+ observations, + 'done' frontier rows) into a folder."""
    parser = argparse.ArgumentParser(prog="harvest.py _build")
    parser.add_argument("--folder", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--no-frontier", action="store_true")
    parser.add_argument("--extra-indexes", action="store_true")
    args = parser.parse_args(argv)
    from govnews.output.store import Store
    from govnews.scraper.frontier import Frontier
    started = time.perf_counter()
    rng = random.Random(args.n)
    store = Store.open(args.folder)
    body_bytes = 0
    try:
        store.start_run(OLD_RUN, "2024-01-01T00:00:00.000000Z", [SITE])
        store.finish_run({"run_id": OLD_RUN, "finished_at": "2024-01-01T01:00:00.000000Z",
                          "status": "ok", "articles_new": args.n})
        with store.transaction() as conn:
            Frontier(conn)
            # what every dataset the crawler made already has (Crawl.__init__ creates it)
            conn.execute("CREATE INDEX IF NOT EXISTS articles_site_sha ON articles(site, content_sha256)")
            if args.extra_indexes:
                for ddl in EXTRA_INDEXES:
                    conn.execute(ddl)
        for start in range(0, args.n, BATCH):
            rows = [synthetic_article(i, rng, args.url) for i in range(start, min(args.n, start + BATCH))]
            body_bytes += sum(len(a["body"].encode()) for a, _, _ in rows)
            with store.transaction() as conn:
                for table, index in (("articles", 0), ("observations", 1), ("frontier", 2)):
                    if table == "frontier" and args.no_frontier:
                        continue
                    cols = list(rows[0][index])
                    conn.executemany(
                        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                        [tuple(r[index][c] for c in cols) for r in rows])
    finally:
        store.close()
    size = sum(p.stat().st_size for p in Path(args.folder).glob("dataset.sqlite*"))
    print(json.dumps({"seconds": round(time.perf_counter() - started, 2), "db_bytes": size,
                      "mean_body_bytes": body_bytes // max(args.n, 1)}), flush=True)
    return 0


def measure_main(argv: list[str]) -> int:
    """Child: one harvest; prints wall time of harvest() and this process's peak RSS."""
    parser = argparse.ArgumentParser(prog="harvest.py _measure")
    parser.add_argument("--folder", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--window-days", type=int, required=True)
    parser.add_argument("--profile")
    args = parser.parse_args(argv)
    from govnews.scraper.harvest import harvest
    config = config_for(args.url, args.window_days)
    profiles = []
    if args.profile:
        import cProfile
        from govnews.scraper.crawl import Crawl
        worker = Crawl._host_worker

        def profiled(self, host):
            prof = cProfile.Profile()
            profiles.append(prof)
            prof.runcall(worker, self, host)
        Crawl._host_worker = profiled
        main_prof = cProfile.Profile()
        profiles.append(main_prof)
    rss_before, peak_before = rss_now_kb(), peak_rss_kb()
    started = time.perf_counter()
    if args.profile:
        result = main_prof.runcall(harvest, config, Path(args.folder))
    else:
        result = harvest(config, Path(args.folder))
    seconds = time.perf_counter() - started
    peak = peak_rss_kb()
    if args.profile:
        import pstats
        stats = pstats.Stats(profiles[0])
        for prof in profiles[1:]:
            stats.add(prof)
        stats.dump_stats(args.profile)
    s = result.summary
    print(json.dumps({"seconds": seconds, "crawl_seconds": s.seconds, "peak_rss_kb": peak,
                      "rss_before_kb": rss_before, "peak_before_kb": peak_before,
                      "requests": s.requests, "pages": s.pages_fetched,
                      "found": s.articles_found, "new": s.articles_new,
                      "errors": s.error_count, "status": result.status}), flush=True)
    return 0


def child(*argv: str) -> dict:
    done = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"child {argv[0]} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def scale_window(now: datetime) -> int:
    """A window that holds the portal's 2025 articles and none of the synthetic ones (<= 2024)."""
    from govnews.fixtures.portals.lacviet import LacVietPortal
    edge = datetime(2025, 1, 1, tzinfo=timezone.utc)
    after = min(utc_of(a) for a in LacVietPortal().articles() if utc_of(a) > edge)
    return window_days_for(edge + (after - edge) / 2, now)


def run_scale(args) -> dict[str, Any]:
    from govnews.fixtures.portals.lacviet import LacVietPortal
    window_days = scale_window(datetime.now(timezone.utc))
    runs: list[dict] = []
    builds: dict[int, list[dict]] = {}
    profile_path = None
    plan = [(repeat, n, False) for repeat in range(args.repeats) for n in args.sizes]
    if args.profile:
        plan.append((args.repeats, max(args.sizes), True))    # one extra, profiled, not in medians
    for repeat, n, profiled in plan:
        portal = LacVietPortal()
        with tempfile.TemporaryDirectory(prefix=f"bench-scale-{n}-") as tmp, \
                serve(portal) as server:
            folder = str(Path(tmp) / "data")
            build = child("_build", "--folder", folder, "--url", server.url, "--n", str(n),
                          *(["--no-frontier"] if args.no_frontier else []),
                          *(["--extra-indexes"] if args.extra_indexes else []))
            builds.setdefault(n, []).append(build)
            for phase in ("first", "repeat"):
                extra: list[str] = []
                if profiled and phase == "repeat":
                    profile_path = str(Path(tempfile.gettempdir()) / f"bench-harvest-{n}.prof")
                    extra = ["--profile", profile_path]
                if phase == "repeat":
                    time.sleep(1.1)
                before = len(server.requests)
                measured = child("_measure", "--folder", folder, "--url", server.url,
                                 "--window-days", str(window_days), *extra)
                measured.update(n=n, phase=phase, repeat=repeat, profiled=profiled,
                                server_requests=len(server.requests) - before)
                runs.append(measured)
                print(f"  N={n:>7} {phase:<6} #{repeat + 1}: {measured['seconds']:.3f} s, "
                      f"peak RSS {measured['peak_rss_kb'] / 1024:.1f} MB, "
                      f"{measured['server_requests']} requests"
                      + (" (profiled)" if extra else ""), flush=True)
    table = []
    for phase in ("first", "repeat"):
        for n in args.sizes:
            mine = [r for r in runs if r["n"] == n and r["phase"] == phase and not r["profiled"]]
            if not mine:
                continue
            table.append({
                "n": n, "phase": phase, "runs": len(mine),
                "median_s": statistics.median(r["seconds"] for r in mine),
                "min_s": min(r["seconds"] for r in mine), "max_s": max(r["seconds"] for r in mine),
                "median_peak_rss_mb": statistics.median(r["peak_rss_kb"] for r in mine) / 1024,
                "median_rss_before_mb": statistics.median(r["rss_before_kb"] for r in mine) / 1024,
                "requests": statistics.median(r["server_requests"] for r in mine),
                "found": statistics.median(r["found"] for r in mine),
                "new": statistics.median(r["new"] for r in mine),
                "errors": max(r["errors"] for r in mine)})
    return {"window_days": window_days, "sizes": args.sizes, "repeats": args.repeats,
            "frontier_rows": not args.no_frontier, "extra_indexes": args.extra_indexes,
            "builds": {str(n): {"median_s": statistics.median(b["seconds"] for b in bs),
                                "db_mb": bs[0]["db_bytes"] / 2**20,
                                "mean_body_bytes": bs[0]["mean_body_bytes"]}
                       for n, bs in builds.items()},
            "table": table, "runs": runs, "profile": profile_path}


def print_scale(r: dict[str, Any]) -> None:
    print(f"\n== scale: harvest into a dataset of N existing articles (window_days="
          f"{r['window_days']}, frontier rows {'present' if r['frontier_rows'] else 'absent'}"
          f"{', diagnostic frontier indexes added' if r.get('extra_indexes') else ''}), "
          f"median of {r['repeats']}")
    for n, b in r["builds"].items():
        print(f"  dataset N={int(n):>7}: built in {b['median_s']:.1f} s, {b['db_mb']:.0f} MB, "
              f"mean body {b['mean_body_bytes']} bytes")
    print(f"{'phase':<8}{'N':>9}{'median s':>10}{'min s':>8}{'max s':>8}{'peak RSS MB':>13}"
          f"{'RSS before':>12}{'requests':>10}{'found':>7}{'new':>5}{'errors':>8}")
    for row in r["table"]:
        print(f"{row['phase']:<8}{row['n']:>9}{row['median_s']:>10.3f}{row['min_s']:>8.3f}"
              f"{row['max_s']:>8.3f}{row['median_peak_rss_mb']:>13.1f}"
              f"{row['median_rss_before_mb']:>12.1f}{row['requests']:>10.0f}{row['found']:>7.0f}"
              f"{row['new']:>5.0f}{row['errors']:>8}")
    small, large = min(r["sizes"]), max(r["sizes"])
    for phase in ("first", "repeat"):
        rows = {row["n"]: row for row in r["table"] if row["phase"] == phase}
        if small in rows and large in rows and small != large:
            ratio = rows[large]["median_s"] / rows[small]["median_s"]
            mem = rows[large]["median_peak_rss_mb"] - rows[small]["median_peak_rss_mb"]
            verdict = "within" if ratio <= 1 + SCALE_TARGET else "NOT within"
            print(f"{phase}: time {large:,} / {small:,} = {ratio:.2f}x ({verdict} the 10% target);"
                  f" peak RSS {mem:+.1f} MB")
    if r.get("profile"):
        print_profile(r["profile"])


def print_profile(path: str, top: int = 25) -> None:
    import io
    import pstats
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(path, stream=out).sort_stats(key).print_stats(top)
        text = out.getvalue()
        start = text.find("   ncalls")
        print(f"\ncProfile of the profiled run (all threads), top {top} by {key}:")
        print(text[start:].rstrip())


# -- 3. reparse ------------------------------------------------------------------------------------

def run_reparse(args) -> dict[str, Any]:
    from govnews.fixtures.portals.lacviet import LacVietPortal
    from govnews.parsers.extract import parse_page
    from govnews.scraper.archive import iter_archived
    from govnews.scraper.harvest import harvest
    from govnews.scraper.reparse import _is_page, reparse
    portal = LacVietPortal()
    with tempfile.TemporaryDirectory(prefix="bench-reparse-") as tmp:
        folder = Path(tmp) / "data"
        with serve(portal) as server:
            config = config_for(server.url, args.window_days or 700)
            for i in range(args.reparse_harvests):
                if i:
                    time.sleep(1.1)
                harvest(config, folder)
        warc = folder / "warc"
        archive_mb = sum(p.stat().st_size for p in warc.iterdir()) / 2**20
        reparse_runs = []
        for _ in range(args.repeats_reparse):
            result = reparse(folder)
            reparse_runs.append({"seconds": result.seconds, "pages": result.pages,
                                 "responses": result.responses, "articles": result.articles,
                                 "errors": len(result.errors)})
        read_s = []
        for _ in range(args.repeats_reparse):
            started = time.perf_counter()
            archived = list(iter_archived(warc))
            read_s.append(time.perf_counter() - started)
        pages = [a for a in archived if _is_page(a)]
        parse_s = []
        for _ in range(args.repeats_reparse):
            started = time.perf_counter()
            for a in pages:
                parse_page(a.body, a.url, a.headers)
            parse_s.append(time.perf_counter() - started)
    reparse_s = statistics.median(r["seconds"] for r in reparse_runs)
    n_pages = reparse_runs[0]["pages"]
    parse_med = statistics.median(parse_s)
    reparse_rate = n_pages / reparse_s
    parse_rate = len(pages) / parse_med
    return {"harvests": args.reparse_harvests, "archive_mb": archive_mb,
            "responses": reparse_runs[0]["responses"], "pages": n_pages,
            "articles": reparse_runs[0]["articles"], "errors": reparse_runs[0]["errors"],
            "reparse_s": reparse_s, "reparse_pages_per_s": reparse_rate,
            "read_s": statistics.median(read_s), "parse_pages": len(pages), "parse_s": parse_med,
            "parse_pages_per_s": parse_rate, "ratio": reparse_rate / parse_rate,
            "mean_page_kb": sum(len(a.body) for a in pages) / max(len(pages), 1) / 1024,
            "repeats": args.repeats_reparse, "runs": reparse_runs}


def print_reparse(r: dict[str, Any]) -> None:
    print(f"\n== reparse: archive of {r['harvests']} harvest(s) of the Lạc Việt demo portal "
          f"({r['responses']} responses, {r['archive_mb']:.2f} MB of WARC, "
          f"{r['parse_pages']} HTML pages of {r['mean_page_kb']:.0f} KB mean), median of "
          f"{r['repeats']}")
    print(f"  reparse(folder)            {r['reparse_s']:8.3f} s  {r['reparse_pages_per_s']:8.0f} "
          f"pages/s  ({r['pages']} pages, {r['articles']} article records, {r['errors']} errors)")
    print(f"  iter_archived alone        {r['read_s']:8.3f} s  "
          f"{r['responses'] / r['read_s']:8.0f} responses/s")
    print(f"  parse_page alone           {r['parse_s']:8.3f} s  {r['parse_pages_per_s']:8.0f} "
          f"pages/s")
    print(f"  reparse / parse speed      {r['ratio']:8.2f}")


# -- main ----------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=MEASUREMENTS)
    parser.add_argument("--sizes", default="1000,100000",
                        type=lambda s: [int(x) for x in s.split(",")],
                        help="dataset sizes for the scale measurement (default 1000,100000)")
    parser.add_argument("--repeats", type=int, default=3, help="scale runs per size (median)")
    parser.add_argument("--no-frontier", action="store_true",
                        help="scale: build the datasets without their 'done' frontier rows")
    parser.add_argument("--extra-indexes", action="store_true",
                        help="scale, diagnostic: add indexes on frontier(seq) and frontier(state, "
                             "host) to the built datasets")
    parser.add_argument("--profile", action="store_true",
                        help="scale: cProfile the largest dataset's repeat harvest (one extra run)")
    parser.add_argument("--window-days", type=int, default=0,
                        help="incremental: force the window (default: chosen from the data)")
    parser.add_argument("--reparse-harvests", type=int, default=1,
                        help="reparse: harvests that fill the archive first (default 1)")
    parser.add_argument("--repeats-reparse", type=int, default=5)
    parser.add_argument("--json", help="write every figure to this JSON file")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_build"]:
        return build_main(argv[1:])
    if argv[:1] == ["_measure"]:
        return measure_main(argv[1:])
    args = build_parser().parse_args(argv)
    chosen = args.only or list(MEASUREMENTS)
    figures: dict[str, Any] = {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                               "now": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    if "incremental" in chosen:
        figures["incremental"] = run_incremental(args)
        print_incremental(figures["incremental"])
    if "scale" in chosen:
        figures["scale"] = run_scale(args)
        print_scale(figures["scale"])
    if "reparse" in chosen:
        figures["reparse"] = run_reparse(args)
        print_reparse(figures["reparse"])
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
