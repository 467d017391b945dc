"""The Python behind concbench's scripts, one package so that they share one copy of each thing.

The executables in scripts/ are entry points: each puts scripts/ on sys.path and calls main() of its
module here.

  stats          summaries as concbench computes them (Student t included), bootstrap intervals,
                 per-round and net-of-task-speed speedups
  reports        reading concbench/1 JSON reports, and writing them atomically
  baseline       scripts/python-baseline: the lesson's programs on CPython's executors
  process_state  scripts/cpython-process-state
  budget         scripts/bench's budget table (scripts/budget.py)
  speedup_rounds scripts/speedup-rounds
  gate_quality   scripts/gate-quality: false alarms, detections and MDE of compare, ab, ab --duet
  ab_sim         scripts/ab-sim: ab's false alarms and detections simulated for another round cost or noise

Standard library only. Tests: python3 -m unittest discover -s scripts/concbench_tools/tests -t scripts
(run by src/test/java/io/concbench/scripts/PythonStatsContractTest, which also holds stats to Java's figures).
"""

import os

# The repository: the scripts run concbench and each other from here.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
