"""Mapping passages to OAP actions: by number, by theme, narrowed by thematic headings."""

import pytest

from pipelines.extraction.action_cues import names_amount
from pipelines.extraction.actions import ActionMatcher
from pipelines.extraction.model import Method, Passage, PassageKind, ProgressStatus
from pipelines.extraction.status import classify_status
from warehouse import reference


@pytest.fixture(scope="module")
def matcher() -> ActionMatcher:
    return ActionMatcher(reference.load_oap_actions(), reference.load_action_keywords(),
                         reference.load_section_headings())


def passage(text: str, heading_path: str = "", n: int = 1) -> Passage:
    return Passage(passage_no=n, page=1, kind=PassageKind.PARAGRAPH, text=text,
                   heading_path=heading_path)


@pytest.mark.parametrize(
    ("text", "heading", "action"),
    [
        ("The national database of mine victims was updated in 2021.", "", 36),
        ("La base de données des victimes est en cours de mise à jour.", "", 36),
        ("Se actualizó la base de datos de víctimas en 2021.", "", 36),
        ("Survivors received peer support and psychosocial support from trained survivors.", "", 39),
        ("Le soutien psychosocial et le soutien par les pairs ont été renforcés.", "", 39),
        ("Risk education was integrated into the school curriculum in affected provinces.", "", 28),
        ("وقد قامت دائرة شؤون الألغام بتحديث قاعدة البيانات الوطنية لضحايا الألغام.", "", 36),
        ("قدمت المراكز الصحية الدعم النفسي والاجتماعي للناجين وأسرهم.", "", 39),
        ("В 2021 году была обновлена база данных о пострадавших от мин.", "", 36),
        ("Выжившим оказывалась психологическая поддержка в областных центрах.", "", 39),
        ("نظمت حملات التوعية بالمخاطر من الألغام في المدارس.", "", 29),  # "بال": ب + ال
        ("أدرجت التوعية بمخاطر الألغام في خطة العمل المقدمة مع طلب التمديد.", "", 24),
        ("Создан национальный потенциал в области просвещения для работы с беженцами.", "", 31),
        ("وضعت خطة لحماية الأشخاص ذوي الإعاقة في حالات الخطر.", "", 41),
        ("Потребности в помощи остаются значительными.", "", 46),
    ],
)
def test_inferred_from_theme_in_the_meetings_languages(matcher, text, heading, action):
    found = matcher.mentions([passage(text, heading)])
    assert action in {m.action_no for m in found}
    assert all(m.method is Method.INFERRED for m in found)


def test_explicit_number_is_explicit_and_not_inferred_again(matcher):
    found = matcher.mentions([passage("In line with Action 36, the victims database was updated.")])
    assert [(m.action_no, m.method) for m in found] == [(36, Method.EXPLICIT)]


def test_an_action_named_by_a_heading_is_not_inferred_again_below_it(matcher):
    heading = Passage(1, 1, PassageKind.HEADING, "Action 36 - Database", "")
    body = passage("The victims database was updated.", "Action 36 - Database", n=2)
    found = matcher.mentions([heading, body])
    assert [(m.action_no, m.passage_no) for m in found] == [(36, 1)]


def test_other_themes_below_an_explicit_heading_are_inferred(matcher):
    title = "Victim assistance (Actions 33 to 35)"
    heading = Passage(1, 1, PassageKind.HEADING, title, "")
    body = passage("In 2021, 312 survivors received prostheses and psychosocial support.", title,
                   n=2)
    found = {(m.action_no, m.method) for m in matcher.mentions([heading, body])}
    assert {(38, Method.INFERRED), (39, Method.INFERRED)} <= found
    assert not {a for a, method in found if method is Method.INFERRED} & {33, 34, 35}


def inferred(matcher: ActionMatcher, *texts: str, heading: str = "") -> set[int]:
    passages = [passage(text, heading, n=i) for i, text in enumerate(texts, start=1)]
    return {m.action_no for m in matcher.mentions(passages) if m.method is Method.INFERRED}


@pytest.mark.parametrize(
    "text",
    [
        "In 2021 the Foreign Ministry provided EUR 12.5 million for mine action in Iraq and Yemen.",
        "En 2021, notre pays a versé 3,2 millions d'euros au déminage au Cambodge.",
        "En 2021 nuestro país aportó USD 2 millones al desminado humanitario en Colombia.",
    ],
)
def test_a_donor_reporting_its_funding_reports_on_action_43(matcher, text):
    assert 43 in inferred(matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "In 2021 the Government allocated USD 2.4 million from the national budget to mine action.",
        "En 2021, la RDC a reçu 3,1 millions USD de ses partenaires pour le déminage.",
        "International donors provided EUR 6.8 million for mine clearance in 2021.",
    ],
)
def test_national_or_received_funding_is_not_donor_support(matcher, text):
    assert 43 not in inferred(matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        ("El Estado ecuatoriano invirtió 1,1 millones de dólares de su presupuesto en las "
        "operaciones de desminado en 2021."),
        ("En 2021, l'État a consacré 500 millions de francs CFA de ses ressources propres au "
        "déminage."),
    ],
)
def test_an_affected_state_funding_its_own_mine_action_reports_on_action_42(matcher, text):
    found = inferred(matcher, text)
    assert 42 in found
    assert 43 not in found


