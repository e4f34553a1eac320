"""The failure classes of the twenty-second blind set (fixtures/heldout_pages22.py), each on a small
page of its own written from the class, in Vietnamese and, where the class is not Vietnamese-only, in
English: a side box's title by its class ('box-title', 'widget-title', 'portlet-title', 'title-box',
'module-title') placed before the article's own title; an article's title over its text and a comment
form (a widget's title has its form control right under it); a site's statistics list beside the
article's own 'Lượt đọc:' in a WordPress entry-meta whose date links to the permalink, 'Lượt xem bài:';
a school's signatures after a dash ('- Tổng phụ trách Đội', '- Tổ trưởng chuyên môn', '- Tổ phó tổ
Toán'); share bars and social plugins inside a Vietnamese article's container (Jetpack's sharedaddy,
NukeViet's socialicon / fb-like / zalo-share-button), captions kept."""
from __future__ import annotations

import pytest
from govnews.parsers.extract import parse_page
from govnews.parsers.fields import split_signature, view_count_in

VI = [("Sáng 19/8, Bệnh viện Đa khoa huyện Phù Ninh đưa vào sử dụng hệ thống 12 máy chạy thận nhân tạo mới do "
      "Sở Y tế tỉnh cấp từ nguồn vốn chương trình mục tiêu năm 2025."),
      ("Theo bác sĩ Lương Văn Khải, Trưởng khoa Hồi sức tích cực, với hệ thống mới bệnh viện có thể tiếp nhận "
      "thêm khoảng 40 người bệnh suy thận mạn, giúp họ không phải lên tuyến tỉnh điều trị."),
      ("Trước đó, 18 điều dưỡng của khoa đã được cử đi học kỹ thuật lọc máu tại Bệnh viện Bạch Mai trong thời "
      "gian ba tháng.")]
SCHOOL = [("Chiều 6/9, Liên đội Trường Tiểu học Hà Lộc tổ chức chương trình Vui Tết Trung thu cho gần 600 học "
          "sinh toàn trường với nhiều hoạt động bổ ích."),
          ("Các em được tham gia thi làm đèn ông sao, bày mâm ngũ quả và xem múa lân do chính các bạn học sinh "
          "khối 5 biểu diễn."),
          "Dịp này, nhà trường trao 45 suất quà cho học sinh có hoàn cảnh khó khăn, mỗi suất trị giá 200.000 đồng."]
EN = [("The provincial Department of Health put twelve new haemodialysis machines into service at the district "
      "general hospital on Tuesday, funded from the 2025 targeted programme."),
      ("With the new system the hospital can take about forty more patients with chronic kidney failure, who "
      "until now had to travel to the provincial hospital three times a week."),
      ("Eighteen nurses of the intensive care ward spent three months learning the technique at Bach Mai "
      "Hospital in Hanoi before the machines arrived.")]


def _article(html: str, url: str, profile: str | None = "generic"):
    return parse_page(html.encode("utf-8"), url, {}, profile=profile).article


def _paras(paras) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def _page(title: str, column: str, main: str, lang: str = "vi", head: str = "", site: str = "") -> str:
    """A portal page: a header menu, a left column of boxes, the main column, a footer."""
    if lang == "vi":
        menu = ("Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Liên hệ")
        foot = (f'<p>{site or "Cổng thông tin điện tử"}</p><p>Địa chỉ: Số 27 đường Hùng Vương, thị trấn Phong Châu. '
                'Điện thoại: 0210.3829.415 - Email: vanphong@phuninh.gov.vn</p><p>© Bản quyền thuộc về '
                f'{site or "Ủy ban nhân dân huyện"}. Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p>')
    else:
        menu = ("Home", "About us", "News", "Documents", "Contact")
        foot = (f'<p>{site or "Electronic portal"}</p><p>Address: 27 Hung Vuong Street, Phong Chau town. '
                'Tel: +84 210 3829 415</p><p>© Copyright. Please cite the source when republishing.</p>')
    nav = "".join(f'<li><a href="/{i}">{m}</a></li>' for i, m in enumerate(menu))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
            f'<body><div id="header"><div class="logo"><a href="/"><img src="/images/logo.png" alt="logo"></a>'
            f'</div><ul class="main-menu">{nav}</ul></div><div id="wrapper" class="container">'
            f'<div class="col-left">{column}</div><div class="col-main">{main}</div></div>'
            f'<div id="footer">{foot}</div></body></html>')


