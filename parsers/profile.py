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

from .doc import page_cached
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
    if text.startswith(("/", "(")):
        return etree.XPath(text)
    selector = CSSSelector(text, translator="html")
    head = _HEAD_STEP.match(selector.path)
    if head is None or " | " in selector.path:
        return selector
    return ScopedSelector(selector, head.group(1), head.group(2))


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
        self._head, self._tail = etree.XPath(head), etree.XPath(tail)

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
