"""The monthly Children in Care scorecard: data/exports/scorecard/<yyyy-mm>/, one folder per published month.

The folder holds scorecard_<yyyy-mm>.html (self-contained: the summary table in the committee papers' layout,
then a page per indicator with its definition, five-year trend, last 12 months, breakdowns and the difference
excluding UASC, drawn as charts; the indicators the data cannot support at the end), the same printed by
Chromium as scorecard_<yyyy-mm>.pdf (A4 landscape, summary first) to hand to a committee, and
scorecard_<yyyy-mm>.xlsx (the same figures, and the children counted by case-system id, for the MI team).
The HTML and the PDF leave the MI team, so their breakdowns show small numbers as 'c'; the workbook keeps them.

Partitioned by month, so each published month is kept: the partition 2026-10 is the month ending 31 October
2026, the last complete month when run in November. Nothing in either file depends on when it was written, so
the same warehouse gives byte-identical files; a month published before is archived, not overwritten.
"""

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from orchestration.ingest.sources import behind, read_coverage
from orchestration.owners import owners_for_group
from orchestration.previous_publication import PublicationRefused, previous, refuse_if_shrunk, remember
from orchestration.printing import PrintError, print_pdf
from orchestration.publishing import publish_folder
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.scorecard.figures import ScorecardFigures, month_end_of, read_figures
from orchestration.scorecard.html import render_html
from orchestration.scorecard.pages import Report, build_report
from orchestration.scorecard.workbook import write_workbook
from orchestration.settings import load_settings

REPORT_KEY = dg.AssetKey(["exports", "scorecard_report"])
PUBLICATION = "scorecard_report"  # its name in audit.publications
# The first month with five years of monthly history in the demo's warehouse; the last is the last complete one.
# In Europe/London, so the monthly schedule built from it runs at 06:00 local time, as the 903 schedule does.
SCORECARD_MONTHS = dg.MonthlyPartitionsDefinition(
    start_date="2021-11", fmt="%Y-%m", end_offset=0, timezone="Europe/London"
)
SCORECARD_DEPS = [
    dg.AssetKey(["marts", "scorecard", "indicator_months"]),
    dg.AssetKey(["marts", "scorecard", "children_counted"]),
    dg.AssetKey(["reference", "scorecard_indicators"]),
]


@dataclass(frozen=True)
class PublishedScorecard:
    folder: Path
    html: Path
    workbook: Path
    report: Report
    children_counted: int
    pdf: Path | None = None
    pdf_problem: str = ""  # why there is no PDF (no Chromium here), for the run's log


def counted_at(figures: ScorecardFigures, month_end: date) -> dict[str, int]:
    """Each indicator's numerator and denominator at a month's end (all children, no breakdown)."""
    months = figures.months
    rows = months[(months["month_end"] == month_end) & (months["cohort"] == "all") & (months["breakdown"] == "all")]
    counts: dict[str, int] = {}
    for row in rows.itertuples():
        for part in ("numerator", "denominator"):
            value = getattr(row, part)
            counts[f"{row.indicator_id} {part}"] = 0 if pd.isna(value) else int(value)
    return counts


def refuse_empty_or_shrunk(
    con: duckdb.DuckDBPyConnection, figures: ScorecardFigures, la_code: str, min_share_kept: float
) -> dict[str, int]:
    """The month's counts, unless no child is counted or the month last published is now counted much smaller
    than it was published (its figures are in this report's trend): then PublicationRefused."""
    month = figures.month_end
    counts = counted_at(figures, month)
    if not any(counts.values()):
        raise PublicationRefused(
            f"The {month:%B %Y} scorecard was not published: no child is counted in any indicator. Check that the "
            "extracts are in landing and loaded (audit.entity_loads, audit.extract_files)."
        )
    before = previous(con, la_code, PUBLICATION, f"{month:%Y-%m}")
    if before is not None:
        period, published = before
        recounted = counted_at(figures, month_end_of(period))
        if recounted:  # within the report's five-year trend
            refuse_if_shrunk(
                f"The {month:%B %Y} scorecard", f"{month_end_of(period):%B %Y}", published, recounted, min_share_kept
            )
    return counts


