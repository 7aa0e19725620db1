"""The sector validator (csc-validator-be-903) run from files to reports, for the validation bench to time.

Run by the sector validator's own Python (its separate environment, never a dependency of ours), not imported:

    python bench_sector.py <year ending, e.g. 2026> <la code> <out folder> <file>... [--last-year <file>...]

It does what its web app does with an upload: reads the files, runs every rule of the year, and writes the two
lists the user downloads (errors by rule, errors by child) as CSV and its XLSX report. Prints the number of
failures found.
"""

import sys
from pathlib import Path

from lac_validator import lac_validator
from lac_validator.report import Report
from lac_validator.rules.ruleset_utils import get_year_ruleset
from lac_validator.utils import process_uploaded_files


def main(argv: list[str]) -> int:
    ending, la_code, out, *files = argv
    last = files[files.index("--last-year") + 1 :] if "--last-year" in files else []
    this = files[: files.index("--last-year")] if "--last-year" in files else files
    uploaded = process_uploaded_files({"This year": this, **({"Prev year": last} if last else {})})
    registry = get_year_ruleset(ending)
    validator = lac_validator.LacValidator(
        metadata={"collectionYear": ending, "localAuthority": la_code},
        files=uploaded,
        registry=registry,
        selected_rules=None,
    )
    report = Report(validator.ds_results, registry)
    issues = lac_validator.create_issue_df(report.report, report.error_report)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    report.csv_report("errors", folder / "error_summary.csv")
    report.csv_report("children", folder / "child_summary.csv")
    report.excel_report(folder / "report.xlsx")
    print(len(issues))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
