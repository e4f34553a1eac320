"""The classes of VN set 26 and world set 23 (both blind), each on a small page of its own: a Wayback
Machine capture whose inserted toolbar opens a hidden <div> it never closes, an archive.today capture
printed in inline styles alone (a bold lead, a footer of <br>-parted lines), a Joomla page whose
headline is printed only in its <title> ('A - B - <site>'), reposts on a merged province's portal
(the original's day in a note, a box or a closing line), a profile's body closing with the writer's
labelled line, and the Finnish text credit ('Teksti: Laura Niemi')."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

VI = ["Sáng ngày 07/5, Ủy ban nhân dân huyện tổ chức hội nghị triển khai kế hoạch phòng, chống thiên tai "
      "và tìm kiếm cứu nạn năm 2019 với sự tham dự của lãnh đạo các phòng, ban và các xã, thị trấn.",
      "Theo báo cáo, trong năm 2018 trên địa bàn huyện xảy ra 3 đợt mưa lớn kéo dài, làm sạt lở nhiều "
      "đoạn đường giao thông nông thôn và hư hỏng 12 ngôi nhà của người dân.",
      "Phát biểu kết luận, Phó Chủ tịch Ủy ban nhân dân huyện yêu cầu các địa phương chủ động rà soát "
      "phương án sơ tán dân ở vùng trũng thấp trước mùa mưa bão."]


# 1. a Wayback Machine capture: the toolbar's hidden <div> is never closed --------------------------

_TOOLBAR = ('<!-- BEGIN WAYBACK TOOLBAR INSERT -->'
            '<script type="text/javascript" src="/_static/js/wombat.js"></script>'
            '<div id="wm-ipp-base" style="display:none">'
            '<div id="wm-ipp"><table id="wm-ipp-inside"><tr>'
            '<td class="c"><a href="https://web.archive.org/web/20190508021500*/http://huyen.example.gov.vn/">'
            '14 captures</a><div id="wm-nav-captures">07 Jun 2018 - 22 Jun 2025</div></td>'
            '<td><table><tr><td class="b"><a href="https://web.archive.org/web/20190416000000/http://huyen.example.gov.vn/">APR</a></td>'
            '<td class="c">MAY</td><td class="f"><a href="https://web.archive.org/web/20190611000000/http://huyen.example.gov.vn/">JUN</a></td></tr>'
            '<tr><td>16</td><td>08</td><td>11</td></tr><tr><td>2018</td><td>2019</td><td>2020</td></tr></table></td>'
            '</tr></table></div>'
            '<!-- END WAYBACK TOOLBAR INSERT -->')


def _wayback() -> bytes:
    paras = "".join(f'<p style="text-align: justify;">{p}</p>' for p in VI)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Cổng thông tin điện tử huyện Tam Nông'
            '</title></head><body>' + _TOOLBAR +
            '<table width="980" cellpadding="0" cellspacing="0" align="center"><tr><td colspan="2">'
            '<img src="/web/20190508021500im_/http://huyen.example.gov.vn/images/banner.jpg" alt=""></td></tr>'
            '<tr><td width="200" valign="top"><a href="/web/20190508021500/http://huyen.example.gov.vn/">'
            'Trang chủ</a><br><a href="/web/20190508021500/http://huyen.example.gov.vn/tin-tuc">Tin tức</a>'
            '</td><td valign="top">'
            '<table width="100%"><tr><td><font color="#666666">Thứ Ba, 07/05/2019, 15:30</font></td></tr>'
            '<tr><td><font size="4" color="#003399"><b>Huyện triển khai kế hoạch phòng, chống thiên tai '
            'năm 2019</b></font></td></tr>'
            f'<tr><td>{paras}'
            '<p align="right"><b>Minh Tuấn</b></p></td></tr>'
            '<tr><td align="right"><i>Số lượt người xem: 1.215</i></td></tr></table>'
            '</td></tr><tr><td colspan="2" align="center">Bản quyền thuộc Ủy ban nhân dân huyện Tam Nông'
            '</td></tr></table></body></html>').encode()


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_wayback_capture_is_read_without_its_toolbar(profile):
    a = parse_page(_wayback(), "https://web.archive.org/web/20190508021500/http://huyen.example.gov.vn/"
                   "tin-tuc/trien-khai-ke-hoach-phong-chong-thien-tai-2019.html", {}, profile=profile).article
    assert a.headline == "Huyện triển khai kế hoạch phòng, chống thiên tai năm 2019"
    assert a.published_at == "2019-05-07T15:30:00+07:00"     # (not the capture calendar's dates)
    assert a.view_count == 1215
    assert a.author == "Minh Tuấn"
    assert a.body == "\n\n".join(VI)


# 2. an archive.today capture: inline styles alone, a bold lead, a footer of <br>-parted lines -------

_LEAD = ("Chiều ngày 12/8, Ban Chỉ đạo phổ cập giáo dục huyện tổ chức hội nghị tổng kết năm học "
         "2022 - 2023 và triển khai nhiệm vụ trọng tâm năm học mới 2023 - 2024 cho các trường trên "
         "địa bàn toàn huyện.")
_TEXT = ["Năm học vừa qua, toàn huyện có 42 trường được công nhận đạt chuẩn quốc gia, tăng 5 trường so "
         "với năm học trước; tỷ lệ học sinh hoàn thành chương trình tiểu học đạt 99,8%.",
         "Tại hội nghị, các đại biểu đã thảo luận về giải pháp nâng cao chất lượng dạy học ngoại ngữ và "
         "tin học ở các trường vùng núi, nơi còn thiếu giáo viên và thiết bị.",
         "Dịp này, Ủy ban nhân dân huyện tặng giấy khen cho 15 tập thể và 28 cá nhân có thành tích xuất "
         "sắc trong năm học 2022 - 2023."]


def _archive_today() -> bytes:
    text = "".join(f'<p style="text-align:justify;margin:0 0 10px">{p}</p>' for p in _TEXT)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Cổng thông tin điện tử huyện Tiên Phước'
            '</title></head><body style="margin:0;background:#fff"><div style="width:1000px;margin:0 auto">'
            '<div style="height:120px;background:#0a5ca8;color:#fff;font-size:26px">'
            'CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN TIÊN PHƯỚC</div>'
            '<div style="padding:8px;background:#eee"><a href="https://archive.ph/o/Kq3zT/http://tienphuoc.example.gov.vn/">'
            'Trang chủ</a> | <a href="https://archive.ph/o/Kq3zT/http://tienphuoc.example.gov.vn/tin-tuc">Tin tức</a></div>'
            '<div style="padding:15px">'
            '<div style="font-size:18px;font-weight:bold;color:#0a5ca8">Huyện tổng kết năm học 2022 - 2023 '
            'và triển khai nhiệm vụ năm học mới</div>'
            '<div style="color:#888;font-size:12px;margin:6px 0">Ngày đăng: 14/08/2023 10:15</div>'
            f'<div style="font-weight:bold;margin-bottom:10px">{_LEAD}</div>'
            f'<div style="font-size:14px;line-height:1.5">{text}</div></div>'
            '<div style="background:#0a5ca8;color:#fff;padding:10px;text-align:center">'
            'CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN TIÊN PHƯỚC<br>Cơ quan chủ quản: Ủy ban nhân dân huyện Tiên Phước - '
            'Địa chỉ: 01 Trần Phú, thị trấn Tiên Kỳ, huyện Tiên Phước, tỉnh Quảng Nam<br>'
            'Điện thoại: 0235.3884.236 - Fax: 0235.3884.237</div>'
            '</div></body></html>').encode()


@pytest.mark.parametrize("profile", [None, "generic"])
def test_an_archive_today_capture_in_inline_styles(profile):
    a = parse_page(_archive_today(), "https://archive.ph/Kq3zT", {}, profile=profile).article
    assert a.headline == "Huyện tổng kết năm học 2022 - 2023 và triển khai nhiệm vụ năm học mới"
    assert a.summary == _LEAD
    assert a.body == "\n\n".join([_LEAD, *_TEXT])
    assert "Điện thoại" not in a.body and "Cơ quan chủ quản" not in a.body


# 3. Joomla: the headline printed only in <title>, 'A - B - <site>' --------------------------------

_SITE = "Trung tâm Y tế huyện Đức Cơ"
_J_TEXT = ["Thực hiện kế hoạch của Sở Y tế, Trung tâm Y tế huyện thông báo lịch tiêm chủng mở rộng cho trẻ "
           "em dưới 5 tuổi và phụ nữ có thai trong tháng 9 năm 2025 tại các trạm y tế xã.",
           "Phụ huynh mang theo sổ tiêm chủng của trẻ và đến đúng ngày, giờ theo lịch của từng xã; trẻ đang "
           "sốt hoặc mắc bệnh cấp tính sẽ được hẹn tiêm vào đợt sau.",
           "Mọi thắc mắc xin liên hệ khoa Kiểm soát bệnh tật của Trung tâm Y tế huyện trong giờ hành chính."]


def _joomla_title_only(title: str, site_mark: str) -> bytes:
    logo_alt = _SITE if site_mark == "logo" else "logo"
    og = f'<meta property="og:site_name" content="{_SITE}">' if site_mark == "og" else ""
    footer = f'<p>{_SITE}</p>' if site_mark == "footer" else ""
    text = "".join(f"<p>{p}</p>" for p in _J_TEXT)
    return ('<!DOCTYPE html><html lang="vi-vn"><head><meta charset="utf-8"><meta name="generator" '
            f'content="Joomla! - Open Source Content Management"><title>{title}</title>{og}</head><body>'
            '<header class="header"><div class="header-inner"><a class="brand" href="/">'
            f'<img src="/images/logo.png" alt="{logo_alt}"></a>'
            '<span class="site-description">Chăm sóc sức khỏe nhân dân là nhiệm vụ hàng đầu của chúng tôi, '
            'vì một cộng đồng khỏe mạnh và hạnh phúc.</span></div></header>'
            '<nav><ul class="nav menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li>'
            '</ul></nav><main id="content"><div class="item-page"><dl class="article-info">'
            '<dd class="published"><time datetime="2025-08-28T09:00:00+07:00">28/08/2025</time></dd></dl>'
            f'<div itemprop="articleBody">{text}</div></div></main>'
            f'<footer class="footer">{footer}<p>Địa chỉ: thị trấn Chư Ty, huyện Đức Cơ, tỉnh Gia Lai</p>'
            '</footer></body></html>').encode()


@pytest.mark.parametrize("profile", [None, "generic"])
@pytest.mark.parametrize("site_mark", ["logo", "og", "footer"])
def test_a_title_of_three_parts_ending_with_the_sites_name(profile, site_mark):
    title = f"Lịch tiêm chủng mở rộng tháng 9/2025 - các xã Ia Dom, Ia Kla, Ia Lang - {_SITE}"
    a = parse_page(_joomla_title_only(title, site_mark), "https://ttytducco.example.gov.vn/index.php/tin-tuc/"
                   "214-lich-tiem-chung-thang-9-2025", {}, profile=profile).article
    assert a.headline == "Lịch tiêm chủng mở rộng tháng 9/2025 - các xã Ia Dom, Ia Kla, Ia Lang"
    assert a.summary == _J_TEXT[0]      # (not the site's description under the logo)
    assert a.body == "\n\n".join(_J_TEXT)


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_listing_pages_title_is_not_joined_as_a_headline(profile):
    """Guard: 'Sự kiện - Trang 2 - <site>' names a listing page, not an article."""
    a = parse_page(_joomla_title_only(f"Sự kiện - Trang 2 - {_SITE}", "logo"),
                   "https://ttytducco.example.gov.vn/index.php/su-kien?start=10", {}, profile=profile).article
    assert a.headline != "Sự kiện - Trang 2"


# 4. reposts on a merged province's portal: the original's day ------------------------------------

_R_TEXT = ["Ngày 02/5, Hội Nông dân huyện phối hợp với Ngân hàng Chính sách xã hội tổ chức lớp tập huấn "
           "kỹ thuật chăn nuôi bò vỗ béo cho 60 hội viên nông dân các xã vùng đồng bào dân tộc thiểu số.",
           "Tại lớp tập huấn, các hội viên được hướng dẫn cách chọn giống, làm chuồng trại, phòng bệnh và "
           "chế biến thức ăn từ phụ phẩm nông nghiệp để giảm chi phí chăn nuôi.",
           "Kết thúc lớp học, nhiều hội viên đã đăng ký vay vốn ưu đãi để mở rộng quy mô chăn nuôi trong "
           "năm 2025."]


def _liferay(meta: str, lead: str = "", tail: str = "") -> bytes:
    text = "".join(f'<p style="text-align:justify">{p}</p>' for p in _R_TEXT)
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tập huấn chăn nuôi bò vỗ béo'
            '</title></head><body><a href="#main-content">Truy cập nội dung luôn</a>'
            '<div id="column-1"><div class="portlet-boundary" id="p_p_id_101_INSTANCE_abcd_">'
            '<div class="asset-full-content"><div class="taglib-header"><h3 class="header-title">'
            'Tập huấn kỹ thuật chăn nuôi bò vỗ béo cho hội viên nông dân</h3></div>'
            f'{meta}<div class="journal-content-article">{lead}{text}{tail}</div>'
            '</div></div></div><div class="footer">Cổng thông tin điện tử tỉnh</div></body></html>').encode()


_URL = "https://tinh.example.gov.vn/web/portal/-/asset_publisher/AbCd/content/tap-huan-chan-nuoi-bo"


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_repost_note_names_the_originals_day(profile):
    note = ("(Bài viết được đăng lại từ Cổng thông tin điện tử huyện Krông Bông (cũ). Ngày đăng gốc: "
            "Thứ Sáu, 02/05/2025 16:45.)")
    page = _liferay('<p class="date_post">(Thứ ba, 15/07/2025 09:10)</p>', lead=f"<p><em>{note}</em></p>",
                    tail='<p style="text-align:right"><strong>Hồng Nhung</strong></p>')
    a = parse_page(page, _URL, {}, profile=profile).article
    assert a.published_at == "2025-05-02T16:45:00+07:00"
    assert a.author == "Hồng Nhung"
    assert a.body == "\n\n".join(_R_TEXT)


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_box_of_the_originals_details(profile):
    box = ('<div><b>Thông tin bài gốc</b><br>Nguồn: Cổng TTĐT huyện Ea Súp (cũ)<br>Ngày đăng gốc: 12/03/2025'
           '<br>Địa chỉ gốc: <a href="http://easup.example.gov.vn/tin-tuc/tap-huan-chan-nuoi">'
           'http://easup.example.gov.vn/tin-tuc/tap-huan-chan-nuoi</a></div>')
    page = _liferay('<p class="date_post">(Thứ tư, 16/07/2025 08:00)</p>',
                    tail='<p style="text-align:right"><strong>Hồng Nhung</strong></p>' + box)
    a = parse_page(page, _URL, {}, profile=profile).article
    assert a.published_at == "2025-03-12T00:00:00+07:00"
    assert a.source == "Cổng TTĐT huyện Ea Súp (cũ)"
    assert a.author == "Hồng Nhung"
    assert a.body == "\n\n".join(_R_TEXT)


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_closing_line_reposted_from_a_paper(profile):
    page = _liferay('<p class="date_post">(Thứ năm, 17/07/2025 14:20)</p>',
                    tail='<p style="text-align:right"><strong>Hoàng Anh</strong></p>'
                         '<p><em>Bài đăng lại từ Báo Đắk Lắk, xuất bản lúc 2025-06-30 17:05:00.</em></p>')
    a = parse_page(page, _URL, {}, profile=profile).article
    assert a.published_at == "2025-06-30T17:05:00+07:00"
    assert a.author == "Hoàng Anh"
    assert a.body == "\n\n".join(_R_TEXT)


EN = ["City council members voted 7-2 on Monday night to approve a new zoning plan that would allow "
      "taller apartment buildings near the downtown transit station.",
      "Supporters said the plan would ease the region's housing shortage, while opponents warned of "
      "traffic and the loss of the neighborhood's historic character.",
      "The plan now goes to the mayor, who has said she will sign it before the end of the month."]


@pytest.mark.parametrize("profile", [None, "generic"])
def test_an_original_day_that_is_the_same_day_keeps_the_time_found(profile):
    """Guard: 'Originally published March 1, 2021' on the day of the machine date keeps its time and zone."""
    page = ('<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8"><title>Council approves zoning plan'
            '</title><meta property="article:published_time" content="2021-03-01T19:30:00-05:00"></head><body>'
            '<main><article><h1>Council approves zoning plan for taller buildings near transit</h1>'
            '<p class="byline">By Dana Whitfield</p>'
            '<p class="note"><em>Originally published March 1, 2021</em></p>'
            f'{"".join(f"<p>{p}</p>" for p in EN)}</article></main></body></html>').encode()
    a = parse_page(page, "https://www.example-herald.com/news/2021/03/01/council-zoning-plan/", {},
                   profile=profile).article
    assert a.published_at == "2021-03-01T19:30:00-05:00"


# 5. a profile's body closing with the writer's labelled line --------------------------------------

_CREDIT = ('<p style="text-align:right;"><strong>Tác giả: </strong>Trung tá Nguyễn Văn A, Thượng úy Lê Thị B'
           '</p>')
_MIL = ["Thực hiện kế hoạch huấn luyện năm 2025, Ban Chỉ huy Quân sự huyện tổ chức diễn tập chiến đấu phòng "
        "thủ cho lực lượng dân quân tự vệ của 6 xã trong khu vực phòng thủ then chốt.",
        "Qua hai ngày diễn tập, các lực lượng đã phối hợp nhịp nhàng, xử lý tốt các tình huống giả định về "
        "bảo vệ mục tiêu, phòng chống cháy rừng và cứu hộ, cứu nạn.",
        "Kết thúc diễn tập, Ban Chỉ huy Quân sự huyện đánh giá cuộc diễn tập đạt loại giỏi, bảo đảm an toàn "
        "tuyệt đối về người và vũ khí, trang bị."]


def _tandan() -> bytes:
    text = "".join(f'<p style="text-align:justify;">{p}</p>' for p in _MIL)
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Diễn tập chiến đấu phòng thủ'
            '</title></head><body><form id="aspnetForm"><div class="tandan-div-breadcrumb"><a href="/">Trang chủ'
            '</a> <a class="tandan-a-category" href="/portal/Pages/Quoc-phong.aspx">Quốc phòng - An ninh</a></div>'
            '<div class="tandan-div-article"><h1 class="tandan-h1-article-title">Diễn tập chiến đấu phòng thủ '
            'cụm xã năm 2025</h1><span class="tandan-span-date-publish">14/07/2025 10:00</span>'
            '<div class="tandan-div-article-content"><div class="ms-rtestate-field">'
            f'{text}{_CREDIT}</div></div></div>'
            '<div class="tandan-div-footer">Ban Chỉ huy Quân sự huyện</div></form></body></html>').encode()


@pytest.mark.parametrize("profile", [None, "sharepoint_tandan"])
def test_the_writers_labelled_line_closing_a_profiles_body(profile):
    p = parse_page(_tandan(), "https://bchqs.example.gov.vn/portal/Pages/2025-7-14/Dien-tap-chien-dau-phong-thu"
                   "-cum-xa.aspx", {}, profile=profile)
    assert p.platform == "sharepoint_tandan"
    assert p.article.author == "Trung tá Nguyễn Văn A, Thượng úy Lê Thị B"
    assert p.article.body == "\n\n".join(_MIL)


# 6. world: the Finnish text credit ----------------------------------------------------------------

FI = ["Kaupunginvaltuusto hyväksyi maanantaina uuden liikennesuunnitelman, joka muuttaa keskustan "
      "katujen nopeusrajoituksia ensi vuoden alusta alkaen.",
      "Suunnitelman mukaan suurin osa keskustan kaduista muuttuu kolmenkymmenen kilometrin tunnissa "
      "alueeksi, ja pyöräteitä lisätään useille pääkaduille.",
      "Valtuutetut kävivät suunnitelmasta pitkän keskustelun, ja päätös syntyi lopulta äänestyksen "
      "jälkeen selvällä enemmistöllä."]


@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_finnish_text_credit(profile):
    page = ('<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>Valtuusto hyväksyi '
            'liikennesuunnitelman</title></head><body><main><article class="node node--type-article">'
            '<h1 class="node__title">Valtuusto hyväksyi keskustan uuden liikennesuunnitelman</h1>'
            '<div class="node__meta"><p class="node__author">Teksti: Laura Niemi</p>'
            '<time datetime="2024-04-15T12:00:00+03:00">15.4.2024</time></div>'
            f'<div class="node__content">{"".join(f"<p>{p}</p>" for p in FI)}</div></article></main>'
            '</body></html>').encode()
    a = parse_page(page, "https://www.example-kaupunki.fi/uutiset/valtuusto-hyvaksyi-liikennesuunnitelman", {},
                   profile=profile).article
    assert a.author == "Laura Niemi"


def test_a_wayback_capture_with_a_long_head_is_read_without_its_toolbar():
    """The capture's URL says it is one, however long its <head> before the toolbar."""
    style = "<style>" + ".c%d{color:#%06x}" * 600 % tuple(x for i in range(600) for x in (i, i)) + "</style>"
    text = " ".join(["Huyện tổ chức hội nghị tổng kết công tác năm với nhiều kết quả nổi bật trên các lĩnh vực."] * 4)
    html = (f"<html><head><meta charset='utf-8'><title>Hội nghị tổng kết năm 2019</title>{style}</head><body>"
            "<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id='wm-ipp-base' style='display:none'><div id='wm-ipp'>"
            "<a href='/web/*/http://x.gov.vn/'>14 captures</a><div>07 Jun 2018 - 22 Jun 2025</div>"
            "<!-- END WAYBACK TOOLBAR INSERT -->"
            "<table><tr><td class='Time'>Thứ Ba, 07/05/2019, 15:30</td></tr>"
            "<tr><td><p class='Title'><b>Hội nghị tổng kết năm 2019</b></p></td></tr>"
            f"<tr><td><div class='noidung'><p>{text}</p><p>{text}</p></div></td></tr></table></body></html>")
    record = parse_page(html.encode(), "https://web.archive.org/web/20190514083212/http://x.gov.vn/tin/1.aspx",
                        {}, profile="generic").article
    assert record.published_at == "2019-05-07T15:30:00+07:00"
    assert record.body.startswith("Huyện tổ chức hội nghị")


