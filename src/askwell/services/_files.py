"""Files askwell reads from and writes for the user: capped reads, private writes, the error log."""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

from askwell.errors import AskwellError
from askwell.storage.store import private_folder

CHUNK = 1 << 20
LOG_MAX_BYTES = 1_000_000


def read_user_file(path: str | Path, *, max_bytes: int, what: str) -> bytes:
    """Return the bytes of `path` or raise AskwellError naming the problem (`what` it should be).

    The size limit is enforced while reading, never from `st_size`, which is 0 for
    /dev/zero, pipes and /proc files that never end.
    """
    file = Path(path)
    try:
        with file.open("rb") as stream:
            data = bytearray()
            while chunk := stream.read(min(CHUNK, max_bytes + 1 - len(data))):
                data += chunk
                if len(data) > max_bytes:
                    raise AskwellError(
                        f"{file} is larger than {max_bytes // 1_000_000} MB; is it {what}?"
                    )
            return bytes(data)
    except FileNotFoundError:
        raise AskwellError(f"file not found: {file}") from None
    except IsADirectoryError:
        raise AskwellError(f"{file} is a folder, not {what}") from None
    except OSError as exc:
        raise AskwellError(f"cannot read {file}: {exc.strerror or exc}") from None


def write_private(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` atomically, readable by this user only (0600); return the path."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        if target.is_dir():
            raise IsADirectoryError(21, "is a folder", str(target))
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise AskwellError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target


def check_writable(path: str | Path) -> Path:
    """Make sure a file can be written at `path` before anything is stored; return the path.

    Commands that record something and then write a file (an .ics invite) call this first,
    so a bad path fails the command before the record exists and a retry cannot duplicate it.
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise AskwellError(f"cannot write {path}: it is a folder; give a file name")
    if not target.parent.is_dir():
        raise AskwellError(f"cannot write {path}: its folder does not exist")
    existed = target.exists()
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError as exc:
        raise AskwellError(f"cannot write {path}: {exc.strerror or exc}") from None
    if not existed:
        target.unlink(missing_ok=True)
    return target


def log_file() -> Path:
    """Return the error log under the user's state folder (created private when missing)."""
    from platformdirs import user_state_dir

    return private_folder(Path(user_state_dir("askwell", appauthor=False))) / "askwell.log"


def log_traceback(exc: BaseException, where: str) -> Path | None:
    """Append `exc`'s traceback to the log (one old copy kept); return the log's path or None."""
    try:
        path = log_file()
        if path.exists() and path.stat().st_size > LOG_MAX_BYTES:
            path.replace(path.with_suffix(".log.1"))
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        text = "".join(traceback.format_exception(exc))
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace") as out:
            out.write(f"--- {stamp} pid {os.getpid()} {where}\n{text}")
        return path
    except Exception:  # logging must never turn one failure into two
        print("askwell: could not write the error log", file=sys.stderr)
        return None
