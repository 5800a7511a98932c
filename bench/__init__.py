"""Benchmark of the pipeline on synthetic piles of documents (not a test; `make bench`)."""
