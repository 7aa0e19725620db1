"""The monthly Children in Care scorecard report (HTML and XLSX) from the scorecard marts; the Dagster asset is
orchestration/exports/scorecard_report.py."""
