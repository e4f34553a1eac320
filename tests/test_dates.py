"""parsers.dates: day-first Vietnamese dates as portals print them."""
from __future__ import annotations

import unicodedata
from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings, strategies as st

from govnews.parsers.dates import VN_TZ, ParsedDate, find_datetimes, parse_vietnamese_datetime

# (text as printed on a portal, expected ISO value, has_time)
REAL_WORLD = [
    # bare dates, every separator
    ("04/08/2020", "2020-08-04T00:00:00+07:00", False),
    ("4/8/2020", "2020-08-04T00:00:00+07:00", False),
    ("04-08-2020", "2020-08-04T00:00:00+07:00", False),
    ("04.08.2020", "2020-08-04T00:00:00+07:00", False),
    ("04/08/20", "2020-08-04T00:00:00+07:00", False),
    ("ngày 4/8/2020", "2020-08-04T00:00:00+07:00", False),
    ("Ngày 04 tháng 8 năm 2020", "2020-08-04T00:00:00+07:00", False),
    ("04 tháng 08, 2020", "2020-08-04T00:00:00+07:00", False),
    ("Hà Nội, ngày 15 tháng 3 năm 2021", "2021-03-15T00:00:00+07:00", False),
    # ISO, year first, with their own offsets
    ("2020-08-04", "2020-08-04T00:00:00+07:00", False),
    ("2019/12/31", "2019-12-31T00:00:00+07:00", False),
    ("2020-08-04T16:20:00+07:00", "2020-08-04T16:20:00+07:00", True),
    ("2020-08-04T09:20:00Z", "2020-08-04T09:20:00+00:00", True),
    ("2023-11-02T08:05:09.250+0700", "2023-11-02T08:05:09.250000+07:00", True),
    ("2020-08-04 16:20:00", "2020-08-04T16:20:00+07:00", True),
    # weekdays, any case, with or without comma
    ("Thứ Ba, 04/08/2020, 16:20", "2020-08-04T16:20:00+07:00", True),
    ("Tin tức sự kiện Thứ Ba, 04/08/2020, 16:20", "2020-08-04T16:20:00+07:00", True),
    ("Thứ ba - 04/08/2020 16:20", "2020-08-04T16:20:00+07:00", True),
    ("THỨ BA 04/08/2020", "2020-08-04T00:00:00+07:00", False),
    ("Thứ 3, 04/08/2020", "2020-08-04T00:00:00+07:00", False),
    ("T3, 04/08/2020 08:00", "2020-08-04T08:00:00+07:00", True),
    ("Thứ Hai, ngày 03 tháng 8 năm 2020", "2020-08-03T00:00:00+07:00", False),
    ("Thứ sáu, 14/06/2024 - 09:30", "2024-06-14T09:30:00+07:00", True),
    ("Thứ Bảy, 07/12/2019 10:05", "2019-12-07T10:05:00+07:00", True),
    ("Thứ 7, 25/05/2024", "2024-05-25T00:00:00+07:00", False),
    ("Chủ nhật, 09/08/2020", "2020-08-09T00:00:00+07:00", False),
    ("CN 09/08/2020", "2020-08-09T00:00:00+07:00", False),
    # time before or after, 24-hour
    ("16:20 | 04/08/2020", "2020-08-04T16:20:00+07:00", True),
    ("04/08/2020 - 16:20", "2020-08-04T16:20:00+07:00", True),
    ("04/08/2020, 16:20", "2020-08-04T16:20:00+07:00", True),
    ("04/08/2020 16:20:05", "2020-08-04T16:20:05+07:00", True),
    ("04/08/2020 16h20", "2020-08-04T16:20:00+07:00", True),
    ("04/08/2020 16g20", "2020-08-04T16:20:00+07:00", True),
    ("04/08/2020 lúc 16 giờ 20", "2020-08-04T16:20:00+07:00", True),
    ("04 tháng 08, 2020 lúc 7 giờ 30 sáng", "2020-08-04T07:30:00+07:00", True),
    ("Cập nhật lúc 16:20 ngày 04/08/2020", "2020-08-04T16:20:00+07:00", True),
    ("22/09/2022 15:15", "2022-09-22T15:15:00+07:00", True),
    ("11/05/2022 - 12:15", "2022-05-11T12:15:00+07:00", True),
    # 12-hour clocks: AM/PM and Vietnamese SA (sáng) / CH (chiều)
    ("Cập nhật: Thứ năm, 4/1/2024 | 2:33:14 PM", "2024-01-04T14:33:14+07:00", True),
    ("04/08/2020 2:33 pm", "2020-08-04T14:33:00+07:00", True),
    ("04/08/2020 08:15 SA", "2020-08-04T08:15:00+07:00", True),
    ("04/08/2020 08:15 CH", "2020-08-04T20:15:00+07:00", True),
    ("04/08/2020 12:05 AM", "2020-08-04T00:05:00+07:00", True),
    ("04/08/2020 12:30 PM", "2020-08-04T12:30:00+07:00", True),
    ("12:05 SA 17/10/2021", "2021-10-17T00:05:00+07:00", True),
    # labels ignored
    ("Ngày đăng: 22/09/2022 15:15", "2022-09-22T15:15:00+07:00", True),
    ("Cập nhật lúc 11/05/2022 - 12:15", "2022-05-11T12:15:00+07:00", True),
    ("Gửi lúc: 05/12/2013 15:42:27", "2013-12-05T15:42:27+07:00", True),
    ("Lượt xem: 7370 | Gửi lúc: 05/12/2013 15:42:27", "2013-12-05T15:42:27+07:00", True),
    ("Thời gian: 11/05/2022 12:15", "2022-05-11T12:15:00+07:00", True),
    ("Ngày phát hành: 15/03/2021", "2021-03-15T00:00:00+07:00", False),
    ("Đăng ngày 02/01/2019 07:45", "2019-01-02T07:45:00+07:00", True),
    ("Ngày: 30/06/2023", "2023-06-30T00:00:00+07:00", False),
    ("Số lượt xem: 1.234 - Cập nhật: 28/02/2025", "2025-02-28T00:00:00+07:00", False),
    # broken values that still carry a date
    ("0:0 | 19/5/2020", "2020-05-19T00:00:00+07:00", True),
]