def write_scorecard(
    con: duckdb.DuckDBPyConnection,
    month_end: date,
    folder: Path,
    la_name: str,
    la_code: str | None = None,
    min_share_kept: float = 0.5,
    made: date | None = None,
    pdf: bool = True,
) -> PublishedScorecard:
    """Read the month's figures, render the HTML, the PDF and the workbook into a hidden folder beside `folder`,
    and rename it into place (archiving a version already there). `made` is the load date (CLA_AS_OF). Refused
    (PublicationRefused) when no child is counted, or when the month last published is now counted much smaller
    than it was."""
    figures = read_figures(con, month_end, la_code)
    counts = refuse_empty_or_shrunk(con, figures, la_code or "", min_share_kept)
    report = build_report(figures)
    made = made or load_settings().as_of
    name = f"scorecard_{month_end:%Y-%m}"
    problems: list[str] = []

    def write(staging: Path) -> None:
        html = staging / f"{name}.html"
        html.write_text(render_html(report, la_name, made, report.data_up_to), encoding="utf-8", newline="\n")
        if pdf:
            try:
                print_pdf(html, staging / f"{name}.pdf")
            except PrintError as problem:  # the HTML prints on A4 too; the PDF is for handing over
                problems.append(str(problem))
        write_workbook(staging / f"{name}.xlsx", figures, report, la_name, made)

    written = publish_folder(folder, write)
    remember(con, la_code or "", PUBLICATION, f"{month_end:%Y-%m}", counts)
    return PublishedScorecard(
        folder=written,
        html=written / f"{name}.html",
        workbook=written / f"{name}.xlsx",
        report=report,
        children_counted=len(figures.children),
        pdf=written / f"{name}.pdf" if (written / f"{name}.pdf").exists() else None,
        pdf_problem="; ".join(problems),
    )


@dg.asset(
    key=REPORT_KEY,
    partitions_def=SCORECARD_MONTHS,
    deps=SCORECARD_DEPS,
    group_name="scorecard",
    pool=WAREHOUSE_POOL,
    owners=owners_for_group("scorecard"),
    kinds={"html", "pdf", "xlsx"},
    description=(
        "The Children in Care scorecard for a month (partition 2026-10 = month ending 31 October 2026) in "
        "`data/exports/scorecard/yyyy-mm/`: a self-contained HTML report and the same as an A4 landscape PDF "
        "(summary table with RAG, direction of travel, target, previous quarter and outturn; a page per "
        "indicator with its definition, comparators with their year, five-year trend, last 12 months, "
        "breakdowns with small numbers shown as 'c', and the difference excluding UASC) and an XLSX workbook of "
        "the same figures with the children counted by case-system id, for the MI team. Written whole or not "
        "at all; a month already published is archived. The same warehouse gives byte-identical files."
    ),
)
def scorecard_report(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    settings = load_settings()
    month_end = month_end_of(context.partition_key)
    started = time.perf_counter()
    with warehouse.connect() as con:
        # No figure runs ahead of its data: a month a required source does not reach is not published (a source
        # not supplied at all does not stop it: its indicators say "no data").
        short = [c for c in behind(read_coverage(con, settings.la_code), month_end) if c.required and c.data_up_to]
        if short:
            raise dg.Failure(
                description=f"The {month_end:%B %Y} scorecard is not published: " + "; ".join(c.reason for c in short),
                metadata={"behind": dg.MetadataValue.json({c.source: c.reason for c in short})},
            )
        try:
            published = write_scorecard(
                con,
                month_end,
                settings.exports_dir / "scorecard" / f"{month_end:%Y-%m}",
                settings.la_name,
                settings.la_code,
                settings.min_share_kept,
                made=settings.as_of,
            )
        except PublicationRefused as refused:
            raise dg.Failure(description=str(refused)) from None
    seconds = time.perf_counter() - started
    report = published.report
    missing = [r.indicator_id for r in report.rows if not r.has_figures]
    if missing:
        context.log.warning(f"no figures in the warehouse for {', '.join(missing)} in {month_end:%B %Y}")
    if report.uncatalogued:
        context.log.warning(
            f"not in the report: {', '.join(report.uncatalogued)} have figures but no row in the indicator catalogue"
        )
    if published.pdf_problem:
        context.log.warning(f"no PDF of the scorecard: {published.pdf_problem}")
    context.log.info(f"scorecard for {month_end:%B %Y} written to {published.folder} in {seconds:.1f} s")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(published.folder)),
            "report": dg.MetadataValue.url(published.html.as_uri()),
            "workbook": dg.MetadataValue.path(str(published.workbook)),
            "pdf": dg.MetadataValue.path(str(published.pdf)) if published.pdf else "not made: " + published.pdf_problem,
            "month_end": month_end.isoformat(),
            "data_up_to": dg.MetadataValue.json(
                {s: reached.isoformat() if reached else "missing" for s, reached in report.sources_reach.items()}
            ),
            "indicators_rendered": len(report.rows),
            "indicators_without_figures": dg.MetadataValue.json(missing),
            "indicators_not_supported": dg.MetadataValue.json([u["indicator_id"] for u in report.unsupported]),
            "indicators_not_in_catalogue": dg.MetadataValue.json(report.uncatalogued),
            "rag_counts": dg.MetadataValue.json(report.rag_counts),
            "children_counted_rows": published.children_counted,
            "render_seconds": round(seconds, 2),
        }
    )
