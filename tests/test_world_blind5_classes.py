"""The failure classes of the fifth blind world-news set (fixtures/world_blind5), each on a small
page of its own, in other words and markup than the blind pages."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

P = [("The council voted on Tuesday to extend the night bus network to the three districts that "
      "grew fastest over the last decade, after months of petitions from shift workers."),
     ("Officials said the first routes would run from September, with buses every twenty minutes "
      "between midnight and five in the morning on weekdays and every quarter hour at weekends."),
     ("Drivers' unions welcomed the plan but asked for more rest areas at the end of each line, "
      "saying the current stops had no lighting and no toilets for the night crews."),
     ("The transport department will publish the timetables in August and review the service "
      "after six months, when it expects the first figures on passengers per journey.")]


def _article(html: str, url: str = "https://www.example-daily.com/2024/05/06/night-buses.html"):
    page = (f"<html lang='en'><head><title>Night buses extended | Example Daily</title></head><body>"
            f"<header class='masthead'><a href='/'>Example Daily</a></header><main>{html}</main>"
            "<footer class='site-footer'>© Example Daily</footer></body></html>")
    return parse_page(page.encode("utf-8"), url, profile="generic").article


def test_story_split_over_columns_with_generated_class_names():
    ad = ("<div class='css-k2j4fa ad'><p class='css-0ab12c'>Advertisement</p>"
          "<div class='place-ad'></div></div>")
    cols = [f"<div class='css-{h} StoryColumn'><div class='css-{h}x'><p>{p}</p></div>"
            "<aside class='css-q1w2e3'></aside></div>" for h, p in zip(("a1b2c3", "d4e5f6", "g7h8i9", "j0k1l2"), P)]
    a = _article("<article><h1>Night buses extended</h1><section itemprop='articleBody'>"
                 f"{cols[0]}{ad}{cols[1]}{ad}{cols[2]}{ad}{cols[3]}</section></article>")
    assert a.body == "\n\n".join(P)


def test_text_in_a_subscriber_only_wrapper_is_body_and_the_prompt_is_not():
    a = _article("<article><h1>Night buses extended</h1><div class='asset-content subscriber-premium'>"
                 f"<div class='subscriber-preview'><p>{P[0]}</p><p>{P[1]}</p></div>"
                 f"<div class='subscriber-only'><p>{P[2]}</p><p>{P[3]}</p></div>"
                 "<div class='subscription-prompt'><p>Subscribe to keep reading.</p></div></div></article>")
    assert a.body == "\n\n".join(P)


def test_sections_each_with_a_subheading_and_one_block_of_text():
    a = _article("<article><h1>Night buses extended</h1><div class='story'>"
                 f"<section class='part'><h3>The vote</h3><div class='part-text'><p>{P[0]}<br><br>{P[1]}</p></div></section>"
                 f"<section class='part'><h3>The unions</h3><div class='part-text'><p>{P[2]}</p></div></section>"
                 f"<section class='part'><h3>What next</h3><div class='part-text'><p>{P[3]}</p></div></section>"
                 "</div></article>")
    assert a.body is not None
    for p in P:
        assert p in a.body
    assert "The unions" in a.body


def test_a_rating_panel_dressed_like_the_article_panel_is_not_body():
    panel = "<div class='news_column panel'><div class='panel-body'>{}</div></div>"
    a = _article(panel.format(f"<h1>Night buses extended</h1><p>{P[0]}</p>")
                 + panel.format("<form><p>Total score of the article: 5 from 1 rating</p>"
                                "<input type='radio' value='1'><input type='radio' value='2'></form>"
                                "<p>Click to rate this article</p>"))
    assert a.body == P[0]


def _dated(meta: str, head: str = "", top: str = "", url: str = "https://www.example-daily.com/news/night-buses") -> str | None:
    page = (f"<html lang='en'><head><title>Night buses extended | Example Daily</title>{head}</head><body>"
            f"<div class='site-header'><a href='/'>Example Daily</a><span class='today'>Monday, June 3, 2024</span></div>"
            f"<main><article>{top}<h1>Night buses extended</h1>{meta}<div class='story'><p>{P[0]}</p><p>{P[1]}</p></div>"
            "</article></main></body></html>")
    return parse_page(page.encode("utf-8"), url, profile="generic").article.published_at


def test_utc_stamp_with_seconds_and_the_local_time_printed_a_day_earlier():
    assert _dated("<div class='byline'><time datetime='2024-03-06T03:41:27.000Z'>March 5, 2024 at 9:41 p.m. CST"
                  "</time></div>").startswith("2024-03-05T21:41")
    assert _dated("<div data-qa='display-date'>March 5, 2024 at 9:41 p.m. EST</div>",
                  head="<meta property='article:published_time' content='2024-03-06T02:41:27Z'>"
                  ).startswith("2024-03-05T21:41")


def test_date_in_the_articles_own_header_above_the_title():
    page = (f"<html lang='es'><head><title>Nota de prensa</title></head><body><main><article class='release'>"
            "<div class='release__header'><span class='release__type'>Nota de prensa</span>"
            "<span class='release__date'>14/05/2024</span><h1>Nueva planta de hidrógeno en Huesca</h1></div>"
            f"<div class='release__body'><p>{P[0]}</p><p>{P[1]}</p></div></article></main></body></html>")
    a = parse_page(page.encode("utf-8"), "https://www.example-energia.es/prensa/planta", profile="generic").article
    assert a.published_at.startswith("2024-05-14")


def test_dateline_after_the_writers_name_in_a_blog_top_block():
    page = (f"<html lang='en'><head><title>Quiet PCs</title></head><body><div class='content'><div class='blog_top_left'>"
            "<h1>Quiet PCs for every budget</h1><div class='blog_top_stats'><span class='author'>by "
            "<a href='/Author/12'>Owen Marsh</a> on May 14, 2024 9:00 AM EST</span></div></div>"
            f"<div class='articleContent'><p>{P[0]}</p><p>{P[1]}</p></div></div></body></html>")
    a = parse_page(page.encode("utf-8"), "https://www.example-bench.com/show/1234", profile="generic").article
    assert a.published_at.startswith("2024-05-14")


def test_compact_relative_time_with_the_date_in_its_tooltip():
    assert _dated("<div class='byline'><span>Par Claire Dumesnil</span> • <span title='mardi 14 mai 2024 à 14:22'>"
                  "2 j</span></div>").startswith("2024-05-14")


def _byline(meta: str, lang: str = "en", text: str = "") -> str | None:
    page = (f"<html lang='{lang}'><head><title>Night buses extended</title></head><body><main><article>"
            f"<h1>Night buses extended</h1>{meta}<div class='story'>{text}<p>{P[0]}</p><p>{P[1]}</p></div>"
            "</article></main></body></html>")
    return parse_page(page.encode("utf-8"), "https://www.example-daily.com/news/night-buses",
                      profile="generic").article.author


def test_several_writers_linked_with_roles_or_times_between_them():
    assert _byline("<p class='byline'>By <a href='/experts/daniel-okoro/'>Daniel Okoro</a>, Senior Fellow, and "
                   "<a href='/experts/laura-mendez/'>Laura Méndez</a>, Research Associate</p>") \
        == "Daniel Okoro and Laura Méndez"
    assert _byline("<address><a rel='author' href='/profile/ar'>Aisha Rahman</a> (now) and "
                   "<a rel='author' href='/profile/te'>Tom Ellery</a> (earlier)</address>") \
        == "Aisha Rahman and Tom Ellery"
    assert _byline("<div class='authors'><a href='/reporter/a1/'>中村俊介</a>、<a href='/reporter/b2/'>木下麻衣</a></div>",
                   lang="ja") == "中村俊介、木下麻衣"


def test_byline_labels_and_the_outlet_a_writer_files_for():
    assert _byline("<div class='byline'>Article de Claire Dumesnil</div>", lang="fr") == "Claire Dumesnil"
    assert _byline("<div class='byline'>Ein Bericht von Friederike Lenz</div>", lang="de") == "Friederike Lenz"
    assert _byline("<p class='byline'>By REBECCA THORNE and JAMES PARKER FOR CLARIONLINE</p>") \
        == "REBECCA THORNE and JAMES PARKER"
    assert _byline("<div>Von <a href='/impressum/autor-x81kq'>Lena Hartmann</a>, Husum</div>", lang="de") \
        == "Lena Hartmann"


def test_blog_footer_posted_by_before_the_time():
    page = (f"<html lang='fr'><head><title>Semis</title></head><body><div class='post'><h2>Semis sous lampe</h2>"
            f"<div class='itemcontent'><p>{P[0]}</p><p>{P[1]}</p></div><div class='itemfooter'>Posté par Martine R "
            "à 14:22 - <a href='/archives/potager/'>Au potager</a> - <a href='#comments'>Commentaires [4]</a></div>"
            "</div></body></html>")
    a = parse_page(page.encode("utf-8"), "https://potager.example-blog.fr/archives/2024/05/14/1.html",
                   profile="generic").article
    assert a.author == "Martine R"


def test_chinese_reporter_credits():
    assert _byline("", lang="zh", text="<p>华夏社北京5月14日电（记者张晓明、李雪）记者14日从农业农村部获悉，春播进展顺利。</p>") \
        == "张晓明、李雪"
    assert _byline("<p>本报记者　刘阳</p>", lang="zh") == "刘阳"
    assert _byline("<div class='info'><a href='/news/reporter/lb'>聯報</a>／ 記者<a href='/news/reporter/x1'>林彥廷</a>"
                   "／台北即時報導</div>", lang="zh-Hant") == "林彥廷"


def test_kicker_in_its_own_span_before_the_title():
    page = (f"<html lang='de'><head><title>x</title></head><body><main><article><h2 class='headline'>"
            "<span class='kicker'>Nachtbusse</span><span class='hide-for-l'>:</span> <span>Die Stadt fährt "
            f"künftig rund um die Uhr</span></h2><div class='text'><p>{P[0]}</p><p>{P[1]}</p></div>"
            "</article></main></body></html>")
    a = parse_page(page.encode("utf-8"), "https://www.example-blatt.de/a/nachtbusse", profile="generic").article
    assert a.headline == "Die Stadt fährt künftig rund um die Uhr"


def test_a_newsroom_named_as_the_json_ld_author_is_not_a_writer():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Organization", '
            '"name": "JBN"}}</script>')
    page = (f"<html lang='en'><head><title>Night buses</title>{head}</head><body><main><article>"
            f"<h1>Night buses extended</h1><div class='story'><p>{P[0]}</p><p>{P[1]}</p></div></article></main>"
            "</body></html>")
    assert parse_page(page.encode("utf-8"), "https://www.example-daily.com/n/1", profile="generic").article.author is None


def test_camel_case_caption_and_the_byline_above_the_text_are_not_body():
    page = (f"<html lang='en'><head><title>x</title></head><body><main><div class='story'>"
            "<h1>Night buses extended</h1><p class='byline'>By Tom Reyes and Ana Ruiz</p>"
            "<div class='mol-img'><img src='/a.jpg' alt=''></div><p class='imageCaption'>A night bus leaves the "
            f"depot on Tuesday evening</p><p>{P[0]}</p><p>{P[1]}</p></div></main></body></html>")
    a = parse_page(page.encode("utf-8"), "https://www.example-daily.com/n/2", profile="generic").article
    assert a.body == f"{P[0]}\n\n{P[1]}"


def test_date_in_a_data_attribute_beside_a_relative_time():
    meta = ("<div class='byline'><span>By <a href='/staff/cn'>Carla Nguyen</a></span><div class='byline__time' "
            "data-published='2024-04-30T14:22:10-07:00'><span class='js-timeago'>2 days ago</span></div></div>"
            "<p class='aside'>The last burn was on <time datetime='2024-03-23T10:00:00-07:00'>Mar 23</time>.</p>")
    assert _dated(meta).startswith("2024-04-30")
