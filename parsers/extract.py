"""The engine: bytes of one page -> a Page (an article record and/or links).

One parse, one tree, handed to every field extractor. A profile's selectors are tried first,
field by field; the generic extractor fills whatever the profile leaves empty.
"""
from __future__ import annotations

import copy
import re
from itertools import islice
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from urllib.parse import urljoin

from lxml import etree

from . import generic, labels
from .dates import VN_TZ, ParsedDate, parse_vietnamese_datetime
from .dates import reset_caches as dates_caches_reset
from .decoding import decode_html
from .doc import HINT_CHARS, META_PART, RELATED_HEADING, Doc, in_link_list, in_related_block, page_scope
from .doc import reset_caches as doc_caches_reset
from .fields import reset_caches as fields_caches_reset
from .fields import (_CJK_NAME, credit_labelled, without_co_credits, _ROLE_ONLY, _UI_WORDS, KOREAN_DATELINE, AUTHOR_LABEL, AUTHOR_LINE, BYLINE_LABEL, BYLINE_LINE, ITEM_SEPARATOR,
                     BRACKETED_REPORTER, KOREAN_BYLINE, SOURCE_LINE, WRITER_CREDIT_LINE,
                     UPLOADER_LINE, Counter, Signature, author_link_name, author_of, byline_name, byline_of, cjk_reporter, byline_text, caseless_name, counter_of,
                     is_account, looks_like_name, site_account, source_after_byline, source_of, split_signature, tidy_author,
                     view_count_of, view_line)
from .labels import alternation
from .listing import attachments_in, base_url, extract_listing, join_url
from .listing import reset_caches as listing_caches_reset
from .model import Article, Listing, Page
from .profile import Profile, load_profiles, profile_named
from .text import (BLOCK_TAGS, add_class, STRIP_MARK, Block, blocks, clean, drop_tag, drop_tree, data_table_rows, emphasis_style, has_text, right_aligned, self_and_ancestors, text_content,
                   text_of, typed_paragraphs)
from .text import reset_caches as text_caches_reset
from .urls import canonical_url, merge_rules, on_vn_domain

MAX_PAGE_BYTES = 8 * 1024 * 1024
GENERIC = "generic"

_BOILER = re.compile(
    r"^(?:bản in|in bài(?: viết)?|in trang|in|quay lại|trở về|trở lại|về đầu trang|lên đầu trang|"
    r"đầu trang|gửi email|gửi bài(?: viết)?|gửi cho bạn bè|chia sẻ|share|tweet|like|email|"
    r"xem tiếp|xem thêm|đọc thêm|đọc tiếp|quảng cáo|xem theo ngày|góp ý|phản hồi|bình luận|lưu bài|đánh giá|"
    r"chia sẻ bài viết|"
    r"chia sẻ\s*[:：]|share this|chia sẻ bài viết này\s*[:：]?|"
    r"(?:bản in|quay lại|in bài|in trang|chia sẻ|gửi email|gửi bài|\|)(?:\s*\|?\s*(?:bản in|"
    r"quay lại|in bài|in trang|chia sẻ|gửi email|gửi bài|lưu bài|góp ý|lên đầu trang|"
    r"về đầu trang|trở về|trở lại))+)(?:\s*\|)?$", re.I)
_COPYRIGHT_LINE = re.compile(r"^\s*(?:[©ⓒ]|\(c\)\s|copyright\s*(?:[©ⓒ]|\(c\)|\d{4}|by\b)|bản quyền\s*(?:[©ⓒ]|thuộc))",
                             re.I)
# a print view's footer under the text: the article's address, when it was printed, its buttons
_PRINT_BUTTON = r"\[?\s*(?:" + alternation(labels.PRINT_BUTTONS) + r")\s*\]?"
_PRINT_FOOTER = re.compile(r"^(?:" + alternation(labels.PRINT_ADDRESS, labels.DATE_PRINTED) + r")\s*[:：]"
                           rf"|^{_PRINT_BUTTON}(?:\s*{_PRINT_BUTTON})*$", re.I)
# an attachment box's heading alone on its line, and one file line under it
_ATTACH_WORDS = (r"(?:(?:danh sách )?(?:file|tệp|tập tin|tài liệu|văn bản|tệp tin)\s+đính kèm|đính kèm|tải về|"
                 r"tải tệp|" + alternation(labels.ATTACHMENTS_WORLD) + r")")
_ATTACH_HEADING = re.compile(r"^" + _ATTACH_WORDS + r"\s*[:：]?$", re.I)
# the same heading with the files after it on its line
_ATTACH_INLINE = re.compile(r"^" + _ATTACH_WORDS + r"\s{0,3}[:：]\s{0,3}", re.I)
# a file's line: its name, its size in brackets ('(412 KB)', '(pdf, 412 KB)', '（PDF：2,345KB）')
_FILE_LINE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar|7z|txt|csv|jpe?g|png)\b"
                        r"|[(（]\s*(?:(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip)\s*[,:：、]\s*)?[\d.,]+\s*[KMG]i?B\s*[)）]"
                        r"|lượt tải|tải về|download"
                        # a download block's own lines ('Kích thước tệp: 245 kb', 'Loại tệp: pdf')
                        r"|^(?:kích thước|dung lượng|loại|định dạng)\s+(?:tệp|file|tập tin)\s*[:：]|^file\s+(?:size|type)\s*[:：]",
                        re.I)
# the notice under a list of PDF files that a reader is needed to open them
_READER_NOTICE = re.compile(r"adobe\s*(?:acrobat\s*)?reader|acrobat\s*reader|adobe\s*acrobat|adobe社", re.I)
_VIEW_LINE = re.compile(r"^(?:(?:số lượt người xem|số lượt xem|lượt xem|lượt đọc|đã xem)\s*[:：]?\s*[\d.,]+"
                        r"(?:\s*(?:bản in|quay lại|\|))*|[\d.,]{1,15}\s{0,3}(?:lượt xem|lượt đọc|lần xem|lần đọc)$)", re.I)
# a WordPress shortcode left raw in a post imported as HTML ('[caption id="attachment_4620"
# align="aligncenter" width="600"]…[/caption]'): markup, not text
_SHORTCODE = re.compile(r"\[(embed|video|audio)(?:\s[^\[\]]{0,300})?\]\s*https?://[^\s\[\]]{1,500}\s*\[/\1\]"
                        r"|\[/?(?:caption|wp_caption|gallery|embed|video|audio|playlist)(?:\s[^\[\]]{0,300})?\]")
# a bullet typed before a list item's text (a block editor's '• item', Word's Symbol-font '·'
# pasted with its list, no <li>): not a word of it
_TYPED_BULLET = re.compile(r"^(?:[•●▪◦·]\s+|[•●▪◦](?=[^\W\d_]))(?=\S)")
# a view count's label whose number is drawn by a counter picture ('Số lần đọc: <img
# src="_vti_bin/fpcount.exe/…">', FrontPage's hit counter)
_VIEW_LABEL_ALONE = re.compile(r"^\s{0,3}(?:" + alternation(labels.VIEWS) + r")\s{0,3}[:：]\s{0,3}$", re.I)
# a view count qualified before its number ('Lượt xem trên trang cũ: 2,315', a post imported with
# the old site's counter)
_VIEW_QUALIFIED = re.compile(r"^\s{0,3}(?:" + alternation(labels.VIEWS) + r")\s[^\d:：.!?]{1,30}[:：]\s{0,3}"
                             r"\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})*\s{0,3}$", re.I)
# a rating widget's line under the text ('Đánh giá: 4,5/5 (12 lượt đánh giá)', 'Tổng số điểm của bài
# viết là: 18 trong 4 đánh giá')
_RATING_LINE = re.compile(r"^(?:(?:đánh giá|bình chọn|xếp hạng)(?:\s(?:bài viết|bài|tin|tin bài|nội dung))?\s{0,3}[:：]?\s{0,3}[\d.,]{1,5}\s{0,3}(?:/\s{0,3}\d{1,3}|sao\b)"
                          # (behind the widget's title: 'Đánh giá bài viết Tổng số điểm là: 23 trong 5 đánh giá')
                          r"|(?:đánh giá(?:\s(?:bài viết|bài|tin|tin bài|nội dung))?\s{0,3}[:：]?\s{0,3})?"
                          r"tổng số điểm\b.{0,60}\bđánh giá)", re.I)
# a line of the article's own counts and nothing else ('Đã xem: 215 lần | Đã in: 0 lần | Đã gửi
# email: 0 lần', 'Lượt in: 3'), and a rating widget's prompt ('Click để đánh giá bài viết')
_COUNTS_LINE = re.compile(r"^(?:(?:đã xem|đã in|đã gửi(?: email| mail| e-mail)?|đã tải|lượt xem|lượt in|lượt gửi|"
                          r"lượt đọc|lượt tải|lượt chia sẻ|lượt thích|số lần xem|số lần in|số lượt xem|thích|bình luận)"
                          r"\s{0,3}[:：(]?\s{0,3}[\d.,]{1,12}\)?(?:\s{0,3}lần)?\s{0,3}(?:[|;·]\s{0,3})?){1,6}$"
                          # a like button's count ('Thích (45)', '45 lượt thích')
                          r"|^[\d.,]{1,12}\s{0,3}(?:lượt thích|người thích|lượt bình luận|bình luận)$", re.I)
_RATE_PROMPT = re.compile(r"^(?:click|bấm|nhấn|nhấp)(?: chuột)?(?: vào(?: đây)?)? để (?:đánh giá|bình chọn)"
                          r"(?: bài viết| bài| tin| tin bài)?\.?$", re.I)
# a tags line ('Từ khóa: <a>y học cổ truyền</a>, <a>châm cứu</a>'): the CMS's, not the text
_KEYWORDS_LINE = re.compile(r"^(?:" + alternation(labels.TAGS, labels.TOPICS) + r"|thẻ)\s{0,3}[:：]\s{0,3}", re.I)
# a reader's call closing the text: send us your tip, tell us of an error (with an address or a link)
_TIP_CALL = re.compile(r"^\W{0,3}(?:" + alternation(labels.TIP_CALL) + r")\b[^.!]{0,40}[?¿]", re.I)
_COUNTERISH = re.compile(r"^[\d.,\s]+$")
_SOURCE_CELL = re.compile(r"^(?:" + alternation(labels.SOURCE) + r")\s*[:：]?$", re.I)
_AUTHOR_CELL = re.compile(r"^\s*(?:" + alternation(labels.AUTHOR_CELL) + r")\s*[:：]?\s*$", re.I)
# an archive's notice ("Lưu ý: Đây là nội dung lưu trữ từ ... (cũ)"): the archive's, not the article's
# a repost's note, and the heading of the box of its original's details with the lines under it
# ('Thông tin bài gốc' / 'Nguồn: …' / 'Ngày đăng gốc: …' / 'Địa chỉ gốc: http://…')
_REPOST_NOTE = re.compile(r"^\(?\s*(?:(?:bài viết|bài|tin bài|tin|nội dung|this (?:article|story))\s+)?(?:"
                          + alternation(labels.REPOSTED_FROM) + r")\s|^(?:" + alternation(labels.DATE_ORIGINAL)
                          + r")\s*[:：]", re.I)
_ORIGINAL_BOX = re.compile(r"^(?:" + alternation(labels.ORIGINAL_BOX) + r")\s*[:：]?$", re.I)
_FIELD_LINE = re.compile(r"^[^\W\d_][\w ]{1,30}[:：]\s*\S")
_ARCHIVE_NOTICE = re.compile(r"^(?:(?:lưu ý|chú ý|thông báo|ghi chú)\s*[:：]\s*)?(?:đây là |trang này là |bài viết này là )?"
                             r"(?:nội dung|thông tin|bài viết|tin bài|trang)(?: được)? lưu trữ\b", re.I)
# a share bar: "Chia sẻ Facebook Chia sẻ Zalo", "Share: Facebook | Twitter | Email"
_SHARE_WORDS = frozenset({"chia", "sẻ", "share", "lên", "qua", "on", "via", "facebook", "zalo", "twitter",
                          "x", "linkedin", "email", "e-mail", "messenger", "telegram", "pinterest",
                          "google+", "reddit", "whatsapp", "viber", "tweet", "like", "in", "bài", "gửi",
                          "|", "·", "•", "-", "/"})
_NETWORKS = frozenset({"facebook", "zalo", "twitter", "linkedin", "messenger", "telegram", "pinterest",
                       "reddit", "whatsapp", "viber"})
# one line of an article-info block: its "Details" term, or a labelled category, date, hits or
# writer line
_META_LINE = re.compile(
    r"^(?:chi tiết|details|(?:" + alternation(labels.CATEGORY, labels.PUBLISHED, labels.DATE_PUBLISHED, labels.UPDATED, labels.VISITS,
                                           labels.VIEWS, labels.AUTHOR, labels.UPLOADER, labels.ARTICLE_INFO,
                                           labels.BROADCAST)
    + r")(?:\s*[:：]\s*|\s+)\S.{0,80}"
    # the source's labelled line over the text ('Nguồn tin: Báo Lâm Đồng' above the lead)
    + r"|(?:" + alternation(labels.SOURCE) + r")\s*[:：]\s*\S.{0,80})$", re.I)

# an article-info line under (or over) the text, in any language: items that are each a label and its
# value ('Дата публикации: 02.04.2024 10:15 · Дата изменения: … · Просмотров: 842', 'Stand: 16.02.2024',
# 'Қаралды: 318', 'Источник: пресс-служба …'), a bare date, or a byline ('28 maart 2024 · Door: X')
_INFO_ITEM = re.compile(r"^(?:" + alternation(labels.DATE_PUBLISHED, labels.DATE_UPDATED, labels.DATE_CREATED,
                                              labels.VIEWS_WORLD, labels.SOURCE_WORLD, labels.AS_OF)
                        + r")\s*[:：՝]\s*\S", re.I)


def _info_line(text: str) -> bool:
    if len(text) > 160:
        return False
    items = ITEM_SEPARATOR.split(text)
    names = dated = 0
    for item in items:
        if _INFO_ITEM.match(item) or byline_name(item, labelled_only=True):
            continue
        if generic.RELATIVE_TIME.match(item):
            dated += 1
            continue
        parsed = parse_vietnamese_datetime(item)
        if parsed.value is not None and len(item) <= len(parsed.raw) + 8:
            dated += 1
        elif len(item.split()) <= 4 and _BARE_NAME.match(item):
            names += 1                 # 'Elif Kaya | 3 saat önce': a writer's name beside the date
        else:
            return False
    return not names or (dated > 0 and names == 1)


# a name printed bare beside a date on an article-info line: one to four words, no digits, no
# sentence punctuation
_BARE_NAME = re.compile(r"^[^\W\d_][^\d.,;:!?()\[\]\"“”]{0,38}$")
_HASHTAGS = re.compile(r"^#[^\s#]*[^\W\d_][^\s#]*(?:\s+#[^\s#]*[^\W\d_][^\s#]*)*$")
_OPEN_IN_APP = re.compile(r"(?:^|\W)(?:" + alternation(labels.OPEN_IN_APP) + r")(?:$|\W)", re.I)


def parse_page(data: bytes, url: str, headers: Mapping[str, str] | None = None,
               profile: str | None = None, *, quick_listings: bool = False,
               links: bool = True) -> Page:
    """Parse one page. Never raises on bad input: what cannot be read becomes a warning.
    `profile` forces a profile by name ("generic" forces the generic extractor).
    `links=False`: the caller wants the article record only (`govnews.extract`), so the page's
    links are listed only where they decide whether it is an article at all (a dated generic
    page's count of article links) or for a page that is not one (its warning counts them);
    else `listing` is empty. The article and the kind are the same either way.
    `quick_listings`: a page the profile's URL rules name a listing, and that shows links, is
    read for its links and the site's counters only (its `article` holds nothing else): what
    a crawl and a reparse take from a listing page, at a fraction of the cost of its
    article fields (half of a crawl's pages are listings)."""
    warnings: list[str] = []
    if len(data) > MAX_PAGE_BYTES:
        warnings.append(f"page of {len(data)} bytes cut to {MAX_PAGE_BYTES} for parsing")
        data = data[:MAX_PAGE_BYTES]
    content_type = _header(headers, "content-type")
    decoded = decode_html(data, content_type)
    warnings.extend(decoded.warnings)
    forced = profile_named(profile) if profile and profile != GENERIC else None
    root = _parse_tree(decoded.text, warnings, decoded.utf8, archived="archive.org/" in url)
    if root is None:
        platform = forced.name if forced else GENERIC
        return Page(url, platform, "broken", _empty_article(url, platform, warnings),
                    Listing(url, platform), decoded.encoding, warnings)
    if "shadowrootmode" in decoded.text:
        _lift_components(root)
    if 'id="HEADER"' in decoded.text:
        _unwrap_capture(root)
    if "<sup" in decoded.text:
        _drop_note_marks(root)
    if "<rt" in decoded.text:
        _drop_readings(root)
    if "<details" in decoded.text:
        _drop_other_language_originals(root)
    if "data-url=" in decoded.text or "data-href=" in decoded.text or "data-permalink=" in decoded.text:
        _drop_preloaded_articles(root, url)
    doc = Doc(root, url, decoded.text)
    with page_scope():
        chosen = forced if forced else (None if profile == GENERIC else detect_profile(doc))
        platform = chosen.name if chosen else GENERIC
        listed: list[Listing] = []

        def listing() -> Listing:
            if not listed:
                listed.append(extract_listing(root, url, chosen, platform))
            return listed[0]
        if links:
            listing()                  # (listed before the article, as it always was)
        quick = quick_listings and _listing_by_url(chosen, url) and _shows_links(listing())
        article = _counters_only(doc, chosen, warnings) if quick \
            else extract_article(doc, chosen, warnings)
        kind = "listing" if quick or not _is_article(doc, chosen, article, listing) else "article"
        if kind != "article":
            listing()
    found = listed[0] if listed else Listing(url, platform)
    warnings.extend(w for w in found.warnings if w not in warnings)   # (a link dump cut short)
    counter = Counter(article.visitor_counter, article.site_counters.get("online"),
                      article.site_counters.get("today"))
    found.visitor_counter, found.site_counters = counter.total, counter.as_dict()
    return Page(url, platform, kind, article, found, decoded.encoding, warnings)


_OWN_ADDRESS_ATTRS = ("data-url", "data-href", "data-permalink")


def _drop_preloaded_articles(root: etree._Element, url: str) -> None:
    """An endless-scroll page's other stories (the next article loaded under this one, each
    in a block of its own with its <h1> and its address in a data attribute): only the block
    whose address is the page's (canonical_url: the same article however spelled) is its
    article; the others are dropped. Nothing changes when no block names the page's address."""
    own = canonical_url(url)
    for attr in _OWN_ADDRESS_ATTRS:
        for block in list(islice(root.iterfind(f".//*[@{attr}]"), 200)):
            if _canonical_or_none(urljoin(url, block.get(attr) or "")) != own or next(block.iter("h1"), None) is None:
                continue
            parent = block.getparent()
            others = [b for b in parent if b is not block and isinstance(b.tag, str) and b.get(attr)
                      and next(b.iter("h1"), None) is not None] if parent is not None else []
            for other in others:
                drop_tree(other)
            if others:
                return


def _canonical_or_none(url: str) -> str | None:
    try:
        return canonical_url(url)
    except ValueError:
        return None


def _drop_other_language_originals(root: etree._Element) -> None:
    """A translated story's original, folded away in a <details> in another language than the
    page's ('<details lang="es"><summary>Leia o texto original em espanhol</summary>…'): the same
    story again, not the text (a reader opens it on purpose)."""
    page = _primary_language(root.get("lang"))
    if not page:
        return
    for box in list(islice(root.iter("details"), 50)):
        if box.get("open") is not None or box.getparent() is None:
            continue
        inner = box.get("lang") or next((el.get("lang") for el in box.iter() if el.get("lang")), None)
        lang = _primary_language(inner)
        if lang and lang != page and len(text_content(box)) >= 200:
            drop_tree(box)


def _primary_language(tag: str | None) -> str | None:
    return tag.split("-")[0].split("_")[0].strip().lower() or None if tag else None


def _drop_readings(root: etree._Element) -> None:
    """The text without its ruby readings ('<ruby>予防接種<rp>(</rp><rt>よぼうせっしゅ</rt><rp>)</rp></ruby>'):
    a furigana reading or its fallback brackets are printed over or beside the word, not words of
    the text; the word (bare, or in its <rb>) then joins the line's text, as shown."""
    for el in list(root.iter("rt", "rp")):
        if el.getparent() is not None and el.getparent().tag == "ruby":
            drop_tree(el)
    for ruby in list(root.iter("ruby")):
        if all(child.tag == "rb" for child in ruby):
            for rb in list(ruby):
                drop_tag(rb)
            drop_tag(ruby)


_NOTE_MARK = re.compile(r"^[\[(]?(?:\d{1,3}|[*†‡§a-z])[\])]?$")


def _drop_note_marks(root: etree._Element) -> None:
    """The text without its footnote marks ('… admitted to hospital.<sup><a href="#fn-2">2</a></sup>'):
    a superscript that only links a note of the page is no word of the text (a '<sup>2</sup>' of
    'm²' links nothing and stays)."""
    for sup in list(root.iter("sup")):
        link = sup[0] if len(sup) == 1 else None
        if link is None or link.tag != "a" or not (link.get("href") or "").startswith("#") \
                or (sup.text or "").strip() or (link.tail or "").strip() \
                or not _NOTE_MARK.match((link.text or "").strip()) or len(link):
            continue
        drop_tree(sup)                 # (its tail stays where the mark stood)


_CAPTURE_HEADER = etree.XPath('//body//div[@id="HEADER"][.//input or .//table]')
_CAPTURE_DATES = etree.XPath('//meta[@property="article:published_time" or @property="article:modified_time"'
                             ' or @itemprop="datePublished" or @itemprop="dateModified"]')


def _unwrap_capture(root: etree._Element) -> None:
    """An archive.today capture ('<div id="HEADER">… webpage capture … Saved from [the original's
    address] … 16 May 2025 22:03:51 UTC</div>', then the page flattened into styled <div>s): the
    page without the archive's header, whose capture time is no date of the article, nor are
    the article:published_time and datePublished the archive writes with it."""
    for header in _CAPTURE_HEADER(root):
        text = "".join(header.itertext()).lower()
        if "webpage capture" not in text and "saved from" not in text:
            continue
        parent = header.getparent()
        if parent is None:
            continue
        parent.remove(header)          # (its tail: none worth keeping)
        for meta in _CAPTURE_DATES(root):
            meta.getparent().remove(meta)
        return


# a split article's page mark after its headline ('… người Mường (Trang 1/2)', '(Page 2 of 3)'):
# where the reader is, not the title
_PAGE_MARK = re.compile(r"[(\[]\s*(?:trang|phần|page|part|teil|seite|partie|parte|strona|часть)\s+\d{1,3}\s*"
                        r"(?:/|trên|of|von|sur|de|di|z|из)\s*\d{1,3}\s*[)\]]$", re.I)


_MAX_COMPONENTS = 5000      # shadow roots and components looked at, at most (a page has dozens)
_LOOKED_INTO = 200          # a host's descendants looked at for a block


