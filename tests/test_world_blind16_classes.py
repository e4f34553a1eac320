"""The failure classes of the sixteenth blind world set (fixtures/world_blind16), each on a small page of
its own written from the class (in two or more languages where the class is not one language's,
Vietnamese where a portal can show it)."""
from __future__ import annotations

import json

import pytest

from govnews.parsers.dates import parse_vietnamese_datetime
from govnews.parsers.extract import parse_page
from govnews.parsers.fields import byline_name

EN = ["The city will replace about 1,200 lead water service lines in older neighbourhoods this summer, at "
      "no cost to property owners, the public works department said on Thursday.",
      "Service lines connect homes to the water main in the street, and homes built before 1950 may still "
      "have lead pipes that can release lead into drinking water.",
      "Residents who are not sure whether their home has a lead line can use the map on the city's website."]
VI = ["Chiều 14/3, Ủy ban nhân dân thành phố tổ chức lễ khánh thành cầu đi bộ bắc qua sông, nối hai khu dân "
      "cư lớn ở phía đông và phía tây thành phố.",
      "Cây cầu dài 180 m, rộng 6 m, được xây dựng trong gần hai năm với tổng vốn đầu tư khoảng 120 tỷ đồng "
      "từ ngân sách thành phố.",
      "Theo lãnh đạo thành phố, cây cầu sẽ giúp người dân đi lại thuận tiện hơn và tạo thêm không gian vui "
      "chơi ven sông."]
RU = ["В четверг вечером в центре города открылся новый каток под открытым небом, и уже в первый час на лёд "
      "вышли несколько сотен горожан.",
      "Каток будет работать ежедневно с десяти утра до одиннадцати вечера, вход свободный, а коньки можно "
      "взять напрокат в павильоне рядом.",
      "По словам организаторов, лёд будут заливать каждую ночь, а по выходным на катке будет играть живая "
      "музыка."]
DE = ["Seit drei Wochen stehen die Bänder im Werk am Stadtrand still, und die rund 400 Beschäftigten wissen "
      "nicht, ob sie im Herbst noch Arbeit haben werden.",
      "Der Betriebsrat hat für Donnerstag zu einer Versammlung vor dem Werkstor aufgerufen, zu der auch der "
      "Bürgermeister kommen will.",
      "Die Geschäftsführung verweist auf laufende Gespräche mit einem möglichen Käufer und äußert sich "
      "sonst nicht."]
SO = ["Dowladda hoose ee magaalada ayaa shalay ku dhawaaqday in ay dib u dhisi doonto waddooyinka suuqa "
      "weyn iyo kuwa xaafadaha ku teedsan, kadib markii roobabkii dayrta ay burburiyeen qaar badan oo ka "
      "mid ah.",
      "Duqa magaalada ayaa sheegay in shaqadu ay bilaabaneyso bisha soo socota, isla markaana ay socon "
      "doonto muddo lix bilood ah, iyadoo ganacsatada laga codsaday in ay la shaqeeyaan shaqaalaha.",
      "Dadka deegaanka ayaa soo dhaweeyay go'aankan, iyagoo sheegay in waddooyinka xun ay muddo dheer "
      "carqaladeeyeen isu socodka gaadiidka iyo ganacsiga."]
FO = ["Býráðið samtykti í gjár at byggja ein nýggjan barnagarð í Hoyvík, og arbeiðið verður byrjað í "
      "summar.",
      "Borgarstjórin sigur, at tørvurin á barnagarðsplássum er vaksin nógv seinastu árini, serliga í "
      "eystara parti av býnum.",
      "Nýggi barnagarðurin fer at hava pláss til umleið 90 børn og verður væntandi liðugur um ársskiftið "
      "2025."]
HI = ["राज्य सरकार ने गुरुवार को घोषणा की कि अगले महीने से शहर के सभी सरकारी स्कूलों में छात्रों को मुफ्त "
      "दोपहर का भोजन दिया जाएगा।",
      "शिक्षा मंत्री ने कहा कि इस योजना से लगभग दो लाख बच्चों को लाभ मिलेगा और इसके लिए बजट में अलग से राशि "
      "रखी गई है।",
      "अभिभावकों और शिक्षकों ने इस फैसले का स्वागत किया है, लेकिन कुछ संगठनों ने भोजन की गुणवत्ता पर नजर "
      "रखने की मांग की है।"]
