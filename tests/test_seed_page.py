"""The real Bạc Liêu city article (shared/seeds) as the demo portal reproduces it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govnews.parsers.extract import parse_page

GOLDEN = Path(__file__).parent.parent / "fixtures" / "golden" / "lacviet"


@pytest.fixture(scope="module")
def seed():
    meta = json.loads((GOLDEN / "8861.meta.json").read_text("utf-8"))
    page = parse_page((GOLDEN / "8861.html").read_bytes(), meta["url"], meta["headers"])
    assert page.kind == "article"
    return page.article


def test_headline(seed):
    assert seed.headline == "Triển khai kế hoạch Ngày hội toàn dân Bảo vệ an ninh Tổ quốc năm 2020"


def test_published_at(seed):
    assert seed.published_at == "2020-08-04T16:20:00+07:00"
    assert seed.published_at_raw == "Thứ Ba, 04/08/2020, 16:20"


def test_category_author_counts(seed):
    assert (seed.category, seed.author, seed.view_count, seed.visitor_counter) == \
        ("Tin tức sự kiện", "Nguyễn Thanh", 122, 5576474)


def test_body_span(seed):
    assert seed.body.startswith("Ngày 03/8/2020, Ban Chỉ đạo 138")
    assert seed.body.endswith("ở địa phương.")
    assert seed.body.count("\n\n") == 7


@pytest.mark.parametrize("chrome", ["Bản in", "Quay lại", "TIN MỚI HƠN", "TIN ĐÃ ĐƯA",
                                    "Xem theo ngày", "Nguyễn Thanh", "Số lượt người xem",
                                    "SỐ LƯỢT TRUY CẬP"])
def test_body_has_no_chrome(seed, chrome):
    assert chrome not in seed.body


def test_seed_text_paragraphs_all_in_body(seed):
    seed_text = next((Path(__file__).parents[2] / "shared" / "seeds").glob("*.txt"), None)
    if seed_text is None:
        pytest.skip("../shared/seeds is not beside the checkout")
    lines = [" ".join(l.split()) for l in seed_text.read_text("utf-8").splitlines()]
    start = lines.index(next(l for l in lines if l.startswith("Ngày 03/8/2020")))
    end = lines.index(next(l for l in lines if l.endswith("ở địa phương.")))
    paragraphs = [l for l in lines[start:end + 1] if l]
    assert seed.body.split("\n\n") == paragraphs
