"""The classes of VN set 25 and world set 22 (both blind), each on a small page of its own: Joomla's
article-info with its category link (the view count beside it is the article's), a file linked as
'(tải về)' closing the text (an attachment, not a paragraph), and the site's own name after the writer's
('Juliana Castro, Portal Global SP')."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

VI = ["Trung tâm Phát triển quỹ đất huyện thông báo đấu giá quyền sử dụng đất đối với 9 lô đất ở tại xã "
      "Hòa Bình, diện tích mỗi lô từ 100 đến 120 mét vuông.",
      "Người tham gia đấu giá nộp hồ sơ tại trụ sở Trung tâm trong giờ hành chính từ ngày 20/8 đến hết "
      "ngày 5/9/2025; tiền đặt trước bằng 20% giá khởi điểm.",
      "Phiên đấu giá dự kiến tổ chức vào sáng ngày 10/9/2025 tại Hội trường Ủy ban nhân dân xã."]


def _joomla(hits: str, category_link: bool = True) -> bytes:
    genre = ('<dd class="category-name">Danh mục: <a href="https://ptqd.example.gov.vn/index.php/dau-gia" '
             'itemprop="genre">Đấu giá quyền sử dụng đất</a></dd>') if category_link else ""
    body = "".join(f'<p style="text-align: justify;">{p}</p>' for p in VI)
    return (f'<!DOCTYPE html><html lang="vi-vn"><head><meta charset="utf-8"><meta name="generator" '
            f'content="Joomla! - Open Source Content Management"><title>Thông báo đấu giá</title></head><body>'
            f'<div class="item-page"><div class="page-header"><h2 itemprop="headline">Thông báo đấu giá quyền '
            f'sử dụng đất 9 lô đất ở tại xã Hòa Bình</h2></div><dl class="article-info muted">'
            f'<dt class="article-info-term">Chi tiết</dt>{genre}<dd class="published"><time '
            f'datetime="2025-08-14T16:20:00+07:00" itemprop="datePublished">Ngày đăng: 14/08/2025 16:20</time>'
            f'</dd><dd class="hits"><span class="icon-eye-open"></span> {hits}</dd></dl>'
            f'<div itemprop="articleBody">{body}</div></div></body></html>').encode()


@pytest.mark.parametrize("profile", [None, "generic"])
@pytest.mark.parametrize("hits, count", [("Lượt xem: 1234", 1234), ("Lượt xem: 2.046", 2046)])
def test_the_view_count_beside_the_category_link_is_the_articles(profile, hits, count):
    a = parse_page(_joomla(hits), "https://ptqd.example.gov.vn/index.php/dau-gia/512-thong-bao", {},
                   profile=profile).article
    assert a.view_count == count


def test_without_the_category_link_the_count_is_read_as_before():
    """Guard: the same line with no category link."""
    a = parse_page(_joomla("Lượt xem: 318", category_link=False),
                   "https://ptqd.example.gov.vn/index.php/dau-gia/513-thong-bao", {}).article
    assert a.view_count == 318


def _lacviet_like(closing: str) -> bytes:
    paras = "".join(f'<p class="MsoNormal">{p}</p>' for p in VI)
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin điện tử phường'
            '</title></head><body><div class="menu"><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></div>'
            '<div class="main"><h2 class="tieude">Kế hoạch tiếp công dân quý IV năm 2025</h2>'
            '<div class="ngay">Thứ Năm, 14/08/2025, 16:20</div>'
            f'<div class="noidung">{paras}{closing}'
            '<p align="right" style="text-align:right"><b>Tin, ảnh: Ngọc Hân</b></p></div></div>'
            '<div class="footer">© 2025 Ủy ban nhân dân phường</div></body></html>').encode()


@pytest.mark.parametrize("closing", [
    '<p class="MsoNormal"><a href="https://phuong.example.gov.vn/Documents/85-KH-UBND.pdf">Kế hoạch số 85/KH-UBND (tải về)</a></p>',
    '<p><a href="/files/thong-bao-12.docx">Thông báo số 12/TB-UBND [Tải về]</a></p>',
    '<p><a href="/files/bieu-mau.xlsx?v=2">Biểu mẫu đăng ký (download)</a></p>',
])
def test_a_file_linked_as_download_is_no_paragraph(closing):
    a = parse_page(_lacviet_like(closing), "https://phuong.example.gov.vn/tin/455", {}, profile="generic").article
    assert a.body == "\n\n".join(VI)
    assert a.author == "Ngọc Hân"


def test_a_sentence_linking_a_file_stays():
    """Guard: a sentence of the text whose words link a document is text."""
    line = ('<p>Chi tiết xem <a href="/files/85-KH-UBND.pdf">Kế hoạch số 85/KH-UBND</a> đăng trên Cổng thông '
            'tin điện tử của phường từ ngày 15/8/2025.</p>')
    a = parse_page(_lacviet_like(line), "https://phuong.example.gov.vn/tin/456", {}, profile="generic").article
    assert "Chi tiết xem Kế hoạch số 85/KH-UBND" in a.body


PT = ["A chuva forte que caiu na tarde desta terça-feira alagou trechos das marginais e deixou a cidade em "
      "estado de atenção, segundo o Centro de Gerenciamento de Emergências.",
      "Segundo a prefeitura, o volume de chuva registrado em duas horas equivale a quase metade do esperado "
      "para todo o mês de março em algumas regiões da zona norte.",
      "A Defesa Civil recomenda que os moradores evitem áreas de alagamento e não atravessem vias cobertas "
      "pela água até que o nível baixe."]


@pytest.mark.parametrize("site, byline, want", [
    ("Portal Global SP", "Por <a href='/autor/juliana-castro'>Juliana Castro</a>, Portal Global SP", "Juliana Castro"),
    ("Diario del Sur", "Por <a href='/autor/marta-ruiz'>Marta Ruiz</a>, Diario del Sur", "Marta Ruiz"),
    # (guard: a second writer after the comma is no site's name)
    ("Diario del Sur", "Por <a href='/autor/marta-ruiz'>Marta Ruiz</a>, <a href='/autor/pedro-gomez'>Pedro Gómez</a>",
     "Marta Ruiz, Pedro Gómez"),
])
def test_the_sites_own_name_after_the_writer(site, byline, want):
    page = (f'<!DOCTYPE html><html lang="pt-BR"><head><meta charset="utf-8"><title>Chuva alaga marginais | {site}'
            f'</title><meta property="og:site_name" content="{site}"></head><body><header><a href="/">{site}</a>'
            '</header><main><article><h1>Chuva forte alaga marginais e deixa a cidade em atenção</h1>'
            f'<div class="byline">{byline}</div><time datetime="2024-03-12T18:40:00-03:00">12/03/2024 18h40</time>'
            f'{"".join(f"<p>{p}</p>" for p in PT)}</article></main></body></html>').encode()
    a = parse_page(page, "https://www.example.com.br/sp/noticia/2024/03/12/chuva.ghtml", {}, profile="generic").article
    assert a.author == want
