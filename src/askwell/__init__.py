"""askwell: ask for help well, and learn from every ask."""

__version__ = "0.1.0"