CA = ["L'Ajuntament ha aprovat aquest dijous el projecte per reformar el mercat municipal, que tancarà "
      "durant sis mesos a partir del setembre per fer les obres.",
      "Durant les obres, les parades es traslladaran a una carpa provisional a la plaça del costat, perquè "
      "els veïns puguin continuar comprant al barri.",
      "El pressupost de la reforma és de 3,2 milions d'euros, i una part el pagarà la Generalitat."]
PT = ["A prefeitura anunciou nesta quinta-feira que vai reformar o mercado municipal, que ficará fechado "
      "por seis meses a partir de setembro.",
      "Durante as obras, as bancas serão transferidas para uma tenda provisória na praça ao lado, para que "
      "os moradores possam continuar a fazer compras no bairro.",
      "O orçamento da reforma é de 3,2 milhões de reais, e parte do valor será paga pelo governo estadual."]
IT = ["Il Comune ha approvato giovedì il progetto per ristrutturare il mercato coperto, che resterà chiuso "
      "per sei mesi a partire da settembre.",
      "Durante i lavori i banchi saranno spostati in una tensostruttura provvisoria nella piazza accanto, "
      "così che i residenti possano continuare a fare la spesa nel quartiere.",
      "Il costo dell'intervento è di 3,2 milioni di euro, in parte coperto dalla Regione."]
SV = ["Kommunen beslutade på torsdagen att renovera saluhallen, som stänger i sex månader från september.",
      "Under arbetet flyttar handlarna till ett tillfälligt tält på torget intill, så att de boende kan "
      "fortsätta handla i området.",
      "Renoveringen beräknas kosta 32 miljoner kronor, och en del betalas av regionen."]
ES = ["El Ayuntamiento aprobó este jueves el proyecto para reformar el mercado municipal, que cerrará "
      "durante seis meses a partir de septiembre.",
      "Durante las obras, los puestos se trasladarán a una carpa provisional en la plaza de al lado, para "
      "que los vecinos puedan seguir comprando en el barrio.",
      "El presupuesto de la reforma es de 3,2 millones de euros, y una parte la pagará la comunidad "
      "autónoma."]
PA = ["ਪੰਜਾਬ ਸਰਕਾਰ ਨੇ ਵੀਰਵਾਰ ਨੂੰ ਐਲਾਨ ਕੀਤਾ ਕਿ ਅਗਲੇ ਮਹੀਨੇ ਤੋਂ ਸੂਬੇ ਦੇ ਸਾਰੇ ਸਰਕਾਰੀ ਸਕੂਲਾਂ ਵਿੱਚ ਵਿਦਿਆਰਥੀਆਂ ਨੂੰ "
      "ਮੁਫ਼ਤ ਬੱਸ ਸੇਵਾ ਦਿੱਤੀ ਜਾਵੇਗੀ।",
      "ਸਿੱਖਿਆ ਮੰਤਰੀ ਨੇ ਕਿਹਾ ਕਿ ਇਸ ਯੋਜਨਾ ਨਾਲ ਪਿੰਡਾਂ ਦੇ ਲਗਭਗ ਇੱਕ ਲੱਖ ਬੱਚਿਆਂ ਨੂੰ ਫ਼ਾਇਦਾ ਹੋਵੇਗਾ ਅਤੇ ਇਸ ਲਈ ਬਜਟ "
      "ਵਿੱਚ ਵੱਖਰੀ ਰਕਮ ਰੱਖੀ ਗਈ ਹੈ।",
      "ਮਾਪਿਆਂ ਅਤੇ ਅਧਿਆਪਕਾਂ ਨੇ ਇਸ ਫ਼ੈਸਲੇ ਦਾ ਸਵਾਗਤ ਕੀਤਾ ਹੈ, ਪਰ ਕੁਝ ਜਥੇਬੰਦੀਆਂ ਨੇ ਬੱਸਾਂ ਦੀ ਸੁਰੱਖਿਆ ਉੱਤੇ ਨਜ਼ਰ "
      "ਰੱਖਣ ਦੀ ਮੰਗ ਕੀਤੀ ਹੈ।"]
