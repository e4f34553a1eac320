"""Visible text of an lxml subtree, as paragraphs: the one place that decides what a
paragraph is and how whitespace is normalised."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree

BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "main", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead",
    "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "center", "address",
    "hr", "form", "fieldset", "legend", "details", "summary",
})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed",
                       "select", "option", "textarea", "button", "input", "svg", "map", "head",
                       "link", "meta", "title"})
_SPACE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+")
STRIP_MARK = "data-govnews-strip"   # set on elements a profile strips from the body
_EMPHASIS = frozenset({"b", "strong", "em", "i"})
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def clean(text: str | None) -> str:
    """Collapse every run of whitespace (nbsp and zero-width included) to one space; NFC."""
    if not text:
        return ""
    text = _SPACE.sub(" ", text).strip()
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def text_of(el: etree._Element | None) -> str:
    if el is None:
        return ""
    if not isinstance(el.tag, str):
        return ""
    return clean(" ".join(_inline_texts(el)))


def _inline_texts(el: etree._Element) -> list[str]:
    out: list[str] = []
    _collect(el, out, top=True)
    return out


def _collect(el, out: list[str], top: bool = False) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in SKIP_TAGS and not top:
        pass
    elif not _is_hidden(el):
        if tag in BLOCK_TAGS or tag == "br":
            out.append(" ")
        if el.text and tag and tag not in SKIP_TAGS:
            out.append(el.text)
        for child in el:
            _collect(child, out)
    if not top and el.tail:
        out.append(el.tail)


def _is_hidden(el: etree._Element) -> bool:
    style = el.get("style")
    return bool(style) and bool(_HIDDEN.search(style)) or el.get("hidden") is not None


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


def right_aligned(el: etree._Element) -> bool:
    for node in (el, *el.iterancestors()):
        if (node.get("align") or "").lower() == "right":
            return True
        style = (node.get("style") or "").replace(" ", "").lower()
        if "text-align:right" in style:
            return True
        cls = node.get("class") or ""
        if "text-right" in cls or "right" == cls:
            return True
        if node.tag in ("div", "td", "article", "section"):
            return False
    return False


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
            links[1] += len(_SPACE.sub("", text))

    def walk(el, in_link: bool, in_emph: bool = False) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in SKIP_TAGS or _is_hidden(el) or el.get(STRIP_MARK) is not None:
            return
        is_block = tag in BLOCK_TAGS
        if is_block or tag == "br":
            flush()
            if is_block:
                owner[0] = el
        if tag == "img":
            flush()
        link = in_link or tag == "a"
        emph = in_emph or tag in _EMPHASIS
        if el.text:
            add(el.text, link, emph)
        for child in el:
            walk(child, link, emph)
            if child.tail:
                if is_block and owner[0] is not el and not buf:
                    owner[0] = el
                add(child.tail, link, emph)
        if is_block:
            flush()
            owner[0] = el.getparent() if el is not root and el.getparent() is not None else root

    walk(root, False)
    flush()
    return out
