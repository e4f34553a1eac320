"""The WARC a researcher receives: byte-level server trouble, held to the archive (fixtures/blind_hostile6.py).

Written blind: from the README, DESIGN.md, PORTALS.md, docs/ and the CLI's `--help` only, without
reading the crawler, and without repeating the first five hostile sets (hostile HTTP at one crawl;
a second set of bad servers; one site changing under nightly harvests; recovering a vanished
portal; scale and resources). Here the subject is the archive itself, as the mission states it:
raw responses kept as WARC, replayable in web-archive tools, re-extraction without re-crawling.

Loopback portals written byte by byte send what a WARC must keep faithfully: chunked bodies with
chunk extensions and trailers, gzip / deflate / bare deflate / two codings / a lying or doubled
Content-Encoding, close-delimited bodies, an HTTP/1.0 answer, duplicate and non-ASCII (Latin-1,
raw UTF-8) header values, a 40 KB header, an odd reason phrase, a windows-1258 page and a VNI page,
a raw-UTF-8 address, a 301 with a 300 KB body, 304s with a Content-Length and no body, a body cut
mid-way, a broken chunk, a gzip stream that stops early, connection resets before and during the
body, an 11 MiB page (over the documented 10 MiB cap).

The tests then read the dataset as a researcher would, with the field's own tools from Python:
warcio's ArchiveIterator and checker, `warcio index`, cdxj-indexer, the wacz validator (and pywb
when it is installed: that one check is skipped otherwise), the records checked against the exact
bytes each server sent and received; a crawl killed with SIGKILL and resumed (also with a
half-written record at the end of its `.open` file), a second run appending or rotating, WARC
rotation at `max_file_mb`, and `reparse` on copies of the dataset (moved elsewhere; only
`dataset.sqlite` + `warc/`; with a damaged record), followed by export and report.

The oracle is what the README, DESIGN.md and docs/ promise; each test's docstring quotes it.
Where the docs are silent, the docstring says "demanding user" and what such a user expects.
Every server is on loopback and started here; every govnews run has a hard timeout (its process
group is killed and the test fails if it runs past it).
"""
from __future__ import annotations

import calendar
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fixtures.blind_hostile6 import CP1258_FIRST, VNI_FIRST, World  # noqa: E402

BIN = Path(sys.executable).parent
Q_ARCHIVE = ("README, The archive: 'Every response and its request are written as WARC/1.1 records "
             "with warcio, gzip per record, with payload digests; a payload seen before is written "
             "once, later copies as revisit records. Responses are stored as received (a gzipped page "
             "stays gzipped, with its Content-Encoding), as wget, Heritrix and Browsertrix store them; "
             "govnews decodes when it reads.'")

CRAWL_OPTS = ["--allow-private", "--delay", "0", "--progress", "never",
              "-s", "timeout=10", "-s", "connect_timeout=5", "-s", "max_tries=2"]


# =========================================================================== running govnews
@dataclass
class Result:
    rc: int
    out: str
    err: str
    seconds: float