YO = ["Ìjọba ìpínlẹ̀ Èkó ti kéde pé òun yóò bẹ̀rẹ̀ sí ní tún àwọn ọ̀nà tó bàjẹ́ ní agbègbè Ìkẹjà ṣe láti "
      "oṣù tó ń bọ̀, lẹ́yìn tí òjò ńlá ba ọ̀pọ̀lọpọ̀ nínú wọn jẹ́.",
      "Kọmíṣọ́nà fún iṣẹ́ ọ̀nà sọ pé iṣẹ́ náà yóò gba oṣù mẹ́fà, ó sì rọ àwọn awakọ̀ láti máa lo àwọn ọ̀nà "
      "mìíràn nígbà tí iṣẹ́ bá ń lọ lọ́wọ́.",
      "Àwọn olùgbé agbègbè náà ti kí ìgbésẹ̀ yìí káàbọ̀, wọ́n ní ọ̀nà tó bàjẹ́ ti ń dí ìrìnàjò àti òwò "
      "lọ́wọ́ fún ìgbà pípẹ́."]
HA = ["Gwamnatin jihar Kano ta sanar a ranar Alhamis cewa za ta fara gyaran manyan titunan birnin daga wata "
      "mai zuwa, bayan da ruwan sama ya lalata da dama daga cikinsu.",
      "Kwamishinan ayyuka ya ce aikin zai dauki tsawon watanni shida, kuma ya bukaci direbobi su rika bin "
      "wasu hanyoyi a lokacin da ake aikin.",
      "Mazauna yankin sun yi maraba da wannan mataki, suna cewa lalacewar titunan ta dade tana kawo cikas "
      "ga zirga-zirga da kasuwanci."]
UR = ["صوبائی حکومت نے جمعرات کو اعلان کیا ہے کہ اگلے مہینے سے شہر کے تمام سرکاری اسکولوں میں طلبہ کو مفت "
      "دوپہر کا کھانا دیا جائے گا۔",
      "وزیر تعلیم نے کہا کہ اس منصوبے سے تقریباً دو لاکھ بچوں کو فائدہ ہوگا اور اس کے لیے بجٹ میں الگ رقم "
      "رکھی گئی ہے۔",
      "والدین اور اساتذہ نے اس فیصلے کا خیر مقدم کیا ہے، لیکن کچھ تنظیموں نے کھانے کے معیار پر نظر رکھنے کا "
      "مطالبہ کیا ہے۔"]
BN = ["রাজ্য সরকার বৃহস্পতিবার ঘোষণা করেছে যে আগামী মাস থেকে শহরের সব সরকারি স্কুলে ছাত্রছাত্রীদের "
      "বিনামূল্যে দুপুরের খাবার দেওয়া হবে।",
      "শিক্ষামন্ত্রী বলেন, এই প্রকল্পে প্রায় দুই লক্ষ শিশু উপকৃত হবে এবং এর জন্য বাজেটে আলাদা অর্থ বরাদ্দ "
      "রাখা হয়েছে।",
      "অভিভাবক ও শিক্ষকেরা এই সিদ্ধান্তকে স্বাগত জানিয়েছেন, তবে কয়েকটি সংগঠন খাবারের মান নিয়মিত পরীক্ষা "
      "করার দাবি জানিয়েছে।"]
TA = ["மாநில அரசு வியாழக்கிழமை அறிவித்ததாவது, அடுத்த மாதம் முதல் நகரின் அனைத்து அரசுப் பள்ளிகளிலும் "
      "மாணவர்களுக்கு இலவச காலை உணவு வழங்கப்படும்.",
      "இந்தத் திட்டத்தால் சுமார் இரண்டு லட்சம் குழந்தைகள் பயனடைவார்கள் என்றும், இதற்காக பட்ஜெட்டில் தனி "
      "நிதி ஒதுக்கப்பட்டுள்ளது என்றும் கல்வி அமைச்சர் கூறினார்.",
      "பெற்றோரும் ஆசிரியர்களும் இந்த முடிவை வரவேற்றுள்ளனர், ஆனால் சில அமைப்புகள் உணவின் தரத்தைக் கண்காணிக்க "
      "வேண்டும் என்று கோரியுள்ளன."]
