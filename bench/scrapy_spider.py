"""A hand-written Scrapy spider for Lạc Việt portals, the baseline of bench/crawl.py.

    python bench/scrapy_spider.py --out stats.json [--delay 0.5] URL [URL ...]

It follows what a person writing a spider for these sites would: category listings (`Mode=2`,
with their `Page=N` links), article pages (`Mode=1`, including the related lists on article
pages) and, unless `--no-postbacks`, the `__doPostBack(..., 'Page$N')` pager through
`FormRequest.from_response` (each page number once per listing). robots.txt is obeyed, one
request at a time per host, `DOWNLOAD_DELAY` apart, no AutoThrottle. Items carry only the ItemID,
headline and time text: Scrapy does no extraction worth the name here, govnews does its full one.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import FormRequest

ARTICLE = re.compile(r"(?i)/lists/posts/post\.aspx\?(?=.*\bmode=1\b)(?=.*\bitemid=(\d+))")
LISTING = re.compile(r"(?i)/lists/posts/post\.aspx\?(?=.*\bmode=2\b)")
POSTBACK = re.compile(r"__doPostBack\('([^']+)','(Page\$\d+)'\)")


class LacVietSpider(scrapy.Spider):
    name = "lacviet"

    def __init__(self, seeds: list[str], postbacks: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.seeds = seeds
        self.postbacks = postbacks
        self.postbacks_seen: set[tuple[str, str, str]] = set()
        self.article_fetches: Counter = Counter()

    async def start(self):
        for url in self.seeds:
            yield scrapy.Request(url, callback=self.parse_listing)

    def parse_listing(self, response):
        yield from self.follow_links(response)
        if not self.postbacks:
            return
        for target, argument in sorted(set(POSTBACK.findall(response.text))):
            key = (response.url.split("#")[0], target, argument)
            if argument == "Page$1" or key in self.postbacks_seen:
                continue
            self.postbacks_seen.add(key)
            yield FormRequest.from_response(
                response, formid="aspnetForm", dont_click=True, callback=self.parse_listing,
                formdata={"__EVENTTARGET": target, "__EVENTARGUMENT": argument})

    def parse_article(self, response):
        match = ARTICLE.search(response.url)
        item_id = match.group(1) if match else response.url
        self.article_fetches[(response.url.split("/")[2], item_id)] += 1
        yield {"url": response.url, "item_id": item_id,
               "headline": (response.css("p.Title::text").get() or "").strip(),
               "time": (response.css("td.Time::text").get() or "").strip()}
        yield from self.follow_links(response, articles_only=True)

    def follow_links(self, response, articles_only: bool = False):
        for href in response.css("a::attr(href)").getall():
            if href.startswith("javascript:"):
                continue
            url = response.urljoin(href)
            if ARTICLE.search(url):
                yield scrapy.Request(url, callback=self.parse_article)
            elif not articles_only and LISTING.search(url):
                yield scrapy.Request(url, callback=self.parse_listing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("urls", nargs="+", metavar="URL")
    parser.add_argument("--out", required=True, help="write the run's figures here (JSON)")
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--no-postbacks", dest="postbacks", action="store_false")
    args = parser.parse_args(argv)
    process = CrawlerProcess(settings={
        "ROBOTSTXT_OBEY": True,
        "USER_AGENT": "govnews-bench-scrapy/0.1 (+https://github.com/govnews/govnews)",
        "DOWNLOAD_DELAY": args.delay,
        "DOWNLOAD_DELAY_JITTER": 0,
        "CONCURRENT_REQUESTS": args.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "AUTOTHROTTLE_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": "WARNING",
    })
    crawler = process.create_crawler(LacVietSpider)
    started = time.monotonic()
    process.crawl(crawler, seeds=args.urls, postbacks=args.postbacks)
    process.start()
    seconds = time.monotonic() - started
    stats = crawler.stats.get_stats()
    spider = crawler.spider
    figures = {
        "version": scrapy.__version__,
        "seconds": seconds,
        "scrapy_elapsed_s": stats.get("elapsed_time_seconds"),
        "requests": stats.get("downloader/request_count", 0),
        "robots_requests": stats.get("robotstxt/request_count", 0),
        "responses": stats.get("response_received_count", 0),
        "items": stats.get("item_scraped_count", 0),
        "articles": len(spider.article_fetches),
        "duplicate_article_fetches": sum(n - 1 for n in spider.article_fetches.values()),
        "postbacks": len(spider.postbacks_seen),
        "robots_forbidden": stats.get("robotstxt/forbidden", 0),
        "dupefilter_filtered": stats.get("dupefilter/filtered", 0),
    }
    with open(args.out, "w") as out:
        json.dump(figures, out, indent=2)
    return 0 if figures["requests"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