def _related(lang: str = "vi") -> str:
    if lang == "vi":
        items = [("/tin-tuc/kham-sang-loc-ung-thu-vu.html", "Khám sàng lọc ung thư vú miễn phí cho phụ nữ",
                  "14/08/2025"),
                 ("/tin-tuc/tap-huan-cap-cuu.html", "Tập huấn cấp cứu ngừng tuần hoàn cho nhân viên y tế",
                  "02/08/2025"),
                 ("/tin-tuc/hien-mau-tinh-nguyen.html", "Hơn 300 đơn vị máu được tiếp nhận trong ngày hội",
                  "28/07/2025")]
        head = "Tin liên quan"
    else:
        items = [("/en/news/cancer-screening.html", "Free breast cancer screening for women in the district",
                  "14/08/2025"),
                 ("/en/news/first-aid-training.html", "Health workers trained in cardiac resuscitation", "02/08/2025"),
                 ("/en/news/blood-donation.html", "More than 300 units of blood collected at the festival",
                  "28/07/2025")]
        head = "Related news"
    return (f'<div class="related-news"><h4>{head}</h4><ul>'
            + "".join(f'<li><a href="{h}">{t}</a> <span>({d})</span></li>' for h, t, d in items) + "</ul></div>")


_COLUMN = ('<div class="block"><h3 class="block-title">VĂN BẢN MỚI</h3><ul>'
           '<li><a href="/van-ban/ke-hoach-112-kh-ubnd.html">Kế hoạch số 112/KH-UBND về chuyển đổi số năm 2025</a></li>'
           '<li><a href="/van-ban/quyet-dinh-845-qd-ubnd.html">Quyết định số 845/QĐ-UBND ban hành quy chế tiếp công '
           'dân</a></li></ul></div><div class="block"><h3 class="block-title">THỐNG KÊ</h3><ul>'
           '<li><label>Đang truy cập:</label> <span>14</span></li><li><label>Hôm nay:</label> <span>623</span></li>'
           '<li><label>Tổng lượt truy cập:</label> <span>2.048.915</span></li></ul></div>')
_COLUMN_EN = ('<div class="block"><h3 class="block-title">NEW DOCUMENTS</h3><ul>'
              '<li><a href="/en/documents/plan-112.html">Plan No. 112 on digital transformation in 2025</a></li>'
              '<li><a href="/en/documents/decision-845.html">Decision No. 845 on receiving citizens</a></li></ul>'
              '</div><div class="block"><h3 class="block-title">VISITORS</h3><ul><li>Online: <span>14</span></li>'
              '<li>Today: <span>623</span></li><li>Total: <span>2,048,915</span></li></ul></div>')


# -- 1. a side box's title, by its class, before the article's own title -----------------------------------

_HOURS = ("<p>Thứ Hai đến Thứ Sáu: sáng từ 7 giờ đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ.</p>"
          "<p>Thứ Bảy và Chủ nhật: khám theo yêu cầu từ 7 giờ đến 11 giờ.</p><p>Cấp cứu: 24/24 giờ.</p>")
_WORK = ("<p>Buổi sáng: từ 7 giờ 30 đến 11 giờ 30.</p><p>Buổi chiều: từ 13 giờ 30 đến 17 giờ.</p>"
         "<p>Tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở.</p>")
_HEADLINE = "Đưa vào sử dụng 12 máy chạy thận nhân tạo mới"


