"""The words a page prints before a field's value ('Tác giả:', 'Nguồn:', 'Lượt xem:',
'Chuyên mục:'), one table per field: the portals' Vietnamese first, then the other languages the
generic extractor reads. These are the language's rules, not a site's (a site's live in its
profile); every finder that meets a label builds its pattern from these tables, so a word added
here is read everywhere a label of that field is read.

Pure data and one helper; nothing here touches a tree."""
from __future__ import annotations

import re

# the writer ('Tác giả: X'); an uploader's words are weaker (often a CMS account)
AUTHOR = ("tác giả bài viết", "tác giả", "người viết", "bài viết bởi", "viết bởi", "người thực hiện")
UPLOADER = ("gửi bởi", "đăng bởi", "người đăng", "người gửi", "cập nhật bởi")
# who answers a citizen's question on a Q&A page ('Cơ quan trả lời: Sở Y tế'): the author
ANSWERED_BY = ("cơ quan trả lời", "đơn vị trả lời", "người trả lời")
# a link to the same article in the portal's other language ('Xem bản tiếng Việt: <a>…</a>' under a
# Khmer edition's text, 'មើលជាភាសាខ្មែរ៖' under the Vietnamese one): not the text
LANGUAGE_TWIN = ("xem bản tiếng việt", "xem bản tiếng anh", "xem bản tiếng khmer", "xem bài bằng tiếng việt",
                 "bản tiếng việt", "bản tiếng anh", "phiên bản tiếng việt", "phiên bản tiếng anh",
                 "view in english", "english version", "read in english", "មើលជាភាសាខ្មែរ", "មើលជាភាសាវៀតណាម")
# where the text comes from ('Nguồn: Báo Bạc Liêu'); 'Theo X' is read on its own (prose starts so)
SOURCE = ("nguồn tin", "nguồn", "source", "ប្រភព")
# a source's label in the world's languages ('Источник: пресс-служба …', 'Quelle: dpa')
SOURCE_WORLD = ("source", "sources", "quelle", "quellen", "fuente", "fonte", "bron", "źródło", "zdroj", "forrás",
                "kaynak", "источник", "джерело", "дереккөз", "աղբյուր", "المصدر", "来源", "來源", "出典", "출처", "kilde",
                "källa", "lähde", "sumber", "ข้อมูลข่าว", "ที่มา", "แหล่งข่าว")

# the article's own view count, the label before the number ('Số lượt người xem: 122') ...
VIEWS = ("số lượt người xem", "số lượt xem", "lượt người xem", "lượt xem", "lượt đọc", "số lượt đọc",
         "số người đọc", "số người xem", "lượt xem bài viết", "lượt xem bài", "lượt xem tin", "lượt đọc bài viết", "số lần xem", "số lần đọc",
         # the article's own visits, not the site's ('Lượt truy cập bài viết: 1.234')
         "lượt truy cập bài viết", "số lượt truy cập bài viết", "lượt truy cập tin", "lượt truy cập tin bài",
         "lần đọc", "đã được xem", "được xem", "đã xem", "đã đọc", "lần xem", "đã được đọc", "được đọc", "views", "hits",
         "viewed", "aufrufe", "gelesen", "vues", "lectures")
# the bare verbs, a view count's label only with its colon ('Xem: 1.234', 'Đọc: 86')
VIEW_VERBS = ("xem", "đọc")
# ... and the words after it ('1.234 lượt xem')
VIEWS_AFTER = ("lượt xem", "lượt đọc", "lần xem", "lần đọc", "người đọc", "người xem", "người đã xem", "người đã đọc",
               "lượt truy cập bài viết", "lượt truy cập bài", "views", "view", "aufrufe",
               "vues", "lectures")
# a bare count word after the number in an element marked as the view count ('<span class="view">
# <i class="fa fa-eye"></i> 1.234 lượt</span>')
COUNT_WORDS = ("lượt", "lần", "times", "mal", "fois", "veces", "volte", "раз")
# a teaser line inside an article's text, before another article's title ('Read more: <title>',
# 'Lire aussi | <title>', 'Lue myös: <title>')
READ_ALSO = ("read more", "আরো পড়ুন", "আরও পড়ুন", "இதையும் படிங்க", "இதையும் படியுங்கள்", "read also", "more:", "relacionado", "relacionada", "relacionados", "relacionadas", "also read", "see also", "related", "lesen sie auch", "lesen sie mehr",
             "mehr zum thema", "auch interessant", "lire aussi", "à lire aussi", "a lire aussi", "voir aussi",
             "leer más", "lea también", "lee también", "más información", "ver también", "mirá también",
             "mira también", "leggi anche", "leia também", "leia mais", "veja também", "saiba mais",
             "czytaj też", "czytaj także", "czytaj również", "zobacz też", "zobacz także", "читайте также",
             "смотрите также", "читать также", "相关阅读", "相关新闻", "延伸阅读", "往期推荐", "往期回顾", "推荐阅读", "精彩推荐", "相关推荐", "関連記事", "あわせて読みたい",
             "baca juga", "simak juga", "lihat juga", "baca selengkapnya", "baca", "te puede interesar",
             "le puede interesar", "también te puede interesar", "también le puede interesar", "puede interesarte",
             "te recomendamos", "le recomendamos", "lue myös", "lue lisää", "läs också",
             "läs även", "läs mer", "læs også", "læs mere", "les også", "les mer", "lees ook", "lees meer",
             "διαβάστε επίσης", "διαβάστε ακόμη", "ayrıca okuyun", "bunu da okuyun", "olvassa el ezt is",
             "přečtěte si také", "čtěte také", "прочетете още", "прочитайте також", "читайте також",
             "اقرأ أيضا", "اقرأ أيضًا", "اقرأ ايضا", "קראו עוד", "קראו גם", "더 보기", "관련 기사", "อ่านเพิ่มเติม", "อ่านข่าวที่เกี่ยวข้อง", "ข่าวที่เกี่ยวข้อง", "อ่านต่อ",
             "xem thêm", "đọc thêm", "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "हेही वाचा", "ಇದನ್ನೂ ಓದಿ",
             "ఇవి కూడా చదవండి", "ఇది కూడా చదవండి", "ഇതും വായിക്കുക", "இதையும் படிக்க", "আরও পড়ুন", "આ પણ વાંચો",
             "یہ بھی پڑھیں", "بیشتر بخوانید", "ilgili haber", "ilgili haberler", "ajánló", "kapcsolódó",
             "czytaj więcej", "pročitajte još", "preberite še", "loe ka", "skaitykite taip pat",
             # 'Read: <title>' (only with its colon), Swahili, Hausa
             "read:", "soma pia", "soma zaidi", "karanta kuma", "karanta wannan",
             # Punjabi, Yoruba, Somali, Amharic
             "ਇਹ ਵੀ ਪੜ੍ਹੋ", "ẹ tún kà", "e tun ka", "akhri sidoo kale", "ተጨማሪ ያንብቡ")
