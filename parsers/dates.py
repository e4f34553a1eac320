"""Vietnamese dates as portals print them: always day first, optional weekday, optional time
before or after, 24-hour or 12-hour (AM/PM, SA/CH) clocks, labels ignored.

Portals print no zone and publish in Vietnam time, so values are +07:00 unless the text carries
its own offset (ISO strings from `<time datetime>`, JSON-LD, meta tags). Broken values never
raise: they come back as a ParsedDate with `value=None` (or midnight) and a warning saying why.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date, datetime, timedelta, timezone
from typing import Iterator

from .text import REMEMBERED_TEXT

VN_TZ = timezone(timedelta(hours=7))
YEAR_MIN, YEAR_MAX = 1990, 2100
BEFORE_WINDOW = 60  # characters searched before a date for its weekday and time

WEEKDAYS: dict[str, int] = {
    "thứhai": 0, "thứ2": 0, "t2": 0,
    "thứba": 1, "thứ3": 1, "t3": 1,
    "thứtư": 2, "thứ4": 2, "t4": 2,
    "thứnăm": 3, "thứ5": 3, "t5": 3,
    "thứsáu": 4, "thứ6": 4, "t6": 4,
    "thứbảy": 5, "thứbẩy": 5, "thứ7": 5, "t7": 5,
    "chủnhật": 6, "cn": 6,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# "Kỳ họp thứ hai", "Đại hội lần thứ ba": an ordinal, not a weekday.
ORDINAL_CONTEXT = frozenset({"lần", "kỳ", "kì", "họp", "khóa", "khoá", "đợt", "phiên", "hạng",
                             "giải", "lớp", "vòng", "chương", "phần", "điều", "mục"})
MERIDIEM_AM = frozenset({"am", "a.m.", "a.m", "sa", "sáng"})
MERIDIEM_PM = frozenset({"pm", "p.m.", "p.m", "ch", "chiều", "tối"})

_FLAGS = re.IGNORECASE | re.VERBOSE
# the bidirectional marks a right-to-left page wraps around each token of a date or a name
# ('\u200f١٢\u200f \u200fمارس\u200f'): not part of what a reader sees
BIDI_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BIDI = re.compile(f"[{BIDI_MARKS}]")
_INVISIBLE = re.compile(f"[\u200b\u200c\u200d\u2060\ufeff{BIDI_MARKS}]")
# the digits of other scripts, read as the ASCII digits they are: Arabic-Indic, Persian/Urdu,
# Devanagari, Bengali, Tamil, Thai, Myanmar, Khmer, fullwidth (each script's zero, then nine more)
_ZEROS = (0x660, 0x6F0, 0x966, 0x9E6, 0xBE6, 0xE50, 0x1040, 0x17E0, 0xFF10)
SCRIPT_DIGITS = {chr(zero + d): str(d) for zero in _ZEROS for d in range(10)}
_DIGITS = str.maketrans(SCRIPT_DIGITS)
FOREIGN_DIGIT = re.compile("[" + "".join(f"{chr(zero)}-{chr(zero + 9)}" for zero in _ZEROS) + "]")


def fold(text: str) -> str:
    """`text` as the date patterns read it: invisible marks out, every script's digits as ASCII,
    and the two-digit years of Thai and Persian short dates written out ('17 ก.พ. 59' is
    17 ก.พ. 2559; '۹۵/۱۲/۲۴' is 1395/12/24): callers that look for a match's text in their own
    copy fold that copy first."""
    text = _INVISIBLE.sub("", text)
    if text.isascii():
        return text
    if ("ค." in text or "พ." in text or "ย." in text) and _THAI_SHORT_YEAR.search(text):
        text = _THAI_SHORT_YEAR.sub(r"\g<1>25\g<2>", text)
    if not FOREIGN_DIGIT.search(text):
        return text
    if "/" in text and _PERSIAN_SHORT_YEAR.search(text):
        text = _PERSIAN_SHORT_YEAR.sub(lambda m: ("۱۳" if m[1] >= "۵۰" else "۱۴") + m[1] + m[2], text)
    return text.translate(_DIGITS)


# a Thai short date with a two-digit Buddhist-era year ('17 ก.พ. 59', '๖ ต.ค. ๖๔'), and a Persian
# date in Persian digits whose Solar Hijri year has two digits ('۹۵/۱۲/۲۴': year first)
_THAI_SHORT_YEAR = re.compile(r"((?<![0-9๐-๙])[0-9๐-๙]{1,2}\s{0,2}(?:ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|"
                              r"ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.)\s{0,2})([0-9๐-๙]{2})(?![0-9๐-๙])")
_PERSIAN_SHORT_YEAR = re.compile("(?<![۰-۹/])([۰-۹]{2})(\\s?/\\s?[۰-۱]?[۰-۹]\\s?/\\s?[۰-۳]?[۰-۹])(?![۰-۹/])")

_SEP = r"[\s,;|/()\[\]·•\-–—]*"
_WEEKDAY = r"""
    (?<![^\W\d_])
    (?: thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7]) | chủ\s*nhật | cn | t[2-7] )
    (?![^\W_])
"""
# the world's pages: "Fri March 12, 2021", "Montag, 3. Mai 2021", "lundi 3 mai 2021"
_FOREIGN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                     "mon", "tues", "tue", "wed", "thurs", "thur", "thu", "fri", "sat", "sun",
                     "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
                     "sonnabend", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
                     "samedi", "dimanche")
_WEEKDAY_WORLD = rf"""
    (?: {_WEEKDAY}
      | (?<![^\W\d_]) (?: {" | ".join(sorted(_FOREIGN_WEEKDAYS, key=len, reverse=True))} )
        (?![^\W_]) \.? )
