"""Pydantic schemas of the JSON API: separate Create / Update / Public shapes per object."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from askwell.core.model import (
    NAME_MAX,
    SUMMARY_MAX,
    TEXT_MAX,
    AnswerKind,
    Ask,
    Barrier,
    Boundary,
    Channel,
    HelpGiven,
    JournalEntry,
    Need,
    NeedStatus,
    Person,
    Relationship,
    SupportType,
    Urgency,
    Window,
    parse_hours,
    render_hours,
)

Name = Annotated[str, Field(min_length=1, max_length=NAME_MAX)]
Summary = Annotated[str, Field(min_length=1, max_length=SUMMARY_MAX)]
LongText = Annotated[str, Field(max_length=TEXT_MAX)]
RequiredText = Annotated[str, Field(min_length=1, max_length=TEXT_MAX)]
Short = Annotated[str, Field(max_length=200)]
Topic = Annotated[str, Field(min_length=1, max_length=80)]
AskPart = Annotated[
    str,
    Field(
        max_length=SUMMARY_MAX,
        description='What they would do: "take over the weekly reporting for six weeks".',
    ),
]
SizePart = Annotated[
    str,
    Field(max_length=SUMMARY_MAX, description='How big: "about 30 minutes", "two slides".'),
]
SituationPart = Annotated[
    str,
    Field(max_length=SUMMARY_MAX * 2, description="The situation in a sentence."),
]
Id = Annotated[int, Field(ge=1, le=2**62)]
Intensity = Annotated[int, Field(ge=0, le=3)]
Percent = Annotated[int, Field(ge=0, le=100)]


class InBody(BaseModel):
    """Base of request bodies: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


class OutModel(BaseModel):
    """Base of responses: built from domain dataclasses."""

    model_config = ConfigDict(from_attributes=True)


# People ------------------------------------------------------------------------------------


class PersonCreate(InBody):
    """A new person in your network."""

    name: Name
    relationship: Relationship = "friend"
    topics: list[Topic] = Field(default_factory=list, max_length=40)
    supports: list[SupportType] = Field(default_factory=list)
    tz: Short = "UTC"
    hours: Short = Field(
        "",
        description='Usual availability, e.g. "Mon-Fri 09:00-17:00", "Mon-Fri 22:00-07:00" '
        '(past midnight), "Mon-Fri 07:00-11:00, 17:00-21:00" (split), "odd weeks Sat 08:00-16:00".',
    )
    email: Short | None = None
    phone: Short | None = None
    channel: Channel | None = None
    stretched: bool = False
    notes: LongText = ""
    allow_duplicate: bool = Field(
        False, description="Add them even if someone has the same name or e-mail."
    )

    def to_domain(self) -> Person:
        """Return the domain object (hours parsed)."""
        data = self.model_dump(exclude={"allow_duplicate"})
        return Person(**_domain_fields(data))


class PersonUpdate(InBody):
    """Fields to change on a person; leave out what stays the same."""

    name: Name | None = None
    relationship: Relationship | None = None
    topics: list[Topic] | None = Field(None, max_length=40)
    supports: list[SupportType] | None = None
    tz: Short | None = None
    hours: Short | None = None
    email: Short | None = None
    phone: Short | None = None
    channel: Channel | None = None
    stretched: bool | None = None
    notes: LongText | None = None

    def changes(self) -> dict[str, Any]:
        """Return only the fields that were given, converted to domain values."""
        given = self.model_dump(exclude_unset=True)
        return _domain_fields({k: v for k, v in given.items() if v is not None or k in CLEARABLE})


CLEARABLE = frozenset({"email", "phone", "channel"})


def _domain_fields(data: dict[str, Any]) -> dict[str, Any]:
    if "hours" in data:
        data["hours"] = parse_hours(data["hours"] or "")
    for key in ("topics", "supports"):
        if key in data:
            data[key] = tuple(data[key])
    return data


class PersonPublic(OutModel):
    """A person as the API shows it."""

    id: int
    uid: str | None
    name: str
    relationship: str
    topics: list[str]
    supports: list[str]
    tz: str
    hours: str
    email: str | None
    phone: str | None
    channel: str | None
    stretched: bool
    notes: str
    created_at: datetime | None

    @field_validator("hours", mode="before")
    @classmethod
    def _hours(cls, value: Any) -> str:
        if isinstance(value, tuple) and all(isinstance(w, Window) for w in value):
            return render_hours(value)
        return str(value)

    @classmethod
    def of(cls, person: Person) -> PersonPublic:
        """Return the public shape of a person."""
        return cls.model_validate(person)


class ImportResult(BaseModel):
    """What a vCard import did."""

    added: list[PersonPublic]
    skipped: list[str] = []


# Needs -------------------------------------------------------------------------------------


