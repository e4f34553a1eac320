"""A parsed page and what every extractor asks of it, computed once and shared."""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import deque
from itertools import accumulate, count
from contextlib import contextmanager
from functools import cached_property, lru_cache

from lxml import etree

from . import labels
from .dates import BIDI, BIDI_MARKS, FOREIGN_DIGIT, HAS_MONTH, SCRIPT_DIGITS
from .text import _PAGE, REMEMBERED_TEXT, clean, hidden_by, is_hidden, self_and_ancestors, text_content, text_of

_WORD = re.compile(r"\w+")
_POSITION = etree.XPath("count(preceding::*) + count(ancestor::*)")


# Substring tests (C-speed) decide which finder may care about a text or a class name.
_TEXT_WORDS = {
    "view": ("xem", "đọc", "truy cập bài", "truy cập tin", "view", "hits", "aufrufe", "gelesen", "vues", "lectures"),
    "counter": ("truy c", "online", "thống kê", "bộ đếm", "visitor", "hôm nay", "đang xem", "today", "ghé thăm",
                "xem trang", "pageviews"),
    "label": ("tác giả", "nguồn", "theo ", "viết bởi", "người viết", "đăng bởi", "người đăng",
              "source", "by ", "bởi", "thực hiện", "trả lời", "chủ đề", "chuyên mục", "nhãn:", "labels:", "von ", "par ", "por ", "door ",
              "by:", "von:", "par:", "por:", "door:", "беседовал", "propos recueillis", "text:", "teksti:", "текст:", "мәтін:", "matn:",
              "texte:", "texto:", "testo:", "tekst:", "story by", "words by", "words:", "reporting by",
              "作者", "记者", "記者", "文/", "文／", "文：", "文:", "di ", "av ", "af ", "autor",
              "auteur", "автор", "nội dung", "bài:", "author", "tekstur:", "geschreven", "scritto", "escrito",
              "écrit", "oleh", "penulis", "pewarta", "wartawan", "reporter", "haber", "muhabir",
              "기자", "특파원", "συντάκτ", "γράφει", "โดย", "글 ", "글·", "na ", "מאת", "του ", "της ", "zpracoval", "napsal", "deur ", "minn ", "pa ", "isinulat ni", "sinulat ni", "ulat ni",
              "szerző", "beküldte", "kirjoittaja", "γράφτηκε", "piše", "höfundur", "написано от", "scris de", "müəllif", "muallif", "yazar", "ka ", "troch ", "ngu-", "نوشته شده توسط", "نویسنده", "توسط ", "writer:", "qore:",
              "៖",                     # (the Khmer colon: a Khmer edition's credits and source)
              # the writers' credits and a board view's label cells, as labels.py lists them
              *labels.WRITER_CREDIT, *labels.WRITER_CREDIT_SPACED, *labels.TITLE_CELL, *labels.AUTHOR_CELL,
              *labels.CATEGORY),
    # a repost's note of its original's day ('Ngày đăng gốc:', 'Bài đăng lại từ …, xuất bản lúc …'):
    # a fragment of each of labels.DATE_ORIGINAL and labels.REPOSTED_FROM (fewer searches; the
    # finder's pattern reads the labels whole)
    "original": ("gốc", "lần đầu", "lại từ", "riginal", "first published", "ursprünglich", "erstveröff",
                 "initialement", "originariamente", "republished", "reposted"),
}
# (the same matches as `\d\s?[/.\-]\s?\d|tháng|thg 8|\d\s?[年년]`, written to start with a class, so
# that the search skips at C speed to a digit or a 't' instead of trying every alternative at
# every character)
_DATE_QUICK = re.compile(r"[\dt元](?:(?<=\d)\s?[/.\-]\s?\d|(?<=t)h(?:áng|g\.?\s?\d)|(?<=[\d元])\s?[年년])")
# the digits of other scripts and a right-to-left page's bidirectional marks (which wrap each token
# of its dates): seen by the date searches as ASCII digits and spaces, the text's length unchanged
_FOREIGN = re.compile(f"{FOREIGN_DIGIT.pattern}|{BIDI.pattern}")
_DATE_VIEW = str.maketrans({**SCRIPT_DIGITS, **dict.fromkeys(BIDI_MARKS, " ")})


def date_view(text: str) -> str:
    return text.translate(_DATE_VIEW) if _FOREIGN.search(text) else text


# a year 19xx/20xx not inside a longer number; the look-behind follows the first two digits
# (the same matches as `(?<!\d)(?:19|20)\d\d(?!\d)`, three times faster: the search can skip to
# a 1 or a 2 instead of trying the look-behind at every character)
_YEAR = re.compile(r"(?:19|20|25|13|14)(?<!\d..)\d\d(?!\d)")   # 25xx: Thai Buddhist era; 13xx-14xx: Solar Hijri
_HINT_WORDS = {
    "title": ("title", "tieude", "tieu-de", "headline", "heading", "ten-bai", "tenbai", "subject", "subj-link"),
    "author": ("author", "tacgia", "tac-gia", "byline", "writer", "signature", "signatura", "nguoiviet",
               "nguoi-viet", "butdanh", "but-danh", "reporter", "creator", "autor", "auteur",
               "verfasser", "yazar", "penulis", "muhabir", "szerzo", "forfatter", "skribent", "tekijä", "autore",
               "columnist", "__by", "-by"),    # ('sb-by', 'pubinfo__by': the byline's BEM element)
    "lead": ("sapo", "summary", "tomtat", "tom-tat", "hometext", "mo-ta", "mota", "description",
             "lead", "trich-dan", "trichdan", "intro", "excerpt", "abstract", "teaser",
             "standfirst", "dek", "deck", "lede", "chapo", "chapeau", "entradilla", "sommario"),
    "category": ("crumb", "duong-dan", "duongdan", "categor", "chuyen-muc", "chuyenmuc",
                 "cat-links", "danh-muc", "danhmuc", "cat", "path", "section-name"),
    "dateprop": ("datepublished", "datecreated"),
}
_COUNTER_SRC = re.compile(r"count|digit|/so/|demso|(?:^|[/_-])\d\.(?:png|gif|jpe?g|bmp|svg|webp)"
                          r"|(?:^|/)[a-z]{0,6}[_-]?\d[_-](?!thumb|small|large|medium|crop|resize|mini|big)[a-z]{1,10}"
                          r"\.(?:png|gif|jpe?g|bmp|svg|webp)", re.I)
_SKIP = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "video", "audio",
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
        self.breaks: dict[etree._Element, int] = {}       # <br>s directly in a block's text
        self.order: dict[etree._Element, int] = {}
        self.hidden: set[etree._Element] = set()          # inside a hidden element


def _add(group: list, owner: etree._Element) -> None:
    if not group or group[-1] is not owner:
        group.append(owner)


