"""The engine: bytes of one page -> a Page (an article record and/or links).

One parse, one tree, handed to every field extractor. A profile's selectors are tried first,
field by field; the generic extractor fills whatever the profile leaves empty.
"""
from __future__ import annotations

import copy
import re
import threading
import unicodedata
from collections.abc import Mapping

from lxml import etree

from . import generic
from .dates import VN_TZ, ParsedDate, parse_vietnamese_datetime
from .decoding import decode_html
from .doc import RELATED_HEADING, Doc, in_related_block, page_scope
from .fields import (AUTHOR_LINE, BYLINE_LINE, SOURCE_LINE, UPLOADER_LINE, Counter, Signature,
                     author_of, byline_of, counter_of,
                     looks_like_name, source_of, split_signature, view_count_of)
from .listing import attachments_in, base_url, extract_listing, join_url
from .model import Article, Listing, Page
from .profile import Profile, load_profiles, profile_named
from .text import STRIP_MARK, Block, blocks, clean, right_aligned, text_content, text_of
from .urls import canonical_url, merge_rules

MAX_PAGE_BYTES = 8 * 1024 * 1024
GENERIC = "generic"

_BOILER = re.compile(
    r"^(?:bản in|in bài(?: viết)?|in trang|quay lại|trở về|trở lại|về đầu trang|lên đầu trang|"
    r"đầu trang|gửi email|gửi bài(?: viết)?|gửi cho bạn bè|chia sẻ|share|tweet|like|email|"
    r"xem tiếp|xem theo ngày|góp ý|phản hồi|bình luận|lưu bài|đánh giá|chia sẻ bài viết|"
    r"chia sẻ\s*[:：]|share this|chia sẻ bài viết này\s*[:：]?|"
    r"(?:bản in|quay lại|in bài|chia sẻ|gửi email|\|)(?:\s*\|?\s*(?:bản in|quay lại|in bài|"
    r"chia sẻ|gửi email|lên đầu trang))+)$", re.I)
_VIEW_LINE = re.compile(r"^(?:số lượt người xem|số lượt xem|lượt xem|lượt đọc|đã xem)\s*[:：]?\s*[\d.,]+"
                        r"(?:\s*(?:bản in|quay lại|\|))*", re.I)
_COUNTERISH = re.compile(r"^[\d.,\s]+$")


def parse_page(data: bytes, url: str, headers: Mapping[str, str] | None = None,
               profile: str | None = None) -> Page:
    """Parse one page. Never raises on bad input: what cannot be read becomes a warning.
    `profile` forces a profile by name ("generic" forces the generic extractor)."""
    warnings: list[str] = []
    if len(data) > MAX_PAGE_BYTES:
        warnings.append(f"page of {len(data)} bytes cut to {MAX_PAGE_BYTES} for parsing")
        data = data[:MAX_PAGE_BYTES]
    content_type = _header(headers, "content-type")
    decoded = decode_html(data, content_type)
    warnings.extend(decoded.warnings)
    forced = profile_named(profile) if profile and profile != GENERIC else None
    root = _parse_tree(decoded.text, warnings)
    if root is None:
        platform = forced.name if forced else GENERIC
        return Page(url, platform, "broken", _empty_article(url, platform, warnings),
                    Listing(url, platform), decoded.encoding, warnings)
    doc = Doc(root, url, decoded.text)
    with page_scope():
        chosen = forced if forced else (None if profile == GENERIC else detect_profile(doc))
        platform = chosen.name if chosen else GENERIC
        listing = extract_listing(root, url, chosen, platform)
        article = extract_article(doc, chosen, warnings)
    counter = Counter(article.visitor_counter, article.site_counters.get("online"),
                      article.site_counters.get("today"))
    listing.visitor_counter, listing.site_counters = counter.total, counter.as_dict()
    kind = "article" if _is_article(doc, chosen, article, listing) else "listing"
    return Page(url, platform, kind, article, listing, decoded.encoding, warnings)


def _header(headers: Mapping[str, str] | None, name: str) -> str | None:
    if not headers:
        return None
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


MAX_TAG_CHARS = 16 * 1024        # start tags longer than this are checked for attribute count
MAX_ATTRIBUTES = 1000            # on one start tag; real ones have a handful
MAX_ELEMENTS = 400_000           # tags per page; real portal pages have a few thousand
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,500}\?>", re.I)
_LONG_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]{0,40})\b[^<>]{%d,}>" % MAX_TAG_CHARS)