# the title of a box of key points beside or inside the text ('What you need to know', 'Key
# points', 'मुख्य बातें'): the box is not the text
# a discussion thread's reply subjects ('Re: <the thread's title>') and its reply buttons
REPLY_PREFIXES = ("re", "trả lời", "aw", "antw", "odp", "rif", "ynt")
REPLY_BUTTONS = ("trả lời", "reply", "antworten", "répondre", "responder", "rispondi", "odpowiedz")
# the lines a paper prints with every story: where it first ran, who contributed
TAGLINE_OPENINGS = ("this story was originally published", "this story was first published",
                    "this article was originally published", "this article was first published", "contributing:",
                    "acest articol a fost publicat inițial", "acest articol a fost publicat initial",
                    "матеріал уперше опубліковано", "материал впервые опубликован", "dieser artikel erschien zuerst",
                    "dieser beitrag erschien zuerst", "cet article a été publié initialement",
                    "cet article a d'abord été publié", "este artículo se publicó originalmente",
                    "este artículo fue publicado originalmente", "este artigo foi publicado originalmente",
                    "questo articolo è stato pubblicato originariamente", "dit artikel verscheen eerder",
                    "artikel ini pertama kali terbit", "artykuł ukazał się pierwotnie")
# a contributors' platform's or an opinion page's disclaimer, a promotion of the site's pages
DISCLAIMERS = ("contributors control their own work", "n'engage que son auteur", "n’engage que son auteur",
               "n'engage que leur auteur", "does not necessarily reflect the views",
               "do not necessarily reflect the views", "does not necessarily reflect the opinion",
               "ne reflète pas nécessairement", "sur notre page facebook", "on our facebook page",
               # a daily's promotion of its channels ('Simak breaking news … WhatsApp Channel')
               "simak breaking news", "ikuti berita", "follow us on whatsapp", "更多原创资讯请下载", "本文来自")
KEY_POINTS = ("key points", "key facts", "key takeaways", "takeaways", "need to know", "highlights", "quick read", "quick take", "at a glance", "what you need to know", "in brief",
              "in short", "fast facts", "quick facts", "the essentials", "das wichtigste in kürze",
              "das wichtigste", "auf einen blick", "en bref", "l'essentiel", "l’essentiel", "en résumé",
              "lo más importante", "lo esencial", "claves", "in sintesi", "in breve", "em resumo",
              "principais pontos", "pontos principais", "najważniejsze", "w skrócie", "главное", "коротко",
              "mambo muhimu", "abubuwan da ya kamata ku sani", "मुख्य बातें", "मुख्य बिंदु", "খাস খবর",
              "要点", "ポイント", "핵심 요약", "điểm chính", "những điểm chính", "tóm tắt", "sekilas",
              "in het kort", "kort gezegd", "i korthet", "kort sagt", "kort fortalt", "lyhyesti", "röviden",
              "pe scurt", "ve zkratce", "v skratke", "özetle", "kısaca", "باختصار", "בקצרה", "สรุป")

# what a photo story's headline opens with ('In pictures: …', 'PICHA: …', 'En images : …'), or its
# address holds ('/in-pictures-64845123'): a story told in its captions
PHOTO_STORY = ("in pictures", "in photos", "photos", "photo essay", "pictures", "picha", "fotos", "foto",
               "en images", "en photos", "in bildern", "bildergalerie", "fotostrecke", "fotogalerie", "galería",
               "fotogalería", "fotogaleria", "em fotos", "in foto", "zdjęcia", "фото", "фоторепортаж", "ảnh",
               "phóng sự ảnh", "写真", "组图", "图集", "포토", "화보")

# the name of a portal printed as a heading ('CỔNG THÔNG TIN ĐIỆN TỬ XÃ TIÊN YÊN'): its site's name
PORTAL_NAMES = ("cổng thông tin điện tử", "trang thông tin điện tử", "cổng ttđt", "trang ttđt", "cổng thông tin",
                "trang tin điện tử", "website")

# the label over a video's transcript or narration, alone on its line ('Transcript', 'Lời bình:'):
# what follows is the text, the label is not
TRANSCRIPT = ("transcript", "video transcript", "lời bình", "nội dung lời bình", "bản ghi lời thoại", "transkript",
              "transcription", "transcripción", "trascrizione",
              # a video's narration and a radio bulletin's items under their label ('Lời dẫn:',
              # 'Nội dung video', 'Nội dung bản tin:', 'Nội dung chuyên mục:', 'Nội dung thông báo:')
              "lời dẫn", "nội dung video", "nội dung bản tin", "nội dung chuyên mục", "nội dung thông báo",
              "nội dung chương trình")

# the last word of a job title printed after a writer's name and a comma ('Helen Carter, Money
# Adviser', 'Ruth Ellison, Science Director'): a role, never a second writer
ROLE_NOUNS = ("adviser", "advisor", "director", "officer", "manager", "editor", "correspondent", "reporter",
              "writer", "analyst", "specialist", "coordinator", "consultant", "researcher", "professor",
              "lecturer", "fellow", "president", "chair", "chairman", "chairwoman", "secretary", "minister",
              "spokesperson", "spokesman", "spokeswoman", "producer", "columnist", "contributor", "journalist",
              "photographer", "intern", "associate", "strategist", "economist", "scientist", "expert", "lead",
              "head", "chief", "commissioner", "counsel", "attorney", "lawyer", "engineer", "planner",
              # in other languages ('…, Komunikacijos skyriaus vyriausioji specialistė', '…, Referentin')
              "specialistė", "specialistas", "specialiste", "spezialist", "spezialistin", "referent", "referentin",
              "sprecher", "sprecherin", "pressesprecher", "pressesprecherin", "specialista", "especialista",
              "rzecznik", "rzeczniczka", "specjalista", "specjalistka", "asesor", "asesora", "portavoz")

# what a template prints where a byline goes that names no one: a press release's kicker, an
# advertisement's label ('Communiqué de presse', '- Διαφήμιση -')
# an advertisement's label, alone on its line between paragraphs or where a byline goes
AD_LABELS = ("advertisement", "ማስታወቂያ", "advertising", "sponsored", "gesponsert", "patrocinado", "anzeige", "werbung",
             "reklama", "publicité", "publicidad", "publicidade", "pubblicità", "реклама", "广告", "広告", "hirdetés",
             "διαφήμιση", "reklam", "mainos", "annonce", "annons", "advertentie", "oglas", "reklāma", "reklaam",
             "إعلان", "פרסומת", "विज्ञापन", "ਇਸ਼ਤਿਹਾਰ", "விளம்பரம்", "বিজ্ঞাপন", "ప్రకటన", "ಜಾಹೀರಾತು", "اشتہار",
             "xayaysiis", "talla", "ìpolówó")
NOT_A_WRITER = ("communiqué de presse", "communiqué", "press release", "news release", "media release",
                "pressemitteilung", "pressemeldung", "comunicado de prensa", "comunicato stampa",
                "persbericht",
                # a platform's placeholder for a post with no writer (Blogger's 'Unknown')
                "unknown", "anonymous", "anonym", "anonyme", "anónimo", "anonimo", "unbekannt", "inconnu",
                "desconocido", "sconosciuto",
                # a CMS's default account ('Viết bởi Super User' on a Joomla site)
                "super user", "superuser",
                # a newsroom's unsigned report ('Staff report', 'From staff reports'; Malayalam 'own
                # correspondent'; Bengali 'নিজস্ব প্রতিবেদক' is kept: earlier sets expect it as printed)
                "staff report", "staff reports", "from staff reports", "staff and wire reports",
                "wire reports", "സ്വന്തം ലേഖകൻ", "സ്വന്തം ലേഖിക") + AD_LABELS
