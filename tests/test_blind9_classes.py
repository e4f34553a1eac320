"""The failure classes of the ninth blind set, each on a small page of its own (other wording,
other markup than the blind pages)."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

PROSE = ("Sáng 02/11, Ủy ban nhân dân xã tổ chức ra quân làm mới 3,2 km đường bê tông nội đồng với sự "
         "tham gia của hơn 400 người dân và đoàn viên thanh niên trên địa bàn các ấp.")
PROSE2 = ("Tổng kinh phí thực hiện hơn 1,8 tỷ đồng, trong đó nhân dân đóng góp 40% bằng tiền mặt, ngày "
          "công lao động và hiến đất mở rộng mặt đường.")


def _parse(body: str, url: str = "https://tanphu.example.gov.vn/tin-tuc/chi-tiet-2101", profile: str = "generic"):
    html = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>UBND xã</title>'
            f"</head><body>{body}</body></html>").encode("utf-8")
    return parse_page(html, url, profile=profile).article


def test_qa_page_with_a_generic_h1_an_unlabelled_question_and_the_answers_date():
    a = _parse('<h1 class="module-title">HỎI ĐÁP TRỰC TUYẾN</h1><div class="qa">'
               '<h2 class="qa-title">Hộ gia đình được hỗ trợ bao nhiêu khi làm đường nội đồng?</h2>'
               '<div class="qa-asker"><span>Người gửi: Lê Văn Tư</span> | <span>Ngày gửi: 03/10/2025</span></div>'
               '<div class="qa-question"><p>Tôi ở ấp 3, xin hỏi khi gia đình hiến đất làm đường thì được hỗ trợ gì?</p></div>'
               '<div class="qa-answer"><div class="qa-answer-head"><span>Trả lời:</span> <span>Đơn vị trả lời: UBND xã</span>'
               f' | <span>Ngày trả lời: 20/10/2025 09:30</span></div><div class="qa-answer-body"><p>{PROSE}</p>'
               f'<p>{PROSE2}</p></div></div></div>')
    assert a.headline == "Hộ gia đình được hỗ trợ bao nhiêu khi làm đường nội đồng?"
    assert a.published_at == "2025-10-20T09:30:00+07:00"
    assert a.body.startswith("Tôi ở ấp 3, xin hỏi")
    assert a.body.endswith(PROSE2)


def test_numeric_dates_read_month_first_when_the_page_writes_them_so():
    a = _parse('<table><tr><td class="left"><div class="boxtitle"><b>LIÊN KẾT</b></div>'
               '<p><a href="http://example.org"><img src="/lk1.gif" alt="Hội"></a></p></td><td>'
               '<span class="chuyenmuc" style="font-size:9pt">Hoạt động Hội</span><br/>'
               '<span class="tieude">Hội phụ nữ xã ra quân làm đường giao thông</span><br/>'
               f'<span class="ngaydang">3/12/2020 9:05:00 AM</span><div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div>'
               '<ul class="tinkhac"><li><a href="/t/1">Tin cũ một</a> (2/28/2020)</li><li><a href="/t/2">Tin cũ hai</a> '
               '(2/21/2020)</li></ul></td></tr></table>')
    assert a.headline == "Hội phụ nữ xã ra quân làm đường giao thông"
    assert a.published_at == "2020-03-12T09:05:00+07:00"


def _signed(line: str):
    return _parse(f'<div class="detail"><h1>Xã Tân Phú ra quân làm đường giao thông</h1><div>04/11/2025 08:15</div>'
                  f'<div class="content"><p>{PROSE}</p><p>{PROSE2}</p><p style="text-align:right"><strong>{line}'
                  '</strong></p></div></div>')


def test_signatures_with_positions_titles_and_apostrophe_names():
    for line in ("Thẩm phán Lê Văn Sáu - Chánh án TAND khu vực 2", "Th.S Phạm Thu Hà - Thư ký Tòa án",
                 "KS. Y'Bih Niê - Chi cục Thủy lợi"):
        a = _signed(line)
        assert a.author == line
        assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_source_lines_with_a_domain_or_a_slash():
    a = _signed("(Theo baochinhphu.vn)")
    assert (a.source, a.body) == ("baochinhphu.vn", f"{PROSE}\n\n{PROSE2}")
    a = _signed("Minh Châu/VOV.VN")
    assert (a.author, a.source) == ("Minh Châu", "VOV.VN")


def test_view_count_drawn_one_digit_per_element_and_a_counter_in_a_ticker():
    a = _parse('<marquee class="ticker">Chào mừng kỷ niệm 80 năm Quốc khánh 2/9 &nbsp;★&nbsp; Tổng lượt truy cập: '
               '1.204.557 &nbsp;★&nbsp; Đang truy cập: 41 &nbsp;★&nbsp; Chúc quý vị một ngày làm việc hiệu quả và '
               'nhiều niềm vui</marquee><div class="detail"><h1>Xã Tân Phú ra quân làm đường giao thông</h1>'
               '<div>04/11/2025 08:15 | Lượt xem: <span class="d">0</span><span class="d">9</span><span class="d">0</span>'
               f'<span class="d">5</span></div><div class="content"><p>{PROSE}</p><p>{PROSE2}</p></div></div>')
    assert a.view_count == 905
    assert (a.visitor_counter, a.site_counters.get("online")) == (1204557, 41)


def test_the_labelled_posting_date_beats_a_document_tables_dates():
    a = _parse('<div class="detail"><h1>Quyết định ban hành Kế hoạch phát triển thương mại điện tử</h1>'
               '<div class="post-meta"><span class="post-date">Ngày đăng: 05/08/2025 09:15</span></div>'
               '<table class="doc"><tr><th>Số hiệu</th><td>1520/QĐ-UBND</td></tr><tr><th>Ngày ban hành</th>'
               '<td>30/07/2025</td></tr><tr><th>Ngày có hiệu lực</th><td>30/07/2025</td></tr></table>'
               f'<div class="doc-desc"><p>{PROSE}</p><p>{PROSE2}</p></div></div>')
    assert a.published_at == "2025-08-05T09:15:00+07:00"
