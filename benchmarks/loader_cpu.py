"""The loader's per-document speed against a bare jieba pass, in one process, on CPU time.

`process_document` over synthetic documents (and, with --corpus, over the text documents of a folder),
then one `jieba.lcut` pass over the same cleaned texts in the same process right after: on a shared
machine both see the same contention, so their ratio is steadier than the whole benchmark's (which adds
process start-up, the pool and the Parquet writing of the main process). Only totals are printed.

    .venv/bin/python -m benchmarks.loader_cpu --synthetic 300 --corpus data/corpus
    .venv/bin/python -m benchmarks.loader_cpu --corpus data/corpus --time domains.classify_measure semantics.measure_semantics
    .venv/bin/python -m benchmarks.loader_cpu --synthetic 300 --corpus data/corpus --stages

--time MODULE.FUNCTION… also prints the CPU seconds spent inside each of these functions of `loaders`
(wrapped with a process_time counter; a stage called through its module's attribute, as the pipeline calls
them, is counted). --stages prints the stage table instead: the exclusive CPU seconds of each stage of
`process_document` (STAGES; a stage called from inside another is charged to itself only, what is left is
process_document's own lines), so the shares add up to 100 %. The counters cost a few per cent themselves.
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


# the stages of process_document, in the order it runs them, as (module of loaders, function or Class.method)
STAGES = [
    ("reading", "decode_text"), ("reading", "t2s"), ("reading", "simplify"), ("reading", "is_clutter"),
    ("reading", "strip_page_parts"), ("reading", "drop_repeats"), ("reading", "read_document"),
    ("pipeline", "read_any"), ("metadata", "extract_metadata"), ("items", "split_items"),
    ("items", "split_sentences"), ("domains", "text_matches"), ("domains", "classify_items"),
    ("measures.document", "DocumentView.__init__"), ("regions", "RegionIndex.find_mentions"),
    ("numbers", "find_numbers"), ("measures.candidates", "find_candidates"),
    ("measures.comparators", "read_comparators"), ("measures.subjects", "assign_subjects"),
    ("measures.sections", "read_sections"), ("measures.filters", "drop_non_measures"),
    ("measures.kinds", "kind_and_year"), ("measures", "_to_measures"), ("tables", "table_measures"),
    ("domains", "classify_measure"), ("semantics", "measure_semantics"), ("pipeline", "as_row"),
    ("pipeline", "measure_ids"), ("pipeline", "_drop_rows_the_build_would_reject"), ("pipeline", "rows_sha256"),
]


def time_stages() -> dict[str, float]:
    """Wrap every stage of STAGES with an exclusive CPU counter: wherever a module holds the function (its
    own module, an importer's name for it, a tuple of passes), the wrapper replaces it."""
    import importlib
    import sys

    import loaders.pipeline  # noqa: F401 - every stage module imported, so that each importer is patched

    spent: dict[str, float] = {}
    nested: list[float] = []  # CPU of the stages called inside each open stage

    def wrap(label: str, function):
        def timed(*args, **kwargs):
            nested.append(0.0)
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.process_time() - start
                spent[label] = spent.get(label, 0.0) + elapsed - nested.pop()
                if nested:
                    nested[-1] += elapsed
        return timed

    modules = [m for name, m in list(sys.modules.items()) if name.startswith("loaders")]
    for module_name, attr in STAGES:
        module = importlib.import_module(f"loaders.{module_name}")
        label = f"{module_name}.{attr}"
        if "." in attr:  # a method: replaced on its class
            cls_name, method = attr.split(".")
            cls = getattr(module, cls_name)
            setattr(cls, method, wrap(label, cls.__dict__[method]))
            continue
        function = getattr(module, attr)
        timed = wrap(label, function)
        for m in modules:
            for key, value in list(vars(m).items()):
                if value is function:
                    setattr(m, key, timed)
                elif isinstance(value, tuple) and any(v is function for v in value):
                    setattr(m, key, tuple(timed if v is function else v for v in value))
    return spent


def measure(datas: list[tuple[bytes, str]], spent: dict[str, float] | None = None) -> dict:
    import jieba

    from loaders.pipeline import process_document

    jieba.setLogLevel(60)
    jieba.initialize()
    process_document("某市2025年PM2.5浓度下降到30微克/立方米。\n".encode(), "warm-up.txt")  # first use is no per-document cost
    for name in spent or {}:  # nor in the counters
        spent[name] = 0.0
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
    parser.add_argument("--stages", action="store_true",
                        help="print the share of CPU of each stage of process_document (exclusive counters)")
    args = parser.parse_args()
    spent = time_stages() if args.stages else time_functions(args.time)
    runs = []
    if args.synthetic:
        from benchmarks.synthetic import CorpusGenerator, load_regions, load_samples

        gen = CorpusGenerator(load_samples(), load_regions(), args.seed)
        runs.append((f"{args.synthetic} synthetic documents", [(d.data, d.name) for d in gen.documents(args.synthetic)]))
    if args.corpus:
        files = sorted(p for p in args.corpus.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES)
        runs.append((f"text documents of {args.corpus}", [(p.read_bytes(), p.name) for p in files]))
    for label, datas in runs:
        r = measure(datas, spent)
        print(f"{label}: {r['documents']} documents, {r['chars']:,} characters; loader {r['loader_cpu_s']:.2f} CPU s, "
              f"bare jieba {r['jieba_cpu_s']:.2f} CPU s: loader = {r['ratio']:.2f}x jieba per core")
        if args.stages:
            spent["(process_document's own lines)"] = r["loader_cpu_s"] - sum(spent.values())
            for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
                print(f"  {name:45s} {seconds:7.3f} CPU s {100 * seconds / r['loader_cpu_s']:5.1f} % "
                      f"{1000 * seconds / r['documents']:6.2f} ms a document")
            continue
        for name, seconds in spent.items():
            print(f"  inside {name}: {seconds:.3f} CPU s")


if __name__ == "__main__":
    main()