# a newsroom's or desk's name signing a story, no person ('Da Redação', 'Haber Merkezi', 'ทีมข่าว')
NEWSROOM = ("redação", "da redação", "redacția", "redactia", "redakcija", "redacció", "redacción", "redazione", "rédaction", "la rédaction",
            "redaktion", "redakcja", "redactie", "toimitus", "redaksjonen", "redaktionen", "redaksi",
            "tim redaksi", "haber merkezi", "merkezi", "newsroom", "news desk", "newsdesk", "staff",
            "editorial team", "editorial staff", "web desk", "online desk", "ทีมข่าว", "กองบรรณาธิการ",
            "فريق التحرير", "التحرير", "تحریریه", "редакция", "редакція", "ban biên tập", "phóng viên",
            "desk", "डेस्क", "न्यूज़ डेस्क", "न्यूज डेस्क", "ডেস্ক", "নিউজ ডেস্ক")
# a note naming a guest writer over a house byline ('This is a guest post by X', 'Ein Gastbeitrag
# von X', 'Columna invitada de X')
GUEST_WRITER = ("this is a guest post by", "this is a guest post from", "a guest post by", "guest post by",
                "guest column by", "guest essay by", "a guest column by", "ein gastbeitrag von", "gastbeitrag von",
                "gastkommentar von", "columna invitada de", "artículo invitado de", "colaboración de",
                "tribune de", "une tribune de", "un texte de", "artigo convidado de", "coluna convidada de",
                "un contributo di", "intervento di", "gastbijdrage van", "een gastbijdrage van", "gastinlägg av",
                "gjesteinnlegg av", "gościnnie:", "tekst gościnny")
# a call for readers' news tips or error reports closing a text ('Do you have a news tip?', 'Has vist
# un error?'): the newsroom's, not the story's
TIP_CALL = ("do you have a news tip", "got a news tip", "have a news tip", "do you have a story",
            "got a story", "have you seen an error", "spotted an error", "spotted a mistake", "seen an error",
            "tens una notícia", "has vist un error", "¿tienes una noticia", "tienes una noticia",
            "¿has visto un error", "has visto un error", "hast du einen hinweis", "haben sie einen hinweis",
            "fehler gefunden", "vous avez une information", "une erreur", "tem uma notícia", "viu um erro",
            "hai una notizia", "hai notato un errore", "una habari", "umeona kosa", "heb je een tip",
            "har du et tips", "har du ett tips", "onko sinulla uutisvinkki", "masz temat", "haber ihbarı")
# the label of an audio version's player between the paragraphs ('Hlusta: …', 'Listen to this article')
LISTEN = ("listen", "sikiliza", "hlusta", "écouter", "anhören", "escuchar", "ascolta", "ouvir", "kuuntele", "lyssna", "lytt",
          "nghe đọc bài viết", "nghe đọc bài", "nghe đọc", "nghe bài viết", "nghe audio")
# a newsletter's promotion inside the text: a newsletter named and a subscribe verb (stems)
NEWSLETTER = ("newsletter", "nieuwsbrief", "nyhetsbrev", "uutiskirje", "hírlevél", "boletín", "boletim", "bulletin")
SUBSCRIBE = ("abonn", "subscri", "sign up", "inscri", "suscrib", "suscríb", "iscriv", "assin", "prenumer", "tilaa",
             "feliratkoz", "meld je aan")
# an editor's credit alone where a byline goes ('Toimetaja: Mari Tamm'): who edited the text, not
# who wrote it
EDITOR = ("toimetaja", "edited by", "editor", "editora", "editado por", "redigeret af", "redigert av",
          "redigerad av", "bearbeitet von", "ἐπιμέλεια", "επιμέλεια", "редактор", "biên tập viên")
# a view count's label in the world's languages, on an article-info line under the text
# ('Просмотров: 842', 'Қаралды: 318', 'Դիտումներ՝ 415')
VIEWS_WORLD = ("views", "hits", "aufrufe", "gelesen", "vues", "lectures", "просмотров", "просмотры", "просмотр",
               "переглядів", "перегляди", "прегледи", "қаралды", "көрілді", "դիտումներ", "visualizações",
               "visualizaciones", "lecturas", "visite", "letture", "bekeken", "weergaven", "wyświetleń",
               "wyświetlenia", "zobrazení", "přečteno", "megtekintés", "görüntülenme", "okunma", "visningar",
               "visninger", "閲覧数", "浏览次数", "阅读", "조회수", "조회")
# a line that says when the page's text stood ('Stand: 16.02.2024'), with its colon
AS_OF = ("stand", "stand vom", "as of", "état au", "estado a", "stato al", "stav k")
# the news agencies whose name signs a story as its writer ('Von: dpa', '<meta name="author"
# content="EFE">'), lower-cased: some write their own name in lower case ('dpa', 'epd')
AGENCIES = ("dpa", "afp", "ap", "reuters", "efe", "ansa", "epd", "kna", "apa", "sda", "ats", "keystone-sda", "pap",
            "čtk", "ctk", "tasr", "mti", "hina", "sta", "bta", "tanjug", "tass", "ria novosti", "interfax", "ukrinform",
            "xinhua", "kyodo", "jiji", "yonhap", "ttxvn", "vna", "anp", "belga", "ntb", "tt", "ritzau", "stt", "lusa",
            "europa press", "pa", "pa media", "aap", "cp", "upi", "pti", "ians", "ani", "bernama", "antara", "wam",
            "spa", "qna", "kuna", "mena", "irna", "anadolu", "aa", "dha", "dpa-afx", "sid", "agence france-presse",
            "associated press", "press association")
# the words of a site's own account or desk where a meta tag names the writer ('Admin Disdukcapil',
# 'Redaktion Stadtportal'): the site, not a writer
SITE_ACCOUNT_WORDS = ("admin", "administrator", "administrador", "webmaster", "webadmin", "moderator", "redaktion",
                      "redaksi", "redacción", "rédaction", "redazione", "redactie", "editor", "editors", "staff",
                      "quản trị", "system", "team", "desk", "office")
# the logins of the portals' editors, as a handle opens with them ('bientap01', 'bbt_vinhhung', 'quantri',
# 'btv', 'ctv', 'admin'): an account, not the writer the signature under the text names
PORTAL_ACCOUNT_PREFIXES = ("bientap", "bbt", "quantri", "qtv", "btv", "ctv", "admin", "tonghop", "webmaster",
                           "phongvien", "editor", "user", "guest", "anonymous")
# class marks of elements a theme puts where a byline goes that hold no writer's name: Twenty Ten's
# label before the date ('meta-prep': 'Posted on', 'Geplaatst op'), a forum member's signature under
# his posts (vBulletin's 'signaturecontainer')
NOT_A_NAME_MARKS = ("meta-prep", "signaturecontainer")
# a site's administrator account shown where the writer goes ('Viết bởi Administrator', 'Đăng bởi
# Quản trị Đoàn xã'): the name alone, or these words opening it, name no writer
SITE_ADMIN = ("admin", "administrator", "super user", "superuser", "siteadmin", "site admin", "administrador", "administrateur", "webmaster", "webadmin", "quản trị",
              "quản trị viên", "ban quản trị", "người quản trị", "quản trị web", "quản trị website")
