"""PDF reading speed and fidelity on the corpus PDFs: the chosen reader against pdfplumber alone.

    .venv/bin/python -m benchmarks.pdf_speed [--plumber-files N] [FOLDER]
    .venv/bin/python -m benchmarks.pdf_speed --ocr N    # OCR speed on an N-page generated scan instead

A = loaders.pdf.read_pdf: pypdfium2 text layer, pdfplumber tables on ruled pages only (the loader).
B = pdfplumber alone: extract_text and find_tables on every page.
Pages/s are per core (CPU time of this one process). Documents of a held-out gold batch still closed are
skipped (heldout(): the batches not in OPEN_BATCHES), so nothing is read from them.
--ocr: read_pdf(ocr_scans=True) on generated scanned pages (dense prose and a table drawn in a CJK font,
tests/documents_factory.py); CPU time includes tesseract's (a child process, one thread).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import sys
import time
from pathlib import Path

from loaders import pdf

ROOT = Path(__file__).resolve().parents[1]
_SPACED_CJK = re.compile(r"[\u4e00-\u9fff] +[\u4e00-\u9fff\d]|\d +[\u4e00-\u9fff]")


OPEN_BATCHES = ("heldout", "heldout2")  # held-out gold batches opened for tuning since


def heldout() -> set[str]:
    """Files of held-out gold batches still closed (any batch folder not in OPEN_BATCHES)."""
    closed = set()
    for path in (ROOT / "tests/gold/corpus").glob("*/documents.csv"):
        if path.parent.name in OPEN_BATCHES:
            continue
        with open(path, encoding="utf-8") as fh:
            closed |= {Path(r["doc_file"]).name for r in csv.DictReader(fh) if r["set"] == "heldout"}
    return closed


def reader_a(data: bytes) -> tuple[int, str, int]:
    doc = pdf.read_pdf(data)
    return doc.pages or 0, doc.text, len(doc.tables)


def reader_b(data: bytes) -> tuple[int, str, int]:
    import pdfplumber

    texts, n_tables = [], 0
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            texts.append(page.extract_text() or "")
            n_tables += sum(1 for t in page.find_tables() if len(t.rows) >= 2)
        return len(doc.pages), "\n".join(texts), n_tables


def measure(reader, files: list[Path]) -> dict:
    pages = chars = tables = spaced = cid = 0
    cpu = time.process_time()
    for path in files:
        n, text, n_tables = reader(path.read_bytes())
        pages += n
        chars += len(text)
        tables += n_tables
        spaced += len(_SPACED_CJK.findall(text))
        cid += text.count("(cid:")
    cpu = time.process_time() - cpu
    return {"files": len(files), "pages": pages, "cpu_s": round(cpu, 1), "pages_per_s": round(pages / cpu, 1),
            "chars": chars, "tables": tables, "spaces_by_cjk": spaced, "cid_glyphs": cid}


_PROSE = ("到2025年，全市细颗粒物平均浓度控制在37微克/立方米以内，空气质量优良天数比率达到85%以上。"
          "深入推进工业炉窑和锅炉综合治理，完成钢铁企业超低排放改造，淘汰燃煤小锅炉42台。"
          "加强饮用水水源地保护，县级以上集中式饮用水水源水质达标率保持100%。"
          "推进城镇污水处理提质增效，新建改造污水管网120公里，城市生活污水集中收集率达到70%。"
          "强化土壤污染源头防控，受污染耕地安全利用率达到93%左右，重点建设用地安全利用得到有效保障。"
          "持续开展国土绿化行动，完成营造林8.5万亩，森林覆盖率稳定在31%以上。")


def _scan(n_pages: int) -> bytes:
    """n_pages scanned pages laid out as official documents are (GB/T 9704: 16 pt, 28 characters a line;
    here 20 lines of prose and a three-row table): no text layer."""
    sys.path.insert(0, str(ROOT / "tests"))
    from documents_factory import SCAN_DPI, SCAN_TABLE, page_image

    text = _PROSE * 2
    lines = [text[k : k + 28] for k in range(0, 28 * 20, 28)]
    images = [page_image(lines, SCAN_TABLE, size=15) for _ in range(n_pages)]
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=SCAN_DPI, save_all=True, append_images=images[1:])
    return buf.getvalue()


def measure_ocr(n_pages: int) -> dict:
    data = _scan(n_pages)
    before = os.times()
    wall = time.perf_counter()
    doc = pdf.read_pdf(data, "scan.pdf", ocr_scans=True)
    wall = time.perf_counter() - wall
    after = os.times()
    cpu = sum(after[:4]) - sum(before[:4])  # this process and its children (tesseract)
    return {"pages": n_pages, "cpu_s": round(cpu, 1), "pages_per_cpu_s": round(n_pages / cpu, 2),
            "wall_s": round(wall, 1), "chars": len(doc.text), "tables": len(doc.tables), "ocr_spans": len(doc.ocr_spans)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(ROOT / "data/corpus/pdf"))
    ap.add_argument("--plumber-files", type=int, default=6, help="files read by pdfplumber alone (slow)")
    ap.add_argument("--ocr", type=int, default=0, metavar="N", help="only: OCR speed on an N-page generated scan")
    args = ap.parse_args()
    if args.ocr:
        print("OCR (tesseract chi_sim, 300 dpi, one thread):", measure_ocr(args.ocr))
        return
    skip = heldout()
    files = sorted(p for p in Path(args.folder).glob("*.pdf") if p.name not in skip)
    a = measure(reader_a, files)
    print("A pypdfium2 text + pdfplumber tables on ruled pages:", a)
    sample = files[: args.plumber_files]
    print("A on the same files as B:", measure(reader_a, sample))
    print("B pdfplumber alone:", measure(reader_b, sample))


if __name__ == "__main__":
    main()
