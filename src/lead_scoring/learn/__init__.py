"""`lead-scoring learn`: a points grid learned from past conversions, written as seed rows.

One module per job: `features` (the candidate criteria, read from the dbt learning models),
`fit` (the bounded logistic regression, folds, AUC), `grid_fit` (the learner on some leads:
signs, decay, selection, integer points), `zones` (grade bands and zones), `seeds` (the seed
rows and the note written) and `run` (the whole run: build, read, learn, measure).
"""

from lead_scoring.learn.run import LearnedGrid, LearnError, Options, Report, learn
from lead_scoring.learn.seeds import summary_lines, write

__all__ = ["LearnError", "LearnedGrid", "Options", "Report", "learn", "summary_lines", "write"]