def _lift_components(root: etree._Element) -> None:
    """A page of web components with declarative shadow roots ('<text-block><template
    shadowrootmode="open"><style>…</style><slot></slot></template>The text…</text-block>'): each
    host is read as the element it is shown as: a heading where its role says so
    (role="heading" aria-level="1": an <h1>), a paragraph where it holds no block, else a block.
    Its template holds the component's styles and slots, not text, and goes."""
    lifted = False
    for template in list(islice(root.iter("template"), _MAX_COMPONENTS)):
        host = template.getparent()
        if template.get("shadowrootmode") is None or host is None or "-" not in host.tag \
                or not _styles_and_slots(template):
            continue                   # (a shadow root that renders text of its own, Lit's
            #                            '· Publié le 14 mars 2023': read as it stands)
        lifted = True
        drop_tree(template)            # (the host's text after its shadow root stays)
        _keep_name(host)
        if host.get("role") == "heading":
            level = host.get("aria-level") or "2"
            host.tag = f"h{level}" if level in ("1", "2", "3", "4", "5", "6") else "h2"
        elif any(isinstance(d.tag, str) and (d.tag in BLOCK_TAGS or d.find("template") is not None)
                 for d in islice(host.iterdescendants(), _LOOKED_INTO)):
            host.tag = "div"
        else:
            host.tag = "p"
    # the components around them that hold blocks (<story-body>), and those that stand among
    # blocks (<story-standfirst> between the header's heading and its meta) are blocks too; one
    # with an address is a link
    if not lifted:
        return
    custom = [el for el in root.iter() if isinstance(el.tag, str) and "-" in el.tag][:_MAX_COMPONENTS]
    for el in reversed(custom):        # (innermost first)
        if any(child.tag in BLOCK_TAGS for child in el):
            _keep_name(el)
            el.tag = "div"
    holds_blocks: dict[etree._Element, int] = {}   # (each parent's block children, counted once)
    for el in custom:
        if "-" not in el.tag:
            continue
        parent = el.getparent()
        if el.get("href"):
            _keep_name(el)
            el.tag = "a"               # a link component (<story-card href=…>, <author-chip href=…>)
        elif parent is not None:
            if parent not in holds_blocks:
                holds_blocks[parent] = sum(1 for sib in parent if sib.tag in BLOCK_TAGS)
            if holds_blocks[parent]:
                _keep_name(el)
                el.tag = "div"


def _styles_and_slots(template: etree._Element) -> bool:
    """A shadow root that only styles and places the host's own content: <style>, <link> and
    <slot>s, no text."""
    if (template.text or "").strip():
        return False
    for child in template:
        if isinstance(child.tag, str) and child.tag not in ("style", "slot", "link"):
            return False
        if (child.tail or "").strip():
            return False
    return True


def _keep_name(el: etree._Element) -> None:
    """The component's name kept as a class (what it is: 'pull-quote', 'story-card', 'ad-slot'),
    read as the classes of any other block are."""
    if "-" in el.tag:
        add_class(el, el.tag, first=True)


def _listing_by_url(profile: Profile | None, url: str) -> bool:
    """Whether the profile's URL rules alone make the page a listing, whatever it shows (as
    `_is_article` decides for a profiled page)."""
    return profile is not None and not any(p.search(url) for p in profile.article_url) \
        and any(p.search(url) for p in profile.page_url + profile.listing_url)


def _shows_links(listing: Listing) -> bool:
    return bool(listing.article_links or listing.page_links or listing.other_links)


def _counters_only(doc: Doc, profile: Profile | None, warnings: list[str]) -> Article:
    """A listing page's article: the site's visitor counters, read as `extract_article` reads
    them, and nothing else."""
    article = Article(url=canonical_url(doc.url, url_rules()),
                      platform=profile.name if profile else GENERIC, warnings=warnings)
    counter = _site_counter(doc, profile)
    article.visitor_counter, article.site_counters = counter.total, counter.as_dict()
    return article


def _site_counter(doc: Doc, profile: Profile | None) -> Counter:
    """The profile's counter, else the one the generic finder sees; an old portal's counter kept
    frozen beside the serving site's (`generic.frozen_counter`) only when there is no other."""
    frozen: list[Counter] = []

    def live(el: etree._Element) -> Counter | None:
        counter = _counter_with_total(el)
        if counter is not None and generic.frozen_counter(el):
            frozen.append(counter)
            return None
        return counter
    found = _first(doc, profile, "visitor_counter", live) or generic.find_counter(doc)
    found = found if found.total is not None or not frozen else frozen[0]
    if found.total == 0:
        # a counter counts the visit that draws it: one drawn as zeros is a module that failed
        # (a cache warning over '00000000'), not a count
        found = replace(found, total=None)
    return found


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
MAX_BARE_SCAN = 256 * 1024       # pages longer than this are searched for tags of bare attributes
_QUOTED_VALUE = re.compile(r'"[^"]*"|\'[^\']*\'')
_SUPPORT_LISTS = re.compile(r"<!--\[if !supportLists\]-->.{0,600}?<!--\[endif\]-->", re.S)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,500}\?>", re.I)
_LONG_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]{0,40})\b[^<>]{%d,}>" % MAX_TAG_CHARS)


def _defused(text: str, warnings: list[str], archived: bool = False) -> str:
    """The page without what makes libxml2 slow or refuse it: an XML declaration (lxml refuses a
    str that declares an encoding: the bytes were decoded already), start tags with thousands
    of attributes (libxml2 checks each new attribute against all earlier ones: quadratic), and
    tags beyond MAX_ELEMENTS. Each cut is a warning."""
    if text[:1] == "<" and text[1:2] != "?":
        pass                           # the usual page: no XML declaration to look for
    elif text.lstrip()[:5].lower() == "<?xml":
        text = _XML_DECLARATION.sub("", text, count=1)
    if (archived or "archive.org" in text[:4096]) and "WAYBACK TOOLBAR INSERT" in text:
        text = _without_toolbar(text)  # (a capture's URL, or the archive's scripts opening its <head>)
    if "supportLists" in text:
        # the bullet Word pastes for a list item inside its conditional comments ('-', '·', '1.'
        # and spaces): the list's marker, not the item's text
        text = _SUPPORT_LISTS.sub("", text)
    # (a page with no more '=' than one tag may have attributes holds no such tag: a C count
    # spares most long pages the tag search; attributes without values ('<span a0 a1 a2 …>')
    # need no '=': a page over MAX_BARE_SCAN characters is searched whatever its count)
    if len(text) > MAX_TAG_CHARS and (text.count("=") > MAX_ATTRIBUTES or len(text) > MAX_BARE_SCAN) \
            and _LONG_TAG.search(text):
        count = 0

        def bare(match: re.Match[str]) -> str:
            nonlocal count
            tag = match.group(0)
            if tag.count("=") <= MAX_ATTRIBUTES and _QUOTED_VALUE.sub("", tag).count(" ") <= MAX_ATTRIBUTES:
                return tag                # one long value: an ASP.NET __VIEWSTATE, a data: URI, a
                #                           React component's props (spaces inside quotes)
            count += 1
            return f"<{match.group(1)}>"
        text = _LONG_TAG.sub(bare, text)
        if count:
            warnings.append(f"{count} start tag(s) with more than {MAX_ATTRIBUTES} attributes lost "
                            "them (pathological markup)")
    if len(text) > MAX_ELEMENTS and text.count("<") > MAX_ELEMENTS:   # (no more '<' than characters)
        cut, seen = 0, 0
        while seen < MAX_ELEMENTS:
            cut = text.index("<", cut) + 1
            seen += 1
        text = text[:cut - 1]
        warnings.append(f"page cut after {MAX_ELEMENTS} tags (pathological markup)")
    return text


_TOOLBAR = ("<!-- BEGIN WAYBACK TOOLBAR INSERT -->", "<!-- END WAYBACK TOOLBAR INSERT -->")


def _without_toolbar(text: str) -> str:
    """A Wayback Machine capture without the toolbar the archive inserts at the top of its body
    (the capture's calendar and its dates; a hidden <div> whose end tag the page's own markup can
    swallow, hiding the whole page inside it)."""
    begin, end = _TOOLBAR
    start = text.find(begin)
    stop = text.find(end, start) if start >= 0 else -1
    return text[:start] + text[stop + len(end):] if stop >= 0 else text


def _parse_tree(text: str, warnings: list[str], utf8: bytes | None = None,
                archived: bool = False) -> etree._Element | None:
    """The page's tree. `utf8`: the page's bytes when `text` is exactly their UTF-8 reading;
    the parser then reads them as they are (the same tree, without handing libxml2 the text
    re-encoded) unless the page needs defusing."""
    if not text or text.isspace():
        warnings.append("empty page: no HTML to parse")
        return None
    defused = _defused(text, warnings, archived)
    defused = _without_early_ends(defused)
    if defused is not text:
        utf8 = None
    try:
        # plain lxml elements, not lxml.html's HtmlElement: the same tree, without a Python
        # class lookup for every element the extractors touch (walks run twice as fast)
        if utf8 is not None:
            parser = _parser(utf8=True)
            root = etree.fromstring(utf8, parser)
        else:
            parser = _parser()
            root = etree.fromstring(defused, parser)
        if root is None:
            raise etree.ParserError("Document is empty")
    except (etree.ParserError, ValueError) as exc:
        warnings.append(f"not HTML: {exc}")
        return None
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        flat = _flattened(defused)
        reparsed = None
        if flat is not defused:        # runs of one wrapper nested in itself, read as one
            try:
                parser = _parser()
                reparsed = etree.fromstring(flat, parser)
            except (etree.ParserError, ValueError):
                reparsed = None
        if reparsed is not None:
            root = reparsed
            warnings.append("runs of the same element nested in itself hundreds of times deep "
                            "were read as one element each")
        if reparsed is None or any("Excessive depth" in entry.message for entry in parser.error_log):
            warnings.append("elements nested deeper than 256 levels: the HTML parser dropped what "
                            "follows the deepest part of the page")
    if root is None or len(root) == 0 and not (root.text or "").strip():
        warnings.append("not HTML: the document has no elements")
        return None
    _into_body(root)
    _rows_out_of_cells(root)
    if "<noscript" in text or "<NOSCRIPT" in text:
        _noscript_text(root, text)
    if "srcdoc" in text:
        _srcdoc_text(root)
    return root


_SRCDOC_FRAMES = 4                     # <iframe srcdoc> documents read into the page, at most
_SRCDOC_MAX = 2_000_000                # characters of one, at most


def _srcdoc_text(root: etree._Element) -> None:
    """An article printed inside an <iframe srcdoc="…"> (a CMS that frames its editor's HTML):
    the document is in the response and the browser draws it, so its body is read in the
    iframe's place, as a <div>."""
    frames = [f for f in islice(root.iter("iframe"), 16) if len(f.get("srcdoc") or "") >= 200][:_SRCDOC_FRAMES]
    for frame in frames:
        source = frame.get("srcdoc")
        if len(source) > _SRCDOC_MAX:
            continue
        try:
            inner = etree.fromstring(source, _parser())
        except (etree.ParserError, ValueError):
            continue
        body = inner.find("body") if inner is not None else None
        if body is None or not "".join(body.itertext()).strip():
            continue
        framed = etree.Element("div", {"class": "srcdoc-text"})
        framed.text = body.text
        for child in list(body):
            framed.append(child)
        framed.tail = frame.tail
        parent = frame.getparent()
        if parent is not None:
            parent.replace(frame, framed)


# a run of 32 or more start tags of one element with nothing between them, and of its end tags:
# wrappers nested in themselves, which add nothing but depth (libxml2 stops at 256 levels)
_OPEN_RUN = re.compile(r"(<([a-zA-Z][a-zA-Z0-9]{0,10})\b[^<>]{0,200}>)\s*(?:<\2\b[^<>]{0,200}>\s*){31,}")
_CLOSE_RUN = re.compile(r"(</([a-zA-Z][a-zA-Z0-9]{0,10})\s*>)\s*(?:</\2\s*>\s*){31,}")


def _flattened(text: str) -> str:
    """`text` with each run of a wrapper nested in itself (`_OPEN_RUN`, `_CLOSE_RUN`) written as
    one start and one end tag; `text` itself when it holds none."""
    flat = _CLOSE_RUN.sub(r"\1", _OPEN_RUN.sub(r"\1", text))
    return text if flat == text else flat


_LOADING = re.compile(r"^(?:đang tải|loading|chargement|cargando|carregando|caricamento|wird geladen|laden)\b.{0,30}$",
                      re.I)
_LOADING_CLASS = re.compile(r"spinner|loading|loader|placeholder", re.I)


_NOSCRIPT_BLOCKS = generic.NOSCRIPT_BLOCKS   # <noscript> blocks looked at, at most (each costs a scan of the page)


def _noscript_text(root: etree._Element, source: str) -> None:
    """An article a lazy-loading theme prints only inside <noscript> (a spinner 'Đang tải nội
    dung...' where scripts would draw it): read as the page's text, the <noscript> becoming a
    <div>, unless its first paragraph is printed elsewhere too (a copy for readers without
    scripts of what the page shows anyway)."""
    for block in list(islice(root.iter("noscript"), _NOSCRIPT_BLOCKS)):
        paragraphs = [p for p in block.iter("p", "li") if len(text_of(p)) >= 20]
        if len(paragraphs) < 2 or len(text_of(block)) < 150 or \
                len(text_of(block)) < 400 and "javascript" in text_of(block).lower():
            continue                   # a tracking pixel, an 'enable JavaScript' notice ('Trình duyệt của
            #                            bạn đã tắt chức năng hỗ trợ JavaScript. …')
        first = (paragraphs[0].text or "").strip()[:40]
        if first and source.count(first) > 1:
            continue
        block.tag = "div"
        add_class(block, "noscript-text")
        prev = block.getprevious()
        if prev is not None and isinstance(prev.tag, str) and len(text_of(prev)) <= 40 and (
                _LOADING.match(text_of(prev)) or _LOADING_CLASS.search(prev.get("class") or "")):
            prev.set(STRIP_MARK, "")   # the spinner the script would have replaced


def _without_early_ends(text: str) -> str:
    """The page without the </body> and </html> tags that markup follows: libxml2 stops reading
    at the first </html> and closes every element at a </body>, where a browser ignores both and
    reads on in the element still open: an old template's counter table printed after the page's
    end, a Word document pasted into the article with its own '</body></html>' in the middle of
    the text. Six plain scans; the page itself when nothing follows its last end tag."""
    last_tag = text.rfind("<")
    cuts = []
    for spelling in ("</html>", "</HTML>", "</Html>", "</body>", "</BODY>", "</Body>"):
        at = text.find(spelling)
        while 0 <= at < last_tag:
            cuts.append((at, len(spelling)))
            at = text.find(spelling, at + len(spelling))
    if not cuts:
        return text
    cuts.sort()
    bodies = [at for at, length in cuts if text[at + 2:at + 6].lower() == "body"]
    kept, start = [], 0
    for at, length in cuts:
        piece = text[start:at]
        if bodies and at < bodies[-1] and text[at + 2:at + 6].lower() == "body":
            # a pasted document's own end ('…</td></tr></table></div></body></html>' and the
            # article's text on after it, the page's own </body> later): the end tags it closes
            # but never opened would close the article's container in the middle of the text
            pasted = text.rfind("<html", max(start, text.find("<html") + 1), at)
            piece = _without_stray_closers(piece, pasted - start if pasted >= 0 else 0)
        kept.append(piece)
        start = at + length
    kept.append(text[start:])
    return "".join(kept)


_CLOSERS_AT_END = re.compile(r"(?:</(?:td|tr|tbody|table|div|center|font)\s*>\s*){1,12}$", re.I)
_CLOSER = re.compile(r"</(\w+)\s*>", re.I)


def _without_stray_closers(piece: str, start: int) -> str:
    """`piece` without the end tags at its end that the pasted document (from its own <html>,
    at `start` of `piece`, to its end) closes more often than it opens them; every one of them
    when the paste kept only its end (`start` 0: no <html> of its own to count from)."""
    run = _CLOSERS_AT_END.search(piece)
    if run is None or start >= len(piece):
        return piece
    if start <= 0:
        return piece[:run.start()]
    fragment = piece[start:run.start()].lower()
    tail, kept = run.group(0), []
    for closer in _CLOSER.finditer(tail):
        tag = closer.group(1).lower()
        opened = len(re.findall(rf"<{tag}[\s>]", fragment)) - fragment.count(f"</{tag}")
        if opened > 0:
            kept.append(closer.group(0))       # the pasted document's own: it opened this one
            fragment += f"</{tag}>"
    return piece[:run.start()] + "".join(kept)


def _into_body(root: etree._Element) -> None:
    """What a page prints after </body> or </html> (an old template's counter table), into the
    body, as a browser shows it: libxml2 leaves it beside the body, where no finder looks."""
    if root[-1].tag == "body" or root.tag != "html":
        return
    body = next((c for c in root if c.tag == "body"), None)
    if body is None:
        return
    for late in list(body.itersiblings()):
        body.append(late)


_ROW_HOLDERS = frozenset(("table", "tbody", "thead", "tfoot"))


def _rows_out_of_cells(root: etree._Element) -> None:
    """Table rows libxml2 nested inside the previous row's last cell, where the cell holds an
    unclosed inline element ('<TD><FONT size=2>2' then '<TR>'), back beside that row, as a
    browser builds them: else a table's rows read as one line."""
    for row in list(root.iter("tr")):
        parent = row.getparent()
        if parent is None or parent.tag in _ROW_HOLDERS:
            continue
        cell = parent
        while cell is not None and cell.tag not in ("td", "th", "table"):
            cell = cell.getparent()
        if cell is None or cell.tag == "table":
            continue
        owner = cell.getparent()
        if owner is not None and owner.tag == "tr" and owner.getparent() is not None:
            owner.addnext(row)


_PARSERS = threading.local()


def _parser(utf8: bool = False) -> etree.HTMLParser:
    """One parser per thread (lxml parsers and their error logs are not shared across
    threads); huge_tree stays off, so nesting and text nodes keep libxml2's safety limits.
    `utf8`: the one for bytes known to be UTF-8 (any charset the page declares is not asked)."""
    name = "utf8" if utf8 else "parser"
    parser = getattr(_PARSERS, name, None)
    if parser is None:
        parser = etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=False,
                                  default_doctype=False, collect_ids=False,
                                  encoding="utf-8" if utf8 else None)
        setattr(_PARSERS, name, parser)
    return parser


def _empty_article(url: str, platform: str, warnings: list[str]) -> Article:
    return Article(url=canonical_url(url), platform=platform, warnings=list(warnings))


_HOST_PROFILES: dict[str, str | None] = {}   # host -> the profile its last page was detected as
_MAX_HOSTS = 4096


def reset_caches() -> None:
    """Forget what earlier pages taught this process (the profile each host was detected as,
    the links already classified, the short texts and dates already read): benchmarks call it
    so that every pass sees pages afresh.
    Outputs never depend on these caches, only the time taken."""
    _HOST_PROFILES.clear()
    listing_caches_reset()
    doc_caches_reset()
    dates_caches_reset()
    fields_caches_reset()
    generic.reset_caches()
    text_caches_reset()


def _host(url: str) -> str:
    start = url.find("//")
    if start < 0:
        return ""
    end = len(url)
    for stop in "/?#":
        at = url.find(stop, start + 2)
        if 0 <= at < end:
            end = at
    return url[start + 2:end].lower()


def _matches(selector, root) -> bool:
    quick = getattr(selector, "matches", None)
    return quick(root) if quick is not None else bool(selector(root))


def detect_profile(doc: Doc) -> Profile | None:
    """The profile whose generator, URL shapes and markup best match the page (score >= 2;
    on a tie the first by name).

    Scoring is lazy and cannot change the answer: a profile is looked at only while it could
    still beat the best found so far, first with the bound its generator and URL allow with every
    markup selector matching, then with the bound left after the selectors whose word is missing
    from the page (a substring test per selector, one at a time, stopping as soon as it cannot
    win), and only then are its markup selectors (the costly part) run. The profile the host's
    previous page was detected as is looked at first (detection once per host, in effect: its
    score usually rules every other profile out before any of their tests run)."""
    generator = doc.generator
    profiles = load_profiles()
    host = _host(doc.url)
    hinted = _HOST_PROFILES.get(host)
    ranked = []
    for order, profile in enumerate(profiles):
        base = 3 * any(p.search(generator) for p in profile.generator) if generator else 0
        base += 1 * any(p.search(doc.url) for p in profile.url_patterns)
        first = profile.name == hinted
        ranked.append((not first, -(base + 2 * len(profile.markup)), -base, order, base, profile))
    ranked.sort(key=lambda r: r[:4])
    best, best_score, best_order = None, 1, len(profiles)
    source = doc.source

    def hopeless(bound: int, order: int) -> bool:
        return bound < best_score or (bound == best_score and order > best_order)

    for *_, order, base, profile in ranked:
        bound = base + 2 * len(profile.markup)
        if hopeless(bound, order):
            continue                   # cannot win, even with every selector matching
        markup = []
        for needle, selector in profile.markup:
            if needle is None or needle in source:
                markup.append(selector)
            else:
                bound -= 2
                if hopeless(bound, order):
                    break
        if hopeless(bound, order):
            continue
        score = base + 2 * sum(1 for selector in markup if _matches(selector, doc.root))
        if score > best_score or (score == best_score and score > 1 and order < best_order):
            best, best_score, best_order = profile, score, order
    if host and _HOST_PROFILES.get(host, 0) != (best.name if best else None):
        if len(_HOST_PROFILES) >= _MAX_HOSTS:
            _HOST_PROFILES.clear()
        _HOST_PROFILES[host] = best.name if best else None
    return best


_RULES: tuple[object, object] = (None, None)
# held while the rules are built: the tasks of a harvest and the files of a reparse start together,
# and each would otherwise parse every profile again (31 loads for 48 tasks, measured)
_RULES_LOCK = threading.Lock()


def url_rules():
    """The URL rules of every profile, merged once (again only if the profiles are reloaded);
    safe to call from any thread."""
    global _RULES
    with _RULES_LOCK:
        profiles = load_profiles()
        loaded, rules = _RULES
        if loaded is not profiles:
            rules = merge_rules([p.urls for p in profiles])
            _RULES = (profiles, rules)
        return rules


# an answer's label as pages print it ('Trả lời:', 'Answer'): a profiled page without one among its
# short labelled texts is no Q&A page, and its body is not searched for a question before it
_ANSWER_WORD = re.compile(r"trả lời|answer", re.I)


def _answer_labelled(doc: Doc) -> bool:
    return any(_ANSWER_WORD.search(text_of(el)) for el in doc.texts("label"))


# a citizen's question on a Q&A page: the asker's or the question's label
_ASKED = re.compile(r"(?:người hỏi|người gửi|nội dung câu hỏi|câu hỏi)\s*:", re.I)
_QA_FIELD_CELL = re.compile(r"^\s*lĩnh vực\s*[:：]?\s*$", re.I)
_QA_FIELD_LINE = re.compile(r"^\s*lĩnh vực\s*[:：]\s*(?=\S)", re.I)


def _qa_field(doc: Doc) -> str | None:
    """A Q&A page's 'Lĩnh vực' (the field the question was filed under): its category, over
    the breadcrumb's module name ('Hỏi đáp pháp luật')."""
    if "ĩnh vực" not in doc.source or not _ASKED.search(doc.source) or not _answer_labelled(doc):
        return None
    found = generic.find_cell_value(doc, _QA_FIELD_CELL, None) \
        or generic.find_labelled(doc, _QA_FIELD_LINE, None, generic.labelled_category)
    return found if found and len(found) <= 80 else None


