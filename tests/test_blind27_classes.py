"""The classes of VN set 27 (blind), each on a small page of its own: a WordPress post closing with a
right-aligned signature above a like button's count ('Thích (45)', '45 lượt thích') and a views line;
a file widget with its download count ('Tải về (Lượt tải: 41)') under the text; a numbered list of
steps opening with 'Tải ứng dụng …;' (the text's, not an app promotion); a table-era page whose title
names a month of a year among its words under a section bar; a NukeViet breadcrumb closing with the
title cut short ('… chợ đêm...'); and a video page's info line opened by 'Ngày phát hành:'. Two guards
(an app promotion line alone, a bold dateline above the text) pass on the parsers before as well."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

# 1. a WordPress post: a right-aligned signature above a like button's count and a views line -------

_WP_TEXT = ["Sáng ngày 18/9, Sở Khoa học và Công nghệ tổ chức hội nghị hướng dẫn sử dụng chữ ký số "
            "chuyên dùng cho cán bộ, công chức của các sở, ban, ngành và Ủy ban nhân dân các xã, phường "
            "trên địa bàn tỉnh.",
            "Tại hội nghị, đại diện Phòng Hạ tầng số đã giới thiệu quy trình cấp mới, gia hạn và thu hồi "
            "chứng thư số, đồng thời hướng dẫn cách ký văn bản điện tử trên máy tính và điện thoại di động.",
            "Đến nay, toàn tỉnh đã cấp hơn 4.200 chứng thư số cho cá nhân và 310 chứng thư số cho cơ quan, "
            "tổ chức; tỷ lệ văn bản đi được ký số đạt trên 98%."]
_SIGNATURE = "Phan Văn Đức - Phòng Hạ tầng số"


def _wordpress(like: str, after: str = "") -> bytes:
    text = "".join(f'<p style="text-align: justify;">{p}</p>' for p in _WP_TEXT)
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8">'
            '<meta name="generator" content="WordPress 6.4.2">'
            '<title>Hướng dẫn sử dụng chữ ký số chuyên dùng – Sở Khoa học và Công nghệ</title></head>'
            '<body class="post-template-default single single-post postid-2817">'
            '<header id="masthead" class="site-header"><a href="/" rel="home">Sở Khoa học và Công nghệ</a>'
            '<nav><ul id="primary-menu"><li><a href="/">Trang chủ</a></li><li><a href="/category/tin-tuc/">'
            'Tin tức</a></li></ul></nav></header>'
            '<main id="main" class="site-main"><article id="post-2817" class="post-2817 post type-post">'
            '<header class="entry-header"><h1 class="entry-title">Hội nghị hướng dẫn sử dụng chữ ký số '
            'chuyên dùng năm 2025</h1><div class="entry-meta"><span class="posted-on">'
            '<time class="entry-date published" datetime="2025-09-18T14:20:00+07:00">18/09/2025</time>'
            '</span></div></header>'
            f'<div class="entry-content">{text}'
            f'<p style="text-align: right;"><strong>{_SIGNATURE}</strong></p>'
            f'{like}{after}</div>'
            '</article></main><footer class="site-footer">Bản quyền thuộc Sở Khoa học và Công nghệ'
            '</footer></body></html>').encode()


_LIKE_BOX = ('<div class="wpulike wpulike-default"><div class="wp_ulike_general_class">'
             '<button type="button" aria-label="Like Button" data-ulike-id="2817" '
             'class="wp_ulike_btn wp_ulike_put_image"></button>'
             '<span class="count-box">Thích (45)</span></div></div>')
_VIEWS = '<div class="post-views"><span class="post-views-count">1,752 lượt xem</span></div>'
_URL_WP = "https://sokhcn.example.gov.vn/2025/09/18/hoi-nghi-huong-dan-su-dung-chu-ky-so/"


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_signature_above_a_like_buttons_count(profile):
    a = parse_page(_wordpress(_LIKE_BOX, _VIEWS), _URL_WP, {}, profile=profile).article
    assert a.headline == "Hội nghị hướng dẫn sử dụng chữ ký số chuyên dùng năm 2025"
    assert a.author == _SIGNATURE
    assert a.view_count == 1752
    assert a.body == "\n\n".join(_WP_TEXT)
    assert "Thích" not in a.body


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_signature_above_a_like_count_in_words(profile):
    like = ('<div class="wpulike wpulike-default"><div class="wp_ulike_general_class">'
            '<button type="button" aria-label="Like Button" class="wp_ulike_btn"></button>'
            '<span class="count-box">45 lượt thích</span></div></div>')
    a = parse_page(_wordpress(like, _VIEWS), _URL_WP, {}, profile=profile).article
    assert a.author == _SIGNATURE
    assert a.view_count == 1752
    assert a.body == "\n\n".join(_WP_TEXT)
    assert "lượt thích" not in a.body


# 2. a file widget with its download count under the text ------------------------------------------

@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_file_widget_with_its_download_count(profile):
    pdf = "https://sokhcn.example.gov.vn/wp-content/uploads/2025/09/HDSD-chu-ky-so.pdf"
    widget = (f'<div class="wp-block-file"><a id="wp-block-file--media-5d1c" href="{pdf}">HDSD-chu-ky-so.pdf</a> '
              f'<a href="{pdf}" class="wp-block-file__button wp-element-button" download '
              'aria-describedby="wp-block-file--media-5d1c">Tải về</a> (Lượt tải: 41)</div>')
    a = parse_page(_wordpress(widget), _URL_WP, {}, profile=profile).article
    assert a.author == _SIGNATURE
    assert a.body == "\n\n".join(_WP_TEXT)
    assert "Lượt tải" not in a.body and "HDSD-chu-ky-so" not in a.body


# 3. a numbered list of steps opening with 'Tải ứng dụng …;' ---------------------------------------

_STEPS_LEAD = ("Để ký số văn bản trên điện thoại di động, cán bộ, công chức thực hiện theo các bước sau "
               "đây, bảo đảm thiết bị đã được cài đặt chứng thư số do Ban Cơ yếu Chính phủ cấp:")
_STEPS = ["Tải ứng dụng ký số từ kho ứng dụng chính thức;",
          "Đăng nhập bằng tài khoản được cấp và kích hoạt chứng thư số trên thiết bị;",
          "Chọn văn bản cần ký, nhập mã PIN và xác nhận để hoàn tất việc ký số."]
_STEPS_TAIL = ("Trong quá trình sử dụng, nếu gặp vướng mắc, đề nghị liên hệ Trung tâm Công nghệ thông tin "
               "và Truyền thông tỉnh qua số điện thoại đường dây nóng để được hỗ trợ kịp thời.")


def _steps_page(extra: str = "") -> bytes:
    steps = "".join(f"<li>{s}</li>" for s in _STEPS)
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Hướng dẫn ký số trên điện '
            'thoại di động</title></head><body><div id="header"><a href="/">Cổng thông tin điện tử tỉnh</a>'
            '</div><div class="main"><div class="article-detail"><h1 class="title">Hướng dẫn ký số văn bản '
            'trên điện thoại di động</h1><div class="date">Thứ Hai, 22/09/2025 - 09:30</div>'
            f'<div class="content"><p>{_STEPS_LEAD}</p><ol>{steps}</ol><p>{_STEPS_TAIL}</p>{extra}</div>'
            '</div></div><div id="footer">Cổng thông tin điện tử tỉnh</div></body></html>').encode()


_URL_STEPS = "https://tinh.example.gov.vn/tin-tuc/huong-dan-ky-so-van-ban-tren-dien-thoai-di-dong-1284.html"


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_numbered_step_naming_an_app_is_text(profile):
    a = parse_page(_steps_page(), _URL_STEPS, {}, profile=profile).article
    assert a.headline == "Hướng dẫn ký số văn bản trên điện thoại di động"
    assert _STEPS[0] in a.body
    assert a.body == "\n\n".join([_STEPS_LEAD, *_STEPS, _STEPS_TAIL])


@pytest.mark.parametrize("profile", [None, "generic"])
def test_an_app_promotion_alone_is_still_left_out(profile):
    """Guard: a short line 'Tải ứng dụng Báo X' alone (no list, no ';') is the site's promotion."""
    a = parse_page(_steps_page("<p>Tải ứng dụng Báo Tỉnh</p>"), _URL_STEPS, {}, profile=profile).article
    assert "Tải ứng dụng Báo Tỉnh" not in a.body
    assert a.body.endswith(_STEPS_TAIL)


