"""Where the user is, for the crisis pointer: ASKWELL_COUNTRY, else the locale's region."""

from __future__ import annotations

import os
import re

_REGION = re.compile(r"^[a-z]{2,3}_([A-Z]{2})\b")


def country(environ: dict[str, str] | None = None) -> str | None:
    """Return the user's ISO 3166 country code, or None when it cannot be told.

    ASKWELL_COUNTRY (e.g. "GB") wins; otherwise the region of LC_ALL, LC_MESSAGES or LANG
    (en_GB.UTF-8 -> GB). The crisis pointer falls back to international help without it.
    """
    env = os.environ if environ is None else environ
    chosen = env.get("ASKWELL_COUNTRY", "").strip().upper()
    if re.fullmatch(r"[A-Z]{2}", chosen):
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        found = _REGION.match(env.get(name, ""))
        if found:
            return found[1]
    return None