def test_what_a_donor_funds_elsewhere_is_not_its_own_victim_assistance(matcher):
    funded = "Of this, USD 3 million went to physical rehabilitation and psychosocial support."
    donor = "In 2021 Japan provided USD 39.8 million for mine action in 14 countries."
    assert {38, 39} <= inferred(matcher, funded)
    assert inferred(matcher, donor, funded) == {43}


@pytest.mark.parametrize(
    "text",
    [
        "Women now make up 31 per cent of our survey and clearance staff.",
        "Les équipes de déminage mixtes sont composées pour moitié de femmes.",
        "En 2021, el 18 % del personal operativo eran mujeres.",
    ],
)
def test_the_share_of_women_among_staff_reports_on_gender_balance(matcher, text):
    assert 4 in inferred(matcher, text)


def test_women_among_the_people_reached_are_no_staff(matcher):
    text = "Risk education teams reached 12,000 people, 52 % of them women and girls."
    assert 4 not in inferred(matcher, text)


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Our Article 7 report covering 2021 was submitted on 28 April 2022.",
         "Update on the implementation of Article 4"),
        ("Notre rapport au titre de l'article 7 a été soumis le 29 avril 2022.",
         "Mise en œuvre de l'article 5"),
        ("Cumplimos con la presentación del informe del artículo 7 el 29 de abril de 2022.",
         "Género y cooperación"),
    ],
)
def test_a_submitted_transparency_report_is_found_under_any_heading(matcher, text, heading):
    assert 49 in inferred(matcher, text, heading=heading)


def test_hints_alone_need_distinct_words_or_a_heading_of_their_section(matcher):
    text = "The suspected hazardous area is located in 127 municipalities."
    assert 18 not in inferred(matcher, text)
    assert 18 in inferred(matcher, text, heading="Survey and clearance")


def test_a_thematic_heading_narrows_to_its_section(matcher):
    assert "VII" in matcher.heading_sections("Asistencia a las víctimas")
    assert "VII" in matcher.heading_sections("Assistance aux victimes")


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("أفضل الممارسات لتنفيذ الاتفاقية", "II"),
        ("إضفاء الطابع العالمي على الاتفاقية", "III"),
        ("تدمير المخزونات والاحتفاظ بالألغام", "IV"),
        ("المسح والتطهير", "V"),
        ("التوعية بمخاطر الألغام والحد منها", "VI"),
        ("مساعدة الضحايا", "VII"),
        ("التعاون والمساعدة على الصعيد الدولي", "VIII"),
        ("الشفافية وتبادل المعلومات", "IX"),
        ("Передовая практика осуществления Конвенции", "II"),
        ("Государства, не являющиеся участниками", "III"),
        ("Сохранение противопехотных мин", "IV"),
        ("Обследование и расчистка заминированных районов", "V"),
        ("Просвещение о минной опасности", "VI"),
        ("Помощь жертвам", "VII"),
        ("Международное сотрудничество и помощь", "VIII"),
        ("Меры по обеспечению соблюдения", "IX"),
    ],
)
def test_arabic_and_russian_headings_name_their_section(matcher, heading, section):
    assert matcher.heading_sections(heading) == {section}


@pytest.mark.parametrize("heading", ["مقدمة", "Введение", "Заключительные замечания"])
def test_an_arabic_or_russian_heading_without_a_theme_names_no_section(matcher, heading):
    assert matcher.heading_sections(heading) == frozenset()


def test_a_russian_heading_of_the_section_makes_an_inference_surer(matcher):
    text = "В 2021 году была обновлена база данных о пострадавших от мин."
    (alone,) = matcher.mentions([passage(text)])
    (below,) = matcher.mentions([passage(text, "Помощь жертвам")])
    assert alone.action_no == below.action_no == 36
    assert below.confidence > alone.confidence


def test_text_without_theme_maps_to_nothing(matcher):
    assert matcher.mentions([passage("Mr President, thank you for giving me the floor.")]) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("We request technical assistance to complete survey in the north.", ProgressStatus.REQUEST),
        ("Le manque de financement a retardé les opérations.", ProgressStatus.CHALLENGE),
        ("Chile completed the destruction of its stockpile in 2001.", ProgressStatus.COMPLETED),
        ("El Perú prevé concluir el desminado en 2024.", ProgressStatus.PLAN),
        ("In 2021 we cleared 10 hectares.", ProgressStatus.PROGRESS),
    ],
)
def test_status_of_a_passage(text, status):
    assert classify_status(text) is status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Government allocated COP 5,000 million to humanitarian demining.", True),
        ("Le budget national a financé 120 millions de francs CFA de déminage.", True),
        ("Norway contributed NOK 45 million.", True),
        ("In 2021 Croatia invested HRK 120 million in demining.", True),
        ("Sweden gave 12 million kronor.", True),
        ("The teams cleared 45 minefields in 12 provinces.", False),
    ],
)
def test_a_sum_of_money_is_told_by_any_currency_the_figures_know(text, expected):
    assert names_amount(text) is expected
