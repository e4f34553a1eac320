"""Classes found in session 24 by the blind VN set 43 (damaged and degraded pages), each on a small
page of its own written here. Every case fails on the parsers before the fix."""
from __future__ import annotations

from govnews.parsers.decoding import decode_html
from govnews.parsers.extract import parse_page

_URL = "http://pgdthanhson.phutho.gov.vn/default.asp?act=chitiet&id=418&cat=2"


def _table_soup(depth: int, lead: str, body: str) -> bytes:
    """An old ASP layout: the page's rows nested `depth` tables deep, <FONT> left open."""
    opening = "<TABLE width='100%'><TR><TD>" * depth
    closing = "</TD></TR></TABLE>" * depth
    return ("<HTML><HEAD><META http-equiv=Content-Type content='text/html; charset=utf-8'>"
            "<TITLE>Phong Giao duc va Dao tao huyen Thanh Son</TITLE></HEAD><BODY><FORM name=f1>"
            "<TABLE width=780><TR><TD bgColor=#0a4a86><FONT color=#ffffff size=4><B>PHÒNG GIÁO DỤC VÀ ĐÀO TẠO "
            "HUYỆN THANH SƠN</B></FONT></TD></TR><TR><TD><TABLE><TR><TD width=180><FONT size=2><B>LIÊN KẾT</B><BR>"
            "<A href='/a'>Sở Giáo dục</A><BR><A href='/b'>Bộ Giáo dục</A></FONT></TD><TD vAlign=top>"
            f"{lead}{opening}<FONT face=Arial size=2>{body}</FONT>{closing}{_LEAD_END}"
            "</TD></TR></TABLE></TD></TR><TR><TD><FONT size=1>Phòng GD&amp;ĐT huyện Thanh Sơn. Điện thoại: "
            "0210 3873 123</FONT></TD></TR></TABLE></FORM></BODY></HTML>").encode()


_LEAD = ("<TABLE width='100%'><TR><TD><FONT face=Arial size=1>Trang chủ &gt;&gt; Hoạt động chuyên môn</FONT></TD></TR>"
         "<TR><TD><FONT color=#cc0000 face=Arial size=3><B>Huyện Thanh Sơn khai giảng lớp bồi dưỡng giáo viên cốt "
         "cán năm học 2023 - 2024</B></FONT></TD></TR><TR><TD><FONT size=1 color=#666666>Ngày đăng: 14/08/2023 "
         "09:15</FONT></TD></TR><TR><TD>")
_LEAD_END = "</TD></TR></TABLE>"
_BODY = ("<P align=justify>Sáng 13/8, Phòng Giáo dục và Đào tạo huyện Thanh Sơn khai giảng lớp bồi dưỡng cho 120 giáo "
         "viên cốt cán của các trường tiểu học và trung học cơ sở trong huyện.<P align=justify>Lớp học kéo dài năm "
         "ngày, tập trung vào đổi mới phương pháp dạy học và kiểm tra đánh giá theo chương trình mới.")


def test_a_headline_marked_by_looks_above_tables_nested_six_deep():
    """VN 43: the headline in <FONT size=3><B> over a text nested six tables deep was not found
    (four levels were searched, each wrapper counting), and the <title>'s site name stood in."""
    page = parse_page(_table_soup(6, _LEAD, _BODY), _URL, {}, profile="generic")
    assert page.article.headline == ("Huyện Thanh Sơn khai giảng lớp bồi dưỡng giáo viên cốt cán năm học "
                                     "2023 - 2024")


def test_a_breadcrumb_of_plain_text_above_the_headline_names_the_category():
    """VN 43: 'Trang chủ >> Hoạt động chuyên môn' printed with no link over the headline."""
    page = parse_page(_table_soup(6, _LEAD, _BODY), _URL, {}, profile="generic")
    assert page.article.category == "Hoạt động chuyên môn"


