"""Publishing an export folder atomically: write everything to a temporary folder, then rename it into place.

A reader never sees half an export; a folder already published under the same name is moved to `archive/`
with a timestamp rather than overwritten.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path


def publish_folder(target: Path, write: Callable[[Path], None]) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        write(staging)
    except Exception:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if target.exists():
        archive_folder(target)
    staging.rename(target)
    return target


def archive_folder(folder: Path) -> Path:
    """Move a published folder to archive/ beside it, stamped with the time it was superseded."""
    archived = folder.parent / "archive" / f"{folder.name}-{datetime.now():%Y%m%dT%H%M%S%f}"
    archived.parent.mkdir(exist_ok=True)
    folder.rename(archived)
    return archived
