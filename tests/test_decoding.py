"""Decoding in one place: charsets, windows-1258, NFC, wrong declarations, TCVN3 and VNI."""
from __future__ import annotations

import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govnews.parsers.decoding import Decoded, decode_html
from govnews.parsers.legacy import (
    VIETNAMESE_LETTERS,
    detect_legacy,
    fix_legacy,
    is_vietnamese_syllable,
    legacy_to_unicode,
)

# --- realistic text ---------------------------------------------------------------------------

VI_PARAGRAPHS = [
    "Chiều ngày 15/3/2023, Ủy ban nhân dân huyện Hồng Dân tổ chức hội nghị sơ kết công tác quý I "
    "và triển khai nhiệm vụ trọng tâm quý II năm 2023. Đồng chí Trần Văn Hùng, Phó Chủ tịch UBND "
    "huyện chủ trì hội nghị. Theo báo cáo, trong quý I, tổng thu ngân sách trên địa bàn đạt hơn "
    "45 tỷ đồng, bằng 28% dự toán năm.",
    "Vụ lúa Đông Xuân năm 2021-2022, toàn tỉnh Sóc Trăng gieo sạ được 146.000 ha, năng suất bình "
    "quân đạt 6,8 tấn/ha. Ngành nông nghiệp khuyến cáo bà con nông dân thường xuyên thăm đồng, "
    "theo dõi sâu bệnh và sử dụng giống lúa xác nhận để nâng cao chất lượng hạt gạo.",
    "Trung tâm Y tế thành phố Cà Mau phối hợp với Ủy ban nhân dân các phường ra quân chiến dịch "
    "phòng, chống sốt xuất huyết. Lực lượng tình nguyện viên đã đến từng hộ gia đình hướng dẫn "
    "người dân diệt lăng quăng, thu gom vật dụng phế thải đọng nước quanh nhà.",
    "Dự án nâng cấp, mở rộng tuyến đường tỉnh 978 đoạn qua xã Vĩnh Hưng được khởi công từ tháng "
    "6/2019 với tổng mức đầu tư 120 tỷ đồng. Đến nay, đơn vị thi công đã hoàn thành khoảng 85% "
    "khối lượng, dự kiến bàn giao đưa vào sử dụng trước Tết Nguyên đán.",
    "Năm học 2024-2025, huyện Đầm Dơi có 68 trường học với hơn 32.000 học sinh. Ngành giáo dục "
    "tiếp tục đẩy mạnh phong trào thi đua dạy tốt, học tốt, quan tâm bồi dưỡng học sinh giỏi và "
    "hỗ trợ học sinh có hoàn cảnh khó khăn được đến trường.",
    "Ngày 03/8/2020, Ban Chỉ đạo 138 thành phố Bạc Liêu vừa ban hành kế hoạch tổ chức Ngày hội "
    "toàn dân bảo vệ an ninh Tổ quốc năm 2020. Theo đó, có một số nội dung cần thực hiện như "
    "tiếp tục triển khai thực hiện hiệu quả công tác xây dựng phong trào toàn dân bảo vệ an ninh "
    "Tổ quốc, trọng tâm là quán triệt các Nghị quyết, Chỉ thị của Đảng, Nhà nước.",
    "Sáng 21/11/2018, Sở Tài nguyên và Môi trường tỉnh Quảng Ngãi phối hợp với UBND xã Bình Thạnh "
    "tổ chức đối thoại với các hộ dân có đất bị thu hồi để thực hiện dự án khu dân cư. Qua đối "
    "thoại, 27 hộ đồng ý nhận tiền bồi thường, hỗ trợ và bàn giao mặt bằng.",
]
TITLE = "Thứ Ba, 04/08/2020 - Hội nghị triển khai kế hoạch phát triển kinh tế - xã hội"

