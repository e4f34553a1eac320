"""Every demo article page beside the record it must yield: one test per page and field."""
from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from govnews.fixtures.golden import golden_cases
from govnews.parsers.extract import parse_page

FIELDS = ("platform", "category", "headline", "summary", "published_at", "body", "author",
          "source", "view_count", "visitor_counter", "images", "attachments")
CASES = golden_cases()


def _expected(case):
    expected = json.loads(case.with_suffix(".expected.json").read_text("utf-8"))
    meta = json.loads(case.with_suffix(".meta.json").read_text("utf-8"))
    for key in ("images", "attachments"):
        expected[key] = [urljoin(meta["url"], p) for p in expected.get(key, [])]
    return expected, meta


@pytest.fixture(scope="module")
def parsed():
    cache = {}

    def get(case):
        if case not in cache:
            _, meta = _expected(case)
            cache[case] = parse_page(case.read_bytes(), meta["url"], meta["headers"])
        return cache[case]
    return get


def test_there_are_golden_pages():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_page_is_an_article(case, parsed):
    assert parsed(case).kind == "article"


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_field(case, field, parsed):
    expected, _ = _expected(case)
    assert getattr(parsed(case).article, field) == expected[field]
