"""concbench_tools.reports: reading a report's figures, writing one atomically."""

import json
import os
import tempfile
import unittest

from concbench_tools import reports


class ReportsTest(unittest.TestCase):

    def test_writes_atomically_with_the_umask_and_reads_back(self):
        report = {"schema": "concbench/1", "results": [
            {"executor": "single", "latency_us": {"p50": 81234.0}},
            {"executor": "thread-pool", "latency_us": {"p50": 82000.0}}]}
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "r.json")
            previous = os.umask(0o027)
            try:
                reports.write_atomically(path, "old")
                reports.write_atomically(path, json.dumps(report))
            finally:
                os.umask(previous)
            self.assertEqual(os.listdir(directory), ["r.json"])  # no temporary file left behind
            self.assertEqual(os.stat(path).st_mode & 0o777, 0o640)
            read = reports.load(path)
        self.assertEqual(read, report)
        by_executor = reports.by_executor(read)
        self.assertEqual(list(by_executor), ["single", "thread-pool"])
        self.assertEqual(reports.task_p50_ms(by_executor["single"]), 81.234)


if __name__ == "__main__":
    unittest.main()
