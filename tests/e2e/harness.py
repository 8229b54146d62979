"""The browser harness lives in the package (dashboard.devtools.harness) so the benchmark can use it too."""

from dashboard.devtools.harness import *  # noqa: F401,F403
from dashboard.devtools.harness import REPO  # noqa: F401
