"""Rows for the dataset, built from what the parsers extracted and what the run observed."""
from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timezone

from govnews.output.schema import article_id, content_sha256
from govnews.parsers.model import Article


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def article_row(article: Article, site: str, fetched_at: str) -> dict:
    row = asdict(article)
    row.pop("site_counters", None)
    row.update(article_id=article_id(article.url), site=site, fetched_at=fetched_at,
               first_seen_at=fetched_at,
               content_sha256=content_sha256(row["headline"], row["body"]))
    return row


def observation_row(article: Article, site: str, run_id: str, observed_at: str,
                    http_status: int) -> dict:
    return {"article_id": article_id(article.url), "url": article.url, "site": site,
            "run_id": run_id, "observed_at": observed_at, "view_count": article.view_count,
            "visitor_counter": article.visitor_counter, "http_status": http_status}
