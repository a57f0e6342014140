"""Split a text into plain and highlighted segments from the coach's finding spans."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

RANK = {"problem": 2, "strength": 1}


@dataclass
class Segment:
    """A run of text and the findings (by index) that cover it."""

    text: str
    kind: str | None = None
    notes: list[int] = field(default_factory=list)


def segments(text: str, findings: Iterable[Mapping[str, Any]]) -> list[Segment]:
    """Cut `text` at every span edge; each piece takes the strongest kind covering it."""
    covers: list[tuple[int, int, int, str]] = []
    for index, finding in enumerate(findings):
        kind = str(finding.get("kind", ""))
        if kind not in RANK:
            continue
        for start, end in finding.get("spans", ()):
            start, end = max(0, int(start)), min(len(text), int(end))
            if start < end:
                covers.append((start, end, index, kind))
    edges = sorted({0, len(text), *(c[0] for c in covers), *(c[1] for c in covers)})
    out: list[Segment] = []
    for left, right in pairwise(edges):
        inside = [c for c in covers if c[0] <= left and right <= c[1]]
        strongest = max((c[3] for c in inside), key=RANK.__getitem__, default=None)
        seg = Segment(text[left:right], strongest, sorted({c[2] for c in inside}))
        if out and out[-1].kind == seg.kind and out[-1].notes == seg.notes:
            out[-1].text += seg.text
        else:
            out.append(seg)
    return out
