"""Stories benchmark: how well near-duplicate detection finds syndicated copies, and what it costs.

    python bench/stories.py [--only quality|scale ...] [--seeds 13,14,15] [--sizes 100000,1000000]
                            [--new 10000] [--json OUT]

quality  the generator's set (fixtures/syndication.py: the demo portals' 156 articles, 2-4
         copies of each in 9 variant kinds, listing teasers, a series of weekly schedules and one
         of meeting notices), one set per seed. Pair precision and recall two ways: "clusters"
         (every pair of articles put in one story by `StoryIndex`, LSH included, against every
         pair of one true story) and "pairs" (`edge_similarity` on the labelled pairs of
         `labelled_pairs`: all true pairs, the hard negatives, 2000 random ones). Over
         thresholds, with and without tone-insensitive shingles, with and without the
         slot rule (pages of one template: different dates, figures or names in the same
         phrases); then over shingle sizes at the default threshold; then recall per
         variant kind and the hard negatives merged, at the defaults.
scale    synthetic bodies (phrases of the demo articles drawn with Zipf weights, a date and a
         figure per paragraph, ~330 words; 4% are copies of an earlier body, cut, added to and
         re-signed; 1% are pages of 100 template series, N/10 000 pages each, that differ by a
         date and a name). In a child process each: cluster N
         from scratch into an SQLite file (`StoryIndex.add`, `REBUILD_BATCH` per transaction,
         as `rebuild_stories` does), then, in a fresh child, add 10k new articles (4% copies of
         indexed ones) to that index in one transaction, as `update_stories` does after a run.
         Wall time of the add() calls only (generating the text is timed apart), peak RSS of
         the child, what it wrote to storage (/proc/self/io), the index's size on disk.
"""
from __future__ import annotations

import argparse
import collections
import itertools
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from govnews.fixtures.syndication import VARIANTS, article_id_of, corpus, demo_originals, labelled_pairs
from govnews.output.stories import (DEFAULT_SETTINGS, REBUILD_BATCH, StoryDoc, StoryIndex, StorySettings,
                                    edge_similarity, fingerprint)

THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)
SHINGLES = (3, 4, 5, 6, 7)


# -- quality ---------------------------------------------------------------------------------------

def doc_of(item) -> StoryDoc:
    published = item.published.isoformat(timespec="seconds") + "+07:00"
    return StoryDoc(article_id_of(item), item.site, item.headline, item.body, published, item.precision,
                    item.source, "2025-06-01T00:00:00Z")


def cluster_pairs(items, settings: StorySettings) -> set[tuple[str, str]]:
    conn = sqlite3.connect(":memory:")
    index = StoryIndex(conn, settings)
    index.reset()
    index.add(doc_of(i) for i in items)
    groups = collections.defaultdict(list)
    for article, story in conn.execute("SELECT article_id, story_id FROM stories"):
        groups[story].append(article)
    conn.close()
    return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}


def true_pairs(items) -> set[tuple[str, str]]:
    groups = collections.defaultdict(list)
    for item in items:
        groups[item.story].append(article_id_of(item))
    return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}


def precision_recall(predicted: set, true: set) -> tuple[float, float]:
    hit = len(predicted & true)
    return (hit / len(predicted) if predicted else 1.0, hit / len(true) if true else 1.0)


