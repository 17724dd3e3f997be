"""Measurement: the platforms' own analytics exports, a store of their figures, the KPI
engine that computes the catalogue's formulas on them, and progress against the strategy."""
