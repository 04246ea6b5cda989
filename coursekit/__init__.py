"""Course toolkit for "Social business in practice": data loading, charts and exercises.

Import what a notebook needs, e.g. ``from coursekit import charts, data`` and
``from coursekit.exercises import exercise``.
"""

__version__ = "0.1.0"
