"""Benchmark the scoring build against two peers an analyst would write without it.

For each scale: generate contract-shaped data into a scratch DuckDB file and hold back the
events of its last day; time `dbt parse` (dbt's fixed overhead) and a full `dbt build` as
of the day before; on the same data, run the two peers of bench/peers/ (a pandas script and
one hand-written DuckDB query, each scoring the shipped `default` model) and stop unless
both give exactly the build's `lead_scores` rows, then record their times; load the
held-back day and time the daily (incremental) `dbt build` as of that day, as the schedule
runs it (both builds run the README's scheduled command). Read dbt's own per-node timings
and record each build's and the pandas peer's peak memory. Last,
time the daily build on a tiny warehouse: the fixed cost of a build of this project,
which no incremental model can lower. With `--spark SCALE`, the full build of that scale
also runs on Apache Spark in local mode (the profile's `spark` target) on the same data,
and stops unless its `lead_scores` are DuckDB's. Prints a table and writes it, with the
machine's cores and memory, to bench/RESULTS.md.

    python bench/benchmark.py --scale tiny              # that it runs; what CI runs
    python bench/benchmark.py --scale small             # a minute
    python bench/benchmark.py --scale medium --scale large --spark medium
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from lead_scoring import warehouse
from lead_scoring.demo import data as demo_data
from lead_scoring.warehouse import SCHEDULED_BUILD

PROJECT_ROOT = Path(__file__).resolve().parents[1]
INPUT_SCHEMA = "lead_scoring_input"
AS_OF = "2026-09-30"
FULL_BUILD_AS_OF = "2026-09-29"
SLOWEST_NODES = 8
# the targets at 1M contacts / 20M events, reported in RESULTS.md: the full build's model
# SQL against the hand-written query, the whole build against the pandas peer, the daily
# run against the full build
TARGET_RATIO = 3
TARGET_BUILD_RATIO = 0.5
TARGET_DAILY_SHARE = 0.10
TARGET_PEAK_RSS_MB = 4096

# the tiny warehouse whose daily build measures the fixed cost
FIXED_COST_SIZE = demo_data.DemoSize(contacts=1_000, accounts=100, events=10_000)

# the heading of RESULTS.md's section that bench/compare_commits.py's figures go under
CHANGE_COSTS = "## The cost of a change"

SCALES = {
    # the fixed cost's warehouse: a check that the benchmark runs end to end (its test's
    # scale), its full build too small to time anything but dbt's own work
    "tiny": FIXED_COST_SIZE,
    "small": demo_data.DemoSize(contacts=10_000, accounts=1_000, events=200_000),
    "medium": demo_data.DemoSize(contacts=100_000, accounts=10_000, events=2_000_000),
    "large": demo_data.DemoSize(contacts=1_000_000, accounts=100_000, events=20_000_000),
}

# Spark: the database its inputs load into, the one it builds in, the driver's memory (its
# default, 1 GB, is for a laptop's notebook, not 2M events)
SPARK_INPUT_SCHEMA = "bench_input"
SPARK_SCHEMA = "bench"
SPARK_DRIVER_MEMORY = "6g"
# one process: dbt's session method starts Spark with the profile's settings (`dbt debug`
# opens it), the inputs load into that session from Parquet, then the build runs in it;
# prints the load's and the build's seconds
SPARK_BUILD = """
import json, sys, time
from dbt.cli.main import dbtRunner
from pyspark.sql import SparkSession
schema, inputs, build = json.loads(sys.argv[1])
if not dbtRunner().invoke(["debug", "--quiet"]).success:
    sys.exit("dbt debug failed on Spark")
spark = SparkSession.builder.getOrCreate()
# DuckDB writes its timestamps without a time zone: read them as Spark's timestamps
spark.conf.set("spark.sql.parquet.inferTimestampNTZ.enabled", "false")
started = time.perf_counter()
spark.sql(f"create database if not exists {schema}")
for table, path in inputs.items():
    spark.read.parquet(path).write.mode("overwrite").saveAsTable(f"{schema}.{table}")