_INLINE_UP = frozenset({"span", "b", "strong", "i", "em", "u", "font", "small", "big", "sup", "sub",
                        "label", "abbr", "time", "mark", "s", "strike", "cite", "q", "code", "o:p"})
_LOOSE_WRAPPERS = frozenset({"font", "span"})
_HIDDEN_CANDIDATES = etree.XPath("//*[@style or @hidden or @aria-hidden or @class]")



def hidden_elements(root: etree._Element, source: str = "") -> set[etree._Element]:
    """Every element inside a hidden one (`is_hidden`: display:none, hidden, aria-hidden, a
    framework's hiding class; or a class the page's own stylesheet hides, `css_hidden_classes`):
    not the page's visible text (a print copy, a popup's template, a collapsed duplicate, a
    phone's copy of the meta line). The same set as the index's own walk finds."""
    if source and not _names_hiding(source):
        return set()
    styled = css_hidden_classes(source)
    hidden: set[etree._Element] = set()
    for el in _HIDDEN_CANDIDATES(root):
        if el not in hidden and el.tag not in ("html", "body") and (
                is_hidden(el) or styled and styled_class(el.get("class"), styled)):
            hidden.update(el.iter())
    return hidden


def styled_class(cls: str | None, styled: frozenset[str]) -> bool:
    """A class attribute naming one of the classes `css_hidden_classes` found."""
    return bool(cls) and any(name in styled for name in cls.split())


_STYLE_BLOCK = re.compile(r"<style\b[^>]{0,300}>(.*?)</style\s*>", re.I | re.S)
_CLASS_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")       # (fullmatch: a selector of one class)
_DISPLAY = re.compile(r"(?:^|[;{\s])display\s*:\s*([a-z-]+)", re.I)
MAX_PAGE_CSS = 200_000                 # characters of a page's <style> blocks read, at most
_HIDING_RULE = re.compile(r"\.(-?[_a-zA-Z][\w-]{0,80})[ \t]{0,4}\{[^{}]{0,2000}?display[ \t]{0,4}:[ \t]{0,4}none")
_SHOWING_RULE = re.compile(r"\.(-?[_a-zA-Z][\w-]{0,80})[ \t]{0,4}\{[^{}]{0,2000}?display[ \t]{0,4}:[ \t]{0,4}(?!none)[a-z]")


@lru_cache(maxsize=64)
def css_hidden_classes(source: str) -> frozenset[str]:
    """Classes of a responsive twin the page's own <style> hides on a desktop screen: a rule of
    a single class outside any @media block says `display: none`, and a rule of an @media block
    for narrow screens (max-width) shows the same class ('.only-mobile{display:none}
    @media (max-width:991px){.only-mobile{display:flex}}'): the phone's copy of a meta line or
    a menu. Less the classes another rule shows on every screen ('.x.active{display:block}').
    A class hidden with no such twin is left alone: the page's text is what its markup holds,
    whatever a stylesheet of unknown purpose does with it. Empty for most pages."""
    if "<style" not in source and "<STYLE" not in source:
        return frozenset()
    if "@media" not in source or "max-width" not in source:
        return frozenset()
    css = "".join(m.group(1) for m in _STYLE_BLOCK.finditer(source))[:MAX_PAGE_CSS]
    # (two scans in C first: a class some rule hides and some rule shows, else nothing to read)
    hides = {m.group(1) for m in _HIDING_RULE.finditer(css)}
    if not hides or not hides & {m.group(1) for m in _SHOWING_RULE.finditer(css)}:
        return frozenset()
    hidden, shown, narrow_shown = set(), set(), set()
    depth, start, prelude = 0, 0, None          # prelude: the at-rule whose block we are in
    i, n = 0, len(css)
    while i < n:
        char = css[i]
        if char == "{":
            selector = css[start:i]
            if depth == 0 and selector.lstrip().startswith("@"):
                prelude = selector.lower()     # (@media, @supports, @font-face: its block)
                depth, start, i = 1, i + 1, i + 1
                continue
            close = css.find("}", i + 1)
            if close < 0:
                break
            inner = css[i + 1:close]
            display = _DISPLAY.search(inner) if "{" not in inner else None
            if display is not None:
                value = display.group(1).lower()
                for part in selector.split(","):
                    plain = _CLASS_SELECTOR.fullmatch(part.strip())
                    if prelude is None:
                        if value == "none":
                            if plain:
                                hidden.add(plain.group(1))
                        else:
                            shown.update(_CLASS_SELECTOR.findall(part))
                    elif value != "none" and plain and "max-width" in prelude:
                        narrow_shown.add(plain.group(1))
            i = start = close + 1
            continue
        if char == "}":
            depth = max(0, depth - 1)
            if depth == 0:
                prelude = None
            start = i + 1
        i += 1
    return frozenset((hidden & narrow_shown) - shown)


def _names_hiding(source: str) -> bool:
    """Whether the page names a way of hiding an element (`is_hidden`'s: "display", "hid"
    (hidden, hide), "visib" (visibility, invisible), "d-none" and "-none" (d-md-none), "only" (sr-only),
    "screen-reader", "accessible") in `source.lower()`. The same as an ASCII-only
    case-insensitive search (no other character lower-cases to a letter of them, but 'İ' to
    'i' + a combining dot, which no letter of them follows), so it is asked of the UTF-8 bytes
    lower-cased (ASCII only: several times faster than lower-casing Vietnamese text)."""
    low = source.encode("utf-8", "surrogatepass").lower()
    return any(word in low for word in _HIDING_WORDS)


# (the word pages print first and most often first: the test stops at the first one found;
# 'hid' is in every form's hidden input)
_HIDING_WORDS = (b"hid", b"display", b"screen-reader", b"only", b"visib", b"d-none", b"accessible",
                 b"-none")


_SPECIAL = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "time": "time",
            "br": "br", "img": "img"}


