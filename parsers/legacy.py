"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI) read as Latin-1 text, back to Unicode.

Before Unicode, Vietnamese pages were typed with fonts (.VnTime for TCVN3, VNI-Times for VNI)
that drew Vietnamese letters at Latin-1 code points. Read as windows-1252 (or stored as UTF-8
of those Latin-1 characters, the usual case on today's web) the text shows as mojibake:
TCVN3 "ViÖt Nam", VNI "Vieät Nam". Detection works on text, so it covers both cases.

Detection (`detect_legacy`) is a cheap precheck for characters that Unicode Vietnamese never
uses, then, on the words holding such characters, a check that the converted words are
Vietnamese syllables and include common ones. Conversion (`fix_legacy`) goes segment by segment
(text between tags and line breaks) so Unicode parts of a mixed page are left alone.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

__all__ = [
    "VIETNAMESE_LETTERS",
    "detect_legacy",
    "fix_legacy",
    "is_vietnamese_syllable",
    "legacy_to_unicode",
]

# --- the tables -------------------------------------------------------------------------------

# TCVN 5712:1993 VN3 (ABC, fonts .VnTime/.VnTimeH): one byte per letter. Each line: the Unicode
# letters, then the Latin-1 characters at their TCVN3 code points (grave, hook, tilde, acute, dot
# below for each vowel group).
_TCVN3_ROWS: tuple[tuple[str, str], ...] = (
    ("àảãáạ", "\xb5\xb6\xb7\xb8\xb9"),
    ("ằẳẵắặ", "\xbb\xbc\xbd\xbe\xc6"),
    ("ầẩẫấậ", "\xc7\xc8\xc9\xca\xcb"),
    ("èẻẽéẹ", "\xcc\xce\xcf\xd0\xd1"),
    ("ềểễếệ", "\xd2\xd3\xd4\xd5\xd6"),
    ("ìỉĩíị", "\xd7\xd8\xdc\xdd\xde"),
    ("òỏõóọ", "\xdf\xe1\xe2\xe3\xe4"),
    ("ồổỗốộ", "\xe5\xe6\xe7\xe8\xe9"),
    ("ờởỡớợ", "\xea\xeb\xec\xed\xee"),
    ("ùủũúụ", "\xef\xf1\xf2\xf3\xf4"),
    ("ừửữứự", "\xf5\xf6\xf7\xf8\xf9"),
    ("ỳỷỹýỵ", "\xfa\xfb\xfc\xfd\xfe"),
    ("ăâêôơưđ", "\xa8\xa9\xaa\xab\xac\xad\xae"),
    # The only upper-case letters VN3 has; toned capitals were drawn by .VnTimeH at the
    # lower-case code points, so those decode to lower case (see `_restore_caps`).
    ("ĂÂÊÔƠƯĐ", "\xa1\xa2\xa3\xa4\xa5\xa6\xa7"),
)
TCVN3_TO_UNICODE: dict[str, str] = {
    legacy: letter for letters, codes in _TCVN3_ROWS for letter, legacy in zip(letters, codes)
}

# VNI Windows (VNI-Times): a base letter followed by an accent character. Tone accents go after
# a, e, o, u, y and after the VNI letters ơ/ư; circumflex+tone accents after a, e, o; breve+tone
# accents after a. Upper-case accents are the lower-case ones minus 0x20.
_VNI_TONES = "\xf8\xfb\xf5\xf9\xef"          # ø û õ ù ï : grave, hook, tilde, acute, dot
_VNI_CIRCUMFLEX = "\xe2\xe0\xe5\xe3\xe1\xe4"  # â à å ã á ä : plain, grave, hook, tilde, acute, dot
_VNI_BREVE = "\xea\xe8\xfa\xfc\xe9\xeb"       # ê è ú ü é ë : plain, grave, hook, tilde, acute, dot
_VNI_PAIRS_LOWER: tuple[tuple[str, str, str], ...] = (
    # (base, accents, resulting letters in the accents' order)
    ("a", _VNI_TONES, "àảãáạ"),
    ("e", _VNI_TONES, "èẻẽéẹ"),
    ("o", _VNI_TONES, "òỏõóọ"),
    ("u", _VNI_TONES, "ùủũúụ"),
    ("y", _VNI_TONES, "ỳỷỹýỵ"),
    ("\xf4", _VNI_TONES, "ờởỡớợ"),   # ô = ơ in VNI
    ("\xf6", _VNI_TONES, "ừửữứự"),   # ö = ư in VNI
    ("a", _VNI_CIRCUMFLEX, "âầẩẫấậ"),
    ("e", _VNI_CIRCUMFLEX, "êềểễếệ"),
    ("o", _VNI_CIRCUMFLEX, "ôồổỗốộ"),
    ("a", _VNI_BREVE, "ăằẳẵắặ"),
)
# Letters VNI draws with a single character.
_VNI_SINGLE_LOWER: dict[str, str] = {
    "\xf4": "ơ", "\xf6": "ư", "\xf1": "đ",
    "\xec": "ì", "\xe6": "ỉ", "\xf3": "ĩ", "\xed": "í", "\xf2": "ị", "\xee": "ỵ",
}


def _vni_upper(legacy: str) -> str:
    return "".join(chr(ord(c) - 0x20) if "\xe0" <= c <= "\xfe" else c.upper() for c in legacy)


def _build_vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for base, accents, letters in _VNI_PAIRS_LOWER:
        for accent, letter in zip(accents, letters):
            for accent_case in (accent, _vni_upper(accent)):
                pairs[base + accent_case] = letter
                pairs[_vni_upper(base) + accent_case] = letter.upper()
    return pairs


VNI_PAIRS: dict[str, str] = _build_vni_pairs()
VNI_SINGLE: dict[str, str] = {
    **_VNI_SINGLE_LOWER,
    **{_vni_upper(k): v.upper() for k, v in _VNI_SINGLE_LOWER.items()},
}

VIETNAMESE_LETTERS: frozenset[str] = frozenset(
    "".join(letters for letters, _ in _TCVN3_ROWS[:-1])
    + "".join(letters for letters, _ in _TCVN3_ROWS[:-1]).upper()
)  # the 134 precomposed letters
_VIETNAMESE_LATIN1 = frozenset(c for c in VIETNAMESE_LETTERS if c <= "\xff")
_UNICODE_ONLY_VIETNAMESE = "".join(sorted(VIETNAMESE_LETTERS - _VIETNAMESE_LATIN1))

# Characters that Unicode Vietnamese text never contains but legacy text does.
TCVN3_TELLTALES = frozenset(TCVN3_TO_UNICODE) - _VIETNAMESE_LATIN1
VNI_TELLTALES = (
    frozenset("".join(p[1] for p in _VNI_PAIRS_LOWER) + "".join(_VNI_SINGLE_LOWER))
    | frozenset(_vni_upper("".join(p[1] for p in _VNI_PAIRS_LOWER) + "".join(_VNI_SINGLE_LOWER)))
) - _VIETNAMESE_LATIN1


def _char_class(chars: frozenset[str] | str) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


_ANY_TELLTALE = re.compile(_char_class(TCVN3_TELLTALES | VNI_TELLTALES))
# Combining tones, circumflex, breve and horn: decomposed Unicode Vietnamese.
_VIETNAMESE_MARKS = "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"
_UNICODE_VIETNAMESE = re.compile(_char_class(_UNICODE_ONLY_VIETNAMESE + _VIETNAMESE_MARKS))
# One pass, pairs before single letters: a pair's result (ô, ó, ...) must not be read again.
_VNI_SEQUENCE = re.compile(
    "[aeouyAEOUY\xf4\xf6\xd4\xd6]" + _char_class("".join({k[1] for k in VNI_PAIRS}))
    + "|" + _char_class("".join(VNI_SINGLE))
)
_VNI_TO_UNICODE = {**VNI_SINGLE, **VNI_PAIRS}
_LEGACY_WORD = re.compile(r"[A-Za-z\xa1-\xff]+")
_ASCII_LOWER = re.compile("[a-z]")
_TWO_ASCII_UPPER = re.compile("[A-Z][^A-Z]*[A-Z]")
_SEGMENT_BREAK = re.compile(r"([<>\n])")

# --- Vietnamese syllables ---------------------------------------------------------------------

_MAX_SYLLABLE = 16  # "nghiêng" decomposed is 9 characters
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
# Vowel groups that may take a final consonant, and those that end in a semivowel (no final).
_NUCLEUS_CLOSED = "uyê iê yê uô ươ oa oă oe uâ uê uy a ă â e ê i o ô ơ u ư y".split()
_NUCLEUS_OPEN = (
    "iêu yêu oai oao oay oeo uây uôi uya uyu ươi ươu "
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui uơ ưa ưi ưu"
).split()
_SYLLABLE = re.compile(
    _INITIAL
    + "(?:(?:" + "|".join(_NUCLEUS_CLOSED) + ")(?:ch|nh|ng|[cmnpt])?"
    + "|(?:" + "|".join(_NUCLEUS_OPEN) + "))"
)

# Frequent syllables of local-government news (with diacritics: every converted legacy word
# has some). A detection must produce a few of these, which random foreign words never do.
_COMMON_SYLLABLES = frozenset(
    """
    của và các có được trong người những đã với là cho này không một về năm để đến tỉnh huyện
    xã ủy uỷ nhân dân thành phố hội đồng việt nhà nước công tác đảng bộ chính phủ quốc phát
    triển kinh tế xây dựng thực hiện trên địa bàn học giáo dục ngày tháng đại biểu chủ tịch phó
    ông bà chí lãnh đạo cán cấp sở ngành đoàn thể khai kế hoạch kết quả nghị quyết định sự việc
    làm nông nghiệp sản xuất hộ đình vụ mới tại từ cũng nhiều đi lên vào hơn như còn khi đó nên
    cần phải tổ chức hoạt động quản lý đất đường thông trường bệnh viện sức khỏe khoẻ toàn trật
    tự hành văn hóa hoá tuyên truyền trào đua khen thưởng tổng số tiếp tục đề chỉ thị trấn ấp
    bản phường quận vùng biển rừng lúa gạo cây trồng chăn nuôi dịch phòng chống chương trình mục
    tiêu đầu tư vốn tỷ tỉ triệu nghìn ngàn trăm vừa sau trước đây cùng giữa dưới bảo vệ môi cải
    cách nâng chất lượng thủ điện tử đồng chí họp tập thôn bản hướng dẫn kiểm tra giải ngân
    """.split()
)


def is_vietnamese_syllable(word: str) -> bool:
    """True if `word` is built like one Vietnamese syllable (initial, vowels, final, one tone)."""
    if len(word) > _MAX_SYLLABLE:
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONE_MARKS)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(base) is not None