"""
_FOREIGN_STEMS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "dienstag", "mittwoch",
                  "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "lundi", "mardi",
                  "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_TIME = r"""
    (?<![0-9:.])
    (?P<hour>[0-9]{1,2})
    (?: \s*:\s*(?P<minute>[0-9]{1,2}) (?:\s*:\s*(?P<second>[0-9]{1,2}))?
      | [hg](?![^\W\d_]) (?P<minute_hg>[0-9]{1,2})? (?:\s*(?:'|phút))?
      | \s*giờ (?:\s*(?P<minute_vi>[0-9]{1,2}) (?:\s*phút)?)?
      | \s*[時时시] (?:\s*(?P<minute_cjk>[0-9]{1,2}) \s*[分분]?)?
      # "12.30 GMT", "14.30 Uhr": a dotted time, only before a zone's name or "Uhr"
      | \.(?P<minute_dot>[0-9]{2}) (?=\s*(?:uhr|gmt|utc|bst|cest|cet|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt)(?![^\W\d_]))
    )
    (?![0-9])
    (?:\s*(?P<meridiem>a\.\s?m\.?|p\.\s?m\.?|am|pm|sa|ch|sáng|chiều|tối)(?![^\W\d_]))?
"""
_ISO = r"""
    (?<![0-9])
    (?P<iso_y>[0-9]{4})
    (?: (?P<iso_sep>[-/.])(?P<iso_m>[0-9]{1,2})(?P=iso_sep)(?P<iso_d>[0-9]{1,2})
      | \.\ (?P<iso_ms>[0-9]{1,2})\.\ (?P<iso_ds>[0-9]{1,2})\.     # Hungarian: '2014. 09. 05.'
    )
    (?![0-9])
    (?: [T\s](?P<iso_h>[0-9]{2}):(?P<iso_mi>[0-9]{2})
        (?: :(?P<iso_s>[0-9]{2}) (?:[.,](?P<iso_frac>[0-9]{1,6})[0-9]*)? )?
        (?P<iso_tz>Z|[+-][0-9]{2}:?[0-9]{2})?
        (?![0-9])
    )?
"""
_DMY = r"""
    (?<![0-9])(?<![0-9][./-])
    (?P<dmy_d>[0-9]{1,2})
    (?: (?P<dmy_sep>[/.-])(?P<dmy_m>[0-9]{1,2})(?P=dmy_sep)
      | \.\ (?P<dmy_ms>[0-9]{1,2})\.\ (?=[0-9]{4})     # Czech, Slovak: '14. 3. 2023'
    )
    (?: (?P<dmy_y>[0-9]{4}) | (?P<dmy_yy>[0-9]{2})(?![./:-][0-9]) )
    (?![0-9])
"""
_WORDS = r"""
    (?<![0-9])
    (?P<vi_d>[0-9]{1,2})\s*(?:tháng|thg\.?)\s*(?P<vi_m>[0-9]{1,2})
    (?: \s*,\s*(?:năm\s*)? | \s*năm\s* | \s*[/.-]\s* | \s+ )
    (?P<vi_y>[0-9]{4})
    (?![0-9])
"""
# Chinese, Japanese and Korean dates: "2022年2月1日", "2022 년 2 월 1 일"; a Japanese era's year
# ("令和6年3月14日" is 2024; "元年" the era's first year)
CJK_YEAR = r"(?:[0-9]{4}|(?:令和|平成|昭和)\s*(?:[0-9]{1,2}|元)|(?:(?:中華)?民[國国]\s*)?1[01][0-9])"   # (Taiwan's Minguo years: 105年 is 2016)
_CJK = r"""
    (?<![0-9])
    (?P<cjk_y>""" + CJK_YEAR + r""") \s*[年년]\s* (?P<cjk_m>[0-9]{1,2}) \s*[月월]\s* (?P<cjk_d>[0-9]{1,2}) \s*[日일号]?
    (?![0-9])
"""
# a Taiwan government page's Minguo year after a label's colon ('發布日期：113-03-05' is 2024-03-05)
_MINGUO = r"""
    (?:(?<=[：:])|(?<=[：:]\s)) (?P<mg_y>1[01][0-9]) (?P<mg_sep>[-/.]) (?P<mg_m>[0-9]{1,2}) (?P=mg_sep) (?P<mg_d>[0-9]{1,2})
    (?![0-9./-])
"""
_DATE_SRC = rf"(?=[0-9令平昭]) (?: (?:{_ISO}) | (?:{_DMY}) | (?:{_WORDS}) | (?:{_CJK}) | (?:{_MINGUO}) )"  # lookahead: 8x faster scan
_NGAY = r"ngày\s*:?\s*"

# Month names (pages of portals in other languages, and the world's pages): English, German,
# French, Spanish, Italian, Portuguese, Dutch; full names and the usual abbreviations.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
        "january jan januar jänner janvier janv enero gennaio janeiro januari",
        "february feb febr februar février fevrier févr fevr febrero febbraio fevereiro februari",
        "march mar märz mär maerz mäerz mars marzo março maart mrt",
        "april apr avril abril aprile avr abrëll",
        "may mai mayo maggio maio mei",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet juil julio luglio julho",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre setiembre settembre setembro",
        "october oct oktober octobre octubre ottobre outubro okt",
        "november nov novembre noviembre novembro",
        "december dec dezember décembre decembre déc diciembre dicembre dezembro dez"), 1):
    MONTHS.update(dict.fromkeys(_names.split(), _number))
# Indonesian, Turkish, Hindi and Arabic (Egyptian and Levantine names) month names
for _number, _names in enumerate((
        "pebruari ocak जनवरी يناير كانون_الثاني",
        "şubat फ़रवरी फरवरी فبراير شباط",
        "maret mart मार्च آذار",
        "nisan अप्रैल أبريل إبريل نيسان",
        "mayıs मई مايو أيار",
        "haziran जून يونيو حزيران",
        "temmuz जुलाई يوليو تموز",
        "agustus ağustos अगस्त أغسطس آب",
        "eylül सितंबर सितम्बर سبتمبر أيلول",
        "ekim अक्टूबर अक्तूबर أكتوبر تشرين_الأول",
        "nopember kasım नवंबर नवम्बर نوفمبر تشرين_الثاني",
        "desember aralık दिसंबर दिसम्बर ديسمبر كانون_الأول"), 1):
    MONTHS.update(dict.fromkeys((n.replace("_", " ") for n in _names.split()), _number))
# Polish and Russian: the genitive a date prints ("12 stycznia 2023", "12 января 2023")
for _number, _names in enumerate((
        "stycznia января", "lutego февраля", "marca марта", "kwietnia апреля", "maja мая",
        "czerwca июня", "lipca июля", "sierpnia августа", "września сентября",
        "października октября", "listopada ноября", "grudnia декабря"), 1):
    MONTHS.update(dict.fromkeys(_names.split(), _number))
# Romanian ('13 martie 2024')
for _number, _names in enumerate((
        "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
        "octombrie", "noiembrie", "decembrie"), 1):
    MONTHS.update(dict.fromkeys(_names.split(), _number))
# Swahili and Ukrainian (the genitive: '3 березня 2023')
for _number, _names in enumerate((
        "januari січня", "februari лютого", "machi березня", "aprili квітня", "mei травня",
        "juni червня", "julai липня", "agosti серпня", "septemba вересня", "oktoba жовтня",
        "novemba листопада", "desemba грудня"), 1):
    MONTHS.update(dict.fromkeys(_names.split(), _number))
# Greek (the genitive a date prints: '14 Μαρτίου 2023') and Thai ('14 มีนาคม 2566', a Buddhist
# year: see _date_fields)
for _number, _names in enumerate((
        "ιανουαρίου มกราคม", "φεβρουαρίου กุมภาพันธ์", "μαρτίου มีนาคม", "απριλίου เมษายน",
        "μαΐου พฤษภาคม", "ιουνίου มิถุนายน", "ιουλίου กรกฎาคม", "αυγούστου สิงหาคม",
        "σεπτεμβρίου กันยายน", "οκτωβρίου ตุลาคม", "νοεμβρίου พฤศจิกายน", "δεκεμβρίου ธันวาคม"), 1):
    MONTHS.update(dict.fromkeys(_names.split(), _number))
# Greek in the nominative, as a CMS's date format prints a month standing alone ('Τετάρτη, 08 Απρίλιος
# 2009': Joomla 1.0's Greek pack)
for _number, _name in enumerate(("ιανουάριος", "φεβρουάριος", "μάρτιος", "απρίλιος", "μάιος", "ιούνιος",
                                 "ιούλιος", "αύγουστος", "σεπτέμβριος", "οκτώβριος", "νοέμβριος",
                                 "δεκέμβριος"), 1):
    MONTHS[_name] = _number
# Arabic (the Gulf's 'مارس'), Urdu, Bengali, Marathi, Tamil, Georgian, Armenian (genitive), Kazakh,
# Bulgarian and Serbian (Cyrillic and Latin), Czech (genitive), Danish, Swedish, Hungarian
for _number, _names in enumerate((
        "جنوری জানুয়ারি जानेवारी ஜனவரி იანვარი հունվարի қаңтар януари јануар januar ledna januari január",
        "فروری ফেব্রুয়ারি फेब्रुवारी பிப்ரவரி თებერვალი փետրվարի ақпан февруари фебруар února februari február",
        "مارس مارچ মার্চ மார்ச் მარტი մարտի наурыз март mart března marts mars március",
        "اپریل এপ্রিল एप्रिल ஏப்ரல் აპრილი ապրիլի сәуір април dubna április",
        "مئی মে மே მაისი մայիսի мамыр мај maj května május",
        "جون জুন ஜூன் ივნისი հունիսի маусым юни јун června június",
        "جولائی জুলাই जुलै ஜூலை ივლისი հուլիսի шілде юли јул července július",
        "اگست আগস্ট ऑगस्ट ஆகஸ்ட் აგვისტო օգոստոսի тамыз август avgust srpna augusti augusztus",
        "ستمبر সেপ্টেম্বর सप्टेंबर செப்டம்பர் სექტემბერი սեպտեմբերի қыркүйек септември септембар septembar září szeptember",
        "اکتوبر অক্টোবর ऑक्टोबर அக்டோபர் ოქტომბერი հոկտեմբերի қазан октомври октобар oktobar října október",
        "نومبر নভেম্বর नोव्हेंबर நவம்பர் ნოემბერი նոյեմբերի қараша ноември новембар novembar listopadu",
        "دسمبر ডিসেম্বর डिसेंबर டிசம்பர் დეკემბერი դեկտեմբերի желтоқсан декември децембар decembar prosince"), 1):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)
# Welsh, Irish, Icelandic, Estonian, Finnish (partitive), Lithuanian and Latvian (genitive / locative),
# Croatian and Bosnian (genitive), Slovenian, Catalan, Galician, Basque (stem), Albanian, Maltese
# and Filipino
for _number, _names in enumerate((
        "ionawr eanáir janúar jaanuar tammikuuta sausio janvārī janvāris siječnja siječanj januarja gener "
        "xaneiro urtarrila janar jannar enero",
        "chwefror feabhra febrúar veebruar helmikuuta vasario februārī februāris veljače veljača februarja "
        "febrer febreiro otsaila shkurt frar pebrero",
        "mawrth márta märts maaliskuuta kovo martā marts ožujka ožujak marca marec març martxoa martxoaren "
        "marzu marso",
        "ebrill aibreán apríl aprill huhtikuuta balandžio aprīlī aprīlis travnja travanj aprila abril apirila "
        "apirilaren prill",
        "bealtaine maí toukokuuta gegužės maijā maijs svibnja svibanj maja maig maio maiatza maiatzaren "
        "mejju mayo",
        "mehefin meitheamh júní juuni kesäkuuta birželio jūnijā jūnijs lipnja lipanj junija juny xuño ekaina "
        "ekainaren qershor ġunju hunyo",
        "gorffennaf iúil júlí juuli heinäkuuta liepos jūlijā jūlijs srpnja srpanj julija juliol xullo uztaila "
        "uztailaren korrik lulju hulyo",
        "awst lúnasa ágúst elokuuta rugpjūčio augustā augusts kolovoza kolovoz avgusta avgust agost abuztua "
        "abuztuaren gusht awwissu",
        "medi meán_fómhair syyskuuta rugsėjo septembrī septembris rujna rujan septembra setembre setembro "
        "iraila irailaren shtator settembru setyembre",
        "hydref deireadh_fómhair október oktoober lokakuuta spalio oktobrī oktobris listopada listopad oktobra "
        "octubre outubro urria urriaren tetor ottubru oktubre",
        "tachwedd samhain nóvember marraskuuta lapkričio novembrī novembris studenoga studeni novembra "
        "novembre novembro azaroa azaroaren nëntor novembru nobyembre",
        "rhagfyr nollaig desember detsember joulukuuta gruodžio decembrī decembris prosinca prosinac decembra "
        "desembre decembro abendua abenduaren dhjetor diċembru disyembre"), 1):
    for _name in _names.split():
        MONTHS.setdefault(_name.replace("_", " "), _number)
# Czech nominative, as forum software prints it ('27 Srpen 2015'; not 'listopad', October in Croatian)
for _number, _name in enumerate(("leden", "únor", "březen", "duben", "květen", "červen", "červenec", "srpen",
                                 "září", "říjen", "", "prosinec"), 1):
    if _name:
        MONTHS.setdefault(_name, _number)
# Slovak (genitive: '14. augusta 2025')
for _number, _name in enumerate(("januára", "februára", "marca", "apríla", "mája", "júna", "júla", "augusta",
                                 "septembra", "októbra", "novembra", "decembra"), 1):
    MONTHS.setdefault(_name, _number)
# the Solar Hijri months of Iran's pages ('۲۲ اسفند ۱۴۰۲'), kept apart: their dates are converted
# (JALALI + month, see _date_fields)
JALALI = 100
for _number, _name in enumerate(("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر",
                                 "دی", "بهمن", "اسفند"), 1):
    MONTHS[_name] = JALALI + _number
# ... and the Dari names of the same months, Afghanistan's ('۲۴ حوت ۱۳۹۲')
for _number, _name in enumerate(("حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی",
                                 "دلو", "حوت"), 1):
    MONTHS.setdefault(_name, JALALI + _number)
# ... and the Pashto names ('۱۵ تله ۱۴۰۱')
for _number, _names in enumerate(("وری", "غویی غويی", "غبرګولی غبرگولی", "چنګاښ چنگاښ", "زمری", "وږی", "تله",
                                  "لړم", "لیندۍ لیندی", "مرغومی", "سلواغه", "کب"), 1):
    for _name in _names.split():
        MONTHS.setdefault(_name, JALALI + _number)
# Burmese (the English months' names: '၂၂ ဇူလိုင် ၂၀၂၀')
for _number, _name in enumerate(("ဇန်နဝါရီ", "ဖေဖော်ဝါရီ", "မတ်", "ဧပြီ", "မေ", "ဇွန်", "ဇူလိုင်", "ဩဂုတ်",
                                 "စက်တင်ဘာ", "အောက်တိုဘာ", "နိုဝင်ဘာ", "ဒီဇင်ဘာ"), 1):
    MONTHS.setdefault(_name, _number)
# the Ethiopian months of Ethiopia's pages ('መጋቢት 3 ቀን 2016 ዓ.ም'), kept apart the same way: their
# dates are converted (ETHIOPIAN + month; the thirteenth, Pagume, has five or six days)
ETHIOPIAN = 200
for _number, _names in enumerate(("መስከረም", "ጥቅምት", "ኅዳር ህዳር", "ታኅሣሥ ታህሳስ ታሕሳስ", "ጥር", "የካቲት", "መጋቢት",
                                  "ሚያዝያ ሚያዚያ", "ግንቦት", "ሰኔ", "ሐምሌ ሀምሌ", "ነሐሴ ነሀሴ", "ጳጉሜ ጳጉሜን"), 1):
    MONTHS.update(dict.fromkeys(_names.split(), ETHIOPIAN + _number))
# Vietnamese months in words ("18 Tháng Mười Một, 2021", "02 tháng Giêng 2022")
for _number, _names in enumerate((
        "một giêng", "hai", "ba", "tư bốn", "năm", "sáu", "bảy bẩy", "tám", "chín", "mười",
        "mười một", "mười hai chạp"), 1):
    _words = _names.split()
    _names = _names.split() if _number < 11 else [" ".join(_words[:2])] + _words[2:]
    MONTHS.update(dict.fromkeys((f"tháng {name}" for name in _names), _number))
# Uzbek (Latin) and Azerbaijani ('3-sentabr 2020', '12 iyun 2019')
for _number, _names in enumerate((
        "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr sentyabr",
        "oktabr oktyabr", "noyabr", "dekabr"), 1):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)
# Somali ('Khamiis, Maarso 14, 2013')
for _number, _names in enumerate((
        "jannaayo janaayo", "febraayo febrayo", "maarso", "abriil", "may", "juun", "luulyo",
        "ogost agoosto", "sebtembar", "oktoobar", "nofembar", "desembar"), 1):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)
# Hebrew, with the preposition joined to the month ('14 במרץ 2008')
for _number, _name in enumerate(("ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר",
                                 "אוקטובר", "נובמבר", "דצמבר"), 1):
    MONTHS.setdefault(_name, _number)
    MONTHS.setdefault("ב" + _name, _number)
# Papiamentu ('Djaweps, 14 Yüni 2018')
for _number, _names in enumerate((
        "yanüari januari yanuari", "febrüari februari", "mart maart", "aprel april", "mei", "yüni juni yuni",
        "yüli juli yuli", "ougùstùs ougustus agosto", "sèptèmber september", "òktober oktober",
        "novèmber november", "desèmber december"), 1):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)
# Thai's abbreviated months ('14 มี.ค. 2567'), each ending with its dot
for _number, _name in enumerate(("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
                                 "ต.ค.", "พ.ย.", "ธ.ค."), 1):
    MONTHS[_name] = _number
_MONTH = "(?:" + "|".join(re.escape(name).replace(r"\ ", r"\s+")
                          for name in sorted(MONTHS, key=len, reverse=True)) + ")"
# (an Arabic month named twice, the Levant's name and the Egyptian one: '5 حزيران/يونيو 2024')
_NAMED_DMY = rf"""
    (?<![0-9])
    (?P<nd_d>[0-9]{{1,2}}) (?:st|nd|rd|th|er|º)? \.? -? \s* (?:de\s+|of\s+|d['’]\s*)?
    (?P<nd_m>{_MONTH}) (?![^\W\d_]) (?:\s*/\s*{_MONTH} (?![^\W\d_]))? \.? ,? \s* (?:de\s+|năm\s+)?
    (?P<nd_y>[0-9]{{4}})
    (?![0-9])
"""
_NAMED_MDY = rf"""
    (?<![^\W\d_])
    (?P<nm_m>{_MONTH}) \.? \s+
    (?P<nm_d>[0-9]{{1,2}}) (?:st|nd|rd|th)? (?![0-9]) ,? \s+ (?:ቀን\s+)?
    (?P<nm_y>[0-9]{{4}})
    (?![0-9])
"""
# Hungarian (and East Asian style) year first: '2024. április 4.'; Kazakh, Kyrgyz and Uzbek name
# the year with a word and put the day before the month ('2024 жылғы 14 наурыз', '2024-yil 14-mart')
_NAMED_YMD = rf"""
    (?<![0-9])
    (?P<ny_y>[0-9]{{4}}) (?:
        \.? \s* (?:m\.\s*)? (?P<ny_m>{_MONTH}) (?![^\W\d_]) \.? \s* (?P<ny_d>[0-9]{{1,2}}) (?![0-9])
      | \s* -? (?:жылғы|жылы|жылдын|жылдың|ж\.|yil|yılı) \s+ (?P<ny_d2>[0-9]{{1,2}}) -? \s* (?P<ny_m2>{_MONTH}) (?![^\W\d_])
    )
"""


# a day printed without its year ('Feb 9', '9 Feb', 'Thg 2 9'): a blog platform's current-year posts
_YEARLESS = re.compile(rf"^(?:(?P<m>{_MONTH})\.?\s+(?P<d>[0-9]{{1,2}})|(?P<d2>[0-9]{{1,2}})\.?\s+(?:de\s+|of\s+)?(?P<m2>{_MONTH})\.?)$",
                       re.I)


def yearless_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a text that is a day and a month's name and nothing else ('Feb 9'), else None."""
    m = _YEARLESS.match(" ".join(text.split()))
    if m is None:
        return None
    name, day = (m["m"], m["d"]) if m["m"] else (m["m2"], m["d2"])
    month = MONTHS.get(" ".join(name.lower().split()))
    if month is None or month > 12 or not 1 <= int(day) <= 31:     # (a Solar Hijri month is kept apart)
        return None
    return month, int(day)


def _trie(names) -> str:
    """The month names as one alternation matching the same texts as `_MONTH`, written as a
    trie ('ma(?:rch|y)'): a position is tried against the few names that start with its
    letters, not against each of the hundreds of names. Which name matches at a position can
    differ from `_MONTH`'s longest-first choice, so it serves only the tests of whether a text
    holds a month at all (HAS_MONTH, NAMED_DATE_HINT); the date patterns read `_MONTH`."""
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
        node[""] = {}                  # a name ends here
    return _trie_source(trie)


def _trie_source(node: dict) -> str:
    branches = [token + _trie_source(child) if token else "" for token, child in node.items()]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_ANY_MONTH = _trie(MONTHS)
# Both expect lower-case text (a case-sensitive scan is ten times faster than re.IGNORECASE
# over a hundred alternatives); the first-letter lookahead skips most positions at once.
_FIRSTS = "".join(sorted({m[0] for m in MONTHS}))
HAS_MONTH = re.compile(rf"(?<![^\W\d_])(?=[{_FIRSTS}]){_ANY_MONTH}(?![^\W\d_])")
NAMED_DATE_HINT = re.compile(rf"[0-9]\.?-?\s*(?:de\s+|of\s+|d['’]\s*)?(?=[{_FIRSTS}]){_ANY_MONTH}(?![^\W\d_])|"
                             rf"(?<![^\W\d_])(?=[{_FIRSTS}]){_ANY_MONTH}\.?\s+[0-9]")

_DATE = re.compile(_DATE_SRC, _FLAGS)
_DATE_NAMED = re.compile(
    rf"(?: (?=[0-9]) (?: (?:{_ISO}) | (?:{_DMY}) | (?:{_WORDS}) | (?:{_CJK}) | (?:{_NAMED_DMY}) | (?:{_NAMED_YMD}) ) "
    rf"| (?:{_NAMED_MDY}) )",
    _FLAGS)
_BEFORE_SRC = r"""
    (?: (?P<wd1>{weekday}) {sep} )?
    (?: (?P<time>{time}) {sep} )?
    (?: (?P<wd2>{weekday}) {sep} )?
    (?: {ngay} )?
    \Z
"""
# (a match that is not empty starts with a weekday's t or c, a time's digit or ngày's n: the
# lookahead lets the search pass every other position of the window at once, twice as fast)
_BEFORE = re.compile(r"(?=[tcn0-9]|\Z)" + _BEFORE_SRC.format(weekday=_WEEKDAY, sep=_SEP, time=_TIME,
                                                             ngay=_NGAY), _FLAGS)
# the same with the weekdays of other languages, used only where the text before a date holds
# one of their names (a Vietnamese page reads its dates as it always has, at the same cost)
_BEFORE_WORLD = re.compile(_BEFORE_SRC.format(weekday=_WEEKDAY_WORLD, sep=_SEP, time=_TIME,
                                              ngay=_NGAY), _FLAGS)


def _before(text: str, start: int, end: int) -> re.Match[str] | None:
    window = text[start:end].lower()
    for stem in _FOREIGN_STEMS:
        if stem in window:
            return _BEFORE_WORLD.search(text, start, end)
    return _BEFORE.search(text, start, end)
_AFTER = re.compile(
    rf"""(?P<sep> \.?[\s,;|/()\[\]·•\-–—@]{{0,16}}
                 (?: [（(] (?:[月火水木金土日一二三四五六天]|周[一二三四五六日天]|星期[一二三四五六日天]) [)）] \s{{0,3}} )?
                 (?: (?:vào\s+)? lúc \s*:?\s* | (?:at|um|à|a\s+las|alle|om|às|เวลา)\s+ )?
                 (?P<pre_meridiem>上午|下午|中午|晚上|早上|凌晨|午前|午後)? \s{{0,2}} )
        (?P<time>{_TIME})""",
    _FLAGS,
)
_FOLLOWED_BY_DATE = re.compile(
    rf"{_SEP} (?: {_WEEKDAY_WORLD} {_SEP} )? (?: {_NGAY} )? (?:{_DATE_SRC})", _FLAGS)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s*\Z")

Clock = tuple[int, int, int, int]  # hour, minute, second, microsecond


@dataclass(frozen=True)
class ParsedDate:
    value: datetime | None  # aware; +07:00 unless the text carries its own offset/Z
    raw: str | None  # the date text as printed (weekday and time included), None if none found
    warnings: tuple[str, ...]
    has_time: bool


NO_DATE = ParsedDate(value=None, raw=None, warnings=(), has_time=False)


def parse_vietnamese_datetime(text: str) -> ParsedDate:
    """Find the first date (and its time) in `text` and parse it day-first."""
    if len(text) > REMEMBERED_TEXT:
        return next(_iter_dates(text), NO_DATE)
    return _first_date(text)


# a page's dates are read from the same short texts again and again (a label's line, then its
# cell, by several finders), and a site prints the same dates on every page (a sidebar's latest
# news): the answers for short texts are remembered (a ParsedDate is immutable)


@lru_cache(maxsize=8192)
def _first_date(text: str) -> ParsedDate:
    return next(_iter_dates(text), NO_DATE)


def reset_caches() -> None:
    """Forget the dates read so far (benchmarks: each pass sees the pages afresh)."""
    _first_date.cache_clear()


def parse_epoch(number: str) -> ParsedDate:
    """A Unix time as an app's state prints it (seconds, or milliseconds in 13 digits), in UTC;
    only one between 1995 and 2100 is taken for a date."""
    seconds = int(number) / (1000 if len(number) == 13 else 1)
    if not 788_918_400 <= seconds < 4_102_444_800:
        return NO_DATE
    return ParsedDate(datetime.fromtimestamp(seconds, timezone.utc), number, (), True)


def find_datetimes(text: str) -> list[ParsedDate]:
    """Every date in a longer text (a related-news block, a listing), in order."""
    return list(_iter_dates(text))


def _iter_dates(text: str) -> Iterator[ParsedDate]:
    text = _normalise(text)
    floor = 0
    pattern = _DATE_NAMED if not text.isdigit() and HAS_MONTH.search(text.lower()) else _DATE
    for match in pattern.finditer(text):
        if match.start() < floor:
            continue
        parsed, floor = _parse_match(text, match, floor)
        if parsed.raw and ":" in parsed.raw and _JAVA_READ.search(parsed.raw):
            parsed = replace(parsed, raw=_JAVA_READ.sub(r"\1 \2 \3 \5 \6 \4", parsed.raw))   # as printed
        yield parsed


def _normalise(text: str) -> str:
    text = fold(text)
    if "T " in text and ":" in text:
        text = _JAVA_DATE.sub(r"\1 \2 \3 \6 \4 \5", text)   # (the same length: offsets hold)
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# Java's Date.toString() ('Fri Sep 05 08:05:00 ICT 2025', a JSP portal's stamp): the year is read
# before the time of day ('Fri Sep 05 2025 08:05:00 ICT')
_JAVA_DATE = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                        r"([0-3]\d) ([0-2]\d:[0-5]\d:[0-5]\d) ([A-Z]{2,5}) ((?:19|20)\d\d)\b")
_JAVA_READ = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                        r"([0-3]\d) ((?:19|20)\d\d) ([0-2]\d:[0-5]\d:[0-5]\d) ([A-Z]{2,5})\b")


def _parse_match(text: str, match: re.Match[str], floor: int) -> tuple[ParsedDate, int]:
    """Parse one date match with its surroundings; also return where its printed span ends."""
    warnings: list[str] = []
    year, month, day = _date_fields(match)
    clock = _iso_clock(match)
    tzinfo = _tzinfo(match.group("iso_tz"), warnings)
    before = _before(text, max(floor, match.start() - BEFORE_WINDOW), match.start())
    after = None if clock else _AFTER.match(text, match.end())
    time_match = _choose_time(text, after, before)
    start, end = match.start(), match.end()
    if time_match is not None:
        clock = _clock(time_match)
        start, end = min(start, time_match.start("time")), max(end, time_match.end("time"))
    if clock is not None and not match.group("iso_tz") and end >= match.end():
        zone = _ZONE_NAME.match(text, end)
        if zone is not None and _named_zone(zone) is not None:
            tzinfo, end = _named_zone(zone), zone.end()    # '12 MAR 2024 - 05:30 CET', 'GMT+7'
        elif (offset := _NUMERIC_ZONE.match(text, end)) is not None:
            tzinfo, end = _tzinfo(offset.group(1), warnings), offset.end()
            # (RFC 2822's 'Thu, 14 Aug 2014 20:05:00 +0800', a log's '2014-08-14 20:05:00 +0800')
    weekday = _weekday(text, before)
    if weekday is not None:
        start = min(start, weekday[1])
    raw = text[start:end].strip()

    if weekday is not None and match.group("dmy_d") and day <= 12 and month <= 12 and day != month \
            and _weekday_says_month_first(weekday[0], year, month, day):
        month, day = day, month        # 'Tue, 03/07/2023': Tuesday is 7 March, not 3 July
    if not _valid_date(year, month, day, warnings):
        return ParsedDate(None, raw, tuple(warnings), False), end
    if weekday is not None:
        _check_weekday(weekday[0], year, month, day, warnings)
    has_time = clock is not None and _valid_clock(clock, warnings)
    hour, minute, second, micro = clock if has_time and clock else (0, 0, 0, 0)
    value = datetime(year, month, day, hour, minute, second, micro, tzinfo=tzinfo)
    return ParsedDate(value, raw, tuple(warnings), has_time), end


def _date_fields(match: re.Match[str]) -> tuple[int, int, int]:
    year, month, day = _printed_fields(match)
    if 2400 < year < 2700:
        year -= 543                    # a Thai page's Buddhist-era year (2566 BE is 2023)
    if month > ETHIOPIAN:
        return ethiopian_to_gregorian(year, month - ETHIOPIAN, day)
    if month > JALALI:
        return jalali_to_gregorian(year, month - JALALI, day)
    if 1300 <= year < 1500 and month <= 12:
        return jalali_to_gregorian(year, month, day)   # a Solar Hijri day in numbers ('۱۳۸۹/۰۵/۲۳')
    return year, month, day


def ethiopian_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Gregorian day of an Ethiopian date (Megabit 3, 2016 is 12 March 2024): days counted
    from the Ethiopian epoch (day 2,796 of the proleptic Gregorian count); an impossible day is
    returned as one (month 0)."""
    if not (1 <= month <= 13 and 1 <= day <= (30 if month < 13 else 6) and 1800 < year < 2200):
        return 0, 0, 0
    if month == 13 and day == 6 and year % 4 != 3:
        return 0, 0, 0                 # Pagume has a sixth day only before a Gregorian leap year
    found = date.fromordinal(2796 + 365 * (year - 1) + year // 4 + 30 * (month - 1) + day - 1)
    return found.year, found.month, found.day


def jalali_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Gregorian day of a Solar Hijri date (22 Esfand 1402 is 12 March 2024): days counted
    from the calendars' common epoch; an impossible day is returned as one (month 0)."""
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1200 < year < 1600):
        return 0, 0, 0
    year += 1595
    days = -355668 + 365 * year + (year // 33) * 8 + ((year % 33) + 3) // 4 + day \
        + ((month - 1) * 31 if month < 7 else (month - 7) * 30 + 186)
    g_year = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        g_year += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    g_year += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        g_year += (days - 1) // 365
        days = (days - 1) % 365
    g_day = days + 1
    leap = g_year % 4 == 0 and (g_year % 100 != 0 or g_year % 400 == 0)
    for g_month, length in enumerate((31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), 1):
        if g_day <= length:
            return g_year, g_month, g_day
        g_day -= length
    return 0, 0, 0


def _printed_fields(match: re.Match[str]) -> tuple[int, int, int]:
    if match.group("iso_y"):
        return int(match["iso_y"]), int(match["iso_m"] or match["iso_ms"]), int(match["iso_d"] or match["iso_ds"])
    if match.group("dmy_d"):
        year = match["dmy_y"]
        month, day = int(match["dmy_m"] or match["dmy_ms"]), int(match["dmy_d"])
        if month > 12 and 1 <= day <= 12:
            month, day = day, month    # no month 28: an American month/day/year (03/28/2023)
        return (int(year) if year else _expand_year(int(match["dmy_yy"])), month, day)
    groups = match.groupdict()
    if groups.get("nd_d"):
        return int(match["nd_y"]), MONTHS[" ".join(match["nd_m"].lower().split())], int(match["nd_d"])
    if groups.get("cjk_d"):
        return _cjk_year(match["cjk_y"]), int(match["cjk_m"]), int(match["cjk_d"])
    if groups.get("mg_d"):
        return 1911 + int(match["mg_y"]), int(match["mg_m"]), int(match["mg_d"])
    if groups.get("ny_d"):
        return int(match["ny_y"]), MONTHS[" ".join(match["ny_m"].lower().split())], int(match["ny_d"])
    if groups.get("ny_d2"):
        return int(match["ny_y"]), MONTHS[" ".join(match["ny_m2"].lower().split())], int(match["ny_d2"])
    if groups.get("nm_d"):
        return int(match["nm_y"]), MONTHS[" ".join(match["nm_m"].lower().split())], int(match["nm_d"])
    return int(match["vi_y"]), int(match["vi_m"]), int(match["vi_d"])


_JAPANESE_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}   # the year before each era's first


def _cjk_year(printed: str) -> int:
    if printed.isdigit():
        return int(printed) + (1911 if len(printed) == 3 else 0)
    if printed[-3:].isdigit() and "民" in printed:
        return int(printed[-3:]) + 1911
    era, year = printed[:2], printed[2:].strip()
    return _JAPANESE_ERAS[era] + (1 if year == "元" else int(year))


def _expand_year(two_digits: int) -> int:
    return 2000 + two_digits if two_digits < 70 else 1900 + two_digits


def _iso_clock(match: re.Match[str]) -> Clock | None:
    if not match.group("iso_h"):
        return None
    frac = match.group("iso_frac") or ""
    return (int(match["iso_h"]), int(match["iso_mi"]), int(match.group("iso_s") or 0),
            int(frac.ljust(6, "0")) if frac else 0)


# a zone printed by its name after the time: only the names that mean one offset (not CST,
# which is China's or America's, nor IST)
_ZONE_OFFSETS = {name: timezone(timedelta(minutes=minutes)) for names, minutes in (
    (("UTC", "GMT", "WET", "Z"), 0), (("CET", "MEZ", "WEST", "BST", "WAT"), 60),
    (("CEST", "MESZ", "EET", "SAST", "CAT"), 120), (("EEST", "MSK", "EAT"), 180),
    (("ICT", "WIB"), 420), (("HKT", "SGT", "AWST", "WITA"), 480), (("JST", "KST", "WIT"), 540),
    (("AEST",), 600), (("AEDT",), 660), (("NZST",), 720), (("NZDT",), 780),
    (("EST",), -300), (("EDT",), -240), (("CDT",), -300), (("MST",), -420), (("MDT",), -360),
    (("PST",), -480), (("PDT",), -420)) for name in names}
_ZONE_NAME = re.compile(r"\s{0,3}\(?(%s)(?:\s?([+-])(\d{1,2})(?::?(\d\d))?)?\)?(?![^\W\d_])"
                        % "|".join(sorted(_ZONE_OFFSETS, key=len, reverse=True)))


# a numeric offset printed after the time, with its space ('20:05:00 +0800', '10:30 -05:00')
_NUMERIC_ZONE = re.compile(r"\s{1,2}([+-](?:0\d|1[0-4]):?(?:00|30|45))(?![0-9:])")


def _named_zone(zone: re.Match[str]) -> timezone | None:
    """The offset of a printed zone ('CET', 'GMT+7', 'UTC+05:30'); None for an impossible one."""
    name, sign, hours, minutes = zone.groups()
    if not sign:
        return _ZONE_OFFSETS[name.upper()]
    if name.upper() not in ("UTC", "GMT") or int(hours) > 14 or int(minutes or 0) > 59:
        return None
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    return timezone(-delta if sign == "-" else delta)


def _tzinfo(offset: str | None, warnings: list[str]) -> timezone:
    if not offset:
        return VN_TZ
    if offset.upper() == "Z":
        return timezone.utc
    digits = offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        warnings.append(f"impossible UTC offset {offset}, assumed +07:00")
        return VN_TZ
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if offset[0] == "-" else delta)


