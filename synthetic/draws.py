"""Random draws for the case system: the two generators the simulation and its tables share, and weighted
choices.

The simulation and then the case-system table builders draw from the same two generators, one after the
other. The order of the draws is part of the seed's output: calling a builder earlier, or drawing once more
anywhere, changes every file after it. `case_system.case_system_tables` fixes the order of the builders.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Draws:
    rng: np.random.Generator  # vectors of draws
    py: random.Random  # single draws: Python's random is much faster than numpy one value at a time

    @classmethod
    def from_generator(cls, rng: np.random.Generator) -> Draws:
        """Python's generator seeded from numpy's (its first draw), so one seed fixes both."""
        return cls(rng, random.Random(int(rng.integers(2**62))))


class Choice:
    """A weighted choice drawn with Python's random (much faster than numpy for single draws)."""

    __slots__ = ("keys", "cum", "total")

    def __init__(self, weights: dict):
        self.keys = list(weights)
        self.cum = list(np.cumsum(list(weights.values())))
        self.total = self.cum[-1]

    def __call__(self, py: random.Random):
        return self.keys[bisect.bisect_right(self.cum, py.random() * self.total)]


def band(table: dict, age: float):
    """The value of the age band (lo, hi) holding `age`."""
    for (lo, hi), value in table.items():
        if lo <= age < hi:
            return value
    return value  # ages at the top of the last band
