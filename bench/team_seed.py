"""Seed a team-server database for bench/team_load.py (and the EXPLAIN test): COPY, then ANALYZE.

A database and an ordinary owner role of their own (no superuser, so row-level security holds,
as `scripts/team-server` deploys), migrated to head, then filled with COPY: members in teams
(one admin each), profiles, one API token per member, needs (four asks each), asks (a third
still waiting for an answer), help records and boundaries.

`seeded()` drops the database a run created when the run ends (and the role once it owns no
database), so the shared cluster keeps nothing; `--keep` keeps it, and a later run of the same
size reuses a kept database (unless `--reseed`) and leaves it kept.
"""

from __future__ import annotations

import io
import json
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from hashlib import sha256
from typing import Any

NAME = "askwell_team_load"
TOPICS = ("python", "sql", "deploys", "slides", "hiring", "budgets", "design", "testing")
SUPPORTS = ("advice", "emotional", "task", "feedback", "information", "introduction", "resources")
KINDS = ("yes", "no", "alternative", "not-now")
NOW = datetime.now(UTC).replace(microsecond=0)


def token_of(user_id: int) -> str:
    """Return the seeded API token of a member (only its hash is stored)."""
    return f"askw_bench_{user_id:07d}"


@dataclass(frozen=True)
class Size:
    """How big a seeded database is."""

    members: int
    teams: int
    asks: int

    @property
    def needs(self) -> int:
        return max(1, self.asks // 4)

    def team_of(self, user_id: int) -> int:
        return (user_id - 1) % self.teams + 1

    def members_of(self, team_id: int) -> list[int]:
        return list(range(team_id, self.members + 1, self.teams))


QUICK = Size(500, 20, 50_000)


def size_arguments(parser: Any) -> None:
    """Add the database options bench/team_load.py and bench/team_cpu.py share."""
    parser.add_argument(
        "--admin-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--teams", type=int, default=200)
    parser.add_argument("--asks", type=int, default=1_000_000)
    parser.add_argument("--reseed", action="store_true", help="seed again even if kept")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the seeded database for the next run (default: drop it at the end)",
    )


def size_of(args: Any) -> Size:
    """Return the size the options ask for (`--quick`: QUICK)."""
    return QUICK if args.quick else Size(args.members, args.teams, args.asks)


def _copy(cur: Any, table: str, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]]) -> None:
    """COPY rows into a table in chunks of text lines (NULL as \\N)."""
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with cur.copy(sql) as copy:
        buf = io.StringIO()
        for n, row in enumerate(rows, 1):
            buf.write("\t".join("\\N" if v is None else str(v) for v in row))
            buf.write("\n")
            if n % 50_000 == 0:
                copy.write(buf.getvalue())
                buf = io.StringIO()
        copy.write(buf.getvalue())


