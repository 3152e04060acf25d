"""One scheduled run at a time per warehouse: the lock `lead-scoring run` and `backfill` take.

Two builds of the same target at once race: on PostgreSQL each creates the same relations
(the second fails with `relation "..." already exists`, often both do) and the incremental
history could record a run twice; on DuckDB the second fails with DuckDB's own traceback
("Could not set lock on file"). A scheduled run therefore takes a lock on its target before
dbt starts and holds it until the build has ended: a second run stops at once with a message
that names the run holding it (or, with `wait`, waits for it). The lock ends with the
process that holds it, however that ends (a killed run never leaves a stale lock):

- PostgreSQL: a session advisory lock, keyed by the target's database and schema, on a
  connection of its own (dbt closes and reopens its own connections during a run);
- DuckDB: an exclusive `flock` on a file beside the database file (`<file>.run-lock`).

Other engines have no such lock here: the run goes on, and says so.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from lead_scoring import warehouse

# the exit status of a command that stopped because another run holds the lock (EX_TEMPFAIL:
# try again later), apart from dbt's 1 and 2
LOCKED_EXIT = 75


class RunLocked(Exception):
    """Another scheduled run holds the lock of the target."""


@contextmanager
def scheduled_run_lock(project: warehouse.DbtProject, wait: bool = False) -> Iterator[str]:
    """Hold the scheduled-run lock of the project's target for the body; yields what was
    locked, in words. Raises RunLocked naming the holder when another run holds it (at once,
    or never with `wait`), WarehouseError when the target cannot be read."""
    credentials = warehouse.target_credentials(project)
    if credentials.type == "postgres":
        with _postgres_lock(credentials, wait) as locked:
            yield locked
    elif credentials.type == "duckdb":
        with _file_lock(Path(credentials.path).resolve(), wait) as locked:
            yield locked
    else:
        yield f"nothing: {credentials.type} has no lock here, make sure two runs never overlap"


@contextmanager
def _postgres_lock(credentials, wait: bool) -> Iterator[str]:
    import psycopg2  # dbt-postgres's driver, there when its target is

    target = f"{credentials.database}.{credentials.schema}"
    name = f"lead-scoring run {target}"[:63]  # application_name's limit
    connection = psycopg2.connect(
        host=credentials.host,
        port=credentials.port,
        user=credentials.user,
        password=credentials.password,
        dbname=credentials.database,
        application_name=name,
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("select hashtext(%s)", [f"lead_scoring scheduled run {target}"])
            (lock_key,) = cursor.fetchone()
            if wait:
                cursor.execute("select pg_advisory_lock(%s)", [lock_key])
            else:
                cursor.execute("select pg_try_advisory_lock(%s)", [lock_key])
                if not cursor.fetchone()[0]:
                    cursor.execute(
                        "select pid, backend_start from pg_stat_activity"
                        " where application_name = %s and pid != pg_backend_pid()",
                        [name],
                    )
                    holders = ", ".join(
                        f"server process {pid} since {started:%Y-%m-%d %H:%M:%S %Z}"
                        for pid, started in cursor.fetchall()
                    )
                    raise RunLocked(
                        f"another scheduled run is building {target} (PostgreSQL advisory"
                        f" lock held by {holders or 'another session'}, application_name"
                        f" '{name}'): this run stops without building; run it again when"
                        " that one has ended, or pass --wait to wait for it"
                    )
        yield f"{target} (PostgreSQL advisory lock)"
    finally:
        connection.close()  # the server releases a session's advisory locks with it


@contextmanager
def _file_lock(database: Path, wait: bool) -> Iterator[str]:
    path = database.with_name(f"{database.name}.run-lock")
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise RunLocked(
                f"another scheduled run is building {database} ({holder}, lock file"
                f" {path}): this run stops without building; run it again when that one has"
                " ended, or pass --wait to wait for it"
            ) from None
        handle.truncate(0)
        handle.write(f"pid {os.getpid()} since {datetime.now():%Y-%m-%d %H:%M:%S}\n")
        handle.flush()
        try:
            yield f"{database} (lock file {path.name})"
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)
