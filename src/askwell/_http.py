"""Requests askwell sends (webhooks, the CLI to a team server): urllib that follows no redirect.

A redirect is answered as the HTTPError it is: a webhook to a public address must not bounce
into a private one, and the CLI's token must not be sent on to another address.
"""

from __future__ import annotations

import urllib.request
from typing import Any


class _Refuse(urllib.request.HTTPRedirectHandler):
    """Follow no redirect."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


NO_REDIRECTS = urllib.request.build_opener(_Refuse)
