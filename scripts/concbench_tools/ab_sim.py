"""What would `concbench ab` catch, and how often would it cry wolf, with rounds of another cost or noise?

Usage: scripts/ab-sim (--jvm-figures FILE | --rounds-from GATE_QUALITY_JSON) [--round-seconds S[,S...]]
                      [--slowdown 0.05] [--trials 4000] [--max-time 60] [--min-rounds 8] [--threshold 0.05]
                      [--executor single] [--seed 1] [--interim-confidence 0.999]

Replays ab's procedure (docs/ab.md) on simulated rounds: after every round, the 99 % Wilcoxon signed-rank
interval of B/A on the rounds' log ratios (the k-th smallest and largest Walsh averages, k exact as
SignedRankInterval picks it), the verdict rule of PairedVerdict, and --rounds auto's stopping: stop once the
verdict is not `inconclusive` (from --min-rounds on; a regression or an improvement only once the
--interim-confidence interval excludes 1 too), or before a round that would end after --max-time (judged by
the longest round so far), or at 1000 rounds. Each round costs a fixed --round-seconds (the
cost of a design); what it measures comes from one of two noise models:

  --jvm-figures FILE   figures of fresh JVMs doing the same work, one line per sequence of JVMs run one
                       after the other (e.g. the fork-noise sequences in docs/ab.md, data/forknoise-*.txt):
                       a round's log ratio is ln(x_B / x_A) + ln(1 + slowdown), x_A and x_B two JVMs that
                       ran one after the other, in random order (--pairing adjacent, the default: slow JVMs
                       come in spells of seconds, which a round's pairing partly cancels), or drawn
                       independently from all figures (--pairing independent: noisier than ab's rounds).
  --rounds-from FILE   the rounds of A/A trials that scripts/gate-quality --json recorded (its ab trials
                       keep every round's pair): a round's log ratio is one of theirs with a random sign
                       (A/A is symmetric: the order of each round is random), plus ln(1 + slowdown).

Prints per round cost: the share of A/A trials judged `regressed` (false alarms), the share of slowed
trials judged `regressed` (detections), each with a 95 % interval from the simulation's own count, and the
mean rounds and seconds of a trial. Standard library only.
"""

import argparse
import bisect
import functools
import json
import math
import random

MAX_ROUNDS = 1000


@functools.lru_cache(maxsize=None)
def critical_order(n, tail):
    """The smallest x with P(W <= x) >= tail under the null distribution of the signed-rank statistic W of n
    untied differences (R's qsignrank); 0 when the interval cannot be had. As SignedRankInterval.criticalOrder
    (exact only: the simulation never goes beyond 200 rounds)."""
    if n > 200:
        raise ValueError("exact up to 200 rounds only")
    total = n * (n + 1) // 2
    p = [0.0] * (total + 1)
    p[0] = 1.0
    reach = 0
    for r in range(1, n + 1):
        for s in range(reach, -1, -1):
            here = p[s] / 2
            p[s] = here
            p[s + r] += here
        reach += r
    cumulative = 0.0
    for x, px in enumerate(p):
        cumulative += px
        if cumulative >= tail * (1 - 1e-12):
            return x
    return total


def judge(low, high, rounds, min_rounds, threshold):
    """PairedVerdict.judge: regressed, improved, no change or inconclusive for a ratio interval [low, high]."""
    if rounds < min_rounds or not low > 0 or not math.isfinite(high):
        return "inconclusive"
    up = 1 + threshold
    down = 1 / up
    if low > 1:
        return "regressed" if high > up else "no change"
    if high < 1:
        return "improved" if low < down else "no change"
    return "no change" if low >= down and high <= up else "inconclusive"


