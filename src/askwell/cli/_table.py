"""Tables that fit: wrap in a narrow terminal, drop the least useful column, never cut a word.

In a terminal the table is drawn by Rich at the terminal's width: long cells wrap, every
header keeps its full word, and when even that does not fit the columns named in `drop`
go first. Piped or redirected, the table is plain aligned text at its natural width, so
`askwell people list | grep` and scripts see every column whole.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from typing import Any

_GAP = 3  # Rich's " │ " between columns
_EDGE = 4  # the box's outer borders and padding
_LONGEST_WORD = 18


def _min_width(header: str, cells: list[str]) -> int:
    words = [w for cell in cells for w in cell.split()]
    longest = max((len(w) for w in words), default=0)
    return max(len(header), min(longest, _LONGEST_WORD))


def fits(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> bool:
    """Return whether the columns fit `width` with each wrapped at word boundaries."""
    need = sum(_min_width(h, [r[i] for r in rows]) for i, h in enumerate(headers))
    return need + _GAP * (len(headers) - 1) + _EDGE <= width


def keep_columns(
    headers: Sequence[str], rows: Sequence[Sequence[str]], width: int, drop: Sequence[str]
) -> list[int]:
    """Return the indexes of the columns to show: drop the `drop` ones, in order, until it fits."""
    keep = list(range(len(headers)))
    for name in drop:
        if fits([headers[i] for i in keep], [[r[i] for i in keep] for r in rows], width):
            break
        if name in headers:
            keep.remove(headers.index(name))
    return keep


def plain(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Return the table as aligned plain text at its natural width (for pipes and files)."""
    cells = [list(headers), *[[" ".join(c.split()) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def terminal_width() -> int | None:
    """Return the terminal's width, or None when stdout is not a terminal."""
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size((80, 24)).columns


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    drop: Sequence[str] = (),
    width: int | None = None,
) -> Any:
    """Return a renderable table that fits the terminal (or plain text when piped).

    `drop` names the columns to leave out first when the terminal is too narrow.
    """
    from rich.table import Table
    from rich.text import Text

    width = width if width is not None else terminal_width()
    if width is None:
        return Text(plain(headers, rows))
    keep = keep_columns(headers, rows, width, drop)
    out = Table(expand=False)
    for i in keep:
        cells = [r[i] for r in rows]
        out.add_column(
            headers[i], min_width=_min_width(headers[i], cells), overflow="fold", no_wrap=False
        )
    for r in rows:
        out.add_row(*(Text(r[i]) for i in keep))
    return out
