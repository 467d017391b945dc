# Reference figures for SummariesTest's and ScalingFitsTest's SciPy cases (independent of concbench). Run
# once, by hand:
#   python3 src/test/resources/io/concbench/stats/fits_reference.py
# and copy its output into the tests. Needs numpy and scipy (1.17.1 produced the constants).
import numpy as np
from scipy import stats, optimize

# The 99.9 % Student t interval of the mean.
for samples in ([112.0, 98.0, 131.0], [100.0, 102.0, 98.0, 101.0, 99.0], [5.000959, 5.140064, 5.456264, 5.2, 5.31, 4.98, 5.07, 5.6, 5.12, 5.25]):
    x = np.array(samples)
    low, high = stats.t.interval(0.999, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
    print("t", samples, repr(low), repr(high))

# Amdahl and USL least-squares fits of speedups, parameters held in their bounds.
workers = np.array([1, 2, 4, 8, 16, 32], dtype=float)
speedups = np.array([1.0, 1.86, 3.2, 4.9, 6.1, 6.3])
amdahl = lambda n, s: n / (1 + s * (n - 1))
usl = lambda n, sigma, kappa: n / (1 + sigma * (n - 1) + kappa * n * (n - 1))
(s,), _ = optimize.curve_fit(amdahl, workers, speedups, p0=[0.1], bounds=([0], [1]), xtol=1e-15, ftol=1e-15, gtol=1e-15)
print("amdahl s", repr(s))
(sigma, kappa), _ = optimize.curve_fit(usl, workers, speedups, p0=[0.1, 0.01], bounds=([0, 0], [1, np.inf]), xtol=1e-15, ftol=1e-15, gtol=1e-15)
print("usl sigma kappa", repr(sigma), repr(kappa))
