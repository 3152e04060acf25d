"""The impact report as Markdown (a pull-request comment) and as one HTML page with charts.

Both are rendered from the same sections (`sections`): a title, paragraphs and tables of
already formatted cells, so that the page and the comment always show the same numbers."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from lead_scoring.grid import ZONES
from lead_scoring.impact.compare import (
    NOT_SCORED,
    TOP_GRADE_MOVES,
    ModelReport,
    Mover,
    Report,
)
from lead_scoring.impact.grids import BASE, HEAD

REASONS_SHOWN = 120  # characters of a lead's reasons in a table cell


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    title: str
    blocks: list[str | Table] = field(default_factory=list)  # paragraphs and tables, in order
    model: ModelReport | None = None  # the charts' data


def _count(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _delta(before: float | None, after: float | None, digits: int = 0, unit: str = "") -> str:
    """The change between two figures as shown (rounded to `digits`), so that it is their
    visible difference."""
    if before is None or after is None:
        return ""
    change = round(after, digits) - round(before, digits)
    if round(change, digits) == 0:
        return "0"
    return f"{change:+,.{digits}f}{unit}"


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


def _rate(outcomes: tuple[int, int]) -> str:
    leads, positives = outcomes
    if not leads:
        return "none of them evaluated"
    return f"{positives:,} of the {leads:,} evaluated converted, {positives / leads:.1%}"


def _reasons(text: str) -> str:
    text = text or "(no points)"
    return text if len(text) <= REASONS_SHOWN else text[: REASONS_SHOWN - 1] + "…"


def _zones(model: ModelReport) -> list[str]:
    seen = {zone for side in model.sides.values() for zone in side.zones}
    seen |= {zone for pair in model.zone_transitions for zone in pair}
    ordered = [zone for zone in ZONES if zone in seen]
    return (
        ordered
        + sorted(seen - set(ordered) - {NOT_SCORED})
        + ([NOT_SCORED] if NOT_SCORED in seen else [])
    )


def _grid_change(model: ModelReport) -> str:
    change = model.change
    parts = [
        f"{label} {', '.join(f'`{name}`' for name in names)}"
        for label, names in (
            ("criteria added:", change.criteria_added),
            ("removed:", change.criteria_removed),
            ("changed:", change.criteria_changed),
        )
        if names
    ]
    if change.settings_changed:
        parts.append("also changed: " + ", ".join(change.settings_changed))
    return "Grid: " + ("; ".join(parts) if parts else "no criterion changed") + "."


def _figures_table(model: ModelReport) -> Table:
    sides = [side for side in (BASE, HEAD) if side in model.sides]
    header = ["", *("before" if side == BASE else "after" for side in sides)]
    both = len(sides) == 2
    if both:
        header.append("change")
    rows = []

    def add(label: str, values: list, formatter, delta=None) -> None:
        row = [label, *(formatter(value) for value in values)]
        if both:
            row.append(delta(*values) if delta else "")
        rows.append(row)

    figures = [model.sides[side] for side in sides]
    add("leads scored", [f.leads for f in figures], _count, _delta)
    for zone in [zone for zone in _zones(model) if zone != NOT_SCORED]:
        add(f"zone {zone}", [f.zones.get(zone, 0) for f in figures], _count, _delta)
    add("**MQLs**", [f.mqls for f in figures], _count, _delta)
    performances = [f.performance for f in figures]
    if all(p and p["positives"] for p in performances):
        add(
            "AUC",
            [p["auc"] for p in performances],
            lambda v: "" if v is None else f"{v:.3f}",
            lambda b, a: _delta(b, a, 3),
        )
        add(
            "hot zone's share of conversions",
            [p["hot_conversions"] for p in performances],
            _share,
            lambda b, a: _delta(100 * b, 100 * a, 1, " pt") if None not in (b, a) else "",
        )
        add(
            "hot zone's share of leads",
            [p["hot_leads"] for p in performances],
            _share,
            lambda b, a: _delta(100 * b, 100 * a, 1, " pt") if None not in (b, a) else "",
        )
    return Table("Leads per zone, MQLs and the evaluation", header, rows)


def _transitions_table(model: ModelReport) -> Table:
    zones = _zones(model)
    rows = [
        [zone, *(_count(model.zone_transitions.get((zone, after), 0)) for after in zones)]
        for zone in zones
    ]
    return Table(
        "Zone transitions (rows: before, columns: after)", ["before \\ after", *zones], rows
    )


def _movers_table(title: str, movers: list[Mover]) -> Table:
    return Table(
        title,
        ["contact", "total before", "total after", "reasons before", "reasons after"],
        [
            [
                mover.contact_id,
                _count(mover.total_before) or NOT_SCORED,
                _count(mover.total_after) or NOT_SCORED,
                _reasons(mover.reasons_before),
                _reasons(mover.reasons_after),
            ]
            for mover in movers
        ],
    )


def _model_section(model: ModelReport) -> Section:
    change = model.change
    section = Section(f"`{change.model}`: {change.status}", model=model)
    section.blocks.append(_grid_change(model))
    section.blocks.append(_figures_table(model))
    performances = [side.performance for side in model.sides.values()]
    if not all(p and p["positives"] for p in performances):
        section.blocks.append(
            "No conversions after the as-of date (within the horizon) on one side at least:"
            " the ranking cannot be judged against outcomes."
        )
    if len(model.sides) == 2:
        section.blocks.append(
            f"Leads entering the hot zone: {model.entering_hot:,}"
            f" ({_rate(model.entering_outcomes)}); leaving it: {model.leaving_hot:,}"
            f" ({_rate(model.leaving_outcomes)}). Conversions are the new grid's model's"
            " (its product), within the horizon after the as-of date."
        )
        section.blocks.append(_transitions_table(model))
        if model.grade_transitions:
            shown = model.grade_transitions[:TOP_GRADE_MOVES]
            title = "Grade cells that changed" + (
                f" (the {len(shown)} largest moves of {len(model.grade_transitions)})"
                if len(model.grade_transitions) > len(shown)
                else ""
            )
            section.blocks.append(
                Table(
                    title,
                    ["before", "after", "leads"],
                    [[before, after, _count(leads)] for before, after, leads in shown],
                )
            )
        if model.top_entering:
            section.blocks.append(_movers_table("Top movers into the hot zone", model.top_entering))
        if model.top_leaving:
            section.blocks.append(
                _movers_table("Top movers out of the hot zone", model.top_leaving)
            )
    return section


def _issues_table(title: str, issues: list[tuple]) -> Table:
    return Table(
        title,
        ["grid file", "scoring model", "criterion", "problem"],
        [[str(cell) for cell in issue] for issue in issues],
    )


def sections(report: Report) -> list[Section]:
    """The report's content, rendered alike as Markdown and HTML."""
    intro = Section(
        f"Grid impact as of {report.as_of.isoformat()}",
        [
            f"The working tree's grid against `{report.base_ref}` ({report.base_commit}),"
            " both scoring the same inputs at the same as-of date."
        ],
    )
    found = [intro]
    if report.head_issues:
        intro.blocks.append(
            "**The working tree's grid is invalid**: nothing could be scored. Fix these first."
        )
        intro.blocks.append(
            _issues_table("Problems of the working tree's grid", report.head_issues)
        )
        return found
    if report.base_issues:
        intro.blocks.append(
            "The base grid is invalid, so there is nothing to compare with: the working"
            " tree's models are reported alone."
        )
        intro.blocks.append(_issues_table("Problems of the base grid", report.base_issues))
    if not report.models:
        intro.blocks.append("No scoring model's grid changed.")
    if report.unchanged:
        intro.blocks.append(
            "Unchanged: " + ", ".join(f"`{model}`" for model in report.unchanged) + "."
        )
    return found + [_model_section(model) for model in report.models]


