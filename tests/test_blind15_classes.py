"""The failure classes of the fifteenth blind set (fixtures/heldout_pages15.py), each on a small
page of its own, in Vietnamese and, where the class is not Vietnamese only, in English."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

V = ("Ủy ban nhân dân xã vừa tổ chức lễ ra mắt Trung tâm Phục vụ hành chính công sau hợp nhất, với 12 "
     "quầy tiếp nhận hồ sơ và hệ thống lấy số tự động cho người dân.")
W = ("Trong tháng đầu hoạt động, trung tâm đã tiếp nhận hơn 1.800 hồ sơ, trong đó 96% được giải quyết "
     "đúng hoặc trước hạn, theo báo cáo của Văn phòng HĐND và UBND xã.")
E = ("Our rangers walk the boundary of the primary forest every night in the dry season to prevent "
     "illegal logging and snaring, the park's director said on Tuesday.")
F = ("Since January, the teams have removed more than four hundred snares and handed over three cases "
     "to the police, according to the park's monthly report.")


def _article(html: str, url: str = "https://xatienyen.example.gov.vn/tin-tuc/chi-tiet-4437.html", profile="generic"):
    return parse_page(html.encode("utf-8"), url, profile=profile).article


def _page(article: str, title: str = "Tin tức", banner: str = "", lang: str = "vi", head: str = "") -> str:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>'
            f'<div class="header">{banner}</div><ul class="menu"><li><a href="/">Trang chủ</a></li>'
            '<li><a href="/tin-hoat-dong">Tin hoạt động</a></li></ul>'
            f'<div class="main"><div class="col-main">{article}</div></div></body></html>')


def test_a_heading_that_names_the_portal_is_the_site_s_name():
    site = "CỔNG THÔNG TIN ĐIỆN TỬ XÃ TIÊN YÊN"
    article = ('<div class="chi-tiet"><h3 class="title-news">Xã Tiên Yên ra mắt Trung tâm Phục vụ hành chính công</h3>'
               f'<span class="publish-date">14/08/2025 16:20</span><div class="noi-dung"><p>{V}</p><p>{W}</p></div></div>')
    a = _article(_page(article, title="Cổng thông tin điện tử xã Tiên Yên", banner=f'<h1 class="ten-trang">{site}</h1>'))
    assert a.headline == "Xã Tiên Yên ra mắt Trung tâm Phục vụ hành chính công"


def test_an_article_about_the_portal_keeps_its_headline():
    headline = "Cổng thông tin điện tử xã ra mắt giao diện mới cho điện thoại"
    article = (f'<div class="chi-tiet"><h1>{headline}</h1><span class="publish-date">14/08/2025 16:20</span>'
               f'<div class="noi-dung"><p>{V}</p><p>{W}</p></div></div>')
    assert _article(_page(article, title=headline + " - Xã Tiên Yên")).headline == headline


def test_the_published_date_beats_the_created_one_in_joomla_s_article_info():
    info = ('<dl class="article-info"><dd class="create"><time datetime="2025-08-12T09:12:00+07:00" itemprop="dateCreated">'
            'Ngày tạo: Thứ Ba, 12 Tháng 8 2025 09:12</time></dd><dd class="published"><time '
            'datetime="2025-08-14T16:20:00+07:00" itemprop="datePublished">Ngày đăng: Thứ Năm, 14 Tháng 8 2025 16:20'
            '</time></dd><dd class="modified"><time datetime="2025-08-15T08:05:00+07:00" itemprop="dateModified">'
            'Cập nhật lần cuối: Thứ Sáu, 15 Tháng 8 2025 08:05</time></dd></dl>')
    article = (f'<div class="item-page"><h2 itemprop="headline">Kỳ họp thứ ba HĐND xã thông qua 6 nghị quyết</h2>{info}'
               f'<div itemprop="articleBody"><p>{V}</p><p>{W}</p></div></div>')
    assert _article(_page(article)).published_at == "2025-08-14T16:20:00+07:00"


@pytest.mark.parametrize("line,author", [("Viết bởi Super User", None), ("Produced by: Communication Team", "Communication Team")])
def test_a_cms_default_account_names_no_one_and_produced_by_is_a_writer_s_label(line, author):
    article = (f'<div class="item-page"><h2>Kỳ họp thứ ba HĐND xã thông qua 6 nghị quyết</h2>'
               f'<dd class="createdby">{line}</dd><span class="date">14/08/2025 16:20</span>'
               f'<div class="content"><p>{V}</p><p>{W}</p></div></div>')
    assert _article(_page(article)).author == author


@pytest.mark.parametrize("lang,label,paras", [("vi", "Lời bình:", (V, W)), ("en", "Transcript", (E, F))])
def test_a_transcript_s_label_is_not_the_text(lang, label, paras):
    article = (f'<div class="detail"><h1>Đêm hội trăng rằm</h1><span class="date">14/08/2025 16:20</span>'
               f'<div class="content"><p>{paras[0]}</p><p><b>{label}</b></p><p>{paras[1]}</p></div></div>')
    assert _article(_page(article, lang=lang)).body == f"{paras[0]}\n\n{paras[1]}"


def test_a_share_button_with_its_count_a_print_button_and_the_section_over_the_headline_are_not_text():
    article = ('<div class="m-detail"><div class="m-cat">Tin hoạt động</div><h2 class="m-title">Đà Nẵng đầu tư nâng '
               'cấp xưởng thực hành nghề</h2><div class="m-info">Ngày đăng: 13/10/2025 09:05:00</div>'
               f'<p>In</p><p>{V}</p><p>{W}</p><div class="m-bar"><span class="icon-eye"></span> 318 '
               '<span class="icon-share"></span> Chia sẻ</div></div>')
    assert _article(_page(article)).body == f"{V}\n\n{W}"
