"""The cost of a change: the full build of two commits on the same generated data.

Generates contract-shaped data once (the benchmark's scales), checks each commit out into a
scratch worktree and runs its full `dbt build` (the README's scheduled command) on a copy
of that data, alternating the commits for `--rounds` rounds so that a busy machine slows
both alike. Prints, per commit, the median wall seconds, CPU seconds (all threads, user
and system: what other load on the machine changes least), model SQL seconds (dbt's node
timings) and peak RSS, and the second commit's growth over the first.

    python bench/compare_commits.py 6f67e4d main --scale large --rounds 2
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark import (  # the benchmark module beside this one
    AS_OF,
    INPUT_SCHEMA,
    PROJECT_ROOT,
    SCALES,
    generate_command,
    node_seconds,
    run_measured,
    run_measured_cpu,
)

from lead_scoring.warehouse import SCHEDULED_BUILD


def build(project: Path, database: Path, scratch: Path) -> tuple[float, float, float, float]:
    """One full build of ``project`` on a copy of ``database``: wall s, CPU s, model SQL s,
    peak RSS MB."""
    copy = scratch / "build.duckdb"
    shutil.copyfile(database, copy)
    target_dir = scratch / "target"
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(project / "profiles"),
        "LEAD_SCORING_DUCKDB_PATH": str(copy),
        "LEAD_SCORING_TARGET": "duckdb",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    variables = json.dumps({"scoring_as_of": AS_OF, "lead_scoring_schema": INPUT_SCHEMA})
    dbt = str(Path(sys.executable).parent / "dbt")
    args = ["--target-path", str(target_dir), "--vars", variables]
    run_measured([dbt, "parse", "--no-partial-parse", *args], env, project)
    wall, rss, cpu, _ = run_measured_cpu([dbt, *SCHEDULED_BUILD, *args], env, project)
    models, _, _ = node_seconds(target_dir)
    shutil.rmtree(target_dir)
    copy.unlink()
    return wall, cpu, models, rss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", help="a commit (the base)")
    parser.add_argument("after", help="a commit (the change)")
    parser.add_argument("--scale", choices=list(SCALES), default="small")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    size = SCALES[args.scale]
    with tempfile.TemporaryDirectory(prefix="lead_scoring_compare_") as scratch_dir:
        scratch = Path(scratch_dir)
        database = scratch / "data.duckdb"
        env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
        run_measured(generate_command(size, database), env)
        projects = {}
        for commit in (args.before, args.after):
            projects[commit] = scratch / f"project_{len(projects)}"
            subprocess.run(
                ["git", "worktree", "add", "--detach", str(projects[commit]), commit],
                cwd=PROJECT_ROOT,
                check=True,
                capture_output=True,
            )
        try:
            runs: dict[str, list[tuple[float, float, float, float]]] = {c: [] for c in projects}
            for _ in range(args.rounds):
                for commit, project in projects.items():
                    runs[commit].append(build(project, database, scratch))
                    wall, cpu, models, rss = runs[commit][-1]
                    print(
                        f"{commit}: wall {wall:.1f} s, CPU {cpu:.1f} s,"
                        f" model SQL {models:.1f} s, {rss:.0f} MB"
                    )
        finally:
            for project in projects.values():
                subprocess.run(
                    ["git", "worktree", "remove", "--force", str(project)],
                    cwd=PROJECT_ROOT,
                    check=False,
                )
    medians = {
        commit: [statistics.median(run[i] for run in found) for i in range(4)]
        for commit, found in runs.items()
    }
    print(f"\nscale {args.scale}, {args.rounds} rounds, medians:")
    print("| commit | build wall s | build CPU s | model SQL s | peak RSS MB |")
    print("|---|---|---|---|---|")
    for commit, (wall, cpu, models, rss) in medians.items():
        print(f"| {commit} | {wall:.1f} | {cpu:.1f} | {models:.1f} | {rss:,.0f} |")
    before, after = medians[args.before], medians[args.after]
    print(
        f"growth: wall {after[0] / before[0] - 1:+.1%}, CPU {after[1] / before[1] - 1:+.1%}, "
        f"model SQL {after[2] / before[2] - 1:+.1%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
