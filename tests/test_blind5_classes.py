"""The failure classes of the fifth blind set, each on a small page of its own (other wording,
other markup than the blind pages): the rules must read structure and labels, not those pages."""
from __future__ import annotations

from govnews.parsers.dates import parse_vietnamese_datetime
from govnews.parsers.extract import parse_page

HEADLINE = "Phường Hòa Bình ra mắt mô hình tuyến phố xanh, sạch, đẹp năm 2024"
PROSE = ("Sáng nay, Ủy ban nhân dân phường tổ chức lễ ra mắt mô hình tuyến phố xanh, sạch, đẹp "
         "với sự tham gia của hơn 300 hộ gia đình sinh sống trên các tuyến phố chính.")
PROSE2 = ("Theo kế hoạch, đến cuối năm phường sẽ trồng thêm 500 cây xanh, lắp đặt 40 thùng rác "
          "phân loại và duy trì tổng vệ sinh vào sáng thứ bảy hằng tuần.")
URL = "https://hoabinh.example.gov.vn/tin-tuc/tuyen-pho-xanh-2024-7731.html"


def _page(body: str, title: str = HEADLINE, lang: str = "vi", attrs: str = "") -> bytes:
    return (f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"</head><body{attrs}>{body}</body></html>").encode("utf-8")


def _parse(body: str, url: str = URL, profile: str | None = None, **kw):
    return parse_page(_page(body, **kw), url, profile=profile).article


# -- 1. dates: months in words, a short weekday after 'vào', a tooltip, a print date ------------

def test_month_in_words():
    for text, want in (("Thứ Bảy, 07 Tháng Mười Hai, 2024 - 15:05", "2024-12-07T15:05:00+07:00"),
                       ("ngày 3 tháng Giêng năm 2023", "2023-01-03T00:00:00+07:00"),
                       ("21 tháng Tư 2022", "2022-04-21T00:00:00+07:00"),
                       ("Hà Nội, ngày 15 tháng 11 năm 2021", "2021-11-15T00:00:00+07:00")):
        assert parse_vietnamese_datetime(text).value.isoformat() == want
    a = _parse(f'<div class="art"><h1>{HEADLINE}</h1><p class="ngay">Chủ Nhật, 01 Tháng Mười, 2023 - 08:40</p>'
               f'<div class="noi-dung"><p>{PROSE}</p><p>{PROSE2}</p></div></div>')
    assert a.published_at == "2023-10-01T08:40:00+07:00"


def test_print_date_is_not_the_articles_date():
    a = _parse(f'<h2>{HEADLINE}</h2><p class="print-info"><em>In ngày: 02/11/2025 10:12</em></p>'
               f'<div><div class="noi-dung"><p>{PROSE}</p><p>{PROSE2}</p></div>'
               '<p>Trần Văn Hải</p><p>Trang chủ | Tin tức | 14/06/2024 09:00</p></div>')
    assert a.published_at == "2024-06-14T09:00:00+07:00"


def test_date_only_in_the_tooltip_of_a_relative_time():
    a = _parse(f'<main><h1>{HEADLINE}</h1><div class="meta"><span class="by">Thu Trang</span> '
               '<span class="ago" title="Thứ Sáu, 12/01/2024 07:45">1 năm trước</span></div>'
               f'<div class="text"><p>{PROSE}</p><p>{PROSE2}</p></div>'
               '<ul class="more"><li><a href="/tin-tuc/tin-1.html">Phường tổ chức hội nghị đối thoại với nhân dân</a>'
               ' <span title="20/10/2025 10:00">2 tuần trước</span></li>'
               '<li><a href="/tin-tuc/tin-2.html">Ra quân làm sạch kênh mương nội đồng</a>'
               ' <span title="10/10/2025 10:00">3 tuần trước</span></li></ul></main>')
    assert a.published_at == "2024-01-12T07:45:00+07:00"


# -- 2. a site-name <h1>, a most-read box's <h2> before the article's <h2> ----------------------

