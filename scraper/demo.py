"""`govnews demo`: serve the bundled demo portals on 127.0.0.1, harvest them twice a few
seconds apart (view counts and counters move in between), export the dataset and the report.

The served portals republish some of each other's articles (`Portal.carry`, set up by
`all_portals(republished=True)`), as real portals do, so the demo dataset has stories spanning several sites
(`govnews stories demo-output`, the report's "Stories carried by the most portals")."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from .config import config_from_dict
from .harvest import harvest
from .runtypes import plural

EXIT_OK, EXIT_PARTIAL = 0, 1


def run_demo(folder: Path, platforms: list[str] | None = None, pause: float = 3.0) -> int:
    from govnews.fixtures.portals import all_portals
    from govnews.fixtures.server import PortalServer
    from govnews.output.store import Store
    from govnews.output.writers import export_dataset

    portals = [p for p in all_portals(republished=True) if not platforms or p.platform in platforms]
    if not portals:
        print(f"govnews: no demo portal named {', '.join(platforms or [])}", file=sys.stderr)
        return 2
    earlier = _set_aside_earlier_demo(folder)
    if earlier == "not a demo":
        return 2
    servers = [PortalServer(p).start() for p in portals]
    try:
        config = config_from_dict({
            "harvest": {"output": str(folder), "delay": 0.0, "allow_private": True,
                        "contact": "demo@localhost"},
            "sites": [{"name": f"demo-{p.platform}", "start_urls": [s.url + "/"]}
                      for p, s in zip(portals, servers)],
        })
        started = time.monotonic()
        first = harvest(config, folder)
        time.sleep(pause)
        second = harvest(config, folder)
        elapsed = time.monotonic() - started
    finally:
        for server in servers:
            server.stop()
    with Store.open(folder) as store:
        export_dataset(store, folder, formats=("csv", "jsonl"))
        articles = store.count("articles")
    report = _report(folder)
    stories = _stories_across_sites(folder)
    failed = first.summary.error_count + second.summary.error_count
    print(f"harvested {plural(articles, 'article')} from {plural(len(portals), 'site')} "
          f"in {elapsed:.1f} s (two runs; second run: {second.summary.articles_new} new, "
          f"{second.summary.observations} views re-observed"
          + (f"; {stories} stories carried by 2 sites or more" if stories else "")
          + f"); data in {folder}/" + (f", report {report}" if report else "")
          + (f"; the earlier demo is in {earlier}/" if earlier else ""))
    return EXIT_OK if failed == 0 else EXIT_PARTIAL


def _set_aside_earlier_demo(folder: Path) -> str | None:
    """A demo starts from an empty dataset: the demo portals restart on other ports with their
    counters low, so a second demo into the first's folder would fold the same articles under new
    addresses and record their views falling. An earlier demo's dataset (every site 'demo-…') is
    moved to `<folder>.previous` (replacing an older one); a folder holding any other dataset, or
    the exported tables of one, is refused (one line, exit 2), never mixed with the demo."""
    import shutil
    import sqlite3

    from govnews.output.writers import holds_export
    if not (folder / "dataset.sqlite").exists():
        if holds_export(folder):
            print(f"govnews: {folder} holds exported tables, not a dataset; give the demo another folder (-o)",
                  file=sys.stderr)
            return "not a demo"        # (an export: the demo's tables would overwrite it)
        return None
    try:
        with sqlite3.connect(f"file:{folder / 'dataset.sqlite'}?mode=ro&immutable=1", uri=True) as conn:
            names = [row[0] for row in conn.execute("SELECT name FROM sites")]
    except sqlite3.Error:
        names = ["?"]
    if not names or any(not name.startswith("demo-") for name in names):
        print(f"govnews: {folder} holds a dataset that is not a demo's; give the demo another folder (-o)",
              file=sys.stderr)
        return "not a demo"
    previous = folder.with_name(folder.name + ".previous")
    if previous.exists():
        shutil.rmtree(previous)
    folder.rename(previous)
    return str(previous)


def _stories_across_sites(folder: Path) -> int:
    """How many stories of the demo dataset span two sites or more (0 when it has none)."""
    from govnews.output.stories import StoriesError, stories_table

    try:
        return len(stories_table(folder, min_sites=2))
    except StoriesError:
        return 0


def _report(folder: Path) -> Path | None:
    try:
        from govnews.output.report import write_report
    except ImportError:
        return None
    return write_report(folder, folder / "report.html")