def test_table_rows_after_an_unclosed_font_in_the_last_cell_stay_rows():
    """VN 43: '<TD><FONT size=2>2' then '<TR>': libxml2 nests the next row inside the cell, so the
    whole table read as one line; a browser closes the cell, and so do we."""
    table = ("<TABLE border=1><TR><TD><FONT size=2>Môn thi<TD><FONT size=2>Số thí sinh\n"
             "<TR><TD><FONT size=2>Ngữ văn<TD><FONT size=2>86\n<TR><TD><FONT size=2>Toán<TD><FONT size=2>94\n</TABLE>")
    page = parse_page(_table_soup(2, _LEAD, _BODY + table + "<P>Kết quả được công bố ngày 20/8/2023."), _URL, {},
                      profile="generic")
    lines = page.article.body.split("\n")
    assert "Môn thi | Số thí sinh" in lines and "Ngữ văn | 86" in lines and "Toán | 94" in lines


def test_a_heading_cut_by_the_template_is_the_whole_title():
    """VN 43: the template cuts its heading to its width ('… ở 12 tổ dân p…'); og:title (or the
    <title> without the site's name) holds the whole headline."""
    whole = "Phường Hồng Bàng triển khai phân loại rác tại nguồn ở 12 tổ dân phố trong năm 2026"
    html = (f'<html><head><meta charset="utf-8"><title>{whole} - Cổng thông tin điện tử phường Hồng Bàng</title></head>'
            f'<body><div class="detail"><div class="news-title">{whole[:60]}…</div><div class="date">08/01/2026 '
            '10:20</div><div class="news-content"><p>Ủy ban nhân dân phường Hồng Bàng triển khai thí điểm phân loại '
            'rác tại nguồn ở 12 tổ dân phố, với sự tham gia của hơn 3.000 hộ dân trên địa bàn.</p><p>Mỗi hộ được '
            'phát hai thùng chứa rác và tài liệu hướng dẫn phân loại.</p></div></div></body></html>')
    for profile in ("generic", None):
        page = parse_page(html.encode(), "https://hongbang.haiphong.gov.vn/tin-tuc/phan-loai-rac-1234.aspx", {},
                          profile=profile)
        assert page.article.headline == whole


def test_markup_after_an_early_end_of_the_page_is_read():
    """VN 43: a Word document pasted into the article brought its own '</body></html>': libxml2
    stopped reading there, losing the rest of the text, the view count and the counter."""
    html = ('<html><head><meta charset="utf-8"><title>Tin tức</title></head><body><div class="detail">'
            '<h1 class="title">Xã Long Điền ra quân làm đường nông thôn mới</h1><div class="date">03/09/2022 15:30</div>'
            '<div class="content"><p>Sáng 03/9, xã Long Điền tổ chức lễ ra quân làm tuyến đường nông thôn mới kiểu '
            'mẫu ấp Cây Giang.</p></body></html>'
            '<p>Tại buổi ra quân, lực lượng tham gia phát quang bụi rậm hai bên tuyến đường dài 3,2 km.</p></div>'
            '<div class="views">Lượt xem: 856</div></div></body></html>')
    page = parse_page(html.encode(), "https://longdien.baclieu.gov.vn/tin-tuc/ra-quan-123.html", {},
                      profile="generic")
    assert "phát quang bụi rậm" in page.article.body
    assert page.article.view_count == 856


_PHP = ('<html><head><meta charset="utf-8"><title>Công an xã Trị An ra mắt mô hình camera - Xã Trị An</title></head>'
        '<body><div class="news"><h1 class="title">Công an xã Trị An ra mắt mô hình camera an ninh</h1>'
        '<ul class="meta"><li>12/03/2026 08:30</li><li>{views}</li></ul><div class="bodytext">'
        '<p>Công an xã Trị An ra mắt mô hình camera an ninh kết nối cộng đồng tại 6 ấp với 48 mắt camera.</p>'
        '{middle}<p>Mô hình do người dân và doanh nghiệp đóng góp kinh phí lắp đặt, hơn 320 triệu đồng.</p>'
        '{end}</div></div>{counter}</body></html>')


def test_a_number_before_an_empty_view_label_is_not_the_count():
    """VN 43: the count module failed ('Warning: … on line 58' then an empty 'Lượt xem:'): the
    warning's line number was read as the views, by the 'N lượt xem' form."""
    views = ('<b>Warning</b>:  Undefined array key "hitstotal" in <b>/home/trian/modules/news/detail.tpl.php</b> on '
             'line <b>58</b><br /> Lượt xem: ')
    page = parse_page(_PHP.format(views=views, middle="", end="", counter="").encode(),
                      "https://trian.dongnai.gov.vn/vi/news/an-ninh/camera-1701.html", {}, profile="generic")
    assert page.article.view_count is None


