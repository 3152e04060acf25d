"""dbt-project-evaluator's rules, applied to this project's manifest.

dbt-project-evaluator (dbt-labs/dbt-project-evaluator) checks a dbt project against dbt Labs'
best practices by building ``fct_*`` models over the project's graph. It cannot be installed
here (no dbt hub, no GitHub), so this script applies the same rules, read from its
``models/marts/**/fct_*.sql`` and its ``dbt_project.yml``, to ``target/manifest.json``:

    dbt parse && python scripts/project_evaluator.py

Settings: the package's defaults (``PACKAGE_DEFAULTS``), overridden by this project's
``dbt_project.yml`` ``vars:`` under the package's own names (``model_types``,
``<type>_folder_name``, ``<type>_prefixes``, ``primary_key_test_macros``, ...), as the
package itself reads them. Exceptions (the package's ``dbt_project_evaluator_exceptions``
seed): ``scripts/project_evaluator_exceptions.csv``, one row per rule and resource pattern,
each with its reason.

Prints every finding (rule, resource, detail), excepted ones marked, and exits 1 when more
findings than ``--max-findings`` (default 0) are not excepted.
"""

from __future__ import annotations

import argparse
import csv
import fnmatch
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EXCEPTIONS = Path(__file__).with_name("project_evaluator_exceptions.csv")

# dbt-project-evaluator's dbt_project.yml `vars:`, with the values it takes on DuckDB (the
# thresholds written there as Jinja depend on the adapter: 5 chained views, no depth limit).
PACKAGE_DEFAULTS: dict[str, Any] = {
    "documentation_coverage_target": 100,
    "test_coverage_target": 100,
    "primary_key_test_macros": [
        ["dbt.test_unique", "dbt.test_not_null"],
        ["dbt_utils.test_unique_combination_of_columns"],
    ],
    "enforced_primary_key_node_types": ["model"],
    "models_fanout_threshold": 3,
    "too_many_joins_threshold": 7,
    "model_types": ["base", "staging", "intermediate", "marts", "other"],
    "base_folder_name": "base",
    "staging_folder_name": "staging",
    "intermediate_folder_name": "intermediate",
    "marts_folder_name": "marts",
    "base_prefixes": ["base_"],
    "staging_prefixes": ["stg_"],
    "intermediate_prefixes": ["int_"],
    "marts_prefixes": ["fct_", "dim_"],
    "other_prefixes": ["rpt_"],
    "chained_views_threshold": 5,
    "comment_chars": ["--"],
    "exclude_packages": [],
    "exclude_paths_from_project": [],
}

# The resource types the package gives no model type (int_all_graph_resources).
UNTYPED = ("test", "source", "metric", "exposure", "seed")


@dataclass(frozen=True, order=True)
class Finding:
    """One row of one of the package's fct_* models."""

    rule: str
    resource: str
    detail: str


@dataclass
class Resource:
    """A row of the package's int_all_graph_resources: a node, source, exposure or metric."""

    unique_id: str
    name: str
    resource_type: str
    package_name: str = ""
    file_path: str = ""
    materialized: str | None = None
    access: str | None = None
    is_contract_enforced: bool = False
    is_described: bool = False
    is_source_described: bool = False
    total_defined_columns: int = 0
    total_described_columns: int = 0
    not_null_constraint_columns: frozenset[str] = frozenset()
    constraints_by_column: dict[str, int] = field(default_factory=dict)
    source_name: str | None = None
    database: str | None = None
    schema: str | None = None
    identifier: str | None = None
    is_freshness_enabled: bool = False
    hard_coded_references: str = ""
    column_name: str | None = None
    macro_dependencies: str = "[]"
    is_generic_test: bool = False
    is_time_spine: bool = False
    # null for exposures and metrics, as in the package: its `is_excluded = false` filters
    # leave them out
    is_excluded: bool | None = False
    model_type: str | None = None
    model_type_folder: str | None = None

    @property
    def file_name(self) -> str:
        return re.sub(r".*/", "", self.file_path)

    @property
    def directory_path(self) -> str:
        # the package's dbt.replace(file_path, file_name, ''): every occurrence
        return self.file_path.replace(self.file_name, "") if self.file_name else self.file_path

    @property
    def prefix(self) -> str | None:
        if self.resource_type == "source":
            return None
        return self.name.split("_")[0] + "_"

    @property
    def is_public(self) -> bool:
        return self.access == "public"


