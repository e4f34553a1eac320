"""The failure classes of the fifteenth blind world set (fixtures/world_blind15) and the usernames of
the fourteenth, each on a small page of its own written from the class (in two or more languages
where the class is not one site's)."""
from __future__ import annotations

import pytest

from govnews.parsers.dates import parse_vietnamese_datetime
from govnews.parsers.extract import parse_page
from govnews.parsers.fields import byline_name

EN = ["The city will replace about 1,200 lead water service lines in older neighbourhoods this summer, "
      "at no cost to property owners, the public works department said on Thursday.",
      "Service lines connect homes to the water main in the street, and homes built before 1950 may still "
      "have lead pipes that can release lead into drinking water.",
      "Residents who are not sure whether their home has a lead line can use the map on the city's website."]
ZH = ["记者从地铁运营方获悉，为方便市民夜间出行，自1月22日起，地铁14号线将延长运营时间，工作日末班车由22:30推迟至23:30。"
      "据介绍，14号线开通一年多来，客流持续增长。",
      "据介绍，14号线开通一年多来，客流持续增长，沿线不少上班族反映晚上加班后赶不上末班车。运营方根据客流数据和乘客意见，"
      "决定先在14号线试行延时运营，并将根据试行期间的客流情况评估效果。",
      "除工作日外，每周五和周六晚间，14号线末班车将进一步推迟至24:00，以满足周末夜间出行需求。运营方提醒，延时运营期间，"
      "部分车站出入口将提前关闭，乘客请留意车站公告。"]


def _article(html: str, url: str = "https://news.example.com/2024/01/18/story/", lang: str = "en"):
    page = f'<html lang="{lang}"><head><meta charset="utf-8"><title>Story</title></head><body>{html}</body></html>'
    return parse_page(page.encode("utf-8"), url, profile="generic").article


def _paras(paras) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


# -- a text container a script reveals ------------------------------------------------------------

@pytest.mark.parametrize("paras, lang", [(ZH, "zh-CN"), (EN, "en")])
def test_a_text_hidden_by_visibility_until_a_script_shows_it_is_the_text(paras, lang):
    html = ('<div class="rich_media"><h1 class="rich_media_title">Metro line 14 runs later</h1>'
            '<div id="js_content" class="rich_media_content" style="visibility: hidden;">'
            f'{_paras(paras)}</div></div>')
    assert _article(html, lang=lang).body == "\n\n".join(paras)


def test_a_copy_hidden_by_display_none_stays_hidden():
    html = ('<article><h1>Lead lines to be replaced</h1><div class="body">' + _paras(EN) + '</div></article>'
            '<div class="print-copy" style="display:none">' + _paras(EN[::-1]) + '</div>')
    assert _article(html).body == "\n\n".join(EN)


def test_a_short_menu_hidden_by_visibility_stays_hidden():
    html = ('<div id="mobile-nav" style="visibility:hidden"><a href="/">Home</a> <a href="/news">News</a></div>'
            '<article><h1>Lead lines to be replaced</h1><div class="body">' + _paras(EN) + '</div></article>')
    assert "Home" not in _article(html).body


# -- a date only in the page's script variables --------------------------------------------------

def test_a_date_in_script_variables_day_and_timestamp_read_together():
    html = ('<h1>Metro line 14 runs later</h1><em id="publish_time"></em><div class="content">' + _paras(EN)
            + '</div><script>var msg_title = "Metro line 14";\nvar publish_time = "2024-01-18" || "";\n'
              "var createTime = '2024-01-18 10:30';\nvar appmsg_type = \"9\";</script>")
    a = _article(html, url="https://mp.example.com/s?__biz=MzA5&mid=2651428871")
    assert a.published_at[:16] == "2024-01-18T10:30"


def test_a_script_listing_two_times_of_one_day_dates_nothing():
    html = ('<h1>Metro line 14 runs later</h1><div class="content">' + _paras(EN) + '</div><script>var feed = '
            '[{"published": "2024-01-18T10:30:00+08:00"}, {"published": "2024-01-18T08:15:00+08:00"}];</script>')
    assert _article(html, url="https://mp.example.com/s?mid=2651428871").published_at is None


# -- a public account's furniture in the text -----------------------------------------------------

