# Writes the report files no run could have written, for BadReportsTest, from the saved reports beside them
# (../reports). Run from this directory: python3 make_bad_reports.py. The files are committed; rerun only to
# change them.
import copy, json

REPORTS = "../reports/"


def base():
    d = json.load(open(REPORTS + "run-inprocess.json"))
    d["results"] = d["results"][:2]  # cpu on single, cpu on thread-pool: 3 runs each
    return d


def text(d):
    return json.dumps(d, indent=1)


def write(name, content):
    with open(name, "w") as f:
        f.write(content)


def edited(name, edit):
    d = base()
    edit(d)
    write(name, text(d))


good = text(base())
write("01-empty.json", "")
write("02-truncated.json", good[: len(good) // 2])
write("03-not-json.json", "results: cpu on single, 5.1 ms\n")
write("04-array-root.json", "[" + good + "]")
write("05-two-reports.json", good + "\n" + good)
write("06-duplicate-field.json", good.replace('"runs": 3,', '"runs": 3,\n  "runs": 30,', 1))
write("07-nan-token.json", good.replace("5.000959", "NaN", 1))
edited("08-workers-as-text.json", lambda d: d["results"][0].update(workers="2"))
edited("09-samples-as-text.json",
       lambda d: d["results"][0]["wall_ms"].update(samples=[str(v) for v in d["results"][0]["wall_ms"]["samples"]]))
edited("10-missing-wall.json", lambda d: d["results"][1].pop("wall_ms"))
edited("11-results-not-an-array.json", lambda d: d.update(results={"cpu": d["results"][0]}))


def negative_wall(d):
    d["results"][0]["wall_ms"]["samples"][1] = -5.140064


edited("12-negative-wall.json", negative_wall)


def zero_wall(d):
    w = d["results"][1]["wall_ms"]
    w.update(mean=0.0, median=0.0, stddev=0.0, min=0.0, max=0.0, ci_low=0.0, ci_high=0.0, samples=[0.0, 0.0, 0.0])


edited("13-zero-wall.json", zero_wall)
write("14-infinite-wall.json", good.replace("5.456264", "1e999", 1))


def sample_count(d):
    d["results"][0]["runs"] = 4


edited("15-fewer-samples-than-runs.json", sample_count)


def mismatch(d):
    w = d["results"][1]["wall_ms"]
    w.update(min=0.001, max=1e6)


edited("16-summary-not-of-its-samples.json", mismatch)


def negative_cpu(d):
    d["results"][0]["cpu_ms"]["samples"][2] = -10.0


edited("17-negative-cpu.json", negative_cpu)


def negative_latency(d):
    d["results"][1]["latency_us"]["p99_per_run"][0] = -648.703


edited("18-negative-latency.json", negative_latency)


def p99_count(d):
    d["results"][1]["latency_us"]["p99_per_run"] = [648.703]


edited("19-p99-per-run-count.json", p99_count)
edited("20-negative-speedup.json", lambda d: d["results"][1].update(speedup=-1.9))
write("21-deep-arrays.json", good.replace('"n": 2000000', '"n": ' + "[" * 5000 + "]" * 5000, 1))
nested = "1"
for i in range(40):
    nested = '{"a": ' + nested + "}"
write("22-deep-objects.json", good.replace('"n": 2000000', '"n": ' + nested, 1))
write("23-long-number.json", good.replace('"tasks": 8', '"tasks": 8' + "0" * 2000, 1))
write("24-integer-beyond-64-bits.json", good.replace('"failed_tasks": 0', '"failed_tasks": 99999999999999999999999', 1))
write("25-infinite-throughput.json", good.replace('"throughput_per_s": 1556.4008541527887', '"throughput_per_s": 1e400', 1))


def zero_runs(d):
    d["results"][0]["runs"] = 0


edited("26-zero-runs.json", zero_runs)


def scaling_zero(d):
    m = json.load(open(REPORTS + "matrix-scaling.json"))
    d.clear()
    d.update(m)
    d["scaling"][0]["points"][0]["wall_ms"] = 0


edited("27-scaling-zero-wall.json", scaling_zero)
edited("28-workers-beyond-int.json", lambda d: d["results"][0].update(workers=3000000000))
