"""The failure classes of the sixth blind set, each on a small page of its own (other wording,
other markup than the blind pages): the rules read structure and labels, not those pages."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

HEADLINE = "Xã Tân Tiến hoàn thành kiên cố hóa 12 km kênh mương nội đồng"
PROSE = ("Sau gần một năm triển khai, xã Tân Tiến đã hoàn thành kiên cố hóa 12 km kênh mương nội "
         "đồng, bảo đảm nước tưới cho hơn 400 ha lúa hai vụ của bà con nông dân trong xã.")
PROSE2 = ("Tổng kinh phí thực hiện hơn 9 tỷ đồng, trong đó nhân dân đóng góp hơn 1,5 tỷ đồng và "
          "hàng nghìn ngày công lao động; nhiều hộ tự nguyện hiến đất mở rộng bờ kênh.")
URL = "https://xatantien.example.gov.vn/tin-tuc/NewsDetail.aspx?NewsID=5120&CatID=3"


def _page(body: str, title: str = "UBND xã Tân Tiến", head: str = "") -> bytes:
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
            f"{head}</head><body>{body}</body></html>").encode("utf-8")


def _parse(body: str, url: str = URL, profile: str | None = None, **kw):
    return parse_page(_page(body, **kw), url, profile=profile).article


def _sidebar() -> str:
    return ('<td class="col-left"><div class="module"><div class="module-title">LIÊN KẾT WEBSITE</div>'
            '<select onchange="window.open(this.value)"><option>-- Chọn --</option>'
            '<option value="https://a.example">Xã An Bình</option></select></div>'
            '<div class="module"><div class="module-title">THÔNG BÁO MỚI</div><ul>'
            '<li><a href="/tb/1">Lịch tiếp công dân của Chủ tịch UBND xã tháng 10 năm 2025</a></li>'
            '<li><a href="/tb/2">Kế hoạch tổ chức ngày hội đại đoàn kết toàn dân tộc ở khu dân cư</a></li>'
            '</ul></div></td>')


# -- 1. the headline in a span with a title class; side boxes' titles are not it ------------------

def test_headline_in_a_titled_span_beats_side_box_titles():
    a = _parse(f'<table><tr>{_sidebar()}<td class="col-main">'
               f'<div class="detail"><div><span id="lblTitle" class="detail-title">{HEADLINE}</span></div>'
               '<div><span class="detail-date">(08:30 - 12/09/2025)</span></div>'
               f'<div class="detail-content"><p>{PROSE}</p><p>{PROSE2}</p></div></div></td></tr></table>')
    assert a.headline == HEADLINE
    assert a.published_at == "2025-09-12T08:30:00+07:00"


def test_english_side_box_title_over_links_is_not_the_headline():
    a = _parse('<div class="side"><div class="box-title">Latest notices from the council</div><ul>'
               '<li><a href="/n/1">Road closures on Main Street for the autumn festival weekend</a></li>'
               '<li><a href="/n/2">Consultation opens on the new waste collection timetable</a></li></ul></div>'
               '<div class="main"><div class="story-title">Council opens two new flood shelters</div>'
               '<p class="date">12/09/2025</p><div class="story"><p>The council opened two new '
               'flood shelters on the river bank this week, each able to hold 300 residents.</p>'
               '<p>Both shelters have beds, kitchens and a generator and will stay open all '
               'season.</p></div></div>', url="https://council.example.org/news/shelters")
    assert a.headline == "Council opens two new flood shelters"


# -- 2. Liferay's screen-reader heading (hide-accessible) is not the headline -------------------

def test_hide_accessible_heading_is_not_the_headline():
    a = _parse(f'<h2 class="hide-accessible">{HEADLINE} - Tin tức</h2>'
               f'<div class="portlet-body"><div class="bai-viet"><h1 class="tieu-de">{HEADLINE}</h1>'
               f'<div class="ngay">12/09/2025 08:30</div><div class="noi-dung"><p>{PROSE}</p>'
               f'<p>{PROSE2}</p></div></div></div>', title=f"{HEADLINE} - Tin tức - UBND xã")
    assert a.headline == HEADLINE


# -- 3. the article's meta line inside the body container is not body ---------------------------

def test_meta_line_inside_a_profiles_body_container_is_not_body():
    a = _parse('<div class="asset-full-content"><div class="journal-content-article">'
               f'<h1 class="tieu-de">{HEADLINE}</h1>'
               '<div class="thong-tin"><span class="meta-data-date">2025-09-12 08:30</span> '
               '<span>Người viết: Lâm Tú</span> <span>Lượt xem: 845</span></div>'
               f'<div class="noi-dung"><p>{PROSE}</p><p>{PROSE2}</p></div></div></div>',
               url="https://tantien.example.gov.vn/web/guest/-/asset_publisher/Ab12/content/kenh-muong")
    assert a.body == f"{PROSE}\n\n{PROSE2}"
    assert a.view_count == 845


def test_a_lone_byline_before_the_text_is_not_body():
    a = _parse(f'<div class="asset-full-content"><div class="journal-content-article"><h1>{HEADLINE}</h1>'
               '<div class="thong-tin"><span class="meta-data-date">2025-09-12 08:30</span> '
               '<span>Tác giả: Lâm Tú - Hoàng Yến</span></div>'
               f'<div class="noi-dung"><p>{PROSE}</p><p>{PROSE2}</p></div></div></div>',
               url="https://tantien.example.gov.vn/web/guest/-/asset_publisher/Ab12/content/kenh-muong")
    assert a.body == f"{PROSE}\n\n{PROSE2}"
    assert a.author == "Lâm Tú - Hoàng Yến"


# -- 4. view counts: an eye icon's '-open' class; a most-read entry's count is another's --------

def test_eye_open_icon_count_on_the_meta_line():
    a = _parse(f'<div class="news"><h1>{HEADLINE}</h1><div class="info"><span>12/09/2025 08:30</span> '
               '<span class="luot-xem"><i class="icon-eye-open"></i> 2.417</span></div>'
               f'<div class="content"><p>{PROSE}</p><p>{PROSE2}</p></div></div>')
    assert a.view_count == 2417


def test_most_read_entry_count_is_not_the_articles_for_a_profile():
    a = _parse('<html><body class="single-post"><aside class="widget"><h3>ĐỌC NHIỀU</h3><ul>'
               '<li><a href="/a/">Lịch thu gom rác mới</a> <span class="post-views">(7.310 lượt xem)</span></li>'
               '<li><a href="/b/">Bản đồ hành chính xã</a> <span class="post-views">(5.020 lượt xem)</span></li>'
               f'</ul></aside><article class="post"><h1 class="entry-title">{HEADLINE}</h1>'
               '<time class="entry-date" datetime="2025-09-12T08:30:00+07:00">12/09/2025</time>'
               f'<div class="entry-content"><p>{PROSE}</p><p>{PROSE2}</p></div></article></body></html>',
               url="https://tantien.example.gov.vn/tin-tuc/kenh-muong/", profile="wordpress",
               head='<meta name="generator" content="WordPress 6.4">')
    assert a.view_count is None


# -- 5. counters drawn as images named by digit words -----------------------------------------

def test_counter_digit_images_named_in_words_or_with_a_prefix():
    for names in (("one", "zero", "seven", "four", "two"), ("so1", "so0", "so7", "so4", "so2")):
        imgs = "".join(f'<img src="/images/dem/{n}.gif" width="12">' for n in names)
        a = _parse(f'<div class="news"><h1>{HEADLINE}</h1><p>12/09/2025</p><div class="content">'
                   f'<p>{PROSE}</p><p>{PROSE2}</p></div></div>'
                   f'<div class="box"><div class="box-head">THỐNG KÊ TRUY CẬP</div><div>{imgs}</div></div>')
        assert a.visitor_counter == 10742, names


# -- 6. the category: a menu of categories is not it; the labelled one beats the breadcrumb ----

def test_category_menu_is_not_the_category_and_labelled_one_wins():
    a = _parse('<ul class="cat"><li><a href="/c/1">Tin hoạt động</a></li><li><a href="/c/2">Nông nghiệp</a>'
               '</li><li><a href="/c/3">Văn hóa - Xã hội</a></li><li><a href="/c/4">Thông báo</a></li></ul>'
               '<div class="breadcrumbs"><a href="/">Trang chủ</a> » <a href="/tin">Tin tức</a> » '
               '<a href="/c/2">Nông nghiệp</a></div>'
               f'<div class="news"><h1>{HEADLINE}</h1><p>12/09/2025</p><div class="content">'
               f'<p>{PROSE}</p><p>{PROSE2}</p></div></div>')
    assert a.category == "Nông nghiệp"
    a = _parse('<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/tin">Tin tức</a></div>'
               f'<div class="news"><h1>{HEADLINE}</h1><div class="meta"><span>12/09/2025</span> '
               '<span class="news-category">Chuyên mục: <a href="/c/2">Thủy lợi</a></span></div>'
               f'<div class="content"><p>{PROSE}</p><p>{PROSE2}</p></div></div>')
    assert a.category == "Thủy lợi"


# -- 7. framework-hidden elements (Bootstrap hidden / d-none) are not read ----------------------

def test_hidden_by_class_author_and_date_copy_are_not_read():
    a = _parse(f'<div class="panel"><h1>{HEADLINE}</h1>'
               '<div class="hidden d-none" itemprop="author"><span itemprop="name">Cổng thông tin '
               'điện tử xã Tân Tiến</span></div><span class="d-none">2025-09-12T08:30:00+07:00</span>'
               '<div class="ngay">Thứ sáu - 12/09/2025 08:30</div>'
               f'<div class="bodytext"><p>{PROSE}</p><p>{PROSE2}</p></div></div>', profile="generic")
    assert a.author is None
    assert "Cổng thông tin" not in (a.body or "")
    assert a.body.endswith(PROSE2)


# -- 8. older sets' generic leftovers: WordPress's 'Có liên quan' box; a gallery is no counter --

def test_jetpack_related_box_ends_the_text_and_leaves_the_signature():
    a = _parse(f'<article><h1 class="entry-title">{HEADLINE}</h1><time>12/09/2025</time>'
               f'<div class="entry-content"><p>{PROSE}</p><p>{PROSE2}</p>'
               '<p style="text-align:right"><strong>Minh Khoa</strong></p>'
               '<div class="jp-relatedposts"><h3>Có liên quan</h3>'
               '<div><a href="/a/">Ra quân dọn vệ sinh kênh mương ấp Tân Hòa</a> <span>12/05/2023</span></div>'
               '<div><a href="/b/">Phát động phong trào Ngày Chủ nhật xanh</a> <span>16/04/2023</span></div>'
               '</div></div></article>', profile="generic")
    assert a.body == f"{PROSE}\n\n{PROSE2}"
    assert a.author == "Minh Khoa"


def test_gallery_photos_numbered_1_to_4_are_not_a_counter():
    gallery = "".join(f'<img width="1024" height="683" src="/uploads/2025/09/le-ra-quan-{i}.jpg">'
                      for i in range(1, 5))
    a = _parse(f'<div class="news"><h1>{HEADLINE}</h1><p>12/09/2025</p><div class="content">'
               f'<p>{PROSE}</p><div class="gallery">{gallery}</div><p>{PROSE2}</p></div></div>'
               '<aside><h3>Thống kê truy cập</h3><ul><li>Trực tuyến: 5</li>'
               '<li>Tổng lượt truy cập: 2,417,906</li></ul></aside>', profile="generic")
    assert a.visitor_counter == 2417906