@pytest.mark.parametrize(("text", "expected", "has_time"), REAL_WORLD)
def test_real_world_formats(text: str, expected: str, has_time: bool) -> None:
    parsed = parse_vietnamese_datetime(text)
    assert parsed.value is not None
    assert parsed.value.isoformat() == expected
    assert parsed.has_time is has_time
    assert parsed.warnings == ()


@pytest.mark.parametrize(("text", "raw"), [
    ("Tin tức sự kiện Thứ Ba, 04/08/2020, 16:20", "Thứ Ba, 04/08/2020, 16:20"),
    ("Lượt xem: 7370 | Gửi lúc: 05/12/2013 15:42:27", "05/12/2013 15:42:27"),
    ("Cập nhật: Thứ năm, 4/1/2024 | 2:33:14 PM", "Thứ năm, 4/1/2024 | 2:33:14 PM"),
    ("16:20 | 04/08/2020 Lượt xem: 52", "16:20 | 04/08/2020"),
    ("Ngày phát hành: 15/03/2021", "15/03/2021"),
    ("<time datetime=2020-08-04T09:20:00Z>", "2020-08-04T09:20:00Z"),
])
def test_raw_is_the_printed_span_without_label(text: str, raw: str) -> None:
    assert parse_vietnamese_datetime(text).raw == raw


@pytest.mark.parametrize(("text", "expected", "warning"), [
    ("Thứ Hai, 04/08/2020", "2020-08-04T00:00:00+07:00",
     "weekday 'Thứ Hai' contradicts 04/08/2020 (a Tuesday)"),
    # 08/04/2020 is a Wednesday: the weekday must not make us swap day and month
    ("Thứ Tư, 04/08/2020 - 09:00", "2020-08-04T09:00:00+07:00",
     "weekday 'Thứ Tư' contradicts 04/08/2020 (a Tuesday)"),
    ("chủ nhật 05/01/2022", "2022-01-05T00:00:00+07:00",
     "weekday 'chủ nhật' contradicts 05/01/2022 (a Wednesday)"),
    ("Thứ 6, 12/03/2019", "2019-03-12T00:00:00+07:00",
     "weekday 'Thứ 6' contradicts 12/03/2019 (a Tuesday)"),
])
def test_wrong_weekday_keeps_day_first_date(text: str, expected: str, warning: str) -> None:
    parsed = parse_vietnamese_datetime(text)
    assert parsed.value is not None and parsed.value.isoformat() == expected
    assert parsed.warnings == (warning,)


