"""The generic extractor: finds each field on a page of any platform by its structure (text
density, link density, document order around the headline) and its Vietnamese labels."""
from __future__ import annotations

import copy
import re
import unicodedata
from functools import lru_cache
from itertools import chain, islice
from datetime import date, timedelta, timezone
from typing import Iterator
from urllib.parse import urljoin, urlsplit

from lxml import etree

from . import labels
from .dates import (CJK_YEAR, NAMED_DATE_HINT, NO_DATE, ParsedDate, find_datetimes, fold, parse_epoch, zone_as_t,
                    parse_vietnamese_datetime, yearless_day, MONTHS)
from .doc import (HINT_CHARS, META_PART, RELATED_HEADING, Doc, PageAttrs, _hint_name, bounded_hint, chrome_ancestor,
                  hint_names, holders, in_link_list, in_related_block, in_site_header, inside_link, page_cached,
                  site_header_of, title_class)
from .fields import (_TOOL_CLASS, _UI_WORDS, AUTHOR_LINE, COUNTER_TITLE, Counter, counter_of, digit_row,
                     in_book_credits, tool_link, byline_name, byline_text,
                     counted, labelled_counts, labelled_rows, parse_count, view_count_in)
from .labels import alternation
from .listing import GENERIC_ARTICLE_URL
from .urls import on_vn_domain
from .text import (BLOCK_TAGS, STRIP_MARK, MAIL_SIGNATURE, REMEMBERED_TEXT, SKIP_TAGS, clean, drop_tree, is_hidden, self_and_ancestors,
                   text_content, text_of, typed_paragraphs, word_count)

_CONTAINERS = frozenset({"div", "td", "article", "section", "main", "span", "font", "center"})
_PARA_TAGS = frozenset({"p", "div", "td", "span", "font", "li", "blockquote", "h2", "h3", "h4"})
_NEGATIVE = ("comment", "footer", "foot", "menu", "nav", "sidebar", "banner", "related", "lienquan",
             "tinkhac", "other", "widget", "share", "social", "breadcrumb", "advert", "quangcao",
             "counter", "thongke", "login", "search", "copyright", "contact", "lienhe",
             "consent", "cookie", "gdpr", "newsletter", "popup", "modal", "donat", "spende", "bio",
             "promo", "sponsor", "teaser", "recommend", "binhluan", "ykien", "commentaire",
             "subscribe", "paywall", "disclosure", "anzeige", "publicite", "ad", "ads")
_POSITIVE = re.compile(r"content|body|noidung|noi-dung|article|detail|chitiet|chi-tiet|news|"
                       r"post|entry|main|text|journal|bai-viet|baiviet", re.I)
# (the lookahead names the first characters of its alternatives, a digit, the t of 'tháng' and
# an era's first character: the search passes every other position at once, twice as fast)
_DATE_HINT = re.compile(r"(?=[\dt令平昭])(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}-\d{2}-\d{2}|tháng\s*\d|thg\.?\s*\d|"
                        + CJK_YEAR + r"\s*[年년]\s*\d{1,2}\s*[月월])",
                        re.I)
_TITLE_HINT = re.compile(r"title|tieude|tieu-de|headline|heading|ten-bai|tenbai|"
                         r"entry-?subject|post-?subject|subj-link", re.I)   # (LiveJournal's, a forum's subject line)
_TITLE_SPLIT = re.compile(r"(?<!\s)\s+(?:[|\-–—:»]|::)\s+")
# the separators East-Asian sites put before their name, unspaced ('Headline｜北浜市', '标题_栏目_网站')
_CJK_TITLE_SPLIT = re.compile(r"(?<!\s)\s*[｜_]\s*")


_BANNER_TOKEN = re.compile(r"(?:^|\s)(?:header|site-header|page-header|top-header|masthead|banner|topbar|top-bar)(?:$|\s)", re.I)


def _site_banner(el: etree._Element) -> bool:
    """The site's banner (its name, the today-date) at the top of the page: never the body."""
    if len(_TEXT_LEN(el)) > 300:
        return False
    for node in islice(self_and_ancestors(el), 3):
        if node.tag in ("body", "article", "main"):
            return False
        if node.get("role") == "banner" or _BANNER_TOKEN.search(" ".join(filter(None, (node.get("class"), node.get("id"))))):
            return next(node.iterancestors("article"), None) is None
    return False


NOSCRIPT_BLOCKS = 32                   # <noscript> blocks a page is read in, at most (each costs a scan)


def find_body(doc: Doc) -> etree._Element | None:
    """The element that directly holds most of the article's paragraphs (Readability-style:
    each paragraph scores its parent fully and its grandparent half); never one inside a
    <noscript> past the first NOSCRIPT_BLOCKS (a page of thousands is read no further)."""
    body = _find_body(doc)
    if body is not None and ("<noscript" in doc.source or "<NOSCRIPT" in doc.source):
        holder = next(body.iterancestors("noscript"), None)
        if holder is not None and (holder not in islice(doc.root.iter("noscript"), NOSCRIPT_BLOCKS)
                                   or _script_notice(holder)):
            return None
    return body


def _script_notice(block: etree._Element) -> bool:
    """A <noscript>'s 'enable JavaScript' notice ('Trình duyệt của bạn đã tắt chức năng hỗ trợ
    JavaScript…'): the site's words to readers without scripts, no text of the page."""
    text = _TEXT_LEN(block)
    return len(text) < 400 and "javascript" in text.lower()


def _find_body(doc: Doc) -> etree._Element | None:
    scores = _paragraph_scores(doc)
    if any(off_article(el) for el in sorted(scores, key=scores.__getitem__, reverse=True)[:12]):
        # a consent wall or a comment thread among the best: scored again without its text,
        # so that the wrapper holding both it and the article is not raised by it
        scores = _paragraph_scores(doc, _OffArticle())
    ranked = _rank_containers(scores, doc)
    top = doc.root.find("body")
    direct = _direct_prose(top, ranked[0][1] if ranked else None) if top is not None else 0
    if direct and (not ranked or direct > 2 * len(_TEXT_LEN(ranked[0][1]))):
        # a text-only page (a 'lite' edition, an app's web view): its paragraphs stand in
        # <body> itself and outweigh any box
        return top
    if not ranked:
        return None
    story = _photo_story_around(doc, ranked[0][1])
    if story is not None:
        return story                   # its captions are its text
    if _mostly_captions(ranked[0][1]):
        # a photo gallery: its text is what it says besides the captions (the intro)
        rest = _rank_containers(_paragraph_scores(doc, _in_caption), doc)
        if rest:
            ranked = rest
    ranked = _titled_first(doc, ranked)
    best_score, best = ranked[0]
    if best_score < 2.0:
        player_block = _player_only(doc)
        if player_block is not None and (best is player_block or best in player_block.iterancestors()):
            return None                # a video-only post: its content block holds the player
            #                            alone, and what scored around it is the meta line
    if _site_banner(best):
        return None                    # a page with no text of its own (a video's, a notice's):
        #                                the banner's today-date and name outscore nothing else
    # A wrapper (the article panel with its metadata) often outscores the text container it
    # holds; take the innermost candidate that keeps most of the wrapper's score.
    for score, el in ranked[1:]:
        if score < 0.75 * best_score:
            break
        if best in el.iterancestors() and not teaser_group(el):
            best = el                  # (not a carousel of other stories inside the text)
    if best is ranked[0][1]:
        inner = _prose_holder(doc, ranked, best)
        best = best if inner is None else inner
    grouped = _builder_text(ranked, scores, best)
    if grouped is None:
        grouped = _block_editor_text(ranked, scores, best)
    if grouped is not None:
        return grouped                 # its like blocks are taken by body_parts()
    cell = next((a for a in islice(self_and_ancestors(best), 3) if a.tag == "td"), None)
    if cell is not None:
        chosen = _best_row_run(cell)
        best = best if chosen is cell else chosen
    answer = _answer_in(best)
    if answer is not None:
        return answer
    entries = _live_entries(doc, best)
    if entries is None:
        entries = _ticker_beside(doc, best)
    if entries is not None:
        return entries
    whole = _entry_halves(best)
    if whole is not None:
        return whole
    part = _split_part(best, scores)
    if part is not None:
        return part                    # its like siblings are taken by body_parts()
    typed = typed_release(best)
    if typed is not None:
        return typed
    inner = _content_child(best)
    return best if inner is None else inner


def _player_only(doc: Doc) -> etree._Element | None:
    """The block marked as the content (WordPress's entry-content) that holds a player and no text."""
    if "<iframe" not in doc.source and "<video" not in doc.source and "<audio" not in doc.source:
        return None
    for player in doc.root.iter("iframe", "video", "audio"):
        for up in islice(player.iterancestors(), 4):
            if up.tag in ("body", "html"):
                break
            if up.tag in _CONTAINERS and _POSITIVE.search(up.get("class") or ""):
                if not _normalized(up):
                    return up
                break
    return None


def _titled_first(doc: Doc, ranked: list[tuple[float, etree._Element]]) -> list[tuple[float, etree._Element]]:
    """The ranking with a near-equal candidate (90% of the best's score or more) put first when
    it stands under the page's own title and the best does not: a short text under its headline
    against a box beside it of as much text (a Q&A box's item, an announcement)."""
    if len(ranked) < 2 or _under_page_title(doc, ranked[0][1]):
        return ranked
    best_score, best = ranked[0]
    for i, (score, el) in enumerate(ranked[1:4], 1):
        if score < 0.9 * best_score:
            break
        if best in el.iterancestors() or el in best.iterancestors() or \
                set(islice(best.iterancestors(), 2)) & set(islice(el.iterancestors(), 2)):
            continue                   # (one block of a text split in sections: the text is one)
        if _under_page_title(doc, el):
            return [ranked[i], *ranked[:i], *ranked[i + 1:]]
    return ranked


def _under_page_title(doc: Doc, el: etree._Element) -> bool:
    """A heading of the page's title (<title> holds it, 15 characters or more) stands right
    before `el` or before one of its two nearest ancestors. (Once per element and page.)"""
    known = page_cached("under page title", dict)
    if known is None:
        return _heading_of_title_before(doc, el)
    found = known.get(el)
    if found is None:
        found = known[el] = _heading_of_title_before(doc, el)
    return found


def _heading_of_title_before(doc: Doc, el: etree._Element) -> bool:
    title = " ".join(doc.title.split()).casefold()
    if len(title) < 15:
        return False
    for node in islice(self_and_ancestors(el), 3):
        sibling = node.getprevious()
        for _ in range(3):
            if sibling is None:
                break
            if isinstance(sibling.tag, str) and sibling.tag in ("h1", "h2", "h3", "h4", "h5", "div", "p", "span"):
                text = " ".join(_normalized(sibling).split()).casefold()
                if 15 <= len(text) <= 300 and text in title and text not in site_names(doc):
                    return True        # (not the site's name over its columns, in <title> too)
            sibling = sibling.getprevious()
    return False


# a sentence ends in the line (a signature may follow it): prose, not a title or a label
_SENTENCE_END = re.compile(r"[.!?…;](?:[\s\"'”’»)]|$)")


def _prose_holder(doc: Doc, ranked: list[tuple[float, etree._Element]],
                  best: etree._Element) -> etree._Element | None:
    """A candidate inside the best one that holds every sentence of it: the best one's surplus is
    then short lines beside the text (a box title, the headline in a <strong>, the date line, a
    'Tin khác' heading), which a text of one paragraph and a table cannot outweigh."""
    best_score = ranked[0][0]
    inner = next((el for score, el in ranked[1:4] if score >= 0.5 * best_score and best in el.iterancestors()),
                 None)
    if inner is None:
        return None
    sentences = [para for para, (length, _, _) in doc.index.paragraphs.items()
                 if length >= 60 and best in para.iterancestors() and _SENTENCE_END.search(_normalized(para))]
    if not sentences or not all(para is inner or inner in para.iterancestors() for para in sentences):
        return None
    return inner


def _builder_text(ranked: list[tuple[float, etree._Element]], scores: dict[etree._Element, float],
                  best: etree._Element) -> etree._Element | None:
    """A text a page builder splits into one component per paragraph (Adobe Experience
    Manager's <div class="text aem-GridColumn"><div class="cmp-text"><p>, Quintype's
    story-elements, three or more in a row): no single block outscores a box beside them (a
    contact box, the standfirst), but together they are the article. When the container chosen
    lies outside such a group and the group outscores it: the blocks' common parent if they are
    most of its text and it holds none of the page's headline, header, menu or footer, else the
    best block (body_parts() takes its like blocks)."""
    best_raw = scores[best]
    for _, el in ranked[:6]:
        el = _classed_holder(el)
        if el is best or best in el.iterancestors() or el in best.iterancestors():
            continue
        if not _POSITIVE.search(el.get("class") or "") or el.tag not in _CONTAINERS:
            continue
        parts = body_parts(el)
        if len(parts) < 3 or el in parts:
            continue                   # (not blocks of one wrapper each: siblings of its own)
        inner = [next((d for d in part.iter(el.tag) if d.get("class") == el.get("class")), None) for part in parts]
        if any(x is None for x in inner) or 2 * sum(map(_has_prose, inner)) <= len(inner):
            continue                   # (most blocks hold prose: not a sidebar's boxes)
        if 2 * sum(map(_teaser, parts)) > len(parts) or 2 * sum(map(_titled_box, parts)) > len(parts):
            continue                   # (cards of other stories: a linked title over a summary each;
            #                            a side column's boxes: a box title over its items each)
        if sum(max(scores.get(d, 0.0) for d in x.iter()) for x in inner) <= best_raw:
            continue
        parent = parts[0].getparent()
        if parent is not None and parent.tag not in ("body", "html") and all(p.getparent() is parent for p in parts) \
                and next(parent.iter("h1", "header", "nav", "footer"), None) is None \
                and sum(len(_TEXT_LEN(p)) for p in parts) >= 0.5 * len(_TEXT_LEN(parent)):
            return parent              # the text with its quotes and boxes between the blocks
        return el
    return None


def _block_editor_text(ranked: list[tuple[float, etree._Element]], scores: dict[etree._Element, float],
                       best: etree._Element) -> etree._Element | None:
    """A text a block editor writes one block per paragraph, each wrapped deep in elements of
    its own (Google Sites' <div class="oKdM2c"><div id="h.…"><div><div><p>, Notion's
    notion-text-block): no block outscores a box of three paragraphs beside them (the site's
    contact box), but together they do. The blocks' common parent, when the blocks are three
    or more, hold almost no links and it holds no headline, header, menu or footer."""
    best_raw = scores[best]
    for _, el in ranked[:6]:
        if el is best or best in el.iterancestors() or el in best.iterancestors():
            continue
        found = _block_group(el)
        if found is None:
            continue
        parent, group = found
        if chrome_ancestor(parent):
            continue                   # (an 'in brief' box in the side column: full items of its own)
        text = sum(len(_TEXT_LEN(b)) for b in group)
        links = sum(len(_normalized(a)) for b in group for a in b.iter("a"))
        texts = [b for b in group if _TEXT_LEN(b).strip()]
        if links > 0.1 * text or len(texts) < 3 or 4 * sum(1 for b in texts if _one_line(b)) < 3 * len(texts):
            continue                   # (a side column's boxes: a title over lines each)
        if sum(max((scores.get(d, 0.0) for d in b.iter()), default=0.0) for b in group) <= best_raw:
            continue
        if next(parent.iter("h1", "header", "nav", "footer"), None) is not None \
                or text < 0.8 * len(_TEXT_LEN(parent)):
            continue
        return parent
    return None


def _one_line(block: etree._Element) -> bool:
    """The block prints one run of text: at most two of its elements hold text of their own
    (a paragraph and the span in it)."""
    owners = 0
    for node in block.iter():
        if not isinstance(node.tag, str) or node.tag in SKIP_TAGS:
            continue
        if (node.text or "").strip() or any((c.tail or "").strip() for c in node):
            owners += 1
            if owners > 2:
                return False
    return True


def _block_group(el: etree._Element) -> tuple[etree._Element, list[etree._Element]] | None:
    """The blocks `el` is one of: climbing through wrappers that hold nothing else with text
    (six levels at most), a parent most of whose children are of the block's tag and share a
    class with it, three or more."""
    node = el
    for _ in range(6):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        tokens = set((node.get("class") or "").split())
        kids = [k for k in parent if isinstance(k.tag, str) and k.tag not in SKIP_TAGS]
        like = [k for k in kids if k.tag == node.tag and tokens & set((k.get("class") or "").split())]
        if len(like) >= 3 and len(like) >= 0.6 * len(kids):
            return parent, like
        if not _alone_with_text(node, parent):
            return None
        node = parent
    return None


def _classed_holder(el: etree._Element) -> etree._Element:
    """`el`, or the nearest element above it (two levels at most) that has a class and holds
    nothing else with text: '<div class="story-element-text-wrapper"><div><p>' is read at the
    wrapper."""
    node = el
    for _ in range(2):
        parent = node.getparent()
        if node.get("class") or parent is None or parent.tag not in _CONTAINERS or not _alone_with_text(node, parent):
            break
        node = parent
    return node if node.get("class") else el


def typed_release(best: etree._Element) -> etree._Element | None:
    """A text typed with hard line breaks in a <pre> (a press release sent as plain text) that
    holds most of the chosen container's text: the article is the <pre>, read paragraph by
    paragraph (a listing of code is no such text)."""
    for pre in best.iter("pre"):
        text = text_content(pre)
        if "{" in text or next(pre.iter("code", "samp", "kbd"), None) is not None:
            continue
        paragraphs, _ = typed_paragraphs(text)
        share = 0.3 if MAIL_SIGNATURE.search(text) else 0.6   # (a mail's archive page: its thread index
        if len(paragraphs) >= 2 and len(clean(text)) >= share * len(text_of(best)) and \
                sum(map(len, paragraphs)) >= 0.3 * len(text):   # and headers beside it)
            return pre
    return None


def _split_part(best: etree._Element, scores: dict[etree._Element, float]) -> etree._Element | None:
    """A wrapper whose text is an article split over two or more children of one tag and
    content class (around an ad, a related box, a newsletter form): the best of those parts,
    not the wrapper with its breadcrumb, standfirst, byline and boxes."""
    groups: dict[tuple, list[etree._Element]] = {}
    for kid in best:
        cls = kid.get("class") if isinstance(kid.tag, str) else None
        if cls and kid in scores and kid.tag in _CONTAINERS and _POSITIVE.search(cls):
            groups.setdefault((kid.tag, cls), []).append(kid)
    for kids in groups.values():
        if len(kids) >= 2 and sum(scores[k] for k in kids) >= scores[best] \
                and not _subheads_between(kids[0], kids[-1]):
            return max(kids, key=scores.__getitem__)
    return None


def _subheads_between(first: etree._Element, last: etree._Element) -> bool:
    """A subheading among the siblings between two parts: the text's own, so the wrapper is
    the article (its paragraphs are blocks of one kind between headings)."""
    for sib in first.itersiblings():
        if sib is last:
            return False
        if not isinstance(sib.tag, str):
            continue
        if sib.tag in _SUBHEADS:
            return True
        head = next(sib.iter(*_SUBHEADS), None)
        if head is not None and len(_TEXT_LEN(head)) >= 0.8 * len(_TEXT_LEN(sib)):
            return True                # a subheading in its own wrapper
    return False


_SUBHEADS = ("h2", "h3", "h4", "h5", "h6")


_LIVE_PART = re.compile(r"(?:^|[\s_-])(?:live\w*|\w*ticker\w*|directo|en-?direct|diretta|"
                        r"minute-?by-?minute)(?:$|[\s_-])", re.I)


def _live_entries(doc: Doc, best: etree._Element) -> etree._Element | None:
    """On a live blog (LiveBlogPosting, or a live/ticker name around the text), the best
    container is one dated entry: the body is the list of the entries (three or more siblings
    of one tag and class, each with a <time>). A written summary above the entries (a live page
    kept as a wrap-up) is the best container and the entries follow it: the body is both."""
    after = _entries_after(best)
    if after is not None and _live_page(doc, after):
        return best.getparent()
    node = best
    for _ in range(3):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        tag, kind = node.tag, _first_class(node)
        entries = [kid for kid in parent if kid.tag == tag and _first_class(kid) == kind]
        if len(entries) >= 3 and all(_entry_stamp(kid) is not None for kid in entries) \
                and _live_page(doc, parent):
            return parent
        node = parent
    return None


# the names a live feed's or a match ticker's list goes by (substrings: the list is then checked)
_TICKER_WORDS = ("ticker", "live", "minute", "diretta", "directo", "direct", "timeline")


def _ticker_beside(doc: Doc, best: etree._Element) -> etree._Element | None:
    """A match centre's minute-by-minute ticker or a live feed outside the best container (a
    scoreboard's two lines outscore any one entry of one line, each in its own wrapper): a
    list named live or ticker whose children are three or more entries of one kind, each
    stamped (`_entry_stamp`) and holding text besides its stamp, that together say more than
    the best container."""
    best_len = len(_TEXT_LEN(best))
    for el in doc.named(_TICKER_WORDS)[:40]:
        if el is best or best in el.iterancestors() or el in best.iterancestors() or len(el) < 3:
            continue
        kinds: dict[tuple[str, str], list[etree._Element]] = {}
        for kid in el:
            if isinstance(kid.tag, str):
                kinds.setdefault((kid.tag, _first_class(kid)), []).append(kid)
        entries = max(kinds.values(), key=len, default=[])
        if len(entries) < 3 or sum(len(_TEXT_LEN(kid)) for kid in entries) <= 1.5 * best_len:
            continue
        for kid in entries:
            stamp = _entry_stamp(kid)
            if stamp is None or len(_TEXT_LEN(kid)) < len(_TEXT_LEN(stamp)) + 20:
                break
        else:
            if _live_page(doc, el):
                return el
    return None


def _first_class(el: etree._Element) -> str:
    """An element's first class token: what entries of one kind share when some carry a modifier
    beside it ('ticker__event ticker__event--goal')."""
    return (el.get("class") or "").split(" ", 1)[0]


# a match centre's minute ("64'", "45+2'", "90+4′") or a clock ("14:05", "9.30", "14h05"), alone
# ... the clock after its word ('Kl. 22.35', 'klo 14.05', 'um 9:30', 'lúc 8:15') or before 'Uhr'
_STAMP_TEXT = re.compile(r"\d{1,3}(?:\s?\+\s?\d{1,2})?\s?['’′]|(?:(?:kl|klo|kell|klokken|um|à|at|lúc|ore)\.?\s?)?"
                         r"\d{1,2}[:.h]\d{2}(?:\s?uhr)?", re.I)


def _entry_stamp(entry: etree._Element) -> etree._Element | None:
    """An entry's stamp: its <time>, else its first element when that holds a minute or a clock
    and nothing else (a minute-by-minute ticker prints no <time>)."""
    stamp = next(entry.iter("time"), None)
    if stamp is not None:
        return stamp
    first = next((kid for kid in entry if isinstance(kid.tag, str)), None)
    if first is not None and len(first) == 0 and _STAMP_TEXT.fullmatch((first.text or "")[:20].strip()):
        return first
    return None


def _entries_after(summary: etree._Element) -> etree._Element | None:
    """The element right after `summary` (its next element sibling, in the same parent, not
    <body>) that holds two or more entries of one tag and class, each with a <time> and text
    of its own beside it."""
    parent = summary.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return None
    sib = summary.getnext()
    while sib is not None and not isinstance(sib.tag, str):
        sib = sib.getnext()
    if sib is None:
        return None
    kids = [kid for kid in sib if isinstance(kid.tag, str)]
    if len(kids) < 2 or len({(kid.tag, kid.get("class")) for kid in kids}) != 1:
        return None
    for kid in kids:
        stamp = next(kid.iter("time"), None)
        if stamp is None or len(_TEXT_LEN(kid)) < len(_TEXT_LEN(stamp)) + 40:
            return None
    return sib


# the second half of an entry split at its 'read more' (Movable Type's asset-more, id="more",
# 'extended', 'continued'), beside the first (asset-body)
_OPEN_PART = re.compile(r"(?:^|[\s_-])(?:open|opening|intro|lead|first|start|visible|preview)(?:$|[\s_-])", re.I)
_MORE_PART = re.compile(r"(?:^|[\s_-])(?:more|extended|continued?|jump|rest)(?:$|[\s_-])", re.I)


def _entry_halves(best: etree._Element) -> etree._Element | None:
    """An entry split in two blocks of one content container (Movable Type's <div
    class="asset-content"><div class="asset-body">…</div><div id="more" class="asset-more">…</div>,
    a blog's text cut at its 'read more'): the container, when every child of it that holds
    text is such a block of prose (the first named as the body, the others as its more)."""
    parent = best.getparent()
    if parent is None or parent.tag in ("body", "html") or not _CONTENT_PART.search(bounded_hint(parent)):
        return None
    texted = [c for c in parent if isinstance(c.tag, str) and c.tag not in SKIP_TAGS and _TEXT_LEN(c)]
    if len(texted) < 2 or best not in texted or not (_CONTENT_PART.search(bounded_hint(texted[0]))
                                                     or _OPEN_PART.search(bounded_hint(texted[0]))):
        return None                    # (the first half named as the body, or as the opening shown:
        #                                '<div class="story__open">' over '<div class="story__rest">')
    for child in texted[1:]:
        if not (_MORE_PART.search(bounded_hint(child)) and _has_prose(child)):
            return None
    return parent