@pytest.mark.parametrize("line", ["点击蓝字 关注我们", "长按识别二维码关注", "Tap the blue name above to follow us",
                                  "审核：陈刚", "校对：李明", "Editor: Chen Yu", "往期推荐"])
def test_a_public_account_s_prompts_and_credits_are_not_text(line):
    html = ('<h1>Metro line 14 runs later</h1><div class="rich_media_content">' + f"<p>{line}</p>"
            + _paras(ZH) + f'<p style="text-align:right">{line}</p></div>')
    assert _article(html, lang="zh-CN").body == "\n\n".join(ZH)


# -- bylines in more languages ------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Pa Jean-Robert Pierre", "Jean-Robert Pierre"),                 # Haitian Creole
    ("Isinulat ni Maria Santos", "Maria Santos"),                     # Tagalog
    ("Müəllif: Aynur Məmmədova", "Aynur Məmmədova"),                  # Azerbaijani
    ("Muallif: Jasur Karimov", "Jasur Karimov"),                      # Uzbek
    ("نوشته شده توسط مریم احمدی ساعت ۱۰:۱۵ ب.ظ روز شنبه ۱۳۸۹/۰۵/۲۳", "مریم احمدی"),   # Persian
    ("WRITER: Wanchai Saetang", "Wanchai Saetang"),
    ("Autoren: Dr. Katrin Weber und Thomas Braun", "Dr. Katrin Weber und Thomas Braun"),
    ("By Karen Mills, Parks and Recreation", "Karen Mills"),
    ("By Maya Brooks, Daniel Ortiz and Hannah Kim", "Maya Brooks, Daniel Ortiz and Hannah Kim"),
    ("By Ruth Ellison, Science Director", "Ruth Ellison")])
def test_bylines(text, name):
    assert byline_name(text) == name


def test_a_persian_weblog_s_footer_line_names_its_writer_after_the_date():
    html = ('<h1>وبلاگ یادداشت معلم</h1><div class="post"><h2 class="posttitle">جلسه اولیا و مربیان</h2>'
            '<div class="postcontent">' + "<br />".join(["جلسه اولیا و مربیان امروز در سالن مدرسه برگزار شد و بیش از "
                                                          "صد نفر از والدین در آن شرکت کردند."] * 3)
            + '</div><div class="postdesc">نوشته شده در شنبه ۲۴ حوت ۱۳۹۲ ساعت 10:20 توسط احمدولی حبیبی | '
              '<a href="#comments">نظرات (2)</a></div></div>')
    a = _article(html, url="http://moalem.blogfa.example.com/post/214", lang="fa")
    assert a.author == "احمدولی حبیبی"
    assert a.published_at[:10] == "2014-03-15"


def test_an_outlet_on_its_own_line_under_the_name_is_not_the_name():
    html = ('<div class="article"><h1 class="headline">Lawmakers back a plan to rebuild river ports</h1>'
            '<div class="byline">By DANA HOLLIS<br /><span class="byline-title">Associated Press</span></div>'
            '<div class="body">' + _paras(EN) + '</div></div>')
    assert _article(html).author == "DANA HOLLIS"


def test_a_photographer_s_card_beside_the_writer_s_stays_out():
    cards = ('<div class="bylines"><div class="byline"><span class="byline__name">Ingrid Solberg</span>'
             '<span class="byline__title">Journalist</span></div><div class="byline"><span class="byline__name">'
             'Ola Haugen</span><span class="byline__title">Fotograf</span></div></div>')
    html = f'<article><h1>Ny gang- og sykkelbro åpner i mai</h1>{cards}<div class="body">{_paras(EN)}</div></article>'
    assert _article(html, lang="nb").author == "Ingrid Solberg"


@pytest.mark.parametrize("byline", ["Staff report", "From staff reports"])
def test_an_unsigned_newsroom_report_has_no_writer(byline):
    html = (f'<div class="article"><h1 class="headline">School board approves budget</h1><div class="byline">{byline}'
            '</div><div class="body">' + _paras(EN) + '</div></div>')
    assert _article(html).author is None


# -- a page that prints only when it was last modified ---------------------------------------------

@pytest.mark.parametrize("url", ["http://www.sentinel.example.com/apps/pbcs.dll/article?AID=/20110608/NEWS/110609812",
                                 "https://www.sentinel.example.com/news/2011/06/08/school-board-budget/"])
