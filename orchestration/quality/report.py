"""The data-quality report, in data/exports/quality/<load date>/: one self-contained page (index.html: styles
inline, charts inline SVG, nothing fetched, so it opens on a council network with no internet) and CSVs of the
same figures.

The page holds the dataset checks (each with its expectation, its result for every group it judges, and the
first records failing, by case-system id or file and row), each quality metric's trend up to the extract's
month with its axes and threshold, and the quarantine by rule (codes shown, the first rows to look at).
metrics.csv, checks.csv (a row per check and group) and quarantine_summary.csv hold the same.

It replaces Great Expectations' Data Docs, which this report used to copy: their pages load their styles,
scripts and logo from CDNs and a cloud bucket (an unstyled page with an empty list offline), and they name a
result by its batch, so the groups of one check (care leavers 17-18 failing, 19-21 passing) could not be told
apart. Everything they showed (suite, expectation and its arguments, success, counts and the unexpected records)
is on this page, by check and group. Children are named only by case-system id; dates of birth, postcodes and
names appear nowhere.
"""

import html
from pathlib import Path

import dagster as dg
import pandas as pd

from orchestration.ingest.assets import quarantine_key
from orchestration.owners import owners_for_group
from orchestration.publishing import publish_folder
from orchestration.quality.extract_date import extract_date as extracts_as_at
from orchestration.quality.quarantine import quarantine_by_rule
from orchestration.quality.suites import load_checks, load_thresholds
from orchestration.quality.trends import format_figure, metric_name, source_name, trend_chart, up_to
from orchestration.quality.validation import KEYS_SHOWN, CheckOutcome, run_check_in_run
from orchestration.report_csv import write_report_csv
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
STYLE = """
body{font-family:Arial,Helvetica,sans-serif;margin:1.5em auto;max-width:1150px;color:#222;font-size:10.5pt}
h1{font-size:18pt;margin:0 0 .3em}
h2{font-size:13pt;border-bottom:2px solid #0072b2;padding-bottom:.2em;margin-top:1.6em}
h3{font-size:11pt;margin:1.2em 0 .3em}table{border-collapse:collapse;margin:.6em 0;width:100%}
td,th{border:1px solid #bbb;padding:3px 7px;text-align:left;vertical-align:top}th{background:#eef2f7}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.fail{color:#b8420b;font-weight:bold}.pass{color:#00775a;font-weight:bold}.muted,small{color:#555}
.trends{display:grid;grid-template-columns:1fr 1fr;gap:.6em 1.2em}figure{margin:0;break-inside:avoid}
figcaption{font-weight:bold;font-size:9.5pt}svg.chart{display:block;max-width:100%;height:auto}
code{font-size:9pt}.keys{font-family:monospace;font-size:9pt;word-break:break-all}
@page{size:A4 landscape;margin:10mm}@media print{body{max-width:none}}
"""


def _threshold_for(metric: str, thresholds: dict[str, float]) -> float | None:
    if metric.startswith("implausible_"):
        return thresholds["implausible_values"]
    name = METRIC_THRESHOLDS.get(metric)
    return thresholds[name] if name else None


def _result(passed: bool) -> str:
    return "<span class='pass'>passed</span>" if passed else "<span class='fail'>failed</span>"


def _expectation(outcome: CheckOutcome) -> str:
    spec = outcome.check.expectation
    arguments = ", ".join(f"{k}={v!r}" for k, v in spec.get("kwargs", {}).items())
    return f"{spec['type']}({arguments})"