# --- conversion -------------------------------------------------------------------------------

_TCVN3_TRANSLATION = str.maketrans(TCVN3_TO_UNICODE)


def _restore_caps(word_match: re.Match[str]) -> str:
    """An all-caps TCVN3 word was typed in .VnTimeH: its toned letters are capitals too."""
    word = word_match.group()
    converted = word.translate(_TCVN3_TRANSLATION)
    if _ASCII_LOWER.search(word) is None and _TWO_ASCII_UPPER.search(word) is not None:
        return converted.upper()
    return converted


def _tcvn3_to_unicode(text: str) -> str:
    return _LEGACY_WORD.sub(_restore_caps, text)


def _vni_to_unicode(text: str) -> str:
    return _VNI_SEQUENCE.sub(lambda m: _VNI_TO_UNICODE.get(m.group(), m.group()), text)


_CONVERTERS: dict[str, Callable[[str], str]] = {"tcvn3": _tcvn3_to_unicode, "vni": _vni_to_unicode}
_TELLTALES: dict[str, frozenset[str]] = {"tcvn3": TCVN3_TELLTALES, "vni": VNI_TELLTALES}


def legacy_to_unicode(text: str, encoding: str) -> str:
    """Convert TCVN3 ("tcvn3") or VNI ("vni") mojibake to NFC Unicode; tone placement is kept."""
    try:
        convert = _CONVERTERS[encoding.lower()]
    except KeyError:
        raise ValueError(f"unknown legacy encoding {encoding!r}, not 'tcvn3' or 'vni'") from None
    return unicodedata.normalize("NFC", convert(text))


