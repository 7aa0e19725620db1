"""A small XLSX writer: sheets of values with a few fixed styles, column widths, frozen panes, filters and
print setup (A4 landscape, fitted to the page's width, header rows repeated on every page, a running header and
page numbers), so a sheet a person reads prints as a few pages rather than thousands.

Why not openpyxl: it writes about 10,000 cells a second here (its XML serialiser is pure Python), and the
scorecard's child lists run to hundreds of thousands of cells; this writes them in a second or two. It also has
no time of writing to remove: every zip entry is dated 1 January 2000 and there is no core-properties part, so
the same sheets always give the same bytes. The files open in Excel and LibreOffice and read back with openpyxl.
"""

from __future__ import annotations

import itertools
import math
import queue
import re
import sys
import threading
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from xml.sax.saxutils import escape, quoteattr

import numpy
import pyarrow as pa

from orchestration.arrow_rows import integers
from orchestration.scratch import scratch_duckdb

if TYPE_CHECKING:
    import pandas as pd

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FIXED_TIME = (2000, 1, 1, 0, 0, 0)
ROWS_PER_CHUNK = 20_000  # rows of a large sheet turned into XML at a time
EXCEL_EPOCH = date(1899, 12, 30)
# Style name → index in cellXfs below.
STYLES = {
    "default": 0,
    "bold": 1,
    "title": 2,
    "date": 3,
    "percent": 4,  # the figure is already 0-100: shown with one decimal and a % sign
    "integer": 5,
    "decimal": 6,
    "green": 7,
    "amber": 8,
    "red": 9,
    "header": 10,
    "wrap": 11,  # long text wrapped within its column (its last line level with the row's figures), not cut
    "subtitle": 12,
}
_FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
_FILL = '<fill><patternFill patternType="solid"><fgColor rgb="FF{}"/><bgColor indexed="64"/></patternFill></fill>'
_XF = '<xf numFmtId="{}" fontId="{}" fillId="{}" borderId="0" xfId="0"{}/>'
_RAG_XF = (
    '<xf numFmtId="0" fontId="1" fillId="{}" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
)
_STYLES_XML = "\n".join(
    [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<styleSheet xmlns="{MAIN}">',
        '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/>'
        '<numFmt numFmtId="165" formatCode="#,##0.0"/></numFmts>',
        f'<fonts count="4"><font>{_FONT}</font><font><b/>{_FONT}</font>'
        '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>'
        '<font><color rgb="FF555555"/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>',
        '<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
        f"</fill>{_FILL.format('009E73')}{_FILL.format('E69F00')}{_FILL.format('D55E00')}</fills>",
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
        '<cellXfs count="13">',
        _XF.format(0, 0, 0, ""),
        _XF.format(0, 1, 0, ' applyFont="1"'),
        _XF.format(0, 2, 0, ' applyFont="1"'),
        _XF.format(14, 0, 0, ' applyNumberFormat="1"'),
        _XF.format(164, 0, 0, ' applyNumberFormat="1"'),
        _XF.format(3, 0, 0, ' applyNumberFormat="1"'),
        _XF.format(165, 0, 0, ' applyNumberFormat="1"'),
        *(_RAG_XF.format(fill) + '<alignment horizontal="center"/></xf>' for fill in (2, 3, 4)),
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
        '<alignment wrapText="1" vertical="top"/></xf>',
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
        '<alignment wrapText="1" vertical="bottom"/></xf>',
        _XF.format(0, 3, 0, ' applyFont="1"'),
        "</cellXfs>",
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
        "</styleSheet>",
    ]
)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
WRAPPED = {STYLES["header"], STYLES["wrap"]}
LINE_HEIGHT = 15  # points per line of 11-point Calibri


class Styled(NamedTuple):
    value: object
    style: str


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: Iterable[Sequence[object]]  # values (None, str, bool, int, float, date) or Styled values
    widths: Sequence[float] = ()
    frozen_rows: int = 0
    frozen_columns: int = 0
    filter_row: int | None = None  # the 1-based row of headers to put filters on
    frame: pd.DataFrame | pa.Table | None = None  # a table written below `rows`, column by column (fast for large)
    repeat_rows: int = 0  # the first rows (title block and headers) printed again at the top of every page
    print_header: str = ""  # printed at the top of every page (authority, period, date made)
    landscape: bool = True  # A4, fitted to the page's width; as many pages down as the rows need


