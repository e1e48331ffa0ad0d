"""Where a refresh's time and memory go (issue 12): `envwh ARGS` run in this process, with the wall and CPU seconds
of each phase (the load's reading of the previous raw tables, its flushes and commits; the copy of the published
file, dbt, the checks after dbt, the publication) and the peak PSS of each kind of process (this parent, the loader's
workers, dbt) within each phase, sampled every 0.1 s.

    PYTHONPATH=TREE .venv/bin/python -m benchmarks.refresh_phases refresh DOCS --raw-dir RAW --db DB --workers 2

Lines `PHASE name: wall s cpu s (at s)` as each call returns (CPU of this process and of the children it has
waited for: a dbt build's, the pool's once it is closed), then `PEAK phase: kind=MiB ... total=MiB`. The sampling
itself costs the parent some CPU (reading each process's smaps): compare its CPU figures with each other only.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import threading
import time

import psutil

from loaders import cli, pipeline, publish

START = time.time()
PHASE = ["other"]  # the innermost phase running now
PEAK: dict[str, dict[str, int]] = {}  # phase -> kind of process -> largest PSS seen
ME = psutil.Process()


def cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def kind(p: psutil.Process) -> str:
    if p.pid == ME.pid:
        return "parent"
    try:
        command = " ".join(p.cmdline())
    except psutil.Error:
        return "other"
    return "dbt" if "dbt" in command else "worker"


def sample() -> None:
    while True:
        phase, total, by_kind = PHASE[-1], 0, {}
        for p in [ME, *ME.children(recursive=True)]:
            try:
                pss = p.memory_full_info().pss
            except psutil.Error:
                continue
            k = kind(p)
            by_kind[k] = by_kind.get(k, 0) + pss
            total += pss
        peak = PEAK.setdefault(phase, {})
        for k, v in [*by_kind.items(), ("total", total)]:
            peak[k] = max(peak.get(k, 0), v)
        time.sleep(0.1)


def timed(owner: object, name: str, label: str) -> None:
    f = getattr(owner, name)

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        PHASE.append(label)
        wall, cpu = time.time(), cpu_seconds()
        try:
            return f(*args, **kwargs)
        finally:
            PHASE.pop()
            print(f"PHASE {label}: wall {time.time() - wall:.2f} cpu {cpu_seconds() - cpu:.2f} (at {wall - START:.1f})",
                  file=sys.stderr)

    if hasattr(f, "incremental"):  # publish.dbt_build says it can build on a copy of the published file
        wrapper.incremental = f.incremental  # type: ignore[attr-defined]
    setattr(owner, name, wrapper)


def main() -> None:
    timed(pipeline._Previous, "read", "load.previous")
    timed(pipeline, "_flush", "load.flush")
    timed(pipeline.TableWriter, "commit", "load.commit")
    timed(shutil, "copyfile", "copy")
    timed(publish, "dbt_build", "dbt")
    for name in ("check_portable", "free_share", "compact", "table_counts", "attached_writer", "incremental_start",
                 "_write_record"):
        timed(publish, name, f"publish.{name}")
    timed(publish, "build_and_publish", "publish")
    threading.Thread(target=sample, daemon=True).start()
    sys.argv = ["envwh", *sys.argv[1:]]
    try:
        cli.main()
    finally:
        print(f"PHASE total: wall {time.time() - START:.2f} cpu {cpu_seconds():.2f}", file=sys.stderr)
        for phase, peak in PEAK.items():
            print(f"PEAK {phase}: " + " ".join(f"{k}={v / 2**20:.0f}MiB" for k, v in sorted(peak.items())),
                  file=sys.stderr)


if __name__ == "__main__":
    main()
