"""Canonical URLs: one spelling per page, so an article is recorded once.

Pure string work. Generic rules apply everywhere and change nothing that could identify a
page: scheme and host case, default ports, fragments, known trackers' parameters (utm_*, fbclid,
gclid...), cache-busters ('_t=E67507E0FC', jQuery's '_=1700000000000'), parameter order. What only some platforms ignore is a profile's `[urls]` rule, applied
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
    case_insensitive, rewritten, dropped = _searchers(rules)
    if case_insensitive(result):
        result = _lower_path_and_names(result)
    if rewritten(result):              # else no rewrite can change it: none of them matches
        for rewrite in rules.rewrites:
            new = rewrite.pattern.sub(rewrite.replace, result)
            if new != result:
                return canonical_url(new, rules, _depth + 1) if _depth < 3 else _generic(new)
    return _drop(result, rules) if dropped(result) else result


_RULE_SEARCHERS: dict[int, tuple] = {}


def _searchers(rules: UrlRules) -> tuple:
    """Whether any case-insensitive pattern, any rewrite pattern, any drop rule's condition is
    found in a URL: one combined regex each (built once per rule set), so that a URL no rule
    concerns (most) is not searched once per rule."""
    known = _RULE_SEARCHERS.get(id(rules))
    if known is None or known[0] is not rules:
        known = _RULE_SEARCHERS[id(rules)] = (
            rules, any_search(tuple(rules.case_insensitive)),
            any_search(tuple(r.pattern for r in rules.rewrites)),
            any_search(tuple(d.when for d in rules.drop_params)))
        if len(_RULE_SEARCHERS) > 64:
            _RULE_SEARCHERS.clear()
            _RULE_SEARCHERS[id(rules)] = known
    return known[1:]


# a path that unquote() and quote() with _generic's safe characters give back unchanged
_PLAIN_PATH = re.compile(r"[A-Za-z0-9/:@!$&'()*+,;=\-._~]*")


# a URL already in its one spelling but for its parameters' order and trackers: lower-case http(s)
# scheme and host, no port, no fragment, a path and parameters of characters that quote() keeps
_PLAIN_URL = re.compile(r"(https?://[a-z0-9\-_]+(?:\.[a-z0-9\-_]+)*)(/[A-Za-z0-9/:@!$&'()*+,;=\-._~]*)?"
                        r"(?:\?((?:[A-Za-z0-9\-._~]+=[A-Za-z0-9\-._~:]*)"
                        r"(?:&[A-Za-z0-9\-._~]+=[A-Za-z0-9\-._~:]*)*)?)?")


def _generic(url: str) -> str:
    plain = _plain_parts(url)
    if plain is not None:             # most links: no urlsplit / parse_qsl / urlencode round trip
        base, path, params = plain
        if "/." in path:
            path = without_dot_segments(path)
        return _spelled(base, path, sorted((name, value) for name, value in params
                                           if not _tracker(name.lower()) and not _session(name, value)
                                           and not _cache_buster(name, value)))
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
    path = parts.path or "/"
    if "%" in path or not _PLAIN_PATH.fullmatch(path):
        path = quote(unquote(path), safe="/:@!$&'()*+,;=-._~%")   # else it would stay as it is
    if "/." in path:
        path = without_dot_segments(path)
    params = [(name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True)
              if not _tracker(name.lower()) and not _session(name, value) and not _cache_buster(name, value)]
    params.sort()
    return urlunsplit((scheme, netloc, path, _query(params), ""))


def without_dot_segments(path: str) -> str:
    """The path with its '.' and '..' segments resolved, as a browser sends it (RFC 3986
    §5.2.4): '/tin-tuc/../tin-tuc/./a.html' is '/tin-tuc/a.html'; '..' never climbs above '/'."""
    segments = path.split("/")
    kept: list[str] = []
    for segment in segments[1:]:
        if segment == ".":
            continue
        if segment == "..":
            if kept:
                kept.pop()
            continue
        kept.append(segment)
    if segments[-1] in (".", ".."):
        kept.append("")                # ('/a/b/..' is the folder '/a/')
    return "/" + "/".join(kept)


_ENCODED_DOT = re.compile(r"%2e", re.I)


def encoded_dots_resolved(url: str) -> str:
    """`url` with its path's percent-encoded dots ('%2e%2e', as a link may spell '..') read as
    dots and the dot segments resolved, as a browser requests it; other URLs unchanged."""
    if "%2e" not in url.lower():
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = _ENCODED_DOT.sub(".", parts.path)
    return urlunsplit(parts._replace(path=without_dot_segments(path))) if path.startswith("/") else url


def _tracker(key: str) -> bool:
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


# a session's id in the query, on any platform: PHP's and Java's own names, and a bare 'sid' whose
# value is a session token (phpBB's and many forums' 32 hex digits), never a short id of a page
_SESSION_NAMES = frozenset({"phpsessid", "jsessionid", "sessionid", "session_id", "sessid", "cfid", "cftoken"})
_SESSION_TOKEN = re.compile(r"[0-9a-fA-F]{16,128}|[A-Za-z0-9_-]{24,128}")


def _session(name: str, value: str) -> bool:
    key = name.lower()
    return key in _SESSION_NAMES or (key in ("sid", "s_id") and _SESSION_TOKEN.fullmatch(value) is not None)


# a cache-buster a script or a theme appends to every link ('?_t=E67507E0FC', jQuery's '_=1700000000000',
# ExtJS's '_dc='): a new value on every answer, selecting nothing; only with a token's value (a timestamp
# or digits and letters mixed), never a word ('_t=news')
_BUSTER_NAMES = frozenset({"_", "_t", "_ts", "_dc", "_cb", "nocache", "cachebuster", "cache_buster"})
def _cache_buster(name: str, value: str) -> bool:
    if name.lower() not in _BUSTER_NAMES or not 6 <= len(value) <= 40 or not value.isascii() or not value.isalnum():
        return False
    return value.isdigit() and len(value) <= 20 or (not value.isdigit() and not value.isalpha())


def _query(params: list[tuple[str, str]]) -> str:
    return urlencode(params, quote_via=quote, safe="/:@!$'()*,;-._~")


def _plain_parts(url: str) -> tuple[str, str, list[tuple[str, str]]] | None:
    """(scheme and host, path, parameters) of a plainly spelled URL (`_PLAIN_URL`), else None."""
    plain = _PLAIN_URL.fullmatch(url)
    if plain is None:
        return None
    base, path, query = plain.groups()
    return base, path or "/", [piece.partition("=")[::2] for piece in query.split("&")] if query else []


def _spelled(base: str, path: str, params: list[tuple[str, str]]) -> str:
    return base + path + ("?" + "&".join(f"{name}={value}" for name, value in params) if params else "")


def _lower_path_and_names(url: str) -> str:
    plain = _plain_parts(url)
    if plain is not None:
        base, path, params = plain
        return _spelled(base, path.lower(), sorted((k.lower(), v) for k, v in params))
    parts = urlsplit(url)
    params = sorted((k.lower(), v) for k, v in parse_qsl(parts.query, keep_blank_values=True))
    return urlunsplit(parts._replace(path=parts.path.lower(), query=_query(params)))


def _drop(url: str, rules: UrlRules) -> str:
    for drop in rules.drop_params:
        if drop.when.search(url):
            plain = _plain_parts(url)
            if plain is not None:
                base, path, params = plain
                url = _spelled(base, path, [(k, v) for k, v in params if k.lower() not in drop.params])
                continue
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
    """The rules of several profiles as one set. A rule that an earlier profile already has
    (several platforms share the cookieless-session rewrite) is kept once: a rewrite is only
    reached when the same rewrite before it changed nothing, a parameter drop is idempotent and
    a case-insensitive pattern is asked with any(), so the copies could never change a URL."""
    return UrlRules(_unique(d for r in rule_sets for d in r.drop_params),
                    _unique(w for r in rule_sets for w in r.rewrites),
                    _unique(c for r in rule_sets for c in r.case_insensitive))


def _rule_key(rule) -> tuple:
    if isinstance(rule, re.Pattern):
        return (rule.pattern, rule.flags)
    if isinstance(rule, DropParams):
        return (rule.when.pattern, rule.when.flags, rule.params)
    return (rule.pattern.pattern, rule.pattern.flags, rule.replace)


def _unique(rules) -> tuple:
    seen: set[tuple] = set()
    kept = []
    for rule in rules:
        key = _rule_key(rule)
        if key not in seen:
            seen.add(key)
            kept.append(rule)
    return tuple(kept)


def host_key(url: str) -> str:
    """The politeness and scope unit of a URL: the host name, lower-cased, with its port when it
    is not the scheme's default (two servers on one address are two hosts)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port if _has_valid_port(parts) else None
    if port is None or (parts.scheme, port) in (("http", 80), ("https", 443)):
        return host
    return f"{host}:{port}"


