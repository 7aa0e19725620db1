"""Operations: every asset described, owned and grouped; the jobs; the landing sensor on a real folder; the
schedules at their scheduled times."""

from __future__ import annotations

import hashlib
import os
import re
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import dagster as dg
import pytest

from orchestration.definitions import defs
from orchestration.operations import landing_sensor
from orchestration.operations.jobs import SCORECARD_REPORT_KEY
from orchestration.operations.landing_sensor import SETTLE_SECONDS, landing_files_changed
from orchestration.operations.schedules import annual_903_return
from orchestration.ssda903.export import EXPORT_KEY

LONDON = ZoneInfo("Europe/London")


# Descriptions, owners and groups ---------------------------------------------------------------------------


def test_every_asset_has_a_plain_english_description_an_owner_and_a_group():
    graph = defs.resolve_asset_graph()
    problems = []
    for key in sorted(graph.get_all_asset_keys()):
        node, name = graph.get(key), key.to_user_string()
        first_section = (node.description or "").split("#### Raw SQL")[0].strip()
        if len(first_section) < 40 or re.match(r"dbt (model|seed|source|snapshot) ", first_section):
            problems.append(f"{name}: no description an analyst can read ({first_section[:40]!r})")
        if not node.group_name or node.group_name == "default":
            problems.append(f"{name}: no group")
        if not node.owners or not all(o.startswith("team:") or "@" in o for o in node.owners):
            problems.append(f"{name}: no owner ({node.owners})")
    assert not problems, "\n".join(problems)


def _outside_code(markdown: str) -> str:
    """Markdown with fenced blocks and `code` spans taken out: what the UI renders as text (and as HTML)."""
    return re.sub(r"`[^`\n]*`", "", re.sub(r"```.*?```", "", markdown, flags=re.S))


def test_descriptions_render_as_markdown_with_no_angle_brackets_read_as_tags():
    """The UI renders descriptions as Markdown: `<year>` in plain text is read as an HTML tag and disappears
    ('data/exports/ssda903//'); paths with placeholders go in backticks."""
    graph = defs.resolve_asset_graph()
    problems = [
        f"{key.to_user_string()}: {tag}"
        for key in graph.get_all_asset_keys()
        for tag in re.findall(r"<[A-Za-z/][^>]*>", _outside_code(graph.get(key).description or ""))
    ]
    problems += [
        f"{key.to_user_string()}: {tag}"
        for key in graph.asset_check_keys
        for tag in re.findall(r"<[A-Za-z/][^>]*>", _outside_code(graph.get_check_spec(key).description or ""))
    ]
    assert not problems, "\n".join(sorted(problems)[:20])
    ssda903 = graph.get(dg.AssetKey(["exports", "ssda903_return"])).description
    assert "`data/exports/ssda903/yyyy-yy/`" in ssda903


def test_every_dbt_test_is_described_in_plain_words():
    graph = defs.resolve_asset_graph()
    checks = [graph.get_check_spec(key) for key in graph.asset_check_keys]
    assert len(checks) > 100
    undescribed = [c.name for c in checks if len((c.description or "").split()) < 6 or "__" in (c.description or "")]
    assert not undescribed, undescribed[:10]
    dental = next(c for c in checks if c.name.startswith("relationships_within_la_stg_health__dental_checks_child_id"))
    assert dental.description.startswith(
        "Every child_id in dental checks (health) is a child_id of children (case system), within the authority."
    )


def test_owners_follow_the_group():
    graph = defs.resolve_asset_graph()

    def owners(*path: str) -> list[str]:
        return list(graph.get(dg.AssetKey(list(path))).owners)

    assert owners("raw", "case_system", "children") == ["team:data-engineering"]
    assert owners("staging", "health", "health_assessments") == ["team:data-engineering"]
    assert owners("marts", "ssda903", "episodes") == ["team:statutory-returns"]
    assert owners("exports", "ssda903_return") == ["team:statutory-returns"]
    assert owners("reference", "postcodes") == ["team:data-engineering"]