def _markdown_table(table: Table) -> list[str]:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = [f"**{table.title}**", ""]
    lines.append("| " + " | ".join(cell(text) for text in table.header) + " |")
    lines.append("|" + "|".join("---" for _ in table.header) + "|")
    lines += ["| " + " | ".join(cell(text) for text in row) + " |" for row in table.rows]
    return [*lines, ""]


def markdown(report: Report) -> str:
    lines = []
    for level, section in enumerate(sections(report)):
        lines += [f"{'###' if level == 0 else '####'} {section.title}", ""]
        for block in section.blocks:
            lines += _markdown_table(block) if isinstance(block, Table) else [block, ""]
    return "\n".join(lines).rstrip() + "\n"


def _inline(text: str) -> str:
    """Markdown's `code` and **bold** of the sections, as HTML."""
    escaped = html.escape(text)
    parts = escaped.split("`")
    escaped = "".join(
        f"<code>{part}</code>" if index % 2 else part for index, part in enumerate(parts)
    )
    parts = escaped.split("**")
    return "".join(f"<b>{part}</b>" if index % 2 else part for index, part in enumerate(parts))


CHART_HEIGHT = 420  # pixels: the page's charts side by side, one row


def _layout(figure, title: str, axis_titles: tuple[str, str], width: int, **more) -> None:
    """A chart's title, axis titles (x, y) and size, as every chart of the page has them."""
    figure.update_layout(
        title=title,
        xaxis_title=axis_titles[0],
        yaxis_title=axis_titles[1],
        width=width,
        height=CHART_HEIGHT,
        **more,
    )


