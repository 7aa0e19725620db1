"""The landing sensor: a run of `load_extracts_and_rebuild` when, and only when, what is in the landing folder
has changed.

Every file under data/landing/ (recursively: extracts, earlier 903 returns, the provider register) is known by
its SHA-256. The folder's hash is the hash of every (relative path, content hash) pair, so touching a file,
saving it again unchanged or copying it back in starts nothing, and one changed, added or removed file starts
exactly one run. Files are hashed again only when their size, modification or change time moves: the cursor
keeps each file's (size, mtime, ctime, sha256) between ticks.

The run key is the hash of the previous run's key and the folder's hash. The same change seen twice (a tick
retried before its cursor was saved) has the same key, and Dagster starts it once; a folder put back to an
earlier state gets a new key, and a run, because the warehouse now holds the other one.

The first tick (no cursor yet: a new Dagster home, or `make ui` straight after `make demo`) starts from what the
warehouse has already loaded, the files and SHA-256 hashes in audit.extract_files: when every extract in the
landing folder is there with the same hash, the folder is taken as loaded and nothing starts (the files beside
the extracts, such as earlier returns, were loaded with them). Otherwise it loads, as before.

Files still arriving are waited for, not loaded half-written: the tick is skipped while any file was modified
in the last SETTLE_SECONDS, and names that copying tools and editors use for partial files are ignored
(hidden files, Excel's ~$ lock files, .tmp, .part, .partial, .crdownload, .filepart, .swp).
"""

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.ingest.landing import DECLARATION, content_hash
from orchestration.operations.jobs import load_extracts_and_rebuild
from orchestration.settings import load_settings

SETTLE_SECONDS = 60  # a file written to in the last minute may still be copying
TICK_SECONDS = 30
PARTIAL_SUFFIXES = {".tmp", ".part", ".partial", ".crdownload", ".filepart", ".swp"}


def is_partial(relative: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in relative.parts) or relative.suffix.lower() in PARTIAL_SUFFIXES


@dataclass
class Scan:
    hashes: dict[str, str] = field(default_factory=dict)  # relative path → sha256, for settled files
    seen: dict[str, list] = field(default_factory=dict)  # relative path → [size, mtime_ns, ctime_ns, sha256]
    arriving: list[str] = field(default_factory=list)  # files modified too recently to read


def scan(landing: Path, seen_before: dict[str, list], now: float) -> Scan:
    """Every settled file's content hash, rehashing only files whose size or times moved since the last tick."""
    found = Scan()
    files = sorted(p for p in landing.rglob("*") if p.is_file()) if landing.is_dir() else []
    for path in files:
        relative = path.relative_to(landing)
        if is_partial(relative):
            continue
        name = relative.as_posix()
        try:
            stat = path.stat()
            if now - stat.st_mtime < SETTLE_SECONDS:
                found.arriving.append(name)
                continue
            signature = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]
            before = seen_before.get(name)
            sha = before[3] if before and before[:3] == signature else content_hash(path)
        except FileNotFoundError:  # moved away between listing and reading: the next tick sees the result
            found.arriving.append(name)
            continue
        found.hashes[name] = sha
        found.seen[name] = [*signature, sha]
    return found


def folder_hash(hashes: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(hashes):
        digest.update(f"{name}\0{hashes[name]}\n".encode())
    return digest.hexdigest()


def next_run_key(previous_key: str | None, folder: str) -> str:
    return hashlib.sha256(f"{previous_key or ''}\0{folder}".encode()).hexdigest()


def already_loaded(warehouse: Path, la_code: str) -> dict[str, str] | None:
    """The extract files the warehouse has loaded ('<source>/<file>' → sha256), from audit.extract_files; None
    when there is no warehouse or audit yet. Read-only, so it never blocks a run; while a run holds the file,
    DuckDB refuses, and this raises (the tick is tried again)."""
    if not warehouse.exists():
        return None
    with duckdb.connect(str(warehouse), read_only=True) as con:
        exists = con.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = 'audit' AND table_name = 'extract_files'"
        ).fetchone()[0]
        if not exists:
            return None
        rows = con.execute(
            "SELECT source, source_file, sha256 FROM audit.extract_files WHERE la_code = ? AND sha256 IS NOT NULL",
            [la_code],
        ).fetchall()
    return {f"{source}/{name}": sha for source, name, sha in rows} or None


def loaded_before(hashes: dict[str, str], audited: dict[str, str] | None) -> bool:
    """True when every extract file in the folder (those under a source's subfolder that the audit knows of)
    is in the audit with the same hash, and the audit names no file that has gone."""
    if not audited:
        return False
    sources = {name.split("/")[0] for name in audited}
    extracts = {
        name: sha
        for name, sha in hashes.items()
        if name.split("/")[0] in sources and not name.endswith(f"/{DECLARATION}")  # not an extract: no audit row
    }
    return extracts == audited


def changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """'+ added', '~ changed', '- removed', by relative path."""
    marked = [f"+ {n}" for n in after if n not in before] + [f"- {n}" for n in before if n not in after]
    marked += [f"~ {n}" for n in after if n in before and before[n] != after[n]]
    return sorted(marked, key=lambda m: m[2:])


@dg.sensor(
    name="landing_files_changed",
    job=load_extracts_and_rebuild,
    minimum_interval_seconds=TICK_SECONDS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description=(
        "Starts load_extracts_and_rebuild when a file in the landing folder is added, changed or removed (by "
        f"content, SHA-256), once the folder has been still for {SETTLE_SECONDS} seconds."
    ),
)
def landing_files_changed(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    # Cursor: what was last loaded (path → sha256), the key of the run that loaded it, and the files seen.
    cursor = json.loads(context.cursor) if context.cursor else {}
    loaded: dict[str, str] = cursor.get("loaded", {})
    settings = load_settings()
    landing = settings.landing_dir
    found = scan(landing, cursor.get("seen", {}), time.time())

    def result(skip_reason: str | None = None, run_requests=None, **updates) -> dg.SensorResult:
        state = {"loaded": loaded, "run_key": cursor.get("run_key"), **updates, "seen": found.seen}
        return dg.SensorResult(skip_reason=skip_reason, run_requests=run_requests, cursor=json.dumps(state))

    if found.arriving:
        shown = ", ".join(found.arriving[:5]) + (" …" if len(found.arriving) > 5 else "")
        return result(f"waiting for {len(found.arriving)} file(s) still being written: {shown}")
    if not found.hashes:
        return result(f"nothing to load in {landing}")
    folder = folder_hash(found.hashes)
    if loaded and folder == folder_hash(loaded):
        return result("no file in the landing folder has changed since the last load")
    if not context.cursor:
        try:
            audited = already_loaded(settings.warehouse, settings.la_code)
        except duckdb.Error as problem:  # a run is writing the warehouse: look again at the next tick
            return dg.SensorResult(skip_reason=f"the warehouse is busy ({type(problem).__name__}); trying again")
        if loaded_before(found.hashes, audited):
            loaded = found.hashes
            return result(f"the warehouse has already loaded these {len(audited)} extract files (audit.extract_files)")

    run_key = next_run_key(cursor.get("run_key"), folder)
    changed = changes(loaded, found.hashes)
    context.log.info(f"landing folder changed ({len(changed)} file(s)): " + "; ".join(changed[:20]))
    request = dg.RunRequest(
        run_key=run_key,
        tags={"cla/landing_hash": folder[:16], "cla/files_changed": str(len(changed))},
    )
    return result(run_requests=[request], loaded=found.hashes, run_key=run_key)