# 4. a table-era page: the title names a month of a year, under a section bar ----------------------

_ASP_TEXT = ["Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Ban Tôn giáo đã phối hợp với Sở Nông nghiệp và "
             "Môi trường rà soát hồ sơ đất đai của các cơ sở thờ tự trên địa bàn toàn tỉnh.",
             "Đến hết tháng 8/2025, đã có 214 trên tổng số 263 cơ sở thờ tự được cấp giấy chứng nhận quyền "
             "sử dụng đất, đạt tỷ lệ 81,4%; số cơ sở còn lại đang được hoàn thiện hồ sơ.",
             "Ban Tôn giáo đề nghị các huyện, thị xã tiếp tục tháo gỡ vướng mắc để hoàn thành việc cấp giấy "
             "chứng nhận cho các cơ sở còn lại trong năm 2025."]
_ASP_TITLE = "Số liệu cơ sở thờ tự được cấp giấy chứng nhận quyền sử dụng đất đến tháng 8/2025"


def _asp(title_row: str, before_text: str = "") -> bytes:
    paras = "".join(f'<p align="justify"><font face="Arial" size="2">{p}</font></p>' for p in _ASP_TEXT)
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            '<title>Ban Tôn giáo tỉnh</title></head><body topmargin="0" leftmargin="0">'
            '<table width="960" border="0" cellpadding="0" cellspacing="0" align="center">'
            '<tr><td colspan="2"><img src="images/banner.jpg" width="960" height="130"></td></tr>'
            '<tr><td width="200" valign="top" bgcolor="#F5F0E6">'
            '<a href="default.asp">Trang chủ</a><br><a href="tintuc.asp">Tin tức</a><br>'
            '<a href="solieu.asp">Số liệu - Thống kê</a></td>'
            '<td valign="top"><table width="100%" border="0" cellpadding="4" cellspacing="0">'
            '<tr><td bgcolor="#F0E0C0"><font size="2" color="#990000"><b>Số liệu - Thống kê</b></font>'
            '</td></tr>'
            f'{title_row}'
            '<tr><td><font size="1" color="#666666">Lượt xem: 379 | Gửi lúc: 5/9/2025 8:05:10</font></td></tr>'
            f'<tr><td>{before_text}{paras}</td></tr>'
            '</table></td></tr>'
            '<tr><td colspan="2" align="center"><font size="1">Ban Tôn giáo tỉnh - Địa chỉ: 15 Lê Lợi</font>'
            '</td></tr></table></body></html>').encode()