@pytest.mark.parametrize("box, profile", [
    (f'<div class="box"><h3 class="box-title">THỜI GIAN KHÁM BỆNH</h3><div class="box-content">{_HOURS}</div></div>',
     "generic"),
    ((f'<div class="widget widget_text"><h3 class="widget-title">GIỜ LÀM VIỆC</h3><div class="textwidget">{_WORK}'
     '</div></div>'), "generic"),
    ((f'<section class="portlet"><div class="portlet-title"><h2>THỜI GIAN LÀM VIỆC</h2></div>'
     f'<div class="portlet-body">{_WORK}</div></section>'), "generic"),
    (f'<div class="left-box"><div class="title-box"><h3>LỊCH TRỰC CẤP CỨU</h3></div>{_HOURS}</div>', None),
])
def test_a_side_box_s_title_before_the_article_s_is_not_the_headline(box, profile):
    main = ('<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a></div>'
            f'<div class="news-detail"><h3 class="title-news">{_HEADLINE}</h3>'
            '<div class="news-date">Ngày đăng: 19/08/2025 09:40</div>'
            f'<div class="news-content">{_paras(VI)}<p style="text-align:right"><strong>Minh Tuấn</strong></p></div>'
            f'</div>{_related()}')
    html = _page("Bệnh viện Đa khoa huyện Phù Ninh", box, main, site="Bệnh viện Đa khoa huyện Phù Ninh")
    a = _article(html, "https://bvdkphuninh.gov.vn/tin-tuc/dua-vao-su-dung-12-may-chay-than.html", profile)
    assert a.headline == _HEADLINE


def test_an_english_module_title_before_the_article_s_is_not_the_headline():
    headline = "Twelve new dialysis machines in service at the district hospital"
    box = ('<div class="moduletable"><h3 class="module-title">OPENING HOURS</h3><p>Monday to Friday: 7:00 to 11:30 '
           'and 13:30 to 17:00.</p><p>Saturday and Sunday: outpatient clinic from 7:00 to 11:00.</p>'
           '<p>Emergency department: open 24 hours.</p></div>')
    main = (f'<div class="item-page"><h3 class="title-news">{headline}</h3><div class="date">19/08/2025</div>'
            f'<div class="item-body">{_paras(EN)}</div></div>{_related("en")}')
    html = _page("Phu Ninh District General Hospital", box, main, "en", site="Phu Ninh District General Hospital")
    a = _article(html, "https://en.bvdkphuninh.gov.vn/news/twelve-dialysis-machines.html")
    assert a.headline == headline


def test_a_static_page_s_only_title_in_a_box_title_is_its_headline():
    """Guard: the <title> repeats the box's title; it is the page's own."""
    name = "Giới thiệu chung"
    site = "Cổng thông tin điện tử xã Trạm Thản"
    column = ('<div class="box"><h3 class="box-title">LIÊN KẾT</h3><ul><li><a href="https://phutho.gov.vn">'
              'Cổng TTĐT tỉnh Phú Thọ</a></li><li><a href="https://phuninh.phutho.gov.vn">Huyện Phù Ninh</a>'
              '</li></ul></div>')
    main = (f'<div class="static-page"><div class="box-title">{name}</div><div class="box-content">'
            '<p>Xã Trạm Thản nằm ở phía tây bắc huyện, có diện tích tự nhiên 1.245 ha, dân số 6.810 người sinh '
            'sống tại 9 khu dân cư.</p><p>Xã có tuyến đường tỉnh 323 chạy qua, thuận lợi cho giao thương và phát '
            'triển sản xuất nông nghiệp hàng hóa.</p><p>Kinh tế của xã chủ yếu là trồng chè, trồng rừng và chăn '
            'nuôi gia súc, gia cầm.</p></div></div>')
    html = _page(f"{name} - {site}", column, main, site=site)
    a = _article(html, "https://tramthan.phuninh.gov.vn/gioi-thieu-chung.html")
    assert a.headline == name


# -- 2. a title over the text and a comment form; a widget's title over its control ----------------------

_COMMENTS_VI = ('<div class="comment-box"><h4>Ý kiến bạn đọc</h4><form action="/binh-luan" method="post">'
                '<input type="hidden" name="id" value="3187"><p>Họ và tên: <input type="text" name="ho_ten"></p>'
                '<p>Email: <input type="text" name="email"></p><textarea name="noi_dung" rows="5"></textarea>'
                '<input type="button" value="Gửi" onclick="guiYKien()"></form></div>')