class NeedCreate(InBody):
    """A new need: what you want help with, and how it feels to ask."""

    summary: Summary
    details: LongText = ""
    support_type: SupportType | None = Field(
        None, description="Left out, it is suggested from the summary and details."
    )
    urgency: Urgency = "medium"
    deadline: date | None = None
    barriers: dict[Barrier, Intensity] = Field(default_factory=dict)
    expect: Percent | None = Field(
        None, description="Your guess (0-100) that the first ask is a yes."
    )
    topics: list[Topic] = Field(default_factory=list, max_length=40)
    ask: AskPart = ""
    size: SizePart = ""
    situation: SituationPart = ""

    def to_domain(self) -> Need:
        """Return the domain object."""
        data = self.model_dump()
        data["topics"] = tuple(data["topics"])
        data["support_type"] = data["support_type"] or ""
        return Need(**data)


class NeedUpdate(InBody):
    """Change some fields of a need (only those given), or its status."""

    status: NeedStatus | None = None
    summary: Summary | None = None
    details: LongText | None = None
    support_type: SupportType | None = None
    urgency: Urgency | None = None
    deadline: date | None = None
    expect: Percent | None = None
    topics: list[Topic] | None = Field(None, max_length=40)
    barriers: dict[Barrier, Intensity] | None = Field(
        None, description="What holds you back, 0-3 each (replaces the old ones)."
    )
    ask: AskPart | None = None
    size: SizePart | None = None
    situation: SituationPart | None = None

    def changes(self) -> dict[str, Any]:
        """Return the fields that were sent (a sent null deadline clears it)."""
        data = self.model_dump(exclude_unset=True, exclude={"status"})
        if "topics" in data:
            data["topics"] = tuple(data["topics"] or ())
        return {k: v for k, v in data.items() if v is not None or k in ("deadline", "expect")}


class NeedPublic(OutModel):
    """A need as the API shows it."""

    id: int
    uid: str | None
    summary: str
    details: str
    support_type: str
    urgency: str
    deadline: date | None
    barriers: dict[str, int]
    expect: int | None
    status: str
    topics: list[str]
    ask: str = ""
    size: str = ""
    situation: str = ""
    created_at: datetime | None

    @classmethod
    def of(cls, need: Need) -> NeedPublic:
        """Return the public shape of a need."""
        return cls.model_validate(need)


# Asks --------------------------------------------------------------------------------------


class AskCreate(InBody):
    """Record an ask (sent now unless `draft`)."""

    need_id: Id
    person_id: Id
    text: LongText | None = None
    channel: Channel = "chat"
    draft: bool = False
    override: bool = Field(False, description="Ask even though a cooldown is running.")
    scheduled_for: datetime | None = None
    parent_id: Id | None = None
    asked_at: date | datetime | None = Field(
        None,
        description="The day (or time) you made the ask, if not just now; not in the future.",
    )


class AnswerCreate(InBody):
    """How they answered."""

    kind: AnswerKind
    note: LongText = ""
    offered: LongText = Field("", description="For an alternative: what they offered instead.")
    cooldown_days: int = Field(30, ge=1, le=3650)
    answered_at: date | datetime | None = Field(
        None,
        description="The day (or time) they answered, if not just now; on or after the day "
        "the ask was sent, and not in the future.",
    )


class NoteCreate(InBody):
    """An optional note (for a thank-you or a follow-up)."""

    note: LongText = ""


class ThanksCreate(NoteCreate):
    """A thank-you: an optional note, and its day when it was not today."""

    thanked_at: date | datetime | None = Field(
        None,
        description="The day (or time) you thanked them, if not just now; on or after their "
        "answer, not to come.",
    )


class FollowUpCreate(NoteCreate):
    """The one follow-up: an optional note, and its day when it was not today."""

    followed_up_at: date | datetime | None = Field(
        None,
        description="The day (or time) of your follow-up, if not just now; on or after the "
        "ask's, not to come.",
    )


class AnswerPublic(OutModel):
    """An answer to an ask."""

    kind: str
    note: str
    offered: str
    at: datetime | None


class AskPublic(OutModel):
    """An ask as the API shows it."""

    id: int
    uid: str | None
    need_id: int
    person_id: int
    text: str
    channel: str
    status: str
    answer: AnswerPublic | None
    sent_at: datetime | None
    thanked_at: datetime | None
    followed_up_at: datetime | None
    closed_at: datetime | None
    scheduled_for: datetime | None
    overridden: bool
    parent_id: int | None
    urgency_at_ask: str | None
    created_at: datetime | None

    @classmethod
    def of(cls, ask: Ask) -> AskPublic:
        """Return the public shape of an ask."""
        return cls.model_validate(ask)


class BoundaryPublic(OutModel):
    """A cooldown: do not ask this person about this again before `until`."""

    id: int | None
    person_id: int
    need_id: int | None
    topic: str
    until: date
    reason: str

    @classmethod
    def of(cls, boundary: Boundary) -> BoundaryPublic:
        """Return the public shape of a boundary."""
        return cls.model_validate(boundary)


