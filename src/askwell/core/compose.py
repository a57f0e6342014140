"""The composer: build a request from its parts for a channel, plus gracious reply drafts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from askwell.core.compose_templates import REQUEST_FIELDS, TEMPLATES, Template
from askwell.core.model import DomainError, check_choice
from askwell.core.moment import first_name

if TYPE_CHECKING:
    from askwell.core.model import Need, Person

COMPOSE_CHANNELS = ("chat", "email", "in-person", "call")
DEFAULT_EASY_OUT = "No worries at all if now isn't a good time."
DEFAULT_THANKS = "Thank you!"
_REQUEST_FORM = re.compile(
    r"^(?:could|would|can|will|might) (?:you|we|I)\b|^(?:would|is) (?:it|there)\b"
    r"|^(?:do|are) you\b|^I(?:'d| would)\b|^may I\b",
    re.IGNORECASE,
)
_REASON_START = re.compile(r"^(?:because|since|as|given)\b", re.IGNORECASE)
_TIME_START = re.compile(r"^(?:about|around|roughly|no more than|at most|under|just)\b", re.I)

__all__ = [
    "COMPOSE_CHANNELS",
    "TEMPLATES",
    "Template",
    "draft",
    "draft_for",
    "follow_up",
    "reply_for",
    "reply_to_no",
    "thank_you",
]


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def _sentence(value: str) -> str:
    text = _clean(value)
    if text and text[-1] not in ".!?":
        text += "."
    return text[:1].upper() + text[1:]


def _ask_sentence(ask: str, deadline: str) -> str:
    text = _clean(ask).rstrip(".?! ")
    if not _REQUEST_FORM.match(text):
        text = "Could you " + text[:1].lower() + text[1:]
    if deadline and deadline.lower() not in text.lower():
        text += " " + deadline
    return text[:1].upper() + text[1:] + "?"


def _why_sentence(why: str) -> str:
    text = _clean(why).rstrip(".")
    if not text:
        return ""
    if _REASON_START.match(text):
        return f"I thought of you {text[:1].lower()}{text[1:]}."
    if text.lower().startswith("you"):
        return f"I thought of you because {text}."
    return _sentence(text)


def _time_sentence(time: str) -> str:
    text = _clean(time).rstrip(".")
    if not text:
        return ""
    return f"It should take {text}." if _TIME_START.match(text) else f"It should take about {text}."


def _channel(channel: str | None) -> str:
    return check_choice(channel or "chat", COMPOSE_CHANNELS, "channel")


def _template(template: str | Template | None) -> Template | None:
    if template is None or isinstance(template, Template):
        return template
    found = TEMPLATES.get(template.strip().lower())
    if found is None:
        raise DomainError(f"unknown template {template!r}; choose one of: {', '.join(TEMPLATES)}")
    return found


def draft(
    parts: Mapping[str, str | None],
    channel: str | None = "chat",
    template: str | Template | None = None,
) -> str:
    """Build a request (or a reply, for a reply template) from its parts for a channel."""
    tpl = _template(template)
    allowed = tpl.fields if tpl else REQUEST_FIELDS
    unknown = sorted(set(parts) - set(allowed))
    if unknown:
        raise DomainError(f"unknown part {unknown[0]!r}; the parts are: {', '.join(allowed)}")
    merged = {k: _clean(v) for k, v in (tpl.defaults if tpl else {}).items()}
    merged.update({k: _clean(v) for k, v in parts.items() if _clean(v)})
    how = _channel(channel)
    if tpl is not None and tpl.kind == "reply":
        return _REPLIES[tpl.id](
            name=merged.get("name", ""),
            need=merged.get("need", ""),
            note=merged.get("note", ""),
            channel=how,
        )
    if not merged.get("ask"):
        raise DomainError("a request needs an ask: say what you'd like them to do")
    return _render(merged, how)


def _render(p: Mapping[str, str], channel: str) -> str:
    context = " ".join(_sentence(p[k]) for k in ("situation", "challenge") if p.get(k))
    ask = _ask_sentence(p["ask"], p.get("deadline", ""))
    why = _why_sentence(p.get("why", ""))
    time = _time_sentence(p.get("time", ""))
    easy_out = _sentence(p.get("easy_out") or DEFAULT_EASY_OUT)
    thanks = _sentence(p.get("thanks") or DEFAULT_THANKS)
    name = p.get("name", "")
    if channel in ("in-person", "call"):
        points = [
            ("Context", context),
            ("Why you", why),
            ("The ask", ask),
            ("Time", time),
            ("An easy no", easy_out),
            ("Thanks", thanks),
        ]
        head = f"Talking points for {name}:" if name else "Talking points:"
        return "\n".join([head] + [f"- {label}: {text}" for label, text in points if text])
    hello = f"Hi {name}" if name else "Hi"
    if channel == "email":
        blocks = [
            f"{hello},",
            context,
            " ".join(s for s in (why, ask, time) if s),
            f"{easy_out} {thanks}",
        ]
        return "\n\n".join(b for b in blocks if b) + "\n"
    body = " ".join(s for s in (context, why, ask, time, easy_out, thanks) if s)
    return f"{hello}! {body}"


def _letter(name: str, sentences: list[str], channel: str) -> str:
    hello = f"Hi {name}" if name else "Hi"
    body = " ".join(s for s in sentences if s)
    if channel == "email":
        return f"{hello},\n\n{body}\n"
    return (
        f"{hello}, {body[:1].lower()}{body[1:]}"
        if body.startswith("Thank")
        else (f"{hello}! {body}")
    )


def reply_to_no(
    *, name: str = "", need: str = "", note: str = "", channel: str | None = "chat"
) -> str:
    """Draft a gracious reply to a no: thanks for the honesty, no hard feelings."""
    about = f" about {_clean(need)}" if _clean(need) else ""
    return _letter(
        _clean(name),
        [
            f"Thanks for letting me know{about}, and no problem at all.",
            "I really appreciate you being honest about your time.",
            _sentence(note) if _clean(note) else "",
            "I hope we catch up soon.",
        ],
        _channel(channel),
    )


def thank_you(
    *, name: str = "", need: str = "", note: str = "", channel: str | None = "chat"
) -> str:
    """Draft a thank-you note that says what their help changed."""
    what = _clean(need) or "your help"
    return _letter(
        _clean(name),
        [
            f"Thank you so much for {what}.",
            _sentence(note) if _clean(note) else "It made a real difference to me.",
            "I'm grateful, and happy to return the favour any time.",
        ],
        _channel(channel),
    )


def follow_up(
    *, name: str = "", need: str = "", note: str = "", channel: str | None = "chat"
) -> str:
    """Draft one gentle follow-up for an ask that got no reply."""
    about = _clean(need) or "my earlier message"
    return _letter(
        _clean(name),
        [
            f"I'm following up once on my note about {about}.",
            _sentence(note) if _clean(note) else "",
            "Would you still have time for it this week?",
            "No worries at all if not; a quick yes or no is perfect.",
            "Thank you!",
        ],
        _channel(channel),
    )


_REPLIES = {"reply-to-no": reply_to_no, "thank-you": thank_you, "follow-up": follow_up}


def draft_for(person: Person, need: Need, *, channel: str | None = None) -> str:
    """Return a first draft for asking `person` about `need` (blanks in [brackets])."""
    parts = {
        "name": first_name(person),
        "situation": need.details.split("\n")[0] if need.details else "",
        "ask": f"help me with {need.summary[:1].lower()}{need.summary[1:]}",
        "deadline": f"by {need.deadline:%A %d %B}" if need.deadline else "",
        "why": f"you know {person.topics[0]} well" if person.topics else "",
        "time": "[15 minutes]",
    }
    if not parts["situation"]:
        parts["situation"] = "I'm working on [a short line on the situation]."
    return draft(parts, channel or person.channel or "chat")


def reply_for(kind: str, person: Person, need: Need, *, channel: str | None = None) -> str:
    """Return the reply draft for an answer: a follow-up, a reply to a no, or a thank-you."""
    how = channel or person.channel or "chat"
    if how not in COMPOSE_CHANNELS:
        how = "chat"
    summary = need.summary[:1].lower() + need.summary[1:]
    name = first_name(person)
    if kind == "no-reply":
        return follow_up(name=name, need=summary, channel=how)
    if kind == "no":
        return reply_to_no(name=name, need=summary, channel=how)
    return thank_you(name=name, need=f"your help with {summary}", channel=how)
