"""The EXPSSDA903 XML layout of a 903 return: reading it into the DfE tables and writing the tables as XML.

    <EXPSSDA903>
      <CHILD>
        <HEADER>
          CHILDID UPN SEX DOB ETHNIC UASC [DUC] [DATE_INT … LS_ADOPTR] [IN_TOUCH ACTIV ACCOM]
          <AMISSING>*  <AREVIEW>*  MOTHER MC_DOB  <PERMANENCE>?  <OC2>?  <AD_PLACED>*
        </HEADER>
        <EPISODE>*  (PLACE is the tag PL)
        <SW_EPISODE>*  <DOLO>*
      </CHILD>
    </EXPSSDA903>

The order of HEADER's elements follows the "Expanded SSDA903 Return 2021" schema (v3.3.0) and the element
names are those the sector's validator reads. CHILD and DOB of every table, and SEX of UASC, come from the
child's HEADER. Header's UASC is 1 for a child in the UASC table, else 0; the UASC, OC3 and AD1 rows are the
HEADER's inline fields, so a child has at most one of each.

ASSUMPTION, to confirm against the DfE technical specification: the 2021 schema has no element for the
SWEpisodes table (2023/24 on) or the DoLo table (2026/27 on). They are written as repeated `SW_EPISODE`
(SW_ID, SW_DECOM, SW_DEC, SW_REASON) and `DOLO` (DOLO_START, DOLO_END) elements in CHILD after its episodes,
and read wherever they are in CHILD.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from orchestration.ingest.reading import FileProblem
from orchestration.ssda903.layouts import CollectionYear, Table, tables, tables_for

ROOT, CHILD, HEADER = "EXPSSDA903", "CHILD", "HEADER"
# Columns whose XML tag differs from the CSV column.
TAGS = {"CHILD": "CHILDID", "PLACE": "PL"}
COLUMNS = {tag: column for column, tag in TAGS.items()}
# Columns taken from the child's HEADER rather than the record's own element.
FROM_HEADER = ("CHILD", "DOB")

# Tables held in HEADER's own fields, and the fields that say a child has a row.
INLINE = {
    "UASC": ("DUC",),
    "AD1": ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
    "OC3": ("IN_TOUCH", "ACTIV", "ACCOM"),
}
# Tables held as repeated elements: table → (parent, element, field order in the element).
RECORDS = {
    "Missing": (HEADER, "AMISSING", ("MISSING", "MIS_START", "MIS_END")),
    "Reviews": (HEADER, "AREVIEW", ("REVIEW", "REVIEW_CODE")),
    "PrevPerm": (HEADER, "PERMANENCE", ("PREV_PERM", "LA_PERM", "DATE_PERM")),
    "OC2": (
        HEADER,
        "OC2",
        (
            "SDQ_SCORE",
            "SDQ_REASON",
            "CONVICTED",
            "HEALTH_CHECK",
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED",
        ),
    ),
    "PlacedAdoption": (HEADER, "AD_PLACED", ("DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")),
    "Episodes": (
        CHILD,
        "EPISODE",
        (
            "DECOM",
            "RNE",
            "LS",
            "CIN",
            "PLACE",
            "PL_POST",
            "HOME_POST",
            "URN",
            "PLACE_PROVIDER",
            "DEC",
            "REC",
            "REASON_PLACE_CHANGE",
        ),
    ),
    "SWEpisodes": (CHILD, "SW_EPISODE", ("SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON")),
    "DoLo": (CHILD, "DOLO", ("DOLO_START", "DOLO_END")),
}
# HEADER's sequence: (kind, name) where kind is "field" (a Header column or the UASC flag), "inline" (a
# table's fields, only for a child with a row) or "records" (a table's repeated elements).
HEADER_SEQUENCE = (
    ("field", "CHILD"),
    ("field", "UPN"),
    ("field", "SEX"),
    ("field", "DOB"),
    ("field", "ETHNIC"),
    ("field", "UASC"),
    ("inline", "UASC"),
    ("inline", "AD1"),
    ("inline", "OC3"),
    ("records", "Missing"),
    ("records", "Reviews"),
    ("field", "MOTHER"),
    ("field", "MC_DOB"),
    ("records", "PrevPerm"),
    ("records", "OC2"),
    ("records", "PlacedAdoption"),
)
CHILD_SEQUENCE = ("Episodes", "SWEpisodes", "DoLo")

Located = tuple[pd.DataFrame, list[str]]  # a table's rows as text, and where each row is in the file


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]  # without a namespace, if the file declares one


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    value = element.text.strip()
    return value or None


def _fields(element: ET.Element) -> dict[str, str | None]:
    """The element's own leaf children, by column name."""
    values = {}
    for leaf in element:
        if len(leaf) == 0:
            tag = _tag(leaf)
            values[COLUMNS.get(tag, tag)] = _text(leaf)
    return values


