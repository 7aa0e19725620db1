"""The Dagster UI as an MI analyst uses it: the real webserver on workspace.yaml, asked through its GraphQL API
for the assets, their checks and the lineage from each landing file to the exports, then the asset graph
opened in headless Chromium (Debian's, driven by Playwright) and saved as ui_asset_graph.png in the test's
temporary folder (docs/ui_asset_graph.png, in git, is refreshed from it by hand: a test run leaves git clean).

One webserver serves the whole module. The browser is never downloaded: `make test` installs Debian's chromium
when it is missing (as root), and without it the browser test fails, saying so.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT_NAME = "ui_asset_graph.png"
# The readable lineage views the README links to: an export and the assets it is made from, drawn with their
# names (the global lineage opens as one collapsed box per group).
LINEAGE_VIEWS = {
    "scorecard": (
        "/assets/exports/scorecard_report?view=lineage&lineageScope=upstream&lineageDepth=1",
        ["scorecard_report", "indicator_months", "children_counted"],
    ),
    "ssda903": (
        "/assets/exports/ssda903_return?view=lineage&lineageScope=upstream&lineageDepth=1",
        ["ssda903_return", "episodes"],
    ),
}
CHROMIUM = os.environ.get("CLA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_SECONDS = 240  # the code server imports Dagster, dbt and the project and parses the dbt project
STAGES = ["landing", "raw", "staging", "intermediate", "marts", "exports"]
EXPORTS = ["exports/ssda903_return", "exports/scorecard_report"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def graphql(url: str, query: str) -> dict:
    request = urllib.request.Request(
        f"{url}/graphql", json.dumps({"query": query}).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    assert not answer.get("errors"), answer["errors"]
    return answer["data"]


def _wait_until_loaded(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"dagster-webserver exited ({server.returncode}):\n{log.read_text()[-3000:]}")
        try:
            entries = graphql(
                url,
                "{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus "
                "locationOrLoadError { __typename ... on PythonError { message } } } } } }",
            )["workspaceOrError"]["locationEntries"]
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(1)
            continue
        if entries and all(e["loadStatus"] == "LOADED" for e in entries):
            errors = [e["locationOrLoadError"] for e in entries]
            errors = [e for e in errors if e["__typename"] != "RepositoryLocation"]
            assert not errors, f"the code location did not load: {errors}"
            return
        time.sleep(1)
    pytest.fail(f"dagster-webserver did not load the workspace in {STARTUP_SECONDS} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    """dagster-webserver on workspace.yaml with its own Dagster home, data folder and dbt target."""
    root = tmp_path_factory.mktemp("ui")
    home = root / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "CLA_DATA_DIR": str(root / "data"),
        "CLA_DBT_TARGET": str(root / "dbt_target"),
        "DBT_LOG_PATH": str(root / "dbt_logs"),
        "GX_ANALYTICS_ENABLED": "false",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DO_NOT_TRACK": "1",
    }
    env.pop("CLA_WAREHOUSE", None)
    # dbt's manifest as the tests have parsed it, with its time kept, so the code server parses again only if a
    # model has changed since (as it would for `dagster dev`).
    from orchestration.settings import DBT_TARGET_DIR

    (root / "dbt_target").mkdir()
    if (DBT_TARGET_DIR / "manifest.json").exists():
        shutil.copy2(DBT_TARGET_DIR / "manifest.json", root / "dbt_target" / "manifest.json")
    if (DBT_TARGET_DIR / "hub" / "manifest.json").exists():  # the regional hub's (orchestration/regional/hub_dbt.py)
        (root / "dbt_target" / "hub").mkdir()
        shutil.copy2(DBT_TARGET_DIR / "hub" / "manifest.json", root / "dbt_target" / "hub" / "manifest.json")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = root / "webserver.log"
    webserver = Path(sys.executable).parent / "dagster-webserver"
    with open(log, "w") as out:
        # Its own process group, so that stopping it stops the code server it starts too.
        server = subprocess.Popen(
            [str(webserver), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    started = time.monotonic()
    try:
        _wait_until_loaded(url, server, log)
        print(f"webserver ready in {time.monotonic() - started:.1f} s")
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def nodes(ui) -> dict[str, dict]:
    data = graphql(
        ui,
        """{ assetNodes {
            assetKey { path } groupName description isMaterializable isPartitioned jobNames
            owners { ... on TeamAssetOwner { team } ... on UserAssetOwner { email } }
            dependencyKeys { path }
            assetChecksOrError { ... on AssetChecks { checks { name blocking description } } }
        } }""",
    )
    return {"/".join(n["assetKey"]["path"]): n for n in data["assetNodes"]}


@pytest.fixture(scope="module")
def repositories(ui) -> dict[str, dict]:
    """The workspace's code locations by name: the authority's (cla_warehouse) and the regional hub's."""
    data = graphql(
        ui,
        """{ repositoriesOrError { ... on RepositoryConnection { nodes {
            name location { name } jobs { name description }
            schedules { name cronSchedule pipelineName scheduleState { status } }
            sensors { name targets { pipelineName } sensorState { status } }
        } } } }""",
    )
    return {n["location"]["name"]: n for n in data["repositoriesOrError"]["nodes"]}


