"""How good is a regression gate on this machine? False alarms, detections, minimum detectable effect.

Usage: scripts/gate-quality [--trials K] [--procedures compare,ab,duet] [--executors single,thread-pool]
                            [--workload W [--plugin JAR] [--size-param NAME]] [--size N]
                            [--slowdown 0.05] [--gap SECONDS] [--stream-time SECONDS]
                            [--ab-options 'OPTIONS'] [--json FILE] [--resume FILE]

For each executor (`single`; `thread-pool` is run with --workers 2) and each procedure, runs K A/A trials
(both sides the same workload) and K trials with B slower (the workload's size parameter scaled by 1 +
slowdown), and prints per procedure and executor: the false alarms (regression verdicts in A/A), the
detections of the slowdown, the minimum detectable effect (the smallest slowdown detected in >= 95 % of
trials), the slowdown the slow trials measured (the median of their B/A: a size x 1.05 is a 5 % slowdown
only where the time grows in proportion to the size) and the seconds per trial.

Workloads: by default `cpu`, whose size parameter is `n` (side A's value: --size, default 150000000; --n is
its older name). Any other workload names the parameter that sets its work per task and side A's value,
and a plug-in's workload its jar, given to every concbench run:
  scripts/gate-quality --plugin examples/plugin/target/concbench-example-plugin.jar --workload log-regex \
                       --size-param lines --size 30000

Procedures:
  compare  two saved reports (`concbench run --runs 5`) started at least --gap seconds apart (default 180:
           "a few minutes apart", as CI runs main and the change), judged by `concbench compare`. Rather
           than sleeping --gap inside every trial (40 trials x 2 kinds x 180 s = 4 h), one stream of reports
           is measured back to back, alternating A (n) and B (n x (1 + slowdown)), each run's start time
           recorded, until K trials of each kind can be formed or --stream-time (default 3600 s) has passed.
           The trials are then formed from pairs of the stream's reports, in start order, greedily: an A/A
           trial pairs an A report with the earliest A report not yet in an A/A trial that started at least
           --gap seconds after it; a slow trial pairs an A report with the earliest such B report not yet in a
           slow trial. So within a kind no report is in two trials (the trials of a kind are as independent
           as the stream allows), and each pair is close to --gap apart; an A report may be in one A/A and one
           slow trial. B's report is given A's params before the comparison (compare pairs results by params;
           a larger n is the stand-in for slower code). Its seconds per trial are the machine time of the two
           runs and the compare, without the gap (CI waits it out between two jobs; nothing runs then).
  ab       `concbench ab` with its defaults (--rounds auto, --max-time 60s); seconds: the whole ab. Each
           trial in --json keeps its stop reason and every round's pair (order, a_ms, b_ms): scripts/ab-sim
           replays them (--rounds-from) to estimate the error rates of another design.
  duet     `concbench ab --duet` (single only: it refuses work that needs more than half of the cores).

Interruptions: with --json FILE, each trial (and each stream report, kept in FILE.reports/) is written to
FILE as it finishes, atomically, so a run of hours loses at most the trial under way. --resume FILE reads
such a file and skips the trials (and stream reports) already in it; it goes on writing there unless
--json names another file. Give the same options as the interrupted run.

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
import statistics
import subprocess
import sys
import tempfile
import time

from . import ROOT
from .reports import write_atomically

EXECUTOR_ARGS = {"single": ["--executor", "single"], "thread-pool": ["--executor", "thread-pool", "--workers", "2"]}
DEFAULT_N = 150_000_000  # the cpu workload's own default


class Work:
    """The workload both sides run and the parameter that makes B slower: concbench's options for them."""

    def __init__(self, workload="cpu", size_param="n", plugin=None):
        self.workload = workload
        self.size_param = size_param
        self.plugin = plugin

    def shared_args(self):
        """The options both sides share: the workload, and the jar it comes from."""
        return [*(["--plugin", self.plugin] if self.plugin else []), "--workload", self.workload]

    def size_args(self, size):
        """The option that sets one side's size, as one argument (ab's -a and -b take it so)."""
        return f"--param {self.size_param}={size}"

    def describe(self, size, slow_size):
        return f"{self.workload} {self.size_param}={size} against {self.size_param}={slow_size}"


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


def measured_ratio(trial):
    """The B/A a trial measured: the median of its rounds' B/A (ab), else its ratio (compare's "other")."""
    rounds = trial.get("rounds")
    if rounds:
        return statistics.median(r["b_ms"] / r["a_ms"] for r in rounds)
    return trial["other"] if trial["procedure"] == "compare" else None


def workload_of(record):
    """A trial's or stream report's workload: those saved before it was recorded all ran cpu."""
    return record.get("workload", "cpu")


