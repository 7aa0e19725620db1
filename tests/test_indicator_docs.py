"""Each scorecard indicator's definition lives once, in the catalogue seed: the indicator models' YAML descriptions
are the seed's words (written by `python -m orchestration.scorecard.indicator_docs`), and this fails while one is
not. No dbt run: the YAML and the seed are read as files."""

from __future__ import annotations

import shutil

import yaml

from orchestration.scorecard.indicator_docs import (
    INDICATORS_DIR,
    describe,
    indicator_models,
    load_catalogue,
    rewrite,
    stale,
)

P01 = "int_scorecard__p01_three_placements"


def test_every_indicator_models_description_is_what_the_seed_says():
    out_of_date = stale()
    assert out_of_date == [], (
        f"{len(out_of_date)} indicator model description(s) differ from seeds/scorecard_indicators.csv: "
        f"{', '.join(out_of_date)}. Run `python -m orchestration.scorecard.indicator_docs` to rewrite them."
    )


def test_every_supported_indicator_has_a_model_with_a_yaml_and_every_model_a_supported_row():
    catalogue = load_catalogue()
    models = {model.indicator_id: model for model in indicator_models()}
    supported = {i for i, row in catalogue.items() if row["supported"] == "true"}
    assert set(models) == supported
    assert all(model.yaml_path.exists() for model in models.values())


def test_the_description_says_the_catalogues_words():
    catalogue = load_catalogue()
    p01 = describe(catalogue["P01"])
    assert p01.startswith("P01 CIC placement stability: 3 or more moves in the last 12 months. Numerator: ")
    for column in ("numerator_definition", "denominator_definition", "dfe_definition"):
        assert " ".join(catalogue["P01"][column].split()) in p01
    assert "Data period: Rolling 12 months to the month end." in p01
    # a count has no denominator; a context indicator no polarity
    assert "Denominator: none (a count)." in describe(catalogue["C05"])
    assert "Polarity: Context only" in describe(catalogue["C05"])


def test_rewrite_restores_a_stale_description_and_leaves_the_rest_of_the_yaml(tmp_path):
    folder = tmp_path / "indicators"
    folder.mkdir()
    for suffix in (".sql", ".yml"):
        shutil.copy(INDICATORS_DIR / f"{P01}{suffix}", folder / f"{P01}{suffix}")
    path = folder / f"{P01}.yml"
    original = path.read_text(encoding="utf-8")
    edited = original.replace("P01 CIC placement stability", "P01 something else entirely", 1)
    assert edited != original
    path.write_text(edited, encoding="utf-8")
    assert stale(folder) == [P01]

    assert rewrite(folder) == [path]
    assert stale(folder) == []
    assert path.read_text(encoding="utf-8") == original  # columns, unit tests and comments as they were
    assert rewrite(folder) == []  # a second run changes nothing

    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [c["name"] for c in document["models"][0]["columns"]] == [
        "indicator_id",
        "month_end",
        "subject_id",
        "numerator",
        "denominator",
    ]
    assert document["unit_tests"][0]["model"] == P01
