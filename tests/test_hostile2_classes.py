"""The parts behind the second blind hostile set's failures (tests/test_blind_hostile2.py), each
alone: a session token in a bare 'sid' parameter; a page served with 200 that says it is an error;
an article inside 20,000 nested wrappers; a gzip stream cut in transit. Each fails on the code
before the fix."""
from __future__ import annotations

import gzip
import zlib

import pytest

from govnews.parsers.extract import parse_page
from govnews.parsers.urls import canonical_url
from govnews.scraper.http import ContentDecoder, StreamCut, decode_content


@pytest.mark.parametrize("url, want", [
    ("https://x.gov.vn/vi/news/a-206.html?sid=cabf0ece9209b644db2a4498594cab6a", "https://x.gov.vn/vi/news/a-206.html"),
    ("https://forum.example/viewtopic.php?t=12&sid=0123456789abcdef0123456789abcdef",
     "https://forum.example/viewtopic.php?t=12"),
    ("https://x.gov.vn/a.php?PHPSESSID=k3j4h5g6&id=7", "https://x.gov.vn/a.php?id=7"),
    ("https://x.gov.vn/list.php?sid=12", "https://x.gov.vn/list.php?sid=12"),     # a short id: a page's
])
def test_a_session_token_in_the_query_is_not_part_of_the_address(url, want):
    assert canonical_url(url) == want


_PAGE = ('<html><head><meta charset="utf-8"><title>{title}</title></head><body><div class="panel-body">'
         '<h1 class="title">{title}</h1><div class="alert alert-danger">{message}</div>'
         '<p><a href="/">Quay lại trang chủ</a></p></div></body></html>')


@pytest.mark.parametrize("title, message", [
    ("Thông báo", "Trang không tồn tại hoặc đã bị xóa. Vui lòng quay lại trang chủ."),
    ("Lỗi hệ thống", "Server Error in '/' Application. Runtime Error."),
    ("Hệ thống đang bảo trì", "Cổng thông tin điện tử đang được nâng cấp, bảo trì. Quý bạn đọc vui lòng quay lại sau."),
    ("Đăng nhập", "Bạn không có quyền truy cập nội dung này. Vui lòng đăng nhập để tiếp tục."),
])
def test_a_200_page_that_says_it_is_an_error_is_no_article(title, message):
    page = parse_page(_PAGE.format(title=title, message=message).encode(),
                      "https://xatanphu.example.gov.vn/vi/news/tin-tuc/thong-bao-tuyen-dung-301.html", {})
    assert page.kind != "article"


def test_an_article_inside_twenty_thousand_nested_wrappers_is_read_whole():
    text = ["Chiều 14/8, Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã họp triển khai "
            "phương án ứng phó với bão số 5.",
            "Chủ tịch Ủy ban nhân dân xã yêu cầu các ấp rà soát các hộ dân sống ven sông, sẵn sàng di dời."]
    article = ('<h1 class="title">Xã Tân Phú triển khai ứng phó bão số 5</h1><span class="h5">Thứ năm - 14/08/2025 '
               '14:00</span><div id="news-bodyhtml">' + "".join(f"<p>{p}</p>" for p in text) + "</div>"
               '<p class="author">Tác giả: Nguyễn Văn Hùng</p>')
    html = ('<html><head><meta charset="utf-8"><title>Bão số 5</title></head><body>'
            + '<div class="wrap">' * 20000 + article + "</div>" * 20000 + "</body></html>")
    page = parse_page(html.encode(), "https://xatanphu.example.gov.vn/vi/news/tin-tuc/ung-pho-bao-202.html", {})
    assert page.article.published_at == "2025-08-14T14:00:00+07:00"
    assert page.article.body == "\n\n".join(text)
    assert any("read as one element" in w for w in page.warnings)


def test_a_gzip_stream_cut_in_transit_is_a_cut_stream_not_a_shorter_page():
    whole = gzip.compress(("<p>" + "Nội dung bài viết. " * 2000 + "</p>").encode())
    decoder = ContentDecoder.for_header("gzip", 1 << 24, whole=True)
    decoder.feed(whole[: len(whole) // 2])
    with pytest.raises(StreamCut):
        decoder.finish()
    # (a payload another archive stored cut keeps what it holds, decoded)
    part = decode_content(whole[: len(whole) // 2], "gzip", 1 << 24)
    assert part.startswith(b"<p>") and len(part) < len(zlib.decompress(whole, 16 + zlib.MAX_WBITS))
