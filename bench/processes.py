"""Timing the app and its anchors as new processes, each started by a small launcher interpreter."""

from __future__ import annotations

import subprocess
import sys

# Runs a command as its child and prints the child's wall time, peak RSS (kB) and exit code. The bench starts its
# processes through this small interpreter because a child forked from the bench inherits the bench's own resident
# memory in its ru_maxrss (Linux keeps the high-water mark across exec): after the bench had loaded a large record
# itself, the window's peak RSS read 422 MB instead of its 175 MB.
LAUNCHER = """
import os, subprocess, sys, time
started = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_pid, status, usage = os.wait4(process.pid, 0)
print(time.perf_counter() - started, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def launched(command: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (kB) of one run of `command` as a new process, started by LAUNCHER."""
    output = subprocess.run([sys.executable, "-c", LAUNCHER, *command], capture_output=True, text=True, check=True)
    seconds, rss, code = output.stdout.split()
    if code != "0":
        raise RuntimeError(f"{' '.join(command)} failed ({code})")
    return float(seconds), int(rss)
