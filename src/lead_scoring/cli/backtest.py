"""`lead-scoring backtest`: every scoring model scored and evaluated at each month end between
two dates."""

from __future__ import annotations

import argparse

from lead_scoring import backtest, warehouse
from lead_scoring.cli.options import date_range_options, dated_run, dbt_build_options, deprecated

NAME = "backtest"
HELP = "score and evaluate every scoring model at each month end between two dates"
DESCRIPTION = backtest.__doc__


def add_arguments(parser) -> None:
    date_range_options(parser, "default: the published scores' date, else today")
    parser.add_argument("--every-months", type=int, default=1, help="step, in months")
    dbt_build_options(parser)
    deprecated(parser, "--schema", None)


def run(args: argparse.Namespace) -> int:
    dated = dated_run(
        "backtest",
        args,
        lambda first, last: backtest.month_ends(first, last, args.every_months),
    )
    if dated is None:
        return 2
    dates, project = dated
    status = backtest.run(dates, project, args.dbt_args)
    if status == 0:
        manifest = warehouse.read_manifest(project.project_dir / "target")
        relation = warehouse.relation_names(manifest)["score_model_backtest"]
        with warehouse.connection(project) as (cursor, _):
            print(backtest.render(cursor, relation, dates))
    return status