def build_index(root: etree._Element, source: str = "",
                hidden: set[etree._Element] | None = None) -> Index:
    """The whole index in one walk. Which texts and names belong to the text and hint groups is
    decided after the walk, by substring and pattern searches over the collected short texts
    and names joined into one string each (`ShortTexts`, `HintAttrs`: the same groups, in the
    same order), not by tests of every text and element for every word."""
    idx = Index()
    order = idx.order
    paragraphs = idx.paragraphs
    # hidden elements found in the walk itself (what `hidden_elements` finds, in the same
    # document order), unless the caller knows them or the page names no way of hiding
    find_hidden = hidden is None and (not source or _names_hiding(source))
    styled = css_hidden_classes(source) if find_hidden and source else frozenset()
    if hidden is None:
        hidden = set()
    idx.hidden = hidden
    pieces: list[str] = []
    owners: list[etree._Element] = []
    hinted: list[etree._Element] = []
    names: list[str] = []
    take = _taker(pieces, owners, paragraphs)
    special = _SPECIAL.get
    order.update(zip(root.iter(etree.Element), count()))      # document order, counted in C
    # (whitespace-only texts, half of a page's, are passed over here: `take` drops them)
    for el in root.iter(etree.Element):
        tag = el.tag
        # the attributes read once (a quarter of the elements have none), for the hidden test
        # (`is_hidden`'s) and the hint names
        attributes = el.items()
        if attributes:
            cls = ident = itemprop = rel = style = hides = aria = None
            for key, value in attributes:         # the first of a name, as get() reads
                if key == "class":
                    if cls is None:
                        cls = value
                elif key == "id":
                    if ident is None:
                        ident = value
                elif key == "style":
                    if style is None:
                        style = value
                elif key == "itemprop":
                    if itemprop is None:
                        itemprop = value
                elif key == "rel":
                    if rel is None:
                        rel = value
                elif key == "hidden":
                    if hides is None:
                        hides = value
                elif key == "aria-hidden":
                    if aria is None:
                        aria = value
            if find_hidden and el not in hidden and tag not in ("html", "body") and (
                    hidden_by(el, style, hides, aria, cls) or styled and styled_class(cls, styled)):
                hidden.update(el.iter())
        if tag in _SKIP or (hidden and el in hidden):  # code, or not shown: only their tails are text
            tail = el.tail
            if tail and not tail.isspace():
                parent = el.getparent()
                if parent not in hidden:
                    take(tail, parent)
            continue
        kind = special(tag)
        if kind is None:
            pass
        elif kind == "heading":
            idx.headings.append(el)
        elif kind == "time":
            idx.times.append(el)
        elif kind == "br":
            block = el.getparent()
            top = None
            while block is not None and block.tag in _INLINE_UP:
                top, block = block, block.getparent()
            if block is not None and block.tag == "body" and top is not None and top.tag in _LOOSE_WRAPPERS:
                block = top            # (a bare page's <font> around its text: see `_taker`)
            if block is not None:
                idx.breaks[block] = idx.breaks.get(block, 0) + 1
        elif _COUNTER_SRC.search(el.get("src") or ""):
            idx.digit_images.append(el)
        if attributes:
            extra = itemprop or rel
            if cls or ident or extra:
                hinted.append(el)
                names.append(_hint_name(cls, ident, extra))
        text = el.text
        if text and not text.isspace():
            take(text, el)
        tail = el.tail
        if tail and not tail.isspace():
            take(tail, el.getparent())
    # hidden texts and names were never collected; each group is found when first asked
    idx.text = _Groups(ShortTexts.of(pieces, owners))
    idx.hints = _Groups(HintAttrs.of(hinted, names))
    return idx


def _hint_name(cls: str | None, ident: str | None, extra: str | None) -> str:
    """An element's class, id and itemprop (else rel) as the hint groups read them: joined by
    spaces, the empty ones left out (most elements have a class alone)."""
    if not ident and not extra and cls:
        return cls
    return " ".join(filter(None, (cls, ident, extra)))


class _Groups(dict):
    """The index's text or hint groups by name, each found when a finder first asks for it
    (many pages never ask for some of them)."""

    def __init__(self, source: "ShortTexts | HintAttrs") -> None:
        super().__init__()
        self.source = source

    def __missing__(self, name: str) -> list[etree._Element]:
        group = self[name] = self.source.group(name, _NOTHING_HIDDEN)
        return group


_NOTHING_HIDDEN: frozenset = frozenset()


class _HiddenUp:
    """Whether an element is inside a hidden one, asked only of the few elements a partial
    build keeps (the same answer as membership in `hidden_elements`, without walking the whole
    tree for it)."""

    def __init__(self, hidden: set[etree._Element] | None, styled: frozenset[str] = frozenset()) -> None:
        self.hidden = hidden
        self.styled = styled           # the classes the page's own stylesheet hides on a desktop
        # the answers are the tree's alone: shared by every group of the page (inside
        # `page_scope`), so the ancestors the groups' elements share are judged once
        known = page_cached(("hidden-up", styled), dict) if hidden is None else None
        self.known: dict[etree._Element, bool] = known if known is not None else {}

    def __call__(self, el: etree._Element | None) -> bool:
        if el is None:
            return False
        if self.hidden is not None:
            return el in self.hidden
        known = self.known.get(el)
        if known is None:
            parent = el.getparent()
            known = (el.tag not in ("html", "body") and (
                is_hidden(el) or bool(self.styled) and styled_class(el.get("class"), self.styled))) or self(parent)
            self.known[el] = known
        return known


def _joined(pieces: list[str]) -> tuple[str, list[int]]:
    """The pieces lower-cased and joined by NULs (which no word or date pattern holds, so no
    match spans two pieces), and where each piece starts."""
    low = "\x00".join(pieces).lower()
    if len(low) != sum(map(len, pieces)) + max(len(pieces) - 1, 0):
        pieces = [p.lower() for p in pieces]          # a letter whose lower case is longer
        low = "\x00".join(pieces)
    return low, list(accumulate((len(p) + 1 for p in pieces), initial=0))


_TRIE_WORDS = 32                 # from this many words on, one trie scan beats a find per word


def _pieces_with(low: str, starts: list[int], words: tuple[str, ...]) -> set[int]:
    """The pieces that hold one of `words` (plain substrings). For many words, one scan of
    `low` by a regex that matches exactly where one of the words starts (`_any_word`: no word
    holds a NUL, so a match never spans two pieces, and a piece holding a word has a match
    starting in it), resumed at the next piece after each hit, instead of a find per word."""
    found: set[int] = set()
    if len(words) < _TRIE_WORDS:       # a few words: a C find for each is cheaper
        for word in words:
            at = low.find(word)
            while at >= 0:
                piece = bisect_right(starts, at) - 1
                found.add(piece)
                at = low.find(word, starts[piece + 1])
        return found
    search = _any_word(words)
    last = len(starts) - 1
    match = search(low)
    while match is not None:
        piece = bisect_right(starts, match.start()) - 1
        found.add(piece)
        if piece + 1 >= last:
            break
        match = search(low, starts[piece + 1])
    return found


@lru_cache(maxsize=64)
def _any_word(words: tuple[str, ...]):
    """A search for any of `words` as a literal (no flags: the exact characters), the words
    as a trie (`a(?:b|c)`, not `ab|ac`): a position is tried against the few words that start
    with its character, not against every word. A word that holds another as its start is
    dropped: wherever it is found, so is the shorter one."""
    trie: dict = {}
    for word in sorted(set(words), key=len):
        node = trie
        for char in word:
            if node.get("") is True:
                break                  # a shorter word ends here: this one adds no match
            node = node.setdefault(char, {})
        else:
            node.clear()
            node[""] = True
    return re.compile(_trie_pattern(trie)).search