def seed(url: str, size: Size, rng_seed: int = 7) -> None:
    """Fill a migrated, empty database with `size` members, teams and asks (COPY)."""
    import psycopg

    rng = random.Random(rng_seed)
    at = NOW.isoformat()
    with psycopg.connect(dsn(url)) as conn, conn.cursor() as cur:
        m, t = size.members, size.teams
        cur.execute("DELETE FROM users")  # the migration's placeholder local user
        _copy(
            cur,
            "users",
            ("id", "name", "email", "created_at"),
            ((u, f"Member {u}", f"m{u}@bench.example", at) for u in range(1, m + 1)),
        )
        _copy(
            cur,
            "teams",
            ("id", "name", "created_at"),
            ((i, f"Team {i}", at) for i in range(1, t + 1)),
        )
        _copy(
            cur,
            "team_members",
            ("id", "team_id", "user_id", "role", "created_at"),
            ((u, size.team_of(u), u, "admin" if u <= t else "member", at) for u in range(1, m + 1)),
        )
        _copy(
            cur,
            "team_profiles",
            (
                "user_id",
                "topics",
                "supports",
                "tz",
                "hours",
                "stretched",
                "away_note",
                "updated_at",
            ),
            (
                (
                    u,
                    json.dumps(rng.sample(TOPICS, 2)),
                    json.dumps(rng.sample(SUPPORTS, 2)),
                    "UTC",
                    "Mon-Fri 09:00-17:00",
                    "false",
                    "",
                    at,
                )
                for u in range(1, m + 1)
            ),
        )
        _copy(
            cur,
            "team_api_tokens",
            ("id", "token_hash", "user_id", "name", "created_at"),
            (
                (u, sha256(token_of(u).encode()).hexdigest(), u, "bench", at)
                for u in range(1, m + 1)
            ),
        )
        needs: list[tuple[int, int, int, datetime]] = []

        def need_rows() -> Iterator[tuple[Any, ...]]:
            for n in range(1, size.needs + 1):
                team = rng.randint(1, t)
                author = rng.choice(size.members_of(team))
                when = NOW - timedelta(minutes=rng.randint(0, 180 * 24 * 60))
                needs.append((n, team, author, when))
                topics = json.dumps(rng.sample(TOPICS, 2))
                yield (
                    n,
                    team,
                    author,
                    f"Need {n}",
                    "",
                    rng.choice(SUPPORTS),
                    "medium",
                    topics,
                    "open",
                    when.isoformat(),
                )

        _copy(
            cur,
            "team_needs",
            (
                "id",
                "team_id",
                "author_id",
                "summary",
                "details",
                "support_type",
                "urgency",
                "topics",
                "status",
                "created_at",
            ),
            need_rows(),
        )

        def ask_rows() -> Iterator[tuple[Any, ...]]:
            ask_id = 0
            for n, team, author, when in needs:
                others = [u for u in size.members_of(team) if u != author]
                for helper in rng.sample(others, min(4, len(others))):
                    ask_id += 1
                    if ask_id > size.asks:
                        return
                    sent = when + timedelta(minutes=rng.randint(0, 60))
                    waiting = rng.random() < 1 / 3
                    answered = None if waiting else (sent + timedelta(hours=rng.randint(1, 72)))
                    kind = None if waiting else rng.choice(KINDS)
                    thanked = answered + timedelta(hours=2) if answered and kind == "yes" else None
                    yield (
                        ask_id,
                        team,
                        n,
                        author,
                        helper,
                        "Could you help?",
                        "sent" if waiting else "answered",
                        sent.isoformat(),
                        kind,
                        "",
                        "",
                        answered.isoformat() if answered else None,
                        thanked.isoformat() if thanked else None,
                        "",
                        "",
                        sent.isoformat(),
                    )

        _copy(
            cur,
            "team_asks",
            (
                "id",
                "team_id",
                "need_id",
                "asker_id",
                "helper_id",
                "text",
                "status",
                "sent_at",
                "answer_kind",
                "answer_note",
                "answer_offered",
                "answered_at",
                "thanked_at",
                "thanks_note",
                "follow_up_note",
                "created_at",
            ),
            ask_rows(),
        )
        cur.execute(
            "INSERT INTO team_help (team_id, giver_id, receiver_id, ask_id, summary, created_at) "
            "SELECT team_id, helper_id, asker_id, id, 'helped', answered_at FROM team_asks "
            "WHERE answer_kind = 'yes' AND id % 5 = 0"
        )
        cur.execute(
            "INSERT INTO team_boundaries (team_id, helper_id, asker_id, need_id, topic, until, "
            "reason, created_at) SELECT team_id, helper_id, asker_id, need_id, '', "
            "(answered_at + interval '30 days')::date, '', answered_at FROM team_asks "
            "WHERE answer_kind = 'no' AND id % 7 = 0"
        )
        for table, column in (
            ("users", "id"),
            ("teams", "id"),
            ("team_members", "id"),
            ("team_api_tokens", "id"),
            ("team_needs", "id"),
            ("team_asks", "id"),
        ):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                f"(SELECT max({column}) FROM {table}))"
            )
        conn.commit()
    with psycopg.connect(dsn(url), autocommit=True) as conn:
        conn.execute("ANALYZE")


def dsn(url: str) -> str:
    """Return a SQLAlchemy PostgreSQL URL as a plain libpq one (for psycopg.connect)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def seeded(
    admin_url: str, size: Size, *, reseed: bool = False, keep: bool = False, name: str = NAME
) -> Iterator[str]:
    """Yield the URL of a seeded database; at the end drop what this run created unless `keep`."""
    url, created = prepare(admin_url, size, reseed, name=name)
    database = make_database_name(name, size)
    try:
        yield url
    finally:
        if keep or not created:
            print(f"kept the seeded database {database} for the next run")
        else:
            drop(admin_url, database, name)
            print(f"dropped the seeded database {database} (--keep keeps it)")


def make_database_name(name: str, size: Size) -> str:
    """Return the name of the seeded database of a size."""
    return f"{name}_{size.members}_{size.asks}"


def prepare(admin_url: str, size: Size, reseed: bool, *, name: str = NAME) -> tuple[str, bool]:
    """Create (or reuse a kept) bench role and database, migrate and seed it.

    Return its URL and whether this call created the database (False: a kept one reused).
    """
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from askwell.storage.store import open_store

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    database = make_database_name(name, size)
    url = make_url(admin_url).set(database=database, username=name, password=None)
    url_text = url.render_as_string(hide_password=False)
    with admin.connect() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}):
            conn.execute(text(f"CREATE ROLE {name} LOGIN NOSUPERUSER NOBYPASSRLS"))
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": database})
        if exists and not reseed and _seeded_size(url_text) == size:
            print(f"reusing the seeded database {database} ({size})")
            admin.dispose()
            return url_text, False
        conn.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {database} OWNER {name}"))
    admin.dispose()
    open_store(url_text).close()
    started = time.perf_counter()
    seed(url_text, size)
    print(f"seeded {size} in {time.perf_counter() - started:.0f} s (COPY, then ANALYZE)")
    return url_text, True


def drop(admin_url: str, database: str, name: str = NAME) -> None:
    """Drop a seeded database, and the bench role once it owns no database."""
    from sqlalchemy import create_engine, text

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        owns = conn.scalar(
            text(
                "SELECT count(*) FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba"
                " WHERE r.rolname = :r"
            ),
            {"r": name},
        )
        if not owns:
            conn.execute(text(f"DROP ROLE IF EXISTS {name}"))
    admin.dispose()


def _seeded_size(url: str) -> Size | None:
    import psycopg

    try:
        with psycopg.connect(dsn(url)) as conn:
            row = conn.execute(
                "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM teams), "
                "(SELECT count(*) FROM team_asks WHERE text = 'Could you help?')"
            ).fetchone()
    except psycopg.Error:
        return None
    return Size(*row) if row else None
