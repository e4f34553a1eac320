"""Extraction speed on every golden article page, one process: pages per second, the ratio to a
bare `lxml.html.fromstring` of the same bytes, and (when installed: `pip install trafilatura`)
the ratio to `trafilatura.bare_extraction` and its body token F1 beside ours.

    python bench/extract.py [--repeat N] [--json OUT]
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml.html  # noqa: E402

from govnews.fixtures.accuracy import load_case, token_f1  # noqa: E402
from govnews.fixtures.golden import golden_cases  # noqa: E402
from govnews.parsers.extract import parse_page  # noqa: E402


def timed(fn, pages, repeat: int) -> float:
    """Best of `repeat` passes over all pages, in seconds per pass."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        for page in pages:
            fn(page)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", help="write the figures as JSON here")
    args = parser.parse_args(argv)
    cases = [load_case(c) for c in golden_cases()]
    pages = [(data, meta) for data, meta, _ in cases]
    total_bytes = sum(len(d) for d, _ in pages)
    ours = timed(lambda p: parse_page(p[0], p[1]["url"], p[1]["headers"]), pages, args.repeat)
    bare = timed(lambda p: lxml.html.fromstring(p[0]), pages, args.repeat)
    result = {"pages": len(pages), "mean_kb": total_bytes / len(pages) / 1024,
              "govnews_pages_per_s": len(pages) / ours, "lxml_pages_per_s": len(pages) / bare,
              "ratio_to_lxml": ours / bare}
    f1_ours = [token_f1(parse_page(d, m["url"], m["headers"]).article.body, e["body"])
               for d, m, e in cases]
    result["govnews_body_f1"] = sum(f1_ours) / len(f1_ours)
    try:
        import trafilatura
    except ImportError:
        result["trafilatura"] = "not installed (pip install trafilatura)"
    else:
        from trafilatura.meta import reset_caches

        def traf(p):
            return trafilatura.bare_extraction(p[0].decode("utf-8", "replace"), url=p[1]["url"],
                                               with_metadata=True)
        def traf_cold(p):
            return traf(p)

        # trafilatura keeps LRU caches (and a duplicate filter) across calls: reset them before
        # every pass so it is timed on pages it has not seen, as govnews is
        slow = float("inf")
        for _ in range(max(1, args.repeat // 2)):
            reset_caches()
            slow = min(slow, timed(traf_cold, pages, 1))
        result["trafilatura_pages_per_s"] = len(pages) / slow
        result["speedup_over_trafilatura"] = slow / ours
        reset_caches()
        f1 = []
        dates = 0
        for (d, m, e), page in zip(cases, pages):
            doc = traf(page)
            text = (doc.get("text") if isinstance(doc, dict) else getattr(doc, "text", None)) or ""
            f1.append(token_f1(text.replace("\n", "\n\n"), e["body"]))
            date = doc.get("date") if isinstance(doc, dict) else getattr(doc, "date", None)
            dates += bool(date) and date == e["published_at"][:10]
        result["trafilatura_body_f1"] = sum(f1) / len(f1)
        result["trafilatura_date_accuracy"] = dates / len(cases)
    for key, value in result.items():
        print(f"{key:28} {value:.3f}" if isinstance(value, float) else f"{key:28} {value}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
