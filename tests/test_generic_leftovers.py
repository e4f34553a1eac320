"""Leftover misses of the generic extractor, each on a small page of its own (other wording and
markup than the blind pages): the rules read structure and Vietnamese labels."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

HEADLINE = "Huyện Tân Phước tổng kết công tác phòng chống dịch bệnh trên đàn gia súc năm 2019"
PROSE = ("Chiều ngày 14/12, Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác phòng chống "
         "dịch bệnh trên đàn gia súc, gia cầm với sự tham dự của đại diện các xã, thị trấn.")
PROSE2 = ("Trong năm, toàn huyện đã tiêm phòng cho hơn 45.000 con gia súc, tiêu độc khử trùng "
          "định kỳ tại các chợ đầu mối và cơ sở giết mổ tập trung trên địa bàn.")
URL = "https://tanphuoc.example.gov.vn/tin-tuc/tong-ket-phong-chong-dich-2019-812.html"


def _parse(html: str):
    return parse_page(html.encode("utf-8"), URL, profile="generic").article


def test_hits_line_in_the_article_meta_block_is_the_view_count():
    # a "Lượt truy cập: N" item beside the published date, between headline and text: the
    # article's hits
    html = f"""<html><head><title>{HEADLINE}</title></head><body>
<div class="content"><div class="baiviet">
  <h2>{HEADLINE}</h2>
  <ul class="thongtin"><li>Danh mục: Tin huyện</li>
    <li>Đăng ngày: 16/12/2019 09:30</li><li>Lượt truy cập: 1.275</li></ul>
  <p>{PROSE}</p><p>{PROSE2}</p>
</div></div>
</body></html>"""
    article = _parse(html)
    assert article.view_count == 1275
    assert article.published_at == "2019-12-16T09:30:00+07:00"


def test_hits_line_without_a_dated_sibling_is_not_a_view_count():
    html = f"""<html><head><title>{HEADLINE}</title></head><body>
<div class="content"><div class="baiviet">
  <h2>{HEADLINE}</h2>
  <ul class="thongtin"><li>Danh mục: Tin huyện</li><li>Lượt truy cập: 1.275</li></ul>
  <p>{PROSE}</p><p>{PROSE2}</p>
</div></div></body></html>"""
    assert _parse(html).view_count is None


def test_date_row_under_a_headline_inside_the_body_block():
    # the body's block holds the headline, then a row that is only a timestamp, then the text:
    # that row is the article's date (to the minute), not a line of its text; a day-only meta
    # tag agrees on the day
    html = f"""<html><head><title>{HEADLINE}</title>
<meta property="article:published_time" content="2019-12-16"></head><body>
<div class="khung"><div class="noidung">
  <h1>{HEADLINE}</h1>
  <div class="dong"><span>Thứ hai - 16/12/2019 14:05</span></div>
  <p>{PROSE}</p><p>{PROSE2}</p>
</div></div></body></html>"""
    article = _parse(html)
    assert article.published_at == "2019-12-16T14:05:00+07:00"
    assert article.body == PROSE + "\n\n" + PROSE2
