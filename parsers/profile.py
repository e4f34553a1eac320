"""Platform profiles: one TOML file per platform (see profiles/FORMAT.md), loaded into
compiled selectors and patterns once."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable

from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector

from bisect import bisect_right
from itertools import accumulate

from .doc import PageAttrs, page_cached, page_peek
from .urls import DropParams, Rewrite, UrlRules

FIELDS = ("headline", "published", "category", "summary", "body", "author", "source",
          "view_count", "visitor_counter")
_KEYS = {
    "": {"name", "description", "detect", "fields", "body", "listing", "urls"},
    "detect": {"generator", "url", "markup"},
    "fields": set(FIELDS),
    "body": {"strip", "signature"},
    "listing": {"article_url", "page_url", "listing_url", "postback", "skip_url"},
    "urls": {"drop_params", "rewrite", "case_insensitive"},
}

Selector = Callable[[etree._Element], list]


class ProfileError(ValueError):
    """A profile file is malformed; the message names the file and the key."""


@dataclass(frozen=True)
class Profile:
    name: str
    description: str = ""
    generator: tuple[re.Pattern[str], ...] = ()
    url_patterns: tuple[re.Pattern[str], ...] = ()
    markup: tuple[tuple[str | None, Selector], ...] = ()   # (a word the page must contain, selector)
    fields: dict[str, tuple[Selector, ...]] = field(default_factory=dict)
    strip: tuple[Selector, ...] = ()
    signature: bool = True
    article_url: tuple[re.Pattern[str], ...] = ()
    page_url: tuple[re.Pattern[str], ...] = ()
    listing_url: tuple[re.Pattern[str], ...] = ()
    skip_url: tuple[re.Pattern[str], ...] = ()
    postback: bool = False
    urls: UrlRules = UrlRules()

    def selectors(self, name: str) -> tuple[Selector, ...]:
        return self.fields.get(name, ())


def compile_selector(text: str) -> Selector:
    """CSS (translated to XPath once) or XPath when the text starts with '/' or '('."""
    if text.startswith(LABEL_KINDS):
        return LabelSelector(text)
    if text.startswith(("/", "(")):
        return etree.XPath(text)
    selector = CSSSelector(text, translator="html")
    step = fast_step(selector.path)
    if step is not None:
        return FastSelector(selector, step)
    head = _HEAD_STEP.match(selector.path)
    if head is None or " | " in selector.path:
        return selector
    return ScopedSelector(selector, head.group(1), head.group(2))


# -- one CSS step without XPath ----------------------------------------------------------------
# libxml2 evaluates `descendant-or-self::td[@class ...]` at a few hundred nanoseconds per element
# of the page; lxml's iter("td") (a C walk over the tree yielding only the <td>s) and a test of
# each <td> do the same step for a fraction of that. Only the forms cssselect writes for a tag
# with class, id or attribute tests are taken (each tested exactly as the XPath tests it); any
# other XPath, and a test on elements of any tag, stays XPath.
_STEP = re.compile(r"^descendant-or-self::(\*|[a-z][a-z0-9]*)(?:\[(.*)\])?$", re.S)
_CLASS_TEST = re.compile(r"^@class and contains\(@class, '([^' ]+)'\) and contains\(concat\(' ', "
                         r"normalize-space\(@class\), ' '\), ' ([^' ]+) '\)$")
_STARTS = re.compile(r"^@([a-z][a-z0-9_:-]*) and starts-with\(@\1, '([^']*)'\)$")
_ENDS = re.compile(r"^@([a-z][a-z0-9_:-]*) and substring\(@\1, string-length\(@\1\)-(\d+)\) = "
                   r"'([^']+)'$")
_EQUALS = re.compile(r"^@([a-z][a-z0-9_:-]*) = '([^']*)'$")
_CONTAINS = re.compile(r"^@([a-z][a-z0-9_:-]*) and contains\(@\1, '([^']*)'\)$")
_EXISTS = re.compile(r"^@([a-z][a-z0-9_:-]*)$")
_XML_SPACE = re.compile("[\x20\x09\x0d\x0a]+")


def _split_and(pred: str) -> list[str] | None:
    """'(A) and (B) and ...' -> [A, B, ...]; [pred] when it is not such a conjunction."""
    if not pred.startswith("("):
        return [pred]
    parts, depth, quote, start = [], 0, None, 0
    for i, ch in enumerate(pred):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
            if depth == 1:
                start = i + 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                parts.append(pred[start:i])
                rest = pred[i + 1:]
                if rest and not rest.startswith(" and ("):
                    return None
    return parts if depth == 0 and parts else None


def _test(pred: str):
    """(kind, attribute, value) of one predicate cssselect writes, or None."""
    m = _CLASS_TEST.match(pred)
    if m:
        return ("token", "class", m.group(1)) if m.group(1) == m.group(2) else None
    m = _STARTS.match(pred)
    if m:
        return ("starts", m.group(1), m.group(2))
    m = _ENDS.match(pred)
    if m:
        return ("ends", m.group(1), m.group(3)) if int(m.group(2)) == len(m.group(3)) - 1 else None
    m = _EQUALS.match(pred)
    if m:
        return ("equals", m.group(1), m.group(2))
    m = _CONTAINS.match(pred)
    if m:
        return ("contains", m.group(1), m.group(2))
    m = _EXISTS.match(pred)
    if m:
        return ("exists", m.group(1), None)
    return None


def fast_step(path: str) -> "FastStep | None":
    m = _STEP.match(path)
    if m is None:
        return None
    tests = []
    if m.group(2) is not None:
        parts = _split_and(m.group(2))
        if not parts:
            return None
        for part in parts:
            test = _test(part)
            if test is None:
                return None
            tests.append(test)
    return FastStep(m.group(1), tuple(tests))


def _has_token(value: str | None, token: str) -> bool:
    """XPath's `contains(concat(' ', normalize-space(@class), ' '), ' token ')`."""
    return value is not None and token in value and token in _XML_SPACE.split(value)


