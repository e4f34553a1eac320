"""The failure classes of the seventeenth blind VN set (fixtures/heldout_pages17.py), each on a small
page of its own (Vietnamese; English or another language where a portal prints the class so)."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

PARAS = ["Trong hai ngày 20 và 21/9/2025, Ủy ban Kiểm tra Tỉnh ủy tổ chức lớp tập huấn nghiệp vụ kiểm tra, "
         "giám sát cho cán bộ làm công tác kiểm tra của các đảng ủy xã, phường.",
         "Học viên được truyền đạt các chuyên đề về quy trình kiểm tra đảng viên khi có dấu hiệu vi phạm và "
         "kỹ năng giám sát chuyên đề theo quy định mới.",
         "Đây là lớp tập huấn đầu tiên sau khi tổ chức lại đảng bộ cấp xã theo mô hình chính quyền hai cấp."]


def _page(main: str, lang: str = "vi", head: str = "") -> bytes:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Tập huấn nghiệp vụ kiểm tra</title>{head}'
            '</head><body><div class="top"><span>Thứ Hai, 03/11/2025</span></div>'
            '<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức</a></li></ul>'
            f'<div class="main-container"><div class="col-main">{main}</div></div>'
            '<div class="footer"><p>Địa chỉ: Số 1 đường Trần Hưng Đạo. Điện thoại: 0213.3876.543</p></div>'
            '</body></html>').encode("utf-8")


# -- NukeViet 3: #hometext and #bodytext, and what its theme prints under the text ------------------

def _nukeviet3(body_html: str, tail: str) -> bytes:
    return _page('<div class="box-border-shadow t-news"><div class="header-details"><h1>Tập huấn nghiệp vụ kiểm '
                 'tra, giám sát cho cán bộ cấp xã</h1><span class="small">(Thứ hai - 22/09/2025  09:40)</span></div>'
                 f'<div id="hometext" class="hometext"><strong>{PARAS[0]}</strong></div>'
                 f'<div id="bodytext" class="clearfix">{body_html}</div>{tail}</div>',
                 head='<meta name="generator" content="NukeViet v3.4" />')


TAIL = ('<p style="text-align: right;"><strong>Tác giả bài viết: </strong>Lò Văn Thành - Phó Chủ nhiệm Ủy ban '
        'Kiểm tra Tỉnh ủy</p><div class="counter-news">Đã xem: 215 lần | Đã in: 4 lần | Đã gửi email: 1 lần</div>'
        '<div class="rating"><strong>Tổng số điểm của bài viết là: 18 trong 4 đánh giá</strong><br />Click để '
        'đánh giá bài viết</div>')
URL3 = "https://ubkt.example.gov.vn/index.php/vi/news/Hoat-Dong-2/Tap-Huan-Nghiep-Vu-1893/"


@pytest.mark.parametrize("profile", [None, "generic"])
def test_nukeviet3_s_text_its_counts_line_and_rating_prompt(profile):
    a = parse_page(_nukeviet3("".join(f"<p>{p}</p>" for p in PARAS[1:]), TAIL), URL3, profile=profile).article
    assert a.body == "\n\n".join(PARAS)
    assert a.author == "Lò Văn Thành - Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"
    assert a.view_count == 215


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_nukeviet3_video_page_has_no_text(profile):
    tail = ('<p style="text-align: right;"><strong>Nguồn tin: </strong>Đài Phát thanh và Truyền hình tỉnh</p>'
            + TAIL[TAIL.index('<div class="counter-news">'):])
    data = _nukeviet3('<div style="text-align: center;"><iframe width="560" height="315" '
                      'src="https://www.youtube.com/embed/abc" allowfullscreen="allowfullscreen"></iframe></div>', tail)
    data = data.replace(f"<strong>{PARAS[0]}</strong>".encode(), b"")
    a = parse_page(data, URL3.replace("1893", "1920"), profile=profile).article
    assert a.body is None
    assert a.source == "Đài Phát thanh và Truyền hình tỉnh"


@pytest.mark.parametrize("line", ["Đã in: 4 lần | Đã gửi email: 1 lần", "Lượt xem: 12 | Lượt in: 3",
                                  "Click để đánh giá bài viết", "Bấm vào đây để bình chọn"])
def test_count_and_rating_lines_are_not_text(line):
    main = ('<h1>Tập huấn nghiệp vụ kiểm tra</h1><div class="content">' + "".join(f"<p>{p}</p>" for p in PARAS)
            + f"<p>{line}</p></div>")
    a = parse_page(_page(main), "https://example.gov.vn/tin-tuc/tap-huan-1893.html", profile="generic").article
    assert a.body == "\n\n".join(PARAS)


# -- a notice bar and a menu standing in <body> do not make <body> the text ---------------------------

def test_a_transition_notice_and_a_menu_in_body_do_not_outweigh_a_short_text():
    notice = ('<div class="chuyen-doi"><b>THÔNG BÁO:</b> Từ ngày 01/3/2025, Sở Lao động - Thương binh và Xã hội '
              'hợp nhất vào Sở Nội vụ; các lĩnh vực bảo trợ xã hội, trẻ em chuyển về Sở Y tế. Mọi thông tin xin '
              'xem tại Cổng Thông tin điện tử Sở Nội vụ.</div>')
    menu = "<ul class='lv-menu'>" + "".join(f"<li><a href='/m{i}'>Chuyên mục số {i} của sở</a></li>" for i in range(12)) + "</ul>"
    text = ("Sở Lao động - Thương binh và Xã hội thông báo danh sách 312 hộ người có công với cách mạng được hỗ "
            "trợ xây mới, sửa chữa nhà ở năm 2025 (chi tiết theo tệp đính kèm).")
    html = ('<html lang="vi"><head><meta charset="utf-8"><title>Thông báo danh sách hộ người có công</title></head>'
            f'<body>{menu}{notice}<div class="main-container"><p class="Title">Thông báo danh sách hộ người có công '
            f'được hỗ trợ nhà ở</p><div class="ExternalClass4F0B"><p class="MsoNormal">{text}</p></div></div></body></html>')
    a = parse_page(html.encode(), "https://example.gov.vn/tintuc/lists/posts/post.aspx?ItemID=9015",
                   profile="generic").article
    assert a.body == text


# -- the article's own visits, Liferay 7's component title ---------------------------------------------

@pytest.mark.parametrize("profile", [None, "generic"])
def test_the_article_s_visits_are_its_view_count_and_the_component_title_its_headline(profile):
    main = ('<section class="portlet" id="portlet_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_'
            'INSTANCE_x"><div class="portlet-content"><div class="asset-full-content">'
            '<h4 class="component-title">Video: Vốn chính sách tiếp sức hộ cận nghèo vùng biển<span '
            'class="hide-accessible">null</span></h4><div class="date-view"><span class="date">(2025-09-05)</span> '
            '<span class="luot-truy-cap">Lượt truy cập bài viết: 2.046</span></div>'
            '<div class="journal-content-article"><div class="video-wrapper"><video controls="controls">'
            '<source src="/documents/20182/7034810/video.mp4" type="video/mp4" /></video></div></div></div></div>'
            '</section><div class="box"><h3>NGÂN HÀNG CHÍNH SÁCH XÃ HỘI</h3><p>Lượt truy cập: 1.204.511</p></div>')
    a = parse_page(_page(main), "https://thanhhoa.vbsp.example.org.vn/web/thanhhoa/-/video-von-chinh-sach",
                   profile=profile).article
    assert a.view_count == 2046
    if profile is None:
        assert a.headline == "Video: Vốn chính sách tiếp sức hộ cận nghèo vùng biển"


# -- signatures: titles of the arts and of notaries, an association's branch, an upper-case office -----

@pytest.mark.parametrize("signer", ["Nhạc sĩ Trần Hồng - Chi hội Âm nhạc",
                                    "Thầy giáo Nguyễn Văn Bình - Chi hội Khuyến học xã Con Cuông",
                                    "Công chứng viên Nguyễn Thị Hải Yến",
                                    "Nhà thơ Lê Minh Quốc - Câu lạc bộ Thơ phường 3"])
def test_a_signature_with_a_title_and_a_branch_is_the_author(signer):
    main = ('<h1>Đêm thơ nhạc chào mừng Đại hội</h1><div class="content-detail">'
            + "".join(f'<p style="text-align:justify">{p}</p>' for p in PARAS)
            + f'<p style="text-align:right"><strong>{signer}</strong></p></div>')
    a = parse_page(_page(main), "https://example.gov.vn/tin-tuc/dem-tho-nhac-1258.html", profile="generic").article
    assert a.author == signer
    assert a.body == "\n\n".join(PARAS)


@pytest.mark.parametrize("files", [
    'Tệp đính kèm: <a href="/Attachments/3436/ThongBao_TamDung.pdf">ThongBao_TamDung.pdf</a> (Lượt tải: 58)',
    'File đính kèm: <a href="/files/qd-12.docx">qd-12.docx</a> (45 KB)',
])
def test_a_one_line_file_box_after_the_signature_is_not_text(files):
    main = ('<h2 class="title">Thông báo tạm dừng dây chuyền kiểm định số 2</h2><div class="ms-rtestate-field">'
            + "".join(f'<p style="text-align:justify">{p}</p>' for p in PARAS)
            + '<p style="text-align:right"><strong>TRUNG TÂM ĐĂNG KIỂM XE CƠ GIỚI</strong></p>'
            f'<div class="attach">{files}</div></div>')
    a = parse_page(_page(main), "https://example.gov.vn/Pages/chi-tiet-tin.aspx?ItemID=3436", profile="generic").article
    assert a.body == "\n\n".join(PARAS)
    assert a.author == "TRUNG TÂM ĐĂNG KIỂM XE CƠ GIỚI"
    assert any(u.endswith((".pdf", ".docx")) for u in a.attachments)


def test_a_file_named_as_a_document_s_title_in_the_text_stays():
    line = 'File đính kèm: <a href="/van-ban/ket-qua-thi-tuyen">Kết quả thi tuyển viên chức năm 2025</a>'
    main = ('<h1>Kết quả thi tuyển</h1><div class="content">' + "".join(f"<p>{p}</p>" for p in PARAS)
            + f"<p>{line}</p></div>")
    a = parse_page(_page(main), "https://example.gov.vn/tin-tuc/ket-qua-1.html", profile="generic").article
    assert a.body.endswith("File đính kèm: Kết quả thi tuyển viên chức năm 2025")


@pytest.mark.parametrize("lang,button", [("vi", "Tải xuống"), ("en", "Download")])
def test_a_file_block_with_its_download_button_is_not_text(lang, button):
    block = ('<div class="wp-block-file"><a id="wp-block-file--media-5180" href="/wp-content/uploads/2025/09/tb.pdf">'
             f'Thông báo tuyển dụng viên chức năm 2025</a><a href="/wp-content/uploads/2025/09/tb.pdf" '
             f'class="wp-block-file__button wp-element-button" download>{button}</a></div>')
    main = ('<article class="post"><h1 class="entry-title">Thông báo tuyển dụng</h1><div class="entry-content">'
            + "".join(f"<p>{p}</p>" for p in PARAS) + block + "</div></article>")
    a = parse_page(_page(main, lang=lang), "https://example.gov.vn/2025/09/05/thong-bao-tuyen-dung/",
                   profile="generic").article
    assert a.body == "\n\n".join(PARAS)


@pytest.mark.parametrize("q,ans", [("Câu hỏi:", "Trả lời:"), ("Hỏi:", "Đáp:")])
def test_question_and_answer_labels_alone_are_not_text(q, ans):
    main = ('<div class="grid-header"><h3>Công chứng hợp đồng chuyển nhượng cần giấy tờ gì?</h3></div>'
            '<div align="justify" class="content-detail">'
            f"<p><strong>{q}</strong></p><p>{PARAS[0]}</p><p><strong>{ans}</strong></p><p>{PARAS[1]}</p></div>")
    a = parse_page(_page(main), "https://example.gov.vn/hoi-dap/tin-3105.html", profile="generic").article
    assert a.body == "\n\n".join(PARAS[:2])
