"""Stratège: define, check, plan and measure a social media strategy."""

__version__ = "0.1.0"
