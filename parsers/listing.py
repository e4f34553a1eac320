"""Links of a page, sorted into articles, further listing pages, postback pages and the rest."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .model import Listing, Postback
from .profile import Profile
from .text import clean
from .urls import any_search, encoded_dots_resolved

_POSTBACK = re.compile(r"__doPostBack\(\s*['\"]([^'\"]*)['\"]\s*,\s*['\"]([^'\"]*)['\"]\s*\)")
_PAGE_ARG = re.compile(r"^(?:Page\$(?:\d+|Next|Last|Prev|First)|\d+|next|prev)$", re.I)
_PAGER_TARGET = re.compile(r"pag(?:er|ing|e)|trang|gvposts|datapager|lnk(?:next|prev)", re.I)
_PAGE_TEXT = re.compile(r"^(?:\d{1,4}|trang sau|trang tiếp|tiếp|sau|tiếp theo|next|»|›|>|>>|"
                        r"trang cuối|cuối|last|\.\.\.)$", re.I)
# (each URL pattern opens with a lookahead of its alternatives' first characters: a position
# where none of them starts fails at once, instead of in each alternative)
GENERIC_PAGE_URL = re.compile(
    r"(?=[?&/])(?:(?:[?&](?:page|p|pg|paged|start|trang|pageindex|pagenum|pagenumber|currentpage|[\w-]*_cur|cur)"
    r"=\d+)|/page[-/]\d+/?$|/trang[-/]\d+/?$|/p\d+/?$)", re.I)
GENERIC_ARTICLE_URL = re.compile(
    r"(?=[-/?&])(?:-\d{2,}\.(?:html?|aspx)$|/\d{4}/\d{1,2}/\d{1,2}/[^/]+/?$|[?&](?:itemid|id|nid|newsid|"
    r"contentid|articleid|postid|p|news_id|tinid)=\d+|/content/[^/?]+$|/\d{4,}/?$|"
    r"/chi-tiet|/chitiet|/detail|/tin-tuc/[^/?]+-\d+|/\d+-[^/?]+$|/[\w-]{25,}/?$|/[\w-]{25,}\.html?$)", re.I)
FILE_URL = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods|txt|csv|xml|jpe?g|png|gif|"
                      r"mp3|mp4|avi|wmv|swf|flv)(?:$|\?)", re.I)
ATTACHMENT_URL = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods)(?:$|[?#/])", re.I)
TRAP_URL = re.compile(
    r"(?=[?&/#])(?:[?&](?:date|ngay|day|month|thang|year|nam|calendar|lich|d|mode=3)=|/calendar|/lich|"
    r"[?&](?:sort|order|orderby|view|print|tmpl|format|lang|replytocom|share|action|"
    r"returnurl|redirect|source_url)=|/(?:print|printpreview|printitem|in-bai|rss|feed|search|"
    r"tim-kiem|login|dang-nhap|_layouts|_vti_bin|wp-admin|wp-login|admin)\b|#)", re.I)
PRINT_URL = re.compile(r"print|/in-bai|tmpl=component", re.I)
PRINT_TEXT = re.compile(r"^(?:bản in|in bài(?: viết)?|in trang|in tin|print)$", re.I)


def join_url(base: str, href: str) -> str | None:
    """urljoin that answers None for a URL Python cannot parse ('http://[oops/'), instead of
    raising: one malformed link must not cost the page."""
    try:
        joined = urljoin(base, href)
    except ValueError:
        return None
    # ('%2e%2e/' is '../' to the server; urljoin resolves only the literal dots)
    return encoded_dots_resolved(joined) if "%" in joined else joined


def split_url(url: str):
    try:
        parts = urlsplit(url)
        parts.port                    # raises on a bad port
    except ValueError:
        return None
    return parts


def base_url(root: etree._Element, url: str) -> str:
    for base in root.iter("base"):
        href = base.get("href")
        if href:
            joined = join_url(url, href.strip())
            if joined and split_url(joined) is not None:
                return joined
    return url


# links seen before (a site's menus, footers and sidebars repeat on every page): what a link is
# depends only on the page's base URL, its href, its text and the profile, so its absolute URL
# and its kind are worked out once
_LINKS: dict[tuple, tuple] = {}
_MAX_LINKS = 50_000


def reset_caches() -> None:
    """Forget the links classified so far (benchmarks: each pass sees the pages afresh)."""
    _LINKS.clear()


def _link_outcome(base: str, origin: str, href: str, text: str,
                  profile: Profile | None) -> tuple[str, bool, str | None]:
    """(absolute URL without fragment, whether it can be followed at all, its kind)."""
    # (a dot segment, spelled or percent-encoded ('%2e%2e'), is resolved by join_url)
    if href.startswith(("http://", "https://")) and "/." not in href and "%2" not in href:
        absolute = href.split("#", 1)[0]
    elif href.startswith("/") and not href.startswith("//") and "/." not in href and "%2" not in href and origin:
        absolute = origin + href.split("#", 1)[0]
    else:
        absolute = (join_url(base, href) or "").split("#", 1)[0]
    if not absolute.startswith(("http://", "https://")):
        return absolute, False, None
    if _plain_host(absolute):
        parts = None                   # cannot fail to split; split later only if asked
    else:
        parts = split_url(absolute)
        if parts is None:
            return absolute, False, None
    return absolute, True, classify_link(absolute, text, profile, parts)


_PLAIN_HOST = re.compile(r"https?://[A-Za-z0-9._-]+(?=[/?#]|$)")


def _plain_host(url: str) -> bool:
    """An http(s) URL whose host is a plain name (letters, digits, dots, hyphens: no port, user
    or brackets): urlsplit() and its port cannot raise on it (what `split_url` checks)."""
    return _PLAIN_HOST.match(url) is not None


# links read on one page, at most: a portal's listing has a few hundred, an archive page of every
# item a few thousand; half a million (a trap, a dump) cost 30 s and 370 MB of frontier to queue
MAX_PAGE_LINKS = 50_000


def extract_listing(root: etree._Element, url: str, profile: Profile | None,
                    platform: str) -> Listing:
    base = base_url(root, url)
    parts = split_url(base)
    origin = f"{parts.scheme}://{parts.netloc}" if parts else ""
    listing = Listing(url=url, platform=platform)
    seen: set[str] = set()
    postbacks: set[tuple] = set()
    walked = 0
    for a in root.iter("a", "area", "link"):        # one walk for the links and the feeds
        walked += 1
        if walked > MAX_PAGE_LINKS:
            listing.warnings.append(f"more than {MAX_PAGE_LINKS} links: the rest of the page's links "
                                    "were not read (a link dump or a trap)")
            break
        if a.tag == "link":
            feed = _feed_url(a, base)
            if feed and feed not in listing.feed_links:
                listing.feed_links.append(feed)
            continue
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("mailto:", "tel:", "#", "javascript:void", "data:")):
            continue
        if a.tag != "a":
            raw = a.get("alt")
        elif len(a):
            raw = "".join(a.itertext())
        else:
            raw = a.text or ""

        if href.startswith("javascript:"):
            text = clean(raw)
            postback = _postback(a, href, text, base)
            if postback and (postback.action, postback.fields[-2:]) not in postbacks:
                postbacks.add((postback.action, postback.fields[-2:]))
                listing.postbacks.append(postback)
            continue
        # what the link's URL depends on: nothing for an absolute one, the origin for a
        # root-relative one, the base for any other (so menus hit across a site's pages)
        if "/." in href or href.startswith("//") or \
                not href.startswith(("http://", "https://", "/")):
            against = base
        elif href.startswith("/"):
            against = origin or base
        else:
            against = None
        key = (against, href, raw, id(profile))
        known = _LINKS.get(key)
        if known is None or known[0] is not profile:
            known = _LINKS[key] = (profile, *_link_outcome(base, origin, href, clean(raw), profile))
            if len(_LINKS) >= _MAX_LINKS:
                _LINKS.clear()
        _, absolute, followable, listing_kind = known
        if not followable or absolute in seen:
            continue
        seen.add(absolute)
        if listing_kind:
            getattr(listing, listing_kind).append(absolute)
    return listing


def _feed_url(link: etree._Element, base: str) -> str | None:
    """The absolute URL of an RSS or Atom feed a <link rel="alternate"> announces."""
    kind = (link.get("type") or "").lower()
    if "alternate" in (link.get("rel") or "").lower() and ("rss" in kind or "atom" in kind):
        href = (link.get("href") or "").strip()
        if href:
            feed = join_url(base, href) or ""
            if feed.startswith(("http://", "https://")):
                return feed
    return None


_PROFILE_SEARCHERS: dict[int, tuple] = {}


def _link_searchers(profile: Profile) -> tuple:
    known = _PROFILE_SEARCHERS.get(id(profile))
    if known is None or known[0] is not profile:
        known = _PROFILE_SEARCHERS[id(profile)] = (
            profile, any_search(profile.skip_url), any_search(profile.article_url),
            any_search(profile.page_url + profile.listing_url))
    return known[1:]


def classify_link(url: str, text: str, profile: Profile | None, parts=None) -> str | None:
    """'article_links', 'page_links', 'other_links' or None (never follow). `parts`: the URL
    already split (`split_url`), when the caller has it."""
    if PRINT_TEXT.match(text):
        return None
    if profile is not None:
        skip, article, page = _link_searchers(profile)
        if skip(url):
            return None
        if article(url):
            return "article_links"
        if page(url):
            return "page_links"
    if FILE_URL.search(url):
        return None
    if TRAP_URL.search(url):
        return None
    if GENERIC_PAGE_URL.search(url) and (_PAGE_TEXT.match(text) or len(text) <= 12):
        return "page_links"
    path = _path_and_query(url, parts)
    if path is None:
        return None
    if GENERIC_ARTICLE_URL.search(path) and len(text.split()) >= 3:
        return "article_links"
    return "other_links"


def _path_and_query(url: str, parts=None) -> str | None:
    """The URL's path and query as `split_url` reads them ('/tin-tuc/a.html?id=1'); None when it
    cannot be split. A URL with a plain host (`_plain_host`) and no fragment, tab or line break
    (which urlsplit would remove) is read without splitting it: its path starts after the host."""
    if parts is None and _plain_host(url) and not any(c in url for c in "#\t\r\n"):
        rest = url[url.index("//") + 2:]
        ends = [at for at in (rest.find("/"), rest.find("?")) if at >= 0]
        path, _, query = rest[min(ends):].partition("?") if ends else ("", "", "")
        return path + ("?" + query if query else "")
    if parts is None:
        parts = split_url(url)
    if parts is None:
        return None
    return parts.path + ("?" + parts.query if parts.query else "")


def _postback(a: etree._Element, href: str, text: str, base: str) -> Postback | None:
    m = _POSTBACK.search(href)
    if not m:
        return None
    target, argument = m.group(1), m.group(2)
    if not (_PAGE_ARG.match(argument) or (_PAGER_TARGET.search(target) and _PAGE_TEXT.match(text))):
        return None
    form = next((f for f in a.iterancestors("form")), None)
    if form is None:
        form = next(a.getroottree().getroot().iter("form"), None)
    if form is None:
        return None                    # no form to post: a browser's __doPostBack fails there too
    action = join_url(base, form.get("action") or base)
    if action is None:
        return None
    fields = []
    if form is not None:
        for inp in form.iter("input"):
            name = inp.get("name")
            if (name and (inp.get("type") or "").lower() == "hidden"
                    and name not in ("__EVENTTARGET", "__EVENTARGUMENT")):
                fields.append((name, inp.get("value") or ""))
    fields += [("__EVENTTARGET", target), ("__EVENTARGUMENT", argument)]
    return Postback(action=action, fields=tuple(fields), label=text)


def attachments_in(root: etree._Element, base: str) -> list[str]:
    found: dict[str, None] = {}
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if href and ATTACHMENT_URL.search(href):
            url = join_url(base, href)
            if url:
                found.setdefault(unicodedata.normalize("NFC", url))
    return list(found)
