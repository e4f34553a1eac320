"""Extraction speed, one process, side by side in one run: govnews with its profiles, govnews
with the generic extractor forced, a bare `lxml.html.fromstring` of the same bytes, and (when
installed: `pip install trafilatura`) `trafilatura.bare_extraction` with metadata. Pages per
second, CPU milliseconds per page, the ratios, and the body token F1 of each beside the truth.

    python bench/extract.py [--pages golden|world|all] [--repeat N] [--json OUT]

`golden` are the demo portals' article pages (fixtures/golden), `world` the pages of the generic
extractor's failure classes (fixtures/world: other templates and languages, more chrome).
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402

from govnews.fixtures.accuracy import load_case, token_f1  # noqa: E402
from govnews.fixtures.golden import golden_cases  # noqa: E402
from govnews.parsers.extract import parse_page  # noqa: E402

WORLD = ROOT / "fixtures" / "world"


def world_cases() -> list[tuple[bytes, dict, dict]]:
    cases = []
    for page in sorted(WORLD.glob("*/*.html")):
        meta = json.loads(page.with_suffix(".meta.json").read_text("utf-8"))
        expected = json.loads(page.with_suffix(".expected.json").read_text("utf-8"))
        cases.append((page.read_bytes(), meta, expected))
    return cases


def timed(fn, pages, repeat: int) -> float:
    """Best of `repeat` passes over all pages, in CPU seconds per pass."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        for page in pages:
            fn(page)
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", choices=("golden", "world", "all"), default="golden")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", help="write the figures as JSON here")
    args = parser.parse_args(argv)
    cases = []
    if args.pages in ("golden", "all"):
        cases += [load_case(c) for c in golden_cases()]
    if args.pages in ("world", "all"):
        cases += world_cases()
    pages = [(data, meta) for data, meta, _ in cases]
    n = len(pages)
    result: dict[str, object] = {"pages": n, "mean_kb": sum(len(d) for d, _ in pages) / n / 1024}

    def ours(p):
        return parse_page(p[0], p[1]["url"], p[1]["headers"])

    def generic(p):
        return parse_page(p[0], p[1]["url"], p[1]["headers"], profile="generic")

    def bare(p):
        return lxml.html.fromstring(p[0])

    seconds = {"lxml": timed(bare, pages, args.repeat),
               "govnews": timed(ours, pages, args.repeat),
               "govnews_generic": timed(generic, pages, args.repeat)}
    try:
        import trafilatura
        from trafilatura.meta import reset_caches
    except ImportError:
        trafilatura = None
        result["trafilatura"] = "not installed (pip install trafilatura)"
    else:
        def traf(p):
            return trafilatura.bare_extraction(p[0].decode("utf-8", "replace"), url=p[1]["url"],
                                               with_metadata=True)
        # trafilatura keeps LRU caches (and a duplicate filter) across calls: reset them before
        # every pass so it is timed on pages it has not seen, as govnews is
        slow = float("inf")
        for _ in range(max(1, args.repeat // 2)):
            reset_caches()
            slow = min(slow, timed(traf, pages, 1))
        seconds["trafilatura"] = slow
    for name, spent in seconds.items():
        result[f"{name}_pages_per_s"] = n / spent
        result[f"{name}_ms_per_page"] = 1000 * spent / n
    for name in ("govnews", "govnews_generic"):
        result[f"{name}_ratio_to_lxml"] = seconds[name] / seconds["lxml"]
        if "trafilatura" in seconds:
            result[f"{name}_speedup_over_trafilatura"] = seconds["trafilatura"] / seconds[name]
    result["govnews_body_f1"] = sum(token_f1(ours((d, m)).article.body, e["body"])
                                    for d, m, e in cases) / n
    result["govnews_generic_body_f1"] = sum(token_f1(generic((d, m)).article.body, e["body"])
                                            for d, m, e in cases) / n
    if trafilatura is not None:
        reset_caches()
        f1, dates = [], 0
        for data, meta, expected in cases:
            doc = traf((data, meta))
            text = (doc.get("text") if isinstance(doc, dict) else getattr(doc, "text", None)) or ""
            f1.append(token_f1(text.replace("\n", "\n\n"), expected["body"]))
            date = doc.get("date") if isinstance(doc, dict) else getattr(doc, "date", None)
            dates += bool(date) and bool(expected["published_at"]) \
                and date == expected["published_at"][:10]
        result["trafilatura_body_f1"] = sum(f1) / n
        result["trafilatura_date_accuracy"] = dates / n
    for key, value in result.items():
        print(f"{key:40} {value:.3f}" if isinstance(value, float) else f"{key:40} {value}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
