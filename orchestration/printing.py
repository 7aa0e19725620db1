"""HTML to PDF with Chromium's own print engine (headless, no network), for reports handed over as paper.

The page size, margins and page breaks come from the HTML's print styles (`@page`), so the PDF is what a person
printing the HTML would get. Chromium stamps the time of printing into the PDF; it is replaced by a fixed time,
so the same HTML gives the same PDF and a rerun over the same warehouse gives byte-identical files.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
]
PRINT_SECONDS = 300
# Skia writes both as (D:yyyymmddhhmmss+hh'mm'); the replacement has the same length, so offsets stay right.
_PDF_TIMES = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[+-]\d{2}'\d{2}'\)")


class PrintError(RuntimeError):
    pass


def find_chromium() -> str | None:
    """CLA_CHROMIUM, else chromium (Debian's) or google-chrome on the PATH."""
    found = os.environ.get("CLA_CHROMIUM") or shutil.which("chromium") or shutil.which("google-chrome")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    return found


def print_pdf(html: Path, pdf: Path, chromium: str | None = None) -> Path:
    """Print `html` (a self-contained file) to `pdf`."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise PrintError("no Chromium to print the PDF with: install chromium, or point CLA_CHROMIUM at one")
    with tempfile.TemporaryDirectory(prefix="cla-print-") as profile:
        done = subprocess.run(
            [
                chromium,
                *CHROMIUM_ARGS,
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                html.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=PRINT_SECONDS,
            check=False,
        )
    if done.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        raise PrintError(f"Chromium could not print {html.name} to PDF ({done.returncode}): {done.stderr[-500:]}")
    pdf.write_bytes(_PDF_TIMES.sub(lambda m: b"/" + m[1] + b" (D:20000101000000+00'00')", pdf.read_bytes()))
    return pdf
