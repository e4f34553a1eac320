"""The failure classes of the twenty-first blind world set (fixtures/world_blind21), each on a small page
of its own written from the class (in two or more languages where the class is not one language's):

1. a subscribe / channel button closing the article's text (a WhatsApp or Telegram box: 'Ricevi le
   notizie … iscriviti al nostro canale' + 'Iscriviti', German 'Abonnieren', Spanish 'Suscríbete') is no
   writer and no text, and the byline printed under the headline ('di <a>X</a>', 'Von X', 'Por X') is the
   writer;
2. an Amharic byline 'በ X' under the headline is the writer without 'በ'; a sentence of the text opening
   with 'በ' is no byline;
3. a portrait's alt text used as the writer's name ('صورة X', 'Photo of X') is the name without the word
   for the picture;
4. a role alone ('Staff writer', 'Editor') is no writer, in a byline too; a name with its role keeps the
   name.

When the file was written all 19 cases passed on the current parsers; 13 failed on the session start's
(the subscribe box in Spanish and the two Italian guards, the Amharic byline and its name, the portrait
alt texts and the roles alone)."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page
from govnews.parsers.fields import byline_name, tidy_author

IT = ["La giunta comunale ha approvato martedì il progetto per la riqualificazione del lungolago, che "
      "prevede una nuova pista ciclabile di quattro chilometri tra il porto e la spiaggia libera.",
      "I lavori dovrebbero cominciare a settembre e durare circa quattordici mesi, per una spesa complessiva "
      "di 6,3 milioni di euro coperti in gran parte da fondi regionali.",
      "I commercianti della passeggiata chiedono che il cantiere si fermi nei mesi estivi, quando il lungolago "
      "è più frequentato dai turisti."]
DE = ["Der Stadtrat hat am Dienstagabend beschlossen, die marode Fußgängerbrücke über die Bahngleise am "
      "Nordbahnhof bis zum Herbst kommenden Jahres durch einen Neubau zu ersetzen.",
      "Die Kosten für das Projekt werden auf rund 9,7 Millionen Euro geschätzt, wovon das Land etwa zwei "
      "Drittel übernehmen will.",
      "Anwohner hatten seit Jahren über die steilen Treppen geklagt und fordern nun, dass die neue Brücke "
      "auch Aufzüge für Kinderwagen und Rollstühle erhält."]
ES = ["El ayuntamiento aprobó este martes la construcción de un nuevo centro de salud en el barrio de San "
      "Lorenzo, que atenderá a unos 18.000 vecinos de la zona norte de la ciudad.",
      "Las obras comenzarán en otoño, tendrán un plazo de ejecución de veinte meses y costarán alrededor de "
      "7,4 millones de euros, financiados por la consejería de Sanidad.",
      "La asociación vecinal celebró la decisión, aunque pidió que el edificio cuente con un aparcamiento "
      "para los pacientes con movilidad reducida."]
AM = ["የአዳማ ከተማ አስተዳደር በሚቀጥለው ወር በከተማዋ ምሥራቃዊ ክፍል ሦስት አዳዲስ የሕዝብ መናፈሻዎችን መገንባት "
      "እንደሚጀምር ማክሰኞ አስታውቋል።",
      "የመናፈሻዎቹ ግንባታ ወደ 45 ሚሊዮን ብር ወጪ የሚጠይቅ ሲሆን በበጀት ዓመቱ መጨረሻ ይጠናቀቃል ተብሎ ይጠበቃል።",
      "በአካባቢው የሚኖሩ ነዋሪዎች ውሳኔውን በደስታ የተቀበሉት ሲሆን መናፈሻዎቹ የሕፃናት መጫወቻ ቦታ እንዲኖራቸው "
      "ጠይቀዋል።"]
EN = ["The harbour authority will dredge the northern channel this summer so that larger ferries can dock at "
      "the old pier, its board decided on Wednesday.",
      "The work is expected to take eleven weeks and to cost about $2.8 million, shared between the port and "
      "the provincial government.",
      "Fishermen who use the channel asked the board to schedule the dredging outside the lobster season, "
      "which opens in late May."]


def _page(head: str, body: str, lang: str = "en") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
            f'{body}</body></html>').encode()


def _paras(texts) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _article(page: bytes, url: str):
    return parse_page(page, url, {}, profile="generic").article


# 1. A subscribe / channel button closing the text

BOX_IT = ('<div class="whatsapp-box"><p>Ricevi le notizie di Lago Oggi direttamente sul tuo telefono: '
          'iscriviti al nostro canale WhatsApp</p><a class="btn" href="https://whatsapp.com/channel/0029Va">'
          'Iscriviti</a></div>')
BOX_DE = ('<div class="whatsapp-box"><p>Die wichtigsten Nachrichten aus der Region direkt aufs Handy: '
          'folgen Sie unserem WhatsApp-Kanal</p><a class="btn" href="https://whatsapp.com/channel/0029Vb">'
          'Abonnieren</a></div>')
BOX_ES = ('<div class="telegram-box"><p>Recibe las noticias de Diario Norte en tu móvil: únete a nuestro '
          'canal de Telegram</p><a class="btn" href="https://t.me/diarionorte_example">Suscríbete</a></div>')


def _subscribe_story(byline: str, paragraphs, box: str, lang: str, url: str, extra: str = ""):
    page = _page("<title>Notizie</title>",
                 '<nav class="menu"><a href="/">Home</a> <a href="/cronaca">Cronaca</a> <a href="/sport">Sport</a></nav>'
                 '<main><article><h1 class="entry-title">'
                 f'{paragraphs[0][:60]}</h1>{byline}<div class="entry-date">14.03.2024</div>'
                 f'<div class="entry-content">{_paras(paragraphs)}{extra}{box}</div></article></main>', lang)
    return _article(page, url)


@pytest.mark.parametrize("byline, name, paragraphs, box, button, lang, url", [
    ('<div class="byline">di <a href="/autori/marco-rinaldi">Marco Rinaldi</a></div>', "Marco Rinaldi", IT,
     BOX_IT, "Iscriviti", "it", "https://www.lagooggi.example.it/cronaca/2024/03/14/lungolago-ciclabile"),
    ('<div class="byline">Von Katharina Vogel</div>', "Katharina Vogel", DE,
     BOX_DE, "Abonnieren", "de", "https://www.nordstadt-anzeiger.example.de/lokales/fussgaengerbruecke-neubau-1.58213"),
    ('<div class="byline">Por <a href="/autor/lucia-ferrer">Lucía Ferrer</a></div>', "Lucía Ferrer", ES,
     BOX_ES, "Suscríbete", "es", "https://www.diarionorte.example.es/local/2024/03/14/centro-salud-san-lorenzo"),
])
def test_a_subscribe_box_closing_the_text_is_no_writer_and_no_text(byline, name, paragraphs, box, button,
                                                                   lang, url):
    article = _subscribe_story(byline, paragraphs, box, lang, url)
    assert article.author == name
    assert paragraphs[0] in article.body and paragraphs[-1] in article.body
    assert button not in article.body
    assert "WhatsApp" not in article.body and "Telegram" not in article.body


def test_a_subscribe_box_without_a_byline_gives_no_writer():
    """Guard: with no byline, the button is still no writer."""
    article = _subscribe_story("", IT, BOX_IT, "it",
                               "https://www.lagooggi.example.it/cronaca/2024/03/14/lungolago-lavori")
    assert article.author is None
    assert IT[0] in article.body and IT[-1] in article.body
    assert "Iscriviti" not in article.body


def test_a_sentence_about_a_channel_stays_in_the_text():
    """Guard: a sentence of the text about the town's own channel is text."""
    sentence = ("Per avvisare i residenti sull'avanzamento del cantiere il comune ha aperto un canale "
                "WhatsApp, al quale si sono già iscritti oltre 3.200 cittadini.")
    article = _subscribe_story('<div class="byline">di <a href="/autori/marco-rinaldi">Marco Rinaldi</a></div>',
                               IT, BOX_IT, "it",
                               "https://www.lagooggi.example.it/cronaca/2024/03/14/lungolago-canale",
                               extra=f"<p>{sentence}</p>")
    assert article.author == "Marco Rinaldi"
    assert sentence in article.body
    assert "Iscriviti</" not in article.body and "Ricevi le notizie" not in article.body


