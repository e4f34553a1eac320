"""The classes of VN set 32 (blind: page types beyond the plain news item), each on a small page of
its own: a split article's page mark after its headline; a video's maker credited as 'Video: X'; a
radio bulletin's announcer credited beside the writer or an office; content labels over a bulletin's
items and a video's narration; a web player's bars; a legal document's record card alone; a
citizens' Q&A page read through a profile (the question, then the answer); an e-magazine's cover
kicker, credits block and statistics line; a link to a picture's file; a category named with the
label's word in lower case. Every case fails on the parsers before the fix."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

_TEXT = ["Đến ngày 13/8/2025, nông dân trong xã đã thu hoạch 2.150 ha lúa Hè Thu, năng suất bình quân 5,8 tấn/ha, "
         "giá lúa tươi tại ruộng từ 6.200 đến 6.500 đồng/kg.",
         "Trạm Y tế xã khuyến cáo người dân diệt lăng quăng, đậy kín dụng cụ chứa nước và ngủ mùng kể cả ban ngày "
         "để phòng, chống sốt xuất huyết.",
         "Chủ tịch UBND xã tiếp công dân định kỳ vào sáng thứ Năm hằng tuần tại Trụ sở Tiếp công dân xã."]
_URL = "https://xavinhhung.tayninh.gov.vn/2025/08/14/ban-tin-phat-thanh-so-33-2025/"


def _wp(title: str, content: str, category: str = "Bản tin phát thanh") -> bytes:
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Xã Vĩnh Hưng</title></head><body>'
            '<header class="site-header"><p class="site-title">CỔNG THÔNG TIN ĐIỆN TỬ XÃ VĨNH HƯNG</p></header>'
            '<main><article class="post type-post"><header class="entry-header"><span class="cat-links">'
            f'<a href="/category/ban-tin/" rel="category tag">{category}</a></span><h1 class="entry-title">{title}</h1>'
            '<div class="entry-meta"><time class="entry-date published" datetime="2025-08-14T16:20:00+07:00">'
            f'14/08/2025</time></div></header><div class="entry-content">{content}</div></article></main>'
            '<footer><p>Cơ quan chủ quản: UBND xã Vĩnh Hưng</p></footer></body></html>').encode()


def _paragraphs(lines=_TEXT) -> str:
    return "".join(f"<p>{p}</p>" for p in lines)


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_split_articles_page_mark_is_not_part_of_its_headline(profile):
    page = _wp("Mo Mường - di sản văn hóa phi vật thể của người Mường (Trang 1/2)", _paragraphs())
    a = parse_page(page, _URL, {}, profile=profile).article
    assert a.headline == "Mo Mường - di sản văn hóa phi vật thể của người Mường"


@pytest.mark.parametrize("signature, author", [
    ("Video: Hà Văn Đức", "Hà Văn Đức"),
    ("Biên soạn: Nguyễn Thị Mỹ Linh - Phát thanh viên: Trần Văn Tâm", "Nguyễn Thị Mỹ Linh"),
    ("Trạm Y tế xã Vĩnh Hưng - Phát thanh viên: Trần Văn Tâm", "Trạm Y tế xã Vĩnh Hưng"),
    ("Phát thanh viên: Trần Văn Tâm", None),
])
def test_a_video_makers_credit_and_a_bulletins_announcer(signature, author):
    page = _wp("Bản tin phát thanh số 33/2025", _paragraphs()
               + f'<p class="has-text-align-right"><strong>{signature}</strong></p>')
    a = parse_page(page, _URL, {}).article
    assert a.author == author
    assert a.body == "\n\n".join(_TEXT)


@pytest.mark.parametrize("label", ["Nội dung bản tin:", "Lời dẫn:", "Nội dung thông báo:", "Nội dung video"])
def test_a_content_label_over_the_items_is_not_text(label):
    page = _wp("Bản tin phát thanh số 33/2025", f"<p><strong>{label}</strong></p>" + _paragraphs())
    a = parse_page(page, _URL, {}).article
    assert a.body == "\n\n".join(_TEXT)


def test_a_web_players_title_and_control_bars_are_not_text():
    player = ('<div class="video-js-wrap"><div class="vjs-title-bar">VIDEO_KHAI_GIANG_2025.mp4</div><video controls>'
              '<source src="/v.mp4" type="video/mp4"></video><div class="vjs-control-bar"><span class="vjs-current-time">'
              '0:00</span> / <span class="vjs-duration">04:12</span> <span class="vjs-quality">720p</span></div></div>')
    a = parse_page(_wp("Khai giảng năm học mới ở điểm trường bản xa", player + _paragraphs()), _URL, {}).article
    assert a.body == "\n\n".join(_TEXT)


def test_a_legal_documents_record_card_alone_is_no_text():
    rows = (("Số ký hiệu", "245/KH-SNV"), ("Ngày ban hành", "03/09/2025"), ("Loại văn bản", "Kế hoạch"),
            ("Cơ quan ban hành", "Sở Nội vụ tỉnh Bắc Ninh"), ("Người ký", "Đào Thị Minh Phượng"),
            ("Trích yếu", "Kế hoạch tuyển dụng công chức cấp xã năm 2025"))
    card = '<table class="vb-info">' + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows) + "</table>"
    a = parse_page(_wp("Kế hoạch tuyển dụng công chức cấp xã năm 2025", card
                       + '<div class="pdf-viewer"><iframe src="/files/245-KH-SNV.pdf"></iframe></div>'), _URL, {}).article
    assert a.body is None


def test_a_profiled_qa_pages_body_is_the_question_then_the_answer():
    question = ("Gia đình tôi có thửa đất ở 320 m² được cấp giấy chứng nhận cho hộ gia đình năm 2012. Nay tôi muốn "
                "tách một phần cho con trai xây nhà thì cần làm thủ tục gì, nộp hồ sơ ở đâu?")
    answer = ["Chào ông, Phòng Kinh tế, Hạ tầng và Đô thị phường trả lời như sau:",
              "Theo quy định của Luật Đất đai năm 2024, việc tách thửa đối với đất được cấp cho hộ gia đình phải có "
              "sự đồng ý bằng văn bản của các thành viên có chung quyền sử dụng đất."]
    page = ('<html><head><meta charset="utf-8"><title>Hỏi đáp</title></head><body><table class="Main"><tr>'
            '<td class="MainCol"><table><tr><td class="Category">Đất đai</td></tr></table>'
            '<p class="Title">Thủ tục tách thửa đất ở khi giấy chứng nhận cấp cho hộ gia đình</p>'
            '<table class="NguoiHoi"><tr><td class="Label">Người hỏi:</td><td>Trần Văn Út</td></tr><tr>'
            '<td class="Label">Ngày hỏi:</td><td class="TimeHoi">04/08/2025, 09:12</td></tr></table>'
            f'<div class="CauHoi"><p><b>Nội dung câu hỏi:</b></p><div class="ExternalClassD28A"><p>{question}</p></div></div>'
            '<div class="TraLoi"><p><b>Trả lời:</b></p><table class="ThongTinTraLoi"><tr><td class="DonVi">Đơn vị trả '
            'lời: <span>Phòng Kinh tế, Hạ tầng và Đô thị phường</span></td><td class="Label">Ngày trả lời:</td>'
            '<td class="Time">Thứ Năm, 14/08/2025, 16:20</td></tr></table><div class="ExternalClassDAEF">'
            + "".join(f"<p>{p}</p>" for p in answer) + '</div></div></td></tr></table></body></html>').encode()
    page_ = parse_page(page, "https://phuongvinhtrach.camau.gov.vn/hoidap/Lists/CauHoi/Post.aspx?ItemID=1187&Mode=1", {})
    assert page_.platform == "lacviet"
    assert page_.article.body == "\n\n".join([question, *answer])


def test_an_e_magazines_kicker_credits_and_statistics_line_are_not_text():
    cover = ('<section class="e-cover"><span class="e-label">E-MAGAZINE</span><h1 class="e-title">Cây dừa xứ Dừa '
             'trên hành trình vươn ra thế giới</h1></section><div class="e-credits"><p><span>Nội dung:</span> '
             '<span>Lê Thanh Trúc</span></p><p><span>Ảnh:</span> <span>Huỳnh Phước Sang</span></p><p>'
             '<span>Thiết kế:</span> <span>Minh Triết</span></p></div>')
    tail = ('<div class="e-meta"><span>Ngày xuất bản: Thứ Năm, 14/08/2025 - 16:20 | Lượt xem: 1.234</span></div>'
            '<div class="e-share"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> '
            '<a href="https://zalo.me/share?u=x">Zalo</a> <a href="javascript:window.print()">In trang</a></div>')
    page = ('<html><head><meta charset="utf-8"><title>Cây dừa xứ Dừa trên hành trình vươn ra thế giới - Cổng thông tin điện tử tỉnh Vĩnh Long</title></head>'
            '<body><div class="portlet-boundary">'
            f'<div class="journal-content-article"><article class="emagazine">{cover}{_paragraphs()}{tail}</article>'
            '</div></div></body></html>').encode()
    a = parse_page(page, "https://vinhlong.gov.vn/web/portal/e-magazine/-/asset_publisher/Em4gZ9xQpL/content/cay-dua",
                   {}).article
    assert a.body == "\n\n".join(_TEXT)
    assert a.author == "Lê Thanh Trúc"


def test_a_link_to_the_pictures_file_is_not_text():
    content = ('<p><a href="/uploads/news/2025_10/infographic.png"><img alt="Infographic" src="/uploads/news/2025_10/'
               'infographic.png"></a></p>' + _paragraphs() + '<p class="xem-anh-goc"><a href="/uploads/news/2025_10/'
               'infographic.png" target="_blank">Xem ảnh kích thước đầy đủ</a></p>')
    a = parse_page(_wp("Infographic: kết quả du lịch 9 tháng năm 2025", content), _URL, {}).article
    assert a.body == "\n\n".join(_TEXT)


def test_a_category_that_opens_with_the_labels_word_in_lower_case_keeps_it():
    page = _wp("Chuyên mục phát thanh phòng, chống sốt xuất huyết", _paragraphs(), category="Chuyên mục phát thanh")
    a = parse_page(page, _URL, {}, profile="generic").article
    assert a.category == "Chuyên mục phát thanh"
