"""Vietnamese field parsers: counts, view counts, visitor counters, author and source lines.
Pure functions from text (or a small subtree) to values."""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass
from itertools import islice

from lxml import etree

from . import labels
from .dates import BIDI
from .labels import alternation
from .text import REMEMBERED_TEXT, clean, drop_tree, text_of

# -- numbers ------------------------------------------------------------------------------------
_NUMBER = re.compile(r"\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\d+")


def parse_count(text: str) -> int | None:
    """'1.234', '1,234', '1 234' and '1234' are all 1234. A decimal like '1.5' is not a count."""
    text = clean(text)
    m = _NUMBER.fullmatch(text)
    if not m or len(m.group()) > 24:
        return None
    return _bounded(int(re.sub(r"\D", "", m.group())))


INT64_MAX = 2 ** 63 - 1


def _bounded(value: int) -> int | None:
    """A count that fits the dataset's Int64 columns; anything larger is not a real count."""
    return value if value <= INT64_MAX else None


def _count_at(text: str, start: int = 0) -> int | None:
    m = _NUMBER.search(text, start)
    return int(re.sub(r"\D", "", m.group())) if m else None


# -- view counts --------------------------------------------------------------------------------
_VIEW_BEFORE = re.compile(
    labels.first_letters(labels.VIEWS) + r"(?:" + alternation(labels.VIEWS) + r")\s*[:：]?\s*\(?"
    # (digits drawn one element each read as spaced digits: '0 1 2 3 4' is 1234)
    r"(\d(?: \d){3,}(?![\d.,])|\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\d+)", re.I)
# (not 'Đang xem: 12', the readers on the site now: a visitor counter's row)
_VIEW_VERB = re.compile(r"(?<![^\W\d_])(?<!đang )(?<!Đang )(?<!ĐANG )(?:" + alternation(labels.VIEW_VERBS) + r")\s*[:：]\s*"
                        r"(\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\d+)", re.I)
_VIEW_AFTER = re.compile(   # from a run's first digit only: else a long digit run costs n² tries
    # (not a number a label's colon gives another row: 'Người đang online: 5 Lượt xem hôm nay: 312')
    # (nor a number before a label that opens its own value: '… on line 58 Lượt xem: ' where
    # the count module failed and printed none)
    r"(?<!\d)(?<![:：])(?<![:：]\s)(\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\d+)\s*(?:" + alternation(labels.VIEWS_AFTER) + r")(?![^\W\d_])(?!\s{0,3}[:：])",
    re.I)


def view_count_in(text: str) -> int | None:
    """The view count a labelled text states: 'Số lượt người xem: 122', '1,234 lượt xem'."""
    text = unicodedata.normalize("NFC", text)
    m = _VIEW_BEFORE.search(text) or _VIEW_AFTER.search(text) or _VIEW_VERB.search(text)
    if not m:
        k = _VIEW_THOUSANDS.search(text)
        return round(float(k.group(1).replace(",", ".")) * 1000) if k else None
    if len(m.group(1)) > 24:
        return None
    return _bounded(int(re.sub(r"\D", "", m.group(1))))


# a count in thousands ('1,2K lượt xem', '3.4k views'): as many as it says, to the hundred
_VIEW_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d)?)\s?[kK]\s*(?:" + alternation(labels.VIEWS_AFTER)
                             + r")(?![^\W\d_])", re.I)


_WORD_RUN = re.compile(r"[^\W\d_]+")


def view_line(text: str) -> bool:
    """A short line that states the article's view count and little else ('Số người đọc: 1.026',
    'Đã có 312 người đọc bài này', '1.234 lượt xem'): not a sentence of the text."""
    if len(text) > 60 or text.rstrip().endswith((".", "!", "?", ":", ";")):
        return False
    text = unicodedata.normalize("NFC", text)
    m = _VIEW_BEFORE.search(text) or _VIEW_AFTER.search(text)
    if m is None:
        return False
    rest = text[:m.start()] + " " + text[m.end():]
    return len(_WORD_RUN.findall(rest)) <= 4 and not any(ch.isdigit() for ch in rest)


_COUNTED = re.compile(r"^(\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\d+)\s*(?:" + alternation(labels.COUNT_WORDS) + r")$", re.I)
_ANY_LABEL_COUNT = re.compile(r"^[^\W\d_][^\d:：]{0,30}[:：]\s*(\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\d+)$")


def view_count_of(el: etree._Element) -> int | None:
    """A view-count element: labelled text, or an element that holds only the number, or (the
    element being marked as the article's count) one number after any label ('Lượt truy cập:
    587' in a Joomla article-info block is the article's hits)."""
    text = text_of(el)
    value = view_count_in(text)
    if value is not None:
        return value
    value = parse_count(text)
    if value is not None:
        return value
    m = _ANY_LABEL_COUNT.match(clean(text))
    return parse_count(m.group(1)) if m else counted(text)


def counted(text: str) -> int | None:
    """A number and a bare count word after it ('1.234 lượt', '846 lần')."""
    m = _COUNTED.match(clean(text))
    return parse_count(m.group(1)) if m else None


# -- visitor counters ---------------------------------------------------------------------------
TOTAL_LABELS = ("bạn là người truy cập thứ", "người truy cập thứ", "lượt truy cập thứ",
                "you are visitor number", "visitor number", "số khách đã ghé thăm", "khách đã ghé thăm",
                "lượt khách ghé thăm", "khách ghé thăm", "lượt ghé thăm", "tổng lượt truy cập", "tổng số lượt truy cập", "tổng truy cập", "số lượt truy cập",
                "lượt truy cập", "lượt truy câp", "tổng lượt xem", "tất cả", "tổng cộng", "tổng số",
                "truy cập", "total visits", "total visitors", "visits", "visitors", "total", "tổng")
ONLINE_LABELS = ("đang truy cập", "đang online", "trực tuyến", "online", "đang xem")
TODAY_LABELS = ("hôm nay", "trong ngày", "today")
_LABEL_ORDER = [("online", ONLINE_LABELS), ("today", TODAY_LABELS), ("total", TOTAL_LABELS)]
COUNTER_TITLE = re.compile(
    r"lượt truy c[ậâa]p|thống kê truy cập|số người truy cập|bộ đếm|truy cập|ghé thăm|visitor|"
    # Blogger's Stats widget, a blog's only counter ('Tổng số lượt xem trang', 'Total Pageviews')
    r"tổng số lượt xem trang|total pageviews", re.I)
# a digit's image: 5.png, so5.gif, digit_5.png, five.gif (a theme naming them in English)
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# ... and a theme's colour or size after it ('c5_xanh.gif', 'so5-red.png')
# (the file's whole name, never a photo's 'cong-chieng-1-thumb.jpg')
_DIGIT_SRC = re.compile(r"(?:^|[/_-])(?:[a-z]{0,6}[_-]?)?(\d|" + "|".join(_DIGIT_WORDS) +
                        r")\.(?:png|gif|jpe?g|bmp|svg|webp)(?:$|\?)"
                        r"|(?:^|/)[a-z]{0,6}[_-]?(\d)[_-](?!thumb|small|large|medium|crop|resize|mini|big)[a-z]{1,10}"
                        r"\.(?:png|gif|jpe?g|bmp|svg|webp)(?:$|\?)", re.I)
_OTHER_LABELS = ("hôm qua", "trong tuần", "trong tháng", "trong năm", "tuần này", "tuần trước", "tháng này", "tháng trước", "tháng hiện tại",
                 "năm nay", "năm hiện tại")


@dataclass(frozen=True)
class Counter:
    total: int | None = None
    online: int | None = None
    today: int | None = None

    def as_dict(self) -> dict[str, int]:
        return {k: v for k, v in (("total", self.total), ("online", self.online),
                                  ("today", self.today)) if v is not None}


MAX_COUNTER_DIGITS = 15     # a longer "counter" is a decoration, not a count


def _in_gallery(img: etree._Element) -> bool:
    """A photo of a gallery: in a <figure>, or linking to a picture (a lightbox)."""
    parent = img.getparent()
    if parent is None:
        return False
    if parent.tag == "figure" or (parent.tag == "picture" and parent.getparent() is not None
                                  and parent.getparent().tag == "figure"):
        return True
    return parent.tag == "a" and bool(_PICTURE_HREF.search(parent.get("href") or ""))


_PICTURE_HREF = re.compile(r"\.(?:jpe?g|png|gif|webp)(?:$|\?)", re.I)


def _photo_sized(img: etree._Element) -> bool:
    """Declared wider or taller than any counter digit (they are 8-40 px)."""
    for name in ("width", "height"):
        value = (img.get(name) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) > 80:
            return True
    return False


def _drawn_digit(img: etree._Element) -> str | None:
    """The digit an image draws ('/images/counter/5.gif', alt='5'), or None (a photo, a
    gallery's 'ngay-hoi-1.jpg')."""
    if _photo_sized(img) or _in_gallery(img):
        return None
    src = img.get("src") or ""
    digit = _src_digit(src) if len(src) <= MAX_REMEMBERED_SRC else _read_src_digit(src)
    if digit is not None:
        return digit
    alt = (img.get("alt") or "").strip()
    return alt if len(alt) == 1 and alt.isdigit() else None


def _read_src_digit(src: str) -> str | None:
    """The digit an image's src names ('/images/counter/5.gif', '.../five.png'), or None."""
    m = _DIGIT_SRC.search(src)
    if m is None:
        return None
    digit = (m.group(1) or m.group(2)).lower()
    return digit if digit.isdigit() else str(_DIGIT_WORDS.index(digit))


# a site's counter digits and pictures are the same few files on every page, and each image is
# asked about by several readers of a counter box: the answers for srcs this long are remembered
MAX_REMEMBERED_SRC = 300
_src_digit = functools.lru_cache(maxsize=4096)(_read_src_digit)


def labelled_rows(el: etree._Element) -> Counter | None:
    """A box of several digit rows, each after its label ('Hôm nay:' [0][0][5][1][2] / 'Tổng
    cộng:' [0][1][2][8]…): read as the text it shows, each row written as its number."""
    imgs = _IMAGES(el)
    if len(imgs) < 6:                  # (two rows of three digits at the least)
        return None
    drawn = [(img, d) for img in imgs for d in (_drawn_digit(img),) if d is not None]
    if len({img.getparent() for img, _ in drawn}) < 2:
        return None
    copy = deepcopy(el)
    rows: dict[etree._Element, list[etree._Element]] = {}
    for img in copy.iter("img"):
        if _drawn_digit(img) is not None:
            rows.setdefault(img.getparent(), []).append(img)
    for images in rows.values():
        first, *rest = images
        first.tag, first.text = "span", "".join(_drawn_digit(img) for img in images)
        for img in rest:
            drop_tree(img)
    labelled = labelled_counts(text_of(copy))
    total = labelled.get("total")
    return Counter(total, labelled.get("online"), labelled.get("today")) if total is not None else None


