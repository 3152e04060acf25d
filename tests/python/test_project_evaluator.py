"""scripts/project_evaluator.py: dbt-project-evaluator's rules on this project's manifest.

The rules are proven on small hand-written manifests (one behaviour each). The script's run
on the project itself (and on each CRM's layer) is `make lint`'s, which `make test` runs
before pytest: no more findings than the Makefile's ceiling. It ran here too, four more
`dbt parse` of the project (40 s of CI) for the same check."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location(
    "project_evaluator", PROJECT_ROOT / "scripts" / "project_evaluator.py"
)
evaluator = importlib.util.module_from_spec(_SPEC)
sys.modules["project_evaluator"] = evaluator
_SPEC.loader.exec_module(evaluator)

# this project's settings, as dbt_project.yml declares them
SETTINGS = {
    **evaluator.PACKAGE_DEFAULTS,
    "model_types": ["base", "staging", "crm", "intermediate", "marts", "other"],
    "crm_folder_name": "crm",
    "crm_prefixes": ["crm_"],
    "marts_prefixes": ["lead_", "score_"],
    "primary_key_test_macros": [
        ["dbt.test_unique", "dbt.test_not_null"],
        ["lead_scoring.test_unique_combination_of_columns"],
    ],
}


def model(name: str, folder: str, parents: list[str] = (), **extra: Any) -> dict[str, Any]:
    """A manifest node for a model `name` in models/<folder>/, described, as a view."""
    node = {
        "unique_id": f"model.demo.{name}",
        "name": name,
        "resource_type": "model",
        "package_name": "demo",
        "original_file_path": f"models/{folder}/{name}.sql",
        "config": {"materialized": "view", "enabled": True},
        "description": f"The {name} model.",
        "columns": {},
        "depends_on": {"nodes": list(parents), "macros": []},
        "raw_code": "select 1",
        "language": "sql",
    }
    node.update(extra)
    return node


def source(name: str, folder: str = "staging/crm", **extra: Any) -> dict[str, Any]:
    node = {
        "unique_id": f"source.demo.crm.{name}",
        "name": name,
        "source_name": "crm",
        "resource_type": "source",
        "package_name": "demo",
        "original_file_path": f"models/{folder}/_crm__sources.yml",
        "fqn": ["demo", "staging", "crm", "crm", name],
        "config": {"enabled": True},
        "description": f"The {name} table.",
        "source_description": "The CRM.",
        "database": "db",
        "schema": "raw",
        "identifier": name,
        "freshness": {"warn_after": {"count": 1, "period": "day"}, "error_after": {}},
    }
    node.update(extra)
    return node


def generic_test(name: str, on: str, column: str | None, macro: str) -> dict[str, Any]:
    parent = f"model.demo.{on}"
    return {
        "unique_id": f"test.demo.{name}",
        "name": name,
        "resource_type": "test",
        "package_name": "demo",
        "original_file_path": "models/marts/_marts__models.yml",
        "config": {"enabled": True},
        "column_name": column,
        "attached_node": parent,
        "test_metadata": {"name": macro.split(".")[-1].removeprefix("test_")},
        "depends_on": {"nodes": [parent], "macros": [f"macro.{macro}"]},
    }


def manifest_of(*nodes: dict[str, Any]) -> dict[str, Any]:
    """A manifest of these nodes, as `dbt parse` writes it."""
    manifest: dict[str, Any] = {
        "metadata": {"project_name": "demo"},
        "nodes": {},
        "sources": {},
        "exposures": {},
    }
    for node in nodes:
        kind = {"source": "sources", "exposure": "exposures"}.get(node["resource_type"], "nodes")
        manifest[kind][node["unique_id"]] = node
    return manifest


# a model reading a source directly and through its staging model
DIRECT_JOIN = [
    source("contact"),
    model("stg_crm__contacts", "staging/crm", ["source.demo.crm.contact"]),
    model(
        "int_joined",
        "intermediate",
        ["source.demo.crm.contact", "model.demo.stg_crm__contacts"],
    ),
]


def findings(rule: str, *nodes: dict[str, Any], **settings: Any) -> list[tuple[str, str]]:
    """(resource, detail) of one rule's findings on a manifest of these nodes."""
    graph = evaluator.load_graph(manifest_of(*nodes), {**SETTINGS, **settings})
    _, check = evaluator.RULES[rule]
    return [(f.resource, f.detail) for f in check(graph)]