class PairScorer:
    """Pairwise scores on labelled pairs, the fingerprints computed once per text setting."""

    def __init__(self, sets: list[tuple[list, list]]) -> None:
        self.sets = sets
        self.prints: dict[tuple, dict] = {}

    def score(self, settings: StorySettings) -> tuple[float, float]:
        text = (settings.shingle_words, settings.tone_insensitive)
        if text not in self.prints:
            self.prints[text] = {i.key: fingerprint(i.headline, i.body, settings)
                                 for items, _ in self.sets for i in items}
        prints = self.prints[text]
        tp = fp = fn = 0
        for _, pairs in self.sets:
            for a, b, same in pairs:
                found = edge_similarity(prints[a.key], prints[b.key], settings) is not None
                tp += found and same
                fp += found and not same
                fn += same and not found
        return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def run_quality(seeds: list[int]) -> dict:
    sets = []
    for seed in seeds:
        items = corpus(seed)
        sets.append((items, labelled_pairs(items, seed)))
    scorer = PairScorer(sets)
    truths = [true_pairs(items) for items, _ in sets]

    def measure(settings: StorySettings) -> dict:
        predicted = [cluster_pairs(items, settings) for items, _ in sets]
        p, r = precision_recall(set().union(*({(n, *x) for x in pr} for n, pr in enumerate(predicted))),
                                set().union(*({(n, *x) for x in t} for n, t in enumerate(truths))))
        pp, pr_ = scorer.score(settings)
        return {"cluster_precision": p, "cluster_recall": r, "pair_precision": pp, "pair_recall": pr_}

    rows = []
    for threshold in THRESHOLDS:
        for tone in (False, True):
            for rule in (True, False):
                settings = replace(DEFAULT_SETTINGS, threshold=threshold, tone_insensitive=tone,
                                   max_slot_conflicts=DEFAULT_SETTINGS.max_slot_conflicts if rule else 1000)
                rows.append({"threshold": threshold, "tone_insensitive": tone, "slot_rule": rule,
                             **measure(settings)})
    shingles = [{"shingle_words": k, **measure(replace(DEFAULT_SETTINGS, shingle_words=k))} for k in SHINGLES]
    return {"seeds": seeds, "items": sum(len(i) for i, _ in sets),
            "true_pairs": sum(len(t) for t in truths),
            "labelled_pairs": sum(len(p) for _, p in sets), "thresholds": rows, "shingles": shingles,
            "by_kind": by_kind(sets, DEFAULT_SETTINGS)}


def by_kind(sets: list[tuple[list, list]], settings: StorySettings) -> dict:
    """At `settings`: per variant kind, the share of copies in their original's story; per kind
    of near-miss, how many ended in a story with another article."""
    joined: dict[str, list[bool]] = collections.defaultdict(list)
    merged: dict[str, list[bool]] = collections.defaultdict(list)
    for items, _ in sets:
        conn = sqlite3.connect(":memory:")
        index = StoryIndex(conn, settings)
        index.reset()
        index.add(doc_of(i) for i in items)
        story = dict(conn.execute("SELECT article_id, story_id FROM stories"))
        sizes = collections.Counter(story.values())
        conn.close()
        key_of = {i.key: article_id_of(i) for i in items}
        for item in items:
            if item.kind in VARIANTS:
                joined[item.kind].append(story[key_of[item.key]] == story[key_of[item.story]])
            elif item.kind in ("schedule", "notice", "teaser"):
                merged[item.kind].append(sizes[story[key_of[item.key]]] > 1)
    return {"recall": {k: sum(v) / len(v) for k, v in sorted(joined.items())},
            "copies": {k: len(v) for k, v in sorted(joined.items())},
            "near_misses_merged": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(merged.items())}}


def print_quality(result: dict) -> None:
    print(f"\n## Quality: seeds {result['seeds']}, {result['items']} articles, {result['true_pairs']} true pairs, "
          f"{result['labelled_pairs']} labelled pairs\n")
    print("| threshold | tone-insensitive | slot rule | cluster P | cluster R | pair P | pair R |")
    print("|---|---|---|---|---|---|---|")
    for r in result["thresholds"]:
        print(f"| {r['threshold']} | {'yes' if r['tone_insensitive'] else 'no'} | {'on' if r['slot_rule'] else 'off'} "
              f"| {r['cluster_precision']:.3f} | {r['cluster_recall']:.3f} | {r['pair_precision']:.3f} "
              f"| {r['pair_recall']:.3f} |")
    print("\n| shingle words | cluster P | cluster R | pair P | pair R |\n|---|---|---|---|---|")
    for r in result["shingles"]:
        print(f"| {r['shingle_words']} | {r['cluster_precision']:.3f} | {r['cluster_recall']:.3f} "
              f"| {r['pair_precision']:.3f} | {r['pair_recall']:.3f} |")
    kinds = result["by_kind"]
    print("\n| variant kind | copies | joined their original's story |\n|---|---|---|")
    for kind, recall in kinds["recall"].items():
        print(f"| {kind} | {kinds['copies'][kind]} | {recall:.3f} |")
    print("\nnear-misses put in a story with another article:", kinds["near_misses_merged"])