def digit_row(el: etree._Element) -> str | None:
    """Digits drawn one element each: images named 0.png..9.png (or alt='5'), or elements that
    each hold one digit. Returns the digits in order, or None when there is no such row."""
    digits = _image_digits(el)
    if 3 <= len(digits) <= MAX_COUNTER_DIGITS:
        return "".join(digits)
    sprite = _sprite_digits(el) if any("background-position" in (n.get("style") or "")
                                       for n in el.iterfind(".//*[@style]")) else None
    if sprite:
        return sprite
    singles: list[str] = []
    best: list[str] = []
    calendars = {t for t in el.iter("table") if _CALENDAR.search(f"{t.get('class') or ''} {t.get('id') or ''}")}
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if calendars and node.tag == "td" and any(t in calendars for t in node.iterancestors("table")):
            if len(singles) > len(best):
                best = singles
            singles = []
            continue                   # a month calendar's days (1 2 3 … 9) are no counter
        if len(node):
            if (node.text or "").strip():  # a label's own text ("Đang online: <b>4</b>") ends the row
                if len(singles) > len(best):
                    best = singles
                singles = []
            continue
        t = (node.text or "").strip()
        if len(t) == 1 and t.isdigit():
            singles.append(t)
            continue
        if t in (".", ",") and singles:
            continue                   # a thousands separator drawn between the digits
        if t or node.tag in ("br", "div", "p", "li", "td"):
            if len(singles) > len(best):
                best = singles
            singles = []
    if len(singles) > len(best):
        best = singles
    return "".join(best) if 3 <= len(best) <= MAX_COUNTER_DIGITS else None


_CALENDAR = re.compile(r"calendar|lich-?thang|lichthang|datepicker", re.I)
_SPRITE_OFFSET = re.compile(r"background-position\s*:\s*(-?\d+)(?:px)?\s+(-?\d+)(?:px)?", re.I)


