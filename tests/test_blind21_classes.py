"""The failure classes of the twenty-first blind set (fixtures/heldout_pages21.py), each on a small
page of its own written from the class: Weebly's blog posts, a meta line's separators before a
label, a signature over the lead, a text split around a read-more box or a related box, a CMS's
'Super User' account, a download block's lines."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

TEXT = ["Ngày 13/8, Ủy ban nhân dân xã tổ chức hội nghị đối thoại với hơn 120 người dân về các thủ tục "
        "đất đai sau khi sắp xếp đơn vị hành chính.",
        "Các ý kiến thuộc thẩm quyền đã được lãnh đạo xã trả lời trực tiếp; những nội dung vượt thẩm quyền "
        "được tổng hợp, báo cáo Sở Nông nghiệp và Môi trường tỉnh."]
MORE = ["Đến nay, đã có hơn 300 lượt học sinh theo học lớp của thầy, nhiều em đã tốt nghiệp đại học và trở "
        "thành giáo viên ở các trường trong tỉnh.",
        "Năm 2024, thầy được Chủ tịch UBND tỉnh tặng Bằng khen vì có thành tích xuất sắc trong phong trào "
        "khuyến học, khuyến tài."]


def _article(html: str, url: str, profile: str | None = "generic"):
    return parse_page(html.encode("utf-8"), url, profile=profile).article


def _paras(paras) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


# -- Weebly: the content wrapper classed 'wsite-not-footer', a post's own header and footer ----------

def _weebly(date: str, category: str) -> str:
    return ('<html><head><title>Đối thoại với nhân dân - Xã Đạ Tẻh</title></head><body class="no-header-page">'
            '<div class="wrapper"><div id="wsite-content" class="wsite-elements wsite-not-footer">'
            '<div class="blog-body"><div class="blog-post"><div class="blog-header">'
            '<h2 class="blog-title"><a class="blog-title-link" href="/tin-tuc/doi-thoai">Xã đối thoại với nhân dân '
            f'về thủ tục đất đai</a></h2><p class="blog-date"><span class="date-text">{date}</span></p></div>'
            f'<div class="blog-content"><div class="paragraph">{TEXT[0]}<br /><br />{TEXT[1]}</div></div>'
            f'<div class="blog-footer"><p class="blog-category">Chuyên mục: <a href="/tin-tuc/category/x">{category}'
            '</a></p></div></div></div></div>'
            '<div class="blog-sidebar"><h2>Chuyên mục</h2><ul><li><a href="/c/1">Tất cả</a></li>'
            '<li><a href="/c/2">Tin hoạt động</a></li><li><a href="/c/3">Thông báo</a></li></ul></div>'
            '</div></body></html>')


@pytest.mark.parametrize("date, category, want", [("14/8/2025", "Tin hoạt động", "2025-08-14T00:00:00+07:00"),
                                                  ("05/9/2025", "Thông báo", "2025-09-05T00:00:00+07:00")])
def test_a_weebly_post_s_date_and_category_are_its_own(date, category, want):
    a = _article(_weebly(date, category), "https://xa.weebly.com/tin-tuc/doi-thoai")
    assert (a.published_at, a.category) == (want, category)
    assert a.body == "\n\n".join(TEXT)


# -- a download block's own lines ----------------------------------------------------------------------

def test_a_download_block_s_size_and_type_lines_are_not_text():
    box = ('<div><a title="Tải tệp: thong-bao.pdf" href="/uploads/thong-bao.pdf">Tải tệp</a></div>'
           '<div>Kích thước tệp: 245 kb</div><div>Loại tệp: pdf</div>')
    html = ('<html><head><title>Thông báo lịch tiếp công dân</title></head><body><h1>Thông báo lịch tiếp công dân'
            f'</h1><div class="content">{_paras(TEXT)}{box}</div></body></html>')
    a = _article(html, "https://xa.example.gov.vn/thong-bao/lich-tiep-cong-dan")
    assert a.body == "\n\n".join(TEXT)


# -- a meta line's separator before the label ------------------------------------------------------------

@pytest.mark.parametrize("item, want", [("| Tác giả: <strong>Phòng Công tác xã hội</strong>", "Phòng Công tác xã hội"),
                                        ("| Tác giả: <strong>BS.CKII Nguyễn Thị Thu Trang - Khoa Lao</strong>",
                                         "BS.CKII Nguyễn Thị Thu Trang - Khoa Lao"),
                                        ("| Người đăng: Quản trị", None)])
def test_a_labelled_item_after_its_separator_is_read_without_it(item, want):
    html = ('<html><head><title>Phát hiện sớm ca lao mới</title></head><body><h1>Phát hiện sớm ca lao mới</h1>'
            '<div class="thong-tin"><span class="date">Thứ Năm, ngày 14 tháng 8 năm 2025 - 16:20</span> '
            f'<span class="meta-author">{item}</span> <span class="meta-view">| Lượt xem: 312</span></div>'
            f'<div class="noi-dung">{_paras(TEXT)}</div></body></html>')
    a = _article(html, "https://bv.example.gov.vn/tin-tuc/phat-hien-som")
    assert a.author == want
    assert a.published_at == "2025-08-14T16:20:00+07:00"


# -- a name printed as a signature over the lead ------------------------------------------------------

@pytest.mark.parametrize("profile", ["generic", None])
def test_a_right_aligned_bold_name_over_the_lead_is_the_writer(profile):
    html = ('<html><head><title>Tập huấn giám định pháp y</title></head><body><h1>Tập huấn giám định pháp y</h1>'
            '<div class="date-post">Cập nhật: CHỦ NHẬT, 7/9/2025 | 9:05:10 SA</div><div class="news-content">'
            f'<p style="text-align:right"><strong>Thu Hà</strong></p>{_paras(TEXT)}</div></body></html>')
    a = _article(html, "https://phapy.example.gov.vn/tin-tuc/839/", profile)
    assert a.author == "Thu Hà"
    assert a.body == "\n\n".join(TEXT)


# -- a CMS's account: the signature under the text is the writer ------------------------------------------

def test_super_user_is_an_account_and_the_printed_signature_names_the_writer():
    html = ('<html><head><title>Khai giảng lớp chữ nổi</title><meta name="generator" content="Joomla! - Open Source '
            'Content Management"></head><body><div class="item-page"><h2 itemprop="headline">Khai giảng lớp chữ nổi</h2>'
            '<dl class="article-info"><dd class="createdby">Viết bởi <span itemprop="name">Super User</span></dd>'
            '<dd class="published"><time datetime="2025-08-13T08:00:00+07:00">Thứ tư, 13 Tháng 8 2025 08:00</time></dd>'
            f'</dl><div itemprop="articleBody">{_paras(TEXT)}<p style="text-align: right;"><strong>Tin, ảnh: Lê Văn Hùng '
            '(Chi hội Người mù xã Nga Sơn)</strong></p></div></div></body></html>')
    a = _article(html, "https://hoi.example.gov.vn/index.php/tin-hoat-dong/412-khai-giang", None)
    assert a.author == "Lê Văn Hùng (Chi hội Người mù xã Nga Sơn)"
    assert a.body == "\n\n".join(TEXT)


# -- the text split around a box --------------------------------------------------------------------------

def test_a_profile_s_text_split_around_a_read_more_box_is_read_whole():
    html = ('<html><head><title>Thầy giáo về hưu mở lớp dạy chữ</title></head><body><table><tr><td>'
            '<div class="PostTitle">Thầy giáo về hưu mở lớp dạy chữ</div><div class="PostDate">Gửi lúc: thứ sáu, '
            '5-9-2025 8:05</div>'
            f'<div class="ArticleContent">{_paras(TEXT)}</div>'
            '<div class="DocThem">Đọc thêm: <a href="/tin-tuc/chi-tiet.aspx?id=1120">Hội viên tích cực tham gia '
            'khuyến học</a> (12.06.2025)</div>'
            f'<div class="ArticleContent">{_paras(MORE)}</div>'
            '<div class="PostTools"><span class="PostView">Đã xem: 312 lần</span></div></td></tr></table></body></html>')
    a = _article(html, "https://hoi.example.gov.vn/tin-tuc/chi-tiet.aspx?id=1231", None)
    assert a.body == "\n\n".join(TEXT + MORE)


@pytest.mark.parametrize("profile", [None])          # (Liferay's profile: its body is the journal article)
def test_the_text_resumes_after_a_related_box_with_a_labelled_table(profile):
    table = ('<table><tr><th>Tháng</th><th>Số người được chụp</th></tr><tr><td>02/2025</td><td>1.820</td></tr>'
             '<tr><td>03/2025</td><td>2.145</td></tr></table>')
    html = ('<html><head><title>Sàng lọc lao bằng AI</title></head><body><section class="portlet">'
            '<div class="asset-full-content"><h3 class="header-title">Sàng lọc lao bằng AI</h3>'
            '<div class="journal-content-article">'
            f'<div class="noi-dung">{_paras(TEXT)}</div><div class="box-tin-lien-quan"><div class="tlq-title">Tin '
            'liên quan</div><ul><li><a href="/content/a">Tăng cường phát hiện bệnh lao</a></li><li><a href="/content/b">'
            'Tiếp nhận 2 máy X-quang</a></li></ul></div><div class="noi-dung noi-dung-tiep"><p>Kết quả sàng lọc theo '
            f'tháng:</p>{table}</div></div></div></section></body></html>')
    a = _article(html, "https://bv.example.gov.vn/web/bv/chi-tiet-tin/-/asset_publisher/k7Qp/content/sang-loc",
                 profile)
    assert a.body == "\n\n".join(TEXT) + ("\n\nKết quả sàng lọc theo tháng:\n\nTháng | Số người được chụp\n"
                                          "02/2025 | 1.820\n03/2025 | 2.145")
