"""Whole user histories for storage tests: hypothesis strategies, a builder, a row snapshot."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import select

from askwell import services
from askwell.core.model import (
    BARRIERS,
    CHANNELS,
    NEED_STATES,
    RELATIONSHIPS,
    SUPPORT_TYPES,
    URGENCIES,
    DomainError,
    Need,
    Person,
    parse_hours,
)
from askwell.errors import AskwellError
from askwell.storage.store import Store, open_store
from askwell.storage.tables import Base

T0 = datetime(2025, 3, 3, 9, 15, 30, 123456, tzinfo=UTC)
STEPS = ("send", "yes", "no", "alternative", "no-reply", "thank", "follow-up", "close", "wait")
PATHS = (  # whole lifecycles, so most examples reach answers, boundaries and thanks
    ("yes", "thank", "close"),
    ("no", "thank"),
    ("no",),
    ("no", "thank", "close"),
    ("alternative", "thank"),
    ("wait", "follow-up", "no-reply"),
    ("no-reply", "follow-up", "yes", "thank", "close"),
    ("send", "yes"),
)


@dataclass
class AskPlan:
    """One ask to make, by index into the plan's people and needs, then lifecycle steps."""

    need: int
    person: int
    text: str | None = None
    channel: str = "chat"
    draft: bool = False
    override: bool = False
    parent: int | None = None
    scheduled_hours: int | None = None
    steps: tuple[str, ...] = ()
    note: str = ""


@dataclass
class Plan:
    """What to do to a store, by index into its own people / needs / asks."""

    people: list[Person]
    needs: list[tuple[Need, str]]
    asks: list[AskPlan] = field(default_factory=list)
    help_given: list[tuple[int, str]] = field(default_factory=list)
    journal: list[tuple[str, int | None, int | None, int | None]] = field(default_factory=list)


@dataclass
class Stores:
    """Fresh SQLite stores copied from a migrated template file, closed together."""

    template: Path
    folder: Path
    opened: list[Store] = field(default_factory=list)

    def new(self) -> Store:
        """Open a fresh empty store (a copy of the template: no migration to run)."""
        path = self.folder / f"{len(self.opened)}.db"
        shutil.copyfile(self.template, path)
        self.opened.append(open_store(f"sqlite:///{path}"))
        return self.opened[-1]

    def close(self) -> None:
        """Close every store opened here."""
        for store in self.opened:
            store.close()


words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=24
).filter(lambda s: s.strip() != "")
notes = st.one_of(st.just(""), words, st.lists(words, max_size=3).map("\n".join))
HOURS = (
    "",
    "Mon-Fri 09:00-17:00",
    "Sat 10:00-12:00; Sun 14:00-16:30",
    "Mon-Fri 22:00-07:00; odd weeks Sat 07:00-11:00, 17:00-21:00",
)


