"""Per-field accuracy over every golden page, with profiles, and leave-one-platform-out (the
generic extractor alone on each platform's pages: how govnews does on an unknown portal).

    python bench/accuracy.py [--json OUT] [--show-misses FIELD]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fixtures.golden import golden_cases  # noqa: E402
from parsers.extract import parse_page  # noqa: E402

EXACT = ("headline", "published_at", "view_count", "visitor_counter", "author", "source",
         "category", "summary")
_TOKEN = re.compile(r"\w+", re.U)


def token_f1(got: str | None, want: str | None) -> float:
    if not want:
        return 1.0 if not got else 0.0
    if not got:
        return 0.0
    from collections import Counter
    g, w = Counter(_TOKEN.findall(got.lower())), Counter(_TOKEN.findall(want.lower()))
    common = sum((g & w).values())
    if not common:
        return 0.0
    p, r = common / sum(g.values()), common / sum(w.values())
    return 2 * p * r / (p + r)


def load_case(case: Path):
    expected = json.loads(case.with_suffix(".expected.json").read_text("utf-8"))
    meta = json.loads(case.with_suffix(".meta.json").read_text("utf-8"))
    for key in ("images", "attachments"):
        expected[key] = [urljoin(meta["url"], p) for p in expected.get(key, [])]
    return case.read_bytes(), meta, expected


def score(profile: str | None, cases: list[Path], misses: dict | None = None) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for case in cases:
        data, meta, expected = load_case(case)
        article = parse_page(data, meta["url"], meta["headers"], profile=profile).article
        for field in EXACT:
            ok = getattr(article, field) == expected[field]
            totals[field] += ok
            if not ok and misses is not None:
                misses.setdefault(field, []).append((str(case.relative_to(case.parents[1])),
                                                     getattr(article, field), expected[field]))
        exact_body = article.body == expected["body"]
        totals["body_exact"] += exact_body
        if not exact_body and misses is not None:
            misses.setdefault("body", []).append((str(case.relative_to(case.parents[1])),
                                                  article.body, expected["body"]))
        totals["body_f1"] += token_f1(article.body, expected["body"])
    return {k: v / len(cases) for k, v in totals.items()} if cases else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", help="write the tables as JSON here")
    parser.add_argument("--show-misses", metavar="FIELD", help="print the misses of one field")
    parser.add_argument("--generic", action="store_true", help="misses of the generic extractor")
    args = parser.parse_args(argv)
    cases = golden_cases()
    by_platform: dict[str, list[Path]] = defaultdict(list)
    for case in cases:
        by_platform[case.parent.name].append(case)
    misses: dict = {}
    overall = score(None, cases, None if args.generic else misses)
    columns = list(EXACT) + ["body_exact", "body_f1"]
    print(f"With profiles: {len(cases)} golden pages, {len(by_platform)} platforms")
    print("  " + "  ".join(f"{c:>15}" for c in columns))
    print("  " + "  ".join(f"{overall.get(c, 0):>15.3f}" for c in columns))
    print("\nLeave-one-platform-out (generic extractor only):")
    print(f"  {'platform':22}" + "".join(f"{c:>16}" for c in columns))
    lopo: dict[str, dict[str, float]] = {}
    for platform, group in sorted(by_platform.items()):
        lopo[platform] = score("generic", group, misses if args.generic else None)
        print(f"  {platform:22}" + "".join(f"{lopo[platform].get(c, 0):>16.3f}" for c in columns))
    mean = {c: sum(r.get(c, 0) for r in lopo.values()) / len(lopo) for c in columns}
    print(f"  {'mean of platforms':22}" + "".join(f"{mean[c]:>16.3f}" for c in columns))
    if args.show_misses:
        for name, got, want in misses.get(args.show_misses, []):
            print(f"\n{name}\n  got:  {got!r}\n  want: {want!r}")
    if args.json:
        Path(args.json).write_text(json.dumps({"with_profiles": overall, "leave_one_out": lopo,
                                               "leave_one_out_mean": mean}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
