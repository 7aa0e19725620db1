"""The Ofsted provider register (the URN rules' reference), read as text: what `cla validate-903 --providers` and
the return's asset (data/landing/reference/ofsted_providers.csv) both read. No Dagster here, so the command line
does not import it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from orchestration.ingest.reading import FileProblem, decode

if TYPE_CHECKING:
    import pandas as pd


class ProviderRegisterProblem(ValueError):
    """The register cannot be read; the message names the file and what to do."""


def read_providers(path: Path) -> pd.DataFrame:
    import pandas as pd

    try:
        text, _ = decode(path.read_bytes())
        return pd.read_csv(io.StringIO(text), dtype=str)
    except (FileProblem, ValueError, pd.errors.ParserError) as error:
        raise ProviderRegisterProblem(
            f"the Ofsted provider register {path} cannot be read: {error}; save it again as CSV UTF-8"
        ) from None
