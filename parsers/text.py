"""Visible text of an lxml subtree, as paragraphs: the one place that decides what a
paragraph is and how whitespace is normalised."""
from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice

from lxml import etree

BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "main", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead",
    "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "center", "address",
    "hr", "form", "fieldset", "legend", "details", "summary",
})
# (a <video>'s or <audio>'s own text is the player's fallback: "Trình duyệt không hỗ trợ video")
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "video", "audio",
                       "select", "option", "textarea", "button", "input", "svg", "map", "head",
                       "link", "meta", "title"})
_SPACE = re.compile(r"[\s\u00a0]+")     # \s is str.isspace(): str.split() splits at the same runs
# soft hyphens and zero-width characters (Word and CMS editors paste them inside words): removed,
# never turned into a space ("Klima\u00adanpassung" is one word). The zero-width non-joiner and
# joiner after a letter of Arabic script or of India's scripts are spelling, kept (Persian
# 'بهره\u200cبرداری', 'می\u200cرسد')
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]|"
                        "(?<![\u0600-\u06ff\u0750-\u077f\u0900-\u0dff\ufb50-\ufdff\ufe70-\ufefe])[\u200c\u200d]")
# any character _INVISIBLE may remove: a plain class, which the regex engine scans for at C speed
# (the look-behind alternative of _INVISIBLE is tried at every position); only a text that
# holds one is searched by _INVISIBLE itself
_MAYBE_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
STRIP_MARK = "data-govnews-strip"   # set on elements a profile strips from the body
_EMPHASIS = frozenset({"b", "strong", "em", "i"})
# a <span> styled bold or italic (an online editor's markup: Google Sites, Google Docs exports)
_EMPHASIS_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)|font-style\s*:\s*italic", re.I)


def emphasis_style(style: str | None) -> bool:
    return bool(style) and _EMPHASIS_STYLE.search(style) is not None
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# CSS frameworks' classes that hide an element on every screen (Bootstrap 3 `hidden`/`hide`, 4-5
# `d-none`; screen-reader-only text); `hidden-xs` and the like hide it on some screens only
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|hide|sr-only|visually-hidden|visuallyhidden|"
                           r"screen-reader-text|element-invisible|hide-accessible|"
                           # a design system's own prefix ('govuk-visually-hidden', 'usa-sr-only',
                           # 'nhsuk-u-visually-hidden', 'fr-sr-only')
                           r"[a-z][a-z0-9]{1,10}(?:-u)?-(?:visually-hidden|sr-only|screen-reader-only))(?:$|\s)")


# the longest text whose answers (its cleaned form here, its date in dates.py, whether it looks
# like a date in generic.py) a process remembers: the short texts recur on every page of a site
REMEMBERED_TEXT = 240


