"""The classes of VN set 31 (blind: portals after the 2025 reorganisation and their archives), each
on a small page of its own: a side box of linked titles sharing the profile's headline markup before
the article; a writer's name and unit printed as two right-aligned lines of their own; a list whose
items are each only a date, after the line that leads into it. Each case fails on the parsers
before the fix (the headline on the profiled page only; the generic extractor read it already)."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

_TEXT = ["Căn cứ Nghị quyết của Hội đồng nhân dân huyện về dự toán ngân sách năm 2024, Ủy ban nhân dân huyện "
         "công khai số liệu dự toán thu, chi ngân sách địa phương để nhân dân biết và giám sát.",
         "Tổng thu ngân sách trên địa bàn dự kiến đạt 1.246 tỷ đồng, tăng 8% so với ước thực hiện năm 2023; chi "
         "đầu tư phát triển chiếm 41% tổng chi ngân sách huyện."]


def _haiphong(side_box: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in _TEXT)
    return ('<html><head><meta charset="utf-8"><title>Cổng thông tin điện tử huyện Kiến Thụy</title></head><body>'
            '<div class="header">UBND HUYỆN KIẾN THỤY</div><div class="col-left"><div class="box">'
            f'<h3 class="box-title">TIN MỚI</h3><div class="box-body"><ul class="tinmoi">{side_box}</ul></div></div></div>'
            '<div class="col-main"><div class="divBreadcrumb"><a href="/">Trang chủ</a> / '
            '<a href="/Portal/Default.aspx?MenuID=4195">Công khai ngân sách</a></div>'
            '<div class="divDetail_Title">Công khai dự toán ngân sách huyện Kiến Thụy năm 2024</div>'
            '<div class="divDetail_DateCreate">18/12/2023 08:05</div>'
            f'<div class="divDetail_Content">{paragraphs}</div></div></body></html>').encode()


def test_a_side_boxs_linked_titles_in_the_headline_markup_are_not_the_headline():
    items = "".join(f'<li><div class="divDetail_Title"><a href="/Portal/Detail.aspx?MenuID=4181&amp;ContentID={n}">'
                    f'{title}</a></div></li>'
                    for n, title in ((90000, "Huyện Kiến Thụy tổng kết phong trào thi đua năm 2023 trên toàn địa bàn"),
                                     (89990, "Hội nghị tổng kết công tác của Ủy ban nhân dân huyện nhiệm kỳ 2021 - 2025"),
                                     (89980, "Kiến Thụy ra quân làm thủy lợi nội đồng vụ đông xuân năm 2023 - 2024")))
    page = parse_page(_haiphong(items),
                      "http://kienthuy.haiphong.gov.vn/Portal/Detail.aspx?Organization=UBNDKT&MenuID=4195&ContentID=104532",
                      {})
    assert page.platform == "aspnet_haiphong"
    assert page.article.headline == "Công khai dự toán ngân sách huyện Kiến Thụy năm 2024"
    assert page.article.body == "\n\n".join(_TEXT)


def _plain(content: str) -> bytes:
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Khắc phục thiệt hại do mưa lũ</title>'
            '</head><body><div class="top">CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN TỦA CHÙA</div><div class="content">'
            '<h1 class="news-title">Huyện Tủa Chùa khắc phục thiệt hại do hoàn lưu bão số 3</h1>'
            '<div class="news-date">Ngày phát hành: 12/09/2024 14:30</div>'
            f'<div class="news-body">{content}</div></div>'
            '<div class="footer">Cơ quan chủ quản: UBND huyện Tủa Chùa</div></body></html>').encode()


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_name_over_its_unit_on_two_right_aligned_lines_is_name_dash_unit(profile):
    paragraphs = "".join(f'<p style="text-align: justify;">{p}</p>' for p in _TEXT)
    page = _plain(f'{paragraphs}<p style="text-align: right;"><strong>Quàng Thị Mai</strong></p>'
                  '<p style="text-align: right;"><em>Trung tâm VH-TT&amp;TT huyện</em></p>')
    a = parse_page(page, "http://tuachua.dienbien.gov.vn/tin-tuc/Pages/khac-phuc-2791.aspx", {}, profile=profile).article
    assert a.author == "Quàng Thị Mai - Trung tâm VH-TT&TT huyện"
    assert a.body == "\n\n".join(_TEXT)


@pytest.mark.parametrize("profile", [None, "generic"])
def test_list_items_that_are_only_dates_after_a_lead_in_are_text(profile):
    lines = ["Chủ tịch UBND phường tiếp công dân vào các ngày:", "Thứ Năm, ngày 02/10/2025;",
             "Thứ Năm, ngày 16/10/2025;", "Thứ Năm, ngày 30/10/2025.",
             "Địa điểm: Phòng tiếp công dân, trụ sở UBND phường, số 1 đường Trần Hưng Đạo. Công dân mang theo "
             "căn cước và giấy tờ liên quan."]
    page = _plain(f"<p>{lines[0]}</p><ul>" + "".join(f"<li>{x}</li>" for x in lines[1:4]) + f"</ul><p>{lines[4]}</p>")
    a = parse_page(page, "https://phuongdongxoai.dongnai.gov.vn/tin-tuc/lich-tiep-cong-dan-11203", {},
                   profile=profile).article
    assert a.body == "\n\n".join(lines)