def on_vn_domain(url: str) -> bool:
    """Whether the URL's host is under .vn: a Vietnamese portal, whatever language the page is
    in (its English version is the same portal, with the same conventions)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:                 # 'http://[bracket/': no host to read
        return False
    return host.endswith(".vn")


_SEARCHERS: dict[tuple, object] = {}
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P[=<]")


def any_search(patterns: tuple[re.Pattern[str], ...]):
    """A function telling whether any of `patterns` is found in a text: one combined regex
    (an alternation finds a match wherever one of its parts does) instead of a search per
    pattern, when the patterns can be combined (no backreference or named group, no flags but
    a leading (?i)); else the searches one by one."""
    found = _SEARCHERS.get(patterns)
    if found is None:
        found = _SEARCHERS[patterns] = _combined(patterns)
    return found


def _combined(patterns: tuple[re.Pattern[str], ...]):
    parts = []
    for p in patterns:
        text = p.pattern
        if not isinstance(text, str) or _BACKREFERENCE.search(text):
            break
        if text.startswith("(?i)") and p.flags & ~re.UNICODE == re.I:
            body, flag = text[4:], "i"
        elif p.flags & ~re.UNICODE == 0:
            body, flag = text, ""
        else:
            break
        if "(?" in body.replace("(?:", "").replace("(?=", "").replace("(?!", "") \
                .replace("(?<=", "").replace("(?<!", ""):
            break                      # another inline flag or construct: not combined
        parts.append(f"(?{flag}:{body})")
    else:
        if not parts:
            return lambda text: False
        try:
            return re.compile("|".join(parts)).search
        except re.error:
            pass
    return lambda text: any(p.search(text) for p in patterns)
