"""The hot paths use indexes: every query the app runs for an inbox read, routing, posting and
answering is EXPLAINed on a seeded database, and none may scan a big table from end to end."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from team.conftest import TeamDatabase

pytestmark = pytest.mark.postgres

REPO = Path(__file__).resolve().parents[2]
BIG = {
    "users",
    "team_members",
    "team_profiles",
    "team_api_tokens",
    "team_needs",
    "team_asks",
    "team_help",
    "team_boundaries",
}


def _bench() -> Any:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import team_seed
    finally:
        sys.path.remove(str(REPO / "bench"))
    return team_seed


def _scans(plan: dict[str, Any]) -> list[str]:
    found = []
    if plan.get("Node Type") == "Seq Scan":
        found.append(plan["Relation Name"])
    for child in plan.get("Plans", []):
        found.extend(_scans(child))
    return found


def test_explain_hot_path_queries_use_an_index_on_a_seeded_database(
    team_store: Any, team_db: TeamDatabase, settings: Any
) -> None:
    from fastapi.testclient import TestClient
    from sqlalchemy import event

    from askwell.team.app import create_app

    bench = _bench()
    size = bench.Size(members=2000, teams=80, asks=120_000)
    bench.seed(team_db.url, size)
    app = create_app(settings, store=team_store)
    web = TestClient(app, base_url="https://team.example")
    seen: list[tuple[str, Any]] = []

    def keep(conn: Any, cursor: Any, statement: str, parameters: Any, *rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")):
            seen.append((statement, parameters))

    engine = app.state.store.engine
    with engine.connect() as conn:
        user, need = conn.exec_driver_sql(
            "SELECT author_id, id FROM team_needs ORDER BY id LIMIT 1"
        ).one()
        helper, ask = conn.exec_driver_sql(
            "SELECT helper_id, id FROM team_asks WHERE status = 'sent' ORDER BY id LIMIT 1"
        ).one()
    team = size.team_of(user)
    mate = next(u for u in size.members_of(team) if u != user)
    event.listen(engine, "before_cursor_execute", keep)
    try:
        for who, method, path, body, expect in (
            (user, "GET", "/api/team/me", None, 200),
            (user, "GET", "/api/team/inbox", None, 200),
            (user, "GET", "/api/team/inbox?waiting=true", None, 200),
            (user, "GET", f"/api/team/inbox?before={ask}&limit=20", None, 200),
            (user, "GET", "/api/team/asks", None, 200),
            (user, "GET", f"/api/team/asks?before={ask}", None, 200),
            (user, "GET", f"/api/team/needs/{need}/route", None, 200),
            (user, "GET", f"/api/team/teams/{team}/needs", None, 200),
            (user, "GET", f"/api/team/teams/{team}/members", None, 200),
            (
                user,
                "POST",
                f"/api/team/teams/{team}/needs",
                {"summary": "A review", "to": mate},
                201,
            ),
            (helper, "POST", f"/api/team/asks/{ask}/answer", {"kind": "yes"}, 200),
        ):
            headers = {"authorization": f"Bearer {bench.token_of(who)}"}
            answer = web.request(method, path, json=body, headers=headers)
            assert answer.status_code == expect, f"{path}: {answer.text}"
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert len(seen) > 15
    full_scans = {}
    with engine.connect() as conn:
        for statement, parameters in seen:
            if statement.lstrip().upper().startswith("SELECT SET_CONFIG"):
                continue
            raw = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters).scalar()
            plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
            big = [name for name in _scans(plan) if name in BIG]
            if big:
                full_scans[" ".join(statement.split())[:160]] = big
    assert full_scans == {}
