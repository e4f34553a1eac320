"""The failure classes of the seventeenth blind world set (fixtures/world_blind17), each on a small page
of its own written from the class (in two or more languages where the class is not one language's,
Vietnamese where a page can show it)."""
from __future__ import annotations

import json

import pytest

from govnews.parsers.dates import parse_vietnamese_datetime
from govnews.parsers.extract import parse_page
from govnews.parsers.fields import byline_name

EN = ["The county will open a new public library branch on the east side of town next spring, the board of "
      "supervisors decided on Tuesday after a two-hour hearing.",
      "The branch will take over a former grocery store on Elm Street, and the county expects the work to "
      "cost about $4.5 million, most of it paid from a bond passed in 2019.",
      "Neighbours who spoke at the hearing welcomed the plan, though several asked for longer opening hours "
      "on weekends than the county has proposed."]
VI = ["Sáng 9/3, Sở Giao thông vận tải thành phố cho biết sẽ mở thêm ba tuyến xe buýt mới nối trung tâm với "
      "các khu công nghiệp ở phía bắc từ đầu tháng tới.",
      "Theo Sở, các tuyến mới sẽ chạy từ 5 giờ sáng đến 9 giờ tối, mỗi chuyến cách nhau khoảng 15 phút vào "
      "giờ cao điểm, giá vé giữ như các tuyến hiện nay.",
      "Nhiều công nhân cho biết họ mong các tuyến xe buýt này sớm đi vào hoạt động để giảm chi phí đi lại "
      "hằng ngày."]
TN = ["Puso e tlhagisitse gompieno gore e tla aga sekolo se sesha sa poraemari mo motseng wa Mogoditshane, "
      "se se tla bulwang ka ngwaga o o tlang.",
      "Tona ya Thuto e boletse gore sekolo se tla nna le diphaposiborutelo di le masome a mararo, mme se tla "
      "thusa bana ba ba tsamayang sekgala se seleele go ya sekolong.",
      "Batsadi ba motse ba amogetse dikgang tseno ka boitumelo, ba re ba ne ba emetse sekolo se sa bobedi "
      "lobaka lo loleele."]
FY = ["De gemeente hat tiisdei besletten dat der in nije basisskoalle komt yn it doarp, dy't nei de simmer "
      "fan takom jier iepen gean moat.",
      "De wethâlder sei dat it tal bern yn it doarp de ôfrûne jierren hurd groeid is en dat de âlde skoalle "
      "te lyts wurden is.",
      "Alders en learkrêften binne bliid mei it beslút, mar se freegje wol omtinken foar in feilige rûte nei "
      "de nije skoalle."]
PAP = ["Gobièrnu a anunsiá awe ku e lo traha un skol nobo pa mucha chikí den bario di Santa Rosa, i ku e "
       "trabou lo kuminsá luna ku ta bini.",
       "Minister di Enseñansa a bisa ku e skol lo tin dies klas i ku e lo yuda e muchanan ku awor mester "
       "biaha leu pa bai skol.",
       "Hopi mayor den bario a risibí e notisia ku alegria, pero nan ta pidi pa gobièrnu traha tambe un "
       "kaminda sigur pa e muchanan."]
ZU = ["UMasipala umemezele namuhla ukuthi uzokwakha umtholampilo omusha endaweni yaseMlazi, ozovulwa "
      "ngonyaka ozayo.",
      "UMeya uthe lo mtholampilo uzosiza izakhamuzi eziningi ebezihamba amabanga amade ukuyothola usizo "
      "lwezempilo.",
      "Izakhamuzi zendawo zamukele lesi simemezelo, kodwa zicele ukuthi umsebenzi uqale ngokushesha."]
XH = ["UMasipala ubhengeze namhlanje ukuba uza kwakha ikliniki entsha kwilali yaseKwaZakhele, eza kuvulwa "
      "kunyaka ozayo.",
      "USodolophu uthe le kliniki iza kunceda abahlali abaninzi ebebehamba imigama emide ukuya kufumana "
      "uncedo lwezempilo.",
      "Abahlali bale ndawo bamkele esi sibhengezo, kodwa bacele ukuba umsebenzi uqale ngokukhawuleza."]
