"""How good is a regression gate on this machine? False alarms, detections, minimum detectable effect.

Usage: scripts/gate-quality [--trials K] [--procedures compare,ab,duet] [--executors single,thread-pool]
                            [--slowdown 0.05] [--n N] [--gap SECONDS] [--json FILE]

For each executor (`single`; `thread-pool` is run with --workers 2) and each procedure, runs K A/A trials
(both sides the same `cpu` workload) and K trials with B slower (`n` scaled by 1 + slowdown), and prints per
procedure and executor: the false alarms (regression verdicts in A/A), the detections of the slowdown, the
minimum detectable effect (the smallest slowdown detected in >= 95 % of trials) and the wall time per trial.

Procedures:
  compare  two saved reports: `concbench run --runs 5` for A, then --gap seconds later (default 180: "a few
           minutes apart", as CI runs main and the change) the same for B, then `concbench compare`. B's
           report is given A's params before the comparison (compare pairs results by params; a larger n is
           the stand-in for slower code).
  ab       `concbench ab` with its defaults (--rounds auto, --max-time 60s).
  duet     `concbench ab --duet` (single only: it refuses work that needs more than half of the cores).

The minimum detectable effect comes from the A/A trials by shift equivariance: every interval and estimate
involved moves with a uniform slowdown s (all log ratios + ln(1 + s)), so an A/A trial would have caught s
iff its lower bound x (1 + s) > 1 and its other bar (ab: the upper bound; compare: the ratio) x (1 + s) >
1 + threshold. The MDE is the 95th percentile over the A/A trials of the smallest such s. With --rounds
auto the stopping itself depends on the data, so for ab the figure is an estimate; the detections at the
given slowdown are counted directly. Standard library only.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

from . import ROOT

EXECUTOR_ARGS = {"single": ["--executor", "single"], "thread-pool": ["--executor", "thread-pool", "--workers", "2"]}
DEFAULT_N = 150_000_000  # the cpu workload's own default


def smallest_detected(low, other, threshold):
    """The smallest slowdown s (a fraction) at which a trial with bounds low and other would be a regression."""
    if low is None or other is None or low <= 0 or other <= 0:
        return math.inf
    needed = max(1 / low, (1 + threshold) / other)
    return max(0.0, needed - 1)


def percentile(values, q):
    """The q-th quantile (0..1) by the nearest-rank method: at least q of the values are <= it."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


def summarize(trials, threshold):
    """Per procedure and executor: false alarms, detections, MDE and seconds per trial from trial dicts.

    Each trial: {"procedure", "executor", "kind" ("aa" or "slow"), "regressed" (bool), "low", "other",
    "seconds"}.
    """
    groups = {}
    for trial in trials:
        groups.setdefault((trial["procedure"], trial["executor"]), []).append(trial)
    rows = []
    for (procedure, executor), group in sorted(groups.items()):
        aa = [t for t in group if t["kind"] == "aa"]
        slow = [t for t in group if t["kind"] == "slow"]
        mde = percentile([smallest_detected(t["low"], t["other"], threshold) for t in aa], 0.95)
        rows.append({
            "procedure": procedure,
            "executor": executor,
            "false_alarms": sum(t["regressed"] for t in aa),
            "aa_trials": len(aa),
            "detections": sum(t["regressed"] for t in slow),
            "slow_trials": len(slow),
            "mde": mde,
            "seconds_per_trial": sum(t["seconds"] for t in group) / len(group) if group else None,
        })
    return rows


def table(rows, slowdown):
    lines = [f"{'procedure':<10} {'executor':<12} {'A/A false alarms':>17} "
             f"{f'{slowdown:.0%} detected':>13} {'MDE (95 %)':>11} {'s/trial':>8}"]
    for r in rows:
        mde = "n/a" if r["mde"] is None else ("none" if math.isinf(r["mde"]) else f"{r['mde']:.1%}")
        lines.append(f"{r['procedure']:<10} {r['executor']:<12} {r['false_alarms']:>8} of {r['aa_trials']:<5} "
                     f"{r['detections']:>5} of {r['slow_trials']:<4} {mde:>11} {r['seconds_per_trial']:>8.1f}")
    return "\n".join(lines)


