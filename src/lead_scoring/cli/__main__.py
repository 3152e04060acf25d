"""`python -m lead_scoring.cli`: the ``lead-scoring`` command."""

import sys

from lead_scoring.cli.main import main

sys.exit(main())
