"""Shows that CPython's speed for the lesson's loop depends on what else its process has done.

Usage: scripts/cpython-process-state [--rounds N] [--n N] [--repeat R]

The budget's "≥ CPython" rows compare against CPython's Pool speedup, whose single baseline runs in the
main process of scripts/python-baseline between its pool runs. This script alternates that single loop
with a Pool(1) in four arrangements, each in a python3 process of its own (a process that has run one
arrangement stays changed), N rounds each (default 6), R times over (default 2, the arrangements in turn),
and prints for each the median over rounds of (other task p50 / single task p50) with the task times:

  pool-function    python-baseline's own run_pool_map, as python-baseline runs it
  written-out      the same multiprocessing calls written out here
  written-out+gc   the same, then one gc.collect() after the pool has shut down
  fresh-process    no pool: the loop alone in a new python3 against python-baseline's single loop

A Pool(1) cannot run anything in parallel with its parent, which waits: wherever the ratio is off 1, the
process's state moved the loop's speed, not parallelism (docs/PERFORMANCE.md). Standard library only.
"""

import argparse
import gc
import multiprocessing
import os
import statistics
import subprocess
import sys

from . import ROOT
from . import baseline as pb

# Each arrangement runs in a python3 of its own: this script again, with --arrangement.
SCRIPT = os.path.join(ROOT, "scripts", "cpython-process-state")

FRESH = """
import statistics, time
def heavy_task(n):
    total = 0
    for i in range(n):
        total += i * i
    return total
heavy_task({n})
times = []
for _ in range({tasks}):
    start = time.monotonic_ns(); heavy_task({n}); times.append(time.monotonic_ns() - start)
print(statistics.median(times) / 1e6)
"""


def p50_ms(results):
    return statistics.median((end - start) / 1e6 for _, start, end in results)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--n", type=int, default=1_600_000, help="heavy_task's n (default: ~60 ms here)")
    parser.add_argument("--repeat", type=int, default=2)
    names = ("pool-function", "written-out", "written-out+gc", "fresh-process")
    parser.add_argument("--arrangement", choices=names, help=argparse.SUPPRESS)  # one, in this process
    args = parser.parse_args()
    if args.rounds < 1 or args.n < 1 or args.repeat < 1:
        parser.error("--rounds, --n and --repeat must be at least 1")
    if args.arrangement is None:
        print(f"CPython {sys.version.split()[0]}, heavy_task({args.n}), 16 tasks, {args.rounds} rounds each")
        print("arrangement       other/single (median, range)  single ms    other ms", flush=True)
        for _ in range(args.repeat):
            for name in names:
                subprocess.run([sys.executable, SCRIPT, "--arrangement", name, "--rounds", str(args.rounds),
                                "--n", str(args.n)], check=True)
        return
    # Forked pool workers, as python-baseline's are on Linux up to Python 3.13 (3.14 makes forkserver the
    # default): set here so that every Python runs the arrangements the same way.
    multiprocessing.set_start_method("fork")
    tasks = 16
    arguments = [args.n] * tasks

    def single():
        return p50_ms(pb.run_single(pb.cpu_task, arguments, 1, {})[0])

    def pool_function():
        return p50_ms(pb.run_pool_map(pb.cpu_task, arguments, 1, {"chunksize": None})[0])

    def written_out():
        pool = multiprocessing.Pool(1)
        pool.map(pb.tiny_task, range(1), chunksize=1)
        results = pool.map(pb.cpu_task, arguments)
        pool.close()
        pool.join()
        return p50_ms(results)

    def written_out_gc():
        p50 = written_out()
        gc.collect()
        return p50

    def fresh_process():
        out = subprocess.run([sys.executable, "-c", FRESH.format(n=args.n, tasks=tasks)], capture_output=True,
                             text=True, check=True)
        return float(out.stdout)

    other = {"pool-function": pool_function, "written-out": written_out, "written-out+gc": written_out_gc,
             "fresh-process": fresh_process}[args.arrangement]
    pb.heavy_task(100_000)
    singles, others = [], []
    for _ in range(args.rounds):
        singles.append(single())
        others.append(other())
    ratios = [o / s for o, s in zip(others, singles)]
    print(f"{args.arrangement:<17} {statistics.median(ratios):.3f} ({min(ratios):.3f}-{max(ratios):.3f})"
          f"{'':<12} {min(singles):.1f}-{max(singles):.1f}  {min(others):.1f}-{max(others):.1f}", flush=True)