ENGLISH = (
    "The naïve coöperation between the café owners and the city council led to a résumé of façade "
    "repairs. Über-fans of jalapeño piñatas gathered at the doña's house; Zoë Brontë wrote about "
    "it. © 2021 All rights reserved ® » Home · Contact"
)
FRENCH = (
    "Le goût du pain et le coût de la vie : c'est dû à la hausse des prix. « Ça suffit ! » a dit "
    "Noël, naïf mais sûr de lui, en quittant l'île où il dînait. Le maïs a été reçu, la leçon "
    "aussi ; l'aîné était à l'hôtel tôt ce matin. Ce château, près de la forêt, coûte cher à l'État "
    "français. Citroën, Zoë et Loïc sont là-bas à Noël. Élève, fête, tête, évêque, très, où."
)
GERMAN = (
    "Die Bürgermeisterin der Stadt München hat für Freitag eine öffentliche Sitzung über die "
    "Straßenbahn angekündigt. Müller und Schäfer möchten größere Grünflächen, während die Bürger "
    "über hohe Gebühren klagen. Daß es schön wäre, weiß jeder. Der Fußgängerüberweg an der "
    "Königstraße wird nächste Woche geöffnet; Öl und Käse sind teurer geworden."
)
SPANISH = (
    "¿Dónde está la estación? El niño y su mamá viajaron a España el año pasado. La señora Muñoz "
    "dijo: ¡Qué día tan bonito! Mañana por la mañana habrá una reunión en el ayuntamiento sobre "
    "el presupuesto. El señor Núñez, concejal de Peñalolén, explicó que la ampliación del puerto "
    "costará más de lo previsto. Sueño con un baño en el río; también el pequeño Íñigo."
)

# --- independent legacy encoders (tables as converters publish them, not the module's) --------

_LOWER = "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ"
_UPPER = _LOWER.upper()
_TCVN3_LOWER = "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉËÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\xadøõö÷ùýúûüþ®"
_TCVN3_CAPITALS = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}
_VNI_LOWER = (
    "aù aø aû aõ aï aê aé aè aú aü aë aâ aá aà aå aã aä "
    "eù eø eû eõ eï eâ eá eà eå eã eä í ì æ ó ò "
    "où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï uù uø uû uõ uï ö öù öø öû öõ öï "
    "yù yø yû yõ î ñ"
).split()
_VNI_UPPER = (
    "AÙ AØ AÛ AÕ AÏ AÊ AÉ AÈ AÚ AÜ AË AÂ AÁ AÀ AÅ AÃ AÄ "
    "EÙ EØ EÛ EÕ EÏ EÂ EÁ EÀ EÅ EÃ EÄ Í Ì Æ Ó Ò "
    "OÙ OØ OÛ OÕ OÏ OÂ OÁ OÀ OÅ OÃ OÄ Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ UÙ UØ UÛ UÕ UÏ Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ "
    "YÙ YØ YÛ YÕ Î Ñ"
).split()
TCVN3_ENCODE = {
    **dict(zip(_LOWER, _TCVN3_LOWER)),
    **dict(zip(_UPPER, _TCVN3_LOWER)),  # toned capitals: .VnTimeH, same codes as lower case
    **_TCVN3_CAPITALS,
}
VNI_ENCODE = {**dict(zip(_LOWER, _VNI_LOWER)), **dict(zip(_UPPER, _VNI_UPPER))}


def to_tcvn3(text: str) -> str:
    return "".join(TCVN3_ENCODE.get(c, c) for c in unicodedata.normalize("NFC", text))


def to_vni(text: str) -> str:
    return "".join(VNI_ENCODE.get(c, c) for c in unicodedata.normalize("NFC", text))


def tcvn3_lossy(text: str) -> str:
    """What TCVN3 can say: toned capitals fall back to lower case."""
    lost = {c for c in VIETNAMESE_LETTERS if c.isupper() and c not in _TCVN3_CAPITALS}
    return "".join(c.lower() if c in lost else c for c in text)


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Vietnamese as windows-1258 writes it: base letters (â, ơ, ư, ...) plus combining tones.
    Plain NFD does not round-trip: cp1258 has no combining circumflex, breve or horn."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
            out.append((base + "".join(c for c in decomposed if c in _TONES)).encode("cp1258"))
    return b"".join(out)


def html(body: str, head: str = "", title: str = "Cổng thông tin") -> str:
    return (f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head>"
            f"<body>{body}</body></html>")


def html_paragraphs(paragraphs: list[str], head: str = "") -> str:
    return html("".join(f"<p>{p}</p>\n" for p in paragraphs), head)


NFC_PAGE = html_paragraphs([TITLE, *VI_PARAGRAPHS[:3]])

# --- decode_html: charsets --------------------------------------------------------------------


def test_utf8_without_declaration():
    result = decode_html(NFC_PAGE.encode("utf-8"))
    assert result == Decoded(NFC_PAGE, "utf-8", ())


