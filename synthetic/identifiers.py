"""Identifiers: case-system child ids, Unique Pupil Numbers and NHS numbers with valid check characters."""

from __future__ import annotations

import numpy as np

# DfE UPN check-letter table: 23 letters, I, O and S left out.
UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_check_letter(body: str) -> str:
    """The DfE check letter for the 12 characters after it (weights 2..13 by position, mod 23)."""
    if len(body) != 12 or not body.isdigit():
        raise ValueError("a permanent UPN body is 12 digits")
    total = sum(int(ch) * weight for weight, ch in enumerate(body, start=2))
    return UPN_CHECK_LETTERS[total % 23]


def is_valid_upn(upn: str) -> bool:
    return len(upn) == 13 and upn[0] in UPN_CHECK_LETTERS and upn[1:].isdigit() and upn_check_letter(upn[1:]) == upn[0]


def make_upns(rng: np.random.Generator, la_codes: np.ndarray, entry_years: np.ndarray) -> list[str]:
    """Distinct UPNs laid out as DfE allocates them: LA (3), establishment (4), year (2), serial (3)."""
    n = len(la_codes)
    estab = rng.integers(2000, 5500, n)
    serial = rng.integers(0, 1000, n)
    seen: set[str] = set()
    out: list[str] = []
    for i in range(n):
        body = f"{la_codes[i]}{estab[i]:04d}{int(entry_years[i]) % 100:02d}{serial[i]:03d}"
        while body in seen:  # collisions are rare; bump the serial until unique
            body = body[:9] + f"{(int(body[9:]) + 1) % 1000:03d}"
        seen.add(body)
        out.append(upn_check_letter(body) + body)
    return out


def nhs_check_digit(nine: str) -> int | None:
    """Modulus 11 check digit (weights 10..2); None where the number cannot be issued (remainder gives 10)."""
    total = sum(int(ch) * weight for ch, weight in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def is_valid_nhs_number(number: str) -> bool:
    if len(number) != 10 or not number.isdigit():
        return False
    check = nhs_check_digit(number[:9])
    return check is not None and check == int(number[9])


def make_nhs_numbers(rng: np.random.Generator, n: int) -> list[str]:
    """Distinct valid NHS numbers in the ranges England issues (400-499 and 600-799 million)."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        need = (n - len(out)) * 2 + 16
        firsts = rng.choice(np.array([4, 6, 7]), need)
        rests = rng.integers(0, 100_000_000, need)
        for first, rest in zip(firsts, rests, strict=True):
            nine = f"{first}{rest:08d}"
            check = nhs_check_digit(nine)
            if check is None or nine in seen:
                continue
            seen.add(nine)
            out.append(nine + str(check))
            if len(out) == n:
                break
    return out


def make_child_ids(rng: np.random.Generator, n: int, first: int = 100_000) -> list[str]:
    """Increasing digit-string ids with gaps (the case system numbers every referral, not only children in care)."""
    gaps = rng.integers(1, 6, n)
    return [str(v) for v in first + np.cumsum(gaps)]
