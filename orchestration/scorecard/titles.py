"""Each indicator's period label, worked out from its definition in the catalogue, so that the label on the
report cannot say one period while the definition counts another.

The catalogue's period_type is the preference; it is kept when the numerator's or denominator's definition says
that period, and replaced by the period the cohort's definition (the denominator, or the numerator of a count)
does say when not:
care leavers whose birthday fell 'in the 12 months to the month end' are a rolling year, whatever the 2015
papers called them.
"""

from __future__ import annotations

import math
import re

PERIODS = {
    "SS": ("SS", "Snapshot at the month end"),
    "YTD": ("YTD", "Year to date (April to the month end)"),
    "R12": ("R12", "Rolling 12 months to the month end"),
    "R24": ("R24", "Rolling 24 months to the month end"),
    "A": ("A", "Annual (the latest complete year)"),
    "ACYTD": ("AC YTD", "Academic year to date (September to the month end)"),
    "M": ("M", "The month"),
}
# What a definition says when it counts each period; the first to match, in this order, is the period.
PERIOD_WORDS = {
    "A": re.compile(r"year to have ended|latest complete (academic |collection )?year"),
    "ACYTD": re.compile(r"academic year to date|from 1 september|in the academic year"),
    "YTD": re.compile(r"from 1 april to the month end"),
    "R12": re.compile(r"in the 12 months to the month end|ending in the 12 months"),
    "R24": re.compile(r"in the 24 months to the month end"),
    "M": re.compile(r"in the month\b|during the month"),
    "SS": re.compile(r"at the month end"),
}


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def cohort_definition(indicator) -> str:
    """The words that say who is counted, and when: the denominator's, or the numerator's for a count."""
    return (_text(indicator["denominator_definition"]) or _text(indicator["numerator_definition"])).lower()


def period_said(definition: str) -> str | None:
    """The period the definition's words say, or None when they name none."""
    for code, words in PERIOD_WORDS.items():
        if words.search(definition):
            return code
    return None


def period_of(indicator) -> str:
    """The catalogue's period code if its definition agrees; else the period its definition says."""
    declared = _text(indicator["period_type"])
    both = f"{_text(indicator['denominator_definition'])} {_text(indicator['numerator_definition'])}".lower()
    if declared in PERIOD_WORDS and PERIOD_WORDS[declared].search(both):
        return declared
    return period_said(cohort_definition(indicator)) or period_said(both) or declared


def period_label(indicator) -> tuple[str, str]:
    """(abbreviation, words) for the report: ('R12', 'Rolling 12 months to the month end')."""
    code = period_of(indicator)
    return PERIODS.get(code, (code, code))