def test_utf8_bom_is_stripped_and_wins_over_header():
    data = b"\xef\xbb\xbf" + NFC_PAGE.encode("utf-8")
    result = decode_html(data, "text/html; charset=iso-8859-1")
    assert (result.text, result.encoding) == (NFC_PAGE, "utf-8")


def test_utf16_bom():
    result = decode_html(b"\xff\xfe" + NFC_PAGE.encode("utf-16-le"))
    assert (result.text, result.encoding) == (NFC_PAGE, "utf-16-le")


@pytest.mark.parametrize(
    "content_type",
    ["text/html; charset=windows-1258", "text/html;charset=CP1258",
     'text/html; charset="windows-1258"'],
)
def test_header_charset_windows_1258(content_type):
    result = decode_html(to_cp1258(NFC_PAGE), content_type)
    assert (result.text, result.encoding, result.warnings) == (NFC_PAGE, "windows-1258", ())


@pytest.mark.parametrize(
    "meta",
    ['<meta charset="windows-1258">',
     "<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1258'>",
     '<meta content="text/html;charset=windows-1258" http-equiv="content-type" />'],
)
def test_meta_charset(meta):
    page = html_paragraphs(VI_PARAGRAPHS[3:5], head=meta)
    result = decode_html(to_cp1258(page), "text/html")
    assert (result.text, result.encoding, result.warnings) == (page, "windows-1258", ())


def test_header_charset_wins_over_meta():
    page = html_paragraphs(VI_PARAGRAPHS[:2], head='<meta charset="utf-8">')
    result = decode_html(to_cp1258(page), "text/html; charset=windows-1258")
    assert (result.text, result.encoding, result.warnings) == (page, "windows-1258", ())


def test_meta_after_the_first_4_kb_is_not_read():
    page = html("<p>" + "x" * 5000 + '</p><meta charset="windows-1258"><p>Sở Y tế</p>')
    assert decode_html(page.encode("utf-8")).encoding == "utf-8"


def test_cp1258_bytes_are_combining_marks_and_come_out_as_the_utf8_string():
    data = to_cp1258("Thứ Ba")
    assert data == b"Th\xfd\xec Ba"
    assert data.decode("cp1258") != "Thứ Ba"  # Python leaves base letter + combining acute
    assert decode_html(data, "text/html; charset=windows-1258").text == "Thứ Ba"


def test_plain_nfd_cp1258_round_trips_where_cp1258_can_encode_it():
    text = "Cà Mau, Bà Rịa - Vũng Tàu, Kỳ Anh"  # tones on letters without circumflex/breve/horn
    data = unicodedata.normalize("NFD", text).encode("cp1258")
    assert decode_html(data, "text/html; charset=cp1258").text == text


def test_nfd_utf8_comes_out_nfc():
    result = decode_html(unicodedata.normalize("NFD", NFC_PAGE).encode("utf-8"))
    assert result.text == NFC_PAGE
    assert unicodedata.is_normalized("NFC", result.text)


@pytest.mark.parametrize(
    ("label", "expected"),
    [("utf8", "utf-8"), ("UTF-8", "utf-8"), ("unicode", "utf-8"), ("cp1258", "windows-1258"),
     ("x-cp1258", "windows-1258")],
)
def test_label_aliases(label, expected):
    data = NFC_PAGE.encode("utf-8") if expected == "utf-8" else to_cp1258(NFC_PAGE)
    result = decode_html(data, f"text/html; charset={label}")
    assert (result.text, result.encoding, result.warnings) == (NFC_PAGE, expected, ())


def test_iso_8859_1_is_read_as_windows_1252():
    text = "Réunion du conseil – l’ordre du jour “définitif”"
    result = decode_html(text.encode("cp1252"), "text/html; charset=iso-8859-1")
    assert (result.text, result.encoding, result.warnings) == (text, "windows-1252", ())


@pytest.mark.parametrize("label", ["x-no-such-charset", "base64", "utf-7", "rot13"])
def test_unknown_or_refused_label_falls_back_with_warning(label):
    result = decode_html(NFC_PAGE.encode("utf-8"), f"text/html; charset={label}")
    assert (result.text, result.encoding) == (NFC_PAGE, "utf-8")
    assert result.warnings == (f"unknown charset {label!r} in Content-Type header, ignored",)


# --- decode_html: wrong declarations and bad bytes --------------------------------------------


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "windows-1258", "us-ascii"])
def test_latin_charset_over_utf8_vietnamese_is_caught(label):
    result = decode_html(NFC_PAGE.encode("utf-8"), f"text/html; charset={label}")
    assert (result.text, result.encoding) == (NFC_PAGE, "utf-8")
    assert result.warnings == (f"declared charset {label} is wrong, decoded as utf-8",)