def _sprite_digits(el: etree._Element) -> str | None:
    """Digits drawn from one sprite, an empty element each, its offset in the sprite picking the
    digit ('<span style="background-position:-30px 0">' in a row whose offsets are multiples of
    15 px: 2): a counter module's odometer (Vinaora). The digits 0-9 stand in the sprite's order."""
    best: list[int] = []
    run: list[int] = []
    axis = None
    for node in el.iter():
        if not isinstance(node.tag, str) or len(node) or (node.text or "").strip():
            if len(node) == 0 and (node.text or "").strip() and len(run) > len(best):
                best, run = run, []
            continue
        m = _SPRITE_OFFSET.search(node.get("style") or "")
        if m is None:
            continue
        x, y = int(m.group(1)), int(m.group(2))
        run.append(abs(x) if x or axis == "x" else abs(y))
        axis = axis or ("x" if x else ("y" if y else None))
    if len(run) > len(best):
        best = run
    steps = [v for v in best if v]
    if not 3 <= len(best) <= MAX_COUNTER_DIGITS or len(set(best)) < 2 or not steps:
        return None
    step = functools.reduce(math.gcd, steps)
    if step < 5 or any(v // step > 9 for v in best):
        return None
    return "".join(str(v // step) for v in best)


def _image_digits(el: etree._Element) -> list[str]:
    """The longest run of digit images in `el`, in order, that no text splits: a counter's
    digits are drawn side by side, while cards whose thumbnails happen to be named '...-0.jpg',
    '...-1.jpg' have their titles between them."""
    if el.find(".//img") is None:
        return []
    run: list[str] = []
    best: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            digit = _drawn_digit(node) if node.tag == "img" else None
            if digit is not None:
                run.append(digit)
                continue
            text = node.text if isinstance(node.tag, str) else None
        else:
            text = node.tail if node is not el else None
        if text and text.strip(" \t\r\n\xa0.,") and run:
            best, run = max(best, run, key=len), []
    return max(best, run, key=len)


def counter_of(el: etree._Element) -> Counter:
    """Read a visitor-counter widget: a digit row is the total; labelled numbers give total,
    online and today; a lone number is the total."""
    rows = labelled_rows(el)
    if rows is not None:
        return rows
    row = digit_row(el)
    text = _with_shown_values(el)      # (a text box, a count-up, an image's alt shows the number)
    labelled = labelled_counts(text)
    total = int(row) if row else labelled.get("total")
    if total is None and not labelled:
        total = parse_count(text)
    return Counter(total, labelled.get("online"), labelled.get("today"))


def _shows_number(box: etree._Element) -> bool:
    """A read-only (or disabled) text box holding a number: a counter's display."""
    return (box.get("readonly") is not None or box.get("disabled") is not None) \
        and (box.get("type") or "text").lower() == "text" and (box.get("value") or "").isdigit()


# the attribute a count-up animation reads its final number from ('<span class="count-up"
# data-count="1845203">0</span>': the page shows 0, then counts up to it)
_COUNT_UP = ("data-count", "data-to", "data-target", "data-value", "data-number", "data-end", "data-counter")
_ALT_NUMBER = re.compile(r"\d[\d.,\s]{2,}")


def _shown_number(node: etree._Element) -> str | None:
    """The number an element shows that its text does not hold: a read-only text box's value
    (ASP.NET's counter: 'Số lượt truy cập: <input value="0612904" readonly>'), a count-up's
    final number, a counter image's alt text ('Tổng lượt truy cập: 3.456.789')."""
    tag = node.tag
    if tag == "input":
        return node.get("value") if _shows_number(node) else None
    if tag == "img":
        alt = (node.get("alt") or node.get("title") or "").strip()
        if len(alt) < 80 and _ALT_NUMBER.search(alt):
            return alt
        named = _COUNTER_FILE.search(node.get("src") or "")
        return named.group(1) if named else None   # the number only in the picture's name
    if not isinstance(tag, str) or len(node) or not (node.text or "").strip().isdigit():
        return None
    for name in _COUNT_UP:
        value = node.get(name)
        if value is not None:
            return value.strip() if value.strip().isdigit() else None
    return None


# a counter drawn as one picture whose file name carries the total ('luot-truy-cap-0845210.png')
_COUNTER_FILE = re.compile(r"(?:truy[-_]?cap|counter|visits?|visitors?|thong[-_]?ke|hits?)[-_]?(\d{4,10})\.(?:png|gif|jpe?g|svg|webp)(?:$|\?)",
                           re.I)
_IMAGES = etree.XPath(".//img")
# the elements that may show a number their text does not hold (found in C: counter_of is asked often)
_MAY_SHOW = etree.XPath(".//input[@readonly or @disabled] | .//img[@alt or @title or contains(@src, 'truy') or "
                        "contains(@src, 'ounter') or contains(@src, 'isit') or contains(@src, 'thong')] | .//*[@data-count or "
                        "@data-to or @data-target or @data-value or @data-number or @data-end or @data-counter]")


def _with_shown_values(el: etree._Element) -> str:
    """The element's text, with what its boxes, count-ups and counter images show in their place."""
    if not any(_shown_number(node) is not None for node in _MAY_SHOW(el)):
        return text_of(el)
    copy = deepcopy(el)
    for node in list(copy.iter("input", "img", "span", "b", "strong", "div")):
        shown = _shown_number(node)
        if shown is not None:
            node.tag, node.text = "span", f" {shown} "
            for child in list(node):
                node.remove(child)
    return text_of(copy)


@functools.lru_cache(maxsize=1)
def _labelled_patterns() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """The label patterns, built once (on first use, whole before any thread sees them: a
    global filled in two steps once handed another crawl thread half of it)."""
    names = [(k, l) for k, labels in _LABEL_ORDER for l in labels] + \
            [("other", l) for l in _OTHER_LABELS]
    names.sort(key=lambda kl: -len(kl[1]))
    alternatives = "|".join(re.escape(l) for _, l in names)
    starts = labels.first_letters(tuple(l for _, l in names))     # (a faster scan: same matches)
    # a number with decimals or a scale word after it ('Total visitors: 14.6 million') is a
    # statistic in a text, not a counter's reading
    # (a label may say since when it counts: 'Số lượt truy cập (từ 01/7/2025): 215.406')
    forward = re.compile(starts + r"(" + alternatives + r")\s*(?:\([^()\d]{0,12}[\d/.-]{4,10}\)\s*)?[:：]?\s*"
                         r"(\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?!\d|[.,]\d)|\d+(?!\d|[.,]\d))"
                         r"(?!\s*(?:%|million|billion|thousand|triệu|tỷ|nghìn|ngàn)(?!\w))", re.I)
    after = re.compile(r"(\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\d+)\s*[:：]?\s*"
                       r"(" + alternatives + r")(?![^\W\d_])", re.I)
    ends_with_label = re.compile(starts + r"(?:" + alternatives + r")\W*$", re.I)
    return forward, {l: k for k, l in names}, after, ends_with_label


@functools.lru_cache(maxsize=1)
def _label_at() -> re.Pattern[str]:
    names = sorted((l for _, labels in _LABEL_ORDER for l in labels), key=lambda l: -len(l))
    names += sorted(_OTHER_LABELS, key=lambda l: -len(l))
    return re.compile(r"\s*(" + "|".join(re.escape(l) for l in names) + r")(?![^\W\d_])\s*[:：]?", re.I)


_COLUMN_NUMBER = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$|^\d+$")


def _column_counts(text: str, kinds: dict[str, str]) -> dict[str, int]:
    """A statistics block laid out in columns: its labels first, then as many numbers, one per
    label ('Đang truy cập Hôm nay Tổng lượt truy cập 14 126 318.542': a table's header row over
    its number row, a list of labels beside a list of values)."""
    if not text.rstrip()[-1:].isdigit():
        return {}                      # (the numbers come last)
    label_at = _label_at()
    for start in islice(label_at.finditer(text), 4):      # (after the block's title, if any)
        labels, pos = [], start.start()
        while (m := label_at.match(text, pos)) is not None and len(labels) < 8:
            labels.append(m.group(1).lower())
            pos = m.end()
        numbers = text[pos:].split()
        if len(labels) >= 2 and len(numbers) == len(labels) and all(_COLUMN_NUMBER.match(n) for n in numbers):
            found: dict[str, int] = {}
            for label, number in zip(labels, numbers):
                _keep(found, kinds[label], number)
            return found
    return {}


def labelled_counts(text: str) -> dict[str, int]:
    """{'total': .., 'online': .., 'today': ..} from 'Đang truy cập: 25 Hôm nay: 1.024 ...'."""
    if len(text) > REMEMBERED_TEXT:
        return _read_counts(text)
    return dict(_remembered_counts(text))     # (a copy: the caller's to change)


def _read_counts(text: str) -> dict[str, int]:
    pattern, kinds, after, ends_with_label = _labelled_patterns()
    text = unicodedata.normalize("NFC", text)
    found: dict[str, int] = {}
    forward = list(pattern.finditer(text))
    columns = _column_counts(text, kinds)
    if columns:
        return columns
    if ends_with_label.search(text):
        # numbers printed above their labels: "2.345.678 Lượt truy cập 17 Đang xem"
        reverse = list(after.finditer(text))
        starts_with_label = forward and not text[:forward[0].start()].strip()
        if len(reverse) > len(forward) or (reverse and len(reverse) == len(forward)
                                           and not starts_with_label):
            for m in reverse:
                _keep(found, kinds[m.group(2).lower()], m.group(1))
            return found
    for m in forward:
        _keep(found, kinds[m.group(1).lower()], m.group(2))
    if "total" not in found and found:
        # a sentence with the total before its label, then a labelled count ('Website đã đón
        # 2.145.096 lượt truy cập. Đang trực tuyến: 37')
        for m in after.finditer(text):
            if kinds[m.group(2).lower()] == "total":
                _keep(found, "total", m.group(1))
                break
    return found


# a site prints its counter box on every page, and a page's counter texts are read by several
# finders: the counts of short texts are remembered
_remembered_counts = functools.lru_cache(maxsize=4096)(_read_counts)


def reset_caches() -> None:
    """Forget the counter texts and image srcs read so far (benchmarks: each pass sees the
    pages afresh)."""
    _remembered_counts.cache_clear()
    _src_digit.cache_clear()


def _keep(found: dict[str, int], kind: str, number: str) -> None:
    if kind != "other" and kind not in found and len(number) <= 24:
        value = _bounded(int(re.sub(r"\D", "", number)))
        if value is not None:
            found[kind] = value


# -- author and source --------------------------------------------------------------------------
_ROLE = re.compile(
    r"^(?:" + alternation(labels.WRITER_ROLES) +
    # the English page of a portal: 'Story and photos: X', 'By X', 'Reported by X'
    r"|(?:story|text|words|report|reporting)(?: and (?:photos?|pictures|photography))?|hazırlayan|derleyen"
    # a club's or a council's page in another language ('Tekst: Marek Nowak', 'Texte : X')
    r"|tekst|texte|texto|testo|teksti)\s*[:：៖]\s*"
    r"|^(?:by|story by|written by|reported by|compiled by|words by|text by|skrevet af|skrevet av|skrivet av|"
    r"geschrieben von|écrit par|escrito por|scritto da|napisał|napisała|parengė|sagatavoja|pripravil|pripravila|"
    r"připravil|připravila)\s+(?=[A-ZĐÀ-ỸÆØÅĄČĘĖĮŠŲŪŽĀĒĪĶĻŅ])", re.I)
# another contributor's credit after the writer's ('… - Ảnh: Quốc Bảo', '…; Video: …')
def credit_labelled(text: str) -> bool:
    """The line opens with a writer's credit label ('Tin, ảnh:', 'Text:', 'Tekst:', 'Skrevet af')."""
    return _ROLE.match(text) is not None


_NEXT_CREDIT = re.compile(r"(?<!\s)\s*[-–|,;]\s*(?:(?:ảnh|video|clip|đồ họa|đồ hoạ|thiết kế|quay phim|edição|edición|"
                          + alternation(labels.VOICE_ROLES) + "|"
                          r"edizione|edition|editing|redaktion|redakcja|foto|fotos|fotografia|photos?|imagem|imagens|zdjęcia|zdjęcie|"
                          r"kuvat|kuva|bilder|bild|fotó|fotók|fotografie|"
                          r"ilustração|ilustración|infografia|vídeo|grafik)\s*[:：]|"
                          r"(?:translated|photos?|photographs|photography|edited|video) by\s).*$", re.I)
def without_co_credits(text: str) -> str:
    """A signature without the co-credits after the writer ('… - Ảnh: Y', '… - Phát thanh viên: Y')."""
    return _NEXT_CREDIT.sub("", text) or text


# a photographer credited first, the writer after ('Ảnh: Văn Phin - Bài: Hoài Thương')
_PHOTO_ROLE = re.compile(r"^(?:ảnh|phóng sự ảnh|video|clip|đồ họa|đồ hoạ)\s*[:：]", re.I)
_WRITER_AFTER = re.compile(r"\s[-–|,;]\s*(?:bài|tin|bài viết|nội dung|tác giả|người viết)\s*[:：]\s*(.+)$", re.I)
_SOURCE = re.compile(r"^\(?\s*(?:" + alternation(labels.SOURCE) + r")\s*[:：៖]\s*(.+?)\s*\)?$", re.I)
_THEO = re.compile(r"^\(?\s*theo\s+(.+?)\s*\)?\.?$", re.I)

_VOICE_ONLY = re.compile(r"^(?:" + alternation(labels.VOICE_ROLES) + r")\s*[:：៖]\s*[^:：៖]{2,60}$", re.I)
# an edition's translator alone under the text ('Translated by X'): not the writer of the story
_TRANSLATOR_ONLY = re.compile(r"^(?:translated by|translation by|translation\s*:|translator\s*:)\s*[^:：]{2,60}$", re.I)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
_COLLECTED = frozenset(labels.COLLECTED)
_NOT_A_WRITER = re.compile(r"^[-–—\s]*(?:" + alternation(labels.NOT_A_WRITER) + r")[-–—\s]*$", re.I)
# a writer and the outlet the text is taken from, joined by a slash ('Hương Giang/VOV.VN')
_OUTLET_NAMED = r"(?:Báo|Đài|Tạp chí|Cổng|Trang|Thông tấn xã|Truyền hình|Phát thanh)\s"
_BY_FOR = re.compile(r"^([^/]{2,40}?)\s*/\s*((?:[A-ZĐ0-9]{2,}(?:\.[A-Z]{2,})*)|[\w-]+(?:\.[\w-]+)+"
                     # ... or named as a paper, a station, a portal ('Kim Ngân/Báo Cà Mau')
                     r"|" + _OUTLET_NAMED + r"[^/]{2,50})$")
# the outlet in brackets after the writers ('Minh Thư - Thanh Phong (Báo Cà Mau)', '(vov.vn)')
_OUTLET = re.compile(r"^(?:" + _OUTLET_NAMED + r"[^()]{2,50}|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org))$")
# a commune's, ward's or district's radio ('Đài truyền thanh xã', 'Đài Truyền thanh - Truyền hình huyện X')
_LOCAL_STATION = re.compile(r"^đài\s+(?:truyền\s+thanh|tt)\b[^()]{0,60}?\b(?:xã|phường|thị\s+trấn|huyện|thị\s+xã)\b",
                            re.I)
_NAME_SEP = re.compile(r"(?<!\s)\s*(?:,|-|–|&|\bvà\b)\s*")    # a Vietnamese signature's names
_ABBREV = frozenset({"PV", "BBT", "CTV", "TTXVN", "VP", "TH", "BTV", "PV-CTV"})


@dataclass(frozen=True)
class Signature:
    author: str | None = None
    source: str | None = None
    photographer: bool = False         # the line credits the pictures only ('Ảnh: X')


# a writer's part in brackets after the name, not part of the author: the interviewer's
# '(thực hiện)', the compiler's '(tổng hợp)', the translator's '(lược dịch)'
_DID_IT = re.compile(r"^(?:thực hiện|nhóm thực hiện|th|t/h|t\.h|tổng hợp|tổng hợp, biên tập|tổng hợp và biên tập|"
                     r"lược dịch|biên dịch|dịch|lược thuật|ghi|sưu tầm)$", re.I)
# the writer's unit after the name: an office, a centre, a newsroom ('Trung tâm VH-TT huyện')
_UNIT = re.compile(r"^(?:" + alternation(labels.UNITS) + r")\b[^()\d]{0,80}$", re.I)
# a unit after a writer's name and a dash: its number is part of it ('VKSND khu vực 2', 'Phòng 7')
_DASHED_UNIT = re.compile(r"^(?:" + alternation(labels.UNITS, labels.POSITIONS) + r")\b[^()]{0,80}$", re.I)
_DASH = re.compile(r"(?<!\s)\s+[-–]\s+")
_NAME_TITLE = re.compile(r"^(?:(?:" + alternation(labels.NAME_TITLE_ABBREVIATIONS) + r")(?:\.\s*|\s+)|(?:"
                         + alternation(labels.NAME_TITLES) + r")\s+)+", re.I)


def tidy_author(name: str | None) -> str | None:
    """A writer as the record holds it: without an interviewer's '(thực hiện)'."""
    if not name:
        return name
    if _UI_WORDS.match(name) or _ROLE_ONLY.match(name.strip()):
        return None                    # an advertisement's label or a kicker where a signature goes,
        #                                a role with no name ('Staff writer'; a Bangla paper's 'নিজস্ব
        #                                প্রতিবেদক' is kept: two blind sets expect it, one does not)
    if site_account(name):
        return None
    if " ," in name:
        name = re.sub(r"\s+,", ",", name)      # names joined from their own elements: 'A , B'
    portrait = _PORTRAIT_OF.match(name)
    if portrait and name[portrait.end():].strip():
        name = name[portrait.end():].strip()   # a portrait's alt text: 'صورة X', 'Photo of X'
    m = re.match(r"^(.*?)\s*[(（]\s*([^()（）]{1,30}?)\s*[)）]\s*$", name)
    return m.group(1) if m and m.group(1) and _DID_IT.match(m.group(2)) else name


_PORTRAIT_OF = re.compile(r"^(?:صورة|photo of|picture of|portrait of|avatar of|foto de|foto di|foto von|photo de|ảnh)\s+",
                          re.I)
_SITE_ADMIN = re.compile(r"^(?:" + alternation(labels.SITE_ADMIN) + r")(?:$|\s)", re.I)


def site_account(name: str) -> bool:
    """A site's administrator account, not a writer: 'Administrator', 'Webmaster', or an
    administrator's title opening the name ('Quản trị Đoàn xã', 'Admin Trường THCS'). (A
    newsroom's name, 'Redacción', is the byline the page gives: kept.)"""
    return _SITE_ADMIN.match(clean(name)) is not None


def split_signature(text: str) -> Signature | None:
    """Read a signature or source line: 'Nguyễn Thanh', 'Tin, ảnh: Hoàng Anh', 'Theo BGTV',
    'Nguồn: Báo Bạc Liêu'. None when the text is not such a line."""
    text = clean(text).strip(" .;")
    if text[:1] in "(（" and text[-1:] in ")）" and _ROLE.match(text[1:-1].strip()):
        text = text[1:-1].strip()      # a credit in brackets ('（文責：佐藤 健）', '(Bài: X)')
    if not text or len(text) > 80 and not (len(text) <= 130 and _ROLE.match(text)):
        return None                                # (a labelled one may name a long unit: 'Tác giả: X -
        #                                            Phòng Xây dựng, kiểm tra văn bản và Phổ biến, …')
    if text.strip("()").lower() in _COLLECTED or _NOT_A_WRITER.match(text) or _VOICE_ONLY.match(text) \
            or _TRANSLATOR_ONLY.match(text):
        return Signature()                         # 'ST' (collected), '- Διαφήμιση -', a bulletin's
        #                                            'Phát thanh viên: Y': naming no writer
    m = BRACKETED_REPORTER.fullmatch(text)
    if m:
        return Signature(author=m.group(1) or m.group(2))   # "【山本健二】" closing a Japanese news text
    m = KOREAN_BYLINE.match(text)
    if m and _KOREAN_SIGN_OFF.fullmatch(text[m.end(1):]):
        return Signature(author=m.group(1))        # '김민수기자 kimms@…' closing a Korean text
    m = _SOURCE.match(text)
    if m:
        value = _closed(m.group(1).strip(" ."))
        return Signature(source=value) if value else None
    m = _THEO.match(text)
    if m and len(m.group(1).split()) <= 14 and (m.group(1)[:1].isupper() or _DOMAIN.match(m.group(1))):
        value = _closed(m.group(1).strip(" ."))
        head, bracket, tail = value[:-1].partition("(") if value.endswith(")") else ("", "", "")
        if bracket and looks_like_name(head.strip()) and _OUTLET.match(tail.strip()):
            return Signature(author=head.strip(), source=tail.strip())   # 'Theo Thu Hà (Báo Bắc Ninh)':
            #                                        the paper's reporter, and her paper
        return Signature(source=value)             # 'Theo TTXVN', '(Theo baochinhphu.vn)'
    slashed = _BY_FOR.match(text)
    if slashed and looks_like_name(slashed.group(1)):
        return Signature(author=slashed.group(1), source=slashed.group(2))   # 'Hương Giang/VOV.VN'
    labelled = _ROLE.match(text)
    name = text[labelled.end():].strip() if labelled else text
    writer = _WRITER_AFTER.search(name) if labelled and _PHOTO_ROLE.match(labelled.group(0)) else None
    if writer:
        name = writer.group(1).strip()            # 'Ảnh: X - Bài: Y': the writer is Y
    name = _NEXT_CREDIT.sub("", name) or name     # 'Tin: X - Ảnh: Y': the writer is X
    if name.startswith("(") and name.endswith(")"):
        name = name[1:-1].strip()
        items = [i.strip() for i in re.split(r"[,/]", name)]
        if len(items) >= 2 and _AGENCY_CODE.match(items[0]) and items[0] not in _SIGNER_CODES and all(items):
            return Signature(source=name)          # '(TASR, Rádio Správy)', '(AFP, Reuters)': the wires
    if "(" in name and name.endswith(")"):
        head, _, tail = name[:-1].partition("(")
        head, tail = head.strip(), tail.strip()
        src = _THEO.match(tail) or _SOURCE.match(tail)
        if src and looks_like_name(head):
            return Signature(author=head, source=src.group(1).strip())
        if _LOCAL_STATION.match(tail) and _writers(head):
            return Signature(author=name)          # 'Nguyễn Văn Hải (Đài truyền thanh phường)': the
            #                                        commune's or ward's own station, the writers' unit, as
            #                                        printed (a paper or a province's broadcaster is the source)
        if _OUTLET.match(tail) and _writers(head):
            return Signature(author=head, source=tail)
        if looks_like_name(head) and _DID_IT.match(tail):
            return Signature(author=head)          # 'Thu Trang (thực hiện)': the interviewer
        if looks_like_name(head) and (_UNIT.match(tail) or _DASHED_UNIT.match(tail)):
            return Signature(author=name)          # 'Hoàng Linh (Văn phòng HĐND tỉnh)', '… (Kế toán
            #                                        ngân sách xã)': the unit or the post, as printed
    if _dashed_unit(name) or _comma_position(name):
        return Signature(author=name)              # 'Nguyễn Thị Hạnh - VKSND khu vực 2', as printed
    if looks_like_name(name) or _INITIALS.match(name) or (labelled and 0 < len(name.split()) <= 8):
        return Signature(author=name, photographer=bool(labelled and not writer and _PHOTO_ROLE.match(labelled.group(0))))
    if labelled and len(name.split()) <= 14 and _UNIT.match(name) and name[:1].isupper():
        return Signature(author=name)              # 'Tác giả: Trung tâm Công nghệ thông tin và Truyền thông'
    return None


# a writer signing with initials, as Vietnamese papers print them ('P.V', 'T.L', 'Q.Hưng', 'N.H.')
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.\s?){1,3}[A-ZĐ][a-zà-ỹđ]*\.?$")


# a news agency's code opening a bracketed credit ('TASR', 'ČTK', 'AFP', 'TTXVN'); not the codes
# Vietnamese pages sign with (BBT: the editors, CTV: a contributor, PV: a reporter)
_AGENCY_CODE = re.compile(r"^[A-ZĐČŠŽŘ]{3,6}$")
_SIGNER_CODES = frozenset({"BBT", "CTV", "PV", "PV-CTV", "BTV", "VP"})


def _closed(value: str) -> str:
    """A value whose closing bracket the line's optional ')' took back ('Nguồn: Cổng TTĐT huyện
    Kim Bảng (cũ)'), with it."""
    return value + ")" if value.count("(") > value.count(")") else value


def _writers(text: str) -> bool:
    """One writer's name or several joined ('Minh Thư - Thanh Phong', 'A, B và C')."""
    parts = [p for p in _NAME_SEP.split(text) if p]
    return bool(parts) and len(parts) <= 4 and all(looks_like_name(p) for p in parts)


# the body a unit belongs to, in brackets after it ('Khoa Kiểm soát bệnh tật (Trung tâm Y tế khu vực Đức Trọng)')
_UNIT_OWNER = re.compile(r"\s*\((?=[A-ZĐÀ-Ỹ])[^()]{2,80}\)$")


def _dashed_unit(text: str) -> bool:
    """A writer or an office, a dash, then the unit it belongs to ('ThS. Nguyễn Thị Lan - Tổ
    Toán', 'Phòng 7 - VKSND tỉnh', 'BSCKII. Nguyễn Văn Hải - Khoa Hồi sức tích cực - Chống độc')."""
    parts = _DASH.split(text, maxsplit=1)
    unit = _UNIT_OWNER.sub("", parts[1]) if len(parts) == 2 else ""   # ('… - Khoa X (Trung tâm Y tế Y)')
    if len(parts) != 2 or not unit or not _DASHED_UNIT.match(unit) or not unit[:1].isupper():
        return False
    head = parts[0]
    return looks_like_name(head) or (bool(_DASHED_UNIT.match(head)) and len(head.split()) <= 6)


def _comma_position(text: str) -> bool:
    """A writer, a comma, then the post he holds ('TS. Hoàng Văn Định, Phó Hiệu trưởng')."""
    head, comma, post = text.partition(",")
    post = post.strip()
    return bool(comma) and looks_like_name(head.strip()) and post[:1].isupper() and bool(_POSITION.match(post))


_POSITION = re.compile(r"^(?:" + alternation(labels.POSITIONS) + r")\b[^()\d,]{0,60}$", re.I)


def _name_word(word: str) -> bool:
    """'Thanh', 'Đ.' or an abbreviation like 'BGTV': a capital, then lower-case letters."""
    core = word[:-1] if word.endswith(".") else word
    if "'" in core or "’" in core:     # 'H'Yim', 'Y'Bih': Ê Đê and M'Nông names, each piece a name
        pieces = core.replace("’", "'").split("'")
        return len(pieces) == 2 and all(pieces) and all(_name_word(p) for p in pieces)
    if not core or not core.isalpha():
        return False
    return (core[0].isupper() and (len(core) == 1 or core[1:].islower())) or \
        (core.isupper() and 2 <= len(core) <= 5)


def looks_like_name(text: str) -> bool:
    """One or a few personal names or a newsroom abbreviation: every word capitalised."""
    if not text or any(ch.isdigit() for ch in text) or text.endswith((":", "?", "!")):
        return False
    if text.upper() in _ABBREV:
        return True
    parts = [p for p in _NAME_SEP.split(text) if p]
    if not parts or len(parts) > 4:
        return False
    for part in parts:
        titled = _NAME_TITLE.match(part)
        if titled is not None:         # 'ThS. Nguyễn Thị Lan', 'Đại úy Trần Minh Đức': the name after it
            part = part[titled.end():]
        words = part.split()
        if not 1 <= len(words) <= 5:
            return False
        if part.upper() in _ABBREV:
            continue
        if len(words) == 1 and len(words[0]) < 2:
            return False
        # (a surname's particle between capitalised words: 'Pieter du Plessis', 'Ana de la Cruz')
        if not all(_name_word(w) or (0 < i < len(words) - 1 and w in _NAME_PARTICLES) for i, w in enumerate(words)):
            return False
    return True


_NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "du", "da", "di", "dos", "das", "del", "della",
                             "la", "le", "ter", "ten", "bin", "binti", "al", "ibn", "y", "e", "zu"})


