"""concbench_tools.stats against closed forms, the printed t table and the scripts' former figures.
(Against Java's own figures: src/test/java/io/concbench/scripts/PythonStatsContractTest.java.)"""

import math
import statistics
import unittest

from concbench_tools import stats

P999 = 1 - (1 - 0.999) / 2  # the quantile of concbench's 99.9 % interval


def relative(a, b):
    return abs(a / b - 1)


class StudentTQuantileTest(unittest.TestCase):

    PS = (0.6, 0.9, 0.975, 0.995, P999, 0.999999, 1 - 1e-10)

    def test_one_degree_of_freedom_is_cauchy(self):
        for p in self.PS:
            # cot(pi (1 - p)), not tan(pi (p - 1/2)): the angle keeps its digits near 0, not near pi/2.
            self.assertLess(relative(stats.student_t_quantile(1, p), 1 / math.tan(math.pi * (1 - p))), 1e-13, p)

    def test_two_degrees_of_freedom_in_closed_form(self):
        for p in self.PS:
            exact = (2 * p - 1) / math.sqrt(2 * p * (1 - p))
            self.assertLess(relative(stats.student_t_quantile(2, p), exact), 1e-13, p)

    def test_four_degrees_of_freedom_in_closed_form(self):
        for p in self.PS:
            alpha = 4 * p * (1 - p)
            q = math.cos(math.acos(math.sqrt(alpha)) / 3) / math.sqrt(alpha)
            self.assertLess(relative(stats.student_t_quantile(4, p), 2 * math.sqrt(q - 1)), 1e-13, p)

    def test_agrees_with_the_printed_table_to_its_three_decimals(self):
        # The two-sided 99.9 % row that python-baseline carried as its table.
        table = {1: 636.619, 2: 31.599, 3: 12.924, 4: 8.610, 5: 6.869, 6: 5.959, 7: 5.408, 8: 5.041, 9: 4.781,
                 10: 4.587, 12: 4.318, 15: 4.073, 20: 3.850, 25: 3.725, 30: 3.646, 40: 3.551, 60: 3.460,
                 120: 3.373}
        for df, printed in table.items():
            self.assertAlmostEqual(stats.student_t_quantile(df, P999), printed, delta=0.0005 + 1e-12, msg=df)

    def test_falls_with_df_towards_the_normal_quantile(self):
        z = statistics.NormalDist().inv_cdf(P999)
        previous = math.inf
        for df in range(1, 5001):
            t = stats.student_t_quantile(df, P999)
            self.assertLess(t, previous, df)
            self.assertGreater(t, z, df)
            previous = t
        # Far out, t exceeds z by its series' first term alone, z (z^2 + 1) / (4 df).
        df = 10**12
        self.assertAlmostEqual(stats.student_t_quantile(df, P999), z + z * (z * z + 1) / (4 * df), delta=1e-15)

    def test_the_series_and_the_incomplete_beta_agree_where_one_hands_over_to_the_other(self):
        for df in (1000, stats._SERIES_DF - 1, stats._SERIES_DF, 5000):
            for p in (0.975, P999):
                z = statistics.NormalDist().inv_cdf(p)
                self.assertLess(relative(stats._cornish_fisher(df, z), stats._solve_tail(df, 1 - p, z)), 1e-13)

    def test_is_symmetric(self):
        for df in (1, 3, 30):
            self.assertEqual(stats.student_t_quantile(df, 0.5), 0.0)
            self.assertEqual(stats.student_t_quantile(df, 0.025), -stats.student_t_quantile(df, 0.975))

    def test_refuses_what_has_no_quantile(self):
        for df, p in ((0, 0.9), (1, 0.0), (1, 1.0), (1, 1.5)):
            with self.assertRaises(ValueError):
                stats.student_t_quantile(df, p)