def test_latin_meta_over_utf8_vietnamese_is_caught():
    page = html_paragraphs(VI_PARAGRAPHS[:1], head='<meta charset="ISO-8859-1">')
    result = decode_html(page.encode("utf-8"))
    assert (result.text, result.encoding) == (page, "utf-8")
    assert result.warnings == ("declared charset iso-8859-1 is wrong, decoded as utf-8",)


def test_utf8_declared_over_windows_1258_bytes_is_caught():
    page = html_paragraphs(VI_PARAGRAPHS[2:6])
    result = decode_html(to_cp1258(page), "text/html; charset=utf-8")
    assert (result.text, result.encoding) == (page, "windows-1258")
    assert result.warnings == ("declared charset utf-8 is wrong, decoded as windows-1258",)


def test_server_default_iso_8859_1_over_windows_1258_bytes_is_caught():
    page = html_paragraphs(VI_PARAGRAPHS[1:4])
    result = decode_html(to_cp1258(page), "text/html; charset=ISO-8859-1")
    assert (result.text, result.encoding) == (page, "windows-1258")
    assert result.warnings == ("declared charset iso-8859-1 is wrong, decoded as windows-1258",)


def test_undeclared_windows_1258_is_detected():
    page = html_paragraphs(VI_PARAGRAPHS[4:])
    result = decode_html(to_cp1258(page))
    assert (result.text, result.encoding) == (page, "windows-1258")
    assert result.warnings == ("no charset declared and not utf-8; guessed windows-1258",)


def test_undeclared_windows_1252_stays_windows_1252():
    page = html(f"<p>{FRENCH}</p>", title="Actualités")
    result = decode_html(page.encode("cp1252"))
    assert (result.text, result.encoding) == (page, "windows-1252")


def test_a_few_bad_bytes_in_a_utf8_page_are_replaced_not_redecoded():
    data = NFC_PAGE.encode("utf-8").replace(b"<title>", b"<title>\xff\xfe", 1)
    result = decode_html(data, "text/html; charset=utf-8")
    assert result.encoding == "utf-8"
    assert result.text.replace("\ufffd", "") == NFC_PAGE
    assert result.warnings == ("invalid utf-8 bytes replaced (2)",)


def test_truncated_utf8_does_not_raise():
    data = "Thành phố".encode("utf-8")[:-1]  # cut inside the last letter
    result = decode_html(data)
    assert result.text.startswith("Thành ph")
    assert result.encoding == "utf-8"


def test_controls_are_stripped_but_tab_newline_cr_kept():
    data = "Sở\x00 Y\x07 tế\tCà\r\nMau\x0cthông\x1b tin".encode("utf-8")
    result = decode_html(data)
    assert result.text == "Sở Y tế\tCà\r\nMau thông tin"
    assert result.warnings == ("removed 3 control characters",)


def test_numeric_entities_are_left_for_the_html_parser():
    data = b"<p>ph&#111;ng v&agrave; x&#227; h&#7897;i</p>"
    assert decode_html(data).text == data.decode("ascii")


# --- legacy: tables ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [("ViÖt Nam", "Việt Nam"), ("Thµnh phè", "Thành phố"),
     ("Héi ®ång nh©n d©n", "Hội đồng nhân dân"),
     ("Uû ban", "Uỷ ban"), ("tØnh", "tỉnh"), ("®", "đ"), ("§", "Đ"), ("Ng\xadêi d©n", "Người dân"),
     ("Bé N«ng nghiÖp vµ Ph¸t triÓn n«ng th«n", "Bộ Nông nghiệp và Phát triển nông thôn"),
     ("§µ N½ng", "Đà Nẵng"), ("Thõa Thiªn HuÕ", "Thừa Thiên Huế"), ("hoµ", "hoà"), ("hßa", "hòa")],
)
def test_tcvn3_words(legacy, expected):
    assert legacy_to_unicode(legacy, "tcvn3") == expected


def test_tcvn3_all_caps_words_were_typed_in_vntimeh():
    assert legacy_to_unicode("UBND TØNH §åNG TH¸P", "tcvn3") == "UBND TỈNH ĐỒNG THÁP"
    assert legacy_to_unicode("Uû ban", "tcvn3") == "Uỷ ban"  # one capital: keep lower case


