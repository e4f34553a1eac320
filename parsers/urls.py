"""Canonical URLs: one spelling per page, so an article is recorded once.

Pure string work. Generic rules apply everywhere and change nothing that could identify a
page: scheme and host case, default ports, fragments, known trackers' parameters (utm_*, fbclid,
gclid...), parameter order. What only some platforms ignore is a profile's `[urls]` rule, applied
to the URLs it matches: case-insensitive paths and parameter names (ASP.NET), session ids,
parameters that do not change the page, print views.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

# click and campaign trackers: they never select a page, on any site
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "zarsrc", "igshid",
    "_ga", "_gl", "mc_cid", "mc_eid", "_hsenc", "_hsmi",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")


@dataclass(frozen=True)
class DropParams:
    when: re.Pattern[str]
    params: frozenset[str]


@dataclass(frozen=True)
class Rewrite:
    pattern: re.Pattern[str]
    replace: str


@dataclass(frozen=True)
class UrlRules:
    drop_params: tuple[DropParams, ...] = ()
    rewrites: tuple[Rewrite, ...] = ()
    case_insensitive: tuple[re.Pattern[str], ...] = ()   # path and parameter names, lower-cased


def canonical_url(url: str, rules: UrlRules | None = None, _depth: int = 0) -> str:
    """The one spelling of `url`: lower-case scheme and host, no default port, no fragment, no
    trackers' parameters, parameters sorted; then the profiles' rules for the URLs they match
    (path case on ASP.NET platforms, which read it case-insensitively; session ids; parameters
    that do not change the page; print views)."""
    result = _generic(unicodedata.normalize("NFC", url))
    if not rules:
        return result
    if any(p.search(result) for p in rules.case_insensitive):
        result = _lower_path_and_names(result)
    for rewrite in rules.rewrites:
        new = rewrite.pattern.sub(rewrite.replace, result)
        if new != result:
            return canonical_url(new, rules, _depth + 1) if _depth < 3 else _generic(new)
    return _drop(result, rules)


def _generic(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
    except ValueError:               # 'http://[oops/': keep it as written, it names nothing
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port if _has_valid_port(parts) else None
    if ":" in host:                  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    netloc = host if port is None or (scheme, port) in {("http", 80), ("https", 443)} else f"{host}:{port}"
    path = quote(unquote(parts.path or "/"), safe="/:@!$&'()*+,;=-._~%")
    params = []
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        key = name.lower()
        if key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES):
            continue
        params.append((name, value))
    params.sort()
    return urlunsplit((scheme, netloc, path, _query(params), ""))


def _query(params: list[tuple[str, str]]) -> str:
    return urlencode(params, quote_via=quote, safe="/:@!$'()*,;-._~")


def _lower_path_and_names(url: str) -> str:
    parts = urlsplit(url)
    params = sorted((k.lower(), v) for k, v in parse_qsl(parts.query, keep_blank_values=True))
    return urlunsplit(parts._replace(path=parts.path.lower(), query=_query(params)))


def _drop(url: str, rules: UrlRules) -> str:
    for drop in rules.drop_params:
        if drop.when.search(url):
            parts = urlsplit(url)
            kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                    if k.lower() not in drop.params]
            url = urlunsplit(parts._replace(query=urlencode(kept, quote_via=quote,
                                                            safe="/:@!$'()*,;-._~")))
    return url


def _has_valid_port(parts) -> bool:
    try:
        return parts.port is not None
    except ValueError:
        return False


def merge_rules(rule_sets: list[UrlRules]) -> UrlRules:
    return UrlRules(tuple(d for r in rule_sets for d in r.drop_params),
                    tuple(w for r in rule_sets for w in r.rewrites),
                    tuple(c for r in rule_sets for c in r.case_insensitive))


def host_key(url: str) -> str:
    """The politeness and scope unit of a URL: the host name, lower-cased, with its port when it
    is not the scheme's default (two servers on one address are two hosts)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port if _has_valid_port(parts) else None
    if port is None or (parts.scheme, port) in (("http", 80), ("https", 443)):
        return host
    return f"{host}:{port}"