@dataclass
class Graph:
    """The project's resources and their direct relationships (int_direct_relationships)."""

    resources: dict[str, Resource]
    # resource id -> direct parent ids (tests excluded: the package's DAG leaves them out)
    parents: dict[str, list[str]]
    # test id -> (direct parent ids, the primary parent: its attached node)
    test_parents: dict[str, tuple[list[str], str | None]]
    settings: dict[str, Any]

    def __post_init__(self) -> None:
        self.children: dict[str, list[str]] = defaultdict(list)
        for child, parent_ids in self.parents.items():
            for parent in parent_ids:
                if parent in self.resources:
                    self.children[parent].append(child)

    def name(self, unique_id: str) -> str:
        resource = self.resources.get(unique_id)
        return resource.name if resource else unique_id

    def included(self, unique_id: str) -> bool:
        """The package's `is_excluded = false` (exposures and metrics are never `false`)."""
        resource = self.resources.get(unique_id)
        return resource is not None and resource.is_excluded is False

    def direct_edges(self) -> Iterable[tuple[Resource, Resource]]:
        """(parent, child) of every direct relationship between known resources."""
        for child_id, parent_ids in self.parents.items():
            for parent_id in dict.fromkeys(parent_ids):
                if parent_id in self.resources and child_id in self.resources:
                    yield self.resources[parent_id], self.resources[child_id]

    def descendants(self, unique_id: str) -> set[str]:
        seen: set[str] = set()
        stack = list(self.children.get(unique_id, []))
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(self.children.get(node, []))
        return seen

    def ancestors(self, unique_id: str) -> set[str]:
        seen: set[str] = set()
        stack = [p for p in self.parents.get(unique_id, []) if p in self.resources]
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(p for p in self.parents.get(node, []) if p in self.resources)
        return seen


# --- settings --------------------------------------------------------------------------------


def project_settings(dbt_project: dict[str, Any]) -> dict[str, Any]:
    """The package's vars: its defaults, then this project's global `vars:`, then any set
    under `vars: dbt_project_evaluator:` (dbt's precedence for a package's vars)."""
    settings = dict(PACKAGE_DEFAULTS)
    project_vars = dbt_project.get("vars") or {}
    scoped = project_vars.get("dbt_project_evaluator") or {}
    for key, value in project_vars.items():
        if key != "dbt_project_evaluator" and not isinstance(value, dict):
            settings[key] = value
    settings.update(scoped)
    for key, value in settings.items():
        if isinstance(value, str) and "{{" in value and key.endswith(("threshold", "target")):
            raise SystemExit(f"var {key} is a Jinja expression ({value}): write a number")
    return settings


