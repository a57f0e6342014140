"""Build a realistic demo store: a network of ten people and three months of asking."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from askwell.core.model import Need, Person, parse_hours
from askwell.services import asks as ask_svc
from askwell.services import journal, needs, people
from askwell.services._rows import now_utc
from askwell.storage.store import Store, default_url, open_store

PEOPLE: list[dict[str, Any]] = [
    dict(
        name="Maya Okafor",
        relationship="mentor",
        topics=("career", "leadership", "data engineering"),
        supports=("advice", "introduction", "feedback"),
        tz="Europe/London",
        hours="Tue,Thu 08:00-10:00; Fri 16:00-18:00",
        email="maya@example.org",
        channel="email",
    ),
    dict(
        name="Jonas Weber",
        relationship="manager",
        topics=("roadmap", "workload", "promotion"),
        supports=("advice", "resources", "feedback"),
        tz="Europe/Berlin",
        hours="Mon-Fri 09:00-17:00",
        email="jonas@example.com",
        channel="chat",
    ),
    dict(
        name="Priya Raman",
        relationship="colleague",
        topics=("python", "testing", "sql", "code review"),
        supports=("task", "feedback", "information"),
        tz="Europe/Berlin",
        hours="Mon-Fri 10:00-18:00",
        email="priya@example.com",
        channel="chat",
    ),
    dict(
        name="Sam Chen",
        relationship="friend",
        topics=("running", "cooking", "moving house"),
        supports=("emotional", "task"),
        tz="Europe/Berlin",
        hours="Mon-Sun 18:00-21:00",
        phone="+49 151 0000 0001",
        channel="call",
    ),
    dict(
        name="Lea Hoffmann",
        relationship="friend",
        topics=("design", "slides", "writing"),
        supports=("feedback", "emotional"),
        tz="Europe/Berlin",
        hours="Sat-Sun 10:00-18:00",
        email="lea@example.net",
        channel="chat",
    ),
    dict(
        name="Tomás García",
        relationship="colleague",
        topics=("kubernetes", "infrastructure", "on-call"),
        supports=("task", "information"),
        tz="America/New_York",
        hours="Mon-Fri 09:00-17:00",
        email="tomas@example.com",
        channel="chat",
        stretched=True,
    ),
    dict(
        name="Grandma Ruth",
        relationship="family",
        topics=("gardening", "family history", "knitting"),
        supports=("emotional", "advice"),
        tz="Europe/London",
        hours="Mon-Sun 10:00-19:00",
        phone="+44 20 0000 0002",
        channel="call",
    ),
    dict(
        name="Dr. Anika Patel",
        relationship="professional",
        topics=("health", "sleep", "stress"),
        supports=("advice", "information"),
        tz="Europe/Berlin",
        hours="Mon-Thu 08:00-16:00",
        channel="email",
        email="practice@example.org",
    ),
    dict(
        name="Kofi Mensah",
        relationship="community",
        topics=("climbing", "volunteering", "bikes"),
        supports=("task", "introduction"),
        tz="Europe/Berlin",
        hours="Wed 18:00-21:00; Sat 09:00-13:00",
        channel="chat",
    ),
    dict(
        name="Elif Yilmaz",
        relationship="partner",
        topics=("finances", "travel", "everything at home"),
        supports=("emotional", "advice", "task", "resources"),
        tz="Europe/Berlin",
        hours="Mon-Sun 07:00-22:00",
        channel="in-person",
    ),
]

# (summary, details, type, urgency, barriers, expect, people to ask in order, answers)
NEEDS: list[tuple[str, str, str, str, dict[str, int], int, list[int], list[str]]] = [
    (
        "Feedback on my conference talk slides",
        "Twelve slides on data contracts; talk is in two weeks.",
        "feedback",
        "medium",
        {"perfectionism": 2, "burden": 1},
        40,
        [4],
        ["yes"],
    ),
    (
        "Reprioritise my sprint: I am at capacity",
        "Two launches and on-call overlap next week.",
        "advice",
        "high",
        {"incompetence": 2, "burden": 2},
        30,
        [1],
        ["yes"],
    ),
    (
        "Help moving boxes on Saturday",
        "Third-floor flat, about 20 boxes, two hours.",
        "task",
        "medium",
        {"burden": 3},
        35,
        [3, 8],
        ["no", "yes"],
    ),
    (
        "Career advice on moving into data engineering",
        "I want to know what to learn first.",
        "advice",
        "low",
        {"incompetence": 1},
        50,
        [0],
        ["yes"],
    ),
    (
        "Someone to talk to after a hard week",
        "Work felt heavy and I have been sleeping badly.",
        "emotional",
        "medium",
        {"shame": 2, "burden": 2},
        45,
        [3],
        ["yes"],
    ),
    (
        "Review my pull request on the billing export",
        "About 300 lines, tests included.",
        "feedback",
        "medium",
        {"perfectionism": 1},
        55,
        [2],
        ["yes"],
    ),
    (
        "Introduction to someone hiring analytics engineers",
        "Exploring roles for next year.",
        "introduction",
        "low",
        {"distrust": 2, "shame": 1},
        20,
        [0],
        ["alternative"],
    ),
    (
        "Take over the Friday on-call shift",
        "A family event clashes with my shift.",
        "task",
        "high",
        {"burden": 2},
        30,
        [5, 2],
        ["no", "yes"],
    ),
    (
        "Borrow a car for a weekend trip",
        "Two days, I will refuel and clean it.",
        "resources",
        "low",
        {"burden": 2, "shame": 1},
        25,
        [9],
        ["yes"],
    ),
    (
        "How to set up pytest fixtures for our Postgres tests",
        "I keep hitting connection leaks.",
        "information",
        "medium",
        {"incompetence": 3},
        50,
        [2],
        ["yes"],
    ),
    (
        "Advice on asking for a raise",
        "Annual review is next month.",
        "advice",
        "medium",
        {"shame": 2, "incompetence": 1},
        30,
        [0],
        ["no-reply"],
    ),
    (
        "Proofread my cover letter",
        "One page, for a role closing Friday.",
        "feedback",
        "high",
        {"perfectionism": 3},
        45,
        [4],
        ["yes"],
    ),
    (
        "Kubernetes know-how for a failing deployment",
        "Pods restart with OOM after a deploy.",
        "information",
        "high",
        {"incompetence": 2},
        40,
        [5],
        ["no-reply"],
    ),
    (
        "Emotional support about a family illness",
        "Grandpa is in hospital.",
        "emotional",
        "high",
        {"shame": 1, "burden": 2},
        60,
        [6, 9],
        ["yes", "yes"],
    ),
    (
        "Help planning a volunteering day",
        "Need two more people for the bike repair café.",
        "task",
        "low",
        {"distrust": 1},
        40,
        [8],
        ["yes"],
    ),
    (
        "Sleep advice after weeks of stress",
        "Waking up at 4am most nights.",
        "advice",
        "medium",
        {"shame": 2},
        50,
        [7],
        ["yes"],
    ),
    (
        "Feedback on my quarterly goals",
        "A half-page draft of three goals.",
        "feedback",
        "low",
        {"perfectionism": 2},
        50,
        [1],
        ["alternative"],
    ),
    ("Help with work", "", "advice", "medium", {"burden": 1}, 30, [], []),
    (
        "Explain our data warehouse cost report",
        "I do not understand the storage line items.",
        "information",
        "low",
        {"incompetence": 2},
        45,
        [],
        [],
    ),
    (
        "Someone to check my budget spreadsheet",
        "Household budget for next year.",
        "feedback",
        "low",
        {"shame": 3},
        20,
        [],
        [],
    ),
]

NEED_TOPICS: dict[str, tuple[str, ...]] = {
    "Feedback on my conference talk slides": ("work", "talks"),
    "Reprioritise my sprint: I am at capacity": ("work", "workload"),
    "Help moving boxes on Saturday": ("home",),
    "Career advice on moving into data engineering": ("career",),
    "Someone to talk to after a hard week": ("wellbeing",),
    "Review my pull request on the billing export": ("work", "code"),
    "Introduction to someone hiring analytics engineers": ("career",),
    "Take over the Friday on-call shift": ("work", "family"),
    "Borrow a car for a weekend trip": ("home", "money"),
    "How to set up pytest fixtures for our Postgres tests": ("work", "code"),
    "Advice on asking for a raise": ("career", "money"),
    "Proofread my cover letter": ("career",),
    "Kubernetes know-how for a failing deployment": ("work", "code"),
    "Emotional support about a family illness": ("family", "wellbeing"),
    "Help planning a volunteering day": ("community",),
    "Sleep advice after weeks of stress": ("wellbeing",),
    "Feedback on my quarterly goals": ("work", "career"),
    "Help with work": ("work",),
    "Explain our data warehouse cost report": ("work",),
    "Someone to check my budget spreadsheet": ("money", "home"),
}

REFLECTIONS = [
    "Almost did not ask Jonas about the sprint. He said yes in five minutes. Noting it.",
    "Felt like a burden asking Sam again, but he said he liked being asked.",
    "The no from Kofi stung for an hour, then it was fine. He offered next month instead.",
    "Perfectionism kept the slides to myself for a week longer than needed.",
    "Wrote the ask to Maya three times. The short version was the one I sent.",
    "Nice to help Priya with her migration this time round.",
]


def _populate(store: Store, today: date, rng: random.Random) -> dict[str, int]:
    start = datetime(today.year, today.month, today.day, 9, tzinfo=now_utc().tzinfo) - timedelta(
        days=92
    )
    ids = [
        people.add_person(
            store,
            Person(**{**p, "hours": parse_hours(p["hours"])}),
            now=start - timedelta(days=30),
        ).id
        for p in PEOPLE
    ]
    asked = 0
    for index, (summary, details, kind, urgency, barriers, expect, who, answers) in enumerate(
        NEEDS
    ):
        when = start + timedelta(days=index * 4 + rng.randint(0, 2), hours=rng.randint(0, 8))
        need = needs.add_need(
            store,
            Need(
                summary=summary,
                details=details,
                support_type=kind,
                urgency=urgency,
                barriers=barriers,
                expect=expect,
                topics=NEED_TOPICS.get(summary, ()),
            ),
            now=when,
        )
        assert need.id is not None
        at = when + timedelta(days=rng.randint(0, 5), hours=2)
        parent = None
        for person_index, kind_of_answer in zip(who, answers, strict=True):
            person_id = ids[person_index]
            assert person_id is not None
            text = (
                f"Hi! I am working on this: {summary.lower()}. {details} "
                "Would you have 20 minutes this week? No worries at all if not. Thank you!"
            )
            result = ask_svc.create_ask(
                store,
                need.id,
                person_id,
                text,
                PEOPLE[person_index].get("channel") or "chat",
                parent_id=parent,
                now=at,
            )
            ask_id = result.ask.id
            assert ask_id is not None
            asked += 1
            reply_at = at + timedelta(hours=rng.randint(2, 48))
            offered = "next month instead" if kind_of_answer == "alternative" else ""
            ask_svc.record_answer(
                store, ask_id, kind_of_answer, offered=offered, note="", now=reply_at
            )
            if kind_of_answer == "no-reply":
                if rng.random() < 0.5:
                    ask_svc.follow_up(
                        store,
                        ask_id,
                        now=reply_at + timedelta(days=4),
                        note="Gentle nudge, no pressure.",
                    )
            elif rng.random() < 0.8:
                ask_svc.thank(
                    store, ask_id, note="Thanked them warmly.", now=reply_at + timedelta(hours=3)
                )
            parent = ask_id if kind_of_answer in ("no", "alternative") else None
            at = reply_at + timedelta(days=1)
        if answers and answers[-1] == "yes" and (at.date() < today - timedelta(days=10)):
            needs.set_need_status(store, need.id, "resolved")
    for n, text in enumerate(REFLECTIONS):
        journal.add_entry(store, text, now=start + timedelta(days=8 + n * 13))
    for n, (who_index, what) in enumerate(
        [
            (2, "Paired on her flaky test for an hour"),
            (3, "Cooked dinner when he moved flats"),
            (0, "Shared my notes from the data contracts talk"),
            (4, "Reviewed her portfolio site"),
        ]
    ):
        pid = ids[who_index]
        assert pid is not None
        journal.give_help(store, pid, what, now=start + timedelta(days=15 + n * 20))
    return {"people": len(ids), "needs": len(NEEDS), "asks": asked}


def build_demo(
    path: str | Path | None = None, *, today: date | None = None, seed: int = 7
) -> dict[str, Any]:
    """Create (or recreate) the demo database and fill it; return where it is and what it holds."""
    if path is None:
        url = default_url("demo.db")
        file = Path(url.removeprefix("sqlite:///"))
    else:
        file = Path(path).expanduser().resolve()
        url = f"sqlite:///{file}"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{file}{suffix}").unlink(missing_ok=True)
    store = open_store(url)
    try:
        counts = _populate(store, today or now_utc().date(), random.Random(seed))
    finally:
        store.close()
    return {"path": str(file), "url": url, **counts}
