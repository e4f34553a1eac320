"""`govnews parse` on good and bad input: a record with nulls and warnings, or one clear error
line and exit code 2; never a traceback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govnews.output.schema import validate_article
from govnews.scraper.cli import main

GOLDEN = Path(__file__).parent.parent / "fixtures" / "golden" / "lacviet"
SEED_URL = "https://thanhphobaclieu.baclieu.gov.vn/tintuc/lists/posts/post.aspx?Source=%2ftintuc&ItemID=8861&Mode=1"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_saved_page_prints_one_record(capsys):
    code, out, err = run(capsys, "parse", str(GOLDEN / "8861.html"), "--url", SEED_URL)
    assert code == 0 and err == ""
    record = json.loads(out)
    assert record["headline"].startswith("Triển khai kế hoạch Ngày hội")
    assert record["view_count"] == 122 and record["visitor_counter"] == 5576474
    assert record["url"] == "https://thanhphobaclieu.baclieu.gov.vn/tintuc/lists/posts/post.aspx?itemid=8861&mode=1"
    assert validate_article(record) == []


def test_profiles_lists_lacviet_and_generic(capsys):
    code, out, _ = run(capsys, "profiles")
    assert code == 0 and "lacviet" in out and "generic" in out


def test_forced_generic_profile(capsys):
    code, out, _ = run(capsys, "parse", str(GOLDEN / "8861.html"), "--url", SEED_URL,
                       "--profile", "generic")
    record = json.loads(out)
    assert code == 0 and record["platform"] == "generic"
    assert record["published_at"] == "2020-08-04T16:20:00+07:00"


def test_unknown_profile_is_one_line_exit_2(capsys):
    code, out, err = run(capsys, "parse", str(GOLDEN / "8861.html"), "--profile", "nope")
    assert code == 2 and out == "" and err.count("\n") == 1 and "nope" in err


@pytest.mark.parametrize("name,content", [
    ("empty.html", b""),
    ("blank.html", b"   \n\t  "),
])
def test_empty_file_is_one_line_exit_2(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, "parse", str(path))
    assert code == 2 and out == "" and err.count("\n") == 1 and "empty" in err


def test_missing_file_and_folder(tmp_path, capsys):
    code, out, err = run(capsys, "parse", str(tmp_path / "nope.html"))
    assert code == 2 and "no such file" in err and err.count("\n") == 1
    code, out, err = run(capsys, "parse", str(tmp_path))
    assert code == 2 and "no pages" in err and err.count("\n") == 1


@pytest.mark.parametrize("content", [
    bytes(range(256)) * 40,                                     # binary
    b"\x89PNG\r\n\x1a\n" + b"\x00\xff" * 500,                   # an image
    (GOLDEN / "8861.html").read_bytes()[:3000],                 # truncated page
    b"<html><body><div>Trang ch\xe1\xbb\xa7</div><ul><li><a href='/a'>A</a></li></ul></body></html>",
    b"<<<>>><<html<body<<p>>\x00\x00",                            # garbage markup
])
def test_bad_pages_give_a_valid_record_with_warnings(tmp_path, capsys, content):
    path = tmp_path / "page.html"
    path.write_bytes(content)
    code, out, err = run(capsys, "parse", str(path), "--url", "https://x.gov.vn/a.html")
    assert code in (0, 1, 2)
    if code == 2:
        assert out == "" and err.count("\n") == 1
        return
    record = json.loads(out)
    assert record["warnings"], "a page that is not a full article must say why"
    assert validate_article(record) == []


def test_truncated_seed_keeps_what_it_found(tmp_path, capsys):
    data = (GOLDEN / "8861.html").read_bytes()
    cut = data[: data.index("Thông qua ngày hội".encode()) ]
    path = tmp_path / "cut.html"
    path.write_bytes(cut)
    code, out, _ = run(capsys, "parse", str(path), "--url", SEED_URL)
    record = json.loads(out)
    assert code == 0
    assert record["headline"].startswith("Triển khai kế hoạch")
    assert record["published_at"] == "2020-08-04T16:20:00+07:00"
    assert record["body"].startswith("Ngày 03/8/2020")
