"""The browser harness lives in the top-level ``devtools`` package so the benchmark can use it too."""

from devtools.harness import *  # noqa: F403
from devtools.harness import REPO  # noqa: F401