CA = ["El consell comarcal ha aprovat aquest dimarts un nou servei d'autobús que unirà els pobles de la vall "
      "amb l'hospital comarcal a partir del mes de maig.",
      "El servei farà sis viatges diaris en cada sentit i el bitllet costarà el mateix que els altres "
      "autobusos interurbans de la comarca.",
      "Els alcaldes de la vall han celebrat la decisió, però demanen que també s'hi afegeixin viatges els caps "
      "de setmana."]
ES = ["El gobierno regional anunció este martes que abrirá en mayo un nuevo centro de salud en el barrio de "
      "San Vicente, que atenderá a unos veinte mil vecinos.",
      "El centro contará con consultas de medicina familiar, pediatría y enfermería, además de un servicio de "
      "urgencias abierto las veinticuatro horas.",
      "Las asociaciones vecinales celebraron la noticia, aunque recordaron que llevan más de diez años "
      "reclamando el centro."]
FR = ["La communauté de communes a voté mardi la création d'une nouvelle ligne de bus entre les villages de "
      "la vallée et l'hôpital, qui entrera en service au mois de mai.",
      "La ligne assurera six allers-retours par jour et le billet coûtera le même prix que sur les autres "
      "lignes du réseau départemental.",
      "Les maires de la vallée saluent la décision, mais demandent que des trajets soient aussi prévus le "
      "week-end."]
DE = ["Der Kreistag hat am Dienstag beschlossen, ab Mai eine neue Buslinie zwischen den Dörfern im Tal und "
      "dem Kreiskrankenhaus einzurichten.",
      "Die Linie soll sechsmal täglich in jede Richtung fahren, und die Fahrkarte kostet so viel wie auf den "
      "übrigen Regionallinien.",
      "Die Bürgermeister im Tal begrüßen den Beschluss, wünschen sich aber auch Fahrten am Wochenende."]
PT = ["O Governo Provincial anunciou ontem que vai construir um novo mercado no município de Viana, que deverá "
      "abrir as portas no próximo ano.",
      "Segundo o governador, o mercado terá capacidade para mais de mil vendedores e contará com armazéns "
      "refrigerados e uma praça de táxis.",
      "As vendedoras do mercado informal da zona saudaram a notícia, mas pedem que as bancas sejam "
      "distribuídas de forma justa."]
EL = ["Το δημοτικό συμβούλιο ενέκρινε χθες το σχέδιο για την ανάπλαση της παραλιακής οδού, με τις εργασίες "
      "να ξεκινούν τον Νοέμβριο και να διαρκούν οκτώ μήνες.",
      "Σύμφωνα με τον δήμαρχο, το έργο θα χρηματοδοτηθεί από ευρωπαϊκά κονδύλια και θα περιλαμβάνει νέους "
      "πεζόδρομους, ποδηλατόδρομο και φωτισμό.",
      "Οι καταστηματάρχες της περιοχής ζητούν να μην κλείσει ο δρόμος κατά τη διάρκεια της τουριστικής "
      "περιόδου."]
ZH = ["本报讯 昨日，市交通部门透露，为缓解城区交通压力，本市将于下月起对三条主干道实施改造，预计工期六个月。",
      "据介绍，此次改造将拓宽部分路段，并增设公交专用道和非机动车道，改造期间相关路段将实行交通管制。",
      "市民王先生表示，希望改造早日完工，方便大家出行。交通部门提醒，市民出行请提前规划路线。"]
KO = ["서울시는 다음 달부터 시내 모든 초등학교 앞 도로의 제한속도를 시속 30㎞로 낮추기로 했다고 10일 밝혔다.",
      "시는 이를 위해 과속 단속 카메라 200대를 새로 설치하고, 통학 시간대에는 교통 지도 인력을 배치할 계획이다.",
      "학부모들은 이번 조치를 환영하면서도 단속이 꾸준히 이어져야 한다고 입을 모았다."]