def test_a_dbt_model_without_a_description_gets_a_sentence_not_a_bare_name():
    from orchestration.transform.translator import WarehouseTranslator

    props = {
        "resource_type": "model",
        "name": "int_ssda903__new_idea",
        "fqn": ["cla_warehouse", "intermediate", "ssda903", "int_ssda903__new_idea"],
        "original_file_path": "models/intermediate/ssda903/int_ssda903__new_idea.sql",
        "description": "",
        "raw_code": "select 1 as one",
        "meta": {},
    }
    description = WarehouseTranslator().get_description(props)
    assert description.startswith("An intermediate model")
    assert "models/intermediate/ssda903/int_ssda903__new_idea.sql" in description
    assert "select 1 as one" in description  # the SQL is still shown, after the words
    assert WarehouseTranslator().get_owners(props) == ["team:statutory-returns"]


# Jobs ------------------------------------------------------------------------------------------------------


def test_load_extracts_and_rebuild_selects_everything_not_made_per_period():
    job = defs.resolve_job_def("load_extracts_and_rebuild")
    graph = defs.resolve_asset_graph()
    selected = job.asset_layer.selected_asset_keys
    per_period = {k for k in graph.materializable_asset_keys if graph.get(k).is_partitioned}
    assert EXPORT_KEY in per_period
    assert selected == graph.materializable_asset_keys - per_period
    assert dg.AssetKey(["raw", "case_system", "children"]) in selected
    assert dg.AssetKey(["exports", "ingest_report"]) in selected
    assert job.partitions_def is None


def test_make_903_return_is_one_collection_year():
    job = defs.resolve_job_def("make_903_return")
    assert job.asset_layer.selected_asset_keys == {EXPORT_KEY}
    assert "2025-26" in job.partitions_def.get_partition_keys()


def test_publish_scorecard_publishes_one_month_of_the_scorecard_report():
    job = defs.resolve_job_def("publish_scorecard")
    assert job.asset_layer.selected_asset_keys == {SCORECARD_REPORT_KEY}
    assert isinstance(job.partitions_def, dg.MonthlyPartitionsDefinition)


# The landing sensor ----------------------------------------------------------------------------------------


@pytest.fixture
def landing(data_dir):
    folder = data_dir / "landing"
    folder.mkdir()
    return folder


def drop(landing: Path, name: str, content: str, settled: bool = True) -> Path:
    """Write a file as a copy into the landing folder leaves it; settled files were last written long enough
    ago for the sensor to read them."""
    path = landing / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    if settled:
        then = time.time() - SETTLE_SECONDS - 5
        os.utime(path, (then, then))
    return path


def tick(cursor: str | None = None):
    return landing_files_changed.evaluate_tick(dg.build_sensor_context(cursor=cursor))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


CHILDREN = "child_id,sex\n1001,1\n1002,2\n"
PLACEMENTS = "child_id,placement_type\n1001,U1\n"


def test_an_empty_landing_folder_starts_nothing(landing):
    result = tick()
    assert result.run_requests == []
    assert "nothing to load" in result.skip_message


def test_a_new_file_starts_one_run_keyed_by_content(landing):
    drop(landing, "case_system/children.csv", CHILDREN)
    result = tick()
    assert len(result.run_requests) == 1
    request = result.run_requests[0]
    assert re.fullmatch(r"[0-9a-f]{64}", request.run_key)
    folder = hashlib.sha256(f"case_system/children.csv\0{sha256(CHILDREN)}\n".encode()).hexdigest()
    assert request.tags["cla/landing_hash"] == folder[:16]
    assert landing_files_changed.job_name == "load_extracts_and_rebuild"

    # The next tick, with nothing changed, starts nothing.
    again = tick(result.cursor)
    assert again.run_requests == []
    assert "has changed" in again.skip_message


def test_the_same_content_gives_the_same_key_and_saving_it_again_starts_nothing(landing):
    drop(landing, "case_system/children.csv", CHILDREN)
    first = tick()
    # Seen afresh (a tick retried before its cursor was saved): the same key, so Dagster starts it once.
    assert tick().run_requests[0].run_key == first.run_requests[0].run_key

    drop(landing, "case_system/children.csv", CHILDREN)  # saved again, same bytes, new modification time
    assert tick(first.cursor).run_requests == []


