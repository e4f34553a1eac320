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


# Patterns the parsers run only on a bounded text, where growth with n cannot bite; each with
# the bound its callers keep (a pattern listed here and growing is reported, not failed).
BOUNDED = {
    "dates._BEFORE": "searched in the 60 characters before a date (BEFORE_WINDOW)",
    "dates._BEFORE_WORLD": "searched in the 60 characters before a date (BEFORE_WINDOW)",
    "dates._FOLLOWED_BY_DATE": "matched at one position only, after a time: linear there",
    "dates._WORD_BEFORE": "searched in the 12 characters before a date",
    "generic._PUBLISHED_WORDS": "searched in the 40 characters before a date",
    "generic._UPDATED_WORDS": "searched in the 40 characters before a date",
    "generic._CREATED_WORDS": "searched in the 40 characters before a date",
    "fields._SOURCE_TAIL": "run on clean() text (space runs collapsed) of a byline element",
    "extract._DOWNLOAD_COUNT": "run on a block's clean() text (space runs collapsed) of 280 characters at most, holding links",
    "generic._CRUMB_SEPARATOR": "run on a breadcrumb's text_of() (clean(): space runs collapsed), "
                                "150 characters at most",
    "generic._ANY_TITLE_SPLIT": "splits Doc.title, clean() text (space runs collapsed)",
    "generic._LETTERS_BESIDE_DATE": "run on a link's text of 40 characters at most",
    "fields._KOREAN_SIGN_OFF": "fullmatch (anchored) on the rest of a signature line of 80 characters at most",
}


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
        bound = f"  [bounded: {BOUNDED[name]}]" if name in BOUNDED else ""
        print(f"{grown:7.1f}x  {name:45s} {where}  ({base * 1000:.2f} ms at n={args.n}){bound}")
    unbounded = [s for s in slow if s[0] not in BOUNDED]
    print(f"{len(found)} patterns, {len(slow)} grow more than {args.limit}x "
          f"when the text grows {args.factor}x, {len(unbounded)} of them on unbounded text")
    return 1 if unbounded else 0


if __name__ == "__main__":
    raise SystemExit(main())
