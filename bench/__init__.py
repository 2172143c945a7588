"""Benchmarks of NLV Events (`make bench`): synthetic databases, figures against targets and baselines."""
