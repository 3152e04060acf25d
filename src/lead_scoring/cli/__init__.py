"""The ``lead-scoring`` command line: `main` parses (main.py), each subcommand is a module of
its own (`generate`, `learn`, `impact`, ...), and the options several share are declared once
in `options` (`SHARED_OPTIONS`)."""

from lead_scoring.cli.main import build_parser, main
from lead_scoring.cli.options import SHARED_OPTIONS

__all__ = ["SHARED_OPTIONS", "build_parser", "main"]