def _live_page(doc: Doc, entries: etree._Element) -> bool:
    if any("LiveBlogPosting" in str(item.get("@type")) for item in doc.jsonld):
        return True
    for node in (entries, *entries.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        if _LIVE_PART.search(bounded_hint(node)):
            return True
    return False


_PHONE_IN_SOURCE = re.compile(r"[:：]\s*\(?\+?\d[\d .()/-]{7,18}\d\s*<")
# a line that is a label and a telephone number, nothing else
_PHONE_LINE = re.compile(r"^[^\d:：]{1,50}[:：]\s*\(?\+?\d[\d .()/-]{7,18}\d(?:\s*[-–,;]\s*\(?\+?\d[\d .()/-]{7,18}\d){0,2}$")


def _paragraph_scores(doc: Doc, skip=None) -> dict[etree._Element, float]:
    scores: dict[etree._Element, float] = {}
    breaks = doc.index.breaks
    phones = _PHONE_IN_SOURCE.search(doc.source) is not None
    for para, (length, commas, runs) in doc.index.paragraphs.items():
        if length < 25 or (skip is not None and skip(para)):
            continue
        if length < 110 and phones and _PHONE_LINE.match(_normalized(para)):
            continue                   # 'Trực ban Đồn: 0260.3834.069': a hotline box's line, no text
        score = 1 + min(length / 100, 3) + commas * 0.1 if length >= _SHORT_LINE \
            else 1.4 * length / _SHORT_LINE + commas * 0.1    # (a box's short lines weigh less than text)
        if para.tag == "h1":
            score /= 2                 # the page's headline: beside the text, not text
        parent = para.getparent()
        if runs >= 2 and breaks.get(para, 0) >= runs - 1 and para.tag in _CONTAINERS:
            # loose text split by <br>s: the element is the container of its own paragraphs
            score = runs * (1 + min(length / runs / 100, 3)) + commas * 0.1
            parent = para
        for share in (1.0, 0.5, 0.25):
            if parent is None:
                break
            scores[parent] = scores.get(parent, 0) + score * share
            parent = parent.getparent()
    if "<video" in doc.source or "<audio" in doc.source:
        for player in doc.root.iter("video", "audio"):
            # a video article's player is its content, as much as a long paragraph: it raises the
            # nearest block above it that holds the text under it (which a sidebar's box of short
            # lines would outscore); a page with no text beside its player gains nothing
            parent = player.getparent()
            for _ in range(3):
                if parent is None or parent in scores:
                    break
                parent = parent.getparent()
            if parent is not None and parent in scores and (skip is None or not skip(parent)) \
                    and next(parent.iter("h1"), None) is None:   # (not the article scored for its h1)
                scores[parent] += PLAYER_SCORE
    return scores


PLAYER_SCORE = 4.0
_SHORT_LINE = 40                 # a line shorter than this weighs in proportion to its length


_CAPTIONS = etree.XPath(".//figcaption | .//*[contains(@class, 'caption')]")
_CAPTION_PART = re.compile(r"(?:^|[\s_-])\w*caption\w*(?:$|[\s_-])", re.I)


def _mostly_captions(el: etree._Element) -> bool:
    """Three captions or more whose text is most of the element's: a gallery."""
    found = _CAPTIONS(el)
    if len(found) < 3:
        return False
    outer = set(found)
    chars = sum(len(_TEXT_LEN(c)) for c in found
                if not any(a in outer for a in c.iterancestors()))
    return 2 * chars > len(_TEXT_LEN(el))


def _photo_story_around(doc: Doc, best: etree._Element) -> etree._Element | None:
    """The best container, or one of its three nearest ancestors, that is a photo story (an
    intro's text block scores best, the captions below it are the rest of the story)."""
    if doc.source.count("caption") < 3:
        return None
    if not photo_story_page(doc):
        return None
    for node in islice(self_and_ancestors(best), 4):
        if node.tag in ("body", "html"):
            break
        if photo_story(node, True):
            return node
    return None


_PHOTO_TITLE = re.compile(r"^\W{0,3}(?:" + alternation(labels.PHOTO_STORY) + r")\s*[:：|\-–—]", re.I)
_PHOTO_PATH = re.compile(r"[/_-](?:in-pictures|in-photos|photos?|picha|fotos?|galeria|fotogalerie|anh|photo-essay)"
                         r"(?:[/_-]|$)", re.I)


def photo_story_page(doc: Doc) -> bool:
    """A page its publisher marks as a photo story: its title opens with 'In pictures:',
    'PICHA:', 'En images :', or its address names it ('/in-pictures-64845123', '/photos/')."""
    heading = next(doc.root.iter("h1"), None)
    titles = (doc.title, doc.meta.get("og:title") or "", text_of(heading) if heading is not None else "")
    return any(_PHOTO_TITLE.match(t) for t in titles if t) or bool(_PHOTO_PATH.search(urlsplit(doc.url).path))


def photo_story(el: etree._Element, marked: bool) -> bool:
    """A story told in its pictures' captions: three captions or more, each beside its picture
    in the text's flow (not a gallery widget's slides), holding 60% of `el`'s text (a short
    intro at most), on a page `marked` as a photo story. Its captions are its text; a gallery
    widget, or a gallery beside an article's prose, gives its intro only."""
    if not marked:
        return False
    found = [c for c in _CAPTIONS(el) if _pictured(c)]
    if len(found) < 3:
        return False
    if any(_GALLERY_WIDGET.search(a.get("class") or "") for a in islice(found[0].iterancestors(), 4)):
        return False                   # a gallery's slides: the page's text is its intro
    outer = set(found)
    chars = sum(len(_TEXT_LEN(c)) for c in found if not any(a in outer for a in c.iterancestors()))
    return chars >= 0.6 * len(_TEXT_LEN(el))


def _pictured(caption: etree._Element) -> bool:
    """A caption with its picture: in a <figure>, or beside an <img> under the same parent (a
    class named 'caption' is also a CMS's page title, 'page-caption')."""
    parent = caption.getparent()
    if caption.tag == "figcaption" or parent is None:
        return True
    if len(_TEXT_LEN(caption)) > 300 or next(caption.iter("img"), None) is not None:
        return False                   # (a page's text block holding its own photo)
    return parent.tag == "figure" or next(parent.iter("img"), None) is not None


_GALLERY_WIDGET = re.compile(r"gallery|galerie|galeria|slide|carousel|swiper|lightbox", re.I)


def _in_caption(el: etree._Element) -> bool:
    """A paragraph in a caption (itself or within three levels up)."""
    for _ in range(4):
        if el is None:
            return False
        if el.tag == "figcaption" or _CAPTION_PART.search((el.get("class") or "")[:HINT_CHARS]):
            return True
        el = el.getparent()
    return False


class _OffArticle:
    """Whether an element is inside a consent dialog or a comment (`_names_off_article` of it
    or of an ancestor), memoized along the shared ancestors of a page's paragraphs."""

    def __init__(self) -> None:
        self.known = _chain_memo()

    def __call__(self, el: etree._Element | None) -> bool:
        return bool(_off_chain(el, self.known))


_CONTENT_PART = re.compile(r"(?:^|[\s_-])(?:\w*content|\w*body|noi-?dung\w*|fulltext|full-text|"
                           # the body's name in other languages ('cuerpo-nota', 'corpo-materia',
                           # 'contenido', 'testo-articolo', 'artikel-inhalt', 'tresc')
                           r"cuerpo\w*|corpo\w*|contenido|conte[uú]do|contenuto|testo|texto|texte|inhalt\w*|"
                           r"tresc\w*)(?:$|[\s_-])", re.I)


_PLAYERS = ("video", "audio", "iframe", "object", "embed")


def _content_child(panel: etree._Element) -> etree._Element | None:
    """An article panel that lays out its parts as children (a title element, the info line,
    the lead, a content element, the author line, a toolbar): the body is its content child,
    the one named so that holds more text than any other but the lead (and a third of the
    panel's text without the lead). The parts around it are read by
    their own rules (the lead rule adds the lead back)."""
    if len(panel) < 3:
        return None
    titled = content = None
    for child in panel:
        if not isinstance(child.tag, str):
            continue
        hint = bounded_hint(child)
        if not hint.strip():
            continue
        if titled is None and content is None and _TITLE_HINT.search(hint):
            titled = child
        elif titled is not None and content is None and _CONTENT_PART.search(hint) \
                and not _TITLE_HINT.search(hint):
            content = child
    if content is None:
        return None
    size, rest = len(_TEXT_LEN(content)), len(_TEXT_LEN(panel))
    if not text_of(content):           # a video-only article: its player, no text
        return content if next(content.iter(*_PLAYERS), None) is not None else None
    for child in panel:
        if child is content or not isinstance(child.tag, str):
            continue
        length = len(_TEXT_LEN(child))
        if _LEAD_HINT.search((child.get("class") or "") + " " + (child.get("id") or "")):
            rest -= length             # the lead: added back by the lead rule
        elif length > size:
            return None
    return content if 3 * size >= rest else None


_QUESTION_LABEL = re.compile(r"^(?:nội dung câu hỏi|câu hỏi|hỏi|question)\s*[:：]?$", re.I)
_ANSWER_LABEL = re.compile(r"^(?:nội dung trả lời|trả lời|đáp|answer|reply)\s*[:：]?$", re.I)


def qa_label(text: str) -> bool:
    """A question's or an answer's label alone on its line, with its colon ('Câu hỏi:', 'Trả lời:')."""
    return text.rstrip().endswith((":", "：")) and bool(_QUESTION_LABEL.match(text) or _ANSWER_LABEL.match(text))


def _first_element(el: etree._Element) -> etree._Element | None:
    return next((c for c in el if isinstance(c.tag, str)), None)


_QUESTION_CLASS = re.compile(r"question|cau-?hoi|noi-?dung-?hoi", re.I)


def _label_child(block: etree._Element, label: re.Pattern[str]) -> etree._Element | None:
    """The block's first element, or its second when that one is the label and the first a
    line about the entry ('Người hỏi: … - Ngày hỏi: …', 'Đơn vị trả lời: … | Thời gian …')."""
    kids = [c for c in islice(block, 4) if isinstance(c.tag, str)][:2]
    if len(kids) == 2 and label.match(_label_text(kids[1])) and not label.match(_label_text(kids[0])):
        return kids[1]
    return kids[0] if kids else None


def _label_text(el: etree._Element) -> str:
    """The text of an element small enough to be a label (its words and an inline child or
    two), else '': a block of text is never asked for its whole text here."""
    if len(el) > 3 or len(el.text or "") > 60:
        return ""
    size = 0
    for piece in el.itertext():        # (a short element: a paragraph of text is never joined)
        size += len(piece)
        if size > 240:
            return ""
    return text_of(el)


def answer_head(body: etree._Element) -> list[etree._Element]:
    """The lines an answer's block opens with before its text, when the first is a line about
    it and the second its label ('Đơn vị trả lời: … | Thời gian trả lời: …', 'Trả lời:')."""
    first, label = _first_element(body), _label_child(body, _ANSWER_LABEL)
    if label is not None and label is not first:
        return [first, label]
    if label is not None and _ANSWER_LABEL.match(_label_text(label)):
        info = label.getnext()         # 'Trả lời:', then the line about the answer ('Người trả
        while info is not None and not isinstance(info.tag, str):   # lời: X | Ngày trả lời: …')
            info = info.getnext()
        if info is not None and len(_label_text(info)) <= 240 and _ANSWER_INFO.search(_label_text(info)):
            return [label, info]
    return []


# the line about an answer under its label: who answered, when
_ANSWER_INFO = re.compile(r"(?:cơ quan|đơn vị|người|ngày|thời gian)\s+trả lời\s*[:：]", re.I)


def _answer_in(best: etree._Element) -> etree._Element | None:
    """The answer's block of a Q&A wrapper chosen as the body (its label among its first two
    lines, after a block labelled as the question): the body, the question read before it."""
    for child in best:
        if not isinstance(child.tag, str) or len(child) < 2:
            continue                   # an answer's block: its label, then its text
        label = _label_child(child, _ANSWER_LABEL)
        if label is not None and _ANSWER_LABEL.match(_label_text(label)):
            prev = child.getprevious()
            asked = _label_child(prev, _QUESTION_LABEL) if prev is not None and isinstance(prev.tag, str) else None
            if asked is not None and _QUESTION_LABEL.match(_label_text(asked)):
                return child
    return None


def question_before(body: etree._Element) -> etree._Element | None:
    """A Q&A page ('Hỏi - đáp'): the body found is the answer, in a block opening with its label
    ('Trả lời') right after the question's block ('Nội dung câu hỏi'). Returns the question's
    text element (the block without its label), which the body begins with. The four may also
    stand as siblings: 'Nội dung câu hỏi:', the question, 'Trả lời:', the answer."""
    flat = _question_beside(body)
    if flat is not None:
        return flat
    node = body
    for _ in range(3):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        label = _label_child(node, _ANSWER_LABEL)
        inner = _first_element(label) if label is not None else None
        if label is not None and label is not body and (
                _ANSWER_LABEL.match(_label_text(label)) or (inner is not None and _ANSWER_LABEL.match(_label_text(inner)))):
            # ('Trả lời:' alone, or first in the answer's head: 'Trả lời: Đơn vị trả lời: … | Ngày …')
            prev = _element_before(node)
            first = _label_child(prev, _QUESTION_LABEL) if prev is not None else None
            if first is None:
                return None
            if not _QUESTION_LABEL.match(text_of(first)):
                # a question's block named by its class, with no label ('qa-question', 'cau-hoi')
                marked = _QUESTION_CLASS.search((prev.get("class") or "") + " " + (prev.get("id") or ""))
                return prev if marked and text_of(prev) else None
            texts = [c for c in first.itersiblings() if isinstance(c.tag, str) and text_of(c)]
            if len(texts) > 1 and first is _first_element(prev):
                return prev            # a question of several paragraphs under its label (the
                #                        label alone on its line is no text of the body)
            return texts[0] if len(texts) == 1 else None
        node = parent
    return None


def _question_beside(body: etree._Element) -> etree._Element | None:
    """The question's text when the answer found as the body follows its label ('Trả lời:'),
    which follows the question's text after its own label ('Nội dung câu hỏi:'), the four side by
    side in one block."""
    label = _element_before(body)
    if label is None or not _ANSWER_LABEL.match(_label_text(label)):
        return None
    question = _element_before(label)
    asked = _element_before(question) if question is not None else None
    if asked is None or not _QUESTION_LABEL.match(_label_text(asked)) or not text_of(question):
        return None
    return question


def _element_before(el: etree._Element) -> etree._Element | None:
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return prev


def body_parts(body: etree._Element) -> list[etree._Element]:
    """The body container and its siblings of the same kind (same tag and class) that hold
    more of the text: an article split over `<div class="content">` blocks around an ad or a
    picture. In document order; [body] when it stands alone. A container wrapped alone in
    blocks of a page builder (Squarespace's <div class="sqs-block html-block"><div
    class="sqs-block-content"><div class="sqs-html-content">) is split at the wrapper's level."""
    if body.tag == "body":
        return _prose_run(body)
    records = _record_run(body)
    if records is not None:
        return records
    parts = _like_siblings(body)
    intro = _intro_before(parts[0])
    if intro is None:
        intro = _free_before(parts[0])
    if intro is not None:
        return [intro, *parts]         # K2's itemIntroText before its itemFullText: one text
    if len(parts) == 1:
        story = _story_pages(body) or _row_cells(body)
        if story:
            return story
    node = body
    for _ in range(3):
        if len(parts) > 1:
            break
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html") or not _alone_with_text(node, parent):
            break
        node = parent
        inner = body.get("class")
        wrapped = [w for w in _like_siblings(node) if w is node or (inner and any(
            d.tag == body.tag and d.get("class") == inner for d in w.iterdescendants()))]
        if len(wrapped) > 2:
            return wrapped             # a builder's text blocks: each holds a container like
            # the body's (two panels are an article and a box beside it, not one text split)
        if len(wrapped) == 2 and node.get("class") and all(w.get("class") == node.get("class") for w in wrapped) \
                and all(_plain_text_block(w) for w in wrapped):
            return wrapped             # two sections of one long read, the same section twice
            # (class and inner block alike), each of text, not of links
        parts = _like_siblings(node, named=True) if node is not body else parts
        if len(parts) > 1:
            return parts               # columns of one story, their text in an inner block each
    return parts if len(parts) > 1 else [body]   # (a wrapper alone in its parent is no part: the
    #                                              body it wraps stands alone)


def _record_run(body: etree._Element) -> list[etree._Element] | None:
    """A page builder's story told in records, one block each (Tilda's <div id="rec…" class="r
    t-rec …" data-record-type="106"> text, headings, quotes, pictures): the records from the
    first that holds prose to the last, without the forms and the link lists between them.
    None when the body is no such record or its run is the body alone."""
    record = next((a for a in islice(self_and_ancestors(body), 8)
                   if a.get("data-record-type") and "t-rec" in (a.get("class") or "").split()), None)
    if record is None:
        return None
    parent = record.getparent()
    if parent is None:
        return None
    records = [r for r in parent if isinstance(r.tag, str) and r.get("data-record-type")]
    kept = []
    for r in records:
        text = _TEXT_LEN(r)
        links = sum(len(_normalized(a)) for a in r.iter("a"))
        if next(r.iter("form", "input"), None) is not None or (text and links > 0.5 * len(text)) \
                or is_hidden(r) or "©" in text:
            continue                   # a form, a box of links, the footer
        if text or next(r.iter("img"), None) is not None:
            kept.append(r)
    prose = [i for i, r in enumerate(kept) if _has_text_field(r, 200)]
    if not prose or record not in kept:
        return None
    last = max(i for i, r in enumerate(kept) if _has_text_field(r, 40))
    run = kept[prose[0]:last + 1]
    return run if len(run) > 1 and record in run else None


def _has_text_field(el: etree._Element, size: int) -> bool:
    """A text of `size` characters or more in one of the element's text fields (a <p>, or a
    builder's text div whose lines are broken by <br>)."""
    return any(len(_TEXT_LEN(d)) >= size for d in el.iter("p", "div", "ul", "ol")
               if not len(d) or d.tag in ("ul", "ol") or d.find("br") is not None)


_INTRO_CLASS = re.compile(r"(?:^|[\s_-])\w*intro(?:text)?\w*(?:$|[\s_-])", re.I)


def _intro_before(body: etree._Element) -> etree._Element | None:
    """The block right before the body container that its class names the item's intro text
    (Joomla K2's 'itemIntroText', Joomla's 'introtext'), holding prose and few links."""
    before = body.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    if before is None or before.tag != body.tag or not _INTRO_CLASS.search(before.get("class") or ""):
        return None
    if _INTRO_CLASS.search(body.get("class") or ""):
        return None
    text = _TEXT_LEN(before)
    links = sum(len(_TEXT_LEN(a)) for a in before.iter("a"))
    return before if len(text) >= 40 and links < 0.3 * len(text) else None


# a paywall's or a content warning's box between a story's open part and the rest it blurs
_GATE_CLASS = re.compile(r"paywall|pay-wall|regwall|gate|meter|offer|subscri|premium|warning", re.I)


def _free_before(body: etree._Element) -> etree._Element | None:
    """The open part of a story whose rest the page blurs (`collapsed_text`: '<div class="free">'
    paragraphs, the offer box, then '<div aria-hidden="true" style="filter:blur(6px)">'): the
    sibling before the gate that holds prose, the text's first part."""
    style = body.get("style")
    if not style or "blur(" not in style:
        return None
    before = body.getprevious()
    while before is not None and (not isinstance(before.tag, str)
                                  or _GATE_CLASS.search(f'{before.get("class") or ""} {before.get("id") or ""}')):
        before = before.getprevious()
    if before is None or before.tag != body.tag:
        return None
    prose = [p for p in before.iter("p") if len(_TEXT_LEN(p)) >= 40]
    links = sum(len(_TEXT_LEN(a)) for a in before.iter("a"))
    return before if prose and links < 0.3 * len(_TEXT_LEN(before)) else None


_RUN_BLOCKS = frozenset(("p", "ul", "ol", "dl", "table", "figure", "blockquote", "pre", "h2", "h3", "h4",
                         "h5", "h6"))


def _direct_prose(top: etree._Element, best: etree._Element | None = None) -> int:
    """The characters of the paragraphs that stand in <body> itself: two or more, each of a
    paragraph's length (a wrapper <div> of inline markup holding a whole old page is none, nor a
    table of a page laid out in tables, where the best container found stands in one)."""
    in_layout = best is not None and (best.tag in ("td", "table") or next(best.iterancestors("table"), None) is not None)
    blocks = [c for c in top if _run_block(c) and not (in_layout and c.tag == "table")]
    sizes = [len(_TEXT_LEN(c)) for c in blocks]
    # (a menu is no paragraph: a block whose text is mostly its links' is left out)
    paragraphs = [n for n, c in zip(sizes, blocks) if 80 <= n <= 1500 and not _mostly_linked(c, n)]
    return sum(paragraphs) if len(paragraphs) >= 2 and max(sizes) <= 1500 else 0


def _mostly_linked(el: etree._Element, size: int) -> bool:
    """Half the block's text or more is the text of its links (`size`: the block's text length)."""
    linked = 0
    for a in el.iter("a"):
        linked += len(_TEXT_LEN(a))
        if 2 * linked >= size:
            return True
    return False


def _run_block(el: etree._Element) -> bool:
    """A text block of a page without containers: a paragraph, a list, a table, a subheading,
    or a <div> holding only text and inline elements (an app's web view writes each paragraph
    so)."""
    if not isinstance(el.tag, str):
        return False
    if el.tag == "table":
        # a data table, not a layout table holding the page's columns (a table or a <div> in it)
        return next(el.iterdescendants("table", "div"), None) is None
    if el.tag in _RUN_BLOCKS:
        return True
    return el.tag == "div" and not any(d.tag in _BLOCK_TAGS for d in el.iterdescendants() if isinstance(d.tag, str))


_BLOCK_TAGS = frozenset(("div", "p", "ul", "ol", "table", "section", "article", "header", "footer", "nav",
                         "aside", "form", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "blockquote", "figure"))


def _prose_run(body: etree._Element) -> list[etree._Element]:
    """The text of a page whose paragraphs stand in <body> itself (a text-only 'lite'
    edition): the run of text blocks between two other elements (a rule, the headline, a menu)
    that holds the most prose; the links above and the list below are the page's, not the
    article's."""
    runs: list[list[etree._Element]] = [[]]
    for child in body:
        if not isinstance(child.tag, str) or child.tag in SKIP_TAGS:
            continue
        if _run_block(child) and not is_hidden(child):
            runs[-1].append(child)
        elif runs[-1]:
            runs.append([])
    prose = [sum(len(_TEXT_LEN(p)) for p in run if p.tag in ("p", "div") and len(_TEXT_LEN(p)) >= 80)
             for run in runs]
    best = max(range(len(runs)), key=prose.__getitem__)
    return runs[best] if prose[best] else [body]


def _row_runs(body: etree._Element) -> list[list[etree._Element]] | None:
    """An e-mail newsletter's text (Mailchimp and its like): one table row per paragraph, each
    in a cell of one class. The runs of such rows that hold prose or a subheading, past an
    inserted box (an ad in a table of its own, not taken); the issue's title, date and byline
    rows and the sign-off links end a run. None when the body's cell is not such a row's."""
    row = body.getparent()
    cls = _cell_kind(body)
    if body.tag != "td" or row is None or row.tag != "tr" or not cls or \
            any(c is not body and isinstance(c.tag, str) and _TEXT_LEN(c).strip() for c in row):
        return None
    rows = [r for r in row.itersiblings(preceding=True)][::-1] + [row] + list(row.itersiblings())

    def cell(r: etree._Element) -> etree._Element | None:
        cells = [c for c in r if isinstance(c.tag, str) and _TEXT_LEN(c).strip()]
        return cells[0] if len(cells) == 1 and cells[0].tag == "td" and _cell_kind(cells[0]) == cls else None

    def kind(c: etree._Element | None) -> str:
        if c is None or next(c.iter("h1"), None) is not None:
            return "end"
        if next(c.iter("table"), None) is not None:
            return "box"
        text = len(_TEXT_LEN(c).strip())
        links = sum(len(_normalized(a)) for a in c.iter("a"))
        if any(len(_TEXT_LEN(p)) >= 80 for p in c.iter("p", "li")) and links < 0.3 * text:
            return "prose"
        if text >= 80 and links < 0.3 * text and len(list(islice(c.iter("li"), 2))) == 2:
            return "prose"             # a list of short items in the text ('What residents can expect')
        if next(c.iter("h2", "h3", "h4", "h5", "h6"), None) is not None and text <= 120:
            return "subhead"
        return "end"

    kinds = [kind(cell(r)) for r in rows]
    runs, run = [], []
    for r, k in zip(rows, kinds):
        if k == "end":
            runs.append(run)
            run = []
        else:
            run.append((r, k))
    runs.append(run)
    found = []
    for run in runs:
        while run and run[0][1] != "prose":
            run = run[1:]
        while run and run[-1][1] != "prose":
            run = run[:-1]
        parts = [cell(r) for r, k in run if k != "box"]
        if len(parts) > 1 or any(r is row for r, _ in run):
            found.append(parts)
    return found


def _row_cells(body: etree._Element) -> list[etree._Element] | None:
    """The run of newsletter rows the body's cell belongs to (see `_row_runs`)."""
    for parts in _row_runs(body) or ():
        if body in parts:
            return parts if len(parts) > 1 else None
    return None


def _cell_kind(cell: etree._Element) -> str | None:
    """What makes a newsletter's text cells alike: their class, else (a mailer that styles each
    cell inline, as GovDelivery's do) their style."""
    return cell.get("class") or cell.get("style")


def _best_row_run(best: etree._Element) -> etree._Element:
    """Of a newsletter's runs of paragraph rows, the one with the most text (not the sign-off
    footer whose one cell holds most paragraphs): its longest cell stands for it. The footer's
    own cell, of a kind of its own, is measured against the rows beside it (their longest cell's
    kind)."""
    runs = _row_runs(best)
    if not runs:
        seed = _longest_row_cell(best)
        runs = _row_runs(seed) if seed is not None else None
        if not runs or sum(len(_TEXT_LEN(c)) for c in max(runs, key=lambda parts: sum(
                len(_TEXT_LEN(c)) for c in parts))) <= 2 * len(_TEXT_LEN(best)):
            return best
    run = max(runs, key=lambda parts: sum(len(_TEXT_LEN(c)) for c in parts))
    return best if best in run else max(run, key=lambda c: len(_TEXT_LEN(c)))


def _longest_row_cell(cell: etree._Element) -> etree._Element | None:
    """The longest lone cell of the rows beside `cell`'s row (one table row per paragraph)."""
    row = cell.getparent()
    if cell.tag != "td" or row is None or row.tag != "tr":
        return None
    best, size = None, 0
    for r in islice(chain(row.itersiblings(preceding=True), row.itersiblings()), 60):
        cells = [c for c in r if isinstance(c.tag, str) and c.tag == "td"]
        if len(cells) == 1 and cells[0].get("class") or len(cells) == 1 and cells[0].get("style"):
            length = len(_TEXT_LEN(cells[0]))
            if length > size:
                best, size = cells[0], length
    return best


def _story_pages(body: etree._Element) -> list[etree._Element] | None:
    """A web story (AMP's <amp-story>, one short text per page): the body's like on every page
    but the cover (the page with the story's <h1> and byline), in order."""
    page = next((a for a in body.iterancestors() if a.tag == "amp-story-page"), None)
    story = page.getparent() if page is not None else None
    if story is None or story.tag != "amp-story":
        return None
    cls = body.get("class")
    parts = []
    for sibling in story.iterchildren("amp-story-page"):
        if next(sibling.iter("h1"), None) is not None:
            continue                   # the cover: the title and the byline
        parts.extend(d for d in sibling.iter(body.tag) if d.get("class") == cls and _TEXT_LEN(d).strip())
    return parts if len(parts) > 1 else None


def _alone_with_text(node: etree._Element, parent: etree._Element) -> bool:
    """`node` holds all the text of `parent` but its heading: its only child, or beside
    children with no text (an empty companion <aside>, an ad slot not yet filled) and the
    section's own heading (<section><h3>Subhead</h3><div>text</div></section>)."""
    for child in parent:
        if child is not node and isinstance(child.tag, str) and child.tag not in SKIP_TAGS \
                and child.tag not in ("h2", "h3", "h4", "h5", "h6") and _TEXT_LEN(child):
            return False
    return True


# generated class names (CSS-in-JS hashes: 'css-8gucvm', 'sc-1x2y3z', 'e1h9rw200'), which say
# nothing about what an element is
_HASHED_CLASS = re.compile(r"^(?:css|sc|jsx|emotion|styled|svelte)-[\w-]+$|^e[0-9a-z]{6,}$|^_?[0-9a-f]{6,}$",
                           re.I)


def _plain_text_block(el: etree._Element) -> bool:
    """A section of a text: prose or a sub-head over a list (not a rating or tags panel dressed
    like one), fewer than a fifth of its characters linked."""
    text = len(_TEXT_LEN(el))
    if text < 50 or sum(len(_normalized(a)) for a in el.iter("a")) >= 0.2 * text:
        return False
    return _has_prose(el) or (next(el.iter("h2", "h3", "h4"), None) is not None
                              and any(len(l.findall("li")) >= 3 for l in el.iter("ul", "ol")))


def _teaser(block: etree._Element) -> bool:
    """A card of another story: a link whose text is a title (15 characters or more) in a heading
    or marked as the title, or holding the heading, over the card's summary; or a title marked
    so beside a link of its own ('Read more', 'อ่านต่อ') to another page."""
    titled = linked = False
    for node in block.iterdescendants():
        if not isinstance(node.tag, str):
            continue
        if node.tag == "a":
            href = (node.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:")):
                continue
            linked = True
            if len(_normalized(node)) < 15:
                continue
            if next(node.iter("h2", "h3", "h4", "h5", "h6"), None) is not None:
                return True            # (a card's whole title block linked: <a><h3>…</h3></a>)
            for up in islice(self_and_ancestors(node), 3):
                if up is block:
                    break
                if up.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or title_class(up):
                    return True
        elif title_class(node) and not inside_link(node):
            titled = True
    return titled and linked


def teaser_group(el: etree._Element) -> bool:
    """Three or more child blocks, most of them cards of other stories (a carousel's slides)."""
    kids = [k for k in el if isinstance(k.tag, str) and k.tag not in SKIP_TAGS]
    # (a card links to its story: a block without a link is none, and costs no walk)
    return len(kids) >= 3 and 2 * sum(1 for k in kids if next(k.iter("a"), None) is not None
                                      and _teaser(k)) > len(kids)


def _titled_box(block: etree._Element) -> bool:
    """A box opened by its own title: the first element with text in it is a heading (or marked
    as the title) of a short line ('THÔNG BÁO', 'HỎI ĐÁP THỦ TỤC HÀNH CHÍNH' over a portlet's items)."""
    for node in block.iterdescendants():
        if not isinstance(node.tag, str) or node.tag in SKIP_TAGS or not (node.text or "").strip():
            continue
        text = _normalized(node)
        boxed = node.tag in ("h2", "h3", "h4", "h5", "h6") or title_class(node)
        return boxed and len(text) <= 80 and (bool(_BOX_TITLE_CLASS.search(node.get("class") or ""))
                                              or text.isupper())   # (not a section's sub-head)
    return False


def _has_prose(el: etree._Element) -> bool:
    """A paragraph of prose inside (a <p> of 80 characters or more): a column of the story, not
    a rating or tags panel dressed like it."""
    return any(len(_TEXT_LEN(p)) >= 80 for p in el.iter("p"))


def _named_classes(cls: str | None) -> frozenset[str]:
    return frozenset(t for t in (cls or "").split() if not _HASHED_CLASS.match(t))


def like_siblings(body: etree._Element) -> list[etree._Element]:
    """A profile's body container and its siblings of the same kind holding more of the text."""
    return _like_siblings(body)


def _like_siblings(body: etree._Element, named: bool = False) -> list[etree._Element]:
    """`body` and its siblings of the same tag and class that hold text, not links. `named`
    (a level above the body): the same class names, generated ones aside ('css-rn36gb
    StoryBodyCompanionColumn' is like 'css-y6nck9 StoryBodyCompanionColumn'), each holding
    a paragraph of prose."""
    parent = body.getparent()
    cls = body.get("class")
    if parent is None or not cls or not cls.strip():
        return [body]
    names = _named_classes(cls) if named else None
    if named and not names:
        return [body]
    parts = []
    for sib in parent:
        if sib is body:
            parts.append(sib)
        elif sib.tag == body.tag and (_named_classes(sib.get("class")) == names if named
                                      else sib.get("class") == cls) and not is_hidden(sib):
            text = _TEXT_LEN(sib)
            links = sum(len(_normalized(a)) for a in sib.iter("a"))
            if len(text) >= 50 and links < 0.5 * len(text) and (not named or _has_prose(sib)):
                parts.append(sib)
    return parts


def _rank_containers(scores: dict[etree._Element, float], doc: Doc | None = None) -> list[tuple[float, etree._Element]]:
    """Containers by score, weighed by their class names and link density (the latter measured
    only for the few best, where it can change the order). A block in the site's chrome by its
    ancestors' names weighs a fifth, unless it stands right under the page's own title (a theme
    that prints the article in a 'sidebar' widget: the text under its headline is the text)."""
    ranked = []
    for el, score in scores.items():
        if el.tag not in _CONTAINERS or el.tag == "body":
            continue
        hint = (el.get("class") or "") + " " + (el.get("id") or "")
        if not hint.strip():
            pass
        elif hint_names(hint, _NEGATIVE) and not _POSITIVE.search(hint):
            score *= 0.3
        elif _POSITIVE.search(hint):
            score *= 1.25
        ranked.append((score, el))
    ranked.sort(key=lambda r: -r[0])
    ranked = [(score * (0.2 if chrome_ancestor(el) and not (doc is not None and _under_page_title(doc, el))
                        else 0.05 if off_article(el) else
                        0.3 if _contact_box(el) else 0.5 if _side_box_body(el) else 1.0), el)
              for score, el in ranked[:12]]
    ranked.sort(key=lambda r: -r[0])
    weighed = []
    link_chars: dict[etree._Element, int] = {}     # the best are nested: their links are shared
    for score, el in ranked[:8]:
        total = len(_TEXT_LEN(el).strip()) or 1
        links = 0
        for a in el.iter("a"):
            chars = link_chars.get(a)
            if chars is None:
                chars = link_chars[a] = len(_normalized(a).strip())
            links += chars
        weighed.append((score * (1 - min(links / total, 0.9)), el))
    weighed.sort(key=lambda r: -r[0])
    return weighed


_ADDRESS_LABEL = re.compile(r"(?:^|\W)(?:" + alternation(labels.CONTACT_ADDRESS) + r")\s{0,3}[:：]", re.I)
_PHONE_LABEL = re.compile(r"(?:^|\W)(?:" + alternation(labels.CONTACT_PHONE) + r")\s{0,3}[:：.]?\s{0,3}\(?\+?\d", re.I)
_CONTACT_PAGE = re.compile(r"(?:^|\W)(?:" + alternation(labels.CONTACT_PAGE) + r")(?:\W|$)", re.I)
_CONTACT_LINES = frozenset(("p", "li", "td", "dd", "span", "address"))


def is_contact_box(el: etree._Element) -> bool:
    """See `_contact_box` (asked of a block under the text by the body's reader)."""
    return el.tag in ("div", "p", "td", "address") and _contact_box(el)


def _contact_box(el: etree._Element) -> bool:
    """The site's (or the office's) contact box: a short block whose lines are mostly its name,
    address, telephone and e-mail ('Địa chỉ: … - Điện thoại: 0272…'), printed at a page's foot
    outside any <footer>; an article giving a contact at its end is mostly other text."""
    if next(islice(el.iter(), 80, None), None) is not None:
        return False                   # (a box of a few lines: no wrapper of the page's blocks)
    text = _TEXT_LEN(el)
    if len(text) > 600 or not _PHONE_LABEL.search(text):
        return False
    if not _ADDRESS_LABEL.search(text) and not _ADDRESS_LABEL.search(" ".join(el.itertext())):
        return False                   # (lines joined unspaced: 'PHÚ THỌĐịa chỉ:')
    if any(_CONTACT_PAGE.search(text_of(h)) for h in el.getroottree().getroot().iter("title", "h1")):
        return False                   # the contact page's own text
    contact = 0
    counted: set[etree._Element] = set()
    for line in el.iter(*_CONTACT_LINES):
        if counted and any(a in counted for a in line.iterancestors()):
            continue                   # (inside a line counted already: counted once)
        own = _TEXT_LEN(line)
        if _contact_line(own):
            contact += len(own)
            counted.add(line)
    if not counted:
        # lines parted by <br> alone ('TÊN CỔNG<br>Cơ quan chủ quản: … Địa chỉ: …<br>Điện thoại: …'):
        # each text piece is a line
        contact = sum(len(own) for own in map(str.strip, el.itertext()) if _contact_line(own))
    return contact >= 0.35 * len(text)


def _contact_line(text: str) -> bool:
    return bool(_ADDRESS_LABEL.search(text) or _PHONE_LABEL.search(text) or _CONTACT_EXTRA.search(text))


# the contact box's other lines: e-mail, fax, website, who answers for the site's content
_CONTACT_EXTRA = re.compile(r"^(?:e-?mail|thư điện tử|fax|website|chịu trách nhiệm(?: nội dung)?|"
                            r"người chịu trách nhiệm)\s*[:：]", re.I)


# Never the article, whatever its text: a consent or cookie wall (a modal dialog, the consent
# vendors' names) and the readers' comments (by role, schema type or their name in the usual
# languages). One class/id part names it.
_OFF_ARTICLE_PART = re.compile(
    r"^(?:\w*consent\w*|\w*cookie\w*|gdpr\w*|onetrust\w*|didomi\w*|cookiebot\w*|"
    r"usercentrics\w*|truste\w*|privacy|"
    r"comments?|commentlist|commentaires?|comentarios?|commenti|commento|kommentare?|kommentar\w+|"
    r"reacties?|yorum\w*|komentar\w*|komentarze|комментари\w*|disqus\w*|replies|reply|"
    r"discussions?|respond|binhluan\w*)$")
_OFF_ARTICLE_TOKEN = re.compile(r"sp_message|qc-cmp|fc-consent|cc-window|cc-banner", re.I)
# a consent manager's own class ('cmp', 'xx-cmp__text', 'cmplz-cookiebanner', 'cmp-wall__vendor',
# 'cmpbox'), never an Adobe Experience Manager component's ('cmp-text', 'cmp-container', 'cmp-title')
_CMP_TOKEN = re.compile(r"^(?:cmp|[a-z0-9]+[-_]cmp|cmp(?:lz|box)\w*|cmp[-_]?(?:wall|banner|consent|popup|modal|layer|"
                        r"dialog|wrapper|root|app|ui|notice|overlay)(?:[-_]\w*)?)(?:__\S*|--\S*)?$")
_OFF_ROLES = frozenset({"dialog", "alertdialog", "comment"})


def off_article(el: etree._Element) -> bool:
    """Inside (or being) a consent dialog or a comment thread: by role, aria-modal, a Comment
    itemtype or a class/id part naming it; or a list whose items are mostly such."""
    inside = _off_chain(el, _chain_memo())
    if inside is not None:
        return inside
    kids = [kid for kid in el if isinstance(kid.tag, str)]
    return len(kids) >= 3 and 2 * sum(map(_names_off_article, kids)) > len(kids)


def _chain_memo() -> dict:
    """The page's answers of `_off_chain` (the best containers and the paragraphs asked about
    share most of their ancestors); a new one outside a page."""
    memo = page_cached("off-article-chain", dict)
    return {} if memo is None else memo


def _off_chain(el: etree._Element | None, memo: dict) -> bool | None:
    """Whether `el` or an ancestor under <body> names a consent dialog or comments (True or
    False), or None when the chain ends without reaching <body> or <html> (a detached subtree)."""
    if el is None:
        return None
    if el.tag in ("body", "html"):
        return False
    if el in memo:
        return memo[el]
    answer = memo[el] = True if _names_off_article(el) else _off_chain(el.getparent(), memo)
    return answer


def _names_off_article(node: etree._Element) -> bool:
    if (node.get("role") in _OFF_ROLES or node.get("aria-modal") == "true") and not _story_modal(node) \
            or "Comment" in (node.get("itemtype") or ""):
        return True
    hint = bounded_hint(node).lower()      # a 40 KB class made the part patterns backtrack
    if hint.strip():
        if _OFF_ARTICLE_TOKEN.search(hint):
            return True
        for token in hint.split():
            if _CMP_TOKEN.match(token) or any(_OFF_ARTICLE_PART.match(part) for part in _HINT_SPLIT.split(token) if part):
                return True
    return False


def _story_modal(node: etree._Element) -> bool:
    """A modal dialog that holds a story (an app-like site's story opened over its section front:
    '<dialog open aria-modal="true"><article><h1>…'), not a consent wall: an <article> with a
    heading and three paragraphs of text."""
    if node.get("role") == "comment":
        return False
    story = next(node.iter("article"), None)
    if story is None or next(story.iter("h1", "h2"), None) is None:
        return False
    return sum(1 for p in story.iter("p") if len(_normalized(p)) >= 80) >= 3


_HINT_SPLIT = re.compile(r"[-_]+")
_TEXT_LEN = etree.XPath("normalize-space(string(.))", smart_strings=False)
_XML_SPACES = re.compile("[\x20\x09\x0d\x0a]+")


def _normalized(el: etree._Element) -> str:
    """`_TEXT_LEN(el)` (XPath's normalize-space(string(.))) without an XPath call: the
    element's text with runs of XML whitespace as one space, none at the ends."""
    text = "".join(el.itertext()) if len(el) else el.text     # (a leaf: its own text)
    return _XML_SPACES.sub(" ", text).strip(" ") if text else ""


_PDF_FONT_SIZE = re.compile(r"\.(fs[0-9a-z]+)\{font-size:([0-9.]+)(?:px|pt)")


def _pdf_export_title(doc: Doc) -> tuple[str, etree._Element] | None:
    """A PDF exported by pdf2htmlEX (one positioned <div class="t … fsN"> per printed line):
    its title is the run of lines in the largest type on the first page, joined (a headline
    printed over two lines), where no heading element exists to say it."""
    if 'id="page-container"' not in doc.source or "font-size" not in doc.source:
        return None
    sizes: dict[str, float] = {}
    for name, size in _PDF_FONT_SIZE.findall(doc.source[:400000]):
        sizes.setdefault(name, float(size))        # (the screen's size: the print media's come later)
    page = next((el for el in doc.root.iter("div") if "pf" in (el.get("class") or "").split()), None)
    if page is None or not sizes:
        return None
    lines = []
    for el in page.iter("div"):
        classes = (el.get("class") or "").split()
        if "t" in classes and text_of(el):
            size = max((sizes.get(c, 0.0) for c in classes if c.startswith("fs")), default=0.0)
            lines.append((size, el))
    if len(lines) < 3:
        return None
    top = max(size for size, _ in lines)
    run: list[etree._Element] = []
    for size, el in lines:
        if size == top:
            run.append(el)
        elif run:
            break
    text = " ".join(text_of(el) for el in run)
    return (text, run[0]) if 3 <= _word_count(text) <= 40 and len(run) <= 4 else None


def _screen_reader_title(doc: Doc, og: str) -> tuple[str, etree._Element] | None:
    """The page's <h1> kept for screen readers only ('visually-hidden') while the cover draws
    the title as a picture (an e-magazine): the headline, when it says what og:title says."""
    wanted = clean(og).lower()
    for count, el in enumerate(doc.root.iter("h1")):
        if count >= 5:
            return None
        if _SCREEN_READER.search(el.get("class") or "") and clean(text_content(el)).lower() == wanted:
            return clean(text_content(el)), el
    return None


def find_headline(doc: Doc, body: etree._Element | None) -> tuple[str | None, etree._Element | None]:
    pdf = _pdf_export_title(doc)
    if pdf is not None:
        return pdf
    title_parts = {p.lower() for p in _TITLE_SPLIT.split(doc.title) if p}
    full_title = doc.title.lower()
    og = doc.meta.get("og:title") or doc.jsonld_value("headline") or doc.jsonld_value("name") or \
        _asset_title(doc, body)
    # a text-only page's body is <body> itself: where the heading stands says nothing then
    body_pos = doc.position(body) if body is not None and body.tag != "body" else None
    if og and ("-only" in doc.source or "hidden" in doc.source):
        hidden_title = _screen_reader_title(doc, og)
        if hidden_title is not None:
            return hidden_title
    best: tuple[float, str, etree._Element] | None = None
    candidates = doc.tagged("headings") + doc.hints("title")
    styled = opening = None
    if body is not None:
        styled = _styled_line_before(body)
        if styled is None:
            styled = opening = _styled_line_opening(body)
    if styled is not None and styled not in candidates:
        candidates = candidates + [styled]
    cells = title_cells(doc)
    if cells:
        candidates = candidates + [c for c in cells if c not in candidates]
    scored: list[tuple[float, str, etree._Element]] = []
    for el in sorted(candidates, key=doc.position):
        if el is not styled and el.tag not in ("h1", "h2", "h3", "h4") and el not in cells:
            hint = (el.get("class") or "") + " " + (el.get("id") or "")
            if not _TITLE_HINT.search(hint):
                continue
        text = text_of(el)
        words = _word_count(text)
        # (the tests of its words and class first: the costlier tests of its place in the tree
        # are left for the candidates they pass)
        if not 2 <= words <= 60 or RELATED_HEADING.match(text) or names_a_section(text) or _section_caps(text):
            continue                   # a box title ("TIN MỚI")
        if _date_heading(text):
            continue                   # a diary's day over its entries ('2007-03-14 (水)', 'Friday, March 14, 2008')
        if _SOURCE_LABEL_LINE.match(text):
            continue                   # the source under a video ('Nguồn: Đài PT-TH Bạc Liêu'), styled
        if _SCREEN_READER.search(el.get("class") or ""):
            continue                   # a heading for screen readers only ("Bạn đang ở đây")
        if in_link_list(el) or chrome_ancestor(el) or _site_name(el) or _names_a_linked_section(doc, el, text):
            continue                   # a listed item, the chrome, the site's name in its banner, a section's name
        if _portal_name(doc, text) or \
                _footer_repeats(doc, text) and (body_pos is None or doc.position(el) < body_pos):
            continue                   # the site's name, printed again in its footer
        low = text.lower()
        titled = low in title_parts or (len(low) > 15 and low in full_title)
        if el.tag != "h1" and not titled and _titles_a_box(el):
            continue                   # ('Лента новостей' over a rail of dated links: an h2 too;
            #                            but the page's own title over a video and its links is its headline)
        if el is styled and not titled and el not in cells and _title_printed_above(doc, el):
            continue                   # a styled subtitle, the page's title printed just above it
        linked = _linked_to(doc, el, text)
        if linked == "home":
            continue                   # the blog's name linked to its front page (Blogger's h1.title)
        score = 3.0 if el in cells else {"h1": 3.0, "h2": 2.0, "h3": 1.5}.get(el.tag, 2.0 if el is styled else 1.0)
        if linked == "self":
            score += 1.5               # the post's title linked to its own permalink
        if titled or _without_topic(el, text, title_parts) is not None:
            score += 3                 # (after a topic's link: '<a>お知らせ</a>: <the title>')
        if og and low == og.lower():
            score += 3
        if body_pos is not None:
            pos = doc.position(el)
            if pos < body_pos:
                score += 1
            elif body is not None and (el is body or body in el.iterancestors()):
                # the line that opens the article's block is its title, as one just before it
                # is; a heading further down is inside the text
                score += 1 if el is opening or _opens(body, el) or _opens_after_label(body, el) \
                    or _opens_after_rule(body, el) else -2
            else:
                score -= 1
        if inside_link(el):
            score -= 1.5
        if not titled and _box_title(el):
            score -= 2                 # a side box's title by its class ('box-title', 'widget-title'),
            #                            unless the <title> names the page so
        scored.append((score, text, el))
        if best is None or score > best[0]:
            best = (score, text, el)
    if best and best[0] >= 2:
        rest = _title_rest(doc.title, best[1])
        # (the blog's name over its post, each a part of '<blog> - <post>': the post's title)
        better = next((c for c in scored if rest and len(rest) > len(best[1]) and c[1].lower() == rest.lower()
                       and c[0] >= 2 and doc.position(best[2]) < doc.position(c[2])
                       and (body_pos is None or doc.position(c[2]) <= body_pos)), None)
        if better is not None:
            best = better
        text = _without_topic(best[2], best[1], title_parts) or _without_kicker(best[2], best[1])
        text = _title_within_label(text, doc.title) or text
        return _without_ornament(best[2], text), best[2]
    crumb = _crumb_headline(doc)
    if crumb is not None:
        return crumb                   # printed only as the breadcrumb's last item, as its address says
    if not og and _TITLE_SPLIT.search(doc.title):
        for el in candidates:          # the page's heading is its whole title: nothing to strip
            if el.tag in ("h1", "h2", "h3") and text_of(el).lower() == full_title:
                return text_of(el), el
    if og and not names_a_section(og):
        text = _strip_site(og, doc)
        return text, _printed_as(doc, text)
    if doc.title and not names_a_section(doc.title):
        text = _strip_site(doc.title, doc)
        printed = _printed_as(doc, text)
        if printed is None:
            text, printed = _printed_part(doc, doc.title) or (text, None)
        return text, printed
    return (best[1], best[2]) if best else (None, None)


def _cut_stem(text: str) -> str | None:
    """`text` without the ellipsis a template cut it with ('… tổ dân p…'), or None when it has none."""
    text = text.rstrip()
    for mark in ("…", "..."):
        if text.endswith(mark):
            return text[:-len(mark)].rstrip()
    return None


def uncut_headline(doc: Doc, text: str) -> str:
    """A heading the template cut to its width ('… tại nguồn ở 12 tổ dân p…') is the whole title
    the page names elsewhere: og:title, or <title> without the site's name, that opens with the
    same words and goes on."""
    stem = _cut_stem(text)
    if stem is None or len(stem) < 20:
        return text
    og = doc.meta.get("og:title") or doc.jsonld_value("headline")
    for whole in (og, doc.title and _strip_site(doc.title, doc)):
        whole = clean(whole or "")
        if len(whole) > len(stem) + 1 and whole.startswith(stem) and _cut_stem(whole) is None:
            return whole
    return text


# a panel's or a module's heading by its class ('module-title', 'panel-heading', 'portlet-title')
_PANEL_HEADING = re.compile(r"(?:^|\s)(?:module|panel|portlet|widget)[-_]?(?:title|heading|header)(?:-text)?(?:$|\s)", re.I)


_PAGE_TYPE = re.compile(r"chi tiết|nội dung tin|detail|xem tin", re.I)


def panel_heading(headline: etree._Element | None) -> str | None:
    """The heading of the panel or module that holds the article (<h2 class="module-title">Văn
    bản chỉ đạo điều hành</h2> over div.chitiet; vnEdu's div.panel-heading): its category, when
    nothing else names one."""
    node = headline
    for _ in range(4):
        if node is None or node.tag in ("body", "html"):
            return None
        prev = node.getprevious()
        for _ in range(2):
            while prev is not None and not isinstance(prev.tag, str):
                prev = prev.getprevious()
            if prev is None:
                break
            text = text_of(prev)
            if _PANEL_HEADING.search(prev.get("class") or "") and 1 <= len(text.split()) <= 8 \
                    and not RELATED_HEADING.match(text) and not _SECTION_LABEL.match(text) \
                    and not _PAGE_TYPE.search(text) and not _site_name(prev):
                return text            # (not the page's type: 'Tin chi tiết', 'Chi tiết tin tức')
            prev = prev.getprevious()
        node = node.getparent()
    return None


def _ascii_words(text: str) -> list[str]:
    """The words of `text` without their marks, lower case ('Kiểm tra' -> ['kiem', 'tra']): as
    an address's slug spells them."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
                   if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", bare)


def _crumb_headline(doc: Doc) -> tuple[str, etree._Element] | None:
    """A headline printed only as the breadcrumb's last item (no heading, a <title> naming only
    the page type and the site): taken when the address's slug spells the same words."""
    slug = _ascii_words(doc.url.rstrip("/").rsplit("/", 1)[-1].split("?")[0])
    if len(slug) < 5:
        return None
    for trail in doc.named(("crumb",))[:4]:
        items = [el for el in trail.iter("li", "span", "a") if text_of(el)]
        if not items:
            continue
        last = items[-1]
        while last.getparent() is not None and last.getparent() is not trail and \
                text_of(last.getparent()) == text_of(last):
            last = last.getparent()    # (the item, not its inner span)
        text = text_of(last)
        words = _ascii_words(text)
        if 5 <= len(words) <= 40 and words[:len(slug)] == slug[:len(words)] and \
                len(set(words) & set(slug)) >= 0.8 * len(words) and not names_a_section(text):
            return text, last          # (not a section's own page: 'Tin tức - Sự kiện' at /tin-tuc-su-kien/)
    return None


_EDGE_SEPARATOR = re.compile(r"^\s*(?:[|\-–—:»·]|::)\s+")


def _title_within_label(text: str, title: str) -> str | None:
    """The page's whole <title> inside a heading that labels it and counts its readers (a
    forum's topic bar: 'Autor Téma: <title> (Přečteno 7893 krát)', 'Topic: <title> (Read 512
    times)'): the title, as the heading prints it."""
    title = " ".join(title.split())
    if len(title) < 15 or len(title) >= len(text):
        return None
    at = text.lower().find(title.lower())
    if at < 0:
        return None
    before, after = text[:at].strip(), text[at + len(title):].strip()
    if (before and not (before.endswith((":", "：")) and len(before) <= 30)) or \
            not (after.startswith(("(", "（")) and after.endswith((")", "）")) and len(after) <= 40
                 and any(c.isdigit() for c in after)):
        return None                    # (a count in brackets after it, always: the readers')
    return text[at:at + len(title)]


def _title_rest(title: str, part: str) -> str | None:
    """The rest of the <title> when `part` opens or closes it before or after a separator
    ('Espaço de Renata - Enchente no bairro: …' without 'Espaço de Renata'), else None."""
    full, part = " ".join(title.split()), " ".join(part.split())
    low, plow = full.lower(), part.lower()
    if not plow or len(plow) >= len(low):
        return None
    if low.startswith(plow):
        m = _EDGE_SEPARATOR.match(full[len(part):] + " ")
        return full[len(part) + m.end():].strip() or None if m else None
    if low.endswith(plow):
        head = full[:len(full) - len(part)]
        m = re.search(r"\s+(?:[|\-–—:»·]|::)\s*$", head)
        return head[:m.start()].strip() or None if m else None
    return None


_DAY_HEADING = re.compile(r"^\W*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s*(?:[(（][^()（）]{1,12}[)）])?\W*$")


def _date_heading(text: str) -> bool:
    """A heading that is a day and nothing else ('2007-03-14 (水)'; a diary's or a blog archive's
    day header, 'sexta-feira, 14 de março de 2008'), never a title."""
    if _DAY_HEADING.match(text):
        return True
    if len(text) > 48 or not _date_like(text):
        return False
    parsed = parse_vietnamese_datetime(text)
    if parsed.value is None or not parsed.raw:
        return False
    rest = text.replace(parsed.raw, " ")
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 2 and _WEEKDAYISH.search(rest) is not None or not rest.strip(" ,.()（）")


_WEEKDAYISH = re.compile(r"(?i)day|feira|domingo|sábado|tag\b|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
                         r"lunes|martes|miércoles|jueves|viernes|thứ|chủ nhật|曜|星期|週")


# every separator a <title> puts between the site's name and the headline, the full-width colon
# of Japanese sites among them ('越路日報ニュース：高田城址公園、…'): tried only for a part printed whole
_ANY_TITLE_SPLIT = re.compile(r"\s+(?:[|\-–—:»]|::)\s+|\s*[｜：_]\s*")


def _printed_part(doc: Doc, title: str) -> tuple[str, etree._Element] | None:
    """The longest part of the <title> that the page prints whole in an element of its own (the
    headline of a table-era page whose <title> is '<site>：<headline>'), when the part the
    usual split keeps is printed nowhere."""
    parts = sorted({p.strip() for p in _ANY_TITLE_SPLIT.split(title)} - {title.strip()}, key=len, reverse=True)
    for part in parts:
        if len(part) < 8:
            break                      # (longest first: the rest are shorter still)
        if _word_count(part) < 4 or names_a_section(part):
            continue                   # a section's or a site's name, no headline
        printed = _printed_as(doc, part)
        if printed is not None and not (inside_link(printed) or in_link_list(printed) or chrome_ancestor(printed)):
            return part, printed
    return None


def _title_printed_above(doc: Doc, el: etree._Element) -> bool:
    """A part of the <title> printed whole just before `el`, in the same block (a table's row
    above it): the headline, `el` its subtitle."""
    parts = _TITLE_SPLIT.split(doc.title)
    if len(parts) < 2:
        return False
    near = list(islice(el.iterancestors(), 4))
    pos = doc.position(el)
    for part in parts:
        printed = _printed_as(doc, part) if len(part) > 15 else None
        if printed is not None and doc.position(printed) < pos and any(
                a in near for a in printed.iterancestors()):
            return True
    return False


_HOME_PATHS = frozenset({"", "/", "/index.html", "/index.htm", "/index.php", "/default.aspx", "/home"})


def _linked_to(doc: Doc, el: etree._Element, text: str) -> str | None:
    """Where a heading's whole text links: "home" (the site's front page: its name), "self"
    (the page itself: a post's permalink title), else None."""
    link = el if el.tag == "a" else next((a for a in el.iter("a") if a.get("href")), None)
    if link is None or clean(text_content(link)) != text or not link.get("href"):
        return None
    try:
        target = urlsplit(urljoin(doc.url, link.get("href").strip()))
    except ValueError:                 # a broken href ('http://[oops/'): it links nowhere
        return None
    page = urlsplit(doc.url)
    if target.netloc.lower() != page.netloc.lower():
        return None
    if target.path.rstrip("/") == page.path.rstrip("/") and target.query == page.query:
        return "self" if page.path not in _HOME_PATHS else None
    return "home" if target.path in _HOME_PATHS and not target.query and page.path not in _HOME_PATHS else None


def _asset_title(doc: Doc, body: etree._Element | None) -> str | None:
    """The title a CMS writes on the article's container for its analytics (Liferay 7's
    `data-analytics-asset-title` on the journal content), when the page has no og:title: on
    the body, a block inside it or around it."""
    if body is None or "data-analytics-asset-title" not in doc.source:
        return None
    for el in chain(body.iterancestors(), body.iter()):
        title = el.get("data-analytics-asset-title")
        if title and title.strip():
            return clean(title)
    return None


def _without_topic(el: etree._Element, text: str, title_parts: set[str]) -> str | None:
    """The headline without the topic a portal links before it ('<a>お知らせ</a>: 公民館3館で…',
    a PHP-Nuke or XOOPS story's title), when the rest is the page's title."""
    low = text.lower()
    for part in title_parts:
        if len(part) > 10 and low.endswith(part) and len(low) > len(part):
            prefix = text[:-len(part)].strip(" :：-–|»")
            link = next(el.iter("a"), None)
            if prefix and link is not None and clean(text_of(link)) == prefix:
                return text[-len(part):].strip()
    return None


_PRINTED_TAGS = ("b", "strong", "font", "span", "div", "p", "td", "h1", "h2", "h3", "h4", "h5", "h6")
# a source's label and its name: a credit line, never the headline
_SOURCE_LABEL_LINE = re.compile(r"^\s{0,3}\(?\s{0,3}(?:" + alternation(labels.SOURCE, labels.SOURCE_WORLD) + r")\s{0,3}[:：]", re.I)


def _printed_as(doc: Doc, headline: str | None) -> etree._Element | None:
    """The element that prints the headline taken from the metadata or the <title> (a table-era
    page's '<font size="4"><b>…</b></font>'), the innermost first met; None when none prints it
    whole. Where it stands anchors the search for the article's date."""
    if not headline or len(headline) > 300:
        return None
    for el in doc.root.iter(*_PRINTED_TAGS):
        if (el.text or "").strip()[:1] == headline[:1] and text_of(el) == headline:
            inner = next((d for d in el.iterdescendants(*_PRINTED_TAGS) if text_of(d) == headline), None)
            return inner if inner is not None else el
    return None


# the page's own footer by a class or id token ('footer', 'site-footer', 'chan-trang', 'bottom'),
# not an article's or a card's ('entry-footer', 'card__footer')
_FOOTER_TOKEN = re.compile(r"^(?:(?:site|page|main|global)[-_]?)?(?:footer|foot|bottom)"
                           r"(?:[-_]?(?:wrap\w*|container|inner|area|section|content))?$|^chan[-_]?trang$", re.I)
_FOOTER_TEXT_TAGS = ("b", "strong", "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "div", "td", "font")


def _footer_repeats(doc: Doc, text: str) -> bool:
    """A line the page prints again in its footer (the agency's name over its address): the
    site's name, never an article's headline."""
    names = doc.memo.get("footer_names")
    if names is None:
        names = doc.memo["footer_names"] = _footer_names(doc)
    return bool(names) and " ".join(text.split()).casefold() in names


def _footer_names(doc: Doc) -> frozenset[str]:
    containers = [el for el in doc.root.iter("footer")
                  if not any(a.tag in ("article", "main") for a in el.iterancestors())] \
        if "<footer" in doc.source or "<FOOTER" in doc.source else []
    for el in doc.named(("foot", "chan", "bottom")):
        hint = " ".join(filter(None, (el.get("class"), el.get("id"))))
        if any(_FOOTER_TOKEN.match(token) for token in hint.split()) and \
                not any(a.tag in ("article", "main") for a in el.iterancestors()):
            containers.append(el)
    names: set[str] = set()
    for container in containers[:8]:
        for count, el in enumerate(container.iter(*_FOOTER_TEXT_TAGS)):
            if count > 200:
                break
            line = text_of(el)
            if line and len(line) <= 100:
                names.add(" ".join(line.split()).casefold())
    return frozenset(names)


# the scripts written without spaces between words: Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar
_SPACELESS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]")


# the class a theme gives a side box's or a widget's title, on the heading or on its wrapper:
# 'box-title', 'widget-title', 'block-title', 'module-title', 'portlet-title', 'sidebar-header',
# 'title-box', 'tieu-de-khoi'
_BOX_TITLE_CLASS = re.compile(r"(?:^|\s)(?:(?:box|widget|block|module|moduletable|portlet|sidebar|side|khoi)[-_]?"
                              r"(?:title|header|heading|head|tieu-?de)|(?:title|tieu-?de)[-_](?:box|widget|block|module|khoi))"
                              r"(?=\s|$)", re.I)


def _side_box_body(el: etree._Element) -> bool:
    """`el` is the body of a side box: the element before it is a heading classed as a box's
    title ('<h3 class="box-title">LỊCH THĂM GẶP</h3><div class="box-body">…')."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return prev is not None and prev.tag in ("h2", "h3", "h4", "h5", "div", "span", "p", "strong") \
        and len(prev) <= 2 and bool(_BOX_TITLE_CLASS.search(prev.get("class") or ""))


def _box_title(el: etree._Element) -> bool:
    parent = el.getparent()
    return any(_BOX_TITLE_CLASS.search(node.get("class") or "") for node in (el, parent) if node is not None)


def _word_count(text: str) -> int:
    """Words in a line; in a script written without spaces ('子ども医療費助成を18歳まで拡大'), a
    word for every three of its letters (a section's name, 'お知らせ', is one word)."""
    words = len(text.split())
    if words < 2 and _SPACELESS.search(text):
        return max(words, len(_SPACELESS.findall(text)) // 3)
    return words


_NAVIGATION = re.compile(r"(?:^|[\s_-])(?:nav\w*|menu\w*|breadcrumbs?|crumbs?|duong-?dan)(?:$|[\s_-])", re.I)


def _names_a_linked_section(doc: Doc, el: etree._Element, text: str) -> bool:
    """A heading that prints the name of a section the site's menu or breadcrumb links to ('THỜI
    SỰ' over the article, 'Tin cảnh báo' as the portlet's title): the section the article is
    in, not its headline. A link back to the page itself (a breadcrumb's last item) names the
    article, and is not counted."""
    if len(text) > 60 or inside_link(el):
        return False
    sections = doc.memo.get("linked_sections")
    if sections is None:
        sections = doc.memo["linked_sections"] = _linked_sections(doc)
    hrefs = sections.get(" ".join(text.split()).casefold())
    if not hrefs:
        return False
    here = doc.url.split("#", 1)[0].rstrip("/")
    for href in hrefs:
        try:
            target = urljoin(doc.url, href)
        except ValueError:             # a broken href ('http://[::1'): no link to the page itself
            target = ""
        if target.split("#", 1)[0].rstrip("/") != here:
            return True
    return False


def _linked_sections(doc: Doc) -> dict[str, list[str]]:
    """The texts of the links in the site's menus and breadcrumbs (case-folded), each with the
    addresses its links point to."""
    names: dict[str, list[str]] = {}
    seen: set = set()
    # the site's menus and breadcrumbs, by tag or by a class or id that names them (its whole
    # token tested below)
    for block in [*doc.root.iter("nav"), *doc.named(("nav", "menu", "crumb", "duong"))]:
        if block in seen:
            continue
        hint = " ".join(filter(None, (block.get("class"), block.get("id"))))
        if block.tag != "nav" and not (hint and _NAVIGATION.search(hint)):
            continue
        for a in block.iter("a"):
            if a in seen:
                continue
            seen.add(a)
            name = " ".join(("".join(a.itertext()) if len(a) else a.text or "").split())
            if not name or len(name) > 60 or not any(anc is block for anc in islice(a.iterancestors(), 6)):
                continue
            names.setdefault(name.casefold(), []).append(a.get("href") or "")
    return names


# a module's name printed in capitals over its item ('HỎI ĐÁP THỦ TỤC HÀNH CHÍNH', 'TIN TỨC - SỰ
# KIỆN'): the section, never the headline
_SECTION_CAPS = re.compile(r"^(?:HỎI ĐÁP|HỎI - ĐÁP|HỎI-ĐÁP|TIN TỨC|THÔNG BÁO|SỰ KIỆN|CHI TIẾT)\b")


def _section_caps(text: str) -> bool:
    return bool(_SECTION_CAPS.match(text)) and text.isupper() and len(text.split()) <= 8


def _opens_after_rule(container: etree._Element, el: etree._Element) -> bool:
    """`el` is the first text after a horizontal rule that closes a short letterhead (a print
    view's '<b>SITE NAME</b><br>Website: …<hr><p class="tieude">title</p>')."""
    before = 0
    ruled = False
    holders = set(el.iterancestors())
    for node in container.iterdescendants():
        if node is el:
            return ruled
        if not isinstance(node.tag, str) or node in holders:
            continue
        if node.tag == "hr":
            ruled = before <= 200
            continue
        own = len((node.text or "").strip()) + len((node.tail or "").strip())
        if own:
            if ruled:
                return False           # text between the rule and the element
            before += own
            if before > 200:
                return False
    return False


def _opens_after_label(container: etree._Element, el: etree._Element) -> bool:
    """`el` is the first text of `container` after a section's label (<div class="hd-title">HỎI
    ĐÁP THỦ TỤC HÀNH CHÍNH</div><h2>question</h2>): it opens the item as a heading on top does."""
    label = None
    holders = set(el.iterancestors())
    for node in container.iterdescendants():
        if node is el:
            return label is not None
        if not isinstance(node.tag, str) or node in holders:
            continue
        text = (node.text or "").strip()
        if text:
            if label is not None or not (_section_caps(text_of(node)) or names_a_section(text_of(node))):
                return False
            label = node
        if (node.tail or "").strip():
            return False
    return False


def _without_kicker(el: etree._Element, text: str) -> str:
    """A heading printed as a kicker, a colon and the title in spans of their own (<h2><span
    class="kicker">Salzwiesen im Wattenmeer</span><span>:</span> <span>Das Meer holt sich das
    Land zurück</span></h2>): the title. A heading written as one text keeps its colon."""
    spans = [c for c in el if isinstance(c.tag, str)]
    if len(spans) < 2 or (el.text or "").strip() or any(c.tag not in ("span", "strong", "b", "em") for c in spans):
        return text
    kicker, title = text_of(spans[0]), text_of(spans[-1])
    middle = ((spans[0].tail or "") + "".join(text_of(c) + (c.tail or "") for c in spans[1:-1])).strip()
    colon = middle == ":" or (kicker.endswith(":") and not middle)
    if colon and 1 <= len(kicker.rstrip(":").split()) <= 6 and len(title.split()) >= 3 \
            and text.endswith(title) and not (spans[-1].tail or "").strip():
        return title
    return text


_ORNAMENT = re.compile(r"^[■□●○◆◇▲△▼▽★☆►▶•※]+\s*")
_LINKED_TAG = re.compile(r"^\[\s*([^\[\]]{1,16}?)\s*\]\s*")


def _without_ornament(el: etree._Element, text: str) -> str:
    """A diary entry's heading without its anchor mark and its linked category ('■ [本]近所の…',
    Hatena's '<a>■</a>[<a class="sectioncategory">本</a>]…'): the title."""
    stripped = _ORNAMENT.sub("", text)
    tag = _LINKED_TAG.match(stripped)
    if tag is not None and any(text_of(a) == tag.group(1) for a in el.iter("a")) and stripped[tag.end():]:
        stripped = stripped[tag.end():]
    return stripped if stripped else text


def _opens(container: etree._Element, el: etree._Element) -> bool:
    """No text comes before `el` in `container` (a template's heading on top of the article's
    block)."""
    if el is container:
        return False
    if (container.text or "").strip():
        return False
    holders = set(el.iterancestors())
    crumbs: set = set()
    for node in container.iterdescendants():
        if node is el:
            return True
        if node in crumbs:
            continue
        if isinstance(node.tag, str) and (node.text or "").strip():
            if node not in holders and _crumb_line(node):
                crumbs.update(node.iter())       # the trail over the heading ('Startseite > Presse')
                continue
            return False
        if (node.tail or "").strip() and node not in holders:
            return False               # its tail comes before el
    return False


def _crumb_line(node: etree._Element) -> bool:
    """A breadcrumb printed as a line of text: short, two or more '>' / '»' / '›' between its
    items, no sentence in it."""
    text = text_of(node)
    return len(text) <= 120 and len(_CRUMB_ITEM_SEPARATOR.findall(text)) >= 2 and not text.rstrip().endswith((".", "!", "?"))


_CRUMB_ITEM_SEPARATOR = re.compile(r"\s[>»›]\s")


def _titles_a_box(el: etree._Element) -> bool:
    """A side box's title ("CÁC XÃ, PHƯỜNG" over a drop-down of sites, "VĂN BẢN MỚI" over a list
    of links): what follows it in its parent is a form control or mostly links. A title alone
    in its table row or wrapper (<tr><td class="tieude">VĂN BẢN MỚI</td></tr><tr>…links…</tr>)
    is judged by what follows its row."""
    for _ in range(2):
        parent = el.getparent()
        if parent is None or el.getnext() is not None or el.getprevious() is not None \
                or parent.tag not in ("tr", "div", "thead", "tbody") or (parent.text or "").strip():
            break
        el = parent
    links = text = entries = seen = banners = 0
    for sib in islice(el.itersiblings(), 10):      # a box's first few children say what it is
        if not isinstance(sib.tag, str):
            continue
        if text < 200 and (sib.tag in ("select", "form", "marquee") or next(sib.iter("select"), None) is not None
                           or any((i.get("type") or "text").lower() not in ("hidden",) for i in sib.iter("input"))):
            return True                # a drop-down, a date picker, a search field: a widget's title
            #                            (under it, not after an article's text: its comment form)
        if not text and digit_row(sib):
            return True                # the visitor counter's digits under their title
        if not text and not len(text_of(sib)) and any(a.find(".//img") is not None and not _icon_button(a)
                                                      for a in sib.iter("a")):
            banners += 1               # a banner link: a picture, no words
        size = len(text_of(sib))
        text += size
        linked = sum(len(clean(text_content(a))) for a in sib.iter("a"))
        links += linked
        seen += 1
        entries += bool(linked) and size <= 200
    # mostly links, or a list of entries: each a short item that opens with a link and says a
    # few words more ('<a>Hướng dẫn số 12/HD-LĐLĐ</a><br/>Về tổ chức Đại hội')
    if not text and banners:
        return True                    # a box of banner links ('LIÊN KẾT' over partner logos)
    return text >= 40 and (links >= 0.6 * text or seen >= 2 and entries == seen)


def _icon_button(a: etree._Element) -> bool:
    """A link drawn as an icon that is a button of the article, not a banner: print, PDF, e-mail
    (Joomla 1.5's buttonheading cells beside the title: '<a title="In"><img alt="In"></a>')."""
    if tool_link(a):
        return True
    img = a.find(".//img")
    words = {clean(a.get("title") or "").lower(), clean(img.get("alt") or "").lower() if img is not None else ""}
    return any(w and (w in _ICON_WORDS or _UI_WORDS.match(w)) for w in words)


_ICON_WORDS = frozenset({"in", "pdf", "print", "email", "e-mail", "mail"})


_SCREEN_READER = re.compile(r"(?:^|\s)(?:element-invisible|sr-only|visually-hidden|visuallyhidden|"
                            r"screen-reader-text|screen-reader-only|hide-accessible)(?:$|\s)", re.I)


# A module's or box's generic title ("Tin chi tiết", "Chi tiết tin", "Tin tức"): never a
# headline, also when the page's <title> repeats it.
BOX_TITLE = re.compile(
    r"^\s*(?:(?:tin|bài|bài viết|nội dung|thông tin)(?: tức)? chi tiết|chi tiết(?: (?:tin|bài)"
    r"(?: tức| viết| bài)?)?|tin tức(?: - sự kiện| sự kiện| chung)?|tin mới(?: nhất)?|tin bài|"
    r"chuyên mục|danh mục|nội dung(?: tin| bài viết)?|xem tin|tin|bài viết|news(?: detail)?|"
    r"hỏi đáp(?: trực tuyến)?|hỏi - đáp|liên kết(?: website)?|"
    r"article detail)\s*[:：]?\s*$", re.I)
# a section's name printed as the page's heading ("News Flash", "Press Releases"), not a headline
_SECTION_LABEL = re.compile(
    r"^(?:news ?flash|latest news|news|news (?:and|&) (?:events|updates|announcements)|"
    r"press releases?|press room|newsroom|news releases?|announcements?|blog|blog posts?|"
    r"media releases?|actualités|communiqués? de presse|nachrichten|aktuelles|pressemitteilungen?|"
    r"noticias|notas de prensa|notizie|comunicati stampa|notícias|aktualności|новости)$", re.I)


def titles_a_box(el: etree._Element) -> bool:
    """A side box's or a section's title where a profile looks for the headline."""
    text = text_of(el)
    return bool(names_a_section(text) or RELATED_HEADING.match(text) or _titles_a_box(el))


def names_a_section(text: str) -> bool:
    """A module's, box's or section's name, not a headline ("Tin chi tiết", "News Flash")."""
    return bool(BOX_TITLE.match(text) or _SECTION_LABEL.match(text))


# the site's (or the school's, the office's) name: 'logo', 'site-name', and the Vietnamese
# 'tên đơn vị / tên trường / tên cơ quan' of older templates ('tendonvi', 'ten-truong')
_SITE_NAME_WORDS = ("logo", "brand", "sitename", "sitetitle", "masthead", "banner", "portalname",
                    "tendonvi", "tentruong", "tencoquan", "tenxa", "tenphuong", "tenhuyen")
_SITE_NAME_TOKEN = re.compile(r"(?:^|\s)(?:site|portal)[-_](?:name|title)(?:$|\s)|"
                              r"(?:^|\s)ten[-_]?(?:don[-_]?vi|truong|co[-_]?quan|xa|phuong|huyen|trang|web|cong)(?:$|\s)",
                              re.I)
_PORTAL_NAME = re.compile(r"^(?:" + alternation(labels.PORTAL_NAMES) + r")\b", re.I)


def _portal_name(doc: Doc, text: str) -> bool:
    """A heading that names a portal ('CỔNG THÔNG TIN ĐIỆN TỬ XÃ TIÊN YÊN'), in capitals or as
    the page's whole <title>: the site's name, not an article's headline."""
    return bool(_PORTAL_NAME.match(text)) and (text.isupper() or text.casefold() == doc.title.strip().casefold())
# a layout cell painted with the banner picture (<td background="images/banner.jpg">)
_BANNER_PICTURE = re.compile(r"(?:banner|header|logo|masthead|top)[^/]*$", re.I)
_BACKGROUND_URL = re.compile(r"background(?:-image)?\s*:[^;]*url\(\s*['\"]?([^'\")]+)", re.I)


def _site_name(el: etree._Element) -> bool:
    """The site's name printed as a heading: inside its logo, brand or banner element, or in a
    cell whose background is the banner picture."""
    for depth, node in enumerate(self_and_ancestors(el)):
        if depth > 3 or node.tag in ("body", "main", "article"):
            return False
        hint = (node.get("class") or "") + " " + (node.get("id") or "")
        if hint.strip() and (hint_names(hint, _SITE_NAME_WORDS) or _SITE_NAME_TOKEN.search(hint)):
            return True
        picture = node.get("background")
        if picture is None and "url(" in (node.get("style") or ""):
            found = _BACKGROUND_URL.search(node.get("style"))
            picture = found.group(1) if found else None
        if picture and _BANNER_PICTURE.search(picture.split("?")[0].rsplit(".", 1)[0]):
            return True
    return False


_EMPHASIS_TAGS = ("b", "strong", "font", "big")
_STYLED = re.compile(r"font-size|font-weight\s*:\s*(?:bold|[6-9]00)", re.I)


def _styled_line_before(body: etree._Element) -> etree._Element | None:
    """The headline of a page that marks it by looks alone: the nearest short line before the
    body container (past its date and byline lines) printed bold or large (<b>, <font size>,
    a bold or sized style). Up to four levels that print something before the body: wrappers
    that open their parent (layout tables nested six deep) are climbed for free."""
    node, seen, levels, headed = body, 0, 0, False
    for _ in range(48):                # (the way up to <body>, whatever the nesting)
        if levels >= 4:
            return None
        prev = node.getprevious()
        if any(isinstance(p.tag, str) and p.tag not in SKIP_TAGS for p in node.itersiblings(preceding=True)):
            levels += 1
        while prev is not None and seen < 5:
            if isinstance(prev.tag, str) and prev.tag not in SKIP_TAGS:
                text = text_of(prev)
                if text:
                    seen += 1
                    hint = (prev.get("class") or "") + " " + (prev.get("id") or "")
                    if _TITLE_HINT.search(hint):
                        return None    # the title is marked: it competes as itself
                    if _is_styled_title(prev, text) and not _CATEGORY_HINT.search(hint):
                        return prev
                    first = None if headed or seen > 1 else _styled_first_line(_sole_wrapped(prev))
                    if first is not None and not _CATEGORY_HINT.search(hint):
                        return first   # the title over its date in one cell (<b><font size="3">
                        #                Title</font></b><br><font size="1">(15:30 - 03/10/2008)</font>)
                    headed = headed or prev.tag in ("h1", "h2", "h3")
                    if not _date_like(text) or len(text) > 80:
                        if prev.tag in ("ul", "ol", "table", "form") or \
                                len(text.split()) > 30 and not (len(text.split()) <= 80 and _emphasized(prev, text)):
                            return None    # (past a bold lead: the headline stands above it)
            prev = prev.getprevious()
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return None
    return None


_WRAPPERS = ("table", "tbody", "tr", "td", "div", "center")


def _sole_wrapped(el: etree._Element) -> etree._Element:
    """The innermost of wrappers that each hold one element and no text of their own (a layout
    row's only cell)."""
    for _ in range(6):
        children = [c for c in el if isinstance(c.tag, str)]
        if len(children) != 1 or children[0].tag not in _WRAPPERS or (el.text or "").strip() \
                or (children[0].tail or "").strip():
            return el
        el = children[0]
    return el


def _styled_line_opening(body: etree._Element, depth: int = 0) -> etree._Element | None:
    """The headline of a page that prints it, marked by looks alone, as the first line of the
    body's own block (<td><strong><font size="3">Headline</font></strong><br/>date … text</td>):
    the child holding the block's first text, when it is a styled title; through a layout
    table or wrapper that holds the whole block, past a back link above the title."""
    if (body.text or "").strip():
        return None
    children = [c for c in body if isinstance(c.tag, str) and c.tag not in SKIP_TAGS]
    if len(children) == 1 and children[0].tag in _WRAPPERS and depth < 4 \
            and not (children[0].tail or "").strip():
        return _styled_line_opening(children[0], depth + 1)
    for child in body:
        if not isinstance(child.tag, str) or child.tag in SKIP_TAGS:
            if (child.tail or "").strip():
                return None
            continue
        text = text_of(child)
        if text and not (child.tail or "").strip() and \
                (sum(len(text_of(a)) for a in child.iter("a")) >= len(text) - 3
                 or len(text) <= 150 and _HOME_CRUMB.match(text)):
            continue                   # a back link or a breadcrumb above the title ('<< Back to News',
            #                            'Trang chủ › An ninh trật tự' printed without links)
        if text:
            if _is_styled_title(child, text):
                larger = _larger_title_after(child)
                return child if larger is None else larger
            if _short_emphasized(child, text):
                larger = _larger_title_after(child)
                if larger is not None:
                    return larger      # (a section's name over the title: 'Tin ngành', too short
                    #                    a line to be a title itself)
            return _styled_first_line(child)
        if (child.tail or "").strip():
            return None
    return None


# a breadcrumb that starts at the home page, linked or not ('Trang chủ › An ninh trật tự')
_HOME_CRUMB = re.compile(r"^\s*(?:trang chủ|trang chu|trang nhất|home)\s*[›>»/|→]", re.I)


def _short_emphasized(el: etree._Element, text: str) -> bool:
    """A short emphasized line (one to six words, no sentence) that may name a section."""
    return 1 <= len(text.split()) <= 6 and not text.endswith((".", ":")) and _emphasized(el, text)


def _larger_title_after(label: etree._Element) -> etree._Element | None:
    """The title printed right after a styled section bar in a larger type (a hand-made page's
    <table><td bgcolor=…><font size="2"><b>Tin tức - Hoạt động Hội</b></font></td></table> over
    <p><b><font size="4">Headline</font></b><br>date</p>): the bar names the section."""
    after = label.getnext()
    while after is not None and (not isinstance(after.tag, str) or after.tag in SKIP_TAGS) \
            and not (after.tail or "").strip():
        after = after.getnext()
    if after is None or (label.tail or "").strip():
        return None
    text = text_of(after)
    title = after if text and _is_styled_title(after, text) else _styled_first_line(_sole_wrapped(after))
    if title is not None and _type_size(title) > _type_size(label):
        return title
    return None


_FONT_POINTS = {"1": 8, "2": 10, "3": 12, "4": 14, "5": 18, "6": 24, "7": 36}
_HEADING_POINTS = {"h1": 24, "h2": 18, "h3": 14, "h4": 12, "h5": 10, "h6": 8}
_FONT_SIZE_STYLE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(pt|px)", re.I)


def _type_size(el: etree._Element) -> float:
    """The largest type (in points) that prints nearly all of `el`'s text: <font size>, an
    inline font-size, a heading's tag; 12 when nothing sets it."""
    text = len(text_of(el))
    size = 0.0
    for node in el.iter():
        if not isinstance(node.tag, str) or len(text_of(node)) < 0.9 * text:
            continue
        points = _HEADING_POINTS.get(node.tag, 0.0)
        if node.tag == "font" and node.get("size"):
            points = _FONT_POINTS.get(node.get("size").strip(), 0.0)
        found = _FONT_SIZE_STYLE.search(node.get("style") or "")
        if found:
            points = float(found.group(1)) * (0.75 if found.group(2).lower() == "px" else 1)
        size = max(size, points)
    return size or 12.0


def _styled_first_line(block: etree._Element) -> etree._Element | None:
    """A block whose first line is the styled title and whose next line, after a <br>, is its
    date or more (<p align="center"><font size="4"><b>Title</b></font><br><i>(Cập nhật ngày
    …)</i></p>): that first line."""
    first = next((c for c in block if isinstance(c.tag, str)), None)
    if (block.text or "").strip() or first is None or first.tag in SKIP_TAGS or (first.tail or "").strip():
        return None
    after = first.getnext()
    if after is None or after.tag != "br" and not (isinstance(after.tag, str) and _stamp(text_of(after))):
        return None                    # (or its date beside it: '<b>Title</b> <font size="1">(14/06/2007)</font>')
    text = text_of(first)
    return first if text and _is_styled_title(first, text) else None


def _stamp(text: str) -> bool:
    """A short line that is a date and nothing else ('(14/06/2007)', '(09:15 - 12/03/2009)'),
    not a labelled one ('Ngày in: 03/11/2025 09:41': a print view's)."""
    return len(text) <= 40 and _BARE_STAMP.fullmatch(text) is not None and _dateline(text)


_BARE_STAMP = re.compile(r"[\s(\[]*[\d\s:/.,\-–]+(?:AM|PM|SA|CH)?[\s)\]]*", re.I)


# a whole date (a dateline's), not a month named in a headline ('ra quân "Ngày Chủ nhật xanh" tháng 10')
_WHOLE_DATE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}-\d{2}-\d{2}|"
                         r"tháng\s*\d{1,2}\s*(?:năm|,|/)\s*\d{4}|" + CJK_YEAR + r"\s*[年년]\s*\d{1,2}\s*[月월]", re.I)


def _is_styled_title(el: etree._Element, text: str) -> bool:
    words = len(text.split())
    if not 3 <= words <= 30 or text.endswith((":", ".")) or _dateline(text) \
            or any(True for _ in el.iter("a", "img")):
        return False
    return _emphasized(el, text)


def _dateline(text: str) -> bool:
    """A line that is mostly a whole date (a dateline: 'Hà Nội, ngày 03 tháng 11 năm 2025'), not
    a headline naming a month of a year among its words ('Số liệu … đến tháng 8/2025')."""
    found = _WHOLE_DATE.search(text)
    return found is not None and (found.start() == 0 or len(text) - len(found.group()) < 40)


def _emphasized(el: etree._Element, text: str) -> bool:
    """Nearly all of `el`'s text is printed bold or sized (<b>, <strong>, a bold style)."""
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag == "font" and _small(node.get("size")):
            continue                   # small print: a date or credit line's
        if node.tag in _EMPHASIS_TAGS or _STYLED.search(node.get("style") or ""):
            if len(text_of(node)) >= 0.9 * len(text):
                return True
    return False


def _small(size: str | None) -> bool:
    """A <font size> below the default (1, 2, -1)."""
    size = (size or "").strip()
    return size.startswith("-") or size in ("1", "2")


def _strip_site(title: str, doc: Doc) -> str:
    parts = _TITLE_SPLIT.split(title)
    if len(parts) == 1:
        parts = _CJK_TITLE_SPLIT.split(title)
        # the site's name and sections come last ('标题_栏目_网站'); a short part first is the
        # headline's own kicker ('盘点｜杭州周边…'), kept
        return parts[0] if len(parts) > 1 and len(parts[0]) > len(parts[-1]) else title
    if len(parts) > 2 and _names_the_site(doc, parts[-1]):
        # 'Lịch tiêm chủng tháng 9/2025 - các xã A, B - <site>': the site's name goes, the
        # headline keeps the separator it prints (a section's name before it goes too)
        kept = [p for p in parts[:-1] if p.strip()]
        if len(kept) > 1 and names_a_section(kept[0]):
            kept = kept[1:]
        if len(kept) > 1 and all(_word_count(p) >= 3 and not names_a_section(p) for p in kept):
            return _joined_parts(title, kept)  # (not a listing's 'Sự kiện - Trang 2')
    return max(parts, key=len) if len(parts) > 1 else title


def _joined_parts(title: str, kept: list[str]) -> str:
    """The stretch of `title` from the first kept part to the end of the last, as printed."""
    start = title.find(kept[0])
    end = title.rfind(kept[-1])
    return title[start:end + len(kept[-1])] if 0 <= start <= end else " - ".join(kept)


def _names_the_site(doc: Doc, part: str) -> bool:
    """A part of the <title> that is the site's name: its og:site_name, a line its footer prints
    again, or its logo's alternative text."""
    low = " ".join(part.split()).casefold()
    if not low:
        return False
    if (doc.meta.get("og:site_name") or "").strip().casefold() == low or _footer_repeats(doc, part):
        return True
    return any(" ".join((img.get("alt") or "").split()).casefold() == low and _site_name(img)
               for img in islice(doc.root.iter("img"), 40))


def printed_case(doc: Doc, low: str, metas: tuple[str, ...] = ("og:site_name",)) -> str | None:
    """`low` (a lower-cased part of the <title> or og:site_name) as the page writes it."""
    for source in (doc.title, *(doc.meta.get(m) or "" for m in metas)):
        at = source.lower().find(low)
        if at >= 0:
            return source[at:at + len(low)]
    return None


def site_names(doc: Doc) -> frozenset[str]:
    """The site's own name, lower-cased, as the page states it: og:site_name, and the parts of
    its <title> beside the longest one (the headline): 'Headline – Wikinews' gives 'wikinews'."""
    parts = _TITLE_SPLIT.split(doc.title)
    names = {p.strip().lower() for p in parts if p.strip()} - {max(parts, key=len).strip().lower()} \
        if len(parts) > 1 else set()
    if doc.meta.get("og:site_name"):
        names.add(doc.meta["og:site_name"].strip().lower())
    return frozenset(names)


def _date_like(text: str) -> bool:
    """Whether a text holds something shaped like a date (digits with separators, a month's
    name beside a number)."""
    if len(text) > REMEMBERED_TEXT:
        return _searched_date_like(text)
    return _remembered_date_like(text)


def _searched_date_like(text: str) -> bool:
    return bool(_DATE_HINT.search(text) or NAMED_DATE_HINT.search(text.lower()))


# the texts asked about are short lines a site prints on every page (a sidebar's dated items):
# most answers are asked for again (62% of them on held-out pages)
_remembered_date_like = lru_cache(maxsize=8192)(_searched_date_like)


def reset_caches() -> None:
    """Forget the texts judged so far (benchmarks: each pass sees the pages afresh)."""
    _remembered_date_like.cache_clear()
    _labelled_date.cache_clear()


_TITLED_TIME = etree.XPath("//*[@title][contains(@class, 'time') or contains(@class, 'date')]")


def _date_candidates(doc: Doc) -> list[etree._Element]:
    """Elements owning a date-like text, and their parents when a date is split over inline
    elements (<span>04/08/2020</span> <span>16:20</span>)."""
    found: list[etree._Element] = []
    seen: set[etree._Element] = set()
    inline: dict[etree._Element, bool] = {}
    for owner in doc.texts("date"):
        if owner not in inline:
            inline[owner] = _inline_only(owner)
        if not inline[owner]:
            if not _date_like(fold(text_of(owner))):
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
    if "<abbr" in doc.source:
        # a social network's post time: its whole date in the title, a relative one printed
        # ('<abbr data-utime="…" title="Chủ Nhật, 2 tháng 11, 2025 lúc 19:30">Hôm qua lúc 19:30</abbr>')
        for abbr in doc.root.iter("abbr"):
            title = abbr.get("title")
            if abbr not in seen and title and len(title) <= 80 and _date_like(fold(title)) \
                    and not find_datetimes(fold(text_of(abbr))):
                seen.add(abbr)
                found.append(abbr)
    if ' title="' in doc.source:
        # ... or any element classed as the post's time ('<span class="post-time" title="Chủ nhật,
        # 02/11/2025 19:30">Hôm qua lúc 19:30</span>')
        for el in _TITLED_TIME(doc.root):
            title = el.get("title")
            if el not in seen and el.tag != "abbr" and len(title) <= 80 and _DATE_CLASS.search(el.get("class") or "") \
                    and _date_like(fold(title)) and not find_datetimes(fold(text_of(el))):
                seen.add(el)
                found.append(el)
    return found


_META_DATE_KEYS = ("article:published_time", "datepublished", "og:published_time", "pubdate",
                   "publishdate", "dc.date.issued", "date", "dcterms.created", "dcterms.issued",
                   "dc.date.created", "dcterms.date", "dc.date", "publish-date", "parsely-pub-date",
                   "sailthru.date", "article.published", "publication_date", "release_date",
                   # the rarer spellings of news CMSs and scholarly pages
                   "article:published", "og:pubdate", "og:publish_date", "bt:pubdate", "rnews:datepublished",
                   "citation_publication_date", "citation_date", "dc.date.publication", "dc:date",
                   "cxenseparse:recs:publishtime", "originalpublicationdate", "original-publish-date",
                   "published-date", "publish_date", "date_published", "pdate", "rbpubdate",
                   "shareaholic:article_published_time", "mediator_published_time", "article.created",
                   "article_date_original", "displaydate")


# a meta tag's compact date: 20170822, 20170822T1405, 201708221405
_COMPACT = re.compile(r"^((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:T?([01]\d|2[0-3])([0-5]\d))?$")


def _iso_of_compact(m: re.Match[str]) -> str:
    day = f"{m[1]}-{m[2]}-{m[3]}"
    return f"{day}T{m[4]}:{m[5]}" if m[4] else day


# a dateline: the place in capitals (or any place, with a dash after the date), a comma, then the
# date ('КИЇВ, 3 березня 2023 року /Укрпрес/.', 'Berna, 13.03.2024 - ')
_DATELINE_PLACE = re.compile(r"^\s*([^\W\d_][^\W\d_.'’ -]*(?:[ .'’-]+[^\W\d_]+){0,3})\s*[,،]\s*")


# the venue's label in an event's details ('Địa điểm:', 'Venue:'): the list it stands in gives
# the event's time and place, not the page's
# (a label: with its colon, or a cell's whole text; not a layout cell's 'Local News > Schools …')
_VENUE_LABEL = re.compile(r"^\s*(?:địa điểm|nơi tổ chức|venue|location|lieu|ort|lugar|luogo|local)\s*(?:[:：]|$)",
                          re.I)


def _cell_label(el: etree._Element) -> str | None:
    """The label a date's cell stands under in its row or list ('<th>Data publikacji:</th>
    <td>2024.03.05 14:10</td>', '<dt>Publicat:</dt><dd>…</dd>'), which says what date it is."""
    if el.tag not in ("td", "dd"):
        return None
    prev = el.getprevious()
    if prev is None or prev.tag not in ("th", "td", "dt"):
        return None
    label = text_of(prev).strip()
    return label.rstrip(":：").strip() if 0 < len(label) <= 40 and not any(c.isdigit() for c in label) else None


def _inline_label(el: etree._Element) -> str | None:
    """The label printed just before a date's inline element on its line ('Người hỏi: … - Ngày
    hỏi: <span>05/08/2025</span> … Ngày trả lời: <span>14/08/2025</span>'): the element holds
    the date alone, its label is the line's text before it, which says what date it is."""
    if el.tag not in _INLINE_LABELLED:
        return None
    prev = el.getprevious()
    if prev is None:
        parent = el.getparent()
        before = parent.text if parent is not None else None
    else:
        before = prev.tail
    label = (before or "").strip()[-40:]
    if not label.endswith((":", "：")) or any(c.isdigit() for c in label):
        return None
    return label.rstrip(":：").strip() or None


_INLINE_LABELLED = ("span", "b", "strong", "em", "i", "font", "label")


def _event_field(doc: Doc, el: etree._Element) -> bool:
    """`el` is a field of an event's details: a definition list or table row beside the
    venue's ('Thời gian: 05:00 ngày 23/11/2025' above 'Địa điểm: Quảng trường Ngọ Môn')."""
    for depth, anc in enumerate(self_and_ancestors(el)):
        if depth > 3 or anc.tag in ("body", "article", "main"):
            return False
        if anc.tag in ("dl", "table", "tbody"):
            known: dict = doc.memo.setdefault("event_lists", {})   # a list's dated rows ask once
            if anc not in known:
                known[anc] = any(_VENUE_LABEL.match(text_of(label))
                                 for label in islice(_own_cells(anc), 24))
            return known[anc]
    return False


def _own_cells(holder: etree._Element) -> Iterator[etree._Element]:
    """The label cells of a table or definition list, not of one nested in it (a Joomla 1.5
    article table holds the text, and the text a schedule with its 'Địa điểm' column)."""
    table = holder.getparent() if holder.tag == "tbody" else holder
    for cell in holder.iter("dt", "th", "td"):
        if next(cell.iterancestors("table", "dl"), None) is table:
            yield cell


def above_the_article(body: etree._Element, headline: etree._Element | None) -> bool:
    """The text found stands before an <article> that holds the headline, no paragraph and none
    of that text (a site-wide notice bar over a document page whose text is a viewer)."""
    if headline is None:
        return False
    holder = next(headline.iterancestors("article"), None)
    if holder is None or body is holder or holder in body.iterancestors() or \
            body in holder.iterancestors() or next(holder.iter("p"), None) is not None:
        return False
    for el in body.getroottree().getroot().iter():
        if el is body:
            return True                # met before the article
        if el is holder:
            return False
    return False


def _outside_article(el: etree._Element | None, headline: etree._Element | None,
                     body: etree._Element) -> bool:
    """`el` stands outside the block that holds both the headline and the text."""
    if el is None or headline is None:
        return False
    around = set(headline.iterancestors())
    scope = next((a for a in body.iterancestors() if a in around), None)
    return scope is not None and scope.tag not in ("body", "html") and \
        scope not in el.iterancestors() and el is not scope


def _letterhead_date(body: etree._Element) -> tuple[ParsedDate, etree._Element] | None:
    """A press release sent as plain text (<pre>): the date on one of its letterhead's short
    lines above the first paragraph ('Pressemitteilung Nr. 17/2024 vom 19.03.2024', 'FOR
    IMMEDIATE RELEASE / October 17, 2023')."""
    pre = next((el for el in body.iter("pre") if (el.text or "").strip()), None)
    if pre is None:
        return None
    lines = [line.strip() for line in text_content(pre).split("\n")[:12]]
    for line in [line for line in lines if line][:6]:
        if len(line) > 100:
            break                      # the first paragraph: the letterhead is above it
        parsed = parse_vietnamese_datetime(line)
        if parsed.value is not None:
            return parsed, pre
    return None


def _opening_dateline(body: etree._Element) -> tuple[ParsedDate, etree._Element] | None:
    body = body_parts(body)[0]         # (a text split in blocks opens in its first)
    first = next((el for el in body.iter("p", "div") if el is not body and text_of(el)), None)
    if first is None:
        return None
    text = text_of(first)[:120]
    place = _DATELINE_PLACE.match(text)
    if place is None and len(text) <= 100:
        # a short date line opening the text ('28 maart 2024 · Door: Sanne de Vries')
        parsed = parse_vietnamese_datetime(text[:60])
        return (parsed, first) if parsed.value is not None and text.startswith(parsed.raw) else None
    if place is None:
        return None
    parsed = parse_vietnamese_datetime(text[place.end():place.end() + 48])
    if parsed.value is None or not text[place.end():].startswith(parsed.raw or "\0"):
        return None
    after = place.end() + len(parsed.raw)
    if not place.group(1).isupper() and not _DASH_AFTER.match(text, after) and text[after:].strip():
        return None                    # ('Berna, 13.03.2024 - Nella…', 'Gdańsk, 19.03.2024' alone)
    return parsed, first


_DASH_AFTER = re.compile(r"\s{0,3}[-–—]\s")
_PARSELY_DATE = re.compile(r'"pub_date"\s*:\s*"([^"]{8,40})"')
_ZONED = re.compile(r"(?:Z|[+-]\d\d:?\d\d)\s*$")


def _machine_date(doc: Doc) -> tuple[ParsedDate, etree._Element | None, str] | None:
    """The date the page states for machines: meta tags, itemprop, JSON-LD (in that order); a
    day alone (a scholarly `citation_publication_date`) gives way to a later source that gives
    the same day with its time."""
    day_only = None
    for found in _machine_dates(doc):
        parsed = found[0]
        if parsed.has_time:
            if day_only is None or parsed.value.date() == day_only[0].value.date():
                return found
        elif day_only is None:
            day_only = found
    return day_only


def _machine_dates(doc: Doc) -> Iterator[tuple[ParsedDate, etree._Element | None, str]]:
    meta = doc.meta
    for key in _META_DATE_KEYS:
        value = meta.get(key)
        if value:
            parsed = parse_vietnamese_datetime(zone_as_t(_COMPACT.sub(_iso_of_compact, value.strip())))
            if parsed.value is not None:
                yield parsed, None, "meta"
                break
    page = meta.get("parsely-page")
    if page and "pub_date" in page:
        # Parse.ly's older tag: the page's facts as JSON ('{"title": …, "pub_date": "2019-03-14T10:00:00Z"}')
        found = _PARSELY_DATE.search(page)
        parsed = parse_vietnamese_datetime(found.group(1)) if found else None
        if parsed is not None and parsed.value is not None:
            yield parsed, None, "meta"
    marked = _itemprop_date(doc)
    if marked is not None:
        yield marked
    value = doc.jsonld_value("datePublished")
    if value:
        parsed = parse_vietnamese_datetime(value)
        if parsed.value is not None:
            yield parsed, None, "jsonld"


def _itemprop_date(doc: Doc) -> tuple[ParsedDate, etree._Element, str] | None:
    """The date an itemprop marks: the publication's before the draft's."""
    dated = doc.hints("dateprop")
    for prop in ("datePublished", "dateCreated"):
        for el in dated:
            if el.get("itemprop") == prop and not _in_comment_item(el):
                # (an <abbr> keeps the machine's form in its title: Blogger's and hAtom's
                # '<abbr itemprop="datePublished" title="2025-08-14T16:20:00+07:00">16:20</abbr>')
                parsed = parse_vietnamese_datetime(el.get("content") or el.get("datetime") or (
                    el.get("title") if el.tag == "abbr" else None) or text_of(el))
                if parsed.value is not None:
                    return parsed, el, "itemprop"
    return None


def _in_comment_item(el: etree._Element) -> bool:
    """`el` is a reader's comment's own property (microdata: inside an item marked
    itemprop="comment" or typed schema.org/Comment): the comment's day, not the story's."""
    for anc in el.iterancestors():
        if anc.get("itemprop") in ("comment", "comments") or (anc.get("itemtype") or "").endswith("/Comment"):
            return True
    return False


def find_published(doc: Doc, headline: etree._Element | None,
                   body: etree._Element | None) -> tuple[ParsedDate | None, etree._Element | None]:
    """See _find_published; a numeric date on a page in American English reads month first
    ('7/8/2022' is July 8 there, 7 August everywhere else)."""
    parsed, el = _find_published(doc, headline, body)
    return prefer_original(doc, read_month_first(doc, parsed), el)


def prefer_original(doc: Doc, parsed: ParsedDate | None, el) -> tuple[ParsedDate | None, object]:
    """The original's day a repost names (`original_published`) over the day found, when they
    differ (the day found is the repost's); the day found, with its zone and time, when not."""
    original = original_published(doc)
    if original is None or (parsed is not None and parsed.value is not None
                            and parsed.value.date() == original[0].value.date()):
        return parsed, el
    return original


# a repost's note of the original's day: 'Ngày đăng gốc: Thứ Sáu, 02/05/2025 16:45', 'Bài đăng lại
# từ Báo Bắc Kạn, xuất bản lúc 2025-06-30 17:05:00', 'Originally published: …'
_ORIGINAL_DATE = re.compile(
    r"(?:^|[\s(.;])(?:(?:" + alternation(labels.DATE_ORIGINAL) + r")(?:\s+(?:on|el|le|am|ngày|lúc|vào))?"
    r"|(?:" + alternation(labels.REPOSTED_FROM) + r")\s[^.;:]{1,120}?,\s*(?:xuất bản|đăng tải|đăng|published)"
    r"\s+(?:lúc|ngày|vào|on))\s*[:：]?\s*", re.I)


def original_published(doc: Doc) -> tuple[ParsedDate, etree._Element] | None:
    """The day a repost says its original was published (a note under the headline, a box of the
    original's details, a line after the text): the article's publication, over the day the
    portal posted it again; None on a page that says none."""
    for owner in doc.texts("original"):
        text = text_of(owner)
        if len(text) > 400:
            continue
        found = _ORIGINAL_DATE.search(text)
        if found is None:
            continue
        rest = text[found.end():found.end() + 80]
        parsed = parse_vietnamese_datetime(rest)
        if parsed.value is None or rest.find(parsed.raw or "\0") > 2:
            continue
        if in_link_list(owner) or in_related_block(owner) or in_comments(owner):
            continue
        return parsed, owner
    return None


def read_month_first(doc: Doc, parsed: ParsedDate | None) -> ParsedDate | None:
    """`parsed` read month first when the page writes its numeric dates so (an en-US page
    outside Vietnam, or a page whose own dates show it)."""
    if parsed is None or parsed.value is None or _month_first(parsed) is parsed:
        return parsed                  # nothing a month-first reading would change (asked first:
        # the page-wide evidence is a scan of the whole source)
    swapped = _month_first(parsed)
    stamped = page_cached("machine days", lambda: _machine_days(doc.source))
    if stamped is None:
        stamped = _machine_days(doc.source)
    day, other = parsed.value.date(), swapped.value.date()
    if (other in stamped) != (day in stamped):
        return swapped if other in stamped else parsed   # the page's machine stamp says which
        #                                    ('Ut, 03/04/2014' with content="2014-03-04T10:15")
    return swapped if _american(doc) or _writes_month_first(doc) else parsed


# a day written for machines in an attribute (RDFa content=, <time datetime=>, meta content=)
_MACHINE_DAY = re.compile(r"(?:content|datetime)\s*=\s*[\"']((?:19|20)\d\d)-(\d\d)-(\d\d)")


def _machine_days(source: str) -> frozenset[date]:
    return frozenset(date(*map(int, m.groups())) for m in _MACHINE_DAY.finditer(source)
                     if _valid_day(*map(int, m.groups())))


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


_SLASHED_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")
_SLASHED_YEAR = re.compile(r"/(?:19|20)\d\d(?![\d/])")     # its end, found from a literal '/'


def _slashed_dates(source: str):
    """`_SLASHED_DATE.finditer(source)`, found from their second slash and year (a scan for a
    literal '/' instead of trying the look-behind at every character of the page). Its matches
    never overlap (each starts where no digit or '/' precedes), so finditer yields every match,
    and each one's second slash is 3 to 5 characters after its start."""
    for year in _SLASHED_YEAR.finditer(source):
        at = year.start()
        for start in range(max(at - 5, 0), at - 2):
            m = _SLASHED_DATE.match(source, start)
            if m is not None and m.end() == year.end():
                yield m
                break


def _writes_month_first(doc: Doc) -> bool:
    """The page writes its numeric dates month first, by its own evidence: a date that can only
    be read so ('2/28/2020' in its lists) and none that can only be read day first ('28/2/2020').
    An English-language server under a Vietnamese portal does this."""
    month_first = day_first = False
    for m in _slashed_dates(doc.source):
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            day_first = True
            break
        if second > 12 >= first:
            month_first = True
    return month_first and not day_first


_AMBIGUOUS_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])")


