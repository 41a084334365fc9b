"""Office-test plumbing: LibreOffice (headless) turns DOCX and XLSX into PDF, poppler's pdftotext reads it back.

Both come from the system (`apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils`).
soffice is slow to start, so every file is converted in one call.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

INSTALL_HINT = "install them with `sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils`"


def office_tools() -> tuple[str, str, str] | None:
    """soffice, pdftotext and pdfinfo, or None on a machine without them."""
    found = [shutil.which(name) for name in ("soffice", "pdftotext", "pdfinfo")]
    if not all(found):
        return None
    return found[0] or "", found[1] or "", found[2] or ""


def to_pdf(files: list[Path], folder: Path) -> dict[Path, Path]:
    """Each file converted to PDF by LibreOffice, in one run; file → its PDF (names must differ by stem)."""
    tools = office_tools()
    assert tools is not None, INSTALL_HINT
    stems = [file.stem for file in files]
    assert len(set(stems)) == len(stems), "LibreOffice names each PDF after its file's stem"
    profile = folder / "profile"
    command = [tools[0], f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(folder), *map(str, files)], check=True, capture_output=True, timeout=300)
    pdfs = {file: folder / f"{file.stem}.pdf" for file in files}
    missing = [str(file) for file, pdf in pdfs.items() if not pdf.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return pdfs


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, laid out as printed (`pdftotext -layout`)."""
    tools = office_tools()
    assert tools is not None, INSTALL_HINT
    text = subprocess.run([tools[1], "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page."""
    tools = office_tools()
    assert tools is not None, INSTALL_HINT
    info = subprocess.run(
        [tools[2], "-f", "1", "-l", "9999", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    sizes = []
    for line in info.splitlines():
        if line.startswith("Page") and "size:" in line:
            numbers = line.split("size:")[1].split()
            sizes.append((float(numbers[0]), float(numbers[2])))
    return sizes


def pdf_info(pdf: Path) -> dict[str, str]:
    """pdfinfo's fields for the document (Title, Pages, Tagged, Page size of the first page…)."""
    tools = office_tools()
    assert tools is not None, INSTALL_HINT
    info = subprocess.run([tools[2], str(pdf)], check=True, capture_output=True, text=True).stdout
    return {name.strip(): value.strip() for name, _, value in (line.partition(":") for line in info.splitlines())}
