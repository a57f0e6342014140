"""Team insights: how a team asks and helps, as aggregates only, never per person.

Two rules keep every figure about the team and never about one member: nothing is shown for a
team of fewer than MIN_MEMBERS, and each figure is shown only when at least MIN_MEMBERS
different people are behind it (say five members but two of them answer every ask: the answer
figures wait). No figure carries a name, an id or a per-person count. Only the shared team
tables are read; a member's private askwell is not (and row-level security would show the
shared store none of it anyway).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median

from sqlalchemy import func, select

from askwell.storage.store import Store
from askwell.team.common import now_utc, role_in
from askwell.team.tables import Membership, Profile, TeamAsk, TeamHelp, TeamNeed

MIN_MEMBERS = 5
PERIOD_DAYS = 90
TOP_TOPICS = 5
ANSWER_WORDS = {
    "yes": "yes",
    "alternative": "something else offered",
    "no": "no",
    "not-now": "later",
}


@dataclass(frozen=True)
class Figure:
    """One aggregate: a key, the number behind it and a sentence to read."""

    key: str
    value: float
    text: str


@dataclass(frozen=True)
class TeamInsights:
    """A team's figures for the last PERIOD_DAYS, or why there are none yet."""

    team_id: int
    members: int
    ready: bool
    message: str
    min_members: int = MIN_MEMBERS
    period_days: int = PERIOD_DAYS
    figures: list[Figure] = field(default_factory=list)
    held_back: int = 0


@dataclass(frozen=True)
class AskFact:
    """What one ask contributes (the ids only count how many people are behind a figure)."""

    asker: int
    helper: int
    sent_at: datetime
    answered_at: datetime | None
    kind: str | None
    thanked: bool


def not_enough(members: int) -> str:
    """Return the message for a team too small for insights."""
    return (
        f"Not enough members yet: insights start at {MIN_MEMBERS} members, so that no figure "
        f"can point to one person ({members} so far)."
    )


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def summarise(
    asks: list[AskFact],
    helps: list[tuple[int, int]],
    needs: list[tuple[int, list[str]]],
    members: int,
    away: int,
) -> tuple[list[Figure], int]:
    """Return the figures at least MIN_MEMBERS people are behind, and how many were held back.

    `helps` is (giver, receiver) per recorded help, `needs` (author, topics) per team need,
    `away` how many members are not taking requests today. Pure: no I/O.
    """
    shown: list[Figure] = []
    held = 0

    def offer(people: set[int], figure: Figure) -> None:
        nonlocal held
        if len(people) >= MIN_MEMBERS:
            shown.append(figure)
        else:
            held += 1

    days = PERIOD_DAYS
    offer(
        {a.asker for a in asks},
        Figure(
            "asks",
            len(asks),
            f"{len(asks)} asks were sent between members in the last {days} days.",
        ),
    )
    answered = [a for a in asks if a.answered_at is not None]
    share = _pct(len(answered), len(asks))
    offer(
        {a.helper for a in asks},
        Figure("answered", share, f"{share}% of those asks have an answer."),
    )
    kinds = Counter(a.kind for a in answered if a.kind)
    parts = [f"{w} {_pct(kinds[k], len(answered))}%" for k, w in ANSWER_WORDS.items() if kinds[k]]
    yes_share = _pct(kinds["yes"], len(answered))
    offer(
        {a.helper for a in answered},
        Figure(
            "answers",
            yes_share,
            "How asks were answered: " + ", ".join(parts or ["none yet"]) + ".",
        ),
    )
    if answered:
        hours = median((a.answered_at - a.sent_at).total_seconds() / 3600 for a in answered)  # type: ignore[operator]
        shown_hours = round(hours, 1) if hours < 10 else round(hours)
        offer(
            {a.helper for a in answered},
            Figure(
                "answer_hours", shown_hours, f"Half the answers came within {shown_hours} hours."
            ),
        )
    yeses = [a for a in answered if a.kind == "yes"]
    if yeses:
        thanked = _pct(sum(a.thanked for a in yeses), len(yeses))
        offer(
            {a.asker for a in yeses},
            Figure("thanked", thanked, f"{thanked}% of the yes answers were thanked."),
        )
    givers = {giver for giver, _ in helps}
    offer(
        givers,
        Figure(
            "helpers",
            len(givers),
            f"{len(givers)} of {members} members helped someone ({len(helps)} times in all).",
        ),
    )
    authors: dict[str, set[int]] = {}
    for author, topics in needs:
        for topic in {t.strip().lower() for t in topics if t.strip()}:
            authors.setdefault(topic, set()).add(author)
    common = sorted(
        ((len(people), topic) for topic, people in authors.items() if len(people) >= MIN_MEMBERS),
        key=lambda pair: (-pair[0], pair[1]),
    )[:TOP_TOPICS]
    if common:
        listed = ", ".join(f"{topic} ({n} people)" for n, topic in common)
        shown.append(Figure("topics", len(common), f"Topics most people asked about: {listed}."))
    shown.append(
        Figure(
            "capacity",
            away,
            f"{away} of {members} members are not taking requests at the moment.",
        )
    )
    return shown, held


def team_insights(
    store: Store, user_id: int, team_id: int, *, today: date | None = None
) -> TeamInsights:
    """Return the team's aggregates for a member of it (any other team does not exist)."""
    now = now_utc()
    today = today or now.date()
    since = now - timedelta(days=PERIOD_DAYS)
    with store.session() as s:
        role_in(s, user_id, team_id)
        members = (
            s.scalar(
                select(func.count()).select_from(Membership).where(Membership.team_id == team_id)
            )
            or 0
        )
        if members < MIN_MEMBERS:
            return TeamInsights(team_id, members, False, not_enough(members))
        rows = s.execute(
            select(
                TeamAsk.asker_id,
                TeamAsk.helper_id,
                TeamAsk.sent_at,
                TeamAsk.answered_at,
                TeamAsk.answer_kind,
                TeamAsk.thanked_at.is_not(None),
            ).where(TeamAsk.team_id == team_id, TeamAsk.sent_at >= since)
        )
        asks = [AskFact(*row) for row in rows]
        helps = [
            (g, r)
            for g, r in s.execute(
                select(TeamHelp.giver_id, TeamHelp.receiver_id).where(
                    TeamHelp.team_id == team_id, TeamHelp.created_at >= since
                )
            )
        ]
        needs = [
            (a, list(t or []))
            for a, t in s.execute(
                select(TeamNeed.author_id, TeamNeed.topics).where(
                    TeamNeed.team_id == team_id, TeamNeed.created_at >= since
                )
            )
        ]
        away = (
            s.scalar(
                select(func.count())
                .select_from(Membership)
                .join(Profile, Profile.user_id == Membership.user_id)
                .where(Membership.team_id == team_id, Profile.away_until >= today)
            )
            or 0
        )
    figures, held = summarise(asks, helps, needs, members, away)
    message = ""
    if held:
        more = "1 more figure" if held == 1 else f"{held} more figures"
        message = f"{more} will show up once {MIN_MEMBERS} people or more are behind each one."
    return TeamInsights(team_id, members, True, message, figures=figures, held_back=held)