def _vietnamese_site(doc: Doc) -> bool:
    return (doc.root.get("lang") or "").lower().startswith("vi") or on_vn_domain(doc.url)


def _american(doc: Doc) -> bool:
    """A page in American English, on a site outside Vietnam (a Vietnamese portal's English
    version writes dates day first whatever its lang attribute says)."""
    if on_vn_domain(doc.url):
        return False
    lang = (doc.root.get("lang") or "").lower().replace("_", "-")
    locale = (doc.meta.get("og:locale") or "").lower().replace("_", "-")
    return lang == "en-us" or locale == "en-us"


def _month_first(parsed: ParsedDate) -> ParsedDate:
    m = _AMBIGUOUS_NUMERIC.search(parsed.raw or "")
    if m is None:
        return parsed
    first, second = int(m.group(1)), int(m.group(3))
    value = parsed.value
    if first > 12 or second > 12 or first == second or (value.day, value.month) != (first, second):
        return parsed                  # not ambiguous, or already read month first (a weekday said)
    try:
        swapped = value.replace(month=first, day=second)
    except ValueError:
        return parsed
    return ParsedDate(swapped, parsed.raw, parsed.warnings, parsed.has_time)


# a link to a forum member's profile, as the board software writes it (phpBB, vBulletin, SMF,
# FluxBB/PunBB, IP.Board, XenForo)
_MEMBER_LINK = re.compile(r"memberlist\.php\?mode=viewprofile|member\.php\?(?:u|userid)=\d|[?;&]action=profile;u=\d"
                          r"|profile\.php\?(?:id|uid)=\d|[?&]showuser=\d|/members/[^/?#]+\.\d+/?$", re.I)
