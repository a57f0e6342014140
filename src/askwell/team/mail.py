"""Email from the team server over SMTP: plain text plus an HTML alternative."""

from __future__ import annotations

import html
import smtplib
from email.message import EmailMessage

from askwell.errors import AskwellError
from askwell.team.config import TeamSettings

NO_MAIL = (
    "This server cannot send email yet (no SMTP server is set up); please ask whoever runs it "
    "for help."
)

SMTP_TIMEOUT = 15  # seconds for each step of talking to the SMTP server


def message(settings: TeamSettings, to: str, subject: str, text: str) -> EmailMessage:
    """Build the email: the text as written, and the same words as simple HTML."""
    msg = EmailMessage()
    msg["From"] = settings.mail_from
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(text)
    paragraphs = "".join(
        f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in text.split("\n\n") if p
    )
    msg.add_alternative(f"<!doctype html><html><body>{paragraphs}</body></html>", subtype="html")
    return msg


def smtp_send(settings: TeamSettings, msg: EmailMessage) -> None:
    """Hand one message to the configured SMTP server (OSError or SMTPException on failure)."""
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password)
        smtp.send_message(msg)


def send(settings: TeamSettings, to: str, subject: str, text: str) -> None:
    """Send one email through the configured SMTP server (a clear error when it fails)."""
    if not settings.smtp_host:
        raise AskwellError(NO_MAIL)
    msg = message(settings, to, subject, text)
    try:
        smtp_send(settings, msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise AskwellError(
            f"the email could not be sent ({type(exc).__name__}); please try again in a while"
        ) from None


def reset_text(name: str, link: str, minutes: int) -> str:
    """Return the words of the password-reset email."""
    return (
        f"Hello {name},\n\nSomeone (hopefully you) asked to reset your askwell password. "
        f"Open this link within {minutes} minutes to choose a new one:\n\n{link}\n\n"
        "If it was not you, you can ignore this email: your password stays as it is."
    )


def invite_text(team: str, link: str, days: int) -> str:
    """Return the words of an invitation email."""
    return (
        f"Hello,\n\nYou are invited to join {team} on askwell, where the team asks each other "
        f"for help and answers in one place. Open this link within {days} days to join:\n\n"
        f"{link}\n\nIf you were not expecting this, you can ignore it."
    )
