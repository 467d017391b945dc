"""CPython baselines for concbench: the lesson's own programs, timed like concbench times its executors.

Runs the lesson's code (heavy_task, time.sleep, a shared counter with and without threading.Lock) on
CPython's executors -- a plain loop, threads, multiprocessing.Pool.map, ProcessPoolExecutor and a Process
per task -- and writes a concbench/1 JSON report, so the JVM's and CPython's numbers can be read side by
side. Like concbench, the executors of a workload take their runs in turn (warm-up rounds first), so the
baseline and the pools see the same minutes. Standard library only.

Example:
  scripts/python-baseline --workload cpu --executor py-single,py-pool-map --workers 2 --param n=10000000
"""

import argparse
import concurrent.futures
import datetime
import json
import multiprocessing
import os
import platform
import statistics
import sys
import threading
import time

from .reports import write_atomically
from .stats import percentile, summary

SCHEMA = "concbench/1"

# --- the lesson's task functions (module level, so that worker processes can import them) ---------------


def heavy_task(n):
    """The lesson's CPU-bound task, verbatim in spirit: a Python loop summing squares."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def timed(function, argument):
    """Runs one task and returns (result, start_ns, end_ns) on the system-wide monotonic clock."""
    start = time.monotonic_ns()
    result = function(argument)
    return result, start, time.monotonic_ns()


def cpu_task(n):
    return timed(heavy_task, n)


def io_task(sleep_ms):
    return timed(lambda ms: time.sleep(ms / 1000.0) or 0, sleep_ms)


def tiny_task(index):
    start = time.monotonic_ns()
    return index, start, time.monotonic_ns()


def closed_form(n):
    return (n - 1) * n * (2 * n - 1) // 6


# --- workloads: what one task is, with concbench's names and defaults -------------------------------------

WORKLOADS = {
    "cpu": {"params": {"n": 150_000_000}, "tasks": 16},
    "io": {"params": {"sleep-ms": 100}, "tasks": 20},
    "tiny": {"params": {}, "tasks": 100_000},
    "counter": {"params": {"increments": 100_000}, "tasks": 20},
}


def task_plan(workload, params, tasks):
    """(function, argument per task, verify(index, result))."""
    if workload == "cpu":
        n = params["n"]
        expected = closed_form(n)
        return cpu_task, [n] * tasks, lambda i, r: r == expected
    if workload == "io":
        return io_task, [params["sleep-ms"]] * tasks, lambda i, r: r == 0
    if workload == "tiny":
        return tiny_task, list(range(tasks)), lambda i, r: r == i
    raise SystemExit(f"python-baseline: workload {workload} has no task function for this executor")


# --- executors ---------------------------------------------------------------------------------------------


def run_single(function, arguments, workers, options):
    return [function(a) for a in arguments], {}


def run_thread_pool(function, arguments, workers, options):
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, arguments)), {}


def run_thread_per_task(function, arguments, workers, options):
    results = [None] * len(arguments)

    def body(index):
        results[index] = function(arguments[index])

    threads = [threading.Thread(target=body, args=(i,)) for i in range(len(arguments))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, {}


def _timed_pool(make_pool, run, close):
    """Times pool start-up and shutdown apart from the work, as concbench's process-pool does."""
    started = time.perf_counter()
    pool = make_pool()
    ready = time.perf_counter()
    try:
        results = run(pool)
    finally:
        finished = time.perf_counter()
        close(pool)
        closed = time.perf_counter()
    return results, {"pool_start_ms": (ready - started) * 1e3, "shutdown_ms": (closed - finished) * 1e3,
                     "_work_s": finished - ready}


def run_pool_map(function, arguments, workers, options):
    chunksize = options.get("chunksize")

    def warm(pool):
        # Pool() returns before its workers have started; wait until every worker has answered once, so that
        # worker start-up is counted in pool_start_ms and not in the work.
        pool.map(tiny_task, range(workers), chunksize=1)
        return pool

    return _timed_pool(lambda: warm(multiprocessing.Pool(workers)),
                       lambda pool: pool.map(function, arguments, chunksize=chunksize),
                       lambda pool: (pool.close(), pool.join()))


