"""The data-quality report: every quality metric's trend, the dataset checks, the quarantine by reason, and
Great Expectations' Data Docs, in data/exports/quality/<load date>/.

index.html is one page a performance officer can read (a small line chart per metric, drawn as inline SVG);
metrics.csv, checks.csv and quarantine_summary.csv hold the same figures; data_docs/ is GX's own site for the
checks (suites and validation results). Children are named only by case-system id, and only in data_docs
(the failing records of each check); dates of birth, postcodes and names appear nowhere.
"""

import html
import re
import shutil
import tempfile
from pathlib import Path

import dagster as dg
import pandas as pd

from orchestration.ingest.assets import quarantine_key
from orchestration.owners import owners_for_group
from orchestration.publishing import publish_folder
from orchestration.quality.suites import load_checks, load_thresholds
from orchestration.quality.validation import CheckOutcome, quiet_context, run_check
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import load_settings
from schemas.contracts import load_contracts

METRICS_KEY = dg.AssetKey(["marts", "quality", "metrics"])
# which threshold each metric of the mart is judged by (the checks judge them; the report draws the line)
METRIC_THRESHOLDS = {
    "care_leaver_status_not_known_17_18": "care_leaver_status_not_known",
    "care_leaver_status_not_known_19_21": "care_leaver_status_not_known",
    "health_records_unlinked": "health_records_unlinked",
    "education_records_unlinked": "education_records_unlinked",
    "school_age_children_without_education_record": "school_age_without_education",
    "children_due_health_assessment_without_one": "health_assessment_missing",
    "dates_after_extract": "dates_after_extract",
    "children_recorded_twice": "children_recorded_twice",
    "days_from_newest_record_to_extract_date": "extract_max_age_days",
}
MONTHS_DRAWN = 24


def _threshold_for(metric: str, thresholds: dict[str, float]) -> float | None:
    if metric.startswith("implausible_"):
        return thresholds["implausible_values"]
    name = METRIC_THRESHOLDS.get(metric)
    return thresholds[name] if name else None


def quarantine_summary(con, la_code: str) -> pd.DataFrame:
    """Quarantined rows by source, entity and reason (a reason is a problem with its quoted value taken out)."""
    parts = [
        f"SELECT '{c.source}' AS source, '{c.entity}' AS entity, problems FROM quarantine.{c.entity} "
        f"WHERE la_code = '{la_code}'"
        for c in load_contracts().values()
    ]
    rows = con.execute(" UNION ALL ".join(parts)).df()
    columns = ["source", "entity", "reason", "rows"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows["reason"] = rows["problems"].str.split("; ")
    rows = rows.explode("reason")
    rows["reason"] = rows["reason"].map(lambda r: re.sub(r"'[^']*'", "'…'", r))
    summary = rows.groupby(["source", "entity", "reason"]).size().reset_index(name="rows")
    return summary.sort_values(["rows", "source", "entity"], ascending=[False, True, True])[columns]


def _sparkline(points: pd.DataFrame, threshold: float | None, share: bool) -> str:
    """A 240×60 line chart of value by month, with the threshold dashed."""
    width, height, pad = 240, 60, 4
    values = points["value"].astype(float).tolist()
    top = max([*values, threshold or 0, 1e-9])
    bottom = min([*values, 0])
    span = (top - bottom) or 1

    def y(v: float) -> float:
        return round(height - pad - (v - bottom) / span * (height - 2 * pad), 1)

    step = (width - 2 * pad) / max(len(values) - 1, 1)
    line = " ".join(f"{round(pad + i * step, 1)},{y(v)}" for i, v in enumerate(values))
    parts = [f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">']
    if threshold is not None and (threshold > 0 or not share):
        parts.append(
            f'<line x1="{pad}" x2="{width - pad}" y1="{y(threshold)}" y2="{y(threshold)}" '
            'stroke="#c0392b" stroke-dasharray="4 3"/>'
        )
    if len(values) > 1:
        parts.append(f'<polyline fill="none" stroke="#1f5f8b" stroke-width="1.5" points="{line}"/>')
    last = values[-1]
    parts.append(f'<circle cx="{round(pad + (len(values) - 1) * step, 1)}" cy="{y(last)}" r="2.5" fill="#1f5f8b"/>')
    parts.append("</svg>")
    return "".join(parts)


def _format(value: float, share: bool) -> str:
    return f"{100 * value:.1f}%" if share else f"{value:,.0f}"


def render_html(metrics: pd.DataFrame, checks: list[CheckOutcome], summary: pd.DataFrame, meta: dict) -> str:
    thresholds = meta["thresholds"]
    e = html.escape
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Data quality</title>",
        "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:middle}"
        ".fail{color:#c0392b;font-weight:bold}.pass{color:#1e7b34}small{color:#666}</style></head><body>",
        f"<h1>Data quality: {e(meta['la_name'])}, load of {meta['load_date']}</h1>",
        f"<p>Extracts as at {meta['extract_date']}. Children are named only by case-system id, and only in the "
        "<a href='data_docs/index.html'>Great Expectations Data Docs</a>. Thresholds: "
        "<code>schemas/quality/thresholds.yaml</code>.</p>",
        "<h2>Dataset checks</h2><table><tr><th>check</th><th>suite</th><th>result</th><th>checked</th>"
        "<th>failing</th><th>threshold</th><th>severity</th></tr>",
    ]
    for o in checks:
        result = "<span class='pass'>passed</span>" if o.passed else "<span class='fail'>failed</span>"
        out.append(
            f"<tr><td>{e(o.check.name)}<br><small>{e(o.check.description)}</small></td><td>{e(o.check.suite)}</td>"
            f"<td>{result}</td><td>{o.checked:,}</td><td>{o.failing:,}</td><td>{o.threshold:g}</td>"
            f"<td>{o.check.severity}</td></tr>"
        )
    out.append("</table><h2>Trends</h2><p>The last 24 months; the dashed line is the threshold.</p>")
    out.append("<table><tr><th>metric</th><th>source</th><th>trend</th><th>latest</th><th>month</th></tr>")
    for (metric, source), points in metrics.groupby(["metric", "source"], sort=True):
        points = points.sort_values("month_end").tail(MONTHS_DRAWN)
        share = points["denominator"].notna().any()
        threshold = _threshold_for(metric, thresholds)
        last = points.iloc[-1]
        count = f" ({int(last['numerator']):,} of {int(last['denominator']):,})" if share else ""
        out.append(
            f"<tr><td>{e(metric)}</td><td>{e(source)}</td><td>{_sparkline(points, threshold, share)}</td>"
            f"<td>{_format(float(last['value'] or 0), share)}{count}</td><td>{last['month_end']:%b %Y}</td></tr>"
        )
    out.append("</table><h2>Quarantine by reason</h2>")
    if summary.empty:
        out.append("<p>No rows quarantined.</p>")
    else:
        out.append("<table><tr><th>source</th><th>entity</th><th>reason</th><th>rows</th></tr>")
        for r in summary.itertuples():
            out.append(
                f"<tr><td>{e(r.source)}</td><td>{e(r.entity)}</td><td>{e(r.reason)}</td><td>{r.rows:,}</td></tr>"
            )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def _checks_frame(outcomes: list[CheckOutcome]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "suite": o.check.suite,
                "check": o.check.name,
                "passed": o.passed,
                "severity": o.check.severity,
                "rows_checked": o.checked,
                "rows_failing": o.failing,
                "threshold": o.threshold,
                "failing_keys": len(o.failing_keys),
            }
            for o in outcomes
        ]
    )


