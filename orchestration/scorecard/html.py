"""The scorecard as one self-contained HTML file: styles inline, charts inline SVG, nothing fetched, so it can
be emailed, opened offline and printed on A4 (the summary landscape, a page per indicator)."""

from __future__ import annotations

import itertools
from pathlib import Path

import jinja2
import markupsafe

from orchestration.scorecard.figures import months_before
from orchestration.scorecard.pages import (
    PERIODS,
    POLARITIES,
    RAG_WORDS,
    Report,
    month_label,
    outturn_label,
    target_label,
)

TEMPLATES = Path(__file__).parent / "templates"
_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,  # a name the template expects and the report lacks is an error, not a blank
    keep_trailing_newline=True,
)


def render_html(report: Report, la_name: str) -> str:
    return _environment.get_template("report.html.j2").render(
        la_name=la_name,
        month_end=report.month_end,
        rows=report.rows,
        themes=[(theme, list(rows)) for theme, rows in itertools.groupby(report.rows, lambda r: r.theme)],
        pages=report.pages,
        unsupported=report.unsupported,
        rag_counts=report.rag_counts,
        data_up_to=report.data_up_to,
        css=markupsafe.Markup((TEMPLATES / "report.css").read_text(encoding="utf-8")),
        polarities=POLARITIES,
        periods=list(PERIODS.values()),
        rag_words=RAG_WORDS,
        target_label=target_label(report.month_end),
        previous_quarter_label=month_label(months_before(report.month_end, 3)),
        outturn_label=outturn_label(report.month_end),
    )
