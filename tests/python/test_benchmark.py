"""The benchmark script still works end to end (at its tiny scale, made for this check). Its
figures are written down in bench/RESULTS.md, never asserted here: this checks the harness, not
speed."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import duckdb
import pytest

from lead_scoring.warehouse import SCHEDULED_BUILD

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def load_benchmark():
    spec = importlib.util.spec_from_file_location(
        "benchmark", PROJECT_ROOT / "bench" / "benchmark.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_tiny_benchmark_writes_a_complete_results_file(tmp_path, capsys):
    results = tmp_path / "RESULTS.md"

    assert load_benchmark().main(["--scale", "tiny", "--results", str(results)]) == 0

    text = results.read_text()
    assert "python bench/benchmark.py --scale tiny" in text
    assert re.search(r"Machine: \d+ cores, \d+ GiB memory", text)
    rows = [line for line in text.splitlines() if line.startswith("| tiny |")]
    row, daily_row = rows[0], rows[1]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert len(cells) == 15
    contacts, events = (int(cell.replace(",", "")) for cell in cells[1:3])
    assert contacts >= 1_000 and events >= 10_000
    # every figure was measured: seconds (the peers' too), the ratios, memory and throughput
    # are positive
    figures = [float(cell.rstrip("x").replace(",", "")) for cell in cells[3:]]
    assert all(figure > 0 for figure in figures)
    # both peers ran on the build's data and gave exactly its scores before being timed
    assert "Both were checked to give exactly the build's `lead_scores`" in text
    assert re.search(r"model SQL / hand query \d+\.\dx .* whole build / pandas peer \d", text)
    # the daily run after a new day's events: its events, the contacts it computed again
    # (some, not every one; the models scoring today alone no more than those holding the
    # earlier dates), seconds, memory and shares
    daily_cells = [cell.strip() for cell in daily_row.strip("|").split("|")]
    assert len(daily_cells) == 10
    assert int(daily_cells[1].replace(",", "")) > 0
    rescored, by_todays_models = (int(cell.replace(",", "")) for cell in daily_cells[2:4])
    assert 0 < by_todays_models <= rescored < contacts
    assert all(float(cell.rstrip("%").replace(",", "")) > 0 for cell in daily_cells[4:])
    assert re.search(r"daily run's model SQL \d+% of the full build's", text)
    # the fixed cost: a daily build on a tiny warehouse, against the full build
    assert re.search(
        r"fixed cost: the daily build on [\d,]+ contacts and [\d,]+ events takes \d+\.\d s"
        r" .*: \d+\.\d% of the tiny full build",
        text,
    )
    # both builds run the README's scheduled command, which the README shows
    # the README's scheduled command, as the CLI runs it
    scheduled = f"dbt {' '.join(SCHEDULED_BUILD)}"
    assert f"`{scheduled}`" in text
    assert scheduled in (PROJECT_ROOT / "README.md").read_text()
    # the slowest nodes name real models and tests of the project
    assert re.search(r"\| tiny \| model `\w+` \| \d+\.\d\d \|", text)
    assert row in capsys.readouterr().out


def test_a_peer_that_scores_otherwise_than_the_build_stops_the_benchmark():
    benchmark = load_benchmark()
    con = duckdb.connect()
    columns = benchmark.PEER_COLUMNS
    con.execute(
        "create table scores as select * from (values "
        "('default', 'C1', 300, 500, 'C', '3', 'C3', 'warm', false), "
        "('other', 'C1', 0, 0, 'D', '1', 'D1', 'cold', false)"
        f") as t(scoring_model, {columns})"
    )
    con.execute(
        "create table same as select * from (values "
        f"('C1', 300, 500, 'C', '3', 'C3', 'warm', false)) as t({columns})"
    )
    con.execute(
        "create table otherwise as select * from (values "
        f"('C1', 300, 500, 'C', '3', 'C3', 'cold', false)) as t({columns})"
    )

    benchmark.check_peer(con, "hand query", "same", "scores")
    with pytest.raises(SystemExit, match="the hand query peer does not score as the build does"):
        benchmark.check_peer(con, "hand query", "otherwise", "scores")
