"""A parsed page and what every extractor asks of it, computed once and shared."""
from __future__ import annotations

import json
import re
from functools import cached_property

from lxml import etree

from .text import clean, text_of

_WORD = re.compile(r"\w+")
LINK_LIST_TAGS = ("li", "dd", "dt", "tr")
CHROME_HINTS = ("footer", "header", "menu", "nav", "sidebar", "banner", "copyright", "bottom",
                "left", "right", "related", "lienquan", "tinkhac", "other", "widget", "module",
                "breadcrumb", "share", "social", "comment", "search", "login")


class Doc:
    def __init__(self, root: etree._Element, url: str) -> None:
        self.root = root
        self.url = url

    @cached_property
    def order(self) -> dict[etree._Element, int]:
        return {el: i for i, el in enumerate(self.root.iter())}

    def position(self, el: etree._Element) -> int:
        return self.order.get(el, -1)

    @cached_property
    def meta(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for m in self.root.iter("meta"):
            key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
            content = m.get("content")
            if key and content is not None and key not in found:
                found[key] = clean(content)
        return found

    @cached_property
    def generator(self) -> str:
        return self.meta.get("generator", "")

    @cached_property
    def title(self) -> str:
        for t in self.root.iter("title"):
            return clean(t.text_content())
        return ""

    @cached_property
    def jsonld(self) -> list[dict]:
        """JSON-LD objects of type *Article (the @graph flattened)."""
        found: list[dict] = []
        for script in self.root.iter("script"):
            if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
                continue
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            stack = data if isinstance(data, list) else [data]
            while stack:
                item = stack.pop(0)
                if not isinstance(item, dict):
                    continue
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith(("Article", "BlogPosting")) for k in kinds):
                    found.append(item)
        return found

    def jsonld_value(self, key: str) -> str | None:
        for item in self.jsonld:
            value = item.get(key)
            if isinstance(value, dict):
                value = value.get("name")
            if isinstance(value, list) and value:
                value = value[0].get("name") if isinstance(value[0], dict) else value[0]
            if isinstance(value, (str, int)) and str(value).strip():
                return clean(str(value))
        return None


def in_link_list(el: etree._Element) -> bool:
    """Inside a list item (or table row) that links a headline: a related-news or listing entry.
    A row that merely links a category name or "Bản in" is not one."""
    for depth, anc in enumerate((el, *el.iterancestors())):
        if anc.tag in ("body", "article", "main") or depth > 5:
            return False
        if anc.tag in LINK_LIST_TAGS:
            if not _links_headline(anc):
                return False
            return _repeated(anc, 1)
        if anc.tag in ("div", "section", "p", "article") and _links_headline(anc) and _repeated(anc, 2):
            return True                # a listing entry: one of several alike blocks with a link
    return False


def _repeated(item: etree._Element, others: int) -> bool:
    """`item` has at least `others` siblings of the same tag and class that link headlines."""
    parent = item.getparent()
    if parent is None:
        return False
    cls = item.get("class")
    alike = 0
    for sib in parent:
        if sib is not item and sib.tag == item.tag and sib.get("class") == cls and _links_headline(sib):
            alike += 1
            if alike >= others:
                return True
    return False


def _links_headline(item: etree._Element) -> bool:
    return any(len(_WORD.findall(a.text_content() or "")) >= 4 for a in item.iter("a"))


def inside_link(el: etree._Element) -> bool:
    return el.tag == "a" or any(a.tag == "a" for a in el.iterancestors())


def chrome_ancestor(el: etree._Element, stop: etree._Element | None = None) -> bool:
    """Inside a header, footer, menu or sidebar, judged by tag and class/id names."""
    for anc in (el, *el.iterancestors()):
        if anc is stop:
            return False
        if anc.tag in ("footer", "nav", "aside", "header"):
            return True
        hint = ((anc.get("class") or "") + " " + (anc.get("id") or "")).lower()
        if hint.strip() and any(h in hint for h in ("footer", "copyright", "menu", "nav",
                                                      "sidebar", "banner")):
            return True
    return False


__all__ = ["Doc", "in_link_list", "inside_link", "chrome_ancestor", "text_of", "clean"]


RELATED_HEADING = re.compile(
    r"^(?:tin mới hơn|tin đã đưa|tin cũ hơn|những tin mới hơn|những tin cũ hơn|những tin khác|"
    r"tin liên quan|tin khác|các tin khác|các tin liên quan|tin cùng chuyên mục|bài viết liên quan|"
    r"bài liên quan|các bài viết khác|các bài khác|bài viết khác|xem thêm|tin bài khác|"
    r"các tin đã đưa|tin tức liên quan|tin đã đăng|các tin cũ hơn|các tin mới hơn|"
    r"tin tức khác|tin cùng loại|tin mới|tin mới nhất|tin nổi bật|tin xem nhiều|đọc nhiều|"
    r"xem nhiều nhất|bài viết mới|bài mới|related(?: posts| news)?)\s*[:：]?$", re.I)
_RELATED_HINT = re.compile(
    r"(?:^|[\s_\-])(?:\w*related\w*|relate|(?:tin|bai|box|news)?-?(?:lien-?quan|khac|cung-?"
    r"chuyen-?muc|moi-?hon|cu-?hon|da-?dua)|others?|newer|older|more-?news|(?:tin|bai)?-?"
    r"(?:xem|doc)-?nhieu|most-?view\w*|latest\w*)(?:$|[\s_\-])", re.I)


def in_related_block(el: etree._Element, levels: int = 6) -> bool:
    """Inside a related-news / latest-news block: by its class or id, or by the heading
    ("TIN MỚI HƠN", "Tin liên quan", ...) printed just before it."""
    node = el
    for _ in range(levels):
        if node is None or node.tag in ("body", "html"):
            return False
        hint = (node.get("class") or "") + " " + (node.get("id") or "")
        if hint.strip() and _RELATED_HINT.search(hint):
            return True
        prev, seen = node.getprevious(), 0
        while prev is not None and seen < 3:
            if isinstance(prev.tag, str):
                heading = clean(prev.text_content())
                if len(heading) < 60 and RELATED_HEADING.match(heading):
                    return True
                seen += 1
            prev = prev.getprevious()
        node = node.getparent()
    return False


_SITE_HEADER = re.compile(r"(?:^|[\s_\-])(?:header|top|topbar|top-?bar|banner|site-?header|"
                          r"header-?top|top-?header|page-?top|masthead|logo)(?:$|[\s_\-])", re.I)


def in_site_header(el: etree._Element) -> bool:
    """Inside the site's banner (where portals print today's date), not an article's header."""
    for anc in (el, *el.iterancestors()):
        if anc.tag in ("article", "main", "body"):
            return False
        if anc.tag == "header":
            return not any(a.tag in ("article", "main") for a in anc.iterancestors())
        hint = (anc.get("class") or "") + " " + (anc.get("id") or "")
        if hint.strip() and _SITE_HEADER.search(hint):
            return True
    return False
