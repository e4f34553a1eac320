"""A parsed page and what every extractor asks of it, computed once and shared."""
from __future__ import annotations

import json
from collections import deque
import re
from functools import cached_property

from lxml import etree

from .text import clean, text_of

_WORD = re.compile(r"\w+")
_POSITION = etree.XPath("count(preceding::*) + count(ancestor::*)")


# Substring tests (C-speed) decide which finder may care about a text or a class name.
_TEXT_WORDS = {
    "view": ("xem", "đọc", "view", "hits"),
    "counter": ("truy c", "online", "thống kê", "bộ đếm", "visitor"),
    "label": ("tác giả", "nguồn", "theo ", "viết bởi", "người viết", "đăng bởi", "người đăng",
              "source", "by "),
}
_DATE_QUICK = re.compile(r"\d\s?[/.\-]\s?\d|tháng")
_HINT_WORDS = {
    "title": ("title", "tieude", "tieu-de", "headline", "heading", "ten-bai", "tenbai"),
    "author": ("author", "tacgia", "tac-gia", "byline", "writer", "signature", "nguoiviet",
               "nguoi-viet", "butdanh", "but-danh", "reporter", "creator"),
    "lead": ("sapo", "summary", "tomtat", "tom-tat", "hometext", "mo-ta", "mota", "description",
             "lead", "trich-dan", "trichdan", "intro", "excerpt", "abstract", "teaser"),
    "category": ("crumb", "duong-dan", "duongdan", "categor", "chuyen-muc", "chuyenmuc",
                 "cat-links", "danh-muc", "danhmuc", "cate", "catname", "cat-name",
                 "section-name"),
    "dateprop": ("datepublished", "datecreated"),
}
_COUNTER_SRC = re.compile(r"count|digit|/so/|(?:^|[/_-])\d\.(?:png|gif|jpe?g|bmp|svg|webp)", re.I)
_SKIP = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed",
                   "select", "option", "textarea", "button", "svg", "head", "title"})
_BLOCKS = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "main", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead",
    "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "center", "address",
    "form", "fieldset", "legend", "details", "summary"})


class Index:
    """What the generic extractor looks for, gathered in one walk over the tree: elements
    owning text that looks like a date, a view count, a counter or a byline label; elements
    whose class/id name a title, author, lead, category or date; headings, <time>s, digit images;
    the text length of every paragraph (outside links); document order."""

    def __init__(self) -> None:
        self.text: dict[str, list[etree._Element]] = {
            "date": [], "view": [], "counter": [], "label": []}
        self.hints: dict[str, list[etree._Element]] = {
            "title": [], "author": [], "lead": [], "category": [], "dateprop": []}
        self.headings: list[etree._Element] = []
        self.times: list[etree._Element] = []
        self.digit_images: list[etree._Element] = []
        self.paragraphs: dict[etree._Element, list[int]] = {}
        self.order: dict[etree._Element, int] = {}


def _add(group: list, owner: etree._Element) -> None:
    if not group or group[-1] is not owner:
        group.append(owner)


_INLINE_UP = frozenset({"span", "b", "strong", "i", "em", "u", "font", "small", "big", "sup", "sub",
                        "label", "abbr", "time", "mark", "s", "strike", "cite", "q", "code", "o:p"})


def build_index(root: etree._Element) -> Index:
    idx = Index()
    order = idx.order
    text_groups, hint_groups = idx.text, idx.hints
    paragraphs = idx.paragraphs
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        order[el] = len(order)
        if tag in _SKIP:                 # their content is code; only their tails are text
            if el.tail:
                _take(text_groups, paragraphs, el.tail, el.getparent())
            continue
        if tag in ("h1", "h2", "h3", "h4"):
            idx.headings.append(el)
        elif tag == "time":
            idx.times.append(el)
        elif tag == "img" and _COUNTER_SRC.search(el.get("src") or ""):
            idx.digit_images.append(el)
        cls, ident = el.get("class"), el.get("id")
        extra = el.get("itemprop") or el.get("rel")
        if cls or ident or extra:
            low = " ".join(filter(None, (cls, ident, extra))).lower()
            for name, words in _HINT_WORDS.items():
                for word in words:
                    if word in low:
                        hint_groups[name].append(el)
                        break
        if el.text:
            _take(text_groups, paragraphs, el.text, el)
        if el.tail:
            _take(text_groups, paragraphs, el.tail, el.getparent())
    return idx


def _take(text_groups, paragraphs, text: str, owner: etree._Element | None) -> None:
    stripped = text.strip()
    if not stripped or owner is None:
        return
    # labels, counts and timestamps live in short texts; prose is never scanned for them
    if len(stripped) <= 240:
        low = stripped.lower()
        if _DATE_QUICK.search(low):
            _add(text_groups["date"], owner)
        for name, words in _TEXT_WORDS.items():
            for word in words:
                if word in low:
                    _add(text_groups[name], owner)
                    break
    # paragraph text outside links, credited to the nearest block element
    block = owner
    while block is not None and block.tag in _INLINE_UP:
        block = block.getparent()
    if block is None or block.tag == "a" or block.tag not in _BLOCKS:
        return
    if owner is not block and any(a.tag == "a" for a in _ancestors_until(owner, block)):
        return
    entry = paragraphs.get(block)
    if entry is None:
        entry = paragraphs[block] = [0, 0]
    entry[0] += len(stripped)
    entry[1] += stripped.count(",")


def _ancestors_until(el: etree._Element, stop: etree._Element):
    node = el
    while node is not None and node is not stop:
        yield node
        node = node.getparent()


LINK_LIST_TAGS = ("li", "dd", "dt", "tr")

class Doc:
    def __init__(self, root: etree._Element, url: str, source: str = "") -> None:
        self.root = root
        self.url = url
        self.source = source          # the decoded HTML, for cheap substring tests
        self._positions: dict[etree._Element, int] = {}

    @cached_property
    def index(self) -> "Index":
        return build_index(self.root)

    def position(self, el: etree._Element | None) -> int:
        """Document order of `el` (from the index; computed in C for elements it skipped)."""
        if el is None:
            return -1
        pos = self.index.order.get(el)
        if pos is None:
            pos = self.index.order[el] = int(_POSITION(el))
        return pos

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
            except (ValueError, RecursionError):     # invalid, or nested beyond reason
                continue
            stack = deque(data if isinstance(data, list) else [data])
            while stack:
                item = stack.popleft()
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
    """Inside the site's header, footer, menu or sidebar, judged by tag and class/id names.
    An <article>'s own header and footer (title, date, category links) are not chrome."""
    ancestors = [el, *el.iterancestors()]
    in_article = any(a.tag == "article" for a in ancestors[1:])
    for anc in ancestors:
        if anc is stop:
            return False
        if anc.tag in ("nav", "aside"):
            return True
        if anc.tag in ("footer", "header"):
            if not in_article and not any(a.tag == "main" for a in anc.iterancestors()):
                return True
            continue
        if anc.tag == "article":
            in_article = False         # above the article: its ancestors may be chrome
            continue
        hint = ((anc.get("class") or "") + " " + (anc.get("id") or "")).lower()
        if hint.strip() and any(h in hint for h in _CHROME_WORDS):
            if in_article and ("footer" in hint or "header" in hint):
                continue
            return True
    return False


_CHROME_WORDS = ("footer", "copyright", "menu", "nav", "sidebar", "banner")


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
