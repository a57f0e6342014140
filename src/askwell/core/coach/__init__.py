"""The coach: check a help request, explain every finding, estimate politeness and strength."""

from askwell.core.coach.engine import MAX_CHARS, Report, TextTooLong, check
from askwell.core.coach.registry import RULES, Finding, Rule

__all__ = ["MAX_CHARS", "RULES", "Finding", "Report", "Rule", "TextTooLong", "check"]
