"""Live pages whose entries carry no <time> or carry it in a header of their own (from blind world
set 24): a match centre's minute-by-minute ticker beside a scoreboard, its minutes ("64'", "45+2'")
alone on their lines; a live feed whose entries open with a <header> holding the entry's time and who
posted it. Each on a small page written from the class, in two languages."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

IT = [("Finisce qui!", "L'arbitro fischia la fine: la squadra di casa batte gli ospiti e sale al terzo posto in classifica."),
      ("", "Ammonito un difensore per perdita di tempo. Saranno quattro i minuti di recupero concessi."),
      ("GOL! 2-1", "Colpo di testa su calcio d'angolo: il pallone si infila sotto la traversa e il pubblico esplode."),
      ("", "Doppio cambio per gli ospiti: entrano due attaccanti, escono un centrocampista e un terzino."),
      ("Si parte!", "Calcio d'inizio affidato agli ospiti. Cielo coperto e campo in buone condizioni di gioco.")]
AR = [("نهاية المباراة", "أطلق الحكم صافرة النهاية بفوز أصحاب الأرض بهدف دون رد، ليرفع الفريق رصيده إلى 38 نقطة."),
      ("", "فرصة خطيرة للضيوف بعد تسديدة قوية من خارج المنطقة، لكن الحارس يتألق ويبعد الكرة إلى ركنية."),
      ("", "بطاقة صفراء للاعب الضيوف بعد تدخل قوي في وسط الملعب، والحكم يحذر الجميع من تكرار ذلك."),
      ("هدف!", "المهاجم يسجل برأسية متقنة بعد عرضية من الجهة اليمنى، ويمنح فريقه التقدم في الشوط الثاني."),
      ("", "انطلاق الشوط الثاني دون تغييرات في صفوف الفريقين، والجمهور يملأ المدرجات بالكامل.")]
MINUTES = ["90+4'", "88'", "75'", "45+2'", "1'"]


def _match_page(lang: str, entries: list[tuple[str, str]], home: str, away: str) -> bytes:
    items = "".join(
        f'<li class="ticker__event{" ticker__event--goal" if title else ""}"><span class="ticker__minute">'
        f'{minute}</span><div class="ticker__text">{f"<strong>{title}</strong>" if title else ""}<p>{text}</p></div></li>'
        + ('<div class="mc-ad"><span>Ad</span></div>' if i == 2 else "")
        for i, (minute, (title, text)) in enumerate(zip(MINUTES, entries)))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{home}-{away} 2-1</title>'
            f'</head><body><nav><a href="/">Home</a> <a href="/calcio/">Calcio</a></nav><main>'
            f'<article class="matchcentre"><h1>{home}-{away} 2-1: live</h1><div class="scoreboard">'
            f'<div>{home}</div><div>2 - 1</div><div>{away}</div><p>23\' Rota, 78\' Brambilla (O); 52\' Villa (V)</p>'
            f'<p>Stadio Comunale di Seriate, calcio d\'inizio ore 15</p></div>'
            f'<p class="meta">Live a cura di Luca Bernardi <time datetime="2019-04-13T14:30:00+02:00">13/04/2019 14:30</time></p>'
            f'<section class="ticker"><ol class="ticker__list">{items}</ol></section></article></main>'
            f'<footer><p>© 2019 Sport</p></footer></body></html>').encode()


@pytest.mark.parametrize("lang,entries", [("it", IT), ("ar", AR)])
@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_minute_by_minute_ticker_beside_a_scoreboard_is_the_body(lang, entries, profile):
    page = parse_page(_match_page(lang, entries, "Orobica", "Virtus"), "https://sport.example.it/live/partita-2-1",
                      {"content-type": "text/html; charset=utf-8"}, profile=profile)
    assert page.kind == "article"
    body = page.article.body
    want = [part for title, text in entries for part in (title, text) if part]
    assert body.split("\n\n") == want          # every entry, in order; no minute, no scoreboard


EN = [("No curfew planned, mayor says", "The mayor said at a late-night briefing that the city would not impose a "
       "curfew but urged residents to stay off the roads until daylight."),
      ("Outages pass 880,000", "The utility's outage map showed 884,312 customers without electricity shortly after "
       "midnight, the largest number since 2008."),
      ("Downtown windows shattered", "Glass from dozens of broken office windows covered streets downtown, and police "
       "closed several blocks to traffic.")]
UK = [("Світло повертається в обласні центри", "Енергетики повідомили, що електропостачання частково відновлено в "
       "чотирьох обласних центрах, насамперед у лікарнях і котельнях."),
      ("Запрацювали пункти незламності", "У місті запрацювали перші пункти незламності, де можна погрітися, зарядити "
       "телефон і випити гарячого чаю."),
      ("Метро працює як укриття", "Станції метро відкриті цілодобово, там можна перечекати повітряну тривогу разом "
       "із дітьми та тваринами.")]


def _live_page(lang: str, entries: list[tuple[str, str]], posted: str) -> bytes:
    posts = "".join(
        f'<article class="lb-post"><header class="lb-post__head"><time datetime="2024-05-17T0{i}:05:00-05:00">'
        f'{i}:05</time><span class="lb-post__by">{posted} Derek Phan</span></header><div class="lb-post__body">'
        f'<h3>{title}</h3><p>{text}</p></div></article>' for i, (title, text) in enumerate(entries, 1))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Live</title></head><body>'
            f'<nav><a href="/">Home</a></nav><main><article class="liveblog"><h1>Storm: live updates</h1>'
            f'<p class="byline">By Derek Phan</p><div class="lb-feed">{posts}</div></article></main>'
            f'<footer><p>© 2024</p></footer></body></html>').encode()


@pytest.mark.parametrize("lang,entries,posted", [("en", EN, "Posted by"), ("uk", UK, "Автор:")])
@pytest.mark.parametrize("profile", [None, "generic"])
def test_a_live_entry_header_with_its_time_and_poster_is_not_body(lang, entries, posted, profile):
    page = parse_page(_live_page(lang, entries, posted), "https://news.example.com/live/storm",
                      {"content-type": "text/html; charset=utf-8"}, profile=profile)
    body = page.article.body
    assert body.split("\n\n") == [part for entry in entries for part in entry]
    assert page.article.summary == entries[0][0]