JA = ["市は来月から、市内すべての小学校の前の道路で制限速度を時速30キロに引き下げると9日発表した。",
      "市はこのために速度違反の取り締まりカメラを新たに200台設置し、登下校の時間帯には交通指導員を配置する計画だ。",
      "保護者からは今回の措置を歓迎する声が上がる一方、取り締まりを続けてほしいという意見も出ている。"]
AM = ["የከተማው አስተዳደር በከተማዋ አዲስ የሕዝብ ቤተ መጻሕፍት ለመገንባት ማቀዱን ትናንት አስታውቋል።",
      "የከተማዋ ከንቲባ እንደገለጹት ግንባታው በሚቀጥለው ዓመት ተጀምሮ በሁለት ዓመት ውስጥ ይጠናቀቃል።",
      "ነዋሪዎች ውሳኔውን በደስታ ተቀብለውታል፤ ወጣቶች የማንበቢያ ቦታ ማግኘታቸው እንደሚጠቅማቸው ተናግረዋል።"]
BN = ["পুরসভা বুধবার জানিয়েছে যে আগামী মাস থেকে শহরের সব পার্কে বিনামূল্যে ওয়াই-ফাই পরিষেবা চালু করা হবে।",
      "মেয়র বলেন, প্রথম ধাপে পঞ্চাশটি পার্কে এই পরিষেবা দেওয়া হবে এবং পরে আরও পার্ক যুক্ত করা হবে।",
      "বাসিন্দারা এই উদ্যোগকে স্বাগত জানিয়েছেন, তবে অনেকে পার্কের রক্ষণাবেক্ষণের দিকেও নজর দেওয়ার দাবি তুলেছেন।"]
TA = ["மாநகராட்சி அடுத்த மாதம் முதல் நகரின் அனைத்து பூங்காக்களிலும் இலவச வைஃபை சேவை வழங்கப்படும் என்று "
      "புதன்கிழமை அறிவித்தது.",
      "முதல் கட்டமாக ஐம்பது பூங்காக்களில் இந்தச் சேவை தொடங்கப்படும் என்றும், பின்னர் மற்ற பூங்காக்களுக்கும் "
      "விரிவுபடுத்தப்படும் என்றும் மேயர் கூறினார்.",
      "இந்த முயற்சியை மக்கள் வரவேற்றுள்ளனர், ஆனால் பூங்காக்களின் பராமரிப்பிலும் கவனம் செலுத்த வேண்டும் என்று "
      "பலர் கோரியுள்ளனர்."]


def _article(html: str, url: str = "https://news.example.com/2024/03/09/story-58120/", lang: str = "en",
             head: str = ""):
    page = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Story</title>{head}</head>'
            f'<body>{html}</body></html>')
    return parse_page(page.encode("utf-8"), url, profile="generic").article


def _paras(paras) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def _story(paras, top: str = "", lang: str = "en", head: str = "", title: str = "Title of the story",
           after: str = "", url: str = "https://news.example.com/2024/03/09/story-58120/"):
    html = f'<article><h1>{title}</h1>{top}<div class="text">{_paras(paras)}{after}</div></article>'
    return _article(html, url=url, lang=lang, head=head)


def _meta(published: str) -> str:
    return f'<meta property="article:published_time" content="{published}">'


# -- byline labels: Setswana / Sesotho 'Ka', Frisian 'Troch', Papiamentu 'Skirbí pa', Zulu / Xhosa
# -- 'Ngu-', Catalan 'Per', English 'Reporting by' ----------------------------------------------------

LABELLED = [("Ka Kagiso Molefe", "Kagiso Molefe", TN, "tn"),
            ("Ka Palesa Mokoena", "Palesa Mokoena", TN, "st"),
            ("Troch Sjoerd de Vries", "Sjoerd de Vries", FY, "fy"),
            ("Skirbí pa Jandi Martina", "Jandi Martina", PAP, "pap"),
            ("Ngu-Sipho Mthembu", "Sipho Mthembu", ZU, "zu"),
            ("ngu-Lwazi Ndlovu", "Lwazi Ndlovu", XH, "xh"),
            ("Per Jordi Puig", "Jordi Puig", CA, "ca"),
            ("Reporting by Dana Whitfield", "Dana Whitfield", EN, "en")]