def summarize(trials, threshold):
    """Per workload, procedure and executor: false alarms, detections, MDE, slow B/A and seconds per trial.

    Each trial: {"workload" (absent: cpu), "procedure", "executor", "kind" ("aa" or "slow"), "regressed"
    (bool), "low", "other", "seconds", and for ab "rounds" (each with "a_ms" and "b_ms")}.
    """
    groups = {}
    for trial in trials:
        groups.setdefault((workload_of(trial), trial["procedure"], trial["executor"]), []).append(trial)
    rows = []
    for (workload, procedure, executor), group in sorted(groups.items()):
        aa = [t for t in group if t["kind"] == "aa"]
        slow = [t for t in group if t["kind"] == "slow"]
        mde = percentile([smallest_detected(t["low"], t["other"], threshold) for t in aa], 0.95)
        ratios = [r for r in map(measured_ratio, slow) if r is not None]
        rows.append({
            "workload": workload,
            "procedure": procedure,
            "executor": executor,
            "false_alarms": sum(t["regressed"] for t in aa),
            "aa_trials": len(aa),
            "detections": sum(t["regressed"] for t in slow),
            "slow_trials": len(slow),
            "mde": mde,
            "slow_ratio": statistics.median(ratios) if ratios else None,
            "seconds_per_trial": sum(t["seconds"] for t in group) / len(group) if group else None,
        })
    return rows


def table(rows, slowdown):
    """One line per row; the workload column only when the rows hold more than one workload."""
    several = len({r["workload"] for r in rows}) > 1
    lines = [(f"{'workload':<12} " if several else "") + f"{'procedure':<10} {'executor':<12} {'A/A false alarms':>17} "
             f"{f'{slowdown:.0%} detected':>13} {'MDE (95 %)':>11} {'slow B/A':>9} {'s/trial':>8}"]
    for r in rows:
        mde = "n/a" if r["mde"] is None else ("none" if math.isinf(r["mde"]) else f"{r['mde']:.1%}")
        ratio = "n/a" if r["slow_ratio"] is None else f"{r['slow_ratio']:.3f}"
        lines.append((f"{r['workload']:<12} " if several else "") +
                     f"{r['procedure']:<10} {r['executor']:<12} {r['false_alarms']:>8} of {r['aa_trials']:<5} "
                     f"{r['detections']:>5} of {r['slow_trials']:<4} {mde:>11} {ratio:>9} "
                     f"{r['seconds_per_trial']:>8.1f}")
    return "\n".join(lines)