loaded = time.perf_counter() - started
started = time.perf_counter()
result = dbtRunner().invoke(build)
print(json.dumps({"load": loaded, "build": time.perf_counter() - started}))
sys.exit(0 if result.success else 1)
"""

# the peers: the model they score, and the columns of `lead_scores` they must give exactly
PEERS = PROJECT_ROOT / "bench" / "peers"
PEER_MODEL = "default"
PEER_COLUMNS = (
    "contact_id, fit_points, activity_points, fit_grade, activity_grade, grade, zone, is_mql"
)


@dataclass
class SparkResult:
    """The full build of one scale on Spark."""

    load_seconds: float
    build_seconds: float
    model_seconds: float
    test_seconds: float
    slowest_nodes: list[tuple[str, float]]


@dataclass
class Result:
    """The figures of one scale."""

    scale: str
    contacts: int
    events: int
    generate_seconds: float
    parse_seconds: float
    build_seconds: float
    model_seconds: float
    test_seconds: float
    hand_query_seconds: float
    pandas_seconds: float
    pandas_peak_rss_mb: float
    peak_rss_mb: float
    slowest_nodes: list[tuple[str, float]]
    new_day_events: int
    daily_seconds: float
    daily_model_seconds: float
    daily_test_seconds: float
    daily_peak_rss_mb: float
    daily_slowest_nodes: list[tuple[str, float]]
    daily_rescored_contacts: int
    daily_rescored_today: int
    spark: SparkResult | None = None

    @property
    def ratio(self) -> float:
        return self.model_seconds / self.hand_query_seconds

    @property
    def build_ratio(self) -> float:
        return self.build_seconds / self.pandas_seconds

    @property
    def daily_share(self) -> float:
        return self.daily_seconds / self.build_seconds

    @property
    def daily_model_share(self) -> float:
        """The daily run's model SQL against the full build's: the issue's target."""
        return self.daily_model_seconds / self.model_seconds

    @property
    def events_per_second(self) -> float:
        return self.events / self.build_seconds


def generate_command(size: demo_data.DemoSize, database: Path) -> list[str]:
    """`lead-scoring generate` writing contract-shaped data of ``size`` into ``database``."""
    return [
        str(Path(sys.executable).parent / "lead-scoring"),
        "generate",
        f"--contacts={size.contacts}",
        f"--accounts={size.accounts}",
        f"--events={size.events}",
        f"--input-schema={INPUT_SCHEMA}",
        f"--duckdb={database}",
    ]


def run_measured(
    command: list[str], env: dict[str, str], cwd: Path = PROJECT_ROOT
) -> tuple[float, float, str]:
    """Run a command; return its wall seconds, its peak RSS in MB and its output."""
    elapsed, peak_rss_mb, _, text = run_measured_cpu(command, env, cwd)
    return elapsed, peak_rss_mb, text


