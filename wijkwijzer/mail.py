"""E-mail from a plain-text template, through Django's mail framework (locmem in tests)."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string


def mail_template(
    subject: str, template: str, context: dict, to: str, attachments: list | None = None
) -> None:
    EmailMessage(
        subject, render_to_string(template, context), to=[to], attachments=attachments
    ).send()
