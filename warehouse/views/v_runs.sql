-- Which pipeline runs wrote the warehouse, with which code, from which folder?
SELECT run_id, started_at, code_version, sources_dir, documents, quarantined
FROM runs
