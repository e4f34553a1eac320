"""The harvest configuration (TOML): one defaults table, overridden by the file, overridden by
the command line (`-s KEY=VALUE`). Every value is checked at load against its type and the one
table of limits below; a bad one is a ConfigError whose message is one line naming the file (or
the `-s` item), the table, the key and the value."""
from __future__ import annotations

import difflib
import math
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

from .errors import ConfigError

DEFAULTS: dict[str, dict[str, Any]] = {
    "harvest": {
        "output": "govnews-data",     # the dataset folder
        "user_agent": "",             # default: govnews/VERSION (+contact)
        "contact": "",                # an email or URL for site operators
        "delay": 1.0,                 # seconds between requests to one host
        "max_pages": 5000,            # per site and run
        "max_depth": 8,
        "workers": 16,                # hosts crawled at once
        "timeout": 30.0,              # read timeout, seconds
        "connect_timeout": 10.0,
        "max_bytes": 10 * 1024 * 1024,
        "max_tries": 4,
        "allow_private": False,       # loopback / private addresses (tests, the demo)
        "formats": ["csv", "jsonl"],  # per-run exports; add "parquet" with govnews[parquet]
        "excel": False,
        "max_run_seconds": 0.0,       # 0: no limit; else no new pages are taken after this
        "max_retry_wait": 300.0,      # a longer Retry-After: the host is done for this run
        "host_give_up_seconds": 300.0,  # only failures from a host for this long: given up
        "listing_share": 0.5,         # of max_pages, for listing, pager and feed pages
        "max_queued": 100_000,        # queued URLs per site
        "log_file": "",               # "": no log file; else messages (INFO and up) go there too
    },
    "reobserve": {
        "window_days": 30,            # re-fetch articles published in the last N days
        "sample_older": 20,           # and this many older ones per site and run
    },
    "archive": {
        "enabled": True,              # WARC/1.1 of every response
        "max_file_mb": 100,
    },
    "cluster": {
        "scheduler": "",              # a Dask scheduler's address (tcp://HOST:8786): run there
        "processes": 0,               # else N > 0: N worker processes on this machine
        "lease_wait": 120.0,          # seconds a task waits for a site another worker holds
                                      # (longer than an NFS lock lease: 90 s on Linux)
    },
}
SITE_KEYS: dict[str, type | tuple] = {
    "name": str, "start_urls": list, "profile": str, "delay": (int, float), "allow_private": bool,
    "ca_bundle": str, "verify": bool, "max_pages": int, "max_depth": int,
    # a portal that is gone: its captures from a web archive (see `govnews recover`)
    "source": str, "from": (str, date), "to": (str, date), "archive_url": str, "cc_index_url": str,
    "cc_data_url": str,
}
SITE_SOURCES = ("live", "wayback", "commoncrawl")
SITE_URL_KEYS = ("archive_url", "cc_index_url", "cc_data_url")
REQUIRED_SITE_KEYS = ("name", "start_urls")
SITE_LIMITS_FROM = "harvest"          # a site's delay, max_pages, max_depth: [harvest]'s limits


@dataclass(frozen=True)
class Limit:
    """The allowed range of a number, `low <= value <= high` (`low < value` when `low_open`);
    for a string, `high` is its longest length."""
    low: float
    high: float
    low_open: bool = False


