"""dbt's tests described in plain words for the Dagster UI, where they appear as asset checks.

dbt names a generic test from its macro and arguments
(`relationships_within_la_stg_health__dental_checks_child_id__child_id__ref_stg_case_system__children_`); the
name stays (dbt's results are matched to the check by it), and the check is given a sentence saying what it
checks: 'Every child_id in dental checks (health) is a child_id of children (case system), within the
authority.' A test whose YAML gives a description keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

_REF = re.compile(r"ref\(\s*['\"]([^'\"]+)['\"]\s*\)")
_PREFIXES = ("stg_", "int_", "fct_", "dim_", "mart_")
VALUES_SHOWN = 6


def model_words(name: str) -> str:
    """'stg_case_system__children' → 'children (case system)'; 'int_ssda903__episodes' → 'episodes (ssda903)'."""
    if match := _REF.search(name):
        name = match[1]
    for prefix in _PREFIXES:
        name = name.removeprefix(prefix)
    area, _, entity = name.rpartition("__")
    entity = entity.replace("_", " ")
    return f"{entity} ({area.replace('_', ' ')})" if area else entity


def _listed(items: Sequence[object]) -> str:
    words = [str(i) for i in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def describe_test(test: Mapping[str, Any], model: str) -> str:
    """A sentence for one dbt test on `model` (the model's dbt name)."""
    if (test.get("description") or "").strip():
        return test["description"].strip()
    metadata = test.get("test_metadata") or {}
    kind, arguments = metadata.get("name"), metadata.get("kwargs") or {}
    on = model_words(model)
    column = arguments.get("column_name")
    severity = (test.get("config") or {}).get("severity", "error").lower()
    then = " Fails the build when it does not hold." if severity == "error" else " Warns when it does not hold."
    if kind == "not_null_columns":
        sentence = f"Every row of {on} has {_listed(arguments.get('columns') or [])} filled in."
    elif kind in {"unique_combination_of_columns", "unique"}:
        columns = arguments.get("combination_of_columns") or [column]
        sentence = f"No two rows of {on} share the same {_listed(columns)}."
    elif kind == "accepted_values":
        values = list(arguments.get("values") or [])
        more = f" or {len(values) - VALUES_SHOWN} more" if len(values) > VALUES_SHOWN else ""
        sentence = f"{column} in {on} is one of {', '.join(map(str, values[:VALUES_SHOWN]))}{more}."
    elif kind == "accepted_ssda903_codes":
        codes = arguments.get("code_list")
        sentence = f"{column} in {on} is a code of DfE's {codes} list in the row's collection year."
    elif kind in {"relationships", "relationships_within_la"}:
        within = ", within the authority" if kind == "relationships_within_la" else ""
        target = model_words(str(arguments.get("to", "")))
        sentence = f"Every {column} in {on} is a {arguments.get('field')} of {target}{within}."
    elif kind == "expression_is_true":
        sentence = f"Every row of {on} satisfies: {arguments.get('expression')}."
    else:
        sentence = f"The dbt test {test.get('name')} on {on} ({test.get('original_file_path', 'a singular test')})."
    return sentence + then
