"""`envwh load --engine spark FOLDER`: the loaders as a Spark job (README "Scaling out").

Two steps, so that the raw Parquet is the same as a local load's:
1. on the executors: Spark reads the files of FOLDER (binaryFiles, in partitions of about
   DOCS_PER_PARTITION documents) and runs the per-document function of the local loader on each
   (pipeline.file_result: bytes -> rows as Arrow tables, or a reuse marker for an unchanged file);
2. on the driver: pipeline.load_folder's folder-level steps, unchanged: duplicates by hash, reuse of
   the previous rows of unchanged files, error times, the Parquet writers.

Executors need the `envwh` package installed (a wheel: `pip wheel .`; its reference tables ship inside
it) and the same view of FOLDER as the driver (a shared or distributed file system).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from loaders import pipeline

DOCS_PER_PARTITION = 8  # a partition is a task: small enough to spread a folder over every core
RECURSIVE = "mapreduce.input.fileinputformat.input.dir.recursive"


def spark_session():
    """The running Spark session, or a new one on ENVWH_SPARK_MASTER (default local[2]; on a cluster
    e.g. yarn, spark://host:7077 or k8s://...)."""
    import sys

    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    # Python workers run this interpreter (with envwh and its libraries), not the first python3 on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (SparkSession.builder.appName("envwh load")
            .master(os.environ.get("ENVWH_SPARK_MASTER", "local[2]"))
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.log.level", "ERROR")
            .getOrCreate())


def _local_path(uri: str) -> str:
    """A path as Hadoop names it (file:/a/b.txt, possibly %-escaped) -> the absolute local path."""
    parts = urlsplit(uri)
    return os.path.normpath(unquote(parts.path) if parts.scheme else uri)


def _parse_partition(files: Iterator[tuple[str, bytes]], wanted: dict[str, tuple[int, str]],
                     reusable: dict[str, str], ocr: bool = False) -> Iterator[tuple[int, pipeline.FileResult]]:
    """Executor side: (path, bytes) -> (task index, FileResult) for the files the driver listed."""
    pipeline._init_worker(reusable, ocr)
    for uri, data in files:
        task = wanted.get(_local_path(uri))
        if task is not None:
            index, name = task
            yield index, pipeline.file_result(name, bytes(data))


def spark_results(folder: Path, spark=None):
    """A `parse` for pipeline.load_folder that parses the files on Spark."""

    def parse(tasks: list[tuple], workers: int, reusable: dict[str, str],
              ocr: bool = False) -> Iterator[pipeline.FileResult]:
        session = spark or spark_session()
        pipeline._init_worker(reusable, ocr)  # for the files load_file reads on the driver
        on_driver: dict[int, pipeline.FileResult] = {}
        wanted: dict[str, tuple[int, str]] = {}
        for i, task in enumerate(tasks):
            path, name, max_bytes, root = task
            try:
                plain = os.stat(path).st_size <= max_bytes and (
                    root is None or os.path.commonpath([os.path.realpath(path), root]) == root)
            except OSError:
                plain = False
            if plain:
                wanted[os.path.normpath(os.path.abspath(path))] = (i, name)
            else:  # too large, unreadable or a link out of the folder: load_file reports it without parsing
                on_driver[i] = pipeline.load_file(task)
        if not wanted:
            yield from (on_driver[i] for i in sorted(on_driver))
            return
        sc = session.sparkContext
        sc._jsc.hadoopConfiguration().set(RECURSIVE, "true")
        n_partitions = max(1, -(-len(wanted) // DOCS_PER_PARTITION))
        wanted_b, reusable_b = sc.broadcast(wanted), sc.broadcast(reusable)
        files = sc.binaryFiles(Path(folder).resolve().as_uri(), minPartitions=n_partitions)
        results = files.mapPartitions(lambda part: _parse_partition(part, wanted_b.value, reusable_b.value, ocr))
        # Back to the driver in the listing's order (load_folder keeps the first of two duplicates):
        # a partition at a time, each held only until the results before it have arrived.
        pending: dict[int, pipeline.FileResult] = dict(on_driver)
        next_index = 0
        for index, result in results.toLocalIterator(prefetchPartitions=True):
            pending[index] = result
            while next_index in pending:
                yield pending.pop(next_index)
                next_index += 1
        # Hadoop skips names starting with "_" or "."; such a file (or one that vanished) loads here.
        for i in range(next_index, len(tasks)):
            yield pending.pop(i, None) or pipeline.load_file(tasks[i])

    return parse
