"""The failure classes of the seventh blind set, each on a small page of its own (other wording,
other markup than the blind pages): the rules read structure and labels, not those pages."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

HEADLINE = "Huyện Đồng Xuân tổng kết mô hình cánh đồng lớn vụ Hè Thu năm 2025"
PROSE = ("Vụ Hè Thu năm nay, toàn huyện có 1.200 ha tham gia mô hình cánh đồng lớn, năng suất bình "
         "quân đạt 62 tạ/ha, cao hơn sản xuất đại trà khoảng 5 tạ/ha và giảm chi phí đầu vào.")
PROSE2 = ("Hội nghị thống nhất mở rộng mô hình ra ba xã vùng cao trong vụ Đông Xuân tới, gắn với "
          "liên kết tiêu thụ sản phẩm cùng hai doanh nghiệp trên địa bàn tỉnh.")
URL = "https://dongxuan.example.gov.vn/tin-tuc/canh-dong-lon-he-thu-2025"


def _parse(body: str, url: str = URL, profile: str | None = None):
    html = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>UBND huyện</title>'
            f"</head><body>{body}</body></html>").encode("utf-8")
    return parse_page(html, url, profile=profile).article


def _text(extra: str = "") -> str:
    return f'<div class="noi-dung"><p>{PROSE}</p><p>{PROSE2}</p>{extra}</div>'


def test_date_beside_the_articles_category_link():
    a = _parse(f'<article class="node"><h1>{HEADLINE}</h1><div class="node-meta">'
               '<span class="node-category"><a href="/danh-muc/nong-nghiep-nong-thon-moi">Nông nghiệp - '
               'Nông thôn mới của huyện</a></span> <span class="node-date">Thứ Ba, 29/4/2025 | 10:00</span>'
               f'</div>{_text()}</article>')
    assert a.published_at == "2025-04-29T10:00:00+07:00"


def test_drupal_labelled_fields_give_the_source_and_leave_the_body():
    a = _parse(f'<article><h1>{HEADLINE}</h1><p>29/04/2025</p><div class="node__content">'
               f'<div class="field field--name-body"><p>{PROSE}</p><p>{PROSE2}</p></div>'
               '<div class="field field--label-inline"><div class="field__label">Nguồn</div>'
               '<div class="field__item">Báo Phú Yên</div></div></div></article>', profile="generic")
    assert a.source == "Báo Phú Yên"
    assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_field_label_and_attachments_under_the_text_are_not_body():
    a = _parse(f'<div class="news"><h1>{HEADLINE}</h1><p>29/04/2025</p><div class="content">'
               f'<p>{PROSE}</p><p>{PROSE2}</p><div>Người viết</div><div>Phòng Nông nghiệp huyện</div>'
               '<div>File đính kèm</div><div>ke-hoach-vu-dong-xuan.pdf</div><div>bieu-mau-dang-ky.docx</div>'
               '</div></div>', profile="generic")
    assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_credits_block_names_the_writer():
    a = _parse(f'<section class="cover"><h1>{HEADLINE}</h1></section><div class="credits">'
               '<p>Bài: Lê Minh Hoàng</p><p>Ảnh: Trần Vũ</p><p>Đồ họa: Ngọc Mai</p></div>'
               f'<section class="body">{_text()}<p>29/04/2025</p></section>')
    assert a.author == "Lê Minh Hoàng"
    a = _parse(f'<section class="cover"><h1>{HEADLINE}</h1></section><div class="credits">'
               f'<p>Ảnh và bài: Quỳnh Như</p></div><section class="body">{_text()}<p>29/04/2025</p></section>')
    assert a.author == "Quỳnh Như"


def test_unmarked_breadcrumb_is_the_category_and_a_menu_is_not():
    menu = ('<div><a href="/">Trang chủ</a> | <a href="/gioi-thieu">Giới thiệu</a> | '
            '<a href="/lien-he">Liên hệ</a></div>')
    crumb = ('<div><font size="1"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức</a> &gt; '
             '<a href="/tin-tuc/nong-nghiep">Nông nghiệp</a></font></div>')
    a = _parse(f'{menu}<table><tr><td>{crumb}</td></tr><tr><td class="tieude">{HEADLINE}</td></tr>'
               f'<tr><td>29/04/2025</td></tr><tr><td>{_text()}</td></tr></table>')
    assert a.category == "Nông nghiệp"
    a = _parse(f'{menu}<div class="news"><h1>{HEADLINE}</h1><p>29/04/2025</p>{_text()}</div>')
    assert a.category is None


def test_a_players_duration_line_is_not_body():
    a = _parse(f'<div class="news"><h1>{HEADLINE}</h1><p>29/04/2025</p><div class="content">'
               f'<p>{PROSE}</p><audio src="/ban-tin.mp3"></audio><p>Thời lượng: 14:05 | Tải về</p>'
               f'<p>{PROSE2}</p></div></div>', profile="generic")
    assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_signature_with_the_writers_unit_and_an_interviewers_mark():
    a = _parse(f'<div class="news"><h1>{HEADLINE}</h1><p>29/04/2025</p>'
               f'{_text("<p><b>Lan Phương (Trung tâm Văn hóa - Thể thao huyện)</b></p>")}</div>')
    assert a.author == "Lan Phương (Trung tâm Văn hóa - Thể thao huyện)"
    assert a.body == f"{PROSE}\n\n{PROSE2}"
    a = _parse(f'<div class="news"><h1>{HEADLINE}</h1><p>29/04/2025</p>'
               f'{_text("<p><b>Minh Châu (thực hiện)</b></p>")}</div>')
    assert a.author == "Minh Châu"


def test_gallery_photos_are_not_counter_digits():
    figures = "".join(f'<figure><img src="/anh/vu-he-thu-{i}.jpg"><figcaption>Ảnh {i}</figcaption></figure>'
                      for i in range(1, 4))
    lightbox = "".join(f'<a href="/anh/lon/ruong-{i}.jpg"><img src="/anh/nho/ruong-{i}.jpg"></a>'
                       for i in range(1, 5))
    a = _parse(f'<div class="news"><h1>{HEADLINE}</h1><p>29/04/2025</p><div class="content">'
               f'<p>{PROSE}</p>{figures}<div class="album">{lightbox}</div><p>{PROSE2}</p></div></div>')
    assert a.visitor_counter is None


def test_a_toolbar_without_icons_is_not_body():
    a = _parse(f'<div class="news"><h1>{HEADLINE}</h1><p>29/04/2025</p><div class="content">'
               f'<p>{PROSE}</p><p>{PROSE2}</p><p><b>Văn Tùng</b></p><p>Chia sẻ · Bản in</p></div></div>',
               profile="generic")
    assert a.body == f"{PROSE}\n\n{PROSE2}"
    assert a.author == "Văn Tùng"


def test_attachment_lines_with_sizes_are_still_files_and_teasers_by_query_are_others():
    from lxml import html as lxml_html

    from govnews.parsers.extract import _FILE_LINE
    from govnews.parsers.generic import in_teaser
    assert _FILE_LINE.search("Kết quả tuyển sinh (412 KB) - Lượt tải: 12")
    page = "https://portal.example.gov.vn/tin-tuc/chi-tiet.aspx?ItemID=5"
    card = lxml_html.fromstring(
        '<div><div class="card"><h3><a href="chi-tiet.aspx?ItemID=999">Một bài viết khác của cổng '
        'thông tin</a></h3><span class="by">Tác giả: Lê Văn</span></div></div>')
    assert in_teaser(card.xpath("//span")[0], page)
    own = lxml_html.fromstring(
        '<div><div class="card"><h3><a href="chi-tiet.aspx?ItemID=5">Bài viết này</a></h3>'
        '<span class="by">Tác giả: Lê Văn</span></div></div>')
    assert not in_teaser(own.xpath("//span")[0], page)
    home = lxml_html.fromstring(
        '<div><div class="card"><h3><a href="/">Trang chủ của cổng thông tin điện tử</a></h3>'
        '<span class="by">Tác giả: Lê Văn</span></div></div>')
    assert in_teaser(home.xpath("//span")[0], page)