@pytest.mark.parametrize("text, name, paras, lang", LABELLED)
def test_byline_labels(text, name, paras, lang):
    assert byline_name(text) == name


@pytest.mark.parametrize("line, name, paras, lang", LABELLED)
def test_a_labelled_byline_over_the_text_names_its_writer_without_the_label(line, name, paras, lang):
    a = _story(paras, top=f'<div class="byline">{line}</div>', lang=lang)
    assert a.author == name
    assert a.body == "\n\n".join(paras)


@pytest.mark.parametrize("line, name, paras, lang", [
    LABELLED[3], LABELLED[6], LABELLED[7],
    ('Skirbí pa <a href="/index.php/itemlist/user/17-jandi-martina">Jandi Martina</a>', "Jandi Martina", PAP, "pap")])
def test_a_labelled_line_alone_over_the_text_is_its_writer_not_its_text(line, name, paras, lang):
    html = f'<article><h1>Title of the story</h1><p>{line}</p>{_paras(paras)}</article>'
    a = _article(html, lang=lang)
    assert a.author == name
    assert a.body == "\n\n".join(paras)


# -- Papiamentu month names ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, when", [
    ("Djaweps, 14 Yüni 2018 10:15", "2018-06-14T10:15:00+07:00"),
    ("3 Yüli 2019", "2019-07-03T00:00:00+07:00"),
    ("Djaluna, 21 Ougùstùs 2017", "2017-08-21T00:00:00+07:00"),
    ("9 Sèptèmber 2020 08:30", "2020-09-09T08:30:00+07:00"),
    ("Djabièrnè, 5 Desèmber 2014", "2014-12-05T00:00:00+07:00"),
    ("12 Febrüari 2016", "2016-02-12T00:00:00+07:00")])
def test_papiamentu_months(text, when):
    assert parse_vietnamese_datetime(text).value.isoformat() == when


def test_a_papiamentu_page_is_dated_by_its_printed_day():
    a = _story(PAP, top='<div class="itemDateCreated">Djaweps, 14 Yüni 2018 10:15</div>', lang="pap",
               title="Un skol nobo pa Santa Rosa", url="https://noticia.example.cw/skol-nobo-santa-rosa")
    assert a.published_at == "2018-06-14T10:15:00+07:00"
    assert a.body == "\n\n".join(PAP)


# -- a byline whose role line names the paper; a role alone where the byline goes -----------------------

@pytest.mark.parametrize("byline, name", [
    ("By Mark Ellis<br>Courier staff writer", "Mark Ellis"),
    ("By Dana Whitfield<br>Gazette staff reporter", "Dana Whitfield"),
    ('By <a href="/staff/mark-ellis/">Mark Ellis</a><br>Star-Ledger staff writer', "Mark Ellis")])
def test_a_byline_over_the_paper_s_staff_role_names_the_writer(byline, name):
    a = _story(EN, top=f'<div class="byline">{byline}</div>')
    assert a.author == name
    assert a.body == "\n\n".join(EN)


AUTHOR_META = '<meta name="author" content="Dana Whitfield">'
AUTHOR_LD = ('<script type="application/ld+json">' + json.dumps(
    {"@context": "https://schema.org", "@type": "NewsArticle",
     "author": [{"@type": "Person", "name": "Dana Whitfield"}]}) + "</script>")


@pytest.mark.parametrize("role, head", [("Senior Contributor", AUTHOR_META), ("Contributor", AUTHOR_META),
                                        ("Staff Writer", AUTHOR_META), ("Senior Contributor", AUTHOR_LD)])
def test_a_role_alone_beside_the_linked_name_is_not_the_writer(role, head):
    byline = ('<div class="author-group"><div class="contrib-byline-author"><a class="contrib-link--name" '
              f'href="/sites/danawhitfield/">Dana Whitfield</a><div class="contrib-byline-type">{role}</div>'
              '<div class="contrib-bio"><p>I write about city budgets, public transit and libraries.</p></div>'
              '<button class="follow-button">Follow</button></div></div>')
    a = _story(EN, top=byline, head=head, url="https://news.example.com/sites/danawhitfield/2024/03/09/story/")
    assert a.author == "Dana Whitfield"
    assert a.body == "\n\n".join(EN)


