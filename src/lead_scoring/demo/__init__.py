"""Demo data for `lead-scoring generate`: the contract-shaped demo (`data`, drawn by `leads` and
`second_edition` from `distributions`) and the same leads in a CRM loader's shape
(`crm_shapes`)."""
