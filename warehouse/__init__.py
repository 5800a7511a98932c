"""DuckDB warehouse: DDL, reference seeds, loads and views."""
