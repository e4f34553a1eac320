"""Which of the parsers' regular expressions take super-linear time on long runs of one kind of
character (a hostile or broken page: 200 KB of spaces, a 20,000-digit 'number')?

    python bench/regex_scaling.py [--n 1000] [--factor 4] [--limit 8]

Every compiled pattern held at module level by a `govnews.parsers` module (or in a tuple, list or
dict there) is run with search(), findall() and split() on texts made of a run of n, then
factor x n, characters of one class, between a few Vietnamese label words. A pattern whose time
grows by more than `limit` when the text grows `factor` times (linear: ~factor; quadratic:
~factor^2) is listed. Exit status 1 when any is.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = {"space": " ", "nbsp": "\u00a0", "newline": "\n", "digit": "1", "digit-space": "1 ",
        "digit-dot": "1.", "digit-comma": "12,", "letter": "a", "vn-letter": "đ", "word": "ab ",
        "dot": ".", "colon": ":", "slash": "/", "dash": "-", "pipe": "|", "star": "★",
        "paren": "(", "date-ish": "1/", "time-ish": "1:", "upper": "A", "tag-ish": "<a",
        "quote": '"', "hash": "#", "comma-space": ", "}
WRAPS = ("{run}", "Lượt xem: {run} x", "Tác giả: {run}", "Ngày {run} tháng", "x{run}lượt xem",
         "Số lượt truy cập {run}!", "{run}Theo ")


def patterns() -> list[tuple[str, re.Pattern]]:
    import govnews.parsers as package
    found, seen = [], set()
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = [value]
            if isinstance(value, (tuple, list)):
                values = list(value)
            elif isinstance(value, dict):
                values = list(value.values())
            for item in values:
                if isinstance(item, re.Pattern) and id(item) not in seen:
                    seen.add(id(item))
                    found.append((f"{info.name.split('.', 2)[-1]}.{name}", item))
    return found


def cost(pattern: re.Pattern, text: str) -> float:
    if isinstance(pattern.pattern, bytes):
        text = text.encode("utf-8")
    started = time.perf_counter()
    pattern.search(text)
    pattern.findall(text)
    pattern.split(text)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--factor", type=int, default=4)
    parser.add_argument("--limit", type=float, default=8.0)
    args = parser.parse_args()
    slow = []
    found = patterns()
    for name, pattern in found:
        worst = (0.0, "", 0.0)
        for run_name, unit in RUNS.items():
            for wrap in WRAPS:
                small = wrap.format(run=unit * (args.n // len(unit)))
                large = wrap.format(run=unit * (args.n * args.factor // len(unit)))
                base = cost(pattern, small)
                if base < 2e-4:       # too quick to tell growth from noise
                    continue
                grown = cost(pattern, large) / base
                if grown > args.limit:          # confirm once: a shared machine is noisy
                    grown = min(grown, cost(pattern, large) / cost(pattern, small))
                if grown > worst[0]:
                    worst = (grown, f"{run_name} in {wrap!r}", base)
                if worst[0] > args.limit:
                    break               # one super-linear case is enough to list the pattern
            if worst[0] > args.limit:
                break
        if worst[0] > args.limit:
            slow.append((name, *worst))
            print(f"  slow: {name} {worst[0]:.1f}x on {worst[1]}", file=sys.stderr, flush=True)
    for name, grown, where, base in sorted(slow, key=lambda s: -s[1]):
        print(f"{grown:7.1f}x  {name:45s} {where}  ({base * 1000:.2f} ms at n={args.n})")
    print(f"{len(found)} patterns, {len(slow)} grow more than {args.limit}x "
          f"when the text grows {args.factor}x")
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
