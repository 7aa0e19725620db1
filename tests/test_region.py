"""A region end to end: three small synthetic authorities each build their warehouse and make their share with
their own Dagster definitions; the hub loads the shares (one partition per authority) and builds the regional
marts, on DuckDB and on a real PostgreSQL server (with Dagster's instance on it too).

Covers: no identifier of the source survives in any output, pseudonyms are stable under a key and useless without
it, the hub accounts for every shared row and quarantines a bad share, the regional figures add up to the
authorities' own, and PostgreSQL gives the DuckDB marts row for row."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest
from postgres_server import postgres_server

from orchestration.environment import temporary_environment
from orchestration.regional.pseudonyms import pseudonym
from orchestration.regional.region import (
    SHARE_MONTH,
    authority_environment,
    generate_region,
    hub_environment,
    make_share,
    read_region,
    region_authorities,
    run_hub,
)

MARTS = ("authorities", "indicator_months", "dfe_measures")
# Category values of the share that are also names people have.
SHARE_WORDS = {"White", "Black", "Asian", "Mixed", "Other", "Male", "Female"}


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    folder = tmp_path_factory.mktemp("region")
    generate_region(folder, region_authorities(3, 0.02), say=lambda _m: None)
    with dg.DagsterInstance.ephemeral() as instance:
        for authority in read_region(folder):
            make_share(folder, authority, instance)
        timings = run_hub(folder, instance, "duckdb")
    return {"folder": folder, "authorities": read_region(folder), "timings": timings}


def _warehouse(folder: Path, la_code: str) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(folder / "authorities" / la_code / "warehouse.duckdb"), read_only=True)


def _hub(folder: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(folder / "hub" / "hub_duckdb.duckdb"), read_only=True)


def _share_files(folder: Path, la_code: str) -> list[Path]:
    return sorted((folder / "authorities" / la_code / "exports" / "regional_share" / SHARE_MONTH).glob("*.csv"))


def _key(folder: Path, la_code: str) -> bytes:
    return (folder / "keys" / f"{la_code}.key").read_text().strip().encode()


def _source_identifiers(folder: Path, la_code: str) -> dict[str, set[str]]:
    """Every id, UPN, NHS number, postcode and name of the authority's input, and the dates of birth that are no
    other date of the input (a DOB that is also some episode's start cannot be told apart by a search)."""
    with _warehouse(folder, la_code) as con:
        children = con.execute("select child_id, upn, nhs_number, date_of_birth from raw.children").df()
        postcodes = con.execute(
            "select placement_postcode as p from raw.placements union select home_postcode from raw.placements"
        ).df()
        event_dates = set()
        for table, column in con.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'raw' and data_type = 'DATE' and column_name <> 'date_of_birth'"
        ).fetchall():
            dates = con.execute(f"select distinct cast({column} as varchar) from raw.{table}").fetchall()
            event_dates |= {d for (d,) in dates if d}
        # Dates held as text in the extract (a previous permanence order's date may be partial, so it is text).
        for (text,) in con.execute("select distinct order_date from raw.previous_permanence").fetchall():
            parsed = pd.to_datetime(text, dayfirst=True, errors="coerce")
            if not pd.isna(parsed):
                event_dates.add(str(parsed.date()))
    names = pd.read_csv(folder / "authorities" / la_code / "landing" / "case_system" / "children.csv", dtype=str)
    dobs = {str(d.date()) for d in pd.to_datetime(children["date_of_birth"])}
    return {
        "ids": set(children["child_id"]),
        "upns": {u for u in children["upn"].dropna() if not u.startswith("UN")},
        "nhs": set(children["nhs_number"].dropna()),
        "postcodes": set(postcodes["p"].dropna()),
        "names": set(names["first_name"].dropna()) | set(names["last_name"].dropna()),
        "dobs": dobs - event_dates,
        "all_dobs": dobs,
    }


def _dob_forms(dob: str) -> list[str]:
    year, month, day = dob.split("-")
    return [dob, f"{day}/{month}/{year}"]


def test_every_authority_made_a_share_the_hub_loaded(region):
    folder = region["folder"]
    with _hub(folder) as hub:
        loaded = set(hub.execute("select la_code from marts_regional.regional__authorities").df()["la_code"])
    assert loaded == {a.la_code for a in region["authorities"]}


def _hub_values(folder: Path, la_code: str) -> set[str]:
    """Every value the hub holds in an authority's rows, in every table (raw, quarantine, audit and the marts)."""
    values: set[str] = set()
    with _hub(folder) as hub:
        for schema, table in hub.execute(
            "select table_schema, table_name from information_schema.tables where table_schema <> 'information_schema'"
        ).fetchall():
            frame = hub.execute(f'select * from "{schema}"."{table}" where la_code = ?', [la_code]).df()
            values |= set(frame.astype(str).to_numpy().ravel())
    return values