def _passes(el: etree._Element, tests: tuple) -> bool:
    for kind, name, value in tests:
        found = el.get(name)
        if found is None:
            return False
        if kind == "token":
            if not _has_token(found, value):
                return False
        elif kind == "starts":
            if not found.startswith(value):
                return False
        elif kind == "ends":
            if not found.endswith(value):
                return False
        elif kind == "contains":
            if value not in found:
                return False
        elif kind == "equals" and found != value:
            return False
    return True


class NameIndex:
    """The class and id attributes of a whole page, gathered once (one walk): a selector for a
    class or an id anywhere in the page then costs a substring search over the joined names and
    an exact test of the few elements it hits, instead of a scan of every element."""

    def __init__(self, root: etree._Element) -> None:
        # the elements of `descendant-or-self::*[@class or @id]`, in document order (a walk
        # reading both attributes of each element costs two thirds of that XPath's run)
        # (read from the page's attribute table, which the hint groups share: one walk)
        self.elements: list[etree._Element] = []
        self.classes: list[str | None] = []
        self.ids: list[str | None] = []
        attrs = PageAttrs.of_page(root)
        for el, cls, ident in zip(attrs.elements, attrs.classes, attrs.ids):
            if cls is not None or ident is not None:
                self.elements.append(el)
                self.classes.append(cls)
                self.ids.append(ident)
        self._joined: dict[str, tuple[str, list[int]] | None] = {}

    def _lookup(self, name: str, value: str) -> list[int] | None:
        """Indexes of the elements whose `name` attribute holds `value` as a substring (in
        document order); None when the index cannot tell (a NUL inside a value)."""
        joined = self._joined.get(name, False)
        if joined is False:
            values = [v or "" for v in (self.classes if name == "class" else self.ids)]
            text = "\x00".join(values)
            joined = None if text.count("\x00") != max(len(values) - 1, 0) else \
                (text, list(accumulate((len(v) + 1 for v in values), initial=0)))
            self._joined[name] = joined
        if joined is None or not value or "\x00" in value:
            return None
        text, starts = joined
        hits: list[int] = []
        at = text.find(value)
        while at >= 0:
            piece = bisect_right(starts, at) - 1
            hits.append(piece)
            at = text.find(value, starts[piece + 1])
        return hits

    def select(self, tag: str, tests: tuple) -> list | None:
        """The step's elements, or None when the index does not answer it."""
        for kind, name, value in tests:
            if name in ("class", "id") and kind in ("token", "equals", "starts", "ends", "contains"):
                hits = self._lookup(name, value)
                if hits is None:
                    return None
                elements = self.elements
                return [elements[i] for i in hits
                        if (tag == "*" or elements[i].tag == tag) and _passes(elements[i], tests)]
        return None


def _page_root(root: etree._Element) -> bool:
    return root.getparent() is None


