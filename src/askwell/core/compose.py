"""The composer: build a request from its parts for a channel, plus replies that fit the answer.

Every frame makes whole sentences from whatever parts are filled: a missing part drops its
clause, and a need's summary is turned into what they would do (compose_parts) before it goes
into "Could you ...?", "Thank you for agreeing to ..." or "I'll ask someone else to ...".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from askwell.core.compose_parts import (
    THINK_IT_THROUGH,
    Phrase,
    clean,
    lower_first,
    offered_phrase,
    open_question,
    phrase,
    sentence,
    upper_first,
    verb_phrase,
)
from askwell.core.compose_templates import LEAD_INS, REQUEST_FIELDS, TEMPLATES, Template
from askwell.core.model import DomainError, check_choice
from askwell.core.moment import first_name

if TYPE_CHECKING:
    from askwell.core.model import Answer, Need, Person

COMPOSE_CHANNELS = ("chat", "email", "text", "in-person", "call")
DEFAULT_EASY_OUT = "No worries at all if now isn't a good time."
DEFAULT_THANKS = "Thank you!"
LONG_ASK = 16  # words; a deadline after a longer ask gets a sentence of its own
_REQUEST_FORM = re.compile(
    r"^(?:could|would|can|will|might) (?:you|we|I)\b|^(?:would|is) (?:it|there)\b"
    r"|^(?:do|are) you\b|^I(?:'d| would)\b|^may I\b",
    re.IGNORECASE,
)
_REASON_START = re.compile(r"^(?:because|since|as|given)\b", re.IGNORECASE)
_TIME_START = re.compile(r"^(?:about|around|roughly|no more than|at most|under|just)\b", re.I)
_WHEN_START = re.compile(
    r"^(?:by|before|on|in|at|this|next|until|within|today|tonight|tomorrow|sometime|some time|"
    r"any time|anytime|whenever|over|during|after|early|late|soon)\b",
    re.I,
)
_DURATION = re.compile(
    r"\b(?:minutes?|mins?|hours?|hrs?|an hour|half an hour|days?|weeks?|evenings?|afternoons?|"
    r"mornings?|quick call|coffee)\b",
    re.I,
)
_DEADLINE_IN = re.compile(r"\b(?:by|before|until)\b", re.I)
_BUSY = re.compile(
    r"\b(?:busy|swamped|stretched|snowed|full|capacity|plate|away|travel\w*|holiday|leave|"
    r"sick|ill|unwell|deadline\w*|overloaded|no time|too much)\b",
    re.I,
)
_SEND = re.compile(r"\b(?:send|share|forward|files?|notes|details|docs?|access|link)\b", re.I)

__all__ = [
    "COMPOSE_CHANNELS",
    "TEMPLATES",
    "Drafted",
    "Template",
    "compose_for",
    "draft",
    "draft_for",
    "follow_up",
    "parts_for",
    "past_reason",
    "reply_for",
    "reply_to_no",
    "thank_you",
]


def _deadline(text: str) -> str:
    text = clean(text).rstrip(".?!")
    if not text:
        return ""
    return text if _WHEN_START.match(text) else f"by {text}"


def _ask_sentence(ask: str, deadline: str, frame: str | None) -> tuple[str, str]:
    """Return the question that asks, and a question sentence to set before it (or "")."""
    text = clean(ask).rstrip(".?! ")
    when = _deadline(deadline)
    if _REQUEST_FORM.match(text):
        body = upper_first(text)
        question = ""
    else:
        phrase = verb_phrase(text, "advice", frame)
        question = open_question(text) if phrase == THINK_IT_THROUGH else ""
        body = f"Could you {phrase}"
    if when and not _DEADLINE_IN.search(body) and when.lower() not in body.lower():
        if len(body.split()) <= LONG_ASK:
            return f"{body} {when}?", question
        return f"{body}? It's needed {when}.", question
    return body + "?", question


def _why_sentence(why: str) -> str:
    text = clean(why).rstrip(".")
    if not text:
        return ""
    if _REASON_START.match(text):
        return f"I thought of you {lower_first(text)}."
    if text.lower().startswith("you"):
        return f"I thought of you because {text}."
    return sentence(text)


def _time_sentence(time: str) -> str:
    text = clean(time).rstrip(".")
    if not text:
        return ""
    if _TIME_START.match(text):
        return f"It should take {text}."
    if _DURATION.search(text):
        return f"It should take about {text}."
    return f"It's {lower_first(text)}, no more."


def _channel(channel: str | None) -> str:
    return check_choice(channel or "chat", COMPOSE_CHANNELS, "channel")


def _template(template: str | Template | None) -> Template | None:
    if template is None or isinstance(template, Template):
        return template
    if not template.strip():
        return None
    found = TEMPLATES.get(template.strip().lower())
    if found is None:
        raise DomainError(f"unknown template {template!r}; choose one of: {', '.join(TEMPLATES)}")
    return found


def _merge(parts: Mapping[str, str], tpl: Template | None) -> dict[str, str]:
    """Return the parts over the template's defaults, each default only where it still fits.

    A template's situation and challenge come as a pair, only when neither is given; its time
    belongs to its own example ask, so it comes only with that ask.
    """
    given = {k: clean(v) for k, v in parts.items() if clean(v)}
    if tpl is None:
        return given
    merged = dict(given)
    defaults = tpl.defaults
    for key in ("easy_out", "thanks", "why", "name", "deadline"):
        if defaults.get(key) and key not in merged:
            merged[key] = defaults[key]
    if not ({"situation", "challenge"} & set(given)):
        merged.update({k: defaults[k] for k in ("situation", "challenge") if defaults.get(k)})
    if "ask" not in given and defaults.get("ask"):
        merged["ask"] = defaults["ask"]
        if defaults.get("time") and "time" not in given:
            merged["time"] = defaults["time"]
    return merged


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
    how = _channel(channel)
    given = {k: clean(v) for k, v in parts.items()}
    if tpl is not None and tpl.kind == "reply":
        return _REPLIES[tpl.id](
            name=given.get("name", ""),
            need=given.get("need", ""),
            note=given.get("note", ""),
            channel=how,
        )
    merged = _merge(given, tpl)
    if not merged.get("ask"):
        raise DomainError("a request needs an ask: say what you'd like them to do")
    return _render(merged, how, tpl.frame if tpl else None)


def _render(p: Mapping[str, str], channel: str, frame: str | None = None) -> str:
    ask, question = _ask_sentence(p["ask"], p.get("deadline", ""), frame)
    keys = ("situation",) if channel == "text" else ("situation", "challenge")
    context = " ".join([*(sentence(p[k]) for k in keys if p.get(k)), question]).strip()
    why = "" if channel == "text" else _why_sentence(p.get("why", ""))
    time = _time_sentence(p.get("time", ""))
    easy_out = sentence(p.get("easy_out") or DEFAULT_EASY_OUT)
    thanks = sentence(p.get("thanks") or DEFAULT_THANKS)
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
    if body.startswith("Thank"):
        return f"{hello}, {body[:1].lower()}{body[1:]}"
    return f"{hello}! {body}"


def _what(need: str, support: str) -> Phrase:
    """Return what the ask was for ("" parts when not known or only a question)."""
    found = phrase(need, support)
    return Phrase("", "") if found.verb == THINK_IT_THROUGH else found


def reply_to_no(
    *,
    name: str = "",
    need: str = "",
    note: str = "",
    channel: str | None = "chat",
    said: str = "",
    support: str = "task",
) -> str:
    """Draft a gracious reply to a no: thanks for the honesty, the door left open."""
    what = _what(need, support)
    if support == "emotional":
        elsewhere = ""
    elif what.thing:
        elsewhere = f"I'll ask someone else about {what.thing}."
    else:
        elsewhere = f"I'll ask someone else to {what.verb}." if what.verb else ""
    return _letter(
        clean(name),
        [
            "Thanks for letting me know, and no problem at all.",
            "I hope things ease up for you soon." if _BUSY.search(said) else "",
            "I really appreciate you being honest about your time.",
            sentence(note),
            elsewhere,
            "Let's catch up soon, and I'm always happy to return the favour.",
        ],
        _channel(channel),
    )


def thank_you(
    *,
    name: str = "",
    need: str = "",
    note: str = "",
    channel: str | None = "chat",
    offered: str = "",
    said: str = "",
    support: str = "task",
) -> str:
    """Draft a thank-you that names what they agreed to do, or what they offered instead."""
    what = _what(need, support)
    offer = offered_phrase(offered)
    if offer:
        opening = [
            f"Thank you so much for offering {offer}.",
            "That would really help, and I'd be glad to take you up on it.",
            "I'll find another way for the rest." if what.verb else "",
        ]
    elif what.thing and (support in ("advice", "emotional") or need.strip().endswith("?")):
        opening = [f"Thank you so much for agreeing to talk through {what.thing} with me."]
    elif what.thing:
        opening = [f"Thank you so much for agreeing to help with {what.thing}."]
    elif what.verb:
        opening = [f"Thank you so much for agreeing to {what.verb}."]
    else:
        opening = ["Thank you so much for your help."]
    return _letter(
        clean(name),
        [
            *opening,
            "I'll send over everything you need." if _SEND.search(said) else "",
            sentence(note) if clean(note) else "It makes a real difference to me.",
            "I'm grateful, and happy to return the favour any time.",
        ],
        _channel(channel),
    )


def follow_up(
    *,
    name: str = "",
    need: str = "",
    note: str = "",
    channel: str | None = "chat",
    support: str = "task",
) -> str:
    """Draft one gentle follow-up for an ask that got no reply."""
    what = _what(need, support)
    if what.thing:
        about = f"I wanted to check in once about my message on {what.thing}."
    elif what.verb:
        about = f"I wanted to check in once about my message asking whether you could {what.verb}."
    else:
        about = "I wanted to check in once about my earlier message."
    return _letter(
        clean(name),
        [
            about,
            sentence(note),
            "Would you still have time for it?",
            "No worries at all if not; a quick yes or no is perfect.",
            "Thank you!",
        ],
        _channel(channel),
    )


_REPLIES = {"reply-to-no": reply_to_no, "thank-you": thank_you, "follow-up": follow_up}


def _when(need: Need) -> str:
    d = need.deadline
    return f"by {d:%A} {d.day} {d:%B}" if d else ""


def _situation(need: Need) -> str:
    """Return the first sentence of the need's details, or ""."""
    first = clean(need.details.split("\n")[0]) if need.details else ""
    m = re.match(r"(.+?[.!?])(?:\s|$)", first)
    return m.group(1) if m else first


