"""The generic extractor: finds each field on a page of any platform by its structure (text
density, link density, document order around the headline) and its Vietnamese labels."""
from __future__ import annotations

import re

from lxml import etree

from .dates import ParsedDate, parse_vietnamese_datetime
from .doc import Doc, chrome_ancestor, in_link_list, in_related_block, in_site_header, inside_link
from .fields import COUNTER_TITLE, Counter, counter_of, view_count_in
from .listing import GENERIC_ARTICLE_URL
from .text import BLOCK_TAGS, SKIP_TAGS, clean, text_of

_CONTAINERS = frozenset({"div", "td", "article", "section", "main", "span", "font", "center"})
_PARA_TAGS = frozenset({"p", "div", "td", "span", "font", "li", "blockquote", "h2", "h3", "h4"})
_NEGATIVE = re.compile(r"comment|footer|foot|menu|nav|sidebar|banner|related|lienquan|tinkhac|"
                       r"other|widget|share|social|breadcrumb|advert|quangcao|counter|thongke|"
                       r"login|search|copyright|contact|lien-he", re.I)
_POSITIVE = re.compile(r"content|body|noidung|noi-dung|article|detail|chitiet|chi-tiet|news|"
                       r"post|entry|main|text|journal|bai-viet|baiviet", re.I)
_DATE_HINT = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}-\d{2}-\d{2}|tháng\s*\d",
                        re.I)
_TITLE_HINT = re.compile(r"title|tieude|tieu-de|headline|heading|ten-bai|tenbai", re.I)
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:»]\s+")


def find_body(doc: Doc) -> etree._Element | None:
    """The element that directly holds most of the article's paragraphs (Readability-style:
    each paragraph scores its parent fully and its grandparent half)."""
    scores: dict[etree._Element, float] = {}
    for para, (length, commas) in doc.index.paragraphs.items():
        if length < 25:
            continue
        score = 1 + min(length / 100, 3) + commas * 0.1
        parent = para.getparent()
        for share in (1.0, 0.5, 0.25):
            if parent is None:
                break
            scores[parent] = scores.get(parent, 0) + score * share
            parent = parent.getparent()
    ranked = _rank_containers(scores)
    if not ranked:
        return None
    best_score, best = ranked[0]
    # A wrapper (the article panel with its metadata) often outscores the text container it
    # holds; take the innermost candidate that keeps most of the wrapper's score.
    for score, el in ranked[1:]:
        if score < 0.75 * best_score:
            break
        if best in el.iterancestors():
            best = el
    return best


def _rank_containers(scores: dict[etree._Element, float]) -> list[tuple[float, etree._Element]]:
    """Containers by score, weighed by their class names and link density (the latter measured
    only for the few best, where it can change the order)."""
    ranked = []
    for el, score in scores.items():
        if el.tag not in _CONTAINERS or el.tag == "body":
            continue
        hint = (el.get("class") or "") + " " + (el.get("id") or "")
        if _NEGATIVE.search(hint) and not _POSITIVE.search(hint):
            score *= 0.3
        elif _POSITIVE.search(hint):
            score *= 1.25
        ranked.append((score, el))
    ranked.sort(key=lambda r: -r[0])
    ranked = [(score * (0.2 if chrome_ancestor(el) else 1.0), el) for score, el in ranked[:12]]
    ranked.sort(key=lambda r: -r[0])
    weighed = []
    for score, el in ranked[:8]:
        total = len(_TEXT_LEN(el).strip()) or 1
        links = sum(len(_TEXT_LEN(a).strip()) for a in el.iter("a"))
        weighed.append((score * (1 - min(links / total, 0.9)), el))
    weighed.sort(key=lambda r: -r[0])
    return weighed


_TEXT_LEN = etree.XPath("normalize-space(string(.))", smart_strings=False)


