"""The notebook face of govnews: one page (str or bytes) -> the record `govnews parse` prints,
and a DataFrame of pages -> a DataFrame of records."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from govnews.parsers.extract import parse_page
from govnews.parsers.model import Page

_UTF8_BOM = b"\xef\xbb\xbf"


def extract(html: str | bytes, url: str | None = None, *, profile: str | None = None,
            headers: Mapping[str, str] | None = None, site: str | None = None,
            fetched_at: str | None = None) -> dict[str, Any]:
    """Extract one article page: the same record (a dict) `govnews parse` prints.

    `html` is the page as bytes (decoded here, Vietnamese legacy encodings included) or as text
    already decoded. `url` is where the page was served from: it resolves links and picks the
    platform rules. `profile` forces a platform profile ("generic" for the generic extractor).
    Never raises on a bad page: what could not be read is in the record's `warnings`.

    >>> page = open("8861.html", "rb").read()          # a saved page of the Bạc Liêu portal
    >>> rec = extract(page, url="https://thanhphobaclieu.baclieu.gov.vn/tintuc/lists/posts/"
    ...                         "post.aspx?Source=%2ftintuc&ItemID=8861&Mode=1")
    >>> rec["published_at"], rec["view_count"], rec["author"]
    ('2020-08-04T16:20:00+07:00', 122, 'Nguyễn Thanh')
    """
    page = parse_page(_as_bytes(html), url or "about:blank", _headers(html, headers), profile,
                      links=False)
    return page_record(page, site or _site_of(url), fetched_at)


def extract_frame(pages, html: str = "html", url: str | None = "url", *,
                  profile: str | None = None):
    """Records from a DataFrame of pages (one row per page, the page in column `html`, its URL
    in column `url`), as a DataFrame with the schema's columns and dtypes, in the same order
    and with the same index as `pages`.

    >>> import pandas as pd
    >>> pages = pd.DataFrame({"html": [open("8861.html", "rb").read()],
    ...                       "url": ["https://thanhphobaclieu.baclieu.gov.vn/tintuc/lists/posts/"
    ...                               "post.aspx?Source=%2ftintuc&ItemID=8861&Mode=1"]})
    >>> extract_frame(pages)[["published_at", "view_count"]].dtypes.tolist()
    [datetime64[ns, Asia/Ho_Chi_Minh], Int64Dtype()]
    """
    from govnews.output.dataset import frame_from_rows

    urls = pages[url] if url is not None else [None] * len(pages)
    rows = [extract(doc, u if isinstance(u, str) else None, profile=profile)
            for doc, u in zip(pages[html], urls)]
    frame = frame_from_rows("articles", rows)
    frame.index = pages.index
    return frame


def page_record(page: Page, site: str, fetched_at: str | None = None) -> dict[str, Any]:
    """The article record of a parsed page, with a warning when the page is not an article."""
    from govnews.scraper.records import article_row, utc_now

    article = page.article
    if page.kind != "article":
        links = len(page.listing.article_links)   # (a saved page's links lead off its file:// address)
        article.warnings.append(f"not an article page (looks like a {page.kind}"
                                + (f": {links} article links)" if links else ")"))
    return article_row(article, site, fetched_at or utc_now())


def _as_bytes(html: str | bytes) -> bytes:
    if isinstance(html, str):
        return _UTF8_BOM + html.encode("utf-8", "surrogatepass")
    if isinstance(html, (bytes, bytearray, memoryview)):
        return bytes(html)
    raise TypeError(f"html must be str or bytes, not {type(html).__name__}")


def _headers(html: str | bytes, headers: Mapping[str, str] | None) -> Mapping[str, str] | None:
    """Text was decoded already: whatever charset the page or the headers declare, it is
    UTF-8 now (the BOM says so to the decoder)."""
    if isinstance(html, str):
        kept = {k: v for k, v in (headers or {}).items() if k.lower() != "content-type"}
        return {**kept, "Content-Type": "text/html; charset=utf-8"}
    return headers


def _site_of(url: str | None) -> str:
    return (urlsplit(url).hostname if url else None) or "local"