def extract_article(doc: Doc, profile: Profile | None, warnings: list[str]) -> Article:
    article = Article(url=canonical_url(doc.url, url_rules()),
                      platform=profile.name if profile else GENERIC, warnings=warnings)
    base = base_url(doc.root, doc.url)
    body_el = _first(doc, profile, "body", lambda el: el if has_text(el) else None,
                     longest=True)
    parts: list[etree._Element] = []
    if body_el is not None:
        alike = generic.like_siblings(body_el)
        if len(alike) > 1:
            parts = alike              # the text split around a box ('Đọc thêm: …'): each part of it
    media_only = body_el is None and _first(doc, profile, "body", _media_only) is not None
    profiled = body_el is not None
    if body_el is None and not media_only:
        body_el = generic.find_body(doc)
        parts = generic.body_parts(body_el) if body_el is not None else []
    question = generic.question_before(body_el) if body_el is not None and (
        not profiled or _answer_labelled(doc)) else None
    if question is not None:                           # a Q&A page: the question, then the answer
        for line in generic.answer_head(body_el):
            line.set(STRIP_MARK, "")                   # its 'Đơn vị trả lời: … | …' and 'Trả lời:'
        parts = [question, *(parts or [body_el])]      # (a profile's body rule names the answer's
        #                                                container as it names an article's text)
    # (a theme's side boxes can share the title's markup: <div class="grid-header"><h3>TIN MỚI</h3>)
    # (but a title right over the profile's body container is the article's, whatever follows:
    # a video-only post's player and source line are short beside its 'TIN MỚI HƠN' links)
    # (and a side box's entries can share it too: a 'TIN MỚI' list of linked divDetail_Title
    # lines before the article's own: a linked title in a list of them is an entry, never the
    # page's headline)
    headline_el = _first(doc, profile, "headline",
                         lambda el: el if text_of(el) and (len(text_of(el).split()) > 8
                                                           or not generic.titles_a_box(el)
                                                           or _over_body(doc, profile, el))
                         and not (el.find(".//a") is not None and in_link_list(el))
                         and not (profiled and _after_text(doc, el, body_el)) else None)
    message = generic.channel_message(body_el) if headline_el is None else None
    if message is not None and (titled := generic.message_title(body_el)) is not None:
        headline_el = titled           # a channel's message: its bold first line (the page's
        #                                <title> names the channel)
    if headline_el is not None:
        article.headline = text_of(headline_el)
    else:
        article.headline, headline_el = generic.find_headline(doc, body_el)
    if article.headline and article.headline.endswith(("…", "...")):
        article.headline = generic.uncut_headline(doc, article.headline)
    if article.headline and article.headline.endswith((")", "]")):
        article.headline = _PAGE_MARK.sub("", article.headline).rstrip() or article.headline
    if article.headline and article.headline.isupper():
        # a heading upper-cased by the server or its CSS ('TIÊM BỔ SUNG VẮC XIN SỞI …'), the
        # <title> or og:title holding the same words in the writer's case: that case
        article.headline = generic.printed_case(doc, article.headline.lower(), ("og:title",)) \
            or article.headline
    if parts and generic.above_the_article(body_el, headline_el):
        body_el, parts = None, []      # a notice bar above a document page whose text is a viewer
    article.category = _qa_field(doc) or _first(doc, profile, "category", _category_of) \
        or generic.find_category(doc, article.headline, headline_el) or generic.panel_heading(headline_el)
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
    article.view_count = _first(doc, profile, "view_count", lambda el: None if generic.in_listing_entry(
        el, body_el, headline_el) or in_link_list(el) else view_count_of(el))
    if article.view_count is None:
        article.view_count = generic.find_view_count(doc, body_el, headline_el)
    counter = _site_counter(doc, profile)
    article.visitor_counter, article.site_counters = counter.total, counter.as_dict()
    article.author = _first(doc, profile, "author", lambda el: None if in_link_list(el) else _writer_of(el))
    #                                (not a 'Tin xem nhiều' entry's writer, marked by the same id)
    article.source = _first(doc, profile, "source", source_of)

    signature = Signature()
    if body_el is not None:
        first, *more = parts or [body_el]
        inline_chrome = profile is None and not _vietnamese_record(doc, article.headline, body_el)
        paragraphs, signature = body_paragraphs(first, profile, article.headline,
                                                article.published_at_raw, tuple(more),
                                                has_author=article.author is not None,
                                                inline_chrome=inline_chrome,
                                                replies=profile is None and _REPLY_HINT.search(doc.source) is not None,
                                                captions_told=inline_chrome and "caption" in doc.source
                                                and generic.photo_story(body_el, generic.photo_story_page(doc)))
        if body_el.tag == "pre" and profile is None:
            paragraphs = typed_paragraphs(text_content(body_el))[0]    # a release typed as plain text
        elif paragraphs and article.author and len(paragraphs) > 1 and clean(paragraphs[-1]) == article.author:
            paragraphs.pop()           # the profile's author is the text's closing line: the signature
        article.images = images_in(body_el, base) if not more else \
            list(dict.fromkeys(u for part in parts for u in images_in(part, base)))
        article.attachments = attachments_near(body_el, base)
    else:
        paragraphs = []
        article.warnings.append("body not found")
        if headline_el is not None:
            # a page whose text is a viewer or a player: the files beside its headline
            article.attachments = attachments_near(headline_el, base)
    caption = None
    if body_el is not None and paragraphs and not inline_chrome:
        caption = _lead_picture_caption(body_el)
        if caption and caption not in paragraphs:
            paragraphs.insert(0, caption)   # the article's own picture just above its text (Joomla's
            # full-text image, its caption): a Vietnamese record keeps its captions
    summary = text_of(summary_el) if summary_el is not None else None
    raw = article.published_at_raw
    if summary and raw and summary.startswith(raw) and len(summary) - len(raw) > 40:
        summary = summary[len(raw):].lstrip(" -|·:")    # a sapo box opening with the date line
    lead = getattr(paragraphs, "lead", None) if profile is None else None
    if summary and paragraphs and clean(paragraphs[0]) != summary and (
            profile is not None or _vietnamese_record(doc, article.headline, body_el)
            or generic.is_lead(summary_el, summary)):
        paragraphs.insert(0, summary)  # a portal's sapo and a bold lead paragraph open the
        # article's text; the standfirst of a page in another language is the summary alone
    first = paragraphs[1] if caption and len(paragraphs) > 1 and paragraphs[0] == caption else \
        (paragraphs[0] if paragraphs else None)      # (a picture's caption is no summary)
    article.summary = summary or lead or first
    article.body = "\n\n".join(paragraphs) if paragraphs else None
    if article.author is None and signature.author:
        # a byline naming the signer among others ('A (now) and B (earlier)' over a live blog
        # whose last post B signs) is the fuller statement
        marked = _marked_author(doc, body_el)
        if marked and signature.author in marked:
            article.author = marked
    signed = tidy_author(signature.author)
    if signed and signature.photographer:
        signed = _labelled(doc, AUTHOR_LINE, body_el, _author_not_account) or _marked_author(doc, body_el) \
            or signed                  # 'Tác giả: X'
        #                                  over the text, 'Ảnh: Y' under it: X wrote it, Y took the pictures
    article.author = article.author or signed or _signature_beside(body_el) or _credit_beside(body_el) \
        or _letterhead_writer(body_el) or _mail_sender(doc, body_el) or _cjk_reporter(doc, body_el) \
        or _bracketed_signer(body_el) \
        or _labelled(doc, AUTHOR_LINE, body_el, _author_not_account) \
        or _labelled(doc, BYLINE_LINE, body_el, _own_byline(doc)) or _marked_author(doc, body_el) \
        or _credited_writer(doc) or _labelled(doc, WRITER_CREDIT_LINE, body_el, byline_of) \
        or _labelled(doc, KOREAN_BYLINE, body_el, byline_of) or _wire_reporter(body_el) \
        or _labelled(doc, UPLOADER_LINE, body_el, byline_of) \
        or generic.find_labelled_item(doc, (AUTHOR_LINE, BYLINE_LINE, WRITER_CREDIT_LINE), body_el,
                                      lambda item: byline_name(item, labelled_only=True)) \
        or _linked_author(doc, body_el) or _avatar_twin(doc, body_el) or _cell_author(doc, body_el) \
        or _icon_author(doc, body_el) or _forum_poster(doc, body_el) or _channel_signature(body_el) or _speaker(doc, body_el) or _jsonld_author(doc) or _credit_section(doc) \
        or _meta_line_name(headline_el if headline_el is not None else _printed_headline(doc, article.headline)) \
        or _about_the_author(doc) or _meta_author(doc, article.headline) \
        or (None if _vietnamese_record(doc, article.headline, body_el) else _platform_account(doc, body_el)) \
        or _personal_site_author(doc)
    article.source = article.source or signature.source or _labelled(doc, SOURCE_LINE, body_el, source_of) \
        or generic.find_cell_value(doc, _SOURCE_CELL, body_el) \
        or (_names_source(doc.source) and _labelled(doc, AUTHOR_LINE, body_el, source_after_byline)) \
        or None
    if article.author is None or _desk_byline(article.author):
        article.author = _guest_writer(doc, body_el) or article.author
    article.author = _without_site_name(doc, tidy_author(article.author))
    if article.author and article.headline and article.author.casefold() == article.headline.casefold():
        article.author = None          # a template's author class on the headline's element
        #                                ('<span class="tacgia">' around the title): no writer named
    if article.author and _UNIT_ACCOUNT.match(article.author) and article.author.casefold() in \
            doc.title.casefold().replace((article.headline or "\0").casefold(), " "):
        article.author = None          # the site's own account ('Đăng bởi Xã Bình Liêu' on the blog
        #                                'Thông tin xã Bình Liêu', its name in <title> beside the
        #                                headline): the commune posting, no writer
    if article.author and not _vietnamese_record(doc, article.headline, body_el):
        # (a desk's word alone, 'Redacción', 'Da Redação', 'Haber Merkezi', names no writer; a
        # paper's own 'Metro Post Staff' line is kept, as the page prints it)
        article.author = None if article.author.lower() in _NEWSROOM_WORDS \
            else _person_not_office(article.author)
        if article.author and article.body:
            article.body = _without_writer_bio(article.body, article.author)
    if not article.headline:
        article.warnings.append("headline not found")
    if published is None or published.value is None:
        if published is None:
            article.warnings.append("publication date not found")
    return article


# (the words pages print most often first: the test stops at the first one found)
_SOURCE_WORDS = tuple(dict.fromkeys(("guồn", "ource", "GUỒN", "OURCE", *(
    unicodedata.normalize("NFD", word) for word in ("guồn", "GUỒN")))))


def _names_source(source: str) -> bool:
    """Whether the page prints a source label at all ("Nguồn", "Source"): a substring test,
    before looking for one at the end of the author's line."""
    return any(w in source for w in _SOURCE_WORDS)


# letters only Vietnamese writes (not Romanian's ă, Croatian's đ, Yoruba's ẹ and ọ)
_VIETNAMESE_LETTERS = re.compile("[ơưạảấầẩẫậắằẳẵặẻẽếềểễệỉịỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def _in_page_zone(value, doc: Doc, headline: str | None, body_el) -> str:
    """The timestamp as ISO text. A Vietnamese page is expressed in the portals' own offset
    (UTC+07:00, what a page that prints no zone is assumed to mean); a page in another language
    keeps the offset it printed (converting it would shift the day it states)."""
    if value.utcoffset() == VN_TZ.utcoffset(None) or _vietnamese_record(doc, headline, body_el):
        return value.astimezone(VN_TZ).isoformat()   # (a .vn portal's English page: the portal's zone)
    return value.isoformat()


def _is_vietnamese(doc: Doc, headline: str | None, body_el) -> bool:
    lang = (doc.root.get("lang") or doc.root.get("xml:lang") or "").lower()
    if lang.startswith("vi"):
        return True
    sample = (headline or "") + " " + (text_of(body_el)[:400] if body_el is not None else "")
    found = _VIETNAMESE_LETTERS.search(sample)
    return found is not None and _VIETNAMESE_LETTERS.search(sample, found.end()) is not None


def _vietnamese_record(doc: Doc, headline: str | None, body_el) -> bool:
    """A page whose record follows the Vietnamese convention (captions kept): a page in
    Vietnamese, or any page of a portal under .vn (its English version: the same portal,
    the same record)."""
    return _is_vietnamese(doc, headline, body_el) or on_vn_domain(doc.url)


def _counter_with_total(el: etree._Element) -> Counter | None:
    counter = counter_of(el)
    return counter if counter.total is not None else None


_PLAYERS = ("video", "audio", "iframe", "object", "embed")


def _media_only(el: etree._Element) -> etree._Element | None:
    """The profile's body element holding a player and no text, or left empty under a player
    its template prints above it (NukeViet's video posts): a video-only article."""
    if next(el.iter(*_PLAYERS), None) is not None:
        return el
    if len(el) or (el.text or "").strip():
        return None
    for before in islice(el.itersiblings(preceding=True), 4):
        if isinstance(before.tag, str) and (before.tag in _PLAYERS or next(before.iter(*_PLAYERS), None) is not None):
            return el
    return None


def _after_text(doc: Doc, el: etree._Element, body_el: etree._Element) -> bool:
    """`el` comes after the whole of the profile's text container, outside it: a side box's
    title in the theme's heading markup ('<div class="grid-header"><h3>Thông báo</h3>' in the
    right column of a redesign that moved the headline into an <h1>), never the page's headline,
    which stands before its text."""
    if el in body_el.iterancestors() or body_el in el.iterancestors():
        return False
    last = body_el
    while len(last):
        last = last[-1]
    return doc.position(el) > doc.position(last)


def _over_body(doc: Doc, profile: Profile | None, el: etree._Element) -> bool:
    """`el` stands right before an element the profile's body rule names."""
    after = el.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    return after is not None and profile is not None and any(
        after in selector(doc.root) for selector in profile.selectors("body"))


def _first(doc: Doc, profile: Profile | None, field: str, read, longest: bool = False):
    """Try the profile's selectors for `field` in order; the first that reads a value wins."""
    if profile is None:
        return None
    in_hidden = doc.hidden_test()
    for selector in profile.selectors(field):
        matches = selector(doc.root)
        if longest and len(matches) > 1:
            matches = sorted(matches, key=lambda el: -len(text_of(el)))
        for el in matches:
            if isinstance(el, str) or in_hidden(el):
                continue               # (the old theme's block a redesign left hidden in the page)
            value = read(el)
            if value is not None:
                return value
    return None


def _published(doc: Doc, profile: Profile | None, headline_el, body_el) -> tuple[ParsedDate | None, object]:
    def read(el):
        found = _date_in(el)
        if found is None or in_link_list(el) or in_related_block(el):
            return None                # none, or a listed article's date (a sidebar's 'TIN MỚI')
        return found

    found = _first(doc, profile, "published", read)
    if found is not None:              # (a repost: its original's day, whatever the profile reads)
        return generic.prefer_original(doc, generic.read_month_first(doc, found[0]), found[1])
    return generic.find_published(doc, headline_el, body_el)


def _date_in(el) -> tuple[ParsedDate, object] | None:
    """The date an element of a profile's `published` rule holds (its `datetime` first)."""
    if el.tag == "time" and el.get("datetime"):
        parsed = parse_vietnamese_datetime(el.get("datetime"))
        if parsed.value is not None:
            return parsed, el
    parsed = parse_vietnamese_datetime(text_of(el) or el.get("content") or el.get("datetime") or "")
    return (parsed, el) if parsed.value is not None or parsed.warnings else None


def _labelled(doc: Doc, pattern: re.Pattern[str], body_el, read) -> str | None:
    return generic.find_labelled(doc, pattern, body_el, read)


# an e-magazine's credits: 'Nội dung: X', 'Ảnh: Y', 'Thiết kế: Z' (one line or a block of lines)
# a credits block's labels: with a colon ('Nội dung:', 'Ảnh:', 'Text:', 'Teksti:', 'Fotos:'), or
# the English 'by' forms ('Story by X. Photography by Y.'), each starting a line or a sentence
_CREDITS_LABEL = re.compile(
    r"(?:^|(?<=[\s.;|]))(?:(nội dung và ảnh|nội dung|bài và ảnh|bài viết|bài|ảnh và bài|thực hiện|ảnh|"
    r"thiết kế|đồ họa|đồ hoạ|trình bày|video|kỹ thuật|biên tập|text|teksti|texte|texto|testo|tekst|"
    r"fotos?|photos?|kuvat|bilder|grafik|grafiikka|graphics?|redaktion|tuottaja|produktion)\s*[:：]\s*"
    r"|(story by|words by|text by|reporting by|photography by|photos by|graphics by|edited by|"
    r"copy edited by|produced by)\s+)", re.I)
_WRITER_CREDITS = frozenset({"nội dung và ảnh", "nội dung", "bài và ảnh", "bài viết", "bài",
                             "ảnh và bài", "thực hiện", "text", "teksti", "texte", "texto", "testo",
                             "tekst", "story by", "words by", "text by", "reporting by"})


def _writer_of(el: etree._Element) -> str | None:
    """The name a profile's author element gives, unless it is a CMS account (the portal's
    editor logged in as 'bientap', or 'Administrator': the signature under the text names the
    writer)."""
    prev = el.getprevious()
    if prev is not None and isinstance(prev.tag, str) and _SIGNING_BLOCK.match(text_of(prev)):
        return None                    # the signer of a decision pasted as the text, not its writer
    signed = split_signature(text_of(el))
    if signed is not None and signed.photographer:
        return None                    # 'Ảnh: X' closing the text: the photographer (the writer's
        #                                label, over the text, is read after the signature's)
    name = author_of(el)
    return None if is_account(name) or (name and site_account(name)) else name


def _credited_writer(doc: Doc) -> str | None:
    """The writer named in a credits block: at least two credit labels, one of them the
    text's ('Nội dung:', 'Bài:'), or one that credits text and pictures ('Ảnh và bài:'); the
    writer is that label's name."""
    for owner in doc.texts("label"):
        parent = owner.getparent()
        for el in (owner, parent, parent.getparent() if parent is not None else None):
            if el is None:
                break
            text = text_of(el)
            if len(text) > 300:
                break
            labels = list(_CREDITS_LABEL.finditer(text))
            if not labels or labels[0].start() != 0 or \
                    (len(labels) < 2 and " và " not in (labels[0].group(1) or "")):
                continue               # one label alone only when it credits both ('Ảnh và bài:')
            for m, after in zip(labels, [*labels[1:], None]):
                label = (m.group(1) or m.group(2)).lower()
                value = text[m.end(): after.start() if after else len(text)].strip(" -–|,;.")
                if label in _WRITER_CREDITS and (looks_like_name(value) or byline_name(value)):
                    return value
    return None


ROLE_NOUN_SET = frozenset(labels.ROLE_NOUNS)
_DATE_LIKE = re.compile(r"(?<!\w)\d{1,2}\W{1,3}(?:\w+\W{1,3})?(?:19|20)\d\d(?!\w)")
_OFFICE_WORLD = re.compile(r"(?:^|[\s/(,-])(?:" + alternation(labels.OFFICES_WORLD) + r")(?=$|[\s/),.-])", re.I)
# a department's name in Korean, Japanese or Chinese: its suffix ('교통행정과', '広報課', '办公室')
_OFFICE_SUFFIX = re.compile(r"^[\uac00-\ud7a3]{2,12}(?:과|팀|국|실|센터|담당관|사업소)$|"
                            r"^[\u3040-\u30ff\u4e00-\u9fff]{2,14}(?:課|局|室|部|係|センター|办公室|处|科|中心)$")


def _office(name: str) -> bool:
    return _OFFICE_WORLD.search(name) is not None or _OFFICE_SUFFIX.match(name) is not None


def _person_not_office(author: str) -> str | None:
    """A page outside Vietnam's writer, by the world's convention: a person, without the office
    in brackets after the name ('Julia Hartmann (Pressestelle)'); no author where only offices
    sign ('Ufficio Stampa e Comunicazione', 'Humas/Diskominfo', '교통행정과')."""
    at = author.rfind("(") if author.endswith(")") else -1
    if at > 0:                         # 'Name (Office)'
        head, tail = author[:at].rstrip(), author[at + 1:-1]
        if 2 <= len(tail) <= 60 and ")" not in tail and _office(tail) and looks_like_name(head):
            return head
    if sum(ch.isdigit() and not ch.isascii() for ch in author) >= 2 or _DATE_LIKE.search(author):
        return None                    # a date where the byline goes ('ថ្ងៃទី១៤ ខែមីនា ឆ្នាំ២០២៤', '14 March
        #                                2024'; a handle's digits, 'roadrunner77', are a name's)
    person, comma, role = author.partition(",")
    if comma and role.split() and (role.split()[-1].lower() in ROLE_NOUN_SET or role.strip().islower()
                                   and len(role.split()) <= 6) and looks_like_name(person.strip()):
        return person.strip()          # '…, Komunikacijos skyriaus vyriausioji specialistė', '…,
        #                                kronikárka obce': the person, not her post
    if not _office(author):
        return author
    parts = [p for p in re.split(r"\s*(?:/|,|\s[-–|]\s)\s*", author) if p.strip()]
    names = [p for p in parts if not _office(p) and not (p.isupper() and len(p) <= 8)]
    if not names:
        return None                    # offices only ('Humas/Diskominfo', 'Ufficio Stampa e Comunicazione')
    return names[0] if len(names) == 1 and looks_like_name(names[0]) else author


def _author_not_account(el: etree._Element) -> str | None:
    """A labelled writer's line read, unless it names the site's account ('Viết bởi Super User'
    over K2's extra field 'Tác giả: X'): the next labelled line is looked at then."""
    value = author_of(el)
    return None if value is None or site_account(value) else value


def _channel_signature(body_el) -> str | None:
    message = generic.channel_message(body_el)
    return generic.message_author(message) if message is not None else None


def _forum_poster(doc: Doc, body_el) -> str | None:
    """A forum thread's first post: its poster's name, as the profile link before the text
    writes it (a member's handle, 'Klaus_M', is how the board signs the post)."""
    post = generic.forum_post(doc, body_el)
    return text_of(post[1]) if post is not None else None


_SPEECH_BY = re.compile(r"^(?:" + alternation(labels.SPEECH_BY) + r")\s+(.{3,120})$", re.I)
_SPEECH_OPENS = re.compile(r"(?:" + alternation(labels.SPEECH_BY) + r")\s", re.I)
_SPEAKER_TITLE = re.compile(r"^(?:(?:" + alternation(labels.SPEAKER_TITLES) + r")\.?\s+)+", re.I)
_SPEAKER_LETTERS = frozenset(labels.SPEAKER_LETTERS)


def _without_letters(name: str) -> str:
    """A name without the post-nominal letters after it ('Aoife Byrne TD')."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".") in _SPEAKER_LETTERS:
        words.pop()
    return " ".join(words)


def _speaker(doc: Doc, body_el) -> str | None:
    """A speech's speaker, as the line over its text names him ('Rede von Bundesministerin Dr.
    Karin Lenz', 'Discours de Claire Morel, ministre de …', '<p class="speaker">Minister Aoife Byrne
    TD, Minister for …'): the name, without office, honorific or post-nominal letters."""
    start = doc.position(body_el) if body_el is not None else None
    for el in doc.root.iter("p", "div", "span", "h2", "h3", "strong"):
        if start is not None and doc.position(el) >= start:
            break
        marked = "speaker" in (el.get("class") or "").lower() and not len(el)
        if not marked and not _SPEECH_OPENS.match((el.text or "").lstrip()):
            continue                   # (the element's own first words, before its text is joined)
        text = text_of(el)
        if not 6 <= len(text) <= 160:
            continue
        m = _SPEECH_BY.match(text)
        named = m.group(1) if m else text if marked else None
        if not named:
            continue
        name = _without_letters(_SPEAKER_TITLE.sub("", named.split(",")[0].strip()))
        if looks_like_name(name) and 2 <= len(name.split()) <= 4:
            return name
    return None


# a byline's part that holds the writer's post, not the name ('BylineRole', 'author__title', 'byline-job')
_ROLE_PART = re.compile(r"(?:role|job|position|title|bio|desc)(?:$|[\s_-])", re.I)


def _marked_author(doc: Doc, body_el) -> str | None:
    """The name in the first element marked as the author that holds one (a template's
    'Posted on' marked 'meta-prep-author' is passed over); a marked box's own name element
    first (<div class="author-wrap"><div class="author-name">X</div><div class="author-role">)."""
    marked = list(islice(generic.author_elements(doc, body_el), 8))
    for i, el in enumerate(marked):
        if _photographer_only(doc, el):
            continue                   # the byline's slot holding only the photographer ('Foto: X')
        inner = [d for d in marked[i + 1:] if not len(d) and el in d.iterancestors()]
        roles = [d for d in inner if _ROLE_PART.search(d.get("class") or "")]
        if roles and len(inner) == len(roles) + 1 and _marked_name(next(d for d in inner if d not in roles)):
            continue                   # a byline block of a marked name and the writer's role
            #                            ('<div class="BylineBlock"><div class="Byline">X</div>
            #                            <div class="BylineRole">Novinarka</div>'): the name's own
        name = _marked_name(el)
        if name:
            names = _card_names(el, name, marked[i + 1:], body_el) or _listed_names(el) or [name]
            return name if len(names) == 1 or any(n in name for n in names[1:]) else _as_printed(doc, names)
    return None


def _as_printed(doc: Doc, names: list[str]) -> str:
    """Several writers joined as the page prints them ('A and B', 'A, B und C', 'A og B'), else
    with commas."""
    if len(names) < 2:
        return ", ".join(names)
    joined = re.compile(r"(?<!\w)" + r"\s*,\s*".join(map(re.escape, names[:-1])) + r"\s*,?\s+(?:"
                        + alternation(labels.JOINING) + r"|&)\s+" + re.escape(names[-1]) + r"(?!\w)", re.I)
    found = joined.search(" ".join(" ".join(doc.root.itertext()).split()))
    return found.group(0) if found else ", ".join(names)


def _card_names(el: etree._Element, name: str, later: list[etree._Element],
                body_el: etree._Element | None) -> list[str] | None:
    """The writers' cards side by side, one marked element each, alike (a photographer's left
    out): every name, as the page lists them ('Rebecca Hart, Tom Nguyen'); not the cards of other
    posts (a Q&A page's other answers: the block holding both cards holds the text too)."""
    around = set(el.iterancestors())
    alike = [o for o in later if _same_mark(o, el) and el not in o.iterancestors()
             and o not in el.iterancestors() and not _PHOTOGRAPHER.search(byline_text(o))
             and not (body_el is not None and _meeting(o, around) in (body_el, *body_el.iterancestors())
                      and not _between(o, body_el))]
    names = list(dict.fromkeys([name, *filter(None, map(_marked_name, alike))]))
    return names if len(names) > 1 else None


_JOINED = re.compile(r"^(?:,|&|,?\s*(?:" + alternation(labels.JOINING) + r"))?$", re.I)


def _joined_only(el: etree._Element, names: list[etree._Element]) -> bool:
    """Only commas and joiners ('i', 'and', '&') stand between the names in `el`'s text."""
    text, at = text_of(el), 0
    for i, node in enumerate(names):
        name = text_of(node)
        found = text.find(name, at) if name else -1
        if found < 0 or (i and not _JOINED.match(text[at:found].strip())):
            return False
        at = found + len(name)
    return True


def _listed_names(el: etree._Element) -> list[str] | None:
    """The names inside one marked list of writers ('<ul class="authors">' of name elements
    alike), a photographer's left out."""
    inner = [d for d in el.iterdescendants() if isinstance(d.tag, str) and (
        _NAME_PART.search(d.get("class") or "") or d.get("itemprop") == "name"     # (microdata Persons)
        or (d.tag in ("a", "span") and not len(d) and _WRITER_TOKEN.search(d.get("class") or "")))]
    inner = [d for d in inner if not any(o is not d and d in o.iterancestors() for o in inner)]   # the innermost
    if not any(_NAME_PART.search(d.get("class") or "") for d in inner) and not _joined_only(el, inner):
        return None                    # writers' links joined by other words ('Teksti: A · Kuvat: B')
    if len(inner) < 2 or not all(_same_mark(d, inner[0]) for d in inner):
        return None
    return list(dict.fromkeys(filter(None, (byline_of(d) for d in inner if not _photo_credit(d))))) or None


# a photographer's credit and nothing else ('Foto: X', 'Zdjęcia: X', 'Photos by X', 'Ảnh: X')
_PHOTO_CREDIT_ONLY = re.compile(
    r"^(?:(?:ảnh|foto|fotos|fotó|fotók|fotografie|fotografia|photo|photos|photograph|photographs|zdjęcia|"
    r"zdjęcie|kuva|kuvat|bild|bilder|写真|撮影|사진|攝影|摄影)\s*[:：]|(?:photos?|photographs?|pictures?|fotos?)"
    r"\s+(?:by|de|di|von|par|door|af|av)\s)\s*[^:：|]{2,60}$", re.I)


def _photographer_only(doc: Doc, el: etree._Element) -> bool:
    """A byline naming only the photographer ('Foto: X'): no writer, unless the page is a photo
    story, whose pictures are its text (a gallery's 'Ảnh: X' names its author)."""
    text = byline_text(el)
    return len(text) <= 80 and _PHOTO_CREDIT_ONLY.match(text) is not None \
        and not generic.photo_story_page(doc)


def _marked_name(el: etree._Element) -> str | None:
    if _PLACE_PART.search(el.get("class") or ""):
        return None                    # the byline's place ('rp-author__place': the dateline's city)
    if el.tag == "blockquote" or any(mark in (el.get("class") or "") for mark in labels.NOT_A_NAME_MARKS):
        return None                    # a label before the date, a forum signature, a quotation
    if any("tag" in (a.get("rel") or "").split() for a in el.iter("a")):
        return None                    # the post's tags in the byline's markup (Plone's 'Oznake:'
        #                                line, <div class="documentByLine"> of rel="tag" links)
    named = next((d for d in el.iterdescendants() if isinstance(d.tag, str) and
                  (d.get("itemprop") == "name" or _NAME_PART.search(d.get("class") or ""))), None)
    if named is None:
        named = next((d for d in el.iterdescendants("a", "span") if _WRITER_TOKEN.search(d.get("class") or "")
                      and not len(d)), None)
    if named is not None:
        found = byline_of(named) or _cjk_name(byline_text(named)) or _script_name(byline_text(named)) \
            or _handle(text_of(named))
        if found:
            return found
    text = byline_text(el)
    if len(text) <= 80 and _THEO_ONLY.match(text):
        return None                    # a signature that names only the source ('Theo Báo Hà Nội Mới')
    return _pictured_name(el) or _joint_byline(el) or byline_name(text) or _office_name(text) \
        or _agency_byline(el) or caseless_name(text) or _cjk_name(text) or _unit_signed(text)


# a blog account's handle in the element marked as the writer's name (Blogger's 'Posted by <span
# class="fn">kestrel_kate</span>'): a user name, its words joined by '_', '-' or '.', or with digits
_HANDLE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)+|[A-Za-z]+[0-9]+")


