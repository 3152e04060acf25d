"""Superset's settings for the lead_scoring dashboard (SUPERSET_CONFIG_PATH points here).

Everything that differs per install comes from the environment scripts/superset.sh sets:
the state directory (Superset's own metadata database) and the secret key it generates
there once."""

import os
from pathlib import Path

_STATE_DIR = Path(os.environ["LEAD_SCORING_SUPERSET_DIR"])

SECRET_KEY = (_STATE_DIR / "secret_key").read_text().strip()
# Superset's own metadata (users, dashboards): a SQLite file in the state directory
SQLALCHEMY_DATABASE_URI = f"sqlite:///{_STATE_DIR / 'superset.db'}"