GiB = 1024 ** 3
LIMITS: dict[str, dict[str, Limit]] = {
    "harvest": {
        "output": Limit(0, 4096),                   # characters (a path)
        "user_agent": Limit(0, 1000),               # characters (a header value)
        "contact": Limit(0, 500),                   # characters (goes into the User-Agent)
        "delay": Limit(0, 3600),                    # seconds; an hour between requests is absurd
        "max_pages": Limit(1, 10_000_000),
        "max_depth": Limit(0, 1000),
        "workers": Limit(1, 1024),                  # threads
        "timeout": Limit(0, 3600, low_open=True),   # seconds
        "connect_timeout": Limit(0, 600, low_open=True),
        "max_bytes": Limit(1024, 2 * GiB),          # bytes, read into memory
        "max_tries": Limit(1, 100),
        "max_run_seconds": Limit(0, 30 * 86400),    # 0 = off; at most 30 days
        "max_retry_wait": Limit(0, 86400, low_open=True),
        "host_give_up_seconds": Limit(0, 86400, low_open=True),
        "listing_share": Limit(0, 1, low_open=True),
        "max_queued": Limit(1, 10_000_000),
        "log_file": Limit(0, 4096),                 # characters (a path)
    },
    "reobserve": {
        "window_days": Limit(0, 36500),             # 100 years; more overflows date arithmetic
        "sample_older": Limit(0, 1_000_000),
    },
    "archive": {
        "max_file_mb": Limit(0, 100_000, low_open=True),
    },
    "cluster": {
        "scheduler": Limit(0, 1000),                # characters (an address)
        "processes": Limit(0, 1024),
        "lease_wait": Limit(0, 86400),
    },
}
ENUMS: dict[str, dict[str, tuple[str, ...]]] = {
    "harvest": {"formats": ("csv", "jsonl", "parquet")},   # list items, each at most once
}
HEADER_KEYS = {"harvest": ("user_agent", "contact"),          # printable ASCII only
               "cluster": ("scheduler",)}
PATH_KEYS = {"harvest": ("output", "log_file")}              # no control characters
SITE_NAME_MAX = 100
SITE_NAME_RULE = ("letters, digits, '-', '_' and '.' (not first), at most "
                  f"{SITE_NAME_MAX} characters, optionally ':PORT' at the end")


@dataclass
class SiteConfig:
    name: str
    start_urls: list[str]
    profile: str | None = None
    delay: float | None = None
    allow_private: bool = False
    ca_bundle: str | None = None
    verify: bool = True
    max_pages: int | None = None
    max_depth: int | None = None
    source: str = "live"              # or "wayback" / "commoncrawl": recovered, not crawled
    from_date: str | None = None      # archive captures from / to (YYYY-MM-DD)
    to_date: str | None = None
    archive_url: str | None = None    # a Wayback-style service (default: the Internet Archive)
    cc_index_url: str | None = None   # a Common Crawl index server
    cc_data_url: str | None = None    # where Common Crawl's WARC files are fetched from


@dataclass
class Config:
    harvest: dict[str, Any]
    reobserve: dict[str, Any]
    archive: dict[str, Any]
    sites: list[SiteConfig] = field(default_factory=list)
    path: Path | None = None
    cluster: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS["cluster"]))


def load_config(path: Path | str, overrides: Iterable[str] = ()) -> Config:
    """The file at `path`, with `-s KEY=VALUE` overrides applied before validation."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a config file") from None
    except PermissionError:
        raise ConfigError(f"{path}: cannot read the config file (permission denied)") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {_one_line(str(exc))}") from None
    return config_from_dict(raw, path, overrides)


def apply_overrides(raw: dict[str, Any], settings: Iterable[str]) -> dict[str, Any]:
    """A new raw config: `raw` with each `TABLE.KEY=VALUE` (a bare KEY means [harvest]) set.
    VALUE is read as a TOML value when it is one (`2`, `true`, `"x"`, `["csv"]`), else as a
    plain string. Values are validated later, by `config_from_dict`, exactly like the file's."""
    merged = {key: dict(value) if isinstance(value, dict) else value for key, value in raw.items()}
    for item in settings:
        section, key, value = parse_override(item)
        table = merged.setdefault(section, {})
        if isinstance(table, dict):       # else left as it is, for validation to refuse
            merged[section] = {**table, key: value}
    return merged


