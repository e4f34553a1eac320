"""The harvest configuration (TOML): one defaults table, overridden by the file, overridden by
flags. Unknown keys, missing keys and wrong types are errors that name the key."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
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
    },
    "reobserve": {
        "window_days": 30,            # re-fetch articles published in the last N days
        "sample_older": 20,           # and this many older ones per site and run
    },
    "archive": {
        "enabled": True,              # WARC/1.1 of every response
        "max_file_mb": 100,
    },
}
SITE_KEYS: dict[str, type | tuple] = {
    "name": str, "start_urls": list, "profile": str, "delay": (int, float), "allow_private": bool,
    "ca_bundle": str, "verify": bool, "max_pages": int, "max_depth": int,
}
REQUIRED_SITE_KEYS = ("name", "start_urls")


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


@dataclass
class Config:
    harvest: dict[str, Any]
    reobserve: dict[str, Any]
    archive: dict[str, Any]
    sites: list[SiteConfig] = field(default_factory=list)
    path: Path | None = None


def load_config(path: Path | str) -> Config:
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
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    return config_from_dict(raw, path)


def config_from_dict(raw: dict[str, Any], path: Path | None = None) -> Config:
    where = f"{path}: " if path else ""
    unknown = set(raw) - set(DEFAULTS) - {"sites"}
    if unknown:
        raise ConfigError(f"{where}unknown key {sorted(unknown)[0]!r} at top level "
                          f"(known: {', '.join(sorted(DEFAULTS))}, sites)")
    tables = {}
    for section, defaults in DEFAULTS.items():
        given = raw.get(section, {})
        if not isinstance(given, dict):
            raise ConfigError(f"{where}[{section}] must be a table")
        tables[section] = _merge(section, defaults, given, where)
    sites_raw = raw.get("sites")
    if not sites_raw:
        raise ConfigError(f"{where}missing key 'sites': list at least one [[sites]] entry")
    if not isinstance(sites_raw, list):
        raise ConfigError(f"{where}'sites' must be an array of tables ([[sites]])")
    sites = [_site(i, s, where) for i, s in enumerate(sites_raw)]
    names = [s.name for s in sites]
    if len(set(names)) != len(names):
        dup = next(n for n in names if names.count(n) > 1)
        raise ConfigError(f"{where}two sites are named {dup!r}")
    return Config(tables["harvest"], tables["reobserve"], tables["archive"], sites, path)


def _merge(section: str, defaults: dict, given: dict, where: str) -> dict:
    merged = dict(defaults)
    for key, value in given.items():
        if key not in defaults:
            raise ConfigError(f"{where}unknown key {key!r} in [{section}] "
                              f"(known: {', '.join(sorted(defaults))})")
        expected = type(defaults[key])
        ok = isinstance(value, expected) or (expected is float and isinstance(value, int)
                                              and not isinstance(value, bool))
        if not ok or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"{where}[{section}] {key} must be {_type_name(expected)}, "
                              f"not {_type_name(type(value))} ({value!r})")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            raise ConfigError(f"{where}[{section}] {key} must not be negative")
        merged[key] = value
    return merged


def _site(index: int, raw: Any, where: str) -> SiteConfig:
    label = f"sites[{index}]"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}{label} must be a table")
    for key in raw:
        if key not in SITE_KEYS:
            raise ConfigError(f"{where}unknown key {key!r} in {label} "
                              f"(known: {', '.join(SITE_KEYS)})")
    for key in REQUIRED_SITE_KEYS:
        if key not in raw:
            raise ConfigError(f"{where}missing key {key!r} in {label}")
    for key, value in raw.items():
        expected = SITE_KEYS[key]
        if not isinstance(value, expected) or isinstance(value, bool) and expected is not bool:
            raise ConfigError(f"{where}{label} {key} must be {_type_name(expected)}, "
                              f"not {_type_name(type(value))} ({value!r})")
    label = f"site {raw['name']!r}"
    urls = raw["start_urls"]
    if not urls or not all(isinstance(u, str) and urlsplit(u).scheme in ("http", "https")
                           and urlsplit(u).hostname for u in urls):
        raise ConfigError(f"{where}{label}: start_urls must be a non-empty list of http(s) URLs")
    if raw.get("profile"):
        from govnews.parsers.profile import ProfileError, profile_named
        if raw["profile"] != "generic":
            try:
                profile_named(raw["profile"])
            except ProfileError as exc:
                raise ConfigError(f"{where}{label}: {exc}") from None
    if raw.get("ca_bundle") and not Path(raw["ca_bundle"]).is_file():
        raise ConfigError(f"{where}{label}: ca_bundle {raw['ca_bundle']!r} is not a readable file")
    if raw.get("delay", 0) < 0:
        raise ConfigError(f"{where}{label}: delay must not be negative")
    return SiteConfig(**raw)


def _type_name(kind: Any) -> str:
    if isinstance(kind, tuple):
        return "a number"
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false",
            list: "a list", dict: "a table"}.get(kind, kind.__name__)