_MEMBER_HINTS = ("viewprofile", "member.php?", "action=profile", "profile.php?", "showuser=", "/members/")


def forum_post(doc: Doc, body: etree._Element | None) -> tuple[etree._Element, etree._Element] | None:
    """The post a forum thread's text belongs to, and its poster's profile link: the nearest
    block around the text (four levels up at most) holding a member's profile link before the
    text (the poster's box or 'von <user> »' line comes first on every board; the thread's
    first post is the article)."""
    if body is None or body.tag == "body" or not any(hint in doc.source for hint in _MEMBER_HINTS):
        return None
    start = doc.position(body)
    block = body
    for _ in range(4):
        block = block.getparent()
        if block is None or block.tag in ("body", "html"):
            return None
        for link in block.iter("a"):
            if doc.position(link) >= start:
                break
            if _MEMBER_LINK.search(link.get("href") or "") and 1 < len(text_of(link)) <= 40:
                return block, link
    return None


def channel_message(body: etree._Element | None) -> etree._Element | None:
    """The message a messenger channel's web preview addresses (Telegram's t.me/s/<channel>/<id>:
    a feed of 'tgme_widget_message' blocks), when the text found is one's: its block, with the
    message's footer (views, signature, time)."""
    if body is None or "tgme_widget_message_text" not in (body.get("class") or ""):
        return None
    return next((a for a in islice(body.iterancestors(), 3)
                 if "tgme_widget_message" in (a.get("class") or "").split()), None)


