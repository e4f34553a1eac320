"""The failure classes of the twenty-fourth blind set (fixtures/heldout_pages24.py), each on a small
page of its own written from the class: the text block chosen against a side box whose body follows
a heading classed as a box's title ('box-title', 'widget-title', 'module-title': a 'GIỜ TIẾP DÂN' box
of three sentences no longer outweighs a notice of a sapo, a table and a sentence); a visitor counter
drawn as one picture whose file name carries the total ('luot-truy-cap-0845210.png',
'counter_0012345.gif', 'visits-1234567.png'); view counts printed number first ('1.234 lượt truy cập
bài', '(1.234 người đã xem)', '2.046 người đã đọc'), not a 'Xem nhiều' list's nor the site's
'Lượt truy cập'; NukeViet's category, the breadcrumb's last linked item when the theme adds the
article's own title unlinked; the caption of Joomla's full-text image opening a Vietnamese record's
text (not a world page's) and the view count under it; a sapo box opening with its date line (the
summary and the text's first paragraph without it); signers from a representative office ('X -
Đại diện Cảng vụ Hàng hải …', 'X - Văn phòng đại diện tại …'). Six cases were found failing when the
file was written and four of them fixed after it: a counter picture named with underscores, NukeViet
4.4's hidden ul.temp-breadcrumbs ending with the title, the office's head ('X - Trưởng Đại diện …') and
'VPĐD' signers. Two stay strict xfails (with and without profiles): the notice's text in a <div> with no class, beside a side box
of three sentences."""
from __future__ import annotations

import pytest
from lxml import html as lxml_html

from govnews.parsers.extract import parse_page
from govnews.parsers.fields import counter_of, split_signature, view_count_in


def _article(html: str, url: str, profile: str | None = "generic"):
    return parse_page(html.encode("utf-8"), url, {}, profile=profile).article


def _paras(paras) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def _rows(rows) -> str:
    return "\n".join(" | ".join(row) for row in rows)


PORT = [("Chiều 18/9, Cảng vụ Hàng hải Kiên Giang tổ chức diễn tập tìm kiếm, cứu nạn trên vùng nước cảng biển "
         "Hòn Chông với sự tham gia của 12 phương tiện."),
        ("Tình huống giả định là tàu hàng trọng tải 8.000 tấn bị cháy buồng máy khi đang hành trình vào luồng, "
         "có hai thuyền viên bị thương cần sơ cứu."),
        ("Sau hơn hai giờ, lực lượng tham gia đã khống chế đám cháy, đưa người bị nạn vào bờ an toàn và lai dắt "
         "tàu về vị trí neo đậu.")]
SCHOOL = [("Sáng 5/9, Trường Tiểu học Hòa Phú khai giảng năm học mới với hơn 640 học sinh, trong đó có 118 em "
           "vào lớp Một."),
          ("Dịp này, nhà trường nhận 200 bộ sách giáo khoa và 150 chiếc áo phao do Hội Khuyến học huyện trao "
           "tặng cho học sinh có hoàn cảnh khó khăn."),
          ("Năm học trước, trường có 96% học sinh hoàn thành tốt chương trình, 28 em đạt giải trong các cuộc "
           "thi cấp huyện và cấp tỉnh.")]
ROAD = [("UBND xã Tân Hưng vừa khánh thành tuyến đường bê tông nối ấp 3 với ấp 5, dài 2,4 km, rộng 5 m, tổng "
         "kinh phí gần 4,8 tỷ đồng."),
        ("Trong đó, người dân đóng góp hơn 600 triệu đồng và hiến gần 3.000 m2 đất để mở rộng lòng đường, "
         "không nhận tiền bồi thường."),
        ("Tuyến đường giúp hơn 300 hộ dân đi lại thuận tiện, nhất là việc vận chuyển nông sản trong mùa thu "
         "hoạch lúa và trái cây.")]