def test_ordinal_is_not_a_weekday() -> None:
    parsed = parse_vietnamese_datetime("Kỳ họp thứ hai, ngày 04/08/2020, HĐND huyện khóa XII")
    assert parsed.value is not None and parsed.value.date() == date(2020, 8, 4)
    assert parsed.warnings == ()


@pytest.mark.parametrize(("text", "warning"), [
    ("31/02/2020", "impossible date 31/02/2020"),
    ("Ngày đăng: 32/13/2020 08:00", "impossible date 32/13/2020"),
    ("29/02/2023", "impossible date 29/02/2023"),
    ("Ngày 31 tháng 4 năm 2021", "impossible date 31/04/2021"),
    ("04/08/1890", "year 1890 outside 1990..2100 in 04/08/1890"),
    ("2150-08-04T10:00:00Z", "year 2150 outside 1990..2100 in 04/08/2150"),
])
def test_impossible_dates_give_none_and_a_warning(text: str, warning: str) -> None:
    parsed = parse_vietnamese_datetime(text)
    assert parsed.value is None
    assert parsed.raw is not None
    assert parsed.warnings == (warning,)
    assert parsed.has_time is False


def test_leap_day_is_possible() -> None:
    assert parse_vietnamese_datetime("29/02/2024").value == datetime(2024, 2, 29, tzinfo=VN_TZ)


@pytest.mark.parametrize(("text", "warning"), [
    ("04/08/2020 25:70", "impossible time 25:70"),
    ("24:00 | 04/08/2020", "impossible time 24:00"),
    ("2020-08-04T16:61:00+07:00", "impossible time 16:61"),
])
def test_impossible_time_keeps_date_at_midnight(text: str, warning: str) -> None:
    parsed = parse_vietnamese_datetime(text)
    assert parsed.value is not None
    assert parsed.value.date() == date(2020, 8, 4)
    assert parsed.value.time() == time(0, 0)
    assert parsed.has_time is False
    assert parsed.warnings == (warning,)


@pytest.mark.parametrize("text", [
    "Cập nhật: Thứ Ba, 04/08/2020 16:20",
    "Ngày 04 tháng 8 năm 2020 lúc 16 giờ 20",
    "Thứ ba - 04/08/2020 04:20 CH",
])
def test_nfd_input(text: str) -> None:
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    parsed = parse_vietnamese_datetime(nfd)
    assert parsed.value == datetime(2020, 8, 4, 16, 20, tzinfo=VN_TZ)
    assert parsed.warnings == ()
    assert parsed.raw is not None and unicodedata.is_normalized("NFC", parsed.raw)


def test_nfd_wrong_weekday_is_still_detected() -> None:
    parsed = parse_vietnamese_datetime(unicodedata.normalize("NFD", "Thứ Sáu, 04/08/2020"))
    assert parsed.warnings == ("weekday 'Thứ Sáu' contradicts 04/08/2020 (a Tuesday)",)


def test_offset_in_text_is_kept() -> None:
    value = parse_vietnamese_datetime('"datePublished": "2021-06-30T23:15:00+09:00"').value
    assert value is not None
    assert value.utcoffset() == timedelta(hours=9)
    assert value.astimezone(timezone.utc) == datetime(2021, 6, 30, 14, 15, tzinfo=timezone.utc)


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "Không có thông tin",
    "16:20",
    "Cập nhật lúc 08:15 SA",
    "Lượt xem: 7370",
    "Số lượt truy cập: 1.234.567",
    "Nghị định số 15/2020/NĐ-CP của Chính phủ",
    "Điện thoại: 0291.3.822.456",
])
def test_no_date(text: str) -> None:
    assert parse_vietnamese_datetime(text) == ParsedDate(None, None, (), False)
    assert find_datetimes(text) == []