# -- scale -----------------------------------------------------------------------------------------

SERIES = 100          # template series (monthly notices of one body): 1% of the bodies, ~N/10 000 pages each


class Bodies:
    """Synthetic article bodies: Zipf-weighted three-word phrases of the demo articles, a date
    and a figure per paragraph; 4% copies of an earlier body (a paragraph cut, one added,
    re-signed); 1% pages of one of `SERIES` templates (the same three paragraphs, another date
    and another name)."""

    def __init__(self, seed: int) -> None:
        words = [w for o in demo_originals() for p in o.paragraphs for w in p.split()]
        self.phrases = sorted({" ".join(words[i:i + 3]) for i in range(len(words) - 3)})
        rng = np.random.default_rng(seed)
        weights = 1.0 / np.arange(1, len(self.phrases) + 1) ** 0.8
        self.weights = rng.permutation(weights) / weights.sum()
        self.rng = rng
        self.py = random.Random(seed)
        templates = np.random.default_rng(10_000).choice(len(self.phrases), size=(SERIES, 3, 20), p=self.weights)
        self.series = [[" ".join(self.phrases[j] for j in paragraph) + "." for paragraph in template]
                       for template in templates]

    def batch(self, start: int, n: int, earlier: list[str]) -> list[StoryDoc]:
        ids = self.rng.choice(len(self.phrases), size=(n, 100), p=self.weights)
        days, months = self.rng.integers(1, 29, size=(n, 5)), self.rng.integers(1, 13, size=(n, 5))
        figures = self.rng.integers(2, 5000, size=(n, 5))
        docs = []
        for i in range(n):
            number = start + i
            roll = self.py.random()
            if roll < 0.04 and earlier:
                paragraphs = self.py.choice(earlier).split("\n\n")
                if len(paragraphs) > 3:
                    del paragraphs[self.py.randrange(1, len(paragraphs))]
                paragraphs += ["Được biết, đây là hoạt động thiết thực của địa phương.", "Minh Hải",
                               "Theo Báo Bạc Liêu"]
            elif roll < 0.05:
                series = self.py.randrange(SERIES)
                paragraphs = list(self.series[series]) + [
                    f"Thời gian: ngày {self.py.randint(1, 28)}/{self.py.randint(1, 12)}/2024, buổi sáng. Chủ trì: ông "
                    f"{self.py.choice(('Nguyễn', 'Trần', 'Lê', 'Phạm'))} Văn "
                    f"{self.py.choice(('An', 'Bình', 'Cường', 'Dũng'))}."]
            else:
                paragraphs = [f"Ngày {days[i, p]}/{months[i, p]}/2024, "
                              + " ".join(self.phrases[j] for j in ids[i, p * 20:(p + 1) * 20])
                              + f", đạt {figures[i, p]} hộ." for p in range(5)]
            body = "\n\n".join(paragraphs)
            if len(earlier) < 20_000:
                earlier.append(body)
            elif self.py.random() < 0.01:
                earlier[self.py.randrange(len(earlier))] = body
            docs.append(StoryDoc(f"{number:016x}", f"site{number % 500}", f"Tin số {number}", body,
                                 f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}T08:00:00+07:00", "minute",
                                 None, "2025-01-01T00:00:00Z"))
        return docs


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def written_mib() -> float:
    """Bytes this process caused to be written to storage (Linux /proc/self/io), in MiB."""
    try:
        lines = Path("/proc/self/io").read_text().splitlines()
    except OSError:
        return float("nan")
    return int(next(l for l in lines if l.startswith("write_bytes:")).split()[1]) / 2**20


