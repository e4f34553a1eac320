"""The failure classes of the eleventh blind set, each on a small page of its own (other wording,
other markup than the blind pages)."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

PROSE = ("Sáng 02/11, Ủy ban nhân dân xã tổ chức ra quân làm mới 3,2 km đường bê tông nội đồng với sự "
         "tham gia của hơn 400 người dân và đoàn viên thanh niên trên địa bàn các ấp.")
PROSE2 = ("Tổng kinh phí thực hiện hơn 1,8 tỷ đồng, trong đó nhân dân đóng góp 40% bằng tiền mặt, ngày "
          "công lao động và hiến đất mở rộng mặt đường.")
ARTICLE = (f'<div class="detail"><h1>Xã Tân Phú ra quân làm đường giao thông</h1><div>04/11/2025 08:15</div>'
           f'<div class="content"><p>{PROSE}</p><p>{PROSE2}</p></div></div>')


def _parse(body: str, url: str = "https://xa.example.gov.vn/tin-tuc/chi-tiet-4101", profile: str = "generic"):
    html = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>UBND xã Tân Phú</title>'
            f"</head><body>{body}</body></html>").encode("utf-8")
    return parse_page(html, url, profile=profile).article


def test_a_counter_whose_digits_a_script_writes():
    a = _parse(ARTICLE + '<div class="thongke"><div class="title">SỐ LƯỢT TRUY CẬP</div><div class="so"><script>'
               'var luotTruyCap = "0012345678";\nfor (var k = 0; k < luotTruyCap.length; k++) {\n'
               "  document.write('<img src=\"/images/so/' + luotTruyCap.charAt(k) + '.png\">');\n}</script></div></div>")
    assert a.visitor_counter == 12345678


def test_a_total_in_a_sentence_before_its_label():
    a = _parse(ARTICLE + '<div class="footer"><p>Cổng thông tin đã đón 1.204.559 lượt truy cập. Đang trực tuyến: 12'
               '</p></div>')
    assert a.visitor_counter == 1204559
    assert a.site_counters == {"total": 1204559, "online": 12}


def test_a_question_under_a_module_label_in_capitals():
    a = _parse('<div class="qa"><div class="qa-head">HỎI ĐÁP CHÍNH SÁCH</div><h3><span id="lblTieuDe">Hộ nghèo '
               'được hỗ trợ tiền điện bao nhiêu mỗi tháng?</span></h3><div class="q"><p>Người hỏi: Lê Văn Tư</p>'
               f'<p>Xin hỏi hộ nghèo được hỗ trợ tiền điện như thế nào?</p></div><div class="a"><div class="info">'
               '<span>Đơn vị trả lời:</span> <span>Sở Công Thương</span> | <span>Ngày trả lời:</span> <span>12/08/2025 '
               f'16:20</span> | Lượt xem: 86</div><p>{PROSE}</p><p>{PROSE2}</p></div></div>')
    assert a.headline == "Hộ nghèo được hỗ trợ tiền điện bao nhiêu mỗi tháng?"
    assert a.author == "Sở Công Thương"               # not the rest of its meta line
    assert a.view_count == 86


def test_a_photographer_credited_first_and_a_border_guard_with_his_post():
    for line, author in (("Ảnh: Văn Phin - Bài: Hoài Thương", "Hoài Thương"),
                         ("Bài, ảnh: Thiếu tá Lò Văn Hùng - Đồn Biên phòng Mường Nhé",
                          "Thiếu tá Lò Văn Hùng - Đồn Biên phòng Mường Nhé"),
                         ("Đại úy Trần Văn Nam - Đồn Biên phòng Cửa khẩu Lao Bảo",
                          "Đại úy Trần Văn Nam - Đồn Biên phòng Cửa khẩu Lao Bảo")):
        a = _parse(f'<div class="detail"><h1>Xã Tân Phú ra quân làm đường giao thông</h1><div>04/11/2025 08:15</div>'
                   f'<div class="content"><p>{PROSE}</p><p>{PROSE2}</p><p style="text-align:right"><strong>{line}'
                   '</strong></p></div></div>')
        assert a.author == author, line
        assert a.body == f"{PROSE}\n\n{PROSE2}"
    a = _parse(f'<div class="detail"><h1>Xã Tân Phú ra quân làm đường giao thông</h1><div class="article-author">Bài, '
               f'ảnh: Thiếu tá Lò Văn Hùng - Đồn Biên phòng Mường Nhé</div><div>04/11/2025 08:15</div><div class="content">'
               f'<p>{PROSE}</p><p>{PROSE2}</p></div></div>')
    assert a.author == "Thiếu tá Lò Văn Hùng - Đồn Biên phòng Mường Nhé"


def test_a_breadcrumbs_own_item_printed_as_text_after_the_links():
    for crumb, category in (('<div class="breadcrumb">Trang chủ » Bảo vệ rừng</div>', "Bảo vệ rừng"),
                            ('<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; Hoạt động nhân đạo</div>',
                             "Hoạt động nhân đạo"),
                            ('<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin">Tin tức</a> » Gặp mặt '
                             'kỷ niệm ngày 8/3</div>', "Gặp mặt kỷ niệm ngày 8/3")):
        assert _parse(crumb + ARTICLE).category == category, crumb


def test_a_qa_answer_opening_with_its_office_line_then_its_label():
    a = _parse('<div class="hoidap"><div class="title">HỎI ĐÁP THỦ TỤC HÀNH CHÍNH</div><h2>Lệ phí cấp giấy phép xây '
               'dựng nhà ở riêng lẻ</h2><div class="q"><div class="asker">Người hỏi: Trần Văn Tâm - Ngày hỏi: 02/09/2025'
               '</div><div class="lbl">Câu hỏi:</div><p>Xin cho biết lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ hiện '
               'nay là bao nhiêu?</p></div><div class="a"><div class="info">Đơn vị trả lời: Sở Xây dựng | Thời gian trả '
               'lời: 05/09/2025 09:40 | Lượt xem: 142</div><div class="lbl">Trả lời:</div><p>Mức thu lệ phí như sau:</p>'
               '<table><tr><th>Loại giấy phép</th><th>Mức thu (đồng)</th></tr><tr><td>Nhà ở riêng lẻ</td><td>75.000</td>'
               f'</tr></table><p>{PROSE}</p></div></div>')
    assert a.headline == "Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ"
    assert a.author == "Sở Xây dựng"
    assert a.body == ("Xin cho biết lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ hiện nay là bao nhiêu?\n\nMức thu lệ "
                      "phí như sau:\n\nLoại giấy phép | Mức thu (đồng)\nNhà ở riêng lẻ | 75.000\n\n" + PROSE)


def test_the_signer_of_a_pasted_decision_is_its_text_not_the_author():
    sign = ''.join(f'<p style="text-align:right"><b>{line}</b></p>' for line in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")) + \
        '<p style="text-align:right"><i>(Đã ký)</i></p><p style="text-align:right"><b>Nông Văn Thành</b></p>'
    a = _parse(f'<div class="detail"><h1>Quyết định ban hành Quy chế làm việc của UBND xã</h1><div>12/08/2025 08:15</div>'
               f'<div class="content"><p>{PROSE}</p><p>{PROSE2}</p>{sign}</div></div>')
    assert a.author is None
    assert a.body.endswith("TM. ỦY BAN NHÂN DÂN\n\nCHỦ TỊCH\n\n(Đã ký)\n\nNông Văn Thành")
