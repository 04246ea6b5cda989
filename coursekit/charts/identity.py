"""Charts for Part 4, Identity."""

from __future__ import annotations

__all__: list[str] = []
