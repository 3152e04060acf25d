"""`lead-scoring check-grid`: every grid CSV checked against the seeds YAML before dbt loads it.

dbt takes a seed's column names from its CSV header, so a misspelled header loads without a
word and fails later, cryptically, in the first model that reads the column (or not at all on
a database that still has the old table); a short row fails inside the CSV loader with no line
number. The check names the file, the line and what is wrong instead. The expected header of
each grid CSV is the `columns:` list of its seed in the seeds YAML, read from there."""

from __future__ import annotations

import csv
import difflib
import io
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

SEEDS_YML_NAME = "_grid__seeds.yml"


@dataclass(frozen=True)
class GridFileProblem:
    """One problem in one file: `line` is 1-based as an editor shows it, None for the file."""

    file: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        location = str(self.file) if self.line is None else f"{self.file}:{self.line}"
        return f"{location}: {self.message}"


@dataclass(frozen=True)
class DocumentedSeed:
    """A seed as the YAML documents it: its CSV's expected header and delimiter, and whether
    a grid may go without it (`meta: {optional: true}`: a seed added after grids were copied,
    such as grid_activity_sequences, whose absence means no row)."""

    name: str
    columns: tuple[str, ...]
    delimiter: str
    optional: bool = False


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records each mapping's line, so YAML problems can name it."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def grid_seeds_yml(seeds_dir: Path) -> Path:
    """The YAML that documents the grid seeds of `seeds_dir`: the one beside them, else, for
    a project that installs lead_scoring as a package and keeps its grid in its own
    seeds/grid/ (the same file names), the installed package's."""
    beside = seeds_dir / SEEDS_YML_NAME
    installed = seeds_dir.parent.parent / "dbt_packages" / "lead_scoring" / "seeds" / "grid"
    if not beside.exists() and (installed / SEEDS_YML_NAME).exists():
        return installed / SEEDS_YML_NAME
    return beside


def check_grid_files(seeds_dir: Path, seeds_yml: Path | None = None) -> list[GridFileProblem]:
    """Every problem of the grid CSVs in `seeds_dir`, in file order; empty when all is well.

    `seeds_yml` (default: grid_seeds_yml(seeds_dir)) documents the seeds; each one's CSV is
    `seeds_dir/<name>.csv` (an optional seed's may be absent) and its header must hold
    exactly its documented columns, in any order (dbt loads a seed by position into a table
    named by its own header). A CSV under `seeds_dir` that the YAML does not document is a
    problem too: dbt would load it unchecked.
    """
    seeds_yml = seeds_yml if seeds_yml is not None else grid_seeds_yml(seeds_dir)
    seeds, problems = read_documented_seeds(seeds_yml)
    if problems:  # without the documented columns there is nothing to check against
        return problems
    for seed in seeds:
        problems.extend(_check_csv(seeds_dir / f"{seed.name}.csv", seed, seeds_yml.name))
    documented = {Path(f"{seed.name}.csv") for seed in seeds}
    for path in sorted(seeds_dir.rglob("*.csv")):
        if path.relative_to(seeds_dir) not in documented:
            problems.append(
                GridFileProblem(
                    path,
                    None,
                    f"not documented in {seeds_yml.name}: dbt would load it as a seed nobody"
                    " checks; document its columns there or move the file out of"
                    f" {seeds_dir}",
                )
            )
    return problems


