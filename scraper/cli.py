"""The command line: `main(argv=None)`, one subcommand per library call. Exit codes: 0 all well;
1 finished but some pages or sites failed; 2 bad usage, config or path; 75 lock held."""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Sequence

from .errors import ConfigError, FetchError, GovnewsError, LockHeld

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 75


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govnews", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="one saved page (or URL) -> one JSON record on stdout")
    p.add_argument("source", metavar="FILE_OR_URL", help="a saved page, '-' for stdin, or a URL")
    p.add_argument("--url", help="the URL the page was served from (resolves links, picks rules)")
    p.add_argument("--profile", help="force a platform profile ('generic' for the generic extractor)")
    p.add_argument("--links", action="store_true", help="also print the page's links")

    sub.add_parser("profiles", help="list the platform profiles")

    p = sub.add_parser("crawl", help="one-off crawl from seed pages")
    p.add_argument("seeds", nargs="+", metavar="SEED_URL")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument("--delay", type=float, default=1.0, help="seconds between requests to one host "
                   "(robots.txt Crawl-delay can only raise it; default 1)")
    p.add_argument("--allow-private", action="store_true",
                   help="allow hosts on loopback or private networks (refused by default)")
    p.add_argument("--max-pages", type=int, default=5000, help="pages per site (default 5000)")
    p.add_argument("--max-depth", type=int, default=8, help="link depth from the seeds (default 8)")
    p.add_argument("--user-agent", help="User-Agent header (name govnews and a contact)")
    p.add_argument("--profile", help="force a platform profile for every page")
    p.add_argument("--excel", action="store_true", help="CSV with a BOM, for Excel")

    p = sub.add_parser("harvest", help="the scheduled, incremental job (cron)")
    p.add_argument("-c", "--config", required=True, metavar="SITES_TOML")
    p.add_argument("-o", "--output", metavar="DIR", help="dataset folder (overrides the config)")
    p.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress on stderr: auto shows it on a terminal only")

    p = sub.add_parser("reparse", help="re-extract every record from the WARC archive, offline")
    p.add_argument("folder", metavar="DIR")
    p.add_argument("-c", "--config", metavar="SITES_TOML", help="sites (names, forced profiles)")

    p = sub.add_parser("export", help="write whole tables as CSV, JSON Lines or Parquet")
    p.add_argument("folder", metavar="DIR")
    p.add_argument("--format", action="append", choices=("csv", "jsonl", "parquet"),
                   help="repeatable; default csv and jsonl")
    p.add_argument("--excel", action="store_true", help="CSV with a BOM, for Excel")
    p.add_argument("-o", "--output", metavar="OUT_DIR", help="default: the dataset folder")

    p = sub.add_parser("report", help="engagement over time, with charts, as one HTML file")
    p.add_argument("folder", metavar="DIR")
    p.add_argument("-o", "--output", default="report.html", metavar="REPORT_HTML")

    p = sub.add_parser("serve-fixtures", help="serve the demo portals for manual testing")
    p.add_argument("--port", type=int, default=8800, help="first port (one portal per port)")
    p.add_argument("--host", default="127.0.0.1")

    p = sub.add_parser("demo", help="serve the bundled demo portals on 127.0.0.1 and harvest them")
    p.add_argument("-o", "--output", default="demo-output", metavar="DIR")
    p.add_argument("--portal", action="append", help="platform(s) to harvest (default: all)")
    p.add_argument("--pause", type=float, default=3.0, help="seconds between the two harvests")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except LockHeld as exc:
        print(f"govnews: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except (ConfigError, GovnewsError) as exc:
        print(f"govnews: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("govnews: interrupted; the next run goes on where this one stopped", file=sys.stderr)
        return 130


def cmd_parse(args: argparse.Namespace) -> int:
    from govnews.parsers.extract import parse_page
    from govnews.parsers.profile import ProfileError

    from .records import article_row, utc_now

    data, url, headers = _read_source(args.source, args.url)
    try:
        page = parse_page(data, url, headers, profile=args.profile)
    except ProfileError as exc:
        raise ConfigError(str(exc)) from None
    article = page.article
    if page.kind != "article":
        article.warnings.append(f"not an article page (looks like a {page.kind}: "
                                f"{len(page.listing.article_links)} article links)")
    row = article_row(article, _site_of(url), utc_now())
    if args.links:
        row["links"] = {"articles": page.listing.article_links, "pages": page.listing.page_links,
                        "postbacks": [p.label or dict(p.fields).get("__EVENTARGUMENT", "")
                                      for p in page.listing.postbacks]}
    json.dump(row, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _read_source(source: str, url: str | None) -> tuple[bytes, str, dict]:
    if source.startswith(("http://", "https://")):
        from .http import Fetcher, HttpSettings
        try:
            response = Fetcher(HttpSettings(allow_private=True)).fetch(source)
        except FetchError as exc:
            raise ConfigError(f"cannot fetch {source}: {exc}") from None
        return response.body, url or response.final_url, response.headers
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if not path.exists():
            raise ConfigError(f"{source}: no such file")
        if path.is_dir():
            raise ConfigError(f"{source}: is a directory, not a page")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{source}: cannot read: {exc.strerror}") from None
    if not data.strip():
        raise ConfigError(f"{source}: empty file, nothing to parse")
    return data, url or f"file://{Path(source).resolve() if source != '-' else 'stdin'}", {}


def _site_of(url: str) -> str:
    from urllib.parse import urlsplit
    return urlsplit(url).hostname or "local"


def cmd_profiles(args: argparse.Namespace) -> int:
    from govnews.parsers.profile import load_profiles
    for profile in load_profiles():
        print(f"{profile.name:24} {profile.description}")
    print(f"{'generic':24} the generic extractor, for pages no profile matches")
    return EXIT_OK


def cmd_crawl(args: argparse.Namespace) -> int:
    from govnews.output.store import Store, StoreError
    from govnews.output.writers import export_dataset

    from .crawl import Crawl, CrawlSettings
    from .http import DEFAULT_USER_AGENT, HttpSettings
    from .records import utc_now

    for seed in args.seeds:
        if not seed.startswith(("http://", "https://")):
            raise ConfigError(f"{seed}: a seed must be an http(s) URL")
    if args.delay < 0:
        raise ConfigError("--delay must be >= 0")
    folder = _output_folder(args.output)
    try:
        store = Store.open(folder)
    except StoreError as exc:
        raise ConfigError(f"{folder}: {exc}") from None
    settings = CrawlSettings(delay=args.delay, max_pages=args.max_pages, max_depth=args.max_depth,
                             http=HttpSettings(user_agent=args.user_agent or DEFAULT_USER_AGENT,
                                               allow_private=args.allow_private))
    sites = _sites_from_seeds(args.seeds, args.allow_private, args.profile)
    run_id = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + f"-crawl-{int(time.time()*1000)%100000:05d}"
    started = utc_now()
    store.start_run(run_id, started, [s.name for s in sites])
    summary = Crawl(store, sites, settings, run_id).run()
    status = "ok" if summary.error_count == 0 else "partial"
    store.finish_run({"run_id": run_id, "finished_at": utc_now(),
                      "pages_fetched": summary.pages_fetched, "articles_new": summary.articles_new,
                      "articles_changed": summary.articles_changed,
                      "observations": summary.observations, "errors": summary.error_count,
                      "status": status})
    export_dataset(store, folder, formats=("csv", "jsonl"), excel=args.excel)
    store.close()
    print(summary.line())
    for line in summary.error_lines[:20]:
        print("  " + line, file=sys.stderr)
    return EXIT_OK if summary.error_count == 0 else EXIT_PARTIAL


def _sites_from_seeds(seeds: list[str], allow_private: bool, profile: str | None):
    from .crawl import Site, host_of
    by_host: dict[str, list[str]] = {}
    for seed in seeds:
        host = host_of(seed)
        host = host[4:] if host.startswith("www.") else host
        by_host.setdefault(host, []).append(seed)
    return [Site(name=host, start_urls=urls, allow_private=allow_private, profile=profile)
            for host, urls in by_host.items()]


def _output_folder(path: str) -> Path:
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"{path}: exists and is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot create the output folder: {exc.strerror}") from None
    return folder


def cmd_harvest(args: argparse.Namespace) -> int:
    from .config import load_config
    from .harvest import harvest
    from .progress import Progress

    config = load_config(args.config)
    folder = _output_folder(args.output or config.harvest["output"])
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    result = harvest(config, folder, progress=Progress(sys.stderr) if show else None)
    summary = result.summary
    print(summary.line())
    if summary.error_count:
        print(f"  errors of this run: {folder}/logs/{summary.run_id}.errors.txt", file=sys.stderr)
        for line in summary.error_lines[:10]:
            print("  " + line, file=sys.stderr)
    return EXIT_OK if summary.error_count == 0 else EXIT_PARTIAL


def cmd_reparse(args: argparse.Namespace) -> int:
    from .reparse import reparse

    folder = _existing_dataset(args.folder)
    config = None
    if args.config:
        from .config import load_config
        config = load_config(args.config)
    result = reparse(folder, config)
    print(result.line())
    return EXIT_OK if not result.errors else EXIT_PARTIAL


def cmd_export(args: argparse.Namespace) -> int:
    from govnews.output.store import Store
    from govnews.output.writers import ParquetUnavailableError, export_dataset

    folder = _existing_dataset(args.folder)
    out = _output_folder(args.output) if args.output else folder
    with Store.open(folder) as store:
        try:
            written = export_dataset(store, out, formats=tuple(args.format or ("csv", "jsonl")),
                                     excel=args.excel)
        except ParquetUnavailableError as exc:
            raise ConfigError(str(exc)) from None
    print(f"wrote {len(written)} files to {out}/")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from govnews.output.report import write_report

    folder = _existing_dataset(args.folder)
    path = write_report(folder, Path(args.output))
    print(f"report written to {path}")
    return EXIT_OK


def _existing_dataset(path: str) -> Path:
    folder = Path(path)
    if not folder.is_dir():
        raise ConfigError(f"{path}: no such dataset folder")
    if not (folder / "dataset.sqlite").exists() and not (folder / "articles.jsonl").exists():
        raise ConfigError(f"{path}: not a govnews dataset (no dataset.sqlite)")
    return folder


def cmd_serve_fixtures(args: argparse.Namespace) -> int:
    from govnews.fixtures.portals import all_portals
    from govnews.fixtures.server import PortalServer

    servers = []
    for offset, portal in enumerate(all_portals()):
        server = PortalServer(portal, host=args.host, port=args.port + offset).start()
        servers.append(server)
        print(f"{portal.platform:24} {server.url}/", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        for server in servers:
            server.stop()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo
    return run_demo(Path(args.output), args.portal, args.pause)


COMMANDS = {
    "parse": cmd_parse,
    "profiles": cmd_profiles,
    "crawl": cmd_crawl,
    "harvest": cmd_harvest,
    "reparse": cmd_reparse,
    "export": cmd_export,
    "report": cmd_report,
    "serve-fixtures": cmd_serve_fixtures,
    "demo": cmd_demo,
}

if __name__ == "__main__":
    raise SystemExit(main())