def test_tcvn3_table_is_complete():
    unicode_lower = "".join(_LOWER)
    assert legacy_to_unicode(_TCVN3_LOWER, "tcvn3") == unicode_lower
    capitals = "".join(_TCVN3_CAPITALS)
    assert legacy_to_unicode("".join(_TCVN3_CAPITALS.values()), "tcvn3") == capitals
    assert len(set(_LOWER) | set(_UPPER)) == len(VIETNAMESE_LETTERS) == 134


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [("Vieät Nam", "Việt Nam"), ("Thaønh phoá", "Thành phố"), ("ñöôïc", "được"),
     ("Hoäi ñoàng nhaân daân", "Hội đồng nhân dân"), ("Uûy ban", "Ủy ban"), ("tænh", "tỉnh"),
     ("nghóa vuï", "nghĩa vụ"), ("thò xaõ", "thị xã"), ("Myõ Tho", "Mỹ Tho"),
     ("Ñaø Naüng", "Đà Nẵng"), ("Soùc Traêng", "Sóc Trăng"), ("Thöøa Thieân Hueá", "Thừa Thiên Huế"),
     ("Caàn Thô", "Cần Thơ"),
     ("ÑAÏI HOÄI ÑAÛNG BOÄ TÆNH", "ĐẠI HỘI ĐẢNG BỘ TỈNH"), ("Bình Phöôùc", "Bình Phước")],
)
def test_vni_words(legacy, expected):
    assert legacy_to_unicode(legacy, "vni") == expected


def test_vni_table_is_complete():
    assert legacy_to_unicode(" ".join(_VNI_LOWER), "vni") == " ".join(_LOWER)
    assert legacy_to_unicode(" ".join(_VNI_UPPER), "vni") == " ".join(_UPPER)


def test_unknown_legacy_encoding_is_an_error():
    with pytest.raises(ValueError):
        legacy_to_unicode("abc", "vps")