def _trie_pattern(node: dict) -> str:
    if node.get("") is True:
        return ""
    branches = []
    for char, child in node.items():
        literal = re.escape(char)
        while child.get("") is not True and len(child) == 1:
            (char, child), = child.items()
            literal += re.escape(char)
        branches.append(literal + _trie_pattern(child))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class PageAttrs:
    """The class, id and itemprop (else rel) of every element that has one of them, in document
    order: gathered in one walk per page for both that read them, the profiles' class/id index
    (`profile.NameIndex`) and the hint groups (`HintAttrs`), which each walked the whole tree
    for it before."""

    def __init__(self, root: etree._Element) -> None:
        self.elements: list[etree._Element] = []
        self.classes: list[str | None] = []
        self.ids: list[str | None] = []
        self.extras: list[str | None] = []
        add, add_class, add_id, add_extra = (self.elements.append, self.classes.append,
                                             self.ids.append, self.extras.append)
        for el in root.iter(etree.Element):
            attributes = el.items()        # one call per element (most have none or one)
            if not attributes:
                continue
            cls = ident = itemprop = rel = None
            for key, value in attributes:         # the first of a name, as get() reads
                if key == "class":
                    if cls is None:
                        cls = value
                elif key == "id":
                    if ident is None:
                        ident = value
                elif key == "itemprop":
                    if itemprop is None:
                        itemprop = value
                elif key == "rel":
                    if rel is None:
                        rel = value
            extra = itemprop or rel
            if cls is not None or ident is not None or extra:
                add(el)
                add_class(cls)
                add_id(ident)
                add_extra(extra)

    @staticmethod
    def of_page(root: etree._Element) -> "PageAttrs":
        """The page's table (once per page inside `page_scope`; else walked for the caller)."""
        return page_cached(("page-attrs", root), lambda: PageAttrs(root)) or PageAttrs(root)


class HintAttrs:
    """The elements that carry a class, id, itemprop or rel (code elements left out), with
    their names joined as the hint groups read them: gathered once per page, each group then
    found by substring searches over one string instead of a test per element and word."""

    @classmethod
    def of(cls, elements: list[etree._Element], names: list[str]) -> "HintAttrs":
        attrs = cls.__new__(cls)
        attrs.elements = elements
        attrs.low, attrs.starts = _joined(names)
        return attrs

    def __init__(self, root: etree._Element) -> None:
        elements: list[etree._Element] = []
        names: list[str] = []
        attrs = PageAttrs.of_page(root)
        for el, cls, ident, extra in zip(attrs.elements, attrs.classes, attrs.ids, attrs.extras):
            if (cls or ident or extra) and el.tag not in _SKIP:
                elements.append(el)
                names.append(_hint_name(cls, ident, extra))
        self.elements = elements
        self.low, self.starts = _joined(names)

    def group(self, name: str, hidden: set[etree._Element] | None,
              styled: frozenset[str] = frozenset()) -> list[etree._Element]:
        elements = self.elements
        hits = sorted(_pieces_with(self.low, self.starts, _HINT_WORDS[name]))
        if hidden is not None and not hidden:
            return [elements[i] for i in hits]      # nothing is hidden on the page
        in_hidden = _HiddenUp(hidden, styled)
        return [elements[i] for i in hits if not in_hidden(elements[i])]


def build_hint_group(root: etree._Element, hidden: set[etree._Element] | None, name: str,
                     attrs: HintAttrs | None = None, styled: frozenset[str] = frozenset()) -> list:
    """One hint group of the index alone (the same list), from the elements that carry a
    class, id, itemprop or rel: what the fallbacks of a profiled page ask for."""
    return (attrs or HintAttrs(root)).group(name, hidden, styled)


SHORT_TEXT = 240                 # labels, counts and timestamps live in texts this short


class ShortTexts:
    """Every text of the page that a text group could hold, in the index's order (an
    element's own text, unless it is code, then its tail, credited to its parent), with its
    owner: whitespace-only texts and long ones (prose) left out. Gathered once per page; each
    group is then found by substring or pattern searches over one joined string, and only the
    texts they hit are tested as the index tests them."""

    @classmethod
    def of(cls, pieces: list[str], owners: list[etree._Element]) -> "ShortTexts":
        texts = cls.__new__(cls)
        texts.pieces, texts.owners = pieces, owners
        return texts

    def __init__(self, root: etree._Element) -> None:
        pieces: list[str] = []
        owners: list[etree._Element] = []
        add_piece, add_owner = pieces.append, owners.append
        for el in root.iter(etree.Element):
            text = el.text
            if text and not text.isspace() and el.tag not in _SKIP and \
                    (len(text) <= SHORT_TEXT or len(text.strip()) <= SHORT_TEXT):
                add_piece(text)
                add_owner(el)
            tail = el.tail
            if tail and not tail.isspace() and \
                    (len(tail) <= SHORT_TEXT or len(tail.strip()) <= SHORT_TEXT):
                parent = el.getparent()
                if parent is not None:
                    add_piece(tail)
                    add_owner(parent)
        self.pieces, self.owners = pieces, owners

    @cached_property
    def joined(self) -> tuple[str, list[int]]:
        """The pieces lower-cased and joined (`_joined`), for the groups searched over all of
        them (the groups that remember their texts search the new ones alone)."""
        return _joined(self.pieces)

    def group(self, name: str, hidden: set[etree._Element] | None, styled: frozenset[str] = frozenset()) -> list:
        in_hidden = None if hidden is not None and not hidden else _HiddenUp(hidden, styled)
        group: list[etree._Element] = []
        owners = self.owners
        remembered = name == "date" or len(_TEXT_WORDS[name]) >= _TRIE_WORDS
        for i in self._taken(name) if remembered else sorted(self._searched(name)):
            if in_hidden is None or not in_hidden(owners[i]):
                _add(group, owners[i])
        return group

    def _taken(self, name: str) -> list[int]:
        """The pieces the group takes, in order. Whether the group takes a piece depends on its
        text alone, and a site's menus, footers and sidebars print the same short texts on
        every page: each text's answer is remembered (`_SEEN_TEXTS`), and only the pieces not
        seen before (half of a page's characters, or less) are searched. (For the groups whose
        search is a scan of every character: dates, and the many words of bylines. A find per
        word of a small group costs less than looking its pieces up.)"""
        seen = _SEEN_TEXTS.get(name)
        if seen is None or len(seen) >= _MAX_SEEN_TEXTS:
            seen = _SEEN_TEXTS[name] = {}
        pieces = self.pieces
        taken: list[int] = []
        unknown: list[int] = []
        for i, piece in enumerate(pieces):
            verdict = seen.get(piece)
            if verdict is None:
                unknown.append(i)
            elif verdict:
                taken.append(i)
        if unknown:
            new = ShortTexts.of([pieces[i] for i in unknown], [])
            hits = new._searched(name)
            for j, i in enumerate(unknown):
                seen[pieces[i]] = j in hits
            taken = sorted(taken + [unknown[j] for j in hits])
        return taken

    def _searched(self, name: str) -> set[int]:
        """The pieces the group takes, found by searches over the joined texts."""
        low, starts = self.joined
        if name == "date":
            low = date_view(low)
            # a piece the quick pattern found in the joined string holds it (a match starts and
            # ends with a digit or a letter: stripping cannot cut it): only the pieces found by
            # their year alone are tested again, for a month's name
            quick = {bisect_right(starts, m.start()) - 1 for m in _DATE_QUICK.finditer(low)}
            hits = quick | {bisect_right(starts, m.start()) - 1 for m in _YEAR.finditer(low)}

            def matches(i: int, text: str) -> bool:
                text = date_view(text)
                return i in quick or bool(_YEAR.search(text) and HAS_MONTH.search(text))
        else:
            words = _TEXT_WORDS[name]
            hits = _pieces_with(low, starts, words)
            any_word = _any_word(words) if len(words) >= _TRIE_WORDS else None

            def matches(i: int, text: str) -> bool:
                if any_word is not None:
                    return any_word(text) is not None  # one of the many words in it
                for word in words:
                    if word in text:
                        return True
                return False
        pieces = self.pieces
        taken = set()
        for i in hits:
            stripped = pieces[i].strip()
            if len(stripped) <= SHORT_TEXT and matches(i, stripped.lower() + " "):
                taken.add(i)
        return taken