class Walsh:
    """The sorted Walsh averages (d_i + d_j) / 2, i <= j, of the rounds so far, kept sorted as rounds come."""

    def __init__(self):
        self.d = []
        self.sorted = []

    def add(self, value):
        self.d.append(value)
        for other in self.d:
            bisect.insort(self.sorted, (other + value) / 2)

    def interval(self, confidence):
        """The ratio interval (low, high) of B/A at confidence, (0, inf) when the rounds cannot give one."""
        k = critical_order(len(self.d), (1 - confidence) / 2)
        if k == 0:
            return 0.0, math.inf
        return math.exp(self.sorted[k - 1]), math.exp(self.sorted[len(self.sorted) - k])


def trial(draw, round_seconds, max_time, min_rounds, threshold, confidence=0.99, interim_confidence=None):
    """One simulated `ab --rounds auto`: (verdict, rounds, seconds). draw() gives a round's log ratio.
    interim_confidence: a stricter level at which a regression or an improvement must also exclude 1 to stop
    the rounds before time is up (a Haybittle-Peto boundary); the verdict where they stop is always the one
    at confidence. None: confidence alone, at every look."""
    walsh = Walsh()
    elapsed = 0.0
    verdict = "inconclusive"
    while True:
        walsh.add(draw())
        elapsed += round_seconds
        low, high = walsh.interval(confidence)
        verdict = judge(low, high, len(walsh.d), min_rounds, threshold)
        certain = verdict != "inconclusive"
        if certain and interim_confidence is not None and verdict in ("regressed", "improved"):
            strict_low, strict_high = walsh.interval(interim_confidence)
            certain = strict_low > 1 or strict_high < 1
        if certain or len(walsh.d) >= MAX_ROUNDS:
            break
        if elapsed + round_seconds > max_time:  # the longest round so far is round_seconds
            break
    return verdict, len(walsh.d), elapsed


def jvm_model(sequences, slowdown, rng, adjacent):
    """A round's log ratio from two fresh JVMs' figures, B slowed by slowdown: two JVMs that ran one after the
    other in a recorded sequence (adjacent), in either order, or two drawn independently from all figures."""
    shift = math.log1p(slowdown)
    if adjacent:
        pairs = [math.log(s[i + 1] / s[i]) for s in sequences for i in range(len(s) - 1)]
        if not pairs:
            raise SystemExit("ab-sim: --pairing adjacent needs sequences of at least two figures")
        return lambda: rng.choice(pairs) * rng.choice((-1, 1)) + shift
    logs = [math.log(x) for s in sequences for x in s]
    return lambda: rng.choice(logs) - rng.choice(logs) + shift


def rounds_model(log_ratios, slowdown, rng):
    """A round's log ratio: a recorded A/A round's with a random sign, B slowed by slowdown."""
    shift = math.log1p(slowdown)
    return lambda: rng.choice(log_ratios) * rng.choice((-1, 1)) + shift


def read_figures(path):
    """The sequences of JVM figures in a file: one sequence per line (JVMs in the order they ran); # comments."""
    with open(path) as f:
        sequences = [[float(word) for word in line.split("#")[0].split()] for line in f]
    return [s for s in sequences if s]


def read_aa_rounds(path, executor):
    """The log ratios of every round of the ab A/A trials on executor in a gate-quality --json file."""
    with open(path) as f:
        saved = json.load(f)
    trials = saved["trials"] if isinstance(saved, dict) else saved
    logs = [math.log(r["b_ms"] / r["a_ms"]) for t in trials
            if t["procedure"] == "ab" and t["executor"] == executor and t["kind"] == "aa"
            for r in t.get("rounds", [])]
    if not logs:
        raise SystemExit(f"ab-sim: {path} holds no rounds of ab A/A trials on {executor} (gate-quality records "
                         "them since this tool exists; older files keep only each trial's interval)")
    return logs


