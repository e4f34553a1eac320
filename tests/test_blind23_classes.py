"""The failure classes of the twenty-third blind set (fixtures/heldout_pages23.py), each on a small
page of its own written from the class: Odoo's abbreviated month ('14 thg 8, 2025', '5 Thg 9 2025',
'22 thg. 9, 2025'), Java's Date.toString() ('Fri Sep 05 08:05:00 ICT 2025', printed as is) and
Drupal's default date in Vietnamese, whose abbreviated weekday ('T2, 10/06/2025 - 09:05') reads the
date month first when only that reading fits it (a written-out 'Thứ Tư' never does); Word's list
markers inside <!--[if !supportLists]--> ('-', '·', '1.'); a notice of two sentences and a table in
a content cell with no class beside a lunar-calendar box ('LỊCH ÂM'); a print view ('In bài: …',
a letterhead over a rule, a footer of 'Địa chỉ bài viết:', 'URL của bản tin này:', 'In lúc:',
'[In bài] [Đóng cửa sổ]'); a comment form and readers' comments inside a Vietnamese article's
container (not ASP.NET's page-wide <form>); a toolbar line ('In bài | Gửi email | Quay lại',
'In bài |'); a source's closing bracket ('Nguồn: Cổng TTĐT huyện Kim Bảng (cũ)'); a signer's unit
after a dash (a seed farm, a company, a museum)."""
from __future__ import annotations

import pytest
from govnews.parsers.dates import parse_vietnamese_datetime
from govnews.parsers.extract import parse_page
from govnews.parsers.fields import split_signature

FARM = [("Sáng 14/8, Trung tâm Khuyến nông tỉnh phối hợp với UBND xã Cư Bao tổ chức hội thảo đầu bờ mô hình "
         "trồng lúa cải tiến SRI trên diện tích 25 ha."),
        ("Qua theo dõi, năng suất lúa của mô hình đạt bình quân 7,2 tấn/ha, cao hơn ruộng đối chứng khoảng 0,8 "
         "tấn/ha, chi phí giống giảm gần một nửa."),
        ("Các hộ tham gia cho biết sẽ tiếp tục nhân rộng cách làm này trong vụ Đông Xuân tới, với diện tích dự "
         "kiến trên 60 ha.")]
WATER = [("Từ ngày 2/9, Công ty Cấp nước Tuyên Quang đưa vào vận hành trạm bơm tăng áp mới tại phường Nông Tiến, "
          "công suất 6.000 m3/ngày đêm."),
         ("Trạm bơm giúp khoảng 4.300 hộ dân ở các tổ dân phố vùng cao của phường có nước sạch ổn định, không còn "
          "tình trạng mất nước vào giờ cao điểm."),
         ("Tổng vốn đầu tư của công trình hơn 12 tỷ đồng, được thi công trong sáu tháng, sớm hơn kế hoạch ba "
          "tuần.")]
MUSEUM = [("Nhân dịp kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh 2/9, Bảo tàng tỉnh khai mạc trưng bày "
           "chuyên đề với hơn 150 hiện vật, tài liệu quý."),
          ("Nhiều hiện vật lần đầu được giới thiệu tới công chúng, trong đó có bộ ảnh tư liệu về những ngày khởi "
           "nghĩa giành chính quyền ở các huyện trong tỉnh."),
          ("Trưng bày mở cửa miễn phí cho khách tham quan đến hết ngày 30/9, từ 7 giờ 30 đến 17 giờ hằng ngày, "
           "kể cả thứ Bảy và Chủ nhật.")]


def _article(html: str, url: str, profile: str | None = "generic"):
    return parse_page(html.encode("utf-8"), url, {}, profile=profile).article