def strip_label(text: str, labels: re.Pattern[str]) -> str:
    return labels.sub("", clean(text)).strip(" :：-–|")


AUTHOR_LABEL = re.compile(r"^\s*(?:" + alternation(labels.AUTHOR, labels.ANSWERED_BY, labels.UPLOADER)
                          + r"|posted by|by|thực hiện(?=\s*[:：])|bởi)\s*[:：]?\s*", re.I)
SOURCE_LABEL = re.compile(r"^\s*(?:\(\s*)?(?:" + alternation(labels.SOURCE, ("theo",)) + r")\s*[:：]?\s*", re.I)
SOURCE_LINE = re.compile(r"^\s*(?:\(\s*)?(?:(?:" + alternation(labels.SOURCE) + r")\s*[:：៖]\s*|theo\s+)\w", re.I)
# a writer's line: an author's label, or an uploader's that the portal prints as the byline
AUTHOR_LINE = re.compile(r"^\s*(?:(?:" + alternation(labels.AUTHOR, ("đăng bởi", "người đăng")) + r")"
                         r"(?:\s*[:：]\s*|\s+)|(?:" + alternation(labels.ANSWERED_BY, ("thực hiện",))
                         + r")\s*[:：]\s*)\w", re.I)


_SOURCE_AFTER = re.compile(r"(?<!\s)\s*(?:[|\-–]\s*)?\(?\b(?:" + alternation(labels.SOURCE) + r")\s*[:：].*$", re.I)


# a byline label of another language than Vietnamese ('Written by', 'By', 'Von'): read as a byline
_WORLD_BYLINE = re.compile(r"^\s*(?:written by|by|von|par|por|door|av|af)\s+(?=\w)", re.I)


