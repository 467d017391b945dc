# Reference figures for RankSumTestTest, from SciPy (independent of concbench). Run once, by hand:
#   python3 src/test/resources/io/concbench/stats/ranksum_reference.py
# and copy its output into the test. Needs numpy and scipy (1.17.1 produced the constants).
import numpy as np, scipy, itertools, math
from scipy import stats
rng = np.random.default_rng(19)
cases = []
cases.append(("8 v 8 apart", [100+i for i in range(8)], [110+i for i in range(8)]))
cases.append(("5 v 5 apart", [100,101,102,103,104], [105,106,107,108,109]))
x = list(np.round(rng.normal(100, 5, 8), 3)); y = list(np.round(rng.normal(106, 5, 8), 3))
cases.append(("8 v 8 overlapping", x, y))
x = list(np.round(rng.normal(100, 5, 10), 3)); y = list(np.round(rng.normal(104, 5, 10), 3))
cases.append(("10 v 10 overlapping", x, y))
x = list(np.round(rng.normal(100, 5, 5), 3)); y = list(np.round(rng.normal(110, 5, 7), 3))
cases.append(("5 v 7", x, y))
cases.append(("ticks 8 v 8", [10,10,20,20,20,10,30,20], [20,30,30,20,30,40,30,30]))
cases.append(("ticks 5 v 6", [10,10,20,10,10], [20,20,10,30,20,20]))
x = list(np.round(rng.normal(100, 5, 40), 3)); y = list(np.round(rng.normal(103, 5, 40), 3))
cases.append(("40 v 40 normal", x, y))
x = list(np.round(rng.normal(100, 10, 35), -1)); y = list(np.round(rng.normal(105, 10, 35), -1))
cases.append(("35 v 35 ticks normal", x, y))
for name, x, y in cases:
    ties = len(set(x + y)) < len(x) + len(y)
    n = len(x) + len(y)
    if n <= 60 and not ties:
        r = stats.mannwhitneyu(x, y, alternative="two-sided", method="exact"); how = "exact"
    elif n <= 60:
        r = stats.mannwhitneyu(x, y, alternative="two-sided", method=stats.PermutationMethod(n_resamples=np.inf)); how = "permutation"
    else:
        r = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True); how = "asymptotic"
    old = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=False).pvalue
    print(f'{name:24} {how:11} p={r.pvalue!r}  no-continuity normal={old!r}')
    print('   x=', ', '.join(repr(float(v)) for v in x))
    print('   y=', ', '.join(repr(float(v)) for v in y))

# Moses' interval rank by brute force over every split of the ranks 1..m+n (no scipy needed).
def moses(m, n, conf):
    counts = {}
    for c in itertools.combinations(range(1, m + n + 1), m):
        u = sum(c) - m * (m + 1) // 2
        counts[u] = counts.get(u, 0) + 1
    total = math.comb(m + n, m); tail = (1 - conf) / 2; below = 0; k = 0
    while below + counts.get(k, 0) / total <= tail:
        below += counts.get(k, 0) / total; k += 1
    return k
for m, n, conf in [(5,5,.99),(8,8,.99),(10,10,.95),(10,10,.99),(6,9,.99),(4,4,.99),(12,12,.99)]:
    print('moses', m, n, conf, moses(m, n, conf))
