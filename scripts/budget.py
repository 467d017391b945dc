#!/usr/bin/env python3
"""concbench's performance budget, run by scripts/bench (run that); the code is in
scripts/concbench_tools/budget.py."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

from concbench_tools import budget  # noqa: E402 (needs the path above)

if __name__ == "__main__":
    sys.exit(budget.main())