# 2. Amharic 'በ X' bylines

def test_an_amharic_byline_name():
    assert byline_name("በ ዮሐንስ ተስፋዬ") == "ዮሐንስ ተስፋዬ"


def test_an_amharic_sentence_is_no_byline_name():
    """Guard: a sentence opening with the preposition 'በ' is no byline."""
    assert byline_name(AM[-1]) is None


def _amharic_story(byline: str, paragraphs, url: str):
    page = _page("<title>አዳማ ዜና</title>",
                 '<nav><a href="/">መነሻ</a> <a href="/news">ዜና</a> <a href="/sport">ስፖርት</a></nav>'
                 '<main><article><h1>በአዳማ ከተማ ሦስት አዳዲስ የሕዝብ መናፈሻዎች ሊገነቡ ነው</h1>'
                 f'{byline}<div class="date">መጋቢት 5, 2016</div>'
                 f'<div class="article-content">{_paras(paragraphs)}</div></article></main>', "am")
    return _article(page, url)


def test_an_amharic_byline_under_the_headline():
    article = _amharic_story('<div class="author">በ ዮሐንስ ተስፋዬ</div>', AM,
                             "https://www.adamazena.example.et/news/2024/03/14/parks")
    assert article.author == "ዮሐንስ ተስፋዬ"
    assert AM[0] in article.body and AM[-1] in article.body
    assert "ዮሐንስ" not in article.body