def _page(title: str, side: str, main: str, site: str, head: str = "", side_first: bool = False) -> str:
    """A portal page: a banner and menu, the main column and a side column of boxes, a footer."""
    menu = ("Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Thủ tục hành chính", "Liên hệ")
    nav = "".join(f'<li><a href="/menu-{i}.html">{m}</a></li>' for i, m in enumerate(menu))
    columns = (f'<div class="col-right">{side}</div><div class="col-main">{main}</div>' if side_first else
               f'<div class="col-main">{main}</div><div class="col-right">{side}</div>')
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
            f'<body><div class="header"><a href="/"><img src="/uploads/banner-top.jpg" alt="{site}"></a></div>'
            f'<div class="menu"><ul>{nav}</ul></div><div class="container">{columns}</div>'
            f'<div class="footer"><p>{site}</p><p>Địa chỉ: 07 Trần Phú. Điện thoại: 0256.3822.045. '
            'Email: vanphong@hoaphuoc.gov.vn</p><p>Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p>'
            '</div></body></html>')


_LINKS = ('<div class="box"><div class="box-title">LIÊN KẾT WEBSITE</div><ul><li><a href="https://hoaphuoc.gov.vn">'
          'Cổng TTĐT tỉnh Hòa Phước</a></li><li><a href="https://mt.gov.vn">Bộ Giao thông vận tải</a></li></ul></div>')


# -- 1. a notice in the main column against a side box's body ------------------------------------------------

_NOTICE_HEADLINE = "Thông báo lịch tạm ngừng cung cấp điện tuần từ 22/9 đến 28/9/2025"
_NOTICE_SAPO = "Điện lực Tuy Phước thông báo lịch tạm ngừng cấp điện như sau:"
_NOTICE_ROWS = [["Ngày", "Thời gian", "Khu vực"], ["23/9", "7h00 - 11h30", "Thôn Vinh Thạnh 2"],
                ["25/9", "13h00 - 16h30", "Thôn Phổ Đồng"], ["27/9", "7h30 - 10h00", "Khu phố Trung Thứ"]]
_NOTICE_TAIL = "Mong quý khách hàng thông cảm."
_HOURS = ["Thứ Hai và thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ sáng.",
          "Địa điểm: Phòng tiếp công dân, tầng 1 trụ sở UBND huyện.",
          "Công dân mang theo căn cước và giấy tờ liên quan khi đến."]


def _notice_main() -> str:
    table = ('<table class="table table-bordered">' + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in _NOTICE_ROWS) + "</table>")
    return (f'<div class="detail"><h1 class="title">{_NOTICE_HEADLINE}</h1><div class="date">20/09/2025 09:10</div>'
            f'<div class="content"><p>{_NOTICE_SAPO}</p>{table}<p>{_NOTICE_TAIL}</p></div></div>')


def _hours_box(title_class: str, body_class: str = "box-body") -> str:
    return (f'<div class="panel"><h3 class="{title_class}">GIỜ TIẾP DÂN</h3><div class="{body_class}">'
            f'{_paras(_HOURS)}</div></div>')


@pytest.mark.parametrize("title_class, body_class, profile", [
    ("box-title", "box-body", "generic"),
    ("box-title", "box-body", None),
    ("widget-title", "widget-content", "generic"),
    ("module-title", "module-content", "generic"),
])
def test_a_notice_with_its_table_outweighs_a_side_box_of_sentences(title_class, body_class, profile):
    html = _page(_NOTICE_HEADLINE, _LINKS + _hours_box(title_class, body_class), _notice_main(),
                 "UBND huyện Tuy Phước")
    a = _article(html, "https://tuyphuoc.hoaphuoc.gov.vn/thong-bao/lich-ngung-cap-dien-tuan-39.html", profile)
    assert a.headline == _NOTICE_HEADLINE
    assert a.body == "\n\n".join([_NOTICE_SAPO, _rows(_NOTICE_ROWS), _NOTICE_TAIL])


