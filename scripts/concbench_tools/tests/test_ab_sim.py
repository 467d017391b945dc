"""concbench_tools.ab_sim: ab's interval, verdict and stopping, replayed."""

import itertools
import json
import math
import os
import random
import tempfile
import unittest

from concbench_tools import ab_sim


class IntervalTest(unittest.TestCase):

    def test_the_critical_order_is_the_exact_signed_rank_quantile(self):
        for n in range(1, 13):
            sums = [sum(r for r, s in zip(range(1, n + 1), signs) if s)
                    for signs in itertools.product((0, 1), repeat=n)]
            expected = next(x for x in range(n * (n + 1) // 2 + 1)
                            if sum(s <= x for s in sums) / len(sums) >= 0.005 * (1 - 1e-12))
            self.assertEqual(ab_sim.critical_order(n, 0.005), expected, n)
        # Below 8 rounds no 99 % interval: P(W = 0) = 2^-n > 0.005 (SignedRankIntervalTest likewise).
        self.assertEqual(ab_sim.critical_order(7, 0.005), 0)
        self.assertEqual(ab_sim.critical_order(8, 0.005), 1)

    def test_eight_rounds_give_the_smallest_and_largest_walsh_average(self):
        walsh = ab_sim.Walsh()
        for d in [3, 1, 2, 8, 5, 4, 7, 6]:
            walsh.add(d)
        low, high = walsh.interval(0.99)
        self.assertAlmostEqual(low, math.e)
        self.assertAlmostEqual(high, math.exp(8))
        self.assertEqual(len(walsh.sorted), 36)
        self.assertEqual(walsh.sorted, sorted(walsh.sorted))

    def test_fewer_than_eight_rounds_give_no_interval(self):
        walsh = ab_sim.Walsh()
        for d in range(7):
            walsh.add(d)
        self.assertEqual(walsh.interval(0.99), (0.0, math.inf))


class VerdictTest(unittest.TestCase):

    def test_the_verdict_rule_is_paired_verdicts(self):
        self.assertEqual(ab_sim.judge(1.01, 1.08, 8, 8, 0.05), "regressed")
        self.assertEqual(ab_sim.judge(1.01, 1.04, 8, 8, 0.05), "no change")
        self.assertEqual(ab_sim.judge(0.90, 0.99, 8, 8, 0.05), "improved")
        self.assertEqual(ab_sim.judge(0.97, 0.99, 8, 8, 0.05), "no change")
        self.assertEqual(ab_sim.judge(0.96, 1.04, 8, 8, 0.05), "no change")
        self.assertEqual(ab_sim.judge(0.99, 1.08, 8, 8, 0.05), "inconclusive")
        self.assertEqual(ab_sim.judge(1.01, 1.08, 7, 8, 0.05), "inconclusive")
        self.assertEqual(ab_sim.judge(0.0, math.inf, 9, 8, 0.05), "inconclusive")


class TrialTest(unittest.TestCase):

    def test_a_clear_slowdown_stops_certain_at_the_minimum_rounds(self):
        values = iter([0.10, 0.11, 0.09, 0.10, 0.12, 0.08, 0.10, 0.11, 0.10])
        self.assertEqual(ab_sim.trial(lambda: next(values), 2.0, 60, 8, 0.05), ("regressed", 8, 16.0))

    def test_an_interim_bound_settles_a_change_at_round_eleven_and_the_last_look_keeps_99_percent(self):
        steady = itertools.cycle([0.10, 0.11, 0.09, 0.12, 0.08])
        self.assertEqual(ab_sim.trial(lambda: next(steady), 2.0, 60, 8, 0.05, interim_confidence=0.999),
                         ("regressed", 11, 22.0))
        # 20 s allow ten rounds of 2 s: regressed at 99 % since round 8, never settled at 99.9 %, kept.
        self.assertEqual(ab_sim.trial(lambda: next(steady), 2.0, 20, 8, 0.05, interim_confidence=0.999),
                         ("regressed", 10, 20.0))
        # No change settles at once, as without the bound.
        flat = itertools.cycle([0.001, -0.001, 0.002, -0.002])
        self.assertEqual(ab_sim.trial(lambda: next(flat), 2.0, 60, 8, 0.05, interim_confidence=0.999),
                         ("no change", 8, 16.0))

    def test_noise_without_end_stops_before_a_round_would_pass_max_time(self):
        signs = itertools.cycle([0.3, -0.3])
        verdict, rounds, seconds = ab_sim.trial(lambda: next(signs), 2.5, 60, 8, 0.05)
        self.assertEqual((verdict, rounds, seconds), ("inconclusive", 24, 60.0))

    def test_the_adjacent_model_pairs_neighbours_and_shifts_by_the_slowdown(self):
        draw = ab_sim.jvm_model([[100, 110, 100]], 0.05, random.Random(1), adjacent=True)
        seen = {round(draw() - math.log(1.05), 9) for _ in range(200)}
        self.assertEqual(seen, {round(math.log(1.1), 9), round(-math.log(1.1), 9)})


class FilesTest(unittest.TestCase):

    def test_aa_rounds_are_read_from_a_gate_quality_file(self):
        trials = [{"procedure": "ab", "executor": "single", "kind": "aa",
                   "rounds": [{"order": "AB", "a_ms": 100, "b_ms": 110}]},
                  {"procedure": "ab", "executor": "single", "kind": "slow",
                   "rounds": [{"order": "AB", "a_ms": 100, "b_ms": 200}]},
                  {"procedure": "ab", "executor": "thread-pool", "kind": "aa",
                   "rounds": [{"order": "BA", "a_ms": 100, "b_ms": 90}]}]
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "gq.json")
            with open(path, "w") as f:
                json.dump({"trials": trials, "stream": []}, f)
            self.assertEqual(ab_sim.read_aa_rounds(path, "single"), [math.log(1.1)])
            with self.assertRaises(SystemExit):
                ab_sim.read_aa_rounds(path, "duet")

    def test_figures_are_read_one_sequence_a_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "f.txt")
            with open(path, "w") as f:
                f.write("# comment\n1 2 3\n\n4 5 # tail\n")
            self.assertEqual(ab_sim.read_figures(path), [[1, 2, 3], [4, 5]])


if __name__ == "__main__":
    unittest.main()
