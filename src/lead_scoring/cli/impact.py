"""`lead-scoring impact`: the scores of a base grid and the working tree's, and the change."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lead_scoring import impact, warehouse
from lead_scoring.cli.options import dbt_options, given_as_of, option, project_of, resolve_as_of
from lead_scoring.impact import compare

NAME = "impact"
HELP = "score the data with a base grid and the working tree's grid, and report the change"
DESCRIPTION = compare.__doc__


def add_arguments(parser) -> None:
    parser.add_argument(
        "--base", help="git ref of the base grid (default: the merge base with main)"
    )
    option(
        parser,
        "--as-of",
        "to score both grids at (default: the published scores' date, else today)",
    )
    dbt_options(parser)
    parser.add_argument(
        "--output-dir", default="target/impact", help="where impact.md and impact.html go"
    )


def run(args: argparse.Namespace) -> int:
    try:
        project = project_of(args)
        given, option_name = given_as_of(args, project)
        as_of = resolve_as_of("impact", given, project, option_name)
    except (ValueError, warehouse.WarehouseError) as error:
        print(f"lead-scoring impact: {error}", file=sys.stderr)
        return 2
    options = impact.Options(
        project=project, base_ref=args.base, as_of=as_of, output_dir=Path(args.output_dir)
    )
    try:
        report = impact.run(options)
    except impact.ImpactError as error:
        print(f"lead-scoring impact: {error}", file=sys.stderr)
        return 2
    options.output_dir.mkdir(parents=True, exist_ok=True)
    text = impact.markdown(report)
    (options.output_dir / "impact.md").write_text(text)
    (options.output_dir / "impact.html").write_text(impact.page(report))
    print(text)
    print(f"wrote {options.output_dir / 'impact.md'} and {options.output_dir / 'impact.html'}")
    return 1 if report.head_issues else 0