def author_of(el: etree._Element) -> str | None:
    card = _card_name(el)
    if card is not None:
        return card
    cells = [c for c in el if c.tag in ("td", "th")] if el.tag == "tr" else ()
    if len(cells) > 2:                 # a row of several fields: the label's cell and the one after it
        text = _SOURCE_AFTER.sub("", clean(f"{text_of(cells[0])} {text_of(cells[1])}"))
    else:
        text = _SOURCE_AFTER.sub("", clean(text_of(el))).lstrip("|·• ")   # ('| Người đăng: X')
    if not text or in_book_credits(el):
        return None
    if _WORLD_BYLINE.match(text):
        name = byline_name(text)       # 'Written by Helen Carter, Money Adviser': the person
        if name:
            return name
    sig = split_signature(text)
    if sig and sig.author:
        return sig.author
    name = strip_label(strip_label(text, AUTHOR_LABEL), CREDIT_LABEL)
    name = _ROLE.sub("", name).strip()
    name = ITEM_SEPARATOR.split(name, maxsplit=1)[0]   # 'Sở Tư pháp | Thời gian trả lời: …'
    name = _WHEN_AFTER.split(name, maxsplit=1)[0].strip(" ,;")   # 'X lúc 08:30 ngày 12/9/2025': X
    if is_account(name):
        return None                    # 'Đăng bởi bientap01': the CMS login, not a writer
    return name if name and len(name) <= 80 and not SOURCE_LABEL.match(text) else None


def _card_name(el: etree._Element) -> str | None:
    """An author card's name: the label alone in the card's first element ('<p>Tác giả</p>'), the
    name in the next one, then the writer's role and count of articles in elements of their own
    (not part of the name)."""
    kids = [k for k in el if isinstance(k.tag, str)]
    if len(kids) < 3 or (el.text or "").strip() or kids[1].tag != "a":
        return None                    # (a card: caption, the writer's page linked, more lines)
    caption = text_of(kids[0])
    if not 0 < len(caption) <= 20 or ":" in caption or caption.lower() in ("by", "bởi") \
            or not AUTHOR_LABEL.match(caption) or strip_label(caption, AUTHOR_LABEL):
        return None
    name = text_of(kids[1])
    return name if 0 < len(name) <= 60 and not is_account(name) else None


# when the line goes on to say when it was posted ('bientap01 lúc 08:30 ngày 12/9/2025')
_WHEN_AFTER = re.compile(r"(?<!\s)\s+(?:lúc|vào lúc|vào|ngày|at|on)\s+(?=\d)", re.I)


ITEM_SEPARATOR = re.compile(r"(?<!\s)\s+[|·•]\s+")     # between a meta line's items
# a book's publisher, year or pages, printed beside its 'Tác giả:' line (a library's 'Sách mới' box)
_PUBLISHER = re.compile(r"^\s*(?:nxb|nhà xuất bản|năm xuất bản|số trang|khổ sách|isbn|publisher|verlag|"
                        r"éditeur|editorial|casa editrice)\b", re.I)


def in_book_credits(el: etree._Element) -> bool:
    """`el` is a line of a book's credits: its author beside its publisher ('Tác giả: Đoàn Giỏi'
    over 'NXB Kim Đồng, 2024', a table row over 'Nhà xuất bản | …'), not the article's writer."""
    for node in (el, el.getparent()):
        if node is None or node.tag not in ("p", "div", "li", "tr", "dd", "dt", "span", "td"):
            continue
        for sibling in (node.getprevious(), node.getnext()):
            if sibling is not None and isinstance(sibling.tag, str) and _PUBLISHER.match(text_of(sibling)):
                return True
    return False


_SOURCE_TAIL = re.compile(r"(?:\s[-–|]\s*|\s*[|;,]\s*|\s\(\s*)(?:" + alternation(labels.SOURCE) + r")\s*[:：]\s*"
                          r"([^\W\d_].{0,118}?)\s*\)?\s*\.?$", re.I)


def source_after_byline(el: etree._Element) -> str | None:
    """The source printed on the author's line after it: 'Tác giả: X - Nguồn: Y' -> 'Y'."""
    m = _SOURCE_TAIL.search(clean(text_of(el)))
    return m.group(1).strip(" .") or None if m else None


def source_of(el: etree._Element) -> str | None:
    text = clean(text_of(el))
    sig = split_signature(text)
    if sig is not None and sig.source:
        return sig.source
    if re.match(r"^\s*\(?\s*theo\b", text, re.I):
        return None                      # "Theo đó, ..." is prose, not a source line
    name = strip_label(text, SOURCE_LABEL).strip("() .")
    return name if name and len(name) <= 120 else None


# -- bylines (the generic extractor) ------------------------------------------------------------
# The labels that introduce the writer's name, in the portals' language and in others; an
# uploader's label ("Gửi bởi", "Posted by": often a CMS account) is weaker than an author's.
BYLINE_LABEL = re.compile(
    r"^\s*(?:(?:tác giả bài viết|tác giả|người viết|bài viết bởi|viết bởi|bởi|written by|"
    r"un article de|article de|ein bericht von|bericht von|ein beitrag von|eine reportage von|reportage von|"
    r"reportaje de|"
    # an interviewer's credit ('Беседовала X', 'Propos recueillis par X', 'Interview: X')
    r"беседовала|беседовал|propos recueillis par|interview von|interview by|interviewed by|entrevista de|"
    r"reported by|reporting by|story by|words by|text by|produced by|prepared by|compiled by|geschreven door|geschrieben von|scritto da|"
    r"escrito por|écrit par|ditulis oleh|oleh|γράφτηκε από|kirjoittaja(?=\s*:)|piše(?=\s*:)|höfundur(?=\s*:)|написано от|scris de|authors?|by|von|text von|texte de|texto de|textos de|par|por|di|de|door|av|af|od|szerző|"
    r"müəllif|muallif|yazar|نوشته شده توسط|نویسنده|توسط|autoren|autorinnen|writer(?=\s*:)|qore(?=\s*:)|tekstur(?=\s*:)|"
    r"από|nga|"
    r"автор|авторы|авторка|авторкa|автори|autor|autorzy|autorka|autore|autores|auteur|auteurs|avtor|avtorja|"
    r"avtorji|avtorica|autorica|autori|autors|autore|autoriai|autorius|ავტორი|ავტორები|հեղինակ|作者|记者|記者|文・写真|"
    r"写真・文|文/写真|โดย|รายงานโดย|เขียนโดย|글|글·사진|글/사진|συντάκτης|συντάκτρια|γράφει|מאת|כתב|כתבה|"
    r"(?-i:Του|Της)|zpracoval|zpracovala|autorka textu|napsal|napsala|deur|(?-i:Minn)|"
    # Polish 'compiled by' ('Oprac. Anna Nowak', 'Opracowanie: X')
    r"oprac\.|opracowanie|opracował|opracowała|"
    # Swahili 'written by', 'reported by', 'prepared by'
    r"imeandikwa na|imeripotiwa na|imeandaliwa na|"
    # Tagalog 'written by', 'report by'
    r"isinulat ni|sinulat ni|ulat ni|akda ni|"
    # Javanese 'by', Yoruba 'from the hand of', Mongolian 'reporter', Amharic 'writer' (its colon '፦')
    r"dening|láti ọwọ́|lati owo|сурвалжлагч|ጸሐፊ|ፀሐፊ)(?:\s*[:：՝፦፥]\s*|\s+)"
    # labels that name the text itself ("Текст: ...", "文：...") only with their colon
    r"|(?:текст|мәтін|matn|tekst|teksti|texte|texto|testo|text|文|"
    # the text and its pictures by one hand ('Text och foto: X', 'Tekst og foto: X', 'Texte et photos : X')
    r"text och (?:foto|bild)|tekst og (?:foto|bilde|billeder)|tekst i (?:foto|zdjęcia)|tekst en foto's?|"
    r"texte et photos?|texto y fotos?|texto e fotos?|testo e foto|text und fotos?|text and photos?|"
    r"teksti ja kuvat|szöveg és fotó)\s*[:：]\s*|文\s*[/／]\s*"
    # Baltic and Slavic 'prepared by' ('Parengė Rūta Kazlauskienė', 'Sagatavoja X', 'Pripravila X')
    r"|(?:parengė|sagatavoja|sagatavojusi|koostas|koostanud|pripravil|pripravila|připravil|připravila)\s+"
    r"(?=[A-ZĄČĘĖĮŠŲŪŽĀĒĪĶĻŅŌŖŪÕÄÖÜŠŽČĆŽĐ])"
    # Swahili 'Na X', Hausa 'Daga X', Haitian Creole 'Pa X' (by X), capitalised as a byline starts,
    # before a capitalised name
    # ... Setswana and Sesotho 'Ka X', Frisian 'Troch X', Papiamentu 'Skirbí pa X'; Zulu and
    # Xhosa join theirs to the name ('Ngu-Sipho Mthembu', 'ngu-')
    r"|(?-i:Na|Ni|Daga|Pa|Ka|Troch|Per|Gan|Le)\s+(?=[A-ZÁÉÍÓÚ])|(?-i:От|Од)\s+(?=[А-ЯЁЂЃЄЅІЇЈЉЊЋЌЎЏ])|"
    # Amharic 'by' (በ) before an Ethiopic name
    r"በ\s+(?=[\u1200-\u137f])|(?-i:Skirbí pa|Skirbi pa|Skibí pa)\s+(?=[A-Z])"
    r"|(?-i:Ngu|ngu|Ng)-(?=[A-Z]))(?=\w)", re.I)
# a writer credited with a label of its own trade ('Haber: X', 'Penulis: X', 'تقرير: X'): the
# writer, never a photographer's credit
WRITER_CREDIT_LINE = re.compile(
    r"^\s*(?:(?:" + alternation(labels.WRITER_CREDIT_SPACED) + r")(?:\s*[:：]\s*|\s+)"
    r"|(?:" + alternation(labels.WRITER_CREDIT) + r")\s*[:：៖]\s*)\w", re.I)     # (Khmer's colon ៖)
# a Chinese reporter's credit: in a dateline's brackets ('新华社北京3月20日电（记者张晓明、李雪）'),
# as a line of its own ('本报记者　刘阳', '浪潮新闻记者 李明'), or between slashes ('聯報／記者林彥廷／台北')
_CJK_NAMES = r"[\u3005\u4e00-\u9fff]{2,4}(?:[、，][\u3005\u4e00-\u9fff]{2,4}){0,5}"
# (not the nouns 'reporter' opens in Japanese: 記者発表 a press release, 記者会見 a press
# conference, 記者クラブ the press club)
_NOT_A_REPORTER = r"(?!発表|会見|クラブ|室|懇談|招待)"
CJK_REPORTER = re.compile(rf"[（(]\s*(?:记者|記者)\s*({_CJK_NAMES})\s*[）)]"
                          # an agency's dateline: '（中央社記者王大明台中14日電）' (reporter, place, day)
                          rf"|[（(]\s*[\u4e00-\u9fff]{{0,6}}?(?:记者|記者)([\u4e00-\u9fff]{{2,3}})[\u4e00-\u9fff]{{2,4}}"
                          rf"\s*\d{{1,2}}\s*日\s*[电電]"
                          # '記者陳怡君／台北報導' (reporting from Taipei)
                          rf"|^(?:记者|記者)\s*({_CJK_NAMES})\s*[／/]\s*\S{{1,6}}?(?:报导|報導|报道|報道)$"
                          rf"|^\S{{0,8}}?(?:记者|記者){_NOT_A_REPORTER}[\s\u3000]*({_CJK_NAMES})$"
                          rf"|[／/]\s*(?:记者|記者)\s*({_CJK_NAMES})\s*[／/]")