class SummaryTest(unittest.TestCase):

    def test_summarises_as_concbench_does(self):
        s = stats.summary([4.0, 1.0, 3.0, 2.0])
        self.assertEqual(s["mean"], 2.5)
        self.assertEqual(s["median"], 2.5)
        self.assertAlmostEqual(s["stddev"], math.sqrt(5 / 3), delta=1e-15)  # n - 1, the sample's
        self.assertEqual((s["min"], s["max"]), (1.0, 4.0))
        self.assertEqual((s["ci_low"], s["ci_high"]), (None, None))  # fewer than 5 runs: no interval
        self.assertEqual(s["samples"], [4.0, 1.0, 3.0, 2.0])  # in run order
        self.assertEqual(list(s), ["mean", "median", "stddev", "min", "max", "ci_low", "ci_high", "samples"])

    def test_the_interval_from_five_samples_on_stops_at_zero_for_figures_that_cannot_be_negative(self):
        s = stats.summary([14.0, 11.0, 13.0, 12.0, 10.0])
        half = stats.student_t_quantile(4, P999) * math.sqrt(2.5) / math.sqrt(5)
        self.assertAlmostEqual(s["ci_low"], 12.0 - half, delta=1e-12)
        self.assertAlmostEqual(s["ci_high"], 12.0 + half, delta=1e-12)
        self.assertEqual(stats.summary([0.0, 0.0, 10.0, 0.0, 0.0])["ci_low"], 0.0)

    def test_one_sample_has_no_interval(self):
        s = stats.summary([7.5])
        self.assertEqual((s["mean"], s["median"], s["stddev"], s["ci_low"], s["ci_high"]),
                         (7.5, 7.5, 0.0, None, None))

    def test_no_samples_is_an_error(self):
        with self.assertRaises(ValueError):
            stats.summary([])


class DerivedFiguresTest(unittest.TestCase):
    VALUES = [1.91, 1.95, 2.02, 1.97, 1.88, 1.99, 2.04, 1.93, 1.96, 1.98]
    OTHER = [2.01, 1.99, 2.05, 1.97, 2.03, 2.00]

    def test_percentile_is_the_nearest_rank(self):
        values = [10.0, 20.0, 30.0, 40.0]
        self.assertEqual([stats.percentile(values, p) for p in (0, 25, 26, 50, 99, 100)],
                         [10.0, 10.0, 20.0, 20.0, 40.0, 40.0])
        self.assertEqual(stats.percentile([], 50), 0.0)

    def test_median_of_known_skips_figures_a_report_left_out(self):
        self.assertEqual(stats.median_of_known([3.0, None, 1.0, 2.0]), 2.0)
        self.assertIsNone(stats.median_of_known([None, None]))

    def test_iqr(self):
        # The figures budget.py printed before the package (statistics.quantiles' exclusive method).
        self.assertAlmostEqual(stats.iqr(self.VALUES), 0.0725, delta=1e-15)
        self.assertEqual(stats.iqr([1.0, 3.0]), 3.0)
        self.assertIsNone(stats.iqr([1.0]))

    def test_per_round_speedups_pair_each_round_with_its_baseline(self):
        pool = {"wall_ms": {"samples": [50.0, 60.0]}}
        self.assertEqual(stats.per_round_speedups([100.0, 90.0], pool), [2.0, 1.5])

    def test_net_of_task_speed(self):
        self.assertEqual(stats.net(2.0, 0.95), 1.9)
        self.assertIsNone(stats.net(2.0, None))
        self.assertIsNone(stats.net(None, 1.0))

    def test_bootstrap_intervals_are_those_speedup_rounds_printed_before_the_package(self):
        self.assertEqual(stats.bootstrap_median(self.VALUES), (1.93, 1.995))
        low, high = stats.bootstrap_median(self.VALUES, self.OTHER)
        self.assertAlmostEqual(low, -0.09, delta=1e-12)
        self.assertEqual(high, 0.0)
        self.assertEqual(stats.bootstrap_median(self.VALUES, iterations=200, seed=7), (1.93, 2.0))


if __name__ == "__main__":
    unittest.main()
