"""A small, realistic warehouse for the view and report tests.

Reference tables come from the seeds through warehouse.reference; documents, passages, action mappings and figures are
written by hand for eight States and two meetings, with the traps the views must handle: the same
figure in two updates of one meeting, a figure revised at the next meeting, a withdrawn draft, a
document whose State is unknown, and sex- and age-disaggregated figures.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.extraction.model import INDICATOR_UNITS
from schemas.registry import TABLES
from warehouse import reference
from warehouse.ddl import statements

LOADED_AT = pd.Timestamp("2022-09-01 08:00:00")

# (file, State, language, meeting, status, pages, review_reason, passages)
# passage: (page, text, [(action, "e"xplicit/"i"nferred, status)], [(indicator, value, year, disaggregation)])
DOCUMENTS = [
    ("colombia_im2021_oap.pdf", "COL", "es", "IM2021", "loaded", 5, None, [
        (1, "Acción 2: Colombia adoptó la Estrategia Nacional de Acción Integral contra Minas Antipersonal 2020-2025.", [(2, "e", "completed")], []),
        (2, "En 2020 se despejaron 2.345.678 metros cuadrados (Acción 21) y se cancelaron 1.200.000 metros cuadrados mediante estudio no técnico.", [(21, "e", "progress")], [("area_cleared_m2", 2345678, 2020, None), ("area_cancelled_m2", 1200000, 2020, None)]),
        (2, "Al 31 de diciembre de 2020 quedaban 4.500.000 metros cuadrados por liberar.", [(18, "i", "progress")], [("area_remaining_m2", 4500000, 2020, None)]),
        (3, "En 2020 se registraron 167 víctimas de minas antipersonal: 14 mujeres, 120 hombres, 11 niñas y 22 niños.", [(36, "i", "progress")], [("casualties", 167, 2020, None), ("casualties", 14, 2020, "women"), ("casualties", 120, 2020, "men"), ("casualties", 11, 2020, "girls"), ("casualties", 22, 2020, "boys")]),
        (4, "Colombia requiere cooperación internacional para atender los municipios priorizados (Acción 42).", [(42, "e", "request for assistance")], []),
        (4, "Se presentó el informe del Artículo 7 antes del 30 de abril de 2021 (Acción 49).", [(49, "e", "completed")], []),
        (5, "Se realizaron actividades de educación en el riesgo de minas con 45.000 beneficiarios en 2020.", [(29, "i", "progress")], [("eore_beneficiaries", 45000, 2020, None)]),
    ]),
    ("colombia_im2022_article5.pdf", "COL", "es", "IM2022", "loaded", 5, None, [
        (1, "Acción 21: en 2021 Colombia despejó 2.900.000 metros cuadrados y redujo 650.000 metros cuadrados mediante estudio técnico.", [(21, "e", "progress")], [("area_cleared_m2", 2900000, 2021, None), ("area_reduced_m2", 650000, 2021, None)]),
        (2, "Se cancelaron 1.500.000 metros cuadrados en 2021 tras estudio no técnico.", [(18, "i", "progress")], [("area_cancelled_m2", 1500000, 2021, None)]),
        (2, "Quedan 3.100.000 metros cuadrados por intervenir al cierre de 2021; el plazo del Artículo 5 vence el 31 de diciembre de 2025.", [(20, "i", "plan")], [("area_remaining_m2", 3100000, 2021, None), ("article5_deadline", 2025, None, None)]),
        (3, "La presencia de artefactos explosivos de carácter improvisado sigue siendo un desafío para la liberación de tierras (Acción 25).", [(25, "e", "challenge")], []),
        (4, "Acción 28: 61.200 personas recibieron educación en el riesgo de minas en 2021: 18.500 mujeres, 12.300 hombres, 15.900 niñas y 14.500 niños.", [(28, "e", "progress")], [("eore_beneficiaries", 61200, 2021, None), ("eore_beneficiaries", 18500, 2021, "women"), ("eore_beneficiaries", 12300, 2021, "men"), ("eore_beneficiaries", 15900, 2021, "girls"), ("eore_beneficiaries", 14500, 2021, "boys")]),
        (5, "Acción 23: Colombia prevé presentar una solicitud de prórroga en 2025 si fuera necesario.", [(23, "e", "plan")], []),
    ]),
    ("colombia_im2022_asistencia_victimas.docx", "COL", "es", "IM2022", "loaded", 3, None, [
        (1, "Acción 33: la Unidad para las Víctimas coordina la asistencia integral a las víctimas de minas.", [(33, "e", "progress")], []),
        (2, "En 2021 se registraron 172 víctimas, de ellas 9 mujeres y 163 hombres; en 2021 se despejaron 2.850.000 metros cuadrados.", [(36, "i", "progress")], [("casualties", 172, 2021, None), ("casualties", 9, 2021, "women"), ("casualties", 163, 2021, "men"), ("area_cleared_m2", 2850000, 2021, None)]),
        (3, "Acción 38: 1.245 sobrevivientes recibieron rehabilitación física en 2021.", [(38, "e", "progress")], [("survivors_assisted", 1245, 2021, None)]),
        (3, "La falta de recursos limita la inclusión económica de los sobrevivientes (Acción 40).", [(40, "e", "challenge")], []),
    ]),
    ("colombia_im2022_draft.pdf", "COL", "es", "IM2022", "withdrawn", 2, None, [
        (1, "Borrador: en 2021 se despejaron 99.999.999 metros cuadrados (Acción 21).", [(21, "e", "progress")], [("area_cleared_m2", 99999999, 2021, None)]),
    ]),
    ("cambodia_im2021_update.pdf", "KHM", "en", "IM2021", "loaded", 3, None, [
        (1, "Action 21: in 2020 Cambodia cleared 30,100,000 square metres, reduced 8,400,000 by technical survey and cancelled 3,500,000.", [(21, "e", "progress")], [("area_cleared_m2", 30100000, 2020, None), ("area_reduced_m2", 8400000, 2020, None), ("area_cancelled_m2", 3500000, 2020, None)]),
        (2, "Remaining contamination at the end of 2020 was 810,000,000 square metres; there were 65 mine casualties in 2020.", [(18, "i", "progress"), (36, "i", "progress")], [("area_remaining_m2", 810000000, 2020, None), ("casualties", 65, 2020, None)]),
        (3, "Action 31: the Cambodian Mine Action and Victim Assistance Authority maintains a national EORE capacity; 310,000 people were reached in 2020.", [(31, "e", "progress")], [("eore_beneficiaries", 310000, 2020, None)]),
    ]),
    ("cambodia_im2022_update.pdf", "KHM", "en", "IM2022", "loaded", 4, None, [
        (1, "Action 21: in 2021 Cambodia cleared 45,200,000 square metres, reduced 9,100,000 and cancelled 4,800,000.", [(21, "e", "progress")], [("area_cleared_m2", 45200000, 2021, None), ("area_reduced_m2", 9100000, 2021, None), ("area_cancelled_m2", 4800000, 2021, None)]),
        (1, "Year | Cleared (m²) | Reduced (m²)\n2020 | 30,500,000 | 8,400,000", [(20, "i", "progress")], [("area_cleared_m2", 30500000, 2020, None), ("area_reduced_m2", 8400000, 2020, None)]),
        (2, "Remaining contamination at the end of 2021 was 772,000,000 square metres. Action 27: previously unknown mined areas were found in 2021 and added to the database.", [(27, "e", "progress")], [("area_remaining_m2", 772000000, 2021, None)]),
        (3, "In 2021 there were 44 casualties: 2 women, 30 men, 3 girls and 9 boys. Action 34: the National Disability Strategic Plan includes mine survivors.", [(34, "e", "progress")], [("casualties", 44, 2021, None), ("casualties", 2, 2021, "women"), ("casualties", 30, 2021, "men"), ("casualties", 3, 2021, "girls"), ("casualties", 9, 2021, "boys")]),
        (4, "Action 44: Cambodia hosted its national mine action platform in 2021, with gender focal points from all operators.", [(44, "e", "completed")], []),
        (4, "Action 29: EORE reached 285,400 people in 2021, of whom 101,000 children.", [(29, "e", "progress")], [("eore_beneficiaries", 285400, 2021, None), ("eore_beneficiaries", 101000, 2021, "children")]),
    ]),
    ("ukraine_im2022_update.pdf", "UKR", "en", "IM2022", "loaded", 3, None, [
        (1, "Action 12: in 2021 Ukraine destroyed 405,000 stockpiled anti-personnel mines of type PFM-1; 3.3 million remain to be destroyed.", [(12, "e", "progress")], [("stockpiled_mines_destroyed", 405000, 2021, None)]),
        (1, "Technical difficulties and the lack of funding delay the destruction of PFM-series mines (Action 12).", [(12, "e", "challenge")], []),
        (2, "Action 23: Ukraine's Article 5 deadline is 1 December 2023; an extension request will be submitted.", [(23, "e", "plan")], [("article5_deadline", 2023, None, None)]),
        (2, "Ukraine requests international assistance for humanitarian demining (Action 42).", [(42, "e", "request for assistance")], []),
        (3, "Action 15: Ukraine retains 1,950 anti-personnel mines for training, as permitted by Article 3.", [(15, "e", "progress")], [("mines_retained", 1950, 2021, None)]),
        (3, "Action 50: the law on mine action was amended to strengthen national implementation measures under Article 9.", [(50, "e", "progress")], []),
    ]),
    ("senegal_im2022_mise_a_jour.docx", "SEN", "fr", "IM2022", "loaded", 3, None, [
        (1, "Action 21 : en 2021, le Sénégal a dépollué 235 000 mètres carrés et annulé 15 000 mètres carrés.", [(21, "e", "progress")], [("area_cleared_m2", 235000, 2021, None), ("area_cancelled_m2", 15000, 2021, None)]),
        (1, "Superficie restante au 31 décembre 2021 : 1 020 000 mètres carrés.", [(18, "i", "progress")], [("area_remaining_m2", 1020000, 2021, None)]),
        (2, "Action 23 : le délai au titre de l'article 5 est fixé au 1er mars 2026.", [(23, "e", "plan")], [("article5_deadline", 2026, None, None)]),
        (2, "Action 30 : 12 500 personnes ont bénéficié de l'éducation aux risques des mines en 2021, dont 6 100 femmes et 6 400 hommes.", [(30, "e", "progress")], [("eore_beneficiaries", 12500, 2021, None), ("eore_beneficiaries", 6100, 2021, "women"), ("eore_beneficiaries", 6400, 2021, "men")]),
        (3, "La Casamance connaît des difficultés d'accès dues à l'insécurité (action 20).", [(20, "e", "challenge")], []),
        (3, "Action 49 : le rapport au titre de l'article 7 a été soumis le 30 avril 2022.", [(49, "e", "completed")], []),
    ]),
    ("peru_im2022_actualizacion.pdf", "PER", "es", "IM2022", "loaded", 2, None, [
        (1, "Acción 21: en 2021 el Perú despejó 31.600 metros cuadrados en la frontera con el Ecuador.", [(21, "e", "progress")], [("area_cleared_m2", 31600, 2021, None)]),
        (1, "Acción 20: el Perú prevé culminar sus obligaciones del Artículo 5 antes del 31 de diciembre de 2024.", [(20, "e", "plan")], [("article5_deadline", 2024, None, None)]),
        (2, "Acción 35: el Perú brinda atención integral a 412 sobrevivientes, 380 hombres y 32 mujeres.", [(35, "e", "progress")], [("survivors_assisted", 412, None, None), ("survivors_assisted", 380, None, "men"), ("survivors_assisted", 32, None, "women")]),
        (2, "Acción 10: el Perú promovió la adhesión a la Convención en la región.", [(10, "e", "progress")], []),
    ]),
    ("norway_im2022_cooperation.pdf", "NOR", "en", "IM2022", "loaded", 2, None, [
        (1, "Action 43: in 2021 Norway provided USD 55,300,000 for mine action in 21 countries.", [(43, "e", "progress")], [("funding_usd", 55300000, 2021, None)]),
        (1, "Action 3: Norway requires its partners to integrate gender and diversity in all programmes.", [(3, "e", "progress")], []),
        (2, "Action 11: Norway condemned any use of anti-personnel mines by any actor.", [(11, "e", "progress")], []),
        (2, "Action 49: Norway submitted its Article 7 report on 30 April 2022.", [(49, "e", "completed")], []),
    ]),
    ("france_im2022_contribution.pdf", "FRA", "fr", "IM2022", "loaded", 2, None, [
        (1, "Action 43 : en 2021, la France a consacré 9 800 000 euros à l'action contre les mines.", [(43, "e", "progress")], [("funding_eur", 9800000, 2021, None)]),
        (1, "Action 15 : la France conserve 3 918 mines antipersonnel pour la formation, au titre de l'article 3.", [(15, "e", "progress")], [("mines_retained", 3918, 2021, None)]),
        (2, "Action 50 : la loi n° 98-564 prévoit les mesures nationales d'application au titre de l'article 9.", [(50, "e", "completed")], []),
        (2, "Action 10 : la France encourage l'universalisation de la Convention.", [(10, "e", "progress")], []),
    ]),
    ("greece_im2021_update.pdf", "GRC", "en", "IM2021", "needs_review", 1, "State read from the file name only; no letterhead", [
        (1, "In 2020 Greece destroyed 140,000 stockpiled anti-personnel mines; the destruction of the remaining stock is delayed (Action 12).", [(12, "e", "challenge")], [("stockpiled_mines_destroyed", 140000, 2020, None)]),
        (1, "Action 49: Greece submitted its Article 7 report.", [(49, "e", "completed")], []),
    ]),
    ("untitled_update.pdf", None, "en", "IM2022", "needs_review", 1, "State not identifiable", [
        (1, "Action 21: 12,000 square metres were cleared in 2021.", [(21, "e", "progress")], [("area_cleared_m2", 12000, 2021, None)]),
    ]),
]

QUARANTINE = [
    ("scan_illegible.pdf", True, "scan_illegible.pdf: no text layer, and OCR found no readable text on any page", "read"),
    ("update_2022.doc", False, "update_2022.doc: Word 97-2003 format is not supported; save it as .docx", "discover"),
    ("protected_update.pdf", True, "protected_update.pdf: the PDF is encrypted with a password", "read"),
]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def reference_frames() -> dict[str, pd.DataFrame]:
    """The reference tables as the pipeline loads them from the seeds."""
    return reference.load_all()


def fact_frames() -> dict[str, pd.DataFrame]:
    """Documents, passages, action mappings, figures, quarantine and runs written by hand."""
    documents, passages, progress, figures = [], [], [], []
    for file_name, iso3, language, meeting, status, pages, reason, items in DOCUMENTS:
        sha = _sha(file_name)
        doc_id = sha[:16]
        documents.append({
            "document_id": doc_id, "file_name": file_name, "format": file_name.rsplit(".", 1)[1],
            "sha256": sha, "size_bytes": 20_000 + 1_000 * pages, "state_iso3": iso3,
            "state_method": "letterhead" if iso3 else None, "state_confidence": 0.9 if iso3 else 0.0,
            "language": language, "pages": pages, "ocr_pages": 0, "status": status,
            "review_reason": reason, "meeting_id": meeting, "title": "Oslo Action Plan update",
            "source_path": f"{meeting}/{file_name}", "read_notes": None,
            "read_version": "readers-1", "extract_version": "rules-1", "loaded_at": LOADED_AT})
        for passage_no, (page, text, actions, values) in enumerate(items, start=1):
            passages.append({"document_id": doc_id, "passage_no": passage_no, "page": page,
                             "kind": "table" if " | " in text else "paragraph",
                             "heading_path": "", "text": text, "ocr": False})
            for action_no, method, progress_status in actions:
                progress.append({
                    "document_id": doc_id, "state_iso3": iso3, "action_no": action_no,
                    "page": page, "passage_no": passage_no, "evidence": text,
                    "method": "explicit" if method == "e" else "inferred",
                    "confidence": 0.95 if method == "e" else 0.6, "status": progress_status,
                    "ocr": False, "reviewed_by": None})
            for indicator, value, year, breakdown in values:
                figures.append({
                    "fact_id": _sha(f"{doc_id}|{indicator}|{year}|{breakdown}|{value}|{page}")[:16],
                    "document_id": doc_id, "state_iso3": iso3, "indicator": indicator,
                    "value": float(value), "unit": INDICATOR_UNITS[indicator], "year": year,
                    "disaggregation": breakdown, "page": page, "passage_no": passage_no,
                    "evidence": text, "ocr": False, "reviewed_by": None})
    quarantine = pd.DataFrame([
        {"file_name": name, "sha256": _sha(name) if readable else None, "reason": reason,
         "stage": stage, "detected_at": LOADED_AT} for name, readable, reason, stage in QUARANTINE])
    runs = pd.DataFrame([
        {"run_id": "run-2022-06-01", "started_at": pd.Timestamp("2022-06-01 07:00"),
         "code_version": "0.1.0+abc1234", "sources_dir": "sources", "documents": 6, "quarantined": 2},
        {"run_id": "run-2022-09-01", "started_at": LOADED_AT, "code_version": "0.1.0+def5678",
         "sources_dir": "sources", "documents": len(documents), "quarantined": len(QUARANTINE)}])
    frame = pd.DataFrame
    return {"documents": frame(documents), "passages": frame(passages),
            "action_progress": frame(progress), "indicator_values": frame(figures).astype({"year": "Int64"}),
            "quarantine": quarantine, "runs": runs}


def build_fixture_warehouse(path: Path, *, corrections: bool = False) -> Path:
    """Create the warehouse at ``path`` with reference and hand-made rows, and return the path.

    With ``corrections``, also fill the ``corrections`` table with two analysts' corrections
    (and mark the confirmed figure as reviewed).
    """
    path = Path(path)
    frames = reference_frames() | fact_frames()
    with duckdb.connect(str(path)) as con:
        for statement in statements():
            con.execute(statement)
        for table in TABLES:
            frame = frames.get(table.name)
            if frame is None:
                continue
            columns = table.columns
            con.register("incoming", frame[columns])
            con.execute(f"INSERT INTO {table.name} ({', '.join(columns)}) "
                        f"SELECT {', '.join(columns)} FROM incoming")
            con.unregister("incoming")
        if corrections:
            _add_corrections(con)
    return path


def _add_corrections(con: duckdb.DuckDBPyConnection) -> None:
    """Two analysts' corrections: the State of a document set, and a figure confirmed."""
    greece = _sha("greece_im2021_update.pdf")[:16]
    cambodia = _sha("cambodia_im2022_update.pdf")[:16]
    fact = con.execute("SELECT fact_id FROM indicator_values WHERE document_id = ? AND "
                       "indicator = 'area_cleared_m2' AND year = 2021", [cambodia]).fetchone()[0]
    rows = [("c1", 2, greece, "document", "set", None, "GRC", "ISU", "Attributed from the cover e-mail",
             True, "State set to GRC"),
            ("c2", 3, cambodia, "figure", "confirm", fact, None, "ISU", "Checked against the annex",
             True, "figure confirmed")]
    columns = ("correction_id, line, document_id, target, operation, key, new_value, analyst, "
               "reason, applied, outcome")
    con.executemany(f"INSERT INTO corrections ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows)
    con.execute("UPDATE indicator_values SET reviewed_by = 'ISU' WHERE fact_id = ?", [fact])
