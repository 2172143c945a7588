"""Processes that race one another, started so that they truly race: each imports and opens the database first, says
"ready", and waits for the signal; then all start at once. Started one after the other, one process could be half
done before the other had finished importing, and the race was mostly a queue."""

from __future__ import annotations

import subprocess

# What a writer runs once its database is open, before its first save.
WAIT_FOR_THE_SIGNAL = """
print("ready", flush=True)
sys.stdin.readline()  # the signal: every writer starts at once
"""


def start_together(commands: list[list[str]]) -> list[subprocess.Popen]:
    """Start one process per command, wait until each has said "ready", then let them all go at once. Each process's
    stdout and stderr are pipes, for `communicate`."""
    processes = [subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for command in commands]  # fmt: skip
    for process in processes:
        said = process.stdout.readline()  # type: ignore[union-attr]
        if said != b"ready\n":
            process.wait(timeout=60)
            raise AssertionError(f"a writer did not start: {said!r} {process.stderr.read()[-800:]!r}")  # type: ignore[union-attr]
    for process in processes:
        process.stdin.write(b"go\n")  # type: ignore[union-attr]
        process.stdin.flush()  # type: ignore[union-attr]
    return processes
