"""concbench_tools.gate_quality: the arithmetic of false alarms, detections and minimum detectable effect."""

import json
import math
import os
import tempfile
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

    def test_the_slow_ratio_is_the_median_of_the_slow_trials_measured_b_over_a(self):
        def rounds(*ratios):
            return [{"a_ms": 100.0, "b_ms": 100.0 * r} for r in ratios]
        trials = [trial("slow", True, 1.02, 1.08) | {"rounds": rounds(1.04, 1.05, 1.20)},  # its median: 1.05
                  trial("slow", True, 1.01, 1.09) | {"rounds": rounds(1.03, 1.04)},  # 1.035
                  trial("slow", False, 0.99, 1.06) | {"rounds": rounds(1.06)},  # 1.06
                  trial("aa", False, 0.98, 1.02) | {"rounds": rounds(2.0)},  # A/A: not counted
                  trial("slow", True, 1.01, 1.047, procedure="compare"),
                  trial("slow", False, 0.98, 1.041, procedure="compare")]
        rows = {r["procedure"]: r for r in gate_quality.summarize(trials, 0.05)}
        self.assertAlmostEqual(rows["ab"]["slow_ratio"], 1.05)
        self.assertAlmostEqual(rows["compare"]["slow_ratio"], (1.047 + 1.041) / 2)  # compare's ratio, "other"
        self.assertIn("1.050", gate_quality.table(list(rows.values()), 0.05))

    def test_each_workload_is_summarized_apart_and_older_trials_are_cpu(self):
        trials = [trial("aa", True, 1.01, 1.07), trial("aa", False, 0.99, 1.01) | {"workload": "cpu"},
                  trial("aa", False, 0.99, 1.01) | {"workload": "log-regex"}]
        rows = gate_quality.summarize(trials, 0.05)
        self.assertEqual([(r["workload"], r["aa_trials"], r["false_alarms"]) for r in rows],
                         [("cpu", 2, 1), ("log-regex", 1, 0)])
        self.assertTrue(gate_quality.table(rows, 0.05).startswith("workload"))
        # One workload: no column for it, as the tables in docs/compare.md.
        self.assertTrue(gate_quality.table(rows[:1], 0.05).startswith("procedure"))


class WorkTest(unittest.TestCase):

    def test_the_cpu_workload_needs_no_plugin(self):
        work = gate_quality.Work()
        self.assertEqual(work.shared_args(), ["--workload", "cpu"])
        self.assertEqual(work.size_args(30000000), "--param n=30000000")

    def test_a_plugin_workload_gives_its_jar_to_every_run_and_scales_its_own_parameter(self):
        work = gate_quality.Work("log-regex", "lines", "/x/plugin.jar")
        self.assertEqual(work.shared_args(), ["--plugin", "/x/plugin.jar", "--workload", "log-regex"])
        self.assertEqual(work.size_args(31500), "--param lines=31500")
        self.assertEqual(work.describe(30000, 31500), "log-regex lines=30000 against lines=31500")


def stream(count, every=10.0, first="a"):
    """Reports measured back to back, alternating sides, one every `every` seconds."""
    other = "b" if first == "a" else "a"
    return [{"side": first if i % 2 == 0 else other, "start": i * every, "path": f"r{i}"} for i in range(count)]


