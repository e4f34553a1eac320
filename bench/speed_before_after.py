"""Extraction CPU before and after a change to the parsers, side by side in one process: a bare
`lxml.html.fromstring`, the frozen copy of `parsers/` (see bench/same_output.py) and the current
parsers, with profiles detected and with the generic extractor forced, taking turns pass by pass
(round robin: a slower spell of the shared machine weighs on all alike), best of N passes,
caches that outlive a page reset before every pass.

    python bench/speed_before_after.py [--repeat 7] [--sets golden heldout world listings]

`listings` are the demo portals' listing pages a crawl fetches (home and category pages, on
which the generic finders run); `crawl` all the pages a crawl of the demo portals fetches.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import lxml.html  # noqa: E402

from same_output import FROZEN, crawl_cases, fixture_cases, load_frozen  # noqa: E402


def page_sets(names: list[str], after) -> dict[str, list]:
    sets = {}
    fixtures = fixture_cases()
    for name in names:
        if name in fixtures:
            sets[name] = fixtures[name]
    if "listings" in names or "crawl" in names:
        demo = [c for c in crawl_cases() if c[0] != "crawl:synthetic"]
        if "listings" in names:
            after.reset_caches()
            sets["listings"] = [c for c in demo if after.parse_page(c[1], c[2], c[3]).kind == "listing"]
        if "crawl" in names:
            sets["crawl"] = demo
    return sets


def timed(fns: dict, pages: list, repeat: int) -> dict[str, float]:
    best = dict.fromkeys(fns, float("inf"))
    names = list(fns)
    for turn in range(repeat):
        # the order turns too, so that neither copy always runs right after the other
        for name in names[turn % len(names):] + names[:turn % len(names)]:
            fn, reset = fns[name]
            reset()
            gc.collect()
            start = time.process_time()
            for page in pages:
                fn(page)
            best[name] = min(best[name], time.process_time() - start)
    return best


def functions(before, after) -> dict:
    def none():
        return None

    fns = {"lxml": (lambda c: lxml.html.fromstring(c[1]), none)}
    for label, module in (("before", before), ("after", after)):
        fns[f"{label}"] = (lambda c, m=module: m.parse_page(c[1], c[2], c[3]), module.reset_caches)
        fns[f"{label}_generic"] = (lambda c, m=module: m.parse_page(c[1], c[2], c[3], profile="generic"),
                                   module.reset_caches)
    return fns


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--before", type=Path, default=FROZEN)
    parser.add_argument("--sets", nargs="+", default=["golden", "heldout", "world", "listings"],
                        choices=("golden", "heldout", "world", "listings", "crawl"))
    args = parser.parse_args(argv)
    before = load_frozen(args.before)
    from govnews.parsers import extract as after

    fns = functions(before, after)
    print(f"{'set':9} {'pages':>5} {'KB':>5} {'lxml ms':>8} | {'profiles: before → after (×lxml)':>40} "
          f"| {'generic: before → after (×lxml)':>40}")
    for name, cases in page_sets(args.sets, after).items():
        seconds = timed(fns, cases, args.repeat)
        n = len(cases)
        ms = {k: 1000 * v / n for k, v in seconds.items()}
        kb = sum(len(c[1]) for c in cases) / n / 1024

        def pair(b, a):
            return (f"{ms[b]:.3f} → {ms[a]:.3f} ms ({ms[b] / ms['lxml']:.1f}× → "
                    f"{ms[a] / ms['lxml']:.1f}×, {ms[a] / ms[b]:.2f})")
        print(f"{name:9} {n:5} {kb:5.1f} {ms['lxml']:8.3f} | {pair('before', 'after'):>40} "
              f"| {pair('before_generic', 'after_generic'):>40}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
