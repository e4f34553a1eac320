"""Rows for the dataset, built from what the parsers extracted and what the run observed."""
from __future__ import annotations

from dataclasses import fields
from datetime import datetime, timezone

from govnews.output.schema import KINDS, article_id, content_sha256
from govnews.parsers.model import Article


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def article_row(article: Article, site: str, fetched_at: str) -> dict:
    row = _fields_of(article)
    row.pop("site_counters", None)
    if "published_precision" not in KINDS["articles"]:
        row.pop("published_precision", None)
    row.update(article_id=article_id(article.url), site=site, fetched_at=fetched_at,
               first_seen_at=fetched_at,
               content_sha256=content_sha256(row["headline"], row["body"]))
    return row


def _fields_of(article: Article) -> dict:
    """`dataclasses.asdict(article)` for an Article's flat fields (text, numbers, lists of
    text, a dict of numbers), each list and dict copied as asdict copies them, without its
    recursive deep copy of every value."""
    row = {}
    for name in _ARTICLE_FIELDS:
        value = getattr(article, name)
        kind = type(value)
        row[name] = list(value) if kind is list else dict(value) if kind is dict else value
    return row


_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))


def observation_row(article: Article, site: str, run_id: str, observed_at: str,
                    http_status: int, fetched_url: str | None = None,
                    final_url: str | None = None, warc_ref=None) -> dict:
    """One fetch of an article, with what identifies the capture: the URL asked for, the URL
    after redirects, and the WARC file and record that hold the response."""
    row = {"article_id": article_id(article.url), "url": article.url, "site": site,
           "run_id": run_id, "observed_at": observed_at, "view_count": article.view_count,
           "visitor_counter": article.visitor_counter, "http_status": http_status,
           "fetched_url": fetched_url, "final_url": final_url,
           "warc_filename": getattr(warc_ref, "filename", None),
           "warc_record_id": getattr(warc_ref, "record_id", None),
           "source_archive": None, "captured_at": observed_at}
    return {k: v for k, v in row.items() if k in KINDS["observations"]}
