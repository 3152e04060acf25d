"""`lead-scoring run`: the scheduled build, one at a time per warehouse."""

from __future__ import annotations

import argparse
import sys

from lead_scoring import run_lock, warehouse
from lead_scoring.cli.options import dbt_build_options, project_of, wait_option

NAME = "run"
HELP = "the scheduled dbt build, one run at a time per warehouse (a second one stops or waits)"
DESCRIPTION = (
    "Run the scheduled `dbt build --exclude-resource-type unit_test --exclude tag:learning` "
    "on the profile's "
    "target while holding the target's scheduled-run lock: a run started while another "
    f"holds it stops without building (exit status {run_lock.LOCKED_EXIT}) and names the run "
    "holding it; with --wait it waits for it. Exit status otherwise dbt's."
)


def add_arguments(parser) -> None:
    dbt_build_options(parser)
    wait_option(parser)


def run(args: argparse.Namespace) -> int:
    try:
        project = project_of(args)
        with run_lock.scheduled_run_lock(project, args.wait) as locked:
            print(f"run: holding the scheduled-run lock of {locked}", flush=True)
            return warehouse.scheduled_build(project, args.dbt_args)
    except run_lock.RunLocked as error:
        print(f"lead-scoring run: {error}", file=sys.stderr)
        return run_lock.LOCKED_EXIT
    except (ValueError, warehouse.WarehouseError) as error:  # bad vars, no target
        print(f"lead-scoring run: {error}", file=sys.stderr)
        return 2
