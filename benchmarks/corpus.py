"""The real corpus timed (issue 12):  python -m benchmarks.run --corpus-only   (a few minutes)

Times the loader and `dbt build` on data/corpus (121 public documents, 31 of them PDF) as they are:
  - `envwh load data/corpus --full` with W workers: documents/s, characters/s (wall and per CPU second),
    peak RSS of the process tree;
  - the same on data/corpus/pdf alone: PDF pages per CPU second (= per core);
  - one bare jieba.lcut pass over the loaded text (the yardstick of the synthetic benchmark);
  - `dbt build` of the loaded corpus: wall, CPU, peak RSS.
Nothing is excluded, for timing is not tuning; only totals are read from the loader's output (no row of any
document is printed or looked at), so the held-out documents stay unseen. The figures replace the block
between the corpus markers of benchmarks/RESULTS.md; the rest of the file is kept.
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.stages import dbt_command, dbt_env, loader_command, run_measured
from benchmarks.synthetic import OUT_ROOT, REPO

CORPUS = REPO / "data" / "corpus"
BEGIN, END = "<!-- corpus: rewritten by python -m benchmarks.run --corpus-only -->", "<!-- /corpus -->"


def _totals(raw: Path) -> dict:
    """Documents, characters, PDF pages and measures of a load: sums only, never a document's rows."""
    import duckdb

    con = duckdb.connect()
    try:
        docs, chars, pdfs, pages = con.execute(
            "select count(*), sum(n_chars), count(*) filter (source_format = 'pdf'), "
            "coalesce(sum(pages) filter (source_format = 'pdf'), 0) from read_parquet(?)",
            [str(raw / "raw_documents*.parquet")]).fetchone()
        measures = con.execute("select count(*) from read_parquet(?)",
                               [str(raw / "raw_measures*.parquet")]).fetchone()[0]
        failed = con.execute("select count(*) filter (severity = 'error') from read_parquet(?)",
                             [str(raw / "raw_load_errors.parquet")]).fetchone()[0]
    finally:
        con.close()
    return {"documents": docs, "chars": int(chars or 0), "pdfs": pdfs, "pages": int(pages), "measures": measures,
            "files_failed": failed}


def _jieba_rate(raw: Path) -> dict:
    """Characters per second of one bare jieba.lcut pass over the loaded text (initialised before timing)."""
    import duckdb
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    con = duckdb.connect()
    try:
        texts = [t for (t,) in con.execute("select text from read_parquet(?) where text is not null",
                                           [str(raw / "raw_documents*.parquet")]).fetchall()]
    finally:
        con.close()
    w0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        jieba.lcut(text)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    chars = sum(map(len, texts))
    return {"chars": chars, "wall_s": wall, "cpu_s": cpu, "chars_per_s": chars / wall, "chars_per_cpu_s": chars / cpu}


def run_corpus(workers: int, skip_dbt: bool = False, folder: Path = CORPUS) -> dict:
    work = OUT_ROOT / "corpus"
    res: dict = {"started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "workers": workers,
                 "load_avg_start": os.getloadavg()}
    for name, docs in (("all", folder), ("pdf", folder / "pdf")):
        raw = work / f"raw_{name}"
        cmd = loader_command(docs, raw, workers)
        print(f"   corpus loader ({name}, {workers} workers) ...", flush=True)
        stats = run_measured(cmd, work / f"load_{name}.log")
        res[f"load_{name}"] = {**asdict(stats), "log": stats.log[-600:] if stats.returncode else ""}
        res[f"totals_{name}"] = _totals(raw) if (raw / "raw_documents.parquet").exists() else {}
    print("   jieba on the corpus text ...", flush=True)
    res["jieba"] = _jieba_rate(work / "raw_all")
    if not skip_dbt:
        db = work / "warehouse.duckdb"
        for path in (db, db.with_name(db.name + ".wal")):
            path.unlink(missing_ok=True)
        print("   corpus dbt build ...", flush=True)
        stats = run_measured(dbt_command(work), work / "dbt.log", env=dbt_env(work / "raw_all", db))
        res["dbt"] = {**asdict(stats), "log": stats.log[-600:] if stats.returncode else ""}
    res["load_avg_end"] = os.getloadavg()
    return res


def _f(x: float | None, spec: str = ",.0f") -> str:
    return "—" if x is None else format(x, spec)


