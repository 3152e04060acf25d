"""Benchmark `lead-scoring learn`: how good the learned grid is against an unconstrained
logistic regression on the same features, and how long learning takes at scale.

Quality datasets (each learned as of 2026-09-30, conversions in the 90 days after):
- `demo`: the shipped demo data (`lead-scoring generate`);
- `crm5k`, `crm50k`: data shaped like a real CRM export (crm_export_data: mostly
  categorical attributes with rare values, names and codes for countries, count-like
  activities with ties, a few strong signals, noise), 5,000 and 50,000 leads;
- `demo-30`, `crm50k-30`: the same data learned with `--max-criteria 30` (default 20).
Scale dataset `large`: 1M contacts / 20M events from the demo generator; the learner's wall
time and the peak memory of it and of the dbt build it runs.

    python bench/learn_benchmark.py --dataset demo --dataset demo-30 --dataset crm5k \
        --dataset crm50k --dataset crm50k-30
    python bench/learn_benchmark.py --dataset large

Writes bench/LEARNING.md (the rows of the datasets run; other rows kept).

The CRM-export data is a test fixture, not part of the lead-scoring package: it is imported
from the tests' support package (tests/python/support/crm_export_data.py), with tests/python
put on the import path as pytest puts it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT / "src"))
sys.path.insert(0, str(PROJECT_ROOT / "tests" / "python"))  # the support package

from benchmark import INPUT_SCHEMA, generate_command  # noqa: E402 (bench/, beside this file)

from lead_scoring import learn  # noqa: E402
from lead_scoring.demo import data as demo_data  # noqa: E402
from lead_scoring.warehouse import DbtProject  # noqa: E402
from support import crm_export_data  # noqa: E402

AS_OF = date(2026, 9, 30)
RESULTS = PROJECT_ROOT / "bench" / "LEARNING.md"
QUALITY = ("demo", "demo-30", "crm5k", "crm50k", "crm50k-30")
HEADER = (
    "| data | leads | conversions | criteria | held-out AUC: learned grid "
    "| held-out AUC: regression | grid - regression | rounding cost | selection cost | zones "
    "| hot: leads | hot: conversions | best cell / worst cell |"
)


def _project_copy(workdir: Path) -> Path:
    """The dbt project's sources, so that learning writes its seeds in a scratch copy."""
    project = workdir / "project"
    project.mkdir()
    for name in ("dbt_project.yml", "models", "macros", "seeds", "tests", "profiles"):
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    return project


