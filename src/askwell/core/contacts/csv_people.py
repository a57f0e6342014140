"""Read Google Contacts and Outlook CSV exports into people (header names decide, not order)."""

from __future__ import annotations

import csv
import io

from askwell.core.contacts.vcard_person import CardOutcome, Fields, assemble, checked
from askwell.core.contacts.vcard_text import decode_bytes, text_of

_NAME_PARTS = (
    ("Name Prefix", "Title"),
    ("First Name", "Given Name"),
    ("Middle Name", "Additional Name"),
    ("Last Name", "Family Name"),
    ("Name Suffix", "Suffix"),
)
_EMAILS = ("E-mail 1 - Value", "E-mail Address", "E-mail 2 - Value", "E-mail 2 Address")
_PHONES = (
    "Phone 1 - Value",
    "Mobile Phone",
    "Primary Phone",
    "Business Phone",
    "Home Phone",
    "Phone 2 - Value",
)
_TITLES = ("Organization Title", "Organization 1 - Title", "Job Title")
_ORGS = ("Organization Name", "Organization 1 - Name", "Company")
_DEPARTMENTS = ("Organization Department", "Organization 1 - Department", "Department")
_GROUPS = ("Labels", "Group Membership")
SEPARATOR = ":::"  # Google puts several values in one cell with " ::: "


def looks_like_csv(text: str) -> bool:
    """Return True when the first line is a contacts CSV header (Google or Outlook)."""
    head = text.lstrip("\ufeff").split("\n", 1)[0].lower()
    return "," in head and (
        "first name" in head or "given name" in head or head.startswith("name,")
    )


def _get(row: dict[str, str], *names: str) -> str:
    for name in names:
        value = (row.get(name) or "").strip()
        if value:
            return value
    return ""


def _many(row: dict[str, str], names: tuple[str, ...]) -> list[str]:
    found: list[str] = []
    for name in names:
        found += [v.strip() for v in (row.get(name) or "").split(SEPARATOR) if v.strip()]
    return found


def _name(row: dict[str, str]) -> str:
    parts = [_get(row, *names) for names in _NAME_PARTS]
    if parts[0] and not (parts[1] or parts[3]):
        parts[0] = ""  # Outlook's "Title" column alone is not a name
    joined = " ".join(p for p in parts if p)
    return " ".join((_get(row, "Name", "Display Name") or joined or _get(row, "File As")).split())


def _categories(row: dict[str, str]) -> list[str]:
    found = [g.lstrip("* ").strip() for g in _many(row, _GROUPS)]
    found += [c.strip() for c in _get(row, "Categories").split(";")]
    return list(dict.fromkeys(c for c in found if c))


def row_outcome(line: int, row: dict[str, str]) -> CardOutcome:
    """Map one CSV row (header name -> cell) to an outcome, like a vCard card."""
    row = {(k or "").strip(): v or "" for k, v in row.items() if isinstance(v, str)}
    name = _name(row)
    outcome = CardOutcome(line, name or None)
    if not name:
        if _get(row, *_ORGS):
            outcome.skipped = f"an organisation ({_get(row, *_ORGS)}), not a person"
        else:
            outcome.error = "the row has no name"
        return outcome
    org = ", ".join(p for p in (_get(row, *_ORGS), _get(row, *_DEPARTMENTS)) if p)
    fields = Fields(
        name,
        categories=_categories(row),
        emails=_many(row, _EMAILS),
        phone=next(iter(_many(row, _PHONES)), None),
        notes=[_get(row, *_TITLES), org, _get(row, "Notes")],
    )
    return checked(outcome, assemble(fields, outcome))


def read_csv(raw: bytes) -> list[CardOutcome]:
    """Read a Google or Outlook contacts CSV; one outcome per row (line = its first line)."""
    data, _ = decode_bytes(raw)
    text, _note = text_of(data, None, False)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    outcomes: list[CardOutcome] = []
    line = reader.line_num
    for row in reader:
        outcomes.append(row_outcome(line + 1, row))
        line = reader.line_num
    return outcomes