def run_measured_cpu(
    command: list[str], env: dict[str, str], cwd: Path = PROJECT_ROOT
) -> tuple[float, float, float, str]:
    """Run a command; return its wall seconds, its peak RSS in MB, the CPU seconds of all
    its threads (user and system: what a busy machine changes least) and its output."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        output.seek(0)
        text = output.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{text[-5000:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, text


def node_seconds(target_dir: Path) -> tuple[float, float, list[tuple[str, float]]]:
    """Seconds dbt reports for models, and for data and unit tests, in the last run, and
    the slowest nodes (where the time goes)."""
    results = json.loads((target_dir / "run_results.json").read_text())["results"]
    models = sum(r["execution_time"] for r in results if r["unique_id"].startswith("model."))
    tests = sum(
        r["execution_time"] for r in results if r["unique_id"].startswith(("test.", "unit_test."))
    )
    slowest = sorted(
        ((r["unique_id"], r["execution_time"]) for r in results),
        key=lambda node: node[1],
        reverse=True,
    )[:SLOWEST_NODES]
    return models, tests, slowest


def check_peer(con: duckdb.DuckDBPyConnection, peer: str, rows: str, scores: str) -> None:
    """Stop the benchmark unless the peer's ``rows`` (a relation) are exactly the
    ``scores`` relation's rows of the peer's model, in the columns both compute."""
    ours = f"select {PEER_COLUMNS} from {scores} where scoring_model = '{PEER_MODEL}'"
    theirs = f"select {PEER_COLUMNS} from {rows}"
    check_same_rows(con, f"the {peer} peer", ours, theirs, PEER_COLUMNS)


def check_same_rows(
    con: duckdb.DuckDBPyConnection, other: str, ours: str, theirs: str, columns: str
) -> None:
    """Stop the benchmark unless the queries ``ours`` (the build's `lead_scores`) and
    ``theirs`` (``other``'s) give exactly the same rows."""
    for only, left, right in [("lead_scores", ours, theirs), (other, theirs, ours)]:
        differing = con.execute(f"({left}) except all ({right}) order by 1 limit 5").fetchall()
        if differing:
            sys.exit(
                f"{other} does not score as the build does: rows only in {only} "
                f"(first 5 of columns {columns}):\n" + "\n".join(map(str, differing))
            )


def measure_spark(database: Path, workdir: Path, env: dict[str, str], scores: str) -> SparkResult:
    """The full build on Spark (local mode, the profile's `spark` target) on the inputs the
    DuckDB full build read, copied over as Parquet; stop unless its `lead_scores` are the
    DuckDB build's ``scores`` row for row."""
    spark_dir = workdir / "spark"
    target_dir = workdir / "target_spark"
    inputs = {}
    with duckdb.connect(str(database), read_only=True) as con:
        tables = con.execute(
            "select table_name from duckdb_tables() where schema_name = ?", [INPUT_SCHEMA]
        ).fetchall()
        for (table,) in tables:
            if table != "next_day_events":
                inputs[table] = str(workdir / f"{table}.parquet")
                con.execute(f"copy {INPUT_SCHEMA}.{table} to '{inputs[table]}' (format parquet)")
    variables = {"scoring_as_of": FULL_BUILD_AS_OF, "lead_scoring_schema": SPARK_INPUT_SCHEMA}
    build = [
        *SCHEDULED_BUILD,
        "--project-dir",
        str(PROJECT_ROOT),
        "--target-path",
        str(target_dir),
        "--vars",
        json.dumps(variables),
    ]
    spark_env = {
        **env,
        "LEAD_SCORING_TARGET": "spark",
        "LEAD_SCORING_SPARK_DIR": str(spark_dir),
        "LEAD_SCORING_SPARK_SCHEMA": SPARK_SCHEMA,
        "LEAD_SCORING_SPARK_DRIVER_MEMORY": SPARK_DRIVER_MEMORY,
    }
    _, _, printed = run_measured(
        [sys.executable, "-c", SPARK_BUILD, json.dumps([SPARK_INPUT_SCHEMA, inputs, build])],
        spark_env,
    )
    seconds = json.loads(printed.strip().splitlines()[-1])
    model_seconds, test_seconds, slowest_nodes = node_seconds(target_dir)
    columns = f"scoring_model, {PEER_COLUMNS}"
    spark_rows = spark_dir / "warehouse" / f"{SPARK_SCHEMA}.db" / "lead_scores" / "*.parquet"
    with duckdb.connect(str(database), read_only=True) as con:
        check_same_rows(
            con,
            "Spark",
            f"select {columns} from {scores}",
            f"select {columns} from read_parquet('{spark_rows}')",
            columns,
        )
    shutil.rmtree(spark_dir, ignore_errors=True)
    shutil.rmtree(target_dir, ignore_errors=True)
    for path in inputs.values():
        Path(path).unlink()
    return SparkResult(
        load_seconds=seconds["load"],
        build_seconds=seconds["build"],
        model_seconds=model_seconds,
        test_seconds=test_seconds,
        slowest_nodes=slowest_nodes,
    )


def measure_peers(
    database: Path, workdir: Path, env: dict[str, str], scores: str
) -> tuple[float, float, float]:
    """Run both peers on the warehouse the full build scored and check each gives the
    build's ``scores``; return the hand query's warm seconds and the pandas script's wall
    seconds and peak RSS in MB."""

    def peer(script: str, output: Path) -> list[str]:
        """A peer's command line: the warehouse, the model and date scored, its rows' file."""
        return [
            sys.executable,
            str(PEERS / script),
            f"--duckdb={database}",
            f"--input-schema={INPUT_SCHEMA}",
            f"--as-of={FULL_BUILD_AS_OF}",
            f"--scoring-model={PEER_MODEL}",
            f"--output={output}",
        ]

    output = workdir / "pandas_peer.parquet"
    pandas_seconds, pandas_peak_rss_mb, _ = run_measured(peer("pandas_peer.py", output), env)
    rows = workdir / "hand_query.parquet"
    # its own process, as the pandas script: it prints its timed (warm) seconds
    _, _, printed = run_measured(peer("hand_query.py", rows), env)
    hand_query_seconds = float(printed.split()[-1])
    with duckdb.connect(str(database), read_only=True) as con:
        check_peer(con, "pandas", f"read_parquet('{output}')", scores)
        check_peer(con, "hand query", f"read_parquet('{rows}')", scores)
    rows.unlink()
    output.unlink()
    return hand_query_seconds, pandas_seconds, pandas_peak_rss_mb


def measure(
    scale: str, workdir: Path, size: demo_data.DemoSize | None = None, spark: bool = False
) -> Result:
    size = size or SCALES[scale]
    database = workdir / f"{scale}.duckdb"
    target_dir = workdir / f"target_{scale}"
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_ROOT / "profiles"),
        "LEAD_SCORING_DUCKDB_PATH": str(database),
        "LEAD_SCORING_TARGET": "duckdb",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }

    def dbt_args(as_of: str) -> list[str]:
        variables = {
            "scoring_as_of": as_of,
            "lead_scoring_schema": INPUT_SCHEMA,
        }
        return ["--target-path", str(target_dir), "--vars", json.dumps(variables)]

    # generated in a child process, so that this process stays small: a child started
    # while it held the generator's memory would report that memory as its own peak
    generate_seconds, _, _ = run_measured(generate_command(size, database), env)
    # the last day's events arrive after the full build, as the next day's deliveries
    with duckdb.connect(str(database)) as con:
        con.execute(
            f"create table {INPUT_SCHEMA}.next_day_events as select * from {INPUT_SCHEMA}.events "
            f"where cast(occurred_at as date) = date '{AS_OF}'"
        )
        con.execute(
            f"delete from {INPUT_SCHEMA}.events where cast(occurred_at as date) = date '{AS_OF}'"
        )
    dbt = str(bin_dir / "dbt")
    parse_seconds, _, _ = run_measured(
        [dbt, "parse", "--no-partial-parse", *dbt_args(FULL_BUILD_AS_OF)], env
    )
    build_seconds, peak_rss_mb, _ = run_measured(
        [dbt, *SCHEDULED_BUILD, *dbt_args(FULL_BUILD_AS_OF)], env
    )
    model_seconds, test_seconds, slowest_nodes = node_seconds(target_dir)
    relations = warehouse.schema_relation_names(warehouse.read_manifest(target_dir))
    hand_query_seconds, pandas_seconds, pandas_peak_rss_mb = measure_peers(
        database, workdir, env, relations["lead_scores"]
    )
    spark_result = (
        measure_spark(database, workdir, env, relations["lead_scores"]) if spark else None
    )

    with duckdb.connect(str(database)) as con:
        con.execute(
            f"insert into {INPUT_SCHEMA}.events select * from {INPUT_SCHEMA}.next_day_events"
        )
        new_day_events = con.execute(
            f"select count(*) from {INPUT_SCHEMA}.next_day_events"
        ).fetchone()[0]
    # a new as-of date on the command line makes dbt parse again, as a scheduled run that
    # sets the var does (one that leaves it unset scores as of today and parses partially)
    daily_seconds, daily_peak_rss_mb, _ = run_measured(
        [dbt, *SCHEDULED_BUILD, *dbt_args(AS_OF)], env
    )
    daily_model_seconds, daily_test_seconds, daily_slowest_nodes = node_seconds(target_dir)

    with duckdb.connect(str(database), read_only=True) as con:
        # the contacts the daily run computed again (int_contacts_to_rescore, its last run):
        # every one listed in the models holding the earlier dates, those listed for another
        # reason than a window moved at an earlier date alone in the others
        # (rescored_contacts_only)
        rescore_log = relations["int_contacts_to_rescore"]
        daily_rescored_contacts, daily_rescored_today = con.execute(
            "select count(distinct contact_id), count(distinct contact_id) filter"
            f" (where rescore_reason <> 'window_moved_earlier') from {rescore_log}"
            f" where rescored_at = (select max(rescored_at) from {rescore_log})"
        ).fetchone()
        counts = {
            table: con.execute(f"select count(*) from {INPUT_SCHEMA}.{table}").fetchone()[0]
            for table in ["contacts", "events"]
        }
    shutil.rmtree(target_dir, ignore_errors=True)
    database.unlink()
    return Result(
        scale=scale,
        contacts=counts["contacts"],
        events=counts["events"],
        generate_seconds=generate_seconds,
        parse_seconds=parse_seconds,
        build_seconds=build_seconds,
        model_seconds=model_seconds,
        test_seconds=test_seconds,
        hand_query_seconds=hand_query_seconds,
        pandas_seconds=pandas_seconds,
        pandas_peak_rss_mb=pandas_peak_rss_mb,
        peak_rss_mb=peak_rss_mb,
        slowest_nodes=slowest_nodes,
        new_day_events=new_day_events,
        daily_seconds=daily_seconds,
        daily_model_seconds=daily_model_seconds,
        daily_test_seconds=daily_test_seconds,
        daily_peak_rss_mb=daily_peak_rss_mb,
        daily_slowest_nodes=daily_slowest_nodes,
        daily_rescored_contacts=daily_rescored_contacts,
        daily_rescored_today=daily_rescored_today,
        spark=spark_result,
    )