def read_documented_seeds(
    seeds_yml: Path,
) -> tuple[list[DocumentedSeed], list[GridFileProblem]]:
    """The seeds the YAML documents, or the problems that keep it from saying."""
    try:
        document = yaml.load(seeds_yml.read_text(encoding="utf-8"), Loader=_LineLoader)
    except FileNotFoundError:
        return [], [GridFileProblem(seeds_yml, None, "file is missing (it documents the grid)")]
    except UnicodeDecodeError as error:
        return [], [GridFileProblem(seeds_yml, None, f"not UTF-8: {error}")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        return [], [GridFileProblem(seeds_yml, line, f"not valid YAML: {problem}")]
    entries = document.get("seeds") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        return [], [GridFileProblem(seeds_yml, None, "documents no seed (no `seeds:` list)")]

    seeds: list[DocumentedSeed] = []
    problems: list[GridFileProblem] = []
    for entry in entries:
        line = entry.get("__line__") if isinstance(entry, dict) else None
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name:
            problems.append(GridFileProblem(seeds_yml, line, "a seed has no `name:`"))
            continue
        columns = entry.get("columns")
        names = [c.get("name") for c in columns or [] if isinstance(c, dict)]
        if not isinstance(columns, list) or not names or not all(names):
            problems.append(
                GridFileProblem(
                    seeds_yml, line, f'seed "{name}" needs a `columns:` list, each with a name'
                )
            )
            continue
        config = entry.get("config")
        delimiter = str((config if isinstance(config, dict) else {}).get("delimiter", ","))
        if len(delimiter) != 1:
            problems.append(
                GridFileProblem(
                    seeds_yml, line, f'seed "{name}": the delimiter must be one character'
                )
            )
            continue
        meta = (config if isinstance(config, dict) else {}).get("meta")
        optional = bool((meta if isinstance(meta, dict) else {}).get("optional", False))
        seeds.append(DocumentedSeed(name, tuple(str(n) for n in names), delimiter, optional))
    return seeds, problems


def _check_csv(path: Path, seed: DocumentedSeed, seeds_yml_name: str) -> list[GridFileProblem]:
    """The problems of one documented grid CSV."""
    expected_header = seed.delimiter.join(seed.columns)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if seed.optional:  # an optional seed's absence is a grid without its rows
            return []
        return [
            GridFileProblem(
                path, None, f"file is missing ({seeds_yml_name} documents seed {seed.name})"
            )
        ]
    try:
        text = data.decode("utf-8-sig")  # a leading byte-order mark is fine
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [
            GridFileProblem(
                path,
                line,
                f"not UTF-8 (byte 0x{data[error.start]:02x} cannot be read): save the file"
                " as UTF-8",
            )
        ]
    if not text.strip():
        return [GridFileProblem(path, 1, f"file is empty; its header should be: {expected_header}")]

    # newline="" hands quoted line breaks to the csv module, which keeps them inside the cell;
    # strict: an unclosed quote is an error rather than a cell that swallows the file's end
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=seed.delimiter, strict=True)
    problems: list[GridFileProblem] = []
    header: list[str] | None = None
    blank_lines: list[int] = []
    while True:
        first_line = reader.line_num + 1  # where the next record starts
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(GridFileProblem(path, first_line, _csv_error_message(error)))
            break
        if header is None:
            if not row:
                problems.append(
                    GridFileProblem(
                        path,
                        1,
                        f"the first line is blank; it should be the header: {expected_header}",
                    )
                )
                break
            header = row
            problems.extend(_check_header(path, header, seed.columns, seeds_yml_name))
            continue
        if not row:  # fine at the end of the file, not before a row
            blank_lines.append(first_line)
            continue
        problems.extend(
            GridFileProblem(path, blank, "blank line between rows: delete it")
            for blank in blank_lines
        )
        blank_lines = []
        if len(row) != len(header):
            cells = "cell" if len(row) == 1 else "cells"
            problems.append(
                GridFileProblem(
                    path, first_line, f"row has {len(row)} {cells}, the header has {len(header)}"
                )
            )
    return problems


