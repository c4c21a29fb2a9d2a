"""E-mail from a plain-text template, through Django's mail framework (locmem in tests)."""

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string

from wijkwijzer.models import User


def mail_template(
    subject: str,
    template: str,
    context: dict,
    to: str,
    attachments: list | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    EmailMessage(
        subject,
        render_to_string(template, context),
        to=[to],
        attachments=attachments,
        headers=headers,
    ).send()


def mail_role(role: str, subject: str, template: str, context: dict) -> None:
    """Mail every active member of the group `role` that has an address, once the current
    transaction commits; the template gets the member's public name as `naam`."""
    for user in User.objects.filter(groups__name=role, is_active=True).exclude(email=""):
        transaction.on_commit(
            lambda user=user: mail_template(
                subject, template, {**context, "naam": user.public_name}, user.email
            )
        )
