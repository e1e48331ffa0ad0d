"""`dbt ARGS` as the `dbt` command runs it, in the child process publish.dbt_build starts, but without writing
manifest.json (issue 12): dbt writes it twice per build (after the parse and at the end), ~2.5 CPU s at 10 000
documents, and nothing of envwh reads it. run_results.json (the seconds of every node, which the tests and
benchmarks read) is still written, here, from what dbt returns.

    python -m loaders.dbt_child TARGET_DIR build --project-dir ... --target-path TARGET_DIR ...

Exit codes are the `dbt` command's: 0 success, 1 a node failed, 2 dbt could not run.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    target, args = Path(argv[0]), argv[1:]
    # A manifest of an earlier build would no longer describe the last one: none is better than a stale one.
    for stale in ("manifest.json", "semantic_manifest.json"):
        (target / stale).unlink(missing_ok=True)
    from dbt.cli.main import dbtRunner  # a few seconds of imports: only in the child

    outcome = dbtRunner().invoke([*args, "--no-write-json"])
    if hasattr(outcome.result, "write"):  # a build's results, passed or failed (dbt wrote them there)
        target.mkdir(parents=True, exist_ok=True)
        outcome.result.write(str(target / "run_results.json"))
    if outcome.success:
        return 0
    return 2 if outcome.exception is not None else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
