"""Start-up stays light: `askwell --help` must not import the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("fastapi", "sqlalchemy", "numpy", "sklearn", "matplotlib", "alembic", "pydantic")

PROBE = """
import json, sys
from askwell.cli import main
try:
    main(["--help"])
except SystemExit as exc:
    code = exc.code
else:
    code = 0
sys.stdout.flush()
print("\\n@@MODULES@@" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _help_run() -> tuple[str, int, list[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    help_text, _, tail = proc.stdout.partition("@@MODULES@@")
    data = json.loads(tail)
    return help_text, data["code"], data["modules"]


def test_startup_help_imports_no_heavy_library():
    help_text, code, modules = _help_run()
    assert code in (0, None)
    assert "Usage" in help_text and "people" in help_text
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == [], f"`askwell --help` imported {heavy}"