# for each text group, whether it takes a short text (`ShortTexts._taken`)
_SEEN_TEXTS: dict[str, dict[str, bool]] = {}
_MAX_SEEN_TEXTS = 20_000


def reset_caches() -> None:
    """Forget the texts seen so far (benchmarks: each pass sees the pages afresh)."""
    _SEEN_TEXTS.clear()
    _related_hint.cache_clear()


def build_text_group(root: etree._Element, hidden: set[etree._Element] | None, name: str,
                     texts: ShortTexts | None = None, styled: frozenset[str] = frozenset()) -> list:
    """One text group of the index alone (the same list, in the same order)."""
    return (texts or ShortTexts(root)).group(name, hidden, styled)


def _taker(pieces: list[str], owners: list, paragraphs: dict):
    """`take(text, owner)`: a text of the walk, kept when short (labels, counts and timestamps
    live in short texts; prose is never scanned for them) and counted as paragraph text of the
    nearest block element above its owner (through inline elements only: a text inside a link
    reaches the <a> and counts for no paragraph). Each owner's block is found once."""
    add_piece, add_owner = pieces.append, owners.append
    block_of: dict = {}

    def take(text: str, owner: etree._Element | None) -> None:
        if owner is None or text.isspace():
            return
        stripped = text.strip()
        if len(text) <= SHORT_TEXT or len(stripped) <= SHORT_TEXT:
            add_piece(text)
            add_owner(owner)
        block = block_of.get(owner, False)
        if block is False:
            block = owner
            top = None
            while block is not None and block.tag in _INLINE_UP:
                top, block = block, block.getparent()
            if block is not None and block.tag == "body" and top is not None and top.tag in _LOOSE_WRAPPERS:
                block = top            # a bare page's text in a <font> right under <body>, lines
                #                        split by <br>s: the <font> holds its paragraphs
            elif block is not None and block.tag not in _BLOCKS:
                block = None           # an <a>, or an element that makes no paragraph
            block_of[owner] = block
        if block is None:
            return
        entry = paragraphs.get(block)
        if entry is None:
            entry = paragraphs[block] = [0, 0, 0]
        entry[0] += len(stripped)
        entry[1] += stripped.count(",")
        if len(stripped) >= 25:
            entry[2] += 1              # text runs: paragraphs when <br>s separate them
    return take


LINK_LIST_TAGS = ("li", "dd", "dt", "tr")


def _any_element(el: etree._Element) -> bool:
    return True


def _digit_image(el: etree._Element) -> bool:
    return _COUNTER_SRC.search(el.get("src") or "") is not None


# the index's lists of elements found by their tag: the tags, and the test an element passes
_TAGGED = {"headings": (("h1", "h2", "h3", "h4"), _any_element),
           "times": (("time",), _any_element),
           "digit_images": (("img",), _digit_image)}

class Doc:
    def __init__(self, root: etree._Element, url: str, source: str = "") -> None:
        self.root = root
        self.url = url
        self.source = source          # the decoded HTML, for cheap substring tests
        self._positions: dict[etree._Element, int] = {}
        self._hints: dict[str, list] = {}
        self._texts: dict[str, list] = {}
        self._tagged: dict[str, list] = {}
        self.memo: dict = {}          # small per-page caches of the finders

    @cached_property
    def hidden(self) -> set[etree._Element]:
        return hidden_elements(self.root, self.source)

    @cached_property
    def index(self) -> "Index":
        """The whole index, in one walk (the generic extractor needs most of it), which also
        finds the hidden elements. On a profiled page the few fallbacks ask `hints`, `texts`
        and `position`, which do not build it."""
        idx = build_index(self.root, self.source, self.__dict__.get("hidden"))
        self.__dict__.setdefault("hidden", idx.hidden)
        return idx

    def _built(self) -> Index | None:
        return self.__dict__.get("index")

    def hints(self, name: str) -> list[etree._Element]:
        """Elements whose class, id, itemprop or rel names a title, author, lead, category or
        publication date, in document order."""
        idx = self._built()
        if idx is not None:
            return idx.hints[name]
        group = self._hints.get(name)
        if group is None:
            group = self._hints[name] = build_hint_group(self.root, self.__dict__.get("hidden"),
                                                         name, self.hint_attrs, self._styled())
        return group

    def texts(self, name: str) -> list[etree._Element]:
        """Elements owning a short text that looks like a date, a view count, a counter or a
        byline label, in document order."""
        idx = self._built()
        if idx is not None:
            return idx.text[name]
        group = self._texts.get(name)
        if group is None:
            group = self._texts[name] = build_text_group(self.root, self.__dict__.get("hidden"),
                                                         name, self.short_texts, self._styled())
        return group

    def tagged(self, name: str) -> list[etree._Element]:
        """The index's `headings` (h1-h4), `times` or `digit_images` (the <img>s whose src names
        a counter's digits), outside hidden elements, in document order: the index's own list
        when it is built, else found alone (the fallbacks of a profiled page ask for one of
        them without needing the rest of the index)."""
        idx = self._built()
        if idx is not None:
            return getattr(idx, name)
        group = self._tagged.get(name)
        if group is None:
            tags, wanted = _TAGGED[name]
            in_hidden = self.hidden_test()
            group = self._tagged[name] = [el for el in self.root.iter(*tags)
                                          if wanted(el) and not in_hidden(el)]
        return group

    def hidden_test(self) -> "_HiddenUp":
        """Whether an element is inside a hidden one, as the index's walk finds them (nothing is
        hidden on a page whose source names no way of hiding)."""
        hidden = self.__dict__.get("hidden")
        if hidden is None and self.source and not self.names_hiding:
            hidden = _NOTHING_HIDDEN
        return _HiddenUp(hidden, self._styled() if hidden is None else frozenset())

    def _styled(self) -> frozenset[str]:
        """The classes the page's <style> hides on a desktop (`css_hidden_classes`), which the
        full index's walk hides too: a partial build must hide them as well (a profiled page's
        fallbacks read the phone's copy of a meta line otherwise)."""
        if not self.source or self.__dict__.get("hidden") is not None or not self.names_hiding:
            return frozenset()
        return css_hidden_classes(self.source)

    @cached_property
    def names_hiding(self) -> bool:
        """Whether the page's source names a way of hiding an element (`_names_hiding`)."""
        return _names_hiding(self.source)

    @cached_property
    def hint_attrs(self) -> HintAttrs:
        return HintAttrs(self.root)

    def named(self, words: tuple[str, ...]) -> list[etree._Element]:
        """The elements whose class, id, itemprop or rel holds one of `words` (lower case), in
        document order: found by substring searches over the page's joined names."""
        idx = self._built()
        attrs = idx.hints.source if idx is not None else self.hint_attrs   # (the index's, when built)
        return [attrs.elements[i] for i in sorted(_pieces_with(attrs.low, attrs.starts, words))]

    @cached_property
    def short_texts(self) -> ShortTexts:
        return ShortTexts(self.root)

    def position(self, el: etree._Element | None) -> int:
        """Document order of `el` (from the index when it is built; else computed in C)."""
        if el is None:
            return -1
        idx = self._built()
        order = idx.order if idx is not None else self._positions
        pos = order.get(el)
        if pos is None:
            pos = order[el] = int(_POSITION(el))
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
            return clean(text_content(t))
        return ""

    @cached_property
    def jsonld(self) -> list[dict]:
        """JSON-LD objects of type *Article (the @graph flattened, a page's mainEntity
        followed), then the pages (WebPage) that state dates of their own; never the items of a
        list (an ItemList of related articles)."""
        found: list[dict] = []
        pages: list[dict] = []
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
                main = item.get("mainEntity")
                stack.extend(main if isinstance(main, list) else [main] if isinstance(main, dict) else [])
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith(("Article", "BlogPosting")) for k in kinds):
                    found.append(item)
                elif any(k in ("WebPage", "ItemPage") for k in kinds) and "datePublished" in item:
                    pages.append(item)
        return found + pages

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
    for depth, anc in enumerate(self_and_ancestors(el)):
        if anc.tag in ("body", "article", "main") or depth > 5:
            return False
        # (siblings alike are counted first: most blocks have none, and then whether they
        # link a headline, the costly test, is never asked)
        if anc.tag in LINK_LIST_TAGS:
            if len(_alike(anc, 1)) < 1 or not _links_headline(anc):
                return False
            return _repeated(anc, 1)
        if anc.tag in ("div", "section", "p", "article") and len(_alike(anc, 2)) >= 2 and \
                _links_headline(anc) and _repeated(anc, 2) and _entry_sized(anc):
            return True                # a listing entry: one of several alike blocks with a link
    return False


