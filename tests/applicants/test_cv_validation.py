"""CV uploads: the content decides the type; hostile and broken files are refused with a code."""

import contextlib
import io
import struct
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.uploadedfile import SimpleUploadedFile

from applicants.cv_validation import (
    DOCX_CONTENT_TYPE,
    MAX_CV_BYTES,
    MAX_DOCX_ENTRIES,
    MAX_NAME_LENGTH,
    READ_CHUNK_BYTES,
    CheckedCV,
    check_cv_upload,
    sanitise_filename,
)

MIB = 1024 * 1024

# --- Building files in memory -------------------------------------------------------------


def build_pdf(*, catalog_extra=b"", trailer_extra=b"", extra_objects=(), padding=0) -> bytes:
    """A small one-page PDF with a real xref table; `padding` adds exactly that many bytes."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R" + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 47 >>\nstream\nBT /F1 12 Tf 72 770 Td (Curriculum vitae) Tj ET\nendstream",
        *extra_objects,
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    if padding:
        pdf += b"%" + b"x" * (padding - 2) + b"\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, trailer_extra)
    pdf += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(pdf)


def pdf_of_size(size: int) -> bytes:
    """A valid PDF of exactly `size` bytes (the startxref number grows with the padding)."""
    padding = size - len(build_pdf())
    padding -= len(build_pdf(padding=padding)) - size
    pdf = build_pdf(padding=padding)
    assert len(pdf) == size
    return pdf


ENCRYPTED_PDF = {
    "trailer_extra": b" /Encrypt 5 0 R /ID [<9f2c> <9f2c>]",
    "extra_objects": [b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <00> /U <00> >>"],
}


def pdf_with_action(action: bytes) -> bytes:
    return build_pdf(catalog_extra=b" /OpenAction 5 0 R", extra_objects=[action])


DOCX_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main_type}"/>'
    "</Types>"
)
RELS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org'
    '/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
DOCUMENT_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Curriculum vitae</w:t></w:r></w:p></w:body></w:document>"
)


def build_zip(parts: dict, *, encrypted=()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        for name in encrypted:
            # zipfile clears flag_bits when writing; set now, the central directory records it.
            archive.getinfo(name).flag_bits |= 0x1
    return buffer.getvalue()


def build_docx(*, main_type=DOCX_MAIN_TYPE, extra=None, encrypted=()) -> bytes:
    """A minimal Word document: content types, package relationships and the main part."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES_XML.format(main_type=main_type),
        "_rels/.rels": RELS_XML,
        "word/document.xml": DOCUMENT_XML,
        **(extra or {}),
    }
    return build_zip(parts, encrypted=encrypted)