def find_headline(doc: Doc, body: etree._Element | None) -> tuple[str | None, etree._Element | None]:
    title_parts = {p.lower() for p in _TITLE_SPLIT.split(doc.title) if p}
    full_title = doc.title.lower()
    og = doc.meta.get("og:title") or doc.jsonld_value("headline") or doc.jsonld_value("name")
    body_pos = doc.position(body) if body is not None else None
    best: tuple[float, str, etree._Element] | None = None
    for el in sorted(doc.index.headings + doc.index.hints["title"], key=doc.position):
        if el.tag not in ("h1", "h2", "h3", "h4"):
            hint = (el.get("class") or "") + " " + (el.get("id") or "")
            if not _TITLE_HINT.search(hint):
                continue
        text = text_of(el)
        words = len(text.split())
        if not 2 <= words <= 60 or in_link_list(el) or chrome_ancestor(el):
            continue
        score = {"h1": 3.0, "h2": 2.0, "h3": 1.5}.get(el.tag, 1.0)
        low = text.lower()
        if low in title_parts or (len(low) > 15 and low in full_title):
            score += 3
        if og and low == og.lower():
            score += 3
        if body_pos is not None:
            pos = doc.position(el)
            if pos < body_pos:
                score += 1
            elif body is not None and (el is body or body in el.iterancestors()):
                score -= 2
            else:
                score -= 1
        if inside_link(el):
            score -= 1.5
        if best is None or score > best[0]:
            best = (score, text, el)
    if best and best[0] >= 2:
        return best[1], best[2]
    if og:
        return _strip_site(og, doc), None
    if doc.title:
        return _strip_site(doc.title, doc), None
    return (best[1], best[2]) if best else (None, None)


def _strip_site(title: str, doc: Doc) -> str:
    parts = _TITLE_SPLIT.split(title)
    return max(parts, key=len) if len(parts) > 1 else title


def _date_candidates(doc: Doc) -> list[etree._Element]:
    """Elements owning a date-like text, and their parents when a date is split over inline
    elements (<span>04/08/2020</span> <span>16:20</span>)."""
    found: list[etree._Element] = []
    seen: set[etree._Element] = set()
    inline: dict[etree._Element, bool] = {}
    for owner in doc.index.text["date"]:
        if owner not in inline:
            inline[owner] = _inline_only(owner)
        if not inline[owner] and not _DATE_HINT.search(text_of(owner)):
            continue
        if owner not in seen:
            seen.add(owner)
            found.append(owner)
        parent = owner.getparent()
        if parent is not None and parent not in seen:
            if parent not in inline:
                inline[parent] = _inline_only(parent)
            if inline[parent]:
                seen.add(parent)
                found.append(parent)
    return found


def find_published(doc: Doc, headline: etree._Element | None,
                   body: etree._Element | None) -> tuple[ParsedDate | None, etree._Element | None]:
    """The article's own date: metadata first, then the dated element nearest after the
    headline (never one inside a related-news list, a link, or the footer)."""
    for key in ("article:published_time", "datepublished", "og:published_time",
                "pubdate", "publishdate", "dc.date.issued", "date"):
        value = doc.meta.get(key)
        if value:
            parsed = parse_vietnamese_datetime(value)
            if parsed.value is not None:
                return parsed, None
    for el in doc.index.hints["dateprop"]:
        if el.get("itemprop") in ("datePublished", "dateCreated"):
            parsed = parse_vietnamese_datetime(el.get("content") or el.get("datetime") or text_of(el))
            if parsed.value is not None:
                return parsed, el
    value = doc.jsonld_value("datePublished")
    if value:
        parsed = parse_vietnamese_datetime(value)
        if parsed.value is not None:
            return parsed, None
    anchor = headline if headline is not None else body
    anchor_pos = doc.position(anchor) if anchor is not None else 0
    candidates: list[tuple[int, ParsedDate, etree._Element]] = []
    for el in doc.index.times:
        if el.get("datetime") and not in_link_list(el) and not inside_link(el):
            parsed = parse_vietnamese_datetime(el.get("datetime"))
            if parsed.value is not None:
                candidates.append((_distance(doc, el, anchor_pos), parsed, el))
    for el in _date_candidates(doc):
        if el.tag in SKIP_TAGS or el.tag in ("html", "body"):
            continue
        if _links_headline(el) or _after_headline_link(el) or in_related_block(el) or \
                in_site_header(el) or \
                any(t.get("datetime") for t in el.iter("time")):
            continue
        text = text_of(el)
        if len(text) > 160 or in_link_list(el) or inside_link(el) or chrome_ancestor(el, body):
            continue
        hinted = _is_date_element(el, text)
        if body is not None and el is not body and body in el.iterancestors() and not hinted:
            continue                   # a date in the article's own text is not its timestamp
        parsed = parse_vietnamese_datetime(text)
        if parsed.value is None or _is_prose(text, parsed.raw):
            continue
        candidates.append((_distance(doc, el, anchor_pos) - (30 if hinted else 0), parsed, el))
    if not candidates:
        return None, None
    candidates.sort(key=lambda c: (c[0], -doc.position(c[2])))
    return candidates[0][1], candidates[0][2]


