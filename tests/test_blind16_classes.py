"""The failure classes of the sixteenth blind VN set (fixtures/heldout_pages16.py), each on a small
page of its own (Vietnamese, and English where a portal prints the class in English)."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

PARAS = ["Sáng 4/8, Bệnh viện Y học cổ truyền tỉnh chính thức triển khai kỹ thuật cấy chỉ vào huyệt để điều "
         "trị đau cột sống thắt lưng mạn tính cho người bệnh.",
         "Trong tháng đầu triển khai, bệnh viện đã thực hiện kỹ thuật cho hơn 120 lượt người bệnh, phần lớn "
         "giảm đau rõ rệt sau hai liệu trình.",
         "Bệnh viện khuyến cáo người dân đến cơ sở y tế để được khám và tư vấn phương pháp điều trị phù hợp."]
EN = ["The provincial hospital of traditional medicine began treating chronic lower back pain with "
      "acupoint catgut embedding on Monday, the hospital said.",
      "In the first month more than 120 patients were treated, most of whom reported clearly less pain "
      "after two courses of treatment.",
      "The hospital advises residents to visit a clinic for an examination and advice on a suitable treatment."]


def _page(body: str, side: str = "", foot: str = "", lang: str = "vi", head: str = "") -> bytes:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Cấy chỉ điều trị đau cột sống</title>'
            f'</head><body><div class="header"><a href="/">Cổng thông tin điện tử</a></div>'
            f'<div class="menu"><a href="/a">Trang chủ</a> <a href="/b">Tin tức</a></div>'
            f'<div class="col-left">{side}</div><div class="col-main">{head}{body}</div>'
            f'<div class="footer">{foot}</div></body></html>').encode("utf-8")


def _digits(n: str) -> str:
    return "".join(f'<img src="/Style Library/counter/{d}.png" alt="" width="15" height="20" />' for d in n)


# -- a merged province's portal keeping the abolished one's frozen counter beside its own ------------

@pytest.mark.parametrize("note", ["(Cổng cũ, số liệu đến ngày 30/6/2025)", "Số liệu tính đến ngày 30/06/2025",
                                  "(Old portal, no longer updated)"])
@pytest.mark.parametrize("profile", [None, "generic"])
def test_an_old_portal_s_frozen_counter_gives_way_to_the_serving_site_s(note, profile):
    side = (f'<div class="box"><h3 class="box-title">SỐ LƯỢT TRUY CẬP</h3><div class="box-body">'
            f'<div class="lv-counter">{_digits("05576474")}</div><p class="frozen"><small>{note}</small></p></div></div>')
    foot = "<p>Tổng lượt truy cập: 4.105.662 | Hôm nay: 8.315 | Đang truy cập: 312</p><p>© 2025 UBND tỉnh</p>"
    body = ('<p class="Title">Cấy chỉ điều trị đau cột sống</p><div class="ExternalClass1A2B">'
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>")
    data = _page(body, side, foot)
    url = "https://baclieu.gov.vn/tintuc/lists/posts/post.aspx?ItemID=7715"
    page = parse_page(data, url, profile=profile)
    assert page.article.visitor_counter == 4105662
    assert page.article.site_counters.get("today") == 8315


def test_a_frozen_counter_alone_is_still_the_page_s_counter():
    side = (f'<div class="box"><h3 class="box-title">SỐ LƯỢT TRUY CẬP</h3><div class="box-body">'
            f'<div class="lv-counter">{_digits("05576474")}</div><p><small>(Cổng cũ, số liệu đến ngày 30/6/2025)'
            f'</small></p></div></div>')
    body = "<h1>Cấy chỉ điều trị đau cột sống</h1><div class='content'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>"
    page = parse_page(_page(body, side), "https://example.gov.vn/tin-tuc/cay-chi.html", profile="generic")
    assert page.article.visitor_counter == 5576474


def test_a_counter_label_in_the_footer_does_not_read_the_whole_page_as_its_box():
    """Lạc Việt's 'label-box: lượt truy cập': the footer line's nearest box is never <body>."""
    side = '<ul class="list">' + "".join(f"<li><span>{i}</span></li>" for i in range(8)) + "</ul>"
    foot = "<p>Tổng lượt truy cập: 4.105.662 | Hôm nay: 8.315</p>"
    body = ('<p class="Title">Cấy chỉ điều trị đau cột sống</p><div class="ExternalClass1A2B">'
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>")
    page = parse_page(_page(body, side, foot), "https://baclieu.gov.vn/tintuc/lists/posts/post.aspx?ItemID=1")
    assert page.article.visitor_counter == 4105662


# -- a teacher's signature: her title, her name, her class -------------------------------------------

@pytest.mark.parametrize("signer", ["Cô giáo Lê Thị Hồng - Lớp Mẫu giáo lớn A1",
                                    "Thầy giáo Nguyễn Văn Minh - Khối 5",
                                    "Điều dưỡng Trần Thị Mai - Khoa Nội"])
@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_teacher_s_signature_with_her_class_is_the_author(signer, profile):
    body = ('<div class="item-page"><h2 itemprop="headline">Bé vui Tết Trung thu</h2>'
            '<div class="thongtin-bai">Gửi lúc: 22/09/2025 15:40:12</div><div itemprop="articleBody">'
            + "".join(f'<p style="text-align:justify">{p}</p>' for p in PARAS)
            + f'<p style="text-align:right"><strong>{signer}</strong></p></div></div>')
    head = '<meta name="generator" content="Joomla! - Open Source Content Management" />'
    data = _page(body).replace(b"<head>", b"<head>" + head.encode())
    a = parse_page(data, "https://mnhoasen.thanhhoa.edu.vn/index.php/hoat-dong/461-be-vui-tet-trung-thu",
                   profile=profile).article
    assert a.author == signer
    assert a.body == "\n\n".join(PARAS)


# -- NukeViet 4's lines under the text and the count before its label ---------------------------------

def _nukeviet(paras, views: str, author: str, tags: str, rating: str) -> bytes:
    body = ('<div class="news_column panel panel-default"><div class="panel-body">'
            '<h1 class="title margin-bottom-lg">Cấy chỉ điều trị đau cột sống</h1>'
            f'<div class="row"><ul class="list-inline"><li><span class="h5">Thứ hai - 04/08/2025 16:20</span></li>'
            f'<li><span class="views">{views}</span></li></ul></div>'
            f'<div class="hometext m-bottom"><strong>{paras[0]}</strong></div>'
            '<div id="news-bodyhtml" class="bodytext">' + "".join(f"<p>{p}</p>" for p in paras[1:]) + "</div>"
            f'<p class="h5 text-right"><strong>Tác giả: </strong>{author}</p>'
            f'<div class="keywords"><strong>{tags[0]} </strong>' + ", ".join(f'<a href="/tag/{i}">{t}</a>' for i, t in enumerate(tags[1:])) + "</div>"
            f'<div class="rating">{rating}</div></div></div>')
    return _page(body)


@pytest.mark.parametrize("views,tags,rating", [
    ("1.234 lượt đọc", ("Từ khóa:", "y học cổ truyền", "châm cứu"), "Đánh giá: <span>4,5/5</span> (12 lượt đánh giá)"),
    ("418 lượt xem", ("Tags:", "y học cổ truyền", "cấy chỉ"), "Tổng số điểm của bài viết là: 18 trong 4 đánh giá"),
])
def test_views_tags_and_rating_lines_are_not_text_and_the_signature_is_the_author(views, tags, rating):
    data = _nukeviet(PARAS, views, "BS.CKII Nguyễn Văn Hùng - Khoa Châm cứu", tags, rating)
    a = parse_page(data, "https://bvyhct.example.gov.vn/vi/news/tin-hoat-dong/cay-chi-1205.html",
                   profile="generic").article
    assert a.body == "\n\n".join(PARAS)
    assert a.author == "BS.CKII Nguyễn Văn Hùng - Khoa Châm cứu"


def test_a_text_line_that_starts_with_a_number_and_speaks_of_readers_stays():
    paras = [*PARAS, "1.234 lượt đọc giả đã gửi ý kiến đóng góp cho dự thảo trong thời gian lấy ý kiến."]
    data = _nukeviet(paras, "55 lượt xem", "Phòng Kế hoạch tổng hợp", ("Từ khóa:", "y tế"), "")
    a = parse_page(data, "https://bvyhct.example.gov.vn/vi/news/tin-hoat-dong/cay-chi-1206.html",
                   profile="generic").article
    assert a.body.endswith(paras[-1])


# -- a video's source line is not the headline ------------------------------------------------------

@pytest.mark.parametrize("lang,source,title", [
    ("vi", "Nguồn: Đài PT-TH Bạc Liêu", "Video: Toàn cảnh Lễ hội Dạ cổ hoài lang năm 2024"),
    ("en", "Source: Provincial Radio and Television", "Video: The Dạ cổ hoài lang festival 2024 in pictures"),
])
@pytest.mark.parametrize("title_class", ["Title", "post-heading"])
def test_the_source_line_under_a_video_is_not_the_headline(lang, source, title, title_class):
    """A video-only post whose printed title does not read as one (an unmarked class, or the
    title of the lists below it): the styled source line opening the post is no headline."""
    body = (f'<p class="{title_class}">{title}</p><div class="ExternalClass9C2E">'
            '<p class="MsoNormal" align="center" style="text-align:center"><video controls width="560">'
            '<source src="/v/festival.mp4" type="video/mp4" />Trình duyệt không hỗ trợ video.</video></p>'
            f'<p class="MsoNormal" align="right" style="text-align:right"><i><span style="font-size:13.0pt">'
            f'{source}</span></i></p><p class="MsoNormal">&nbsp;</p></div>'
            # the print bar and the lists under a video-only post: the title above looks like
            # their box's, and the page's <title> says which line is the headline
            '<div class="PostTools"><a href="/print?ItemID=10452">Bản in</a> | <a href="javascript:history.back()">'
            'Quay lại</a></div><div class="OtherPosts"><div class="OtherTitle">TIN MỚI HƠN</div><ul>'
            + "".join(f'<li><a href="/tintuc/post.aspx?ItemID={10460 + i}">Hội nghị tổng kết công tác đối ngoại nhân '
                      f'dân số {i}</a> <span class="date">(1{i}/12/2024)</span></li>' for i in range(2))
            + '</ul><div class="OtherTitle">TIN ĐÃ ĐƯA</div><ul>'
            + "".join(f'<li><a href="/tintuc/post.aspx?ItemID={10440 + i}">Tiếp đoàn công tác của Tổng Lãnh sự quán '
                      f'số {i}</a> <span class="date">(0{i + 1}/12/2024)</span></li>' for i in range(2))
            + '</ul></div>')
    data = _page(body, lang=lang).replace("Cấy chỉ điều trị đau cột sống</title>".encode(),
                                          f"{title} - Cổng thông tin điện tử</title>".encode())
    a = parse_page(data, "https://example.gov.vn/tintuc/post.aspx?ItemID=10452", profile="generic").article
    assert a.headline == title