def _handle(text: str) -> str | None:
    text = clean(text)
    if len(text) > 30 or not _HANDLE.fullmatch(text) or _UI_WORDS.match(text):
        return None
    parts = re.split(r"[_.-]", text.lower())
    if any(p in _SITE_ACCOUNT_WORDS or p.startswith(labels.PORTAL_ACCOUNT_PREFIXES) for p in parts):
        return None                    # a portal editor's login ('bientap01', 'bbt_vinhhung', 'quantri'):
    return text                        # the signature under the text names the writer


_THEO_ONLY = re.compile(r"^\(?\s*(?:theo|nguồn(?:\s+tin)?\s*[:：])\s+\S[^:：]*\)?\.?$", re.I)


# a byline's part that holds where the writer filed from, not who ('author__place', 'byline-location')
_PLACE_PART = re.compile(r"(?:^|[\s_-])(?:place|location|city|dateline|loc)(?:$|\s)", re.I)


def _unit_signed(text: str) -> str | None:
    """A name and its unit or post in brackets, as a signature prints them ('Đại úy Trần Quốc Huy
    (Công an phường)'), kept whole."""
    text = clean(text)
    if not text.endswith(")"):
        return None
    signed = split_signature(text)
    return signed.author if signed is not None and signed.author == text else None


def _script_name(text: str) -> str | None:
    """A name in a script without capitals (Devanagari, Arabic, Thai, Bengali …) alone in an
    element marked as the writer's name ('<figcaption class="columnist__name">अनुराधा शर्मा'):
    two to four words, no digit, no label, no Latin letter (a Latin name is read by its capitals)."""
    text = clean(text)
    words = text.split()
    if not 2 <= len(words) <= 4 or len(text) > 40 or any(c.isdigit() or c in ":：|@/" for c in text):
        return None
    return text if all(unicodedata.category(c)[0] in "LM" and not c.isascii()
                       for w in words for c in w.strip(".")) else None   # (Devanagari's vowel signs: marks)


def _cjk_name(text: str) -> str | None:
    """A name in Chinese or Japanese script alone in an element marked as the writer's
    ('<span class="author">小米媽咪</span>'), never a label ('作者', '投稿者')."""
    text = clean(text)
    return text if _CJK_NAME.match(text) and text not in _CJK_LABELS else None


_CJK_LABELS = frozenset(labels.AUTHOR_CELL) | frozenset(labels.DATE_PUBLISHED)


def _meeting(el: etree._Element, around: set) -> etree._Element | None:
    """The nearest ancestor of `el` among `around` (another element's ancestors): where the two meet."""
    return next((a for a in el.iterancestors() if a in around), None)


def _between(el: etree._Element, body_el: etree._Element) -> bool:
    """`el` stands inside the text's block, or right above it (a byline row in the article's head)."""
    return body_el in el.iterancestors() or el in body_el.iterancestors()


def _same_mark(a: etree._Element, b: etree._Element) -> bool:
    """Two writers' cards alike: the same mark (a CSS module's hashed class, 'authorCol_tNuE' /
    'authorCol_JjVg', read without its hash)."""
    return (a.tag, _class_stem(a.get("class")), a.get("itemprop"), a.get("rel")) == \
        (b.tag, _class_stem(b.get("class")), b.get("itemprop"), b.get("rel"))


_HASH_SUFFIX = re.compile(r"[_-](?=[A-Za-z0-9]{4,8}\b)(?=\w*[A-Z0-9])(?=\w*[a-z])[A-Za-z0-9]{4,8}\b")
# a photographer's card or credit beside the writers' ('Ola Haugen · Fotograf', 'Tiago Moura (fotografia)')
_PHOTOGRAPHER = re.compile(rf"\b(?:(?:{labels.alternation(labels.PHOTOGRAPHER_STEMS)})\w*|"
                           rf"(?:{labels.alternation(labels.PHOTOGRAPHER)}))\b", re.I)


def _photo_credit(name_el: etree._Element) -> bool:
    """A name printed as the photographer's: its own card says so ('Ola Haugen' over 'Fotograf'),
    or the words right after it ('Tiago Moura (fotografia)')."""
    card = name_el.getparent()
    if card is not None and sum(1 for d in card.iter() if _NAME_PART.search(d.get("class") or "")) == 1:
        return bool(_PHOTOGRAPHER.search(byline_text(card)))
    following = name_el.tail or ""
    return bool(_PHOTOGRAPHER.search(following[:40]))


def _class_stem(cls: str | None) -> str | None:
    return _HASH_SUFFIX.sub("", cls) if cls else cls


# an element inside a marked byline box that is the writer himself ('<div class="authors"><a
# class="author">X</a> <span class="author__role">…</span>'), not his role or e-mail
_WRITER_TOKEN = re.compile(r"(?:^|\s)(?:author|writer|byline)(?:[-_]?link)?(?:$|\s)", re.I)
_NAME_PART = re.compile(r"(?:^|[\s_-])(?:name|fn)(?:$|[\s_-])", re.I)


# a meta line's person icon ('<i class="fa fa-user">', '<svg class="ico ico-user">', 'bi-person'):
# the name printed after it is the writer's
_PERSON_ICON = etree.XPath("//*[self::i or self::svg or self::span or self::img]"
                           "[contains(@class, 'user') or contains(@class, 'person')]")
_PERSON_TOKEN = re.compile(r"(?:^|[\s_-])(?:user|person)(?:$|[\s_-])", re.I)


def _icon_author(doc: Doc, body_el) -> str | None:
    """The name a person icon stands before, in a meta line of labels shown as icons only."""
    if "user" not in doc.source and "person" not in doc.source:
        return None
    for icon in islice(_PERSON_ICON(doc.root), 8):
        if not _PERSON_TOKEN.search(icon.get("class") or "") or len(icon) > 3 and icon.tag != "svg":
            continue
        holder = icon.getparent()
        if holder is None or holder.tag in ("body", "html") or len(text_of(holder)) > 60:
            continue
        if in_link_list(holder) or generic.chrome_ancestor(holder, body_el) or generic.in_comments(holder) \
                or in_related_block(holder):
            continue
        name = clean((icon.tail or "") if holder.tag != "li" or icon.tail else text_of(holder))
        if name and not any(ch.isdigit() for ch in name) and (looks_like_name(name) or caseless_name(name)):
            return name
    return None


def _cell_author(doc: Doc, body_el) -> str | None:
    """The writer a board view prints in its label's cell (<th>작성자</th><td>홍보담당관</td>)."""
    value = generic.find_cell_value(doc, _AUTHOR_CELL, body_el)
    return value if value and not _UI_WORDS.match(value) and not any(c.isdigit() for c in value) else None


def _pictured_name(box: etree._Element) -> str | None:
    """The writer a marked box shows only as a picture: a signature's or an avatar's alt text
    that is a name ('<img alt="María José Pardo" src="firma.png">' over the role 'Alcaldesa de
    …', '<img class="avatar" alt="Петя Иванова">' beside the label 'Автор')."""
    for img in islice(box.iter("img"), 2):
        alt = clean(img.get("alt") or "")
        if alt and len(alt) <= 60 and not _UI_WORDS.match(alt) and (looks_like_name(alt) or caseless_name(alt)):
            return alt
    return None


def _office_name(text: str) -> str | None:
    """An office signing as the author ('Văn phòng HĐND và UBND huyện', 'Phòng Văn hóa - Thông
    tin'): its name, short, without digits or a sentence's end."""
    text = AUTHOR_LABEL.sub("", text).strip()
    if _OFFICE.match(text) and len(text.split()) <= _OFFICE_WORDS and text[:1].isupper() \
            and not text.endswith((".", ":")) and not any(ch.isdigit() for ch in text):
        return text
    return None


# a mail's sender in its archived headers ('From: Jonas Keller <jonas@…>', 'De : …', 'Von: …')
_MAIL_FROM = re.compile(r"^(?:from|de|von|van|da|från|fra|od|от|差出人|보낸\s?사람)\s*[:：]\s*\"?([^\"<>@]{2,60}?)\"?\s*"
                        r"<[^<>@\s]+@[^<>\s]+>$", re.I)


def _mail_sender(doc: Doc, body_el) -> str | None:
    """A mail kept in a list's archive (the message a <pre>): its sender's name, as the header
    list over it writes it, without the address."""
    if body_el is None or body_el.tag != "pre":
        return None
    start = doc.position(body_el)
    for el in doc.root.iter("li", "tr", "p", "div", "dd"):
        if doc.position(el) >= start:
            break
        m = _MAIL_FROM.match(text_of(el)) if not len(el) or el.tag in ("li", "tr", "p", "dd") else None
        if m:
            return m.group(1).strip()
    return None


def _letterhead_writer(body_el) -> str | None:
    """The writer a release typed as plain text names in its letterhead ('Af Mette Kjær,
    kommunikationskonsulent' above the first paragraph)."""
    if body_el is None or body_el.tag != "pre":
        return None
    for line in typed_paragraphs(text_content(body_el))[1]:
        name = byline_name(line, labelled_only=True)
        if name:
            return name
    return None


def _own_byline(doc: Doc):
    """A labelled byline ("By X") unless it is a teaser card's, another article's (a card
    whose heading links to this page itself is the article's own), or the site naming itself
    ('Un article de Wikinews, la source d'informations libre' under a page titled '… – Wikinews')."""
    def read(el):
        if generic.in_teaser(el, doc.url):
            return None
        name = byline_of(el)
        return None if name and name.lower() in generic.site_names(doc) else name
    return read


def _joint_byline(el: etree._Element) -> str | None:
    """The whole byline when the marked element is one of several writers' links or names
    printed side by side ("By <a rel=author>A</a> and <a rel=author>B</a>")."""
    parent = el.getparent()
    if parent is None or len(parent) > 12:
        return None
    mark = (el.tag, el.get("rel"), el.get("class"), el.get("itemprop"))
    if not any(x is not el and (x.tag, x.get("rel"), x.get("class"), x.get("itemprop")) == mark
               for x in parent):
        return None
    name = byline_of(parent)
    return name if name and text_of(el) in name else None


_AGENCY = re.compile(r"^[^\W\d_][^\d:：|]{1,38}$")


def _agency_byline(el: etree._Element) -> str | None:
    """A marked byline that names no person: a news agency or the newsroom ("dpa/AFP",
    "La rédaction"), short, one to four words, no digits, not a button."""
    text = BYLINE_LABEL.sub("", byline_text(el)).strip(" ,;-–—·.")
    if not _AGENCY.match(text) or len(text.split()) > 4 or _UI_WORDS.match(text) or _ROLE_ONLY.match(text) or "@" in text \
            or not (any(ch.isupper() for ch in text) or _agencies(text)):
        return None
    return text


# (each alternative starts where a run of spaces starts: tried inside one, it would be n² on a long run)
_AGENCY_SPLIT = re.compile(r"(?<!\s)\s*[/,;&+]\s*|(?<!\s)\s+(?:" + alternation(labels.JOINING) + r")\s+")


def _agencies(text: str) -> bool:
    """Whether `text` names news agencies only ('dpa', 'AFP/dpa', 'EFE y Europa Press')."""
    names = [n for n in _AGENCY_SPLIT.split(text.lower()) if n]
    return bool(names) and all(n in _AGENCY_NAMES for n in names)


_AGENCY_NAMES = frozenset(labels.AGENCIES)
_SEPARATED = re.compile(r"\s[-–—|/]\s|,")
_SITE_ACCOUNT_WORDS = frozenset(labels.SITE_ACCOUNT_WORDS)
_META_AUTHOR_KEYS = ("author", "article:author", "byl", "dc.creator", "dcterms.creator", "sailthru.author",
                     "parsely-author")


def _meta_author(doc: Doc, headline: str | None) -> str | None:
    """The writer the page's meta tags name (<meta name="author">, 'article:author', 'byl'): a
    person's name or a news agency, never the site naming itself, a link or an e-mail address, a
    desk's account, or the company a release is about (named in its headline)."""
    organizations = None
    for key in _META_AUTHOR_KEYS:
        value = doc.meta.get(key)
        if not value or "/" in value and not _agencies(value) or "@" in value:
            continue
        name = BYLINE_LABEL.sub("", value).strip(" ,;-–—·.")
        if organizations is None:
            organizations = _jsonld_organizations(doc)
        if not name or name.lower() in generic.site_names(doc) or _UI_WORDS.match(name) \
                or name.lower() in (headline or "").lower() or name.lower() in organizations:
            continue
        if _agencies(name) or (looks_like_name(name) and 2 <= len(name.split()) <= 4
                               and not _SEPARATED.search(name) and not is_account(name)
                               and not _ACRONYM_FIRST.match(name)
                               and not _SITE_ACCOUNT_WORDS & set(name.lower().split())):
            return name
        if _cjk_name(name) == name and not _CJK_ORGANIZATION.search(name):
            return name                # '林晓': a CJK name, two to four characters, no spaces to count
    return None


# a company's or an office's name opened by its acronym ('ICT Bắc Ninh', the portal vendor; 'VNPT Hà
# Nội'): no person's name opens with a word in capitals of three letters or more
_ACRONYM_FIRST = re.compile(r"^[A-ZĐ]{3,8}(?=\s)")


# what a CJK organisation's name ends with ('桐林市政府', '新华社', '教育局', '广播电视台'): no person
_CJK_ORGANIZATION = re.compile(r"(?:政府|市|县|縣|区|區|局|厅|廳|处|處|署|部|社|会|會|院|所|室|中心|公司|台|臺|网|網|报|報|校|馆|館)$")


# "Lucy Hammond's posterous", "Dave Miller's weblog": a hosted blog named after its owner
_OWNERS_BLOG = re.compile(r"^(.{3,40}?)['’]s\s+(?:blog|weblog|posterous|tumblr|journal|diary|notebook|space|"
                          r"site|homepage|home page|musings|notes)$", re.I)


_ARTICLES = frozenset({"the", "a", "an", "my", "our", "le", "la", "les", "el", "los", "die", "der", "das", "il", "lo"})


def _personal_site_author(doc: Doc) -> str | None:
    """The meta tags' writer when the site is named after him and its host spells the name
    ('Tom Ashworth' on tomashworth.example.co.uk): a person's own blog, where the site's name is
    the writer's (asked last: a site named so that prints a poster's account is a portal)."""
    value = doc.meta.get("author")
    if not value or "@" in value or "/" in value:
        for site in generic.site_names(doc):   # a hosted blog named after its owner
            owner = _OWNERS_BLOG.match(site)
            if owner and owner.group(1).split()[0].lower() not in _ARTICLES:
                name = generic.printed_case(doc, owner.group(1))
                return name if name and looks_like_name(name) and 2 <= len(name.split()) <= 4 else None
        return None
    name = " ".join(value.split())
    letters = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if c.isascii() and c.isalnum())
    if not (len(letters) >= 6 and 2 <= len(name.split()) <= 4 and looks_like_name(name)) \
            or name.lower() in _jsonld_organizations(doc):
        return None                    # (a site named after an organisation, 'bancocentral-br': no person's)
    return name if letters in _host(doc.url).replace("-", "") else None


def _wire_reporter(body_el) -> str | None:
    """A Korean wire story's reporter in the dateline that opens its text ('(서울=한반도뉴스)
    김서연 기자 = …')."""
    if body_el is None:
        return None
    found = KOREAN_DATELINE.match(text_of(body_el)[:60])
    return found.group(1) if found else None


def _bracketed_signer(body_el) -> str | None:
    """A Japanese paper's reporter signing in brackets on a line of its own right after the
    text's container ('</div><p class="article-signature">【佐藤健太】</p>')."""
    if body_el is None:
        return None
    sib = body_el.getnext()
    for _ in range(2):
        while sib is not None and not isinstance(sib.tag, str):
            sib = sib.getnext()
        if sib is None:
            return None
        text = text_of(sib)
        if text:
            found = BRACKETED_REPORTER.fullmatch(text) if len(text) <= 20 else None
            return (found.group(1) or found.group(2)) if found else None
        sib = sib.getnext()
    return None


def _cjk_reporter(doc: Doc, body_el) -> str | None:
    """A Chinese reporter's credit (fields.CJK_REPORTER): on a short line of its own, or in
    the dateline that opens the text."""
    if "记者" not in doc.source and "記者" not in doc.source:
        return None
    for owner in doc.texts("label"):
        text = text_of(owner)
        if len(text) <= 60 and not in_link_list(owner) and not generic.chrome_ancestor(owner, body_el):
            name = cjk_reporter(text)
            if name:
                return name
    return cjk_reporter(text_of(body_el)[:80]) if body_el is not None else None


def _linked_author(doc: Doc, body_el) -> str | None:
    """A byline no class or label names: the first link to a writer's own page whose text is a
    name, outside the site's chrome, lists, teasers and comments."""
    for a in doc.root.iter("a"):
        name = author_link_name(a)
        if name is None or in_link_list(a) or (generic.chrome_ancestor(a, body_el) and not _head_box(a, body_el)) \
                or generic.in_teaser(a, doc.url) or generic.in_comments(a) or in_related_block(a):
            continue
        parent = a.getparent()
        if parent is not None and sum(author_link_name(x) is not None for x in parent.iter("a")) > 1:
            return byline_of(parent) or name     # several writers side by side: all of them
        return name
    return None


# an avatar's alt text: the person's name and what the picture is ('Олег Кравець profile image')
_AVATAR_ALT = re.compile(r"^(.{3,60}?)(?:'s)?\s+(?:profile\s+(?:image|picture|photo)|avatar)$", re.I)


