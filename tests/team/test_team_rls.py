"""The second wall: PostgreSQL row-level security keeps private rows to their owner.

Even SQL that forgets `owner_id`, run on the server's own connection, sees and changes only the
rows of the person the transaction belongs to; an admin reads nobody's journal by any route.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine, text

from team.conftest import Member, TeamDatabase, World

pytestmark = pytest.mark.postgres

SECRET = "kingfisher"


def _journal(member: Member, words: str) -> int:
    made = member.api("POST", "/api/journal", json={"text": f"{words} {SECRET}"})
    assert made.status_code == 201, made.text
    return int(made.json()["id"])


def _private_tables() -> list[str]:
    from askwell.storage.tables import Base

    return sorted(name for name, t in Base.metadata.tables.items() if "owner_id" in t.columns)


def test_rls_the_server_role_is_held_by_row_level_security(world: World) -> None:
    with world.app.state.store.engine.connect() as conn:
        superuser, bypass = conn.execute(
            text("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
        ).one()
        flags = dict(
            conn.execute(
                text(
                    "SELECT relname, relrowsecurity AND relforcerowsecurity FROM pg_class "
                    "WHERE relname = ANY(:names) AND relkind = 'r'"
                ),
                {"names": _private_tables()},
            ).all()
        )
        policies = {
            row[0]
            for row in conn.execute(
                text("SELECT tablename FROM pg_policies WHERE policyname = 'owner_only'")
            )
        }
    assert (superuser, bypass) == (False, False)
    assert set(_private_tables()) >= {"journal", "needs", "asks", "people", "trash"}
    assert flags == {name: True for name in _private_tables()}, "a private table without RLS"
    assert policies == set(_private_tables())


def test_rls_raw_sql_as_one_member_never_reads_anothers_journal(world: World) -> None:
    from askwell.storage.store import Store

    ben, cleo = world.members[0], world.members[1]
    _journal(ben, "Ben's own")
    _journal(cleo, "Cleo's own")
    engine = world.app.state.store.engine  # the app's own connections
    with Store(engine, owner_id=ben.id).session() as s:
        rows = s.execute(text("SELECT owner_id, text FROM journal")).all()
        cleos = s.execute(text("SELECT text FROM journal WHERE owner_id = :c"), {"c": cleo.id})
        assert cleos.all() == []
        changed = s.execute(
            text("UPDATE journal SET text = 'x' WHERE owner_id = :c"), {"c": cleo.id}
        )
        assert changed.rowcount == 0
        gone = s.execute(text("DELETE FROM journal WHERE owner_id = :c"), {"c": cleo.id})
        assert gone.rowcount == 0
    assert [owner for owner, _ in rows] == [ben.id]
    assert "Ben's own" in rows[0][1]
    with world.app.state.store.session() as s:  # the shared store belongs to nobody
        assert s.execute(text("SELECT count(*) FROM journal")).scalar() == 0
    with engine.connect() as conn:  # no owner said at all
        assert conn.execute(text("SELECT count(*) FROM journal")).scalar() == 0
    assert "Cleo's own" in cleo.api("GET", "/api/journal").text


def test_rls_a_member_cannot_write_a_row_for_someone_else(world: World) -> None:
    from sqlalchemy.exc import DBAPIError

    from askwell.storage.store import Store

    ben, cleo = world.members[0], world.members[1]
    engine = world.app.state.store.engine
    planted = text(
        "INSERT INTO journal (uid, owner_id, created_at, text, kind) "
        "VALUES ('planted', :c, now(), 'planted', 'reflection')"
    )
    with (
        pytest.raises(DBAPIError, match="row-level security"),
        Store(engine, owner_id=ben.id).session() as s,
    ):
        s.execute(planted, {"c": cleo.id})
    assert "planted" not in cleo.api("GET", "/api/journal").text


def test_rls_the_owner_setting_ends_with_its_transaction(
    world: World, team_db: TeamDatabase
) -> None:
    from askwell.storage.store import NOBODY, Store

    ben = world.members[0]
    _journal(ben, "Ben's own")
    engine = create_engine(team_db.url, pool_size=1, max_overflow=0)  # one pooled connection
    try:
        with Store(engine, owner_id=ben.id).session() as s:
            assert s.execute(text("SELECT count(*) FROM journal")).scalar() == 1
        with Store(engine, owner_id=NOBODY).session() as s:  # the shared store names no owner
            assert s.execute(text("SELECT count(*) FROM journal")).scalar() == 0
        with engine.connect() as conn:  # the same connection, back from the pool
            setting = conn.execute(text("SELECT current_setting('askwell.user_id', true)"))
            assert setting.scalar() in ("", None)
            assert conn.execute(text("SELECT count(*) FROM journal")).scalar() == 0
    finally:
        engine.dispose()
    superuser = create_engine(team_db.superuser_url)
    try:
        with superuser.connect() as conn:  # the rows are there: only the wall hides them
            assert conn.execute(text("SELECT count(*) FROM journal")).scalar() == 1
    finally:
        superuser.dispose()


def _admin_reads(admin: Member, entry: int) -> dict[str, Any]:
    answers = {}
    for path in (
        "/api/journal",
        f"/api/journal?search={SECRET}",
        f"/api/journal?q={SECRET}",
        "/api/export",
        "/api/insights",
        "/api/trash",
        "/api/due",
        "/api/practice",
    ):
        answers[path] = admin.api("GET", path)
    answers["patch"] = admin.api("PATCH", f"/api/journal/{entry}", json={"text": "mine now"})
    answers["delete"] = admin.api("DELETE", f"/api/journal/{entry}")
    return answers


def test_rls_an_admin_cannot_read_a_members_journal_by_any_endpoint_export_or_search(
    world: World,
) -> None:
    from askwell.storage.store import Store

    ben, admin = world.members[0], world.admin
    entry = _journal(ben, "I felt ashamed to ask")
    answers = _admin_reads(admin, entry)
    assert {p: a.status_code for p, a in answers.items() if SECRET in a.text} == {}
    assert answers["patch"].status_code == 404
    assert answers["delete"].status_code == 404
    assert answers["/api/export"].status_code == 200
    with Store(world.app.state.store.engine, owner_id=admin.id).session() as s:
        assert s.execute(text("SELECT count(*) FROM journal")).scalar() == 0
    still = ben.api("GET", "/api/journal").json()
    assert [e["text"] for e in still] == [f"I felt ashamed to ask {SECRET}"]


def test_rls_serve_warns_when_its_role_passes_row_level_security(
    team_store: Any, team_db: TeamDatabase
) -> None:
    from askwell.storage.store import Store, make_engine
    from askwell.team.app import row_security_warning

    assert row_security_warning(team_store) is None  # the owner role, as deployed
    superuser = Store(make_engine(team_db.superuser_url))
    try:
        warning = row_security_warning(superuser)
    finally:
        superuser.close()
    assert warning is not None
    assert "is not held by row-level security (a superuser)" in warning
