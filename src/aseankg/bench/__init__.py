"""Benchmarks: synthetic data and measurements of load, validation and query speed."""