def _paras(paras) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def _page(title: str, side: str, main: str, site: str, head: str = "") -> str:
    """A portal page: a banner and menu, a side column of boxes, the main column, a footer."""
    menu = ("Trang chủ", "Giới thiệu", "Tin tức", "Thủ tục hành chính", "Hỏi đáp", "Liên hệ")
    nav = "".join(f'<li><a href="/m{i}.html">{m}</a></li>' for i, m in enumerate(menu))
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
            f'<body><div class="banner"><a href="/"><img src="/upload/banner.jpg" alt="{site}"></a></div>'
            f'<div class="topmenu"><ul>{nav}</ul></div><div class="wrap"><div class="sidebar">{side}</div>'
            f'<div class="content-main">{main}</div></div><div class="footer"><p>{site}</p>'
            '<p>Địa chỉ: Số 15 đường Lê Duẩn. Điện thoại: 0262.3852.117. Email: banbientap@daklak.gov.vn</p>'
            '<p>Giấy phép số 46/GP-TTĐT do Sở Thông tin và Truyền thông cấp.</p></div></body></html>')


def _others() -> str:
    items = [("/tin-tuc/tap-huan-ky-thuat-tuoi-ca-phe.html", "Tập huấn kỹ thuật tưới tiết kiệm cho cà phê",
              "08/08/2025"),
             ("/tin-tuc/ra-quan-phong-chong-sau-benh.html", "Ra quân phòng chống sâu bệnh hại lúa vụ Hè Thu",
              "30/07/2025"),
             ("/tin-tuc/cap-giong-bo-lai.html", "Cấp 40 con bò lai giống cho hộ nghèo xã Ea Tul", "21/07/2025")]
    return ('<div class="other-news"><h4>Các tin khác</h4><ul>'
            + "".join(f'<li><a href="{h}">{t}</a> ({d})</li>' for h, t, d in items) + "</ul></div>")


_SIDE = ('<div class="box"><div class="box-title">LIÊN KẾT WEBSITE</div><ul><li><a href="https://daklak.gov.vn">'
         'Cổng TTĐT tỉnh Đắk Lắk</a></li><li><a href="https://snnptnt.daklak.gov.vn">Sở Nông nghiệp và Môi trường'
         '</a></li></ul></div><div class="box"><div class="box-title">THỐNG KÊ TRUY CẬP</div><ul><li>Đang online: '
         '9</li><li>Tổng lượt truy cập: 415.803</li></ul></div>')
_FARM_HEADLINE = "Hội thảo đầu bờ mô hình trồng lúa cải tiến SRI tại xã Cư Bao"
_SITE = "Trung tâm Khuyến nông tỉnh Đắk Lắk"


# -- 1. dates: Odoo's 'thg', Java's Date.toString(), Drupal's abbreviated weekday ------------------------------

@pytest.mark.parametrize("text, iso", [
    ("14 thg 8, 2025", "2025-08-14T00:00:00+07:00"),
    ("5 Thg 9 2025", "2025-09-05T00:00:00+07:00"),
    ("22 thg. 9, 2025", "2025-09-22T00:00:00+07:00"),
    ("Fri Sep 05 08:05:00 ICT 2025", "2025-09-05T08:05:00+07:00"),
    ("T2, 10/06/2025 - 09:05", "2025-10-06T09:05:00+07:00"),      # Monday 6 October, not Tuesday 10 June
    ("CN, 10/12/2025 - 07:45", "2025-10-12T07:45:00+07:00"),      # Sunday 12 October
    ("Thứ Tư, 04/08/2020", "2020-08-04T00:00:00+07:00"),          # guard: a written-out weekday never flips
    ("T3, 10/06/2025", "2025-06-10T00:00:00+07:00"),              # guard: Tuesday 10 June fits day first
    ("Thứ Hai, 10/06/2025 - 09:05", "2025-06-10T09:05:00+07:00"),  # guard: written out, even when wrong
])
def test_odoo_java_and_drupal_dates(text, iso):
    assert parse_vietnamese_datetime(text).value.isoformat() == iso