def _defused(text: str, warnings: list[str]) -> str:
    """The page without what makes libxml2 slow or refuse it: an XML declaration (lxml refuses a
    str that declares an encoding: the bytes were decoded already), start tags with thousands
    of attributes (libxml2 checks each new attribute against all earlier ones: quadratic), and
    tags beyond MAX_ELEMENTS. Each cut is a warning."""
    if text.lstrip()[:5].lower() == "<?xml":
        text = _XML_DECLARATION.sub("", text, count=1)
    if len(text) > MAX_TAG_CHARS and _LONG_TAG.search(text):
        count = 0

        def bare(match: re.Match[str]) -> str:
            nonlocal count
            if match.group(0).count("=") <= MAX_ATTRIBUTES:
                return match.group(0)     # one long value: an ASP.NET __VIEWSTATE, a data: URI
            count += 1
            return f"<{match.group(1)}>"
        text = _LONG_TAG.sub(bare, text)
        if count:
            warnings.append(f"{count} start tag(s) with more than {MAX_ATTRIBUTES} attributes lost "
                            "them (pathological markup)")
    if text.count("<") > MAX_ELEMENTS:
        cut, seen = 0, 0
        while seen < MAX_ELEMENTS:
            cut = text.index("<", cut) + 1
            seen += 1
        text = text[:cut - 1]
        warnings.append(f"page cut after {MAX_ELEMENTS} tags (pathological markup)")
    return text


def _parse_tree(text: str, warnings: list[str]) -> etree._Element | None:
    if not text.strip():
        warnings.append("empty page: no HTML to parse")
        return None
    text = _defused(text, warnings)
    parser = _parser()
    try:
        # plain lxml elements, not lxml.html's HtmlElement: the same tree, without a Python
        # class lookup for every element the extractors touch (walks run twice as fast)
        root = etree.fromstring(text, parser)
        if root is None:
            raise etree.ParserError("Document is empty")
    except (etree.ParserError, ValueError) as exc:
        warnings.append(f"not HTML: {exc}")
        return None
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        warnings.append("elements nested deeper than 256 levels: the HTML parser dropped what "
                        "follows the deepest part of the page")
    if root is None or len(root) == 0 and not (root.text or "").strip():
        warnings.append("not HTML: the document has no elements")
        return None
    return root


_PARSERS = threading.local()


