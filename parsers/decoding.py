"""Bytes to text, in one place: BOM, declared charsets, checks on them, legacy Vietnamese fonts.

`decode_html` is the only function in the project that chooses an encoding. Order: byte order
mark; charset of the Content-Type header; `<meta charset>` in the first 4 KB (a byte regex, the
page is not parsed); strict UTF-8; a choice between windows-1258 and windows-1252 by how
Vietnamese each reading looks. Declared charsets are checked against the bytes (a Latin charset
over valid UTF-8 Vietnamese, or UTF-8 over bytes that are not UTF-8) and overruled with a
warning. Never raises: undecodable bytes are replaced. The result is NFC, without C0 controls
other than tab, line feed and carriage return, and with TCVN3/VNI mojibake converted.
Character references (`&#111;`) are left for the HTML parser.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from govnews.parsers.legacy import VIETNAMESE_LETTERS, detect_legacy, fix_legacy, is_vietnamese_syllable

__all__ = ["Decoded", "decode_html"]


@dataclass(frozen=True)
class Decoded:
    text: str                  # Unicode, NFC
    encoding: str              # what was used, e.g. "utf-8", "windows-1258", "utf-8+tcvn3"
    warnings: tuple[str, ...]
    # the page's bytes when `text` is exactly their UTF-8 reading (nothing replaced, removed,
    # normalised or converted): the HTML parser can read them as they are
    utf8: bytes | None = field(default=None, compare=False, repr=False)


META_SCAN_BYTES = 4096

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Labels as pages write them -> the encoding used. ISO-8859-1 and ASCII mean windows-1252, as in
# browsers. Legacy font "charsets" are windows-1252 bytes; the legacy step converts the text.
_LABELS: dict[str, str] = {
    **dict.fromkeys(
        ("utf-8", "utf8", "unicode", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
         "x-unicode20utf8", "utf-8-sig"),
        "utf-8",
    ),
    **dict.fromkeys(
        ("windows-1258", "cp1258", "x-cp1258", "win-1258", "windows1258"), "windows-1258"
    ),
    **dict.fromkeys(
        ("windows-1252", "cp1252", "x-cp1252", "win-1252", "windows1252", "iso-8859-1",
         "iso8859-1", "iso_8859-1", "iso88591", "iso_8859-1:1987", "iso-ir-100", "latin1",
         "latin-1", "l1", "ibm819", "cp819", "csisolatin1", "ascii", "us-ascii", "ansi_x3.4-1968",
         "tcvn", "tcvn3", "tcvn-3", "tcvn5712", "tcvn-5712", "vn3", "abc", "x-viet-tcvn",
         "x-viet-tcvn5712", "vni", "x-viet-vni", "vni-windows"),
        "windows-1252",
    ),
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16-le", "unicodefffe"), "utf-16-le"),
    **dict.fromkeys(("utf-16be", "utf-16-be"), "utf-16-be"),
}
_PYTHON_CODEC = {"utf-8": "utf-8", "windows-1258": "cp1258", "windows-1252": "cp1252"}
# Python codecs that are not page encodings, or are unsafe to honour (UTF-7).
_REFUSED_CODECS = frozenset(
    {"utf-7", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "mbcs",
     "oem", "utf-32", "utf-32-le", "utf-32-be", "utf-16"}
)
_SINGLE_BYTE_CANDIDATES = ("windows-1252", "windows-1258")
_MAX_LABEL = 40

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE
)
_VIETNAMESE = re.compile("[" + "".join(sorted(VIETNAMESE_LETTERS)) + "\u0300-\u0323]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]+")
_CONTROLS_OR_FORM_FEED = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f]")
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))
# encodings in which a C0 control character of the text is the same byte in the page: a page
# in one of them without such a byte has none to remove (a byte test, ~7x cheaper than a scan
# of the decoded text)
_ASCII_SAFE = frozenset({"utf-8", "windows-1252", "windows-1258"})
_XML_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:\-]+)""",
                           re.IGNORECASE)
_WORD = re.compile(r"[\w\u0300-\u0323]+")


