"""Two or more versions of loaders/semantics.py timed against each other in one process, on the same rows.

On the shared 2-core machine a stage's CPU moves by ±10 % from one process to the next, more than a cut of a
tenth of a 15 % stage; timing the versions in turn inside one process, on the rows `process_document` gave
for the same documents, pairs every run of one with a run of the other under the same load. Each version's
caches are cleared before each run (a cold pass, as a worker's first document), the versions' outputs must be
equal, and the sorted CPU seconds and the median of each are printed.

    git show main:loaders/semantics.py > /tmp/sem_main.py; cp loaders/semantics.py /tmp/sem_branch.py
    .venv/bin/python -m benchmarks.semantics_ab --corpus data/corpus main=/tmp/sem_main.py branch=/tmp/sem_branch.py

A version that defines SentenceContext (tried in the eighth round, commit ad5d84e) gets one per sentence, shared
by the measures of the sentence, as that commit's pipeline gave it. A version file outside loaders/ reads its data
files from the folder data/ beside it: link loaders/data there (ln -s "$PWD/loaders/data" /tmp/data).
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from pathlib import Path

from benchmarks.loader_cpu import TEXT_SUFFIXES


def _rows(args) -> list:
    from loaders.pipeline import process_document

    datas = []
    if args.synthetic:
        from benchmarks.synthetic import CorpusGenerator, load_regions, load_samples

        datas += [(d.data, d.name) for d in CorpusGenerator(load_samples(), load_regions(), 0).documents(args.synthetic)]
    if args.corpus:
        datas += [(p.read_bytes(), p.name) for p in sorted(args.corpus.rglob("*")) if p.suffix.lower() in TEXT_SUFFIXES]
    return [process_document(data, name) for data, name in datas]


def _run(module, results) -> tuple[float, list]:
    from loaders.regions import RegionIndex

    for name in ("_keywords", "sub_area", "_phrase_sub_area"):
        cached = getattr(module, name, None)
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()
    RegionIndex.load()._counties_seen.clear()
    shared = hasattr(module, "SentenceContext")
    out = []
    start = time.process_time()
    for res in results:
        contexts: dict = {}
        for row in res.measures:
            if shared:
                span = (row["sentence_start"], row["sentence_end"])
                context = contexts.get(span) or contexts.setdefault(span, module.SentenceContext(row["sentence"]))
                out.append(module.measure_semantics(row, res.document, context))
            else:
                out.append(module.measure_semantics(row, res.document))
    return time.process_time() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("versions", nargs="+", metavar="NAME=PATH", help="a copy of loaders/semantics.py")
    parser.add_argument("--synthetic", type=int, default=0, help="synthetic documents (seed 0)")
    parser.add_argument("--corpus", type=Path, help="the text documents of this folder")
    parser.add_argument("--runs", type=int, default=6, help="runs of each version, in turn")
    args = parser.parse_args()
    modules = {}
    for version in args.versions:
        name, path = version.split("=", 1)
        spec = importlib.util.spec_from_file_location(f"semantics_{name}", path)
        modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(modules[name])
    results = _rows(args)
    spent: dict[str, list[float]] = {name: [] for name in modules}
    first = None
    for _ in range(args.runs):
        for name, module in modules.items():
            seconds, out = _run(module, results)
            first = out if first is None else first
            if out != first:
                raise SystemExit(f"{name} gives other semantics than {next(iter(modules))}")
            spent[name].append(seconds)
    for name, times in spent.items():
        times.sort()
        print(f"{name}: {' '.join(f'{t:.3f}' for t in times)} CPU s, median {times[len(times) // 2]:.3f}")


if __name__ == "__main__":
    main()
