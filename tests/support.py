"""Helpers for tests that need a real `askwell` process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_askwell(
    *args: str, db_url: str, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed `askwell` console script in a subprocess."""
    exe = Path(sys.executable).with_name("askwell")
    return subprocess.run(
        [str(exe), *args],
        input=input,
        capture_output=True,
        text=True,
        env={**os.environ, "ASKWELL_DATABASE_URL": db_url},
        timeout=120,
    )