_DATE_CLASS = re.compile(r"date|time|ngay|thoigian|thoi-gian|publish|created|posted|ngaydang",
                         re.I)
_DATE_LABEL = re.compile(r"^\s*(?:ngày đăng|đăng ngày|ngày cập nhật|cập nhật|gửi lúc|thời gian đăng|"
                         r"thời gian|ngày phát hành|ngày xuất bản|đăng lúc|ngày ban hành|posted)",
                         re.I)


def _is_date_element(el: etree._Element, text: str) -> bool:
    """Marked as the article's date: by a label ('Ngày đăng:') or a class/id ('post-date')."""
    if len(text) > 100:
        return False
    hint = (el.get("class") or "") + " " + (el.get("id") or "")
    return bool(_DATE_LABEL.match(text) or (hint.strip() and _DATE_CLASS.search(hint)))


def _is_prose(text: str, raw: str | None) -> bool:
    """A sentence that mentions a date ("Tỉnh được tái lập ngày 01/01/1997. ...") rather than a
    timestamp line ("Ngày đăng: 04/08/2020 - 16:20", "Lượt xem: 12 | Gửi lúc: ...")."""
    rest = text.replace(raw, " ") if raw else text
    words = [w for w in rest.split() if any(ch.isalpha() for ch in w)]
    return len(words) > 9


def _after_headline_link(el: etree._Element) -> bool:
    """A date printed right after a linked headline: a listing entry's date, not the page's."""
    node = el
    for _ in range(2):
        prev = node.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if prev is not None:
            return _links_headline(prev)
        node = node.getparent()
        if node is None:
            return False
    return False


def _inline_only(el: etree._Element) -> bool:
    """A small element of inline children only (a date split over <span>s)."""
    children = 0
    for child in el.iterchildren():
        children += 1
        if children > 6:
            return False
    if not children:
        return False
    return all(not isinstance(c.tag, str) or c.tag not in BLOCK_TAGS for c in el.iterdescendants())


def _links_headline(el: etree._Element) -> bool:
    """Holds a link to another article: a headline-length text, or an article-shaped URL
    (a category link such as "Văn hóa - Xã hội" is neither)."""
    for a in el.iter("a"):
        words = len(text_of(a).split())
        if words >= 8 or (words >= 4 and GENERIC_ARTICLE_URL.search(a.get("href") or "")):
            return True
    return False


def _distance(doc: Doc, el: etree._Element, anchor_pos: int) -> int:
    """Elements after the headline are preferred; before it they count double."""
    pos = doc.position(el)
    return pos - anchor_pos if pos >= anchor_pos else 2 * (anchor_pos - pos) + 40


def find_view_count(doc: Doc, body: etree._Element | None) -> int | None:
    """A labelled view count ('Lượt xem: 1.234', '1,234 lượt xem') nearest the body, never one
    of a listing entry."""
    best: tuple[int, int] | None = None
    anchor = doc.position(body) if body is not None else 0
    for owner in doc.index.text["view"]:
        value = _view_near(owner)
        if value is None or in_link_list(owner):
            continue
        distance = abs(doc.position(owner) - anchor)
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


def _has_view_word(text: str) -> bool:
    low = text.lower()
    return "xem" in low or "đọc" in low or "views" in low or "hits" in low


def _view_near(el: etree._Element) -> int | None:
    for node in (el, el.getparent(), el.getparent().getparent() if el.getparent() is not None else None):
        if node is None:
            return None
        text = text_of(node)
        if len(text) > 200:
            return None
        value = view_count_in(text)
        if value is not None:
            return value
    return None


def find_counter(doc: Doc) -> Counter:
    """The site's visitor-counter widget, found by its digit images or by its title."""
    tried: set[etree._Element] = set()
    for img in doc.index.digit_images:
        parent = img.getparent()
        if parent in tried:
            continue                   # one digit row is read once, not once per digit
        tried.add(parent)
        found = _counter_around(parent)
        if found.total is not None:
            return found
    around: set = set()                # each ancestor is read once, however many titles
    for owner in doc.index.text["counter"]:
        text = text_of(owner)
        if len(text) < 60 and COUNTER_TITLE.search(text) and not in_link_list(owner):
            found = _counter_around(owner, around)
            if found.total is not None or found.online is not None:
                return found
    return Counter()


def _at_most_children(el: etree._Element, limit: int) -> bool:
    for count, _ in enumerate(el.iterchildren(), 1):
        if count > limit:
            return False
    return True


