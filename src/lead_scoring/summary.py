"""A short printed summary of a scoring run: leads per grade cell, the hottest leads, the
leads nearest to hot with their next step, and how the scores ranked later conversions."""

from __future__ import annotations

import duckdb

from lead_scoring.grid import ACTIVITY_GRADES, FIT_GRADES


def grade_matrix(con: duckdb.DuckDBPyConnection, schema: str, scoring_model: str) -> str:
    """Leads per grade cell of one scoring model: a fit x activity text table, or one row of
    grades for a one-dimension model (its other grade is null)."""
    rows = con.execute(
        f"""
        select fit_grade, activity_grade, count(*)
        from "{schema}".lead_scores
        where scoring_model = ?
        group by 1, 2
        """,
        [scoring_model],
    ).fetchall()
    counts = {(fit, activity): leads for fit, activity, leads in rows}
    has_fit = any(fit is not None for fit, _ in counts)
    has_activity = any(activity is not None for _, activity in counts)
    if not (has_fit and has_activity):
        grades = FIT_GRADES if has_fit else ACTIVITY_GRADES
        cells = {fit if has_fit else activity: leads for (fit, activity), leads in counts.items()}
        return (
            "grade "
            + "".join(f"{grade:>8}" for grade in grades)
            + "\nleads "
            + "".join(f"{cells.get(grade, 0):>8}" for grade in grades)
        )
    header = "fit \\ activity" + "".join(f"{grade:>8}" for grade in ACTIVITY_GRADES)
    lines = [header]
    for fit in FIT_GRADES:
        cells = "".join(f"{counts.get((fit, activity), 0):>8}" for activity in ACTIVITY_GRADES)
        lines.append(f"{fit:<14}{cells}")
    return "\n".join(lines)


def unseen_event_types(con: duckdb.DuckDBPyConnection, relations: dict[str, str]) -> list[str]:
    """Match rules whose event type never occurs in the event log: a typo in the grid, or a
    type the tracking does not send (they score nothing). `relations`: the staging models'
    relations, by model name."""
    rows = con.execute(
        f"""
        select distinct rules.scoring_model, rules.criterion, rules.event_type
        from {relations["stg_grid__activity_match_rules"]} as rules
        where not exists (
            select 1 from {relations["stg_lead_scoring__events"]} as events
            where events.event_type = rules.event_type
        )
        order by 1, 2, 3
        """
    ).fetchall()
    return [
        f"  {model} / {criterion}: no event of type '{event_type}'"
        for model, criterion, event_type in rows
    ]


def hottest_leads(
    con: duckdb.DuckDBPyConnection, schema: str, scoring_model: str, limit: int = 5
) -> list[tuple]:
    """The ``limit`` leads with the most points, best grade first, with their reasons."""
    return con.execute(
        f"""
        select contact_id, grade, zone, fit_points, activity_points, score_reasons
        from "{schema}".lead_scores
        where scoring_model = ?
        order by
            fit_points + activity_points desc,
            grade,
            contact_id
        limit {int(limit)}
        """,
        [scoring_model],
    ).fetchall()


def nearest_to_hot(
    con: duckdb.DuckDBPyConnection, schema: str, scoring_model: str, limit: int = 5
) -> list[tuple]:
    """The ``limit`` leads nearest to hot: those not hot whose next step (lead_scores.next_step,
    their rank-1 step in lead_next_steps) makes them hot, fewest events needed first, then
    the most points now, then by contact."""
    return con.execute(
        f"""
        select
            lead_scores.contact_id, lead_scores.grade, lead_scores.zone,
            lead_scores.fit_points, lead_scores.activity_points, lead_scores.next_step
        from "{schema}".lead_scores
        inner join "{schema}".lead_next_steps
            on
                lead_scores.contact_id = lead_next_steps.contact_id
                and lead_scores.scoring_model = lead_next_steps.scoring_model
                and lead_next_steps.step_rank = 1
        where
            lead_scores.scoring_model = ?
            and lead_scores.next_step is not null
            and lead_next_steps.zone_after = 'hot'
        order by
            lead_next_steps.events_needed,
            lead_scores.fit_points + lead_scores.activity_points desc,
            lead_scores.contact_id
        limit {int(limit)}
        """,
        [scoring_model],
    ).fetchall()


def data_quality_lines(con: duckdb.DuckDBPyConnection, schema: str) -> list[str]:
    """One line per input table: rows read, and the reported ones by reason."""
    rows = con.execute(
        f"""
        select input_table, reason, row_count
        from "{schema}".scoring_data_quality
        order by input_table, row_count desc, reason
        """
    ).fetchall()
    lines = []
    for table in sorted({table for table, _, _ in rows}):
        counts = [(reason, count) for name, reason, count in rows if name == table]
        read = sum(count for _, count in counts)
        reported = ", ".join(
            f"{count} {reason}" for reason, count in counts if reason != "scored" and count
        )
        lines.append(f"  {table}: {read} rows read; reported: {reported or 'none'}")
    return lines