_ARCHIVED_TEXT = ("<p style='margin:0 0 6pt;text-align:justify'><span style='font-size:13pt'>Theo ông Trần Văn Mẫn, "
                  "Chánh Văn phòng HĐND và UBND huyện, toàn bộ 12.406 hồ sơ, tài liệu lưu trữ đã được phân loại, "
                  "lập danh mục và bàn giao đúng quy định.</span></p>"
                  "<p style='margin:0 0 6pt;text-align:justify'><span style='font-size:13pt'>Các xã mới sẽ chính thức "
                  "đi vào hoạt động từ ngày 01/7/2025 theo mô hình chính quyền địa phương hai cấp.</span></p>")
_ARCHIVED_FOOTER = ("<div style='background-color:rgb(0,84,166);color:#fff;text-align:center;padding:12px'>"
                    "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN TIÊN PHƯỚC<br>Cơ quan chủ quản: Ủy ban nhân dân huyện Tiên Phước. "
                    "Địa chỉ: Thị trấn Tiên Kỳ, huyện Tiên Phước, tỉnh Quảng Nam<br>Điện thoại: 0235.3884.236 - Fax: "
                    "0235.3884.112. Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</div>")
_ARCHIVED_HEAD = ("<div style='font-size:12px'><a href='/'>Trang chủ</a> &gt; <a href='/tt'>Tin tức - Sự kiện</a></div>"
                  "<div style='font-size:18px;font-weight:bold;color:rgb(0,84,166)'>Tiên Phước hoàn tất bàn giao trụ sở, "
                  "hồ sơ cho các xã mới</div><div style='font-size:12px;color:#777'><span style='font-style:italic'>"
                  "Thứ Bảy, 28/06/2025 07:15</span>&nbsp;&nbsp;<span style='font-style:italic'>Lượt xem: 2.046</span></div>"
                  "<div style='font-weight:bold;text-align:justify'><span>Đến ngày 27/6/2025, huyện Tiên Phước đã hoàn tất "
                  "bàn giao trụ sở, trang thiết bị và hồ sơ lưu trữ cho 4 xã mới thành lập trên địa bàn huyện theo đúng "
                  "kế hoạch.</span></div>")