class FastStep:
    """`descendant-or-self::TAG[tests]`: the same elements in the same (document) order."""

    def __init__(self, tag: str, tests: tuple) -> None:
        self.tag, self.tests = tag, tests

    def __call__(self, root: etree._Element) -> list:
        tag, tests = self.tag, self.tests
        if tests and _page_root(root):
            # a page's index, built for the first step that needs it on any element (or used
            # when already built)
            key = ("name-index", root)
            index = page_cached(key, lambda: NameIndex(root)) if tag == "*" else page_peek(key)
            if index is not None:
                found = index.select(tag, tests)
                if found is not None:
                    return found
        if tag != "*":
            if not tests:
                return list(root.iter(tag))
            if len(tests) == 1 and tests[0][0] == "token":
                token = tests[0][2]        # the usual 'div.content': a substring test first
                found = []
                for el in root.iter(tag):
                    cls = el.get("class")
                    if cls is not None and token in cls and token in _XML_SPACE.split(cls):
                        found.append(el)
                return found
            return [el for el in root.iter(tag) if _passes(el, tests)]
        if not tests:
            return list(root.iter(etree.Element))
        return [el for el in root.iter(etree.Element) if _passes(el, tests)]


    def matches(self, root: etree._Element) -> bool:
        """Whether the step selects anything (stops at the first element)."""
        tag, tests = self.tag, self.tests
        if tag == "*" and tests:
            return bool(self(root))
        if len(tests) == 1 and tests[0][0] == "token":
            token = tests[0][2]
            for el in root.iter(tag):
                cls = el.get("class")
                if cls is not None and token in cls and token in _XML_SPACE.split(cls):
                    return True
            return False
        for el in root.iter(etree.Element if tag == "*" else tag):
            if not tests or _passes(el, tests):
                return True
        return False


# -- label selectors ------------------------------------------------------------------------------
# `label: lượt người xem | lượt xem`: the elements inside <body> whose first text (their own text,
# else the first tail among their children) holds one of the labels as written; `label-box:
# lượt truy cập`: for each element whose first text holds a label in any case (counter widgets
# print theirs in capitals as often as not), the nearest element around it (itself included)
# holding a counter widget (an image whose src names a counter, or five spans or more).
# What XPath would say as `/html/body//*/text()[1][contains(translate(...), ...)]/..`, read from
# one pass over the page's first texts shared by every label selector of the page, where
# libxml2 would evaluate translate() on every text for every selector.
LABEL_KINDS = ("label:", "label-box:")
_POSITION_OF = etree.XPath("count(preceding::*) + count(ancestor::*)")


class LabelSelector:
    def __init__(self, text: str) -> None:
        kind, _, labels = text.partition(":")
        words = [w.strip() for w in labels.split("|") if w.strip()]
        if not words:
            raise ValueError(f"{text!r}: a label selector names at least one label")
        self.path = text
        self._box = kind == "label-box"
        self._pattern = re.compile("|".join(re.escape(w) for w in words),
                                   re.I if self._box else 0)

    def __call__(self, root: etree._Element) -> list:
        found = [el for el, text in _first_texts(root) if self._pattern.search(text)]
        if not self._box:
            return found
        boxes: dict[etree._Element, None] = {}
        for el in found:
            node = el
            # (the page's <body> is no label's box: a footer's counter line, else, would be read
            # as the digits of a widget elsewhere on the page)
            while node is not None and node.tag not in ("body", "html"):
                if _counter_box(node):
                    boxes[node] = None
                    break
                node = node.getparent()
        if len(boxes) < 2:
            return list(boxes)
        return sorted(boxes, key=lambda el: _POSITION_OF(el))