def clean(text: str | None) -> str:
    """Collapse every run of whitespace (nbsp included) to one space, remove soft hyphens and
    zero-width characters; NFC."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.split())      # _SPACE.sub(" ", text).strip(), without a regex
    if len(text) > REMEMBERED_TEXT:
        return _cleaned(text)
    return _remembered_clean(text)


def _cleaned(text: str) -> str:
    if _MAYBE_INVISIBLE.search(text) and _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", " ".join(text.split()))


# most texts cleaned are short ones a site prints on every page (menus, labels, sidebars): 70% of
# them were cleaned before, on the page or an earlier one of the site
_remembered_clean = lru_cache(maxsize=8192)(_cleaned)


def reset_caches() -> None:
    """Forget the texts cleaned so far (benchmarks: each pass sees the pages afresh)."""
    _remembered_clean.cache_clear()


_STRING = etree.XPath("string()", smart_strings=False)


def text_content(el: etree._Element) -> str:
    """Every text inside `el`, joined as is (lxml.html's `text_content()`)."""
    return _STRING(el)


def drop_tree(el: etree._Element) -> None:
    """Remove `el` and its subtree, keeping its tail (lxml.html's `drop_tree()`)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def drop_tag(el: etree._Element) -> None:
    """Remove the tag `el` but keep its text, children and tail in place (lxml.html's `drop_tag()`)."""
    parent = el.getparent()
    if parent is None:
        return
    previous = el.getprevious()
    if el.text:
        if previous is not None:
            previous.tail = (previous.tail or "") + el.text
        else:
            parent.text = (parent.text or "") + el.text
    if el.tail:
        if len(el):
            last = el[-1]
            last.tail = (last.tail or "") + el.tail
        elif previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    index = parent.index(el)
    parent[index:index + 1] = el[:]


# what lxml takes in no attribute value: what is not an XML Char (C0 controls but tab, newline and
# carriage return; lone surrogates; U+FFFE and U+FFFF)
_NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def add_class(el: etree._Element, name: str, first: bool = False) -> None:
    """Add the class `name` to `el` (before its own classes when `first`), dropping what lxml
    refuses to store in an attribute (a control character the page left in its class)."""
    own = _NOT_IN_XML.sub(" ", el.get("class") or "")
    el.set("class", (f"{name} {own}" if first else f"{own} {name}").strip())


_PAGE = threading.local()


def text_of(el: etree._Element | None) -> str:
    if el is None:
        return ""
    if not isinstance(el.tag, str):
        return ""
    caches = getattr(_PAGE, "caches", None)
    if caches is None:
        return clean(" ".join(_inline_texts(el)))
    memo = caches.get("text_of")
    if memo is None:
        memo = caches["text_of"] = {}
    text = memo.get(el)
    if text is None:
        if len(el):
            text = memo[el] = clean(" ".join(_inline_texts(el, memo)))
        else:                          # a leaf: its own text, read as _collect reads it
            own = el.text
            text = memo[el] = clean(own) if own and el.tag not in SKIP_TAGS and not _is_hidden(el) else ""
    return text


def has_text(el: etree._Element | None) -> bool:
    """Whether `text_of(el)` is not empty, reading only as far as the first visible character
    (a whole article body is not collected and cleaned to learn that it holds text)."""
    if el is None or not isinstance(el.tag, str):
        return False
    caches = getattr(_PAGE, "caches", None)
    if caches is not None:
        known = caches.get("text_of")
        if known is not None and el in known:
            return bool(known[el])
    return any(_visible(piece) for piece in _iter_texts(el, True))


def _visible(piece: str) -> bool:
    if piece.isspace():
        return False
    if _MAYBE_INVISIBLE.search(piece) is None or _INVISIBLE.search(piece) is None:
        return True                    # not only whitespace, nothing removed: a visible character
    return not _INVISIBLE.sub("", piece).isspace() and bool(_INVISIBLE.sub("", piece))


def _iter_texts(el, top: bool = False):
    """The pieces `_collect` gathers, lazily (the same order and the same pieces)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in SKIP_TAGS and not top:
        pass
    elif not _is_hidden(el):
        if el.text and tag and tag not in SKIP_TAGS:
            yield el.text
        for child in el:
            yield from _iter_texts(child)
    if not top and el.tail:
        yield el.tail


def _inline_texts(el: etree._Element, known: dict | None = None) -> list[str]:
    """The pieces whose join `text_of` cleans. `known`: the page's `text_of` answers; a
    descendant found there gives its cleaned text as one piece instead of its subtree's pieces
    (the same text once cleaned: the pieces are joined by spaces, and cleaning the whole
    collapses whitespace, removes invisible characters and composes (NFC) alike whether a
    part was cleaned first or not, since a space composes with nothing)."""
    out: list[str] = []
    _collect(el, out, True, known)
    return out


def _collect(el, out: list[str], top: bool = False, known: dict | None = None) -> None:
    """`el`'s pieces (not its tail, when `top`): its text unless it is code, then each child's
    own and its tail; nothing of a hidden element, only the tail of code below the top. (A
    block or a <br> adds no piece of its own: the pieces are joined by spaces anyway.)"""
    tag = el.tag
    if not isinstance(tag, str):
        tag = ""
    if tag in SKIP_TAGS and not top:
        pass
    elif not _is_hidden(el):
        # (each text read once: lxml makes a new string at every read)
        text = el.text
        if text and tag and tag not in SKIP_TAGS:
            out.append(text)
        for child in el:
            text = known.get(child) if known else None
            if text is not None:
                if child.tag not in SKIP_TAGS:     # (a known text is an element's)
                    out.append(text)   # what the child's own pieces clean to
            elif len(child) or child.tag.__class__ is not str:
                _collect(child, out, False, known)
                continue
            elif child.tag not in SKIP_TAGS and not _is_hidden(child):
                text = child.text
                if text:
                    out.append(text)               # a leaf element: its text, read here
            tail = child.tail
            if tail:
                out.append(tail)
    if not top:
        tail = el.tail
        if tail:
            out.append(tail)


def is_hidden(el: etree._Element) -> bool:
    """Not shown to readers: `display:none`, `visibility:hidden` (`_styled_hidden`), `hidden`,
    `aria-hidden`."""
    if not el.attrib:
        return False                   # (a quarter of the elements have no attribute)
    style = el.get("style")
    if style and _styled_hidden(el, style) or el.get("hidden") is not None:
        return True
    if el.get("aria-hidden") == "true":
        return not collapsed_text(el) and not shown_beside_reader_text(el)
    return _hiding_class(el.get("class"))


def collapsed_text(el: etree._Element) -> bool:
    """An aria-hidden block that a button beside it opens ('<div id="story-rest" aria-hidden="true">'
    then '<button aria-controls="story-rest" aria-expanded="false">Read the full story</button>')
    and that holds paragraphs of text (two or more of 40 characters): the rest of a story shown
    to every reader who taps it, not a hidden copy of the text (those have no button). Or a
    blurred one ('<div aria-hidden="true" style="filter:blur(14px)">'): the story behind a content
    warning or a soft paywall's offer, in the page and shown with one click."""
    ident = el.get("id")
    style = el.get("style")
    if style and "blur(" in style:
        paragraphs = islice(el.iter("p"), 50)   # (the gate over it is the page's own, whatever its markup)
    elif not ident:
        return False
    elif next((sib for sib in islice(el.itersiblings(), 2) if isinstance(sib.tag, str)
               and sib.get("aria-controls") == ident), None) is None:
        return False
    else:
        paragraphs = el.iterchildren("p")
    count = 0
    for p in paragraphs:
        if len(_TEXT_LENGTH_STR(p)) >= 40:
            count += 1
            if count >= 2:
                return True
    return False


def shown_beside_reader_text(el: etree._Element) -> bool:
    """An aria-hidden inline element paired with a screen reader's copy of it ('<span
    aria-hidden="true">80 km</span><span class="visually-hidden">80 kilometres</span>'): what
    sighted readers see, hidden from screen readers only, so text."""
    if el.tag not in ("span", "abbr", "b", "strong", "i", "em", "sup", "sub", "time", "data"):
        return False
    for sibling in (el.getnext(), el.getprevious()):
        if sibling is not None and isinstance(sibling.tag, str) and _hiding_class(sibling.get("class")) \
                and sibling.get("aria-hidden") != "true":
            return True
    return False


def _TEXT_LENGTH_STR(el: etree._Element) -> str:
    return "".join(el.itertext()).strip()


def hidden_by(el: etree._Element, style: str | None, hidden: str | None, aria_hidden: str | None,
              cls: str | None) -> bool:
    """`is_hidden` of an element whose style, hidden, aria-hidden and class attributes are these
    (None: absent), for a walk that has read them already."""
    if style and _styled_hidden(el, style) or hidden is not None:
        return True
    if aria_hidden == "true":
        return not collapsed_text(el) and not shown_beside_reader_text(el)
    return _hiding_class(cls)


_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
# a text container a script reveals once the page has loaded (WeChat's '<div id="js_content"
# style="visibility: hidden;">' holds the whole article): an element hidden by `visibility` alone
# and holding this much text is the page's text, not a hidden copy (those are `display:none`)
REVEALED_TEXT = 200
_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")


def _styled_hidden(el: etree._Element, style: str) -> bool:
    if not _HIDDEN.search(style):
        return False
    if _DISPLAY_NONE.search(style):
        return True
    return _TEXT_LENGTH(el) < REVEALED_TEXT and not _revealed_on_scroll(el)


# a scroll-reveal library's marks (AOS, ScrollReveal, WOW.js, Animate.css, a theme's 'js-reveal')
_REVEAL_CLASS = re.compile(r"(?:^|\s)(?:js-reveal|reveal|fade-in|fadein|wow|aos-\w+|animate__\w+|scroll-reveal)(?:$|\s)")


def _revealed_on_scroll(el: etree._Element) -> bool:
    """Hidden by `visibility` or `opacity` only until a script shows it as the reader scrolls
    (data-aos, data-reveal, data-sr, a 'fade-in' class): text every reader sees."""
    return el.get("data-aos") is not None or el.get("data-reveal") is not None or el.get("data-sr") is not None \
        or _REVEAL_CLASS.search(el.get("class") or "") is not None


def _hiding_class(cls: str | None) -> bool:
    # every hiding class holds 'hid', 'none', 'only', 'invisible' or 'accessible': a C test first
    if not cls or not ("hid" in cls or "none" in cls or "only" in cls or "visib" in cls
                       or "screen-reader" in cls or "accessible" in cls):
        return False
    if ":" in cls and (widest := _tailwind_widest(cls)) is not None:
        return widest == "hidden"
    return bool(_HIDDEN_CLASS.search(cls)) or ("none" in cls and _display_none_on_desktop(cls))


# Tailwind's display utilities: 'hidden md:flex' is hidden on a phone and shown from md up (the
# desktop copy of a responsive twin), 'md:hidden' the phone copy: as with Bootstrap's, the widest
# screen's display is what a reader at a desk sees
_TAILWIND_DISPLAY = re.compile(r"(?:^|\s)(?:(sm|md|lg|xl|2xl):)?(hidden|block|flex|inline|inline-block|inline-flex|"
                               r"grid|inline-grid|table|contents)(?=$|\s)")
_TAILWIND_BREAKPOINTS = {None: 0, "sm": 1, "md": 2, "lg": 3, "xl": 4, "2xl": 5}


def _tailwind_widest(cls: str) -> str | None:
    """The display the widest breakpoint named in `cls` gives, when a breakpoint is named."""
    found = [(_TAILWIND_BREAKPOINTS[m[1]], m[2]) for m in _TAILWIND_DISPLAY.finditer(cls)]
    if not any(level for level, _ in found):
        return None
    return max(found)[1]


# Bootstrap 4-5's display utilities: 'd-none' hides on every screen unless a breakpoint's class
# shows it from there up ('d-none d-md-block': a carousel caption, the desktop copy of a
# responsive twin); 'd-md-none' hides it from md up (the phone copy). What the widest screen
# shows is what a reader at a desk sees, and what the page's text is read as.
_DISPLAY_CLASS = re.compile(r"(?:^|\s)d-(?:(sm|md|lg|xl|xxl)-)?(none|block|flex|inline|inline-block|"
                            r"inline-flex|grid|inline-grid|table|table-row|table-cell|contents)(?=$|\s)")
_BREAKPOINTS = {None: 0, "sm": 1, "md": 2, "lg": 3, "xl": 4, "xxl": 5}


def _display_none_on_desktop(cls: str) -> bool:
    widest = max(((_BREAKPOINTS[m[1]], m[2]) for m in _DISPLAY_CLASS.finditer(cls)), default=None)
    return widest is not None and widest[1] == "none"


_is_hidden = is_hidden


@dataclass
class Block:
    """One paragraph of text and the element it came from (for alignment and emphasis)."""
    text: str
    element: etree._Element
    link_chars: int = 0
    emphasis_chars: int = 0

    @property
    def emphasised(self) -> bool:
        """The whole paragraph is bold/italic or right-aligned: how signatures are printed."""
        return (right_aligned(self.element)
                or self.emphasis_chars >= len(self.text.replace(" ", "")) * 0.9)


# right-alignment classes of CSS frameworks and editors (Bootstrap 3/4 and 5, Gutenberg, Quill)
_RIGHT_CLASS = re.compile(r"text-right|(?:^|\s)text-(?:\w\w-)?end(?:$|\s)|text-align-right|ql-align-right")


def self_and_ancestors(el: etree._Element) -> Iterator[etree._Element]:
    """`el`, then its ancestors up to the root, read lazily: a loop that stops a few levels up
    does not build the whole chain."""
    return chain((el,), el.iterancestors())


def right_aligned(el: etree._Element) -> bool:
    for node in self_and_ancestors(el):
        if (node.get("align") or "").lower() == "right":
            return True
        style = (node.get("style") or "").replace(" ", "").lower()
        if "text-align:right" in style:
            return True
        cls = node.get("class") or ""
        if cls and ("right" == cls or _RIGHT_CLASS.search(cls)):
            return True
        if node.tag == "td":
            return _right_layout_cell(node)
        if node.tag in ("div", "article", "section"):
            return False
    return False


def _right_layout_cell(td: etree._Element) -> bool:
    """The right-hand cell of a one-row layout table whose cells before it are empty (a
    signature set on the right with '<td>&nbsp;</td><td>Khoa …</td>'): printed on the right."""
    row = td.getparent()
    if row is None or row.tag != "tr" or td.getprevious() is None:
        return False
    table = next(row.iterancestors("table"), None)
    if table is None or sum(1 for _ in table.iter("tr")) != 1:
        return False
    return all(not "".join(cell.itertext()).strip() for cell in row if cell is not td
               and isinstance(cell.tag, str) and row.index(cell) < row.index(td))


def blocks(root: etree._Element) -> list[Block]:
    """Paragraphs of `root` in reading order: a block element or a <br> ends a paragraph."""
    out: list[Block] = []
    buf: list[str] = []
    links = [0, 0]          # characters inside links, inside emphasis
    owner = [root]

    def flush() -> None:
        text = clean("".join(buf))
        if text:
            out.append(Block(text, owner[0], links[0], links[1]))
        buf.clear()
        links[0] = links[1] = 0

    def add(text: str, link: bool, emph: bool) -> None:
        buf.append(text)
        if link:
            links[0] += len(text.strip())
        if emph:
            links[1] += sum(map(len, text.split()))    # len(_SPACE.sub("", text))

    def walk(el, in_link: bool, in_emph: bool = False) -> None:
        tag = el.tag
        if not isinstance(tag, str) or not tag or tag in SKIP_TAGS or _is_hidden(el) or el.get(STRIP_MARK) is not None:
            return
        if tag == "table" and el is not root:
            rows = data_table_rows(el)
            if rows:
                flush()
                caption = next((c for c in el.iterchildren("caption")), None)
                if caption is not None and text_of(caption):
                    out.append(Block(text_of(caption), caption, 0, 0))   # the table's title, over it
                out.append(Block("\n".join(rows), el, 0, 0))
                owner[0] = el.getparent() if el.getparent() is not None else root
                return
        is_block = tag in BLOCK_TAGS
        if is_block or tag == "br":
            flush()
            if is_block:
                owner[0] = el
        if tag == "img":
            flush()
        link = in_link or tag == "a"
        emph = in_emph or tag in _EMPHASIS or (tag == "span" and emphasis_style(el.get("style")))
        text = el.text
        if text:
            add(text, link, emph)
        for child in el:
            walk(child, link, emph)
            tail = child.tail
            if tail:
                if is_block and owner[0] is not el and not buf:
                    owner[0] = el
                add(tail, link, emph)
        if is_block:
            flush()
            owner[0] = el.getparent() if el is not root and el.getparent() is not None else root

    walk(root, False)
    flush()
    return out


MAX_TABLE_CELL = 300


# a paragraph of a text typed with hard line breaks: a sentence or more, ending as sentences end
_PROSE_END = re.compile(r"[.!?…\"'”’»。！？]$")


def _prose(block: str) -> bool:
    words = len(block.split())
    if words < 8 and not (len(block) >= 30 and _CJK_CHAR.search(block)):
        return False                   # (a CJK sentence has no spaces: its characters count)
    return _PROSE_END.search(block) is not None and not block.isupper()


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# the scripts written without spaces between words (Thai, Lao, Myanmar, Khmer; Chinese and Japanese)
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff]")


def word_count(text: str) -> int:
    """How many words `text` holds: its spaced pieces, or, in a script written without spaces
    between words (a Khmer lead has a space between phrases only), about one word to every
    four of its characters."""
    pieces = len(text.split())
    if len(text) < 4 * pieces or not _UNSPACED.search(text):
        return pieces
    return max(pieces, len(text) // 4)


# a mail's signature separator ('-- ' on a line of its own, RFC 3676), or a mailing list's footer
# rule ('_____…') under the message
MAIL_SIGNATURE = re.compile(r"^(?:-- ?|_{10,})$", re.M)
_BULLET_LINE = re.compile(r"\n[ \t]*[*•][ \t]+")


def typed_paragraphs(text: str) -> tuple[list[str], list[str]]:
    """A text typed with hard line breaks (a press release in a <pre>): its paragraphs (blank
    lines between them, each one's lines joined), from the first to the last that reads as
    prose; and the lines of the letterhead above them (sender, release number, date, 'Af X')."""
    signed = MAIL_SIGNATURE.search(text)
    if signed is not None:
        text = text[:signed.start()]   # a mail's signature ('-- ' alone on its line) and the list's
        #                                footer under it: not the message
    paragraphs = []
    for part in re.split(r"\n[ \t\u00a0]*\n", text):
        items = _BULLET_LINE.split("\n" + part) if signed is not None else [part]
        paragraphs.extend(clean(" ".join(item.split("\n"))) for item in items)
    paragraphs = [p for p in paragraphs if p]
    prose = [i for i, p in enumerate(paragraphs) if _prose(p)]
    if not prose:
        return [], []
    if signed is not None:
        return paragraphs, []          # a mail: its greeting and closing lines are its text too
    head = text.strip("\n").split("\n")
    letterhead = []
    for line in head:
        line = clean(line)
        if line and paragraphs[prose[0]].startswith(line):
            break
        if line:
            letterhead.append(line)
    return paragraphs[prose[0]:prose[-1] + 1], letterhead


def data_table_rows(table: etree._Element) -> list[str] | None:
    """A table of data (statistics, a list of units and figures) as text rows, cells joined by
    ' | '; None for a layout table (nested tables, images, long cells, a single column or row)."""
    rows: list[str] = []
    foot: list[str] = []               # a <tfoot>'s rows, drawn after the body's wherever written
    widest = 0
    for tr in table.iter("tr", "table", "img"):
        if tr is table:
            continue
        if tr.tag != "tr":
            return None            # a nested table or an image: layout, not data
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        texts = [text_of(c) for c in cells if not _is_hidden(c)]
        if any(len(t) > MAX_TABLE_CELL for t in texts):
            return None
        widest = max(widest, len(cells))
        texts = [t for t in texts if t]
        if texts:
            (foot if tr.getparent().tag == "tfoot" else rows).append(" | ".join(texts))
    rows += foot
    return rows if len(rows) >= 2 and widest >= 2 else None
