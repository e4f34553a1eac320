"""Same output before and after a change to the parsers: every page of the golden, held-out and
world sets and every page a crawl of the demo portals and of a synthetic portal fetches, parsed
by a frozen copy of `parsers/` (imported under another package name) and by the current
parsers, with profiles detected and with the generic extractor forced; the whole Page (kind,
platform, encoding, every Article field, the Listing's links and postbacks, warnings) compared
field by field.

    python bench/same_output.py [--before /tmp/parsers_speed_before] [--recrawl]

Freeze the copy before changing anything (`cp -a parsers /tmp/parsers_speed_before`). The
crawled pages (bytes, URL and headers, as served) are kept in bench/out/crawl_pages.pickle and
fetched again only with --recrawl or when missing, so both parsers always read the same bytes.
Exit status 0 when no field differs.
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import pickle
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FROZEN = Path("/tmp/parsers_speed_before")
FROZEN_NAME = "parsers_before"
CRAWL_CACHE = ROOT / "bench" / "out" / "crawl_pages.pickle"
SYNTHETIC_ARTICLES = 300

Case = tuple[str, bytes, str, dict]          # (set name, bytes, url, headers)


def load_frozen(path: Path = FROZEN, name: str = FROZEN_NAME):
    """The frozen copy of `parsers/` as the package `name`: its absolute imports of
    `govnews.parsers` (and the profiles' package) point at the copy too."""
    if name in sys.modules:
        return sys.modules[name]
    if not (path / "extract.py").exists():
        raise SystemExit(f"no frozen parsers at {path} (cp -a parsers {path} before changing)")
    home = Path(tempfile.mkdtemp(prefix="frozen_parsers_"))
    target = home / name
    shutil.copytree(path, target, ignore=shutil.ignore_patterns("__pycache__"))
    for py in target.rglob("*.py"):
        text = py.read_text("utf-8")
        if "govnews.parsers" in text:
            py.write_text(text.replace("govnews.parsers", name), "utf-8")
    sys.path.insert(0, str(home))
    importlib.import_module(name)
    return importlib.import_module(f"{name}.extract")


def _fixture_set(folder: Path, name: str) -> list[Case]:
    cases = []
    for page in sorted(folder.glob("*/*.html")):
        meta = json.loads(page.with_suffix(".meta.json").read_text("utf-8"))
        cases.append((name, page.read_bytes(), meta["url"], meta.get("headers") or {}))
    return cases


def fixture_cases() -> dict[str, list[Case]]:
    """The golden, held-out and world pages, and every blind world set (world_blind*)."""
    blind = sorted(p.name for p in (ROOT / "fixtures").glob("world_blind*") if p.is_dir())
    return {name: _fixture_set(ROOT / "fixtures" / name, name)
            for name in ("golden", "heldout", "world", *blind)}


def _crawl_portal(portal, label: str, out: Path) -> list[Case]:
    """Every response a crawl of `portal` receives, recorded as served."""
    from govnews.fixtures.server import PortalServer
    from govnews.scraper.cli import main

    served: list[tuple[str, str, object]] = []

    def record(request, server):
        response = server.portal.handle(request)
        served.append((request.method, request.target, response))
        return response

    with PortalServer(portal, faults=record) as server:
        code = main(["crawl", server.url + "/", "-o", str(out / label), "--delay", "0",
                     "--allow-private", "-q", "--progress", "never"])
        base = server.url
    if code != 0:
        raise SystemExit(f"crawl of {label} failed ({code})")
    cases = []
    for method, target, response in served:
        headers = dict(response.headers)
        kind = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
        if response.status == 200 and "html" in kind.lower():
            cases.append((f"crawl:{label}", response.body, base + target, headers))
    return cases


def crawl_cases(recrawl: bool = False) -> list[Case]:
    """The pages a crawl of the 12 demo portals and of a synthetic portal fetches (HTML, 200),
    fetched once and kept in CRAWL_CACHE."""
    if CRAWL_CACHE.exists() and not recrawl:
        return pickle.loads(CRAWL_CACHE.read_bytes())
    from govnews.fixtures.portals import all_portals
    from govnews.fixtures.synthetic import SyntheticPortal

    cases: list[Case] = []
    with tempfile.TemporaryDirectory() as out:
        for portal in all_portals(readership=False):
            cases += _crawl_portal(portal, portal.platform, Path(out))
        cases += _crawl_portal(SyntheticPortal(SYNTHETIC_ARTICLES), "synthetic", Path(out))
    CRAWL_CACHE.parent.mkdir(parents=True, exist_ok=True)
    CRAWL_CACHE.write_bytes(pickle.dumps(cases))
    return cases


def as_plain(page) -> dict:
    """The Page as nested dicts, lists and scalars (its dataclasses unpacked)."""
    return dataclasses.asdict(page)


def differences(old, new, path: str = "") -> list[str]:
    """Where two plain values differ (type included: 1 is not 1.0 nor True)."""
    if type(old) is not type(new) and not (isinstance(old, list) and isinstance(new, list)):
        return [f"{path}: {type(old).__name__} {old!r} != {type(new).__name__} {new!r}"]
    if isinstance(old, dict):
        if list(old) != list(new):
            return [f"{path}: keys {list(old)} != {list(new)}"]
        return [d for key in old for d in differences(old[key], new[key], f"{path}.{key}")]
    if isinstance(old, (list, tuple)):
        if len(old) != len(new):
            return [f"{path}: {len(old)} items != {len(new)}: {old!r:.300} / {new!r:.300}"]
        return [d for i, (a, b) in enumerate(zip(old, new)) for d in differences(a, b, f"{path}[{i}]")]
    if old != new or repr(old) != repr(new):
        return [f"{path}: {old!r:.300} != {new!r:.300}"]
    return []


def compare(cases: list[Case], before, after) -> tuple[int, list[str]]:
    """Parse every case with both (profiles detected, then generic forced); the number of
    parses compared and every difference found."""
    found: list[str] = []
    compared = 0
    for forced in (None, "generic"):
        before.reset_caches()
        after.reset_caches()
        for name, data, url, headers in cases:
            old = as_plain(before.parse_page(data, url, headers, profile=forced))
            new = as_plain(after.parse_page(data, url, headers, profile=forced))
            compared += 1
            for diff in differences(old, new):
                found.append(f"{name} {url} [{forced or 'profiles'}] {diff}")
    return compared, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", type=Path, default=FROZEN, help="the frozen parsers/")
    parser.add_argument("--all", action="store_true", help="list every difference, not the first 50")
    parser.add_argument("--recrawl", action="store_true", help="fetch the crawled pages again")
    args = parser.parse_args(argv)
    before = load_frozen(args.before)
    from govnews.parsers import extract as after

    sets = fixture_cases()
    sets["crawl"] = crawl_cases(args.recrawl)
    total, failures = 0, []
    for name, cases in sets.items():
        compared, found = compare(cases, before, after)
        total += compared
        failures += found
        print(f"{name:8} {len(cases):5} pages, {compared:5} parses compared, "
              f"{len(found)} differences")
    for line in failures if args.all else failures[:50]:
        print(line)
    if len(failures) > 50 and not args.all:
        print(f"... {len(failures) - 50} more (--all lists them)")
    print(f"total: {sum(len(c) for c in sets.values())} pages, {total} parses compared, "
          f"{len(failures)} differences")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