def _inputs(dataset: str, path: Path) -> None:
    if dataset in ("demo", "large"):
        size = (
            demo_data.DemoSize()
            if dataset == "demo"
            else demo_data.DemoSize(contacts=1_000_000, accounts=100_000, events=20_000_000)
        )
        subprocess.run(
            generate_command(size, path),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    else:
        leads = {"crm5k": 5_000, "crm50k": 50_000}[dataset]
        crm_export_data.write_duckdb(path, INPUT_SCHEMA, leads)


def quality_row(dataset: str, workdir: Path) -> str:
    """Learn one dataset in-process (`demo-30`: the demo with --max-criteria 30)."""
    project = _project_copy(workdir)
    warehouse = workdir / f"{dataset}.duckdb"
    _inputs(dataset.removesuffix("-30"), warehouse)
    options = learn.Options(
        project=DbtProject(
            project_dir=project,
            profiles_dir=project / "profiles",
            variables={"lead_scoring_schema": INPUT_SCHEMA},
            env={"LEAD_SCORING_DUCKDB_PATH": str(warehouse)},
        ),
        as_of=AS_OF,
        model="learned",
        seeds_dir=project / "seeds" / "grid",
        note_path=workdir / "learned.md",
        max_criteria=30 if dataset.endswith("-30") else 20,
    )
    r = learn.learn(options).report
    return (
        f"| {dataset} | {r.leads:,} | {r.positives:,} | {r.criteria} "
        f"| {r.auc_grid:.3f} [{r.auc_grid_interval[0]:.3f}, {r.auc_grid_interval[1]:.3f}] "
        f"| {r.auc_regression:.3f} [{r.auc_regression_interval[0]:.3f},"
        f" {r.auc_regression_interval[1]:.3f}] "
        f"| {r.auc_grid - r.auc_regression:+.4f} "
        f"| {r.auc_unrounded - r.auc_grid:+.4f} | {r.auc_all_candidates - r.auc_unrounded:+.4f} "
        f"| {r.zone_method} "
        f"| {r.hot_share:.0%} | {r.hot_conversion_share:.0%} "
        f"| {r.best_cell_rate:.1%} / {r.worst_cell_rate:.1%} |"
    )


def scale_row(workdir: Path) -> str:
    """Learn at 1M contacts / 20M events in a child process; its wall time and the peak
    memory of the learner and of every process under it (the dbt build)."""
    project = _project_copy(workdir)
    warehouse = workdir / "large.duckdb"
    started = time.perf_counter()
    _inputs("large", warehouse)
    generate_seconds = time.perf_counter() - started
    command = [
        sys.executable,
        __file__,
        "--child",
        "learn",
        f"--duckdb={warehouse}",
        f"--input-schema={INPUT_SCHEMA}",
        f"--as-of={AS_OF}",
        "--model=learned",
        f"--project-dir={project}",
        f"--profiles-dir={project / 'profiles'}",
    ]
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if finished.returncode != 0:
        sys.exit(f"learn failed:\n{finished.stdout[-3000:]}\n{finished.stderr[-3000:]}")
    memory = json.loads(finished.stdout.strip().splitlines()[-1])
    report = finished.stdout.strip().splitlines()[0]
    return (
        f"| large (1M contacts / 20M events) | generate {generate_seconds:.0f} s "
        f"| learn {seconds:.0f} s | learner peak RSS {memory['self_mb']:,.0f} MB "
        f"| dbt build peak RSS {memory['children_mb']:,.0f} MB | {report} |"
    )


def child(argv: list[str]) -> int:
    """Run the CLI, then print the peak memory of this process and of its children."""
    from lead_scoring.cli import main as cli

    status = cli(argv)
    print(
        json.dumps(
            {
                "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )
    return status


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", action="append", choices=[*QUALITY, "large"])
    parser.add_argument("--results", default=str(RESULTS), help="'-' to skip")
    args = parser.parse_args(argv)
    datasets = args.dataset or ["demo"]
    rows = {}
    with tempfile.TemporaryDirectory(prefix="lead_scoring_learn_bench_") as scratch:
        for dataset in datasets:
            workdir = Path(scratch) / dataset
            workdir.mkdir()
            rows[dataset] = (
                scale_row(workdir) if dataset == "large" else quality_row(dataset, workdir)
            )
            print(rows[dataset], flush=True)
    if args.results != "-":
        _write(Path(args.results), rows)
    return 0


def _write(path: Path, rows: dict[str, str]) -> None:
    """Replace the rows of the datasets just measured, keep the others."""
    kept = {}
    if path.exists():
        for line in path.read_text().splitlines():
            name = line.split("|")[1].strip().split(" ")[0] if line.startswith("| ") else ""
            if name in (*QUALITY, "large") and name not in rows:
                kept[name] = line
    kept.update(rows)
    quality = [kept[name] for name in QUALITY if name in kept]
    text = [
        "# Learning benchmark",
        "",
        "Measured with `python bench/learn_benchmark.py`"
        f" (rows updated {time.strftime('%Y-%m-%d')}),"
        f" {os.cpu_count()} cores. Learned as of {AS_OF}; a lead converts within 90 days after."
        " Held-out: 5-fold cross-validation of the whole learner (criteria, decay, penalty,"
        " points, bands, zones), every lead scored once by a grid learned without it; 95 %"
        " bootstrap intervals. The regression is an L2 logistic regression on every candidate"
        " feature, its penalty chosen by the same cross-validation. Rounding cost: AUC lost to"
        " integer points; selection cost: AUC lost by keeping that many criteria instead of"
        " every candidate (both held-out, negative = gained).",
        "",
        HEADER,
        "|" + "---|" * HEADER.count(" | ") + "---|",
        *quality,
    ]
    if "large" in kept:
        text += [
            "",
            "| scale | inputs | learning | learner | dbt build | report |",
            "|---|---|---|---|---|---|",
            kept["large"],
        ]
    path.write_text("\n".join(text) + "\n")


if __name__ == "__main__":
    sys.exit(main())