def _check_section(outcome: CheckOutcome) -> list[str]:
    e = html.escape
    check = outcome.check
    out = [
        f"<section class='check' id='check-{e(check.name)}'><h3>{e(check.name.replace('_', ' ').capitalize())}: "
        f"{_result(outcome.passed)}</h3><p>{e(check.description)}</p>",
        f"<p class='muted'>Suite <code>{e(check.suite)}</code>, model <code>{e(check.table)}</code>, "
        f"expectation <code>{e(_expectation(outcome))}</code>, threshold {outcome.threshold:g}, severity "
        f"{e(check.severity)}.</p>",
        "<table><tr><th>group</th><th>result</th><th>checked</th><th>failing</th><th>failing %</th>"
        "<th>first failing records</th></tr>",
    ]
    for group in outcome.groups:
        judged = "" if group.judged else " <small>(too few to judge)</small>"
        keys = ", ".join(group.failing_keys[:KEYS_SHOWN])
        hidden = group.failing_key_count - KEYS_SHOWN
        more = f" … and {hidden:,} more" if hidden > 0 else ""
        out.append(
            f"<tr><td>{e(check.name)} · {e(group.group)}</td><td>{_result(group.passed)}{judged}</td>"
            f"<td class='num'>{group.checked:,}</td><td class='num'>{group.failing:,}</td>"
            f"<td class='num'>{group.percent:.1f}%</td><td class='keys'>{e(keys + more) or '–'}</td></tr>"
        )
    out.append("</table></section>")
    return out