def test_no_identifier_of_the_source_survives_in_any_output(region):
    folder = region["folder"]
    for authority in region["authorities"]:
        source = _source_identifiers(folder, authority.la_code)
        assert len(source["dobs"]) > 0.5 * len(source["all_dobs"]), "too few dates of birth to search for"
        for path in _share_files(folder, authority.la_code):
            text = path.read_text(encoding="utf-8")
            fields = set(re.split(r"[,\n]", text))
            where = f"{authority.la_code}/{path.name}"
            assert not source["ids"] & fields, f"{where} holds child ids"
            # Names as whole values, leaving out the few that are also one of the share's words (the surname White
            # cannot be told from the ethnicity group White).
            assert not (source["names"] - SHARE_WORDS) & fields, f"{where} holds names"
            for kind in ("upns", "nhs", "postcodes"):
                found = [v for v in source[kind] if v in text]
                assert not found, f"{where} holds {kind} of the input ({len(found)})"
            found_dobs = [d for d in source["dobs"] for form in _dob_forms(d) if form in text]
            assert not found_dobs, f"{where} holds {len(found_dobs)} dates of birth"
        source["names"] -= SHARE_WORDS
        hub_values = _hub_values(folder, authority.la_code)
        found = {kind: source[kind] & hub_values for kind in ("ids", "upns", "nhs", "postcodes", "names")}
        assert not any(found.values()), f"the hub holds identifiers of {authority.la_code}: {found}"
        assert not {form for d in source["dobs"] for form in _dob_forms(d)} & hub_values


def test_the_same_key_gives_the_same_pseudonym_and_a_wrong_key_none(region):
    folder = region["folder"]
    first, second = region["authorities"][:2]
    shared = {}
    for authority in (first, second):
        with _warehouse(folder, authority.la_code) as con:
            ids = set(con.execute("select child from marts_ssda903.header").df()["child"])
        share = pd.read_csv(_share_files(folder, authority.la_code)[0].with_name("header.csv"), dtype=str)
        shared[authority.la_code] = (ids, set(share["child_pseudonym"]))
        key = _key(folder, authority.la_code)
        assert {pseudonym(key, authority.la_code, i) for i in ids} == set(share["child_pseudonym"])
        wrong = b"not-the-authority-key-" * 2
        assert not {pseudonym(wrong, authority.la_code, i) for i in ids} & set(share["child_pseudonym"])
    # Synthetic authorities number their children alike: the same ids, never the same pseudonyms.
    (ids_a, pseudonyms_a), (ids_b, pseudonyms_b) = shared.values()
    assert ids_a & ids_b
    assert not pseudonyms_a & pseudonyms_b


def test_a_share_made_again_gives_the_same_files(region, tmp_path):
    folder = region["folder"]
    authority = region["authorities"][0]
    from orchestration.regional.share import write_share
    from orchestration.scorecard.figures import month_end_of

    with _warehouse(folder, authority.la_code) as con:
        write_share(
            con,
            tmp_path / "again",
            key=_key(folder, authority.la_code),
            la_code=authority.la_code,
            la_name=authority.la_name,
            month_end=month_end_of(SHARE_MONTH),
        )
    for path in _share_files(folder, authority.la_code):
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name


def test_the_hub_accounts_for_every_shared_row(region):
    folder = region["folder"]
    with _hub(folder) as hub:
        audit = hub.execute("select * from audit.extract_files").df()
        for authority in region["authorities"]:
            for path in _share_files(folder, authority.la_code):
                entity = path.stem
                rows = len(pd.read_csv(path, dtype=str))
                raw = hub.execute(f"select count(*) from raw.{entity} where la_code = ?", [authority.la_code])
                assert raw.fetchone()[0] == rows, f"{authority.la_code} {entity}"
                quarantined = hub.execute(
                    f"select count(*) from quarantine.{entity} where la_code = ?", [authority.la_code]
                )
                assert quarantined.fetchone()[0] == 0, f"{authority.la_code} {entity}"
                file = audit[(audit.la_code == authority.la_code) & (audit.entity == entity)]
                assert int(file.rows_read.sum()) == rows


def test_a_bad_share_is_quarantined_naming_file_row_column_and_problem(region, tmp_path):
    import logging

    from orchestration.regional.hub_ingest import load_share_entity, share_contracts
    from orchestration.regional.hub_store import HubWarehouse

    folder = region["folder"]
    good, other = region["authorities"][:2]
    landing = tmp_path / "hub" / "landing" / good.la_code
    landing.mkdir(parents=True)
    episodes = pd.read_csv(folder / "hub" / "landing" / good.la_code / "episodes.csv", dtype=str)
    episodes.loc[0, "decom"] = "31/02/2020"  # no such date
    episodes["upn"] = "A123456789012"  # an identifier a share must never carry
    episodes.to_csv(landing / "episodes.csv", index=False)
    shutil.copy(folder / "hub" / "landing" / other.la_code / "header.csv", landing / "header.csv")
    hub = HubWarehouse(target="duckdb", path=str(tmp_path / "hub.duckdb"))
    contracts = share_contracts()
    log = logging.getLogger(__name__)
    with temporary_environment({"CLA_HUB_DIR": str(tmp_path / "hub"), "CLA_AS_OF": "2026-11-01"}):
        outcome, identifiers = load_share_entity(contracts["episodes"], good.la_code, hub, log)
        header, _ = load_share_entity(contracts["header"], good.la_code, hub, log)
    assert identifiers == ["upn"]
    assert outcome.rows_read == len(episodes) == len(outcome.loaded) + len(outcome.quarantined)
    problem = outcome.quarantined.iloc[0]
    assert (problem.source_file, problem.source_row) == ("episodes.csv", 2)
    assert "decom: not a date" in problem.problems
    with duckdb.connect(str(tmp_path / "hub.duckdb"), read_only=True) as con:
        assert "upn" not in {c[0] for c in con.execute("select column_name from information_schema.columns").fetchall()}
    assert f"is of authority '{other.la_code}', not {good.la_code}" in header.files[0].problem
    assert header.loaded.empty


