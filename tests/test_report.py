"""The stock-taking report built from the hand-made warehouse, read back in each format."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import docx
import duckdb
import lxml.html
import pypdfium2
import pytest
from warehouse_fixture import build_fixture_warehouse

from pipelines.reporting import build_report
from warehouse.views import create_views

SECTIONS = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_fixture_warehouse(tmp_path_factory.mktemp("wh") / "oap.duckdb", corrections=True)
    with duckdb.connect(str(path)) as con:
        create_views(con)
    return path


@pytest.fixture(scope="module")
def report(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("report")
    return build_report(warehouse, out, run_info={"sources_dir": "../sources", "run_id": "run-7",
                                                  "generated_at": "2022-10-01T09:00:00Z"})


@pytest.fixture(scope="module")
def html(report: dict[str, Path]) -> str:
    return report["html"].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tree(html: str):
    return lxml.html.fromstring(html)


def view(warehouse: Path, sql: str):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).df()


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def table(tree, caption: str) -> list[list[str]]:
    """Rows of the table whose caption contains ``caption``, as cell texts."""
    for found in tree.iter("table"):
        head = found.find("caption")
        if head is not None and caption in text_of(head):
            return [[text_of(c) for c in row] for row in found.iter("tr")]
    raise AssertionError(f"no table captioned {caption!r}")


def test_every_format_is_written(report: dict[str, Path]) -> None:
    assert set(report) == {"html", "pdf", "docx"}
    for path in report.values():
        assert path.name.startswith("stocktaking_report.") and path.stat().st_size > 5_000


def test_html_has_title_page_contents_and_every_section_and_action(html: str, tree) -> None:
    for words in ("Twentieth Meeting of the States Parties", "Geneva, 21-25 November 2022",
                  "Oslo Action Plan: mid-point stock-taking 2020-2022",
                  "APLC/MSP.20/2022/WP.x (draft)", "1 October 2022"):
        assert words in html
    toc = {a.get("href") for a in tree.xpath("//nav[@class='toc']//a")}
    for section in SECTIONS:
        assert tree.get_element_by_id(f"section-{section}") is not None
        assert f"#section-{section}" in toc
        assert tree.get_element_by_id(f"gender-{section}") is not None
    for action in range(1, 51):
        heading = tree.get_element_by_id(f"action-{action}")
        assert text_of(heading).startswith(f"Action {action}.")
    numbers = [int(n.text.rstrip(".")) for n in tree.xpath("//p[@class='para']/span[@class='pn']")]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 50


def test_html_is_self_contained(html: str, tree) -> None:
    assert not re.search(r"""\bsrc\s*=\s*["'](?!data:)""", html)
    assert not re.search(r"""href\s*=\s*["']\s*(https?:|//)""", html)
    assert "<link" not in html and "<script" not in html
    assert len(tree.xpath("/html/head/style")) == 1
    for figure in tree.xpath("//figure"):
        assert figure.xpath(".//figcaption") and figure.xpath(".//svg[@role='img'][@aria-label]")
        assert figure.getnext().get("class").startswith("table-block")  # data beside the chart
    assert len(tree.xpath("//figure")) == 3


def test_every_quote_names_state_file_and_page(tree) -> None:
    quotes = tree.xpath("//blockquote[@class='evidence']")
    assert len(quotes) >= 40
    files = set(view_files())
    for quote in quotes:
        cite = text_of(quote.find("cite"))
        assert re.search(r", p\. \d+", cite), cite
        assert any(name in cite for name in files), cite
    quotes_after: dict[str, int] = {}
    current = None
    for element in tree.xpath("//main")[0]:
        if element.tag in ("h1", "h2", "h3"):
            current = element.get("id") if element.get("id", "").startswith("action-") else None
            if current:
                quotes_after[current] = 0
        elif element.tag == "blockquote" and current:
            quotes_after[current] += 1
    assert len(quotes_after) == 50 and max(quotes_after.values()) == 3
    assert quotes_after["action-21"] == 3 and quotes_after["action-1"] == 0
    links = tree.xpath("//blockquote[@class='evidence']//cite/a/@href")
    assert links and all(link.startswith("../sources/IM202") for link in links)