def _lead_in(support: str, thing: str) -> str:
    """Return a line of context that only restates the need (for a need with no details)."""
    if re.match(r"(?:how|what|whether|where|when|who|the best way) to\b", thing):
        return f"I'm trying to work out {thing}."
    named, plain = LEAD_INS.get(support, LEAD_INS["advice"])
    return named.format(thing) if thing and "{}" in named else plain


def past_reason(need: Need, helped: Sequence[Need]) -> str:
    """Return why them from an earlier need they said yes to that matches this one ("" if none)."""
    from askwell.core.match.reasons import matching_past

    old = matching_past(need, helped)
    if old is None:
        return ""
    did = _what(old.summary, old.support_type)
    if did.thing:
        return f"you were such a help with {did.thing} before"
    return f"you were kind enough to {did.verb} before" if did.verb else ""


def parts_for(
    person: Person, need: Need, *, template: str | Template | None = None, reason: str = ""
) -> dict[str, str]:
    """Return the parts of a first draft asking `person` about `need` (no blanks, ever).

    The ask comes from the need's summary; the reason for them is `reason` (the service finds
    an earlier yes to a close need), else their topic that matches the need, else left out;
    a template adds its frame and its easy no and thanks.
    """
    from askwell.core.match.reasons import matching_topic

    tpl = _template(template)
    fits = tpl is not None and tpl.frame and tpl.support in ("", need.support_type)
    frame = tpl.frame if tpl is not None and fits else None
    ask = phrase(need.ask or need.summary, need.support_type, frame)
    topic = "" if reason else matching_topic(need, person.topics)
    why = reason or (f"you know a lot about {topic}" if topic else "")
    said = need.situation or _situation(need)
    situation = " ".join(s for s in (said, "" if need.ask else open_question(need.summary)) if s)
    verb = ask.verb
    if not situation and not (tpl and tpl.defaults.get("situation")):
        situation = _lead_in(need.support_type, ask.thing)
        if not why and ask.thing and ask.thing in situation and verb.endswith(ask.thing):
            verb = verb[: -len(ask.thing)] + "it"  # named in the line just before the ask
    parts = {
        "name": first_name(person),
        "situation": situation,
        "ask": verb,
        "deadline": _when(need),
        "time": need.size,
        "why": why,
    }
    return {k: v for k, v in parts.items() if v}