def lines_needed(text: str, width: float) -> int:
    """How many lines a wrapped cell takes in a column `width` characters wide (words are not split)."""
    lines = 0
    for paragraph in text.split("\n"):
        used, count = 0, 1
        for word in paragraph.split():
            if used and used + 1 + len(word) > width - 1:
                count, used = count + 1, len(word)
            else:
                used += (1 if used else 0) + len(word)
        lines += count
    return max(lines, 1)


def fitted_widths(rows: Sequence[Sequence[object]], least: float = 6, most: float = 60) -> list[float]:
    """Column widths (in characters) that fit each column's longest value, between `least` and `most`; longer
    text is wrapped (style 'wrap') rather than cut."""
    widths: list[float] = []
    for values in rows:
        for c, value in enumerate(values):
            if isinstance(value, Styled):
                if value.style in {"title", "subtitle"}:
                    continue  # a title runs across the empty cells beside it
                value = value.value
            if c >= len(widths):
                widths.append(least)
            text = "" if value is None else f"{value:,.1f}" if isinstance(value, float) else str(value)
            widths[c] = min(max(widths[c], len(text) + 2), most)
    return widths


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _cell(ref: str, value: object, style: int) -> str:
    s = f' s="{style}"' if style else ""
    if isinstance(value, numpy.generic):
        value = value.item()
    if value is None or _is_nat(value) or (isinstance(value, float) and math.isnan(value)):
        return f'<c r="{ref}"{s}/>' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'  # repr: the shortest text giving the same float
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        style = style or STYLES["date"]
        return f'<c r="{ref}" s="{style}"><v>{(value - EXCEL_EPOCH).days}</v></c>'
    text = _ILLEGAL.sub("", str(value))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def _is_nat(value: object) -> bool:
    """pandas' missing date (only pandas makes one, so it is not imported to ask)."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and value is pandas.NaT


def _sql_text(expression: str) -> str:
    """SQL escaping a value for XML text, dropping the control characters XML cannot hold."""
    text = f"regexp_replace(CAST({expression} AS VARCHAR), '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]', '', 'g')"
    return f"replace(replace(replace({text}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"


def _sql_cell(letter: str, column: str, kind: str) -> str:
    """SQL giving one column's cell XML (what `_cell` writes), or '' for a blank."""
    ref = f"'<c r=\"{letter}' || n || '\"'"
    if kind == "BOOLEAN":
        body = f"{ref} || ' t=\"b\"><v>' || CAST({column} AS INTEGER) || '</v></c>'"
    elif kind in {"DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_NS"}:
        body = f"{ref} || ' s=\"{STYLES['date']}\"><v>' || (CAST({column} AS DATE) - DATE '1899-12-30') || '</v></c>'"
    elif kind in {"DOUBLE", "FLOAT"} or kind.startswith("DECIMAL"):
        body = (
            f"CASE WHEN isfinite(CAST({column} AS DOUBLE)) THEN {ref} || '><v>' || CAST(CAST({column} AS DOUBLE) AS "
            "VARCHAR) || '</v></c>' ELSE '' END"
        )
    elif kind.endswith("INT") or kind in {"INTEGER", "BIGINT", "SMALLINT", "TINYINT", "HUGEINT"}:
        body = f"{ref} || '><v>' || CAST({column} AS VARCHAR) || '</v></c>'"
    else:
        space = f"CASE WHEN {column} <> trim({column}) THEN ' xml:space=\"preserve\"' ELSE '' END"
        body = f"{ref} || ' t=\"inlineStr\"><is><t' || {space} || '>' || {_sql_text(column)} || '</t></is></c>'"
    return f"coalesce({body}, '')"


def frame_size(frame: pd.DataFrame | pa.Table) -> tuple[int, list[str]]:
    """Rows and column names of a frame or an Arrow table."""
    if isinstance(frame, pa.Table):
        return frame.num_rows, frame.column_names
    return len(frame), [str(c) for c in frame.columns]