@pytest.mark.parametrize("title", [
    '<h2 class="tieude-tin">Liên đội tổ chức Vui Tết Trung thu cho gần 600 học sinh</h2>',
    '<div class="ten-bai"><h2>Liên đội tổ chức Vui Tết Trung thu cho gần 600 học sinh</h2></div>',
])
def test_a_title_over_its_text_and_a_comment_form_is_the_headline(title):
    main = (f'<div class="chi-tiet">{title}<div class="ngay-dang">Thứ Bảy, 06/09/2025 - 16:25</div>'
            f'{_paras(SCHOOL)}<p style="text-align:right"><em>Thu Trang</em></p>{_COMMENTS_VI}</div>{_related()}')
    column = ('<div class="khoi"><div class="khoi-tieude">THÔNG BÁO</div><ul><li><a href="/tb/1">Lịch họp phụ '
              'huynh đầu năm học</a></li><li><a href="/tb/2">Kế hoạch khai giảng năm học mới</a></li></ul></div>')
    html = _page("Trường Tiểu học Hà Lộc", column, main, site="Trường Tiểu học Hà Lộc")
    a = _article(html, "https://thhaloc.phuninh.gov.vn/tin-tuc/vui-tet-trung-thu-3187.html")
    assert a.headline == "Liên đội tổ chức Vui Tết Trung thu cho gần 600 học sinh"


def test_an_english_title_over_its_text_and_a_comment_form_is_the_headline():
    headline = "Twelve new dialysis machines in service at the district hospital"
    form = ('<div class="comments"><h4>Your comment</h4><form method="post"><p>Name: <input type="text" name="n">'
            '</p><textarea name="c"></textarea><input type="submit" value="Send"></form></div>')
    main = (f'<div class="detail"><h2>{headline}</h2><div class="date">Tuesday, 19/08/2025</div>{_paras(EN)}'
            f'{form}</div>{_related("en")}')
    html = _page("Phu Ninh District General Hospital", _COLUMN_EN, main, "en",
                 site="Phu Ninh District General Hospital")
    a = _article(html, "https://en.bvdkphuninh.gov.vn/news/detail-412.html")
    assert a.headline == headline


@pytest.mark.parametrize("widget", [
    ('<div class="khoi"><h3>LIÊN KẾT WEBSITE</h3><select onchange="window.open(this.value)">'
     '<option>-- Chọn website --</option><option value="https://phutho.gov.vn">Cổng TTĐT tỉnh Phú Thọ</option>'
     '<option value="https://sogd.phutho.gov.vn">Sở Giáo dục và Đào tạo</option></select></div>'),
    ('<div class="khoi"><h3>TÌM KIẾM THÔNG TIN</h3><input type="text" name="tu_khoa" placeholder="Nhập từ khóa">'
     '<input type="submit" value="Tìm"></div>'),
])
def test_a_box_title_right_over_a_form_control_is_not_the_headline(widget):
    """Guard: a short title with a drop-down of sites or a search field right under it is a widget's."""
    main = (f'<div class="chi-tiet"><h2 class="tieude-tin">Liên đội tổ chức Vui Tết Trung thu cho gần 600 học '
            f'sinh</h2><div class="ngay-dang">06/09/2025</div>{_paras(SCHOOL)}</div>{_related()}')
    html = _page("Trường Tiểu học Hà Lộc", widget, main, site="Trường Tiểu học Hà Lộc")
    a = _article(html, "https://thhaloc.phuninh.gov.vn/tin-tuc/vui-tet-trung-thu-3187.html")
    assert a.headline == "Liên đội tổ chức Vui Tết Trung thu cho gần 600 học sinh"


# -- 3. a site's statistics are not the article's view count -------------------------------------------------