def view_files() -> list[str]:
    from warehouse_fixture import DOCUMENTS

    return [d[0] for d in DOCUMENTS if d[4] != "withdrawn"]


def test_headline_figures_equal_the_warehouse(warehouse: Path, tree) -> None:
    expected = view(warehouse, "SELECT * FROM v_headline_figures WHERE basis <> 'count'")
    rows = {r[0]: r for r in table(tree, "Headline figures")[1:]}
    assert len(rows) == len(expected)
    for row in expected.itertuples():
        value = f"{int(row.value):,}"
        assert value in rows[row.label][1], (row.label, rows[row.label])
        assert rows[row.label][2] == str(row.states)


def test_committee_figures_equal_the_warehouse(warehouse: Path, tree, html: str) -> None:
    land = view(warehouse, "SELECT * FROM v_article5_land_release WHERE cleared_m2 IS NOT NULL")
    rows = table(tree, "Land release reported by States")
    printed = {(r[0], r[1]): r for r in rows[1:]}
    for row in land.itertuples():
        assert printed[(row.state_name, str(row.year))][4] == f"{int(row.cleared_m2):,}"
    assert "99,999,999" not in html  # the withdrawn draft
    va = view(warehouse, "SELECT * FROM v_victim_assistance WHERE total IS NOT NULL")
    rows = table(tree, "Victim assistance: casualties")
    assert sorted(r[3] for r in rows[1:] if r[3]) == sorted(f"{int(v):,}" for v in va.total)


def test_coverage_matrix_shows_gaps_and_greys_out_not_applicable(warehouse: Path, tree) -> None:
    matrix = view(warehouse, "SELECT coverage, count(*) AS n FROM v_coverage_matrix GROUP BY ALL")
    counts = dict(zip(matrix.coverage, matrix.n))
    cells = tree.xpath("//table[contains(@class, 'matrix')]//td")
    assert sum(c.get("class") == "na" for c in cells) == counts["not applicable"]
    assert sum(c.get("class") == "reported" for c in cells) == counts["reported"]
    assert sum(c.get("class") == "silent" for c in cells) == counts["silent"]
    norway = next(r for r in table(tree, "Coverage matrix, sections V-VI") if r and r[0] == "Norway")
    assert set(norway[1:-2]) == {"–"}


def test_method_annexes_and_gender(tree, html: str) -> None:
    quarantine = table(tree, "Files not read")
    assert {r[0] for r in quarantine[1:]} == {"scan_illegible.pdf", "update_2022.doc", "protected_update.pdf"}
    corrections = table(tree, "Analysts' corrections")
    assert [r[-2] for r in corrections[1:]] == ["Attributed from the cover e-mail",
                                                 "Checked against the annex"]
    assert "0 action mentions and 1 figure are as confirmed" in html
    assert "Afghanistan" in text_of(tree.get_element_by_id("annex-silent").getparent())
    index = table(tree, "Updates read")
    assert len(index) == 1 + 12
    sections = {row[1]: row[5] for row in index[1:]}  # three sections or more in a row: a range
    assert sections["colombia_im2021_oap.pdf"] == "II, V-IX"
    assert sections["cambodia_im2021_update.pdf"] == "V-VII"
    assert sections["colombia_im2022_article5.pdf"] == "V, VI"
    assert sections["norway_im2022_cooperation.pdf"] == "II, III, VIII, IX"
    hashes = table(tree, "Input files")
    assert all(re.fullmatch(r"[0-9a-f]{64}", r[1]) for r in hashes[1:])
    assert "run-7" in html and "0.1.0+def5678" in html
    gender = text_of(tree.get_element_by_id("gender-VII").getnext())
    assert "3 of the 3 States" in gender and "Cambodia, Colombia, Peru" in gender
    assert tree.get_element_by_id("change") is not None


