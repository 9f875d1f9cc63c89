"""Analysis of stored events: dyad time series, change points, evidence, charts, the alignment network.

Every function takes a DuckDB connection to an event store (the `events` table of DESIGN.md) and
aggregates in SQL, so it scales with DuckDB rather than with Python. One module per job:
`dyad` (the series), `change` (where a relation shifted), `evidence` (the events behind a period),
`chart` (text and image charts), `network` (blocs and structural balance), `db` (opening a store).
"""