def _first_texts(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """Every element inside the page's body with its first text node (its text, else the
    first tail among its children), once per page."""
    def compute() -> list[tuple[etree._Element, str]]:
        top = root.getroottree().getroot()
        found: list[tuple[etree._Element, str]] = []
        if top is None or top.tag != "html":
            return found
        for body in top:
            if body.tag != "body":
                continue
            for el in body.iter(etree.Element):
                if el is body:
                    continue
                text = el.text
                if text is None:
                    for child in el:
                        if child.tail is not None:
                            text = child.tail
                            break
                    else:
                        continue
                found.append((el, text))
        return found
    return page_cached(("first-texts", root.getroottree().getroot()), compute) or compute()


def _counter_box(el: etree._Element) -> bool:
    for img in el.iter("img"):
        if img is not el and "counter" in (img.get("src") or ""):
            return True
    spans = 0
    for span in el.iter("span"):
        if span is not el:
            spans += 1
            if spans >= 5:
                return True
    return False


class FastSelector:
    """A one-step CSS selector evaluated by `FastStep` (see there)."""

    def __init__(self, whole: CSSSelector, step: FastStep) -> None:
        self.css, self.path = whole.css, whole.path
        self._step = step
        self.matches = step.matches

    def __call__(self, root: etree._Element) -> list:
        return self._step(root)


# '.asset-full-content .header-title': a first step that finds a container, then a path inside it
_HEAD_STEP = re.compile(r"^(descendant-or-self::[\w*-]+(?:\[[^\[\]]*\])?)/(descendant::.+)$")


class ScopedSelector:
    """A CSS selector whose first step finds a container ('.asset-full-content ...',
    '#column-1 ...'). Several fields of a profile start with the same container: within a page
    it is looked for once (the whole tree scanned once, not once per selector) and the rest of
    the path runs inside it. The same elements, in the same order, as the plain selector."""

    def __init__(self, whole: CSSSelector, head: str, tail: str) -> None:
        self.css, self.path = whole.css, whole.path
        self._whole, self._head_path = whole, head
        self._head, self._tail = fast_step(head) or etree.XPath(head), etree.XPath(tail)

    def __call__(self, root: etree._Element) -> list:
        containers = page_cached(("css-head", self._head_path, root), lambda: self._head(root))
        if containers is None or len(containers) > 1:
            return self._whole(root)     # outside a page, or nested/repeated containers
        return self._tail(containers[0]) if containers else []


_IDENT = re.compile(r"[A-Za-z_][\w-]{3,}")
_NOT_NEEDLES = frozenset({"class", "contains", "text", "starts-with", "normalize-space", "div",
                          "span", "table", "html", "body", "meta", "name", "content", "self",
                          "ancestor", "descendant", "following", "preceding", "parent"})


def needle_of(selector: str) -> str | None:
    """The longest class/id/attribute word of a selector: a page without it in its source
    cannot match, so the (costlier) selector need not run."""
    words = [w for w in _IDENT.findall(selector) if w.lower() not in _NOT_NEEDLES]
    return max(words, key=len) if words else None


def profile_from_dict(data: dict, origin: str = "<profile>") -> Profile:
    _check_keys(data, origin)
    try:
        detect, fields_, body = data.get("detect", {}), data.get("fields", {}), data.get("body", {})
        listing, urls = data.get("listing", {}), data.get("urls", {})
        return Profile(
            name=data["name"],
            description=data.get("description", ""),
            generator=_patterns(detect.get("generator", [])),
            url_patterns=_patterns(detect.get("url", [])),
            markup=tuple((needle_of(s), compile_selector(s)) for s in detect.get("markup", [])),
            fields={k: tuple(compile_selector(s) for s in v) for k, v in fields_.items()},
            strip=tuple(compile_selector(s) for s in body.get("strip", [])),
            signature=bool(body.get("signature", True)),
            article_url=_patterns(listing.get("article_url", [])),
            page_url=_patterns(listing.get("page_url", [])),
            listing_url=_patterns(listing.get("listing_url", [])),
            skip_url=_patterns(listing.get("skip_url", [])),
            postback=bool(listing.get("postback", False)),
            urls=UrlRules(
                tuple(DropParams(re.compile(d["when"]), frozenset(p.lower() for p in d["params"]))
                      for d in urls.get("drop_params", [])),
                tuple(Rewrite(re.compile(r["pattern"]), r["replace"])
                      for r in urls.get("rewrite", [])),
                tuple(re.compile(c) for c in urls.get("case_insensitive", []))),
        )
    except KeyError as exc:
        raise ProfileError(f"{origin}: missing key {exc.args[0]!r}") from None
    except (re.error, etree.XPathError, SelectorError, TypeError, AttributeError) as exc:
        raise ProfileError(f"{origin}: {exc}") from None


def _check_keys(data: dict, origin: str) -> None:
    for section, allowed in _KEYS.items():
        table = data if section == "" else data.get(section, {})
        if not isinstance(table, dict):
            raise ProfileError(f"{origin}: [{section}] must be a table")
        unknown = set(table) - allowed
        if unknown:
            where = f"[{section}] " if section else ""
            raise ProfileError(f"{origin}: unknown key {where}{sorted(unknown)[0]!r}")


def _patterns(items: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in items)


@lru_cache(maxsize=1)
def load_profiles() -> tuple[Profile, ...]:
    """Every bundled profile, sorted by name."""
    folder = resources.files("govnews.parsers.profiles")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            found.append(profile_from_dict(tomllib.loads(entry.read_text("utf-8")), entry.name))
    return tuple(found)


def profile_named(name: str) -> Profile:
    for profile in load_profiles():
        if profile.name == name:
            return profile
    known = ", ".join(p.name for p in load_profiles())
    raise ProfileError(f"unknown profile {name!r} (known: {known}, generic)")
