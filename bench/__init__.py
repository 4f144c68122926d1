"""Planspor's benchmark: synthetic plans of any size, built and measured (see README.md, "Benchmark")."""