def test_a_counter_drawn_as_zeros_is_no_count():
    """VN 43: a counter that counts the visit drawing it never reads 0: zeros are a module that
    failed (under a cache warning)."""
    counter = ('<div class="counter"><h3>Thống kê truy cập</h3><p>Đang truy cập: 0</p><p>Tổng lượt truy cập: '
               '<span>0</span><span>0</span><span>0</span><span>0</span><span>0</span><span>0</span></p></div>')
    page = parse_page(_PHP.format(views="Lượt xem: 77", middle="", end="", counter=counter).encode(),
                      "https://trian.dongnai.gov.vn/vi/news/an-ninh/camera-1701.html", {}, profile="generic")
    assert page.article.visitor_counter is None and page.article.view_count == 77


def test_php_errors_in_the_text_are_not_text_and_a_fatal_one_ends_it():
    """VN 43: PHP's warnings printed between paragraphs, and a fatal error (the script stopped:
    what follows is the error handler's page) ending the text."""
    middle = ('<br /><b>Warning</b>:  Undefined variable $img in <b>/var/www/wp-content/themes/x/single.php</b> on '
              'line <b>41</b><br />')
    end = ('<br /><b>Fatal error</b>:  Allowed memory size of 268435456 bytes exhausted (tried to allocate 20480 bytes)'
           ' in <b>/var/www/wp-includes/formatting.php</b> on line <b>4485</b><br /><p>Trang web này đang gặp lỗi '
           'nghiêm trọng.</p><p><a href="https://wordpress.org/documentation/">Tìm hiểu thêm về gỡ lỗi WordPress.</a></p>')
    page = parse_page(_PHP.format(views="Lượt xem: 77", middle=middle, end=end, counter="").encode(),
                      "https://trian.dongnai.gov.vn/vi/news/an-ninh/camera-1701.html", {}, profile="generic")
    body = page.article.body
    assert body.startswith("Công an xã Trị An ra mắt") and body.endswith("hơn 320 triệu đồng.")
    assert "Warning" not in body and "Fatal" not in body and "lỗi nghiêm trọng" not in body


def test_a_page_cut_inside_a_character_ends_at_the_last_whole_one():
    """VN 43: the server cut the response inside the three bytes of 'ệ': the last letters are
    what arrived, with no replacement character."""
    data = "<html><body><p>Trao quà cho hộ cận nghèo và biểu dương hộ tiêu biểu trong thực hi".encode() + \
        "ệ".encode()[:2]
    decoded = decode_html(data, "text/html; charset=utf-8")
    assert decoded.text.endswith("trong thực hi") and "\ufffd" not in decoded.text
    assert any("ends inside a character" in w for w in decoded.warnings)


# -- world set 40 ------------------------------------------------------------------------------------

def _essay(byline: str, panels: list[tuple[str, str]]) -> bytes:
    figures = "".join(
        f'<figure class="essay-panel"><div class="essay-media"><img src="/f/{i}.jpg" alt="{caption}" width="1600" '
        f'height="1067"><span class="count">{i + 1} / {len(panels)}</span></div><div class="essay-text"><p>{text}</p>'
        f'</div><figcaption class="essay-caption">{caption} <span class="credit">Foto: Luís Pereira</span></figcaption>'
        '</figure>' for i, (text, caption) in enumerate(panels))
    return ('<!DOCTYPE html><html lang="pt"><head><meta charset="utf-8"><title>Os últimos moliceiros | Jornal da Ria'
            '</title></head><body><header><a href="/">Jornal da Ria</a></header><main><article><h1>Os últimos moliceiros'
            f'</h1><p class="byline">{byline}</p><time datetime="2019-07-14T10:00:00+01:00">14 de julho de 2019</time>'
            '<div class="intro"><p>Na ria de Aveiro, os moliceiros já não apanham moliço. Os barcos de proa pintada '
            'sobrevivem como atração turística, e quem ainda os conduz é cada vez mais velho.</p><p>Durante um verão, '
            'acompanhámos os últimos mestres entre o Bico e a Torreira.</p></div>'
            f'<div class="essay">{figures}</div></article></main><footer>© 2019 Jornal da Ria</footer></body></html>'
            ).encode()