@pytest.mark.parametrize("printed, iso", [
    ("14 thg 8, 2025", "2025-08-14T00:00:00+07:00"),
    ("5 Thg 9 2025", "2025-09-05T00:00:00+07:00"),
])
def test_an_odoo_blog_post_s_only_date_beside_its_headline(printed, iso):
    """Odoo's website_blog: the post's date under its title is the page's only date."""
    main = (f'<div id="o_wblog_post_top"><div class="o_wblog_post_title"><h1 class="o_wblog_post_name">'
            f'{_FARM_HEADLINE}</h1><div class="text-muted"><span class="o_wblog_post_date">{printed}</span>'
            ' <span>trong <a href="/blog/tin-hoat-dong-2">Tin hoạt động</a></span></div></div></div>'
            f'<div id="o_wblog_post_content"><div class="o_wblog_post_content_field">{_paras(FARM)}</div></div>')
    html = _page(f"{_FARM_HEADLINE} | {_SITE}", "", main, _SITE,
                 head='<meta name="generator" content="Odoo">')
    a = _article(html, "https://khuyennongdaklak.vn/blog/tin-hoat-dong-2/hoi-thao-dau-bo-lua-sri-57")
    assert a.headline == _FARM_HEADLINE
    assert a.published_at == iso
    assert a.body == "\n\n".join(FARM)


@pytest.mark.parametrize("profile", ["generic", None])
def test_a_jsp_portal_s_java_date_is_printed_as_is(profile):
    stamp = "Fri Sep 05 08:05:00 ICT 2025"
    main = ('<table class="tbl-detail" width="100%"><tr><td class="title-detail">Vận hành trạm bơm tăng áp mới '
            f'tại phường Nông Tiến</td></tr><tr><td class="date-detail">Cập nhật: {stamp}</td></tr>'
            f'<tr><td class="content-detail">{_paras(WATER)}</td></tr></table>')
    html = _page("Vận hành trạm bơm tăng áp mới tại phường Nông Tiến", _SIDE, main, "Công ty Cấp nước Tuyên Quang")
    a = _article(html, "https://capnuoctuyenquang.vn/portal/ShowNews.jsp?id=3120", profile)
    assert a.published_at == "2025-09-05T08:05:00+07:00"
    assert a.published_at_raw == stamp


@pytest.mark.parametrize("stamp, iso, profile", [
    ("T2, 10/06/2025 - 09:05", "2025-10-06T09:05:00+07:00", "generic"),
    ("T2, 10/06/2025 - 09:05", "2025-10-06T09:05:00+07:00", None),
    ("CN, 10/12/2025 - 07:45", "2025-10-12T07:45:00+07:00", "generic"),
    ("T3, 10/06/2025 - 09:05", "2025-06-10T09:05:00+07:00", "generic"),     # guard: Tuesday 10 June
])
def test_a_drupal_node_s_submitted_line(stamp, iso, profile):
    main = (f'<div id="node-2231" class="node node-article"><h2 class="node-title">{_FARM_HEADLINE}</h2>'
            f'<div class="submitted">Gửi bởi <span class="username">bientap</span> vào {stamp}</div>'
            f'<div class="content"><div class="field field-name-body"><div class="field-item even">{_paras(FARM)}'
            '</div></div></div></div>')
    html = _page(f"{_FARM_HEADLINE} | {_SITE}", _SIDE, main, _SITE,
                 head='<meta name="Generator" content="Drupal 7 (http://drupal.org)">')
    a = _article(html, "https://khuyennong.daklak.gov.vn/node/2231", profile)
    assert a.published_at == iso
    assert a.published_at_raw == stamp


def test_a_written_out_weekday_on_a_page_leaves_the_date_day_first():
    """Guard: 'Thứ Tư, 04/08/2020' is 4 August (a Tuesday) though 8 April 2020 was a Wednesday."""
    main = (f'<div class="news-detail"><h1 class="title">{_FARM_HEADLINE}</h1>'
            '<div class="date">Thứ Tư, 04/08/2020 - 10:15</div>'
            f'<div class="news-content">{_paras(FARM)}</div></div>{_others()}')
    html = _page(_FARM_HEADLINE, _SIDE, main, _SITE)
    a = _article(html, "https://khuyennong.daklak.gov.vn/tin-tuc/hoi-thao-lua-sri-2020.html")
    assert a.published_at == "2020-08-04T10:15:00+07:00"


# -- 2. Word's list markers inside <!--[if !supportLists]--> -------------------------------------------------

_TASKS = ["Rà soát, thống kê diện tích cây trồng bị ảnh hưởng do mưa lũ trên địa bàn xã.",
          "Hướng dẫn nông dân khơi thông mương thoát nước, vệ sinh đồng ruộng sau khi nước rút.",
          "Chuẩn bị đủ giống lúa ngắn ngày để gieo cấy lại ngay khi thời tiết thuận lợi."]