def test_a_side_box_before_the_main_column_does_not_win_either():
    html = _page(_NOTICE_HEADLINE, _hours_box("box-title") + _LINKS, _notice_main(), "UBND huyện Tuy Phước",
                 side_first=True)
    a = _article(html, "https://tuyphuoc.hoaphuoc.gov.vn/thong-bao/lich-ngung-cap-dien-tuan-39.html")
    assert a.body == "\n\n".join([_NOTICE_SAPO, _rows(_NOTICE_ROWS), _NOTICE_TAIL])


@pytest.mark.xfail(strict=True, reason="the notice's text in a <div> with no class inside div.detail: the side box "
                   "(three sentences) outweighs a sapo, a table and one sentence; weighing data tables as text "
                   "was tried and lost other pages (a document's record card, a table-era page whose container "
                   "closes early), so it stays a known miss")
@pytest.mark.parametrize("profile", ["generic", None])
def test_a_notice_in_a_div_with_no_class_outweighs_a_side_box(profile):
    main = _notice_main().replace('<div class="content">', "<div>")
    html = _page(_NOTICE_HEADLINE, _LINKS + _hours_box("box-title"), main, "UBND huyện Tuy Phước")
    a = _article(html, "https://tuyphuoc.hoaphuoc.gov.vn/thong-bao/lich-ngung-cap-dien-tuan-39.html", profile)
    assert a.body == "\n\n".join([_NOTICE_SAPO, _rows(_NOTICE_ROWS), _NOTICE_TAIL])


@pytest.mark.parametrize("profile", ["generic", None])
def test_an_article_s_text_after_a_title_news_heading_is_unaffected(profile):
    """Guard: 'title-news' is the article's own heading class, not a box's title."""
    main = (f'<div class="news-detail"><h1 class="title-news">Khai giảng năm học mới tại Trường Tiểu học Hòa Phú'
            f'</h1><div class="content-news">{_paras(SCHOOL)}</div></div>')
    html = _page("Khai giảng năm học mới tại Trường Tiểu học Hòa Phú", _LINKS + _hours_box("box-title"), main,
                 "UBND huyện Tuy Phước")
    a = _article(html, "https://tuyphuoc.hoaphuoc.gov.vn/tin-tuc/khai-giang-tieu-hoc-hoa-phu.html", profile)
    assert a.headline == "Khai giảng năm học mới tại Trường Tiểu học Hòa Phú"
    assert a.body == "\n\n".join(SCHOOL)


# -- 2. a visitor counter drawn as one picture named after its total -----------------------------------------

def _counter_box(src: str) -> str:
    return (f'<div class="box"><h3>THỐNG KÊ TRUY CẬP</h3><p><img src="{src}" alt=""></p><p>Hôm nay: 215</p>'
            '<p>Đang online: 12</p></div>')


def _school_page(side: str) -> str:
    main = (f'<div class="news-detail"><h1 class="title">Khai giảng năm học mới tại Trường Tiểu học Hòa Phú</h1>'
            f'<div class="date">05/09/2025 10:20</div><div class="news-content">{_paras(SCHOOL)}</div></div>')
    return _page("Khai giảng năm học mới tại Trường Tiểu học Hòa Phú", side, main, "Trường Tiểu học Hòa Phú")


@pytest.mark.parametrize("src, total, profile", [
    ("/images/thongke/luot-truy-cap-0845210.png", 845210, "generic"),
    ("/images/thongke/luot-truy-cap-0845210.png", 845210, None),
    ("/templates/th_hoaphu/images/counter_0012345.gif", 12345, "generic"),
    ("/media/stats/visits-1234567.png", 1234567, "generic"),
])
def test_a_counter_picture_s_file_name_is_the_total(src, total, profile):
    a = _article(_school_page(_LINKS + _counter_box(src)),
                 "https://thhoaphu.edu.vn/tin-tuc/khai-giang-nam-hoc-moi.html", profile)
    assert a.visitor_counter == total
    assert a.body == "\n\n".join(SCHOOL)