# --- detection --------------------------------------------------------------------------------

_MAX_CANDIDATES = 400
_MIN_VALID = 2
_MIN_VALID_RATIO = 0.6
_MIN_COMMON = 2
_MAX_WORD = 24  # longer runs are not syllables (base64, minified code): skipped
_WORD_AFTER = re.compile(r"(?:[^\W_]|[\xa1-\xff]){0,%d}" % (_MAX_WORD + 1))


def _is_word_char(c: str) -> bool:
    return c.isalnum() or "\xa1" <= c <= "\xff"


def _candidate_words(text: str, pos: int = 0) -> Iterator[str]:
    """Words around telltale characters that could be legacy words (they contain an ASCII letter
    and nothing outside Latin-1). Scans only from telltale hits, so normal text stays cheap."""
    end_of_last = -1
    for hit in _ANY_TELLTALE.finditer(text, pos):
        if hit.start() < end_of_last:
            continue
        start = hit.start()
        limit = max(0, start - _MAX_WORD)
        while start > limit and _is_word_char(text[start - 1]):
            start -= 1
        after = _WORD_AFTER.match(text, hit.end())
        end_of_last = after.end() if after else hit.end()
        word = text[start:end_of_last]
        too_long = start == limit > 0 and _is_word_char(text[start - 1])
        if too_long or len(word) > _MAX_WORD:
            continue
        if max(word) <= "\xff" and any(c.isascii() and c.isalpha() for c in word):
            yield word