_INTRO = ("Để khắc phục hậu quả của đợt mưa lớn vừa qua, Trung tâm Khuyến nông tỉnh đề nghị các trạm khuyến "
          "nông huyện tập trung thực hiện các nội dung sau:")


def _word_item(marker: str, text: str) -> str:
    return (f'<p class="MsoListParagraph" style="text-indent:-18.0pt;mso-list:l0 level1 lfo1"><!--[if !supportLists]-->'
            f'{marker}<!--[endif]--><span lang="VI">{text}</span></p>')


@pytest.mark.parametrize("marker", [
    '<span style="font-family:\'Times New Roman\'">-<span style="font:7.0pt \'Times New Roman\'">&nbsp;&nbsp;&nbsp; '
    '</span></span>',
    '<span style="font-family:Symbol;mso-fareast-font-family:Symbol"><span style="mso-list:Ignore">·<span '
    'style="font:7.0pt \'Times New Roman\'">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>',
    '<span lang="VI"><span style="mso-list:Ignore">{n}.<span style="font:7.0pt \'Times New Roman\'">&nbsp;&nbsp;'
    '&nbsp;&nbsp; </span></span></span>',
])
def test_word_list_markers_are_no_text(marker):
    items = "".join(_word_item(marker.replace("{n}", str(n)), t) for n, t in enumerate(_TASKS, 1))
    main = (f'<div class="news-detail"><h1 class="title">Khắc phục thiệt hại sản xuất nông nghiệp sau mưa lũ</h1>'
            f'<div class="date">Ngày đăng: 22/08/2025</div><div class="news-content"><p class="MsoNormal">{_INTRO}'
            f'</p>{items}</div></div>{_others()}')
    html = _page("Khắc phục thiệt hại sản xuất nông nghiệp sau mưa lũ", _SIDE, main, _SITE)
    a = _article(html, "https://khuyennong.daklak.gov.vn/tin-tuc/khac-phuc-thiet-hai-sau-mua-lu.html")
    assert a.body == "\n\n".join([_INTRO, *_TASKS])


def test_a_dash_typed_in_the_text_stays():
    """Guard: a paragraph that starts with '- ' itself (no conditional comment) keeps it."""
    items = "".join(f'<p class="MsoNormal">- {t}</p>' for t in _TASKS)
    main = (f'<div class="news-detail"><h1 class="title">Khắc phục thiệt hại sản xuất nông nghiệp sau mưa lũ</h1>'
            f'<div class="date">Ngày đăng: 22/08/2025</div><div class="news-content"><p class="MsoNormal">{_INTRO}'
            f'</p>{items}</div></div>{_others()}')
    html = _page("Khắc phục thiệt hại sản xuất nông nghiệp sau mưa lũ", _SIDE, main, _SITE)
    a = _article(html, "https://khuyennong.daklak.gov.vn/tin-tuc/khac-phuc-thiet-hai-sau-mua-lu-2.html")
    assert a.body == "\n\n".join([_INTRO, *(f"- {t}" for t in _TASKS)])


# -- 3. a notice and its table in a bare content cell beside a lunar-calendar box ---------------------------------

_NOTICE = ["Hội Chữ thập đỏ xã Ea Kênh trao 21 suất quà cho hộ bị lũ.",
           "Danh sách các hộ nhận quà được niêm yết dưới đây:"]
_GIFTS = [["Thôn", "Số hộ", "Số tiền (đồng)"], ["Thôn 3", "12", "6.000.000"], ["Thôn 7", "9", "4.500.000"],
          ["Tổng cộng", "21", "10.500.000"]]
_LUNAR = ('<div class="box"><h3 class="box-title">LỊCH ÂM</h3><div class="box-body"><p>Âm lịch: ngày 6 tháng 7, Ất Tỵ'
          '</p><p>Ngày Mậu Ngọ, tháng Giáp Thân</p></div></div>')
_CATEGORIES = ('<div class="box"><h3 class="box-title">DANH MỤC</h3><div class="box-body"><ul><li><a href="/tin.asp?c=1">'
               'Tin hoạt động</a></li><li><a href="/tin.asp?c=2">Thông báo</a></li></ul></div></div>')