def _frame_rows(frame: pd.DataFrame | pa.Table, first_row: int) -> Iterator[bytes]:
    """The rows of a large table as UTF-8 XML, built by DuckDB a column at a time: a Python loop over each cell
    writes tens of thousands of cells a second, this some millions. Given in pieces of ROWS_PER_CHUNK rows as the
    sheet is written, so a table of millions of rows is never one string, nor all its pieces at once."""
    rows, names = frame_size(frame)
    if not rows or not names:  # what pandas calls empty
        return
    if isinstance(frame, pa.Table):
        numbered = frame.add_column(0, "__row", integers(first_row, rows))
    else:
        numbered = frame.reset_index(drop=True)
        numbered.insert(0, "__row", range(first_row, first_row + rows))
    # A DuckDB of its own (not scratch.beside's): a sheet of a million rows is sorted within its own memory limit
    # and threads while the report's CSVs are written beside it.
    with scratch_duckdb() as con:
        con.register("sheet_frame", numbered)
        kinds = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE sheet_frame)").fetchall())
        cells = " || ".join(
            _sql_cell(column_letter(i), '"' + name.replace('"', '""') + '"', kinds[name])
            for i, name in enumerate(names)
        )
        rows = con.sql(
            f"SELECT '<row r=\"' || n || '\">' || {cells} || '</row>' FROM "
            "(SELECT *, __row AS n FROM sheet_frame) ORDER BY n"
        ).to_arrow_reader(ROWS_PER_CHUNK)
        for batch in rows:  # streamed: one aggregate of every row would hold the whole sheet in DuckDB's memory
            yield "".join(batch.column(0).to_pylist()).encode("utf-8")


def _made_alongside(pieces: Iterable[bytes], ahead: int = 2) -> Iterator[bytes]:
    """The pieces in order, each made in a thread of its own while the one before is compressed: DuckDB making
    a sheet's rows and zlib compressing them both release the GIL, so the two keep both cores busy."""
    made: queue.Queue = queue.Queue(maxsize=ahead)
    stop = threading.Event()
    end = object()

    def hand(item: object) -> bool:
        """Give the writer an item; False once the writer has stopped."""
        while not stop.is_set():
            try:
                made.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def make() -> None:
        try:
            for piece in pieces:
                if not hand(piece):
                    return
            hand(end)
        except BaseException as error:  # handed to the writer, which raises it
            hand(error)

    maker = threading.Thread(target=make, name="xlsx-rows", daemon=True)
    maker.start()
    try:
        while (piece := made.get()) is not end:
            if isinstance(piece, BaseException):
                raise piece
            yield piece
    finally:
        stop.set()  # the writer stopped early (an error): the maker stops too
        maker.join()


def _sheet_xml(sheet: Sheet) -> tuple[Iterator[bytes], str]:
    """The worksheet XML (UTF-8) in pieces, and the range its filter covers ('' for none)."""
    rows, width = [], 0
    letters: list[str] = []
    for r, values in enumerate(sheet.rows, start=1):
        cells, lines = [], 1
        for c, value in enumerate(values):
            if c >= len(letters):
                letters.append(column_letter(c))
            style = 0
            if isinstance(value, Styled):
                value, style = value.value, STYLES[value.style]
            if style in WRAPPED and isinstance(value, str):
                column_width = sheet.widths[c] if c < len(sheet.widths) else 8.43
                lines = max(lines, lines_needed(value, column_width))
            cells.append(_cell(f"{letters[c]}{r}", value, style))
        width = max(width, len(values))
        # A wrapped cell's row is made tall enough for its lines: a reader that does not measure text itself
        # (LibreOffice converting, Excel printing) would otherwise draw it over the row below.
        height_attributes = f' ht="{lines * LINE_HEIGHT}" customHeight="1"' if lines > 1 else ""
        rows.append(f'<row r="{r}"{height_attributes}>{"".join(cells)}</row>')
    height = len(rows)
    frame_rows: Iterable[bytes] = ()
    if sheet.frame is not None:
        frame_rows = _made_alongside(_frame_rows(sheet.frame, len(rows) + 1))
        size, names = frame_size(sheet.frame)
        width, height = max(width, len(names)), height + size
    last = f"{column_letter(max(width, 1) - 1)}{max(height, 1)}"
    view = '<sheetView workbookViewId="0"/>'
    if sheet.frozen_rows or sheet.frozen_columns:
        top_left = f"{column_letter(sheet.frozen_columns)}{sheet.frozen_rows + 1}"
        pane = (
            "bottomRight"
            if sheet.frozen_rows and sheet.frozen_columns
            else ("bottomLeft" if sheet.frozen_rows else "topRight")
        )
        split = (f' xSplit="{sheet.frozen_columns}"' if sheet.frozen_columns else "") + (
            f' ySplit="{sheet.frozen_rows}"' if sheet.frozen_rows else ""
        )
        view = (
            f'<sheetView workbookViewId="0"><pane{split} topLeftCell="{top_left}" activePane="{pane}" '
            f'state="frozen"/><selection pane="{pane}" activeCell="{top_left}" sqref="{top_left}"/></sheetView>'
        )
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(sheet.widths, start=1)
    )
    filter_ref = ""
    if sheet.filter_row and width:
        filter_ref = f"A{sheet.filter_row}:{last}"
    head = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{last}"/><sheetViews>{view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + f"<sheetData>{''.join(rows)}"
    )
    tail = (
        "</sheetData>"
        + (f'<autoFilter ref="{filter_ref}"/>' if filter_ref else "")
        + _print_setup(sheet)
        + "</worksheet>"
    )
    return itertools.chain([head.encode("utf-8")], frame_rows, [tail.encode("utf-8")]), filter_ref


