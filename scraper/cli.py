"""govnews: harvest Vietnamese local-government news portals into tidy, archived data.

The command line: `main(argv=None)`, one subcommand per library call."""
from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import tempfile
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Sequence

from govnews._version import __version__
from govnews.output.store import StoreError

from .errors import ClusterTaskTimeout, ConfigError, GovnewsError, InternalError, Interrupted, LockHeld, StoreFailure, \
    one_line

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INTERNAL, EXIT_LOCKED = 0, 1, 2, 70, 75
log = logging.getLogger("govnews")

EPILOG = """exit codes:
  0   all well
  1   finished, but some pages, sites or files failed (the summary says which)
  2   bad usage, config or path (one line says what is wrong)
  70  internal error (one line; the traceback in logs/<run_id>.crash.txt)
  75  another harvest holds the dataset's lock
  130 interrupted (Ctrl-C or SIGTERM): the run is recorded as interrupted

examples:
  govnews demo                                    # the bundled demo portals, harvested twice
  govnews parse saved-page.html --url https://thanhphobaclieu.baclieu.gov.vn/...
  govnews harvest -c sites.toml                   # the nightly job (cron)
  govnews report govnews-data -o report.html

`govnews COMMAND --help` tells more of each command."""


def _common() -> argparse.ArgumentParser:
    """-v / -q / --log-file, on every command."""
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("logging")
    group.add_argument("-v", "--verbose", action="count", default=0,
                       help="more messages on stderr (-v: each page's errors, -vv: debug)")
    group.add_argument("-q", "--quiet", action="store_true",
                       help="only errors on stderr (the summary line still prints)")
    group.add_argument("--log-file", metavar="FILE",
                       help="also write every message (level INFO and up) to FILE")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="govnews", description=__doc__.split("\n")[0], epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"govnews {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help, parents=[common])

    p = command("parse", "saved pages (or a URL) -> JSON records on stdout")
    p.add_argument("sources", nargs="+", metavar="FILE_OR_URL",
                   help="saved pages, folders of them, '-' for stdin, or one URL")
    p.add_argument("--url", help="the URL the page was served from (resolves links, picks rules); "
                   "one page only")
    p.add_argument("--profile", help="force a platform profile ('generic' for the generic extractor)")
    p.add_argument("--links", action="store_true", help="also print the page's links")
    p.add_argument("--jsonl", action="store_true",
                   help="one JSON line per page (the default for more than one page)")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="parse in N processes (default 1)")

    command("profiles", "list the platform profiles")

    p = command("crawl", "one-off crawl from seed pages (a harvest of one ad-hoc site per host)")
    p.add_argument("seeds", nargs="+", metavar="SEED_URL",
                   help="pages to start from (a portal's home or news page); one site per host")
    p.add_argument("-o", "--output", required=True, metavar="DIR",
                   help="dataset folder (created; a crawl run again on it goes on where it stopped)")
    p.add_argument("--delay", type=float, default=1.0, help="seconds between requests to one host "
                   "(robots.txt Crawl-delay can only raise it; default 1)")
    p.add_argument("--allow-private", action="store_true",
                   help="allow hosts on loopback or private networks (refused by default)")
    p.add_argument("--max-pages", type=int, default=5000, help="pages per site (default 5000)")
    p.add_argument("--max-depth", type=int, default=8, help="link depth from the seeds (default 8)")
    p.add_argument("--user-agent", help="User-Agent header (name govnews and a contact)")
    p.add_argument("--profile", help="force a platform profile for every page")
    p.add_argument("--excel", action="store_true", help="CSV with a BOM, for Excel")
    _run_options(p)

    p = command("harvest", "the scheduled, incremental job (cron)")
    p.add_argument("-c", "--config", required=True, metavar="SITES_TOML",
                   help="the sites and settings (see examples/sites.toml)")
    p.add_argument("-o", "--output", metavar="DIR", help="dataset folder (overrides the config)")
    _cluster_options(p)
    _run_options(p)

    p = command("reparse", "re-extract every record from the WARC archive, offline")
    p.add_argument("folder", metavar="DIR", help="the dataset folder (holds dataset.sqlite and warc/)")
    _cluster_options(p)
    p.add_argument("-c", "--config", metavar="SITES_TOML", help="sites (names, forced profiles)")
    p.add_argument("--dry-run", action="store_true", help="print what would change; write nothing")
    p.add_argument("--into", metavar="NEW_DIR",
                   help="write the result as a new dataset; the old one stays untouched")

    p = command("export", "write whole tables as CSV, JSON Lines or Parquet")
    p.add_argument("folder", metavar="DIR", help="the dataset folder (holds dataset.sqlite)")
    p.add_argument("--format", action="append", choices=("csv", "jsonl", "parquet", "wacz"),
                   help="repeatable; default csv and jsonl; wacz: the archive for ReplayWeb.page")
    p.add_argument("--excel", action="store_true", help="CSV with a BOM, for Excel")
    p.add_argument("--raw-csv", action="store_true",
                   help="CSV cells exactly as extracted (no ' before a leading = + - @: unsafe "
                        "to open in a spreadsheet)")
    p.add_argument("-o", "--output", metavar="OUT_DIR", help="default: the dataset folder")

    p = command("report", "engagement over time, with charts, as one HTML file")
    p.add_argument("folder", metavar="DIR", help="a dataset folder or an export folder")
    p.add_argument("-o", "--output", metavar="REPORT_HTML", help="default: DIR/report.html")
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="labels (default vi)")

    p = command("recover", "a vanished portal's pages from the Wayback Machine or Common Crawl")
    p.add_argument("prefix", metavar="HOST_OR_URL_PREFIX",
                   help="the vanished portal's host, or a URL prefix (its news section only)")
    p.add_argument("--from", dest="source", required=True, choices=("wayback", "commoncrawl"),
                   help="the web archive to read the captures from")
    p.add_argument("-o", "--output", required=True, metavar="DIR",
                   help="dataset folder (created if missing)")
    p.add_argument("--from-date", metavar="YYYY-MM-DD", help="captures from this day on")
    p.add_argument("--to-date", metavar="YYYY-MM-DD", help="captures up to this day")
    p.add_argument("--archive-url", metavar="URL",
                   help="a Wayback-style service (CDX API at URL/cdx; default the Internet Archive)")
    p.add_argument("--cc-index-url", metavar="URL", help="a Common Crawl index server")
    p.add_argument("--cc-data-url", metavar="URL", help="where Common Crawl's WARC files are")
    p.add_argument("--site", help="the site's name in the records (default: the host)")
    p.add_argument("--profile", help="force a platform profile")
    p.add_argument("--contact", help="an email or URL for the archive's operators (User-Agent)")
    p.add_argument("--delay", type=float, default=1.0,
                   help="seconds between requests to the archive (default 1)")
    p.add_argument("--allow-private", action="store_true",
                   help="allow an archive service on loopback or a private network")

    p = command("stories", "articles grouped into stories carried by several portals")
    p.add_argument("folder", metavar="DIR", help="a dataset folder or an export folder")
    p.add_argument("--min-sites", type=int, default=2, metavar="N",
                   help="stories carried by at least N sites (default 2)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the table as CSV (.csv) or JSON Lines (.jsonl) instead of printing")

    p = command("serve-fixtures", "serve the demo portals for manual testing")
    p.add_argument("--port", type=int, default=8800, help="first port (one portal per port)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")

    p = command("demo", "serve the bundled demo portals on 127.0.0.1 and harvest them twice")
    p.add_argument("-o", "--output", default="demo-output", metavar="DIR",
                   help="dataset folder (default demo-output; an earlier demo there is moved to "
                        "DIR.previous)")
    p.add_argument("--portal", action="append", help="platform(s) to harvest (default: all)")
    p.add_argument("--pause", type=float, default=3.0, help="seconds between the two harvests")
    return parser


