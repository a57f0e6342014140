"""Read the bytes of a .vcf file into cards of properties, forgiving what real apps write.

Tolerated on purpose, because phones and mail apps write them: UTF-16 (with or without a byte
order mark), CR CR LF and bare CR line ends, vCard 2.1 quoted-printable with soft line breaks and
CHARSET parameters, bare 2.1 parameters (`TEL;WORK;PREF:`), Windows-1252 bytes in a UTF-8 file,
base64 blocks without indentation, nested AGENT cards, groups (`item1.EMAIL`), and lines that are
not properties at all (skipped with a note; the card is kept).
"""

from __future__ import annotations

import binascii
import quopri
import re
from dataclasses import dataclass, field

_LINE_BREAK = re.compile(rb"\r+\n?|\n")
_PROPERTY = re.compile(rb"^\s*(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)\s*([;:])")
_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_TEXT_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\", ":": ":"}


@dataclass
class Prop:
    """One property of a card: `group.NAME;PARAM=a,b:value`, with its value decoded to text."""

    name: str
    value: str
    params: dict[str, list[str]] = field(default_factory=dict)
    group: str = ""
    line: int = 0

    def param(self, key: str) -> list[str]:
        """Return the values of a parameter, upper-cased (empty when absent)."""
        return [v.upper() for v in self.params.get(key.upper(), [])]

    @property
    def types(self) -> set[str]:
        """Return the TYPE values (2.1 bare parameters included), upper-cased."""
        return set(self.param("TYPE"))


@dataclass
class RawCard:
    """A card as read: where it starts, its version, its properties and what was odd."""

    line: int
    props: list[Prop] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    closed: bool = True

    @property
    def version(self) -> str:
        """Return the VERSION value ("2.1", "3.0", "4.0"; "3.0" when missing)."""
        found = self.first("VERSION")
        return found.value.strip() if found is not None and found.value.strip() else "3.0"

    def all(self, name: str) -> list[Prop]:
        """Return every property called `name` (any group), in file order."""
        key = name.upper()
        return [p for p in self.props if p.name == key]

    def first(self, name: str) -> Prop | None:
        """Return the first property called `name`, or None."""
        found = self.all(name)
        return found[0] if found else None


@dataclass
class Stray:
    """A line outside any card."""

    line: int
    text: str


def decode_bytes(raw: bytes) -> tuple[bytes, bool]:
    """Return the file as UTF-8-or-legacy bytes, and whether it was a Unicode (UTF-16/32) file."""
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, errors="replace").encode("utf-8"), True
    head = raw[:400]
    if head.count(b"\x00") > len(head) // 4:  # UTF-16 without a byte order mark
        codec = "utf-16-be" if head[:1] == b"\x00" else "utf-16-le"
        return raw.decode(codec, errors="replace").encode("utf-8"), True
    return raw.removeprefix(b"\xef\xbb\xbf"), False


def text_of(data: bytes, charset: str | None, unicode_file: bool) -> tuple[str, str | None]:
    """Decode a value: its CHARSET, else UTF-8, else Windows-1252; return (text, note)."""
    if charset and not unicode_file:
        try:
            return data.decode(charset), None
        except LookupError:
            pass  # an unknown charset name: fall through to the usual guesses
        except UnicodeDecodeError:
            text = data.decode(charset, errors="replace")
            return text, f"some bytes are not valid {charset}"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "read as Windows-1252 (not UTF-8)"