def _score(words: list[str], encoding: str) -> tuple[int, int, int]:
    """(words with telltales, of those valid syllables after conversion, of those common)."""
    telltales = _TELLTALES[encoding]
    convert = _CONVERTERS[encoding]
    considered = valid = common = 0
    for word in words:
        if not any(c in telltales for c in word):
            continue
        considered += 1
        converted = unicodedata.normalize("NFC", convert(word)).strip("\xab\xbb\xb7\xa1\xbf")
        if is_vietnamese_syllable(converted):
            valid += 1
            common += converted.lower() in _COMMON_SYLLABLES
    return considered, valid, common


def detect_legacy(text: str) -> str | None:
    """"tcvn3" or "vni" if `text` holds legacy-font Vietnamese mojibake, else None."""
    first = _ANY_TELLTALE.search(text)
    if first is None:
        return None
    words: list[str] = []
    for word in _candidate_words(text, first.start()):
        words.append(word)
        if len(words) >= _MAX_CANDIDATES:
            break
    best: tuple[int, float, str] | None = None
    for encoding in ("tcvn3", "vni"):
        considered, valid, common = _score(words, encoding)
        if valid < _MIN_VALID or common < _MIN_COMMON or valid < _MIN_VALID_RATIO * considered:
            continue
        candidate = (valid, valid / considered, encoding)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return None if best is None else best[2]


def _segment_is_legacy(segment: str, encoding: str, page_is_mixed: bool) -> bool:
    if segment.isascii() or _UNICODE_VIETNAMESE.search(segment):
        return False
    if not page_is_mixed:
        return True
    telltales = _TELLTALES[encoding]
    return any(c in telltales for word in _candidate_words(segment) for c in word)


# A tag naming a legacy font (<font face=".VnTime">, style="font-family: 'VNI-Times'"): the text
# inside it was typed in that font, however little of it the page holds.
_FONT_NAME = re.compile(r"\.Vn[A-Z]|\bVNI[- ][A-Z]")
# bounded runs: an unclosed tag of 100 KB must not be rescanned from every position
_FONT_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]{0,20})\b[^<>]{0,2000}?(?:\.Vn[A-Z]\w{0,40}|\bVNI[- ][A-Z][\w-]{0,40})"
                       r"[^<>]{0,2000}>")
_MAX_FONT_TAGS = 500            # font tags converted per page (each scans up to _MAX_FONT_SPAN)
_MAX_FONT_SPAN = 20_000


# the TCVN3 capitals fonts (.VnTimeH, .VnArialH, .VnHelvetInsH): every letter typed is drawn as
# its capital, so a headline typed in lower case reads in capitals
_CAPS_FONT = re.compile(r"\.Vn\w{0,40}H(?![\w-])")
_TEXT_OR_MARKUP = re.compile(r"(<[^<>]*>|&#?\w{1,32};)|([^<&]+)")


def _in_capitals(span: str) -> str:
    """`span` with its text (not its tags or character references) in capitals."""
    return _TEXT_OR_MARKUP.sub(lambda m: m.group(1) or m.group(2).upper(), span)


def _font_encoding(tag: str) -> str:
    return "vni" if re.search(r"\bVNI[- ][A-Z]", tag) else "tcvn3"


