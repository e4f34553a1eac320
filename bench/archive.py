"""Archive and recovery benchmark.

    python bench/archive.py [--only size|index|recover ...] [--articles 1000]
                            [--records 100000] [--recover-delay 1.0] [--json OUT]

size     WARC bytes per 1,000 article fetches, stored the old way (decoded body, the server's
         Content-Encoding renamed X-Govnews-Original-*) and as received (gzip bytes kept).
         The pages are the demo portals' articles rendered with distinct view counts (so no
         two payloads are equal and nothing becomes a revisit), gzipped at level 6 as IIS and
         nginx send them.
index    seconds for `index_warcs` (cdxj-indexer) to write the CDXJ index of a folder holding
         --records indexed records (each fetch gives two: the response and its metadata; the
         request record is read but not indexed), in files of 100 MB as a harvest rotates them.
recover  `recover()` against the fixture Wayback service (its default rate limit: 15 requests
         per second, then 429 + Retry-After 1) built from the NukeViet and Lạc Việt demo
         portals at three points in time: captures fetched per second and requests per
         recovered article capture, with the default delay (1 s) and with no delay (the
         archive's 429s pace it).
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from govnews.fixtures.portals import all_portals
from govnews.scraper.archive import WarcArchive, index_warcs
from govnews.scraper.http import Response

HEADERS = {"Content-Type": "text/html; charset=utf-8", "Server": "Microsoft-IIS/10.0",
           "Cache-Control": "private", "Vary": "Accept-Encoding", "Content-Encoding": "gzip",
           "Date": "Wed, 14 Jun 2023 02:15:09 GMT"}
REQUEST = {"User-Agent": "govnews/bench", "Accept-Encoding": "gzip, deflate",
           "Accept": "text/html", "Accept-Language": "vi,en;q=0.5"}


def article_pages(count: int) -> list[tuple[str, bytes]]:
    """`count` distinct article pages of the demo portals: (url, html)."""
    portals = all_portals(readership=False)
    pages, round_ = [], 0
    while len(pages) < count:
        for portal in portals:
            for article in portal.articles():
                views = (article.views or 0) + 17 * round_ + 1
                html = portal.render_article(article, views, portal.counter_start + round_)
                url = f"https://{portal.platform}.example.gov.vn{portal.article_path(article)}"
                pages.append((f"{url}#{round_}" if round_ else url, html.encode("utf-8")))
                if len(pages) == count:
                    return pages
        round_ += 1
    return pages


def responses(pages: list[tuple[str, bytes]], raw: bool) -> list[Response]:
    result = []
    for url, body in pages:
        packed = gzip.compress(body, compresslevel=6, mtime=0)
        result.append(Response(url=url, final_url=url, status=200,
                               headers={**HEADERS, "Content-Length": str(len(packed))},
                               body=body, raw_body=packed if raw else None,
                               request_headers=dict(REQUEST), elapsed=0.2))
    return result


def bench_size(articles: int) -> dict:
    pages = article_pages(articles)
    result = {"articles": articles,
              "html_bytes": sum(len(b) for _, b in pages),
              "gzip_bytes": sum(len(gzip.compress(b, 6, mtime=0)) for _, b in pages)}
    for label, raw in (("decoded", False), ("as_received", True)):
        folder = Path(tempfile.mkdtemp())
        try:
            with WarcArchive(folder, run_id="bench") as archive:
                for response in responses(pages, raw):
                    archive.write(response)
            size = sum(p.stat().st_size for p in archive.files)
            result[f"warc_bytes_{label}"] = size
            result[f"warc_bytes_per_1000_{label}"] = round(size * 1000 / articles)
        finally:
            shutil.rmtree(folder)
    return result


def bench_index(records: int) -> dict:
    fetches = records // 2
    pages = article_pages(min(fetches, 2000))
    folder = Path(tempfile.mkdtemp())
    try:
        started = time.perf_counter()
        with WarcArchive(folder, run_id="bench", max_bytes=100 * 1024 * 1024) as archive:
            for n in range(fetches):
                url, body = pages[n % len(pages)]
                body = body.replace(b"</body>", f"<!-- {n} --></body>".encode())
                packed = gzip.compress(body, 6, mtime=0)
                archive.write(Response(url=f"{url}?n={n}", final_url=f"{url}?n={n}", status=200,
                                       headers={**HEADERS, "Content-Length": str(len(packed))},
                                       body=body, raw_body=packed,
                                       request_headers=dict(REQUEST)))
        written = time.perf_counter() - started
        size = sum(p.stat().st_size for p in archive.files)
        started = time.perf_counter()
        indexes = index_warcs(folder)
        seconds = time.perf_counter() - started
        lines = sum(sum(1 for _ in open(p, encoding="utf-8")) for p in indexes)
        return {"fetches": fetches, "indexed_records": lines, "warc_files": len(archive.files),
                "warc_bytes": size, "write_seconds": round(written, 1),
                "index_seconds": round(seconds, 1),
                "index_records_per_second": round(lines / seconds)}
    finally:
        shutil.rmtree(folder)


def bench_recover(delay: float) -> dict:
    from govnews.fixtures.archives import RateLimit, WaybackArchive, portal_history
    from govnews.fixtures.portals.lacviet import LacVietPortal
    from govnews.fixtures.portals.nukeviet import NukeVietPortal
    from govnews.fixtures.server import PortalServer
    from govnews.scraper.recover import RecoverSettings, recover

    captures = (portal_history(NukeVietPortal(), "https://donggiang.gov.vn")
                + portal_history(LacVietPortal(), "https://thanhphobaclieu.baclieu.gov.vn",
                                 articles=14))
    result = {}
    for label, pause in (("default_delay", delay), ("no_delay", 0.0)):
        folder = Path(tempfile.mkdtemp())
        try:
            limit = RateLimit()
            archive = WaybackArchive(captures, limit=limit)
            with PortalServer(archive) as server:
                runs = []
                for prefix in ("donggiang.gov.vn", "thanhphobaclieu.baclieu.gov.vn"):
                    runs.append(recover(prefix, "wayback", folder / "data",
                                        archive_url=server.url, allow_private=True,
                                        settings=RecoverSettings(delay=pause)))
            seconds = sum(r.seconds for r in runs)
            fetched = sum(r.fetched for r in runs)
            article_captures = sum(r.articles for r in runs)
            result[label] = {
                "delay": pause, "captures_fetched": fetched,
                "article_captures": article_captures,
                "articles": sum(r.articles_new for r in runs),
                "requests": len(server.requests), "refused_429": limit.refused,
                "seconds": round(seconds, 1),
                "captures_per_second": round(fetched / seconds, 2),
                "requests_per_article_capture": round(len(server.requests) / article_captures,
                                                      2)}
        finally:
            shutil.rmtree(folder)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=["size", "index", "recover"])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--recover-delay", type=float, default=1.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    chosen = args.only or ["size", "index", "recover"]
    results = {}
    if "size" in chosen:
        results["size"] = bench_size(args.articles)
        print(json.dumps({"size": results["size"]}), flush=True)
    if "index" in chosen:
        results["index"] = bench_index(args.records)
        print(json.dumps({"index": results["index"]}), flush=True)
    if "recover" in chosen:
        results["recover"] = bench_recover(args.recover_delay)
        print(json.dumps({"recover": results["recover"]}), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