def share_interval(hits, n):
    """A 95 % Wilson interval for a share hits/n, as (low, high)."""
    if n == 0:
        return 0.0, 1.0
    z = 1.96
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def simulate(make_draw, round_seconds, args, rng):
    """Per kind ("aa", "slow"): regressed count, trials, mean rounds, mean seconds."""
    rows = {}
    for kind, slowdown in (("aa", 0.0), ("slow", args.slowdown)):
        draw = make_draw(slowdown, rng)
        regressed = rounds = seconds = 0
        for _ in range(args.trials):
            verdict, n, s = trial(draw, round_seconds, args.max_time, args.min_rounds, args.threshold,
                                  interim_confidence=args.interim_confidence or None)
            regressed += verdict == "regressed"
            rounds += n
            seconds += s
        rows[kind] = (regressed, args.trials, rounds / args.trials, seconds / args.trials)
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--jvm-figures", help="fresh JVMs' figures for the same work, white-space separated")
    source.add_argument("--rounds-from", help="a scripts/gate-quality --json file whose ab trials hold rounds")
    parser.add_argument("--pairing", choices=("adjacent", "independent"), default="adjacent",
                        help="with --jvm-figures: a round pairs two JVMs that ran one after the other (default), "
                             "or two drawn independently")
    parser.add_argument("--executor", default="single", help="with --rounds-from: whose trials (default single)")
    parser.add_argument("--round-seconds", default="2.35", help="cost of a round, seconds; several: comma-separated")
    parser.add_argument("--slowdown", type=float, default=0.05)
    parser.add_argument("--threshold", type=float, default=0.05)
    parser.add_argument("--trials", type=int, default=4000)
    parser.add_argument("--max-time", type=float, default=60.0)
    parser.add_argument("--min-rounds", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--interim-confidence", type=float, default=0.999,
                        help="stop early on a regression or improvement only once the interval at this stricter "
                             "level excludes 1 too, as ab does (default 0.999); 0: at 99 %%, as ab did before "
                             "5 December 2026. The last look is judged at 99 %% either way")
    args = parser.parse_args(argv)
    costs = [float(c) for c in args.round_seconds.split(",")]
    if args.trials < 1 or args.min_rounds < 8 or any(c <= 0 for c in costs):
        parser.error("--trials at least 1, --min-rounds at least 8, --round-seconds above 0")
    if args.jvm_figures:
        sequences = read_figures(args.jvm_figures)
        adjacent = args.pairing == "adjacent"
        make_draw = lambda slowdown, rng: jvm_model(sequences, slowdown, rng, adjacent)  # noqa: E731
        what = (f"{sum(map(len, sequences))} JVM figures from {args.jvm_figures}, "
                f"{'adjacent JVMs' if adjacent else 'independent JVMs'} paired")
    else:
        logs = read_aa_rounds(args.rounds_from, args.executor)
        make_draw = lambda slowdown, rng: rounds_model(logs, slowdown, rng)  # noqa: E731
        what = f"{len(logs)} A/A rounds on {args.executor} from {args.rounds_from}"
    print(f"ab-sim: {args.trials} simulated trials of each kind per round cost; noise: {what}; "
          f"B {args.slowdown:.0%} slower; --max-time {args.max_time:g} s, --min-rounds {args.min_rounds}, "
          f"threshold {args.threshold:.0%}")
    print(f"{'s/round':>8} {'max rounds':>10} {'A/A false alarms':>24} {f'{args.slowdown:.0%} detected':>24} "
          f"{'rounds A/A, slow':>17} {'s/trial':>8}")
    for cost in costs:
        rng = random.Random(args.seed)
        rows = simulate(make_draw, cost, args, rng)
        cells = []
        for kind in ("aa", "slow"):
            hits, n, _, _ = rows[kind]
            low, high = share_interval(hits, n)
            cells.append(f"{hits / n:6.1%} [{low:5.1%}, {high:5.1%}]")
        most = max(1, int(args.max_time // cost))
        mean_seconds = (rows["aa"][3] + rows["slow"][3]) / 2
        print(f"{cost:>8.2f} {most:>10} {cells[0]:>24} {cells[1]:>24} "
              f"{rows['aa'][2]:>8.1f}, {rows['slow'][2]:>6.1f} {mean_seconds:>8.1f}")


if __name__ == "__main__":
    main()
