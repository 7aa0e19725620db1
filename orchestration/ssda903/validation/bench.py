"""The validation bench: `cla validate-903` against the sector validator (csc-validator-be-903) on the same files,
from files to reports, each run as its own process, a few times each; and our command's time by stage.

Three returns: the sector validator's own test files (tests/fake_data of its repository), the demo authority's
clean 2025/26 return (with last year's), and the test files repeated 30 times with renumbered children. The
sector validator lives in its own Python 3.11 environment, never a dependency of ours:

    python3.11 -m venv $CLA_SECTOR_VALIDATOR/venv   (default /work/.sector-validator)
    $CLA_SECTOR_VALIDATOR/venv/bin/pip install csc-validator-be-903

and its test files are read from $CLA_SECTOR_FIXTURES (default $CLA_SECTOR_VALIDATOR/fake_data; copy
tests/fake_data there from its repository; they are not committed here). Without the validator its column is
skipped, saying so; without its test files those two rows are.

`python -m orchestration.bench --validation` runs this alone; `make bench` runs it after the pipeline.
"""

from __future__ import annotations

import csv
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from orchestration.settings import PROJECT_ROOT

SECTOR_HOME = Path(os.environ.get("CLA_SECTOR_VALIDATOR", PROJECT_ROOT.parent / ".sector-validator"))
SECTOR_PYTHON = SECTOR_HOME / "venv" / "bin" / "python"
FIXTURES = Path(os.environ.get("CLA_SECTOR_FIXTURES", SECTOR_HOME / "fake_data"))
# The DfE tables of its test files (it also holds a copy of placed_for_adoption with errors, and its SW and
# DoLo tables, which are not part of the 2025/26 return).
FIXTURE_TABLES = (
    "header",
    "episodes",
    "reviews",
    "uasc",
    "oc2",
    "oc3",
    "ad1",
    "placed_for_adoption",
    "previous_permanence",
    "missing",
)
COPIES = 30
REPEATS = int(os.environ.get("CLA_BENCH_REPEATS", "3"))
LA_CODE = "E10000016"
WORK = PROJECT_ROOT / "data" / "bench" / "validation"
# The 2025/26 return of the pipeline bench's scale-1 run (orchestration/bench.py), made there when absent.
DEMO_RETURN = PROJECT_ROOT / "data" / "bench" / "scale-1" / "validation"
STAGES = ("imports", "reading", "database", "rules", "reports")
GOALS = {"fixtures": 10, "demo": 20, "fixtures-x30": 20}


def _fixture_files(folder: Path) -> list[Path]:
    return [folder / f"{table}.csv" for table in FIXTURE_TABLES]