def test_regional_figures_add_up_the_authorities(region):
    folder = region["folder"]
    with _hub(folder) as hub:
        indicators = hub.execute("select * from marts_regional.regional__indicator_months").df()
        measures = hub.execute("select * from marts_regional.regional__dfe_measures").df()
    assert set(indicators.data_up_to.astype(str)) == {"2026-10-31"}
    month = indicators[(indicators.month_end.astype(str) == "2026-10-31") & (indicators.cohort == "all")]
    percent = month[month.unit == "percent"].groupby("indicator_id")
    for indicator_id, rows in percent:
        assert len(rows) == 3 and rows.authorities_counted.eq(3).all()
        if rows.denominator.sum() > 0:
            expected = 100 * rows.numerator.sum() / rows.denominator.sum()
            assert rows.region_value.iloc[0] == pytest.approx(expected), indicator_id
    # Children looked after at 31 March 2026, from the hub, equal each authority's own 903 episodes.
    march = measures[(measures.measure_id == "looked_after") & (measures.month_end.astype(str) == "2026-03-31")]
    assert len(march) == 3
    for authority in region["authorities"]:
        with _warehouse(folder, authority.la_code) as con:
            own = con.execute(
                "select count(distinct child) from marts_ssda903.episodes where collection_year = '2025/26' "
                "and decom <= date '2026-03-31' and (dec is null or dec > date '2026-03-31')"
            ).fetchone()[0]
        assert own > 0
        assert int(march[march.la_code == authority.la_code].numerator.iloc[0]) == own
    assert int(march.region_numerator.iloc[0]) == int(march.numerator.sum())


def test_postgres_builds_the_same_regional_marts_and_holds_the_runs_events(region, tmp_path):
    import psycopg2

    folder = region["folder"]
    with postgres_server() as server:
        url = f"postgresql+psycopg2://{server.user}@{server.host}:{server.port}/{server.database}"
        home = tmp_path / "dagster_home"
        home.mkdir()
        shutil.copy(Path(__file__).parent.parent / "orchestration" / "dagster_postgres.yaml", home / "dagster.yaml")
        with (
            temporary_environment({**server.environment(), "CLA_DAGSTER_PG_URL": url, "DAGSTER_HOME": str(home)}),
            dg.DagsterInstance.get() as instance,
        ):
            run_hub(folder, instance, "postgres")
            runs = instance.get_runs()
        with psycopg2.connect(**server.connection()) as con, con.cursor() as cur:
            for mart in MARTS:
                cur.execute(f"select * from marts_regional.regional__{mart}")
                on_postgres = pd.DataFrame(cur.fetchall(), columns=[c.name for c in cur.description])
                with _hub(folder) as hub:
                    on_duckdb = hub.execute(f"select * from marts_regional.regional__{mart}").df()
                assert len(on_postgres) == len(on_duckdb) > 0, mart
                assert _normalised(on_postgres).equals(_normalised(on_duckdb)), mart
            cur.execute("select count(*), count(distinct run_id) from event_logs")
            events, event_runs = cur.fetchone()
    assert len(runs) == 4 and all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)  # 3 loads and the marts
    assert events > 100 and event_runs == 4


def _normalised(frame: pd.DataFrame) -> pd.DataFrame:
    """Values as text (numbers rounded to 9 places, dates as yyyy-mm-dd), rows sorted: the same rows compare equal
    whichever database typed them."""

    def text(value) -> str:
        if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
            return ""
        if isinstance(value, int | float) or hasattr(value, "as_integer_ratio"):
            return f"{float(value):.9f}"
        if hasattr(value, "isoformat"):
            return str(value)[:10]
        return str(value)

    out = frame.apply(lambda column: column.map(text))
    return out.sort_values(list(out.columns)).reset_index(drop=True)


def test_hub_environment_names_the_target(tmp_path):
    assert hub_environment(tmp_path, "postgres")["CLA_HUB_TARGET"] == "postgres"
    assert authority_environment(tmp_path, region_authorities(1, 0.02)[0])["CLA_LA_CODE"] == "E10000016"