def child_build(n: int, path: Path) -> dict:
    """Cluster `n` synthetic bodies from scratch into the SQLite file `path`."""
    conn = connect(path)
    index = StoryIndex(conn, DEFAULT_SETTINGS)
    conn.execute("BEGIN")
    index.reset()
    conn.execute("COMMIT")
    bodies, earlier = Bodies(1), []
    generating = adding = 0.0
    totals = collections.Counter()
    written = written_mib()
    for start in range(0, n, REBUILD_BATCH):
        t0 = time.perf_counter()
        docs = bodies.batch(start, min(REBUILD_BATCH, n - start), earlier)
        t1 = time.perf_counter()
        conn.execute("BEGIN")
        result = index.add(docs)
        conn.execute("COMMIT")
        adding += time.perf_counter() - t1
        generating += t1 - t0
        totals.update({"compared": result.compared, "edges": result.edges})
    conn.execute("BEGIN")
    index.mark_ready()
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stories = conn.execute("SELECT COUNT(DISTINCT story_id), MAX(c) FROM"
                           " (SELECT story_id, COUNT(*) AS c FROM stories GROUP BY story_id)").fetchone()
    conn.close()
    return {"n": n, "seconds": adding, "generating_seconds": generating, "peak_rss_mib": peak_rss_mib(),
            "written_mib": written_mib() - written,
            "db_mib": path.stat().st_size / 2**20, "stories": stories[0], "largest_story": stories[1], **totals}


def child_add(n: int, new: int, path: Path) -> dict:
    """Add `new` synthetic bodies to the index of `n` in `path`: 4% of them copies (re-signed) of
    the first bodies indexed, the rest fresh text."""
    conn = connect(path)
    index = StoryIndex(conn, DEFAULT_SETTINGS)
    docs = Bodies(2).batch(n, new, [])
    copied = Bodies(1).batch(0, new // 25, [])      # the same seed: the first bodies of the index
    docs[: len(copied)] = [replace(d, article_id=f"{n + i:016x}", site="copier",
                                   body=d.body + "\n\nTheo Báo Bạc Liêu") for i, d in enumerate(copied)]
    before, written = peak_rss_mib(), written_mib()
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    result = index.add(docs)
    conn.execute("COMMIT")
    conn.close()   # the checkpoint of the run's pages is part of its cost
    seconds = time.perf_counter() - t0
    return {"n": n, "new": new, "copies": len(copied), "seconds": seconds, "peak_rss_mib": peak_rss_mib(),
            "rss_before_mib": before, "written_mib": written_mib() - written, "compared": result.compared,
            "edges": result.edges,
            "stories_changed": result.stories_changed}


def run_child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_scale(sizes: list[int], new: int, folder: Path) -> list[dict]:
    results = []
    for n in sizes:
        path = folder / f"index-{n}.sqlite"
        for stale in folder.glob(f"index-{n}.sqlite*"):
            stale.unlink()
        build = run_child(["_build", str(n), str(path)])
        print(f"  built {n}: {build}", file=sys.stderr)
        add = run_child(["_add", str(n), str(new), str(path)])
        print(f"  added {new} to {n}: {add}", file=sys.stderr)
        results.append({"build": build, "add": add})
    return results


def print_scale(results: list[dict]) -> None:
    print("\n## Scale (synthetic bodies, ~330 words)\n")
    print("| articles | cluster from scratch | per 1k | peak RSS | written | index on disk | stories | largest "
          "| add 10k: time | peak RSS | written | pairs compared |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        b, a = r["build"], r["add"]
        print(f"| {b['n']:,} | {b['seconds']:.0f} s | {1000 * b['seconds'] / b['n']:.2f} s "
              f"| {b['peak_rss_mib']:.0f} MiB "
              f"| {b['written_mib'] / 1024:.1f} GiB | {b['db_mib']:.0f} MiB | {b['stories']:,} | {b['largest_story']} "
              f"| {a['seconds']:.1f} s | {a['peak_rss_mib']:.0f} MiB | {a['written_mib']:.0f} MiB "
              f"| {a['compared']:,} |")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_build":
        print(json.dumps(child_build(int(argv[1]), Path(argv[2]))))
        return 0
    if argv and argv[0] == "_add":
        print(json.dumps(child_add(int(argv[1]), int(argv[2]), Path(argv[3]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", choices=("quality", "scale"))
    parser.add_argument("--seeds", default="13,14,15")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--new", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, help="where the scale indexes go (default: a temporary folder)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    only = set(args.only or ("quality", "scale"))
    report: dict = {}
    if "quality" in only:
        report["quality"] = run_quality([int(s) for s in args.seeds.split(",")])
        print_quality(report["quality"])
    if "scale" in only:
        with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
            report["scale"] = run_scale([int(s) for s in args.sizes.split(",")], args.new, Path(tmp))
        print_scale(report["scale"])
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