def read_xml(path: Path) -> tuple[dict[str, Located], list[str]]:
    """The tables an EXPSSDA903 file holds (every table of the layouts, empty where the file has none), and
    notes on anything in the file that is not part of the layout."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise FileProblem(f"not well-formed XML ({error})") from None
    if _tag(root) != ROOT:
        raise FileProblem(f"the root element is <{_tag(root)}>, not <{ROOT}>: this is not an SSDA903 XML return")
    layout = {t.name: t for t in tables()}
    rows: dict[str, list[dict]] = {name: [] for name in layout}
    where: dict[str, list[str]] = {name: [] for name in layout}
    known = {element for _, element, _ in RECORDS.values()} | {HEADER}
    notes: set[str] = set()
    for number, child in enumerate(root, start=1):
        if _tag(child) != CHILD:
            notes.add(f"<{_tag(child)}> elements under <{ROOT}> are not part of the layout and were not read")
            continue
        header_element = next((e for e in child if _tag(e) == HEADER), None)
        if header_element is None:
            raise FileProblem(f"CHILD {number} has no <{HEADER}>: every child needs its header")
        header = _fields(header_element)
        child_id = header.get("CHILD")
        place = f"CHILD {number} (CHILDID {child_id})"
        rows["Header"].append(header)
        where["Header"].append(place)
        if header.get("UASC") == "1" or header.get("DUC"):
            rows["UASC"].append(header)
            where["UASC"].append(place)
        for name in ("AD1", "OC3"):
            if any(header.get(f) for f in INLINE[name]):
                rows[name].append(header)
                where[name].append(place)
        for name, (_, element_tag, _) in RECORDS.items():
            for index, element in enumerate(e for e in child.iter() if _tag(e) == element_tag):
                rows[name].append({**_fields(element), **{c: header.get(c) for c in FROM_HEADER}})
                where[name].append(f"{place}, {element_tag} {index + 1}")
        for element in child:
            if _tag(element) not in known:
                notes.add(f"<{_tag(element)}> elements in CHILD are not part of the layout and were not read")
    result = {}
    for name, table in layout.items():
        columns = list(table.column_names)
        frame = pd.DataFrame([[r.get(c) for c in columns] for r in rows[name]], columns=columns, dtype=object)
        result[name] = (frame, where[name])
    return result, sorted(notes)


def _sub(parent: ET.Element, tag: str, value: str | None) -> None:
    ET.SubElement(parent, TAGS.get(tag, tag)).text = value if value not in (None, "") else None


def _by_child(frame: pd.DataFrame) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for record in frame.astype(object).where(pd.notna(frame), None).to_dict("records"):
        grouped.setdefault(record["CHILD"], []).append(record)
    return grouped


def xml_bytes(frames: Mapping[str, pd.DataFrame], year: CollectionYear) -> bytes:
    """The return for a year as EXPSSDA903 XML (UTF-8, two-space indent, '\\n' line ends), children in the order
    they first appear (Header first), each child's records in their tables' row order."""
    in_year: dict[str, Table] = {t.name: t for t in tables_for(year)}
    grouped = {name: _by_child(frames[name]) for name in in_year if name in frames}
    children: list[str] = []
    seen: set[str] = set()
    for name in in_year:
        for child_id in grouped.get(name, {}):
            if child_id not in seen:
                seen.add(child_id)
                children.append(child_id)
    for name in INLINE:
        for child_id, records in grouped.get(name, {}).items():
            if len(records) > 1:
                raise ValueError(f"{name} has {len(records)} rows for child {child_id}; the XML holds one per child")

    root = ET.Element(ROOT)
    for child_id in children:
        child = ET.SubElement(root, CHILD)
        header_element = ET.SubElement(child, HEADER)
        header = (grouped.get("Header", {}).get(child_id) or [None])[0]
        if header is None:  # a child missing from Header: its id, and the DOB (and SEX) its other rows give
            header = {"CHILD": child_id}
            for name in in_year:
                for record in grouped.get(name, {}).get(child_id, []):
                    for column in ("DOB", "SEX"):
                        header.setdefault(column, record.get(column))
        uasc = (grouped.get("UASC", {}).get(child_id) or [None])[0]
        for kind, name in HEADER_SEQUENCE:
            if kind == "field":
                value = ("1" if uasc else "0") if name == "UASC" else header.get(name)
                _sub(header_element, name, value)
            elif kind == "inline":
                record = (grouped.get(name, {}).get(child_id) or [None])[0]
                if record is not None:
                    for column in INLINE[name]:
                        _sub(header_element, column, record.get(column))
            elif name in in_year:
                _, element_tag, fields = RECORDS[name]
                for record in grouped.get(name, {}).get(child_id, []):
                    element = ET.SubElement(header_element, element_tag)
                    for column in fields:
                        _sub(element, column, record.get(column))
        for name in CHILD_SEQUENCE:
            if name in in_year:
                _, element_tag, fields = RECORDS[name]
                for record in grouped.get(name, {}).get(child_id, []):
                    element = ET.SubElement(child, element_tag)
                    for column in fields:
                        _sub(element, column, record.get(column))
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
