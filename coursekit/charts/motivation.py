"""Charts for Part 1, Motivation."""

from __future__ import annotations

__all__: list[str] = []