class StreamPairingTest(unittest.TestCase):

    def test_a_slow_trial_pairs_each_a_with_the_earliest_b_at_least_the_gap_later(self):
        pairs = gate_quality.form_pairs(stream(12), "a", "b", 30, 10)
        # A at 0, 20, 40, 60, 80, 100; B at 10, 30, 50, 70, 90, 110.
        self.assertEqual([(a["start"], b["start"]) for a, b in pairs], [(0, 30), (20, 50), (40, 70), (60, 90),
                                                                        (80, 110)])

    def test_an_aa_trial_pairs_two_a_reports_and_no_report_is_in_two_trials_of_a_kind(self):
        reports = stream(24)  # A every 20 s from 0 to 220
        pairs = gate_quality.form_pairs(reports, "a", "a", 30, 100)
        self.assertEqual([(a["start"], b["start"]) for a, b in pairs],
                         [(0, 40), (20, 60), (80, 120), (100, 140), (160, 200), (180, 220)])
        paths = [r["path"] for pair in pairs for r in pair]
        self.assertEqual(len(paths), len(set(paths)))
        for a, b in pairs:
            self.assertEqual((a["side"], b["side"]), ("a", "a"))
            self.assertGreaterEqual(b["start"] - a["start"], 30)

    def test_pairs_stop_at_the_limit_and_need_the_gap(self):
        self.assertEqual(len(gate_quality.form_pairs(stream(40), "a", "b", 30, 3)), 3)
        self.assertEqual(gate_quality.form_pairs(stream(4), "a", "b", 1000, 10), [])
        # Start order decides, not the order given.
        shuffled = list(reversed(stream(12)))
        self.assertEqual(gate_quality.form_pairs(shuffled, "a", "b", 30, 10),
                         gate_quality.form_pairs(stream(12), "a", "b", 30, 10))

    def test_both_kinds_come_from_one_stream_and_may_share_an_a_report(self):
        formed = gate_quality.stream_trials(stream(24), 30, 4)
        self.assertEqual((len(formed["aa"]), len(formed["slow"])), (4, 4))
        aa_reports = {r["path"] for pair in formed["aa"] for r in pair}
        slow_reports = {r["path"] for pair in formed["slow"] for r in pair}
        self.assertTrue(aa_reports & slow_reports)

    def test_the_stream_alternates_starting_with_a(self):
        self.assertEqual(gate_quality.next_side([]), "a")
        self.assertEqual(gate_quality.next_side(stream(3)), "b")
        self.assertEqual(gate_quality.next_side(stream(4)), "a")


class StateTest(unittest.TestCase):

    def test_each_trial_is_saved_as_it_finishes_and_a_resume_skips_it(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "trials.json")
            state = gate_quality.State(path)
            state.add_report({"executor": "single", "side": "a", "start": 1.0, "seconds": 9.0, "path": "x"})
            state.add_trial(trial("aa", False, 0.99, 1.01) | {"trial": 0})
            with open(path) as f:
                saved = json.load(f)
            self.assertEqual(len(saved["trials"]), 1)
            self.assertEqual(len(saved["stream"]), 1)
            self.assertEqual([n for n in os.listdir(tmp) if n != "trials.json"], [])  # no temporary left

            resumed = gate_quality.State.resumed(path, path)
            self.assertTrue(resumed.done("ab", "single", "aa", 0))
            self.assertFalse(resumed.done("ab", "single", "slow", 0))
            self.assertFalse(resumed.done("ab", "single", "aa", 1))
            self.assertFalse(resumed.done("ab", "single", "aa", 0, "log-regex"))  # another workload's trial 0
            self.assertEqual(len(resumed.stream), 1)
            self.assertEqual(len(resumed.stream_of("cpu", "single")), 1)  # a report saved without a workload
            self.assertEqual(resumed.stream_of("log-regex", "single"), [])

    def test_a_resume_reads_the_older_list_of_trials_and_an_absent_file_is_a_fresh_start(self):
        with tempfile.TemporaryDirectory() as tmp:
            old = os.path.join(tmp, "old.json")
            with open(old, "w") as f:
                json.dump([trial("slow", True, 1.02, 1.08) | {"trial": 3}], f)
            self.assertTrue(gate_quality.State.resumed(old, old).done("ab", "single", "slow", 3))
            fresh = gate_quality.State.resumed(os.path.join(tmp, "none.json"), old)
            self.assertEqual((fresh.trials, fresh.stream), ([], []))


if __name__ == "__main__":
    unittest.main()
