"""Random draws the generated example data share (seeded: the same files every run)."""

from __future__ import annotations

import math
import random
import string


def lognormal(rng: random.Random, sigma: float) -> float:
    """A multiplicative noise of median 1."""
    return math.exp(rng.gauss(0.0, sigma))


def poisson(rng: random.Random, mean: float) -> int:
    """A count of events (Knuth's method; a rounded normal for large means)."""
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))
