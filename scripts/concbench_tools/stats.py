"""The statistics of concbench's scripts, in one place, computed as concbench computes its own.

`summary` is io.concbench.stats.Summaries.of: mean, median, sample standard deviation, min, max and the
99.9 % Student-t interval of the mean. `student_t_quantile` computes t (the standard library has no t
distribution, and a table of a few degrees of freedom drifted from Java's figures between its rows).
src/test/java/io/concbench/scripts/PythonStatsContractTest.java holds both to Java's figures. The rest are
the figures the budget scripts derive from reports: per-round speedups, speedups net of task speed, IQRs and
bootstrap intervals of medians.
"""

import functools
import math
import random
import statistics

# Two-sided confidence of the interval around the mean, as Summaries.CONFIDENCE.
CONFIDENCE = 0.999

# From here up t comes from its Cornish-Fisher series in 1/df, whose next term is below 1e-15 of t; below,
# from the incomplete beta function, which loses digits to cancellation as df grows past ~10^4.
_SERIES_DF = 3000
# Summaries.MIN_RUNS_FOR_INTERVAL: fewest samples for an interval of the mean.
MIN_RUNS_FOR_INTERVAL = 5


def summary(samples):
    """concbench's Summary of per-run samples, with the JSON report's field names.

    ci_low/ci_high bound the mean at 99.9 % confidence (Student t, n - 1 degrees of freedom); None with
    fewer than MIN_RUNS_FOR_INTERVAL samples, where t makes it wider than anything the runs could mean;
    ci_low is at least 0 when no sample is negative (times and memory cannot be).
    """
    n = len(samples)
    if n == 0:
        raise ValueError("no samples")
    mean = statistics.fmean(samples)
    stddev = statistics.stdev(samples) if n > 1 else 0.0
    ci_low = ci_high = None
    if n >= MIN_RUNS_FOR_INTERVAL:
        # The quantile Summaries asks for: 1 - (1 - CONFIDENCE) / 2, evaluated in the same order.
        half = student_t_quantile(n - 1, 1 - (1 - CONFIDENCE) / 2) * stddev / math.sqrt(n)
        ci_low, ci_high = mean - half, mean + half
        if min(samples) >= 0:
            ci_low = max(0.0, ci_low)
    return {"mean": mean, "median": statistics.median(samples), "stddev": stddev, "min": min(samples),
            "max": max(samples), "ci_low": ci_low, "ci_high": ci_high, "samples": list(samples)}


@functools.lru_cache(maxsize=None)
def student_t_quantile(df, p):
    """The p quantile of Student's t with df degrees of freedom (df >= 1, 0 < p < 1).

    Solves tail(t) = 1 - p for the upper tail P(T > t) = I(df / (df + t^2); df/2, 1/2) / 2, I the
    regularized incomplete beta function, by Newton's method on log(tail) against log(t), kept inside a
    bracket: on those scales the tail is nearly a straight line (it falls off as a power of t), so a few
    steps reach the last bits; from _SERIES_DF degrees of freedom up, by t's series around the normal
    quantile. Within ~1e-13 of the exact quantile; commons-math3's TDistribution, whose solver stops at
    1e-9 absolute, within 3e-10.
    """
    if df < 1 or not 0 < p < 1:
        raise ValueError(f"student_t_quantile needs df >= 1 and 0 < p < 1, not df={df}, p={p}")
    if p < 0.5:
        return -student_t_quantile(df, 1 - p)
    q = 1 - p  # exact for p in [0.5, 1)
    if q == 0.5:
        return 0.0
    z = statistics.NormalDist().inv_cdf(p)
    return _cornish_fisher(df, z) if df >= _SERIES_DF else _solve_tail(df, q, z)


def _solve_tail(df, q, start):
    """The t whose upper tail is q, from a start below or above it (the normal quantile)."""
    target = math.log(q)

    def h(u):  # log tail(e^u) - log q, decreasing in u
        return math.log(_t_upper_tail(df, math.exp(u))) - target

    # Widen by factors of e from the start until the root is bracketed.
    u = math.log(start)
    low = high = u
    while h(low) < 0:
        low -= 1
    while h(high) > 0:
        high += 1
    for _ in range(100):
        value = h(u)
        if value == 0:
            break
        if value > 0:
            low = u
        else:
            high = u
        t = math.exp(u)
        slope = -t * _t_density(df, t) / _t_upper_tail(df, t)  # d log(tail) / d log(t)
        after = u - value / slope
        if not low < after < high:  # Newton left the bracket: bisect instead
            after = (low + high) / 2
        done = abs(after - u) <= 1e-15  # t to 1e-15 relative
        u = after
        if done:
            break
    return math.exp(u)