_PANELS = [("Ao amanhecer, no cais do Bico, três homens preparam o moliceiro para mais um dia de trabalho na ria, "
            "como faziam os avós. O barco sai com a maré, carregado de ancinhos e redes, e só volta ao fim da tarde. "
            "Antigamente apanhava-se o moliço para adubar os campos; hoje quase ninguém o compra.",
            "O cais do Bico ao amanhecer."),
           ("A proa pintada conta histórias da vila: santos, pescadores e anedotas que só os mais velhos ainda sabem "
            "explicar aos turistas. Cada pintor tem o seu traço, e os donos dos barcos encomendam os painéis com anos "
            "de antecedência, para que estejam prontos antes das festas de julho.",
            "A proa pintada de um moliceiro."),
           ("Na Torreira, o mestre Joaquim ensina o neto a ler o vento antes de largar. Diz que a ria muda todos os "
            "anos e que nenhum mapa serve por muito tempo. O neto ouve, mas prefere o telemóvel à carta de marés.",
            "O mestre Joaquim e o neto."),
           ("Ao fim da tarde, os barcos voltam em fila para o cais. Os turistas fotografam as proas, os mestres "
            "arrumam as velas e combinam a saída do dia seguinte, se o tempo deixar e houver quem queira passear.",
            "O regresso ao cais."),
           ("Restam menos de vinte barcos em atividade, quase todos usados hoje para passeios e regatas de verão. A "
            "associação local pede apoio para restaurar os mais antigos, alguns com mais de setenta anos, antes que o "
            "último carpinteiro que os sabe construir deixe de trabalhar.",
            "Regata de moliceiros em agosto.")]


def test_a_photo_essays_text_inside_its_figures_is_the_body():
    """World 40: each panel of a photo essay is a <figure> holding the picture, a paragraph of
    the text and a caption: the figures were dropped whole, and the body kept none of the text.
    Panels with paragraphs beside their captions are text; the captions still are not."""
    page = parse_page(_essay("Texto de Rita Marques", _PANELS),
                      "https://www.jornaldaria.example/fotorreportagem/os-ultimos-moliceiros", {}, profile="generic")
    body = page.article.body
    assert all(text in body for text, _ in _PANELS)
    assert "O cais do Bico ao amanhecer." not in body and "Foto: Luís Pereira" not in body


def test_a_portuguese_text_credit_names_the_writer():
    """World 40: 'Texto de Rita Marques' (Portuguese 'text by') is the byline's label."""
    page = parse_page(_essay("Texto de Rita Marques", _PANELS),
                      "https://www.jornaldaria.example/fotorreportagem/os-ultimos-moliceiros", {}, profile="generic")
    assert page.article.author == "Rita Marques"


# -- VN set 44: redesigned platforms -----------------------------------------------------------------

def _redesign(meta: str, after: str = "", style: str = "", old: str = "") -> bytes:
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Phường Hòa Bình ra mắt tổ công nghệ '
            f'số cộng đồng - Cổng TTĐT phường Hòa Bình</title>{style}</head><body><header class="site-header">'
            '<a href="/">Cổng thông tin điện tử phường Hòa Bình</a></header><main class="container mx-auto">'
            f'{old}<article class="post"><h1 class="post__title text-2xl font-bold">Phường Hòa Bình ra mắt tổ công nghệ '
            f'số cộng đồng</h1>{meta}<div class="post__body"><p>Sáng 04/9, Ủy ban nhân dân phường Hòa Bình ra mắt 12 tổ '
            'công nghệ số cộng đồng tại các khu phố, với hơn 80 thành viên là đoàn viên thanh niên.</p><p>Các tổ hướng '
            'dẫn người dân cài đặt ứng dụng định danh điện tử, nộp hồ sơ trực tuyến và thanh toán không dùng tiền mặt.'
            f'</p></div>{after}</article></main><footer>Phường Hòa Bình</footer></body></html>').encode()


_URL44 = "https://phuonghoabinh.example.gov.vn/tin-tuc/ra-mat-to-cong-nghe-so-1208.html"
_EYE = ('<svg class="icon icon-eye" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M12 5c-5 0-9 '
        '4.5-10 7"/></svg>')