@pytest.mark.parametrize("layout", [
    f"<div style='float:left;width:720px'>{_ARCHIVED_HEAD}<div style='text-align:justify'>{_ARCHIVED_TEXT}</div>"
    f"{_ARCHIVED_FOOTER}</div>",                                   # the footer inside the text's block
    f"<div style='float:left;width:720px'>{_ARCHIVED_HEAD}{_ARCHIVED_TEXT}</div>{_ARCHIVED_FOOTER}",  # text beside the title
])
def test_an_inline_styled_capture_keeps_its_portal_footer_out_of_the_text(layout):
    side = ("<div style='float:left;width:250px'><div style='font-weight:bold'>Tin mới</div><div><a href='/a'>"
            "Thi tìm hiểu pháp luật</a><div>20/03/2025</div></div></div>")
    html = (f"<html><head><meta charset='utf-8'><title>Cổng thông tin điện tử huyện Tiên Phước</title></head>"
            f"<body><div>{side}{layout}</div></body></html>")
    record = parse_page(html.encode(), "https://archive.ph/vAbDv", {}, profile="generic").article
    assert record.headline == "Tiên Phước hoàn tất bàn giao trụ sở, hồ sơ cho các xã mới"
    assert record.published_at == "2025-06-28T07:15:00+07:00" and record.view_count == 2046
    assert record.body.startswith("Đến ngày 27/6/2025, huyện Tiên Phước đã hoàn tất")
    assert record.body.endswith("theo mô hình chính quyền địa phương hai cấp.")
