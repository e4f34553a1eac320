"""Parsing from many crawl threads at once: the first pages of a run hit every lazily built
table at the same moment (a label pattern built in two steps once handed another thread half
of it: 'not enough values to unpack'). Each round is a fresh interpreter, threads released
together on their first page."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json, sys, threading
sys.setswitchinterval(1e-6)   # switch threads as often as the interpreter can
from pathlib import Path
from govnews.parsers.extract import parse_page
cases = sorted(Path(sys.argv[1]).glob("*/*.html"))[::7]
barrier = threading.Barrier(8)
errors = []
def work(offset):
    barrier.wait()
    for case in cases[offset::8] + cases[:3]:
        meta = json.loads(case.with_suffix(".meta.json").read_text("utf-8"))
        try:
            parse_page(case.read_bytes(), meta["url"], meta["headers"])
        except Exception as exc:
            errors.append(repr(exc))
threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(len(errors), errors[:3])
"""


def test_parsing_in_many_threads_from_a_cold_start():
    for _ in range(6):
        done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "fixtures" / "golden")],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.startswith("0 "), done.stdout
