"""Rendering outputs as a reader sees them, for tests: a PDF page to an image (poppler's pdftoppm) and to text
(pdftotext), and a workbook to PDF (LibreOffice, headless, as an analyst's converter would). `make test`
installs poppler-utils and libreoffice-calc-nogui as root when they are missing; without them these tests fail
saying so."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

TOOLS = {"pdftoppm": "poppler-utils", "pdftotext": "poppler-utils", "pdfinfo": "poppler-utils"}


def need(tool: str) -> str:
    found = shutil.which(tool) or (shutil.which("soffice") if tool == "soffice" else None)
    if not found:
        package = TOOLS.get(tool, "libreoffice-calc-nogui")
        pytest.fail(f"{tool} is not installed: `make test` installs it as root (apt-get install {package})")
    return found


@dataclass(frozen=True)
class Image:
    width: int
    height: int
    pixels: bytes  # RGB, row by row

    def count(self, rgb: tuple[int, int, int], tolerance: int = 12) -> int:
        """How many pixels are within `tolerance` of the colour in each channel."""
        data = self.pixels
        return sum(1 for i in range(0, len(data), 3) if all(abs(data[i + k] - rgb[k]) <= tolerance for k in range(3)))


def page_image(pdf: Path, page: int, out: Path, dpi: int = 60) -> Image:
    """Page `page` (1-based) as an image; the PNG is kept beside (`out`.png) for a person to look at."""
    pdftoppm = need("pdftoppm")
    pages = ["-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile"]
    subprocess.run([pdftoppm, *pages, "-png", pdf, out], check=True)
    subprocess.run([pdftoppm, *pages, pdf, out], check=True)  # PPM: a format a test reads without an imaging library
    data = out.with_suffix(".ppm").read_bytes()
    header, rest = _ppm_header(data)
    width, height = header
    return Image(width, height, rest[: width * height * 3])


def _ppm_header(data: bytes) -> tuple[tuple[int, int], bytes]:
    fields, position = [], 0
    while len(fields) < 4:  # P6, width, height, maximum value
        while data[position : position + 1].isspace():
            position += 1
        start = position
        while not data[position : position + 1].isspace():
            position += 1
        fields.append(data[start:position])
    assert fields[0] == b"P6" and fields[3] == b"255", fields
    return (int(fields[1]), int(fields[2])), data[position + 1 :]


def page_text(pdf: Path, page: int) -> str:
    done = subprocess.run(
        [need("pdftotext"), "-layout", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True, text=True
    )
    return done.stdout


def pdf_info(pdf: Path) -> dict[str, str]:
    done = subprocess.run([need("pdfinfo"), pdf], capture_output=True, text=True, check=True)
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in done.stdout.splitlines())}


def workbook_pdf(xlsx: Path, folder: Path) -> Path:
    """The workbook as LibreOffice prints it (its own profile, so runs do not share one)."""
    soffice = need("soffice")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / xlsx.with_suffix(".pdf").name