def test_a_counter_picture_named_with_underscores():
    a = _article(_school_page(_LINKS + _counter_box("/images/thongke/luot_truy_cap_0845210.png")),
                 "https://thhoaphu.edu.vn/tin-tuc/khai-giang-nam-hoc-moi.html")
    assert a.visitor_counter == 845210


def test_the_counter_box_alone_reads_the_picture():
    box = lxml_html.fragment_fromstring(_counter_box("/images/thongke/luot-truy-cap-0845210.png"))
    assert counter_of(box).total == 845210


@pytest.mark.parametrize("src", ["/images/thongke/banner-2025.png", "/uploads/quang-cao/banner-2025.png"])
def test_a_banner_named_with_a_year_is_no_counter(src):
    """Guard: a picture named 'banner-2025.png' in a box gives no total."""
    box = ('<div class="box"><h3>THỐNG KÊ TRUY CẬP</h3><p><img src="' + src + '" alt=""></p>'
           '<p>Hôm nay: 215</p></div>')
    a = _article(_school_page(_LINKS + box), "https://thhoaphu.edu.vn/tin-tuc/khai-giang-nam-hoc-moi.html")
    assert a.visitor_counter is None
    assert counter_of(lxml_html.fragment_fromstring(box)).total is None


# -- 3. view counts printed number first --------------------------------------------------------------------------

@pytest.mark.parametrize("text, count", [
    ("1.234 lượt truy cập bài", 1234),
    ("(1.234 người đã xem)", 1234),
    ("2.046 người đã đọc", 2046),
    ("Lượt truy cập: 1.234.567", None),          # guard: the site's counter
])
def test_view_count_in_number_first(text, count):
    assert view_count_in(text) == count


def _road_page(meta: str, side: str = "") -> str:
    main = (f'<div class="article"><h1 class="article-title">Khánh thành tuyến đường bê tông nối ấp 3 với ấp 5</h1>'
            f'<div class="article-meta"><span class="time">16/09/2025 15:40</span> {meta}</div>'
            f'<div class="article-content">{_paras(ROAD)}</div></div>')
    return _page("Khánh thành tuyến đường bê tông nối ấp 3 với ấp 5", side or _LINKS, main, "UBND xã Tân Hưng")


@pytest.mark.parametrize("meta, count, profile", [
    ("| 1.234 lượt truy cập bài", 1234, "generic"),
    ("| 1.234 lượt truy cập bài", 1234, None),
    ('<span class="viewed">(1.234 người đã xem)</span>', 1234, "generic"),
    ('<span class="reads">2.046 người đã đọc</span>', 2046, "generic"),
])
def test_a_number_first_view_count_beside_the_article(meta, count, profile):
    a = _article(_road_page(meta), "https://tanhung.cantho.gov.vn/tin-tuc/khanh-thanh-duong-ap-3-ap-5.html", profile)
    assert a.view_count == count
    assert a.body == "\n\n".join(ROAD)


def test_a_most_read_list_s_counts_are_not_the_article_s():
    """Guard: a 'Xem nhiều' box whose items end with '(5.210 người đã xem)'."""
    items = [("/tin-tuc/tiem-vac-xin-cho-dan-bo.html", "Tiêm vắc xin lở mồm long móng cho đàn bò", "5.210"),
             ("/tin-tuc/trao-the-bhyt.html", "Trao 150 thẻ bảo hiểm y tế cho người cận nghèo", "3.877"),
             ("/tin-tuc/hoi-thi-nha-nong.html", "Hội thi nhà nông đua tài năm 2025", "2.904")]
    most_read = ('<div class="box"><h3 class="box-title">XEM NHIỀU</h3><ul>' + "".join(
        f'<li><a href="{h}">{t}</a> <span>({n} người đã xem)</span></li>' for h, t, n in items) + "</ul></div>")
    a = _article(_road_page("", _LINKS + most_read),
                 "https://tanhung.cantho.gov.vn/tin-tuc/khanh-thanh-duong-ap-3-ap-5.html")
    assert a.view_count is None