def parse_override(item: str) -> tuple[str, str, Any]:
    """`reobserve.window_days=7` -> ("reobserve", "window_days", 7)."""
    label = f"-s {_arg(item)}"
    name, sep, text = item.partition("=")
    if not sep:
        raise ConfigError(f"{label}: no '=' (use -s KEY=VALUE, e.g. -s delay=2)")
    name = name.strip()
    section, dot, key = name.rpartition(".")
    if not dot:
        section = "harvest"
    if section not in DEFAULTS:
        hint = _did_you_mean(section, DEFAULTS)
        raise ConfigError(f"{label}: unknown table {_show(section)}"
                          + (hint or f" (known: {', '.join(DEFAULTS)}; [[sites]] has no -s)"))
    if key not in DEFAULTS[section]:
        hint = _did_you_mean(key, DEFAULTS[section]) or (
            "" if dot else _other_table(key)) or f" (known: {', '.join(DEFAULTS[section])})"
        raise ConfigError(f"{label}: unknown key {_show(key)} in [{section}]{hint}")
    return section, key, _toml_value(text.strip())


def config_from_dict(raw: dict[str, Any], path: Path | str | None = None,
                     overrides: Iterable[str] = ()) -> Config:
    """A validated Config from a parsed TOML document (and `-s` overrides), or a ConfigError."""
    file = f"{path}: " if path else ""
    if not isinstance(raw, dict):
        raise ConfigError(f"{file}the config must be a TOML table")
    overrides = list(overrides)
    origin = {parse_override(item)[:2]: item for item in overrides}
    raw = apply_overrides(raw, overrides)

    def where(section: str, key: str) -> str:
        item = origin.get((section, key))
        return f"-s {_arg(item)}: " if item is not None else file

    for key in raw:
        if key not in DEFAULTS and key != "sites":
            known = [*DEFAULTS, "sites"]
            hint = _did_you_mean(key, known) or f" (known: {', '.join(known)})"
            raise ConfigError(f"{file}unknown key {_show(key)} at top level{hint}")
    tables = {}
    for section, defaults in DEFAULTS.items():
        given = raw.get(section, {})
        if not isinstance(given, dict):
            raise ConfigError(f"{file}[{section}] must be a table, not {_type_name(type(given))}")
        tables[section] = _table(section, given, where)
    sites_raw = raw.get("sites")
    if sites_raw is None or sites_raw == []:
        raise ConfigError(f"{file}missing key 'sites': list at least one [[sites]] entry")
    if not isinstance(sites_raw, list):
        raise ConfigError(f"{file}'sites' must be an array of tables ([[sites]])")
    sites = [_site(i, s, file) for i, s in enumerate(sites_raw)]
    seen: dict[str, str] = {}
    for site in sites:
        folded = site.name.casefold()
        if folded in seen:
            raise ConfigError(f"{file}two sites are named {_show(seen[folded])}"
                              + ("" if seen[folded] == site.name else f" and {_show(site.name)}"))
        seen[folded] = site.name
    return Config(tables["harvest"], tables["reobserve"], tables["archive"], sites,
                  Path(path) if path else None, tables["cluster"])


def _table(section: str, given: dict, where) -> dict[str, Any]:
    defaults = DEFAULTS[section]
    merged = {key: list(value) if isinstance(value, list) else value
              for key, value in defaults.items()}
    for key, value in given.items():
        if key not in defaults:
            hint = _did_you_mean(key, defaults) or f" (known: {', '.join(defaults)})"
            raise ConfigError(f"{where(section, key)}unknown key {_show(key)} "
                              f"in [{section}]{hint}")
        label = f"{where(section, key)}[{section}] {key}"
        merged[key] = _checked(label, value, _expected(defaults[key]), LIMITS[section].get(key))
        if key in ENUMS.get(section, {}):
            _check_choices(label, merged[key], ENUMS[section][key])
        if key in HEADER_KEYS.get(section, ()):
            _check_header(label, merged[key])
        if key in PATH_KEYS.get(section, ()):
            _check_no_controls(label, merged[key])
    return merged


