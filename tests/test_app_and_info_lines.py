"""Lines a news page prints over and under its text that are not the text: an app's promotion
('Open in app'), the writer's name beside a relative time ('Elif Kaya | 3 saat önce'), a line of
hashtags. Each in Vietnamese and one or two other languages; the prose next to them stays."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

P = {"vi": "Ủy ban nhân dân thành phố vừa ban hành kế hoạch mở rộng mạng lưới xe buýt điện tới ba quận "
           "có dân số tăng nhanh nhất trong mười năm qua, sau nhiều kiến nghị của người lao động.",
     "en": "The council voted on Tuesday to extend the night bus network to the three districts that grew "
           "fastest over the last decade, after months of petitions from shift workers and their unions.",
     "tr": "İzmir Metro AŞ, cuma ve cumartesi geceleri seferlerin sabaha kadar sürdürüleceğini duyurdu. "
           "Uygulama önümüzdeki ay başlayacak ve yaz sonuna kadar sürecek.",
     "th": "บริษัทผู้ให้บริการรถไฟฟ้าประกาศขยายเวลาเปิดให้บริการถึงเวลา 01.00 น. ระหว่างวันที่ 12-16 เมษายน "
           "เพื่อรองรับประชาชนที่เดินทางร่วมกิจกรรมเทศกาลสงกรานต์"}
Q = {"vi": "Theo kế hoạch, năm tuyến mới sẽ chạy thử từ tháng Sáu, giá vé bằng giá vé các tuyến hiện nay "
           "và vé tháng đã mua được dùng trên mọi tuyến của thành phố.",
     "en": "Operators will hire forty more drivers before the summer, and the first routes start in June, "
           "the transport committee said in a statement published after the vote on Tuesday evening.",
     "tr": "Gece seferleri iki istasyon arasında otuz dakikada bir yapılacak ve ücret tarifesinde herhangi "
           "bir değişiklik olmayacak, belediye yetkilileri açıkladı.",
     "th": "ทั้งนี้ จะเพิ่มความถี่ของขบวนรถในช่วงเย็นเป็นทุก 3 นาที และจัดเจ้าหน้าที่รักษาความปลอดภัยเพิ่มเติม"
           "ที่สถานีหลักทุกแห่ง"}


def _body(lang: str, inner: str) -> str | None:
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Metro</title></head><body>'
            '<header><a href="/">Home</a> <a href="/tin">News</a></header><main><article>'
            f'<h1>Night metro runs start next month</h1><div class="news-detail">{inner}</div>'
            '</article></main><footer>© 2024 Example</footer></body></html>')
    return parse_page(html.encode("utf-8"), "https://m.example.com/news/metro-night-runs-123456",
                      profile="generic").article.body


@pytest.mark.parametrize("lang,banner", [
    ("vi", "Mở trong ứng dụng Tin Nhanh"),
    ("en", "Open in app"),
    ("tr", "Haber Cebimde uygulamasında aç Aç"),
    ("th", "เปิดอ่านในแอป ข่าวทันใจ เปิดแอป"),
])
def test_an_app_s_promotion_over_the_text_is_not_the_text(lang, banner):
    inner = f'<div class="app-banner"><p>{banner}</p></div><p>{P[lang]}</p><p>{Q[lang]}</p>'
    assert _body(lang, inner) == f"{P[lang]}\n\n{Q[lang]}"


@pytest.mark.parametrize("lang,line", [
    ("vi", "Minh Anh | 3 giờ trước"),
    ("en", "Jordan Blake · 2 hours ago"),
    ("tr", "Elif Kaya | 3 saat önce"),
    ("th", "ธนพล ศรีสุข · 2 ชม.ที่แล้ว"),
])
def test_the_writer_s_name_beside_a_relative_time_is_an_info_line(lang, line):
    inner = f'<p class="meta">{line}</p><p>{P[lang]}</p><p>{Q[lang]}</p>'
    assert _body(lang, inner) == f"{P[lang]}\n\n{Q[lang]}"


@pytest.mark.parametrize("lang,tags", [
    ("vi", "#xebuyt #giaothong"),
    ("th", "#รถไฟฟ้า #สงกรานต์"),
    ("tr", "#metro #İzmir"),
])
def test_a_line_of_hashtags_is_not_the_text(lang, tags):
    inner = f'<p>{P[lang]}</p><p>{Q[lang]}</p><p class="tags">{tags}</p>'
    assert _body(lang, inner) == f"{P[lang]}\n\n{Q[lang]}"


def test_a_sentence_with_a_hashtag_and_a_name_beside_a_number_stay_text():
    inner = (f'<p>{P["en"]}</p><p>Riders shared photos with #NightMetro on the first evening.</p>'
             f'<p>Gate 2 | 14 stations</p><p>{Q["en"]}</p>')
    assert _body("en", inner) == (f"{P['en']}\n\nRiders shared photos with #NightMetro on the first evening."
                                  f"\n\nGate 2 | 14 stations\n\n{Q['en']}")


@pytest.mark.parametrize("label", ["Quảng cáo", "Đọc thêm", "Đọc tiếp"])
def test_an_advertisement_or_read_more_label_alone_in_a_vietnamese_text(label):
    inner = f'<p>{P["vi"]}</p><p>{label}</p><p>{Q["vi"]}</p>'
    assert _body("vi", inner) == f"{P['vi']}\n\n{Q['vi']}"