def test_most_read_box_title_is_not_the_headline_nor_its_count_the_views():
    a = _parse('<h1 class="logo-text">ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH</h1>'
               '<div class="left"><div class="khoi"><h2>Bài đọc nhiều nhất</h2><ul>'
               '<li><a href="/tin-tuc/a-1.html">Phường khen thưởng 20 gia đình văn hóa tiêu biểu</a> (8.431 lượt đọc)</li>'
               '<li><a href="/tin-tuc/a-2.html">Lễ phát động Tết trồng cây đời đời nhớ ơn Bác Hồ</a> (6.002 lượt đọc)</li>'
               '</ul></div></div><div class="right">'
               f'<h2 class="tieu-de">{HEADLINE}</h2><p class="small">Đăng ngày 05/03/2024 lúc 10h15</p>'
               f'<div class="chi-tiet"><p>{PROSE}</p><p>{PROSE2}</p></div></div>',
               title="Cổng thông tin điện tử phường Hòa Bình")
    assert a.headline == HEADLINE
    assert a.view_count is None
    assert a.published_at == "2024-03-05T10:15:00+07:00"


def test_screen_reader_heading_is_not_the_headline():
    a = _parse('<h2 class="visually-hidden">Bạn đang ở đây</h2><div class="crumbs"><a href="/">Trang chủ</a></div>'
               f'<div class="body"><p>{PROSE}</p><p>{PROSE2}</p></div>')
    assert a.headline == HEADLINE


# -- 3. Drupal 7: the page's layout classes on <body>, field blocks, the poster -------------------

DRUPAL = ('<div id="header"><div id="site-name"><a href="/">Sở Nông nghiệp tỉnh Mẫu</a></div></div>'
          '<div id="nav"><ul class="links"><li><a href="/">Trang chủ</a></li>'
          '<li><a href="/thu-tuc">Dịch vụ công trực tuyến mức độ bốn</a></li></ul></div>'
          '<div id="main-wrapper"><div id="main"><div id="content" class="column">'
          '<h2 class="element-invisible">Bạn đang ở đây</h2>'
          f'<h1 id="page-title">{HEADLINE}</h1>'
          '<div class="node"><div class="submitted"><span>Gửi bởi quantri vào CN, 14/04/2024 - 07:05</span></div>'
          '<div class="content"><div class="field field-name-body"><div class="field-items"><div class="field-item">'
          f'<p>{PROSE}</p><p>{PROSE2}</p></div></div></div>'
          '<div class="field field-label-inline"><div class="field-label">Tác giả:&nbsp;</div>'
          '<div class="field-items"><div class="field-item">Lê Minh Châu</div></div></div>'
          '<div class="field field-label-inline"><div class="field-label">Nguồn tin:&nbsp;</div>'
          '<div class="field-items"><div class="field-item">Báo Nông thôn</div></div></div>'
          '</div></div></div>'
          '<div id="sidebar-first" class="column sidebar"><h2>Liên kết</h2><p>Cổng dịch vụ công quốc gia</p></div>'
          '</div></div>'
          '<div id="footer"><div class="content"><p><strong>SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN</strong></p>'
          '<p>Địa chỉ: số 12 đường Lê Lợi, phường Hòa Bình, thành phố Mẫu, tỉnh Mẫu. Điện thoại: 0200.3812.345, '
          'Fax: 0200.3812.346, thư điện tử: snn@example.gov.vn</p><p>Bản quyền thuộc về Sở Nông nghiệp và Phát '
          'triển nông thôn tỉnh Mẫu, ghi rõ nguồn khi phát hành lại thông tin từ trang này</p></div></div>')


def test_drupal_body_fields_and_poster():
    a = _parse(DRUPAL, title=f"{HEADLINE} | Sở Nông nghiệp tỉnh Mẫu",
               attrs=' class="html not-front one-sidebar sidebar-first page-node"')
    assert a.headline == HEADLINE
    assert a.body == PROSE + "\n\n" + PROSE2
    assert a.published_at == "2024-04-14T07:05:00+07:00"
    assert a.author == "Lê Minh Châu"          # the account after 'Gửi bởi' is the poster
    assert a.source == "Báo Nông thôn"


# -- 4. Q&A: the question then the answer; the answering office is the author --------------------

QUESTION = ("Gia đình tôi muốn chuyển mục đích sử dụng 200 m2 đất vườn sang đất ở. Xin hỏi cần "
            "chuẩn bị hồ sơ gì và nộp ở đâu?")
ANSWER = ("Căn cứ Luật Đất đai, hộ gia đình nộp đơn đề nghị chuyển mục đích sử dụng đất kèm giấy "
          "chứng nhận quyền sử dụng đất tại bộ phận một cửa của Ủy ban nhân dân cấp huyện.")


