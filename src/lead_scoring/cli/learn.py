"""`lead-scoring learn`: a grid learned from conversions, written as one scoring model's seed
rows."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from lead_scoring import learn
from lead_scoring.cli.options import dbt_options, given_as_of, grid_seeds_dir, option, project_of
from lead_scoring.learn import run as learn_run

NAME = "learn"
HELP = "learn a grid from conversions and write it as seed rows of one scoring model"
DESCRIPTION = learn_run.__doc__


def add_arguments(parser) -> None:
    option(parser, "--as-of", "learn from the conversions that followed it", required=True)
    parser.add_argument("--model", required=True, help="name of the learned scoring model")
    dbt_options(parser)
    option(parser, "--seeds-dir", "to write the model into (default: <project-dir>/seeds/grid)")
    parser.add_argument("--note", help="Markdown note (default: <model>.md beside the seeds)")
    parser.add_argument(
        "--horizon-days", type=int, help="default: the project's conversion_horizon_days"
    )
    parser.add_argument("--lookback-days", type=int, default=90)
    parser.add_argument(
        "--conversion-product", help="learn to predict this product's conversions (default: any)"
    )
    parser.add_argument("--target-hot-share", type=float, default=0.30)
    parser.add_argument(
        "--max-criteria", type=int, default=20, help="criteria the grid keeps at most"
    )
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds")


def run(args: argparse.Namespace) -> int:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", args.model):
        print(
            "lead-scoring learn: --model must be lowercase letters, digits and _", file=sys.stderr
        )
        return 2
    try:
        project = project_of(args)
        as_of = date.fromisoformat(given_as_of(args, project)[0])
    except ValueError as error:
        print(f"lead-scoring learn: {error}", file=sys.stderr)
        return 2
    seeds_dir = grid_seeds_dir(args)
    options = learn.Options(
        project=project,
        as_of=as_of,
        model=args.model,
        seeds_dir=seeds_dir,
        note_path=Path(args.note) if args.note else seeds_dir / f"{args.model}.md",
        horizon_days=args.horizon_days,
        lookback_days=args.lookback_days,
        conversion_product=args.conversion_product,
        target_hot_share=args.target_hot_share,
        max_criteria=args.max_criteria,
        folds=args.folds,
    )
    try:
        learned = learn.learn(options)
    except learn.LearnError as error:  # nothing has been written
        print(f"lead-scoring learn: {error}", file=sys.stderr)
        return 2
    written = learn.write(options, learned)
    for line in learn.summary_lines(learned.report):
        print(line)
    print("wrote " + ", ".join(str(path) for path in written))
    return 0
