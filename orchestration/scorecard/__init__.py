"""The monthly Children in Care scorecard: the report asset (report.py), its figures, pages, charts, HTML and
workbook. The indicators themselves are dbt models (dbt_project/models/*/scorecard)."""
