"""Canonical URLs keep what identifies a page: a global drop list only for known trackers;
path case and session ids are the platforms' own rules (profiles), applied to their URLs."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import url_rules
from govnews.parsers.urls import canonical_url

RULES = url_rules()


@pytest.mark.parametrize("url,expected", [
    # trackers go everywhere
    ("https://x.gov.vn/tin/1?utm_source=fb&id=3&fbclid=abc", "https://x.gov.vn/tin/1?id=3"),
    ("https://x.gov.vn/tin/1?gclid=1&zarsrc=30", "https://x.gov.vn/tin/1"),
    # parameters some CMS use to select a page stay on unknown sites
    ("https://x.gov.vn/index.php?sid=12&ref=home", "https://x.gov.vn/index.php?ref=home&sid=12"),
    ("https://x.gov.vn/tin.php?from=2020-01-01", "https://x.gov.vn/tin.php?from=2020-01-01"),
    # an unknown ASP.NET site keeps its case: ?ID=5 and ?id=5 may be two pages there
    ("https://x.gov.vn/Tin/Detail.aspx?ID=5", "https://x.gov.vn/Tin/Detail.aspx?ID=5"),
])
def test_generic_rules_keep_what_identifies_a_page(url, expected):
    assert canonical_url(url, RULES) == expected


@pytest.mark.parametrize("url,expected", [
    # Lạc Việt reads paths and parameters in any case: one spelling
    ("https://tp.baclieu.gov.vn/tintuc/Lists/Posts/Post.aspx?Source=%2ftintuc&ItemID=8861&Mode=1",
     "https://tp.baclieu.gov.vn/tintuc/lists/posts/post.aspx?itemid=8861&mode=1"),
    # an ASP.NET cookieless session id in the path, on a platform that uses them
    ("https://tp.baclieu.gov.vn/(S(abc123xyz))/tintuc/Lists/Posts/Post.aspx?ItemID=1&Mode=1",
     "https://tp.baclieu.gov.vn/tintuc/lists/posts/post.aspx?itemid=1&mode=1"),
    # a PHP session id on NukeViet
    ("https://x.gov.vn/vi/news/tin-tuc/abc-12.html?PHPSESSID=deadbeef",
     "https://x.gov.vn/vi/news/tin-tuc/abc-12.html"),
    # a Java session id on Liferay
    ("https://x.gov.vn/web/guest/tin;jsessionid=ABC/-/asset_publisher/k/content/t",
     "https://x.gov.vn/web/guest/tin/-/asset_publisher/k/content/t"),
])
def test_platform_rules_apply_to_their_urls(url, expected):
    assert canonical_url(url, RULES) == expected


def test_the_plain_url_shortcut_spells_every_url_as_the_full_path_does(monkeypatch):
    """`_generic` skips urlsplit/parse_qsl/urlencode for URLs already spelled plainly; on any
    URL, plain or not, its answer is the full path's."""
    import random
    import re

    from govnews.parsers import urls

    rnd = random.Random(7)
    alphabet = "aA0_/?=&#%:.+-_~;@!$'()*, xé"
    cases = ["https://h.vn", "http://h.vn/a?b=1&a=2", "http://h.vn/?utm_source=x",
             "http://h.vn/p?A=1&a=", "https://h.vn/p?fbclid=1&id=3#top", "HTTP://H.VN/x"]
    for _ in range(3000):
        cases.append("http://h.vn/" + "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14))))
        cases.append("https://a.b/x?" + "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14))))
    fast = [urls._generic(url) for url in cases]
    assert sum(urls._PLAIN_URL.fullmatch(url) is not None for url in cases) > 500
    monkeypatch.setattr(urls, "_PLAIN_URL", re.compile(r"(?!)"))
    assert fast == [urls._generic(url) for url in cases]


def test_the_platform_rules_spell_plain_urls_as_the_full_path_does(monkeypatch):
    """The profiles' rules (ASP.NET's case-insensitive paths and names, dropped parameters,
    rewrites) give a plainly spelled URL the spelling the urlsplit/parse_qsl path gives."""
    import random
    import re

    from govnews.parsers import urls

    rules = url_rules()
    rnd = random.Random(11)
    alphabet = "aA0_/?=&#%:.+-_~;@!$'()*, xé"
    cases = []
    for _ in range(2000):
        cases.append("http://h.vn/Pages/" + "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
                     + ".aspx?ItemID=1&" + "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8))))
        cases.append("https://a.b/default.aspx?" + "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12))))
        cases.append("http://x.gov.vn/index.php?option=com_content&view=article&id=%d&Itemid=%d&print=1&tmpl=component"
                     % (rnd.randint(1, 99), rnd.randint(1, 9)))
        # (a drop rule's URLs: the Hải Phòng portal's menu and organisation parameters)
        cases.append("http://x.gov.vn/Portal/Detail.aspx?Organization=UBND%d&MenuID=%d&ContentID=%d"
                     % (rnd.randint(1, 9), rnd.randint(1, 99), rnd.randint(1, 9999)))
    case_insensitive, _, dropped = urls._searchers(rules)
    assert sum(bool(case_insensitive(urls._generic(url))) for url in cases) > 500
    assert sum(bool(dropped(urls._generic(url))) for url in cases) > 100
    fast = [canonical_url(url, rules) for url in cases]
    monkeypatch.setattr(urls, "_PLAIN_URL", re.compile(r"(?!)"))
    assert fast == [canonical_url(url, rules) for url in cases]


@pytest.mark.parametrize("url, want", [
    ("http://a.vn/tin-tuc/../tin-tuc/x-101.html", "http://a.vn/tin-tuc/x-101.html"),
    ("http://a.vn/tin-tuc/./y.html", "http://a.vn/tin-tuc/y.html"),
    ("http://a.vn:8080/tin-tuc/%2e%2e/z.html", "http://a.vn:8080/z.html"),
    ("http://a.vn/../../../x.html", "http://a.vn/x.html"),           # never above the root
    ("http://a.vn/a/b/..", "http://a.vn/a/"),
    ("http://a.vn/a/.hidden/x", "http://a.vn/a/.hidden/x"),         # a name that starts with a dot
    ("http://a.vn/a/..b/x", "http://a.vn/a/..b/x"),
])
def test_dot_segments_are_resolved_as_a_browser_does(url, want):
    assert canonical_url(url) == want


def test_links_spelled_with_encoded_dots_are_requested_resolved():
    from govnews.parsers.listing import join_url
    assert join_url("http://h.vn:8/tin-tuc/", "/tin-tuc/" + "%2e%2e/" * 20 + "x.html") == "http://h.vn:8/x.html"
    assert join_url("http://h.vn/a/", "%2E%2E/b?q=%2e") == "http://h.vn/b?q=%2e"   # the query keeps its bytes