def as_list(value: Any) -> list[str]:
    """A var the package reads with loop_vars: a string is one value, a list several."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value]


def prefixes_by_type(settings: dict[str, Any]) -> list[tuple[str, str]]:
    """(model type, prefix) rows of stg_naming_convention_prefixes, in declared order."""
    return [
        (model_type, prefix)
        for model_type in settings["model_types"]
        for prefix in as_list(settings.get(f"{model_type}_prefixes"))
    ]


def folders_by_type(settings: dict[str, Any]) -> list[tuple[str, str]]:
    """(model type, folder name) rows of stg_naming_convention_folders."""
    return [
        (model_type, folder)
        for model_type in settings["model_types"]
        for folder in as_list(settings.get(f"{model_type}_folder_name"))
    ]


def sql_like(value: str | None, pattern: str) -> bool:
    """SQL `value like pattern` (`%` any text, `_` any character), as the package filters."""
    if value is None:
        return False
    regex = "".join(
        ".*" if char == "%" else "." if char == "_" else re.escape(char) for char in pattern
    )
    return re.fullmatch(regex, value, flags=re.DOTALL) is not None


# --- hard-coded references (the package's find_all_hard_coded_references) ---------------------

_HARD_CODED_PATTERNS = [
    # from/join {{ var('...') }}
    r"""(?ix)(?<!distinct\s)(from|join)\s+({{\s*var\s*\(\s*['"]?)([^)'"]+)(['"]?\s*)(\)\s*}})""",
    # from/join {{ var('...', '...') }}
    r"""(?ix)(?<!distinct\s)(from|join)\s+({{\s*var\s*\(\s*['"]?)([^)'"]+)(['"]?\s*)(,)"""
    r"""(\s*['"]?)([^)'"]+)(['"]?\s*)(\)\s*}})""",
    # from/join schema.table
    r"""(?ix)(?<!distinct\s)(from|join)\s+([\[`"']?)(\w+-?\w*)([\]`"']?)(\.)([\[`"']?)"""
    r"""(\w+-?\w*)([\]`"']?)(?=\s|$)""",
    # from/join database.schema.table
    r"""(?ix)(?<!distinct\s)(from|join)\s+([\[`"']?)(\w+-?\w*)([\]`"']?)(\.)([\[`"']?)"""
    r"""(\w+-?\w*)([\]`"']?)(\.)([\[`"']?)(\w+-?\w*)([\]`"']?)(?=\s|$)""",
    # from/join "table" (quoted)
    r"""(?ix)(?<!distinct\s)(from|join)\s+([\[`"'])(\w+-?\w+)([\]`"'])(?=\s|$)""",
]


def hard_coded_references(raw_sql: str, comment_chars: list[str]) -> str:
    """The tables a SQL model names in text rather than through ref() or source()."""
    no_comments = re.sub("(" + "|".join(comment_chars) + ").*", "", raw_sql)
    found = set()
    for pattern in _HARD_CODED_PATTERNS:
        for match in re.findall(pattern, no_comments):
            found.add("".join(match[1:]).strip())
    return ", ".join(sorted(found)).strip()


# --- the graph from the manifest ------------------------------------------------------------


def _is_excluded(path: str, package: str, project: str, settings: dict[str, Any]) -> bool:
    if package == project:
        for pattern in settings.get("exclude_paths_from_project") or []:
            if re.search(pattern, path, re.IGNORECASE):
                return True
    packages = settings.get("exclude_packages") or []
    return package != project and (package in packages or "all" in packages)


def _freshness_enabled(freshness: dict[str, Any] | None) -> bool:
    if not freshness:
        return False
    return bool(
        (freshness.get("warn_after") or {}).get("count")
        or (freshness.get("error_after") or {}).get("count")
    )


def load_graph(manifest: dict[str, Any], settings: dict[str, Any]) -> Graph:
    """The package's int_all_graph_resources and int_direct_relationships, from a manifest."""
    project = manifest.get("metadata", {}).get("project_name") or ""
    resources: dict[str, Resource] = {}
    parents: dict[str, list[str]] = {}
    test_parents: dict[str, tuple[list[str], str | None]] = {}
    for node in manifest.get("nodes", {}).values():
        config = node.get("config") or {}
        if config.get("enabled") is False or node.get("package_name") == "dbt_project_evaluator":
            continue
        columns = (node.get("columns") or {}).values()
        depends_on = (node.get("depends_on") or {}).get("nodes") or []
        resource = Resource(
            unique_id=node["unique_id"],
            name=node["name"] + (f".v{node['version']}" if node.get("version") else ""),
            resource_type=node["resource_type"],
            package_name=node.get("package_name", ""),
            file_path=node.get("original_file_path", ""),
            materialized=config.get("materialized"),
            access=node.get("access"),
            is_contract_enforced=bool((node.get("contract") or {}).get("enforced")),
            is_described=bool(node.get("description")),
            total_defined_columns=len(columns),
            total_described_columns=sum(1 for column in columns if column.get("description")),
            not_null_constraint_columns=frozenset(
                column["name"]
                for column in columns
                if any(c.get("type") == "not_null" for c in column.get("constraints") or [])
            ),
            constraints_by_column={
                column["name"]: len(column.get("constraints") or []) for column in columns
            },
            hard_coded_references=(
                hard_coded_references(node.get("raw_code") or "", settings["comment_chars"])
                if node["resource_type"] == "model" and node.get("language", "sql") == "sql"
                else ""
            ),
            column_name=node.get("column_name") or None,
            macro_dependencies=json.dumps((node.get("depends_on") or {}).get("macros") or []),
            is_generic_test=bool(node.get("test_metadata")),
            is_time_spine=node.get("time_spine") is not None,
            is_excluded=_is_excluded(
                node.get("original_file_path", ""), node.get("package_name", ""), project, settings
            ),
        )
        resources[resource.unique_id] = resource
        if resource.resource_type == "test":
            test_parents[resource.unique_id] = (depends_on, node.get("attached_node"))
        else:
            parents[resource.unique_id] = list(depends_on)
    for source in manifest.get("sources", {}).values():
        config = source.get("config") or {}
        if config.get("enabled") is False:
            continue
        fqn = source.get("fqn") or []
        path = source.get("original_file_path", "") + ":" + ".".join(fqn[-2:])
        resources[source["unique_id"]] = Resource(
            unique_id=source["unique_id"],
            name=f"{source['source_name']}.{source['name']}",
            resource_type="source",
            package_name=source.get("package_name", ""),
            file_path=source.get("original_file_path", ""),
            is_described=bool(source.get("description")),
            is_source_described=bool(source.get("source_description")),
            source_name=source["source_name"],
            database=source.get("database"),
            schema=source.get("schema"),
            identifier=source.get("identifier"),
            is_freshness_enabled=_freshness_enabled(config.get("freshness"))
            or _freshness_enabled(source.get("freshness")),
            is_excluded=_is_excluded(path, source.get("package_name", ""), project, settings),
        )
    for kind in ("exposures", "metrics"):
        for item in manifest.get(kind, {}).values():
            if (item.get("config") or {}).get("enabled") is False:
                continue
            resources[item["unique_id"]] = Resource(
                unique_id=item["unique_id"],
                name=item["name"],
                resource_type=item["resource_type"],
                package_name=item.get("package_name", ""),
                file_path=item.get("original_file_path", ""),
                is_described=bool(item.get("description")),
                is_excluded=None,
            )
            parents[item["unique_id"]] = list((item.get("depends_on") or {}).get("nodes") or [])
    _assign_model_types(resources, settings)
    return Graph(resources, parents, test_parents, settings)


def _assign_model_types(resources: dict[str, Resource], settings: dict[str, Any]) -> None:
    """model_type: the type its prefix declares, else the type of the folder nearest the file
    (the deepest `/<folder>/` in its path), else `other`."""
    type_of_prefix: dict[str, str] = {}
    for model_type, prefix in prefixes_by_type(settings):
        type_of_prefix.setdefault(prefix, model_type)
    folders = folders_by_type(settings)
    for resource in resources.values():
        if resource.resource_type in UNTYPED:
            continue
        best_position, folder_type = 0, None
        for model_type, folder in folders:
            position = resource.directory_path.find(f"/{folder}/") + 1
            if position > best_position:
                best_position, folder_type = position, model_type
        resource.model_type_folder = folder_type
        resource.model_type = type_of_prefix.get(resource.prefix or "") or folder_type or "other"


# --- the rules: one function per fct_* model of the package ---------------------------------


def _included(graph: Graph, *resource_types: str) -> list[Resource]:
    """The resources of these types the package does not exclude (`is_excluded = false`)."""
    return [
        r
        for r in graph.resources.values()
        if r.resource_type in resource_types and r.is_excluded is False
    ]


def _model_children_edges(graph: Graph) -> list[tuple[Resource, Resource]]:
    return [
        (parent, child)
        for parent, child in graph.direct_edges()
        if graph.included(parent.unique_id) and graph.included(child.unique_id)
    ]


def direct_join_to_source(graph: Graph) -> list[Finding]:
    """A model that reads both a source and another model."""
    parents_of: dict[str, list[Resource]] = defaultdict(list)
    for parent, child in _model_children_edges(graph):
        if child.resource_type == "model":
            parents_of[child.name].append(parent)
    findings = []
    for child, parents in sorted(parents_of.items()):
        types = {parent.resource_type for parent in parents}
        if {"model", "source"} <= types:
            sources = sorted(p.name for p in parents if p.resource_type == "source")
            models = sorted(p.name for p in parents if p.resource_type == "model")
            findings.append(
                Finding("", child, f"sources {', '.join(sources)}; models {', '.join(models)}")
            )
    return findings


def marts_or_intermediate_dependent_on_source(graph: Graph) -> list[Finding]:
    """A marts or intermediate model that reads a source."""
    return sorted(
        Finding("", child.name, f"reads source {parent.name} ({child.model_type})")
        for parent, child in _model_children_edges(graph)
        if parent.resource_type == "source" and child.model_type in ("marts", "intermediate")
    )


def duplicate_sources(graph: Graph) -> list[Finding]:
    """Two source tables at the same database location."""
    locations: dict[str, list[str]] = defaultdict(list)
    for resource in _included(graph, "source"):
        parts = [resource.schema or "", resource.identifier or ""]
        if resource.database is not None:
            parts.insert(0, resource.database)
        locations[".".join(parts)].append(resource.name)
    return [
        Finding("", location, ", ".join(sorted(names)))
        for location, names in sorted(locations.items())
        if len(names) > 1
    ]


def hard_coded_references_rule(graph: Graph) -> list[Finding]:
    """A model naming a table in text instead of ref() or source()."""
    return sorted(
        Finding("", resource.name, resource.hard_coded_references)
        for resource in _included(graph, "model")
        if resource.hard_coded_references
    )


def _has_children(graph: Graph, unique_id: str) -> bool:
    """The package's `max(distance) > 0` over non-excluded children (exposures do not count)."""
    return any(graph.included(child) for child in graph.descendants(unique_id))


def model_fanout(graph: Graph) -> list[Finding]:
    """A resource with `models_fanout_threshold` or more direct children that are leaf models."""
    leaves: dict[str, set[str]] = defaultdict(set)
    for parent, child in _model_children_edges(graph):
        if child.resource_type == "model" and not _has_children(graph, child.unique_id):
            leaves[parent.name].add(child.name)
    threshold = int(graph.settings["models_fanout_threshold"])
    return [
        Finding("", parent, "leaf children: " + ", ".join(sorted(children)))
        for parent, children in sorted(leaves.items())
        if len(children) >= threshold
    ]


def multiple_sources_joined(graph: Graph) -> list[Finding]:
    """A model reading more than one source."""
    sources: dict[str, set[str]] = defaultdict(set)
    for parent, child in _model_children_edges(graph):
        if parent.resource_type == "source":
            sources[child.name].add(parent.name)
    return [
        Finding("", child, "sources: " + ", ".join(sorted(names)))
        for child, names in sorted(sources.items())
        if len(names) > 1
    ]


def rejoining_of_upstream_concepts(graph: Graph) -> list[Finding]:
    """A parent read by a child both directly and through a model that only that child reads."""
    edges = [
        (parent, child)
        for parent, child in _model_children_edges(graph)
        if parent.resource_type not in ("exposure", "metric")
        and child.resource_type not in ("exposure", "metric")
    ]
    children: dict[str, set[str]] = defaultdict(set)
    direct_child_count: dict[str, int] = defaultdict(int)
    for parent, child in edges:
        children[parent.unique_id].add(child.unique_id)
        direct_child_count[parent.unique_id] += 1
    findings = []
    for parent, direct in children.items():
        for middle in direct:
            if direct_child_count.get(middle) != 1:
                continue
            for child in children.get(middle, set()) & direct:
                # the package's exceptions name the rejoined parent (its `parent` column)
                findings.append(
                    Finding(
                        "",
                        graph.name(parent),
                        f"{graph.name(child)} reads it directly and through "
                        f"{graph.name(middle)} (which nothing else reads)",
                    )
                )
    return sorted(findings)


def root_models(graph: Graph) -> list[Finding]:
    """A model with no parent (no ref, source or seed), MetricFlow's time spine aside."""
    return sorted(
        Finding("", resource.name, "no ref() or source()")
        for resource in _included(graph, "model")
        if not resource.is_time_spine and not graph.ancestors(resource.unique_id)
    )


def source_fanout(graph: Graph) -> list[Finding]:
    """A source read directly by more than one model."""
    readers: dict[str, set[str]] = defaultdict(set)
    for parent, child in _model_children_edges(graph):
        if parent.resource_type == "source" and child.resource_type == "model":
            readers[parent.name].add(child.name)
    return [
        Finding("", source, "read by " + ", ".join(sorted(models)))
        for source, models in sorted(readers.items())
        if len(models) > 1
    ]


def staging_dependent_on_marts_or_intermediate(graph: Graph) -> list[Finding]:
    """A staging model reading a marts or intermediate model."""
    return sorted(
        Finding("", child.name, f"reads {parent.name} ({parent.model_type})")
        for parent, child in _model_children_edges(graph)
        if parent.resource_type == "model"
        and child.resource_type == "model"
        and child.model_type == "staging"
        and parent.model_type in ("marts", "intermediate")
    )


def staging_dependent_on_staging(graph: Graph) -> list[Finding]:
    """A staging model reading another staging model."""
    return sorted(
        Finding("", child.name, f"reads {parent.name} (staging)")
        for parent, child in _model_children_edges(graph)
        if parent.resource_type in ("model", "snapshot")
        and child.resource_type in ("model", "snapshot")
        and parent.model_type == "staging"
        and child.model_type == "staging"
    )


def unused_sources(graph: Graph) -> list[Finding]:
    """A source nothing reads."""
    return sorted(
        Finding("", resource.name, "no model reads it")
        for resource in _included(graph, "source")
        if not _has_children(graph, resource.unique_id)
    )


def too_many_joins(graph: Graph) -> list[Finding]:
    """A model with `too_many_joins_threshold` or more direct parents."""
    threshold = int(graph.settings["too_many_joins_threshold"])
    findings = []
    for resource in _included(graph, "model"):
        parents = {p for p in graph.parents.get(resource.unique_id, []) if p in graph.resources}
        if len(parents) >= threshold:
            findings.append(Finding("", resource.name, f"{len(parents)} direct parents"))
    return sorted(findings)


def _tests_by_parent(graph: Graph) -> dict[str, list[Resource]]:
    """Each resource's tests, by their primary relationship (the test's attached node)."""
    tests: dict[str, list[Resource]] = defaultdict(list)
    for test_id, (parent_ids, attached) in graph.test_parents.items():
        test = graph.resources[test_id]
        if test.is_excluded is not False or not parent_ids:
            continue
        primary = attached if attached else parent_ids[-1]
        tests[primary].append(test)
    return tests


def _uses_macro(test: Resource, macro: str) -> bool:
    return sql_like(test.macro_dependencies, f"%macro.{macro}%")


def is_primary_key_tested(graph: Graph, resource: Resource, tests: list[Resource]) -> bool:
    """The package's int_model_test_summary: on one column (or on the model, for tests with
    no column), the tests of one set of primary_key_test_macros, or unique tests and not_null
    constraints together, number at least two."""
    test_sets = graph.settings["primary_key_test_macros"]
    by_column: dict[str | None, list[Resource]] = defaultdict(list)
    for test in tests:
        by_column[test.column_name].append(test)
    for column, column_tests in by_column.items():
        for test_set in test_sets:
            matching = [t for t in column_tests if any(_uses_macro(t, m) for m in test_set)]
            if len(matching) >= len(test_set):
                return True
        unique_count = sum(1 for t in column_tests if _uses_macro(t, "dbt.test_unique"))
        not_null = 1 if column in resource.not_null_constraint_columns else 0
        if unique_count + not_null >= 2:
            return True
    return False


def missing_primary_key_tests(graph: Graph) -> list[Finding]:
    """A model (enforced_primary_key_node_types) without a primary-key test."""
    tests = _tests_by_parent(graph)
    node_types = graph.settings["enforced_primary_key_node_types"]
    return sorted(
        Finding("", resource.name, f"{len(tests.get(resource.unique_id, []))} tests, none on a key")
        for resource in _included(graph, *node_types)
        if not is_primary_key_tested(graph, resource, tests.get(resource.unique_id, []))
    )


def sources_without_freshness(graph: Graph) -> list[Finding]:
    """A source table with no freshness (warn_after or error_after)."""
    return sorted(
        Finding("", resource.name, "no warn_after or error_after count")
        for resource in _included(graph, "source")
        if not resource.is_freshness_enabled
    )


def _coverage(graph: Graph, covered: Callable[[Resource], bool], target_var: str, what: str):
    models = _included(graph, "model")
    if not models:
        return []
    missing = sorted(r.name for r in models if not covered(r))
    percent = round((len(models) - len(missing)) * 100.0 / len(models), 2)
    target = float(graph.settings[target_var])
    if percent >= target:
        return []
    return [
        Finding("", name, f"not {what} ({target_var} {target:g}%, project {percent:g}%)")
        for name in missing
    ]


def test_coverage(graph: Graph) -> list[Finding]:
    """Models with no test at all, while test coverage is below test_coverage_target."""
    tests = _tests_by_parent(graph)
    return _coverage(
        graph, lambda r: bool(tests.get(r.unique_id)), "test_coverage_target", "tested"
    )


def documentation_coverage(graph: Graph) -> list[Finding]:
    """Undescribed models, while coverage is below documentation_coverage_target."""
    return _coverage(graph, lambda r: r.is_described, "documentation_coverage_target", "documented")


def undocumented_models(graph: Graph) -> list[Finding]:
    """A model with no description."""
    return sorted(
        Finding("", r.name, f"no description ({r.model_type})")
        for r in _included(graph, "model")
        if not r.is_described
    )


def undocumented_source_tables(graph: Graph) -> list[Finding]:
    """A source table with no description."""
    return sorted(
        Finding("", r.name, "no description")
        for r in _included(graph, "source")
        if not r.is_described
    )


def undocumented_sources(graph: Graph) -> list[Finding]:
    """A source (the `sources:` entry) with no description."""
    names = {r.source_name or "" for r in _included(graph, "source") if not r.is_source_described}
    return [Finding("", name, "no source description") for name in sorted(names)]


def test_directories(graph: Graph) -> list[Finding]:
    """A generic test defined in a YAML file outside its model's directory."""
    findings = []
    for test_id, (parent_ids, attached) in graph.test_parents.items():
        test = graph.resources[test_id]
        if test.is_excluded is not False or not test.is_generic_test or not parent_ids:
            continue
        model = graph.resources.get(attached if attached else parent_ids[-1])
        if model is None or model.resource_type != "model" or model.is_excluded is not False:
            continue
        if model.directory_path != test.directory_path:
            findings.append(
                Finding(
                    "",
                    model.name,
                    f"test {test.name} in {test.directory_path}, model in {model.directory_path}",
                )
            )
    return sorted(findings)


def model_naming_conventions(graph: Graph) -> list[Finding]:
    """A model whose prefix is none of its model type's prefixes."""
    allowed: dict[str, list[str]] = defaultdict(list)
    for model_type, prefix in prefixes_by_type(graph.settings):
        allowed[model_type].append(prefix)
    findings = []
    for resource in graph.resources.values():
        if (
            resource.resource_type != "model"
            or resource.is_excluded is not False
            or resource.is_time_spine
        ):
            continue
        expected = sorted(allowed.get(resource.model_type or "", []))
        if resource.prefix not in expected:
            findings.append(
                Finding(
                    "",
                    resource.name,
                    f"{resource.model_type} model, prefix {resource.prefix}; expected one of "
                    + (", ".join(expected) or "(no prefix declared)"),
                )
            )
    return sorted(findings)


def model_directories(graph: Graph) -> list[Finding]:
    """A staging model outside a folder named for its source, or a model whose type (by its
    prefix) is not the type of the folder nearest its file."""
    findings = set()
    staging_folder = as_list(graph.settings.get("staging_folder_name"))
    target = f"models/{staging_folder[0] if staging_folder else 'staging'}/"
    for child in graph.resources.values():
        if (
            child.resource_type != "model"
            or child.model_type != "staging"
            or not graph.included(child.unique_id)
        ):
            continue
        # every source upstream, at any distance (the package's staging_models CTE)
        for ancestor in graph.ancestors(child.unique_id):
            parent = graph.resources[ancestor]
            if parent.resource_type == "source" and not sql_like(
                child.directory_path, f"%{parent.source_name}%"
            ):
                findings.add(
                    Finding(
                        "", child.name, f"move to {target}{parent.source_name}/{child.file_name}"
                    )
                )
    for resource in graph.resources.values():
        if (
            resource.is_excluded is False
            and resource.model_type is not None
            and resource.model_type_folder is not None
            and resource.model_type != resource.model_type_folder
        ):
            findings.add(
                Finding(
                    "",
                    resource.name,
                    f"{resource.model_type} model in a {resource.model_type_folder} folder "
                    f"({resource.file_path})",
                )
            )
    return sorted(findings)


def source_directories(graph: Graph) -> list[Finding]:
    """A source declared outside a folder named for it."""
    return sorted(
        Finding("", r.name, f"declared in {r.file_path}")
        for r in _included(graph, "source")
        if not sql_like(r.directory_path, f"%{r.source_name}%")
    )


def chained_views_dependencies(graph: Graph) -> list[Finding]:
    """A model at the end of a chain of more than `chained_views_threshold` views or
    ephemeral models (each step's parent a view, from the chain's first model on)."""
    threshold = int(graph.settings["chained_views_threshold"])
    longest: dict[str, list[str]] = {}

    def chain_into(unique_id: str) -> list[str]:
        """The longest path ending at a resource whose every earlier node is a view."""
        if unique_id not in longest:
            longest[unique_id] = [unique_id]
            best: list[str] = [unique_id]
            for parent in graph.parents.get(unique_id, []):
                resource = graph.resources.get(parent)
                if resource is not None and resource.materialized in ("view", "ephemeral"):
                    path = [*chain_into(parent), unique_id]
                    if len(path) > len(best):
                        best = path
            longest[unique_id] = best
        return longest[unique_id]

    findings = []
    for resource in _included(graph, "model"):
        path = chain_into(resource.unique_id)
        if len(path) - 1 > threshold:
            findings.append(
                Finding(
                    "",
                    resource.name,
                    f"{len(path) - 1} views deep: " + " > ".join(graph.name(p) for p in path),
                )
            )
    return sorted(findings)


def exposure_parents_materializations(graph: Graph) -> list[Finding]:
    """An exposure reading a source, a view or an ephemeral model."""
    return sorted(
        Finding("", child.name, f"reads {parent.name} ({parent.materialized or 'source'})")
        for parent, child in graph.direct_edges()
        if child.resource_type == "exposure"
        and graph.included(parent.unique_id)
        and (
            parent.resource_type == "source"
            or (parent.resource_type == "model" and parent.materialized in ("view", "ephemeral"))
        )
    )


def public_models_without_contract(graph: Graph) -> list[Finding]:
    """A public model without an enforced contract."""
    return sorted(
        Finding("", r.name, "access public, contract not enforced")
        for r in graph.resources.values()
        if r.is_excluded is False and r.is_public and not r.is_contract_enforced
    )


def undocumented_public_models(graph: Graph) -> list[Finding]:
    """A public model without a description, or with a column that has none."""
    findings = []
    for r in graph.resources.values():
        if r.is_excluded is not False or not r.is_public:
            continue
        if (
            not r.is_described
            or r.total_described_columns < r.total_defined_columns
            or r.total_defined_columns == 0
        ):
            findings.append(
                Finding(
                    "",
                    r.name,
                    f"described: {r.is_described}, columns described "
                    f"{r.total_described_columns} of {r.total_defined_columns}",
                )
            )
    return sorted(findings)


def exposures_dependent_on_private_models(graph: Graph) -> list[Finding]:
    """An exposure reading anything but a public model."""
    return sorted(
        Finding("", child.name, f"reads {parent.name} ({parent.access or parent.resource_type})")
        for parent, child in graph.direct_edges()
        if child.resource_type == "exposure"
        and graph.included(parent.unique_id)
        and not (parent.resource_type == "model" and parent.is_public)
    )


# rule name (the package's fct_ model without `fct_`) -> (category, check)
RULES: dict[str, tuple[str, Callable[[Graph], list[Finding]]]] = {
    "direct_join_to_source": ("modeling", direct_join_to_source),
    "marts_or_intermediate_dependent_on_source": (
        "modeling",
        marts_or_intermediate_dependent_on_source,
    ),
    "duplicate_sources": ("modeling", duplicate_sources),
    "hard_coded_references": ("modeling", hard_coded_references_rule),
    "model_fanout": ("modeling", model_fanout),
    "multiple_sources_joined": ("modeling", multiple_sources_joined),
    "rejoining_of_upstream_concepts": ("modeling", rejoining_of_upstream_concepts),
    "root_models": ("modeling", root_models),
    "source_fanout": ("modeling", source_fanout),
    "staging_dependent_on_marts_or_intermediate": (
        "modeling",
        staging_dependent_on_marts_or_intermediate,
    ),
    "staging_dependent_on_staging": ("modeling", staging_dependent_on_staging),
    "unused_sources": ("modeling", unused_sources),
    "too_many_joins": ("modeling", too_many_joins),
    "missing_primary_key_tests": ("testing", missing_primary_key_tests),
    "sources_without_freshness": ("testing", sources_without_freshness),
    "test_coverage": ("testing", test_coverage),
    "undocumented_models": ("documentation", undocumented_models),
    "documentation_coverage": ("documentation", documentation_coverage),
    "undocumented_source_tables": ("documentation", undocumented_source_tables),
    "undocumented_sources": ("documentation", undocumented_sources),
    "test_directories": ("structure", test_directories),
    "model_naming_conventions": ("structure", model_naming_conventions),
    "source_directories": ("structure", source_directories),
    "model_directories": ("structure", model_directories),
    "chained_views_dependencies": ("performance", chained_views_dependencies),
    "exposure_parents_materializations": ("performance", exposure_parents_materializations),
    "public_models_without_contract": ("governance", public_models_without_contract),
    "undocumented_public_models": ("governance", undocumented_public_models),
    "exposures_dependent_on_private_models": ("governance", exposures_dependent_on_private_models),
}


def evaluate(graph: Graph) -> list[Finding]:
    """Every rule's findings, each named for its rule."""
    findings = []
    for rule, (_, check) in RULES.items():
        findings.extend(Finding(rule, f.resource, f.detail) for f in check(graph))
    return findings


# --- exceptions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleException:
    """A row of the exceptions file: findings of `rule` on resources matching `resource`."""

    rule: str
    resource: str
    reason: str

    def covers(self, finding: Finding) -> bool:
        return self.rule == finding.rule and fnmatch.fnmatchcase(finding.resource, self.resource)


def read_exceptions(path: Path) -> list[RuleException]:
    """The exceptions file: columns rule, resource (a glob: `*` any text), reason (required)."""
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        rows = [
            row
            for row in csv.DictReader(line for line in handle if not line.startswith("#"))
            if any((value or "").strip() for value in row.values())
        ]
    exceptions = []
    for number, row in enumerate(rows, start=2):
        rule, resource, reason = (
            (row.get(key) or "").strip() for key in ("rule", "resource", "reason")
        )
        if rule not in RULES:
            raise SystemExit(f"{path}: row {number}: unknown rule {rule!r}")
        if not resource or not reason:
            raise SystemExit(f"{path}: row {number}: every exception names a resource and a reason")
        exceptions.append(RuleException(rule, resource, reason))
    return exceptions


# --- command line ---------------------------------------------------------------------------


def report(findings: list[Finding], exceptions: list[RuleException]) -> tuple[str, int]:
    """The findings as text, grouped by rule, and how many no exception covers."""
    lines = []
    open_count = 0
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_rule[finding.rule].append(finding)
    for rule, (category, _) in RULES.items():
        rule_findings = by_rule.get(rule, [])
        excepted = [f for f in rule_findings if any(e.covers(f) for e in exceptions)]
        open_findings = [f for f in rule_findings if f not in excepted]
        open_count += len(open_findings)
        status = "ok" if not rule_findings else f"{len(open_findings)} open"
        if excepted:
            status += f", {len(excepted)} excepted"
        lines.append(f"{category}/{rule}: {status}")
        for finding in rule_findings:
            mark = "  (excepted)" if finding in excepted else ""
            lines.append(f"    {finding.resource}: {finding.detail}{mark}")
    for exception in exceptions:
        if not any(exception.covers(f) for f in findings):
            lines.append(
                f"unused exception (nothing to except in this manifest): {exception.rule} "
                f"{exception.resource}"
            )
    rules_with_findings = sum(
        1
        for rule in RULES
        if any(not any(e.covers(f) for e in exceptions) for f in by_rule.get(rule, []))
    )
    lines.append(
        f"{open_count} findings not excepted, in {rules_with_findings} of {len(RULES)} rules"
    )
    return "\n".join(lines), open_count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project-dir", type=Path, default=PROJECT_ROOT)
    parser.add_argument(
        "--manifest", type=Path, help="default: <project-dir>/target/manifest.json (dbt parse)"
    )
    parser.add_argument("--exceptions", type=Path, default=DEFAULT_EXCEPTIONS)
    parser.add_argument(
        "--max-findings",
        type=int,
        default=0,
        help="exit 1 only when more findings than this are not excepted (default 0)",
    )
    args = parser.parse_args(argv)
    manifest_path = args.manifest or args.project_dir / "target" / "manifest.json"
    if not manifest_path.exists():
        parser.error(f"{manifest_path} not found: run `dbt parse` first")
    dbt_project = yaml.safe_load((args.project_dir / "dbt_project.yml").read_text())
    graph = load_graph(json.loads(manifest_path.read_text()), project_settings(dbt_project))
    text, open_count = report(evaluate(graph), read_exceptions(args.exceptions))
    print(text)
    return 1 if open_count > args.max_findings else 0


if __name__ == "__main__":
    sys.exit(main())
