"""Fault injection for the crash tests: ENVWH_FAULT=ACTION@POINT stops a run at a named stage boundary.

ACTION is `kill` (SIGKILL, as a power loss or the OOM killer would) or `enospc` (an OSError "No space
left on device", as a full disk would). The points are the boundaries between the stages of a load and
a build (see POINTS). Unset, every call is a no-op costing one dictionary lookup.
"""

from __future__ import annotations

import errno
import os
import signal

POINTS = (
    "locked",  # the writing command holds the warehouse lock
    "load:parsed",  # every file parsed, nothing renamed yet
    "load:renamed:raw_documents", "load:renamed:raw_items", "load:renamed:raw_measures",
    "load:renamed:raw_load_errors",  # the raw set is complete
    "build:built",  # dbt finished, the new file not yet checked
    "build:checked",  # about to swap the new file in
    "build:swapped",  # the new file is published, its record not yet written
    "write",  # inside every Parquet write (for enospc)
)


def fault_point(point: str) -> None:
    spec = os.environ.get("ENVWH_FAULT")
    if not spec:
        return
    action, _, where = spec.partition("@")
    if where != point:
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), point)