# the role a signature names before the writer ('Tin, ảnh: X', 'Biên soạn: X', 'Tổng hợp: X',
# 'Sưu tầm, biên soạn: X'): the writer is X
WRITER_ROLES = ("tác giả bài viết", "tác giả", "bài và ảnh", "bài, ảnh", "bài/ảnh", "bài - ảnh", "tin và ảnh",
                "tin, ảnh", "tin/ảnh", "tin - ảnh", "tin ảnh", "bài ảnh", "phóng sự ảnh", "phóng sự", "ảnh và bài",
                "ảnh, bài", "ảnh/bài", "ảnh - bài", "ảnh", "tin bài", "tin - bài", "tin, bài", "tin", "bài",
                "người viết", "phóng viên", "biên tập", "người thực hiện", "nhóm thực hiện", "thực hiện", "nhóm pv",
                "nội dung",                     # an infographic's credits ('Nội dung: X - Đồ họa: Y')
                "pv",
                "sưu tầm, biên soạn", "sưu tầm và biên soạn", "sưu tầm - biên soạn", "sưu tầm", "biên soạn",
                "tổng hợp, biên soạn", "tổng hợp và biên soạn", "tổng hợp", "biên dịch", "lược dịch", "dịch",
                # a book's presenter at a library, a bulletin's forecaster
                "người giới thiệu", "dự báo viên", "produced by", "prepared by",
                # a video news item's maker ('Video: X' under its player; 'Ảnh: X - Video: Y' and an
                # e-magazine's credits block read it as a co-credit, not the writer)
                "video", "clip",
                # a Japanese page's writer answering for the text ('（文責：佐藤 健）')
                "文責",
                # an infographic's maker, its only credit ('Đồ họa: Y'; after 'Nội dung: X' a co-credit)
                "đồ họa", "đồ hoạ",
                # the Khmer edition of a Mekong delta portal ('អត្ថបទ និងរូបថត៖ X': text and photos)
                "អត្ថបទ និងរូបថត", "អត្ថបទ និង រូបថត", "អត្ថបទ", "អ្នកយកព័ត៌មាន", "អ្នកសរសេរ")
# the voice of a radio bulletin or a video ('Phát thanh viên: Y', 'Giọng đọc: Y'): who read it out,
# not who wrote it
VOICE_ROLES = ("phát thanh viên", "giọng đọc", "người đọc", "biên tập viên phát thanh",
               # a broadcast's crew beside its reporter ('PV: X - KTV: Y'): the cameraman, the editor
               "ktv", "kỹ thuật viên", "kỹ thuật", "btv", "biên tập viên", "dựng phim",
               # a Khmer edition's translator of the Vietnamese text ('បកប្រែ៖ X'), and its photographer
               "បកប្រែ", "រូបថត")
# a signature that only says the text was collected from elsewhere ('ST', '(Sưu tầm)'): no writer
COLLECTED = ("st", "s.t", "sưu tầm", "st.")
# the rows of a site's statistics block besides its visits (Joomla's 'Thống kê' module: members,
# articles, web links): a view count among them is the site's sum of hits, not an article's
SITE_STATISTICS = ("thành viên", "bài viết", "số bài viết", "liên kết web", "members", "articles", "web links",
                   "content view hits", "registered users",
                   # a statistics widget's visitor rows beside its page views ('Online users: 14',
                   # 'Total visitors: 1,231,870'; WP Statistics, its Vietnamese labels)
                   "online users", "users online", "total visitors", "visitors today", "today's visitors",
                   "total visits", "đang trực tuyến", "đang online", "tổng lượt truy cập", "tổng số lượt truy cập")
# the site's visitor counter ('SỐ LƯỢT TRUY CẬP'), which is never the article's count
VISITS = ("số lượt truy cập", "lượt truy cập")

# a publication or update time printed with its label ('Ngày đăng: 04/08/2020')
PUBLISHED = ("ngày đăng", "đăng ngày", "ngày tạo", "ngày xuất bản", "đăng lúc")
UPDATED = ("ngày cập nhật", "cập nhật")
CATEGORY = ("chuyên mục", "danh mục", "thể loại", "chủ đề", "lĩnh vực",
            # K2's and WordPress's item line ('Đăng trong <a>Tin hoạt động</a>', 'Posted in')
            "đăng trong", "đăng tại mục")
# a blog's labels line under a post ('Nhãn: <a rel="tag">Tin hoạt động</a>'): Blogger's only
# taxonomy, the post's category when no other names it
POST_LABELS = ("nhãn", "labels")
ATTACHMENTS = ("tập tin đính kèm", "tệp đính kèm", "file đính kèm", "tài liệu đính kèm")
TAGS = ("từ khóa", "từ khoá", "tags", "tag")
# a tags line in other languages, dropped from a generic body whether or not its tags are links
# (a Vietnamese 'Từ khóa:' line is dropped only when its words are links: TAGS)
# the topics line under a text, a link per topic ('Temes: Sant Jordi · Girona', 'Mada: Usafiri · …')
TOPICS = ("topics", "topic", "temes", "temas", "thèmes", "themen", "argomenti", "onderwerpen", "aiheet",
          "ämnen", "emner", "tematy", "konular", "topik", "mada", "témata", "θέματα", "темы", "теми")
TAGS_ELSEWHERE = ("tags", "tag", "tagged", "tagi", "mots-clés", "mots clés", "schlagwörter", "schlagworte",
                  "etiquetas", "palabras clave", "parole chiave", "теги", "ключевые слова", "标签", "關鍵字",
                  "关键词", "タグ")
# the English words of Joomla's article-info block ('Details', 'Category: ...', 'Hits: 12')
ARTICLE_INFO = ("category", "published", "created", "last updated", "updated", "hits", "written by")

# the offices and units that sign an article, or follow a writer's name ('Văn phòng HĐND và UBND
# huyện', 'Nguyễn Thị Hạnh - VKSND khu vực 2', 'ThS. Nguyễn Thị Lan - Tổ Toán')
UNITS = ("văn phòng", "phòng", "ban", "sở", "trung tâm", "ttvh", "ubnd", "hđnd", "đài", "báo", "cổng",
         "hội", "đoàn", "mttq", "ủy ban", "uỷ ban", "bbt", "tt", "vp", "bộ phận", "tổ", "trường",
         "viện", "cục", "chi cục", "tổng cục", "bộ", "công an", "bộ chỉ huy", "ban chỉ huy", "đảng ủy",
         "đảng uỷ", "huyện ủy", "huyện uỷ", "tỉnh ủy", "tỉnh uỷ", "khoa", "bệnh viện", "vksnd",
         "tand", "đội", "chi nhánh", "thuế", "chi cục thuế", "kho bạc", "hải quan", "bhxh",
         "bảo hiểm xã hội", "liên đoàn", "công đoàn", "thanh tra", "ngân hàng", "đồn", "đồn biên phòng",
         "bđbp", "bộ đội biên phòng", "hải đội", "tiểu đoàn", "trung đoàn", "lữ đoàn", "sư đoàn",
         "đại đội", "bộ tư lệnh", "quân khu", "ban chqs", "bộ chqs", "trạm", "hạt kiểm lâm", "kiểm lâm",
         "cảng vụ", "ban quản lý", "lớp", "khối", "gvcn", "giáo viên chủ nhiệm", "giáo viên",   # a school's class and grade ('Cô giáo X - Lớp Mẫu giáo lớn A1')
         "chi hội", "chi bộ", "chi đoàn", "phân hội", "câu lạc bộ", "clb", "liên đội", "chi đội",   # an association's branches (a school's Young Pioneers)
         "trại", "trại giống", "xí nghiệp", "nhà máy", "công ty", "hợp tác xã", "htx", "nông trường",
         "lâm trường", "ban quản lý rừng", "vườn quốc gia", "khu bảo tồn", "bảo tàng", "thư viện",
         "đại diện", "văn phòng đại diện", "vpđd", "cảng vụ")
