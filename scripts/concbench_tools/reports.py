"""concbench/1 JSON reports: reading the figures the scripts use, and writing a report atomically."""

import json
import os
import tempfile


def load(path):
    """A report file as a dict."""
    with open(path) as f:
        return json.load(f)


def by_executor(report):
    """A report's results by executor name (one workload's results; the last of a name wins)."""
    return {r["executor"]: r for r in report["results"]}


def task_p50_ms(result):
    """A result's median task time (latency_us.p50), in ms."""
    return result["latency_us"]["p50"] / 1e3


def write_atomically(path, text):
    """Writes text to path through a temporary file beside it, so a reader sees the old file or the new one."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(dir=directory, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask
