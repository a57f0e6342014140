"""askwell in the browser: `create_app(settings)` builds the local web app and its JSON API."""

from askwell.web.app import create_app
from askwell.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