def test_a_role_alone_in_a_byline_is_no_name():
    assert byline_name("Senior Contributor") is None
    assert byline_name("Mark Ellis Courier staff writer") == "Mark Ellis"


# -- a Greek meta line: 'Ρεπορτάζ: X | Δημοσιεύθηκε: …' ------------------------------------------------

@pytest.mark.parametrize("line", ["Ρεπορτάζ: Νίκος Παπαδάκης | Δημοσιεύθηκε: 22/10/2009",
                                  "ΡΕΠΟΡΤΑΖ: Νίκος Παπαδάκης | Δημοσιεύθηκε: 22/10/2009"])
def test_a_greek_reporter_s_credit_in_a_meta_line_names_the_writer(line):
    html = (f'<table><tr><td><font size="4"><b>Ανάπλαση της παραλιακής οδού</b></font></td></tr>'
            f'<tr><td><font size="1">{line}</font></td></tr><tr><td>{"<br><br>".join(EL)}</td></tr></table>')
    a = _article(html, lang="el", url="https://www.news.example.gr/article.asp?id=48213")
    assert a.author == "Νίκος Παπαδάκης"
    assert a.published_at_raw == "22/10/2009"
    assert a.published_at[:19] == "2009-10-22T00:00:00"
    assert a.body == "\n\n".join(EL)


# -- a Chinese meta line whose items are spaced apart -------------------------------------------------------

@pytest.mark.parametrize("line, lang", [
    ("发布时间：2009-06-12 10:15:23　来源：江汉晚报　作者：王晓东　【字号：大 中 小】", "zh-CN"),
    ("發佈時間：2009-06-12 10:15:23　來源：江漢晚報　作者：王曉東　【字號：大 中 小】", "zh-TW")])
def test_a_chinese_meta_line_spaced_apart_names_its_writer(line, lang):
    name = line.split("作者：")[1].split("　")[0]
    html = (f'<div class="main"><h1>三条主干道下月起改造</h1><div class="info">{line}</div>'
            f'<div class="content">{_paras(ZH)}</div></div>')
    a = _article(html, lang=lang, url="https://www.news.example.cn/2009-06/12/content_48213.htm")
    assert a.author == name
    assert a.published_at[:19] == "2009-06-12T10:15:23"      # (the printed time names no zone)
    assert a.body == "\n\n".join(ZH)


# -- a Korean reporter's sign-off with his e-mail at the end of the text -----------------------------------

@pytest.mark.parametrize("signoff, name", [("김민수 기자 kimms@example.co.kr", "김민수"),
                                           ("이지은 특파원 jelee@example.co.kr", "이지은")])
def test_a_korean_sign_off_with_an_e_mail_is_the_reporter(signoff, name):
    assert byline_name(signoff) == name


@pytest.mark.parametrize("end", ['<br><br><span class="byline_end">{}</span>', "<br><br><b>{}</b>", "<p>{}</p>"])
def test_a_korean_sign_off_with_an_e_mail_under_the_text_names_the_reporter(end):
    signoff, name = "김민수 기자 kimms@example.co.kr", "김민수"
    text = _paras(KO) if end.startswith("<p>") else "<br><br>".join(KO)
    html = (f'<div id="articleBody"><h2>초등학교 앞 제한속도 시속 30㎞로</h2><div class="text">'
            f'{text}{end.format(signoff)}</div></div>')
    a = _article(html, lang="ko", url="https://www.news.example.co.kr/news/articleView.html?idxno=48213")
    assert a.author == name
    assert a.body == "\n\n".join(KO)


# -- a published day beside an 'Updated: <day>' line; a local time printed for a UTC meta -------------------

@pytest.mark.parametrize("printed, paras, lang", [
    ("Actualizado: 23 mar 2022", ES, "es"),
    ("Actualizado el 23 de marzo de 2022", ES, "es"),
    ("Updated: March 23, 2022", EN, "en"),
    ("Aktualisiert: 23.03.2022", DE, "de")])
