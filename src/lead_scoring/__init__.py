"""Python tooling of the lead_scoring dbt project, behind the ``lead-scoring`` command.

- `cli/`: the command line, one module per subcommand;
- `learn/`: a grid learned from conversions; `impact/`: what a grid change does to the scores;
- `demo/`: the demo data `generate` writes (contract-shaped, or in a CRM loader's shape);
- `warehouse`: runs dbt and reads what it built through its adapter; `grid_files`: the grid
  CSVs checked and added to; `grid`: the grid's vocabulary (grades, zones, tiers);
  `summary`, `backtest`, `publish`, `inputs`: the other commands' work.

Test fixtures live with the tests (tests/python/support/), not here.
"""