def test_question_and_answer_page():
    a = _parse('<div class="hoidap"><h1>Chuyển mục đích sử dụng đất vườn sang đất ở?</h1>'
               '<dl><dt>Người gửi:</dt><dd>Trần Thị Mai</dd><dt>Ngày gửi:</dt><dd>02/05/2024</dd></dl>'
               f'<section class="q"><h4>Câu hỏi:</h4><div class="txt"><p>{QUESTION}</p></div></section>'
               '<section class="a"><h4>Trả lời:</h4>'
               '<p class="who">Cơ quan trả lời: <strong>Phòng Tài nguyên và Môi trường huyện</strong></p>'
               f'<div class="txt"><p>{ANSWER}</p><p>{PROSE2}</p></div></section></div>',
               title="Hỏi đáp")
    assert a.body == QUESTION + "\n\n" + ANSWER + "\n\n" + PROSE2
    assert a.author == "Phòng Tài nguyên và Môi trường huyện"


# -- 5. a pager inside the article; the signature above it ---------------------------------------

def test_pager_inside_the_article_is_not_body():
    a = _parse(f'<div class="baiviet"><h1>{HEADLINE}</h1><div class="ngay">15/05/2024 09:00</div>'
               f'<div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p>'
               '<p style="text-align:right"><b>Minh Khôi</b></p>'
               '<div class="pages"><a href="?p=1">‹ Trang trước</a> | Trang <a href="?p=1">1</a> 2 <a href="?p=3">3</a>'
               ' | <a href="?p=3">Trang tiếp</a></div></div></div>')
    assert a.body == PROSE + "\n\n" + PROSE2
    assert a.author == "Minh Khôi"


# -- 6. a thumbnail named like a digit; photo credits; two names ---------------------------------

def test_thumbnail_named_like_a_digit_is_not_the_counter():
    a = _parse(f'<h1>{HEADLINE}</h1><div class="nd"><p>{PROSE}</p><p>{PROSE2}</p>'
               '<p style="text-align:right"><b>Ảnh: Hồng Nhung</b></p></div>'
               '<ul class="khac"><li><a href="/psa/1.html"><img src="/thumb/anh-3.jpg">'
               'Sắc màu lễ hội đường phố mùa hè</a> (15 ảnh)</li>'
               '<li><a href="/psa/2.html"><img src="/thumb/anh-4.jpg">Vẻ đẹp bình minh trên biển Nhơn Lý</a>'
               ' (9 ảnh)</li></ul>'
               '<div class="thongke">Lượt truy cập <span><img src="/dem/1.gif"><img src="/dem/0.gif">'
               '<img src="/dem/2.gif"><img src="/dem/4.gif"><img src="/dem/8.gif"></span></div>')
    assert a.visitor_counter == 10248
    assert a.author == "Hồng Nhung"


def test_photo_report_credit_label_is_stripped():
    a = _parse(f'<h1>{HEADLINE}</h1><div class="nd"><p>{PROSE}</p><p>{PROSE2}</p>'
               '<p style="text-align:right"><strong>Phóng sự ảnh: Đình Phúc</strong></p></div>')
    assert a.author == "Đình Phúc"
    assert a.body == PROSE + "\n\n" + PROSE2


def test_two_names_joined_by_a_dash_in_a_marked_author_element():
    a = _parse(f'<div class="news"><h3 class="title">{HEADLINE}</h3><div class="ngay">15/05/2024</div>'
               f'<div class="content"><p>{PROSE}</p><p>{PROSE2}</p></div>'
               '<div class="tacgia"><i>Thanh Tùng - Bích Ngọc</i></div></div>')
    assert a.author == "Thanh Tùng - Bích Ngọc"


# -- 7. the English page of a .vn portal keeps its captions --------------------------------------

def test_english_page_of_a_vn_portal_keeps_captions():
    text = ("On Tuesday morning, the provincial People's Committee held a conference to review the "
            "results of administrative reform in 2023 and set tasks for the coming year.")
    text2 = ("Provincial departments reduced the time needed to process business registration "
             "documents by an average of thirty percent compared with the previous year.")
    caption = "Delegates attend the conference."
    body = (f'<article><h1>Province reviews administrative reform</h1><p class="date">09/01/2024</p>'
            f'<div class="article-body"><p>{text}</p><figure><img src="/u/hn.jpg">'
            f'<figcaption>{caption}</figcaption></figure><p>{text2}</p></div></article>')
    a = _parse(body, url="https://www.example.gov.vn/en/news/reform-review-88.html", lang="en",
               title="Province reviews administrative reform")
    assert a.body == text + "\n\n" + caption + "\n\n" + text2
    b = _parse(body, url="https://www.example.com/news/reform-review-88.html", lang="en",
               title="Province reviews administrative reform")
    assert b.body == text + "\n\n" + text2
