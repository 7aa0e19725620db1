"""What the scorecard says about each indicator, against the catalogue: titles that agree with the definitions,
period labels read from the definitions, small numbers suppressed (with secondary suppression), comparators
with their year and source, and no UASC difference chart where excluding UASC changes nothing."""

from __future__ import annotations

import re
from datetime import date

import duckdb
import pandas as pd
import pytest
from test_scorecard_report import MONTH, make_warehouse

from orchestration.scorecard.report import write_scorecard
from orchestration.scorecard.suppression import suppressed_groups
from orchestration.scorecard.titles import period_of
from orchestration.settings import SEEDS_DIR

# What a title may claim: a percentage, a grade, a GCSE measure, a number of something.
CLAIMS = re.compile(r"\d+(?:\.\d+)?%|grade \d|A\*-C|\d+\+|\d+ (?:working )?(?:miles|days|weeks|months|years|or more)")
# Clauses of a definition that say what used to be counted, not what is.
FORMERLY = re.compile(r"withdrawn|no longer|threshold before|before 20\d\d")


def _catalogue() -> pd.DataFrame:
    return pd.read_csv(SEEDS_DIR / "scorecard_indicators.csv", dtype=str, keep_default_na=False)


def contradictions(indicator) -> list[str]:
    """The claims in the indicator's name that its definitions (what is counted now) do not make."""
    text = " ".join(indicator[c] for c in ("numerator_definition", "denominator_definition", "dfe_definition"))
    text = re.sub(r"\([^)]*\)", "", text)  # asides: codes, history
    current = " ".join(c for c in re.split(r"[,;]", text) if not FORMERLY.search(c))
    return [claim for claim in CLAIMS.findall(indicator["name"]) if claim not in current]