def names(rule: str, *nodes: dict[str, Any], **settings: Any) -> list[str]:
    return [resource for resource, _ in findings(rule, *nodes, **settings)]


def test_a_model_reading_a_source_and_a_model_is_a_direct_join_to_source():
    assert names("direct_join_to_source", *DIRECT_JOIN) == ["int_joined"]


def test_a_model_reading_sources_only_is_no_direct_join():
    nodes = [
        source("contact"),
        model("stg_crm__contacts", "staging/crm", ["source.demo.crm.contact"]),
    ]
    assert names("direct_join_to_source", *nodes) == []


def test_unique_and_not_null_on_one_column_are_a_primary_key_test():
    nodes = [
        model("lead_scores", "marts"),
        generic_test("unique_id", "lead_scores", "contact_id", "dbt.test_unique"),
        generic_test("not_null_id", "lead_scores", "contact_id", "dbt.test_not_null"),
    ]
    assert names("missing_primary_key_tests", *nodes) == []


def test_unique_and_not_null_on_two_columns_are_no_primary_key_test():
    nodes = [
        model("lead_scores", "marts"),
        generic_test("unique_id", "lead_scores", "contact_id", "dbt.test_unique"),
        generic_test("not_null_model", "lead_scores", "scoring_model", "dbt.test_not_null"),
    ]
    assert names("missing_primary_key_tests", *nodes) == ["lead_scores"]


def test_this_projects_combination_test_is_a_primary_key_test_once_declared():
    nodes = [
        model("lead_scores", "marts"),
        generic_test(
            "combination", "lead_scores", None, "lead_scoring.test_unique_combination_of_columns"
        ),
    ]
    assert names("missing_primary_key_tests", *nodes) == []
    package_default = evaluator.PACKAGE_DEFAULTS["primary_key_test_macros"]
    assert names("missing_primary_key_tests", *nodes, primary_key_test_macros=package_default) == [
        "lead_scores"
    ]


def test_a_unique_test_and_a_not_null_constraint_are_a_primary_key_test():
    columns = {"contact_id": {"name": "contact_id", "constraints": [{"type": "not_null"}]}}
    nodes = [
        model("lead_scores", "marts", columns=columns),
        generic_test("unique_id", "lead_scores", "contact_id", "dbt.test_unique"),
    ]
    assert names("missing_primary_key_tests", *nodes) == []


def test_a_model_is_typed_by_its_prefix_and_must_sit_in_that_layers_folder():
    nodes = [
        model("crm_hubspot__contacts", "staging/crm/hubspot"),
        model("stg_crm__contacts", "staging/crm/hubspot"),
        model("int_points", "intermediate/grid"),
    ]
    assert names("model_directories", *nodes) == ["stg_crm__contacts"]


def test_a_prefix_no_layer_declares_breaks_the_naming_convention():
    nodes = [model("lead_scores", "marts"), model("fct_scores", "marts")]
    assert findings("model_naming_conventions", *nodes) == [
        ("fct_scores", "marts model, prefix fct_; expected one of lead_, score_")
    ]


def test_more_than_five_views_in_a_row_is_a_chained_view_dependency():
    chain = [model("stg_a", "staging")]
    for index in range(1, 7):
        chain.append(model(f"int_{index}", "intermediate", [chain[-1]["unique_id"]]))
    found = findings("chained_views_dependencies", *chain)
    assert found == [
        ("int_6", "6 views deep: stg_a > int_1 > int_2 > int_3 > int_4 > int_5 > int_6")
    ]
    assert findings("chained_views_dependencies", *chain[:6]) == []


def test_a_table_in_the_chain_ends_it():
    chain = [model("stg_a", "staging")]
    for index in range(1, 7):
        config = {"materialized": "table" if index == 3 else "view", "enabled": True}
        chain.append(model(f"int_{index}", "intermediate", [chain[-1]["unique_id"]], config=config))
    assert findings("chained_views_dependencies", *chain) == []


def test_reading_a_parent_again_through_a_single_use_model_is_a_rejoin():
    nodes = [
        model("int_base", "intermediate"),
        model("int_middle", "intermediate", ["model.demo.int_base"]),
        model("lead_scores", "marts", ["model.demo.int_base", "model.demo.int_middle"]),
    ]
    assert findings("rejoining_of_upstream_concepts", *nodes) == [
        (
            "int_base",
            "lead_scores reads it directly and through int_middle (which nothing else reads)",
        )
    ]


