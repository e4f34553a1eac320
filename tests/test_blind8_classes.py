"""The failure classes of the eighth blind set, each on a small page of its own (other wording,
other markup than the blind pages): the rules read structure and labels, not those pages."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

HEADLINE = "Xã Tân Phú ra quân làm đường giao thông nông thôn tháng 11"
PROSE = ("Sáng 02/11, Ủy ban nhân dân xã tổ chức ra quân làm mới 3,2 km đường bê tông nội đồng với sự "
         "tham gia của hơn 400 người dân và đoàn viên thanh niên trên địa bàn các ấp.")
PROSE2 = ("Tổng kinh phí thực hiện hơn 1,8 tỷ đồng, trong đó nhân dân đóng góp 40% bằng tiền mặt, ngày "
          "công lao động và hiến đất mở rộng mặt đường.")
URL = "https://tanphu.example.gov.vn/tin-tuc/ra-quan-lam-duong-giao-thong-nong-thon-2101"


def _parse(body: str, url: str = URL, profile: str | None = None, head: str = "<title>UBND xã</title>"):
    html = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">{head}'
            f"</head><body>{body}</body></html>").encode("utf-8")
    return parse_page(html, url, profile=profile).article


def _article(meta: str = "", sign: str = "") -> str:
    return (f'<div class="detail"><h1>{HEADLINE}</h1><div class="meta">04/11/2025 08:15 {meta}</div>'
            f'<div class="content"><p>{PROSE}</p><p>{PROSE2}</p>{sign}</div></div>')


@pytest.mark.parametrize("meta, views", [
    ("| Số lần đọc: 3.702", 3702),
    ("<span>Lượt xem bài viết: 615</span>", 615),
    ('<span class="hits">Xem: 1.009</span>', 1009),
    ("- Đã đọc: 88", 88),
])
def test_view_count_phrasings(meta, views):
    assert _parse(_article(meta), profile="generic").view_count == views


def test_side_box_of_entries_in_a_table_row_is_not_the_headline():
    box = ('<table><tr><td class="tieude">THÔNG BÁO MỚI</td></tr>'
           '<tr><td><a href="/tb/1"><b>Thông báo số 15/TB-UBND</b></a><br/>Về lịch tiếp công dân tháng 11</td></tr>'
           '<tr><td><a href="/tb/2"><b>Kế hoạch số 88/KH-UBND</b></a><br/>Tổ chức ngày hội đại đoàn kết</td></tr>'
           '</table>')
    page = (f'<table><tr><td class="left">{box}</td><td class="main">'
            f'<b><font size="3">{HEADLINE}</font></b><br/><span>Ngày đăng: 04/11/2025 08:15</span>'
            f'<div>{PROSE}</div><div>{PROSE2}</div></td></tr></table>')
    a = _parse(page, profile="generic")
    assert a.headline == HEADLINE
    assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_styled_headline_naming_a_month_is_the_headline():
    page = (f'<div class="box"><div class="box-head"><h3 class="box-title">TIN HOẠT ĐỘNG</h3></div>'
            f'<div class="box-body"><div style="font-weight:bold;font-size:19px">{HEADLINE}</div>'
            f'<div style="font-size:12px">Ngày đăng tin: 04/11/2025 08:15</div>'
            f'<div class="text"><p>{PROSE}</p><p>{PROSE2}</p></div></div></div>')
    assert _parse(page, profile="generic").headline == HEADLINE


def test_widget_titles_over_a_date_picker_or_counter_digits_are_not_the_headline():
    digits = "".join(f'<img src="/img/so/{d}.gif" alt="{d}"/>' for d in "0451287")
    side = ('<div class="BoxTitle">TRA CỨU THEO NGÀY</div><div><input type="text" name="ngay" value="04/11/2025"/>'
            f'<input type="submit" value="Xem"/></div><div class="BoxTitle">THỐNG KÊ TRUY CẬP</div><div>{digits}</div>')
    page = (f'<table><tr><td>{side}</td><td><p class="Title">{HEADLINE}</p><p>04/11/2025</p>'
            f'<div class="body"><p>{PROSE}</p><p>{PROSE2}</p></div></td></tr></table>')
    a = _parse(page, profile="generic")
    assert a.headline == HEADLINE
    assert a.visitor_counter == 451287


@pytest.mark.parametrize("signature", [
    "Trung tá Võ Minh Quang - Phòng Tham mưu",
    "BS. Trần Thị Mỹ Lệ - Khoa Nhi",
    "Đội 3 - Công an huyện",
])
def test_signature_with_title_and_unit_is_the_author_as_printed(signature):
    sign = f'<p style="text-align:right"><strong>{signature}</strong></p>'
    a = _parse(_article(sign=sign), profile="generic")
    assert a.author == signature
    assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_several_ranked_writers_on_a_labelled_line():
    sign = '<p class="text-right"><strong>Tác giả: </strong>Thượng tá Hồ Văn Lộc, Thiếu úy Lê Thị Na</p>'
    a = _parse(_article(sign=sign), profile="generic")
    assert a.author == "Thượng tá Hồ Văn Lộc, Thiếu úy Lê Thị Na"
    assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_writer_credit_before_the_photographers():
    sign = '<p style="text-align:right"><strong>Tin: Ngọc Hân - Ảnh: Minh Trí</strong></p>'
    assert _parse(_article(sign=sign), profile="generic").author == "Ngọc Hân"


def test_statistics_table_without_a_title_is_the_counter():
    stats = ('<div class="foot"><table class="tk"><tr><td>Đang xem</td><td>31</td></tr>'
             '<tr><td>Hôm nay</td><td>1.402</td></tr><tr><td>Hôm qua</td><td>2.288</td></tr>'
             '<tr><td>Tổng</td><td>2.006.417</td></tr></table></div>')
    a = _parse(_article() + stats, profile="generic")
    assert (a.visitor_counter, a.site_counters.get("online"), a.site_counters.get("today")) == (2006417, 31, 1402)


def test_english_total_visits_counter():
    stats = ('<section><h2>SITE STATISTICS</h2><table><tr><td>Online:</td><td>12</td></tr>'
             '<tr><td>Total visits:</td><td>3,118,004</td></tr></table></section>')
    page = (f'<div class="detail"><h1>Tan Phu commune builds rural roads</h1><p>Posted: November 4, 2025</p>'
            f'<div class="content"><p>{"The commune opened 3.2 km of new concrete roads this month. " * 3}</p>'
            f'</div></div>{stats}')
    a = _parse(page, url="https://tanphu.example.gov.vn/en/news/rural-roads", profile="generic")
    assert a.visitor_counter == 3118004


def test_breadcrumb_without_a_list_ends_with_the_category():
    crumb = ('<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a> » '
             '<span>Kinh tế - Xã hội</span></div>')
    assert _parse(crumb + _article(), profile="generic").category == "Kinh tế - Xã hội"


def test_cms_account_in_the_profiles_author_yields_to_the_signature():
    def page(sign: str) -> str:
        return (f'<article class="post type-post"><h1 class="entry-title">{HEADLINE}</h1>'
                '<div class="entry-meta"><time class="entry-date published" datetime="2025-11-04T08:15:00+07:00">'
                '04/11/2025</time> <span class="byline">bởi <span class="author vcard"><a class="url fn n" '
                'href="/author/quantri/">quantri</a></span></span></div>'
                f'<div class="entry-content"><p>{PROSE}</p><p>{PROSE2}</p>{sign}</div></article>')
    head = '<title>UBND xã</title><meta name="generator" content="WordPress 6.4.2">'
    signed = _parse(page('<p class="has-text-align-right"><strong>Hữu Phước</strong></p>'), head=head)
    assert signed.platform == "wordpress"
    assert signed.author == "Hữu Phước"
    assert _parse(page(""), head=head).author is None


def test_read_more_line_inside_the_text_is_not_body():
    sign = '<p>Xem thêm: <a href="/tin-tuc/xa-tan-phu-hoan-thanh-nong-thon-moi-2090">Xã Tân Phú hoàn thành nông thôn mới</a></p>'
    a = _parse(_article(sign=sign), profile="generic")
    assert a.body == f"{PROSE}\n\n{PROSE2}"
