"""Canonical URLs: one spelling per page, so an article is recorded once.

Pure string work. Generic rules (case, default ports, fragments, tracking and session
parameters, parameter order) apply everywhere; a profile's `[urls]` rules (parameters that do
not change the page, print views) apply to the URLs they match.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "zarsrc", "_ga", "_gl", "mc_cid", "mc_eid",
    "sessionid", "session_id", "sid", "jsessionid", "phpsessid", "aspsessionid", "cfid", "cftoken",
    "ref", "ref_src", "share", "from", "source_ref",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
_SESSION_IN_PATH = re.compile(r"/\([A-Za-z]\([A-Za-z0-9]+\)\)/|;jsessionid=[^/?#]*", re.I)
_CASE_INSENSITIVE_PATH = re.compile(r"\.(aspx|asp|ashx)$", re.I)


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


def canonical_url(url: str, rules: UrlRules | None = None) -> str:
    """The one spelling of `url`: lower-case scheme and host, no default port, no fragment, no
    tracking or session parameters, parameters sorted (names lower-cased on ASP.NET pages, which
    read them case-insensitively), then the profile's rules."""
    url = unicodedata.normalize("NFC", url)
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
    path = _SESSION_IN_PATH.sub("/", parts.path) or "/"
    path = quote(unquote(path), safe="/:@!$&'()*+,;=-._~%")
    asp = bool(_CASE_INSENSITIVE_PATH.search(path))
    if asp:
        path = path.lower()
    params = []
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        key = name.lower()
        if key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES):
            continue
        params.append((key if asp else name, value))
    params.sort()
    result = urlunsplit((scheme, netloc, path, urlencode(params, quote_via=quote, safe="/:@!$'()*,;-._~"), ""))
    return apply_rules(result, rules) if rules else result


def apply_rules(url: str, rules: UrlRules) -> str:
    for rewrite in rules.rewrites:
        new = rewrite.pattern.sub(rewrite.replace, url)
        if new != url:
            return canonical_url(new)
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
                    tuple(w for r in rule_sets for w in r.rewrites))