TE = ["వచ్చే నెల నుంచి నగరంలోని అన్ని ప్రభుత్వ పాఠశాలల్లో విద్యార్థులకు ఉచితంగా మధ్యాహ్న భోజనం అందిస్తామని "
      "రాష్ట్ర ప్రభుత్వం గురువారం ప్రకటించింది.",
      "ఈ పథకం వల్ల సుమారు రెండు లక్షల మంది పిల్లలకు లబ్ధి చేకూరుతుందని, ఇందుకోసం బడ్జెట్‌లో ప్రత్యేకంగా "
      "నిధులు కేటాయించామని విద్యాశాఖ మంత్రి తెలిపారు.",
      "తల్లిదండ్రులు, ఉపాధ్యాయులు ఈ నిర్ణయాన్ని స్వాగతించారు, అయితే భోజనం నాణ్యతపై నిఘా ఉంచాలని కొన్ని "
      "సంఘాలు డిమాండ్ చేశాయి."]
KN = ["ಮುಂದಿನ ತಿಂಗಳಿನಿಂದ ನಗರದ ಎಲ್ಲಾ ಸರ್ಕಾರಿ ಶಾಲೆಗಳಲ್ಲಿ ವಿದ್ಯಾರ್ಥಿಗಳಿಗೆ ಉಚಿತ ಮಧ್ಯಾಹ್ನದ ಊಟ ನೀಡಲಾಗುವುದು ಎಂದು "
      "ರಾಜ್ಯ ಸರ್ಕಾರ ಗುರುವಾರ ಘೋಷಿಸಿದೆ.",
      "ಈ ಯೋಜನೆಯಿಂದ ಸುಮಾರು ಎರಡು ಲಕ್ಷ ಮಕ್ಕಳಿಗೆ ಪ್ರಯೋಜನವಾಗಲಿದೆ ಮತ್ತು ಇದಕ್ಕಾಗಿ ಬಜೆಟ್‌ನಲ್ಲಿ ಪ್ರತ್ಯೇಕ ಅನುದಾನ "
      "ಮೀಸಲಿಡಲಾಗಿದೆ ಎಂದು ಶಿಕ್ಷಣ ಸಚಿವರು ತಿಳಿಸಿದರು.",
      "ಪೋಷಕರು ಮತ್ತು ಶಿಕ್ಷಕರು ಈ ನಿರ್ಧಾರವನ್ನು ಸ್ವಾಗತಿಸಿದ್ದಾರೆ, ಆದರೆ ಕೆಲವು ಸಂಘಟನೆಗಳು ಊಟದ ಗುಣಮಟ್ಟದ ಮೇಲೆ ನಿಗಾ "
      "ಇಡಬೇಕೆಂದು ಒತ್ತಾಯಿಸಿವೆ."]
AM = ["የአዲስ አበባ ከተማ አስተዳደር በሚቀጥለው ወር በከተማዋ የሚገኙ የተበላሹ መንገዶችን መጠገን እንደሚጀምር ሐሙስ ዕለት አስታውቋል።",
      "የመንገዶች ባለሥልጣን ኃላፊ እንደገለጹት ሥራው ስድስት ወራት የሚወስድ ሲሆን አሽከርካሪዎች በዚህ ጊዜ ሌሎች መንገዶችን እንዲጠቀሙ ጠይቀዋል።",
      "የአካባቢው ነዋሪዎች ውሳኔውን በደስታ የተቀበሉት ሲሆን የተበላሹት መንገዶች ለረጅም ጊዜ የትራንስፖርትና የንግድ እንቅስቃሴን ሲያስተጓጉሉ እንደነበር "
      "ተናግረዋል።"]
FR = ["La mairie a annoncé jeudi que le marché couvert fermera pendant six mois à partir de septembre pour "
      "des travaux de rénovation de la toiture et des installations électriques.",
      "Pendant le chantier, les commerçants seront installés sous un chapiteau provisoire sur la place "
      "voisine, afin que les habitants puissent continuer à faire leurs courses dans le quartier.",
      "Le coût des travaux est estimé à 3,2 millions d'euros, dont une partie sera prise en charge par la "
      "région."]

def _article(html: str, url: str = "https://news.example.com/story/48213", lang: str = "en", head: str = ""):
    page = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Story</title>{head}</head>'
            f'<body>{html}</body></html>')
    return parse_page(page.encode("utf-8"), url, profile="generic").article


def _paras(paras) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def _story(paras, top: str = "", lang: str = "en", head: str = "", title: str = "Title of the story",
           url: str = "https://news.example.com/story/48213"):
    html = f'<article><h1>{title}</h1>{top}<div class="text">{_paras(paras)}</div></article>'
    return _article(html, url=url, lang=lang, head=head)


