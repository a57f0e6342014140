"""The built-in rules, registered explicitly in a fixed order."""

from askwell.core.coach.rules import ask, context, pressure, timing, warmth

__all__ = ["ask", "context", "pressure", "timing", "warmth"]