def _font_para(text: str) -> str:
    return f'<p align="justify"><font face="Tahoma" size="2">{text}</font></p>'


def _red_cross(headline: str, content: str, left: str) -> str:
    """A classic ASP site in tables and <font>s: the article in a cell with no class, boxes on the left."""
    article = ('<table width="100%" cellpadding="0" cellspacing="0"><tr><td class="tenmuc" bgcolor="#b00000">'
               '<font color="#ffffff"><b>THÔNG BÁO</b></font></td></tr><tr><td style="padding:6px">'
               f'<font face="Tahoma" size="4" color="#b00000"><b>{headline}</b></font><br>'
               f'<font size="1" color="#777777">Ngày đăng: 28/08/2025</font>{content}</td></tr></table>')
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Hoi Chu thap do xa Ea Kenh - '
            f'{headline}</title></head><body><table width="100%"><tr><td><img src="/images/banner.jpg" alt="Hội Chữ '
            f'thập đỏ xã Ea Kênh"></td></tr></table><div class="main-container"><div class="col-left">{left}</div>'
            f'<div class="col-main">{article}</div></div><div class="footer"><p>HỘI CHỮ THẬP ĐỎ XÃ EA KÊNH</p>'
            '<p>Địa chỉ: Thôn 5, xã Ea Kênh, tỉnh Đắk Lắk. Điện thoại: 0262.3521.486</p></div></body></html>')


@pytest.mark.parametrize("profile", ["generic", None])
def test_a_short_notice_and_its_table_outweigh_a_lunar_calendar_box(profile):
    table = ('<table border="1" cellpadding="3" cellspacing="0" width="95%" align="center">' + "".join(
        "<tr>" + "".join(f'<td align="center"><font face="Tahoma" size="2">{c}</font></td>' for c in row) + "</tr>"
        for row in _GIFTS) + "</table>")
    html = _red_cross("Trao quà hỗ trợ hộ bị ảnh hưởng bởi lũ", "".join(map(_font_para, _NOTICE)) + table,
                      _CATEGORIES + _LUNAR)
    a = _article(html, "http://chuthapdo-eakenh.vn/tintuc/chitiet.asp?ID=412", profile)
    assert a.headline == "Trao quà hỗ trợ hộ bị ảnh hưởng bởi lũ"
    assert a.body == "\n\n".join([*_NOTICE, "\n".join(" | ".join(row) for row in _GIFTS)])


def test_a_notice_of_short_lines_alone_is_still_the_body():
    """Guard: with no calendar beside it, a notice whose every line is short is the body."""
    lines = ["Thời gian: 7 giờ 30, sáng 30/8/2025.", "Địa điểm: Hội trường UBND xã Ea Kênh.",
             "Thành phần: chi hội trưởng các thôn."]
    html = _red_cross("Giấy mời dự hội nghị sơ kết công tác hội", "".join(map(_font_para, lines)), _CATEGORIES)
    a = _article(html, "http://chuthapdo-eakenh.vn/tintuc/chitiet.asp?ID=415")
    assert a.body == "\n\n".join(lines)


# -- 4. print views ------------------------------------------------------------------------------------------

_PRINT_HEADLINE = "Khai mạc trưng bày chuyên đề kỷ niệm 80 năm Cách mạng tháng Tám"


def _print_view(footer: str) -> str:
    return (f'<html><head><meta charset="utf-8"><title>In bài: {_PRINT_HEADLINE}</title></head>'
            '<body onload="window.print()"><table width="680" align="center" cellpadding="0" cellspacing="0"><tr><td>'
            '<p align="center"><b>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK</b><br>Website: http://www.daklak.gov.vn</p><hr>'
            f'<p class="tieude">{_PRINT_HEADLINE}</p><p><font size="1">Ngày đăng: 20/08/2025 14:05</font></p>'
            f'{_paras(MUSEUM)}<p align="right"><i>Theo Báo Đắk Lắk</i></p><hr>{footer}'
            '<p align="center"><a href="javascript:window.print()">[In bài]</a> <a href="javascript:window.close()">'
            '[Đóng cửa sổ]</a></p></td></tr></table></body></html>')


