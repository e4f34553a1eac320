"""Dates stated for machines that the generic extractor reads: the rarer meta names of news CMSs
and scholarly pages, Parse.ly's JSON tag, dates in URL slugs and folders, and a meta tag's day
alone giving way to the same day with its time."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

TEXT = "<p>" + " ".join(["The council approved the new budget for the coming year after a long debate."] * 6) + "</p>"


def published(head: str = "", url: str = "https://news.example.com/local/budget-approved", body: str = "") -> str | None:
    html = (f"<html><head><title>Budget approved</title>{head}</head><body><article><h1>Budget approved</h1>"
            f"{body}{TEXT}</article><footer>© 2024 News</footer></body></html>")
    record = parse_page(html.encode(), url, {}, profile="generic")
    return record.article.published_at if record.article else None


@pytest.mark.parametrize("head, want", [
    ('<meta property="og:pubdate" content="2019-03-14">', "2019-03-14"),
    ('<meta property="article:published" content="2019-03-14">', "2019-03-14"),
    ('<meta property="rnews:datePublished" content="2019-03-14">', "2019-03-14"),
    ('<meta name="citation_publication_date" content="2019/03/14">', "2019-03-14"),
    ('<meta name="cXenseParse:recs:publishtime" content="2019-03-14T10:00:00+0100">', "2019-03-14T10:00:00+01:00"),
    ('<meta name="OriginalPublicationDate" content="2019/03/14 10:00:00">', "2019-03-14T10:00:00+07:00"),
    ('<meta name="pdate" content="20190314">', "2019-03-14"),
    ('<meta name="bt:pubDate" content="2019-03-14T10:00:00Z">', "2019-03-14T10:00:00+00:00"),
    ("<meta name=\"parsely-page\" content='{\"title\": \"Budget\", \"pub_date\": \"2019-03-14T10:00:00Z\"}'>",
     "2019-03-14T10:00:00+00:00"),
])
def test_meta_names(head, want):
    assert published(head).startswith(want)


def test_a_day_alone_gives_way_to_the_same_day_with_its_time():
    head = ('<meta name="citation_publication_date" content="2022/11/30">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-11-30T10:00:00+01:00"}'
            '</script>')
    assert published(head) == "2022-11-30T10:00:00+01:00"


def test_a_day_alone_keeps_its_day_against_another_day():
    head = ('<meta name="citation_publication_date" content="2022/11/30">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-12-05T10:00:00+01:00"}'
            '</script>')
    assert published(head).startswith("2022-11-30")


@pytest.mark.parametrize("url", [
    "https://n.example.com/a/2019_03_14/budget.html",
    "https://n.example.com/news/2019/0314/budget.html",
    "https://n.example.com/news/budget-approved-2019-03-14.html",
    "https://n.example.com/content/2019-03/14/content_123.htm",
    "https://n.example.com/2019/03/14/budget-approved",
])
def test_dates_in_urls(url):
    assert published(url=url).startswith("2019-03-14")


@pytest.mark.parametrize("url", [
    "https://n.example.com/news/budget-2019-14-03.html",      # no month 14
    "https://n.example.com/2019/03/budget-approved/",         # a month, no day
    "https://n.example.com/news/item-2019_03-14.html",        # two separators: not one date
])
def test_no_date_in_urls(url):
    assert published(url=url) is None


def test_every_original_date_label_reaches_the_finder():
    """The text group the repost finder reads holds a fragment of each of its labels: a label
    added to labels.py without one would never be read."""
    from govnews.parsers import labels
    from govnews.parsers.doc import _TEXT_WORDS
    fragments = _TEXT_WORDS["original"]
    assert [label for label in labels.DATE_ORIGINAL + labels.REPOSTED_FROM
            if not any(fragment in label for fragment in fragments)] == []