@dg.asset(
    key=["exports", "quality_report"],
    deps=[
        METRICS_KEY,
        *[dg.AssetKey(list(c.asset)) for c in load_checks()],
        *[quarantine_key(c) for c in load_contracts().values()],
    ],
    group_name="quality",
    pool=WAREHOUSE_POOL,
    owners=owners_for_group("quality"),
    kinds={"html", "csv", "great_expectations"},
    description=(
        "data/exports/quality/<load date>/: index.html (the dataset checks, each quality metric's trend by source "
        "and month, the quarantine by reason), metrics.csv, checks.csv, quarantine_summary.csv and data_docs/ "
        "(Great Expectations' Data Docs for every check)."
    ),
)
def quality_report(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    settings = load_settings()
    thresholds = load_thresholds()
    with tempfile.TemporaryDirectory(prefix="cla-gx-") as gx_root:
        gx_context = quiet_context("file", gx_root)
        with warehouse.connect() as con:
            metrics = con.execute(
                "SELECT metric, source, month_end, numerator, denominator, value FROM marts_quality.quality__metrics "
                "WHERE la_code = ? ORDER BY metric, source, month_end",
                [settings.la_code],
            ).df()
            extract_date = con.execute(
                "SELECT max(extract_date) FROM intermediate.int_quality__extract_dates"
            ).fetchone()
            summary = quarantine_summary(con, settings.la_code)
            outcomes = [run_check(con, c, thresholds, settings.la_code, gx_context) for c in load_checks()]
        sites = gx_context.build_data_docs()
        site = Path(next(iter(sites.values())).removeprefix("file://")).parent
        meta = {
            "la_name": settings.la_name,
            "load_date": f"{settings.as_of:%d/%m/%Y}",
            "extract_date": f"{extract_date[0]:%d/%m/%Y}" if extract_date and extract_date[0] else "unknown",
            "thresholds": thresholds,
        }

        def write(folder: Path) -> None:
            (folder / "index.html").write_text(render_html(metrics, outcomes, summary, meta), encoding="utf-8")
            metrics.to_csv(folder / "metrics.csv", index=False)
            _checks_frame(outcomes).to_csv(folder / "checks.csv", index=False)
            summary.to_csv(folder / "quarantine_summary.csv", index=False)
            shutil.copytree(site, folder / "data_docs")

        target = publish_folder(settings.exports_dir / "quality" / f"{settings.as_of:%Y-%m-%d}", write)
    failed = [o.check.name for o in outcomes if not o.passed]
    context.log.info(f"quality report in {target}: {len(outcomes)} checks, failed: {', '.join(failed) or 'none'}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(target)),
            "report": dg.MetadataValue.url((target / "index.html").as_uri()),
            "data_docs": dg.MetadataValue.url((target / "data_docs" / "index.html").as_uri()),
            "metrics": int(metrics[["metric", "source"]].drop_duplicates().shape[0]),
            "checks_failed": dg.MetadataValue.json(failed),
            "rows_quarantined": int(summary["rows"].sum()) if len(summary) else 0,
        }
    )