def corpus_markdown(res: dict, mach: dict) -> str:
    la, lp, t, tp, jb = res["load_all"], res["load_pdf"], res["totals_all"], res["totals_pdf"], res["jieba"]
    w = res["workers"]
    dbt = res.get("dbt")
    rows = [
        ["documents loaded (files failed)", f"{t['documents']} ({t['files_failed']})"],
        ["characters (cleaned text)", _f(t["chars"])],
        ["measures", _f(t["measures"])],
        ["load: wall s / CPU s", f"{la['wall_s']:.1f} / {la['cpu_s']:.1f}"],
        ["documents/s (wall)", _f(t["documents"] / la["wall_s"], ".2f")],
        ["documents per CPU s (= per core)", _f(t["documents"] / la["cpu_s"], ".2f")],
        ["characters/s (wall)", _f(t["chars"] / la["wall_s"])],
        ["characters per CPU s (= per core)", _f(t["chars"] / la["cpu_s"])],
        ["× bare jieba per core (CPU s)", _f(t["chars"] / la["cpu_s"] / jb["chars_per_cpu_s"], ".2f")],
        ["× bare jieba per core (wall, per worker)", _f(t["chars"] / la["wall_s"] / w / jb["chars_per_s"], ".2f")],
        ["load peak RSS (process tree)", f"{la['peak_tree_rss'] / 2**20:,.0f} MiB"],
        [f"PDFs alone: {tp.get('pdfs', 0)} files, {tp.get('pages', 0):,} pages; wall s / CPU s",
         f"{lp['wall_s']:.1f} / {lp['cpu_s']:.1f}"],
        ["PDF pages per CPU s (= per core)", _f(tp.get("pages", 0) / lp["cpu_s"], ".1f")],
        ["PDF pages/s (wall, per worker)", _f(tp.get("pages", 0) / lp["wall_s"] / w, ".1f")],
        ["bare jieba on the same text: chars per CPU s", _f(jb["chars_per_cpu_s"])],
    ]
    text_chars, text_cpu = t["chars"] - tp.get("chars", 0), la["cpu_s"] - lp["cpu_s"]
    if text_cpu > 0:  # the PDFs' reading dominates the whole; the text documents' own rate, by difference
        rows.insert(9, [f"text documents alone ({t['documents'] - tp.get('pdfs', 0)}; whole load − PDF load): "
                        "chars per CPU s, × bare jieba",
                        f"{text_chars / text_cpu:,.0f}, {text_chars / text_cpu / jb['chars_per_cpu_s']:.2f}×"])
    if dbt:
        rows += [["dbt build: wall s / CPU s (exit code)", f"{dbt['wall_s']:.1f} / {dbt['cpu_s']:.1f} "
                  f"({dbt['returncode']})"],
                 ["dbt build peak RSS", f"{dbt['peak_tree_rss'] / 2**20:,.0f} MiB"]]
    others = max(la["others_cores"], lp["others_cores"], (dbt or {}).get("others_cores", 0.0))
    md = [BEGIN, "", "## Real corpus (issue 12)", "",
          f"`python -m benchmarks.run --corpus-only` — {res['started']}; `data/corpus` as it is (nothing excluded: "
          f"timing is not tuning; only totals are read), loader `envwh load … --workers {w} --full`, "
          f"then the same on `data/corpus/pdf` alone for pages/s, then `dbt build` of the whole corpus.", "",
          f"Machine: {mach['cpu']}, {mach['cores']} cores, {mach['ram_gib']} GiB. **Shared and loaded**: load "
          f"average {' '.join(f'{x:.2f}' for x in res['load_avg_start'])} at the start, "
          f"{' '.join(f'{x:.2f}' for x in res['load_avg_end'])} at the end; other work kept up to "
          f"{others:.2f} of {mach['cores']} cores busy meanwhile. Wall figures are pessimistic; the per-CPU-second "
          "figures (= per core) are the ones to compare.", "",
          "| figure | value |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)]
    for key in ("load_all", "load_pdf", "dbt"):
        if res.get(key) and res[key]["returncode"]:
            md += ["", f"**{key} exited with {res[key]['returncode']}**: `{res[key]['log'][-300:].strip()}`"]
    return "\n".join(md + ["", END])


def write_block(results_md: Path, block: str) -> None:
    """Replace the corpus block of RESULTS.md (or insert it before the notes), keeping everything else."""
    text = results_md.read_text(encoding="utf-8") if results_md.exists() else "# Benchmark results\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    elif "## Notes" in text:
        text = text.replace("## Notes", block + "\n\n## Notes", 1)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    results_md.write_text(text, encoding="utf-8")


def kept_block(results_md: Path) -> str:
    """The corpus block of RESULTS.md, for the synthetic benchmark to keep when it rewrites the file."""
    text = results_md.read_text(encoding="utf-8") if results_md.exists() else ""
    if BEGIN in text and END in text:
        return BEGIN + text.split(BEGIN, 1)[1].split(END, 1)[0] + END
    return ""