def _choose_time(text: str, after: re.Match[str] | None,
                 before: re.Match[str] | None) -> re.Match[str] | None:
    """Prefer a time on the same line after the date, unless it is the leading time of the
    next date ("16:20 | 04/08/2020 17:05 | 05/08/2020" lists)."""
    before = before if before is not None and before.group("time") else None
    if after is None:
        return before
    same_line = "\n" not in after.group("sep")
    owned = _FOLLOWED_BY_DATE.match(text, after.end()) is None
    if same_line and owned:
        return after
    if before is not None:
        return before
    return after if owned or same_line else None


def _clock(match: re.Match[str]) -> Clock:
    hour = int(match["hour"])
    minute = match.group("minute") or match.group("minute_hg") or match.group("minute_vi") \
        or match.group("minute_dot") or match.group("minute_cjk") or 0
    meridiem = (match.group("meridiem") or "").lower().replace(" ", "")   # ('p. m.', Spanish)
    before = match.groupdict().get("pre_meridiem")      # ('下午3:20', '午後3時': before the clock)
    if before:
        meridiem = "pm" if before in ("下午", "晚上", "午後") or (before == "中午" and hour < 11) else "am"
    if meridiem in MERIDIEM_AM and hour == 12:
        hour = 0
    elif meridiem in MERIDIEM_PM and hour < 12:
        hour += 12
    return hour, int(minute), int(match.group("second") or 0), 0