def run_process_pool_executor(function, arguments, workers, options):
    chunksize = options.get("chunksize") or 1

    def warm(pool):
        list(pool.map(tiny_task, range(workers)))
        return pool

    return _timed_pool(lambda: warm(concurrent.futures.ProcessPoolExecutor(max_workers=workers)),
                       lambda pool: list(pool.map(function, arguments, chunksize=chunksize)),
                       lambda pool: pool.shutdown(wait=True))


def _process_body(function, argument, queue):
    queue.put(function(argument))


def run_process_per_task(function, arguments, workers, options):
    """The lesson's multiprocessing.Process, one per task, at most `workers` running at once."""
    queue = multiprocessing.Queue()
    results, processes = [], []
    while len(results) < len(arguments):
        # A process counts as running until its result has arrived.
        while len(processes) < len(arguments) and len(processes) - len(results) < workers:
            p = multiprocessing.Process(target=_process_body, args=(function, arguments[len(processes)], queue))
            p.start()
            processes.append(p)
        results.append(queue.get())
    for p in processes:
        p.join()
    # Results arrive in completion order; the tasks of a workload are interchangeable, so order does not matter.
    return results, {}


EXECUTORS = {
    "py-single": (run_single, "the tasks in a plain loop (the baseline)"),
    "py-thread-pool": (run_thread_pool, "concurrent.futures.ThreadPoolExecutor(--workers).map"),
    "py-thread-per-task": (run_thread_per_task, "threading.Thread per task, all started, then joined"),
    "py-pool-map": (run_pool_map, "multiprocessing.Pool(--workers).map, chunksize --chunksize or CPython's"),
    "py-process-pool-executor": (run_process_pool_executor,
                                 "concurrent.futures.ProcessPoolExecutor(--workers).map"),
    "py-process": (run_process_per_task, "multiprocessing.Process per task, at most --workers alive"),
}


# --- the counter: the lesson's race demo and its Lock ------------------------------------------------------


def run_counter(tasks, increments, workers, guard):
    """Threads adding one to a global `increments` times each; guard 'none' or 'lock' (threading.Lock)."""
    state = {"counter": 0}
    lock = threading.Lock()

    def unguarded(_):
        start = time.monotonic_ns()
        for _ in range(increments):
            state["counter"] += 1
        return increments, start, time.monotonic_ns()

    def guarded(_):
        start = time.monotonic_ns()
        for _ in range(increments):
            with lock:
                state["counter"] += 1
        return increments, start, time.monotonic_ns()

    body = unguarded if guard == "none" else guarded
    if workers == 1:
        results = [body(i) for i in range(tasks)]
    else:
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(body, range(tasks)))
    return results, tasks * increments, state["counter"]


# --- measurement ---------------------------------------------------------------------------------------------