def _parser() -> etree.HTMLParser:
    """One parser per thread (lxml parsers and their error logs are not shared across
    threads); huge_tree stays off, so nesting and text nodes keep libxml2's safety limits."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.HTMLParser(remove_comments=True, remove_pis=True,
                                                    huge_tree=False, default_doctype=False,
                                                    collect_ids=False)
    return parser


def _empty_article(url: str, platform: str, warnings: list[str]) -> Article:
    return Article(url=canonical_url(url), platform=platform, warnings=list(warnings))


def detect_profile(doc: Doc) -> Profile | None:
    """The profile whose generator, URL shapes and markup best match the page (score >= 2;
    on a tie the first by name). Profiles are scored most promising first: one whose generator,
    URL and every possible markup match could not beat the best found so far is not looked at
    (its markup selectors, the costly part, do not run)."""
    generator = doc.generator
    profiles = load_profiles()
    ranked = []
    for order, profile in enumerate(profiles):
        base = 3 * any(p.search(generator) for p in profile.generator) if generator else 0
        base += 1 * any(p.search(doc.url) for p in profile.url_patterns)
        markup = [sel for needle, sel in profile.markup if needle is None or needle in doc.source]
        ranked.append((base + 2 * len(markup), base, order, profile, markup))
    ranked.sort(key=lambda r: (-r[0], r[2]))
    best, best_score, best_order = None, 1, len(profiles)
    for potential, base, order, profile, markup in ranked:
        if potential < best_score or (potential == best_score and order > best_order):
            continue                   # cannot win, even with every selector matching
        score = base + 2 * sum(1 for selector in markup if selector(doc.root))
        if score > best_score or (score == best_score and score > 1 and order < best_order):
            best, best_score, best_order = profile, score, order
    return best


def url_rules():
    return merge_rules([p.urls for p in load_profiles()])


def extract_article(doc: Doc, profile: Profile | None, warnings: list[str]) -> Article:
    article = Article(url=canonical_url(doc.url, url_rules()),
                      platform=profile.name if profile else GENERIC, warnings=warnings)
    base = base_url(doc.root, doc.url)
    body_el = _first(doc, profile, "body", lambda el: el if len(text_of(el)) > 0 else None,
                     longest=True)
    parts: list[etree._Element] = []
    if body_el is None:
        body_el = generic.find_body(doc)
        parts = generic.body_parts(body_el) if body_el is not None else []
    headline_el = _first(doc, profile, "headline", lambda el: el if text_of(el) else None)
    if headline_el is not None:
        article.headline = text_of(headline_el)
    else:
        article.headline, headline_el = generic.find_headline(doc, body_el)
    article.category = _first(doc, profile, "category", lambda el: text_of(el) or None) \
        or generic.find_category(doc)
    published, date_el = _published(doc, profile, headline_el, body_el)
    if published is not None:
        article.published_at = _in_page_zone(published.value, doc, article.headline, body_el) \
            if published.value else None
        article.published_at_raw = published.raw
        article.published_precision = ("minute" if published.has_time else "day") \
            if published.value else None
        article.warnings.extend(published.warnings)
    summary_el = _first(doc, profile, "summary", lambda el: el if text_of(el) else None)
    if summary_el is None and body_el is not None:
        summary_el = generic.find_summary(doc, body_el, headline_el)
    article.view_count = _first(doc, profile, "view_count", view_count_of)
    if article.view_count is None:
        article.view_count = generic.find_view_count(doc, body_el)
    counter = _first(doc, profile, "visitor_counter", _counter_with_total)
    counter = counter or generic.find_counter(doc)
    article.visitor_counter, article.site_counters = counter.total, counter.as_dict()
    article.author = _first(doc, profile, "author", author_of)
    article.source = _first(doc, profile, "source", source_of)

    signature = Signature()
    if body_el is not None:
        first, *more = parts or [body_el]
        paragraphs, signature = body_paragraphs(first, profile, article.headline,
                                                article.published_at_raw, tuple(more))
        article.images = images_in(body_el, base) if not more else \
            list(dict.fromkeys(u for part in parts for u in images_in(part, base)))
        article.attachments = attachments_near(body_el, base)
    else:
        paragraphs = []
        article.warnings.append("body not found")
    summary = text_of(summary_el) if summary_el is not None else None
    lead = getattr(paragraphs, "lead", None) if profile is None else None
    if summary and paragraphs and clean(paragraphs[0]) != summary:
        paragraphs.insert(0, summary)
    article.summary = summary or lead or (paragraphs[0] if paragraphs else None)
    article.body = "\n\n".join(paragraphs) if paragraphs else None
    article.author = article.author or signature.author \
        or _labelled(doc, AUTHOR_LINE, body_el, author_of) \
        or _labelled(doc, BYLINE_LINE, body_el, byline_of) or _marked_author(doc, body_el) \
        or _labelled(doc, UPLOADER_LINE, body_el, byline_of) or _jsonld_author(doc)
    article.source = article.source or signature.source or _labelled(doc, SOURCE_LINE, body_el, source_of)
    if not article.headline:
        article.warnings.append("headline not found")
    if published is None or published.value is None:
        if published is None:
            article.warnings.append("publication date not found")
    return article


_VIETNAMESE_LETTERS = re.compile("[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def _in_page_zone(value, doc: Doc, headline: str | None, body_el) -> str:
    """The timestamp as ISO text. A Vietnamese page is expressed in the portals' own offset
    (UTC+07:00, what a page that prints no zone is assumed to mean); a page in another language
    keeps the offset it printed (converting it would shift the day it states)."""
    if value.utcoffset() == VN_TZ.utcoffset(None) or _is_vietnamese(doc, headline, body_el):
        return value.astimezone(VN_TZ).isoformat()
    return value.isoformat()


def _is_vietnamese(doc: Doc, headline: str | None, body_el) -> bool:
    lang = (doc.root.get("lang") or doc.root.get("xml:lang") or "").lower()
    if lang.startswith("vi"):
        return True
    sample = (headline or "") + " " + (text_of(body_el)[:400] if body_el is not None else "")
    return bool(_VIETNAMESE_LETTERS.search(sample))


def _counter_with_total(el: etree._Element) -> Counter | None:
    counter = counter_of(el)
    return counter if counter.total is not None else None


def _first(doc: Doc, profile: Profile | None, field: str, read, longest: bool = False):
    """Try the profile's selectors for `field` in order; the first that reads a value wins."""
    if profile is None:
        return None
    for selector in profile.selectors(field):
        matches = selector(doc.root)
        if longest and len(matches) > 1:
            matches = sorted(matches, key=lambda el: -len(text_of(el)))
        for el in matches:
            if isinstance(el, str):
                continue
            value = read(el)
            if value is not None:
                return value
    return None