def test_an_amharic_sentence_opening_the_text_is_no_byline():
    """Guard: the text's first sentence opens with 'በ'; it is text, and no writer."""
    first = "በከተማዋ ሦስት አዳዲስ መናፈሻዎች ሊገነቡ ነው።"
    article = _amharic_story("", [first] + AM, "https://www.adamazena.example.et/news/2024/03/14/parks-2")
    assert article.author is None
    assert first in article.body and AM[-1] in article.body


# 3. A portrait's alt text used as the writer

@pytest.mark.parametrize("alt, name", [
    ("صورة محمد عبد الرحمن", "محمد عبد الرحمن"),
    ("Photo of Jane Doe", "Jane Doe"),
    ("Photo of Samuel Okafor", "Samuel Okafor"),
])
def test_a_portrait_alt_text_is_the_name(alt, name):
    assert tidy_author(alt) == name


def test_a_name_opening_with_photo_stays():
    """Guard: a surname-like word that merely opens with 'Photo' is kept."""
    assert tidy_author("Photon Smith") == "Photon Smith"


# 4. A role alone is no writer

@pytest.mark.parametrize("role", ["Staff writer", "Editor", "Staff Writer"])
def test_a_role_alone_is_no_writer(role):
    assert tidy_author(role) is None


def test_a_name_with_its_role_keeps_the_name():
    """Guard: the person's name is kept."""
    tidied = tidy_author("Jane Doe, Staff writer")
    assert tidied is not None and "Jane Doe" in tidied



def _english_story(byline: str, url: str):
    page = _page("<title>Northern channel to be dredged - The Harbour Gazette</title>",
                 '<main><article><h1>Northern channel to be dredged this summer</h1>'
                 f'{byline}<div class="date">14/03/2024</div>'
                 f'<div class="article-body">{_paras(EN)}</div></article></main>')
    return _article(page, url)


def test_a_byline_naming_only_a_role_gives_no_writer():
    article = _english_story('<div class="byline">By <span class="author">Staff writer</span></div>',
                             "https://www.harbourgazette.example.com/news/2024/03/14/dredging")
    assert article.author is None
    assert EN[0] in article.body and "Staff writer" not in article.body


def test_a_byline_naming_a_person_and_role_keeps_the_person():
    """Guard: the byline's person is the writer."""
    article = _english_story('<div class="byline">By <span class="author">Nadia Brennan, Staff writer</span></div>',
                             "https://www.harbourgazette.example.com/news/2024/03/14/dredging-2")
    assert article.author == "Nadia Brennan"