def _weekday(text: str, before: re.Match[str] | None) -> tuple[str, int] | None:
    """The weekday printed before the date, as (text, start), unless it reads as an ordinal."""
    if before is None:
        return None
    name = "wd2" if before.group("wd2") else "wd1"
    if not before.group(name):
        return None
    start = before.start(name)
    preceding = _WORD_BEFORE.search(text, max(0, start - 12), start)
    if preceding is not None and preceding.group(1).lower() in ORDINAL_CONTEXT:
        return None
    return before.group(name), start


def _valid_date(year: int, month: int, day: int, warnings: list[str]) -> bool:
    printed = f"{day:02d}/{month:02d}/{year}"
    if not YEAR_MIN <= year <= YEAR_MAX:
        warnings.append(f"year {year} outside {YEAR_MIN}..{YEAR_MAX} in {printed}")
        return False
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        warnings.append(f"impossible date {printed}")
        return False
    return True


def _valid_clock(clock: Clock, warnings: list[str]) -> bool:
    hour, minute, second, _ = clock
    if hour <= 23 and minute <= 59 and second <= 59:
        return True
    printed = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
    warnings.append(f"impossible time {printed}")
    return False


_FOREIGN_WEEKDAY_NUMBER = {name: number for number, names in enumerate((
    "monday mon montag lundi", "tuesday tues tue dienstag mardi", "wednesday wed mittwoch mercredi",
    "thursday thurs thur thu donnerstag jeudi", "friday fri freitag vendredi",
    "saturday sat samstag sonnabend samedi", "sunday sun sonntag dimanche")) for name in names.split()}


