"""The value lists are declared once (core.model) and every front door uses that declaration."""

from __future__ import annotations

from typing import get_args

from askwell.core import model
from askwell.services import transfer
from askwell.web import render, schemas


def test_vocab_tuples_are_the_literal_types() -> None:
    assert get_args(model.SupportType) == model.SUPPORT_TYPES
    assert get_args(model.Channel) == model.CHANNELS
    assert get_args(model.Urgency) == model.URGENCIES
    assert get_args(model.Barrier) == model.BARRIERS


def test_vocab_labels_cover_each_value_in_order() -> None:
    assert tuple(model.SUPPORT_LABELS) == model.SUPPORT_TYPES
    assert tuple(model.URGENCY_LABELS) == model.URGENCIES
    assert tuple(model.CHANNEL_LABELS) == model.CHANNELS


def test_vocab_schemas_export_and_forms_use_the_model_lists() -> None:
    fields = schemas.NeedCreate.model_fields
    assert fields["support_type"].annotation in (model.SupportType, model.SupportType | None)
    assert transfer.NeedDoc.model_fields["urgency"].annotation is model.Urgency
    assert transfer.PersonDoc.model_fields["relationship"].annotation is model.Relationship
    assert [v for v, _ in render.VOCAB["channel"]] == list(model.CHANNELS)
    assert [v for v, _ in render.VOCAB["support"]] == list(model.SUPPORT_TYPES)


def test_vocab_choices_reads_as_a_sentence() -> None:
    assert model.choices(("a", "b", "c")) == "a, b or c"
    assert model.choices(("a",)) == "a"