def _charts(model: ModelReport, include_plotlyjs: bool) -> str:
    import plotly.graph_objects as go

    figures = []
    if model.zone_transitions:
        zones = _zones(model)
        counts = [[model.zone_transitions.get((b, a), 0) for a in zones] for b in zones]
        heatmap = go.Figure(
            go.Heatmap(
                z=counts,
                x=zones,
                y=zones,
                text=[[f"{value:,}" for value in row] for row in counts],
                texttemplate="%{text}",
                colorscale="Blues",
                showscale=False,
            )
        )
        _layout(heatmap, "Zone transitions", ("after", "before"), 520, yaxis_autorange="reversed")
        figures.append(heatmap)
    histogram = go.Figure()
    for side, bins in model.distribution.items():
        histogram.add_bar(
            x=[start + model.bin_width / 2 for start, _ in bins],
            y=[leads for _, leads in bins],
            width=model.bin_width,
            name="before" if side == BASE else "after",
            opacity=0.6,
        )
    _layout(
        histogram,
        f"Total points (bins of {model.bin_width:,})",
        ("total points", "leads"),
        620,
        barmode="overlay",
    )
    figures.append(histogram)
    parts = []
    for figure in figures:
        parts.append(figure.to_html(full_html=False, include_plotlyjs=include_plotlyjs))
        include_plotlyjs = False
    return '<div class="charts">' + "".join(parts) + "</div>"


def _html_table(table: Table) -> str:
    head = "".join(f"<th>{_inline(text)}</th>" for text in table.header)
    body = "".join(
        "<tr>" + "".join(f"<td>{_inline(text)}</td>" for text in row) + "</tr>"
        for row in table.rows
    )
    return (
        f"<h4>{_inline(table.title)}</h4><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def page(report: Report) -> str:
    """One self-contained HTML file (plotly's script inlined once)."""
    body = []
    plotly_included = False
    for level, section in enumerate(sections(report)):
        body.append(
            f"<h{2 if level == 0 else 3}>{_inline(section.title)}</h{2 if level == 0 else 3}>"
        )
        body += [
            _html_table(block) if isinstance(block, Table) else f"<p>{_inline(block)}</p>"
            for block in section.blocks
        ]
        if section.model is not None:
            body.append(_charts(section.model, include_plotlyjs=not plotly_included))
            plotly_included = True
    style = (
        "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}"
        "table{border-collapse:collapse;margin-bottom:1em}"
        "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
        ".charts{display:flex;flex-wrap:wrap;gap:1em}"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Grid impact as of {report.as_of.isoformat()}</title>"
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>\n"
    )
