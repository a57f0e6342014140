"""Contacts in and out: vCard and CSV readers, the vCard 4.0 writer (pure, no I/O)."""