@pytest.mark.parametrize("footer", [
    ('<p><font size="1">Địa chỉ bài viết: http://www.daklak.gov.vn/tin-tuc/khai-mac-trung-bay-chuyen-de-2041.html'
     '<br>In lúc: 09:12 ngày 21/08/2025</font></p>'),
    ('<p>URL của bản tin này: http://www.daklak.gov.vn/print.aspx?id=2041</p>'
     '<p>In lúc: 21/08/2025 09:12</p>'),
])
def test_a_print_view_s_headline_text_and_source(footer):
    a = _article(_print_view(footer), "http://www.daklak.gov.vn/print.aspx?id=2041")
    assert a.headline == _PRINT_HEADLINE
    assert a.body == "\n\n".join(MUSEUM)
    assert a.source == "Báo Đắk Lắk"
    assert a.published_at == "2025-08-20T14:05:00+07:00"      # not when it was printed


def test_a_sentence_that_mentions_the_article_s_address_stays():
    """Guard: a normal article's last paragraph that speaks of 'địa chỉ bài viết' is text."""
    last = ("Bạn đọc muốn chia sẻ tư liệu, hiện vật có thể gửi kèm địa chỉ bài viết này qua hộp thư của Bảo tàng "
            "tỉnh hoặc liên hệ trực tiếp phòng Sưu tầm.")
    main = (f'<div class="news-detail"><h1 class="title">{_PRINT_HEADLINE}</h1><div class="date">20/08/2025</div>'
            f'<div class="news-content">{_paras([*MUSEUM, last])}</div></div>{_others()}')
    html = _page(_PRINT_HEADLINE, _SIDE, main, "Bảo tàng tỉnh Đắk Lắk")
    a = _article(html, "https://baotang.daklak.gov.vn/tin-tuc/khai-mac-trung-bay-chuyen-de.html")
    assert a.body == "\n\n".join([*MUSEUM, last])


# -- 5. a comment form and readers' comments inside the article's container ------------------------------------

_SIGNER = "Hoàng Minh Đức"
_FORM = ('<section class="comment-form"><h2>Thêm bình luận mới</h2><form action="/comment/reply/3120" method="post">'
         '<div class="form-item"><label>Tên của bạn</label><input type="text" name="name" size="30"></div>'
         '<div class="form-item"><label>Email</label><input type="text" name="mail"></div>'
         '<div class="form-item"><label>Bình luận</label><textarea name="comment_body" rows="5"></textarea></div>'
         '<input type="submit" value="Lưu"></form></section>')
_COMMENTS = ('<div class="box-comment"><h3>Ý kiến (3)</h3>'
             '<div class="comment_item"><b>Trần Văn Hải</b> <span>02/09/2025</span><p>Mong công ty sớm lắp thêm '
             'trạm ở xã An Tường.</p></div>'
             '<div class="comment_item"><b>Lý Thị Mai</b> <span>03/09/2025</span><p>Nước đã ổn định, cảm ơn công '
             'ty.</p></div>'
             '<div class="comment_item"><b>Nông Văn Tú</b> <span>03/09/2025</span><p>Đề nghị kiểm tra lại áp lực '
             'nước ở tổ 12.</p></div></div>')


@pytest.mark.parametrize("tail", [_FORM, _COMMENTS, _COMMENTS + _FORM])
def test_a_comment_form_and_comments_inside_the_container_are_no_text(tail):
    main = ('<div class="article-detail"><h1 class="article-title">Vận hành trạm bơm tăng áp mới tại phường Nông '
            f'Tiến</h1><div class="article-date">05/09/2025 08:05</div>{_paras(WATER)}'
            f'<p style="text-align:right"><strong>{_SIGNER}</strong></p>{tail}</div>')
    html = _page("Vận hành trạm bơm tăng áp mới tại phường Nông Tiến", _SIDE, main, "Công ty Cấp nước Tuyên Quang")
    a = _article(html, "https://capnuoctuyenquang.vn/tin-tuc/van-hanh-tram-bom-tang-ap.html")
    assert a.body == "\n\n".join(WATER)
    assert a.author == _SIGNER


