"""`lead-scoring backfill`: the daily build replayed at every date between two dates."""

from __future__ import annotations

import argparse
import sys

from lead_scoring import backtest, run_lock, warehouse
from lead_scoring.cli.options import (
    date_range_options,
    dated_run,
    dbt_build_options,
    wait_option,
)

NAME = "backfill"
HELP = "replay the daily build at every date between two dates (history, change feed)"
DESCRIPTION = (
    "Run the scheduled `dbt build` once per day from --from to --to, in order, with "
    "the var scoring_as_of set to each day: lead_score_history and "
    "lead_score_changes then hold what daily runs over those dates would have "
    "recorded (a new installation, or after a grid change). Stops at the first "
    "failed build; rerunning a recorded date replaces it. Holds the scheduled-run lock "
    "of the target, as `lead-scoring run` does."
)


def add_arguments(parser) -> None:
    date_range_options(parser, to_required=True)
    dbt_build_options(parser)
    wait_option(parser)


def run(args: argparse.Namespace) -> int:
    dated = dated_run("backfill", args, backtest.days)
    if dated is None:
        return 2
    dates, project = dated
    try:
        # the daily builds it replays are scheduled runs: none of them beside another run
        with run_lock.scheduled_run_lock(project, args.wait):
            builds = warehouse.DailyBuilds(project, args.dbt_args)
            for as_of in dates:
                print(f"backfill: the daily build as of {as_of}", flush=True)
                if not builds.build(as_of):
                    print(
                        f"backfill: the build as of {as_of} failed; later dates not run",
                        flush=True,
                    )
                    return 1
    except run_lock.RunLocked as error:
        print(f"lead-scoring backfill: {error}", file=sys.stderr)
        return run_lock.LOCKED_EXIT
    except warehouse.WarehouseError as error:
        print(f"lead-scoring backfill: {error}", file=sys.stderr)
        return 2
    return 0