def _site(index: int, raw: Any, file: str) -> SiteConfig:
    table = f"[[sites]] #{index + 1}"
    if not isinstance(raw, dict):
        raise ConfigError(f"{file}{table} must be a table, not {_type_name(type(raw))}")
    if isinstance(raw.get("name"), str):
        table += f" ({_show(raw['name'], 40)})"
    for key in raw:
        if key not in SITE_KEYS:
            hint = _did_you_mean(key, SITE_KEYS) or f" (known: {', '.join(SITE_KEYS)})"
            raise ConfigError(f"{file}unknown key {_show(key)} in {table}{hint}")
    for key in REQUIRED_SITE_KEYS:
        if key not in raw:
            raise ConfigError(f"{file}missing key {key!r} in {table}")
    label = file + table
    site = {key: _checked(f"{label} {key}", value, SITE_KEYS[key],
                          LIMITS[SITE_LIMITS_FROM].get(key))
            for key, value in raw.items()}
    site["name"] = _site_name(f"{label} name", site["name"])
    site["start_urls"] = _start_urls(f"{label} start_urls", site["start_urls"])
    if site.get("profile"):
        _check_no_controls(f"{label} profile", site["profile"])
        if site["profile"] != "generic":
            from govnews.parsers.profile import ProfileError, profile_named
            try:
                profile_named(site["profile"])
            except ProfileError as exc:
                raise ConfigError(f"{label}: {_one_line(str(exc))}") from None
    if "source" in site and site["source"] not in SITE_SOURCES:
        raise ConfigError(f"{label} source must be one of {', '.join(SITE_SOURCES)}, "
                          f"not {_show(site['source'])}")
    for key in ("from", "to"):
        if key in site:
            site[f"{key}_date"] = _date(f"{label} {key}", site.pop(key))
    check_date_range(label, site.get("from_date"), site.get("to_date"))
    for key in SITE_URL_KEYS:
        if key in site:
            _start_urls(f"{label} {key}", [site[key]])
    if site.get("ca_bundle"):
        _check_no_controls(f"{label} ca_bundle", site["ca_bundle"])
        if not Path(site["ca_bundle"]).is_file():
            raise ConfigError(f"{label} ca_bundle {_show(site['ca_bundle'])} "
                              "is not a readable file")
    return SiteConfig(**site)


def _checked(label: str, value: Any, expected: type | tuple, limit: Limit | None) -> Any:
    """`value` if it has the expected type and lies within `limit` (numbers as given, except
    that an integer where a number is expected becomes a float)."""
    numeric = expected is float or expected == (int, float)
    ok = (isinstance(value, (int, float)) if numeric else isinstance(value, expected)) \
        and (expected is bool or not isinstance(value, bool))
    if not ok:
        raise ConfigError(f"{label} must be {_type_name(expected)}, "
                          f"not {_type_name(type(value))} ({_show(value)})")
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"{label} must be a finite number, not {value}")
    if limit is not None:
        if isinstance(value, str):
            if len(value) > limit.high:
                raise ConfigError(f"{label} must be at most {limit.high:g} characters, "
                                  f"not {len(value)}")
        elif value < limit.low or (limit.low_open and value == limit.low):
            relation = ">" if limit.low_open else ">="
            raise ConfigError(f"{label} must be {relation} {limit.low:g}, not {_show(value)}")
        elif value > limit.high:
            raise ConfigError(f"{label} must be <= {limit.high:g}, not {_show(value)}")
    return float(value) if numeric and not isinstance(value, bool) else value


def _check_choices(label: str, items: list, choices: tuple[str, ...]) -> None:
    for item in items:
        if item not in choices:
            raise ConfigError(f"{label} must list only {', '.join(map(repr, choices))}, "
                              f"not {_show(item)}")
    for item in items:
        if items.count(item) > 1:
            raise ConfigError(f"{label} lists {_show(item)} twice")


def _check_header(label: str, value: str) -> None:
    """An HTTP header value: printable ASCII only (a control character would split or end the
    header; http.client cannot even encode most non-ASCII)."""
    for char in value:
        if not " " <= char <= "~":
            raise ConfigError(f"{label} must be printable ASCII (no control characters), "
                              f"not {_show(value)} (character U+{ord(char):04X})")