@pytest.mark.parametrize("where", ["page", "column", "bare"])
def test_asp_net_s_page_wide_form_keeps_the_article(where):
    """Guard: <form id="aspnetForm"> wraps the whole page, the main column's article, or the article's
    own lines with nothing between (a text of three paragraphs), which it keeps."""
    lines = ('<h1 class="article-title">Vận hành trạm bơm tăng áp mới tại phường Nông Tiến</h1>'
             f'<div class="article-date">05/09/2025 08:05</div>{_paras(WATER)}'
             f'<p style="text-align:right"><strong>{_SIGNER}</strong></p>')
    form = ('<form name="aspnetForm" method="post" action="./ChiTiet.aspx?id=3120" id="aspnetForm">'
            '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk">'
            '<input type="text" name="ctl00$txtSearch" id="ctl00_txtSearch">')
    article = {"page": f'<div class="article-detail">{lines}</div>',
               "column": f'{form}<div class="article-detail">{lines}</div></form>',
               "bare": f'<div class="article-detail">{form}{lines}</form></div>'}[where]
    page = _page("Vận hành trạm bơm tăng áp mới tại phường Nông Tiến", _SIDE, article, "Công ty Cấp nước Tuyên Quang")
    if where == "page":
        head, _, rest = page.partition("<body>")
        body, _, end = rest.rpartition("</body>")
        page = f"{head}<body>{form}{body}</form></body>{end}"
    a = _article(page, "https://capnuoctuyenquang.vn/ChiTiet.aspx?id=3120")
    assert a.body == "\n\n".join(WATER)
    assert a.author == _SIGNER


@pytest.mark.parametrize("where", ["column", "bare"])
def test_asp_net_s_form_around_a_short_article_keeps_it(where):
    """Guard: the same with a text of two paragraphs."""
    lines = ('<h1 class="article-title">Vận hành trạm bơm tăng áp mới tại phường Nông Tiến</h1>'
             f'<div class="article-date">05/09/2025 08:05</div>{_paras(WATER[:2])}'
             f'<p style="text-align:right"><strong>{_SIGNER}</strong></p>')
    form = ('<form name="aspnetForm" method="post" action="./ChiTiet.aspx?id=3121" id="aspnetForm">'
            '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk">'
            '<input type="text" name="ctl00$txtSearch" id="ctl00_txtSearch">')
    article = {"column": f'{form}<div class="article-detail">{lines}</div></form>',
               "bare": f'<div class="article-detail">{form}{lines}</form></div>'}[where]
    page = _page("Vận hành trạm bơm tăng áp mới tại phường Nông Tiến", _SIDE, article, "Công ty Cấp nước Tuyên Quang")
    a = _article(page, "https://capnuoctuyenquang.vn/ChiTiet.aspx?id=3121")
    assert a.body == "\n\n".join(WATER[:2])
    assert a.author == _SIGNER


# -- 6. a toolbar line -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("toolbar", ["In bài | Gửi email | Quay lại", "In bài |"])
def test_a_toolbar_line_is_no_text(toolbar):
    main = (f'<div class="news-detail"><h1 class="title">{_FARM_HEADLINE}</h1><div class="date">14/08/2025</div>'
            f'<div class="news-content">{_paras(FARM)}<p style="text-align:right"><b>Y Thuân Niê</b></p>'
            f'<div class="tools">{toolbar}</div></div></div>{_others()}')
    html = _page(_FARM_HEADLINE, _SIDE, main, _SITE)
    a = _article(html, "https://khuyennong.daklak.gov.vn/tin-tuc/hoi-thao-lua-sri.html")
    assert a.body == "\n\n".join(FARM)


def test_a_sentence_about_printing_stays():
    """Guard: a sentence that starts with 'In bài' words but goes on is text."""
    last = "In bài giảng và tài liệu kỹ thuật được phát miễn phí cho các hộ tham gia lớp tập huấn."
    main = (f'<div class="news-detail"><h1 class="title">{_FARM_HEADLINE}</h1><div class="date">14/08/2025</div>'
            f'<div class="news-content">{_paras([*FARM, last])}</div></div>{_others()}')
    html = _page(_FARM_HEADLINE, _SIDE, main, _SITE)
    a = _article(html, "https://khuyennong.daklak.gov.vn/tin-tuc/hoi-thao-lua-sri-3.html")
    assert a.body == "\n\n".join([*FARM, last])