@pytest.mark.parametrize(
    "word", ["người", "được", "nghiêng", "khuya", "quốc", "Uỷ", "thuở", "gì", "oà"]
)
def test_vietnamese_syllables(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize(
    "word", ["straße", "français", "gỏtt", "aot", "fỹr", "việtt", "ắế", "viêệt"]
)
def test_not_vietnamese_syllables(word):
    assert not is_vietnamese_syllable(word)


# --- legacy: detection and conversion ---------------------------------------------------------


@pytest.mark.parametrize("paragraph", VI_PARAGRAPHS)
def test_tcvn3_paragraph_is_detected_and_converted(paragraph):
    legacy = to_tcvn3(paragraph)
    assert detect_legacy(legacy) == "tcvn3"
    assert fix_legacy(legacy) == (tcvn3_lossy(paragraph), "tcvn3")


@pytest.mark.parametrize("paragraph", VI_PARAGRAPHS)
def test_vni_paragraph_is_detected_and_converted(paragraph):
    legacy = to_vni(paragraph)
    assert detect_legacy(legacy) == "vni"
    assert fix_legacy(legacy) == (paragraph, "vni")


def test_legacy_headline_is_detected():
    assert fix_legacy(to_tcvn3("Hội nghị tổng kết công tác năm 2019")) == (
        "Hội nghị tổng kết công tác năm 2019", "tcvn3")
    assert fix_legacy(to_vni("Hội nghị tổng kết công tác năm 2019")) == (
        "Hội nghị tổng kết công tác năm 2019", "vni")


@pytest.mark.parametrize(
    "text",
    [*VI_PARAGRAPHS, unicodedata.normalize("NFD", VI_PARAGRAPHS[0]), NFC_PAGE, ENGLISH, FRENCH,
     GERMAN, SPANISH, FRENCH.upper(), GERMAN.upper(), SPANISH.upper(),
     "© 2022 Sở Thông tin và Truyền thông » Trang chủ · Liên hệ ® Giấy phép số 12/GP-TTĐT"],
)
def test_no_false_positives(text):
    assert detect_legacy(text) is None
    assert fix_legacy(text) == (text, None)


def test_mixed_page_converts_only_the_legacy_segments():
    template = "<nav>Trang chủ » Tin tức</nav><h1>Liên hệ</h1><p>Tìm kiếm</p>"
    body = "".join(f"<p>{to_tcvn3(p)}</p>\n" for p in VI_PARAGRAPHS[:3])
    footer = "<footer>© 2019 Cổng thông tin điện tử tỉnh Bạc Liêu</footer>"
    fixed, encoding = fix_legacy(template + body + footer)
    expected_body = "".join(f"<p>{tcvn3_lossy(p)}</p>\n" for p in VI_PARAGRAPHS[:3])
    assert (fixed, encoding) == (template + expected_body + footer, "tcvn3")


def test_detection_on_a_200_kb_unicode_page_is_fast():
    page = (NFC_PAGE * (200_000 // len(NFC_PAGE) + 1))[:200_000] + "<p>© 2024 » Liên hệ</p>"
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        assert detect_legacy(page) is None
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.005


# --- decode_html with legacy text -------------------------------------------------------------


def test_utf8_page_with_tcvn3_text():
    page = html_paragraphs([to_tcvn3(p) for p in VI_PARAGRAPHS[:4]], head='<meta charset="utf-8">')
    result = decode_html(page.encode("utf-8"), "text/html; charset=utf-8")
    expected = html_paragraphs([tcvn3_lossy(p) for p in VI_PARAGRAPHS[:4]],
                               head='<meta charset="utf-8">')
    assert result == Decoded(expected, "utf-8+tcvn3", ("legacy TCVN3 text converted",))


def test_utf8_page_with_vni_text():
    page = html_paragraphs([to_vni(p) for p in VI_PARAGRAPHS[3:]])
    result = decode_html(page.encode("utf-8"))
    expected = html_paragraphs(VI_PARAGRAPHS[3:])
    assert result == Decoded(expected, "utf-8+vni", ("legacy VNI text converted",))


def test_windows_1252_bytes_of_tcvn3_text():
    body = "".join(f"<p>{to_tcvn3(p)}</p>" for p in VI_PARAGRAPHS[1:3])
    page = f"<html><head><title>{to_tcvn3('Tin tức')}</title></head><body>{body}</body></html>"
    result = decode_html(page.encode("cp1252"), "text/html; charset=iso-8859-1")
    assert result.encoding == "windows-1252+tcvn3"
    assert result.warnings == ("legacy TCVN3 text converted",)
    assert tcvn3_lossy(VI_PARAGRAPHS[1]) in result.text


def test_tcvn3_bytes_declared_windows_1258_are_read_as_windows_1252():
    page = "".join(f"<p>{to_tcvn3(p)}</p>" for p in VI_PARAGRAPHS[:3])
    result = decode_html(page.encode("cp1252"), "text/html; charset=windows-1258")
    assert result.encoding == "windows-1252+tcvn3"
    assert result.warnings == ("declared charset windows-1258 is wrong, decoded as windows-1252",
                               "legacy TCVN3 text converted")
    assert tcvn3_lossy(VI_PARAGRAPHS[0]) in result.text


# --- properties -------------------------------------------------------------------------------

_CONTENT_TYPES = st.sampled_from(
    [None, "text/html"]
    + [f"text/html; charset={label}" for label in
       ("utf-8", "windows-1258", "iso-8859-1", "utf-16", "shift_jis", "nonsense")]
)


def _assert_clean(result: Decoded) -> None:
    assert isinstance(result.text, str) and isinstance(result.encoding, str)
    assert unicodedata.is_normalized("NFC", result.text)
    assert not any(c < " " and c not in "\t\n\r" for c in result.text)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=2000), content_type=_CONTENT_TYPES)
def test_random_bytes_never_raise_and_give_clean_nfc(data, content_type):
    _assert_clean(decode_html(data, content_type))


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300), content_type=st.text(max_size=80))
def test_random_content_types_never_raise(data, content_type):
    _assert_clean(decode_html(data, content_type))
    _assert_clean(decode_html(data, "text/html; charset=" + content_type))


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=0x1EFF), max_size=400),
       content_type=_CONTENT_TYPES)
def test_random_text_bytes_never_raise(text, content_type):
    for codec in ("utf-8", "cp1252", "cp1258"):
        encoded = text.encode(codec, "ignore")
        _assert_clean(decode_html(encoded, content_type))


_SYLLABLES = sorted({w.strip(".,:;%()-").lower() for p in VI_PARAGRAPHS for w in p.split()} - {""})


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=80))
def test_unicode_vietnamese_is_never_taken_for_legacy(words):
    text = " ".join(words)
    assert detect_legacy(text) is None
    assert detect_legacy(unicodedata.normalize("NFD", text)) is None
