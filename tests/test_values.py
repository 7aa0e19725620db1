"""Normalisation of values and the contracts themselves."""

from __future__ import annotations

import pandas as pd

from schemas import values
from schemas.contracts import load_contracts, ssda903_codes


def test_dates_in_every_accepted_form():
    parsed = values.parse_dates(pd.Series(["31/03/2026", "2026-03-31", "2026-03-31 00:00:00", "46112", "3/31/2026"]))
    assert list(parsed[:4].dt.date.astype(str)) == ["2026-03-31"] * 4
    assert pd.isna(parsed[4])  # American order is not a date we accept


def test_ids_never_floats():
    ids, repaired = values.normalise_id(pd.Series(["1234.0", "1234", "A12.5", None], dtype="string"))
    assert list(ids[:3]) == ["1234", "1234", "A12.5"] and repaired == 1


def test_postcodes_get_one_space():
    s = pd.Series(["me141xx", "CT1  1AA", "da1 1aa"], dtype="string")
    assert list(values.normalise_postcode(s)) == ["ME14 1XX", "CT1 1AA", "DA1 1AA"]


def test_flags():
    assert list(values.normalise_flag(pd.Series(["yes", "No", "1", "0", "TRUE", "maybe"]))) == [
        "Y",
        "N",
        "Y",
        "N",
        "Y",
        "MAYBE",
    ]


def test_header_names():
    assert values.normalise_header(" Child ID ") == "child_id"
    assert values.normalise_header("Date-of-Birth") == "date_of_birth"


def test_every_contract_is_complete():
    contracts = load_contracts()
    assert {"children", "placements", "health_assessments", "attendance", "social_work_posts"} <= set(contracts)
    for contract in contracts.values():
        names = contract.column_names
        assert set(contract.key) <= set(names), contract.entity
        for start, end in contract.ordered:
            assert {start, end} <= set(names), contract.entity
        for column in contract.columns:
            assert column.type in {"id", "text", "code", "date", "integer", "flag", "postcode", "upn"}
            if column.code_list.startswith("ssda903:"):
                assert column.codes, f"{contract.entity}.{column.name}: empty code list"


def test_903_code_lists_are_year_aware():
    codes = ssda903_codes()
    assert {"Z11", "K3", "H5", "P2"} <= codes["PLACE"]  # any year's code is a code; the year is DfE's rule
    assert "0" in codes["ACTIV"] and "0" in codes["ACCOM"]