@st.composite
def people_st(draw: st.DrawFn) -> Person:
    """Draw a person with every field exercised."""
    return Person(
        name=draw(words),
        relationship=draw(st.sampled_from(RELATIONSHIPS)),
        topics=tuple(draw(st.lists(words, max_size=3))),
        supports=tuple(draw(st.lists(st.sampled_from(SUPPORT_TYPES), unique=True, max_size=3))),
        tz=draw(st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"])),
        hours=parse_hours(draw(st.sampled_from(HOURS))),
        email=draw(
            st.none() | st.from_regex(r"[a-z]{1,8}\.[a-z]{1,8}@example\.org", fullmatch=True)
        ),
        phone=draw(st.none() | st.from_regex(r"\+[0-9]{2} [0-9]{3} [0-9]{4}", fullmatch=True)),
        channel=draw(st.none() | st.sampled_from(CHANNELS)),
        stretched=draw(st.booleans()),
        notes=draw(notes),
    )


@st.composite
def needs_st(draw: st.DrawFn) -> tuple[Need, str]:
    """Draw a need and the status it ends in."""
    need = Need(
        summary=draw(words),
        details=draw(notes),
        support_type=draw(st.sampled_from(SUPPORT_TYPES)),
        urgency=draw(st.sampled_from(URGENCIES)),
        deadline=draw(st.none() | st.dates(date(2024, 1, 1), date(2027, 12, 31))),
        barriers=draw(st.dictionaries(st.sampled_from(BARRIERS), st.integers(1, 3), max_size=3)),
        expect=draw(st.none() | st.integers(0, 100)),
        topics=tuple(draw(st.lists(words, max_size=2))),
    )
    return need, draw(st.sampled_from(NEED_STATES))


@st.composite
def plans(draw: st.DrawFn, max_people: int = 4) -> Plan:
    """Draw a whole history: people, needs, asks with answers / thanks / follow-ups, journal."""
    people = draw(st.lists(people_st(), min_size=1, max_size=max_people))
    needs = draw(st.lists(needs_st(), min_size=1, max_size=4))
    index = st.none() | st.integers(0, 5)
    ask = st.builds(
        AskPlan,
        need=st.integers(0, len(needs) - 1),
        person=st.integers(0, len(people) - 1),
        text=st.none() | words,
        channel=st.sampled_from(CHANNELS),
        draft=st.sampled_from([False, False, False, True]),
        override=st.booleans(),
        parent=index,
        scheduled_hours=st.none() | st.integers(0, 500),
        steps=st.sampled_from(PATHS) | st.lists(st.sampled_from(STEPS), max_size=5).map(tuple),
        note=notes,
    )
    return Plan(
        people,
        needs,
        draw(st.lists(ask, min_size=1, max_size=6)),
        draw(st.lists(st.tuples(st.integers(0, len(people) - 1), words), max_size=3)),
        draw(st.lists(st.tuples(words, index, index, index), max_size=4)),
    )


def _id(value: int | None) -> int:
    assert value is not None
    return value


def _step(store: Store, ask_id: int, step: str, plan: AskPlan, now: datetime) -> None:
    if step == "send":
        services.send_ask(store, ask_id, now=now)
    elif step in ("yes", "no", "alternative", "no-reply"):
        services.record_answer(store, ask_id, step, note=plan.note, offered="a call", now=now)
    elif step == "thank":
        services.thank(store, ask_id, note=plan.note, now=now)
    elif step == "follow-up":
        services.follow_up(store, ask_id, note=plan.note, now=now)
    elif step == "close":
        services.close_ask(store, ask_id, now=now)


def populate(store: Store, plan: Plan) -> None:
    """Apply a plan through the services (steps the lifecycle refuses are simply skipped)."""
    clock = [T0]

    def tick(delta: timedelta = timedelta(minutes=37, microseconds=4321)) -> datetime:
        clock[0] += delta
        return clock[0]

    def pick(ids: list[int], i: int | None) -> int | None:
        return ids[i] if i is not None and i < len(ids) else None

    pids = [_id(p.id) for p in services.add_people(store, plan.people, now=tick())]
    nids = []
    for need, status in plan.needs:
        nids.append(_id(services.add_need(store, need, now=tick()).id))
        services.set_need_status(store, nids[-1], status)
    aids: list[int] = []
    for a in plan.asks:
        hours = a.scheduled_hours
        try:
            made = services.create_ask(
                store,
                nids[a.need],
                pids[a.person],
                a.text,
                a.channel,
                draft=a.draft,
                override=a.override,
                scheduled_for=None if hours is None else T0 + timedelta(hours=hours),
                parent_id=pick(aids, a.parent),
                now=tick(),
            )
        except AskwellError:
            continue  # a cooldown from an earlier "no"
        aids.append(_id(made.ask.id))
        for step in a.steps:
            try:
                _step(
                    store, aids[-1], step, a, tick(timedelta(days=4)) if step == "wait" else tick()
                )
            except (DomainError, AskwellError):
                continue
    for who, summary in plan.help_given:
        services.give_help(store, pids[who], summary, now=tick())
    for text, need_i, person_i, ask_i in plan.journal:
        services.add_entry(
            store,
            text,
            need_id=pick(nids, need_i),
            person_id=pick(pids, person_i),
            ask_id=pick(aids, ask_i),
            now=tick(),
        )


def small_plan() -> Plan:
    """Return a fixed, small history: two people, one need, a yes thanked and a no."""
    return Plan(
        people=[
            Person("Ana Souza", "mentor", topics=("career",), email="ana@example.org"),
            Person("Ben Ito", "colleague", tz="Asia/Tokyo", hours=parse_hours(HOURS[1])),
        ],
        needs=[
            (Need("Review my talk outline", support_type="feedback", barriers={"shame": 2}), "open")
        ],
        asks=[
            AskPlan(
                0,
                0,
                "Could you look at my outline?",
                "email",
                steps=("yes", "thank"),
                note="Thanks!",
            ),
            AskPlan(0, 1, "Ten minutes on my slides?", parent=0, scheduled_hours=3, steps=("no",)),
        ],
        help_given=[(1, "Paired on his flaky test")],
        journal=[("Asking was easier than I feared", 0, 0, 0)],
    )


def snapshot(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Return every row of every owned table, ids replaced by uids, sorted by uid."""
    tables = [t for t in Base.metadata.sorted_tables if "owner_id" in t.c]
    out: dict[str, list[dict[str, Any]]] = {}
    with store.engine.connect() as conn:
        uids = {t.name: dict(conn.execute(select(t.c.id, t.c.uid)).all()) for t in tables}
        for t in tables:
            rows = []
            for row in conn.execute(select(t)).mappings():
                rec = {}
                for col in t.columns:
                    if col.name in ("id", "owner_id"):
                        continue
                    value = row[col.name]
                    target = next(iter(col.foreign_keys), None)
                    if target is not None and value is not None:
                        value = uids[target.column.table.name][value]
                    rec[col.name] = value
                rows.append(rec)
            out[t.name] = sorted(rows, key=lambda r: r["uid"])
    return out