def _published(doc: Doc, profile: Profile | None, headline_el, body_el) -> tuple[ParsedDate | None, object]:
    def read(el):
        if el.tag == "time" and el.get("datetime"):
            parsed = parse_vietnamese_datetime(el.get("datetime"))
            if parsed.value is not None:
                return parsed, el
        parsed = parse_vietnamese_datetime(text_of(el) or el.get("content") or el.get("datetime") or "")
        return (parsed, el) if parsed.value is not None or parsed.warnings else None

    found = _first(doc, profile, "published", read)
    if found is not None:
        return found
    return generic.find_published(doc, headline_el, body_el)


def _labelled(doc: Doc, pattern: re.Pattern[str], body_el, read) -> str | None:
    return generic.find_labelled(doc, pattern, body_el, read)


def _marked_author(doc: Doc, body_el) -> str | None:
    el = generic.find_author_element(doc, body_el)
    if el is None:
        return None
    return byline_of(el)


def _jsonld_author(doc: Doc) -> str | None:
    name = doc.jsonld_value("author")
    return name if name and looks_like_name(name) else None


def body_paragraphs(container: etree._Element, profile: Profile | None, headline: str | None,
                    date_raw: str | None, more: tuple[etree._Element, ...] = ()
                    ) -> tuple[list[str], Signature]:
    """The article text of `container` (and of the sibling containers `more` that continue it)
    as paragraphs, without chrome, related lists or the signature (returned separately)."""
    work = container
    if profile is not None and profile.strip:
        work = copy.deepcopy(container)
        for selector in profile.strip:
            for el in selector(work):
                if el is not work and isinstance(el.tag, str):
                    el.set(STRIP_MARK, "")       # skipped by blocks(), its tail kept: O(1)
    items = blocks(work)
    for part in more:
        items.extend(blocks(part))
    kept: list[Block] = []
    i = 0
    while i < len(items):
        block = items[i]
        text = block.text
        i += 1
        if RELATED_HEADING.match(text):
            resume = _text_after_related(items, i)
            if resume is None:
                break
            i = resume                 # a related box inside the article: the text goes on
            continue
        if _BOILER.match(text) or _VIEW_LINE.match(text) or _COUNTERISH.match(text):
            continue
        if profile is None and not _prose_seen(kept) and _page_furniture(block, headline, date_raw):
            continue
        if not kept and (text == headline or (date_raw and date_raw in text and len(text) < len(date_raw) + 40)):
            continue
        kept.append(block)
    kept = _drop_link_lists(kept)
    signature = Signature()
    if profile is None or profile.signature:
        kept, signature = _take_signature(kept)
    return Paragraphs(b.text for b in kept).leading(_first_prose(kept)), signature


class Paragraphs(list):
    """The body's paragraphs; `lead` is the one a summary defaults to (the first that is not
    an image caption)."""
    lead: str | None = None

    def leading(self, index: int) -> "Paragraphs":
        self.lead = self[index] if 0 <= index < len(self) else (self[0] if self else None)
        return self


def _first_prose(kept: list[Block]) -> int:
    for i, block in enumerate(kept[:4]):
        if not _is_caption(block):
            return i
    return 0


def _is_caption(block: Block) -> bool:
    """A photo's caption: a <figcaption>, or a short line right after (or around) an image."""
    el = block.element
    if el.tag == "figcaption":
        return True
    if len(block.text.split()) > 30:
        return False
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return (prev is not None and (prev.tag == "img" or next(prev.iter("img"), None) is not None)
            and not text_of(prev)) or (el.tag != "body" and next(el.iter("img"), None) is not None
                                        and len(text_of(el)) == len(block.text))


def _linky(block: Block) -> bool:
    return block.link_chars > 0.6 * len(block.text)


def _text_after_related(items: list[Block], start: int) -> int | None:
    """Where the article's text resumes after a related-news heading printed inside it (the
    heading's list of links skipped), or None when no prose follows: the article ended."""
    i = start
    while i < len(items) and (_linky(items[i]) or items[i].element.tag == "li"):
        i += 1
    if i == start or i >= len(items):
        return None
    nxt = items[i]
    if len(nxt.text) >= 80 and nxt.link_chars < 0.3 * len(nxt.text) \
            and not RELATED_HEADING.match(nxt.text) and nxt.element.tag not in ("li", "td", "th"):
        return i
    return None


def _prose_seen(kept: list[Block]) -> bool:
    return any(len(b.text) >= 80 for b in kept)


