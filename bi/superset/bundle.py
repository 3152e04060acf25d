"""Write the shipped dashboard (bi/superset/dashboard/, a Superset export) as the ZIP file
`superset import-dashboards` reads, pointed at your warehouse.

    python bi/superset/bundle.py --uri duckdb:////path/lead_scoring_published.duckdb out.zip
    python bi/superset/bundle.py --uri postgresql://bi_reader:...@host/db --schema analytics out.zip

The connection is read-only: DuckDB opens the file with read_only, PostgreSQL sessions
start with default_transaction_read_only (give the BI role select rights only as well).
Runs with the Python of Superset's environment (PyYAML comes with Superset)."""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

import yaml

EXPORT_DIR = Path(__file__).resolve().parent / "dashboard"
# the folder name Superset gives its own exports; import-dashboards accepts any
BUNDLE_ROOT = "lead_scoring_dashboard"


def read_only_connect_args(uri: str) -> dict:
    """Connection arguments that keep the dashboard's connection from writing."""
    if uri.startswith("duckdb:"):
        return {"read_only": True}
    if uri.startswith("postgresql"):
        return {"options": "-c default_transaction_read_only=on"}
    raise SystemExit(f"bundle.py: a duckdb:// or postgresql:// URI, not {uri!r}")


def bundle(uri: str, schema: str, destination: Path) -> list[str]:
    """Write the ZIP; the names of the files in it."""
    names = []
    with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(EXPORT_DIR.rglob("*.yaml")):
            relative = path.relative_to(EXPORT_DIR)
            content = yaml.safe_load(path.read_text())
            if relative.parts[0] == "databases":
                content["sqlalchemy_uri"] = uri
                content["extra"]["engine_params"]["connect_args"] = read_only_connect_args(uri)
            elif relative.parts[0] == "datasets":
                content["schema"] = schema
            name = f"{BUNDLE_ROOT}/{relative.as_posix()}"
            archive.writestr(name, yaml.safe_dump(content, sort_keys=False))
            names.append(name)
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", required=True, help="SQLAlchemy URI of the warehouse")
    parser.add_argument("--schema", default="main", help="the schema of the marts")
    parser.add_argument("destination", type=Path, help="the ZIP file to write")
    args = parser.parse_args()
    names = bundle(args.uri, args.schema, args.destination)
    print(f"wrote {args.destination} ({len(names)} files)")


if __name__ == "__main__":
    main()
