"""Small numbers in the scorecard's breakdowns, suppressed in what leaves the MI team (the HTML and the PDF).

A breakdown group counting fewer than the threshold of children (default 5; CLA_SMALL_NUMBER_THRESHOLD sets
it), but more than none, is shown as 'c', as DfE's statistics show it, and its bar is not drawn. Because the
groups of a breakdown add up to the headline figure printed beside them, one suppressed group could be worked
out by subtraction: so the next smallest group is suppressed too (secondary suppression) until no breakdown
has exactly one group hidden. The workbook, which names the children counted and stays with the MI team,
keeps every figure.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

SUPPRESSED = "c"
DEFAULT_THRESHOLD = 5


def threshold() -> int:
    return int(os.environ.get("CLA_SMALL_NUMBER_THRESHOLD") or DEFAULT_THRESHOLD)


def _small(count: float | None, below: int) -> bool:
    return count is not None and 0 < count < below


def suppressed_groups(
    unit: str,
    numerators: Sequence[float | None],
    denominators: Sequence[float | None],
    below: int | None = None,
) -> list[bool]:
    """Which groups of one breakdown to show as 'c'. A count is judged by its numerator; a percentage or rate by
    its numerator and denominator; an average by the children it averages over (its denominator)."""
    below = threshold() if below is None else below
    hidden = []
    for numerator, denominator in zip(numerators, denominators, strict=True):
        if unit == "count":
            small = _small(numerator, below)
        elif unit in {"average", "average_days"}:
            small = _small(denominator, below)
        else:
            small = _small(numerator, below) or _small(denominator, below)
        hidden.append(small)
    # Secondary suppression: while exactly one group is hidden, hide the smallest other group that has children.
    size = [(n if unit == "count" else d) or 0 for n, d in zip(numerators, denominators, strict=True)]
    while sum(hidden) == 1:
        others = [i for i, h in enumerate(hidden) if not h and size[i] > 0]
        if not others:
            break
        hidden[min(others, key=lambda i: (size[i], i))] = True
    return hidden
