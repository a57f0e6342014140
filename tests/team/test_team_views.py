"""The inbox's fast JSON says exactly what `asdict` and FastAPI's encoder said."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime

import pytest
from fastapi.encoders import jsonable_encoder

from askwell.storage import tables as _tables  # noqa: F401  (the metadata first, as the app)
from askwell.team.views import AnswerView, AskView, PersonRef, ask_json

SENT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "answer",
    [None, AnswerView("alternative", "Not this week", "A call on Monday", SENT)],
)
def test_views_ask_json_matches_the_generic_encoder(answer: AnswerView | None) -> None:
    view = AskView(
        7,
        2,
        11,
        "Feedback on my slides",
        PersonRef(3, "Ben"),
        PersonRef(4, "Cléo"),
        "Could you look at 12 slides?",
        "answered" if answer else "sent",
        answer,
        SENT,
        SENT if answer else None,
        "Thank you!" if answer else "",
        None,
        "",
    )
    assert ask_json(view) == jsonable_encoder(asdict(view))
    assert ask_json(view)["sent_at"] == "2026-11-20T09:30:00+00:00"


def test_views_the_cli_asks_for_the_largest_page_the_server_gives() -> None:
    from askwell.cli.commands_remote import PAGE_MAX as ASKED
    from askwell.team.method import PAGE_MAX

    assert ASKED == PAGE_MAX  # `askwell inbox` and `sent` show the newest 200, as before pages
