"""The scorecard as it is handed over: the PDF printed by Chromium and the workbook printed by LibreOffice, their
first pages rendered to images and read back (text layer for titles, pixels for the RAG colours), over the
hand-made warehouse of test_scorecard_report. The rendered pages are kept under the test's folder."""

from __future__ import annotations

import re
import zipfile
from datetime import date

import duckdb
import pandas as pd
import pytest
from rendering import page_image, page_text, pdf_info, workbook_pdf
from test_scorecard_report import MONTH, make_warehouse

from orchestration.scorecard.report import write_scorecard

RAG_COLOURS = {"green": (0x00, 0x9E, 0x73), "amber": (0xE6, 0x9F, 0x00), "red": (0xD5, 0x5E, 0x00)}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    folder = tmp_path_factory.mktemp("printing")
    make_warehouse(folder / "warehouse.duckdb")
    with duckdb.connect(str(folder / "warehouse.duckdb"), read_only=True) as con:
        result = write_scorecard(con, MONTH, folder / "2026-10", "Kent", made=date(2026, 11, 1))
    assert result.pdf is not None, result.pdf_problem
    return folder, result


def test_the_pdf_is_a4_landscape_with_the_title_block_and_summary_first(published):
    folder, result = published
    info = pdf_info(result.pdf)
    width, height = (float(x) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    first = page_text(result.pdf, 1)
    for text in (
        "Children in Care Performance Report: month ending 31 October 2026",
        "Authority",
        "Kent",
        "Made",
        "1 November 2026",
        "Data up to",
        "Scorecard: month ending 31 October 2026",
        "C01 CIC cases reviewed within required timescales",
    ):
        assert text in first, text
    assert first.index("Scorecard: month ending") < first.index("C01")  # the summary starts on page 1
    image = page_image(result.pdf, 1, folder / "scorecard_page_1")
    shown = {rag: image.count(rgb) for rag, rgb in RAG_COLOURS.items()}
    assert sum(shown.values()) > 50, shown  # RAG cells are drawn in their colours (with their letters)
    assert re.search(r"\b[GAR]\b", first)


def test_the_pdf_shows_suppressed_groups_as_c(published):
    folder, result = published
    pages = int(pdf_info(result.pdf)["Pages"])
    found = None
    for page in range(1, pages + 1):
        text = page_text(result.pdf, page)
        if "P01 CIC placement stability" in text and "By age band" in text:
            found = page, text
            break
    assert found, "P01's page with its breakdowns is not in the PDF"
    page, text = found
    # 1-4, 5-9 and 10-15 hold fewer than 5 children in the numerator: each is 'c', and no figure is shown
    assert re.search(r"1-4\s+c\b", text) and re.search(r"10-15\s+c\b", text), text[:3000]
    assert "(2/22)" not in text and "(4/44)" not in text
    image = page_image(result.pdf, page, folder / f"scorecard_page_{page}")
    assert image.count((0x00, 0x72, 0xB2)) > 100  # the chart's bars and lines are drawn


def test_the_same_html_prints_the_same_pdf(published, tmp_path):
    folder, result = published
    with duckdb.connect(str(folder / "warehouse.duckdb"), read_only=True) as con:
        again = write_scorecard(con, MONTH, tmp_path / "2026-10", "Kent", made=date(2026, 11, 1))
    assert again.pdf.read_bytes() == result.pdf.read_bytes()


def test_the_workbook_prints_fitted_to_the_page_with_its_title_block_and_rag(published):
    folder, result = published
    printed = workbook_pdf(result.workbook, folder / "workbook_pdf")
    first = page_text(printed, 1)
    for text in (
        "Kent Children in Care scorecard: summary",
        "Authority: Kent",
        "Period: month ending 31 October 2026",
        "Made: 1 November 2026; data up to 31 October 2026",
        "Theme",
        "Unit",  # the last column: the sheet is fitted to the page's width
    ):
        assert text in first, text
    info = pdf_info(printed)
    width, height = (float(x) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert width > height  # landscape
    image = page_image(printed, 1, folder / "workbook_page_1")
    assert sum(image.count(rgb) for rgb in RAG_COLOURS.values()) > 50
    # Header rows repeat on every page: the second page of 'Indicator months' starts with its header again.
    pages = int(info["Pages"])
    headed = [p for p in range(2, pages + 1) if "indicator_id" in page_text(printed, p)]
    assert len(headed) >= 2
    assert pages < 60, pages  # the hand-made warehouse: a few pages per sheet, not thousands


def test_wrapped_headers_and_names_get_the_height_they_need(published):
    _folder, result = published
    with zipfile.ZipFile(result.workbook) as book:
        summary = book.read("xl/worksheets/sheet1.xml").decode()
        workbook = book.read("xl/workbook.xml").decode()
    assert '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' in summary
    assert '<pageSetUpPr fitToPage="1"/>' in summary
    header_row = re.search(r'<row r="(\d+)"([^>]*)><c r="A\d+" s="10" t="inlineStr"><is><t>Theme</t>', summary)
    assert header_row and 'customHeight="1"' in header_row[2]
    assert float(re.search(r'ht="([\d.]+)"', header_row[2])[1]) >= 30  # two lines or more
    assert f"'Summary'!$1:${header_row[1]}" in workbook  # print titles: the title block and the header
    # A name longer than its column wraps in a row made taller, instead of being cut by the next column.
    long_row = re.search(r'<row r="\d+"([^>]*)>(?:(?!</row>).)*Ave days between becoming looked after', summary)
    assert long_row and 'customHeight="1"' in long_row[1]


def test_the_validation_workbook_prints_with_its_title_and_header_on_every_page(tmp_path):
    from warehouse_fixtures import LA

    from orchestration.ssda903.layouts import CollectionYear
    from orchestration.ssda903.validation.database import open_database
    from orchestration.ssda903.validation.reports import write_reports
    from orchestration.ssda903.validation.runner import validate

    year = CollectionYear(2026)
    # Enough children, each failing a few rules, for 'By child' to run over several pages.
    header = pd.DataFrame(
        [{"CHILD": str(n), "SEX": "X", "DOB": "01/02/2012", "ETHNIC": "WBRI", "UPN": "UN1"} for n in range(150)]
    )
    validation = validate(open_database(year, LA, {"header": header}), year)
    write_reports(validation, tmp_path, authority="Kent (E10000016)", on=date(2026, 5, 1))
    printed = workbook_pdf(tmp_path / "validation_report.xlsx", tmp_path / "printed")
    first = page_text(printed, 1)
    for text in ("SSDA903 validation report: 2025/26", "Kent (E10000016)", "01/05/2026", "rules run"):
        assert text in first, text
    page_image(printed, 1, tmp_path / "validation_page_1")
    info = pdf_info(printed)
    width, height = (float(x) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert width > height  # landscape
    pages = [page_text(printed, p) for p in range(2, int(info["Pages"]) + 1)]
    by_child = [text for text in pages if "child" in text and "rule" in text and "severity" in text]
    assert len(by_child) >= 3, len(by_child)  # the list's header row starts each of its pages