def _check_header(
    path: Path, header: list[str], expected: tuple[str, ...], seeds_yml_name: str
) -> list[GridFileProblem]:
    """Problems of a header (line 1) against the documented columns, which may come in any
    order: empty, duplicated and unknown names (with the closest missing one), missing ones."""
    problems: list[GridFileProblem] = []
    counts = Counter(header)
    missing = [name for name in expected if name not in counts]
    suggested: set[str] = set()
    reported: set[str] = set()
    for position, name in enumerate(header, start=1):
        if name in reported:
            continue
        reported.add(name)
        if not name:
            problems.append(GridFileProblem(path, 1, f"header cell {position} is empty"))
        elif counts[name] > 1:
            problems.append(
                GridFileProblem(path, 1, f'column "{name}" appears {counts[name]} times')
            )
        if not name or name in expected:
            continue
        suggestion = _closest(name, [m for m in missing if m not in suggested])
        if suggestion is None:
            hint = f"not documented in {seeds_yml_name}"
        else:
            suggested.add(suggestion)
            hint = f'did you mean "{suggestion}"?'
        problems.append(GridFileProblem(path, 1, f'unknown column "{name}" ({hint})'))
    problems.extend(
        GridFileProblem(path, 1, f'missing column "{name}"')
        for name in missing
        if name not in suggested  # already named as the fix of an unknown column
    )
    return problems


def _closest(name: str, candidates: list[str]) -> str | None:
    """The candidate most like `name`, ignoring case, if any is close enough."""
    by_lower = {candidate.lower(): candidate for candidate in candidates}
    matches = difflib.get_close_matches(name.strip().lower(), list(by_lower), n=1)
    return by_lower[matches[0]] if matches else None


def _csv_error_message(error: csv.Error) -> str:
    """A CSV syntax error in the words of a person editing the file."""
    if "unexpected end of data" in str(error):
        return 'a quoted value in the row starting on this line is never closed (unmatched ")'
    return (
        f"not valid CSV ({error}): a value holding a quote or the delimiter must be quoted"
        ' whole, with its quotes doubled ("say ""hi""")'
    )


def add_grid(
    source_dir: Path, seeds_dir: Path, models: Collection[str] | None = None
) -> dict[str, int]:
    """Append the rows of the grid in `source_dir` (e.g. grids/examples/hundred_point/) to
    the grid CSVs of `seeds_dir`, matching columns by name; with `models`, only those scoring
    models' rows. A CSV missing from `seeds_dir` is created with the source's header.
    Returns the rows added per scoring model.

    ValueError, before anything is written: a scoring model `seeds_dir` already has (adding
    it again would double its rows), or a source column the destination's header lacks."""
    additions: dict[Path, tuple[list[str], list[dict[str, str]]]] = {}
    for source in sorted(source_dir.glob("grid_*.csv")):
        with source.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            source_header = list(reader.fieldnames or [])
            rows = [row for row in reader if models is None or row["scoring_model"] in models]
        destination = seeds_dir / source.name
        header = _header(destination) or source_header
        unknown = [column for column in source_header if column not in header]
        if unknown:
            raise ValueError(f"{source}: columns {unknown} are not in {destination}'s header")
        additions[destination] = (header, rows)
    added = Counter(row["scoring_model"] for _, rows in additions.values() for row in rows)
    present = set().union(*(_models_in(destination) for destination in additions))
    clashing = sorted(set(added) & present)
    if clashing:
        raise ValueError(f"{seeds_dir} already has the scoring models {clashing}")
    seeds_dir.mkdir(parents=True, exist_ok=True)
    for destination, (header, rows) in additions.items():
        existed = destination.exists()
        with destination.open("a", newline="", encoding="utf-8") as handle:
            if existed and not destination.read_bytes().endswith(b"\n"):
                handle.write("\n")
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            if not existed:
                writer.writeheader()
            writer.writerows({column: row.get(column) or "" for column in header} for row in rows)
    return dict(added)


def _header(path: Path) -> list[str] | None:
    """The header of a CSV, None when the file does not exist or is empty."""
    if not path.exists():
        return None
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return next(csv.reader(handle), None)


def _models_in(path: Path) -> set[str]:
    """The scoring models a grid CSV has rows of (none when it does not exist)."""
    if not path.exists():
        return set()
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return {row["scoring_model"] for row in csv.DictReader(handle)}