def machine() -> str:
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return (
        f"{os.cpu_count()} cores, {memory_kb / 1024 / 1024:.0f} GiB memory, "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
        f"DuckDB {duckdb.__version__}"
    )


def table(results: list[Result]) -> str:
    header = (
        "| scale | contacts | events | generate s | dbt parse s | dbt build s | model SQL s "
        "| tests s | hand query s | pandas s | model SQL / hand query | build / pandas "
        "| peak RSS MB | pandas peak RSS MB | events/s (build) |"
    )
    lines = [header, "|" + "---|" * 15]
    for r in results:
        lines.append(
            f"| {r.scale} | {r.contacts:,} | {r.events:,} | {r.generate_seconds:.1f} "
            f"| {r.parse_seconds:.1f} | {r.build_seconds:.1f} | {r.model_seconds:.1f} "
            f"| {r.test_seconds:.1f} | {r.hand_query_seconds:.2f} | {r.pandas_seconds:.1f} "
            f"| {r.ratio:.1f}x | {r.build_ratio:.2f}x | {r.peak_rss_mb:,.0f} "
            f"| {r.pandas_peak_rss_mb:,.0f} | {r.events_per_second:,.0f} |"
        )
    return "\n".join(lines)


def daily_table(results: list[Result]) -> str:
    header = (
        "| scale | new day's events | contacts rescored | by today's models | daily build s "
        "| model SQL s | tests s | peak RSS MB | daily / full build | model SQL daily / full |"
    )
    lines = [header, "|" + "---|" * 10]
    for r in results:
        lines.append(
            f"| {r.scale} | {r.new_day_events:,} | {r.daily_rescored_contacts:,} "
            f"| {r.daily_rescored_today:,} "
            f"| {r.daily_seconds:.1f} | {r.daily_model_seconds:.1f} "
            f"| {r.daily_test_seconds:.1f} | {r.daily_peak_rss_mb:,.0f} | {r.daily_share:.0%} "
            f"| {r.daily_model_share:.0%} |"
        )
    return "\n".join(lines)


