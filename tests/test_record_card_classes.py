"""What a government page prints around its text that is the page's record, not the text: a
breadcrumb typed without links ('Jesteś tutaj: A > B > C'), a toolbar line of links ('In bài |
Gửi email', 'Drukuj | Zapisz do PDF'), a table of the page's own dates and visits (a public
bulletin's 'Metryczka'), an attachment box with file sizes ('(pdf, 412 KB)', '（PDF：2,345KB）') and
its reader notice, a municipality's contact box ('このページに関するお問い合わせ'). Each in
Vietnamese where a portal prints it, and in Polish, Japanese or English."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

P = {"vi": "Sáng 04/8, Ủy ban nhân dân phường tổ chức hội nghị triển khai kế hoạch chỉnh trang đô thị năm "
           "2025, với sự tham dự của đại diện các tổ dân phố và các hộ kinh doanh trên địa bàn.",
     "pl": "Sesja odbyła się 27 lutego 2024 r. w sali posiedzeń Urzędu Miejskiego, w godzinach od 10:00 do "
           "13:25. W obradach uczestniczyło czternastu z piętnastu radnych.",
     "ja": "北浜市は、ごみの減量とリサイクルの推進を図るため、令和5年4月1日から家庭ごみの分別ルールを変更します。"
           "これまで「燃やすごみ」として収集していたプラスチック製品を、新たに分別収集します。",
     "en": "The council voted on Tuesday to extend the night bus network to the three districts that grew "
           "fastest over the last decade, after months of petitions from shift workers and their unions."}
Q = {"vi": "Theo kế hoạch, các tuyến phố chính sẽ được lát lại vỉa hè, bổ sung cây xanh và đèn chiếu sáng "
           "trước ngày 30/12/2025; kinh phí do ngân sách thành phố bảo đảm.",
     "pl": "Rada Miejska podjęła uchwałę jednogłośnie: czternaście głosów za, żadnego przeciw i żadnego "
           "wstrzymującego się, po czym przewodnicząca zamknęła sesję.",
     "ja": "新しい分別ルールについて、市民説明会を開催します。参加は無料で、事前の申し込みは不要です。"
           "3月中旬に全世帯へ分別ガイドブックを配布します。",
     "en": "Operators will hire forty more drivers before the summer, and the first routes start in June, "
           "the transport committee said in a statement published after the vote on Tuesday evening."}


H = {"vi": "Phường triển khai kế hoạch chỉnh trang đô thị", "pl": "Protokół z sesji Rady Miejskiej",
     "ja": "家庭ごみの分別ルールが変わります", "en": "Night buses reach three more districts"}


def _body(lang: str, inner: str) -> str | None:
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Trang tin</title></head><body>'
            '<div id="menu"><a href="/">Home</a> <a href="/tin">Tin tức</a></div><div id="main">'
            f'<div class="content-detail">{inner}</div></div><div id="footer">© 2024</div></body></html>')
    return parse_page(html.encode("utf-8"), "https://example.gov/tin-tuc/chi-tiet-12345.html",
                      profile="generic").article.body


@pytest.mark.parametrize("lang,crumb", [
    ("vi", "Bạn đang ở: Trang chủ > Tin tức > Hoạt động phường"),
    ("pl", "Jesteś tutaj: Rada Miejska > Sesje Rady > Protokoły z sesji"),
    ("en", "Home » News » Council"),
])
def test_a_breadcrumb_typed_without_links_is_not_the_text(lang, crumb):
    inner = f'<div class="path">{crumb}</div><h1>{H[lang]}</h1><p>{P[lang]}</p><p>{Q[lang]}</p>'
    assert _body(lang, inner) == f"{P[lang]}\n\n{Q[lang]}"


@pytest.mark.parametrize("lang,bar", [
    ("vi", '<a href="javascript:window.print()">In bài</a> | <a href="/email">Gửi email</a> | <a href="#">Trở về</a>'),
    ("pl", '<a href="javascript:window.print()">Drukuj</a> | <a href="/pdf">Zapisz do PDF</a>'),
    ("en", '<a href="/print">Print</a> · <a href="/email">Email</a> · <a href="/pdf">PDF</a>'),
])
def test_a_toolbar_line_of_links_is_not_the_text(lang, bar):
    inner = f'<h1>{H[lang]}</h1><p>{P[lang]}</p><p>{Q[lang]}</p><p class="tools">{bar}</p>'
    assert _body(lang, inner) == f"{P[lang]}\n\n{Q[lang]}"


def test_a_sentence_with_two_links_stays_text():
    sentence = ('Read the <a href="/a">council minutes</a> | and the <a href="/b">budget</a> for the details.')
    inner = f'<h1>Council</h1><p>{P["en"]}</p><p>{sentence}</p><p>{Q["en"]}</p>'
    assert "council minutes" in _body("en", inner)


@pytest.mark.parametrize("lang,rows", [
    ("pl", [("Podmiot udostępniający informację:", "Urząd Miejski w Zalesiu"), ("Wytworzył:", "Biuro Rady"),
            ("Data wytworzenia:", "2024.02.28"), ("Data publikacji:", "2024.03.05 14:10"),
            ("Data modyfikacji:", "2024.03.11 09:02"), ("Liczba odwiedzin:", "220")]),
    ("vi", [("Cơ quan ban hành:", "UBND phường"), ("Ngày đăng:", "05/03/2024 14:10"),
            ("Ngày cập nhật:", "11/03/2024 09:02"), ("Lượt xem:", "220")]),
])
def test_a_table_of_the_page_s_own_dates_and_visits_is_its_record_card(lang, rows):
    table = ('<table class="record"><caption>Metryczka</caption>'
             + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "</table>")
    inner = f'<h1>{H[lang]}</h1><p>{P[lang]}</p><p>{Q[lang]}</p>{table}'
    assert _body(lang, inner) == f"{P[lang]}\n\n{Q[lang]}"


def test_a_statistics_table_with_dates_in_its_cells_stays_text():
    table = ('<table><tr><th>Đợt:</th><td>Ngày 05/3/2024</td></tr><tr><th>Số hộ:</th><td>220</td></tr>'
             '<tr><th>Kinh phí:</th><td>1,2 tỷ đồng</td></tr></table>')
    inner = f'<h1>{H["vi"]}</h1><p>{P["vi"]}</p>{table}<p>{Q["vi"]}</p>'
    assert "Số hộ: | 220" in _body("vi", inner)


@pytest.mark.parametrize("lang,heading,files,notice,contact", [
    ("ja", "関連資料", ["新しい分別ガイドブック（PDF：2,345KB）", "市民説明会のお知らせ（PDF：456KB）"],
     "PDF形式のファイルをご利用するためには、「Adobe Reader」が必要です。お持ちでない方は、Adobe社から無償でダウンロードできます。",
     "<h3>このページに関するお問い合わせ</h3><p>環境局ごみ減量推進課<br>電話番号：000-000-0000</p>"),
    ("pl", "Załączniki", ["Protokół nr LXXII/2024 (pdf, 412 KB)", "Imienny wykaz głosowań (pdf, 96 KB)"],
     "", ""),
    ("en", "Attachments", ["Consultation paper (PDF, 1.2 MB)", "Map of the routes (pdf, 310 KB)"],
     "To open PDF files you need Adobe Acrobat Reader, free from Adobe.",
     "<h3>Contact</h3><p>Transport Office, 1 Market Street</p>"),
])
def test_an_attachment_box_its_reader_notice_and_the_contact_box_are_not_the_text(
        lang, heading, files, notice, contact):
    box = (f'<div class="files"><h3>{heading}</h3><ul>'
           + "".join(f'<li><a href="/files/{i}.pdf">{f}</a></li>' for i, f in enumerate(files))
           + f'</ul><p class="note">{notice}</p></div>{contact}')
    inner = f'<h1>{H[lang]}</h1><p>{P[lang]}</p><p>{Q[lang]}</p>{box}'
    assert _body(lang, inner) == f"{P[lang]}\n\n{Q[lang]}"