def test_every_title_agrees_with_its_definition():
    catalogue = _catalogue()
    supported = catalogue[catalogue["supported"].str.lower() == "true"]
    problems = {row["indicator_id"]: contradictions(row) for _, row in supported.iterrows()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_a_title_that_contradicts_its_definition_is_caught():
    e02 = _catalogue().set_index("indicator_id").loc["E02"].copy()
    e02["name"] = "% of CIC persistently absent from school (missed 15% or more of sessions)"  # the 2015 title
    assert contradictions(e02) == ["15%"]


def test_period_labels_come_from_the_definitions():
    catalogue = _catalogue().set_index("indicator_id")
    # care leavers whose birthday fell in the 12 months to the month end: rolling, whatever period_type says
    care_leavers = ("L01", "L02", "L03", "L04", "L05", "L06")
    assert {i: period_of(catalogue.loc[i]) for i in care_leavers} == dict.fromkeys(care_leavers, "R12")
    assert period_of(catalogue.loc["P10"]) == "R24"  # DfE's 2-year stability: 3 or more placements in 24 months
    assert period_of(catalogue.loc["E02"]) == "A"  # the latest academic year to have ended
    assert period_of(catalogue.loc["C01"]) == "YTD" and period_of(catalogue.loc["P01"]) == "R12"
    # every supported indicator's label is one its definition states
    supported = catalogue[catalogue["supported"].str.lower() == "true"]
    assert all(period_of(row) in {"SS", "YTD", "R12", "R24", "A", "ACYTD", "M"} for _, row in supported.iterrows())


@pytest.mark.parametrize(
    ("unit", "numerators", "denominators", "hidden"),
    [
        ("count", [1, 8, 9], [0, 0, 0], [True, True, False]),  # 1 is small; 8 hidden too, or 1 = total - 17
        ("count", [0, 8, 9], [0, 0, 0], [False, False, False]),  # none is not a small number
        ("percent", [12, 5], [104, 52], [False, False]),  # 5 is not fewer than 5
        ("percent", [2, 3, 30], [22, 33, 57], [True, True, False]),  # two hidden: neither can be worked out
        ("percent", [10, 12, 30], [40, 3, 57], [True, True, False]),  # a denominator of 3; then the smallest other
        ("average_days", [900, 2000], [2, 5], [True, True]),  # an average over 2 children
        ("percent", [2], [9], [True]),  # the only group: nothing else to hide
    ],
)
def test_small_numbers_are_suppressed_with_secondary_suppression(unit, numerators, denominators, hidden):
    assert suppressed_groups(unit, numerators, denominators, below=5) == hidden


def test_the_threshold_is_configurable(monkeypatch):
    monkeypatch.setenv("CLA_SMALL_NUMBER_THRESHOLD", "10")
    assert suppressed_groups("count", [7, 8, 30], [0, 0, 0]) == [True, True, False]
    monkeypatch.setenv("CLA_SMALL_NUMBER_THRESHOLD", "3")
    assert suppressed_groups("count", [7, 8, 30], [0, 0, 0]) == [False, False, False]


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "warehouse.duckdb"
    make_warehouse(path)
    return path


def _page(html: str, ident: str) -> str:
    return re.search(rf'<section id="{ident}"(.*?)</section>', html, flags=re.S)[1]


def _publish(warehouse, folder):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return write_scorecard(con, MONTH, folder, "Kent", made=date(2026, 11, 1), pdf=False)


def test_comparators_show_their_year_and_source(tmp_path, warehouse):
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "CREATE TABLE reference.scorecard_comparators AS SELECT * FROM (VALUES "
            "('C01', 'england', 2014, 95.0, 'England reviews on time 2014 (kent_profile.md, 000 L905)'), "
            "('C01', 'england', 2012, 91.0, 'older'), "
            "('C01', 'england', 2028, 99.0, 'a year after the report'), "
            "('C01', 'statistical_neighbours', 2015, 94.1, 'statistical neighbours 2015')) "
            "AS t(indicator_id, comparator, year_ending, value, source_note)"
        )
    page = _page(_publish(warehouse, tmp_path / "out").html.read_text(encoding="utf-8"), "C01")
    assert "England 95.0% (2013/14; England reviews on time 2014)" in page
    assert "Statistical neighbours 94.1% (2014/15; statistical neighbours 2015)" in page
    assert "99.0%" not in page and "kent_profile" not in page


def test_comparators_without_a_seed_say_their_year_is_not_recorded(tmp_path, warehouse):
    page = _page(_publish(warehouse, tmp_path / "out").html.read_text(encoding="utf-8"), "C01")
    assert "England 95.0% (year not recorded)" in page


def test_no_uasc_difference_chart_where_excluding_uasc_changes_nothing(tmp_path, warehouse):
    with duckdb.connect(str(warehouse)) as con:  # P04 already excludes UASC: both cohorts the same every month
        con.execute(
            "UPDATE marts_scorecard.scorecard__indicator_months AS e SET value = a.value, numerator = a.numerator, "
            "denominator = a.denominator FROM marts_scorecard.scorecard__indicator_months AS a "
            "WHERE e.indicator_id = 'P04' AND a.indicator_id = 'P04' AND e.cohort = 'excluding_uasc' "
            "AND a.cohort = 'all' AND a.month_end = e.month_end AND a.breakdown = e.breakdown "
            "AND a.breakdown_value = e.breakdown_value"
        )
    html = _publish(warehouse, tmp_path / "out").html.read_text(encoding="utf-8")
    p04, p01 = _page(html, "P04"), _page(html, "P01")
    assert "Difference excluding UASC" not in p04 and 'id="p04-uasc' not in p04
    assert len(re.findall(r"<svg", p04)) == 3  # the trend, the last 12 months and the one breakdown
    assert not re.search(r"<text[^>]*>Excluding UASC</text>", p04)  # nor a second line drawn over the first
    assert "Excluding UASC gives the same result in every month" in p04
    assert "Difference excluding UASC" in p01  # where it differs, the chart is drawn
