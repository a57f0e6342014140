"""The pure core of askwell: domain rules with no I/O (a test enforces it)."""
