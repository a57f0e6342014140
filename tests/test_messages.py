"""The catalogue of messages: no CLI flag outside cli/, every code worded by each front door."""

from __future__ import annotations

import io
import re
import string
import tokenize
from pathlib import Path

import pytest

from askwell.cli._words import CLI_WORDS
from askwell.core.messages import FREE_TEXT, MESSAGES, Coded, word
from askwell.web.words import API_WORDS

SRC = Path(__file__).resolve().parents[1] / "src" / "askwell"
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")


def _strings(path: Path) -> list[tuple[int, str]]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return [(t.start[0], t.string) for t in tokens if t.type == tokenize.STRING]


def test_messages_no_cli_flag_outside_cli() -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}: {text}"
        for path in sorted(SRC.rglob("*.py"))
        if "cli" not in path.relative_to(SRC).parts
        for line, text in _strings(path)
        if FLAG.search(text)
    ]
    assert found == []


def test_messages_front_door_words_use_catalogue_codes() -> None:
    assert set(CLI_WORDS) <= set(MESSAGES)
    assert set(API_WORDS) <= set(MESSAGES)
    assert not any(FLAG.search(text) for text in API_WORDS.values())


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_messages_every_code_words_with_its_data(code: str) -> None:
    fields = {
        name
        for template in (MESSAGES[code], CLI_WORDS.get(code, ""), API_WORDS.get(code, ""))
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    }
    err = Coded(code, **{name: f"<{name}>" for name in fields})
    assert err.code == code and str(err) == word(code, err.data)
    assert "{" not in str(err)


def test_messages_free_text_is_kept_as_it_is() -> None:
    err = Coded("a ready sentence from elsewhere")
    assert err.code == FREE_TEXT and str(err) == "a ready sentence from elsewhere"
