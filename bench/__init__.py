"""Benchmarks and load tests run against a local, production-like server."""
