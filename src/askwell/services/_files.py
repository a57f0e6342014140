"""Read a user-supplied file with one clear message for every way it can fail."""

from __future__ import annotations

from pathlib import Path

from askwell.errors import AskwellError


def read_user_file(path: str | Path, *, max_bytes: int, what: str) -> bytes:
    """Return the bytes of `path` or raise AskwellError naming the problem (`what` it should be)."""
    file = Path(path)
    try:
        if file.stat().st_size > max_bytes:
            raise AskwellError(f"{file} is larger than {max_bytes // 1_000_000} MB; is it {what}?")
        return file.read_bytes()
    except FileNotFoundError:
        raise AskwellError(f"file not found: {file}") from None
    except IsADirectoryError:
        raise AskwellError(f"{file} is a folder, not {what}") from None
    except OSError as exc:
        raise AskwellError(f"cannot read {file}: {exc.strerror or exc}") from None