@pytest.mark.parametrize("profile", ["generic", None])
def test_the_site_s_visits_are_not_the_article_s_views(profile):
    """Guard: 'Lượt truy cập: 1.234.567' in the counter box is the site's counter."""
    counter = ('<div class="box"><h3 class="box-title">THỐNG KÊ</h3><ul><li>Đang truy cập: 8</li>'
               '<li>Lượt truy cập: 1.234.567</li></ul></div>')
    a = _article(_road_page("", _LINKS + counter),
                 "https://tanhung.cantho.gov.vn/tin-tuc/khanh-thanh-duong-ap-3-ap-5.html", profile)
    assert a.view_count is None
    assert a.visitor_counter == 1234567


# -- 4. NukeViet: the breadcrumb's last linked item ------------------------------------------------------------

_NV_HEADLINE = "Tân Hưng khánh thành tuyến đường bê tông nối ấp 3 với ấp 5"


def _crumb(href: str | None, name: str, pos: int) -> str:
    inner = (f'<a href="{href}" itemprop="item" title="{name}"><span itemprop="name">{name}</span></a>' if href
             else f'<span itemprop="name">{name}</span>')
    active = "" if href else ' class="active"'
    return (f'<li{active} itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem">{inner}'
            f'<i class="hidden" itemprop="position" content="{pos}"></i></li>')


def _nukeviet(own_title: bool, hidden_list: bool = False) -> str:
    """hidden_list: NukeViet 4.4+'s default theme, its items in a hidden ul.temp-breadcrumbs that a script
    copies into the empty ul.breadcrumbs."""
    crumbs = [("/vi/", "Trang nhất"), ("/vi/news/", "Tin tức"), ("/vi/news/kinh-te-xa-hoi/", "Kinh tế - Xã hội")]
    items = "".join(_crumb(h, n, i) for i, (h, n) in enumerate(crumbs, 1))
    if own_title:
        items += _crumb(None, _NV_HEADLINE, len(crumbs) + 1)
    crumbs_html = ('<div class="breadcrumbs-wrap"><div class="display"><ul class="breadcrumbs list-none" itemscope '
                   f'itemtype="http://schema.org/BreadcrumbList">{items}</ul></div></div>')
    if hidden_list:
        crumbs_html = ('<div class="breadcrumbs-wrap"><div class="display"><a class="show-subs-breadcrumbs hidden" '
                       'href="#"><em class="fa fa-lg fa-angle-right"></em></a><ul class="breadcrumbs list-none"></ul>'
                       '</div><ul class="subs-breadcrumbs"></ul><ul class="temp-breadcrumbs hidden" itemscope '
                       f'itemtype="https://schema.org/BreadcrumbList">{items}</ul></div>')
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            f'<title>{_NV_HEADLINE} - Kinh tế - Xã hội - Cổng thông tin điện tử xã Tân Hưng</title>'
            '<meta name="generator" content="NukeViet v4.5"></head><body>'
            '<div class="wraper"><header><div class="logo"><a href="/vi/"><img src="/uploads/logo.png" '
            'alt="Xã Tân Hưng"></a></div></header><nav class="second-nav"><ul><li><a href="/vi/">Trang nhất</a></li>'
            '<li><a href="/vi/news/">Tin tức</a></li><li><a href="/vi/laws/">Văn bản</a></li></ul></nav>'
            f'{crumbs_html}'
            '<div class="row"><div class="col-md-16"><div class="news_column panel panel-default"><div class="panel-body">'
            f'<h1 class="title margin-bottom-lg" itemprop="headline">{_NV_HEADLINE}</h1>'
            '<div class="row margin-bottom-lg"><div class="col-md-12"><span class="h5">Thứ ba - 16/09/2025 15:40'
            '</span></div></div><div class="clearfix"></div><div id="news-bodyhtml" class="bodytext margin-bottom-lg">'
            f'{_paras(ROAD)}</div><div class="margin-bottom-lg"><p class="h5 text-right"><strong>Tác giả: </strong>'
            'Thùy Dương</p></div></div></div><div class="news_column panel panel-default"><div class="panel-body">'
            '<p class="h3"><strong>Những tin mới hơn</strong></p><ul class="detail-related related list-none">'
            '<li><a href="/vi/news/kinh-te-xa-hoi/ra-quan-lam-duong-giao-thong-nong-thon-412.html">Ra quân làm '
            'đường giao thông nông thôn</a></li></ul></div></div></div><div class="col-md-8"><div class="panel">'
            '<div class="panel-heading">Thống kê truy cập</div><div class="panel-body"><ul class="counter list-none">'
            '<li><span>Đang truy cập</span><span>6</span></li><li><span>Hôm nay</span><span>182</span></li>'
            '<li><span>Tổng lượt truy cập</span><span>96.418</span></li></ul></div></div></div></div>'
            '<footer><p>Cổng thông tin điện tử xã Tân Hưng</p></footer></div></body></html>')