def concbench(args, tmp):
    """Runs scripts/concbench; returns (exit status, stdout)."""
    done = subprocess.run(["scripts/concbench", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr)
        raise SystemExit(f"gate-quality: concbench {' '.join(args)} failed with exit {done.returncode}")
    return done.returncode, done.stdout


def ab_trial(work, executor, n_a, n_b, duet, seed, tmp, extra=()):
    args = ["ab", *work.shared_args(), *EXECUTOR_ARGS[executor], *extra, "-a", work.size_args(n_a),
            "-b", work.size_args(n_b), "--seed", str(seed), "--format", "json"]
    if duet:
        args.append("--duet")
    _, out = concbench(args, tmp)
    ab = json.loads(out)["ab"]
    # Every round's pair is kept too, so that scripts/ab-sim can replay the trials' noise (--rounds-from).
    rounds = [{"order": r["order"], "a_ms": r["a_wall_ms"], "b_ms": r["b_wall_ms"], "cpus": r.get("cpus")}
              for r in ab["rounds"]]
    return ab["verdict"] == "regressed", ab["ratio_ci_low"], ab["ratio_ci_high"], rounds, ab["stop_reason"]


def form_pairs(reports, first_side, second_side, gap, limit):
    """Up to limit pairs (first, second) of stream reports, as the module docstring says.

    reports: dicts with "side" ("a" or "b") and "start" (seconds). Greedy in start order: each report of
    first_side not yet paired takes the earliest report of second_side not yet paired that started at least
    gap seconds after it. No report is in two pairs of one call.
    """
    ordered = sorted(reports, key=lambda r: r["start"])
    used = set()
    pairs = []
    for i, first in enumerate(ordered):
        if len(pairs) >= limit:
            break
        if first["side"] != first_side or i in used:
            continue
        for j in range(i + 1, len(ordered)):
            second = ordered[j]
            if j not in used and second["side"] == second_side and second["start"] - first["start"] >= gap:
                used.update((i, j))
                pairs.append((first, second))
                break
    return pairs


def stream_trials(stream, gap, limit):
    """The compare trials a stream of one executor's reports gives: {"aa": pairs, "slow": pairs}."""
    return {"aa": form_pairs(stream, "a", "a", gap, limit), "slow": form_pairs(stream, "a", "b", gap, limit)}


def next_side(stream):
    """Which side the stream measures next: A first, then alternately."""
    if not stream:
        return "a"
    return "b" if max(stream, key=lambda r: r["start"])["side"] == "a" else "a"


def run_report(work, executor, n, path, tmp):
    """One saved report of the stream; returns (start as epoch seconds, seconds it took)."""
    args = ["run", *work.shared_args(), *EXECUTOR_ARGS[executor], "--baseline", "none", "--runs", "5",
            "--quiet", "--format", "json", *work.size_args(n).split(), "--output", path]
    start = time.time()
    begin = time.monotonic()
    concbench(args, tmp)
    return start, time.monotonic() - begin


def compare_pair(first, second, tmp):
    """compare's verdict on a pair of stream reports: (regressed, ratio_ci_low, ratio); seconds it took."""
    begin = time.monotonic()
    a = first["path"]
    with open(a) as f:
        params = [r["params"] for r in json.load(f)["results"]]
    with open(second["path"]) as f:
        report_b = json.load(f)
    for result, p in zip(report_b["results"], params):
        result["params"] = p
    b = os.path.join(tmp, "b.json")
    with open(b, "w") as f:
        json.dump(report_b, f)
    _, out = concbench(["compare", a, b, "--format", "json"], tmp)
    wall = [m for pair in json.loads(out)["pairs"] for m in pair["metrics"] if m["metric"] == "wall_ms"][0]
    return (wall["verdict"] == "regressed", wall["ratio_ci_low"], wall["ratio"]), time.monotonic() - begin


class State:
    """What has been measured: the trials and the compare stream, saved to a file after each of them."""

    def __init__(self, path, trials=None, stream=None):
        self.path = path
        self.trials = trials or []
        self.stream = stream or []

    @classmethod
    def resumed(cls, resume, path):
        """The state in resume (a file --json wrote), to be saved to path; an absent file is a fresh start."""
        if not os.path.exists(resume):
            return cls(path)
        with open(resume) as f:
            saved = json.load(f)
        if isinstance(saved, list):  # written before the stream: trials only
            saved = {"trials": saved, "stream": []}
        return cls(path, saved.get("trials", []), saved.get("stream", []))

    def done(self, procedure, executor, kind, trial, workload="cpu"):
        key = (workload, procedure, executor, kind, trial)
        return any((workload_of(t), t["procedure"], t["executor"], t["kind"], t["trial"]) == key
                   for t in self.trials)

    def stream_of(self, workload, executor):
        """The compare stream's reports of one workload and executor (older reports without one: cpu)."""
        return [r for r in self.stream if r["executor"] == executor and workload_of(r) == workload]

    def add_trial(self, trial):
        self.trials.append(trial)
        print(json.dumps(trial), file=sys.stderr, flush=True)
        self.save()

    def add_report(self, report):
        self.stream.append(report)
        self.save()

    def reports_directory(self, tmp):
        """Where stream reports go: beside the state file when there is one, so that a resume finds them."""
        directory = self.path + ".reports" if self.path else os.path.join(tmp, "stream")
        os.makedirs(directory, exist_ok=True)
        return directory

    def save(self):
        if self.path:
            write_atomically(self.path, json.dumps({"trials": self.trials, "stream": self.stream}, indent=1))


def compare_procedure(work, executor, n_a, n_b, args, state, tmp):
    """Measures (or resumes) the executor's stream, then judges its trials with compare."""
    stream = state.stream_of(work.workload, executor)
    directory = state.reports_directory(tmp)
    began = time.monotonic()
    while True:
        formed = stream_trials(stream, args.gap, args.trials)
        if min(len(formed["aa"]), len(formed["slow"])) >= args.trials:
            break
        if time.monotonic() - began >= args.stream_time:
            print(f"gate-quality: compare on {executor}: --stream-time {args.stream_time:.0f} s passed with "
                  f"{len(formed['aa'])} A/A and {len(formed['slow'])} slow trials formed (of {args.trials})",
                  file=sys.stderr, flush=True)
            break
        side = next_side(stream)
        prefix = executor if work.workload == "cpu" else f"{work.workload}-{executor}"
        path = os.path.join(directory, f"{prefix}-{len(stream) + 1:04d}-{side}.json")
        start, seconds = run_report(work, executor, n_a if side == "a" else n_b, path, tmp)
        report = {"workload": work.workload, "executor": executor, "side": side, "start": start,
                  "seconds": seconds, "path": path}
        stream.append(report)
        state.add_report(report)
    for kind, pairs in formed.items():
        for i, (first, second) in enumerate(pairs):
            if state.done("compare", executor, kind, i, work.workload):
                continue
            (regressed, low, other), compare_seconds = compare_pair(first, second, tmp)
            state.add_trial({"workload": work.workload, "procedure": "compare", "executor": executor, "kind": kind,
                             "trial": i, "regressed": regressed, "low": low, "other": other,
                             "seconds": first["seconds"] + second["seconds"] + compare_seconds,
                             "gap_s": second["start"] - first["start"],
                             "reports": [first["path"], second["path"]]})


def ab_procedure(work, executor, n_a, n_b, duet, args, state, tmp):
    procedure = "duet" if duet else "ab"
    for i in range(args.trials):
        for kind, n in (("aa", n_a), ("slow", n_b)):
            if state.done(procedure, executor, kind, i, work.workload):
                continue
            begin = time.monotonic()
            regressed, low, other, rounds, stop_reason = ab_trial(work, executor, n_a, n, duet, i, tmp,
                                                                  args.ab_options.split())
            state.add_trial({"workload": work.workload, "procedure": procedure, "executor": executor, "kind": kind,
                             "trial": i, "regressed": regressed, "low": low, "other": other,
                             "seconds": time.monotonic() - begin, "stop_reason": stop_reason,
                             "rounds": rounds})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--procedures", default="compare,ab,duet")
    parser.add_argument("--executors", default="single,thread-pool")
    parser.add_argument("--slowdown", type=float, default=0.05)
    parser.add_argument("--threshold", type=float, default=0.05, help="the gates' threshold (their default)")
    parser.add_argument("--workload", default="cpu", help="the workload both sides run (default cpu)")
    parser.add_argument("--plugin", help="the jar the workload comes from, given to every concbench run")
    parser.add_argument("--size-param", help="the workload's parameter scaled for B (cpu: n; required otherwise)")
    parser.add_argument("--size", "--n", dest="size", type=int,
                        help=f"the size parameter's value for side A (cpu: default {DEFAULT_N}; required otherwise)")
    parser.add_argument("--gap", type=float, default=180,
                        help="seconds at least between the starts of a compare trial's two runs")
    parser.add_argument("--stream-time", type=float, default=3600,
                        help="at most this many seconds of compare's report stream per executor")
    parser.add_argument("--ab-options", default="",
                        help="more options for ab and ab --duet, split on spaces: ab's own (--max-time 90s) or run "
                             "options both sides share (--warmup 0), to measure another design")
    parser.add_argument("--json", help="write every trial (and compare's stream) to this file as it finishes")
    parser.add_argument("--resume", help="skip the trials already in this file (written by --json)")
    args = parser.parse_args()
    procedures = args.procedures.split(",")
    executors = args.executors.split(",")
    if args.trials < 1 or not set(procedures) <= {"compare", "ab", "duet"} or not set(executors) <= set(EXECUTOR_ARGS):
        parser.error("--trials must be at least 1; procedures: compare, ab, duet; executors: single, thread-pool")
    if args.gap < 0 or args.stream_time <= 0:
        parser.error("--gap must be at least 0 and --stream-time above 0")
    if args.workload == "cpu":
        args.size_param = args.size_param or "n"
        args.size = args.size or DEFAULT_N
    elif args.size_param is None or args.size is None:
        parser.error(f"--workload {args.workload} needs --size-param (its parameter that sets the work) and --size")
    if args.size < 1:
        parser.error(f"--size must be at least 1: {args.size}")
    plugin = os.path.abspath(args.plugin) if args.plugin else None
    if plugin and not os.path.isfile(plugin):
        parser.error(f"--plugin {args.plugin}: no such file (examples/plugin: mvn package builds it)")
    work = Work(args.workload, args.size_param, plugin)
    n_slow = round(args.size * (1 + args.slowdown))
    path = os.path.abspath(args.json) if args.json else (os.path.abspath(args.resume) if args.resume else None)
    state = State.resumed(args.resume, path) if args.resume else State(path)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    with tempfile.TemporaryDirectory() as tmp:
        for executor in executors:
            for procedure in procedures:
                if procedure == "duet" and executor != "single":
                    continue
                if procedure == "compare":
                    compare_procedure(work, executor, args.size, n_slow, args, state, tmp)
                else:
                    ab_procedure(work, executor, args.size, n_slow, procedure == "duet", args, state, tmp)
    print(f"gate-quality, {started}: {args.trials} trials each, {work.describe(args.size, n_slow)} "
          f"({args.slowdown:.0%} slower), threshold {args.threshold:.0%}")
    print(table(summarize(state.trials, args.threshold), args.slowdown))
    stream = state.stream
    if stream:
        span = max(r["start"] + r["seconds"] for r in stream) - min(r["start"] for r in stream)
        print(f"compare's trials: pairs of {len(stream)} reports measured back to back in {span:.0f} s, each "
              f"pair's runs started at least {args.gap:.0f} s apart; its s/trial is the machine time of the "
              f"two runs and the compare, without that gap")