def _c1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """Bytes a windows-125x table leaves undefined decode to the C1 control of the same value,
    as browsers do (WHATWG single-byte indexes)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(chr(b) for b in bad), error.end


codecs.register_error("govnews-c1", _c1_for_undefined)


def _sniff_bom(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _declared_labels(data: bytes, content_type: str | None) -> list[tuple[str, str]]:
    """(source, label) pairs in order of authority: HTTP header, meta, then the XML declaration
    of an XHTML page (`<?xml version="1.0" encoding="windows-1258"?>`)."""
    labels: list[tuple[str, str]] = []
    if content_type and (match := _HEADER_CHARSET.search(content_type)):
        labels.append(("Content-Type header", match.group(1).strip().lower()))
    if match := _META_CHARSET.search(data, 0, META_SCAN_BYTES):
        labels.append(("meta", match.group(1).decode("ascii").lower()))
    elif data[:5].lstrip()[:2] == b"<?" or data[:8].lstrip(b"\xef\xbb\xbf \t\r\n")[:2] == b"<?":
        if match := _XML_ENCODING.match(data[:300]):
            labels.append(("XML declaration", match.group(1).decode("ascii").lower()))
    return labels


def _resolve_label(label: str) -> str | None:
    """The encoding a charset label names, or None if it is unknown or refused."""
    if label in _LABELS:
        return _LABELS[label]
    if len(label) > _MAX_LABEL:
        return None
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if info.name in _LABELS:
        return _LABELS[info.name]
    if not getattr(info, "_is_text_encoding", True) or info.name in _REFUSED_CODECS:
        return None
    return info.name


def _decode_as(data: bytes, encoding: str, warnings: list[str]) -> str:
    if encoding == "utf-8" and (cut := _cut_character(data)):
        data = data[:-cut]
        warnings.append(f"the page ends inside a character (a cut download): its last {cut} "
                        "bytes dropped")
    codec = _PYTHON_CODEC.get(encoding, encoding)
    errors = "govnews-c1" if encoding in _SINGLE_BYTE_CANDIDATES else "replace"
    text = data.decode(codec, errors=errors)
    replaced = text.count("\ufffd") - (data.count(b"\xef\xbf\xbd") if encoding == "utf-8" else 0)
    if replaced > 0:
        warnings.append(f"invalid {encoding} bytes replaced ({replaced})")
    return text


def _cut_character(data: bytes) -> int:
    """How many bytes at the end of `data` open a UTF-8 character the data stops inside (a
    response cut mid-way: 'thực hi' + the first two of the three bytes of 'ệ'); 0 if none."""
    for back in range(1, min(3, len(data)) + 1):
        byte = data[-back]
        if 0x80 <= byte <= 0xBF:
            continue                   # a continuation byte: the lead is further back
        need = 2 if 0xC2 <= byte <= 0xDF else 3 if 0xE0 <= byte <= 0xEF else 4 if 0xF0 <= byte <= 0xF4 else 0
        return back if need > back else 0
    return 0


def _strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> bool:
    """Invalid UTF-8 that is still a UTF-8 page: cut inside its last character (a truncated
    download), or with at least as many valid multi-byte characters as broken sequences."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
        return True
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return good > 0 and good >= bad


def _vietnamese_score(text: str, sample: int = 400) -> int:
    """Valid minus invalid Vietnamese syllables among the first `sample` words with non-ASCII
    letters."""
    score = seen = 0
    verdicts: dict[str, bool] = {}     # each word judged once (a page's words recur)
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        valid = verdicts.get(word)
        if valid is None:
            valid = verdicts[word] = is_vietnamese_syllable(unicodedata.normalize("NFC", word))
        score += 1 if valid else -1
        seen += 1
        if seen >= sample:
            break
    return score


def _best_single_byte(data: bytes, preferred: str) -> str:
    """windows-1258 or windows-1252, whichever reads as Vietnamese; `preferred` on a tie.
    Legacy TCVN3/VNI text is windows-1252 bytes."""
    if preferred not in _SINGLE_BYTE_CANDIDATES:
        preferred = "windows-1252"
    readings = {
        enc: data.decode(_PYTHON_CODEC[enc], "govnews-c1") for enc in _SINGLE_BYTE_CANDIDATES
    }
    if detect_legacy(unicodedata.normalize("NFC", readings["windows-1252"])):
        return "windows-1252"
    scores = {enc: _vietnamese_score(text) for enc, text in readings.items()}
    other = next(enc for enc in _SINGLE_BYTE_CANDIDATES if enc != preferred)
    return other if scores[other] > scores[preferred] else preferred