def test_changed_content_starts_one_run_with_a_new_key(landing):
    drop(landing, "case_system/children.csv", CHILDREN)
    drop(landing, "case_system/placements.csv", PLACEMENTS)
    first = tick()
    drop(landing, "case_system/children.csv", CHILDREN + "1003,1\n")
    changed = tick(first.cursor)
    assert len(changed.run_requests) == 1
    assert changed.run_requests[0].run_key != first.run_requests[0].run_key
    assert changed.run_requests[0].tags["cla/files_changed"] == "1"
    assert tick(changed.cursor).run_requests == []


def test_a_removed_file_starts_a_run_and_putting_it_back_starts_another(landing):
    drop(landing, "case_system/children.csv", CHILDREN)
    placements = drop(landing, "case_system/placements.csv", PLACEMENTS)
    first = tick()
    placements.unlink()
    removed = tick(first.cursor)
    assert len(removed.run_requests) == 1
    drop(landing, "case_system/placements.csv", PLACEMENTS)
    back = tick(removed.cursor)
    # The folder is as it was at the first run, but the warehouse holds the other state: it must load again.
    assert len(back.run_requests) == 1
    assert back.run_requests[0].run_key not in {first.run_requests[0].run_key, removed.run_requests[0].run_key}


def test_a_file_still_being_written_is_waited_for(landing):
    drop(landing, "case_system/children.csv", CHILDREN)
    first = tick()
    drop(landing, "case_system/placements.csv", PLACEMENTS[:20], settled=False)  # half copied, just now
    waiting = tick(first.cursor)
    assert waiting.run_requests == []
    assert "still being written: case_system/placements.csv" in waiting.skip_message
    drop(landing, "case_system/placements.csv", PLACEMENTS)  # the copy finished a minute ago
    done = tick(waiting.cursor)
    assert len(done.run_requests) == 1


def test_partial_and_lock_files_are_ignored(landing):
    drop(landing, "case_system/children.csv", CHILDREN)
    first = tick()
    drop(landing, "case_system/~$children.xlsx", "lock", settled=False)
    drop(landing, "case_system/placements.csv.part", PLACEMENTS, settled=False)
    drop(landing, "health/.immunisations.csv.x1y2", "rsync's temporary copy", settled=False)
    result = tick(first.cursor)
    assert result.run_requests == []
    assert "has changed" in result.skip_message


def test_unchanged_files_are_not_hashed_again(landing, monkeypatch):
    for n in range(5):
        drop(landing, f"education/attendance_{n}.csv", f"upn,sessions\nA{n},{n}\n")
    first = tick()
    hashed = []
    real = landing_sensor.content_hash
    monkeypatch.setattr(landing_sensor, "content_hash", lambda p: hashed.append(p.name) or real(p))
    drop(landing, "education/attendance_2.csv", "upn,sessions\nA2,99\n")
    result = tick(first.cursor)
    assert hashed == ["attendance_2.csv"]
    assert len(result.run_requests) == 1


# Schedules -------------------------------------------------------------------------------------------------


def at(scheduled: datetime) -> dg.ScheduleEvaluationContext:
    return dg.build_schedule_context(repository_def=defs.get_repository_def(), scheduled_execution_time=scheduled)


def test_the_903_return_is_made_in_may_for_the_year_that_ended_in_march():
    context = at(datetime(2026, 5, 1, 6, tzinfo=LONDON))
    [request] = annual_903_return.evaluate_tick(context).run_requests
    assert request.partition_key == "2025-26"
    assert request.run_key == "903-2025-26"
    assert annual_903_return.job_name == "make_903_return"
    assert annual_903_return.cron_schedule == "0 6 1 5 *"


def test_the_903_return_run_by_hand_in_winter_is_still_last_march_s_year():
    context = at(datetime(2027, 1, 15, 9, tzinfo=LONDON))
    [request] = annual_903_return.evaluate_tick(context).run_requests
    assert request.partition_key == "2025-26"


