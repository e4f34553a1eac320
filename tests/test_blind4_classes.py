"""The failure classes of the fourth blind set (and the misses left of the first three), each on a
small page of its own (other wording, other markup than the blind pages): the rules must read
structure and labels, not those pages."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

HEADLINE = "Xã Tân Lập tổ chức hội nghị tổng kết phong trào thi đua năm 2023"
PROSE = ("Chiều qua, Ủy ban nhân dân xã tổ chức hội nghị tổng kết phong trào thi đua yêu nước "
         "năm 2023 với sự tham dự của lãnh đạo Đảng ủy, Hội đồng nhân dân và các đoàn thể.")
PROSE2 = ("Năm qua, xã hoàn thành 18 trên 19 chỉ tiêu chủ yếu, thu nhập bình quân đầu người đạt "
          "58 triệu đồng, tỷ lệ hộ nghèo giảm còn 2,1%, an ninh chính trị được giữ vững.")
LEAD = ("Hội nghị đánh giá kết quả phong trào thi đua năm 2023 và phát động thi đua "
        "hoàn thành các mục tiêu phát triển kinh tế - xã hội năm 2024.")
URL = "https://tanlap.example.gov.vn/tin-tuc/tong-ket-thi-dua-2023-5521.html"


def _page(body: str, title: str = HEADLINE, head: str = "") -> bytes:
    return (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"{head}</head><body>{body}</body></html>").encode("utf-8")


def _parse(body: str, url: str = URL, profile: str | None = None, **kw):
    return parse_page(_page(body, **kw), url, profile=profile).article


# -- 1. legacy fonts: the headline and date line in a layout table's column, parts of the page
#       typed in .VnTime / VNI-Times -----------------------------------------------------------
LAYOUT_MENU = ('<tr><td colspan="3"><a href="/">Trang chủ</a> | <a href="/tin-tuc">Tin tức - Sự kiện</a>'
               ' | <a href="/van-ban">Văn bản chỉ đạo điều hành</a></td></tr>')
LAYOUT_LEFT = ('<td class="left"><table><tr><td class="tieudebox">DANH MỤC</td></tr>'
               '<tr><td><a href="/kt">Kinh tế</a></td></tr></table></td>')
LAYOUT_RIGHT = ('<td class="right"><ul><li><a href="/tin-1.html">Xã tổ chức lễ ra quân tuyển quân năm 2009'
                '</a></li><li><a href="/tin-2.html">Hội nghị triển khai nhiệm vụ học kỳ hai</a></li></ul></td>')


def _layout(center: str) -> str:
    return (f'<table width="980">{LAYOUT_MENU}<tr>{LAYOUT_LEFT}<td class="center">{center}</td>'
            f'{LAYOUT_RIGHT}</tr></table>')


def test_headline_and_date_line_in_a_layout_tables_column():
    a = _parse(_layout(f'<div class="tieude"><h2>{HEADLINE}</h2></div>'
                       '<div class="ngay">Ngày đăng: 14/09/2011 15:20 | Lượt xem: 1046</div>'
                       f'<div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div>'))
    assert a.headline == HEADLINE
    assert a.published_at == "2011-09-14T15:20:00+07:00"
    assert a.view_count == 1046
    assert a.body == PROSE + "\n\n" + PROSE2


def test_text_in_a_named_legacy_font_is_read_as_unicode():
    # the headline typed in .VnTime, the date line in VNI-Times, the rest of the page in Unicode
    a = _parse(_layout('<div class="tieude"><h2><font face=".VnTime">Khai gi¶ng líp tin häc cho c¸n bé x·'
                       '</font></h2></div>'
                       '<div class="ngay"><span style="font-family: \'VNI-Times\'">Ngaøy ñaêng: '
                       '05/11/2008 09:30 - Löôït xem: 731</span></div>'
                       f'<div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div>'),
               title="Cổng thông tin điện tử xã Tân Lập")
    assert a.headline == "Khai giảng lớp tin học cho cán bộ xã"
    assert a.published_at == "2008-11-05T09:30:00+07:00"
    assert a.view_count == 731


def test_a_named_legacy_font_over_unicode_text_changes_nothing():
    a = _parse(f'<h1>{HEADLINE}</h1><div class="noidung"><p><font face=".VnTime">{PROSE}</font></p>'
               f'<p><font face=".VnTime">Tây Ninh và Hà Giang</font></p><p>{PROSE2}</p></div>')
    assert a.body == PROSE + "\n\nTây Ninh và Hà Giang\n\n" + PROSE2


# -- 2. a module title ("Chi tiết tin") as <title> and heading; an article panel of parts --------
def _panel(author: str, tools: str = '<a href="javascript:print()">In bài</a> | '
                                      '<a href="javascript:history.back()">Trở về</a>') -> str:
    return ('<div class="module"><div class="module-head"><span class="module-title">Chi tiết tin</span></div>'
            '<div class="module-body"><div class="detail-wrap">'
            f'<div class="tin-title">{HEADLINE}</div>'
            '<div class="tin-info">Ngày đăng: 12-01-2024 | 09:15</div>'
            f'<div class="tin-lead"><b>{LEAD}</b></div>'
            f'<div class="tin-content"><p>{PROSE}</p><p>{PROSE2}</p></div>'
            f'<div class="tin-author">{author}</div>'
            f'<div class="tin-tools">{tools}</div>'
            '<div class="tin-other"><div>Các tin khác</div><ul>'
            '<li><a href="/tin-1.html">Xã ra quân làm giao thông nông thôn năm 2024</a> (10-01-2024)</li>'
            '<li><a href="/tin-2.html">Hội nghị triển khai nhiệm vụ quốc phòng năm 2024</a> (08-01-2024)</li>'
            '</ul></div></div></div></div>'
            '<div class="module"><div class="module-head"><span class="module-title">Tin tức</span></div>'
            '<div class="module-body"><ul><li><a href="/tin-3.html">Thông báo lịch tiếp công dân tháng 1</a>'
            '</li></ul></div></div>')


def test_module_title_is_never_the_headline_and_the_panel_parts_are_read():
    a = _parse(_panel("<b>Ngọc Hân</b>"), title="Chi tiết tin")
    assert a.headline == HEADLINE
    assert a.published_at == "2024-01-12T09:15:00+07:00"
    assert a.author == "Ngọc Hân"
    assert a.body == LEAD + "\n\n" + PROSE + "\n\n" + PROSE2


def test_an_office_in_the_author_element_is_the_author():
    a = _parse(_panel("<b>Phòng Văn hóa - Thông tin huyện</b>"), title="Tin chi tiết")
    assert a.headline == HEADLINE
    assert a.author == "Phòng Văn hóa - Thông tin huyện"
    assert a.body == LEAD + "\n\n" + PROSE + "\n\n" + PROSE2


# -- 3. a video page: the player's fallback text, 'Thực hiện:' credits, a share bar -------------
def _video(description: str, credit: str) -> str:
    return ('<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/video">Video</a></div>'
            '<div class="player"><video controls><source src="/v/2023/tong-ket.mp4" type="video/mp4">'
            'Trình duyệt không hỗ trợ thẻ video.</video></div>'
            f'<h1 class="video-title">{HEADLINE}</h1>'
            '<div class="video-info">Ngày phát hành: 28.12.2023 - 20:00</div>'
            f'{description}<div class="credit"><i>{credit}</i></div>'
            '<div class="share-links"><a href="https://facebook.com/sharer">Chia sẻ lên Facebook</a> '
            '<a href="https://zalo.me/share">Chia sẻ qua Zalo</a></div>')


def test_video_only_page_has_no_body_and_its_credit_is_the_author():
    a = _parse(_video("", "Thực hiện: Hoàng Lan - Quốc Tuấn"))
    assert a.headline == HEADLINE
    assert a.published_at == "2023-12-28T20:00:00+07:00"
    assert a.author == "Hoàng Lan - Quốc Tuấn"
    assert a.body is None


def test_video_description_without_player_text_credit_or_share_bar():
    a = _parse(_video(f'<div class="video-desc"><p>{PROSE}</p><p>{PROSE2}</p></div>',
                      "Thực hiện: Trung tâm Văn hóa - Thể thao xã"))
    assert a.author == "Trung tâm Văn hóa - Thể thao xã"
    assert a.body == PROSE + "\n\n" + PROSE2


def test_player_fallback_text_is_not_body_with_a_profile():
    page = ('<div class="asset-full-content"><h3 class="header-title">' + HEADLINE + '</h3>'
            '<div class="journal-content-article"><div class="video"><video controls>'
            '<source src="/documents/1/2/phong-su.mp4" type="video/mp4">Trình duyệt không hỗ trợ video.'
            '</video></div></div></div>')
    a = _parse(page, url="https://so.example.gov.vn/web/guest/tin-tuc/-/asset_publisher/abc/content/phong-su",
               profile="liferay")
    assert a.body is None


# -- 4. an archive of a merged unit's portal: notice, metadata table, office signature -----------
def _archive(content: str, meta_rows: str) -> str:
    return ('<div class="wrap"><div class="alert" role="note">Chú ý: Đây là trang lưu trữ của Cổng thông '
            'tin điện tử xã Tân Lập (cũ), chuyển về sau khi sắp xếp đơn vị hành chính.</div></div>'
            '<main class="wrap"><nav aria-label="breadcrumb"><ol class="breadcrumb"><li><a href="/">Trang chủ</a>'
            '</li><li><a href="/luu-tru/xa-tan-lap/">Xã Tân Lập (cũ)</a></li><li class="active">Thi đua</li></ol>'
            f'</nav><article><h1>{HEADLINE}</h1><dl class="meta">{meta_rows}</dl>'
            f'<div class="archive-body">{content}</div></article></main>')


def test_archive_notice_is_not_body_and_the_meta_list_gives_the_source():
    a = _parse(_archive(f'<p>{PROSE}</p><p>{PROSE2}</p>',
                        '<dt>Ngày đăng</dt><dd>Thứ Năm, 28/12/2023 - 08:10</dd>'
                        '<dt>Ngày chuyển lưu trữ</dt><dd>01/07/2025 09:00</dd>'
                        '<dt>Nguồn</dt><dd>Báo Phú Thọ</dd>'))
    assert a.source == "Báo Phú Thọ"
    assert a.category == "Thi đua"
    assert a.published_at == "2023-12-28T08:10:00+07:00"
    assert a.body == PROSE + "\n\n" + PROSE2


def test_archived_video_page_body_is_null_not_the_notice():
    a = _parse(_archive('<video controls src="/v/tong-ket.mp4"></video>',
                        '<dt>Ngày đăng</dt><dd>28/12/2023</dd>'))
    assert a.body is None
    assert a.category == "Thi đua"


def test_office_signature_after_a_table_right_aligned_by_class():
    a = _parse(f'<h1>{HEADLINE}</h1><div class="noidung"><p>{PROSE}</p>'
               '<table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr><tr><td>Thu ngân sách</td><td>105%</td></tr></table>'
               f'<p>{PROSE2}</p><p class="text-end"><strong>Ban Thi đua - Khen thưởng</strong></p></div>')
    assert a.author == "Ban Thi đua - Khen thưởng"
    assert a.body.endswith(PROSE2)


def test_breadcrumb_leaf_that_is_a_word_of_the_headline_is_still_the_category():
    a = _parse('<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức</a></li>'
               '<li>Thi đua</li></ul>'
               '<h1>Thi đua yêu nước: xã Tân Lập tổng kết năm 2023</h1>'
               f'<div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div>',
               title="Thi đua yêu nước: xã Tân Lập tổng kết năm 2023")
    assert a.category == "Thi đua"


# -- 5. SharePoint's 'Ngày phát hành:' in the article's own header, 12-hour SA/CH times ---------
def _sharepoint(date: str) -> str:
    return ('<div class="site-header"><span class="today">Thứ Sáu, 05/01/2024</span></div>'
            '<div class="news-detail"><div class="news-header">'
            f'<h1 class="news-title">{HEADLINE}</h1>'
            f'<div class="news-date">Ngày phát hành: <span>{date}</span></div></div>'
            f'<div class="ms-rtestate-field"><p>{PROSE}&#8203;</p><p>&#8203;</p><p>{PROSE2}</p></div></div>')


def test_published_label_in_an_articles_own_header_with_pm_time():
    assert _parse(_sharepoint("28/12/2023 3:45 CH")).published_at == "2023-12-28T15:45:00+07:00"
    assert _parse(_sharepoint("28/12/2023 8:05 SA")).published_at == "2023-12-28T08:05:00+07:00"
    a = _parse(_sharepoint("28/12/2023"))
    assert a.published_at == "2023-12-28T00:00:00+07:00"
    assert a.body == PROSE + "\n\n" + PROSE2


# -- 6. a counter line among a footer's <br> lines; a 'path' breadcrumb ------------------------
def test_counter_line_in_a_long_footer_and_path_breadcrumb():
    a = _parse('<div class="path"><a href="/">Trang chủ</a> » <a href="/tin">Tin tức</a> » '
               '<a href="/tin/thi-dua">Thi đua - Khen thưởng</a></div>'
               f'<h1>{HEADLINE}</h1><div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div>'
               '<div id="bottom">ỦY BAN NHÂN DÂN XÃ TÂN LẬP<br>Địa chỉ: thôn Trung Tâm, xã Tân Lập, '
               'tỉnh Phú Thọ<br>Điện thoại: 0210.3870.111 - Email: tanlap@phutho.gov.vn<br>'
               'Lượt truy cập: 1.234.567 - Đang online: 25<br>Ghi rõ nguồn khi phát hành lại thông tin.</div>')
    assert a.visitor_counter == 1234567
    assert a.category == "Thi đua - Khen thưởng"


# -- 7. a Liferay theme's news breadcrumb over the Asset Publisher's portlet title --------------
def test_liferay_news_breadcrumb_over_portlet_title():
    page = ('<section id="portlet_101_INSTANCE_xYz"><header class="portlet-topper"><h2 class="portlet-title">'
            '<span class="portlet-title-text">Tin tức</span></h2></header>'
            '<ul class="breadcrumb-tin"><li><a href="/web/guest/tin-tuc">Tin tức</a></li>'
            '<li><a href="/web/guest/tin-tuc?category=7">Thi đua - Khen thưởng</a></li></ul>'
            f'<div class="asset-full-content"><h3 class="header-title">{HEADLINE}</h3>'
            f'<div class="journal-content-article"><p>{PROSE}</p><p>{PROSE2}</p></div></div></section>')
    a = _parse(page, url="https://so.example.gov.vn/web/guest/tin-tuc/-/asset_publisher/xYz/content/tong-ket",
               profile="liferay")
    assert a.category == "Thi đua - Khen thưởng"


# -- 8. a labelled topic ('Chủ đề:'), a category link block named by a 'cat' token -------------
def test_labelled_topic_is_the_category():
    a = _parse(f'<table><tr><td class="storytitle"><b>{HEADLINE}</b></td></tr>'
               '<tr><td class="storyinfo"><font class="tiny">Đăng ngày 28/12/2023 bởi admin</font><br>'
               '<font class="tiny">Chủ đề: <a href="/topic/4">Thi đua - Khen thưởng</a></font></td></tr>'
               f'<tr><td class="storycontent"><p>{PROSE}</p><p>{PROSE2}</p></td></tr></table>')
    assert a.category == "Thi đua - Khen thưởng"


def test_category_block_named_by_a_cat_token():
    a = _parse('<div class="menu"><a href="/kt">Kinh tế</a> <a href="/td">Thi đua - Khen thưởng</a></div>'
               '<div class="news_cat"><a href="/td">Thi đua - Khen thưởng</a></div>'
               f'<h1>{HEADLINE}</h1><div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div>')
    assert a.category == "Thi đua - Khen thưởng"


# -- 9. the misses left of the older sets ---------------------------------------------------------
def test_digit_row_ends_at_the_next_label():
    a = _parse(f'<h1>{HEADLINE}</h1><div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div>'
               '<div class="thongke"><p>Lượt truy cập</p><div class="so"><span>5</span><span>0</span>'
               '<span>3</span><span>2</span><span>1</span></div><p>Đang xem: <b>7</b></p></div>')
    assert a.visitor_counter == 50321


def test_a_profiles_date_rule_does_not_read_a_listed_articles_date():
    page = ('<div class="tandan-box"><h2>TIN MỚI</h2><ul>'
            '<li><a href="/portal/Pages/2024-1-5/a.aspx">Xã tổ chức lễ ra quân làm đường giao thông</a> '
            '<span class="tandan-span-date-publish">(05/01/2024)</span></li>'
            '<li><a href="/portal/Pages/2024-1-4/b.aspx">Hội nghị triển khai nhiệm vụ quốc phòng năm mới</a> '
            '<span class="tandan-span-date-publish">(04/01/2024)</span></li></ul></div>'
            f'<h1 class="tandan-h1-article-title">{HEADLINE}</h1>'
            '<div class="tandan-article-info"><span class="tandan-span-date-publish">28/12/2023 4:10 CH</span></div>'
            f'<div class="tandan-div-article-content"><div class="ms-rtestate-field"><p>{PROSE}</p></div></div>')
    a = _parse(page, url="https://xa.example.gov.vn/portal/Pages/2023-12-28/tong-ket.aspx",
               profile="sharepoint_tandan")
    assert a.published_at == "2023-12-28T16:10:00+07:00"


def test_labelled_author_and_source_in_a_box_right_after_the_body():
    a = _parse(f'<div id="print"><h1>{HEADLINE}</h1><div class="bodytext"><p>{PROSE}</p><p>{PROSE2}</p></div>'
               '<div class="copyright"><p><strong>Tác giả bài viết: </strong>Lê Minh Khoa</p>'
               '<p><strong>Nguồn tin: </strong>Văn phòng UBND xã</p></div></div>'
               '<div id="footer"><div class="copyright">© UBND xã Tân Lập</div></div>')
    assert a.author == "Lê Minh Khoa"
    assert a.source == "Văn phòng UBND xã"
