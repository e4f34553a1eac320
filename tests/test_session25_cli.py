"""What the fifth new user's walk found in the output folders: a crawl, a harvest or the demo into a
folder of exported tables overwrote them without a word, an export into another dataset's folder
wrote tables that disagree with its dataset.sqlite, and a folder that cannot be written was an
exit 1 'nothing was fetched' from the lock. Each is now one line and exit 2 before anything is
written."""
from __future__ import annotations

import os

import pytest

from govnews.output.store import Store
from govnews.scraper.cli import EXIT_OK, EXIT_USAGE, main


def _run(argv, capsys) -> tuple[int, str]:
    rc = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return rc, captured.out + captured.err


def _export_folder(path):
    path.mkdir()
    (path / "articles.csv").write_text("article_id,url\nx,http://a.example/1\n", encoding="utf-8")
    (path / "articles.jsonl").write_text('{"article_id": "x"}\n', encoding="utf-8")
    return {p.name: p.read_bytes() for p in path.iterdir()}


def _dataset(path):
    with Store.open(path):
        pass
    return path


@pytest.mark.parametrize("command", [["crawl", "http://127.0.0.1:9/", "--allow-private", "-o"], ["demo", "-o"]])
def test_a_folder_of_exported_tables_is_no_output_folder(tmp_path, capsys, command):
    before = _export_folder(tmp_path / "export")
    rc, out = _run([*command, tmp_path / "export"], capsys)
    assert rc == EXIT_USAGE, out
    assert "holds exported tables" in out and len(out.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in (tmp_path / "export").iterdir()} == before


def test_a_harvest_into_a_folder_of_exported_tables_is_refused(tmp_path, capsys):
    before = _export_folder(tmp_path / "data")
    config = tmp_path / "sites.toml"
    config.write_text(f'[harvest]\noutput = "{tmp_path / "data"}"\nallow_private = true\n[[sites]]\nname = "a"\n'
                      'start_urls = ["http://127.0.0.1:9/"]\n', encoding="utf-8")
    rc, out = _run(["harvest", "-c", config], capsys)
    assert rc == EXIT_USAGE, out
    assert {p.name: p.read_bytes() for p in (tmp_path / "data").iterdir()} == before


def test_an_export_into_another_datasets_folder_is_refused(tmp_path, capsys):
    source, other = _dataset(tmp_path / "source"), _dataset(tmp_path / "other")
    rc, out = _run(["export", source, "--format", "csv", "-o", other], capsys)
    assert rc == EXIT_USAGE, out
    assert "holds another dataset" in out
    assert not (other / "articles.csv").exists()


def test_an_export_into_an_earlier_export_or_the_dataset_itself_is_fine(tmp_path, capsys):
    """Guards: re-exporting into the same export folder, or into the dataset's own folder."""
    source = _dataset(tmp_path / "source")
    _export_folder(tmp_path / "export")
    rc, out = _run(["export", source, "--format", "csv", "-o", tmp_path / "export"], capsys)
    assert rc == EXIT_OK, out
    rc, out = _run(["export", source, "--format", "csv", "-o", source], capsys)
    assert rc == EXIT_OK, out
    assert (source / "articles.csv").exists()


def test_a_folder_that_cannot_be_written_is_a_bad_path(tmp_path, capsys, monkeypatch):
    """(A read-only mount: root may write anywhere else, so the check is os.access, as here.)"""
    target = tmp_path / "ro"
    target.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if str(p) == str(target) and mode == os.W_OK
                        else real(p, mode, *a, **k))
    rc, out = _run(["crawl", "http://127.0.0.1:9/", "--allow-private", "-o", target], capsys)
    assert rc == EXIT_USAGE, out
    assert "cannot be written" in out and "nothing was fetched" not in out
    assert not list(target.iterdir())