def evaluation_line(con: duckdb.DuckDBPyConnection, schema: str, scoring_model: str) -> str:
    """How the model ranked the leads that converted after the as-of date."""
    leads, positives, horizon, auc, hot_leads, hot_conversions = con.execute(
        f"""
        select
            leads, positives, conversion_horizon_days, auc,
            hot_share_of_leads, hot_share_of_conversions
        from "{schema}".score_model_performance
        where scoring_model = ?
        """,
        [scoring_model],
    ).fetchone()
    if not positives:
        return f"No conversion in the {horizon} days after the as-of date yet: nothing to evaluate"
    return (
        f"Against conversions in the {horizon} days after: {positives} of {leads} leads"
        f" converted; AUC {auc:.3f}; the hot zone holds {hot_leads:.0%} of leads and"
        f" {hot_conversions:.0%} of conversions (see score_model_performance)"
    )


def calibration_line(con: duckdb.DuckDBPyConnection, schema: str, scoring_model: str) -> str:
    """The conversion probability of the hot zone's leads against the calibration window's
    overall rate, and the Brier scores (score_calibration)."""
    window_start, window_leads, rate, brier, backtest = con.execute(
        f"""
        select distinct
            window_start, model_window_leads, model_window_conversion_rate, brier_score,
            backtest_brier_score
        from "{schema}".score_calibration
        where scoring_model = ?
        """,
        [scoring_model],
    ).fetchone() or (None, 0, None, None, None)
    if not window_leads:
        return "Calibration: no lead was scored at the window's start: no probability"
    (hot_probability,) = con.execute(
        f"""
        select avg(conversion_probability)
        from "{schema}".lead_scores
        where scoring_model = ? and is_mql
        """,
        [scoring_model],
    ).fetchone()
    hot = (
        "no hot lead"
        if hot_probability is None
        else f"the hot zone's leads convert with probability {hot_probability:.1%}"
        + (f" ({hot_probability / rate:.1f}x the window's rate)" if rate else "")
    )
    backtest_text = "" if backtest is None else f", {backtest:.4f} on the leads scored now"
    return (
        f"Calibration since {window_start}: {rate:.1%} of {window_leads} leads converted;"
        f" {hot}; Brier score {brier:.4f} on the window{backtest_text} (see score_calibration)"
    )


def surging_line(
    con: duckdb.DuckDBPyConnection, schema: str, relations: dict[str, str], scoring_model: str
) -> str:
    """How many leads are surging (lead_scores.is_surging), or that the model flags none
    (no surge_points: `relations` names the staging models by model name)."""
    surging, has_surge_points = con.execute(
        f"""
        select
            count(*) filter (where lead_scores.is_surging),
            max(models.surge_points) is not null
        from "{schema}".lead_scores
        left join {relations["stg_grid__scoring_models"]} as models
            on lead_scores.scoring_model = models.scoring_model
        where lead_scores.scoring_model = ?
        """,
        [scoring_model],
    ).fetchone()
    if not has_surge_points:
        return "Surging leads: none flagged (no surge_points in grid_scoring_models)"
    return f"Surging leads (points_7d at least surge_points): {surging}"


def render(con: duckdb.DuckDBPyConnection, schema: str, relations: dict[str, str]) -> str:
    """The whole summary, one section per scoring model; `schema` holds the marts,
    `relations` names the staging models by model name (from dbt's manifest)."""
    sections = []
    models = con.execute(
        f'select distinct scoring_model, scored_as_of from "{schema}".lead_scores'
        # the shipped model first, then the others by name
        " order by scoring_model != 'default', scoring_model"
    ).fetchall()
    for scoring_model, scored_as_of in models:
        totals = con.execute(
            f"""
            select count(*), count(*) filter (where is_mql)
            from "{schema}".lead_scores where scoring_model = ?
            """,
            [scoring_model],
        ).fetchone()
        lines = [
            f"Scoring model '{scoring_model}' as of {scored_as_of}: "
            f"{totals[0]} leads, {totals[1]} MQLs (hot zone)",
            evaluation_line(con, schema, scoring_model),
            calibration_line(con, schema, scoring_model),
            surging_line(con, schema, relations, scoring_model),
            "",
            "Leads per grade:",
            grade_matrix(con, schema, scoring_model),
            "",
            "Five hottest leads:",
        ]
        for contact_id, grade, zone, fit, activity, reasons in hottest_leads(
            con, schema, scoring_model
        ):
            lines.append(
                f"  {contact_id}  {grade:<2} {zone:<4}  fit {fit:>5}  activity {activity:>5}"
            )
            lines.append(f"      {reasons}")
        lines += ["", "Five nearest to hot (one step away, fewest events first):"]
        nearest = nearest_to_hot(con, schema, scoring_model)
        for contact_id, grade, zone, fit, activity, step in nearest:
            lines.append(
                f"  {contact_id}  {grade:<2} {zone:<4}  fit {fit:>5}  activity {activity:>5}"
            )
            lines.append(f"      next step: {step}")
        if not nearest:
            lines.append("  none: no single step makes a lead hot")
        sections.append("\n".join(lines))
    sections.append(
        "\n".join(
            [
                "Input rows not scored as read (see scoring_data_quality):",
                *data_quality_lines(con, schema),
            ]
        )
    )
    unseen = unseen_event_types(con, relations)
    if unseen:
        sections.append(
            "\n".join(["Warning: grid match rules that matched no event at all:", *unseen])
        )
    return "\n\n".join(sections)