def _split_unquoted(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == sep and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _params(text: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for item in _split_unquoted(text, ";")[1:]:
        key, eq, value = item.partition("=")
        key = key.strip().upper()
        if not key:
            continue
        if not eq:  # vCard 2.1 bare parameter: TEL;WORK;PREF or PHOTO;BASE64
            key, value = ("ENCODING" if key in _ENCODINGS else "TYPE"), key
        values = [v.strip().strip('"') for v in _split_unquoted(value, ",")]
        params.setdefault(key, []).extend(v for v in values if v)
    return params


def _head_and_value(line: bytes) -> tuple[str, bytes] | None:
    """Split a property line at the first colon outside quotes; None if it has none."""
    quoted = False
    for index, byte in enumerate(line):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return line[:index].decode("ascii", errors="replace"), line[index + 1 :]
    return None


def _is_qp(head: str) -> bool:
    upper = head.upper()
    return "QUOTED-PRINTABLE" in upper


def _is_base64(head: str) -> bool:
    upper = head.upper().replace(" ", "")
    return any(f";{p}" in upper for p in ("ENCODING=B", "BASE64", "ENCODING=BASE64"))


def _logical_lines(lines: list[tuple[int, bytes]], version: str) -> list[tuple[int, bytes]]:
    """Unfold a card's physical lines (folding, QP soft breaks, bare base64 runs)."""
    numbers: list[int] = []
    texts: list[bytes] = []
    for number, line in lines:
        if texts:
            text = texts[-1]
            head = text.split(b":", 1)[0].decode("ascii", "replace")
            if line[:1] in (b" ", b"\t") and line.strip():
                texts[-1] = text + (line if version == "2.1" else line[1:])
                continue
            if _is_qp(head) and text.endswith(b"=") and b":" in text:
                texts[-1] = text[:-1] + line.lstrip(b" \t")
                continue
            if _is_base64(head) and line.strip() and not _PROPERTY.match(line):
                texts[-1] = text + line.strip()
                continue
        if line.strip():
            numbers.append(number)
            texts.append(line)
    return list(zip(numbers, texts, strict=True))


def _unescape(text: str, version: str) -> str:
    if version == "2.1":
        return text.replace("\\;", ";")
    return re.sub(r"\\(.)", lambda m: _TEXT_ESCAPES.get(m[1], m[1]), text)


def components(value: str, version: str, sep: str = ";") -> list[str]:
    """Split a structured value (N, ORG, ADR) or a list (CATEGORIES) at unescaped `sep`."""
    parts, current, escaped = [], [], False
    for char in value:  # a separator counts unless an odd run of backslashes escapes it
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [_unescape(p, version).strip() for p in parts]


def _prop(number: int, line: bytes, version: str, unicode_file: bool) -> tuple[Prop, list[str]]:
    split = _head_and_value(line)
    assert split is not None
    head, data = split
    notes: list[str] = []
    match = re.match(r"^\s*(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)", head)
    assert match is not None
    group, name = (match[1] or "").lower(), match[2].upper()
    params = _params(head[match.end() :] if head[match.end() :].startswith(";") else "")
    encoding = {v.upper() for v in params.get("ENCODING", [])}
    if "QUOTED-PRINTABLE" in encoding:
        try:
            data = quopri.decodestring(data.strip())
        except (ValueError, binascii.Error):
            notes.append(f"{name} (line {number}): its quoted-printable text is damaged")
    if encoding & {"B", "BASE64"}:
        return Prop(name, "", params, group, number), notes  # binary: askwell never reads it
    charset = next(iter(params.get("CHARSET", [])), None)
    text, problem = text_of(data, charset, unicode_file)
    if problem:
        notes.append(f"{name} (line {number}): {problem}")
    if name in ("N", "ORG", "ADR", "CATEGORIES", "NICKNAME", "GENDER"):
        value = text  # structured or a list: split (and unescaped) by the reader
    else:
        value = _unescape(text, version)
    return Prop(name, value, params, group, number), notes


def _card(start: int, lines: list[tuple[int, bytes]], unicode_file: bool, closed: bool) -> RawCard:
    card = RawCard(start, closed=closed)
    version = "3.0"
    for _, line in lines:
        match = re.match(rb"^\s*VERSION\s*:\s*([0-9.]+)", line, re.IGNORECASE)
        if match:
            version = match[1].decode()
            break
    for number, line in _logical_lines(lines, version):
        if not (_PROPERTY.match(line) and _head_and_value(line) is not None):
            snippet = line.decode("utf-8", "replace").strip()[:40]
            card.notes.append(
                f"line {number} is not a vCard property, so it was skipped: {snippet!r}"
            )
            continue
        prop, notes = _prop(number, line, version, unicode_file)
        card.props.append(prop)
        card.notes.extend(notes)
    return card


def _is_tag(line: bytes, tag: bytes) -> bool:
    return line.strip().upper() == tag


def read_cards(raw: bytes) -> tuple[list[RawCard], list[Stray]]:
    """Split a .vcf file's bytes into cards (with their first line numbers) and stray lines.

    A BEGIN:VCARD inside an open card starts a card of its own (2.1 AGENT cards, Android's
    nested cards, or a card whose END was lost); a card still open at the end is kept too.
    """
    data, unicode_file = decode_bytes(raw)
    cards: list[RawCard] = []
    stray: list[Stray] = []
    open_cards: list[tuple[int, list[tuple[int, bytes]]]] = []
    for number, line in enumerate(_LINE_BREAK.split(data), start=1):
        if _is_tag(line, b"BEGIN:VCARD"):
            open_cards.append((number, []))
        elif open_cards and _is_tag(line, b"END:VCARD"):
            start, lines = open_cards.pop()
            cards.append(_card(start, lines, unicode_file, closed=True))
        elif open_cards:
            open_cards[-1][1].append((number, line))
        elif line.strip():
            stray.append(Stray(number, line.decode("utf-8", "replace").strip()[:60]))
    cards += [_card(start, lines, unicode_file, closed=False) for start, lines in open_cards]
    cards.sort(key=lambda card: card.line)
    return cards, stray
