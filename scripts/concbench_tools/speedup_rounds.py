"""Decides the budget's cpu speedup rows with many rounds instead of scripts/bench's 20.

Usage: scripts/speedup-rounds [--turns N] [--runs R] [--json FILE]

Alternates, N turns (default 14): `concbench run --workload cpu --executor thread-pool,process-pool
--workers 2 --runs R` (default 5), then CPython's `Pool.map` on the lesson's heavy_task with 16 tasks as long
as concbench's (scripts/python-baseline, n matched in every turn to that turn's concbench task). Prints, over
all N x R rounds, each pool's median speedup against CPython's with a 95 % bootstrap interval for the
difference, each pool's median efficiency against capacity with its interval, and per turn how long a pool's
task took against the single baseline's (below 1, a pool's speedup exceeds what parallelism gives: see
docs/PERFORMANCE.md). A row of scripts/bench is noise-decided when its interval holds the bar.

It also prints, per pool, the speedup net of task speed: speedup x (pool's task time / single's task time),
turn by turn. That is the single's run over the pool's, each counted in its own tasks' time, i.e. how many
tasks ran at once on average (at most the workers): the part of a speedup that parallelism gave, apart from
tasks that ran faster or slower in the pool. Each pool's is set against CPython's of the same turn, with a
95 % bootstrap interval for the median of those per-turn differences. It is not the budget's measure (the
budget compares speedups); it says what a speedup difference is made of.
Standard library only.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile

from . import ROOT, budget, reports
from .stats import bootstrap_median, median_of_known, net, per_round_speedups

POOLS = ("thread-pool", "process-pool")


def three(value):
    """Three decimals, or n/a for a figure a report did not carry."""
    return "n/a" if value is None else f"{value:.3f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--turns", type=int, default=14)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", help="also write every round's figures to this file")
    args = parser.parse_args()
    if args.turns < 1 or args.runs < 2:
        parser.error("--turns must be at least 1 and --runs at least 2")
    os.chdir(ROOT)
    rounds = {}
    turns = []
    with tempfile.TemporaryDirectory() as tmp:
        for turn in range(args.turns):
            report = budget.concbench_json(os.environ.copy(), tmp, f"cpu-{turn}", "--workload", "cpu",
                                           "--executor", ",".join(POOLS), "--workers", "2",
                                           "--runs", str(args.runs))
            by_executor = reports.by_executor(report)
            single = by_executor["single"]
            task_ms = reports.task_p50_ms(single)
            row = {"turn": turn, "task_ms": task_ms}
            n = budget.cpython_n(task_ms, tmp)  # CPython's task as long as this turn's concbench task
            for name in POOLS:
                result = by_executor[name]
                speedups = per_round_speedups(single["wall_ms"]["samples"], result)
                rounds.setdefault(name, []).extend(speedups)
                rounds.setdefault(f"{name}-efficiency", []).extend(
                    s / c for s, c in zip(speedups, result["capacity"]["samples"]))
                row[name] = result["speedup"]
                row[f"{name}-tasks"] = result.get("task_time_vs_baseline")
            out = os.path.join(tmp, f"py-{turn}.json")
            budget.run(["scripts/python-baseline", "--workload", "cpu", "--executor", "py-pool-map", "--workers",
                        "2", "--param", f"n={n}", "--tasks", "16", "--runs", str(args.runs), "--output", out])
            python = reports.load(out)["results"]
            rounds.setdefault("cpython", []).extend(per_round_speedups(python[0]["wall_ms"]["samples"], python[-1]))
            row["cpython"] = python[-1]["speedup"]
            row["cpython-tasks"] = python[-1].get("task_time_vs_baseline")  # left out without latencies
            row["cpython_task_ms"] = reports.task_p50_ms(python[0])
            turns.append(row)
            print(f"turn {turn + 1}/{args.turns}: " + ", ".join(
                f"{name} {row[name]:.3f}x (tasks {three(row[name + '-tasks'])}x alone's)"
                for name in (*POOLS, "cpython")), file=sys.stderr, flush=True)

    count = len(rounds["cpython"])
    print(f"over {count} rounds ({args.turns} turns x {args.runs}), medians with 95 % bootstrap intervals:")
    print(f"  CPython Pool.map      speedup {statistics.median(rounds['cpython']):.3f}x")
    for name in POOLS:
        low, high = bootstrap_median(rounds[name], rounds["cpython"])
        efficiency = rounds[f"{name}-efficiency"]
        e_low, e_high = bootstrap_median(efficiency)
        print(f"  {name:<21} speedup {statistics.median(rounds[name]):.3f}x, minus CPython's "
              f"[{low:+.3f}, {high:+.3f}]; eff/capacity {statistics.median(efficiency):.3f} "
              f"[{e_low:.3f}, {e_high:.3f}]")
    print("speedup net of task speed (speedup x task time ratio), median over turns; per-turn difference from")
    print("CPython's, median with a 95 % bootstrap interval:")
    # Turns without a task ratio (no latency recorded) have no net figure; pairs need both sides.
    nets = {name: [net(row[name], row[name + "-tasks"]) for row in turns] for name in (*POOLS, "cpython")}
    print(f"  CPython Pool.map      {three(median_of_known(nets['cpython']))}")
    for name in POOLS:
        differences = [p - c for p, c in zip(nets[name], nets["cpython"]) if p is not None and c is not None]
        if not differences:
            print(f"  {name:<21} n/a (no turn with both task ratios)")
            continue
        low, high = bootstrap_median(differences)
        print(f"  {name:<21} {median_of_known(nets[name]):.3f}, minus CPython's "
              f"{statistics.median(differences):+.3f} [{low:+.3f}, {high:+.3f}]")
    print("per turn, a pool's task time against its single baseline's (p50), and its speedup:")
    for row in turns:
        print(f"  {row['turn'] + 1:>2}: " + "  ".join(
            f"{name} {three(row[name + '-tasks'])} {row[name]:.3f}x" for name in (*POOLS, "cpython")))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rounds": rounds, "turns": turns, "net_of_task_speed": nets}, f, indent=1)