def _print_setup(sheet: Sheet) -> str:
    """A4, fitted to one page wide and as many long as needed, with the sheet's header on every page and
    'Page n of m' at the foot."""
    orientation = "landscape" if sheet.landscape else "portrait"
    header = _ILLEGAL.sub("", sheet.print_header).replace("&", "&&")
    footer = f"&L{sheet.name.replace('&', '&&')}&RPage &P of &N"
    odd_header = f"<oddHeader>{escape('&L' + header)}</oddHeader>" if header else ""
    return (
        '<printOptions gridLines="0"/>'
        '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
        f'<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>'
        f"<headerFooter>{odd_header}<oddFooter>{escape(footer)}</oddFooter></headerFooter>"
    )


def write_xlsx(path: Path, sheets: Sequence[Sheet]) -> None:
    parts: dict[str, str | Iterable[bytes]] = {}
    defined = []
    for n, sheet in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{n}.xml"], filter_ref = _sheet_xml(sheet)
        name = sheet.name.replace("'", "''")
        if sheet.repeat_rows:
            defined.append(
                f'<definedName name="_xlnm.Print_Titles" localSheetId="{n - 1}">'
                f"{escape(chr(39) + name + chr(39))}!$1:${sheet.repeat_rows}</definedName>"
            )
        if filter_ref:
            absolute = re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", filter_ref)
            defined.append(
                f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n - 1}" hidden="1">'
                f"{escape(chr(39) + name + chr(39))}!{absolute}</definedName>"
            )
    entries = "".join(
        f'<sheet name={quoteattr(s.name)} sheetId="{n}" r:id="rId{n}"/>' for n, s in enumerate(sheets, start=1)
    )
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
        f"<bookViews><workbookView/></bookViews><sheets>{entries}</sheets>"
        + (f"<definedNames>{''.join(defined)}</definedNames>" if defined else "")
        + "</workbook>"
    )
    sheet_rels = "".join(
        f'<Relationship Id="rId{n}" Type="{RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(sheets) + 1)
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'{sheet_rels}<Relationship Id="rId{len(sheets) + 1}" Type="{RELS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    )
    parts["xl/styles.xml"] = _STYLES_XML
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, len(sheets) + 1)
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{sheet_types}</Types>"
    )
    with zipfile.ZipFile(path, "w") as book:
        order = [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
            *sorted(k for k in parts if k.startswith("xl/worksheets/")),
        ]
        contents = {"[Content_Types].xml": content_types, **parts}
        for name in order:
            entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with book.open(entry, "w") as part:  # a sheet is written as its rows come, never whole in memory
                for piece in [contents[name].encode("utf-8")] if isinstance(contents[name], str) else contents[name]:
                    part.write(piece)