def _entry_sized(block: etree._Element) -> bool:
    """A block that can be a listing entry: one with a class, or a small one (a page's
    class-less layout columns, #content beside #primary, are no entries of a list)."""
    return bool(block.get("class")) or len(text_of(block)) < 400


def _repeated(item: etree._Element, others: int) -> bool:
    """`item` has at least `others` siblings of the same tag and class that link headlines."""
    alike = 0
    for sib in _alike(item):
        if _links_headline(sib):
            alike += 1
            if alike >= others:
                return True
    return False


def _alike(item: etree._Element, enough: int | None = None) -> list[etree._Element]:
    """The siblings of `item` of the same tag and class (and, for a table row, as many cells: a
    list's rows have the same cells; a layout table's rows (banner, menu, columns) do not), in
    document order; only the first `enough` of them when that is given."""
    parent = item.getparent()
    if parent is None:
        return []
    tag, cls = item.tag, item.get("class")
    cells = len(item) if tag == "tr" else None
    found = []
    for sib in parent:
        if sib is not item and sib.tag == tag and sib.get("class") == cls \
                and (cells is None or len(sib) == cells):
            found.append(sib)
            if len(found) == enough:
                break
    return found


def _links_headline(item: etree._Element) -> bool:
    """Holds a link of four words or more (a headline)."""
    held = holders(item, "doc-links", _headline_link)
    if held is not None:
        return held
    return any(_headline_link(a) for a in item.iter("a"))


def _headline_link(a: etree._Element) -> bool:
    text = text_content(a) or ""
    if len(_WORD.findall(text)) >= 4:
        return True
    # Chinese and Japanese write without spaces: eight ideographs or kana make a headline; Thai,
    # Lao, Khmer and Burmese twelve letters
    return len(_CJK_CHAR.findall(text)) >= 8 or len(_SPACELESS_LETTER.findall(text)) >= 12


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_SPACELESS_LETTER = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]")


@contextmanager
def page_scope():
    """Per-page caches of what the finders ask again and again (an element's text, which
    elements hold a headline link, a profile's container); dropped when the page is done. The
    tree is not changed while they live (finders that cut a tree cut a copy)."""
    _PAGE.caches = {}
    try:
        yield
    finally:
        _PAGE.caches = None


def page_cached(key, compute):
    """`compute()` once per page and key inside `page_scope`; None outside it."""
    caches = getattr(_PAGE, "caches", None)
    if caches is None:
        return None
    value = caches.get(key)
    if value is None:
        value = caches[key] = compute()
    return value


def page_peek(key):
    """What `page_cached` holds for `key` on this page, without computing it; None if nothing."""
    caches = getattr(_PAGE, "caches", None)
    return caches.get(key) if caches is not None else None


def holders(el: etree._Element, name: str, is_link) -> bool | None:
    """Whether `el` holds a link for which `is_link(a)` is true, each link judged once per page
    and kind (the same lists and rows are asked about again and again); None outside
    `page_scope`."""
    caches = getattr(_PAGE, "caches", None)
    if caches is None:
        return None
    memo = caches.get(name)
    if memo is None:
        memo = caches[name] = ({}, {})
    held, links = memo
    answer = held.get(el)
    if answer is None:
        answer = False
        for a in el.iter("a"):
            verdict = links.get(a)
            if verdict is None:
                verdict = links[a] = bool(is_link(a))
            if verdict:
                answer = True
                break
        held[el] = answer
    return answer


def inside_link(el: etree._Element) -> bool:
    return el.tag == "a" or any(a.tag == "a" for a in el.iterancestors())