def render_html(metrics: pd.DataFrame, checks: list[CheckOutcome], summary: pd.DataFrame, meta: dict) -> str:
    e = html.escape
    failed = [o for o in checks if not o.passed]
    out = [
        "<!doctype html><html lang='en-GB'><head><meta charset='utf-8'>",
        f"<title>Data quality: {e(meta['la_name'])}, load of {e(meta['load_date'])}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Data quality: {e(meta['la_name'])}, load of {e(meta['load_date'])}</h1>",
        f"<p>Extracts as at <strong>{e(meta['extract_date'])}</strong>. {len(checks)} dataset checks, "
        f"{len(failed)} failed. Children are named only by case-system id. Thresholds: "
        "<code>schemas/quality/thresholds.yaml</code>.</p>",
        "<h2>Dataset checks</h2><table><tr><th>check</th><th>suite</th><th>result</th><th>checked</th>"
        "<th>failing</th><th>threshold</th><th>severity</th></tr>",
    ]
    for o in checks:
        out.append(
            f"<tr><td><a href='#check-{e(o.check.name)}'>{e(o.check.name)}</a><br><small>{e(o.check.description)}"
            f"</small></td><td>{e(o.check.suite)}</td><td>{_result(o.passed)}</td><td class='num'>{o.checked:,}</td>"
            f"<td class='num'>{o.failing:,}</td><td class='num'>{o.threshold:g}</td><td>{o.check.severity}</td></tr>"
        )
    out.append("</table>")
    for o in checks:
        out.extend(_check_section(o))
    out.append(
        f"<h2>Trends</h2><p>Each metric by month, up to the extract's month ({e(meta['extract_month'])}): the last "
        "24 months; the dotted line is the threshold.</p><div class='trends'>"
    )
    for n, ((metric, source), points) in enumerate(metrics.groupby(["metric", "source"], sort=True)):
        points = points.sort_values("month_end")
        share = bool(points["denominator"].notna().any())
        last = points.iloc[-1]
        count = f" ({int(last['numerator']):,} of {int(last['denominator']):,})" if share else ""
        name = f"{metric_name(metric)}: {source_name(source)}"
        threshold = _threshold_for(metric, meta["thresholds"])
        chart = trend_chart(f"metric-{n}", name, points, threshold, share, legend=source_name(source))
        # a metric of the load itself (rows loaded, the extract's age) is dated by the load, not a month of records
        when = f"in {last['month_end']:%B %Y}"
        if pd.Timestamp(last["month_end"]).date() > meta["as_at"]:
            when = f"at the load of {meta['load_date']}"
        out.append(
            f"<figure data-metric='{e(metric)}' data-source='{e(source)}'><figcaption>{e(name)}: "
            f"{format_figure(last['value'], share)}{count} {when}</figcaption>{chart}</figure>"
        )
    out.append("</div><h2>Quarantine by rule</h2>")
    if summary.empty:
        out.append("<p>No rows quarantined.</p>")
    else:
        out.append(
            "<p>Rows the extract contracts refused, by the rule they broke; each row is in "
            "<code>quarantine.&lt;entity&gt;</code> and the ingest report with every problem.</p><table><tr>"
            "<th>source</th><th>extract</th><th>column</th><th>rule</th><th>rows</th><th>codes found</th>"
            "<th>first rows</th></tr>"
        )
        for r in summary.itertuples():
            out.append(
                f"<tr><td>{e(source_name(r.source))}</td><td>{e(r.entity)}</td><td>{e(r.column)}</td>"
                f"<td>{e(r.rule)}</td><td class='num'>{r.rows:,}</td><td>{e(r.codes) or '–'}</td>"
                f"<td class='keys'>{e(r.first_rows)}</td></tr>"
            )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def _checks_frame(outcomes: list[CheckOutcome]) -> pd.DataFrame:
    """A row per check and group: what Data Docs showed per validation result, named for its check and group."""
    return pd.DataFrame(
        [
            {
                "suite": o.check.suite,
                "check": o.check.name,
                "group": g.group,
                "passed": g.passed,
                "judged": g.judged,
                "severity": o.check.severity,
                "expectation": _expectation(o),
                "threshold": o.threshold,
                "rows_checked": g.checked,
                "rows_failing": g.failing,
                "failing_keys": g.failing_key_count,
            }
            for o in outcomes
            for g in o.groups
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
    kinds={"html", "csv"},
    description=(
        "`data/exports/quality/yyyy-mm-dd/` (the load date): `index.html`, one self-contained page that opens "
        "offline (every dataset check with its expectation and its result for each group, the first failing "
        "records by case-system id, each quality metric's trend up to the extract's month, the quarantine by "
        "rule with the codes found), and `metrics.csv`, `checks.csv`, `quarantine_summary.csv`."
    ),
)
def quality_report(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    settings = load_settings()
    thresholds = load_thresholds()
    with warehouse.connect() as con:
        metrics = con.execute(
            "SELECT metric, source, month_end, numerator, denominator, value FROM marts_quality.quality__metrics "
            "WHERE la_code = ? ORDER BY metric, source, month_end",
            [settings.la_code],
        ).df()
        as_at = extracts_as_at(con, settings.la_code, settings.as_of)
        summary = quarantine_by_rule(con, settings.la_code)
        outcomes = [run_check_in_run(context.run_id, con, c, thresholds, settings.la_code) for c in load_checks()]
    metrics = up_to(metrics, as_at)
    meta = {
        "la_name": settings.la_name,
        "load_date": f"{settings.as_of:%d/%m/%Y}",
        "extract_date": f"{as_at:%d/%m/%Y}",
        "extract_month": f"{as_at:%B %Y}",
        "as_at": as_at,
        "thresholds": thresholds,
    }

    def write(folder: Path) -> None:
        (folder / "index.html").write_text(render_html(metrics, outcomes, summary, meta), encoding="utf-8")
        write_report_csv(metrics, folder / "metrics.csv")
        write_report_csv(_checks_frame(outcomes), folder / "checks.csv")
        write_report_csv(summary, folder / "quarantine_summary.csv")

    target = publish_folder(settings.exports_dir / "quality" / f"{settings.as_of:%Y-%m-%d}", write)
    failed = [o.check.name for o in outcomes if not o.passed]
    context.log.info(f"quality report in {target}: {len(outcomes)} checks, failed: {', '.join(failed) or 'none'}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(target)),
            "report": dg.MetadataValue.url((target / "index.html").as_uri()),
            "extracts_as_at": as_at.isoformat(),
            "metrics": int(metrics[["metric", "source"]].drop_duplicates().shape[0]),
            "checks_failed": dg.MetadataValue.json(failed),
            "rows_quarantined": int(summary["rows"].sum()) if len(summary) else 0,
        }
    )