# degrees, ranks and titles printed before a name: part of the author as printed ('ThS.BS Lê
# Thị Thu Hằng', 'Đại úy Trần Minh Đức'); abbreviations with a dot or a space after them
# a speech's page naming its speaker ('Rede von Bundesministerin Dr. Karin Lenz', 'Discours de
# Claire Morel, ministre …', 'Speech by Minister X'): the speaker is the text's author
SPEECH_BY = ("rede von", "rede der", "rede des", "ansprache von", "grußwort von", "discours de", "allocution de",
             "speech by", "remarks by", "address by", "statement by", "keynote by", "discurso de", "discurso del",
             "discorso di", "intervento di", "toespraak van", "tal av", "tale af", "przemówienie", "projev",
             "phát biểu của")
# the offices and honorifics before a speaker's name, and the letters after it
SPEAKER_TITLES = ("bundesministerin", "bundesminister", "ministerin", "minister", "staatssekretärin",
                  "staatssekretär", "ministerpräsidentin", "ministerpräsident", "bürgermeisterin", "bürgermeister",
                  "präsidentin", "präsident", "secretary", "president", "prime minister", "mayor", "governor",
                  "senator", "ministre", "madame la ministre", "monsieur le ministre", "madame", "monsieur",
                  "ministra", "ministro", "presidente", "alcalde", "alcaldesa", "sindaco", "burgemeester",
                  "minister of state", "taoiseach", "tánaiste", "dr", "prof", "mr", "mrs", "ms", "sir", "dame",
                  "hon", "the hon", "rt hon", "the rt hon",
                  # the article before an office ("Discurso de la ministra X", "Rede der Ministerin X")
                  "the", "la", "el", "le", "der", "die", "des", "il", "lo", "del", "della")
SPEAKER_LETTERS = ("td", "mp", "mdb", "mep", "msp", "ms", "mla", "qc", "kc", "obe", "mbe", "cbe")
NAME_TITLE_ABBREVIATIONS = ("ths", "th.s", "ts", "tskh", "bs", "bsck", "bscki", "bsckii", "pgs", "gs", "ks",
                            "ls", "ds", "cn", "ncs")
NAME_TITLES = ("thạc sĩ", "tiến sĩ", "bác sĩ", "dược sĩ", "luật sư", "kỹ sư", "nhà báo", "nhà giáo",
               "đại úy", "đại uý", "thượng úy", "thượng uý", "trung úy", "trung uý", "thiếu úy",
               "thiếu uý", "thiếu tá", "trung tá", "thượng tá", "đại tá", "thẩm phán", "kiểm sát viên",
               "luật gia", "trợ giúp viên pháp lý", "trợ giúp viên", "thanh tra viên", "kiểm lâm viên",
               "điều tra viên", "chấp hành viên", "kiểm soát viên", "huấn luyện viên", "chuyên viên",
               "kỹ thuật viên", "giáo viên", "bác sĩ thú y", "cô giáo", "thầy giáo", "giảng viên",
               "nhà giáo ưu tú", "điều dưỡng", "y sĩ", "nữ hộ sinh", "công chứng viên", "thừa phát lại",
               "nhạc sĩ", "nhà thơ", "nhà văn", "họa sĩ", "hoạ sĩ", "nghệ sĩ", "nghệ nhân", "nsưt", "nsnd",
               "nghệ sĩ ưu tú", "nghệ sĩ nhân dân", "nhà nghiên cứu")
# positions printed after a writer's name and a dash ('… - Phó Chánh án TAND khu vực 3', '… - Thư ký
# Tòa án'): part of the author as printed, like a unit
POSITIONS = ("chánh án", "phó chánh án", "thư ký", "giám đốc", "phó giám đốc", "trưởng phòng",
             "phó trưởng phòng", "trưởng ban", "phó trưởng ban", "chủ tịch", "phó chủ tịch", "bí thư",
             "phó bí thư", "chánh văn phòng", "kiểm sát viên", "phóng viên", "cộng tác viên", "hiệu trưởng",
             "phó hiệu trưởng", "trưởng khoa", "phó trưởng khoa", "trưởng trạm", "hạt trưởng", "đội trưởng",
             "chỉ huy trưởng", "chấp hành viên", "thẩm phán", "kiểm lâm viên",
             # a commune's civil servants and staff ('X - Công chức Văn hóa - Xã hội')
             "công chức", "viên chức", "cán bộ", "chuyên viên", "giáo viên", "nhân viên", "văn thư",
             # a school's ('X - Tổng phụ trách Đội', 'X - Tổ trưởng chuyên môn')
             "tổng phụ trách", "phó tổng phụ trách", "tổ trưởng", "tổ phó", "trợ lý", "kế toán", "thủ quỹ",
             "trưởng đại diện", "phó trưởng đại diện")

# the label cells of a bulletin board's post view (<th>제목</th><td>…</td>, <td><b>หัวข้อ</b></td><td>…</td>):
# its title's and its writer's
TITLE_CELL = ("tiêu đề", "제목", "件名", "タイトル", "标题", "標題", "หัวข้อ", "เรื่อง", "subject", "betreff", "titel")
AUTHOR_CELL = ("người đăng", "người viết", "tác giả", "작성자", "글쓴이", "작성부서", "投稿者", "作成者", "发布人", "作者",
               "ผู้เขียน", "ผู้โพสต์", "ผู้ประกาศ", "author", "verfasser", "autor", "auteur", "ጸሐፊ", "ፀሐፊ", "አዘጋጅ")

# who approved a bulletin for release ('Duyệt tin: X' under 'Dự báo viên: Y'): not its writer,
# and not its text
APPROVER = ("duyệt tin", "duyệt bài", "người duyệt", "kiểm duyệt", "duyệt")

# the words before a date that say which of the page's dates it is, as the generic extractor
# reads a date's line ('Ngày đăng: …', 'Veröffentlicht am …', '発表日：…', 'Mis à jour le …'): the
# portals' Vietnamese, then the world's languages
DATE_PUBLISHED = ("ngày đăng", "đăng ngày", "đăng lúc", "ngày xuất bản", "ngày phát hành", "gửi lúc", "ngày gửi",
                  "ngày trả lời", "published", "posted", "first published", "publié", "publiée", "paru",
                  "veröffentlicht", "erschienen", "publicado", "pubblicato", "gepubliceerd", "submitted",
                  "opublikowano", "data publikacji", "publikováno", "zveřejněno", "publikované", "vloženo",
                  "datum vložení", "publicat", "data publicării", "등록일", "게시일", "작성일", "опубликовано",
                  "дата публикации", "publicação", "post date", "发布时间", "发布日期", "发布", "発行日", "発行",
                  "発表日", "公開日", "公開", "掲載日", "掲載", "diterbitkan", "dipublikasikan", "yayınlanma",
                  "yayınlanma tarihi", "yayın tarihi", "입력", "게시", "प्रकाशित", "प्रविष्टि तिथि", "نُشر", "نشر",
                  "تاريخ النشر", "közzétéve", "megjelent", "udgivet", "offentliggjort", "publiceret", "publicerad", "publisert", "publisert første gang",
                  "дата публікації",
                  "опубліковано", "публикувано", "дата на публикуване", "објављено", "objavljeno", "δημοσιεύθηκε",
                  "ημερομηνία δημοσίευσης", "दिनांक", "cyhoeddwyd", "cyhoeddwyd gyntaf", "foilsithe", "birt",
                  "avaldatud", "julkaistu", "paskelbta", "publicēts", "publicat", "argitaratua", "publikuar",
                  "ippubblikat", "inilathala", "nai-publish", "የታተመበት ቀን", "የወጣበት ቀን", "ታትሟል")