RELATED_NEWS = """Các tin khác
- Bạc Liêu ra quân tổng vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới (05/06/2023)
- Hội nghị triển khai kế hoạch phòng, chống dịch sốt xuất huyết năm 2023 (Thứ Năm, 01/06/2023 - 14:30)
- 09:15 | 30/05/2023
  Huyện Hòa Bình nghiệm thu 12 km đường giao thông nông thôn
- Khai giảng lớp bồi dưỡng nghiệp vụ cho cán bộ địa chính cấp xã 29-05-2023
- Thông báo lịch tiếp công dân tháng 6 (Thứ Hai, 31/05/2023)
"""


def test_find_datetimes_in_related_news_block() -> None:
    found = find_datetimes(RELATED_NEWS)
    assert [p.value.isoformat() if p.value else None for p in found] == [
        "2023-06-05T00:00:00+07:00",
        "2023-06-01T14:30:00+07:00",
        "2023-05-30T09:15:00+07:00",
        "2023-05-29T00:00:00+07:00",
        "2023-05-31T00:00:00+07:00",
    ]
    assert [p.raw for p in found] == [
        "05/06/2023", "Thứ Năm, 01/06/2023 - 14:30", "09:15 | 30/05/2023", "29-05-2023",
        "Thứ Hai, 31/05/2023",
    ]
    assert [p.warnings for p in found][:4] == [(), (), (), ()]
    assert found[4].warnings == ("weekday 'Thứ Hai' contradicts 31/05/2023 (a Wednesday)",)


def test_find_datetimes_leading_times_belong_to_the_next_date() -> None:
    found = find_datetimes("16:20 | 04/08/2020\n09:00 | 05/08/2020\n10:00 | 06/08/2020")
    assert [p.value.isoformat() for p in found if p.value] == [
        "2020-08-04T16:20:00+07:00", "2020-08-05T09:00:00+07:00", "2020-08-06T10:00:00+07:00",
    ]


def test_find_datetimes_trailing_times_stay_with_their_date() -> None:
    found = find_datetimes("04/08/2020 16:20 | 05/08/2020 09:00")
    assert [p.value.isoformat() for p in found if p.value] == [
        "2020-08-04T16:20:00+07:00", "2020-08-05T09:00:00+07:00",
    ]


def test_first_date_of_article_text() -> None:
    text = ("Ngày 03/8/2020, Ban Chỉ đạo 138 Thành phố Bạc Liêu vừa ban hành kế hoạch tổ chức "
            "Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2020, dự kiến tổ chức ngày 15/8/2020.")
    assert parse_vietnamese_datetime(text).value == datetime(2020, 8, 3, tzinfo=VN_TZ)
    assert len(find_datetimes(text)) == 2


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    parsed = parse_vietnamese_datetime(text)
    assert isinstance(parsed, ParsedDate)
    assert parsed.value is None or parsed.value.tzinfo is not None
    assert all(isinstance(p, ParsedDate) for p in find_datetimes(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789/.-:| ,ThứHaiBSáuCNgàytháng năm hgiờAMPMSACH\n"))
def test_date_like_noise_never_raises(text: str) -> None:
    for parsed in find_datetimes(text):
        assert isinstance(parsed, ParsedDate)
        assert (parsed.value is None) == any("impossible date" in w or "outside" in w
                                             for w in parsed.warnings)


FORMATS = [
    "{d:02d}/{m:02d}/{y} {H:02d}:{M:02d}",
    "{d}/{m}/{y} - {H}:{M:02d}",
    "{H:02d}:{M:02d} | {d:02d}-{m:02d}-{y}",
    "Ngày {d} tháng {m} năm {y} lúc {H} giờ {M}",
    "{y}-{m:02d}-{d:02d}T{H:02d}:{M:02d}:00+07:00",
    "Cập nhật: {d:02d}.{m:02d}.{y}, {H:02d}h{M:02d}",
]


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31, 23, 59)),
       st.sampled_from(FORMATS))
def test_round_trip(moment: datetime, fmt: str) -> None:
    text = fmt.format(d=moment.day, m=moment.month, y=moment.year, H=moment.hour, M=moment.minute)
    parsed = parse_vietnamese_datetime(text)
    assert parsed.value == moment.replace(second=0, microsecond=0, tzinfo=VN_TZ)
    assert parsed.has_time and parsed.warnings == ()


