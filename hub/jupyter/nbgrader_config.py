"""nbgrader on the hub, for everyone: one course and the shared exchange (both set by hub/jupyterhub_config.py)."""

import os

c = get_config()  # noqa: F821 (nbgrader provides it)
c.CourseDirectory.course_id = os.environ.get("COURSEKIT_COURSE_ID", "social-business-in-practice")
c.Exchange.root = os.environ.get("COURSEKIT_EXCHANGE", "/srv/nbgrader/exchange")
