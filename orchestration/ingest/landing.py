"""The landing folder: which files belong to which extract entity.

`data/landing/<source>/<entity>.csv` (or .xlsx); any further files for the same entity may carry a suffix,
such as `placements_2026-10.csv` or `placements_part2.xlsx`, and are loaded together.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from orchestration.ingest.reading import EXTENSIONS
from schemas.contracts import sources

DECLARATION = "data_up_to.txt"  # a source's own word on how far its data reaches (orchestration/ingest/sources.py)


def entity_for_file(source: str, path: Path) -> str | None:
    """The entity a file belongs to: the longest entity name its name starts with (`children_part2` is
    `children`; `other_la_children` is not)."""
    stem = path.stem.lower()
    matches = [
        c.entity
        for c in sources().get(source, [])
        if stem == c.entity or re.match(re.escape(c.entity) + r"[^a-z0-9]", stem)
    ]
    return max(matches, key=len) if matches else None


def files_for(landing_dir: Path, source: str, entity: str) -> list[Path]:
    folder = landing_dir / source
    if not folder.is_dir():
        return []
    # Folders and links named like an extract are returned too, so that reading reports them by name.
    return sorted(
        p
        for p in folder.iterdir()
        if not p.name.startswith(".") and p.suffix.lower() in EXTENSIONS and entity_for_file(source, p) == entity
    )


def unrecognised_files(landing_dir: Path, source: str) -> list[Path]:
    """Files in a source's folder that no contract claims, so they can be reported rather than ignored."""
    folder = landing_dir / source
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and p.name != DECLARATION
        and (p.suffix.lower() not in EXTENSIONS or entity_for_file(source, p) is None)
    )


def content_hash(path: Path) -> str:
    """SHA-256 of a file's bytes; empty for a link or a folder, which are reported, never read."""
    if path.is_symlink() or not path.is_file():
        return ""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