def spark_table(results: list[Result]) -> str:
    header = (
        "| scale | events | load s | Spark build s | model SQL s | tests s | DuckDB build s "
        "| Spark / DuckDB |"
    )
    lines = [header, "|" + "---|" * 8]
    for r in results:
        if r.spark:
            lines.append(
                f"| {r.scale} | {r.events:,} | {r.spark.load_seconds:.1f} "
                f"| {r.spark.build_seconds:.1f} | {r.spark.model_seconds:.1f} "
                f"| {r.spark.test_seconds:.1f} | {r.build_seconds:.1f} "
                f"| {r.spark.build_seconds / r.build_seconds:.1f}x |"
            )
    return "\n".join(lines)


def _room(seconds: float) -> str:
    """What the fixed cost leaves of the daily target's time for the day's data work."""
    if seconds > 0:
        return (
            f"A daily run within {TARGET_DAILY_SHARE:.0%} of it has {seconds:.1f} s for the"
            " day's data work."
        )
    return (
        f"The fixed cost alone passes {TARGET_DAILY_SHARE:.0%} of it (by {-seconds:.1f} s):"
        " no daily run of this project can meet that target on this machine."
    )


def targets(results: list[Result], fixed: Result) -> str:
    """The targets, checked against what was measured (never asserted in tests)."""

    def met(ok: bool) -> str:
        return "met" if ok else "not met"

    largest = results[-1]
    lines = [
        f"- fixed cost: the daily build on {fixed.contacts:,} contacts and {fixed.events:,}"
        f" events takes {fixed.daily_seconds:.1f} s (model SQL {fixed.daily_model_seconds:.1f}"
        f" s, tests {fixed.daily_test_seconds:.1f} s, the rest dbt's start-up and per-node"
        f" work): {fixed.daily_seconds / largest.build_seconds:.1%} of the {largest.scale}"
        f" full build. {_room(TARGET_DAILY_SHARE * largest.build_seconds - fixed.daily_seconds)}"
    ]
    for r in results:
        peak = max(r.peak_rss_mb, r.daily_peak_rss_mb)
        lines.append(
            f"- {r.scale}: full build model SQL / hand query {r.ratio:.1f}x (target <= "
            f"{TARGET_RATIO:g}x: {met(r.ratio <= TARGET_RATIO)}); whole build / pandas peer "
            f"{r.build_ratio:.2f}x (target <= {TARGET_BUILD_RATIO:g}x: "
            f"{met(r.build_ratio <= TARGET_BUILD_RATIO)}); daily run's model SQL "
            f"{r.daily_model_share:.0%} of the full build's (target <= {TARGET_DAILY_SHARE:.0%}: "
            f"{met(r.daily_model_share <= TARGET_DAILY_SHARE)}; the whole daily build "
            f"{r.daily_share:.0%} of the full build's); peak RSS {peak:,.0f} MB (target <= "
            f"{TARGET_PEAK_RSS_MB:,} MB: {met(peak <= TARGET_PEAK_RSS_MB)})"
        )
    return "\n".join(lines)