def _run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-s", "--set", action="append", default=[], metavar="KEY=VALUE",
                   help="override a config key, e.g. -s delay=2 -s reobserve.window_days=7 "
                        "(validated like the file; repeatable)")
    p.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress on stderr: auto shows it on a terminal only")


def _quiet_print(line: str) -> None:
    try:
        print(line, flush=True)
    except (BrokenPipeError, KeyboardInterrupt):
        pass


def _standard_streams() -> None:
    """Standard input, output and error that a cron line or a wrapper closed ('>&- 2>&-') are
    /dev/null: the run's data never depends on being able to print, and no file the run opens
    later takes descriptor 1 or 2 (where a stray print would land in it)."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:             # (the lowest free descriptor: fd itself, unless a lower
                os.dup2(null, fd)      # one was closed too and took it first)
                os.close(null)
    if sys.stdin is None:
        sys.stdin = open(0, closefd=False)
    if sys.stdout is None:
        sys.stdout = open(1, "w", closefd=False)
    if sys.stderr is None:
        sys.stderr = open(2, "w", closefd=False)


def _command_parser(parser: argparse.ArgumentParser, command: str | None) -> argparse.ArgumentParser:
    """The sub-parser of `command` (its usage names the command's options), else `parser`."""
    for action in parser._actions:     # (argparse lists its sub-parsers only there)
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return action.choices[command]
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _standard_streams()
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:                         # (the command's own usage, not the top level's)
        _command_parser(parser, args.command).error(f"unrecognized arguments: {' '.join(extras)}")
    root_level = logging.getLogger().level
    handlers = _setup_logging(args)
    previous = _stop_on_sigterm()      # (every command: an export or a report ends as at Ctrl-C)
    try:
        return COMMANDS[args.command](args)
    except LockHeld as exc:
        print(f"govnews: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except InternalError as exc:
        print(f"govnews: {exc}", file=sys.stderr)
        return EXIT_INTERNAL
    except ClusterTaskTimeout as exc:
        print(f"govnews: {exc}", file=sys.stderr)
        return EXIT_PARTIAL
    except StoreFailure as exc:        # (the dataset became read-only or full before the run began)
        print(f"govnews: {exc}", file=sys.stderr)
        return EXIT_PARTIAL
    except StoreError as exc:          # (a dataset database that cannot be read: corrupt, not one)
        print(f"govnews: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (ConfigError, GovnewsError) as exc:
        print(f"govnews: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as exc:
        if isinstance(exc, Interrupted):
            _quiet_print(exc.summary.line())  # what the recorded run committed (harvest, crawl, demo)
        print("govnews: interrupted" + _AFTER_INTERRUPT.get(args.command, ""), file=sys.stderr)
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except OSError as exc:
        code = _environment_exit(exc)
        if code is not None:           # a full disk, a file-size limit, a folder it may not write
            print(f"govnews: {_environment_line(exc, args)}", file=sys.stderr)
            return code
        crash = _crash_file(args)
        print(f"govnews: internal error: {one_line(exc)}; details in {crash}",
              file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as exc:  # noqa: BLE001 - a bug: one line out, the traceback in a file
        crash = _crash_file(args)
        print(f"govnews: internal error: {one_line(exc)}; details in {crash}",
              file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        try:
            signal.signal(signal.SIGTERM, previous)
        except (ValueError, TypeError):
            pass                       # (not the main thread; or no handler to put back)
        for handler in handlers + _EXTRA_HANDLERS:
            logging.getLogger().removeHandler(handler)
            handler.close()
        _EXTRA_HANDLERS.clear()
        logging.getLogger().setLevel(root_level)


# the environment's refusals, not govnews's bugs: a disk that fills or a file-size limit (exit 1, as a
# harvest that meets one), a folder or file it may not write (exit 2, a bad path)
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
_REFUSED_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


# what the next run does after an interruption, said on the 'interrupted' line
_RESUMED = "; the next run goes on where this one stopped"
_AFTER_INTERRUPT = {"crawl": _RESUMED, "harvest": _RESUMED, "recover": _RESUMED,
                    "reparse": "; what it re-extracted is kept: run it again to finish the rest",
                    "demo": "; the next demo starts afresh (this one's folder is set aside)"}


def _environment_exit(exc: OSError) -> int | None:
    if exc.errno in _FULL_ERRNOS:
        return EXIT_PARTIAL
    if exc.errno in _REFUSED_ERRNOS:
        return EXIT_USAGE
    return None


def _environment_line(exc: OSError, args: argparse.Namespace) -> str:
    """One line naming the file (or the output it was writing) and the cause."""
    target = exc.filename or getattr(args, "output", None) or getattr(args, "folder", None) or "output"
    cause = exc.strerror or type(exc).__name__
    if exc.errno in _FULL_ERRNOS:
        return f"cannot write {target}: {cause} (the disk is full or a file-size limit was reached); " \
               "nothing was replaced"
    return f"{target}: {cause}"


class UtcFormatter(logging.Formatter):
    """Log-file times in UTC, marked so ('2026-12-07T18:15:05.863Z'), as the dataset's times are."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z"


def _setup_logging(args: argparse.Namespace) -> list[logging.Handler]:
    """WARNING and up on stderr (what a person must know: TLS verification off, unreadable WARC
    records, a host given up); -v INFO, -vv DEBUG, -q ERROR; --log-file INFO and up."""
    level = logging.ERROR if args.quiet else \
        (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    root = logging.getLogger()
    handlers: list[logging.Handler] = []
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(level)
    stderr.setFormatter(logging.Formatter("govnews: %(levelname)s: %(message)s"))
    stderr.addFilter(lambda record: not getattr(record, "file_only", False))   # (printed already)
    handlers.append(stderr)
    if args.log_file:
        try:
            file_handler = logging.FileHandler(args.log_file, encoding="utf-8")
        except OSError as exc:
            print(f"govnews: --log-file {args.log_file}: {exc.strerror}", file=sys.stderr)
            raise SystemExit(EXIT_USAGE) from None
        file_handler.setLevel(min(level, logging.INFO))
        file_handler.setFormatter(UtcFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handlers.append(file_handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(min(h.level for h in handlers))
    logging.getLogger("urllib3").setLevel(logging.ERROR)
    # Dask's own chatter (scheduler, nannies, workers) only with -vv
    for name in ("distributed", "dask", "bokeh", "tornado"):
        logging.getLogger(name).setLevel(logging.DEBUG if args.verbose >= 2 else logging.WARNING)
    return handlers


def _quiet_stdout() -> None:
    """stdout was closed (`| head`): point it at /dev/null so the exit flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _crash_file(args: argparse.Namespace) -> Path:
    """The traceback of an internal error: in the dataset's logs/ when there is one, else in
    the temporary folder."""
    text = traceback.format_exc()
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + f"-{os.getpid()}"
    folder = getattr(args, "output", None) if args.command in ("crawl", "harvest", "demo", "recover") \
        else getattr(args, "folder", None)
    candidates = []
    if folder and Path(folder).is_dir():
        candidates.append(Path(folder) / "logs" / f"{stamp}.crash.txt")
    import tempfile
    candidates.append(Path(tempfile.gettempdir()) / f"govnews-{stamp}.crash.txt")
    for path in candidates:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return candidates[-1]


def cmd_parse(args: argparse.Namespace) -> int:
    from .batch import parse_command
    return parse_command(args)


def cmd_profiles(args: argparse.Namespace) -> int:
    from govnews.parsers.profile import load_profiles
    for profile in load_profiles():
        print(f"{profile.name:24} {profile.description}")
    print(f"{'generic':24} the generic extractor, for pages no profile matches")
    return EXIT_OK


def cmd_crawl(args: argparse.Namespace) -> int:
    """A harvest of one ad-hoc site per seed host: the same run as `harvest` (lock, WARC, logs,
    per-run exports), plus the whole tables."""
    from .config import config_from_dict

    for seed in args.seeds:
        if not seed.startswith(("http://", "https://")):
            raise ConfigError(f"{seed}: a seed must be an http(s) URL")
        if not args.allow_private and (private := _private_literal(seed)):
            raise ConfigError(f"{seed}: {private} is a private address, which govnews does not "
                              "crawl unless told to: add --allow-private")
    folder = _output_folder(args.output)
    harvest_table = {"output": str(folder), "delay": args.delay, "max_pages": args.max_pages,
                     "max_depth": args.max_depth, "allow_private": args.allow_private,
                     "excel": args.excel}
    if args.user_agent:
        harvest_table["user_agent"] = args.user_agent
    sites = []
    for name, urls in _sites_from_seeds(args.seeds).items():
        site = {"name": name, "start_urls": urls}
        if args.profile:
            site["profile"] = args.profile
        sites.append(site)
    # a one-off crawl re-observes nothing: run again, it goes on where it stopped
    raw = {"harvest": harvest_table, "reobserve": {"window_days": 0, "sample_older": 0},
           "sites": sites}
    config = config_from_dict(raw, overrides=args.set)
    return _harvest_and_report(args, config, folder, whole_tables=True)


def _private_literal(url: str) -> str | None:
    """The seed's host when it is an IP address the fetcher would refuse (127.0.0.1, 10.0.0.1,
    ::1; `addresses.refusal`, as for every connection): known before any fetch, unlike a name
    that resolves to one."""
    from urllib.parse import urlsplit

    from .addresses import parse_address, refusal
    try:
        host = urlsplit(url).hostname or ""
        address = parse_address(host)
    except ValueError:
        return None
    return host if refusal(address) else None


def _sites_from_seeds(seeds: list[str]) -> dict[str, list[str]]:
    """Seeds grouped by host (www folded); the site is named after its host (and port)."""
    from .crawl import host_of
    by_host: dict[str, list[str]] = {}
    for seed in seeds:
        host = host_of(seed)
        host = host[4:] if host.startswith("www.") else host
        by_host.setdefault(host, []).append(seed)
    return by_host


def _output_folder(path: str, dataset: bool = True, source: Path | None = None) -> Path:
    """The folder a command writes into, made if missing. A dataset's folder (crawl, harvest,
    recover) is never a folder of exported files, whose tables it would overwrite; an export's
    folder never holds another dataset (its dataset.sqlite and the files would disagree). A
    folder that cannot be written is a bad path: one line, exit 2, before anything starts."""
    from govnews.output.writers import holds_export
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"{path}: exists and is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot create the output folder: {exc.strerror}") from None
    holds_dataset = (folder / "dataset.sqlite").exists()
    if dataset and not holds_dataset and holds_export(folder):
        raise ConfigError(f"{path}: holds exported tables, not a dataset (no dataset.sqlite); "
                          "give another folder (-o), the export would be overwritten")
    if not dataset and holds_dataset and (source is None or folder.resolve() != source.resolve()):
        raise ConfigError(f"{path}: holds another dataset (dataset.sqlite); export into an empty "
                          "folder or the dataset's own")
    if not os.access(folder, os.W_OK):
        raise ConfigError(f"{path}: the folder cannot be written (read-only or no permission)")
    return folder


def _cluster_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--processes", type=int, metavar="N",
                   help="spread the work over N worker processes on this machine (Dask)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on the Dask cluster of this scheduler (tcp://HOST:8786)")


def _cluster_overrides(args: argparse.Namespace) -> list[str]:
    """--processes / --scheduler as -s items, validated like the config file."""
    items = []
    if args.processes is not None:
        items.append(f"cluster.processes={args.processes}")
    if args.scheduler is not None:
        items.append(f"cluster.scheduler={json.dumps(args.scheduler)}")
    return items


def cmd_harvest(args: argparse.Namespace) -> int:
    from .config import load_config

    config = load_config(args.config, overrides=[*args.set, *_cluster_overrides(args)])
    folder = _output_folder(args.output or config.harvest["output"])
    return _harvest_and_report(args, config, folder)


def _harvest_and_report(args: argparse.Namespace, config, folder: Path,
                        whole_tables: bool = False) -> int:
    from .harvest import harvest
    from .progress import Progress

    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    if config.harvest.get("log_file") and not args.log_file:
        _log_to(config.harvest["log_file"], folder)
    running = []
    previous = _stop_on_sigterm()
    log.info("%s into %s: %d sites", args.command, folder, len(config.sites))
    try:
        result = harvest(config, folder, progress=Progress(sys.stderr) if show else None,
                         whole_tables=whole_tables, on_start=running.append)
    finally:
        signal.signal(signal.SIGTERM, previous)
    summary = result.summary
    log.info("%s", summary.line(), extra={"file_only": True})   # (a log file shows every run)
    print(summary.line(), flush=True)
    for hint in summary.hints:
        print(f"govnews: {hint}", file=sys.stderr)
    if summary.error_count:
        errors_file = folder / "logs" / f"{summary.run_id}.errors.txt"
        if errors_file.exists():
            print(f"  errors of this run: {errors_file}", file=sys.stderr)
        for line in summary.error_lines[:10]:
            print("  " + line, file=sys.stderr)
        if len(summary.error_lines) > 10:
            print(f"  … and {len(summary.error_lines) - 10} more in the file", file=sys.stderr)
    return result.exit_code


def _log_to(path: str, folder: Path) -> None:
    """The config's `log_file` (relative to the dataset folder): INFO and up, every run
    appended; removed again when main() returns."""
    target = Path(path) if Path(path).is_absolute() else folder / path
    try:
        handler = logging.FileHandler(target, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"[harvest] log_file {path!r}: {exc.strerror}") from None
    handler.setLevel(logging.INFO)
    handler.setFormatter(UtcFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level, logging.INFO))
    _EXTRA_HANDLERS.append(handler)


_EXTRA_HANDLERS: list[logging.Handler] = []


def _stop_on_sigterm():
    """SIGTERM (a cron timeout, systemd, kill) ends a run as Ctrl-C does: no new request, the
    pages in flight finish, the run is recorded as interrupted."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except ValueError:            # not the main thread (a test calling main() from a thread)
        return signal.getsignal(signal.SIGTERM)


def cmd_reparse(args: argparse.Namespace) -> int:
    from .reparse import reparse

    folder = _existing_dataset(args.folder, settle=not args.dry_run)
    config = None
    if args.config:
        from .config import load_config
        config = load_config(args.config)
    options = {}
    if args.dry_run:
        options["dry_run"] = True
    if args.into:
        options["into"] = Path(args.into)
    if args.processes is not None or args.scheduler is not None:
        from .config import DEFAULTS, config_from_dict
        cluster = config.cluster if config is not None else dict(DEFAULTS["cluster"])
        checked = config_from_dict({"cluster": cluster, "sites": [
            {"name": "x", "start_urls": ["http://x/"]}]}, overrides=_cluster_overrides(args))
        options["cluster"] = checked.cluster
    result = reparse(folder, config, **options)
    for line in result.change_lines():
        print(line)
    print(result.line())
    return EXIT_OK if not result.errors else EXIT_PARTIAL


def cmd_export(args: argparse.Namespace) -> int:
    from .runtypes import plural
    from govnews.output.store import Store
    from govnews.output.writers import ParquetUnavailableError, export_dataset

    folder = _existing_dataset(args.folder)
    out = _output_folder(args.output, dataset=False, source=folder) if args.output else folder
    options = {"raw_csv": True} if args.raw_csv else {}
    formats = tuple(args.format or ("csv", "jsonl"))
    written: list = []
    tables = tuple(f for f in formats if f != "wacz")
    if tables:
        opener = Store.open if os.access(folder, os.W_OK) else Store.open_for_reading
        with opener(folder) as store:
            try:
                written += export_dataset(store, out, formats=tables, excel=args.excel, **options)
            except ParquetUnavailableError as exc:
                raise ConfigError(str(exc)) from None
    if "wacz" in formats:
        from .archive import export_wacz
        if not (folder / "warc").is_dir():
            raise ConfigError(f"{folder}: no WARC archive (warc/) to package")
        written.append(export_wacz(folder, out / f"{folder.resolve().name}.wacz"))
    names = [Path(p).name for p in written]
    print(f"wrote {plural(len(written), 'file')} to {out}/" + (f": {', '.join(names)}" if 0 < len(names) <= 8 else ""))
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    import math

    from .recover import RecoverSettings, recover

    if not math.isfinite(args.delay) or not 0 <= args.delay <= 3600:
        raise ConfigError("--delay must be a number of seconds from 0 to 3600")
    from .config import check_date_range
    check_date_range("recover", args.from_date, args.to_date)
    folder = _output_folder(args.output)
    result = recover(args.prefix, args.source, folder, args.from_date, args.to_date,
                     args.archive_url, args.cc_index_url, args.cc_data_url, site=args.site,
                     profile=args.profile, settings=RecoverSettings(delay=args.delay),
                     allow_private=args.allow_private, contact=args.contact)
    print(result.line())
    return EXIT_OK if result.status == "ok" else EXIT_PARTIAL


def cmd_stories(args: argparse.Namespace) -> int:
    from govnews.output.stories import stories_table

    folder = _existing_dataset(args.folder, exports=True)
    if args.min_sites < 1:
        raise ConfigError("--min-sites must be >= 1")
    out = Path(args.output) if args.output else None
    if out is not None:                # (checked before any work)
        if out.suffix.lower() not in (".csv", ".jsonl"):
            raise ConfigError(f"{out}: -o names a .csv or .jsonl file")
        _output_file(out)
    from govnews.output.stories import StoriesError
    try:
        table = stories_table(folder, min_sites=args.min_sites)
    except StoriesError as exc:
        from govnews.output.dataset import load
        if len(load(folder).articles) > 0:
            raise ConfigError(f"{folder}: {exc}") from None
        # (a first harvest still running, a crawl that failed): no story, and a file with the
        # table's columns and no row when one is asked for, so that the next step finds it
        print(f"no story carried by {args.min_sites} sites or more: {folder} holds no article yet")
        if not args.output:
            return EXIT_OK
        import pandas as pd

        from govnews.output.stories import STORY_TABLE_COLUMNS
        table = pd.DataFrame({c: [] for c in STORY_TABLE_COLUMNS})
    if out is not None:
        from govnews.output.writers import atomic_write
        with atomic_write(out) as fh:
            if out.suffix.lower() == ".csv":     # times in ISO 8601, as the exports write them
                times = table.select_dtypes(include=["datetimetz"]).columns
                table.assign(**{c: table[c].map(lambda t: t.isoformat(), na_action="ignore")
                                for c in times}).to_csv(fh, index=False)
            else:
                table.to_json(fh, orient="records", lines=True, force_ascii=False,
                              date_format="iso")
        print(f"{len(table)} stories written to {out}")
    else:
        import pandas as pd
        with pd.option_context("display.width", 160, "display.max_columns", 12,
                               "display.max_colwidth", 50):
            print(table.to_string(index=False) if len(table) else "no story carried by "
                  f"{args.min_sites} sites or more")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from govnews.output.report import write_report

    folder = _existing_dataset(args.folder, exports=True)
    output = _output_file(Path(args.output)) if args.output else folder / "report.html"
    path = write_report(folder, output, lang=args.lang)
    print(f"report written to {path}")
    return EXIT_OK


def _output_file(path: Path) -> Path:
    """A file `-o` names, checked before any work: not a folder, its folder made when missing
    and writable (ConfigError: one line, exit 2)."""
    if path.is_dir():
        raise ConfigError(f"{path}: a folder; -o names the file to write")
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{parent}: cannot create the folder for -o: {exc.strerror or exc}") from None
    try:                               # (os.access says yes to root on /proc, a read-only mount)
        with tempfile.TemporaryFile(dir=parent):
            pass
    except OSError as exc:
        raise ConfigError(f"{parent}: cannot write there (-o {path}): {exc.strerror or exc}") from None
    return path


def _existing_dataset(path: str, settle: bool = True, exports: bool = False) -> Path:
    """The dataset folder `path`; `settle`: a killed harvest's leftovers are put in order
    first (its shards merged), so that the command sees every committed record. `exports`: an
    export folder (`govnews export`'s tables in any format, which `load` reads) will do too."""
    from govnews.output.dataset import exported_tables

    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"{path}: a file, not a dataset folder (give the folder that holds dataset.sqlite)")
    if not folder.is_dir():
        raise ConfigError(f"{path}: no such dataset folder")
    if not (folder / "dataset.sqlite").exists():
        if not exported_tables(folder):
            raise ConfigError(f"{path}: not a govnews dataset (no dataset.sqlite)")
        if not exports:
            raise ConfigError(f"{path}: an export folder; this command needs the dataset folder "
                              "(with dataset.sqlite) it was exported from")
        return folder
    if settle:
        from .harvest import settle as put_in_order
        put_in_order(folder)
    return folder


def cmd_serve_fixtures(args: argparse.Namespace) -> int:
    from govnews.fixtures.portals import all_portals
    from govnews.fixtures.server import PortalServer

    servers = []
    for offset, portal in enumerate(all_portals(republished=True)):
        try:
            server = PortalServer(portal, host=args.host, port=args.port + offset).start()
        except OSError as exc:
            for started in servers:
                started.stop()
            raise ConfigError(f"{args.host}:{args.port + offset}: {exc.strerror} (another serve-fixtures? "
                              f"use --port N: {len(all_portals())} ports from N are used)") from None
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
    "recover": cmd_recover,
    "stories": cmd_stories,
    "serve-fixtures": cmd_serve_fixtures,
    "demo": cmd_demo,
}

if __name__ == "__main__":
    raise SystemExit(main())
