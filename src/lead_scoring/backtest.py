"""Backtest: score and evaluate every scoring model at a series of past as-of dates.

Each date is one `dbt build` of the `score_model_backtest` mart and everything upstream of
it, with the var `scoring_as_of` set to that date, in the schema `<target schema>_backtest`
(the published marts stay at their own as-of date); the mart keeps one row per scoring
model and date. Scores only use events up to their as-of date, so each row shows how the
grid would have ranked the leads that converted in the horizon after that date.
"""

from __future__ import annotations

import subprocess
import sys
from calendar import monthrange
from datetime import date
from pathlib import Path

from lead_scoring import warehouse

BACKTEST_SELECTOR = "+score_model_backtest"
SCHEMA_SUFFIX = "_backtest"
# an AUC or a hot zone's capture measured on fewer conversions than this swings by several
# points from one date to the next: such rows are flagged, not hidden
MIN_CONVERSIONS = 20


def month_ends(first: date, last: date, every_months: int = 1) -> list[date]:
    """The last day of every `every_months`-th month from the month of `first` until
    `last` (inclusive), keeping only days within [first, last]."""
    if every_months < 1:
        raise ValueError("every_months must be at least 1")
    if last < first:
        raise ValueError(f"the last date {last} is before the first {first}")
    dates = []
    year, month = first.year, first.month
    while True:
        day = date(year, month, monthrange(year, month)[1])
        if day > last:
            break
        if day >= first:
            dates.append(day)
        month += every_months
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dates


def days(first: date, last: date) -> list[date]:
    """Every day from `first` to `last`, both included."""
    if last < first:
        raise ValueError(f"the last date {last} is before the first {first}")
    return [date.fromordinal(day) for day in range(first.toordinal(), last.toordinal() + 1)]


def dbt_command(
    as_of: date, project: warehouse.DbtProject, dbt_args: list[str] | tuple[str, ...] = ()
) -> list[str]:
    """The `dbt build` that scores and evaluates at one as-of date, apart from the
    published relations (the inputs are read where they are, never re-seeded)."""
    variables = {
        **project.variables,
        "scoring_as_of": as_of.isoformat(),
        "lead_scoring_schema_suffix": SCHEMA_SUFFIX,
    }
    dbt = str(Path(sys.executable).parent / "dbt")
    return [
        dbt,
        "--quiet",  # dbt still prints errors; the command prints one line per date
        "build",
        "--select",
        BACKTEST_SELECTOR,
        # only the tests whose every parent this build refreshes: a test that also reads
        # a mart the backtest does not build would fail on its absence
        "--indirect-selection",
        "cautious",
        "--vars",
        warehouse.vars_option(variables),
        *project.dbt_args(),
        *dbt_args,
    ]


def run(
    dates: list[date], project: warehouse.DbtProject, dbt_args: list[str] | tuple[str, ...] = ()
) -> int:
    """Build at every date in order; stop at the first failed build and return its code."""
    for as_of in dates:
        command = dbt_command(as_of, project, dbt_args)
        print(f"backtest: scoring and evaluating as of {as_of}", flush=True)
        finished = subprocess.run(command, cwd=project.project_dir, env=project.environment())
        if finished.returncode != 0:
            print(f"backtest: the build as of {as_of} failed; later dates not run", flush=True)
            return finished.returncode
    return 0


def render(cursor, relation: str, dates: list[date]) -> str:
    """The backtest rows of the given dates in `relation` (the backtest build's
    `score_model_backtest`), read through a DB-API cursor on any engine, as a text table;
    shares as percentages, rows with too few conversions flagged."""
    days = ", ".join(f"cast('{day.isoformat()}' as date)" for day in dates)
    cursor.execute(
        f"""
        select
            scoring_model, scored_as_of, leads, positives, auc, hot_share_of_leads,
            hot_share_of_conversions, best_grade, best_grade_conversion_rate,
            worst_grade, worst_grade_conversion_rate
        from {relation}
        where scored_as_of in ({days})
        order by scoring_model, scored_as_of
        """
    )
    rows = cursor.fetchall()

    def number(value, digits=3):
        return "-" if value is None else f"{value:.{digits}f}"

    def percent(value):
        return "-" if value is None else f"{value:.0%}"

    width = max([len("model"), *(len(row[0]) for row in rows)])
    lines = [
        f"{'model':<{width}} {'as of':<10} {'leads':>7} {'conv':>5} {'AUC':>6} "
        f"{'hot % of leads':>14} {'of conv':>7}  {'best cell':<14} {'worst cell':<14} note"
    ]
    for (
        model,
        as_of,
        leads,
        positives,
        auc,
        hot_leads,
        hot_conv,
        best,
        best_rate,
        worst,
        worst_rate,
    ) in rows:
        note = (
            f"too few conversions to judge (< {MIN_CONVERSIONS})"
            if positives < MIN_CONVERSIONS
            else ""
        )
        lines.append(
            f"{model:<{width}} {as_of.isoformat():<10} {leads:>7} {positives:>5} "
            f"{number(auc):>6} {percent(hot_leads):>14} {percent(hot_conv):>7}  "
            f"{best or '-':<3} {percent(best_rate):>4} conv  {worst or '-':<3} "
            f"{percent(worst_rate):>4} conv  {note}".rstrip()
        )
    return "\n".join(lines)
