-- Which input files could not be loaded, at which stage, and why?
SELECT file_name, stage, reason, sha256, detected_at
FROM quarantine
