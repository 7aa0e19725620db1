"""How dbt is started: one parse of the project serves every warehouse, authority and as-of date.

A full parse costs 10-13 s of CPU; dbt does one whenever the profile's connection settings, or the variables given
with --vars, differ from its last parse's, and re-parses every file that read an environment variable whose value
changed. cla-dbt runs dbt from the warehouse's folder with the file's bare name (orchestration/transform/
dbt_command.py), and the macros read the authority and the dates only as a model runs (macros/run_setting.sql).
These tests fail when a dbt upgrade stops either from holding, rather than the builds silently parsing again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from warehouse_fixtures import DBT_PROJECT_DIR

from orchestration.transform.project import parse_dbt_project, reuse_prepared_parse

LAMBETH = "E09000022"


def cla_dbt(folder: Path, target: Path, *args: str, **environment: str) -> subprocess.CompletedProcess:
    """cla-dbt with the warehouse file `folder`/warehouse.duckdb, its target and logs in `target`."""
    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [str(Path(sys.executable).with_name("cla-dbt")), *args, "--project-dir", str(DBT_PROJECT_DIR),
         "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(target), "--log-path", str(target)],
        env={**os.environ, "CLA_WAREHOUSE": str(folder / "warehouse.duckdb"), **environment},
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def parse_events(folder: Path, target: Path, **environment: str) -> list[str]:
    """The names of the events (debug ones too) of a `dbt parse` with the warehouse in `folder`."""
    parse = cla_dbt(folder, target, "parse", "--log-format", "json", "--log-level", "debug", **environment)
    assert parse.returncode == 0, parse.stdout[-3000:]
    return [json.loads(line)["info"]["name"] for line in parse.stdout.splitlines() if line.startswith("{")]


def test_builds_in_any_folder_for_any_authority_and_date_parse_nothing_again(tmp_path):
    target = tmp_path / "target"
    parse_dbt_project(target)  # as prepare_dbt_project() does before the definitions load
    kent = parse_events(tmp_path / "kent", target, CLA_LA_CODE="E10000016", CLA_DATA_AS_OF="2026-10-31")
    lambeth = parse_events(
        tmp_path / "lambeth", target, CLA_LA_CODE=LAMBETH, CLA_DATA_AS_OF="2026-09-30", CLA_AS_OF="2026-10-15"
    )
    # PartialParsingSkipParsing: dbt found no file to parse again (none changed, none read a changed variable).
    for events in (kent, lambeth):
        assert "UnableToPartialParse" not in events
        assert "PartialParsingSkipParsing" in events, events


def test_a_build_by_hand_takes_the_authority_and_date_from_vars_before_the_environment(tmp_path):
    inline = "select {{ as_of_date() }} as as_of, '{{ la_code() }}' as la_code"
    compiled = {}
    reuse_prepared_parse(tmp_path / "target")  # the session's: a change of --vars (by hand) parses it all again
    for name, given in {"pipeline": [], "by_hand": ["--vars", f"{{as_of: 2026-08-31, la_code: {LAMBETH}}}"]}.items():
        result = cla_dbt(
            tmp_path / "warehouse", tmp_path / "target", "compile", "--inline", inline, "--output", "json", "--quiet",
            *given, CLA_DATA_AS_OF="2026-09-30", CLA_LA_CODE="E10000016",
        )  # fmt: skip
        assert result.returncode == 0, result.stdout[-3000:]
        compiled[name] = json.loads(result.stdout)["compiled"]
    assert compiled == {
        "pipeline": "select cast('2026-09-30' as date) as as_of, 'E10000016' as la_code",
        "by_hand": f"select cast('2026-08-31' as date) as as_of, '{LAMBETH}' as la_code",
    }