def _counter_around(el: etree._Element | None, tried: set | None = None) -> Counter:
    node = el
    for _ in range(5):
        if tried is not None:
            if node in tried:
                break
            tried.add(node)
        if node is None or node.tag in ("body", "html"):
            break
        if len(text_of(node)) > 600:
            break
        found = counter_of(node)
        if found.total is not None:
            return found
        node = node.getparent()
    return Counter()


def find_labelled(doc: Doc, pattern: re.Pattern[str], body: etree._Element | None, read):
    """The value of the first short element whose text starts with a label ('Tác giả:',
    'Nguồn tin:'), outside lists and chrome; `read` turns the element into the value."""
    small: dict[etree._Element, bool] = {}
    for owner in doc.index.text["label"]:
        parent = owner.getparent()
        if parent is not None and parent not in small:
            small[parent] = _at_most_children(parent, 8)
        small_parent = parent is not None and small[parent]
        for el in (owner, parent if small_parent else None):
            if el is None:
                break
            text = text_of(el)
            if not (3 < len(text) < 120 and pattern.match(text)):
                continue
            if in_link_list(el) or chrome_ancestor(el, body):
                break
            value = read(el)
            if value is not None:
                return value
            break
    return None


_AUTHOR_HINT = re.compile(r"author|tacgia|tac-gia|byline|writer|signature|nguoiviet|nguoi-viet|"
                          r"butdanh|but-danh|reporter|creator", re.I)


def find_author_element(doc: Doc, body: etree._Element | None) -> etree._Element | None:
    """An element marked as the author by its class, id, itemprop or rel ('author', 'tacgia',
    'byline'), short, outside related lists and the site's chrome."""
    for el in doc.index.hints["author"]:
        if el.tag in SKIP_TAGS:
            continue
        text = text_of(el)
        if not 1 < len(text) <= 80 or in_link_list(el) or in_related_block(el):
            continue
        if chrome_ancestor(el, body) or in_site_header(el):
            continue
        return el
    return None


def find_category(doc: Doc) -> str | None:
    for key in ("article:section",):
        if doc.meta.get(key):
            return doc.meta[key]
    value = doc.jsonld_value("articleSection")
    if value:
        return value
    for el in doc.index.hints["category"]:
        hint = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("rel"))))
        if el.tag in SKIP_TAGS or not _CATEGORY_HINT.search(hint) or in_related_block(el):
            continue
        if chrome_ancestor(el) and not _BREADCRUMB.search(hint):
            continue
        if len(text_of(el)) > 150:     # a whole post marked "category-x", not a category label
            continue
        links = [clean(a.text_content()) for a in el.iter("a")] or [text_of(el)]
        names = [_CATEGORY_LABEL.sub("", n).strip(" »›>|/-") for n in links]
        names = [n for n in names if n and n.lower() not in _HOME and len(n) <= 60]
        if names:
            return names[-1] if _BREADCRUMB.search(hint) else names[0]
    return None


_BREADCRUMB = re.compile(r"breadcrumb|duong-?dan|path|crumb", re.I)
_CATEGORY_HINT = re.compile(r"breadcrumb|duong-?dan|crumb|categor|chuyen-?muc|cat-links|"
                            r"danh-?muc|\bcate\b|catname|cat-name|section-name|tieudechuyenmuc|"
                            r"^category tag$", re.I)
_CATEGORY_LABEL = re.compile(r"^\s*(?:chuyên mục|danh mục|thể loại|category)\s*[:：]?\s*", re.I)
_HOME = ("trang chủ", "home", "trang chu", "trang nhất")


_LEAD_HINT = re.compile(r"sapo|summary|tomtat|tom-tat|hometext|mo-ta|mota|description|lead|"
                        r"trich-dan|trichdan|intro|excerpt|abstract|teaser", re.I)


def find_summary(doc: Doc, body: etree._Element | None,
                 headline: etree._Element | None = None) -> etree._Element | None:
    """A separate lead element (sapo) outside the body container, between the headline and
    the body."""
    start = doc.position(headline) if headline is not None else -1
    end = doc.position(body) if body is not None else 1 << 30
    for el in doc.index.hints["lead"]:
        hint = (el.get("class") or "") + " " + (el.get("id") or "")
        if not _LEAD_HINT.search(hint) or in_link_list(el):
            continue
        if not start < doc.position(el) < end + 1 and not (body is not None and el in body):
            continue
        if body is not None and (el is body or body in el.iterancestors() or el in body.iterancestors()):
            continue
        text = text_of(el)
        if len(text.split()) >= 8:
            return el
    return None
