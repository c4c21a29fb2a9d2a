"""E-mail from a plain-text template, through Django's mail framework (locmem in tests),
and the outbox's guards: no header value carries a line break, and one message that cannot be
sent is deferred with its error instead of stopping the sender."""

import logging
import re

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from mailer.backend import DbBackend
from mailer.models import RESULT_FAILURE, Message, MessageLog

from wijkwijzer.models import User

logger = logging.getLogger(__name__)

REGELEINDE = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")


def een_regel(waarde: str) -> str:
    """A header value on one line. Subjects quote what people typed (a title, a question, a
    municipality); a line break there would be refused by Django at sending time, or, were
    it let through, start a header of the sender's choosing."""
    return REGELEINDE.sub(" ", waarde).strip()


def koppen_op_een_regel(bericht: EmailMessage) -> EmailMessage:
    bericht.subject = een_regel(str(bericht.subject))
    bericht.extra_headers = {
        naam: een_regel(str(waarde)) for naam, waarde in bericht.extra_headers.items()
    }
    bericht.from_email = een_regel(str(bericht.from_email))
    for veld in ("to", "cc", "bcc", "reply_to"):
        setattr(bericht, veld, [een_regel(str(adres)) for adres in getattr(bericht, veld)])
    return bericht


class Uitgaand(DbBackend):
    """The outbox (django-mailer), for mail from the libraries too (allauth's, Wagtail's
    review mails, whose subjects quote page titles): header values are made single-line
    before a message is stored, so none reaches the sender that it must refuse."""

    def send_messages(self, email_messages) -> int:
        return super().send_messages([koppen_op_een_regel(m) for m in email_messages])


def uitstellen(verbinding, bericht: Message, fout: Exception) -> tuple[None, str]:
    """The outbox sender's answer to any error on one message (MAILER_ERROR_HANDLER): defer
    it with the error in the send log and go on with the next, so one bad message never holds
    up the others (password resets among them). The library's own handler defers only SMTP
    errors and lets every other one end the run, every run."""
    bericht.defer()
    MessageLog.objects.log(bericht, RESULT_FAILURE, log_message=f"{type(fout).__name__}: {fout}")
    logger.warning("E-mail %s uitgesteld: %s", bericht.pk, type(fout).__name__)
    return None, "deferred"


def mail_template(
    subject: str,
    template: str,
    context: dict,
    to: str,
    attachments: list | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    koppen_op_een_regel(
        EmailMessage(
            subject,
            render_to_string(template, context),
            to=[to],
            attachments=attachments,
            headers=headers,
        )
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
