"""Per-field accuracy over every golden page, with profiles, and leave-one-platform-out (the
generic extractor alone on each platform's pages: how govnews does on an unknown portal).

    python bench/accuracy.py [--json OUT] [--show-misses FIELD [--generic]]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from govnews.fixtures.accuracy import (EXACT, by_platform, heldout_cases, heldout_sets,  # noqa: E402
                                       score, score_heldout)
from govnews.fixtures.golden import golden_cases  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", help="write the tables as JSON here")
    parser.add_argument("--show-misses", metavar="FIELD", help="print the misses of one field")
    parser.add_argument("--generic", action="store_true", help="misses of the generic extractor")
    args = parser.parse_args(argv)
    cases = golden_cases()
    groups = by_platform(cases)
    misses: dict = {}
    overall = score(None, cases, None if args.generic else misses)
    columns = list(EXACT) + ["body_exact", "body_f1"]
    print(f"With profiles: {len(cases)} golden pages, {len(groups)} platforms")
    print("  " + "  ".join(f"{c:>15}" for c in columns))
    print("  " + "  ".join(f"{overall.get(c, 0):>15.3f}" for c in columns))
    print("\nLeave-one-platform-out (generic extractor only):")
    print(f"  {'platform':22}" + "".join(f"{c:>16}" for c in columns))
    lopo: dict[str, dict[str, float]] = {}
    for platform, group in sorted(groups.items()):
        lopo[platform] = score("generic", group, misses if args.generic else None)
        print(f"  {platform:22}" + "".join(f"{lopo[platform].get(c, 0):>16.3f}" for c in columns))
    mean = {c: sum(r.get(c, 0) for r in lopo.values()) / len(lopo) for c in columns}
    print(f"  {'mean of platforms':22}" + "".join(f"{mean[c]:>16.3f}" for c in columns))
    held = {}
    for name, templates in heldout_sets().items():
        held[name] = score_heldout(templates=templates)
        print(f"\nHeld-out set {name}: {len(heldout_cases(templates))} pages in {len(templates)} "
              "templates written blind to the parsers")
        print("  " + "".join(f"{c:>16}" for c in held[name]))
        print("  " + "".join(f"{held[name][c]:>16.3f}" for c in held[name]))
    if args.show_misses:
        for name, got, want in misses.get(args.show_misses, []):
            print(f"\n{name}\n  got:  {got!r}\n  want: {want!r}")
    if args.json:
        Path(args.json).write_text(json.dumps({"with_profiles": overall, "leave_one_out": lopo,
                                               "leave_one_out_mean": mean, "heldout": held},
                                              indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