_AVATAR_IMAGES = 300                   # pictures before the text looked at, at most
_AVATAR_TRIES = 8                      # of them, avatar-like ones whose links are compared


def _avatar_twin(doc: Doc, body_el) -> str | None:
    """The writer a post's header names twice over, as a profile picture and as a name, each
    linked to the same profile (<a href="/u"><img alt="X profile image"></a> <a href="/u">X</a>),
    before the text: not a commenter's (after it, in the comments)."""
    if body_el is None or "<img" not in doc.source:
        return None
    start = doc.position(body_el)
    tried = 0
    for img in islice(doc.root.iter("img"), _AVATAR_IMAGES):
        if doc.position(img) >= start or tried >= _AVATAR_TRIES:
            break
        holder = img.getparent()
        href = holder.get("href") if holder is not None and holder.tag == "a" else None
        alt = clean(img.get("alt") or "")
        if not href or not alt:
            continue
        named = _AVATAR_ALT.match(alt)
        if named is None and "avatar" not in (img.get("class") or "") + " " + (holder.get("class") or ""):
            continue                   # (a logo linked home beside the site's name is no avatar)
        name = named.group(1) if named else alt
        tried += 1                     # (each candidate walks two levels of links around it)
        around = holder.getparent()
        for _ in range(2):
            if around is None:
                break
            for a in around.iter("a"):
                if a is not holder and a.get("href") == href and clean(text_of(a)) == name \
                        and (looks_like_name(name) or caseless_name(name)) \
                        and not generic.in_comments(a) and not in_related_block(a):
                    return name
            around = around.getparent()
    return None


_GUEST_NOTE = re.compile(r"^\W{0,3}(?:" + alternation(labels.GUEST_WRITER) + r")\s+(.{3,80}?)\W{0,3}$", re.I)
_NEWSROOM_WORDS = frozenset(labels.NEWSROOM)


def _desk_byline(author: str) -> bool:
    """A byline naming the newsroom, not a person ('Redacción', 'Streetwise Staff')."""
    words = author.lower().split()
    return author.lower() in _NEWSROOM_WORDS or bool(words) and words[-1] in _NEWSROOM_WORDS


def _guest_writer(doc: Doc, body_el) -> str | None:
    """The guest a note beside the text names ('This is a guest post by Nadia Brooks, a transit
    planner…', 'Ein Gastbeitrag von Martin Weber'; just before or after the text's block, or its
    first or last paragraph), where the house byline names the newsroom or nothing."""
    if body_el is None:
        return None
    near = [*islice(body_el.itersiblings(preceding=True), 3), *islice(body_el.itersiblings(), 3),
            *body_el[:2], *body_el[-2:]]
    for el in near:
        if not isinstance(el.tag, str) or len(el) > 3:
            continue
        text = text_of(el)
        if not 10 < len(text) <= 200:
            continue
        found = _GUEST_NOTE.match(text.split(",", 1)[0].rstrip("*"))
        if found:
            name = found.group(1).strip(" *")
            if looks_like_name(name):
                return name
    return None


# the verb or dash a writer's bio line opens with after the name ('X is a freelance journalist', 'X —
# журналістка', 'X este jurnalistă', 'X ist Redakteurin')
_BIO_VERB = re.compile(r"^\s*(?:is|was|are|—|–|-|,|este|ist|est|es|è|é|jest|är|er|on|is a|ni|adalah|là)\s", re.I)


def _without_writer_bio(body: str, author: str) -> str:
    """The text without the writer's bio line closing it ('Naomi Fletcher is a freelance
    journalist who writes about…'): a short last paragraph opening with the byline's name and a
    verb or a dash, after at least two paragraphs of text."""
    paragraphs = body.split("\n\n")
    names = [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", author) if n.strip()]
    while len(paragraphs) > 2:
        last = paragraphs[-1]
        if len(last) > 300 or not any(last.startswith(n) and _BIO_VERB.match(last[len(n):]) for n in names):
            break
        paragraphs.pop()
    return "\n\n".join(paragraphs)


def _head_box(el: etree._Element, body_el) -> bool:
    """`el` is in an <aside> of the article's own head, between its headline and its text (a
    columnist's box: her picture, name, role and her other columns), not a sidebar."""
    box = next(el.iterancestors("aside"), None)
    if box is None or body_el is None or box in body_el.iterancestors() or body_el in box.iterancestors():
        return False
    article = next(box.iterancestors("article"), None)
    if article is None or body_el not in article.iterdescendants():
        return False
    for following in box.itersiblings():
        if following is body_el or body_el in following.iterdescendants():
            return True
    return False


# an administrative unit's name, as a portal's or a blog's account is named after its commune
_UNIT_ACCOUNT = re.compile(r"^(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh|ubnd)\s+\S", re.I)


def _without_site_name(doc: Doc, author: str | None) -> str | None:
    """The writer without the site's own name after a comma ('Juliana Castro, Portal Global SP'
    on Portal Global SP's page): the outlet is the page's, not a second writer."""
    if not author or "," not in author:
        return author
    head, _, tail = author.rpartition(",")
    site = doc.meta.get("og:site_name")
    if head.strip() and site and tail.strip().lower() == site.strip().lower():
        return head.strip()
    return author


_ITEM_PICTURE = re.compile(r"item-?image|fulltext|article-?image", re.I)


def _lead_picture_caption(body_el: etree._Element) -> str | None:
    """The caption of a <figure> that stands right before the body container, its picture
    classed as the item's ('item-image', 'fulltext-image'): the article's picture, outside
    its text block."""
    prev = body_el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None and prev.tag == "div" and _COVER_CAPTION.search(prev.get("class") or ""):
        text = text_of(prev)           # a Liferay blog entry's cover image, its caption in a box
        return text if 0 < len(text) <= 300 else None   # of its own ('cover-image-caption')
    if prev is None or prev.tag != "figure" or not _ITEM_PICTURE.search(prev.get("class") or ""):
        return None
    caption = next(prev.iter("figcaption"), None)
    text = text_of(caption) if caption is not None else ""
    return text if 0 < len(text) <= 300 else None


_COVER_CAPTION = re.compile(r"(?:^|\s)cover-image-caption(?:$|\s)")


def _category_of(el: etree._Element) -> str | None:
    """A profile's category element, unless it names the home page (a breadcrumb whose own
    item is printed without a link leaves 'Trang chủ' as its last link)."""
    text = text_of(el).strip(generic.CRUMB_MARKS)   # (an item that prints the trail's arrow: 'Thông báo »')
    return None if not text or text.lower() in generic.HOME else text


# the heading of a box about the writer after a column ('Sobre la autora', 'À propos de l’autrice',
# 'על הכותבת'): the page's one writer, when no byline names one
_ABOUT_AUTHOR = re.compile(r"^(?:" + alternation(labels.ABOUT_AUTHOR) + r")\s*:?$", re.I)


def _about_the_author(doc: Doc) -> str | None:
    """The name in the box about the writer, printed in bold or as its own line (or, failing
    those, its portrait's alt text)."""
    body = doc.root.find("body")
    for heading in body.iter("h2", "h3", "h4", "h5", "strong", "b", "div", "span") if body is not None else ():
        if heading.text is None or len(heading.text) > 40 or len(heading) or \
                not _ABOUT_AUTHOR.match(heading.text.strip()):
            continue
        box = heading.getparent()
        for _ in range(2):
            if box is None:
                return None
            for el in box.iter("strong", "b", "p", "span", "div", "img"):
                if el is heading:
                    continue
                name = clean(el.get("alt") or "") if el.tag == "img" else text_of(el)
                if len(name) > 40:
                    continue
                if name and (looks_like_name(name) and len(name.split()) >= 2 or caseless_name(name)):
                    return name
            box = box.getparent()
        return None
    return None


_CREDIT_SECTION = re.compile(r"^(?:" + alternation(labels.CREDIT_SECTION) + r")\s*:?$", re.I)


def _credit_section(doc: Doc) -> str | None:
    """The office or person a page section headed by a credit names ('<h2>A cura di</h2>' over a
    card whose title links to 'Ufficio Stampa'): the title of the block right under the heading."""
    for heading in doc.tagged("headings"):
        if heading.tag not in ("h2", "h3", "h4") or not _CREDIT_SECTION.match(text_of(heading)):
            continue
        block = heading.getnext()
        while block is not None and not isinstance(block.tag, str):
            block = block.getnext()
        if block is None or len(text_of(block)) > 400:
            return None
        title = next(block.iter("h3", "h4", "h5", "strong", "a"), None)
        name = text_of(title) if title is not None else ""
        if 1 < len(name) <= 60 and (looks_like_name(name) or _AGENCY.match(name)) and not _UI_WORDS.match(name):
            return name
        return None
    return None


def _printed_headline(doc: Doc, headline: str | None) -> etree._Element | None:
    """The element printing the headline (taken from <title>) as its whole text: a page that
    sets its title in a plain <div>."""
    if not headline:
        return None
    body = doc.root.find("body")
    for el in body.iter("div", "p", "span", "strong", "b") if body is not None else ():
        if el.text and el.text.strip() == headline and text_of(el) == headline:
            return el
    return None


def _meta_line_name(headline: etree._Element | None) -> str | None:
    """The first item of the meta line printed right under the headline, when it is a name and
    another item holds a date or a time ('Elif Kaya | 3 saat önce', 'سارة المنصوري · منذ 3 ساعات'):
    the writer, though no label says so."""
    if headline is None:
        return None
    line = _next_line(headline)
    if line is None:
        return None
    items = [i.strip() for i in ITEM_SEPARATOR.split(text_of(line)) if i.strip()]
    if len(items) == 1 and len(items[0]) <= 60:
        # a name alone on the line between the headline and the date line (a table-era page's
        # '<font size="2"><b>Γιώργος Παπαδόπουλος</b></font><br><font size="1">20/11/2008 12:15</font>')
        after = _next_line(line)
        dated = after is not None and len(text_of(after)) <= 40 and \
            parse_vietnamese_datetime(text_of(after)).value is not None
        name = items[0]
        return name if dated and looks_like_name(name) and 2 <= len(name.split()) <= 4 else None
    if not 2 <= len(items) <= 4 or len(text_of(line)) > 100 or not any(
            any(ch.isdigit() for ch in item) for item in items[1:]):
        return None
    name = items[0]
    return name if looks_like_name(name) and len(name.split()) >= 2 else caseless_name(name)


def _next_line(el: etree._Element) -> etree._Element | None:
    """The element printed after `el` (line breaks passed over; from the innermost of a
    '<font><b>…</b></font>', the next of its holder, two levels up at most)."""
    node = el
    for _ in range(3):
        nxt = node.getnext()
        while nxt is not None and (not isinstance(nxt.tag, str) or nxt.tag == "br"):
            nxt = nxt.getnext()
        if nxt is not None:
            return nxt
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return None
    return None


_ORGANIZATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation",
                                 "GovernmentOrganization", "EducationalOrganization"})


def _platform_account(doc: Doc, body_el) -> str | None:
    """A blog platform's byline that names the writer by the account he writes under (a marked
    author element 'kintsugi_hana', a link to '/@minji_dev' whose text is that account): the
    writer, as the page prints him. (A Vietnamese portal's CMS account is not: 'Người đăng: admin'.)"""
    for el in islice(generic.author_elements(doc, body_el), 6):
        text = clean(text_of(el))
        if is_account(text) and "@" not in text and not _UI_WORDS.match(text) \
                and not _SITE_ACCOUNT_WORDS & set(re.split(r"[\W_\d]+", text.lower())):
            return text                # (an e-mail address is no account's name)
    for a in islice(doc.root.iter("a"), 400):
        href = a.get("href") or ""
        at = href.rfind("/@")
        if at >= 0 and clean(text_of(a)) == href[at + 2:].strip("/") and is_account(clean(text_of(a))) \
                and not in_link_list(a) and not generic.in_comments(a) and not generic.chrome_ancestor(a, body_el):
            return clean(text_of(a))
    return _posted_by_handle(doc, body_el) or _journal_user(doc, body_el)


# a handle: one token of Latin letters, digits, '_', '.' or '-' ('rwilkins', 'Vorstand_Kai', 'marisol-writes')
_HANDLE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{1,30}$")
# the label a poster's handle follows ('Posted by', 'Enviado por', 'von', '投稿者 :', 'ストーリー by')
_POSTED_BY_END = re.compile(r"(?:(?<![^\W\d_])(?:by|von|par|por|da|di|door|av|af|na|pa|ni)|投稿者|投稿人|发表于|作者)"
                            r"\s{0,3}[:：]?\s{0,3}$", re.I)


def _posted_by_handle(doc: Doc, body_el) -> str | None:
    """The handle a board, a blog or an old portal names its poster by, linked after a 'Posted
    by' label ('Posted by <a href="…username=rwilkins">rwilkins</a> on Monday…', 'von
    <strong><a class="username">Vorstand_Kai</a></strong> »'): the first outside comments and
    the site's chrome; a site's administrator account is none."""
    for a in islice(doc.root.iter("a"), 600):
        name = clean(text_of(a))
        if not _HANDLE.match(name) or site_account(name) or name.lower() in _SITE_ACCOUNT_WORDS \
                or _UI_WORDS.match(name):
            continue
        holder = a
        while holder.getprevious() is None and holder.getparent() is not None \
                and holder.getparent().tag in ("strong", "b", "em", "i", "span") and not (holder.getparent().text or "").strip():
            holder = holder.getparent()
        prev = holder.getprevious()
        before = (prev.tail if prev is not None else holder.getparent().text if holder.getparent() is not None else None) or ""
        if not _POSTED_BY_END.search(before[-40:]):
            continue
        if in_link_list(a) or generic.in_comments(a) or generic.chrome_ancestor(a, body_el):
            continue
        return name
    return None


def _journal_user(doc: Doc, body_el) -> str | None:
    """A journal's poster in its user widget (LiveJournal's and Dreamwidth's '<span class="ljuser"
    lj:user="marina_vetrova">'): the first outside comments."""
    if "ljuser" not in doc.source:
        return None
    for span in doc.root.iter("span"):
        if "ljuser" in (span.get("class") or "").split() and not generic.in_comments(span):
            name = clean(span.get("lj:user") or text_of(span))
            if _HANDLE.match(name):
                return name
    return None


def _jsonld_person(author) -> str | None:
    """A JSON-LD author entry's name when it is a person's ({"@type": "Person", "name": …})."""
    if not isinstance(author, dict) or author.get("@type") not in ("Person", ["Person"]):
        return None
    return _person_name(author.get("name"))


def _person_name(name) -> str | None:
    """A metadata value read as a person's name (any script), or None."""
    if not isinstance(name, str) or not name.strip():
        return None
    name = clean(name)
    return name if looks_like_name(name) or _CJK_NAME.match(name) else caseless_name(name)


def _jsonld_kinds(item: dict) -> set[str]:
    """The schema.org types a JSON-LD item names ('@type': a string or a list of them)."""
    kind = item.get("@type")
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def _jsonld_organizations(doc: Doc) -> frozenset[str]:
    """The names the page's JSON-LD gives as organisations (an Organization author, the
    publisher): a meta author naming one of them is no writer ('Banco Central', a brand)."""
    names = set()
    for item in doc.jsonld:
        for key in ("author", "publisher"):
            value = item.get(key)
            for one in (value if isinstance(value, list) else [value])[:6]:
                if isinstance(one, dict) and isinstance(one.get("name"), str) and (
                        key == "publisher" or _jsonld_kinds(one) & _ORGANIZATION_TYPES):
                    names.add(one["name"].strip().lower())
    return frozenset(names)


def _jsonld_author(doc: Doc) -> str | None:
    """The page's JSON-LD author when it is a person's name (a newsroom named as an
    Organization is the publisher, not a writer)."""
    for item in doc.jsonld:
        author = item.get("author")
        if isinstance(author, list) and len(author) > 1:
            names = [_jsonld_person(a) for a in author[:6]]
            if all(names) and not any(_PHOTOGRAPHER.search(str(a.get("jobTitle") or a.get("description") or ""))
                                      for a in author[:6]):
                return _as_printed(doc, list(dict.fromkeys(names)))   # every writer, in the page's order
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict):
            if _jsonld_kinds(author) & _ORGANIZATION_TYPES:
                continue
            author = author.get("name")
        if isinstance(author, str) and author.strip():
            return _person_name(author)
    return None


def _part_blocks(part: etree._Element) -> list[Block]:
    """The blocks of one part of a text split over sibling blocks; a part that is a table of
    data (a text-only page's statistics between its paragraphs) as its rows, as inside a
    container."""
    if part.tag == "table":
        rows = data_table_rows(part)
        if rows:
            caption = next(part.iterchildren("caption"), None)
            head = [Block(text_of(caption), caption, 0, 0)] if caption is not None and text_of(caption) else []
            return head + [Block("\n".join(rows), part, 0, 0)]
    return blocks(part)


def body_paragraphs(container: etree._Element, profile: Profile | None, headline: str | None,
                    date_raw: str | None, more: tuple[etree._Element, ...] = (),
                    has_author: bool = True, inline_chrome: bool = False,
                    captions_told: bool = False, replies: bool = False) -> tuple[list[str], Signature]:
    """The article text of `container` (and of the sibling containers `more` that continue it)
    as paragraphs, without chrome, related lists or the signature (returned separately). A
    profile whose author has its own field (signature = false) still gives up a last line
    printed as a signature (right-aligned and bold or italic) when that field is empty.
    `inline_chrome` (the generic extractor on a page not in Vietnamese, whose records keep
    their captions): what the container holds besides the text is left out by its role
    (captions, ads, share bars, teasers, embeds) and by its words ('Advertisement',
    'Read more: ...'); `captions_told`: a photo story, its captions kept as its text;
    `replies`: a thread's replies under its first post are left out."""
    work = container
    if profile is not None and profile.strip:
        work = copy.deepcopy(container)
        for selector in profile.strip:
            for el in selector(work):
                if el is not work and isinstance(el.tag, str):
                    el.set(STRIP_MARK, "")       # skipped by blocks(), its tail kept: O(1)
    if inline_chrome:
        for part in (work, *more):
            _mark_inline_chrome(part, captions_told)
    else:
        for part in (work, *more):
            _mark_ad_boxes(part)
            if profile is None:
                _mark_share_bars(part)
    if replies:
        for part in (work, *more):
            _mark_replies(part)
    items = _part_blocks(work) if more else blocks(work)
    for part in more:
        items.extend(_part_blocks(part))
    kept: list[Block] = []
    prose_seen = False                 # `_prose_seen(kept)`, kept up as blocks are kept
    i = 0
    while i < len(items):
        block = items[i]
        text = block.text
        i += 1
        if "[" in text and _SHORTCODE.search(text):
            text = clean(_SHORTCODE.sub(" ", text))
            if not text:
                continue               # a shortcode alone on its line
            block = Block(text, block.element, block.link_chars, block.emphasis_chars)
        if prose_seen and len(text) <= 200 and _PRINT_FOOTER.match(text):
            break                      # a print view's footer: the text ended above
        if len(text) <= 800 and _SCRIPT_ERROR.match(text):
            if prose_seen and _SCRIPT_STOPPED.match(text):
                break                  # PHP stopped there: what follows is its error handler's page
            continue                   # 'Warning: Undefined array key … on line 58': the server's
        if prose_seen and len(text) <= 200 and _COPYRIGHT_LINE.match(text):
            continue                   # 'ⓒ 한빛일보 무단전재 및 재배포 금지', '© 2012 X. All rights reserved.'

        if RELATED_HEADING.match(text):
            resume = _text_after_related(items, i)
            if resume is None:
                break
            i = resume                 # a related box inside the article: the text goes on
            continue
        if inline_chrome and _inline_boiler(block, kept):
            if _ENDS_ARTICLE.match(text) and prose_seen:
                break                  # "###", "Reader comments": the article ended above
            continue
        if inline_chrome and prose_seen and _release_tail(block):
            break                      # a press release's 'About X' and contacts: not its text
        if inline_chrome and prose_seen and len(text) <= 80 and _EMAIL_ONLY.match(text):
            continue                   # the writer's address under the text ('jtremblay@…')
        if inline_chrome and len(text) <= 12 and _BARE_TIMESTAMP.match(text):
            continue                   # a time code or a ticker's minute on its own line
        if len(text) <= 300 and _ORIGINAL_BOX.match(text):
            while i < len(items) and len(items[i].text) <= 200 and _FIELD_LINE.match(items[i].text):
                i += 1                 # the box of the original's details, a labelled line each
            continue
        if len(text) <= 300 and _REPOST_NOTE.match(text):
            continue                   # a repost's note ('Bài viết được đăng lại từ …'), not its text
        if _LABEL_ALONE.match(text) and i < len(items) and len(items[i].text) <= 100:
            i += 1                     # a labelled field under the text ('Tác giả' / its value)
            while i < len(items) and len(items[i].text) < 150 and _FILE_LINE.search(items[i].text):
                i += 1                 # ... or an attachment heading and its files
            continue
        m = _LINKED_READ_MORE.match(text)
        if m is not None and block.link_chars >= 0.5 * (len(text) - m.end()):
            continue                   # 'Xem thêm: <a>…</a>': another article's title in the text
        if _PLAYER_LINE.match(text) or (len(text) <= 40 and (_LISTEN_LINE.match(text)
                                                             or _TRANSCRIPT_LABEL.match(text))) \
                or len(text) <= 240 and _player_ui(block.element):
            continue                   # a player's 'Thời lượng: 12:35 | Tải về', 'Nghe đọc bài viết', 'Lời bình:'
        if len(text) <= 60 and _OPEN_IN_APP.search(text) and not _numbered_step(block) or _HASHTAGS.match(text):
            continue                   # 'Open in app', '#metro #izmir': the app's, the tags
        if _reader_notice(text) or _link_bar(block) or _file_widget(block):
            continue                   # a file box's reader notice, 'Drukuj | Zapisz do PDF', a file's button
        if generic.qa_label(text):
            continue                   # 'Câu hỏi:' / 'Trả lời:' alone over the question and the answer
        if _metadata_table(block) or _document_card(block):
            if kept and (kept[-1].element.getparent() is block.element
                         or len(kept[-1].text) <= 60 and kept[-1].element.getnext() is block.element):
                kept.pop()             # its caption ('Metryczka', a box title 'THÔNG TIN VĂN BẢN')
            continue                   # the page's record card: dates, who published, visits
        if len(text) <= 60 and block.link_chars >= len(text) and _image_links_only(block.element):
            continue                   # 'Xem ảnh kích thước đầy đủ': a link to the picture's file
        if len(text) <= 160 and _stats_line(text):
            continue                   # 'Ngày xuất bản: 14/08/2025 - 16:20 | Lượt xem: 1.234' under the text
        if _BOILER.match(text) or _VIEW_LINE.match(text) or view_line(text) or _VIEW_LABEL_ALONE.match(text) or _VIEW_QUALIFIED.match(text) or _COUNTERISH.match(text) or _share_bar(text) \
                or _ARCHIVE_NOTICE.match(text) or _pager(block) or _slide_counter(block) \
                or len(text) <= 80 and _COUNTS_ONLY.fullmatch(text) and any(c.isdigit() for c in text) \
                and _COUNT_WORD_IN.search(text):
            continue
        if block.link_chars >= len(text) and _REPLY_BUTTON.match(text):
            continue                   # a forum post's 'Trả lời' / 'Reply' link under its text
        if len(text) < 120 and (_RATING_LINE.match(text) or _COUNTS_LINE.match(text) or _RATE_PROMPT.match(text)) \
                or len(text) < 40 and _stamp_line(block, _own_time(block)):
            continue                   # a rating widget's line; a live entry's stamp ('16:35')
        m = _KEYWORDS_LINE.match(text) if len(text) < 300 else None
        if m is not None and block.link_chars >= 0.5 * (len(text) - m.end()):
            continue
        if len(text) <= 200 and prose_seen and _TIP_CALL.match(text):
            continue                   # 'Do you have a news tip? Email …', 'Has vist un error? Avisa'ns.'
        if len(text) <= 60 and block.link_chars >= len(text) and _entry_permalink(block.element):
            continue                   # a live entry's own link ('Share this update', 'Enlace a esta entrada')
        if not prose_seen and headline and _same_title(text, headline) and (
                profile is None or all(len(k.text.split()) <= 4 for k in kept)):
            kept.clear()               # a kicker or the section's name over the headline: not text
            continue                   # ('E-MAGAZINE' on a cover inside a profile's container too)
        if not prose_seen and (_page_furniture(block, headline, date_raw)
                               or generic.is_date_badge(block.element)):
            continue
        if not prose_seen and not _leads_in(kept) and (len(text) < 100 and _META_LINE.match(text)
                                                       or profile is None and _info_line(text)):
            continue                   # the article-info lines above the text (category, date, hits)
        if not kept and (_same_title(text, headline) or (date_raw and date_raw in text and len(text) < len(date_raw) + 40)):
            continue
        kept.append(block)
        prose_seen = prose_seen or _prose_seen([block])
    kept = _drop_attachment_box(kept)
    kept = _drop_credits_block(kept)
    if len(kept) > 1 and len(kept[-1].text) <= 80 and (_STATS_ITEM.match(kept[-1].text) or _META_LINE.match(kept[-1].text)) \
            and parse_vietnamese_datetime(kept[-1].text).value is not None and _prose_seen(kept[:-1]):
        kept.pop()                     # 'Ngày xuất bản: 05/09/2025 08:30', 'Cập nhật lần cuối vào …'
        #                                under the text
    while len(kept) > 1 and _tool_row(kept[-1]) and _prose_seen(kept[:-1]):
        kept.pop()                     # the article's tools under its text ('In ra', 'Gửi email'),
        #                                over its signature or source line
    kept = _drop_link_lists(kept)
    kept = _drop_pull_quotes(kept)
    signature = Signature()
    if profile is None:
        _drop_info_lines(kept)         # (under the text, over its signature)
    if profile is None or profile.signature:
        kept, signature = _take_signature(kept)
        kept, signature = _take_opening_credit(kept, signature)
    elif not has_author:
        kept, signature = _take_signature(kept, printed_only=True)
    elif len(kept) > 1 and len(kept[-1].text) <= 150 and AUTHOR_LINE.match(kept[-1].text) \
            and _prose_seen(kept[:-1]):
        kept.pop()                     # the writer's labelled line closing the text ('Tác giả: …'),
        #                                read as the profile's author field: not text
    while len(kept) > 1 and kept[-1].element.tag in _HEADINGS and len(kept[-1].text) <= 60 \
            and _prose_seen(kept[:-1]):
        kept.pop()                     # a heading with nothing under it ('Thông tin thêm' over K2's
        #                                extra fields, read as the signature)
    if profile is None:
        _drop_info_lines(kept)         # (under the signature too)
        while len(kept) > 1 and generic.is_contact_box(kept[-1].element) and _prose_seen(kept[:-1]):
            kept.pop()                 # the portal's footer inside the text's block: its name,
            #                            address and telephone, lines parted by <br>
    return Paragraphs(_TYPED_BULLET.sub("", b.text) for b in kept).leading(_first_prose(kept)), signature


