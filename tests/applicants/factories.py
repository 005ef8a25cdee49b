"""Factories for seeker profiles, CVs and applications, plus small CV files to upload."""

import io
import zipfile

import factory
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from applicants.cv_validation import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE
from applicants.models import CV, Application, ApplicationEvent, SeekerProfile
from applicants.snapshots import profile_snapshot
from listings.models import JapaneseLevel
from tests.accounts.factories import SeekerFactory
from tests.listings.factories import PublishedListingFactory, reference

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def docx_bytes(text: str = "Curriculum vitae") -> bytes:
    """A minimal Word document: the three parts Word and the CV check need."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def pdf_upload(name: str = "my-cv.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_upload(name: str = "my-cv.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, docx_bytes(), content_type=DOCX_CONTENT_TYPE)


class SeekerProfileFactory(factory.django.DjangoModelFactory):
    """A profile with everything applying needs."""

    class Meta:
        model = SeekerProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(SeekerFactory)
    full_name = factory.Sequence(lambda n: f"Maria Santos {n}")
    nationality = "PH"
    country_of_residence = "PH"
    japanese_level = factory.LazyFunction(lambda: reference(JapaneseLevel, slug="n4"))

    @factory.post_generation
    def skills_tests(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills_tests.set(extracted)


class CVFactory(factory.django.DjangoModelFactory):
    """A small real PDF in the private CV storage; the owner's first CV is the default."""

    class Meta:
        model = CV

    owner = factory.SubFactory(SeekerFactory)
    label = factory.Sequence(lambda n: f"CV {n}")
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="cv.pdf"))
    original_name = "cv.pdf"
    extension = ".pdf"
    content_type = PDF_CONTENT_TYPE
    size = len(PDF_BYTES)
    is_default = factory.LazyAttribute(
        lambda o: not CV.objects.visible().filter(owner=o.owner, is_default=True).exists()
    )


def _profile_of(seeker) -> SeekerProfile:
    return SeekerProfile.objects.filter(user=seeker).first() or SeekerProfileFactory(user=seeker)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A submitted application from a seeker with a complete profile, with its first event."""

    class Meta:
        model = Application
        skip_postgeneration_save = True
        exclude = ("profile",)

    listing = factory.SubFactory(PublishedListingFactory)
    seeker = factory.SubFactory(SeekerFactory)
    profile = factory.LazyAttribute(lambda o: _profile_of(o.seeker))
    cv = factory.LazyAttribute(lambda o: CVFactory(owner=o.seeker))
    profile_snapshot = factory.LazyAttribute(lambda o: profile_snapshot(o.profile))
    status = Application.Status.SUBMITTED

    @factory.post_generation
    def submitted_event(self, create, extracted, **kwargs):
        if create:
            ApplicationEvent.objects.create(
                application=self, actor=self.seeker, to_status=Application.Status.SUBMITTED
            )
