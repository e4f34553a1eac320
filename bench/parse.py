"""Batch parsing benchmark: `govnews parse DIR` in one process and with --jobs 2, against one
`govnews parse FILE` process per page (what a shell loop over saved pages does), side by side in
one run; and the start-up cost: `import govnews` and `govnews parse` of one page.

    python bench/parse.py [--pages 1000] [--loop-sample 60] [--json OUT]

The 1,000 pages are the golden pages of the demo portals, copied round-robin (with their
.meta.json, so each is parsed with its URL). The per-file loop runs on a sample and is reported
as pages per second (its rate does not depend on how many pages there are).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def make_pages(folder: Path, count: int) -> list[Path]:
    golden = sorted((ROOT / "fixtures" / "golden").glob("*/*.html"))
    pages = []
    for i in range(count):
        source = golden[i % len(golden)]
        target = folder / f"{i:05d}-{source.parent.name}-{source.name}"
        shutil.copy(source, target)
        shutil.copy(source.with_suffix(".meta.json"), target.with_suffix(".meta.json"))
        pages.append(target)
    return pages


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--loop-sample", type=int, default=60)
    parser.add_argument("--json", metavar="OUT")
    args = parser.parse_args()
    govnews = [PYTHON, "-m", "govnews", "parse"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        pages = make_pages(folder, args.pages)
        one = timed([*govnews, "--jsonl", str(folder)])
        two = timed([*govnews, "--jsonl", "--jobs", "2", str(folder)])
        sample = pages[:args.loop_sample]
        loop = sum(timed([*govnews, str(p)]) for p in sample)
        imports = [timed([PYTHON, "-c", "import govnews"]) for _ in range(5)]
        bare = [timed([PYTHON, "-c", "pass"]) for _ in range(5)]
        startup = [timed([*govnews, str(pages[0])]) for _ in range(5)]
    results = {
        "pages": args.pages, "cpus": os.cpu_count(),
        "one_process_pages_per_s": round(args.pages / one, 1),
        "jobs2_pages_per_s": round(args.pages / two, 1),
        "per_file_loop_pages_per_s": round(len(sample) / loop, 2),
        "one_process_vs_loop": round((args.pages / one) / (len(sample) / loop), 1),
        "jobs2_vs_loop": round((args.pages / two) / (len(sample) / loop), 1),
        "import_govnews_s": round(statistics.median(imports) - statistics.median(bare), 3),
        "python_startup_s": round(statistics.median(bare), 3),
        "parse_one_page_s": round(statistics.median(startup), 3),
    }
    print(json.dumps(results, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