DATE_UPDATED = ("cập nhật", "ngày cập nhật", "cập nhật lần cuối", "lần cập nhật cuối", "cập nhật lúc", "sửa đổi", "chỉnh sửa", "ngày chỉnh sửa", "sửa lúc", "hiệu chỉnh", "updated", "last updated", "modified", "last modified",
                "mis à jour", "modifié", "aktualisiert", "geändert", "zuletzt", "actualizado", "aggiornato",
                "bijgewerkt", "aktualizacja", "zaktualizowano", "обновлено", "atualizado", "最終更新日", "更新日期",
                "更新日", "更新", "diperbarui", "diperbaharui", "güncellendi", "güncelleme", "güncelleme tarihi", "son güncelleme",
                "son güncellenme",
                "수정", "업데이트", "अपडेट", "تحديث", "آخر تحديث", "data modyfikacji", "zmodyfikowano", "actualizat",
                "modificat", "የተሻሻለበት ቀን", "дата изменения", "изменено", "дата обновления", "laatst bijgewerkt",
                "zuletzt aktualisiert", "zuletzt geändert", "ostatnia aktualizacja", "última atualização",
                "ultima modifica", "dernière modification", "diweddarwyd", "diweddarwyd ddiwethaf",
                "nuashonraithe", "uppfært", "síðast uppfært", "actualitzat", "përditësuar", "aġġornat",
                "na-update", "date de modification", "fecha de modificación", "data di modifica",
                "data de modificação", "date modified", "opdateret", "senest opdateret", "sidst opdateret", "oppdatert", "sist oppdatert",
                "sist endret", "uppdaterad", "uppdaterat", "senast uppdaterad", "senast ändrad", "päivitetty",
                "muokattu", "laatst gewijzigd", "gewijzigd", "última actualización", "ultimo aggiornamento",
                "dernière mise à jour", "aktualizováno", "naposledy aktualizováno", "aktualizované", "frissítve",
                "utolsó módosítás", "ažurirano", "posodobljeno", "atnaujinta", "uuendatud", "atjaunināts",
                "актуализирано", "оновлено", "ενημερώθηκε", "τελευταία ενημέρωση", "עודכן", "עדכון אחרון", "อัปเดต",
                "ปรับปรุงข้อมูลล่าสุด", "ปรับปรุงล่าสุด", "แก้ไขล่าสุด", "अद्यतन",
                "laatste update", "update", "geüpdatet", "laatste wijziging", "ultimo aggiornamento alle",
                "última actualización a las")
# a release's or a notice's plain 'Date' row ('<th>Ημερομηνία</th><td>Τετάρτη, 14 Μαρτίου 2018</td>',
# '<dt>วันที่</dt>'): the publication's, as its only date label
DATE_PLAIN = ("date", "datum", "fecha", "data", "ημερομηνία", "tarih", "tanggal", "päivämäärä", "dato", "dátum",
              "วันที่", "日期", "날짜", "תאריך", "التاريخ", "تاريخ", "дата", "datums", "data publicării", "kuupäev")
# ... and the labels a Chinese, Japanese or Korean page prints AFTER the date ('于 2023-12-06 14:22
# 首次发布', '已于 2023-12-08 09:21 修改', '2024年3月5日 公開')
DATE_PUBLISHED_AFTER = ("首次发布", "发布", "發布", "发表", "發表", "公開", "掲載", "게시", "발행", "등록")
DATE_UPDATED_AFTER = ("修改", "更新", "编辑", "編集", "수정")
# the day the item was created in the CMS ('Ngày tạo: 01/08 … Ngày xuất bản: 04/08'): the
# publication date only when the page prints no other
DATE_CREATED = ("ngày tạo", "ngày khởi tạo", "thời gian tạo", "created", "created on", "created at", "date created",
                "data wytworzenia", "erstellt", "erstellt am", "créé", "créé le", "creado", "creado el", "creato",
                "creato il", "作成日")
# the day a print view was printed ('In ngày 03/11/2025'), never the article's
# the label of a repost's original publication day ('Originally published', ReliefWeb's <dt>)
DATE_ORIGINAL = ("originally published", "first published", "original publication", "publicación original",
                 "publicado originalmente", "publication originale", "publié initialement",
                 "ursprünglich veröffentlicht", "erstveröffentlichung", "pubblicato originariamente",
                 # a merged province's portal reposting a former district's news
                 "ngày đăng gốc", "ngày đăng bài gốc", "ngày xuất bản gốc", "thời gian đăng gốc",
                 "đăng lần đầu", "xuất bản lần đầu")
# a repost's note: 'Bài viết được đăng lại từ Cổng TTĐT huyện X (cũ)', 'Bài đăng lại từ Báo Y, xuất
# bản lúc …'; the box of the original's details ('Thông tin bài gốc': source, day, address)
REPOSTED_FROM = ("đăng lại từ", "đăng tải lại từ", "được đăng lại từ", "republished from", "reposted from")
ORIGINAL_BOX = ("thông tin bài gốc", "thông tin bài viết gốc", "bài gốc")
# a print view's footer lines under the text: the article's address, and its buttons
PRINT_ADDRESS = ("địa chỉ bài viết", "url của bản tin này", "đường dẫn bài viết", "link bài viết",
                 "địa chỉ truy cập", "nguồn bài viết")
PRINT_BUTTONS = ("in bài", "đóng cửa sổ", "đóng lại")
DATE_PRINTED = ("in lúc", "in ngày", "in vào", "ngày in", "thời gian in", "printed", "printed on", "printed at",
                "print date", "gedruckt am", "imprimé le", "vytištěno", "vytlačené")
# the day a forum member registered, under the name beside each post ('Registriert: Mo 12. Jan 2009'),
# never the post's
DATE_JOINED = ("registriert", "registriert seit", "mitglied seit", "dabei seit", "joined", "member since",
               "registered", "registered on", "ngày tham gia", "tham gia", "tham gia ngày", "ngày đăng ký",
               "inscrit le", "inscrit depuis", "membre depuis", "inscrito", "registrado", "miembro desde",
               "iscritto il", "membro dal", "lid sinds", "geregistreerd", "dołączył", "zarejestrowany",
               "зарегистрирован", "регистрация", "на форуме с", "注册时间", "注册于", "注册日期", "加入时间",
               "登録日", "가입일", "katılım", "csatlakozott")
# the day a citizen sent the question a Q&A page answers ('Ngày gửi: …', then 'Ngày trả lời: …')
DATE_ASKED = ("ngày gửi", "ngày hỏi", "gửi câu hỏi", "asked")

# a writer's credit in the world's languages, the label before the name: these with a space or a
# colon ('Penulis X', 'بقلم X') ...
WRITER_CREDIT_SPACED = ("penulis", "pewarta", "wartawan", "reporter", "reporterin", "بقلم", "كتب", "كتبت")
# ... and these only with their colon ('Yazar: X', 'लेखक: X', 'گزارش: X' (Persian: report), 'எழுதியவர்:
# X' (Tamil: written by))
WRITER_CREDIT = ("haber", "muhabir", "ρεπορτάζ", "ρεπορταζ", "yazar", "yazan", "muhabiri", "संवाददाता", "लेखक", "रिपोर्टर", "रिपोर्ट",
                 "إعداد", "تقرير", "گزارش", "نویسنده", "خبرنگار", "تحریر", "எழுதியவர்", "செய்தியாளர்",
                 "ጸሐፊ", "ፀሐፊ", "አዘጋጅ",
                 # Lao 'news:' / 'written by:', Khmer 'by:' / 'written by:', Burmese 'news:' / 'written by:'
                 "ຂ່າວ", "ຂຽນໂດຍ", "ដោយ", "អត្ថបទ", "សរសេរដោយ", "သတင်း", "ရေးသားသူ",
                 # Thai 'news by:' / 'reporter:', Pashto 'writer:' / 'reporter:'
                 "ข่าวโดย", "ผู้สื่อข่าว", "لیکوال", "لیکواله", "خبریال",
                 # a magazine's credits line ('Words: X · Photography: Y · Video: Z')
                 "words")