@dataclass(frozen=True)
class Drafted:
    """A first draft for a need and a person: the text, the parts it was made of, the frame."""

    text: str
    parts: dict[str, str]
    template: str | None
    channel: str


def compose_for(
    person: Person,
    need: Need,
    *,
    channel: str | None = None,
    template: str | Template | None = None,
    reason: str = "",
) -> Drafted:
    """Return the first draft for asking `person` about `need`, with the parts behind it."""
    how = channel or person.channel or "chat"
    if how not in COMPOSE_CHANNELS:
        how = "chat"
    chosen = _template(template)
    tpl = chosen
    if tpl is not None and tpl.support not in ("", need.support_type):
        # A frame's words are for its kind of support: a need of another kind keeps its easy no.
        easy_out = {"easy_out": tpl.defaults["easy_out"]} if "easy_out" in tpl.defaults else {}
        tpl = replace(tpl, defaults=easy_out, frame="")
    parts = parts_for(person, need, template=tpl, reason=reason)
    text = draft(parts, how, tpl)
    used = _merge(parts, tpl)
    used.setdefault("easy_out", DEFAULT_EASY_OUT)
    used.setdefault("thanks", DEFAULT_THANKS)
    return Drafted(text, used, chosen.id if chosen else None, how)


def draft_for(
    person: Person,
    need: Need,
    *,
    channel: str | None = None,
    template: str | Template | None = None,
    reason: str = "",
) -> str:
    """Return a first draft for asking `person` about `need`, with no blanks to fill."""
    return compose_for(person, need, channel=channel, template=template, reason=reason).text


def reply_for(
    kind: str,
    person: Person,
    need: Need,
    *,
    channel: str | None = None,
    answer: Answer | None = None,
) -> str:
    """Return the reply for an answer: a follow-up, a reply to a no, or a thank-you that fits."""
    how = channel or person.channel or "chat"
    if how not in COMPOSE_CHANNELS:
        how = "chat"
    name = first_name(person)
    said = answer.note if answer else ""
    about = {"name": name, "need": need.summary, "channel": how, "support": need.support_type}
    if kind == "no-reply":
        return follow_up(**about)
    if kind == "no":
        return reply_to_no(**about, said=said)
    offered = answer.offered if answer and kind == "alternative" else ""
    return thank_you(**about, offered=offered, said=said)
