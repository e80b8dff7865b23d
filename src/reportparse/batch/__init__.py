"""`reportparse batch`: check a folder of thousands of reports on one machine or a Dask cluster.

discover (paths → inputs) → pool / cluster (workers check each file under a time and memory
cap) → store (each result into SQLite and its JSON as it finishes) → crosscheck (findings across
reports) → outputs (CSVs, spreadsheet, HTML index, all from the store, in path order).
`run.run_batch` chains them. Submodules are imported where used: this package imports nothing.
"""