def chrome_ancestor(el: etree._Element, stop: etree._Element | None = None) -> bool:
    """Inside the site's header, footer, menu or sidebar, judged by tag and class/id names.
    An <article>'s own header and footer (title, date, category links) are not chrome."""
    ancestors = [el, *el.iterancestors()]
    in_article = any(_is_article_element(a) for a in ancestors[1:])
    passed = None                      # the article element passed on the way up
    for anc in ancestors:
        if anc is stop:
            return False
        role = anc.get("role")         # (ARIA landmarks name the same regions: a forum's
        #                                <div class="headerbar" role="banner"> holds the site's <h1>)
        if anc.tag in ("nav", "aside") or role in ("navigation", "complementary"):
            return True
        if anc.tag in ("footer", "header") or role in ("banner", "contentinfo"):
            if not in_article and not any(a.tag == "main" for a in anc.iterancestors()):
                return True
            continue
        if _is_article_element(anc):
            in_article = False         # above the article: its ancestors may be chrome
            passed = anc
            continue
        if anc.tag in ("body", "html"):
            break                      # the page's own classes describe its layout
            #                            ("one-sidebar sidebar-second"), not a region of it
        hint = _chrome_hint(anc)
        if hint:
            if (in_article or _POST_PART_HINT.search(hint)) and ("footer" in hint or "header" in hint):
                continue               # (a blog post's own 'blog-header', 'blog-footer': its date, category)
            if passed is not None and "sidebar" in hint and not hint_names(hint, _REGION_WORDS) \
                    and sum(len(t) for t in passed.itertext()) > 1500:
                continue               # a sticky-column plugin around the post ('theiaStickySidebar'),
                #                        not a sidebar: it holds the article itself
            return True
    return False


# a blog post's own header or footer, by its class ('blog-header', 'blog-footer' in Weebly's posts)
_POST_PART_HINT = re.compile(r"(?:^|\s)blog[-_]?(?:post[-_]?)?(?:header|footer)(?:$|\s)")


# schema.org's article types, as microdata marks an element that holds one article
# ('<div class="article" itemscope itemtype="http://schema.org/Article">': TYPO3's news detail)
_ARTICLE_ITEMTYPE = re.compile(r"schema\.org/(?:\w{0,20}Article|BlogPosting|Report)\b")


def _is_article_element(el: etree._Element) -> bool:
    """An <article>, or an element below <body> that microdata marks as one article: its own
    header and footer (the date, the category, the writer) are not the site's."""
    if el.tag == "article":
        return True
    itemtype = el.get("itemtype")
    return itemtype is not None and el.tag not in ("body", "html", "main") \
        and _ARTICLE_ITEMTYPE.search(itemtype) is not None


def _chrome_hint(el: etree._Element) -> str:
    """The element's class and id, lower-cased, when they name the site's chrome; else "".
    Once per element and page (the elements asked about share most of their ancestors)."""
    memo = page_cached("chrome-hint", dict)
    hint = memo.get(el) if memo is not None else None
    if hint is None:
        hint = ((el.get("class") or "") + " " + (el.get("id") or "")).lower()
        if not (hint.strip() and hint_names(hint, _CHROME_WORDS)):
            hint = ""
        if memo is not None:
            memo[el] = hint
    return hint


_CHROME_WORDS = ("footer", "copyright", "menu", "nav", "navbar", "sidebar", "banner")
_REGION_WORDS = tuple(w for w in _CHROME_WORDS if w != "sidebar")   # (a sticky column's plugin says 'sidebar')
# state and layout modifiers ("has-menu", "is-sticky", "l-sidebar-fixed", "layout-with-menu")
# describe the page around an element, not what the element is
# (also after a vendor's prefix: Weebly's 'wsite-not-footer' is the page's content)
_MODIFIER = re.compile(r"^(?:[a-z]{1,8}[-_])?(?:has|is|with|without|no|not|l|u|js|layout|show|hide)[-_]")
_OWN_PART = frozenset({"article", "post", "entry", "news", "story", "content", "detail", "node", "asset",
                       "tin", "bai", "baiviet", "chitiet", "noidung",
                       # ('art_header_footer' under a headline: the article's own header's foot)
                       "art", "artikel", "articolo", "articulo", "artigo", "beitrag", "cikk"})
_PARTS = re.compile(r"[-_]+")


# a class part naming an item's meta line ('entry-meta', 'mc-entry__meta', 'meta'): its time,
# its writer, its counts
META_PART = re.compile(r"(?:^|[\s_-])meta(?:$|[\s_-])", re.I)


def title_class(el: etree._Element) -> bool:
    """A class token naming a title ('title', 'post-title', 'card__title', 'newstitle'), not a
    subtitle's nor a word that holds it ('entitled', 'titlebar')."""
    for token in (el.get("class") or "").lower().split():
        for part in _PARTS.split(token):
            if part.endswith("title") and part != "subtitle":
                return True
    return False


@lru_cache(maxsize=8192)
def hint_names(hint: str, words: tuple[str, ...]) -> bool:
    """A class/id token names one of `words`: a whole part of it or a compound
    ('site-footer', 'sidebar-left', 'mainmenu', 'PlaceHolderLeftNavBar'), never a modifier
    ('has-menu', 'l-sidebar-fixed') nor a part of an article's own ('article-footer')."""
    for token in hint.lower().split():
        if _MODIFIER.match(token):
            continue
        parts = [p for p in _PARTS.split(token) if p]
        if len(parts) > 1 and parts[0] in _OWN_PART:
            continue
        for part in parts:
            for word in words:
                if part == word or (word not in _EXACT_ONLY
                                    and (part.startswith(word) or part.endswith(word))):
                    return True
    return False


_EXACT_ONLY = frozenset({"ad", "ads", "bio"})     # 'head', 'download', 'biology' name no ad or bio


__all__ = ["Doc", "in_link_list", "inside_link", "chrome_ancestor", "text_of", "clean"]