# the heading of a box about the writer after a column: its name is the page's writer when no
# byline names one
ABOUT_AUTHOR = ("about the author", "about the writer", "about the columnist", "sobre el autor",
                "sobre la autora", "sobre o autor", "sobre a autora", "à propos de l'auteur",
                "à propos de l’auteur", "à propos de l'auteure", "à propos de l’auteure",
                "à propos de l'autrice", "à propos de l’autrice", "über den autor", "über die autorin",
                "sull'autore", "sull’autore", "sull'autrice", "sull’autrice", "over de auteur",
                "over de schrijver", "o autorze", "o autorce", "об авторе", "על הכותב", "על הכותבת",
                "yazar hakkında", "về tác giả", "創作者介紹", "作者介紹", "作者简介", "作者介绍", "关于作者",
                "關於作者", "著者について", "筆者について")
# ... and the card's own label, the article and the role alone ('L'autore', 'The author', 'Die Autorin')
AUTHOR_CARD = ("the author", "the writer", "l'autore", "l’autore", "l'autrice", "l’autrice", "l'auteur", "l’auteur",
               "l'auteure", "l’auteure", "der autor", "die autorin", "el autor", "la autora", "o autor", "a autora",
               "de auteur", "de schrijver", "autorka", "autorem", "forfatteren", "författaren", "kirjoittaja")
# the heading of a page section that credits the office or person responsible for the page
# ('A cura di' over a card naming 'Ufficio Stampa', the Italian municipal template's last section)
CREDIT_SECTION = ("a cura di", "a cura del", "a cura della", "a cura dell'", "a cura dell’", "redatto da",
                  "written by", "author", "authors", "autore", "autori", "auteur", "autor", "autores",
                  "tác giả", "responsible", "verantwortlich", "responsable")
# the capacity printed above the signer of an official document pasted as an article's text
# ('TM. ỦY BAN NHÂN DÂN' / 'CHỦ TỊCH' / '(Đã ký)' / name): the signer is the text's, not its writer
SIGNING_CAPACITIES = ("chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc", "trưởng ban", "phó trưởng ban",
                      "chánh văn phòng", "bí thư", "phó bí thư", "trưởng phòng", "hiệu trưởng")
SIGNING_MARKS = ("đã ký", "ký, ghi rõ họ tên", "ký ghi rõ họ tên")
# the abbreviations before a signing body: thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền
SIGNING_FOR = ("tm", "kt", "tl", "tuq", "q")

# an app's promotion over the text ('Open in app', 'Haber Cebimde uygulamasında aç'): a short line
# holding one of these is not the article's
OPEN_IN_APP = ("open in app", "open in the app", "open the app", "read in the app", "read in app", "get the app",
               "mở trong ứng dụng", "mở bằng ứng dụng", "đọc trên ứng dụng", "tải ứng dụng", "uygulamasında aç",
               "uygulamada aç", "uygulamada oku", "in der app öffnen", "in der app lesen", "ouvrir dans l'application",
               "ouvrir dans l’application", "lire dans l'application", "lire dans l’application", "abrir en la app",
               "abrir en la aplicación", "abrir no app", "abrir na app", "apri nell'app", "apri nell’app",
               "otwórz w aplikacji", "открыть в приложении", "buka di aplikasi", "เปิดในแอป", "เปิดอ่านในแอป",
               "เปิดแอป", "アプリで開く", "アプリで読む", "在app中打开", "在app中打開", "打开app", "打開app",
               "앱에서 보기", "앱으로 보기")

# an attachment box's heading in the world's languages ('Załączniki', 'Anhänge', '添付ファイル', '関連資料')
ATTACHMENTS_WORLD = ("attachments", "attachment", "downloads", "download", "załączniki", "załącznik",
                     "pliki do pobrania", "anhänge", "anhang", "dateien", "pièces jointes", "documents joints",
                     "téléchargements", "adjuntos", "archivos adjuntos", "descargas", "allegati", "anexos",
                     "bijlagen", "přílohy", "prílohy", "mellékletek", "priloge", "prilozi", "вложения",
                     "приложения", "файлы", "附件", "添付ファイル", "関連資料", "関連ファイル", "첨부파일", "첨부",
                     "lampiran", "ekler", "liitteet", "bilagor", "vedlegg", "bilag")

# a photographer's credit beside the writers' ('Ola Haugen · Fotograf', 'Tiago Moura (fotografia)'):
# whole words, and stems read with any ending ('fotografen', 'photographed')
PHOTOGRAPHER = ("foto", "fotográfo", "photo", "bild", "kamera", "ảnh")
PHOTOGRAPHER_STEMS = ("fotograf", "photograph")
# what ends a press release's text, printed as a line of its own: its forward-looking statements
# and its press contacts ('Media contacts', 'Pressekontakt', 'Personnes-ressources')
RELEASE_END = (
    "forward-looking statement", "forward-looking statements", "forward-looking information",
    "forward looking statement", "forward looking statements", "forward looking information",
    "safe harbor statement",
    "media contact", "media contacts", "media relations", "media inquiries", "media enquiries",
    "for more information, contact", "for more information, please contact", "for further information, contact",
    "for further information, please contact", "press contact", "press contacts",
    "press enquiries", "journalists' enquiries", "press office", "rückfragen & kontakt", "rückfragen und kontakt",
    "rückfragehinweis", "rückfragen", "cyswllt", "ymholiadau'r wasg", "本件に関するお問い合わせ先",
    "本件に関するお問い合わせ", "報道関係者お問い合わせ先", "報道関係者のお問い合わせ先",
    "press contact", "press contacts", "press relations", "press inquiries", "contact information",
    "contact details",
    "investor contact", "investor contacts", "investor relations", "investor inquiries",
    "pressekontakt", "medienkontakt", "kontakt für medien", "kontakt für die medien",
    "contact presse", "contacts presse", "contacto de prensa", "contacto para medios", "contactos para medios",
    "for further information", "for further information please", "for further information, please",
    "for further information contact", "for further information please contact",
    "for further information, please contact",
    "for more information", "for more information please", "for more information, please",
    "for more information contact", "for more information please contact", "for more information, please contact",
    "personne-ressource", "personne-ressources", "personnes-ressource", "personnes-ressources",
    "liens connexes", "related links", "contact", "contacts", "kontakt", "renseignements",
    "pour plus d'information", "pour de plus amples information",
    # a Japanese or Korean municipality's contact box under every page ('このページに関するお問い合わせ')
    "このページに関するお問い合わせ", "このページに関するお問い合せ", "お問い合わせ先", "お問い合わせ", "問い合わせ先",
    "문의처", "담당부서")

