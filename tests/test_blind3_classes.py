"""The failure classes of the third blind set, each on a small page of its own (other wording,
other markup than the blind pages): the rules must read structure and labels, not those pages."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

PROSE = ("Sáng nay, Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác năm với sự tham dự "
         "của lãnh đạo các phòng, ban, ngành và đại diện các xã, thị trấn trên địa bàn huyện.")
PROSE2 = ("Hội nghị đã thảo luận, thống nhất các giải pháp trọng tâm để hoàn thành các chỉ tiêu "
          "phát triển kinh tế - xã hội trong năm tới, chú trọng cải cách hành chính và chuyển đổi số.")


def _page(body: str, title: str = "Huyện tổ chức hội nghị tổng kết công tác năm 2022",
          head: str = "") -> bytes:
    return (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"{head}</head><body>{body}</body></html>").encode("utf-8")


def _parse(body: str, url: str = "https://yenlac.example.gov.vn/tin-tuc/hoi-nghi-tong-ket-1234.html",
           **kw):
    return parse_page(_page(body, **kw), url).article


SIDEBAR_EYES = (
    '<aside class="sidebar"><div class="widget"><h4>Xem nhiều nhất</h4><ul>'
    '<li><a href="/tin-tuc/quy-hoach-vung-huyen-den-nam-2030-8881.html">Công bố quy hoạch vùng huyện '
    'đến năm 2030 tầm nhìn 2050</a><small class="hit"><i class="fa fa-eye"></i> 7.342</small></li>'
    '<li><a href="/tin-tuc/ket-qua-tuyen-sinh-lop-10-nam-hoc-moi-8882.html">Kết quả tuyển sinh lớp 10 '
    'năm học mới của các trường</a><small class="hit"><i class="fa fa-eye"></i> 6.118</small></li>'
    '</ul></div></aside>')


# -- 1. an attachment box and a print/email toolbar after the text ---------------------------
def test_attachment_box_and_toolbar_are_not_body():
    a = _parse(
        '<div class="main"><h1 class="title">Huyện tổ chức hội nghị tổng kết công tác năm 2022</h1>'
        '<div class="noidung">'
        f'<p>{PROSE}</p><p>{PROSE2}</p>'
        '<div class="dinhkem"><h5>Tệp đính kèm</h5><ol>'
        '<li><a href="/files/bao-cao-tong-ket.docx">bao-cao-tong-ket.docx</a> (85 KB) | Lượt tải: 3</li>'
        '<li><a href="/files/phu-luc.xlsx">phu-luc.xlsx</a> (1,2 MB) | Lượt tải: 7</li></ol></div>'
        '<div class="congcu"><a href="javascript:print()">In trang</a> | '
        '<a href="mailto:?subject=x">Gửi bài</a></div></div></div>')
    assert a.body == PROSE + "\n\n" + PROSE2
    assert any(u.endswith("bao-cao-tong-ket.docx") for u in a.attachments)


def test_attachment_sentence_with_its_file_stays():
    a = _parse(f'<h1>Huyện tổ chức hội nghị tổng kết công tác năm 2022</h1><div class="noidung">'
               f'<p>{PROSE}</p><p>{PROSE2}</p>'
               '<p>Tệp đính kèm: <a href="/files/ke-hoach.pdf">Kế hoạch năm 2023</a></p></div>')
    assert a.body.endswith("Tệp đính kèm: Kế hoạch năm 2023")


# -- 2. the breadcrumb's unlinked leaf is the page's category --------------------------------
def test_breadcrumb_unlinked_leaf_is_the_category():
    a = _parse('<div class="breadcrumbs"><ul><li><a href="/">Trang chủ</a></li>'
               '<li><a href="/hoat-dong.html">Hoạt động - Sự kiện</a></li>'
               '<li><span>Thi đua khen thưởng</span></li></ul></div>'
               f'<h1>Huyện tổ chức hội nghị tổng kết công tác năm 2022</h1>'
               f'<div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div>')
    assert a.category == "Thi đua khen thưởng"


def test_breadcrumb_leaf_that_is_the_headline_is_not_the_category():
    a = _parse('<div class="breadcrumbs"><ul><li><a href="/">Trang chủ</a></li>'
               '<li><a href="/hoat-dong.html">Hoạt động - Sự kiện</a></li>'
               '<li>Huyện tổ chức hội nghị tổng kết công tác năm 2022</li></ul></div>'
               f'<h1>Huyện tổ chức hội nghị tổng kết công tác năm 2022</h1>'
               f'<div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div>')
    assert a.category == "Hoạt động - Sự kiện"


# -- 3. a visitor counter whose total is labelled "Tổng" -------------------------------------
def test_counter_total_labelled_tong():
    a = _parse(f'<h1>Huyện tổ chức hội nghị tổng kết công tác năm 2022</h1>'
               f'<div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div>'
               '<div id="chantrang"><p>Bản quyền thuộc UBND huyện.</p>'
               '<div class="thongke">Đang truy cập: 8 - Hôm nay: 120 - Trong tuần: 900 - '
               'Tổng: 98.765</div></div>')
    assert a.visitor_counter == 98765


# -- 4. date and time in separate icon spans; a bare count after an eye icon; source on the
#       author's line ---------------------------------------------------------------------------
_META4 = ('<div class="post-meta"><span class="post-date"><i class="icon-calendar"></i> 05/03/2022'
          '</span> <span class="post-time"><i class="icon-clock"></i> 14:25</span>{eye}</div>')


def test_split_date_time_eye_count_and_source_tail():
    eye = ' <span class="post-views"><i class="fa fa-eye"></i> 2.031</span>'
    a = _parse('<div class="wrap"><div class="article">'
               '<h1>Huyện tổ chức hội nghị tổng kết công tác năm 2022</h1>' + _META4.format(eye=eye) +
               f'<div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div>'
               '<div class="tacgia">Tác giả: Lê Thu Hà | Nguồn: Báo Vĩnh Phúc</div></div>'
               + SIDEBAR_EYES + '</div>')
    assert a.published_at == "2022-03-05T14:25:00+07:00"
    assert a.view_count == 2031
    assert a.author == "Lê Thu Hà"
    assert a.source == "Báo Vĩnh Phúc"


def test_eye_counts_of_other_articles_are_not_taken():
    a = _parse('<div class="wrap"><div class="article">'
               '<h1>Huyện tổ chức hội nghị tổng kết công tác năm 2022</h1>' + _META4.format(eye="") +
               f'<div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div></div>'
               + SIDEBAR_EYES + '</div>')
    assert a.view_count is None


# -- 5. Joomla: the whole title, the article-info block, its hits ----------------------------
def test_joomla_article_info_block():
    body = ('<div id="main"><div class="item-page">'
            '<h2><a href="/index.php/tin-tuc/87-dai-hoi-doan-thanh-nien-nhiem-ky-2022-2027">'
            'Đại hội Đoàn Thanh niên xã nhiệm kỳ 2022 - 2027</a></h2>'
            '<dl class="article-info"><dt class="article-info-term">Chi tiết</dt>'
            '<dd class="createdby">Viết bởi Phạm Văn Tú</dd>'
            '<dd class="category-name">Danh mục: <a href="/index.php/tin-tuc">Tin tức</a></dd>'
            '<dd class="create">Ngày tạo: Thứ ba, 15 Tháng 3 2022 09:10</dd>'
            '<dd class="hits">Lượt truy cập: 321</dd></dl>'
            f'<p>{PROSE}</p><p>{PROSE2}</p></div></div>')
    page = _page(body, title="Đại hội Đoàn Thanh niên xã nhiệm kỳ 2022 - 2027",
                 head='<meta name="generator" content="Joomla! - Open Source Content Management">')
    a = parse_page(page, "https://xaan.example.gov.vn/index.php/tin-tuc/87-dai-hoi-doan").article
    assert a.headline == "Đại hội Đoàn Thanh niên xã nhiệm kỳ 2022 - 2027"
    assert a.view_count == 321
    assert a.body == PROSE + "\n\n" + PROSE2


# -- 6. a most-read box's counts (labelled) are not the article's ----------------------------
def test_most_read_box_counts_are_not_the_articles():
    a = _parse(f'<div class="content"><h1>Huyện tổ chức hội nghị tổng kết công tác năm 2022</h1>'
               '<p class="date">Ngày 05/03/2022</p>'
               f'<div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div></div>'
               '<div class="right"><div class="box"><div class="box-head">ĐƯỢC QUAN TÂM</div>'
               '<div class="box-body"><ul class="plain">'
               '<li class="row"><a href="/vi/news/tin-tuc/tin-8881.html">Công bố quy hoạch '
               'vùng huyện đến năm 2030 tầm nhìn 2050</a><div class="muted">Lượt xem: 5.555</div></li>'
               '</ul></div></div></div>')     # (one entry: too short a list to be a link list)
    assert a.view_count is None


def test_own_hits_beside_toolbar_links_are_kept():
    a = _parse('<div class="content"><h1>Huyện tổ chức hội nghị tổng kết công tác năm 2022</h1>'
               '<div class="tools"><ul><li><a class="mail" href="/tin-tuc/gui-email/hoi-nghi-tong-'
               'ket-1234.html">Gửi bài viết qua email cho bạn bè</a></li>'
               '<li class="hits">Lượt xem: 77</li></ul></div>'
               f'<div class="noidung"><p>{PROSE}</p><p>{PROSE2}</p></div></div>')
    assert a.view_count == 77


# -- 7. a signature printed as the last paragraph ---------------------------------------------
def test_office_signature_of_several_words():
    a = _parse(f'<h1>Huyện tổ chức hội nghị tổng kết công tác năm 2022</h1><div class="noidung">'
               f'<p>{PROSE}</p><p>{PROSE2}</p>'
               '<p align="right"><b>Văn phòng Ủy ban nhân dân huyện Yên Lạc</b></p></div>')
    assert a.author == "Văn phòng Ủy ban nhân dân huyện Yên Lạc"
    assert a.body == PROSE + "\n\n" + PROSE2


def test_printed_signature_when_the_profiles_author_field_is_empty():
    z = "ctl00_zone1_detail_ctl00_ctl00_"
    body = (f'<span id="{z}lblTieuDe">Huyện tổ chức hội nghị tổng kết công tác năm 2022</span>'
            f'<span id="{z}lblNgayDang">05/03/2022 08:00</span>'
            f'<span id="{z}lblNoiDung"><p>{PROSE}</p><p>{PROSE2}</p>'
            '<p style="text-align: right"><em>Hoài Nam - Bảo Ngọc</em></p></span>'
            f'<span id="{z}lblTacGia"></span>')
    page = parse_page(_page(body), "https://yenlac.example.gov.vn/Default.aspx?tabid=12&ID=345")
    assert page.platform == "sharepoint_quangnam"
    assert page.article.author == "Hoài Nam - Bảo Ngọc"
    assert page.article.body == PROSE + "\n\n" + PROSE2