# Inside the body container the generic extractor chose: what a page prints within the article
# but not as its text, named by its role (class/id parts) in the usual CMS vocabularies. A
# figure is its picture and caption (a table printed as a figure stays).
_INLINE_CHROME_PART = re.compile(
    r"^(?:ads?|adslot|adunit|advert\w*|anzeigen?|werbung|reklam\w*|publicit\w*|dfp|"
    r"share\w*|sharing|social\w*|related\w*|relacionad\w*|correlat\w*|readalso|teaser\w*|"
    r"newsletter\w*|subscri\w*|paywall\w*|comments?|commentaires?|\w*caption\w*|credits?|"
    r"tags?|keywords|bio|tweet\w*|twitter\w*|instagram\w*|embed\w*|consent\w*|"
    r"boilerplate|video\w*|byline\w*|metadata|toolbar|pullquote|sr|visually|screen|"
    # galleries beside the text (their titles and '1/3' counts), shopping boxes and their notices
    r"gallery\w*|galeri\w*|galleri\w*|slideshow\w*|carousel\w*|pager|pagination|affiliate\w*|disclaimer\w*|disclosure\w*|product\w*|"
    r"factbox\w*|fakta\w*|faktaboks\w*|faktaruta\w*|fakten\w*|inhetkort|"
    r"donat\w*|donor\w*|fundrais\w*|sponsor\w*|signup\w*|summary|"
    # a release's press contacts under its text ('新聞聯絡人', 'Media contact')
    r"contact|contacts|presscontacts?|mediacontacts?|"
    r"fb|facebook\w*|xfbml\w*|tiktok\w*|youtube\w*|whatsapp\w*|telegram\w*|"
    # a wiki's '[edit]' links and its boxes beside the text
    r"editsection\w*|infobox\w*|navbox\w*|"
    # captions, bylines and standfirsts named in other languages (Catalan 'peu', 'signatura',
    # 'subtitol'; Spanish 'pie de foto'; Portuguese and Italian 'legenda', 'didascalia')
    r"peu|peufoto|piefoto|legenda|legende|didascalia|bildtext|bildunterschrift|signatura|"
    r"subtitol|subtitulo|sottotitolo|standfirst|signoff)$")
_INLINE_CHROME_TOKENS = frozenset({"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
                                   "screen-reader-only", "sign-off", "pie-foto", "pie-de-foto",
                                   "post-actions", "postactions", "post-buttons"})
_HINT_PARTS = re.compile(r"[-_]+")
_INLINE_CHROME_MEMO: dict[str, bool] = {}
# an entry's meta line ('mc-entry__meta': its time and writer) and the notes under a text, by class part
_NOTES_PART = re.compile(r"(?:^|[\s_-])(?:footnotes|endnotes|fussnoten|notes-list)(?:$|[\s_-])")


# the words of a subscription's prompt box, which are also the words of the wrapper a paywalled
# site puts around the text it sends whole ('subscriber-preview', 'subscriber-only')
_GATE_PART = re.compile(r"^(?:subscri\w*|paywall\w*)$")
GATE_TEXT = 400                    # a prompt box says less than this; a gated text says more


_MEDIA_PART = re.compile(r"^(?:gallery|slideshow|carousel)$")
_TEXT_PART = re.compile(r"^(?:text|texts|intro)$")


def _inline_chrome_hint(hint: str) -> str | None:
    """What a class or id names inside an article's container: "chrome" (captions, ads,
    share bars...), "gate" (a subscription's box or wrapper: chrome only when it holds little
    text), or None."""
    known = _INLINE_CHROME_MEMO.get(hint, False)
    if known is False:
        known = None
        for token in hint.lower().split():
            parts = [p for p in _HINT_PARTS.split(token) if p]
            if token in _INLINE_CHROME_TOKENS:
                known = "chrome"
                break
            hits = [p for p in parts if _INLINE_CHROME_PART.match(p) and p not in ("sr", "visually", "screen")]
            if hits and all(_MEDIA_PART.match(p) for p in hits) and any(_TEXT_PART.match(p) for p in parts):
                continue               # a gallery's own text ('gallery-text__p'), not its slides
            if hits:
                known = "gate" if all(_GATE_PART.match(p) for p in hits) else "chrome"
                if known == "chrome":
                    break
        if len(_INLINE_CHROME_MEMO) > 4096:
            _INLINE_CHROME_MEMO.clear()
        _INLINE_CHROME_MEMO[hint] = known
    return known


def _mark_inline_chrome(container: etree._Element, captions_told: bool = False) -> None:
    """Mark (for blocks() to skip) what the article's container holds besides its text:
    captions, asides, share bars, ads, related teasers, embeds, newsletter and paywall boxes,
    bylines, screen-reader-only labels; one walk of the container. `captions_told`: a photo
    story, whose captions are its text (generic.photo_story)."""
    photos: list[etree._Element] = []
    players: list[etree._Element] = []
    named: list[etree._Element] = []
    signups = _signup_boxes(container)
    _mark_choice_widget(container)
    for el in container.iterdescendants():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if el in signups:
            el.set(STRIP_MARK, "")     # a newsletter's sign-up box between the paragraphs
            continue
        if tag == "aside" or (not captions_told and (tag == "figcaption" or (
                tag == "figure" and next(el.iter("table"), None) is None and not _essay_panel(el)))):
            el.set(STRIP_MARK, "")
            continue
        if tag in ("div", "section") and _key_points_box(el):
            el.set(STRIP_MARK, "")
            continue
        if tag in ("div", "section", "ul", "ol") and len(el) >= 3 and generic.teaser_group(el):
            el.set(STRIP_MARK, "")     # a carousel of other stories between the paragraphs
            continue
        if (tag == "header" or tag in ("div", "p") and META_PART.search(el.get("class") or "")) and _stamp_header(el):
            el.set(STRIP_MARK, "")     # an entry's time and who posted it, no heading
            continue
        if tag in ("section", "div", "ol", "aside") and (el.get("role") == "doc-endnotes" or
                                                        _NOTES_PART.search(el.get("class") or "")):
            el.set(STRIP_MARK, "")     # the notes under the text and their backlinks ('↩')
            continue
        if not captions_told and tag in _CAPTION_TAGS and _repeats_alt(el):
            el.set(STRIP_MARK, "")     # a picture's caption that repeats its alt text
            continue
        cls, ident = el.get("class"), el.get("id")
        if captions_told and "caption" in (cls or "").lower() and not _CREDIT_HINT.search(cls or ""):
            continue                   # a photo story's caption: its text
        if not captions_told and cls and tag in ("div", "span", "p") and _photo_box(el, cls):
            photos.append(el)          # a picture and its caption in a box of their own ('news-photo')
            continue
        if not captions_told and tag == "table" and _floated_picture(el):
            photos.append(el)          # an old page's picture and caption in a floated table
            continue
        if tag in ("div", "figure", "section") and cls and _PLAYER_BOX.search(cls) \
                and next(el.iter("details", "button", "video", "iframe"), None) is not None:
            players.append(el)         # a video player between the paragraphs: its title, blurb and transcript
            continue
        kinds = {cls and _inline_chrome_hint(cls[:HINT_CHARS]), ident and _inline_chrome_hint(ident[:HINT_CHARS])}
        if "chrome" in kinds and _holds_the_text(el, container):
            continue                   # the text's own wrapper, whatever its generated class says
            #                            (CSS modules: 'Teaser_wrapper__BEHoW' around every paragraph)
        if "chrome" in kinds and tag == "p":
            named.append(el)           # (marked below, unless they are the text)
        elif "chrome" in kinds or ("gate" in kinds and tag not in _TEXT_TAGS and not _gated_text(el)):
            el.set(STRIP_MARK, "")     # (a paragraph classed 'paywall' is the text behind the wall)
    if named and not (len(named) >= 3 and 3 * sum(len(text_of(p)) for p in named) >= 2 * len(text_of(container))):
        for el in named:               # paragraphs a class names as chrome; but when they are most
            el.set(STRIP_MARK, "")     # of the text, they are the text ('Teaser_meta__Q_H61' on each)
    if photos:
        captions = sum(len(text_of(el)) for el in photos)
        if 2 * captions <= len(text_of(container)):       # (a story told in its pictures keeps them)
            for el in photos:
                el.set(STRIP_MARK, "")
    if players and len(text_of(container)) - sum(len(text_of(el)) for el in players) >= 300:
        for el in players:             # (a video's own page, its transcript the text, keeps it)
            el.set(STRIP_MARK, "")


_TOOL_LINK_WORDS = frozenset(labels.TOOL_LINKS)
_TOOL_SPLIT = re.compile(r"\s*[|·•]\s*|\s{2,}")


def _tool_row(block: Block) -> bool:
    """A line of the article's tool links only ('In ra', 'In bài | Gửi email')."""
    words = [w.lower() for w in _TOOL_SPLIT.split(block.text.strip()) if w]
    return bool(words) and len(block.text) <= 80 and block.link_chars >= 0.8 * len(block.text.replace(" ", "")) \
        and all(w in _TOOL_LINK_WORDS for w in words)


def _holds_the_text(el: etree._Element, container: etree._Element) -> bool:
    """A block of three paragraphs or more holding most of the container's text: the text
    itself, not a box beside it."""
    if el.tag not in ("div", "section", "main") or sum(1 for _ in islice(el.iterchildren("p"), 3)) < 3:
        return False
    return 3 * len(text_of(el)) >= 2 * len(text_of(container))


def _signup_boxes(container: etree._Element) -> set[etree._Element]:
    """The sign-up boxes inside the text: a <form> asking for an e-mail address, with its title
    and pitch in the block around it (a box of a few lines: 600 characters at most)."""
    boxes = set()
    for form in container.iter("form"):
        if not any((i.get("type") or "").lower() == "email" or "mail" in (i.get("name") or "").lower()
                   for i in form.iter("input")) or len(text_of(form)) > 600:
            continue                   # (not ASP.NET's page-wide <form> around the article)
        box = form
        while box.getparent() is not None and box.getparent() is not container \
                and box.getparent().tag in ("div", "section") and len(text_of(box.getparent())) <= 600:
            box = box.getparent()
        boxes.add(box)
    return boxes


def _same_title(text: str, headline: str | None) -> bool:
    """The text is the headline, in whatever case the theme prints it ('PHƯỜNG BÌNH PHƯỚC RA MẮT …'
    in the <h1>, 'Phường Bình Phước ra mắt …' in og:title)."""
    return bool(headline) and (text == headline or (len(text) == len(headline) and text.casefold() == headline.casefold()))


def _entry_permalink(el: etree._Element) -> bool:
    """`el` is (in) a link to an anchor of the block it stands in (a live entry's 'Share this
    update' pointing at its own id)."""
    link = el if el.tag == "a" else next(el.iter("a"), None)
    href = (link.get("href") or "") if link is not None else ""
    if not href.startswith("#") or len(href) < 2:
        return False
    target = href[1:]
    return any(anc.get("id") == target for anc in link.iterancestors())


def _stamp_header(header: etree._Element) -> bool:
    """A <header> holding a <time> and a short line besides (a live entry's '1:05 a.m. Posted by
    X'), without a heading: the entry's metadata, not its text."""
    return next(header.iter("time"), None) is not None \
        and next(header.iter("h1", "h2", "h3", "h4", "h5", "h6"), None) is None and len(text_of(header)) <= 150


# a share bar's or a social plugin's class or id part ('sharedaddy', 'sd-sharing', 'socialicon',
# 'fb-like', 'zalo-share-button', 'addthis_toolbox', 'a2a_kit')
_SHARE_PART = re.compile(r"^(?:share\w*|sharing|addthis\w*|addtoany|a2a|social\w*|sociable|fb|zalo)$")


def _form_box(cls: str) -> bool:
    """A class naming a comment box or a form ('comment-form', 'binh-luan', 'feedback-form')."""
    return "form" in cls.lower() or generic.comment_block(cls) or bool(_FEEDBACK.search(cls))


_FEEDBACK = re.compile(r"gop-?y|feedback", re.I)


_AD_BOX = re.compile(r"(?:^|[\s_-])(?:ads?|adslot|advert\w*|quang-?cao|qcao)(?:$|[\s_-])", re.I)


def _mark_ad_boxes(container: etree._Element) -> None:
    """Mark (for blocks() to skip) an ad box between the parts of a Vietnamese article's text
    ('<div class="inread-ads"><div>Quảng cáo</div><a><img></a><p>…</p></div>'): classed as an ad,
    a few lines at most."""
    for el in container.iterdescendants("div", "section", "aside"):
        cls = el.get("class")
        if cls and _AD_BOX.search(cls) and len(text_of(el)) <= 400:
            el.set(STRIP_MARK, "")


def _mark_share_bars(container: etree._Element) -> None:
    """Mark (for blocks() to skip) the share bars and social plugins a Vietnamese article's
    container holds (its captions stay: they are the record's text): 'Chia sẻ: Facebook In'
    under a WordPress post, 'Thích 31 Chia sẻ 10 Zalo' over a NukeViet one; readers' comments
    and comment forms ('Ý kiến (3)', 'Thêm bình luận mới')."""
    whole = None
    for el in container.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        if (el.tag == "form" or (el.tag in ("section", "div") and _form_box(el.get("class") or "")
                                 and next(el.iter("form"), None) is not None)) \
                and next(el.iter("textarea"), None) is not None and len(text_of(el)) < 400 \
                and not any(len(text_of(p)) >= 80 for p in el.iter("p")):
            el.set(STRIP_MARK, "")     # a comment form and its title ('Thêm bình luận mới', 'Tên của bạn'),
            continue                   # not ASP.NET's page-wide <form> around the article
        cls = el.get("class")
        if cls and el.tag in ("div", "section", "ul", "ol") and generic.comment_block(cls):
            if whole is None:
                whole = len(text_of(container))
            if 2 * len(text_of(el)) < whole:
                el.set(STRIP_MARK, "")     # the readers' comments under the text ('box-comment')
                continue
        for hint in (el.get("class"), el.get("id")):
            if hint and ("sha" in hint or "soci" in hint or "fb" in hint or "zalo" in hint or "a2a" in hint
                         or "addt" in hint) and any(
                    _SHARE_PART.match(part) for token in hint.lower().split()
                    for part in _HINT_PARTS.split(token) if part):
                el.set(STRIP_MARK, "")
                break


_PHOTO_PART = re.compile(r"^(?:photo|photos|foto|fotos|image|img|picture|pic|bild)$")


def _photo_box(el: etree._Element, cls: str) -> bool:
    """A box classed as a picture's ('news-photo', 'article-image') that holds an image and at
    most a caption's words."""
    low = cls.lower()
    if not any(w in low for w in ("photo", "foto", "im", "pic", "bild")):
        return False
    if not any(_PHOTO_PART.match(part) for token in low.split() for part in _HINT_PARTS.split(token) if part):
        return False
    return next(el.iter("img"), None) is not None and len(text_of(el)) <= 300


def _mark_choice_widget(container: etree._Element) -> None:
    """Mark (for blocks() to skip) a quiz or a poll inside the text: the smallest block that
    holds its three or more radio buttons or check boxes, when it is not most of the text."""
    boxes = [i for i in islice(container.iter("input"), 200) if (i.get("type") or "").lower() in ("radio", "checkbox")]
    if len(boxes) < 3:
        return
    widget = boxes[0].getparent()
    while widget is not None and widget is not container and \
            not all(widget in b.iterancestors() for b in boxes[1:]):
        widget = widget.getparent()
    if widget is None or widget is container:
        return
    parent = widget.getparent()
    while parent is not None and parent is not container and len(parent) <= 4 \
            and len(text_of(parent)) - len(text_of(widget)) <= 200:
        widget, parent = parent, parent.getparent()   # (its title and instructions over it)
    if 2 * len(text_of(widget)) < len(text_of(container)):
        widget.set(STRIP_MARK, "")


# a video player's box by its class ('vp-player', 'video-player', 'jw-player-wrap')
_PLAYER_BOX = re.compile(r"(?:^|[\s_-])(?:video-?)?player(?:$|\s)", re.I)


def _floated_picture(table: etree._Element) -> bool:
    """A table floated beside the text (align="right" or "left") holding one picture and at
    most a caption's words: a 2000s page's figure."""
    if (table.get("align") or "").lower() not in ("right", "left"):
        return False
    images = list(islice(table.iter("img"), 2))
    return len(images) == 1 and len(text_of(table)) <= 300 and sum(1 for _ in islice(table.iter("td"), 3)) <= 2


_TEXT_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"})
# a reply's subject in a discussion thread: 'Re: …', 'Trả lời: …', 'AW: …', 'Odp: …'
_SUBJECT_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "div", "span")
_REPLY_BUTTON = re.compile(r"^(?:" + alternation(labels.REPLY_BUTTONS) + r")$", re.I)
_REPLY_HINT = re.compile(r">\s*(?:" + alternation(labels.REPLY_PREFIXES) + r")\s*[:：]", re.I)
_REPLY_SUBJECT = re.compile(r"^(?:" + alternation(labels.REPLY_PREFIXES) + r")\s*(?:\[\d+\])?\s*[:：]\s*\S.{0,200}$",
                            re.I)
_POST_PART = re.compile(r"^(?:post|posts|reply|replies|message|msg|forumpost|postbody|comment)$", re.I)


def _mark_replies(container: etree._Element) -> None:
    """Mark (for blocks() to skip) a discussion thread's replies ('Re: <the thread's title>')
    under its first post, the article (Moodle's forum news, phpBB, vBulletin)."""
    for el in container.iterdescendants(*_SUBJECT_TAGS):
        if _REPLY_SUBJECT.match(text_of(el)):
            post = _post_of(el, container)
            if post is not None:
                post.set(STRIP_MARK, "")


def _post_of(el: etree._Element, container: etree._Element) -> etree._Element | None:
    """The post a reply's subject heads: its nearest <article>, or the nearest element classed
    as a post, a reply or a message, under the container."""
    for node in el.iterancestors():
        if node is container:
            return None
        if node.tag == "article" or node.get("data-region") == "post" or any(
                _POST_PART.match(part) for part in _HINT_PARTS.split((node.get("class") or "").lower()) if part):
            return node
    return None


_CREDIT_HINT = re.compile(r"credit|source|copyright", re.I)
_KEY_POINTS = re.compile(r"^(?:" + alternation(labels.KEY_POINTS) + r")\s*[:：]?$", re.I)


_CAPTION_TAGS = frozenset({"em", "i", "span", "small", "p", "div"})


def _repeats_alt(el: etree._Element) -> bool:
    """The element right after an <img> (its previous sibling) says what the image's alt says:
    the picture's caption, whatever its class ('<img alt="X"><em class="img_desc">X</em>')."""
    prev = el.getprevious()
    if prev is None or prev.tag != "img" or (prev.tail or "").strip():
        return False
    alt = prev.get("alt")
    return bool(alt) and len(alt) >= 12 and clean(alt) == text_of(el)


def _key_points_box(el: etree._Element) -> bool:
    """A box titled as the story's key points ('What you need to know:', 'मुख्य बातें') over a
    list: beside the text, not the text."""
    head = next((kid for kid in el if isinstance(kid.tag, str)), None)
    return head is not None and head.tag in ("h2", "h3", "h4", "h5", "strong", "b", "p", "div") \
        and len(el) >= 2 and next(el.iter("ul", "ol"), None) is not None \
        and bool(_KEY_POINTS.match(text_of(head)))


def _gated_text(el: etree._Element) -> bool:
    """A subscription's wrapper around text the page sends whole (two paragraphs of prose or
    more, or GATE_TEXT characters), not its prompt box ('Subscribe to keep reading')."""
    prose = sum(1 for p in el.iter("p") if len(text_of(p)) >= 80)
    return prose >= 2 or len(text_of(el)) >= GATE_TEXT


_AD_LABEL = re.compile(r"^(?:skip )?[-–—\s]*(?:" + alternation(labels.AD_LABELS) + r"|"
                       # an audio version's player line ('Hlusta: …', 'Listen to this article')
                       r"(?:" + alternation(labels.LISTEN) + r")\b.*|"
                       # a reader's button between the paragraphs: 'Story continues', 'Read next'
                       r"story continues(?: below)?|article continues(?: below)?|continue reading|"
                       r"read next|weiterlesen|la suite après cette publicité|continúa leyendo)$", re.I)
