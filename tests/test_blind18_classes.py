"""The failure classes of the eighteenth blind VN set (fixtures/heldout_pages18.py), each on a small
page of its own, written from the class, not from the set's pages (Vietnamese; English where a
platform prints the class so)."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page
from govnews.parsers.fields import site_account

PARAS = ["Sáng 12/9/2025, Hội Nông dân xã tổ chức hội nghị tổng kết mô hình sản xuất nông nghiệp an toàn "
         "gắn với tiêu thụ sản phẩm theo chuỗi giá trị trên địa bàn.",
         "Qua ba năm thực hiện, mô hình đã thu hút 86 hộ tham gia với tổng diện tích 42 ha, thu nhập bình quân "
         "tăng 18% so với sản xuất truyền thống.",
         "Hội nghị đề ra mục tiêu nhân rộng mô hình ra các thôn còn lại trong giai đoạn 2026 - 2030."]
ENGLISH = ["The provincial farmers' association reviewed its safe-farming model on Friday morning, three "
           "years after the first households joined the value chain programme.",
           "Eighty-six households now farm 42 hectares under the model, and their incomes rose by 18 percent "
           "compared with conventional farming.",
           "The association plans to extend the model to the remaining villages between 2026 and 2030."]
HEADLINE = "Tổng kết mô hình sản xuất nông nghiệp an toàn theo chuỗi giá trị"


def _page(main: str, title: str = HEADLINE, lang: str = "vi", head: str = "", foot: str = "") -> bytes:
    chrome = ('<div class="top"><span>Thứ Hai, 03/11/2025</span></div><ul class="menu"><li><a href="/">Trang chủ'
              '</a></li><li><a href="/tin">Tin tức</a></li></ul>') if lang == "vi" else \
        '<ul class="menu"><li><a href="/">Home</a></li><li><a href="/about">About me</a></li></ul>'
    address = "Địa chỉ: Số 1 đường Lê Lợi. Điện thoại: 0227.3831.426" if lang == "vi" else "Powered by Blogger."
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>{chrome}'
            f'<div class="main-container"><div class="col-main">{main}</div></div>'
            f'<div class="footer"><p>{address}</p>{foot}</div></body></html>').encode("utf-8")


def _paras(paras=PARAS) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


# -- Joomla 1.5: the article table, its icon buttons, its dates -----------------------------------

def _joomla15(text: str, byline: str = "Viết bởi Administrator", headline: str = HEADLINE,
              created: str = "Thứ sáu, 12 Tháng 9 2025 16:20") -> bytes:
    buttons = "".join(f'<td align="right" width="100%" class="buttonheading"><a href="/index.php?view=article'
                      f'&amp;id=41&amp;{q}" title="{t}"><img src="/images/M_images/{i}" alt="{t}" /></a></td>'
                      for q, t, i in (("format=pdf", "PDF", "pdf_button.png"),
                                      ("tmpl=component&amp;print=1", "In", "printButton.png"),
                                      ("option=com_mailto", "E-mail", "emailButton.png")))
    return _page('<div class="componentheading">Hoạt động của Hội</div>'
                 f'<table class="contentpaneopen"><tr><td class="contentheading" width="100%">{headline}</td>'
                 f'{buttons}</tr></table><table class="contentpaneopen">'
                 f'<tr><td valign="top"><span class="small">{byline}</span>&nbsp;&nbsp;</td></tr>'
                 f'<tr><td valign="top" class="createdate">{created}</td></tr>'
                 f'<tr><td valign="top">{text}</td></tr>'
                 '<tr><td class="modifydate">Lần cập nhật cuối ( Thứ hai, 15 Tháng 9 2025 09:00 )</td></tr></table>',
                 head='<meta name="generator" content="Joomla! 1.5 - Open Source Content Management" />')


URL15 = "https://hoinongdan.example.gov.vn/index.php?option=com_content&view=article&id=41:tong-ket&catid=3&Itemid=12"
SCHEDULE = ('<table border="1"><tr><th>Ngày</th><th>Địa điểm</th><th>Nội dung</th></tr>'
            '<tr><td>20/9/2025</td><td>Thôn Đông</td><td>Tham quan mô hình</td></tr>'
            '<tr><td>27/9/2025</td><td>Thôn Nam</td><td>Tập huấn kỹ thuật</td></tr></table>')


@pytest.mark.parametrize("profile", [None, "generic"])
def test_joomla15_s_title_cell_beside_its_icon_buttons_is_the_headline(profile):
    a = parse_page(_joomla15(_paras()), URL15, profile=profile).article
    assert a.headline == HEADLINE               # not the section's componentheading
    assert a.published_at == "2025-09-12T16:20:00+07:00"
    assert a.body == "\n\n".join(PARAS)


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_schedule_with_a_venue_column_inside_the_text_leaves_the_article_s_date_alone(profile):
    # the article's date row and the schedule are both in the article table: the schedule's
    # 'Địa điểm' column makes its own rows an event's fields, not the table around it
    a = parse_page(_joomla15(_paras(PARAS[:2]) + SCHEDULE + _paras(PARAS[2:])), URL15, profile=profile).article
    assert a.published_at == "2025-09-12T16:20:00+07:00"


@pytest.mark.parametrize("byline", ["Viết bởi Administrator", "Written by Administrator", "Viết bởi admin"])
@pytest.mark.parametrize("profile", [None, "generic"])
def test_the_administrator_account_is_no_writer_and_the_signature_is(profile, byline):
    text = _paras() + '<p style="text-align: right;"><strong>Thạch Thị Sa Ly</strong></p>'
    a = parse_page(_joomla15(text, byline), URL15, profile=profile).article
    assert a.author == "Thạch Thị Sa Ly"
    assert a.body == "\n\n".join(PARAS)


@pytest.mark.parametrize("name, account", [
    ("Administrator", True), ("Quản trị Đoàn xã", True), ("Admin Trường THCS Tân Lập", True), ("webmaster", True),
    ("Quản Trọng Hùng", False), ("Redacción", False), ("Adminah Putri", False), ("Nguyễn Văn An", False)])
def test_site_account(name, account):
    assert site_account(name) is account


# -- a hand-made site: its <title> is the site's name without diacritics ---------------------------

def _handmade(after_text: str, foot: str = "") -> bytes:
    return _page('<table border="0" width="100%" cellpadding="8"><tr><td>'
                 '<font size="2"><a href="../../index.htm">Trang chủ</a> &gt; <a href="../../tin.htm">Tin tức</a></font><br>'
                 f'<p align="center"><font size="4" color="#006600"><b>{HEADLINE}</b></font><br>'
                 '<i><font size="2" color="#666666">(Cập nhật ngày 12/9/2025 lúc 16h20)</font></i></p>'
                 + "".join(f'<p align="justify"><font face="Times New Roman" size="3">{p}</font></p>' for p in PARAS)
                 + after_text + '</td></tr></table>',
                 title="Hoi Nong dan xa Tan Lap", foot=foot)


def test_a_styled_first_line_over_its_date_is_the_headline_not_the_site_s_title():
    a = parse_page(_handmade(""), "http://hoinongdan.example.gov.vn/tin/2025/tin_0912.htm").article
    assert a.headline == HEADLINE
    assert a.published_at == "2025-09-12T16:20:00+07:00"


@pytest.mark.parametrize("line, count", [("Đã có 312 người đọc bài này", 312), ("Số người đọc: 1.026", 1026),
                                         ("1.240 người xem", 1240)])
def test_view_counts_phrased_as_readers_are_read_and_left_out_of_the_text(line, count):
    after = f'<p align="right"><font size="2" color="#808080">{line}</font></p>'
    a = parse_page(_handmade(after), "http://hoinongdan.example.gov.vn/tin/2025/tin_0912.htm").article
    assert a.view_count == count
    assert a.body == "\n\n".join(PARAS)


def test_a_sentence_with_readers_in_it_stays_text():
    sentence = "Buổi phát sóng trực tiếp đã có 1.240 người xem."
    after = f'<p align="justify"><font face="Times New Roman" size="3">{sentence}</font></p>'
    a = parse_page(_handmade(after), "http://hoinongdan.example.gov.vn/tin/2025/tin_0912.htm").article
    assert a.body == "\n\n".join([*PARAS, sentence])


@pytest.mark.parametrize("line", ["Số khách đã ghé thăm: 84.521 | Đang xem: 3", "Lượt khách ghé thăm: 84.521"])
def test_a_visitor_counter_of_guests_who_called(line):
    a = parse_page(_handmade("", foot=f"<p>{line}</p>"), "http://hoinongdan.example.gov.vn/tin/2025/tin_0912.htm").article
    assert a.visitor_counter == 84521


# -- Blogger: the time in an <abbr>'s title, the labels line -------------------------------------

def _blogger(labels_html: str, posted: str = "Quản trị Đoàn xã", lang: str = "vi", paras=PARAS,
             day: str = "Thứ Sáu, 12 tháng 9, 2025", stamp: str = "2025-09-12T16:20:00+07:00") -> bytes:
    return _page(f'<div class="date-outer"><h2 class="date-header"><span>{day}</span></h2>'
                 '<div class="post hentry" itemprop="blogPost" itemscope="itemscope" itemtype="http://schema.org/BlogPosting">'
                 f'<h3 class="post-title entry-title" itemprop="name">{HEADLINE}</h3>'
                 f'<div class="post-body entry-content" itemprop="description articleBody">{_paras(paras)}</div>'
                 '<div class="post-footer"><span class="post-author vcard">Đăng bởi <span class="fn" itemprop="author" '
                 'itemscope="itemscope" itemtype="http://schema.org/Person"><a class="g-profile" rel="author" '
                 f'href="https://www.blogger.com/profile/0451"><span itemprop="name">{posted}</span></a></span></span> '
                 '<span class="post-timestamp">lúc <a class="timestamp-link" rel="bookmark" href="#"><abbr class="published" '
                 f'itemprop="datePublished" title="{stamp}">16:20</abbr></a></span>'
                 f'<div class="post-footer-line-2"><span class="post-labels">{labels_html}</span></div></div></div></div>',
                 lang=lang, head='<meta content="blogger" name="generator"/>')


URLB = "https://doanxatanlap.blogspot.com/2025/09/tong-ket-mo-hinh.html"


def test_blogger_s_abbr_gives_the_time_of_the_day_its_header_prints():
    a = parse_page(_blogger('Nhãn: <a rel="tag" href="/search/label/Tin">Tin hoạt động</a>'), URLB).article
    assert a.published_at == "2025-09-12T16:20:00+07:00"
    assert a.published_precision == "minute"
    assert a.category == "Tin hoạt động"
    assert a.author is None                     # the administrator's display name


def test_several_labels_are_tags_not_the_category():
    labels_html = ('Labels: <a rel="tag" href="/l/a">farming</a>, <a rel="tag" href="/l/b">villages</a>, '
                   '<a rel="tag" href="/l/c">incomes</a>')
    data = _blogger(labels_html, posted="Harold Finch", lang="en", paras=ENGLISH, day="Friday, September 12, 2025",
                    stamp="2025-09-12T21:42:00-05:00").replace(HEADLINE.encode(), b"Twelve years of the safe-farming model")
    a = parse_page(data, URLB.replace("doanxatanlap", "haroldsfarmnotes")).article
    assert a.category is None
    assert a.published_at == "2025-09-12T21:42:00-05:00"
    assert a.author == "Harold Finch"


# -- signatures: a labelled office, an office in capitals, a line beside the container ------------

def _content(inner: str, after: str = "") -> bytes:
    return _page(f'<div class="grid detail"><div class="grid-header"><h3>{HEADLINE}</h3></div>'
                 '<div class="PostDate">Cập nhật: Thứ sáu, 12/9/2025 | 4:20:00 PM | Lượt xem: 2,315</div>'
                 f'<div class="ArticleContent">{inner}</div>{after}'
                 '<div class="tool"><a href="/PrintPreview/41/">In bài</a> | <a href="javascript:history.back()">'
                 'Quay lại</a></div></div>')


URLC = "https://hoinongdan.example.gov.vn/tin-hoat-dong/tin-41/"


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_labelled_office_signing_is_the_writer_and_not_text(profile):
    sig = '<p style="text-align:right"><strong>Tác giả: </strong>Trung tâm Công nghệ thông tin và Truyền thông</p>'
    a = parse_page(_content(_paras() + sig), URLC, profile=profile).article
    assert a.author == "Trung tâm Công nghệ thông tin và Truyền thông"
    assert a.body == "\n\n".join(PARAS)


@pytest.mark.parametrize("profile", [None, "generic"])
def test_an_office_signing_in_capitals(profile):
    sig = '<p align="right"><strong>CẢNG VỤ ĐƯỜNG THỦY NỘI ĐỊA TỈNH BẮC NINH</strong></p>'
    a = parse_page(_content(f'<div align="justify">{_paras()}</div>{sig}'), URLC, profile=profile).article
    assert a.author == "CẢNG VỤ ĐƯỜNG THỦY NỘI ĐỊA TỈNH BẮC NINH"
    assert a.body == "\n\n".join(PARAS)


@pytest.mark.parametrize("name", ["Đức Thịnh, Hồng Nhung", "Hoàng Văn Sơn"])
def test_a_signature_right_after_the_text_s_container(name):
    inner = ('<div align="justify">' + _paras()
             + '<p align="center"><img src="/Upload/2025/09/hoi-nghi.jpg" width="540" /></p></div>'
             + f'<p align="right"><strong>{name}</strong></p>')
    a = parse_page(_content(inner), URLC, profile="generic").article
    assert a.author == name


def test_a_line_after_the_container_that_is_no_signature_names_no_writer():
    inner = ('<div align="justify">' + _paras() + '</div>'
             + '<p align="right"><strong>Xem tiếp các tin liên quan bên dưới trang này.</strong></p>')
    a = parse_page(_content(inner), URLC, profile="generic").article
    assert a.author is None