def test_an_updated_day_leaves_the_meta_s_published_day(printed, paras, lang):
    a = _story(paras, top=f'<div class="date">{printed}</div>', lang=lang, head=_meta("2022-03-22T14:30:00Z"))
    assert a.published_at == "2022-03-22T14:30:00+00:00"


def test_an_updated_day_under_the_printed_published_day_leaves_it():
    top = ('<div class="meta"><span class="author">Lucía Fernández</span> <span class="date">22 mar 2022</span></div>'
           '<div class="updated">Actualizado: 23 mar 2022</div>')
    a = _story(ES, top=top, lang="es", head=_meta("2022-03-22T14:30:00Z"))
    assert a.published_at == "2022-03-22T14:30:00+00:00"
    assert a.author == "Lucía Fernández"


@pytest.mark.parametrize("printed, paras, lang, when", [
    ("2024-03-09 14:12", KO, "ko", "2024-03-09T14:12:44+09:00"),
    ("2024年3月9日 14:12", JA, "ja", "2024-03-09T14:12:44+09:00"),
    ("09/03/2024 12:12", VI, "vi", "2024-03-09T12:12:44+07:00")])
def test_a_printed_local_time_of_the_utc_meta_s_moment_gives_the_local_zone(printed, paras, lang, when):
    a = _story(paras, top=f'<div class="date">{printed}</div>', lang=lang, head=_meta("2024-03-09T05:12:44Z"))
    assert a.published_at == when


# -- Joomla K2: the intro text over the full text --------------------------------------------------------

@pytest.mark.parametrize("paras, lang", [(ES, "es"), (PT, "pt"), (PAP, "pap"), (VI, "vi")])
def test_k2_s_intro_text_is_the_first_of_the_body(paras, lang):
    html = ('<div id="k2Container" class="itemView"><div class="itemHeader"><h2 class="itemTitle">Title of the story'
            '</h2></div><div class="itemBody"><div class="itemIntroText">'
            f'<p>{paras[0]}</p></div><div class="itemFullText">{_paras(paras[1:])}</div></div>'
            '<div class="itemLinks"><div class="itemCategory"><span>Publicado en</span> <a href="/noticias">'
            'Noticias</a></div></div></div>')
    a = _article(html, lang=lang, url="https://www.example.com/index.php/noticias/item/4821-story")
    assert a.body == "\n\n".join(paras)


# -- a paper's taglines under the text ------------------------------------------------------------------

@pytest.mark.parametrize("line, paras, lang", [
    ("Reach Dana Whitfield at dwhitfield@courier.example.com or 760-555-0142.", EN, "en"),
    ("This story was originally published March 1, 2021 7:30 PM.", EN, "en"),
    ("Contributing: Mark Ellis, The Courier", EN, "en"),
    ("<em>Contributing: Mark Ellis, The Courier; The Associated Press</em>", EN, "en"),
    ("<em>Reach Mark Ellis at mellis@courier.example.com.</em>", EN, "en"),
    ("Follow Dana Whitfield on Twitter: @danawhit", EN, "en"),
    ("Follow Dana Whitfield on X: @danawhit", EN, "en"),
    ("Powered by Trinity Audio", EN, "en"),
    ("Opinions expressed by contributors are their own. Contributors control their own work and posted freely "
     "to our site.", EN, "en"),
    ("Ce billet de blog provient d'un contributeur et n'engage que son auteur. Il ne reflète pas nécessairement "
     "la position de la rédaction.", FR, "fr"),
    ("Retrouvez nos articles sur notre page Facebook.", FR, "fr")])
def test_a_paper_s_tagline_under_the_text_is_not_text(line, paras, lang):
    a = _story(paras, lang=lang, after=f"<p>{line}</p>")
    assert a.body == "\n\n".join(paras)


def test_an_audio_player_s_credit_over_the_text_is_neither_summary_nor_text():
    html = (f'<article><h1>Title of the story</h1><div class="text"><p>Powered by Trinity Audio</p>{_paras(EN)}'
            '</div></article>')
    a = _article(html)
    assert a.summary == EN[0]
    assert a.body == "\n\n".join(EN)