def concbench(args, tmp):
    """Runs scripts/concbench; returns (exit status, stdout)."""
    done = subprocess.run(["scripts/concbench", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr)
        raise SystemExit(f"gate-quality: concbench {' '.join(args)} failed with exit {done.returncode}")
    return done.returncode, done.stdout


def ab_trial(executor, n_a, n_b, duet, seed, tmp):
    args = ["ab", "--workload", "cpu", *EXECUTOR_ARGS[executor], "-a", f"--param n={n_a}",
            "-b", f"--param n={n_b}", "--seed", str(seed), "--format", "json"]
    if duet:
        args.append("--duet")
    _, out = concbench(args, tmp)
    ab = json.loads(out)["ab"]
    return ab["verdict"] == "regressed", ab["ratio_ci_low"], ab["ratio_ci_high"]


def compare_trial(executor, n_a, n_b, gap, tmp):
    a = os.path.join(tmp, "a.json")
    b = os.path.join(tmp, "b.json")
    common = ["run", "--workload", "cpu", *EXECUTOR_ARGS[executor], "--baseline", "none", "--runs", "5",
              "--quiet", "--format", "json"]
    concbench([*common, "--param", f"n={n_a}", "--output", a], tmp)
    time.sleep(gap)
    concbench([*common, "--param", f"n={n_b}", "--output", b], tmp)
    with open(a) as f:
        params = [r["params"] for r in json.load(f)["results"]]
    with open(b) as f:
        report_b = json.load(f)
    for result, p in zip(report_b["results"], params):
        result["params"] = p
    with open(b, "w") as f:
        json.dump(report_b, f)
    _, out = concbench(["compare", a, b, "--format", "json"], tmp)
    wall = [m for pair in json.loads(out)["pairs"] for m in pair["metrics"] if m["metric"] == "wall"][0]
    return wall["verdict"] == "regressed", wall["ratio_ci_low"], wall["ratio"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--procedures", default="compare,ab,duet")
    parser.add_argument("--executors", default="single,thread-pool")
    parser.add_argument("--slowdown", type=float, default=0.05)
    parser.add_argument("--threshold", type=float, default=0.05, help="the gates' threshold (their default)")
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="the cpu workload's n for side A")
    parser.add_argument("--gap", type=float, default=180, help="seconds between compare's two runs")
    parser.add_argument("--json", help="also write every trial to this file")
    args = parser.parse_args()
    procedures = args.procedures.split(",")
    executors = args.executors.split(",")
    if args.trials < 1 or not set(procedures) <= {"compare", "ab", "duet"} or not set(executors) <= set(EXECUTOR_ARGS):
        parser.error("--trials must be at least 1; procedures: compare, ab, duet; executors: single, thread-pool")
    n_slow = round(args.n * (1 + args.slowdown))
    trials = []
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    with tempfile.TemporaryDirectory() as tmp:
        for executor in executors:
            for procedure in procedures:
                if procedure == "duet" and executor != "single":
                    continue
                for i in range(args.trials):
                    for kind, n_b in (("aa", args.n), ("slow", n_slow)):
                        begin = time.monotonic()
                        if procedure == "compare":
                            regressed, low, other = compare_trial(executor, args.n, n_b, args.gap, tmp)
                        else:
                            regressed, low, other = ab_trial(executor, args.n, n_b, procedure == "duet", i, tmp)
                        trial = {"procedure": procedure, "executor": executor, "kind": kind, "trial": i,
                                 "regressed": regressed, "low": low, "other": other,
                                 "seconds": time.monotonic() - begin}
                        trials.append(trial)
                        print(json.dumps(trial), file=sys.stderr, flush=True)
    print(f"gate-quality, {started}: {args.trials} trials each, cpu n={args.n} against n={n_slow} "
          f"({args.slowdown:.0%} slower), threshold {args.threshold:.0%}")
    print(table(summarize(trials, args.threshold), args.slowdown))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(trials, f, indent=1)
