"""Evaluation of the extraction against the hand-labelled development corpus."""
