"""Helpers and fixtures the Python tests share (not shipped in the lead-scoring wheel)."""