# -- key-point boxes, 'More:' and 'Relacionado:' teasers, a newsletter prompt --------------------------------

POINTS = ('<ul><li>A new branch opens next spring</li><li>It takes over a former grocery store</li>'
          '<li>The work costs about $4.5 million</li></ul>')


@pytest.mark.parametrize("box", [f'<div class="box"><h3>Key Takeaways</h3>{POINTS}</div>',
                                 f'<div class="callout"><p><strong>NEED TO KNOW</strong></p>{POINTS}</div>',
                                 f'<div class="callout"><strong>Need to know:</strong>{POINTS}</div>'])
def test_a_key_takeaways_box_is_neither_summary_nor_text(box):
    html = f'<article><h1>Title of the story</h1><div class="text">{box}{_paras(EN)}</div></article>'
    a = _article(html)
    assert a.summary == EN[0]
    assert a.body == "\n\n".join(EN)


@pytest.mark.parametrize("label, paras, lang", [("More:", EN, "en"), ("<strong>More:</strong>", EN, "en"),
                                                ("Relacionado:", ES, "es"), ("Relacionada:", ES, "es"),
                                                ("<b>Relacionado:</b>", ES, "es")])
def test_a_more_or_relacionado_teaser_is_not_text(label, paras, lang):
    teaser = f'<p>{label} <a href="/2024/03/01/another-story/">{paras[2][:60]}</a></p>'
    html = (f'<article><h1>Title of the story</h1><div class="text"><p>{paras[0]}</p>{teaser}'
            f'{_paras(paras[1:])}</div></article>')
    a = _article(html, lang=lang)
    assert a.body == "\n\n".join(paras)


@pytest.mark.parametrize("line", ["Suscríbete al boletín de noticias y recibe cada mañana lo más importante.",
                                  "¿Te gustó esta nota? Suscríbete gratis a nuestro boletín semanal.",
                                  "Suscríbete a nuestro boletín y recibe las noticias del barrio."])
def test_a_spanish_newsletter_prompt_is_not_text(line):
    html = (f'<article><h1>Title of the story</h1><div class="text"><p>{ES[0]}</p><p>{line}</p>'
            f'{_paras(ES[1:])}</div></article>')
    assert _article(html, lang="es").body == "\n\n".join(ES)


# -- buttons beside a name; a reader's byline; embargo lines; ad labels and read-also lines ----------------------

@pytest.mark.parametrize("byline, name, paras, lang", [
    ('By <a href="#">Maria Lopez</a> <a href="#">Share This</a>', "Maria Lopez", EN, "en"),
    ('By <a href="#">Maria Lopez</a> <a href="#">Email This</a>', "Maria Lopez", EN, "en"),
    ('By <a href="#">Maria Lopez</a> <a href="#">Print Story</a>', "Maria Lopez", EN, "en"),
    ('Por <a href="#">María López</a> <a href="#">Compartir Nota</a>', "María López", ES, "es"),
    ('Von <a href="#">Anna Schmidt</a> <a href="#">Artikel Drucken</a>', "Anna Schmidt", DE, "de"),
    ('Bởi <a href="#">Trần Minh Quân</a> <a href="#">Chia Sẻ</a>', "Trần Minh Quân", VI, "vi")])
def test_a_button_beside_the_name_is_not_the_writer(byline, name, paras, lang):
    a = _story(paras, top=f'<div class="byline">{byline}</div>', lang=lang)
    assert a.author == name


@pytest.mark.parametrize("heading, reader, name, comment, paras, lang", [
    ("Kommentare", "Von", "Kai Neumann", "Das wurde auch Zeit.", DE, "de"),
    ("Comments", "By", "Kevin Brooks", "About time the east side got a library.", EN, "en"),
    ("Bình luận", "Bởi", "Lê Văn Hùng", "Mong các tuyến xe buýt sớm chạy.", VI, "vi")])