def slowest(results: list[Result], daily: bool = False, spark: bool = False) -> str:
    lines = ["| scale | node | seconds |", "|---|---|---|"]
    for r in results:
        if spark:
            nodes = r.spark.slowest_nodes if r.spark else []
        else:
            nodes = r.daily_slowest_nodes if daily else r.slowest_nodes
        for unique_id, seconds in nodes:
            name = unique_id.split(".")[2][:90]
            lines.append(f"| {r.scale} | {unique_id.split('.')[0]} `{name}` | {seconds:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", action="append", choices=list(SCALES), help="repeatable")
    parser.add_argument(
        "--spark",
        action="append",
        default=[],
        choices=list(SCALES),
        help="a scale (among --scale) whose full build also runs on Spark; repeatable",
    )
    parser.add_argument(
        "--results", default=str(PROJECT_ROOT / "bench" / "RESULTS.md"), help="'-' to skip"
    )
    args = parser.parse_args(argv)
    scales = args.scale or ["small"]
    if set(args.spark) - set(scales):
        parser.error("--spark names a scale that --scale does not")
    with tempfile.TemporaryDirectory(prefix="lead_scoring_bench_") as scratch:
        results = [measure(scale, Path(scratch), spark=scale in args.spark) for scale in scales]
        # the tiny scale is the fixed cost's warehouse: its daily build is measured once
        fixed = next((result for result in results if result.scale == "tiny"), None) or measure(
            "fixed", Path(scratch), FIXED_COST_SIZE
        )
    text = table(results)
    daily = daily_table(results)
    on_spark = (
        "## Apache Spark\n\n"
        f"The full build of {', '.join(args.spark)} on Spark in local mode (the profile's"
        f" `spark` target, driver memory {SPARK_DRIVER_MEMORY}), on the same inputs copied"
        " over as Parquet (*load*: reading them into Spark's tables) and the same command;"
        " its `lead_scores` were checked to be DuckDB's row for row.\n\n"
        f"{spark_table(results)}\n\nIts slowest nodes:\n\n{slowest(results, spark=True)}\n\n"
        if args.spark
        else ""
    )
    print(text)
    print(daily)
    if args.spark:
        print(spark_table(results))
    print(slowest(results))
    print(targets(results, fixed))
    if args.results != "-":
        # the measured costs of changes (bench/compare_commits.py) stay below the tables
        previous = Path(args.results).read_text() if Path(args.results).exists() else ""
        kept = previous[previous.find(CHANGE_COSTS) :] if CHANGE_COSTS in previous else ""
        command = " ".join(
            [*(f"--scale {s}" for s in scales), *(f"--spark {s}" for s in args.spark)]
        )
        Path(args.results).write_text(
            "# Benchmark results\n\n"
            f"Measured with `python bench/benchmark.py {command}`"
            f" on {time.strftime('%Y-%m-%d')}.\n\nMachine: {machine()}.\n\n{text}\n\n"
            "- *dbt parse*: dbt's fixed overhead (start-up and parsing), outside the build.\n"
            "- *model SQL*: the seconds dbt reports for the models of the build; *tests*: for "
            "its data and unit tests.\n"
            f"- *hand query*, *pandas*: the peers of bench/peers/, each scoring the `{PEER_MODEL}`"
            " model from the grid's CSVs on the same warehouse as the full build, as an analyst"
            " would without this project: one hand-written DuckDB query (timed warm, in the"
            " benchmark's process) and a pandas script (wall time of its process, reading the"
            " warehouse included). Both were checked to give exactly the build's `lead_scores`"
            f" rows ({PEER_COLUMNS}) before their times were recorded.\n"
            "- *peak RSS*: the `dbt build` process (DuckDB runs inside it); *pandas peak RSS*:"
            " the pandas script's process.\n\n"
            "## The daily run\n\n"
            f"The full build above scores as of {FULL_BUILD_AS_OF} without the events of "
            f"{AS_OF}; those are then loaded and the scheduled build runs as of "
            f"{AS_OF} on the same warehouse (incremental models keep what they hold). Both "
            f"builds run the README's scheduled command, `dbt {' '.join(SCHEDULED_BUILD)}`. "
            "*contacts rescored*: the contacts the daily run computed again "
            "(int_contacts_to_rescore) in the per-contact models that hold the earlier dates "
            "scored at (7, 30 and 90 days before); *by today's models*: in the others, which "
            "leave out the contacts whose events moved in or out of a window at those dates "
            "alone (`window_moved_earlier`). Every per-contact model keeps the other "
            "contacts' rows."
            "\n\n"
            f"{daily}\n\n"
            f"{on_spark}"
            f"## Targets\n\n{targets(results, fixed)}\n\n"
            f"## Where the time goes: the {SLOWEST_NODES} slowest nodes of each build\n\n"
            f"Full build:\n\n{slowest(results)}\n\n"
            f"Daily run:\n\n{slowest(results, daily=True)}\n" + (f"\n{kept}" if kept else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
