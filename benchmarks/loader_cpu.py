"""The loader's per-document speed against a bare jieba pass, in one process, on CPU time.

`process_document` over synthetic documents (and, with --corpus, over the text documents of a folder),
then one `jieba.lcut` pass over the same cleaned texts in the same process right after: on a shared
machine both see the same contention, so their ratio is steadier than the whole benchmark's (which adds
process start-up, the pool and the Parquet writing of the main process). Only totals are printed.

    .venv/bin/python -m benchmarks.loader_cpu --synthetic 300 --corpus data/corpus
    .venv/bin/python -m benchmarks.loader_cpu --corpus data/corpus --time domains.classify_measure semantics.measure_semantics

--time MODULE.FUNCTION… also prints the CPU seconds spent inside each of these functions of `loaders`
(wrapped with a process_time counter; a stage called through its module's attribute, as the pipeline calls
them, is counted).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".html", ".htm")


def time_functions(names: list[str]) -> dict[str, float]:
    """Wrap each loaders MODULE.FUNCTION with a CPU counter; the counters, reset by the caller per run."""
    import importlib

    spent = dict.fromkeys(names, 0.0)
    for name in names:
        module_name, function_name = name.rsplit(".", 1)
        module = importlib.import_module(f"loaders.{module_name}")
        function = getattr(module, function_name)

        def timed(*args, _function=function, _name=name, **kwargs):
            start = time.process_time()
            try:
                return _function(*args, **kwargs)
            finally:
                spent[_name] += time.process_time() - start

        setattr(module, function_name, timed)
    return spent


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
    parser.add_argument("--time", nargs="*", default=[], metavar="MODULE.FUNCTION",
                        help="also the CPU seconds inside these functions of loaders (e.g. domains.classify_measure)")
    args = parser.parse_args()
    spent = time_functions(args.time)
    runs = []
    if args.synthetic:
        from benchmarks.synthetic import CorpusGenerator, load_regions, load_samples

        gen = CorpusGenerator(load_samples(), load_regions(), args.seed)
        runs.append((f"{args.synthetic} synthetic documents", [(d.data, d.name) for d in gen.documents(args.synthetic)]))
    if args.corpus:
        files = sorted(p for p in args.corpus.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES)
        runs.append((f"text documents of {args.corpus}", [(p.read_bytes(), p.name) for p in files]))
    for label, datas in runs:
        for name in spent:
            spent[name] = 0.0
        r = measure(datas)
        print(f"{label}: {r['documents']} documents, {r['chars']:,} characters; loader {r['loader_cpu_s']:.2f} CPU s, "
              f"bare jieba {r['jieba_cpu_s']:.2f} CPU s: loader = {r['ratio']:.2f}x jieba per core")
        for name, seconds in spent.items():
            print(f"  inside {name}: {seconds:.3f} CPU s")


if __name__ == "__main__":
    main()