def test_a_last_modified_page_is_dated_by_its_url(url):
    html = ('<div class="article"><h1 class="headline">School board approves budget</h1><div class="stamp">'
            'Last Modified: Thursday, June 9, 2011 at 9:20 a.m.</div><div class="body">' + _paras(EN) + '</div></div>')
    assert _article(html, url=url).published_at[:10] == "2011-06-08"


# -- an e-mail bulletin's cells, styled one by one -------------------------------------------------

def test_a_bulletin_whose_cells_are_styled_inline():
    cell = 'style="font-family: Arial; font-size: 15px; line-height: 1.5; padding: 0 24px 12px 24px;"'
    rows = "".join(f"<tr><td {cell}><p>{p}</p></td></tr>" for p in EN[:2])
    rows += (f"<tr><td {cell}><h3>What residents can expect</h3></td></tr><tr><td {cell}><ul><li>A letter two weeks "
             "before work begins</li><li>Water shut off for four to six hours</li><li>A free water filter after "
             f"the work</li></ul></td></tr><tr><td {cell}><p>{EN[2]}</p></td></tr>")
    html = ('<div class="bulletin_subject">NEWS RELEASE: City to replace 1,200 lead service lines</div>'
            '<div id="bulletin_body"><table><tr><td><table width="600"><tr><td>Having trouble viewing this email? '
            '<a href="#">View it as a Web page</a>.</td></tr><tr><td style="font-size: 12px;">News Release</td></tr>'
            f'<tr><td><h1>City to replace 1,200 lead service lines this summer</h1></td></tr>{rows}'
            '<tr><td style="font-size: 11px; color: #666666; background: #f4f4f4;">SUBSCRIBER SERVICES: Manage '
            'Subscriptions | Unsubscribe All | Help<br><br>This email was sent to you using GovDelivery on behalf of: '
            'City of Maple Grove · 12800 Arbor Lakes Parkway · Maple Grove, MN 55369</td></tr></table></td></tr>'
            '</table></div>')
    body = _article(html, url="https://content.govdelivery.example.com/accounts/MN/bulletins/2487c1e").body
    assert body.startswith(EN[0]) and body.endswith(EN[2])
    assert "A free water filter after the work" in body and "SUBSCRIBER SERVICES" not in body


# -- a poster's handle on boards, blogs and old portals ----------------------------------------------

@pytest.mark.parametrize("line, handle, lang", [
    ('Posted by <a href="modules.php?name=Your_Account&amp;op=userinfo&amp;username=rwilkins">rwilkins</a> on '
     'Monday, November 07, 2005 @ 21:40:12 EST (1,208 reads)', "rwilkins", "en"),
    ('Enviado por <a href="modules.php?name=Your_Account&amp;username=ricardo">ricardo</a> em Quinta-feira, '
     '17 Agosto 2006 @ 23:15:00 BRT (647 leituras)', "ricardo", "pt-BR"),
    ('von <strong><a href="./memberlist.php?mode=viewprofile&amp;u=238" class="username">Vorstand_Kai</a></strong> '
     '&raquo; Mo 14. Mär 2016, 19:05', "Vorstand_Kai", "de"),
    ('Posted by <a href="https://lanternreview.tumblr.example.com">marisol-writes</a>', "marisol-writes", "en")])
def test_a_poster_s_handle_after_posted_by(line, handle, lang):
    html = ('<table><tr><td><font class="title"><b>Install Fest moves to the Main Library</b></font><br>'
            f'<font class="tiny">{line}</font></td></tr><tr><td>{_paras(EN)}</td></tr></table>')
    assert _article(html, url="https://board.example.org/viewtopic.php?t=4821", lang=lang).author == handle


def test_an_administrator_s_handle_is_no_writer():
    html = ('<h1>Install Fest moves to the Main Library</h1><p class="meta">Posted by <a href="/user/admin">admin</a> '
            'on Monday, November 07, 2005</p>' + _paras(EN))
    assert _article(html, url="https://board.example.org/article.php?sid=48").author is None