def _cornish_fisher(df, z):
    """t's quantile from the normal one, z, by its series in 1/df (Abramowitz and Stegun 26.7.5)."""
    z2 = z * z
    terms = (z * (z2 + 1) / 4,
             z * ((5 * z2 + 16) * z2 + 3) / 96,
             z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384,
             z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160)
    return z + sum(term / df ** (power + 1) for power, term in enumerate(terms))


def _t_upper_tail(df, t):
    """P(T > t) for t > 0."""
    return _regularized_beta(df / (df + t * t), t * t / (df + t * t), df / 2, 0.5) / 2


def _t_density(df, t):
    return math.exp(-_log_beta(df / 2, 0.5) - 0.5 * math.log(df) - (df + 1) / 2 * math.log1p(t * t / df))


def _regularized_beta(x, one_minus_x, a, b):
    """I(x; a, b), with 1 - x given apart so that it keeps its digits when x is near 1.

    The continued fraction (modified Lentz) converges fast for x < (a + 1) / (a + b + 2); above that,
    I(x; a, b) = 1 - I(1 - x; b, a).
    """
    if x <= 0:
        return 0.0
    if one_minus_x <= 0:
        return 1.0
    if x > (a + 1) / (a + b + 2):
        return 1 - _regularized_beta(one_minus_x, x, b, a)
    log_x = math.log(x) if x < 0.5 else math.log1p(-one_minus_x)
    log_one_minus_x = math.log(one_minus_x) if one_minus_x < 0.5 else math.log1p(-x)
    log_front = a * log_x + b * log_one_minus_x - _log_beta(a, b)
    return math.exp(log_front) * _beta_continued_fraction(x, a, b) / a


def _beta_continued_fraction(x, a, b):
    tiny = 1e-300
    c = 1.0
    d = 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    fraction = d
    for m in range(1, 10_000):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            fraction *= c * d
        if abs(c * d - 1) <= 1e-16:
            return fraction
    raise ArithmeticError(f"the incomplete beta function's fraction did not converge: x={x}, a={a}, b={b}")


def _log_beta(a, b):
    """log B(a, b), without the cancellation of lgamma(a + b) against lgamma(a) when a is large (many
    degrees of freedom): there their difference comes from Stirling's series, whose remainders cancel to
    below 1e-16 from 20 up."""
    small, big = min(a, b), max(a, b)
    if big < 20:
        return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    ratio = ((big - 0.5) * math.log1p(small / big) + small * math.log(big + small) - small
             + _stirling_remainder(big + small) - _stirling_remainder(big))
    return math.lgamma(small) - ratio


def _stirling_remainder(x):
    """lgamma(x) - ((x - 0.5) log x - x + log(2 pi) / 2), for x >= 20."""
    inverse, square = 1 / x, 1 / (x * x)
    return inverse * (1 / 12 - square * (1 / 360 - square * (1 / 1260 - square / 1680)))


def percentile(sorted_values, p):
    """The nearest-rank p-th percentile of values sorted ascending; 0.0 for none."""
    if not sorted_values:
        return 0.0
    index = max(0, math.ceil(p / 100.0 * len(sorted_values)) - 1)
    return sorted_values[index]


def median_of_known(values):
    """The median of the values that are not None (a report may leave a figure out); None if none are."""
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def iqr(values):
    """The interquartile range (the standard library's default 'exclusive' quartiles); None below 2 values."""
    if len(values) < 2:
        return None
    quartiles = statistics.quantiles(values, n=4)
    return quartiles[2] - quartiles[0]


def per_round_speedups(base_walls, result):
    """Each measured round's speedup: the baseline's run over this result's run of the same round."""
    return [b / w for b, w in zip(base_walls, result["wall_ms"]["samples"])]


def net(speedup, task_ratio):
    """A speedup net of task speed: speedup x task time ratio, the tasks that ran at once on average."""
    return None if speedup is None or task_ratio is None else speedup * task_ratio


def bootstrap_median(values, other=None, iterations=4000, seed=1):
    """A 95 % percentile-bootstrap interval for median(values), or for median(values) - median(other)."""
    rng = random.Random(seed)
    estimates = []
    for _ in range(iterations):
        estimate = statistics.median(rng.choices(values, k=len(values)))
        if other is not None:
            estimate -= statistics.median(rng.choices(other, k=len(other)))
        estimates.append(estimate)
    estimates.sort()
    return estimates[int(0.025 * iterations)], estimates[int(0.975 * iterations) - 1]