_VN_READ_MORE = ("xem thêm", "đọc thêm")    # (a portal's 'Xem thêm' heads more of its own text too)
RELATED_HEADING = re.compile(
    r"^(?:tin mới hơn|tin đã đưa|tin cũ hơn|những tin mới hơn|những tin cũ hơn|những tin khác|"
    r"văn bản liên quan|các văn bản liên quan|(?:các )?văn bản (?:mới )?khác|"
    r"tin liên quan|tin khác|các tin khác|các tin liên quan|tin cùng chuyên mục|bài viết liên quan|"
    r"bài liên quan|có liên quan|các bài viết khác|các bài khác|bài viết khác|xem thêm|tin bài khác|"
    r"các tin đã đưa|tin tức liên quan|tin đã đăng|các tin cũ hơn|các tin mới hơn|"
    r"tin tức khác|tin cùng loại|tin mới|tin mới nhất|tin mới cập nhật|tin cập nhật|tin vừa cập nhật|"
    r"bài mới cập nhật|tin nổi bật|tin xem nhiều|đọc nhiều|"
    r"(?:tin|bài|bài viết) (?:được )?(?:đọc|xem) nhiều(?: nhất)?|đọc nhiều nhất|xem nhiều|"
    r"xem nhiều nhất|bài viết mới|bài mới|related(?: posts| news)?|"
    # the same boxes on pages in other languages
    r"related (?:articles|stories|content|links|coverage|topics)|more (?:stories|news|on this story)|"
    r"read more|read also|see also|you may also like|you might also like|recommended(?: for you)?|"
    r"most read|most popular|latest news|other news|more news|recent news|recent posts|"
    r"other stories|más información|leia também|veja também|czytaj też|czytaj także|"
    r"читайте также|相关阅读|相关新闻|関連記事|"
    r"à lire aussi|a lire aussi|lire aussi|voir aussi|sur le même sujet|articles similaires|"
    r"les plus lus|weitere artikel|mehr zum thema|lesen sie auch|auch interessant|"
    r"das könnte sie auch interessieren|meistgelesen|"
    r"noticias relacionadas|artículos relacionados|te puede interesar|leer más|"
    r"ព័ត៌មានផ្សេងទៀត|ព័ត៌មានពាក់ព័ន្ធ|ព័ត៌មានថ្មីៗ|"   # (Khmer: other, related, latest news)
    # the 'read also' boxes the text holds ('Lea también', 'Les også', 'Lue myös'), as labels.py lists them
    + "|".join(re.escape(w) for w in labels.READ_ALSO if (" " in w or len(w) > 8) and w not in _VN_READ_MORE)
    + r"|"
    r"leggi anche|articoli correlati|lees ook|gerelateerde artikelen|"
    # a wiki news page's sources section, under its text
    r"sources|źródła|quellen|fuentes|fonti|bronnen|источники|извори|izvori)\s*[:：]?$", re.I)
_RELATED_HINT = re.compile(
    r"(?:^|[\s_\-])(?:\w*related\w*|relate|(?:tin|bai|box|news)?-?(?:lien-?quan|khac|cung-?"
    r"chuyen-?muc|moi-?hon|cu-?hon|da-?dua)|others?|newer|older|more-?news|(?:tin|bai)?-?"
    r"(?:xem|doc)-?nhieu|most-?view\w*|latest\w*|more-?stories|read-?more|see-?also|"
    r"a-?lire(?:-?aussi)?|lire-?aussi|weitere|mehr-?zum-?thema|recommended|you-?may-?like)"
    r"(?:$|[\s_\-])", re.I)


def in_related_block(el: etree._Element, levels: int = 6) -> bool:
    """Inside a related-news / latest-news block: by its class or id, or by the heading
    ("TIN MỚI HƠN", "Tin liên quan", ...) printed just before it."""
    # (whether a node opens such a block depends on the node alone: judged once per page)
    memo = page_cached("related-node", dict)
    node = el
    for _ in range(levels):
        if node is None or node.tag in ("body", "html"):
            return False
        verdict = memo.get(node) if memo is not None else None
        if verdict is None:
            verdict = _related_node(node)
            if memo is not None:
                memo[node] = verdict
        if verdict:
            return True
        node = node.getparent()
    return False


def _names_related(hint: str) -> bool:
    return _RELATED_HINT.search(hint) is not None


# a site's blocks carry the same classes and ids on every page: the verdicts are remembered
_related_hint = lru_cache(maxsize=4096)(_names_related)


def _related_node(node: etree._Element) -> bool:
    """`node` is a related-news block by its class or id, or by the heading before it."""
    hint = (node.get("class") or "") + " " + (node.get("id") or "")
    if hint.strip() and (_related_hint(hint) if len(hint) <= REMEMBERED_TEXT else _names_related(hint)):
        return True
    prev, seen = node.getprevious(), 0
    while prev is not None and seen < 3:
        if isinstance(prev.tag, str):
            heading = _short_text(prev, 60)
            if heading is not None and RELATED_HEADING.match(heading):
                return True
            if heading is None or prev.tag in ("ul", "ol", "table", "dl"):
                break                  # the heading belongs to that block, not to this one
            seen += 1
        prev = prev.getprevious()
    return False


def _short_text(el: etree._Element, limit: int) -> str | None:
    """The element's text (whitespace collapsed) when shorter than `limit`, else None; stops
    reading a long element (a whole sidebar) as soon as it is known to be long."""
    caches = _PAGE.__dict__.get("caches")
    memo = caches.setdefault("short", {}) if caches is not None else None
    if memo is not None and (el, limit) in memo:
        return memo[(el, limit)]
    solid = 0
    parts = []
    result: str | None = None
    for piece in el.itertext():
        parts.append(piece)
        solid += len(piece)
        if solid >= 4 * limit + 2000 and len(clean("".join(parts))) >= limit:
            break                      # already too long, whatever follows
    else:
        text = clean("".join(parts))
        result = text if len(text) < limit else None
    if memo is not None:
        memo[(el, limit)] = result
    return result


_SITE_HEADER = re.compile(r"(?:^|[\s_\-])(?:header|top|topbar|top-?bar|banner|site-?header|"
                          r"header-?top|top-?header|page-?top|masthead|logo)(?:$|[\s_\-])", re.I)


def in_site_header(el: etree._Element) -> bool:
    """Inside the site's banner (where portals print today's date), not an article's header."""
    return site_header_of(el) is not None


def site_header_of(el: etree._Element) -> etree._Element | None:
    """The site's banner `el` is in, by its tag or class: never one inside an <article> or
    <main> (a press release's 'press-release__header' is its own)."""
    if any(a.tag in ("article", "main") for a in el.iterancestors()):
        return None
    for anc in self_and_ancestors(el):
        if anc.tag == "body":
            return None
        if anc.tag == "header":
            return anc
        hint = bounded_hint(anc)
        if hint.strip() and _SITE_HEADER.search(hint) and not _OWN_TOP.search(hint) \
                and _site_header_hint(hint):
            return anc
    return None


def _site_header_hint(hint: str) -> bool:
    """A class/id token naming the site's header, not an article's own ('article-header',
    'news-top', 'post_header')."""
    for token in hint.split():
        parts = [p for p in _PARTS.split(token.lower()) if p]
        if parts and (parts[0] in _OWN_PART or parts[0] == "info") and len(parts) > 1:
            continue                   # (an item's info line over its headline: 'info-top')
        if "meta" in parts or "byline" in parts or "stats" in parts or "author" in parts:
            continue                   # an item's meta line ('BlogItem-meta-top', 'blog_top_stats',
            # the writer's line over the text: 'author-top')
        if _SITE_HEADER.search(token):
            return True
    return False


# an article's own top or a post's date header ("b-article__top", "date-header"), not the site's
HINT_CHARS = 400          # of a class/id read as a hint: a longer value names nothing, and
                          # the hint regexes (a \w* after a word start) backtrack on it


def bounded_hint(el: etree._Element) -> str:
    """The element's class and id, as hints are read: at most HINT_CHARS of each."""
    return (el.get("class") or "")[:HINT_CHARS] + " " + (el.get("id") or "")[:HINT_CHARS]


_OWN_TOP = re.compile(r"(?:article|story|entry|post|date)[\w-]*[_-](?:header|top)\b", re.I)
