"""Every draft and reply of the compose matrix is spelled right, by Hunspell's en_US dictionary.

The dictionary is Debian's hunspell-en-us (/usr/share/hunspell/en_US.{dic,aff}), read by
spylls (Hunspell in pure Python, in the dev extra). Names and the few words the dictionary
lacks are listed, each group with its reason, in tests/data/spelling_allow.txt.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from askwell.core import compose
from core.compose_cases import ANSWERS, PEOPLE, needs
from core.test_compose_matrix import CHANNELS, FRAMES

DICTIONARY = Path("/usr/share/hunspell/en_US")
ALLOW = Path(__file__).resolve().parents[1] / "data" / "spelling_allow.txt"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@cache
def dictionary() -> Any:
    """Return the en_US dictionary (skip when absent here, fail in CI where it is installed)."""
    if not DICTIONARY.with_suffix(".dic").exists():
        message = f"{DICTIONARY}.dic is missing: apt install hunspell-en-us"
        if os.environ.get("CI") or os.environ.get("ASKWELL_REQUIRE_DATA"):
            pytest.fail(message)
        pytest.skip(message)
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(str(DICTIONARY))


def allowed() -> set[str]:
    """Return the words of the allow-list."""
    lines = ALLOW.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def misspelled(texts: list[str]) -> dict[str, str]:
    """Return {word: a text it is in} for every word the dictionary and the allow-list lack."""
    spell, allow = dictionary(), allowed()
    first: dict[str, str] = {}
    for text in texts:
        for word in _WORD.findall(text):
            first.setdefault(word, text)
    out = {}
    for word, text in first.items():
        base = re.sub(r"['’]s$", "", word)
        if base not in allow and not spell.lookup(word) and not spell.lookup(base):
            out[word] = text
    return out


def matrix() -> list[str]:
    """Return every draft (frame x channel x need) and every reply of the compose matrix."""
    texts = []
    for i, need in enumerate(needs()):
        person = PEOPLE[i % len(PEOPLE)]
        for channel in CHANNELS:
            texts += [compose.draft_for(person, need, channel=channel, template=f) for f in FRAMES]
            texts += [
                compose.reply_for(kind, person, need, channel=channel, answer=answer)
                for kind, answer in ANSWERS
            ]
    return texts


def test_every_draft_and_reply_of_the_matrix_is_spelled_right() -> None:
    texts = matrix()
    assert len(texts) >= 2_900  # 1,372 drafts and 1,568 replies
    assert misspelled(texts) == {}


def test_the_spelling_check_finds_a_misspelling() -> None:
    found = misspelled(["Hi Zoë! Could you reveiw my draft? Thank you!"])
    assert list(found) == ["reveiw"]


def test_a_lower_case_day_or_i_typed_by_the_user_is_written_with_its_capital() -> None:
    from askwell.core.model import Need, Person

    need = Need(summary="cover the monday meeting while i'm away", support_type="task")
    text = compose.draft_for(Person(name="Ana"), need, channel="chat")
    assert "the Monday meeting while I'm away" in text and misspelled([text]) == {}