def _decode_declared(
    data: bytes, label: str, encoding: str, warnings: list[str]
) -> tuple[str, str]:
    if encoding == "utf-8":
        if (text := _strict_utf8(data)) is not None:
            return encoding, text
        if _mostly_utf8(data):
            return encoding, _decode_as(data, encoding, warnings)
        actual = _best_single_byte(data, "windows-1252")
        warnings.append(f"declared charset {label} is wrong, decoded as {actual}")
        return actual, _decode_as(data, actual, warnings)
    if encoding.startswith("utf-16") and b"\x00" not in data[:1024]:
        warnings.append(f"declared charset {label} is wrong (no NUL bytes), ignored")
        return _decode_undeclared(data, warnings, announce=False)
    text = None if data.isascii() else _strict_utf8(data)
    if text is not None and _VIETNAMESE.search(text):
        warnings.append(f"declared charset {label} is wrong, decoded as utf-8")
        return "utf-8", text
    if encoding in _SINGLE_BYTE_CANDIDATES and not data.isascii():
        actual = _best_single_byte(data, encoding)
        if actual != encoding:
            warnings.append(f"declared charset {label} is wrong, decoded as {actual}")
        return actual, _decode_as(data, actual, warnings)
    return encoding, _decode_as(data, encoding, warnings)


def _decode_undeclared(data: bytes, warnings: list[str], announce: bool = True) -> tuple[str, str]:
    if (text := _strict_utf8(data)) is not None:
        return "utf-8", text
    if _mostly_utf8(data):
        return "utf-8", _decode_as(data, "utf-8", warnings)
    actual = _best_single_byte(data, "windows-1252")
    if announce:
        warnings.append(f"no charset declared and not utf-8; guessed {actual}")
    return actual, _decode_as(data, actual, warnings)


def _decode(data: bytes, content_type: str | None, warnings: list[str]) -> tuple[str, str]:
    if bom := _sniff_bom(data):
        encoding, length = bom
        return encoding, _decode_as(data[length:], encoding, warnings)
    for source, label in _declared_labels(data, content_type):
        encoding = _resolve_label(label)
        if encoding is None:
            warnings.append(f"unknown charset {label!r} in {source}, ignored")
            continue
        return _decode_declared(data, label, encoding, warnings)
    return _decode_undeclared(data, warnings)


def _has_controls(text: str, data: bytes | None) -> bool:
    if data is not None:
        return len(data.translate(None, _CONTROL_BYTES)) != len(data)
    return _CONTROLS_OR_FORM_FEED.search(text) is not None


def _clean(text: str, warnings: list[str], data: bytes | None = None) -> str:
    """NFC, form feeds as spaces, other C0 controls (NUL included) removed. One scan finds
    whether there is any (of `data`, the page's bytes, when the encoding keeps controls as the
    same bytes): most pages have none, and are not copied twice for nothing."""
    if _has_controls(text, data):
        text = text.replace("\x0c", " ")
        cleaned = _CONTROLS.sub("", text)
        if len(cleaned) != len(text):
            warnings.append(f"removed {len(text) - len(cleaned)} control characters")
        text = cleaned
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def decode_html(data: bytes, content_type: str | None = None) -> Decoded:
    """Decode a page's bytes given its Content-Type header; see the module docstring."""
    warnings: list[str] = []
    encoding, decoded = _decode(data, content_type, warnings)
    text = _clean(decoded, warnings, data if encoding in _ASCII_SAFE else None)
    text, legacy = fix_legacy(text)
    if legacy is not None:
        encoding = f"{encoding}+{legacy}"
        warnings.append(f"legacy {legacy.upper()} text converted")
    same = text is decoded and encoding == "utf-8" and not warnings and data[:3] != b"\xef\xbb\xbf"
    return Decoded(text=text, encoding=encoding, warnings=tuple(warnings),
                   utf8=data if same else None)