# a Japanese newspaper's reporter closing the text in lenticular or full-width brackets ('【山本健二】',
# '（山本健二、田中一郎）')
BRACKETED_REPORTER = re.compile(rf"【({_CJK_NAMES})】|（({_CJK_NAMES})）")


def cjk_reporter(text: str) -> str | None:
    m = CJK_REPORTER.search(text)
    return next((g for g in m.groups() if g), None) if m else None


# a Korean byline: the name, then 기자 (reporter) or 특파원 (correspondent)
KOREAN_BYLINE = re.compile(r"^([\uac00-\ud7af]{2,4})\s*(?:기자|특파원|통신원)(?:\s|$|[=/(])")
# what may follow the reporter's name on a Korean sign-off line: the title, an e-mail address
_KOREAN_SIGN_OFF = re.compile(r"\s*(?:기자|특파원|통신원)\s*(?:[=/]?\s*[\w.+-]+@[\w.-]+)?\s*")
# ... and in a wire story's dateline that opens the text ('(서울=한반도뉴스) 김서연 기자 = …')
KOREAN_DATELINE = re.compile(r"^[(（][^()（）]{2,30}[)）]\s*([\uac00-\ud7af]{2,4})\s*(?:기자|특파원)\s*=")
UPLOADER_LABEL = re.compile(
    r"^\s*(?:" + alternation(labels.UPLOADER) + r"|posted by|submitted by|"
    r"uploaded by|publié par|posté par|veröffentlicht von|eingestellt von|erstellt von|gepostet von|"
    # an early CMS's post footer or story line ('Postat av X kl. 14:20', 'Beküldte: X , 2006. április …',
    # 'Dikirim oleh X pada …', '投稿者： X')
    r"postat av|postet av|postet af|geplaatst door|beküldte|dikirim oleh|diposting oleh|publicado por|publicat per|"
    r"投稿者(?=\s*[:：]))(?:\s*[:：]\s*|\s+)(?=\w)", re.I)
# credit labels of a writer or photographer not above: a line that starts with one is the
# credit, the label is not part of the name
CREDIT_LABEL = re.compile(
    r"^\s*(?:(?:photos? by|photographs by|pictures by|fotos? de|fotos? von|fotos? di|"
    + alternation(labels.WRITER_CREDIT_SPACED) + r")(?:\s*[:：]\s*|\s+)"
    r"|(?:interview|entrevista|intervista|wywiad|интервью|fotos?|photos?|"
    + alternation(labels.WRITER_CREDIT) + r")\s*[:：៖]\s*)(?=\w)", re.I)
BYLINE_LINE = re.compile(BYLINE_LABEL.pattern + r"\w", re.I)
UPLOADER_LINE = re.compile(UPLOADER_LABEL.pattern + r"\w", re.I)
# what follows the name on a byline: a separator, a date, "on <date>", "am <Datum>"
_BYLINE_END = re.compile(r"(?<!\s)(?:\s+(?=(?:प्रकाशित|अपडेट|published|posted|updated|veröffentlicht|aktualisiert|publié|"
                         r"mis à jour|publicado|actualizado|pubblicato|ngày đăng|cập nhật|yayınlanma|publicat|"
                         r"güncelleme|نُشر|تاريخ النشر)(?:\s*[:：]|\s+(?:(?:le|am|on|el|em|il|op|the)\s+)?\d))"
                         # (the date's label on the next line: 'Publié le 07/10/2020', 'Updated: …')
                         r"|\s*(?:[|·•—–;]|\s/|/(?=\s|\d)|\s-\s|,\s*(?=\d)|\s(?:on|am|le|il|el|em|op|ngày|lúc|"
                         r"vào|à|um|at|alle|às|pada|ساعت)\s+(?=\d|[A-ZĐ]\w*\s+\d|[A-ZĐ]\w*,\s+(?:\d|[A-ZĐ]\w*\s+\d)))|\s*\(\s*\d)", re.I)
# buttons and toolbar words, never a name
_UI_WORDS = re.compile(
    r"^(?:in bài|bản in|in trang|gửi email|gửi bài|chia sẻ|quay lại|lưu bài|góp ý|bình luận|"
    r"print|share|email|e-mail|tweet|donate|subscribe|follow|comment|comments|contact|"
    r"about the author|about|drucken|teilen|versenden|spenden|folgen|imprimer|partager|"
    r"envoyer|faire un don|imprimir|compartir|stampa|condividi|afdrukken|delen|"
    # subscribe buttons where a byline goes ('Iscriviti', 'Abonnieren')
    r"iscriviti|abbonati|abonnieren|s'abonner|suscríbete|suscribirse|inscreva-se|assine|zapisz się|"
    # a translation or a reader widget's button ('Translate', 'Select Language', 'Listen')
    r"translate$|google translate$|select language$|listen$|dịch$|"
    # a byline's own words, left alone by the template ('Posted on', 'Published')
    r"posted(?: on| at| in)?$|published(?: on| at| in)?$|updated(?: on| at)?$|written$|submitted$"
    # ... and in the other languages a date's line is labelled in ('Publicado em', 'Veröffentlicht')
    r"|(?:" + alternation(labels.DATE_PUBLISHED, labels.DATE_UPDATED) + r")(?:\s+(?:em|am|le|el|il|on|op|dne))?$"
    # a writer's box's own label, the name beside it in a picture ('Автор', 'Autor', 'Author')
    r"|(?:автор|autor|autore|auteur|author|författare|forfatter|szerző)$"
    # ... or the heading of the writer's card after the text ('L'autore', 'O autorce', 'About the author')
    r"|(?:" + alternation(labels.ABOUT_AUTHOR, labels.AUTHOR_CARD) + r")$"
    # a kicker or an advertisement's label where the byline goes ('Communiqué de presse', '- Διαφήμιση -')
    r"|[-–—\s]*(?:" + alternation(labels.NOT_A_WRITER) + r")(?=[-–—\s]*$))\b", re.I)
_PARTICLES = frozenset({"de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der",
                        "den", "du", "le", "la", "bin", "binti", "al", "el", "y", "e", "zu", "ten",
                        "ter", "st.", "mc"})
# "Alex Chen and Jordan Blake", "Thomas Berger und Anja Lenz": two writers on one byline
_AND = frozenset(labels.AND)
# a name in Chinese or Japanese script ("王明", "田中一郎", "田中 一郎"), one or a few
# (with the iteration mark 々: '佐々木彩')
_CJK_NAME = re.compile(r"^[\u3005\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]{2,8}"
                       r"(?:[\s・、，,/][\u3005\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]{1,8}){0,3}$")
_ACCOUNT = re.compile(r"[_@\d]|^[a-z0-9.]+$")


def is_account(name: str | None) -> bool:
    """A CMS login shown where the writer goes ('bientap', 'admin01', 'nguyen_van_a'): one word,
    lower case or with digits, '_' or '@'; never a writer's name ('PV', 'CTV' are the newsroom's)."""
    return bool(name) and " " not in name.strip() and not name.isupper() and bool(_ACCOUNT.search(name))
_TOOL_CLASS = re.compile(r"print|share|mail|social|icon|button|btn|tool|donat|follow|subscribe",
                         re.I)


def tool_link(a: etree._Element) -> bool:
    """A link that is a button, not a way to another page: a script, an e-mail, a place on this
    page ('In bài', 'Gửi bài', 'Về đầu trang'), or one classed print/share/mail/icon."""
    href = (a.get("href") or "").strip().lower()
    if href.startswith("mailto:"):
        # ('By <a href="mailto:khart@…">Kelsey Hart</a>': the writer's name, linked to her address)
        name = clean(text_of(a))
        return not (" " in name and "@" not in name and looks_like_name(name))
    return href.startswith(("javascript:", "#")) or bool(_TOOL_CLASS.search(a.get("class") or "")) \
        or (len(a) <= 2 and clean(text_of(a)).lower() in _TOOL_LINK_WORDS)


# a toolbar's links by their words, whatever they point at ('In bài' → inbai.asp, 'Gửi bạn bè')
_TOOL_LINK_WORDS = frozenset(labels.TOOL_LINKS)


def byline_text(el: etree._Element) -> str:
    """The element's text without its toolbar (`tool_link`s) and <button>s, and without the place
    its writer files from or the title or outlet he writes for when an element of its own prints
    it after the name ('<span>নিজস্ব প্রতিবেদক</span><span class="author-location">ঢাকা</span>',
    'By DANA HOLLIS<br/><span class="byline-title">Associated Press</span>')."""
    text = _byline_text(el)
    for d in el.iterdescendants():
        if not isinstance(d.tag, str):
            continue
        cls = d.get("class") or ""
        if _PLACE_PART.search(cls) or _CREDENTIAL_PART.search(cls) or (_OUTLET_PART.search(cls) and _after_break(d)):
            place = text_of(d)
            if place and text.endswith(place) and _LETTER.search(BYLINE_LABEL.sub("", text[:-len(place)], count=1)):
                text = text[:-len(place)].rstrip(" ,·|-–")
    return text


_PLACE_PART = re.compile(r"(?:^|[\s_-])(?:location|place|dateline|city)(?:$|[\s_-])", re.I)
# the title or the outlet printed on a line of its own under the name (a role beside the name,
# 'Fotograf' on a byline card, says who took the pictures: it stays)
_OUTLET_PART = re.compile(r"(?:^|[\s_-])(?:title|affiliation|organi[sz]ation|agency|outlet|company)(?:$|[\s_-])",
                          re.I)
# the writer's credential or job printed after the name in an element of its own ('<a>Megan
# Ortiz</a><span class="md-person__cred">Health reporter</span>'): his title, not his name
_CREDENTIAL_PART = re.compile(r"(?:^|[\s_-])(?:cred|credentials?|jobtitle|job-title)(?:$|[\s_-])", re.I)
_LETTER = re.compile(r"[^\W\d_]")


def _after_break(el: etree._Element) -> bool:
    prev = el.getprevious()
    return prev is not None and prev.tag == "br" and not (prev.tail or "").strip()


def _named_anchor(a: etree._Element) -> bool:
    """A writer's name linked to '#' (a profile page the site never made): two words or more,
    a name's shape ('Teilen', 'Share' linked to '#' are buttons)."""
    if (a.get("href") or "").strip() != "#":
        return False
    text = clean(text_of(a))
    words = text.split()
    return len(words) >= 2 and looks_like_name(text) and not _UI_WORDS.match(text) \
        and not any(_UI_WORDS.match(word) for word in words)      # ('Artikel Drucken', 'Share This')


