"""The failure classes of the tenth blind set, each on a small page of its own (other wording,
other markup than the blind pages)."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

PROSE = ("Sáng 02/11, Ủy ban nhân dân xã tổ chức ra quân làm mới 3,2 km đường bê tông nội đồng với sự "
         "tham gia của hơn 400 người dân và đoàn viên thanh niên trên địa bàn các ấp.")
PROSE2 = ("Tổng kinh phí thực hiện hơn 1,8 tỷ đồng, trong đó nhân dân đóng góp 40% bằng tiền mặt, ngày "
          "công lao động và hiến đất mở rộng mặt đường.")
EN = ("The provincial People's Committee on Monday approved a plan to upgrade 42 kilometres of rural "
      "roads in the highland communes before the end of the rainy season this year.")
EN2 = ("The total investment is about 180 billion dong, of which residents contribute labour and land "
       "for widening the roads in the villages concerned.")


def _parse(body: str, url: str = "https://xa.example.gov.vn/tin-tuc/chi-tiet-3101", profile: str = "generic",
           lang: str = "vi"):
    html = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>UBND xã</title>'
            f"</head><body>{body}</body></html>").encode("utf-8")
    return parse_page(html, url, profile=profile).article


def _dated(meta: str):
    return _parse(f'<div class="news"><h2 class="title">Xã Tân Phú ra quân làm đường giao thông</h2>{meta}'
                  f'<div class="content"><p>{PROSE}</p><p>{PROSE2}</p></div></div>')


def test_a_creation_date_printed_first_gives_way_to_the_publication_date():
    for meta in ('<div class="meta"><span>Ngày tạo: 01/08/2025 09:12</span> <span>Ngày xuất bản: 04/08/2025 16:20</span>'
                 '</div>',
                 '<p class="info">Ngày tạo 01/08/2025 09:12 - Ngày đăng 04/08/2025 16:20 - Lượt xem: 90</p>',
                 '<div><span class="c">Created: 01/08/2025 09:12</span><br><span class="p">Published: 04/08/2025 16:20'
                 '</span></div>'):
        assert _dated(meta).published_at == "2025-08-04T16:20:00+07:00", meta


def test_a_creation_date_alone_is_the_publication_date():
    assert _dated('<div class="meta">Ngày tạo: 01/08/2025 09:12</div>').published_at == "2025-08-01T09:12:00+07:00"


def test_an_update_printed_before_the_publication_date_is_not_it():
    a = _dated('<div class="meta">Cập nhật: 22/08/2025 09:00 | Ngày đăng: 20/08/2025 16:20</div>')
    assert a.published_at == "2025-08-20T16:20:00+07:00"


def _signed(line: str, lang: str = "vi", prose: tuple[str, str] = (PROSE, PROSE2)):
    return _parse(f'<div class="detail"><h1>Xã Tân Phú ra quân làm đường giao thông</h1><div>04/11/2025 08:15</div>'
                  f'<div class="content"><p>{prose[0]}</p><p>{prose[1]}</p><p style="text-align:right"><strong>{line}'
                  '</strong></p></div></div>', lang=lang)


def test_a_compilers_or_translators_part_in_brackets_is_not_the_author():
    for line, author in (("Thu Hằng (tổng hợp)", "Thu Hằng"), ("Thiếu tá Lê Văn Minh (tổng hợp)", "Thiếu tá Lê Văn Minh"),
                         ("Minh Anh (lược dịch)", "Minh Anh"), ("Hoàng Linh (Văn phòng HĐND tỉnh)",
                                                                 "Hoàng Linh (Văn phòng HĐND tỉnh)")):
        a = _signed(line)
        assert a.author == author, line
        assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_a_writer_of_a_tax_or_insurance_office_signed_with_a_dash():
    for line in ("Trần Thị Kim Ngân - Thuế cơ sở 5 tỉnh Tây Ninh", "Lê Thu - Bảo hiểm xã hội khu vực XXIV",
                 "Phạm Hà - Kho bạc Nhà nước khu vực X"):
        a = _signed(line)
        assert a.author == line
        assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_english_bylines_lose_their_words_and_keep_the_writer():
    for line, author in (("By Minh Duc", "Minh Duc"), ("Story and photos: Ha Vy", "Ha Vy"),
                         ("Reported by Hoang Nam - Translated by Thu Trang", "Hoang Nam"),
                         ("Text and photos: Quang Huy", "Quang Huy")):
        a = _signed(line, lang="en", prose=(EN, EN2))
        assert a.author == author, line
        assert a.body == f"{EN}\n\n{EN2}"


OLD_SCHOOL = ('<TABLE width=990><TR><TD colspan=2 background=/templates/default/images/banner_top.jpg height=140>'
              '<H1 class=ten>TRƯỜNG THCS TÂN PHÚ</H1></TD></TR><TR><TD width=200 class=left>'
              '<div class=boxtitle>DANH MỤC</div><ul class=danhmuc><li><a href=?cat=1>Tin tức</a><li><a href=?cat=2>'
              'Thông báo</a><li><a href=?cat=3>Thành tích</a><li><a href=?cat=4>Tài nguyên</a></ul>'
              '<div class=boxtitle>LỊCH HỌC</div><ul class=danhmuc><li><a href=?lich=1>Lịch học kỳ I (từ 08/9/2025)'
              '</a></ul></TD><TD width=590 valign=top><div class=duongdan><a href=index.php>Trang chủ</a> &raquo; '
              '<a href=?cat=3>Thành tích</a></div><br><font size=4 color=#0033cc><b>Học sinh Tân Phú đạt 5 giải học '
              'sinh giỏi cấp tỉnh</b></font><br><font size=1>Đăng lúc: 05/09/2025 10:30:12 | Lượt xem: 234</font>'
              f'<div class=noidung><p>{PROSE}<p>{PROSE2}</div></TD></TR></TABLE>')


def test_an_old_school_site_names_itself_in_the_banner_cell_and_its_headline_in_bold_font():
    html = ('<HTML><HEAD><META http-equiv=Content-Type content="text/html; charset=utf-8"><TITLE>Trường THCS '
            f'Tân Phú - Đồng Nai</TITLE></HEAD><BODY>{OLD_SCHOOL}</BODY></HTML>').encode("utf-8")
    a = parse_page(html, "http://thcstanphu.example.edu.vn/index.php?mod=tintuc&id=5", profile="generic").article
    assert a.headline == "Học sinh Tân Phú đạt 5 giải học sinh giỏi cấp tỉnh"
    assert a.category == "Thành tích"       # the breadcrumb's, not a side box's one link
    assert a.published_at == "2025-09-05T10:30:12+07:00"
    assert a.view_count == 234
    assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_a_counter_printed_after_the_closing_html_tag_is_on_the_page():
    for end in ("</BODY>\n</HTML>\n", "</body></html>", "</html>"):
        html = ('<HTML><HEAD><META charset=utf-8><TITLE>Trường THCS Tân Phú</TITLE></HEAD><BODY>'
                f'{OLD_SCHOOL}{end}<table class=thongke><tr><td>Số lượt truy cập: <span class=so>0</span>'
                '<span class=so>4</span><span class=so>5</span><span class=so>2</span><span class=so>1</span>'
                '<span class=so>3</span> &nbsp; Đang online: 3</td></tr></table>').encode("utf-8")
        for profile in ("generic", None):
            a = parse_page(html, "http://thcstanphu.example.edu.vn/index.php?id=5", profile=profile).article
            assert a.visitor_counter == 45213, (end, profile)
            assert a.site_counters == {"total": 45213, "online": 3}
            assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_a_statistic_in_the_article_is_not_the_sites_visitor_counter():
    a = _parse('<div class="detail"><h1>Tourism figures of the first eight months</h1><div>12/08/2025 16:20</div>'
               f'<div class="content"><p>{EN}</p><ul><li>Total visitors: 14.6 million, up 12% year on year;</li>'
               '<li>International arrivals: 1.2 million;</li></ul><p>Visitors: 3.5 million, of which 40% were '
               f'foreigners.</p><p>{EN2}</p></div></div><div class="footer"><h3>VISITORS</h3><p>Online: 35</p>'
               '<p>Today: 1,204</p><p>Total: 8,402,117</p></div>', lang="en")
    assert a.visitor_counter == 8402117
    assert "Total visitors: 14.6 million, up 12% year on year;" in a.body


def test_an_events_time_and_place_are_not_the_posting_date():
    info = ('<dl class="info"><div><dt>Thời gian:</dt><dd>19:00 - 21:30 các ngày 10, 11 và 12/10/2025</dd></div>'
            '<div><dt>Địa điểm:</dt><dd>Nhà văn hóa xã</dd></div><div><dt>Đơn vị tổ chức:</dt><dd>UBND xã</dd></div></dl>')
    a = _parse(f'<div class="event"><h1>Đêm văn nghệ mừng Ngày hội Đại đoàn kết</h1>{info}<div class="desc"><p>{PROSE}</p>'
               f'<p>{PROSE2}</p></div><div class="meta"><span>Ngày đăng: 02/10/2025 09:00</span> | <span>Lượt xem: '
               '2.870</span></div></div>')
    assert a.published_at == "2025-10-02T09:00:00+07:00"
    html = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>UBND xã</title></head><body>'
            f'<div class="event"><h1>Giải chạy vì môi trường xanh lần thứ 3</h1>{info.replace("19:00 - 21:30 các ngày 10, 11 và 12/10/2025", "05:00 ngày 23/11/2025")}'
            f'<div class="desc"><p>{PROSE}</p><p>{PROSE2}</p></div><div class="meta"><span>Lượt xem: 356</span></div>'
            '</div></body></html>').encode("utf-8")
    page = parse_page(html, "https://xa.example.gov.vn/su-kien/giai-chay-3318.html", profile="generic")
    assert page.article.published_at is None
    assert page.kind == "article"           # an undated item that counts its views is content


def test_a_notice_bar_above_a_document_page_whose_text_is_a_viewer_is_not_its_body():
    a = _parse('<div class="container"><div class="notice-bar"><i class="fa fa-info"></i> Từ ngày 01/7/2025, Sở Công '
               'Thương tỉnh hoạt động trên cơ sở hợp nhất Sở Công Thương hai tỉnh; địa chỉ trụ sở mới tại số 2 đường Tân '
               'Trào, phường Minh Xuân, tỉnh Tuyên Quang. Các văn bản, thủ tục của Sở Công Thương tỉnh cũ tiếp tục được '
               'tra cứu tại mục Văn bản của cổng thông tin này cho đến khi có thông báo mới.</div></div>'
               '<article class="doc"><div>Ngày đăng: 12/08/2025 14:00 | Lượt xem: 96</div><h1>Kế hoạch kiểm tra kinh '
               'doanh xăng dầu năm 2025 (đợt 2)</h1><table><tr><th>Số hiệu</th><td>845/KH-SCT</td></tr></table>'
               '<div class="viewer"><iframe src="/pdfjs/web/viewer.html?file=/files/845.pdf"></iframe></div>'
               '<div class="files"><h4>Tệp đính kèm</h4><ul><li><a href="/files/845-KH-SCT.pdf">845-KH-SCT.pdf</a></li>'
               '</ul></div></article>')
    assert a.headline == "Kế hoạch kiểm tra kinh doanh xăng dầu năm 2025 (đợt 2)"
    assert a.body is None
    assert a.attachments == ["https://xa.example.gov.vn/files/845-KH-SCT.pdf"]