def test_a_middle_model_with_other_readers_is_no_rejoin():
    nodes = [
        model("int_base", "intermediate"),
        model("int_middle", "intermediate", ["model.demo.int_base"]),
        model("lead_scores", "marts", ["model.demo.int_base", "model.demo.int_middle"]),
        model("score_other", "marts", ["model.demo.int_middle"]),
    ]
    assert names("rejoining_of_upstream_concepts", *nodes) == []


def test_three_leaf_models_reading_one_model_are_a_fanout():
    leaves = [model(f"score_{i}", "marts", ["model.demo.int_base"]) for i in range(3)]
    assert names("model_fanout", model("int_base", "intermediate"), *leaves) == ["int_base"]
    assert names("model_fanout", model("int_base", "intermediate"), *leaves[:2]) == []


def test_seven_parents_are_too_many_joins():
    parents = [model(f"int_{i}", "intermediate") for i in range(7)]
    child = model("lead_scores", "marts", [p["unique_id"] for p in parents])
    assert findings("too_many_joins", *parents, child) == [("lead_scores", "7 direct parents")]
    child = model("lead_scores", "marts", [p["unique_id"] for p in parents[:6]])
    assert findings("too_many_joins", *parents, child) == []


def test_a_schema_qualified_table_in_sql_is_a_hard_coded_reference():
    nodes = [
        model("int_a", "intermediate", raw_code="select * from raw.events\n"),
        model("int_b", "intermediate", raw_code="select * from {{ ref('int_a') }}\n"),
        model("int_c", "intermediate", raw_code="-- from raw.events\nselect 1\n"),
    ]
    assert findings("hard_coded_references", *nodes) == [("int_a", "raw.events")]


def test_a_source_without_warn_after_or_error_after_has_no_freshness():
    nodes = [source("contact"), source("company", freshness=None)]
    assert names("sources_without_freshness", *nodes) == ["crm.company"]


def test_an_exception_excepts_its_rule_and_resource_pattern_only():
    exception = evaluator.RuleException("model_fanout", "int_grid_*", "the grid gate")
    assert exception.covers(evaluator.Finding("model_fanout", "int_grid_validation_issues", ""))
    assert not exception.covers(
        evaluator.Finding("too_many_joins", "int_grid_validation_issues", "")
    )
    assert not exception.covers(evaluator.Finding("model_fanout", "int_points", ""))


def test_an_exception_without_a_reason_is_refused(tmp_path):
    path = tmp_path / "exceptions.csv"
    path.write_text("rule,resource,reason\nmodel_fanout,int_grid_validation_issues,\n")
    with pytest.raises(SystemExit, match="reason"):
        evaluator.read_exceptions(path)


def test_every_exception_of_the_project_has_a_known_rule_and_a_reason():
    exceptions = evaluator.read_exceptions(evaluator.DEFAULT_EXCEPTIONS)
    assert exceptions
    assert all(e.rule in evaluator.RULES and e.reason for e in exceptions)


def test_the_script_reports_every_rule_and_fails_above_the_ceiling(tmp_path, capsys):
    """The command `make lint` runs, on a written manifest with findings: every rule is
    reported, in order, then the count; the exit status follows --max-findings."""
    (tmp_path / "manifest.json").write_text(json.dumps(manifest_of(*DIRECT_JOIN)))
    (tmp_path / "dbt_project.yml").write_text("name: demo\n")
    (tmp_path / "exceptions.csv").write_text("rule,resource,reason\n")
    argv = [
        f"--project-dir={tmp_path}",
        f"--manifest={tmp_path / 'manifest.json'}",
        f"--exceptions={tmp_path / 'exceptions.csv'}",
    ]

    # 8 findings: the direct join to a source and three rules it breaks besides, the two
    # models without tests (two rules each)
    assert evaluator.main([*argv, "--max-findings=7"]) == 1
    printed = capsys.readouterr().out
    reported = [line.split(": ")[0] for line in printed.splitlines() if line[:1].isalpha()]
    assert [name.split("/")[1] for name in reported] == list(evaluator.RULES)
    assert "modeling/direct_join_to_source: 1 open\n    int_joined:" in printed
    assert printed.endswith(f"8 findings not excepted, in 6 of {len(evaluator.RULES)} rules\n")
    assert evaluator.main([*argv, "--max-findings=8"]) == 0
