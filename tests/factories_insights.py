"""Builders of hand-made histories with known answers, for the insights tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from askwell.core.model import Answer, Ask, HelpGiven, History, Need, Person, Thanks

NOW = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)  # a Wednesday, ISO week 2026-W12


def days_ago(days: float, now: datetime = NOW) -> datetime:
    """Return a time `days` days before `now`."""
    return now - timedelta(days=days)


class Builder:
    """Grow a History step by step with automatic ids."""

    def __init__(self) -> None:
        self.h = History()
        self._ids = 0

    def _id(self) -> int:
        self._ids += 1
        return self._ids

    def person(self, name: str, **kw: object) -> Person:
        """Add a person."""
        p = Person(name=name, id=self._id(), **kw)  # type: ignore[arg-type]
        self.h.people.append(p)
        return p

    def need(
        self,
        created: datetime | None = None,
        *,
        summary: str = "a need",
        expect: int | None = None,
        barriers: dict[str, int] | None = None,
        topics: tuple[str, ...] = (),
        support_type: str = "advice",
        urgency: str = "medium",
        deadline: date | None = None,
        status: str = "open",
    ) -> Need:
        """Add a need created at `created` (default: 30 days before NOW)."""
        n = Need(
            summary=summary,
            expect=expect,
            barriers=barriers or {},
            topics=topics,
            support_type=support_type,
            urgency=urgency,
            deadline=deadline,
            status=status,
            id=self._id(),
            created_at=created or days_ago(30),
        )
        self.h.needs.append(n)
        return n

    def ask(
        self,
        need: Need,
        person: Person,
        sent: datetime | None,
        answer: str | None = None,
        *,
        answered: datetime | None = None,
        thanked: datetime | None = None,
        followed_up: datetime | None = None,
        urgency_at_ask: str | None = None,
    ) -> Ask:
        """Add an ask (sent=None makes a draft) with an optional answer."""
        status = "draft" if sent is None else "sent"
        ans = None
        if answer is not None:
            status = "answered"
            ans = Answer(kind=answer, at=answered or sent)
        if thanked is not None:
            status = "thanked"
        a = Ask(
            need_id=need.id or 0,
            person_id=person.id or 0,
            status=status,
            answer=ans,
            sent_at=sent,
            thanked_at=thanked,
            followed_up_at=followed_up,
            urgency_at_ask=urgency_at_ask,
            id=self._id(),
            created_at=sent,
        )
        self.h.asks.append(a)
        return a

    def thanks(self, ask: Ask, at: datetime) -> Thanks:
        """Record a thank-you for an ask."""
        t = Thanks(ask_id=ask.id or 0, id=self._id(), created_at=at)
        self.h.thanks.append(t)
        return t

    def help(self, person: Person, at: datetime, summary: str = "helped") -> HelpGiven:
        """Record help given to a person."""
        g = HelpGiven(person_id=person.id or 0, summary=summary, id=self._id(), created_at=at)
        self.h.help_given.append(g)
        return g


def rich_history(weeks: int = 12, seed: int = 7) -> History:
    """Return a varied, deterministic history with enough data for every insight."""
    import random

    rnd = random.Random(seed)
    b = Builder()
    people = [b.person(n) for n in ("Anna", "Ben", "Cleo", "Dev", "Eli")]
    topics = ("money", "work", "health", "home")
    kinds = ("yes", "yes", "yes", "alternative", "no", "no-reply")
    for i in range(weeks * 3):
        created = days_ago(weeks * 7 - i * 7 / 3)
        need = b.need(
            created,
            summary=f"need {i}",
            expect=rnd.choice((20, 30, 40, 50, 60)),
            barriers={"burden": rnd.randint(0, 3), "shame": rnd.choice((0, 0, 2))},
            topics=(rnd.choice(topics),),
            support_type=rnd.choice(("advice", "task", "emotional")),
            urgency=rnd.choice(("low", "medium", "high")),
        )
        if i % 5 == 4:
            continue
        sent = created + timedelta(days=rnd.random() * 3)
        if sent > NOW - timedelta(days=1):
            continue
        person = people[0] if rnd.random() < 0.4 else rnd.choice(people)
        kind = rnd.choice(kinds)
        ask = b.ask(need, person, sent, kind, answered=sent + timedelta(hours=5))
        if kind != "no-reply" and rnd.random() < 0.7:
            ask.thanked_at = sent + timedelta(days=1)
        if kind == "no-reply" and rnd.random() < 0.5:
            ask.followed_up_at = sent + timedelta(days=4)
    for p in people[:3]:
        b.help(p, days_ago(rnd.randint(1, 60)))
    return b.h