@pytest.fixture(scope="module")
def repository(repositories) -> dict:
    return repositories["cla_warehouse"]


def test_the_ui_shows_every_asset_the_code_defines(nodes):
    from orchestration.definitions import defs
    from orchestration.regional.definitions import defs as hub_defs

    defined = {k.to_user_string() for d in (defs, hub_defs) for k in d.resolve_asset_graph().get_all_asset_keys()}
    assert set(nodes) == defined


def test_every_asset_in_the_ui_is_described_grouped_and_owned(nodes):
    problems = []
    for key, node in sorted(nodes.items()):
        if len((node["description"] or "").strip()) < 40:
            problems.append(f"{key}: no description")
        if node["groupName"] in (None, "default"):
            problems.append(f"{key}: no group")
        if not node["owners"]:
            problems.append(f"{key}: no owner")
    assert not problems, "\n".join(problems)


def test_the_checks_are_shown_on_their_assets(nodes):
    def checks(key: str) -> dict[str, dict]:
        return {c["name"]: c for c in nodes[key]["assetChecksOrError"]["checks"]}

    assert {"contract", "rows_accounted"} <= set(checks("raw/case_system/children"))
    assert checks("exports/ssda903_return")["dfe_validation"]["blocking"]
    assert any("unique" in name for name in checks("staging/case_system/children"))  # dbt tests are checks
    total = sum(len(n["assetChecksOrError"].get("checks", [])) for n in nodes.values())
    assert total > 100


def _stage(key: str) -> int | None:
    first = key.split("/")[0]
    return STAGES.index(first) if first in STAGES else None


def lineage_to_landing(nodes: dict[str, dict], export: str) -> list[str] | None:
    """A path from a landing file to `export` passing through every stage in order (a stage may hold several
    steps, as intermediate models do; none may be skipped), or None."""
    parents = {key: ["/".join(d["path"]) for d in n["dependencyKeys"]] for key, n in nodes.items()}
    came_from: dict[str, str | None] = {export: None}
    queue = [export]
    while queue:
        key = queue.pop(0)
        if _stage(key) == 0:
            path = [key]
            while came_from[path[-1]]:
                path.append(came_from[path[-1]])
            return path
        for parent in parents.get(key, []):
            step = (_stage(parent) is not None) and _stage(key) - _stage(parent) in (0, 1)
            if step and parent not in came_from:
                came_from[parent] = key
                queue.append(parent)
    return None


@pytest.mark.parametrize("export", EXPORTS)
def test_lineage_runs_from_landing_through_every_stage_to_the_export(nodes, export):
    assert export in nodes, f"{export} is not in the UI"
    path = lineage_to_landing(nodes, export)
    assert path, f"no lineage from a landing file through raw, staging, intermediate and marts to {export}"
    stages = [STAGES[_stage(k)] for k in path]
    assert sorted(set(stages), key=STAGES.index) == STAGES, path
    print(f"{export}: " + " → ".join(path))


def test_the_903_return_starts_from_the_case_system_extract(nodes):
    path = lineage_to_landing(nodes, "exports/ssda903_return")
    assert path[0].startswith("landing/case_system/")
    assert nodes["exports/ssda903_return"]["isPartitioned"]


def test_jobs_schedules_and_the_landing_sensor_are_in_the_ui(repository):
    jobs = {j["name"] for j in repository["jobs"]}
    assert {"load_extracts_and_rebuild", "make_903_return"} <= jobs
    sensors = {s["name"]: s for s in repository["sensors"]}
    assert sensors["landing_files_changed"]["targets"] == [{"pipelineName": "load_extracts_and_rebuild"}]
    assert sensors["landing_files_changed"]["sensorState"]["status"] == "RUNNING"
    schedules = {s["name"]: s for s in repository["schedules"]}
    assert schedules["annual_903_return"]["pipelineName"] == "make_903_return"
    assert schedules["annual_903_return"]["cronSchedule"] == "0 6 1 5 *"


