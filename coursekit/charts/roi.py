"""Charts for Part 3, ROI."""

from __future__ import annotations

__all__: list[str] = []