def _json_ld(published: str) -> str:
    return ('<script type="application/ld+json">' + json.dumps(
        {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": published}) + "</script>")


def _meta(published: str) -> str:
    return f'<meta property="article:published_time" content="{published}">'


# -- Somali month names ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, when", [
    ("Khamiis, Maarso 14, 2013", "2013-03-14T00:00:00+07:00"),
    ("14 Luulyo 2019", "2019-07-14T00:00:00+07:00"),
    ("Oktoobar 3, 2021", "2021-10-03T00:00:00+07:00"),
    ("Sabti, 2 Agoosto 2020 10:15", "2020-08-02T10:15:00+07:00")])
def test_somali_months(text, when):
    assert parse_vietnamese_datetime(text).value.isoformat() == when


def test_a_somali_page_is_dated_by_its_printed_day():
    a = _story(SO, top='<div class="post-date">Khamiis, Maarso 14, 2013</div>', lang="so",
               title="Waddooyinka suuqa weyn dib ayaa loo dhisayaa",
               url="https://wararka.example.so/waddooyinka-suuqa-weyn/")
    assert a.published_at == "2013-03-14T00:00:00+07:00"
    assert a.body == "\n\n".join(SO)


# -- byline labels: Somali 'Qore:', Faroese 'Tekstur:', German 'Eine Reportage von' ---------------------

@pytest.mark.parametrize("text, name", [
    ("Qore: Axmed Cali Xasan", "Axmed Cali Xasan"),
    ("Tekstur: Jógvan í Lon Hansen", "Jógvan í Lon Hansen"),
    ("Eine Reportage von Lena Hoffmann", "Lena Hoffmann")])
def test_byline_labels(text, name):
    assert byline_name(text) == name


@pytest.mark.parametrize("line, name, paras, lang", [
    ("Qore: Axmed Cali Xasan", "Axmed Cali Xasan", SO, "so"),
    ("Tekstur: Jógvan í Lon Hansen", "Jógvan í Lon Hansen", FO, "fo"),
    ("Eine Reportage von Lena Hoffmann", "Lena Hoffmann", DE, "de")])
def test_a_labelled_line_over_the_text_is_its_writer_not_its_text(line, name, paras, lang):
    html = f'<article><h1>Title of the story</h1><p>{line}</p>{_paras(paras)}</article>'
    a = _article(html, lang=lang)
    assert a.author == name
    assert a.body == "\n\n".join(paras)


# -- the same moment in two zones is whole quarter-hours apart ----------------------------------------

def test_a_printed_time_beside_another_moment_in_json_ld_wins():
    # JSON-LD 09:12 of the next day beside a printed 18:40: another moment (a later edit's), not the
    # printed one in another zone
    vi = _story(VI, top='<span class="date">Thứ Năm, 14/03/2024 18:40</span>', lang="vi",
                head=_json_ld("2024-03-15T09:12:00+07:00"), title="Khánh thành cầu đi bộ qua sông")
    assert vi.published_at == "2024-03-14T18:40:00+07:00"
    ru = _story(RU, top='<span class="date">14 марта 2024 18:40</span>', lang="ru",
                head=_json_ld("2024-03-15T09:12:00+02:00"), title="В центре открылся каток")
    assert ru.published_at_raw == "14 марта 2024 18:40"
    assert ru.published_at[:19] == "2024-03-14T18:40:00"       # (the printed time names no zone)


@pytest.mark.parametrize("meta, printed, paras, lang, when", [
    ("2024-03-14T16:40:00+00:00", "14 марта 2024 18:40", RU, "ru", "2024-03-14T18:40:00+02:00"),
    ("2024-03-14T13:10:00+00:00", "14 मार्च 2024 18:40", HI, "hi", "2024-03-14T18:40:00+05:30"),
    ("2024-03-14T11:40:00+00:00", "Thứ Năm, 14/03/2024 18:40", VI, "vi", "2024-03-14T18:40:00+07:00")])
def test_a_meta_and_a_printed_date_a_zone_apart_are_one_moment(meta, printed, paras, lang, when):
    a = _story(paras, top=f'<span class="date">{printed}</span>', lang=lang, head=_json_ld(meta))
    assert a.published_at == when                # the metadata's moment, told in the page's zone


# -- a marked, timed printed date before a zoned meta: the meta is a later edit's ----------------------

def test_a_marked_timed_date_before_a_zoned_meta_overrules_it():
    vi = _story(VI, top='<div class="date">14/03/2024 18:40</div>', lang="vi",
                head=_meta("2024-03-16T11:05:00+07:00"), title="Khánh thành cầu đi bộ qua sông")
    assert vi.published_at == "2024-03-14T18:40:00+07:00"
    de = _story(DE, top='<time class="article-date">14.03.2024, 18:40 Uhr</time>', lang="de",
                head=_meta("2024-03-16T11:05:00+01:00"), title="Stillstand im Werk")
    assert de.published_at_raw == "14.03.2024, 18:40"
    assert de.published_at[:19] == "2024-03-14T18:40:00"


@pytest.mark.parametrize("top", ['<div>14 марта 2024, 18:40</div>',                 # not marked as a date
                                 '<div class="date">17 марта 2024, 18:40</div>'])   # after the meta
def test_an_unmarked_or_later_printed_date_leaves_the_zoned_meta(top):
    a = _story(RU, top=top, lang="ru", head=_meta("2024-03-16T11:05:00+03:00"))
    assert a.published_at == "2024-03-16T11:05:00+03:00"


# -- a writer's name linked to '#' is the writer; a button linked to '#' beside it is not ---------------

@pytest.mark.parametrize("byline, name, paras, lang", [
    ('Von <a href="#">Anna Schmidt</a> <a href="#">Teilen</a>', "Anna Schmidt", DE, "de"),
    ('Von Anna Schmidt <a href="#">Teilen</a>', "Anna Schmidt", DE, "de"),
    ('Von <a href="#">Anna Schmidt</a> <a href="#">Artikel teilen</a>', "Anna Schmidt", DE, "de"),
    ('By <a href="#">Maria Lopez</a> <a href="#">Share</a>', "Maria Lopez", EN, "en"),
    ('By <a href="#">Maria Lopez</a> <a href="#">Print</a>', "Maria Lopez", EN, "en"),
    ('Bởi <a href="#">Nguyễn Thu Hà</a> <a href="#">Chia sẻ</a>', "Nguyễn Thu Hà", VI, "vi")])
def test_a_name_linked_to_the_page_itself_is_the_writer(byline, name, paras, lang):
    a = _story(paras, top=f'<div class="byline">{byline}</div>', lang=lang)
    assert a.author == name


def test_a_name_alone_linked_to_the_page_itself_in_a_writer_s_box():
    a = _story(VI, top='<p class="tac-gia"><a href="#">Nguyễn Thu Hà</a></p>', lang="vi")
    assert a.author == "Nguyễn Thu Hà"


# -- an outlet's acronym in brackets after the name ----------------------------------------------------

@pytest.mark.parametrize("line, name, paras, lang", [
    ("Mike Collins (LSM)", "Mike Collins", EN, "en"),
    ("Анна Иванова (LETA)", "Анна Иванова", RU, "ru"),
    ("By Mike Collins (LSM)", "Mike Collins", EN, "en"),
    ("Nguyễn Thu Hà (TTXVN)", "Nguyễn Thu Hà", VI, "vi")])
def test_an_outlet_s_acronym_after_the_name_is_not_the_name(line, name, paras, lang):
    a = _story(paras, top=f'<div class="article-author">{line}</div>', lang=lang)
    assert a.author == name


# -- the editor beside the writer ----------------------------------------------------------------------

@pytest.mark.parametrize("byline, name, paras, lang", [
    ('Reported by <a href="/authors/aisha-bello">Aisha Bello</a>, Edited by <a href="/authors/tom-reed">Tom Reed</a>',
     "Aisha Bello", EN, "en"),
    ('Von <a href="/autor/anna-schmidt">Anna Schmidt</a>, bearbeitet von <a href="/autor/tom-becker">Tom Becker</a>',
     "Anna Schmidt", DE, "de"),
    ("Reporting by Aisha Bello, Edited by Tom Reed", "Aisha Bello", EN, "en")])
def test_the_editor_named_after_the_writer_is_no_writer(byline, name, paras, lang):
    a = _story(paras, top=f'<div class="byline">{byline}</div>', lang=lang)
    assert a.author == name


# -- a wire's credits and a release's embargo are no text ------------------------------------------------

@pytest.mark.parametrize("line", [
    "Reporting by Jane Roe; Editing by John Doe",
    "Reporting by Jane Roe in London and Ahmed Ali in Cairo; Editing by John Doe",
    "Additional reporting by Jane Roe; Writing by Ahmed Ali; Editing by John Doe and Mark Potter",
    "Reporting by Jane Roe, editing by John Doe"])
def test_a_wire_s_credits_under_the_text_are_not_text(line):
    html = f'<article><h1>Lead lines to be replaced</h1><div class="text">{_paras(EN)}<p>{line}</p></div></article>'
    assert _article(html).body == "\n\n".join(EN)


@pytest.mark.parametrize("line, paras, lang", [
    ("EMBARGOED UNTIL 00:01 BST WEDNESDAY 14 JUNE 2023", EN, "en"),
    ("<strong>Embargoed until 10am ET, March 14, 2024</strong>", EN, "en"),
    ("Sperrfrist: 14. Juni 2023, 00:01 Uhr", DE, "de"),
    ("Sous embargo jusqu'au jeudi 14 mars 2024 à 00h01", FR, "fr")])
def test_an_embargo_line_over_a_release_is_neither_text_nor_summary(line, paras, lang):
    html = f'<article><h1>Title of the release</h1><div class="text"><p>{line}</p>{_paras(paras)}</div></article>'
    a = _article(html, url="https://press.example.org/releases/2023/0614", lang=lang)
    assert a.body == "\n\n".join(paras)
    assert a.summary == paras[0]


# -- captions classed in more languages ------------------------------------------------------------------

@pytest.mark.parametrize("cls, caption, paras, lang", [
    ("peu", "El mercat municipal, que tancarà sis mesos per obres", CA, "ca"),
    ("peufoto", "Les parades es traslladaran a la plaça del costat", CA, "ca"),
    ("legenda", "O mercado municipal, que ficará fechado por seis meses", PT, "pt"),
    ("didascalia", "Il mercato coperto, che resterà chiuso per sei mesi", IT, "it"),
    ("bildtext", "Saluhallen stänger i sex månader från september", SV, "sv"),
    ("bildunterschrift", "Das Werkstor am Stadtrand am Montagmorgen", DE, "de"),
    ("pie-de-foto", "El mercado municipal, que cerrará seis meses por obras", ES, "es")])
def test_a_caption_classed_in_another_language_is_not_text(cls, caption, paras, lang):
    html = (f'<article><h1>Title of the story</h1><div class="text"><p>{paras[0]}</p><div class="foto">'
            f'<img src="/fotos/mercat.jpg" alt=""><p class="{cls}">{caption}</p></div>{_paras(paras[1:])}'
            '</div></article>')
    a = _article(html, lang=lang)
    assert a.body == "\n\n".join(paras)
    assert caption not in a.body


# -- 'signatura': the writer's box ----------------------------------------------------------------------

def test_a_signatura_box_over_the_text_names_the_writer():
    a = _story(CA, top='<div class="signatura">Jordi Puig i Serra</div>', lang="ca",
               title="El mercat municipal tancarà sis mesos")
    assert a.author == "Jordi Puig i Serra"


def test_a_signatura_line_under_the_text_names_the_writer_and_is_not_text():
    html = (f'<article><h1>El mercado municipal cerrará seis meses</h1><div class="text">{_paras(ES)}'
            '<p class="signatura">Marta Vidal / Barcelona</p></div></article>')
    a = _article(html, lang="es")
    assert a.author == "Marta Vidal"
    assert a.body == "\n\n".join(ES)


# -- ad labels and read-also lines in more languages ----------------------------------------------------

@pytest.mark.parametrize("label, paras, lang", [
    ("ਇਸ਼ਤਿਹਾਰ", PA, "pa"), ("Ìpolówó", YO, "yo"), ("Xayaysiis", SO, "so"), ("विज्ञापन", HI, "hi"),
    ("விளம்பரம்", TA, "ta"), ("বিজ্ঞাপন", BN, "bn"), ("ప్రకటన", TE, "te"), ("ಜಾಹೀರಾತು", KN, "kn"),
    ("اشتہار", UR, "ur"), ("Talla", HA, "ha"), ("Quảng cáo", VI, "vi")])
def test_an_ad_label_alone_between_paragraphs_is_not_text(label, paras, lang):
    html = (f'<article><h1>Title of the story</h1><div class="text"><p>{paras[0]}</p><p>{label}</p>'
            f'{_paras(paras[1:])}</div></article>')
    a = _article(html, lang=lang)
    assert a.body == "\n\n".join(paras)
    assert label not in a.body


@pytest.mark.parametrize("label, paras, lang", [
    ("ਇਹ ਵੀ ਪੜ੍ਹੋ:", PA, "pa"), ("Ẹ tún kà:", YO, "yo"), ("E tun ka:", YO, "yo"),
    ("Akhri sidoo kale:", SO, "so"), ("ተጨማሪ ያንብቡ:", AM, "am")])
def test_a_read_also_line_between_paragraphs_is_not_text(label, paras, lang):
    teaser = f'{label} <a href="/news/2024/03/another-story-4812">{paras[2][:50]}</a>'
    html = (f'<article><h1>Title of the story</h1><div class="text"><p>{paras[0]}</p><p>{teaser}</p>'
            f'{_paras(paras[1:])}</div></article>')
    a = _article(html, lang=lang)
    assert a.body == "\n\n".join(paras)
    assert label not in a.body


# -- 'Quick Read' key points over the text ----------------------------------------------------------------

KEY_POINTS = ('<ul><li>About 1,200 lead lines will be replaced</li><li>The work is free for owners</li>'
              '<li>A map shows which homes are affected</li></ul>')


@pytest.mark.parametrize("box", [f'<div class="quick-read"><h3>Quick Read</h3>{KEY_POINTS}</div>',
                                 f'<div class="box"><p>QUICK READ</p>{KEY_POINTS}</div>',
                                 f'<div class="kp"><strong>Quick take:</strong>{KEY_POINTS}</div>'])
def test_a_quick_read_box_over_the_text_is_neither_summary_nor_text(box):
    html = f'<article><h1>Lead lines to be replaced</h1><div class="text">{box}{_paras(EN)}</div></article>'
    a = _article(html)
    assert a.summary == EN[0]
    assert a.body == "\n\n".join(EN)


# -- 'Contact information' ends a press release ------------------------------------------------------------

@pytest.mark.parametrize("heading", ["<h3>Contact information</h3>", "<p><strong>Contact Information:</strong></p>",
                                     "<h4>CONTACT DETAILS</h4>", "<p><b>Contact details</b></p>"])
def test_a_release_s_contact_heading_ends_its_text(heading):
    html = ('<div class="release"><h1>City to replace 1,200 lead service lines</h1><p class="date">March 14, 2024</p>'
            f'<div class="release-body">{_paras(EN)}{heading}<p>Jane Doe, Communications Officer<br>Public Works '
            'Department<br>555-0142 | jane.doe@city.example.gov</p><p>Mark Lee, Media Relations<br>555-0199</p>'
            '</div></div>')
    a = _article(html, url="https://www.city.example.gov/news/releases/lead-lines")
    assert a.body == "\n\n".join(EN)


# -- a reader's byline in the comments ------------------------------------------------------------------

@pytest.mark.parametrize("comments, paras, lang", [
    ('<div id="comments"><div class="comment"><div class="comment-meta">by <a href="/users/ac">Anonymous Coward</a>'
     '</div><p>About time they did this.</p></div></div>', EN, "en"),
    ('<div class="binh-luan"><div class="item"><p class="meta">Bởi <a href="/thanh-vien/binh">Nguyễn Văn Bình</a>'
     '</p><p>Cây cầu rất đẹp, cảm ơn thành phố.</p></div></div>', VI, "vi")])
def test_a_labelled_byline_in_the_comments_is_a_reader_s(comments, paras, lang):
    html = (f'<div class="main"><article><h1>Title of the story</h1><div class="text">{_paras(paras)}</div>'
            f'</article>{comments}</div>')
    a = _article(html, lang=lang)
    assert a.author is None
    assert a.body == "\n\n".join(paras)


def test_the_writer_s_byline_stands_beside_a_reader_s():
    html = ('<div class="main"><article><h1>Lead lines to be replaced</h1><div class="byline">By <a href='
            f'"/authors/ruth-ellison">Ruth Ellison</a></div><div class="text">{_paras(EN)}</div></article>'
            '<div id="comments"><div class="comment"><div class="comment-meta">by <a href="/users/ac">Anonymous '
            'Coward</a></div><p>About time they did this.</p></div></div></div>')
    assert _article(html).author == "Ruth Ellison"