_URL_ASP = "http://bantongiao.example.gov.vn/chitiet.asp?id=1185"


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_title_naming_a_month_of_a_year_beats_the_section_bar(profile):
    page = _asp(f'<tr><td><font size="4" color="#CC0000"><b>{_ASP_TITLE}</b></font></td></tr>')
    a = parse_page(page, _URL_ASP, {}, profile=profile).article
    assert a.headline == _ASP_TITLE
    assert a.view_count == 379
    assert a.published_at == "2025-09-05T08:05:10+07:00"
    assert a.body == "\n\n".join(_ASP_TEXT)


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_bold_dateline_is_never_the_headline(profile):
    """Guard: a short bold dateline right above the text ('Hà Nội, ngày 03 tháng 11 năm 2025') is no
    title, though it is the last bold line before the text."""
    dateline = "Hà Nội, ngày 03 tháng 11 năm 2025"
    a = parse_page(_asp(f'<tr><td align="right"><b>{dateline}</b></td></tr>'), _URL_ASP, {},
                   profile=profile).article
    assert a.headline != dateline
    assert a.body == "\n\n".join(_ASP_TEXT)


# 5. NukeViet: a breadcrumb closing with the title cut short ---------------------------------------

_NV_TEXT = ["Nhằm bảo đảm an toàn trong thời gian thi công cải tạo khu vực quảng trường trung tâm, Ủy ban "
            "nhân dân phường thông báo tạm dừng hoạt động chợ đêm từ ngày 01/10/2025 đến hết ngày 31/12/2025.",
            "Các hộ kinh doanh tại chợ đêm được bố trí địa điểm kinh doanh tạm thời tại khu đất trống phía "
            "sau nhà văn hóa khu phố 3 trong thời gian nói trên.",
            "Ủy ban nhân dân phường đề nghị các hộ kinh doanh và nhân dân trên địa bàn biết, thực hiện."]
_NV_TITLE = "Thông báo tạm dừng hoạt động chợ đêm khu vực quảng trường trung tâm phường"


