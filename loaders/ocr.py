"""OCR of scanned PDF pages (`envwh load --ocr`): page images -> a PDF text layer, by tesseract.

tesseract (Apache-2.0) with its simplified-Chinese model (Debian: tesseract-ocr tesseract-ocr-chi-sim;
`make ocr` installs both) is called as a program, so no Python binding is needed. It writes a text-only
PDF page for each image, with every word placed where the scan prints it: loaders/pdf.py puts those
pages in place of the scanned ones and reads the document as any PDF with an OCR text layer (prose,
running headers, tables found from word positions).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from loaders.errors import LoadError

LANGUAGE = "chi_sim"
DPI = 300  # tesseract's models are trained on print scanned at about 300 dpi
TIMEOUT_PER_PAGE = 120  # seconds: a stuck tesseract must not stall the load
HOW_TO_INSTALL = "`make ocr` installs tesseract and its chi_sim model (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"


@functools.cache
def tesseract_version() -> str | None:
    """'tesseract 5.3.0' when tesseract and its chi_sim model are installed, else None."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
        version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if LANGUAGE not in (langs.stdout + langs.stderr).split():
        return None
    first = (version.stdout or version.stderr).splitlines()
    return first[0].strip() if first else "tesseract"


def pages_to_pdf(images: list, name: str) -> bytes:
    """PIL images of pages (rendered at DPI) -> bytes of a PDF with one text-only page per image."""
    if tesseract_version() is None:
        raise LoadError("needs_ocr", f"{name}: the PDF holds scanned pages and --ocr was given, but tesseract or its "
                        f"{LANGUAGE} model is not installed: {HOW_TO_INSTALL}")
    with tempfile.TemporaryDirectory(prefix="envwh-ocr-") as tmp:
        listing = Path(tmp) / "pages.txt"
        paths: list[str] = []
        for i, image in enumerate(images):
            path = Path(tmp) / f"page{i:05d}.png"
            image.save(path, dpi=(DPI, DPI))
            paths.append(str(path))
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        out = Path(tmp) / "ocr"
        # one thread: the loader already runs one worker process per core
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        cmd = [shutil.which("tesseract") or "tesseract", str(listing), str(out), "-l", LANGUAGE, "--dpi", str(DPI),
               "-c", "textonly_pdf=1", "pdf"]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=TIMEOUT_PER_PAGE * len(paths))
        except subprocess.TimeoutExpired:
            raise LoadError("ocr_failed", f"{name}: tesseract took over {TIMEOUT_PER_PAGE} s a page; the scan was not read") from None
        pdf = out.with_suffix(".pdf")
        if run.returncode != 0 or not pdf.exists():
            tail = " ".join((run.stderr or "").split()[-30:])
            raise LoadError("ocr_failed", f"{name}: tesseract failed (exit {run.returncode}: {tail}); the scan was not read")
        return pdf.read_bytes()