def message_title(body: etree._Element) -> etree._Element | None:
    """A channel message's title: the bold line it opens with, on a line of its own."""
    first = next((c for c in body if isinstance(c.tag, str)), None)
    if first is None or first.tag not in ("b", "strong") or (body.text or "").strip() \
            or (first.tail or "").strip() or not text_of(first):
        return None
    after = first.getnext()
    return first if after is None or after.tag == "br" else None


def message_author(message: etree._Element) -> str | None:
    """The signature a channel prints in a message's footer (its writer; an unsigned message is
    the channel's, an organisation's: none)."""
    for el in message.iter("span", "div", "a"):
        if "_from_author" in (el.get("class") or ""):
            return text_of(el) or None
    return None


_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d\d)\s*$")


def message_date(message: etree._Element) -> tuple[ParsedDate, etree._Element] | None:
    """A channel message's time: its <time datetime> (UTC), in the zone of the clock it prints
    ('09:30' over '…T07:30:00+00:00': +02:00), so that its day is the readers' day."""
    for time in message.iter("time"):
        stamp = time.get("datetime")
        if not stamp:
            continue
        parsed = parse_vietnamese_datetime(stamp)
        if parsed.value is None:
            continue
        clock = _CLOCK.match(text_of(time))
        if clock and parsed.value.utcoffset() == timedelta(0):
            minutes = (int(clock.group(1)) * 60 + int(clock.group(2))
                       - parsed.value.hour * 60 - parsed.value.minute) % (24 * 60)
            if minutes > 14 * 60:
                minutes -= 24 * 60     # (west of Greenwich)
            if minutes % 15 == 0:
                value = parsed.value.astimezone(timezone(timedelta(minutes=minutes)))
                parsed = ParsedDate(value, parsed.raw, parsed.warnings, True)
        return parsed, time
    return None


def _post_date(post: etree._Element, body: etree._Element) -> tuple[ParsedDate, etree._Element] | None:
    """The date a forum post's header prints before its text ('von X » Di 14. Aug 2012, 18:32',
    '« kdy: 27 Srpen 2015, 18:32:10 »', vBulletin's '14-08-2010, 09:15 PM' over the post), never
    the poster's joining date ('Registriert: …', 'Tham gia ngày: …'); in the post's block, or in
    the block around it (vBulletin's header row over the poster's row)."""
    for block in islice(chain((post,), post.iterancestors()), 2):
        if block.tag in ("body", "html"):
            break
        dated = _header_date(block, body)
        if dated is not None:
            return dated
    return None


def _header_date(post: etree._Element, body: etree._Element) -> tuple[ParsedDate, etree._Element] | None:
    for el in post.iter():
        if el is body:
            return None
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        ancestor = body in el.iterancestors()
        for piece, owner in ((el.text, el), (None if ancestor else el.tail, el.getparent())):
            if not piece or not any(c.isdigit() for c in piece):
                continue
            parsed = parse_vietnamese_datetime(fold(piece))
            if parsed.value is None or not parsed.has_time:
                continue
            line = fold(text_of(owner)) if owner is not None else piece
            at = line.find(parsed.raw or "")
            if _JOINED_WORDS.search(line[:at] if at >= 0 else line):
                continue
            stamp = owner.get("datetime") if owner is not None and owner.tag == "time" else None
            if stamp:                  # '<time datetime="…T02:41:07+00:00">Mon Sep 12, 2022 9:41 pm</time>':
                local = _in_printed_zone(parse_vietnamese_datetime(stamp), parsed)
                parsed = local or parsed   # the moment, in the zone its readers saw
            return parsed, owner
    return None


def _find_published(doc: Doc, headline: etree._Element | None,
                    body: etree._Element | None) -> tuple[ParsedDate | None, etree._Element | None]:
    """The article's own date. The page's metadata (meta, itemprop, JSON-LD) and the dated
    element nearest after the headline (never one inside a related-news list, a comment, a
    link, or the site's chrome) are both read; metadata wins unless it disagrees with a visible,
    more specific date (a template's placeholder, a stale JSON-LD). A date in the URL
    (/2021/08/15/) is the last resort."""
    message = channel_message(body)
    if message is not None and (sent := message_date(message)) is not None:
        return sent                    # a channel's message: its own time, not the feed's others
    machine = _machine_date(doc)
    if machine is None and (post := forum_post(doc, body)) is not None:
        dated = _post_date(post[0], body)
        if dated is not None:
            return dated               # a forum thread's first post: its header's date
    timed_meta = machine is not None and machine[2] == "meta" and machine[0].has_time and \
        (machine[0].value.hour, machine[0].value.minute) != (0, 0)
    if timed_meta and machine[0].value.utcoffset() and _ZONED.search(machine[0].raw or ""):
        visible, visible_el, hinted, kind = _visible_date(doc, headline, body)
        if not _overruled(machine[0], visible, kind, doc.url, hinted):
            if visible is not None and visible.has_time and visible.value.replace(tzinfo=None) == \
                    machine[0].value.replace(tzinfo=None, second=0, microsecond=0):
                # the same moment printed: the page's words ('Thứ hai - 17/03/2025 09:30'), the
                # meta's offset and seconds
                return ParsedDate(machine[0].value, visible.raw, visible.warnings, True), visible_el
            return machine[0], machine[1]  # a timed meta tag in a zone: the page's own word
        return visible, visible_el
    visible, visible_el, hinted, kind = _visible_date(doc, headline, body)
    if visible is None and machine is not None and machine[0].has_time and not machine[0].value.utcoffset() \
            and _ZONED.search(machine[0].raw or "") and not _vietnamese_site(doc):
        yearless = _yearless_date(doc, machine[0])
        if yearless is not None:       # 'Feb 9' over a stamp of 22:40Z the day before: the page's day
            visible, visible_el, hinted = yearless[0], yearless[1], True
    if body is not None and (visible is None or not (hinted or kind) or kind == "updated" or
                             _outside_article(visible_el, headline, body)):
        # no date line of the article's: the dateline that opens the text ('ARUSHA, Aprili 11,
        # 2023 –') over an unmarked date, an update date ('Senest opdateret …' under a release
        # dated in its letterhead) or one outside the article (a top bar's today)
        dateline = _opening_dateline(body) or _letterhead_date(body)
        if dateline is not None:
            visible, visible_el, hinted, kind = dateline[0], dateline[1], True, None
    if kind == "updated" and machine is None and visible is not None:
        # the page prints only when it was last modified: the day its URL names, when earlier,
        # is the publication's
        dated = url_date(doc.url)
        if dated is not None and dated.value is not None and dated.value.date() < visible.value.date():
            return dated, None
    if visible is not None and not (kind == "updated" and machine is not None and not visible.has_time):
        # (a day printed as the update's is no local form of the published stamp)
        local = _in_printed_zone(machine[0] if machine is not None else visible,
                                 _printed(visible, visible_el), _vietnamese_site(doc))
        if local is not None:
            return local, visible_el
    if machine is not None and visible is not None:
        if timed_meta and not (hinted and not _ZONED.search(machine[0].raw or "")
                               and visible.value.date() != machine[0].value.date()):
            return machine[0], machine[1]   # (a zone-less meta a day off the date the page marks
            # as its own, 'Gdańsk, 19.03.2024' under the headline: the page's word)
        if kind == "updated":
            return machine[0], machine[1]   # the page's metadata names the published date
        return _reconcile(machine, visible, visible_el, hinted)
    if machine is not None:
        return machine[0], machine[1]
    if visible is not None:
        dated = url_date(doc.url) if kind != "published" else None
        if dated is not None and dated.value is not None and dated.value.date() != visible.value.date():
            return dated, None         # the day the URL names ('/news/…/2013-03-14-88'), over a date
            #                            no label calls the publication's (a comment's, a sidebar's)
        return visible, visible_el
    tooltip = _tooltip_date(doc, headline if headline is not None else body)
    if tooltip is not None:
        return tooltip
    state = _state_date(doc)
    if state is not None:
        return state, None
    in_url = url_date(doc.url)
    if in_url is None:
        yearless = _yearless_with_url_year(doc, headline)
        if yearless is not None:
            return yearless            # 'Vloženo 14. března, 10:25' under /aktuality/2011/03/
    return in_url, None


# an app's page state in a script ('window.__ARTICLE__={"publishTime":1710383400,…}'): its
# publication key and value, a Unix time or an ISO date
# (a JSON key, or a script's variable: WeChat's 'var publish_time = "2024-01-18"; var createTime =
# '2024-01-18 10:30';')
_STATE_PUBLISHED = re.compile(
    r"""["']?\b(?:publish(?:ed)?(?:[_-]?(?:time|date|at|on|timestamp|time_?stamp))?|date_?published|"""
    r"""pub_?date|first_?published(?:_?(?:at|time|date))?|publication_?(?:date|time)|create_?time|"""
    # a blog's post ('var postDate = "2016-05-12 08:30:00"', Weebly's 'postData = {…, "date": "Thu, …"}')
    r"""post_?(?:date|time)|post_?data(?:\.date|\s{0,3}=\s{0,3}\{[^{}]{0,400}?["']date))["']?\s{0,3}[:=]\s{0,3}"""
    r"""(?:(\d{13}|\d{10})(?![\d.])|["'](\d{4}-\d\d-\d\d(?:[T ][0-9:.]{5,12}(?:Z|[+-]\d\d:?\d\d)?)?)["']"""
    r"""|["']((?:mon|tue|wed|thu|fri|sat|sun),\s\d{1,2}\s[a-z]{3}\s\d{4}\s\d\d:\d\d(?::\d\d)?"""
    r"""(?:\s(?:[+-]\d{4}|gmt|utc))?)["'])""",
    re.I)

_STATE_KEYS = ("ublish", "ubDate", "ubdate", "reateTime", "ostDate", "ostdate", "ost_date", "ostTime",
               "ost_time", "ostData")


def _state_date(doc: Doc) -> ParsedDate | None:
    """The publication date an app's page gives only in its state script (the last resort
    before the URL: the page prints none). Only a state that holds one such date: one with
    several is a list of stories ('latest': [{…, "published": …}, …]), none of them this one."""
    if not any(key in doc.source for key in _STATE_KEYS):
        return None
    found: list[ParsedDate] = []
    for script in doc.root.iter("script"):
        if script.get("src") or "ld+json" in (script.get("type") or "").lower():
            continue                   # (JSON-LD is read as the page's metadata)
        for m in islice(_STATE_PUBLISHED.finditer(script.text or ""), 4):
            parsed = parse_epoch(m.group(1)) if m.group(1) else parse_vietnamese_datetime(m.group(2) or m.group(3))
            if parsed.value is None:
                continue
            if found and (parsed.value.date() != found[0].value.date() or parsed.has_time and any(
                    f.has_time and f.value != parsed.value for f in found)):
                return None            # two days or two times: a list's items
            found.append(parsed)
            if len(found) > 3:
                return None
    # (the same day again: a page's day and its timestamp, the timed one read)
    return next((p for p in found if p.has_time), found[0]) if found else None


def _overruled(meta: ParsedDate, visible: ParsedDate | None, kind: str | None, url: str,
               hinted: bool = False) -> bool:
    """A visible date that names another day than the page's metadata (read in its own zone,
    and in the visible date's), when the page says it is the publication's (its label), its URL
    carries that day too, or it is the article's marked date with a time before the metadata's
    (the metadata is a later edit's): the metadata is another edition's (a translation's
    original) or stale."""
    if visible is None or visible.value is None:
        return False
    day = visible.value.date()
    if meta.value.date() == day or meta.value.astimezone(visible.value.tzinfo).date() == day:
        return False
    if kind == "published":
        return True
    if hinted and kind is None and visible.has_time and visible.value.replace(tzinfo=meta.value.tzinfo) < meta.value:
        return True
    in_url = url_date(url)
    return in_url is not None and in_url.value.date() == day


# a relative time printed instead of the date ("5 năm trước", "3 giờ trước", "2 days ago")
RELATIVE_TIME = re.compile(
    r"^(?:(?:khoảng\s+|about\s+)?(?:\d+|một|an?)\s*(?:năm|tháng|tuần|ngày|giờ|phút|giây|"
    r"years?|months?|weeks?|days?|hours?|minutes?|mins?|seconds?)\s+(?:trước|ago)"
    r"|\d+\s+(?:час\w*|минут\w*|секунд\w*|дн\w+|день|недел\w+|месяц\w*|год\w*|лет)\s+назад"
    r"|(?:hace|há)\s+\d+\s+(?:horas?|minutos?|segundos?|días?|dias?|semanas?|mes(?:es)?|meses|años?|anos?)"
    r"|vor\s+\d+\s+(?:stunden?|minuten?|sekunden?|tagen?|wochen?|monaten?|jahren?)"
    r"|il\s+y\s+a\s+\d+\s+(?:heures?|minutes?|secondes?|jours?|semaines?|mois|ans?)"
    r"|\d+\s+(?:ore|ora|minuti|minuto|secondi|giorni|giorno|settimane|mesi|anni)\s+fa"
    r"|\d+\s+(?:godzin[ay]?|minut[ay]?|dni|dzień|tygodni[ea]?)\s+temu"
    r"|\d+\s+(?:saat|dakika|saniye|gün|hafta|ay|yıl)\s+önce"
    r"|\d+\s+(?:jam|menit|detik|hari|minggu|bulan|tahun)\s+(?:yang\s+)?lalu"
    r"|\d+\s+(?:uur|minuten|minuut|seconden|dagen|dag|weken|week|maanden|jaar)\s+geleden"
    r"|(?:för\s+)?\d+\s+(?:timmar|timme|minuter|minut|dagar|dag|veckor|månader|år)\s+sedan"
    r"|\d+\s+(?:timer|time|minutter|minut|dage|dager|dag|uker|uger)\s+siden"
    r"|\d+\s*(?:ชม\.|ชั่วโมง|นาที|วัน|สัปดาห์|เดือน|ปี)\s*(?:ที่แล้ว|ก่อน)"
    r"|\d+\s*(?:時間|分|秒|日|週間|か月|ヶ月|年)前"
    r"|\d+\s*(?:小时|小時|分钟|分鐘|秒|天|周|週|个月|個月|年)前"
    r"|\d+\s*(?:시간|분|초|일|주|개월|년)\s*전"
    r"|(?:pred|před)\s+\d+\s+(?:hodinami|hodinou|minútami|minutami|minútou|minutou|dňami|dny|dňom|dnem|"
    r"týždňami|týdny|mesiacmi|měsíci|rokmi|lety)"
    r"|\d+\s+(?:órája|perce|napja|hete|hónapja|éve)"
    r"|\d+\s+(?:tuntia|tunti|minuuttia|päivää|viikkoa|kuukautta|vuotta)\s+sitten"
    r"|acum\s+\d+\s+(?:ore|oră|minute|zile|săptămâni|luni|ani)"
    r"|(?:prije|pre)\s+\d+\s+(?:sati|sata|minuta|dana|tjedana|nedelja|mjeseci|meseci|godina)"
    r"|πριν\s+(?:από\s+)?\d+\s+(?:ώρες|ώρα|λεπτά|ημέρες|μέρες)"
    r"|\d+\s+(?:oras|minuto|araw|linggo|buwan|taon)\s+(?:na\s+)?(?:ang\s+)?(?:nakalipas|nakaraan)"
    r"|(?:saa|dakika|siku|wiki|miezi|miaka)\s+\d+\s+(?:zilizopita|iliyopita)"
    r"|منذ\s+\d+\s+(?:ساعة|ساعات|دقيقة|دقائق|يوم|أيام|أسبوع|شهر|سنة)"
    r"|\d+\s+(?:horas?|minutos?|dias?|semanas?|meses|anos?)\s+atrás"
    # the compact forms of news apps and aggregators ('2 j', '5 h', '3d', '12 min')
    r"|\d{1,2}\s?(?:j|h|d|t|min|std)\.?)$",
    re.I)


def _tooltip_date(doc: Doc, anchor) -> tuple[ParsedDate, etree._Element] | None:
    """A page that prints its date only as a relative time ('5 năm trước') with the date in
    the element's `title` tooltip: the tooltip nearest after the headline (never a listed
    item's). Read only when no other date was found."""
    anchor_pos = doc.position(anchor) if anchor is not None else 0
    best = None
    epochs = _EPOCH_ATTRIBUTE.search(doc.source) is not None
    for el in (doc.root.iter() if epochs else doc.root.iterfind(".//*[@title]")):
        if not isinstance(el.tag, str) or len(el) > 2:
            continue
        text = text_of(el)
        if not text or len(text) > 30 or not RELATIVE_TIME.match(text):
            continue
        parsed = parse_vietnamese_datetime(el.get("title")) if el.get("title") else NO_DATE
        if parsed.value is None and epochs:
            # ... or as a Unix time in a data attribute a script turns into the relative time
            # ('<span class="js-relative" data-timestamp="1552559400">vor 3 Stunden</span>')
            parsed = next((parse_epoch(value) for name, value in el.attrib.items()
                           if _EPOCH_NAME.search(name) and _EPOCH_VALUE.fullmatch(value)), NO_DATE)
        if parsed.value is None or in_link_list(el) or inside_link(el) or in_related_block(el) \
                or in_comments(el):
            continue
        distance = _distance(doc, el, anchor_pos)
        if best is None or distance < best[0]:
            best = (distance, parsed, el)
    return (best[1], best[2]) if best else None


# a data attribute holding a Unix time (seconds or milliseconds) that names a time
_EPOCH_ATTRIBUTE = re.compile(r"""\sdata-[\w-]{0,30}=["']?1\d{9}(?:\d{3})?\b""")
_EPOCH_NAME = re.compile(r"^data-[\w-]*(?:time|ts|date|stamp|epoch|publish|posted|created|unix)", re.I)
_EPOCH_VALUE = re.compile(r"\d{10}(?:\d{3})?")

_QUARTER_HOUR = 900


def _printed(visible: ParsedDate, el) -> ParsedDate:
    """What a <time datetime="...Z"> prints for its readers (its own text), when its value was
    read from the attribute."""
    if el is not None and el.tag == "time" and el.get("datetime"):
        shown = parse_vietnamese_datetime(text_of(el))
        if shown.value is not None:
            return shown
    return visible


def _in_printed_zone(machine: ParsedDate, visible: ParsedDate,
                     vietnamese_site: bool = False) -> ParsedDate | None:
    """A machine date in UTC and the same moment printed for the page's readers in their own
    time ('2019-03-15T03:05Z' and 'March 14, 2019 at 11:05 p.m.'): the moment in the page's
    zone, its offset being the difference of the two clocks (a whole quarter hour, at most 14
    hours). The day the page states is the local one."""
    if machine.has_time and not visible.has_time and not machine.value.utcoffset() and \
            abs((visible.value.date() - machine.value.date()).days) == 1 and not vietnamese_site:
        return visible                 # the day the page prints; the UTC stamp is the next one
        # (a Vietnamese page's UTC stamp is read at +07:00, which gives its day already)
    if not (machine.has_time and visible.has_time) or machine.value.utcoffset():
        return None
    wall = visible.value.replace(tzinfo=None, second=0, microsecond=0)
    utc = machine.value.replace(tzinfo=None, second=0, microsecond=0)   # a printed clock shows minutes
    offset = (wall - utc).total_seconds()
    if offset == 0 or abs(offset) > 14 * 3600 or offset % _QUARTER_HOUR:
        return None
    value = machine.value.astimezone(timezone(timedelta(seconds=offset)))
    return ParsedDate(value, visible.raw, visible.warnings, True)


def _reconcile(machine, visible: ParsedDate, visible_el, hinted: bool):
    """Metadata against the visible date. The same day (or the same moment printed in another
    zone): the more specific of the two (metadata carries the offset). Different days: the
    visible date when it is marked as the article's, or more specific, or the metadata has no
    time of day (a template's 2004-01-01T00:00Z, a stale day-only JSON-LD)."""
    parsed, el, _source = machine
    m_value, v_value = parsed.value, visible.value
    m_timed = parsed.has_time and (m_value.hour, m_value.minute, m_value.second) != (0, 0, 0)
    # the visible date read in the machine date's zone: the same moment printed locally
    v_local = v_value.replace(tzinfo=m_value.tzinfo)
    apart = abs((m_value - v_local).total_seconds())
    # (the same moment in two zones is whole quarter-hours apart: '18:40' printed beside a
    # JSON-LD '09:12+02:00' of the next day is another moment, a stale or a later edit's)
    if apart < 86400 and (apart % 900 < 60 or apart % 900 > 840 or not (visible.has_time and m_timed)) \
            or m_value.date() == v_value.date():
        if hinted and not visible.has_time and m_value.date() != v_value.date():
            return visible, visible_el  # the day the page prints as its date ('środa, 17 stycznia
            # 2024') over metadata of the evening before (21:47Z: when the draft was started)
        if m_timed or not visible.has_time:
            return parsed, el
        return visible, visible_el
    if hinted or visible.has_time or not m_timed:
        return visible, visible_el
    return parsed, el