# -- 7. a source keeps its brackets ------------------------------------------------------------------------------

@pytest.mark.parametrize("line, source", [
    ("Nguồn: Cổng TTĐT huyện Kim Bảng (cũ)", "Cổng TTĐT huyện Kim Bảng (cũ)"),
    ("(Nguồn: Báo Hà Nam)", "Báo Hà Nam"),                         # guard: the line's own brackets go
    ("Theo Báo Hà Nam (cũ)", "Báo Hà Nam (cũ)"),
    ("(Theo Báo Hà Nam (cũ))", "Báo Hà Nam (cũ)"),                 # guard: both kinds of bracket
    ("(Theo TTXVN)", "TTXVN"),                                      # guard
    ("Nguồn: Trung tâm Văn hóa - Thông tin huyện Thanh Liêm (cũ)", "Trung tâm Văn hóa - Thông tin huyện Thanh Liêm (cũ)"),
])
def test_a_source_keeps_its_closing_bracket(line, source):
    sig = split_signature(line)
    assert sig is not None and sig.source == source


@pytest.mark.parametrize("profile", ["generic", None])
def test_a_source_line_with_a_bracket_on_a_page(profile):
    main = (f'<div class="news-detail"><h1 class="title">{_PRINT_HEADLINE}</h1><div class="date">20/08/2025</div>'
            f'<div class="news-content">{_paras(MUSEUM)}<p style="text-align:right"><em>Nguồn: Cổng TTĐT huyện Kim '
            f'Bảng (cũ)</em></p></div></div>{_others()}')
    html = _page(_PRINT_HEADLINE, _SIDE, main, "Cổng thông tin điện tử tỉnh Ninh Bình")
    a = _article(html, "https://ninhbinh.gov.vn/tin-tuc/khai-mac-trung-bay-chuyen-de.html", profile)
    assert a.source == "Cổng TTĐT huyện Kim Bảng (cũ)"
    assert a.body == "\n\n".join(MUSEUM)


# -- 8. a signer's unit after a dash -------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "KS. Y Thuân Niê - Trại giống cây trồng Ea Kao",
    "Nguyễn Văn An - Công ty Cấp nước Tuyên Quang",
    "Lê Thị Hoa - Bảo tàng tỉnh",
    "Phạm Quốc Huy - Nhà máy Thủy điện Tuyên Quang",
])
def test_a_signer_with_a_unit_is_printed_whole(line):
    sig = split_signature(line)
    assert sig is not None and sig.author == line and sig.source is None


@pytest.mark.parametrize("signer, paras, profile", [
    ("KS. Y Thuân Niê - Trại giống cây trồng Ea Kao", FARM, "generic"),
    ("Nguyễn Văn An - Công ty Cấp nước Tuyên Quang", WATER, None),
    ("Lê Thị Hoa - Bảo tàng tỉnh", MUSEUM, "generic"),
])
def test_a_right_aligned_bold_signer_with_a_unit_is_the_author(signer, paras, profile):
    main = ('<div class="news-detail"><h1 class="title">Tin hoạt động</h1><div class="date">05/09/2025</div>'
            f'<div class="news-content">{_paras(paras)}<p style="text-align: right;"><strong>{signer}</strong></p>'
            f'</div></div>{_others()}')
    html = _page("Tin hoạt động", _SIDE, main, "Cổng thông tin điện tử tỉnh Đắk Lắk")
    a = _article(html, "https://daklak.gov.vn/tin-tuc/tin-hoat-dong-1187.html", profile)
    assert a.author == signer
    assert a.body == "\n\n".join(paras)


@pytest.mark.parametrize("line", ["Trần Văn Bình - Phòng Kinh tế", "Minh Thư - Thanh Phong",
                                  "Hồng Nhung - Trung tâm Văn hóa huyện"])
def test_signers_after_a_dash_read_before_stay(line):
    """Guard: an office the unit list already knew, two writers joined."""
    sig = split_signature(line)
    assert sig is not None and sig.author == line and sig.source is None
