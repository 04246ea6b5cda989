"""Course toolkit for "Social business in practice": data loading, charts and exercises.

Import what a notebook needs, e.g. ``from coursekit import charts, data`` and
``from coursekit.exercises import exercise``.
"""

__version__ = "0.1.0"

# The class of an HTML output that draws itself in the page's own colours (the trainer's plans and times, the
# answer key): the book extension gives its page a style sheet that keeps it off the theme's light card in dark mode.
THEMED_OUTPUT = "cx-themed"
