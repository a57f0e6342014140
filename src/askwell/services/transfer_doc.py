"""The export document: its versioned schema, and the checks an import runs before writing.

Texts, dates and vocabularies are checked the way the CLI and the API check them, so a
document that passes `parse_document` can be stored as it is (services/transfer.py).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Final, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationError

from askwell.core import validate
from askwell.core.model import (
    TEXT_MAX,
    AnswerKind,
    AskStatus,
    Channel,
    DomainError,
    Need,
    NeedStatus,
    Person,
    Relationship,
    SupportType,
    Urgency,
    check_text,
    parse_hours,
)
from askwell.errors import AskwellError
from askwell.storage.guard import YEAR_MAX, YEAR_MIN

FORMAT: Final = "askwell-export"
VERSION: Final = 1
UUID4Text = Annotated[
    str, StringConstraints(pattern=r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")
]
JournalKind = Literal["reflection", "follow-up", "change"]


D = TypeVar("D", bound=date)


def _in_years(value: D) -> D:
    """Refuse dates outside the years askwell keeps (also after conversion to UTC)."""
    year = value.year
    if YEAR_MIN <= year <= YEAR_MAX and isinstance(value, datetime) and value.tzinfo:
        year = value.astimezone(UTC).year
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueError(f"dates must be between the years {YEAR_MIN} and {YEAR_MAX}")
    return value


When = Annotated[datetime, AfterValidator(_in_years)]
Day = Annotated[date, AfterValidator(_in_years)]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")
    uid: UUID4Text
    created_at: When


class PersonDoc(_Doc):
    """A person in the export."""

    name: str
    relationship: Relationship
    topics: list[str] = []
    supports: list[SupportType] = []
    tz: str = "UTC"
    hours: str = ""
    email: str | None = None
    phone: str | None = None
    channel: Channel | None = None
    stretched: bool = False
    notes: str = ""


class NeedDoc(_Doc):
    """A need in the export."""

    summary: str
    details: str = ""
    support_type: SupportType
    urgency: Urgency
    deadline: Day | None = None
    barriers: dict[str, int] = {}
    expect: int | None = None
    status: NeedStatus = "open"
    topics: list[str] = []
    ask: str = ""
    size: str = ""
    situation: str = ""


class AnswerDoc(BaseModel):
    """An answer inside an exported ask."""

    model_config = ConfigDict(extra="forbid")
    kind: AnswerKind
    note: str = ""
    offered: str = ""
    at: When | None = None


class AskDoc(_Doc):
    """An ask in the export."""

    need_uid: str
    person_uid: str
    parent_uid: str | None = None
    text: str = ""
    channel: Channel
    status: AskStatus
    answer: AnswerDoc | None = None
    sent_at: When | None = None
    thanked_at: When | None = None
    followed_up_at: When | None = None
    closed_at: When | None = None
    scheduled_for: When | None = None
    overridden: bool = False
    urgency_at_ask: Literal["low", "medium", "high"] | None = None


class BoundaryDoc(_Doc):
    """A boundary in the export."""

    person_uid: str
    need_uid: str | None = None
    topic: Annotated[str, StringConstraints(max_length=200)] = ""
    until: Day
    reason: str = ""


class ThanksDoc(_Doc):
    """A thank-you in the export."""

    ask_uid: str
    note: str = ""


class HelpDoc(_Doc):
    """Help given, in the export."""

    person_uid: str
    summary: str


class JournalDoc(_Doc):
    """A journal entry in the export."""

    text: str
    kind: JournalKind = "reflection"
    need_uid: str | None = None
    person_uid: str | None = None
    ask_uid: str | None = None


class TrashDoc(BaseModel):
    """A delete still in the trash: flagged, with the records as they were (never imported)."""

    model_config = ConfigDict(extra="forbid")
    trashed: Literal[True] = True
    uid: str
    kind: str
    label: str = ""
    deleted_at: When
    records: dict[str, list[dict[str, Any]]] = {}


class ExportDoc(BaseModel):
    """The whole export document (format version 1)."""

    model_config = ConfigDict(extra="forbid")
    format: Literal["askwell-export"]
    version: Literal[1]
    exported_at: When
    app_version: str = ""
    people: list[PersonDoc] = []
    needs: list[NeedDoc] = []
    asks: list[AskDoc] = []
    boundaries: list[BoundaryDoc] = []
    thanks: list[ThanksDoc] = []
    help_given: list[HelpDoc] = []
    journal: list[JournalDoc] = []
    trash: list[TrashDoc] = []


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}"


def parse_document(data: Any) -> ExportDoc:
    """Check the format and version, then validate the whole document (texts as the CLI does)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AskwellError("this is not an askwell export (its 'format' is not askwell-export)")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise AskwellError("the export has no valid format 'version'")
    if version > VERSION:
        raise AskwellError(
            f"this export uses format version {version}, newer than this askwell reads "
            f"(up to {VERSION}); please upgrade askwell"
        )
    if version < 1:
        raise AskwellError(f"unknown export format version {version}")
    try:
        doc = ExportDoc.model_validate(data)
    except ValidationError as exc:
        raise AskwellError(f"the export is invalid at {_first_error(exc)}") from None
    for p in doc.people:
        _domain(lambda p=p: validate.person(person_of(p)), f"person {p.uid}")
    for n in doc.needs:
        _domain(lambda n=n: validate.need(need_of(n)), f"need {n.uid}")
    for kind in TEXTS:
        for item in getattr(doc, kind):
            _domain(lambda item=item, kind=kind: _check_texts(item, kind), f"{kind} {item.uid}")
    return doc