def _byline_text(el: etree._Element) -> str:
    tools = [a for a in el.iter("a") if tool_link(a)
             and not _named_anchor(a)]
    # "By <a rel=author>Jim Hollis</a>, Staff Writer": the byline ends with its last writer's
    # link; a role or the paper's name after it is not a name
    writers = [a for a in el.iter("a") if a.get("rel") == "author" or _AUTHOR_HREF.search(a.get("href") or "")]
    if not tools and not writers:
        return text_of(el)
    if len(writers) >= 2:
        joint = _joint_writers(el, writers)
        if joint is not None:
            return joint
    skip = set(tools)
    last = writers[-1] if writers else None
    parts: list[str] = []

    def walk(node) -> bool:
        """False once the last writer's link is read."""
        if isinstance(node.tag, str) and node.tag not in ("script", "style", "button"):
            if node.text:
                parts.append(node.text)
            for child in node:
                if child not in skip and not walk(child):
                    return False
                if child is last:
                    return False
                if child.tail:
                    parts.append(child.tail)
        return node is not last
    walk(el)
    return _SPACE_BEFORE_MARK.sub(r"\1", clean(" ".join(parts)))


_SPACE_BEFORE_MARK = re.compile(r"(?<!\s)\s+([,;.])")
_JOINER_WORD = re.compile(r"\s(" + alternation(labels.JOINING) + r")\s", re.I)


def _joint_writers(el: etree._Element, writers: list[etree._Element]) -> str | None:
    """A byline of several writers' links, with their roles or times between them ('By <a>Daniel
    Okoro</a>, Senior Fellow, and <a>Laura Méndez</a>, Research Associate', '<a>Aisha Rahman</a>
    (now) and <a>Tom Ellery</a> (earlier)'): its label and the names, joined by its own 'and'."""
    names = list(dict.fromkeys(clean(text_of(a)) for a in writers))
    if not 2 <= len(names) <= 6 or not all(looks_like_name(n) or _CJK_NAME.match(n) for n in names):
        return None
    full = text_of(el)
    start = full.find(names[0])
    at = start + len(names[0])
    for i, name in enumerate(names[1:], 1):
        found = full.find(name, at)
        if found > 0 and _EDITOR_BEFORE.search(full[at:found]):
            names = names[:i]          # 'Reported by A, Edited by B': B edited it
            break
        at = found + len(name) if found >= 0 else at
    if len(names) == 1:
        return clean(full[:start] + names[0])
    between = full[start + len(names[0]):full.find(names[1], start + len(names[0]))].strip()
    if ":" in between or "：" in between:
        return None                    # credits of different trades ('Texto: A  Fotografía: B')
    if between in ("、", "，", "・"):
        return clean(full[:start] + between.join(names))      # '中村俊介、木下麻衣', as printed
    joiner = _JOINER_WORD.search(full, start)
    word = joiner.group(1) if joiner is not None else None
    joined = ", ".join(names) if word is None else f"{', '.join(names[:-1])} {word} {names[-1]}"
    return clean(full[:start] + joined)
_EDITOR_BEFORE = re.compile(r"(?:" + alternation(labels.EDITOR) + r")\s*[:：]?\s*$", re.I)
# a link to a writer's own page ('/author/jane-doe/', '/staff/4365/nadia-brooks/', '/autor-fl5pbd')
_AUTHOR_HREF = re.compile(r"/(?:authors?|autor(?:es|en)?|auteurs?|autore|staff|journalists?|experts?|"
                          r"contributors?|columnists?|reporters?|profiles?|people|person|redakteur|tac-gia|writers?|"
                          r"yazar|yazarlar|muhabir|giornalisti|firme|redacao|redaccion|penulis|wartawan)"
                          r"(?:/[^/?#]+(?:/[^/?#]+)?|-[^/?#]+)/?(?:$|[?#])", re.I)


_TWO_NAMES = re.compile(r"(?<!\S)(\S+(?:\s\S+){1,3})\s[-–]\s(\S+(?:\s\S+){1,3})")
_NOT_A_PERSON = re.compile(r"^(?:báo|đài|tạp chí|cổng|ttxvn|trung tâm|sở|phòng|ban|văn phòng|ubnd|"
                           r"ủy ban|uỷ ban|cục|chi cục|hội|trường|viện|theo|nguồn)\b", re.I)


def _two_names(text: str) -> str | None:
    """A signature of two writers joined by a dash ('Ngọc Ánh - Đức Minh'): both full names
    (two to four capitalised words), neither an office or a paper; the line as printed."""
    m = _TWO_NAMES.fullmatch(text.strip(" .;"))
    if m is None:
        return None
    first, second = m.group(1), m.group(2)
    if all(looks_like_name(n) and not _NOT_A_PERSON.match(n) and not n.isupper()
           for n in (first, second)):
        return m.group(0)
    return None


# what a byline adds after the name: the writer's role or unit ('Ruth Ellison, Science
# Director', 'Hannah Okafor, College of Engineering'), another credit ('… Fotoğraf: Y')
_ROLE_TAIL = re.compile(
    r"(?:,\s*(?:[^\W\d_][\w.'’-]*\s+){0,4}?(?:director|editor|reporter|writer|correspondent|"
    r"professor|college|university|department|staff|officer|manager|coordinator|chief|senior|"
    r"associate|contributor|columnist|photographer|producer|anchor|analyst|specialist|"
    r"communications|affairs|school|institute|cent(?:er|re)|office|économiste|journaliste|"
    r"redakteur(?:in)?|korrespondent(?:in)?|periodista|giornalista|jornalista|redactor[a]?)\b.*"
    r"|(?<!\s)\s+(?:fotoğraf|foto|fotos|photo|photos|ảnh|bild|imagen|kamera|video|фото|фотографии|сурет|видео|редактор|editor|redaktor)\s*[:：].*"
    # the outlet a writer files for, in capitals ('JAMES PARKER FOR CLARIONLINE')
    r"|(?<!\s)\s+(?-i:FOR|FÜR|POUR|PARA)\s+(?-i:[A-Z][A-Z0-9.&-]+)(?:\s+(?-i:[A-Z][A-Z0-9.&-]+)){0,3})$", re.I)


# a writer's label with its colon ('Autor: Biroul de Informare…'): the value is the writer also
# when it is an office, not a person's name
_AUTHOR_COLON = re.compile(r"^\s*(?:autor|author|auteur|autore|autora|szerző|forfatter|författare|yazar|"
                           r"tác giả)\s*[:：]\s*", re.I)
_OFFICE_LIKE = re.compile(r"^[^\W\d_][^\d:|]{2,80}$")


_EDITOR_ONLY = re.compile(r"^\s*(?:" + alternation(labels.EDITOR) + r")\s*[:：]", re.I)
# the site or the outlet after the writer's name: 'Eglė Petrauskaitė, LRT.lt', 'Mike Collins (LSM)'
_OUTLET_AFTER = re.compile(r",\s*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\s*$|(?<=\w)\s+\([A-Z]{2,8}\)\s*$"
                           # ... 'Sarah Tremblay, The Northern Lantern': a paper named 'The …'
                           r"|,\s*(?-i:The)\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,3}\s*$")


# a writer's role printed alone in his card ('Contributor', 'Staff Writer'): no name; after a name
# in the same card ('Jane Smith Contributor'): not part of it
_ROLES_EN = r"(?:senior |staff |guest |freelance |special )?(?:contributor|writer|columnist|correspondent|reporter|editor|journalist)"
# ... or a club's, a parish's or a school's office signing for it ('by Club Secretary', 'Webmaster')
_OFFICE_BEARER = (r"(?:the )?(?:club |hon\.? |honorary |parish |school |press |publicity |media )?"
                  r"(?:secretary|treasurer|webmaster|committee|office|newsdesk|news desk|web team|media team)")
_ROLE_ONLY = re.compile(rf"^{_ROLES_EN}s?$|^authors?$|^{_OFFICE_BEARER}$", re.I)
_ROLE_AFTER = re.compile(rf"(?<=\w)\s+{_ROLES_EN}$", re.I)
# ... and with the dateline's place after it, in capitals ('Staff Reporter LAHORE')
_ROLE_PLACE = re.compile(rf"^(?i:{_ROLES_EN})s?[\s,]+[A-Z][A-Z.'-]{{2,}}(?:\s[A-Z][A-Z.'-]{{2,}})?$")
# ... with the paper's name before it ('Mark Ellis Courier staff writer')
_PAPER_ROLE_AFTER = re.compile(r"(?<=\w)\s+(?-i:[A-Z][\w.&'-]*)\s+staff\s+(?:writer|reporter|correspondent)$", re.I)


def _without_role(text: str) -> str:
    shorter = _PAPER_ROLE_AFTER.sub("", text)
    if shorter != text and len(shorter.split()) >= 2 and _ROLE_AFTER.sub("", text) != text:
        return shorter
    return _ROLE_AFTER.sub("", text)


# the weekday that opens the date line printed after the name ('מאת: דני כהן<br>יום שישי, 14 במרץ 2008')
_TRAILING_WEEKDAY = re.compile(
    r"(?<=\s)(?:יום\s(?:ראשון|שני|שלישי|רביעי|חמישי|שישי|שבת)|thứ\s(?:hai|ba|tư|năm|sáu|bảy)|chủ\snhật|"
    r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|"
    r"Freitag|Samstag|Sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))$", re.I)
# a labelled date in brackets after the name: when the post was updated, not part of the name
_BRACKETED_STAMP = re.compile(r"[(（][^()（）:：\d]{1,30}[:：][^()（）\d]{0,20}\d[^()（）]{0,40}[)）]\s*$")


# a photographer's or a video's credit after a Chinese, Japanese or Korean writer's ('　攝影／陳志偉')
_CJK_CO_CREDIT = re.compile(r"(?<=[^\s\u3000])[\s\u3000]+(?:攝影|摄影|圖|图|圖片|图片|写真|撮影|사진|影像|視頻|视频|編輯|编辑)\s*[/／:：].*$")
# the one- and two-letter labels of some languages ('Na X', Swahili's 'by X') that open sentences
# in others (Portuguese 'Na Região …', Italian 'Per la …')
_SHORT_LABELS = frozenset(("na", "ni", "pa", "ka", "per", "daga", "troch", "di", "de", "od", "av", "af"))
def _sentence_after(rest: str) -> bool:
    """What follows a short label reads as a sentence, not a name and its date line."""
    head = _BEFORE_META.split(rest, 1)[0].rstrip()
    return len(head.split()) > 6 or head.endswith(".")


_BEFORE_META = re.compile(r"\s[|·•–—-]\s|\s\d")
# a correspondent's byline that names the post before the person ('De notre correspondante à
# Liège, Claire Dumont', 'From our correspondent in Nairobi, X'): a label like 'By'
_CORRESPONDENT_LEAD = re.compile(
    r"^(?:de notre|de nos|from our|von unserem|von unserer|dal nostro|dalla nostra|de nuestro|de nuestra|"
    r"do nosso|da nossa)\s+(?:envoyée?s?\s+spéciale?s?|correspondante?s?|special correspondent|correspondent|"
    r"korrespondent(?:en|in)?|corrispondente|inviat[oa]|corresponsal|correspondente|enviad[oa] especial)"
    r"(?:\s+(?:à|au|aux|en|in|a|em|aus|no|na)\s+[^,]{1,40})?\s*,\s*", re.I)