def test_a_count_behind_an_svg_eye_icon_is_the_view_count():
    """VN 44: a redesign draws 'Lượt xem' as an inline SVG eye (class 'icon-eye') beside the number."""
    meta = (f'<div class="post__meta"><time datetime="2025-09-05T08:05:00+07:00">05/09/2025 08:05</time> '
            f'<span class="meta-item" title="Lượt xem">{_EYE} <span>1.234</span></span></div>')
    page = parse_page(_redesign(meta), _URL44, {}, profile="generic")
    assert page.article.view_count == 1234


def test_tailwind_desktop_and_phone_copies_read_as_the_desktop_shows_them():
    """VN 44: 'hidden md:flex' is the desktop's copy of the meta line, 'md:hidden' the phone's
    (its count rounded to '1,2K'): the desktop's is read."""
    meta = ('<div class="hidden md:flex gap-2"><span>05/09/2025 08:05</span><span>Lượt xem: 1.234</span></div>'
            '<div class="flex md:hidden gap-2"><span>05/09 · 1,2K lượt xem</span></div>')
    page = parse_page(_redesign(meta), _URL44, {}, profile="generic")
    assert page.article.view_count == 1234


def test_a_phone_copy_hidden_by_the_pages_own_css_is_not_read():
    """VN 44: '.only-mobile{display:none}' with an @media rule for narrow screens showing it: the
    phone's copy of the meta line, rounded, is not what a desktop reader sees."""
    style = ('<style>.only-mobile{display:none}@media (max-width:991px){.only-mobile{display:flex}'
             '.only-desktop{display:none}}</style>')
    meta = ('<div class="meta only-desktop"><span>05/09/2025 08:05</span> <span class="meta__views">'
            f'{_EYE.replace("icon icon-eye", "ico ico--eye")} 2.046 lượt xem</span></div>'
            '<div class="meta only-mobile"><span>05/09 · 2,0K lượt xem</span></div>')
    page = parse_page(_redesign(meta, style=style), _URL44, {}, profile="generic")
    assert page.article.view_count == 2046


def test_a_credit_line_beside_the_text_names_the_writer():
    """VN 44: 'Tin: X - Ảnh: Y' on its own line right after the text's block (a redesign's
    'post-credit'): X wrote it."""
    after = '<p class="post-credit"><span>Tin:</span> Lâm Ngọc Hân - <span>Ảnh:</span> Trần Quốc Duy</p>'
    page = parse_page(_redesign('<div class="post__meta">05/09/2025 08:05</div>', after=after), _URL44, {},
                      profile="generic")
    assert page.article.author == "Lâm Ngọc Hân"


def test_an_author_card_gives_the_name_not_the_role_and_count():
    """VN 44: an author card under the text: 'Tác giả' caption, the writer's page linked, the role
    and the number of articles on lines of their own."""
    after = ('<aside class="author-card"><img src="/a.jpg" alt="Ảnh đại diện"><div><p class="text-xs">Tác giả</p>'
             '<a href="/vi/news/author/tran-minh-khoi/">Trần Minh Khôi</a><p class="text-sm">Công chức Văn phòng '
             'HĐND và UBND phường</p><p class="text-xs">203 bài viết</p></div></aside>')
    page = parse_page(_redesign('<div class="post__meta">05/09/2025 08:05</div>', after=after), _URL44, {},
                      profile="generic")
    assert page.article.author == "Trần Minh Khôi"


def test_a_profile_skips_the_old_themes_hidden_block():
    """VN 44: a Lạc Việt site redesigned, the old theme's date-and-views table left in the page with
    display:none (its Modified time and 'Số lượt người xem: 0'): the profile's selectors read it."""
    old = ('<table class="tbl-detail" style="display:none"><tr><td class="Time">Thứ Hai, 08/09/2025, 10:00</td></tr>'
           '<tr><td class="View">Số lượt người xem: 0</td></tr></table>')
    meta = '<div class="post__meta"><span>Thứ Sáu, 05/09/2025, 08:05</span> <span>Số lượt người xem: 1.234</span></div>'
    page = parse_page(_redesign(meta, old=old), "https://phuonghoabinh.camau.gov.vn/tintuc/lists/posts/post.aspx?itemid=1208",
                      {}, profile="lacviet")
    assert page.article.published_at == "2025-09-05T08:05:00+07:00"
    assert page.article.view_count == 1234
