"""Python tooling of the lead_scoring dbt project: demo data, run summary, command line."""