def _check_no_controls(label: str, value: str) -> None:
    for char in value:
        if _is_control(char):
            raise ConfigError(f"{label} must not contain control characters, "
                              f"not {_show(value)} (character U+{ord(char):04X})")


def _date(label: str, text: "str | date") -> str:
    """A date as YYYY-MM-DD (or YYYY-MM, YYYY), as the archives' CDX APIs take it; a TOML
    date (unquoted) as well."""
    import re
    if isinstance(text, date):
        return text.isoformat()[:10]
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise ConfigError(f"{label} must be a date like 2020-01-31, not {_show(text)}")
    return text


def check_date_range(label: str, start: str | None, end: str | None) -> None:
    """ConfigError when `from` comes after `to` (dates as `_date` gives them: a year or a month
    stands for all of it), which would recover nothing and say nothing."""
    if start and end and start + "-01-01"[len(start) - 4:] > end + "-12-31"[len(end) - 4:]:
        raise ConfigError(f"{label}: from {start} is after to {end}")


def _site_name(label: str, name: str) -> str:
    """The name as NFC, if it is safe as a file name (it names the site's files)."""
    name = unicodedata.normalize("NFC", name)
    base, colon, port = name.rpartition(":")
    if not colon or not (port.isascii() and port.isdigit() and 0 < len(port) <= 5):
        base = name
    safe = (0 < len(name) <= SITE_NAME_MAX and not base.startswith(".")
            and all(char.isalnum() or char in "-_." for char in base))
    if not safe:
        raise ConfigError(f"{label} {_show(name)} is not a safe file name: use {SITE_NAME_RULE}")
    return name


def _start_urls(label: str, urls: list) -> list[str]:
    if not urls:
        raise ConfigError(f"{label} must list at least one http(s) URL")
    for url in urls:
        if not isinstance(url, str):
            raise ConfigError(f"{label} must be http(s) URLs, not {_type_name(type(url))} "
                              f"({_show(url)})")
        if any(char.isspace() or _is_control(char) for char in url):
            raise ConfigError(f"{label} must be http(s) URLs without spaces or control "
                              f"characters, not {_show(url)}")
        try:
            parts = urlsplit(url)
            valid = parts.scheme in ("http", "https") and bool(parts.hostname)
            parts.port                                    # raises on a bad port
        except ValueError:
            valid = False
        if not valid:
            raise ConfigError(f"{label} must be http(s) URLs with a host, not {_show(url)}")
    return list(urls)


def _toml_value(text: str) -> Any:
    """`text` read as a TOML value, or `text` itself when it is not one."""
    try:
        parsed = tomllib.loads(f"value = {text}")
    except tomllib.TOMLDecodeError:
        return text
    return parsed["value"] if list(parsed) == ["value"] else text


def _did_you_mean(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _other_table(key: str) -> str:
    """For a bare `-s KEY=...` naming a key of another table: where the key is."""
    for section, defaults in DEFAULTS.items():
        if key in defaults:
            return f"; did you mean '{section}.{key}'?"
    return ""


def _expected(default: Any) -> type:
    return float if isinstance(default, float) else type(default)


def _is_control(char: str) -> bool:
    """C0, DEL and C1 (and the other Unicode control category, Cc, which is the same set)."""
    return unicodedata.category(char) == "Cc"


def _show(value: Any, width: int = 60) -> str:
    """repr(value), on one line, cut to about `width` characters."""
    text = repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


def _arg(item: str) -> str:
    """A command-line item as typed, or its repr when spaces or control characters would
    make the message ambiguous or split it."""
    plain = item.isprintable() and not any(char.isspace() for char in item)
    return item if plain and len(item) <= 60 else _show(item)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _type_name(kind: Any) -> str:
    if isinstance(kind, tuple):
        return "a date" if date in kind else "a number"
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false",
            list: "a list", dict: "a table"}.get(kind, kind.__name__)