def _visible_date(doc: Doc, headline, body
                  ) -> tuple[ParsedDate | None, etree._Element | None, bool, str | None]:
    """The dated element nearest after the headline (marked ones preferred; a 'published'
    label beats an 'updated' one), its element, whether it is marked as the date, and its
    label's kind ('published', 'updated' or None).

    Candidates are read nearest first (by the best score their place allows: a marked date
    gains 30), and reading stops once no candidate left could beat the date chosen so far
    (unless that one is an 'updated' date, which a 'published' one further away would drop):
    the same choice as reading them all."""
    anchor = headline if headline is not None else body
    anchor_pos = doc.position(anchor) if anchor is not None else 0
    queue: list[tuple[int, int, etree._Element]] = []
    for el in doc.tagged("times"):
        if el.get("datetime"):
            queue.append((_distance(doc, el, anchor_pos) - 30, 0, el))
    for el in _date_candidates(doc):
        if el.tag not in SKIP_TAGS and el.tag not in ("html", "body"):
            queue.append((_distance(doc, el, anchor_pos) - 30, 1, el))
    if "data-publ" in doc.source:
        for el in _DATA_PUBLISHED(doc.root):
            queue.append((_distance(doc, el, anchor_pos) - 30, 2, el))
    for el in _badges(doc):
            queue.append((_distance(doc, el, anchor_pos) - 30, 3, el))
    queue.sort(key=lambda q: q[0])
    candidates: list[tuple[int, ParsedDate, etree._Element, bool, str | None]] = []
    best_all = best_kept = None        # the best of all read, of those not 'updated'
    published = False
    for bound, source, el in queue:
        chosen = best_kept if published else best_all
        if chosen is not None and chosen[1][4] not in _SECONDARY and bound > chosen[0][0]:
            break                      # every candidate left scores above the chosen one
        found = _time_candidate(doc, el, anchor_pos) if source == 0 else \
            _text_candidate(doc, el, anchor_pos, body, headline) if source == 1 else \
            _data_candidate(doc, el, anchor_pos) if source == 2 else _badge_candidate(doc, el, anchor_pos)
        if found is None:
            continue
        candidates.append(found)
        key = (found[0], -doc.position(found[2]))
        if best_all is None or key < best_all[0]:
            best_all = (key, found)
        if found[4] not in _SECONDARY and (best_kept is None or key < best_kept[0]):
            best_kept = (key, found)
        published = published or found[4] == "published"
    if not candidates:
        return None, None, False, None
    if any(c[4] == "published" for c in candidates):
        # a date labelled as the publication's beats the others ('Ngày đăng:' over a document
        # table's 'Ngày ban hành' cell, over a question's 'Ngày gửi')
        candidates = [c for c in candidates if c[4] == "published"]
    candidates.sort(key=lambda c: (c[0], -doc.position(c[2])))
    if candidates[0][4] == "updated":
        # "14.06.2023 16:20 · Updated: 15.06.2023 09:00": the unlabelled date on the same
        # line is the published one
        line = candidates[0][2].getparent()
        if line is not None and line.tag in _INLINE_LABEL_TAGS and line.getparent() is not None:
            line = line.getparent()    # ('<time>…</time> <span class="updated">Uppfært <time>…')
        same = [c for c in candidates[1:] if c[4] is None and (c[2].getparent() is line or c[2] is line)]
        # ... or else a date marked as one inside the article's own block ('<p class="houdou_date">'
        # over the headline, '最終更新日:' at the page's foot)
        marked = [c for c in candidates[1:] if c[4] is None and c[3] and body is not None
                  and body.tag != "body" and body in c[2].iterancestors()
                  and not _in_post_of_its_own(c[2], body)]
        if same or marked:
            candidates.insert(0, (same or marked)[0])
    parsed, el = candidates[0][1], candidates[0][2]
    if not parsed.has_time and el is not None:
        parsed = _with_sibling_clock(parsed, el)
    return parsed, el, candidates[0][3], candidates[0][4]


# a stamp's element by its class or id, where a day may be printed without its year ('ym-when',
# 'time-ago'); (a second, later _DATE_CLASS once shadowed an earlier one of this name)
_STAMP_CLASS = re.compile(r"date|time|ngay|thoigian|thoi-gian|publish|created|posted|ngaydang|datum|ago|when", re.I)
_INLINE_LABEL_TAGS = frozenset(("span", "small", "em", "i", "b", "strong", "font"))


def _yearless_date(doc: Doc, stamp: ParsedDate) -> tuple[ParsedDate, etree._Element] | None:
    """A day printed without its year in an element classed as a date ('<span class="post-metadata__date
    time-ago">Feb 9</span>', a blog platform's post of the current year) that is the day before or
    after a UTC stamp's: the day the page's readers saw, the stamp's year. (The same day adds nothing.)"""
    attrs = PageAttrs.of_page(doc.root)
    for el, cls, ident in zip(attrs.elements, attrs.classes, attrs.ids):
        if not _STAMP_CLASS.search(f"{cls or ''} {ident or ''}") or el.tag in SKIP_TAGS:
            continue
        text = text_of(el)
        if not 3 <= len(text) <= 24 or in_link_list(el) or in_comments(el):
            continue
        day = yearless_day(text)
        if day is None:
            continue
        for shift in (-1, 1):
            near = (stamp.value + timedelta(days=shift)).date()
            if (near.month, near.day) == day:
                parsed = parse_vietnamese_datetime(f"{near.day:02d}/{near.month:02d}/{near.year}")
                return ParsedDate(parsed.value, text, (), False), el
        return None                    # the page's first such day says another: no guess
    return None


_URL_YEAR_MONTH = re.compile(r"/((?:19|20)\d\d)/(?:(\d{1,2})/)?")
_CJK_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DAY_MONTH = (re.compile(r"(?<!\d)\d{1,2}\.?\s+[^\W\d_]+\.?"), re.compile(r"(?<![^\W\d_])[^\W\d_]+\.?\s+\d{1,2}(?!\d)"))
_CLOCK_IN_TEXT = re.compile(r"(?<!\d)(\d{1,2})\s*(?::|時|h)\s*(\d\d)(?!\d)")


def _yearless_with_url_year(doc: Doc, headline: etree._Element | None) -> tuple[ParsedDate, etree._Element] | None:
    """A day printed without its year in an element classed as a date ('Vloženo 14. března,
    10:25', '3月14日（日）15時00分') on a page whose address names the year (and the month):
    that day of that year, with its time; the first such element after the headline (a most-read
    list's days stand before it or beside it). None when the month printed is not the address's."""
    m = _URL_YEAR_MONTH.search(doc.url.partition("?")[0])
    year, url_month = (int(m.group(1)), int(m.group(2)) if m.group(2) else None) if m else (None, None)
    attrs = PageAttrs.of_page(doc.root)
    start = doc.position(headline) if headline is not None else -1
    for el, cls, ident in islice(zip(attrs.elements, attrs.classes, attrs.ids), 5000):
        if not _STAMP_CLASS.search(f"{cls or ''} {ident or ''}") or el.tag in SKIP_TAGS:
            continue
        text = text_of(el)
        if not 3 <= len(text) <= 60 or doc.position(el) < start or in_link_list(el) or in_comments(el) \
                or in_related_block(el):
            continue
        cjk = _CJK_DAY.search(text)
        day = (int(cjk.group(1)), int(cjk.group(2))) if cjk else next(
            (d for d in (yearless_day(c.group(0)) for pattern in _DAY_MONTH for c in pattern.finditer(text)) if d),
            None)
        if day is None or (url_month is not None and day[0] != url_month):
            continue
        found = year or _year_printed_for(doc, day, text)
        if found is None:
            return None                # (the first stamp after the headline is the page's: no other)
        clock = _CLOCK_IN_TEXT.search(text[cjk.end():] if cjk else text)
        stamp = f"{day[1]:02d}/{day[0]:02d}/{found}" + (f" {int(clock.group(1)):02d}:{clock.group(2)}" if clock else "")
        parsed = parse_vietnamese_datetime(stamp)
        if parsed.value is not None:
            return ParsedDate(parsed.value, text, (), parsed.has_time), el
    return None


# the site's today-date in its top bar ('<div class="today">Thứ Hai, 07/12/2026</div>')
_TODAY_CLASS = re.compile(r"today|hom-?nay|current-?date|date-?now|ngay-?hien-?tai", re.I)


def _year_before_today(doc: Doc, day: tuple[int, int]) -> int | None:
    """The year of a day printed without one, on a page that prints only its own today-date (the
    site's top bar, marked as such): the latest year in which that day is not after today, as a
    reader of the page reads it ('21 Ιουνίου' under a top bar of 7 December 2026: 2026)."""
    attrs = PageAttrs.of_page(doc.root)
    for el, cls, ident in islice(zip(attrs.elements, attrs.classes, attrs.ids), 400):
        if not _TODAY_CLASS.search(f"{cls or ''} {ident or ''}") or el.tag in SKIP_TAGS:
            continue
        text = text_of(el)
        today = parse_vietnamese_datetime(text).value if 6 <= len(text) <= 60 else None
        if today is not None:
            return today.year if day <= (today.month, today.day) else today.year - 1
    return None


def _year_printed_for(doc: Doc, day: tuple[int, int], stamp: str) -> int | None:
    """The year of a story stamped with its day and month only, when the page prints it
    elsewhere: in its breadcrumb ('Archiv › 2018 › März'), in its archive calendar's caption
    ('czerwiec 2012', the story's month), or, when the stamp names its weekday ('Saturday, 21
    September'), the one year printed on the page (its copyright line left out: that is the
    day it was fetched) on which that day is that weekday ('Volume 142, 2013'). None otherwise."""
    month, mday = day
    for el in doc.hints("category"):
        text = text_of(el)
        years = set(_PAGE_YEAR.findall(text)) if len(text) <= 200 else set()
        if len(years) == 1:
            named = [MONTHS.get(w.lower().rstrip(".")) for w in re.findall(r"[^\W\d_]+\.?", text)]
            if all(n is None or n > 12 or n == month for n in named):
                return int(years.pop())
    for el in doc.root.iter("caption"):
        caption = re.fullmatch(r"\s*([^\W\d_]+)\s+((?:19|20)\d\d)\s*", text_of(el))
        if caption and _month_named(caption.group(1)) == month:
            return int(caption.group(2))
    weekday = next((_WEEKDAY_NUMBER[w] for w in re.findall(r"[^\W\d_]+", stamp.lower()) if w in _WEEKDAY_NUMBER), None)
    if weekday is None:
        return _year_before_today(doc, day)
    printed = {int(y) for piece in doc.root.itertext() if not _COPYRIGHT.search(piece)
               for y in _PAGE_YEAR.findall(piece)}
    fits = [y for y in printed if _weekday_of(y, month, mday) == weekday]
    return fits[0] if len(fits) == 1 else None


_PAGE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights|rights reserved", re.I)
# weekdays by number (Monday 0), in the languages the world's stamps print them (labels.py)
_WEEKDAY_NUMBER = {name: number for number, names in enumerate(labels.WEEKDAYS_WORLD) for name in names.split()}
# a month's name in the nominative, as calendars caption it (the stamps' genitive forms are MONTHS')
_NOMINATIVE_MONTHS = {name: number for number, name in enumerate(labels.MONTHS_NOMINATIVE, start=1)}


def _month_named(word: str) -> int | None:
    word = word.lower()
    month = MONTHS.get(word) or _NOMINATIVE_MONTHS.get(word)
    return month if month and month <= 12 else None


def _weekday_of(year: int, month: int, mday: int) -> int | None:
    try:
        return date(year, month, mday).weekday()
    except ValueError:
        return None


def _in_post_of_its_own(el: etree._Element, body: etree._Element) -> bool:
    """`el` stands in a post nested in the article's block (a live page's entry: an <article>, a
    liveBlogUpdate): its time is that entry's, not the page's."""
    for node in el.iterancestors():
        if node is body:
            return False
        if node.tag == "article" or node.get("itemprop") == "liveBlogUpdate":
            return True
    return False


_BARE_CLOCK = re.compile(r"^(?:lúc\s*:?\s*)?\d{1,2}\s*[:hg]\s*\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?$",
                         re.I)


def _with_sibling_clock(parsed: ParsedDate, el: etree._Element) -> ParsedDate:
    """A day printed alone with the time of day in the element beside it (<span class="date">
    11/09/2020</span> <span class="time">08:10</span>, each behind its own icon): the two read
    as one timestamp. Only a sibling that holds nothing but a clock is taken."""
    day = parsed.raw or text_of(el)
    for after, sibling in ((True, el.getnext()), (False, el.getprevious())):
        while sibling is not None and not isinstance(sibling.tag, str):
            sibling = sibling.getnext() if after else sibling.getprevious()
        if sibling is None or sibling.tag in SKIP_TAGS:
            continue
        text = text_of(sibling)
        if not text or len(text) > 20 or not _BARE_CLOCK.match(text):
            continue
        if any(_DURATION.search(" ".join(filter(None, (d.get("class"), d.get("id")))))
               for d in sibling.iter() if isinstance(d.tag, str)):
            continue                   # a video's length, not the time of day
        joined = parse_vietnamese_datetime(day + " " + text if after else text + " " + day)
        if joined.value is not None and joined.has_time and \
                joined.value.date() == parsed.value.date():
            return joined
    return parsed


def _time_candidate(doc: Doc, el, anchor_pos: int):
    if in_link_list(el) or (inside_link(el) and not _permalink(el, doc.url)) or in_comments(el) \
            or in_teaser(el, doc.url) or in_related_block(el):
        return None                    # (a related list's '<li><a>Title</a> <time>': that story's day)
    parsed = parse_vietnamese_datetime(el.get("datetime"))
    if parsed.value is None:
        return None
    if _originally_published(el):
        # a repost's 'Originally published' day (ReliefWeb's <dt>Posted</dt>… <dt>Originally
        # published</dt><dd><time>…): the publication's, over the day the mirror posted it
        return (_distance(doc, el, anchor_pos) - 60, parsed, el, True, "published")
    kind = _time_kind(el) or _label_before(el) or \
        ("updated" if _UPDATED_OPENING.match(text_of(el)) else None)   # '<time>Actualizado hace 3 horas</time>'
    return (_distance(doc, el, anchor_pos) - (30 if kind else 0), parsed, el, True, kind)


_UPDATED_OPENING = re.compile(r"^(?:" + labels.alternation(labels.DATE_UPDATED) + r")(?![^\W\d_])", re.I)


_ORIGINAL_LABEL = re.compile(r"^(?:" + alternation(labels.DATE_ORIGINAL) + r")\s*(?:on|el|le|am)?\s*[:：]?$", re.I)


def _originally_published(el: etree._Element) -> bool:
    """A <time> labelled as the original's publication: the <dt> of its <dd>, or the words before it."""
    parent = el.getparent()
    if parent is None:
        return False
    label = ""
    if parent.tag == "dd":
        dt = parent.getprevious()
        label = text_of(dt) if dt is not None and dt.tag == "dt" else ""
    else:
        label = clean((parent.text or "") + "".join(text_content(s) + (s.tail or "")
                                                    for s in reversed(list(el.itersiblings(preceding=True)))))
    return bool(label) and len(label) <= 40 and bool(_ORIGINAL_LABEL.match(label))


def _label_before(el: etree._Element) -> str | None:
    """The kind of date the words just before a <time> name ('Publicerad <time>14 mars</time>',
    'Updated <time>…'): the text of its parent up to it, when short."""
    parent = el.getparent()
    if parent is None:
        return None
    before = (parent.text or "") + "".join(text_content(s) + (s.tail or "")
                                           for s in reversed(list(el.itersiblings(preceding=True))))
    before = before.strip()
    if not before or len(before) > 40:
        return None
    if _PUBLISHED_WORDS.search(before):
        return "published"
    if _UPDATED_WORDS.search(before):
        return "updated"
    return None


# a byline's machine date in a data attribute, beside a relative time it prints ('2 days ago')
_DATA_PUBLISHED = etree.XPath("//*[@data-published or @data-publish-date or @data-published-at "
                              "or @data-date-published]")


def _data_candidate(doc: Doc, el, anchor_pos: int):
    """An element whose data-published attribute holds the article's time, marked as the
    published date (the page prints only '2 days ago' beside it)."""
    value = el.get("data-published") or el.get("data-publish-date") or el.get("data-published-at") \
        or el.get("data-date-published")
    parsed = parse_vietnamese_datetime(value or "")
    if parsed.value is None or in_link_list(el) or inside_link(el) or in_comments(el) \
            or in_teaser(el, doc.url) or in_related_block(el):
        return None
    return (_distance(doc, el, anchor_pos) - 30, parsed, el, True, "published")


# a calendar badge's day, month and year, each in an element of its own (<span class="day">14</span>
# <span class="month">Th8</span><span class="year">2025</span>): its day marked by class
_BADGE_DAY_CLASS = re.compile(r"day|[_-]d(?:$|\s)|(?:^|\s)date(?:$|\s)")     # 'day', 'date-day', 'tile__d'


def _badge_day(el: etree._Element) -> bool:
    """A calendar badge's day: a leaf of one or two digits whose class names it so."""
    day = (el.text or "").strip()
    return not len(el) and day.isdigit() and len(day) <= 2 and bool(_BADGE_DAY_CLASS.search(el.get("class") or ""))
_SHORT_MONTH = re.compile(r"^(?:th|thg|tháng)\.?\s*(\d{1,2})$", re.I)      # 'Th8', 'Thg 8'


def _badges(doc: Doc) -> list[etree._Element]:
    found = []
    for day in doc.named(("day", "__d", "date")):
        parent = day.getparent()
        if _badge_day(day) and parent is not None and 2 <= len(parent) <= 5 and parent not in found:
            found.append(parent)
    return found


_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")


def is_date_badge(el: etree._Element) -> bool:
    """A calendar badge: two to four short parts, the first or second a day marked by class."""
    if not 2 <= len(el) <= 5 or len(text_of(el)) > 24:
        return False
    return any(_badge_day(child) for child in islice(el, 3) if isinstance(child.tag, str))


def _badge_candidate(doc: Doc, el, anchor_pos: int):
    """A calendar badge's date: its parts read one by one ('14', 'Th8', '2025' is 14/08/2025),
    where its text runs them together ('14Th82025')."""
    parts = [clean(text_of(child)) for child in el if isinstance(child.tag, str)]
    if not all(parts) or sum(map(len, parts)) > 30:
        return None
    parts = [f"tháng {m.group(1)}" if (m := _SHORT_MONTH.match(p)) else p for p in parts]
    if len(parts) == 2 and (year := _URL_YEAR.search(doc.url)) is not None:
        parts.append(year.group(1))    # a tile with no year ('05' 'MAR'): the URL's
    parsed = parse_vietnamese_datetime(" ".join(parts))
    if parsed.value is None or in_link_list(el) or inside_link(el) or in_comments(el) \
            or in_teaser(el, doc.url) or in_related_block(el) or chrome_ancestor(el):
        return None                    # (an events column's tiles: each event's day)
    return (_distance(doc, el, anchor_pos) - 30, parsed, el, True, None)


def _in_banner(el: etree._Element, headline: etree._Element | None) -> bool:
    """In the site's banner, unless the headline stands in the same block (a blog's
    'blog_top' holding the title and its 'by X on <date>' line is the article's top)."""
    banner = site_header_of(el)
    return banner is not None and not (headline is not None and banner in headline.iterancestors())


def _text_candidate(doc: Doc, el, anchor_pos: int, body, headline: etree._Element | None = None):
    if el is headline:
        return None                    # '… 42.000 lượt khách trong 9 tháng năm 2025': its words
    text = fold(text_of(el))           # (a date's printed text, its label found in the same copy)
    post_meta = _POST_META_CLASS.search(el.get("class") or "") is not None
    if len(text) > 160 and not (len(text) <= 240 and post_meta):
        return None                    # (a post's footer sentence may run longer)
    title = el.get("title") if el.tag == "abbr" or (el.get("title") and _DATE_CLASS.search(el.get("class") or "")) \
        else None
    if title and len(title) <= 80 and (not find_datetimes(text) or _ZONED.search(title)) \
            and find_datetimes(fold(title)):
        text = fold(title)             # the whole date an <abbr> keeps for its short form
        # ('<abbr title="Thứ Năm, 14 tháng 8, 2025 lúc 16:20">14 tháng 8 lúc 16:20</abbr>'), or the
        # zone hAtom keeps there ('<abbr class="published" title="2008-10-22T23:40:00-07:00">')
    elif title is None and len(el) and "<abbr" in doc.source:
        inner = next(el.iter("abbr"), None)   # ... in a wrapper ('<span class="date">Posted on <abbr …>')
        zoned = inner.get("title") if inner is not None else None
        if zoned and len(zoned) <= 80 and _ZONED.search(zoned) and find_datetimes(fold(zoned)):
            shown = fold(text_of(inner))
            if shown and shown in text:
                text = text.replace(shown, fold(zoned), 1)
    if _event_field(doc, el):
        return None                    # when an event takes place, not when the page was posted
    text = _date_text(el, text)
    hinted = _is_date_element(el, text)
    cell = _cell_label(el) or _inline_label(el)
    labelled = None
    if body is not None and el is not body and not hinted and body.tag != "body" and el.get(STRIP_MARK) is None and \
            body in el.iterancestors() and not _dateline_under_headline(doc, el, text, anchor_pos, body) \
            and not (cell and _PUBLISHED_WORDS.search(cell + ": ")):
        labelled = _labelled_date(f"{cell}: {text}" if cell else text)
        if not (labelled[1] == "published" and (len(text) <= 80 or len(text) <= 200 and post_meta)
                and _right_after_label(text, labelled[0])):
            return None                # a date in the article's own text is not its timestamp (unless
            # its label says it is the publication's: a pasted letterhead's 'दिनांक: 12 मार्च, 2024')
    parsed, kind = labelled or _labelled_date(f"{cell}: {text}" if cell else text)
    if kind is None and cell and _PLAIN_DATE.match(cell):
        kind = "published"             # a release's plain 'Date' row: its only date label
    elif kind is None and _UPDATE_CLASS.search(el.get("class") or ""):
        kind = "updated"               # an element its class calls an update's ('update__date',
        #                                'last-modified'): a later edit's day, not the publication's
    if parsed is None or (_is_prose(text, parsed.raw) and not (kind and (post_meta or _timestamp_line(text)))):
        return None                    # (a post's meta sentence in its footer is no prose: 'This entry
        #                                was written by X, posted on March 12th, 2019 at 9:14 pm, filed under Y')
    if kind is None and parsed.raw and (_PRINTED_WORDS.search(text[:text.find(parsed.raw)])
                                        or _JOINED_WORDS.search(text[:text.find(parsed.raw)])):
        return None                    # a print view's "In ngày 03/11/2025": the day it was printed;
        #                                a forum member's 'Registriert: Mo 12. Jan 2009'
    # where it stands (the costlier tests, run on the few dated elements left)
    if (_links_headline(el) and not _date_link_to_page(el, doc.url)) or _after_headline_link(el, doc.url) or in_related_block(el) or \
            _in_banner(el, headline) or any(t.get("datetime") for t in el.iter("time")):
        return None
    if in_link_list(el) or (inside_link(el) and not _date_link_to_page(el, doc.url)) \
            or chrome_ancestor(el, article_region(body, headline)) \
            or in_comments(el):
        return None
    return (_distance(doc, el, anchor_pos) - (30 if hinted or kind else 0),
            parsed, el, hinted or kind is not None, kind)


def article_region(body: etree._Element | None, headline: etree._Element | None) -> etree._Element | None:
    """Where the article's own parts stand: its text's block, or, when that block is in the
    site's chrome by its ancestors' names (a theme printing the article in a 'sidebar' widget),
    the nearest block holding both the headline and the text: its date line is no chrome."""
    if body is None or headline is None:
        return body
    known = page_cached("article region", dict)
    key = (body, headline)
    if known is not None and key in known:
        return known[key]
    region = body
    if chrome_ancestor(body):
        around = set(body.iterancestors())
        region = next((a for a in headline.iterancestors() if a in around and a.tag not in ("body", "html")), body)
    if known is not None:
        known[key] = region
    return region


def _right_after_label(text: str, parsed) -> bool:
    """The date stands right after its line's label ('Thời gian: 08/11/2012'), not at the end
    of a sentence the label opens ('Thời gian: một ngày, khai mạc lúc 7 giờ 30 ngày 08/11/2012;':
    when an event a notice announces takes place)."""
    at = text.find(parsed.raw) if parsed is not None and parsed.raw else -1
    if at < 0:
        return True
    before = text[:at]
    colon = max(before.rfind(":"), before.rfind("："))
    return colon < 0 or len(before[colon + 1:].split()) <= 2   # ('… originally published March 1, …')


def _label_at_end(table: tuple[str, ...]) -> re.Pattern[str]:
    """One of the labels of `table` closing the text before a date (a few signs or words after
    it); the lookahead of their first letters lets the search pass other positions at once."""
    return re.compile(labels.first_letters(table) + r"(?:" + alternation(table) + r")\b[^0-9]{0,24}$", re.I)


_PUBLISHED_WORDS = _label_at_end(labels.DATE_PUBLISHED)
_UPDATED_WORDS = _label_at_end(labels.DATE_UPDATED)
_CREATED_WORDS = _label_at_end(labels.DATE_CREATED)
_POST_META_CLASS = re.compile(r"(?:^|[\s_-])(?:postmetadata|post-?footer|post-?meta|postmeta|entry-?meta|"
                              r"entry-?utility|entry-?footer)(?:$|[\s_])", re.I)
_UPDATE_CLASS = re.compile(r"(?:^|[\s_-])(?:update|updated|modified|lastmod|last-?modified)(?:$|[\s_-])", re.I)
_PLAIN_DATE = re.compile(r"^\s*(?:" + alternation(labels.DATE_PLAIN) + r")\s*[:：]?\s*$", re.I)
_PRINTED_WORDS = re.compile(r"(?:^|[\s(|])(?:" + alternation(labels.DATE_PRINTED) + r")\s*:?\s*$", re.I)


@lru_cache(maxsize=8192)
def _labelled_date(text: str) -> tuple[ParsedDate | None, str | None]:
    """The date of a timestamp line, and whether a label says it is the publication or the
    update date; of 'Updated: June 12 ... Published: June 10 ...' the published one.
    (Remembered: its lines, 160 characters and a cell's label at most, are a site's dated
    items, asked about on every page; 59% of those asked about on golden pages were asked
    before.)"""
    text = fold(text)
    first = parse_vietnamese_datetime(text)
    if first.value is None:
        return None, None
    kind = _date_kind(text, first.raw)
    if kind not in _SECONDARY or len(text) < len(first.raw or "") + 12:
        return first, kind
    others = [d for d in find_datetimes(text)[1:] if d.value is not None]
    kinds = [_date_kind(text, d.raw) for d in others]
    for d, other in zip(others, kinds):
        if other == "published":
            return d, other
    if kind == "created":
        return first, kind
    for d, other in zip(others, kinds):
        if other is None:
            return d, other
    return first, kind


def _date_kind(text: str, raw: str | None) -> str | None:
    if not raw:
        return None
    at = text.find(raw)
    before = text[:at][-40:] if at >= 0 else ""
    if at >= 0:
        after = text[at + len(raw):at + len(raw) + 12]
        if _PUBLISHED_AFTER.match(after):
            # '于 2023-12-06 14:22 首次发布' (not '最新推荐文章于 … 发布': a recommended article's)
            return None if _RECOMMENDED.search(before) else "published"
        if _UPDATED_AFTER.match(after):
            return "updated"           # '已于 2023-12-08 09:21 修改'
    if not before.strip():
        return None
    if _ASKED_WORDS.search(before):
        return "asked"                 # a Q&A page's question: its answer's date is the page's
    if _PUBLISHED_WORDS.search(before):
        return "published"
    if _UPDATED_WORDS.search(before):
        return "updated"
    if _CREATED_WORDS.search(before):
        return "created"
    return None


_RECOMMENDED = re.compile(r"推荐|推薦|相关|相關|关联|おすすめ|関連|추천|관련")
_PUBLISHED_AFTER = re.compile(r"^[\s\u00a0]*(?:" + alternation(labels.DATE_PUBLISHED_AFTER) + r")")
_UPDATED_AFTER = re.compile(r"^[\s\u00a0]*(?:" + alternation(labels.DATE_UPDATED_AFTER) + r")")
_ASKED_WORDS = _label_at_end(labels.DATE_ASKED)
_JOINED_WORDS = _label_at_end(labels.DATE_JOINED)
_SECONDARY = ("updated", "asked", "created")  # dates that give way to a labelled publication date


_TIME_PUBLISHED = re.compile(r"publish|pubdate|entry-date|post-date|ngay-?dang", re.I)
_TIME_CREATED = re.compile(r"created", re.I)
_TIME_UPDATED = re.compile(r"updated|modified|cap-?nhat", re.I)


def _time_kind(el: etree._Element) -> str | None:
    hint = " ".join(filter(None, (el.get("class"), el.get("itemprop"), el.get("id"))))
    if el.get("pubdate") is not None or (hint and _TIME_PUBLISHED.search(hint)):
        return "published"
    if hint and _TIME_UPDATED.search(hint):
        return "updated"
    if hint and _TIME_CREATED.search(hint):
        return "created"               # (Joomla's dateCreated before its datePublished)
    return None


_DURATION = re.compile(r"duration|thoi-?luong|video-?time|video-?length|runtime|playtime|"
                       r"play-?time", re.I)


def _date_text(el: etree._Element, text: str) -> str:
    """The element's text without what is marked as a media duration (a video's '03:45'
    beside its date is not the time of day)."""
    if not len(el) or not any(_DURATION.search(" ".join(filter(None, (d.get("class"), d.get("id")))))
                              for d in el.iterdescendants() if isinstance(d.tag, str)
                              and (d.get("class") or d.get("id"))):
        return text
    copy_ = copy.deepcopy(el)
    for d in list(copy_.iterdescendants()):
        if isinstance(d.tag, str) and _DURATION.search(" ".join(filter(None, (d.get("class"),
                                                                              d.get("id"))))):
            drop_tree(d)
    return text_of(copy_)


_COMMENT_HINT = re.compile(r"(?:^|[\s_-])(?:comments?|comment-?\w+|binh-?luan\w*|y-?kien-?ban-?doc|"
                           r"ykienbandoc|disqus|respond|replies|reply|trackbacks?|pingbacks?|"
                           # an obituary's guest book of condolences
                           r"guestbook\w*|guest-?book|condolences?|tributes?)(?:$|[\s_-])", re.I)


def comment_block(hint: str) -> bool:
    """A class or id naming a readers' comments block ('box-comment', 'binh-luan', 'comments')."""
    return bool(_COMMENT_HINT.search(hint))


def in_comments(el: etree._Element, levels: int = 12) -> bool:
    """Inside a readers' comments block (by its class or id)."""
    node = el
    for _ in range(levels):
        if node is None or node.tag in ("body", "html", "main"):
            return False
        hint = (node.get("class") or "") + " " + (node.get("id") or "")
        if hint.strip() and _COMMENT_HINT.search(hint):
            return True
        if node.tag == "article":
            return False               # (an <article> classed as a comment item is one: read above)
        node = node.getparent()
    return False


_URL_DATES = (
    # '/2021/08/15/slug', '/2021-08-15-slug', '/content/2019-03/14/…'
    re.compile(r"/((?:19|20)\d\d)([/-])(0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$|\.)"),
    # ... and in a slug or with underscores ('/slug-2019-03-14.html', '/a/2019_03_14/x.html'): one separator
    re.compile(r"[/_-]((?:19|20)\d\d)([_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=/|-|_|$|\.)"),
    # a slug's compact day ('/el-agua-que-no-llega-20240312.html')
    re.compile(r"[-_/]((?:19|20)\d\d)()(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\.html?|\.aspx|/|$)"),
    # the year's folder, then the month's and day's ('/news/2019/0314/slug.html')
    re.compile(r"/((?:19|20)\d\d)(/)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"),
    # an article number that opens with its day ('/news/20150610000186': a Korean paper's, 14 digits)
    # (not a web archive's capture time: '/web/20190514083212/http://…')
    re.compile(r"(?<!/web)/((?:19|20)\d\d)()(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{4,8}(?:\.html?|/(?!https?:)|$)"))
