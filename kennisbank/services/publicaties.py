"""Writes of the kennisbank's publications: the text of their PDF documents, for search."""

import logging
from typing import IO

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from kennisbank.models import (
    PublicatiePage,
)

logger = logging.getLogger(__name__)


def pdf_text(file: IO[bytes]) -> str:
    """All text of a PDF file, page by page; empty when the file cannot be read as a PDF."""
    try:
        reader = PdfReader(file)
        return "\n".join((page.extract_text() or "").strip() for page in reader.pages).strip()
    except (PdfReadError, ValueError, OSError) as error:
        logger.warning("PDF niet leesbaar: %s", error)
        return ""


def extract_document_texts(publicatie: PublicatiePage) -> int:
    """Extract the text of every attached PDF whose file changed since the last extraction,
    so search can find what is inside. Returns how many documents were read."""
    read = 0
    for attachment in publicatie.documenten.select_related("document"):
        document = attachment.document
        if attachment.tekst_van_bestand == document.file.name:
            continue
        text = ""
        if document.file_extension.lower() == "pdf":
            with document.open_file() as file:
                text = pdf_text(file)
        attachment.tekst = text
        attachment.tekst_van_bestand = document.file.name
        attachment.save(update_fields=["tekst", "tekst_van_bestand"])
        read += 1
    return read