def test_a_reader_s_byline_in_an_article_classed_as_a_comment_is_no_writer(heading, reader, name, comment, paras,
                                                                           lang):
    html = (f'<main><article class="story"><h1>Title of the story</h1><div class="text">{_paras(paras)}</div>'
            f'</article><section class="comments"><h2>{heading}</h2><article class="comment-item">'
            f'<p class="meta">{reader} <a href="/user/48213">{name}</a></p>'
            f'<p>{comment}</p></article></section></main>')
    a = _article(html, lang=lang)
    assert a.author is None
    assert a.body == "\n\n".join(paras)


def test_the_writer_s_byline_stands_beside_a_reader_s_in_a_comment_article():
    html = ('<main><article class="story"><h1>Title of the story</h1><div class="byline">Von <a href="/autor/anna-'
            f'schmidt">Anna Schmidt</a></div><div class="text">{_paras(DE)}</div></article><section class="comments">'
            '<article class="comment-item"><p class="meta">Von <a href="/user/kai-neumann">Kai Neumann</a></p>'
            '<p>Das wurde auch Zeit.</p></article></section></main>')
    a = _article(html, lang="de")
    assert a.author == "Anna Schmidt"
    assert "Das wurde auch Zeit." not in a.body


@pytest.mark.parametrize("line", ["Under embargo until 00:01 GMT, Tuesday 12 March 2024",
                                  "UNDER EMBARGO UNTIL 10AM ET MARCH 12, 2024"])
def test_an_under_embargo_line_is_not_text(line):
    html = (f'<article><h1>Title of the release</h1><div class="text"><p>{line}</p>{_paras(EN)}</div></article>')
    a = _article(html, url="https://press.example.org/releases/2024/0312")
    assert a.body == "\n\n".join(EN)


def test_an_amharic_ad_label_alone_is_not_text():
    html = (f'<article><h1>Title of the story</h1><div class="text"><p>{AM[0]}</p><p>ማስታወቂያ</p>'
            f'{_paras(AM[1:])}</div></article>')
    a = _article(html, lang="am")
    assert a.body == "\n\n".join(AM)


@pytest.mark.parametrize("label, paras, lang", [("আরো পড়ুন:", BN, "bn"), ("আরও পড়ুন:", BN, "bn"),
                                                ("இதையும் படிங்க:", TA, "ta")])
def test_a_bengali_or_tamil_read_also_line_is_not_text(label, paras, lang):
    teaser = f'<p>{label} <a href="/news/2024/03/another-story-4812">{paras[2][:50]}</a></p>'
    html = (f'<article><h1>Title of the story</h1><div class="text"><p>{paras[0]}</p>{teaser}'
            f'{_paras(paras[1:])}</div></article>')
    a = _article(html, lang=lang)
    assert a.body == "\n\n".join(paras)
    assert label not in a.body


# -- a byline label alone on the line over the text, no byline class ----------------------------

TSWANA = ["Balemi ba kgaolo ya Kgatleng ba simolotse go amogela peo ya mahala go tswa kwa Lefapheng la "
          "Temothuo mo bekeng eno.",
          "Motlhankedi wa temothuo o tlhalositse gore lenaneo le le tla thusa balemi ba ba potlana go simolola "
          "go lema ka nako."]


@pytest.mark.parametrize("line, name", [("<p>Ka Kagiso Molefe</p>", "Kagiso Molefe"),
                                        ("<p>Troch Sjoerd de Vries</p>", "Sjoerd de Vries"),
                                        ("<p>Ngu-Sipho Mthembu</p>", "Sipho Mthembu"),
                                        ('<p>Ka <a href="/bakwadi/kagiso-molefe">Kagiso Molefe</a></p>',
                                         "Kagiso Molefe")])
def test_an_unmarked_byline_line_over_the_text_names_the_writer(line, name):
    page = ('<html lang="tn"><head><title>Peo ya mahala</title></head><body><article>'
            f'<h1>Balemi ba amogela peo ya mahala</h1>{line}'
            + "".join(f"<p>{p}</p>" for p in TSWANA) + '</article></body></html>')
    a = parse_page(page.encode(), "https://dikgang.example.bw/temothuo/peo-ya-mahala/", profile="generic").article
    assert a.author == name
    assert a.body == "\n\n".join(TSWANA)
