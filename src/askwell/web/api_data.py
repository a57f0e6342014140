"""JSON API: vCard import, and export / import of the whole store."""

from __future__ import annotations

import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Body, UploadFile
from pydantic import BaseModel
from starlette.datastructures import UploadFile as StarletteUpload

from askwell.errors import AskwellError
from askwell.services import transfer, vcard
from askwell.storage.store import Store
from askwell.web.deps import StoreDep
from askwell.web.schemas import ERRORS, PersonPublic

router = APIRouter(prefix="/api", tags=["data"], responses=ERRORS)


class CardErrorPublic(BaseModel):
    """A card that could not be read, by the line it starts on."""

    line: int
    message: str


class CardNotePublic(BaseModel):
    """What was left out of one card (or why it was skipped), by the line it starts on."""

    line: int
    name: str | None
    message: str


class VCardImportPublic(BaseModel):
    """What a vCard (or contacts CSV) import did."""

    imported: list[PersonPublic]
    skipped: list[str]
    errors: list[CardErrorPublic]
    notes: list[CardNotePublic] = []


class DataImportPublic(BaseModel):
    """How many records an import added and skipped, per kind."""

    added: dict[str, int]
    skipped: dict[str, int]


async def import_upload(store: Store, upload: StarletteUpload) -> vcard.ImportResult:
    """Import an uploaded .vcf file (through a temporary file, so size limits apply)."""
    data = await upload.read(vcard.MAX_BYTES + 1)
    if len(data) > vcard.MAX_BYTES:
        raise AskwellError(f"the file is larger than {vcard.MAX_BYTES // 1_000_000} MB")
    with tempfile.TemporaryDirectory(prefix="askwell-") as folder:
        path = Path(folder) / "upload.vcf"
        path.write_bytes(data)
        return vcard.import_contacts(store, path)


@router.post("/people/import")
async def import_vcards(store: StoreDep, file: UploadFile) -> VCardImportPublic:
    """Import people from a vCard (.vcf) file; people already present are skipped."""
    result = await import_upload(store, file)
    return VCardImportPublic(
        imported=[PersonPublic.of(p) for p in result.imported],
        skipped=result.skipped,
        errors=[CardErrorPublic(**asdict(e)) for e in result.errors],
        notes=[CardNotePublic(**asdict(n)) for n in result.notes],
    )


@router.get("/export")
def export_data(store: StoreDep) -> dict[str, Any]:
    """Export everything you own as one JSON document."""
    return transfer.export_data(store)


@router.post("/import")
def import_data(store: StoreDep, document: dict[str, Any] = Body(...)) -> DataImportPublic:
    """Merge an export document into your data (all or nothing)."""
    report = transfer.import_data(store, document)
    return DataImportPublic(added=report.added, skipped=report.skipped)
