"""The core stays pure: no I/O or front-door libraries are imported under askwell/core."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "src" / "askwell" / "core"
FORBIDDEN = {
    "sqlalchemy", "alembic", "fastapi", "starlette", "typer", "rich", "httpx", "requests",
    "sqlite3", "psycopg", "socket", "subprocess", "urllib.request", "matplotlib", "jinja2",
    "askwell.storage", "askwell.services", "askwell.cli", "askwell.web",
}  # fmt: skip


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_no_io_or_front_door_library() -> None:
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        for name in _imports(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN):
                offenders.append(f"{path.relative_to(CORE)} imports {name}")
    assert offenders == []