_NV_URL = "https://tanhung.cantho.gov.vn/vi/news/kinh-te-xa-hoi/khanh-thanh-tuyen-duong-ap-3-ap-5-415.html"


def test_nukeviet_s_category_is_the_last_linked_crumb():
    result = parse_page(_nukeviet(own_title=True).encode("utf-8"), _NV_URL, {})
    assert result.platform == "nukeviet"
    a = result.article
    assert a.category == "Kinh tế - Xã hội"
    assert a.headline == _NV_HEADLINE
    assert a.body == "\n\n".join(ROAD)


def test_nukeviet_s_category_with_the_generic_extractor():
    a = _article(_nukeviet(own_title=True), _NV_URL)
    assert a.category == "Kinh tế - Xã hội"


def test_nukeviet_s_hidden_breadcrumb_list_ending_with_the_title():
    a = parse_page(_nukeviet(own_title=True, hidden_list=True).encode("utf-8"), _NV_URL, {}).article
    assert a.category == "Kinh tế - Xã hội"


def test_nukeviet_s_hidden_breadcrumb_list_with_the_generic_extractor():
    a = _article(_nukeviet(own_title=True, hidden_list=True), _NV_URL)
    assert a.category == "Kinh tế - Xã hội"


@pytest.mark.parametrize("hidden_list", [False, True])
def test_nukeviet_s_breadcrumb_ending_with_the_category_is_unchanged(hidden_list):
    """Guard: the default theme's breadcrumb, whose last item is the category (linked)."""
    a = parse_page(_nukeviet(own_title=False, hidden_list=hidden_list).encode("utf-8"), _NV_URL, {}).article
    assert a.category == "Kinh tế - Xã hội"


# -- 5. Joomla's full-text image: its caption opens the text ---------------------------------------------------

_JOOMLA_HEADLINE = "Diễn tập tìm kiếm, cứu nạn trên vùng nước cảng biển Hòn Chông"
_CAPTION = "Lực lượng chữa cháy tiếp cận tàu hàng giả định bị cháy buồng máy."


