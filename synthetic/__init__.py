"""Synthetic extracts for the warehouse: children's lives simulated, written as the source systems would."""

from synthetic.generate import generate

__all__ = ["generate"]