def _copies(source: Path, target: Path, copies: int) -> Path:
    """The test files repeated `copies` times, each copy's children renumbered (two digits appended, so an id
    stays numeric and no two copies share one)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in _fixture_files(source):
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        child = rows[0].index("CHILD")
        with open(target / path.name, "w", newline="", encoding="utf-8") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(rows[0])
            for n in range(copies):
                out.writerows(row[:child] + [f"{row[child]}{n:02d}"] + row[child + 1 :] for row in rows[1:])
    return target


def _demo_return() -> tuple[list[Path], list[Path]]:
    this_year, last_year = DEMO_RETURN / "2025-26", DEMO_RETURN / "2024-25"
    if not this_year.exists() or not last_year.exists():
        from orchestration.bench import _run

        print("the demo authority's return is not at hand: building scale 1 for it (orchestration.bench)")
        _run(1)
    return sorted(this_year.glob("*.csv")), sorted(last_year.glob("*.csv"))


def _timed(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: DfE errors found
        raise RuntimeError(f"{command[:3]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, done.stdout


def _ours(files: list[Path], last_year: list[Path], out: Path) -> tuple[float, dict[str, float], int]:
    """Wall seconds of `cla validate-903` as a process, its stages (what it reports; start-up is the rest) and
    the failures it found."""
    command = [str(Path(sys.executable).parent / "cla"), "validate-903", "--year", "2025/26", "--la-code", LA_CODE]
    command += ["--out", str(out), *map(str, files)] + (["--last-year", *map(str, last_year)] if last_year else [])
    seconds, stdout = _timed(command)
    stages = {k: float(v) for k, v in re.findall(r"(\w+) (\d+\.\d+) s", stdout.split("stages:")[-1])}
    found = re.search(r"(\d+) errors and (\d+) queries", stdout)
    stages["start-up"] = seconds - sum(stages.values())
    return seconds, stages, int(found[1]) + int(found[2])


def _theirs(files: list[Path], last_year: list[Path], out: Path) -> tuple[float, int]:
    command = [str(SECTOR_PYTHON), str(Path(__file__).with_name("bench_sector.py")), "2026", LA_CODE, str(out)]
    command += [*map(str, files)] + (["--last-year", *map(str, last_year)] if last_year else [])
    seconds, stdout = _timed(command)
    return seconds, int(stdout.split()[-1])


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def measure() -> dict:
    sector = SECTOR_PYTHON.exists()
    returns: dict[str, tuple[str, list[Path], list[Path]]] = {}
    if all(p.exists() for p in _fixture_files(FIXTURES)):
        returns["fixtures"] = ("its own test files", _fixture_files(FIXTURES), [])
    demo, demo_last = _demo_return()
    returns["demo"] = ("the demo authority's clean 2025/26 return, with last year's", demo, demo_last)
    if "fixtures" in returns:
        copied = _fixture_files(_copies(FIXTURES, WORK / f"fixtures-x{COPIES}", COPIES))
        returns[f"fixtures-x{COPIES}"] = (f"its test files × {COPIES}", copied, [])
    figures: dict = {"sector_validator": sector, "fixtures": "fixtures" in returns, "rows": [], "load": [_load()]}
    for name, (title, files, last_year) in returns.items():
        row: dict = {"name": name, "title": title, "children": _children(files), "ours": [], "theirs": []}
        row["episodes"] = _children(files, "episodes")
        for _ in range(REPEATS):
            seconds, stages, row["ours_failures"] = _ours(files, last_year, WORK / "out" / name / "ours")
            row["ours"].append(seconds)
            row.setdefault("stages", []).append(stages)
            if sector:
                seconds, row["theirs_failures"] = _theirs(files, last_year, WORK / "out" / name / "theirs")
                row["theirs"].append(seconds)
            print(f"  {name}: ours {row['ours'][-1]:.1f} s, theirs {row['theirs'][-1] if sector else '-'}", flush=True)
        figures["rows"].append(row)
        figures["load"].append(_load())
    return figures


def _children(files: list[Path], table: str = "header") -> int:
    path = next((p for p in files if p.stem.lower().startswith(table)), None)
    if path is None:
        return 0
    with open(path, encoding="utf-8-sig") as f:
        return sum(1 for _ in f) - 1


def _span(values: list[float]) -> str:
    return f"{min(values):.1f} / {statistics.median(values):.1f}"


def report(figures: dict, when: str, machine: str) -> list[str]:
    lines = [
        f"\n## {when} — 903 validation against the sector validator; {machine}\n",
        f"`make bench` (`python -m orchestration.bench --validation` alone): each tool run as its own process from "
        f"files to reports, {REPEATS} times in turn on the same files (seconds, min / median, wall). Ours is "
        "`cla validate-903` (its CSV and XLSX reports); the sector validator is csc-validator-be-903 in its own "
        "Python 3.11 environment, doing what its app does with an upload (reading, every rule of 2025/26, its "
        "error and child lists as CSV and its XLSX report). Load average (1, 5, 15 min) while it ran: "
        + "; ".join(figures["load"])
        + ".",
        "",
    ]
    if not figures["sector_validator"]:
        lines += [f"The sector validator is not installed ({SECTOR_PYTHON}): its column is skipped.", ""]
    if not figures["fixtures"]:
        lines += [f"Its test files are not at {FIXTURES} (CLA_SECTOR_FIXTURES): those rows are skipped.", ""]
    lines += [
        "| return | children | episodes | sector validator (s) | `cla validate-903` (s) | ratio (medians) | goal "
        "| met |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in figures["rows"]:
        ours = statistics.median(row["ours"])
        theirs = statistics.median(row["theirs"]) if row["theirs"] else None
        ratio = f"{theirs / ours:.1f}×" if theirs else "–"
        goal = GOALS.get(row["name"], 0)
        met = ("yes" if theirs / ours >= goal else "no") if theirs else "not measured"
        lines.append(
            f"| {row['title']} | {row['children']:,} | {row['episodes']:,} | "
            f"{_span(row['theirs']) if theirs else 'not installed'} | {_span(row['ours'])} | {ratio} | ≥ {goal}× "
            f"| {met} |"
        )
    lines += ["", "Failures found (errors and queries; the sector validator's are its issue rows):", ""]
    for row in figures["rows"]:
        lines.append(
            f"- {row['title']}: ours {row['ours_failures']:,}"
            + (f", the sector validator's {row['theirs_failures']:,}" if row["theirs"] else "")
        )
    lines += [
        "",
        "`cla validate-903` by stage (s, medians; start-up is Python and the command line's own imports, "
        "imports the validation's modules, database includes the postcode fields):",
        "",
        "| return | " + " | ".join(("start-up", *STAGES)) + " |",
        "|---|" + "---:|" * (len(STAGES) + 1),
    ]
    for row in figures["rows"]:
        medians = [statistics.median(s.get(k, 0) for s in row["stages"]) for k in ("start-up", *STAGES)]
        lines.append(f"| {row['title']} | " + " | ".join(f"{m:.2f}" for m in medians) + " |")
    return lines


def run(benchmarks: Path) -> None:
    """Measure, and append the section to BENCHMARKS.md."""
    from datetime import datetime

    from orchestration.bench import machine

    when = f"{datetime.now():%Y-%m-%d %H:%M}"
    figures = measure()
    with open(benchmarks, "a", encoding="utf-8") as f:
        f.write("\n".join(report(figures, when, machine())) + "\n")
    print(f"903 validation bench appended to {benchmarks}")
