"""Every frame x channel x need, and every reply, reads as something a person could send."""

from __future__ import annotations

import pytest

from askwell.core import compose
from askwell.core.moment import first_name
from core.compose_cases import ANSWERS, NEEDS, PEOPLE, faults, needs

CHANNELS = ("chat", "email", "text", "in-person")
# A need that says only "help with my tax return" is vague, and the composer cannot make up what
# the person did not say: its drafts may carry the coach's vague-ask finding (LABELS.md calls
# "could you help me out with the party?" vague), which sends them back to the Define step, and
# nothing else. Every other need's drafts must pass the coach untouched.
VAGUE_BY_DESIGN = {"help with my tax return"}
FRAMES = [None, *(t.id for t in compose.TEMPLATES.values() if t.kind == "request")]


def test_compose_matrix_is_big_enough() -> None:
    assert len(NEEDS) >= 40
    summaries = [s for s, *_ in NEEDS]
    assert any(s.endswith("?") for s in summaries) and any(s[:1].islower() for s in summaries)
    assert any(len(s) > 200 for s in summaries) and any(not s.isascii() for s in summaries)


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("frame", FRAMES)
def test_compose_matrix_drafts_can_be_sent(frame: str | None, channel: str) -> None:
    bad = []
    for i, need in enumerate(needs()):
        person = PEOPLE[i % len(PEOPLE)]
        text = compose.draft_for(person, need, channel=channel, template=frame)
        problems = faults(text, first_name(person))
        if need.summary in VAGUE_BY_DESIGN:
            problems = [p for p in problems if p != "coach: vague-ask"]
        if problems:
            bad.append((need.summary, problems, text))
    assert bad == []


@pytest.mark.parametrize("channel", CHANNELS)
def test_compose_matrix_replies_can_be_sent(channel: str) -> None:
    bad = []
    for i, need in enumerate(needs()):
        person = PEOPLE[i % len(PEOPLE)]
        for kind, answer in ANSWERS:
            text = compose.reply_for(kind, person, need, channel=channel, answer=answer)
            problems = faults(text, first_name(person))
            if problems:
                bad.append((need.summary, kind, problems, text))
    assert bad == []


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("frame", FRAMES)
def test_compose_matrix_drafts_without_a_need_can_be_sent(frame: str | None, channel: str) -> None:
    own = {"situation": "I'm giving my first talk at PyCon", "ask": "look at my first two slides"}
    parts = {"name": "Zoë"} if frame else {"name": "Zoë", **own}
    assert faults(compose.draft(parts, channel, frame), "Zoë") == []