def test_the_903_schedule_skips_a_year_without_layouts():
    context = at(datetime(2031, 5, 1, 6, tzinfo=LONDON))
    result = annual_903_return.evaluate_tick(context)
    assert result.run_requests == []
    assert "2030/31" in result.skip_message


def test_the_scorecard_is_published_on_the_3rd_for_the_month_just_ended():
    schedule = defs.resolve_schedule_def("monthly_scorecard")
    assert schedule.job_name == "publish_scorecard"
    context = at(datetime(2026, 11, 3, 6, tzinfo=LONDON))
    [request] = schedule.evaluate_tick(context).run_requests
    job = defs.resolve_job_def("publish_scorecard")
    october = job.partitions_def.get_partition_key_for_timestamp(datetime(2026, 10, 15).timestamp())
    assert request.partition_key == october


def test_both_schedules_run_on_london_time():
    for name in ("monthly_scorecard", "annual_903_return"):
        assert defs.resolve_schedule_def(name).execution_timezone == "Europe/London", name


def test_the_first_tick_starts_nothing_when_the_warehouse_has_loaded_the_folder(data_dir):
    """`make ui` straight after `make demo`: a new Dagster home (no cursor), the warehouse already loaded from
    these files (audit.extract_files holds their hashes), so nothing starts; a file changed since does."""
    from warehouse_fixtures import ingest_synthetic_extracts

    ingest_synthetic_extracts(data_dir, data_dir / "warehouse.duckdb", seed=5, scale=0.01)
    landing = data_dir / "landing"
    then = time.time() - SETTLE_SECONDS - 5
    for path in landing.rglob("*"):
        os.utime(path, (then, then))
    first = tick()
    assert first.run_requests == [] and "already loaded" in first.skip_message
    assert tick(first.cursor).run_requests == []
    changed = drop(landing, "case_system/children.csv", (landing / "case_system" / "children.csv").read_text() + "\n")
    assert len(tick(first.cursor).run_requests) == 1
    # Without a cursor, a file the audit does not hold as loaded starts a run too.
    assert changed.exists() and len(tick().run_requests) == 1


# Dagster's instance -------------------------------------------------------------------------------------------


def test_the_shipped_instance_keeps_every_event_of_a_run_in_its_sqlite_event_log(tmp_path, monkeypatch):
    """orchestration/dagster.yaml's event log (databases kept open, orchestration/event_log.py) stores every event
    where Dagster's own does, and a new instance (the UI, the next `cla`) reads them back."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((Path(__file__).parent.parent / "orchestration" / "dagster.yaml").read_text())
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    keys = [f"a{n}" for n in range(8)]

    @dg.multi_asset(specs=[dg.AssetSpec(k) for k in keys], check_specs=[dg.AssetCheckSpec("c", asset=k) for k in keys])
    def many():
        for key in keys:
            yield dg.MaterializeResult(asset_key=key, metadata={"rows": 1})
            yield dg.AssetCheckResult(asset_key=key, check_name="c", passed=key != "a3")

    job = dg.Definitions(assets=[many]).resolve_implicit_global_asset_job_def()
    with dg.DagsterInstance.get() as instance:
        assert type(instance.event_log_storage).__name__ == "EventLog"
        runs = [job.execute_in_process(instance=instance).run_id for _ in range(6)]  # more runs than kept open
        stored = {run_id: len(instance.all_logs(run_id)) for run_id in runs}
    assert (home / "history" / "runs" / f"{runs[0]}.db").exists()  # Dagster's usual place
    with dg.DagsterInstance.get() as reopened:
        assert {run_id: len(reopened.all_logs(run_id)) for run_id in runs} == stored
        materialized = reopened.get_latest_materialization_event(dg.AssetKey("a7"))
        assert materialized.run_id == runs[-1]
        assert materialized.asset_materialization.metadata["rows"].value == 1
        evaluations = reopened.all_logs(runs[0], of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION)
        assert sorted(e.dagster_event.event_specific_data.passed for e in evaluations) == [False] + [True] * 7
        reopened.wipe()
        assert reopened.get_run_records() == []