def build_ole(*stream_names: str) -> bytes:
    """An OLE compound file: a header sector, then 128-byte directory entries with UTF-16 names."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    entries = b"".join(
        name.encode("utf-16-le").ljust(64, b"\0")
        + struct.pack("<H", 2 * len(name) + 2).ljust(64, b"\0")
        for name in ("Root Entry", *stream_names)
    )
    return header.ljust(512, b"\0") + entries.ljust(4096, b"\0")


class RawNameUpload(SimpleUploadedFile):
    """An upload that keeps its name as sent and streams in chunks like one spooled to disk.

    Django's form parsing strips paths from names, other callers may not; and in-memory uploads
    yield a single chunk, which would hide chunk-boundary bugs.
    """

    chunks = File.chunks

    @property
    def name(self):
        return self._raw_name

    @name.setter
    def name(self, value):
        self._raw_name = value


def upload_of(name: str, content: bytes, content_type="application/octet-stream"):
    return RawNameUpload(name, content, content_type=content_type)


def refusal_code(upload) -> str:
    with pytest.raises(ValidationError) as caught:
        check_cv_upload(upload)
    assert str(caught.value.messages[0])
    return caught.value.code


# --- Accepted -------------------------------------------------------------------------------


def test_valid_pdf_is_accepted():
    content = build_pdf()

    result = check_cv_upload(upload_of("cv.pdf", content, "application/pdf"))

    assert result == CheckedCV("pdf", ".pdf", "application/pdf", "cv.pdf", len(content))


def test_valid_docx_is_accepted():
    content = build_docx()

    result = check_cv_upload(upload_of("My CV.docx", content))

    assert result == CheckedCV("docx", ".docx", DOCX_CONTENT_TYPE, "My CV.docx", len(content))


def test_pdf_named_docx_is_a_pdf():
    result = check_cv_upload(SimpleUploadedFile("cv.docx", build_pdf(), DOCX_CONTENT_TYPE))

    assert (result.kind, result.display_name) == ("pdf", "cv.pdf")


def test_browser_content_type_is_ignored():
    result = check_cv_upload(SimpleUploadedFile("cv.docx", build_docx(), "text/plain"))

    assert result.kind == "docx"


@pytest.mark.parametrize("name", ["履歴書.pdf", "سی وی.pdf", "Résumé (2025) [final].pdf"])
def test_unicode_names_stay_readable(name):
    assert check_cv_upload(upload_of(name, build_pdf())).display_name == name


def test_pdf_of_exactly_the_limit_is_accepted():
    content = pdf_of_size(MAX_CV_BYTES)

    assert check_cv_upload(upload_of("cv.pdf", content)).size == MAX_CV_BYTES


def test_font_name_starting_with_js_is_not_javascript():
    content = build_pdf(extra_objects=[b"<< /Type /Font /BaseFont /JSans >>"])

    assert check_cv_upload(upload_of("cv.pdf", content)).kind == "pdf"


@pytest.mark.parametrize("content", [build_pdf(), b"MZ\x90\x00"], ids=["accepted", "refused"])
def test_upload_is_rewound_for_saving(content):
    upload = upload_of("cv.pdf", content)

    with contextlib.suppress(ValidationError):
        check_cv_upload(upload)

    assert upload.read() == content


# --- Refused --------------------------------------------------------------------------------

BAD_FILES = [
    pytest.param("cv.pdf", b"", "empty", id="empty"),
    pytest.param("cv.pdf", pdf_of_size(MAX_CV_BYTES + 1), "too_large", id="5MB+1"),
    pytest.param("cv.pdf", b"MZ\x90\x00\x03" + bytes(60) + b"PE\0\0", "unsupported", id="exe"),
    pytest.param("cv.pdf", b"\x7fELF\x02\x01\x01" + bytes(57), "unsupported", id="elf"),
    pytest.param(
        "cv.pdf", b"<!DOCTYPE html><html><body>CV</body></html>", "unsupported", id="html"
    ),
    pytest.param(
        "cv.docx", b"<script>alert(document.cookie)</script>", "unsupported", id="script"
    ),
    pytest.param(
        "cv.pdf",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
        "unsupported",
        id="svg",
    ),
    pytest.param(
        "cv.pdf", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "unsupported", id="jpeg"
    ),
    pytest.param(
        "cv.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "unsupported", id="png"
    ),
    pytest.param("cv.pdf", b"{\\rtf1\\ansi CV}", "unsupported", id="rtf"),
    pytest.param("cv.pdf", b"%P", "unsupported", id="2-bytes"),
    pytest.param("cv.docx", build_zip({"notes.txt": "hello"}), "unsupported", id="plain-zip"),
    pytest.param("cv.pdf", build_pdf(**ENCRYPTED_PDF), "encrypted", id="pdf-encrypted"),
    pytest.param("cv.pdf", build_pdf()[:-6], "damaged", id="pdf-no-eof"),
    pytest.param(
        "cv.pdf",
        pdf_with_action(b"<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>"),
        "active_content",
        id="pdf-javascript",
    ),
    pytest.param(
        "cv.pdf",
        pdf_with_action(b"<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>"),
        "active_content",
        id="pdf-javascript-hex-escaped",
    ),
    pytest.param(
        "cv.pdf",
        pdf_with_action(b"<< /Type /Action /S /Launch /F (cmd.exe) >>"),
        "active_content",
        id="pdf-launch",
    ),
    pytest.param(
        "cv.pdf",
        build_pdf(
            catalog_extra=b" /Names << /EmbeddedFiles 5 0 R >>",
            extra_objects=[b"<< /Names [(payload.exe) << /Type /Filespec >>] >>"],
        ),
        "active_content",
        id="pdf-embedded-file",
    ),
    pytest.param("cv.docx", build_docx(main_type=DOCM_MAIN_TYPE), "macros", id="docm"),
    pytest.param(
        "cv.docx",
        build_docx(extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}),
        "macros",
        id="vba-project",
    ),
    pytest.param(
        "cv.docx",
        build_docx(extra={"word/activeX/activeX1.xml": "<ax:ocx/>"}),
        "macros",
        id="activex",
    ),
    pytest.param(
        "cv.docx",
        build_ole("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"),
        "encrypted",
        id="ole-encrypted-docx",
    ),
    pytest.param(
        "cv.doc",
        build_ole("WordDocument", "1Table", "\x05SummaryInformation"),
        "unsupported",
        id="old-doc",
    ),
    pytest.param(
        "cv.docx",
        build_docx(extra={"word/media/zeros.bin": bytes(20 * MIB)}),
        "zip_bomb",
        id="bomb-ratio",
    ),
    pytest.param(
        "cv.docx",
        build_docx(extra={f"word/media/{i}.txt": "x" for i in range(MAX_DOCX_ENTRIES - 2)}),
        "zip_bomb",
        id="1001-entries",
    ),
    pytest.param(
        "cv.docx",
        # Each entry is at most 1 MB, so only the declared total gives them away.
        build_docx(extra={f"word/media/{i}.bin": bytes(MIB) for i in range(51)}),
        "zip_bomb",
        id="bomb-declared-total",
    ),
    pytest.param(
        "cv.docx", build_docx(extra={"../../evil.xml": "<x/>"}), "bad_name", id="entry-traversal"
    ),
    pytest.param(
        "cv.docx", build_docx(extra={"/etc/cron.d/x": "x"}), "bad_name", id="entry-absolute"
    ),
    pytest.param(
        "cv.docx",
        build_docx(extra={"word/secret.xml": "<x/>"}, encrypted=["word/secret.xml"]),
        "encrypted",
        id="entry-encrypted",
    ),
    pytest.param(
        "cv.docx",
        build_docx(extra={"[content_types].xml": "<Types/>"}),
        "damaged",
        id="duplicate-part",
    ),
    pytest.param("cv.docx", b"PK\x03\x04" + bytes(100), "damaged", id="broken-zip"),
    pytest.param("../../etc/passwd.pdf", build_pdf(), "bad_name", id="slash-traversal"),
    pytest.param("..\\..\\boot.ini.pdf", build_pdf(), "bad_name", id="backslash-traversal"),
    pytest.param("cv\x00.pdf", build_pdf(), "bad_name", id="nul"),
    pytest.param("cv\n.pdf", build_pdf(), "bad_name", id="newline"),
    pytest.param("....pdf", build_pdf(), "bad_name", id="dots-pdf"),
    pytest.param("..", build_pdf(), "bad_name", id="dot-dot"),
]


@pytest.mark.parametrize(("name", "content", "code"), BAD_FILES)
def test_bad_file_is_refused(name, content, code):
    assert refusal_code(upload_of(name, content)) == code


def test_size_is_counted_not_trusted():
    upload = upload_of("cv.pdf", pdf_of_size(MAX_CV_BYTES + 1))
    upload.size = 1024  # Django counts bytes itself, but other callers may hand over any size

    assert refusal_code(upload) == "too_large"


@pytest.mark.parametrize("split_at", range(1, len(b"/Encrypt")))
def test_encrypt_key_split_across_chunks_is_found(split_at):
    key_at = READ_CHUNK_BYTES - split_at
    content = build_pdf(
        **ENCRYPTED_PDF, padding=key_at - build_pdf(**ENCRYPTED_PDF).index(b"/Encrypt")
    )
    upload = upload_of("cv.pdf", content)
    assert content.index(b"/Encrypt") == key_at
    assert next(upload.chunks(READ_CHUNK_BYTES)).endswith(b"/Encrypt"[:split_at])

    assert refusal_code(upload) == "encrypted"


def test_unsupported_message_names_the_accepted_formats():
    with pytest.raises(ValidationError) as caught:
        check_cv_upload(upload_of("cv.pdf", b"GIF89a"))

    assert caught.value.messages == ["Upload a PDF or a Word (.docx) file."]


def test_too_large_message_gives_the_limit():
    with pytest.raises(ValidationError) as caught:
        check_cv_upload(upload_of("cv.pdf", bytes(MAX_CV_BYTES + 1)))

    assert caught.value.messages == ["This file is larger than 5 MB."]


# --- sanitise_filename ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "extension", "expected"),
    [
        ("../../etc/passwd", ".pdf", "passwd.pdf"),
        ("C:\\Users\\aiko\\cv.docx", ".docx", "cv.docx"),
        ("cv\x00\x1f.pdf", ".pdf", "cv__.pdf"),
        ("cv\u202egpj.pdf", ".pdf", "cv_gpj.pdf"),  # right-to-left override
        ('cv"; rm -rf ~.pdf', ".pdf", "cv__ rm -rf _.pdf"),
        ("  my   cv .pdf", ".pdf", "my cv.pdf"),
        ("cv\tfinal.pdf", ".pdf", "cv_final.pdf"),
        ("山田\u3000太郎.pdf", ".pdf", "山田 太郎.pdf"),
        ("re\u0301sume\u0301.pdf", ".pdf", "résumé.pdf"),  # NFC
        (".hidden.pdf", ".pdf", "hidden.pdf"),
        ("cv.exe", ".pdf", "cv.pdf"),
        ("cv.docx", ".pdf", "cv.pdf"),
        ("cv.PDF", ".pdf", "cv.pdf"),
        ("cv", ".docx", "cv.docx"),
        ("Dr. Tanaka", ".pdf", "Dr. Tanaka.pdf"),
        ("CV v2.1", ".pdf", "CV v2.1.pdf"),
        ("", ".pdf", "cv.pdf"),
        ("....", ".pdf", "cv.pdf"),
        ("\x00\x01.pdf", ".docx", "cv.docx"),
        (".pdf", ".pdf", "cv.pdf"),
    ],
)
def test_sanitise_filename(name, extension, expected):
    assert sanitise_filename(name, extension) == expected


def test_sanitise_filename_truncates_and_keeps_the_extension():
    result = sanitise_filename("履" * 300 + ".pdf", ".pdf")

    assert len(result) == MAX_NAME_LENGTH
    assert result == "履" * (MAX_NAME_LENGTH - 4) + ".pdf"