# a counter box's note that it is an old portal's, kept as it stood when that portal closed (a
# merged province's portal serving the abolished one's archive: '(Cổng cũ, số liệu đến ngày
# 30/6/2025)'): not the serving site's counter
FROZEN_COUNTER = ("cổng cũ", "cổng thông tin cũ", "trang cũ", "website cũ", "trang web cũ",
                  "số liệu đến ngày", "số liệu tính đến ngày", "số liệu tính đến", "ngừng cập nhật",
                  "đã ngừng hoạt động", "old portal", "old website", "old site", "archived counter",
                  "no longer updated")

# 'and' between two writers' names ('Alex Chen and Jordan Blake', 'Hùng và Lan')
AND = ("and", "und", "et", "e", "y", "i", "и", "en", "og", "och", "és", "ve", "a", "và")
# the ones read as a joiner between names ('Av A og B', 'A och B', 'A ja B'; not a lone 'a', nor
# 'in', which is also 'By A in London')
JOINING = ("and", "und", "et", "y", "e", "và", "i", "и", "та", "en", "ve", "og", "och", "ja", "és", "ir", "și", "un",
           "dan", "και", "at", "ও", "এবং", "और", "agus", "ac", "na", "da")


def first_letters(*tables: tuple[str, ...]) -> str:
    """A lookahead of the first characters of the words of `tables`: put before their
    alternation, it lets a search pass at once every position where none of them starts (the
    same matches, two times faster over a line of text)."""
    return "(?=[" + re.escape("".join(sorted({w[0] for table in tables for w in table}))) + "])"


def alternation(*tables: tuple[str, ...]) -> str:
    """The words of `tables` as one regex alternation, longest first (so that 'tác giả bài
    viết' is tried before 'tác giả'), escaped."""
    words = sorted({w for table in tables for w in table}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in words)

# a contact box's labels: the address and the telephone ('Địa chỉ: …', 'Điện thoại: 0272…',
# 'ĐT: …', 'Tel.: …')
CONTACT_ADDRESS = ("địa chỉ", "address", "adresse", "dirección", "indirizzo", "anschrift", "endereço", "adres")
CONTACT_PHONE = ("điện thoại", "đt", "đtdđ", "tel", "phone", "telephone", "telefon", "téléphone", "teléfono",
                 "telefono", "hotline", "fax")
# a page that is the site's contact page ('Liên hệ', /lien-he): its contact box is its text
CONTACT_PAGE = ("liên hệ", "lien-he", "lienhe", "contact", "contact-us", "contacts", "kontakt", "contacto", "contatti",
                "contato", "impressum")

# the fields of a legal document's record as a portal prints it over (or instead of) its text
# ('Số ký hiệu | 245/KH-SNV', 'Ngày ban hành | 03/09/2025', 'Trích yếu | …'): its card, not text
DOCUMENT_FIELDS = ("số ký hiệu", "số/ký hiệu", "ký hiệu", "số hiệu", "số văn bản", "ngày ban hành",
                   "ngày có hiệu lực", "ngày hiệu lực", "ngày hết hiệu lực", "tình trạng hiệu lực",
                   "hiệu lực", "loại văn bản", "cơ quan ban hành", "đơn vị ban hành", "người ký",
                   "trích yếu", "trích yếu nội dung", "lĩnh vực", "tệp đính kèm", "file đính kèm",
                   "văn bản đính kèm", "tải về", "cấp ban hành", "ngày ký", "văn bản")

# what a page served with status 200 says when it is an error, not content: a missing or deleted
# item, a server error, maintenance, a login wall (read on undated pages of a few lines only)
ERROR_PAGE = ("không tồn tại", "đã bị xóa", "đã bị xoá", "đã bị gỡ", "không tìm thấy trang", "không tìm thấy bài",
              "lỗi hệ thống", "đã xảy ra lỗi", "server error in", "runtime error", "internal server error",
              "đang bảo trì", "đang được nâng cấp, bảo trì", "vui lòng đăng nhập", "không có quyền truy cập",
              "page not found", "404 not found", "the page you requested", "access denied",
              "under maintenance", "please log in", "you do not have permission")

# the words that name an office, not a person, where a page outside Vietnam signs with it
# ('Ufficio Stampa e Comunicazione', 'Humas/Diskominfo', 'Pressestelle', 'Communications Office'):
# the world's convention gives such a page no author (a Vietnamese portal's unit that signs is one)
OFFICES_WORLD = ("office", "department", "dept", "bureau", "ministry", "agency", "council", "communications",
                 "press team", "media team", "media relations", "public affairs", "public information",
                 "pressestelle", "presseamt", "pressereferat", "pressedienst", "stadtverwaltung", "amt",
                 "ufficio", "stampa", "servizio", "settore", "comune", "departament", "departamento",
                 "secretaría", "secretaria", "secom", "assessoria", "prefeitura", "ayuntamiento", "gabinete",
                 "dirección", "direction", "service", "mairie", "préfecture", "humas", "diskominfo", "dinas",
                 "kominfo", "pemkab", "pemkot", "bagian", "kantor", "biro", "urząd", "wydział", "biuro",
                 "referat", "odbor", "oddělení", "úřad", "отдел", "управление", "администрация",
                 "пресс-служба", "пресс-центр", "kommun", "förvaltning", "kommunikationsavdelningen",
                 "kommunikation", "afdeling", "afdelingen", "skyrius", "savivaldybė", "iroda", "hivatal",
                 "belediyesi", "müdürlüğü", "basın", "γραφείο", "δήμος", "kunta", "viestintä")

# a broadcast's airing line under a video or a bulletin's headline ('Phát sóng: Thời sự sáng 6h30
# ngày 13/10/2025', 'Lịch phát: …'): when it went out, not the publication and not text
BROADCAST = ("phát sóng", "lịch phát", "giờ phát sóng", "thời gian phát sóng")

# an article's toolbar links, by their words ('In bài' pointing at inbai.asp?id=…): tools, never
# another article's title
TOOL_LINKS = ("in bài", "in bài viết", "in bài này", "bản in", "in trang", "in", "in ra", "gửi bạn bè", "gửi cho bạn bè",
              "gửi email", "gửi e-mail", "gửi mail", "gửi bài", "về đầu trang", "lên đầu trang", "đầu trang",
              "quay lại", "trở về", "trở lại", "lưu bài", "chia sẻ", "phản hồi", "góp ý",
              "print", "email", "e-mail", "back to top", "top", "back", "share")

# the weekdays, Monday first, in the languages the world's date stamps print them (a yearless
# stamp's weekday picks its year among those the page prints)
WEEKDAYS_WORLD = (
    "monday montag lundi lunes lunedì segunda poniedziałek maandag måndag mandag maanantai",
    "tuesday dienstag mardi martes martedì terça wtorek dinsdag tisdag tirsdag tiistai",
    "wednesday mittwoch mercredi miércoles mercoledì quarta środa woensdag onsdag keskiviikko",
    "thursday donnerstag jeudi jueves giovedì quinta czwartek donderdag torsdag torstai",
    "friday freitag vendredi viernes venerdì sexta piątek vrijdag fredag perjantai",
    "saturday samstag sonnabend samedi sábado sabato sobota zaterdag lördag lørdag lauantai",
    "sunday sonntag dimanche domingo domenica niedziela zondag söndag søndag sunnuntai")
# months in the nominative, as archive calendars caption them ('czerwiec 2012'); the stamps'
# genitive forms are dates.MONTHS'
MONTHS_NOMINATIVE = ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień",
                     "wrzesień", "październik", "listopad", "grudzień")
