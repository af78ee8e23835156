"""Session 30 (title35): issue 15's short headlines in scripts without case, and a gallery's "Photos:" headline.

The title model never judged a line more than half in a script without case (no training page was in one), so a
short headline of three words in Arabic, Hebrew or Hindi under a section's label lost the title to the unpunctuated
standfirst under it, which the rules take for the headline-long line. The training pages now hold such pages
(Arabic, Hebrew, Hindi; scripts written without spaces, CJK and Thai, are still left to the rules: a count of
words says nothing of a line's length there), so the model judges such a line. A label in such a script over a
long headline stays a label. A gallery's headline opening with its "Photos:" tag was read as a photo credit and
never reached the title rules; a credit ("Photo: NAME / AGENCY", "Photograph: Harrow Review archive") stays one.
Hand-written pages."""
from __future__ import annotations

import pytest

from storyline.clean.document import gallery_headline, title_lines
from storyline.clean.lexicon import load_lexicon
from storyline.clean.title_model import CASELESS_PREFIX, TitleLine, features, judged
from storyline.model import Document
from tests.clean.titles import page_title

SHORT_UNDER_LABEL = [
    ("صحيفة الساحل\nمحليات\nإغلاق السوق القديم\nالتجار ينقلون محلاتهم إلى ساحة مؤقتة قرب محطة الحافلات حتى نهاية "
     "الصيف\nقررت البلدية إغلاق السوق القديم في وسط المدينة اعتبارا من الأسبوع المقبل لإجراء أعمال ترميم في سقفه "
     "الذي تضرر خلال العاصفة الأخيرة.\nوقال رئيس جمعية التجار إن الانتقال سيكلف أصحاب المحلات الكثير.\n",
     "إغلاق السوق القديم"),
    ("מקומון הכרמל\nחדשות\nהמים הופסקו בשכונה\nחברת המים אומרת שהתיקון יימשך שלושה ימים לפחות\nהמים הופסקו ביום "
     "שני בבוקר ביותר מאלפיים בתים בשכונה המזרחית, אחרי שצינור ראשי התפוצץ מתחת לכביש, לפי חברת המים.\nהתושבים "
     "אומרים שהם קונים מים ממכליות במחירים גבוהים.\n", "המים הופסקו בשכונה"),
    ("प्रभात संदेश\nशहर\nपुराना बाजार बंद\nव्यापारी गर्मियों के अंत तक बस अड्डे के पास अस्थायी मैदान में दुकानें "
     "लगाएंगे\nनगर निगम ने अगले हफ्ते से शहर के बीच बने पुराने बाजार को बंद करने का फैसला किया है, ताकि पिछले "
     "तूफान में खराब हुई छत की मरम्मत हो सके।\nव्यापार मंडल के अध्यक्ष ने कहा कि दुकानें हटाने में काफी खर्च "
     "आएगा।\n", "पुराना बाजार बंद"),
    ("लोक आवाज़\nखेल\nटीम फाइनल में\nबाहर के मैदान पर शानदार जीत से जिले की टीम पहली बार फाइनल में पहुंची\n"
     "जिले की फुटबॉल टीम ने शनिवार को मेजबान टीम को एक गोल से हराकर पहली बार राज्य कप के फाइनल में जगह बनाई, "
     "मैच देखने पांच हजार से ज्यादा दर्शक आए।\nकोच ने कहा कि असली काम अभी बाकी है।\n", "टीम फाइनल में"),
]
LABEL_OVER_LONG = [
    ("جريدة الضفة\nاقتصاد\nشركة المياه ترفع الأسعار للمرة الأولى منذ عشر سنوات في كل أحياء المدينة\nأعلنت شركة "
     "المياه يوم الأحد رفع أسعار المياه للمنازل بنسبة خمسة في المئة ابتداء من الشهر المقبل، وهي الزيادة الأولى منذ "
     "عشر سنوات.\nوقال السكان إن الزيادة تثقل كاهل الأسر.\n",
     "شركة المياه ترفع الأسعار للمرة الأولى منذ عشر سنوات في كل أحياء المدينة"),
    ("מקומון הכרמל\nכלכלה\nחברת המים מעלה את המחירים לראשונה מזה עשר שנים בכל שכונות העיר\nחברת המים הודיעה ביום "
     "ראשון כי מחיר המים לבתים יעלה בחמישה אחוזים מתחילת החודש הבא, העלייה הראשונה מזה עשר שנים.\nהתושבים אומרים "
     "שהעלייה מכבידה על המשפחות.\n", "חברת המים מעלה את המחירים לראשונה מזה עשר שנים בכל שכונות העיר"),
    ("जिला दर्पण\nव्यापार\nजल विभाग ने दस साल में पहली बार पूरे शहर में पानी के दाम बढ़ाए\nजल विभाग ने रविवार को "
     "घोषणा की कि अगले महीने से घरों के लिए पानी के दाम पांच प्रतिशत बढ़ जाएंगे, जो दस साल में पहली बढ़ोतरी है।\n"
     "लोगों का कहना है कि इससे परिवारों पर बोझ बढ़ेगा।\n", "जल विभाग ने दस साल में पहली बार पूरे शहर में पानी के दाम बढ़ाए"),
]