_WEEKDAY_ABBREVIATION = re.compile(r"^(?:t[2-7]|cn)$")


def _weekday_says_month_first(printed: str, year: int, month: int, day: int) -> bool:
    """The printed weekday (in English, German or French) contradicts the day-first reading and
    fits the month-first one. A Vietnamese weekday written out ('Thứ Tư, 04/08/2020') leaves the
    date day first whatever it says (portal templates print wrong weekdays); only the abbreviation
    a CMS's own format prints ('T2, 10/06/2025 - 09:05': Drupal's default 'D, m/d/Y - H:i' in
    Vietnamese, Monday 6 October) reads the date month first when it fits that reading alone."""
    key = re.sub(r"\s+", "", printed.lower()).rstrip(".")
    wanted = _FOREIGN_WEEKDAY_NUMBER.get(key)
    if wanted is None and _WEEKDAY_ABBREVIATION.match(key):
        wanted = WEEKDAYS.get(key)
    if wanted is None:
        return False
    try:
        return calendar.weekday(year, month, day) != wanted and \
            calendar.weekday(year, day, month) == wanted
    except ValueError:
        return False


def _check_weekday(printed: str, year: int, month: int, day: int, warnings: list[str]) -> None:
    key = re.sub(r"\s+", "", printed.lower())
    actual = calendar.weekday(year, month, day)
    if WEEKDAYS.get(key, actual) != actual:
        warnings.append(f"weekday '{printed}' contradicts {day:02d}/{month:02d}/{year} "
                        f"(a {WEEKDAY_NAMES[actual]})")