class BoundaryCreate(InBody):
    """A boundary a person set: no asks (about `topic`, or at all) before `until`."""

    until: date
    topic: Short = ""
    reason: LongText = ""


def _given(body: BaseModel, **rename: str) -> dict[str, Any]:
    """Return the fields a PATCH sent (null = unchanged), renamed for the service."""
    data = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None}
    return {rename.get(k, k): v for k, v in data.items()}


class AskUpdate(InBody):
    """Fix an ask: its text, channel or day, its answer, its thanks and follow-up (note, day)."""

    text: LongText | None = None
    channel: Channel | None = None
    sent_at: date | datetime | None = Field(
        None, description="A day (the time is kept when it is the same day) or an exact time."
    )
    answer: AnswerKind | None = Field(
        None, description="Their answer, corrected (a no gets its cooldown, a former no loses it)."
    )
    answered_at: date | datetime | None = Field(
        None, description="The day (or time) they answered; on or after the ask's."
    )
    note: LongText | None = Field(None, description="What they said (the answer's note).")
    offered: LongText | None = Field(None, description="What they offered instead.")
    thanks_note: LongText | None = Field(None, description="The note of your thank-you.")
    followup_note: LongText | None = Field(
        None, description="What you wrote in your follow-up (empty: no note)."
    )
    thanked_at: date | datetime | None = Field(
        None, description="The day (or time) you thanked them; on or after their answer."
    )
    followed_up_at: date | datetime | None = Field(
        None, description="The day (or time) of your follow-up; on or after the ask's."
    )

    def changes(self) -> dict[str, Any]:
        """Return the fields that were given, named as the service takes them."""
        return _given(
            self,
            sent_at="sent",
            answered_at="answered",
            thanked_at="thanked",
            followed_up_at="followed_up",
        )


class BoundaryUpdate(InBody):
    """Fix a boundary: its end, topic or reason."""

    until: date | None = None
    topic: Short | None = None
    reason: LongText | None = None

    def changes(self) -> dict[str, Any]:
        """Return the fields that were given."""
        return _given(self)


class AskResultPublic(BaseModel):
    """An ask plus anything worth telling the user about it."""

    ask: AskPublic
    warnings: list[str] = []
    boundary: BoundaryPublic | None = None


class DuePublic(BaseModel):
    """Something waiting on you: a follow-up or a thank-you."""

    ask: AskPublic
    person_name: str
    need_summary: str
    action: Literal["follow-up", "thank"]


# Journal and help given --------------------------------------------------------------------


class JournalCreate(InBody):
    """A free reflection, optionally linked to a need, a person or an ask."""

    text: RequiredText
    need_id: Id | None = None
    person_id: Id | None = None
    ask_id: Id | None = None
    created_at: date | datetime | None = Field(
        None,
        description="The day (or time) you wrote it, if not just now; not to come.",
    )


class JournalUpdate(InBody):
    """Fix a journal entry: its text (with its @tags) or its day."""

    text: RequiredText | None = None
    created_at: date | datetime | None = Field(
        None, description="A day (the time is kept when it is the same day) or an exact time."
    )

    def changes(self) -> dict[str, Any]:
        """Return the fields that were given, named as the service takes them."""
        return _given(self, created_at="at")


class JournalPublic(OutModel):
    """A journal entry."""

    id: int
    uid: str | None
    text: str
    kind: str
    need_id: int | None
    person_id: int | None
    ask_id: int | None
    created_at: datetime | None

    @classmethod
    def of(cls, entry: JournalEntry) -> JournalPublic:
        """Return the public shape of a journal entry."""
        return cls.model_validate(entry)


class HelpGivenCreate(InBody):
    """Help you gave someone (reciprocity counts)."""

    person_id: Id
    summary: RequiredText
    created_at: date | datetime | None = Field(
        None,
        description="The day (or time) you gave it, if not just now; not to come.",
    )


class HelpGivenUpdate(InBody):
    """Fix help you gave: what you did, for whom, or the day."""

    summary: RequiredText | None = None
    person_id: Id | None = None
    created_at: date | datetime | None = None

    def changes(self) -> dict[str, Any]:
        """Return the fields that were given, named as the service takes them."""
        return _given(self, created_at="at")


class HelpGivenPublic(OutModel):
    """Help you gave someone."""

    id: int
    uid: str | None
    person_id: int
    summary: str
    created_at: datetime | None

    @classmethod
    def of(cls, item: HelpGiven) -> HelpGivenPublic:
        """Return the public shape of help given."""
        return cls.model_validate(item)


class ErrorPublic(BaseModel):
    """A user error: the message is safe to show; `code` names it in askwell's catalogue."""

    error: str
    code: str | None = None


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorPublic, "description": text}
    for code, text in (
        (400, "The request broke a rule (the message says which)."),
        (403, "Missing launch token or CSRF token."),
        (404, "No such item."),
        (409, "Clashes with the current state (a cooldown, an illegal step)."),
    )
}