def _nukeviet() -> bytes:
    text = "".join(f"<p>{p}</p>" for p in _NV_TEXT)
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><meta name="generator" '
            'content="NukeViet v4.5"><title>' + _NV_TITLE + ' - Thông báo - Tin Tức - Phường Hòa Bình</title>'
            '</head><body><div class="wraper"><header><a href="/" title="Phường Hòa Bình">'
            '<img src="/uploads/logo.png" alt="Phường Hòa Bình"></a></header>'
            '<nav class="second-nav"><ul class="nav navbar-nav"><li><a href="/">Trang nhất</a></li>'
            '<li><a href="/news/">Tin Tức</a></li></ul></nav>'
            '<div class="breadcrumb"><a href="/" title="Trang nhất">Trang nhất</a> &raquo; '
            '<a href="/news/">Tin Tức</a> &raquo; <a href="/news/thong-bao/">Thông báo</a> &raquo; '
            '<span>Thông báo tạm dừng hoạt động chợ đêm...</span></div>'
            '<div class="news_column panel panel-default"><div class="panel-body">'
            f'<h1 class="title margin-bottom-lg">{_NV_TITLE}</h1>'
            '<div class="row margin-bottom-lg"><div class="col-md-12"><span class="h5">Thứ năm - 25/09/2025 '
            '15:40</span></div></div>'
            f'<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{text}</div>'
            '</div></div><footer>Bản quyền thuộc Ủy ban nhân dân phường Hòa Bình</footer></div>'
            '</body></html>').encode()


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_breadcrumbs_cut_title_is_not_the_category(profile):
    a = parse_page(_nukeviet(), "https://phuonghoabinh.example.gov.vn/news/thong-bao/thong-bao-tam-dung-"
                   "hoat-dong-cho-dem-khu-vuc-quang-truong-trung-tam-phuong-412.html", {}, profile=profile).article
    assert a.headline == _NV_TITLE
    assert a.category == "Thông báo"


# 6. a video page: 'Ngày phát hành: … | … Lượt xem: … Lượt thích: …' under the title ---------------

_VIDEO_DESC = ("Phóng sự ghi lại những đổi thay của các xã vùng cao sau 5 năm thực hiện Chương trình mục tiêu "
               "quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi, từ những "
               "con đường bê tông đến các mô hình sinh kế giúp người dân thoát nghèo bền vững.")


def _video() -> bytes:
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Đổi thay vùng cao - Truyền '
            'hình tỉnh</title></head><body><div class="header"><a href="/">Đài Phát thanh và Truyền hình tỉnh'
            '</a></div><div class="container"><div class="video-detail">'
            '<div class="player"><video controls src="/media/2025/10/doi-thay-vung-cao.mp4"></video></div>'
            '<h1 class="video-title">Đổi thay vùng cao sau 5 năm thực hiện chương trình mục tiêu quốc gia</h1>'
            '<div class="video-info"><span class="date">Ngày phát hành: 13/10/2025 | 20:00</span> '
            '<span class="views">Lượt xem: 712</span> <span class="likes">Lượt thích: 31</span></div>'
            f'<div class="video-desc"><p>{_VIDEO_DESC}</p></div>'
            '</div></div><div class="footer">Đài Phát thanh và Truyền hình tỉnh</div></body></html>').encode()


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_video_pages_release_line(profile):
    a = parse_page(_video(), "https://truyenhinh.example.vn/video/doi-thay-vung-cao-sau-5-nam-3391.html", {},
                   profile=profile).article
    assert a.published_at == "2025-10-13T20:00:00+07:00"
    assert a.view_count == 712
    assert a.headline == "Đổi thay vùng cao sau 5 năm thực hiện chương trình mục tiêu quốc gia"
    assert a.summary == _VIDEO_DESC     # (not 'Ngày phát hành: 13/10/2025 | 20:00 Lượt xem: 712 …')
    assert "Ngày phát hành" not in a.body and "Lượt thích" not in a.body
    assert a.body == _VIDEO_DESC


def test_a_breadcrumb_item_that_prints_the_arrow_gives_the_category_without_it():
    """A NukeViet 4 theme that types the trail's '»' inside each <li> (not drawn by CSS)."""
    text = " ".join(["Ban Quản lý chợ thông báo tạm dừng hoạt động chợ đêm để sửa chữa mái che và hệ thống điện."] * 3)
    html = ("<html><head><meta charset='utf-8'><meta name='generator' content='NukeViet v4.5'>"
            "<title>Thông báo tạm dừng hoạt động chợ đêm - Ban Quản lý chợ</title></head><body>"
            "<ul class='breadcrumbs'><li><a href='/'>Trang nhất</a> » </li><li><a href='/vi/news/'>Tin Tức</a> » </li>"
            "<li><a href='/vi/news/thong-bao/'>Thông báo</a> » </li></ul>"
            "<div class='news_column'><h1 class='title' itemprop='headline'>Thông báo tạm dừng hoạt động chợ đêm</h1>"
            "<span class='h5'>Thứ hai - 18/08/2025 09:30</span>"
            f"<div id='news-bodyhtml' class='bodytext'><p>{text}</p><p>{text}</p></div></div></body></html>")
    page = parse_page(html.encode(), "https://bqlcho.example.gov.vn/vi/news/thong-bao/tam-dung-cho-dem-1548.html", {})
    assert page.platform == "nukeviet"
    assert page.article.category == "Thông báo"