# a social handle in brackets after the name ('Zeynep Arslan (@zeyneparslan)'): the account, not the name
_BRACKETED_HANDLE = re.compile(r"[(（]\s*@[\w.]{1,40}\s*[)）]")   # (the spaces before it: stripped after)


def byline_name(text: str, labelled_only: bool = False) -> str | None:
    """The writer's name on a byline: 'By Sarah Collins | 2 September 2023' -> 'Sarah Collins',
    'Von Anna Schmidt', 'Par Julien Moreau — Publié le ...', 'Tác giả bài viết: Nguyễn Văn
    Hùng', 'Bởi Trần Minh Hải'. None for button text, an account name or anything that is
    not a name."""
    text = _BRACKETED_HANDLE.sub("", _SOURCE_AFTER.sub("", clean(BIDI.sub("", text)))).strip().lstrip("|·• ")   # (&rlm; around a name: not
    #                                  part of it; a meta line's separator before the label: '| Tác giả: X')
    if text.endswith((":", "：")):
        return None                    # a label alone ('Etiketat:', 'Tác giả:')
    if _EDITOR_ONLY.match(text):
        return None                    # 'Toimetaja: X' (editor): who edited it, not who wrote it
    korean = KOREAN_BYLINE.match(text)
    if korean is not None:
        return korean.group(1)         # '김민수 기자 kimms@…': the reporter, his e-mail after
    text = _OUTLET_AFTER.sub("", text)   # 'Eglė Petrauskaitė, LRT.lt': the writer, not the site
    m = _CORRESPONDENT_LEAD.match(text) or BYLINE_LABEL.match(text) or UPLOADER_LABEL.match(text) \
        or CREDIT_LABEL.match(text)
    if m is None and labelled_only:
        return None
    rest = text[m.end():] if m else text
    if m is not None and m.group(0).strip().lower() in _SHORT_LABELS and _sentence_after(rest):
        return None                    # 'Na Região Metropolitana, General Carneiro registrou -4,6 °C.':
        #                                a sentence opening with a preposition, not Swahili's 'Na X'
    korean = KOREAN_BYLINE.match(rest) if m else None
    if korean is not None:
        return korean.group(1)         # '글 김서연 기자 · 그래픽 박준호 기자': the writer, without 기자
    if m is not None:
        rest = _CJK_CO_CREDIT.sub("", rest)       # '文／林佳蓉　攝影／陳志偉': the writer, not the photographer
    roled = _ROLE.match(rest) is not None          # 'Bài, ảnh: X': labelled all the same
    rest = _ROLE.sub("", rest)
    rest = _BRACKETED_STAMP.sub("", _ROLE_TAIL.sub("", rest)).rstrip()   # '… (Cập nhật: 20/08/2025)'
    unit = rest.strip(" .;")
    if m is not None and unit[:1].isupper() and len(unit.split()) <= 14 and _UNIT.match(unit):
        return unit                    # 'Tác giả: Trung tâm Văn hóa - Thể thao xã': the unit, whole
    end = _BYLINE_END.search(rest)
    if end is not None and end.start() > 0:
        rest = _two_names(rest) or (rest.strip(" .;") if _dashed_unit(rest.strip(" .;")) else None) \
            or rest[:end.start()]              # 'Thiếu tá X - Đồn Biên phòng Y': as printed
    rest = rest.strip(" ,;:|-–—·.")
    if end is not None and end.start() > 0:
        rest = _TRAILING_WEEKDAY.sub("", rest).strip(" ,;:|-–—·.")   # (its date line's weekday)
    if _ROLE_ONLY.match(rest) or _ROLE_PLACE.match(rest):
        return None                    # 'Senior Contributor' alone, 'Staff Reporter LAHORE': a role, no name
    rest = _without_role(rest)                      # 'Jane Smith Contributor': the person
    if not rest or len(rest) > 80 or _UI_WORDS.match(rest) or _UI_WORDS.match(text) or ":" in rest or "：" in rest \
            or "@" in rest or _ROLE_ONLY.match(rest):
        return None                    # (a label not a writer's left in it: 'Etiketat: Festival')
    person, comma, role = rest.partition(",")
    if comma and role.split() and role.split()[-1].lower() in _ROLE_NOUNS and "," not in role \
            and looks_like_name(person.strip()):
        return person.strip()          # 'Helen Carter, Money Adviser': the person, not her role
    if looks_like_name(rest) or ((m is not None or roled) and _dashed_unit(rest)):
        return rest
    if m is not None and _CJK_NAME.match(rest):
        return rest
    if m is not None:
        name = rest.partition(",")[0].strip()
        if name.isupper() and 2 <= len(name.split()) <= 4 and not _ROLE_ONLY.match(name) \
                and looks_like_name(name.title()):
            return name                # 'Por LUCÍA BENÍTEZ, especial para …': a name in capitals, as printed
    if m is not None and len(rest.split()) <= 14 and _UNIT.match(rest) and rest[:1].isupper():
        return rest                    # 'Tác giả: Phòng Phát triển dịch vụ đô thị thông minh'

    if "、" in rest and all(_CJK_NAME.match(n) for n in rest.split("、")):
        return rest                    # '中村俊介、木下麻衣': writers joined as printed
    if m is not None and rest.count(",") == 1:
        names, _, outlet = rest.partition(",")
        if _JOINER_WORDS.search(names) and _several_names(names.strip()) and outlet.strip():
            return names.strip()       # 'Por A e B, Portal do Bairro': the writers, not their paper
    if m is not None and _several_names(rest):
        return rest                    # 'By A, B and C'
    if m is not None and rest.count(",") == 1:
        name, _, role = rest.partition(",")
        if looks_like_name(name.strip()) and role.strip() and (not _JOINER_WORDS.search(rest) or (
                len(name.split()) >= 2 and all(len(n.split()) == 1 for n in _JOINERS.split(role.strip())))):
            return name.strip()        # 'By Ruth Ellison, Science Director', 'By Karen Mills, Parks and
            # Recreation': the person, not her role or department
    if m is not None and _CASELESS_NAME.match(rest) and 1 <= len(rest.split()) <= 4:
        return rest                    # a name in a script without capitals (Arabic, Hindi…)
    first, comma, office = rest.partition(",")
    if m is not None and comma and _CASELESS_NAME.match(first) and 1 <= len(first.split()) <= 3 \
            and len(office.split()) >= 2:
        return first.strip()           # 'लेखक : मनीषा जोशी, जिल्हा माहिती कार्यालय, वनगाव': the writer, then her office
    if _AUTHOR_COLON.match(text) and _OFFICE_LIKE.match(rest) and rest[0].isupper() and len(rest.split()) <= 8:
        return rest                    # 'Autor: Biroul de Informare și Relații Publice'

    korean = KOREAN_BYLINE.match(text)
    if korean is not None:
        return korean.group(1)         # '김도윤 기자 doyoon@…'

    words = rest.split()
    if not 1 <= len(words) <= 6 or _ACCOUNT.search(rest) or not rest[0].isupper():
        return None
    capitals = [w for w in words if w.lower() not in _PARTICLES and w.lower() not in _AND]
    if capitals and all(w[0].isupper() or w[0] in "('\u2019" for w in capitals):
        return rest
    return rest if m is not None and len(words) <= 4 and sum(w[0].isupper() for w in words) >= 2 \
        else None


_JOINERS = re.compile(r"(?<!\s)(?:\s*,\s*(?:and\s+|und\s+|et\s+|y\s+|e\s+)?|\s+(?:" + alternation(labels.JOINING)
                      + r")\s+|\s*&\s*)")


_CASELESS_NAME = re.compile(r"^[\u0600-\u06ff\u0750-\u077f\u0900-\u097f\u0590-\u05ff\u0e00-\u0e7f"
                            r"\u0980-\u0d7f\u10a0-\u10ff\u1200-\u137f\uac00-\ud7af"
                            # Sinhala, Lao, Tibetan, Myanmar, Khmer
                            r"\u0d80-\u0dff\u0e80-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u200c\u200d\s.]{2,40}$")
# a dateline before an Arabic reporter's name ('الرياض - عبدالله الحربي'): the city, a dash, the name
_ARABIC_DATELINE = re.compile(r"^[\u0600-\u06ff\s]{2,30}\s[-–]\s([\u0600-\u06ff\s]{2,40})$")


def caseless_name(text: str) -> str | None:
    """A writer's name in a script without capitals (Hebrew, Arabic, Thai, Bengali, Korean...),
    as a marked author element or a page's metadata gives it: one to four words."""
    text = clean(text).strip(" .,;|")
    dated = _ARABIC_DATELINE.match(text)
    if dated:
        text = dated.group(1).strip()
    return text if _CASELESS_NAME.match(text) and 1 <= len(text.split()) <= 4 else None
_JOINER_WORDS = re.compile(r"\s(?:" + alternation(labels.JOINING) + r")\s|&", re.I)


def _several_names(text: str) -> bool:
    """Two to six names joined by commas and 'and' ('Maya Brooks, Daniel Ortiz and Hannah Kim',
    'Anna Rossi e Marco Bianchi'), each one to four capitalised words."""
    names = _JOINERS.split(text)
    if len({len(n.split()) == 1 for n in names}) > 1:
        return False                   # full names beside single words: 'Karen Mills, Parks and Recreation'
    return 2 <= len(names) <= 6 and all(
        1 <= len(n.split()) <= 4 and all(w[0].isupper() for w in n.split()) and not _UI_WORDS.match(n)
        and n.split()[-1].lower() not in _ROLE_NOUNS for n in names)   # ('X, Money Adviser': a role)


_ROLE_NOUNS = frozenset(labels.ROLE_NOUNS)


def _pictured_slug_name(a: etree._Element) -> str:
    """The name a writer's page link shows only as a picture ('<a href="/columnists/harriet-vance/">
    <img alt="Harriet Vance">'): the picture's alt text, when the address's last part spells it."""
    img = next(a.iter("img"), None)
    alt = clean(img.get("alt")) if img is not None else ""
    slug = (a.get("href") or "").split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1].lower()
    spelled = "-".join(re.findall(r"\w+", unicodedata.normalize("NFKD", alt).encode("ascii", "ignore").decode().lower()))
    return alt if alt and spelled and slug.startswith(spelled) else ""


def author_link_name(a: etree._Element) -> str | None:
    """The writer a link to a writer's own page names ('<a href="/staff/4365/nadia-brooks/">Nadia
    Brooks</a>', '<a href="/writers/514290">سلمى الحسيني</a>'): its text, when that is a name."""
    if not _AUTHOR_HREF.search(a.get("href") or ""):
        return None
    name = clean(text_of(a)) or _pictured_slug_name(a)
    if not name or len(name) > 60 or _UI_WORDS.match(name):
        return None
    if looks_like_name(name) or _CJK_NAME.match(name) or \
            (_CASELESS_NAME.match(name) and 1 <= len(name.split()) <= 4):
        return name
    return None


def byline_of(el: etree._Element) -> str | None:
    return byline_name(byline_text(el))