_LISTING = ("<html><head><meta charset='utf-8'><title>Tin tức - Cổng thông tin điện tử xã Hiệp Hòa</title></head><body>"
            "<h1>Tin tức - Sự kiện</h1><ul class='list-news'>"
            + "".join(f"<li><a href='/tin-tuc-su-kien/hoi-nghi-so-{i}-doi-thoai-voi-nhan-dan-{7100 + i}/'>Hội nghị số {i} "
                      f"đối thoại với Nhân dân về giải phóng mặt bằng</a> <span>({i}/8/2025)</span></li>"
                      for i in range(1, 16))
            + "</ul></body></html>")


@pytest.mark.parametrize("url", [None, "https://hiephoa.bacninh.gov.vn/tin-tuc-su-kien/"])
def test_parse_of_a_listing_is_a_failed_page(tmp_path, capsys, url):
    """README: 'a page that ... holds no article is still a line, with the reason in warnings; the
    exit code is then 1' (it was exit 0 with a record that looked whole). A saved page's warning
    no longer counts '0 article links' (its links lead off its file:// address)."""
    import json
    page = tmp_path / "list.html"
    page.write_text(_LISTING, encoding="utf-8")
    rc, out = _run(["parse", page, *(["--url", url] if url else [])], capsys)
    assert rc == 1, out
    warnings = json.loads(out)["warnings"]
    assert any(w.startswith("not an article page (looks like a listing") for w in warnings), warnings
    assert not any("0 article links" in w for w in warnings), warnings


def test_parse_of_an_unreachable_url_is_a_failed_page_not_bad_usage(capsys):
    """One URL that does not answer: its record with the reason, exit 1, as with two URLs (it was
    exit 2, 'bad usage', with no record)."""
    import json
    import socket
    with socket.socket() as s:                 # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    rc, out = _run(["parse", f"http://127.0.0.1:{port}/tin-tuc/bai-1.html"], capsys)
    assert rc == 1, out
    record = json.loads(out[out.index("{"):])
    assert record["headline"] is None and any("cannot fetch" in w for w in record["warnings"]), record


def test_an_unwritable_export_names_the_users_file_not_the_temporary_one(tmp_path, monkeypatch):
    """Fifth walk: 'report -o' on a read-only folder named '.r.html.d1cab7ac.tmp'."""
    import errno
    from govnews.output.writers import atomic_write
    real = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith(".tmp"):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(OSError) as caught:
        with atomic_write(tmp_path / "r.html") as fh:
            fh.write("x")
    assert caught.value.filename == str(tmp_path / "r.html") and caught.value.errno == errno.EROFS
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("command, says, never", [
    (["reparse", "DATA"], "run it again to finish", "goes on where"),
    (["demo", "-o", "DATA"], "next demo starts afresh", "goes on where"),
    (["crawl", "http://127.0.0.1:9/", "--allow-private", "-o", "DATA"], "goes on where this one stopped", "afresh"),
])
def test_the_interrupted_line_says_what_the_next_run_of_that_command_does(tmp_path, capsys, monkeypatch,
                                                                          command, says, never):
    """Fifth walk: after Ctrl-C, reparse and demo said 'the next run goes on where this one
    stopped': reparse has nothing to resume (it commits as it goes), a demo starts over."""
    from govnews.scraper import cli

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setitem(cli.COMMANDS, command[0], interrupted)
    rc, out = _run([tmp_path if a == "DATA" else a for a in command], capsys)
    assert rc == 130
    assert says in out and never not in out, out


def test_a_log_file_stamps_utc_and_v_prints_the_summary_once(tmp_path, capsys):
    """Fifth walk: `--log-file` times had no zone (the dataset's times are UTC), and `-v` printed the
    run's summary line twice (the INFO record for the log file, then the line itself)."""
    import re
    log = tmp_path / "run.log"
    rc, out = _run(["crawl", "http://127.0.0.1:9/", "--allow-private", "-o", tmp_path / "data", "-v",
                    "--log-file", log, "--max-pages", "1"], capsys)
    assert out.count("harvested 0 articles") == 1, out
    stamps = [line.split(" ", 1)[0] for line in log.read_text("utf-8").splitlines() if line[:2] == "20"]
    assert stamps and all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", s) for s in stamps), stamps
    assert "harvested 0 articles" in log.read_text("utf-8")