def cpu_seconds():
    """CPU time of this process and of its reaped children (pool workers count once joined)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class Case:
    """One workload on one executor; its runs are taken one at a time, so that a group's cases can alternate
    round by round (as concbench does): this machine's capacity changes within a minute, and a baseline
    measured in one block before the pool in another compares minutes, not executors."""

    def __init__(self, workload, executor, params, tasks, workers, options, guard=None):
        self.workload, self.executor, self.params, self.tasks = workload, executor, params, tasks
        self.workers, self.options, self.guard = workers, options, guard
        self.walls, self.cpus, self.latencies, self.phases = [], [], [], {}
        self.p99_per_run = []  # each kept run's own p99, the samples concbench compare tests
        self.failed = self.unverified = 0
        self.counter_total = None

    def run_once(self, keep):
        workload = self.workload
        cpu_start = cpu_seconds()
        start = time.perf_counter()
        if workload == "counter":
            results, expected, actual = run_counter(self.tasks, self.params["increments"], self.workers, self.guard)
            extra = {}
        else:
            function, arguments, verify = task_plan(workload, self.params, self.tasks)
            results, extra = EXECUTORS[self.executor][0](function, arguments, self.workers, self.options)
        wall_s = extra.pop("_work_s", None) or (time.perf_counter() - start)
        cpu_s = cpu_seconds() - cpu_start
        if not keep:
            return
        self.walls.append(wall_s * 1e3)
        self.cpus.append(cpu_s * 1e3)
        for key, value in extra.items():
            self.phases.setdefault(key, []).append(value)
        run_latencies = []
        for index, (result, t0, t1) in enumerate(results):
            run_latencies.append((t1 - t0) / 1e3)
            if workload != "counter" and not verify(index, result):
                self.unverified += 1
        self.latencies.extend(run_latencies)
        self.p99_per_run.append(percentile(sorted(run_latencies), 99))
        if workload == "counter":
            if self.counter_total is None:
                self.counter_total = {"expected": 0, "actual": 0, "lost": 0, "runs_with_loss": 0}
            self.counter_total["expected"] += expected
            self.counter_total["actual"] += actual
            self.counter_total["lost"] += expected - actual
            self.counter_total["runs_with_loss"] += 1 if expected != actual else 0

    def result(self, runs, warmup):
        workload, executor, params, tasks, workers, options, guard = (
            self.workload, self.executor, self.params, self.tasks, self.workers, self.options, self.guard)
        walls, cpus, latencies, phases = self.walls, self.cpus, self.latencies, self.phases
        failed, unverified, counter_total = self.failed, self.unverified, self.counter_total
        latencies.sort()
        wall = summary(walls)
        cpu = summary(cpus)
        result = {
            "workload": workload, "executor": executor, "workers": workers, "tasks": tasks, "params": params,
            "guard": guard, "runs": runs, "warmup_runs": warmup, "wall_ms": wall, "cpu_ms": cpu,
            "user_ms": None, "sys_ms": None,
            "latency_us": {"mean": statistics.fmean(latencies) if latencies else 0.0,
                           "p50": percentile(latencies, 50), "p90": percentile(latencies, 90),
                           "p99": percentile(latencies, 99), "max": latencies[-1] if latencies else 0.0,
                           "count": len(latencies), "p99_per_run": self.p99_per_run},
            "throughput_per_s": tasks / (wall["median"] / 1e3) if wall["median"] > 0 else 0.0,
            "cores_used": cpu["median"] / wall["median"] if wall["median"] > 0 else 0.0,
            "baseline": None, "speedup": None, "efficiency": None, "counter": counter_total,
            "failed_tasks": failed, "unverified_tasks": unverified, "first_failure": None,
            "warnings": ["CPU time counts pool workers only once they have exited"]
            if executor in ("py-pool-map", "py-process-pool-executor") else [],
        }
        for key, values in phases.items():
            result[key] = summary(values)
        if options.get("chunksize") and executor in ("py-pool-map", "py-process-pool-executor"):
            result["chunksize"] = options["chunksize"]
        return result


def add_task_time_vs_baseline(result, base):
    """As concbench does: the median task time over the baseline's, and a warning below 0.95 (tasks of 1 ms+).

    CPython's pool tasks here ran 0.95-0.97x as long as its single loop's in some minutes (its speed for the
    loop moves with what else its process has done: scripts/cpython-process-state), so its speedup read
    over 2x on two cores: docs/PERFORMANCE.md.
    """
    p50, base_p50 = result["latency_us"]["p50"], base["latency_us"]["p50"]
    if p50 <= 0 or base_p50 <= 0:
        return
    ratio = p50 / base_p50
    result["task_time_vs_baseline"] = ratio
    if ratio < 0.95 and base_p50 >= 1000:
        result["warnings"].append(
            f"its tasks took {ratio:.2f} of the baseline's time each (p50 {p50 / 1e3:.1f} ms against "
            f"{base_p50 / 1e3:.1f} ms): part of its speedup ({result['speedup']:.2f}x) is faster tasks, not "
            "parallelism; the baseline's process ran the loop slower (docs/PERFORMANCE.md)")


def environment():
    cpu_model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu_model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "concbench_version": "python-baseline",
        "java_version": None, "java_vendor": None, "java_vm": None, "jvm_args": [],
        "python_version": platform.python_version(), "python_implementation": platform.python_implementation(),
        "os_name": platform.system(), "os_version": platform.release(), "os_arch": platform.machine(),
        "cpu_model": cpu_model, "available_processors": len(os.sched_getaffinity(0)),
        "max_heap_mb": 0,
        "timestamp_utc": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
        .replace("+00:00", "Z"),
    }


def fail(message):
    print(f"python-baseline: {message}", file=sys.stderr)
    sys.exit(2)


def positive(text):
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number")
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' must be at least 1")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workload", required=True, help="comma-separated: " + ", ".join(WORKLOADS))
    parser.add_argument("--executor", default="py-single",
                        help="comma-separated: " + ", ".join(EXECUTORS) + " (counter: py-single, py-thread-pool)")
    parser.add_argument("--workers", type=positive, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--tasks", type=positive)
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--guard", default="lock", help="counter guard(s): none, lock")
    parser.add_argument("--chunksize", type=positive, help="chunksize of Pool.map / ProcessPoolExecutor.map")
    parser.add_argument("--runs", type=positive, default=3)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--baseline", default="py-single", help="executor speedups are against, or none")
    parser.add_argument("--output", help="write the JSON report here (atomically); otherwise to stdout")
    args = parser.parse_args()

    workloads = args.workload.split(",")
    executors = args.executor.split(",")
    guards = args.guard.split(",")
    for w in workloads:
        if w not in WORKLOADS:
            fail(f"invalid value for --workload: '{w}' (expected one of: {', '.join(WORKLOADS)})")
    for e in executors + ([] if args.baseline == "none" else [args.baseline]):
        if e not in EXECUTORS:
            fail(f"invalid value for --executor: '{e}' (expected one of: {', '.join(EXECUTORS)})")
    for g in guards:
        if g not in ("none", "lock"):
            fail(f"invalid value for --guard: '{g}' (expected none or lock)")
    if args.warmup < 0:
        fail(f"invalid value for --warmup: '{args.warmup}' (must be 0 or more)")
    if args.output:
        directory = os.path.dirname(os.path.abspath(args.output))
        if not os.path.isdir(directory) or not os.access(directory, os.W_OK):
            fail(f"invalid value for --output: '{args.output}' (directory {directory} is not writable)")

    given = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            fail(f"invalid value for --param: '{item}' (expected KEY=VALUE)")
        try:
            given[key] = int(value.replace("_", ""))
        except ValueError:
            fail(f"invalid value for --param {key}: '{value}' (expected a whole number)")

    command_line = ["python-baseline"] + sys.argv[1:]
    results = []
    for workload in workloads:
        defaults = WORKLOADS[workload]
        params = {k: given.get(k, v) for k, v in defaults["params"].items()}
        unknown = set(given) - set(defaults["params"]) - {k for w in workloads for k in WORKLOADS[w]["params"]}
        if unknown:
            fail(f"invalid value for --param: unknown parameter '{sorted(unknown)[0]}'")
        tasks = args.tasks or defaults["tasks"]
        chosen = list(executors)
        if args.baseline != "none" and args.baseline not in chosen:
            chosen.insert(0, args.baseline)
        cases = []
        for executor in chosen:
            workers = 1 if executor == "py-single" else args.workers
            if workload == "counter":
                if executor not in ("py-single", "py-thread-pool"):
                    continue
                cases.extend(Case(workload, executor, params, tasks, workers, {}, guard) for guard in guards)
            else:
                cases.append(Case(workload, executor, params, tasks, workers, {"chunksize": args.chunksize}))
        for run in range(args.warmup + args.runs):  # round-robin: every case sees the same minutes
            for case in cases:
                case.run_once(keep=run >= args.warmup)
        group = [case.result(args.runs, args.warmup) for case in cases]
        ran = list(dict.fromkeys(case.executor for case in cases))
        print(f"python-baseline: {workload} on {', '.join(ran)} done (runs alternated)", file=sys.stderr)
        for result in group:
            base = next((r for r in group if r["executor"] == args.baseline
                         and r["guard"] in (None, result["guard"])), None)
            if base is not None:
                result["baseline"] = args.baseline
                result["speedup"] = base["wall_ms"]["median"] / result["wall_ms"]["median"]
                result["efficiency"] = result["speedup"] / result["workers"]
                add_task_time_vs_baseline(result, base)
        results.extend(group)

    report = {"schema": SCHEMA, "complete": True, "command_line": command_line, "environment": environment(),
              "results": results}
    text = json.dumps(report, indent=2) + "\n"
    if args.output:
        write_atomically(args.output, text)
    else:
        sys.stdout.write(text)