# a photo's credit closing a line: the line is a caption ('... Foto: Luis Canul', '... © AFP',
# '... REUTERS/Name/File Photo', '…（记者 王明 摄）')
_CREDITED_CAPTION = re.compile(
    r"(?:\b(?:foto|photo|photograph|photos|bild|imagen|image|crédito|crédit|credit|fotó|zdjęcie|фото)"
    r"\s*[:：]\s*[^.:：]{2,60}|©\s*[^.]{2,60}|\b(?:reuters|ap photo|afp|epa|getty images)\s*/\s*\S[^.]{0,60}"
    r"|[（(][^（）()]{0,30}[摄攝][)）]|\((?:[\w .-]{1,40}/)?@[\w.]{2,40}\))\s*$", re.I)
_SHARE_LABEL = re.compile(r"^(?:share(?: this)?(?: article| story| on)?|partager(?: cet article)?|teilen|"
                          r"artikel teilen|compartir|condividi|compartilhar|partilhar|udostępnij|"
                          r"поделиться|分享)\s*[:：]?$", re.I)
# "Read more: <title>", "Lire aussi | <title>", "Czytaj też: <title>": a teaser line
_READ_MORE = re.compile(
    r"^(?:" + alternation(labels.READ_ALSO) + r")"
    r"(?:\s*[:：|»›>\-–—]\s*|\s+)?", re.I)
_TAGS_LINE = re.compile(r"^(?:" + alternation(labels.TAGS_ELSEWHERE) + r")\s*[:：]", re.I)
_EDITOR_LINE = re.compile(r"^[(（]?(?:责任编辑|責任編輯|编辑|編輯|編集|责编|審核|审核|校对|校對|审校|监制|監製|editor|"
                          r"原标题|原標題)\s*[:：]", re.I)
# a public account's prompt to follow it ('点击蓝字 关注我们', '长按识别二维码关注', 'Tap the blue
# name above to follow us')
_FOLLOW_PROMPT = re.compile(r"^(?:点击|點擊|长按|長按)[^。！？.!?]{0,12}(?:关注|關注)|^(?:tap|click)\b[^.!?]{0,40}\bfollow us\b",
                            re.I)
# where an article's text ends: a press release's end mark, a comment section's heading
_ENDS_ARTICLE = re.compile(r"^(?:#{3}|-\s?30\s?-|-ends-|ends|"
                           r"(?:reader |user |\d+ )?comments?(?: \(\d+\))?|leave a (?:comment|reply)|"
                           r"kommentare|commentaires|comentarios|commenti|comentários|"
                           r"komentarze|комментарии|评论|コメント)\s*[:：]?$", re.I)


# what ends a press release's text: the issuer's boilerplate ('About Northgate Minerals',
# 'Über die Stadtwerke Lindau') printed as a heading or in bold, its forward-looking statements
# and its press contacts
_ABOUT_ISSUER = re.compile(r"^(?:about|über|à propos d[e'’]|acerca de|sobre|informazioni su|"
                           r"o firmie|о компании)\s+\S.{0,60}$", re.I)
_RELEASE_END = re.compile(rf"^(?:{labels.alternation(labels.RELEASE_END)})\s*[:：]?$", re.I)


# a transcript's time code ('00:01:18'), a match ticker's minute ('64\'', '45+2\''), alone on a line
_BARE_TIMESTAMP = re.compile(r"^(?:\[?(?:\d{1,2}:)?\d{1,2}:\d{2}\]?|\d{1,3}(?:\s?\+\s?\d{1,2})?\s?['’′]"
                             r"|(?:kl|klo|kell|klokken|um)\.?\s?\d{1,2}[:.]\d{2}(?:\s?uhr)?)$", re.I)   # ('Kl. 22.35')
_EMAIL_ONLY = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")


def _release_tail(block: Block) -> bool:
    text = block.text
    first = text.split("\n", 1)[0]
    if len(first) <= 80 and _RELEASE_END.match(first) and len(text) <= 400:
        return True                    # (its contact's lines under it, broken by <br>: one block)
    if len(text) > 80:
        return False
    heading = block.element.tag in ("h2", "h3", "h4", "h5", "h6") or block.emphasised
    return heading and len(text.split()) <= 8 and bool(_ABOUT_ISSUER.match(text))


_READING_TIME = re.compile(r"^(?:\d+\s*(?:min(?:ute)?s?|mins?\.?)\s*(?:read|de lecture|di lettura|de leitura|"
                           r"de lectura|lesezeit)\b|(?:lesezeit|reading time|temps de lecture)\s*[:：]?\s*\d|"
                           r"published in$|-{2,}$)", re.I)


def _inline_boiler(block: Block, kept: list[Block]) -> bool:
    """A line of the generic body that is page furniture whatever its markup: an ad label, a
    share bar's title, a read-more teaser, a tags or editor line, an end mark."""
    text = block.text
    if len(text) > 320:
        return False
    if _TAGLINE.search(text):
        return True                    # the paper's lines under a story: how to reach the writer,
        #                                where it first ran, who contributed, the platform's disclaimer
    if len(text) > 200:
        return False
    if _AD_LABEL.match(text) or _SHARE_LABEL.match(text) or _ENDS_ARTICLE.match(text):
        return True
    if _TAGS_LINE.match(text) or _EDITOR_LINE.match(text) or _FOLLOW_PROMPT.match(text):
        return True
    if _WIRE_CREDITS.match(text) or _EMBARGO.match(text):
        return True                    # a wire's 'Reporting by …; Editing by …', a release's embargo
    if not any(ch.isalnum() for ch in text):
        return True                    # an icon or emoji alone on its line ('📬', '***' aside)
    if _NEWSLETTER.search(text) and _SUBSCRIBE.search(text):
        return True                    # 'First published in our newsletter. Subscribe for free …'
    if _CREDITED_CAPTION.search(text) and not text.rstrip().endswith((".”", '."')):
        return True
    if len(text) < 40 and _time_only(block):
        return True                    # a live blog entry's stamp ("10:42", "vor 12 Min.")
    if len(text) < 40 and _READING_TIME.match(text):
        return True                    # "7 min read", "Lesezeit: 4 Minuten", "Published in"
    m = _READ_MORE.match(text)
    if m is not None:
        label, rest = m.group(0), text[m.end():]
        return not rest or block.link_chars >= 0.5 * len(rest) or \
            (label.rstrip()[-1:] in ":：|»›>" and len(rest) < 120)
    return False


# a wire story's credits under its text ('Reporting by A in Sao Paulo; Editing by B')
_WIRE_CREDITS = re.compile(r"^(?:(?:additional )?reporting|writing|compiled|editing) by\b.{0,200}"
                           r"(?:;|\bediting by\b)", re.I)
# the lines a paper or a contributors' platform prints with every story ('Reach X at x@… or
# 760-555-0142.', 'This story was originally published March 1, 2021 7:30 PM.', 'Contributing: X',
# 'Follow X on Twitter: …', a disclaimer that the views are the writer's), an audio player's credit
_TAGLINE = re.compile(r"^(?:reach \S[^.@]{0,60}? at \S+@|" + alternation(labels.TAGLINE_OPENINGS) +
                      r"|follow [^.:]{1,60} on (?:twitter|x|facebook|instagram|threads|bluesky)\b|powered by \w+ audio$)"
                      r"|\b(?:" + alternation(labels.DISCLAIMERS) + r")\b", re.I)
# a press release's embargo over its text ('EMBARGOED UNTIL 00:01 BST WEDNESDAY 14 JUNE 2023')
_EMBARGO = re.compile(r"^(?:under embargo|embargoed|embargo|sperrfrist|sous embargo)\b.{0,80}$", re.I)
_NEWSLETTER = re.compile(alternation(labels.NEWSLETTER), re.I)
_SUBSCRIBE = re.compile(alternation(labels.SUBSCRIBE), re.I)


def _time_only(block: Block) -> bool:
    """The line is the text of a <time> alone, or with a link beside it and nothing else (a live
    entry's stamp and its 'Copy link')."""
    return _stamp_line(block, next(block.element.iter("time"), None))


def _own_time(block: Block) -> etree._Element | None:
    """The line's element if it is a <time>, else its first child if that is one: a test of one
    or two elements, whatever the size of the element the line belongs to (text split by <br>
    in one container of thousands of lines)."""
    el = block.element
    if el.tag == "time":
        return el
    first = next(iter(el), None)       # (not len(el): lxml counts the children to say it)
    return first if first is not None and first.tag == "time" else None


def _stamp_line(block: Block, stamp: etree._Element | None) -> bool:
    """`_time_only` for the <time> `stamp` (None: no line of the kind)."""
    if stamp is None:
        return False
    told = clean(" ".join(stamp.itertext()))
    if told == block.text:
        return True
    rest = block.text.replace(told, "", 1).strip() if told and told in block.text else None
    return bool(rest) and len(rest) <= 40 and block.link_chars >= len(rest.replace(" ", "")) > 0 \
        and next(stamp.iterancestors("a"), None) is None


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


def _story_box(heading: etree._Element) -> etree._Element | None:
    """The block a related-news heading opens when it holds the listed stories only (their
    titles, bylines and dates: two links or more, no paragraph of prose), not the text."""
    box = heading.getparent()
    if box is None or box.tag in ("body", "html") or sum(1 for _ in islice(box.iter("a"), 2)) < 2:
        return None
    for p in box.iter("p"):
        text = text_of(p)
        if len(text) >= 100 and sum(len(text_of(a)) for a in p.iter("a")) < 0.5 * len(text):
            return None
    return box if len(text_of(box)) < 2000 else None


def _text_after_related(items: list[Block], start: int) -> int | None:
    """Where the article's text resumes after a related-news heading printed inside it (the
    heading's list of links skipped), or None when no prose follows: the article ended."""
    i = start
    box = _story_box(items[start - 1].element) if start > 0 else None
    while i < len(items) and (_linky(items[i]) or items[i].element.tag == "li"
                              or _in_list_item(items[i].element)
                              or (box is not None and box in items[i].element.iterancestors())):
        i += 1                         # (a listed story's title, teaser and date, in the heading's box)
    if i == start or i >= len(items):
        return None
    nxt = items[i]
    if nxt.element.tag in ("h2", "h3", "h4", "h5", "h6") and i + 1 < len(items) \
            and not RELATED_HEADING.match(nxt.text):
        nxt = items[i + 1]             # the text's next section heading, then its prose
    if len(nxt.text) >= 80 and nxt.link_chars < 0.3 * len(nxt.text) \
            and not RELATED_HEADING.match(nxt.text) and nxt.element.tag not in ("li", "td", "th"):
        return i
    if nxt.text.rstrip().endswith((":", "：")) and not nxt.link_chars and i + 1 < len(items) \
            and _in_table(items[i + 1].element):
        return i                       # 'Kết quả sàng lọc theo tháng:' over the text's data table
    return None


def _drop_info_lines(kept: list[Block]) -> None:
    """Without the article-info lines closing the text ('Cập nhật lần cuối: …', 'Lượt xem: 312')."""
    while len(kept) > 1 and _info_line(kept[-1].text) and _prose_seen(kept[:-1]) \
            and not KOREAN_BYLINE.match(kept[-1].text) and not _credit_alone(kept[-1].text):
        kept.pop()                     # (a Korean sign-off, a lone credit: the signature's)