def test_stories_parquet_times_are_nanoseconds_like_the_other_tables(tmp_path):
    """Fifth walk: stories.parquet's published_at came back datetime64[us, …] (pandas 3 infers the
    unit from ISO strings), the other tables' [ns, …]."""
    import pandas as pd
    from govnews.output.stories import stories_frame
    from govnews.output.writers import write_parquet
    frame = stories_frame([{"story_id": "s1", "article_id": "a1", "site": "x", "published_at": "2020-08-04T16:20:00+07:00",
                            "similarity": 1.0, "is_origin": True, "lag_hours": 0.0}])
    assert str(frame["published_at"].dtype) == "datetime64[ns, Asia/Ho_Chi_Minh]"
    write_parquet(tmp_path / "stories.parquet", frame)
    assert str(pd.read_parquet(tmp_path / "stories.parquet")["published_at"].dtype) == "datetime64[ns, Asia/Ho_Chi_Minh]"


@pytest.mark.parametrize("url, want", [
    ("http://a.gov.vn/tin-tuc/bai-1.html?_t=E67507E0FC", "http://a.gov.vn/tin-tuc/bai-1.html"),
    ("http://a.gov.vn/tin-tuc/bai-1.html?_=1700000000000&id=5", "http://a.gov.vn/tin-tuc/bai-1.html?id=5"),
    ("http://a.gov.vn/tin/chi-tiet.php?id=2841&_dc=abc123XYZ", "http://a.gov.vn/tin/chi-tiet.php?id=2841"),
    ("http://a.gov.vn/tin-tuc/bai-1.html?_t=news", "http://a.gov.vn/tin-tuc/bai-1.html?_t=news"),     # a word
    ("http://forum.a.gov.vn/viewtopic.php?t=123456", "http://forum.a.gov.vn/viewtopic.php?t=123456"),  # not '_t'
])
def test_a_cache_buster_selects_no_page(url, want):
    """Hostile 8: a theme's script appended '?_t=<random>' to every link; each answer made six
    articles new addresses, so a crawl fetched each 8-9 times and stored it under a token that
    the next run would not meet (a new article_id each night)."""
    from govnews.parsers.extract import url_rules
    from govnews.parsers.urls import canonical_url
    assert canonical_url(url, url_rules()) == want


def test_a_page_of_too_many_links_is_read_up_to_the_cap_with_a_warning():
    """Hostile 8: a listing of half a million links took 25-39 s and 370 MB to queue. A page's first
    MAX_PAGE_LINKS links are read, and the page says the rest were not."""
    from govnews.parsers.extract import parse_page
    from govnews.parsers.listing import MAX_PAGE_LINKS
    links = "".join(f"<li><a href='/tin-tuc/bai-so-{i}.html'>Bài viết số {i} về hoạt động của xã</a></li>"
                    for i in range(MAX_PAGE_LINKS + 5000))
    page = parse_page(f"<html><body><h1>Tin tức</h1><ul>{links}</ul></body></html>".encode(),
                      "http://a.gov.vn/tin-tuc/", {}, links=True)
    assert page.kind == "listing"
    assert 0 < len(page.listing.article_links) <= MAX_PAGE_LINKS
    assert any(f"more than {MAX_PAGE_LINKS} links" in w for w in page.warnings), page.warnings


def test_a_file_given_as_the_dataset_says_so_and_a_small_export_names_its_files(tmp_path, capsys):
    """Fifth walk: 'report FILE' said 'no such dataset folder' (the file exists); 'export --format
    wacz' said 'wrote 1 file' without naming it."""
    page = tmp_path / "page.html"
    page.write_text("<html></html>", encoding="utf-8")
    rc, out = _run(["report", page], capsys)
    assert rc == EXIT_USAGE and "a file, not a dataset folder" in out, out
    source = _dataset(tmp_path / "source")
    rc, out = _run(["export", source, "--format", "csv", "-o", tmp_path / "out"], capsys)
    assert rc == EXIT_OK and "articles.csv" in out, out