# PHP's date('Y-m-dTH:i:s'), whose 'T' prints the zone's abbreviation (NukeViet's
# article:published_time '2025-09-05ICT08:30:00'): the date, the zone, the time
_ZONE_AS_T = re.compile(r"^(\d{4}-\d\d-\d\d)([A-Z]{2,5}|[+-]\d\d)(\d\d:\d\d(?::\d\d)?)$")
_ZONE_ABBREVIATIONS = {"ICT": "+07:00", "WIB": "+07:00", "UTC": "Z", "GMT": "Z", "CET": "+01:00",
                       "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00",
                       "IST": "+05:30", "PKT": "+05:00", "SGT": "+08:00", "HKT": "+08:00", "KST": "+09:00",
                       "JST": "+09:00", "AEST": "+10:00", "EST": "-05:00", "EDT": "-04:00",
                       "CST": "-06:00", "CDT": "-05:00", "PST": "-08:00", "PDT": "-07:00"}


def _iso_of_zone_as_t(m: re.Match[str]) -> str:
    zone = m[2] if m[2][0] in "+-" else _ZONE_ABBREVIATIONS.get(m[2], "")
    return f"{m[1]}T{m[3]}{zone + ':00' if zone[:1] in '+-' and len(zone) == 3 else zone}"


def zone_as_t(value: str) -> str:
    """A meta tag's date written by PHP's date('Y-m-dTH:i:s') as ISO ('2025-09-05ICT08:30:00' ->
    '2025-09-05T08:30:00+07:00'; an unknown zone's name gives no offset); any other value as it is."""
    return _ZONE_AS_T.sub(_iso_of_zone_as_t, value)