def test_the_scorecard_job_and_its_monthly_schedule_are_in_the_ui(repository):
    assert "publish_scorecard" in {j["name"] for j in repository["jobs"]}
    schedules = {s["name"]: s for s in repository["schedules"]}
    assert schedules["monthly_scorecard"]["pipelineName"] == "publish_scorecard"
    assert schedules["monthly_scorecard"]["cronSchedule"].startswith("0 6 3 ")


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """Where the browser tests save what they saw: outside the checkout."""
    return tmp_path_factory.mktemp("ui_screenshots")


def test_the_asset_graph_renders_in_chromium(ui, nodes, screenshots):
    screenshot = screenshots / SCREENSHOT_NAME
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: `make test` installs Debian's (apt-get install chromium) when run as "
            "root; elsewhere install it, or point CLA_CHROMIUM at one"
        )
    from playwright.sync_api import sync_playwright

    graphql(ui, "mutation { setNuxSeen }")  # the UI's first-visit newsletter dialog would cover the graph
    groups = {n["groupName"] for n in nodes.values()} - {None, "default"}  # assets without one fail another test
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        browser = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1600, "height": 1000},
        )
        try:
            page = browser.new_page()
            page.goto(f"{ui}/asset-groups", wait_until="domcontentloaded")
            # Each group is one node of the global lineage; edges join them once the layout is done. (Locators,
            # not wait_for_function: the UI's content security policy forbids evaluating strings.)
            group_nodes = page.locator("svg foreignObject.group")
            for group in sorted(groups):
                group_nodes.filter(has_text=group).first.wait_for(timeout=90_000)
            # Attached, not visible: a straight level edge (hub_shares → hub_marts) has an empty bounding box, which
            # Playwright counts as hidden.
            page.locator("svg path[marker-end]").first.wait_for(state="attached", timeout=30_000)
            page.get_by_text("fetching statuses").first.wait_for(state="detached", timeout=60_000)
            shown = group_nodes.all_text_contents()
            page.screenshot(path=str(screenshot))
        finally:
            browser.close()
    for group in groups:
        assert any(text.startswith(group) for text in shown), f"group {group} is not drawn"
    assert screenshot.stat().st_size > 20_000
    assert not str(screenshot).startswith(str(ROOT))  # a test run leaves the checkout as it was


@pytest.mark.parametrize("view", sorted(LINEAGE_VIEWS))
def test_the_readable_lineage_views_in_the_readme_open_with_their_assets_named(ui, view, screenshots):
    """The README's links open the lineage of an export with its assets drawn and named, not collapsed boxes."""
    link, names = LINEAGE_VIEWS[view]
    assert link in (ROOT / "README.md").read_text()
    from playwright.sync_api import sync_playwright

    graphql(ui, "mutation { setNuxSeen }")
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        browser = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1600, "height": 1000},
        )
        try:
            page = browser.new_page()
            page.goto(f"{ui}{link}", wait_until="domcontentloaded")
            try:
                for name in names:
                    page.get_by_text(name, exact=True).first.wait_for(timeout=90_000)
            finally:  # what it saw, whether or not the assets were found
                page.screenshot(path=str(screenshots / f"ui_lineage_{view}.png"))
                print(f"screenshot: {screenshots / f'ui_lineage_{view}.png'}")
        finally:
            browser.close()


def test_the_hub_is_a_second_code_location_with_lineage_from_each_share_to_the_regional_marts(nodes, repositories):
    hub = repositories["regional_hub"]
    assert {"load_authority_share", "rebuild_regional_marts"} <= {j["name"] for j in hub["jobs"]}
    assert "shares_arrived" in {s["name"] for s in hub["sensors"]}
    parents = {key: {"/".join(d["path"]) for d in n["dependencyKeys"]} for key, n in nodes.items()}
    assert "regional/staging/episodes" in parents["regional/marts/dfe_measures"]
    assert "hub/share/episodes" in parents["regional/staging/episodes"]
    assert "hub/landing/episodes" in parents["hub/share/episodes"]
    assert "hub/share/indicator_months" in parents["regional/staging/indicator_months"]
    assert nodes["hub/share/episodes"]["isPartitioned"]  # one partition per authority
