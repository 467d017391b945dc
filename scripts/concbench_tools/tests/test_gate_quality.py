"""concbench_tools.gate_quality: the arithmetic of false alarms, detections and minimum detectable effect."""

import math
import unittest

from concbench_tools import gate_quality


def trial(kind, regressed, low, other, procedure="ab", executor="single", seconds=10.0):
    return {"procedure": procedure, "executor": executor, "kind": kind, "regressed": regressed, "low": low,
            "other": other, "seconds": seconds}


class GateQualityTest(unittest.TestCase):

    def test_the_smallest_detected_slowdown_is_the_larger_of_the_two_bars(self):
        # Lower bound 0.98: it needs 1/0.98 - 1 = 2.04 % to clear 1; upper 1.03 needs 1.05/1.03 - 1 = 1.94 %.
        self.assertAlmostEqual(gate_quality.smallest_detected(0.98, 1.03, 0.05), 1 / 0.98 - 1)
        # Upper bound 0.99: it needs 1.05 / 0.99 - 1 = 6.06 %, more than the lower bound's 3.09 %.
        self.assertAlmostEqual(gate_quality.smallest_detected(0.97, 0.99, 0.05), 1.05 / 0.99 - 1)
        # Already beyond both: nothing more is needed.
        self.assertEqual(gate_quality.smallest_detected(1.02, 1.10, 0.05), 0.0)
        # No interval (too few rounds): no slowdown is ever detected.
        self.assertTrue(math.isinf(gate_quality.smallest_detected(None, 1.1, 0.05)))

    def test_the_percentile_is_the_nearest_rank(self):
        values = list(range(1, 21))  # 1..20
        self.assertEqual(gate_quality.percentile(values, 0.95), 19)
        self.assertEqual(gate_quality.percentile(values, 1.0), 20)
        self.assertEqual(gate_quality.percentile([5], 0.95), 5)
        self.assertIsNone(gate_quality.percentile([], 0.95))

    def test_summary_counts_per_procedure_and_executor(self):
        trials = [trial("aa", False, 0.99, 1.01), trial("aa", True, 1.01, 1.07),
                  trial("slow", True, 1.02, 1.08), trial("slow", False, 0.99, 1.09),
                  trial("aa", False, 0.9, 1.1, procedure="compare", seconds=200.0),
                  trial("slow", False, 0.95, 1.04, procedure="compare", seconds=100.0)]
        rows = {r["procedure"]: r for r in gate_quality.summarize(trials, 0.05)}
        ab = rows["ab"]
        self.assertEqual((ab["false_alarms"], ab["aa_trials"], ab["detections"], ab["slow_trials"]), (1, 2, 1, 2))
        # The A/A trials need max(1/0.99, 1.05/1.01) - 1 (3.96 %) and 0 %: the 95th percentile of two is the larger.
        self.assertAlmostEqual(ab["mde"], 1.05 / 1.01 - 1)
        self.assertAlmostEqual(ab["seconds_per_trial"], 10.0)
        compare = rows["compare"]
        self.assertAlmostEqual(compare["mde"], max(1 / 0.9, 1.05 / 1.1) - 1)
        self.assertAlmostEqual(compare["seconds_per_trial"], 150.0)
        self.assertIn("1 of 2", gate_quality.table(gate_quality.summarize(trials, 0.05), 0.05))


if __name__ == "__main__":
    unittest.main()