def test_the_latest_runs_are_listed_and_the_earlier_ones_counted(
    warehouse: Path, tmp_path: Path
) -> None:
    import shutil

    copy = tmp_path / "oap.duckdb"
    shutil.copy(warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        for day in range(1, 12):  # 13 runs in all, the fixture's two before these
            con.execute("INSERT INTO runs VALUES (?, ?, '0.1.0+0aa0000', 'sources', 12, 3)",
                        [f"run-2022-10-{day:02d}", f"2022-10-{day:02d} 08:00:00"])
    html = build_report(copy, tmp_path / "out", formats=("html",))["html"].read_text()
    tree = lxml.html.fromstring(html)
    runs = table(tree, "Pipeline runs that wrote the warehouse, the latest")
    assert [r[0] for r in runs[1:]] == [f"run-2022-10-{day:02d}" for day in range(2, 12)]
    assert "3 earlier runs were not listed: the view v_runs lists them all." in html


def test_docx_has_the_same_headings(report: dict[str, Path], tree) -> None:
    document = docx.Document(str(report["docx"]))
    headings = [(p.style.name, p.text.replace("\t", " ")) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    html_headings = [" ".join(text_of(h).split()) for h in tree.xpath("//main//h1|//main//h2|//main//h3")]
    assert [" ".join(text.split()) for _, text in headings] == html_headings
    level2 = [text for style, text in headings if style == "Heading 2"]
    for section in SECTIONS:
        assert any(f"Section {section}:" in text for text in level2)
    assert sum(style == "Heading 3" and text.startswith("Action ") for style, text in headings) == 50
    assert len(document.inline_shapes) == 3
    assert len(document.tables) == len(tree.xpath("//main//table")) + 1  # + title masthead


def test_pdf_has_pages(report: dict[str, Path]) -> None:
    pdf = pypdfium2.PdfDocument(str(report["pdf"]))
    try:
        assert len(pdf) > 10
        first = pdf[0].get_textpage().get_text_range()
        assert "Twentieth Meeting of the States Parties" in first
    finally:
        pdf.close()


def test_beyond_a_number_of_files_print_lists_them_by_state_and_the_html_one_by_one(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An archive of thousands of files would fill a hundred printed pages with file names."""
    from pipelines.reporting import annexes

    monkeypatch.setattr(annexes, "FILES_LISTED_IN_PRINT", 11)  # the fixture has 12
    written = build_report(warehouse, tmp_path / "out")
    tree = lxml.html.fromstring(written["html"].read_text(encoding="utf-8"))
    index, hashes = table(tree, "Updates read"), table(tree, "Input files")
    assert len(index) == len(hashes) == 1 + 12
    states = view(warehouse, "SELECT coalesce(state_name, 'not identified') AS state, "
                             "count(*) AS files, sum(pages) AS pages FROM v_publication_index "
                             "GROUP BY state_name ORDER BY state_name NULLS LAST")
    assert 1 < len(states) < 12

    document = docx.Document(str(written["docx"]))
    tables = {tuple(c.text for c in t.rows[0].cells): t for t in document.tables}
    by_state = tables["State", "Files", "Pages", "Languages", "Meetings", "Figures",
                      "Needing review"]
    rows = [[c.text for c in row.cells] for row in by_state.rows[1:]]
    assert [(r[0], int(r[1]), int(r[2])) for r in rows] == list(
        states[["state", "files", "pages"]].itertuples(index=False, name=None))
    assert ("State", "Files", "Bytes", "First loaded (UTC)", "Last loaded (UTC)") in tables
    assert not any(header[:2] == ("File", "SHA-256") for header in tables)
    assert len(document.tables) == len(tree.xpath("//main//table")) + 1  # one for one
    printed = next(p.text for p in document.paragraphs if p.text.endswith("Updates read, by State"))
    shown = next(text_of(c) for c in tree.iter("caption") if text_of(c).endswith("Updates read"))
    assert printed.split(".")[0] == shown.split(".")[0]  # the same table number
    words = "\n".join(p.text for p in document.paragraphs)
    assert "The 12 files are listed one by one" in words
    assert "the updates of each State in the PDF and Word" in words

    pdf = pypdfium2.PdfDocument(str(written["pdf"]))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    assert "Updates read, by State" in text and "Input files, by State" in text
    assert not any(row[1][:12] in text for row in hashes[1:])


def test_report_reads_a_warehouse_without_views_and_leaves_it_untouched(tmp_path: Path) -> None:
    path = build_fixture_warehouse(tmp_path / "bare.duckdb")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    written = build_report(path, tmp_path / "out", formats=("html",))
    assert set(written) == {"html"}
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert 'id="section-IX"' in written["html"].read_text(encoding="utf-8")


def test_single_meeting_has_no_change_chapter(tmp_path: Path) -> None:
    path = build_fixture_warehouse(tmp_path / "one.duckdb")
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE documents SET status = 'withdrawn' WHERE meeting_id = 'IM2021'")
        con.execute("UPDATE oap_actions SET text = 'States Parties will work in partnership.', "
                    "text_status = 'verified' WHERE action_no = 6")
        create_views(con)
    written = build_report(path, tmp_path / "out", formats=("html", "docx"))
    html = written["html"].read_text(encoding="utf-8")
    assert 'id="change"' not in html and 'id="deadlines"' in html
    assert 'class="plain action-text">States Parties will work in partnership.' in html
    texts = [p.text for p in docx.Document(str(written["docx"])).paragraphs]
    assert "States Parties will work in partnership." in texts


def test_a_warehouse_without_updates_gives_a_report_that_says_so(tmp_path: Path) -> None:
    """The first run on an empty folder, or on files that all failed, still writes the report."""
    path = build_fixture_warehouse(tmp_path / "empty.duckdb")
    with duckdb.connect(str(path)) as con:
        for name in ("indicator_values", "action_progress", "passages", "documents"):
            con.execute(f"DELETE FROM {name}")
        quarantined = con.execute("SELECT count(*) FROM quarantine").fetchone()[0]
        create_views(con)
    written = build_report(path, tmp_path / "out")
    assert set(written) == {"html", "pdf", "docx"}
    tree = lxml.html.fromstring(written["html"].read_text(encoding="utf-8"))
    summary = text_of(tree.get_element_by_id("summary").getparent())
    assert "No written update has been loaded yet" in summary
    assert quarantined and f"{quarantined} files could not be read; chapter II lists" in summary
    assert "for the ," not in summary
    assert not [t for t in tree.iter("caption") if "Coverage matrix" in text_of(t)]
    assert "the matrix has no row" in text_of(tree)


def test_links_to_sources_stay_relative(warehouse: Path, tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    written = build_report(warehouse, tmp_path / "reports" / "2022", formats=("html",),
                           run_info={"sources_dir": str(sources)})
    tree = lxml.html.fromstring(written["html"].read_text(encoding="utf-8"))
    links = tree.xpath("//table//a/@href")
    assert "../../sources/IM2022/peru_im2022_actualizacion.pdf" in links
    assert not any(link.startswith("/") for link in links)


def test_unknown_format_is_refused(warehouse: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown report formats"):
        build_report(warehouse, tmp_path, formats=("odt",))


def test_an_html_only_report_is_the_same_page_without_drawing_png(
    warehouse: Path, html: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drawn here rather than by the worker, so that this process sees what is saved; the
    page is the same as the fixture's, whose charts the worker drew."""
    from contextlib import nullcontext

    from matplotlib.figure import Figure

    from pipelines.reporting import worker

    formats: list[str] = []
    save = Figure.savefig
    monkeypatch.setattr(Figure, "savefig", lambda self, *a, **k: (
        formats.append(k.get("format")), save(self, *a, **k))[1])
    monkeypatch.setattr(worker, "forked_worker", lambda: nullcontext(worker.run_here))
    only = build_report(warehouse, tmp_path, formats=("html",), run_info={
        "sources_dir": "../sources", "run_id": "run-7", "generated_at": "2022-10-01T09:00:00Z"})
    assert only["html"].read_text(encoding="utf-8") == html
    assert formats == ["svg"] * 3


def _failing_chart(*_, png: bool) -> tuple[str, bytes]:
    raise ValueError("no data to draw")


def _process_chart(*_, png: bool) -> tuple[str, bytes]:
    return str(os.getpid()), b""


def test_charts_drawn_by_the_worker_are_those_drawn_here_and_their_errors_come_back() -> None:
    import pandas as pd

    from pipelines.reporting import charts, worker

    land = pd.DataFrame({"state_name": ["Angola", "Chad"], "cancelled_m2": [1e6, None],
                         "reduced_m2": [2e6, 5e5], "cleared_m2": [3e6, 1e5]})
    here = charts.draw_here(charts.land_release, land, png=True)
    with worker.forked_worker() as submit:
        draw = charts.drawer(submit)
        there = draw(charts.land_release, land, png=True)
        failed = draw(_failing_chart, png=False)
        process = draw(_process_chart, png=False)
    assert process.svg != str(os.getpid())  # drawn by another process
    assert there.svg == here.svg and there.svg.startswith("<svg")
    assert there.png == here.png and there.png.startswith(b"\x89PNG")
    with pytest.raises(ValueError, match="no data to draw"):
        _ = failed.svg


def _chart_dies_in_a_worker(parent: int, *, png: bool) -> tuple[str, bytes]:
    if os.getpid() != parent:
        os._exit(9)  # as the kernel ends a process that ran out of memory
    return "<svg>drawn here</svg>", b""


def test_charts_whose_worker_died_are_drawn_here() -> None:
    from pipelines.reporting import charts, worker

    with worker.forked_worker() as submit:
        draw = charts.drawer(submit)
        killed = draw(_chart_dies_in_a_worker, os.getpid(), png=False)
        queued = draw(_process_chart, png=False)  # handed over before the worker died
        assert killed.svg == "<svg>drawn here</svg>"
        assert queued.svg == str(os.getpid())
        later = draw(_process_chart, png=False)  # the worker is gone: drawn here at once
        assert later.svg == str(os.getpid())


def _pdf_by_pid(html: str, path: Path, base_url: Path) -> Path:
    path.write_text(str(os.getpid()))
    return path


def _pdf_fails(html: str, path: Path, base_url: Path) -> Path:
    raise RuntimeError("the PDF renderer ran out of fonts")


def _pdf_killed(html: str, path: Path, base_url: Path) -> Path:
    os._exit(9)  # as the kernel ends a process that ran out of memory


def test_the_pdf_is_set_by_the_worker_while_the_word_document_is_written_here(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipelines.reporting import pdf

    monkeypatch.setattr(pdf, "write_pdf", _pdf_by_pid)
    written = build_report(warehouse, tmp_path / "out", formats=("pdf", "docx"))
    assert written["pdf"].read_text() != str(os.getpid())
    assert docx.Document(str(written["docx"])).paragraphs
    monkeypatch.setattr(pdf, "write_pdf", _pdf_fails)
    with pytest.raises(RuntimeError, match="ran out of fonts"):
        build_report(warehouse, tmp_path / "failed", formats=("pdf", "docx"))
    monkeypatch.setattr(pdf, "write_pdf", _pdf_killed)
    with pytest.raises(RuntimeError, match=r"stocktaking_report\.pdf: the process setting the "
                                           r"PDF ended before it was done"):
        build_report(warehouse, tmp_path / "killed", formats=("pdf", "docx"))
    assert docx.Document(str(tmp_path / "killed" / "stocktaking_report.docx")).paragraphs


def test_the_hatching_of_a_chart_stays_light_for_the_pdf_renderer() -> None:
    """A hatch of dots is drawn as hundreds of curves in every tile of the SVG pattern, which
    WeasyPrint then paints tile by tile (seconds for one chart); hatches of lines are short."""
    import pandas as pd

    from pipelines.reporting import charts

    states = [f"State {n}" for n in range(20)]
    land = pd.DataFrame({"state_name": states, "cancelled_m2": [1e6] * 20,
                         "reduced_m2": [2e6] * 20, "cleared_m2": [3e6] * 20})
    svg, _ = charts.land_release(land, png=False)
    patterns = re.findall(r"<pattern.*?</pattern>", svg, flags=re.DOTALL)
    assert len(patterns) == 2  # the two hatched series
    assert max(len(p) for p in patterns) < 5_000
    assert len(svg) < 60_000


def test_views_read_through_shared_tables_are_the_views_themselves(warehouse: Path) -> None:
    from pipelines.reporting.queries import SHARED_VIEWS, load_views

    def frames(share: bool):
        with duckdb.connect(str(warehouse), read_only=True) as con:
            loaded = load_views(con, share=share)
            temporary = {name for (name,) in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()}
        return loaded, temporary

    shared, temporary = frames(True)
    plain, none = frames(False)
    assert temporary == set(SHARED_VIEWS) and not none
    assert shared.keys() == plain.keys()
    for name in plain:
        columns = list(plain[name].columns)
        left = shared[name].sort_values(columns, ignore_index=True)
        right = plain[name].sort_values(columns, ignore_index=True)
        assert left.equals(right), name


def test_shared_views_of_a_stale_warehouse_are_the_current_ones(tmp_path: Path) -> None:
    """A file whose views are out of date is read through current views made in memory; the
    shared tables must be filled from those, not from the file's stale views of the same name."""
    from pipelines.reporting.queries import load_views, open_warehouse

    path = build_fixture_warehouse(tmp_path / "stale.duckdb")
    with duckdb.connect(str(path)) as con:
        create_views(con)
        current = con.execute("SELECT count(*) FROM v_documents").fetchone()[0]
        # an out-of-date v_documents (no rows, and not the SQL this code writes)
        con.execute("ALTER VIEW v_documents RENAME TO v_documents_current")
        con.execute("CREATE VIEW v_documents AS SELECT * FROM v_documents_current WHERE false")
    assert current > 0
    with open_warehouse(path) as con:
        frames = load_views(con)
    assert len(frames["v_documents"]) == current


def test_the_report_reads_only_the_passages_it_quotes_and_counts_them_all(warehouse: Path) -> None:
    from pipelines.reporting.queries import QUOTES_PER_ACTION, load_views

    with duckdb.connect(str(warehouse), read_only=True) as con:
        frames = load_views(con)
        every = con.execute("SELECT * FROM v_evidence").df()
    quoted = frames["v_evidence"]
    assert len(quoted) < len(every)
    assert ((quoted.quote_rank <= QUOTES_PER_ACTION) | (quoted.state_rank == 1)).all()
    wanted = every[(every.quote_rank <= QUOTES_PER_ACTION) | (every.state_rank == 1)]
    assert len(quoted) == len(wanted)
    counts = frames["evidence_counts"].iloc[0]
    assert counts.passages == len(every)
    assert counts.explicit == (every.method == "explicit").sum()
    assert counts.reviewed == every.reviewed_by.notna().sum()


def test_counts_in_sentences_have_thousands_separators() -> None:
    from pipelines.reporting.format import plural

    assert plural(3161, "input file") == "3,161 input files"
    assert plural(1, "State Party", "States Parties") == "1 State Party"