_STATS = ('<div class="widget widget-stats"><h3 class="sidebar-header">THỐNG KÊ TRUY CẬP</h3><ul>'
          '<li><label>Người đang online:</label> <span>7</span></li>'
          '<li><label>Lượt xem hôm nay:</label> <span>486</span></li>'
          '<li><label>Tổng lượt xem trang:</label> <span>1.302.577</span></li></ul></div>')


def _wordpress(url: str, views: str) -> str:
    meta = (f'<div class="entry-meta"><span class="posted-on">Đăng ngày <a href="{url}" rel="bookmark">'
            '<time class="entry-date published" datetime="2025-08-19T09:40:00+07:00">Tháng Tám 19, 2025</time>'
            '</a></span>'
            ' <span class="byline">bởi <span class="author vcard"><a class="url fn n" href="/author/bientap/">'
            f'Ban biên tập</a></span></span>{views}</div>')
    main = (f'<article class="post type-post hentry"><header class="entry-header"><h1 class="entry-title">{_HEADLINE}'
            f'</h1>{meta}</header><div class="entry-content">{_paras(VI)}</div></article>{_related()}')
    return _page(f"{_HEADLINE} – Bệnh viện Đa khoa huyện Phù Ninh", _STATS, main,
                 head='<meta name="generator" content="WordPress 6.6.1">', site="Bệnh viện Đa khoa huyện Phù Ninh")


@pytest.mark.parametrize("profile", ["generic", None])
def test_the_article_s_own_count_beside_a_site_s_statistics(profile):
    url = "https://bvdkphuninh.com.vn/2025/08/19/dua-vao-su-dung-may-chay-than/"
    html = _wordpress(url, ' <span class="post-views">Lượt đọc: 2.318</span>')
    assert _article(html, url, profile).view_count == 2318


def test_a_site_s_statistics_alone_give_no_view_count():
    url = "https://bvdkphuninh.com.vn/2025/08/19/dua-vao-su-dung-may-chay-than/"
    a = _article(_wordpress(url, ""), url)
    assert a.view_count not in (7, 486, 1302577)


@pytest.mark.parametrize("text, want", [
    ("Người đang online: 7 Lượt xem hôm nay: 486", None),
    ("Lượt xem bài: 2.318", 2318),
    ("2.318 lượt xem", 2318),
])
def test_view_count_in_a_statistics_row_and_an_article_s_line(text, want):
    assert view_count_in(text) == want


# -- 4. a school's signature after a dash ---------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Cô giáo Hoàng Thị Bích Ngọc - Tổng phụ trách Đội",
    "Phan Văn Lộc - Tổ trưởng chuyên môn",
    "Thầy Đinh Công Tráng - Tổ phó tổ Toán",
    "Cô Vũ Thanh Nhàn - Phó Tổng phụ trách Đội",
])
def test_a_school_signature_is_printed_whole(line):
    sig = split_signature(line)
    assert sig is not None and sig.author == line


@pytest.mark.parametrize("profile", ["generic", None])
def test_a_right_aligned_italic_school_signature_is_the_author(profile):
    signer = "Cô giáo Hoàng Thị Bích Ngọc - Tổng phụ trách Đội"
    main = ('<div class="chi-tiet"><h1 class="tieude-tin">Liên đội tổ chức Vui Tết Trung thu cho gần 600 học sinh'
            '</h1><div class="ngay-dang">06/09/2025 16:25</div><div class="noi-dung">'
            f'{_paras(SCHOOL)}<p style="text-align: right;"><em>{signer}</em></p></div></div>{_related()}')
    html = _page("Liên đội tổ chức Vui Tết Trung thu - Trường Tiểu học Hà Lộc", _COLUMN, main,
                 site="Trường Tiểu học Hà Lộc")
    a = _article(html, "https://thhaloc.phuninh.gov.vn/tin-tuc/vui-tet-trung-thu-3188.html", profile)
    assert a.author == signer
    assert a.body == "\n\n".join(SCHOOL)


# -- 5. share bars and social plugins inside the article's container ---------------------------------------------

