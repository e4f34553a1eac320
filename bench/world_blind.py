#!/usr/bin/env python3
"""Score govnews (public API only) on the blind world-news set in fixtures/world_blind/.

    python bench/world_blind.py [--json OUT] [--dir DIR] [--no-trafilatura] [--quiet]

Per page it calls

    govnews.extract(html_bytes, url, profile="generic", headers=meta["headers"])

and compares 'headline', 'published_at', 'author', 'body' with <name>.expected.json:

  title   exact match after whitespace normalisation
  date    published_at[:10] == expected date; a null expected date is right only
          when published_at is None
  author  case-insensitive match after whitespace normalisation; a null expected
          author is right only when nothing (None / empty) is returned
  body    bag-of-tokens F1 (lowercase, split on whitespace and punctuation) as in
          the ScrapingHub article-extraction benchmark; also the number of pages
          with body F1 < 0.5

If trafilatura is importable, bare_extraction(html, url=url, with_metadata=True)
is scored the same way (title, date, author, text) side by side.
"""
import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import govnews  # noqa: E402

try:
    import trafilatura  # noqa: E402
except Exception:  # pragma: no cover - optional
    trafilatura = None

DEFAULT_DIR = ROOT / "fixtures" / "world_blind"
TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def norm_ws(s):
    return re.sub(r"\s+", " ", s or "").strip()


def tokens(text):
    return TOKEN_RE.findall((text or "").lower())


def prf(pred, gold):
    p, g = Counter(tokens(pred)), Counter(tokens(gold))
    if not p and not g:
        return 1.0, 1.0, 1.0
    if not p or not g:
        return 0.0, 0.0, 0.0
    common = sum((p & g).values())
    if not common:
        return 0.0, 0.0, 0.0
    prec = common / sum(p.values())
    rec = common / sum(g.values())
    return prec, rec, 2 * prec * rec / (prec + rec)


def score(pred, exp):
    """pred: dict(title, date, author, body) -> per-field scores"""
    title_ok = norm_ws(pred.get("title")) == norm_ws(exp["title"])
    d = pred.get("date")
    d = str(d)[:10] if d else None
    date_ok = (d is None) if exp["date"] is None else (d == exp["date"])
    a = norm_ws(pred.get("author") if isinstance(pred.get("author"), str) else
                ("; ".join(pred["author"]) if isinstance(pred.get("author"), (list, tuple)) else ""))
    author_ok = (a == "") if exp["author"] is None else (a.lower() == norm_ws(exp["author"]).lower())
    p, r, f = prf(pred.get("body") or "", exp["body"])
    return {"title": title_ok, "date": date_ok, "author": author_ok, "body_p": p, "body_r": r, "body_f1": f,
            "got_title": pred.get("title"), "got_date": d, "got_author": a or None,
            "got_body_head": norm_ws(pred.get("body") or "")[:160]}


def run_govnews(html, url, headers):
    rec = govnews.extract(html, url, profile="generic", headers=headers)
    return {"title": rec.get("headline"), "date": rec.get("published_at"), "author": rec.get("author"),
            "body": rec.get("body")}


def run_trafilatura(html, url):
    res = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if res is None:
        return {}
    if not isinstance(res, dict):
        res = res.as_dict() if hasattr(res, "as_dict") else vars(res)
    return {"title": res.get("title"), "date": res.get("date"), "author": res.get("author"), "body": res.get("text")}


def load_pages(d):
    pages = []
    for html_path in sorted(d.glob("*/*.html")):
        stem = html_path.name[:-5]
        meta = json.loads((html_path.parent / (stem + ".meta.json")).read_text())
        exp = json.loads((html_path.parent / (stem + ".expected.json")).read_text(encoding="utf-8"))
        pages.append((html_path.parent.name, stem, html_path, meta, exp))
    return pages


