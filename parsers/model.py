"""Record types produced by the parsers: the one thing `output` imports from here."""
from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION = 1


@dataclass
class Article:
    """What one article page says about itself; run metadata is added by the scraper."""

    url: str
    platform: str
    headline: str | None = None
    category: str | None = None
    summary: str | None = None
    published_at: str | None = None
    published_at_raw: str | None = None
    published_precision: str | None = None   # "minute", or "day" when the page printed no time
    body: str | None = None
    author: str | None = None
    source: str | None = None
    view_count: int | None = None
    visitor_counter: int | None = None
    site_counters: dict[str, int] = field(default_factory=dict)
    images: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Listing:
    """A page that lists articles: where its articles are and how to reach its next pages."""

    url: str
    platform: str
    article_links: list[str] = field(default_factory=list)
    page_links: list[str] = field(default_factory=list)
    postbacks: list["Postback"] = field(default_factory=list)
    other_links: list[str] = field(default_factory=list)
    feed_links: list[str] = field(default_factory=list)      # RSS/Atom the page announces
    site_counters: dict[str, int] = field(default_factory=dict)
    visitor_counter: int | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Postback:
    """An ASP.NET WebForms postback: POST `form` fields to `action` to get another page."""

    action: str
    fields: tuple[tuple[str, str], ...]
    label: str = ""


@dataclass
class Page:
    """Everything one fetched page yields: what it says as an article, its links, and whether
    it is an article page at all (`kind` "article") or a listing or other page."""

    url: str
    platform: str
    kind: str
    article: Article
    listing: Listing
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