def _joomla(headline: str, caption: str, paras, lang: str = "vi", info: str = "") -> str:
    info = info or "Đăng ngày 19/09/2025 | 1.234 lượt truy cập bài"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><meta name="generator" '
            f'content="Joomla! - Open Source Content Management"><title>{headline}</title>'
            '<script src="/media/jui/js/jquery.min.js"></script></head><body><div class="header"><a href="/">'
            '<img src="/images/logo.png" alt="Cảng vụ Hàng hải Kiên Giang"></a></div><div class="container">'
            '<div class="sidebar"><div class="moduletable"><h3>Liên kết</h3><ul><li><a href="https://vinamarine.gov.vn">'
            'Cục Hàng hải</a></li></ul></div></div><main id="content"><div class="item-page" itemscope '
            'itemtype="https://schema.org/Article"><meta itemprop="inLanguage" content="vi-VN">'
            f'<div class="page-header"><h2 itemprop="headline">{headline}</h2></div>'
            '<figure class="pull-none item-image item-image-fulltext"><img src="/images/2025/09/dien-tap.jpg" '
            f'itemprop="image" alt=""><figcaption class="caption">{caption}</figcaption>'
            f'<div class="img-info">{info}</div></figure>'
            f'<div itemprop="articleBody">{_paras(paras)}</div></div></main></div>'
            '<div class="footer"><p>Cảng vụ Hàng hải Kiên Giang</p></div></body></html>')


_JOOMLA_URL = "https://cangvukiengiang.gov.vn/index.php/tin-tuc/215-dien-tap-tim-kiem-cuu-nan"


@pytest.mark.parametrize("profile", ["generic", None])
def test_joomla_s_full_text_image_caption_opens_the_text(profile):
    a = _article(_joomla(_JOOMLA_HEADLINE, _CAPTION, PORT), _JOOMLA_URL, profile)
    assert a.headline == _JOOMLA_HEADLINE
    assert a.body == "\n\n".join([_CAPTION, *PORT])
    assert a.view_count == 1234


def test_joomla_s_caption_printed_once():
    """Guard: the caption repeated as the text's first line is not doubled."""
    a = _article(_joomla(_JOOMLA_HEADLINE, _CAPTION, [_CAPTION, *PORT]), _JOOMLA_URL)
    assert a.body == "\n\n".join([_CAPTION, *PORT])


def test_a_world_page_with_a_full_text_image_keeps_its_text_alone():
    """Guard: an English page of the same structure: its caption stays out of the text."""
    paras = [("The harbour authority held a search and rescue exercise on Thursday afternoon, with twelve vessels "
              "and more than eighty crew taking part in the drill."),
             ("The scenario was an engine-room fire aboard an eight-thousand-tonne cargo ship entering the channel, "
              "with two injured crew members needing first aid."),
             ("Within two hours the fire had been contained, the injured were brought ashore and the ship was towed "
              "back to its anchorage without further incident.")]
    html = _joomla("Harbour authority holds rescue exercise", "Fire crews approach the cargo ship.", paras,
                   lang="en", info="Published 19 September 2025 | 1234 hits")
    a = _article(html, "https://harbour.example.org/index.php/news/215-rescue-exercise")
    assert a.body == "\n\n".join(paras)


# -- 6. a sapo box opening with the date line ------------------------------------------------------------------

_SAPO_HEADLINE = "Khai giảng năm học mới tại Trường Tiểu học Hòa Phú"
_LEAD = ("Sáng 5/9, hơn 640 học sinh Trường Tiểu học Hòa Phú cùng thầy cô giáo, phụ huynh dự lễ khai giảng năm "
         "học 2025 - 2026.")


def _sapo_page(stamp: str, lead: str = _LEAD) -> str:
    main = (f'<div class="detail-news"><h1 class="detail-title">{_SAPO_HEADLINE}</h1><div class="sapo-box">'
            f'<div class="sapo-time">{stamp}</div><div class="article-summary"><strong>{lead}</strong></div></div>'
            f'<div class="detail-content">{_paras(SCHOOL[1:])}</div></div>')
    return _page(_SAPO_HEADLINE, _LINKS, main, "UBND huyện Hòa Vang")