def _element_end(text: str, name: str, start: int) -> int:
    """Where the element whose start tag ends at `start` closes (its end tag counted with nested
    ones of the same name); an unclosed one ends at the next tag."""
    depth = 1
    for tag in re.finditer(r"<(/?)%s\b[^<>]*>" % re.escape(name), text[start:start + _MAX_FONT_SPAN], re.I):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start + tag.start()
    nxt = text.find("<", start)
    return nxt if nxt >= 0 else len(text)


def _convert_span(span: str, encoding: str) -> str:
    """The text pieces of `span` (not its tags, not pieces already in Unicode Vietnamese)
    converted, when its telltale words read as Vietnamese syllables in that encoding."""
    pieces = _SEGMENT_BREAK.split(span)
    in_tag = False
    words = [w for piece in pieces for w in _candidate_words(piece)]
    considered, valid, _ = _score(words, encoding)
    if not considered and not _all_syllables(pieces, encoding):
        return span
    if considered and (not valid or valid < _MIN_VALID_RATIO * considered):
        return span
    out = []
    for piece in pieces:
        if piece == "<":
            in_tag = True
        elif piece == ">":
            in_tag = False
        elif not in_tag and not piece.isascii() and not _UNICODE_VIETNAMESE.search(piece):
            piece = _CONVERTERS[encoding](piece)
        out.append(piece)
    return "".join(out)


def _all_syllables(pieces: list[str], encoding: str) -> bool:
    """Text in an element that names the font, with no telltale character (only letters
    Vietnamese shares with Latin-1: 'Danh Thò Kim Loan', VNI's 'Thị'): converted when every
    word holding such a letter reads as a Vietnamese syllable in the font's encoding."""
    convert = _CONVERTERS[encoding]
    in_tag, seen = False, 0
    for piece in pieces:
        if piece in ("<", ">"):
            in_tag = piece == "<"
            continue
        if in_tag or piece.isascii():
            continue
        if _UNICODE_VIETNAMESE.search(piece):
            return False               # Unicode text under a stale font name ('Gio Việt')
        for word in piece.split():
            if word.isascii():
                continue
            seen += 1
            converted = unicodedata.normalize("NFC", convert(word)).strip(".,;:!?()\"'«»")
            if not is_vietnamese_syllable(converted):
                return False
    return seen > 0


def _fix_named_fonts(text: str) -> tuple[str, str | None]:
    """Convert the text of elements that name a legacy font, with that font's encoding."""
    # substring tests first: the regex scan of a whole page costs more than parsing it
    if (".Vn" not in text and "VNI" not in text) or _FONT_NAME.search(text) is None:
        return text, None
    out: list[str] = []
    pos = 0
    found = None
    for count, tag in enumerate(_FONT_TAG.finditer(text)):
        if count >= _MAX_FONT_TAGS:
            break                      # pathological markup: the rest stays as it is
        if tag.start() < pos:
            continue                   # nested inside a span already converted
        end = _element_end(text, tag.group(1), tag.end())
        encoding = _font_encoding(tag.group())
        span = text[tag.end():end]
        converted = _convert_span(span, encoding)
        if encoding == "tcvn3" and _CAPS_FONT.search(tag.group()):
            converted = _in_capitals(converted)
        if converted is not span:
            found = found or encoding
        out.append(text[pos:tag.end()])
        out.append(converted)
        pos = end
    if found is None:
        return text, None
    out.append(text[pos:])
    return "".join(out), found


def fix_legacy(text: str) -> tuple[str, str | None]:
    """Convert legacy TCVN3/VNI text to Unicode when detected: (text, "tcvn3" | "vni" | None).

    Elements that name a legacy font are converted with that font's encoding first. Segments
    (between tags and line breaks) that contain Unicode Vietnamese are kept as they are; on a
    page that mixes both, only segments with legacy evidence are converted.
    """
    text, named = _fix_named_fonts(text)
    encoding = detect_legacy(text)
    if encoding is None:
        return (unicodedata.normalize("NFC", text), named) if named else (text, None)
    page_is_mixed = _UNICODE_VIETNAMESE.search(text) is not None
    convert = _CONVERTERS[encoding]
    pieces = _SEGMENT_BREAK.split(text)
    converted = [
        convert(piece) if _segment_is_legacy(piece, encoding, page_is_mixed) else piece
        for piece in pieces
    ]
    return unicodedata.normalize("NFC", "".join(converted)), encoding