def agg(rows):
    n = len(rows)
    if not n:
        return {}
    return {"n": n,
            "title": sum(r["title"] for r in rows) / n,
            "date": sum(r["date"] for r in rows) / n,
            "author": sum(r["author"] for r in rows) / n,
            "body_p": sum(r["body_p"] for r in rows) / n,
            "body_r": sum(r["body_r"] for r in rows) / n,
            "body_f1": sum(r["body_f1"] for r in rows) / n,
            "f1_lt_05": sum(r["body_f1"] < 0.5 for r in rows)}


def fmt_row(name, a):
    return "%-15s %3d  %6.1f%% %6.1f%% %6.1f%%  %5.3f %5.3f %5.3f  %3d" % (
        name, a["n"], 100 * a["title"], 100 * a["date"], 100 * a["author"], a["body_p"], a["body_r"], a["body_f1"], a["f1_lt_05"])


def print_table(label, per_layout, overall):
    print()
    print("== %s" % label)
    print("%-15s %3s  %7s %7s %7s  %5s %5s %5s  %3s" % ("layout", "n", "title", "date", "author", "P", "R", "F1", "<.5"))
    for lay in sorted(per_layout):
        print(fmt_row(lay, agg(per_layout[lay])))
    print(fmt_row("OVERALL", agg(overall)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", default=str(DEFAULT_DIR))
    ap.add_argument("--json", metavar="OUT", help="write per-page scores as JSON")
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--quiet", action="store_true", help="do not list govnews misses")
    args = ap.parse_args(argv)

    pages = load_pages(Path(args.dir))
    if not pages:
        print("no pages under %s (run fixtures/world_blind/make_pages.py)" % args.dir)
        return 2
    use_traf = trafilatura is not None and not args.no_trafilatura
    systems = ["govnews"] + (["trafilatura"] if use_traf else [])
    per = {s: defaultdict(list) for s in systems}
    overall = {s: [] for s in systems}
    out = []
    timing = defaultdict(float)
    for layout, name, path, meta, exp in pages:
        html = path.read_bytes()
        entry = {"layout": layout, "page": name, "url": meta["url"], "expected": {k: exp[k] for k in ("title", "date", "author")}}
        for s in systems:
            t0 = time.perf_counter()
            try:
                pred = run_govnews(html, meta["url"], meta.get("headers") or {}) if s == "govnews" else run_trafilatura(html, meta["url"])
                err = None
            except Exception as e:  # a crash scores zero on that page
                pred, err = {}, "%s: %s" % (type(e).__name__, e)
            timing[s] += time.perf_counter() - t0
            sc = score(pred, exp)
            if err:
                sc["error"] = err
            per[s][layout].append(sc)
            overall[s].append(sc)
            entry[s] = sc
        out.append(entry)

    print("world_blind: %d pages, %d layouts, %.0f KB" % (len(pages), len({p[0] for p in pages}),
                                                         sum(p[2].stat().st_size for p in pages) / 1024))
    for s in systems:
        print_table("%s  (%.2fs total)" % (s, timing[s]), per[s], overall[s])

    if not args.quiet:
        print()
        print("== govnews misses (title/date/author wrong or body F1 < 0.5)")
        for e in out:
            g = e["govnews"]
            bad = []
            if "error" in g:
                bad.append("ERROR " + g["error"])
            if not g["title"]:
                bad.append("title: got %r want %r" % (g["got_title"], e["expected"]["title"]))
            if not g["date"]:
                bad.append("date: got %r want %r" % (g["got_date"], e["expected"]["date"]))
            if not g["author"]:
                bad.append("author: got %r want %r" % (g["got_author"], e["expected"]["author"]))
            if g["body_f1"] < 0.5:
                bad.append("body: F1 %.2f (P %.2f R %.2f) got %r" % (g["body_f1"], g["body_p"], g["body_r"], g["got_body_head"][:90]))
            if bad:
                print("%s/%s" % (e["layout"], e["page"]))
                for b in bad:
                    print("    " + b)
    if args.json:
        Path(args.json).write_text(json.dumps({"pages": out, "summary": {s: agg(overall[s]) for s in systems},
                                               "per_layout": {s: {k: agg(v) for k, v in per[s].items()} for s in systems}},
                                              ensure_ascii=False, indent=1))
        print("\nwrote %s" % args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