@pytest.mark.parametrize("stamp, profile", [
    ("Thứ Hai, 22/09/2025", "generic"),
    ("Thứ Hai, 22/09/2025", None),
    ("Thứ Hai, 22/09/2025 - 08:15", "generic"),
])
def test_a_sapo_box_s_date_line_is_not_the_summary(stamp, profile):
    a = _article(_sapo_page(stamp), "https://hoavang.danang.gov.vn/tin-tuc/khai-giang-th-hoa-phu.html", profile)
    assert a.published_at_raw == stamp
    assert a.summary == _LEAD
    assert a.body == "\n\n".join([_LEAD, *SCHOOL[1:]])


def test_a_lead_that_starts_with_a_date_keeps_it():
    """Guard: a date the lead itself opens with is part of the sentence."""
    lead = ("Ngày 22/09/2025, hơn 640 học sinh Trường Tiểu học Hòa Phú cùng thầy cô giáo, phụ huynh dự lễ khai giảng "
            "năm học mới.")
    main = (f'<div class="detail-news"><h1 class="detail-title">{_SAPO_HEADLINE}</h1>'
            '<div class="detail-time">Thứ Hai, 22/09/2025</div><div class="sapo-box"><div class="article-summary">'
            f'<strong>{lead}</strong></div></div><div class="detail-content">{_paras(SCHOOL[1:])}</div></div>')
    a = _article(_page(_SAPO_HEADLINE, _LINKS, main, "UBND huyện Hòa Vang"),
                 "https://hoavang.danang.gov.vn/tin-tuc/khai-giang-th-hoa-phu-2.html")
    assert a.summary == lead
    assert a.body == "\n\n".join([lead, *SCHOOL[1:]])


# -- 7. signers from a representative office ---------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Lê Văn An - Đại diện Cảng vụ Hàng hải Kiên Giang tại Hà Tiên",
    "Trần Thị Bình - Văn phòng đại diện tại Cần Thơ",
    "Phạm Quốc Khánh - Đại diện Cảng vụ Hàng hải Thừa Thiên Huế tại Chân Mây",
    "Đỗ Thu Hà - Văn phòng đại diện Báo Kiên Giang tại TP. Hồ Chí Minh",
    "Lê Văn An - Trưởng Đại diện Cảng vụ Hàng hải Kiên Giang tại Hà Tiên",
    "Trần Thị Bình - VPĐD Cảng vụ Hàng hải Kiên Giang tại Phú Quốc",
])
def test_a_representative_office_signer_is_printed_whole(line):
    sig = split_signature(line)
    assert sig is not None and sig.author == line and sig.source is None


@pytest.mark.parametrize("signer, profile", [
    ("Lê Văn An - Đại diện Cảng vụ Hàng hải Kiên Giang tại Hà Tiên", "generic"),
    ("Trần Thị Bình - Văn phòng đại diện tại Cần Thơ", None),
])
def test_a_representative_office_signer_on_a_page(signer, profile):
    main = (f'<div class="news-detail"><h1 class="title">{_JOOMLA_HEADLINE}</h1><div class="date">19/09/2025</div>'
            f'<div class="news-content">{_paras(PORT)}<p style="text-align: right;"><strong>{signer}</strong></p>'
            '</div></div>')
    html = _page(_JOOMLA_HEADLINE, _LINKS, main, "Cảng vụ Hàng hải Kiên Giang")
    a = _article(html, "https://cangvukiengiang.gov.vn/tin-tuc/dien-tap-tim-kiem-cuu-nan.html", profile)
    assert a.author == signer
    assert a.body == "\n\n".join(PORT)


@pytest.mark.parametrize("line, author, source", [
    ("Theo Văn phòng đại diện Báo Nhân Dân", None, "Văn phòng đại diện Báo Nhân Dân"),
    ("Võ Thành Lợi - Phòng Kinh tế", "Võ Thành Lợi - Phòng Kinh tế", None),
])
def test_signers_and_sources_read_before_stay(line, author, source):
    """Guard: a 'Theo' line is a source even when it names a representative office; a unit the
    list already knew."""
    sig = split_signature(line)
    assert sig is not None and sig.author == author and sig.source == source
