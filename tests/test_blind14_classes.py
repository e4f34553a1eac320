"""The failure classes of the fourteenth blind set (fixtures/heldout_pages14.py), each on a small
page of its own, in Vietnamese and, where the class is not Vietnamese only, in English."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

V = ("Sau đợt mưa lớn từ ngày 10 đến 13/8, mực nước các hồ chứa thủy lợi lớn trên địa bàn tỉnh tăng "
     "nhanh, nhiều hồ đã đạt trên 90% dung tích thiết kế.")
W = ("Các đơn vị quản lý, khai thác công trình được yêu cầu trực 24/24 giờ, theo dõi chặt chẽ diễn "
     "biến mưa lũ và vận hành điều tiết theo đúng quy trình được phê duyệt.")
E = ("After three days of heavy rain the main reservoirs of the province rose quickly, and several "
     "of them are now above ninety per cent of their design capacity.")
F = ("Operators were told to staff their dams around the clock, watch the rainfall closely and release "
     "water only as the approved operating rules allow.")


def _article(article: str, footer: str = "", banner: str = "", title: str = "Tin tức", lang: str = "vi"):
    data = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<div class="header">{banner}</div><ul class="menu-top"><li><a href="/">Trang chủ</a></li></ul>'
            f'<div class="main-container"><div class="col-main">{article}</div></div>'
            f'<div class="footer">{footer}</div></body></html>').encode("utf-8")
    return parse_page(data, "https://ccthuyloi.example.gov.vn/tin-tuc/chi-tiet-118205.html",
                      profile="generic").article


def _news(meta: str = '<div class="thong-tin"><span class="publish-date">14/08/2025 16:20</span></div>',
          body: str = f"<p>{V}</p><p>{W}</p>", headline: str = "Mực nước các hồ chứa thủy lợi lớn đến ngày 14/8/2025",
          tag: str = "h3") -> str:
    return (f'<div class="chi-tiet-tin"><{tag} class="title-news">{headline}</{tag}>{meta}'
            f'<div class="noi-dung-trang">{body}</div></div>')


# -- the site's name as a heading, printed again in the footer ----------------------------------

@pytest.mark.parametrize("lang,site,headline,body", [
    ("vi", "CHI CỤC THỦY LỢI TỈNH QUẢNG NINH", "Mực nước các hồ chứa thủy lợi lớn đến ngày 14/8/2025",
     f"<p>{V}</p><p>{W}</p>"),
    ("en", "Provincial Irrigation Department", "Reservoirs rise above ninety per cent after three days of rain",
     f"<p>{E}</p><p>{F}</p>"),
])
def test_a_heading_the_footer_prints_again_is_the_site_s_name_not_the_headline(lang, site, headline, body):
    a = _article(_news(headline=headline, body=body), banner=f'<h1 class="ten-trang">{site}</h1>',
                 footer=f"<p><b>{site}</b></p><p>Địa chỉ: Phường Hồng Gai. Điện thoại: 0203.3835.519</p>",
                 title=site.title(), lang=lang)
    assert a.headline == headline


def test_a_headline_printed_again_inside_the_article_s_own_footer_stays_the_headline():
    headline = "Reservoirs rise above ninety per cent after three days of rain"
    article = (f'<article><h1>{headline}</h1><div class="date">14/08/2025 16:20</div><div class="entry">'
               f'<p>{E}</p><p>{F}</p></div><footer class="entry-footer"><p>{headline}</p></footer></article>')
    assert _article(article, title=headline, lang="en").headline == headline


# -- a statistics line with no counter title ----------------------------------------------------

@pytest.mark.parametrize("line,total,today,online", [
    ("Tổng số: 5.204.117 | Hôm nay: 2.015", 5204117, 2015, None),
    ("Tổng: 1.045.227 | Đang truy cập: 12", 1045227, None, 12),
    ("Total: 45,210 | Today: 87", 45210, 87, None),
])
def test_a_total_beside_today_s_or_the_online_count_is_the_visitor_counter(line, total, today, online):
    a = _article(_news(), footer=f"<p>{line}</p>")
    assert a.visitor_counter == total
    assert a.site_counters.get("today") == today and a.site_counters.get("online") == online


def test_a_count_of_documents_beside_today_s_is_no_visitor_counter():
    a = _article(_news(), footer="<p>Tổng số văn bản: 1.234 | Hôm nay: 3</p>")
    assert a.visitor_counter is None


# -- view counts in brackets and after the number -----------------------------------------------

@pytest.mark.parametrize("meta,views", [
    ('<span class="luot-xem"><i class="fa fa-eye"></i> Lượt xem (1.234)</span> '
     '<span class="chia-se"><i class="fa fa-share-alt"></i> Chia sẻ (12)</span>', 1234),
    ('<span class="view_detail"><i class="fa fa-eye"></i> 2.301 lần đọc</span>', 2301),
])
def test_view_counts_in_brackets_and_after_the_number(meta, views):
    a = _article(_news(meta=f'<div class="meta"><span class="publish-date">14/08/2025 16:20</span> {meta}</div>'))
    assert a.view_count == views


def test_a_share_count_alone_is_no_view_count():
    meta = ('<div class="meta"><span class="publish-date">14/08/2025 16:20</span> '
            '<span class="chia-se"><i class="fa fa-share-alt"></i> Chia sẻ (12)</span></div>')
    assert _article(_news(meta=meta)).view_count is None


# -- signatures --------------------------------------------------------------------------------

@pytest.mark.parametrize("signature,author", [
    ("Người thực hiện: Phan Thị Quý", "Phan Thị Quý"),
    ("Minh Khang (t/h)", "Minh Khang"),
    ("Trợ giúp viên pháp lý Đinh Thị Ngọc Lan", "Trợ giúp viên pháp lý Đinh Thị Ngọc Lan"),
    ("Thanh tra viên Nguyễn Văn Hòa", "Thanh tra viên Nguyễn Văn Hòa"),
    ("Văn phòng thường trực Ban Chỉ huy PCTT và TKCN tỉnh", "Văn phòng thường trực Ban Chỉ huy PCTT và TKCN tỉnh"),
])
def test_signatures_with_a_role_a_compiler_s_mark_a_position_or_a_long_office(signature, author):
    body = f'<p>{V}</p><p>{W}</p><p style="text-align:right"><strong>{signature}</strong></p>'
    a = _article(_news(body=body))
    assert a.author == author
    assert a.body == f"{V}\n\n{W}"


# -- a read-aloud player's line ------------------------------------------------------------------

@pytest.mark.parametrize("lang,line,body,text", [
    ("vi", "Nghe đọc bài viết", f"<p>{V}</p><p>{W}</p>", f"{V}\n\n{W}"),
    ("en", "Listen to this article", f"<p>{E}</p><p>{F}</p>", f"{E}\n\n{F}"),
])
def test_a_read_aloud_player_s_line_is_not_the_text(lang, line, body, text):
    player = f'<div class="tts-box"><a href="javascript:void(0)" class="tts-play">{line}</a></div>'
    a = _article(_news(body=player + body), lang=lang)
    assert a.body == text