def test_a_journal_s_poster_in_its_user_widget():
    html = ('<div class="entry"><h3 class="entry-title">Suzdal in two days</h3><div class="entry-poster">'
            '<span class="ljuser" lj:user="marina_vetrova"><a href="https://marina-vetrova.lj.example.com/">'
            '<b>marina_vetrova</b></a></span></div><div class="entry-content">' + "<br /><br />".join(EN)
            + '</div></div><div id="comments"><div class="comment"><span class="ljuser" lj:user="petr_k">'
              '<a href="#"><b>petr_k</b></a></span> Great trip!</div></div>')
    assert _article(html, url="https://marina-vetrova.lj.example.com/128834.html").author == "marina_vetrova"


def test_a_vietnamese_portal_s_login_is_still_no_writer():
    html = ('<h1>Hội nghị tổng kết công tác năm 2025 của Ủy ban nhân dân xã</h1><p class="meta">Đăng bởi '
            '<a href="/user/bientap01">bientap01</a> lúc 08:30 ngày 12/9/2025</p>'
            '<p>Sáng 12/9/2025, Ủy ban nhân dân xã tổ chức hội nghị tổng kết công tác năm 2025 và triển khai '
            'nhiệm vụ năm 2026 với sự tham dự của đại diện các ban, ngành, đoàn thể.</p>'
            '<p>Hội nghị đã thảo luận, thống nhất các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội, bảo đảm '
            'quốc phòng, an ninh trên địa bàn xã trong năm tới.</p>')
    assert _article(html, url="https://xa.example.gov.vn/tin-tuc/hoi-nghi-tong-ket-123.html", lang="vi").author is None


# -- an old portal's layout table and its linked topic before the title ----------------------------

def test_a_portal_s_layout_table_is_not_its_text_and_the_topic_is_not_the_title():
    text = ("町は今月から、中央公民館、東公民館、北公民館の3館で、誰でも無料で使える無線LANサービスを始めました。<br /><br />"
            "利用できる時間は各公民館の開館時間中で、受付で利用者登録をすると、パスワードが書かれたカードが渡されます。<br /><br />"
            "ただし、ファイル交換ソフトの使用や、長時間の動画の視聴は禁止されています。問い合わせは町情報政策課まで。")
    page = ('<html lang="ja"><head><meta charset="utf-8"><title>みなみ町ネット - ニュース - 公民館3館で無料の無線LANサービスを開始'
            '</title></head><body><table><tr><td id="leftcolumn"><div class="blockTitle">メインメニュー</div><div class='
            '"blockContent"><a href="/">ホーム</a><a href="/news/">ニュース</a></div><div class="blockTitle">オンライン状況'
            '</div><div class="blockContent">12 人のユーザが現在オンラインです。 (8 人のユーザが ニュース を参照しています。) '
            '登録ユーザ: 1 ゲスト: 11</div></td><td id="centercolumn"><div class="item"><div class="itemHead"><span '
            'class="itemTitle"><a href="/news/index.php?storytopic=7">お知らせ</a>: 公民館3館で無料の無線LANサービスを開始'
            '</span></div><div class="itemBody"><p class="itemText">' + text + '</p></div></div></td></tr></table>'
            '<table><tr><td>Copyright みなみ町ネット. 著作権はコメントの投稿者に帰属します。このサイトの記事の無断転載を禁じます。'
            '</td></tr></table></body></html>')
    a = parse_page(page.encode("utf-8"), "http://www.minami.example.jp/modules/news/article.php?storyid=238",
                   profile="generic").article
    assert a.headline == "公民館3館で無料の無線LANサービスを開始"
    assert a.body.startswith("町は今月から") and "メインメニュー" not in a.body


# -- dates in more calendars and spellings -----------------------------------------------------------

@pytest.mark.parametrize("text, day", [
    ("14 มี.ค. 2567 06:30 น.", "2024-03-14"),            # Thai, abbreviated month, Buddhist era
    ("3-sentabr 2020, 09:05", "2020-09-03"),             # Uzbek
    ("12 iyun 2019", "2019-06-12"),                      # Azerbaijani
    ("روز شنبه ۱۳۸۹/۰۵/۲۳", "2010-08-14"),               # Solar Hijri in numbers
    ("شنبه ۲۴ حوت ۱۳۹۲", "2014-03-15"),                  # Dari month
    ("12-03-2020", "2020-03-12")])
def test_dates(text, day):
    assert parse_vietnamese_datetime(text).value.date().isoformat() == day
