"""Publications: a page with summary, themes and downloadable documents; the text inside
attached PDFs is extracted so search can find it."""

import json
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents.models import Document

from kennisbank.models import PublicatieDocument, PublicatiePage
from tests.factories import PublicatieIndexPageFactory, PublicatiePageFactory, ThemaFactory

pytestmark = pytest.mark.django_db


def pdf_with_text(text: str) -> bytes:
    """A minimal, valid one-page PDF showing `text` in Helvetica."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def document(name: str, content: bytes) -> Document:
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=True)
    return doc


def test_publishing_extracts_the_text_of_attached_pdfs(client, home):
    PublicatieIndexPageFactory()
    publicatie = PublicatiePageFactory(title="Praktijkboek", live=False)
    pdf = document("praktijkboek.pdf", pdf_with_text("Buurtbemiddeling werkt in Overvecht"))
    other = document("cijfers.csv", b"a,b\n1,2\n")
    PublicatieDocument.objects.create(publicatie=publicatie, document=pdf)
    PublicatieDocument.objects.create(publicatie=publicatie, document=other)

    publicatie.save_revision().publish()

    texts = dict(PublicatieDocument.objects.values_list("document__title", "tekst"))
    assert "Buurtbemiddeling werkt in Overvecht" in texts["praktijkboek.pdf"]
    assert texts["cijfers.csv"] == ""
    html = client.get(publicatie.url).content.decode()
    assert "praktijkboek.pdf" in html and "(PDF" in html


def test_a_broken_pdf_does_not_stop_publishing(home):
    PublicatieIndexPageFactory()
    publicatie = PublicatiePageFactory(live=False)
    PublicatieDocument.objects.create(
        publicatie=publicatie, document=document("kapot.pdf", b"%PDF-1.4 kapot")
    )

    publicatie.save_revision().publish()

    publicatie.refresh_from_db()
    assert publicatie.live
    assert PublicatieDocument.objects.get().tekst == ""


def test_list_filters_by_theme(client, home):
    PublicatieIndexPageFactory()
    wonen = ThemaFactory(label="Wonen")
    PublicatiePageFactory(title="Over wonen", themas=[wonen])
    PublicatiePageFactory(title="Over iets anders")

    response = client.get("/kennisbank/publicaties/", {"thema": "wonen"})

    assert [p.title for p in response.context["publicaties"]] == ["Over wonen"]


def test_import_creates_publications(home, tmp_path):
    PublicatieIndexPageFactory()
    ThemaFactory(label="Participatie", slug="participatie")
    path = tmp_path / "p.json"
    path.write_text(
        json.dumps(
            [
                {
                    "type": "publicatie",
                    "soort": "handreiking",
                    "slug": "handreiking",
                    "title": "Handreiking",
                    "summary": "Zo doe je het.",
                    "body_markdown": "**Stap 1**",
                    "themes": ["participatie"],
                    "published": "2026-01-02",
                }
            ]
        )
    )

    call_command("import_kennisbank", str(path), stdout=StringIO())

    publicatie = PublicatiePage.objects.get(slug="handreiking")
    assert publicatie.live and publicatie.soort == "handreiking"
    assert "<strong>Stap 1</strong>" in publicatie.body
    assert [t.slug for t in publicatie.themas.all()] == ["participatie"]


def test_list_query_count_does_not_grow(query_count, home):
    PublicatieIndexPageFactory()
    PublicatiePageFactory(themas=[ThemaFactory()])
    query_count.assert_constant(
        "/kennisbank/publicaties/",
        lambda: [PublicatiePageFactory(themas=[ThemaFactory()]) for _ in range(5)],
        maximum=15,
    )
