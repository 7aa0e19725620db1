"""The `duckdb` pool's slots: freed when the run holding them died, waited for (saying for what) otherwise.

Dagster frees a step's pool slot when the step ends. A `cla run` killed outright (kill -9, a power cut) ends no
step, so its slots stay claimed and every later run's steps would wait for them forever, silently. Each run
`cla` starts is therefore tagged with its process id and host; before starting another, a run whose process is
gone is marked failed and its slots freed. A slot held by a live run (or one started elsewhere, such as by the
Dagster daemon) is waited for, naming the run, and after a time limit `cla` stops with the fix.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable

import dagster as dg

PID_TAG, HOST_TAG = "cla/pid", "cla/host"
FINISHED = {dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED}


class PoolBusy(Exception):
    """The pool stayed claimed by another run for longer than the time limit."""


def run_tags() -> dict[str, str]:
    """Tags for a run this process starts, so a later `cla` can tell whether its process is still alive."""
    return {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return True


def _dead(run: dg.DagsterRun | None) -> bool:
    """The run ended, vanished, or was started by a `cla` on this host whose process is gone."""
    if run is None or run.status in FINISHED:
        return True
    tags = run.tags
    if tags.get(HOST_TAG) != socket.gethostname() or not tags.get(PID_TAG, "").isdigit():
        return False  # started elsewhere (the daemon, another machine): its own monitoring answers for it
    pid = int(tags[PID_TAG])
    return pid != os.getpid() and not _process_alive(pid)


def _runs_in_pool(instance: dg.DagsterInstance, pool: str) -> set[str]:
    info = instance.event_log_storage.get_concurrency_info(pool)
    return {slot.run_id for slot in info.claimed_slots} | {step.run_id for step in info.pending_steps}


def free_dead_runs(instance: dg.DagsterInstance, pool: str) -> list[str]:
    """Free the slots of every run in the pool whose process died; mark such runs failed. Their ids."""
    freed = []
    for run_id in sorted(_runs_in_pool(instance, pool)):
        run = instance.get_run_by_id(run_id)
        if not _dead(run):
            continue
        if run is not None and run.status not in FINISHED:
            instance.report_run_failed(run, f"the process of this run (pid {run.tags.get(PID_TAG)}) is gone")
        instance.event_log_storage.free_concurrency_slots_for_run(run_id)
        freed.append(run_id)
    return freed


def holders(instance: dg.DagsterInstance, pool: str) -> list[str]:
    """The live runs holding one of the pool's slots, described for a person."""
    info = instance.event_log_storage.get_concurrency_info(pool)
    described = []
    for run_id in sorted({slot.run_id for slot in info.claimed_slots}):
        run = instance.get_run_by_id(run_id)
        job = run.job_name if run else "?"
        pid = run.tags.get(PID_TAG, "not started by cla") if run else "?"
        described.append(f"run {run_id[:8]} ({job}, process {pid})")
    return described


def wait_for_pool(
    instance: dg.DagsterInstance, pool: str, timeout: float, say: Callable[[str], None], poll: float = 2.0
) -> None:
    """Free dead runs' slots, then wait until no live run holds the pool, saying which run is waited for;
    PoolBusy after `timeout` seconds."""
    for run_id in free_dead_runs(instance, pool):
        say(f"freed the '{pool}' pool slot of run {run_id[:8]}, whose process had died")
    deadline = time.monotonic() + timeout
    said = None
    while busy := holders(instance, pool):
        if busy != said:
            say(f"waiting for {', '.join(busy)}, which holds the '{pool}' pool (the warehouse is one writer at a time)")
            said = busy
        if time.monotonic() >= deadline:
            raise PoolBusy(
                f"the '{pool}' pool is still held by {', '.join(busy)} after {timeout:.0f} s. If that run is still "
                "working, wait for it (CLA_POOL_WAIT sets how long to wait). If its process is gone, mark it "
                "failed in the UI (Runs → the run → Terminate) or with `dagster run delete <run id>`, which "
                "frees its slot, then run again."
            )
        time.sleep(poll)
        free_dead_runs(instance, pool)
