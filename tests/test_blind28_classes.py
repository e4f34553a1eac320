"""The classes of VN set 28 (blind), each on a small page of its own: a page whose cards' thumbnails
are named '…-0.jpg', '…-1.jpg', '…-2.jpg' above a footer counter line (the thumbnails are no digit
row: titles stand between them); a Q&A page whose question and answer dates sit in spans after
their labels on one line each ('Ngày hỏi: <span>…</span>', 'Ngày trả lời: <span>…</span>'): the
answer's date is the page's; its field printed as 'Lĩnh vực: X' (the category); and its question
and answer laid out side by side with their labels ('Nội dung câu hỏi:', the question, 'Trả
lời:', the answer), the body being both without the labels. One guard (an English meta line whose
spans follow 'Updated:' and 'Posted:') passes on the parsers before as well."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

_TEXT = ["Năm 2025, tỉnh đã hoàn thành sắp xếp đơn vị hành chính cấp xã, giảm từ 207 xuống còn 104 xã, "
         "phường; bộ máy chính quyền địa phương hai cấp vận hành thông suốt từ ngày 01/7/2025.",
         "Các trung tâm phục vụ hành chính công cấp xã tiếp nhận hơn 180.000 hồ sơ trong ba tháng đầu, "
         "tỷ lệ giải quyết đúng hạn đạt trên 98%.",
         "Tỉnh tiếp tục đầu tư hạ tầng số, bảo đảm kết nối liên thông giữa các cơ quan nhà nước."]


def _cards_page(counter_line: str) -> bytes:
    cards = "".join(
        f'<article class="e-card"><a href="/emagazine/bai-{i}/"><img src="/uploads/2025/07/emag-{i}.jpg" alt="">'
        f'<h3>Bài e-magazine số {i} về phát triển kinh tế biển</h3></a><span class="e-card-date">0{i + 1}/08/2025</span>'
        '</article>' for i in range(3))
    text = "".join(f"<p>{p}</p>" for p in _TEXT)
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Vươn mình sau sắp xếp</title>'
            '</head><body><header class="site-header"><a href="/">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</a></header>'
            '<main><article class="e-post"><h1 class="entry-title">Vươn mình sau sắp xếp đơn vị hành chính</h1>'
            f'<div class="entry-content">{text}</div>'
            '<footer class="entry-footer"><p>Ngày xuất bản: <time datetime="2025-08-14T16:20:00+07:00">'
            '14/08/2025 16:20</time></p></footer></article>'
            f'<section class="e-more"><h2>E-MAGAZINE KHÁC</h2>{cards}</section></main>'
            f'<footer id="colophon"><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh.</p>{counter_line}</footer>'
            '</body></html>').encode()


@pytest.mark.parametrize("profile", [None, "generic"])
def test_card_thumbnails_named_by_number_are_no_counter_digits(profile):
    page = _cards_page('<p class="counter">Đang truy cập: 126 · Hôm nay: 18.406 · '
                       'Tổng lượt truy cập: 4.812.330</p>')
    a = parse_page(page, "https://tinh.example.gov.vn/emagazine/vuon-minh/", {}, profile=profile).article
    assert a.visitor_counter == 4812330
    assert a.site_counters == {"total": 4812330, "online": 126, "today": 18406}


def test_card_thumbnails_alone_give_no_counter():
    a = parse_page(_cards_page(""), "https://tinh.example.gov.vn/emagazine/vuon-minh/", {}).article
    assert a.visitor_counter is None


def test_a_counters_digit_images_side_by_side_still_read():
    digits = "".join(f'<img src="/images/counter/{d}.gif" alt="">' for d in "0845913")
    page = _cards_page(f'<div class="thongke"><b>Lượt truy cập</b><div class="so">{digits}</div></div>')
    a = parse_page(page, "https://tinh.example.gov.vn/emagazine/vuon-minh/", {}).article
    assert a.visitor_counter == 845913


# 2-4. a Q&A page: labelled spans on the asker's and the answer's lines, the field, the flat layout ----

_QUESTION = ["Gia đình tôi được cấp giấy chứng nhận năm 2009 với diện tích 180 m², nay đo đạc lại "
             "thì diện tích thực tế là 196 m², ranh giới không thay đổi.",
             "Xin hỏi có được cấp đổi giấy chứng nhận theo diện tích mới không?"]
_ANSWER = ["Trường hợp diện tích đo đạc thực tế lớn hơn diện tích ghi trên giấy chứng nhận mà ranh giới "
           "thửa đất không thay đổi thì được cấp đổi theo diện tích đo đạc thực tế.",
           "Người sử dụng đất không phải nộp tiền sử dụng đất đối với phần diện tích tăng thêm."]


def _qa_page(field: str = "Đất đai") -> bytes:
    q = "".join(f"<p>{p}</p>" for p in _QUESTION)
    ans = "".join(f"<p>{p}</p>" for p in _ANSWER)
    return ('<html><head><meta charset="utf-8"><title>Hỏi - Đáp</title></head><body>'
            '<div id="header"><h1 class="TenCong">CỔNG THÔNG TIN ĐIỆN TỬ PHƯỜNG AN HÒA</h1>'
            '<div class="NgayHienTai">Thứ Hai, ngày 03/11/2025</div></div>'
            '<div id="menu"><a href="/">Trang chủ</a> | <a href="/hoi-dap">Hỏi - Đáp</a></div>'
            '<div class="main"><h2 class="BoxTitle">HỎI - ĐÁP</h2><div class="QA">'
            '<div class="Title"><span>Đo đạc lại thửa đất có diện tích lớn hơn thì xử lý thế nào?</span></div>'
            '<div class="Asker">Người hỏi: <span>Nguyễn Văn Hùng</span> - Địa chỉ: <span>Tổ dân phố Hòa Hương 2, phường An Hòa</span>'
            ' - Ngày hỏi: <span class="NgayHoi">05/08/2025 09:12:40</span></div>'
            f'<div class="Field">Lĩnh vực: <span>{field}</span></div>'
            f'<p class="QLabel"><b>Nội dung câu hỏi:</b></p><span class="Q">{q}</span>'
            f'<p class="ALabel"><b>Trả lời:</b></p><span class="A">{ans}</span>'
            '<div class="Info">Đơn vị trả lời: <span>Phòng Kinh tế, Hạ tầng và Đô thị</span> | Ngày trả lời: '
            '<span class="NgayTraLoi">14/08/2025 16:20:35</span> | Lượt xem: <span>1.204</span></div></div>'
            '<div class="Other"><h3>Các câu hỏi khác</h3><ul><li><a href="/hoi-dap/400">Chuyển mục đích '
            'sử dụng đất vườn</a> <span>(27/10/2025)</span></li><li><a href="/hoi-dap/423">Xác nhận tình '
            'trạng hôn nhân</a> <span>(01/10/2025)</span></li></ul></div></div>'
            '<div id="footer"><p>ỦY BAN NHÂN DÂN PHƯỜNG AN HÒA</p></div></body></html>').encode()


_QA_URL = "https://anhoa.example.gov.vn/hoi-dap/512"


@pytest.mark.parametrize("profile", [None, "generic"])
def test_the_answers_date_in_a_labelled_span_is_the_pages(profile):
    a = parse_page(_qa_page(), _QA_URL, {}, profile=profile).article
    assert a.published_at == "2025-08-14T16:20:35+07:00"


@pytest.mark.parametrize("profile", [None, "generic"])
def test_the_field_line_is_the_category(profile):
    assert parse_page(_qa_page("Hộ tịch"), _QA_URL, {}, profile=profile).article.category == "Hộ tịch"


@pytest.mark.parametrize("profile", [None, "generic"])
def test_question_and_answer_side_by_side_make_the_body(profile):
    a = parse_page(_qa_page(), _QA_URL, {}, profile=profile).article
    assert a.body == "\n\n".join(_QUESTION + _ANSWER)
    assert a.headline == "Đo đạc lại thửa đất có diện tích lớn hơn thì xử lý thế nào?"
    assert a.view_count == 1204


def test_a_date_after_an_update_label_in_a_span_gives_way_to_the_posted_one():
    # the same reading of a label before a date's span, on an English page: 'Updated:' then 'Posted:'
    page = ('<html><head><title>Notice</title></head><body><main><article><h1>Water supply '
            'interrupted on Nguyen Trai street</h1>'
            '<div class="meta">Updated: <span class="date">20/08/2025 10:00</span> | Posted: <span class="date">18/08/2025 '
            '08:30</span></div><div class="content">'
            + "".join(f"<p>{p} The supply company will send tankers to every block.</p>" for p in
                      ("Water will be cut from 8:00 to 17:00 for pipe repairs.",
                       "Residents are advised to store water in advance."))
            + '</div></article></main></body></html>').encode()
    a = parse_page(page, "https://city.example.gov.vn/en/notice-1", {}).article
    assert a.published_at == "2025-08-18T08:30:00+07:00"
