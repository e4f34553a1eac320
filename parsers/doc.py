"""A parsed page and what every extractor asks of it, computed once and shared."""
from __future__ import annotations

import json
from functools import cached_property

from lxml import etree

from .text import clean, text_of

LINK_LIST_TAGS = ("li", "dd", "dt", "tr")
CHROME_HINTS = ("footer", "header", "menu", "nav", "sidebar", "banner", "copyright", "bottom",
                "left", "right", "related", "lienquan", "tinkhac", "other", "widget", "module",
                "breadcrumb", "share", "social", "comment", "search", "login")


class Doc:
    def __init__(self, root: etree._Element, url: str) -> None:
        self.root = root
        self.url = url

    @cached_property
    def order(self) -> dict[etree._Element, int]:
        return {el: i for i, el in enumerate(self.root.iter())}

    def position(self, el: etree._Element) -> int:
        return self.order.get(el, -1)

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
            except ValueError:
                continue
            stack = data if isinstance(data, list) else [data]
            while stack:
                item = stack.pop(0)
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
    """Inside a list item (or table row) that holds a link: a related-news or listing entry."""
    for anc in el.iterancestors():
        if anc.tag in LINK_LIST_TAGS:
            return next(anc.iter("a"), None) is not None
        if anc.tag in ("body", "article", "main"):
            return False
    return False


def inside_link(el: etree._Element) -> bool:
    return el.tag == "a" or any(a.tag == "a" for a in el.iterancestors())


def chrome_ancestor(el: etree._Element, stop: etree._Element | None = None) -> bool:
    """Inside a header, footer, menu or sidebar, judged by tag and class/id names."""
    for anc in (el, *el.iterancestors()):
        if anc is stop:
            return False
        if anc.tag in ("footer", "nav", "aside", "header"):
            return True
        hint = ((anc.get("class") or "") + " " + (anc.get("id") or "")).lower()
        if hint.strip() and any(h in hint for h in ("footer", "copyright", "menu", "nav",
                                                      "sidebar", "banner")):
            return True
    return False


__all__ = ["Doc", "in_link_list", "inside_link", "chrome_ancestor", "text_of", "clean"]
