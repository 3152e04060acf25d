"""Import the shipped dashboard (bi/superset/dashboard/, a Superset export) into the Superset
of SUPERSET_CONFIG_PATH, reading your warehouse; or write it as a ZIP for another Superset's
Dashboards > Import.

    python bi/superset/import_dashboard.py --uri duckdb:////path/lead_scoring_published.duckdb
    python bi/superset/import_dashboard.py --uri postgresql://reader:...@host/db --schema marts
    python bi/superset/import_dashboard.py --uri ... --zip lead_scoring_dashboard.zip

The import replaces the connection, datasets, charts and dashboard it shipped before (by
uuid), as Superset's asset import does for assets kept under source control: a rerun with
another URI or a newer export updates them. The connection is read-only: DuckDB opens the
file with read_only, PostgreSQL sessions start with default_transaction_read_only (give the
BI role select rights only as well). Runs with the Python of Superset's environment
(scripts/superset.sh setup does)."""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

import yaml

EXPORT_DIR = Path(__file__).resolve().parent / "dashboard"


def read_only_connect_args(uri: str) -> dict:
    """Connection arguments that keep the dashboard's connection from writing."""
    if uri.startswith("duckdb:"):
        return {"read_only": True}
    if uri.startswith("postgresql"):
        return {"options": "-c default_transaction_read_only=on"}
    raise SystemExit(f"import_dashboard.py: a duckdb:// or postgresql:// URI, not {uri!r}")


def contents(uri: str, schema: str) -> dict[str, str]:
    """The export's files by path, pointed at `uri` and `schema`."""
    files = {}
    for path in sorted(EXPORT_DIR.rglob("*.yaml")):
        relative = path.relative_to(EXPORT_DIR).as_posix()
        content = yaml.safe_load(path.read_text())
        if relative.startswith("databases/"):
            content["sqlalchemy_uri"] = uri
            content["extra"]["engine_params"]["connect_args"] = read_only_connect_args(uri)
        elif relative.startswith("datasets/"):
            content["schema"] = schema
        files[relative] = yaml.safe_dump(content, sort_keys=False)
    return files


def import_assets(files: dict[str, str], username: str) -> None:
    """Superset's asset import (everything overwritten), as `username`."""
    from flask import g
    from superset.app import create_app

    app = create_app()
    with app.app_context():
        from superset import security_manager
        from superset.commands.importers.v1.assets import ImportAssetsCommand

        g.user = security_manager.find_user(username=username)
        metadata = yaml.safe_load(files["metadata.yaml"])
        metadata["type"] = "assets"  # the export is a dashboard's; imported as assets
        ImportAssetsCommand({**files, "metadata.yaml": yaml.safe_dump(metadata)}).run()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", required=True, help="SQLAlchemy URI of the warehouse")
    parser.add_argument("--schema", default="main", help="the schema of the marts")
    parser.add_argument("--username", default="admin", help="the owner of what is imported")
    parser.add_argument("--zip", type=Path, help="write this ZIP file instead of importing")
    args = parser.parse_args()
    files = contents(args.uri, args.schema)
    if args.zip:
        with zipfile.ZipFile(args.zip, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in files.items():
                archive.writestr(f"lead_scoring_dashboard/{name}", text)
        print(f"wrote {args.zip} ({len(files)} files)")
    else:
        import_assets(files, args.username)
        print(f"imported {len(files)} files: the dashboard, its charts, datasets, connection")


if __name__ == "__main__":
    main()