@pytest.mark.parametrize("raw, headline", SHORT_UNDER_LABEL)
def test_short_headline_in_a_script_without_case_under_a_label(raw: str, headline: str) -> None:
    assert page_title(raw) == headline


@pytest.mark.parametrize("raw, headline", LABEL_OVER_LONG)
def test_label_in_a_script_without_case_over_a_long_headline_stays_a_label(raw: str, headline: str) -> None:
    assert page_title(raw) == headline


def test_the_model_judges_spaced_caseless_lines_not_unspaced_ones() -> None:
    def line(text: str) -> TitleLine:
        return TitleLine(text, "short", candidate=True, in_header=True)

    assert judged(line("إغلاق السوق القديم"))
    assert judged(line("पुराना बाजार बंद"))
    # a Chinese headline is one token however long: its length says nothing to the model
    assert not judged(line("临江市新建三座公园"))


def test_a_line_without_case_is_read_by_features_of_its_own() -> None:
    raw, headline = SHORT_UNDER_LABEL[0]
    view = title_lines(Document(id="t", source="t.txt", raw=raw))
    f = features(view, next(i for i, ln in enumerate(view) if ln.text == headline), load_lexicon())
    assert f and all(key.startswith(CASELESS_PREFIX) for key in f)
    cased = features(title_lines(Document(id="t", source="t.txt", raw=_GALLERY)), 0, load_lexicon())
    assert not any(key.startswith(CASELESS_PREFIX) for key in cased)


_GALLERY = ("Kaldor Daily\nPhotos: residents clean up after the Wendle floods\n30 August 2026\nResidents of Wendle "
            "spent the weekend clearing mud and ruined furniture from their homes after the river burst its banks on "
            "Thursday.\nImage 1/5\nVolunteers from across the valley arrived with shovels and pumps on Saturday "
            "morning, and the council sent skips to every street.\n")
_VIDEO = ("Harbour Evening Post\nNews\nVideo: divers bring up the old ferry bell from the harbour floor\nDivers "
          "brought the bell of the ferry that sank off Carrow Point in 1931 to the surface on Tuesday, after three "
          "weeks of work on the wreck.\nThe bell will go on show at the town museum.\n")


@pytest.mark.parametrize("mode", ["trained", "rules"])
@pytest.mark.parametrize("raw, headline", [
    (_GALLERY, "Photos: residents clean up after the Wendle floods"),
    (_VIDEO, "Video: divers bring up the old ferry bell from the harbour floor"),
])
def test_gallery_headline_with_its_tag_is_the_title(raw: str, headline: str, mode: str) -> None:
    assert page_title(raw, mode) == headline


@pytest.mark.parametrize("text", [
    "Photo: Ola Brandt / Harsk Evening News", "Photograph: Harrow Review archive", "Picture: reader photo",
    "Photograph: Jenny Marlowe for Heritage Today", "Photo: courtesy of the family",
    "Image: Bede Morrow is shown the red card (Photo: Westmarch Rugby Review)", "Photos: Getty Images",
])
def test_a_credit_stays_a_credit(text: str) -> None:
    assert not gallery_headline(text, "credit")


def test_a_credit_under_the_headline_is_not_the_title() -> None:
    raw = ("Kaldor Daily\nFlood clean-up begins in Wendle\nPhotograph: Harrow Review archive\n30 August 2026\n"
           "Residents of Wendle spent the weekend clearing mud and ruined furniture from their homes after the river "
           "burst its banks on Thursday.\nVolunteers arrived with shovels and pumps on Saturday morning.\n")
    assert page_title(raw) == "Flood clean-up begins in Wendle"


@pytest.mark.parametrize("mode", ["trained", "rules"])
@pytest.mark.parametrize("caption", [
    "Photo: Police officers stand guard outside the court", "Photos: supplied by the council press office",
    "Photograph: handout from the ministry",
])
@pytest.mark.parametrize("above", [True, False])
def test_a_caption_or_credit_in_words_is_not_the_title(caption: str, above: bool, mode: str) -> None:
    # one still's caption under its tag, or a tag then its maker, is no gallery's headline (review35): it took the
    # title from a short headline, above or under it
    header = [caption, "Harbour master cleared"] if above else ["Harbour master cleared", caption]
    raw = "\n".join(["Kaldor Daily", *header, "30 August 2026",
                     "The harbour master of Wendle was cleared on Monday of falsifying the port's safety logs, "
                     "after a trial that lasted six weeks.", "He said he would return to work next month.", ""])
    assert page_title(raw, mode) == "Harbour master cleared"
