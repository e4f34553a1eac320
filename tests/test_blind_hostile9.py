"""The researcher's dataset after accidents, held to the README (fixtures/blind_hostile9.py).

Written blind: from the README, DESIGN.md, PORTALS.md, docs/, examples/sites.toml and the CLI's
`--help` only, without reading the crawler, parsers or output code. Sets 1-8 attacked the crawl from
the web; set 9 attacks the DATASET ON DISK and the MACHINE it runs on:

- the WARC archive cut mid-record (a crash while writing), a gzip member with flipped bytes, a WARC
  file deleted or renamed, its CDXJ index deleted or holding a garbage line;
- tables edited by hand (a CSV re-saved by a spreadsheet with ';' and a BOM, a JSON Lines file with
  a cut line, the run log with a cut last line) and a corrupt dataset.sqlite;
- the folder copied to a Vietnamese path with spaces and used from another cwd, a read-only copy, a
  symlinked folder (one lock through both names), an older flat warc/ layout, unknown extra files;
- a disk that fills (RLIMIT_FSIZE, SIGXFSZ ignored) during a crawl and during an export, a tiny
  address space (RLIMIT_AS) during a crawl and during a reparse, 64 open files for three sites;
- reparse killed with SIGKILL or SIGTERM midway, two reparses at once, a reparse and an export at once;
- export into a file path, into a new nested folder named in Vietnamese.

Every govnews run is a subprocess in its own process group with a hard timeout (the group is killed
and the test fails past it). The oracle is what README/DESIGN/docs promise (quoted in each
docstring) or, where they are silent, what a demanding user expects (said so).

One small dataset (a NukeViet commune portal of 8 articles, crawled once) is built per module and
copied into each test; a larger one (40 articles of ~460 KB each) serves the kill tests.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

csv.field_size_limit(1 << 30)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fixtures.blind_hostile9 import CommunePortal  # noqa: E402

BIN = Path(sys.executable).parent
GOVNEWS = str(BIN / "govnews")
N_SMALL = 8
N_BIG = 40

Q_ENDS = "README: 'Every run ends by itself: every wait and every response is bounded'"
Q_REPARSE_ERR = ("README: 'Unreadable WARC records are counted as errors (exit 1) and named on stderr'")
Q_REPARSE_SAME = ("README: 'Reparse of an untouched dataset changes nothing, and a second reparse "
                  "changes nothing either'")
Q_CODES = ("README exit codes: 0 all well; 1 finished, but some pages or sites failed; 2 bad usage, "
           "config or path: one line says what is wrong; 70 internal error: one line, the traceback "
           "in logs/<run_id>.crash.txt; 75 another harvest holds the lock; 130 interrupted")
Q_DISK = ("README: 'A disk that fills or a dataset that becomes read-only or corrupt stops the run "
          "at once: one line naming the file and the cause, exit 1, nothing committed lost, no "
          "request after it'")
Q_ATOMIC = ("DESIGN: 'a crash at any moment leaves no half-written file visible and loses no "
            "committed record'; README: runs/<run_id> files 'written atomically'; output/ 'writers (atomic)'")
Q_CONTINUE = ("README: 'A crawl run again on the same folder goes on where it stopped; it re-observes "
              "nothing unless told'")
Q_OPEN = ("README: 'The next run marks the killed one interrupted and finalises its .warc.gz.open "
          "files (cut after the last complete record), so replay tools read them'; 'a file a crash "
          "left without one [a CDXJ index] is indexed by cdxj-indexer at the next run'")
Q_LOCK = ("README: 'a second harvest on the same folder exits at once with code 75 and one line "
          "naming the process that holds the lock'")
Q_REFUSE = ("README: '... an export -o into another dataset's folder, and any output folder that "
            "cannot be written' is refused, exit 2")
Q_OLD = ("README: 'A dataset written by an older govnews (frontier in dataset.sqlite, WARC files "
         "directly in warc/) is read as it is'")
CAUSE_WORDS = ("space", "full", "too large", "size", "efbig", "enospc", "errno 27", "errno 28",
               "i/o", "quota", "memory", "limit", "read-only", "permission", "corrupt", "not a database",
               "malformed", "file")


# ---- running govnews ----------------------------------------------------------------------------
@dataclass
class Run:
    args: list
    rc: int
    out: str
    elapsed: float

    def show(self) -> str:
        return f"govnews {' '.join(map(str, self.args))} -> exit {self.rc} in {self.elapsed:.1f}s:\n{self.out[-3000:]}"

    def lines(self) -> list:
        return [x for x in self.out.splitlines() if x.strip()]


_LIVE: list = []


def _kill_group(p: subprocess.Popen) -> None:
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


@pytest.fixture(autouse=True)
def _reap():
    yield
    while _LIVE:
        p, _log = _LIVE.pop()
        if p.returncode is None:
            _kill_group(p)
            try:
                p.wait(10)
            except Exception:
                pass


def _limits(fsize=None, as_=None, nofile=None):
    if fsize is None and as_ is None and nofile is None:
        return None

    def pre():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)     # the write fails with EFBIG instead
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if as_ is not None:
            resource.setrlimit(resource.RLIMIT_AS, (as_, as_))
        if nofile is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
    return pre


class Proc:
    def __init__(self, args, cwd: Path, **limits):
        self.args = [str(a) for a in args]
        self.log = Path(cwd) / f".govnews-{time.monotonic_ns()}.log"
        env = {k: v for k, v in os.environ.items() if k not in ("TERM",)}
        self.t0 = time.monotonic()
        with open(self.log, "wb") as fh:
            self.p = subprocess.Popen([GOVNEWS, *self.args], cwd=str(cwd), env=env,
                                      stdin=subprocess.DEVNULL, stdout=fh, stderr=subprocess.STDOUT,
                                      start_new_session=True, preexec_fn=_limits(**limits))
        _LIVE.append((self.p, self.log))

    @property
    def pid(self) -> int:
        return self.p.pid

    def running(self) -> bool:
        return self.p.poll() is None

    def signal(self, sig) -> None:
        try:
            os.kill(self.p.pid, sig)
        except ProcessLookupError:
            pass

    def wait(self, timeout: float) -> Run:
        end = self.t0 + timeout
        while self.p.poll() is None:
            if time.monotonic() > end:
                _kill_group(self.p)
                self.p.wait(10)
                pytest.fail(f"{Q_ENDS}: govnews {' '.join(self.args)} still running after {timeout}s "
                            f"(process group killed); output so far:\n"
                            f"{self.log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.05)
        _kill_group(self.p)
        out = self.log.read_text(errors="replace")
        try:
            self.log.unlink()
        except OSError:
            pass
        return Run(self.args, self.p.returncode, out, time.monotonic() - self.t0)


def govnews(args, *, cwd: Path, timeout: float = 90, **limits) -> Run:
    return Proc(args, cwd, **limits).wait(timeout)


def crawl_args(portal: CommunePortal, out, *extra, seeds=None, delay=0):
    return ["crawl", *(seeds or [portal.url]), "-o", out, "--allow-private", "--delay", delay,
            "--max-pages", "200", "--progress", "never", "-s", "timeout=5", "-s", "connect_timeout=2",
            "-s", "max_tries=2", *extra]


# ---- checks -------------------------------------------------------------------------------------
def no_traceback(run: Run) -> None:
    assert "Traceback (most recent call last)" not in run.out, "a traceback in the output: " + run.show()


def documented(run: Run, codes) -> None:
    assert run.rc in codes, f"{Q_CODES}; expected one of {sorted(codes)}: " + run.show()
    no_traceback(run)


def one_line_error(run: Run, codes=(1, 2), names=()) -> None:
    """Nonzero, documented, and said in (at most) a couple of lines that name what is wrong."""
    documented(run, set(codes))
    lines = run.lines()
    assert 1 <= len(lines) <= 3, (f"{Q_CODES} ('one line says what is wrong'): {len(lines)} lines of "
                                  "output: " + run.show())
    for n in names:
        assert n in run.out, f"{Q_CODES}: the message does not name {n!r}: " + run.show()


def load(folder: Path):
    import govnews
    return govnews.load(str(folder))


def article_rows(folder: Path, portal: CommunePortal, articles=None):
    """Every genuine article once, with its headline; returns the articles frame."""
    arts = load(folder).articles
    for a in (articles if articles is not None else portal.articles):
        want = portal.article_url(a)
        rows = arts[arts["url"].astype(str) == want]
        assert len(rows) == 1, (f"nothing committed lost (DESIGN): {want} has {len(rows)} rows in "
                                f"{folder}; rows: {len(arts)}, urls {sorted(arts['url'].astype(str))[:10]}")
        assert rows.iloc[0]["headline"] == a.title, f"headline of {want}: {rows.iloc[0]['headline']!r}"
        assert rows.iloc[0]["view_count"] == a.views, f"view_count of {want}: {rows.iloc[0]['view_count']}"
        assert a.paragraphs[0] in str(rows.iloc[0]["body"]), f"body of {want}: {str(rows.iloc[0]['body'])[:200]!r}"
    return arts


def snapshot(folder: Path, skip=("logs",)) -> dict:
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if p.name.endswith(("-wal", "-shm", "-journal")) or p.name in ("harvest.lock", "heartbeat"):
            continue                  # SQLite's sidecar files and lock files: not the dataset's content
        if p.is_file() and not p.is_symlink() and rel.parts[0] not in skip:
            out[str(rel)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def warcs(folder: Path) -> list:
    return sorted(folder.glob("warc/**/*.warc.gz"))


def warc_records(path: Path) -> list:
    """(offset, end, type, uri) of every record, read with warcio (the test's own reader)."""
    from warcio.archiveiterator import ArchiveIterator
    out = []
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        for rec in it:
            off = it.get_record_offset()
            out.append([off, None, rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI")])
    size = path.stat().st_size
    for i, r in enumerate(out):
        r[1] = out[i + 1][0] if i + 1 < len(out) else size
    return [tuple(r) for r in out]


def response_of(path: Path, a) -> tuple:
    for off, end, typ, uri in warc_records(path):
        if typ == "response" and uri and uri.endswith(a.path):
            return off, end
    raise AssertionError(f"no response record of {a.path} in {path}")


def warc_reads_to_the_end(path: Path) -> list:
    """The URIs of every response, reading the whole file; any damage raises."""
    from warcio.archiveiterator import ArchiveIterator
    uris = []
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh):
            rec.content_stream().read()
            if rec.rec_type == "response":
                uris.append(rec.rec_headers.get_header("WARC-Target-URI"))
    return uris


def summary_counts(run: Run) -> dict:
    m = re.search(r"(\d+) new, (\d+) changed, (\d+) unchanged", run.out)
    assert m, "no reparse summary ('N new, N changed, N unchanged') in: " + run.show()
    return {"new": int(m.group(1)), "changed": int(m.group(2)), "unchanged": int(m.group(3))}


def csv_rows(path: Path) -> list:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def jsonl_rows(path: Path) -> list:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def tables_whole(folder: Path, n_articles: int) -> None:
    """Each exported table present in the folder parses to the end; articles has every article."""
    for p in sorted(folder.glob("*.csv")):
        csv_rows(p)
    for p in sorted(folder.glob("*.jsonl")):
        try:
            jsonl_rows(p)
        except ValueError as e:
            raise AssertionError(f"{Q_ATOMIC}: {p.name} is half-written: {e}")
    if (folder / "articles.csv").exists():
        rows = csv_rows(folder / "articles.csv")
        assert len(rows) == n_articles, f"{Q_ATOMIC}: articles.csv has {len(rows)} rows, not {n_articles}"
    if (folder / "articles.jsonl").exists():
        rows = jsonl_rows(folder / "articles.jsonl")
        assert len(rows) == n_articles, f"{Q_ATOMIC}: articles.jsonl has {len(rows)} rows, not {n_articles}"


# ---- fixtures: one crawled dataset per module, copied per test ----------------------------------
@pytest.fixture(scope="module")
def small(tmp_path_factory):
    p = CommunePortal(n=N_SMALL).start()
    root = tmp_path_factory.mktemp("bh9base")
    run = govnews(crawl_args(p, root / "data"), cwd=root, timeout=120)
    assert run.rc == 0, "setup crawl: " + run.show()
    yield p, root / "data"
    p.stop()


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    p = CommunePortal(n=N_BIG, pad=2000).start()
    root = tmp_path_factory.mktemp("bh9big")
    run = govnews(crawl_args(p, root / "data"), cwd=root, timeout=180)
    assert run.rc == 0, "setup crawl (big): " + run.show()
    yield p, root / "data"
    p.stop()


def fresh(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, symlinks=True)
    return dst


@pytest.fixture
def ds(small, tmp_path):
    """(portal, a fresh copy of the small dataset)."""
    p, base = small
    return p, fresh(base, tmp_path / "data")


# =================================================================================================
# 1. The WARC archive damaged
# =================================================================================================
def test_warc_cut_mid_record_reparse_counts_it_then_export_and_report_work(ds, tmp_path):
    """Q_REPARSE_ERR; DESIGN 'loses no committed record'.

    The WARC file ends in the middle of the last article's response record (a crash or a copy cut
    short). reparse must exit 1, name the file, keep all 8 articles (7 re-read unchanged, the 8th
    keeps the extraction it had); export and report read the database and work (exit 0)."""
    p, d = ds
    w = warcs(d)[0]
    off, end = response_of(w, p.articles[-1])
    with open(w, "r+b") as fh:
        fh.truncate(off + (end - off) // 2)
    run = govnews(["reparse", d], cwd=tmp_path, timeout=90)
    documented(run, {1})
    assert w.name in run.out, f"{Q_REPARSE_ERR}: the damaged file is not named: " + run.show()
    article_rows(d, p)
    run = govnews(["export", d, "-o", tmp_path / "exp"], cwd=tmp_path, timeout=90)
    documented(run, {0})
    tables_whole(tmp_path / "exp", N_SMALL)
    run = govnews(["report", d, "-o", tmp_path / "r.html"], cwd=tmp_path, timeout=120)
    documented(run, {0})
    assert (tmp_path / "r.html").stat().st_size > 1000


def test_open_warc_cut_by_a_crash_is_finalised_and_indexed_by_the_next_crawl(tmp_path):
    """Q_OPEN; Q_CONTINUE.

    The folder as a crash while writing leaves it: the WARC still `.warc.gz.open`, cut in the middle
    of a record, no CDXJ beside it. The next crawl (one new article on the portal) goes on; after it
    no `.open` file is left, every WARC file reads to its end, each has its CDXJ, the cut file keeps
    the records before the cut, and the dataset holds the 8 old articles and the new one once each."""
    p = CommunePortal(n=N_SMALL).start()
    try:
        d = tmp_path / "data"
        run = govnews(crawl_args(p, d), cwd=tmp_path, timeout=120)
        assert run.rc == 0, run.show()
        w = warcs(d)[0]
        off, end = response_of(w, p.articles[-1])
        with open(w, "r+b") as fh:
            fh.truncate(off + (end - off) // 2)
        w.with_suffix("").with_suffix(".cdxj").unlink(missing_ok=True)
        for c in w.parent.glob("*.cdxj"):
            c.unlink()
        opened = w.with_name(w.name + ".open")
        w.rename(opened)
        new = p.add_article()
        run = govnews(crawl_args(p, d), cwd=tmp_path, timeout=120)
        documented(run, {0, 1})
        left = sorted(x.name for x in d.rglob("*.open"))
        assert not left, f"{Q_OPEN}: .open files left after the next run: {left}"
        assert w.exists(), f"{Q_OPEN}: the cut file was not finalised as {w.name}; warc/: " \
                           f"{sorted(x.name for x in d.rglob('*') if 'warc' in str(x))}"
        for f in warcs(d):
            try:
                uris = warc_reads_to_the_end(f)
            except Exception as e:  # noqa: BLE001
                raise AssertionError(f"{Q_OPEN}: {f.name} does not read to its end: {e!r}")
            assert f.with_name(f.name[:-len(".warc.gz")] + ".cdxj").exists(), \
                f"{Q_OPEN}: {f.name} has no CDXJ index beside it"
            if f == w:
                for a in p.articles[:N_SMALL - 1]:
                    assert any(u.endswith(a.path) for u in uris), \
                        f"{Q_OPEN} ('cut after the last complete record'): {a.path} lost from {f.name}"
        article_rows(d, p, p.articles)
        assert new in p.articles
    finally:
        p.stop()


def test_flipped_bytes_in_one_gzip_member_reparse_in_place(ds, tmp_path):
    """Q_REPARSE_ERR; DESIGN 'loses no committed record'.

    Eight bytes flipped inside the gzip member of article 3's response record. reparse exits 1, names
    the file, and every article (the damaged one included, with its earlier extraction) is still
    there once; the others are re-read (the summary counts at least 7 unchanged records)."""
    p, d = ds
    w = warcs(d)[0]
    off, end = response_of(w, p.articles[2])
    data = bytearray(w.read_bytes())
    mid = off + (end - off) // 2
    for i in range(mid, mid + 8):
        data[i] ^= 0xA5
    w.write_bytes(bytes(data))
    run = govnews(["reparse", d], cwd=tmp_path, timeout=90)
    documented(run, {1})
    assert w.name in run.out, f"{Q_REPARSE_ERR}: the damaged file is not named: " + run.show()
    c = summary_counts(run)
    assert c["unchanged"] >= N_SMALL - 1, (
        "demanding user: one bad gzip member must not hide the records after it (gzip per record, a "
        "CDXJ index with each record's offset): " + run.show())
    article_rows(d, p)


def test_flipped_bytes_reparse_into_a_new_dataset_keeps_the_other_records(ds, tmp_path):
    """README: '--into NEW_DIR writes the result as a new dataset and leaves the old one as it was';
    Q_REPARSE_ERR.

    With one damaged member, `reparse --into` exits 1, the old folder stays byte for byte as it was,
    and the new dataset holds the 7 undamaged articles with their fields."""
    p, d = ds
    w = warcs(d)[0]
    off, end = response_of(w, p.articles[2])
    data = bytearray(w.read_bytes())
    mid = off + (end - off) // 2
    for i in range(mid, mid + 8):
        data[i] ^= 0x5A
    w.write_bytes(bytes(data))
    before = snapshot(d)
    new = tmp_path / "moi"
    run = govnews(["reparse", d, "--into", new], cwd=tmp_path, timeout=90)
    documented(run, {1})
    assert snapshot(d) == before, "README: '--into ... leaves the old one as it was': the old folder changed"
    others = [a for i, a in enumerate(p.articles) if i != 2]
    article_rows(new, p, others)


def test_warc_file_deleted_reparse_loses_nothing(ds, tmp_path):
    """README: reparse counts 'stored articles not in the archive'; DESIGN 'loses no committed record'.

    The only WARC file (and its CDXJ) deleted. reparse ends (0 or 1), says the 8 stored articles are
    not in the archive, and every article, its fields and its observations stay as they were."""
    p, d = ds
    obs_before = len(load(d).observations)
    for f in d.rglob("*.warc.gz"):
        f.unlink()
    for f in d.rglob("*.cdxj"):
        f.unlink()
    run = govnews(["reparse", d], cwd=tmp_path, timeout=90)
    documented(run, {0, 1})
    assert re.search(rf"\b{N_SMALL} stored articles not in the archive", run.out), (
        "demanding user: the summary must say the stored articles have no archived page: " + run.show())
    article_rows(d, p)
    assert len(load(d).observations) == obs_before, "observations lost by a reparse without its WARC"


def test_warc_file_renamed_in_its_folder_is_still_read(ds, tmp_path):
    """README: 'reparse DIR re-extracts every article from the archive'; 'find DIR/warc -name
    <warc_filename> finds it either way'. Demanding user: a WARC file renamed by hand (the CDXJ under
    its old name) is still a WARC file in warc/: reparse reads it (exit 0), finds every article in it,
    changes nothing."""
    p, d = ds
    w = warcs(d)[0]
    w.rename(w.with_name("ban-sao-luu-tru.warc.gz"))
    run = govnews(["reparse", d], cwd=tmp_path, timeout=90)
    documented(run, {0})
    assert "0 stored articles not in the archive" in run.out, run.show()
    c = summary_counts(run)
    assert c == {"new": 0, "changed": 0, "unchanged": N_SMALL}, f"{Q_REPARSE_SAME}: " + run.show()
    article_rows(d, p)


def test_cdxj_deleted_then_next_crawl_writes_the_same_index_again(ds, tmp_path):
    """Q_OPEN ('a file ... left without one is indexed by cdxj-indexer at the next run'); README: the
    CDXJ is 'the same bytes cdxj-indexer -s (sorted) writes reading the file back'.

    The CDXJ index deleted. reparse still works (it reads the WARC); the next crawl writes the index
    beside the old file again, byte for byte what was there."""
    p, d = ds
    w = warcs(d)[0]
    cdxj = w.with_name(w.name[:-len(".warc.gz")] + ".cdxj")
    original = cdxj.read_bytes()
    cdxj.unlink()
    run = govnews(["reparse", d], cwd=tmp_path, timeout=90)
    documented(run, {0})
    assert summary_counts(run)["unchanged"] == N_SMALL, run.show()
    run = govnews(crawl_args(p, d), cwd=tmp_path, timeout=120)
    documented(run, {0})
    assert cdxj.exists(), f"{Q_OPEN}: no CDXJ written again for {w.name}; warc/: " \
                          f"{sorted(x.name for x in w.parent.iterdir())}"
    assert cdxj.read_bytes() == original, f"{Q_OPEN}: the re-made index differs from the original"


def test_cdxj_with_a_garbage_line_reparse_and_wacz_export(ds, tmp_path):
    """README: 'export --format wacz packs the archive as a WACZ ... the wacz package's validator checks
    it'. Demanding user: a CDXJ index with a garbage line (a text editor, a bad merge) does not stop
    reparse (it reads the WARC), and the WACZ export either rebuilds a valid index or refuses in one
    line; it never packs the garbage line into the WACZ's index."""
    p, d = ds
    w = warcs(d)[0]
    cdxj = w.with_name(w.name[:-len(".warc.gz")] + ".cdxj")
    lines = cdxj.read_bytes().splitlines(keepends=True)
    lines.insert(len(lines) // 2, "rác không phải cdxj \x00\xff {{{ \n".encode("utf-8", "surrogateescape"))
    cdxj.write_bytes(b"".join(lines))
    run = govnews(["reparse", d], cwd=tmp_path, timeout=90)
    documented(run, {0})
    assert summary_counts(run)["unchanged"] == N_SMALL, run.show()
    out = tmp_path / "wacz"
    run = govnews(["export", d, "--format", "wacz", "-o", out], cwd=tmp_path, timeout=120)
    if run.rc != 0:
        one_line_error(run, codes=(1, 2))
        return
    documented(run, {0})
    files = sorted(out.rglob("*.wacz"))
    assert files, "export --format wacz exit 0 but no .wacz written: " + run.show()
    with zipfile.ZipFile(files[0]) as z:
        assert z.testzip() is None
        for name in z.namelist():
            if name.startswith("indexes/") and (".cdx" in name):
                raw = z.read(name)
                if name.endswith(".gz"):
                    import gzip
                    raw = gzip.decompress(raw)
                for ln in raw.decode("utf-8", "replace").splitlines():
                    if not ln.strip() or name.endswith(".idx"):
                        continue
                    parts = ln.split(" ", 2)
                    assert len(parts) == 3 and parts[2].startswith("{"), \
                        f"the WACZ index {name} holds a line that is no CDXJ: {ln[:80]!r}"
                    json.loads(parts[2])


# =================================================================================================
# 2. Tables touched by other tools
# =================================================================================================
def test_exported_csv_resaved_by_a_spreadsheet_with_semicolons_and_a_bom(ds, tmp_path):
    """README: 'load reads ... an export folder in any format (Parquet, JSON Lines, CSV), with the same
    dtypes; so do govnews report and govnews stories'. Demanding user: an articles.csv re-saved by a
    spreadsheet (';' separators, a BOM, CRLF) is either read right (8 articles, right headlines) or
    refused in one clear line naming the file; never read as one column. And `export` on the dataset
    rewrites its own articles.csv from dataset.sqlite as a proper comma CSV."""
    p, d = ds
    exp = tmp_path / "exp"
    run = govnews(["export", d, "--format", "csv", "-o", exp], cwd=tmp_path, timeout=90)
    documented(run, {0})
    for folder in (exp, d):
        rows = csv_rows(folder / "articles.csv")
        buf = io.StringIO()
        wr = csv.DictWriter(buf, fieldnames=list(rows[0]), delimiter=";", lineterminator="\r\n")
        wr.writeheader()
        wr.writerows(rows)
        (folder / "articles.csv").write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    try:
        arts = load(exp).articles
    except Exception as e:  # noqa: BLE001
        assert "articles.csv" in str(e), f"demanding user: the error does not name the file: {e!r}"
    else:
        assert "headline" in arts.columns and len(arts) == N_SMALL, (
            f"demanding user: a ';' CSV read as {list(arts.columns)[:3]}... ({len(arts)} rows)")
        assert set(arts["headline"].astype(str)) == {a.title for a in p.articles}
    run = govnews(["report", exp, "-o", tmp_path / "r.html"], cwd=tmp_path, timeout=120)
    if run.rc != 0:
        one_line_error(run, codes=(1, 2), names=("articles.csv",))
        assert not (tmp_path / "r.html").exists(), f"{Q_ATOMIC}: a report written by a failed run"
    run = govnews(["export", d, "--format", "csv"], cwd=tmp_path, timeout=90)
    documented(run, {0})
    raw = (d / "articles.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "export without --excel wrote a BOM (README: '--excel adds a BOM')"
    rows = csv_rows(d / "articles.csv")
    assert len(rows) == N_SMALL and "headline" in rows[0], "export did not rewrite articles.csv whole"


def test_exported_jsonl_with_a_cut_line_report_names_it(ds, tmp_path):
    """Demanding user (README: 'report DIR: a dataset folder or an export folder'): an export's
    articles.jsonl with one line cut in half (a sync tool, a crash) makes `report` either refuse in one
    line naming articles.jsonl (and write no report), or go on with the rest and say on stderr that it
    skipped a line of articles.jsonl. Never a traceback, never silence."""
    p, d = ds
    exp = tmp_path / "exp"
    run = govnews(["export", d, "--format", "jsonl", "-o", exp], cwd=tmp_path, timeout=90)
    documented(run, {0})
    f = exp / "articles.jsonl"
    lines = f.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3][:len(lines[3]) // 2]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = exp / "r.html"
    run = govnews(["report", exp, "-o", out], cwd=tmp_path, timeout=120)
    documented(run, {0, 1, 2})
    assert "articles.jsonl" in run.out, ("demanding user: a cut line of articles.jsonl is neither "
                                         "refused nor reported: " + run.show())
    if run.rc != 0:
        assert len(run.lines()) <= 3, run.show()
        assert not out.exists(), f"{Q_ATOMIC}: a report written by a failed run"


def test_run_log_with_a_cut_last_line_next_crawl_appends_a_clean_line(ds, tmp_path):
    """README: 'logs/runs.jsonl: one JSON line per run'; 'tail -1 logs/runs.jsonl has the counts'.

    logs/runs.jsonl ends in half a line without a newline (a disk that filled, an editor). The next
    crawl works (exit 0) and its own line is a whole JSON line at the end (not glued onto the cut
    one); report still works."""
    p, d = ds
    log = d / "logs" / "runs.jsonl"
    text = log.read_text(encoding="utf-8")
    last = text.rstrip("\n").splitlines()[-1]
    log.write_text(text + last[:len(last) // 2], encoding="utf-8")
    run = govnews(crawl_args(p, d), cwd=tmp_path, timeout=120)
    documented(run, {0})
    tail = log.read_text(encoding="utf-8").rstrip("\n").splitlines()[-1]
    try:
        rec = json.loads(tail)
    except ValueError:
        raise AssertionError(f"README ('tail -1 logs/runs.jsonl has the counts'): the last line is "
                             f"not JSON: {tail[:200]!r}")
    assert rec != json.loads(last), "the new run's line is missing from logs/runs.jsonl"
    run = govnews(["report", d, "-o", tmp_path / "r.html"], cwd=tmp_path, timeout=120)
    documented(run, {0})


def test_corrupt_dataset_sqlite_is_one_line_and_nothing_written(ds, tmp_path):
    """Q_DISK ('a dataset that becomes ... corrupt ...: one line naming the file and the cause').

    dataset.sqlite's header overwritten with garbage. export, reparse and report each end with one
    line naming dataset.sqlite, a documented code (1 or 2), no traceback, and write no output file."""
    p, d = ds
    db = d / "dataset.sqlite"
    with open(db, "r+b") as fh:
        fh.write(b"NOT SQLITE \xff" * 9)
    for extra in ("dataset.sqlite-wal", "dataset.sqlite-shm"):
        (d / extra).unlink(missing_ok=True)
    exp = tmp_path / "exp"
    run = govnews(["export", d, "-o", exp], cwd=tmp_path, timeout=90)
    one_line_error(run, names=("dataset.sqlite",))
    assert not exp.exists() or not any(exp.iterdir()), f"{Q_ATOMIC}: files written: {list(exp.iterdir())}"
    run = govnews(["reparse", d], cwd=tmp_path, timeout=90)
    one_line_error(run, names=("dataset.sqlite",))
    run = govnews(["report", d, "-o", tmp_path / "r.html"], cwd=tmp_path, timeout=90)
    one_line_error(run, names=("dataset.sqlite",))
    assert not (tmp_path / "r.html").exists()


# =================================================================================================
# 3. The folder moved, copied, shared
# =================================================================================================
def test_copy_on_a_vietnamese_path_with_spaces_used_from_another_cwd(small, tmp_path):
    """README: the dataset is 'one folder [that] holds a whole harvest over time'; Q_CONTINUE.

    The folder copied to `Máy khác/Dữ liệu xã Phú Tân 2026` and used by a relative path from another
    working directory: reparse changes nothing, export and report work, and a crawl into the copy goes
    on where the original stopped (no article fetched again)."""
    p, base = small
    d = fresh(base, tmp_path / "Máy khác" / "Dữ liệu xã Phú Tân 2026")
    cwd = tmp_path / "thư mục làm việc"
    cwd.mkdir()
    rel = os.path.join("..", "Máy khác", "Dữ liệu xã Phú Tân 2026")
    run = govnews(["reparse", rel], cwd=cwd, timeout=90)
    documented(run, {0})
    assert summary_counts(run) == {"new": 0, "changed": 0, "unchanged": N_SMALL}, f"{Q_REPARSE_SAME}: " + run.show()
    run = govnews(["export", rel], cwd=cwd, timeout=90)
    documented(run, {0})
    tables_whole(d, N_SMALL)
    run = govnews(["report", rel], cwd=cwd, timeout=120)
    documented(run, {0})
    assert (d / "report.html").exists(), "README: report's default output is DIR/report.html"
    n0 = len(p.requests)
    run = govnews(crawl_args(p, rel), cwd=cwd, timeout=120)
    documented(run, {0})
    again = [r for r in p.requests[n0:] if r.startswith("/vi/news/tin-tuc/") and r.endswith(".html")]
    assert not again, f"{Q_CONTINUE}: the copy's crawl fetched articles again: {again}"
    article_rows(d, p)


@pytest.fixture
def read_only(tmp_path):
    """Make a folder read-only for govnews: chmod when not root; a read-only bind mount as root."""
    mounted = []

    def make(src: Path) -> Path:
        if os.geteuid() != 0:
            for q in [src, *src.rglob("*")]:
                if not q.is_symlink():
                    q.chmod(q.stat().st_mode & ~0o222)
            return src
        dst = tmp_path / "chi-doc"
        dst.mkdir()
        r1 = subprocess.run(["mount", "--bind", str(src), str(dst)], capture_output=True, timeout=30)
        r2 = subprocess.run(["mount", "-o", "remount,ro,bind", str(dst)], capture_output=True, timeout=30)
        mounted.append(dst)
        assert r1.returncode == 0 and r2.returncode == 0, \
            f"cannot make a read-only folder as root here: {r1.stderr!r} {r2.stderr!r}"
        return dst

    yield make
    for m in mounted:
        subprocess.run(["umount", "-l", str(m)], capture_output=True, timeout=30)


def test_read_only_copy_reads_and_refuses_writes_in_one_line(small, tmp_path, read_only):
    """Demanding user (a dataset archived on a read-only share) and Q_DISK/Q_REFUSE: export to a
    writable folder, report to a writable file and `reparse --dry-run` (README: 'writes nothing') work
    on a read-only dataset; `reparse` in place refuses in one line (exit 1 or 2) and changes nothing."""
    p, base = small
    src = fresh(base, tmp_path / "data")
    before = snapshot(src)
    d = read_only(src)
    run = govnews(["reparse", d, "--dry-run"], cwd=tmp_path, timeout=90)
    documented(run, {0})
    run = govnews(["export", d, "-o", tmp_path / "exp"], cwd=tmp_path, timeout=90)
    documented(run, {0})
    tables_whole(tmp_path / "exp", N_SMALL)
    run = govnews(["report", d, "-o", tmp_path / "r.html"], cwd=tmp_path, timeout=120)
    documented(run, {0})
    run = govnews(["reparse", d], cwd=tmp_path, timeout=90)
    one_line_error(run, codes=(1, 2))
    assert snapshot(src) == before, "the read-only dataset changed"


def test_symlinked_folder_shares_one_lock_and_sigterm_is_130(small, tmp_path):
    """Q_LOCK; README exit 130: 'interrupted (Ctrl-C or SIGTERM): pages in flight finish, the run is
    recorded as interrupted'; Q_CONTINUE.

    A crawl runs (1 s delay) into `link`, a symlink to `real`. A second crawl into `real` exits 75 at
    once, in one line naming the first's process id. SIGTERM to the first: exit 130, its run recorded
    as interrupted; a crawl again then completes with every article once."""
    p, _ = small
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    n0 = len(p.requests)
    first = Proc(crawl_args(p, link, delay=1.5), tmp_path)
    t0 = time.monotonic()
    while len(p.requests) - n0 < 2 and time.monotonic() - t0 < 30 and first.running():
        time.sleep(0.05)
    assert first.running(), "the first crawl ended too soon for the test"
    second = govnews(crawl_args(p, real), cwd=tmp_path, timeout=30)
    assert second.rc == 75, f"{Q_LOCK} (one folder through a symlink and its real path): " + second.show()
    assert str(first.pid) in second.out and len(second.lines()) <= 2, f"{Q_LOCK}: " + second.show()
    first.signal(signal.SIGTERM)
    r1 = first.wait(60)
    assert r1.rc == 130, f"{Q_CODES}: SIGTERM -> " + r1.show()
    no_traceback(r1)
    runs = [json.loads(x) for x in (real / "logs" / "runs.jsonl").read_text().splitlines() if x.strip()]
    assert runs and runs[-1].get("status") == "interrupted", f"README: recorded as interrupted: {runs[-1:]}"
    run = govnews(crawl_args(p, link), cwd=tmp_path, timeout=120)
    documented(run, {0})
    article_rows(real, p)


def test_older_flat_warc_layout_reparses_and_crawl_goes_on(ds, tmp_path):
    """Q_OLD; Q_CONTINUE. The WARC files moved directly into warc/ (the older layout), the site's
    folder removed: reparse finds every article (exit 0, nothing changed, none 'not in the archive'),
    and the next crawl goes on without fetching the articles again."""
    p, d = ds
    for f in list((d / "warc").glob("*/*")):
        f.rename(d / "warc" / f.name)
    for sub in (d / "warc").iterdir():
        if sub.is_dir():
            sub.rmdir()
    run = govnews(["reparse", d], cwd=tmp_path, timeout=90)
    documented(run, {0})
    assert "0 stored articles not in the archive" in run.out, f"{Q_OLD}: " + run.show()
    assert summary_counts(run) == {"new": 0, "changed": 0, "unchanged": N_SMALL}, f"{Q_REPARSE_SAME}: " + run.show()
    n0 = len(p.requests)
    run = govnews(crawl_args(p, d), cwd=tmp_path, timeout=120)
    documented(run, {0})
    again = [r for r in p.requests[n0:] if r.startswith("/vi/news/tin-tuc/") and r.endswith(".html")]
    assert not again, f"{Q_CONTINUE}: articles fetched again: {again}"
    article_rows(d, p)


def test_unknown_extra_files_are_left_alone(ds, tmp_path):
    """Demanding user: files other tools leave in the folder (notes, .DS_Store, Thumbs.db, a spreadsheet's
    copy of a table, a notebook's scratch file in warc/) change nothing: reparse, export, report and
    crawl all exit 0 and leave them as they were."""
    p, d = ds
    site = next((d / "warc").iterdir())
    extras = {
        d / "ghi chú.txt": b"Ghi ch\xc3\xba c\xe1\xbb\xa7a nh\xc3\xb3m nghi\xc3\xaan c\xe1\xbb\xa9u\n",
        d / ".DS_Store": b"\x00\x00\x00\x01Bud1" + b"\x00" * 64,
        d / "articles (bản sao).csv": b"a;b;c\n1;2;3\n",
        d / "warc" / ".DS_Store": b"\x00\x00\x00\x01Bud1",
        site / "Thumbs.db": b"\xd0\xcf\x11\xe0" + b"\x00" * 60,
        site / "phan-tich.ipynb": b'{"cells": []}\n',
        d / "logs" / "ghi-chu.md": b"# log notes\n",
        d / "shards" / "README.txt": b"do not touch\n",
    }
    for f, b in extras.items():
        f.write_bytes(b)
    run = govnews(["reparse", d], cwd=tmp_path, timeout=90)
    documented(run, {0})
    assert summary_counts(run)["unchanged"] == N_SMALL, run.show()
    for args in (["export", d], ["report", d], crawl_args(p, d)):
        run = govnews(args, cwd=tmp_path, timeout=120)
        documented(run, {0})
    for f, b in extras.items():
        assert f.exists() and f.read_bytes() == b, f"demanding user: {f.relative_to(d)} was changed or removed"
    article_rows(d, p)


# =================================================================================================
# 4. Resource limits
# =================================================================================================
def test_disk_full_during_crawl_stops_in_one_line_and_a_rerun_completes(tmp_path):
    """Q_DISK; Q_ATOMIC; Q_CONTINUE.

    The crawl runs with RLIMIT_FSIZE 150 kB (SIGXFSZ ignored: writes past it fail with EFBIG, as on a
    full disk): it stops with exit 1, names a file of the dataset, leaves no half-written table, and a
    crawl run again without the limit completes with every article once and every WARC readable."""
    p = CommunePortal(n=N_SMALL).start()
    try:
        d = tmp_path / "data"
        run = govnews(crawl_args(p, d), cwd=tmp_path, timeout=120, fsize=150_000)
        documented(run, {1})
        assert re.search(r"(dataset\.sqlite|\.warc|\.csv|\.jsonl|shards/|warc/|logs/)", run.out), \
            f"{Q_DISK}: no file named: " + run.show()
        assert any(w in run.out.lower() for w in CAUSE_WORDS), f"{Q_DISK}: no cause: " + run.show()
        for f in d.glob("*.csv"):
            csv_rows(f)
        for f in d.glob("*.jsonl"):
            jsonl_rows(f)
        run = govnews(crawl_args(p, d), cwd=tmp_path, timeout=120)
        documented(run, {0})
        article_rows(d, p)
        assert not list(d.rglob("*.open")), "an .open WARC left after a complete run"
        for f in warcs(d):
            warc_reads_to_the_end(f)
        tables_whole(d, N_SMALL)
    finally:
        p.stop()


def test_disk_full_during_export_keeps_the_previous_export_whole(ds, tmp_path):
    """Q_ATOMIC; Q_DISK. An export into a folder that already holds a good export, run with
    RLIMIT_FSIZE 8 kB: it ends with a documented code and one line naming a file and the cause;
    every table in the folder still parses whole with all 8 articles, no stray temporary file is
    left, the dataset still loads, and the export run again without the limit exits 0."""
    p, d = ds
    exp = tmp_path / "exp"
    run = govnews(["export", d, "-o", exp], cwd=tmp_path, timeout=90)
    documented(run, {0})
    names = sorted(x.name for x in exp.iterdir())
    run = govnews(["export", d, "-o", exp], cwd=tmp_path, timeout=90, fsize=8_192)
    one_line_error(run, codes=(1, 2))
    assert any(w in run.out.lower() for w in CAUSE_WORDS), f"{Q_DISK}: no cause: " + run.show()
    assert sorted(x.name for x in exp.iterdir()) == names, \
        f"{Q_ATOMIC}: stray files left: {sorted(set(x.name for x in exp.iterdir()) - set(names))}"
    tables_whole(exp, N_SMALL)
    article_rows(d, p)
    run = govnews(["export", d, "-o", exp], cwd=tmp_path, timeout=90)
    documented(run, {0})
    tables_whole(exp, N_SMALL)


def test_crawl_under_a_tiny_address_space_ends_with_one_line(tmp_path):
    """Q_CODES; Q_ENDS. A crawl under RLIMIT_AS 300 MB (too little to load the libraries) must end by
    itself with a documented code and ONE line saying what is wrong (exit 70: 'one line; the traceback
    in logs/<run_id>.crash.txt'), not a page of a library's advice."""
    p = CommunePortal(n=N_SMALL).start()
    try:
        d = tmp_path / "data"
        run = govnews(crawl_args(p, d), cwd=tmp_path, timeout=120, as_=300 * 1024 * 1024)
        if run.rc == 0:
            article_rows(d, p)
            return
        one_line_error(run, codes=(1, 2, 70))
    finally:
        p.stop()


def test_reparse_out_of_memory_midway_writes_nothing_half(big, tmp_path):
    """Q_ATOMIC; Q_CODES; Q_REPARSE_SAME. reparse of 40 long articles under RLIMIT_AS 400 MB runs out
    of memory midway: it ends by itself in one line with a documented code; the dataset still holds
    every article once with its fields, and a reparse without the limit then changes nothing."""
    p, base = big
    d = fresh(base, tmp_path / "data")
    run = govnews(["reparse", d], cwd=tmp_path, timeout=150, as_=400 * 1024 * 1024)
    if run.rc != 0:
        one_line_error(run, codes=(1, 2, 70))
    article_rows(d, p)
    run = govnews(["reparse", d], cwd=tmp_path, timeout=150)
    documented(run, {0})
    assert summary_counts(run) == {"new": 0, "changed": 0, "unchanged": N_BIG}, f"{Q_REPARSE_SAME}: " + run.show()


def test_three_sites_with_64_open_files(tmp_path):
    """Demanding user (docs/scale.md: a crawl is small): three portals crawled at once (one site per
    seed host) with RLIMIT_NOFILE 64 complete normally (exit 0, 24 articles), and a reparse under the
    same limit changes nothing."""
    ps = [CommunePortal(n=N_SMALL).start() for _ in range(3)]
    try:
        d = tmp_path / "data"
        run = govnews(crawl_args(ps[0], d, seeds=[q.url for q in ps]), cwd=tmp_path, timeout=150, nofile=64)
        documented(run, {0})
        for q in ps:
            article_rows(d, q)
        run = govnews(["reparse", d], cwd=tmp_path, timeout=120, nofile=64)
        documented(run, {0})
        assert summary_counts(run) == {"new": 0, "changed": 0, "unchanged": 3 * N_SMALL}, run.show()
    finally:
        for q in ps:
            q.stop()


# =================================================================================================
# 5. Killed and concurrent runs
# =================================================================================================
def _start_and_wait_a_bit(args, cwd, seconds):
    pr = Proc(args, cwd)
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds and pr.running():
        time.sleep(0.05)
    return pr


def test_reparse_sigkilled_midway_then_rerun_keeps_each_article_once(big, tmp_path):
    """README: 'A killed run loses nothing committed: run it again and it goes on'; the lock 'of a
    process that died is taken over'; Q_REPARSE_SAME; Q_ATOMIC.

    reparse SIGKILLed ~2.5 s in (of ~6 s); reparse again: exit 0, nothing new; every article once
    with its fields, the observations as before; a dry run then would change nothing."""
    p, base = big
    d = fresh(base, tmp_path / "data")
    obs = len(load(d).observations)
    pr = _start_and_wait_a_bit(["reparse", d], tmp_path, 2.5)
    assert pr.running(), "reparse ended before it could be killed (the test needs it midway)"
    _kill_group(pr.p)
    pr.wait(30)
    run = govnews(["reparse", d], cwd=tmp_path, timeout=150)
    documented(run, {0})
    c = summary_counts(run)
    assert c["new"] == 0 and c["new"] + c["changed"] + c["unchanged"] == N_BIG, run.show()
    arts = article_rows(d, p)
    assert len(arts) == N_BIG and arts["url"].is_unique, f"{len(arts)} article rows"
    assert len(load(d).observations) == obs, "observations changed by a killed reparse and its rerun"
    run = govnews(["reparse", d, "--dry-run"], cwd=tmp_path, timeout=150)
    documented(run, {0})
    assert re.search(r"0 would be new, 0 would change", run.out), f"{Q_REPARSE_SAME}: " + run.show()


def test_reparse_sigterm_midway_exits_130_and_rerun_changes_nothing(big, tmp_path):
    """README exit 130: 'interrupted (Ctrl-C or SIGTERM)'; Q_ENDS; Q_REPARSE_SAME.

    reparse gets SIGTERM ~2.5 s in: it ends within 30 s with 130 (no traceback); reparse again: exit
    0, nothing new or changed, every article once."""
    p, base = big
    d = fresh(base, tmp_path / "data")
    pr = _start_and_wait_a_bit(["reparse", d], tmp_path, 2.5)
    assert pr.running(), "reparse ended before it could be signalled"
    pr.signal(signal.SIGTERM)
    r = pr.wait(30)
    assert r.rc == 130, f"{Q_CODES}: reparse after SIGTERM -> " + r.show()
    no_traceback(r)
    run = govnews(["reparse", d], cwd=tmp_path, timeout=150)
    documented(run, {0})
    assert summary_counts(run) == {"new": 0, "changed": 0, "unchanged": N_BIG}, f"{Q_REPARSE_SAME}: " + run.show()
    article_rows(d, p)


def test_two_reparses_at_once_on_one_dataset(big, tmp_path):
    """Demanding user (README: the dataset's lock; 75 'another harvest holds the lock'): two reparses
    started together on one folder both end by themselves, each with 0 or 75 (at least one 0; a 75 in
    one line naming the holder's process), no traceback, and the dataset then holds every article once;
    a third reparse changes nothing."""
    p, base = big
    d = fresh(base, tmp_path / "data")
    a = Proc(["reparse", d], tmp_path)
    b = Proc(["reparse", d], tmp_path)
    ra, rb = a.wait(150), b.wait(150)
    for r, other in ((ra, a), (rb, b)):
        documented(r, {0, 75})
    assert 0 in (ra.rc, rb.rc), "neither reparse ran: " + ra.show() + "\n" + rb.show()
    for r, other in ((ra, b), (rb, a)):
        if r.rc == 75:
            assert str(other.pid) in r.out and len(r.lines()) <= 2, f"{Q_LOCK}: " + r.show()
    arts = article_rows(d, p)
    assert len(arts) == N_BIG
    run = govnews(["reparse", d], cwd=tmp_path, timeout=150)
    documented(run, {0})
    assert summary_counts(run) == {"new": 0, "changed": 0, "unchanged": N_BIG}, f"{Q_REPARSE_SAME}: " + run.show()


def test_export_while_a_reparse_runs_writes_whole_tables(big, tmp_path):
    """Q_ATOMIC; demanding user: an export started while a reparse rewrites the records ends by itself
    (0, or 75 in one line), and when it exits 0 every table it wrote is whole (articles: 40 rows, each
    once); the reparse exits 0."""
    p, base = big
    d = fresh(base, tmp_path / "data")
    rp = _start_and_wait_a_bit(["reparse", d], tmp_path, 1.5)
    exp = tmp_path / "exp"
    ex = govnews(["export", d, "-o", exp, "--format", "csv"], cwd=tmp_path, timeout=150)
    rr = rp.wait(150)
    documented(rr, {0})
    documented(ex, {0, 75})
    if ex.rc == 0:
        rows = csv_rows(exp / "articles.csv")
        assert len(rows) == N_BIG and len({r["url"] for r in rows}) == N_BIG, \
            f"{Q_ATOMIC}: articles.csv written during a reparse has {len(rows)} rows"
    else:
        assert len(ex.lines()) <= 2, ex.show()


# =================================================================================================
# 6. Export paths
# =================================================================================================
def test_export_onto_an_existing_file_is_refused_in_one_line(ds, tmp_path):
    """Q_REFUSE ('any output folder that cannot be written ... exit 2'). `export -o` naming an
    existing file (the researcher's notes) exits 2 in one line naming it, and the file is untouched."""
    p, d = ds
    f = tmp_path / "ghi-chu.txt"
    f.write_bytes(b"du lieu quan trong\n")
    run = govnews(["export", d, "-o", f], cwd=tmp_path, timeout=90)
    one_line_error(run, codes=(2,), names=("ghi-chu.txt",))
    assert f.read_bytes() == b"du lieu quan trong\n"


def test_export_into_a_new_nested_folder_named_in_vietnamese(ds, tmp_path):
    """Demanding user (crawl's -o is 'created'; README 'bad ... path: one line says what is wrong'):
    `export -o 'Kết quả xuất/đợt 1 (tháng 12)'` whose parent does not exist either creates it (exit 0,
    tables whole, loadable, and report reads it) or refuses in one line naming it (exit 2)."""
    p, d = ds
    out = tmp_path / "Kết quả xuất" / "đợt 1 (tháng 12)"
    run = govnews(["export", d, "-o", out], cwd=tmp_path, timeout=90)
    if run.rc == 2:
        one_line_error(run, codes=(2,))
        assert "đợt 1" in run.out, run.show()
        return
    documented(run, {0})
    tables_whole(out, N_SMALL)
    arts = load(out).articles
    assert set(arts["headline"].astype(str)) == {a.title for a in p.articles}
    run = govnews(["report", out, "-o", out / "báo cáo.html", "--lang", "vi"], cwd=tmp_path, timeout=120)
    documented(run, {0})
    assert (out / "báo cáo.html").exists()
