"""A trainer's nbgrader course folder: ~/course (python -m coursekit.hub course lays it out)."""

import os

c = get_config()  # noqa: F821 (nbgrader provides it)
c.CourseDirectory.root = os.path.expanduser("~/course")