def run_govnews(args, timeout: float) -> Result:
    """Run govnews in its own process group; past `timeout` the group is killed and the test fails."""
    env = dict(os.environ)
    env.pop("GOVNEWS_CPU_SLOTS", None)
    t = time.time()
    p = subprocess.Popen([sys.executable, "-m", "govnews", *map(str, args)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, start_new_session=True,
                         env=env)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        pytest.fail(f"govnews {' '.join(map(str, args[:2]))} ran past its hard timeout of {timeout} s "
                    f"(process group killed); stderr tail: {err.decode(errors='replace')[-800:]}")
    return Result(p.returncode, out.decode(errors="replace"), err.decode(errors="replace"), time.time() - t)


def tool(name, args, timeout=300, cwd=None):
    exe = BIN / name                        # a name in this venv's bin, or a path (BIN / path = path)
    cmd = [str(exe), *map(str, args)]
    p = subprocess.run(cmd, capture_output=True, timeout=timeout, cwd=cwd, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


# =========================================================================== reading WARC by hand
def gzip_members(data: bytes):
    """Split a .warc.gz into its gzip members: [(offset, length, decompressed)], trailing bytes."""
    mv = memoryview(data)
    out = []
    pos = 0
    while pos < len(data):
        if data[pos:pos + 2] != b"\x1f\x8b":
            return out, len(data) - pos
        d = zlib.decompressobj(31)
        parts = []
        i = pos
        try:
            while not d.eof and i < len(data):
                chunk = mv[i:i + 262144]
                parts.append(d.decompress(chunk))
                i += len(chunk)
        except zlib.error:
            return out, len(data) - pos
        if not d.eof:
            return out, len(data) - pos
        consumed = (i - pos) - len(d.unused_data)
        out.append((pos, consumed, b"".join(parts)))
        pos += consumed
    return out, 0


@dataclass
class Rec:
    file: Path
    offset: int
    length: int
    version: str
    fields: list
    block: bytes
    whole: bool          # the member held exactly one record, ending with CRLF CRLF

    def get(self, name, default=None):
        for k, v in self.fields:
            if k.lower() == name.lower():
                return v
        return default

    def getall(self, name):
        return [v for k, v in self.fields if k.lower() == name.lower()]

    @property
    def type(self):
        return self.get("WARC-Type")

    @property
    def id(self):
        return self.get("WARC-Record-ID")

    @property
    def target(self):
        return self.get("WARC-Target-URI")

    @property
    def date(self):
        return self.get("WARC-Date")

    def http(self):
        return http_parts(self.block)

    @property
    def status(self):
        start = self.http()[0]
        try:
            return int(start.split(b" ", 2)[1])
        except (IndexError, ValueError):
            return None


def parse_record(raw: bytes):
    he = raw.find(b"\r\n\r\n")
    if he < 0:
        return None
    lines = raw[:he].split(b"\r\n")
    version = lines[0].decode("utf-8", "replace")
    fields = []
    for line in lines[1:]:
        k, _, v = line.partition(b":")
        fields.append((k.decode("utf-8", "replace").strip(), v.decode("utf-8", "replace").strip()))
    try:
        n = int(next(v for k, v in fields if k.lower() == "content-length"))
    except (StopIteration, ValueError):
        return None
    block = raw[he + 4: he + 4 + n]
    whole = len(block) == n and raw[he + 4 + n:] == b"\r\n\r\n"
    return version, fields, block, whole


_CACHE: dict = {}


def read_warc(path: Path, data: bytes | None = None):
    """(records, trailing byte count) of one WARC file, read by hand."""
    if data is None:
        st = path.stat()
        key = (str(path), st.st_size, st.st_mtime_ns)
        if key in _CACHE:
            return _CACHE[key]
        data = path.read_bytes()
    else:
        key = None
    members, tail = gzip_members(data)
    recs = []
    for off, ln, raw in members:
        p = parse_record(raw)
        if p is None:
            recs.append(Rec(path, off, ln, "", [], b"", False))
        else:
            recs.append(Rec(path, off, ln, p[0], p[1], p[2], p[3]))
    if key:
        _CACHE[key] = (recs, tail)
    return recs, tail


def http_parts(block: bytes):
    head, sep, body = block.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    fields = []
    for line in lines[1:]:
        k, _, v = line.partition(b":")
        fields.append((k.strip(), v.strip(b" \t")))
    return lines[0], fields, body, bool(sep)


def hvals(fields, name: bytes):
    return [v for k, v in fields if k.lower() == name.lower()]


def warc_files(d: Path, include_open=False):
    w = Path(d) / "warc"
    if not w.exists():
        return []
    files = sorted(p for p in w.rglob("*.warc.gz") if p.is_file())
    if include_open:
        files += sorted(p for p in w.rglob("*.warc.gz.open") if p.is_file())
    return files


def all_records(d: Path, include_open=False):
    out = []
    for f in warc_files(d, include_open):
        out += read_warc(f)[0]
    return out


def parse_chunked(b: bytes):
    """(complete, entity, trailer lines) of a chunked body, read strictly."""
    pos = 0
    out = bytearray()
    while True:
        eol = b.find(b"\r\n", pos)
        if eol < 0:
            return False, bytes(out), []
        size_s = b[pos:eol].split(b";")[0].strip()
        try:
            size = int(size_s, 16)
        except ValueError:
            return False, bytes(out), []
        pos = eol + 2
        if size == 0:
            trailers = []
            while True:
                eol = b.find(b"\r\n", pos)
                if eol < 0:
                    return False, bytes(out), trailers
                line = b[pos:eol]
                pos = eol + 2
                if line == b"":
                    return pos == len(b), bytes(out), trailers
                trailers.append(line)
        if pos + size + 2 > len(b) or b[pos + size:pos + size + 2] != b"\r\n":
            return False, bytes(out), []
        out += b[pos:pos + size]
        pos += size + 2


def stored_entity(rec: Rec) -> bytes:
    """The entity body a record holds (chunk framing removed when it was kept)."""
    _, fields, body, _ = rec.http()
    if any(b"chunked" in v.lower() for v in hvals(fields, b"Transfer-Encoding")):
        return parse_chunked(body)[1]
    return body


def warc_ts(s: str | None):
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d{1,9})?Z", s or "")
    if not m:
        return None
    t = calendar.timegm(tuple(int(x) for x in m.groups()[:6]))
    return t + (float(m.group(7)) if m.group(7) else 0.0)


def split_uri(uri: str):
    u = urlsplit(uri)
    return u.netloc, (u.path or "/") + (("?" + u.query) if u.query else "")


def same_uri(a: str | None, b: str | None) -> bool:
    """One address written as a URI or as an IRI (the URI form itself is tested on its own)."""
    return a is not None and b is not None and unquote(a) == unquote(b)


def exchanges_for(world: World, uri: str, t0=None, t1=None):
    netloc, target = split_uri(uri)
    p = world.portal_of(netloc)
    if p is None:
        return []
    return [e for e in p.exchanges if same_uri(e.target, target)
            and (t0 is None or e.t0 >= t0) and (t1 is None or e.t0 <= t1)]


def near(rec: Rec, exs, slack=3.0):
    t = warc_ts(rec.date)
    if t is None:
        return []
    return [e for e in exs if e.t0 - slack <= t <= (e.t1 or e.t0) + slack]


def records_for(recs, portal, target, types=("response",)):
    uri = f"http://{portal.netloc}{target}"
    return [r for r in recs if same_uri(r.target, uri) and r.type in types]


def served_target(portal, path, t0=None, t1=None):
    """The request-target the server received for an article path (the crawler's own encoding)."""
    for e in portal.exchanges:
        try:
            dec = unquote(e.target.split("?")[0], errors="strict")
        except UnicodeDecodeError:
            continue
        if dec == path and (t0 is None or e.t0 >= t0) and (t1 is None or e.t0 <= t1):
            return e.target
    return None


def cdxj_for(warc: Path):
    name = warc.name
    stem = name[: -len(".warc.gz")]
    for c in (warc.with_name(stem + ".cdxj"), warc.with_name(name + ".cdxj")):
        if c.exists():
            return c
    return None


def resolve_warc(d: Path, name: str):
    if not name:
        return None
    p = Path(name)
    if p.is_absolute():
        return p if p.exists() and Path(d).resolve() in p.resolve().parents else None
    for c in (Path(d) / p, Path(d) / "warc" / p):
        if c.exists():
            return c
    hits = list((Path(d) / "warc").rglob(p.name))
    return hits[0] if len(hits) == 1 else None


def warcio_decoded(rec: Rec) -> bytes:
    """What warcio (a replay tool's reader) gives as the page: transfer and content coding undone."""
    from warcio.archiveiterator import ArchiveIterator
    data = rec.file.read_bytes()[rec.offset:rec.offset + rec.length]
    for r in ArchiveIterator(io.BytesIO(data)):
        return r.content_stream().read()
    return b""


# =========================================================================== tables
ART_FIELDS = ["article_id", "url", "site", "platform", "category", "headline", "summary",
              "published_at", "published_at_raw", "published_precision", "body", "author", "source",
              "view_count", "visitor_counter", "images", "attachments", "content_sha256", "warnings"]
OBS_FIELDS = ["view_count", "visitor_counter", "http_status", "fetched_url", "final_url",
              "warc_filename", "warc_record_id"]


def norm(v):
    import numpy as np
    import pandas as pd
    if isinstance(v, (list, tuple, np.ndarray)):
        return [norm(x) for x in list(v)]
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(v, pd.Timestamp):
        return v.isoformat()
    if hasattr(v, "item"):
        return v.item()
    return v


def tables(d: Path):
    import govnews as gn
    data = gn.load(str(d))
    arts = {}
    for row in data.articles.to_dict("records"):
        arts[row["article_id"]] = {f: norm(row.get(f)) for f in ART_FIELDS if f in row}
    obs = []
    for row in data.observations.to_dict("records"):
        obs.append(tuple([norm(row.get("article_id")), norm(row.get("run_id"))]
                         + [norm(row.get(f)) for f in OBS_FIELDS]))
    runs = [{k: norm(v) for k, v in r.items()} for r in data.runs.to_dict("records")]
    return SimpleNamespace(articles=arts, observations=sorted(obs, key=repr), runs=runs,
                           obs_rows=[{k: norm(v) for k, v in r.items()}
                                     for r in data.observations.to_dict("records")])


def diff_tables(a, b, limit=6):
    probs = []
    for aid in sorted(set(a.articles) | set(b.articles)):
        x, y = a.articles.get(aid), b.articles.get(aid)
        if x is None or y is None:
            probs.append(f"article {aid} only in {'second' if x is None else 'first'}")
            continue
        for f in x:
            if f in y and x[f] != y[f]:
                probs.append(f"{(x.get('url') or aid)}: {f}: {str(x[f])[:90]!r} -> {str(y[f])[:90]!r}")
    if a.observations != b.observations:
        sa, sb = set(map(repr, a.observations)), set(map(repr, b.observations))
        probs.append(f"observations differ: {len(sa - sb)} only before, {len(sb - sa)} only after; "
                     f"e.g. {sorted(sa - sb)[:1]} / {sorted(sb - sa)[:1]}")
    return probs[:limit]


def article_paths(t) -> dict:
    out = {}
    for a in t.articles.values():
        if a.get("url"):
            out[unquote(urlsplit(a["url"]).path)] = a
    return out


# =========================================================================== fixtures
@pytest.fixture(scope="module")
def world():
    w = World()
    w.start()
    yield w
    w.stop()


def fixture_ok(world):
    errs = [e for p in world.portals for e in p.server.errors]
    if errs:
        pytest.fail(f"fixture server error (a bug in fixtures/blind_hostile6.py): {errs[:3]}")


@pytest.fixture(scope="module")
def run1(world, tmp_path_factory):
    base = tmp_path_factory.mktemp("h6run")
    d = base / "data"
    t0 = time.time()
    res = run_govnews(["crawl", world.good.url, world.broken.url, "-o", d, *CRAWL_OPTS], timeout=480)
    t1 = time.time()
    fixture_ok(world)
    snap = base / "snap1"
    if d.exists():
        shutil.copytree(d, snap, symlinks=True)
    else:
        snap.mkdir()
    return SimpleNamespace(res=res, dir=d, snap=snap, t0=t0, t1=t1)


@pytest.fixture(scope="module")
def recs1(run1):
    return all_records(run1.snap)


@pytest.fixture(scope="module")
def tables1(run1):
    return tables(run1.snap)


@pytest.fixture(scope="module")
def run2(run1, world):
    world.next_run()
    t0 = time.time()
    res = run_govnews(["crawl", world.good.url, world.broken.url, "-o", run1.dir, *CRAWL_OPTS,
                   "-s", "reobserve.window_days=30"], timeout=480)
    t1 = time.time()
    fixture_ok(world)
    return SimpleNamespace(res=res, dir=run1.dir, t0=t0, t1=t1)


def run1_exchanges(world, run1, portal):
    return [e for e in portal.exchanges if run1.t0 <= e.t0 <= run1.t1]


def first_record(recs, portal, path, run, types=("response",)):
    target = served_target(portal, path, run.t0, run.t1)
    assert target, f"the crawl never requested {path}"
    rs = records_for(recs, portal, target, types)
    return target, rs


# --------------------------------------------------------------------------- killed crawls
def _count_article_responses(d: Path) -> int:
    n = 0
    w = d / "warc"
    if not w.exists():
        return 0
    for f in list(w.rglob("*.warc.gz*")):
        if f.name.endswith(".cdxj"):
            continue
        try:
            data = f.read_bytes()
        except OSError:
            continue
        recs, _ = read_warc(f, data)
        n += sum(1 for r in recs if r.type == "response" and "/vi/news/" in (r.target or ""))
    return n


def _kill_mid_crawl(portal, d: Path, corrupt_tail: bool):
    cmd = [sys.executable, "-m", "govnews", "crawl", portal.url, "-o", str(d), *CRAWL_OPTS]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                         start_new_session=True)
    deadline = time.time() + 90
    why = None
    try:
        while time.time() < deadline:
            if p.poll() is not None:
                break
            served = sum(1 for e in portal.exchanges if "/vi/news/tin-tuc/" in e.target and e.complete)
            if _count_article_responses(d) >= 6:
                why = "six article responses archived"
                break
            if served >= 25:
                why = "25 article pages served (none archived yet)"
                break
            time.sleep(0.1)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
    if why is None:
        pytest.fail("the crawl of 40 slow pages ended (or hung) before it could be killed mid-run")
    after = {}
    for f in (d / "warc").rglob("*") if (d / "warc").exists() else []:
        if f.is_file():
            after[str(f.relative_to(d))] = f.read_bytes()
    complete_ids = set()
    for rel, data in after.items():
        if ".warc.gz" in rel and not rel.endswith(".cdxj"):
            for r in read_warc(d / rel, data)[0]:
                if r.whole and r.id:
                    complete_ids.add(r.id)
    opens = [rel for rel in after if rel.endswith(".warc.gz.open")]
    if corrupt_tail:
        for rel in opens:
            data = after[rel]
            members, _ = gzip_members(data)
            half = (data[members[-1][0]: members[-1][0] + members[-1][1] // 2] if members
                    else b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff")
            with open(d / rel, "ab") as fh:
                fh.write(half)
    t = time.time()
    res = run_govnews(["crawl", portal.url, "-o", d, *CRAWL_OPTS], timeout=300)
    return SimpleNamespace(dir=d, why=why, after=after, complete_ids=complete_ids, opens=opens,
                           res=res, t_resume=t)


@pytest.fixture(scope="module")
def killed_a(world, tmp_path_factory):
    return _kill_mid_crawl(world.slow, tmp_path_factory.mktemp("h6killa") / "data", corrupt_tail=False)


@pytest.fixture(scope="module")
def killed_b(world, tmp_path_factory):
    return _kill_mid_crawl(world.slow2, tmp_path_factory.mktemp("h6killb") / "data", corrupt_tail=True)


@pytest.fixture(scope="module")
def rotated(world, tmp_path_factory):
    d = tmp_path_factory.mktemp("h6rot") / "data"
    res = run_govnews(["crawl", world.big.url, "-o", d, *CRAWL_OPTS, "-s", "archive.max_file_mb=1"], timeout=300)
    return SimpleNamespace(dir=d, res=res)


@pytest.fixture(scope="module")
def minimal(run1, tables1, world, tmp_path_factory):
    """A copy holding only what re-extraction needs: dataset.sqlite and warc/, elsewhere."""
    m = tmp_path_factory.mktemp("h6min") / "received" / "govnews-dataset"
    m.mkdir(parents=True)
    for f in run1.snap.glob("dataset.sqlite*"):
        shutil.copy2(f, m / f.name)
    shutil.copytree(run1.snap / "warc", m / "warc")
    n0 = world.request_count()
    res = run_govnews(["reparse", m], timeout=300)
    n1 = world.request_count()
    return SimpleNamespace(dir=m, res=res, requests=n1 - n0)


# =========================================================================== run 1: the files
def test_crawl_ends_with_exit_1_and_only_closed_warc_files_one_folder_per_site(run1, recs1, world):
    """README exit codes: '1 | finished, but some pages or sites failed'; the folder table:
    '`warc/<site>/*.warc.gz` | every request and response, WARC/1.1 (`.open` while being written), a
    CDXJ index beside each'; 'Each site's files are in its own folder'. After a finished crawl with
    failed pages: exit 1, no `.open` file, nothing else in warc/ but .warc.gz and .cdxj, and each
    portal's records in one folder of their own."""
    r = run1.res
    assert r.rc == 1, f"exit {r.rc}, expected 1 (pages failed); stderr: {r.err[-1500:]}"
    assert "Traceback" not in r.err, r.err[-3000:]
    crashes = list((run1.snap / "logs").glob("*.crash.txt")) if (run1.snap / "logs").exists() else []
    assert not crashes, f"internal error: {crashes}"
    w = run1.snap / "warc"
    assert w.is_dir(), "no warc/ folder"
    odd = [str(p.relative_to(w)) for p in w.rglob("*") if p.is_file()
           and not (p.name.endswith(".warc.gz") or p.name.endswith(".cdxj"))]
    assert not odd, f"files in warc/ that are neither closed WARC files nor CDXJ indexes: {odd}"
    folders: dict = {}
    for rec in recs1:
        if rec.type in ("response", "request", "revisit") and rec.target:
            folders.setdefault(rec.file.parent, set()).add(urlsplit(rec.target).netloc)
    for folder, netlocs in folders.items():
        assert len(netlocs) == 1, f"{folder.name} mixes sites: {netlocs}"
    for p in (world.good, world.broken):
        homes = [f for f, n in folders.items() if p.netloc in n]
        assert len(homes) == 1, f"{p.netloc}'s records are in {len(homes)} folders"
        assert homes[0].parent == w, f"{homes[0]} is not warc/<site>/"


def test_every_warc_file_iterates_with_warcio_archiveiterator(run1):
    """README: 'Every response and its request are written as WARC/1.1 records with warcio, gzip per
    record'; the mission: replayable in web-archive tools. warcio's ArchiveIterator (what pywb,
    cdxj-indexer and ReplayWeb.page's toolchain use) reads every file to its end, every record's
    block in full, without an exception."""
    from warcio.archiveiterator import ArchiveIterator
    files = warc_files(run1.snap)
    assert files, "the crawl wrote no WARC file"
    for f in files:
        n = 0
        with open(f, "rb") as fh:
            try:
                it = ArchiveIterator(fh)
                for rec in it:
                    rec.raw_stream.read()
                    n += 1
            except Exception as e:  # noqa: BLE001
                pytest.fail(f"{f.name}: warcio stopped after {n} records: {e!r}")
        assert n == len(read_warc(f)[0]), f"{f.name}: warcio read {n} records, the file holds {len(read_warc(f)[0])}"


def test_warcio_check_and_index_pass_with_payload_digests_written(run1, recs1):
    """README: 'with payload digests'; 'The test suite runs `warcio check` and `warcio index` on the
    files'. `warcio check` exits 0 with nothing to report (every block and payload digest verifies,
    over chunked, gzipped, lying and cut bodies alike), `warcio index` lists one line per record, and
    every response record carries a WARC-Payload-Digest."""
    files = warc_files(run1.snap)
    rc, out, err = tool("warcio", ["check", *files])
    assert rc == 0 and not out.strip(), f"warcio check exit {rc}: {out.decode(errors='replace')[:2000]}"
    rc, out, err = tool("warcio", ["index", *files])
    assert rc == 0, err.decode(errors="replace")[-1500:]
    lines = [ln for ln in out.decode(errors="replace").splitlines() if ln.strip()]
    assert len(lines) == len(recs1), f"warcio index listed {len(lines)} records of {len(recs1)}"
    missing = [r.target for r in recs1 if r.type in ("response", "revisit") and not r.get("WARC-Payload-Digest")]
    assert not missing, f"response records without WARC-Payload-Digest: {missing[:5]}"


def test_each_record_is_its_own_gzip_member(run1):
    """README: 'gzip per record'. Each file is a sequence of gzip members, each member exactly one
    whole WARC record (header, block of Content-Length bytes, CRLF CRLF), with no trailing bytes, and
    warcio's record offsets fall on the member boundaries (what a CDXJ offset/length points at)."""
    from warcio.archiveiterator import ArchiveIterator
    for f in warc_files(run1.snap):
        recs, tail = read_warc(f)
        assert tail == 0, f"{f.name}: {tail} bytes at the end are not a whole gzip member"
        bad = [r.offset for r in recs if not r.whole]
        assert not bad, f"{f.name}: gzip members at {bad[:5]} do not hold exactly one whole record"
        with open(f, "rb") as fh:
            it = ArchiveIterator(fh)
            offs = []
            for _ in it:
                offs.append(it.get_record_offset())
        assert offs == [r.offset for r in recs], f"{f.name}: warcio's record offsets are not the member starts"


def test_records_are_warc_1_1_with_unique_ids_and_metadata_uris(recs1):
    """README: 'WARC/1.1'; 'govnews's own metadata records use `metadata://` target URIs, which replay
    tools skip'. Every record says WARC/1.1, has WARC-Record-ID (<urn:uuid:...>, unique in the
    dataset), WARC-Date, WARC-Type; requests and responses are `application/http; msgtype=...`;
    metadata records target metadata://, and no request/response/revisit does."""
    ids = [r.id for r in recs1]
    assert len(ids) == len(set(ids)), "duplicate WARC-Record-IDs"
    for r in recs1:
        where = f"{r.file.name}@{r.offset} ({r.type} {r.target})"
        assert r.version == "WARC/1.1", where + f": version {r.version!r}"
        assert re.fullmatch(r"<urn:uuid:[0-9a-fA-F-]{36}>", r.id or ""), where + f": id {r.id!r}"
        assert r.date and r.type, where
        ct = (r.get("Content-Type") or "").replace(" ", "").lower()
        if r.type in ("response", "revisit"):
            assert ct.startswith("application/http;msgtype=response"), where + f": Content-Type {ct!r}"
        if r.type == "request":
            assert ct.startswith("application/http;msgtype=request"), where + f": Content-Type {ct!r}"
        if r.type == "metadata":
            assert (r.target or "").startswith("metadata://"), where
        if r.type in ("request", "response", "revisit"):
            assert (r.target or "").startswith(("http://", "https://")), where


def test_each_warc_file_opens_with_a_warcinfo_record(run1):
    """Demanding user: a WARC handed to a researcher describes itself. WARC 1.1 puts a warcinfo
    record first (wget, Heritrix and Browsertrix all write one) naming the software; a WARC-Filename
    in it names this very file."""
    for f in warc_files(run1.snap):
        recs, _ = read_warc(f)
        assert recs and recs[0].type == "warcinfo", f"{f.name} starts with {recs[0].type if recs else 'nothing'}"
        assert b"govnews" in recs[0].block.lower(), f"{f.name}: the warcinfo does not name govnews"
        name = recs[0].get("WARC-Filename")
        if name is not None:
            assert name == f.name, f"{f.name}: its warcinfo says WARC-Filename {name!r}"


def test_target_uris_name_exactly_what_was_requested(recs1, world):
    """README: observations name 'fetched_url (as requested)' and the record 'so a capture can be cited
    and replayed'; WARC 1.1: WARC-Target-URI is a URI. Every request/response record's target is
    plain ASCII without spaces or angle brackets, names one of the portals, and its path and query are
    byte for byte a request-target the server received (the raw UTF-8 link as the crawler encoded it)."""
    bad = []
    for r in recs1:
        if r.type not in ("request", "response", "revisit"):
            continue
        t = r.target or ""
        if not re.fullmatch(r"[\x21-\x7e]+", t) or "<" in t or ">" in t:
            bad.append(f"not a plain URI: {t!r}")
            continue
        if world.portal_of(urlsplit(t).netloc) is None:
            bad.append(f"no portal at {t}")
        elif not exchanges_for(world, t):
            bad.append(f"never requested: {t}")
    assert not bad, bad[:8]
    p = world.good
    enc = served_target(p, p.article("utf8path").path)
    assert enc, "the raw-UTF-8 link was never requested"
    assert records_for(recs1, p, enc), f"no response record for {p.abs(enc)}"


def test_every_complete_response_the_servers_sent_is_archived(recs1, run1, world):
    """README: 'Every response and its request are written'. Each response a server finished sending
    during the crawl (robots.txt, 404s, the 301, the 304, the lying gzip, the doubled gzip, the gzip
    stream that stops inside a correct Content-Length included) has a response or revisit record with
    its URL. (The 11 MiB page is left out: the docs say it is cut off at max_bytes.)"""
    missing = []
    have = {unquote(r.target or "") for r in recs1 if r.type in ("response", "revisit")}
    over_cap = world.broken.article("huge").path          # 'cut off' by max_bytes: never received whole
    for p in (world.good, world.broken):
        for e in run1_exchanges(world, run1, p):
            if e.target == over_cap:
                continue
            if e.complete and e.status is not None and unquote(p.abs(e.target)) not in have:
                missing.append(f"{e.status} {p.abs(e.target)}")
    assert not missing, f"{len(missing)} responses not archived: {missing[:8]}"


def test_warc_dates_are_utc_and_match_the_fetch(recs1, world):
    """README: 'times govnews observed are UTC'; WARC 1.1: WARC-Date is the capture's UTC time. Each
    response and request record's WARC-Date is `YYYY-MM-DDThh:mm:ss[.fff]Z` and falls within the
    time the server was answering that URL (3 s of slack)."""
    bad = []
    for r in recs1:
        if r.type not in ("response", "request", "revisit"):
            continue
        if warc_ts(r.date) is None:
            bad.append(f"{r.type} {r.target}: WARC-Date {r.date!r}")
        elif not near(r, exchanges_for(world, r.target)):
            bad.append(f"{r.type} {r.target}: WARC-Date {r.date} matches no fetch of it")
    assert not bad, bad[:8]


def test_http_status_in_each_record_is_what_the_server_sent(recs1, world):
    """README: observations carry 'http_status' and the response record 'so a capture can be cited and
    replayed'. Each response record's status line carries the status the server sent for that URL at
    that time (200, 301, 304, 404)."""
    bad = []
    for r in recs1:
        if r.type != "response":
            continue
        exs = near(r, exchanges_for(world, r.target))
        if exs and r.status not in {e.status for e in exs}:
            bad.append(f"{r.target}: record {r.status}, server sent {sorted({e.status for e in exs}, key=str)}")
    assert not bad, bad[:8]


def test_every_response_has_its_request_record(recs1):
    """README: 'Every response and its request are written as WARC/1.1 records'. Each response (and
    revisit) record has a request record for the same URL, the two tied by WARC-Concurrent-To."""
    reqs = [r for r in recs1 if r.type == "request"]
    bad = []
    for r in recs1:
        if r.type not in ("response", "revisit"):
            continue
        mine = set(r.getall("WARC-Concurrent-To"))
        if not any(q.target == r.target and (r.id in q.getall("WARC-Concurrent-To") or q.id in mine)
                   for q in reqs):
            bad.append(r.target)
    assert not bad, f"{len(bad)} responses without a linked request record: {bad[:6]}"


def test_request_records_hold_the_request_as_sent(recs1, world):
    """Demanding user (README: 'Every response and its request are written'): the request record is
    what went over the wire. Its request line is the one the server received and its header fields
    are the ones the server received (Host, User-Agent, Accept-Encoding...), none missing, none
    invented; and the crawler never sent a request line the server could not parse."""
    bad = []
    for r in recs1:
        if r.type != "request":
            continue
        start, fields, _, _ = http_parts(r.block)
        exs = near(r, exchanges_for(world, r.target))
        if not exs:
            continue
        got = {(k.lower(), v) for k, v in fields}
        ok = False
        for e in exs:
            line = e.raw_request.split(b"\r\n", 1)[0]
            sent = {(k.encode("latin-1").strip().lower(), v.encode("latin-1")) for k, v in e.headers}
            if start == line and got == sent:
                ok = True
                break
        if not ok:
            e = exs[0]
            sent = {(k.encode("latin-1").strip().lower(), v.encode("latin-1")) for k, v in e.headers}
            line = e.raw_request.split(b"\r\n", 1)[0]
            bad.append(f"{r.target}: line {start!r} vs {line!r}; "
                       f"only recorded {sorted(got - sent)[:3]}, only sent {sorted(sent - got)[:3]}")
    assert not bad, bad[:5]
    for p in world.portals:
        assert not p.server.malformed, f"{p.netloc} got malformed requests: {p.server.malformed[:2]}"


def test_stored_framing_is_consistent_so_replay_can_serve_it(recs1):
    """README: responses 'stored as received ... so replay tools read them'; demanding user: a replay
    tool serves the stored headers with the stored body. Where a record keeps `Transfer-Encoding:
    chunked` its body is a complete chunked stream; where it keeps a Content-Length, the body has
    that many bytes; otherwise the record says WARC-Truncated. A 304's body is empty."""
    bad = []
    for r in recs1:
        if r.type != "response":
            continue
        start, fields, body, has_blank = r.http()
        st = r.status
        trunc = r.get("WARC-Truncated")
        if st is None or not has_blank:
            bad.append(f"{r.target}: no HTTP head in the block")
            continue
        if st in (204, 304) or 100 <= st < 200:
            if body:
                bad.append(f"{r.target}: a {st} with {len(body)} body bytes")
            continue
        te = hvals(fields, b"Transfer-Encoding")
        cl = hvals(fields, b"Content-Length")
        if any(b"chunked" in v.lower() for v in te):
            if not parse_chunked(body)[0] and not trunc:
                bad.append(f"{r.target}: says chunked, body is not a complete chunked stream")
        elif cl:
            try:
                n = int(cl[0])
            except ValueError:
                bad.append(f"{r.target}: Content-Length {cl[0]!r}")
                continue
            if n != len(body) and not trunc:
                bad.append(f"{r.target}: Content-Length {n}, {len(body)} bytes stored, no WARC-Truncated")
    assert not bad, bad[:8]


# =========================================================================== run 1: as received
def _one(recs, portal, mode, run, types=("response",)):
    a = portal.article(mode)
    target, rs = first_record(recs, portal, a.path, run, types)
    assert rs, f"{mode}: no {types} record for {portal.abs(target)}"
    exs = [e for e in portal.exchanges if e.target == target and e.complete and run.t0 <= e.t0 <= run.t1]
    assert exs, f"{mode}: the server never finished sending {target}"
    return rs[0], exs[0], a


def test_content_encoded_bodies_are_stored_as_received(recs1, run1, world):
    """README: 'Responses are stored as received (a gzipped page stays gzipped, with its
    Content-Encoding) ... govnews decodes when it reads.' The gzip, deflate, bare-deflate,
    `gzip, deflate` and chunked-gzip pages' records hold the content-coded bytes the server sent,
    byte for byte, with the Content-Encoding field as sent."""
    bad = []
    for mode in ("gzip", "deflate", "rawdeflate", "gzip-deflate", "chunked-gzip"):
        rec, ex, _ = _one(recs1, world.good, mode, run1)
        if stored_entity(rec) != ex.entity:
            bad.append(f"{mode}: stored entity ({len(stored_entity(rec))} bytes) differs from the "
                       f"{len(ex.entity)} content-coded bytes sent")
        ce_sent = hvals(http_parts(ex.head)[1], b"Content-Encoding")
        ce_kept = hvals(rec.http()[1], b"Content-Encoding")
        if ce_kept != ce_sent:
            bad.append(f"{mode}: Content-Encoding {ce_kept} stored, {ce_sent} sent")
    assert not bad, bad


def test_lying_and_doubled_content_encoding_stored_as_received(recs1, run1, world):
    """README: 'Responses are stored as received'. A page labelled gzip that is not gzip, and a page
    gzipped twice but labelled once, are archived (a response was received) with the exact bytes and
    the label the server sent: the evidence of what the portal served, not a repaired copy."""
    bad = []
    for mode in ("gziplie", "gziptwice"):
        a = world.broken.article(mode)
        target = served_target(world.broken, a.path, run1.t0, run1.t1)
        rs = records_for(recs1, world.broken, target) if target else []
        if not rs:
            bad.append(f"{mode}: no response record")
            continue
        exs = [e for e in exchanges_for(world, world.broken.abs(target), run1.t0, run1.t1) if e.complete]
        if not exs:
            bad.append(f"{mode}: the server never finished sending it")
            continue
        ex = exs[0]
        if stored_entity(rs[0]) != ex.entity:
            bad.append(f"{mode}: stored body differs from the bytes sent")
        if hvals(rs[0].http()[1], b"Content-Encoding") != [b"gzip"]:
            bad.append(f"{mode}: Content-Encoding not kept as sent")
    assert not bad, bad


def test_chunked_bodies_with_extensions_are_stored_faithfully(recs1, run1, world):
    """README: 'Responses are stored as received'; 'timeout bounds ... whether the server sends a
    length, chunks, or closes the connection'. A chunked answer (zero-padded sizes, chunk
    extensions, chunks splitting UTF-8 characters, trailers) is stored either exactly as on the wire
    with its `Transfer-Encoding: chunked`, or de-chunked with that field removed, never a mixture;
    warcio then gives back the page the server sent."""
    bad = []
    for mode in ("chunked", "chunked-gzip"):
        rec, ex, _ = _one(recs1, world.good, mode, run1)
        _, fields, body, _ = rec.http()
        chunked = any(b"chunked" in v.lower() for v in hvals(fields, b"Transfer-Encoding"))
        if chunked and body != ex.wire_body:
            bad.append(f"{mode}: keeps Transfer-Encoding: chunked but not the bytes received")
        if not chunked and body != ex.entity:
            bad.append(f"{mode}: de-chunked body differs from the entity sent")
        if warcio_decoded(rec) != ex.html:
            bad.append(f"{mode}: warcio's content_stream() does not give the page back")
    assert not bad, bad


@pytest.mark.xfail(strict=True, reason='open (session 23): the body is stored de-chunked and the trailer fields are lost (urllib3 hands over the de-chunked stream)')
def test_chunked_trailer_fields_survive_in_the_record(recs1, run1, world):
    """Demanding user ('stored as received', 'as wget, Heritrix ... store them'): trailer fields sent
    after the last chunk (`X-Checksum: sha256=...`, `Server-Timing`) are part of the response; the
    record keeps them, in the chunked tail or among the stored header fields."""
    for mode in ("chunked", "chunked-gzip"):
        rec, ex, _ = _one(recs1, world.good, mode, run1)
        checksum = [ln for ln in ex.wire_body.split(b"\r\n") if ln.startswith(b"X-Checksum:")][0]
        value = checksum.split(b":", 1)[1].strip()
        assert value in rec.block, f"{mode}: the trailer X-Checksum {value[:20]!r}... is lost from the record"


def test_close_delimited_and_http10_bodies_are_complete(recs1, run1, world):
    """README: 'timeout bounds each attempt's whole response ... whether the server sends a length,
    chunks, or closes the connection'; 'stored as received'. A body without Content-Length that ends
    when the server closes (HTTP/1.1 `Connection: close`, and an HTTP/1.0 answer) is stored whole."""
    for mode in ("close", "http10"):
        rec, ex, _ = _one(recs1, world.good, mode, run1)
        assert stored_entity(rec) == ex.entity, (
            f"{mode}: {len(stored_entity(rec))} bytes stored of {len(ex.entity)} sent")


def test_status_lines_are_kept_as_received(recs1, run1, world):
    """Demanding user ('Responses are stored as received'): the record's status line is the server's:
    an HTTP/1.0 answer stays `HTTP/1.0 200 OK` (a researcher dating a server's software reads it) and
    an odd reason phrase stays `HTTP/1.1 200 Everything Is Fine`."""
    for mode, line in (("http10", b"HTTP/1.0 200 OK"), ("reason", b"HTTP/1.1 200 Everything Is Fine")):
        rec, _, _ = _one(recs1, world.good, mode, run1)
        assert rec.http()[0] == line, f"{mode}: status line {rec.http()[0]!r}, server sent {line!r}"


def test_duplicate_and_non_ascii_header_values_are_kept_byte_exact(recs1, run1, world):
    """README: 'Responses are stored as received'. Duplicate fields (three Set-Cookie, two X-Dup, two
    Link) are all kept, in order; a Latin-1 byte (`caf\\xe9 cr\\xe8me`) and raw UTF-8
    (`Tin tức - Sự kiện`, `ten=Nguyễn`) in header values are stored as the same bytes, not
    re-encoded (no mojibake, no '?'); an odd-case field name is kept; no field is added or doubled."""
    rec, ex, _ = _one(recs1, world.good, "headers", run1)
    stored = rec.http()[1]
    sent = http_parts(ex.head)[1]
    bad = []
    for name in (b"Set-Cookie", b"X-Dup", b"Link", b"X-Latin", b"X-Tieu-De", b"x-lower-CASE-Name"):
        if hvals(stored, name) != hvals(sent, name):
            bad.append(f"{name.decode()}: stored {hvals(stored, name)!r}, sent {hvals(sent, name)!r}")
    norm_ = lambda fs: sorted((k.lower(), v) for k, v in fs)  # noqa: E731
    if norm_(stored) != norm_(sent):
        only_s = [x for x in norm_(stored) if x not in norm_(sent)]
        only_w = [x for x in norm_(sent) if x not in norm_(stored)]
        bad.append(f"header fields differ: only stored {only_s[:4]}, only sent {only_w[:4]}")
    assert not bad, bad


def test_a_very_long_header_is_kept_whole(recs1, run1, world):
    """README: 'Responses are stored as received'. A 40,000-byte header value and 90 header fields in
    all: every field the server sent is in the record, the long one byte for byte."""
    rec, ex, _ = _one(recs1, world.good, "longheader", run1)
    stored = rec.http()[1]
    sent = http_parts(ex.head)[1]
    assert hvals(stored, b"X-ViewState-Echo") == hvals(sent, b"X-ViewState-Echo"), "the 40 KB header was cut or changed"
    missing = [k for k, v in sent if (k.lower(), v) not in {(a.lower(), b) for a, b in stored}]
    assert not missing, f"{len(missing)} header fields not kept: {missing[:5]}"


def test_legacy_encoded_pages_are_archived_byte_identical(recs1, run1, world):
    """README: 'Responses are stored as received ... govnews decodes when it reads'. The windows-1258
    page and the VNI page are archived in their own bytes (not transcoded to UTF-8), with the
    Content-Type the server sent."""
    for mode in ("cp1258", "vni"):
        rec, ex, _ = _one(recs1, world.good, mode, run1)
        assert stored_entity(rec) == ex.entity, f"{mode}: the archived bytes are not the bytes sent"
        assert hvals(rec.http()[1], b"Content-Type") == hvals(http_parts(ex.head)[1], b"Content-Type")


def test_legacy_encoded_pages_are_extracted_as_nfc(tables1, world):
    """README: '`windows-1258`, TCVN3 and VNI pages are converted to Unicode NFC'. The windows-1258
    page and the VNI page (declared windows-1252, VNI-Times font) give their Vietnamese headline and
    first paragraph in NFC."""
    import unicodedata
    by_path = article_paths(tables1)
    bad = []
    for mode, first in (("cp1258", CP1258_FIRST), ("vni", VNI_FIRST)):
        a = world.good.article(mode)
        rec = by_path.get(a.path)
        if rec is None:
            bad.append(f"{mode}: no article")
            continue
        if rec.get("headline") != a.headline:
            bad.append(f"{mode}: headline {rec.get('headline')!r}")
        body = rec.get("body") or ""
        if first not in body or unicodedata.normalize("NFC", body) != body:
            bad.append(f"{mode}: body {body[:80]!r}")
    assert not bad, bad


def test_redirect_with_a_large_body_is_archived_whole_or_marked_truncated(recs1, tables1, run1, world):
    """README: 'A redirect's body is read up to 64 KiB and never fails the hop'; observations name
    'fetched_url (as requested), final_url (after redirects) ... and warc_filename + warc_record_id of
    the response record'. The 301 (300 KB body) is archived under the old URL with its Location as
    sent and either its whole body or a prefix marked WARC-Truncated; the article's observation
    names the old URL as fetched, the new one as final, and its record is the new URL's 200."""
    p = world.good
    a = p.article("redirect")
    rs = records_for(recs1, p, a.old_path)
    assert rs, f"no record for the 301 at {p.abs(a.old_path)}"
    r = rs[0]
    ex = [e for e in exchanges_for(world, p.abs(a.old_path)) if e.status == 301][0]
    assert r.status == 301
    assert hvals(r.http()[1], b"Location") == [a.path.encode()], hvals(r.http()[1], b"Location")
    body = r.http()[2]
    assert body == ex.wire_body or (r.get("WARC-Truncated") and ex.wire_body.startswith(body)), (
        f"the 301's body: {len(body)} bytes of {len(ex.wire_body)}, WARC-Truncated={r.get('WARC-Truncated')}")
    art = article_paths(tables1).get(a.path)
    assert art, "the redirected article is not in the articles"
    obs = [o for o in tables1.obs_rows if o.get("article_id") == art["article_id"]]
    assert obs, "no observation of the redirected article"
    o = obs[0]
    assert unquote(o.get("fetched_url") or "") == p.abs(a.old_path), o.get("fetched_url")
    assert unquote(o.get("final_url") or "") == p.abs(a.path), o.get("final_url")
    hit = [x for x in recs1 if x.id == o.get("warc_record_id")]
    assert hit and hit[0].target == p.abs(a.path) and hit[0].status == 200, (
        f"warc_record_id {o.get('warc_record_id')} is not the 200 of {a.path}")


def test_a_304_sent_unasked_is_archived_without_a_body(recs1, run1, world):
    """README: 'a 304's Content-Length is not a body'; 'Every response ... written'. The 304 with
    `Content-Length: 4096` and no body, answered to a plain GET on a kept-alive connection, is
    archived as status 304 with an empty payload and its Content-Length field as sent."""
    p = world.broken
    a = p.article("notmod")
    target = served_target(p, a.path, run1.t0, run1.t1)
    assert target, "the 304 page was never requested"
    rs = records_for(recs1, p, target, ("response", "revisit"))
    assert rs, "the 304 was not archived"
    for r in rs:
        assert r.status == 304, r.status
        assert r.http()[2] == b"", f"the 304's record holds {len(r.http()[2])} body bytes"
        assert hvals(r.http()[1], b"Content-Length") == [b"4096"], "the 304's Content-Length was not kept"


CUT_MODES = ("cut", "chunkcut", "resetmid", "huge")


def test_cut_responses_never_look_complete_in_the_warc(recs1, tables1, run1, world):
    """README: 'A body shorter than its Content-Length, a broken chunk or a gzip stream that stops early
    is a truncated page (retried, then counted), never a shorter record'; '`max_bytes` 10 MiB:
    responses beyond it are cut off and recorded as errors'. In the WARC, any record of a body cut
    mid-way (short Content-Length, a broken chunk, a reset mid-body, the 11 MiB page) is marked
    WARC-Truncated; a reset before any byte leaves no response record; none of these pages, nor the
    gzip stream that stops early, becomes an article."""
    p = world.broken
    bad = []
    for mode in CUT_MODES:
        a = p.article(mode)
        for r in records_for(recs1, p, a.path):
            if not r.get("WARC-Truncated"):
                bad.append(f"{mode}: a record without WARC-Truncated ({len(r.http()[2])} body bytes)")
    if records_for(recs1, p, p.article("reset").path):
        bad.append("reset: a response record for a connection reset before any byte")
    paths = article_paths(tables1)
    for mode in CUT_MODES + ("reset", "gzipcut"):
        if p.article(mode).path in paths:
            bad.append(f"{mode}: became an article")
    assert not bad, bad


def test_failed_pages_are_retried_and_named_in_the_errors_log(run1, world):
    """README: 'a truncated page (retried, then counted)'; '`max_tries` attempts on timeouts, resets,
    5xx and 429'; 'logs/<run_id>.errors.txt has one line per failed page'. The cut, broken-chunk,
    stopped-gzip and reset pages were each asked for again (max_tries=2), and the errors log names
    each of them and the oversized page."""
    p = world.broken
    logs = run1.snap / "logs"
    text = "\n".join(f.read_text(errors="replace") for f in logs.glob("*.errors.txt")) if logs.exists() else ""
    bad = []
    for mode in ("cut", "chunkcut", "gzipcut", "reset", "resetmid"):
        n = len([e for e in run1_exchanges(world, run1, p) if e.target == p.article(mode).path])
        if n < 2:
            bad.append(f"{mode}: asked {n} time(s)")
    for mode in ("cut", "chunkcut", "gzipcut", "reset", "resetmid", "huge"):
        if p.article(mode).path not in text:
            bad.append(f"{mode}: not named in logs/*.errors.txt")
    assert not bad, bad


def test_every_well_served_article_became_an_article(tables1, world):
    """README: 'govnews decodes when it reads'; 'timeout bounds ... whether the server sends a length,
    chunks, or closes the connection'. Every article page a browser shows whole (chunked, gzip,
    deflate, bare deflate, close-delimited, HTTP/1.0, odd headers, a 301 first, a raw UTF-8 address)
    is in the articles with its headline."""
    by_path = article_paths(tables1)
    missing = []
    for p in (world.good, world.broken):
        for a in p.articles:
            if a.expect_article and a.mode not in ("cp1258", "vni"):
                got = by_path.get(a.path)
                if got is None or got.get("headline") != a.headline:
                    missing.append(f"{a.mode}: {got.get('headline') if got else 'missing'}")
    assert not missing, missing


def test_observations_cite_warc_records_that_exist(tables1, run1):
    """README: 'Each observation names its capture: ... warc_filename + warc_record_id of the response
    record, so a capture can be cited and replayed.' Every observation's file is found inside the
    dataset folder and holds that record, a response whose target is the observation's final_url
    and whose status is its http_status."""
    assert tables1.obs_rows, "no observations"
    byfile: dict = {}
    bad = []
    for o in tables1.obs_rows:
        f = resolve_warc(run1.snap, o.get("warc_filename") or "")
        if f is None:
            bad.append(f"{o.get('url')}: warc_filename {o.get('warc_filename')!r} not found in the dataset")
            continue
        if f not in byfile:
            byfile[f] = {r.id: r for r in read_warc(f)[0]}
        r = byfile[f].get(o.get("warc_record_id"))
        if r is None:
            bad.append(f"{o.get('url')}: {o.get('warc_record_id')} not in {f.name}")
            continue
        want = o.get("final_url") or o.get("fetched_url")
        if r.type not in ("response", "revisit") or unquote(r.target or "") != unquote(want or ""):
            bad.append(f"{o.get('url')}: record is {r.type} of {r.target}, observation says {want}")
        elif o.get("http_status") is not None and r.status != o.get("http_status"):
            bad.append(f"{o.get('url')}: record status {r.status}, observation {o.get('http_status')}")
    assert not bad, bad[:8]


def _cdxj_problems(d: Path):
    probs = []
    for f in warc_files(d):
        c = cdxj_for(f)
        if c is None:
            probs.append(f"{f.name}: no CDXJ index beside it")
            continue
        rc, out, err = tool("cdxj-indexer", ["-s", f])
        if rc != 0:
            probs.append(f"cdxj-indexer failed on {f.name}: {err.decode(errors='replace')[-300:]}")
            continue
        mine = c.read_bytes()
        if mine != out:
            a, b = mine.splitlines(), out.splitlines()
            first = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            probs.append(f"{c.name}: {len(a)} lines vs cdxj-indexer's {len(b)}; first difference at line "
                         f"{first}: {a[first][:160] if first < len(a) else None!r} vs "
                         f"{b[first][:160] if first < len(b) else None!r}")
    return probs


def test_cdxj_beside_each_warc_is_what_cdxj_indexer_writes(run1):
    """README: 'As each WARC file closes, its sorted CDXJ index (*.cdxj) is written beside it from the
    records just written: the same bytes cdxj-indexer writes reading the file back (a test compares
    them)'. Compared here on files full of hostile records."""
    probs = _cdxj_problems(run1.snap)
    assert not probs, probs[:5]


def test_cdxj_offsets_address_whole_records(run1):
    """README: the CDXJ index is for replay tools ('replays ... with govnews's own CDXJ index').
    Every line's offset and length cut exactly one gzip member out of its file, a record of the
    line's URL with the line's status."""
    bad = []
    for f in warc_files(run1.snap):
        c = cdxj_for(f)
        if c is None:
            continue
        cache = {}
        for line in c.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                j = json.loads(line.split(" ", 2)[2])
                wf = c.parent / j["filename"]
                data = cache.setdefault(wf, wf.read_bytes())
                chunk = data[int(j["offset"]): int(j["offset"]) + int(j["length"])]
                members, tail = gzip_members(chunk)
            except Exception as e:  # noqa: BLE001
                bad.append(f"{c.name}: {line[:100]}: {e!r}")
                continue
            if len(members) != 1 or tail:
                bad.append(f"{c.name}: {j.get('url')}: offset/length is not one whole gzip member")
                continue
            p = parse_record(members[0][2])
            rec = Rec(wf, 0, 0, *p) if p else None
            if rec is None or rec.target != j.get("url"):
                bad.append(f"{c.name}: {j.get('url')}: the record there is {rec.target if rec else None}")
            elif "status" in j and rec.type in ("response", "revisit") and str(rec.status) != str(j["status"]):
                bad.append(f"{c.name}: {j.get('url')}: status {rec.status} vs {j['status']}")
    assert not bad, bad[:6]


def test_cdxj_lookup_replays_each_article_as_served(run1, world):
    """README: 'replayable': a replay tool looks the URL up in the CDXJ index, reads the record at its
    offset and undoes transfer and content coding. Done here with the CDXJ index and warcio: every
    article page of the crawl comes back byte for byte as the server's document (the chunked, gzip,
    deflate, bare deflate, close-delimited, HTTP/1.0, windows-1258 and VNI pages included)."""
    from warcio.archiveiterator import ArchiveIterator
    index = {}
    for f in warc_files(run1.snap):
        c = cdxj_for(f)
        if c is None:
            continue
        for line in c.read_text(encoding="utf-8").splitlines():
            if line.strip():
                j = json.loads(line.split(" ", 2)[2])
                index.setdefault(unquote(j.get("url") or ""), []).append((c.parent / j["filename"], j))
    bad = []
    p = world.good
    for a in p.articles:
        if a.mode == "gzip-deflate":
            continue
        target = served_target(p, a.path, run1.t0, run1.t1)
        hits = [h for h in index.get(unquote(p.abs(target or a.path)), []) if str(h[1].get("status")) == "200"]
        if not hits:
            bad.append(f"{a.mode}: not in the CDXJ index")
            continue
        wf, j = hits[0]
        data = wf.read_bytes()[int(j["offset"]): int(j["offset"]) + int(j["length"])]
        page = next(iter(ArchiveIterator(io.BytesIO(data)))).content_stream().read()
        ex = [e for e in exchanges_for(world, p.abs(target), run1.t0, run1.t1) if e.complete and e.status == 200]
        if not ex or page != ex[0].html:
            bad.append(f"{a.mode}: replayed {len(page)} bytes, not the page served")
    assert not bad, bad


def test_pywb_indexes_every_article_of_the_archive(run1, world, tmp_path, pywb_venv):
    """README: '`wb-manager init my-collection`, then `wb-manager add my-collection $(find DIR/warc
    -name '*.warc.gz')` adds them all, and `wayback` serves them'. pywb's own indexer takes every file
    and its index lists every article URL of the crawl. (pywb runs from a venv of its own, see
    tests/conftest.py: it cannot share the test venv.)"""
    files = warc_files(run1.snap)
    wb_manager = pywb_venv / "bin" / "wb-manager"
    rc, out, err = tool(wb_manager, ["init", "h6"], cwd=tmp_path)
    assert rc == 0, err
    rc, out, err = tool(wb_manager, ["add", "h6", *files], cwd=tmp_path)
    assert rc == 0, err.decode(errors="replace")[-1500:]
    idx = "".join(p.read_text(errors="replace") for p in (tmp_path / "collections" / "h6" / "indexes").glob("*.cdxj"))
    for a in world.good.articles:
        t = served_target(world.good, a.path, run1.t0, run1.t1)
        assert t and world.good.abs(t) in idx, f"{a.mode}: not in pywb's index"


# =========================================================================== run 2
def test_second_run_leaves_the_first_runs_bytes_intact(run1, run2):
    """README: 'A crawl run again on the same folder goes on where it stopped'; 'a crash at any moment
    leaves no half-written file visible' (DESIGN). The second run appends to or rotates the WARC
    files without touching a byte already written: every first-run file is still there, its old
    bytes a prefix of what it holds now."""
    assert run2.res.rc in (0, 1), f"second run exit {run2.res.rc}: {run2.res.err[-1500:]}"
    bad = []
    for f in warc_files(run1.snap):
        rel = f.relative_to(run1.snap)
        now = run2.dir / rel
        if not now.exists():
            bad.append(f"{rel}: gone after the second run")
        elif not now.read_bytes().startswith(f.read_bytes()):
            bad.append(f"{rel}: its first-run bytes were changed")
    assert not bad, bad


def test_after_the_second_run_every_file_checks_indexes_and_stays_unique(run2):
    """README: 'gzip per record, with payload digests'; '(`.open` while being written), a CDXJ index
    beside each'; the CDXJ 'the same bytes cdxj-indexer writes'. After the second run: no `.open`,
    `warcio check` clean, every record a whole gzip member, record ids unique across both runs, and
    each file's CDXJ equal to cdxj-indexer's."""
    w = run2.dir / "warc"
    assert not list(w.rglob("*.open")), "a .open file is left after a finished run"
    files = warc_files(run2.dir)
    rc, out, _ = tool("warcio", ["check", *files])
    assert rc == 0 and not out.strip(), out.decode(errors="replace")[:1500]
    ids = []
    for f in files:
        recs, tail = read_warc(f)
        assert tail == 0 and all(r.whole for r in recs), f"{f.name}: not whole per-record gzip members"
        ids += [r.id for r in recs]
    assert len(ids) == len(set(ids)), "a WARC-Record-ID was written twice"
    probs = _cdxj_problems(run2.dir)
    assert not probs, probs[:5]


UNCHANGED = ("deflate", "rawdeflate", "close", "headers", "longheader", "reason", "cp1258", "vni",
             "utf8path", "chunked-gzip")
BUMPED = ("plain", "chunked", "gzip", "http10")


def test_second_run_writes_unchanged_pages_as_revisits_and_changed_ones_whole(run1, run2, world):
    """README: 'a payload seen before is written once, later copies as revisit records'; 'A crawl ...
    re-observes nothing unless told (`-s reobserve.window_days=30`)'. Run 2 was told: the articles
    whose bytes did not change come back as revisit records; those whose view count rose are full
    response records that warcio reads back as the new page."""
    p = world.good
    all2 = all_records(run2.dir)
    bad = []
    seen = 0
    for mode in UNCHANGED + BUMPED:
        a = p.article(mode)
        t = served_target(p, a.path, run2.t0, run2.t1)
        if not t:
            bad.append(f"{mode}: not fetched again in run 2")
            continue
        ex2 = [e for e in exchanges_for(world, p.abs(t), run2.t0, run2.t1) if e.complete and e.status == 200]
        if not ex2:
            continue
        seen += 1
        recs = [r for r in all2 if same_uri(r.target, p.abs(t)) and r.type in ("response", "revisit")
                and near(r, ex2)]
        if not recs:
            bad.append(f"{mode}: its run-2 fetch is not archived")
            continue
        r = recs[0]
        if mode in UNCHANGED and r.type != "revisit":
            bad.append(f"{mode}: identical payload written again as {r.type}")
        if mode in BUMPED:
            if r.type != "response":
                bad.append(f"{mode}: changed page written as {r.type}")
            elif warcio_decoded(r) != ex2[0].html:
                bad.append(f"{mode}: run-2 record does not read back as the new page")
    assert seen, "run 2 re-fetched none of the articles although told -s reobserve.window_days=30"
    assert not bad, bad


def test_revisit_records_point_at_an_archived_original(run2):
    """README: 'later copies as revisit records'; 'replayable'. Each revisit names its profile
    (identical-payload-digest, or server-not-modified for a 304), WARC-Refers-To-Target-URI and
    WARC-Refers-To-Date; an identical-payload one carries the payload digest of a response record of
    that URL in the dataset (the one WARC-Refers-To names, if given); each keeps its HTTP head."""
    recs = all_records(run2.dir)
    byid = {r.id: r for r in recs}
    bad = []
    for r in recs:
        if r.type != "revisit":
            continue
        prof = r.get("WARC-Profile") or ""
        ref_uri = r.get("WARC-Refers-To-Target-URI")
        if not ref_uri or not r.get("WARC-Refers-To-Date"):
            bad.append(f"{r.target}: revisit without WARC-Refers-To-Target-URI / -Date")
            continue
        if not r.block.startswith(b"HTTP/"):
            bad.append(f"{r.target}: revisit without its HTTP head")
        if prof.endswith("identical-payload-digest"):
            dig = r.get("WARC-Payload-Digest")
            origs = [o for o in recs if o.type == "response" and o.target == ref_uri
                     and o.get("WARC-Payload-Digest") == dig]
            if not origs:
                bad.append(f"{r.target}: no response of {ref_uri} with payload digest {dig}")
            ref = r.get("WARC-Refers-To")
            if ref and (ref not in byid or byid[ref].get("WARC-Payload-Digest") != dig):
                bad.append(f"{r.target}: WARC-Refers-To {ref} is not the original")
        elif not prof.endswith("server-not-modified"):
            bad.append(f"{r.target}: revisit profile {prof!r}")
    assert not bad, bad[:6]


def test_every_304_is_archived_with_status_304_and_no_body(run1, run2, world):
    """README: 'a 304's Content-Length is not a body'; 'Every response ... written'. Every 304 the
    portals sent in either run (the unasked one, and any answer to the crawler's own conditional
    request) has a record of status 304 with an empty payload, at the time it was sent."""
    recs = all_records(run2.dir)
    bad = []
    n = 0
    for p in (world.good, world.broken):
        for e in p.exchanges:
            if e.status == 304 and e.complete and run1.t0 <= e.t0 <= run2.t1:
                n += 1
                rs = [r for r in recs if same_uri(r.target, p.abs(e.target))
                      and r.type in ("response", "revisit") and near(r, [e])]
                if not rs:
                    bad.append(f"{e.target}: the 304 is not archived")
                elif any(r.status != 304 or r.http()[2] for r in rs):
                    bad.append(f"{e.target}: archived as {[r.status for r in rs]} with a body")
    assert n, "no 304 was sent (fixture)"
    assert not bad, bad


# =========================================================================== killed and resumed
def test_killed_crawl_leaves_warcs_that_iterate_to_the_last_complete_record(killed_a):
    """README: 'A killed run loses nothing committed'; '`.open` while being written'. Right after a
    SIGKILL mid-crawl, each WARC file (closed or `.open`) reads with warcio's ArchiveIterator up to
    its last complete record: every whole gzip member comes out as a record before any error."""
    from warcio.archiveiterator import ArchiveIterator
    files = {rel: b for rel, b in killed_a.after.items() if ".warc.gz" in rel and not rel.endswith(".cdxj")}
    assert files, f"no WARC file after the kill ({killed_a.why})"
    total = 0
    for rel, data in files.items():
        members, _ = gzip_members(data)
        n = 0
        try:
            for rec in ArchiveIterator(io.BytesIO(data)):
                rec.raw_stream.read()
                n += 1
        except Exception:  # noqa: BLE001  (a cut tail may raise after the last complete record)
            pass
        assert n >= len(members), f"{rel}: warcio read {n} records of {len(members)} complete ones"
        total += n
    assert total, "the killed crawl left no readable record"


def test_resume_after_kill_finalises_files_keeps_records_and_marks_the_run(killed_a):
    """README: 'The next run marks the killed one `interrupted` and finalises its `.warc.gz.open`
    files (cut after the last complete record), so replay tools read them'; 'a file a crash left
    without one is indexed by cdxj-indexer at the next run'; 'A killed run loses nothing committed'.
    After the resumed crawl: no `.open`, `warcio check` clean, every complete record of the killed
    run still there, each file's CDXJ as cdxj-indexer writes it, the killed run `interrupted`, and
    every observation's WARC record found."""
    k = killed_a
    assert k.res.rc in (0, 1), f"resume exit {k.res.rc}: {k.res.err[-1500:]}"
    assert not list((k.dir / "warc").rglob("*.open")), "a .open file survived the next run"
    files = warc_files(k.dir)
    rc, out, _ = tool("warcio", ["check", *files])
    assert rc == 0 and not out.strip(), out.decode(errors="replace")[:1500]
    ids = {r.id for f in files for r in read_warc(f)[0]}
    lost = k.complete_ids - ids
    assert not lost, f"{len(lost)} complete records of the killed run are gone"
    probs = _cdxj_problems(k.dir)
    assert not probs, probs[:4]
    t = tables(k.dir)
    assert any(r.get("status") == "interrupted" for r in t.runs), [r.get("status") for r in t.runs]
    bad = []
    for o in t.obs_rows:
        f = resolve_warc(k.dir, o.get("warc_filename") or "")
        if f is None or o.get("warc_record_id") not in {r.id for r in read_warc(f)[0]}:
            bad.append(f"{o.get('url')}: {o.get('warc_filename')} / {o.get('warc_record_id')}")
    assert not bad, f"{len(bad)} observations cite no record: {bad[:4]}"


def test_resume_cuts_a_half_written_record_off_the_open_file(killed_b):
    """README: 'finalises its `.warc.gz.open` files (cut after the last complete record), so replay
    tools read them'. The kill is made to land mid-write (half a gzip member appended to the `.open`
    file, as a SIGKILL during a write leaves it): the resumed crawl leaves every file whole, per-record
    gzip with no stray bytes, `warcio check` clean, all complete records kept."""
    k = killed_b
    assert k.opens, f"no .warc.gz.open file after killing a crawl mid-run ({k.why}): README says `.open` while being written"
    assert k.res.rc in (0, 1), f"resume exit {k.res.rc}: {k.res.err[-1500:]}"
    assert not list((k.dir / "warc").rglob("*.open")), "a .open file survived the next run"
    files = warc_files(k.dir)
    for f in files:
        recs, tail = read_warc(f)
        assert tail == 0 and all(r.whole for r in recs), f"{f.name}: stray or partial bytes remain"
    rc, out, _ = tool("warcio", ["check", *files])
    assert rc == 0 and not out.strip(), out.decode(errors="replace")[:1500]
    ids = {r.id for f in files for r in read_warc(f)[0]}
    assert not (k.complete_ids - ids), f"{len(k.complete_ids - ids)} complete records lost"


# =========================================================================== rotation
def test_max_file_mb_rotates_files_keeping_records_whole(rotated):
    """README: '`[archive] max_file_mb` | 100 | a new WARC file after this size'. With max_file_mb=1
    and ~2.4 MB of gzipped pages, the site gets several files; no record is split across files,
    every file checks with warcio and has its CDXJ, a file takes no new capture once it is past
    1 MiB (the records of the page being written may finish it), and every response's request record
    is somewhere in the archive."""
    assert rotated.res.rc in (0, 1), f"exit {rotated.res.rc}: {rotated.res.err[-1500:]}"
    files = warc_files(rotated.dir)
    assert len(files) >= 2, f"{len(files)} WARC file(s) for ~2.4 MB at max_file_mb=1"
    rc, out, _ = tool("warcio", ["check", *files])
    assert rc == 0 and not out.strip(), out.decode(errors="replace")[:1500]
    allrecs = []
    for f in files:
        recs, tail = read_warc(f)
        assert tail == 0 and all(r.whole for r in recs), f"{f.name}: a record is split or partial"
        # a page's records (response, request, metadata about it) may finish the file together
        url = lambda r: (r.target or "").removeprefix("metadata://")  # noqa: E731
        before = [r for r in recs if r.offset <= 1024 * 1024]
        late = [r for r in recs if r.offset > 1024 * 1024]
        assert all(url(r) == url(before[-1]) for r in late), (
            f"{f.name}: a new capture was started past 1 MiB: {[(r.offset, r.type, r.target) for r in late][:3]}")
        allrecs += recs
    probs = _cdxj_problems(rotated.dir)
    assert not probs, probs[:4]
    reqs = {(r.target, x) for r in allrecs if r.type == "request" for x in r.getall("WARC-Concurrent-To")}
    reqids = {(r.target, r.id) for r in allrecs if r.type == "request"}
    orphans = [r.target for r in allrecs if r.type == "response" and (r.target, r.id) not in reqs
               and not any((r.target, x) in reqids for x in r.getall("WARC-Concurrent-To"))]
    assert not orphans, f"responses without their request record: {orphans[:4]}"


# =========================================================================== reparse, export, report
def test_reparse_of_the_moved_dataset_changes_nothing_offline(run1, tables1, world, tmp_path):
    """README: '`govnews reparse DIR` re-extracts every article from the archive with today's parsers
    and no network ... Reparse of an untouched dataset changes nothing ... `--into NEW_DIR` writes the
    result as a new dataset and leaves the old one as it was.' The dataset is moved to another path
    (the original hidden meanwhile): reparse there, and reparse --into a third folder, give the same
    articles and observations, make no request to any portal, and leave the archive untouched."""
    moved = tmp_path / "another-machine" / "srv" / "govnews-data"
    shutil.copytree(run1.snap, moved, symlinks=True)
    hidden = run1.snap.with_name(run1.snap.name + "-hidden")
    warc_before = {str(f.relative_to(moved)): f.read_bytes() for f in warc_files(moved)}
    run1.snap.rename(hidden)
    try:
        n0 = world.request_count()
        res = run_govnews(["reparse", moved], timeout=300)
        into = tmp_path / "reparsed"
        res2 = run_govnews(["reparse", moved, "--into", into], timeout=300)
        n1 = world.request_count()
        after = tables(moved)
        after_into = tables(into) if into.exists() else None
    finally:
        hidden.rename(run1.snap)
    assert res.rc == 0, f"reparse exit {res.rc}: {res.err[-1500:]}"
    assert res2.rc == 0, f"reparse --into exit {res2.rc}: {res2.err[-1500:]}"
    assert n1 == n0, f"reparse made {n1 - n0} requests to the portals"
    d = diff_tables(tables1, after)
    assert not d, d
    assert after_into is not None, "reparse --into wrote nothing"
    d = diff_tables(tables1, after_into)
    assert not d, d
    changed = [k for k, v in warc_before.items() if (moved / k).read_bytes() != v]
    assert not changed, f"reparse changed WARC files: {changed}"


def test_reparse_from_only_the_database_and_warc_folder_gives_the_same_records(minimal, tables1):
    """README: '`govnews reparse data` # rebuild every record from data/warc/, offline'; 'Each archived
    page is matched to its site as the crawl matched it (the dataset's own records of which site
    fetched which URL...)'. A researcher receives `dataset.sqlite` and `warc/` only, at another path:
    reparse rebuilds the same articles (gzip, chunked, deflate, windows-1258, VNI pages included) and
    observations, with no request to any portal."""
    assert minimal.res.rc == 0, f"reparse exit {minimal.res.rc}: {minimal.res.err[-1500:]}"
    assert minimal.requests == 0, f"reparse made {minimal.requests} requests"
    d = diff_tables(tables1, tables(minimal.dir))
    assert not d, d


def test_reparse_names_a_damaged_warc_record_and_keeps_the_rest(run1, tables1, world, tmp_path):
    """README: 'Unreadable WARC records are counted as errors (exit 1) and named on stderr.' One
    response record of a copy is damaged (16 bytes flipped inside its gzip member): reparse exits 1,
    names the file on stderr, and every article is still in the dataset afterwards."""
    cp = tmp_path / "damaged"
    shutil.copytree(run1.snap, cp, symlinks=True)
    p = world.good
    target = served_target(p, p.article("plain").path, run1.t0, run1.t1)
    victim = None
    for f in warc_files(cp):
        for r in read_warc(f)[0]:
            if r.type == "response" and r.target == p.abs(target):
                victim = (f, r)
                break
        if victim:
            break
    assert victim, "no record to damage"
    f, r = victim
    data = bytearray(f.read_bytes())
    mid = r.offset + r.length // 2
    for i in range(mid, mid + 16):
        data[i] ^= 0xFF
    f.write_bytes(bytes(data))
    res = run_govnews(["reparse", cp], timeout=300)
    assert res.rc == 1, f"exit {res.rc}; stderr: {res.err[-1500:]}"
    assert f.name in res.err, f"stderr does not name {f.name}: {res.err[-1500:]}"
    after = tables(cp)
    lost = sorted(set(tables1.articles) - set(after.articles))
    assert not lost, f"{len(lost)} articles lost after reparsing a damaged archive"


def test_export_and_report_work_on_the_reparsed_copy(minimal, tmp_path):
    """README: '`crawl` then `reparse`, `export` and `report` work on its folder'; '`govnews export data
    --format parquet` # whole tables (csv, jsonl, parquet)'; '`govnews report DIR [-o report.html]`
    writes one self-contained HTML file'. On the reparsed dataset.sqlite + warc/ copy, export in all
    three formats loads back with the same articles, and the report is written."""
    import govnews as gn
    out = tmp_path / "export"
    res = run_govnews(["export", minimal.dir, "--format", "csv", "--format", "jsonl", "--format", "parquet",
                   "-o", out], timeout=300)
    assert res.rc == 0, f"export exit {res.rc}: {res.err[-1500:]}"
    want = set(tables(minimal.dir).articles)
    got = set(gn.load(str(out)).articles["article_id"].astype(str))
    assert got == want, f"export has {len(got)} articles, dataset {len(want)}"
    rep = tmp_path / "report.html"
    res = run_govnews(["report", minimal.dir, "-o", rep, "--lang", "en"], timeout=300)
    assert res.rc == 0, f"report exit {res.rc}: {res.err[-1500:]}"
    assert rep.exists() and "<html" in rep.read_text(errors="replace")[:5000].lower()


def test_wacz_export_of_the_reparsed_copy_validates_and_lists_the_articles(minimal, tmp_path):
    """README: '`govnews export DIR --format wacz` packs the archive as a WACZ (`pages.jsonl` lists the
    articles) for ReplayWeb.page; the `wacz` package's validator checks it'. From the reparsed
    dataset.sqlite + warc/ copy: the WACZ validates, and its pages.jsonl lists every article."""
    out = tmp_path / "wacz"
    res = run_govnews(["export", minimal.dir, "--format", "wacz", "-o", out], timeout=300)
    assert res.rc == 0, f"export wacz exit {res.rc}: {res.err[-1500:]}"
    waczs = list(out.rglob("*.wacz")) or list(minimal.dir.rglob("*.wacz"))
    assert len(waczs) == 1, f"{len(waczs)} .wacz files"
    rc, o, e = tool("wacz", ["validate", "-f", waczs[0]])
    assert rc == 0, (o + e).decode(errors="replace")[-1500:]
    with zipfile.ZipFile(waczs[0]) as z:
        names = [n for n in z.namelist() if n.endswith("pages.jsonl")]
        assert names, "no pages.jsonl in the WACZ"
        urls = set()
        for n in names:
            for line in z.read(n).decode("utf-8").splitlines():
                if line.strip():
                    urls.add(unquote(json.loads(line).get("url") or ""))
    t = tables(minimal.dir)
    finals = {}
    for o_ in t.obs_rows:
        finals.setdefault(o_.get("article_id"), set()).update(
            {unquote(o_.get("final_url") or ""), unquote(o_.get("fetched_url") or "")})
    missing = [a["url"] for aid, a in t.articles.items()
               if unquote(a["url"]) not in urls and not (finals.get(aid, set()) & urls)]
    assert not missing, f"{len(missing)} articles not in pages.jsonl: {missing[:4]}"