# (... or a folder of its own: '/news/20150314/hk-tram-fare-rise-52123.html')
# a path carried in the query, as Saxotech's pbcs.dll does ('article?AID=/20110608/NEWS/110609812')
_QUERY_DATE = re.compile(r"=/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")


def url_date(url: str) -> ParsedDate | None:
    """A date the URL's path carries (/2021/08/15/slug), or a path in its query (?AID=/20110608/...):
    the day only."""
    path, _, query = url.partition("?")
    m = next((found for found in (p.search(path) for p in _URL_DATES) if found), None)
    if m:
        year, month, day = m.group(1, 3, 4)
    else:
        m = _QUERY_DATE.search(query)
        if not m:
            return None
        year, month, day = m.group(1, 2, 3)
    parsed = parse_vietnamese_datetime(f"{year}-{int(month):02d}-{int(day):02d}")
    return parsed if parsed.value is not None else None


_DATE_CLASS = re.compile(r"date|time|ngay|thoigian|thoi-gian|publish|created|posted|ngaydang|datum",
                         re.I)
# a span of time, from one date to another ('từ … đến ngày …', 'from … to …')
_TIME_SPAN = re.compile(r"(?:^|\s)(?:từ|from|du|vom|von|desde|dal)\s.{1,60}\s(?:đến|tới|to|until|au|bis|hasta|al)\s", re.I)
_DATE_LABEL = re.compile(r"^\s*(?:ngày đăng|đăng ngày|ngày cập nhật|cập nhật|gửi lúc|thời gian đăng|"
                         r"thời gian|ngày phát hành|ngày xuất bản|đăng lúc|ngày ban hành|posted|"
                         r"published|publié|veröffentlicht|erschienen|publicado|pubblicato|"
                         r"erstellt|opublikowano|опубликовано|post date|发布时间|दिनांक|dated?\s*:)",
                         re.I)


def _is_date_element(el: etree._Element, text: str) -> bool:
    """Marked as the article's date: by a label ('Ngày đăng:') or a class, id or test hook
    ('post-date', data-qa="display-date", data-testid="timestamp")."""
    if len(text) > 100:
        return False
    hint = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("data-qa"), el.get("data-testid"))))
    if _DATE_LABEL.match(text):
        return not _TIME_SPAN.search(text) and _right_after_label(text, parse_vietnamese_datetime(text))
        # ('Thời gian: từ 7 giờ 00 ngày 10/11 đến ngày 12/11', 'Thời gian: một ngày, khai mạc lúc 7 giờ
        # 30 ngày 08/11/2012': when something takes place, not when it was posted)
    if not hint.strip():
        return False
    if _DATE_CLASS.search(hint):
        return True
    if META_PART.search(hint):        # an item's meta line that holds its timestamp alone
        raw = parse_vietnamese_datetime(text).raw    # ('<div class="meta">Thứ Sáu, 28/11/2025 | 09:15')
        return bool(raw) and (len(raw) >= 0.8 * len(text.strip())     # (or opening it, counts
                              or text.strip().startswith(raw) and _timestamp_line(text))   # after it)
    return False




def _is_prose(text: str, raw: str | None) -> bool:
    """A sentence that mentions a date ("Tỉnh được tái lập ngày 01/01/1997. ...") rather than a
    timestamp line ("Ngày đăng: 04/08/2020 - 16:20", "Lượt xem: 12 | Gửi lúc: ...")."""
    rest = text.replace(raw, " ") if raw else text
    # (a meta line's items, 'Cập nhật lúc … | Người đăng: X | Lượt người đọc: N', are counted apart)
    return any(sum(any(ch.isalpha() for ch in w) for w in item.split()) > 9 for item in _ITEMS.split(rest))


_ITEMS = re.compile(r"\s[|·•]\s")


def _dateline_under_headline(doc: Doc, el, text: str, anchor_pos: int, body) -> bool:
    """A short line that is only a timestamp ('Thứ bảy - 02/01/2021 21:40'), printed right
    under a headline that the body's block itself holds (NukeViet's panel-body: headline, date
    row, then the text): the article's date line, not a date in its text."""
    if len(text) > (140 if _ITEMS.search(text) else 60) or not find_datetimes(text) or not _timestamp_line(text):
        # (longer only as a meta line of items: 'Cập nhật lúc … | Người đăng: … | Lượt người đọc: …')
        return False
    body_pos, pos = doc.position(body), doc.position(el)
    if anchor_pos < body_pos < pos and pos - body_pos <= 12 \
            and (sum(map(str.isalpha, text)) <= 10 or _name_and_date(text)) \
            and text_of(body).startswith(text_of(el)):
        return True                    # the first line of a body that starts under the headline,
        #                                the date and little else ('13/10/2025 07:30'), or the date
        #                                and its poster ('Kirjoittaja: Mikko Virtanen · 14.03.2009, 18:20')
    if not body_pos < anchor_pos < pos or pos - anchor_pos > 12:
        return False
    last = body
    for last in body.iterdescendants():
        pass
    if anchor_pos > doc.position(last):
        return False                   # the headline is not in the body's block
    between = [p for p in body.iter("p", "div", "li", "td")
               if anchor_pos < doc.position(p) < pos and p not in el.iterancestors()]
    return all(len(text_of(p)) < 80 or el in p.iterdescendants() for p in between)


_META_PIECES = re.compile(r"\s*[·•|]\s*|\s+[-–—]\s+")


def _name_and_date(text: str) -> bool:
    """A line that is a date and a name beside it, each its own piece ('Ban biên tập · 14-03-2010,
    08:15 AM', 'Kirjoittaja: Mikko Virtanen · 14.03.2009'): a post's meta line, not a sentence."""
    pieces = [p for p in _META_PIECES.split(text) if p.strip()]
    if not 2 <= len(pieces) <= 3:
        return False
    dated = [p for p in pieces if find_datetimes(p)]
    if len(dated) != 1:
        return False
    stamp = dated[0]
    for found in find_datetimes(stamp):
        stamp = stamp.replace(found.raw or "\0", " ")
    rest = [p for p in pieces if p is not dated[0]]
    return len(stamp.split()) <= 2 and all(len(p.split()) <= 5 and not p.rstrip().endswith((".", "!", "?"))
                                           for p in rest)   # (the date alone in its piece, or with 'kl.')


def _timestamp_line(text: str) -> bool:
    """A labelled line of several timestamps ("Par X — Publié le 12/09/2021 à 18h05, mis à
    jour le 13/09/2021 à 07h30"): short once every date and time in it is left out."""
    rest = text
    for found in find_datetimes(text):
        if found.raw:
            rest = rest.replace(found.raw, " ")
    if not _is_prose(rest, None):
        return True
    # a meta line of labelled items ('Ngày đăng: … · Tác giả: Phòng Phát triển dịch vụ …')
    items = [i for i in _META_SEPARATOR.split(text) if i.strip()]
    return len(items) >= 2 and all(len(i) <= 100 and _LABELLED_ITEM.match(i) for i in items)


_LABELLED_ITEM = re.compile(r"^\s*[^\W\d_][^:：]{0,30}[:：]\s*\S")


def _listed_item(item: etree._Element | None) -> bool:
    """A list item beside two or more of its kind (the same tag and class) that hold a link."""
    if item is None or item.tag != "li":
        return False
    alike = 0
    for sib in item.itersiblings():
        if sib.tag == "li" and sib.get("class") == item.get("class") and next(sib.iter("a"), None) is not None:
            alike += 1
            if alike >= 2:
                return True
    for sib in item.itersiblings(preceding=True):
        if sib.tag == "li" and sib.get("class") == item.get("class") and next(sib.iter("a"), None) is not None:
            alike += 1
            if alike >= 2:
                return True
    return False


def _after_headline_link(el: etree._Element, url: str | None = None) -> bool:
    """A date printed right after a linked headline: a listing entry's date, not the page's
    (a headline linked to the page itself, `url`, is the article's own: Joomla's 'link titles')."""
    node = el
    for _ in range(2):
        prev = node.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if prev is not None:
            hint = bounded_hint(prev)
            if hint.strip() and _CATEGORY_HINT.search(hint):
                return False           # the article's category link beside its date
            if sum(1 for _ in islice(prev.iter("a"), 3)) > 2:
                return False           # a box of links (an infobox of related stories): no headline
            if prev.tag == "a" and _listed_item(node.getparent()):
                return True            # a short title's link and its date, one item of a list
            if _links_headline(prev) and not _mostly_text(prev):
                own = [a for a in prev.iter("a") if (a.get("href") or "").strip()[:1] not in ("", "#")]
                return not (url and own and all(_links_to(a, url) for a in own))
            return False
        node = node.getparent()
        if node is None:
            return False
    return False


def _mostly_text(el: etree._Element) -> bool:
    """A block of text with a link in it (the article's body), not a listing entry's
    headline: long, and its links hold less than half of it."""
    text = text_of(el)
    if len(text) < 250:
        return False
    return sum(len(text_of(a)) for a in el.iter("a")) < 0.5 * len(text)


def _inline_only(el: etree._Element) -> bool:
    """A small element of inline children only (a date split over <span>s)."""
    if not 0 < len(el) <= 6:
        return False
    # its few descendants tested one by one (lxml's iterdescendants(*BLOCK_TAGS) would set up
    # a matcher of 43 tags on every call, ten times the cost of this walk)
    for node in el.iterdescendants():
        if node.tag in BLOCK_TAGS:
            return False
    return True


def _links_headline(el: etree._Element) -> bool:
    """Holds a link to another article: a headline-length text, or an article-shaped URL
    (a category link such as "Văn hóa - Xã hội" is neither)."""
    held = holders(el, "article-links", _article_link)
    if held is not None:
        return held
    return any(_article_link(a) for a in el.iter("a"))


def _article_link(a: etree._Element) -> bool:
    words = len(text_of(a).split())
    return words >= 8 or (words >= 4 and bool(GENERIC_ARTICLE_URL.search(a.get("href") or "")))


def _distance(doc: Doc, el: etree._Element, anchor_pos: int) -> int:
    """Elements after the headline are preferred; before it they count double."""
    pos = doc.position(el)
    return pos - anchor_pos if pos >= anchor_pos else 2 * (anchor_pos - pos) + 40


_MOST_READ = re.compile(r"(?:đọc|xem|truy cập) nhiều|most (?:read|viewed|popular)", re.I)


def find_view_count(doc: Doc, body: etree._Element | None,
                    headline: etree._Element | None = None) -> int | None:
    """A labelled view count ('Lượt xem: 1.234', '1,234 lượt xem') nearest the body, never one
    of a listing entry."""
    best: tuple[int, int] | None = None
    anchor = doc.position(body) if body is not None else 0
    found = []
    for owner in doc.texts("view"):
        if _MOST_READ.search(text_of(owner)[:80]):
            continue                   # a most-read box's title ("ĐỌC NHIỀU"): its entries' counts
        value = _view_near(owner)
        if value is None or in_link_list(owner) or in_listing_entry(owner, body, headline):
            continue
        found.append((abs(doc.position(owner) - anchor), len(found), value, owner))
    for distance, _, value, owner in sorted(found):
        if not _in_site_statistics(owner):
            best = (distance, value)   # (not Joomla's 'Lượt xem nội dung bài viết' beside
            break                      # 'Thành viên: 14': the site's sum of hits)
    if best is None and headline is not None and body is not None:
        best = (0, _eye_count(doc, headline, body))
    if (best is None or best[1] is None) and body is not None and _TITLED_VIEWS.search(doc.source):
        best = (0, _titled_views(doc, headline, body))
    if (best is None or best[1] is None) and body is not None:
        return _meta_line_hits(doc, headline, body)
    return best[1] if best else None


# a view count only in an icon's tooltip (<span class="news-views" title="Lượt xem: 1.234">…)
_TITLED_VIEWS = re.compile(r"""title=["'][^"'<>]{0,20}(?:lượt xem|lượt đọc|số lần xem|views)""", re.I)


def _titled_views(doc: Doc, headline: etree._Element | None, body: etree._Element) -> int | None:
    """The view count an element gives only in its `title` (the eye icon's tooltip), in the
    article's meta line: between the headline (or the body's start) and the body's end."""
    start = doc.position(headline) if headline is not None else doc.position(body)
    end = doc.position(body) + sum(1 for _ in body.iter())
    for el in doc.root.iterfind(".//*[@title]"):
        title = el.get("title") or ""
        if len(title) > 40 or not start <= doc.position(el) <= end or text_of(el):
            continue                   # (an icon: no text of its own)
        value = view_count_in(title)
        if value is not None and not in_link_list(el) and not in_listing_entry(el, body, headline):
            return value
    return None


_HITS_LINE = re.compile(r"^(?:số\s+)?lượt truy c[ậâa]p\s*[:：]\s*(\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\d+)$",
                        re.I)
_META_DATE = re.compile(r"\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:19|20)\d\d|tháng\s*\d{1,2}\W+(?:năm\s+)?(?:19|20)\d\d"
                        r"|(?:19|20)\d\d-\d\d-\d\d", re.I)


def _meta_line_hits(doc: Doc, headline: etree._Element | None, body: etree._Element) -> int | None:
    """'Lượt truy cập: 587' as one item of the article's own meta block (Joomla 2.5's
    article-info: <dd>Ngày đăng: ...</dd><dd>Lượt truy cập: 587</dd>) between the headline and
    the body: the article's hits, not the site's visitor counter (that one stands alone under
    its own title, away from any dated line)."""
    end = doc.position(body)
    start = doc.position(headline) if headline is not None else end
    if end <= start:                    # the body's block holds the headline: up to its text
        end = next((doc.position(p) for p in body.iter("p", "div", "table")
                    if doc.position(p) > start and len(text_of(p)) >= 60), -1)
    for owner in doc.texts("counter"):
        m = _HITS_LINE.match(clean(text_of(owner)))
        if not m or not start < doc.position(owner) < end or in_link_list(owner):
            continue
        parent = owner.getparent()
        if parent is None or owner in body.iterancestors():
            continue
        dated = any(sib is not owner and isinstance(sib.tag, str) and len(text_of(sib)) < 120
                    and _META_DATE.search(text_of(sib)) for sib in parent)
        if dated:
            return parse_count(m.group(1))
    return None


_EYE_CLASS = re.compile(r"(?:^|[\s_-])(?:fa-eye|icon-eye|eye-icon|glyphicon-eye|bi-eye|"
                        r"ti-eye|i-eye|ico-eye|icon-views?|ico-views?|icon-luot-?xem)(?:-open|-o|-fill)?(?:$|\s)",
                        re.I)
_EYE_SRC = re.compile(r"(?:^|[/_-])(?:eye|icon[_-]?views?|views?[_-]?icon|luot-?xem)[\w-]*\."
                      r"(?:png|gif|svg|jpe?g|webp)(?:$|\?)", re.I)


def _eye_count(doc: Doc, headline: etree._Element, body: etree._Element) -> int | None:
    """A bare number behind an eye icon (<i class="fa fa-eye"></i> 1.476) on the article's own
    meta line: between the headline and the end of the body, never in a list of links (the
    sidebar's most-read box shows other articles' counts behind the same icon)."""
    source = doc.source
    if "eye" not in source and "view" not in source and "xem" not in source:
        return None
    start = doc.position(headline)
    last = body
    after = body.getnext()             # (the toolbar right after the text: '👁 1.234 · In · Chia sẻ')
    tail = after if after is not None and isinstance(after.tag, str) and len(text_of(after)) <= 200 else body
    for last in tail.iterdescendants():
        pass
    end = doc.position(last)
    if end < start:
        return None
    scope = headline
    while scope is not None and scope is not body and scope not in body.iterancestors() \
            and (tail is body or tail not in scope.iterdescendants()):
        scope = scope.getparent()
    if scope is None:
        return None
    for icon in scope.iter("i", "span", "em", "img", "svg"):   # (an inline SVG's class: 'icon-eye')
        if icon.tag == "img":
            if not _EYE_SRC.search((icon.get("src") or "")[-HINT_CHARS:]):   # the file's name
                continue
        elif not _EYE_CLASS.search(icon.get("class") or ""):
            continue
        if not start <= doc.position(icon) <= end:
            continue
        holder = icon.getparent()
        if holder is None or in_link_list(holder) or inside_link(icon) or in_related_block(holder):
            continue
        if holder.tag == "button" or holder.getparent() is not None and holder.getparent().tag == "button":
            continue                   # a button's count: a comment's likes, not the article's views
        text = text_of(holder)
        value = _count_or_counted(text) if len(text) <= 24 else None
        if value is None and icon.tail and icon.tail.strip():
            value = _count_or_counted(icon.tail)
        if value is None and not text:
            value = _beside_icon(holder)   # the icon in a wrapper of its own, the number in the next
        if value is not None:              # ('<span class="…-icon"><i class="fa-eye"></i></span>
            return value                   # <span class="…-text">1.530</span>': a page builder's list)
    return None


def _beside_icon(wrapper: etree._Element) -> int | None:
    """The count right after an icon's own wrapper: in its tail, or alone in the next element."""
    if wrapper.tail and wrapper.tail.strip():
        return _count_or_counted(wrapper.tail) if len(wrapper.tail.strip()) <= 24 else None
    after = wrapper.getnext()
    if after is None or not isinstance(after.tag, str) or len(after) > 1:
        return None
    text = text_of(after)
    return _count_or_counted(text) if text and len(text) <= 24 else None


def _count_or_counted(text: str) -> int | None:
    """'1.476' or '1.234 lượt' (0 is a count)."""
    value = parse_count(text)
    return counted(text) if value is None else value


def in_listing_entry(el: etree._Element, body: etree._Element | None,
                      headline: etree._Element | None) -> bool:
    """A count printed under another article's link (a most-read box: <li><a>Title</a>
    <div>Đã xem: 4.318</div></li>): that entry's count, not this article's."""
    node = el
    for _ in range(3):
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return False
        if (body is not None and (node is body or node in body.iterancestors())) or \
                (headline is not None and (node is headline or node in headline.iterancestors())):
            return False
        if headline is not None and any(s is not None and (s is headline or s in headline.iterancestors())
                                        for s in (node.getnext(), node.getprevious())):
            return False               # the article's own meta row beside its headline's (a table's
            #                            row of category link, date and count over the title's row)
        if any(_entry_link(a) for a in node.iter("a")) and not inside_link(el):
            return True
        if node.tag in ("li", "tr"):
            # one item of a list of titled links: <li><a>Bản đồ hành chính xã</a> (5.020 lượt
            # xem)</li> among its like; the item ends here either way
            return _list_of_like(node) and not inside_link(el) and any(
                len(text_of(a).split()) >= 3 and a.get("href") is not None and not tool_link(a)
                for a in node.iter("a"))
    return False


_SITE_STATISTIC = re.compile(r"^\s*(?:" + alternation(labels.SITE_STATISTICS) + r")\s*[:：]?\s*\d", re.I)


def _in_site_statistics(el: etree._Element) -> bool:
    """`el` is a row of the site's statistics block: a row beside it counts the site's members,
    articles or links."""
    for node in (el, el.getparent()):
        if node is None or node.getparent() is None:
            return False
        if node is not el and len(text_of(node)) > 200:
            return False               # (the article's whole block beside the footer's counter)
        if any(_SITE_STATISTIC.match("".join(sibling.itertext())) for sibling in islice(node.itersiblings(), 6)
               if isinstance(sibling.tag, str)) or \
                any(_SITE_STATISTIC.match("".join(sibling.itertext()))
                    for sibling in islice(node.itersiblings(preceding=True), 6) if isinstance(sibling.tag, str)):
            return True
    return False


def _list_of_like(item: etree._Element) -> bool:
    return next(item.itersiblings(item.tag), None) is not None or \
        next(item.itersiblings(item.tag, preceding=True), None) is not None


def _entry_link(a: etree._Element) -> bool:
    """A link to another article (not a print, email or share button)."""
    text = clean(text_content(a))
    if _TOOL_CLASS.search(a.get("class") or "") or _UI_WORDS.match(text):
        return False
    if a.get("itemprop") in ("genre", "articleSection") or "tag" in (a.get("rel") or "").split() \
            or "category" in (a.get("rel") or ""):
        return False                   # the article's own category link (Joomla's 'Danh mục:' <a itemprop="genre">)
    parent = a.getparent()
    if parent is not None and a.getprevious() is None and _CATEGORY_LABEL.match(parent.text or "") \
            and (parent.text or "").strip():
        return False                   # ... or its line ('<dd class="category-name">Danh mục: <a>…</a></dd>')
    if next(a.iter("time"), None) is not None or len(text) <= 40 and _date_like(text) and \
            not _LETTERS_BESIDE_DATE.search(_DATE_HINT.sub(" ", text)):
        return False                   # a post's date linked to its permalink (WordPress' posted-on)
    return _article_link(a)


# a word of three letters or more: a title's, where a linked date says none beside its month
_LETTERS_BESIDE_DATE = re.compile(r"[^\W\d_]{3,}(?:\s+[^\W\d_]{3,}){2,}")


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
    """The site's visitor-counter widget, found by its digit images or by its title; an old
    portal's counter kept frozen beside the serving site's (`frozen_counter`) only when the page
    shows no other."""
    frozen = None
    for anchor, found in _counters(doc):
        if not frozen_counter(anchor):
            return found
        frozen = frozen or found
    return frozen or Counter()


# (searched in the lower-cased text: a case-blind search folds every character it passes)
_FROZEN_COUNTER = re.compile(alternation(labels.FROZEN_COUNTER))


def frozen_counter(el: etree._Element) -> bool:
    """Whether the counter at `el` is noted as an old portal's, frozen ('(Cổng cũ, số liệu đến
    ngày 30/6/2025)'): the note in its box (the element or one of its two nearest ancestors,
    while their text stays a box's, not a column's)."""
    node = el
    for _ in range(3):
        if node is None or node.tag in ("body", "html"):
            return False
        text = _box_text(node, 400)
        if text is None:
            return False
        if _FROZEN_COUNTER.search(text.lower()):
            return True
        node = node.getparent()
    return False


def _box_text(node: etree._Element, limit: int) -> str | None:
    """The element's text (whitespace normalised) when it is no longer than `limit` characters
    (a box's), else None; read by libxml2 at C speed (a column's text is not assembled in
    Python to be measured)."""
    text = _TEXT_LEN(node)
    return text if len(text) <= limit else None


def _counters(doc: Doc) -> Iterator[tuple[etree._Element, Counter]]:
    """The page's visitor counters in the order `find_counter` weighs them, each with the
    element it was read at."""
    tried: set[etree._Element] = set()
    for img in doc.tagged("digit_images"):
        parent = img.getparent()
        if parent in tried:
            continue                   # one digit row is read once, not once per digit
        tried.add(parent)
        if in_link_list(img):
            continue                   # a listed item's thumbnail named '...-0.jpg', not a digit
        rows = _labelled_rows_around(parent)
        if rows is not None:
            yield parent, rows         # 'Hôm nay:' [digits] / 'Tổng cộng:' [digits]: the labels say which
            continue
        found = _counter_around(parent)
        if found.total is not None:
            yield parent, found
    around: set = set()                # each ancestor is read once, however many titles
    for owner in doc.texts("counter"):
        text = text_of(owner)
        if len(text) < 160 and COUNTER_TITLE.search(text) and not in_link_list(owner) and \
                (len(text) < 60 or len(labelled_counts(text)) >= 2):   # a title, or a counter line
            found = _counter_around(owner, around)
            if found.total is not None or found.online is not None:
                yield owner, found
                continue
            scripted = _scripted_counter(owner) if len(text) < 40 else None
            if scripted is not None:
                yield owner, scripted
        elif len(text) < 100 and not in_link_list(owner) and _stats_line(text):
            # 'Tổng số: 5.204.117 | Hôm nay: 2.015': a total beside today's or the online count
            counts = labelled_counts(text)
            yield owner, Counter(counts["total"], counts.get("online"), counts.get("today"))
        elif len(text) < 30 and _WINDOW_LABEL.match(text) and not in_link_list(owner):
            # a statistics block with no title: its rows' labels say what it is
            found = _counter_around(owner, around)
            if found.total is not None and (found.online is not None or found.today is not None):
                yield owner, found
        elif len(text) >= 160 and not in_link_list(owner):
            found = _counter_line(owner)
            if found.total is not None:
                yield owner, found
    if doc.source.count("<title") > 1:
        yield from _icon_titled_counter(doc)


def _icon_titled_counter(doc: Doc) -> Iterator[tuple[etree._Element, Counter]]:
    """A counter whose label is only its icon's name (<svg><title>Tổng lượt truy cập</title>…
    </svg> <span>3.845.129</span>): the one number printed beside the icon."""
    for title in doc.root.iter("title"):
        icon = title.getparent()
        if icon is None or icon.tag != "svg" or not COUNTER_TITLE.search(title.text or ""):
            continue
        holder = icon.getparent()
        value = parse_count(text_of(holder)) if holder is not None else None
        if value is not None and not in_link_list(holder):
            yield holder, Counter(total=value)


# the digits a counter's script writes ('var hitCount = "00451203"; … document.write(<img …>)')
_SCRIPT_DIGITS = re.compile(r"""(?:=|\()\s*["']?(\d{3,15})["']?\s*[;,)]""")


def _scripted_counter(title: etree._Element) -> Counter | None:
    """A counter box whose digits a script writes when the page is shown: the number the
    script holds, in the box the title heads (its parent or grandparent), nowhere else."""
    node = title
    for _ in range(2):
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return None
        scripts = [s for s in node.iter("script") if s.text and len(s.text) < 2000]
        if scripts:
            found = [m.group(1) for s in scripts for m in _SCRIPT_DIGITS.finditer(s.text)]
            return Counter(total=int(found[0])) if len(found) == 1 else None
    return None


def _stats_line(text: str) -> bool:
    """A statistics line with no counter title: a total beside today's or the online count."""
    counts = labelled_counts(text)
    return "total" in counts and ("today" in counts or "online" in counts)


# a row of a statistics block with no title ('Đang xem | 27', 'Hôm nay: 1.024', 'Today')
_WINDOW_LABEL = re.compile(r"^(?:đang xem|đang online|đang truy cập|hôm nay|trong ngày|online|today)"
                           r"\s*[:：]?\s*[\d.,\s]*$", re.I)


def _counter_line(owner: etree._Element) -> Counter:
    """A counter printed as one line of a longer block (a footer's lines split by <br>:
    'Lượt truy cập: 2.345.678 - Đang online: 12'): read from that line alone."""
    for piece in (owner.text, *(child.tail for child in owner)):
        if not piece or not COUNTER_TITLE.search(piece):
            continue
        # a ticker's items ('Chào mừng … ★ Tổng lượt truy cập: 2.045.118 ★ Đang truy cập: 37')
        lines = [piece] if len(piece) < 160 else \
            [p.strip() for p in _TICKER_SEPARATOR.split(piece) if len(p.strip()) < 160]
        for line in lines:
            counts = labelled_counts(line) if COUNTER_TITLE.search(line) else {}
            if counts.get("total") is not None:
                others = [labelled_counts(x) for x in lines if x is not line]
                online = counts.get("online") or next((o["online"] for o in others if "online" in o), None)
                today = counts.get("today") or next((o["today"] for o in others if "today" in o), None)
                return Counter(counts["total"], online, today)
    return Counter()


_TICKER_SEPARATOR = re.compile(r"[★☆•·|◆♦]")     # items stripped after: '\s*' around it is n² on spaces


def _at_most_children(el: etree._Element, limit: int) -> bool:
    for count, _ in enumerate(el.iterchildren(), 1):
        if count > limit:
            return False
    return True


def _labelled_rows_around(row: etree._Element) -> Counter | None:
    """The box (up to three levels above a digit row) that holds several labelled digit rows."""
    node = row.getparent()
    for _ in range(3):
        if node is None or node.tag in ("body", "html") or len(text_of(node)) > 600:
            return None
        found = labelled_rows(node)
        if found is not None:
            return found
        node = node.getparent()
    return None


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
    small: dict[etree._Element, bool] = doc.memo.setdefault("small", {})
    texts: dict[etree._Element, str] = doc.memo.setdefault("texts", {})
    for owner in doc.texts("label"):
        parent = owner.getparent()
        if parent is not None and parent not in small:
            small[parent] = _at_most_children(parent, 8)
        small_parent = parent is not None and small[parent]
        tail = owner.tail
        if tail and tail.strip() and owner.tag in _LABEL_TAGS:
            # a bold label whose value is its tail, up to the next line break ('<b>Автор:</b>&nbsp;X<br>',
            # a Bitrix property under the text)
            label = texts.get(owner)
            if label is None:
                label = texts[owner] = text_of(owner)
            if _label_only(label) and not (in_link_list(owner) or in_comments(owner)):
                probe = _line_probe(f"{label} {clean(tail)[:120]}")
                if pattern.match(probe.text):
                    value = read(probe)
                    if value is not None:
                        return value
        if owner.tag in _BR_BOX_TAGS and owner.find("br") is not None:
            value = _labelled_br_line(owner, pattern, body, read)
            if value is not None:
                return value
        for el in (owner, parent if small_parent else None):
            if el is None:
                break
            text = texts.get(el)
            if text is None:
                text = texts[el] = text_of(el)
            if not (3 < len(text) < 120 and (pattern.match(text) or text[:1] in "|·•" and pattern.match(text.lstrip("|·• ")))):
                continue               # (a meta line's item after its separator: '| Tác giả: X')
            if in_link_list(el) or in_book_credits(el) or (chrome_ancestor(el, body) and not _follows_body(el, body)) \
                    or in_comments(el) or in_teaser_card(el):
                break                  # (a reader's 'by <a>Anonymous Coward</a>' under a comment; another
                #                        story's byline on its card, the whole card one link)
            value = read(el)
            if value is not None:
                return value
            if el is not owner or not _label_only(text):
                break
            # a bold label alone ("<strong>Tác giả bài viết:</strong> Nguyễn Văn Hùng"): the
            # value is beside it, in the parent's text
    return None


_BR_BOX_TAGS = frozenset(("div", "p", "td", "span"))


def in_teaser_card(el: etree._Element) -> bool:
    """Inside a card that is one link to another page: a link holding a heading beside `el`
    ('<a class="gh-card-link"><h3>Title</h3><footer><span>Door X</span>…</footer></a>'), or far
    more text than `el`'s (a bookmark card's title, description and publisher)."""
    for a in islice(self_and_ancestors(el), 6):
        if a.tag == "a":
            if next(a.iter("h2", "h3", "h4", "h5"), None) is not None:
                return True
            whole, own = len(_TEXT_LEN(a)), len(_TEXT_LEN(el))
            return whole >= 3 * own and whole - own >= 40
    return False


def _line_probe(text: str) -> etree._Element:
    """A line of text that is no element of its own, as an element a field's reader can read."""
    probe = etree.Element("span")
    probe.text = text
    return probe


def _labelled_br_line(owner: etree._Element, pattern: re.Pattern[str], body: etree._Element | None, read):
    """The value of a labelled line inside a small box whose lines are parted by <br> alone
    ('<b>Thông tin bài gốc</b><br>Nguồn: Cổng TTĐT huyện X (cũ)<br>Ngày đăng gốc: …'): the line
    read as if it were an element of its own."""
    if not _at_most_children(owner, 12):
        return None
    for br in owner.iterchildren("br"):
        line = clean(br.tail or "")
        if 3 < len(line) < 120 and pattern.match(line):
            if in_link_list(owner) or in_comments(owner) or chrome_ancestor(owner, body):
                return None
            return read(_line_probe(line))
    return None


