"""The loader's per-document speed against a bare jieba pass, in one process, on CPU time.

`process_document` over synthetic documents (and, with --corpus, over the text documents of a folder),
then one `jieba.lcut` pass over the same cleaned texts in the same process right after: on a shared
machine both see the same contention, so their ratio is steadier than the whole benchmark's (which adds
process start-up, the pool and the Parquet writing of the main process). Only totals are printed.

    .venv/bin/python -m benchmarks.loader_cpu --synthetic 300 --corpus data/corpus
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".html", ".htm")


def measure(datas: list[tuple[bytes, str]]) -> dict:
    import jieba

    from loaders.pipeline import process_document

    jieba.setLogLevel(60)
    jieba.initialize()
    process_document("某市2025年PM2.5浓度下降到30微克/立方米。\n".encode(), "warm-up.txt")  # first use is no per-document cost
    texts = []
    start = time.process_time()
    for data, name in datas:
        res = process_document(data, name)
        texts.append(res.document["text"] if res.document else "")
    loader = time.process_time() - start
    start = time.process_time()
    for text in texts:
        jieba.lcut(text)
    bare = time.process_time() - start
    chars = sum(map(len, texts))
    return {"documents": len(datas), "chars": chars, "loader_cpu_s": loader, "jieba_cpu_s": bare,
            "ratio": bare / loader if loader else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=int, default=300, help="synthetic documents (0: none)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, help="also the text documents of this folder (PDF and Word left out)")
    args = parser.parse_args()
    runs = []
    if args.synthetic:
        from benchmarks.synthetic import CorpusGenerator, load_regions, load_samples

        gen = CorpusGenerator(load_samples(), load_regions(), args.seed)
        runs.append((f"{args.synthetic} synthetic documents", [(d.data, d.name) for d in gen.documents(args.synthetic)]))
    if args.corpus:
        files = sorted(p for p in args.corpus.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES)
        runs.append((f"text documents of {args.corpus}", [(p.read_bytes(), p.name) for p in files]))
    for label, datas in runs:
        r = measure(datas)
        print(f"{label}: {r['documents']} documents, {r['chars']:,} characters; loader {r['loader_cpu_s']:.2f} CPU s, "
              f"bare jieba {r['jieba_cpu_s']:.2f} CPU s: loader = {r['ratio']:.2f}x jieba per core")


if __name__ == "__main__":
    main()
