"""The scorecard as one self-contained HTML file: styles inline, charts inline SVG, nothing fetched, so it can
be emailed, opened offline and printed on A4 (the summary landscape, a page per indicator)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import jinja2
import markupsafe

from orchestration.scorecard.figures import months_before
from orchestration.scorecard.pages import (
    POLARITIES,
    RAG_WORDS,
    Report,
    month_label,
    outturn_label,
    target_label,
)
from orchestration.scorecard.suppression import threshold
from orchestration.scorecard.titles import PERIODS

TEMPLATES = Path(__file__).parent / "templates"
_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,  # a name the template expects and the report lacks is an error, not a blank
    keep_trailing_newline=True,
)


def render_html(report: Report, la_name: str, made: date, data_up_to: str) -> str:
    """`made`: the day the report is made (the load date, not the clock's time, so a rerun gives the same
    bytes); `data_up_to`: the dates the sources reach, in words."""
    return _environment.get_template("report.html.j2").render(
        la_name=la_name,
        month_end=report.month_end,
        made=made,
        data_up_to=data_up_to,
        suppress_below=threshold(),
        rows=report.rows,
        themes=[(theme, list(rows)) for theme, rows in itertools.groupby(report.rows, lambda r: r.theme)],
        pages=report.pages,
        unsupported=report.unsupported,
        rag_counts=report.rag_counts,
        css=markupsafe.Markup((TEMPLATES / "report.css").read_text(encoding="utf-8")),
        polarities=POLARITIES,
        periods=list(PERIODS.values()),
        rag_words=RAG_WORDS,
        target_label=target_label(report.month_end),
        previous_quarter_label=month_label(months_before(report.month_end, 3)),
        outturn_label=outturn_label(report.month_end),
    )
