"""Writing extracts as the source systems would: CSV (UTF-8, dd/mm/yyyy, blank for missing) or XLSX
(one workbook per entity, one sheet, real date cells), with columns in the contract's order."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import asdict
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from schemas.contracts import Contract
from schemas.contracts import sources as contract_sources

PERSONAL_COLUMNS = ("first_name", "last_name")  # carried in children files only; the ingest drops them


@cache
def _contracts_by_source() -> dict[str, dict[str, Contract]]:
    """source -> entity -> contract, in file order, from the project's one contract loader."""
    return {source: {c.entity: c for c in entities} for source, entities in contract_sources().items()}


def contracts() -> dict[str, dict[str, dict]]:
    """source -> entity -> {column: spec (type, required, codes, ...)}, in file order."""
    return {
        source: {entity: {col.name: asdict(col) for col in c.columns} for entity, c in entities.items()}
        for source, entities in _contracts_by_source().items()
    }


def columns_of(source: str) -> list[str]:
    """The source's entities, in contract order."""
    return list(_contracts_by_source()[source])


def columns(source: str, entity: str) -> list[str]:
    return _contracts_by_source()[source][entity].column_names


@cache
def _column_types(source: str, entity: str) -> dict[str, str]:
    return {col.name: col.type for col in _contracts_by_source()[source][entity].columns}


def column_type(source: str, entity: str, column: str) -> str | None:
    return _column_types(source, entity).get(column)


def conform(frame: pd.DataFrame, source: str, entity: str) -> pd.DataFrame:
    """Exactly the contract's columns in its order; a missing or unexpected column is an error."""
    wanted = columns(source, entity)
    missing = [c for c in wanted if c not in frame.columns]
    extra = [c for c in frame.columns if c not in wanted]
    if missing or extra:
        raise ValueError(f"{source}/{entity}: columns missing {missing}, unexpected {extra}")
    return frame[wanted]


def _format_dates(values: pd.Series) -> np.ndarray:
    """dd/mm/yyyy text for dates (datetime64, date objects or text already), '' for missing."""
    if not pd.api.types.is_datetime64_any_dtype(values):
        converted = pd.to_datetime(values, errors="coerce", dayfirst=True)
        keep_text = converted.isna() & values.notna() & (values.astype(str) != "")
        if keep_text.any():  # not a date at all: a fault wrote it on purpose, so keep it as it is
            out = _format_dates(converted)
            out[keep_text.to_numpy()] = values[keep_text].astype(str).to_numpy()
            return out
        values = converted
    days = values.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    missing = np.isnat(days)
    number = days.astype("int64") - _FIRST_DAY
    table = _day_texts()
    inside = ~missing & (number >= 0) & (number < len(table))
    out = np.full(len(days), "", dtype=object)
    out[inside] = table[number[inside]]
    for i in np.flatnonzero(~missing & ~inside):
        out[i] = pd.Timestamp(days[i]).strftime("%d/%m/%Y")
    return out


_FIRST_DAY = int(np.datetime64("1950-01-01", "D").astype("int64"))


@lru_cache(maxsize=1)
def _day_texts() -> np.ndarray:
    """dd/mm/yyyy for every day 1950-2079, looked up instead of formatted one by one."""
    start = dt.date(1950, 1, 1)
    n = (dt.date(2080, 1, 1) - start).days
    return np.array([(start + dt.timedelta(days=i)).strftime("%d/%m/%Y") for i in range(n)], dtype=object)


def _format_other(values: pd.Series) -> np.ndarray:
    if pd.api.types.is_float_dtype(values):  # whole numbers read back as floats (e.g. from NaN-holding ints)
        arr = values.to_numpy()
        out = np.full(len(arr), "", dtype=object)
        ok = ~np.isnan(arr)
        whole = ok & (arr == np.round(arr))
        out[whole] = [str(int(v)) for v in arr[whole]]
        out[ok & ~whole] = [repr(float(v)) for v in arr[ok & ~whole]]
        return out
    filled = values.astype(object).where(values.notna(), "")
    return filled.astype(str).to_numpy(dtype=object)


def as_text(frame: pd.DataFrame, source: str, entity: str) -> pd.DataFrame:
    """Every value as the text a CSV extract holds."""
    out = {}
    for col in frame.columns:
        if column_type(source, entity, col) == "date":
            out[col] = _format_dates(frame[col])
        else:
            out[col] = _format_other(frame[col])
    return pd.DataFrame(out, columns=list(frame.columns))


def csv_bytes(frame: pd.DataFrame, source: str, entity: str, *, sep: str = ",", encoding: str = "utf-8") -> bytes:
    text = as_text(frame, source, entity).to_csv(index=False, sep=sep, lineterminator="\n")
    return text.encode(encoding)


def write_csv(path: Path, frame: pd.DataFrame, source: str, entity: str, **kwargs) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(frame, source, entity, **kwargs))


def write_xlsx(path: Path, frame: pd.DataFrame, source: str, entity: str) -> None:
    """One workbook, one sheet named after the entity: dates as date cells (serial numbers styled
    dd/mm/yyyy), integers as numbers, everything else as text.

    The SpreadsheetML is written directly: a general-purpose writer spends about a millisecond a row,
    which makes a Kent-sized set take minutes. Fixed zip timestamps keep the bytes reproducible.
    """
    letters = [_column_letter(i) for i in range(len(frame.columns))]
    header = "".join(
        f'<c r="{letter}1" t="inlineStr"><is><t>{_escape(str(col))}</t></is></c>'
        for letter, col in zip(letters, frame.columns, strict=True)
    )
    fragments = [_cell_fragments(frame[col], column_type(source, entity, col)) for col in frame.columns]
    rows = [f'<row r="1">{header}</row>']
    for number, cells in enumerate(zip(*fragments, strict=True), start=2):
        r = str(number)
        body = "".join(f'<c r="{letter}{r}{frag}' for letter, frag in zip(letters, cells, strict=True) if frag)
        rows.append(f'<row r="{r}">{body}</row>')
    sheet = _XML + f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(rows)}</sheetData></worksheet>'
    workbook = (
        _XML + f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}"><sheets>'
        f'<sheet name="{_escape(entity[:31])}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/styles.xml": _STYLES,
        "xl/worksheets/sheet1.xml": sheet,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as book:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            book.writestr(info, text.encode("utf-8"))


_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")


def _cell_fragments(values: pd.Series, kind: str | None) -> np.ndarray:
    """The tail of each cell's XML after its reference, or '' for an empty cell."""
    out = np.full(len(values), "", dtype=object)
    if kind == "date":
        if not pd.api.types.is_datetime64_any_dtype(values):
            values = pd.to_datetime(values, errors="coerce", dayfirst=True)
        days = values.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
        ok = ~np.isnat(days)
        serial = (days[ok] - _EXCEL_EPOCH).astype("int64")
        out[ok] = ['" s="1"><v>' + str(v) + "</v></c>" for v in serial]
        return out
    text = _format_other(values)
    ok = text != ""
    if kind == "integer":
        out[ok] = ['"><v>' + v + "</v></c>" for v in text[ok]]
    else:
        out[ok] = ['" t="inlineStr"><is><t>' + _escape(v) + "</t></is></c>" for v in text[ok]]
    return out


def _escape(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _column_letter(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = (
    _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    _XML + f'<Relationships xmlns="{_PKG_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK_RELS = (
    _XML + f'<Relationships xmlns="{_PKG_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC_RELS}/styles" Target="styles.xml"/></Relationships>'
)
_STYLES = (
    _XML + f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