# the separators of a meta line's items ('Publicado el 7 de marzo | Por: X', 'Posted 4 May · By X',
# 'Jumamosi, Machi 9, 2024 — Na Mwandishi Wetu')
_META_SEPARATOR = re.compile(r"(?<!\s)\s*[|·•]\s*|(?<!\s)\s+[—–]\s+"
                             # (a CJK meta line's items are spaced apart: '来源：江汉晚报　作者：王晓东')
                             r"|(?<=\S)\s+(?=[\u3400-\u9fff]{2,4}\s*[：:]|【)")
# a dateline that names its writer after the date ('Posted April 2, 2009 by Bill Turner')
_POSTED_BY = re.compile(r"^(?:(?:article|artikel|articolo|artículo|artigo|beitrag)\s+)?"
                        r"(?:posted|published|written|submitted|veröffentlicht|publié|publicado|pubblicato|نوشته شده)"
                        r"\b.{0,60}?\s(?=(?:by|von|par|por|di|توسط)\s+\w)", re.I)


def find_labelled_item(doc: Doc, patterns: tuple[re.Pattern[str], ...], body: etree._Element | None,
                       read_text) -> str | None:
    """A labelled value printed as a later item of a meta line ('Publicado el martes 7 de marzo
    de 2023 | Por: Carolina Restrepo', 'प्रकाशित: 18 जून 2023 | संवाददाता: X', 'Posted April 2,
    2009 by Bill Turner'), where
    `find_labelled` reads only a label that starts the line; `read_text` turns the item into
    the value. Lines in lists and chrome are passed over, as there."""
    texts: dict[etree._Element, str] = doc.memo.setdefault("texts", {})
    for owner in doc.texts("label"):
        text = texts.get(owner)
        if text is None:
            text = texts[owner] = text_of(owner)
        if not 3 < len(text) < 160:
            continue
        posted = _POSTED_BY.match(text)
        if posted is None and not _META_SEPARATOR.search(text):
            continue
        items = [i for i in _META_SEPARATOR.split(text) if i]
        items = items[1:] if posted is None else [text[posted.end():]]
        for item in items:
            if not any(p.match(item) for p in patterns):
                continue
            if in_link_list(owner) or (chrome_ancestor(owner, body) and not _follows_body(owner, body)):
                break
            value = read_text(item)
            if value is not None:
                return value
    return None


_CELL_TAGS = ("th", "td", "dt")


# Drupal's labelled fields: <div class="field__label">Nguồn</div><div class="field__item">…</div>
_FIELD_LABEL = re.compile(r"(?:^|\s)field[-_]{1,2}label(?:$|\s|-)")
_FIELD_ITEM = re.compile(r"(?:^|\s)field[-_]{1,2}items?(?:$|\s)")


def _field_label(el: etree._Element) -> bool:
    cls = el.get("class")
    return bool(cls) and bool(_FIELD_LABEL.search(cls))


_TITLE_CELL = re.compile(r"^\s*(?:" + alternation(labels.TITLE_CELL) + r")\s*[:：]?\s*$", re.I)


def title_cells(doc: Doc) -> list[etree._Element]:
    """The value cells a board view's title label heads (<th>제목</th><td>the title</td>)."""
    found = []
    for owner in doc.texts("label"):
        cell = owner if owner.tag in _CELL_TAGS else owner.getparent()
        if cell is None or cell.tag not in _CELL_TAGS or len((owner.text or "").strip()) > 16 \
                or not _TITLE_CELL.match(text_of(cell)):
            continue
        value = cell.getnext()
        if value is not None and value.tag in ("td", "dd") and 2 <= len(text_of(value)) <= 300 \
                and not in_link_list(cell):
            found.append(value)
    return found


def find_cell_value(doc: Doc, label: re.Pattern[str], body: etree._Element | None) -> str | None:
    """A field printed in a metadata table: a label cell ('Nguồn', 'Chuyên mục:') and its value
    in the next cell (<th>Nguồn</th><td>Báo Bạc Liêu</td>, <dt>…</dt><dd>…</dd>)."""
    for owner in doc.texts("label"):
        cell = owner if owner.tag in _CELL_TAGS or _field_label(owner) else owner.getparent()
        if cell is None or not (cell.tag in _CELL_TAGS or _field_label(cell)) \
                or not label.match(text_of(cell)):
            continue
        value = cell.getnext()
        if value is None or not (value.tag in ("td", "dd") or _FIELD_ITEM.search(value.get("class") or "")) \
                or in_link_list(cell) or chrome_ancestor(cell, body) or in_book_credits(cell):
            continue
        text = text_of(value)
        if 1 < len(text) <= 80:
            return text
    return None


def _follows_body(el: etree._Element, body: etree._Element | None) -> bool:
    """In the block right after the body (NukeViet's print view signs in a 'copyright' box
    under the text): the article's own lines, whatever the box is named."""
    if body is None:
        return False
    for node in self_and_ancestors(el):
        if node is body.getparent():
            return False
        prev = node.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if prev is body:
            return True
    return False


_LABEL_TAGS = frozenset({"b", "strong", "span", "label", "em", "i"})


def _label_only(text: str) -> bool:
    return text.rstrip().endswith((":", "：")) and len(text.split()) <= 5


_AUTHOR_HINT = re.compile(r"author|tacgia|tac-gia|byline|writer|signature|signatura|nguoiviet|nguoi-viet|"
                          r"butdanh|but-danh|reporter|creator|columnist|autor|auteur|verfasser|yazar|penulis|"
                          r"muhabir|szerzo|forfatter|skribent|tekijä", re.I)
# a byline as a BEM element of a story's block ('sb-by', 'ht-pubinfo__by'), not a recommendation
# widget's sponsor ('reco__by') nor a 'powered-by' or 'sort-by' control
_BY_ELEMENT = re.compile(r"(?:^|\s)(?![\w-]*(?:powered|sponsor|reco|promo|sort|filter|order|group|made|built|"
                         r"designed|hosted|posted|published|uploaded|shared))[\w-]*?(?:__|-)by(?=\s|$)", re.I)
_NEWSROOM = frozenset(labels.NEWSROOM)


def _by_element_person(el: etree._Element) -> bool:
    """A byline marked only as a block's 'by' element ('sb-by') naming a person: its text a
    name, not the newsroom's ('Redacció', 'Haber Merkezi')."""
    if not _BY_ELEMENT.search(el.get("class") or ""):
        return False
    name = byline_name(byline_text(el))
    return bool(name) and name.lower() not in _NEWSROOM and not any(w in _NEWSROOM for w in name.lower().split())




def author_elements(doc: Doc, body: etree._Element | None) -> Iterator[etree._Element]:
    """The elements marked as the author by their class, id, itemprop or rel ('author',
    'tacgia', 'byline'), short, outside related lists and the site's chrome, in document
    order."""
    for el in doc.hints("author"):
        if el.tag in SKIP_TAGS or el.tag == "cite" or _QUOTED.search(el.get("class") or ""):
            continue                   # (a quotation's author, 'field--name-field-quote-author')
        if not _AUTHOR_HINT.search(_hint_name(el.get("class"), el.get("id"), el.get("itemprop") or el.get("rel"))) \
                and not _by_element_person(el):
            continue                   # '-by' inside a token ('gh-powered-by', 'sort-by-date'), or
            #                            naming the newsroom ('Da Redação'), not a writer
        text = text_of(el)
        if not 1 < len(text) <= 80 or in_link_list(el) or in_related_block(el):
            continue
        card = _author_card(el, body)
        if chrome_ancestor(el, body if card is None else card) or in_site_header(el) or in_comments(el) \
                or in_teaser(el, doc.url) or in_teaser_card(el):
            continue
        yield el


def _author_card(el: etree._Element, body: etree._Element | None) -> etree._Element | None:
    """The <aside> marked as the writer's card that `el` is in, standing beside the article's
    text inside the article ('<aside class="author-card">' after NukeViet's bodytext, in the
    same <article>): the article's card, not the site's rail of columnists beside the article."""
    if body is None:
        return None
    for up in islice(self_and_ancestors(el), 4):
        if up.tag == "aside" and _AUTHOR_HINT.search(up.get("class") or ""):
            parent = up.getparent()
            article = next(up.iterancestors("article"), None)
            beside = parent is not None and parent is body.getparent()
            return up if beside or (article is not None and article in body.iterancestors()) else None
    return None


_QUOTED = re.compile(r"quote|citation|testimonial", re.I)


def in_teaser(el: etree._Element, url: str | None = None) -> bool:
    """In a teaser card of another article: a small block (<article>, <li>, <div>) whose
    heading links elsewhere ("<h2><a href>Title</a></h2> <p>blurb</p> <span>By X</span>",
    "<a href><h2>Title</h2></a> <footer><time>"); a heading linking to the page itself
    (`url`) is the article's own."""
    node = el.getparent()
    for _ in range(3):
        if node is None or node.tag in ("body", "main", "html"):
            return False
        if node.tag in ("article", "li", "div"):
            heading = next((h for h in node.iter("h2", "h3", "h4") if h is not el and el not in h.iterancestors()
                            and h not in el.iterancestors()), None)
            if heading is not None:    # (not the writer's name set as a heading: Ghost's h4.gh-article-author-name)
                link = next(heading.iter("a"), None)
                if link is None:
                    link = next((a for a in heading.iterancestors("a")), None)
                    if link is not None and node not in link.iterancestors():
                        link = None
                if link is not None:
                    return len(text_of(node)) < 600 and not _links_to(link, url)
        node = node.getparent()
    return False


def _permalink(el: etree._Element, url: str) -> bool:
    """A <time> wrapped in the link to the page itself (WordPress's rel="bookmark" permalink)."""
    link = next(el.iterancestors("a"), None)
    return link is not None and bool(link.get("href")) and _links_to(link, url)


def _date_link_to_page(el: etree._Element, url: str | None) -> bool:
    """`el` is (in) a link to the page itself, by its own address: a blog's date printed as the
    post's permalink ('<a class="date" href="…/post/141023345612/el-relojero">14 de marzo de
    2016</a>'), not another article's."""
    link = el if el.tag == "a" else next(el.iterancestors("a"), None)
    href = (link.get("href") or "").strip() if link is not None else ""
    # (a date's length: the post's title linked to itself is no permalink of a date)
    return bool(href) and not href.startswith("#") and len(text_of(link)) <= 40 and _links_to(link, url)


def _links_to(link: etree._Element, url: str | None) -> bool:
    """Whether the link points at the page `url`: an anchor on the page, or the same last
    path segment with the same query (`chi-tiet.aspx?ItemID=5` is not `…?ItemID=999`; `/` is
    the home page, not this one)."""
    if not url:
        return False
    href = (link.get("href") or "").split("#", 1)[0].strip()
    if not href:
        return True
    try:
        target, own = urlsplit(urljoin(url, href)), urlsplit(url)
    except ValueError:
        return False
    return target.path.rstrip("/").rsplit("/", 1)[-1] == own.path.rstrip("/").rsplit("/", 1)[-1] \
        and target.query == own.query


def find_category(doc: Doc, headline: str | None = None,
                  headline_el: etree._Element | None = None) -> str | None:
    for key in ("article:section",):
        if doc.meta.get(key):
            return doc.meta[key]
    value = doc.jsonld_value("articleSection")
    if value:
        return value
    found = trail = shallow = crumb_el = named_under = None
    for el in doc.hints("category"):
        hint = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("rel"))))
        if el.tag in SKIP_TAGS or not _CATEGORY_HINT.search(hint) or in_related_block(el):
            continue
        crumb = _BREADCRUMB.search(hint)
        if chrome_ancestor(el) and not crumb and not _labelled_in_article(el, headline_el):
            continue
        text = text_of(el)
        if len(text) > 150:            # a whole post marked "category-x", not a category label
            continue
        links = [clean(text_content(a)) for a in el.iter("a")] or [text]
        if not crumb and len(links) > 3:
            continue                   # a menu of the site's categories, not this page's
        names = [_without_category_label(n).strip(CRUMB_MARKS) for n in links]
        names = [n for n in names if n and n.lower() not in HOME and len(n) <= 60]
        if crumb and trail is None:
            trail = _text_leaf(text, headline)     # 'Trang chủ » Bảo vệ rừng': its last item
        if not names:
            continue
        if not crumb and len(names) == 1 and _CATEGORY_LABEL.match(text):
            return names[0]            # 'Danh mục: <a>X</a>' in the article's meta line: its own
        if not crumb and len(names) == 1 and _beside_a_date(el):
            # the article's meta row: '<td class="Category">X</td><td class="Time">…' (a label in a
            # language the list lacks before a colon: 'Kategorija: X')
            return names[0].split(":", 1)[1].strip() if ":" in names[0] and names[0].split(":", 1)[1].strip() \
                else names[0]
        if crumb:
            # the breadcrumb names the page's own place, over a box of category links met
            # before it (a side column's 'DANH MỤC' list)
            if trail is None or shallow is None:
                shallow = len(names) == 1          # 'Trang chủ › Tin tức': the section only
            trail = trail or _unlinked_leaf(el, headline) or names[-1]
        elif found is None:
            found = names[0]
            if crumb_el is not None and el.find(".//a") is None and 0 < doc.position(el) - doc.position(crumb_el) <= 6:
                named_under = names[0]  # an unlinked category line right under the breadcrumb
        if crumb and crumb_el is None:
            crumb_el = el
    if trail is not None and shallow and trail.lower() in _GENERIC_SECTIONS:
        # a breadcrumb that stops at the section, under an item that names its own category
        # ('Chuyên mục: Hoạt động chuyên môn' in its footer, a form's 'Chuyên mục' row)
        labelled = find_labelled(doc, _CATEGORY_LINE, None, labelled_category) \
            or find_cell_value(doc, _CATEGORY_CELL, None) or named_under
        if labelled and labelled.lower() != trail.lower():
            return labelled            # (... or an element its class names the category's, under
            #                            the breadcrumb: '<td class="chuyenmuc">Tin hoạt động</td>')
    if trail is not None or found is not None:
        return trail or found
    crumb = _text_breadcrumb(doc, headline) or _unlinked_crumb(headline_el, headline)
    if crumb is not None:
        return crumb
    return find_labelled(doc, _CATEGORY_LINE, None, labelled_category) \
        or find_cell_value(doc, _CATEGORY_CELL, None) \
        or find_labelled(doc, _POST_LABELS_LINE, None, _single_label) \
        or _section_name(doc, _section_bar(headline_el)) or _listed_category(doc) \
        or _category_link_under(doc, headline_el)


# an address naming a category's list by its path ('/category/phong-trao/', '/chuyen-muc/tin-tuc')
_CATEGORY_PATH = re.compile(r"/(?:category|categories|chuyen-muc|chuyenmuc|danh-muc|danhmuc|the-loai|theloai)"
                            r"/[^/?#]+/?(?:[?#]|$)", re.I)


def _category_link_under(doc: Doc, headline: etree._Element | None) -> str | None:
    """The first link to a category's list in the few elements right under the headline (a page
    builder's post-info line: a folder icon, then '<a href="/category/phong-trao/">Phong trào</a>'),
    never one in a menu or a list of links."""
    if headline is None or "/c" not in doc.source and "-muc" not in doc.source and "/the" not in doc.source:
        return None
    start = doc.position(headline)
    for el in islice(_following(headline), 40):
        if el.tag != "a" or not _CATEGORY_PATH.search(el.get("href") or ""):
            continue
        text = text_of(el)
        if 1 <= len(text.split()) <= 6 and doc.position(el) > start and not in_link_list(el) \
                and not chrome_ancestor(el) and not names_a_section(text):
            return text
    return None


def _following(el: etree._Element):
    """The elements after `el` in document order (not inside it)."""
    node = el
    while node is not None:
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str):
                yield sibling
                yield from (d for d in sibling.iterdescendants() if isinstance(d.tag, str))
        node = node.getparent()


# Joomla's addresses: the article's category by number ('…&catid=14:kinh-te&…'), and a link to
# that category's list ('index.php?option=com_content&view=category&id=14&Itemid=514')
_CATID = re.compile(r"[?&]catid=(\d+)")
_CATEGORY_VIEW_ID = re.compile(r"[?&](?:amp;)?id=(\d+)(?=[:&]|$)")


def _listed_category(doc: Doc) -> str | None:
    """The category an address names by number (Joomla's `catid`), as the page's link to that
    category's list (a menu item) names it."""
    own = _CATID.search(doc.url)
    if own is None or "view=category" not in doc.source:
        return None
    for a in doc.root.iter("a"):
        href = a.get("href") or ""
        if "view=category" not in href:
            continue
        m = _CATEGORY_VIEW_ID.search(href)
        if m is not None and m.group(1) == own.group(1):
            text = clean(text_of(a))
            if text and len(text.split()) <= 8 and text.lower() not in HOME:
                return text
    return None


def _section_name(doc: Doc, bar: str | None) -> str | None:
    """A bar over the headline that names a section, not the portal (a print view's header:
    'CỔNG THÔNG TIN ĐIỆN TỬ THỊ XÃ HOÀNG MAI', 'BÁO ĐIỆN TỬ ĐẢNG BỘ TỈNH PHÚ YÊN')."""
    if bar is None or not _PLAIN_SECTION.fullmatch(bar) or _PORTAL_NAME.match(bar) or _portal_name(doc, bar) \
            or bar.isupper() and len(bar.split()) >= 5 and _UNIT_NAME.match(bar):
        return None
    return bar


# an office's or a paper's name opening a line ('SỞ KẾ HOẠCH VÀ ĐẦU TƯ …', 'BÁO ĐIỆN TỬ …')
_UNIT_NAME = re.compile(r"^(?:" + alternation(labels.UNITS) + r")\s", re.I)


# the name of a portal's whole news section, where a breadcrumb stops above the item's category
_GENERIC_SECTIONS = frozenset(("tin tức", "tin tức - sự kiện", "tin tức – sự kiện", "tin tức sự kiện", "tin tức-sự kiện",
                               "tin bài", "bài viết", "tin", "news", "blog", "blogs", "tin hoạt động chung"))


def _labelled_in_article(el: etree._Element, headline: etree._Element | None) -> bool:
    """A short 'Chuyên mục: <a>X</a>' line in the article's own footer (a blog entry's
    'widget-footer'): inside the block that holds the headline, six levels up at most."""
    if headline is None or len(el) > 3 or not _CATEGORY_LABEL.match((el.text or "").lstrip()):
        return False
    for block in islice(el.iterancestors(), 6):
        if block.tag in ("body", "html"):
            return False
        if headline in block.iterdescendants():
            return True
    return False


def _beside_a_date(el: etree._Element) -> bool:
    """`el` shares a short row with a date (the article's own meta line), not a menu."""
    parent = el.getparent()
    if parent is None:
        return False
    row = text_of(parent)
    return len(row) <= 120 and _date_like(row) and _date_like(row.replace(text_of(el), " "))


def _section_bar(headline: etree._Element | None) -> str | None:
    """The styled bar printed over a hand-made page's headline in a smaller type (see
    _larger_title_after): the section's name."""
    node = headline
    for _ in range(4):
        if node is None:
            return None
        label = node.getprevious()
        while label is not None and (not isinstance(label.tag, str) or label.tag in SKIP_TAGS):
            label = label.getprevious()
        if label is not None:
            text = text_of(label)
            if not text or (node.tail or "").strip() or any(True for _ in label.iter("a", "img")):
                return None
            if _is_styled_title(label, text) or _short_emphasized(label, text):
                title = _larger_title_after(label)
                if title is not None and (title is headline or headline in title.iterdescendants()):
                    return text
            elif 1 <= len(text.split()) <= 6 and _PLAIN_SECTION.fullmatch(text) \
                    and (label.tag == "font" or label.find(".//font") is not None) \
                    and _type_size(label) < _type_size(node):
                return text            # in a smaller type, not bold (<font size="1">Kinh tế</font>
                #                        over <font size="4"><b>Headline</b></font>)
            return None
        node = node.getparent()
    return None


# a section's name: words and the dashes or commas between them, no figure, label or trail
_PLAIN_SECTION = re.compile(r"[^\W\d_][\w\s,&'’\-–]*[^\W\d_]", re.U)


_CRUMB_SEPARATOR = re.compile(r"\s*[»›>|]\s*|\s+/\s+")    # not the '/' of a date ('8/3')


def _text_leaf(text: str, headline: str | None) -> str | None:
    """A breadcrumb's last item read from its text, when it is printed after its parents'
    links without an element of its own ('<a>Trang chủ</a> &gt; Hoạt động nhân đạo')."""
    items = [i.strip() for i in _CRUMB_SEPARATOR.split(_COUNT_AT_END.sub("", text)) if i.strip()]
    if len(items) < 2 or items[0].lower() not in HOME:
        return None
    return _leaf_name(_without_category_label(items[-1]).strip(), headline)


# the article's view count printed at the end of the breadcrumb's bar ('Trang chủ » Thông tin dịch
# bệnh   Lượt xem: 1.234'): not part of the trail
_COUNT_AT_END = re.compile(r"(?:" + alternation(labels.VIEWS) + r")\s*[:：]\s*\d[\d.,]{0,14}\s*$", re.I)


_CRUMB_REST = re.compile(r"^[\s»›>/|\-–—:·•]*$")
_CRUMB_ARROW = re.compile(r"[»›>/]")


def _text_breadcrumb(doc: Doc, headline: str | None) -> str | None:
    """A breadcrumb no class names: 'Trang chủ > Tin tức > Tin hoạt động', links joined by
    separators and starting with the home page; its last item (or its unlinked leaf)."""
    for a in doc.root.iter("a"):
        if clean(text_content(a)).lower() not in HOME:
            continue
        trail = a.getparent()
        for _ in range(2):
            if trail is None or len(text_of(trail)) > 200:
                break
            links = list(trail.iter("a"))
            if 2 <= len(links) <= 6:
                rest = text_of(trail)
                for link in links:
                    rest = rest.replace(clean(text_content(link)), "", 1)
                if _CRUMB_REST.match(rest) and _CRUMB_ARROW.search(rest):   # a menu has no arrows
                    name = clean(text_content(links[-1]))
                    if name and name.lower() not in HOME and len(name) <= 60 and \
                            not (headline and name == headline):
                        return name
                    break
            trail = trail.getparent()
    return None


def _unlinked_crumb(headline_el: etree._Element | None, headline: str | None) -> str | None:
    """A breadcrumb printed as plain text just above the headline ('Trang chủ &gt;&gt; Hoạt động
    chuyên môn' in a <font> of an old table layout, no link in it): its last item. The lines
    before the headline's element, its parents' and theirs (five levels, two lines each)."""
    node = headline_el
    for _ in range(5):
        if node is None or node.tag in ("body", "html"):
            return None
        prev, seen = node.getprevious(), 0
        while prev is not None and seen < 2:
            if isinstance(prev.tag, str) and prev.tag not in SKIP_TAGS:
                text = text_of(prev)
                if text:
                    seen += 1
                    if len(text) <= 200 and prev.find(".//a") is None:
                        leaf = _text_leaf(text, headline)
                        if leaf:
                            return leaf
            prev = prev.getprevious()
        node = node.getparent()
    return None


# the category printed with its label: 'Chủ đề: <a>Y tế</a>' (PHP-Nuke's topic), 'Chuyên mục: …'
_CATEGORY_LINE = re.compile(r"^\s*(?:" + alternation(labels.CATEGORY) + r")\s*[:：]\s*\w", re.I)
_POST_LABELS_LINE = re.compile(r"^\s*(?:" + alternation(labels.POST_LABELS) + r")\s*[:：]\s*\w", re.I)
_CATEGORY_CELL = re.compile(r"^\s*(?:" + alternation(labels.CATEGORY) + r")\s*[:：]?\s*$", re.I)
_LINE_LABEL = re.compile(r"^\s*(?:" + alternation(labels.CATEGORY, labels.POST_LABELS) + r")\s*[:：]\s*", re.I)


def labelled_category(el: etree._Element) -> str | None:
    text = _LINE_LABEL.sub("", text_of(el)).strip(CRUMB_MARKS)
    return text if text and len(text) <= 60 and len(text.split()) <= 8 else None


def _single_label(el: etree._Element) -> str | None:
    """A blog post's labels line read as its category when it names one label ('Nhãn: <a>Tin
    hoạt động</a>'); several labels are tags, none of them the category."""
    links = list(islice(el.iter("a"), 2))
    if len(links) > 1 or (not links and "," in text_of(el)):
        return None
    return labelled_category(el)


def _unlinked_leaf(crumb: etree._Element, headline: str | None) -> str | None:
    """The breadcrumb's last item when it is printed without a link (<li class="active">Thông
    báo</li>): the page's own category, the leaf under the linked parents, unless it is the
    article's title (or as long as one). A breadcrumb that is no list holds its items as its
    own children (<a>Home</a> / <a>News</a> / <span>News - Events</span>)."""
    items = [li for li in crumb.iter("li")] or [el for el in crumb if isinstance(el.tag, str)
                                                 and el.tag not in SKIP_TAGS]
    if len(items) < 2:
        return None
    last = items[-1]
    if next(last.iter("a"), None) is not None:
        return None
    return _leaf_name(_without_category_label(text_of(last)).strip(CRUMB_MARKS), headline)


def _leaf_name(text: str, headline: str | None) -> str | None:
    """A breadcrumb's last item as the category: a short name, not the home page, not the
    article's title (or most of it) that some trails end with."""
    if not text or len(text) > 60 or len(text.split()) > 8 or text.lower() in HOME:
        return None
    if text.endswith(("...", "…")):
        return None                    # the title cut short ('Thông báo tạm dừng hoạt động chợ đêm...')
    if headline and (headline in text or (text in headline and 2 * len(text) > len(headline))):
        return None                    # the title (or most of it), not a category it mentions
    return text


_BREADCRUMB = re.compile(r"breadcrumb|duong-?dan|path|crumb", re.I)
# what a breadcrumb's item may print around its name: the trail's arrows and separators
CRUMB_MARKS = " »›>|/-"
_CATEGORY_HINT = re.compile(r"breadcrumb|duong-?dan|crumb|categor|chuyen-?muc|cat-links|"
                            r"danh-?muc|\bcate\b|catname|cat-name|section-name|tieudechuyenmuc|"
                            r"(?:^|[\s_-])(?:path|pathway|cat|menu-?path|sitepath)(?:$|[\s_-])|"
                            r"^category tag$", re.I)
_CATEGORY_LABEL = re.compile(r"^\s*(?:" + alternation(labels.CATEGORY, ("category",)) + r")\s*[:：]?\s*", re.I)
def _without_category_label(text: str) -> str:
    """The category's name without its label ('Chuyên mục: Tin tức', 'Danh mục Tin tức' -> 'Tin
    tức'); a name that opens with the label's word in lower case keeps it ('Chuyên mục phát thanh':
    a radio programme's own name)."""
    m = _CATEGORY_LABEL.match(text)
    if m is None:
        return text
    rest = text[m.end():]
    if ":" in m.group(0) or "：" in m.group(0) or not rest or not rest[0].isalpha() or rest[0].isupper():
        return rest
    return text


# the home page's name in a breadcrumb or a menu: never a category
HOME = ("trang chủ", "home", "trang chu", "trang nhất")


_LEAD_HINT = re.compile(r"sapo|summary|tomtat|tom-tat|hometext|mo-ta|mota|description|lead|"
                        r"trich-dan|trichdan|intro|excerpt|abstract|teaser|standfirst|"
                        r"(?:^|[\s_-])(?:dek|deck|lede|chapo|chapeau|entradilla|sommario|bajada|copete|"
                        r"sumario|linha-fina|occhiello)(?:$|[\s_-])", re.I)


def find_summary(doc: Doc, body: etree._Element | None,
                 headline: etree._Element | None = None) -> etree._Element | None:
    """A separate lead element (sapo) outside the body container, between the headline and
    the body."""
    start = doc.position(headline) if headline is not None else -1
    end = doc.position(body) if body is not None else 1 << 30
    for el in doc.hints("lead"):
        hint = (el.get("class") or "") + " " + (el.get("id") or "")
        if not _LEAD_HINT.search(hint) or in_link_list(el):
            continue
        if headline is None and (_site_name(el) or chrome_ancestor(el, body)):
            continue                   # the site's description under its logo ('site-description')
        if el.tag in ("figure", "img", "picture") or next(el.iter("figcaption"), None) is not None:
            continue                   # a lead picture ("se-lead"): its caption is no summary
        if not start < doc.position(el) < end + 1 and not (body is not None and el in body):
            continue
        if body is not None and (el is body or body in el.iterancestors() or el in body.iterancestors()):
            continue
        text = text_of(el)
        if len(text.split()) >= 8:
            return el
    if body is not None:
        labelled = _summary_row(body)
        if labelled is not None:
            return labelled
    if body is not None and headline is not None:
        return _lead_before(doc, body, headline)
    return None


# a form's summary field ('Tóm tắt', 'Trích yếu'): a SharePoint list item's display form
_SUMMARY_CELL = re.compile(r"^\s*(?:tóm tắt|trích yếu|tóm tắt nội dung|mô tả|sapo|summary|abstract)\s*[:：]?\s*$", re.I)


def _summary_row(body: etree._Element) -> etree._Element | None:
    """The value of a 'Tóm tắt' row above the row whose value cell holds the text, in a form of
    labelled rows (a SharePoint list's DispForm.aspx: 'Tiêu đề', 'Tóm tắt', 'Nội dung', …)."""
    cell = next((a for a in self_and_ancestors(body) if a.tag == "td"), None)
    row = cell.getparent() if cell is not None else None
    if row is None or row.tag != "tr":
        return None
    for _, prev in zip(range(6), row.itersiblings("tr", preceding=True)):
        cells = [c for c in prev if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if len(cells) == 2 and _SUMMARY_CELL.match(text_of(cells[0])) and len(text_of(cells[1]).split()) >= 8:
            return cells[1]
    return None


_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)|font-size\s*:", re.I)


def _lead_before(doc: Doc, body: etree._Element, headline: etree._Element) -> etree._Element | None:
    """The lead rule: a short bold or styled paragraph between the headline and the body
    container belongs to the article (it is its summary), not to the page around it."""
    start = doc.position(headline)
    node = body
    for _ in range(3):
        prev, seen = node.getprevious(), 0
        while prev is not None and seen < 4:
            if isinstance(prev.tag, str) and prev.tag not in SKIP_TAGS:
                if prev is headline or headline in prev.iterdescendants() \
                        or doc.position(prev) < start:
                    return None
                text = text_of(prev)
                if text:
                    if is_lead(prev, text):
                        return prev
                    seen += 1
            prev = prev.getprevious()
        node = node.getparent()
        if node is None or node.tag in ("body", "html") or \
                (headline is not None and node in headline.iterancestors() and
                 node.getprevious() is None):
            return None
    return None


def is_lead(el: etree._Element, text: str) -> bool:
    words = word_count(text)
    if not 8 <= words <= 90 or el.tag not in ("p", "div", "h2", "h3", "h4", "strong", "b", "span"):
        return False
    if _DATE_HINT.search(text[:40]) and words < 14 or AUTHOR_LINE.match(text):
        return False
    if any(True for _ in el.iter("a", "img", "table", "ul", "ol")):
        return False
    if _BOLD_STYLE.search(el.get("style") or "") or el.tag in ("strong", "b"):
        return True
    bold = sum(len(clean(text_content(b))) for b in el.iter("strong", "b")
               if not any(a.tag in ("strong", "b") for a in b.iterancestors() if a is not el))
    return bold >= 0.9 * len(text)
