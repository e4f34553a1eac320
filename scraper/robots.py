"""robots.txt, read with protego (the parser Scrapy uses): wildcards, Allow/Disallow
precedence and Crawl-delay as real crawlers read them."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from .errors import FetchError


# RFC 9309 §2.5: a crawler reads at least the first 500 KiB of robots.txt and may ignore the rest
ROBOTS_CUT = 500 * 1024


@dataclass
class RobotsRules:
    parser: Protego | None     # None: everything allowed (no robots.txt)
    note: str = ""
    disallow_all: bool = False
    error: str | None = None   # the fetch error kind when robots.txt could not be read

    def allowed(self, url: str, agent: str) -> bool:
        if self.disallow_all:
            return False
        return True if self.parser is None else self.parser.can_fetch(url, agent)

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None

    def sitemaps(self) -> list[str]:
        return list(self.parser.sitemaps) if self.parser is not None else []


class RobotsCache:
    """One robots.txt per scheme://host:port, fetched once per run through `fetch(url)`."""

    def __init__(self, fetch, agent: str) -> None:
        self._fetch = fetch
        self.agent = agent
        self._rules: dict[str, RobotsRules] = {}
        self._lock = threading.Lock()

    def rules_for(self, url: str) -> RobotsRules:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            if origin in self._rules:
                return self._rules[origin]
        rules = self._load(origin)
        with self._lock:
            return self._rules.setdefault(origin, rules)

    def _load(self, origin: str) -> RobotsRules:
        try:
            response = self._fetch(origin + "/robots.txt")
        except FetchError as exc:
            if exc.kind == "out_of_scope":
                # RFC 9309 lets robots.txt redirect; a redirect that leaves the site is not
                # followed, and the file is then unavailable: no rules (as for a 4xx)
                return RobotsRules(None, f"robots.txt not read ({exc}); treated as absent")
            # Unreachable robots.txt: as Google does for 5xx, assume the site wants no crawling
            # for now; a 4xx (below) means there are no rules.
            return RobotsRules(None, f"robots.txt unreachable ({exc}); site skipped this run",
                               disallow_all=exc.kind not in ("http_404",), error=exc.kind)
        if response.status >= 500:
            return RobotsRules(None, f"robots.txt answered HTTP {response.status}; site skipped "
                               "this run", disallow_all=True, error=f"http_{response.status}")
        if response.status >= 400:
            return RobotsRules(None, f"no robots.txt (HTTP {response.status})")
        text = response.body.decode("utf-8", "replace")
        if "<html" in text[:500].lower():
            return RobotsRules(None, "robots.txt is an HTML page; treated as absent")
        if response.truncated:
            return RobotsRules(Protego.parse(text.rsplit("\n", 1)[0]),
                               f"robots.txt longer than {ROBOTS_CUT // 1024} KiB: its first "
                               f"{ROBOTS_CUT // 1024} KiB read (RFC 9309)")
        return RobotsRules(Protego.parse(text))