# the free texts of each record kind, checked with the same limits as the CLI and the API
# (field, what it is called, limit, required); people and needs go through core.validate
TEXTS: dict[str, tuple[tuple[str, str, int, bool], ...]] = {
    "asks": (("text", "the request text", TEXT_MAX, False),),
    "boundaries": (("topic", "the topic", 200, False), ("reason", "the reason", TEXT_MAX, False)),
    "thanks": (("note", "the note", TEXT_MAX, False),),
    "help_given": (("summary", "the summary", TEXT_MAX, True),),
    "journal": (("text", "the journal entry", TEXT_MAX, True),),
}
ANSWER_TEXTS = (("note", "the note", TEXT_MAX), ("offered", "what was offered", TEXT_MAX))


def _check_texts(item: Any, kind: str) -> None:
    for name, what, limit, required in TEXTS[kind]:
        check_text(getattr(item, name), what, limit, required=required)
    answer = getattr(item, "answer", None)
    if answer is not None:
        for name, what, limit in ANSWER_TEXTS:
            check_text(getattr(answer, name), what, limit, required=False)


def _domain(check: Any, what: str) -> None:
    try:
        check()
    except DomainError as exc:
        raise AskwellError(f"the export is invalid at {what}: {exc}") from None


def person_of(p: PersonDoc) -> Person:
    """Return the core Person a document record describes."""
    return Person(
        name=p.name,
        relationship=p.relationship,
        topics=tuple(p.topics),
        supports=tuple(p.supports),
        tz=p.tz,
        hours=parse_hours(p.hours) if p.hours else (),
        email=p.email,
        phone=p.phone,
        channel=p.channel,
        stretched=p.stretched,
        notes=p.notes,
    )


def need_of(n: NeedDoc) -> Need:
    """Return the core Need a document record describes."""
    return Need(
        summary=n.summary,
        details=n.details,
        support_type=n.support_type,
        urgency=n.urgency,
        deadline=n.deadline,
        barriers=dict(n.barriers),
        expect=n.expect,
        status=n.status,
        topics=tuple(n.topics),
        ask=n.ask,
        size=n.size,
        situation=n.situation,
    )
