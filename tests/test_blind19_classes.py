"""The failure classes of the nineteenth blind VN set (fixtures/heldout_pages19.py), each on a small
page of its own, written from the class, not from the set's pages (Vietnamese; English or French
too where the class is not one Vietnamese platform's)."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page
from govnews.parsers.fields import split_signature


def _article(html: str | bytes, url: str, profile: str | None = None):
    data = html.encode("utf-8") if isinstance(html, str) else html
    return parse_page(data, url, profile=profile).article


def _paras(paras) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


# -- 1. Liferay 7: the journal content's data-analytics-asset-title is the headline (no og:title) --

LR_VI = ["Sáng 14/8/2025, Ủy ban nhân dân phường tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2025 "
         "với sự tham gia của cán bộ, công chức và các tổ công nghệ số cộng đồng.",
         "Theo kế hoạch, phường phấn đấu đến cuối năm có 90% hồ sơ thủ tục hành chính được tiếp nhận và giải quyết "
         "trực tuyến toàn trình, 100% tổ dân phố có tổ công nghệ số cộng đồng hoạt động hiệu quả.",
         "Hội nghị cũng giao nhiệm vụ cụ thể cho từng bộ phận, gắn trách nhiệm người đứng đầu với kết quả thực hiện."]
LR_HEADLINE = "Phường triển khai kế hoạch chuyển đổi số năm 2025"
LR_EN = ["The city council approved on Thursday a plan to plant 5,000 street trees over the next three years, "
         "focusing on neighbourhoods with the least shade and the hottest summer pavements.",
         "Residents can request a tree in front of their home through the city's online service, and crews will "
         "plant from October to April, when young trees are most likely to take root.",
         "The programme is funded by the climate adaptation budget and a grant from the regional government."]
LR_HEADLINE_EN = "City to plant 5,000 street trees by 2028"


def _liferay7_around() -> str:
    # the title attribute on the journal content wrapping the text; the page's <title> is the site's
    return ('<html lang="vi-VN"><head><meta charset="utf-8"><title>Tin tức - Cổng thông tin điện tử phường An Khánh'
            '</title></head><body><a href="#main-content" class="sr-only">Truy cập nội dung luôn</a>'
            '<header><nav><ul><li><a href="/web/ankhanh">Trang chủ</a></li><li><a href="/web/ankhanh/tin-tuc">Tin tức'
            '</a></li></ul></nav></header><section id="content"><div id="main-content">'
            '<div class="portlet-boundary portlet-boundary_com_liferay_journal_content_web_portlet_JournalContentPortlet_" '
            'id="p_p_id_com_liferay_journal_content_web_portlet_JournalContentPortlet_INSTANCE_x1_">'
            '<section class="portlet"><div class="portlet-content"><div class="portlet-content-container">'
            '<div class="portlet-body"><div class="journal-content-article-wrapper">'
            '<div class="journal-content-article " data-analytics-asset-id="48213" '
            f'data-analytics-asset-title="{LR_HEADLINE}" data-analytics-asset-type="web-content">'
            f'<div class="news-detail"><p class="date">14/08/2025 16:20</p>{_paras(LR_VI)}</div></div></div>'
            '</div></div></div></section></div></div></section>'
            '<footer><p>Cổng thông tin điện tử phường An Khánh</p></footer></body></html>')


def _liferay7_inside() -> str:
    # the text's container holds a date line, the journal content (the attribute's block) and a share bar
    inner = "".join('<div class="lfr-layout-structure-item-basic-component-paragraph"><div class="component-paragraph">'
                    f'<p>{p}</p></div></div>' for p in LR_EN)
    return ('<html lang="en-US"><head><meta charset="utf-8"><title>News - City of Riverton</title></head><body>'
            '<header id="banner"><nav><ul><li><a href="/web/guest/home">Home</a></li><li><a href="/web/guest/news">'
            'News</a></li></ul></nav></header><section id="content"><div class="col-md-8 news-content">'
            '<div class="news-meta"><span class="date">14 August 2025</span></div>'
            '<div class="journal-content-article" data-analytics-asset-id="90111" '
            f'data-analytics-asset-title="{LR_HEADLINE_EN}" data-analytics-asset-type="web-content">{inner}</div>'
            '<div class="share"><a href="#">Share</a> <a href="#">Print</a></div>'
            '</div></section><footer><p>City of Riverton</p></footer></body></html>')


@pytest.mark.parametrize("profile", [None, "generic"])
def test_liferay7_s_asset_title_around_the_text_is_the_headline(profile):
    a = _article(_liferay7_around(), "https://ankhanh.example.gov.vn/web/ankhanh/-/phuong-trien-khai-chuyen-doi-so",
                 profile)
    assert a.headline == LR_HEADLINE                 # not the site's name from <title>
    assert a.published_at == "2025-08-14T16:20:00+07:00"
    assert a.body == "\n\n".join(LR_VI)


@pytest.mark.parametrize("profile", [None, "generic"])
def test_liferay7_s_asset_title_on_a_block_inside_the_text_s_container(profile):
    a = _article(_liferay7_inside(), "https://www.riverton.example.gov/web/guest/-/city-to-plant-street-trees", profile)
    assert a.headline == LR_HEADLINE_EN
    assert a.body == "\n\n".join(LR_EN)


# -- 2. a side box sharing the title's markup (ICT CMS: div.grid-header > h3 'TIN MỚI') -----------

ICT = ["Sáng 14/8/2025, Hội Nhà báo tỉnh tổ chức lớp bồi dưỡng nghiệp vụ báo chí số cho hơn 60 hội viên "
       "đang công tác tại các cơ quan báo chí, đài truyền thanh cấp xã trên địa bàn tỉnh.",
       "Trong hai ngày, các học viên được giới thiệu về xu hướng báo chí đa nền tảng, kỹ năng sản xuất video ngắn "
       "và cách sử dụng công cụ trí tuệ nhân tạo trong tác nghiệp bảo đảm đúng quy định.",
       "Kết thúc lớp học, các học viên đều hoàn thành bài thu hoạch và được cấp giấy chứng nhận."]
ICT_HEADLINE = "Bồi dưỡng nghiệp vụ báo chí số cho hội viên"


def _ict(box_title: str) -> str:
    side = (f'<div class="col-left"><div class="grid"><div class="grid-header"><h3>{box_title}</h3></div>'
            '<ul class="list"><li><a href="/tin-tuc/812/hoi-thao-bao-chi/">Hội thảo báo chí với chuyển đổi số</a></li>'
            '<li><a href="/tin-tuc/811/giai-bao-chi/">Phát động giải báo chí năm 2025</a></li></ul></div></div>')
    article = (f'<div class="col-main"><div class="grid detail"><div class="grid-header"><h3>{ICT_HEADLINE}</h3></div>'
               '<div class="news-date">Cập nhật: Thứ năm, 14/8/2025 | 4:20:00 PM</div>'
               f'<div align="justify">{_paras(ICT)}<p align="right"><strong>Minh Hà</strong></p></div></div></div>')
    return ('<html><head><meta charset="utf-8"><title>Hội Nhà báo tỉnh</title></head><body>'
            '<div class="breadcrumb"><a href="/">Trang chủ</a> <a href="/tin-tuc/">Tin tức</a></div>'
            f'<div class="wrap">{side}{article}</div><div class="footer">Hội Nhà báo tỉnh</div></body></html>')


@pytest.mark.parametrize("box_title", ["TIN MỚI", "TIN XEM NHIỀU", "Tin liên quan"])
@pytest.mark.parametrize("profile", [None, "ict_bacninh"])
def test_a_side_box_titled_in_the_headline_s_markup_is_not_the_headline(profile, box_title):
    a = _article(_ict(box_title), "https://hoinhabao.example.gov.vn/tin-tuc/813/boi-duong-nghiep-vu/", profile)
    assert a.headline == ICT_HEADLINE
    assert a.published_at == "2025-08-14T16:20:00+07:00"
    assert a.author == "Minh Hà"
    assert a.body == "\n\n".join(ICT)


# -- 3. a hand-made page's styled section bar over a larger title ----------------------------------

BAR_VI = ["Ngày 14/8/2025, Hội Cựu chiến binh xã tổ chức trao 5 căn nhà nghĩa tình đồng đội cho hội viên có hoàn "
          "cảnh khó khăn về nhà ở tại các thôn Đông, thôn Bắc và thôn Trung.",
          "Mỗi căn nhà có diện tích 60 m2, tổng kinh phí xây dựng hơn 400 triệu đồng, do hội viên, doanh nghiệp và "
          "các nhà hảo tâm đóng góp, cùng hàng trăm ngày công của các chi hội.",
          "Dịp này, Hội cũng trao 20 suất quà cho hội viên là thương binh, bệnh binh đang gặp khó khăn."]
BAR_EN = ["The veterans' association handed over five newly built homes to members in need on Thursday, in the "
          "villages of East Hill, North Ford and Millbrook.",
          "Each house has sixty square metres of floor space and cost about sixteen thousand dollars, paid by members, "
          "local businesses and donors, with hundreds of days of volunteer work.",
          "The association also gave twenty gift parcels to disabled veterans living alone."]


def _section_bar(bar: str, headline: str, paras, date: str, title: str) -> str:
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            '<table width="780" border="0" cellpadding="0" cellspacing="0"><tr><td><img src="images/banner.jpg" '
            'width="780"></td></tr></table><table width="780" border="0"><tr>'
            '<td width="180" valign="top" bgcolor="#FFFFCC"><p><a href="index.htm">Trang chủ</a><br>'
            '<a href="gioithieu.htm">Giới thiệu</a><br><a href="tintuc.htm">Tin tức</a></p></td><td valign="top" width="600">'
            '<table width="100%" border="0" cellpadding="3"><tr><td bgcolor="#336699">'
            f'<font color="#FFFFFF" size="2"><b>{bar}</b></font></td></tr></table>'
            f'<p align="center"><b><font size="4" color="#CC0000">{headline}</font></b><br>'
            f'<font size="2"><i>{date}</i></font></p>'
            + "".join(f'<p align="justify"><font size="3">{p}</font></p>' for p in paras)
            + '</td></tr></table></body></html>')


@pytest.mark.parametrize("bar, headline, paras, date, title, url", [
    ("Tin tức - Hoạt động Hội", "Trao nhà nghĩa tình đồng đội cho hội viên khó khăn", BAR_VI, "(14/8/2025)",
     "Hoi Cuu chien binh xa Tan Phu", "http://ccbtanphu.example.vn/tin/2025/tin_0814.htm"),
    ("News - Association activities", "Five homes handed over to veterans in need", BAR_EN, "(August 14, 2025)",
     "Millbrook Veterans", "http://millbrookveterans.example.org/news/2025/0814.htm"),
], ids=["vi", "en"])
def test_a_styled_section_bar_over_a_larger_title_is_the_category(bar, headline, paras, date, title, url):
    a = _article(_section_bar(bar, headline, paras, date, title), url)
    assert a.headline == headline
    assert a.category == bar
    assert a.body == "\n\n".join(paras)               # the title is no line of the text


def test_the_section_bar_page_keeps_its_date():
    a = _article(_section_bar("Tin tức - Hoạt động Hội", "Trao nhà nghĩa tình đồng đội cho hội viên khó khăn", BAR_VI,
                              "(14/8/2025)", "Hoi Cuu chien binh xa Tan Phu"),
                 "http://ccbtanphu.example.vn/tin/2025/tin_0814.htm")
    assert a.published_at == "2025-08-14T00:00:00+07:00"


# -- 4. TCVN3: a capitals font (.VnTimeH) draws lower-case typing in capitals -----------------------

# 'hội nghị tổng kết công tác hội nông dân năm 2008' typed in TCVN3 (ABC) lower case
TCVN3_HEADLINE = "h\xe9i ngh\xde t\xe6ng k\xd5t c\xabng t\xb8c h\xe9i n\xabng d\xa9n n\xa8m 2008"
TCVN3_TEXT = [
    "S\xb8ng ng\xb5y 22/12/2008, H\xe9i N\xabng d\xa9n x\xb7 T\xa9n L\xcbp t\xe6 ch\xf8c h\xe9i ngh\xde t\xe6ng k\xd5t "
    "c\xabng t\xb8c h\xe9i v\xb5 phong tr\xb5o n\xabng d\xa9n n\xa8m 2008, tri\xd3n khai nhi\xd6m v\xf4 n\xa8m 2009.",
    "Trong n\xa8m, H\xe9i \xae\xb7 ph\xe8i h\xeep t\xe6 ch\xf8c 12 l\xedp t\xcbp hu\xcan chuy\xd3n giao khoa h\xe4c "
    "k\xfc thu\xcbt cho h\xacn 600 l\xad\xeet h\xe9i vi\xaan, gi\xf3p nhi\xd2u h\xe9 v\xad\xacn l\xaan tho\xb8t ngh\xcco.",
    "H\xe9i ngh\xde \xae\xb7 khen th\xad\xebng 15 t\xcbp th\xd3 v\xb5 32 c\xb8 nh\xa9n c\xe3 th\xb5nh t\xddch "
    "xu\xcat s\xbec trong phong tr\xb5o thi \xaeua."]
UNICODE_TEXT = [
    "Sáng ngày 22/12/2008, Hội Nông dân xã Tân Lập tổ chức hội nghị tổng kết công tác hội và phong trào nông dân "
    "năm 2008, triển khai nhiệm vụ năm 2009.",
    "Trong năm, Hội đã phối hợp tổ chức 12 lớp tập huấn chuyển giao khoa học kỹ thuật cho hơn 600 lượt hội viên, "
    "giúp nhiều hộ vươn lên thoát nghèo.",
    "Hội nghị đã khen thưởng 15 tập thể và 32 cá nhân có thành tích xuất sắc trong phong trào thi đua."]


@pytest.mark.parametrize("face", [".VnTimeH", ".VnArialH"])
def test_a_tcvn3_capitals_font_reads_in_capitals(face):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            '<title>Hoi Nong dan xa Tan Lap</title></head><body><table width="760"><tr><td>'
            f'<p align="center"><b><font face="{face}" size="4" color="#000080">{TCVN3_HEADLINE}</font></b></p>'
            + "".join(f'<p align="justify"><font face=".VnTime" size="3">{p}</font></p>' for p in TCVN3_TEXT)
            + '</td></tr></table></body></html>')
    a = _article(page.encode("latin-1"), "http://hoinongdan-tanlap.example.vn/tin/tongket2008.htm")
    assert a.headline == "HỘI NGHỊ TỔNG KẾT CÔNG TÁC HỘI NÔNG DÂN NĂM 2008"
    assert a.body == "\n\n".join(UNICODE_TEXT)       # .VnTime (no H): as typed


# -- 5. a view label whose number is a hit-counter picture ----------------------------------------

FP_VI = ["Ngày 14/8/2025, Trường Trung học cơ sở Tân Lập tổ chức lễ tuyên dương học sinh đạt giải trong kỳ thi "
         "học sinh giỏi cấp tỉnh năm học 2024 - 2025.",
         "Năm học qua, nhà trường có 18 học sinh đạt giải cấp tỉnh, trong đó có 2 giải nhất, 5 giải nhì và 11 giải "
         "ba, xếp thứ nhất toàn huyện về số lượng giải.",
         "Nhà trường đã trao tặng giấy khen và phần thưởng cho các em học sinh cùng các giáo viên bồi dưỡng."]
FP_EN = ["The parish council met on Thursday evening to agree the budget for repairs to the village hall roof, "
         "which has leaked since the storms of last winter.",
         "Councillors approved a contract of twelve thousand pounds with a local builder, and work will start in "
         "September before the autumn rains.",
         "The hall will stay open for the playgroup and the Tuesday lunch club while the work is done."]
FP_COUNTER = ('<img src="../_vti_bin/fpcount.exe/tin/?Page=tin/tin0814.htm|Image=4|Digits=5" alt="Hit Counter" '
              'width="80" height="16">')


def _frontpage(headline: str, paras, views: str, lang: str) -> str:
    return (f'<html lang="{lang}"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            f'<meta name="GENERATOR" content="Microsoft FrontPage 6.0"><title>{headline}</title></head><body>'
            '<table border="0" width="100%"><tr><td width="20%" valign="top"><p><a href="../index.htm">Trang chủ</a></p>'
            '<p><a href="../tintuc.htm">Tin tức</a></p></td><td valign="top">'
            f'<p align="center"><b><font size="4" color="#0000FF">{headline}</font></b></p>'
            + "".join(f'<p align="justify">{p}</p>' for p in paras)
            + f'<p align="right"><font size="2">{views}</font></p></td></tr></table></body></html>')


@pytest.mark.parametrize("label, paras, lang", [
    ("Số lần đọc:", FP_VI, "vi"), ("Lượt xem:", FP_VI, "vi"), ("Số lượt truy cập bài viết:", FP_VI, "vi"),
    ("Hits:", FP_EN, "en"), ("Views:", FP_EN, "en")], ids=["so-lan-doc", "luot-xem", "luot-truy-cap", "hits", "views"])
def test_a_view_label_over_a_counter_picture_is_no_line_and_no_count(label, paras, lang):
    headline = "Tuyên dương học sinh giỏi cấp tỉnh năm học 2024 - 2025" if lang == "vi" else \
        "Village hall roof to be repaired"
    a = _article(_frontpage(headline, paras, f"{label} {FP_COUNTER}", lang), "http://thcstanlap.example.edu.vn/tin/tin0814.htm")
    assert a.headline == headline
    assert a.body == "\n\n".join(paras)
    assert a.view_count is None                      # the number is a picture


def test_a_view_label_with_its_number_printed_still_counts():
    a = _article(_frontpage("Tuyên dương học sinh giỏi cấp tỉnh năm học 2024 - 2025", FP_VI, "Số lần đọc: 1.234", "vi"),
                 "http://thcstanlap.example.edu.vn/tin/tin0814.htm")
    assert a.view_count == 1234
    assert a.body == "\n\n".join(FP_VI)


# -- 6. a data table between a text-only page's paragraphs -----------------------------------------

TABLE_VI = ["Theo báo cáo của Ủy ban nhân dân xã, đến hết tháng 7/2025, tổng diện tích gieo trồng vụ hè thu trên "
            "địa bàn xã đạt 1.250 ha, bằng 102% kế hoạch, trong đó lúa chiếm phần lớn diện tích.",
            "Kết quả cụ thể đối với từng loại cây trồng chính như sau:",
            "Nhìn chung các loại cây trồng sinh trưởng, phát triển tốt; Ủy ban nhân dân xã đề nghị các thôn tiếp tục "
            "theo dõi sâu bệnh, chủ động phòng trừ kịp thời."]
TABLE_EN = ["The district office published on Thursday its summary of the summer planting season, which covered "
            "1,250 hectares by the end of July, slightly more than the plan.",
            "The figures for the main crops are shown below:",
            "Most crops are growing well, and the office asks villages to keep watching for pests and to report "
            "any outbreak to the extension service."]


def _table(rows) -> str:
    head, *body = rows
    return ('<table border="1" cellpadding="4"><tr>' + "".join(f"<th>{c}</th>" for c in head) + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in body) + "</table>")


@pytest.mark.parametrize("headline, paras, rows, lang, url", [
    ("Kết quả gieo trồng vụ hè thu năm 2025", TABLE_VI,
     [("Cây trồng", "Diện tích (ha)", "So với kế hoạch"), ("Lúa", "980", "101%"), ("Ngô", "170", "105%"),
      ("Rau màu", "100", "104%")], "vi", "http://xatanlap.example.gov.vn/tin/hethu2025.html"),
    ("Summer planting season summary", TABLE_EN,
     [("Crop", "Area (ha)", "Against plan"), ("Rice", "980", "101%"), ("Maize", "170", "105%"),
      ("Vegetables", "100", "104%")], "en", "http://district.example.org/news/summer-planting.html"),
], ids=["vi", "en"])
def test_a_data_table_between_a_text_only_page_s_paragraphs_is_kept_as_rows(headline, paras, rows, lang, url):
    page = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{headline}</title></head><body>'
            f'<h2>{headline}</h2>{_paras(paras[:2])}{_table(rows)}<p>{paras[2]}</p></body></html>')
    a = _article(page, url)
    assert a.headline == headline
    assert a.body == "\n\n".join([*paras[:2], "\n".join(" | ".join(r) for r in rows), paras[2]])


# -- 7. a block editor's text: one deep-wrapped block per paragraph (Google Sites, Notion) ---------

GS_TEXT = ["Sáng 14/8/2025, Chi đoàn thôn Đông phối hợp với Trạm Y tế xã tổ chức buổi tuyên truyền phòng chống sốt "
           "xuất huyết cho hơn 80 hộ gia đình.",
           "Các đoàn viên đã hướng dẫn người dân cách phát hiện và loại bỏ các dụng cụ chứa nước đọng quanh nhà, nơi "
           "muỗi vằn thường sinh sản.",
           "Sau buổi tuyên truyền, chi đoàn ra quân thu gom hơn 2 tấn rác thải, vỏ chai, lốp xe cũ tại các tuyến "
           "đường trong thôn.",
           "Chi đoàn sẽ duy trì hoạt động này vào sáng chủ nhật hằng tuần đến hết mùa mưa năm nay."]
GS_BOX = ["Lịch sinh hoạt chi đoàn: tối thứ Bảy tuần thứ hai hằng tháng tại nhà văn hóa thôn Đông, xã Tân Lập.",
          "Đoàn viên vắng mặt cần báo trước cho Bí thư chi đoàn ít nhất một ngày để được sắp xếp sinh hoạt bù.",
          "Mọi ý kiến đóng góp xin gửi vào hộp thư góp ý của chi đoàn đặt tại nhà văn hóa thôn."]
GS_HEADLINE = "Ra quân tuyên truyền phòng chống sốt xuất huyết"
NOTION_TEXT = ["Our volunteers planted forty fruit trees along the school fence on Saturday morning, together with "
               "pupils and their parents.",
               "The trees were donated by a nursery in the next town, and each class has adopted one row to water "
               "through the summer holidays.",
               "We also repaired the raised beds behind the kitchen, which will grow herbs and salad for the school "
               "canteen from September.",
               "Thank you to everyone who came, and to the caretaker who lent us his tools and his wheelbarrow."]
NOTION_BOX = ["Garden club meets every Wednesday after school in the greenhouse behind the sports hall.",
              "Parents who would like to help can sign up at the school office or write to the club leader.",
              "Please bring gloves and wear old shoes, the greenhouse floor is usually muddy after rain."]
NOTION_HEADLINE = "Forty fruit trees planted along the school fence"


def test_google_sites_text_blocks_are_read_together_not_the_box_beside_them():
    blocks = "".join(
        f'<div class="oKdM2c ZZyype Kzv0Me"><div id="h.7f3a{i}c" class="hJDwNd-AhqUyc-uQSCkd Ft7HRd-AhqUyc-uQSCkd '
        'jXK9ad D2fZ2 wHaque"><div class="jXK9ad-SmKAyb"><div class="tyJCtd mGzaTb Depvyb baZpAe">'
        f'<p class="zfr3Q CDt4Ke" dir="ltr"><span class="C9DxTc">{p}</span></p></div></div></div></div>'
        for i, p in enumerate(GS_TEXT))
    box = "".join(f'<p class="zfr3Q CDt4Ke" dir="ltr"><span class="C9DxTc">{b}</span></p>' for b in GS_BOX)
    page = ('<html lang="vi"><head><meta charset="utf-8"><title>Chi đoàn thôn Đông - Tin tức</title></head><body>'
            '<div class="LS81yb"><header><div class="T4LgNb"><nav><ul><li><a href="/view/chidoan/trang-chu">Trang chủ'
            '</a></li><li><a href="/view/chidoan/tin-tuc">Tin tức</a></li></ul></nav></div></header>'
            '<div role="main" class="UtePc RCETm"><section class="yaqOZd cJgDec"><div class="mYVXT">'
            f'<div class="LS81yb VICjCf"><h1 id="h.p_title" class="duRjpb"><span class="C9DxTc">{GS_HEADLINE}</span>'
            '</h1></div></div></section><section class="yaqOZd"><div class="mYVXT"><div class="LS81yb VICjCf j5pSsc db35Fc">'
            f'<div class="hJDwNd-AhqUyc-OiUrBf"><div class="JNdkSc-SmKAyb">{blocks}</div></div>'
            f'<div class="hJDwNd-AhqUyc-wNfPc"><div class="tyJCtd mGzaTb Depvyb baZpAe">{box}</div></div>'
            '</div></div></section></div><footer><p>Chi đoàn thôn Đông</p></footer></div></body></html>')
    a = _article(page, "https://sites.google.com/view/chidoanthondong/tin-tuc/ra-quan-tuyen-truyen")
    assert a.headline == GS_HEADLINE
    assert a.body == "\n\n".join(GS_TEXT)


def test_notion_text_blocks_are_read_together_not_the_callout_beside_them():
    blocks = "".join(
        f'<div data-block-id="4c1e{i}b2a" class="notion-selectable notion-text-block" '
        'style="width:100%;max-width:708px;margin-top:1px"><div style="color:inherit;fill:inherit">'
        '<div style="display:flex"><div spellcheck="true" placeholder=" " data-content-editable-leaf="true" '
        f'style="max-width:100%;width:100%;white-space:pre-wrap">{p}</div></div></div></div>'
        for i, p in enumerate(NOTION_TEXT))
    page = ('<html lang="en"><head><meta charset="utf-8"><title>Garden Club</title></head><body>'
            '<div class="notion-app-inner"><div class="notion-frame"><header class="notion-topbar"><nav>'
            '<a href="/">Garden Club</a> / <a href="/news">News</a></nav></header><div class="notion-scroller">'
            f'<div class="notion-page-block"><h1 class="notranslate" placeholder="Untitled">{NOTION_HEADLINE}</h1></div>'
            f'<div class="layout"><div class="notion-page-content">{blocks}</div>'
            f'<aside class="notion-callout-block"><div class="callout-text">{_paras(NOTION_BOX)}</div></aside></div>'
            '</div></div></div></body></html>')
    a = _article(page, "https://gardenclub.notion.site/Forty-fruit-trees-planted-8f2a")
    assert a.headline == NOTION_HEADLINE
    assert a.body == "\n\n".join(NOTION_TEXT)


# -- 8. the site's contact box (address and telephone, outside any <footer>) ----------------------

CT_VI = ["Sáng 14/8/2025, Trạm Y tế xã tổ chức tiêm vắc xin sởi cho trẻ từ 1 đến 5 tuổi.",
         "Đợt tiêm kéo dài đến hết tháng 9 năm 2025, tại hội trường thôn Đông.",
         "Phụ huynh mang theo sổ tiêm chủng của trẻ khi đến tiêm."]
CONTACT_VI = ["ỦY BAN NHÂN DÂN XÃ TÂN LẬP, HUYỆN TÂN SƠN, TỈNH PHÚ THỌ",
              "Địa chỉ: Khu trung tâm hành chính xã, thôn Đông, xã Tân Lập, huyện Tân Sơn, tỉnh Phú Thọ - "
              "Điện thoại: 0210.3851.234, Fax: 0210.3851.235",
              "Email: ubnd.tanlap@example.gov.vn",
              "Chịu trách nhiệm nội dung: Ông Nguyễn Văn Bình, Chủ tịch Ủy ban nhân dân xã Tân Lập"]
CT_EN = ["The village surgery will give free flu jabs at the library on Thursday.",
         "The clinic runs every weekday until the end of October.",
         "No appointment is needed, just bring your health card."]
CONTACT_EN = ["MILLBROOK TOWN COUNCIL, COUNTY OF DUTCHESS, STATE OF NEW YORK",
              "Address: Town Hall, 120 Main Street, Suite 4, Millbrook, New York 12545 - Phone: (845) 555-0142, "
              "Fax: (845) 555-0143",
              "Email: clerk@millbrook.example.gov",
              "Office hours: Monday to Friday, 8:30 in the morning to 4:30 in the afternoon, closed on holidays"]


def _with_contact_box(head: str, paras, contact, title: str, lang: str) -> str:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            '<div class="header"><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức'
            f'</a></li></ul></div><div class="container">{head}<div class="noidung">{_paras(paras)}</div></div>'
            '<div class="bottom"><div class="info">\n' + "\n".join(f"<p>{c}</p>" for c in contact) + '\n</div></div>'
            '</body></html>')


@pytest.mark.parametrize("headline, paras, contact, title, lang, url", [
    ("Tiêm vắc xin sởi cho trẻ em", CT_VI, CONTACT_VI, "Cổng thông tin điện tử xã Tân Lập", "vi",
     "https://tanlap.example.gov.vn/tin-tuc/tiem-vac-xin-soi-123.html"),
    ("Free flu jabs at the library", CT_EN, CONTACT_EN, "Town of Millbrook", "en",
     "https://www.millbrook.example.gov/news/free-flu-jabs"),
], ids=["vi", "en"])
def test_the_site_s_contact_box_is_not_the_article(headline, paras, contact, title, lang, url):
    head = f'<div class="tieude">{headline}</div><div class="ngay">14/08/2025</div>'
    a = _article(_with_contact_box(head, paras, contact, title, lang), url)
    assert a.headline == headline
    assert a.body == "\n\n".join(paras)


def test_on_the_contact_page_the_contact_box_is_the_text():
    page = _with_contact_box("<h1>Liên hệ</h1>", ["Mọi thông tin xin liên hệ:"], CONTACT_VI,
                             "Liên hệ - Cổng thông tin điện tử xã Tân Lập", "vi")
    a = _article(page, "https://tanlap.example.gov.vn/lien-he")
    assert a.body == "\n\n".join(CONTACT_VI)


# -- 9. a date line opening a body that starts right under the headline ---------------------------

DL_VI = ["Ngày 10/10/2025, Ủy ban nhân dân xã Tân Lập tổ chức hội nghị đối thoại với nông dân về chính sách hỗ trợ "
         "chuyển đổi cây trồng.",
         "Tại hội nghị, nhiều ý kiến đề nghị xã hỗ trợ giống, phân bón và kết nối tiêu thụ sản phẩm cho các hộ "
         "chuyển đổi sang trồng cây ăn quả.",
         "Lãnh đạo xã đã giải đáp trực tiếp 14 ý kiến và giao các bộ phận chuyên môn tiếp tục tổng hợp, báo cáo "
         "cấp trên."]
DL_EN = ["On 10 October the village council held an open meeting with farmers about support for switching from rice "
         "to fruit trees.",
         "Many farmers asked for help with seedlings and fertiliser, and for contacts with buyers of the fruit once "
         "the trees bear.",
         "The council answered fourteen questions on the spot and promised written answers to the rest within a month."]


def _dateline_page(headline: str, paras, dateline: str, lang: str) -> str:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Xã Tân Lập</title></head><body>'
            '<div class="menu"><a href="/">Trang chủ</a> | <a href="/tin-tuc">Tin tức</a></div>'
            f'<div class="main"><h2 class="title">{headline}</h2><div class="content"><p>{dateline}</p>'
            f'{_paras(paras)}</div></div></body></html>')


@pytest.mark.parametrize("dateline, stamp", [("13/10/2025 07:30", "2025-10-13T07:30:00+07:00"),
                                             ("Thứ Hai, 13/10/2025", "2025-10-13T00:00:00+07:00")])
def test_a_date_line_opening_the_body_under_the_headline_is_the_date(dateline, stamp):
    a = _article(_dateline_page("Đối thoại với nông dân về chuyển đổi cây trồng", DL_VI, dateline, "vi"),
                 "https://tanlap.example.gov.vn/tin-tuc/doi-thoai-voi-nong-dan.html")
    assert a.published_at == stamp                    # not the '10/10/2025' of the first sentence, nor none
    assert a.body == "\n\n".join(DL_VI)


def test_a_date_line_opening_an_english_body_is_the_date():
    a = _article(_dateline_page("Council meets farmers on switch to fruit trees", DL_EN, "13.10.2025 07:30", "en"),
                 "https://www.millbrook.example.org/news/council-meets-farmers")
    assert (a.published_at or "")[:16] == "2025-10-13T07:30"
    assert a.body == "\n\n".join(DL_EN)


# -- 10. <abbr title> dates: a social network's relative time, hAtom's zoned ISO --------------------

FB_VI = ["Tối 2/11, Đoàn Thanh niên xã Tân Lập tổ chức chương trình văn nghệ gây quỹ ủng hộ đồng bào vùng lũ với sự "
         "tham gia của hơn 300 đoàn viên, thanh niên.",
         "Chương trình đã quyên góp được hơn 45 triệu đồng cùng nhiều nhu yếu phẩm, sẽ được chuyển đến các xã bị ảnh "
         "hưởng nặng trong tuần tới.",
         "Ban Chấp hành Đoàn xã trân trọng cảm ơn các nhà hảo tâm đã đồng hành cùng chương trình."]
FB_EN = ["Thanks to everyone who came to the charity concert on Sunday night, we raised over two thousand dollars for "
         "families hit by the floods.",
         "The money and the donated supplies will be delivered to the two worst-affected villages next week by our "
         "volunteers.",
         "Special thanks to the school choir and to the bakery on Main Street for the cakes."]


@pytest.mark.parametrize("paras, printed, title, lang, name", [
    (FB_VI, "Hôm qua lúc 19:30", "Chủ Nhật, 2 tháng 11, 2025 lúc 19:30", "vi", "Đoàn xã Tân Lập"),
    (FB_EN, "Yesterday at 7:30 PM", "Sunday, November 2, 2025 at 7:30 PM", "en", "Millbrook Youth Club"),
], ids=["vi", "en"])
def test_a_social_network_post_s_abbr_title_gives_its_whole_date(paras, printed, title, lang, name):
    page = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{name}</title></head><body>'
            f'<div id="globalContainer"><div class="userContentWrapper"><div class="clearfix"><h5><a href="/page">{name}'
            '</a></h5><div class="_5pcp"><a href="/page/posts/1029384756"><abbr data-utime="1762086600" '
            f'title="{title}" class="_5ptz timestamp livetimestamp">{printed}</abbr></a></div></div>'
            f'<div class="userContent">{_paras(paras)}</div><div class="UFIList"><a href="#">Thích</a> '
            '<a href="#">Bình luận</a> <a href="#">Chia sẻ</a></div></div></div></body></html>')
    a = _article(page, "https://www.facebook.example.com/page/posts/1029384756")
    assert a.published_at == "2025-11-02T19:30:00+07:00"
    assert a.body == "\n\n".join(paras)


HATOM_EN = ["We finally moved the greenhouse to the south side of the garden this weekend, after three years of "
            "talking about it.",
            "It took four of us most of Saturday, and we broke only one pane of glass, which the hardware store "
            "replaced the same afternoon.",
            "The tomatoes should get two more hours of sun a day now, so we expect a better harvest next summer."]
HATOM_FR = ["La mairie a inauguré samedi matin le nouveau jardin partagé du quartier des Tilleuls, en présence d'une "
            "centaine d'habitants.",
            "Les vingt parcelles ont été attribuées par tirage au sort, et une liste d'attente est ouverte pour la "
            "saison prochaine.",
            "Un composteur collectif et un récupérateur d'eau de pluie complètent l'installation."]


@pytest.mark.parametrize("headline, paras, lang, by, name, on, title, printed", [
    ("Moving the greenhouse", HATOM_EN, "en", "by", "Martha Reeves", "on", "2008-10-22T23:40:00-07:00",
     "October 22, 2008 11:40 PM"),
    ("Un jardin partagé aux Tilleuls", HATOM_FR, "fr", "par", "Claire Dubois", "le", "2008-10-18T11:15:00+02:00",
     "18 octobre 2008 à 11h15"),
], ids=["en", "fr"])
def test_hatom_s_published_abbr_keeps_its_zone(headline, paras, lang, by, name, on, title, printed):
    page = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Carnet</title></head><body>'
            '<div id="sidebar"><h3>Archives</h3><ul><li><a href="/2008/10/">2008/10</a></li>'
            '<li><a href="/2008/09/">2008/09</a></li></ul></div><div id="content"><div class="hentry">'
            f'<h2 class="entry-title">{headline}</h2><div class="entry-content">{_paras(paras)}</div>'
            f'<p class="byline">{by} <span class="author vcard"><span class="fn">{name}</span></span> {on} '
            f'<abbr class="published" title="{title}">{printed}</abbr></p></div></div></body></html>')
    a = _article(page, "http://carnet.example.org/2008/10/post.html")
    assert a.published_at == title                   # the page's own zone, not Vietnam's
    assert a.headline == headline
    assert a.author == name


# -- 11. 'Thời gian: từ … đến …' in the text is when something happens -----------------------------

EV_HEADLINE = "Thông báo tổ chức tiêm phòng vắc xin cúm gia cầm đợt 2 năm 2025"
EV_VI = ["Thực hiện kế hoạch của Ủy ban nhân dân huyện, Ủy ban nhân dân xã Tân Lập thông báo tổ chức tiêm phòng vắc "
         "xin cúm gia cầm đợt 2 năm 2025 như sau:",
         "Thời gian: từ 7 giờ 30 ngày 10/11/2025 đến hết ngày 20/11/2025.",
         "Địa điểm: tại các thôn, do thú y viên thôn thực hiện tiêm tại hộ gia đình.",
         "Đề nghị các hộ chăn nuôi chủ động nhốt gia cầm để việc tiêm phòng đạt kết quả cao."]
EV_EN = ["The county animal health office will vaccinate poultry against bird flu in all villages this month, free of "
         "charge for small farms.",
         "Date: from 7:30 am on 10 November 2025 to 20 November 2025.",
         "Place: at the farms, by the village veterinary workers.",
         "Farmers are asked to keep their birds indoors on the day of the visit so that every bird can be vaccinated."]


def _notice(headline: str, lines, lang: str, stamp: str | None) -> str:
    after = f'<p class="ngaydang">{stamp}</p>' if stamp else ""
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{headline}</title></head><body>'
            '<div class="menu"><a href="/">Trang chủ</a> | <a href="/thong-bao">Thông báo</a></div>'
            f'<div class="main"><h1>{headline}</h1><div class="noidung">{_paras(lines)}</div>{after}</div></body></html>')


@pytest.mark.parametrize("stamp, published", [(None, None),
                                              ("Ngày đăng: 05/11/2025 08:15", "2025-11-05T08:15:00+07:00")])
def test_a_time_span_in_the_text_is_when_the_event_happens(stamp, published):
    a = _article(_notice(EV_HEADLINE, EV_VI, "vi", stamp),
                 "https://tanlap.example.gov.vn/thong-bao/tiem-phong-cum-gia-cam.html")
    assert a.published_at == published               # never 2025-11-10T07:30
    assert a.body == "\n\n".join(EV_VI)              # the line stays text


@pytest.mark.parametrize("stamp, day", [(None, None), ("Published: 5 November 2025", "2025-11-05")])
def test_a_dated_span_labelled_date_is_when_the_event_happens(stamp, day):
    a = _article(_notice("Free bird flu vaccination for small farms", EV_EN, "en", stamp),
                 "https://www.county.example.gov/notices/bird-flu-vaccination")
    assert (a.published_at[:10] if a.published_at else None) == day
    assert a.body == "\n\n".join(EV_EN)


# -- 12. a signature in a <span> styled bold or italic ---------------------------------------------

SIG_VI = ["Chiều 14/8/2025, Hội Liên hiệp Phụ nữ xã Tân Lập tổ chức hội thi nấu ăn ngon với chủ đề bữa cơm gia "
          "đình Việt.",
          "Hội thi thu hút 9 đội đến từ các chi hội phụ nữ thôn, mỗi đội chế biến ba món ăn từ nguyên liệu địa phương "
          "trong 90 phút.",
          "Kết quả, Ban tổ chức trao giải nhất cho chi hội thôn Đông, giải nhì cho chi hội thôn Bắc và hai giải ba."]
SIG_EN = ["The women's association held its annual cooking contest on Thursday afternoon, on the theme of the "
          "family dinner.",
          "Nine teams from the village branches each cooked three dishes from local produce in ninety minutes.",
          "The East village team won first prize, ahead of the North village team and two shared third places."]


def _signed(paras, last_line: str, lang: str, align: str = "") -> str:
    # an online editor's export: every run a <span>, the signature's own paragraph unaligned
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Xã Tân Lập</title></head><body>'
            '<div class="menu"><a href="/">Trang chủ</a> | <a href="/tin-tuc">Tin tức</a></div>'
            '<div class="main"><h1>Hội thi nấu ăn ngon</h1><div class="date">14/08/2025 16:20</div><div class="content">'
            + "".join(f'<p style="text-align:justify"><span style="font-size:12pt">{p}</span></p>' for p in paras)
            + f'<p dir="ltr"{align}>{last_line}</p></div></div></body></html>')


@pytest.mark.parametrize("style", ["font-weight:bold", "font-weight: 700; font-size:12pt", "font-style: italic"])
@pytest.mark.parametrize("names, paras, lang", [
    ("Trần Thị Hồng Nhung - Lê Minh Tâm", SIG_VI, "vi"),
    ("Hồng Nhung, Minh Tâm, Quốc Toàn", SIG_VI, "vi"),
    ("Mary Collins, Peter Walsh, Anne Byrne", SIG_EN, "en"),
])
def test_a_signature_in_a_bold_or_italic_styled_span_is_the_author(names, paras, lang, style):
    a = _article(_signed(paras, f'<span style="{style}">{names}</span>', lang),
                 "https://tanlap.example.gov.vn/tin-tuc/hoi-thi-nau-an-ngon.html")
    assert a.author == names
    assert a.body == "\n\n".join(paras)


def test_the_same_names_in_a_plain_span_stay_text():
    names = "Trần Thị Hồng Nhung - Lê Minh Tâm"
    a = _article(_signed(SIG_VI, f'<span style="font-size:12pt">{names}</span>', "vi"),
                 "https://tanlap.example.gov.vn/tin-tuc/hoi-thi-nau-an-ngon.html")
    assert a.author is None
    assert a.body == "\n\n".join([*SIG_VI, names])


# -- 13. a civil servant's post after the name in a signature ---------------------------------------
# (the record keeps the writer's post or unit after the dash, as it does for 'BS.CKII X - Khoa Y')

POSTS = ["Nguyễn Thị Ngọc Trinh - Công chức Văn hóa - Xã hội", "Lê Văn Hải - Cán bộ Văn phòng Đảng ủy",
         "Trần Minh Tuấn - Chuyên viên Phòng Văn hóa - Thông tin", "Phạm Thu Hà - Viên chức Trung tâm Dịch vụ nông nghiệp",
         "Hoàng Thị Lan - Giáo viên Trường Tiểu học Tân Lập", "Đỗ Văn Nam - Công chức Tư pháp - Hộ tịch"]


@pytest.mark.parametrize("signer", POSTS)
@pytest.mark.parametrize("wrap", ["<strong>{}</strong>", "<em>{}</em>"])
def test_a_civil_servant_s_signature_with_her_post_is_the_author(signer, wrap):
    a = _article(_signed(SIG_VI, wrap.format(signer), "vi", ' style="text-align:right"'),
                 "https://tanlap.example.gov.vn/tin-tuc/hoi-thi-nau-an-ngon.html")
    assert a.author == signer
    assert a.body == "\n\n".join(SIG_VI)


@pytest.mark.parametrize("line", [*POSTS, "Nguyễn Thị Ngọc Trinh, Công chức Văn hóa - Xã hội",
                                  "Lê Văn Hải - Văn thư Ủy ban nhân dân xã"])
def test_split_signature_reads_a_name_and_a_civil_servant_s_post(line):
    sig = split_signature(line)
    assert sig is not None and sig.author == line and sig.source is None


# -- 14. an imported post's old view count, and NukeViet's count inside the text --------------------

NV = ["Sáng 14/8/2025, Đảng ủy xã Tân Lập tổ chức hội nghị sơ kết 6 tháng đầu năm thực hiện Nghị quyết Đại hội "
      "Đảng bộ xã nhiệm kỳ 2020 - 2025.",
      "Trong 6 tháng, tổng giá trị sản xuất trên địa bàn đạt hơn 320 tỷ đồng, thu ngân sách đạt 68% dự toán, không "
      "còn hộ đói, tỷ lệ hộ nghèo giảm còn 2,1%.",
      "Hội nghị đã thảo luận, thống nhất các giải pháp trọng tâm để hoàn thành các chỉ tiêu nghị quyết trong 6 "
      "tháng cuối năm."]
NV_HEADLINE = "Sơ kết 6 tháng thực hiện Nghị quyết Đại hội Đảng bộ xã"
NV_URL = "https://tanlap.example.gov.vn/news/tin-hoat-dong/so-ket-6-thang-thuc-hien-nghi-quyet-1432.html"


def _nukeviet(inside: str, own_views: int | None) -> str:
    own = f'<li><span class="hitstotal">Lượt xem: {own_views}</span></li>' if own_views else ""
    return ('<html lang="vi"><head><meta charset="utf-8"><meta name="generator" content="NukeViet v4.5">'
            f'<title>{NV_HEADLINE} - Cổng thông tin điện tử xã Tân Lập</title></head><body>'
            '<ul class="breadcrumbs"><li><a href="/">Trang nhất</a></li><li><a href="/news/">Tin Tức</a></li>'
            '<li><a href="/news/tin-hoat-dong/">Tin hoạt động</a></li></ul>'
            '<div class="news_column panel panel-default"><div class="panel-body">'
            f'<h1 class="title margin-bottom-lg" itemprop="headline">{NV_HEADLINE}</h1>'
            f'<div class="row"><ul class="list-inline"><li><span class="h5">Thứ năm - 14/08/2025 16:20</span></li>{own}'
            f'</ul></div><div id="news-bodyhtml" class="bodytext margin-bottom-lg">{_paras(NV)}{inside}</div>'
            '<p class="h5 text-right"><strong>Tác giả: </strong>Văn phòng Đảng ủy</p></div></div></body></html>')


@pytest.mark.parametrize("inside", ['<p style="text-align:right"><em>Lượt xem trên trang cũ: 2,315</em></p>',
                                    "<p>Lượt xem trên trang cũ: 2.315</p>"])
@pytest.mark.parametrize("own_views", [128, None])
@pytest.mark.parametrize("profile", [None, "generic"])
def test_the_old_site_s_view_count_in_an_imported_text_is_neither_text_nor_the_count(profile, own_views, inside):
    a = _article(_nukeviet(inside, own_views), NV_URL, profile)
    assert a.headline == NV_HEADLINE
    assert a.published_at == "2025-08-14T16:20:00+07:00"
    assert a.author == "Văn phòng Đảng ủy"
    assert a.body == "\n\n".join(NV)
    assert a.view_count == own_views


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_nukeviet_view_count_inside_the_text_is_no_line_and_the_theme_s_count_wins(profile):
    a = _article(_nukeviet('<div class="text-right">Lượt xem: 2.315</div>', 128), NV_URL, profile)
    assert a.body == "\n\n".join(NV)
    assert a.view_count == 128


# -- 15. raw WordPress shortcodes left in the text -------------------------------------------------

WP_VI = ["Sáng 14/8/2025, Ban An toàn giao thông xã phối hợp Công an xã ra quân tuyên truyền, nhắc nhở người dân "
         "đội mũ bảo hiểm khi tham gia giao thông.",
         "Lực lượng ra quân đã phát 500 tờ rơi, tặng 120 mũ bảo hiểm cho học sinh và nhắc nhở 34 trường hợp không "
         "đội mũ bảo hiểm.",
         "Đợt tuyên truyền sẽ tiếp tục đến hết tháng 9, tập trung tại các tuyến đường gần trường học."]
WP_CAPTION_VI = "Lực lượng ra quân tặng mũ bảo hiểm cho học sinh"
WP_EN = ["Volunteers from the residents' association cleared litter from the river bank on Saturday, filling more "
         "than sixty bags in three hours.",
         "The council lent gloves and litter pickers, and collected the bags on Monday morning.",
         "The association plans a second clean-up in October, after the summer festival."]
WP_CAPTION_EN = "Volunteers on the east bank, near the old mill"
WP_IMG = ('<img class="size-full wp-image-12" src="/wp-content/uploads/2025/08/anh12.jpg" alt="" width="600" '
          'height="400" />')


def _shortcoded_vi(code: str) -> str:
    return ('<html lang="vi"><head><meta charset="utf-8"><title>Ra quân tuyên truyền đội mũ bảo hiểm</title></head>'
            '<body><div class="menu"><a href="/">Trang chủ</a> | <a href="/tin-tuc">Tin tức</a></div>'
            '<div class="main"><h1>Ra quân tuyên truyền đội mũ bảo hiểm</h1><div class="date">14/08/2025 16:20</div>'
            f'<div class="content"><p>{WP_VI[0]}</p>{code}<p>{WP_VI[1]}</p><p>{WP_VI[2]}</p></div></div></body></html>')


@pytest.mark.parametrize("code, caption", [
    (f'<p>[caption id="attachment_12" align="aligncenter" width="600"]{WP_IMG} {WP_CAPTION_VI}[/caption]</p>',
     WP_CAPTION_VI),
    (f'[caption id="attachment_12" align="aligncenter" width="600"]{WP_IMG} {WP_CAPTION_VI}[/caption]', WP_CAPTION_VI),
    (f'<p>[caption id="attachment_12" align="alignnone" width="600"]{WP_IMG}[/caption]</p>', None),
    ('<p>[gallery ids="12,13,14" columns="3"]</p>', None),
])
def test_raw_wordpress_shortcodes_are_removed_from_the_text(code, caption):
    a = _article(_shortcoded_vi(code), "https://tanlap.example.gov.vn/tin-tuc/ra-quan-mu-bao-hiem.html")
    assert a.body == "\n\n".join([WP_VI[0], *([caption] if caption else []), *WP_VI[1:]])


def test_a_raw_caption_shortcode_in_a_wordpress_post():
    code = f'<p>[caption id="attachment_12" align="aligncenter" width="600"]{WP_IMG} {WP_CAPTION_EN}[/caption]</p>'
    page = ('<html lang="en-GB"><head><meta charset="utf-8"><meta name="generator" content="WordPress 6.5">'
            '<title>River bank clean-up &#8211; Millbrook Residents</title></head><body class="single">'
            '<header class="site-header"><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>'
            '<main><article class="post type-post hentry"><h1 class="entry-title">River bank clean-up</h1>'
            '<div class="entry-meta"><time class="entry-date published" datetime="2025-08-16T18:05:00+01:00">'
            f'16 August 2025</time></div><div class="entry-content"><p>{WP_EN[0]}</p>{code}<p>{WP_EN[1]}</p>'
            f'<p>{WP_EN[2]}</p></div></article></main></body></html>')
    a = _article(page, "https://millbrookresidents.example.org.uk/2025/08/river-bank-clean-up/")
    assert a.published_at == "2025-08-16T18:05:00+01:00"
    assert a.body == "\n\n".join([WP_EN[0], WP_CAPTION_EN, *WP_EN[1:]])


# -- 16. typed bullets at the start of lines -------------------------------------------------------

BL_LEAD = ("Để chủ động ứng phó với mùa mưa bão năm 2025, Ủy ban nhân dân xã yêu cầu các thôn tập trung thực hiện "
           "các nhiệm vụ sau:")
BL_ITEMS = ["Rà soát, lập danh sách các hộ dân sống ở vùng trũng thấp, ven sông có nguy cơ ngập lụt.",
            "Chuẩn bị đầy đủ phương tiện, vật tư theo phương châm bốn tại chỗ.",
            "Tổ chức trực ban 24/24 giờ trong thời gian có bão, lũ."]
BL_END = "Ủy ban nhân dân xã yêu cầu các thôn nghiêm túc triển khai, báo cáo kết quả trước ngày 30/8/2025."
BL_LEAD_EN = "Ahead of the storm season, the council asks every ward to complete the following tasks by the end of the month:"
BL_ITEMS_EN = ["List the households living in low-lying areas along the river.",
               "Check the pumps, sandbags and boats held by each ward.",
               "Keep a duty officer on call day and night while a storm warning is in force."]
BL_END_EN = "Wards are asked to report back to the council office by 30 August."
# Word's list pasted as paragraphs: the Symbol font's bullet, then a run of spaces in a 7pt span
WORD_ITEM = ('<p class="MsoListParagraphCxSpMiddle" style="margin-left:.5in;text-indent:-.25in">'
             '<span style="font-family:Symbol">·</span><span style="font:7.0pt &quot;Times New Roman&quot;">'
             '&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>{}</p>')


def _bulleted(lead: str, items, end: str, item: str, lang: str) -> str:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Xã Tân Lập</title></head><body>'
            '<div class="menu"><a href="/">Trang chủ</a> | <a href="/tin-tuc">Tin tức</a></div>'
            '<div class="main"><h1>Chủ động ứng phó mùa mưa bão</h1><div class="date">14/08/2025 16:20</div>'
            f'<div class="content"><p>{lead}</p>' + "".join(item.format(i) for i in items)
            + f'<p>{end}</p></div></div></body></html>')


@pytest.mark.parametrize("item", ["<p>• {}</p>", "<p>● {}</p>", "<p>▪ {}</p>", "<p>◦ {}</p>", "<p>· {}</p>",
                                  WORD_ITEM])
def test_typed_bullets_are_stripped_from_the_lines(item):
    a = _article(_bulleted(BL_LEAD, BL_ITEMS, BL_END, item, "vi"),
                 "https://tanlap.example.gov.vn/tin-tuc/ung-pho-mua-mua-bao.html")
    assert a.body == "\n\n".join([BL_LEAD, *BL_ITEMS, BL_END])


@pytest.mark.parametrize("item", ["<p>• {}</p>", "<p>▪ {}</p>", WORD_ITEM])
def test_typed_bullets_are_stripped_from_english_lines(item):
    a = _article(_bulleted(BL_LEAD_EN, BL_ITEMS_EN, BL_END_EN, item, "en"), "https://www.riverton.example.gov/news/storm-season")
    assert a.body == "\n\n".join([BL_LEAD_EN, *BL_ITEMS_EN, BL_END_EN])
