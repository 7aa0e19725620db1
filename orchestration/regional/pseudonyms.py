"""How a child's details are made fit to share with the region: a keyed pseudonym for the id, the month of birth
for the date of birth, the postcode district for a postcode.

The pseudonym is HMAC-SHA256 of the authority's code and the child's id under the authority's own secret key: the
same child gets the same pseudonym every month, nobody without the key can recompute it from a list of ids (a
plain or salted hash of a six-digit id can be reversed by trying every id), and two authorities with different
keys never produce the same pseudonym. The key comes from the authority's configuration or environment and is
never written with the data.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from pathlib import Path

import pandas as pd

MINIMUM_KEY_LENGTH = 32  # characters; a short key could be guessed and every pseudonym reversed


class ShareKeyMissing(RuntimeError):
    """The authority has no pseudonymisation key configured."""


def share_key() -> bytes:
    """The authority's key: CLA_SHARE_KEY, or the file named by CLA_SHARE_KEY_FILE (kept outside the data folder)."""
    key = os.environ.get("CLA_SHARE_KEY", "")
    if not key and os.environ.get("CLA_SHARE_KEY_FILE"):
        key = Path(os.environ["CLA_SHARE_KEY_FILE"]).read_text(encoding="utf-8").strip()
    if not key:
        raise ShareKeyMissing(
            "no pseudonymisation key: set CLA_SHARE_KEY (or CLA_SHARE_KEY_FILE, a file holding it) to a secret of "
            f"at least {MINIMUM_KEY_LENGTH} characters that only this authority holds, e.g. `openssl rand -hex 32`"
        )
    if len(key) < MINIMUM_KEY_LENGTH:
        raise ShareKeyMissing(f"the pseudonymisation key is too short: at least {MINIMUM_KEY_LENGTH} characters")
    return key.encode("utf-8")


def pseudonym(key: bytes, la_code: str, identifier: str) -> str:
    return hmac.new(key, f"{la_code}:{identifier}".encode(), hashlib.sha256).hexdigest()


def pseudonymise(ids: pd.Series, key: bytes, la_code: str) -> pd.Series:
    """Each id's pseudonym (blank stays blank); computed once per distinct id."""
    distinct = ids.dropna().astype(str).unique()
    mapping = {i: pseudonym(key, la_code, i) for i in distinct}
    return ids.map(lambda i: mapping.get(str(i)) if pd.notna(i) else None)


def birth_month(dates: pd.Series) -> pd.Series:
    """yyyy-mm: enough for ages in years and months, not the day a child was born."""
    parsed = pd.to_datetime(dates, errors="coerce")
    return parsed.dt.strftime("%Y-%m").where(parsed.notna(), None)


_OUTWARD = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*[0-9][A-Z]{2}$")


def postcode_district(postcodes: pd.Series) -> pd.Series:
    """The outward code (ME14 of ME14 1XX): a district of some 10,000 addresses, not a street. Anything that is not a
    full postcode becomes blank rather than pass through."""

    def outward(value) -> str | None:
        if not isinstance(value, str):
            return None
        match = _OUTWARD.match(value.strip().upper())
        return match.group(1) if match else None

    return postcodes.map(outward)