# one item of a page's statistics line: its publication or update date, or its views
_STATS_ITEM = re.compile(r"^(?:" + alternation(labels.PUBLISHED, labels.DATE_PUBLISHED, labels.UPDATED, labels.VIEWS,
                                               labels.VISITS) + r")\s*[:：]\s*\S", re.I)


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|tiff?|avif)(?:[?#].*)?$", re.I)


def _image_links_only(el: etree._Element) -> bool:
    links = [a.get("href") or "" for a in el.iter("a")]
    return bool(links) and all(_IMAGE_FILE.search(href) for href in links)


def _stats_line(text: str) -> bool:
    """A line of two or more items, each a labelled date or view count ('Ngày xuất bản: … |
    Lượt xem: 1.234'): the page's statistics, wherever printed, never its text."""
    items = ITEM_SEPARATOR.split(text)
    return len(items) >= 2 and all(_STATS_ITEM.match(item.strip()) for item in items)


def _drop_credits_block(kept: list[Block]) -> list[Block]:
    """Without an e-magazine's credits block under its cover: two or more lines in a row, each
    one credit ('Nội dung: X', 'Ảnh: Y', 'Thiết kế: Z', 'Video: W'), or one line of two credits
    ('Bài: X - Ảnh: Y'), with text after it: the makers (read for the author by
    `_credited_writer`), not text. (Credits closing the text are its signature, read as such.)"""
    for start, block in enumerate(kept[:8]):   # (under the cover: among the first lines)
        labels_in = list(_CREDITS_LABEL.finditer(block.text)) if len(block.text) <= 120 else []
        if not labels_in or labels_in[0].start() != 0:
            continue
        end = start
        while end + 1 < len(kept) and len(kept[end + 1].text) <= 120 \
                and _CREDITS_LABEL.match(kept[end + 1].text):
            end += 1                   # (the block's lines, one credit each)
        lines = kept[start:end + 1]
        if (len(lines) >= 2 or len(labels_in) >= 2) and _prose_seen(kept[end + 1:]) \
                and all(len(b.text.split()) <= 14 for b in lines):
            return kept[:start] + kept[end + 1:]   # (text follows it: a block under the cover,
        #                                            not the signature closing the text)
        break
    return kept


def _credit_alone(text: str) -> bool:
    """A line that is one writer's credit and nothing else ('Text: Klaus Werner', 'Tekst: X'):
    the signature, read as such, not an info line to drop."""
    if len(ITEM_SEPARATOR.split(text)) != 1 or not credit_labelled(text):
        return False
    signed = split_signature(text)
    return signed is not None and signed.author is not None


def _in_table(el: etree._Element) -> bool:
    return el.tag in ("table", "tr", "td", "th") or next(el.iterancestors("table"), None) is not None


def _drop_pull_quotes(kept: list[Block]) -> list[Block]:
    """Without the pull quotes: a quotation box (<blockquote>, or a block classed as a quote)
    whose words the text prints in full elsewhere, with its attribution."""
    quotes: set[etree._Element] = set()
    for block in kept:
        if len(block.text) < 30:
            continue
        boxes = [a for a in islice(self_and_ancestors(block.element), 4)
                 if a.tag == "blockquote" or _QUOTE_CLASS.search(a.get("class") or "")]
        box = boxes[-1] if boxes else None   # (the whole quotation: its words and its attribution)
        if box is None or box in quotes:
            continue
        core = block.text.strip(" .,;:!?\"'“”„«»‘’–—-")   # (the text prints it inside its quotation marks)
        lead = (block.element.text or "").strip(" .,;:!?\"'“”„«»‘’–—-")
        if len(lead) >= 30 and len(lead) < len(core):
            core = lead                # (its words, then its attribution run on in a <span>)
        if any(core in other.text for other in kept
               if other is not block and box not in other.element.iterancestors() and other.element is not box):
            quotes.add(box)
    if not quotes:
        return kept
    return [b for b in kept if not any(q is b.element or q in b.element.iterancestors() for q in quotes)]


_QUOTE_CLASS = re.compile(r"(?:^|[\s_-])(?:pull-?quote|quote)(?:$|[\s_-])", re.I)


def _in_list_item(el: etree._Element) -> bool:
    return any(a.tag == "li" for a in islice(el.iterancestors(), 6))


def _prose_seen(kept: list[Block]) -> bool:
    return any(len(b.text) >= 80 or len(b.text) >= 40 and _dense(b.text) for b in kept)


_DENSE_SCRIPT = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _dense(text: str) -> bool:
    """Written mostly in a script that says in 40 characters what Latin says in 80 (Chinese,
    Japanese, Korean): a sentence of prose however short it looks."""
    return len(_DENSE_SCRIPT.findall(text)) * 2 > len(text)


_CRUMB_SEPARATORS = re.compile(r"^[\s»›>/|\-–·:]*$")


# a read-more line the portals put inside the text, with its colon: the title after it is a link
_LINKED_READ_MORE = re.compile(r"^(?:xem thêm|đọc thêm|xem tiếp|tin liên quan|bài liên quan|có thể bạn quan tâm|"
                               + alternation(labels.LANGUAGE_TWIN) + ")"
                               r"(?:\s*[:：៖>»]\s*|\s+)(?=\S)", re.I)   # (without a colon: the rest is a link)
_TRANSCRIPT_LABEL = re.compile(r"^(?:" + alternation(labels.TRANSCRIPT) + r")\s*[:：]?$", re.I)
# a web video player's own bars (video.js, Plyr, MediaElement.js, JW Player): its title bar with
# the file's name, its clock and quality ('0:00 / 04:12 720p')
_PLAYER_UI = re.compile(r"(?:^|\s)(?:vjs|plyr|mejs|jw)[-_]")


def _player_ui(el: etree._Element) -> bool:
    return any(_PLAYER_UI.search(a.get("class") or "") for a in islice(self_and_ancestors(el), 3))


_LISTEN_LINE = re.compile(r"^(?:" + alternation(labels.LISTEN) + r")\b", re.I)
_PLAYER_LINE = re.compile(r"^(?:thời lượng|thời gian|duration|dauer|durée|duración)\s*[:：]\s*"
                          r"(?:\d{1,2}:)?\d{1,2}:\d{2}\b.{0,40}$", re.I)
_LABEL_ALONE = re.compile(r"^(?:" + alternation(labels.AUTHOR, labels.SOURCE, labels.CATEGORY, labels.ATTACHMENTS,
                                                labels.TAGS, ("author",)) + r")\s*[:：]?$", re.I)
_META_LABELS = (labels.AUTHOR, labels.VISITS, labels.PUBLISHED, labels.UPDATED, labels.CATEGORY, labels.VIEWS)
_META_LABEL = re.compile(labels.first_letters(*_META_LABELS) + r"(" + alternation(*_META_LABELS) + r")\s*[:：]", re.I)


_UPDATED_BESIDE = re.compile(r"\b(?:updated|modified|modifié|mis à jour|aktualisiert|actualizado|"
                             r"aggiornato|atualizado|cập nhật)\b", re.I)


# what PHP prints into a page when a script fails ('<b>Warning</b>:  Undefined array key "views" in
# <b>/var/www/…/class-counter.php</b> on line <b>112</b>'): never the writer's text
_SCRIPT_ERROR = re.compile(r"^(?:PHP )?(?:(?:Catchable )?Fatal error|Warning|Notice|Deprecated|Parse error|"
                           r"Strict Standards|Recoverable fatal error)\s*:\s.{1,700}?\son line\s+\d+\s*$", re.S)
_SCRIPT_STOPPED = re.compile(r"^(?:PHP )?(?:(?:Catchable )?Fatal error|Parse error)\s*:")


def _essay_panel(figure: etree._Element) -> bool:
    """One of a photo essay's panels: a text panel (see _text_panel) beside another one; a lone
    figure with a paragraph (a chart and its note) stays a figure."""
    if not _text_panel(figure):
        return False
    parent = figure.getparent()
    return parent is not None and sum(1 for f in islice(parent.iterchildren("figure"), 12)
                                      if f is not figure and _text_panel(f)) >= 1


def _text_panel(figure: etree._Element) -> bool:
    """A photo essay's panel: a <figure> whose picture comes with paragraphs of the text beside
    its caption (<p> outside the <figcaption>, a sentence or more): the paragraphs are text, the
    caption is not. Only beside a <figcaption>: a figure whose one <p> is its caption stays one."""
    if next(figure.iter("figcaption"), None) is None:
        return False
    for para in figure.iter("p"):
        if any(a.tag == "figcaption" for a in para.iterancestors()):
            continue
        if len(text_of(para)) >= 40:
            return True
    return False


def _page_furniture(block: Block, headline: str | None, date_raw: str | None) -> bool:
    """Before the first paragraph of a container the generic extractor chose: the headline
    again, the timestamp line, or a breadcrumb (links joined by separators)."""
    text = block.text
    if headline and text == headline:
        return True
    if date_raw and date_raw in text and (len(text) < len(date_raw) + 40 or (
            len(text) < 2 * len(date_raw) + 40 and _UPDATED_BESIDE.search(text))):
        return True                    # the dateline ('Publié le …, modifié le …' too)
    if len(text) < 100 and BYLINE_LABEL.match(text) and byline_name(text, labelled_only=True):
        return True                    # the byline: 'Par Claire Fontanel et Rémi Bouchard'
    if len(text) < 160 and len({m.lower() for m in _META_LABEL.findall(text)}) >= 2:
        return True                    # the meta line: 'Tác giả: X  Lượt xem: 1034'
    if len(text) < 100 and _META_LABEL.match(text):
        return True                    # one item of it alone: 'Tác giả: X'
    if not block.link_chars and len(text) < 200 and _plain_crumb(text):
        return True                    # 'Jesteś tutaj: Rada Miejska > Sesje Rady > Protokoły z sesji'
    if block.link_chars and len(text) < 200 and ("»" in text or "›" in text or " > " in text):
        rest = text
        for a in block.element.iter("a"):
            rest = rest.replace(clean(text_content(a)), "", 1)
        return bool(_CRUMB_SEPARATORS.match(rest))
    return False


# a breadcrumb printed without links: an optional 'You are here:' label, then three or more short
# items joined by '>', '»' or '›'
_CRUMB_JOIN = re.compile(r"\s[>»›]\s")
_CRUMB_LABEL = re.compile(r"^[^:：]{1,30}[:：]\s")


def _plain_crumb(text: str) -> bool:
    """(two items when the first is the home page's: 'Trang chủ › An ninh trật tự')"""
    items = _CRUMB_JOIN.split(_CRUMB_LABEL.sub("", text, count=1))
    return (len(items) >= 3 or len(items) == 2 and items[0].strip().lower() in generic.HOME) and all(0 < len(item.strip()) <= 60 and not _SENTENCE_END.search(item)
                                   for item in items)


_SENTENCE_END = re.compile(r"[.!?]")


# a download button's words
_DOWNLOAD_COUNT = re.compile(r"\s*[(（]\s*(?:lượt tải|số lượt tải|downloads?|tải)\s*[:：]?\s*[\d.,]{1,12}\s*(?:lần)?\s*[)）]\s*$",
                             re.I)
_DOWNLOAD_WORD = re.compile(r"^(?:tải xuống|tải về|tải file|tải tệp|download|herunterladen|télécharger|descargar|"
                            r"scarica|baixar|pobierz|скачать|下载|ダウンロード|다운로드)$", re.I)


def _numbered_step(block: Block) -> bool:
    """An item of a numbered list or a line closing with a semicolon: a step of the text's own
    instructions ('1. Tải ứng dụng ký số từ kho ứng dụng chính thức;'), not the site's promotion."""
    el = block.element
    return block.text.rstrip().endswith(";") or (el.tag == "li" and el.getparent() is not None
                                                  and el.getparent().tag == "ol")


def _file_widget(block: Block) -> bool:
    """A file's download widget ('<div class="wp-block-file"><a>Thông báo …</a><a download>Tải
    xuống</a></div>'): the line is links only, one of them a download button. The file is an
    attachment of the record, not a sentence of its text."""
    if not block.link_chars or len(block.text) > 280:
        return False
    text = _DOWNLOAD_COUNT.sub("", block.text)     # (the file's count beside it: '(Lượt tải: 41)')
    if len(text) > 250 or block.link_chars < 0.9 * len(text.replace(" ", "")):
        return False
    for a in block.element.iter("a"):
        if (a.get("download") is not None or "button" in (a.get("class") or "")) and \
                _DOWNLOAD_WORD.match(clean(text_content(a))):
            return True
        if _DOCUMENT_HREF.search(a.get("href") or "") and _DOWNLOAD_NOTE.search(text):
            return True                # '<a href="….pdf">Kế hoạch số 85/KH-UBND (tải về)</a>'
    return False


_DOCUMENT_HREF = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|rar|zip)(?:$|[?#])", re.I)
_DOWNLOAD_NOTE = re.compile(r"[(\[]\s*(?:tải về|tải xuống|download|xem file|xem chi tiết)\s*[)\]]\s*$", re.I)


def _link_bar(block: Block) -> bool:
    """A short line of two or more links and separators only ('Drukuj | Zapisz do PDF',
    'Print · Email · PDF'): the page's toolbar, not the text."""
    text = block.text
    if len(text) > 80 or not block.link_chars or not _BAR_SEPARATOR.search(text):
        return False
    links = [clean(text_content(a)) for a in block.element.iter("a")]
    if not links:                      # (a line cut from <br>-separated text: its links not kept)
        items = [item.strip(" []()") for item in _BAR_SEPARATOR.split(text)]
        return len(items) >= 2 and all(0 < len(item) <= 30 for item in items) \
            and block.link_chars >= 0.9 * sum(len(item) for item in items)
    rest = text
    for link in links:
        rest = rest.replace(link, "", 1)
    return len(links) >= 2 and not rest.strip(" |·•/-–—[]()")   # ('[ Print | Email ]')


_BAR_SEPARATOR = re.compile(r"\s[|·•]\s")
# a metadata table's labels ('Data publikacji:', 'Wytworzył:', 'Liczba odwiedzin:')
_META_CELL = re.compile(r"^(?:" + alternation(labels.DATE_PUBLISHED, labels.DATE_UPDATED, labels.DATE_CREATED,
                                              labels.VIEWS_WORLD) + r")\s*[:：]?$", re.I)


def _metadata_table(block: Block) -> bool:
    """A table of 'label: | value' rows in which two or more labels name the page's dates or its
    views (a public-information bulletin's 'Metryczka', a CMS's 'Document information'): the
    page's record card, not the article's table."""
    if block.element.tag != "table":
        return False
    rows = block.text.split("\n")
    cells = [row.split(" | ") for row in rows]
    if len(rows) < 3 or any(len(c) != 2 for c in cells) or not all(c[0].rstrip().endswith((":", "：")) for c in cells):
        return False
    return sum(1 for c in cells if _META_CELL.match(c[0].strip())) >= 2


_DOCUMENT_FIELDS = frozenset(labels.DOCUMENT_FIELDS)


def _document_card(block: Block) -> bool:
    """A table of 'label | value' rows, three or more of whose labels are a legal document's
    record fields ('Số ký hiệu', 'Ngày ban hành', 'Cơ quan ban hành', 'Người ký', 'Trích yếu'):
    the document's card, not its text."""
    if block.element.tag != "table" or len(block.text) > 3000:
        return False
    rows = block.text.split("\n")
    cells = [row.split(" | ") for row in rows]
    if len(rows) < 3 or any(len(c) != 2 for c in cells):
        return False
    return sum(1 for c in cells if c[0].strip().rstrip(":：").strip().lower() in _DOCUMENT_FIELDS) >= 3


_PAGER_WORDS = frozenset({"trang", "trước", "sau", "tiếp", "theo", "đầu", "cuối", "kế", "page",
                          "next", "prev", "previous", "first", "last", "seite", "weiter", "zurück",
                          "suivante", "précédente", "página", "pagina", "siguiente", "anterior",
                          "seguinte", "successiva", "precedente", "strona", "następna", "poprzednia"})
_PAGE_WORDS = ("trang", "page", "seite", "página", "pagina", "strona")
# a paged story's line to its next page ('Continued on page 2: …', 'Continua na página 2: …')
_CONTINUED = re.compile(r"^(?:continued on page|continues on page|continua na página|continúa en la página|"
                        r"continua a pagina|weiter auf seite|fortsetzung auf seite|suite page|suite en page|"
                        r"ciąg dalszy na stronie|vervolg op pagina|tiếp theo trang|xem tiếp trang)\s*\d+\b", re.I)
_PAGER_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def _pager(block: Block) -> bool:
    """An article's pager ('« Trang trước | Trang: 1 2 | Trang sau »', 'Page 1 2 3 Next'):
    linked, short, and only page words and page numbers, naming a page at least once."""
    text = block.text
    if not block.link_chars or len(text) > 80:
        return False
    words = _PAGER_TOKEN.findall(text.lower())
    if _CONTINUED.match(text) and block.link_chars >= 0.8 * len(text):
        return True                    # 'Continued on page 2: <the next page's title>', linked
    return (any(w in _PAGE_WORDS for w in words) or sum(w.isdigit() for w in words) >= 2) and \
        all(w.isdigit() or w in _PAGER_WORDS for w in words)


# a post's reactions line, only counts and their words ('❤️ 156 · 12 bình luận · 2.318 lượt xem',
# spans printed without spaces between them)
_COUNTS_ONLY = re.compile(r"(?:[\d.,·|•\s]|lượt xem|lượt đọc|lượt thích|lượt chia sẻ|bình luận|chia sẻ|thích|"
                          r"views?|likes?|comments?|shares?|[^\w\s])+", re.I)


_COUNT_WORD_IN = re.compile(r"lượt xem|lượt đọc|lượt thích|bình luận|chia sẻ|views?\b|likes?\b|comments?\b|shares?\b", re.I)


# a slideshow's counter under its pictures ('1 / 5'; Swiper's fraction pagination), by the classes
# of the element or the box it sits in
_SLIDE_COUNT = re.compile(r"\d{1,3}\s*/\s*\d{1,3}")
_SLIDESHOW_CLASS = re.compile(r"carousel|slide|swiper|gallery|counter|pagination|lightbox|album", re.I)


def _slide_counter(block: Block) -> bool:
    if len(block.text) > 9 or not _SLIDE_COUNT.fullmatch(block.text):
        return False
    shown, total = (int(n) for n in block.text.split("/"))
    if not 1 <= shown <= total:
        return False
    for level, el in enumerate(self_and_ancestors(block.element)):
        if level > 3:
            return False
        if _SLIDESHOW_CLASS.search(el.get("class") or ""):
            return True
    return False


def _share_bar(text: str) -> bool:
    """A line of share buttons: only share words and network names, naming sharing ('chia sẻ',
    'share') and one network at least. (A network's name alone is a button of a list, left to
    the link-list rule.)"""
    if len(text) > 120:
        return False
    words = text.lower().replace(":", " ").split()
    if all(w in _SHARE_WORDS or w in _TOOL_WORDS for w in words) and "sẻ" in words and "in" in words:
        return True                    # 'Chia sẻ · Bản in': the toolbar of a theme without icons
    if len(words) <= 4 and ("share" in words or "sẻ" in words) and \
            all(w in _SHARE_WORDS or _COUNT_WORD.match(w) for w in words) and any(_COUNT_WORD.match(w) for w in words):
        return True                    # '318 Chia sẻ', 'Share (12)': the share button and its count
    if sum(w in _NETWORKS for w in words) >= 2 and all(w in _SHARE_WORDS or w in _TOOL_WORDS for w in words):
        return True                    # 'Facebook Zalo In trang': the buttons, named only
    return any(w in _NETWORKS for w in words) and ("share" in words or "sẻ" in words) \
        and all(w in _SHARE_WORDS for w in words)


_COUNT_WORD = re.compile(r"^\(?\d[\d.,]*\)?$")


_TOOL_WORDS = frozenset({"bản", "lưu", "phóng", "to", "thu", "nhỏ", "cỡ", "chữ", "trang", "đầu", "về"})


def _drop_attachment_box(kept: list[Block]) -> list[Block]:
    """An attachment box at the end of the text: its heading alone on a line ("File đính
    kèm:") and under it only file lines ("x.pdf (412 KB) - Lượt tải: 12"). The files are the
    record's attachments, not its text. (A heading with the file on its own line, "File đính
    kèm: <a>Kết quả…</a>", is the article's sentence and stays.)"""
    while kept and len(kept[-1].text) <= 60 and _in_file_table(kept[-1].element) and (
            _FILE_DETAIL.match(kept[-1].text) or _ATTACH_HEADING.match(kept[-1].text) or _FILE_LINE.search(kept[-1].text)):
        kept = kept[:-1]               # what is left of a table of files under the text ('Ngày ban
        #                                hành: 18/08/2025', 'Tải về'): its cells, not text
    for i in range(len(kept) - 1, max(-1, len(kept) - 12), -1):
        if _ATTACH_HEADING.match(kept[i].text):
            rest = kept[i + 1:]
            signed = len(rest)
            while signed > 1 and len(rest[signed - 1].text) <= 120 and AUTHOR_LINE.match(rest[signed - 1].text):
                signed -= 1            # the writer's labelled line under the box ('Tác giả: X')
            if rest and all(_file_box_line(b) for b in rest[:signed] if not _reader_notice(b.text)):
                return kept[:i] + rest[signed:]
            return kept
        inline = _ATTACH_INLINE.match(kept[i].text) if len(kept[i].text) < 300 else None
        if inline is not None:
            # the heading and its files on one line ('Tệp đính kèm: <a>x.pdf</a> (Lượt tải: 58)'):
            # a box when what follows the heading names files, not a document's title
            rest = kept[i + 1:]
            if kept[i].link_chars and _FILE_LINE.search(kept[i].text[inline.end():]) and \
                    all(len(b.text) < 200 and _FILE_LINE.search(b.text) for b in rest if not _reader_notice(b.text)):
                return kept[:i]
            return kept
    return kept


# a file's detail in its own cell or line ('Ngày ban hành: 18/08/2025', 'Lượt tải: 41', 'Dung lượng: 2 MB')
_FILE_DETAIL = re.compile(r"^(?:ngày ban hành|ngày đăng|ngày tải lên|lượt tải|số lượt tải|lượt tải về|dung lượng|"
                          r"kích thước|định dạng|số ký hiệu|loại văn bản)\s{0,3}[:：]", re.I)


def _in_file_table(el: etree._Element) -> bool:
    """`el` is a cell (or in one) of a table that links to a file."""
    table = next((a for a in el.iterancestors("table")), None) if el.tag != "table" else el
    return table is not None and any(_FILE_LINE.search(a.get("href") or "") for a in table.iter("a"))


def _file_box_line(block: Block) -> bool:
    """A line of an attachment box: a file's line, or its table of files (a header row 'STT |
    Tên tệp | … | Lượt tải' and a row per file)."""
    if len(block.text) < 200:
        return bool(_FILE_LINE.search(block.text)) or (len(block.text) <= 60 and (
            _FILE_DETAIL.match(block.text) is not None or _ATTACH_HEADING.match(block.text) is not None))
    return block.element.tag == "table" and len(block.text) < 3000 and all(
        _FILE_LINE.search(row) for row in block.text.split("\n")[1:] if row.strip())


def _reader_notice(text: str) -> bool:
    """'PDF形式のファイルをご利用するためには、「Adobe Reader」が必要です。', 'To open PDF files you
    need Adobe Acrobat Reader': a file box's notice, not the article's."""
    return len(text) < 250 and bool(_READER_NOTICE.search(text))


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


def _take_opening_credit(kept: list[Block], signature: Signature) -> tuple[list[Block], Signature]:
    """A labelled credit printed before the lead ('Bài và ảnh: Hoàng Thu' over the text): the
    writer, like a signature at the end, and not the text."""
    if len(kept) < 2 or len(kept[0].text) > 80:
        return kept, signature
    first = kept[0]
    if not _CREDIT.match(first.text):
        # a name alone, printed as a signature (right-aligned and bold), over the lead
        if signature.author or not (first.emphasised and right_aligned(first.element)
                                    and looks_like_name(first.text) and len(first.text.split()) <= 5):
            return kept, signature
        return kept[1:], Signature(first.text, signature.source)
    opening = split_signature(first.text)
    if opening is None or not opening.author:
        return kept, signature
    return kept[1:], Signature(signature.author or opening.author, signature.source)


def _take_signature(kept: list[Block], printed_only: bool = False) -> tuple[list[Block], Signature]:
    """The signature lines closing the text (author, source). `printed_only`: only a line
    printed as a signature (right-aligned, all bold or italic) is one."""
    author = source = unit = None
    photographer = False
    kept = _split_closing_name(kept)
    for _ in range(3):
        if not kept or (len(kept) < 2 and not _CREDIT.match(kept[0].text)):
            break                      # the only paragraph is text, unless it is a labelled credit
        last = kept[-1]
        if _APPROVER.match(last.text) and len(last.text) < 80:
            kept = kept[:-1]           # 'Duyệt tin: X' under the writer: the approver, not text
            continue
        if printed_only and not (right_aligned(last.element) and last.emphasised):
            break
        if len(kept) >= 2 and _SIGNING_BLOCK.match(kept[-2].text):
            break                      # a pasted decision's signer ('CHỦ TỊCH', '(Đã ký)'): its text
        if _heads_a_list(last.element):
            break                      # the heading of the notes below the text ('Notes', 'Opombe')
        sig = split_signature(last.text)
        if sig is None and (bare := without_co_credits(last.text)) != last.text \
                and _office_signature(replace(last, text=bare)):
            sig = Signature(author=bare)   # 'Trạm Y tế xã X - Phát thanh viên: Y': the office
        elif sig is None and _office_signature(last):
            sig = Signature(author=last.text)
        if sig is None:
            break
        if sig == Signature():
            kept = kept[:-1]           # 'ST' (collected): no writer, and not text
            continue
        labelled = sig.source is not None or ":" in last.text or last.text.lower().startswith("theo") \
            or credit_labelled(last.text)   # ('Parengė X, …': a label without a colon)
        if not (labelled or last.emphasised or len(last.text.split()) <= 4):
            break
        if sig.author and author is None:
            author, unit, photographer = sig.author, last, sig.photographer
        elif sig.source and source is None:
            source = sig.source
        elif sig.author and unit is not None and _office_signature(unit) and (
                unit.element is last.element or _signed_apart(last, unit)) \
                and looks_like_name(sig.author) and not _OFFICE.match(last.text):
            # a name over its unit ('<b>X</b><br><i>Phòng Y</i>', or two right-aligned lines)
            author, unit = f"{sig.author} - {author}", None
        else:
            break
        if sig.source and sig.author:
            source = source or sig.source
        kept = kept[:-1]
    return kept, Signature(author, source, photographer and author is not None and unit is not None)


_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def _heads_a_list(el: etree._Element) -> bool:
    """A heading element whose next element is a list (footnotes, sources, links): a section's
    title, never a signature."""
    if el.tag not in _HEADINGS:
        return False
    after = el.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    return after is not None and after.tag in ("ol", "ul", "dl")


def _leads_in(kept: list[Block]) -> bool:
    """The last line kept opens a list ('… vào các ngày:'): the lines after it are its items,
    text, even when each is only a date ('Thứ Năm, ngày 02/10/2025;')."""
    i = len(kept) - 1
    while i >= 0 and kept[i].element.tag == "li":
        i -= 1                         # (the list's items kept so far)
    return i >= 0 and kept[i].text.rstrip().endswith((":", "："))


def _signed_apart(name: Block, unit: Block) -> bool:
    """A name and its unit printed as a signature on two lines of their own: both right-aligned
    and emphasised, the name one to five words."""
    return name.emphasised and unit.emphasised and len(name.text.split()) <= 5 \
        and right_aligned(name.element) and right_aligned(unit.element)


_APPROVER = re.compile(r"^(?:" + alternation(labels.APPROVER) + r")\s*[:：]\s*\S", re.I)
# the writer's name in bold after the closing './.' of the last paragraph ('… ổn định cuộc
# sống./. <strong>Lê Hằng - Quốc Toàn</strong>')
_CLOSING_NAME = re.compile(r"^(.*\./\.)\s+(\S[^.!?]{1,60})$", re.S)


def _split_closing_name(kept: list[Block]) -> list[Block]:
    """The last paragraph with its writer's name in bold after its './.', as the paragraph and
    the name on a line of its own (which the signature then reads)."""
    if not kept:
        return kept
    last = kept[-1]
    m = _CLOSING_NAME.match(last.text)
    if m is None:
        return kept
    bold = [el for el in last.element.iter("strong", "b") if el is not last.element]
    if not bold or clean(text_of(bold[-1])) != m.group(2).strip() or bold[-1].tail and bold[-1].tail.strip():
        return kept
    head = replace(last, text=m.group(1), emphasis_chars=0)
    name = Block(text=m.group(2).strip(), element=bold[-1], emphasis_chars=len(m.group(2).replace(" ", "")))
    return [*kept[:-1], head, name]


# the lines above the signer of an official document pasted as the text: the signing
# capacity ('TM. ỦY BAN NHÂN DÂN', 'KT. GIÁM ĐỐC', 'CHỦ TỊCH') and the '(Đã ký)' of a copy
_SIGNING_BLOCK = re.compile(r"^(?:\(?\s*(?:" + alternation(labels.SIGNING_MARKS) + r")\s*\)?|(?:"
                            + alternation(labels.SIGNING_FOR) + r")\.\s*\S.*|"
                            + alternation(labels.SIGNING_CAPACITIES) + r")$", re.I)
# a labelled credit line ('Thực hiện: Đài Truyền thanh huyện', 'Tin, ảnh: Minh Anh'): never text
_CREDIT = re.compile(r"^(?:thực hiện|tác giả|phóng sự ảnh|tin, ảnh|bài, ảnh|bài và ảnh|tin và ảnh|tin/ảnh|bài/ảnh|"
                     r"biên tập|quay phim|dựng phim|phóng viên|nguồn(?: tin)?|"
                     # a video's or a graphic's page, whose only line is its maker's credit
                     r"video|clip|đồ họa|đồ hoạ|infographic)\s*[:：]\s*\S", re.I)
_OFFICE = re.compile(r"^(?:" + alternation(labels.UNITS) + r")\s", re.I)
# the longest office name read as a signature ('Văn phòng thường trực Ban Chỉ huy PCTT và TKCN tỉnh')
_OFFICE_WORDS = 14


# a Vietnamese portal's writer credit: 'Tin:', 'Bài:', 'Tin, ảnh:', 'Bài và ảnh:'
_NEWS_CREDIT = re.compile(r"^\s*(?:tin|bài|tin bài)(?:\s*(?:,|và|-)\s*ảnh)?\s*[:：]\s*\S", re.I)


def _credit_beside(body_el: etree._Element | None) -> str | None:
    """The writer's labelled credit on its own line right before or right after the body
    container ('<p class="detail-credit">Tin: X - Ảnh: Y</p>' over the text, a redesign's
    'post-credit' under it): the credit's writer. Only a line that opens with a writer's
    credit label ('Tin:', 'Tin, ảnh:', 'Bài:'), short and without a link."""
    if body_el is None or body_el.tag == "body":
        return None
    for side in (body_el.itersiblings(preceding=True), body_el.itersiblings()):
        for line in islice((e for e in side if isinstance(e.tag, str) and e.tag not in ("br", "script", "style")), 3):
            text = text_of(line)
            if not text:
                continue               # (an empty spacer: the line beyond it is looked at)
            if len(text) <= 120 and line.tag in ("p", "div", "span") and _NEWS_CREDIT.match(text) \
                    and next(line.iter("a"), None) is None:
                sig = split_signature(text)
                if sig is not None and sig.author and "|" not in sig.author \
                        and not SOURCE_LINE.search(sig.author) and not _CREDITS_LABEL.search(sig.author):
                    return sig.author  # (not 'X Ảnh: Y' run together: read elsewhere)
            break                      # the nearest line with text is the only one asked
    return None


def _signature_beside(body_el: etree._Element | None) -> str | None:
    """The writer signed on the line right after the body container, in the same parent (<div
    class="ArticleContent"><div>text…</div><p align="right"><strong>Đức Thịnh, Hồng Nhung</strong>
    </p></div>): a short line, right-aligned and all bold or italic, that reads as a signature."""
    if body_el is None or body_el.tag == "body":
        return None
    line = body_el.getnext()
    for _ in range(4):
        if line is None or (isinstance(line.tag, str) and line.tag != "br" and text_of(line)):
            break
        line = line.getnext()
    if line is None:
        line = _next_row_cell(body_el)  # (a layout table's row of its own under the text's cell)
    if line is None or not isinstance(line.tag, str) or line.tag not in ("p", "div", "span", "b", "strong", "em", "i", "td"):
        return None
    for _ in range(2):                 # (a credit box holding the line: <div class="detail-credit"><p …>)
        if line.tag == "div" and len(line) == 1 and not (line.text or "").strip() \
                and isinstance(line[0].tag, str) and line[0].tag in ("p", "div"):
            line = line[0]
    text = text_of(line)
    if len(text) > 80 or not right_aligned(line) or next(line.iter("a"), None) is not None:
        return None
    if line.tag not in ("b", "strong", "em", "i") and not emphasis_style(line.get("style")) \
            and not any(text_of(e) == text for e in line.iterdescendants("b", "strong", "em", "i")):
        return None                    # not all of it bold or italic
    sig = split_signature(text)
    if sig is None and _OFFICE.match(text) and len(text.split()) <= _OFFICE_WORDS and text[:1].isupper() \
            and not text.endswith((".", ":")):
        return text                    # an office signing ('CẢNG VỤ ĐƯỜNG THỦY NỘI ĐỊA TỈNH BẮC NINH')
    return sig.author if sig is not None else None


def _next_row_cell(cell: etree._Element) -> etree._Element | None:
    """The one cell of the row right after `cell`'s, when `cell` is alone in its row (a layout
    table printing the text, then the signature, each in a row of its own)."""
    row = cell.getparent() if cell.tag == "td" else None
    if row is None or row.tag != "tr" or sum(1 for c in row if isinstance(c.tag, str)) != 1:
        return None
    after = row.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    cells = [c for c in after if isinstance(c.tag, str)] if after is not None and after.tag == "tr" else []
    return cells[0] if len(cells) == 1 and cells[0].tag == "td" else None


def _office_signature(block: Block) -> bool:
    """A right-aligned, bold short line at the end of the text ('Văn phòng Sở', 'Ban Biên tập'):
    an office signing the article."""
    text = block.text
    return (block.emphasised and block.emphasis_chars >= len(text.replace(" ", "")) * 0.9
            and (len(text.split()) <= 6 or (len(text.split()) <= _OFFICE_WORDS and _OFFICE.match(text)))
            and text[:1].isupper() and not text.endswith((".", ":"))
            and (not any(ch.isdigit() for ch in text) or _OFFICE.match(text) is not None)   # ('… khu vực 2')
            and right_aligned(block.element))


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
            if sibling is node or not isinstance(sibling.tag, str):
                continue
            urls = attachments_in(sibling, base)     # most siblings link no file: asked first
            if not urls or in_related_block(sibling, 1):
                continue
            for url in urls:
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


_ERROR_PAGE = re.compile("|".join(re.escape(w) for w in labels.ERROR_PAGE), re.I)


def _error_page(article: Article) -> bool:
    """An undated page of a few lines that says it is an error (a deleted item, a server error,
    maintenance, a login wall): no content, though served with status 200 at an item's address."""
    text = f"{article.headline or ''}\n{article.body or ''}"
    return len(text) <= 500 and _ERROR_PAGE.search(text) is not None


def _is_article(doc: Doc, profile: Profile | None, article: Article, listing) -> bool:
    """Whether the page is an article; `listing()` gives its links, listed only when asked."""
    if (article.published_at is None or _ERROR_PAGE.search(doc.title)) and _error_page(article):
        return False                   # a 200 that says 'Trang không tồn tại', whatever its address
        #                                (dated too when its <title> says so: a theme's error page in
        #                                the article layout prints today's date under 'Thông báo')
    if not article.headline or not article.body:
        return bool(profile and any(p.search(doc.url) for p in profile.article_url)
                    and (article.headline or article.body))
    if profile is not None:
        if any(p.search(doc.url) for p in profile.article_url):
            return True
        if any(p.search(doc.url) for p in profile.page_url + profile.listing_url):
            return False
    if article.published_at is None:
        # news articles carry a date; intro and contact pages do not. An item that counts its
        # own views (an event's page that prints no posting date) is content all the same
        return article.view_count is not None and len(article.body) >= 150
    if (doc.meta.get("og:type") == "article" or article.view_count is not None) and len(article.body) > 150:
        return True                    # (a short text that counts its own views: one item's page)
    return len(article.body) >= 250 and len(listing().article_links) < 40
