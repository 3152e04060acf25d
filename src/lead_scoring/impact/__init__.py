"""`lead-scoring impact`: what a grid change does to the scores, before it merges.

`grids` reads the two grids and what changed between them, `compare` scores both in one
scratch build and gathers the figures, `report` renders them as Markdown and HTML.
"""

from lead_scoring.impact.compare import Options, Report, run
from lead_scoring.impact.grids import ImpactError
from lead_scoring.impact.report import markdown, page

__all__ = ["ImpactError", "Options", "Report", "markdown", "page", "run"]
