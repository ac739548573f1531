"""`python -m degenks_desktop` runs the command line, as `degenks` does."""

from __future__ import annotations

import sys

from degenks_desktop.cli import main

sys.exit(main())