# -- the world's news pages (issue 10): weekday names, dotted times, "de mayo" -------------------
WORLD_DATES = [
    # an English weekday between the time and the date: the time belongs to the date
    ("Published 9:00 AM, Thu March 11, 2021", "2021-03-11T09:00:00+07:00", True,
     "9:00 AM, Thu March 11, 2021"),
    ("Samstag, 16. September 2023", "2023-09-16T00:00:00+07:00", False,
     "Samstag, 16. September 2023"),
    ("lundi 3 mai 2021 à 08h15", "2021-05-03T08:15:00+07:00", True, "lundi 3 mai 2021 à 08h15"),
    # a dotted time, only before a zone's name or "Uhr"
    ("Tue 14 Mar 2023 12.30 GMT", "2023-03-14T12:30:00+00:00", True, "Tue 14 Mar 2023 12.30 GMT"),   # the zone it prints
    ("3. März 2021, 14.30 Uhr", "2021-03-03T14:30:00+07:00", True, "3. März 2021, 14.30"),
    ("Publicado el 3 de mayo de 2021", "2021-05-03T00:00:00+07:00", False, "3 de mayo de 2021"),
]


@pytest.mark.parametrize("text,iso,has_time,raw", WORLD_DATES)
def test_world_news_dates(text: str, iso: str, has_time: bool, raw: str) -> None:
    parsed = parse_vietnamese_datetime(text)
    assert parsed.value is not None and parsed.value.isoformat() == iso
    assert parsed.has_time is has_time and parsed.raw == raw and not parsed.warnings


@pytest.mark.parametrize("text,iso,has_time", [
    # Vietnamese pages are read as before: a dotted number after a date is not a time unless a
    # zone's name follows it, and a Vietnamese weekday keeps its check
    ("Ngày 14/3/2023 12.30 tỷ đồng", "2023-03-14T00:00:00+07:00", False),
    ("Thứ Hai, 04/08/2020 16:20", "2020-08-04T16:20:00+07:00", True),
    ("16:20 | 04/08/2020", "2020-08-04T16:20:00+07:00", True),
])
def test_vietnamese_dates_unchanged_by_world_forms(text: str, iso: str, has_time: bool) -> None:
    parsed = parse_vietnamese_datetime(text)
    assert parsed.value.isoformat() == iso and parsed.has_time is has_time


def test_english_weekday_adds_no_weekday_warning() -> None:
    # only Vietnamese weekdays are checked against the date (as before)
    assert not parse_vietnamese_datetime("Fri March 11, 2021").warnings
    assert parse_vietnamese_datetime("Thứ Hai, 05/08/2020").warnings


# -- session 21, world set 34: calendars and clocks printed in other ways ------------------------------

@pytest.mark.parametrize("text, iso", [
    ("令和元年5月1日（水）0時12分", "2019-05-01T00:12:00+07:00"),        # a weekday in brackets before the clock
    ("發布日期：105年11月3日（四）下午3:20", "2016-11-03T15:20:00+07:00"),  # a Minguo year, 下午 before the clock
    ("中華民國105年11月3日", "2016-11-03T00:00:00+07:00"),
    ("2019年5月1日 上午10:05", "2019-05-01T10:05:00+07:00"),
    ("17 ก.พ. 59", "2016-02-17T00:00:00+07:00"),                          # a two-digit Buddhist-era year
    ("๖ ต.ค. ๖๔", "2021-10-06T00:00:00+07:00"),
    ("۹۵/۱۲/۲۴ - ۱۴:۳۰", "2017-03-14T14:30:00+07:00"),                    # a two-digit Solar Hijri year
])
def test_dates_of_other_calendars_and_clocks(text, iso):
    assert parse_vietnamese_datetime(text).value.isoformat() == iso


@pytest.mark.parametrize("text", ["創立105年記念", "14/08/2025", "ngày 5/9/2025 lúc 16:20"])
def test_guard_these_read_as_before(text):
    parsed = parse_vietnamese_datetime(text)
    assert (parsed.value is None) == (text == "創立105年記念")