_JETPACK = ('<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Chia sẻ:</h3><ul>'
            '<li class="share-facebook"><a rel="nofollow noopener" href="?share=facebook" target="_blank" '
            'title="Bấm để chia sẻ lên Facebook"><span>Facebook</span></a></li>'
            '<li class="share-print"><a rel="nofollow noopener" href="#print" title="Bấm để in">In</a></li></ul></div>')
_FIGURE = ('<figure class="wp-block-image"><img src="/wp-content/uploads/2025/08/may-chay-than.jpg" alt="">'
           '<figcaption>Điều dưỡng vận hành máy chạy thận tại khoa Hồi sức tích cực</figcaption></figure>')


@pytest.mark.parametrize("figure", ["", _FIGURE])
def test_a_jetpack_share_bar_after_the_signature_is_not_text(figure):
    url = "https://bvdkphuninh.com.vn/2025/08/19/may-chay-than-moi/"
    content = f'<p>{VI[0]}</p>{figure}{_paras(VI[1:])}<p>Tin, ảnh: Quách Thị Hạnh</p>{_JETPACK}'
    main = (f'<article class="post hentry"><h1 class="entry-title">{_HEADLINE}</h1><div class="entry-meta">'
            f'<a href="{url}" rel="bookmark"><time class="entry-date" datetime="2025-08-19T09:40:00+07:00">'
            f'Tháng Tám 19, 2025</time></a></div><div class="entry-content">{content}</div></article>{_related()}')
    html = _page(f"{_HEADLINE} – Bệnh viện Đa khoa huyện Phù Ninh", _COLUMN, main,
                 head='<meta name="generator" content="WordPress 6.6.1">')
    a = _article(html, url)
    assert "Facebook" not in a.body and "Chia sẻ" not in a.body
    assert a.author == "Quách Thị Hạnh"
    assert a.summary == VI[0]
    if figure:
        assert a.body == "\n\n".join([VI[0], "Điều dưỡng vận hành máy chạy thận tại khoa Hồi sức tích cực", *VI[1:]])
    else:
        assert a.body == "\n\n".join(VI)


_NUKEVIET_SOCIAL = ('<div class="socialicon clearfix"><div class="fb-like" data-href="" data-layout="button_count" '
                    'data-action="like" data-share="true"><span>Thích 43</span> <span>Chia sẻ 12</span></div>'
                    '<a class="zalo-share-button" data-href="" data-oaid="579745863508352884" '
                    'data-layout="1">Zalo</a></div>')
_LEAD = ("Năm học 2025 - 2026, Trường Tiểu học Hà Lộc đón gần 600 học sinh với nhiều hoạt động trải nghiệm gắn "
         "với ngày Tết Trung thu.")


@pytest.mark.parametrize("lead", [f'<p><strong>{_LEAD}</strong></p>',
                                  f'<div class="hometext m-bottom"><strong>{_LEAD}</strong></div>'])
def test_a_nukeviet_social_plugin_over_the_lead_is_not_text(lead):
    main = ('<div class="news_column"><div class="panel-body"><h1>Liên đội tổ chức Vui Tết Trung thu cho gần 600 '
            'học sinh</h1><span class="h5">Thứ bảy - 06/09/2025 16:25</span>'
            f'<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{_NUKEVIET_SOCIAL}{lead}{_paras(SCHOOL)}'
            '<p style="text-align: right;"><strong>Lê Thị Hồng Vân</strong></p></div></div></div>'
            f'{_related()}')
    html = _page("Liên đội tổ chức Vui Tết Trung thu cho gần 600 học sinh - Tin tức - Trường Tiểu học Hà Lộc", _COLUMN,
                 main, head='<meta name="generator" content="NukeViet v4.5">', site="Trường Tiểu học Hà Lộc")
    a = _article(html, "https://thhaloc.phuninh.gov.vn/news/tin-tuc/lien-doi-vui-tet-trung-thu-1204.html")
    assert not any(w in a.body for w in ("Thích 43", "Chia sẻ 12", "Zalo"))
    assert a.author == "Lê Thị Hồng Vân"
    assert a.summary == _LEAD
    assert a.body == "\n\n".join([_LEAD, *SCHOOL])