_CRUMB_SEPARATORS = re.compile(r"^[\s»›>/|\-–·:]*$")


def _page_furniture(block: Block, headline: str | None, date_raw: str | None) -> bool:
    """Before the first paragraph of a container the generic extractor chose: the headline
    again, the timestamp line, or a breadcrumb (links joined by separators)."""
    text = block.text
    if headline and text == headline:
        return True
    if date_raw and date_raw in text and len(text) < len(date_raw) + 40:
        return True
    if block.link_chars and len(text) < 200 and ("»" in text or "›" in text or " > " in text):
        rest = text
        for a in block.element.iter("a"):
            rest = rest.replace(clean(text_content(a)), "", 1)
        return bool(_CRUMB_SEPARATORS.match(rest))
    return False


def _drop_link_lists(kept: list[Block]) -> list[Block]:
    """Runs of two or more paragraphs that are mostly links are lists (related news, tags),
    not text; a single linked paragraph ("Tải về: ...") is the article's."""
    linky = [b.link_chars > 0.6 * len(b.text) and len(b.text) < 200
             and ":" not in b.text[:40] for b in kept]     # "File đính kèm: <a>…</a>" is text
    out: list[Block] = []
    i = 0
    while i < len(kept):
        j = i
        while j < len(kept) and linky[j]:
            j += 1
        if j - i >= 2:
            i = j                     # skip the whole run
        else:
            out.append(kept[i])
            i += 1
    return out


def _take_signature(kept: list[Block]) -> tuple[list[Block], Signature]:
    author = source = None
    for _ in range(3):
        if len(kept) < 2:
            break
        last = kept[-1]
        sig = split_signature(last.text)
        if sig is None and _office_signature(last):
            sig = Signature(author=last.text)
        if sig is None:
            break
        labelled = sig.source is not None or ":" in last.text or last.text.lower().startswith("theo")
        if not (labelled or last.emphasised or len(last.text.split()) <= 4):
            break
        if sig.author and author is None:
            author = sig.author
        elif sig.source and source is None:
            source = sig.source
        else:
            break
        if sig.source and sig.author:
            source = source or sig.source
        kept = kept[:-1]
    return kept, Signature(author, source)


def _office_signature(block: Block) -> bool:
    """A right-aligned, bold short line at the end of the text ('Văn phòng Sở', 'Ban Biên tập'):
    an office signing the article."""
    text = block.text
    return (block.emphasised and block.emphasis_chars >= len(text.replace(" ", "")) * 0.9
            and len(text.split()) <= 6 and text[:1].isupper() and not text.endswith((".", ":"))
            and not any(ch.isdigit() for ch in text) and right_aligned(block.element))


def attachments_near(body: etree._Element, base: str) -> list[str]:
    """Files linked from the body, or from an attachment box beside it ("Tệp đính kèm",
    "File đính kèm"): the body's siblings up to two levels up, never related lists."""
    found = attachments_in(body, base)
    seen = set(found)
    node = body
    for _ in range(2):
        parent = node.getparent()
        if parent is None:
            break
        for sibling in parent:
            if sibling is node or not isinstance(sibling.tag, str) or in_related_block(sibling, 1):
                continue
            for url in attachments_in(sibling, base):
                if url not in seen:
                    seen.add(url)
                    found.append(url)
        node = parent
    return found


_ICON = re.compile(r"icon|logo|spacer|blank|pixel|counter|/\d\.(?:png|gif)$|button|banner|"
                   r"emoticon|smiley|loading", re.I)


def images_in(container: etree._Element, base: str) -> list[str]:
    found: dict[str, None] = {}
    for img in container.iter("img"):
        src = (img.get("src") or img.get("data-src") or "").strip()
        if not src or src.startswith("data:") or _ICON.search(src):
            continue
        url = join_url(base, src)
        if url:
            found.setdefault(unicodedata.normalize("NFC", url))
    return list(found)


def _is_article(doc: Doc, profile: Profile | None, article: Article, listing: Listing) -> bool:
    if not article.headline or not article.body:
        return bool(profile and any(p.search(doc.url) for p in profile.article_url)
                    and (article.headline or article.body))
    if profile is not None:
        if any(p.search(doc.url) for p in profile.article_url):
            return True
        if any(p.search(doc.url) for p in profile.page_url + profile.listing_url):
            return False
    if article.published_at is None:
        return False                   # news articles carry a date; intro and contact pages do not
    if doc.meta.get("og:type") == "article" and len(article.body) > 150:
        return True
    return len(article.body) >= 250 and len(listing.article_links) < 40
