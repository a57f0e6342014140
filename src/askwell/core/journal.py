"""The journal as one timeline: needs, asks, answers, thanks, follow-ups, help, reflections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from askwell.core.model import History

TIMELINE_KINDS = (
    "need",
    "ask",
    "answer",
    "thanks",
    "follow-up",
    "help",
    "reflection",
    "change",
)

_ANSWER_WORDS = {
    "yes": "{name} said yes",
    "no": "{name} said no, and that is fine",
    "alternative": "{name} offered something else",
    "no-reply": "No reply from {name} yet",
}


@dataclass(frozen=True)
class TimelineItem:
    """One dated line of the journal."""

    at: datetime
    kind: str
    text: str
    need_id: int | None = None
    person_id: int | None = None
    ask_id: int | None = None
    entry_id: int | None = None
    help_id: int | None = None


def timeline(history: History) -> list[TimelineItem]:
    """Return every event and reflection in the history, newest first."""
    names = {p.id: p.name for p in history.people}
    summaries = {n.id: n.summary for n in history.needs}
    notes = {
        e.ask_id: e.text for e in history.journal if e.kind == "follow-up" and e.ask_id is not None
    }
    items: list[TimelineItem] = []
    for need in history.needs:
        if need.created_at is not None:
            items.append(TimelineItem(need.created_at, "need", f"Need: {need.summary}", need.id))
    for ask in history.asks:
        name = names.get(ask.person_id, "someone")
        about = summaries.get(ask.need_id, "")
        ids = {"need_id": ask.need_id, "person_id": ask.person_id, "ask_id": ask.id}
        if ask.sent_at is not None:
            text = f"Asked {name} about “{about}” ({ask.channel})"
            items.append(TimelineItem(ask.sent_at, "ask", text, **ids))
        if ask.answer is not None and ask.answer.at is not None:
            text = _ANSWER_WORDS[ask.answer.kind].format(name=name) + f" about “{about}”"
            extra = ask.answer.offered or ask.answer.note
            items.append(
                TimelineItem(ask.answer.at, "answer", f"{text}: {extra}" if extra else text, **ids)
            )
        if ask.thanked_at is not None:
            items.append(TimelineItem(ask.thanked_at, "thanks", f"Thanked {name}", **ids))
        if ask.followed_up_at is not None:
            note = notes.get(ask.id) if ask.id is not None else None
            text = f"Followed up once with {name}" + (f": {note}" if note else "")
            items.append(TimelineItem(ask.followed_up_at, "follow-up", text, **ids))
    for given in history.help_given:
        if given.created_at is not None:
            text = f"Helped {names.get(given.person_id, 'someone')}: {given.summary}"
            items.append(
                TimelineItem(
                    given.created_at, "help", text, person_id=given.person_id, help_id=given.id
                )
            )
    for entry in history.journal:
        if entry.created_at is None or entry.kind not in ("reflection", "change"):
            continue  # follow-up notes are part of their follow-up line above
        items.append(
            TimelineItem(
                entry.created_at,
                entry.kind,
                entry.text,
                entry.need_id,
                entry.person_id,
                entry.ask_id,
                entry.id,
            )
        )
    items.sort(key=lambda item: item.at, reverse=True)
    return items


_TAG = re.compile(r"(?<![\w@.])@([^\W\d_][\w-]*)")


def tags(text: str) -> list[str]:
    """Return the @tags in a text, lower-case, in order, once each (an e-mail is not a tag)."""
    return list(dict.fromkeys(t.lower().rstrip("-") for t in _TAG.findall(text)))


def search(
    items: list[TimelineItem],
    query: str | None,
    kinds: set[str] | None = None,
    *,
    tag: str | None = None,
    since: date | None = None,
    until: date | None = None,
    tz: tzinfo | None = None,
) -> list[TimelineItem]:
    """Keep items whose text holds every word of `query` (any case), of a wanted kind, with
    the @tag, and dated (in `tz`) from `since` to `until`, both days included."""
    words = (query or "").lower().split()
    wanted_tag = tag.lower().lstrip("@") if tag else None

    def day(item: TimelineItem) -> date:
        return (item.at.astimezone(tz) if tz else item.at).date()

    return [
        item
        for item in items
        if (kinds is None or item.kind in kinds)
        and all(w in item.text.lower() for w in words)
        and (wanted_tag is None or wanted_tag in tags(item.text))
        and (since is None or day(item) >= since)
        and (until is None or day(item) <= until)
    ]
