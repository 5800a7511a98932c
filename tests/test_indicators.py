"""Indicator figures read from prose and tables in English, French and Spanish."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extraction.indicators import find_indicators
from pipelines.extraction.model import DISAGGREGATIONS, INDICATOR_UNITS
from pipelines.extraction.vocabulary import fold_keep_offsets

Fact = tuple[str, float, int | None, str | None]


def facts(text: str, language: str, rows: tuple[tuple[str, ...], ...] = ()) -> set[Fact]:
    return {
        (f.indicator, f.value, f.year, f.disaggregation)
        for f in find_indicators(text, language, rows)
    }


PROSE: list[tuple[str, str, set[Fact]]] = [
    (
        ("In 2021, Colombia cancelled 120,000 m² through non-technical survey, reduced 45,000 m² "
        "through technical survey and cleared 1,234,567 m²."),
        "en",
        {("area_cancelled_m2", 120000, 2021, None), ("area_reduced_m2", 45000, 2021, None),
         ("area_cleared_m2", 1234567, 2021, None)},
    ),
    (
        "A total of 1,234,567 m² was cleared, 45,000 m² reduced and 120,000 m² cancelled in 2021.",
        "en",
        {("area_cleared_m2", 1234567, 2021, None), ("area_reduced_m2", 45000, 2021, None),
         ("area_cancelled_m2", 120000, 2021, None)},
    ),
    (
        "Colombia cleared 1,234 m² in 2021 and 2,345 m² in 2022.",
        "en",
        {("area_cleared_m2", 1234, 2021, None), ("area_cleared_m2", 2345, 2022, None)},
    ),
    (
        "In 2020 Colombia cleared 1,000 m², while in 2021 it cleared 2,000 m².",
        "en",
        {("area_cleared_m2", 1000, 2020, None), ("area_cleared_m2", 2000, 2021, None)},
    ),
    (
        ("Colombia released 12,345,678 m² of land: 1,000,000 m² cancelled, 2,000,000 m² reduced "
        "and 9,345,678 m² cleared."),
        "en",
        {("area_cancelled_m2", 1000000, None, None), ("area_reduced_m2", 2000000, None, None),
         ("area_cleared_m2", 9345678, None, None)},
    ),
    (
        "Cancelled, reduced and cleared areas were 10 ha, 20 ha and 30 ha respectively in 2022.",
        "en",
        {("area_cancelled_m2", 100000, 2022, None), ("area_reduced_m2", 200000, 2022, None),
         ("area_cleared_m2", 300000, 2022, None)},
    ),
    (
        "The remaining 200,000 m² were cancelled in 2022.",
        "en",
        {("area_cancelled_m2", 200000, 2022, None)},
    ),
    (
        "As of 31 December 2022, 1.5 km² of confirmed hazardous area remained to be addressed.",
        "en",
        {("area_remaining_m2", 1500000, 2022, None)},
    ),
    (  # a scan's "km²" as Tesseract reads it
        "As of 31 December 2021, 21.4 km? of contaminated land remained to be addressed.",
        "en",
        {("area_remaining_m2", 21400000, 2021, None)},
    ),
    (
        "Remaining contamination stands at 1.2 km2 (1,200,000 m²).",
        "en",
        {("area_remaining_m2", 1200000, None, None)},
    ),
    (
        ("En 2021, le Tchad a dépollué 1 234 567 mètres carrés et annulé 12,5 ha par enquête "
        "non technique."),
        "fr",
        {("area_cleared_m2", 1234567, 2021, None), ("area_cancelled_m2", 125000, 2021, None)},
    ),
    (
        "En 2022, 45 000 m² ont été réduits par enquête technique et 3,2 ha ont été déminés.",
        "fr",
        {("area_reduced_m2", 45000, 2022, None), ("area_cleared_m2", 32000, 2022, None)},
    ),
    (
        "Au 31 décembre 2022, 150 ha restent à traiter.",
        "fr",
        {("area_remaining_m2", 1500000, 2022, None)},
    ),
    (
        ("Durante 2021 se despejaron 1.234.567 metros cuadrados y se cancelaron 45,5 hectáreas "
        "mediante estudio no técnico."),
        "es",
        {("area_cleared_m2", 1234567, 2021, None), ("area_cancelled_m2", 455000, 2021, None)},
    ),
    (
        "En 2021 se redujeron 12.345 m2 mediante estudio técnico.",
        "es",
        {("area_reduced_m2", 12345, 2021, None)},
    ),
    (
        "A 31 de diciembre de 2022, quedan por despejar 1.500.000 m².",
        "es",
        {("area_remaining_m2", 1500000, 2022, None)},
    ),
    (
        ("In 2021, Colombia destroyed 1,234 anti-personnel mines during clearance and 56 "
        "anti-vehicle mines."),
        "en",
        {("ap_mines_destroyed", 1234, 2021, None)},
    ),
    (
        "During clearance operations in 2022, 3,456 anti-personnel mines were found and destroyed.",
        "en",
        {("ap_mines_destroyed", 3456, 2022, None)},
    ),
    (
        "Colombia retains 586 anti-personnel mines under Article 3 for training purposes.",
        "en",
        {("mines_retained", 586, None, None)},
    ),
    (
        "The State destroyed its stockpile of 12,345 anti-personnel mines in 2020.",
        "en",
        {("stockpiled_mines_destroyed", 12345, 2020, None)},
    ),
    (
        "Nous avons détruit 1 234 mines antipersonnel stockées en 2019.",
        "fr",
        {("stockpiled_mines_destroyed", 1234, 2019, None)},
    ),
    (
        "Le Burkina Faso conserve 120 mines antipersonnel au titre de l'article 3.",
        "fr",
        {("mines_retained", 120, None, None)},
    ),
    (
        "Se destruyeron 1.234 minas antipersonal almacenadas en 2019.",
        "es",
        {("stockpiled_mines_destroyed", 1234, 2019, None)},
    ),
    (
        "El Perú retiene 200 minas antipersonal con fines de capacitación.",
        "es",
        {("mines_retained", 200, None, None)},
    ),
    (
        "In 2021, there were 12 casualties (3 women, 5 men, 2 girls and 2 boys).",
        "en",
        {("casualties", 12, 2021, None), ("casualties", 3, 2021, "women"),
         ("casualties", 5, 2021, "men"), ("casualties", 2, 2021, "girls"),
         ("casualties", 2, 2021, "boys")},
    ),
    (
        "In 2021, 7 people were killed or injured by mines.",
        "en",
        {("casualties", 7, 2021, None)},
    ),
    (
        "En 2021, 12 personnes ont été tuées ou blessées par des mines, dont 5 enfants.",
        "fr",
        {("casualties", 12, 2021, None), ("casualties", 5, 2021, "children")},
    ),
    (
        "En 2021, 45 víctimas fueron registradas, de las cuales 10 mujeres y 35 hombres.",
        "es",
        {("casualties", 45, 2021, None), ("casualties", 10, 2021, "women"),
         ("casualties", 35, 2021, "men")},
    ),
    (
        "In 2021, 1,234 mine victims received medical assistance.",
        "en",
        {("survivors_assisted", 1234, 2021, None)},
    ),
    (
        ("Physical rehabilitation was provided to 2,345 mine survivors in 2022 (1,100 men, "
        "400 women, 500 boys and 345 girls)."),
        "en",
        {("survivors_assisted", 2345, 2022, None), ("survivors_assisted", 1100, 2022, "men"),
         ("survivors_assisted", 400, 2022, "women"), ("survivors_assisted", 500, 2022, "boys"),
         ("survivors_assisted", 345, 2022, "girls")},
    ),
    (
        ("In 2021, EORE sessions reached 12,345 people, including 3,000 women, 2,500 men, "
        "3,400 girls and 3,445 boys."),
        "en",
        {("eore_beneficiaries", 12345, 2021, None), ("eore_beneficiaries", 3000, 2021, "women"),
         ("eore_beneficiaries", 2500, 2021, "men"), ("eore_beneficiaries", 3400, 2021, "girls"),
         ("eore_beneficiaries", 3445, 2021, "boys")},
    ),
    (
        ("En 2022, 12 345 personnes, dont 4 000 femmes et 8 345 enfants, ont bénéficié de "
        "séances d'éducation aux risques des engins explosifs."),
        "fr",
        {("eore_beneficiaries", 12345, 2022, None), ("eore_beneficiaries", 4000, 2022, "women"),
         ("eore_beneficiaries", 8345, 2022, "children")},
    ),
    (
        ("Durante 2021 se brindó educación en el riesgo de minas a 5.432 personas (2.000 niñas y "
        "3.432 niños)."),
        "es",
        {("eore_beneficiaries", 5432, 2021, None), ("eore_beneficiaries", 2000, 2021, "girls"),
         ("eore_beneficiaries", 3432, 2021, "boys")},
    ),
    (
        "Durante 2021, 300 niños recibieron educación sobre el riesgo de minas.",
        "es",
        {("eore_beneficiaries", 300, 2021, "boys")},
    ),
    (
        "In 2021 the Government contributed US$ 2.5 million and the EU provided €1.2 million.",
        "en",
        {("funding_usd", 2500000, 2021, None), ("funding_eur", 1200000, 2021, None)},
    ),
    (
        "In 2022, Norway provided USD 1,500,000 and Germany EUR 750,000.",
        "en",
        {("funding_usd", 1500000, 2022, None), ("funding_eur", 750000, 2022, None)},
    ),
    (
        "Le budget national s'élève à 1,2 millions d'euros en 2022.",
        "fr",
        {("funding_eur", 1200000, 2022, None)},
    ),
    (
        "En 2021, la coopération a apporté 2 500 000 dollars américains.",
        "fr",
        {("funding_usd", 2500000, 2021, None)},
    ),
    (
        "Colombia recibió 3 millones de dólares en 2021.",
        "es",
        {("funding_usd", 3000000, 2021, None)},
    ),
    (
        "In 2021 Germany gave EUR 2 million for clearance (EUR 1 = USD 1.18).",
        "en",
        {("funding_eur", 2000000, 2021, None)},
    ),
    (
        "Se aportaron 3,5 millones de dólares en 2021 (tipo de cambio: 1 USD = 0,95 EUR).",
        "es",
        {("funding_usd", 3500000, 2021, None)},
    ),
    (
        "Colombia's Article 5 deadline is 1 March 2025.",
        "en",
        {("article5_deadline", 2025, None, None)},
    ),
    (
        "The deadline of 1 March 2021 was extended until 1 March 2025.",
        "en",
        {("article5_deadline", 2025, None, None)},
    ),
    (
        "Chad intends to complete clearance by 2025, its Article 5 deadline.",
        "en",
        {("article5_deadline", 2025, None, None)},
    ),
    (
        "Son échéance au titre de l'article 5 est fixée au 1er mars 2025.",
        "fr",
        {("article5_deadline", 2025, None, None)},
    ),
    (
        "Su plazo conforme al artículo 5 vence el 1 de marzo de 2025.",
        "es",
        {("article5_deadline", 2025, None, None)},
    ),
    (
        ("Chad's current deadline is 1 January 2025; a new extension until 31 December 2026 was "
        "requested."),
        "en",
        {("article5_deadline", 2025, None, None)},
    ),
    (
        ("El Perú debe cumplir con las obligaciones del artículo 5 a más tardar el 31 de "
        "diciembre de 2024."),
        "es",
        {("article5_deadline", 2024, None, None)},
    ),
    (
        "In 2021, 44 people were killed or injured by mines, compared with 65 in 2020.",
        "en",
        {("casualties", 44, 2021, None), ("casualties", 65, 2020, None)},
    ),
    (
        "Victims: 45 (2021), 38 (2020).",
        "en",
        {("casualties", 45, 2021, None), ("casualties", 38, 2020, None)},
    ),
    (
        "Mine/ERW casualties in 2021: 54 (12 killed, 42 injured).",
        "en",
        {("casualties", 54, 2021, None)},
    ),
    (
        "Of the 2021 casualties, 6 were women, 27 men, 2 girls and 9 boys.",
        "en",
        {("casualties", 6, 2021, "women"), ("casualties", 27, 2021, "men"),
         ("casualties", 2, 2021, "girls"), ("casualties", 9, 2021, "boys")},
    ),
    (
        "In 2021, 38 new mine casualties were recorded. Of these, 5 were women and 21 men.",
        "en",
        {("casualties", 38, 2021, None), ("casualties", 5, 2021, "women"),
         ("casualties", 21, 2021, "men")},
    ),
    (
        "Durante 2021 se registraron 64 víctimas de minas. Del total, 8 fueron niñas y 15 niños.",
        "es",
        {("casualties", 64, 2021, None), ("casualties", 8, 2021, "girls"),
         ("casualties", 15, 2021, "boys")},
    ),
    (
        "En 2022, 2 400 personnes ont été sensibilisées aux risques. Parmi elles, 900 femmes.",
        "fr",
        {("eore_beneficiaries", 2400, 2022, None), ("eore_beneficiaries", 900, 2022, "women")},
    ),
    (
        # parts by sex in a sentence that does not speak of the total before: not its parts
        "In 2021, 38 new mine casualties were recorded. The team met 5 women and 21 men.",
        "en",
        {("casualties", 38, 2021, None)},
    ),
    (
        # the sentence before gives no total of people
        "In 2021, 45,000 m² were cleared. Of these, 5 were women.",
        "en",
        {("area_cleared_m2", 45000, 2021, None)},
    ),
    (
        "The country has 1,200 registered survivors, 340 of whom received assistance in 2021.",
        "en",
        {("survivors_assisted", 340, 2021, None)},
    ),
    (
        "Se registraron 57 víctimas en 2022, entre ellas 12 niños y 5 niñas.",
        "es",
        {("casualties", 57, 2022, None), ("casualties", 12, 2022, "boys"),
         ("casualties", 5, 2022, "girls")},
    ),
    (
        ("From 24 February to 31 May 2022, explosive ordnance risk education reached 2,370,000 "
        "people."),
        "en",
        {("eore_beneficiaries", 2370000, 2022, None)},
    ),
    (
        ("In 2021 the Army destroyed the last 11,376 stockpiled anti-personnel mines, bringing the "
        "total destroyed since 2018 to 57,033."),
        "en",
        {("stockpiled_mines_destroyed", 11376, 2021, None),
         ("stockpiled_mines_destroyed", 57033, None, None)},
    ),
    (
        ("Ukraine remains committed to destroying its stockpiled mines. In 2021, 12,480 PFM-1 "
        "series mines were destroyed, but 3,364,433 such mines remain in storage."),
        "en",
        {("stockpiled_mines_destroyed", 12480, 2021, None)},
    ),
    (
        "In Japanese fiscal year 2021, Japan provided approximately USD 39.8 million.",
        "en",
        {("funding_usd", 39800000, 2021, None)},
    ),
    (
        "Norway contributed NOK 120 million (approximately USD 13.5 million) in 2021.",
        "en",
        {("funding_usd", 13500000, 2021, None)},
    ),
    (
        "The EU contributed €2.5m in 2021.",
        "en",
        {("funding_eur", 2500000, 2021, None)},
    ),
    (
        "In 2022 the remaining contamination was reduced to 4.2 km².",
        "en",
        {("area_remaining_m2", 4200000, 2022, None)},
    ),
    (
        ("As at 31 December 2021, the suspected hazardous area stood at 922.6 km², or 1.8 per "
        "cent of the territory."),
        "en",
        {("area_remaining_m2", 922600000, 2021, None)},
    ),
    (
        ("As of 1 June 2022, the area potentially contaminated by explosive ordnance is estimated "
        "at about 80,000 square kilometres."),
        "en",
        {("area_remaining_m2", 80000000000, 2022, None)},
    ),
    (
        ("As at 31 December 2021, 26.83 km² of minefields remained, down from 34.77 km² at the "
        "end of 2020."),
        "en",
        {("area_remaining_m2", 26830000, 2021, None),
         ("area_remaining_m2", 34770000, 2020, None)},
    ),
    (
        ("В 2021 году было очищено 1 245 300 квадратных метров и уничтожено 3 112 "
        "противопехотных мин."),
        "ru",
        {("area_cleared_m2", 1245300, 2021, None), ("ap_mines_destroyed", 3112, 2021, None)},
    ),
    (  # two adjectives after the noun: the name of the hazardous areas runs to the last one
        ("A finales de 2020 subsistían 57 zonas minadas y sospechosas, con una superficie "
         "aproximada de 3,8 km²."),
        "es",
        {("area_remaining_m2", 3800000, 2020, None)},
    ),
    (
        ("Fin 2021, il restait 40 zones dangereuses confirmées et suspectes, d'une superficie "
         "estimée de 3,2 km²."),
        "fr",
        {("area_remaining_m2", 3200000, 2021, None)},
    ),
    (
        "По состоянию на 31 декабря 2021 года оставалось 10,4 км² загрязнённых территорий.",
        "ru",
        {("area_remaining_m2", 10400000, 2021, None)},
    ),
    (
        "في عام 2021، تم تطهير 12,460,315 مترًا مربعًا وتدمير 4,532 لغمًا مضادًا للأفراد.",
        "ar",
        {("area_cleared_m2", 12460315, 2021, None), ("ap_mines_destroyed", 4532, 2021, None)},
    ),
    (
        "استفاد 412,000 شخص من أنشطة التوعية بمخاطر الألغام خلال عام 2021.",
        "ar",
        {("eore_beneficiaries", 412000, 2021, None)},
    ),
    (  # what caused the casualties, between the number and its noun
        "Cambodia recorded 44 mine and explosive remnants of war casualties in 2021.",
        "en",
        {("casualties", 44, 2021, None)},
    ),
    (
        "In 2021 there were 45 mine/ERW casualties; 45 mines and 3 ERW items were destroyed.",
        "en",
        {("casualties", 45, 2021, None), ("ap_mines_destroyed", 45, 2021, None)},
    ),
    (  # parts by sex written "de sexo femenino", "de sexe masculin"
        ("En 2021 se impartió educación en el riesgo de minas a 1.842 personas, de las cuales "
         "958 de sexo femenino y 884 de sexo masculino."),
        "es",
        {("eore_beneficiaries", 1842, 2021, None), ("eore_beneficiaries", 958, 2021, "female"),
         ("eore_beneficiaries", 884, 2021, "male")},
    ),
    (
        ("En 2021, la sensibilisation a touché 1 200 personnes, dont 700 de sexe féminin et 500 "
         "de sexe masculin."),
        "fr",
        {("eore_beneficiaries", 1200, 2021, None), ("eore_beneficiaries", 700, 2021, "female"),
         ("eore_beneficiaries", 500, 2021, "male")},
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), PROSE)
def test_prose_figures(text: str, language: str, expected: set[Fact]) -> None:
    assert facts(text, language) == expected


NOT_FIGURES: list[tuple[str, str]] = [
    ("Colombia has 12 operators and 345 deminers working in 25 municipalities.", "en"),
    ("For further information: Tel. +41 22 917 12 34, page 3 of 5, 18MSP.", "en"),
    ("In line with Action 21 and Article 5, see paragraph 3 of resolution 2365.", "en"),
    ("50% of the area was cleared under the Oslo Action Plan 2020-2024.", "en"),
    ("Chad completed the clearance of 50% of its 5,000 hectares.", "en"),
    ("1,234 m² of land were released in 2021.", "en"),
    ("The national budget was COP 2,000 million ($500,000).", "es"),
    ("There are 2,345 registered survivors in the country.", "en"),
    ("Colombia holds a stockpile of 3,000 mines.", "en"),
    ("Colombia will clear 5 km² in 2025.", "en"),
    ("Colombia prevé despejar 2 km² en 2023.", "es"),
    ("Le pays a organisé 45 sessions d'éducation aux risques dans 12 villages.", "fr"),
    ("Three people were killed and 9 injured in 2021.", "en"),
    ("In 2021 ha sido liberada la vereda.", "es"),
    ("The 19MSP took place on 20 November 2021 in The Hague.", "en"),
    ("Colombia submitted its Article 7 report on 30 April 2022.", "en"),
    ("In 2021, 3 of the 12 departments were declared free of mines.", "en"),
    ("The programme will require an estimated US$ 30 million over 2022-2025.", "en"),
    ("Le déficit de financement est estimé à 35 millions de dollars des États-Unis.", "fr"),
    ("In the 2021-22 financial year we committed AUD 10 million to mine action.", "en"),
    ("Ukraine still holds 3,364,433 such mines in storage, which remain to be destroyed.", "en"),
    ("Decree No. 2021-345 of 12 March 2021 established the national authority.", "en"),
    ("In 2021 we trained 60 new deminers, of whom 20 are women.", "en"),
    ("Colombia has 1,234 km of border and 1,122 municipalities.", "en"),
    ("The 20MSP will be held in Geneva from 21 to 25 November 2022.", "en"),
    ("The mine action budget represents 0.5% of GDP.", "en"),
    ("Le plan d'action national 2021-2025 prévoit la dépollution de 5 km².", "fr"),
    ("El 40% de las víctimas son civiles.", "es"),
    ("47 de ellas eran civiles y 82 miembros de la fuerza pública.", "es"),
    ("Exchange rate used: USD 1 = NOK 8.60.", "en"),
    ("Taux de change : 1 EUR = 1,18 USD.", "fr"),
]


@pytest.mark.parametrize(("text", "language"), NOT_FIGURES)
def test_no_figures(text: str, language: str) -> None:
    assert facts(text, language) == set()


def test_a_figure_takes_the_only_year_of_the_sentences_before_it() -> None:
    text = "In 2021, Colombia cleared 1,234 m². During clearance, 56 AP mines were found."
    assert facts(text, "en") == {("area_cleared_m2", 1234, 2021, None),
                                 ("ap_mines_destroyed", 56, 2021, None)}


def test_a_year_written_later_is_not_taken() -> None:
    text = "Sri Lanka reported that 23.5 km² were remaining. In 2021 it cleared 2 km²."
    assert facts(text, "en") == {("area_remaining_m2", 23500000, None, None),
                                 ("area_cleared_m2", 2000000, 2021, None)}


def test_spanish_para_opening_a_sentence_is_the_year_further_on_a_target() -> None:
    text = ("Para 2021, el Estado asignó a las operaciones 250.000 dólares estadounidenses. "
            "Durante 2021 se despejaron 12.000 m² y se espera concluir para 2025.")
    assert facts(text, "es") == {("funding_usd", 250000, 2021, None),
                                 ("area_cleared_m2", 12000, 2021, None)}
    assert facts("El Ejército despejó 4.500 m², una meta fijada para 2021.", "es") == {
        ("area_cleared_m2", 4500, None, None)}


def test_the_year_of_a_finance_law_dates_its_own_sentence_only() -> None:
    text = ("La loi de finances 2022 alloue 400 000 euros au centre de déminage. "
            "Le Japon a financé un projet de 1,2 million d'euros.")
    assert facts(text, "fr") == {("funding_eur", 400000, 2022, None),
                                 ("funding_eur", 1200000, None, None)}
    text = ("The Finance Act 2021 set aside USD 300,000 for mine action. "
            "Norway gave USD 500,000 to the national centre.")
    assert facts(text, "en") == {("funding_usd", 300000, 2021, None),
                                 ("funding_usd", 500000, None, None)}
    assert facts("El presupuesto nacional 2022 asignó 150.000 dólares estadounidenses.", "es") == {
        ("funding_usd", 150000, 2022, None)}
    context = "Recursos\nEl Estado inscribió una partida en la Ley de Presupuesto de 2021."
    found = find_indicators("Noruega aportó 300.000 dólares estadounidenses.", "es",
                            context=context)
    assert [(f.indicator, f.year) for f in found] == [("funding_usd", None)]


def test_a_year_in_a_clause_about_a_plan_dates_no_result() -> None:
    assert facts("Chile cleared 5,000 m² and plans to complete clearance in 2024.", "en") == {
        ("area_cleared_m2", 5000, None, None)}
    text = "Le Sénégal prévoit d'achever le déminage en 2026. Il a dépollué 12 000 m²."
    assert facts(text, "fr") == {("area_cleared_m2", 12000, None, None)}
    text = "En 2021 el Perú despejó 30.000 m² y prevé concluir en 2024."
    assert facts(text, "es") == {("area_cleared_m2", 30000, 2021, None)}


def test_a_year_from_the_context_fills_figures_without_one() -> None:
    text = "A total of 1,867 anti-personnel mines were destroyed during these operations."
    context = "Land release in 2021\nIn 2021 Croatia released 52.38 km² of mine suspected area."
    assert facts(text, "en") == {("ap_mines_destroyed", 1867, None, None)}
    found = find_indicators(text, "en", context=context)
    assert {(f.indicator, f.value, f.year) for f in found} == {("ap_mines_destroyed", 1867, 2021)}


def test_stocks_and_running_totals_take_no_year_from_around_them() -> None:
    context = "In 2021, Sri Lanka cleared 1,226,417 m²."
    retained = find_indicators("Sri Lanka retains 1,980 anti-personnel mines.", "en",
                               context=context)
    assert [(f.indicator, f.year) for f in retained] == [("mines_retained", None)]
    text = "In 2021 Croatia recorded 3 mine casualties. Since 1991, mines have killed 2,007 people."
    assert facts(text, "en") == {("casualties", 3, 2021, None), ("casualties", 2007, None, None)}


def test_evidence_is_the_sentence_and_units_follow_the_indicator() -> None:
    text = "Introduction. In 2021, 12 casualties were recorded. Clearance continued."
    (finding,) = find_indicators(text, "en")
    assert finding.evidence == "In 2021, 12 casualties were recorded."
    assert finding.unit == INDICATOR_UNITS[finding.indicator] == "people"


def test_same_fact_in_a_passage_is_returned_once() -> None:
    text = "In 2021, 12 casualties were recorded. In 2021, the 12 casualties were all civilians."
    assert len(find_indicators(text, "en")) == 1


TABLES: list[tuple[tuple[tuple[str, ...], ...], str, set[Fact]]] = [
    (
        (("Method", "Area (m²)"), ("Cancelled", "120 000"), ("Reduced", "45 000"),
         ("Cleared", "1 234 567"), ("Total", "1 399 567")),
        "en",
        {("area_cancelled_m2", 120000, None, None), ("area_reduced_m2", 45000, None, None),
         ("area_cleared_m2", 1234567, None, None)},
    ),
    (
        (("Year", "Cancelled (m²)", "Reduced (m²)", "Cleared (m²)"),
         ("2020", "1,000", "2,000", "3,000"), ("2021", "4,000", "5,000", "6,000")),
        "en",
        {("area_cancelled_m2", 1000, 2020, None), ("area_reduced_m2", 2000, 2020, None),
         ("area_cleared_m2", 3000, 2020, None), ("area_cancelled_m2", 4000, 2021, None),
         ("area_reduced_m2", 5000, 2021, None), ("area_cleared_m2", 6000, 2021, None)},
    ),
    (
        (("Provincia", "Área despejada (ha)"), ("Antioquia", "12,5"), ("Meta", "3,5"),
         ("Total general", "16")),
        "es",
        {("area_cleared_m2", 160000, None, None)},
    ),
    (
        (("Province", "Area cleared in 2021 (m²)"), ("North", "10 000"), ("South", "2 000")),
        "en",
        {("area_cleared_m2", 10000, 2021, None), ("area_cleared_m2", 2000, 2021, None)},
    ),
    (
        (("Casualties", "Women", "Men", "Girls", "Boys", "Total"),
         ("2021", "2", "3", "1", "4", "10")),
        "en",
        {("casualties", 2, 2021, "women"), ("casualties", 3, 2021, "men"),
         ("casualties", 1, 2021, "girls"), ("casualties", 4, 2021, "boys"),
         ("casualties", 10, 2021, None)},
    ),
    (
        (("", "Femmes", "Hommes", "Enfants", "Total"), ("Victimes", "1", "2", "3", "6")),
        "fr",
        {("casualties", 1, None, "women"), ("casualties", 2, None, "men"),
         ("casualties", 3, None, "children"), ("casualties", 6, None, None)},
    ),
    (
        (("Donor", "Amount (US$)"), ("Norway", "1,000,000"), ("Japan", "500,000"),
         ("TOTAL", "1,500,000")),
        "en",
        {("funding_usd", 1500000, None, None)},
    ),
    (
        (("Indicador", "2021"), ("Superficie despejada (m²)", "1.234.567"), ("Víctimas", "45"),
         ("Minas antipersonal destruidas", "1.234"), ("Beneficiarios de ERM", "12.345"),
         ("Número de sesiones de ERM", "321")),
        "es",
        {("area_cleared_m2", 1234567, 2021, None), ("casualties", 45, 2021, None),
         ("ap_mines_destroyed", 1234, 2021, None), ("eore_beneficiaries", 12345, 2021, None)},
    ),
    (
        (("Type", "Found", "Destroyed"), ("AP mines", "10", "10"), ("AV mines", "3", "3")),
        "en",
        {("ap_mines_destroyed", 10, None, None)},
    ),
    (
        (("Méthode", "Superficie (ha)", "Pourcentage"), ("Annulée", "12,5", "50%"),
         ("Réduite", "2,5", "10 %")),
        "fr",
        {("area_cancelled_m2", 125000, None, None), ("area_reduced_m2", 25000, None, None)},
    ),
    (
        (("Province", "Cleared"), ("North", "12"), ("South", "3")),
        "en",
        set(),  # no unit anywhere and small figures: hectares or a count of areas, unknown
    ),
    (
        (("Year", "Cancelled (NTS)", "Reduced (TS)", "Cleared", "Total released"),
         ("2020", "21,436,118", "3,805,412", "1,266,904", "26,508,434")),
        "en",
        {("area_cancelled_m2", 21436118, 2020, None), ("area_reduced_m2", 3805412, 2020, None),
         ("area_cleared_m2", 1266904, 2020, None)},  # large whole figures: square metres
    ),
    (
        (("Année", "Victimes", "Dont femmes", "Dont enfants"), ("2021", "45", "10", "12")),
        "fr",
        {("casualties", 45, 2021, None), ("casualties", 10, 2021, "women"),
         ("casualties", 12, 2021, "children")},
    ),
    (
        (("", "2020", "2021"), ("Mine casualties", "65", "44"),
         ("EORE beneficiaries", "100,000", "214,730"), ("Number of EORE sessions", "120", "140")),
        "en",
        {("casualties", 65, 2020, None), ("casualties", 44, 2021, None),
         ("eore_beneficiaries", 100000, 2020, None), ("eore_beneficiaries", 214730, 2021, None)},
    ),
    (
        (("Province", "Area cleared in 2021 (ha)", "AP mines destroyed"),
         ("Battambang", "1,820.52", "3,904"), ("Pailin", "905.83", "1,980"),
         ("Subtotal", "2,726.35", "5,884"), ("Total", "5,802.54", "11,928")),
        "en",
        {("area_cleared_m2", 58025400, 2021, None), ("ap_mines_destroyed", 11928, 2021, None)},
    ),
    (
        (("Method", "2020", "2021", "Total"), ("Cleared (m²)", "1,000", "2,000", "3,000")),
        "en",
        {("area_cleared_m2", 1000, 2020, None), ("area_cleared_m2", 2000, 2021, None)},
    ),
]


@pytest.mark.parametrize(("rows", "language", "expected"), TABLES)
def test_table_figures(
    rows: tuple[tuple[str, ...], ...], language: str, expected: set[Fact]
) -> None:
    text = "\n".join(" | ".join(row) for row in rows)
    assert facts(text, language, rows) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("44,396,00 0", {("funding_usd", 44396000, 2021, None)}),  # "0" wrapped to the next line
    ("44, 396,000", {("funding_usd", 44396000, 2021, None)}),
    ("44,396,000", {("funding_usd", 44396000, 2021, None)}),
    ("2,950 4,320", {("funding_usd", 2950, 2021, None)}),  # two figures: the first, as before
    ("44,396,00", set()),  # a cut figure alone is no figure
])
def test_a_figure_broken_over_two_lines_of_its_cell_is_read_whole(cell, expected) -> None:
    rows = (("Recipient", "Amount (USD)"), ("Colombia", "6,140,000"), ("Total 2021", cell))
    text = "\n".join(" | ".join(row) for row in rows)
    found = {fact for fact in facts(text, "en", rows) if fact[1] != 6140000}
    assert found == expected


@pytest.mark.parametrize(("context", "year"), [
    ("Update > Land release in 2021\nThe results by method are set out below.", 2021),
    ("Land release\nThe results by method are set out below.", None),
    ("Land release in 2020 and 2021\nThe results are set out below.", None),  # which year?
])
def test_a_table_without_a_year_takes_the_one_year_of_its_heading(context, year) -> None:
    rows = (("Land release method", "Area (hectares)"), ("Cleared", "4,012.8"))
    text = "\n".join(" | ".join(row) for row in rows)
    found = find_indicators(text, "en", rows, context=context)
    assert [(f.indicator, f.value, f.year) for f in found] == [("area_cleared_m2", 40128000, year)]


def test_a_total_over_years_gives_the_years_and_a_caption_names_the_indicator() -> None:
    rows = (("Province", "2020", "2021", "Total"), ("North", "10", "20", "30"),
            ("South", "1", "2", "3"), ("Total", "11", "22", "33"))
    text = "Area cleared (m²)\n" + "\n".join(" | ".join(row) for row in rows)
    assert facts(text, "en", rows) == {("area_cleared_m2", 11, 2020, None),
                                       ("area_cleared_m2", 22, 2021, None)}


def test_a_caption_before_the_table_gives_its_unit_and_year() -> None:
    rows = (("Method", "2020", "2021"), ("Cancelled", "12.4", "98.7"),
            ("Cleared", "285.6", "311.9"), ("Total", "298.0", "410.6"))
    text = "\n".join(" | ".join(row) for row in rows)
    context = "Zimbabwe reviews its work plan every year.\nLand released by method (hectares):"
    assert facts(text, "en", rows) == set()
    found = {(f.indicator, f.value, f.year) for f in
             find_indicators(text, "en", rows, context=context)}
    assert found == {("area_cancelled_m2", 124000, 2020), ("area_cancelled_m2", 987000, 2021),
                     ("area_cleared_m2", 2856000, 2020), ("area_cleared_m2", 3119000, 2021)}


def test_a_column_without_the_unit_another_column_names_is_a_count() -> None:
    rows = (("Département", "Zones dangereuses", "Superficie (m²)"),
            ("Ziguinchor", "21", "402 310"), ("Bignona", "34", "498 750"),
            ("Total", "55", "901 060"))
    context = "Au 31 décembre 2021, il restait 901 060 m² de zones dangereuses, réparties comme suit :"
    found = {(f.indicator, f.value, f.year) for f in
             find_indicators("\n".join(" | ".join(r) for r in rows), "fr", rows, context=context)}
    assert found == {("area_remaining_m2", 901060, 2021)}


def test_a_paragraph_that_does_not_introduce_the_table_is_no_caption() -> None:
    rows = (("Department", "Area released in 2021 (m²)"), ("Meta", "812,450"), ("Total", "812,450"))
    context = "In 2021, 187 anti-personnel mines were destroyed."
    assert find_indicators("\n".join(" | ".join(r) for r in rows), "en", rows,
                           context=context) == []


def test_table_evidence_is_the_row() -> None:
    rows = (("Method", "Area (ha)"), ("Cleared", "12"))
    (finding,) = find_indicators("Method | Area (ha)\nCleared | 12", "en", rows)
    assert finding.evidence == "Cleared | 12"
    assert finding.value == 120000


def check(findings: list) -> None:
    for finding in findings:
        assert finding.indicator in INDICATOR_UNITS
        assert finding.unit == INDICATOR_UNITS[finding.indicator]
        assert math.isfinite(finding.value) and finding.value >= 0
        assert finding.disaggregation is None or finding.disaggregation in DISAGGREGATIONS
        assert finding.year is None or 1900 <= finding.year <= 2100


WORDS = st.sampled_from(
    ["In", "2021", ",", "cleared", "1,234", "m²", "ha", "mines", "destroyed", "women", "12",
     "casualties", "US$", "2.5", "million", "€", "deadline", "1 March 2025", "Total", "50%",
     "personnes", "víctimas", "niños", "stockpile", "retained", "remaining", ".", "(", ")"]
)


@settings(max_examples=200)
@given(st.text(max_size=300), st.sampled_from(["en", "fr", "es", "ar", "ru"]))
def test_random_prose_never_raises(text: str, language: str) -> None:
    check(find_indicators(text, language))


@settings(max_examples=200)
@given(st.lists(WORDS, max_size=40), st.sampled_from(["en", "fr", "es"]))
def test_word_salad_gives_only_valid_findings(words: list[str], language: str) -> None:
    check(find_indicators(" ".join(words), language))


@settings(max_examples=150)
@given(
    st.lists(st.lists(st.one_of(WORDS, st.text(max_size=12)), min_size=0, max_size=5),
             max_size=6),
    st.sampled_from(["en", "fr", "es"]),
    st.text(max_size=80),
)
def test_random_tables_never_raise(cells: list[list[str]], language: str, context: str) -> None:
    rows = tuple(tuple(row) for row in cells)
    text = "\n".join(" | ".join(r) for r in rows)
    check(find_indicators(text, language, rows, context=context))


@settings(max_examples=100)
@given(st.lists(WORDS, max_size=40), st.lists(WORDS, max_size=20))
def test_random_context_never_raises(words: list[str], context: list[str]) -> None:
    check(find_indicators(" ".join(words), "en", context=" ".join(context)))


@pytest.mark.parametrize("text", [
    "le 1er décembre de 2021 et 2022",
    "15" + " " * 30 + "march 2021",
    "le 1er   décembre   de   2021",
    "du 24 fevrier au 31 mai 2022",
    "2020-2024 x 12019 2021.5 1999, 20201",
    "x" * 300 + " 3 march 2021 and 4 april 2022",
    "31 de diciembre de 2021",
    "march 2021/2022; since 2019",
    "كانون الثاني / يناير 2021",
])
def test_year_mentions_are_those_of_the_whole_pattern(text: str) -> None:
    from pipelines.extraction.indicator_periods import _MENTION, _mention_matches

    folded = fold_keep_offsets(text)
    assert [m.groupdict() | {"span": m.span()} for m in _mention_matches(folded)] == \
        [m.groupdict() | {"span": m.span()} for m in _MENTION.finditer(folded)]


_DATE_TOKENS = st.sampled_from(["1", "31", "1er", "2021", "1999", "2020-2024", "march", "mai",
                                "diciembre", "de", "del", "au", "since", ",", ".", "/", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_DATE_TOKENS, st.sampled_from([" ", "  ", "    ", "", "\n"])),
                max_size=40))
def test_year_mentions_match_the_whole_pattern_on_any_text(tokens) -> None:
    from pipelines.extraction.indicator_periods import _MENTION, _mention_matches

    folded = "".join(token + space for token, space in tokens)
    assert [m.span() for m in _mention_matches(folded)] == \
        [m.span() for m in _MENTION.finditer(folded)]
